"""Reading a proposal's payload (JSON a curator may have edited) into service arguments.

A payload is untrusted: every reader here checks the type of what it takes and raises
Django's `ValidationError` keyed by where in the payload the problem is ("parties[1]",
"announced"), so the admin and the API can show it next to what the curator typed.
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from companies.normalization import strict_key
from core.dates import PartialDate
from core.money import Money

#: How deep a payload may nest: records hold lists of objects, no deeper.
MAX_PAYLOAD_DEPTH = 6


def payload_check(value, depth: int = 0) -> None:
    """Refuse payloads no record could come from: too deep, or holding NUL characters."""
    if depth > MAX_PAYLOAD_DEPTH:
        raise ValidationError({"payload": [_("The payload is nested too deeply.")]})
    if isinstance(value, dict):
        for key, item in value.items():
            payload_check(key, depth + 1)
            payload_check(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            payload_check(item, depth + 1)
    elif isinstance(value, str) and "\x00" in value:
        raise ValidationError({"payload": [_("The payload contains a NUL character.")]})


def text(container: dict, field: str, key: str | None = None) -> str:
    """A text field: absent or null is empty; anything but text is refused under `key`."""
    value = container.get(field)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError({key or field: [_("%(field)s is text.") % {"field": field}]})
    return value.strip()


def texts(payload: dict, *fields: str) -> dict:
    """The text fields among `fields` that the payload has."""
    return {field: text(payload, field) for field in fields if field in payload}


def spellings(payload: dict) -> list[str]:
    value = payload.get("spellings") or []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValidationError({"spellings": [_("Give the spellings as a list of texts.")]})
    return [item.strip() for item in value if item.strip()]


def name(container: dict, field: str, key: str) -> str:
    """A name: text with at least one letter or digit (or empty)."""
    value = text(container, field, key)
    if value and not strict_key(value):
        raise ValidationError({key: [_("A name needs letters or digits.")]})
    return value


def reference(container: dict, key: str) -> dict:
    """An object naming a record (by name or slug)."""
    value = container.get(key)
    if not isinstance(value, dict):
        raise ValidationError({key: [_("Give an object with a name or a slug.")]})
    return value


def listed(payload: dict, key: str, message: str) -> list:
    value = payload.get(key) or []
    if not isinstance(value, list):
        raise ValidationError({key: [message]})
    return value


def number(payload: dict, field: str) -> dict:
    """A number the payload gives (JSON number or numeric text), as a `Decimal`."""
    value = payload.get(field)
    if value is None or value == "":
        return {}
    try:
        if isinstance(value, bool):
            raise InvalidOperation
        return {field: Decimal(str(value).strip())}
    except InvalidOperation:
        raise ValidationError({field: [_("%(field)s is a number.") % {"field": field}]}) from None


def partial_dates(payload: dict, *names: str) -> dict:
    """The partial dates among `names` that the payload gives, as `PartialDate`s."""
    dates = {}
    for field in names:
        if payload.get(field):
            try:
                dates[field] = PartialDate.from_dict(payload[field])
            except ValueError as error:
                raise ValidationError({field: [str(error)]}) from None
    return dates


def money(payload: dict, field: str = "value") -> dict:
    """The payload's money value as a `Money`, when it gives one."""
    if not payload.get(field):
        return {}
    try:
        return {field: Money.from_dict(payload[field])}
    except ValueError as error:
        raise ValidationError({field: [str(error)]}) from None


def codes(payload: dict, field: str, model) -> dict:
    """Lookup rows (deal kinds, claims…) by code, when the payload lists them."""
    if field not in payload:
        return {}
    given = payload[field] or []
    if not isinstance(given, list) or not all(isinstance(code, str) for code in given):
        raise ValidationError({field: [_("Give a list of codes.")]})
    found = list(model.objects.filter(pk__in=given))
    unknown = sorted(set(given) - {row.pk for row in found})
    if unknown:
        raise ValidationError(
            {
                field: [
                    _("Unknown code(s) %(codes)s; use: %(choices)s.")
                    % {
                        "codes": ", ".join(unknown),
                        "choices": ", ".join(model.objects.values_list("pk", flat=True)),
                    }
                ]
            }
        )
    return {field: found}
