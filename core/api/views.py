"""The base of every API resource: thin viewsets over a prepared queryset.

Reads: the filter backend narrows the queryset, a paginator picks the page's ids, and
the resource's representation builds plain dicts for them in a constant number of queries.
Writes: a ModelSerializer validates shapes with the model's own rules and calls the
record type's service, which saves (version, lock, history, slug redirect); the response
is the same record a read would return.
"""

from importlib import import_module

from django.db import transaction
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils.http import http_date, quote_etag
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.exceptions import (
    APIException,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from rest_framework.response import Response

from core.data_version import data_version
from core.models import slug_redirect_target
from core.versioning import version_lock

from .pagination import MAX_PAGE_SIZE, KeysetPagination, PagePagination
from .renderers import ORJSONRenderer
from .serializers import keyset_page


class NotModified(APIException):
    status_code = status.HTTP_304_NOT_MODIFIED
    default_detail = ""


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"


def _etag_tokens(header: str) -> list[str]:
    return [
        token.strip().removeprefix("W/").strip('"') for token in header.split(",") if token.strip()
    ]


class ConditionalGetMixin:
    """ETag and Last-Modified from the data-version stamp; a matching If-None-Match is a 304.

    The stamp is one primary-key read, so a client polling an unchanged list costs one
    query and no serialization. Staff see full article texts, so their tags differ.
    """

    def etag_for(self, stamp) -> str:
        private = "c" if self.request.user.is_staff else "p"
        return f"{stamp.version}{private}"

    def perform_content_negotiation(self, request, force=False):
        """An unknown `format` is a bad parameter (400), not a missing page (DRF's 404)."""
        try:
            return super().perform_content_negotiation(request, force)
        except Http404:
            raise ValidationError({"format": ["Use format=json or format=csv."]}) from None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD"):
            return
        self.stamp = data_version()
        tag = self.etag_for(self.stamp)
        if tag in _etag_tokens(request.headers.get("If-None-Match", "")):
            raise NotModified()

    def finalize_response(self, request, response, *args, **kwargs):
        renderer = getattr(request, "accepted_renderer", None)
        if response.status_code >= 400 and renderer is not None and renderer.format == "csv":
            request.accepted_renderer = ORJSONRenderer()
            request.accepted_media_type = ORJSONRenderer.media_type
        response = super().finalize_response(request, response, *args, **kwargs)
        stamp = getattr(self, "stamp", None)
        if stamp is not None and (response.status_code < 400 or response.status_code == 304):
            response["ETag"] = "W/" + quote_etag(self.etag_for(stamp))
            response["Last-Modified"] = http_date(stamp.changed_at.timestamp())
            response["Cache-Control"] = "no-cache"
        return response

    def handle_exception(self, exc):
        if isinstance(exc, NotModified):
            response = Response(status=status.HTTP_304_NOT_MODIFIED)
            response.exception = True
            return response
        return super().handle_exception(exc)


class RecordViewSet(ConditionalGetMixin, viewsets.GenericViewSet):
    """Read endpoints over plain dicts, with conditional GET and old-slug redirects.

    Subclasses set `queryset`, `representation` (a `Representation` class) and
    `filterset_class`. Keyset lists also set `sort_key` (an expression annotated as
    `sort_key`, never null) and `descending`.
    """

    lookup_field = "slug"
    lookup_value_regex = "[^/]+"
    representation = None
    sort_key = None
    sort_key_type: type = int
    descending = True
    pagination_class = PagePagination

    def etag_for(self, stamp) -> str:
        """A record's tag also carries its own version, so it can go back in If-Match."""
        tag = super().etag_for(stamp)
        if getattr(self, "action", None) != "retrieve":
            return tag
        key = str(self.kwargs.get(self.lookup_url_kwarg or self.lookup_field, ""))
        if "\x00" in key or (self.lookup_field == "pk" and not (key.isascii() and key.isdigit())):
            return tag
        version = (
            self.get_queryset()
            .filter(**{self.lookup_field: key})
            .values_list("version", flat=True)
            .first()
        )
        return tag if version is None else f"{version}.{tag}"

    # -- reads ------------------------------------------------------------------------

    def build(self, ids: list[int]) -> list[dict]:
        return self.representation(self.request).build(ids)

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        if self.sort_key is not None:
            paginator = KeysetPagination()
            ids = paginator.paginate(
                queryset.annotate(sort_key=self.sort_key),
                request,
                descending=self.descending,
                key_type=self.sort_key_type,
            )
            return paginator.response(self.build(ids))
        page = self.paginate_queryset(queryset.values_list("id", flat=True))
        return self.get_paginated_response(self.build(list(page)))

    def get_record_id(self) -> int:
        key = self.kwargs[self.lookup_field]
        if "\x00" in key:
            raise NotFound("No such record.")
        if self.lookup_field == "pk" and not (key.isascii() and key.isdigit()):
            raise self.not_found(key)
        found = self.get_queryset().filter(**{self.lookup_field: key}).values_list("id", flat=True)
        record_id = found.first()
        if record_id is None:
            raise self.not_found(key)
        return record_id

    def not_found(self, key):
        model = self.get_queryset().model
        new_slug = slug_redirect_target(model, key) if self.lookup_field == "slug" else None
        if new_slug:
            raise MovedPermanently(self.request.path.replace(f"/{key}/", f"/{new_slug}/", 1))
        return NotFound(f"No {model._meta.verbose_name} with {self.lookup_field} {key!r}.")

    def retrieve(self, request, *args, **kwargs):
        return Response(self.build([self.get_record_id()])[0])

    def handle_exception(self, exc):
        if isinstance(exc, MovedPermanently):
            query = self.request.META.get("QUERY_STRING")
            return HttpResponsePermanentRedirect(exc.location + (f"?{query}" if query else ""))
        return super().handle_exception(exc)


def documented(
    representation, *, keyset=False, parameters=(), retrieve_examples=(), create_examples=()
):
    """The OpenAPI description of a record viewset, from its representation's `out` shape.

    A keyset-paginated list's page is named after the shape ("DealOut" -> "DealPage").
    """
    out = representation.out
    page = keyset_page(out, out.__name__.removesuffix("Out") + "Page") if keyset else None
    return extend_schema_view(
        list=extend_schema(responses=page or out(many=True), parameters=list(parameters)),
        retrieve=extend_schema(responses=out, examples=list(retrieve_examples)),
        create=extend_schema(responses={201: out}, examples=list(create_examples)),
        update=extend_schema(responses=out),
        partial_update=extend_schema(responses=out),
    )


KEYSET_PARAMETERS = [
    OpenApiParameter("cursor", str, description="The `next` link's cursor."),
    OpenApiParameter(
        "page_size",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
        description=f"Records per page, 1 to {MAX_PAGE_SIZE} (default 50).",
    ),
]


class MovedPermanently(Exception):
    def __init__(self, location: str):
        self.location = location


class WritableRecordViewSet(RecordViewSet):
    """Create, update and delete through `write_serializer_class`, with version checks.

    An update names the version it was based on, in the body (`version`) or as
    `If-Match` (the detail response's ETag, or just the version). A stale version is a
    409 with what changed since; a failed `If-Match` is a 412. Nothing is overwritten.
    """

    write_serializer_class = None

    def get_serializer_class(self):
        return self.write_serializer_class

    def _respond_with(self, record, status_code=status.HTTP_200_OK):
        return Response(self.build([record.pk])[0], status=status_code)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            record = serializer.save()
        return self._respond_with(record, status.HTTP_201_CREATED)

    def _expected_version(self, request) -> int | None:
        header = request.headers.get("If-Match")
        if header:
            tokens = _etag_tokens(header)
            if "*" in tokens:
                return None
            try:
                return int(tokens[0].split(".")[0].rstrip("cp"))
            except (ValueError, IndexError):
                raise PreconditionFailed("If-Match must carry the record's version.") from None
        version = request.data.get("version") if hasattr(request.data, "get") else None
        if version is None:
            raise ValidationError(
                {"version": ["Send the version you are updating (or an If-Match header)."]}
            )
        try:
            return int(version)
        except (TypeError, ValueError):
            raise ValidationError({"version": ["A version is a whole number."]}) from None

    def update(self, request, *args, partial=False, **kwargs):
        record = self.get_queryset().model.objects.get(pk=self.get_record_id())
        expected = self._expected_version(request)
        serializer = self.get_serializer(record, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            if request.headers.get("If-Match"):
                current = version_lock(record, None)
                if expected is not None and expected != current:
                    raise PreconditionFailed(
                        f"The record is at version {current}, not {expected}; fetch it again."
                    )
            record = serializer.save(expected_version=expected)
        return self._respond_with(record)

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    def destroy(self, request, *args, **kwargs):
        record = self.get_queryset().model.objects.get(pk=self.get_record_id())
        if not request.user.has_perm(f"{record._meta.app_label}.delete_{record._meta.model_name}"):
            raise PermissionDenied()
        record.delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


def viewset_of(model, base: type, documentation: dict | None = None, **attributes) -> type:
    """A viewset of `model` made from the API classes of its app, found by name:
    `<Model>Representation` in `api.representations`, `<Model>Write` in `api.serializers`
    and `<Model>FilterSet` in `filtersets` (`attributes` may give its own). The schema
    describes it with the first paragraph of the model's docstring; `documentation` goes
    to `documented`."""
    app, name = model._meta.app_config.name, model.__name__
    representation = getattr(import_module(f"{app}.api.representations"), f"{name}Representation")
    filterset = getattr(import_module(f"{app}.filtersets"), f"{name}FilterSet", None)
    viewset = type(
        f"{name}ViewSet",
        (base,),
        {
            "__doc__": model.__doc__.split("\n\n")[0],
            "__module__": base.__module__,
            "queryset": model.objects.all(),
            "representation": representation,
            "filterset_class": filterset,
            "write_serializer_class": getattr(
                import_module(f"{app}.api.serializers"), f"{name}Write"
            ),
            **attributes,
        },
    )
    return documented(representation, **(documentation or {}))(viewset)
