"""Writes for companies, people and products that other apps and commands call."""

import re

from django.db import transaction

from .models import Alias, AliasLanguage, Company, Person, Product
from .normalization import strict_key

Named = Company | Person | Product

_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")


def alias_language(name: str) -> str:
    """The language an alias is written for, judged by its script."""
    if _ARABIC_LETTER.search(name):
        return AliasLanguage.ARABIC
    if _LATIN_LETTER.search(name):
        return AliasLanguage.ENGLISH
    return AliasLanguage.OTHER


def _target_field(target: Named) -> str:
    return target._meta.model_name


@transaction.atomic
def alias_add(*, target: Named, name: str, is_primary: bool = False) -> Alias:
    """Record `name` as a name of `target`; a spelling it already has is not added twice.

    Two spellings that differ only in diacritics, hamza or alef forms share a strict
    key, so they are one alias: the first one recorded is kept.
    """
    name = " ".join(name.split())
    field = _target_field(target)
    existing = Alias.objects.filter(**{field: target}, key=strict_key(name)).first()
    if existing is not None:
        if is_primary and not existing.is_primary:
            existing.is_primary = True
            existing.save(update_fields=["is_primary"])
        return existing
    alias = Alias(**{field: target}, name=name, language=alias_language(name))
    alias.is_primary = is_primary
    alias.refresh_keys()
    alias.full_clean()
    alias.save()
    return alias


@transaction.atomic
def primary_aliases_sync(target: Named) -> None:
    """Make the record's own names (Latin and Arabic) its primary aliases.

    A former primary name stays as an ordinary alias, so the old name still finds it.
    """
    field = _target_field(target)
    primary_names = [name for name in (target.name, target.name_ar) if name]
    primary_keys = {strict_key(name) for name in primary_names}
    Alias.objects.filter(**{field: target}, is_primary=True).exclude(key__in=primary_keys).update(
        is_primary=False
    )
    for name in primary_names:
        alias_add(target=target, name=name, is_primary=True)
