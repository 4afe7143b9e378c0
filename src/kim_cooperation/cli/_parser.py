"""The argument parser: ``kim-cooperation``, its commands and options, with help from the catalogue.

`_parser` builds the parser: the options every command takes (`_common`),
the report's options, and one subparser per command with its options. Its
help texts are marked for the catalogue, German under ``--lang de``.
`_Parser` leaves reporting errors to `main` (`_ArgumentsError`), reads a
typed value with its option's name, and suggests the closest command or
choice for a mistyped one.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import sys
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, Final, NoReturn

from kim_cooperation import __version__
from kim_cooperation.cli._formats import _FORMATS, _OFFERED, _format_refused
from kim_cooperation.cli._language import _LANG, _argparse_message, _t
from kim_cooperation.cli._output import _one_line, _write_out
from kim_cooperation.cli._readers import (
    _advance,
    _amount,
    _closed_day,
    _date,
    _notice,
    _rate,
    _Reader,
    _Successor,
    _year,
)
from kim_cooperation.i18n import N_
from kim_cooperation.impact import Layout


class _ArgumentsError(Exception):
    """Bad command-line arguments, reported by `main` as one line with exit status 2."""


class _Formatter(argparse.HelpFormatter):
    """Help text with its "usage:" from the catalogue, in the language of `_LANG`."""

    def add_usage(
        self,
        usage: str | None,
        actions: Any,
        groups: Any,
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, _t("usage: ") if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """An argument parser that leaves reporting errors to `main`.

    `argparse` itself would print the usage and the error (two lines) and
    raise `SystemExit`; `main` prints one line and returns 2 instead. It
    reads typed values with their option's name, suggests the closest
    command or choice for a mistyped one, and writes help and version text
    so that a failure to write reaches `main`. Its own words (section
    titles, ``-h``, its error messages) come from the catalogue
    (`kim_cooperation.i18n`), in the language of `_LANG`.
    """

    def __init__(self, *, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        parents = kwargs.pop("parents", [])
        super().__init__(add_help=False, **kwargs)
        self._positionals.title = _t("positional arguments")
        self._optionals.title = _t("options")
        if add_help:  # first, as argparse puts it, with its text from the catalogue
            self.add_argument(
                "-h", "--help", action="help", help=_t("show this help message and exit")
            )
        for parent in parents:  # as argparse.ArgumentParser.__init__ adds them
            self._add_container_actions(parent)
            self._defaults.update(parent._defaults)

    def error(self, message: str) -> NoReturn:
        raise _ArgumentsError(_argparse_message(message))

    def _get_value(self, action: argparse.Action, arg_string: str) -> Any:
        if isinstance(action.type, _Reader):
            option = action.option_strings[-1] if action.option_strings else action.dest
            return action.type(arg_string, what=option)
        return super()._get_value(action, arg_string)

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        choices = action.choices
        if choices is None or value in choices:
            return
        if action.dest == "format" and value in _FORMATS:  # a format another command gives
            command = self.prog.split()[-1] if " " in self.prog else None
            raise _ArgumentsError(_one_line(_format_refused(command, value)))
        names = [str(choice) for choice in choices]
        close = difflib.get_close_matches(str(value), names, n=1)
        fields = {"value": repr(value), "names": ", ".join(names), "close": close[:1]}
        if isinstance(action, argparse._SubParsersAction):
            template = (
                _t("unknown command {value}; did you mean {close}? Commands are: {names}")
                if close
                else _t("unknown command {value}; commands are: {names}")
            )
        else:
            fields["option"] = action.option_strings[-1] if action.option_strings else action.dest
            template = (
                _t(
                    "{option} {value} is not one of the choices; did you mean {close}? "
                    "Choose from: {names}"
                )
                if close
                else _t("{option} {value} is not one of the choices; choose from: {names}")
            )
        fields["close"] = close[0] if close else ""
        raise _ArgumentsError(template.format(**fields))

    def _print_message(self, message: str, file: Any = None) -> None:
        if not message:
            return
        if file is None or file is sys.stdout:  # help and version text
            _write_out(message)
            return
        with contextlib.suppress(AttributeError, OSError):  # as argparse does on standard error
            file.write(message)


def _default(value: object, *, defaults: bool) -> object:
    return value if defaults else argparse.SUPPRESS


_FORMAT_HELP: Final[Mapping[str | None, str]] = {
    None: N_("output format (default: text); each command's help names the formats it gives"),
    "report": N_(
        "output format (default: text); docx: the financial-impact section of the council "
        "paper as a Word document, into --output"
    ),
    "settle": N_(
        "output format (default: text); png, svg or pdf: a region's chart (--region, --chart), "
        "into --output"
    ),
    "project": N_(
        "output format (default: text); png, svg or pdf: the chart, xlsx: the workbook, "
        "into --output"
    ),
    "scenario": N_(
        "output format (default: text); png, svg or pdf: the chart of the differences, "
        "xlsx: the workbook, into --output"
    ),
    "billing": N_(
        "output format (default: text); docx: one letter per paying town, into the folder --out"
    ),
}
"""The help of ``--format`` for the commands that write files besides text, JSON and CSV."""

_PLAIN_FORMAT_HELP: Final = N_("output format (default: text)")
"""The help of ``--format`` for the commands that write text, JSON and CSV only."""


def _common(*, defaults: bool, command: str | None = None) -> _Parser:
    """The options every command takes; ``--format`` with the formats ``command`` gives.

    Only the top-level parser sets defaults: a subcommand's parser writes an
    option only when it is given, so ``--lang en settle`` and ``settle --lang
    en`` mean the same (argparse would otherwise let the subcommand's default
    overwrite the value given before it). The top-level parser takes every
    format, for the command after it; `_check_output` refuses what that
    command does not give.
    """
    common = _Parser(add_help=False)
    common.add_argument(
        "--agreement",
        metavar=_t("FILE"),
        default=_default(None, defaults=defaults),
        help=_t(
            "an agreement file, TOML or JSON, or a built-in agreement: coesfeld (default) or "
            "example (the invented Kreis Musterland, with cost plans 2024-2026)"
        ),
    )
    common.add_argument(
        "--format",
        choices=_FORMATS if defaults else _OFFERED[command],
        default=_default("text", defaults=defaults),
        help=_t(_FORMAT_HELP.get(None if defaults else command, _PLAIN_FORMAT_HELP)),
    )
    common.add_argument(
        "--lang",
        choices=["de", "en"],
        default=_default("de", defaults=defaults),
        help=_t("language and number format (default: de)"),
    )
    return common


def _report_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    parser.add_argument(
        "--party",
        metavar=_t("TOWN"),
        default=_default(None, defaults=defaults),
        help=_t(
            "the town whose financial-impact tables are shown: name or AGS "
            "(default: Coesfeld, or the first region's employer)"
        ),
    )
    parser.add_argument(
        "--layout",
        choices=[layout.value for layout in Layout],
        default=_default(Layout.COUNCIL_PAPER.value, defaults=defaults),
        help=_t("the council paper's labels or the standard NKF lines (default: council-paper)"),
    )
    parser.add_argument(
        "--year",
        type=_year,
        metavar=_t("YEAR"),
        default=_default(None, defaults=defaults),
        help=_t("the budget year (default: the first year with a cost plan, 2023 built in)"),
    )
    _output_option(parser, defaults=defaults)
    _document_date(parser, defaults=defaults)


def _document_date(parser: argparse.ArgumentParser, *, defaults: bool = False) -> None:
    parser.add_argument(
        "--date",
        dest="document_date",
        type=_date,
        metavar=_t("DATE"),
        default=_default(None, defaults=defaults),
        help=_t(
            "the date written on the documents of --format docx, such as 15.03.2024 "
            "(default: today)"
        ),
    )


def _output_option(parser: argparse.ArgumentParser, *, defaults: bool = False) -> None:
    parser.add_argument(
        "--output",
        type=Path,
        metavar=_t("FILE"),
        default=_default(None, defaults=defaults),
        help=_t(
            "the file to write the chart, workbook or document into, named for its format "
            "(report.docx, chart.png); never written on standard output"
        ),
    )


def _years(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="first",
        type=_year,
        required=True,
        metavar=_t("YEAR"),
        help=_t("first year"),
    )
    parser.add_argument(
        "--to", dest="last", type=_year, required=True, metavar=_t("YEAR"), help=_t("last year")
    )
    parser.add_argument(
        "--growth",
        type=_rate,
        default=Decimal(0),
        metavar=_t("RATE"),
        help=_t(
            "yearly growth of personnel costs from the first year's plan, such as 3%% or 0.03, "
            "between -100%% and +100%% (default: 0)"
        ),
    )


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kim-cooperation",
        parents=[_common(defaults=True)],
        description=(
            _t(
                "Exact numbers and dates for the KIM case-management cooperation agreement "
                "of Kreis Coesfeld, or any agreement of the same shape. Without a subcommand: "
                "the council paper's financial-impact tables for Coesfeld and every region's "
                "own-share split per town."
            )
        ),
    )
    _report_options(parser, defaults=True)
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=_t("show the program's version number and exit"),
    )
    commands = parser.add_subparsers(dest="command", metavar=_t("COMMAND"), parser_class=_Parser)

    report = commands.add_parser(
        "report",
        parents=[_common(defaults=False, command="report")],
        help=_t("the financial-impact tables and every region's split"),
    )
    _report_options(report, defaults=False)

    settle = commands.add_parser(
        "settle",
        parents=[_common(defaults=False, command="settle")],
        help=_t("a year's settlement and billing lines (C4, C7, C9)"),
    )
    settle.add_argument(
        "--year", type=_year, required=True, metavar=_t("YEAR"), help=_t("the year to settle")
    )
    _output_option(settle)
    settle.add_argument(
        "--region",
        metavar=_t("REGION"),
        help=_t(
            "the region whose chart is drawn (--format png, svg or pdf); needed when more "
            "than one region is settled"
        ),
    )
    settle.add_argument(
        "--chart",
        choices=["derivation", "key"],
        help=_t(
            "the chart: derivation, from the costs to the towns' parts as a waterfall "
            "(default), or key, each town's share of the own share"
        ),
    )

    deadline = commands.add_parser(
        "deadline",
        parents=[_common(defaults=False, command="deadline")],
        help=_t("notice deadlines and termination dates (C11)"),
    )
    when = deadline.add_mutually_exclusive_group(required=True)
    when.add_argument(
        "--received",
        type=_date,
        metavar=_t("DATE"),
        help=_t("the day a notice was received: when does the party leave?"),
    )
    when.add_argument(
        "--year",
        type=_year,
        metavar=_t("YEAR"),
        help=_t("the year the agreement should end: by when must notice arrive?"),
    )
    when.add_argument(
        "--end",
        type=_date,
        metavar=_t("DATE"),
        help=_t(
            "the day membership should end, an end of a period the notice terms allow "
            "(e.g. 2026-03-31 under quarter terms): by when must notice arrive?"
        ),
    )
    deadline.add_argument(
        "--closed",
        type=_closed_day,
        action="append",
        default=[],
        metavar=_t("DAY"),
        help=_t(
            "a day the offices are closed besides weekends and public holidays: once "
            "(24.12.2025) or every year (24.12.); repeatable"
        ),
    )

    project = commands.add_parser(
        "project",
        parents=[_common(defaults=False, command="project")],
        help=_t("each town's own share per year (C4, C7, C12, C13)"),
    )
    _years(project)
    _output_option(project)

    scenario = commands.add_parser(
        "scenario",
        parents=[_common(defaults=False, command="scenario")],
        help=_t("compare the agreement with variants, per town and year"),
    )
    _years(scenario)
    _output_option(scenario)
    scenario.add_argument(
        "--rate",
        type=_amount,
        metavar="EUR",
        help=_t(
            "variant: a new funding rate per full-time post and year (C6), with --rate-from; "
            "57000, 57000,00 or 57.000,00 (57,000.00 with --lang en)"
        ),
    )
    scenario.add_argument(
        "--rate-from",
        type=_date,
        metavar=_t("DATE"),
        help=_t(
            "the first day of the new rate, which replaces a rate of the agreement starting "
            "that day (default: 1 January of --from)"
        ),
    )
    scenario.add_argument(
        "--loss-from",
        type=_date,
        metavar=_t("DATE"),
        help=_t("variant: no funding from this day on (C10)"),
    )
    scenario.add_argument(
        "--notice",
        type=_notice,
        action="append",
        default=[],
        metavar=_t("TOWN=DATE"),
        help=_t(
            "variant: a town's notice received on DATE (C11, C12); repeatable, one variant each"
        ),
    )
    scenario.add_argument(
        "--successor",
        action=_Successor,
        metavar=_t("TOWN"),
        help=_t(
            "the successor employer for the --notice before it, when a region's employer "
            "leaves and its other towns stay (C3, I8)"
        ),
    )
    scenario.add_argument(
        "--all-notice",
        type=_date,
        metavar=_t("DATE"),
        help=_t("variant: every party gives notice received on DATE (C13)"),
    )
    scenario.add_argument(
        "--file",
        metavar=_t("FILE"),
        help=_t(
            "a scenario file (TOML) of named variants, each combining changes: rate changes, "
            "loss of funding, notices with successors, growth of personnel costs"
        ),
    )

    explain = commands.add_parser(
        "explain",
        parents=[_common(defaults=False, command="explain")],
        help=_t("a town's own share derived step by step"),
    )
    explain.add_argument(
        "--party", required=True, metavar=_t("TOWN"), help=_t("the town: name or AGS")
    )
    explain.add_argument(
        "--year", type=_year, required=True, metavar=_t("YEAR"), help=_t("the year")
    )

    billing = commands.add_parser(
        "billing",
        parents=[_common(defaults=False, command="billing")],
        help=_t("the annual billing statements (C9) as .xlsx, CSV or JSON"),
    )
    billing.add_argument(
        "--year", type=_year, required=True, metavar=_t("YEAR"), help=_t("the year billed")
    )
    billing.add_argument(
        "--out",
        type=Path,
        metavar=_t("FILE"),
        help=_t(
            "where to write: FILE.xlsx (needs the excel extra), FILE.csv or FILE.json; "
            "with --format docx a folder for the letters (needs the docx extra); "
            "without it the statements go to standard output with --format json or csv"
        ),
    )
    billing.add_argument(
        "--advance",
        type=_advance,
        action="append",
        default=[],
        metavar=_t("TOWN=AMOUNT"),
        help=_t(
            "an advance payment already made by a town (Abschlag); repeatable; a town billed "
            "by two employers (a handover within the year) names the employer: TOWN@EMPLOYER=AMOUNT"
        ),
    )
    _document_date(billing)

    calculate = commands.add_parser(
        "calculate",
        help=_t(
            "answer a JSON request (agreement and questions) with JSON, as a budget system "
            "embedding the library asks"
        ),
    )
    calculate.add_argument(
        "request",
        nargs="?",
        default="-",
        metavar=_t("FILE"),
        help=_t("the request as a JSON file; - or nothing reads standard input"),
    )
    calculate.add_argument(
        "--lang",
        choices=["de", "en"],
        default=argparse.SUPPRESS,
        help=_t("the language of texts and messages when the request has no lang (default: de)"),
    )

    serve = commands.add_parser(
        "serve",
        help=_t(
            "answer JSON requests over HTTP (POST /calculate) for budget systems in any "
            "language; needs the serve extra"
        ),
    )
    # The options are the service's own; building them imports neither the service nor the
    # contract, so every command still starts as fast.
    from kim_cooperation.serve._options import add_arguments  # noqa: PLC0415

    add_arguments(serve, lang=_LANG.get())
    serve.add_argument(
        "--lang",
        choices=["de", "en"],
        default=argparse.SUPPRESS,
        help=_t("the language of messages when a request has no lang (default: de)"),
    )
    return parser
