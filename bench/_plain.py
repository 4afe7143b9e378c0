"""Plain data shared by the keyed baseline (``bench/bench_keys.py``): posts, plans, results.

The settlements, projections and sweeps are measured against the competent
baseline in ``bench/_competent.py`` (issue 17). The keyed settlement's own
baseline lives in ``bench/bench_keys.py``; this module gives it its plain
types, reads amounts and plans into integer cents, and reads a library
settlement into the same shape, so that the two compare with ``==``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple, TypeAlias

from kim_cooperation import CostStatement, Settlement


class PlainPost(NamedTuple):
    """A post: its FTE and employment dates (None: open)."""

    fte: Fraction
    start: dt.date | None
    end: dt.date | None


PlainPlan: TypeAlias = Mapping[str, tuple[int, int]]
"""Costs per region name: ``(personnel cents, all other items in cents)``."""

RegionResult: TypeAlias = tuple[str, int, int, int, tuple[tuple[str, int], ...]]
"""``(region, costs, funding, own share, ((AGS, part), ...))``, all in cents, parts by AGS."""

SettlementResult: TypeAlias = tuple[RegionResult, ...]
"""The regions settled, in the agreement's order."""


def cents(value: Decimal) -> int:
    """Return a two-place `Decimal` of euros as integer cents; refuse any other form.

    Checking the exponent makes the comparison of library and baseline also a
    check that the library returns amounts quantised to cents.
    """
    exponent = value.as_tuple().exponent
    if exponent != -2:
        raise ValueError(f"{value!r} is not an amount with two decimal places")
    return int(str(value).replace(".", ""))


def plain_plan(plan: Mapping[str, CostStatement]) -> dict[str, tuple[int, int]]:
    """Read a cost plan into ``(personnel, other)`` cents per region (not timed)."""
    return {
        name: (
            cents(statement.personnel),
            sum(cents(amount) for _, amount in statement.items()) - cents(statement.personnel),
        )
        for name, statement in plan.items()
    }


def library_settlement(settlement: Settlement) -> SettlementResult:
    """Read a library settlement into the baseline's shape (for the equality checks)."""
    return tuple(
        (
            region.region.name,
            cents(region.costs.total),
            cents(region.funding.amount),
            cents(region.own_share),
            tuple((party.ags, cents(amount)) for party, amount in region.split.items()),
        )
        for region in settlement.regions
    )
