"""The /search/ page and /api/v1/search/: names and texts, grouped by type, in a constant
number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from companies.services import primary_aliases_sync
from companies.tests.factories import CompanyFactory, ProductFactory
from deals.tests.factories import DealFactory, LawsuitFactory
from sources.tests.factories import ArticleFactory

HTMX = {"HX-Request": "true"}


@pytest.fixture
def found(db):
    """Records a search for "orbit" finds: a company, products, a deal, a lawsuit, an article."""
    maker = CompanyFactory(name="Orbit Labs", name_ar="أوربت لابز")
    primary_aliases_sync(maker)
    return {
        "company": maker,
        "deal": DealFactory(title="Orbit licenses its models", title_ar="أوربت ترخص نماذجها"),
        "lawsuit": LawsuitFactory(title="Authors v. Orbit", summary="Training on books."),
        "article": ArticleFactory(title="Orbit raises money", text="…", text_is_public=True),
    }


def add_products(maker, count: int) -> None:
    for _ in range(count):
        product = ProductFactory(
            company=maker, name=f"Orbit {ProductFactory._meta.next_sequence()}"
        )
        primary_aliases_sync(product)


def search_page(client, query, **kwargs):
    response = client.get(reverse("companies:search"), {"q": query}, **kwargs)
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_lists_names_and_texts_grouped_by_type_with_their_pages(client, found):
    add_products(found["company"], 1)
    html = search_page(client, "orbit")
    headings = ["Companies", "Products", "Deals", "Lawsuits", "Articles"]
    positions = [html.index(f"<h2>{heading}</h2>") for heading in headings]
    assert positions == sorted(positions)
    for record in found.values():
        assert f'href="{record.get_absolute_url()}"' in html
    assert "<h2>People</h2>" not in html


def test_the_arabic_page_links_arabic_pages_and_titles(client, found):
    response = client.get("/ar/search/", {"q": "أوربت"})
    html = response.content.decode()
    assert f'href="/ar/companies/{found["company"].slug}/"' in html
    assert f'href="/ar/deals/{found["deal"].slug}/"' in html
    assert "<bdi>أوربت ترخص نماذجها</bdi>" in html
    assert "<h2>الصفقات</h2>" in html


def test_the_htmx_partial_and_nothing_found(client, found):
    assert search_page(client, "orbit", headers=HTMX).strip().startswith('<div id="results"')
    assert "Nothing found" in search_page(client, "zzzzqqq")


@pytest.mark.parametrize("query", ["\x00orbit", "-", '"'])
def test_odd_queries_are_answered(client, found, query):
    search_page(client, query)


def queries_of(client, query) -> int:
    with CaptureQueriesContext(connection) as context:
        search_page(client, query)
    return len(context.captured_queries)


def test_the_page_runs_as_many_queries_for_many_results_as_for_few(client, found):
    add_products(found["company"], 2)
    few = queries_of(client, "orbit")
    add_products(found["company"], 12)
    DealFactory.create_batch(5, title="Orbit again")
    assert search_page(client, "orbit").count("Orbit again") == 5
    assert queries_of(client, "orbit") == few


def test_the_api_groups_types_in_order_with_both_pages(api_client, found):
    add_products(found["company"], 2)
    body = api_client.get("/api/v1/search/", {"q": "orbit"}).json()
    types = [hit["type"] for hit in body["results"]]
    assert types == ["company", "product", "product", "deal", "lawsuit", "article"]
    deal = body["results"][3]
    assert deal["name"] == "Orbit licenses its models"
    assert deal["name_ar"] == "أوربت ترخص نماذجها"
    assert deal["html_url"] == f"http://testserver{found['deal'].get_absolute_url()}"
    assert deal["html_url_ar"].startswith("http://testserver/ar/deals/")
    assert deal["url"] == f"http://testserver/api/v1/deals/{found['deal'].slug}/"
    assert (deal["matched"], deal["score"]) == (None, None)
    article = body["results"][-1]
    assert article["slug"] is None
    assert article["url"] == f"http://testserver/api/v1/articles/{found['article'].pk}/"


def test_the_api_filters_types_and_limits_each(api_client, found):
    add_products(found["company"], 3)
    body = api_client.get("/api/v1/search/", {"q": "orbit", "type": ["product", "lawsuit"]})
    assert [hit["type"] for hit in body.json()["results"]] == ["product"] * 3 + ["lawsuit"]
    limited = api_client.get("/api/v1/search/", {"q": "orbit", "limit": 1}).json()["results"]
    assert [hit["type"] for hit in limited] == [
        "company",
        "product",
        "deal",
        "lawsuit",
        "article",
    ]


def test_the_schema_documents_every_type(api_client, db):
    schema = api_client.get("/api/v1/schema/", {"format": "json"}).json()
    parameters = schema["paths"]["/api/v1/search/"]["get"]["parameters"]
    types = next(p for p in parameters if p["name"] == "type")
    assert set(types["schema"]["items"]["enum"]) >= {"company", "deal", "lawsuit", "article"}
    hit = schema["components"]["schemas"]["SearchHitOut"]["properties"]
    assert {"html_url", "html_url_ar", "matched", "score"} <= set(hit)
