"""What a workbook writes, and the check that Excel holds it to the cent.

The towns-by-years tables themselves are the projection's
(`kim_cooperation.projection._wide.Grid`, the same grids a notebook
shows); `_plan_amounts` lists the cost plans' amounts a workbook writes
beside them, for `kim_cooperation._excel.check_amounts` with `_REFUSAL`.
`_CLAUSES` are the clauses the own shares rest on (C4, C7, C12, C13).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from kim_cooperation import _table
from kim_cooperation.costs import CostItem
from kim_cooperation.i18n import N_
from kim_cooperation.projection._wide import CLAUSES as _CLAUSES

if TYPE_CHECKING:
    from kim_cooperation.projection import Projection

__all__ = ["_CLAUSES", "_REFUSAL", "_plan_amounts", "_years"]

_REFUSAL: Final = N_(
    "cannot write {amount} euros to Excel exactly: Excel keeps {digits} significant digits, "
    "so amounts must stay below 10**13 euros; use kim_cooperation.export instead"
)


def _plan_amounts(projection: Projection) -> list[Decimal]:
    return [
        amount
        for result in projection.results
        for statement in result.plan.values()
        for amount in (*(statement.amount(item) for item in CostItem), statement.total)
    ]


def _years(years: Sequence[int]) -> str:
    return _table.years(list(years))
