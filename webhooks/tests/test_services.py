"""Subscriptions: secrets, rules on targets, failures counted and the limit's disabling."""

import pytest
from django.core.exceptions import ValidationError

from companies.tests.factories import CompanyFactory
from webhooks.models import Delivery, EventType, Subscription
from webhooks.services import (
    change_dispatch,
    delivery_attempt,
    subscription_create,
    subscription_enable,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(django_user_model):
    return django_user_model.objects.create_user("follower")


def stored_delivery(subscription: Subscription) -> Delivery:
    return Delivery.objects.create(
        subscription=subscription, event_type=EventType.RECORD_CREATED, payload={"id": "x"}
    )


def test_each_subscription_gets_its_own_secret(owner):
    first = subscription_create(owner=owner, url="https://example.com/a")
    second = subscription_create(owner=owner, url="https://example.com/b")
    assert len(first.secret) == 64
    assert first.secret != second.secret


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("ftp://example.com/hook", "url"),
        ("https:///no-host", "url"),
        ("http://127.0.0.1:8000/hook", "url"),
        ("http://10.1.2.3/hook", "url"),
        ("http://[::1]/hook", "url"),
        ("http://169.254.169.254/latest/meta-data", "url"),
        ("http://localhost/hook", "url"),
        ("http://printer.local/hook", "url"),
    ],
)
def test_targets_off_the_public_internet_are_refused(owner, settings, url, field):
    settings.WEBHOOKS_ALLOW_PRIVATE = False
    with pytest.raises(ValidationError) as error:
        subscription_create(owner=owner, url=url)
    assert field in error.value.message_dict


def test_unknown_kinds_are_refused(owner):
    with pytest.raises(ValidationError) as error:
        subscription_create(owner=owner, url="https://example.com/a", kinds=["deal", "gossip"])
    assert error.value.message_dict["kinds"] == ["Unknown kinds: gossip."]


def test_a_private_target_is_refused_at_delivery_too(owner, settings, receiver):
    subscription = subscription_create(owner=owner, url=receiver.url)
    settings.WEBHOOKS_ALLOW_PRIVATE = False
    delivery = delivery_attempt(delivery_id=stored_delivery(subscription).pk)
    assert delivery.retry is False
    assert "public host" in delivery.error
    assert receiver.received == []


def test_the_limit_of_failures_disables_and_enabling_resets(owner, settings, receiver):
    settings.WEBHOOKS_MAX_FAILURES = 2
    subscription = subscription_create(owner=owner, url=receiver.url)
    receiver.statuses = [400, 400]
    for _event in range(2):
        delivery_attempt(delivery_id=stored_delivery(subscription).pk)
    subscription.refresh_from_db()
    assert (subscription.is_active, subscription.failure_count) == (False, 2)
    assert subscription.disabled_at is not None
    assert subscription.disabled_reason == "Disabled after 2 consecutive failed deliveries."
    assert delivery_attempt(delivery_id=stored_delivery(subscription).pk) is None
    assert len(receiver.received) == 2
    subscription_enable(subscription=subscription)
    subscription.refresh_from_db()
    assert (subscription.is_active, subscription.failure_count) == (True, 0)
    assert (subscription.disabled_at, subscription.disabled_reason) == (None, "")


def test_a_success_resets_the_count(owner, receiver):
    subscription = subscription_create(owner=owner, url=receiver.url)
    receiver.statuses = [404]
    delivery_attempt(delivery_id=stored_delivery(subscription).pk)
    delivery_attempt(delivery_id=stored_delivery(subscription).pk)
    subscription.refresh_from_db()
    assert subscription.failure_count == 0


def test_an_attempt_that_ran_is_not_sent_twice(owner, receiver):
    subscription = subscription_create(owner=owner, url=receiver.url)
    delivery = stored_delivery(subscription)
    delivery_attempt(delivery_id=delivery.pk)
    again = delivery_attempt(delivery_id=delivery.pk)
    assert (len(receiver.received), again.retry) == (1, False)


def test_a_retry_past_the_last_counts_the_failure(owner, receiver):
    subscription = subscription_create(owner=owner, url=receiver.url)
    receiver.statuses = [500, 500]
    first = stored_delivery(subscription)
    assert delivery_attempt(delivery_id=first.pk, attempt=1, last=False).retry is True
    subscription.refresh_from_db()
    assert subscription.failure_count == 0
    delivery_attempt(delivery_id=first.pk, attempt=2, last=True)
    subscription.refresh_from_db()
    assert subscription.failure_count == 1
    assert list(Delivery.objects.values_list("attempt", flat=True).order_by("attempt")) == [1, 2]


def test_a_disabled_subscription_gets_no_new_events(owner, receiver):
    subscription_create(owner=owner, url=receiver.url)
    Subscription.objects.update(is_active=False)
    assert change_dispatch(Subscription, record=CompanyFactory(), created=True, changed=[]) == []


def test_kinds_that_make_no_events_cannot_be_followed(owner):
    with pytest.raises(ValidationError) as error:
        subscription_create(owner=owner, url="https://example.com/a", kinds=["alias", "article"])
    assert error.value.message_dict["kinds"] == ["Unknown kinds: alias, article."]
