"""Strategies for money: amounts, funding rates and schedules (C5, C6, C10), cost statements (C8).

`money` draws `Decimal` euros exact to the cent; `funding_rates` and
`funding_schedules` draw the funding per full-time post (an increase is
marked C6, a zero rate C10); `cost_statements` draws a year's costs, itemised
as in clause C8 or in the council paper's layout.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Final

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from kim_cooperation._checks import shown
from kim_cooperation.clauses import Clause
from kim_cooperation.costs import CostStatement
from kim_cooperation.funding import FundingRate, FundingSchedule
from kim_cooperation.money import MAX_EUROS, Money, from_cents
from kim_cooperation.strategies._arguments import (
    _bound_cents,
    _check_day,
    _check_int,
    _check_range,
)
from kim_cooperation.strategies._drawing import _MAX_DATE, _MIN_DATE, _choose, _day, _flag

_MAX_CENTS: Final = MAX_EUROS * 100 - 1
_RATE_SOURCES: Final = (
    "Council paper 2023",
    "Zuwendungsbescheid der Bezirksregierung",
    "Announcement of the Land",
    "Förderrichtlinie KIM",
)
_TYPICAL_RATES: Final = (Decimal("55000.00"), Decimal("57000.00"), Decimal("0.00"))
_MAX_RATE_CENTS: Final = 100_000_00


def money(
    *, min_value: Money | None = None, max_value: Money | None = None
) -> st.SearchStrategy[Decimal]:
    """Amounts of money: `Decimal` euros with exactly two places, exact to the cent.

    These are the amounts the library returns and accepts everywhere
    (``Decimal("8125.00")``); never a float, never a fraction of a cent.
    Shrinks towards zero.

    Args:
        min_value: The smallest amount (a `Decimal` or `int` of euros, exact
            to the cent); by default just above ``-MAX_EUROS``, the library's
            lower limit.
        max_value: The largest amount; by default just below ``MAX_EUROS``.

    Returns:
        A strategy for `Decimal` amounts.

    Raises:
        InvalidArgument: A bound is not exact money (a float, fractions of
            a cent, beyond ``MAX_EUROS``), or ``min_value`` exceeds
            ``max_value``.

    Examples:
        >>> from decimal import Decimal
        >>> from hypothesis import find
        >>> find(money(min_value=0), lambda amount: amount > Decimal("99.99"))
        Decimal('100.00')
        >>> find(money(min_value=Decimal("-0.05"), max_value=10), lambda amount: amount < 0)
        Decimal('-0.01')
    """
    low = _bound_cents(min_value, "min_value", -_MAX_CENTS)
    high = _bound_cents(max_value, "max_value", _MAX_CENTS)
    _check_range(low, high, "min_value", "max_value")
    return st.integers(min_value=low, max_value=high).map(from_cents)


# --- funding and costs -------------------------------------------------------------------


def _draw_rate(draw: st.DrawFn, day: dt.date, previous: Decimal | None) -> FundingRate:
    if _flag(draw):
        amount = from_cents(draw(st.integers(min_value=0, max_value=_MAX_RATE_CENTS)))
    else:
        amount = _choose(draw, _TYPICAL_RATES)
    if not amount:
        clause = Clause.C10  # the funding has ended
    elif previous is not None and amount > previous:
        clause = Clause.C6  # an increase
    else:
        clause = Clause.C5
    return FundingRate(
        valid_from=day, amount=amount, source=_choose(draw, _RATE_SOURCES), clause=clause
    )


@st.composite
def _funding_rates(draw: st.DrawFn, min_date: dt.date, max_date: dt.date) -> FundingRate:
    return _draw_rate(draw, _day(draw, min_date, max_date), None)


def funding_rates(
    *, min_date: dt.date = _MIN_DATE, max_date: dt.date = _MAX_DATE
) -> st.SearchStrategy[FundingRate]:
    """Funding rates per full-time post and year (C5, C6, C10).

    Amounts range from zero (funding lost, clause C10) to 100,000 EUR, with
    the programme's 55,000 and 57,000 EUR drawn often.

    Args:
        min_date: The earliest ``valid_from``.
        max_date: The latest ``valid_from``.

    Returns:
        A strategy for `FundingRate`.

    Raises:
        InvalidArgument: A bound is not a date, or ``min_date`` is after ``max_date``.

    Examples:
        >>> from hypothesis import find
        >>> rate = find(funding_rates(), lambda rate: rate.amount == 0)
        >>> rate.clause
        <Clause.C10: 'C10'>
    """
    _check_day(min_date, "min_date")
    _check_day(max_date, "max_date")
    _check_range(min_date, max_date, "min_date", "max_date")
    return _funding_rates(min_date, max_date)


def _draw_schedule(
    draw: st.DrawFn, min_date: dt.date, max_date: dt.date, first_by: dt.date, max_rates: int
) -> FundingSchedule:
    first = _day(draw, min_date, first_by)
    span = (max_date - first).days
    offsets: list[int] = []
    if span and max_rates > 1:
        offsets = draw(
            st.lists(st.integers(min_value=1, max_value=span), max_size=max_rates - 1, unique=True)
        )
    rates: list[FundingRate] = []
    for offset in [0, *sorted(offsets)]:
        previous = rates[-1].amount if rates else None
        rates.append(_draw_rate(draw, first + dt.timedelta(days=offset), previous))
    return FundingSchedule(rates=rates)


@st.composite
def _funding_schedules(
    draw: st.DrawFn, min_date: dt.date, max_date: dt.date, first_by: dt.date, max_rates: int
) -> FundingSchedule:
    return _draw_schedule(draw, min_date, max_date, first_by, max_rates)


def funding_schedules(
    *,
    min_date: dt.date = _MIN_DATE,
    max_date: dt.date = _MAX_DATE,
    starts_by: dt.date | None = None,
    max_rates: int = 3,
) -> st.SearchStrategy[FundingSchedule]:
    """Funding schedules (C5, C6, C10): one to ``max_rates`` dated rates in date order.

    A later rate that is higher is marked as an increase (C6), a zero rate
    as the loss of funding (C10).

    Args:
        min_date: The earliest ``valid_from``.
        max_date: The latest ``valid_from``.
        starts_by: If given, the first rate is valid from this day or
            earlier, so the schedule covers an agreement starting on it.
        max_rates: The most rates, at least 1.

    Returns:
        A strategy for `FundingSchedule`.

    Raises:
        InvalidArgument: A bound is not a date, the dates are out of order
            (``starts_by`` before ``min_date``), or ``max_rates`` is not a
            positive int.

    Examples:
        >>> import datetime as dt
        >>> from hypothesis import find
        >>> schedule = find(
        ...     funding_schedules(starts_by=dt.date(2023, 1, 1)), lambda s: len(s.rates) == 2)
        >>> schedule.starts <= dt.date(2023, 1, 1), len(schedule.rates)
        (True, 2)
    """
    _check_day(min_date, "min_date")
    _check_day(max_date, "max_date")
    _check_range(min_date, max_date, "min_date", "max_date")
    first_by = max_date
    if starts_by is not None:
        _check_day(starts_by, "starts_by")
        _check_range(min_date, starts_by, "min_date", "starts_by")
        first_by = min(starts_by, max_date)
    _check_int(max_rates, "max_rates", low=1)
    return _funding_schedules(min_date, max_date, first_by, max_rates)


def _draw_costs(draw: st.DrawFn, max_cents: int) -> CostStatement:
    def amount() -> Decimal:
        return from_cents(draw(st.integers(min_value=0, max_value=max_cents)))

    if _flag(draw):
        # The four items of clause C8.
        return CostStatement(
            personnel=amount(), equipment=amount(), recruitment=amount(), administration=amount()
        )
    # The council paper's planning layout: personnel and a material total.
    return CostStatement(personnel=amount(), material_not_itemised=amount())


@st.composite
def _cost_statements(draw: st.DrawFn, max_cents: int) -> CostStatement:
    return _draw_costs(draw, max_cents)


def _max_item_cents(max_value: Money) -> int:
    cents = _bound_cents(max_value, "max_value", 0)
    if cents < 0:
        raise InvalidArgument(f"max_value must not be negative, got {shown(max_value)}")
    return cents


def cost_statements(*, max_value: Money = 250_000) -> st.SearchStrategy[CostStatement]:
    """Cost statements (C8): either itemised as in clause C8 or in the council paper's layout.

    Itemised statements give personnel, equipment, recruitment and
    administration; the paper's layout gives personnel and a material total
    (``material_not_itemised``). Every item is between zero and ``max_value``.

    Args:
        max_value: The largest amount of one item, in euros; 250,000 by default.

    Returns:
        A strategy for `CostStatement`.

    Raises:
        InvalidArgument: ``max_value`` is negative or not exact money.

    Examples:
        >>> from hypothesis import find
        >>> find(cost_statements(), lambda costs: costs.total > 0).total
        Decimal('0.01')
    """
    return _cost_statements(_max_item_cents(max_value))
