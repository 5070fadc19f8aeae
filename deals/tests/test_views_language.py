"""Reader pages in both languages: Arabic list separators, labels and mixed directions."""

import re

import pytest
from django.urls import reverse

from sources.models import Article

pytestmark = pytest.mark.usefixtures("seeded")

#: A Latin comma between two items of a list: after a name, a link or a tag.
CURATOR_NOTES = re.compile(r'<small class="basis[^"]*">.*?</small>', re.S)
LATIN_LIST_COMMA = re.compile(r"(</bdi>|</a>|</span>|\))\s*, ")


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


ARABIC_PAGES = [
    "/ar/",
    "/ar/timeline/",
    "/ar/companies/meta/",
    "/ar/companies/meta/?tab=deals",
    "/ar/companies/meta/?tab=lawsuits",
    "/ar/companies/midjourney/?tab=lawsuits",
    "/ar/people/alexandr-wang/",
    "/ar/deals/meta-midjourney-licensing-partnership/",
    "/ar/developments/meta-faces-similar-training-data-suits/",
    "/ar/lawsuits/disney-universal-v-midjourney/",
]


@pytest.mark.parametrize("url", ARABIC_PAGES)
def test_arabic_pages_join_lists_with_the_arabic_comma(client, url):
    # A date's note is a curator's own text, in whatever language it was written.
    html = CURATOR_NOTES.sub("", page(client, url))
    assert not LATIN_LIST_COMMA.search(html), LATIN_LIST_COMMA.search(html).group(0)


def test_lists_are_joined_in_each_language(client):
    english, arabic = page(client, "/companies/meta/"), page(client, "/ar/companies/meta/")
    assert "licensing, partnership" in english
    assert "ترخيص، شراكة" in arabic
    network = page(client, "/ar/companies/midjourney/")
    assert re.search(r"<title>[^<]*، [^<]*</title>", network), "network relations"


def test_titles_and_names_take_their_own_direction(client):
    deal = page(client, "/ar/deals/openai-97b-acquisition-bid/")
    assert '<h1 dir="auto">محاولة الاستحواذ على OpenAI' in deal
    timeline = page(client, "/ar/timeline/")
    assert re.search(r'<a href="/ar/deals/[^"]+" dir="auto">', timeline)
    dashboard = page(client, "/ar/")
    assert re.search(r'<li><a href="/ar/deals/[^"]+" dir="auto">', dashboard)


def test_the_article_page_is_arabic_in_arabic(client):
    article = Article.objects.get(title__startswith="ميتا تتحالف")
    url = reverse("sources:article", args=[article.pk])
    arabic = page(client, f"/ar{url}")
    assert "Third-party news article" not in arabic
    assert "مقال إخباري" in arabic
    assert "<bdi>ألكسندر وانغ</bdi>، رئيس قسم الذكاء الاصطناعي (<bdi>ميتا</bdi>)" in arabic
    assert " vs " not in arabic
    english = page(client, url)
    assert "Third-party news article" in english
    assert "<bdi>Alexandr Wang</bdi>, Head of AI (<bdi>Meta</bdi>)" in english


def test_the_company_filter_shows_the_pages_script_first(client):
    arabic = page(client, "/ar/timeline/")
    assert '<option value="google">جوجل — Google</option>' in arabic
    english = page(client, "/timeline/")
    assert '<option value="google">Google — جوجل</option>' in english


def test_the_article_page_reads_its_records_in_a_few_queries(client, django_assert_max_num_queries):
    article = Article.objects.get(title__startswith="ميتا تتحالف")
    with django_assert_max_num_queries(3):
        page(client, f"/ar/articles/{article.pk}/")


def test_cited_articles_keep_their_own_language_and_direction(client):
    html = page(client, "/deals/meta-midjourney-licensing-partnership/")
    assert re.search(r'<a href="/articles/\d+/#c\d+" lang="ar" dir="auto">ميتا تتحالف', html)
