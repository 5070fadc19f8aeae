"""Companies, people, products and spellings from accepted proposals.

Each function is named by its record type's entry in `core.records`
(`Proposed.accept`) and called by `sources.services.review` with `read`, the payload's
reader (typed values, Django's `ValidationError` keyed by where in the payload the
problem is, the companies a payload names resolved or created); the record's review
level is `machine`. The review cites the record afterwards; nothing here imports
`sources`.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from simple_history.utils import update_change_reason

from core.models import ReviewLevel

from .duplicates import duplicate_candidates
from .models import Company, Person, Product
from .normalization import strict_key
from .services import alias_add, company_create, person_create, product_create

#: The records a new spelling may name, by the payload's "type".
_NAMED_MODELS = {"company": Company, "person": Person, "product": Product}


def recorded(model, name: str, name_ar: str = ""):
    """The record of `model` already called `name` or `name_ar`, in any spelling or form."""
    candidates = duplicate_candidates(model, [name, name_ar])
    return candidates[0].record if candidates else None


def _refuse_known_name(model, names: dict) -> None:
    """A new record must not repeat a known one: that is a merge."""
    known = recorded(model, names["name"], names["name_ar"])
    if known is not None:
        raise ValidationError(
            {
                "name": [
                    _("A %(kind)s with this name is already recorded (%(slug)s): merge into it.")
                    % {"kind": model._meta.verbose_name, "slug": known.slug}
                ]
            }
        )


def _named(read, create, model, *, user, reason: str, **extra):
    """A new company, person or product with the payload's names and spellings.

    A name an existing record of `model` has is refused (it is a merge; for a product,
    among its maker's products), unless the payload says `"confirm_new": true`.
    """
    names = {"name": read.name("name"), "name_ar": read.name("name_ar")}
    confirmed = read.payload.get("confirm_new") is True
    if not confirmed and model is not Product:
        _refuse_known_name(model, names)
    record = create(
        **names,
        **extra,
        review=ReviewLevel.MACHINE,
        confirm_new=confirmed,
        user=user,
        reason=reason,
    )
    for spelling in read.spellings():
        if strict_key(spelling):
            alias_add(target=record, name=spelling)
    return record


def company_from_payload(read, *, user, reason: str):
    fields = {**read.texts("status", "description"), **read.partial_dates("founded")}
    kinds = read.codes("kinds", Company.kinds.rel.model)
    return _named(read, company_create, Company, **fields, **kinds, user=user, reason=reason)


def person_from_payload(read, *, user, reason: str):
    description = read.texts("description")
    return _named(read, person_create, Person, **description, user=user, reason=reason)


def product_from_payload(read, *, user, reason: str):
    fields = {**read.texts("kind", "description"), **read.partial_dates("launched")}
    if read.payload.get("company") is None:
        raise ValidationError({"company": [_("Name the company the product belongs to.")]})
    company = read.party("company", allowed_types=("company",))
    return _named(
        read, product_create, Product, company=company, **fields, user=user, reason=reason
    )


def alias_from_payload(read, *, user, reason: str):
    """A new spelling of a known record; the record it names is the result."""
    target = read.reference("target")
    model = _NAMED_MODELS.get(read.text_of(target, "type", "target") or "company")
    slug = read.text_of(target, "slug", "target")
    record = model.objects.filter(slug=slug).first() if model and slug else None
    if record is None:
        raise ValidationError({"target": [_("Name the record by its type and slug.")]})
    name = read.name("name")
    if not name:
        raise ValidationError({"name": [_("Give the spelling to add.")]})
    update_change_reason(alias_add(target=record, name=name), reason)
    return record
