"""Tests of `kim_cooperation.notice`: 18 months to the end of a calendar year (C11)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import assume, given
from hypothesis import strategies as st

from kim_cooperation.clauses import Clause
from kim_cooperation.errors import (
    InvalidDateError,
    InvalidTypeError,
    InvalidValueError,
    KimCooperationError,
)
from kim_cooperation.notice import (
    DEFAULT_NOTICE_TERMS,
    NoticeDeadline,
    NoticeTerms,
    PeriodEnd,
    is_weekend,
    latest_notice_date,
    latest_notice_date_for,
    notice_deadline,
    termination_date,
)
from strategies import dates_near_year_end, notice_terms, period_end_dates

YEARS = st.integers(min_value=1900, max_value=2200)


def last_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def expected_termination(received: dt.date, terms: NoticeTerms) -> dt.date:
    """An independent oracle for `termination_date`, without relativedelta.

    The period ends in the month ``terms.months`` after the month of receipt,
    on a day no later than that month's last day; so the agreement ends on the
    last day of the first period that closes in or after that month.
    """
    index = received.year * 12 + received.month - 1 + terms.months
    year, month = divmod(index, 12)
    month += 1
    step = terms.period_end.months
    return last_of_month(year, -(-month // step) * step)


def previous_period_end(end: dt.date, period_end: PeriodEnd) -> dt.date | None:
    """The period end before ``end`` (itself a period end); ``None`` before year 1."""
    first_of_period = end.replace(day=1) - relativedelta(months=period_end.months - 1)
    if first_of_period == dt.date.min:
        return None
    return first_of_period - dt.timedelta(days=1)


# --- golden dates of the domain brief ---------------------------------------------------


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (dt.date(2024, 6, 30), dt.date(2025, 12, 31)),
        (dt.date(2024, 7, 1), dt.date(2026, 12, 31)),
        (dt.date(2024, 1, 1), dt.date(2025, 12, 31)),
        (dt.date(2024, 6, 1), dt.date(2025, 12, 31)),
        (dt.date(2024, 12, 31), dt.date(2026, 12, 31)),
        (dt.date(2023, 1, 1), dt.date(2024, 12, 31)),
        (dt.date(2023, 6, 30), dt.date(2024, 12, 31)),
    ],
)
def test_termination_date_golden(received: dt.date, expected: dt.date) -> None:
    assert termination_date(received) == expected
    assert termination_date(received, DEFAULT_NOTICE_TERMS) == expected


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2025, dt.date(2024, 6, 30)),
        (2026, dt.date(2025, 6, 30)),
        (2024, dt.date(2023, 6, 30)),
        (2, dt.date(1, 6, 30)),
        (9999, dt.date(9998, 6, 30)),
    ],
)
def test_latest_notice_date_golden(year: int, expected: dt.date) -> None:
    assert latest_notice_date(year) == expected
    assert latest_notice_date_for(dt.date(year, 12, 31)) == expected


def test_notice_deadline_2025_falls_on_a_sunday() -> None:
    deadline = notice_deadline(2025)
    assert isinstance(deadline, NoticeDeadline)
    assert deadline.end == dt.date(2025, 12, 31)
    assert deadline.deadline == dt.date(2024, 6, 30)
    assert deadline.terms == DEFAULT_NOTICE_TERMS
    assert deadline.clause is Clause.C11
    assert deadline.falls_on_weekend
    assert deadline.last_working_day == dt.date(2024, 6, 28)
    warning = deadline.warning()
    assert warning is not None
    assert "§ 193" in warning
    assert "2024-06-30" in warning
    assert "Sunday" in warning
    assert "2024-06-28" in warning


def test_notice_deadline_on_a_saturday_backs_up_one_day() -> None:
    deadline = notice_deadline(2030)
    assert deadline.deadline == dt.date(2029, 6, 30)
    assert deadline.last_working_day == dt.date(2029, 6, 29)
    warning = deadline.warning()
    assert warning is not None
    assert "Saturday" in warning


def test_notice_deadline_on_a_working_day_has_no_warning() -> None:
    deadline = notice_deadline(2026)
    assert deadline.deadline == dt.date(2025, 6, 30)
    assert not deadline.falls_on_weekend
    assert deadline.last_working_day == deadline.deadline
    assert deadline.warning() is None


def test_the_30_june_deadlines_on_weekends_are_2024_2029_2030_2035() -> None:
    weekend_years = [
        year for year in range(2020, 2036) if notice_deadline(year + 1).falls_on_weekend
    ]
    assert weekend_years == [2024, 2029, 2030, 2035]
    for year in weekend_years:
        assert is_weekend(latest_notice_date(year + 1))


@given(YEARS)
def test_the_deadline_is_never_moved(year: int) -> None:
    deadline = notice_deadline(year)
    assert deadline.deadline == dt.date(year - 1, 6, 30)
    assert deadline.last_working_day <= deadline.deadline
    assert deadline.deadline - deadline.last_working_day <= dt.timedelta(days=2)
    assert not is_weekend(deadline.last_working_day)
    assert deadline.falls_on_weekend == (deadline.deadline.weekday() >= 5)
    # 30 June is never a public holiday: Fronleichnam, the latest in June, is by 24 June.
    assert deadline.falls_on_closed_day == deadline.falls_on_weekend
    # Outside the years the holidays data covers the warning says that they were not checked.
    checked = deadline.day_check.holidays_checked
    assert (deadline.warning() is None) == (checked and deadline.deadline.weekday() < 5)


@given(st.dates())
def test_is_weekend_means_saturday_or_sunday(day: dt.date) -> None:
    assert is_weekend(day) == (day.strftime("%A") in {"Saturday", "Sunday"})


def test_notice_terms_defaults_and_description() -> None:
    assert NoticeTerms() == DEFAULT_NOTICE_TERMS
    assert DEFAULT_NOTICE_TERMS.months == 18
    assert DEFAULT_NOTICE_TERMS.period_end is PeriodEnd.YEAR
    assert DEFAULT_NOTICE_TERMS.describe() == "18 months to the end of a year"
    assert NoticeTerms(months=1, period_end="month").describe() == "1 month to the end of a month"
    assert NoticeTerms(months=6, period_end="half-year").period_end is PeriodEnd.HALF_YEAR
    assert NoticeTerms.clause is Clause.C11


@pytest.mark.parametrize(
    ("period_end", "months", "ends"),
    [
        (PeriodEnd.YEAR, 12, [12]),
        (PeriodEnd.HALF_YEAR, 6, [6, 12]),
        (PeriodEnd.QUARTER, 3, [3, 6, 9, 12]),
        (PeriodEnd.MONTH, 1, list(range(1, 13))),
    ],
)
def test_period_ends(period_end: PeriodEnd, months: int, ends: list[int]) -> None:
    assert period_end.months == months
    found = [month for month in range(1, 13) if period_end.is_end(last_of_month(2024, month))]
    assert found == ends
    assert not period_end.is_end(dt.date(2024, 12, 30))
    assert not period_end.is_end(dt.date(2024, 2, 28))
    assert period_end.is_end(dt.date(2023, 2, 28)) == (period_end is PeriodEnd.MONTH)


@given(st.dates(max_value=dt.date(9999, 11, 30)), st.sampled_from(PeriodEnd))
def test_next_end_is_the_first_period_end_on_or_after_a_day(
    day: dt.date, period_end: PeriodEnd
) -> None:
    end = period_end.next_end(day)
    assert end >= day
    assert period_end.is_end(end)
    assert end.year == day.year
    previous = previous_period_end(end, period_end)
    assert previous is None or previous < day


# --- properties of termination_date --------------------------------------------------------


@given(dates_near_year_end())
def test_default_terms_always_end_on_31_december(received: dt.date) -> None:
    end = termination_date(received)
    assert (end.month, end.day) == (12, 31)
    # Received by 30 June: the next year; from 1 July: the year after.
    by_june = (received.month, received.day) <= (6, 30)
    assert end.year == received.year + (1 if by_june else 2)


@given(dates_near_year_end(), notice_terms())
def test_termination_date_agrees_with_an_independent_oracle(
    received: dt.date, terms: NoticeTerms
) -> None:
    assert termination_date(received, terms) == expected_termination(received, terms)


@given(dates_near_year_end(), notice_terms())
def test_termination_is_the_earliest_period_end_after_the_notice_period(
    received: dt.date, terms: NoticeTerms
) -> None:
    end = termination_date(received, terms)
    period_over = received + relativedelta(months=terms.months)
    assert terms.period_end.is_end(end)
    assert period_over <= end
    previous = previous_period_end(end, terms.period_end)
    assert previous is not None  # received is at least in year 1, so end is later
    assert terms.period_end.is_end(previous)
    assert previous < period_over


@given(dates_near_year_end(), dates_near_year_end(), notice_terms())
def test_termination_date_is_monotone(first: dt.date, second: dt.date, terms: NoticeTerms) -> None:
    early, late = sorted((first, second))
    assert termination_date(early, terms) <= termination_date(late, terms)


@given(YEARS)
def test_latest_notice_date_is_the_last_day_that_still_ends_the_year(year: int) -> None:
    deadline = latest_notice_date(year)
    assert termination_date(deadline) == dt.date(year, 12, 31)
    assert termination_date(deadline + dt.timedelta(days=1)) == dt.date(year + 1, 12, 31)


@given(notice_terms(), st.data())
def test_latest_notice_date_for_inverts_termination_date(
    terms: NoticeTerms, data: st.DataObject
) -> None:
    end = data.draw(period_end_dates(terms.period_end))
    deadline = latest_notice_date_for(end, terms)
    assert deadline < end
    assert termination_date(deadline, terms) == end
    assert termination_date(deadline + dt.timedelta(days=1), terms) > end
    # It is the last day of the month `months` months before the end's month.
    months_back = end.replace(day=1) - relativedelta(months=terms.months)
    assert deadline == last_of_month(months_back.year, months_back.month)


@given(notice_terms(period_ends=[PeriodEnd.YEAR]), YEARS)
def test_latest_notice_date_uses_the_terms(terms: NoticeTerms, year: int) -> None:
    assert latest_notice_date(year, terms) == latest_notice_date_for(dt.date(year, 12, 31), terms)
    assert notice_deadline(year, terms).deadline == latest_notice_date(year, terms)


@given(notice_terms(), dates_near_year_end())
def test_latest_notice_date_for_refuses_a_day_that_ends_no_period(
    terms: NoticeTerms, day: dt.date
) -> None:
    assume(not terms.period_end.is_end(day))
    with pytest.raises(InvalidValueError, match=re.escape(day.isoformat())) as caught:
        latest_notice_date_for(day, terms)
    assert "C11" in str(caught.value)
    assert terms.period_end.value in str(caught.value)


def test_latest_notice_date_for_refuses_30_december() -> None:
    with pytest.raises(InvalidValueError, match="2025-12-30 is not the end of a year"):
        latest_notice_date_for(dt.date(2025, 12, 30))
    with pytest.raises(InvalidValueError, match="not the end of a quarter"):
        latest_notice_date_for(dt.date(2025, 5, 31), NoticeTerms(months=3, period_end="quarter"))


@pytest.mark.parametrize(
    ("received", "terms", "expected"),
    [
        (dt.date(2024, 2, 29), NoticeTerms(months=1, period_end="month"), dt.date(2024, 3, 31)),
        (dt.date(2024, 1, 31), NoticeTerms(months=1, period_end="month"), dt.date(2024, 2, 29)),
        (dt.date(2024, 3, 31), NoticeTerms(months=3, period_end="quarter"), dt.date(2024, 6, 30)),
        (dt.date(2024, 4, 1), NoticeTerms(months=3, period_end="quarter"), dt.date(2024, 9, 30)),
        (
            dt.date(2024, 12, 31),
            NoticeTerms(months=6, period_end="half-year"),
            dt.date(2025, 6, 30),
        ),
        (
            dt.date(2025, 1, 1),
            NoticeTerms(months=6, period_end="half-year"),
            dt.date(2025, 12, 31),
        ),
    ],
)
def test_other_terms_examples(received: dt.date, terms: NoticeTerms, expected: dt.date) -> None:
    assert termination_date(received, terms) == expected
    assert latest_notice_date_for(expected, terms) >= received


# --- boundaries of the calendar ----------------------------------------------------------


@given(st.dates(), notice_terms(max_months=1200))
def test_termination_date_never_overflows(received: dt.date, terms: NoticeTerms) -> None:
    month_index = received.year * 12 + received.month - 1 + terms.months
    if month_index // 12 > 9999:
        with pytest.raises(InvalidDateError, match="after 31 December 9999"):
            termination_date(received, terms)
    else:
        assert termination_date(received, terms) == expected_termination(received, terms)


@given(notice_terms(max_months=1200), st.data())
def test_latest_notice_date_for_never_overflows(terms: NoticeTerms, data: st.DataObject) -> None:
    end = data.draw(period_end_dates(terms.period_end, min_year=1, max_year=9999))
    month_index = end.year * 12 + end.month - 1 - terms.months
    if month_index // 12 < 1:
        with pytest.raises(InvalidDateError, match="before 1 January 1"):
            latest_notice_date_for(end, terms)
    else:
        assert termination_date(latest_notice_date_for(end, terms), terms) == end


def test_the_last_representable_year() -> None:
    assert latest_notice_date(9999) == dt.date(9998, 6, 30)
    assert termination_date(dt.date(9998, 6, 30)) == dt.date(9999, 12, 31)
    with pytest.raises(InvalidDateError, match=r"9998-07-01.*after 31 December 9999"):
        termination_date(dt.date(9998, 7, 1))


@pytest.mark.parametrize("received", [dt.date.max, dt.date(9999, 1, 1), dt.date(9998, 12, 31)])
def test_dates_near_the_end_of_the_calendar_raise_invalid_date_error(received: dt.date) -> None:
    with pytest.raises(InvalidDateError, match=received.isoformat()) as caught:
        termination_date(received)
    assert isinstance(caught.value, ValueError)
    assert not isinstance(caught.value, OverflowError)


def test_deadlines_before_the_calendar_raise_invalid_date_error() -> None:
    with pytest.raises(InvalidDateError, match=r"0001-12-31.*before 1 January 1"):
        latest_notice_date(1)
    with pytest.raises(InvalidDateError, match="before 1 January 1"):
        latest_notice_date_for(dt.date(1, 1, 31), NoticeTerms(months=1, period_end="month"))
    with pytest.raises(InvalidDateError):
        notice_deadline(1)
    assert latest_notice_date_for(
        dt.date(1, 2, 28), NoticeTerms(months=1, period_end="month")
    ) == (dt.date(1, 1, 31))


# --- bad input -----------------------------------------------------------------------------


def test_a_datetime_is_refused_not_truncated() -> None:
    moment = dt.datetime(2024, 6, 30, 23, 59, tzinfo=dt.UTC)
    with pytest.raises(
        InvalidTypeError, match=r"received must be a datetime\.date, got datetime"
    ) as c:
        termination_date(moment)
    assert isinstance(c.value, TypeError)
    assert isinstance(c.value, KimCooperationError)
    assert "value.date()" in str(c.value)
    with pytest.raises(InvalidTypeError, match=r"end must be a datetime\.date, got datetime"):
        latest_notice_date_for(dt.datetime(2025, 12, 31, tzinfo=dt.UTC))
    with pytest.raises(InvalidTypeError, match=r"day must be a datetime\.date"):
        is_weekend(moment)


@pytest.mark.parametrize("value", ["2024-06-30", 20240630, None, (2024, 6, 30)])
def test_other_types_of_date_are_refused(value: Any) -> None:
    with pytest.raises(InvalidTypeError, match=re.escape(repr(value))):
        termination_date(value)
    with pytest.raises(InvalidTypeError, match=re.escape(repr(value))):
        latest_notice_date_for(value)


def test_a_date_string_gets_a_parsing_hint() -> None:
    with pytest.raises(InvalidTypeError, match=re.escape("date.fromisoformat('2024-06-30')")):
        termination_date("2024-06-30")  # type: ignore[arg-type]


@pytest.mark.parametrize("year", [True, False, 2025.0, "2025", None])
def test_year_must_be_an_int(year: Any) -> None:
    with pytest.raises(
        InvalidTypeError, match=re.escape(f"year must be an int, got {type(year).__name__}")
    ):
        latest_notice_date(year)
    with pytest.raises(InvalidTypeError):
        notice_deadline(year)


@pytest.mark.parametrize("year", [0, -1, 10000, 10**9])
def test_year_out_of_range_is_refused(year: int) -> None:
    with pytest.raises(InvalidDateError, match=f"between 1 and 9999, got {year}"):
        latest_notice_date(year)
    with pytest.raises(InvalidDateError):
        notice_deadline(year)


@pytest.mark.parametrize("months", [0, -18, 1201])
def test_notice_period_out_of_range_is_refused(months: int) -> None:
    with pytest.raises(InvalidValueError, match=rf"got {months} \(C11\)"):
        NoticeTerms(months=months)


@pytest.mark.parametrize("months", [1.5, 18.0, True, "18", None])
def test_notice_period_must_be_an_int(months: Any) -> None:
    with pytest.raises(
        InvalidTypeError, match=re.escape(f"got {type(months).__name__} {months!r}")
    ):
        NoticeTerms(months=months)


@pytest.mark.parametrize("period_end", ["decade", "Year", "", 12, None])
def test_unknown_period_end_is_refused(period_end: Any) -> None:
    with pytest.raises(InvalidValueError, match=re.escape(f"got {period_end!r}")) as caught:
        NoticeTerms(period_end=period_end)
    assert "'half-year'" in str(caught.value)


@pytest.mark.parametrize("terms", ["18 months", 18, None])
def test_terms_must_be_notice_terms(terms: Any) -> None:
    with pytest.raises(InvalidTypeError, match="terms must be NoticeTerms"):
        termination_date(dt.date(2024, 6, 30), terms)
    with pytest.raises(InvalidTypeError, match="terms must be NoticeTerms"):
        latest_notice_date_for(dt.date(2025, 12, 31), terms)
