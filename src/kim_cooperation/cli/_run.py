"""`main`: read the arguments, run the command, write its output, and return the exit status.

`main` sets the language of the messages from ``--lang`` before the
arguments are read (`_parsed`); `_main` runs the command `_COMMANDS` names,
shows the library's warnings on standard error, and turns an error into
one line on standard error and an exit status (2 for the arguments or the
input, 1 for output that cannot be written). ``calculate`` answers a JSON
request (`_run_calculate`): a refused request is its error object on
standard output, with exit status 1. ``serve`` runs the HTTP service
(`kim_cooperation.serve.run`) until it is stopped.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Callable, Mapping, Sequence
from typing import Final

from kim_cooperation.cli._billing import _run_billing
from kim_cooperation.cli._calculate import _run_calculate
from kim_cooperation.cli._deadline import _run_deadline
from kim_cooperation.cli._formats import _check_output
from kim_cooperation.cli._language import _LANG, _lang_in
from kim_cooperation.cli._output import (
    _fail,
    _one_line,
    _os_error,
    _OutputFailed,
    _warn,
    _write_out,
)
from kim_cooperation.cli._parser import _ArgumentsError, _parser
from kim_cooperation.cli._projection import _run_project, _run_scenario
from kim_cooperation.cli._readers import _Refused
from kim_cooperation.cli._settle import _run_explain, _run_report, _run_settle
from kim_cooperation.errors import KimCooperationError

_COMMANDS: Final[Mapping[str | None, Callable[[argparse.Namespace], str]]] = {
    None: _run_report,
    "report": _run_report,
    "settle": _run_settle,
    "deadline": _run_deadline,
    "project": _run_project,
    "scenario": _run_scenario,
    "explain": _run_explain,
    "billing": _run_billing,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status.

    Args:
        argv: The arguments, without the program name; ``sys.argv[1:]`` if
            ``None``.

    Returns:
        0 on success; 2 for bad arguments or input, after one line on
        standard error; 1 when the output could not be written (standard
        output closed or full, or an encoding that cannot show the text),
        after one line on standard error, or quietly when the reader went
        away (``kim-cooperation | head``).

    Raises:
        SystemExit: With status 0, after ``--help`` or ``--version`` printed
            their text, as `argparse` does.

    Examples:
        >>> main(["deadline", "--year", "2026", "--lang", "en"])
        To end the agreement on 2026-12-31, notice must be received by 2025-06-30 at the latest
        (18 months to the end of a year, C11).
        0
        >>> main(["deadline", "--received", "yesterday"])  # the error goes to standard error
        2
    """
    given = list(sys.argv[1:] if argv is None else argv)
    token = _LANG.set(_lang_in(given))
    try:
        return _main(given)
    finally:
        _LANG.reset(token)


def _parsed(argv: list[str]) -> argparse.Namespace | int:
    """The arguments, or the exit status after their error was reported."""
    try:
        return _parser().parse_args(argv)
    except _ArgumentsError as error:
        return _fail(str(error), 2)
    except _Refused as refused:
        return _fail(_one_line(refused.error), 2)
    except _OutputFailed as failed:  # --help or --version could not be written
        return _fail(failed.message, 1) if failed.message else 1


def _main(argv: list[str]) -> int:
    arguments = _parsed(argv)
    if isinstance(arguments, int):
        return arguments
    _LANG.set(arguments.lang)
    status = 0
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            if arguments.command == "serve":
                # Runs until stopped; the service logs its own lines.
                from kim_cooperation.serve._command import run  # noqa: PLC0415

                return run(arguments)
            if arguments.command == "calculate":
                # JSON in, JSON out: a refused request is the error object, with status 1.
                output, status = _run_calculate(arguments)
            else:
                _check_output(arguments)
                output = _COMMANDS[arguments.command](arguments)
    except OSError as error:
        return _fail(_os_error(error), 2)
    except (KimCooperationError, ImportError) as error:
        return _fail(_one_line(error), 2)
    finally:
        _warn(caught)
    try:
        _write_out(output + "\n")
    except _OutputFailed as failed:
        return _fail(failed.message, 1) if failed.message else 1
    return status
