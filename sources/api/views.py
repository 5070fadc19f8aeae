from django.core.exceptions import ObjectDoesNotExist
from django.db.models import F
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import permissions, status
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from core.api.representations import Links
from core.api.serializers import keyset_page
from core.api.views import KEYSET_PARAMETERS, RecordViewSet

from ..access import is_curator
from ..filtersets import ArticleFilterSet, ProposalFilterSet
from ..models import Article, Proposal
from ..services import (
    DuplicateArticle,
    article_submit,
    proposal_accept,
    proposal_merge,
    proposal_reject,
)
from ..services.review import (
    RECORD_MODELS,
    ProposalDecided,
    accept_permissions,
    merge_permissions,
)
from . import serializers as s
from .representations import (
    ArticleOut,
    ArticleRepresentation,
    DuplicateArticleOut,
    ProposalOut,
    ProposalRepresentation,
)


@extend_schema_view(
    list=extend_schema(
        responses=keyset_page(ArticleOut, "ArticlePage"), parameters=KEYSET_PARAMETERS
    ),
    retrieve=extend_schema(responses=ArticleOut),
    create=extend_schema(
        request=s.ArticleSubmit,
        responses={
            202: OpenApiResponse(ArticleOut, "Stored; ingestion queued (or done)."),
            409: OpenApiResponse(DuplicateArticleOut, "The text is already in the tracker."),
        },
    ),
)
class ArticleViewSet(RecordViewSet):
    """The articles facts are cited from. Full texts of news articles are for curators;
    readers get the cited excerpts (on each record) and the link. Curators submit new
    articles here; each is read by the ingestion task, which leaves proposals."""

    lookup_field = "pk"
    queryset = Article.objects.all()
    representation = ArticleRepresentation
    filterset_class = ArticleFilterSet
    sort_key = F("id")
    pagination_class = None
    #: What a submission accepts (also what OPTIONS describes).
    serializer_class = s.ArticleSubmit

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            article, _run = article_submit(**serializer.validated_data, user=request.user)
        except DuplicateArticle as duplicate:
            return Response(
                {
                    "detail": str(duplicate),
                    "code": "duplicate",
                    "article": self.build([duplicate.article.pk])[0],
                },
                status=status.HTTP_409_CONFLICT,
                headers={"Location": Links(request).url("articles", duplicate.article.pk)},
            )
        return Response(
            self.build([article.pk])[0],
            status=status.HTTP_202_ACCEPTED,
            headers={"Location": Links(request).url("articles", article.pk)},
        )


class CuratorsOnly(permissions.BasePermission):
    """Proposals are for curators: reading needs the view permission, deciding more."""

    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated and is_curator(request.user))


CURATORS_ONLY = {
    401: OpenApiResponse(description="Authentication needed: proposals are for curators."),
    403: OpenApiResponse(description="Only curators and reviewers see proposals."),
}


@extend_schema_view(
    list=extend_schema(
        responses={200: keyset_page(ProposalOut, "ProposalPage"), **CURATORS_ONLY},
        parameters=KEYSET_PARAMETERS,
    ),
    retrieve=extend_schema(responses={200: ProposalOut, **CURATORS_ONLY}),
    accept=extend_schema(
        request=s.ProposalAccept,
        responses={200: ProposalOut, 409: OpenApiResponse(description="Already decided.")},
    ),
    merge=extend_schema(
        request=s.ProposalMerge,
        responses={200: ProposalOut, 409: OpenApiResponse(description="Already decided.")},
    ),
    reject=extend_schema(
        request=s.ProposalReject,
        responses={200: ProposalOut, 409: OpenApiResponse(description="Already decided.")},
    ),
)
class ProposalViewSet(RecordViewSet):
    """What ingestion proposed from articles, for curators to accept, merge or reject.

    Accepting creates the record (and any new company it names) with a citation of the
    evidence sentence, in one transaction; send an edited `payload` to change it first.
    """

    lookup_field = "pk"
    queryset = Proposal.objects.all()
    representation = ProposalRepresentation
    filterset_class = ProposalFilterSet
    permission_classes = [CuratorsOnly]
    sort_key = F("id")
    pagination_class = None

    def _proposal(self, request, needed) -> Proposal:
        """The proposal of the URL, once the user may decide on it (`needed(kind)`)."""
        proposal = Proposal.objects.get(pk=self.get_record_id())
        if not request.user.has_perms(needed(proposal.kind)):
            raise PermissionDenied("Deciding on proposals needs the curator's permissions.")
        return proposal

    def _decided(self, proposal: Proposal, decide):
        try:
            decide()
        except ProposalDecided as decided:
            return Response({"detail": str(decided)}, status=status.HTTP_409_CONFLICT)
        return Response(self.build([proposal.pk])[0])

    @action(detail=True, methods=["post"], serializer_class=s.ProposalAccept)
    def accept(self, request, pk=None):
        """Accept the proposal as it is, or with the edited `payload` sent."""
        proposal = self._proposal(request, accept_permissions)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return self._decided(
            proposal,
            lambda: proposal_accept(
                proposal=proposal,
                user=request.user,
                payload=serializer.validated_data.get("payload"),
            ),
        )

    @action(detail=True, methods=["post"], serializer_class=s.ProposalMerge)
    def merge(self, request, pk=None):
        """Merge the proposal into an existing record of its kind, named by slug."""
        proposal = Proposal.objects.get(pk=self.get_record_id())
        model = RECORD_MODELS.get(proposal.kind)
        if model is None:
            raise ValidationError({"into": ["A new spelling is accepted or rejected, not merged."]})
        proposal = self._proposal(request, merge_permissions)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            target = model.objects.get(slug=serializer.validated_data["into"])
        except ObjectDoesNotExist:
            raise ValidationError(
                {"into": [f"No {model._meta.verbose_name} has this slug."]}
            ) from None
        return self._decided(
            proposal,
            lambda: proposal_merge(
                proposal=proposal,
                target=target,
                user=request.user,
                note=serializer.validated_data["note"],
            ),
        )

    @action(detail=True, methods=["post"], serializer_class=s.ProposalReject)
    def reject(self, request, pk=None):
        """Reject the proposal, with an optional note saying why."""
        proposal = self._proposal(request, lambda kind: ["sources.change_proposal"])
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return self._decided(
            proposal,
            lambda: proposal_reject(
                proposal=proposal, user=request.user, note=serializer.validated_data["note"]
            ),
        )
