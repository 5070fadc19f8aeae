"""Every record has a place on the timeline: its own date, the date it was reported, or
the group whose date is not known; the page and the API filter and page through all three."""

import datetime

import pytest
from django.urls import reverse

from companies.tests.factories import CompanyFactory
from core.dates import DatePrecision
from deals.models import Deal, Investment
from deals.tests.factories import DealFactory, DealPartyFactory
from sources.tests.factories import ArticleFactory, CitationFactory

TIMELINE = "/api/v1/timeline/"


def seed_records() -> list[tuple[str, str, object]]:
    """(kind, title, record) of every seed deal and investment, read from the database."""
    deals = [("deal", deal.title, deal) for deal in Deal.objects.all()]
    investments = [
        ("investment", f"Investment in {investment.investee.name}", investment)
        for investment in Investment.objects.select_related("investee")
    ]
    return deals + investments


def companies_of(record) -> set[str]:
    if isinstance(record, Investment):
        return {record.investee.slug, *record.investors.values_list("slug", flat=True)}
    return set(record.parties.filter(company__isnull=False).values_list("company__slug", flat=True))


def filters_matching(kind: str, record) -> list[dict]:
    """Each filter that should keep the record: its kind, its status, each of its companies."""
    return [
        {"kind": kind},
        {"status": record.status},
        *({"company": slug} for slug in sorted(companies_of(record))),
    ]


def api_titles(api_client, params: dict) -> list[str]:
    """Every entry's title, following `next` to the end with small pages."""
    titles, url, query = [], TIMELINE, {**params, "page_size": 2}
    while url:
        body = api_client.get(url, query).json()
        titles += [entry["title"] for entry in body["results"]]
        url, query = body["next"], None
    return titles


@pytest.mark.usefixtures("seeded")
class TestSeedRecordsOnTheTimeline:
    def test_the_seed_has_undated_deals_and_the_scale_ai_investment(self):
        records = seed_records()
        assert sum(1 for _, _, record in records if not record.announced.is_known) >= 5
        assert "Investment in Scale AI" in {title for _, title, _ in records}

    def test_every_record_is_reachable_through_the_api_with_each_matching_filter(self, api_client):
        for kind, title, record in seed_records():
            for params in filters_matching(kind, record):
                assert title in api_titles(api_client, params), (title, params)

    def test_every_record_is_on_the_page_with_each_matching_filter(self, client):
        for kind, title, record in seed_records():
            for params in filters_matching(kind, record):
                html = client.get(reverse("deals:timeline"), params).content.decode()
                assert title.replace("'", "&#x27;") in html, (title, params)
                assert "No events match" not in html

    def test_undated_records_without_dated_articles_are_in_the_last_group(self, api_client):
        entries = api_client.get(TIMELINE, {"company": "scale-ai"}).json()["results"]
        scale = next(entry for entry in entries if entry["kind"] == "investment")
        assert scale["placed_by"] == "unknown"
        assert scale["reported"] is None
        assert scale["date"] == {
            "date": None,
            "precision": "unknown",
            "basis": None,
            "note": "",
            "inferred": False,
        }

    def test_a_year_keeps_only_records_placed_in_it(self, api_client):
        titles = api_titles(api_client, {"year": 2025})
        assert "Meta acquires Play AI" not in titles
        assert "Meta licenses Midjourney's image and video generation technology" in titles


@pytest.mark.django_db
class TestPlacement:
    """Records of one new company, so the seed other tests of this module load is aside."""

    @pytest.fixture(autouse=True)
    def company(self):
        self.company = CompanyFactory()

    def get(self, client, url, **params):
        return client.get(url, {"company": self.company.slug, **params})

    def undated_deal(self, title: str, *published: str):
        """A deal with no date, cited by one article per publication date given."""
        deal = DealFactory(title=title)
        DealPartyFactory(deal=deal, company=self.company)
        for text in published:
            precision = DatePrecision.MONTH if len(text) == 7 else DatePrecision.DAY
            day = datetime.date.fromisoformat(text if len(text) == 10 else f"{text}-01")
            article = ArticleFactory(published_on=day, published_precision=precision)
            CitationFactory(article=article, deal=deal)
        return deal

    def test_an_undated_record_is_placed_by_its_earliest_dated_article(self, api_client, client):
        self.undated_deal("Quiet merger", "2025-09-14", "2025-08")
        self.undated_deal("Older rumour", "2024-03-02")
        undated_article = ArticleFactory()
        CitationFactory(article=undated_article, deal=self.undated_deal("Lost deal"))
        entries = self.get(api_client, TIMELINE).json()["results"]
        assert [entry["title"] for entry in entries] == [
            "Quiet merger",
            "Older rumour",
            "Lost deal",
        ]
        assert [entry["placed_by"] for entry in entries] == ["reported", "reported", "unknown"]
        assert entries[0]["reported"] == {
            "date": "2025-08-01",
            "precision": "month",
            "basis": "stated",
            "note": "",
            "inferred": False,
        }
        html = self.get(client, reverse("deals:timeline")).content.decode()
        assert "reported August 2025" in html
        assert html.index("Older rumour") < html.index("Date not known") < html.index("Lost deal")

    def test_cursors_cross_from_the_placed_records_to_the_unknown_group(self, api_client, client):
        dated = DealFactory(
            title="Dated",
            announced_on=datetime.date(2025, 1, 5),
            announced_precision=DatePrecision.DAY,
        )
        DealPartyFactory(deal=dated, company=self.company)
        self.undated_deal("Reported", "2024-05-01")
        for number in range(3):
            self.undated_deal(f"Unknown {number}")
        everything = self.get(api_client, TIMELINE).json()["results"]
        chained = []
        url = f"{TIMELINE}?page_size=1&company={self.company.slug}"
        while url:
            body = api_client.get(url).json()
            chained += body["results"]
            url = body["next"]
        assert chained == everything
        assert [entry["title"] for entry in chained][:2] == ["Dated", "Reported"]
        assert len(chained) == 5
        first = self.get(client, reverse("deals:timeline")).content.decode()
        assert first.count("Date not known") == 1

    def test_the_heading_is_not_repeated_on_a_more_page_inside_the_group(self, client):
        for number in range(27):
            self.undated_deal(f"Unknown {number}")
        first = self.get(client, reverse("deals:timeline")).content.decode()
        assert first.count("Date not known") == 1
        more = first.split('class="more" href="')[1].split('"')[0].replace("&amp;", "&")
        page_two = client.get(reverse("deals:timeline") + more, headers={"HX-Request": "true"})
        html = page_two.content.decode()
        assert "Unknown" in html
        assert "Date not known" not in html
