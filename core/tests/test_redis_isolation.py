"""The suite's Redis: the one TEST_REDIS_URL names, else a server it starts itself.

Tests flush the database they get, so picking whatever answers on the standard port
(someone's cache or broker) by default would erase data nobody offered.
"""

import os

import pytest
import redis

import conftest


@pytest.mark.redis
def test_redis_tests_get_the_given_server_or_their_own(redis_url):
    given = os.environ.get("TEST_REDIS_URL")
    if given:
        assert redis_url == given
    else:
        port = redis.Redis.from_url(redis_url).config_get("port")["port"]
        assert port != "6379", "The tests chose the shared Redis by themselves"


def test_no_redis_is_chosen_by_default():
    assert os.environ.get("TEST_REDIS_URL", "") == conftest.TEST_REDIS_URL
