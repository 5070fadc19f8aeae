"""Project-wide pytest setup: service markers that skip locally and fail in CI.

A test marked `postgresql` needs DATABASE_URL to point at PostgreSQL, one marked `redis`
a Redis server at TEST_REDIS_URL (default redis://127.0.0.1:6379/15). Without them the
test is skipped with the reason printed; with REQUIRE_SERVICES=1 (as CI sets) it fails,
so CI cannot go green by skipping. A test marked `pg_ctl` starts and stops its own
PostgreSQL server with the `initdb` and `pg_ctl` programs (see `postgresql_program`).
"""

import glob
import os
import shutil
from pathlib import Path

import pytest
from django.db import connection, transaction

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"
CHROMIUM = os.environ.get("CHROMIUM", "chromium")
ARTIFACTS = Path(__file__).resolve().parent / "test-artifacts"
#: The Redis database the Celery tests use as their broker (flushed by each of them).
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def postgresql_program(name: str) -> str | None:
    """The path of a PostgreSQL server program: on PATH, or in Debian's versioned folder."""
    if found := shutil.which(name):
        return found
    versions = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return versions[-1] if versions else None


def missing_service(reason: str) -> None:
    if REQUIRE_SERVICES:
        pytest.fail(f"{reason} (REQUIRE_SERVICES=1: required services may not be skipped)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _english_by_default():
    """A request to an Arabic page leaves Arabic active in the thread; reset it per test."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttling counts live in the cache: each test starts with none."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    """Tests render pages without running collectstatic, so no hashed-name manifest."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _require_marked_services(request):
    if request.node.get_closest_marker("postgresql") and connection.vendor != "postgresql":
        missing_service("PostgreSQL not configured: set DATABASE_URL=postgres://...")
    if request.node.get_closest_marker("browser") and not shutil.which(CHROMIUM):
        missing_service(f"Chromium not installed ({CHROMIUM}): run `make system-packages`")
    if request.node.get_closest_marker("pg_ctl") and not (
        postgresql_program("initdb") and postgresql_program("pg_ctl")
    ):
        missing_service("initdb and pg_ctl not found: install the PostgreSQL server package")
    if request.node.get_closest_marker("redis"):
        import redis

        try:
            redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=2).ping()
        except redis.RedisError as error:
            missing_service(f"Redis not reachable at {TEST_REDIS_URL} ({error})")


@pytest.fixture
def browser_page(live_server, monkeypatch):
    """A page in headless Chromium (Debian's, driven by Playwright) on the live server.

    Playwright's sync API runs an event loop in this thread, which Django's ORM guard
    mistakes for async code; the test itself is synchronous, so the guard is lifted.
    """
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
        page.set_default_timeout(15_000)
        yield page
        browser.close()


@pytest.fixture
def seeded_live(django_db_serialized_rollback):
    """The seed committed for a live server's thread; data-migration rows come back after."""
    from sources.seed import seed_load

    seed_load()


def screenshot(page, name: str) -> Path:
    """Save a screenshot under test-artifacts/ (kept by CI) and return its path."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture(scope="module")
def _seed_for_module(django_db_setup, django_db_blocker):
    """Load the seed once per test module, inside a transaction rolled back at its end.

    Each test's own transaction nests in it as a savepoint, as with Django's
    `TestCase.setUpTestData`, so tests see the seed and never each other's changes.
    """
    from sources.seed import seed_load

    with django_db_blocker.unblock(), transaction.atomic():
        created = seed_load()
        yield created
        transaction.set_rollback(True)


@pytest.fixture
def seeded(_seed_for_module, db):
    """The database with the seed loaded: the two articles and every fact they state."""
    return _seed_for_module


def pytest_report_header(config):
    services = (
        "required (missing ones fail)" if REQUIRE_SERVICES else "optional (missing ones skip)"
    )
    return [f"database: {connection.vendor}; services: {services}"]


def _staff_in_group(user_model, username: str, group: str):
    from django.contrib.auth.models import Group

    from core.roles import roles_setup

    roles_setup()
    user = user_model.objects.create_user(username, password=f"{username}-pass", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def curator(db, django_user_model):
    """A staff user in the curator group."""
    return _staff_in_group(django_user_model, "curator", "curator")


@pytest.fixture
def reviewer(db, django_user_model):
    """A staff user in the reviewer group (read-only)."""
    return _staff_in_group(django_user_model, "reviewer", "reviewer")


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


@pytest.fixture
def api_client():
    from rest_framework.test import APIClient

    return APIClient()


@pytest.fixture
def curator_api(api_client, curator):
    """An API client authenticated with the curator's token."""
    from rest_framework.authtoken.models import Token

    token, _ = Token.objects.get_or_create(user=curator)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return api_client
