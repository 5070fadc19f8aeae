"""`/api/v1/webhooks/`: token users manage their own subscriptions, and only those."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from webhooks.models import Delivery, EventType, Subscription
from webhooks.services import subscription_create

pytestmark = pytest.mark.django_db

LIST = reverse("api:webhooks-list")


def client_of(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def reader(django_user_model):
    """An API user who is not a curator."""
    return django_user_model.objects.create_user("reader")


def test_creating_returns_the_secret_once(reader):
    client = client_of(reader)
    body = {"url": "https://example.com/hook", "kinds": ["deal"], "companies": ["meta"]}
    response = client.post(LIST, body, format="json")
    assert response.status_code == 201
    created = response.json()
    subscription = Subscription.objects.get()
    assert (subscription.owner, created["secret"]) == (reader, subscription.secret)
    assert (created["kinds"], created["companies"]) == (["deal"], ["meta"])
    listed = client.get(LIST).json()["results"]
    assert [s["id"] for s in listed] == [subscription.pk]
    assert "secret" not in listed[0]
    assert "secret" not in client.get(created["deliveries_url"].replace("deliveries/", "")).json()


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/hook",
        "not a url",
        "http://127.0.0.1:8000/hook",
        "http://192.168.1.10/hook",
        "http://localhost/hook",
    ],
)
def test_bad_urls_are_refused_with_a_field_error(curator_api, settings, url):
    settings.WEBHOOKS_ALLOW_PRIVATE = False
    response = curator_api.post(LIST, {"url": url}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["url"]
    assert not Subscription.objects.exists()


def test_unknown_kinds_are_refused(curator_api):
    response = curator_api.post(
        LIST, {"url": "https://example.com/h", "kinds": ["gossip"]}, format="json"
    )
    assert response.status_code == 400
    assert "kinds" in response.json()


def test_one_user_never_sees_anothers_subscriptions(reader, curator, curator_api):
    theirs = subscription_create(owner=curator, url="https://example.com/theirs")
    client = client_of(reader)
    assert client.get(LIST).json()["results"] == []
    detail = reverse("api:webhooks-detail", args=[theirs.pk])
    deliveries = reverse("api:webhooks-deliveries", args=[theirs.pk])
    assert client.get(detail).status_code == 404
    assert client.get(deliveries).status_code == 404
    assert client.delete(detail).status_code == 404
    assert Subscription.objects.filter(pk=theirs.pk).exists()
    assert [s["id"] for s in curator_api.get(LIST).json()["results"]] == [theirs.pk]


def test_the_owner_deletes_and_reads_deliveries(reader):
    subscription = subscription_create(owner=reader, url="https://example.com/mine")
    Delivery.objects.create(
        subscription=subscription,
        event_type=EventType.RECORD_UPDATED,
        payload={"id": "e"},
        status_code=500,
    )
    client = client_of(reader)
    deliveries = client.get(reverse("api:webhooks-deliveries", args=[subscription.pk])).json()
    assert [(d["event_type"], d["status_code"]) for d in deliveries["results"]] == [
        ("record.updated", 500)
    ]
    response = client.delete(reverse("api:webhooks-detail", args=[subscription.pk]))
    assert response.status_code == 204
    assert not Subscription.objects.exists()


def test_anonymous_requests_are_refused(api_client):
    assert api_client.get(LIST).status_code == 401
    response = api_client.post(LIST, {"url": "https://example.com/h"}, format="json")
    assert response.status_code == 401
