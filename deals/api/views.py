import datetime
from decimal import Decimal

from django.db.models import DateField, DecimalField, Value
from django.db.models.functions import Coalesce
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param
from rest_framework.views import APIView

from core.api.pagination import decode_cursor, encode_cursor, page_size_of
from core.api.representations import Links
from core.api.views import (
    KEYSET_PARAMETERS,
    ConditionalGetMixin,
    RecordViewSet,
    WritableRecordViewSet,
    documented,
)

from ..filtersets import (
    DealFilterSet,
    DevelopmentFilterSet,
    InvestmentFilterSet,
    LawsuitFilterSet,
)
from ..models import Deal, Development, Investment, Lawsuit
from ..selectors import TimelineKind, timeline_entries, timeline_statuses
from . import serializers as s
from .examples import DEAL, DEAL_CREATE
from .representations import (
    DealRepresentation,
    DevelopmentRepresentation,
    InvestmentRepresentation,
    LawsuitRepresentation,
    TimelinePageOut,
    timeline_entry,
)

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


# Undated records and undisclosed values sort last whichever the direction.
DATE_ORDERINGS = {
    "-announced": Coalesce("announced_on", EARLIEST),
    "announced": Coalesce("announced_on", LATEST),
}
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


@documented(
    InvestmentRepresentation,
    keyset=True,
    parameters=[*KEYSET_PARAMETERS, ordering_parameter({**DATE_ORDERINGS, **VALUE_ORDERINGS})],
)
class InvestmentViewSet(OrderedRecordViewSet):
    """Money put into companies: amount, stake, round, investors."""

    queryset = Investment.objects.all()
    representation = InvestmentRepresentation
    filterset_class = InvestmentFilterSet
    write_serializer_class = s.InvestmentWrite
    orderings = {**DATE_ORDERINGS, **VALUE_ORDERINGS}
    default_ordering = "-announced"


FILED_ORDERINGS = {
    "-filed": Coalesce("filed_on", EARLIEST),
    "filed": Coalesce("filed_on", LATEST),
}


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


OCCURRED_ORDERINGS = {
    "-occurred": Coalesce("occurred_on", EARLIEST),
    "occurred": Coalesce("occurred_on", LATEST),
}


@documented(
    DevelopmentRepresentation,
    keyset=True,
    parameters=[*KEYSET_PARAMETERS, ordering_parameter(OCCURRED_ORDERINGS)],
)
class DevelopmentViewSet(OrderedListMixin, RecordViewSet):
    """Legal and market developments that name no single case or deal ("US courts have ruled
    for tech companies in training-data cases"). Read-only here."""

    queryset = Development.objects.all()
    representation = DevelopmentRepresentation
    filterset_class = DevelopmentFilterSet
    orderings = OCCURRED_ORDERINGS
    default_ordering = "-occurred"


TIMELINE_PARAMETERS = [
    OpenApiParameter("company", str, description="Only events involving this company (slug)."),
    OpenApiParameter(
        "kind", str, many=True, enum=TimelineKind.values, description="Kinds to include."
    ),
    OpenApiParameter("year", int, description="Only events of this year."),
    OpenApiParameter("cursor", str, description="The `next` link's cursor."),
    OpenApiParameter("page_size", int, description="1 to 200 (default 50)."),
]


class TimelineView(ConditionalGetMixin, APIView):
    """Every dated event in one stream, newest first: deals, investments, lawsuits and their
    events, product launches, foundings and developments."""

    permission_classes = [AllowAny]
    allowed_parameters = {"company", "kind", "status", "year", "cursor", "page_size", "format"}

    @extend_schema(parameters=TIMELINE_PARAMETERS, responses=TimelinePageOut)
    def get(self, request):
        params = request.query_params
        unknown = sorted(set(params) - self.allowed_parameters)
        errors = {name: ["Unknown query parameter."] for name in unknown}
        kinds = params.getlist("kind")
        if set(kinds) - set(TimelineKind.values):
            errors["kind"] = [f"Use one or more of: {', '.join(TimelineKind.values)}."]
        if "\x00" in params.get("company", ""):
            errors["company"] = ["Give a company slug."]
        status = params.get("status")
        statuses = [value for value, _ in timeline_statuses()]
        if status is not None and status not in statuses:
            errors["status"] = [f"Use one of: {', '.join(statuses)}."]
        year = params.get("year")
        if year is not None and not (year.isascii() and year.isdigit() and 1 <= int(year) <= 9999):
            errors["year"] = ["Give a year such as 2025."]
        if errors:
            raise ValidationError(errors)
        size = page_size_of(request)
        after = decode_cursor(params["cursor"]) if params.get("cursor") else None
        if after is not None and not (
            isinstance(after[0], datetime.date) and isinstance(after[1], str)
        ):
            raise ValidationError(
                {"cursor": ["This cursor is not valid; start again from the first page."]}
            )
        entries = timeline_entries(
            kinds=kinds or None,
            company=params.get("company"),
            year=int(year) if year else None,
            status=status or None,
            after=after,
            limit=size + 1,
        )
        more, entries = len(entries) > size, entries[:size]
        links = Links(request)
        results = [timeline_entry(entry, links) for entry in entries]
        url = request.build_absolute_uri()
        next_url = (
            replace_query_param(url, "cursor", encode_cursor(*entries[-1].cursor)) if more else None
        )
        return Response(
            {"next": next_url, "first": remove_query_param(url, "cursor"), "results": results}
        )
