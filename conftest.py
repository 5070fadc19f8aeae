"""Project-wide pytest setup: service markers that skip locally and fail in CI.

A test marked `postgresql` needs DATABASE_URL to point at PostgreSQL, one marked `redis`
a Redis server: the `redis_url` fixture gives TEST_REDIS_URL when it is set (a database
the tests may flush), else starts a redis-server of its own on a free port for the
session. A Redis nobody named is never touched. Without them the test is skipped with
the reason printed; with REQUIRE_SERVICES=1 (as CI sets) it fails, so CI cannot go
green by skipping. A test marked `pg_ctl` starts and stops its own PostgreSQL server
with the `initdb` and `pg_ctl` programs (see `postgresql_program`).

The suite never reads a developer's `.env` (config/envfile.py): ENV_FILE is emptied here,
for this process and every program a test starts. The settings themselves never read the
file, so they are what the command line's environment says.
"""

import glob
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from django.db import connection, transaction

os.environ["ENV_FILE"] = ""

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"
CHROMIUM = os.environ.get("CHROMIUM", "chromium")
ARTIFACTS = Path(__file__).resolve().parent / "test-artifacts"
#: A Redis database given for the tests (flushed by the Celery tests); none by default.
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "")


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

        url = request.getfixturevalue("redis_url")
        try:
            redis.Redis.from_url(url, socket_connect_timeout=2).ping()
        except redis.RedisError as error:
            missing_service(f"Redis not reachable at {url} ({error})")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_redis(url: str, server: subprocess.Popen, log: Path) -> None:
    import redis

    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and server.poll() is None:
        try:
            redis.Redis.from_url(url, socket_connect_timeout=1).ping()
            return
        except redis.ConnectionError:
            time.sleep(0.1)
    server.kill()
    missing_service(f"The tests' own redis-server did not start: {log.read_text()[-2000:]}")


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """TEST_REDIS_URL if given, else a redis-server started for this session and stopped after.

    Tests may flush the database they get, so the suite never picks a Redis by itself
    (such as whatever answers on the standard port).
    """
    if TEST_REDIS_URL:
        yield TEST_REDIS_URL
        return
    executable = shutil.which("redis-server")
    if not executable:
        missing_service("No Redis for the tests: set TEST_REDIS_URL or install redis-server")
    folder = tmp_path_factory.mktemp("redis")
    log = folder / "redis.log"
    port = _free_port()
    arguments = ["--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    server = subprocess.Popen(
        [executable, *arguments, "--dir", str(folder), "--logfile", str(log)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    url = f"redis://127.0.0.1:{port}/0"
    _wait_for_redis(url, server, log)
    yield url
    server.terminate()
    server.wait(timeout=30)


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
