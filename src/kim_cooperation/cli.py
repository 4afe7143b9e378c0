"""The command line: ``kim-cooperation`` and ``python -m kim_cooperation``.

Run without a subcommand, it prints for the built-in Coesfeld agreement the
council paper's two tables for Coesfeld, in German, and each region's
own-share split per town. The subcommands answer what users ask:

* ``report``: that report, for any town, layout and year;
* ``settle --year``: every region's settlement and the billing lines (C4, C7, C9);
* ``deadline --received DATE``, ``deadline --year`` or ``deadline --end
  DATE``: the last day of membership after a notice, or the last day to
  give notice to end on 31 December of a year or on another end of a
  period the notice terms allow (C11);
* ``project --from --to``: each town's own share per year (C13 run-on included);
* ``scenario``: a baseline and variants (rate change, loss of funding, a
  town's notice, all give notice) side by side;
* ``explain --party --year``: a town's figure derived step by step, with
  the split key, its reference day and the spans of a year with changes;
* ``billing --year --out FILE``: the annual billing statements (C9) as an
  Excel workbook (``.xlsx``) or CSV.

Every subcommand takes ``--agreement FILE`` (an agreement file, TOML or
JSON, or the name of a built-in agreement: ``coesfeld``, the default, or
``example``, the invented "Kreis Musterland" with its cost plans),
``--format text|json|csv`` and ``--lang de|en``. Numbers are in German
format for ``--lang de``. A name that is also a file in the working
directory is refused as ambiguous: write ``./example`` for the file.

Errors in the arguments or the input are printed as one line on standard
error, with exit status 2; never a traceback.

Examples:
    >>> from kim_cooperation.cli import main
    >>> main(["--party", "Rosendahl", "--lang", "en"])  # doctest: +ELLIPSIS
    Kooperationsvereinbarung ...
    Gemeinde Rosendahl – member of region Nord – Budget year 2023
    ...
    0
    >>> main(["deadline", "--received", "2024-06-30", "--lang", "en"])
    Notice received on 2024-06-30: member until 2025-12-31 (18 months to the end of a year, C11)
    0
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Final, NoReturn

import attrs

from kim_cooperation import __version__
from kim_cooperation.errors import KimCooperationError
from kim_cooperation.impact import Layout

if TYPE_CHECKING:
    from kim_cooperation.agreement import Agreement
    from kim_cooperation.export import Result
    from kim_cooperation.notice import NoticeTerms
    from kim_cooperation.projection import CostPlan

__all__ = ["main"]

_FORMATS: Final = ("text", "json", "csv")

BUILT_IN: Final = ("coesfeld", "example")
"""The names ``--agreement`` takes for the built-in agreements."""


class _ArgumentsError(Exception):
    """Bad command-line arguments, reported by `main` as one line with exit status 2."""


class _Parser(argparse.ArgumentParser):
    """An argument parser that leaves reporting errors to `main`.

    `argparse` itself would print the usage and the error (two lines) and
    raise `SystemExit`; `main` prints one line and returns 2 instead.
    """

    def error(self, message: str) -> NoReturn:
        raise _ArgumentsError(message)


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a day as YYYY-MM-DD, got {value!r}") from None


def _year(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 9999:
        raise argparse.ArgumentTypeError(f"expected a year such as 2026, got {value!r}")
    return int(value)


def _decimal(value: str) -> Decimal:
    try:
        amount = Decimal(value.replace(",", ".") if value.count(",") == 1 else value)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(
            f"expected a number such as 57000, got {value!r}"
        ) from None
    if not amount.is_finite():
        raise argparse.ArgumentTypeError(f"expected a finite number, got {value!r}")
    return amount


def _dated(value: str) -> tuple[str, dt.date]:
    name, separator, day = value.rpartition("=")
    if not separator or not name:
        raise argparse.ArgumentTypeError(f"expected TOWN=YYYY-MM-DD, got {value!r}")
    return name, _date(day)


def _amount_for(value: str) -> tuple[str, Decimal]:
    name, separator, amount = value.rpartition("=")
    if not separator or not name:
        raise argparse.ArgumentTypeError(f"expected TOWN=AMOUNT, got {value!r}")
    return name, _decimal(amount)


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
        metavar="FILE",
        default=_default(None, defaults=defaults),
        help="an agreement file, TOML or JSON, or a built-in agreement: coesfeld (default) or "
        "example (the invented Kreis Musterland, with cost plans 2024-2026)",
    )
    common.add_argument(
        "--format",
        choices=_FORMATS,
        default=_default("text", defaults=defaults),
        help="output format (default: text)",
    )
    common.add_argument(
        "--lang",
        choices=["de", "en"],
        default=_default("de", defaults=defaults),
        help="language and number format (default: de)",
    )
    return common


def _report_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    parser.add_argument(
        "--party",
        default=_default(None, defaults=defaults),
        help="the town whose financial-impact tables are shown: name or AGS "
        "(default: Coesfeld, or the first region's employer)",
    )
    parser.add_argument(
        "--layout",
        choices=[layout.value for layout in Layout],
        default=_default(Layout.COUNCIL_PAPER.value, defaults=defaults),
        help="the council paper's labels or the standard NKF lines (default: council-paper)",
    )
    parser.add_argument(
        "--year",
        type=_year,
        default=_default(None, defaults=defaults),
        help="the budget year (default: the first year with a cost plan, 2023 built in)",
    )


def _years(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from", dest="first", type=_year, required=True, metavar="YEAR", help="first year"
    )
    parser.add_argument(
        "--to", dest="last", type=_year, required=True, metavar="YEAR", help="last year"
    )
    parser.add_argument(
        "--growth",
        type=_decimal,
        default=Decimal(0),
        metavar="RATE",
        help="yearly growth of personnel costs from the first year's plan, e.g. 0.03 (default: 0)",
    )


def _parser() -> argparse.ArgumentParser:
    common = _common(defaults=False)
    parser = _Parser(
        prog="kim-cooperation",
        parents=[_common(defaults=True)],
        description=(
            "Exact numbers and dates for the KIM case-management cooperation agreement "
            "of Kreis Coesfeld, or any agreement of the same shape. Without a subcommand: "
            "the council paper's financial-impact tables for Coesfeld and every region's "
            "own-share split per town."
        ),
    )
    _report_options(parser, defaults=True)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    report = commands.add_parser(
        "report", parents=[common], help="the financial-impact tables and every region's split"
    )
    _report_options(report, defaults=False)

    settle = commands.add_parser(
        "settle", parents=[common], help="a year's settlement and billing lines (C4, C7, C9)"
    )
    settle.add_argument("--year", type=_year, required=True, help="the year to settle")

    deadline = commands.add_parser(
        "deadline", parents=[common], help="notice deadlines and termination dates (C11)"
    )
    when = deadline.add_mutually_exclusive_group(required=True)
    when.add_argument(
        "--received",
        type=_date,
        metavar="DATE",
        help="the day a notice was received: when does the party leave?",
    )
    when.add_argument(
        "--year",
        type=_year,
        metavar="YEAR",
        help="the year the agreement should end: by when must notice arrive?",
    )
    when.add_argument(
        "--end",
        type=_date,
        metavar="DATE",
        help="the day membership should end, an end of a period the notice terms allow "
        "(e.g. 2026-03-31 under quarter terms): by when must notice arrive?",
    )

    project = commands.add_parser(
        "project", parents=[common], help="each town's own share per year (C4, C7, C12, C13)"
    )
    _years(project)

    scenario = commands.add_parser(
        "scenario", parents=[common], help="compare the agreement with variants, per town and year"
    )
    _years(scenario)
    scenario.add_argument(
        "--rate",
        type=_decimal,
        metavar="EUR",
        help="variant: a new funding rate per full-time post and year (C6), with --rate-from",
    )
    scenario.add_argument(
        "--rate-from",
        type=_date,
        metavar="DATE",
        help="the first day of the new rate (default: 1 January of --from)",
    )
    scenario.add_argument(
        "--loss-from",
        type=_date,
        metavar="DATE",
        help="variant: no funding from this day on (C10)",
    )
    scenario.add_argument(
        "--notice",
        type=_dated,
        action="append",
        default=[],
        metavar="TOWN=DATE",
        help="variant: a town's notice received on DATE (C11, C12); repeatable, one variant each",
    )
    scenario.add_argument(
        "--all-notice",
        type=_date,
        metavar="DATE",
        help="variant: every party gives notice received on DATE (C13)",
    )

    explain = commands.add_parser(
        "explain", parents=[common], help="a town's own share derived step by step"
    )
    explain.add_argument("--party", required=True, help="the town: name or AGS")
    explain.add_argument("--year", type=_year, required=True, help="the year")

    billing = commands.add_parser(
        "billing", parents=[common], help="the annual billing statements (C9) as .xlsx or CSV"
    )
    billing.add_argument("--year", type=_year, required=True, help="the year billed")
    billing.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FILE",
        help="where to write: FILE.xlsx (needs the excel extra) or FILE.csv",
    )
    billing.add_argument(
        "--advance",
        type=_amount_for,
        action="append",
        default=[],
        metavar="TOWN=AMOUNT",
        help="an advance payment already made by a town (Abschlag); repeatable; a town billed "
        "by two employers (a handover within the year) names the employer: TOWN@EMPLOYER=AMOUNT",
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
                f"no cost plan for {year} or an earlier year; the plans cover {planned_years}"
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
            f"--agreement {name} is ambiguous: it names the built-in {name.casefold()} agreement "
            f"and the file {name!r} in {Path.cwd()}; write --agreement ./{name} for the file, "
            "or rename it"
        )
    return name.casefold()


def _source(name: str | None, lang: str) -> _Source:
    from kim_cooperation import presets  # noqa: PLC0415

    built_in = _built_in(name)
    if built_in == "coesfeld":
        note = {
            "de": "Kosten: Region Nord laut Ratsvorlage 2023; Mitte und Süd als Planungsannahme "
            "(Kosten je Vollzeitstelle der Region Nord).",
            "en": "Costs: Region Nord from the council paper 2023; Mitte and Süd as a planning "
            "assumption (Region Nord's cost per full-time post).",
        }[lang]
        return _Source(
            agreement=presets.coesfeld(),
            plans={2023: presets.coesfeld_planning_costs_2023()},
            notes=(note,),
            default_party="Coesfeld",
        )
    if built_in == "example":
        note = {
            "de": "Erfundenes Beispiel „Kreis Musterland“: Kommunen, Einwohnerzahlen und Kosten "
            "sind ausgedacht.",
            "en": "Invented example “Kreis Musterland”: the towns, inhabitants and costs are "
            "made up.",
        }[lang]
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
    if lang == "de":
        return f"Kostenplan {planned} für {years} unverändert fortgeschrieben."
    return f"The cost plan of {planned} is carried forward unchanged to {years}."


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
        return report.default_report(
            party=arguments.party or "Coesfeld", layout=arguments.layout, lang=arguments.lang
        )
    source = _source(arguments.agreement, arguments.lang)
    year = arguments.year if arguments.year is not None else min(source.plans, default=2023)
    plan, planned = source.plan_for(year)
    settlement = settle(source.agreement, year, plan)
    party = (
        arguments.party
        or source.default_party
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


def _run_deadline(arguments: argparse.Namespace) -> str:
    from kim_cooperation import notice, report  # noqa: PLC0415

    source = _source(arguments.agreement, arguments.lang)
    terms = source.agreement.notice_terms
    if arguments.received is not None:
        ends = notice.termination_date(arguments.received, terms)
        record = {
            "received": arguments.received.isoformat(),
            "termination": ends.isoformat(),
            "terms": terms.describe(),
            "clause": "C11",
        }

        def text() -> str:
            return report.render_termination(arguments.received, terms=terms, lang=arguments.lang)

    else:
        if arguments.end is not None:
            deadline = notice.NoticeDeadline(
                end=arguments.end,
                deadline=notice.latest_notice_date_for(arguments.end, terms),
                terms=terms,
            )
        else:
            deadline = notice.notice_deadline(arguments.year, terms)
        record = {
            "end": deadline.end.isoformat(),
            "deadline": deadline.deadline.isoformat(),
            "falls_on_weekend": deadline.falls_on_weekend,
            "last_working_day": deadline.last_working_day.isoformat(),
            "warning": deadline.warning(),
            "terms": terms.describe(),
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


_PERIODS: Final[Mapping[str, Mapping[str, str]]] = {
    "de": {
        "half-year": "Kalenderhalbjahres",
        "quarter": "Kalendervierteljahres",
        "month": "Kalendermonats",
    },
    "en": {"half-year": "half-year", "quarter": "calendar quarter", "month": "calendar month"},
}


def _other_ends(year: int, terms: NoticeTerms, lang: str) -> str:
    """A hint that the terms allow ends within the year, with the command for one (C11)."""
    first = terms.period_end.next_end(dt.date(year, 1, 1))
    period = _PERIODS[lang][terms.period_end.value]
    if lang == "de":
        return (
            f"Unter diesen Bedingungen kann die Mitgliedschaft auch zum Ende jedes {period} "
            f"enden, etwa zum {first.day:02d}.{first.month:02d}.{first.year}; die Frist dafür "
            f"zeigt: deadline --end {first.isoformat()}"
        )
    return (
        f"Under these terms membership can also end at the end of any {period}, e.g. on "
        f"{first.isoformat()}; for its deadline run: deadline --end {first.isoformat()}"
    )


def _csv_row(record: Mapping[str, object], lang: str) -> str:
    import csv  # noqa: PLC0415
    import io  # noqa: PLC0415

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if lang == "de" else ",", lineterminator="\n")
    writer.writerow(record)
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
            f"--to {arguments.last} is before --from {arguments.first}; give the years in order"
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
    kind: str, lang: str, day: dt.date, *, amount: Decimal | None = None, party: str = ""
) -> str:
    """A scenario's name in the output's language."""
    if lang == "de":
        german = f"{day.day:02d}.{day.month:02d}.{day.year}"
        return {
            "rate": f"Förderung {amount} ab {german}",
            "loss": f"keine Förderung ab {german}",
            "notice": f"Kündigung {party}, Zugang {german}",
            "all": f"Kündigung aller, Zugang {german}",
        }[kind]
    iso = day.isoformat()
    return {
        "rate": f"rate {amount} from {iso}",
        "loss": f"no funding from {iso}",
        "notice": f"{party} gives notice {iso}",
        "all": f"all give notice {iso}",
    }[kind]


def _run_scenario(arguments: argparse.Namespace) -> str:
    from kim_cooperation import report, scenario  # noqa: PLC0415
    from kim_cooperation.errors import InvalidValueError  # noqa: PLC0415

    source = _source(arguments.agreement, arguments.lang)
    base = source.agreement
    variants: dict[str, Agreement] = {}
    if arguments.rate is not None:
        valid_from = arguments.rate_from or dt.date(arguments.first, 1, 1)
        name = _variant_name("rate", arguments.lang, valid_from, amount=arguments.rate)
        variants[name] = scenario.rate_change(base, arguments.rate, valid_from)
    elif arguments.rate_from is not None:
        raise InvalidValueError("--rate-from needs --rate, the new rate")
    if arguments.loss_from is not None:
        name = _variant_name("loss", arguments.lang, arguments.loss_from)
        variants[name] = scenario.loss_of_funding(base, arguments.loss_from)
    for party, received in arguments.notice:
        found = base.party(party)
        name = _variant_name("notice", arguments.lang, received, party=found.name)
        variants[name] = scenario.notice_by(base, found, received)
    if arguments.all_notice is not None:
        name = _variant_name("all", arguments.lang, arguments.all_notice)
        variants[name] = scenario.all_give_notice(base, arguments.all_notice)
    if not variants:
        raise InvalidValueError(
            "a scenario needs at least one variant: --rate, --loss-from, --notice or --all-notice"
        )
    plans, notes = _projected_plans(source, arguments)
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
    explanation = explain(settlement, arguments.party, lang=arguments.lang)
    notes = [*source.notes]
    if planned != arguments.year:
        notes.append(_carried(arguments.year, planned, arguments.lang))
    return _emit(explanation, arguments, lambda: "\n".join([*notes, explanation.render()]))


def _run_billing(arguments: argparse.Namespace) -> str:
    from kim_cooperation import settle  # noqa: PLC0415
    from kim_cooperation.billing import (  # noqa: PLC0415
        AdvanceKey,
        billing_csv,
        billing_statements,
        write_billing_workbook,
    )
    from kim_cooperation.errors import InvalidValueError  # noqa: PLC0415

    source = _source(arguments.agreement, arguments.lang)
    plan, _ = source.plan_for(arguments.year)
    settlement = settle(source.agreement, arguments.year, plan)
    advances: dict[AdvanceKey, Decimal] = {}
    for given, amount in arguments.advance:
        town, separator, employer = given.partition("@")
        party = source.agreement.party(town).name
        creditors = list(
            dict.fromkeys(
                line.creditor.name for line in settlement.billing if line.debtor.name == party
            )
        )
        if not separator and len(creditors) > 1:
            # After a handover within the year the town owes each employer its part (C9, I10).
            raise InvalidValueError(
                f"--advance {given}=... is ambiguous: {party} is billed by "
                f"{' and '.join(creditors)} in {arguments.year}; name the employer the advance "
                f"was paid to, e.g. --advance {party}@{creditors[0]}=AMOUNT"
            )
        key: AdvanceKey = (party, source.agreement.party(employer).name) if separator else party
        if key in advances:
            shown = f"{key[0]}@{key[1]}" if isinstance(key, tuple) else key
            raise InvalidValueError(f"--advance names {shown} twice")
        advances[key] = amount
    statements = billing_statements(settlement, advances=advances or None)
    out: Path = arguments.out
    suffix = out.suffix.lower()
    if suffix == ".xlsx":
        write_billing_workbook(statements, out, lang=arguments.lang)
    elif suffix == ".csv":
        # With a byte-order mark Excel opens the German CSV with its umlauts intact.
        encoding = "utf-8-sig" if arguments.lang == "de" else "utf-8"
        out.write_text(billing_csv(statements, lang=arguments.lang), encoding=encoding)
    else:
        raise InvalidValueError(f"--out must end in .xlsx or .csv, got {str(out)!r}")
    count = len(statements)
    if arguments.lang == "de":
        summary = f"{out} geschrieben: {count} Abrechnung(en) für {arguments.year} (C9)"
    else:
        summary = f"{out} written: {count} statement(s) for {arguments.year} (C9)"
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
        0 on success, 2 for bad arguments or input (after printing one line
        on standard error), 1 when standard output was closed before the
        output was written (a reader such as ``head`` went away).

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
    parser = _parser()
    try:
        arguments = parser.parse_args(argv)
    except _ArgumentsError as error:
        print(f"kim-cooperation: error: {error}", file=sys.stderr)
        return 2
    try:
        output = _COMMANDS[arguments.command](arguments)
    except (KimCooperationError, OSError, ImportError) as error:
        print(f"kim-cooperation: error: {_one_line(error)}", file=sys.stderr)
        return 2
    try:
        print(output)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (``kim-cooperation | head``): not an error of
        # ours. Point stdout at devnull so the interpreter's final flush is quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return 0


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())
