"""Cited facts about companies that are neither deals nor lawsuits."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.dates import partial_date_constraints, partial_date_fields
from core.history import record_history
from core.models import TrackedModel, related_label
from core.money import compact_amount, money_constraints, money_fields

from .companies import Company
from .people import Person
from .products import Product


class Channel(models.TextChoices):
    """Where something was said or announced."""

    UNKNOWN = "", _("unknown")
    THREADS = "threads", _("Threads")
    X = "x", _("X")
    PRESS_RELEASE = "press_release", _("press release")
    BLOG = "blog", _("blog post")
    INTERVIEW = "interview", _("interview")
    FILING = "filing", _("regulatory filing")
    OTHER = "other", _("other")


class StatementKind(models.TextChoices):
    OWNERSHIP = "ownership", _("ownership and independence")
    FUNDING = "funding", _("funding")
    STRATEGY = "strategy", _("strategy")
    CAPABILITY = "capability", _("capability")
    OTHER = "other", _("other")


class Statement(partial_date_fields("stated", _("stated")), TrackedModel):
    """Something a company says or is reported to be ("no outside investors").

    Statements hold facts that are not deals, products or figures, so that they are
    cited like any other record instead of living in free-text notes.
    """

    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="statements", verbose_name=_("company")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=StatementKind.choices)
    summary = models.TextField(_("summary"))
    summary_ar = models.TextField(_("Arabic summary"), blank=True)
    stated_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statements",
        verbose_name=_("stated by"),
    )
    via = models.CharField(_("via"), max_length=16, choices=Channel.choices, blank=True)

    history = record_history()
    revert_children = ("citations",)

    class Meta:
        ordering = ["company", "-stated_on", "id"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        constraints = [*partial_date_constraints("stated")]

    def __str__(self):
        return f"{related_label(self, 'company')}: {self.summary[:60]}"


class Rivalry(TrackedModel):
    """A source names `rival` as a competitor of `company`, possibly through products."""

    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="rivalries", verbose_name=_("company")
    )
    rival = models.ForeignKey(
        Company,
        on_delete=models.CASCADE,
        related_name="rivalries_as_rival",
        verbose_name=_("rival"),
    )
    products = models.ManyToManyField(
        Product,
        blank=True,
        related_name="rivalries",
        verbose_name=_("products"),
        help_text=_("Products the source names as the ground of the competition."),
    )
    summary = models.TextField(_("summary"), blank=True)
    summary_ar = models.TextField(_("Arabic summary"), blank=True)

    history = record_history("products")
    revert_children = ("citations",)

    class Meta:
        ordering = ["company", "rival"]
        verbose_name = _("rivalry")
        verbose_name_plural = _("rivalries")
        constraints = [
            models.UniqueConstraint(
                fields=["company", "rival"],
                name="companies_rivalry_once_per_pair",
                violation_error_message=_("This rivalry is already recorded."),
            ),
            models.CheckConstraint(
                condition=~Q(company=F("rival")),
                name="companies_rivalry_not_with_itself",
                violation_error_message=_("A company is not its own rival."),
            ),
        ]

    def __str__(self):
        return f"{related_label(self, 'company')} vs {related_label(self, 'rival')}"


class MetricKind(models.TextChoices):
    REVENUE = "revenue", _("revenue")
    PRICE = "price", _("price")
    USERS = "users", _("users")
    VALUATION = "valuation", _("valuation")
    EMPLOYEES = "employees", _("employees")
    OTHER = "other", _("other")


class Metric(
    partial_date_fields("as_of", _("as of")), money_fields("value", _("value")), TrackedModel
):
    """A dated figure about a company: revenue, a price, users.

    Money figures use `value`; counts (users, employees) use `quantity`. A range such as
    "plans from $10 to $120 a month" keeps its low end in `value` and its high end in
    `value_high`, in the same currency and basis.
    """

    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="metrics", verbose_name=_("company")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=MetricKind.choices)
    label = models.CharField(
        _("label"), max_length=200, blank=True, help_text=_('What exactly is measured ("plans").')
    )
    label_ar = models.CharField(_("Arabic label"), max_length=200, blank=True)
    value_high = models.DecimalField(
        _("value, high end"),
        max_digits=20,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("The top of a range; the bottom is the value."),
    )
    quantity = models.DecimalField(
        _("quantity"),
        max_digits=20,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("A count that is not money (users, employees)."),
    )
    projected = models.BooleanField(
        _("projected"), default=False, help_text=_("A forecast or run rate, not a reported figure.")
    )

    history = record_history()
    revert_children = ("citations",)

    class Meta:
        ordering = ["company", "kind", "-as_of_on"]
        verbose_name = _("metric")
        verbose_name_plural = _("metrics")
        constraints = [
            *partial_date_constraints("as_of"),
            *money_constraints("value"),
            models.CheckConstraint(
                condition=Q(value_amount__isnull=False)
                | Q(quantity__isnull=False)
                | Q(value_undisclosed=True),
                name="companies_metric_has_a_figure",
                violation_error_message=_("A metric needs a value, a quantity, or undisclosed."),
            ),
            models.CheckConstraint(
                condition=Q(value_high__isnull=True)
                | Q(value_amount__isnull=False, value_high__gte=F("value_amount")),
                name="companies_metric_range_is_ordered",
                violation_error_message=_("The high end of a range needs a lower value below it."),
            ),
            models.CheckConstraint(
                condition=Q(quantity__isnull=True) | Q(quantity__gte=0),
                name="companies_metric_quantity_not_negative",
                violation_error_message=_("A quantity cannot be negative."),
            ),
        ]

    def __str__(self):
        text = f"{related_label(self, 'company')}: {self.get_kind_display()} {self.figure}"
        return f"{text} ({_('projected')})" if self.projected else text

    @property
    def figure(self) -> str:
        """The figure as the source gives it, both ends of a range included: "up to $200M
        per year", "$10 to $120 per month", "2M" (a quantity)."""
        if self.quantity is not None and not (self.value.is_stated or self.value_undisclosed):
            return compact_amount(self.quantity)
        return self.value.text(high=self.value_high)

    def clean(self):
        super().clean()
        if self.value_high is not None:
            if self.value_amount is None:
                raise ValidationError({"value_high": _("A range needs its low end as the value.")})
            if self.value_high < self.value_amount:
                raise ValidationError(
                    {"value_high": _("The high end of a range cannot be below its low end.")}
                )
