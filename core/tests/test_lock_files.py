"""The lock files pin what pyproject.toml asks for, with hashes, and installs use them."""

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==([^\s;\\]+)", re.MULTILINE)


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(text: str) -> dict[str, str]:
    return {canonical(name): version for name, version in PIN.findall(text)}


def locked(name: str) -> str:
    return (ROOT / "requirements" / name).read_text()


@pytest.mark.parametrize(
    ("lock", "requirements"),
    [
        ("base.lock", PROJECT["dependencies"]),
        ("dev.lock", PROJECT["dependencies"] + PROJECT["optional-dependencies"]["dev"]),
    ],
)
def test_a_lock_pins_every_requirement_at_the_version_asked_for(lock, requirements):
    wanted = pins("\n".join(requirements))
    assert len(wanted) == len(requirements), "pyproject.toml pins every requirement with =="
    assert {name: pins(locked(lock)).get(name) for name in wanted} == wanted


@pytest.mark.parametrize("lock", ["base.lock", "dev.lock"])
def test_every_locked_package_has_hashes(lock):
    entries = re.split(r"\n(?=[A-Za-z0-9])", locked(lock).strip())
    assert entries
    for entry in entries:
        assert "--hash=sha256:" in entry, entry.splitlines()[0]


def test_installs_check_the_hashes():
    assert "--require-hashes -r requirements/dev.lock" in (ROOT / "Makefile").read_text()
    assert "--require-hashes -r requirements/base.lock" in (ROOT / "Dockerfile").read_text()
