"""docs/webhooks.md's receiver accepts what the tracker signs, and only that, recently."""

import re
import threading
import time
from http.server import HTTPServer
from pathlib import Path

import pytest

from webhooks import signing

DOC = Path(__file__).resolve().parents[2] / "docs" / "webhooks.md"
SECRET = "0" * 64
BODY = b'{"id":"e","type":"record.created","kind":"deal","record":{"html_url":"u"},"changed":[]}'


@pytest.fixture(scope="module")
def example() -> dict:
    code = re.search(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)[1]
    namespace = {"__name__": "receiver_example"}
    exec(compile(code, str(DOC), "exec"), namespace)
    return namespace


def test_the_example_verifies_the_trackers_signature(example):
    assert example["verified"](SECRET, signing.signature(SECRET, BODY), BODY)


@pytest.mark.parametrize(
    "header",
    [
        signing.signature("1" * 64, BODY),
        signing.signature(SECRET, BODY + b" "),
        signing.signature(SECRET, BODY, timestamp=int(time.time()) - 3600),
        "v1=abc",
        "",
    ],
)
def test_the_example_refuses_forged_altered_and_old_deliveries(example, header):
    assert not example["verified"](SECRET, header, BODY)


def test_the_example_answers_a_real_delivery(example, capsys):
    example["SECRET"] = SECRET
    server = HTTPServer(("127.0.0.1", 0), example["Receiver"])
    server.RequestHandlerClass.log_message = lambda *args: None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/"
    try:
        good = signing.post(url, BODY, {"X-Tracker-Signature": signing.signature(SECRET, BODY)})
        bad = signing.post(url, BODY, {"X-Tracker-Signature": signing.signature("x", BODY)})
    finally:
        server.shutdown()
        server.server_close()
    assert (good.status_code, bad.status_code) == (204, 401)
    assert "record.created deal u []" in capsys.readouterr().out
