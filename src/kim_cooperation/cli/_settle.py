"""The commands on one year's settlement: ``report`` (the default), ``settle`` and ``explain``.

``report`` gives a town's financial-impact tables and every region's
own-share split; ``settle`` a year's settlement and billing lines (C4, C7,
C9); ``explain`` a town's figure derived step by step.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from kim_cooperation.cli._files import _WRITTEN, _extra, _save_chart, _written
from kim_cooperation.cli._formats import _CHARTS, _either, _emit
from kim_cooperation.cli._source import _built_in, _carried, _source, _town
from kim_cooperation.i18n import N_

if TYPE_CHECKING:
    from kim_cooperation.party import Party
    from kim_cooperation.settlement import RegionSettlement, Settlement


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
    notes = [
        *source.notes,
        *([_carried(year, planned, arguments.lang)] if planned != year else []),
    ]
    if arguments.format == "docx":
        from kim_cooperation.documents import write_impact_document  # noqa: PLC0415

        with _extra("docx"):
            write_impact_document(
                settlement,
                party,
                arguments.output,
                layout=arguments.layout,
                lang=arguments.lang,
                assumptions=notes,  # where the costs come from, as the text output says
                day=arguments.document_date,
            )
        town = party if isinstance(party, str) else party.name
        return _written(_WRITTEN["report-docx"], arguments.output, year=year, town=town)
    impact = financial_impact(settlement, party, layout=arguments.layout)

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
    if arguments.format in _CHARTS:
        region = _region(settlement, arguments.region)
        name = region.region.name
        with _extra(arguments.format):
            if arguments.chart == "key":
                figure = settlement.plot_key(name, lang=arguments.lang)
            else:
                figure = settlement.plot(name, lang=arguments.lang)
            _save_chart(figure, arguments.output, arguments.format)
        kind = "settle-key" if arguments.chart == "key" else "settle-derivation"
        written = _written(_WRITTEN[kind], arguments.output, year=arguments.year, region=name)
        # The chart has no room for the notes on the costs: they stay on the screen.
        return "\n".join([*notes, written])
    return _emit(
        settlement,
        arguments,
        lambda: report.render_settlement(settlement, lang=arguments.lang, notes=notes),
    )


def _region(settlement: Settlement, name: str | None) -> RegionSettlement:
    """The region ``--region`` names, or the only one settled; a chart shows one region."""
    if name is not None:
        return settlement.region(name)
    if len(settlement.regions) == 1:
        return settlement.regions[0]
    from kim_cooperation.errors import InvalidValueError  # noqa: PLC0415

    raise InvalidValueError(
        N_("a chart shows one region: give --region {names}"),
        names=_either(tuple(region.region.name for region in settlement.regions)),
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
