"""/healthz and /readyz, and the `readiness` command that checks the same things."""

import socket
import time

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, connections


@pytest.fixture
def closed_port():
    """A local port that refuses connections: bound by this test, never listening."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


@pytest.fixture
def unreachable_database(monkeypatch, closed_port):
    """The default alias's settings, as a new connection reads them, at a closed port."""
    current = connections.settings[DEFAULT_DB_ALIAS]
    unreachable = {
        **current,
        "ENGINE": "django.db.backends.postgresql",
        "HOST": "127.0.0.1",
        "PORT": str(closed_port),
        "NAME": "tracker",
        "USER": "tracker",
        "PASSWORD": "",
        "OPTIONS": {},
    }
    monkeypatch.setitem(connections.settings, DEFAULT_DB_ALIAS, unreachable)


def test_healthz_answers_without_the_database(client):
    # No `db` fixture: any query would raise here.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies


def test_probes_skip_host_checks_https_redirects_and_throttling(client, settings):
    settings.ALLOWED_HOSTS = ["tracker.example"]
    settings.SECURE_SSL_REDIRECT = True
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "1/minute"},
    }
    statuses = [client.get("/healthz", HTTP_HOST="10.0.0.7:8000").status_code for _ in range(3)]
    assert statuses == [200, 200, 200]


def test_probes_have_no_language_prefix(client):
    assert client.get("/ar/healthz").status_code == 404


def test_probes_answer_only_reads(client):
    response = client.post("/healthz")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


@pytest.mark.django_db
def test_readyz_reports_each_dependency(client, settings):
    settings.CELERY_BROKER_URL = ""
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
    assert not response.cookies


@pytest.mark.django_db
@pytest.mark.usefixtures("unreachable_database")
def test_readyz_fails_when_the_database_is_unreachable(client, settings):
    settings.CELERY_BROKER_URL = ""
    started = time.monotonic()
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "failed", "cache": "ok"},
    }
    assert time.monotonic() - started < 10


@pytest.mark.django_db
def test_readyz_fails_when_the_cache_is_unreachable(client, settings, closed_port):
    settings.CELERY_BROKER_URL = ""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port}/0",
        }
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "failed"}


@pytest.mark.django_db
def test_readyz_fails_when_the_broker_is_unreachable(client, settings, closed_port):
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{closed_port}/0"
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "ok", "broker": "failed"}


@pytest.mark.redis
@pytest.mark.django_db
def test_readyz_checks_a_configured_broker(client, settings, redis_url):
    settings.CELERY_BROKER_URL = redis_url
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "cache": "ok", "broker": "ok"}


@pytest.mark.django_db
def test_the_readiness_command_prints_each_result(capsys, settings):
    settings.CELERY_BROKER_URL = ""
    call_command("readiness")
    assert capsys.readouterr().out.splitlines() == ["database: ok", "cache: ok"]


def test_the_readiness_command_fails_naming_the_dependency(settings, closed_port):
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{closed_port}/0"
    with pytest.raises(CommandError, match="Not ready: broker did not answer"):
        call_command("readiness", only=["broker"])


def test_the_readiness_command_needs_a_broker_to_check_one(settings):
    settings.CELERY_BROKER_URL = ""
    with pytest.raises(CommandError, match="CELERY_BROKER_URL is not set"):
        call_command("readiness", only=["broker"])
