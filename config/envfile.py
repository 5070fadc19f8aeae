"""Variables from a local `.env` file, for the programs started on a developer's machine.

`make run` writes `.env` in the project folder (DEBUG=1 and a random SECRET_KEY) so
that `manage.py` and the WSGI/ASGI applications start without variables set by hand.
A variable already in the environment always wins over the file.

ENV_FILE names another file to read; set to an empty value, no file is read. The test
suite sets it empty (conftest.py), so a developer's `.env` never changes what tests see.

Settings never read the file themselves: `config/__init__.py` imports the Celery app, so
anything loaded on import would reach every process that imports the settings, the test
runner included. Only the entry points call `load_env_file()`.

The format is a line per variable, `NAME=value`; blank lines and lines starting with `#`
are ignored, and one pair of matching quotes around the value is removed. Nothing is
expanded or interpolated.
"""

import os
import re
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

DEFAULT_PATH = Path(__file__).resolve().parent.parent / ".env"
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def env_file_path() -> Path | None:
    """The file to read: ENV_FILE if set (None when empty), else `.env` in the project."""
    chosen = os.environ.get("ENV_FILE")
    if chosen is None:
        return DEFAULT_PATH
    return Path(chosen) if chosen.strip() else None


def parse_env_file(path: Path) -> dict[str, str]:
    """The file's variables; a line that is not `NAME=value` is an error naming it."""
    variables = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        name, equals, value = stripped.partition("=")
        name = name.strip()
        if not equals or not NAME.fullmatch(name):
            raise ImproperlyConfigured(
                f"{path}, line {number}: expected NAME=value, found {stripped!r}."
            )
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        variables[name] = value
    return variables


def load_env_file(path: Path | None = None) -> dict[str, str]:
    """Add the file's variables that the environment lacks; return those added."""
    path = path if path is not None else env_file_path()
    if path is None or not path.is_file():
        return {}
    added = {name: value for name, value in parse_env_file(path).items() if name not in os.environ}
    os.environ.update(added)
    return added
