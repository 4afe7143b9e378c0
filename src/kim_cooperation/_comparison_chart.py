"""The chart of a scenario comparison: each town's difference to the baseline, per year.

Builds the plain data of `kim_cooperation.scenario.Comparison.plot` (titles in
the chosen language, the exact differences) and hands it to
`kim_cooperation._chart`; nothing here imports matplotlib. A module of its
own, beside `scenario` in the analyses layer, so that `scenario` stays one
concept: scenarios and their comparison.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kim_cooperation import _chart, _table
from kim_cooperation.errors import InvalidValueError
from kim_cooperation.i18n import N_, translate
from kim_cooperation.projection import _table as _projection_table

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from kim_cooperation.formatting import Lang
    from kim_cooperation.scenario import Comparison


def comparison_figure(comparison: Comparison, *, lang: Lang) -> Figure:
    """Grouped bars: per town one bar per year, the difference to the baseline; a panel each.

    One panel per scenario other than the baseline, in the comparison's
    order; positive bars are what a town bears more than in the baseline.
    The clauses are those of the scenarios' own shares (C4, C7; C6, C10,
    C12, C13 where they apply).

    Raises:
        InvalidValueError: The comparison has no scenario besides the baseline.
    """
    names = comparison.names
    if len(names) < 2:
        raise InvalidValueError(
            N_("a comparison without variants has no differences to the baseline to plot")
        )
    agreement = comparison.projections[0].agreement
    records = _projection_table.comparison_records(comparison)
    clauses = _chart.clause_list(["C4", "C7", *(str(record["clause"]) for record in records)])
    parties = comparison.parties
    panels = [
        _chart.Panel(
            title=name,
            series=tuple(
                _chart.Series(
                    label=str(year),
                    values=tuple(comparison.difference(name, party, year) for party in parties),
                )
                for year in comparison.years
            ),
        )
        for name in names[1:]
    ]
    subject = translate(
        N_("Own share per town against the {baseline}, {years} ({clauses})"), lang
    ).format(
        baseline=translate(names[0], lang), years=_table.years(comparison.years), clauses=clauses
    )
    return _chart.bars(
        title=f"{subject}\n{agreement.name}",
        categories=[party.name for party in parties],
        panels=panels,
        x_label=translate(N_("Town"), lang),
        y_label=translate(N_("Difference to the baseline"), lang),
        legend_title=translate(N_("Year"), lang),
        lang=lang,
    )
