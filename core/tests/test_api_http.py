"""HTTP behaviour every API endpoint shares: caching validators, throttling, CORS, CSV,
the schema and its docs, the root, constant query counts, cursors and malformed input."""

import base64
import datetime
import re

import orjson
import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.authtoken.models import Token

from companies.models import Company
from companies.tests.factories import (
    CompanyFactory,
    MetricFactory,
    PersonFactory,
    ProductFactory,
    RivalryFactory,
    StatementFactory,
)
from core.records import api_resources
from core.tests.factories import record_factory
from deals.tests.factories import (
    DealFactory,
    DealPartyFactory,
    DevelopmentFactory,
    InvestmentFactory,
    LawsuitEventFactory,
    LawsuitFactory,
    LawsuitPartyFactory,
)
from sources.tests.factories import ArticleFactory, CitationFactory

#: Every API list: the record types' resources, then the timeline.
LISTS = [*(f"/api/v1/{record.resource}/" for record in api_resources()), "/api/v1/timeline/"]


@pytest.mark.usefixtures("seeded")
class TestConditionalRequests:
    def test_an_unchanged_list_answers_304_and_a_write_changes_the_tag(self, api_client):
        first = api_client.get("/api/v1/deals/")
        etag = first["ETag"]
        assert first["Last-Modified"]
        again = api_client.get("/api/v1/deals/", HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304
        assert again.content == b""
        Company.objects.filter(slug="meta").update(website="https://about.meta.com")
        changed = api_client.get("/api/v1/deals/", HTTP_IF_NONE_MATCH=etag)
        assert changed.status_code == 200
        assert changed["ETag"] != etag

    def test_a_304_costs_one_query(self, api_client, django_assert_max_num_queries):
        etag = api_client.get("/api/v1/timeline/")["ETag"]
        with django_assert_max_num_queries(1):
            assert api_client.get("/api/v1/timeline/", HTTP_IF_NONE_MATCH=etag).status_code == 304

    def test_the_detail_etag_works_as_if_match(self, curator_api):
        url = "/api/v1/deals/meta-play-ai-acquisition/"
        etag = curator_api.get(url)["ETag"]
        assert etag.startswith('W/"1.')
        updated = curator_api.patch(url, {"status": "completed"}, format="json", HTTP_IF_MATCH=etag)
        assert updated.status_code == 200
        stale = curator_api.patch(url, {"status": "rejected"}, format="json", HTTP_IF_MATCH=etag)
        assert stale.status_code == 412
        fresh = curator_api.get(url)["ETag"]
        assert curator_api.get(url, HTTP_IF_NONE_MATCH=fresh).status_code == 304


@pytest.mark.usefixtures("seeded")
def test_anonymous_reads_are_throttled_with_retry_after(api_client, settings):
    cache.clear()
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"},
    }
    from rest_framework.settings import api_settings
    from rest_framework.throttling import AnonRateThrottle

    api_settings.reload()
    AnonRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
    try:
        codes = [api_client.get("/api/v1/companies/").status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        limited = api_client.get("/api/v1/companies/")
        assert int(limited["Retry-After"]) > 0
    finally:
        settings.REST_FRAMEWORK = {
            **settings.REST_FRAMEWORK,
            "DEFAULT_THROTTLE_RATES": {"anon": "120/minute"},
        }
        api_settings.reload()
        AnonRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
        cache.clear()


@pytest.mark.usefixtures("seeded")
def test_browsers_may_read_from_other_origins(api_client):
    response = api_client.get("/api/v1/deals/", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]


@pytest.mark.usefixtures("seeded")
def test_lists_export_as_csv(api_client):
    response = api_client.get("/api/v1/deals/", {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    header, *rows = response.content.decode().splitlines()
    assert "value.amount" in header.split(",")
    assert any("97000000000" in row for row in rows)


@pytest.mark.usefixtures("seeded")
def test_csv_lists_name_parties_and_roles(api_client):
    deals = api_client.get("/api/v1/deals/", {"format": "csv"}).content.decode()
    assert "meta (licensee) | midjourney (licensor)" in deals
    people = api_client.get("/api/v1/people/", {"format": "csv"}).content.decode()
    assert "meta (Head of AI)" in people


@pytest.mark.django_db
def test_the_schema_documents_every_resource_and_the_docs_use_local_assets(api_client):
    schema = api_client.get("/api/v1/schema/", {"format": "json"}).json()
    for path in (
        "/api/v1/deals/",
        "/api/v1/timeline/",
        "/api/v1/search/",
        "/api/v1/articles/{id}/",
        "/api/v1/developments/",
        "/api/v1/developments/{slug}/",
    ):
        assert path in schema["paths"], path
    deal = schema["components"]["schemas"]["DealOut"]["properties"]
    assert deal["value"]["$ref"].endswith("MoneyOut")
    parameters = {p["name"] for p in schema["paths"]["/api/v1/deals/"]["get"]["parameters"]}
    assert {"company", "kind", "status", "year", "q", "ordering", "cursor"} <= parameters
    docs = api_client.get("/api/v1/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in docs
    assert "cdn" not in docs.lower()


@pytest.mark.django_db
def test_timeline_and_search_are_in_the_api_root(api_client):
    root = api_client.get(reverse("api:api-root"))
    assert root.status_code == 200
    assert "deals" in root.json()


@pytest.mark.django_db
def test_issue_token_prints_a_token_and_refuses_unknown_users(curator, capsys):
    call_command("issue_token", "curator")
    key = capsys.readouterr().out.strip()
    assert Token.objects.get(user=curator).key == key
    with pytest.raises(Exception, match="no user named 'nobody'"):
        call_command("issue_token", "nobody")


def populate(n: int) -> None:
    """n of everything, each with the relations the read paths load.

    A resource the rows below do not cover gets n records from its factory.
    """
    before = {record.resource: record.model.objects.count() for record in api_resources()}
    for _ in range(n):
        article = ArticleFactory()
        excerpt = article.text[:12]
        company, other, person = (
            CompanyFactory(kinds=["startup"]),
            CompanyFactory(),
            PersonFactory(),
        )
        product = ProductFactory(
            company=company, launched_on=datetime.date(2025, 1, 1), launched_precision="month"
        )
        rivalry = RivalryFactory(company=company, rival=other)
        rivalry.products.add(product)
        facts = (
            {"metric": MetricFactory(company=company, value_high=2_000_000)},
            {"statement": StatementFactory(company=company, stated_by=person)},
            {"rivalry": rivalry},
        )
        deal = DealFactory(
            kinds=["partnership", "licensing"],
            announced_on=datetime.date(2025, 2, 1),
            announced_precision="day",
        )
        DealPartyFactory(deal=deal, company=company, role="partner")
        DealPartyFactory(deal=deal, person=person, role="in_talks")
        InvestmentFactory(
            investee=company,
            investors=[other],
            announced_on=datetime.date(2024, 5, 1),
            announced_precision="month",
        )
        lawsuit = LawsuitFactory(filed_on=datetime.date(2024, 1, 1), filed_precision="year")
        LawsuitPartyFactory(lawsuit=lawsuit, company=other, side="plaintiff")
        event = LawsuitEventFactory(lawsuit=lawsuit, kind="ruling", summary="x")
        development = DevelopmentFactory(
            companies=[company, other],
            occurred_on=datetime.date(2024, 6, 1),
            occurred_precision="month",
        )
        targets = ({"deal": deal}, {"company": company}, {"lawsuit_event": event})
        for target in (*targets, *facts, {"development": development}):
            CitationFactory(article=article, excerpt=excerpt, **target)
    for record in api_resources():
        for _ in range(before[record.resource] + n - record.model.objects.count()):
            record_factory(record)()


def query_count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        assert response.status_code == 200, response.content
    return len(queries)


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_rows(api_client, django_assert_max_num_queries):
    """Every list (a 200-row page) and every detail: as many queries at 200 rows as at 5."""
    populate(5)
    details = {
        record.resource: api_client.get(f"/api/v1/{record.resource}/").json()["results"][0]["slug"]
        for record in api_resources()
        if record.viewset_class.lookup_field == "slug"
    }
    urls = [f"{url}?page_size=200" for url in LISTS] + [
        f"/api/v1/{resource}/{slug}/?format=json" for resource, slug in details.items()
    ]
    at_five = {url: query_count(api_client, url) for url in urls}
    populate(195)
    for url in urls:
        with django_assert_max_num_queries(at_five[url]):
            response = api_client.get(url)
        if "page_size" in url:
            assert len(response.json()["results"]) == 200, url
        # A company also carries its cited facts: figures, statements and rivalries.
        assert at_five[url] <= (13 if "/companies/" in url else 12), url


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize(
    ("method", "url", "body", "status"),
    [
        ("get", "/api/v1/companies/me%00ta/", None, 404),
        ("get", "/companies/me%00ta/", None, 404),
        ("get", "/api/v1/timeline/?company=me%00ta", None, 400),
        ("post", "/api/v1/products/", {"name": "X", "kind": "app", "company": "me\x00ta"}, 400),
    ],
)
def test_nul_characters_are_refused_not_a_server_error(curator_api, method, url, body, status):
    response = (
        getattr(curator_api, method)(url, body, format="json") if body else curator_api.get(url)
    )
    assert response.status_code == status


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/deals/?page_size=²",
        "/api/v1/search/?q=meta&limit=²",
        "/api/v1/timeline/?year=²",
        "/api/v1/articles/²/",
        "/companies/²/",
        "/deals/²/",
        "/people/٣/",
    ],
)
def test_non_ascii_digits_are_refused_not_a_server_error(client, url):
    assert client.get(url).status_code in (400, 404)


def cursor(key, pk) -> str:
    return base64.urlsafe_b64encode(orjson.dumps([key, pk])).decode().rstrip("=")


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize(
    ("url", "position"),
    [
        ("/api/v1/deals/", [None, 1]),
        ("/api/v1/deals/", [[1], 1]),
        ("/api/v1/deals/", [{"n": "5"}, 1]),
        ("/api/v1/deals/?ordering=-value", [{"d": "2020-01-01"}, 1]),
        ("/api/v1/articles/", [{"d": "2020-01-01"}, 1]),
        ("/api/v1/articles/", ["abc", 1]),
        ("/api/v1/articles/", [True, 1]),
    ],
)
def test_hand_made_cursors_are_a_400(api_client, url, position):
    separator = "&" if "?" in url else "?"
    response = api_client.get(f"{url}{separator}cursor={cursor(*position)}")
    assert response.status_code == 400
    assert "cursor" in response.json()


@pytest.mark.django_db
def test_csv_cells_that_start_a_formula_are_escaped(api_client):
    """A spreadsheet opening the file sees text, not a live formula."""
    CompanyFactory(name='=HYPERLINK("http://example.com/x","open")', name_ar="-2+3+cmd")
    content = api_client.get("/api/v1/companies/", {"format": "csv"}).content.decode()
    assert '"\'=HYPERLINK(""http://example.com/x"",""open"")"' in content
    assert ",'-2+3+cmd," in content
    assert ',"=HYPERLINK' not in content


def test_the_api_docs_page_needs_no_inline_style_or_script(api_client):
    response = api_client.get("/api/v1/docs/")
    policy = response["Content-Security-Policy"]
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    html = response.content.decode()
    assert "<style" not in html
    assert not re.search(r"<script(?![^>]*\ssrc=)", html), "an inline script"
    assert "/static/css/api-docs.css" in html
