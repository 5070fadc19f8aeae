"""Template helpers for bilingual records."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()


def _arabic() -> bool:
    return (get_language() or "").startswith("ar")


@register.filter
def loc(record, field: str) -> str:
    """The record's `field` in the active language, falling back to the other one.

    `{{ company|loc:"name" }}` is `name_ar` on Arabic pages when there is one.
    """
    english = getattr(record, field, "") if not isinstance(record, dict) else record.get(field, "")
    arabic = (
        getattr(record, f"{field}_ar", "")
        if not isinstance(record, dict)
        else record.get(f"{field}_ar", "")
    )
    if _arabic():
        return arabic or english
    return english or arabic


@register.filter
def other(record, field: str) -> str:
    """The record's `field` in the other script, when it differs (shown beside the first)."""
    english, arabic = getattr(record, field, ""), getattr(record, f"{field}_ar", "")
    shown = loc(record, field)
    rest = arabic if shown == english else english
    return "" if rest == shown else rest


@register.simple_tag
def other_lang() -> str:
    """The `lang` attribute value of `other`'s text: always the language not shown."""
    return "en" if _arabic() else "ar"


@register.simple_tag
def money_text(amount, qualifier="exact", currency="USD") -> str:
    """A total in the active language: "$14B" / "14 مليار دولار"."""
    from core.money import Money

    return str(Money(amount=amount, currency=currency, qualifier=qualifier or "exact"))


@register.filter
def kind_of(record) -> str:
    """What kind of record this is, in the active language ("deal", "صفقة")."""
    return str(record._meta.verbose_name) if record is not None else ""


@register.filter
def field_label(record, name: str) -> str:
    """`{{ deal|field_label:"announced" }}`: the translated name of the record's field
    `name` (what a citation `supports`); `name` itself without a record or such a field."""
    from core.models import field_label as label

    if not name or not hasattr(record, "_meta"):
        return name
    return label(type(record), name)


@register.filter
def isolate(value):
    """`value` in a `<bdi>` element, so a name's own direction (an Arabic name on an
    English page, or a stray direction control) cannot reorder the words beside it."""
    return format_html("<bdi>{}</bdi>", value)


@register.filter
def party_name(party) -> str:
    """A deal or lawsuit party's name in the active language (company, person or group)."""
    for field in ("company", "person"):
        if getattr(party, f"{field}_id", None):
            return loc(getattr(party, field), "name")
    return loc(party, "unnamed_description")
