"""The command line: ``kim-cooperation`` and ``python -m kim_cooperation``.

Run without a subcommand, it prints for the built-in Coesfeld agreement the
council paper's two tables for Coesfeld, in German, and each region's
own-share split per town. The subcommands answer what users ask:

* ``report``: that report, for any town, layout and year;
* ``settle --year``: every region's settlement and the billing lines (C4, C7, C9);
* ``deadline --received DATE``, ``deadline --year`` or ``deadline --end
  DATE``: the last day of membership after a notice, or the last day to
  give notice to end on 31 December of a year or on another end of a
  period the notice terms allow (C11); each with a warning when the day is
  a Saturday, a Sunday, a public holiday of the parties' Länder or a day
  listed with ``--closed`` (24.12. for every year, 24.12.2025 once);
* ``project --from --to``: each town's own share per year, with totals
  (C13 run-on included);
* ``scenario``: a baseline and variants (rate change, loss of funding, a
  town's notice with its successor employer, all give notice) side by
  side, from options or from a scenario file whose named variants each
  combine changes (`kim_cooperation.scenario_file`);
* ``explain --party --year``: a town's figure derived step by step, with
  the split key, its reference day and the spans of a year with changes;
* ``billing --year``: the annual billing statements (C9) as an Excel
  workbook (``.xlsx``), CSV or JSON file (``--out``), or as JSON or CSV on
  standard output.

Every subcommand takes ``--agreement FILE`` (an agreement file, TOML or
JSON, or the name of a built-in agreement: ``coesfeld``, the default, or
``example``, the invented "Kreis Musterland" with its cost plans),
``--format text|json|csv`` and ``--lang de|en``. Numbers are in German
format for ``--lang de``. A name that is also a file in the working
directory is refused as ambiguous: write ``./example`` for the file.

Amounts, rates, dates and years are read by `kim_cooperation.parsing`:
``57000``, ``57.000,00`` (de) or ``57,000.00`` (en); ``3 %`` or ``0.03``;
``30.06.2024`` or ``2024-06-30``. Ambiguous forms (``57.000``) are refused,
never guessed. A mistyped town or command gets the closest names as a
suggestion.

Errors in the arguments or the input are printed as one line on standard
error, with exit status 2, in the chosen language where the command line
words them; never a traceback. When the output cannot be written (standard
output closed, a full disk, an encoding that cannot show the text), one
line on standard error says why, with exit status 1; a reader that goes
away (``| head``) ends the program quietly with status 1.

Examples:
    >>> from kim_cooperation.cli import main
    >>> main(["--party", "Rosendahl", "--lang", "en"])  # doctest: +ELLIPSIS
    Kooperationsvereinbarung ...
    Gemeinde Rosendahl – member of region Nord – Budget year 2023
    ...
    0
    >>> main(["deadline", "--received", "2024-06-30", "--lang", "en"])
    Notice received on 2024-06-30: member until 2025-12-31 (18 months to the end of a year, C11)
    2024-06-30 is a Sunday. A letter left in a closed office's mailbox counts as received on the
    next working day, 2024-07-01; membership would then end on 2026-12-31 instead of 2025-12-31.
    What counts is the day the notice actually reached the parties (§ 130 BGB, C11); the date is
    not moved.
    0
"""

from __future__ import annotations

import argparse
import contextlib
import contextvars
import datetime as dt
import difflib
import errno
import json
import os
import re
import sys
import unicodedata
import warnings
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NoReturn

import attrs

from kim_cooperation import __version__
from kim_cooperation._checks import check_lang
from kim_cooperation.errors import KimCooperationError, Phrase
from kim_cooperation.i18n import N_, translate
from kim_cooperation.impact import Layout

if TYPE_CHECKING:
    from kim_cooperation.agreement import Agreement
    from kim_cooperation.billing import AdvanceKey
    from kim_cooperation.export import Result
    from kim_cooperation.formatting import Lang
    from kim_cooperation.notice import NoticeTerms
    from kim_cooperation.party import Party
    from kim_cooperation.projection import CostPlan
    from kim_cooperation.scenario import Variant
    from kim_cooperation.settlement import Settlement

__all__ = ["main"]

_FORMATS: Final = ("text", "json", "csv")

BUILT_IN: Final = ("coesfeld", "example")
"""The names ``--agreement`` takes for the built-in agreements."""


_LANG: Final[contextvars.ContextVar[Lang]] = contextvars.ContextVar("lang", default="de")
"""The language of the messages while the arguments are read, before ``--lang`` is known."""


def _t(message: str) -> str:
    """``message``, written in English, in the language of `_LANG`, from the catalogue."""
    return translate(message, _LANG.get())


_ARGPARSE_MESSAGES: Final = (
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("expected %s argument"),
    N_("expected %s arguments"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("invalid %(type)s value: %(value)r"),
)
"""The messages of `argparse`'s own that reach `_Parser.error`, already filled in, in English.

`argparse` translates them with the process's default `gettext` domain,
which this package must not change; `_argparse_message` matches the English
text against these and fills in the catalogue's form instead.
"""

_PLACEHOLDER: Final = re.compile(r"%(?:\((\w+)\))?[sr]")


def _argparse_message(message: str) -> str:
    """An `argparse` error message in the language of `_LANG` (the English one if unknown).

    Examples:
        >>> token = _LANG.set("de")
        >>> _argparse_message("argument --year: expected one argument")
        'Argument --year: erwartet ein Argument'
        >>> _LANG.reset(token)
    """
    for template in _ARGPARSE_MESSAGES:
        parts = _PLACEHOLDER.split(template)
        # split gives literal, name, literal, name, ...: literals at even places.
        pattern = "".join(
            re.escape(part) if index % 2 == 0 else "(.+?)" for index, part in enumerate(parts)
        )
        match = re.fullmatch(pattern, message, flags=re.DOTALL)
        if match is None:
            continue
        names = parts[1::2]
        values = [
            _argparse_message(value) if name == "message" else value
            for name, value in zip(names, match.groups(), strict=True)
        ]
        pieces = _PLACEHOLDER.split(_t(template))
        filled = iter(values)
        return "".join(
            piece if index % 2 == 0 else next(filled) for index, piece in enumerate(pieces)
        )
    return message


class _ArgumentsError(Exception):
    """Bad command-line arguments, reported by `main` as one line with exit status 2."""


class _Refused(Exception):  # noqa: N818 - not an error class of the library's
    """A value the arguments give and the library refuses; `main` reports it with exit status 2.

    Not a `ValueError`, so that `argparse` lets it through with its message
    instead of replacing it with "invalid value".
    """

    def __init__(self, error: KimCooperationError) -> None:
        super().__init__(error)
        self.error = error


class _OutputFailed(Exception):  # noqa: N818 - not an error class of the library's
    """Standard output cannot take the output; `main` reports it with exit status 1.

    Attributes:
        message: What went wrong, in the chosen language; empty when the
            reader went away (``| head``), which is not reported.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _Reader:
    """An option's type: reads the text typed with `kim_cooperation.parsing` (or alike).

    Called by `_Parser` with the option's name, so that a message names it
    (``--rate '57.000' ist mehrdeutig: ...``), in the language of `_LANG`.
    """

    def __init__(self, read: Callable[..., object], name: str) -> None:
        self._read = read
        self.__name__ = name  # argparse names a type by it in its own messages

    def __call__(self, text: str, *, what: str | None = None) -> object:
        try:
            return self._read(text, lang=_LANG.get(), what=what)
        except KimCooperationError as error:
            raise _Refused(error) from None


def _read_date(text: str, *, lang: Lang, what: str | None) -> dt.date:
    from kim_cooperation.parsing import parse_date  # noqa: PLC0415

    return parse_date(text, lang=lang, what=what)


def _read_year(text: str, *, lang: Lang, what: str | None) -> int:
    from kim_cooperation.parsing import parse_year  # noqa: PLC0415

    return parse_year(text, lang=lang, what=what)


def _read_amount(text: str, *, lang: Lang, what: str | None) -> Decimal:
    from kim_cooperation.parsing import parse_amount  # noqa: PLC0415

    return parse_amount(text, lang=lang, what=what)


def _read_rate(text: str, *, lang: Lang, what: str | None) -> Decimal:
    from kim_cooperation.parsing import parse_rate  # noqa: PLC0415

    return parse_rate(text, lang=lang, what=what)


def _named(text: str, what: str | None, example: Phrase) -> tuple[str, str]:
    """Split ``TOWN=VALUE`` at its last ``=``."""
    from kim_cooperation.errors import InvalidValueError  # noqa: PLC0415

    name, separator, value = text.rpartition("=")
    if not separator or not name.strip():
        raise InvalidValueError(
            N_("{option} expects {example}; got {text}"),
            option=what or "TOWN=…",
            example=example,
            text=repr(text),
        )
    return name, value


def _read_notice(text: str, *, lang: Lang, what: str | None) -> tuple[str, dt.date, str | None]:
    example = Phrase(N_("TOWN=DATE, such as Rosendahl={day}"), day=dt.date(2024, 6, 30))
    name, day = _named(text, what, example)
    return name, _read_date(day, lang=lang, what=f"{what or ''} {name}=".lstrip()), None


def _read_advance(text: str, *, lang: Lang, what: str | None) -> tuple[str, Decimal]:
    example = Phrase(
        N_("TOWN=AMOUNT, such as Billerbeck=4000 or Billerbeck={amount}"),
        amount="4.000,00" if lang == "de" else "4,000.00",
    )
    name, amount = _named(text, what, example)
    return name, _read_amount(amount, lang=lang, what=f"{what or ''} {name}=".lstrip())


_date: Final = _Reader(_read_date, "date")
_year: Final = _Reader(_read_year, "year")
_amount: Final = _Reader(_read_amount, "amount")
_rate: Final = _Reader(_read_rate, "rate")
_notice: Final = _Reader(_read_notice, "notice")
_advance: Final = _Reader(_read_advance, "advance")


class _Successor(argparse.Action):
    """``--successor TOWN``: the successor employer named by the ``--notice`` before it (C3, I8)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        from kim_cooperation.errors import InvalidValueError  # noqa: PLC0415

        notices = list(getattr(namespace, "notice", None) or [])
        if not notices:
            raise _Refused(
                InvalidValueError(
                    N_(
                        "--successor {town} follows the --notice of the employer that leaves, "
                        "such as --notice Coesfeld={day} --successor Billerbeck"
                    ),
                    town=repr(values),
                    day=dt.date(2024, 6, 30),
                )
            )
        name, day, successor = notices[-1]
        if successor is not None:
            raise _Refused(
                InvalidValueError(
                    N_(
                        "--notice {town} already names the successor {successor}; "
                        "one --successor a --notice"
                    ),
                    town=name,
                    successor=successor,
                )
            )
        notices[-1] = (name, day, values)
        namespace.notice = notices


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


def _common(*, defaults: bool) -> _Parser:
    """The options every command takes.

    Only the top-level parser sets defaults: a subcommand's parser writes an
    option only when it is given, so ``--lang en settle`` and ``settle --lang
    en`` mean the same (argparse would otherwise let the subcommand's default
    overwrite the value given before it).
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
        choices=_FORMATS,
        default=_default("text", defaults=defaults),
        help=_t("output format (default: text)"),
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
    common = _common(defaults=False)
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
        "report", parents=[common], help=_t("the financial-impact tables and every region's split")
    )
    _report_options(report, defaults=False)

    settle = commands.add_parser(
        "settle", parents=[common], help=_t("a year's settlement and billing lines (C4, C7, C9)")
    )
    settle.add_argument(
        "--year", type=_year, required=True, metavar=_t("YEAR"), help=_t("the year to settle")
    )

    deadline = commands.add_parser(
        "deadline", parents=[common], help=_t("notice deadlines and termination dates (C11)")
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
        "project", parents=[common], help=_t("each town's own share per year (C4, C7, C12, C13)")
    )
    _years(project)

    scenario = commands.add_parser(
        "scenario",
        parents=[common],
        help=_t("compare the agreement with variants, per town and year"),
    )
    _years(scenario)
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
        "explain", parents=[common], help=_t("a town's own share derived step by step")
    )
    explain.add_argument(
        "--party", required=True, metavar=_t("TOWN"), help=_t("the town: name or AGS")
    )
    explain.add_argument(
        "--year", type=_year, required=True, metavar=_t("YEAR"), help=_t("the year")
    )

    billing = commands.add_parser(
        "billing",
        parents=[common],
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
    return parser


@attrs.frozen
class _Source:
    """The agreement and cost plans a command works on, and where they come from."""

    agreement: Agreement
    plans: Mapping[int, CostPlan]
    notes: tuple[str, ...]
    default_party: str | None

    def plan_for(self, year: int) -> tuple[CostPlan, int]:
        """The plan for ``year``: its own, else the latest earlier one, and its year."""
        earlier = [planned for planned in self.plans if planned <= year]
        if not earlier:
            from kim_cooperation.errors import InvalidValueError  # noqa: PLC0415

            planned_years = sorted(self.plans)
            raise InvalidValueError(
                N_("no cost plan for {year} or an earlier year; the plans cover {years}"),
                year=year,
                years=", ".join(str(planned) for planned in planned_years),
            )
        chosen = max(earlier)
        return self.plans[chosen], chosen


def _built_in(name: str | None) -> str | None:
    """The built-in agreement ``--agreement`` names, or ``None`` for a file.

    Raises:
        InvalidValueError: The name is a built-in agreement's and a file or
            folder of that name exists too.
    """
    if name is None:
        return "coesfeld"
    if name.casefold() not in BUILT_IN:
        return None
    if Path(name).exists():
        from kim_cooperation.errors import InvalidValueError  # noqa: PLC0415

        raise InvalidValueError(
            N_(
                "--agreement {name} is ambiguous: it names the built-in {built_in} agreement "
                "and the file {file} in {folder}; write --agreement ./{name} for the file, "
                "or rename it"
            ),
            name=name,
            built_in=name.casefold(),
            file=repr(name),
            folder=Path.cwd(),
        )
    return name.casefold()


def _source(name: str | None, lang: str) -> _Source:
    from kim_cooperation import presets  # noqa: PLC0415

    built_in = _built_in(name)
    if built_in == "coesfeld":
        note = translate(
            N_(
                "Costs: Region Nord from the council paper 2023; Mitte and Süd as a planning "
                "assumption (Region Nord's cost per full-time post)."
            ),
            check_lang(lang),
        )
        return _Source(
            agreement=presets.coesfeld(),
            plans={2023: presets.coesfeld_planning_costs_2023()},
            notes=(note,),
            default_party="Coesfeld",
        )
    if built_in == "example":
        note = translate(
            N_(
                "Invented example “Kreis Musterland”: the towns, inhabitants and costs are "
                "made up."
            ),
            check_lang(lang),
        )
        return _Source(
            agreement=presets.example(),
            plans=presets.example_cost_plans(),
            notes=(note,),
            default_party=None,
        )
    from kim_cooperation.files import load_agreement  # noqa: PLC0415

    document = load_agreement(Path(str(name)))
    return _Source(
        agreement=document.agreement, plans=document.cost_plans, notes=(), default_party=None
    )


def _carried(year: int, planned: int, lang: str, *, until: int | None = None) -> str:
    years = str(year) if until is None or until == year else f"{year}–{until}"
    return translate(
        N_("The cost plan of {planned} is carried forward unchanged to {years}."), check_lang(lang)
    ).format(planned=planned, years=years)


def _emit(result: Result, arguments: argparse.Namespace, text: Callable[[], str]) -> str:
    if arguments.format == "text":
        return text()
    from kim_cooperation import export  # noqa: PLC0415

    if arguments.format == "json":
        return export.to_json(result)
    return export.to_csv(result, lang=arguments.lang).rstrip("\n")


def _run_report(arguments: argparse.Namespace) -> str:
    from kim_cooperation import report, settle  # noqa: PLC0415
    from kim_cooperation.impact import financial_impact  # noqa: PLC0415

    if (
        _built_in(arguments.agreement) == "coesfeld"
        and arguments.format == "text"
        and arguments.year in (None, 2023)
    ):
        from kim_cooperation import presets  # noqa: PLC0415

        chosen = _town(presets.coesfeld(), arguments.party or "Coesfeld", arguments, "--party")
        return report.default_report(party=chosen, layout=arguments.layout, lang=arguments.lang)
    source = _source(arguments.agreement, arguments.lang)
    year = arguments.year if arguments.year is not None else min(source.plans, default=2023)
    plan, planned = source.plan_for(year)
    settlement = settle(source.agreement, year, plan)
    party: str | Party = (
        _town(source.agreement, arguments.party, arguments, "--party")
        if arguments.party
        else source.default_party
        or source.agreement.employer_of(settlement.regions[0].region, year)
    )
    impact = financial_impact(settlement, party, layout=arguments.layout)
    notes = [
        *source.notes,
        *([_carried(year, planned, arguments.lang)] if planned != year else []),
    ]

    def text() -> str:
        sections = [report.render_impact(impact, lang=arguments.lang), ""]
        sections.append(report.render_settlement(settlement, lang=arguments.lang, notes=notes))
        return "\n".join(sections)

    return _emit(impact, arguments, text)


def _town(agreement: Agreement, name: str, arguments: argparse.Namespace, what: str) -> Party:
    """The town ``name`` names, or an error with the closest names (C1)."""
    from kim_cooperation._suggestions import party_named  # noqa: PLC0415

    return party_named(agreement, name, what=what)


def _run_settle(arguments: argparse.Namespace) -> str:
    from kim_cooperation import report, settle  # noqa: PLC0415

    source = _source(arguments.agreement, arguments.lang)
    plan, planned = source.plan_for(arguments.year)
    settlement = settle(source.agreement, arguments.year, plan)
    notes = [*source.notes]
    if planned != arguments.year:
        notes.append(_carried(arguments.year, planned, arguments.lang))
    return _emit(
        settlement,
        arguments,
        lambda: report.render_settlement(settlement, lang=arguments.lang, notes=notes),
    )


def _read_closed_day(text: str, *, lang: Lang, what: str | None) -> dt.date | tuple[int, int]:
    from kim_cooperation.closed_days import parse_closed_day  # noqa: PLC0415

    return parse_closed_day(text, lang=lang, what=what)


_closed_day: Final = _Reader(_read_closed_day, "closed day")


def _run_deadline(arguments: argparse.Namespace) -> str:
    from kim_cooperation import notice, report  # noqa: PLC0415
    from kim_cooperation.closed_days import ClosedDays, check_receipt  # noqa: PLC0415

    source = _source(arguments.agreement, arguments.lang)
    terms = source.agreement.notice_terms
    # Weekends, the public holidays of the parties' Länder and the days listed (C11).
    closed = ClosedDays.of(
        source.agreement,
        dates=[day for day in arguments.closed if isinstance(day, dt.date)],
        yearly=[day for day in arguments.closed if isinstance(day, tuple)],
    )
    if arguments.received is not None:
        receipt = check_receipt(
            arguments.received, closed, ends=lambda day: notice.termination_date(day, terms)
        )
        warning = (
            receipt.describe(lang=arguments.lang)
            if receipt.closed or not receipt.day.holidays_checked
            else None
        )
        record = {
            "received": arguments.received.isoformat(),
            "termination": receipt.ends.isoformat(),
            "terms": report.describe_terms(terms, lang=arguments.lang),
            "clause": "C11",
            "closed_day": receipt.closed,
            "next_working_day": _iso(receipt.next_open_day),
            "termination_if_next_working_day": _iso(receipt.ends_if_next_open),
            "holidays_checked": receipt.day.holidays_checked,
            "warning": warning,
        }

        def text() -> str:
            rendered = report.render_termination(
                arguments.received, terms=terms, lang=arguments.lang
            )
            return rendered if warning is None else f"{rendered}\n{warning}"

    else:
        if arguments.end is not None:
            deadline = notice.NoticeDeadline(
                end=arguments.end,
                deadline=notice.latest_notice_date_for(arguments.end, terms),
                terms=terms,
                closed_days=closed,
            )
        else:
            deadline = notice.notice_deadline(arguments.year, terms, closed_days=closed)
        record = {
            "end": deadline.end.isoformat(),
            "deadline": deadline.deadline.isoformat(),
            "falls_on_weekend": deadline.falls_on_weekend,
            "falls_on_closed_day": deadline.falls_on_closed_day,
            "last_working_day": deadline.last_working_day.isoformat(),
            "warning": deadline.warning(lang=arguments.lang),
            "terms": report.describe_terms(terms, lang=arguments.lang),
            "clause": "C11",
        }

        def text() -> str:
            rendered = report.render_deadline(deadline, lang=arguments.lang)
            if arguments.year is None or terms.period_end is notice.PeriodEnd.YEAR:
                return rendered
            return "\n".join([rendered, _other_ends(arguments.year, terms, arguments.lang)])

    if arguments.format == "text":
        return text()
    if arguments.format == "json":
        return json.dumps(record, indent=2, ensure_ascii=False)
    return _csv_row(record, arguments.lang)


_OTHER_ENDS: Final[Mapping[str, str]] = {
    "half-year": N_(
        "Under these terms membership can also end at the end of any half-year, e.g. on "
        "{first}; for its deadline run: deadline --end {iso}"
    ),
    "quarter": N_(
        "Under these terms membership can also end at the end of any calendar quarter, e.g. on "
        "{first}; for its deadline run: deadline --end {iso}"
    ),
    "month": N_(
        "Under these terms membership can also end at the end of any calendar month, e.g. on "
        "{first}; for its deadline run: deadline --end {iso}"
    ),
}


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _other_ends(year: int, terms: NoticeTerms, lang: str) -> str:
    """A hint that the terms allow ends within the year, with the command for one (C11)."""
    from kim_cooperation.formatting import format_date  # noqa: PLC0415

    first = terms.period_end.next_end(dt.date(year, 1, 1))
    chosen = check_lang(lang)
    return translate(_OTHER_ENDS[terms.period_end.value], chosen).format(
        first=format_date(first, lang=chosen), iso=first.isoformat()
    )


_DEADLINE_COLUMNS: Final[Mapping[str, str]] = {
    "received": N_("Received"),
    "termination": N_("Member until"),
    "terms": N_("Notice terms"),
    "clause": N_("Clause"),
    "closed_day": N_("Received on a closed day"),
    "next_working_day": N_("Next working day"),
    "termination_if_next_working_day": N_("Member until if received on the next working day"),
    "holidays_checked": N_("Public holidays checked"),
    "warning": N_("Warning"),
    "end": N_("End"),
    "deadline": N_("Deadline"),
    "falls_on_weekend": N_("Deadline on a weekend"),
    "falls_on_closed_day": N_("Deadline on a closed day"),
    "last_working_day": N_("Last working day"),
    "out": N_("File"),
    "year": N_("Year"),
    "statements": N_("Statements"),
}
"""The German column titles of the one-row CSVs (deadline, billing summary); English CSV
keeps the ids, as the exports do."""


def _csv_row(record: Mapping[str, object], lang: str) -> str:
    import csv  # noqa: PLC0415
    import io  # noqa: PLC0415

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if lang == "de" else ",", lineterminator="\n")
    writer.writerow(
        record if lang != "de" else [translate(_DEADLINE_COLUMNS[key], "de") for key in record]
    )
    writer.writerow([_csv_cell(value) for value in record.values()])
    return buffer.getvalue().rstrip("\n")


def _csv_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"  # as the exports write flags
    return value


def _plans(
    source: _Source, first: int, last: int, lang: str
) -> tuple[Mapping[int, CostPlan], list[str]]:
    notes = list(source.notes)
    plans: dict[int, CostPlan] = {}
    carried: dict[int, list[int]] = {}
    for year in range(first, last + 1):
        plans[year], planned = source.plan_for(year)
        if planned != year:
            carried.setdefault(planned, []).append(year)
    for planned, years in carried.items():
        notes.append(_carried(years[0], planned, lang, until=years[-1]))
    return plans, notes


def _projected_plans(
    source: _Source, arguments: argparse.Namespace
) -> tuple[CostPlan | Mapping[int, CostPlan], list[str]]:
    from kim_cooperation.errors import InvalidValueError  # noqa: PLC0415

    if arguments.last < arguments.first:
        raise InvalidValueError(
            N_("--to {last} is before --from {first}; give the years in order"),
            last=arguments.last,
            first=arguments.first,
        )
    if arguments.growth:
        base, planned = source.plan_for(arguments.first)
        notes = list(source.notes)
        if planned != arguments.first:
            notes.append(_carried(arguments.first, planned, arguments.lang))
        return base, notes
    return _plans(source, arguments.first, arguments.last, arguments.lang)


def _run_project(arguments: argparse.Namespace) -> str:
    from kim_cooperation import report  # noqa: PLC0415
    from kim_cooperation.projection import project  # noqa: PLC0415

    source = _source(arguments.agreement, arguments.lang)
    plans, notes = _projected_plans(source, arguments)
    projection = project(
        source.agreement,
        range(arguments.first, arguments.last + 1),
        plans,
        personnel_growth=arguments.growth,
    )
    return _emit(
        projection,
        arguments,
        lambda: "\n".join([*notes, report.render_projection(projection, lang=arguments.lang)]),
    )


def _variant_name(
    kind: str,
    lang: str,
    day: dt.date,
    *,
    amount: Decimal | None = None,
    party: str = "",
    successor: str | None = None,
) -> str:
    """A scenario's name in the output's language, amounts and days as the output writes them."""
    from kim_cooperation.formatting import format_date, format_eur  # noqa: PLC0415

    chosen: Lang = "de" if lang == "de" else "en"
    shown = format_date(day, lang=chosen)
    money = "" if amount is None else format_eur(amount, lang=chosen)
    names = {
        "rate": N_("rate {money} from {day}"),
        "loss": N_("no funding from {day}"),
        "notice": (
            N_("{town} gives notice {day}")
            if successor is None
            else N_("{town} gives notice {day}, successor {successor}")
        ),
        "all": N_("all give notice {day}"),
    }
    return translate(names[kind], chosen).format(
        money=money, day=shown, town=party, successor=successor
    )


def _percent(rate: Decimal, lang: str) -> str:
    """A rate as a percentage, exactly: ``3 %``, ``2,5 %``."""
    sign, digits, exponent = rate.as_tuple()
    assert isinstance(exponent, int)  # a rate read from text is finite
    shown = f"{Decimal((sign, digits, exponent + 2)):f}"  # times 100, built without rounding
    if "." in shown:
        shown = shown.rstrip("0").rstrip(".")
    return f"{shown.replace('.', ',') if lang == 'de' else shown} %"


def _notice_variant(
    base: Agreement, entry: tuple[str, dt.date, str | None], arguments: argparse.Namespace
) -> tuple[str, Agreement]:
    """``--notice TOWN=DATE [--successor TOWN]``: the variant and its name (C11, C12, C3)."""
    from kim_cooperation import scenario  # noqa: PLC0415
    from kim_cooperation._suggestions import successor_needed  # noqa: PLC0415
    from kim_cooperation.errors import UndecidedCaseError  # noqa: PLC0415

    given, received, named = entry
    party = _town(base, given, arguments, "--notice")
    successor = None if named is None else _town(base, named, arguments, "--successor")
    name = _variant_name(
        "notice",
        arguments.lang,
        received,
        party=party.name,
        successor=None if successor is None else successor.name,
    )
    try:
        return name, scenario.notice_by(base, party, received, successor=successor)
    except UndecidedCaseError:
        if successor is not None:
            raise
        from kim_cooperation.formatting import format_date  # noqa: PLC0415

        town = _t("TOWN")
        day = format_date(received, lang=arguments.lang)
        how = f"--notice {given}={day} --successor {town}"
        message = successor_needed(base, party, received, how=how)
        if message is None:
            raise
        raise UndecidedCaseError(message) from None


def _run_scenario(arguments: argparse.Namespace) -> str:
    from kim_cooperation import report, scenario  # noqa: PLC0415
    from kim_cooperation.errors import InvalidValueError  # noqa: PLC0415

    source = _source(arguments.agreement, arguments.lang)
    base = source.agreement
    variants: dict[str, Agreement | Variant] = {}
    if arguments.file is not None:
        from kim_cooperation.scenario_file import load_scenarios  # noqa: PLC0415

        variants.update(load_scenarios(arguments.file, base, lang=arguments.lang))
    added: list[tuple[str, Agreement]] = []
    if arguments.rate is not None:
        # 1 January of --from by default; a rate of the agreement starting that day (in its
        # first year, its first rate) is replaced: "what if the rate from then on were ...".
        valid_from = arguments.rate_from or dt.date(arguments.first, 1, 1)
        name = _variant_name("rate", arguments.lang, valid_from, amount=arguments.rate)
        added.append((name, scenario.rate_change(base, arguments.rate, valid_from, replace=True)))
    elif arguments.rate_from is not None:
        raise InvalidValueError(N_("--rate-from needs --rate, the new rate"))
    if arguments.loss_from is not None:
        name = _variant_name("loss", arguments.lang, arguments.loss_from)
        added.append((name, scenario.loss_of_funding(base, arguments.loss_from)))
    added.extend(_notice_variant(base, entry, arguments) for entry in arguments.notice)
    if arguments.all_notice is not None:
        name = _variant_name("all", arguments.lang, arguments.all_notice)
        added.append((name, scenario.all_give_notice(base, arguments.all_notice)))
    for name, variant in added:
        if name in variants:
            raise InvalidValueError(
                N_("the variant {name} is given twice; give each variant once"), name=repr(name)
            )
        variants[name] = variant
    if not variants:
        raise InvalidValueError(
            N_(
                "a scenario needs at least one variant: --rate, --loss-from, --notice, "
                "--all-notice or --file"
            )
        )
    plans, notes = _projected_plans(source, arguments)
    for name, given in variants.items():
        growth = given.personnel_growth if isinstance(given, scenario.Variant) else None
        if isinstance(growth, Decimal | int):  # a file's growth, read as a Decimal
            grown = _percent(Decimal(growth), arguments.lang)
            notes.append(
                _t(
                    "Variant “{name}”: personnel costs grown by {grown} a year from the cost "
                    "plan for {year}."
                ).format(name=name, grown=grown, year=arguments.first)
            )
    comparison = scenario.compare(
        base,
        variants,
        range(arguments.first, arguments.last + 1),
        plans,
        personnel_growth=arguments.growth,
    )
    return _emit(
        comparison,
        arguments,
        lambda: "\n".join([*notes, report.render_comparison(comparison, lang=arguments.lang)]),
    )


def _run_explain(arguments: argparse.Namespace) -> str:
    from kim_cooperation import explain, settle  # noqa: PLC0415

    source = _source(arguments.agreement, arguments.lang)
    plan, planned = source.plan_for(arguments.year)
    settlement = settle(source.agreement, arguments.year, plan)
    party = _town(source.agreement, arguments.party, arguments, "--party")
    explanation = explain(settlement, party, lang=arguments.lang)
    notes = [*source.notes]
    if planned != arguments.year:
        notes.append(_carried(arguments.year, planned, arguments.lang))
    return _emit(explanation, arguments, lambda: "\n".join([*notes, explanation.render()]))


def _advances(
    arguments: argparse.Namespace, agreement: Agreement, settlement: Settlement
) -> dict[AdvanceKey, Decimal]:
    """The advances ``--advance TOWN=AMOUNT`` and ``TOWN@EMPLOYER=AMOUNT`` give (C9, I10)."""
    from kim_cooperation.errors import InvalidValueError  # noqa: PLC0415

    advances: dict[AdvanceKey, Decimal] = {}
    for given, amount in arguments.advance:
        town, separator, employer = given.partition("@")
        party = _town(agreement, town, arguments, "--advance").name
        creditors = list(
            dict.fromkeys(
                line.creditor.name for line in settlement.billing if line.debtor.name == party
            )
        )
        if not separator and len(creditors) > 1:
            # After a handover within the year the town owes each employer its part (C9, I10).
            raise InvalidValueError(
                N_(
                    "--advance {given}=... is ambiguous: {town} is billed by {employers} in "
                    "{year}; name the employer the advance was paid to, e.g. "
                    "--advance {town}@{first}={amount}"
                ),
                given=given,
                town=party,
                first=creditors[0],
                employers=Phrase(
                    N_("{names} and {last}"), names=", ".join(creditors[:-1]), last=creditors[-1]
                ),
                year=arguments.year,
                amount=Phrase(N_("AMOUNT")),
            )
        key: AdvanceKey = (
            (party, _town(agreement, employer, arguments, "--advance").name)
            if separator
            else party
        )
        if key in advances:
            shown = f"{key[0]}@{key[1]}" if isinstance(key, tuple) else key
            raise InvalidValueError(N_("--advance names {town} twice"), town=shown)
        advances[key] = amount
    return advances


def _run_billing(arguments: argparse.Namespace) -> str:
    from kim_cooperation import export, settle  # noqa: PLC0415
    from kim_cooperation._atomic import write_text  # noqa: PLC0415
    from kim_cooperation.billing import (  # noqa: PLC0415
        billing_csv,
        billing_statements,
        write_billing_workbook,
    )
    from kim_cooperation.errors import InvalidValueError  # noqa: PLC0415

    out: Path | None = arguments.out
    suffix = None if out is None else out.suffix.lower()
    if out is not None and suffix not in (".xlsx", ".csv", ".json"):
        raise InvalidValueError(
            N_("--out must end in .xlsx, .csv or .json, got {out}"), out=repr(str(out))
        )
    if out is None and arguments.format == "text":
        raise InvalidValueError(
            N_(
                "billing needs --out FILE (.xlsx, .csv or .json), or --format json or csv for "
                "standard output"
            )
        )
    source = _source(arguments.agreement, arguments.lang)
    plan, _ = source.plan_for(arguments.year)
    settlement = settle(source.agreement, arguments.year, plan)
    advances = _advances(arguments, source.agreement, settlement)
    statements = billing_statements(settlement, advances=advances or None)
    if out is None:
        if arguments.format == "json":
            return json.dumps(
                [export.to_dict(statement) for statement in statements],
                indent=2,
                ensure_ascii=False,
            )
        return billing_csv(statements, lang=arguments.lang).rstrip("\n")
    if suffix == ".xlsx":
        write_billing_workbook(statements, out, lang=arguments.lang)
    elif suffix == ".csv":
        # With a byte-order mark Excel opens the German CSV with its umlauts intact.
        encoding = "utf-8-sig" if arguments.lang == "de" else "utf-8"
        write_text(out, billing_csv(statements, lang=arguments.lang), encoding=encoding)
    else:
        data = [export.to_dict(statement) for statement in statements]
        write_text(out, json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    count = len(statements)
    record = {"out": str(out), "year": arguments.year, "statements": count, "clause": "C9"}
    if arguments.format == "json":
        return json.dumps(record, indent=2, ensure_ascii=False)
    if arguments.format == "csv":
        return _csv_row(record, arguments.lang)
    summary = (
        _t("{out} written: {count} statement for {year} (C9)")
        if count == 1
        else _t("{out} written: {count} statements for {year} (C9)")
    ).format(out=out, count=count, year=arguments.year)
    return "\n".join([*source.notes, summary])


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


def _lang_in(argv: Sequence[str]) -> Lang:
    """The language ``--lang`` asks for, read before the arguments are, for their messages."""
    lang: Lang = "de"
    for index, token in enumerate(argv):
        if token == "--":
            break
        option, equals, value = token.partition("=")
        if len(option) >= len("--lan") and "--lang".startswith(option):
            if not equals:
                value = argv[index + 1] if index + 1 < len(argv) else ""
            if value == "en":
                lang = "en"
            elif value == "de":
                lang = "de"
    return lang


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
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
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
    return 0


def _warn(caught: Sequence[warnings.WarningMessage]) -> None:
    """Show the library's warnings as one line each, in the chosen language; pass on others.

    A notice recorded as received on a closed day (`ClosedDayWarning`) is
    such a warning: the command goes on with the day as given.
    """
    from kim_cooperation.errors import KimCooperationWarning  # noqa: PLC0415

    shown: list[str] = []
    for warning in caught:
        message = warning.message
        if not isinstance(message, KimCooperationWarning):
            warnings.warn_explicit(
                message, warning.category, warning.filename, warning.lineno, source=warning.source
            )
            continue
        receipt = getattr(message, "receipt", None)
        describe = getattr(receipt, "describe", None)
        text = _one_line(describe(lang=_LANG.get()) if callable(describe) else message)
        if text not in shown:
            shown.append(text)
    prefix = _t("warning")  # "Warnung" under --lang de
    for text in shown:
        _say_on_stderr(f"kim-cooperation: {prefix}: {text}")


def _say_on_stderr(line: str) -> None:
    stream = sys.stderr
    if stream is not None:
        try:
            stream.write(f"{line}\n")
            stream.flush()
        except (OSError, ValueError):  # standard error closed or full too: the status says it
            pass


def _fail(message: str, status: int) -> int:
    """Print one line on standard error, if there is one to print on; return ``status``."""
    prefix = _t("error")  # "Fehler" under --lang de
    _say_on_stderr(f"kim-cooperation: {prefix}: {message}")
    return status


_REASONS: Final[Mapping[int, str]] = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.EISDIR: N_("Is a directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.ENOSPC: N_("No space left on device"),
    errno.EROFS: N_("Read-only file system"),
    errno.EEXIST: N_("File exists"),
    errno.ENAMETOOLONG: N_("File name too long"),
    errno.EIO: N_("Input/output error"),
    errno.EBADF: N_("Bad file descriptor"),
    errno.EPIPE: N_("Broken pipe"),
}
"""The errors of the operating system the command line meets most, by number, as glibc words them.

Keyed by number, so the German text does not depend on the platform's wording.
"""


def _os_error(error: OSError) -> str:
    """An error of the operating system in the chosen language, with the file it concerns."""
    if _LANG.get() == "en":
        return _one_line(error)
    code = errno.errorcode.get(error.errno or 0, "")
    known = _REASONS.get(error.errno or 0)
    reason = _t(known) if known is not None else error.strerror or _one_line(error)
    reason = f"{reason} ({code})" if code else reason
    return f"{error.filename!r}: {reason}" if error.filename is not None else reason


def _write_out(text: str) -> None:
    """Write ``text`` on standard output and flush it, or raise `_OutputFailed` saying why.

    Text standard output cannot encode is refused before anything is
    written, so the output is whole or absent.
    """
    stream = sys.stdout
    closed = _t("standard output is closed; nothing was written")
    if stream is None:  # started with standard output closed (>&-)
        raise _OutputFailed(closed)
    encoding = getattr(stream, "encoding", None)
    if isinstance(encoding, str):
        try:
            text.encode(encoding, getattr(stream, "errors", None) or "strict")
        except UnicodeEncodeError as error:
            char = error.object[error.start]
            name = unicodedata.name(char, f"U+{ord(char):04X}")
            raise _OutputFailed(
                _t(
                    "standard output (encoding {encoding}) cannot show {char} ({name}); "
                    "nothing was written. Set PYTHONIOENCODING=utf-8"
                ).format(encoding=encoding, char=repr(char), name=name)
            ) from None
        except LookupError:  # an encoding Python does not know: let the write decide
            pass
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        # The reader went away (``kim-cooperation | head``): not an error of ours.
        _quiet_stdout()
        raise _OutputFailed("") from None
    except OSError as error:
        _quiet_stdout()
        raise _OutputFailed(
            _t("cannot write to standard output: {reason}").format(
                reason=_os_error(error) if error.filename is None else error.strerror or str(error)
            )
        ) from None
    except ValueError:  # written to after it was closed
        raise _OutputFailed(closed) from None


def _quiet_stdout() -> None:
    """Point standard output at the null device, so the interpreter's last flush is quiet.

    What is still buffered after a failed write would be written, and fail,
    again at exit, with a message and a status of its own.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no descriptor of its own (a test's capture)
        pass


def _one_line(error: BaseException | str) -> str:
    """The message of ``error`` on one line, in the chosen language if it is the library's."""
    text = error.describe(_LANG.get()) if isinstance(error, KimCooperationError) else str(error)
    return " ".join(text.split())
