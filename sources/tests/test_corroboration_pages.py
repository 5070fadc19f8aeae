"""Corroboration on record pages: the line, the single-source badge and conflicts."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from deals.tests.factories import DealFactory, DevelopmentFactory
from sources.services import conflict_resolve
from sources.tests.factories import ArticleFactory, CitationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, scope="module")
def _compiled_catalogue():
    call_command("compilemessages", "-l", "ar", verbosity=0)


def cite(record, text, *, language="en", outlet="", supports=""):
    article = ArticleFactory(text=text, language=language, outlet=outlet)
    field = record._meta.model_name
    return CitationFactory(article=article, excerpt=text, supports=supports, **{field: record})


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def conflicted_deal():
    deal = DealFactory()
    cite(deal, "Meta will pay $14 billion.", outlet="Reuters", supports="value")
    cite(deal, "ميتا ستدفع 15 مليار دولار", language="ar", outlet="الشرق", supports="value")
    cite(deal, "ميتا وسكيل اتفقتا", language="ar", outlet="الشرق")
    return deal


def test_the_line_counts_sources_languages_and_outlets_in_english(client):
    deal = conflicted_deal()
    html = page(client, deal.get_absolute_url())
    assert "3 sources: 2 Arabic, 1 English; 2 outlets" in html
    assert "The sources disagree on value" in html
    assert "Meta will pay $14 billion." in html
    assert "single source" not in html.split('class="field-support"')[0]


def test_a_single_source_record_has_the_badge(client):
    development = DevelopmentFactory()
    cite(development, "A court ruled.", outlet="AP")
    html = page(client, development.get_absolute_url())
    assert "1 source: 1 English; 1 outlet" in html
    assert 'class="tag single-source">single source<' in html


def test_each_excerpt_of_a_conflict_links_to_its_article(client):
    deal = conflicted_deal()
    html = page(client, deal.get_absolute_url())
    flag = html.split('class="conflict"')[1].split("</div>")[0]
    for citation in deal.citations.filter(supports="value"):
        assert f"{citation.article.get_absolute_url()}#c{citation.pk}" in flag


def test_a_resolved_conflict_is_no_longer_flagged(client, curator):
    deal = conflicted_deal()
    conflict_resolve(record=deal, field="value", user=curator)
    html = page(client, deal.get_absolute_url())
    assert "The sources disagree" not in html
    assert "3 sources" in html


def test_agreeing_sources_raise_no_flag(client):
    deal = DealFactory()
    cite(deal, "Meta will pay $14 billion.", outlet="Reuters", supports="value")
    cite(deal, "ميتا ستدفع 14 مليار دولار", language="ar", outlet="الشرق", supports="value")
    assert "The sources disagree" not in page(client, deal.get_absolute_url())


def test_the_page_runs_as_many_queries_with_more_sources(client):
    deal = DealFactory()
    cite(deal, "Meta will pay $14 billion.", supports="value")
    with CaptureQueriesContext(connection) as one:
        page(client, deal.get_absolute_url())
    for number in range(5):
        cite(deal, f"A ${15 + number} billion deal.", outlet=f"Outlet {number}", supports="value")
    with CaptureQueriesContext(connection) as six:
        assert "6 sources" in page(client, deal.get_absolute_url())
    assert len(six) == len(one)


def test_the_line_and_the_flag_in_arabic(client):
    deal = conflicted_deal()
    html = page(client, f"/ar{deal.get_absolute_url()}")
    assert "3 مصادر: 2 بالعربية، 1 بالإنجليزية؛ وسيلتان إعلاميتان" in html
    assert "تختلف المصادر في القيمة" in html
    assert "3 sources" not in html


def test_the_single_source_badge_in_arabic(client):
    development = DevelopmentFactory()
    cite(development, "A court ruled.", outlet="AP")
    html = page(client, f"/ar{development.get_absolute_url()}")
    assert "مصدر واحد: 1 بالإنجليزية؛ وسيلة إعلامية واحدة" in html
    assert 'class="tag single-source">مصدر وحيد<' in html
