"""Which target URLs the tracker may POST to: http or https, and public hosts only.

A subscription names any URL, so without a check the tracker could be made to POST into
its own network (the database, Redis, a cloud's metadata address). A host given as an
address must be public when the subscription is saved; a named host is resolved before
each delivery and every address it resolves to must be public (a name can be pointed
anywhere later). `WEBHOOKS_ALLOW_PRIVATE` lifts the address rule, for development and
tests with a receiver on this machine.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

SCHEMES = {"http", "https"}
#: Names that always mean this machine or its network, whatever DNS says.
LOCAL_NAMES = ("localhost", ".localhost", ".local", ".internal")


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _host(url: str) -> str | None:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - a port that is not a number raises here
    except ValueError:
        return None
    if parts.scheme.lower() not in SCHEMES or not parts.hostname:
        return None
    return parts.hostname.lower().rstrip(".")


def url_problem(url: str) -> str | None:
    """Why `url` cannot be a target, without a DNS lookup; None when it can be saved."""
    host = _host(url)
    if host is None:
        return _("Give an http or https URL with a host name.")
    if settings.WEBHOOKS_ALLOW_PRIVATE:
        return None
    if host == "localhost" or host.endswith(LOCAL_NAMES):
        return _("The URL must point to a public host, not this machine or its network.")
    try:
        public = _is_public(host)
    except ValueError:
        return None
    if not public:
        return _("The URL must point to a public host, not this machine or its network.")
    return None


def delivery_problem(url: str) -> str | None:
    """Why nothing may be sent to `url` now: the saved rule, then where its host resolves."""
    if problem := url_problem(url):
        return problem
    if settings.WEBHOOKS_ALLOW_PRIVATE:
        return None
    host = _host(url)
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError) as error:
        return _("The host could not be resolved (%(error)s).") % {"error": error}
    if not addresses or not all(_is_public(address) for address in addresses):
        return _("The host resolves to an address that is not public.")
    return None
