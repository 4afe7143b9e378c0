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
* `PopulationReference` (C4, I9): under a population key
  ("Einwohnerschlüssel") the year *Y* is split by the latest count on or
  before 31 December of *Y − 1* (default), 30 June of *Y − 1*, or
  31 December of *Y − 2*.
* `SpanWeighting` (C11, C12, I10): a year in which the members change is
  cut into spans weighed in twelfths of full months (default) or in days.
* `ShareBasis` for C12 (I11), C10 (I12) and C13 (I13) under a key other than
  equal parts: the clauses say "zu gleichen Teilen" or "je im gleichen
  Umfang", equal parts (default), and the alternative reads them as "by the
  region's key".

Examples:
    >>> from kim_cooperation import presets
    >>> from kim_cooperation.policy import Policies, WithdrawalScope
    >>> literal = presets.coesfeld().with_policies(Policies(withdrawal_scope="agreement"))
    >>> literal.policies.withdrawal_scope
    <WithdrawalScope.AGREEMENT: 'agreement'>
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TypeVar

import attrs

from kim_cooperation._checks import Choice, check_year, reads_older_pickles, shown
from kim_cooperation.errors import InvalidValueError
from kim_cooperation.i18n import N_

__all__ = [
    "DEFAULT_POLICIES",
    "PartYearFunding",
    "Policies",
    "PopulationReference",
    "ShareBasis",
    "SpanWeighting",
    "WindDownScope",
    "WithdrawalScope",
]

_E = TypeVar("_E", bound=enum.StrEnum)


class WithdrawalScope(Choice):
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


class PartYearFunding(Choice):
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


class WindDownScope(Choice):
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


class PopulationReference(Choice):
    """Which count of inhabitants a population key uses for a year (C4, I9).

    Official counts (IT.NRW publishes them as of 31 December and 30 June)
    appear months after their day, so a year's key uses an earlier count:
    for each town the latest count on or before the reference day.

    Examples:
        >>> [(str(item), item.reference_day(2026).isoformat()) for item in PopulationReference]
        [('previous-year-end', '2025-12-31'), ('previous-mid-year', '2025-06-30'), ('year-end-before-last', '2024-12-31')]
    """

    PREVIOUS_YEAR_END = "previous-year-end"
    """31 December of the year before, the usual rule of municipal Umlagen (default)."""
    PREVIOUS_MID_YEAR = "previous-mid-year"
    """30 June of the year before."""
    YEAR_END_BEFORE_LAST = "year-end-before-last"
    """31 December of the year before last."""

    def reference_day(self, year: int) -> dt.date:
        """Return the reference day for the settlement of ``year``."""
        check_year(year)
        back = 2 if self is PopulationReference.YEAR_END_BEFORE_LAST else 1
        if year - back < dt.MINYEAR:
            raise InvalidValueError(
                N_(
                    "the population reference {reference!r} of {year} would lie before the year 1 (I9)"
                ),
                reference=self.value,
                year=year,
            )
        if self is PopulationReference.PREVIOUS_MID_YEAR:
            return dt.date(year - 1, 6, 30)
        return dt.date(year - back, 12, 31)


class SpanWeighting(Choice):
    """How the spans of a year with a change of members are weighed (C11, C12, I10).

    Under notice terms that end inside a year (quarter, half-year, month) a
    town can leave on 31 March. The year's own share is cut into spans at
    each change and each span is weighed by its length: in twelfths, one for
    each calendar month (default), or in days.

    Examples:
        A town leaving on 31 March was a member for 3 twelfths, or for
        90 of 365 days:

        >>> [str(item) for item in SpanWeighting]
        ['months', 'days']
    """

    MONTHS = "months"
    """Twelfths: each calendar month of the span counts one (default)."""
    DAYS = "days"
    """Days: each day of the span counts one."""


class ShareBasis(Choice):
    """Whether a clause's "equal parts" are equal, or by the region's key (I11, I12, I13).

    Under the equal key (C4, Coesfeld) both readings give the same result.
    Under fixed weights or population they differ:

    * C12 (I11): a leaving town's part passes "zu gleichen Teilen" to the
      remaining towns: in equal parts (default), or in proportion to their key;
    * C10 (I12): without funding the towns bear the costs "je im gleichen
      Umfang": in equal parts (default), or by the key;
    * C13 (I13): the run-on costs are split "zu gleichen Teilen" among the
      former parties: in equal parts (default), or by the key.

    Examples:
        >>> [str(item) for item in ShareBasis]
        ['equal', 'key']
    """

    EQUAL = "equal"
    """Equal parts, the clause's wording (default)."""
    KEY = "key"
    """In proportion to the region's split key."""


def _enum(kind: type[_E], value: _E | str, what: str) -> _E:
    if isinstance(value, str):  # the enums are StrEnums
        try:
            return kind(value)
        except ValueError:
            pass
    raise InvalidValueError(
        N_("{what} must be one of {values}, got {value}"),
        what=what,
        values=[item.value for item in kind],
        value=shown(value),
    )


def _scope(value: WithdrawalScope | str) -> WithdrawalScope:
    return _enum(WithdrawalScope, value, "withdrawal_scope")


def _part_year(value: PartYearFunding | str) -> PartYearFunding:
    return _enum(PartYearFunding, value, "part_year_funding")


def _wind_down(value: WindDownScope | str) -> WindDownScope:
    return _enum(WindDownScope, value, "wind_down_scope")


def _reference(value: PopulationReference | str) -> PopulationReference:
    return _enum(PopulationReference, value, "population_reference")


def _weighting(value: SpanWeighting | str) -> SpanWeighting:
    return _enum(SpanWeighting, value, "span_weighting")


def _withdrawal_split(value: ShareBasis | str) -> ShareBasis:
    return _enum(ShareBasis, value, "withdrawal_split")


def _no_funding_split(value: ShareBasis | str) -> ShareBasis:
    return _enum(ShareBasis, value, "no_funding_split")


def _wind_down_split(value: ShareBasis | str) -> ShareBasis:
    return _enum(ShareBasis, value, "wind_down_split")


@reads_older_pickles
@attrs.frozen(kw_only=True)
class Policies:
    """The interpretation choices in force for an agreement.

    Attributes:
        withdrawal_scope: Who takes over a leaving town's share (C12, I3).
        part_year_funding: How part-year posts are funded (C5, I7).
        wind_down_scope: Who bears the run-on costs after full termination
            (C13, I5).
        population_reference: Which count a population key uses (C4, I9).
        span_weighting: How the spans of a year with a change of members
            are weighed (C11, C12, I10).
        withdrawal_split: How a leaving town's part passes to the remaining
            towns under a key other than equal parts (C12, I11).
        no_funding_split: How the costs are borne without funding under such
            a key (C10, I12).
        wind_down_split: How the run-on costs are split under such a key
            (C13, I13).

    Raises:
        InvalidValueError: A value is not one of its policy's values, or
            ``withdrawal_scope="agreement"`` is combined with
            ``withdrawal_split="key"``: the keys of different regions cannot be
            compared, so a share cannot pass by key across regions (I3, I11).

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
    population_reference: PopulationReference = attrs.field(
        default=PopulationReference.PREVIOUS_YEAR_END, converter=_reference
    )
    span_weighting: SpanWeighting = attrs.field(default=SpanWeighting.MONTHS, converter=_weighting)
    withdrawal_split: ShareBasis = attrs.field(
        default=ShareBasis.EQUAL, converter=_withdrawal_split
    )
    no_funding_split: ShareBasis = attrs.field(
        default=ShareBasis.EQUAL, converter=_no_funding_split
    )
    wind_down_split: ShareBasis = attrs.field(default=ShareBasis.EQUAL, converter=_wind_down_split)

    def __attrs_post_init__(self) -> None:
        if (
            self.withdrawal_scope is WithdrawalScope.AGREEMENT
            and self.withdrawal_split is ShareBasis.KEY
        ):
            raise InvalidValueError(
                N_(
                    "withdrawal_scope='agreement' cannot be combined with withdrawal_split='key': "
                    "a split key belongs to one region and the keys of different regions cannot "
                    "be compared; choose withdrawal_split='equal' or withdrawal_scope='region' "
                    "(C12, I3, I11)"
                )
            )


DEFAULT_POLICIES = Policies()
"""The defaults: shares pass within the region (I3); funding in twelfths (I7); the
run-on costs borne by the region's towns on the last day (I5); population counts of
31 December of the year before (I9); spans in twelfths (I10); equal parts for C12,
C10 and C13 under any key (I11, I12, I13)."""
