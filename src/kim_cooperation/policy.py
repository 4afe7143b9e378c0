"""Policies: the interpretation choices that have a documented alternative.

The agreement's text leaves room in places; the library reads it one way by
default and offers the literal or stricter alternative as a named policy, so a
town can show the effect of either reading.

* `WithdrawalScope` (C12, interpretation choice I3): a leaving town's share
  passes to the remaining towns of *its region* (default), or in equal parts
  to *all* remaining parties of the agreement, as the clause literally says.
* `PartYearFunding` (C5, I7): funding for a post filled part of a year in
  twelfths for each full calendar month (default, common practice in German
  grant law), or day by day.
* `WindDownScope` (C13, I5): the run-on costs after full termination are
  borne by the towns of the post's region that are parties on the
  agreement's last day (default), or by every town of the region that was
  ever a party, including those that left earlier under C12 ("bisherige
  Vertragsparteien" read widely).

Examples:
    >>> from kim_cooperation import presets
    >>> from kim_cooperation.policy import Policies, WithdrawalScope
    >>> literal = presets.coesfeld().with_policies(Policies(withdrawal_scope="agreement"))
    >>> literal.policies.withdrawal_scope
    <WithdrawalScope.AGREEMENT: 'agreement'>
"""

from __future__ import annotations

import enum
from typing import TypeVar

import attrs

from kim_cooperation._checks import shown
from kim_cooperation.errors import InvalidValueError

__all__ = ["DEFAULT_POLICIES", "PartYearFunding", "Policies", "WindDownScope", "WithdrawalScope"]

_E = TypeVar("_E", bound=enum.StrEnum)


class WithdrawalScope(enum.StrEnum):
    """Who takes over a leaving town's share (C12, I3).

    Examples:
        After Rosendahl has left Region Nord (2026), Nord's own share of
        32,500.00 is borne by its three remaining towns, or Rosendahl's
        quarter passes to all ten remaining parties:

        >>> import datetime as dt
        >>> from kim_cooperation import presets, settle
        >>> left = presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30))
        >>> for scope in WithdrawalScope:
        ...     agreement = left.with_policies(Policies(withdrawal_scope=scope))
        ...     nord = settle(agreement, 2026, presets.coesfeld_cost_plan_2023()).region("Nord")
        ...     print(scope, len(nord.split), nord.split[agreement.party("Coesfeld")])
        region 3 10833.34
        agreement 10 8937.50
    """

    REGION = "region"
    """The remaining towns of the leaving town's region, in equal parts (default)."""
    AGREEMENT = "agreement"
    """All remaining parties of the agreement, in equal parts (the literal reading)."""


class PartYearFunding(enum.StrEnum):
    """How funding is computed for a post filled part of a year (C5, I7).

    Examples:
        A full post filled from 15 April 2023, at 55,000.00 a year: eight
        full months (May to December), or 261 of 365 days:

        >>> import datetime as dt
        >>> from kim_cooperation import Post, presets
        >>> from kim_cooperation.funding import region_funding
        >>> post = Post(label="Mitte 1", fte=1, employment_start=dt.date(2023, 4, 15))
        >>> funding = presets.coesfeld().funding
        >>> for method in PartYearFunding:
        ...     print(method, region_funding([post], 2023, funding, method=method).amount)
        twelfths 36666.67
        days 39328.77
    """

    TWELFTHS = "twelfths"
    """One twelfth of the yearly rate for each full calendar month filled (default)."""
    DAYS = "days"
    """The yearly rate pro rata for each day filled (days of the year as the base)."""


class WindDownScope(enum.StrEnum):
    """Who bears the costs that run on after full termination (C13, I5).

    Examples:
        Rosendahl leaves at the end of 2024, everyone else at the end of
        2025; Nord's run-on costs of 32,500.00 in 2026 are split among the
        three towns left on the last day, or among all four:

        >>> import datetime as dt
        >>> from decimal import Decimal
        >>> from kim_cooperation import CostStatement, presets, scenario, wind_down
        >>> left = presets.coesfeld().give_notice("Rosendahl", dt.date(2023, 6, 30))
        >>> ended = scenario.all_give_notice(left, dt.date(2024, 6, 30))
        >>> for scope in WindDownScope:
        ...     agreement = ended.with_policies(Policies(wind_down_scope=scope))
        ...     result = wind_down(agreement, dt.date(2025, 12, 31),
        ...                        {"Nord": CostStatement(personnel=Decimal("32500"))})
        ...     print(scope, [str(amount) for amount in result.regions[0].split.values()])
        last-members ['10833.33', '10833.34', '10833.33']
        all-former ['8125.00', '8125.00', '8125.00', '8125.00']
    """

    LAST_MEMBERS = "last-members"
    """The towns of the post's region that are parties on the agreement's last day (default)."""
    ALL_FORMER = "all-former"
    """Every town of the post's region that was a party, also those that left earlier (C12)."""


def _enum(kind: type[_E], value: _E | str, what: str) -> _E:
    if isinstance(value, str):  # the enums are StrEnums
        try:
            return kind(value)
        except ValueError:
            pass
    raise InvalidValueError(
        f"{what} must be one of {[item.value for item in kind]}, got {shown(value)}"
    )


def _scope(value: WithdrawalScope | str) -> WithdrawalScope:
    return _enum(WithdrawalScope, value, "withdrawal_scope")


def _part_year(value: PartYearFunding | str) -> PartYearFunding:
    return _enum(PartYearFunding, value, "part_year_funding")


def _wind_down(value: WindDownScope | str) -> WindDownScope:
    return _enum(WindDownScope, value, "wind_down_scope")


@attrs.frozen(kw_only=True)
class Policies:
    """The interpretation choices in force for an agreement.

    Attributes:
        withdrawal_scope: Who takes over a leaving town's share (C12, I3).
        part_year_funding: How part-year posts are funded (C5, I7).
        wind_down_scope: Who bears the run-on costs after full termination
            (C13, I5).

    Examples:
        >>> from kim_cooperation import presets
        >>> policies = Policies(part_year_funding="days")
        >>> policies.withdrawal_scope, policies.part_year_funding
        (<WithdrawalScope.REGION: 'region'>, <PartYearFunding.DAYS: 'days'>)
        >>> presets.coesfeld().with_policies(policies).policies.part_year_funding
        <PartYearFunding.DAYS: 'days'>
        >>> Policies(withdrawal_scope="town")
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidValueError: withdrawal_scope must be one of
        ['region', 'agreement'], got 'town'
    """

    withdrawal_scope: WithdrawalScope = attrs.field(
        default=WithdrawalScope.REGION, converter=_scope
    )
    part_year_funding: PartYearFunding = attrs.field(
        default=PartYearFunding.TWELFTHS, converter=_part_year
    )
    wind_down_scope: WindDownScope = attrs.field(
        default=WindDownScope.LAST_MEMBERS, converter=_wind_down
    )


DEFAULT_POLICIES = Policies()
"""The defaults: shares pass within the region (I3); funding in twelfths (I7); the
run-on costs borne by the region's towns on the last day (I5)."""
