"""Reads of deals, investments and lawsuits; the timeline of every dated record."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.apps import apps
from django.core.cache import cache
from django.db.models import CharField, Count, F, Prefetch, Q, QuerySet, Sum, TextChoices, Value
from django.db.models.functions import Cast, Concat, LPad
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from companies.models import Company
from core.data_version import data_version
from core.dates import PartialDate
from core.records import RECORD_TYPES, CompanyLink, RecordType, TimelineSource, timeline_type

from .models import (
    Deal,
    DealKind,
    DealParty,
    DealPartyRole,
    Development,
    Investment,
    Lawsuit,
    LawsuitEventKind,
    LawsuitParty,
    LawsuitStatus,
)


def with_kinds_and_parties(deals: QuerySet[Deal]) -> QuerySet[Deal]:
    """Deals with their kinds and parties (companies and people joined) in two queries."""
    parties = DealParty.objects.select_related("company", "person").order_by("role", "id")
    return deals.prefetch_related(
        Prefetch("kinds", queryset=DealKind.objects.all()),
        Prefetch("parties", queryset=parties),
    )


def deal_page_queryset() -> QuerySet[Deal]:
    """Deals with what a deal's page shows besides its parties: kinds, announcer, sources."""
    return Deal.objects.prefetch_related("kinds", "citations__article").select_related(
        "announced_by"
    )


def deal_parties(deal: Deal) -> QuerySet[DealParty]:
    """A deal's parties with their companies and people joined."""
    return DealParty.objects.filter(deal=deal).select_related("company", "person")


def investment_page_queryset() -> QuerySet[Investment]:
    """Investments with their investee, investors and sources."""
    return Investment.objects.select_related("investee").prefetch_related(
        "investors", "citations__article"
    )


def development_page_queryset() -> QuerySet[Development]:
    """Developments with what their page shows: companies and cited articles."""
    return Development.objects.prefetch_related("companies", "citations__article")


def lawsuit_page_queryset() -> QuerySet[Lawsuit]:
    """Lawsuits with their claims, sources, and events with theirs (parties: `lawsuit_parties`)."""
    return Lawsuit.objects.prefetch_related(
        "claims", "citations__article", "events__citations__article"
    )


def lawsuit_parties(lawsuit: Lawsuit) -> QuerySet[LawsuitParty]:
    """A lawsuit's parties with their companies and people joined."""
    return LawsuitParty.objects.filter(lawsuit=lawsuit).select_related("company", "person")


def deal_latest(*, limit: int = 20) -> QuerySet[Deal]:
    """The most recently announced deals (undated ones last) with kinds and parties."""
    return with_kinds_and_parties(Deal.objects.all()).order_by(
        F("announced_on").desc(nulls_last=True), "-id"
    )[:limit]


#: The timeline's kinds of event, from the record types' table, in its order.
TIMELINE_TYPES = [record_type for record_type in RECORD_TYPES if record_type.timeline]
TimelineKind = TextChoices(
    "TimelineKind",
    [
        (source.kind.upper(), (source.kind, source.label))
        for source in (record_type.timeline for record_type in TIMELINE_TYPES)
    ],
)


def timeline_statuses() -> list[tuple[str, str]]:
    """Every status a record with one (deal, investment, lawsuit) can have, once each."""
    statuses = {}
    for record_type in TIMELINE_TYPES:
        if record_type.timeline.has_status:
            for value, label in record_type.model._meta.get_field("status").choices:
                statuses.setdefault(value, label)
    return list(statuses.items())


def _timeline_rows(record_type: RecordType, queryset: QuerySet) -> QuerySet:
    """One kind of dated event, in the columns every kind shares."""
    source = record_type.timeline
    return queryset.filter(**{f"{source.date}_on__isnull": False}).values(
        e_kind=Value(source.kind, output_field=CharField()),
        e_id=F("id"),
        e_slug=F(source.slug),
        e_page=F(record_type.page_key_path),
        e_title=F(source.title),
        e_title_ar=F(source.title_ar),
        e_extra=F(source.extra) if source.extra else Value("", output_field=CharField()),
        e_day=F(f"{source.date}_on"),
        e_precision=F(f"{source.date}_precision"),
        e_inferred=F(f"{source.date}_inferred"),
        e_uid=Concat(
            Value(f"{source.kind}:"),
            LPad(Cast("id", CharField()), 12, Value("0")),
            output_field=CharField(),
        ),
    )


def _linked_company(link: CompanyLink, slug: str) -> Q:
    """Records whose `link` leads to the company `slug`."""
    company_slug = f"{link.company}__slug" if link.company else "slug"
    if not link.model:
        return Q(**{company_slug: slug})
    rows = apps.get_model(link.model).objects.filter(**{company_slug: slug})
    return Q(pk__in=rows.values(link.record))


def _company_condition(source: TimelineSource, slug: str) -> Q:
    return reduce(or_, (_linked_company(link, slug) for link in source.companies))


def timeline_page(
    *,
    kinds: list[str] | None = None,
    company: str | None = None,
    year: int | None = None,
    status: str | None = None,
    after: tuple[datetime.date, str] | None = None,
    limit: int = 50,
) -> list[dict]:
    """Dated events of every kind, newest first, keyset-paginated on (date, kind:id).

    `after` is the last (date, uid) of the previous page. Undated records are not events
    on a timeline and are left out. A `status` keeps only deals, investments and lawsuits
    in that status. One query, a union of the kinds asked for.
    """
    parts = []
    for record_type in TIMELINE_TYPES:
        source = record_type.timeline
        if kinds and source.kind not in kinds:
            continue
        queryset = record_type.model.objects.all()
        if status:
            if not source.has_status:
                continue
            queryset = queryset.filter(status=status)
        if company:
            queryset = queryset.filter(_company_condition(source, company))
        if year:
            queryset = queryset.filter(**{f"{source.date}_on__year": year})
        part = _timeline_rows(record_type, queryset)
        if after:
            day, uid = after
            part = part.filter(Q(e_day__lt=day) | Q(e_day=day, e_uid__lt=uid))
        parts.append(part.order_by())
    if not parts:
        return []
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return list(union.order_by("-e_day", "-e_uid")[:limit])


@dataclass(frozen=True)
class TimelineEntry:
    """One dated event, ready to show or serialize."""

    kind: str
    id: int
    slug: str
    title: str
    title_ar: str
    date: PartialDate
    #: (slug, name, name_ar) of every company involved.
    companies: list[tuple[str, str, str]]
    #: The API resource it links to: "deals", "lawsuits", ...; "" for none.
    resource: str
    #: Its reader page.
    url: str
    cursor: tuple[datetime.date, str]

    @property
    def kind_label(self) -> str:
        return str(TimelineKind(self.kind).label)


def _companies_by_link(link: CompanyLink, model, ids: list[int]):
    """(record id, slug, name, name_ar) of the companies `link` leads to from `ids`."""
    names = [f"{link.company}__{name}" for name in ("slug", "name", "name_ar")]
    if not link.model:
        return model.objects.filter(pk__in=ids).values_list("id", *names)
    return (
        apps.get_model(link.model)
        .objects.filter(**{f"{link.record}__in": ids, f"{link.company}__isnull": False})
        .values_list(link.record, *names)
    )


def _entry_companies(rows: list[dict]) -> dict[tuple[str, int], list[tuple[str, str, str]]]:
    """The companies involved in each entry: one query per kind and link present."""
    ids = defaultdict(list)
    for row in rows:
        ids[row["e_kind"]].append(row["e_id"])
    found = defaultdict(list)
    for record_type in TIMELINE_TYPES:
        kind = record_type.timeline.kind
        for link in record_type.timeline.companies:
            if not ids[kind] or not link.company:
                continue
            for record_id, *company in _companies_by_link(link, record_type.model, ids[kind]):
                if tuple(company) not in found[(kind, record_id)]:
                    found[(kind, record_id)].append(tuple(company))
    for row in rows:
        if CompanyLink() in timeline_type(row["e_kind"]).timeline.companies:
            # The record is the company: its slug and name are the entry's.
            found[(row["e_kind"], row["e_id"])] = [
                (row["e_slug"], row["e_title"], row["e_title_ar"])
            ]
    return found


def _entry_titles(row: dict) -> tuple[str, str]:
    """English and Arabic titles; investments and lawsuit events are titled from their parent."""
    if row["e_kind"] == TimelineKind.INVESTMENT:
        with translation.override("en"):
            english = _("Investment in %(name)s") % {"name": row["e_title"]}
        with translation.override("ar"):
            arabic = _("Investment in %(name)s") % {"name": row["e_title_ar"] or row["e_title"]}
        return english, arabic
    if row["e_kind"] == TimelineKind.LAWSUIT_EVENT:
        label = LawsuitEventKind(row["e_extra"]).label
        with translation.override("en"):
            english = f"{str(label).capitalize()}: {row['e_title']}"
        with translation.override("ar"):
            arabic = f"{label}: {row['e_title_ar'] or row['e_title']}"
        return english, arabic
    return row["e_title"], row["e_title_ar"]


def timeline_entries(**filters) -> list[TimelineEntry]:
    """`timeline_page` rows with their titles and companies, in a constant number of queries."""
    rows = timeline_page(**filters)
    companies = _entry_companies(rows)
    entries = []
    for row in rows:
        title, title_ar = _entry_titles(row)
        record_type = timeline_type(row["e_kind"])
        resource = record_type.timeline.resource
        entries.append(
            TimelineEntry(
                kind=row["e_kind"],
                id=row["e_id"],
                slug=row["e_slug"],
                title=title,
                title_ar=title_ar,
                date=PartialDate(row["e_day"], row["e_precision"], row["e_inferred"]),
                companies=companies.get((row["e_kind"], row["e_id"]), []),
                resource=record_type.resource if resource is None else resource,
                url=record_type.page.url(row["e_page"], row["e_id"]),
                cursor=(row["e_day"], row["e_uid"]),
            )
        )
    return entries


#: Deals are summed or ranked only on comparable figures: totals in one currency.
COMPARABLE = {"value_amount__isnull": False, "value_basis": "total", "value_currency": "USD"}
DASHBOARD_TTL = 24 * 3600


def _most_connected(limit: int) -> list[dict]:
    """Companies with the most distinct counterparties across deals, investments and suits."""
    links = defaultdict(set)
    groups = defaultdict(set)
    for deal_id, company_id in DealParty.objects.filter(company__isnull=False).values_list(
        "deal_id", "company_id"
    ):
        groups[("deal", deal_id)].add(company_id)
    for lawsuit_id, company_id in LawsuitParty.objects.filter(company__isnull=False).values_list(
        "lawsuit_id", "company_id"
    ):
        groups[("lawsuit", lawsuit_id)].add(company_id)
    for investment_id, investee_id in Investment.objects.values_list("id", "investee_id"):
        groups[("investment", investment_id)].add(investee_id)
    for investment_id, company_id in Investment.investors.through.objects.values_list(
        "investment_id", "company_id"
    ):
        groups[("investment", investment_id)].add(company_id)
    for members in groups.values():
        for company_id in members:
            links[company_id] |= members - {company_id}
    ranked = sorted(links.items(), key=lambda item: (-len(item[1]), item[0]))[:limit]
    names = Company.objects.in_bulk([company_id for company_id, _ in ranked])
    return [
        {
            "slug": names[company_id].slug,
            "name": names[company_id].name,
            "name_ar": names[company_id].name_ar,
            "count": len(counterparts),
        }
        for company_id, counterparts in ranked
    ]


def dashboard_figures() -> dict:
    """Headline figures and chart data, computed once per data version and cached.

    Every write bumps the data version (database triggers), so readers never see figures
    older than the last curator's save, and no request scans whole tables twice.
    """
    key = f"dashboard:{data_version().version}"
    figures = cache.get(key)
    if figures is not None:
        return figures
    comparable = Deal.objects.filter(**COMPARABLE)
    per_year = defaultdict(lambda: defaultdict(int))
    for year, kind, count in (
        Deal.kinds.through.objects.filter(deal__announced_on__isnull=False)
        .values_list("deal__announced_on__year", "dealkind_id")
        .annotate(count=Count("deal_id", distinct=True))
        .order_by()
    ):
        per_year[year][kind] += count
    figures = {
        "companies": Company.objects.count(),
        "deals": Deal.objects.count(),
        "disclosed_total": comparable.aggregate(total=Sum("value_amount"))["total"],
        "disclosed_count": comparable.count(),
        "open_lawsuits": Lawsuit.objects.filter(
            status__in=[LawsuitStatus.FILED, LawsuitStatus.PENDING]
        ).count(),
        "per_year": {year: dict(kinds) for year, kinds in sorted(per_year.items())},
        "largest": list(
            comparable.order_by("-value_amount").values(
                "slug", "title", "title_ar", "value_amount", "value_qualifier"
            )[:8]
        ),
        "connected": _most_connected(8),
    }
    cache.set(key, figures, DASHBOARD_TTL)
    return figures


def company_deals(company) -> QuerySet[Deal]:
    """The deals a company takes part in, in any role, newest first."""
    taking_part = Deal.objects.filter(
        pk__in=DealParty.objects.filter(company=company).values("deal_id")
    )
    return with_kinds_and_parties(taking_part).order_by(
        F("announced_on").desc(nulls_last=True), "-id"
    )


def company_investments(company) -> QuerySet[Investment]:
    """Investments into or by a company."""
    return (
        Investment.objects.filter(Q(investee=company) | Q(investors=company))
        .distinct()
        .select_related("investee")
        .prefetch_related("investors")
        .order_by(F("announced_on").desc(nulls_last=True), "-id")
    )


def company_lawsuits(company) -> QuerySet[Lawsuit]:
    """Lawsuits a company is party to, with every party."""
    parties = LawsuitParty.objects.select_related("company", "person")
    return (
        Lawsuit.objects.filter(parties__company=company)
        .prefetch_related(Prefetch("parties", queryset=parties), "claims")
        .order_by(F("filed_on").desc(nulls_last=True), "-id")
    )


def company_network(company) -> list[dict]:
    """The companies `company` dealt with: partners, targets, investors, opponents.

    Each counterpart once, with every relation that links them (a few queries).
    """
    relations = defaultdict(set)
    deal_ids = DealParty.objects.filter(company=company).values("deal_id")
    for other, role in (
        DealParty.objects.filter(deal_id__in=deal_ids, company__isnull=False)
        .exclude(company=company)
        .values_list("company_id", "role")
    ):
        relations[other].add(str(DealPartyRole(role).label))
    for investee, investors in (
        Investment.objects.filter(Q(investee=company) | Q(investors=company))
        .values_list("investee_id", "investors")
        .distinct()
    ):
        if investee == company.pk and investors:
            relations[investors].add(str(_("investor")))
        elif investors == company.pk and investee:
            relations[investee].add(str(_("investee")))
    lawsuit_ids = LawsuitParty.objects.filter(company=company).values("lawsuit_id")
    for other in (
        LawsuitParty.objects.filter(lawsuit_id__in=lawsuit_ids, company__isnull=False)
        .exclude(company=company)
        .values_list("company_id", flat=True)
    ):
        relations[other].add(str(_("in court")))
    companies = Company.objects.in_bulk(list(relations))
    return sorted(
        (
            {
                "slug": companies[pk].slug,
                "name": companies[pk].name,
                "name_ar": companies[pk].name_ar,
                "relations": sorted(relations[pk]),
            }
            for pk in relations
            if pk in companies
        ),
        key=lambda item: item["name"],
    )


def deals_with_companies(company_slugs: list[str], kind_codes: list[str]) -> QuerySet[Deal]:
    """Deals in which every one of the companies takes part, of one of the kinds."""
    deal_ids = None
    for slug in company_slugs:
        ids = set(DealParty.objects.filter(company__slug=slug).values_list("deal_id", flat=True))
        deal_ids = ids if deal_ids is None else deal_ids & ids
    if not deal_ids:
        return Deal.objects.none()
    return Deal.objects.filter(pk__in=deal_ids, kinds__in=kind_codes).distinct()
