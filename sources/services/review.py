"""Curators' decisions on proposals: accept (as proposed or edited), merge, reject.

Accepting hands the payload, through a `PayloadReader`, to the function its record type
names (`Proposed.accept` in `core.records`: `companies.proposals`, `deals.proposals`),
which writes the record through the record type's service, so the same rules hold as on
every other path; then it cites the proposal's evidence sentence; a party that names a
company the tracker does not know yet is created with it. Everything happens in one
transaction: a payload that fails validation leaves no record, no company and no
decision behind. Errors are Django's `ValidationError`, keyed by where in the payload
the problem is.
"""

from functools import cache
from importlib import import_module

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from simple_history.utils import update_change_reason

from companies.models import Company
from companies.normalization import strict_key
from companies.proposals import recorded
from companies.services import alias_add, company_create, person_create
from core.editing import field_errors
from core.models import (
    Reviewed,
    ReviewLevel,
    TrackedModel,
    money_names,
    partial_date_names,
    value_columns,
)
from core.records import RECORD_TYPES, proposal_models, record_type, record_type_of

from ..models import Proposal, ProposalKind, ProposalStatus
from . import payloads
from .citations import citation_add
from .matching import existing_event

#: The model each kind of proposal becomes.
RECORD_MODELS = {kind: apps.get_model(label) for kind, label in proposal_models().items()}


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
    model = record_type(kind).model
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
    known = recorded(model, name, name_ar)
    if known is not None:
        return known
    pending = _pending_proposal_of(proposal, kind, name or name_ar)
    if pending is not None:
        # The article also proposes this name on its own: accept that proposal, with
        # what it knows (kinds, founding date, spellings), rather than a bare record.
        pending.decided_by = proposal.decided_by
        try:
            record = _accept(pending, pending.payload)
        except ValidationError as error:
            raise field_errors(error, key) from None
        _decide(pending, ProposalStatus.ACCEPTED, proposal.decided_by, record=record)
        return record
    create = company_create if kind == "company" else person_create
    try:
        record = create(
            name=name or name_ar, name_ar=name_ar, review=ReviewLevel.MACHINE, **_edit(proposal)
        )
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


class PayloadReader:
    """A proposal's payload, read for the function that accepts its kind.

    The typed readers of `payloads`, keyed by the payload's own field names, and the
    records the payload names: found by slug or name, or created (and cited) when new.
    """

    def __init__(self, proposal: Proposal, payload: dict):
        self.proposal = proposal
        self.payload = payload

    def text(self, field: str) -> str:
        return payloads.text(self.payload, field)

    def text_of(self, container: dict, field: str, key: str) -> str:
        """A text field of a nested object, refused under `key`."""
        return payloads.text(container, field, key)

    def texts(self, *fields: str) -> dict:
        return payloads.texts(self.payload, *fields)

    def name(self, field: str) -> str:
        return payloads.name(self.payload, field, field)

    def spellings(self) -> list[str]:
        return payloads.spellings(self.payload)

    def partial_dates(self, *names: str) -> dict:
        return payloads.partial_dates(self.payload, *names)

    def money(self) -> dict:
        return payloads.money(self.payload)

    def codes(self, field: str, model) -> dict:
        return payloads.codes(self.payload, field, model)

    def reference(self, key: str) -> dict:
        return payloads.reference(self.payload, key)

    def party(self, key: str, allowed_types: tuple[str, ...] = ("company", "person")):
        """The company (or person) the object under `key` names."""
        reference = payloads.reference(self.payload, key)
        return _party(self.proposal, reference, key, allowed_types=allowed_types)

    def parties(self, role_key: str) -> list[tuple[models.Model, str]]:
        """Each of the payload's `parties`, as (company or person, its `role_key`)."""
        parties = []
        listed = payloads.listed(self.payload, "parties", _("Give a list of parties."))
        for index, party in enumerate(listed):
            key = f"parties[{index}]"
            record = _party(self.proposal, party, key)
            role = party.get(role_key)
            if not isinstance(role, str):
                raise ValidationError({key: [_("Give the party's %s.") % role_key]})
            parties.append((record, role))
        return parties

    def record_fields(self, model: type[models.Model]) -> dict:
        """The values the payload gives for the model's own fields, each read by its
        type: text (and choices), numbers, partial dates, money, the companies its foreign
        keys and many-to-many links to `Company` name, and lookup rows by code."""
        fields = self.partial_dates(*partial_date_names(model))
        for name in money_names(model):
            fields |= payloads.money(self.payload, name)
        skipped = value_columns(model) | {
            field.name for field in [*TrackedModel._meta.fields, *Reviewed._meta.fields]
        }
        for field in model._meta.get_fields():
            if field.name in self.payload and field.name not in skipped and not field.auto_created:
                fields |= self._field(field)
        return fields

    def _field(self, field) -> dict:
        if field.related_model is Company:
            if field.many_to_many:
                return {field.name: self.companies(field.name)}
            return {field.name: self.party(field.name, allowed_types=("company",))}
        if field.many_to_many:
            return self.codes(field.name, field.related_model)
        if isinstance(field, models.CharField | models.TextField):
            return self.texts(field.name)
        if isinstance(field, models.DecimalField | models.IntegerField):
            return payloads.number(self.payload, field.name)
        return {}

    def companies(self, key: str) -> list:
        """The companies the list under `key` names."""
        listed = payloads.listed(self.payload, key, _("Give a list of companies."))
        return [
            _party(self.proposal, ref, f"{key}[{index}]", allowed_types=("company",))
            for index, ref in enumerate(listed)
        ]


def _create_service(entry):
    """`<record type>_create` of the record type's app: the accept function of a type
    whose payload is its model's fields, read by `PayloadReader.record_fields`."""
    app_label = entry.model_label.split(".")[0]
    create = getattr(import_module(f"{app_label}.services"), f"{entry.name}_create")

    review = {"review": ReviewLevel.MACHINE} if issubclass(entry.model, Reviewed) else {}

    def accept(read, *, user, reason: str):
        return create(**read.record_fields(entry.model), **review, user=user, reason=reason)

    return accept


@cache
def _acceptor(kind: str):
    """The function that writes a proposal of `kind`: the one its record type names, or
    its create service given the payload's fields."""
    (entry,) = (entry for entry in RECORD_TYPES if entry.proposed and entry.proposed.kind == kind)
    return import_string(entry.proposed.accept) if entry.proposed.accept else _create_service(entry)


def _accept(proposal: Proposal, payload: dict):
    """The record the payload describes, written and cited."""
    accept = _acceptor(proposal.kind)
    record = accept(PayloadReader(proposal, payload), **_edit(proposal))
    _cite(proposal, record)
    return record


@transaction.atomic
def proposal_accept(*, proposal: Proposal, user=None, payload: dict | None = None):
    """Turn the proposal (or the curator's edit of its payload) into a cited record.

    An event the tracker already holds (same kind and parties, a date and amount that
    agree) is not created again: the proposal is merged into it, citing the article and
    filling its blanks, and that record is returned. Raises `ValidationError` with field
    messages when the payload does not make a valid record, and `ProposalDecided` when
    someone decided on it first.
    """
    proposal = _locked_pending(proposal)
    payload = proposal.payload if payload is None else payload
    if not isinstance(payload, dict):
        raise ValidationError({"payload": [_("The payload is a JSON object.")]})
    payloads.payload_check(payload)
    proposal.decided_by = user if user is not None and user.is_authenticated else None
    existing = existing_event(proposal.kind, payload)
    if existing is not None:
        # The tracker already holds this event: the article cites it and fills its
        # blanks; a second record would be a duplicate.
        _fill_blanks(existing, payload, user=user, reason=_merge_reason(proposal))
        _cite(proposal, existing)
        note = _("The tracker already had this event: the article now cites it.")
        _decide(proposal, ProposalStatus.MERGED, user, record=existing, payload=payload, note=note)
        return existing
    record = _accept(proposal, payload)
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


@cache
def _event_update(model: type[models.Model]):
    """How an event a proposal merges into is updated: service, its record keyword, date."""
    entry = record_type_of(model)
    return import_string(entry.proposed.merge_update), entry.name, entry.timeline.date


def _fill_blanks(target, payload: dict, *, user, reason: str) -> None:
    """Give an event the value and date the article states when it has none yet."""
    update, record_arg, date_name = _event_update(type(target))
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
