from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from companies.models import Company
from core.dates import partial_date_constraints, partial_date_fields
from core.history import record_history
from core.models import Reviewed, TrackedModel, related_label
from core.money import money_constraints, money_fields
from core.records import HasPage
from core.slugs import unique_slug


class InvestmentRound(models.TextChoices):
    UNKNOWN = "", _("unknown")
    PRE_SEED = "pre_seed", _("pre-seed")
    SEED = "seed", _("seed")
    SERIES_A = "series_a", _("Series A")
    SERIES_B = "series_b", _("Series B")
    SERIES_C = "series_c", _("Series C")
    LATER = "later", _("later stage")
    STRATEGIC = "strategic", _("strategic")
    DEBT = "debt", _("debt")


class InvestmentStatus(models.TextChoices):
    RUMORED = "rumored", _("rumored")
    TALKS = "talks", _("in talks")
    ANNOUNCED = "announced", pgettext_lazy("status", "announced")
    COMPLETED = "completed", _("completed")
    TERMINATED = "terminated", _("terminated")


class Investment(
    HasPage,
    partial_date_fields("announced", _("announced")),
    money_fields("value", _("investment")),
    Reviewed,
    TrackedModel,
):
    """Money put into a company by one or more investors."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=True, blank=True)
    investee = models.ForeignKey(
        Company,
        on_delete=models.PROTECT,
        related_name="investments_received",
        verbose_name=_("investee"),
        help_text=_("The company the money went into."),
    )
    investors = models.ManyToManyField(
        Company, related_name="investments_made", verbose_name=_("investors")
    )
    stake_percent = models.DecimalField(
        _("stake (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    round = models.CharField(_("round"), max_length=10, choices=InvestmentRound.choices, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=InvestmentStatus.choices)
    summary = models.TextField(_("summary"), blank=True)
    summary_ar = models.TextField(_("Arabic summary"), blank=True)

    history = record_history("investors")
    revert_children = ("citations",)

    class Meta:
        ordering = ["-announced_on", "-id"]
        verbose_name = _("investment")
        verbose_name_plural = _("investments")
        indexes = [models.Index(fields=["-announced_on", "-id"], name="deals_investment_latest")]
        constraints = [
            *partial_date_constraints("announced"),
            *money_constraints("value"),
            models.CheckConstraint(
                condition=Q(stake_percent__isnull=True)
                | Q(stake_percent__gte=0, stake_percent__lte=100),
                name="deals_investment_stake_is_a_percentage",
                violation_error_message=_("A stake is a percentage between 0 and 100."),
            ),
        ]

    def __str__(self):
        return f"{related_label(self, 'investee')}: {self.value}"

    def save(self, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Investment, f"{self.investee} investment", instance_pk=self.pk)
        super().save(**kwargs)

    def clean(self):
        super().clean()
        if self.stake_percent is not None and not 0 <= self.stake_percent <= 100:
            raise ValidationError(
                {"stake_percent": _("A stake is a percentage between 0 and 100.")}
            )
