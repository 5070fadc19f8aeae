"""Events reach a real HTTP receiver: once per matching change, signed, retried."""

import hashlib
import hmac
import json

import pytest
from django.db import transaction

from companies.tests.factories import CompanyFactory
from deals.models import Deal, DealStatus
from deals.services import deal_create, deal_update
from deals.services.parties import Party
from sources.services import citation_add
from sources.tests.factories import ArticleFactory
from webhooks.models import Delivery, EventType
from webhooks.services import subscription_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(django_user_model):
    return django_user_model.objects.create_user("follower")


def new_deal(**fields) -> Deal:
    fields = {"status": DealStatus.ANNOUNCED, **fields}
    return deal_create(kinds=["partnership"], title="Meta licenses Midjourney", **fields)


def verified(secret: str, received) -> dict:
    timestamp, digest = (
        part.split("=", 1)[1] for part in received.headers["X-Tracker-Signature"].split(",")
    )
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + received.body, hashlib.sha256)
    assert hmac.compare_digest(digest, expected.hexdigest())
    return json.loads(received.body)


def test_a_new_record_is_delivered_once_signed(owner, receiver, django_capture_on_commit_callbacks):
    subscription = subscription_create(owner=owner, url=receiver.url, kinds=["deal"])
    with django_capture_on_commit_callbacks(execute=True):
        deal = new_deal()
    assert len(receiver.received) == 1
    received = receiver.received[0]
    payload = verified(subscription.secret, received)
    assert payload["type"] == "record.created"
    assert payload["kind"] == "deal"
    assert payload["record"]["slug"] == deal.slug
    assert payload["record"]["html_url"].endswith(f"/deals/{deal.slug}/")
    assert payload["record"]["api_url"].endswith(f"/api/v1/deals/{deal.slug}/")
    assert received.headers["X-Tracker-Event"] == "record.created"
    assert received.headers["X-Tracker-Delivery"] == payload["id"]
    delivery = Delivery.objects.get()
    assert (delivery.attempt, delivery.status_code, delivery.succeeded) == (1, 200, True)


def test_a_status_change_names_the_changed_field(
    owner, receiver, django_capture_on_commit_callbacks
):
    deal = new_deal(status=DealStatus.TALKS)
    subscription_create(owner=owner, url=receiver.url)
    with django_capture_on_commit_callbacks(execute=True):
        deal_update(deal=deal, status=DealStatus.COMPLETED)
    payload = json.loads(receiver.received[0].body)
    assert (payload["type"], payload["changed"]) == ("record.updated", ["status"])


def test_a_new_citation_is_an_event_of_the_cited_record(
    owner, receiver, django_capture_on_commit_callbacks
):
    deal = new_deal()
    article = ArticleFactory()
    subscription_create(owner=owner, url=receiver.url, kinds=["deal"])
    with django_capture_on_commit_callbacks(execute=True):
        citation_add(record=deal, article=article, excerpt=article.text.split(":")[0])
    payload = json.loads(receiver.received[0].body)
    assert (payload["type"], payload["kind"]) == ("citation.created", "deal")
    assert payload["record"]["slug"] == deal.slug


def test_a_change_nobody_follows_is_not_delivered(
    owner, receiver, django_capture_on_commit_callbacks
):
    followed = CompanyFactory(slug="meta")
    subscription_create(owner=owner, url=receiver.url, kinds=["lawsuit"])
    subscription_create(owner=owner, url=receiver.url, companies=[followed.slug])
    with django_capture_on_commit_callbacks(execute=True):
        new_deal()
    assert (receiver.received, Delivery.objects.count()) == ([], 0)


def test_a_company_filter_follows_the_records_involving_it(
    owner, receiver, django_capture_on_commit_callbacks
):
    followed = CompanyFactory(slug="midjourney")
    subscription_create(owner=owner, url=receiver.url, companies=["midjourney"])
    with django_capture_on_commit_callbacks(execute=True):
        new_deal(parties=[Party(role="licensor", company=followed)])
    assert [json.loads(r.body)["kind"] for r in receiver.received] == ["deal"]


def test_a_500_is_retried_as_a_new_attempt(owner, receiver, django_capture_on_commit_callbacks):
    subscription = subscription_create(owner=owner, url=receiver.url)
    receiver.statuses = [500, 503]
    with django_capture_on_commit_callbacks(execute=True):
        new_deal()
    attempts = Delivery.objects.order_by("attempt").values_list("attempt", "status_code")
    assert list(attempts) == [(1, 500), (2, 503), (3, 200)]
    assert len({json.loads(r.body)["id"] for r in receiver.received}) == 1
    subscription.refresh_from_db()
    assert subscription.failure_count == 0


def test_a_4xx_is_not_retried(owner, receiver, django_capture_on_commit_callbacks):
    subscription = subscription_create(owner=owner, url=receiver.url)
    receiver.statuses = [410]
    with django_capture_on_commit_callbacks(execute=True):
        new_deal()
    assert list(Delivery.objects.values_list("attempt", "status_code")) == [(1, 410)]
    subscription.refresh_from_db()
    assert subscription.failure_count == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_nothing_is_sent_for_a_rolled_back_write(owner, receiver):
    subscription_create(owner=owner, url=receiver.url)

    def create_then_fail():
        with transaction.atomic():
            new_deal()
            raise RuntimeError

    with pytest.raises(RuntimeError):
        create_then_fail()
    assert (receiver.received, Delivery.objects.count()) == ([], 0)
    new_deal()
    assert [json.loads(r.body)["type"] for r in receiver.received] == [EventType.RECORD_CREATED]
