"""The figures of a table sheet: towns by years, their totals, and the check that Excel holds them.

A `_Grid` is what a table sheet shows: one row per town (region, AGS,
town, one amount per year, its total), the total of each year and the grand
total, all summed in whole cents, so the totals are the library's exact
figures (C4, C7, C12, C13). `_grid_amounts` and `_plan_amounts` list every
amount a workbook writes, for `kim_cooperation._excel.check_amounts` with
`_REFUSAL`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Final, TypeAlias

from kim_cooperation import _table
from kim_cooperation.costs import CostItem
from kim_cooperation.i18n import N_
from kim_cooperation.money import from_cents, to_cents

if TYPE_CHECKING:
    from collections.abc import Callable

    from kim_cooperation.party import Party
    from kim_cooperation.projection import Projection

_REFUSAL: Final = N_(
    "cannot write {amount} euros to Excel exactly: Excel keeps {digits} significant digits, "
    "so amounts must stay below 10**13 euros; use kim_cooperation.export instead"
)

_CLAUSES: Final = "C4, C7, C12, C13"
"""The clauses the own shares rest on, as the sheets and the document properties name them."""

_Amount: TypeAlias = "Callable[[Party, int], Decimal]"
"""How a table gets a town's amount for a year."""

_Row: TypeAlias = tuple[str, str, str, tuple[Decimal, ...], Decimal]
"""One town's row: region, AGS, town, one amount per year, and its total."""

_Grid: TypeAlias = tuple[tuple[_Row, ...], tuple[Decimal, ...], Decimal]
"""A table: the towns' rows, the total of each year, and the grand total."""


def _grid(
    projection: Projection,
    amount: _Amount,
    parties: Sequence[Party] | None = None,
) -> _Grid:
    """The towns by years: each town's amounts, grouped by region in the agreement's order."""
    agreement = projection.agreement
    years = projection.years
    chosen = projection.parties if parties is None else parties
    order = {region: index for index, region in enumerate(agreement.regions)}
    ordered = sorted(chosen, key=lambda party: (order[agreement.region_of(party)], party.ags))
    rows = []
    for party in ordered:
        values = tuple(amount(party, year) for year in years)
        rows.append(
            (
                agreement.region_of(party).name,
                party.ags,
                party.name,
                values,
                _sum(values),
            )
        )
    year_totals = tuple(_sum(row[3][index] for row in rows) for index in range(len(years)))
    return tuple(rows), year_totals, _sum(year_totals)


def _sum(amounts: Iterable[Decimal]) -> Decimal:
    return from_cents(sum(to_cents(amount) for amount in amounts))


def _grid_amounts(grid: _Grid) -> list[Decimal]:
    rows, year_totals, total = grid
    return [
        *(value for row in rows for value in (*row[3], row[4])),
        *year_totals,
        total,
    ]


def _plan_amounts(projection: Projection) -> list[Decimal]:
    return [
        amount
        for result in projection.results
        for statement in result.plan.values()
        for amount in (*(statement.amount(item) for item in CostItem), statement.total)
    ]


def _years(years: Sequence[int]) -> str:
    return _table.years(list(years))
