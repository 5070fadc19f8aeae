"""Cells of the CSV files we write, made safe to open in a spreadsheet.

A spreadsheet reads a cell that begins with `=`, `+`, `-` or `@` (or a tab or carriage
return before one) as a formula: a name like `=HYPERLINK("http://…")` would become a
live link. Every CSV we write (the API's `?format=csv`, the admin's export) passes its
cells through `escape_cell`, which puts a single quote before such a text; the admin's
import passes them through `unescape_cell`, which takes it off again, so an exported
file imports back to the same values.

Plain numbers ("-5", "+3.25") are left as they are: a spreadsheet reads them as the
numbers they are, not as formulas. A text that already begins with quotes followed by
a formula character gets one more quote, so that `unescape_cell(escape_cell(text))`
is always `text`.
"""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def _looks_like_formula(text: str) -> bool:
    return text.lstrip("'").startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text)


def escape_cell(value) -> str:
    """`value` as the text of a CSV cell a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if _looks_like_formula(text) else text


def unescape_cell(value):
    """The value `escape_cell` was given, from the text it wrote; other values unchanged."""
    if isinstance(value, str) and value.startswith("'") and _looks_like_formula(value[1:]):
        return value[1:]
    return value
