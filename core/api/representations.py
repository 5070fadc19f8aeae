"""Plain-dict building blocks of API records: dates, money, references, citations.

Read endpoints build their records from `values()` rows and a few batched queries, not
from model instances and nested serializers: on the hot path, building and serializing
model instances costs far more than the SQL (see docs/decisions/0007-api-read-path.md).
"""

from collections import defaultdict
from decimal import Decimal
from urllib.parse import quote

from django.urls import reverse
from django.utils import translation

from core.records import own_pages


def partial_date(row: dict, name: str) -> dict:
    day = row[f"{name}_on"]
    return {
        "date": day.isoformat() if day else None,
        "precision": row[f"{name}_precision"],
        "inferred": row[f"{name}_inferred"],
    }


def partial_date_fields(name: str) -> list[str]:
    return [f"{name}_on", f"{name}_precision", f"{name}_inferred"]


def decimal_text(value: Decimal | None) -> str | None:
    """A Decimal as text without float noise or trailing zeros ("14000000000", "2.75")."""
    if value is None:
        return None
    return f"{value.normalize():f}"


def money(row: dict, name: str = "value") -> dict:
    return {
        "amount": decimal_text(row[f"{name}_amount"]),
        "currency": row[f"{name}_currency"],
        "qualifier": row[f"{name}_qualifier"],
        "undisclosed": row[f"{name}_undisclosed"],
        "basis": row[f"{name}_basis"],
    }


def money_fields(name: str = "value") -> list[str]:
    return [
        f"{name}_{part}" for part in ("amount", "currency", "qualifier", "undisclosed", "basis")
    ]


#: The reader page of each API resource whose records have a page of their own.
PAGES = own_pages()


class Links:
    """Absolute URLs of API records, built from one reversed prefix per resource."""

    def __init__(self, request):
        self._prefixes = {}
        self._pages = {}
        self._request = request

    def prefix(self, resource: str) -> str:
        if resource not in self._prefixes:
            list_url = reverse(f"api:{resource}-list")
            self._prefixes[resource] = self._request.build_absolute_uri(list_url)
        return self._prefixes[resource]

    def url(self, resource: str, key) -> str:
        return f"{self.prefix(resource)}{quote(str(key))}/"

    def page(self, resource: str, key) -> str:
        """The record's page for readers (English address; `/ar` + path for Arabic)."""
        if resource not in self._pages:
            with translation.override("en"):
                path = reverse(PAGES[resource], args=["0"])
            self._pages[resource] = self._request.build_absolute_uri(path.removesuffix("0/"))
        return f"{self._pages[resource]}{quote(str(key))}/"


def reference(links: Links, resource: str, slug: str, name: str, name_ar: str = "") -> dict:
    """A short link to another record: what a client needs to show and follow it."""
    return {"slug": slug, "name": name, "name_ar": name_ar, "url": links.url(resource, slug)}


def citations_by_record(target: str, ids: list[int], links: Links) -> dict[int, list[dict]]:
    """The citations of the records `ids` of one citable kind, by record id (one query)."""
    from sources.models import Citation

    rows = (
        Citation.objects.filter(**{f"{target}_id__in": ids})
        .order_by("id")
        .values(f"{target}_id", "excerpt", "supports", "article_id", "article__title")
    )
    cited = defaultdict(list)
    for row in rows:
        cited[row[f"{target}_id"]].append(
            {
                "article": {
                    "id": row["article_id"],
                    "title": row["article__title"],
                    "url": links.url("articles", row["article_id"]),
                },
                "excerpt": row["excerpt"],
                "supports": row["supports"],
            }
        )
    return cited


def ordered(rows: dict[int, dict], ids: list[int]) -> list[dict]:
    return [rows[pk] for pk in ids if pk in rows]
