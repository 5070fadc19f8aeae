"""The reference lexicon: well-formed data, and names matched as the press writes them."""

import re

import pytest

from companies.lexicon import lexicon_by_name, lexicon_entries, lexicon_match
from companies.models import CompanyKind, ProductKind
from companies.normalization import is_arabic


def test_the_lexicon_is_large_unique_and_well_formed():
    entries = lexicon_entries()
    assert len(entries) >= 300
    assert len({entry.name for entry in entries}) == len(entries)
    for entry in entries:
        assert entry.kind in {"company", "person", "product"}
        assert set(entry.company_kinds) <= set(CompanyKind.Code.values)
        assert entry.product_kind in {"", *ProductKind.values}
        assert all(is_arabic(name) for name in entry.names_ar), entry.name
        assert not entry.maker or entry.maker in lexicon_by_name(), entry.name
        assert not entry.qid or re.fullmatch(r"Q\d+", entry.qid), entry.name


def test_every_qid_says_where_it_was_checked():
    import tomllib

    from companies.lexicon import LEXICON_FILE

    rows = tomllib.loads(LEXICON_FILE.read_text(encoding="utf-8"))["entities"]
    assert all(row.get("qid_source") for row in rows if row.get("qid"))


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("OpenAI", "OpenAI"),
        ("أوبن إيه آي", "OpenAI"),
        ("غوغل", "Google"),
        ("جوجل", "Google"),
        ("إنفيديا", "Nvidia"),
        ("انفيديا", "Nvidia"),
        ("صندوق الاستثمارات العامة", "Public Investment Fund"),
        ("طحنون بن زايد", "Tahnoon bin Zayed"),
        ("ChatGPT", "ChatGPT"),
        ("Run:ai", "Run:ai"),
        ("Meta", "Meta"),
    ],
)
def test_names_are_matched_in_any_spelling(written, name):
    assert lexicon_match(written).name == name


@pytest.mark.parametrize("written", ["meta", "claude", "كلود", "cursor"])
def test_ordinary_words_do_not_match_an_ambiguous_entry(written):
    assert lexicon_match(written) is None
