"""Promises the project makes to its users and tools: README, CI, migrations."""

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]


def test_readme_begins_with_the_two_setup_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^make \w+", readme, flags=re.MULTILINE)
    assert commands[:2] == ["make run", "make test"]


def test_ci_runs_the_readme_test_command_with_services_required():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, flags=re.MULTILINE)
    assert "REQUIRE_SERVICES=1" in ci
    assert "set -euo pipefail" in ci


def test_python_version_is_pinned_for_pyenv():
    assert (ROOT / ".python-version").read_text().strip() == "3.13.0"


@pytest.mark.django_db
def test_models_and_migrations_agree():
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()
