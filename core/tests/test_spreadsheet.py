"""CSV cells a spreadsheet would run as formulas are escaped, and read back unchanged."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.spreadsheet import FORMULA_STARTS, escape_cell, unescape_cell


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://example.com","x")', '\'=HYPERLINK("http://example.com","x")'),
        ("+1+cmd", "'+1+cmd"),
        ("-2+3+cmd", "'-2+3+cmd"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("'=already quoted", "''=already quoted"),
    ],
)
def test_a_cell_that_starts_a_formula_gets_a_quote(value, written):
    assert escape_cell(value) == written
    assert unescape_cell(written) == value


@pytest.mark.parametrize("value", ["-5", "+3.25", "-0.5", "1e9", -5, 12.5, "Meta", "", "'quoted"])
def test_numbers_and_plain_text_are_left_alone(value):
    assert escape_cell(value) == str(value)
    assert unescape_cell(str(value)) == str(value)


def test_none_is_an_empty_cell():
    assert escape_cell(None) == ""


@given(st.text(alphabet=st.sampled_from("'=+-@\t\r05.eAb "), max_size=8))
def test_reading_back_what_was_written_gives_the_same_text(text):
    written = escape_cell(text)
    assert unescape_cell(written) == text
    assert not written.startswith(FORMULA_STARTS) or _is_number(written)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
