"""Deals with their parties in valid roles, and investments with several investors.

Each deal follows a shape: its kinds, the roles its companies take in order, and how its
title reads in both languages. The companies of one deal are distinct, so no company
holds two roles that `deals.services.parties.EXCLUSIVE_ROLES` forbids together (an
acquirer is never its own target).
"""

from dataclasses import dataclass
from decimal import Decimal
from random import Random

from companies.models import Channel
from core.money import compact_amount
from deals.models import (
    Deal,
    DealParty,
    DealPartyRole,
    DealStatus,
    Investment,
    InvestmentRound,
    InvestmentStatus,
)

from .articles import ArticleDesk
from .companies import Directory, Named
from .values import SlugBook, money, partial_date
from .writer import bulk_insert

Role = DealPartyRole
Status = DealStatus


@dataclass(frozen=True)
class Shape:
    kinds: tuple[str, ...]
    #: The roles of the named companies, in order; `extra` may add one more.
    roles: tuple[str, ...]
    extra: str | None
    title: str
    title_ar: str
    statuses: tuple[str, ...]
    #: A hired unnamed group or people join as `hire` parties.
    hires: bool = False


SHAPES = (
    Shape(
        ("acquisition",),
        (Role.ACQUIRER, Role.TARGET),
        Role.SELLER,
        "{0} acquires {1}",
        "{0} تستحوذ على {1}",
        (Status.ANNOUNCED, Status.COMPLETED, Status.TERMINATED, Status.RUMORED),
    ),
    Shape(
        ("acquisition_offer",),
        (Role.BIDDER, Role.TARGET),
        Role.DECLINED,
        "{0} offers to buy {1}",
        "{0} تعرض شراء {1}",
        (Status.OFFERED, Status.REJECTED, Status.WITHDRAWN),
    ),
    Shape(
        ("bid",),
        (Role.BIDDER, Role.TARGET),
        Role.BIDDER,
        "{0} bids for {1}",
        "{0} تقدم عرضا لشراء {1}",
        (Status.OFFERED, Status.REJECTED),
    ),
    Shape(
        ("partnership",),
        (Role.PARTNER, Role.PARTNER),
        Role.PARTNER,
        "{0} and {1} form a partnership",
        "شراكة بين {0} و{1}",
        (Status.ANNOUNCED, Status.COMPLETED, Status.TALKS),
    ),
    Shape(
        ("licensing", "partnership"),
        (Role.LICENSOR, Role.LICENSEE),
        Role.PARTNER,
        "{0} licenses its models to {1}",
        "{0} ترخص نماذجها لشركة {1}",
        (Status.ANNOUNCED, Status.COMPLETED),
    ),
    Shape(
        ("merger",),
        (Role.PARTNER, Role.PARTNER),
        None,
        "{0} merges with {1}",
        "اندماج {0} مع {1}",
        (Status.TALKS, Status.ANNOUNCED, Status.COMPLETED),
    ),
    Shape(
        ("acqui_hire", "hiring"),
        (Role.ACQUIRER, Role.TARGET),
        None,
        "{0} hires the team of {1}",
        "{0} تضم فريق {1}",
        (Status.ANNOUNCED, Status.COMPLETED),
        hires=True,
    ),
    Shape(
        ("hiring",),
        (Role.EMPLOYER,),
        None,
        "{0} hires researchers",
        "{0} توظف باحثين",
        (Status.ANNOUNCED, Status.COMPLETED, Status.RUMORED),
        hires=True,
    ),
)
HUB_SHARE = 0.3
CHANNELS = [value for value in Channel.values if value]


def pick_distinct(rng: Random, pool: list[Named], count: int, first: Named | None = None):
    """`count` distinct records of `pool`, beginning with `first` when given."""
    picked = [first] if first else []
    ids = {named.id for named in picked}
    while len(picked) < min(count, len(pool)):
        named = rng.choice(pool)
        if named.id not in ids:
            ids.add(named.id)
            picked.append(named)
    return picked


def _value_text(row: dict) -> tuple[str, str]:
    if row["value_amount"] is None:
        return "", ""
    amount = f"{compact_amount(row['value_amount'])} {row['value_currency']}"
    return f", valued at {amount}", f" بقيمة {amount}"


def _deal(rng: Random, directory: Directory, slugs: SlugBook):
    """An unsaved deal and its parties as (role, company id, person id, group) tuples."""
    shape = rng.choice(SHAPES)
    count = len(shape.roles) + (shape.extra is not None and rng.random() < 0.3)
    hub = rng.choice(directory.hubs) if directory.hubs and rng.random() < HUB_SHARE else None
    companies = pick_distinct(rng, directory.companies, count, hub)
    roles = [*shape.roles, shape.extra][: len(companies)]
    parties = [(role, c.id, None, "") for role, c in zip(roles, companies, strict=True)]
    if shape.hires:
        hires = pick_distinct(rng, directory.people, rng.randint(0, 3 - len(companies)))
        parties += [(Role.HIRE, None, person.id, "") for person in hires]
        if not hires or rng.random() < 0.5:
            parties.append((Role.HIRE, None, None, "researchers"))
    names = [c.name for c in companies] + ["", ""]
    names_ar = [c.name_ar for c in companies] + ["", ""]
    title, title_ar = shape.title.format(*names), shape.title_ar.format(*names_ar)
    row = {**partial_date(rng, "announced"), **money(rng, "value", low=5, high=12)}
    value, value_ar = _value_text(row)
    announcer = rng.choice(directory.people) if directory.people and rng.random() < 0.2 else None
    deal = Deal(
        slug=slugs.slug(title, title_ar),
        title=title,
        title_ar=title_ar,
        status=rng.choice(shape.statuses),
        summary=f"{title}{value}.",
        summary_ar=f"{title_ar}{value_ar}.",
        announced_by_id=announcer.id if announcer else None,
        announced_via=rng.choice(CHANNELS) if rng.random() < 0.3 else "",
        **row,
    )
    return deal, shape.kinds, parties


def _party(rng: Random, deal: Deal, role, company_id, person_id, group) -> DealParty:
    party = DealParty(deal=deal, role=role, company_id=company_id, person_id=person_id)
    if group:
        party.unnamed_description = "dozens of researchers"
        party.unnamed_description_ar = "عشرات الباحثين"
        party.unnamed_count = rng.choice((None, 12, 30, 50))
    return party


def deals_generate(
    rng: Random, directory: Directory, count: int, desk: ArticleDesk, batch_size: int
) -> int:
    """`count` deals with 2 to 4 parties each, their kinds and one citation each."""
    slugs = SlugBook(Deal, "deal")
    written = 0
    for start in range(0, count, batch_size):
        made = [_deal(rng, directory, slugs) for _ in range(min(batch_size, count - start))]
        deals = bulk_insert([deal for deal, _, _ in made])
        kinds = [
            Deal.kinds.through(deal_id=deal.pk, dealkind_id=kind)
            for deal, deal_kinds, _ in made
            for kind in deal_kinds
        ]
        parties = [
            _party(rng, deal, *party) for deal, _, deal_parties in made for party in deal_parties
        ]
        bulk_insert(kinds)
        bulk_insert(parties)
        for deal in deals:
            desk.add("deal", deal.pk, deal.summary, deal.summary_ar)
        written += len(deals) + len(kinds) + len(parties)
    return written


def _investment(rng: Random, directory: Directory, slugs: SlugBook):
    investee = rng.choice(directory.companies)
    pool = [named for named in directory.investors if named.id != investee.id]
    investors = pick_distinct(rng, pool, rng.randint(1, 5)) if pool else []
    row = {**partial_date(rng, "announced"), **money(rng, "value", low=5, high=11)}
    value, value_ar = _value_text(row)
    backers = ", ".join(named.name for named in investors) or "undisclosed investors"
    backers_ar = "، ".join(named.name_ar for named in investors) or "مستثمرين لم يكشف عنهم"
    investment = Investment(
        slug=slugs.slug(f"{investee.name} investment"),
        investee_id=investee.id,
        round=rng.choice(InvestmentRound.values),
        status=rng.choice(InvestmentStatus.values),
        stake_percent=Decimal(rng.randint(1, 4999)) / 100 if rng.random() < 0.3 else None,
        summary=f"{investee.name} raises money from {backers}{value}.",
        summary_ar=f"{investee.name_ar} تجمع تمويلا من {backers_ar}{value_ar}.",
        **row,
    )
    return investment, investors


def investments_generate(
    rng: Random, directory: Directory, count: int, desk: ArticleDesk, batch_size: int
) -> int:
    """`count` investments, each with one to five investors and a citation."""
    slugs = SlugBook(Investment, "investment")
    written = 0
    for start in range(0, count, batch_size):
        made = [_investment(rng, directory, slugs) for _ in range(min(batch_size, count - start))]
        investments = bulk_insert([investment for investment, _ in made])
        links = [
            Investment.investors.through(investment_id=investment.pk, company_id=named.id)
            for investment, investors in made
            for named in investors
        ]
        bulk_insert(links)
        for investment in investments:
            desk.add("investment", investment.pk, investment.summary, investment.summary_ar)
        written += len(investments) + len(links)
    return written
