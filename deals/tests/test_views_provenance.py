"""Reader pages say where each date comes from and what each quote supports."""

import datetime

import pytest
from django.urls import reverse

from companies.tests.factories import CompanyFactory
from core.dates import PartialDate
from deals.tests.factories import (
    DealFactory,
    DealPartyFactory,
    DevelopmentFactory,
    InvestmentFactory,
    LawsuitEventFactory,
    LawsuitFactory,
)

pytestmark = pytest.mark.django_db

JUNE = datetime.date(2025, 6, 1)
NOTE = "The court's docket, outside the cited articles."
CURATOR_FULL = f"(added by a curator: {NOTE.replace("'", '&#x27;')})"
CURATOR_SHORT = f'<abbr title="added by a curator: {NOTE.replace("'", "&#x27;")}">curator</abbr>'
INFERRED_FULL = "(inferred from «last month»)"
INFERRED_SHORT = '<abbr title="inferred from «last month»">inferred</abbr>'


def dated(basis: str = "curator", note: str = NOTE, name: str = "announced") -> dict:
    return PartialDate(JUNE, "month", basis, note).columns(name)


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_a_deal_and_an_investment_say_where_their_dates_come_from(client):
    deal = DealFactory(**dated())
    stated = InvestmentFactory(**dated("stated", ""))
    inferred = InvestmentFactory(**dated("inferred", "last month"))
    assert CURATOR_FULL in page(client, deal.get_absolute_url())
    assert "(stated in the cited text)" in page(client, stated.get_absolute_url())
    assert INFERRED_FULL in page(client, inferred.get_absolute_url())


def test_a_lawsuit_its_events_and_a_development(client):
    lawsuit = LawsuitFactory(**dated(name="filed"))
    LawsuitEventFactory(lawsuit=lawsuit, **dated("inferred", "last month", name="occurred"))
    html = page(client, lawsuit.get_absolute_url())
    assert CURATOR_FULL in html, "the header"
    assert CURATOR_SHORT in html, "the filing among the events"
    assert INFERRED_SHORT in html, "the event"
    development = DevelopmentFactory(**dated("inferred", "last month", name="occurred"))
    assert INFERRED_FULL in page(client, development.get_absolute_url())


def test_timeline_entries_carry_the_marker(client):
    company = CompanyFactory()
    DealPartyFactory(deal=DealFactory(**dated()), company=company)
    DealPartyFactory(deal=DealFactory(**dated("stated", "")), company=company)
    html = page(client, f"{reverse('deals:timeline')}?company={company.slug}")
    assert CURATOR_SHORT in html
    assert '<abbr title="stated in the cited text">stated</abbr>' in html


def test_an_unknown_date_has_no_marker(client):
    html = page(client, DealFactory().get_absolute_url())
    assert "date unknown" in html
    assert 'class="basis' not in html
