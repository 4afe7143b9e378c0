"""The plain baselines: the same answers as the library, in bare arithmetic on plain data.

These are what the benchmarks compare the library against. They compute the
settlement rules of the default reading of the agreement with nothing but
integers, `fractions.Fraction` for the funding in twelfths, dates and dicts:
no validation, no value objects, no derivations, no clauses. An agreement is
turned into plain data once, outside the timed region (`plain_agreement`),
as the library's `Agreement` is built outside its timed region.

The rules replicated (see the library's docs):

* funding (C5, I7): per post, for each calendar month filled in full, one
  twelfth of the rate in force on the month's first day, times the FTE;
  months before the agreement's start earn nothing; the region's exact sum
  is rounded half up to cents, once;
* own share (C7, I6): costs less funding, never negative;
* members (C11, C12): a town that gave notice received on day *d* is a
  member up to 31 December of *d*'s year + 1 (notice by 30 June) or + 2;
  notices of employers (successors) are not covered and refused here;
* split (C4, I1, I2): equal parts in cents among the year's members, the
  left-over cents one each to the employer first, then by AGS;
* growth of a base plan: personnel costs × (1 + g) ** years, rounded half
  up to cents from the exact value; other items unchanged.

Results are tuples of plain values so that the library's results, read into
the same shape (`library_settlement`), compare with ``==``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple, TypeAlias

from kim_cooperation import Agreement, CostStatement, Settlement
from kim_cooperation.notice import DEFAULT_NOTICE_TERMS
from kim_cooperation.policy import DEFAULT_POLICIES
from kim_cooperation.projection import Projection


class PlainPost(NamedTuple):
    """A post: its FTE and employment dates (None: open)."""

    fte: Fraction
    start: dt.date | None
    end: dt.date | None


class PlainRegion(NamedTuple):
    """A region: its name, its employer's AGS, its members' AGS (ascending) and its posts."""

    name: str
    employer: str
    members: tuple[str, ...]
    posts: tuple[PlainPost, ...]


class PlainAgreement(NamedTuple):
    """An agreement as plain data.

    Attributes:
        start: The first day.
        rates: ``(valid_from, cents per FTE and year)``, ascending by date.
        regions: The regions, in the agreement's order.
        last_year: Per AGS of a town that gave notice, its last year of membership.
    """

    start: dt.date
    rates: tuple[tuple[dt.date, int], ...]
    regions: tuple[PlainRegion, ...]
    last_year: Mapping[str, int]


PlainPlan: TypeAlias = Mapping[str, tuple[int, int]]
"""Costs per region name: ``(personnel cents, all other items in cents)``."""

RegionResult: TypeAlias = tuple[str, int, int, int, tuple[tuple[str, int], ...]]
"""``(region, costs, funding, own share, ((AGS, part), ...))``, all in cents, parts by AGS."""

SettlementResult: TypeAlias = tuple[RegionResult, ...]
"""The regions settled, in the agreement's order."""


def cents(value: Decimal) -> int:
    """Return a two-place `Decimal` of euros as integer cents; refuse any other form.

    Checking the exponent makes the comparison of library and baseline also a
    check that the library returns amounts quantised to cents.
    """
    exponent = value.as_tuple().exponent
    if exponent != -2:
        raise ValueError(f"{value!r} is not an amount with two decimal places")
    return int(str(value).replace(".", ""))


def last_year_of(received: dt.date) -> int:
    """The last year of membership after notice received on ``received`` (18 months to a year's end)."""
    return received.year + (1 if received.month <= 6 else 2)


def plain_agreement(agreement: Agreement) -> PlainAgreement:
    """Read an agreement of the default terms and policies into plain data (not timed)."""
    if agreement.notice_terms != DEFAULT_NOTICE_TERMS or agreement.policies != DEFAULT_POLICIES:
        raise ValueError("the plain baseline covers the default notice terms and policies only")
    last_year: dict[str, int] = {}
    for notice in agreement.notices:
        if notice.successor is not None:
            raise ValueError("the plain baseline does not cover successor employers")
        last_year[notice.party.ags] = last_year_of(notice.received)
    return PlainAgreement(
        start=agreement.start,
        rates=tuple((rate.valid_from, cents(rate.amount)) for rate in agreement.funding.rates),
        regions=tuple(
            PlainRegion(
                name=region.name,
                employer=region.employer.ags,
                members=tuple(sorted(member.ags for member in region.members)),
                posts=tuple(
                    PlainPost(post.fte, post.employment_start, post.employment_end)
                    for post in region.posts
                ),
            )
            for region in agreement.regions
        ),
        last_year=last_year,
    )


def plain_plan(plan: Mapping[str, CostStatement]) -> dict[str, tuple[int, int]]:
    """Read a cost plan into ``(personnel, other)`` cents per region (not timed)."""
    return {
        name: (
            cents(statement.personnel),
            sum(cents(amount) for _, amount in statement.items()) - cents(statement.personnel),
        )
        for name, statement in plan.items()
    }


def with_rate(agreement: PlainAgreement, valid_from: dt.date, rate: int) -> PlainAgreement:
    """A new funding rate (cents) from ``valid_from`` on."""
    rates = sorted([*agreement.rates, (valid_from, rate)])
    return agreement._replace(rates=tuple(rates))


def without_funding_from(agreement: PlainAgreement, day: dt.date) -> PlainAgreement:
    """Funding ends on ``day``: later rates are dropped, the rate is zero from ``day``."""
    rates = [(valid_from, rate) for valid_from, rate in agreement.rates if valid_from < day]
    return agreement._replace(rates=(*rates, (day, 0)))


def with_notices(agreement: PlainAgreement, notices: Mapping[str, dt.date]) -> PlainAgreement:
    """Notices received, by AGS."""
    last_year = dict(agreement.last_year)
    for ags, received in notices.items():
        last_year[ags] = last_year_of(received)
    return agreement._replace(last_year=last_year)


def split(amount: int, members: Sequence[str], first: str) -> tuple[tuple[str, int], ...]:
    """Split cents equally among ``members`` (AGS, ascending); left-over cents to ``first``, then by AGS."""
    base, left_over = divmod(amount, len(members))
    parts = dict.fromkeys(members, base)
    if left_over:
        if first in parts:
            parts[first] += 1
            left_over -= 1
        for ags in members:
            if not left_over:
                break
            if ags != first:
                parts[ags] += 1
                left_over -= 1
    return tuple(parts.items())


@functools.cache
def _month_bounds(year: int) -> tuple[tuple[dt.date, dt.date], ...]:
    # The calendar of a year: computed once per year, as any plain program would.
    return tuple(
        (dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]))
        for month in range(1, 13)
    )


def settle(agreement: PlainAgreement, year: int, plan: PlainPlan) -> SettlementResult:
    """Settle the regions of ``plan`` for ``year``."""
    months = _month_bounds(year)
    month_rates: list[int] = []  # cents per FTE and year, 0 before the start
    for first, _ in months:
        rate = 0
        if first >= agreement.start:
            found = None
            for valid_from, value in agreement.rates:
                if valid_from > first:
                    break
                found = value
            if found is None:
                raise ValueError(f"no funding rate on {first}")
            rate = found
        month_rates.append(rate)
    full_year = sum(month_rates)
    last_year = agreement.last_year
    results: list[RegionResult] = []
    for region in agreement.regions:
        costs = plan.get(region.name)
        if costs is None:
            continue
        total = costs[0] + costs[1]
        funding = Fraction(0)
        for fte, start, end in region.posts:
            if start is None and end is None:
                funding += fte * full_year
            else:
                funding += fte * sum(
                    rate
                    for rate, (first, last) in zip(month_rates, months, strict=True)
                    if (start is None or start <= first) and (end is None or end >= last)
                )
        # Twelfths of the yearly rates, rounded half up to cents once.
        funding_cents = (funding.numerator * 2 + 12 * funding.denominator) // (
            24 * funding.denominator
        )
        own_share = max(total - funding_cents, 0)
        members = [ags for ags in region.members if last_year.get(ags, year) >= year]
        results.append(
            (
                region.name,
                total,
                funding_cents,
                own_share,
                split(own_share, members, region.employer),
            )
        )
    return tuple(results)


def grow(plan: PlainPlan, years: int, growth: Fraction) -> dict[str, tuple[int, int]]:
    """Grow personnel costs by ``growth`` a year for ``years`` years, rounded half up once."""
    numerator = (growth.denominator + growth.numerator) ** years
    denominator = growth.denominator**years
    return {
        name: ((2 * personnel * numerator + denominator) // (2 * denominator), other)
        for name, (personnel, other) in plan.items()
    }


def project(
    agreement: PlainAgreement, years: Iterable[int], plan: PlainPlan, growth: Fraction
) -> tuple[tuple[int, SettlementResult], ...]:
    """Settle each of ``years`` (ascending) with the base plan grown from the first year."""
    chosen = sorted(years)
    return tuple(
        (year, settle(agreement, year, grow(plan, year - chosen[0], growth))) for year in chosen
    )


def library_settlement(settlement: Settlement) -> SettlementResult:
    """Read a library settlement into the baseline's shape (for the equality checks)."""
    return tuple(
        (
            region.region.name,
            cents(region.costs.total),
            cents(region.funding.amount),
            cents(region.own_share),
            tuple((party.ags, cents(amount)) for party, amount in region.split.items()),
        )
        for region in settlement.regions
    )


def library_projection(projection: Projection) -> tuple[tuple[int, SettlementResult], ...]:
    """Read a library projection into the baseline's shape (for the equality checks)."""
    results = []
    for result in projection.results:
        if result.settlement is None:
            raise ValueError(f"{result.year} has no settlement; the baseline covers none")
        results.append((result.year, library_settlement(result.settlement)))
    return tuple(results)
