"""A deal's lifecycle on its page, and related events on the pages of both linked records."""

import pytest
from django.utils import translation

from core.dates import PartialDate
from deals.models import DealStatus, LinkRelation
from deals.services import deal_transition_add, event_link_add
from deals.tests.factories import (
    DealFactory,
    DevelopmentFactory,
    InvestmentFactory,
    LawsuitEventFactory,
    LawsuitFactory,
)
from sources.services import citation_add
from sources.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def text_of(client, record) -> str:
    response = client.get(record.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_the_deal_page_lists_its_lifecycle_in_order_with_dates_and_sources(client):
    deal = DealFactory(title="The bid", status=DealStatus.TALKS)
    article = ArticleFactory(text="OpenAI rejected the bid on Friday.")
    rejected = deal_transition_add(
        deal=deal, status=DealStatus.REJECTED, occurred=PartialDate.parse("2025-02-14")
    )
    citation_add(record=rejected, article=article, excerpt="OpenAI rejected the bid")
    deal_transition_add(deal=deal, status=DealStatus.OFFERED, occurred=PartialDate.parse("2025-02"))
    page = text_of(client, deal)
    lifecycle = page[page.index("Lifecycle") :]
    assert lifecycle.index("offered") < lifecycle.index("rejected")
    assert "February 2025" in lifecycle
    assert f'id="transition-{rejected.pk}"' in page
    assert "OpenAI rejected the bid" in lifecycle


def test_a_deal_without_steps_has_no_lifecycle_section(client):
    assert "Lifecycle" not in text_of(client, DealFactory())


def test_the_deal_page_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    deal = DealFactory()
    for status in (DealStatus.OFFERED, DealStatus.REJECTED):
        deal_transition_add(deal=deal, status=status)
    event_link_add(subject=deal, relation=LinkRelation.FOLLOWS, target=LawsuitFactory())
    with django_assert_max_num_queries(14):
        text_of(client, deal)
    for status in (DealStatus.OFFERED, DealStatus.REJECTED, DealStatus.COMPLETED):
        deal_transition_add(deal=deal, status=status)
    event_link_add(subject=deal, relation=LinkRelation.FOLLOWS, target=DevelopmentFactory())
    with django_assert_max_num_queries(14):
        text_of(client, deal)


def test_related_events_show_on_both_pages_read_from_each_side(client):
    licence = DealFactory(title="Meta licenses Midjourney")
    lawsuit = LawsuitFactory(title="Disney v. Midjourney")
    link = event_link_add(
        subject=licence, relation=LinkRelation.FOLLOWS, target=lawsuit, note="Two months after"
    )
    article = ArticleFactory(text="The partnership came two months after the suit.")
    citation_add(record=link, article=article, excerpt="two months after the suit")
    licence_page = text_of(client, licence)
    assert "Related events" in licence_page
    assert "follows" in licence_page
    assert lawsuit.get_absolute_url() in licence_page
    assert "two months after the suit" in licence_page
    lawsuit_page = text_of(client, lawsuit)
    assert "is followed by" in lawsuit_page
    assert licence.get_absolute_url() in lawsuit_page


def test_related_events_of_investments_developments_and_lawsuit_events(client):
    investment, development = InvestmentFactory(), DevelopmentFactory(title="A ruling")
    event = LawsuitEventFactory()
    event_link_add(subject=investment, relation=LinkRelation.FUNDS, target=development)
    event_link_add(subject=event, relation=LinkRelation.CHALLENGES, target=development)
    assert "funds" in text_of(client, investment)
    development_page = text_of(client, development)
    assert "is funded by" in development_page
    assert "is challenged by" in development_page
    assert "challenges" in text_of(client, event.lawsuit)


def test_related_events_in_arabic(client):
    licence, lawsuit = DealFactory(), LawsuitFactory()
    event_link_add(subject=licence, relation=LinkRelation.FOLLOWS, target=lawsuit)
    with translation.override("ar"):
        page = text_of(client, lawsuit)
    assert 'lang="ar"' in page
    assert licence.slug in page


def test_the_article_page_names_the_steps_and_links_it_supports(
    client, django_assert_max_num_queries
):
    deal = DealFactory(title="The bid")
    article = ArticleFactory(text="OpenAI rejected the bid. The licence came after the suit.")
    step = deal_transition_add(deal=deal, status=DealStatus.REJECTED)
    citation_add(record=step, article=article, excerpt="OpenAI rejected the bid")
    for subject in (InvestmentFactory(), LawsuitEventFactory()):
        link = event_link_add(subject=subject, relation=LinkRelation.FOLLOWS, target=deal)
        citation_add(record=link, article=article, excerpt="The licence came after the suit")
    with django_assert_max_num_queries(3):
        response = client.get(article.get_absolute_url())
    page = response.content.decode()
    assert "rejected" in page
    assert page.count("follows") == 2
