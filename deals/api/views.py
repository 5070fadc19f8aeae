import datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import DateField, DecimalField, Value
from django.db.models.functions import Coalesce
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from core.api.filters import StrictFilterBackend
from core.api.pagination import INVALID_CURSOR, page_size_of
from core.api.representations import Links
from core.api.views import (
    KEYSET_PARAMETERS,
    ConditionalGetMixin,
    WritableRecordViewSet,
    documented,
    viewset_of,
)
from core.cursors import encode_cursor
from core.models import money_names

from ..filtersets import (
    DealFilterSet,
    LawsuitFilterSet,
    TimelineFilterSet,
    record_filterset,
    timeline_position,
)
from ..models import Deal, Lawsuit
from ..timeline import timeline_entries
from . import serializers as s
from .events import TransitionOut
from .examples import DEAL, DEAL_CREATE
from .representations import (
    DealOut,
    DealRepresentation,
    LawsuitRepresentation,
)
from .timeline import TimelinePageOut, timeline_entry

EARLIEST = Value(datetime.date(1, 1, 1), output_field=DateField())
LATEST = Value(datetime.date(9999, 12, 31), output_field=DateField())
NO_AMOUNT = Value(Decimal(-1), output_field=DecimalField(max_digits=20, decimal_places=2))
ANY_AMOUNT = Value(Decimal("1e17"), output_field=DecimalField(max_digits=20, decimal_places=2))


def ordering_parameter(choices: dict) -> OpenApiParameter:
    return OpenApiParameter(
        "ordering",
        str,
        enum=list(choices),
        description="Sort order; undated records and undisclosed values come last.",
    )


class OrderedListMixin:
    """Keyset-paginated records whose `ordering` picks the sort key."""

    orderings: dict = {}
    default_ordering = ""
    extra_query_parameters = ("ordering",)
    pagination_class = None

    def list(self, request, *args, **kwargs):
        choice = request.query_params.get("ordering", self.default_ordering)
        if choice not in self.orderings:
            raise ValidationError({"ordering": [f"Use one of: {', '.join(self.orderings)}."]})
        self.sort_key = self.orderings[choice]
        self.sort_key_type = Decimal if choice.endswith("value") else datetime.date
        self.descending = choice.startswith("-")
        return super().list(request, *args, **kwargs)


class OrderedRecordViewSet(OrderedListMixin, WritableRecordViewSet):
    """Ordered records that curators also create, update and delete here."""


def date_orderings(date: str) -> dict:
    """Newest or oldest first by the partial date `date`; undated records last either way."""
    return {
        f"-{date}": Coalesce(f"{date}_on", EARLIEST),
        date: Coalesce(f"{date}_on", LATEST),
    }


DATE_ORDERINGS = date_orderings("announced")
# Undisclosed values sort last whichever the direction.
VALUE_ORDERINGS = {
    "-value": Coalesce("value_amount", NO_AMOUNT),
    "value": Coalesce("value_amount", ANY_AMOUNT),
}


@documented(
    DealRepresentation,
    keyset=True,
    parameters=[*KEYSET_PARAMETERS, ordering_parameter({**DATE_ORDERINGS, **VALUE_ORDERINGS})],
    retrieve_examples=[DEAL],
    create_examples=[DEAL_CREATE],
)
class DealViewSet(OrderedRecordViewSet):
    """Partnerships, licences, acquisitions, offers and bids, with their parties and sources."""

    queryset = Deal.objects.all()
    representation = DealRepresentation
    filterset_class = DealFilterSet
    write_serializer_class = s.DealWrite
    orderings = {**DATE_ORDERINGS, **VALUE_ORDERINGS}
    default_ordering = "-announced"

    @extend_schema(
        methods=["GET"],
        request=None,
        responses=TransitionOut(many=True),
        description="The deal's lifecycle, oldest first: its status is the last step's.",
    )
    @extend_schema(
        methods=["POST"],
        request=s.TransitionWrite,
        responses={201: DealOut},
        description="Add a step to the deal's lifecycle (curators). The deal's status "
        "becomes the latest step's (by date, undated last); the response is the deal.",
    )
    @action(detail=True, methods=["get", "post"], url_path="transitions")
    def transitions(self, request, *args, **kwargs):
        deal_id = self.get_record_id()
        if request.method == "GET":
            return Response(self.build([deal_id])[0]["transitions"])
        deal = Deal.objects.get(pk=deal_id)
        serializer = s.TransitionWrite(
            data=request.data, context={"request": request, "deal": deal}
        )
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            serializer.save()
        return self._respond_with(deal, status.HTTP_201_CREATED)


FILED_ORDERINGS = date_orderings("filed")


@documented(
    LawsuitRepresentation,
    keyset=True,
    parameters=[*KEYSET_PARAMETERS, ordering_parameter(FILED_ORDERINGS)],
)
class LawsuitViewSet(OrderedRecordViewSet):
    """Court cases: parties on each side, claims, rulings and other events."""

    queryset = Lawsuit.objects.all()
    representation = LawsuitRepresentation
    filterset_class = LawsuitFilterSet
    write_serializer_class = s.LawsuitWrite
    orderings = FILED_ORDERINGS
    default_ordering = "-filed"


def record_viewset(record_type) -> type[OrderedRecordViewSet]:
    """The API resource of a dated record type that needs no viewset of its own
    (`core.api.views.viewset_of`): ordered by its timeline date, and by value when it has
    one; filtered by `record_filterset` unless its app defines a FilterSet."""
    model, date = record_type.model, record_type.timeline.date
    orderings = date_orderings(date)
    if "value" in money_names(model):
        orderings |= VALUE_ORDERINGS
    parameters = [*KEYSET_PARAMETERS, ordering_parameter(orderings)]
    viewset = viewset_of(
        model,
        OrderedRecordViewSet,
        {"keyset": True, "parameters": parameters},
        orderings=orderings,
        default_ordering=f"-{date}",
    )
    viewset.filterset_class = viewset.filterset_class or record_filterset(model, date)
    return viewset


class TimelineView(ConditionalGetMixin, GenericAPIView):
    """Every event in one stream, newest first: deals, investments, lawsuits and their
    events, product launches, foundings and developments. A record without a date is
    placed by the earliest dated article citing it, else in a last group whose date is
    not known (`placed_by`)."""

    permission_classes = [AllowAny]
    queryset = TimelineFilterSet.stand_in
    filterset_class = TimelineFilterSet
    pagination_class = None

    @extend_schema(filters=True, parameters=KEYSET_PARAMETERS, responses=TimelinePageOut)
    def get(self, request):
        filterset = StrictFilterBackend().valid_filterset(request, self.get_queryset(), self)
        size = page_size_of(request)
        cursor = request.query_params.get("cursor")
        after = timeline_position(cursor) if cursor else None
        if cursor and after is None:
            raise ValidationError({"cursor": [INVALID_CURSOR]})
        entries = timeline_entries(**filterset.timeline_filters(), after=after, limit=size + 1)
        more, entries = len(entries) > size, entries[:size]
        links = Links(request)
        url = request.build_absolute_uri()
        next_url = (
            replace_query_param(url, "cursor", encode_cursor(*entries[-1].cursor)) if more else None
        )
        return Response(
            {
                "next": next_url,
                "first": remove_query_param(url, "cursor"),
                "results": [timeline_entry(entry, links) for entry in entries],
            }
        )
