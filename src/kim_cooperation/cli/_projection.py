"""The commands over a range of years: ``project`` and ``scenario``.

``project`` gives each town's own share per year (C4, C7, C12, C13),
with the cost plans of the years (`_plans`) or the first year's plan
grown (`_projected_plans`). ``scenario`` compares the agreement with
variants from the options (a rate change, C6; loss of funding, C10; a
town's notice with its successor employer, C11, C12, C3; all give notice,
C13) or from a scenario file, each named in the output's language
(`_variant_name`).
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from kim_cooperation.cli._files import _WRITTEN, _extra, _save_chart, _written, _years
from kim_cooperation.cli._formats import _CHARTS, _emit
from kim_cooperation.cli._language import _t
from kim_cooperation.cli._source import _carried, _Source, _source, _town
from kim_cooperation.formatting import format_percent
from kim_cooperation.i18n import N_, translate

if TYPE_CHECKING:
    from kim_cooperation._checks import Exact
    from kim_cooperation.agreement import Agreement
    from kim_cooperation.formatting import Lang
    from kim_cooperation.projection import CostPlan
    from kim_cooperation.scenario import Variant


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
    years = _years(arguments.first, arguments.last)
    if arguments.format in _CHARTS:
        with _extra(arguments.format):
            _save_chart(projection.plot(lang=arguments.lang), arguments.output, arguments.format)
        # The chart has no room for the notes on the costs: they stay on the screen.
        return "\n".join(
            [*notes, _written(_WRITTEN["project-chart"], arguments.output, years=years)]
        )
    if arguments.format == "xlsx":
        from kim_cooperation.workbooks import write_projection_workbook  # noqa: PLC0415

        with _extra("xlsx"):
            write_projection_workbook(
                projection,
                arguments.output,
                lang=arguments.lang,
                personnel_growth=arguments.growth or None,
                notes=notes,
            )
        return _written(_WRITTEN["project-xlsx"], arguments.output, years=years)
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


def _growths(variants: Mapping[str, Agreement | Variant], growth: Decimal) -> dict[str, Exact]:
    """The growth each scenario's plans were grown by, for the workbook's notes.

    A variant of a scenario file may have its own (`Variant.personnel_growth`);
    the others, the baseline too, grow by ``--growth``. Without any growth the
    plans are the years' own, and the workbook says so.
    """
    from kim_cooperation import scenario  # noqa: PLC0415

    rates: dict[str, Exact] = {}
    if growth:
        rates[scenario.BASELINE] = growth
    for name, given in variants.items():
        own = given.personnel_growth if isinstance(given, scenario.Variant) else None
        if own is not None:
            rates[name] = own
        elif growth:
            rates[name] = growth
    return rates


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
            grown = format_percent(Decimal(growth), lang=arguments.lang)
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
    years = _years(arguments.first, arguments.last)
    if arguments.format in _CHARTS:
        with _extra(arguments.format):
            _save_chart(comparison.plot(lang=arguments.lang), arguments.output, arguments.format)
        written = _written(_WRITTEN["scenario-chart"], arguments.output, years=years)
        return "\n".join([*notes, written])
    if arguments.format == "xlsx":
        from kim_cooperation.workbooks import write_comparison_workbook  # noqa: PLC0415

        with _extra("xlsx"):
            write_comparison_workbook(
                comparison,
                arguments.output,
                lang=arguments.lang,
                personnel_growth=_growths(variants, arguments.growth),
                notes=notes,
            )
        count = len(comparison.names) - 1
        kind = "scenario-xlsx-one" if count == 1 else "scenario-xlsx"
        return _written(_WRITTEN[kind], arguments.output, years=years, count=count)
    return _emit(
        comparison,
        arguments,
        lambda: "\n".join([*notes, report.render_comparison(comparison, lang=arguments.lang)]),
    )
