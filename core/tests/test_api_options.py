"""OPTIONS on every API endpoint describes it, for curators and for anonymous clients."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from config.api_urls import router, urlpatterns
from core.records import api_resources
from sources.models import Article
from sources.tests.factories import ProposalFactory
from webhooks.services import subscription_create

#: The router's URL names, without the `.format` variants, then the other endpoints.
ENDPOINTS = sorted({url.name for url in router.urls}) + [
    url.name for url in urlpatterns if getattr(url, "name", None)
]
SLUG_MODELS = {record.resource: record.model for record in api_resources()}
KEYED = {*SLUG_MODELS, "proposals", "webhooks"}
#: Endpoints for signed-in users only.
SIGNED_IN_ONLY = ("proposals-", "webhooks-")
#: The docs page is HTML only, so it has nothing to describe; the schema speaks OpenAPI.
EXPECTED_STATUS = {"docs": 405}
CONTENT_TYPES = {"docs": "text/html", "schema": "application/vnd.oai.openapi"}


def endpoint_url(name: str) -> str:
    resource, _, route = name.rpartition("-")
    if resource not in KEYED or route == "list":
        return reverse(f"api:{name}")
    if resource == "articles":
        key = Article.objects.values_list("pk", flat=True).first()
    elif resource == "proposals":
        key = ProposalFactory().pk
    elif resource == "webhooks":
        owner, _ = get_user_model().objects.get_or_create(username="curator")
        key = subscription_create(owner=owner, url="https://example.com/hook").pk
    else:
        key = SLUG_MODELS[resource].objects.values_list("slug", flat=True).first()
    return reverse(f"api:{name}", args=[key])


@pytest.fixture
def curator_session(api_client, curator):
    api_client.force_login(curator)
    return api_client


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize("name", ENDPOINTS)
@pytest.mark.parametrize("who", ["curator_api", "curator_session"])
def test_options_describes_each_endpoint_to_a_curator(name, who, request):
    client = request.getfixturevalue(who)
    response = client.options(endpoint_url(name))
    assert response.status_code == EXPECTED_STATUS.get(name, 200), response.content
    assert response["Content-Type"].startswith(CONTENT_TYPES.get(name, "application/json"))


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize("name", ENDPOINTS)
def test_options_answers_anonymous_clients(name, api_client):
    response = api_client.options(endpoint_url(name))
    expected = 401 if name.startswith(SIGNED_IN_ONLY) else EXPECTED_STATUS.get(name, 200)
    assert response.status_code == expected
    assert response["Content-Type"].startswith(CONTENT_TYPES.get(name, "application/json"))


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize(
    ("action", "fields"),
    [("accept", {"payload"}), ("merge", {"into", "note"}), ("reject", {"note"})],
)
def test_options_of_a_proposal_action_describes_its_body(curator_api, action, fields):
    response = curator_api.options(endpoint_url(f"proposals-{action}"))
    assert set(response.json()["actions"]["POST"]) == fields


@pytest.mark.usefixtures("seeded")
def test_options_of_the_articles_describes_a_submission(curator_api):
    response = curator_api.options(endpoint_url("articles-list"))
    assert {"text", "language", "published"} <= set(response.json()["actions"]["POST"])
