"""Plain data shared by the keyed baseline (``bench/bench_keys.py``): posts, plans, results.

The settlements, projections and sweeps are measured against the competent
baseline in ``bench/_competent.py`` (issue 17). The keyed settlement's own
baseline lives in ``bench/bench_keys.py``; this module gives it its plain
types and reads a library settlement into the same shape, so that the two
compare with ``==``; amounts and plans are read into cents by the competent
baseline's `cents` and `plan_of`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from fractions import Fraction
from typing import NamedTuple, TypeAlias

from _competent import cents

from kim_cooperation import Settlement


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
