"""The shared cache while Redis is away: reads miss, writes are dropped, pages answer."""

import time

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from .own_services import OwnRedis


@pytest.fixture
def redis_cache(tmp_path):
    """The default cache on a Redis of the test's own, started."""
    redis = OwnRedis(tmp_path)
    redis.start()
    backend = {"BACKEND": "core.cache.FailSoftRedisCache", "LOCATION": redis.url}
    with override_settings(CACHES={"default": backend}):
        yield redis
    redis.stop()


def test_while_redis_is_down_reads_miss_and_writes_are_dropped(redis_cache):
    cache.set("figures", 42)
    assert cache.get("figures") == 42

    redis_cache.stop()
    started = time.monotonic()
    assert cache.get("figures", "missing") == "missing"
    assert cache.get_many(["figures"]) == {}
    assert cache.add("other", 1) is False
    cache.set("figures", 43)
    cache.delete("figures")
    assert time.monotonic() - started < 5

    redis_cache.start()
    cache.set("figures", 44)
    assert cache.get("figures") == 44


@pytest.mark.django_db
@pytest.mark.usefixtures("seeded")
def test_pages_and_the_api_answer_without_the_cache(redis_cache, client, api_client):
    redis_cache.stop()

    assert client.get(reverse("deals:home")).status_code == 200
    assert client.get(reverse("deals:timeline")).status_code == 200
    response = api_client.get("/api/v1/deals/")
    assert response.status_code == 200
    assert response.json()["results"]
