"""Slugs from names: Latin where there is a Latin name, Unicode otherwise."""

from django.db import models
from django.utils.text import slugify


def slug_base(*names: str) -> str:
    """The first non-empty slug among `names`: ASCII first, then Unicode (Arabic) slugs.

    Plain `slugify` turns an Arabic-only name into "", so it falls back to
    `allow_unicode=True` before giving up.
    """
    for name in names:
        if name and (slug := slugify(name)):
            return slug
    for name in names:
        if name and (slug := slugify(name, allow_unicode=True)):
            return slug
    return ""


def unique_slug(model: type[models.Model], *names: str, instance_pk=None, max_length=80) -> str:
    """A slug for `names` not yet used by another row of `model` ("meta", "meta-2", ...)."""
    base = slug_base(*names)[:max_length].strip("-") or model._meta.model_name
    taken = set(
        model._default_manager.filter(slug__startswith=base)
        .exclude(pk=instance_pk)
        .values_list("slug", flat=True)
    )
    candidate, number = base, 2
    while candidate in taken:
        suffix = f"-{number}"
        candidate = f"{base[: max_length - len(suffix)]}{suffix}"
        number += 1
    return candidate
