"""Abstract models and constraint helpers shared by the domain apps."""

from functools import reduce
from operator import or_

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .dates import PARTIAL_DATE_PARTS
from .money import MONEY_PARTS


class TrackedModel(models.Model):
    """A record curators edit: timestamps and an edit version for optimistic locking.

    `version` grows by one on every save through an editing path (admin, API); a save
    based on an older version is refused instead of overwriting (`core.versioning`).
    """

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    version = models.PositiveIntegerField(
        _("version"), default=1, help_text=_("Grows by one with every edit.")
    )

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


class SlugRedirect(models.Model):
    """The old slug of a merged or renamed record, so old links keep working.

    Pages and the API answer an old slug with a permanent redirect to `new_slug`.
    """

    model = models.CharField(
        _("model"), max_length=100, help_text=_('Such as "companies.company".')
    )
    old_slug = models.SlugField(_("old slug"), max_length=80, allow_unicode=True)
    new_slug = models.SlugField(_("new slug"), max_length=80, allow_unicode=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["model", "old_slug"]
        verbose_name = _("slug redirect")
        verbose_name_plural = _("slug redirects")
        constraints = [
            models.UniqueConstraint(
                fields=["model", "old_slug"],
                name="core_slugredirect_once_per_slug",
                violation_error_message=_("This old slug already redirects."),
            )
        ]

    def __str__(self):
        return f"{self.model}: {self.old_slug} → {self.new_slug}"


def slug_redirect_add(record: models.Model, old_slug: str) -> None:
    """Make `old_slug` lead to `record`, and re-point redirects that led to `old_slug`."""
    label = record._meta.label_lower
    SlugRedirect.objects.filter(model=label, new_slug=old_slug).update(new_slug=record.slug)
    SlugRedirect.objects.update_or_create(
        model=label, old_slug=old_slug, defaults={"new_slug": record.slug}
    )


def slug_redirect_target(model: type[models.Model], slug: str) -> str | None:
    """The current slug an old `slug` of `model` leads to, if any."""
    return (
        SlugRedirect.objects.filter(model=model._meta.label_lower, old_slug=slug)
        .values_list("new_slug", flat=True)
        .first()
    )


class DataVersion(models.Model):
    """One row whose `version` grows with every write to the tracker's tables.

    Database triggers bump it (see `core.data_version`), so every write path counts:
    the admin, the API, imports, merges, commands and raw SQL. Readers use it for ETags
    and `Last-Modified` without scanning any table.
    """

    version = models.BigIntegerField(_("version"), default=0)
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)

    class Meta:
        verbose_name = _("data version")
        verbose_name_plural = _("data version")

    def __str__(self):
        return f"{self.version} ({self.changed_at:%Y-%m-%d %H:%M:%S})"


def related_label(instance: models.Model, field: str) -> str:
    """A related record's name, or "#id" when it no longer exists.

    Old versions in the history can point at records merged away or deleted since; their
    labels must still render.
    """
    try:
        related = getattr(instance, field)
    except models.ObjectDoesNotExist:
        return f"#{getattr(instance, f'{field}_id')}"
    return "" if related is None else str(related)


def _mixin_names(model: type[models.Model], marker: str) -> list[str]:
    return [vars(cls)[marker] for cls in model.__mro__ if marker in vars(cls)]


def partial_date_names(model: type[models.Model]) -> list[str]:
    """The partial dates `partial_date_fields` gave the model ("announced", …)."""
    return _mixin_names(model, "partial_date_name")


def money_names(model: type[models.Model]) -> list[str]:
    """The money values `money_fields` gave the model ("value", …)."""
    return _mixin_names(model, "money_name")


def field_label(model: type[models.Model], name: str) -> str:
    """What a reader calls the record's field or value `name` ("announced", "kinds"),
    translated; `name` itself when the model has no such field (a free-text claim)."""
    for cls in model.__mro__:
        for marker, label in (
            ("partial_date_name", "partial_date_label"),
            ("money_name", "money_label"),
        ):
            if vars(cls).get(marker) == name:
                return str(vars(cls)[label])
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    return str(getattr(field, "verbose_name", name))


def value_columns(model: type[models.Model]) -> set[str]:
    """The columns that store the model's partial dates and money values, which code
    reading a model's fields one by one reads as one value each."""
    return {
        f"{name}_{part}"
        for names, parts in (
            (partial_date_names(model), PARTIAL_DATE_PARTS),
            (money_names(model), MONEY_PARTS),
        )
        for name in names
        for part in parts
    }


#: A Wikidata item: "Q" and its number, as Wikidata writes it (Q380 is Meta Platforms).
wikidata_validator = RegexValidator(
    r"^Q[1-9][0-9]{0,11}\Z",
    _("A Wikidata QID is Q followed by its number, such as Q380."),
)


class HasWikidata(models.Model):
    """A record that may name its Wikidata item, so the data joins with other datasets.

    Entered by a curator from Wikidata itself (or a source that names it), never guessed;
    blank when unknown. A QID belongs to one record of a model:
    `wikidata_constraints()` goes in the model's Meta.
    """

    wikidata = models.CharField(
        _("Wikidata QID"),
        max_length=13,
        blank=True,
        validators=[wikidata_validator],
        help_text=_("Its Wikidata item, such as Q380, checked on Wikidata; empty if unknown."),
    )

    class Meta:
        abstract = True

    @property
    def wikidata_url(self) -> str:
        return wikidata_url(self.wikidata)


def wikidata_url(qid: str) -> str:
    """The Wikidata page of an item; empty for no item."""
    return f"https://www.wikidata.org/wiki/{qid}" if qid else ""


def wikidata_constraints() -> list[models.BaseConstraint]:
    return [
        models.UniqueConstraint(
            fields=["wikidata"],
            condition=~Q(wikidata=""),
            name="%(app_label)s_%(class)s_wikidata_once",
            violation_error_message=_("Another record already has this Wikidata QID."),
        )
    ]


class ReviewLevel(models.TextChoices):
    """How far curators checked a record, from least to most (see docs/curators.md)."""

    MACHINE = "machine", _("machine-extracted")
    REVIEWED = "reviewed", _("reviewed")
    VERIFIED = "verified", _("verified")

    @classmethod
    def at_least(cls, level: str) -> list[str]:
        """The levels at or above `level`: a filter by "reviewed" keeps verified records."""
        values = cls.values
        return values[values.index(level) :]


#: What each level means, shown with a record's badge.
REVIEW_EXPLANATIONS = {
    ReviewLevel.MACHINE: _("Extracted from an article by machine and accepted by a curator."),
    ReviewLevel.REVIEWED: _("Checked by a curator against its cited sources."),
    ReviewLevel.VERIFIED: _(
        "Verified against a primary source: a filing, a press release or a court docket."
    ),
}


class Reviewed(models.Model):
    """A record with a review level: how far a curator checked it, who set it and when.

    A record a curator writes directly (admin, API, import, seed) is `reviewed` by
    default; accepting a proposal records `machine`. `core.editing.record_edit` stamps
    `review_by` and `review_at` whenever the level is set or changed, on every path.
    """

    review = models.CharField(
        _("review level"),
        max_length=8,
        choices=ReviewLevel.choices,
        default=ReviewLevel.REVIEWED,
        help_text=_(
            "Machine-extracted, reviewed against its sources, or verified against a "
            "primary source (a filing, a press release, a court docket)."
        ),
    )
    review_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("review level set by"),
    )
    review_at = models.DateTimeField(
        _("review level set at"), null=True, blank=True, editable=False
    )

    class Meta:
        abstract = True

    @property
    def review_explanation(self) -> str:
        return REVIEW_EXPLANATIONS[ReviewLevel(self.review)]

    def review_stamp(self, *, stored_level: str | None, user) -> None:
        """Record who set the level and when, if it is new or changed from `stored_level`."""
        if stored_level == self.review:
            return
        self.review_by = user if getattr(user, "is_authenticated", False) else None
        self.review_at = timezone.now()
