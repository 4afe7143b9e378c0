"""Generated agreements of any size, valid and deterministic, for the scaling benchmarks.

`generate(towns, region_size)` builds an agreement of ``towns`` parties in
regions of ``region_size`` towns (the last one smaller if it does not divide),
with everything a settlement has to work through:

* parties with valid 8-digit AGS codes (Land 05, NRW) and distinct names,
  given to each region in reverse AGS order (the library sorts them);
* an employer in the middle of each region (not the lowest AGS, so the tie
  rule "employer first, then by AGS" matters);
* per region a full-time and a half-time post, in every third region a
  three-quarter post filled from 1 April (funding in twelfths), in every
  fifth region a post ending on 30 September;
* a funding schedule of 55,000 EUR from 1 January 2023 and 57,000 EUR from
  1 July 2023 (C6), so the year mixes two rates;
* a cost plan per region with cents that differ from region to region, and
  in every seventh region costs below the funding (own share zero, I6).

The whole construction, from strings and numbers to the `Agreement`, is what
the scaling benchmark times as "construction".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from kim_cooperation import (
    Agreement,
    CostStatement,
    FundingRate,
    FundingSchedule,
    Party,
    Post,
    Region,
)

START = dt.date(2023, 1, 1)
"""The generated agreements start on 1 January 2023; the benchmarks settle 2023."""

MAX_TOWNS = 999_999
"""AGS ``05000001`` to ``05999999``: one Land code, six digits for the rest."""


class Generated(NamedTuple):
    """A generated agreement with its cost plan for 2023."""

    agreement: Agreement
    plan: Mapping[str, CostStatement]


def _personnel(region: int) -> Decimal:
    if region % 7 == 3:
        return Decimal("20000.00")  # below the funding: own share zero, surplus reported
    euros = 150_000 + (region * 7919) % 50_000
    return Decimal(f"{euros}.{region % 100:02d}")


def generate(towns: int, region_size: int = 10) -> Generated:
    """Build an agreement of ``towns`` towns in regions of ``region_size`` (see the module docs)."""
    if not 1 <= towns <= MAX_TOWNS or region_size < 1:
        raise ValueError(f"cannot generate {towns} towns in regions of {region_size}")
    parties = [
        Party(
            name=f"Gemeinde {index:06d}",
            kind="Stadt" if index % 4 == 0 else "Gemeinde",
            ags=f"05{index:06d}",
        )
        for index in range(1, towns + 1)
    ]
    regions: list[Region] = []
    plan: dict[str, CostStatement] = {}
    for number, first in enumerate(range(0, towns, region_size)):
        members = parties[first : first + region_size]
        label = f"R{number:06d}"
        posts = [Post(label=f"{label}/1", fte=1), Post(label=f"{label}/2", fte=Fraction(1, 2))]
        if number % 3 == 0:
            posts.append(
                Post(label=f"{label}/3", fte=Fraction(3, 4), employment_start=dt.date(2023, 4, 1))
            )
        if number % 5 == 0:
            posts.append(Post(label=f"{label}/4", fte=1, employment_end=dt.date(2023, 9, 30)))
        name = f"Region {number:06d}"
        regions.append(
            Region(
                name=name,
                employer=members[len(members) // 2],
                members=members[::-1],
                posts=posts,
            )
        )
        plan[name] = CostStatement(
            personnel=_personnel(number), material_not_itemised=Decimal("4200.17")
        )
    funding = FundingSchedule(
        rates=[
            FundingRate(valid_from=START, amount=55_000, source="Generated: C5"),
            FundingRate(
                valid_from=dt.date(2023, 7, 1), amount=57_000, source="Generated: C6", clause="C6"
            ),
        ]
    )
    agreement = Agreement(
        name=f"Generated agreement of {towns} towns",
        parties=parties,
        regions=regions,
        funding=funding,
        start=START,
    )
    return Generated(agreement=agreement, plan=plan)
