"""Response renderers: JSON through orjson, and CSV for list endpoints (`?format=csv`)."""

import csv
import io
from decimal import Decimal

import orjson
from rest_framework.renderers import BaseRenderer, JSONRenderer


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


def flatten(value, prefix: str = "") -> dict[str, str]:
    """One CSV row from a nested record: `value.amount`, lists joined with " | "."""
    if isinstance(value, dict):
        row = {}
        for key, item in value.items():
            row.update(flatten(item, f"{prefix}.{key}" if prefix else str(key)))
        return row
    if isinstance(value, list):
        parts = []
        for item in value:
            if isinstance(item, dict):
                label = item.get("slug") or item.get("name") or item.get("excerpt") or ""
                role = item.get("role") or item.get("side")
                parts.append(f"{label} ({role})" if role else str(label))
            else:
                parts.append(str(item))
        return {prefix: " | ".join(parts)}
    return {prefix: "" if value is None else str(value)}


class CSVRenderer(BaseRenderer):
    """A list endpoint's current page as CSV, nested fields flattened into columns."""

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
        rows = [flatten(record) for record in records]
        columns = list(dict.fromkeys(column for row in rows for column in row))
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue().encode("utf-8")
