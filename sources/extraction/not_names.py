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


def is_not_a_name(name: str) -> bool:
    """Whether `name` is a place, an outlet, an ordinary word or a clock stamp."""
    cleaned = name.strip()
    return strict_key(cleaned) in not_name_keys() or bool(_CLOCK.match(cleaned))
