"""Webhook subscriptions and every attempt to deliver an event to one."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.records import RECORD_TYPES

from .addresses import url_problem

#: The record kinds a subscription may follow: the record types that can be cited, which
#: are the ones whose changes and citations make events (aliases and articles make none).
KIND_CHOICES = [
    (record_type.name, record_type.name)
    for record_type in RECORD_TYPES
    if record_type.citation_field
]


class EventType(models.TextChoices):
    RECORD_CREATED = "record.created", _("record created")
    RECORD_UPDATED = "record.updated", _("record updated")
    CITATION_CREATED = "citation.created", _("citation created")


class SubscriptionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def owned_by(self, user):
        return self.filter(owner=user)


class Subscription(models.Model):
    """A URL the tracker POSTs matching changes to, signed with the subscription's secret.

    An empty `kinds` or `companies` list follows every kind or company. After
    `WEBHOOKS_MAX_FAILURES` consecutive failed deliveries the subscription is disabled,
    with the reason, until it is enabled again.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="webhook_subscriptions",
        verbose_name=_("owner"),
    )
    url = models.URLField(
        _("target URL"),
        max_length=500,
        help_text=_("Where events are POSTed: an http or https address."),
    )
    secret = models.CharField(
        _("secret"),
        max_length=64,
        editable=False,
        help_text=_("Signs every delivery; shown once, when the subscription is created."),
    )
    kinds = models.JSONField(
        _("record kinds"),
        default=list,
        blank=True,
        help_text=_("Record kinds to follow (deal, lawsuit, …); empty follows all."),
    )
    companies = models.JSONField(
        _("companies"),
        default=list,
        blank=True,
        help_text=_("Slugs of the companies to follow; empty follows all."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    failure_count = models.PositiveIntegerField(
        _("consecutive failures"), default=0, editable=False
    )
    disabled_at = models.DateTimeField(_("disabled at"), null=True, blank=True, editable=False)
    disabled_reason = models.CharField(_("disabled because"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("webhook subscription")
        verbose_name_plural = _("webhook subscriptions")

    def __str__(self):
        return self.url

    def clean(self):
        errors = {}
        if self.url and (problem := url_problem(self.url)):
            errors["url"] = [problem]
        errors.update(_list_errors("kinds", self.kinds, {name for name, _label in KIND_CHOICES}))
        errors.update(_list_errors("companies", self.companies))
        if errors:
            raise ValidationError(errors)

    def matches(self, kind: str, companies: set[str]) -> bool:
        """Whether a change of a `kind` record involving `companies` (slugs) is followed."""
        if self.kinds and kind not in self.kinds:
            return False
        return not self.companies or bool(companies & set(self.companies))


def _list_errors(field: str, values, allowed: set[str] | None = None) -> dict:
    if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
        return {field: [_("Give a list of names.")]}
    unknown = sorted(set(values) - allowed) if allowed is not None else []
    if unknown:
        message = _("Unknown kinds: %(kinds)s.") % {"kinds": ", ".join(unknown)}
        return {field: [message]}
    return {}


class Delivery(models.Model):
    """One attempt to deliver one event to one subscription: what was sent and the answer.

    Each retry of an event is a row of its own, with the next `attempt` number.
    """

    subscription = models.ForeignKey(
        Subscription,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("subscription"),
    )
    event_id = models.UUIDField(_("event"), default=uuid.uuid4)
    event_type = models.CharField(_("event type"), max_length=32, choices=EventType.choices)
    payload = models.JSONField(_("event payload"))
    attempt = models.PositiveSmallIntegerField(_("attempt"), default=1)
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    response_excerpt = models.TextField(_("response excerpt"), blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "event_id", "attempt"],
                name="webhooks_delivery_one_row_per_attempt",
                violation_error_message=_("This attempt of the event is already recorded."),
            )
        ]

    def __str__(self):
        return f"{self.event_type} #{self.attempt} → {self.subscription}"

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300
