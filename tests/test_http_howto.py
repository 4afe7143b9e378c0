"""The curl examples of the how-to "Embed over HTTP" run against a real server and print what the page shows.

Every ```` ```console ```` block of ``docs/how-to/http.md`` is a sequence of
commands (``$ `` lines, continued by a trailing backslash) each followed by
its output. The test starts the service (`kim_cooperation.serve.create_app`
under uvicorn) on a free loopback port, runs each command with bash in a
temporary folder (the page's ``http://127.0.0.1:8000`` pointed at that
port, ``kim-cooperation`` at this interpreter's), and compares the output
with the page's: as JSON where the page shows JSON (a string ``"…"`` on
the page matches any value), else line by line.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

PAGE = Path(__file__).resolve().parents[1] / "docs" / "how-to" / "http.md"
ADDRESS = "http://127.0.0.1:8000"
ANY = "…"
"""On the page, a JSON string that stands for any value (a version, a request id)."""

pytestmark = pytest.mark.skipif(
    shutil.which("curl") is None or shutil.which("jq") is None,
    reason="the page's examples use curl and jq",
)


def _unfinished(lines: list[str]) -> bool:
    """Whether a command goes on: a trailing backslash, or a quotation still open."""
    text = "\n".join(lines)
    if text.endswith("\\"):
        return True
    try:
        shlex.split(text)
    except ValueError:
        return True
    return False


def _examples() -> list[tuple[int, str, str]]:
    """``(line, command, expected output)`` for every command of the page's console blocks."""
    found: list[tuple[int, str, str]] = []
    lines = PAGE.read_text(encoding="utf-8").splitlines()
    inside = continuing = False
    entries: list[tuple[int, list[str], list[str]]] = []
    for number, line in enumerate(lines, start=1):
        if not inside:
            inside = line.strip() == "```console"
            continue
        if line.strip() == "```":
            assert not continuing, f"http.md:{number}: the last command goes on"
            found += [
                (start, "\n".join(command), "\n".join(output))
                for start, command, output in entries
            ]
            inside, entries = False, []
        elif continuing:
            entries[-1][1].append(line)
            continuing = _unfinished(entries[-1][1])
        elif line.startswith("$ "):
            entries.append((number, [line[2:]], []))
            continuing = _unfinished(entries[-1][1])
        else:
            assert entries, f"http.md:{number}: output before any command"
            entries[-1][2].append(line)
    return found


EXAMPLES = _examples()


def _matches(expected: object, actual: object) -> bool:
    if expected == ANY:
        return True
    if isinstance(expected, dict) and isinstance(actual, dict):
        return expected.keys() == actual.keys() and all(
            _matches(value, actual[key]) for key, value in expected.items()
        )
    if isinstance(expected, list) and isinstance(actual, list):
        return len(expected) == len(actual) and all(
            _matches(item, other) for item, other in zip(expected, actual, strict=True)
        )
    return type(expected) is type(actual) and expected == actual


def _json(text: str) -> object:
    try:
        return json.loads(text)
    except ValueError:
        return ValueError


def _same(expected: str, actual: str) -> bool:
    whole = _json(expected)
    if whole is not ValueError and expected.strip():
        return _matches(whole, _json(actual))
    wanted, got = expected.strip().splitlines(), actual.strip().splitlines()
    if len(wanted) != len(got):
        return False
    for line, other in zip(wanted, got, strict=True):
        parsed = _json(line)
        if parsed is not ValueError and line.strip()[:1] in '{["':
            if not _matches(parsed, _json(other)):
                return False
        elif line.rstrip() != other.rstrip():
            return False
    return True


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The service on a free loopback port, in a thread of this process; its address."""
    import uvicorn

    from kim_cooperation.serve import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for the page's commands, in order: a later one may read what an earlier wrote."""
    made = tmp_path_factory.mktemp("http-howto")
    script = made / "kim-cooperation"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m kim_cooperation "$@"\n')
    script.chmod(0o755)
    return made


def test_the_page_has_examples() -> None:
    assert len(EXAMPLES) >= 8
    assert all(ADDRESS in command or "kim-cooperation" in command for _, command, _ in EXAMPLES)


@pytest.mark.parametrize(
    ("line", "command", "expected"), EXAMPLES, ids=[str(e[0]) for e in EXAMPLES]
)
def test_each_example_prints_what_the_page_shows(
    server: str, folder: Path, line: int, command: str, expected: str
) -> None:
    environment = {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}
    environment.pop("KIM_COOPERATION_LANG", None)
    completed = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command.replace(ADDRESS, server)],
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0 or re.search(r"kim-cooperation calculate", command), (
        f"http.md:{line}: exit {completed.returncode}\n{completed.stderr}"
    )
    assert _same(expected, completed.stdout), (
        f"http.md:{line}: the page shows\n{expected}\nbut the command printed\n{completed.stdout}"
    )
