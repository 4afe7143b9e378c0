"""The years at and after the agreement's end: the estimated run-on and the settled part.

`estimate_wind_down` estimates the costs that run on after the agreement's
end from a year's plan (C13, I5, I7); `_settled_part` is the plan's part for
the agreement's part of the year it ends in (C11, I10). Both weigh the part
of a year (`_part_of_year`) in twelfths or in days, and take each item of
the plan pro rata (`_pro_rata`), so that the two parts make up the year.
"""

from __future__ import annotations

import calendar
import datetime as dt
from fractions import Fraction
from types import MappingProxyType

import attrs

from kim_cooperation._checks import check_year
from kim_cooperation.agreement import Agreement, check_agreement
from kim_cooperation.agreement._costs import costs_by_region
from kim_cooperation.costs import CostItem, CostStatement
from kim_cooperation.funding import RegionFunding, region_funding
from kim_cooperation.money import from_cents, round_half_up_to_cents, to_cents
from kim_cooperation.policy import SpanWeighting
from kim_cooperation.post import Post
from kim_cooperation.projection._plans import CostPlan
from kim_cooperation.region import Region
from kim_cooperation.spans import year_window
from kim_cooperation.winddown import WindDown, _wind_down_of, run_on_period


def estimate_wind_down(agreement: Agreement, year: int, plan: CostPlan) -> WindDown | None:
    """Estimate the wind-down's costs in ``year`` from the year's cost plan (C13, I5).

    After full termination each post's costs run on until its employment
    ends, for at most 12 months (`run_on_period`). Actual run-on costs come
    from the employer's books and go to `wind_down`; for planning, this
    estimates them from the plan, the posts' costs for a whole year:

    * costs: each item of a region's annual plan pro rata to the time its
      posts run on within ``year`` (FTE × time, over the region's FTE × the
      whole year), rounded half up to cents item by item. In a year after
      the one the agreement ends in, time is counted in days. In the year
      the agreement ends in (an end inside the year), it is counted as the
      settlement of the year's first part counts it (I10): in twelfths, one
      for each whole calendar month and a fraction for a month's remaining
      days, or in days under ``span_weighting="days"``; so the settlement
      and the run-on together make up the year's plan;
    * funding: the schedule's rates for the run-on months, computed as a
      settlement computes them (policy ``part_year_funding``, I7), so a
      schedule without funding gives none; the result's
      `RegionWindDown.funding` keeps the derivation;
    * the net is split by the wind-down's rules among the former parties
      (I5, I13).

    Args:
        agreement: The agreement with every party's notice recorded.
        year: A calendar year after the agreement's end, or the year it
            ends in when it ends before 31 December.
        plan: The year's costs per region name, as for `settle`.

    Returns:
        The estimated wind-down of the regions whose posts run on in
        ``year``, or ``None`` if the agreement does not end before the
        year's last day or no post runs on in it.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> base = presets.coesfeld()
        >>> ended = base.give_notices(dict.fromkeys(base.parties, dt.date(2024, 6, 30)))
        >>> run_on = estimate_wind_down(ended, 2026, presets.coesfeld_cost_plan_2023())
        >>> nord = run_on.regions[0]
        >>> nord.costs.total, nord.funding.amount, nord.net
        (Decimal('170000.00'), Decimal('137500.00'), Decimal('32500.00'))
        >>> estimate_wind_down(ended, 2027, presets.coesfeld_cost_plan_2023()) is None
        True

        The invented example ends on 31 March 2026 when everyone gives
        notice by 30 September 2025; region West's post runs on from
        1 April, nine twelfths of the year's plan of 66,000.00:

        >>> from kim_cooperation import scenario
        >>> early = scenario.all_give_notice(presets.example(), dt.date(2025, 9, 30))
        >>> plan = presets.example_cost_plans()[2026]
        >>> west = estimate_wind_down(early, 2026, plan).regions[2]
        >>> west.costs.total, west.funding.amount, west.net
        (Decimal('49500.00'), Decimal('42250.00'), Decimal('7250.00'))
    """
    check_agreement(agreement)
    check_year(year)
    ends = agreement.ends
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if ends is None or ends >= last:
        return None
    # In the year of the end the run-on complements the settled part (I10);
    # in the years after, it is weighed in days.
    weighting = agreement.policies.span_weighting if ends >= first else SpanWeighting.DAYS
    estimated: list[tuple[Region, CostStatement, RegionFunding, tuple[()]]] = []
    for region, statement in costs_by_region(agreement, plan).items():
        time = Fraction(0)
        running: list[Post] = []
        for post in region.posts:
            period = run_on_period(ends, post.employment_end)
            if period.first_day is None or period.last_day is None:
                continue
            start = max(period.first_day, first, post.employment_start or first)
            stop = min(period.last_day, last)
            if start <= stop:
                time += post.fte * _part_of_year(start, stop, weighting)
                running.append(attrs.evolve(post, employment_end=stop))
        if not running:
            continue
        funding = region_funding(
            running,
            year,
            agreement.funding,
            active_from=ends + dt.timedelta(days=1),
            method=agreement.policies.part_year_funding,
        )
        estimated.append((region, _pro_rata(statement, time / region.fte), funding, ()))
    if not estimated:
        return None
    return _wind_down_of(agreement, ends, estimated)


def _part_of_year(first: dt.date, last: dt.date, weighting: SpanWeighting) -> Fraction:
    """The part of a calendar year from ``first`` to ``last``, both in the same year (I10).

    In days: the days over the days of the year. In twelfths: one twelfth
    for each calendar month, of which a month's days count pro rata.
    """
    if weighting is SpanWeighting.DAYS:
        return Fraction((last - first).days + 1, 366 if calendar.isleap(first.year) else 365)
    part = Fraction(0)
    for month in range(first.month, last.month + 1):
        days = calendar.monthrange(first.year, month)[1]
        since = first.day if month == first.month else 1
        until = last.day if month == last.month else days
        part += Fraction(until - since + 1, days)
    return part / 12


def _pro_rata(statement: CostStatement, factor: Fraction) -> CostStatement:
    """Each item times ``factor``, rounded half up to cents item by item."""
    return CostStatement(
        **{
            item.value: from_cents(
                round_half_up_to_cents(Fraction(to_cents(statement.amount(item)), 100) * factor)
            )
            for item in CostItem
        }
    )


def _settled_part(agreement: Agreement, year: int, plan: CostPlan) -> CostPlan:
    """The plan's part for the agreement's part of the year it ends in (C11, C13, I10).

    Each item pro rata to the part of the year the agreement runs (from
    1 January or its start to its end): in twelfths, or in days under
    ``span_weighting="days"``; rounded half up to cents once per item.
    """
    first, last = year_window(agreement, year)
    part = _part_of_year(first, last, agreement.policies.span_weighting)
    return MappingProxyType(
        {
            region.name: _pro_rata(statement, part)
            for region, statement in costs_by_region(agreement, plan).items()
        }
    )
