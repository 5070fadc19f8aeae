"""Names that are never proposed: places, outlets quoted as sources, ordinary words.

The lists live in `data/not_names.toml`, compared by strict key; a time-zone stamp
("AM GMT+4") is refused by its shape.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

from companies.normalization import strict_key

DATA = Path(__file__).with_name("data") / "not_names.toml"
_CLOCK = re.compile(r"^(?:\d{1,2}[:.]\d{2}\s*)?(?:AM|PM)?\s*(?:GMT|UTC|EDT|EST|PDT|PST)?[+-]?\d*$")


@cache
def not_name_keys() -> frozenset[str]:
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    names = [name for section in data.values() for name in section]
    return frozenset(strict_key(name) for name in names if strict_key(name))


@cache
def place_keys() -> frozenset[str]:
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    names = data["places"] + data["demonyms"]
    return frozenset(strict_key(name) for name in names if strict_key(name))


#: Words that make a company's name of a place's only when a real name comes before.
_DESCRIPTIVE_TAIL = frozenset({"ai", "tech", "technology", "super intelligence", "intelligence"})


#: Arabic words that a transliterated name never is: a word with the accusative ending
#: («عرضاً», «تراجعاً»), one with the article («بالكامل», «والنماذج»), and a verb of
#: saying before a name («وقال كيندال»).
_ARABIC_WORD = re.compile(
    r"^(?:\S*(?:اً|ًا)|(?:[وفبكل]?ال|لل)\S+)$"
    r"|^[وف]?(?:قال|قالت|أضاف|أضافت|اضاف|اضافت|أكد|أكدت|أوضح|أوضحت)(?:\s|$)"
)


def is_not_a_name(name: str) -> bool:
    """Whether `name` is a place, an outlet, an ordinary word, a clock stamp, an Arabic
    word no name is, or a place or its adjective before "AI" ("British AI")."""
    cleaned = name.strip()
    if strict_key(cleaned) in not_name_keys() or _CLOCK.match(cleaned):
        return True
    if _ARABIC_WORD.match(cleaned):
        return True
    words = cleaned.split()
    for cut in range(1, len(words)):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if strict_key(head) in place_keys() and tail.lower() in _DESCRIPTIVE_TAIL:
            return True
    return False
