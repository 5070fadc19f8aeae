"""The local `.env` file: written by `make run`, read by manage.py, never by the tests."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import get_commands

from config.envfile import DEFAULT_PATH, env_file_path, load_env_file, parse_env_file

ROOT = Path(__file__).resolve().parents[2]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def clean_environment(**variables: str) -> dict[str, str]:
    """The test's environment without anything that configures Django, plus `variables`."""
    kept = {"PATH", "HOME", "LANG", "DATABASE_URL", "PYTHONPATH"}
    environment = {name: value for name, value in os.environ.items() if name in kept}
    return {**environment, **variables}


def test_variables_missing_from_the_environment_are_added(tmp_path, monkeypatch):
    monkeypatch.delenv("TRACKER_TEST_A", raising=False)
    monkeypatch.delenv("TRACKER_TEST_B", raising=False)
    monkeypatch.setenv("TRACKER_TEST_C", "from the environment")
    path = write(
        tmp_path / ".env",
        "# a comment\n\nTRACKER_TEST_A=plain\nTRACKER_TEST_B = 'quoted value'\n"
        "TRACKER_TEST_C=from the file\n",
    )
    added = load_env_file(path)
    assert added == {"TRACKER_TEST_A": "plain", "TRACKER_TEST_B": "quoted value"}
    assert os.environ["TRACKER_TEST_B"] == "quoted value"
    assert os.environ["TRACKER_TEST_C"] == "from the environment"


def test_a_line_that_is_not_a_variable_is_an_error_naming_it(tmp_path):
    path = write(tmp_path / ".env", "DEBUG=1\nexport SECRET_KEY\n")
    with pytest.raises(ImproperlyConfigured, match=r"line 2: expected NAME=value"):
        load_env_file(path)


def test_a_missing_file_adds_nothing(tmp_path):
    assert load_env_file(tmp_path / "absent") == {}


def test_env_file_chooses_the_file_or_none(monkeypatch, tmp_path):
    monkeypatch.setenv("ENV_FILE", str(tmp_path / "other.env"))
    assert env_file_path() == tmp_path / "other.env"
    monkeypatch.setenv("ENV_FILE", "")
    assert env_file_path() is None
    monkeypatch.delenv("ENV_FILE")
    assert env_file_path() == DEFAULT_PATH


def test_the_test_suite_reads_no_env_file():
    """conftest.py empties ENV_FILE, for this process and the programs tests start."""
    assert os.environ.get("ENV_FILE") == ""


def test_manage_py_starts_with_only_the_env_file(tmp_path):
    path = write(tmp_path / ".env", "DEBUG=1\nSECRET_KEY=" + "k3y-" * 20 + "\n")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=clean_environment(ENV_FILE=str(path)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_make_writes_the_env_file_once(tmp_path):
    """The `.env` target writes DEBUG=1 and a long random key, and never overwrites."""
    command = ["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), "-C", str(tmp_path)]
    subprocess.run([*command, ".env"], check=True, capture_output=True, timeout=60)
    written = (tmp_path / ".env").read_text(encoding="utf-8")
    variables = parse_env_file(tmp_path / ".env")
    assert variables["DEBUG"] == "1"
    assert len(variables["SECRET_KEY"]) >= 50
    assert len(set(variables["SECRET_KEY"])) >= 5
    assert (tmp_path / ".env").stat().st_mode & 0o077 == 0
    subprocess.run([*command, ".env"], check=True, capture_output=True, timeout=60)
    assert (tmp_path / ".env").read_text(encoding="utf-8") == written


def test_the_env_file_is_ignored_by_git_and_docker():
    ignored = subprocess.run(["git", "check-ignore", "-q", ".env"], cwd=ROOT, check=False)
    assert ignored.returncode == 0, ".env is not in .gitignore"
    dockerignore = (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    assert ".env" in dockerignore


@pytest.mark.parametrize(
    "guide",
    ["README.md", "docs/api.md", "docs/contributing.md", "docs/curators.md", "docs/ingestion.md"],
)
def test_guides_run_manage_py_from_the_virtualenv(guide):
    """`python manage.py` alone would be the system Python, without Django."""
    text = (ROOT / guide).read_text(encoding="utf-8")
    commands = re.findall(r"([^\s`]*python)\s+manage\.py\s+(\w+)", text)
    assert commands
    assert {python for python, _ in commands} == {".venv/bin/python"}
    unknown = {name for _, name in commands} - set(get_commands())
    assert not unknown, f"{guide} names unknown commands: {sorted(unknown)}"
