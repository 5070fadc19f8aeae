"""Anonymous API throttling keyed on the real client address (`core.addresses`)."""

from rest_framework.throttling import AnonRateThrottle

from core.addresses import client_address


class ClientAnonRateThrottle(AnonRateThrottle):
    """DRF's anonymous throttle, counting by `client_address` rather than DRF's own reading.

    DRF believes any `X-Forwarded-For` unless `NUM_PROXIES` is set, so a client could
    send a new address with each request and never be limited.
    """

    def get_ident(self, request):
        return client_address(request)
