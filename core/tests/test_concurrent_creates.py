"""Simultaneous creates of records with the same name all succeed, with distinct slugs.

Each request runs in its own thread with its own PostgreSQL connection, so the slug each
one picks is checked by the database's unique index, not by a shared test transaction.
"""

import threading

import pytest
from django.db import connection
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from companies.models import Company
from deals.models import Deal

pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

REQUESTS = 10


def post_at_once(token: str, url: str, payload: dict) -> list:
    """POST `payload` to `url` from REQUESTS threads released together; their responses."""
    barrier = threading.Barrier(REQUESTS)
    responses = [None] * REQUESTS

    def post(index: int) -> None:
        client = APIClient(raise_request_exception=False)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
        try:
            barrier.wait(timeout=30)
            responses[index] = client.post(url, payload, format="json")
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(index,)) for index in range(REQUESTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return responses


@pytest.mark.parametrize(
    ("url", "payload", "model"),
    [
        (
            "/api/v1/deals/",
            {"title": "Same title", "kinds": ["licensing"], "status": "announced"},
            Deal,
        ),
        ("/api/v1/companies/", {"name": "Same Name", "confirm_new": True}, Company),
    ],
    ids=["deals", "companies"],
)
def test_simultaneous_creates_with_one_name_all_succeed(curator, url, payload, model):
    token = Token.objects.create(user=curator).key
    responses = post_at_once(token, url, payload)
    statuses = [response.status_code for response in responses]
    assert statuses == [201] * REQUESTS, [r.content[:200] for r in responses]
    slugs = {response.json()["slug"] for response in responses}
    assert len(slugs) == REQUESTS
    assert set(model.objects.values_list("slug", flat=True)) >= slugs


def test_simultaneous_creates_with_one_chosen_slug_keep_one_and_explain(curator):
    token = Token.objects.create(user=curator).key
    payload = {"title": "Chosen", "slug": "chosen", "kinds": ["licensing"], "status": "announced"}
    responses = post_at_once(token, "/api/v1/deals/", payload)
    statuses = sorted(response.status_code for response in responses)
    assert statuses == [201] + [400] * (REQUESTS - 1), [r.content[:200] for r in responses]
    refused = next(response for response in responses if response.status_code == 400)
    assert "already exists" in refused.json()["slug"][0]
    assert Deal.objects.filter(slug="chosen").count() == 1
