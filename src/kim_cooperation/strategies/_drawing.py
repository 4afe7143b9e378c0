"""Drawing helpers shared by the strategies: a choice, a shuffle, a day, a flag.

Examples are drawn through these helpers from a few cached primitive
strategies (integers, booleans), not from strategies built anew for every
example, which would make generation slow. Each helper shrinks towards a
simple value (the first item, the given order, the earliest day);
`_day_near_year_end` favours the days around the notice deadlines (C11).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Final, TypeVar

from hypothesis import strategies as st

_T = TypeVar("_T")

_MIN_DATE: Final = dt.date(2000, 1, 1)
_MAX_DATE: Final = dt.date(2050, 12, 31)
"""The days drawn by default (employment dates, counts, funding rates): 2000 to 2050."""


def _choose(draw: st.DrawFn, items: Sequence[_T]) -> _T:
    """One of ``items``; shrinks towards the first."""
    if len(items) == 1:
        return items[0]
    return items[draw(st.integers(min_value=0, max_value=len(items) - 1))]


def _shuffled(draw: st.DrawFn, items: Sequence[_T]) -> list[_T]:
    """A permutation of ``items`` (Fisher–Yates); shrinks towards the given order."""
    result = list(items)
    for index in range(len(result) - 1):
        other = draw(st.integers(min_value=index, max_value=len(result) - 1))
        result[index], result[other] = result[other], result[index]
    return result


def _day(draw: st.DrawFn, low: dt.date, high: dt.date) -> dt.date:
    """A day from ``low`` to ``high``; shrinks towards ``low``."""
    return low + dt.timedelta(days=draw(st.integers(min_value=0, max_value=(high - low).days)))


def _flag(draw: st.DrawFn) -> bool:
    value: bool = draw(st.booleans())
    return value


def _day_near_year_end(draw: st.DrawFn, low: dt.date, high: dt.date) -> dt.date:
    if not _flag(draw):
        return _day(draw, low, high)
    year = draw(st.integers(min_value=low.year, max_value=high.year))
    # The boundary between the last day notice may arrive for one end and the first
    # day that counts for the next (30 June / 1 July), or between two years.
    anchor = dt.date(year, 6, 30) if not _flag(draw) else dt.date(year, 12, 31)
    earliest = max(-3, (low - anchor).days)
    latest = min(4, (high - anchor).days)
    if earliest > latest:  # that boundary lies outside the range
        return _day(draw, low, high)
    return anchor + dt.timedelta(days=draw(st.integers(min_value=earliest, max_value=latest)))
