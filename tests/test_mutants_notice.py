"""Rules of `kim_cooperation.notice` that mutation testing found unchecked (C11).

Each test states a rule of the notice terms; see docs/development.md for the
mutation run that asked for it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kim_cooperation import presets
from kim_cooperation.errors import InvalidTypeError, InvalidValueError
from kim_cooperation.notice import (
    Notice,
    NoticeDeadline,
    NoticeTerms,
    PeriodEnd,
    notice_deadline,
    termination_date,
)

RECEIVED = dt.date(2024, 6, 30)


def test_notice_terms_are_built_with_keywords_only() -> None:
    with pytest.raises(TypeError):
        NoticeTerms(3, "quarter")  # type: ignore[call-arg]


def test_notice_deadline_is_built_with_keywords_only() -> None:
    with pytest.raises(TypeError):
        NoticeDeadline(dt.date(2026, 12, 31), dt.date(2025, 6, 30), NoticeTerms())  # type: ignore[call-arg]


def test_notice_is_built_with_keywords_only() -> None:
    party = presets.coesfeld().party("Rosendahl")
    with pytest.raises(TypeError):
        Notice(party, RECEIVED)  # type: ignore[call-arg]


def test_a_successor_named_by_a_string_is_refused() -> None:
    party = presets.coesfeld().party("Coesfeld")
    with pytest.raises(InvalidTypeError, match="successor employer is a Party or None"):
        Notice(party=party, received=RECEIVED, successor="Billerbeck")  # type: ignore[arg-type]


def test_a_notice_without_a_successor_has_none() -> None:
    party = presets.coesfeld().party("Rosendahl")
    assert Notice(party=party, received=RECEIVED).successor is None


def test_a_party_cannot_succeed_itself() -> None:
    party = presets.coesfeld().party("Coesfeld")
    with pytest.raises(InvalidValueError, match="cannot name itself"):
        Notice(party=party, received=RECEIVED, successor=party)


@pytest.mark.parametrize("months", [1, 1200])
def test_notice_periods_from_one_to_1200_months_are_accepted(months: int) -> None:
    assert NoticeTerms(months=months).months == months


@pytest.mark.parametrize("months", [0, 1201])
def test_notice_periods_outside_one_to_1200_months_are_refused(months: int) -> None:
    with pytest.raises(InvalidValueError, match="between 1 and 1200 months"):
        NoticeTerms(months=months)


def test_one_month_is_described_in_the_singular() -> None:
    assert NoticeTerms(months=1, period_end="month").describe() == "1 month to the end of a month"
    assert NoticeTerms(months=2, period_end="month").describe() == "2 months to the end of a month"


def test_a_saturday_deadline_must_be_met_by_the_friday_before() -> None:
    # 30 June 2029 is a Saturday: the deadline to end 2030.
    deadline = notice_deadline(2030)
    assert deadline.deadline == dt.date(2029, 6, 30)
    assert deadline.deadline.weekday() == 5
    assert deadline.last_working_day == dt.date(2029, 6, 29)


def test_a_sunday_deadline_must_be_met_by_the_friday_before() -> None:
    deadline = notice_deadline(2025)
    assert deadline.deadline == dt.date(2024, 6, 30)
    assert deadline.last_working_day == dt.date(2024, 6, 28)


@pytest.mark.parametrize(
    ("period_end", "day", "expected"),
    [
        (PeriodEnd.QUARTER, dt.date(2025, 3, 31), True),
        (PeriodEnd.QUARTER, dt.date(2025, 4, 30), False),
        (PeriodEnd.HALF_YEAR, dt.date(2025, 6, 30), True),
        (PeriodEnd.HALF_YEAR, dt.date(2025, 9, 30), False),
        (PeriodEnd.MONTH, dt.date(2024, 2, 29), True),
        (PeriodEnd.MONTH, dt.date(2024, 2, 28), False),
    ],
)
def test_period_ends_are_the_last_days_of_their_periods(
    period_end: PeriodEnd, day: dt.date, expected: bool
) -> None:
    assert period_end.is_end(day) is expected


def test_termination_counts_from_the_day_after_receipt() -> None:
    # 18 months from 1 July 2024 end on 31 December 2025 (§§ 187, 188 BGB).
    assert termination_date(dt.date(2024, 6, 30)) == dt.date(2025, 12, 31)
    assert termination_date(dt.date(2024, 7, 1)) == dt.date(2026, 12, 31)
