"""Strategy for whole agreements of the Coesfeld shape (C1–C5, C11, C12, C13; I8–I11).

`agreements` draws the towns, groups them into regions, draws a start and a
funding schedule, then (optionally) notices the agreement accepts: some
towns leave while every region keeps one (C12, I8), or every party gives
notice (C13). Split keys and population counts come last, so that fixed
weights never leave the towns that stay longest all at zero (I9, I11).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from typing import Final

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from kim_cooperation._checks import shown
from kim_cooperation.agreement import Agreement
from kim_cooperation.keys import EQUAL_KEY, KeyKind, PopulationCount
from kim_cooperation.notice import DEFAULT_NOTICE_TERMS, NoticeTerms, termination_date
from kim_cooperation.party import Party
from kim_cooperation.policy import Policies
from kim_cooperation.region import Region
from kim_cooperation.strategies._arguments import _check_int, _check_kinds, _check_range
from kim_cooperation.strategies._drawing import (
    _MAX_DATE,
    _choose,
    _day,
    _day_near_year_end,
    _flag,
    _shuffled,
)
from kim_cooperation.strategies._money import _draw_schedule
from kim_cooperation.strategies._parties import _draw_parties
from kim_cooperation.strategies._policies import policies
from kim_cooperation.strategies._regions import (
    _MAX_POSTS,
    _REGION_NAMES,
    _count_day,
    _draw_count,
    _draw_key,
    _draw_region,
)

_MAX_REGIONS: Final = 4
_AGREEMENT_NAMES: Final = (
    "Kooperationsvereinbarung Kommunales Case-Management",
    "Öffentlich-rechtliche Vereinbarung Kommunales Integrationsmanagement",
    "Interkommunale Zusammenarbeit",
)
_NOTICE_YEARS: Final = 8
"""Notices are received within this many years after the agreement's start."""
_MAX_COUNTS: Final = 3
"""The most dated population counts of an agreement."""


def _groups(draw: st.DrawFn, towns: Sequence[Party]) -> list[list[Party]]:
    """Split the towns into consecutive non-empty groups: several regions where possible."""
    count = len(towns)
    group_count = draw(st.integers(min_value=min(2, count), max_value=min(_MAX_REGIONS, count)))
    cuts: list[int] = []
    if group_count > 1:
        cuts = draw(
            st.lists(
                st.integers(min_value=1, max_value=count - 1),
                min_size=group_count - 1,
                max_size=group_count - 1,
                unique=True,
            )
        )
    bounds = [0, *sorted(cuts), count]
    return [list(towns[low:high]) for low, high in itertools.pairwise(bounds)]


def _notice_day(draw: st.DrawFn, agreement: Agreement) -> dt.date:
    start = agreement.start
    return _day_near_year_end(draw, start, dt.date(start.year + _NOTICE_YEARS, 12, 31))


def _partial_withdrawal(draw: st.DrawFn, agreement: Agreement) -> Agreement | None:
    """Notices while the agreement goes on: every region keeps at least one town (C12)."""
    candidates = [region for region in agreement.regions if len(region.members) > 1]
    if not candidates:
        return None
    forced = _choose(draw, candidates)  # a region where somebody gives notice
    terms = agreement.notice_terms
    notices: dict[Party, dt.date] = {}
    successors: dict[Party, Party] = {}
    for region in agreement.regions:
        order = _shuffled(draw, region.members)
        most = len(order) - 1 if region == forced else len(order)
        staying = order[: draw(st.integers(min_value=1, max_value=most))]
        leaving = order[len(staying) :]
        for party in leaving:
            notices[party] = _notice_day(draw, agreement)
        employer = region.employer
        if employer not in notices:
            continue
        # The employer leaves while towns stay, so it names a successor that stays
        # longer (I8): a town that stays, or one that leaves later and names its own.
        successors[employer] = _choose(draw, staying)
        leaves = termination_date(notices[employer], terms)
        later = [
            party
            for party in leaving
            if party != employer and termination_date(notices[party], terms) > leaves
        ]
        if later and _flag(draw):
            middle = _choose(draw, later)
            successors[middle] = successors[employer]
            successors[employer] = middle
    # Drawn days fall on weekends too; recorded without the closed-day warnings (C11).
    return agreement._with_notices(notices, successors)[0]


def _full_termination(draw: st.DrawFn, agreement: Agreement) -> Agreement:
    """Every party gives notice (C13); every region lasts until the agreement ends."""
    terms = agreement.notice_terms
    days = {party: _notice_day(draw, agreement) for party in agreement.parties}
    ends = {party: termination_date(day, terms) for party, day in days.items()}
    last = max(agreement.parties, key=lambda party: ends[party])
    for region in agreement.regions:
        if max(ends[member] for member in region.members) < ends[last]:
            # A region whose towns all leave before the others would leave its
            # posts undecided (I8): one of its towns stays until the end.
            member = _choose(draw, region.members)
            days[member], ends[member] = days[last], ends[last]
    successors: dict[Party, Party] = {}
    for region in agreement.regions:
        if ends[region.employer] < ends[last]:
            staying = [member for member in region.members if ends[member] == ends[last]]
            successors[region.employer] = _choose(draw, staying)
    return agreement._with_notices(days, successors)[0]


def _last_members(agreement: Agreement, region: Region) -> list[Party]:
    """The towns of ``region`` that stay longest: those without notice, or with the latest end."""
    ends = {member: agreement.termination_of(member) for member in region.members}
    staying = [member for member, end in ends.items() if end is None]
    if staying:
        return staying
    last = max(end for end in ends.values() if end is not None)
    return [member for member, end in ends.items() if end == last]


def _draw_population(
    draw: st.DrawFn, agreement: Agreement, towns: Sequence[Party]
) -> list[PopulationCount]:
    """Dated counts of ``towns`` that give each a count for every year of the agreement (I9).

    The first count names every town and is as of 31 December two years
    before the start or earlier, the earliest reference day of the start
    year under any policy; later counts may name some towns only.
    """
    start = agreement.start.year
    first = _count_day(draw, dt.date(start - 4, 1, 1), dt.date(start - 2, 12, 31))
    counts = [_draw_count(draw, first, towns)]
    latest = dt.date(start + _NOTICE_YEARS + 2, 12, 31)
    later = {
        _count_day(draw, first + dt.timedelta(days=1), latest)
        for _ in range(draw(st.integers(min_value=0, max_value=_MAX_COUNTS - 1)))
    }
    for day in sorted(later):
        named = list(towns)
        if _flag(draw):
            named = [town for town in towns if _flag(draw)] or [_choose(draw, towns)]
        counts.append(_draw_count(draw, day, named))
    return counts


def _with_keys(draw: st.DrawFn, agreement: Agreement, kinds: tuple[KeyKind, ...]) -> Agreement:
    """Give the regions split keys and the agreement the population counts they need (C4, I9).

    Drawn after the notices, so that fixed weights never leave the towns that
    stay longest all at zero.
    """
    if kinds == (KeyKind.EQUAL,):
        return agreement
    keyed = [
        attrs.evolve(
            region,
            split_key=_draw_key(draw, region.members, kinds, _last_members(agreement, region)),
        )
        for region in agreement.regions
    ]
    counted = [
        member
        for region in keyed
        if region.split_key.kind is KeyKind.POPULATION
        for member in region.members
    ]
    if KeyKind.POPULATION in kinds and _flag(draw):
        counted = list(agreement.parties)  # counts of every town, as the statistics give them
    if not counted and all(region.split_key == EQUAL_KEY for region in keyed):
        return agreement
    population = _draw_population(draw, agreement, counted) if counted else []
    return attrs.evolve(agreement, regions=keyed, population=population)


@st.composite
def _agreements(
    draw: st.DrawFn,
    *,
    min_parties: int,
    max_parties: int,
    with_notices: bool | None,
    terms: st.SearchStrategy[NoticeTerms],
    chosen_policies: st.SearchStrategy[Policies],
    kinds: tuple[KeyKind, ...],
) -> Agreement:
    towns = _draw_parties(draw, min_parties, max_parties)
    names = _shuffled(draw, _REGION_NAMES)
    all_regions = [
        _draw_region(draw, members, name, _MAX_POSTS)
        for members, name in zip(_groups(draw, _shuffled(draw, towns)), names, strict=False)
    ]
    year = draw(st.integers(min_value=2000, max_value=2040))
    start = _day(draw, dt.date(year, 1, 1), dt.date(year, 12, 31)) if _flag(draw) else None
    start = start or dt.date(year, 1, 1)
    agreement = Agreement(
        name=_choose(draw, _AGREEMENT_NAMES),
        parties=towns,
        regions=all_regions,
        funding=_draw_schedule(draw, dt.date(year - 2, 1, 1), _MAX_DATE, start, 3),
        start=start,
        notice_terms=draw(terms),
        policies=draw(chosen_policies),
    )
    if with_notices is None:
        with_notices = _flag(draw)
    if with_notices:
        withdrawn = None if _flag(draw) else _partial_withdrawal(draw, agreement)
        agreement = _full_termination(draw, agreement) if withdrawn is None else withdrawn
    return _with_keys(draw, agreement, kinds)


def agreements(
    *,
    min_parties: int = 2,
    max_parties: int = 11,
    with_notices: bool | None = False,
    notice_terms: st.SearchStrategy[NoticeTerms] | None = None,
    policies: st.SearchStrategy[Policies] | None = None,
    key_kinds: Sequence[KeyKind | str] | None = None,
) -> st.SearchStrategy[Agreement]:
    """Valid agreements of the Coesfeld shape (C1–C5, C11, C12, C13; I9).

    Each agreement has ``min_parties`` to ``max_parties`` distinct towns
    (unique AGS, names that cannot be confused) split into two to four
    regions (one if there is a single town), every town in exactly one
    region; each region has an employer among its towns and one to three
    posts, labels unique across the agreement. The agreement starts between
    2000 and 2040, and its funding schedule covers every day from the start.

    Each region has its own split key (C4, I9): equal parts, fixed weights
    or population. Fixed weights may be zero for some towns, never for all
    the towns that stay longest (so a share can always pass by the key,
    I11). With a population key the agreement holds one to three dated
    counts (mostly as of 31 December or 30 June): the first names every
    town concerned, as of a day on or before the earliest reference day of
    the start year under any policy (31 December two years before), so
    every year has a count for every town; later counts may name some towns
    only. Sometimes every party is counted, also with no region split by
    population.

    With notices, at least one notice is recorded (with
    `Agreement.give_notices`), and only notices the agreement accepts:
    either some towns leave while every region keeps at least one town,
    a leaving employer naming a successor that stays longer (C12, I8); or
    every party gives notice (full termination, C13), each region lasting
    until the agreement ends. Notices are received within eight years of
    the start, often around 30 June / 1 July and the turn of the year.
    Under notice terms that end inside a year (half-year, quarter, month)
    towns leave, and successors take over as employers, within a year;
    such a year is settled pro rata temporis (I10).

    Args:
        min_parties: The fewest parties, at least 1.
        max_parties: The most parties; 11 (as in Kreis Coesfeld) by default.
        with_notices: ``False`` (default) for agreements without notices,
            ``True`` for agreements with at least one notice, ``None`` for
            either.
        notice_terms: A strategy for the notice terms; by default always
            the Coesfeld terms, 18 months to the end of a calendar year.
            Pass ``notice_terms()`` of this module to draw every period end,
            so that members change within a year.
        policies: A strategy for the interpretation choices; by default any
            combination (``policies()`` of this module).
        key_kinds: The kinds of split key the regions draw from (`KeyKind`
            or their values); all by default. ``["equal"]`` gives Coesfeld's
            key in every region and no population counts.

    Returns:
        A strategy for `Agreement`.

    Raises:
        InvalidArgument: A size is not a positive int, ``min_parties``
            exceeds ``max_parties``, ``with_notices`` is not a bool or
            ``None``, or ``key_kinds`` is empty or names no kind of key.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, derandomize=True, database=None, deadline=None)
        ... @given(agreements(with_notices=True))
        ... def test_every_region_has_members_until_the_end(agreement):
        ...     assert agreement.notices
        ...     ends = [agreement.termination_of(party) for party in agreement.parties]
        ...     last_day = max(end for end in ends if end is not None)
        ...     for region in agreement.regions:
        ...         assert agreement.members_on(last_day, region=region)
        >>> test_every_region_has_members_until_the_end()

        Agreements under quarter terms, split by population, whose towns
        leave at the end of a quarter:

        >>> import datetime as dt
        >>> from kim_cooperation import PeriodEnd
        >>> from kim_cooperation.strategies import notice_terms
        >>> by_quarter = agreements(
        ...     with_notices=True,
        ...     notice_terms=notice_terms(period_ends=[PeriodEnd.QUARTER]),
        ...     key_kinds=["population"],
        ... )
        >>> @settings(max_examples=10, derandomize=True, database=None, deadline=None)
        ... @given(by_quarter)
        ... def test_towns_leave_at_a_quarter_end(agreement):
        ...     for notice in agreement.notices:
        ...         ends = agreement.termination_of(notice.party)
        ...         assert (ends + dt.timedelta(days=1)).month in (1, 4, 7, 10)
        ...     assert agreement.population
        >>> test_towns_leave_at_a_quarter_end()
    """
    _check_int(min_parties, "min_parties", low=1)
    _check_int(max_parties, "max_parties", low=1)
    _check_range(min_parties, max_parties, "min_parties", "max_parties")
    if with_notices is not None and not isinstance(with_notices, bool):
        raise InvalidArgument(f"with_notices must be a bool or None, got {shown(with_notices)}")
    return _agreements(
        min_parties=min_parties,
        max_parties=max_parties,
        with_notices=with_notices,
        terms=st.just(DEFAULT_NOTICE_TERMS) if notice_terms is None else notice_terms,
        chosen_policies=_all_policies() if policies is None else policies,
        kinds=_check_kinds(key_kinds),
    )


def _all_policies() -> st.SearchStrategy[Policies]:
    # ``agreements`` has an argument named ``policies``.
    return policies()
