import datetime

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from core.dates import DateBasis, DatePrecision, PartialDate, period_end, period_start


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("2025-08-22", datetime.date(2025, 8, 22), DatePrecision.DAY),
        ("2025-06", datetime.date(2025, 6, 1), DatePrecision.MONTH),
        ("2025-Q3", datetime.date(2025, 7, 1), DatePrecision.QUARTER),
        ("2022", datetime.date(2022, 1, 1), DatePrecision.YEAR),
        ("", None, DatePrecision.UNKNOWN),
        (None, None, DatePrecision.UNKNOWN),
    ],
)
def test_parse_keeps_the_precision(text, date, precision):
    value = PartialDate.parse(text)
    assert (value.date, value.precision) == (date, precision)


@pytest.mark.parametrize("text", ["2025-13", "2025-02-30", "June 2025", "25", "2025-Q5"])
def test_parse_rejects_what_is_not_a_date(text):
    with pytest.raises(ValueError, match="date"):
        PartialDate.parse(text)


def test_a_month_is_stored_as_its_first_day():
    assert PartialDate(datetime.date(2025, 6, 17), DatePrecision.MONTH).date == datetime.date(
        2025, 6, 1
    )


def test_a_date_needs_a_known_precision_and_unknown_has_no_date():
    with pytest.raises(ValueError, match="precision"):
        PartialDate(datetime.date(2025, 6, 1), DatePrecision.UNKNOWN)
    with pytest.raises(ValueError, match="precision"):
        PartialDate(None, DatePrecision.MONTH)


@pytest.mark.parametrize(
    ("text", "english", "arabic"),
    [
        ("2025-06", "June 2025", "يونيو 2025"),
        ("2025-08-22", "22 August 2025", "22 أغسطس 2025"),
        ("2022", "2022", "2022"),
        ("", "date unknown", None),
    ],
)
def test_display_never_claims_more_precision_than_stored(text, english, arabic):
    value = PartialDate.parse(text)
    with translation.override("en"):
        assert str(value) == english
    if arabic:
        with translation.override("ar"):
            assert str(value) == arabic


def test_quarter_display():
    with translation.override("en"):
        assert str(PartialDate.parse("2025-Q2")) == "Q2 2025"


@pytest.mark.parametrize(
    ("start", "precision", "end"),
    [
        (datetime.date(2025, 2, 1), DatePrecision.MONTH, datetime.date(2025, 2, 28)),
        (datetime.date(2024, 2, 1), DatePrecision.MONTH, datetime.date(2024, 2, 29)),
        (datetime.date(2025, 12, 1), DatePrecision.MONTH, datetime.date(2025, 12, 31)),
        (datetime.date(2025, 10, 1), DatePrecision.QUARTER, datetime.date(2025, 12, 31)),
        (datetime.date(2025, 1, 1), DatePrecision.YEAR, datetime.date(2025, 12, 31)),
        (datetime.date(2025, 3, 9), DatePrecision.DAY, datetime.date(2025, 3, 9)),
    ],
)
def test_period_end(start, precision, end):
    assert period_end(start, precision) == end


known_precisions = st.sampled_from(
    [DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.QUARTER, DatePrecision.YEAR]
)


@given(day=st.dates(min_value=datetime.date(1, 1, 1)), precision=known_precisions)
def test_isoformat_round_trips_through_parse(day, precision):
    value = PartialDate(day, precision, DateBasis.INFERRED)
    assert PartialDate.parse(value.isoformat(), basis=DateBasis.INFERRED) == value


@given(day=st.dates(max_value=datetime.date(9999, 11, 30)), precision=known_precisions)
def test_a_period_contains_the_day_it_was_built_from(day, precision):
    start = period_start(day, precision)
    assert start <= day <= period_end(start, precision)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"date": "2025-08-13", "precision": "month"}, ("2025-08", False)),
        ({"date": "2025-08", "inferred": True}, ("2025-08", True)),
        ({"date": "2025-Q3"}, ("2025-Q3", False)),
        ({"date": "2025-08-13"}, ("2025-08-13", False)),
        ({"date": None}, ("", False)),
        ({}, ("", False)),
    ],
)
def test_from_dict_reads_the_shared_shape(given, expected):
    value = PartialDate.from_dict(given)
    assert (value.isoformat(), value.inferred) == expected


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("2025-08", "Give an object"),
        ({"date": "2025-08", "precision": "day"}, "is a month, not a day"),
        ({"date": None, "precision": "month"}, "needs its date"),
        ({"date": "2025-02-30"}, "not a real date"),
        ({"date": 20250801}, "YYYY-MM-DD"),
        ({"date": "2025", "inferred": "yes"}, "true or false"),
        ({"date": "2025", "basis": "rumour"}, "basis must be one of"),
        ({"date": "2025", "basis": "stated", "inferred": True}, "disagree"),
        ({"date": "2025", "basis": "curator"}, "needs a note"),
        ({"date": "2025", "basis": "curator", "note": "  "}, "needs a note"),
        ({"date": "2025", "basis": "inferred", "note": 7}, "note must be text"),
        ({"date": "2025", "basis": "curator", "note": "x" * 501}, "500 characters"),
        ({"date": "2025", "colour": "red"}, "Unknown keys: colour"),
        ({"precision": "decade"}, "precision must be one of"),
    ],
)
def test_from_dict_says_what_is_wrong(given, message):
    with pytest.raises(ValueError, match=message):
        PartialDate.from_dict(given)


@pytest.mark.parametrize(
    ("basis", "note"),
    [("stated", ""), ("inferred", "last Friday"), ("curator", "The court's docket.")],
)
@given(day=st.dates(), precision=known_precisions)
def test_as_dict_round_trips_through_from_dict(day, precision, basis, note):
    value = PartialDate(day, precision, basis, note)
    assert PartialDate.from_dict(value.as_dict()) == value


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"date": "2025-08"}, ("stated", "", False)),
        ({"date": "2025-08", "inferred": False}, ("stated", "", False)),
        ({"date": "2025-08", "inferred": True}, ("inferred", "", True)),
        (
            {"date": "2025", "basis": "inferred", "note": " recently "},
            ("inferred", "recently", True),
        ),
        (
            {"date": "2025", "basis": "curator", "note": "The docket."},
            ("curator", "The docket.", False),
        ),
        (
            {"date": "2025", "basis": "curator", "note": "x", "inferred": False},
            ("curator", "x", False),
        ),
        # An unknown date has no basis: whatever is given, it reads as stated with no note.
        ({"date": None, "basis": "curator", "note": "gone"}, ("stated", "", False)),
    ],
)
def test_from_dict_reads_where_a_date_comes_from(given, expected):
    value = PartialDate.from_dict(given)
    assert (value.basis, value.note, value.inferred) == expected


def test_as_dict_gives_the_basis_note_and_the_former_flag():
    value = PartialDate(datetime.date(2025, 6, 1), "month", DateBasis.CURATOR, "The docket.")
    assert value.as_dict() == {
        "date": "2025-06-01",
        "precision": "month",
        "basis": "curator",
        "note": "The docket.",
        "inferred": False,
    }
    assert PartialDate().as_dict() == {
        "date": None,
        "precision": "unknown",
        "basis": None,
        "note": "",
        "inferred": False,
    }


@pytest.mark.parametrize(
    ("basis", "note", "english"),
    [
        ("stated", "", "stated in the cited text"),
        ("inferred", "", "inferred from the cited text"),
        ("inferred", "last Friday", "inferred from «last Friday»"),
        ("curator", "The docket.", "added by a curator: The docket."),
    ],
)
def test_provenance_tells_a_reader_where_the_date_comes_from(basis, note, english):
    value = PartialDate(datetime.date(2025, 6, 1), "month", basis, note)
    with translation.override("en"):
        assert str(value.provenance) == english
    assert PartialDate().provenance == ""


def test_an_unknown_basis_is_refused():
    with pytest.raises(ValueError, match="Unknown date basis"):
        PartialDate(datetime.date(2025, 6, 1), "month", True)


@pytest.mark.parametrize(
    ("basis", "note", "arabic"),
    [
        ("stated", "", "مذكور في النص المستشهد به"),
        ("inferred", "", "مستنتج من النص المستشهد به"),
        ("inferred", "الشهر الماضي", "مستنتج من «الشهر الماضي»"),
        ("curator", "سجل المحكمة.", "أضافه أحد المحررين: سجل المحكمة."),
    ],
)
def test_provenance_in_arabic(basis, note, arabic):
    with translation.override("ar"):
        assert (
            str(PartialDate(datetime.date(2025, 6, 1), "month", basis, note).provenance) == arabic
        )
