"""Service instances a test starts, stops and starts again itself, on ports of its own,
and what tests driving other processes share.

Fault tests take a service away mid-test; they never touch the shared ones the rest of
the suite uses.
"""

import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from django.db import connection

from conftest import missing_service


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


class OwnRedis:
    """A redis-server on a free port, keeping nothing on disk."""

    def __init__(self, directory: Path):
        self.binary = shutil.which("redis-server")
        if self.binary is None:
            missing_service("redis-server is not installed: a fault test starts its own")
        self.port = free_port()
        self.directory = directory
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        arguments = ["--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        arguments += ["--appendonly", "no", "--dir", str(self.directory)]
        log = (self.directory / "redis.log").open("ab")
        self.process = subprocess.Popen([self.binary, *arguments], stdout=log, stderr=log)
        deadline = time.monotonic() + 10
        while not _answers(self.port):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError(f"redis-server did not start on port {self.port}")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None


def wait_for(condition, timeout: float, what: str, log: Path):
    """`condition()`'s first true value within `timeout` seconds; else the test fails,
    showing the log of the processes it waited on."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"Timed out after {timeout}s waiting for {what}. Log:\n{log.read_text()}")


def database_url_of_tests() -> str:
    """The test database as a URL, for processes a test starts (a worker, the stack)."""
    settings = connection.settings_dict
    return (
        f"postgres://{settings['USER']}:{settings['PASSWORD'] or ''}@"
        f"{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}"
    )
