"""Keyset cursors: the last row's sort key and id, as an opaque URL-safe token.

Shared by the API's keyset lists and the timeline page's "more" link. A token that does
not decode is a `ValueError`; each caller decides what that means (a 400, or page one).
"""

import base64
import binascii
import datetime
from decimal import Decimal, InvalidOperation

import orjson


def encode_cursor(key, pk) -> str:
    if isinstance(key, datetime.date):
        key = {"d": key.isoformat()}
    elif isinstance(key, Decimal):
        key = {"n": str(key)}
    return base64.urlsafe_b64encode(orjson.dumps([key, pk])).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple:
    """The (key, pk) of `cursor`; a ValueError if it is not a cursor."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        key, pk = orjson.loads(base64.urlsafe_b64decode(padded))
        if isinstance(key, dict) and "d" in key:
            key = datetime.date.fromisoformat(key["d"])
        elif isinstance(key, dict) and "n" in key:
            key = Decimal(key["n"])
        if not isinstance(pk, int | str):
            raise TypeError
    except (ValueError, TypeError, binascii.Error, orjson.JSONDecodeError, InvalidOperation):
        raise ValueError("Not a cursor.") from None
    return key, pk
