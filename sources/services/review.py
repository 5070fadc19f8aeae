"""Curators' decisions on proposals: accept (as proposed or edited), merge, reject.

Accepting reads the payload (`payloads`) and writes the record through the record
type's service (`companies.services`, `deals.services`), so the same rules hold as on
every other path, and cites the proposal's evidence sentence; a party that names a
company the tracker does not know yet is created with it. Everything happens in one
transaction: a payload that fails validation leaves no record, no company and no
decision behind. Errors are Django's `ValidationError`, keyed by where in the payload
the problem is.
"""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import update_change_reason

from companies.duplicates import duplicate_candidates
from companies.models import Company, Person, Product
from companies.normalization import strict_key
from companies.services import alias_add, company_create, person_create, product_create
from core.editing import field_errors
from deals.models import ClaimKind, Deal, DealKind, Development, Investment, Lawsuit
from deals.services import (
    Party,
    deal_create,
    deal_update,
    development_create,
    development_update,
    investment_create,
    investment_update,
    lawsuit_create,
    lawsuit_update,
)

from ..models import Proposal, ProposalKind, ProposalStatus
from . import payloads
from .citations import citation_add

#: The model each kind of proposal becomes.
RECORD_MODELS = {
    ProposalKind.COMPANY: Company,
    ProposalKind.PERSON: Person,
    ProposalKind.PRODUCT: Product,
    ProposalKind.DEAL: Deal,
    ProposalKind.INVESTMENT: Investment,
    ProposalKind.LAWSUIT: Lawsuit,
    ProposalKind.DEVELOPMENT: Development,
}
_PARTY_MODELS = {"company": Company, "person": Person, "product": Product}


class ProposalDecided(Exception):
    """The proposal was already accepted, merged or rejected."""

    def __init__(self, proposal: Proposal):
        self.proposal = proposal
        super().__init__(
            _("This proposal is already %(status)s.") % {"status": proposal.get_status_display()}
        )


#: What accepting may create besides the record itself: the companies and people it
#: names, and aliases for their spellings.
_NAMED_RECORDS = ["companies.add_company", "companies.add_person", "companies.add_alias"]


def accept_permissions(kind: str) -> list[str]:
    """The permissions a curator needs to accept a proposal of `kind`."""
    model = RECORD_MODELS.get(kind)
    needed = ["sources.change_proposal", "sources.add_citation", *_NAMED_RECORDS]
    if model is not None:
        needed.append(f"{model._meta.app_label}.add_{model._meta.model_name}")
    return needed


def merge_permissions(kind: str) -> list[str]:
    model = RECORD_MODELS[kind]
    return [
        "sources.change_proposal",
        "sources.add_citation",
        "companies.add_alias",
        f"{model._meta.app_label}.change_{model._meta.model_name}",
    ]


def _locked_pending(proposal: Proposal) -> Proposal:
    proposal = Proposal.objects.select_for_update().select_related("article").get(pk=proposal.pk)
    if proposal.status != ProposalStatus.PENDING:
        raise ProposalDecided(proposal)
    return proposal


def _decide(proposal, status, user, *, record=None, payload=None, note="") -> None:
    proposal.status = status
    proposal.decided_by = user if user is not None and user.is_authenticated else None
    proposal.decided_at = timezone.now()
    proposal.note = note[:500]
    proposal.version += 1
    if payload is not None:
        proposal.payload = payload
    if record is not None:
        setattr(proposal, record._meta.model_name, record)
    proposal.save()


def _cite(proposal: Proposal, record: models.Model) -> None:
    citation_add(record=record, article=proposal.article, excerpt=proposal.evidence)


def _reason(proposal: Proposal) -> str:
    return f"Accepted proposal {proposal.pk} from article {proposal.article_id}"


def _edit(proposal: Proposal) -> dict:
    """Who and why, for every record accepting writes."""
    return {"user": proposal.decided_by, "reason": _reason(proposal)}


def _party(
    proposal: Proposal,
    reference,
    key: str,
    default_type: str = "company",
    allowed_types: tuple[str, ...] = ("company", "person"),
):
    """The record a payload reference names, created (and cited) when it is new."""
    if not isinstance(reference, dict):
        raise ValidationError({key: [_("Give an object with a name or a slug.")]})
    kind = payloads.text(reference, "type", key) or default_type
    if kind not in allowed_types:
        raise ValidationError({key: [_("type is %s.") % " or ".join(allowed_types)]})
    model = _PARTY_MODELS[kind]
    slug = payloads.text(reference, "slug", key)
    if slug:
        record = model.objects.filter(slug=slug).first()
        if record is None:
            raise ValidationError(
                {key: [_("No %(kind)s has the slug %(slug)s.") % {"kind": kind, "slug": slug}]}
            )
        return record
    name = payloads.name(reference, "name", key)
    name_ar = payloads.name(reference, "name_ar", key)
    if not (name or name_ar):
        raise ValidationError({key: [_("Name the party, or give its slug.")]})
    known = _recorded(model, name, name_ar)
    if known is not None:
        return known
    pending = _pending_proposal_of(proposal, kind, name or name_ar)
    if pending is not None:
        # The article also proposes this name on its own: accept that proposal, with
        # what it knows (kinds, founding date, spellings), rather than a bare record.
        pending.decided_by = proposal.decided_by
        try:
            record = ACCEPT[kind](pending, pending.payload)
        except ValidationError as error:
            raise field_errors(error, key) from None
        _decide(pending, ProposalStatus.ACCEPTED, proposal.decided_by, record=record)
        return record
    create = company_create if kind == "company" else person_create
    try:
        record = create(name=name or name_ar, name_ar=name_ar, **_edit(proposal))
    except ValidationError as error:
        raise field_errors(error, key) from None
    _cite(proposal, record)
    return record


def _pending_proposal_of(proposal: Proposal, kind: str, name: str) -> Proposal | None:
    """The article's pending proposal of the new company or person called `name`."""
    for other in Proposal.objects.filter(
        article=proposal.article, kind=kind, status=ProposalStatus.PENDING
    ).exclude(pk=proposal.pk):
        spellings = [other.payload.get("name"), *(other.payload.get("spellings") or [])]
        if strict_key(name) in {strict_key(s) for s in spellings if isinstance(s, str)}:
            return other
    return None


def _add_spellings(record, payload) -> None:
    for spelling in payloads.spellings(payload):
        if strict_key(spelling):
            alias_add(target=record, name=spelling)


def _recorded(model, name: str, name_ar: str = ""):
    """The record of `model` already called `name` or `name_ar`, in any spelling or form."""
    candidates = duplicate_candidates(model, [name, name_ar])
    return candidates[0].record if candidates else None


def _refuse_known_name(model, names: dict) -> None:
    """A new record must not repeat a known one: that is a merge."""
    known = _recorded(model, names["name"], names["name_ar"])
    if known is not None:
        raise ValidationError(
            {
                "name": [
                    _("A %(kind)s with this name is already recorded (%(slug)s): merge into it.")
                    % {"kind": model._meta.verbose_name, "slug": known.slug}
                ]
            }
        )


def _named(proposal, payload, create, model, **extra):
    """A new company, person or product with the payload's names and spellings, cited.

    A name an existing record of `model` has is refused (it is a merge; for a product,
    among its maker's products), unless the payload says `"confirm_new": true`.
    """
    names = {
        "name": payloads.name(payload, "name", "name"),
        "name_ar": payloads.name(payload, "name_ar", "name_ar"),
    }
    confirmed = payload.get("confirm_new") is True
    if not confirmed and model is not Product:
        _refuse_known_name(model, names)
    record = create(**names, **extra, confirm_new=confirmed, **_edit(proposal))
    _add_spellings(record, payload)
    _cite(proposal, record)
    return record


def _accept_company(proposal, payload):
    fields = {
        **payloads.texts(payload, "status", "description"),
        **payloads.partial_dates(payload, "founded"),
    }
    kinds = payloads.codes(payload, "kinds", Company.kinds.rel.model)
    return _named(proposal, payload, company_create, Company, **fields, **kinds)


def _accept_person(proposal, payload):
    description = payloads.texts(payload, "description")
    return _named(proposal, payload, person_create, Person, **description)


def _accept_product(proposal, payload):
    fields = {
        **payloads.texts(payload, "kind", "description"),
        **payloads.partial_dates(payload, "launched"),
    }
    owner = payload.get("company")
    if owner is None:
        raise ValidationError({"company": [_("Name the company the product belongs to.")]})
    company = _party(proposal, owner, "company", allowed_types=("company",))
    return _named(proposal, payload, product_create, Product, company=company, **fields)


def _accept_alias(proposal, payload):
    target = payloads.reference(payload, "target")
    model = _PARTY_MODELS.get(payloads.text(target, "type", "target") or "company")
    slug = payloads.text(target, "slug", "target")
    record = model.objects.filter(slug=slug).first() if model and slug else None
    if record is None:
        raise ValidationError({"target": [_("Name the record by its type and slug.")]})
    name = payloads.name(payload, "name", "name")
    if not name:
        raise ValidationError({"name": [_("Give the spelling to add.")]})
    update_change_reason(alias_add(target=record, name=name), _reason(proposal))
    _cite(proposal, record)
    return record


def _parties(proposal, payload, role_key: str) -> list[Party]:
    parties = []
    listed = payloads.listed(payload, "parties", _("Give a list of parties."))
    for index, party in enumerate(listed):
        key = f"parties[{index}]"
        record = _party(proposal, party, key)
        role = party.get(role_key)
        if not isinstance(role, str):
            raise ValidationError({key: [_("Give the party's %s.") % role_key]})
        parties.append(Party(role=role, **{record._meta.model_name: record}))
    return parties


def _companies(proposal, payload, key: str) -> list[Company]:
    listed = payloads.listed(payload, key, _("Give a list of companies."))
    return [
        _party(proposal, ref, f"{key}[{index}]", allowed_types=("company",))
        for index, ref in enumerate(listed)
    ]


def _accept_deal(proposal, payload):
    deal = deal_create(
        **payloads.texts(payload, "title", "title_ar", "status", "summary"),
        **payloads.partial_dates(payload, "announced"),
        **payloads.money(payload),
        kinds=payloads.codes(payload, "kinds", DealKind).get("kinds"),
        parties=_parties(proposal, payload, "role"),
        **_edit(proposal),
    )
    _cite(proposal, deal)
    return deal


def _accept_investment(proposal, payload):
    investee = _party(
        proposal, payloads.reference(payload, "investee"), "investee", allowed_types=("company",)
    )
    investment = investment_create(
        **payloads.texts(payload, "status", "round", "summary"),
        **payloads.partial_dates(payload, "announced"),
        **payloads.money(payload),
        investee=investee,
        investors=_companies(proposal, payload, "investors"),
        **_edit(proposal),
    )
    _cite(proposal, investment)
    return investment


def _accept_lawsuit(proposal, payload):
    lawsuit = lawsuit_create(
        **payloads.texts(payload, "title", "title_ar", "status", "court", "summary"),
        **payloads.partial_dates(payload, "filed"),
        **payloads.codes(payload, "claims", ClaimKind),
        parties=_parties(proposal, payload, "side"),
        **_edit(proposal),
    )
    _cite(proposal, lawsuit)
    return lawsuit


def _accept_development(proposal, payload):
    summary_ar = payloads.text(payload, "summary_ar")
    development = development_create(
        **payloads.texts(payload, "title", "title_ar", "kind"),
        summary=payloads.text(payload, "summary") or summary_ar,
        summary_ar=summary_ar,
        **payloads.partial_dates(payload, "occurred"),
        companies=_companies(proposal, payload, "companies"),
        **_edit(proposal),
    )
    _cite(proposal, development)
    return development


ACCEPT = {
    ProposalKind.COMPANY: _accept_company,
    ProposalKind.PERSON: _accept_person,
    ProposalKind.PRODUCT: _accept_product,
    ProposalKind.ALIAS: _accept_alias,
    ProposalKind.DEAL: _accept_deal,
    ProposalKind.INVESTMENT: _accept_investment,
    ProposalKind.LAWSUIT: _accept_lawsuit,
    ProposalKind.DEVELOPMENT: _accept_development,
}


@transaction.atomic
def proposal_accept(*, proposal: Proposal, user=None, payload: dict | None = None):
    """Turn the proposal (or the curator's edit of its payload) into a cited record.

    Raises `ValidationError` with field messages when the payload does not make a valid
    record, and `ProposalDecided` when someone decided on it first.
    """
    proposal = _locked_pending(proposal)
    payload = proposal.payload if payload is None else payload
    if not isinstance(payload, dict):
        raise ValidationError({"payload": [_("The payload is a JSON object.")]})
    payloads.payload_check(payload)
    proposal.decided_by = user if user is not None and user.is_authenticated else None
    record = ACCEPT[proposal.kind](proposal, payload)
    _decide(proposal, ProposalStatus.ACCEPTED, user, record=record, payload=payload)
    return record


@transaction.atomic
def proposal_merge(*, proposal: Proposal, target: models.Model, user=None, note: str = ""):
    """Fold the proposal into an existing record: its spellings and its citation.

    A new name becomes an alias of `target`; an event cites the article on `target`
    and fills its value and date where `target` has none.
    """
    proposal = _locked_pending(proposal)
    model = RECORD_MODELS.get(proposal.kind)
    if model is None or not isinstance(target, model):
        raise ValidationError(
            {"target": [_("A proposal of this kind merges into a %s.") % proposal.kind]}
        )
    payload = proposal.payload
    if proposal.kind in (ProposalKind.COMPANY, ProposalKind.PERSON, ProposalKind.PRODUCT):
        names = [
            payloads.name(payload, "name", "name"),
            payloads.name(payload, "name_ar", "name_ar"),
            *payloads.spellings(payload),
        ]
        for spelling in names:
            if strict_key(spelling):
                alias = alias_add(target=target, name=spelling)
                update_change_reason(alias, _merge_reason(proposal))
    else:
        _fill_blanks(target, payload, user=user, reason=_merge_reason(proposal))
    _cite(proposal, target)
    _decide(proposal, ProposalStatus.MERGED, user, record=target, note=note)
    return target


def _merge_reason(proposal: Proposal) -> str:
    return f"Merged proposal {proposal.pk} from article {proposal.article_id}"


#: How an event that a proposal merges into is updated, and its date's name.
_EVENT_UPDATES = {
    Deal: (deal_update, "deal", "announced"),
    Investment: (investment_update, "investment", "announced"),
    Lawsuit: (lawsuit_update, "lawsuit", "filed"),
    Development: (development_update, "development", "occurred"),
}


def _fill_blanks(target, payload: dict, *, user, reason: str) -> None:
    """Give an event the value and date the article states when it has none yet."""
    update, record_arg, date_name = _EVENT_UPDATES[type(target)]
    blanks = {}
    if not getattr(target, date_name).is_known:
        blanks.update(payloads.partial_dates(payload, date_name))
    value = getattr(target, "value", None)
    if value is not None and not value.is_stated and not value.undisclosed:
        blanks.update(payloads.money(payload))
    if blanks:
        update(**{record_arg: target}, **blanks, user=user, reason=reason)


@transaction.atomic
def proposal_reject(*, proposal: Proposal, user=None, note: str = "") -> Proposal:
    """Mark the proposal rejected; nothing else changes."""
    proposal = _locked_pending(proposal)
    _decide(proposal, ProposalStatus.REJECTED, user, note=note)
    return proposal
