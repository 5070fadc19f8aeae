import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from companies.tests.factories import CompanyFactory, PersonFactory
from deals.models import DealParty
from deals.tests.factories import DealFactory, DealPartyFactory

HOME_QUERIES = 5


@pytest.mark.usefixtures("seeded")
def test_home_shows_the_seeded_deals_and_companies(client):
    response = client.get(reverse("deals:home"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Meta licenses Midjourney" in page
    assert "شراكة ميتا وميدجورني" in page
    assert "August 2025" in page
    assert "about $97B" in page
    assert "up to $100M per contract" in page
    assert "dozens of researchers" in page
    for company in ("Midjourney", "ميدجورني", "Scale AI", "يونيفرسال"):
        assert company in page


def test_home_is_left_to_right_in_english_and_right_to_left_in_arabic(client, db):
    english = client.get(reverse("deals:home"), headers={"accept-language": "en"})
    arabic = client.get(reverse("deals:home"), headers={"accept-language": "ar"})
    assert '<html lang="en" dir="ltr">' in english.content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic.content.decode()


def test_home_sends_a_strict_content_security_policy(client, db):
    policy = client.get(reverse("deals:home")).headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy


def make_deals(count):
    for _ in range(count):
        deal = DealFactory(kinds=["acquisition", "bid"])
        DealPartyFactory(deal=deal, role="acquirer")
        DealPartyFactory(deal=deal, role="target", company=CompanyFactory(kinds=["startup"]))
        DealParty.objects.create(deal=deal, person=PersonFactory(), role="in_talks")


def count_home_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("deals:home")).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_home_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    make_deals(3)
    few = count_home_queries(client)
    make_deals(30)
    with django_assert_max_num_queries(HOME_QUERIES):
        client.get(reverse("deals:home"))
    assert count_home_queries(client) == few
