"""Curators' decisions on proposals: accept (as proposed or edited), merge, reject.

Accepting writes the record through the same serializers as the write API, so the same
rules hold, and cites the proposal's evidence sentence; a party that names a company
the tracker does not know yet is created with it. Everything happens in one
transaction: a payload that fails validation leaves no record, no company and no
decision behind. django-simple-history records each write with the curator.
"""

import contextlib

from django.core.exceptions import ValidationError as ModelValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from simple_history.utils import update_change_reason

from companies.api.serializers import CompanyWrite, PersonWrite, ProductWrite
from companies.models import Alias, Company, Person, Product
from companies.normalization import strict_key
from companies.services import alias_add
from core.api.serializers import MoneyField, PartialDateField
from deals.api.serializers import DealWrite, InvestmentWrite, LawsuitWrite
from deals.models import Deal, Development, Investment, Lawsuit

from ..models import Citation, Proposal, ProposalKind, ProposalStatus

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
    field = record._meta.model_name
    if not Citation.objects.filter(
        article=proposal.article, excerpt=proposal.evidence, **{field: record}
    ).exists():
        citation = Citation(article=proposal.article, excerpt=proposal.evidence, **{field: record})
        citation.full_clean()
        citation.save()


def _save(serializer_class, data: dict, reason: str, *, key: str | None = None):
    serializer = serializer_class(data=data)
    if not serializer.is_valid():
        raise ValidationError({key: serializer.errors} if key else serializer.errors)
    record = serializer.save()
    update_change_reason(record, reason)
    return record


def _reason(proposal: Proposal) -> str:
    return f"Accepted proposal {proposal.pk} from article {proposal.article_id}"


#: How deep a payload may nest: records hold lists of objects, no deeper.
MAX_PAYLOAD_DEPTH = 6


def _check_payload(value, depth: int = 0) -> None:
    """Refuse payloads no record could come from: too deep, or holding NUL characters."""
    if depth > MAX_PAYLOAD_DEPTH:
        raise ValidationError({"payload": [_("The payload is nested too deeply.")]})
    if isinstance(value, dict):
        for key, item in value.items():
            _check_payload(key, depth + 1)
            _check_payload(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check_payload(item, depth + 1)
    elif isinstance(value, str) and "\x00" in value:
        raise ValidationError({"payload": [_("The payload contains a NUL character.")]})


def _text(container: dict, field: str, key: str) -> str:
    """A text field of a payload object: absent or null is empty; anything else is refused."""
    value = container.get(field)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError({key: [_("%(field)s is text.") % {"field": field}]})
    return value.strip()


def _spellings(payload: dict) -> list[str]:
    value = payload.get("spellings") or []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValidationError({"spellings": [_("Give the spellings as a list of texts.")]})
    return [item.strip() for item in value if item.strip()]


def _name_with_key(name: str, key: str) -> str:
    if name and not strict_key(name):
        raise ValidationError({key: [_("A name needs letters or digits.")]})
    return name


def _object(payload, key: str) -> dict:
    value = payload.get(key)
    if not isinstance(value, dict):
        raise ValidationError({key: [_("Give an object with a name or a slug.")]})
    return value


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
    kind = _text(reference, "type", key) or default_type
    if kind not in allowed_types:
        raise ValidationError({key: [_("type is %s.") % " or ".join(allowed_types)]})
    model = _PARTY_MODELS[kind]
    slug = _text(reference, "slug", key)
    if slug:
        record = model.objects.filter(slug=slug).first()
        if record is None:
            raise ValidationError(
                {key: [_("No %(kind)s has the slug %(slug)s.") % {"kind": kind, "slug": slug}]}
            )
        return record
    name = _name_with_key(_text(reference, "name", key), key)
    name_ar = _name_with_key(_text(reference, "name_ar", key), key)
    if not (name or name_ar):
        raise ValidationError({key: [_("Name the party, or give its slug.")]})
    known = _recorded(model, name, name_ar)
    if known is not None:
        return known
    pending = _pending_proposal_of(proposal, kind, name or name_ar)
    if pending is not None:
        # The article also proposes this name on its own: accept that proposal, with
        # what it knows (kinds, founding date, spellings), rather than a bare record.
        try:
            record = ACCEPT[kind](pending, pending.payload)
        except ValidationError as error:
            raise ValidationError({key: error.detail}) from None
        _decide(pending, ProposalStatus.ACCEPTED, proposal.decided_by, record=record)
        return record
    writer = CompanyWrite if kind == "company" else PersonWrite
    data = {"name": name or name_ar, "name_ar": name_ar}
    record = _save(writer, data, _reason(proposal), key=key)
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
    for spelling in _spellings(payload):
        if strict_key(spelling):
            alias_add(target=record, name=spelling)


def _citations(proposal: Proposal) -> list[dict]:
    return [{"article": proposal.article_id, "excerpt": proposal.evidence}]


def _pick(payload: dict, *fields: str) -> dict:
    return {field: payload[field] for field in fields if field in payload}


def _recorded(model, name: str, name_ar: str = ""):
    """The record of `model` already called `name` or `name_ar`, in any spelling."""
    names = [n for n in (name, name_ar) if n]
    if not names:
        return None
    field = model._meta.model_name
    known = (
        Alias.objects.filter(key__in=[strict_key(n) for n in names], **{f"{field}__isnull": False})
        .values_list(f"{field}_id", flat=True)
        .first()
    )
    if known is not None:
        return model.objects.get(pk=known)
    same_name = Q(name__iexact=names[0]) | (Q(name_ar=name_ar) if name_ar else Q(pk__in=[]))
    return model.objects.filter(same_name).first()


def _refuse_known_name(model, payload) -> None:
    """A new record must not repeat a known one: that is a merge."""
    known = _recorded(model, _text(payload, "name", "name"), _text(payload, "name_ar", "name_ar"))
    if known is not None:
        raise ValidationError(
            {
                "name": [
                    _("A %(kind)s with this name is already recorded (%(slug)s): merge into it.")
                    % {"kind": model._meta.verbose_name, "slug": known.slug}
                ]
            }
        )


def _accept_company(proposal, payload):
    _refuse_known_name(Company, payload)
    data = _pick(payload, "name", "name_ar", "kinds", "founded", "status", "description")
    record = _save(CompanyWrite, data, _reason(proposal))
    _add_spellings(record, payload)
    _cite(proposal, record)
    return record


def _accept_person(proposal, payload):
    _refuse_known_name(Person, payload)
    record = _save(PersonWrite, _pick(payload, "name", "name_ar", "description"), _reason(proposal))
    _add_spellings(record, payload)
    _cite(proposal, record)
    return record


def _accept_product(proposal, payload):
    data = _pick(payload, "name", "name_ar", "kind", "launched", "description")
    owner = payload.get("company")
    if owner is None:
        raise ValidationError({"company": [_("Name the company the product belongs to.")]})
    data["company"] = _party(proposal, owner, "company", allowed_types=("company",)).slug
    record = _save(ProductWrite, data, _reason(proposal))
    _add_spellings(record, payload)
    _cite(proposal, record)
    return record


def _accept_alias(proposal, payload):
    target = _object(payload, "target")
    model = _PARTY_MODELS.get(_text(target, "type", "target") or "company")
    slug = _text(target, "slug", "target")
    record = model.objects.filter(slug=slug).first() if model and slug else None
    if record is None:
        raise ValidationError({"target": [_("Name the record by its type and slug.")]})
    name = _name_with_key(_text(payload, "name", "name"), "name")
    if not name:
        raise ValidationError({"name": [_("Give the spelling to add.")]})
    update_change_reason(alias_add(target=record, name=name), _reason(proposal))
    _cite(proposal, record)
    return record


def _parties(proposal, payload, role_key: str) -> list[dict]:
    parties = payload.get("parties") or []
    if not isinstance(parties, list):
        raise ValidationError({"parties": [_("Give a list of parties.")]})
    rows = []
    for index, party in enumerate(parties):
        record = _party(proposal, party, f"parties[{index}]")
        if not isinstance(party.get(role_key), str):
            raise ValidationError({f"parties[{index}]": [_("Give the party's %s.") % role_key]})
        rows.append({record._meta.model_name: record.slug, role_key: party[role_key]})
    return rows


def _event_with_parties(writer, fields: tuple[str, ...], role_key: str):
    """Accepting a deal or a lawsuit: its fields, its parties (created if new), its citation."""

    def accept(proposal, payload):
        data = _pick(payload, *fields)
        data["parties"] = _parties(proposal, payload, role_key)
        data["citations"] = _citations(proposal)
        return _save(writer, data, _reason(proposal))

    return accept


_accept_deal = _event_with_parties(
    DealWrite, ("title", "title_ar", "kinds", "status", "announced", "value", "summary"), "role"
)


def _accept_investment(proposal, payload):
    data = _pick(payload, "status", "round", "announced", "value", "summary")
    data["investee"] = _party(
        proposal, _object(payload, "investee"), "investee", allowed_types=("company",)
    ).slug
    investors = payload.get("investors") or []
    if not isinstance(investors, list):
        raise ValidationError({"investors": [_("Give a list of investors.")]})
    data["investors"] = [
        _party(proposal, investor, f"investors[{index}]", allowed_types=("company",)).slug
        for index, investor in enumerate(investors)
    ]
    data["citations"] = _citations(proposal)
    return _save(InvestmentWrite, data, _reason(proposal))


_accept_lawsuit = _event_with_parties(
    LawsuitWrite, ("title", "title_ar", "status", "filed", "claims", "court", "summary"), "side"
)


def _accept_development(proposal, payload):
    summary_ar = _text(payload, "summary_ar", "summary_ar")
    development = Development(
        title=_text(payload, "title", "title"),
        title_ar=_text(payload, "title_ar", "title_ar"),
        kind=_text(payload, "kind", "kind"),
        summary=_text(payload, "summary", "summary") or summary_ar,
        summary_ar=summary_ar,
    )
    if payload.get("occurred"):
        try:
            values = PartialDateField("occurred").to_internal_value(payload["occurred"])
        except ValidationError as error:
            raise ValidationError({"occurred": error.detail}) from None
        for name, value in values.items():
            setattr(development, name, value)
    try:
        development.full_clean()
    except ModelValidationError as error:
        raise ValidationError(error.message_dict) from None
    development.save()
    companies = payload.get("companies") or []
    if not isinstance(companies, list):
        raise ValidationError({"companies": [_("Give a list of companies.")]})
    development.companies.set(
        [
            _party(proposal, ref, f"companies[{i}]", allowed_types=("company",))
            for i, ref in enumerate(companies)
        ]
    )
    update_change_reason(development, _reason(proposal))
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
    _check_payload(payload)
    proposal.decided_by = user if user is not None and user.is_authenticated else None
    with _model_rules_as_field_errors():
        record = ACCEPT[proposal.kind](proposal, payload)
    _decide(proposal, ProposalStatus.ACCEPTED, user, record=record, payload=payload)
    return record


@contextlib.contextmanager
def _model_rules_as_field_errors():
    """A model rule broken on the way (an alias too long, a stale excerpt) is a field error."""
    try:
        yield
    except ModelValidationError as error:
        detail = error.message_dict if hasattr(error, "error_dict") else error.messages
        raise ValidationError(detail) from None


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
    with _model_rules_as_field_errors():
        if proposal.kind in (ProposalKind.COMPANY, ProposalKind.PERSON, ProposalKind.PRODUCT):
            names = [
                _text(payload, "name", "name"),
                _text(payload, "name_ar", "name_ar"),
                *_spellings(payload),
            ]
            for spelling in names:
                if strict_key(spelling):
                    alias = alias_add(target=target, name=spelling)
                    update_change_reason(alias, _merge_reason(proposal))
        else:
            _fill_blanks(target, payload, _merge_reason(proposal))
        _cite(proposal, target)
    _decide(proposal, ProposalStatus.MERGED, user, record=target, note=note)
    return target


def _merge_reason(proposal: Proposal) -> str:
    return f"Merged proposal {proposal.pk} from article {proposal.article_id}"


def _fill_blanks(target, payload: dict, reason: str) -> None:
    """Give an event the value and date the article states when it has none yet."""
    changed = False
    for date_name in ("announced", "filed", "occurred"):
        field = f"{date_name}_on"
        if payload.get(date_name) and hasattr(target, field) and getattr(target, field) is None:
            values = PartialDateField(date_name).to_internal_value(payload[date_name])
            for name, value in values.items():
                setattr(target, name, value)
            changed = True
    blank_value = hasattr(target, "value_amount") and target.value_amount is None
    if payload.get("value") and blank_value and not target.value_undisclosed:
        for name, value in MoneyField("value").to_internal_value(payload["value"]).items():
            setattr(target, name, value)
        changed = True
    if changed:
        target.version += 1
        target._change_reason = reason
        target.full_clean()
        target.save()


@transaction.atomic
def proposal_reject(*, proposal: Proposal, user=None, note: str = "") -> Proposal:
    """Mark the proposal rejected; nothing else changes."""
    proposal = _locked_pending(proposal)
    _decide(proposal, ProposalStatus.REJECTED, user, note=note)
    return proposal
