"""The wind-down after full termination (C13, interpretation choice I5).

If all parties give notice, the agreement ends, but the employments of the
case managers may not. The personnel and material costs after the end run on
until each employment ends, for at most 12 months, and are split in equal
parts among the former parties ("bisherige Vertragsparteien").

The library reads the clause so (I5):

* the former parties who share a post's costs are the towns of the post's
  region that are parties on the agreement's last day; the policy
  ``wind_down_scope="all-former"`` includes the towns that left earlier
  (`kim_cooperation.policy.WindDownScope`);
* the wind-down follows only once every party has given notice: `wind_down`
  takes an agreement with its notices recorded;
* the 12 months run from the day after the agreement ends (§ 187 (2),
  § 188 (2) BGB: 1 January to 31 December for an end on 31 December);
* funding still received in that period reduces the costs.

Examples:
    >>> import datetime as dt
    >>> from kim_cooperation import run_on_period
    >>> period = run_on_period(dt.date(2025, 12, 31), dt.date(2026, 3, 31))
    >>> period.first_day, period.last_day, period.months, period.capped
    (datetime.date(2026, 1, 1), datetime.date(2026, 3, 31), 3, False)
    >>> run_on_period(dt.date(2025, 12, 31), None).last_day
    datetime.date(2026, 12, 31)
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Final

import attrs

from kim_cooperation._checks import check_date, shown
from kim_cooperation._exportable import Exportable
from kim_cooperation.agreement import Agreement
from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.costs import CostStatement, costs_by_region
from kim_cooperation.errors import (
    InvalidDateError,
    InvalidTypeError,
    InvalidValueError,
    UnknownPartyError,
)
from kim_cooperation.membership import employer_on, members_on
from kim_cooperation.money import Money, from_cents, to_cents
from kim_cooperation.party import Party
from kim_cooperation.policy import WindDownScope
from kim_cooperation.post import Post
from kim_cooperation.region import Region
from kim_cooperation.split import Allocation, split_equally

__all__ = [
    "MAX_RUN_ON_MONTHS",
    "RegionWindDown",
    "RunOnPeriod",
    "WindDown",
    "run_on_period",
    "wind_down",
]

MAX_RUN_ON_MONTHS: Final = 12
"""The longest the costs run on after full termination, in months (C13)."""


@attrs.frozen(kw_only=True)
class RunOnPeriod:
    """The days after the agreement's end for which a post's costs run on (C13, I5).

    Attributes:
        agreement_end: The last day of the agreement.
        employment_end: The last day of the employment, or ``None`` if open-ended.
        first_day: The first day of the run-on, or ``None`` if there is none
            (the employment ended with the agreement or before).
        last_day: The last day of the run-on, or ``None`` if there is none.
        capped: Whether the limit of ``max_months``, not the employment's
            end, ends the run-on.
        months: Whole months in the period.
        days: Days beyond the whole months.
        max_months: The limit in months; 12 under the agreement (C13).
        clause: ``C13``.
        interpretation: ``I5``.

    Examples:
        Made by `run_on_period`:

        >>> import datetime as dt
        >>> run_on_period(dt.date(2025, 12, 31), dt.date(2026, 3, 15)).describe()
        '2026-01-01 to 2026-03-15 (2 months 15 days, until the end of employment)'
        >>> run_on_period(dt.date(2025, 12, 31), None).describe()
        '2026-01-01 to 2026-12-31 (12 months, until the 12-month limit)'
    """

    agreement_end: dt.date
    employment_end: dt.date | None
    first_day: dt.date | None
    last_day: dt.date | None
    capped: bool
    months: int
    days: int
    max_months: int = MAX_RUN_ON_MONTHS
    clause: Clause = Clause.C13
    interpretation: Interpretation = Interpretation.I5

    @property
    def is_empty(self) -> bool:
        """Tell whether no costs run on."""
        return self.first_day is None

    def describe(self) -> str:
        """Return the period in words, for reports."""
        if self.first_day is None or self.last_day is None:
            return "no run-on: the employment ends with the agreement or before"
        length = _count(self.months, "month") + (
            f" {_count(self.days, 'day')}" if self.days else ""
        )
        reason = f"{self.max_months}-month limit" if self.capped else "end of employment"
        return (
            f"{self.first_day.isoformat()} to {self.last_day.isoformat()} "
            f"({length}, until the {reason})"
        )


def _count(number: int, unit: str) -> str:
    return f"{number} {unit}" if number == 1 else f"{number} {unit}s"


def run_on_period(
    agreement_end: dt.date,
    employment_end: dt.date | None,
    *,
    max_months: int = MAX_RUN_ON_MONTHS,
) -> RunOnPeriod:
    """Return the period for which a post's costs run on after full termination (C13, I5).

    The period starts the day after the agreement ends and lasts until the
    employment ends, but at most ``max_months`` months: for an end on
    31 December 2025 the limit is 31 December 2026.

    Args:
        agreement_end: The last day of the agreement.
        employment_end: The last day of the employment; ``None`` if the
            employment does not end (the limit applies).
        max_months: The limit in months; 12 under the agreement.

    Raises:
        InvalidTypeError: A date is not a `datetime.date`.
        InvalidValueError: ``max_months`` is not a positive int.
        InvalidDateError: The limit would lie after 31 December 9999.

    Examples:
        >>> import datetime as dt
        >>> period = run_on_period(dt.date(2025, 12, 31), dt.date(2027, 2, 28))
        >>> period.last_day, period.months, period.capped
        (datetime.date(2026, 12, 31), 12, True)
        >>> run_on_period(dt.date(2025, 12, 31), dt.date(2025, 9, 30)).is_empty
        True
    """
    check_date(agreement_end, what="agreement_end")
    if employment_end is not None:
        check_date(employment_end, what="employment_end")
    if not isinstance(max_months, int) or isinstance(max_months, bool) or max_months < 1:
        raise InvalidValueError(f"max_months must be a positive int, got {shown(max_months)}")
    if employment_end is not None and employment_end <= agreement_end:
        return RunOnPeriod(
            agreement_end=agreement_end,
            employment_end=employment_end,
            first_day=None,
            last_day=None,
            capped=False,
            months=0,
            days=0,
            max_months=max_months,
        )
    if agreement_end == dt.date.max:
        raise InvalidDateError("the run-on after 9999-12-31 would begin after 31 December 9999")
    first_day = agreement_end + dt.timedelta(days=1)
    limit = _last_day_of_months(first_day, max_months)
    if limit is None:
        raise InvalidDateError(
            f"the run-on after {agreement_end.isoformat()} would end after 31 December 9999"
        )
    capped = employment_end is None or employment_end > limit
    last_day = limit if capped or employment_end is None else employment_end
    months, days = _length(first_day, last_day)
    return RunOnPeriod(
        agreement_end=agreement_end,
        employment_end=employment_end,
        first_day=first_day,
        last_day=last_day,
        capped=capped,
        months=months,
        days=days,
        max_months=max_months,
    )


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


@attrs.frozen(kw_only=True)
class RegionWindDown(Exportable):
    """One region's wind-down after full termination (C13).

    Attributes:
        region: The region.
        periods: The run-on period of each post, in post order.
        costs: The costs incurred in the run-on periods.
        funding: Funding received in those periods, which reduces the costs (I5).
        net: Costs less funding, at least zero: the amount split.
        surplus: Funding beyond the costs, reported and not distributed (I6).
        split: Each former party's equal part of ``net`` (C13).

    Examples:
        Region Nord's costs for the year after the end, less the funding
        still received:

        >>> import datetime as dt
        >>> from decimal import Decimal
        >>> from kim_cooperation import CostStatement, presets, scenario
        >>> ended = scenario.all_give_notice(presets.coesfeld(), dt.date(2024, 6, 30))
        >>> costs = {"Nord": CostStatement(personnel=Decimal("170000"))}
        >>> funding = {"Nord": Decimal("137500")}
        >>> result = wind_down(ended, dt.date(2025, 12, 31), costs, funding=funding)
        >>> nord = result.regions[0]
        >>> nord.net, nord.surplus, nord.last_day
        (Decimal('32500.00'), Decimal('0.00'), datetime.date(2026, 12, 31))
        >>> {party.name: str(amount) for party, amount in nord.split.items()}
        {'Billerbeck': '8125.00', 'Coesfeld': '8125.00', 'Havixbeck': '8125.00', 'Rosendahl': '8125.00'}
    """

    region: Region
    periods: tuple[tuple[Post, RunOnPeriod], ...]
    costs: CostStatement
    funding: Decimal
    net: Decimal
    surplus: Decimal
    split: Allocation

    @property
    def last_day(self) -> dt.date | None:
        """The last day any of the region's posts runs on, or ``None``."""
        days = [period.last_day for _, period in self.periods if period.last_day is not None]
        return max(days) if days else None


@attrs.frozen(kw_only=True)
class WindDown(Exportable):
    """The wind-down of an agreement after all parties gave notice (C13).

    Attributes:
        agreement_end: The last day of the agreement.
        regions: One `RegionWindDown` per region given costs.
        clause: ``C13``.

    Examples:
        >>> import datetime as dt
        >>> from decimal import Decimal
        >>> from kim_cooperation import CostStatement, presets, scenario
        >>> ended = scenario.all_give_notice(presets.coesfeld(), dt.date(2024, 6, 30))
        >>> costs = {"Mitte": CostStatement(personnel=Decimal("13000"))}
        >>> result = wind_down(ended, dt.date(2025, 12, 31), costs)
        >>> result.agreement_end, result.part_of("Nottuln")
        (datetime.date(2025, 12, 31), Decimal('6500.00'))
        >>> result.part_of(ended.party("Coesfeld"))
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.UnknownPartyError: Coesfeld is not a former party of the regions
        in this wind-down: ['Mitte']
    """

    agreement_end: dt.date
    regions: tuple[RegionWindDown, ...]
    clause: Clause = Clause.C13

    def part_of(self, party: str | Party) -> Decimal:
        """Return a former party's part of the run-on costs (C13).

        Args:
            party: A `Party`, an AGS or a name (``"Duelmen"`` works too).

        Raises:
            UnknownPartyError: ``party`` is not a former party of a region
                in this wind-down.
        """
        for region in self.regions:
            for member, amount in region.split.items():
                if member == party or (isinstance(party, str) and member.matches(party)):
                    return amount
        shown = party.name if isinstance(party, Party) else repr(party)
        raise UnknownPartyError(
            f"{shown} is not a former party of the regions in this wind-down: "
            f"{[region.region.name for region in self.regions]}"
        )


def wind_down(
    agreement: Agreement,
    agreement_end: dt.date,
    costs: Mapping[str, CostStatement],
    *,
    funding: Mapping[str, Money] | None = None,
) -> WindDown:
    """Split the costs that run on after full termination among the former parties (C13, I5).

    Each post's costs run on from the day after ``agreement_end`` until its
    employment ends (`Post.employment_end`), for at most 12 months (see
    `run_on_period`). The caller gives the costs actually incurred in those
    periods per region, and any funding still received; the net is split in
    equal parts among the region's former parties (the towns on the last
    day, or under ``wind_down_scope="all-former"`` every town the region
    had), cents by largest remainder with ties to the region's employer on
    the last day (I2).

    Args:
        agreement: The agreement with every party's notice recorded (C13
            applies only then) and the posts' employment end dates.
        agreement_end: The last day of the agreement, `Agreement.ends`,
            stated by the caller as a check: an end of a period under its
            notice terms (a 31 December for the default terms).
        costs: The costs of the run-on periods per region name.
        funding: Funding received in the run-on periods per region name;
            none if omitted.

    Raises:
        InvalidValueError: ``agreement_end`` is not an end of a notice
            period; not every party has given notice; the agreement ends on
            another day; costs or funding are given for a region none of
            whose posts runs on; funding is negative.
        UnknownRegionError: A key names no region.

    Examples:
        >>> import datetime as dt
        >>> from decimal import Decimal
        >>> from kim_cooperation import presets, CostStatement
        >>> ended = presets.coesfeld().give_notices(
        ...     dict.fromkeys(presets.coesfeld().parties, dt.date(2024, 6, 30)))
        >>> result = wind_down(ended, dt.date(2025, 12, 31),
        ...                    {"Mitte": CostStatement(personnel=Decimal("68000"))})
        >>> mitte = result.regions[0]
        >>> mitte.periods[0][1].months, str(mitte.split[presets.coesfeld().party("Nottuln")])
        (12, '34000.00')
    """
    if not isinstance(agreement, Agreement):
        raise InvalidTypeError(
            f"agreement must be an Agreement, got {type(agreement).__name__} {shown(agreement)}"
        )
    check_date(agreement_end, what="agreement_end")
    terms = agreement.notice_terms
    if not terms.period_end.is_end(agreement_end):
        raise InvalidValueError(
            f"the agreement can only end at the end of a {terms.period_end.value} "
            f"({terms.describe()}), not on {agreement_end.isoformat()} (C11, C13)"
        )
    if agreement.ends is None:
        staying = [
            party.name for party in agreement.parties if agreement.termination_of(party) is None
        ]
        raise InvalidValueError(
            f"the wind-down follows only once every party has given notice, but "
            f"{', '.join(staying)} gave none; record the notices first (Agreement.give_notices, "
            "scenario.all_give_notice) (C11, C13)"
        )
    if agreement_end != agreement.ends:
        raise InvalidValueError(
            f"every party gave notice and the agreement ends on {agreement.ends.isoformat()}, "
            f"not on {agreement_end.isoformat()} (C11, C13)"
        )
    by_region = costs_by_region(agreement, costs)
    received = _funding_by_region(agreement, {} if funding is None else funding)
    unknown = set(received) - set(by_region)
    if unknown:
        names = sorted(region.name for region in unknown)
        raise InvalidValueError(f"funding is given for regions {names} without costs (C13)")
    regions = []
    for region, statement in by_region.items():
        periods = tuple(
            (post, run_on_period(agreement_end, post.employment_end)) for post in region.posts
        )
        received_cents = received.get(region, 0)
        if all(period.is_empty for _, period in periods) and (statement.total or received_cents):
            raise InvalidValueError(
                f"region {region.name!r}: no post's employment runs on after "
                f"{agreement_end.isoformat()}, so no costs or funding can arise (C13)"
            )
        balance = to_cents(statement.total) - received_cents
        net = from_cents(max(balance, 0))
        regions.append(
            RegionWindDown(
                region=region,
                periods=periods,
                costs=statement,
                funding=from_cents(received_cents),
                net=net,
                surplus=from_cents(max(-balance, 0)),
                split=split_equally(
                    net,
                    _former_parties(agreement, region, agreement_end),
                    first=employer_on(agreement, region, agreement_end),
                    clause=Clause.C13,
                ),
            )
        )
    return WindDown(agreement_end=agreement_end, regions=tuple(regions))


def _former_parties(
    agreement: Agreement, region: Region, agreement_end: dt.date
) -> tuple[Party, ...]:
    """The towns that bear ``region``'s run-on costs under the wind-down policy (C13, I5)."""
    if agreement.policies.wind_down_scope is WindDownScope.ALL_FORMER:
        return region.members
    return members_on(agreement, agreement_end, region=region)


def _funding_by_region(agreement: Agreement, funding: Mapping[str, Money]) -> dict[Region, int]:
    if not isinstance(funding, Mapping):
        raise InvalidTypeError(
            f"funding must be a mapping of region name to money, got {type(funding).__name__}"
        )
    found: dict[Region, int] = {}
    for key, amount in funding.items():
        region = agreement.region(key)
        cents = to_cents(amount, what=f"funding of region {region.name!r}")
        if cents < 0:
            raise InvalidValueError(
                f"funding of region {region.name!r} must not be negative, got {shown(amount)}"
            )
        if region in found:
            raise InvalidValueError(f"funding names region {region.name!r} twice ({shown(key)})")
        found[region] = cents
    return found
