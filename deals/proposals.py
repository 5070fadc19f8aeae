"""Records of `deals` from accepted proposals: a payload read into a service call.

Each function is named by its record type's entry in `core.records`
(`Proposed.accept`) and called by `sources.services.review` with `read`, the payload's
reader: it checks each value's type and raises Django's `ValidationError` keyed by
where in the payload the problem is, and it resolves (or creates) the companies and
people a payload names; the record's review level is `machine`. The review cites
the record afterwards, in the same transaction; nothing here imports `sources`.
"""

from core.models import ReviewLevel

from .models import ClaimKind, DealKind
from .services import (
    Party,
    deal_create,
    development_create,
    lawsuit_create,
)


def _parties(read, role_key: str) -> list[Party]:
    return [
        Party(role=role, **{record._meta.model_name: record})
        for record, role in read.parties(role_key)
    ]


def deal_from_payload(read, *, user, reason: str):
    return deal_create(
        **read.texts("title", "title_ar", "status", "summary"),
        **read.partial_dates("announced"),
        **read.money(),
        kinds=read.codes("kinds", DealKind).get("kinds"),
        parties=_parties(read, "role"),
        review=ReviewLevel.MACHINE,
        user=user,
        reason=reason,
    )


def lawsuit_from_payload(read, *, user, reason: str):
    return lawsuit_create(
        **read.texts("title", "title_ar", "status", "court", "summary"),
        **read.partial_dates("filed"),
        **read.codes("claims", ClaimKind),
        parties=_parties(read, "side"),
        review=ReviewLevel.MACHINE,
        user=user,
        reason=reason,
    )


def development_from_payload(read, *, user, reason: str):
    summary_ar = read.text("summary_ar")
    return development_create(
        **read.texts("title", "title_ar", "kind"),
        summary=read.text("summary") or summary_ar,
        summary_ar=summary_ar,
        **read.partial_dates("occurred"),
        companies=read.companies("companies"),
        review=ReviewLevel.MACHINE,
        user=user,
        reason=reason,
    )
