"""Reader pages say where each date comes from and what each quote supports."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

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
from sources.models import Citation
from sources.tests.factories import ArticleFactory, CitationFactory

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


def test_each_quote_says_what_it_supports_and_links_to_its_passage(client):
    deal = DealFactory(**dated())
    article = ArticleFactory(text="Meta and Midjourney announced a partnership.")
    citation = CitationFactory(
        article=article, deal=deal, excerpt="announced a partnership", supports="announced"
    )
    CitationFactory(article=article, deal=deal, excerpt="Meta and Midjourney", supports="")
    html = page(client, deal.get_absolute_url())
    assert '<span class="supports">supports: announced</span>' in html
    assert html.count('class="supports"') == 1, "a quote of the whole record says nothing"
    assert f'href="{article.get_absolute_url()}#c{citation.pk}"' in html
    article_page = page(client, article.get_absolute_url())
    assert f'<li id="c{citation.pk}" class="citation">' in article_page
    assert "supports: announced" in article_page


def test_a_claim_that_is_no_field_is_shown_as_written(client):
    deal = DealFactory()
    CitationFactory(deal=deal, supports="the two teams work together")
    assert "supports: the two teams work together" in page(client, deal.get_absolute_url())


def test_the_passage_is_highlighted_by_css_not_inline_style(client):
    css = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text()
    assert re.search(r"\.citation:target\s*\{[^}]*background", css)
    deal = DealFactory(**dated())
    citation = CitationFactory(deal=deal, supports="announced")
    for url in (deal.get_absolute_url(), citation.article.get_absolute_url()):
        html = page(client, url)
        assert " style=" not in html
        assert "<style" not in html
    assert Citation.objects.count() == 1


def test_the_arabic_page_explains_the_basis_and_what_a_quote_supports(client):
    deal = DealFactory(**dated())
    CitationFactory(deal=deal, supports="announced")
    with translation.override("ar"):
        html = page(client, deal.get_absolute_url())
        stated = page(client, InvestmentFactory(**dated("stated", "")).get_absolute_url())
    assert f"(أضافه أحد المحررين: {NOTE.replace("'", '&#x27;')})" in html
    assert "يدعم: " in html
    assert "supports:" not in html
    assert "(مذكور في النص المستشهد به)" in stated


def test_profiles_say_where_their_dates_come_from_and_what_quotes_support(client):
    from companies.tests.factories import ProductFactory

    company = CompanyFactory(**dated(name="founded"))
    product = ProductFactory(
        company=company, **dated(basis="inferred", note="last month", name="launched")
    )
    CitationFactory(company=company, supports="founded")
    company_page = page(client, company.get_absolute_url())
    assert CURATOR_FULL in company_page
    assert "supports: founded" in company_page
    assert INFERRED_FULL in page(client, product.get_absolute_url())
