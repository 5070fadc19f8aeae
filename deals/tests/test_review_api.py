"""Review levels in the API (shape, filters, writes), on the timeline and on the pages."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from deals.models import Deal, Development, Investment, Lawsuit
from deals.services import deal_update, investment_update, lawsuit_update

pytestmark = pytest.mark.usefixtures("seeded")

MM_SLUG = "meta-midjourney-licensing-partnership"
MM = f"/api/v1/deals/{MM_SLUG}/"
TIMELINE = "/api/v1/timeline/"


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [record["slug"] for record in response.json()["results"]]


@pytest.fixture
def verified_deal(curator):
    deal = Deal.objects.get(slug=MM_SLUG)
    return deal_update(deal=deal, review="verified", user=curator)


@pytest.fixture
def machine_investment():
    investment = Investment.objects.first()
    return investment_update(investment=investment, review="machine")


class TestShape:
    def test_a_seed_record_is_reviewed_by_nobody(self, api_client):
        review = api_client.get(MM).json()["review"]
        assert (review["level"], review["by"]) == ("reviewed", None)
        assert review["at"]

    def test_the_level_names_the_curator_by_username_only(self, api_client, verified_deal):
        review = api_client.get(MM).json()["review"]
        assert (review["level"], review["by"]) == ("verified", "curator")
        assert set(review) == {"level", "by", "at"}

    @pytest.mark.parametrize("resource", ["deals", "investments", "lawsuits", "developments"])
    def test_every_event_kind_carries_it(self, api_client, resource):
        results = api_client.get(f"/api/v1/{resource}/").json()["results"]
        assert results
        assert all(record["review"]["level"] == "reviewed" for record in results)

    def test_the_schema_documents_it(self, api_client):
        schema = api_client.get("/api/v1/schema/", {"format": "json"}).json()
        review = schema["components"]["schemas"]["ReviewOut"]["properties"]
        assert set(review) == {"level", "by", "at"}
        assert "primary source" in review["level"]["description"]
        schemas = schema["components"]["schemas"]
        assert schemas["ReviewLevelEnum"]["enum"] == ["machine", "reviewed", "verified"]
        assert not {"LevelEnum", "ReviewEnum"} & set(schemas)
        parameters = schema["paths"]["/api/v1/deals/"]["get"]["parameters"]
        assert "review" in {parameter["name"] for parameter in parameters}


class TestFilters:
    def test_at_least_a_level(self, api_client, verified_deal, machine_investment):
        assert slugs(api_client.get("/api/v1/deals/", {"review": "verified"})) == [MM_SLUG]
        reviewed = slugs(api_client.get("/api/v1/deals/", {"review": "reviewed"}))
        assert MM_SLUG in reviewed
        assert len(reviewed) == Deal.objects.count()
        every = slugs(api_client.get("/api/v1/investments/", {"review": "machine"}))
        assert machine_investment.slug in every
        assert machine_investment.slug not in slugs(
            api_client.get("/api/v1/investments/", {"review": "reviewed"})
        )

    @pytest.mark.parametrize("resource", ["deals", "investments", "lawsuits", "developments"])
    def test_a_bad_level_is_a_400(self, api_client, resource):
        response = api_client.get(f"/api/v1/{resource}/", {"review": "approved"})
        assert response.status_code == 400
        assert "review" in response.json()


class TestWrites:
    def test_a_curator_raises_the_level(self, curator_api):
        version = curator_api.get(MM).json()["version"]
        response = curator_api.patch(MM, {"review": "verified", "version": version}, format="json")
        assert response.status_code == 200, response.json()
        assert response.json()["review"]["level"] == "verified"
        assert response.json()["review"]["by"] == "curator"
        deal = Deal.objects.get(slug=MM_SLUG)
        assert deal.history.order_by("-history_date").first().review == "verified"

    def test_a_bad_level_is_a_400_with_a_field_message(self, curator_api):
        version = curator_api.get(MM).json()["version"]
        response = curator_api.patch(MM, {"review": "approved", "version": version}, format="json")
        assert response.status_code == 400
        assert "review" in response.json()
        assert Deal.objects.get(slug=MM_SLUG).review == "reviewed"


class TestTimeline:
    def test_the_api_keeps_entries_at_least_that_level(self, api_client, verified_deal):
        lawsuit = Lawsuit.objects.first()
        lawsuit_update(lawsuit=lawsuit, review="verified")
        entries = api_client.get(TIMELINE, {"review": "verified", "page_size": 100}).json()
        kinds = {(entry["kind"], entry["id"]) for entry in entries["results"]}
        assert ("deal", verified_deal.pk) in kinds
        assert ("lawsuit", lawsuit.pk) in kinds
        assert {kind for kind, _ in kinds} <= {
            "deal",
            "lawsuit",
            "lawsuit_event",
            "deal_transition",
        }
        events = {pk for kind, pk in kinds if kind == "lawsuit_event"}
        assert events == set(lawsuit.events.values_list("pk", flat=True))

    def test_reviewed_keeps_every_seed_entry(self, api_client):
        every = api_client.get(TIMELINE, {"page_size": 100}).json()["results"]
        reviewed = api_client.get(TIMELINE, {"review": "reviewed", "page_size": 100}).json()
        assert reviewed["results"] == every
        assert {"deal", "founding"} <= {entry["kind"] for entry in every}

    def test_a_bad_level_is_a_400(self, api_client):
        assert api_client.get(TIMELINE, {"review": "approved"}).status_code == 400

    def test_the_page_filters_and_offers_the_levels(self, client, verified_deal):
        html = client.get(reverse("deals:timeline"), {"review": "verified"}).content.decode()
        assert 'name="review"' in html
        assert escape(verified_deal.title) in html
        other = Deal.objects.exclude(pk=verified_deal.pk).first()
        assert escape(other.title) not in html


class TestBadge:
    @pytest.mark.parametrize(
        ("language", "label", "explanation"),
        [
            ("en", "verified", "Verified against a primary source"),
            ("ar", "موثّق", "تُحقّق منه مقابل مصدر أولي"),
        ],
    )
    def test_the_page_shows_the_level_and_its_meaning(
        self, client, verified_deal, language, label, explanation
    ):
        with translation.override(language):
            url = verified_deal.get_absolute_url()
        html = client.get(url).content.decode()
        badge = f'<span class="review-badge review-verified" title="{explanation}'
        assert badge in html
        assert f"{label}</span>" in html

    @pytest.mark.parametrize("model", [Investment, Lawsuit, Development])
    def test_every_event_page_has_one(self, client, model):
        html = client.get(model.objects.first().get_absolute_url()).content.decode()
        assert "review-badge review-reviewed" in html
        assert "Checked by a curator against its cited sources." in html
