"""The read side of the API: one representation class per resource, and its building blocks.

Read endpoints build their records from `values()` rows and a few batched queries, not
from model instances and nested serializers: on the hot path, building and serializing
model instances costs far more than the SQL (see docs/decisions/0007-api-read-path.md).
"""

from collections import defaultdict
from decimal import Decimal
from urllib.parse import quote

from django.urls import reverse
from django.utils import translation

from core.dates import PARTIAL_DATE_PARTS, PartialDate
from core.records import own_pages


def partial_date(row: dict, name: str) -> dict:
    return PartialDate(*(row[column] for column in partial_date_fields(name))).as_dict()


def partial_date_fields(name: str) -> list[str]:
    return [f"{name}_{part}" for part in PARTIAL_DATE_PARTS]


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


#: The columns of a reviewed record's `review`.
REVIEW_FIELDS = ("review", "review_by__username", "review_at")


def review(row: dict) -> dict:
    """A reviewed record's level, who set it (username) and when, from REVIEW_FIELDS."""
    return {"level": row["review"], "by": row["review_by__username"], "at": row["review_at"]}


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


def ordered(rows: dict[int, dict], ids: list[int]) -> list[dict]:
    return [rows[pk] for pk in ids if pk in rows]


def codes_by_record(through, record_field: str, code_field: str, ids: list[int]) -> dict:
    """The codes (kinds, claims) of each record through a many-to-many table (one query)."""
    found = defaultdict(list)
    rows = (
        through.objects.filter(**{f"{record_field}__in": ids})
        .order_by(code_field)
        .values_list(record_field, code_field)
    )
    for record_id, code in rows:
        found[record_id].append(code)
    return found


def reference_fields(prefix: str) -> tuple[str, str, str]:
    """The columns a `reference` to the related record `prefix` is built from."""
    return (f"{prefix}__slug", f"{prefix}__name", f"{prefix}__name_ar")


def references_by_record(links: Links, link: tuple, ids: list[int]) -> dict[int, list[dict]]:
    """The records linked to each of `ids` through a many-to-many table, as references
    ordered by name (one query): an investment's investors, a product's platforms.

    `link` is (the through model, its column of the record, its field of the linked
    record, the linked records' API resource).
    """
    through, record_field, target, resource = link
    names = reference_fields(target)
    found = defaultdict(list)
    rows = (
        through.objects.filter(**{f"{record_field}__in": ids})
        .order_by(f"{target}__name")
        .values_list(record_field, *names)
    )
    for record_id, slug, name, name_ar in rows:
        found[record_id].append(reference(links, resource, slug, name, name_ar))
    return found


def per_record(ids: list[int], **found: dict[int, list]) -> dict[int, dict[str, list]]:
    """Each record's attrs: its entry in every map of `found` (an empty list if none)."""
    return {pk: {name: rows.get(pk, []) for name, rows in found.items()} for pk in ids}


class Representation:
    """The read shape of one API resource, built for a whole page of records at once.

    After Sentry's batched serializers: `get_attrs(ids)` loads what the page needs
    besides the records' own columns (related rows, citations) in a constant number of
    queries, whatever the page size; `serialize(row, attrs)` builds one record from its
    `values()` row and its attrs. `out` is the OpenAPI serializer the records match, so
    the queries, the shape and the schema are declared in one class.
    """

    resource = ""
    model = None
    #: The columns `rows()` reads; `id` first.
    fields: tuple[str, ...] = ("id",)
    out = None

    def __init__(self, request):
        self.request = request
        self.links = Links(request)

    def rows(self, ids: list[int]):
        return self.model.objects.filter(pk__in=ids).values(*self.fields)

    def get_attrs(self, ids: list[int]) -> dict[int, dict]:
        return {pk: {} for pk in ids}

    def serialize(self, row, attrs: dict) -> dict:
        raise NotImplementedError

    @staticmethod
    def record_id(row) -> int:
        return row["id"]

    def build(self, ids: list[int]) -> list[dict]:
        """The records `ids`, in that order (ids with no record are left out)."""
        attrs = self.get_attrs(ids)
        records = {}
        for row in self.rows(ids):
            pk = self.record_id(row)
            records[pk] = self.serialize(row, attrs[pk])
        return ordered(records, ids)
