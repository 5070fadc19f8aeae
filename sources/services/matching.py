"""Whether an event proposal repeats a record the tracker already holds.

Accepting a proposal of a deal, an investment or a lawsuit that the tracker already has
(same kind, same parties, a date and amount that agree: `deals.matching`) adds the
article's citation and fills blanks on that record instead of creating a second one.
Only parties that are already records can match: a proposal naming a new company is a
new event.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from companies.duplicates import duplicate_candidates
from companies.models import Company, Person
from core.dates import PartialDate
from core.money import Money
from deals.matching import deal_matching, investment_matching, lawsuit_matching

from . import payloads

_MODELS = {"company": Company, "person": Person}


def _known(reference) -> Company | Person | None:
    """The record a payload reference names, if the tracker has it (never created)."""
    if not isinstance(reference, dict):
        return None
    kind = reference.get("type") or "company"
    model = _MODELS.get(kind) if isinstance(kind, str) else None
    if model is None:
        return None
    slug = reference.get("slug")
    if isinstance(slug, str) and slug:
        return model.objects.filter(slug=slug).first()
    names = [reference.get(key) for key in ("name", "name_ar")]
    candidates = duplicate_candidates(model, [n for n in names if isinstance(n, str)])
    return candidates[0].record if candidates else None


def _records(references) -> tuple[set[int], set[int]] | None:
    """The ids of the companies and people named, or None when one is not recorded."""
    companies, people = set(), set()
    for reference in references if isinstance(references, list) else []:
        record = _known(reference)
        if record is None:
            return None
        (companies if isinstance(record, Company) else people).add(record.pk)
    return companies, people


def _date(payload: dict, name: str) -> PartialDate:
    try:
        return payloads.partial_dates(payload, name).get(name, PartialDate())
    except ValidationError:
        return PartialDate()


def _money(payload: dict) -> Money:
    try:
        return payloads.money(payload).get("value", Money())
    except ValidationError:
        return Money()


def existing_event(kind: str, payload: dict):
    """The recorded deal, investment or lawsuit this proposal's payload reports again."""
    if kind == "deal":
        found = _records(payload.get("parties"))
        given = payload.get("kinds")
        kinds = [k for k in given if isinstance(k, str)] if isinstance(given, list) else []
        if found is None or not kinds:
            return None
        companies, people = found
        return deal_matching(
            kinds=kinds,
            companies=companies,
            people=people,
            announced=_date(payload, "announced"),
            value=_money(payload),
        )
    if kind == "investment":
        investee = _known(payload.get("investee"))
        found = _records(payload.get("investors") or [])
        if not isinstance(investee, Company) or found is None:
            return None
        return investment_matching(
            investee=investee.pk,
            investors=found[0],
            announced=_date(payload, "announced"),
            value=_money(payload),
        )
    if kind == "lawsuit":
        found = _records(payload.get("parties"))
        if found is None:
            return None
        return lawsuit_matching(companies=found[0], people=found[1], filed=_date(payload, "filed"))
    return None
