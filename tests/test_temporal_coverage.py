"""Temporal coverage of the dated rules: no day without a rule, no day with two.

Every day from the agreement's start has exactly one applicable funding rate
(C5, C6, C10), one termination date for a notice received that day (C11) and
one employer per region (C3). The checks walk every day of a long span, so a
gap or an overlap at a boundary (a rate's first day, 30 June / 1 July, a year
end, a leap day) cannot slip through.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Final

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kim_cooperation import (
    FundingRate,
    FundingSchedule,
    NoApplicableRateError,
    presets,
    termination_date,
)
from kim_cooperation.clauses import Clause

START: Final = dt.date(2023, 1, 1)
HORIZON: Final = dt.date(2032, 12, 31)


def days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=offset) for offset in range((last - first).days + 1)]


def covering(schedule: FundingSchedule, day: dt.date) -> list[FundingRate]:
    """The rates whose interval [valid_from, next valid_from) contains ``day``."""
    bounds = [rate.valid_from for rate in schedule.rates[1:]] + [dt.date.max]
    return [
        rate
        for rate, until in zip(schedule.rates, bounds, strict=True)
        if rate.valid_from <= day < until
    ]


def schedules_of_the_preset() -> list[FundingSchedule]:
    base = presets.coesfeld().funding
    increased = base.with_rate(presets.announced_increase(dt.date(2024, 7, 1)))
    return [
        base,
        increased,
        increased.without_funding_from(dt.date(2028, 1, 1), source="C10 case"),
        base.without_funding_from(dt.date(2024, 2, 29), source="leap day"),
    ]


def test_every_day_of_the_preset_schedules_has_exactly_one_rate() -> None:
    for schedule in schedules_of_the_preset():
        assert schedule.starts <= START
        for day in days(START, HORIZON):
            [rate] = covering(schedule, day)
            assert schedule.rate_on(day) == rate


@st.composite
def schedules(draw: st.DrawFn) -> FundingSchedule:
    starts = draw(
        st.lists(
            st.dates(dt.date(2023, 1, 1), dt.date(2031, 12, 31)),
            min_size=1,
            max_size=6,
            unique=True,
        )
    )
    starts = sorted({START, *starts})
    amounts = draw(st.lists(st.integers(0, 80_000), min_size=len(starts), max_size=len(starts)))
    return FundingSchedule(
        rates=[
            FundingRate(
                valid_from=day, amount=Decimal(amount), source="generated", clause=Clause.C6
            )
            for day, amount in zip(starts, amounts, strict=True)
        ]
    )


@settings(max_examples=40)
@given(schedule=schedules())
def test_generated_schedules_cover_every_day_once(schedule: FundingSchedule) -> None:
    for rate in schedule.rates:
        for day in (rate.valid_from - dt.timedelta(days=1), rate.valid_from):
            if day >= schedule.starts:
                [covered] = covering(schedule, day)
                assert schedule.rate_on(day) == covered
    for day in days(START, dt.date(2024, 12, 31)):
        [covered] = covering(schedule, day)
        assert schedule.rate_on(day) == covered


@given(st.dates(dt.date(2000, 1, 1), dt.date(2022, 12, 31)))
def test_no_rate_before_the_schedule_starts(day: dt.date) -> None:
    schedule = presets.coesfeld().funding
    assert covering(schedule, day) == []
    with pytest.raises(NoApplicableRateError, match=day.isoformat()):
        schedule.rate_on(day)


def test_every_day_of_receipt_has_one_termination_date_and_they_never_go_back() -> None:
    previous = None
    for day in days(START, HORIZON):
        ends = termination_date(day)
        assert (ends.month, ends.day) == (12, 31)
        # 18 months to the end of a calendar year: by 30 June the next year, else a year later.
        assert ends.year == day.year + (1 if (day.month, day.day) <= (6, 30) else 2)
        if previous is not None:
            assert ends >= previous
        previous = ends


def test_every_day_has_one_employer_per_region_through_a_handover() -> None:
    agreement = presets.coesfeld().give_notice(
        "Coesfeld", dt.date(2024, 6, 30), successor="Havixbeck"
    )
    handover = dt.date(2026, 1, 1)
    for day in days(START, dt.date(2027, 12, 31)):
        employer = agreement.employer_on("Nord", day)
        assert agreement.is_member(employer, day)
        assert employer.name == ("Coesfeld" if day < handover else "Havixbeck")
