"""Atom feeds of the timeline, read back by a feed parser."""

import feedparser
import pytest
from django.urls import reverse

pytestmark = pytest.mark.usefixtures("seeded")


def feed(client, url: str, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "atom10"
    return parsed


def test_the_timeline_feed_is_atom_with_dated_cited_entries(client):
    parsed = feed(client, reverse("deals:timeline_feed"))

    titles = [entry.title for entry in parsed.entries]
    assert any("Meta licenses Midjourney" in title for title in titles)
    licence = next(entry for entry in parsed.entries if "Meta licenses" in entry.title)
    assert licence.link.endswith("/deals/meta-midjourney-licensing-partnership/")
    assert licence.published.startswith("2025-08-01")
    assert "«" in licence.summary  # the excerpt of the article that states it
    assert "/articles/" in licence.summary
    assert len({entry.id for entry in parsed.entries}) == len(parsed.entries)


def test_the_feed_follows_the_timelines_filters(client):
    parsed = feed(client, reverse("deals:timeline_feed"), kind="lawsuit")

    assert parsed.entries
    assert all(entry.tags[0].term == "lawsuit" for entry in parsed.entries)
    assert "Disney and Universal v. Midjourney" in parsed.entries[0].title


def test_a_company_feed_has_only_the_companys_events(client):
    parsed = feed(client, reverse("deals:company_feed", args=["disney"]))

    assert parsed.feed.title.endswith("Disney")
    assert parsed.entries
    assert all("Meta licenses" not in entry.title for entry in parsed.entries)


def test_the_arabic_feed_speaks_arabic(client):
    parsed = feed(client, "/ar" + reverse("deals:timeline_feed"), kind="lawsuit")

    assert parsed.feed.language == "ar"
    assert "ديزني" in parsed.entries[0].title


def test_a_bad_filter_is_a_400_saying_why_and_an_unknown_company_a_404(client):
    response = client.get(reverse("deals:timeline_feed"), {"kind": "rumour"})
    assert response.status_code == 400
    assert "kind" in response.content.decode()
    assert client.get(reverse("deals:company_feed", args=["nobody"])).status_code == 404


def test_pages_point_feed_readers_at_their_feed(client):
    timeline = client.get(reverse("deals:timeline"), {"kind": "deal"}).content.decode()
    company = client.get(reverse("companies:company", args=["meta"])).content.decode()

    assert f'href="{reverse("deals:timeline_feed")}?kind=deal"' in timeline
    assert f'href="{reverse("deals:company_feed", args=["meta"])}"' in company


def test_a_person_feed_has_the_deals_they_take_part_in_or_announced(client):
    wang = feed(client, reverse("deals:person_feed", args=["alexandr-wang"]))
    assert wang.feed.title.endswith("Alexandr Wang")
    assert any("Meta licenses Midjourney" in entry.title for entry in wang.entries)

    musk = feed(client, reverse("deals:person_feed", args=["elon-musk"]))
    titles = [entry.title for entry in musk.entries]
    assert any("OpenAI" in title for title in titles)
    assert all("Meta licenses" not in title for title in titles)
    assert len({entry.id for entry in musk.entries}) == len(musk.entries)
    assert client.get(reverse("deals:person_feed", args=["nobody"])).status_code == 404


def test_a_person_page_points_at_their_feed(client):
    person = client.get(reverse("companies:person", args=["alexandr-wang"])).content.decode()
    assert f'href="{reverse("deals:person_feed", args=["alexandr-wang"])}"' in person
