"""Response renderers: JSON through orjson, and CSV for list endpoints (`?format=csv`)."""

import csv
import io
from decimal import Decimal

import orjson
from rest_framework.renderers import BaseRenderer, JSONRenderer

from core.spreadsheet import escape_cell


def _default(value):
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


class ORJSONRenderer(JSONRenderer):
    """JSON rendered by orjson: the read paths hand it plain dicts and lists."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        return orjson.dumps(data, default=_default, option=orjson.OPT_NON_STR_KEYS)


def _item_label(item) -> str:
    """One list item as text: its name (or the name of the record it refers to) and role."""
    if not isinstance(item, dict):
        return str(item)
    label = item.get("slug") or item.get("name") or item.get("excerpt") or ""
    for reference in ("company", "person", "article"):
        if not label and isinstance(item.get(reference), dict):
            label = item[reference].get("slug") or item[reference].get("title") or ""
    if not label and isinstance(item.get("unnamed"), dict):
        label = item["unnamed"].get("description", "")
    detail = item.get("role") or item.get("side") or item.get("title") or item.get("kind")
    return f"{label} ({detail})" if detail and label else str(label or detail or "")


def flatten(value, prefix: str = "") -> dict[str, str]:
    """One CSV row from a nested record: `value.amount`, lists joined with " | "."""
    if isinstance(value, dict):
        row = {}
        for key, item in value.items():
            row.update(flatten(item, f"{prefix}.{key}" if prefix else str(key)))
        return row
    if isinstance(value, list):
        return {prefix: " | ".join(_item_label(item) for item in value)}
    return {prefix: "" if value is None else str(value)}


class CSVRenderer(BaseRenderer):
    """A list endpoint's current page as CSV, nested fields flattened into columns.

    Cells a spreadsheet would run as formulas are escaped (`core.spreadsheet`).
    """

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, dict) and "results" in data:
            records = data["results"]
        elif isinstance(data, list):
            records = data
        else:
            records = [data]
        rows = [
            {column: escape_cell(cell) for column, cell in flatten(record).items()}
            for record in records
        ]
        columns = list(dict.fromkeys(column for row in rows for column in row))
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue().encode("utf-8")
