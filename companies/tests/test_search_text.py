"""Full-text search over deals, investments, lawsuits and articles (core.text_search)."""

import pytest
from django.db import connection

from companies.tests.factories import CompanyFactory
from core.records import record_type
from core.text_search import SEARCHED, VECTOR_COLUMN, text_search
from deals.tests.factories import DealFactory, InvestmentFactory, LawsuitFactory
from sources.tests.factories import ArticleFactory


@pytest.fixture
def records(db):
    return {
        "deal": DealFactory(
            title="Meta licenses Midjourney image models",
            title_ar="ميتا ترخص نماذج ميدجورني",
            summary="A licensing agreement for aesthetic technology.",
        ),
        "other_deal": DealFactory(
            title="Partnership on chips", summary="Meta and a chip maker agree on licensing."
        ),
        "investment": InvestmentFactory(
            investee=CompanyFactory(name="Mistral", name_ar="ميسترال"),
            summary="Series B led by Sequoia.",
            summary_ar="جولة تمويل بقيادة سيكويا",
        ),
        "lawsuit": LawsuitFactory(
            title="Disney v. Midjourney",
            summary="Copyright infringement over famous characters.",
            summary_ar="دعوى انتهاك حقوق النشر",
        ),
        "article": ArticleFactory(
            title="Superintelligence lab hires",
            text="Zuckerberg recruits researchers.",
            text_is_public=True,
        ),
        "private": ArticleFactory(
            title="Untitled", text="A confidential merger is near.", text_is_public=False
        ),
    }


def found(query, **kwargs):
    return [(hit.kind, hit.record) for hit in text_search(query, **kwargs)]


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("licensing agreement", "deal"),
        ("ميدجورني", "deal"),
        ("Sequoia", "investment"),
        ("سيكويا", "investment"),
        ("copyright infringement", "lawsuit"),
        ("انتهاك", "lawsuit"),
        ("superintelligence", "article"),
        ("recruits researchers", "article"),
    ],
)
def test_records_are_found_by_their_text(records, query, key):
    assert (key, records[key]) in found(query)


def test_every_word_must_appear(records):
    assert found("copyright chips") == []


def test_an_articles_text_is_searched_only_where_readers_may_read_it(records):
    assert found("confidential merger") == []
    assert found("untitled") == [("article", records["private"])]


def test_hits_are_grouped_by_kind_and_titled_in_both_languages(records):
    hits = text_search("midjourney")
    assert [hit.kind for hit in hits] == ["deal", "lawsuit"]
    investment = text_search("sequoia")[0]
    assert (investment.title, investment.title_ar) == ("Mistral", "ميسترال")
    assert investment.get_absolute_url() == records["investment"].get_absolute_url()


def test_kinds_and_limit(records):
    assert found("licensing", kinds=["lawsuit"]) == []
    assert len(text_search("licensing", limit=1)) == 1
    assert len(text_search("licensing")) == 2


@pytest.mark.parametrize("query", ["", "   ", "\x00", '""', "-"])
def test_nothing_to_look_for_finds_nothing(records, query):
    assert text_search(query) == []


@pytest.mark.postgresql
def test_each_searched_table_has_a_generated_vector_with_a_gin_index(db):
    for kind in SEARCHED:
        table = record_type(kind).model._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT is_generated FROM information_schema.columns "
                "WHERE table_name = %s AND column_name = %s",
                [table, VECTOR_COLUMN],
            )
            assert cursor.fetchone() == ("ALWAYS",), table
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE tablename = %s AND indexdef LIKE %s",
                [table, f"%gin ({VECTOR_COLUMN})%"],
            )
            assert cursor.fetchone(), table


@pytest.mark.postgresql
@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("licensed models", "deal"),
        ("infringing", "lawsuit"),
        ("الانتهاك", "lawsuit"),
        ('"image models" -chips', "deal"),
    ],
)
def test_postgresql_stems_words_in_both_languages(records, query, key):
    assert found(query) == [(key, records[key])]


@pytest.mark.postgresql
def test_postgresql_ranks_a_title_above_a_summary(records):
    assert found("meta", kinds=["deal"]) == [
        ("deal", records["deal"]),
        ("deal", records["other_deal"]),
    ]


@pytest.mark.postgresql
def test_postgresql_keeps_the_vector_current_on_edits(records):
    records["deal"].summary = "Renegotiated terms"
    records["deal"].save()
    assert ("deal", records["deal"]) in found("renegotiated")
    assert ("deal", records["deal"]) not in found("aesthetic")
