"""How records follow one another: a deal's dated lifecycle and typed links between events."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.dates import partial_date_constraints, partial_date_fields
from core.history import record_history
from core.models import TrackedModel, exactly_one_of, related_label, the_one_set
from core.records import HasPage

from .deals import Deal, DealStatus
from .investments import Investment
from .lawsuits import Development, Lawsuit, LawsuitEvent

#: The one order of a deal's transitions: by date, undated last, then as recorded. The
#: last in this order is the deal's current status.
TRANSITION_ORDER = (F("occurred_on").asc(nulls_last=True), "id")


class DealTransition(HasPage, partial_date_fields("occurred", _("occurred")), TrackedModel):
    """A step in a deal's lifecycle: the status it reached, when, and the sources saying so.

    The deal's `status` is always the status of its latest transition (`TRANSITION_ORDER`);
    `deals.services.deal_transition_add` keeps the two in step.
    """

    deal = models.ForeignKey(
        Deal, on_delete=models.CASCADE, related_name="transitions", verbose_name=_("deal")
    )
    status = models.CharField(_("status"), max_length=10, choices=DealStatus.choices)
    note = models.TextField(
        _("note"), blank=True, help_text=_("What happened, in a sentence (optional).")
    )
    note_ar = models.TextField(_("Arabic note"), blank=True)

    history = record_history()
    revert_children = ("citations",)

    class Meta:
        ordering = ["deal", *TRANSITION_ORDER]
        verbose_name = _("deal transition")
        verbose_name_plural = _("deal transitions")
        constraints = [*partial_date_constraints("occurred")]

    def __str__(self):
        return f"{related_label(self, 'deal')}: {self.get_status_display()} ({self.occurred})"


class LinkRelation(models.TextChoices):
    """How one event relates to another; each reads both ways (`RELATION_LABELS`)."""

    FOLLOWS = "follows", _("follows")
    SETTLES = "settles", _("settles")
    FUNDS = "funds", _("funds")
    CHALLENGES = "challenges", _("challenges")
    RESPONDS_TO = "responds_to", _("responds to")


#: Each relation read from the other end ("the lawsuit is followed by the licence").
INVERSE_LABELS = {
    LinkRelation.FOLLOWS: _("is followed by"),
    LinkRelation.SETTLES: _("is settled by"),
    LinkRelation.FUNDS: _("is funded by"),
    LinkRelation.CHALLENGES: _("is challenged by"),
    LinkRelation.RESPONDS_TO: _("is responded to by"),
}

#: The kinds of record an event link may join, as foreign keys on each end.
LINKED_KINDS = {
    "deal": Deal,
    "investment": Investment,
    "lawsuit": Lawsuit,
    "lawsuit_event": LawsuitEvent,
    "development": Development,
}
ALL_KINDS = frozenset(LINKED_KINDS)

#: The kinds each relation allows: (kinds of the subject, kinds of the target).
RELATION_KINDS = {
    LinkRelation.FOLLOWS: (ALL_KINDS, ALL_KINDS),
    LinkRelation.RESPONDS_TO: (ALL_KINDS, ALL_KINDS),
    LinkRelation.SETTLES: (
        frozenset({"deal", "lawsuit_event", "development"}),
        frozenset({"lawsuit", "lawsuit_event"}),
    ),
    LinkRelation.FUNDS: (
        frozenset({"investment", "deal"}),
        frozenset({"deal", "investment", "development"}),
    ),
    LinkRelation.CHALLENGES: (
        frozenset({"lawsuit", "lawsuit_event", "development"}),
        ALL_KINDS,
    ),
}

SUBJECT_FIELDS = [f"from_{kind}" for kind in LINKED_KINDS]
TARGET_FIELDS = [f"to_{kind}" for kind in LINKED_KINDS]


def _end(model, end: str, label) -> models.ForeignKey:
    return models.ForeignKey(
        model,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name=f"links_{end}",
        verbose_name=format_lazy("{} ({})", model._meta.verbose_name, label),
    )


def linked_kind(record) -> str:
    """The event link kind of `record` ("deal", "lawsuit_event"…), or "" if it cannot be linked."""
    return next((kind for kind, model in LINKED_KINDS.items() if isinstance(record, model)), "")


class EventLink(TrackedModel):
    """A typed, cited relation between two events: "the licence follows the lawsuit".

    The subject (`from_*`) and the target (`to_*`) are each exactly one deal, investment,
    lawsuit, lawsuit event or development. The relation reads forwards from the subject
    ("follows") and backwards from the target ("is followed by").
    """

    relation = models.CharField(_("relation"), max_length=12, choices=LinkRelation.choices)
    # One key per linked kind at each end, as `sources.Citation` has one per cited kind.
    locals().update(
        {
            f"from_{kind}": _end(model, "from", pgettext_lazy("end of a link", "subject"))
            for kind, model in LINKED_KINDS.items()
        }
    )
    locals().update(
        {
            f"to_{kind}": _end(model, "to", pgettext_lazy("end of a link", "target"))
            for kind, model in LINKED_KINDS.items()
        }
    )
    note = models.TextField(_("note"), blank=True, help_text=_("How the two relate (optional)."))
    note_ar = models.TextField(_("Arabic note"), blank=True)

    history = record_history()
    revert_children = ("citations",)

    class Meta:
        ordering = ["id"]
        verbose_name = _("event link")
        verbose_name_plural = _("event links")
        constraints = [
            exactly_one_of(
                SUBJECT_FIELDS,
                name="deals_eventlink_one_subject",
                message=_("A link starts from exactly one record."),
            ),
            exactly_one_of(
                TARGET_FIELDS,
                name="deals_eventlink_one_target",
                message=_("A link leads to exactly one record."),
            ),
        ]

    def __str__(self):
        return f"{self.subject} {self.get_relation_display()} {self.target}"

    @property
    def subject(self):
        return the_one_set(self, SUBJECT_FIELDS)

    @property
    def target(self):
        return the_one_set(self, TARGET_FIELDS)

    @property
    def inverse_label(self) -> str:
        return str(INVERSE_LABELS[LinkRelation(self.relation)])

    def ends(self) -> tuple[tuple[str, int | None], tuple[str, int | None]]:
        """((kind, id) of the subject, (kind, id) of the target); kind "" where none is set."""

        def end(prefix: str) -> tuple[str, int | None]:
            for kind in LINKED_KINDS:
                pk = getattr(self, f"{prefix}_{kind}_id")
                if pk is not None:
                    return kind, pk
            return "", None

        return end("from"), end("to")

    def clean(self):
        super().clean()
        (subject_kind, subject_id), (target_kind, target_id) = self.ends()
        if not subject_kind or not target_kind:
            raise ValidationError(_("A link joins two records: choose one at each end."))
        if (subject_kind, subject_id) == (target_kind, target_id):
            raise ValidationError(_("A record cannot be linked to itself."))
        if not self.relation:
            return
        subjects, targets = RELATION_KINDS[LinkRelation(self.relation)]
        if subject_kind not in subjects or target_kind not in targets:
            raise ValidationError(
                {
                    "relation": _("«%(relation)s» cannot link a %(subject)s to a %(target)s.")
                    % {
                        "subject": LINKED_KINDS[subject_kind]._meta.verbose_name,
                        "relation": self.get_relation_display(),
                        "target": LINKED_KINDS[target_kind]._meta.verbose_name,
                    }
                }
            )

    def validate_unique(self, exclude=None):
        super().validate_unique(exclude=exclude)
        (subject_kind, subject_id), (target_kind, target_id) = self.ends()
        if not (subject_kind and target_kind and self.relation):
            return
        twins = EventLink.objects.filter(
            relation=self.relation,
            **{f"from_{subject_kind}_id": subject_id, f"to_{target_kind}_id": target_id},
        ).exclude(pk=self.pk)
        if twins.exists():
            raise ValidationError(_("These two records are already linked this way."))
