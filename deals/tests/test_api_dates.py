"""Every dated record's API representation says where each date comes from."""

import datetime

import pytest

from companies.tests.factories import CompanyFactory, PersonFactory, ProductFactory, RoleFactory
from core.dates import PartialDate
from deals.tests.factories import (
    DealFactory,
    DealPartyFactory,
    DevelopmentFactory,
    InvestmentFactory,
    LawsuitEventFactory,
    LawsuitFactory,
)
from sources.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

JUNE = datetime.date(2025, 6, 1)
NOTE = "The court's docket, outside the cited articles."
CURATORS = {
    "date": "2025-06-01",
    "precision": "month",
    "basis": "curator",
    "note": NOTE,
    "inferred": False,
}
INFERRED = {
    "date": "2025-06-01",
    "precision": "month",
    "basis": "inferred",
    "note": "last month",
    "inferred": True,
}


def dated(basis: str = "curator", note: str = NOTE, name: str = "announced") -> dict:
    return PartialDate(JUNE, "month", basis, note).columns(name)


def get(api_client, url: str) -> dict:
    response = api_client.get(url)
    assert response.status_code == 200, response.content
    return response.json()


def test_deals_investments_developments_and_the_timeline(api_client):
    company = CompanyFactory()
    deal = DealFactory(**dated())
    DealPartyFactory(deal=deal, company=company)
    investment = InvestmentFactory(**dated("inferred", "last month"), investee=company)
    development = DevelopmentFactory(**dated(name="occurred"))
    assert get(api_client, f"/api/v1/deals/{deal.slug}/")["announced"] == CURATORS
    assert get(api_client, f"/api/v1/investments/{investment.slug}/")["announced"] == INFERRED
    assert get(api_client, f"/api/v1/developments/{development.slug}/")["occurred"] == CURATORS
    listed = get(api_client, "/api/v1/deals/")["results"]
    assert [record["announced"] for record in listed] == [CURATORS]
    timeline = get(api_client, f"/api/v1/timeline/?company={company.slug}")["results"]
    assert {entry["kind"]: entry["date"] for entry in timeline} == {
        "deal": CURATORS,
        "investment": INFERRED,
    }


def test_a_lawsuit_and_its_events(api_client):
    lawsuit = LawsuitFactory(**dated(name="filed"))
    LawsuitEventFactory(lawsuit=lawsuit, **dated("inferred", "last month", name="occurred"))
    LawsuitEventFactory(lawsuit=lawsuit)
    body = get(api_client, f"/api/v1/lawsuits/{lawsuit.slug}/")
    assert body["filed"] == CURATORS
    unknown = {"date": None, "precision": "unknown", "basis": None, "note": "", "inferred": False}
    occurred = [event["occurred"] for event in body["events"]]
    assert sorted(occurred, key=lambda date: date["basis"] or "") == [unknown, INFERRED]


def test_companies_people_products_and_articles(api_client):
    company = CompanyFactory(**dated(name="founded"))
    person = PersonFactory()
    RoleFactory(company=company, person=person, **dated("inferred", "last month", "started"))
    product = ProductFactory(company=company, **dated(name="launched"))
    article = ArticleFactory(**dated("inferred", "last month", "published"))
    body = get(api_client, f"/api/v1/companies/{company.slug}/")
    assert body["founded"] == CURATORS
    assert body["people"][0]["started"] == INFERRED
    assert get(api_client, f"/api/v1/people/{person.slug}/")["roles"][0]["started"] == INFERRED
    assert get(api_client, f"/api/v1/products/{product.slug}/")["launched"] == CURATORS
    assert get(api_client, f"/api/v1/articles/{article.pk}/")["published"] == INFERRED


def test_a_curator_writes_a_date_with_its_basis_and_a_note(curator_api):
    company = CompanyFactory()
    payload = {
        "title": "A deal a curator dates",
        "kinds": ["partnership"],
        "status": "announced",
        "parties": [{"company": company.slug, "role": "partner"}],
        "announced": {"date": "2025-06", "basis": "curator"},
    }
    refused = curator_api.post("/api/v1/deals/", payload, format="json")
    assert refused.status_code == 400
    assert "needs a note" in str(refused.json()["announced"])
    payload["announced"]["note"] = NOTE
    created = curator_api.post("/api/v1/deals/", payload, format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["announced"] == CURATORS
    legacy = {**payload, "title": "A deal with the former flag"}
    legacy["announced"] = {"date": "2025-06", "inferred": True}
    assert curator_api.post("/api/v1/deals/", legacy, format="json").json()["announced"] == {
        **INFERRED,
        "note": "",
    }
