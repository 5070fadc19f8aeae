import re

import pytest

from sources.extraction.pipeline import extract
from sources.extraction.propose.article import ArticleIndex
from sources.extraction.resolve import Entity
from sources.extraction.sentences import sentences
from sources.models import Article

pytestmark = pytest.mark.usefixtures("seeded")


def test_unknown_latin_names_become_new_entities_and_known_ones_records():
    text = "أعلنت شركة Anthropic عن شراكة مع OpenAI و Mistral AI"
    entities = extract(Article(text=text, language="ar")).entities
    assert [entity.name for entity in entities if entity.slug is None] == [
        "Anthropic",
        "Mistral AI",
    ]
    assert [entity.slug for entity in entities if entity.slug] == ["openai"]


@pytest.mark.parametrize(
    ("text", "long", "short"),
    [
        (
            "SoftBank to buy chip designer Ampere for $6.5 bln\n\n"
            "SoftBank said it would buy U.S. chip designer Ampere Computing for $6.5 billion.",
            "Ampere Computing",
            "Ampere",
        ),
        (
            "Canva snaps up start-up Leonardo.Ai\n\n"
            "Leonardo.Ai has joined Canva. Staff at startup Leonardo will stay in Sydney.",
            "Leonardo.Ai",
            "Leonardo",
        ),
    ],
)
def test_a_short_form_of_a_new_name_is_the_same_company(text, long, short):
    entities = extract(Article(text=text, language="en")).entities
    [entity] = [entity for entity in entities if entity.name == long]
    standalone = re.search(rf"\b{re.escape(short)}\b(?![.\w]| Computing)", text)
    assert standalone.span() in entity.spans
    assert not [entity for entity in entities if entity.name == short]


def test_a_surname_alone_is_the_known_person_named_in_full():
    text = "Elon Musk sued OpenAI last year. Musk said the company had abandoned its mission."
    entities = extract(Article(text=text, language="en")).entities
    assert not [entity for entity in entities if entity.name == "Musk"]
    [musk] = [entity for entity in entities if entity.name == "Elon Musk"]
    assert len(musk.spans) == 2


def test_a_company_name_is_not_folded_into_a_product_named_after_it():
    text = "Apple Intelligence arrives in iOS 18. Fruitco said Apple Intelligence would wait."
    entities = extract(Article(text=text, language="en")).entities
    assert all(
        entity.kind != "company" or "Apple Intelligence" not in entity.spellings
        for entity in entities
    )


def test_two_entities_on_the_same_words_do_not_break_the_index():
    """Two readings of one span (a lexicon name and a new one) used to make sorting
    the positions compare entities, and the whole ingestion run fail."""
    first = Entity(kind="company", spellings=["Alat"], spans=[(0, 4)])
    second = Entity(kind="person", spellings=["Alat"], spans=[(0, 4)])
    text = "Alat invested in Lenovo."
    index = ArticleIndex(text, [first, second], sentences(text))
    assert [entity for _start, _end, entity in index.positions] == [first, second]
