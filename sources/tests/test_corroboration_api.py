"""Corroboration in the API: on deals, developments and companies, documented, batched."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from companies.tests.factories import CompanyFactory
from deals.tests.factories import DealFactory, DevelopmentFactory
from sources.tests.factories import ArticleFactory, CitationFactory

pytestmark = pytest.mark.django_db


def cite(record, text, *, language="en", outlet="", supports=""):
    article = ArticleFactory(text=text, language=language, outlet=outlet)
    field = record._meta.model_name
    return CitationFactory(article=article, excerpt=text, supports=supports, **{field: record})


def test_a_deal_carries_its_corroboration_per_field_and_conflicts(api_client):
    deal = DealFactory()
    cite(deal, "Meta will pay $14 billion.", outlet="Reuters", supports="value")
    cite(deal, "ميتا ستدفع 15 مليار دولار", language="ar", outlet="الشرق", supports="value")
    cite(deal, "Meta and Scale agreed.", outlet="Reuters")
    found = api_client.get(f"/api/v1/deals/{deal.slug}/").json()["corroboration"]
    assert found["articles"] == 3
    assert found["outlets"] == 2
    assert found["languages"] == {"ar": 1, "en": 2}
    assert found["single_source"] is False
    assert found["fields"] == {
        "value": {
            "articles": 2,
            "outlets": 2,
            "languages": {"ar": 1, "en": 1},
            "single_source": False,
        }
    }
    [conflict] = found["conflicts"]
    assert conflict["field"] == "value"
    assert conflict["kind"] == "money"
    assert [one["excerpt"] for one in conflict["citations"]] == [
        "Meta will pay $14 billion.",
        "ميتا ستدفع 15 مليار دولار",
    ]
    assert conflict["citations"][0]["article"]["url"].startswith(
        "http://testserver/api/v1/articles/"
    )


def test_a_single_source_development_and_company(api_client):
    development = DevelopmentFactory()
    cite(development, "A court ruled.", outlet="AP")
    company = CompanyFactory()
    found = api_client.get(f"/api/v1/developments/{development.slug}/").json()["corroboration"]
    assert found["single_source"] is True
    assert found["conflicts"] == []
    uncited = api_client.get(f"/api/v1/companies/{company.slug}/").json()["corroboration"]
    assert uncited == {
        "articles": 0,
        "outlets": 0,
        "languages": {},
        "single_source": False,
        "fields": {},
        "conflicts": [],
    }
    cite(company, "The company was founded in 2021.", supports="founded")
    cited = api_client.get(f"/api/v1/companies/{company.slug}/").json()["corroboration"]
    assert cited["fields"]["founded"]["single_source"] is True


def test_lists_carry_it_too(api_client):
    deal = DealFactory()
    cite(deal, "Meta and Scale agreed.", outlet="Reuters")
    [listed] = api_client.get("/api/v1/deals/").json()["results"]
    assert listed["corroboration"]["articles"] == 1


def test_the_detail_runs_as_many_queries_with_more_sources(api_client):
    deal = DealFactory()
    cite(deal, "Meta will pay $14 billion.", supports="value")
    url = f"/api/v1/deals/{deal.slug}/"
    with CaptureQueriesContext(connection) as one:
        assert api_client.get(url).status_code == 200
    for number in range(5):
        cite(deal, f"A ${15 + number} billion deal.", outlet=f"Outlet {number}", supports="value")
    with CaptureQueriesContext(connection) as six:
        assert api_client.get(url).json()["corroboration"]["articles"] == 6
    assert len(six) == len(one)


def test_the_schema_documents_it(api_client):
    schema = api_client.get("/api/v1/schema/", {"format": "json"}).json()
    components = schema["components"]["schemas"]
    for name in ("DealOut", "DevelopmentOut", "CompanyOut", "InvestmentOut", "LawsuitOut"):
        assert "corroboration" in components[name]["required"], name
    corroboration = components["CorroborationOut"]["properties"]
    assert {"articles", "outlets", "languages", "single_source", "fields", "conflicts"} <= set(
        corroboration
    )
    assert corroboration["languages"]["additionalProperties"]["type"] == "integer"
