"""The commands on one year's settlement: ``report`` (the default), ``settle`` and ``explain``.

``report`` gives a town's financial-impact tables and every region's
own-share split; ``settle`` a year's settlement and billing lines (C4, C7,
C9); ``explain`` a town's figure derived step by step.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from kim_cooperation.cli._formats import _emit
from kim_cooperation.cli._source import _built_in, _carried, _source, _town

if TYPE_CHECKING:
    from kim_cooperation.party import Party


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
