from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from companies.models import Company, Person
from core.dates import partial_date_constraints, partial_date_fields
from core.history import record_history
from core.models import Reviewed, TrackedModel, exactly_one_of, related_label
from core.records import HasPage
from core.slugs import unique_slug

from .deals import PARTY_TARGETS


class ClaimKind(models.Model):
    """A kind of legal claim; a lawsuit makes one or more. Rows come from a data migration."""

    class Code(models.TextChoices):
        COPYRIGHT = "copyright", _("copyright")
        TRADEMARK = "trademark", _("trademark")
        PATENT = "patent", _("patent")
        TRADE_SECRETS = "trade_secrets", _("trade secrets")
        CONTRACT = "contract", _("breach of contract")
        PRIVACY = "privacy", _("privacy")
        ANTITRUST = "antitrust", _("antitrust")
        DEFAMATION = "defamation", _("defamation")
        OTHER = "other", _("other")

    code = models.CharField(_("code"), max_length=20, primary_key=True, choices=Code.choices)

    class Meta:
        ordering = ["code"]
        verbose_name = _("claim kind")
        verbose_name_plural = _("claim kinds")

    def __str__(self):
        return str(self.Code(self.code).label)


class LawsuitStatus(models.TextChoices):
    FILED = "filed", pgettext_lazy("status", "filed")
    PENDING = "pending", _("pending")
    DISMISSED = "dismissed", _("dismissed")
    SETTLED = "settled", _("settled")
    DECIDED = "decided", _("decided")


class Lawsuit(HasPage, partial_date_fields("filed", _("filed")), Reviewed, TrackedModel):
    """A court case between companies or people."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=True, blank=True)
    title = models.CharField(_("title"), max_length=300)
    title_ar = models.CharField(_("Arabic title"), max_length=300, blank=True)
    court = models.CharField(_("court"), max_length=200, blank=True)
    docket_number = models.CharField(_("docket number"), max_length=100, blank=True)
    docket_url = models.URLField(
        _("docket link"),
        max_length=500,
        blank=True,
        help_text=_("The court's docket online (a CourtListener or PACER page)."),
    )
    jurisdiction = models.CharField(
        _("jurisdiction"), max_length=2, blank=True, help_text=_("ISO 3166-1 alpha-2 code.")
    )
    status = models.CharField(_("status"), max_length=10, choices=LawsuitStatus.choices)
    claims = models.ManyToManyField(
        ClaimKind, related_name="lawsuits", blank=True, verbose_name=_("claims")
    )
    summary = models.TextField(_("summary"), blank=True)
    summary_ar = models.TextField(_("Arabic summary"), blank=True)

    history = record_history("claims")
    revert_children = (
        "parties",
        "events",
        "citations",
    )

    class Meta:
        ordering = ["-filed_on", "-id"]
        verbose_name = _("lawsuit")
        verbose_name_plural = _("lawsuits")
        indexes = [models.Index(fields=["-filed_on", "-id"], name="deals_lawsuit_latest")]
        constraints = [*partial_date_constraints("filed")]

    def __str__(self):
        return self.title or self.title_ar

    def save(self, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Lawsuit, self.title, self.title_ar, instance_pk=self.pk)
        super().save(**kwargs)


class LawsuitSide(models.TextChoices):
    PLAINTIFF = "plaintiff", _("plaintiff")
    DEFENDANT = "defendant", _("defendant")
    THIRD_PARTY = "third_party", _("third party")


class LawsuitParty(models.Model):
    """A company or person on one side of a lawsuit; each appears once per lawsuit."""

    lawsuit = models.ForeignKey(
        Lawsuit, on_delete=models.CASCADE, related_name="parties", verbose_name=_("lawsuit")
    )
    company = models.ForeignKey(
        Company,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lawsuit_parties",
        verbose_name=_("company"),
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lawsuit_parties",
        verbose_name=_("person"),
    )
    side = models.CharField(_("side"), max_length=11, choices=LawsuitSide.choices)

    history = record_history()

    class Meta:
        ordering = ["lawsuit", "side", "id"]
        verbose_name = _("lawsuit party")
        verbose_name_plural = _("lawsuit parties")
        constraints = [
            exactly_one_of(
                PARTY_TARGETS,
                name="deals_lawsuitparty_is_one_party",
                message=_("A lawsuit party is one company or one person."),
            ),
            *(
                models.UniqueConstraint(
                    fields=["lawsuit", target],
                    name=f"deals_lawsuitparty_{target}_once",
                    violation_error_message=_(
                        "This party is already in the lawsuit: a party cannot be both "
                        "plaintiff and defendant."
                    ),
                )
                for target in PARTY_TARGETS
            ),
        ]

    def __str__(self):
        who = related_label(self, "company") or related_label(self, "person")
        return f"{who} ({self.get_side_display()})"


class LawsuitEventKind(models.TextChoices):
    FILING = "filing", _("filing")
    MOTION = "motion", _("motion")
    HEARING = "hearing", _("hearing")
    RULING = "ruling", _("ruling")
    SETTLEMENT = "settlement", _("settlement")
    DISMISSAL = "dismissal", _("dismissal")
    APPEAL = "appeal", _("appeal")


class LawsuitEvent(HasPage, partial_date_fields("occurred", _("occurred")), TrackedModel):
    """A dated step in a lawsuit: a ruling, a settlement, an appeal."""

    lawsuit = models.ForeignKey(
        Lawsuit, on_delete=models.CASCADE, related_name="events", verbose_name=_("lawsuit")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=LawsuitEventKind.choices)
    summary = models.TextField(_("summary"))
    summary_ar = models.TextField(_("Arabic summary"), blank=True)

    history = record_history()
    revert_children = ("citations",)

    class Meta:
        ordering = ["lawsuit", "occurred_on", "id"]
        verbose_name = _("lawsuit event")
        verbose_name_plural = _("lawsuit events")
        constraints = [*partial_date_constraints("occurred")]

    def __str__(self):
        return f"{related_label(self, 'lawsuit')}: {self.get_kind_display()} ({self.occurred})"


class DevelopmentKind(models.TextChoices):
    COURT_RULINGS = "court_rulings", _("court rulings")
    LITIGATION = "litigation", _("litigation")
    REGULATION = "regulation", _("regulation")
    MARKET = "market", _("market")


class Development(HasPage, partial_date_fields("occurred", _("occurred")), Reviewed, TrackedModel):
    """A dated legal or market development that names no single case or deal.

    "US courts have ruled for tech companies in training-data cases" is one: recording
    it as a lawsuit would invent a case.
    """

    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=True, blank=True)
    title = models.CharField(_("title"), max_length=300)
    title_ar = models.CharField(_("Arabic title"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=14, choices=DevelopmentKind.choices)
    jurisdiction = models.CharField(
        _("jurisdiction"), max_length=2, blank=True, help_text=_("ISO 3166-1 alpha-2 code.")
    )
    companies = models.ManyToManyField(
        Company, related_name="developments", blank=True, verbose_name=_("companies")
    )
    summary = models.TextField(_("summary"))
    summary_ar = models.TextField(_("Arabic summary"), blank=True)

    history = record_history("companies")
    revert_children = ("citations",)

    class Meta:
        ordering = ["-occurred_on", "-id"]
        verbose_name = _("development")
        verbose_name_plural = _("developments")
        constraints = [*partial_date_constraints("occurred")]

    def __str__(self):
        return self.title or self.title_ar

    def save(self, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Development, self.title, self.title_ar, instance_pk=self.pk)
        super().save(**kwargs)
