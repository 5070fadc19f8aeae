"""Checks that the Docker deployment files point at things that exist in this project.

No Docker engine is needed: the commands in docker-compose.yml and the Dockerfile are
parsed, and every management command, Celery app, WSGI target and executable they name
is looked up here.
"""

import json
import re
import shlex
import shutil
import sys
from importlib import import_module
from pathlib import Path

import pytest
import yaml
from celery import Celery
from celery.app.utils import find_app
from django.conf import settings
from django.core.management import get_commands
from gunicorn.config import Config

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
SERVICES = {"postgres", "redis", "web", "worker", "beat"}
APP_SERVICES = ("web", "worker", "beat")
VENV_BIN = Path(sys.executable).parent
SHELLS = {"sh", "bash"}
SEPARATORS = {"&&", "||", ";"}


def compose_services() -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))["services"]


def dockerfile_cmd() -> list[str]:
    """The argv of the Dockerfile's last CMD, in exec (JSON) or shell form."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text(encoding="utf-8"))
    cmds = re.findall(r"^\s*CMD\s+(.+)$", text, flags=re.MULTILINE | re.IGNORECASE)
    assert cmds, "The Dockerfile has no CMD"
    cmd = cmds[-1].strip()
    return json.loads(cmd) if cmd.startswith("[") else shlex.split(cmd)


def split_commands(argv: list[str]) -> list[list[str]]:
    """Unwrap `sh -c "a && b"` into [a, b]; any other argv is a single command."""
    if len(argv) < 3 or argv[0] not in SHELLS or argv[1] != "-c":
        return [argv]
    lexer = shlex.shlex(argv[2], posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    commands, current = [], []
    for token in lexer:
        if token in SEPARATORS:
            commands.append(current)
            current = []
        else:
            current.append(token)
    commands.append(current)
    return [command for command in commands if command]


def service_commands(service: dict) -> list[list[str]]:
    """The commands a service runs; without `command:` the image's CMD runs."""
    command = service.get("command")
    if command is None:
        argv = dockerfile_cmd()
    elif isinstance(command, str):
        argv = shlex.split(command)
    else:
        argv = [str(part) for part in command]
    return split_commands(argv)


def app_commands() -> list[list[str]]:
    services = compose_services()
    commands = [cmd for name in APP_SERVICES for cmd in service_commands(services[name])]
    return [*commands, *split_commands(dockerfile_cmd())]


def commands_running(executable: str) -> list[list[str]]:
    return [command for command in app_commands() if Path(command[0]).name == executable]


def gunicorn_target(command: list[str]) -> str:
    """The APP_MODULE argument, found with gunicorn's own option parser."""
    positional = Config().parser().parse_args(command[1:]).args
    assert len(positional) == 1, f"Expected one APP_MODULE in {command}"
    return positional[0]


def celery_app_name(command: list[str]) -> str:
    for index, token in enumerate(command):
        if token in {"-A", "--app"}:
            return command[index + 1]
        if token.startswith("--app="):
            return token.removeprefix("--app=")
        if token.startswith("-A") and len(token) > 2:
            return token.removeprefix("-A")
    raise AssertionError(f"No -A/--app in {command}")


def test_compose_defines_the_five_services():
    missing = sorted(SERVICES - set(compose_services()))
    assert not missing, f"Missing services: {missing}"


def test_app_services_share_one_image_and_environment():
    services = compose_services()
    images = {services[name].get("image") for name in APP_SERVICES}
    assert len(images) == 1
    assert None not in images
    assert any("build" in services[name] for name in APP_SERVICES), "Nothing builds the image"
    environments = [services[name].get("environment") for name in APP_SERVICES]
    assert environments[0], "The app services have no environment"
    assert all(environment == environments[0] for environment in environments)


def test_manage_py_subcommands_exist():
    subcommands = [
        command[2]
        for command in app_commands()
        if len(command) > 2
        and Path(command[0]).name.startswith("python")
        and command[1] == "manage.py"
    ]
    assert subcommands, "No service runs manage.py"
    missing = sorted(set(subcommands) - set(get_commands()))
    assert not missing, f"Unknown management commands: {missing}"


def test_celery_apps_are_importable():
    commands = commands_running("celery")
    assert commands, "No service runs celery"
    for command in commands:
        assert isinstance(find_app(celery_app_name(command)), Celery)


# WhiteNoise warns when collectstatic has not run, as in a development checkout.
@pytest.mark.filterwarnings("ignore:No directory at:UserWarning")
def test_gunicorn_targets_are_importable():
    commands = commands_running("gunicorn")
    assert commands, "No service runs gunicorn"
    for command in commands:
        module_name, _, attribute = gunicorn_target(command).partition(":")
        application = getattr(import_module(module_name), attribute or "application")
        assert callable(application)


def test_executables_are_installed():
    executables = {Path(command[0]).name for command in app_commands()}
    assert executables
    missing = sorted(name for name in executables if not shutil.which(name, path=str(VENV_BIN)))
    assert not missing, f"Not installed in {VENV_BIN}: {missing}"


def test_postgres_is_at_least_15():
    image = compose_services()["postgres"]["image"]
    match = re.fullmatch(r"(?:[\w./-]+/)?postgres:(\d+)(?:[.\-][\w.-]*)?", image)
    assert match, f"Cannot tell the PostgreSQL version of image {image!r}"
    assert int(match[1]) >= 15


@pytest.mark.parametrize("source", ["Dockerfile CMD", "web service"])
def test_gunicorn_serves_the_projects_wsgi_application(source):
    """The served target must be the one settings.WSGI_APPLICATION names."""
    if source == "Dockerfile CMD":
        commands = [dockerfile_cmd()]
    else:
        commands = service_commands(compose_services()["web"])
    targets = [gunicorn_target(cmd) for cmd in commands if Path(cmd[0]).name == "gunicorn"]
    module_name, _, attribute = settings.WSGI_APPLICATION.rpartition(".")
    assert targets == [f"{module_name}:{attribute}"]
