from django.db import models
from django.utils.translation import gettext_lazy as _

from core.dates import partial_date_constraints, partial_date_fields
from core.history import record_history
from core.models import HasWikidata, Reviewed, TrackedModel, wikidata_constraints
from core.records import HasPage
from core.slugs import unique_slug

from .names import validate_name


class CompanyKind(models.Model):
    """One kind a company can be; a company has one or more (Midjourney: startup and lab).

    The code is the primary key, so filtering `Company.objects.filter(kinds="startup")`
    reads the link table only. Rows are created by a data migration from `Code`.
    """

    class Code(models.TextChoices):
        COMPANY = "company", _("company")
        STARTUP = "startup", _("startup")
        RESEARCH_LAB = "research_lab", _("research lab")
        STUDIO = "studio", _("studio / media")
        INVESTOR = "investor", _("investor")

    code = models.CharField(_("code"), max_length=20, primary_key=True, choices=Code.choices)

    class Meta:
        ordering = ["code"]
        verbose_name = _("company kind")
        verbose_name_plural = _("company kinds")

    def __str__(self):
        return str(self.Code(self.code).label)


class CompanyStatus(models.TextChoices):
    UNKNOWN = "unknown", _("unknown")
    INDEPENDENT = "independent", _("independent")
    ACQUIRED = "acquired", _("acquired")
    PUBLIC = "public", _("public")
    DEFUNCT = "defunct", _("defunct")


class Company(
    HasPage, partial_date_fields("founded", _("founded")), HasWikidata, Reviewed, TrackedModel
):
    """An organisation the tracker follows: a lab, a startup, a studio, an investor."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=True, blank=True)
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("The name in Latin script."),
        validators=[validate_name],
    )
    name_ar = models.CharField(
        _("Arabic name"),
        max_length=200,
        blank=True,
        help_text=_("The usual Arabic spelling."),
        validators=[validate_name],
    )
    kinds = models.ManyToManyField(
        CompanyKind, related_name="companies", verbose_name=_("kinds"), blank=True
    )
    description = models.TextField(_("description"), blank=True)
    description_ar = models.TextField(_("Arabic description"), blank=True)
    headquarters_country = models.CharField(
        _("headquarters country"),
        max_length=2,
        blank=True,
        help_text=_("ISO 3166-1 alpha-2 code, such as US."),
    )
    website = models.URLField(_("website"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=CompanyStatus.choices,
        default=CompanyStatus.UNKNOWN,
        help_text=_("Only what a cited source states; unknown otherwise."),
    )

    history = record_history("kinds")
    revert_children = (
        "aliases",
        "citations",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        constraints = [*partial_date_constraints("founded"), *wikidata_constraints()]

    def __str__(self):
        return self.name or self.name_ar

    def save(self, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Company, self.name, self.name_ar, instance_pk=self.pk)
        super().save(**kwargs)
