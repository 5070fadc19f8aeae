"""Production settings read from the environment: HTTPS, HSTS, cookies, CSRF and proxies.

`settings_from` evaluates config/settings.py afresh under a given environment, so each
test sees what a server started with those variables would get.
"""

import os
import runpy
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]
SETTINGS_FILE = ROOT / "config" / "settings.py"

#: Every variable the HTTPS settings read, cleared before each evaluation.
HTTPS_VARIABLES = (
    "DEBUG",
    "ALLOWED_HOSTS",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "CSRF_TRUSTED_ORIGINS",
    "TRUST_X_FORWARDED_PROTO",
)

#: The production set documented in docs/operations.md, behind a TLS proxy.
PRODUCTION = {
    "DEBUG": "0",
    "ALLOWED_HOSTS": "tracker.example",
    "CSRF_TRUSTED_ORIGINS": "https://tracker.example",
    "TRUST_X_FORWARDED_PROTO": "1",
    "SECURE_SSL_REDIRECT": "1",
    "SECURE_HSTS_PRELOAD": "1",
}

PROXIED_SETTINGS = (
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
)


def strong_key() -> str:
    return secrets.token_urlsafe(50)


def settings_from(monkeypatch, **variables: str) -> dict:
    """The settings module's names when evaluated with exactly these HTTPS variables."""
    for name in HTTPS_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SECRET_KEY", strong_key())
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS_FILE))


def test_check_deploy_has_no_warnings_with_the_documented_variables():
    environment = {name: value for name, value in os.environ.items() if name not in HTTPS_VARIABLES}
    environment.update(PRODUCTION, SECRET_KEY=strong_key())
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output


def test_production_protections_are_on_by_default(monkeypatch):
    values = settings_from(monkeypatch, DEBUG="0")
    assert values["SECURE_HSTS_SECONDS"] == 31_536_000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_HSTS_PRELOAD"] is False
    assert values["SECURE_PROXY_SSL_HEADER"] is None
    # Without a proxy saying the request came over HTTPS, a redirect could loop.
    assert values["SECURE_SSL_REDIRECT"] is False


def test_debugging_on_plain_http_needs_no_variable(monkeypatch):
    values = settings_from(monkeypatch, DEBUG="1")
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_HSTS_SECONDS"] == 0
    assert values["SESSION_COOKIE_SECURE"] is False
    assert values["CSRF_COOKIE_SECURE"] is False


def test_each_protection_can_be_turned_off(monkeypatch):
    values = settings_from(
        monkeypatch,
        DEBUG="0",
        SECURE_HSTS_SECONDS="0",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
    )
    assert values["SECURE_HSTS_SECONDS"] == 0
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is False
    assert values["SESSION_COOKIE_SECURE"] is False
    assert values["CSRF_COOKIE_SECURE"] is False


def test_trusted_origins_and_proxy_header_come_from_the_environment(monkeypatch):
    values = settings_from(monkeypatch, **PRODUCTION)
    assert values["CSRF_TRUSTED_ORIGINS"] == ["https://tracker.example"]
    assert values["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_PRELOAD"] is True


def test_hsts_seconds_that_are_not_a_number_are_refused(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="SECURE_HSTS_SECONDS must be a whole number"):
        settings_from(monkeypatch, DEBUG="0", SECURE_HSTS_SECONDS="one year")


def login_through_proxy(values: dict, settings, django_user_model) -> int:
    """POST the admin login as a browser on https://tracker.example through a proxy."""
    for name in PROXIED_SETTINGS:
        setattr(settings, name, values.get(name))
    django_user_model.objects.create_user(
        "operator", password="operator-pass", is_staff=True, is_superuser=True
    )
    proxied = {"HTTP_HOST": "tracker.example", "HTTP_X_FORWARDED_PROTO": "https"}
    client = Client(enforce_csrf_checks=True)
    client.get("/admin/login/", **proxied)
    response = client.post(
        "/admin/login/",
        {
            "username": "operator",
            "password": "operator-pass",
            "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
            "next": "/admin/",
        },
        HTTP_ORIGIN="https://tracker.example",
        **proxied,
    )
    return response.status_code


@pytest.mark.django_db
def test_admin_login_behind_a_tls_proxy_succeeds(monkeypatch, settings, django_user_model):
    values = settings_from(monkeypatch, **PRODUCTION)
    assert login_through_proxy(values, settings, django_user_model) == 302


@pytest.mark.django_db
def test_without_the_proxy_settings_the_login_is_refused(monkeypatch, settings, django_user_model):
    values = settings_from(monkeypatch, DEBUG="0", ALLOWED_HOSTS="tracker.example")
    assert login_through_proxy(values, settings, django_user_model) == 403


def test_the_proxy_header_is_ignored_unless_trusted(monkeypatch, settings):
    values = settings_from(monkeypatch, **{**PRODUCTION, "TRUST_X_FORWARDED_PROTO": "0"})
    for name in PROXIED_SETTINGS:
        setattr(settings, name, values[name])
    response = Client().get("/", HTTP_HOST="tracker.example", HTTP_X_FORWARDED_PROTO="https")
    # Taken for plain HTTP, the request is sent to https://.
    assert response.status_code == 301
    assert response["Location"] == "https://tracker.example/"


@pytest.mark.parametrize(
    "key",
    ["change-me", "CHANGEME", "insecure-development-key-never-use-in-production"],
)
def test_a_placeholder_secret_key_is_refused_in_production(monkeypatch, key):
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY is a published placeholder"):
        settings_from(monkeypatch, DEBUG="0", SECRET_KEY=key)


def test_a_generated_insecure_key_is_refused_in_production(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY is a published placeholder"):
        settings_from(monkeypatch, DEBUG="0", SECRET_KEY="django-insecure-" + strong_key())


def test_any_key_will_do_while_debugging(monkeypatch):
    assert settings_from(monkeypatch, DEBUG="1", SECRET_KEY="change-me")["SECRET_KEY"] == (
        "change-me"
    )
