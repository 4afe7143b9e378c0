"""The funding of a settled year: the months' rates once a year, each region's funding once (C5, C6, I7).

A settlement funds each region's posts for the days the agreement runs in
the year (C11, C13). Under ``part_year_funding="twelfths"`` (I7) the rate
in force in each full month is looked up once for the year
(`_year_rates`) and every region is funded from those rates; under
``"days"`` each region's funding is computed from the schedule directly.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from kim_cooperation.funding import (
    RegionFunding,
    _funding_in_twelfths,
    _month_rates,
    _MonthRates,
    _MonthSums,
    _summed_month_rates,
    region_funding,
)
from kim_cooperation.policy import PartYearFunding

if TYPE_CHECKING:
    from kim_cooperation.agreement import Agreement
    from kim_cooperation.region import Region


def _year_rates(
    agreement: Agreement, year: int, window: tuple[dt.date, dt.date]
) -> _MonthRates | None:
    """The months' funding rates of the year, funded to the window's last day (C5, C13).

    ``None`` when the agreement funds part years by days, which needs no
    monthly rates.
    """
    first, last = window
    return (
        _month_rates(agreement.funding, year, first, last)
        if agreement.policies.part_year_funding is PartYearFunding.TWELFTHS
        else None
    )


def _year_rates_and_sums(
    agreement: Agreement, year: int, window: tuple[dt.date, dt.date]
) -> tuple[_MonthRates, _MonthSums] | tuple[None, None]:
    """`_year_rates` with their running sums for the usual years (`_usual`); ``None`` under days."""
    first, last = window
    if agreement.policies.part_year_funding is PartYearFunding.TWELFTHS:
        return _summed_month_rates(agreement.funding, year, first, last)
    return None, None


def _region_year_funding(
    agreement: Agreement,
    region: Region,
    year: int,
    *,
    window: tuple[dt.date, dt.date],
    rates: _MonthRates | None,
) -> RegionFunding:
    """The funding of a region's posts for the days of ``window`` (C5, C6, I7)."""
    first, last = window
    return (
        region_funding(
            region.posts,
            year,
            agreement.funding,
            active_from=first,
            method=agreement.policies.part_year_funding,
            active_until=last,
        )
        if rates is None
        else _funding_in_twelfths(region.posts, year, rates)
    )
