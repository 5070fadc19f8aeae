import pytest

from deals.models import Development
from sources.models import Article
from sources.tests.factories import ArticleFactory, ProposalFactory

pytestmark = pytest.mark.usefixtures("seeded")


def test_seed_articles_show_their_text_to_everyone(api_client):
    article = Article.objects.get(title__startswith="ميتا تتحالف")
    body = api_client.get(f"/api/v1/articles/{article.pk}/").json()
    assert body["text"] == article.text
    assert body["citation_count"] > 10
    assert body["published"]["precision"] == "unknown"


def test_news_article_text_is_for_curators_only(api_client, curator):
    article = ArticleFactory(text="Copyrighted news text.", text_is_public=False)
    url = f"/api/v1/articles/{article.pk}/"
    assert api_client.get(url).json()["text"] is None
    api_client.force_authenticate(curator)
    assert api_client.get(url).json()["text"] == "Copyrighted news text."


def test_articles_filter_by_language_and_refuse_writes(api_client):
    assert len(api_client.get("/api/v1/articles/", {"language": "ar"}).json()["results"]) == 2
    assert api_client.get("/api/v1/articles/", {"language": "fr"}).status_code == 400
    assert api_client.post("/api/v1/articles/", {"text": "x"}).status_code in (401, 405)
    assert api_client.get("/api/v1/articles/abc/").status_code == 404


def test_a_proposal_links_the_development_it_became(api_client, curator):
    development = Development.objects.first()
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
