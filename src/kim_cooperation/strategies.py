"""Hypothesis strategies for the library's types, for property tests of code that uses it.

A budget system that embeds ``kim_cooperation`` can property-test its own
code with these strategies: each one generates only *valid* library objects,
built through the public constructors, so every invariant of the library
holds (an AGS has eight digits, a region's employer is one of its members,
every party of an agreement belongs to exactly one region, fixed weights
name exactly a region's towns, a population key finds a count for every
town, notices are only those the agreement accepts, …). Sizes are bounded
so examples generate fast.

The module needs the optional extra ``hypothesis``
(``pip install kim-cooperation[hypothesis]``); importing ``kim_cooperation``
itself never imports Hypothesis.

With the package installed, Hypothesis registers the strategies for the
library's types when it is imported (entry point ``hypothesis``), so
``st.from_type(Agreement)`` and ``st.builds`` with annotated arguments work
without further set-up.

Wrong arguments to a strategy (``min_parties="3"``, ``period_ends=[None]``)
raise Hypothesis' own ``hypothesis.errors.InvalidArgument``, as Hypothesis'
strategies do (``st.integers(min_value="x")``), and not a
`KimCooperationError`: the strategies are used inside Hypothesis tests, where
that error is what marks a mistake in the test rather than in the code under
test. The message names the argument, the value (shown safely, even if its
``repr`` fails) and what is expected. Counts and sizes are plain ``int``, as
everywhere in the library: a ``bool`` or another ``int`` subclass is refused.

Examples:
    A property test of a budget system's code: every town's budgeted
    payment is never more than the region's own share.

    >>> from hypothesis import given, settings, strategies as st
    >>> from kim_cooperation import settle
    >>> from kim_cooperation.strategies import agreements, cost_plans, settlement_years
    >>> @settings(max_examples=10, derandomize=True, database=None, deadline=None)
    ... @given(st.data(), agreements(with_notices=None))
    ... def test_payments_within_own_share(data, agreement):
    ...     year = data.draw(settlement_years(agreement))
    ...     settlement = settle(agreement, year, data.draw(cost_plans(agreement)))
    ...     for region in settlement.regions:
    ...         assert all(line.amount <= region.own_share for line in region.billing)
    >>> test_payments_within_own_share()
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import itertools
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Final, TypeVar

import attrs

from kim_cooperation._checks import shown, subclass_hint
from kim_cooperation._confusables import skeleton
from kim_cooperation.agreement import Agreement
from kim_cooperation.clauses import Clause
from kim_cooperation.costs import CostStatement
from kim_cooperation.errors import KimCooperationError, NoPopulationCountError, UndecidedCaseError
from kim_cooperation.funding import FundingRate, FundingSchedule
from kim_cooperation.keys import EQUAL_KEY, KeyKind, PopulationCount, SplitKey
from kim_cooperation.money import MAX_EUROS, Money, from_cents, to_cents
from kim_cooperation.notice import DEFAULT_NOTICE_TERMS, NoticeTerms, PeriodEnd, termination_date
from kim_cooperation.party import Party, PartyKind, fold_name
from kim_cooperation.policy import (
    PartYearFunding,
    Policies,
    PopulationReference,
    ShareBasis,
    SpanWeighting,
    WindDownScope,
    WithdrawalScope,
)
from kim_cooperation.post import Post
from kim_cooperation.region import Region
from kim_cooperation.spans import year_spans

__all__ = [
    "agreements",
    "ags_codes",
    "cost_plans",
    "cost_statements",
    "dates_near_year_end",
    "distinct_parties",
    "funding_rates",
    "funding_schedules",
    "money",
    "notice_terms",
    "parties",
    "party_names",
    "policies",
    "population_counts",
    "posts",
    "regions",
    "register_type_strategies",
    "settlement_years",
    "split_keys",
]


# The registration comes before Hypothesis is imported below: if this module is
# imported first, importing Hypothesis runs its entry points, which load this (partly
# initialised) module and call the hook. So the hook may only use what is defined
# above this point; the strategies it registers are built when first used.


def register_type_strategies() -> None:
    """Register this module's strategies for the library's types with Hypothesis.

    Afterwards ``st.from_type`` (and ``st.builds`` for annotated arguments)
    generates valid `Party`, `Post`, `Region`, `SplitKey`,
    `PopulationCount`, `FundingRate`, `FundingSchedule`, `CostStatement`,
    `NoticeTerms`, `Policies` and `Agreement` values: regions and
    agreements with every split key, agreements with and without notices,
    under any notice terms. Hypothesis
    calls this through the package's entry point when it is imported, so
    calling it yourself is only needed when plugins are disabled
    (``HYPOTHESIS_NO_PLUGINS``). Calling it again does no harm.

    Examples:
        >>> from hypothesis import given, settings, strategies as st
        >>> from kim_cooperation import Region
        >>> register_type_strategies()
        >>> @settings(max_examples=10, derandomize=True, database=None, deadline=None)
        ... @given(st.from_type(Region))
        ... def test_employer_is_a_member(region):
        ...     assert region.employer in region.members
        >>> test_employer_is_a_member()
    """
    from hypothesis import strategies as st  # noqa: PLC0415 (see the comment above)

    # Callables, not strategies: nothing is built now, so registering is cheap and
    # works while this module is still being imported.
    st.register_type_strategy(Party, lambda _: parties())
    st.register_type_strategy(Post, lambda _: posts())
    st.register_type_strategy(Region, lambda _: regions())
    st.register_type_strategy(SplitKey, lambda _: split_keys())
    st.register_type_strategy(PopulationCount, lambda _: population_counts())
    st.register_type_strategy(FundingRate, lambda _: funding_rates())
    st.register_type_strategy(FundingSchedule, lambda _: funding_schedules())
    st.register_type_strategy(CostStatement, lambda _: cost_statements())
    st.register_type_strategy(NoticeTerms, lambda _: notice_terms())
    st.register_type_strategy(Policies, lambda _: policies())
    st.register_type_strategy(
        Agreement, lambda _: agreements(with_notices=None, notice_terms=notice_terms())
    )


def _hypothesis_setup_hook() -> None:
    """Entry point ``hypothesis``: register the type strategies; never fail Hypothesis' import."""
    # A failure here would break `import hypothesis` for every project in the
    # environment; without the registration only `st.from_type` falls back.
    with contextlib.suppress(Exception):
        register_type_strategies()


try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ModuleNotFoundError as error:  # pragma: no cover - tested in a subprocess
    if error.name is not None and error.name.partition(".")[0] != "hypothesis":
        raise
    raise ImportError(
        "kim_cooperation.strategies needs Hypothesis, an optional dependency; "
        "install it with: pip install kim-cooperation[hypothesis]",
        name="hypothesis",
    ) from error


_T = TypeVar("_T")
_Ordered = TypeVar("_Ordered", int, dt.date)

_MIN_DATE: Final = dt.date(2000, 1, 1)
_MAX_DATE: Final = dt.date(2050, 12, 31)
_MAX_CENTS: Final = MAX_EUROS * 100 - 1
_MAX_MONTHS: Final = 1200

_LANDS: Final = tuple(f"{land:02d}" for land in range(1, 17))
_KINDS: Final = tuple(PartyKind)

_TOWN_NAMES: Final = (
    "Ascheberg",
    "Billerbeck",
    "Coesfeld",
    "Dülmen",
    "Havixbeck",
    "Lüdinghausen",
    "Nordkirchen",
    "Nottuln",
    "Olfen",
    "Rosendahl",
    "Senden",
    "Bad Sassendorf",
    "Groß-Gerau",
    "Hörstel",
    "Much",
    "Weißenthurm",
    "Ölbronn-Dürrn",
)
_WORD_STARTS: Final = "ABCDEFGHIJKLMNOPRSTUVWZÄÖÜ"
_WORD_LETTERS: Final = "abcdefghijklmnopqrstuvwxyzäöüß"
_SEPARATORS: Final = (" ", "-")

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
_MAX_REGIONS: Final = 4
_MAX_POSTS: Final = 3

_AGREEMENT_NAMES: Final = (
    "Kooperationsvereinbarung Kommunales Case-Management",
    "Öffentlich-rechtliche Vereinbarung Kommunales Integrationsmanagement",
    "Interkommunale Zusammenarbeit",
)
_RATE_SOURCES: Final = (
    "Council paper 2023",
    "Zuwendungsbescheid der Bezirksregierung",
    "Announcement of the Land",
    "Förderrichtlinie KIM",
)
_TYPICAL_RATES: Final = (Decimal("55000.00"), Decimal("57000.00"), Decimal("0.00"))
_MAX_RATE_CENTS: Final = 100_000_00
_NOTICE_YEARS: Final = 8
"""Notices are received within this many years after the agreement's start."""

_WEIGHT_DENOMINATORS: Final = (1, 2, 3, 4, 10, 100)
"""Weights as agreements write them: ``2``, ``1/2``, ``2/3``, ``0.25``, ``27.5``, ``12.75``."""
_MAX_WEIGHT_NUMERATOR: Final = 1000
_MAX_INHABITANTS: Final = 600_000
"""More than any town belonging to a Kreis has."""
_MAX_COUNTS: Final = 3
"""The most dated population counts of an agreement."""
_COUNT_SOURCES: Final = (
    "IT.NRW, Fortschreibung des Bevölkerungsstandes",
    "Einwohnermeldeamt",
    "Zensus 2022",
)


# --- argument checks ---------------------------------------------------------------------


def _check_int(value: object, name: str, *, low: int, high: int | None = None) -> int:
    if type(value) is not int:  # a bool or another subclass could change what a bound means
        raise InvalidArgument(
            f"{name} must be an int, got {type(value).__name__} {shown(value)}"
            f"{subclass_hint(value)}"
        )
    if value < low or (high is not None and value > high):
        upper = "" if high is None else f" and at most {high}"
        raise InvalidArgument(f"{name} must be at least {low}{upper}, got {shown(value)}")
    return value


def _check_range(low: _Ordered, high: _Ordered, low_name: str, high_name: str) -> None:
    if low > high:
        raise InvalidArgument(f"{low_name}={shown(low)} must not exceed {high_name}={shown(high)}")


def _check_day(value: object, name: str) -> dt.date:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidArgument(f"{name} must be a datetime.date, got {type(value).__name__}")
    return value


def _bound_cents(value: Money | None, name: str, default: int) -> int:
    if value is None:
        return default
    try:
        return to_cents(value, what=name)
    except KimCooperationError as error:
        raise InvalidArgument(str(error)) from error


def _check_kinds(value: object) -> tuple[KeyKind, ...]:
    if value is None:
        return tuple(KeyKind)
    if isinstance(value, str) or not isinstance(value, Sequence):
        raise InvalidArgument(
            f"key_kinds must be a sequence of KeyKind (or their values), got {shown(value)}"
        )
    kinds: list[KeyKind] = []
    for item in value:
        if not isinstance(item, str) or item not in tuple(KeyKind):
            raise InvalidArgument(
                f"key_kinds must name kinds of split key {[kind.value for kind in KeyKind]}, "
                f"got {shown(item)}"
            )
        if KeyKind(item) not in kinds:
            kinds.append(KeyKind(item))
    if not kinds:
        raise InvalidArgument("key_kinds must name at least one KeyKind")
    return tuple(kinds)


def _check_period_ends(value: object) -> tuple[PeriodEnd, ...]:
    if value is None:
        return tuple(PeriodEnd)
    if isinstance(value, str) or not isinstance(value, Sequence):
        raise InvalidArgument(
            f"period_ends must be a sequence of PeriodEnd (or their values), got "
            f"{type(value).__name__} {shown(value)}; write e.g. [PeriodEnd.YEAR]"
        )
    try:
        return tuple(PeriodEnd(item) for item in value)
    except KimCooperationError as error:
        raise InvalidArgument(f"period_ends: {error}") from error


def _check_parties(value: object, name: str) -> tuple[Party, ...] | None:
    if value is None:
        return None
    if isinstance(value, str) or not isinstance(value, Sequence):
        raise InvalidArgument(f"{name} must be a sequence of Party, got {shown(value)}")
    found = tuple(value)
    if not found or not all(isinstance(party, Party) for party in found):
        raise InvalidArgument(f"{name} must be a non-empty sequence of Party, got {shown(value)}")
    if len({party.ags for party in found}) != len(found):
        raise InvalidArgument(f"{name} must have distinct AGS, got {shown(value)}")
    return found


def _check_agreement(agreement: object) -> Agreement:
    if not isinstance(agreement, Agreement):
        raise InvalidArgument(f"agreement must be an Agreement, got {type(agreement).__name__}")
    return agreement


# --- drawing helpers ---------------------------------------------------------------------
# Examples are drawn from a few cached primitive strategies (integers, booleans), not
# from strategies built anew for every example, which would make generation slow.


def _choose(draw: st.DrawFn, items: Sequence[_T]) -> _T:
    """One of ``items``; shrinks towards the first."""
    if len(items) == 1:
        return items[0]
    return items[draw(st.integers(min_value=0, max_value=len(items) - 1))]


def _shuffled(draw: st.DrawFn, items: Sequence[_T]) -> list[_T]:
    """A permutation of ``items`` (Fisher–Yates); shrinks towards the given order."""
    result = list(items)
    for index in range(len(result) - 1):
        other = draw(st.integers(min_value=index, max_value=len(result) - 1))
        result[index], result[other] = result[other], result[index]
    return result


def _day(draw: st.DrawFn, low: dt.date, high: dt.date) -> dt.date:
    """A day from ``low`` to ``high``; shrinks towards ``low``."""
    return low + dt.timedelta(days=draw(st.integers(min_value=0, max_value=(high - low).days)))


def _flag(draw: st.DrawFn) -> bool:
    value: bool = draw(st.booleans())
    return value


def _day_near_year_end(draw: st.DrawFn, low: dt.date, high: dt.date) -> dt.date:
    if not _flag(draw):
        return _day(draw, low, high)
    year = draw(st.integers(min_value=low.year, max_value=high.year))
    # The boundary between the last day notice may arrive for one end and the first
    # day that counts for the next (30 June / 1 July), or between two years.
    anchor = dt.date(year, 6, 30) if not _flag(draw) else dt.date(year, 12, 31)
    earliest = max(-3, (low - anchor).days)
    latest = min(4, (high - anchor).days)
    if earliest > latest:  # that boundary lies outside the range
        return _day(draw, low, high)
    return anchor + dt.timedelta(days=draw(st.integers(min_value=earliest, max_value=latest)))


# --- money, keys and names ---------------------------------------------------------------


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


@functools.lru_cache(maxsize=64)
def _ags_codes(prefix: str) -> st.SearchStrategy[str]:
    lands = [land for land in _LANDS if land.startswith(prefix[:2])]
    rest = 8 - max(len(prefix), 2)
    if not rest:
        return st.just(prefix)
    tail = prefix[2:]

    def key(land: str, number: int) -> str:
        return f"{land}{tail}{number:0{rest}d}"

    return st.builds(key, st.sampled_from(lands), st.integers(min_value=0, max_value=10**rest - 1))


def ags_codes(*, prefix: str = "") -> st.SearchStrategy[str]:
    """Official municipality keys (AGS): eight ASCII digits with a Land from 01 to 16.

    Args:
        prefix: Leading digits every key shares, e.g. ``"05558"`` for the
            towns of Kreis Coesfeld; empty by default (any Land).

    Returns:
        A strategy for AGS strings that `validate_ags` accepts.

    Raises:
        InvalidArgument: ``prefix`` is not at most eight digits or names no Land.

    Examples:
        >>> from hypothesis import find
        >>> find(ags_codes(), lambda ags: True)
        '01000000'
        >>> find(ags_codes(prefix="05558"), lambda ags: ags > "05558040")
        '05558041'
    """
    digits = isinstance(prefix, str) and (not prefix or (prefix.isascii() and prefix.isdigit()))
    if not digits or len(prefix) > 8:
        raise InvalidArgument(f"prefix must be a string of at most 8 digits, got {shown(prefix)}")
    if not any(land.startswith(prefix[:2]) for land in _LANDS):
        raise InvalidArgument(f"prefix {shown(prefix)} names no Land (01 to 16)")
    return _ags_codes(prefix)


def _word(start: str, letters: str) -> str:
    return start + letters


def _joined(first: str, more: list[tuple[str, str]]) -> str:
    return first + "".join(separator + word for separator, word in more)


@functools.cache
def _party_names() -> st.SearchStrategy[str]:
    word = st.builds(
        _word, st.sampled_from(_WORD_STARTS), st.text(alphabet=_WORD_LETTERS, max_size=10)
    )
    made_up = st.builds(
        _joined, word, st.lists(st.tuples(st.sampled_from(_SEPARATORS), word), max_size=2)
    )
    return st.sampled_from(_TOWN_NAMES) | made_up


def party_names() -> st.SearchStrategy[str]:
    """Names of towns: real ones (with umlauts, ``ß``, spaces and hyphens) or made-up words.

    Every name is a valid label: not empty, no leading or trailing spaces,
    and without digits.

    Returns:
        A strategy for names.

    Examples:
        >>> from hypothesis import given, settings
        >>> from kim_cooperation import Party
        >>> @settings(max_examples=20, derandomize=True, database=None, deadline=None)
        ... @given(party_names())
        ... def test_name_is_found(name):
        ...     assert Party(name=name, kind="Stadt", ags="05558012").matches(name.upper())
        >>> test_name_is_found()
    """
    return _party_names()


def parties() -> st.SearchStrategy[Party]:
    """Single parties (C1): a Stadt or Gemeinde with a name and a valid AGS.

    Two drawn parties may share an AGS or a name; use `distinct_parties`
    for the parties of one agreement.

    Returns:
        A strategy for `Party`.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, derandomize=True, database=None, deadline=None)
        ... @given(parties())
        ... def test_title(party):
        ...     assert party.title == f"{party.kind} {party.name}"
        ...     assert party.matches(party.ags) and party.matches(party.name)
        >>> test_title()
    """
    return st.builds(Party, name=_party_names(), kind=st.sampled_from(_KINDS), ags=_ags_codes(""))


def _draw_parties(draw: st.DrawFn, min_size: int, max_size: int) -> list[Party]:
    codes = draw(st.lists(_ags_codes(""), min_size=min_size, max_size=max_size, unique=True))
    names = draw(st.lists(_party_names(), min_size=len(codes), max_size=len(codes)))
    used: set[str] = set()
    # Skeletons (UTS #39) of the names so far and of every AGS: an agreement
    # refuses names that look alike or like another party's AGS.
    looks = {skeleton(code) for code in codes}
    found: list[Party] = []
    for position, (code, name) in enumerate(zip(codes, names, strict=True)):
        # Drawn names have no digits, so a number makes a name distinct from the
        # others however they are folded (see fold_name) and in nearly every
        # case however they look; the loop takes the next number if not.
        unique_name, number = name, position
        while not fold_name(unique_name).isdisjoint(used) or skeleton(unique_name) in looks:
            number += 1
            unique_name = f"{name} {number}"
        used |= fold_name(unique_name)
        looks.add(skeleton(unique_name))
        found.append(Party(name=unique_name, kind=_choose(draw, _KINDS), ags=code))
    return found


@st.composite
def _distinct_parties(draw: st.DrawFn, min_size: int, max_size: int) -> list[Party]:
    return _draw_parties(draw, min_size, max_size)


def distinct_parties(*, min_size: int = 1, max_size: int = 11) -> st.SearchStrategy[list[Party]]:
    """Lists of parties that can be parties to one agreement (C1).

    No two share an AGS, and no two names can be confused in look-ups (they
    differ however case and umlauts are written, see `fold_name`).

    Args:
        min_size: The fewest parties, at least 1.
        max_size: The most parties; 11 (as in Kreis Coesfeld) by default.

    Returns:
        A strategy for lists of `Party`.

    Raises:
        InvalidArgument: A size is not a positive int, or ``min_size``
            exceeds ``max_size``.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=20, derandomize=True, database=None, deadline=None)
        ... @given(distinct_parties(min_size=2, max_size=5))
        ... def test_each_name_finds_one_party(towns):
        ...     for town in towns:
        ...         assert [other for other in towns if other.matches(town.name)] == [town]
        >>> test_each_name_finds_one_party()
    """
    _check_int(min_size, "min_size", low=1)
    _check_int(max_size, "max_size", low=1)
    _check_range(min_size, max_size, "min_size", "max_size")
    return _distinct_parties(min_size, max_size)


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


# --- notice and policies -----------------------------------------------------------------


def notice_terms(
    *, min_months: int = 1, max_months: int = 60, period_ends: Sequence[PeriodEnd] | None = None
) -> st.SearchStrategy[NoticeTerms]:
    """Notice terms (C11): a period of months to the end of a year, half-year, quarter or month.

    Shrinks towards ``min_months`` to the end of a year.

    Args:
        min_months: The shortest notice period, at least 1.
        max_months: The longest notice period, at most 1200.
        period_ends: The period ends to draw from; all by default.

    Returns:
        A strategy for `NoticeTerms`.

    Raises:
        InvalidArgument: The months are out of range or ``period_ends`` is empty.

    Examples:
        >>> from hypothesis import find
        >>> find(notice_terms(), lambda terms: terms.months >= 18).describe()
        '18 months to the end of a year'
    """
    _check_int(min_months, "min_months", low=1, high=_MAX_MONTHS)
    _check_int(max_months, "max_months", low=1, high=_MAX_MONTHS)
    _check_range(min_months, max_months, "min_months", "max_months")
    ends = _check_period_ends(period_ends)
    if not ends:
        raise InvalidArgument("period_ends must name at least one PeriodEnd")
    return st.builds(
        NoticeTerms,
        months=st.integers(min_value=min_months, max_value=max_months),
        period_end=st.sampled_from(ends),
    )


@st.composite
def _dates_near_year_end(draw: st.DrawFn, min_value: dt.date, max_value: dt.date) -> dt.date:
    return _day_near_year_end(draw, min_value, max_value)


def dates_near_year_end(
    *, min_value: dt.date = dt.date(1990, 1, 1), max_value: dt.date = dt.date(2100, 12, 31)
) -> st.SearchStrategy[dt.date]:
    """Days around the boundaries of notice deadlines, or any day.

    Under the default terms (C11) notice received on 30 June ends the
    agreement a year earlier than notice received on 1 July, and years
    change between 31 December and 1 January. This strategy draws the days
    around those boundaries (27 June to 4 July, 28 December to 4 January)
    in about half the examples, and any day between ``min_value`` and
    ``max_value`` otherwise.

    Args:
        min_value: The earliest day.
        max_value: The latest day.

    Returns:
        A strategy for `datetime.date`.

    Raises:
        InvalidArgument: A bound is not a date, or ``min_value`` is after ``max_value``.

    Examples:
        >>> import datetime as dt
        >>> from hypothesis import given, settings
        >>> from kim_cooperation import termination_date
        >>> @settings(max_examples=20, derandomize=True, database=None, deadline=None)
        ... @given(dates_near_year_end(min_value=dt.date(2024, 1, 1), max_value=dt.date(2030, 12, 31)))
        ... def test_notice_ends_a_year(received):
        ...     ends = termination_date(received)
        ...     assert (ends.month, ends.day) == (12, 31)
        ...     assert ends.year - received.year == (1 if received.month <= 6 else 2)
        >>> test_notice_ends_a_year()
    """
    _check_day(min_value, "min_value")
    _check_day(max_value, "max_value")
    _check_range(min_value, max_value, "min_value", "max_value")
    return _dates_near_year_end(min_value, max_value)


@st.composite
def _policies(draw: st.DrawFn) -> Policies:
    scope = _choose(draw, tuple(WithdrawalScope))
    passing = _choose(draw, tuple(ShareBasis))
    if scope is WithdrawalScope.AGREEMENT:
        # A share cannot pass by a region's key to the parties of other regions (I3,
        # I11). Drawn all the same, so every combination takes as many draws and
        # examples shrink towards the defaults, not towards fewer draws.
        passing = ShareBasis.EQUAL
    return Policies(
        withdrawal_scope=scope,
        part_year_funding=_choose(draw, tuple(PartYearFunding)),
        wind_down_scope=_choose(draw, tuple(WindDownScope)),
        population_reference=_choose(draw, tuple(PopulationReference)),
        span_weighting=_choose(draw, tuple(SpanWeighting)),
        withdrawal_split=passing,
        no_funding_split=_choose(draw, tuple(ShareBasis)),
        wind_down_split=_choose(draw, tuple(ShareBasis)),
    )


def policies() -> st.SearchStrategy[Policies]:
    """Policies: any combination of the interpretation choices (I3, I5, I7, I9–I13).

    Every combination `Policies` accepts: all but ``withdrawal_scope="agreement"``
    with ``withdrawal_split="key"``, which it refuses.

    Returns:
        A strategy for `Policies`; shrinks towards the defaults.

    Examples:
        >>> from hypothesis import find
        >>> from kim_cooperation import DEFAULT_POLICIES
        >>> find(policies(), lambda policies: True) == DEFAULT_POLICIES
        True
        >>> find(policies(), lambda policies: policies.withdrawal_split == "key").withdrawal_scope
        <WithdrawalScope.REGION: 'region'>
    """
    return _policies()


# --- agreements --------------------------------------------------------------------------


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


def settlement_years(agreement: Agreement, *, max_years: int = 10) -> st.SearchStrategy[int]:
    """Years `settle` accepts for ``agreement`` with any costs, within ``max_years`` of its start.

    A year qualifies if the agreement has not ended before it and every
    region's key can split it: a population key finds each town's count on
    or before the reference day (I9), and under ``withdrawal_split="key"``
    the towns that remain do not all weigh zero (I11). Years in which
    members change are included; `settle` settles them pro rata temporis
    (I10). For agreements drawn by `agreements` every year up to the
    agreement's end qualifies. Shrinks towards the agreement's first year.

    Args:
        agreement: The agreement to settle.
        max_years: How many years, from the start year on, are considered.

    Returns:
        A strategy for years; it draws nothing (the example is rejected) if
        no year qualifies.

    Raises:
        InvalidArgument: ``agreement`` is not an `Agreement`, or
            ``max_years`` is not a positive int.

    Examples:
        >>> from hypothesis import find
        >>> from kim_cooperation import presets
        >>> find(settlement_years(presets.coesfeld()), lambda year: year > 2024)
        2025

        The example agreement's counts start as of 31 December 2023; read
        with the counts of the year before last, 2024 has none:

        >>> from kim_cooperation import Policies
        >>> older = presets.example().with_policies(
        ...     Policies(population_reference="year-end-before-last"))
        >>> find(settlement_years(older), lambda year: True)
        2025
    """
    _check_agreement(agreement)
    _check_int(max_years, "max_years", low=1)
    first = agreement.start.year
    ends = agreement.ends
    years = [
        year
        for year in range(first, min(first + max_years, dt.MAXYEAR + 1))
        if (ends is None or ends.year >= year) and _keys_split(agreement, year)
    ]
    return st.sampled_from(years) if years else st.nothing()


def _keys_split(agreement: Agreement, year: int) -> bool:
    """Tell whether every region's key splits ``year`` (I9, I11); equal parts always do."""
    for region in agreement.regions:
        if region.split_key.kind is KeyKind.EQUAL:
            continue
        try:
            year_spans(agreement, region, year)
        except (NoPopulationCountError, UndecidedCaseError):
            return False
    return True


@st.composite
def _cost_plans(
    draw: st.DrawFn, names: tuple[str, ...], all_regions: bool, max_cents: int
) -> dict[str, CostStatement]:
    chosen: Sequence[int] = range(len(names))
    if not all_regions:
        picked = st.lists(
            st.integers(min_value=0, max_value=len(names) - 1),
            min_size=1,
            max_size=len(names),
            unique=True,
        )
        chosen = sorted(draw(picked))
    return {names[index]: _draw_costs(draw, max_cents) for index in chosen}


def cost_plans(
    agreement: Agreement, *, all_regions: bool = True, max_value: Money = 250_000
) -> st.SearchStrategy[dict[str, CostStatement]]:
    """A year's costs per region of ``agreement``, keyed by region name, as `settle` takes them.

    Args:
        agreement: The agreement whose regions get costs.
        all_regions: ``True`` (default) for costs of every region, ``False``
            for a non-empty selection (`settle` settles only the regions
            given, as the council paper gives costs for Region Nord only).
        max_value: The largest amount of one cost item (see `cost_statements`).

    Returns:
        A strategy for dicts of region name to `CostStatement`.

    Raises:
        InvalidArgument: ``agreement`` is not an `Agreement`, or
            ``max_value`` is negative or not exact money.

    Examples:
        >>> from hypothesis import given, settings
        >>> from kim_cooperation import presets, settle
        >>> coesfeld = presets.coesfeld()
        >>> @settings(max_examples=10, derandomize=True, database=None, deadline=None)
        ... @given(cost_plans(coesfeld, all_regions=False))
        ... def test_settles_the_regions_given(plan):
        ...     settlement = settle(coesfeld, 2023, plan)
        ...     assert [region.region.name for region in settlement.regions] == list(plan)
        >>> test_settles_the_regions_given()
    """
    _check_agreement(agreement)
    if not isinstance(all_regions, bool):
        raise InvalidArgument(f"all_regions must be a bool, got {shown(all_regions)}")
    names = tuple(region.name for region in agreement.regions)
    return _cost_plans(names, all_regions, _max_item_cents(max_value))
