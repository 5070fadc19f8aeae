"""The articles and proposals endpoints: reading and submitting articles, reviewing
proposals."""

import pytest
from django.contrib.auth.models import Permission

from companies.models import Alias, Company
from companies.tests.factories import CompanyFactory
from deals.models import Deal
from deals.tests.factories import DevelopmentFactory
from sources.models import Article, IngestionStatus, Proposal, ProposalStatus

from .factories import ArticleFactory, ProposalFactory

pytestmark = pytest.mark.django_db

ARTICLE = {
    "text": "Nimbus Robotics agreed to acquire Lumen Vision Inc. for $120 million in March 2024.",
    "language": "en",
    "title": "Nimbus buys Lumen",
    "published": {"date": "2024-03-15", "precision": "day"},
}
DEAL = {"title": "T", "kinds": ["acquisition"], "status": "announced"}


def submit(client, payload=ARTICLE, capture=None):
    with capture(execute=True):
        return client.post("/api/v1/articles/", payload, format="json")


def accept(client, proposal, payload):
    return client.post(
        f"/api/v1/proposals/{proposal.pk}/accept/", {"payload": payload}, format="json"
    )


def nested(depth):
    value = "x"
    for _ in range(depth):
        value = [value]
    return value


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


def test_news_article_text_is_for_curators_only(api_client, curator):
    article = ArticleFactory(text="Copyrighted news text.", text_is_public=False)
    url = f"/api/v1/articles/{article.pk}/"
    assert api_client.get(url).json()["text"] is None
    api_client.force_authenticate(curator)
    assert api_client.get(url).json()["text"] == "Copyrighted news text."


def test_staff_without_the_curators_permissions_see_no_full_text(api_client, django_user_model):
    staff = django_user_model.objects.create_user("staff", is_staff=True)
    article = ArticleFactory(text="Copyrighted news text.")
    api_client.force_authenticate(staff)
    body = api_client.get(f"/api/v1/articles/{article.pk}/").json()
    assert (body["text"], body["ingestion"]) == (None, None)


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


@pytest.mark.parametrize("value", ["1.5", "99999999999999999999999", "-1", "abc"])
def test_the_article_filter_takes_a_whole_id(curator_api, value):
    assert curator_api.get("/api/v1/proposals/", {"article": value}).status_code == 400


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


@pytest.mark.parametrize(
    ("kind", "payload", "field"),
    [
        (
            "deal",
            {**DEAL, "parties": [{"type": ["x"], "name": "N", "role": "acquirer"}]},
            "parties[0]",
        ),
        ("deal", {**DEAL, "parties": [{"name": {"x": 1}, "role": "acquirer"}]}, "parties[0]"),
        ("deal", {**DEAL, "parties": [{"name": "!!!", "role": "acquirer"}]}, "parties[0]"),
        ("deal", {**DEAL, "parties": [{"name": "N", "slug": 5, "role": "acquirer"}]}, "parties[0]"),
        ("company", {"name": "Nimbus", "spellings": 5}, "spellings"),
        ("company", {"name": "Nimbus", "spellings": "Lumen"}, "spellings"),
        ("company", {"name": "Nimbus", "note": "a\x00b"}, "payload"),
        ("company", {"name": "Nimbus", "junk": nested(50)}, "payload"),
        ("company", {"name": "Nimbus", "spellings": ["a" * 300]}, "name"),
        ("product", {"name": "Eye", "kind": "app", "company": {"type": ["company"]}}, "company"),
        ("alias", {"name": ["Nimbo"], "target": {"type": "company", "slug": "lumen"}}, "name"),
        ("alias", {"name": "x", "target": {"type": ["company"], "slug": "lumen"}}, "target"),
        ("alias", {"name": "???", "target": {"type": "company", "slug": "lumen"}}, "name"),
        (
            "development",
            {
                "title": "D",
                "kind": "court_rulings",
                "summary": "s",
                "companies": [{"type": "person", "name": "Jane Roe"}],
            },
            "companies[0]",
        ),
        ("development", {"title": ["D"], "kind": "court_rulings", "summary": "s"}, "title"),
    ],
)
def test_malformed_payloads_are_400s_naming_the_field(curator_api, kind, payload, field):
    CompanyFactory(name="Lumen", slug="lumen")
    proposal = ProposalFactory(kind=kind, payload={})

    response = accept(curator_api, proposal, payload)

    assert response.status_code == 400, response.content
    assert field in " ".join(response.json()), response.json()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PENDING
    assert Company.objects.count() == 1


def test_a_body_nested_beyond_the_parser_is_a_400(curator_api):
    proposal = ProposalFactory()
    body = "[" * 100_000 + "]" * 100_000
    response = curator_api.post(
        f"/api/v1/proposals/{proposal.pk}/accept/", body, content_type="application/json"
    )
    assert response.status_code == 400


def test_a_new_name_already_recorded_is_a_merge_not_a_second_record(curator_api):
    lumen = CompanyFactory(name="Lumen Vision")
    Alias.objects.get_or_create(company=lumen, name="Lumen Vision", key="lumen vision")
    proposal = ProposalFactory(payload={"name": "Lumen Vision"})

    response = accept(curator_api, proposal, proposal.payload)

    assert response.status_code == 400
    assert lumen.slug in response.json()["name"][0]
    assert Company.objects.count() == 1


def test_deciding_checks_permissions_before_reading_the_body(api_client, reviewer):
    proposal = ProposalFactory()
    api_client.force_authenticate(reviewer)
    for action, body in (("accept", {"payload": 1}), ("merge", {}), ("reject", {"note": 5})):
        response = api_client.post(
            f"/api/v1/proposals/{proposal.pk}/{action}/", body, format="json"
        )
        assert response.status_code == 403, action


def test_accepting_needs_the_right_to_create_what_the_proposal_names(api_client, django_user_model):
    user = django_user_model.objects.create_user("narrow", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            codename__in=[
                "view_article",
                "view_proposal",
                "change_proposal",
                "add_citation",
                "add_deal",
            ]
        )
    )
    proposal = ProposalFactory(kind="deal", payload={**DEAL, "parties": []})
    api_client.force_authenticate(user)
    response = accept(api_client, proposal, proposal.payload)
    assert response.status_code == 403


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


def test_a_proposal_links_the_development_it_became(api_client, curator):
    development = DevelopmentFactory()
    proposal = ProposalFactory(
        kind="development",
        status="accepted",
        decided_at=development.created_at,
        development=development,
    )
    api_client.force_authenticate(curator)
    record = api_client.get(f"/api/v1/proposals/{proposal.pk}/").json()["record"]
    assert record["url"] == f"http://testserver/api/v1/developments/{development.slug}/"
    assert api_client.get(record["url"]).json()["id"] == development.pk


# The seed, once loaded, stays until the end of the module: the tests that read it come last.


@pytest.mark.usefixtures("seeded")
def test_seed_articles_show_their_text_to_everyone(api_client):
    article = Article.objects.get(title__startswith="ميتا تتحالف")
    body = api_client.get(f"/api/v1/articles/{article.pk}/").json()
    assert body["text"] == article.text
    assert body["citation_count"] > 10
    assert body["published"]["precision"] == "unknown"


@pytest.mark.usefixtures("seeded")
def test_articles_filter_by_language_and_refuse_writes(api_client):
    assert len(api_client.get("/api/v1/articles/", {"language": "ar"}).json()["results"]) == 2
    assert api_client.get("/api/v1/articles/", {"language": "fr"}).status_code == 400
    assert api_client.post("/api/v1/articles/", {"text": "x"}).status_code in (401, 405)
    assert api_client.get("/api/v1/articles/abc/").status_code == 404
