"""Project-wide pytest setup: service markers that skip locally and fail in CI.

A test marked `postgresql` needs DATABASE_URL to point at PostgreSQL. Without it the
test is skipped with the reason printed; with REQUIRE_SERVICES=1 (as CI sets) it fails,
so CI cannot go green by skipping.
"""

import os

import pytest
from django.db import connection

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"


def missing_service(reason: str) -> None:
    if REQUIRE_SERVICES:
        pytest.fail(f"{reason} (REQUIRE_SERVICES=1: required services may not be skipped)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _require_marked_services(request):
    if request.node.get_closest_marker("postgresql") and connection.vendor != "postgresql":
        missing_service("PostgreSQL not configured: set DATABASE_URL=postgres://...")
