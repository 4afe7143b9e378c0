"""The chart of a projection: each town's own share over the years, a panel per region.

Builds the plain data of `Projection.plot` (titles in the chosen language,
the exact own shares) and hands it to `kim_cooperation._chart`, which draws
it; nothing here imports matplotlib.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kim_cooperation import _chart, _table
from kim_cooperation.i18n import N_, translate
from kim_cooperation.projection import _table as _projection_table

if TYPE_CHECKING:
    from collections.abc import Sequence

    from matplotlib.figure import Figure

    from kim_cooperation.formatting import Lang
    from kim_cooperation.projection import Projection


def projection_figure(
    projection: Projection, *, headings: Sequence[str], notes: Sequence[str], lang: Lang
) -> Figure:
    """Each town's own share per year (C4, C7; C10, C12, C13 where they apply).

    One panel per region, in the agreement's order, one line per town that
    can bear a share (`Projection.parties`); the years are headed as in the
    projection's table (``2027*`` for a run-on year) and its notes explain
    the marks.
    """
    agreement = projection.agreement
    records = _projection_table.projection_records(projection)
    clauses = _chart.clause_list(["C4", "C7", *(str(record["clause"]) for record in records)])
    by_region: dict[str, list[_chart.Series]] = {}
    for party in projection.parties:
        series = _chart.Series(
            label=party.name,
            values=tuple(projection.own_shares_of(party).values()),
        )
        by_region.setdefault(agreement.region_of(party).name, []).append(series)
    panels = [
        _chart.Panel(
            title=translate(N_("Region {region}"), lang).format(region=region.name),
            series=tuple(by_region[region.name]),
        )
        for region in agreement.regions
        if region.name in by_region
    ]
    subject = translate(N_("Own share per town {years} ({clauses})"), lang).format(
        years=_table.years(projection.years), clauses=clauses
    )
    return _chart.lines(
        title=f"{subject}\n{agreement.name}",
        categories=headings,
        panels=panels,
        x_label=translate(N_("Year"), lang),
        y_label=translate(N_("Own share"), lang),
        lang=lang,
        notes=notes,
    )
