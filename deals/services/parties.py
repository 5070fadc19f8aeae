"""Who takes part in a deal or a lawsuit, and in what role: every rule in one place.

`parties_replace` is the only writer of `DealParty` and `LawsuitParty` rows. It refuses
a list that breaks a rule (a party twice in one role, a company in two roles that
exclude each other, a lawsuit party on both sides) before anything is written, and then
changes only what differs, so the history shows the parties that really came or went.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from companies.models import Company, Person

from ..models import Deal, DealParty, DealPartyRole, Lawsuit, LawsuitParty, LawsuitSide

__all__ = ["EXCLUSIVE_ROLES", "Party", "parties_check", "parties_replace"]

#: Roles one company or person cannot hold together in one deal.
EXCLUSIVE_ROLES = [
    {DealPartyRole.ACQUIRER, DealPartyRole.TARGET},
    {DealPartyRole.ACQUIRER, DealPartyRole.SELLER},
    {DealPartyRole.BIDDER, DealPartyRole.TARGET},
    {DealPartyRole.LICENSOR, DealPartyRole.LICENSEE},
    {DealPartyRole.EMPLOYER, DealPartyRole.HIRE},
]


@dataclass(frozen=True)
class Party:
    """One party as a write path gives it: a company, a person or an unnamed group.

    `role` is a deal role or a lawsuit side. Unnamed groups ("dozens of researchers")
    take part in deals only, as a description and an optional count.
    """

    role: str
    company: Company | None = None
    person: Person | None = None
    unnamed: str = ""
    unnamed_ar: str = ""
    count: int | None = None

    @classmethod
    def from_fields(cls, values: dict, role_key: str = "role") -> Party:
        """A party from an admin form's cleaned data, an import row or an API body: the
        model's field names (`unnamed_description`…) or the API's short ones (`unnamed`)."""
        return cls(
            role=values[role_key],
            company=values.get("company"),
            person=values.get("person"),
            unnamed=values.get("unnamed") or values.get("unnamed_description") or "",
            unnamed_ar=values.get("unnamed_ar") or values.get("unnamed_description_ar") or "",
            count=values.get("count", values.get("unnamed_count")),
        )

    @property
    def who(self):
        return self.company or self.person or self.unnamed

    @property
    def identity(self) -> tuple:
        company = self.company.pk if self.company else None
        person = self.person.pk if self.person else None
        return (company, person, "" if company or person else self.unnamed)


def _shape_errors(party: Party, *, groups_allowed: bool, roles) -> list[str]:
    named = [who for who in (party.company, party.person) if who is not None]
    errors = []
    if len(named) > 1:
        errors.append(_("A party is one company or one person, not both."))
    elif named and party.unnamed:
        errors.append(_("A named party needs no unnamed description."))
    elif not named and not (party.unnamed and groups_allowed):
        errors.append(
            _("Choose a company or a person, or describe the unnamed party.")
            if groups_allowed
            else _("Choose a company or a person.")
        )
    if party.role not in roles:
        errors.append(
            _("%(role)r is not one of: %(roles)s.")
            % {
                "role": party.role,
                "roles": ", ".join(roles),
            }
        )
    return errors


def _deal_rule_errors(parties: list[Party]) -> list[str]:
    errors = []
    roles_of: dict[tuple, set[str]] = {}
    for party in parties:
        held = roles_of.setdefault(party.identity, set())
        if party.role in held:
            errors.append(
                _("%(party)s is listed twice as %(role)s.")
                % {"party": party.who, "role": DealPartyRole(party.role).label}
            )
        held.add(party.role)
    for identity, held in roles_of.items():
        who = next(party.who for party in parties if party.identity == identity)
        for exclusive in EXCLUSIVE_ROLES:
            if exclusive <= held:
                first, second = sorted(DealPartyRole(role).label for role in exclusive)
                errors.append(
                    _("%(party)s cannot be both %(first)s and %(second)s in one deal.")
                    % {"party": who, "first": first, "second": second}
                )
    return errors


def _lawsuit_rule_errors(parties: list[Party]) -> list[str]:
    errors, seen = [], set()
    for party in parties:
        if party.identity in seen:
            errors.append(
                _("%(party)s is listed twice: a party is on one side of a lawsuit.")
                % {"party": party.who}
            )
        seen.add(party.identity)
    return errors


def parties_check(*, record_model: type[Deal] | type[Lawsuit], parties: list[Party]) -> None:
    """Refuse `parties` for a record of `record_model` if they break a rule.

    Raises `ValidationError({"parties": [...]})`, one sentence per problem, each row's
    shape problems prefixed with its position ("Party 2: ...").
    """
    is_deal = record_model is Deal
    roles = DealPartyRole.values if is_deal else LawsuitSide.values
    errors = []
    for number, party in enumerate(parties, start=1):
        for message in _shape_errors(party, groups_allowed=is_deal, roles=roles):
            errors.append(
                _("Party %(number)s: %(message)s") % {"number": number, "message": message}
            )
    if not errors:
        errors = _deal_rule_errors(parties) if is_deal else _lawsuit_rule_errors(parties)
    if errors:
        raise ValidationError({"parties": errors})


def _row_values(party: Party, is_deal: bool) -> dict:
    values = {"company": party.company, "person": party.person}
    if is_deal:
        values.update(
            role=party.role,
            unnamed_description=party.unnamed if not (party.company or party.person) else "",
            unnamed_description_ar=party.unnamed_ar,
            unnamed_count=party.count,
        )
    else:
        values["side"] = party.role
    return values


def _row_identity(row, is_deal: bool) -> tuple:
    who = (row.company_id, row.person_id, getattr(row, "unnamed_description", ""))
    return (*who, row.role if is_deal else row.side)


@transaction.atomic
def parties_replace(*, record: Deal | Lawsuit, parties: list[Party], user=None) -> None:
    """Make `record`'s parties exactly `parties`, after checking every rule.

    Rows that stay are kept (their count and Arabic description updated), the others
    deleted, new ones created; each write is recorded in history with `user`.
    """
    is_deal = isinstance(record, Deal)
    parties_check(record_model=type(record), parties=parties)
    row_model = DealParty if is_deal else LawsuitParty
    wanted = {(*party.identity, party.role): party for party in parties}
    for row in list(record.parties.all()):
        party = wanted.pop(_row_identity(row, is_deal), None)
        row._history_user = user
        if party is None:
            row.delete()
        elif is_deal and (row.unnamed_count, row.unnamed_description_ar) != (
            party.count,
            party.unnamed_ar,
        ):
            row.unnamed_count, row.unnamed_description_ar = party.count, party.unnamed_ar
            row.full_clean()
            row.save()
    for party in wanted.values():
        row = row_model(**{type(record)._meta.model_name: record}, **_row_values(party, is_deal))
        row._history_user = user
        row.full_clean()
        row.save()
