"""Pagination that stays fast on deep pages.

Event lists (deals, investments, lawsuits, articles, the timeline) use keyset
pagination: the cursor holds the last row's sort key and id, so page 1,000 costs what
page 1 costs. Small reference lists (companies, people, products) use page numbers with
a `count`.
"""

from django.db.models import Q
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from core.cursors import decode_cursor, encode_cursor

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


PAGE_SIZE_PARAMETER = {
    "name": "page_size",
    "in": "query",
    "required": False,
    "description": f"Records per page, 1 to {MAX_PAGE_SIZE} (default {DEFAULT_PAGE_SIZE}).",
    "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
}


def page_size_of(request) -> int:
    raw = request.query_params.get("page_size")
    if raw is None:
        return DEFAULT_PAGE_SIZE
    size = int(raw) if raw.isascii() and raw.isdigit() else 0
    if not 1 <= size <= MAX_PAGE_SIZE:
        raise ValidationError({"page_size": [f"Give a whole number from 1 to {MAX_PAGE_SIZE}."]})
    return size


class PagePagination(PageNumberPagination):
    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request):
        return page_size_of(request)

    def paginate_queryset(self, queryset, request, view=None):
        """As DRF's, but a page that does not exist is a 400 naming the last page."""
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound:
            size = self.get_page_size(request)
            last = max(1, -(-queryset.count() // size))
            raise ValidationError({"page": [f"Pages run from 1 to {last}."]}) from None

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": "page",
                "in": "query",
                "required": False,
                "description": "Page number, from 1.",
                "schema": {"type": "integer", "minimum": 1},
            },
            PAGE_SIZE_PARAMETER,
        ]


INVALID_CURSOR = "This cursor is not valid; start again from the first page."


def cursor_position(cursor: str) -> tuple:
    """The (key, pk) of a `cursor` parameter; a 400 if it is not one."""
    try:
        return decode_cursor(cursor)
    except ValueError:
        raise ValidationError({"cursor": [INVALID_CURSOR]}) from None


class KeysetPagination:
    """Keyset pagination over `(sort_key, id)`; the view annotates `sort_key` (never null).

    `ordering` is "-sort_key" (newest or largest first) or "sort_key".
    """

    cursor_query_param = "cursor"

    def paginate(self, queryset, request, *, descending: bool, key_type: type) -> list:
        """The ids of the page after the cursor; a cursor of the wrong shape is a 400."""
        self.request = request
        self.page_size = page_size_of(request)
        cursor = request.query_params.get(self.cursor_query_param)
        if cursor:
            key, pk = cursor_position(cursor)
            if not isinstance(pk, int) or isinstance(key, bool) or not isinstance(key, key_type):
                raise ValidationError({"cursor": ["This cursor belongs to another list or order."]})
            if descending:
                queryset = queryset.filter(Q(sort_key__lt=key) | Q(sort_key=key, id__lt=pk))
            else:
                queryset = queryset.filter(Q(sort_key__gt=key) | Q(sort_key=key, id__gt=pk))
        order = ["-sort_key", "-id"] if descending else ["sort_key", "id"]
        rows = list(queryset.order_by(*order).values("id", "sort_key")[: self.page_size + 1])
        self.has_next = len(rows) > self.page_size
        rows = rows[: self.page_size]
        self.last = rows[-1] if rows else None
        return [row["id"] for row in rows]

    def next_link(self) -> str | None:
        if not self.has_next or self.last is None:
            return None
        url = self.request.build_absolute_uri()
        return replace_query_param(
            url, self.cursor_query_param, encode_cursor(self.last["sort_key"], self.last["id"])
        )

    def first_link(self) -> str:
        return remove_query_param(self.request.build_absolute_uri(), self.cursor_query_param)

    def response(self, results: list) -> Response:
        return Response({"next": self.next_link(), "first": self.first_link(), "results": results})
