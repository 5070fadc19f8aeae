import pytest

from sources.extraction.pipeline import extract
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
