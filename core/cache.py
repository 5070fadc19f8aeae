"""The shared cache, which a Redis outage turns into no cache rather than into errors.

Everything the tracker caches (dashboard figures, throttling counts, conditional-GET
stamps) can be computed again or done without for a while, so while Redis cannot be
reached reads miss and writes are dropped, with a warning in the log, and pages and the
API answer from the database. A short socket timeout keeps an unreachable Redis from
holding requests.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError)
#: Seconds to wait for Redis to connect or answer before going without the cache.
SOCKET_TIMEOUT = 0.5
#: At most one warning in this many seconds while Redis is unreachable.
WARNING_INTERVAL = 60


def _fail_soft(method_name: str, fallback):
    method = getattr(RedisCache, method_name)

    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except OUTAGE_ERRORS as error:
            self.warn(error)
            return fallback() if callable(fallback) else fallback

    wrapper.__name__ = method_name
    wrapper.__doc__ = f"`{method_name}`, or {fallback!r} while Redis cannot be reached."
    return wrapper


class FailSoftRedisCache(RedisCache):
    """`RedisCache` whose reads miss and writes are dropped while Redis is unreachable."""

    def __init__(self, server, params):
        options = params.setdefault("OPTIONS", {})
        options.setdefault("socket_connect_timeout", SOCKET_TIMEOUT)
        options.setdefault("socket_timeout", SOCKET_TIMEOUT)
        super().__init__(server, params)
        self._warned_at = -WARNING_INTERVAL

    def warn(self, error: Exception) -> None:
        now = time.monotonic()
        if now - self._warned_at >= WARNING_INTERVAL:
            self._warned_at = now
            logger.warning("The cache is unreachable; answering without it (%s).", error)

    # A missing key reads as the caller's default: `get` returns it when given one.
    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except OUTAGE_ERRORS as error:
            self.warn(error)
            return default

    get_many = _fail_soft("get_many", dict)
    has_key = _fail_soft("has_key", False)
    add = _fail_soft("add", False)
    set = _fail_soft("set", None)
    set_many = _fail_soft("set_many", list)
    touch = _fail_soft("touch", False)
    delete = _fail_soft("delete", False)
    delete_many = _fail_soft("delete_many", None)
    clear = _fail_soft("clear", None)
