"""Reads of deals, investments and lawsuits; the dashboard's figures (the timeline: `timeline`)."""

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.core.cache import cache
from django.db.models import Count, F, Prefetch, Q, QuerySet, Sum
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from companies.models import Company, Person, Product
from companies.selectors import product_names
from core.data_version import data_version

from .models import (
    LINKED_KINDS,
    TRANSITION_ORDER,
    Deal,
    DealKind,
    DealParty,
    DealPartyRole,
    DealTransition,
    Development,
    EventLink,
    Investment,
    Lawsuit,
    LawsuitParty,
    LawsuitStatus,
    linked_kind,
)


def with_kinds_and_parties(deals: QuerySet[Deal]) -> QuerySet[Deal]:
    """Deals with their kinds and parties (companies and people joined) in two queries."""
    parties = DealParty.objects.select_related("company", "person").order_by("role", "id")
    return deals.prefetch_related(
        Prefetch("kinds", queryset=DealKind.objects.all()),
        Prefetch("parties", queryset=parties),
    )


def deal_page_queryset() -> QuerySet[Deal]:
    """Deals with what a deal's page shows besides its parties: kinds, announcer, sources,
    and its lifecycle's steps (in `TRANSITION_ORDER`) with theirs."""
    steps = DealTransition.objects.order_by(*TRANSITION_ORDER).prefetch_related(
        "citations__article"
    )
    return Deal.objects.prefetch_related(
        "kinds", "citations__article", Prefetch("transitions", queryset=steps)
    ).select_related("announced_by")


@dataclass(frozen=True)
class RelatedEvent:
    """One end of an event link as the other record's page shows it: "follows <lawsuit>"."""

    #: The relation read from the record whose page this is ("follows", "is followed by").
    label: str
    #: The record at the other end.
    record: object
    link: EventLink


def related_events(record) -> list[RelatedEvent]:
    """The links of a deal, investment, lawsuit (with its events) or development, each read
    from `record`'s side, with the other end and the link's sources: two queries."""
    kind = linked_kind(record)
    here = [Q(**{f"from_{kind}": record}), Q(**{f"to_{kind}": record})]
    if kind == "lawsuit":
        here += [Q(from_lawsuit_event__lawsuit=record), Q(to_lawsuit_event__lawsuit=record)]
    ends = [f"{end}_{name}" for end in ("from", "to") for name in LINKED_KINDS]
    links = (
        EventLink.objects.filter(reduce(or_, here))
        .select_related(*ends, "from_investment__investee", "to_investment__investee")
        .select_related("from_lawsuit_event__lawsuit", "to_lawsuit_event__lawsuit")
        .prefetch_related("citations__article")
        .order_by("id")
    )
    found = []
    for link in links:
        mine = link.subject == record or (
            kind == "lawsuit" and getattr(link.subject, "lawsuit_id", None) == record.pk
        )
        if mine:
            found.append(RelatedEvent(link.get_relation_display(), link.target, link))
        else:
            found.append(RelatedEvent(link.inverse_label, link.subject, link))
    return found


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


#: Deals and investments are summed or ranked only on comparable figures: totals in one
#: currency, of transactions that happened or were announced; a rejected, withdrawn or
#: rumoured bid is never a deal's value.
COMPARABLE = {"value_amount__isnull": False, "value_basis": "total", "value_currency": "USD"}
TRANSACTION_STATUSES = ("announced", "completed")
DASHBOARD_TTL = 24 * 3600


def _transactions(model) -> QuerySet:
    return model.objects.filter(status__in=TRANSACTION_STATUSES)


def _investment_title(investment: Investment, language: str) -> str:
    with translation.override(language):
        name = investment.investee.name_ar if language == "ar" else ""
        return _("Investment in %(name)s") % {"name": name or investment.investee.name}


def _largest(limit: int) -> list[dict]:
    """The largest comparable deals and investments, titled and linked alike."""
    deals = [
        {**deal, "url": reverse("deals:deal", args=[deal["slug"]])}
        for deal in _transactions(Deal)
        .filter(**COMPARABLE)
        .order_by("-value_amount")
        .values("slug", "title", "title_ar", "value_amount", "value_qualifier")[:limit]
    ]
    investments = [
        {
            "slug": investment.slug,
            "title": _investment_title(investment, "en"),
            "title_ar": _investment_title(investment, "ar"),
            "value_amount": investment.value_amount,
            "value_qualifier": investment.value_qualifier,
            "url": investment.get_absolute_url(),
        }
        for investment in _transactions(Investment)
        .filter(**COMPARABLE)
        .select_related("investee")
        .order_by("-value_amount")[:limit]
    ]
    return sorted(deals + investments, key=lambda row: -row["value_amount"])[:limit]


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

    The headline counts and sums only announced or completed transactions (deals and
    investments); the chart counts every recorded deal once, undated ones under None.

    Every write bumps the data version (database triggers), so readers never see figures
    older than the last curator's save, and no request scans whole tables twice.
    """
    key = f"dashboard:2:{data_version().version}"
    figures = cache.get(key)
    if figures is not None:
        return figures
    comparable = [_transactions(model).filter(**COMPARABLE) for model in (Deal, Investment)]
    figures = {
        "companies": Company.objects.count(),
        "deals": _transactions(Deal).count(),
        "disclosed_total": sum(
            queryset.aggregate(total=Sum("value_amount"))["total"] or 0 for queryset in comparable
        ),
        "disclosed_count": sum(queryset.count() for queryset in comparable),
        "open_lawsuits": Lawsuit.objects.filter(
            status__in=[LawsuitStatus.FILED, LawsuitStatus.PENDING]
        ).count(),
        "per_year": dict(
            Deal.objects.values_list("announced_on__year")
            .annotate(count=Count("id"))
            .order_by("announced_on__year")
        ),
        "largest": _largest(8),
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


def person_deals(person: Person) -> list[dict]:
    """The deals a person takes part in or announced, newest first, each once with the
    person's parts in it: {"deal", "roles"} (role labels, and "announcer")."""
    taking_part = DealParty.objects.filter(person=person).values("deal_id")
    deals = with_kinds_and_parties(
        Deal.objects.filter(Q(pk__in=taking_part) | Q(announced_by=person))
    ).order_by(F("announced_on").desc(nulls_last=True), "-id")
    found = []
    for deal in deals:
        roles = [str(p.get_role_display()) for p in deal.parties.all() if p.person_id == person.pk]
        if deal.announced_by_id == person.pk:
            roles.append(str(_("announcer")))
        found.append({"deal": deal, "roles": roles})
    return found


def person_lawsuits(person: Person) -> QuerySet[Lawsuit]:
    """Lawsuits a person is party to, with every party, newest first."""
    parties = LawsuitParty.objects.select_related("company", "person")
    return (
        Lawsuit.objects.filter(pk__in=LawsuitParty.objects.filter(person=person).values("lawsuit"))
        .prefetch_related(Prefetch("parties", queryset=parties))
        .order_by(F("filed_on").desc(nulls_last=True), "-id")
    )


def company_network(company) -> list[dict]:
    """The companies and people `company` dealt with: partners, targets, bidders,
    investors, opponents in court.

    Each counterpart once, with every relation that links them (a few queries): {"kind":
    "company" or "person", "slug", "name", "name_ar", "url", "relations"}.
    """
    relations = {"company": defaultdict(set), "person": defaultdict(set)}
    deal_ids = DealParty.objects.filter(company=company).values("deal_id")
    for other, person, role in (
        DealParty.objects.filter(deal_id__in=deal_ids)
        .exclude(company=company)
        .filter(Q(company__isnull=False) | Q(person__isnull=False))
        .values_list("company_id", "person_id", "role")
    ):
        kind, pk = ("company", other) if other else ("person", person)
        relations[kind][pk].add(str(DealPartyRole(role).label))
    for investee, investors in (
        Investment.objects.filter(Q(investee=company) | Q(investors=company))
        .values_list("investee_id", "investors")
        .distinct()
    ):
        if investee == company.pk and investors:
            relations["company"][investors].add(str(_("investor")))
        elif investors == company.pk and investee:
            relations["company"][investee].add(str(_("investee")))
    lawsuit_ids = LawsuitParty.objects.filter(company=company).values("lawsuit_id")
    for other, person in (
        LawsuitParty.objects.filter(lawsuit_id__in=lawsuit_ids)
        .exclude(company=company)
        .values_list("company_id", "person_id")
    ):
        kind, pk = ("company", other) if other else ("person", person)
        if pk:
            relations[kind][pk].add(str(_("in court")))
    nodes = []
    for kind, model in (("company", Company), ("person", Person)):
        records = model.objects.in_bulk(list(relations[kind]))
        nodes.extend(
            {
                "kind": kind,
                "slug": record.slug,
                "name": record.name,
                "name_ar": record.name_ar,
                "url": record.get_absolute_url(),
                "relations": sorted(relations[kind][pk]),
            }
            for pk, record in records.items()
        )
    return sorted(nodes, key=lambda node: (node["name"], node["kind"]))


def deals_with_companies(company_slugs: list[str], kind_codes: list[str]) -> QuerySet[Deal]:
    """Deals in which every one of the companies takes part, of one of the kinds."""
    deal_ids = None
    for slug in company_slugs:
        ids = set(DealParty.objects.filter(company__slug=slug).values_list("deal_id", flat=True))
        deal_ids = ids if deal_ids is None else deal_ids & ids
    if not deal_ids:
        return Deal.objects.none()
    return Deal.objects.filter(pk__in=deal_ids, kinds__in=kind_codes).distinct()


def _naming(queryset: QuerySet, product: Product, fields: tuple[str, ...]) -> QuerySet:
    """The records of `queryset` whose `fields` name `product` in any of its spellings, as
    a whole word and in its own case ("Imagine", not "imagine" or "Imagined")."""
    names = product_names(product)
    if not names:
        return queryset.none()
    candidates = Q()
    for name in names:
        for field in fields:
            candidates |= Q(**{f"{field}__contains": name})
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    word = re.compile(rf"(?<![A-Za-z0-9])(?:{alternatives})(?![A-Za-z0-9])")
    ids = [
        pk
        for pk, *texts in queryset.filter(candidates).values_list("pk", *fields)
        if any(word.search(text) for text in texts)
    ]
    return queryset.filter(pk__in=ids)


def product_deals(product: Product) -> QuerySet[Deal]:
    """The deals whose title or summary names the product, newest first."""
    deals = _naming(Deal.objects.all(), product, ("title", "title_ar", "summary", "summary_ar"))
    return with_kinds_and_parties(deals).order_by(F("announced_on").desc(nulls_last=True), "-id")


def product_developments(product: Product) -> QuerySet[Development]:
    """The developments whose title or summary names the product, newest first."""
    developments = _naming(
        Development.objects.all(), product, ("title", "title_ar", "summary", "summary_ar")
    )
    return developments.prefetch_related("companies").order_by(
        F("occurred_on").desc(nulls_last=True), "-id"
    )
