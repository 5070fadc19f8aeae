import datetime
from collections import defaultdict
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
from core.api.representations import (
    Links,
    citations_by_record,
    money,
    money_fields,
    ordered,
    partial_date,
    partial_date_fields,
    reference,
)
from core.api.serializers import keyset_page
from core.api.views import KEYSET_PARAMETERS, ConditionalGetMixin, WritableRecordViewSet, documented

from ..filtersets import DealFilterSet, InvestmentFilterSet, LawsuitFilterSet
from ..models import (
    Deal,
    DealParty,
    Investment,
    Lawsuit,
    LawsuitEvent,
    LawsuitParty,
)
from ..selectors import TimelineKind, timeline_entries, timeline_statuses
from . import serializers as s
from .examples import DEAL, DEAL_CREATE

EARLIEST = Value(datetime.date(1, 1, 1), output_field=DateField())
LATEST = Value(datetime.date(9999, 12, 31), output_field=DateField())
NO_AMOUNT = Value(Decimal(-1), output_field=DecimalField(max_digits=20, decimal_places=2))
ANY_AMOUNT = Value(Decimal("1e17"), output_field=DecimalField(max_digits=20, decimal_places=2))
DATED_FIELDS = ["id", "slug", "status", "summary", "summary_ar", "version", "updated_at"]


def ordering_parameter(choices: dict) -> OpenApiParameter:
    return OpenApiParameter(
        "ordering",
        str,
        enum=list(choices),
        description="Sort order; undated records and undisclosed values come last.",
    )


class OrderedRecordViewSet(WritableRecordViewSet):
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


def company_or_person(row: dict, links: Links, prefix: str = "") -> dict:
    company = (
        reference(
            links,
            "companies",
            row[f"{prefix}company__slug"],
            row[f"{prefix}company__name"],
            row[f"{prefix}company__name_ar"],
        )
        if row[f"{prefix}company_id"]
        else None
    )
    person = (
        reference(
            links,
            "people",
            row[f"{prefix}person__slug"],
            row[f"{prefix}person__name"],
            row[f"{prefix}person__name_ar"],
        )
        if row[f"{prefix}person_id"]
        else None
    )
    return {"company": company, "person": person}


PARTY_FIELDS = [
    "company_id",
    "company__slug",
    "company__name",
    "company__name_ar",
    "person_id",
    "person__slug",
    "person__name",
    "person__name_ar",
]


def dated_record(row: dict, links: Links, resource: str, citations) -> dict:
    return {
        "id": row["id"],
        "slug": row["slug"],
        "url": links.url(resource, row["slug"]),
        "html_url": links.page(resource, row["slug"]),
        "status": row["status"],
        "summary": row["summary"],
        "summary_ar": row["summary_ar"],
        "citations": citations.get(row["id"], []),
        "version": row["version"],
        "updated_at": row["updated_at"],
    }


def codes_by_record(through, record_field: str, code_field: str, ids: list[int]) -> dict:
    found = defaultdict(list)
    rows = (
        through.objects.filter(**{f"{record_field}__in": ids})
        .order_by(code_field)
        .values_list(record_field, code_field)
    )
    for record_id, code in rows:
        found[record_id].append(code)
    return found


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
    s.DealOut,
    page=keyset_page(s.DealOut, "DealPage"),
    parameters=[*KEYSET_PARAMETERS, ordering_parameter({**DATE_ORDERINGS, **VALUE_ORDERINGS})],
    retrieve_examples=[DEAL],
    create_examples=[DEAL_CREATE],
)
class DealViewSet(OrderedRecordViewSet):
    """Partnerships, licences, acquisitions, offers and bids, with their parties and sources."""

    resource = "deals"
    queryset = Deal.objects.all()
    filterset_class = DealFilterSet
    write_serializer_class = s.DealWrite
    orderings = {**DATE_ORDERINGS, **VALUE_ORDERINGS}
    default_ordering = "-announced"

    def build(self, ids):
        links = Links(self.request)
        rows = Deal.objects.filter(pk__in=ids).values(
            *DATED_FIELDS,
            "title",
            "title_ar",
            "announced_via",
            "announced_by__slug",
            "announced_by__name",
            "announced_by__name_ar",
            *partial_date_fields("announced"),
            *money_fields(),
        )
        kinds = codes_by_record(Deal.kinds.through, "deal_id", "dealkind_id", ids)
        parties = defaultdict(list)
        for row in (
            DealParty.objects.filter(deal_id__in=ids)
            .order_by("role", "id")
            .values(
                "deal_id",
                "role",
                "unnamed_description",
                "unnamed_description_ar",
                "unnamed_count",
                *PARTY_FIELDS,
            )
        ):
            unnamed = (
                {
                    "description": row["unnamed_description"],
                    "description_ar": row["unnamed_description_ar"],
                    "count": row["unnamed_count"],
                }
                if row["unnamed_description"]
                else None
            )
            parties[row["deal_id"]].append(
                {"role": row["role"], **company_or_person(row, links), "unnamed": unnamed}
            )
        citations = citations_by_record("deal", ids, links)
        records = {}
        for row in rows:
            announced_by = (
                reference(
                    links,
                    "people",
                    row["announced_by__slug"],
                    row["announced_by__name"],
                    row["announced_by__name_ar"],
                )
                if row["announced_by__slug"]
                else None
            )
            records[row["id"]] = {
                **dated_record(row, links, self.resource, citations),
                "title": row["title"],
                "title_ar": row["title_ar"],
                "kinds": kinds.get(row["id"], []),
                "announced": partial_date(row, "announced"),
                "announced_by": announced_by,
                "announced_via": row["announced_via"],
                "value": money(row),
                "parties": parties.get(row["id"], []),
            }
        return ordered(records, ids)


@documented(
    s.InvestmentOut,
    page=keyset_page(s.InvestmentOut, "InvestmentPage"),
    parameters=[*KEYSET_PARAMETERS, ordering_parameter({**DATE_ORDERINGS, **VALUE_ORDERINGS})],
)
class InvestmentViewSet(OrderedRecordViewSet):
    """Money put into companies: amount, stake, round, investors."""

    resource = "investments"
    queryset = Investment.objects.all()
    filterset_class = InvestmentFilterSet
    write_serializer_class = s.InvestmentWrite
    orderings = {**DATE_ORDERINGS, **VALUE_ORDERINGS}
    default_ordering = "-announced"

    def build(self, ids):
        links = Links(self.request)
        rows = Investment.objects.filter(pk__in=ids).values(
            *DATED_FIELDS,
            "round",
            "stake_percent",
            "investee__slug",
            "investee__name",
            "investee__name_ar",
            *partial_date_fields("announced"),
            *money_fields(),
        )
        investors = defaultdict(list)
        for row in (
            Investment.investors.through.objects.filter(investment_id__in=ids)
            .order_by("company__name")
            .values("investment_id", "company__slug", "company__name", "company__name_ar")
        ):
            investors[row["investment_id"]].append(
                reference(
                    links,
                    "companies",
                    row["company__slug"],
                    row["company__name"],
                    row["company__name_ar"],
                )
            )
        citations = citations_by_record("investment", ids, links)
        records = {
            row["id"]: {
                **dated_record(row, links, self.resource, citations),
                "investee": reference(
                    links,
                    "companies",
                    row["investee__slug"],
                    row["investee__name"],
                    row["investee__name_ar"],
                ),
                "investors": investors.get(row["id"], []),
                "round": row["round"],
                "announced": partial_date(row, "announced"),
                "value": money(row),
                "stake_percent": None
                if row["stake_percent"] is None
                else f"{row['stake_percent'].normalize():f}",
            }
            for row in rows
        }
        return ordered(records, ids)


FILED_ORDERINGS = {
    "-filed": Coalesce("filed_on", EARLIEST),
    "filed": Coalesce("filed_on", LATEST),
}


@documented(
    s.LawsuitOut,
    page=keyset_page(s.LawsuitOut, "LawsuitPage"),
    parameters=[*KEYSET_PARAMETERS, ordering_parameter(FILED_ORDERINGS)],
)
class LawsuitViewSet(OrderedRecordViewSet):
    """Court cases: parties on each side, claims, rulings and other events."""

    resource = "lawsuits"
    queryset = Lawsuit.objects.all()
    filterset_class = LawsuitFilterSet
    write_serializer_class = s.LawsuitWrite
    orderings = FILED_ORDERINGS
    default_ordering = "-filed"

    def build(self, ids):
        links = Links(self.request)
        rows = Lawsuit.objects.filter(pk__in=ids).values(
            *DATED_FIELDS,
            "title",
            "title_ar",
            "court",
            "docket_number",
            "jurisdiction",
            *partial_date_fields("filed"),
        )
        claims = codes_by_record(Lawsuit.claims.through, "lawsuit_id", "claimkind_id", ids)
        parties = defaultdict(list)
        for row in (
            LawsuitParty.objects.filter(lawsuit_id__in=ids)
            .order_by("side", "id")
            .values("lawsuit_id", "side", *PARTY_FIELDS)
        ):
            parties[row["lawsuit_id"]].append(
                {"side": row["side"], **company_or_person(row, links)}
            )
        event_rows = list(
            LawsuitEvent.objects.filter(lawsuit_id__in=ids)
            .order_by("occurred_on", "id")
            .values(
                "id",
                "lawsuit_id",
                "kind",
                "summary",
                "summary_ar",
                *partial_date_fields("occurred"),
            )
        )
        event_citations = citations_by_record(
            "lawsuit_event", [row["id"] for row in event_rows], links
        )
        events = defaultdict(list)
        for row in event_rows:
            events[row["lawsuit_id"]].append(
                {
                    "id": row["id"],
                    "kind": row["kind"],
                    "occurred": partial_date(row, "occurred"),
                    "summary": row["summary"],
                    "summary_ar": row["summary_ar"],
                    "citations": event_citations.get(row["id"], []),
                }
            )
        citations = citations_by_record("lawsuit", ids, links)
        records = {
            row["id"]: {
                **dated_record(row, links, self.resource, citations),
                "title": row["title"],
                "title_ar": row["title_ar"],
                "court": row["court"],
                "docket_number": row["docket_number"],
                "jurisdiction": row["jurisdiction"],
                "filed": partial_date(row, "filed"),
                "claims": claims.get(row["id"], []),
                "parties": parties.get(row["id"], []),
                "events": events.get(row["id"], []),
            }
            for row in rows
        }
        return ordered(records, ids)


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

    @extend_schema(parameters=TIMELINE_PARAMETERS, responses=s.TimelinePageOut)
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
        results = [
            {
                "kind": entry.kind,
                "id": entry.id,
                "title": entry.title,
                "title_ar": entry.title_ar,
                "date": {
                    "date": entry.date.date.isoformat(),
                    "precision": entry.date.precision,
                    "inferred": entry.date.inferred,
                },
                "url": links.url(entry.resource, entry.slug) if entry.resource else None,
                "companies": [
                    reference(links, "companies", *company) for company in entry.companies
                ],
            }
            for entry in entries
        ]
        url = request.build_absolute_uri()
        next_url = (
            replace_query_param(url, "cursor", encode_cursor(*entries[-1].cursor)) if more else None
        )
        return Response(
            {"next": next_url, "first": remove_query_param(url, "cursor"), "results": results}
        )
