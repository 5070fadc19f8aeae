"""The load-test driver's figures: percentiles, error counting, the time and request bounds.

The driver runs against a stub transport here; the real load is run by hand (`make load`).
"""

import importlib.machinery
import importlib.util
import json
import time
from pathlib import Path

import httpx
import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "load-test"


def _load_driver():
    loader = importlib.machinery.SourceFileLoader("load_test_driver", str(SCRIPT))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


driver = _load_driver()


class StubServer:
    """Answers like the tracker: lists for discovery, 500 for the timeline API, versions
    for deals; counts what it was sent."""

    def __init__(self):
        self.seen = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        self.seen.append((request.method, path, request.headers.get("authorization")))
        if path == "/api/v1/companies/":
            results = [{"slug": "karami-ai", "name": "Karami AI", "name_ar": "كارامي إيه آي"}]
            return httpx.Response(200, json={"results": results, "next": None})
        if path == "/api/v1/deals/":
            return httpx.Response(200, json={"results": [{"slug": "a-deal"}], "next": None})
        if path == "/api/v1/timeline/":
            return httpx.Response(500)
        if path == "/api/v1/deals/a-deal/":
            if request.method == "PATCH":
                assert json.loads(request.content)["version"] == 4
            return httpx.Response(200, json={"version": 4})
        if path == "/api/v1/developments/":
            return httpx.Response(201, json={})
        if path == "/ar/":
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(200, text="ok")


def rows_by_group(rows):
    return {row["group"]: row for row in rows}


@pytest.mark.parametrize(
    ("fraction", "expected"), [(0.5, 50), (0.95, 95), (0.99, 99), (0.01, 1), (1.0, 100)]
)
def test_percentiles_are_nearest_rank(fraction, expected):
    values = [float(n) for n in range(100, 0, -1)]
    assert driver.percentile(values, fraction) == expected


def test_percentile_of_few_or_no_values():
    assert driver.percentile([], 0.99) == 0.0
    assert driver.percentile([0.2, 0.1], 0.5) == 0.1
    assert driver.percentile([0.2, 0.1], 0.95) == 0.2


def test_recorder_counts_non_2xx_3xx_and_exceptions_as_errors():
    recorder = driver.Recorder()
    for status in (200, 204, 302, 304, 404, 429, 500, "ReadTimeout"):
        recorder.record("api", 0.01, status)
    recorder.record("page", 0.03, 200)
    rows = rows_by_group(recorder.summary(elapsed=2.0))
    assert rows["api"]["requests"] == 8
    assert rows["api"]["errors"] == 4
    assert rows["page"]["errors"] == 0
    assert rows["overall"]["requests"] == 9
    assert rows["overall"]["errors"] == 4
    assert rows["overall"]["req_per_s"] == 4.5
    assert rows["api"]["statuses"]["ReadTimeout"] == 1
    assert rows["page"]["p99_ms"] == pytest.approx(30)


def test_a_run_counts_each_group_and_stops_at_its_request_budget():
    server = StubServer()
    rows, _ = driver.load_test(
        "http://stub",
        clients=3,
        duration=30,
        max_requests=600,
        transport=httpx.MockTransport(server),
    )
    groups = rows_by_group(rows)
    assert groups["overall"]["requests"] == 600
    assert sum(row["requests"] for row in rows[:-1]) == 600
    assert groups["api timeline"]["errors"] == groups["api timeline"]["requests"] > 0
    assert groups["api timeline"]["statuses"] == {"500": groups["api timeline"]["requests"]}
    ar_errors = groups["page /ar/"]["statuses"].get("ConnectError", 0)
    assert groups["page /ar/"]["errors"] == ar_errors
    assert groups["overall"]["errors"] == groups["api timeline"]["errors"] + ar_errors
    assert not any(group.startswith("write") for group in groups)
    assert all(authorization is None for _, _, authorization in server.seen)


def test_a_token_adds_writes_that_send_the_version_they_read():
    server = StubServer()
    rows, _ = driver.load_test(
        "http://stub",
        clients=2,
        duration=30,
        token="secret",
        max_requests=2000,
        transport=httpx.MockTransport(server),
    )
    groups = rows_by_group(rows)
    writes = [group for group in groups if group.startswith("write")]
    assert writes
    assert all(groups[group]["errors"] == 0 for group in writes)
    assert {method for method, _, _ in server.seen} >= {"GET", "PATCH", "POST"}
    assert all(authorization == "Token secret" for _, _, authorization in server.seen)


def test_a_run_stops_at_its_deadline():
    started = time.monotonic()
    rows, elapsed = driver.load_test(
        "http://stub",
        clients=2,
        duration=0.3,
        max_requests=10**9,
        transport=httpx.MockTransport(StubServer()),
    )
    assert elapsed < 5
    assert time.monotonic() - started < 5
    assert rows[-1]["requests"] > 0


def test_the_duration_is_bounded_to_a_minute(capsys):
    with pytest.raises(SystemExit):
        driver.main(["http://127.0.0.1:1", "--duration", "61"])
    assert "--duration from 1 to 60" in capsys.readouterr().err


def test_an_empty_server_is_refused_with_a_sentence():
    def empty(request):
        return httpx.Response(200, json={"results": [], "next": None})

    with pytest.raises(SystemExit, match="no companies or no deals"):
        driver.load_test("http://stub", clients=1, duration=1, transport=httpx.MockTransport(empty))


def test_the_token_comes_from_load_token_and_failures_exit_1(monkeypatch, capsys):
    calls = []

    def fake_load_test(url, **options):
        calls.append((url, options))
        recorder = driver.Recorder()
        recorder.record("api deals", 0.01, 500)
        return recorder.summary(1.0), 1.0

    monkeypatch.setenv("LOAD_TOKEN", "from-env")
    monkeypatch.setattr(driver, "load_test", fake_load_test)
    assert driver.main(["http://127.0.0.1:8000/", "--duration", "5"]) == 1
    assert calls == [
        (
            "http://127.0.0.1:8000",
            {"clients": 8, "duration": 5.0, "token": "from-env", "max_requests": 200_000},
        )
    ]
    output = capsys.readouterr()
    assert "with writes" in output.out
    assert "1 requests failed." in output.err
