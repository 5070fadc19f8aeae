"""Wikidata QIDs on companies, people and products; docket links on lawsuits."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from companies.models import Company
from companies.services import company_create, company_update
from companies.tests.factories import CompanyFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_a_qid_is_q_and_its_number_and_belongs_to_one_record():
    company = company_create(name="Meta", wikidata="Q380")
    assert company.wikidata_url == "https://www.wikidata.org/wiki/Q380"

    for wrong in ("380", "q380", "Q0380", "Q380 ", "https://www.wikidata.org/wiki/Q380"):
        with pytest.raises(ValidationError) as error:
            company_update(company=company, wikidata=wrong)
        assert "wikidata" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        company_create(name="Meta Platforms", wikidata="Q380", confirm_new=True)
    assert "Wikidata" in str(error.value)
    company_create(name="Unknown One", confirm_new=True)
    company_create(name="Unknown Two", confirm_new=True)  # blank QIDs do not collide


def test_the_api_filters_by_qid_and_refuses_a_malformed_one(api_client):
    CompanyFactory(slug="meta", wikidata="Q380")
    CompanyFactory(slug="other")
    PersonFactory(slug="mark-zuckerberg", wikidata="Q36215")

    companies = api_client.get("/api/v1/companies/", {"wikidata": "Q380"}).json()
    people = api_client.get("/api/v1/people/", {"wikidata": "Q36215"}).json()
    refused = api_client.get("/api/v1/companies/", {"wikidata": "Meta"})

    assert [row["slug"] for row in companies["results"]] == ["meta"]
    assert companies["results"][0]["wikidata_url"] == "https://www.wikidata.org/wiki/Q380"
    assert [row["slug"] for row in people["results"]] == ["mark-zuckerberg"]
    assert refused.status_code == 400
    assert "wikidata" in refused.json()


def test_curators_set_it_through_the_api(curator_api):
    created = curator_api.post(
        "/api/v1/companies/", {"name": "Google", "wikidata": "Q95"}, format="json"
    )
    wrong = curator_api.post(
        "/api/v1/companies/", {"name": "Alphabet", "wikidata": "95"}, format="json"
    )

    assert created.status_code == 201, created.content
    assert Company.objects.get(slug=created.json()["slug"]).wikidata == "Q95"
    assert wrong.status_code == 400
    assert "wikidata" in wrong.json()


def test_the_company_page_links_its_wikidata_item(client):
    CompanyFactory(slug="meta", name="Meta", wikidata="Q380")

    html = client.get(reverse("companies:company", args=["meta"])).content.decode()

    assert 'href="https://www.wikidata.org/wiki/Q380"' in html


def test_a_lawsuit_keeps_its_docket_link(curator_api):
    response = curator_api.post(
        "/api/v1/lawsuits/",
        {
            "title": "Authors v. Lab",
            "status": "filed",
            "docket_number": "3:24-cv-05417",
            "docket_url": "https://www.courtlistener.com/docket/69058235/bartz-v-anthropic-pbc/",
        },
        format="json",
    )

    assert response.status_code == 201, response.content
    assert response.json()["docket_url"].startswith("https://www.courtlistener.com/docket/")
    page = curator_api.get(response.json()["html_url"]).content.decode()
    assert 'href="https://www.courtlistener.com/docket/69058235/bartz-v-anthropic-pbc/"' in page
