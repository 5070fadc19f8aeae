import pytest

from sources.extraction.sentences import Sentence, sentence_at, sentences, words
from sources.seed import ARTICLES_DIR


def texts(text) -> list[str]:
    found = sentences(text)
    for sentence in found:
        assert text[sentence.start : sentence.end] == sentence.text
    return [sentence.text for sentence in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meta bought it. Then it grew.", ["Meta bought it.", "Then it grew."]),
        ("Is it? Yes! It is.", ["Is it?", "Yes!", "It is."]),
        ("أعلنت ميتا شراكة. وقال وانغ إن", ["أعلنت ميتا شراكة.", "وقال وانغ إن"]),
        ("هل تنجح الصفقة؟ ربما! لا أحد يعرف", ["هل تنجح الصفقة؟", "ربما!", "لا أحد يعرف"]),
        ("سؤال؟جواب", ["سؤال؟جواب"]),
        ("عنوان\nنص المقال", ["عنوان", "نص المقال"]),
        ("line one\r\nline two", ["line one", "line two"]),
        ("  padded sentence.   ", ["padded sentence."]),
        ('He said "no." Then left.', ['He said "no."', "Then left."]),
        ("قال: «انتهى.» ثم غادر", ["قال: «انتهى.»", "ثم غادر"]),
        ("Wait... what?", ["Wait...", "what?"]),
        ("", []),
        ("   \n\n  ", []),
        ("-\n•", []),
    ],
)
def test_sentences_end_at_terminators_and_lines(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "بقيمة 2.75 مليار دولار في الصفقة.",
        "بقيمة ٢٫٧٥ مليار دولار في الصفقة.",
        "Revenue rose 3.5% to $1.2 billion.",
        "Version 2.0.1 shipped.",
    ],
)
def test_numbers_do_not_end_sentences(text):
    assert texts(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Apple Inc. said it agreed.",
        "Nvidia Corp. shares rose.",
        "Arm Ltd. was sold.",
        "Walt Disney Co. sued Midjourney.",
        "The U.S. government objected.",
        "Mr. Altman said so.",
        "Dr. Hassabis won.",
        "St. Louis hosted it.",
        "It closed in Jan. 2024 after review.",
        "It closed in Sept. 2023 after review.",
        "Musk v. OpenAI went to trial.",
        "Disney vs. Midjourney is pending.",
        "J. Smith wrote it.",
        "Judge William H. Alsup ruled.",
        "قال د. أحمد إن الصفقة مهمة.",
    ],
)
def test_abbreviations_do_not_end_sentences(text):
    assert texts(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It bought Apple Inc. The deal closed.", ["It bought Apple Inc.", "The deal closed."]),
        ("It raised a Series B. The round grew.", ["It raised a Series B.", "The round grew."]),
        ("Made in the U.S. It sold well.", ["Made in the U.S.", "It sold well."]),
    ],
)
def test_an_abbreviation_before_a_sentence_starter_ends_the_sentence(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- استثمار بقيمة 14 مليار دولار.", "استثمار بقيمة 14 مليار دولار."),
        ("• الاستحواذ على شركة Play AI.", "الاستحواذ على شركة Play AI."),
        ("* Hiring spree.", "Hiring spree."),
        ("  - indented item", "indented item"),
        ("1. First item.", "First item."),
        ("2) Second item", "Second item"),
        ("-5% fall", "-5% fall"),
    ],
)
def test_list_bullets_are_trimmed(text, expected):
    assert texts(text) == [expected]


def test_the_arabic_colon_stays_inside_a_sentence():
    text = "هذه الخطوة تقود مجال النماذج مثل: Sora وFlux."
    assert texts(text) == [text]


def test_offsets_are_into_the_original_text():
    text = "  أولاً.\n\n- ثانياً؟ ثالثاً"
    found = sentences(text)
    assert found == [
        Sentence(2, 8, "أولاً."),
        Sentence(12, 19, "ثانياً؟"),
        Sentence(20, 26, "ثالثاً"),
    ]


def test_sentence_at_finds_the_sentence_around_an_offset():
    text = "First one. Second one.\nThird"
    found = sentences(text)
    assert sentence_at(found, 0).text == "First one."
    assert sentence_at(found, 9).text == "First one."
    assert sentence_at(found, text.index("Second")).text == "Second one."
    assert sentence_at(found, text.index("one.", 12)).text == "Second one."
    assert sentence_at(found, text.index("Third") + 2).text == "Third"


@pytest.mark.parametrize("offset", [10, 22, 100, -1])
def test_sentence_at_is_none_between_or_outside_sentences(offset):
    found = sentences("First one. Second one.\nThird")
    assert sentence_at(found, offset) is None


def test_sentence_at_with_no_sentences():
    assert sentence_at([], 0) is None


def test_words_fold_marks_hamza_and_split_scripts():
    found = words("وَالإستحواذ لـMidjourney عيّنت ٢٠٢٥ GPT4")
    assert [(word.text, word.key) for word in found] == [
        ("وَالإستحواذ", "والاستحواذ"),
        ("لـ", "ل"),
        ("Midjourney", "midjourney"),
        ("عيّنت", "عينت"),
        ("٢٠٢٥", "2025"),
        ("GPT", "gpt"),
        ("4", "4"),
    ]
    text = "وَالإستحواذ لـMidjourney"
    assert all(text[word.start : word.end] == word.text for word in words(text))


def test_words_skip_punctuation():
    assert [word.text for word in words("«ميتا»، (OpenAI)؛ 14.3")] == [
        "ميتا",
        "OpenAI",
        "14",
        "3",
    ]


def test_the_first_seed_article():
    text = (ARTICLES_DIR / "000_1001d59c7aa3159d.txt").read_text(encoding="utf-8")
    found = texts(text)
    assert len(found) == 22
    assert found[0] == "ميتا تتحالف مع ميدجورني: سباق جديد في الذكاء الاصطناعي التوليدي"
    assert "استثمار بقيمة 14 مليار دولار في شركة Scale AI." in found
    assert "الاشتراكات تبدأ من 10 دولارات شهرياً." in found
    assert found[-1] == "المصادر:"
    bid = text.index("محاولة استحواذ")
    assert sentence_at(sentences(text), bid).text.startswith("كما خاض مارك زوكربيرج")


def test_the_second_seed_article():
    text = (ARTICLES_DIR / "001_684bed3df9a39272.txt").read_text(encoding="utf-8")
    found = texts(text)
    assert len(found) == 7
    assert found[0].startswith("أعلنت شركة ميتا عن شراكة استراتيجية")
    assert all(sentence.endswith(".") for sentence in found)
