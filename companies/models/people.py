from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.dates import partial_date_constraints, partial_date_fields
from core.history import record_history
from core.models import HasWikidata, Reviewed, TrackedModel, related_label, wikidata_constraints
from core.records import HasPage
from core.slugs import unique_slug

from .companies import Company
from .names import validate_name


class Person(HasPage, HasWikidata, Reviewed, TrackedModel):
    """A person named by a source: an executive, a founder, an investor."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=True, blank=True)
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("The name in Latin script."),
        validators=[validate_name],
    )
    name_ar = models.CharField(
        _("Arabic name"), max_length=200, blank=True, validators=[validate_name]
    )
    description = models.TextField(_("description"), blank=True)
    description_ar = models.TextField(_("Arabic description"), blank=True)

    history = record_history()
    revert_children = (
        "aliases",
        "citations",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [*wikidata_constraints()]

    def __str__(self):
        return self.name or self.name_ar

    def save(self, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Person, self.name, self.name_ar, instance_pk=self.pk)
        super().save(**kwargs)


class Role(
    partial_date_fields("started", _("started")),
    partial_date_fields("ended", _("ended")),
    TrackedModel,
):
    """A position a person holds at a company, as a source states it; never inferred."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="roles", verbose_name=_("person")
    )
    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="roles", verbose_name=_("company")
    )
    title = models.CharField(_("title"), max_length=200)
    title_ar = models.CharField(_("Arabic title"), max_length=200, blank=True)

    history = record_history()
    revert_children = ("citations",)

    class Meta:
        ordering = ["company", "person", "-started_on"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            *partial_date_constraints("started"),
            *partial_date_constraints("ended"),
            models.CheckConstraint(
                condition=Q(started_on__isnull=True)
                | Q(ended_on__isnull=True)
                | Q(ended_on__year__gte=F("started_on__year")),
                name="companies_role_ends_after_it_starts",
                violation_error_message=_("A role cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return f"{related_label(self, 'person')}, {self.title} ({related_label(self, 'company')})"

    def clean(self):
        super().clean()
        started, ended = self.started, self.ended
        if started.is_known and ended.is_known and ended.last_day < started.date:
            raise ValidationError({"ended_on": _("A role cannot end before it starts.")})
