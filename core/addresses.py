"""The address of the client behind a request, the one key of per-client limits.

`X-Forwarded-For` is written by whoever sends the request, so it is believed only as far
as `TRUSTED_PROXIES` says: that many reverse proxies stand in front of the application,
each appending the address it received the request from. With none (the default) the
header is ignored and the address is the connection's own, `REMOTE_ADDR`. With N, the
client is the N-th address from the end of the header: the one the outermost trusted
proxy saw, whatever the client wrote before it.

The API's throttle and the login lockout both key on this address.
"""

from django.conf import settings


def client_address(request) -> str:
    """The address the API throttle and the login lockout count `request` against."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXIES
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "") if proxies else ""
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if not hops:
        return remote
    return hops[-min(proxies, len(hops))]
