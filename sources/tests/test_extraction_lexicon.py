"""Names the industry knows are recognised from the lexicon, with or without a record."""

import pytest

from companies.lexicon import lexicon_by_name
from companies.services import company_create
from sources.extraction.pipeline import extract
from sources.extraction.propose.entities import entity_confidence
from sources.extraction.resolve import Entity
from sources.models import Article

pytestmark = pytest.mark.django_db


def read(text: str, language: str = "ar"):
    return extract(Article(text=text, language=language))


def test_a_lexicon_name_without_a_record_is_proposed_with_its_names_and_kinds():
    extraction = read("قالت انفيديا إن الطلب على رقائقها ما زال قوياً.")
    [draft] = [d for d in extraction.drafts if d.kind == "company"]
    assert draft.payload["name"] == "Nvidia"
    assert draft.payload["name_ar"]
    assert "انفيديا" in draft.payload["spellings"]
    assert "Nvidia" in draft.payload["spellings"]
    assert draft.payload["kinds"]


def test_a_lexicon_name_of_a_recorded_company_links_to_it_and_proposes_the_spelling():
    company_create(name="Google")
    extraction = read("أعلنت قوقل عن نموذج جديد.")
    [google] = [e for e in extraction.entities if e.name == "Google"]
    assert google.slug == "google"
    assert not [d for d in extraction.drafts if d.kind == "company"]
    assert [d.payload["name"] for d in extraction.drafts if d.kind == "alias"] == ["قوقل"]


def test_a_lexicon_product_names_its_maker_when_the_text_does_not():
    extraction = read("Millions of people now use ChatGPT every week.", language="en")
    [product] = [d for d in extraction.drafts if d.kind == "product"]
    assert product.payload["name"] == "ChatGPT"
    assert product.payload["company"]["name"] == "OpenAI"


def test_an_ambiguous_name_needs_to_be_written_as_a_name():
    extraction = read("The meta question is whether the cursor moves.", language="en")
    assert not [e for e in extraction.entities if e.name in {"Meta", "Cursor"}]


def test_a_name_guessed_from_capitals_alone_is_less_sure_than_a_cued_or_known_one():
    def entity(cue, lexicon=None):
        return Entity(kind="company", spellings=["X"], spans=[(0, 1)], cues=[cue], lexicon=lexicon)

    known = entity("lexicon", lexicon=lexicon_by_name()["Nvidia"])
    cued, guessed = entity("Inc"), entity("capitalised")
    assert entity_confidence(known, 1) > entity_confidence(cued, 1) > entity_confidence(guessed, 1)
    assert entity_confidence(guessed, 1) < 0.5 <= entity_confidence(cued, 1)


def test_a_name_guessed_from_capitals_alone_is_proposed_only_as_a_party():
    extraction = read(
        "Quartz Robotics Inc. said Nvidia would help, and analysts at Lumen Vision agreed.",
        language="en",
    )
    assert "Lumen Vision" in [entity.name for entity in extraction.entities]
    named = {d.payload["name"] for d in extraction.drafts if d.kind in ("company", "person")}
    assert "Lumen Vision" not in named
    assert "Quartz Robotics" in named


def test_a_lexicon_name_of_six_words_is_found_whole():
    text = "وشاركت جامعة محمد بن زايد للذكاء الاصطناعي في تطوير النموذج."
    names = [entity.name for entity in read(text, language="ar").entities]
    assert "Mohamed bin Zayed University of Artificial Intelligence" in names


@pytest.mark.parametrize(
    ("text", "language", "product"),
    [
        ("وأطلقت xAI في أغسطس نموذجها Grok-2 لمشتركي المنصة.", "ar", "Grok-2"),
        ("In August xAI released Grok-2 to subscribers.", "en", "Grok-2"),
    ],
)
def test_a_product_with_a_version_is_not_the_lexicons_product(text, language, product):
    names = [entity.name for entity in read(text, language=language).entities]
    assert product in names
    assert product.split("-")[0].split()[0] not in names
