"""Writes of a deal's lifecycle (its dated transitions) and of links between events.

A deal's `status` is the status of its latest transition (`deals.models.TRANSITION_ORDER`:
by date, undated last, then as recorded). Every write of a transition brings the deal's
status in step in the same transaction, and `deal_update` records a transition when it
changes the status, so the lifecycle and the deal's history always agree.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.dates import PartialDate
from core.editing import record_edit

from ..models import TRANSITION_ORDER, Deal, DealTransition, EventLink, linked_kind

__all__ = [
    "deal_status_changed",
    "deal_status_follow",
    "deal_transition_add",
    "deal_transition_remove",
    "deal_transition_update",
    "event_link_add",
    "event_link_remove",
    "event_link_update",
]


def _latest(deal: Deal) -> DealTransition | None:
    return DealTransition.objects.filter(deal=deal).order_by(*TRANSITION_ORDER).last()


def deal_status_follow(*, deal: Deal, user=None, reason: str = "") -> Deal:
    """Give `deal` the status of its latest transition (nothing to do without one)."""
    latest = _latest(deal)
    if latest is None or latest.status == deal.status:
        return deal
    return record_edit(record=deal, fields={"status": latest.status}, user=user, reason=reason)


def _lock(deal: Deal) -> Deal:
    """The deal, locked for the transaction, so two steps recorded at once cannot cross."""
    return Deal.objects.select_for_update().get(pk=deal.pk)


@transaction.atomic
def deal_transition_add(
    *,
    deal: Deal,
    status: str,
    occurred: PartialDate | None = None,
    user=None,
    reason: str = "",
    **fields,
) -> DealTransition:
    """A step of `deal`'s lifecycle: it reached `status` at `occurred` (unknown by default).

    `fields` are the step's other fields (`note`, `note_ar`, or the date's columns as an
    admin form gives them); `occurred`, when given, is its date.
    """
    deal = _lock(deal)
    fields["status"] = status
    if occurred is not None or "occurred_on" not in fields:
        fields["occurred"] = occurred or PartialDate()
    step = record_edit(record=DealTransition(deal=deal), fields=fields, user=user, reason=reason)
    step.deal = deal_status_follow(deal=deal, user=user, reason=reason)
    return step


@transaction.atomic
def deal_transition_update(
    *, transition: DealTransition, expected_version=None, user=None, reason="", **fields
) -> DealTransition:
    """Change a step's status, date or note; the deal's status follows the latest step."""
    fields.pop("deal", None)  # a step stays in its deal
    deal = _lock(transition.deal)
    edit = {"user": user, "reason": reason, "expected_version": expected_version}
    step = record_edit(record=transition, fields=fields, **edit)
    step.deal = deal_status_follow(deal=deal, user=user, reason=reason)
    return step


@transaction.atomic
def deal_transition_remove(*, transition: DealTransition, user=None, reason: str = "") -> Deal:
    """Delete a step; the deal takes the status of the latest one left (kept if none is)."""
    deal = _lock(transition.deal)
    transition._history_user = user
    transition._change_reason = reason or None
    transition.delete()
    return deal_status_follow(deal=deal, user=user, reason=reason)


def deal_status_changed(*, deal: Deal, old_status: str, user=None, reason: str = "") -> None:
    """Record the step a status change made, unless a transition already gives it."""
    if deal.status == old_status:
        return
    latest = _latest(deal)
    if latest is None or latest.status != deal.status:
        fields = {"status": deal.status, "occurred": PartialDate()}
        record_edit(record=DealTransition(deal=deal), fields=fields, user=user, reason=reason)


def _ends(subject, target) -> dict:
    ends = {}
    for prefix, record, name in (("from", subject, "subject"), ("to", target, "target")):
        if record is None:
            continue
        kind = linked_kind(record)
        if not kind:
            raise ValidationError(
                {
                    name: _(
                        "Only deals, investments, lawsuits, lawsuit events and developments "
                        "can be linked."
                    )
                }
            )
        ends[f"{prefix}_{kind}"] = record
    return ends


@transaction.atomic
def event_link_add(
    *, relation: str, subject=None, target=None, user=None, reason: str = "", **fields
) -> EventLink:
    """Record that `subject` `relation` `target` ("the licence follows the lawsuit").

    The ends may also be given as the link's own keys (`from_deal=…`, `to_lawsuit=…`, as
    an admin form does); `fields` may add a `note` and `note_ar`. The model refuses a
    link to itself, a pair of kinds the relation does not join and a duplicate.
    """
    link = EventLink(relation=relation)
    fields.update(_ends(subject, target))
    return record_edit(record=link, fields=fields, user=user, reason=reason)


@transaction.atomic
def event_link_update(
    *, link: EventLink, expected_version=None, user=None, reason="", **fields
) -> EventLink:
    """Change a link's relation, ends or note; the same rules as `event_link_add`."""
    edit = {"user": user, "reason": reason, "expected_version": expected_version}
    return record_edit(record=link, fields=fields, **edit)


@transaction.atomic
def event_link_remove(*, link: EventLink, user=None, reason: str = "") -> None:
    link._history_user = user
    link._change_reason = reason or None
    link.delete()
