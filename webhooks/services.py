"""Writes of webhooks: subscriptions, the events a change makes, and each delivery attempt.

`change_dispatch` listens to `core.editing.record_changed`, which every record service
and `citation_add` send after their transaction commits: it stores one delivery per
matching subscription and queues it. `delivery_attempt` sends one attempt and keeps
count of a subscription's consecutive failures, disabling it at the limit.
"""

import json
import logging
import secrets
import uuid

from django.conf import settings
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core.records import record_type_of

from . import signing
from .addresses import delivery_problem
from .models import Delivery, EventType, Subscription
from .selectors import record_company_slugs, record_reference

logger = logging.getLogger(__name__)

#: Statuses worth another try besides 5xx: a timeout and "too many requests".
RETRIED_STATUSES = {408, 429}


@transaction.atomic
def subscription_create(*, owner, url: str, kinds=(), companies=()) -> Subscription:
    """A new subscription with a fresh secret (the caller shows it once)."""
    subscription = Subscription(
        owner=owner,
        url=url,
        kinds=list(kinds),
        companies=list(companies),
        secret=secrets.token_hex(32),
    )
    subscription.full_clean()
    subscription.save()
    return subscription


@transaction.atomic
def subscription_delete(*, subscription: Subscription) -> None:
    subscription.delete()


@transaction.atomic
def subscription_enable(*, subscription: Subscription) -> Subscription:
    """Deliver to the subscription again, its count of failures back at zero."""
    subscription.is_active = True
    subscription.failure_count = 0
    subscription.disabled_at = None
    subscription.disabled_reason = ""
    subscription.save(
        update_fields=["is_active", "failure_count", "disabled_at", "disabled_reason"]
    )
    return subscription


def _event(record: models.Model, *, created: bool, changed: list[str]) -> tuple[str, dict]:
    """The event type and payload of a change; a citation speaks of the record it cites."""
    if record._meta.label == "sources.Citation":
        event_type, record = EventType.CITATION_CREATED, record.target
    else:
        event_type = EventType.RECORD_CREATED if created else EventType.RECORD_UPDATED
    payload = {
        "id": str(uuid.uuid4()),
        "type": str(event_type),
        "kind": record_type_of(record).name,
        "record": record_reference(record),
        "changed": list(changed),
        "occurred_at": timezone.now().isoformat(),
    }
    return event_type, payload


def _queue(delivery_id: int) -> None:
    from .tasks import deliver

    try:
        deliver.delay(delivery_id)
    except Exception as error:  # a broker that is down must not fail the write's request
        logger.warning("Webhook delivery %s was not queued: %s", delivery_id, error)


def change_dispatch(sender, *, record: models.Model, created: bool, changed: list[str], **kwargs):
    """One delivery of the change's event per active subscription following it, queued
    once stored (`record_changed` receiver; the change is already committed)."""
    subscriptions = list(Subscription.objects.active())
    if not subscriptions:
        return []
    event_type, payload = _event(record, created=created, changed=changed)
    target = record.target if event_type == EventType.CITATION_CREATED else record
    companies = record_company_slugs(target)
    matching = [s for s in subscriptions if s.matches(payload["kind"], companies)]
    with transaction.atomic():
        deliveries = Delivery.objects.bulk_create(
            Delivery(
                subscription=subscription,
                event_id=payload["id"],
                event_type=event_type,
                payload=payload,
            )
            for subscription in matching
        )
        for delivery in deliveries:
            transaction.on_commit(lambda pk=delivery.pk: _queue(pk))
    return deliveries


def _retryable(answer: signing.Answer) -> bool:
    if answer.status_code is None:
        return not answer.refused
    return answer.status_code >= 500 or answer.status_code in RETRIED_STATUSES


def _send(delivery: Delivery) -> signing.Answer:
    subscription = delivery.subscription
    if problem := delivery_problem(subscription.url):
        return signing.Answer(error=problem, refused=True)
    body = json.dumps(delivery.payload, separators=(",", ":")).encode()
    headers = {
        "X-Tracker-Signature": signing.signature(subscription.secret, body),
        "X-Tracker-Event": delivery.event_type,
        "X-Tracker-Delivery": str(delivery.event_id),
    }
    return signing.post(subscription.url, body, headers)


def _row_of_attempt(delivery: Delivery, attempt: int) -> Delivery:
    """The row of attempt number `attempt` of the delivery's event (a new one if need be)."""
    if delivery.attempt == attempt:
        return delivery
    row, _created = Delivery.objects.get_or_create(
        subscription=delivery.subscription,
        event_id=delivery.event_id,
        attempt=attempt,
        defaults={"event_type": delivery.event_type, "payload": delivery.payload},
    )
    return row


def _failure_count(subscription_id: int, *, failed: bool) -> None:
    """Count a finished event for the subscription: a success resets, a failure adds one,
    and the limit's failure disables it."""
    subscriptions = Subscription.objects.filter(pk=subscription_id)
    if not failed:
        subscriptions.update(failure_count=0)
        return
    subscriptions.update(failure_count=F("failure_count") + 1)
    limit = settings.WEBHOOKS_MAX_FAILURES
    reason = _("Disabled after %(count)s consecutive failed deliveries.") % {"count": limit}
    subscriptions.filter(is_active=True, failure_count__gte=limit).update(
        is_active=False, disabled_at=timezone.now(), disabled_reason=reason
    )


def delivery_attempt(*, delivery_id: int, attempt: int = 1, last: bool = True) -> Delivery | None:
    """Send attempt number `attempt` of a delivery's event; the attempt's row.

    `delivery.retry` tells whether another attempt is worth making; when it is not, or
    this is the `last` attempt, the event counts as delivered or failed for the
    subscription. Nothing is sent to a disabled or deleted subscription (None).
    """
    first = Delivery.objects.select_related("subscription").filter(pk=delivery_id).first()
    if first is None or not first.subscription.is_active:
        return None
    delivery = _row_of_attempt(first, attempt)
    if delivery.finished_at is not None:  # this attempt already ran (a task run twice)
        delivery.retry = False
        return delivery
    delivery.sent_at = timezone.now()
    answer = _send(delivery)
    delivery.status_code = answer.status_code
    delivery.response_excerpt = answer.excerpt
    delivery.error = answer.error
    delivery.finished_at = timezone.now()
    delivery.save(
        update_fields=["sent_at", "status_code", "response_excerpt", "error", "finished_at"]
    )
    delivery.retry = not delivery.succeeded and _retryable(answer)
    if delivery.succeeded or not delivery.retry or last:
        _failure_count(delivery.subscription_id, failed=not delivery.succeeded)
    return delivery
