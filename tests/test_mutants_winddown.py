"""Rules of `kim_cooperation.winddown` that mutation testing found unchecked (C13, I5).

Each test states a rule of the wind-down; see docs/development.md for the
mutation run that asked for it.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from kim_cooperation.winddown import RegionWindDown, RunOnPeriod, WindDown, run_on_period

END = dt.date(2025, 12, 31)


@pytest.mark.parametrize("cls", [RunOnPeriod, RegionWindDown, WindDown])
def test_wind_down_values_are_built_with_keywords_only(cls: type) -> None:
    positional = [None] * len(attrs.fields(cls))
    with pytest.raises(TypeError):
        cls(*positional)


def test_a_limit_of_one_month_is_accepted() -> None:
    period = run_on_period(END, None, max_months=1)
    assert (period.first_day, period.last_day) == (dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    assert (period.months, period.days, period.capped) == (1, 0, True)


@pytest.mark.parametrize("max_months", [0, -1])
def test_a_limit_below_one_month_is_refused(max_months: int) -> None:
    with pytest.raises(ValueError, match="max_months must be a positive int"):
        run_on_period(END, None, max_months=max_months)


def test_a_run_on_of_a_single_day() -> None:
    period = run_on_period(END, dt.date(2026, 1, 1))
    assert (period.first_day, period.last_day) == (dt.date(2026, 1, 1), dt.date(2026, 1, 1))
    assert (period.months, period.days, period.capped) == (0, 1, False)


@pytest.mark.parametrize(
    ("agreement_end", "last_day"),
    [
        (dt.date(9998, 12, 31), dt.date(9999, 12, 31)),
        (dt.date(9998, 6, 14), dt.date(9999, 6, 14)),
    ],
)
def test_a_run_on_ending_in_the_year_9999_is_representable(
    agreement_end: dt.date, last_day: dt.date
) -> None:
    period = run_on_period(agreement_end, None)
    assert period.last_day == last_day
    assert (period.months, period.days, period.capped) == (12, 0, True)
