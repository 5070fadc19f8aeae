"""Each dated step of a deal's lifecycle is an event on the timeline and in its feeds."""

import feedparser
import pytest
from django.urls import reverse
from django.utils import translation

from companies.tests.factories import CompanyFactory
from core.dates import PartialDate
from deals.models import DealStatus
from deals.services import deal_transition_add
from deals.tests.factories import DealFactory, DealPartyFactory
from deals.timeline import timeline_entries
from sources.services import citation_add
from sources.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bid():
    deal = DealFactory(
        title="The $97B bid to acquire OpenAI",
        title_ar="محاولة الاستحواذ على OpenAI",
        status=DealStatus.TALKS,
    )
    DealPartyFactory(deal=deal, company=CompanyFactory(name="OpenAI"), role="target")
    rejected = deal_transition_add(
        deal=deal,
        status=DealStatus.REJECTED,
        occurred=PartialDate.parse("2025-02-14"),
        note="OpenAI's board rejected the bid.",
    )
    article = ArticleFactory(text="OpenAI rejected the deal.")
    citation_add(record=rejected, article=article, excerpt="OpenAI rejected the deal")
    deal_transition_add(deal=deal, status=DealStatus.OFFERED, occurred=PartialDate.parse("2025-02"))
    deal_transition_add(deal=deal, status=DealStatus.WITHDRAWN)  # undated: not an event
    return deal


def steps(entries):
    return [entry for entry in entries if entry.kind == "deal_transition"]


def test_a_dated_step_is_an_event_in_both_languages(bid):
    rejected, offered = steps(timeline_entries())
    assert rejected.title == "Rejected: The $97B bid to acquire OpenAI"
    assert rejected.title_ar.endswith("محاولة الاستحواذ على OpenAI")
    with translation.override("ar"):
        assert rejected.title_ar.startswith(str(DealStatus.REJECTED.label))
    assert rejected.date == PartialDate.parse("2025-02-14")
    step = bid.transitions.get(status=DealStatus.REJECTED)
    assert rejected.url == f"/deals/{bid.slug}/#transition-{step.pk}"
    assert rejected.resource == "deals"
    assert offered.title.startswith("Offered: ")


def test_steps_follow_the_timelines_filters(bid):
    assert len(steps(timeline_entries(company="openai"))) == 2
    assert steps(timeline_entries(company="someone-else")) == []
    assert [entry.kind for entry in timeline_entries(kinds=["deal_transition"])] == [
        "deal_transition"
    ] * 2
    # The status filter keeps deals in that status; steps are not records with a status.
    assert steps(timeline_entries(status=DealStatus.REJECTED)) == []


def test_the_timeline_api_and_page_show_the_step(bid, api_client, client):
    body = api_client.get("/api/v1/timeline/", {"kind": "deal_transition"}).json()
    assert body["results"][0]["title"].startswith("Rejected: ")
    page = client.get(reverse("deals:timeline")).content.decode()
    assert "Rejected: The $97B bid to acquire OpenAI" in page


def test_the_feed_carries_the_step_as_an_atom_entry(bid, client):
    response = client.get(reverse("deals:timeline_feed"), {"kind": "deal_transition"})
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "atom10"
    rejected = parsed.entries[0]
    assert "Rejected: The $97B bid to acquire OpenAI" in rejected.title
    assert rejected.published.startswith("2025-02-14")
    assert "OpenAI's board rejected the bid." in rejected.summary
    assert "«OpenAI rejected the deal»" in rejected.summary
    assert "#transition-" in rejected.link


def test_the_arabic_feed_titles_the_step_in_arabic(bid, client):
    response = client.get("/ar" + reverse("deals:timeline_feed").removeprefix("/ar"))
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    titles = [entry.title for entry in parsed.entries]
    assert any("محاولة الاستحواذ على OpenAI" in title for title in titles)
