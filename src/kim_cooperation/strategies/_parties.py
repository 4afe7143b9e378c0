"""Strategies for parties (C1): official municipality keys (AGS), town names, parties.

`ags_codes` draws keys `validate_ags` accepts; `party_names` draws real and
made-up town names; `parties` draws single parties and `distinct_parties`
the parties of one agreement, whose AGS and names cannot be confused.
`_draw_parties` is what the strategies for regions and agreements draw
their towns with.
"""

from __future__ import annotations

import functools
from typing import Final

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from kim_cooperation._checks import shown
from kim_cooperation._confusables import skeleton
from kim_cooperation.party import Party, PartyKind, fold_name
from kim_cooperation.strategies._arguments import _check_int, _check_range
from kim_cooperation.strategies._drawing import _choose

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
