"""The reference lexicon: companies, investors, people and products news names without a cue.

`entities.toml` beside this file is data written by the project from public facts (see
README.md). `lexicon_keys()` maps the strict key of every spelling to its entry, so
ingestion recognises these names whether or not the tracker has a record yet.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from companies.normalization import is_arabic, strict_key

LEXICON_FILE = Path(__file__).with_name("entities.toml")


@dataclass(frozen=True)
class LexiconEntry:
    name: str
    kind: str
    names: tuple[str, ...]
    names_ar: tuple[str, ...]
    company_kinds: tuple[str, ...] = ()
    product_kind: str = ""
    maker: str = ""
    ambiguous: bool = False
    qid: str = ""

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.names, *self.names_ar)

    @property
    def name_ar(self) -> str:
        return self.names_ar[0] if self.names_ar else ""


@cache
def lexicon_entries() -> tuple[LexiconEntry, ...]:
    data = tomllib.loads(LEXICON_FILE.read_text(encoding="utf-8"))
    return tuple(
        LexiconEntry(
            name=row["name"],
            kind=row["kind"],
            names=tuple(row.get("names", ())),
            names_ar=tuple(row.get("names_ar", ())),
            company_kinds=tuple(row.get("company_kinds", ())),
            product_kind=row.get("product_kind", ""),
            maker=row.get("maker", ""),
            ambiguous=row.get("ambiguous", False),
            qid=row.get("qid", ""),
        )
        for row in data["entities"]
    )


@cache
def lexicon_by_name() -> dict[str, LexiconEntry]:
    return {entry.name: entry for entry in lexicon_entries()}


@cache
def lexicon_keys() -> dict[str, LexiconEntry]:
    """Every spelling's strict key → its entry (the first entry wins a shared key)."""
    keys: dict[str, LexiconEntry] = {}
    for entry in lexicon_entries():
        for spelling in entry.spellings:
            key = strict_key(spelling)
            if key:
                keys.setdefault(key, entry)
    return keys


@cache
def lexicon_longest_name() -> int:
    """How many words the lexicon's longest spelling has («جامعة محمد بن زايد للذكاء
    الاصطناعي» has six), so that a text is searched for names that long."""
    return max(len(key.split()) for key in lexicon_keys())


def lexicon_match(spelling: str, *, key: str | None = None) -> LexiconEntry | None:
    """The entry `spelling` (as written in a text; `key` if its strict key is known
    otherwise, as without an attached particle) names, or None.

    An entry whose name is also an ordinary word ("Meta", "Claude", «كلود») counts only
    when written as a name: a Latin spelling with a capital letter, and never in Arabic,
    where script gives no such sign.
    """
    entry = lexicon_keys().get(strict_key(spelling) if key is None else key)
    if entry is None:
        return None
    if entry.ambiguous and (is_arabic(spelling) or not spelling[:1].isupper()):
        return None
    return entry
