"""Review levels of companies, people and products: defaults, accepted proposals, the
API's field and filter, and the badge on their pages."""

import pytest

from companies.models import Company
from companies.services import company_create, company_update, person_create
from core.models import ReviewLevel
from deals.models import Deal
from sources.services import proposal_accept
from sources.tests.factories import ArticleFactory, ProposalFactory

pytestmark = pytest.mark.django_db

SENTENCE = "Nimbus Robotics agreed to acquire Lumen Vision."


def test_a_curator_creates_reviewed_records(curator):
    company = company_create(name="Quartz Labs", user=curator)
    person = person_create(name="Ada Quartz", user=curator)
    for record in (company, person):
        assert (record.review, record.review_by) == (ReviewLevel.REVIEWED, curator)
        assert record.review_at is not None


def test_companies_an_accepted_proposal_names_are_machine_extracted(curator):
    proposal = ProposalFactory(
        article=ArticleFactory(text=SENTENCE),
        kind="deal",
        evidence=SENTENCE,
        payload={
            "title": "Nimbus Robotics acquires Lumen Vision",
            "kinds": ["acquisition"],
            "status": "announced",
            "parties": [
                {"type": "company", "name": "Nimbus Robotics", "role": "acquirer"},
                {"type": "company", "name": "Lumen Vision", "role": "target"},
            ],
        },
    )
    proposal_accept(proposal=proposal, user=curator)
    assert Deal.objects.get().review == "machine"
    levels = set(Company.objects.values_list("review", "review_by"))
    assert levels == {("machine", curator.pk)}


def test_an_accepted_company_proposal_is_machine_extracted(curator):
    proposal = ProposalFactory(
        article=ArticleFactory(text=SENTENCE),
        kind="company",
        evidence=SENTENCE,
        payload={"name": "Nimbus Robotics", "kinds": ["startup"]},
    )
    company = proposal_accept(proposal=proposal, user=curator)
    assert (company.review, company.review_by) == ("machine", curator)


@pytest.mark.usefixtures("seeded")
class TestApiAndPages:
    def test_the_field_and_the_at_least_filter(self, api_client, curator):
        company_update(company=Company.objects.get(slug="midjourney"), review="verified")
        body = api_client.get("/api/v1/companies/midjourney/").json()
        assert body["review"]["level"] == "verified"
        verified = api_client.get("/api/v1/companies/", {"review": "verified"}).json()
        assert [company["slug"] for company in verified["results"]] == ["midjourney"]
        reviewed = api_client.get("/api/v1/companies/", {"review": "reviewed"}).json()
        assert len(reviewed["results"]) == min(Company.objects.count(), 50)
        assert api_client.get("/api/v1/people/", {"review": "approved"}).status_code == 400

    def test_a_curator_sets_the_level_over_the_api(self, curator_api):
        url = "/api/v1/companies/midjourney/"
        version = curator_api.get(url).json()["version"]
        response = curator_api.patch(url, {"review": "verified", "version": version}, format="json")
        assert response.status_code == 200, response.json()
        assert response.json()["review"]["by"] == "curator"
        bad = curator_api.patch(url, {"review": "sure", "version": version + 1}, format="json")
        assert bad.status_code == 400
        assert "review" in bad.json()

    def test_the_company_page_shows_the_badge(self, client):
        html = client.get(Company.objects.get(slug="midjourney").get_absolute_url()).content
        assert b"review-badge review-reviewed" in html
