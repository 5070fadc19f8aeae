"""Checks that the Docker deployment files point at things that exist in this project.

No Docker engine is needed: the commands in docker-compose.yml (health checks included)
and the Dockerfile are parsed, and every management command, Celery app, WSGI target,
executable and URL they name is looked up here; .env.example must document what the
compose file reads.
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

from core.health import PROBES

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
ENV_EXAMPLE = ROOT / ".env.example"
SETTINGS_FILE = ROOT / "config" / "settings.py"
OPERATIONS_GUIDE = ROOT / "docs" / "operations.md"
#: Read outside the settings' own helpers: by dj-database-url and by config/envfile.py.
INDIRECT_VARIABLES = {"DATABASE_URL", "ENV_FILE"}
SERVICES = {"postgres", "redis", "web", "worker", "beat"}
APP_SERVICES = ("web", "worker", "beat")
VENV_BIN = Path(sys.executable).parent
SHELLS = {"sh", "bash"}
SEPARATORS = {"&&", "||", ";"}


def compose_services() -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))["services"]


def dockerfile_instructions(name: str) -> list[str]:
    """The arguments of every `name` instruction, continuation lines joined."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text(encoding="utf-8"))
    return re.findall(rf"^\s*{name}\s+(.+)$", text, flags=re.MULTILINE | re.IGNORECASE)


def dockerfile_cmd() -> list[str]:
    """The argv of the Dockerfile's last CMD, in exec (JSON) or shell form."""
    cmds = dockerfile_instructions("CMD")
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


def healthcheck_commands(service: dict) -> list[list[str]]:
    """The commands of a service's health check: CMD (an argv) or CMD-SHELL (a shell line)."""
    test = service.get("healthcheck", {}).get("test")
    if not test:
        return []
    if isinstance(test, str):
        return split_commands(["sh", "-c", test])
    kind, *rest = test
    if kind == "CMD-SHELL":
        return split_commands(["sh", "-c", rest[0]])
    assert kind == "CMD", f"Unexpected health check {test}"
    return split_commands([str(part) for part in rest])


def app_commands() -> list[list[str]]:
    services = compose_services()
    commands = [
        cmd
        for name in APP_SERVICES
        for cmd in [*service_commands(services[name]), *healthcheck_commands(services[name])]
    ]
    return [*commands, *split_commands(dockerfile_cmd())]


def env_example_names() -> set[str]:
    """The variables .env.example sets or shows commented out."""
    text = ENV_EXAMPLE.read_text(encoding="utf-8")
    return set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]*)=", text, flags=re.MULTILINE))


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


def test_every_service_has_a_health_check():
    missing = sorted(
        name
        for name, service in compose_services().items()
        if not service.get("healthcheck", {}).get("test")
        or service["healthcheck"].get("disable")
        or service["healthcheck"]["test"] == ["NONE"]
    )
    assert not missing, f"Services without a health check: {missing}"


def test_the_web_health_check_asks_readyz_on_the_served_port():
    web = compose_services()["web"]
    code = " ".join(" ".join(command) for command in healthcheck_commands(web))
    urls = re.findall(r"https?://[\w.\-]+:(\d+)(/[\w/]*)", code)
    assert urls, f"No URL in the web health check: {code}"
    gunicorn = next(cmd for cmd in service_commands(web) if cmd[0] == "gunicorn")
    port = Config().parser().parse_args(gunicorn[1:]).bind[0].rpartition(":")[2]
    for url_port, path in urls:
        assert url_port == port
        assert path in PROBES


def test_the_image_compiles_the_translations():
    """Without compilemessages the image served /ar/ in English."""
    runs = dockerfile_instructions("RUN")
    commands = re.findall(r"manage\.py\s+(\w+)", " ".join(runs))
    assert "compilemessages" in commands
    assert any("gettext" in run for run in runs), "msgfmt (gettext) is not installed"
    missing = sorted(set(commands) - set(get_commands()))
    assert not missing, f"Unknown management commands in RUN: {missing}"
    lines = DOCKERFILE.read_text(encoding="utf-8").splitlines()
    instructions = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    text = "\n".join(instructions)
    assert text.index("COPY . .") < text.index("manage.py compilemessages"), "Nothing to compile"


def test_compose_requires_a_secret_key():
    value = compose_services()["web"]["environment"]["SECRET_KEY"]
    assert re.fullmatch(r"\$\{SECRET_KEY:\?[^}]+\}", value), (
        f"SECRET_KEY must be required, without a default: {value}"
    )


def test_env_example_documents_every_variable_compose_reads():
    read = set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)", COMPOSE_FILE.read_text(encoding="utf-8")))
    assert read
    missing = sorted(read - env_example_names())
    assert not missing, f"Not in .env.example: {missing}"


def test_env_example_names_only_variables_the_settings_read():
    settings_text = SETTINGS_FILE.read_text(encoding="utf-8")
    unknown = sorted(name for name in env_example_names() if f'"{name}"' not in settings_text)
    assert not unknown, f"Variables the settings never read: {unknown}"


def test_the_operations_guide_documents_every_variable_the_settings_read():
    settings_text = SETTINGS_FILE.read_text(encoding="utf-8")
    read = set(
        re.findall(
            r"(?:os\.environ\.get|env_bool|env_int|env_list)\(\s*\"([A-Z][A-Z0-9_]*)\"",
            settings_text,
        )
    )
    assert read
    guide = OPERATIONS_GUIDE.read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([A-Z][A-Z0-9_]*)` \|", guide, flags=re.MULTILINE))
    assert documented == read | INDIRECT_VARIABLES
