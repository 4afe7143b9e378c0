"""The wind-down after full termination (C13, interpretation choices I5, I13).

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

The run-on costs, and the funding still received, are given per region or
per post (`RunOnCost`), as amounts for the post's whole run-on period or as
monthly amounts. A monthly amount counts once for each whole month of the
post's period and, for each remaining day, by one over the days of that
day's calendar month (`RunOnPeriod.in_months`); each post's item is rounded
half up to cents once (C13, I5). A region's run-on costs are the sum of its
posts'.

Under a key other than equal parts the clause's "zu gleichen Teilen" is
read as equal parts (default), or, under the policy
``wind_down_split="key"``, as the region's key for the year in which the
agreement ends (I13).

The package, one concept a module: the result types and the functions that
make them are here (`run_on_period`, `wind_down`); the calendar of a run-on
(§ 187, § 188 BGB) in ``winddown/_periods.py``; the check that every party
gave notice and the agreement ends on the day stated in
``winddown/_ended.py``; the run-on costs and funding as given, their checks
and a post's figures in ``winddown/_given.py``; the split among the former
parties in ``winddown/_split.py``; a wind-down's plain data, rows and title
in ``winddown/_table.py``.

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

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import ClassVar, Final, Literal, TypeAlias

import attrs

from kim_cooperation._checks import builder, check_date, result_type, shown
from kim_cooperation._table import Exportable, Record, TableKind
from kim_cooperation.agreement import Agreement
from kim_cooperation.agreement._costs import costs_by_region
from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.costs import CostStatement
from kim_cooperation.errors import InvalidTypeError, InvalidValueError, UnknownPartyError
from kim_cooperation.formatting import Lang
from kim_cooperation.funding import RegionFunding
from kim_cooperation.i18n import N_
from kim_cooperation.keys import EQUAL_KEY, KeyKind, SplitKey
from kim_cooperation.money import Money, from_cents, to_cents
from kim_cooperation.party import Party
from kim_cooperation.post import Post
from kim_cooperation.region import Region
from kim_cooperation.split import Allocation
from kim_cooperation.winddown import _given, _periods, _table
from kim_cooperation.winddown._ended import check_ended
from kim_cooperation.winddown._split import split_run_on

__all__ = [
    "MAX_RUN_ON_MONTHS",
    "PostRunOn",
    "RegionWindDown",
    "RunOnBasis",
    "RunOnCost",
    "RunOnPeriod",
    "WindDown",
    "run_on_period",
    "wind_down",
]

MAX_RUN_ON_MONTHS: Final = 12
"""The longest the costs run on after full termination, in months (C13)."""

RunOnBasis: TypeAlias = Literal["month", "period"]
"""How a `RunOnCost` is given: for a month of the run-on, or for its whole period."""


@result_type(made_by="run_on_period() and wind_down()")
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

    @property
    def in_months(self) -> Fraction:
        """The period's length in months, exact: what a monthly amount is multiplied by (C13, I5).

        Each whole month of the period (``months``, counted under § 188 (2)
        BGB) counts one; each of the ``days`` beyond them counts one over the
        days of its calendar month. Zero without a run-on.

        Examples:
            A run-on from 1 April to 15 May: one month and 15 of May's 31 days.

            >>> import datetime as dt
            >>> period = run_on_period(dt.date(2026, 3, 31), dt.date(2026, 5, 15))
            >>> period.months, period.days, period.in_months
            (1, 15, Fraction(46, 31))
            >>> run_on_period(dt.date(2025, 12, 31), None).in_months
            Fraction(12, 1)
        """
        return _periods.in_months(self)

    def describe(self) -> str:
        """Return the period in words, for reports."""
        return _periods.described(self)


_run_on_period = builder(RunOnPeriod)


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
    agreement_end = check_date(agreement_end, what="agreement_end")
    if employment_end is not None:
        employment_end = check_date(employment_end, what="employment_end")
    if type(max_months) is not int or max_months < 1:
        raise InvalidValueError(
            N_("max_months must be a positive int, got {value}"), value=shown(max_months)
        )
    first_day, last_day, capped, months, days = _periods.run_on_days(
        agreement_end, employment_end, max_months
    )
    return _run_on_period(
        agreement_end=agreement_end,
        employment_end=employment_end,
        first_day=first_day,
        last_day=last_day,
        capped=capped,
        months=months,
        days=days,
        max_months=max_months,
    )


@attrs.frozen(kw_only=True)
class RunOnCost:
    """A post's costs after full termination, and the funding still received for it (C13, I5).

    `wind_down` takes one per post label. Amounts are given either for the
    post's whole run-on period, as the employer's books show them, or for
    one month, as a budget does. A monthly amount is multiplied by the
    period's length in months (`RunOnPeriod.in_months`: each whole month
    counts one, each remaining day one over the days of its calendar month)
    and rounded half up to cents once per item (C13, I5).

    Attributes:
        costs: The post's costs by item (C8), for a month or for the period.
        funding: Funding still received for the post in the run-on, for a
            month or for the period (I5); zero by default. Money, not
            negative; floats are refused.
        per: ``"month"`` for monthly amounts, ``"period"`` for the amounts
            of the whole run-on period.

    Raises:
        InvalidTypeError: ``costs`` is not a `CostStatement`.
        MoneyTypeError: ``funding`` is a float.
        InvalidValueError: ``funding`` is negative or ``per`` is neither
            ``"month"`` nor ``"period"``.

    Examples:
        >>> from decimal import Decimal
        >>> from kim_cooperation import CostStatement
        >>> monthly = RunOnCost.monthly(CostStatement(personnel=Decimal("5432.10")),
        ...                             funding=Decimal("4750"))
        >>> monthly.per, monthly.costs.total, monthly.funding
        ('month', Decimal('5432.10'), Decimal('4750.00'))
        >>> RunOnCost.for_period(CostStatement(personnel=65000)).funding
        Decimal('0.00')
        >>> RunOnCost.monthly(CostStatement(), funding=Decimal("-1"))
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidValueError: the run-on funding of a post must not be
        negative, got Decimal('-1'); write 0 if none is received (C13, I5)
    """

    costs: CostStatement = attrs.field(converter=_given.run_on_statement)
    funding: Decimal = attrs.field(default=Decimal(0), converter=_given.run_on_funding)
    per: RunOnBasis = attrs.field(converter=_given.basis)

    @classmethod
    def monthly(cls, costs: CostStatement, funding: Money = 0) -> RunOnCost:
        """Return monthly run-on costs and funding of a post (C13, I5).

        Examples:
            >>> from kim_cooperation import CostStatement
            >>> RunOnCost.monthly(CostStatement(personnel=5500)).per
            'month'
        """
        return cls(costs=costs, funding=funding, per="month")

    @classmethod
    def for_period(cls, costs: CostStatement, funding: Money = 0) -> RunOnCost:
        """Return a post's run-on costs and funding for its whole run-on period (C13, I5).

        Examples:
            >>> from kim_cooperation import CostStatement
            >>> RunOnCost.for_period(CostStatement(personnel=16500), funding=13750).funding
            Decimal('13750.00')
        """
        return cls(costs=costs, funding=funding, per="period")


@result_type(made_by="wind_down()")
@attrs.frozen(kw_only=True)
class PostRunOn:
    """One post's part of a region's wind-down: its period, costs and funding (C13, I5).

    Attributes:
        post: The post.
        period: Its run-on period (`run_on_period`), never empty.
        given: The costs and funding as given.
        costs: The post's costs for the period: as given for
            ``per="period"``; for ``per="month"`` each monthly item times
            ``period.in_months``, rounded half up to cents.
        funding: The funding for the period, computed the same way.
        clause: ``C13``.
        interpretation: ``I5``.

    Examples:
        Ost 2's employment ends on 15 May 2026, six weeks after the
        agreement: one month and 15 of May's 31 days at 5,432.10 a month.

        >>> import datetime as dt
        >>> from decimal import Decimal
        >>> from kim_cooperation import CostStatement, presets, scenario
        >>> agreement = presets.example().with_post("Ost 2", employment_end=dt.date(2026, 5, 15))
        >>> ended = scenario.all_give_notice(agreement, dt.date(2025, 9, 30))
        >>> given = RunOnCost.monthly(CostStatement(personnel=Decimal("5432.10")))
        >>> result = wind_down(ended, dt.date(2026, 3, 31), {"Ost 2": given})
        >>> (post,) = result.regions[0].posts
        >>> post.post.label, post.period.in_months, post.costs.personnel
        ('Ost 2', Fraction(46, 31), Decimal('8060.54'))
    """

    post: Post
    period: RunOnPeriod
    given: RunOnCost
    costs: CostStatement
    funding: Decimal
    clause: Clause = Clause.C13
    interpretation: Interpretation = Interpretation.I5


@result_type(made_by="wind_down()")
@attrs.frozen(kw_only=True)
class RegionWindDown(Exportable):
    """One region's wind-down after full termination (C13).

    Attributes:
        region: The region.
        periods: The run-on period of each post, in post order.
        costs: The costs incurred in the run-on periods; the sum of
            ``posts`` where they were given per post.
        funding: Funding received in those periods, which reduces the
            costs (I5). ``funding.amount`` is the amount; where it was given
            per post, ``funding.posts`` holds each post's amount, and for an
            estimate (`kim_cooperation.projection.estimate_wind_down`) the
            rates and months it was computed from (I7). The same type as
            `RegionSettlement.funding`.
        net: Costs less funding, at least zero: the amount split.
        surplus: Funding beyond the costs, reported and not distributed (I6).
        split: Each former party's part of ``net`` (C13).
        posts: Each post's period, costs and funding where the run-on costs
            were given per post (`RunOnCost`), in post order; empty where
            they were given for the region.
        key: The key ``net`` was split by: equal parts, or the region's key
            under ``wind_down_split="key"`` (I13).
        reference_day: For a population key applied, the day whose counts
            were used (I9); else ``None``.
        clause: ``C13``.
        interpretation: ``I13`` for a region whose key is not equal parts
            (the reading of "zu gleichen Teilen" decides the split), else
            ``I5``.

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
        >>> nord.net, nord.funding.amount, nord.surplus, nord.last_day
        (Decimal('32500.00'), Decimal('137500.00'), Decimal('0.00'), datetime.date(2026, 12, 31))
        >>> {party.name: str(amount) for party, amount in nord.split.items()}
        {'Billerbeck': '8125.00', 'Coesfeld': '8125.00', 'Havixbeck': '8125.00', 'Rosendahl': '8125.00'}
    """

    region: Region
    periods: tuple[tuple[Post, RunOnPeriod], ...]
    costs: CostStatement
    funding: RegionFunding
    net: Decimal
    surplus: Decimal
    split: Allocation
    posts: tuple[PostRunOn, ...] = ()
    key: SplitKey = EQUAL_KEY
    reference_day: dt.date | None = None
    clause: Clause = Clause.C13
    interpretation: Interpretation = Interpretation.I5

    _TABLE: ClassVar[TableKind] = _table.REGION_WIND_DOWN_TABLE

    def _plain(self) -> dict[str, object]:
        return _table.region_plain(self)

    def _records(self) -> list[Record]:
        return _table.region_records(self)

    def _title(self, lang: Lang) -> str:
        return _table.region_title(self, lang)

    @property
    def last_day(self) -> dt.date | None:
        """The last day any of the region's posts runs on, or ``None``."""
        days = [period.last_day for _, period in self.periods if period.last_day is not None]
        return max(days) if days else None


@result_type(made_by="wind_down()")
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

    _TABLE: ClassVar[TableKind] = _table.WIND_DOWN_TABLE

    def _plain(self) -> dict[str, object]:
        return _table.wind_down_plain(self)

    def _records(self) -> list[Record]:
        return _table.wind_down_records(self)

    def _title(self, lang: Lang) -> str:
        return _table.wind_down_title(self, lang)

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
            N_("{party} is not a former party of the regions in this wind-down: {regions}"),
            party=shown,
            regions=[region.region.name for region in self.regions],
        )


_Entry: TypeAlias = tuple[Region, CostStatement, RegionFunding, tuple[PostRunOn, ...]]
"""What one region's wind-down is computed from: costs, funding and the posts' figures."""


_post_run_on_of = builder(PostRunOn)
_region_wind_down = builder(RegionWindDown)
_wind_down = builder(WindDown)


def wind_down(
    agreement: Agreement,
    agreement_end: dt.date,
    costs: Mapping[str, CostStatement | RunOnCost],
    *,
    funding: Mapping[str, Money] | None = None,
) -> WindDown:
    """Split the costs that run on after full termination among the former parties (C13, I5, I13).

    Each post's costs run on from the day after ``agreement_end`` until its
    employment ends (`Post.employment_end`), for at most 12 months (see
    `run_on_period`). The caller gives the costs actually incurred in those
    periods, and any funding still received, per region or per post:

    * by region name, a `CostStatement` of the region's run-on costs, and
      the funding by region name in ``funding``;
    * by post label, a `RunOnCost` with the post's costs and funding, for
      the post's whole period or per month. Monthly amounts count once per
      whole month of the post's period and, for each remaining day, by one
      over the days of its calendar month, rounded half up to cents once per
      post and item (`RunOnPeriod.in_months`). The region's costs and
      funding are the sums over its posts.

    The net, costs less funding, is split among the region's former parties
    (the towns on the last day, or under ``wind_down_scope="all-former"``
    every town the region had): in equal parts (C13), or under
    ``wind_down_split="key"`` by the region's key for the year in which the
    agreement ends (I13). Cents go by largest remainder with ties to the
    region's employer on the last day (I2).

    Args:
        agreement: The agreement with every party's notice recorded (C13
            applies only then) and the posts' employment end dates
            (`Agreement.with_post`).
        agreement_end: The last day of the agreement, `Agreement.ends`,
            stated by the caller as a check: an end of a period under its
            notice terms (a 31 December for the default terms).
        costs: The run-on costs by region name (`CostStatement`) or by post
            label (`RunOnCost`); a region is given one way or the other.
        funding: Funding received in the run-on periods by region name, for
            regions given by name; none if omitted.

    Raises:
        InvalidValueError: ``agreement_end`` is not an end of a notice
            period; not every party has given notice; the agreement ends on
            another day; costs or funding are given for a region none of
            whose posts runs on, or for a post that does not run on; a
            region is given both by name and through its posts, or its
            funding by name and its costs per post; a key is no post label;
            funding is negative.
        InvalidTypeError: ``costs`` or ``funding`` is not a mapping; a
            region's costs are not a `CostStatement`, or a post's not a
            `RunOnCost`.
        MoneyTypeError: Funding is a float.
        UndecidedCaseError: Under ``wind_down_split="key"`` all former
            parties of a region have weight zero.
        UnknownRegionError: A key names no region.
        NoPopulationCountError: Under ``wind_down_split="key"``, a
            population key lacks a town's count (I9).

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

        Per post: Nord 1 at 5,500.00 a month for its 12 months, Nord 2 with
        the costs of its period:

        >>> per_post = {"Nord 1": RunOnCost.monthly(CostStatement(personnel=5500)),
        ...             "Nord 2": RunOnCost.for_period(CostStatement(personnel=60000),
        ...                                            funding=55000)}
        >>> nord = wind_down(ended, dt.date(2025, 12, 31), per_post).regions[0]
        >>> [(post.post.label, str(post.costs.total)) for post in nord.posts]
        [('Nord 1', '66000.00'), ('Nord 2', '60000.00')]
        >>> nord.costs.total, nord.funding.amount, nord.net
        (Decimal('126000.00'), Decimal('55000.00'), Decimal('71000.00'))
    """
    check_ended(agreement, agreement_end)
    by_region, by_post = _costs_given(agreement, costs)
    received = _given.funding_by_region(agreement, {} if funding is None else funding)
    _given.check_given_once(by_region, by_post, received)
    year = _given.run_on_year(agreement_end)
    entries: list[_Entry] = []
    for region in agreement.regions:
        periods = {
            post: run_on_period(agreement_end, post.employment_end) for post in region.posts
        }
        if region in by_region:
            statement = by_region[region]
            received_cents = received.get(region, 0)
            _given.check_runs_on(
                region, periods.values(), statement, received_cents, agreement_end
            )
            funded = _given.given_funding(year, received_cents, ())
            entries.append((region, statement, funded, ()))
        elif region in by_post:
            posts = tuple(
                _post_run_on(post, periods[post], given) for post, given in by_post[region]
            )
            entries.append((region, *_given.posts_summed(year, posts), posts))
    return _wind_down_of(agreement, agreement_end, entries)


def _wind_down_of(
    agreement: Agreement, agreement_end: dt.date, entries: Sequence[_Entry]
) -> WindDown:
    """Net each region's costs against its funding and split the net (C13, I5, I6, I13).

    The callers have checked the input; `kim_cooperation.projection` passes
    its estimates here with the funding it computed.
    """
    regions = []
    for region, statement, received, posts in entries:
        balance = to_cents(statement.total) - to_cents(received.amount)
        net = max(balance, 0)
        split, key, day = split_run_on(agreement, region, agreement_end, net)
        regions.append(
            _region_wind_down(
                region=region,
                periods=tuple(
                    (post, run_on_period(agreement_end, post.employment_end))
                    for post in region.posts
                ),
                costs=statement,
                funding=received,
                net=from_cents(net),
                surplus=from_cents(max(-balance, 0)),
                split=split,
                posts=posts,
                key=key,
                reference_day=day,
                interpretation=(
                    Interpretation.I5
                    if region.split_key.kind is KeyKind.EQUAL
                    else Interpretation.I13
                ),
            )
        )
    return _wind_down(agreement_end=agreement_end, regions=tuple(regions))


def _costs_given(
    agreement: Agreement, costs: Mapping[str, CostStatement | RunOnCost]
) -> tuple[dict[Region, CostStatement], dict[Region, list[tuple[Post, RunOnCost]]]]:
    """Sort the run-on costs into those given by region and those given by post (C13).

    Returns both in the agreement's order of regions and posts.
    """
    if not isinstance(costs, Mapping):
        raise InvalidTypeError(
            "costs must be a mapping of region name to CostStatement or of post label to "
            f"RunOnCost, got {type(costs).__name__}"
        )
    if not costs:
        raise InvalidValueError(N_("costs must name at least one region or post (C13)"))
    posts = {post.label: (region, post) for region in agreement.regions for post in region.posts}
    regional: dict[str, CostStatement] = {}
    per_post: dict[Post, RunOnCost] = {}
    for key, value in costs.items():
        found = posts.get(key) if isinstance(key, str) else None
        if isinstance(value, RunOnCost):
            if found is None:
                raise InvalidValueError(
                    N_(
                        "{key} is not the label of a post of the agreement {agreement!r}; "
                        "run-on costs per post are keyed by the post's label, "
                        "one of {labels} (C3, C13)"
                    ),
                    key=shown(key),
                    agreement=agreement.name,
                    labels=list(posts),
                )
            per_post[found[1]] = value
        elif found is not None and not _given.names_region(agreement, key):
            raise InvalidTypeError(
                f"run-on costs of post {key!r} must be a RunOnCost, got {type(value).__name__} "
                f"{shown(value)}; write RunOnCost.for_period(costs) for the whole run-on or "
                "RunOnCost.monthly(costs) for a month (C13)"
            )
        else:
            regional[key] = value
    by_region = costs_by_region(agreement, regional) if regional else {}
    by_post = {
        region: [(post, per_post[post]) for post in region.posts if post in per_post]
        for region in agreement.regions
        if any(post in per_post for post in region.posts)
    }
    return by_region, by_post


def _post_run_on(post: Post, period: RunOnPeriod, given: RunOnCost) -> PostRunOn:
    """One post's costs and funding for its run-on period (C13, I5)."""
    costs, funding = _given.post_figures(post, period, given)
    return _post_run_on_of(post=post, period=period, given=given, costs=costs, funding=funding)
