"""Page furniture is blanked out before names and events are looked for."""

import pytest

from sources.extraction.furniture import furniture_spans, mask_furniture
from sources.extraction.not_names import is_not_a_name

PAGE = """Nvidia closes Run:ai deal
By Ori Lev
A view of a Nvidia logo in Santa Clara. REUTERS/Dylan Reyes/File Photo
TEL AVIV, Dec 30 (Reuters) - Nvidia has completed its acquisition of Run:ai.
Getty Images sued Stability AI in London.
(Reporting by Ori Lev; Editing by Martin Hale)
Related:
- Italy asks EU to review Nvidia bid for Run:ai
- EU clears the deal

Our Standards: The Thomson Reuters Trust Principles.
"""


def masked_lines(text):
    return [line.strip() for line in mask_furniture(text).split("\n")]


def test_bylines_captions_credits_and_link_lists_are_blanked():
    lines = masked_lines(PAGE)
    assert lines[0] == "Nvidia closes Run:ai deal"
    assert lines[1] == ""
    assert lines[2] == ""
    assert lines[6:9] == ["", "", ""]
    assert lines[11] == ""
    assert "Reporting" not in mask_furniture(PAGE)


def test_a_dateline_loses_its_place_and_agency_but_keeps_the_story_and_date():
    line = masked_lines(PAGE)[3]
    assert "TEL AVIV" not in line
    assert "Reuters" not in line
    assert line.startswith(", Dec 30")
    assert line.endswith("Nvidia has completed its acquisition of Run:ai.")


def test_a_party_named_like_a_credit_is_kept():
    assert masked_lines(PAGE)[4] == "Getty Images sued Stability AI in London."


def test_masking_keeps_every_offset():
    masked = mask_furniture(PAGE)
    assert len(masked) == len(PAGE)
    assert [i for i, c in enumerate(masked) if c == "\n"] == [
        i for i, c in enumerate(PAGE) if c == "\n"
    ]
    for start, end in furniture_spans(PAGE):
        assert masked[start:end].strip() == ""


@pytest.mark.parametrize(
    "line",
    [
        "كتب: أحمد علي",
        "اقرأ أيضاً: ميتا تستحوذ على شركة ناشئة",
        "جميع الحقوق محفوظة © 2025",
        "الصورة: رويترز",
        "شارك | فيسبوك | تويتر",
    ],
)
def test_arabic_furniture_lines(line):
    assert mask_furniture(line).strip() == ""


def test_an_arabic_dateline_loses_its_place_and_agency():
    line = "دبي - وام: أعلنت شركة G42 اليوم عن شراكة مع مايكروسوفت."
    masked = mask_furniture(line)
    assert "دبي" not in masked
    assert "وام" not in masked
    assert masked.strip().startswith("أعلنت شركة G42")


def test_a_sentence_that_starts_with_a_name_and_a_dash_is_not_a_dateline():
    line = "Nvidia - the chipmaker - said on Monday it would invest."
    assert mask_furniture(line) == line


@pytest.mark.parametrize(
    ("name", "refused"),
    [
        ("Santa Clara", True),
        ("أبوظبي", True),
        ("Politico", True),
        ("AM GMT+4", True),
        ("Updated", True),
        ("Thomson Reuters", False),
        ("Run:ai", False),
        ("ميتا", False),
    ],
)
def test_places_outlets_and_words_are_not_names(name, refused):
    assert is_not_a_name(name) is refused


@pytest.mark.django_db
def test_capitals_in_a_title_case_line_are_not_names():
    from sources.extraction.pipeline import extract
    from sources.models import Article

    text = "Exporters Brace For Tariff Hit As Markets Slide\nShares of Nvidia fell on Monday."
    names = {entity.name for entity in extract(Article(text=text, language="en")).entities}
    assert not names & {"Exporters Brace", "Tariff Hit", "Markets Slide"}
    assert "Nvidia" in names


@pytest.mark.parametrize(
    "line",
    ["كلمات مفتاحية: ذكاء اصطناعي | استحواذ | داتابريكس", "Keywords: AI | acquisitions"],
)
def test_a_keyword_line_is_furniture(line):
    assert masked_lines(f"A story.\n{line}\n")[1] == ""


@pytest.mark.parametrize("word", ["عرضاً", "تراجعاً", "بالكامل", "والنماذج", "وقال كيندال"])
def test_arabic_words_no_name_is_are_not_names(word):
    assert is_not_a_name(word)


@pytest.mark.parametrize("name", ["وايف", "أنثروبيك", "غيتي إيميجز"])
def test_transliterated_names_stay_names(name):
    assert not is_not_a_name(name)
