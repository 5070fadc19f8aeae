import pytest

from sources.models import Article
from sources.tests.factories import ArticleFactory

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
