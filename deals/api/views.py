import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import DateField, DecimalField, Value
from django.db.models.functions import Coalesce
from django.utils import translation
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param
from rest_framework.views import APIView

from companies.models import Product
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
from core.api.views import KEYSET_PARAMETERS, ConditionalGetMixin, WritableRecordViewSet

from ..filtersets import DealFilterSet, InvestmentFilterSet, LawsuitFilterSet
from ..models import (
    Deal,
    DealParty,
    Development,
    Investment,
    Lawsuit,
    LawsuitEvent,
    LawsuitEventKind,
    LawsuitParty,
)
from ..selectors import TimelineKind, timeline_page
from . import serializers as s
from .examples import DEAL, DEAL_CREATE

EARLIEST = Value(datetime.date(1, 1, 1), output_field=DateField())
NO_AMOUNT = Value(Decimal(-1), output_field=DecimalField(max_digits=20, decimal_places=2))
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


DATE_ORDERINGS = {
    "-announced": Coalesce("announced_on", EARLIEST),
    "announced": Coalesce("announced_on", EARLIEST),
}
VALUE_ORDERINGS = {
    "-value": Coalesce("value_amount", NO_AMOUNT),
    "value": Coalesce("value_amount", NO_AMOUNT),
}


@extend_schema_view(
    list=extend_schema(
        responses=keyset_page(s.DealOut, "DealPage"),
        parameters=[*KEYSET_PARAMETERS, ordering_parameter({**DATE_ORDERINGS, **VALUE_ORDERINGS})],
    ),
    retrieve=extend_schema(responses=s.DealOut, examples=[DEAL]),
    create=extend_schema(responses={201: s.DealOut}, examples=[DEAL_CREATE]),
    update=extend_schema(responses=s.DealOut),
    partial_update=extend_schema(responses=s.DealOut),
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


@extend_schema_view(
    list=extend_schema(
        responses=keyset_page(s.InvestmentOut, "InvestmentPage"),
        parameters=[*KEYSET_PARAMETERS, ordering_parameter({**DATE_ORDERINGS, **VALUE_ORDERINGS})],
    ),
    retrieve=extend_schema(responses=s.InvestmentOut),
    create=extend_schema(responses={201: s.InvestmentOut}),
    update=extend_schema(responses=s.InvestmentOut),
    partial_update=extend_schema(responses=s.InvestmentOut),
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
    "filed": Coalesce("filed_on", EARLIEST),
}


@extend_schema_view(
    list=extend_schema(
        responses=keyset_page(s.LawsuitOut, "LawsuitPage"),
        parameters=[*KEYSET_PARAMETERS, ordering_parameter(FILED_ORDERINGS)],
    ),
    retrieve=extend_schema(responses=s.LawsuitOut),
    create=extend_schema(responses={201: s.LawsuitOut}),
    update=extend_schema(responses=s.LawsuitOut),
    partial_update=extend_schema(responses=s.LawsuitOut),
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


def _companies_of_entries(rows: list[dict], links: Links) -> dict[tuple[str, int], list[dict]]:
    """The companies involved in each timeline entry, a constant number of queries."""
    ids = defaultdict(list)
    for row in rows:
        ids[row["e_kind"]].append(row["e_id"])
    found = defaultdict(list)

    def add(kind, record_id, slug, name, name_ar):
        ref = reference(links, "companies", slug, name, name_ar)
        if ref not in found[(kind, record_id)]:
            found[(kind, record_id)].append(ref)

    names = ["company__slug", "company__name", "company__name_ar"]
    queries = {
        TimelineKind.DEAL: DealParty.objects.filter(
            deal_id__in=ids[TimelineKind.DEAL], company__isnull=False
        ).values_list("deal_id", *names),
        TimelineKind.INVESTMENT: Investment.investors.through.objects.filter(
            investment_id__in=ids[TimelineKind.INVESTMENT]
        ).values_list("investment_id", *names),
        TimelineKind.LAWSUIT: LawsuitParty.objects.filter(
            lawsuit_id__in=ids[TimelineKind.LAWSUIT], company__isnull=False
        ).values_list("lawsuit_id", *names),
        TimelineKind.LAWSUIT_EVENT: LawsuitParty.objects.filter(
            lawsuit__events__id__in=ids[TimelineKind.LAWSUIT_EVENT], company__isnull=False
        ).values_list("lawsuit__events__id", *names),
        TimelineKind.PRODUCT_LAUNCH: Product.objects.filter(
            pk__in=ids[TimelineKind.PRODUCT_LAUNCH]
        ).values_list("id", *names),
        TimelineKind.DEVELOPMENT: Development.companies.through.objects.filter(
            development_id__in=ids[TimelineKind.DEVELOPMENT]
        ).values_list("development_id", *names),
    }
    for kind, query in queries.items():
        if ids[kind]:
            for record_id, slug, name, name_ar in query:
                add(kind, record_id, slug, name, name_ar)
    if ids[TimelineKind.INVESTMENT]:
        for record_id, slug, name, name_ar in Investment.objects.filter(
            pk__in=ids[TimelineKind.INVESTMENT]
        ).values_list("id", "investee__slug", "investee__name", "investee__name_ar"):
            found[(TimelineKind.INVESTMENT, record_id)].insert(
                0, reference(links, "companies", slug, name, name_ar)
            )
    for row in rows:
        if row["e_kind"] == TimelineKind.FOUNDING:
            add(
                TimelineKind.FOUNDING, row["e_id"], row["e_slug"], row["e_title"], row["e_title_ar"]
            )
    return found


ENTRY_RESOURCES = {
    TimelineKind.DEAL: "deals",
    TimelineKind.INVESTMENT: "investments",
    TimelineKind.LAWSUIT: "lawsuits",
    TimelineKind.LAWSUIT_EVENT: "lawsuits",
    TimelineKind.PRODUCT_LAUNCH: "products",
    TimelineKind.FOUNDING: "companies",
}


def _entry_titles(row: dict) -> tuple[str, str]:
    if row["e_kind"] == TimelineKind.INVESTMENT:
        return (
            f"Investment in {row['e_title']}",
            f"استثمار في {row['e_title_ar'] or row['e_title']}",
        )
    if row["e_kind"] == TimelineKind.LAWSUIT_EVENT:
        label = LawsuitEventKind(row["e_extra"])
        with translation.override("en"):
            english = f"{label.label}: {row['e_title']}"
        with translation.override("ar"):
            arabic = f"{label.label}: {row['e_title_ar'] or row['e_title']}"
        return english.capitalize() if english[:1].islower() else english, arabic
    return row["e_title"], row["e_title_ar"]


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
    allowed_parameters = {"company", "kind", "year", "cursor", "page_size", "format"}

    @extend_schema(parameters=TIMELINE_PARAMETERS, responses=s.TimelinePageOut)
    def get(self, request):
        params = request.query_params
        unknown = sorted(set(params) - self.allowed_parameters)
        errors = {name: ["Unknown query parameter."] for name in unknown}
        kinds = params.getlist("kind")
        if set(kinds) - set(TimelineKind.values):
            errors["kind"] = [f"Use one or more of: {', '.join(TimelineKind.values)}."]
        year = params.get("year")
        if year is not None and not (year.isdigit() and 1 <= int(year) <= 9999):
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
        rows = timeline_page(
            kinds=kinds or None,
            company=params.get("company"),
            year=int(year) if year else None,
            after=after,
            limit=size + 1,
        )
        more, rows = len(rows) > size, rows[:size]
        links = Links(request)
        companies = _companies_of_entries(rows, links)
        results = []
        for row in rows:
            title, title_ar = _entry_titles(row)
            resource = ENTRY_RESOURCES.get(row["e_kind"])
            results.append(
                {
                    "kind": row["e_kind"],
                    "id": row["e_id"],
                    "title": title,
                    "title_ar": title_ar,
                    "date": {
                        "date": row["e_day"].isoformat(),
                        "precision": row["e_precision"],
                        "inferred": row["e_inferred"],
                    },
                    "url": links.url(resource, row["e_slug"]) if resource else None,
                    "companies": companies.get((row["e_kind"], row["e_id"]), []),
                }
            )
        url = request.build_absolute_uri()
        next_url = (
            replace_query_param(url, "cursor", encode_cursor(rows[-1]["e_day"], rows[-1]["e_uid"]))
            if more
            else None
        )
        return Response(
            {"next": next_url, "first": remove_query_param(url, "cursor"), "results": results}
        )
