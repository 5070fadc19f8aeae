"""Liveness and readiness probes, for load balancers, orchestrators and compose.

`/healthz` says the process answers; it touches nothing else. `/readyz` says the process
can serve: the database, the cache and (when one is configured) the Celery broker each
answer within `CHECK_TIMEOUT` seconds.

`HealthCheckMiddleware` comes first in MIDDLEWARE and answers both paths itself, so a
probe is never redirected to HTTPS, never refused for its Host header (probes come by
IP or container name), never counted by throttling, and gets no session, CSRF or
language cookie; the language prefix does not apply either (`/ar/healthz` is a 404).
"""

import logging
import secrets
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.utils import load_backend
from django.http import HttpRequest, HttpResponse, JsonResponse
from kombu import Connection

logger = logging.getLogger(__name__)

#: Seconds each dependency of /readyz has to answer.
CHECK_TIMEOUT = 2


def database_check() -> None:
    """Open a new connection (with a connect timeout) and run a query on it."""
    settings_dict = dict(connections.settings[DEFAULT_DB_ALIAS])
    if "postgresql" in settings_dict["ENGINE"]:
        settings_dict["OPTIONS"] = {
            **settings_dict.get("OPTIONS", {}),
            "connect_timeout": CHECK_TIMEOUT,
        }
    connection = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(
        settings_dict, DEFAULT_DB_ALIAS
    )
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    finally:
        connection.close()


def cache_check() -> None:
    """Store a value and read it back (timeouts: the cache's OPTIONS in settings)."""
    cache = caches["default"]
    key, value = "readyz", secrets.token_hex(8)
    cache.set(key, value, timeout=CHECK_TIMEOUT * 5)
    if cache.get(key) != value:
        raise RuntimeError("the cache did not return the value just stored")


def broker_check() -> None:
    with Connection(settings.CELERY_BROKER_URL, connect_timeout=CHECK_TIMEOUT) as connection:
        connection.ensure_connection(max_retries=1, interval_start=0, timeout=CHECK_TIMEOUT)


def readiness_checks() -> dict[str, Callable[[], None]]:
    """The dependencies to check, by name; the broker only when one is configured."""
    checks = {"database": database_check, "cache": cache_check}
    if settings.CELERY_BROKER_URL:
        checks["broker"] = broker_check
    return checks


def readiness(only: set[str] | None = None) -> dict[str, str]:
    """Each check's result, "ok" or "failed"; failures are logged with their cause."""
    results = {}
    for name, check in readiness_checks().items():
        if only is not None and name not in only:
            continue
        try:
            check()
        except Exception:
            # Any failure, whatever the backend raises, means "not ready".
            logger.warning("Readiness check %r failed", name, exc_info=True)
            results[name] = "failed"
        else:
            results[name] = "ok"
    return results


def probe_response(body: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(body, status=status)
    response["Cache-Control"] = "no-store"
    return response


def healthz() -> HttpResponse:
    return probe_response({"status": "ok"})


def readyz() -> HttpResponse:
    checks = readiness()
    ready = all(result == "ok" for result in checks.values())
    body = {"status": "ok" if ready else "unavailable", "checks": checks}
    return probe_response(body, status=200 if ready else 503)


PROBES = {"/healthz": healthz, "/readyz": readyz}


class HealthCheckMiddleware:
    """Answers the probes before any other middleware runs (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        probe = PROBES.get(request.path_info)
        if probe is None:
            return self.get_response(request)
        if request.method not in {"GET", "HEAD"}:
            response = probe_response({"error": "Use GET or HEAD."}, status=405)
            response["Allow"] = "GET, HEAD"
            return response
        return probe()
