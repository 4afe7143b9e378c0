"""The calendar of a run-on: its days, whole months and length in months (C13, I5).

The costs run on from the day after the agreement ends (§ 187 (2) BGB) until
the employment ends, for at most 12 months, counted under § 188 (2) and (3)
BGB: a period of months ends on the day before the day of the same number,
or on the last day of a month that has no such day. A monthly amount counts
once for each whole month and, for each remaining day, by one over the days
of that day's calendar month (I5).

`kim_cooperation.winddown.run_on_period` and `RunOnPeriod` compute their
days here.
"""

from __future__ import annotations

import calendar
import datetime as dt
from fractions import Fraction
from typing import TYPE_CHECKING, TypeAlias

from kim_cooperation.errors import InvalidDateError
from kim_cooperation.i18n import N_

if TYPE_CHECKING:
    from kim_cooperation.winddown import RunOnPeriod

__all__ = ["RunOnDays", "described", "in_months", "run_on_days"]

RunOnDays: TypeAlias = tuple[dt.date | None, dt.date | None, bool, int, int]
"""A run-on's first and last day (``None`` without one), whether the limit ends it, its whole
months and the days beyond them."""


def run_on_days(
    agreement_end: dt.date, employment_end: dt.date | None, max_months: int
) -> RunOnDays:
    """The days of the run-on after ``agreement_end``; see `run_on_period` (C13, I5).

    Raises:
        InvalidDateError: The run-on would begin or end after 31 December 9999.
    """
    if employment_end is not None and employment_end <= agreement_end:
        return None, None, False, 0, 0
    if agreement_end == dt.date.max:
        raise InvalidDateError(
            N_("the run-on after {end} would begin after 31 December 9999"), end=agreement_end
        )
    first_day = agreement_end + dt.timedelta(days=1)
    limit = _last_day_of_months(first_day, max_months)
    if limit is None:
        raise InvalidDateError(
            N_("the run-on after {end} would end after 31 December 9999"), end=agreement_end
        )
    capped = employment_end is None or employment_end > limit
    last_day = limit if capped or employment_end is None else employment_end
    months, days = _length(first_day, last_day)
    return first_day, last_day, capped, months, days


def _last_day_of_months(first_day: dt.date, months: int) -> dt.date | None:
    """Return the last day of a period of ``months`` months beginning on ``first_day``.

    § 188 (2) BGB: the period ends on the day before the day of the same
    number as ``first_day``; § 188 (3): if that month has no such day, on its
    last day. ``None`` if the day lies after 31 December 9999.
    """
    index = first_day.year * 12 + first_day.month - 1 + months
    if first_day.day == 1:
        # The day before the 1st is the previous month's last day.
        index -= 1
        year, month = divmod(index, 12)
        month += 1
        if year > dt.MAXYEAR:
            return None
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    year, month = divmod(index, 12)
    month += 1
    if year > dt.MAXYEAR:
        return None
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(first_day.day - 1, last) if first_day.day <= last else last)


def _length(first_day: dt.date, last_day: dt.date) -> tuple[int, int]:
    """Return whole months and remaining days from ``first_day`` to ``last_day``, inclusive."""
    # At most one more than the calendar months between the two days.
    months = (last_day.year - first_day.year) * 12 + last_day.month - first_day.month + 1
    while months > 0:
        end = _last_day_of_months(first_day, months)
        if end is not None and end <= last_day:
            return months, (last_day - end).days
        months -= 1
    return 0, (last_day - first_day).days + 1


def in_months(period: RunOnPeriod) -> Fraction:
    """The period's length in months, exact; see `RunOnPeriod.in_months` (C13, I5)."""
    if period.last_day is None:
        return Fraction(0)
    # The last day of the whole months (the agreement's end if there are none).
    before = period.last_day - dt.timedelta(days=period.days)
    months = Fraction(period.months)
    for offset in range(1, period.days + 1):
        day = before + dt.timedelta(days=offset)
        months += Fraction(1, calendar.monthrange(day.year, day.month)[1])
    return months


def described(period: RunOnPeriod) -> str:
    """The period in words, for reports; see `RunOnPeriod.describe`."""
    if period.first_day is None or period.last_day is None:
        return "no run-on: the employment ends with the agreement or before"
    span = _count(period.months, "month") + (
        f" {_count(period.days, 'day')}" if period.days else ""
    )
    reason = f"{period.max_months}-month limit" if period.capped else "end of employment"
    return (
        f"{period.first_day.isoformat()} to {period.last_day.isoformat()} "
        f"({span}, until the {reason})"
    )


def _count(number: int, unit: str) -> str:
    return f"{number} {unit}" if number == 1 else f"{number} {unit}s"
