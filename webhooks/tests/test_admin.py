"""Curators see subscriptions (the disabled ones flagged), enable them, read deliveries."""

import pytest
from django.urls import reverse

from webhooks.models import Delivery, EventType, Subscription
from webhooks.services import subscription_create

pytestmark = pytest.mark.django_db

LIST = "admin:webhooks_subscription_changelist"


@pytest.fixture
def disabled(curator):
    subscription = subscription_create(owner=curator, url="https://example.com/down")
    Subscription.objects.filter(pk=subscription.pk).update(
        is_active=False, failure_count=5, disabled_reason="Disabled after 5 failures."
    )
    return subscription


def test_a_disabled_subscription_is_flagged_and_filtered(curator_client, disabled):
    working = subscription_create(owner=disabled.owner, url="https://example.com/up")
    page = curator_client.get(reverse(LIST), {"state": "disabled"}).content.decode()
    assert disabled.url in page
    assert working.url not in page
    assert "icon-no.svg" in page
    assert "Disabled after 5 failures." in page


def test_enabling_again_resets_the_count(curator_client, disabled):
    response = curator_client.post(
        reverse(LIST), {"action": "enable", "_selected_action": [disabled.pk]}
    )
    assert response.status_code == 302
    disabled.refresh_from_db()
    assert (disabled.is_active, disabled.failure_count, disabled.disabled_reason) == (True, 0, "")


def test_adding_shows_the_secret_once(curator_client, curator):
    response = curator_client.post(
        reverse("admin:webhooks_subscription_add"),
        {
            "owner": curator.pk,
            "url": "https://example.com/new",
            "kinds": ["deal"],
            "companies": "[]",
        },
        follow=True,
    )
    subscription = Subscription.objects.get()
    assert subscription.kinds == ["deal"]
    assert subscription.secret in response.content.decode()
    again = curator_client.get(
        reverse("admin:webhooks_subscription_change", args=[subscription.pk])
    )
    assert subscription.secret not in again.content.decode()


def test_deliveries_are_read_only(curator_client, disabled):
    delivery = Delivery.objects.create(
        subscription=disabled, event_type=EventType.RECORD_CREATED, payload={"id": "x"}
    )
    assert curator_client.get(reverse("admin:webhooks_delivery_changelist")).status_code == 200
    url = reverse("admin:webhooks_delivery_change", args=[delivery.pk])
    assert curator_client.get(url).status_code == 200
    assert curator_client.post(url, {}).status_code == 403
    assert curator_client.get(reverse("admin:webhooks_delivery_add")).status_code == 403
