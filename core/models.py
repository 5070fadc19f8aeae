"""Abstract models and constraint helpers shared by the domain apps."""

from functools import reduce
from operator import or_

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


def exactly_one_of(fields: list[str], *, name: str, message: str) -> models.CheckConstraint:
    """A check that exactly one of the nullable foreign keys `fields` is set."""
    alternatives = [
        Q(
            **{f"{field}__isnull": False},
            **{f"{other}__isnull": True for other in fields if other != field},
        )
        for field in fields
    ]
    return models.CheckConstraint(
        condition=reduce(or_, alternatives), name=name, violation_error_message=message
    )


def the_one_set(instance: models.Model, fields: list[str]):
    """The related object among `fields` that is set on `instance` (None if none is)."""
    for field in fields:
        if getattr(instance, f"{field}_id") is not None:
            return getattr(instance, field)
    return None
