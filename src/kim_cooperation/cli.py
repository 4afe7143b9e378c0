"""The command line: ``kim-cooperation`` and ``python -m kim_cooperation``.

Run without arguments, it prints for the built-in Coesfeld agreement the
council paper's two tables for Coesfeld, in German, and each region's
own-share split per town.

Errors in the arguments or the input are printed as one line on standard
error, with exit status 2; never a traceback.

Examples:
    >>> from kim_cooperation.cli import main
    >>> main(["--party", "Rosendahl", "--lang", "en"])  # doctest: +ELLIPSIS
    Kooperationsvereinbarung ...
    Gemeinde Rosendahl – member of region Nord – Budget year 2023
    ...
    0
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from kim_cooperation import __version__
from kim_cooperation.errors import KimCooperationError
from kim_cooperation.impact import Layout
from kim_cooperation.report import default_report

__all__ = ["main"]


class _ArgumentsError(Exception):
    """Bad command-line arguments, reported by `main` as one line with exit status 2."""


class _Parser(argparse.ArgumentParser):
    """An argument parser that leaves reporting errors to `main`.

    `argparse` itself would print the usage and the error (two lines) and
    raise `SystemExit`; `main` prints one line and returns 2 instead.
    """

    def error(self, message: str) -> NoReturn:
        raise _ArgumentsError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kim-cooperation",
        description=(
            "Exact numbers and dates for the KIM case-management cooperation agreement "
            "of Kreis Coesfeld. Without options: the council paper's financial-impact "
            "tables for Coesfeld and every region's own-share split per town."
        ),
    )
    parser.add_argument(
        "--party",
        default="Coesfeld",
        help="the town whose financial-impact tables are shown: name or AGS (default: Coesfeld)",
    )
    parser.add_argument(
        "--layout",
        choices=[layout.value for layout in Layout],
        default=Layout.COUNCIL_PAPER.value,
        help="the council paper's labels or the standard NKF lines (default: council-paper)",
    )
    parser.add_argument(
        "--lang", choices=["de", "en"], default="de", help="report language (default: de)"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status.

    Args:
        argv: The arguments, without the program name; ``sys.argv[1:]`` if
            ``None``.

    Returns:
        0 on success, 2 for bad arguments or input (after printing one line
        on standard error).

    Raises:
        SystemExit: With status 0, after ``--help`` or ``--version`` printed
            their text, as `argparse` does.
    """
    parser = _parser()
    try:
        arguments = parser.parse_args(argv)
    except _ArgumentsError as error:
        print(f"kim-cooperation: error: {error}", file=sys.stderr)
        return 2
    try:
        report = default_report(
            party=arguments.party, layout=arguments.layout, lang=arguments.lang
        )
    except KimCooperationError as error:
        print(f"kim-cooperation: error: {error}", file=sys.stderr)
        return 2
    print(report)
    return 0
