"""Corroboration: distinct articles, outlets and languages behind a record, and conflicts."""

import datetime

import pytest
from django.urls import reverse

from deals.models import Deal
from deals.tests.factories import DealFactory
from sources.selectors import Cited, corroboration, corroboration_of, field_kind
from sources.services import conflict_resolve
from sources.tests.factories import ArticleFactory, CitationFactory


def cited(article_id, excerpt="", *, language="en", outlet="", supports="", resolved=False):
    published = datetime.date(2025, 6, 12)
    return Cited(article_id, article_id, language, outlet, supports, excerpt, published, resolved)


def test_counts_distinct_articles_outlets_and_languages():
    found = corroboration(
        [
            cited(1, language="ar", outlet="Asharq"),
            cited(1, language="ar", outlet="Asharq", supports="value"),
            cited(2, language="ar", outlet=" asharq "),
            cited(3, language="en", outlet="Reuters"),
        ]
    )
    assert found.whole.articles == 3
    assert found.whole.outlets == 2
    assert found.whole.languages == {"ar": 2, "en": 1}
    assert not found.whole.single_source


def test_an_unnamed_outlet_adds_no_outlet():
    found = corroboration([cited(1, outlet=""), cited(2, outlet="Reuters")])
    assert (found.whole.articles, found.whole.outlets) == (2, 1)


def test_one_article_is_single_source_however_often_cited():
    found = corroboration(
        [cited(1, outlet="Reuters"), cited(1, outlet="Reuters", supports="value")]
    )
    assert found.whole.single_source
    assert found.fields["value"].as_dict()["single_source"] is True


def test_no_citation_is_no_source_and_not_single_source():
    found = corroboration([])
    assert found.whole.articles == 0
    assert not found.whole.single_source


def test_per_field_support_counts_only_that_fields_citations():
    found = corroboration(
        [
            cited(1, supports="value", language="ar"),
            cited(2, supports="value"),
            cited(3, supports="announced"),
            cited(4),
        ]
    )
    assert found.whole.articles == 4
    assert found.fields["value"].articles == 2
    assert found.fields["value"].languages == {"ar": 1, "en": 1}
    assert found.fields["announced"].single_source
    assert set(found.fields) == {"value", "announced"}


def test_money_and_date_fields_are_known_from_the_model():
    assert field_kind(Deal, "value") == "money"
    assert field_kind(Deal, "announced") == "date"
    assert field_kind(Deal, "title") == ""
    assert field_kind(None, "value") == ""


def test_different_amounts_from_two_articles_conflict():
    found = corroboration(
        [
            cited(1, "Meta will pay $14 billion for the stake.", supports="value"),
            cited(2, "The deal is worth $15 billion.", supports="value"),
        ],
        Deal,
    )
    [conflict] = found.conflicts
    assert conflict.field == "value"
    assert {conflict.first.article_id, conflict.second.article_id} == {1, 2}


def test_amounts_in_arabic_and_english_that_agree_do_not_conflict():
    found = corroboration(
        [
            cited(1, "Meta will pay $14 billion for the stake.", supports="value"),
            cited(2, "ستدفع ميتا 14 مليار دولار", language="ar", supports="value"),
        ],
        Deal,
    )
    assert found.conflicts == []


def test_excerpts_without_values_do_not_conflict():
    found = corroboration(
        [
            cited(1, "Meta will pay $14 billion for the stake.", supports="value"),
            cited(2, "Terms were not disclosed.", supports="value"),
        ],
        Deal,
    )
    assert found.conflicts == []


def test_the_same_article_never_conflicts_with_itself():
    found = corroboration(
        [
            cited(1, "$14 billion", supports="value"),
            cited(1, "$15 billion", supports="value"),
        ],
        Deal,
    )
    assert found.conflicts == []


def test_different_dates_conflict_and_overlapping_periods_agree():
    disagree = corroboration(
        [
            cited(1, "announced on June 12, 2025", supports="announced"),
            cited(2, "announced in March 2025", supports="announced"),
        ],
        Deal,
    )
    agree = corroboration(
        [
            cited(1, "announced on June 12, 2025", supports="announced"),
            cited(2, "announced in June 2025", supports="announced"),
        ],
        Deal,
    )
    assert [conflict.kind for conflict in disagree.conflicts] == ["date"]
    assert agree.conflicts == []


def test_relative_dates_are_read_against_the_publication_day():
    found = corroboration(
        [
            cited(1, "announced on June 11, 2025", supports="announced"),
            cited(2, "announced yesterday", supports="announced"),
        ],
        Deal,
    )
    assert found.conflicts == []


def test_a_field_that_is_neither_money_nor_date_is_not_compared():
    found = corroboration(
        [cited(1, "$14 billion", supports="title"), cited(2, "$15 billion", supports="title")],
        Deal,
    )
    assert found.conflicts == []


def test_a_pair_a_curator_resolved_is_not_flagged():
    found = corroboration(
        [
            cited(1, "$14 billion", supports="value", resolved=True),
            cited(2, "$15 billion", supports="value", resolved=True),
        ],
        Deal,
    )
    assert found.conflicts == []


@pytest.mark.django_db
def test_a_conflict_is_raised_from_citations_and_resolved_by_a_curator(django_user_model):
    deal = DealFactory()
    first = ArticleFactory(text="Meta will pay $14 billion for the stake.", outlet="Reuters")
    second = ArticleFactory(text="ميتا ستدفع 15 مليار دولار", language="ar", outlet="الشرق")
    for article in (first, second):
        CitationFactory(article=article, deal=deal, excerpt=article.text, supports="value")
    found = corroboration_of(deal.citations.select_related("article"), deal)
    assert [conflict.field for conflict in found.conflicts] == ["value"]
    assert found.whole.languages == {"ar": 1, "en": 1}

    curator = django_user_model.objects.create(username="curator")
    assert conflict_resolve(record=deal, field="value", user=curator) == 2
    found = corroboration_of(deal.citations.select_related("article"), deal)
    assert found.conflicts == []
    assert deal.citations.first().conflict_resolved_by == curator

    third = ArticleFactory(text="A $16 billion deal.", outlet="FT")
    CitationFactory(article=third, deal=deal, excerpt=third.text, supports="value")
    found = corroboration_of(deal.citations.select_related("article"), deal)
    assert len(found.conflicts) == 1, "a new disagreeing citation brings the conflict back"


@pytest.mark.django_db
def test_a_curator_resolves_a_conflict_in_the_admin(curator_client, curator):
    deal = DealFactory()
    citations = [
        CitationFactory(article=article, deal=deal, excerpt=article.text, supports="value")
        for article in (
            ArticleFactory(text="Meta will pay $14 billion."),
            ArticleFactory(text="The deal is worth $15 billion."),
        )
    ]
    response = curator_client.post(
        reverse("admin:sources_citation_changelist"),
        {"action": "resolve_conflicts", "_selected_action": [citations[0].pk]},
        follow=True,
    )
    assert "2 citations marked as resolved." in response.content.decode()
    assert corroboration_of(deal.citations.select_related("article"), deal).conflicts == []
    assert {citation.conflict_resolved_by for citation in deal.citations.all()} == {curator}
