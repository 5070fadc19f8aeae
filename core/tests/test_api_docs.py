"""docs/api.md's examples, run against a live server: each block must succeed and print
the output shown beneath it."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"
BLOCK = re.compile(r"```(sh|python|text)\n(.*?)```", re.DOTALL)


def examples() -> list[tuple[str, str, str]]:
    """(language, code, expected output) for every runnable block, in page order."""
    blocks = BLOCK.findall(DOC.read_text(encoding="utf-8"))
    found = []
    for index, (language, code) in enumerate(blocks):
        if language == "text":
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else ("", "")
        expected = following[1] if following[0] == "text" else ""
        found.append((language, code, expected))
    return found


@pytest.fixture
def published(django_db_serialized_rollback, live_server, curator):
    from rest_framework.authtoken.models import Token

    from sources.seed import seed_load

    seed_load()
    token, _ = Token.objects.get_or_create(user=curator)
    return {
        **os.environ,
        "API": f"{live_server.url}/api/v1",
        "TOKEN": token.key,
        "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}",
    }


def test_the_doc_has_curl_and_python_examples():
    languages = [language for language, _, _ in examples()]
    assert languages.count("sh") >= 3
    assert languages.count("python") >= 3


def test_every_example_runs_and_prints_what_the_doc_says(published):
    for language, code, expected in examples():
        code = code.replace("export API=http://127.0.0.1:8000/api/v1\n", "")
        command = (
            ["bash", "-euo", "pipefail", "-c", code]
            if language == "sh"
            else [
                sys.executable,
                "-c",
                code,
            ]
        )
        run = subprocess.run(command, env=published, capture_output=True, text=True, timeout=60)
        assert run.returncode == 0, f"{code}\n--- stderr:\n{run.stderr}"
        position = 0
        for line in filter(None, expected.splitlines()):
            found = run.stdout.find(line, position)
            assert found >= 0, f"{code}\n--- expected line {line!r} in:\n{run.stdout}"
            position = found + len(line)
