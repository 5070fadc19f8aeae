import pytest

from companies.models import Company, Person, Product
from sources.extraction.entities import entity_mentions
from sources.seed import ARTICLES_DIR

pytestmark = pytest.mark.usefixtures("seeded")


def named(text) -> list[tuple[str, str, bool]]:
    models = {"company": Company, "person": Person, "product": Product}
    return [
        (m.kind, models[m.kind].objects.get(pk=m.record_id).slug, m.exact)
        for m in entity_mentions(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أعلنت شركة ميتا عن شراكة", [("company", "meta", True)]),
        ("شراكة مع “ميدجورني”", [("company", "midjourney", True)]),
        ("ستتعاون بشكل مباشر لميدجورني", [("company", "midjourney", True)]),
        ("أعلن ألكسندر وانغ أمس. قال وانغ إن", [("person", "alexandr-wang", True)] * 2),
        ("قال وانغ إن", []),
        ("أشار ألكسندر وانج، رئيس", [("person", "alexandr-wang", True)]),
        ("Veo من جوجل", [("product", "veo", True), ("company", "google", True)]),
        ("منافسة غوغل", [("company", "google", True)]),
        ("مارك زوكربرغ", [("person", "mark-zuckerberg", True)]),
        ("استثمار في شركة Scale AI.", [("company", "scale-ai", True)]),
        ("Black Forest Lab", [("company", "black-forest-labs", True)]),
        ("ميدجيرني تطلق", [("company", "midjourney", False)]),
        ("كل الشركات", []),
    ],
)
def test_known_names_in_any_spelling(text, expected):
    assert named(text) == expected


def test_offsets_cover_the_name_only():
    text = "أعلنت شركة ميتا عن شراكة"
    [mention] = entity_mentions(text)
    assert text[mention.start : mention.end] == mention.text == "ميتا"


def test_the_seed_articles_name_the_seed_entities():
    text = (ARTICLES_DIR / "000_1001d59c7aa3159d.txt").read_text(encoding="utf-8")
    found = {slug for _, slug, exact in named(text) if exact}
    assert {
        "meta",
        "midjourney",
        "alexandr-wang",
        "david-holz",
        "mark-zuckerberg",
        "elon-musk",
        "google",
        "openai",
        "scale-ai",
        "play-ai",
        "disney",
        "universal",
        "black-forest-labs",
        "sora",
        "flux",
        "veo",
        "imagine",
        "movie-gen",
        "facebook",
        "instagram",
        "messenger",
    } <= found
