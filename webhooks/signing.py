"""The signature of a delivery and the HTTP POST that carries it (standard library only).

`X-Tracker-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, keyed with the
subscription's secret: the receiver recomputes it over the raw body and refuses an old
`t`, so a captured delivery cannot be replayed later.
"""

import hashlib
import hmac
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

#: Seconds a delivery may take before it counts as failed.
TIMEOUT_SECONDS = 5
#: Characters of the receiver's answer kept on the delivery row.
EXCERPT_CHARACTERS = 500


def signature(secret: str, body: bytes, timestamp: int | None = None) -> str:
    """The `X-Tracker-Signature` header's value for `body`."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    signed = f"{timestamp}.".encode() + body
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


@dataclass(frozen=True)
class Answer:
    """What came back: a status and the start of the body, or the error that stopped it."""

    status_code: int | None = None
    excerpt: str = ""
    error: str = ""
    #: Not sent at all: the target is not allowed (never worth another try).
    refused: bool = False


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is the receiver's answer, never followed: it could lead anywhere."""

    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def _excerpt(response) -> str:
    return response.read(EXCERPT_CHARACTERS * 4).decode("utf-8", "replace")[:EXCERPT_CHARACTERS]


def post(url: str, body: bytes, headers: dict[str, str]) -> Answer:
    """POST `body` as JSON to `url`; the answer, whatever it is (never raises for HTTP)."""
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/json", "User-Agent": "tracker-webhooks/1"} | headers,
    )
    try:
        with _opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            return Answer(status_code=response.status, excerpt=_excerpt(response))
    except urllib.error.HTTPError as error:
        with error:
            return Answer(status_code=error.code, excerpt=_excerpt(error))
    except (OSError, ValueError) as error:
        return Answer(error=f"{type(error).__name__}: {error}"[:EXCERPT_CHARACTERS])
