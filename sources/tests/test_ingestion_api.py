"""Submitting articles and reviewing proposals over the API."""

import pytest

from companies.tests.factories import CompanyFactory
from deals.models import Deal
from sources.models import Article, IngestionStatus, Proposal, ProposalStatus

from .factories import ArticleFactory, ProposalFactory

pytestmark = pytest.mark.django_db

ARTICLE = {
    "text": "Nimbus Robotics agreed to acquire Lumen Vision Inc. for $120 million in March 2024.",
    "language": "en",
    "title": "Nimbus buys Lumen",
    "published": {"date": "2024-03-15", "precision": "day"},
}


def submit(client, payload=ARTICLE, capture=None):
    with capture(execute=True):
        return client.post("/api/v1/articles/", payload, format="json")


def test_a_curator_submits_an_article_and_gets_202_with_its_ingestion(
    curator_api, django_capture_on_commit_callbacks
):
    response = submit(curator_api, capture=django_capture_on_commit_callbacks)

    assert response.status_code == 202, response.json()
    body = response.json()
    article = Article.objects.get(pk=body["id"])
    assert response["Location"].endswith(f"/api/v1/articles/{article.pk}/")
    assert article.published.precision == "day"
    assert body["ingestion"]["status"] == IngestionStatus.PENDING
    assert body["ingestion"]["proposals_url"].endswith(f"/api/v1/proposals/?article={article.pk}")
    ingested = curator_api.get(f"/api/v1/articles/{article.pk}/").json()["ingestion"]
    assert ingested["status"] == IngestionStatus.DONE
    assert ingested["attempts"] == 1
    assert ingested["proposal_count"] == Proposal.objects.filter(article=article).count() > 0


def test_the_same_text_again_is_a_409_showing_the_existing_article(
    curator_api, django_capture_on_commit_callbacks
):
    first = submit(curator_api, capture=django_capture_on_commit_callbacks).json()
    again = {**ARTICLE, "text": "  " + ARTICLE["text"].replace(" ", "  ") + "\n"}

    response = submit(curator_api, again, capture=django_capture_on_commit_callbacks)

    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "duplicate"
    assert body["article"]["id"] == first["id"]
    assert str(first["id"]) in body["detail"]
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({**ARTICLE, "text": ""}, "text"),
        ({**ARTICLE, "text": "   \n  "}, "text"),
        ({**ARTICLE, "text": "bad\x00text"}, "text"),
        ({**ARTICLE, "text": "x" * 200_001}, "text"),
        ({**ARTICLE, "language": "fr"}, "language"),
        ({k: v for k, v in ARTICLE.items() if k != "language"}, "language"),
        ({**ARTICLE, "url": "not a url"}, "url"),
        ({**ARTICLE, "published": {"date": "2024-02-30", "precision": "day"}}, "published"),
        ({**ARTICLE, "published": "yesterday"}, "published"),
    ],
)
def test_a_malformed_article_is_a_400_naming_the_field(curator_api, payload, field):
    response = curator_api.post("/api/v1/articles/", payload, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not Article.objects.exists()


def test_readers_cannot_submit_or_see_ingestion(api_client, reviewer):
    assert api_client.post("/api/v1/articles/", ARTICLE, format="json").status_code == 401
    api_client.force_authenticate(reviewer)
    assert api_client.post("/api/v1/articles/", ARTICLE, format="json").status_code == 403
    article = ArticleFactory()
    api_client.force_authenticate(None)
    assert api_client.get(f"/api/v1/articles/{article.pk}/").json()["ingestion"] is None


def test_proposals_are_for_curators_only(api_client, reviewer, curator):
    ProposalFactory()
    assert api_client.get("/api/v1/proposals/").status_code == 401
    api_client.force_authenticate(reviewer)
    assert api_client.get("/api/v1/proposals/").status_code == 200
    proposal = Proposal.objects.get()
    assert api_client.post(f"/api/v1/proposals/{proposal.pk}/reject/").status_code == 403


def test_the_queue_filters_by_status_kind_and_article(curator_api):
    article = ArticleFactory()
    ProposalFactory(article=article, kind="company")
    ProposalFactory(kind="deal", payload={})
    ProposalFactory(article=article, kind="person", payload={})

    def ids(**params):
        body = curator_api.get("/api/v1/proposals/", params).json()
        return {row["kind"] for row in body["results"]}

    assert ids() == {"company", "deal", "person"}
    assert ids(article=article.pk) == {"company", "person"}
    assert ids(kind="deal") == {"deal"}
    assert ids(status="accepted") == set()
    assert curator_api.get("/api/v1/proposals/", {"status": "maybe"}).status_code == 400
    assert curator_api.get("/api/v1/proposals/", {"colour": "red"}).status_code == 400


def test_accepting_over_the_api_with_an_edited_payload(curator_api):
    proposal = ProposalFactory(payload={"name": "Lumen Vision", "name_ar": ""})

    response = curator_api.post(
        f"/api/v1/proposals/{proposal.pk}/accept/",
        {"payload": {"name": "Lumen Vision Inc", "name_ar": "لومن"}},
        format="json",
    )

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == ProposalStatus.ACCEPTED
    assert body["record"]["type"] == "company"
    assert body["record"]["url"].endswith(f"/api/v1/companies/{body['record']['slug']}/")
    assert body["decided_by"] == "curator"
    assert curator_api.get(body["record"]["url"]).json()["name"] == "Lumen Vision Inc"


def test_an_invalid_accept_is_a_400_and_a_second_decision_a_409(curator_api):
    proposal = ProposalFactory(kind="deal", payload={"title": "x", "kinds": [], "parties": []})

    invalid = curator_api.post(f"/api/v1/proposals/{proposal.pk}/accept/", {}, format="json")
    assert invalid.status_code == 400
    assert "kinds" in invalid.json()
    assert not Deal.objects.exists()
    not_object = curator_api.post(
        f"/api/v1/proposals/{proposal.pk}/accept/", {"payload": [1]}, format="json"
    )
    assert not_object.status_code == 400

    rejected = curator_api.post(
        f"/api/v1/proposals/{proposal.pk}/reject/", {"note": "not a deal"}, format="json"
    )
    assert rejected.status_code == 200
    assert rejected.json()["note"] == "not a deal"
    again = curator_api.post(f"/api/v1/proposals/{proposal.pk}/accept/", {}, format="json")
    assert again.status_code == 409


def test_merging_over_the_api(curator_api):
    lumen = CompanyFactory(name="Lumen Vision")
    proposal = ProposalFactory(payload={"name": "Lumen Vision Inc.", "spellings": []})

    unknown = curator_api.post(
        f"/api/v1/proposals/{proposal.pk}/merge/", {"into": "nope"}, format="json"
    )
    assert unknown.status_code == 400
    assert "into" in unknown.json()

    response = curator_api.post(
        f"/api/v1/proposals/{proposal.pk}/merge/", {"into": lumen.slug}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["status"] == ProposalStatus.MERGED
    assert response.json()["record"]["slug"] == lumen.slug
    assert lumen.aliases.filter(name="Lumen Vision Inc.").exists()


def test_a_new_spelling_is_not_merged(curator_api):
    proposal = ProposalFactory(kind="alias", payload={"name": "x", "target": {}})
    response = curator_api.post(
        f"/api/v1/proposals/{proposal.pk}/merge/", {"into": "x"}, format="json"
    )
    assert response.status_code == 400


def test_an_unknown_proposal_is_a_404(curator_api):
    assert curator_api.get("/api/v1/proposals/999999/").status_code == 404
    assert curator_api.post("/api/v1/proposals/abc/accept/", {}, format="json").status_code == 404
