"""Funding (C5, C6, C10): the state's rate per full-time post and year, over time.

The state programme "Kommunales Integrationsmanagement" funds each full-time
post with a flat rate per year (55,000 EUR; 57,000 EUR announced, C6), paid
through the Kreis to the employer. Part-time posts get the rate in proportion
to their FTE (C5). If the funding ends, the rate is zero from that day and
the towns bear the whole costs (C10).

A `FundingSchedule` holds dated values and answers "the last value on or
before the date", as rules-as-code systems do for legal parameters. Each value
carries its source, so a figure can be traced to the paper it comes from.

Examples:
    >>> import datetime as dt
    >>> from decimal import Decimal
    >>> from kim_cooperation import FundingRate, FundingSchedule
    >>> schedule = FundingSchedule(rates=[
    ...     FundingRate(valid_from=dt.date(2023, 1, 1), amount=Decimal("55000"),
    ...                 source="Council paper 2023"),
    ... ])
    >>> schedule = schedule.with_rate(
    ...     FundingRate(valid_from=dt.date(2024, 1, 1), amount=Decimal("57000"),
    ...                 source="Announcement of the Land", clause="C6"))
    >>> schedule.rate_on(dt.date(2023, 12, 31)).amount
    Decimal('55000.00')
    >>> schedule.rate_on(dt.date(2024, 1, 1)).amount
    Decimal('57000.00')
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Final, NamedTuple, TypeAlias

import attrs

from kim_cooperation._checks import (
    builder,
    check_date,
    check_label,
    check_year,
    result_type,
    shown,
    tuple_of,
)
from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.errors import (
    InvalidTypeError,
    InvalidValueError,
    NoApplicableRateError,
    Phrase,
)
from kim_cooperation.i18n import N_
from kim_cooperation.money import Money, from_cents, round_half_up_to_cents, to_cents, to_money
from kim_cooperation.policy import PartYearFunding
from kim_cooperation.post import Post

__all__ = ["FundingRate", "FundingSchedule", "PostFunding", "RegionFunding", "region_funding"]

_FUNDING_CLAUSES = frozenset({Clause.C5, Clause.C6, Clause.C10})

_RATE: Final = Phrase(N_("funding rate"))
"""How a funding rate's amount is named in a message."""


def _amount(value: Money) -> Decimal:
    amount = to_money(value, what=_RATE)
    if amount < 0:
        raise InvalidValueError(
            N_("funding rate must not be negative, got {value} (C5)"), value=shown(value)
        )
    return amount


def _valid_from(value: dt.date) -> dt.date:
    return check_date(value, what="valid_from")


def _source(value: str) -> str:
    return check_label(value, what="funding rate source")


def _clause(value: Clause | str) -> Clause:
    try:
        clause = Clause(value) if isinstance(value, str) else None  # Clause is a StrEnum
    except ValueError:
        clause = None
    if clause not in _FUNDING_CLAUSES:
        raise InvalidValueError(
            N_("a funding rate comes from clause C5, C6 or C10, got {value}"), value=shown(value)
        )
    return clause


# The hash is cached: rates are hashed when a year's applied rates are collected.
@attrs.frozen(kw_only=True, cache_hash=True)
class FundingRate:
    """The funding per full-time post and year, valid from a day on (C5).

    Attributes:
        valid_from: The first day the rate applies.
        amount: EUR per full-time post and year, at least zero. Zero models
            the loss of funding (C10).
        source: Where the value comes from (a paper, a notice, a law).
        clause: The clause behind the value: ``C5`` (the rate), ``C6`` (an
            increase) or ``C10`` (loss of funding). Default ``C5``.

    Examples:
        >>> import datetime as dt
        >>> rate = FundingRate(valid_from=dt.date(2023, 1, 1), amount=55000,
        ...                    source="Council paper 2023")
        >>> rate.amount, str(rate.clause)
        (Decimal('55000.00'), 'C5')
        >>> FundingRate(valid_from=dt.date(2024, 1, 1), amount=57000,
        ...             source="Announcement of the Land", clause="C6").clause.heading
        'Funding increase'
    """

    valid_from: dt.date = attrs.field(converter=_valid_from)
    amount: Decimal = attrs.field(converter=_amount)
    source: str = attrs.field(converter=_source)
    clause: Clause = attrs.field(default=Clause.C5, converter=_clause)


def _check_schedule_item(rate: object) -> None:
    if not isinstance(rate, FundingRate):
        raise InvalidTypeError(
            f"a funding schedule holds FundingRate values, got {type(rate).__name__} {shown(rate)}"
        )


def _rates(value: Iterable[FundingRate]) -> tuple[FundingRate, ...]:
    rates = tuple_of(value, FundingRate, what="funding rates")
    if not rates:
        raise InvalidValueError(N_("a funding schedule needs at least one rate (C5)"))
    for earlier, later in itertools.pairwise(rates):
        if later.valid_from == earlier.valid_from:
            raise InvalidValueError(
                N_(
                    "funding schedule has two rates valid from {day}; "
                    "each day may start at most one rate"
                ),
                day=later.valid_from,
            )
        if later.valid_from < earlier.valid_from:
            raise InvalidValueError(
                N_("funding rates must be sorted by valid_from: {later} follows {earlier}"),
                later=later.valid_from,
                earlier=earlier.valid_from,
            )
    return rates


# The hash is cached: a schedule is hashed with every agreement that holds it.
@attrs.frozen(kw_only=True, cache_hash=True)
class FundingSchedule:
    """Dated funding rates per full-time post and year (C5, C6, C10).

    The rate on a day is the last value whose ``valid_from`` is on or before
    that day. Every day from the first ``valid_from`` on has exactly one rate.

    Attributes:
        rates: The values, strictly increasing by ``valid_from``; duplicate
            or unsorted dates are refused.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> schedule = presets.coesfeld().funding
        >>> schedule.starts, schedule.rate_on(dt.date(2030, 6, 1)).amount
        (datetime.date(2023, 1, 1), Decimal('55000.00'))
        >>> raised = schedule.with_rate(presets.announced_increase(dt.date(2024, 1, 1)))
        >>> [(str(rate.valid_from), str(rate.amount), str(rate.clause)) for rate in raised.rates]
        [('2023-01-01', '55000.00', 'C5'), ('2024-01-01', '57000.00', 'C6')]
    """

    rates: tuple[FundingRate, ...] = attrs.field(converter=_rates)

    @property
    def starts(self) -> dt.date:
        """The first day with a rate."""
        return self.rates[0].valid_from

    def rate_on(self, day: dt.date) -> FundingRate:
        """Return the rate in force on ``day``.

        Raises:
            NoApplicableRateError: ``day`` is before the first rate.
        """
        day = check_date(day, what="day")
        found: FundingRate | None = None
        for rate in self.rates:
            if rate.valid_from > day:
                break
            found = rate
        if found is None:
            raise NoApplicableRateError(
                N_("no funding rate applies on {day}; the schedule starts on {starts} (C5)"),
                day=day,
                starts=self.starts,
            )
        return found

    def with_rate(self, rate: FundingRate) -> FundingSchedule:
        """Return a new schedule with ``rate`` added in date order.

        Raises:
            InvalidTypeError: ``rate`` is not a `FundingRate`.
            InvalidValueError: A rate already starts on ``rate.valid_from``.
        """
        _check_schedule_item(rate)
        rates = sorted((*self.rates, rate), key=lambda item: item.valid_from)
        return FundingSchedule(rates=rates)

    def without_funding_from(self, day: dt.date, *, source: str) -> FundingSchedule:
        """Return a new schedule in which funding ends on ``day`` (C10).

        From ``day`` on the rate is zero and the towns bear the costs in
        equal parts within each region (interpretation choice I4). Rates that
        would have started on or after ``day`` are dropped: the funding has
        ended.

        Examples:
            >>> import datetime as dt
            >>> from kim_cooperation import presets
            >>> schedule = presets.coesfeld().funding.without_funding_from(
            ...     dt.date(2026, 1, 1), source="Programme ends")
            >>> schedule.rate_on(dt.date(2026, 1, 1))
            FundingRate(valid_from=datetime.date(2026, 1, 1), amount=Decimal('0.00'), source='Programme ends', clause=<Clause.C10: 'C10'>)
        """
        ended = FundingRate(valid_from=day, amount=Decimal(0), source=source, clause=Clause.C10)
        return FundingSchedule(
            rates=[*(rate for rate in self.rates if rate.valid_from < ended.valid_from), ended]
        )


@result_type(made_by="region_funding() and settle()")
@attrs.frozen(kw_only=True)
class PostFunding:
    """The funding one post earns in one year (C5, I7).

    Attributes:
        post: The post.
        months: The calendar months (1 to 12) the post is filled for in full
            (funding in twelfths).
        exact: The exact funding in euros: FTE × Σ rate / 12 over those
            months, or FTE × Σ rate / days of the year over the days filled.
        days: The days funded under the day-by-day policy; 0 for twelfths.
        month_rates: The rate applied to each of ``months``, in the same
            order: the rate in force on the month's first day (I7).

    Examples:
        A half-time post filled from 1 April earns nine twelfths of half the rate:

        >>> import datetime as dt
        >>> from fractions import Fraction
        >>> from kim_cooperation import presets
        >>> post = Post(label="Nord 4", fte=Fraction(1, 2), employment_start=dt.date(2023, 4, 1))
        >>> (funded,) = region_funding([post], 2023, presets.coesfeld().funding).posts
        >>> funded.months, funded.exact
        ((4, 5, 6, 7, 8, 9, 10, 11, 12), Fraction(20625, 1))
        >>> {str(rate.amount) for rate in funded.month_rates}
        {'55000.00'}
    """

    post: Post
    months: tuple[int, ...]
    exact: Fraction
    days: int = 0
    month_rates: tuple[FundingRate, ...] = ()


@result_type(made_by="region_funding(), settle() and wind_down()")
@attrs.frozen(kw_only=True)
class RegionFunding:
    """A region's funding for one year (C5), with its derivation.

    Settlements (`RegionSettlement.funding`) and wind-downs
    (`RegionWindDown.funding`) share this type. In a wind-down the funding
    still received reduces the run-on costs (C13, I5); where the caller gave
    it (`wind_down`), it has no rates, ``posts`` holds the amount given for
    each post where it was given per post, and ``interpretation`` is ``I5``.

    Attributes:
        year: The calendar year; for funding given to `wind_down`, the year
            in which the run-on begins.
        posts: The funding of each post.
        rates: The distinct rates applied in the year, in date order; none
            for funding given to `wind_down`.
        exact: The exact sum over the posts.
        amount: ``exact`` rounded half up to cents; equal to it whenever the
            rates and FTEs give whole cents, as for full years at 55,000 EUR.
        clause: ``C5``.
        interpretation: ``I7``, the rule for part-year posts; ``I5`` for
            funding given to `wind_down`.
        method: How part-year posts were funded (twelfths or days); for
            funding given to `wind_down`, the default, unused.

    Examples:
        >>> from fractions import Fraction
        >>> from kim_cooperation import presets
        >>> agreement = presets.coesfeld()
        >>> nord = region_funding(agreement.region("Nord").posts, 2023, agreement.funding)
        >>> nord.amount, nord.is_rounded, nord.lost
        (Decimal('137500.00'), False, False)
        >>> third = region_funding([Post(label="X", fte=Fraction(1, 3))], 2023, agreement.funding)
        >>> third.exact, third.amount, third.is_rounded
        (Fraction(55000, 3), Decimal('18333.33'), True)
    """

    year: int
    posts: tuple[PostFunding, ...]
    rates: tuple[FundingRate, ...]
    exact: Fraction
    amount: Decimal
    clause: Clause = Clause.C5
    interpretation: Interpretation = Interpretation.I7
    method: PartYearFunding = PartYearFunding.TWELFTHS

    @property
    def is_rounded(self) -> bool:
        """Tell whether ``amount`` differs from the exact funding."""
        return Fraction(to_cents(self.amount), 100) != self.exact

    @property
    def lost(self) -> bool:
        """Tell whether the rate was zero all year: funding lost (C10)."""
        return bool(self.rates) and all(rate.amount == 0 for rate in self.rates)


_post_funding = builder(PostFunding)
_region_funding = builder(RegionFunding)


def region_funding(
    posts: Sequence[Post],
    year: int,
    schedule: FundingSchedule,
    *,
    active_from: dt.date | None = None,
    method: PartYearFunding | str = PartYearFunding.TWELFTHS,
    active_until: dt.date | None = None,
) -> RegionFunding:
    """Compute the funding of a region's posts for a calendar year (C5, I7).

    By default each post earns, for every calendar month it is filled in
    full, one twelfth of the rate in force on the month's first day, times
    its FTE (interpretation choice I7). With ``method="days"`` it earns, for
    every day it is filled, the rate in force that day divided by the days
    of the year. A post without employment dates is filled from
    ``active_from`` (the agreement's start) on; time before it earns
    nothing. For a post filled all year at one rate either way gives
    ``FTE × rate``.

    Args:
        posts: The region's posts.
        year: The calendar year.
        schedule: The funding schedule.
        active_from: The first day of the agreement; months that begin
            before it are not funded.
        active_until: The last day of the agreement if it ends in ``year``
            (C13); months that end after it are not funded, and under the
            day-by-day policy no day after it.
        method: ``"twelfths"`` (default) or ``"days"``, see
            `kim_cooperation.policy.PartYearFunding`.

    Returns:
        The funding with its derivation per post.

    Raises:
        InvalidTypeError: ``posts`` is not an iterable of `Post`,
            ``schedule`` not a `FundingSchedule`, or a year or date has the
            wrong type.
        InvalidValueError: ``method`` is not a policy of
            `kim_cooperation.policy.PartYearFunding`.
        NoApplicableRateError: A funded month lies before the schedule's
            first rate.

    Examples:
        >>> import datetime as dt
        >>> from fractions import Fraction
        >>> from kim_cooperation import presets, Post
        >>> schedule = presets.coesfeld().funding
        >>> posts = [Post(label="A", fte=1), Post(label="B", fte=1),
        ...          Post(label="C", fte=Fraction(1, 2))]
        >>> region_funding(posts, 2023, schedule).amount
        Decimal('137500.00')
        >>> late = Post(label="D", fte=1, employment_start=dt.date(2023, 4, 1))
        >>> region_funding([late], 2023, schedule).amount
        Decimal('41250.00')
    """
    posts = tuple_of(posts, Post, what="posts")
    year = check_year(year)
    if not isinstance(schedule, FundingSchedule):
        raise InvalidTypeError(
            f"schedule must be a FundingSchedule, got {type(schedule).__name__} {shown(schedule)}"
        )
    if active_from is not None:
        active_from = check_date(active_from, what="active_from")
    if active_until is not None:
        active_until = check_date(active_until, what="active_until")
    try:
        chosen = PartYearFunding(str.__str__(method)) if isinstance(method, str) else None
    except ValueError:
        chosen = None
    if chosen is None:
        raise InvalidValueError(
            N_("method must be one of {methods}, got {value}"),
            methods=[item.value for item in PartYearFunding],
            value=shown(method),
        )
    if chosen is PartYearFunding.DAYS:
        return _funding_by_days(posts, year, schedule, active_from, active_until)
    return _funding_in_twelfths(
        posts, year, _month_rates(schedule, year, active_from, active_until)
    )


_MonthRates: TypeAlias = Mapping[int, tuple[FundingRate, int]]
"""The rate in force on the first day of each funded month, with its amount in cents."""


def _month_rates(
    schedule: FundingSchedule,
    year: int,
    active_from: dt.date | None,
    active_until: dt.date | None = None,
) -> _MonthRates:
    """Return the rate of each month of ``year`` from ``active_from`` to ``active_until`` (C5, I7).

    Only months the agreement runs for in full count. Settlements compute
    this once per year and share it among the regions.

    Raises:
        NoApplicableRateError: A month counted lies before the schedule's first rate.
    """
    rates: dict[int, tuple[FundingRate, int]] = {}
    # The schedule's rates are in date order: one pass finds the rate of each month's
    # first day, and each rate's cents are read once.
    known = schedule.rates
    following = 0
    current: FundingRate | None = None
    current_cents = 0
    for month, first, last in _calendar(year):
        if (active_from is not None and first < active_from) or (
            active_until is not None and last > active_until
        ):
            continue
        while following < len(known) and known[following].valid_from <= first:
            current = known[following]
            current_cents = to_cents(current.amount)
            following += 1
        # Before the first rate, rate_on raises NoApplicableRateError naming the day.
        rates[month] = (current if current is not None else schedule.rate_on(first), current_cents)
    return rates


class _MonthSums(NamedTuple):
    """Running sums over a year's funded months, for spans of months in one subtraction (C5, I7).

    Attributes:
        cents: ``cents[m]`` is the sum of the funded months' rates, in cents,
            over the months before month ``m`` (``m`` from 1 to 13).
        months: ``months[m]`` is how many funded months precede month ``m``.
    """

    cents: tuple[int, ...]
    months: tuple[int, ...]


_ALL_MONTHS: Final = tuple(max(0, month - 1) for month in range(14))
"""``_MonthSums.months`` of a year whose every month is funded: month m has m - 1 before it."""


def _month_sums(rates: _MonthRates) -> _MonthSums:
    """The running sums of a year's `_month_rates`, computed once for all its regions."""
    cents = [0, 0]
    if len(rates) == 12:
        # Every month funded, the usual year: the rates in month order, none to look up.
        for _, amount in rates.values():
            cents.append(cents[-1] + amount)
        return _MonthSums(tuple(cents), _ALL_MONTHS)
    months = [0, 0]
    for month in range(1, 13):
        entry = rates.get(month)
        cents.append(cents[-1] + (entry[1] if entry is not None else 0))
        months.append(months[-1] + (entry is not None))
    return _MonthSums(tuple(cents), tuple(months))


def _summed_month_rates(
    schedule: FundingSchedule, year: int, active_from: dt.date, active_until: dt.date
) -> tuple[_MonthRates, _MonthSums]:
    """A year's `_month_rates` with their running sums (`_month_sums`), once for all regions."""
    rates = _month_rates(schedule, year, active_from, active_until)
    return rates, _month_sums(rates)


def _twelfths_on_integers(
    groups: Sequence[tuple[Post, int]], denominator: int, year: int, sums: _MonthSums
) -> tuple[int, bool]:
    """A region's funding in twelfths, in cents rounded half up once, and whether it is lost (C5, C10, I7).

    The same figures as `_funding_in_twelfths`, on integers: each group of
    posts with the same employment dates (`Region._post_groups`) earns the
    sum of its full months' rates, read from the running sums, times its
    FTE numerator; the region's sum, over ``1200 × denominator`` euros, is
    rounded half up to cents once. Lost is as `RegionFunding.lost`: some
    month was funded, and every funded month's rate was zero (rates are
    never negative, so their sum tells).

    Args:
        groups: The region's posts by employment dates, each with its FTE
            numerator over ``denominator``.
        denominator: The common denominator of the posts' FTEs.
        year: The year funded.
        sums: The year's running sums (`_month_sums`).

    Returns:
        The funding in cents, and whether the funding was lost.
    """
    cents, months = sums
    total = 0
    rated = 0
    funded = False
    for post, weight in groups:
        span = post._full_months(year)
        if span:
            first, stop = span.start, span.stop
            earned = cents[stop] - cents[first]
            total += earned * weight
            rated += earned
            funded = funded or months[stop] > months[first]
    whole, rest = divmod(total, 12 * denominator)
    # Half up: the exact cents are whole + rest / (12 × denominator), never negative.
    return whole + (2 * rest >= 12 * denominator), funded and not rated


@functools.lru_cache(maxsize=512)
def _calendar(year: int) -> tuple[tuple[int, dt.date, dt.date], ...]:
    """Each month of ``year`` with its first and last day: facts of the calendar, kept once."""
    return tuple(
        (month, dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]))
        for month in range(1, 13)
    )


def _funding_in_twelfths(posts: Sequence[Post], year: int, rates: _MonthRates) -> RegionFunding:
    """Fund each post for its full months at the month's rate, in twelfths (C5, I7)."""
    funded_months: set[int] = set()
    results: list[PostFunding] = []
    # Posts mostly share their months (all year): derive each span's months once.
    spans: dict[range, tuple[tuple[int, ...], int, tuple[FundingRate, ...]]] = {}
    # The region's exact sum over the FTEs' common denominator: one Fraction, not one per post.
    common = math.lcm(*(post.fte.denominator for post in posts))
    total = 0
    for post in posts:
        span = post.full_months(year)
        if span not in spans:
            months = tuple(month for month in span if month in rates)
            spans[span] = (
                months,
                sum(rates[month][1] for month in months),
                tuple(rates[month][0] for month in months),
            )
            funded_months.update(months)
        months, cents, applied = spans[span]
        fte = post.fte
        total += cents * fte.numerator * (common // fte.denominator)
        results.append(
            _post_funding(
                post=post,
                months=months,
                # FTE x the sum of the months' rates / 12, in euros.
                exact=Fraction(cents * fte.numerator, 1200 * fte.denominator),
                month_rates=applied,
            )
        )
    # The months' rates come from the schedule in date order, so each rate's months are
    # consecutive: a rate is new when it differs from the one before.
    used: list[FundingRate] = []
    for month in sorted(funded_months):
        rate = rates[month][0]
        if not used or used[-1] is not rate:
            used.append(rate)
    return _summed(
        year, results, used, PartYearFunding.TWELFTHS, exact=Fraction(total, 1200 * common)
    )


def _funding_by_days(
    posts: Sequence[Post],
    year: int,
    schedule: FundingSchedule,
    active_from: dt.date | None,
    active_until: dt.date | None = None,
) -> RegionFunding:
    first_of_year = dt.date(year, 1, 1)
    days_in_year = 366 if calendar.isleap(year) else 365
    used: list[FundingRate] = []
    results: list[PostFunding] = []
    for post in posts:
        days = 0
        total = Fraction(0)
        for offset in range(days_in_year):
            day = first_of_year + dt.timedelta(days=offset)
            if (
                (active_from is not None and day < active_from)
                or (active_until is not None and day > active_until)
                or not post.is_employed_on(day)
            ):
                continue
            rate = schedule.rate_on(day)
            days += 1
            total += Fraction(to_cents(rate.amount), 100 * days_in_year)
            if rate not in used:
                used.append(rate)
        results.append(_post_funding(post=post, months=(), days=days, exact=total * post.fte))
    return _summed(year, results, used, PartYearFunding.DAYS)


def _summed(
    year: int,
    results: list[PostFunding],
    used: list[FundingRate],
    method: PartYearFunding,
    *,
    exact: Fraction | None = None,
) -> RegionFunding:
    """Add up the posts' funding; the only rounding, half up to cents, happens here (I7).

    ``exact`` is the posts' sum when the caller has added it up on integers already.
    """
    if exact is None:
        exact = sum((item.exact for item in results), Fraction(0))
    return _region_funding(
        year=year,
        posts=tuple(results),
        rates=tuple(sorted(used, key=lambda rate: rate.valid_from)),
        exact=exact,
        amount=from_cents(round_half_up_to_cents(exact)),
        method=method,
    )
