"""A deal's lifecycle and related events in the API: shapes, the transitions endpoint, schema."""

import pytest

from core.dates import PartialDate
from deals.models import DealStatus, LinkRelation
from deals.services import deal_transition_add, event_link_add
from deals.tests.factories import (
    DealFactory,
    DevelopmentFactory,
    InvestmentFactory,
    LawsuitEventFactory,
    LawsuitFactory,
)
from sources.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_the_deal_detail_carries_its_lifecycle_oldest_first(api_client):
    deal = DealFactory(status=DealStatus.TALKS)
    deal_transition_add(
        deal=deal, status=DealStatus.REJECTED, occurred=PartialDate.parse("2025-02-14")
    )
    deal_transition_add(deal=deal, status=DealStatus.OFFERED, occurred=PartialDate.parse("2025-02"))
    body = api_client.get(f"/api/v1/deals/{deal.slug}/").json()
    assert [step["status"] for step in body["transitions"]] == ["offered", "rejected"]
    assert body["status"] == "rejected"
    assert body["transitions"][1]["occurred"]["date"] == "2025-02-14"
    assert body["transitions"][0]["occurred"]["precision"] == "month"
    assert set(body["transitions"][0]) == {
        "id",
        "status",
        "occurred",
        "note",
        "note_ar",
        "citations",
    }
    listed = api_client.get(f"/api/v1/deals/{deal.slug}/transitions/").json()
    assert listed == body["transitions"]


def test_a_curator_adds_a_cited_step_and_the_status_follows(curator_api):
    deal = DealFactory(status=DealStatus.OFFERED)
    article = ArticleFactory(text="OpenAI rejected the deal on Friday.")
    response = curator_api.post(
        f"/api/v1/deals/{deal.slug}/transitions/",
        {
            "status": "rejected",
            "occurred": {"date": "2025-02-14", "precision": "day"},
            "note": "The board said no.",
            "citations": [{"article": article.pk, "excerpt": "OpenAI rejected the deal"}],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "rejected"
    (step,) = body["transitions"]
    assert step["note"] == "The board said no."
    assert step["citations"][0]["excerpt"] == "OpenAI rejected the deal"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"status": "sold"}, "status"),
        ({"status": "rejected", "occurred": {"date": "2025-13-01"}}, "occurred"),
        ({"status": "rejected", "occurred": {"date": "2025-02", "basis": "curator"}}, "occurred"),
    ],
)
def test_a_bad_step_is_a_400_with_field_messages(curator_api, payload, field):
    deal = DealFactory(status=DealStatus.OFFERED)
    response = curator_api.post(f"/api/v1/deals/{deal.slug}/transitions/", payload, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not deal.transitions.exists()


def test_a_misquoted_citation_leaves_no_step(curator_api):
    deal = DealFactory(status=DealStatus.OFFERED)
    article = ArticleFactory(text="Something else.")
    response = curator_api.post(
        f"/api/v1/deals/{deal.slug}/transitions/",
        {"status": "rejected", "citations": [{"article": article.pk, "excerpt": "Not there"}]},
        format="json",
    )
    assert response.status_code == 400
    deal.refresh_from_db()
    assert (deal.status, deal.transitions.count()) == ("offered", 0)


def test_readers_cannot_add_steps(api_client):
    deal = DealFactory()
    response = api_client.post(f"/api/v1/deals/{deal.slug}/transitions/", {"status": "rejected"})
    assert response.status_code in (401, 403)


def test_a_status_change_through_the_api_records_a_step(curator_api):
    deal = DealFactory(status=DealStatus.OFFERED)
    response = curator_api.patch(
        f"/api/v1/deals/{deal.slug}/",
        {"status": "withdrawn", "version": deal.version},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert [step["status"] for step in response.json()["transitions"]] == ["withdrawn"]


def test_related_events_are_in_the_api_of_both_records(api_client):
    licence, lawsuit = DealFactory(title="Licence"), LawsuitFactory(title="Suit")
    event_link_add(subject=licence, relation=LinkRelation.FOLLOWS, target=lawsuit, note="After")
    (forward,) = api_client.get(f"/api/v1/deals/{licence.slug}/").json()["related_events"]
    assert forward["relation"] == "follows"
    assert forward["direction"] == "forward"
    assert forward["label"] == "follows"
    assert forward["label_ar"]
    assert forward["record"]["kind"] == "lawsuit"
    assert forward["record"]["title"] == "Suit"
    assert forward["record"]["url"].endswith(f"/api/v1/lawsuits/{lawsuit.slug}/")
    (inverse,) = api_client.get(f"/api/v1/lawsuits/{lawsuit.slug}/").json()["related_events"]
    assert (inverse["direction"], inverse["label"]) == ("inverse", "is followed by")
    assert inverse["record"]["html_url"].endswith(f"/deals/{licence.slug}/")


def test_related_events_of_investments_developments_and_lawsuit_events(api_client):
    investment, development = InvestmentFactory(), DevelopmentFactory()
    event = LawsuitEventFactory()
    event_link_add(subject=investment, relation=LinkRelation.FUNDS, target=development)
    event_link_add(subject=event, relation=LinkRelation.CHALLENGES, target=development)
    body = api_client.get(f"/api/v1/investments/{investment.slug}/").json()
    assert [link["relation"] for link in body["related_events"]] == ["funds"]
    body = api_client.get(f"/api/v1/developments/{development.slug}/").json()
    assert [link["label"] for link in body["related_events"]] == [
        "is funded by",
        "is challenged by",
    ]
    assert body["related_events"][1]["record"]["html_url"].endswith(f"#event-{event.pk}")
    body = api_client.get(f"/api/v1/lawsuits/{event.lawsuit.slug}/").json()
    assert [link["relation"] for link in body["related_events"]] == ["challenges"]


def test_the_schema_documents_transitions_and_related_events(api_client):
    schema = api_client.get("/api/v1/schema/", {"format": "json"}).json()
    assert "/api/v1/deals/{slug}/transitions/" in schema["paths"]
    path = schema["paths"]["/api/v1/deals/{slug}/transitions/"]
    assert {"get", "post"} <= set(path)
    deal = schema["components"]["schemas"]["DealOut"]["properties"]
    assert {"transitions", "related_events"} <= set(deal)
    assert "related_events" in schema["components"]["schemas"]["DevelopmentOut"]["properties"]
    assert (
        "TransitionWriteRequest" in schema["components"]["schemas"]
        or "TransitionWrite" in (schema["components"]["schemas"])
    )
