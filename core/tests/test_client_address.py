"""Per-client limits count the real client address, not what the client says it is."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from config.settings import env_int
from core.addresses import client_address
from core.api.throttling import ClientAnonRateThrottle


def request_from(remote: str, forwarded: str | None = None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "address"),
    [
        (0, None, "10.0.0.9"),
        (0, "203.0.113.5", "10.0.0.9"),
        (1, None, "10.0.0.9"),
        (1, "", "10.0.0.9"),
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "6.6.6.6, 203.0.113.5", "203.0.113.5"),
        (2, "6.6.6.6, 203.0.113.5, 10.0.0.2", "203.0.113.5"),
        (3, "203.0.113.5", "203.0.113.5"),
    ],
)
def test_the_client_address_believes_only_trusted_proxies(settings, proxies, forwarded, address):
    settings.TRUSTED_PROXIES = proxies
    assert client_address(request_from("10.0.0.9", forwarded)) == address


@pytest.fixture
def three_a_minute(monkeypatch):
    """Anonymous API reads limited to three a minute, counted from zero."""
    monkeypatch.setattr(ClientAnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    cache.clear()
    yield
    cache.clear()


def codes(api_client, forwarded_for: list[str], remote: str = "198.51.100.7") -> list[int]:
    return [
        api_client.get(
            "/api/v1/companies/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=address
        ).status_code
        for address in forwarded_for
    ]


@pytest.mark.django_db
@pytest.mark.usefixtures("three_a_minute")
def test_a_new_forwarded_for_on_each_request_does_not_reset_the_count(api_client):
    spoofed = [f"203.0.113.{n}" for n in range(6)]
    assert codes(api_client, spoofed) == [200, 200, 200, 429, 429, 429]


@pytest.mark.django_db
@pytest.mark.usefixtures("three_a_minute")
def test_behind_a_trusted_proxy_the_address_it_saw_counts(api_client, settings):
    settings.TRUSTED_PROXIES = 1
    first = ["203.0.113.5", "6.6.6.6, 203.0.113.5", "7.7.7.7, 203.0.113.5", "203.0.113.5"]
    assert codes(api_client, first, remote="10.0.0.2") == [200, 200, 200, 429]
    assert codes(api_client, ["203.0.113.6"], remote="10.0.0.2") == [200]


def test_a_trusted_proxies_setting_that_is_not_a_count_stops_the_start(monkeypatch):
    monkeypatch.setenv("TRUSTED_PROXIES", "10.0.0.2")
    with pytest.raises(ImproperlyConfigured, match="whole number of 0 or more"):
        env_int("TRUSTED_PROXIES", 0, minimum=0)
    monkeypatch.setenv("TRUSTED_PROXIES", " 2 ")
    assert env_int("TRUSTED_PROXIES", 0, minimum=0) == 2
