"""Template helpers for bilingual records."""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, pgettext

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


@register.simple_tag
def list_separator() -> str:
    """What separates the items of a list in the active language: ", " or "، "."""
    return pgettext("between the items of a list", ", ")


@register.filter
def join_list(values) -> str:
    """`values` joined with the active language's list separator, each item escaped."""
    return mark_safe(list_separator().join(conditional_escape(value) for value in values))


def _named(record, field: str = "name") -> str:
    """A related record's name in the active language, isolated from the words around it."""
    return "" if record is None else isolate(loc(record, field))


#: Labels of the records that have no name or title of their own, by model name.
_LABELS = {
    "role": lambda role: format_html(
        pgettext("a person's role", "{person}, {title} ({company})"),
        person=_named(role.person),
        title=loc(role, "title"),
        company=_named(role.company),
    ),
    "statement": lambda statement: format_html(
        pgettext("a company's statement", "{company}: {summary}"),
        company=_named(statement.company),
        summary=Truncator(loc(statement, "summary")).chars(90),
    ),
    "rivalry": lambda rivalry: format_html(
        pgettext("two rivals", "{company} vs {rival}"),
        company=_named(rivalry.company),
        rival=_named(rivalry.rival),
    ),
    "metric": lambda metric: format_html(
        pgettext("a company's figure", "{company}: {kind} {value}"),
        company=_named(metric.company),
        kind=metric.get_kind_display(),
        value=metric.figure,
    ),
    "lawsuitevent": lambda event: format_html(
        pgettext("an event of a lawsuit", "{lawsuit}: {kind} ({date})"),
        lawsuit=_named(event.lawsuit, "title"),
        kind=event.get_kind_display(),
        date=event.occurred,
    ),
    "dealtransition": lambda step: format_html(
        pgettext("a step of a deal", "{deal}: {status} ({date})"),
        deal=_named(step.deal, "title"),
        status=step.get_status_display(),
        date=step.occurred,
    ),
    "eventlink": lambda link: format_html(
        pgettext("a link between two events", "{subject} {relation} {target}"),
        subject=label(link.subject),
        relation=link.get_relation_display(),
        target=label(link.target),
    ),
}


@register.filter
def label(record) -> str:
    """A record's name in the active language, whatever its kind, for lists of records.

    A record with a name or title gives it; the others (a role, a statement, a figure…)
    are described from their parts, each name isolated so either script reads in order.
    """
    describe = _LABELS.get(record._meta.model_name)
    if describe is not None:
        return describe(record)
    return isolate(loc(record, "title") or loc(record, "name") or str(record))


@register.filter
def party_groups(parties) -> list[dict]:
    """A deal's or lawsuit's parties, each company or person once with all its roles, in
    the order of their first row: {"party": its first row, "member": the company or
    person (None for an unnamed group), "roles": role or side labels}."""
    groups = {}
    for party in parties:
        member = party.company if party.company_id else party.person if party.person_id else None
        key = ("company", party.company_id) if party.company_id else ("person", party.person_id)
        if member is None:
            key = ("unnamed", party.pk)
        role = party.get_role_display() if hasattr(party, "role") else party.get_side_display()
        group = groups.setdefault(key, {"party": party, "member": member, "roles": []})
        if role not in group["roles"]:
            group["roles"].append(role)
    return list(groups.values())
