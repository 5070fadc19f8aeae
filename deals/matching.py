"""The recorded event a newly reported one repeats, if any.

An article that reports a deal, an investment or a lawsuit the tracker already holds
(the same kind, the same parties, a date and an amount that do not contradict it) adds
a citation and fills blanks on that record; it must not become a second record. These
reads decide when two reports are one event.
"""

from __future__ import annotations

from decimal import Decimal

from core.dates import PartialDate
from core.money import Money

from .models import Deal, Investment, Lawsuit

#: How far two stated amounts of one event may differ ("about $14B" and "$14.3B").
AMOUNT_TOLERANCE = Decimal("0.1")


def dates_agree(recorded: PartialDate, reported: PartialDate) -> bool:
    """Unknown dates agree with anything; known ones when their periods overlap."""
    if not recorded.is_known or not reported.is_known:
        return True
    return recorded.date <= reported.last_day and reported.date <= recorded.last_day


def amounts_agree(recorded: Money, reported: Money) -> bool:
    """Unstated amounts agree with anything; stated ones in one currency within 10%."""
    if not recorded.is_stated or not reported.is_stated:
        return True
    if recorded.currency != reported.currency:
        return False
    larger = max(recorded.amount, reported.amount)
    return larger == 0 or abs(recorded.amount - reported.amount) / larger <= AMOUNT_TOLERANCE


def _agrees(record, date_name: str, date: PartialDate, value: Money | None) -> bool:
    if not dates_agree(getattr(record, date_name), date):
        return False
    return value is None or amounts_agree(record.value, value)


def deal_matching(
    *, kinds: list[str], companies: set[int], people: set[int], announced: PartialDate, value: Money
) -> Deal | None:
    """A recorded deal of one of `kinds` whose named parties include all of these."""
    if not companies and not people:
        return None
    deals = Deal.objects.filter(kinds__in=kinds).distinct().prefetch_related("parties")
    for company in companies:
        deals = deals.filter(parties__company=company)
    for person in people:
        deals = deals.filter(parties__person=person)
    return next((d for d in deals if _agrees(d, "announced", announced, value)), None)


def investment_matching(
    *, investee: int, investors: set[int], announced: PartialDate, value: Money
) -> Investment | None:
    """A recorded investment in `investee` by (at least) these investors."""
    investments = Investment.objects.filter(investee=investee)
    for investor in investors:
        investments = investments.filter(investors=investor)
    return next(
        (i for i in investments.distinct() if _agrees(i, "announced", announced, value)), None
    )


def lawsuit_matching(
    *, companies: set[int], people: set[int], filed: PartialDate
) -> Lawsuit | None:
    """A recorded lawsuit between (at least) these parties, filed when it says."""
    if not companies and not people:
        return None
    lawsuits = Lawsuit.objects.all()
    for company in companies:
        lawsuits = lawsuits.filter(parties__company=company)
    for person in people:
        lawsuits = lawsuits.filter(parties__person=person)
    return next((s for s in lawsuits.distinct() if dates_agree(s.filed, filed)), None)
