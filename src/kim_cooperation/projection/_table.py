"""Projections and comparisons as tables: plain data, rows and titles (C4, C12, C13).

`Projection` and `Comparison` build their `kim_cooperation.export` forms
here; the columns are `PROJECTION_COLUMNS` and `COMPARISON_COLUMNS`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from kim_cooperation import _plain, _table
from kim_cooperation._table import Record, TableKind
from kim_cooperation.clauses import Clause
from kim_cooperation.formatting import Lang
from kim_cooperation.i18n import N_, translate
from kim_cooperation.settlement import _table as _settlement_table
from kim_cooperation.winddown import _table as _winddown_table

if TYPE_CHECKING:
    from kim_cooperation.agreement import Agreement
    from kim_cooperation.party import Party
    from kim_cooperation.projection import Projection, YearResult
    from kim_cooperation.scenario import Comparison

__all__ = [
    "COMPARISON_COLUMNS",
    "COMPARISON_TABLE",
    "PROJECTION_COLUMNS",
    "PROJECTION_TABLE",
    "comparison_plain",
    "comparison_records",
    "comparison_title",
    "projection_plain",
    "projection_records",
    "projection_title",
]

PROJECTION_COLUMNS: Final = (
    "year",
    "basis",
    "region",
    "party_ags",
    "party",
    "own_share",
    "clause",
)
"""`Projection`: one row per year and town of the regions in the year's plan.

``own_share`` is `Projection.own_share_of`. ``basis`` is ``settlement`` (the
year is settled; ``clause`` is that of the town's part: C4, C10, or C12 with
zero once the town has left), ``settlement+wind-down`` (the agreement ends
within the year: settled until its end, then the estimated run-on; both are
added, ``clause`` that of the settled part), ``wind-down`` (after full
termination, the estimated run-on costs, C13) or ``ended`` (nothing runs on
any more: zero, C13).
"""

COMPARISON_COLUMNS: Final = (
    "year",
    "scenario",
    "region",
    "party_ags",
    "party",
    "own_share",
    "clause",
    "difference",
)
"""`Comparison`: one row per town, year and scenario, in that order.

``own_share`` and ``clause`` as in `PROJECTION_COLUMNS`; ``difference`` is
`Comparison.difference`, the change against the baseline (zero for it).
"""


PROJECTION_TABLE: Final = TableKind(
    name="projection",
    columns=PROJECTION_COLUMNS,
    money=frozenset({"own_share"}),
    shown=("year", "basis", "region", "party", "own_share", "clause"),
)
"""How a `Projection` is exported."""

COMPARISON_TABLE: Final = TableKind(
    name="comparison",
    columns=COMPARISON_COLUMNS,
    money=frozenset({"own_share", "difference"}),
    shown=("year", "scenario", "party", "own_share", "difference", "clause"),
)
"""How a `Comparison` is exported."""


def projection_title(projection: Projection, lang: Lang) -> str:
    """The title of a projection's table in ``lang``."""
    return _table.title(
        N_("Projection {years} – {agreement}"),
        lang,
        years=_table.years(projection.years),
        agreement=projection.agreement.name,
    )


def comparison_title(comparison: Comparison, lang: Lang) -> str:
    """The title of a comparison's table in ``lang``; the baseline, named first, in ``lang``."""
    return _table.title(
        N_("Own shares {years} in {count} scenarios: {names}"),
        lang,
        years=_table.years(comparison.years),
        count=len(comparison.names),
        names=_scenario_names(comparison.names, lang),
    )


def _scenario_names(names: Sequence[str], lang: Lang) -> str:
    # The baseline comes first and has the library's name; the others are the user's own.
    return ", ".join([translate(names[0], lang), *names[1:]])


def _basis(result: YearResult) -> str:
    if result.settlement is not None:
        # The agreement ended within the year: settled until the end, then run on (C13).
        return "settlement" if result.wind_down is None else "settlement+wind-down"
    return "ended" if result.wind_down is None else "wind-down"


def _year_clause(agreement: Agreement, result: YearResult, party: Party) -> Clause:
    if result.settlement is None:
        return Clause.C13
    region = agreement.region_of(party)
    for settled in result.settlement.regions:
        if settled.region == region:
            return settled.split.clause if party in settled.split else Clause.C12
    # The town's region has no costs in the year's plan: under withdrawal_scope="agreement"
    # it is in the table for the parts of other regions' own shares it bears (C12).
    return Clause.C12


def _bears_in(result: YearResult, party: Party) -> bool:
    """Whether ``party`` bears a part of any region's own share or run-on in the year (C12)."""
    runs = (result.settlement, result.wind_down)
    return any(party in region.split for run in runs if run is not None for region in run.regions)


def projection_records(projection: Projection) -> list[Record]:
    """A projection's rows: one per year and town; see `kim_cooperation.export.to_records`."""
    agreement = projection.agreement
    records: list[Record] = []
    for result in projection.results:
        planned = {agreement.region(name) for name in result.plan}
        for party in projection.parties:
            region = agreement.region_of(party)
            if region not in planned and not _bears_in(result, party):
                continue
            records.append(
                {
                    "year": result.year,
                    "basis": _basis(result),
                    "region": region.name,
                    "party_ags": party.ags,
                    "party": party.name,
                    "own_share": projection.own_share_of(party, result.year),
                    "clause": _year_clause(agreement, result, party).value,
                }
            )
    return records


def _projection_results(projection: Projection) -> list[object]:
    return [
        {
            "year": result.year,
            "basis": _basis(result),
            "plan": {name: _plain.costs(statement) for name, statement in result.plan.items()},
            "settlement": (
                None
                if result.settlement is None
                else _settlement_table.settlement_body(result.settlement)
            ),
            "wind_down": None
            if result.wind_down is None
            else _winddown_table.wind_down_body(result.wind_down),
        }
        for result in projection.results
    ]


def projection_plain(projection: Projection) -> dict[str, object]:
    """A projection as plain data; see `kim_cooperation.export.to_dict`."""
    return {
        "type": "projection",
        "agreement": projection.agreement.name,
        "policies": _plain.policies(projection.agreement.policies),
        "years": list(projection.years),
        "own_shares": _table.plain_records(projection_records(projection)),
        "results": _projection_results(projection),
    }


def comparison_records(comparison: Comparison) -> list[Record]:
    """A comparison's rows: one per town, year and scenario."""
    baseline = comparison.projections[0].agreement
    records: list[Record] = []
    for party, year, values, differences in comparison.rows():
        region = baseline.region_of(party).name
        for name, projection, value, difference in zip(
            comparison.names, comparison.projections, values, differences, strict=True
        ):
            clause = _year_clause(projection.agreement, projection.result(year), party)
            records.append(
                {
                    "year": year,
                    "scenario": name,
                    "region": region,
                    "party_ags": party.ags,
                    "party": party.name,
                    "own_share": value,
                    "clause": clause.value,
                    "difference": difference,
                }
            )
    return records


def comparison_plain(comparison: Comparison) -> dict[str, object]:
    """A comparison as plain data; see `kim_cooperation.export.to_dict`."""
    return {
        "type": "comparison",
        "agreement": comparison.projections[0].agreement.name,
        "baseline": comparison.names[0],
        "names": list(comparison.names),
        "years": list(comparison.years),
        "parties": [_table.party(party) for party in comparison.parties],
        "own_shares": _table.plain_records(comparison_records(comparison)),
        "scenarios": [
            {
                "name": name,
                "policies": _plain.policies(projection.agreement.policies),
                "results": _projection_results(projection),
            }
            for name, projection in zip(comparison.names, comparison.projections, strict=True)
        ],
    }
