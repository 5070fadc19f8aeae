import datetime

import pytest

from sources.extraction.dates import date_mentions
from sources.seed import ARTICLES_DIR

FRIDAY_22 = datetime.date(2025, 8, 22)
PUBLISHED = datetime.date(2025, 8, 24)  # a Sunday


def only(text, published=None):
    [mention] = date_mentions(text, published=published)
    return mention.date


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("وفي يونيو/حزيران 2025، أطلقت الشركة", "2025-06", "month"),
        ("في حزيران 2025", "2025-06", "month"),
        ("منذ سبتمبر/أيلول 2023", "2023-09", "month"),
        ("في تشرين الأول 2024", "2024-10", "month"),
        ("في كانون الثاني ٢٠٢٤", "2024-01", "month"),
        ("يوم 22 أغسطس 2025", "2025-08-22", "day"),
        ("في 3 آب 2025", "2025-08-03", "day"),
        ("تأسست عام 2022", "2022", "year"),
        ("وبحلول 2023، كانت", "2023", "year"),
        ("في العام 2021", "2021", "year"),
        ("launched in March 2024", "2024-03", "month"),
        ("on 22 August 2025", "2025-08-22", "day"),
        ("on August 22, 2025", "2025-08-22", "day"),
        ("founded in 2021", "2021", "year"),
        ("since Sept. 2023", "2023-09", "month"),
    ],
)
def test_dates_keep_the_precision_the_text_gives(text, iso, precision):
    value = only(text)
    assert (value.isoformat(), value.precision, value.inferred) == (iso, precision, False)


@pytest.mark.parametrize(
    "text",
    [
        "يوم الجمعة الماضي",
        "أعلن يوم الجمعة الماضي عبر منصة",
        "last Friday",
        "It was announced LAST FRIDAY",
    ],
)
def test_last_friday_is_resolved_against_the_publication_date(text):
    value = only(text, published=PUBLISHED)
    assert (value.date, value.precision, value.inferred) == (FRIDAY_22, "day", True)
    assert value.note.lower() in ("يوم الجمعة الماضي", "last friday"), "the words it rests on"


def test_a_stated_date_has_no_note():
    value = only("في 22 أغسطس 2025", published=PUBLISHED)
    assert (value.basis, value.note) == ("stated", "")


def test_an_impossible_day_keeps_only_the_month():
    value = only("31 فبراير 2025")
    assert (value.isoformat(), value.precision) == ("2025-02", "month")


def test_a_relative_date_needs_a_publication_date():
    assert date_mentions("يوم الجمعة الماضي") == []
    assert only("أمس", published=PUBLISHED).date == datetime.date(2025, 8, 23)


@pytest.mark.parametrize("text", ["14 مليار دولار", "V1", "نموذج 2025X", "page 2022 of", "31 يوماً"])
def test_numbers_that_are_not_dates_are_left_alone(text):
    assert date_mentions(text) == []


def test_the_first_seed_article_dates():
    text = (ARTICLES_DIR / "000_1001d59c7aa3159d.txt").read_text(encoding="utf-8")
    found = [
        (m.date.isoformat(), m.date.precision, m.date.inferred)
        for m in date_mentions(text, published=PUBLISHED)
    ]
    assert found == [
        ("2025-08-22", "day", True),
        ("2022", "year", False),
        ("2023", "year", False),
        ("2025-06", "month", False),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أطلقته أواخر 2023", ("2023", "year")),
        ("في النصف الثاني من 2026", ("2026", "year")),
        ("مطلع 2024", ("2024", "year")),
        ("launched in late 2023", ("2023", "year")),
        ("by the end of 2024", ("2024", "year")),
    ],
)
def test_a_year_after_words_of_time(text, expected):
    value = only(text)
    assert (value.isoformat(), value.precision) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("said in June that", "2025-06"),
        ("in September", "2024-09"),
        ("في يونيو", "2025-06"),
        ("منذ ديسمبر", "2024-12"),
        ("خلال آب", "2025-08"),
        ("last month", "2025-07"),
        ("الشهر الماضي", "2025-07"),
    ],
)
def test_a_month_without_its_year_is_the_latest_before_publication(text, expected):
    value = only(text, published=PUBLISHED)
    assert (value.isoformat(), value.precision, value.inferred) == (expected, "month", True)


@pytest.mark.parametrize("text", ["last year", "العام الماضي", "السنة الماضية"])
def test_last_year(text):
    value = only(text, published=PUBLISHED)
    assert (value.isoformat(), value.precision, value.inferred) == ("2024", "year", True)


def test_a_month_with_its_year_is_not_read_twice():
    found = date_mentions("وفي يونيو/حزيران 2025، وفي March, 2024", published=PUBLISHED)
    assert [m.date.isoformat() for m in found] == ["2025-06", "2024-03"]
    assert date_mentions("في يونيو") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the companies said on Friday", datetime.date(2025, 8, 22)),
        ("announced on Sunday", datetime.date(2025, 8, 24)),
        ("أعلنت يوم الثلاثاء", datetime.date(2025, 8, 19)),
        ("وقالت الشركة يوم الأحد", datetime.date(2025, 8, 24)),
    ],
)
def test_a_weekday_is_the_latest_such_day_up_to_publication(text, expected):
    value = only(text, published=PUBLISHED)
    assert (value.date, value.precision, value.inferred) == (expected, "day", True)


def test_a_weekday_needs_a_publication_date_and_last_weekday_is_read_once():
    assert date_mentions("said on Monday") == []
    found = date_mentions("يوم الجمعة الماضي", published=PUBLISHED)
    assert [m.date.date for m in found] == [datetime.date(2025, 8, 22)]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("in September of last year", "2024-09"),
        ("in July last year, it raised", "2024-07"),
        ("في سبتمبر من العام الماضي", "2024-09"),
        ("في أيلول الماضي", "2024-09"),
        ("في تموز الماضي", "2025-07"),
        ("on February 3", "2025-02-03"),
        ("في 3 فبراير", "2025-02-03"),
        ("on September 30", "2024-09-30"),
        ("أعلنت الشركة اليوم", "2025-08-24"),
        ("said today", "2025-08-24"),
        ("earlier this year", "2025"),
        ("خلال العام الجاري", "2025"),
        ("three months ago", "2025-05"),
        ("قبل ثلاثة أشهر", "2025-05"),
        ("قبل شهرين", "2025-06"),
    ],
)
def test_phrases_relative_to_the_publication_day(text, iso):
    value = only(text, published=PUBLISHED)
    assert (value.isoformat(), value.inferred) == (iso, True)


def test_today_before_a_weekday_is_one_date():
    [mention] = date_mentions("قالت الشركة اليوم الأحد إنها", published=PUBLISHED)
    assert mention.date.isoformat() == "2025-08-24"


def test_the_same_day_is_not_today():
    found = date_mentions("وفي اليوم نفسه أعلنت الشركة شراكة", published=PUBLISHED)
    assert found == []
