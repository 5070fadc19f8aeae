"""Writes of deals, investments, lawsuits (with their events) and developments.

Every path that writes one of these records (the API, the admin, imports, the seed,
accepted proposals) calls the functions here, so a rule or a side effect added here
holds everywhere. Fields are given by name as keyword arguments (`title=…`,
`announced=PartialDate(…)`, `value=Money(…)`); links and parties as lists, where None
leaves them as they are. The bookkeeping (version, lock, history, slug redirect) is
`core.editing.record_edit`.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.editing import record_edit

from ..models import Deal, Development, Investment, Lawsuit, LawsuitEvent
from .events import deal_status_changed
from .parties import Party, parties_check, parties_replace

__all__ = [
    "deal_create",
    "deal_update",
    "development_create",
    "development_update",
    "investment_create",
    "investment_update",
    "lawsuit_create",
    "lawsuit_event_add",
    "lawsuit_event_update",
    "lawsuit_update",
]


def _with_parties(record, parties: list[Party] | None, *, fields, links, edit) -> Deal | Lawsuit:
    if parties is not None:
        parties_check(record_model=type(record), parties=parties)
    record = record_edit(record=record, fields=fields, links=links, **edit)
    if parties is not None:
        parties_replace(record=record, parties=parties, user=edit.get("user"))
    return record


def _require_kinds(kinds) -> None:
    if kinds is not None and not list(kinds):
        raise ValidationError({"kinds": [_("A deal has at least one kind.")]})


@transaction.atomic
def deal_create(*, kinds, parties=None, user=None, reason: str = "", **fields) -> Deal:
    """A new deal with its kinds and parties (see `parties_check` for their rules)."""
    _require_kinds([] if kinds is None else kinds)
    edit = {"user": user, "reason": reason}
    return _with_parties(Deal(), parties, fields=fields, links={"kinds": kinds}, edit=edit)


@transaction.atomic
def deal_update(
    *, deal: Deal, expected_version=None, kinds=None, parties=None, user=None, reason="", **fields
) -> Deal:
    """Change the given fields; kinds and parties, when given, replace the old ones.

    A new status is recorded as an undated step of the deal's lifecycle, which makes it
    the latest step (see `deals.services.events`).
    """
    _require_kinds(kinds)
    old_status = Deal.objects.filter(pk=deal.pk).values_list("status", flat=True).first()
    edit = {"user": user, "reason": reason, "expected_version": expected_version}
    deal = _with_parties(deal, parties, fields=fields, links={"kinds": kinds}, edit=edit)
    deal_status_changed(deal=deal, old_status=old_status, user=user, reason=reason)
    return deal


def _check_investors(investee, investors) -> None:
    if investee is not None and investors is not None and investee in list(investors):
        raise ValidationError(
            {"investors": [_("%(company)s cannot invest in itself.") % {"company": investee}]}
        )


@transaction.atomic
def investment_create(*, investors=None, user=None, reason: str = "", **fields) -> Investment:
    """A new investment in `investee` by `investors` (never the investee itself)."""
    _check_investors(fields.get("investee"), investors)
    return record_edit(
        record=Investment(),
        fields=fields,
        links={"investors": investors},
        user=user,
        reason=reason,
    )


@transaction.atomic
def investment_update(
    *, investment: Investment, expected_version=None, investors=None, user=None, reason="", **fields
) -> Investment:
    investee = fields.get("investee", investment.investee if investment.investee_id else None)
    _check_investors(investee, investors if investors is not None else investment.investors.all())
    edit = {"user": user, "reason": reason, "expected_version": expected_version}
    return record_edit(record=investment, fields=fields, links={"investors": investors}, **edit)


@transaction.atomic
def lawsuit_create(*, claims=None, parties=None, user=None, reason: str = "", **fields) -> Lawsuit:
    """A new lawsuit with its claims and its parties, each on one side."""
    edit = {"user": user, "reason": reason}
    links = {"claims": claims}
    return _with_parties(Lawsuit(), parties, fields=fields, links=links, edit=edit)


@transaction.atomic
def lawsuit_update(
    *,
    lawsuit: Lawsuit,
    expected_version=None,
    claims=None,
    parties=None,
    user=None,
    reason="",
    **fields,
) -> Lawsuit:
    edit = {"user": user, "reason": reason, "expected_version": expected_version}
    return _with_parties(lawsuit, parties, fields=fields, links={"claims": claims}, edit=edit)


@transaction.atomic
def lawsuit_event_add(*, lawsuit: Lawsuit, user=None, reason: str = "", **fields) -> LawsuitEvent:
    """A dated step (a ruling, a settlement…) in `lawsuit`."""
    event = LawsuitEvent(lawsuit=lawsuit)
    return record_edit(record=event, fields=fields, user=user, reason=reason)


@transaction.atomic
def lawsuit_event_update(
    *, event: LawsuitEvent, expected_version=None, user=None, reason="", **fields
) -> LawsuitEvent:
    return record_edit(
        record=event, fields=fields, expected_version=expected_version, user=user, reason=reason
    )


@transaction.atomic
def development_create(*, companies=None, user=None, reason: str = "", **fields) -> Development:
    """A legal or market development, with the companies it concerns."""
    links = {"companies": companies}
    return record_edit(record=Development(), fields=fields, links=links, user=user, reason=reason)


@transaction.atomic
def development_update(
    *,
    development: Development,
    expected_version=None,
    companies=None,
    user=None,
    reason="",
    **fields,
) -> Development:
    edit = {"user": user, "reason": reason, "expected_version": expected_version}
    links = {"companies": companies}
    return record_edit(record=development, fields=fields, links=links, **edit)
