"""Error responses Django itself answers: JSON under /api/, pages elsewhere.

DRF turns the errors raised inside an API view into JSON, but some are answered by Django
before or after DRF: a URL no route matches, a request body over
DATA_UPLOAD_MAX_MEMORY_SIZE, an exception DRF does not handle. Under /api/ those are JSON
too, so a client always reads the same `{"detail": ...}` shape. A database that cannot be
reached is a 503 with Retry-After rather than a 500: the request may be repeated.

The pages are templates/404.html (the site's chrome: the request is there) and 500.html and
503.html, which extend error_page.html: rendered without the request, so nothing that
failed (the database, a context processor) is needed to say so.
"""

import sys

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views import defaults

#: Seconds a client is asked to wait before repeating a request the database could not serve.
RETRY_AFTER = 30


def is_api(request) -> bool:
    return request.path.startswith("/api/")


def _json(detail: str, status: int) -> JsonResponse:
    return JsonResponse({"detail": detail}, status=status)


def bad_request(request, exception=None):
    """400, or 413 for an API body larger than the server reads."""
    if not is_api(request):
        return defaults.bad_request(request, exception)
    if isinstance(exception, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return _json(f"The request body is larger than the {limit} bytes accepted.", 413)
    return _json("Bad request.", 400)


def not_found(request, exception=None):
    if not is_api(request):
        return defaults.page_not_found(request, exception)
    return _json("Not found: no API endpoint has this URL.", 404)


def database_unavailable(request):
    """503 with Retry-After: the request failed only because the database was unreachable.

    The page is rendered without the request, so no context processor touches the database.
    """
    if is_api(request):
        response = _json("The database is unavailable; try again shortly.", 503)
    else:
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    return response


def server_error(request):
    """500, or 503 when the exception being handled is a lost database connection."""
    if isinstance(sys.exception(), (OperationalError, InterfaceError)):
        return database_unavailable(request)
    if not is_api(request):
        return defaults.server_error(request)
    return _json("Server error: the request could not be completed.", 500)
