"""The ``calculate`` command: a JSON request answered with JSON (`kim_cooperation.contract`).

`_run_calculate` reads the request from a file or standard input (``-``),
at most `kim_cooperation.contract.MAX_REQUEST_BYTES`, and gives the
response with exit status 0, or the error object with exit status 1; both
go to standard output, so that a program reads one JSON document either
way. A file that cannot be read is the command line's usual error (exit
status 2, one line on standard error).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kim_cooperation.errors import InvalidValueError
from kim_cooperation.i18n import N_


def _request_bytes(name: str, limit: int) -> bytes:
    """The request's bytes, at most ``limit + 1``: the contract refuses more as too large."""
    if name == "-":
        return sys.stdin.buffer.read(limit + 1)
    with Path(name).open("rb") as file:
        return file.read(limit + 1)


def _run_calculate(arguments: argparse.Namespace) -> tuple[str, int]:
    """The response or the error object as JSON, and the exit status."""
    from kim_cooperation.contract import (  # noqa: PLC0415
        MAX_REQUEST_BYTES,
        RequestError,
        calculate_json,
    )

    given = [
        option
        for option, value in (
            ("--agreement", arguments.agreement),
            ("--format", None if arguments.format == "text" else arguments.format),
        )
        if value is not None
    ]
    if given:
        raise InvalidValueError(
            N_(
                "calculate takes the agreement from the request and writes JSON; "
                "leave out {options}"
            ),
            options=", ".join(given),
        )
    text = _request_bytes(arguments.request, MAX_REQUEST_BYTES)
    try:
        return calculate_json(text, lang=arguments.lang, indent=2), 0
    except RequestError as error:
        return json.dumps(error.to_dict(error.lang), indent=2, ensure_ascii=False), 1
