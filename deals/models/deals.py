from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from companies.models import Channel, Company, Person
from core.dates import partial_date_constraints, partial_date_fields
from core.history import record_history
from core.models import Reviewed, TrackedModel, related_label
from core.money import money_constraints, money_fields
from core.records import HasPage
from core.slugs import unique_slug


class DealKind(models.Model):
    """One kind a deal can be; a deal has one or more (a partnership that is also a licence).

    The code is the primary key, so `Deal.objects.filter(kinds="licensing")` reads the
    link table only. Rows are created by a data migration from `Code`.
    """

    class Code(models.TextChoices):
        PARTNERSHIP = "partnership", _("partnership")
        LICENSING = "licensing", _("licensing")
        ACQUISITION = "acquisition", _("acquisition")
        ACQUISITION_OFFER = "acquisition_offer", _("acquisition offer")
        BID = "bid", _("bid")
        MERGER = "merger", _("merger")
        ACQUI_HIRE = "acqui_hire", _("acqui-hire")
        HIRING = "hiring", _("hiring")

    code = models.CharField(_("code"), max_length=20, primary_key=True, choices=Code.choices)

    class Meta:
        ordering = ["code"]
        verbose_name = _("deal kind")
        verbose_name_plural = _("deal kinds")

    def __str__(self):
        return str(self.Code(self.code).label)


class DealStatus(models.TextChoices):
    TALKS = "talks", _("in talks")
    RUMORED = "rumored", _("rumored")
    OFFERED = "offered", _("offered")
    ANNOUNCED = "announced", pgettext_lazy("status", "announced")
    COMPLETED = "completed", _("completed")
    REJECTED = "rejected", _("rejected")
    WITHDRAWN = "withdrawn", _("withdrawn")
    TERMINATED = "terminated", _("terminated")


class Deal(
    HasPage,
    partial_date_fields("announced", _("announced")),
    money_fields("value", _("value")),
    Reviewed,
    TrackedModel,
):
    """An agreement, offer or bid between companies and people, as sources report it."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=True, blank=True)
    title = models.CharField(_("title"), max_length=300)
    title_ar = models.CharField(_("Arabic title"), max_length=300, blank=True)
    kinds = models.ManyToManyField(DealKind, related_name="deals", verbose_name=_("kinds"))
    status = models.CharField(_("status"), max_length=10, choices=DealStatus.choices)
    announced_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="announced_deals",
        verbose_name=_("announced by"),
    )
    announced_via = models.CharField(
        _("announced via"), max_length=16, choices=Channel.choices, blank=True
    )
    summary = models.TextField(_("summary"), blank=True)
    summary_ar = models.TextField(_("Arabic summary"), blank=True)

    history = record_history("kinds")
    revert_children = (
        "parties",
        "transitions",
        "citations",
    )

    class Meta:
        ordering = ["-announced_on", "-id"]
        verbose_name = _("deal")
        verbose_name_plural = _("deals")
        indexes = [models.Index(fields=["-announced_on", "-id"], name="deals_deal_latest")]
        constraints = [*partial_date_constraints("announced"), *money_constraints("value")]

    def __str__(self):
        return self.title or self.title_ar

    def save(self, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Deal, self.title, self.title_ar, instance_pk=self.pk)
        super().save(**kwargs)


class DealPartyRole(models.TextChoices):
    ACQUIRER = "acquirer", _("acquirer")
    TARGET = "target", _("target")
    SELLER = "seller", _("seller")
    LICENSOR = "licensor", _("licensor")
    LICENSEE = "licensee", _("licensee")
    PARTNER = "partner", _("partner")
    BIDDER = "bidder", _("bidder")
    IN_TALKS = "in_talks", _("held talks")
    DECLINED = "declined", _("declined to take part")
    EMPLOYER = "employer", _("employer")
    HIRE = "hire", _("hired")


PARTY_TARGETS = ["company", "person"]


class DealParty(models.Model):
    """A company, a person or an unnamed group taking part in a deal in one role.

    Unnamed parties ("dozens of researchers") are a description and an optional count,
    never invented people.
    """

    deal = models.ForeignKey(
        Deal, on_delete=models.CASCADE, related_name="parties", verbose_name=_("deal")
    )
    company = models.ForeignKey(
        Company,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="deal_parties",
        verbose_name=_("company"),
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="deal_parties",
        verbose_name=_("person"),
    )
    unnamed_description = models.CharField(
        _("unnamed party"),
        max_length=200,
        blank=True,
        help_text=_('For a group the source does not name ("dozens of researchers").'),
    )
    unnamed_description_ar = models.CharField(
        _("unnamed party (Arabic)"), max_length=200, blank=True
    )
    unnamed_count = models.PositiveIntegerField(
        _("count"), null=True, blank=True, help_text=_("How many, when the source says.")
    )
    role = models.CharField(_("role"), max_length=10, choices=DealPartyRole.choices)

    history = record_history()

    class Meta:
        ordering = ["deal", "role", "id"]
        verbose_name = _("deal party")
        verbose_name_plural = _("deal parties")
        constraints = [
            models.CheckConstraint(
                condition=Q(company__isnull=False, person__isnull=True, unnamed_description="")
                | Q(company__isnull=True, person__isnull=False, unnamed_description="")
                | (Q(company__isnull=True, person__isnull=True) & ~Q(unnamed_description="")),
                name="deals_dealparty_is_one_party",
                violation_error_message=_(
                    "A party is one company, one person, or a described unnamed group."
                ),
            ),
            *(
                models.UniqueConstraint(
                    fields=["deal", target, "role"],
                    name=f"deals_dealparty_{target}_once_per_role",
                    violation_error_message=_("This party already has this role in the deal."),
                )
                for target in PARTY_TARGETS
            ),
        ]

    def __str__(self):
        return f"{self.party_name} ({self.get_role_display()})"

    @property
    def party_name(self) -> str:
        return (
            related_label(self, "company")
            or related_label(self, "person")
            or self.unnamed_description
        )

    def clean(self):
        super().clean()
        named = [t for t in PARTY_TARGETS if getattr(self, f"{t}_id") is not None]
        if len(named) > 1:
            raise ValidationError(_("A party is one company or one person, not both."))
        if not named and not self.unnamed_description:
            raise ValidationError(_("Choose a company or a person, or describe the unnamed party."))
        if named and self.unnamed_description:
            raise ValidationError(
                {"unnamed_description": _("A named party needs no unnamed description.")}
            )
