"""Ingestion: reading an article in a Celery task, and the proposals it leaves for curators."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.history import record_history
from core.models import TrackedModel, related_label, the_one_set
from core.records import proposal_kinds, proposal_models, proposal_results

from .articles import Article


class IngestionStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    #: The task queue could not be reached; the run is sent again when it can be.
    WAITING = "waiting", _("waiting for a worker")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class IngestionRun(models.Model):
    """One request to read an article and propose what it states.

    The worker counts its `attempts` (a retry after a transient error, or a redelivery
    after a worker died mid-task, is one more) and leaves the reason of a failure in
    `error`. A run the task queue could not take is `waiting`; the sweep sends it, and
    runs that stalled, again (`sends` counts them). An article's ingestion status is
    that of its latest run.
    """

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="ingestion_runs",
        verbose_name=_("article"),
    )
    status = models.CharField(
        _("status"),
        max_length=7,
        choices=IngestionStatus.choices,
        default=IngestionStatus.PENDING,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)
    proposal_count = models.PositiveIntegerField(
        _("proposals"), default=0, help_text=_("Proposals the run found (new ones and old).")
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    queued_at = models.DateTimeField(
        _("last sent to the queue"), null=True, blank=True, help_text=_("Empty: never sent.")
    )
    sends = models.PositiveSmallIntegerField(
        _("times sent"),
        default=0,
        help_text=_("Sent to the task queue: once, and again by the sweep if it stalled."),
    )
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        get_latest_by = ["created_at", "id"]
        verbose_name = _("ingestion run")
        verbose_name_plural = _("ingestion runs")

    def __str__(self):
        return f"{related_label(self, 'article')}: {self.get_status_display()}"


#: The kinds of proposal, from the record types' table ("company", "alias", "deal"…).
ProposalKind = models.TextChoices(
    "ProposalKind", [(kind.upper(), (kind, label)) for kind, label in proposal_kinds()]
)


class ProposalStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    ACCEPTED = "accepted", _("accepted")
    MERGED = "merged", _("merged into an existing record")
    REJECTED = "rejected", _("rejected")


#: The kinds of record a proposal can become (or be merged into): one nullable key each,
#: named as the record type (`core.records`) it points to, with its label.
PROPOSAL_RESULTS = proposal_results()


def _result_field(name: str) -> models.ForeignKey:
    return models.ForeignKey(
        proposal_models()[name],
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=PROPOSAL_RESULTS[name],
    )


#: The confidence below which the review queue hides a proposal unless asked to show
#: everything: set on the labelled news articles' tuning part (docs/ingestion.md).
REVIEW_THRESHOLD = 0.5


class Proposal(TrackedModel):
    """What ingestion suggests from one article, waiting for a curator's decision.

    `payload` holds the would-be record as JSON: its fields by name, partial dates and
    money in their `as_dict` form, codes (deal kinds, claims) and parties as lists, and
    each company or person it mentions as `{"name": …, "slug": …}`: the slug of the
    record the name matched, or null for a name the tracker does not know yet (accepting
    creates it); `sources.services.payloads` reads it into service arguments. `evidence`
    is the sentence of the article it comes from, which becomes the citation's excerpt.
    `fingerprint` makes ingesting the same article twice propose nothing twice.
    """

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="proposals", verbose_name=_("article")
    )
    run = models.ForeignKey(
        IngestionRun,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("ingestion run"),
    )
    kind = models.CharField(_("kind"), max_length=11, choices=ProposalKind.choices)
    status = models.CharField(
        _("status"),
        max_length=8,
        choices=ProposalStatus.choices,
        default=ProposalStatus.PENDING,
    )
    summary = models.CharField(_("summary"), max_length=500)
    payload = models.JSONField(_("payload"), default=dict)
    confidence = models.FloatField(
        _("confidence"), help_text=_("From 0 to 1: how sure the extractor is.")
    )
    evidence = models.TextField(
        _("evidence"), help_text=_("The sentence of the article it comes from, verbatim.")
    )
    fingerprint = models.CharField(_("fingerprint"), max_length=64, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    note = models.CharField(
        _("note"), max_length=500, blank=True, help_text=_("Why it was rejected or merged.")
    )
    # One key per kind of resulting record, built in the class body as `Citation`'s are.
    locals().update({name: _result_field(name) for name in PROPOSAL_RESULTS})

    history = record_history()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        indexes = [models.Index(fields=["status", "-id"], name="sources_proposal_queue")]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "fingerprint"],
                name="sources_proposal_once_per_article",
                violation_error_message=_("The article already has this proposal."),
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=0, confidence__lte=1),
                name="sources_proposal_confidence_range",
                violation_error_message=_("Confidence is between 0 and 1."),
            ),
            models.CheckConstraint(
                condition=Q(status=ProposalStatus.PENDING, decided_at__isnull=True)
                | (~Q(status=ProposalStatus.PENDING) & Q(decided_at__isnull=False)),
                name="sources_proposal_decided_when_not_pending",
                violation_error_message=_("A decided proposal has a decision time."),
            ),
        ]

    def __str__(self):
        return self.summary

    @property
    def record(self):
        """The record the proposal became, or was merged into."""
        return the_one_set(self, list(PROPOSAL_RESULTS))

    @property
    def is_pending(self) -> bool:
        return self.status == ProposalStatus.PENDING
