"""The site under gunicorn when its PostgreSQL server stops: 503s, never an HTML 500.

The test starts its own PostgreSQL server (initdb into a temporary folder, pg_ctl on a
free port), migrates it, serves the project from it with gunicorn, stops the server and
reads what an API client and a reader get. The shared PostgreSQL is never touched.
"""

import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import orjson
import pytest

from conftest import postgresql_program
from core.errors import RETRY_AFTER

pytestmark = pytest.mark.pg_ctl

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class OwnPostgreSQL:
    """A throwaway PostgreSQL server; as root its programs run as the `postgres` user."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="own-postgresql-"))
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"
        self.as_user = []
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            os.chown(self.folder, owner.pw_uid, owner.pw_gid)
            self.as_user = ["runuser", "-u", "postgres", "--"]

    def run(self, program: str, *arguments: str) -> None:
        command = [*self.as_user, postgresql_program(program), *arguments]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        data = str(self.folder / "data")
        self.run("initdb", "-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8")
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.folder / "server.log")
        self.run("pg_ctl", "-D", data, "-o", options, "-l", log, "-w", "start")

    def stop(self) -> None:
        data = self.folder / "data"
        if (data / "postmaster.pid").exists():
            self.run("pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def own_postgresql():
    server = OwnPostgreSQL()
    try:
        server.start()
        yield server
    finally:
        server.remove()


@pytest.fixture
def site_on(own_postgresql):
    """gunicorn serving the project, DEBUG off, from the test's own PostgreSQL server."""
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": own_postgresql.url,
        "DEBUG": "0",
        "SECRET_KEY": "database-down-test",
        "ALLOWED_HOSTS": "127.0.0.1",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("CACHE_URL", None)
    python = [sys.executable]
    subprocess.run(
        [*python, "manage.py", "migrate", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )
    server = subprocess.Popen(
        [*python, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers=1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(base)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_until_serving(base: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/api/v1/", timeout=5)
            return
        except OSError:
            time.sleep(0.3)
    raise AssertionError("gunicorn did not start serving within a minute")


def fetch(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_a_stopped_database_is_a_503_with_retry_after(own_postgresql, site_on):
    status, _, _ = fetch(f"{site_on}/api/v1/companies/")
    assert status == 200
    own_postgresql.stop()

    status, headers, body = fetch(f"{site_on}/api/v1/companies/")
    assert (status, headers["Content-Type"]) == (503, "application/json")
    assert headers["Retry-After"] == str(RETRY_AFTER)
    assert "database" in orjson.loads(body)["detail"]

    status, headers, body = fetch(f"{site_on}/companies/openai/")
    assert status == 503
    assert headers["Content-Type"].startswith("text/html")
    assert headers["Retry-After"] == str(RETRY_AFTER)
    assert b"try again" in body
