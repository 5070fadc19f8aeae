"""Repeated failed sign-ins lock the address and username out for a while."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.urls import reverse

from config.settings import env_int

LOGIN = reverse("admin:login")


def sign_in(client, password: str, **headers):
    data = {"username": "curator", "password": password, "next": reverse("admin:index")}
    return client.post(LOGIN, data, REMOTE_ADDR=headers.pop("remote", "198.51.100.7"), **headers)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def fail(client, times: int, **headers) -> list[int]:
    return [sign_in(client, "wrong", **headers).status_code for _ in range(times)]


@pytest.fixture(autouse=True)
def five_failures_allowed(settings):
    """Five failures lock; a quick password hasher keeps the many sign-ins fast."""
    settings.AXES_FAILURE_LIMIT = 5
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_the_right_password_is_refused_after_five_failures(client, curator):
    assert fail(client, 5) == [200, 200, 200, 200, 429]
    locked = sign_in(client, "curator-pass")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Sign-in locked" in page
    assert "locked for 30 minutes" in page
    assert not signed_in(client)


def test_the_lockout_page_speaks_arabic(client, curator):
    fail(client, 5)
    page = client.post(
        "/ar/admin/login/",
        {"username": "curator", "password": "curator-pass"},
        REMOTE_ADDR="198.51.100.7",
    ).content.decode()
    assert "تسجيل الدخول مقفل" in page


def test_a_success_before_the_limit_starts_the_count_again(client, curator):
    fail(client, 4)
    assert sign_in(client, "curator-pass").status_code == 302
    client.logout()
    fail(client, 4)
    assert sign_in(client, "curator-pass").status_code == 302


def test_a_new_forwarded_for_does_not_escape_the_lockout(client, curator):
    for n in range(5):
        sign_in(client, "wrong", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    assert sign_in(client, "curator-pass", HTTP_X_FORWARDED_FOR="203.0.113.99").status_code == 429


def test_behind_a_trusted_proxy_the_client_it_saw_is_locked_out(client, curator, settings):
    settings.TRUSTED_PROXIES = 1
    proxy = {"remote": "10.0.0.2"}
    for n in range(5):
        sign_in(client, "wrong", HTTP_X_FORWARDED_FOR=f"6.6.6.{n}, 203.0.113.5", **proxy)
    spoofed = sign_in(client, "curator-pass", HTTP_X_FORWARDED_FOR="7.7.7.7, 203.0.113.5", **proxy)
    assert spoofed.status_code == 429
    other = sign_in(client, "curator-pass", HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy)
    assert other.status_code == 302


def test_an_admin_unlocks_a_username_with_a_command(client, curator):
    fail(client, 5)
    call_command("axes_reset_username", "curator")
    assert sign_in(client, "curator-pass").status_code == 302
    assert signed_in(client)


def test_tokens_and_force_login_still_work_while_locked_out(client, curator, curator_api):
    fail(client, 5)
    assert curator_api.post("/api/v1/companies/", {"name": "Lockout Labs"}).status_code == 201
    client.force_login(curator)
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_failure_limit_of_zero_stops_the_start(monkeypatch):
    monkeypatch.setenv("LOGIN_FAILURE_LIMIT", "0")
    with pytest.raises(ImproperlyConfigured, match="whole number of 1 or more"):
        env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
