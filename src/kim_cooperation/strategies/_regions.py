"""Strategies for regions (C2) and what they are made of: posts (C3), split keys, counts (C4, I9).

`posts` draws posts with an exact FTE; `split_keys` draws equal parts,
fixed weights (some zero, never all) or population; `population_counts`
draws dated counts of inhabitants; `regions` puts distinct towns, an
employer among them, posts and a split key together. The `_draw_*` helpers
are what the strategy for agreements builds its regions with.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from fractions import Fraction
from typing import Final

from hypothesis import strategies as st

from kim_cooperation.keys import KeyKind, PopulationCount, SplitKey
from kim_cooperation.party import Party
from kim_cooperation.post import Post
from kim_cooperation.region import Region
from kim_cooperation.strategies._arguments import (
    _check_day,
    _check_int,
    _check_kinds,
    _check_parties,
    _check_range,
)
from kim_cooperation.strategies._drawing import _MAX_DATE, _MIN_DATE, _choose, _day, _flag
from kim_cooperation.strategies._parties import _draw_parties, _party_names

_REGION_NAMES: Final = (
    "Nord",
    "Mitte",
    "Süd",
    "Ost",
    "West",
    "Nordwest",
    "Südost",
    "Nordost",
    "Südwest",
)
_MAX_POSTS: Final = 3

_WEIGHT_DENOMINATORS: Final = (1, 2, 3, 4, 10, 100)
"""Weights as agreements write them: ``2``, ``1/2``, ``2/3``, ``0.25``, ``27.5``, ``12.75``."""
_MAX_WEIGHT_NUMERATOR: Final = 1000
_MAX_INHABITANTS: Final = 600_000
"""More than any town belonging to a Kreis has."""
_COUNT_SOURCES: Final = (
    "IT.NRW, Fortschreibung des Bevölkerungsstandes",
    "Einwohnermeldeamt",
    "Zensus 2022",
)


# --- posts and regions -------------------------------------------------------------------


def _draw_post(draw: st.DrawFn, label: str, dated: bool) -> Post:
    denominator = draw(st.integers(min_value=1, max_value=12))
    fte = Fraction(draw(st.integers(min_value=1, max_value=denominator)), denominator)
    start: dt.date | None = None
    end: dt.date | None = None
    if dated:
        start = _day(draw, _MIN_DATE, _MAX_DATE) if _flag(draw) else None
        end = _day(draw, start or _MIN_DATE, _MAX_DATE) if _flag(draw) else None
    return Post(label=label, fte=fte, employment_start=start, employment_end=end)


def _default_label(draw: st.DrawFn) -> str:
    return f"{_choose(draw, _REGION_NAMES)} {draw(st.integers(min_value=1, max_value=9))}"


@st.composite
def _posts(draw: st.DrawFn, labels: st.SearchStrategy[str] | None, dated: bool) -> Post:
    label = _default_label(draw) if labels is None else draw(labels)
    return _draw_post(draw, label, dated)


def posts(
    *, labels: st.SearchStrategy[str] | None = None, with_employment_dates: bool = True
) -> st.SearchStrategy[Post]:
    """Posts (C3) with an exact full-time equivalent in ``(0, 1]``.

    The FTE is a `Fraction` with a denominator up to 12 (``1``, ``1/2``,
    ``3/4``, ``2/3``, …). Employment dates, when drawn, lie between 2000 and
    2050, and the end is never before the start.

    Args:
        labels: A strategy for the post's label; by default labels such as
            ``"Nord 1"``. Each label it gives must be a valid label.
        with_employment_dates: Whether posts may have an employment start
            and end; without, every post is filled all the time.

    Returns:
        A strategy for `Post`.

    Examples:
        >>> from hypothesis import find
        >>> post = find(posts(), lambda post: post.fte < 1)
        >>> post.label, post.fte
        ('Nord 1', Fraction(1, 2))
    """
    return _posts(labels, bool(with_employment_dates))


def _draw_region(
    draw: st.DrawFn,
    members: Sequence[Party],
    name: str,
    max_posts: int,
    kinds: Sequence[KeyKind] = (KeyKind.EQUAL,),
) -> Region:
    count = draw(st.integers(min_value=1, max_value=max_posts))
    return Region(
        name=name,
        employer=_choose(draw, members),
        members=members,
        posts=[_draw_post(draw, f"{name} {number}", True) for number in range(1, count + 1)],
        split_key=_draw_key(draw, members, kinds),
    )


@functools.cache
def _region_names() -> st.SearchStrategy[str]:
    return st.sampled_from(_REGION_NAMES) | _party_names()


@st.composite
def _regions(
    draw: st.DrawFn,
    min_members: int,
    max_members: int,
    max_posts: int,
    kinds: tuple[KeyKind, ...],
) -> Region:
    members = _draw_parties(draw, min_members, max_members)
    return _draw_region(draw, members, draw(_region_names()), max_posts, kinds)


def regions(
    *,
    min_members: int = 1,
    max_members: int = 5,
    max_posts: int = _MAX_POSTS,
    key_kinds: Sequence[KeyKind | str] | None = None,
) -> st.SearchStrategy[Region]:
    """Regions (C2, C3, C4): distinct towns, an employer among them, posts, a split key.

    Post labels are the region's name and a number (``"Nord 1"``,
    ``"Nord 2"``); posts may have employment dates. The split key is
    drawn as `split_keys` draws it for the region's towns: equal parts,
    fixed weights (some of them zero, never all) or population. A region
    alone holds no population counts; `agreements` draws them.

    Args:
        min_members: The fewest member towns, at least 1.
        max_members: The most member towns.
        max_posts: The most posts (at least one is always drawn).
        key_kinds: The kinds of split key to draw from (`KeyKind` or their
            values ``"equal"``, ``"weights"``, ``"population"``); all by
            default. ``["equal"]`` gives the Coesfeld key only.

    Returns:
        A strategy for `Region`; shrinks towards equal parts.

    Raises:
        InvalidArgument: A size is not a positive int, ``min_members``
            exceeds ``max_members``, or ``key_kinds`` is empty or names no
            kind of key.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, derandomize=True, database=None, deadline=None)
        ... @given(regions(min_members=2))
        ... def test_employer_bills_the_others(region):
        ...     assert region.employer not in region.others
        ...     assert len(region.others) == len(region.members) - 1 >= 1
        >>> test_employer_bills_the_others()
    """
    _check_int(min_members, "min_members", low=1)
    _check_int(max_members, "max_members", low=1)
    _check_range(min_members, max_members, "min_members", "max_members")
    _check_int(max_posts, "max_posts", low=1)
    return _regions(min_members, max_members, max_posts, _check_kinds(key_kinds))


# --- split keys and population counts ----------------------------------------------------


def _draw_weight(draw: st.DrawFn) -> Fraction:
    """A town's weight: zero in about one draw of five (the town pays nothing); shrinks to 1."""
    zero = draw(st.integers(min_value=0, max_value=4)) == 4
    # Drawn for zero too: the same number of draws either way, so examples
    # shrink towards weight 1 rather than towards the shorter draw of a zero.
    numerator = draw(st.integers(min_value=1, max_value=_MAX_WEIGHT_NUMERATOR))
    weight = Fraction(numerator, _choose(draw, _WEIGHT_DENOMINATORS))
    return Fraction(0) if zero else weight


def _draw_weights(draw: st.DrawFn, members: Sequence[Party], paying: Sequence[Party]) -> SplitKey:
    weights = {member: _draw_weight(draw) for member in members}
    # All zero is refused; and under withdrawal_split="key" the towns that stay
    # longest take over the shares of those who left, so one of them must weigh
    # something (else the case is undecided, I8, I11).
    payers = list(paying) or list(members)
    if not any(weights[party] for party in payers):
        positive = draw(st.integers(min_value=1, max_value=_MAX_WEIGHT_NUMERATOR))
        weights[_choose(draw, payers)] = Fraction(positive)
    return SplitKey.by_weights(weights)


def _draw_key(
    draw: st.DrawFn,
    members: Sequence[Party],
    kinds: Sequence[KeyKind],
    paying: Sequence[Party] = (),
) -> SplitKey:
    kind = _choose(draw, kinds)
    if kind is KeyKind.WEIGHTS:
        return _draw_weights(draw, members, paying)
    return SplitKey.by_population() if kind is KeyKind.POPULATION else SplitKey.equal()


@st.composite
def _split_keys(
    draw: st.DrawFn, members: tuple[Party, ...] | None, kinds: tuple[KeyKind, ...]
) -> SplitKey:
    kind = _choose(draw, kinds)
    if kind is not KeyKind.WEIGHTS:
        return SplitKey.by_population() if kind is KeyKind.POPULATION else SplitKey.equal()
    towns = _draw_parties(draw, 1, 5) if members is None else members
    return _draw_weights(draw, towns, ())


def split_keys(
    members: Sequence[Party] | None = None, *, key_kinds: Sequence[KeyKind | str] | None = None
) -> st.SearchStrategy[SplitKey]:
    """Split keys (C4, I1, I9): equal parts, fixed weights or population.

    Fixed weights are exact fractions as agreements write them (``2``,
    ``1/2``, ``2/3``, ``0.25``, ``27.5``); about one town in five weighs
    zero (it pays nothing), never all of them.

    Args:
        members: The towns a key by weights weighs, e.g. a region's
            members (`Region` requires exactly them); by default one to five
            distinct drawn parties.
        key_kinds: The kinds of key to draw from; all by default.

    Returns:
        A strategy for `SplitKey`; shrinks towards equal parts.

    Raises:
        InvalidArgument: ``members`` is empty, holds something else than
            parties or two with one AGS; ``key_kinds`` is empty or names no
            kind of key.

    Examples:
        >>> from hypothesis import given, settings
        >>> from kim_cooperation import presets
        >>> nord = presets.coesfeld().region("Nord")
        >>> @settings(max_examples=20, derandomize=True, database=None, deadline=None)
        ... @given(split_keys(nord.members, key_kinds=["weights"]))
        ... def test_weights_for_every_member(key):
        ...     assert set(key.weights) == set(nord.members)
        ...     assert any(key.weights.values()) and min(key.weights.values()) >= 0
        >>> test_weights_for_every_member()
    """
    return _split_keys(_check_parties(members, "members"), _check_kinds(key_kinds))


def _count_day(draw: st.DrawFn, low: dt.date, high: dt.date) -> dt.date:
    """A day from ``low`` to ``high``: mostly 31 December or 30 June, the days of official counts.

    Shrinks towards 31 December of ``low``'s year (if in range).
    """
    year = draw(st.integers(min_value=low.year, max_value=high.year))
    day = dt.date(year, 6, 30) if _flag(draw) else dt.date(year, 12, 31)
    if low <= day <= high and not _flag(draw):
        return day
    return _day(draw, low, high)


def _draw_count(draw: st.DrawFn, day: dt.date, towns: Sequence[Party]) -> PopulationCount:
    counts = {town: draw(st.integers(min_value=1, max_value=_MAX_INHABITANTS)) for town in towns}
    source = _choose(draw, _COUNT_SOURCES) if _flag(draw) else None
    return PopulationCount(as_of=day, counts=counts, source=source)


@st.composite
def _population_counts(
    draw: st.DrawFn, parties: tuple[Party, ...] | None, min_date: dt.date, max_date: dt.date
) -> PopulationCount:
    towns = _draw_parties(draw, 1, 5) if parties is None else parties
    return _draw_count(draw, _count_day(draw, min_date, max_date), towns)


def population_counts(
    parties: Sequence[Party] | None = None,
    *,
    min_date: dt.date = _MIN_DATE,
    max_date: dt.date = _MAX_DATE,
) -> st.SearchStrategy[PopulationCount]:
    """Counts of inhabitants as of one day (C4, I9), for regions split by population.

    The day is mostly a 31 December or a 30 June, the days IT.NRW
    publishes counts for; each count is a positive int, up to 600,000.

    Args:
        parties: The towns counted; by default one to five distinct drawn
            parties.
        min_date: The earliest ``as_of``.
        max_date: The latest ``as_of``.

    Returns:
        A strategy for `PopulationCount`.

    Raises:
        InvalidArgument: ``parties`` is empty, holds something else than
            parties or two with one AGS; a bound is not a date, or
            ``min_date`` is after ``max_date``.

    Examples:
        >>> import datetime as dt
        >>> from hypothesis import find
        >>> from kim_cooperation import presets
        >>> mitte = presets.coesfeld().region("Mitte")
        >>> count = find(population_counts(mitte.members, min_date=dt.date(2024, 1, 1)),
        ...              lambda count: True)
        >>> count.as_of, [number for number in count.counts.values()]
        (datetime.date(2024, 12, 31), [1, 1])
    """
    towns = _check_parties(parties, "parties")
    _check_day(min_date, "min_date")
    _check_day(max_date, "max_date")
    _check_range(min_date, max_date, "min_date", "max_date")
    return _population_counts(towns, min_date, max_date)
