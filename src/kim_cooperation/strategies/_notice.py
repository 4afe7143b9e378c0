"""Strategies for notice (C11): notice terms, and days around the notice deadlines.

`notice_terms` draws a period of months to the end of a year, half-year,
quarter or month; `dates_near_year_end` draws the days on either side of
30 June / 1 July and 31 December / 1 January in about half the examples.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Final

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from kim_cooperation.notice import NoticeTerms, PeriodEnd
from kim_cooperation.strategies._arguments import (
    _check_day,
    _check_int,
    _check_period_ends,
    _check_range,
)
from kim_cooperation.strategies._drawing import _day_near_year_end

_MAX_MONTHS: Final = 1200


def notice_terms(
    *, min_months: int = 1, max_months: int = 60, period_ends: Sequence[PeriodEnd] | None = None
) -> st.SearchStrategy[NoticeTerms]:
    """Notice terms (C11): a period of months to the end of a year, half-year, quarter or month.

    Shrinks towards ``min_months`` to the end of a year.

    Args:
        min_months: The shortest notice period, at least 1.
        max_months: The longest notice period, at most 1200.
        period_ends: The period ends to draw from; all by default.

    Returns:
        A strategy for `NoticeTerms`.

    Raises:
        InvalidArgument: The months are out of range or ``period_ends`` is empty.

    Examples:
        >>> from hypothesis import find
        >>> find(notice_terms(), lambda terms: terms.months >= 18).describe()
        '18 months to the end of a year'
    """
    _check_int(min_months, "min_months", low=1, high=_MAX_MONTHS)
    _check_int(max_months, "max_months", low=1, high=_MAX_MONTHS)
    _check_range(min_months, max_months, "min_months", "max_months")
    ends = _check_period_ends(period_ends)
    if not ends:
        raise InvalidArgument("period_ends must name at least one PeriodEnd")
    return st.builds(
        NoticeTerms,
        months=st.integers(min_value=min_months, max_value=max_months),
        period_end=st.sampled_from(ends),
    )


@st.composite
def _dates_near_year_end(draw: st.DrawFn, min_value: dt.date, max_value: dt.date) -> dt.date:
    return _day_near_year_end(draw, min_value, max_value)


def dates_near_year_end(
    *, min_value: dt.date = dt.date(1990, 1, 1), max_value: dt.date = dt.date(2100, 12, 31)
) -> st.SearchStrategy[dt.date]:
    """Days around the boundaries of notice deadlines, or any day.

    Under the default terms (C11) notice received on 30 June ends the
    agreement a year earlier than notice received on 1 July, and years
    change between 31 December and 1 January. This strategy draws the days
    around those boundaries (27 June to 4 July, 28 December to 4 January)
    in about half the examples, and any day between ``min_value`` and
    ``max_value`` otherwise.

    Args:
        min_value: The earliest day.
        max_value: The latest day.

    Returns:
        A strategy for `datetime.date`.

    Raises:
        InvalidArgument: A bound is not a date, or ``min_value`` is after ``max_value``.

    Examples:
        >>> import datetime as dt
        >>> from hypothesis import given, settings
        >>> from kim_cooperation import termination_date
        >>> @settings(max_examples=20, derandomize=True, database=None, deadline=None)
        ... @given(dates_near_year_end(min_value=dt.date(2024, 1, 1), max_value=dt.date(2030, 12, 31)))
        ... def test_notice_ends_a_year(received):
        ...     ends = termination_date(received)
        ...     assert (ends.month, ends.day) == (12, 31)
        ...     assert ends.year - received.year == (1 if received.month <= 6 else 2)
        >>> test_notice_ends_a_year()
    """
    _check_day(min_value, "min_value")
    _check_day(max_value, "max_value")
    _check_range(min_value, max_value, "min_value", "max_value")
    return _dates_near_year_end(min_value, max_value)
