"""Splitting an amount among parties to the cent (C4, interpretation choices I1, I2).

A region's own share is split among its towns in equal parts (C4, I1), or by
fixed weights for agreements that use another key. The cents are allocated by
the largest-remainder method (Hamilton's method):

1. Every party gets the floor of its exact share, in whole cents.
2. The cents left over (fewer than the number of parties) go one each to the
   parties with the largest remainders.
3. Where remainders tie, the party the caller names first (the region's
   employer in settlements) comes first, then the parties by AGS (I2).

So the parts add up to the amount exactly, each part is the floor or the
ceiling of its exact share (within one cent), a party with zero weight gets
zero, and the result does not depend on the order the parties are given in.
The remainders are ranked exactly, in integers, never through floats.

Largest remainder has one known oddity, the Alabama paradox: a larger amount
can give a party fewer cents (weights 1:3:3, 0.03 EUR gives 0.01 each; 0.04
EUR gives 0.00 / 0.02 / 0.02). Every part is still within one cent of its
exact share.

Weights are exact, and the split computes on them as integers in the same
ratio, over their common denominator. That keeps the work to a few
operations per party, on integers as long as the weights' common
denominator. Weights such as ``1/p`` for thousands of distinct primes *p*
would make that denominator, and every exact share, thousands of digits
long, so `split_by_weight` and `largest_remainder` refuse weights that need
more than `MAX_WEIGHT_BITS` bits (4,096 bits, about 1,233 decimal digits)
as integers over their common denominator. Integers, decimals with up to a
hundred places and fractions with small denominators are far within it.

Where things are, one concept a file: `Share`, `Allocation`,
`split_equally` and `split_by_weight` are here, with the order of the
parties and of their remainders (I2); ``_integers.py`` holds the arithmetic
on integers: `largest_remainder` and the scaling of exact weights to
integers bounded by `MAX_WEIGHT_BITS`.

Examples:
    >>> from decimal import Decimal
    >>> from kim_cooperation import presets, split_equally
    >>> nord = presets.coesfeld().region("Nord")
    >>> parts = split_equally(Decimal("32500"), nord.members, first=nord.employer)
    >>> {party.name: str(amount) for party, amount in parts.items()}
    {'Billerbeck': '8125.00', 'Coesfeld': '8125.00', 'Havixbeck': '8125.00', 'Rosendahl': '8125.00'}
    >>> parts = split_equally(Decimal("100.01"), nord.members, first=nord.employer)
    >>> {party.name: str(amount) for party, amount in parts.items()}
    {'Billerbeck': '25.00', 'Coesfeld': '25.01', 'Havixbeck': '25.00', 'Rosendahl': '25.00'}
"""

from __future__ import annotations

import bisect
import functools
import operator
from collections.abc import (
    ItemsView,
    Iterable,
    Iterator,
    KeysView,
    Mapping,
    Sequence,
    ValuesView,
)
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, TypeAlias

import attrs

from kim_cooperation._checks import Exact, shown, to_fraction, tuple_of
from kim_cooperation.clauses import Clause, Interpretation, check_clause
from kim_cooperation.errors import InvalidTypeError, InvalidValueError, Phrase, UnknownPartyError
from kim_cooperation.i18n import N_
from kim_cooperation.money import Money, from_cents, to_cents
from kim_cooperation.party import Party
from kim_cooperation.split._integers import (
    MAX_WEIGHT_BITS,
    _integer_weights,
    _largest_remainder,
    largest_remainder,
)

# Re-exported: `kim_cooperation.keys` bounds its keys' weights with it.
from kim_cooperation.split._integers import _bounded_integer_weights as _bounded_integer_weights

__all__ = [
    "MAX_WEIGHT_BITS",
    "Allocation",
    "Share",
    "largest_remainder",
    "split_by_weight",
    "split_equally",
]

_ONE: Final = Fraction(1)
_Derivation: TypeAlias = tuple[int, tuple[Party, ...], tuple[Fraction, ...]]
"""What an allocation is computed from: the amount in cents, the parties in AGS order, their weights."""
_AGS: Final = operator.attrgetter("ags")


@attrs.frozen(kw_only=True)
class Share:
    """One party's part of a split, with its derivation.

    Attributes:
        party: The party.
        weight: Its weight in the split (1 for an equal split).
        exact: Its exact share in euros, a `Fraction`.
        amount: The part in euros, to the cent.
        extra_cent: Whether it received one of the left-over cents.

    Examples:
        >>> from decimal import Decimal
        >>> from kim_cooperation import presets
        >>> nord = presets.coesfeld().region("Nord")
        >>> parts = split_equally(Decimal("100.01"), nord.members, first=nord.employer)
        >>> share = parts.share_of(nord.employer)
        >>> share.party.name, share.exact, share.amount, share.extra_cent
        ('Coesfeld', Fraction(10001, 400), Decimal('25.01'), True)
    """

    party: Party
    weight: Fraction
    exact: Fraction
    amount: Decimal
    extra_cent: bool


@attrs.frozen(init=False, repr=False)
class Allocation(Mapping[Party, Decimal]):
    """The result of a split: a read-only mapping from party to amount, with its derivation.

    Iterating gives the parties in AGS order. Besides the mapping interface,
    ``shares`` holds each party's exact share and whether it received a
    left-over cent, for an auditor to follow.

    Allocations are made by `split_equally` and `split_by_weight`, not
    constructed directly. An allocation keeps the parties, their weights and
    their parts, a tuple in the parties' order; the dict that finds a part by
    party (and is behind ``keys()``, ``values()`` and ``items()``) is built
    on the first look-up and kept. The `Share` records are derived when
    ``shares`` or `share_of` is first read, so a split among a thousand
    towns does not build a thousand records nobody reads, and a kept
    settlement nobody looks into holds its parts once.

    Equality is that of a value object: two allocations are equal when their
    amounts, shares, tie-breaking party and clause are. To compare the parts
    alone with a plain mapping, use ``dict(allocation) == {...}``.

    Attributes:
        amount: The amount split, in euros.
        first: The party that came first among equal remainders, if any.
        clause: The clause that calls for the split (``C4`` by default).
        interpretation: ``I2``, the rule for the cents.

    Examples:
        Region Nord's own share among its three towns after Rosendahl left:

        >>> from decimal import Decimal
        >>> from kim_cooperation import presets
        >>> nord = presets.coesfeld().region("Nord")
        >>> remaining = [party for party in nord.members if party.name != "Rosendahl"]
        >>> parts = split_equally(Decimal("32500"), remaining, first=nord.employer)
        >>> {party.name: str(amount) for party, amount in parts.items()}
        {'Billerbeck': '10833.33', 'Coesfeld': '10833.34', 'Havixbeck': '10833.33'}
        >>> sum(parts.values()), [share.party.name for share in parts.shares if share.extra_cent]
        (Decimal('32500.00'), ['Coesfeld'])
    """

    first: Party | None
    clause: Clause
    # What the parts are computed from: the amount in cents and, in AGS order,
    # the parties and their exact weights. With ``first`` and ``clause`` it
    # decides the allocation, so equality and hashing compare it.
    _derivation: _Derivation = attrs.field(repr=False)
    # Derived, so outside equality: the parts in euros in the order of the parties,
    # built at once because every caller reads them.
    _parts: tuple[Decimal, ...] = attrs.field(repr=False, eq=False)

    def __init__(self) -> None:
        raise InvalidTypeError(
            "Allocation objects are made by split_equally and split_by_weight, "
            "not constructed directly"
        )

    @classmethod
    def _make(
        cls,
        derivation: _Derivation,
        parts: tuple[Decimal, ...],
        first: Party | None,
        clause: Clause,
    ) -> Allocation:
        """Assemble an allocation from a derivation the caller has already checked."""
        self = object.__new__(cls)
        # Direct slot writes: the class is frozen, and this is the hot path of every split.
        put = object.__setattr__
        put(self, "first", first)
        put(self, "clause", clause)
        put(self, "_derivation", derivation)
        put(self, "_parts", parts)
        return self

    @functools.cached_property
    def _amounts(self) -> dict[Party, Decimal]:
        """The parts by party, in AGS order: built on the first look-up, and kept."""
        return dict(zip(self._derivation[1], self._parts, strict=True))

    @property
    def amount(self) -> Decimal:
        """The amount split, in euros."""
        return from_cents(self._derivation[0])

    @property
    def interpretation(self) -> Interpretation:
        """``I2``, the interpretation choice that allocates the left-over cents."""
        return Interpretation.I2

    @functools.cached_property
    def shares(self) -> tuple[Share, ...]:
        """One `Share` per party, ordered by AGS: weight, exact share, part and extra cent.

        Derived from the allocation on first use and kept.
        """
        cents, parties, weights = self._derivation
        return tuple(_derive_shares(cents, parties, weights, self._parts))

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(amount={self.amount!r}, shares={self.shares!r}, "
            f"first={self.first!r}, clause={self.clause!r}, "
            f"interpretation={self.interpretation!r})"
        )

    def __reduce__(self) -> tuple[object, ...]:
        # Pickle the derivation only; the parts in euros are rebuilt on loading.
        return (_restore_allocation, (self._derivation, self.first, self.clause))

    def __setstate__(self, state: Mapping[str, Any]) -> None:
        """Read the pickled form of earlier versions, which stored the shares themselves."""
        shares: tuple[Share, ...] = state["shares"]
        restored = _restore_allocation(
            (
                to_cents(state["amount"]),
                tuple(share.party for share in shares),
                tuple(share.weight for share in shares),
            ),
            state["first"],
            state["clause"],
        )
        for field in attrs.fields(Allocation):
            object.__setattr__(self, field.name, getattr(restored, field.name))

    def __copy__(self) -> Allocation:
        return self

    def __deepcopy__(self, memo: object) -> Allocation:
        return self

    def __getitem__(self, party: Party) -> Decimal:
        try:
            return self._amounts[party]
        except (KeyError, TypeError):
            raise self._unknown(party) from None

    def __iter__(self) -> Iterator[Party]:
        return iter(self._derivation[1])

    def __len__(self) -> int:
        return len(self._parts)

    def __contains__(self, party: object) -> bool:
        try:
            return party in self._amounts
        except TypeError:
            return False

    def keys(self) -> KeysView[Party]:
        """The parties, in AGS order."""
        return self._amounts.keys()

    def values(self) -> ValuesView[Decimal]:
        """The parts in euros, in the parties' AGS order."""
        return self._amounts.values()

    def items(self) -> ItemsView[Party, Decimal]:
        """The pairs of party and part, in AGS order."""
        return self._amounts.items()

    def share_of(self, party: Party) -> Share:
        """Return the derivation of one party's part.

        Raises:
            UnknownPartyError: ``party`` is not among the parties of the split.
        """
        if party not in self:
            raise self._unknown(party)
        return self.shares[self._derivation[1].index(party)]

    def _unknown(self, party: object) -> UnknownPartyError:
        return UnknownPartyError(
            N_("{party} is not among the parties of this split: {parties}"),
            party=shown(party),
            parties=[member.name for member in self._derivation[1]],
        )


def _restore_allocation(
    derivation: _Derivation, first: Party | None, clause: Clause
) -> Allocation:
    """Rebuild an unpickled allocation by splitting again: the parts follow from the derivation."""
    return _allocate(*derivation, first, clause)


def _derive_shares(
    cents: int,
    parties: Sequence[Party],
    weights: Sequence[Fraction],
    parts: Sequence[Decimal],
) -> Iterator[Share]:
    integers = _integer_weights(weights)
    weight_sum = sum(integers)
    magnitude = abs(cents)
    for party, value, weight, amount in zip(parties, weights, integers, parts, strict=True):
        yield Share(
            party=party,
            weight=value,
            exact=Fraction(cents * weight, 100 * weight_sum),
            amount=amount,
            extra_cent=abs(to_cents(amount)) * weight_sum > magnitude * weight,
        )


def split_equally(
    amount: Money,
    parties: Iterable[Party],
    *,
    first: Party | None = None,
    clause: Clause = Clause.C4,
) -> Allocation:
    """Split ``amount`` into equal parts among ``parties``, exact to the cent (C4, I1, I2).

    Args:
        amount: The amount in euros (`Decimal`, or `int` whole euros).
        parties: The parties, in any order; each at most once.
        first: The party that comes first among equal remainders (in
            settlements the region's employer); then the parties by AGS.
        clause: The clause the split implements, carried by the result.

    Returns:
        An `Allocation` mapping each party to its part; the parts sum to
        ``amount`` and each is within one cent of ``amount / len(parties)``.

    Raises:
        MoneyTypeError: ``amount`` is a float or another non-money type.
        InvalidMoneyError: ``amount`` is not finite or has fractions of a cent.
        InvalidValueError: ``parties`` is empty or repeats a party.
        UnknownPartyError: ``first`` is not one of ``parties``.

    Examples:
        >>> from decimal import Decimal
        >>> from kim_cooperation import presets
        >>> mitte = presets.coesfeld().region("Mitte")
        >>> parts = split_equally(Decimal("0.01"), mitte.members, first=mitte.employer)
        >>> [(party.name, str(part)) for party, part in parts.items()]
        [('Dülmen', '0.01'), ('Nottuln', '0.00')]
    """
    cents = to_cents(amount, what=N_("amount to split"))
    clause = check_clause(clause)
    members = _by_ags(tuple_of(parties, Party, what="parties"))
    if not members:
        raise InvalidValueError(N_("cannot split an amount among no parties"))
    return _allocate(cents, members, (_ONE,) * len(members), first, clause)


def split_by_weight(
    amount: Money,
    weights: Mapping[Party, Exact],
    *,
    first: Party | None = None,
    clause: Clause = Clause.C4,
) -> Allocation:
    """Split ``amount`` by fixed weights, exact to the cent (I1, I2).

    For agreements that split by a key other than equal parts, such as
    population or deployment in FTE. Weights are exact (`int`, `Fraction` or
    `Decimal`): pass true ratios, not pre-rounded percentages.

    Args:
        amount: The amount in euros (`Decimal`, or `int` whole euros).
        weights: Each party's weight, not negative; their sum must be positive.
        first: The party that comes first among equal remainders; then the
            parties by AGS.
        clause: The clause the split implements, carried by the result.

    Returns:
        An `Allocation`; the parts sum to ``amount`` exactly and each is the
        floor or ceiling of ``amount * weight / sum(weights)`` in cents. A
        party with weight zero gets zero.

    The work is a few operations per party on integers as long as the
    weights over their common denominator, which may have at most
    `MAX_WEIGHT_BITS` bits (4,096, about 1,233 decimal digits). Weights such
    as ``Fraction(1, p)`` for thousands of distinct primes *p* are refused:
    their common denominator is the product of the primes, and every exact
    share would be as long.

    Raises:
        MoneyTypeError: ``amount`` is a float or another non-money type.
        InvalidTypeError: A weight is a float, or a key is not a `Party`.
        InvalidValueError: No parties, a negative weight, all weights zero,
            two parties with the same AGS, or weights that need more than
            `MAX_WEIGHT_BITS` bits over their common denominator.
        UnknownPartyError: ``first`` is not one of the parties.

    Examples:
        >>> from decimal import Decimal
        >>> from kim_cooperation import Party
        >>> a, b, c = (Party(name=n, kind="Gemeinde", ags=f"0555800{i}")
        ...            for i, n in enumerate("ABC", start=1))
        >>> parts = split_by_weight(Decimal("0.06"), {a: 2, b: 1, c: 1})
        >>> [str(parts[p]) for p in (a, b, c)]
        ['0.03', '0.02', '0.01']
    """
    cents = to_cents(amount, what=N_("amount to split"))
    clause = check_clause(clause)
    if not isinstance(weights, Mapping):
        raise InvalidTypeError(
            f"weights must be a mapping of Party to weight, got {type(weights).__name__}"
        )
    checked: dict[Party, Fraction] = {}
    for party, weight in weights.items():
        if not isinstance(party, Party):
            raise InvalidTypeError(
                f"parties must be Party objects, got {type(party).__name__} {shown(party)}"
            )
        value = to_fraction(weight, what=f"weight of {party.name}")
        if value < 0:
            raise InvalidValueError(
                N_("weight of {town} must not be negative, got {value}"),
                town=party.name,
                value=shown(weight),
            )
        checked[party] = value
    if not checked:
        raise InvalidValueError(N_("cannot split an amount among no parties"))
    if not any(checked.values()):
        raise InvalidValueError(N_("cannot split by weights that are all zero"))
    members = _by_ags(tuple(checked))
    exact = tuple(checked[party] for party in members)
    integers = _bounded_integer_weights(
        exact, lambda index: Phrase(N_("the weight of {town}"), town=members[index].name)
    )
    return _allocate(cents, members, exact, first, clause, integers=integers)


def _split_trusted(
    cents: int,
    weights: Mapping[Party, Fraction],
    *,
    first: Party | None,
    clause: Clause,
    integers: Mapping[Party, int] | None = None,
) -> Allocation:
    """Split ``cents`` by weights the library has derived itself (C4, C12, I2).

    For settlements, whose weights come from a checked agreement: distinct parties, exact non-negative weights with a positive
    sum. It skips the type checks of `split_by_weight` but still refuses a
    split among no parties and a ``first`` that is not one of them.
    ``integers``, if given, are the weights as integers in the same ratio,
    which the caller has at hand; they spare scaling the fractions again.
    """
    if not weights:
        raise InvalidValueError(N_("cannot split an amount among no parties"))
    parties = tuple(sorted(weights, key=_AGS))
    scaled = None if integers is None else [integers[party] for party in parties]
    return _allocate(
        cents, parties, tuple(weights[party] for party in parties), first, clause, integers=scaled
    )


def _by_ags(parties: tuple[Party, ...]) -> tuple[Party, ...]:
    """Return distinct ``parties`` in AGS order, the order of an allocation."""
    ordered = tuple(sorted(parties, key=_AGS))
    codes = set(map(_AGS, ordered))
    if len(codes) != len(ordered):
        index = next(i for i in range(1, len(ordered)) if ordered[i].ags == ordered[i - 1].ags)
        if ordered[index] == ordered[index - 1]:
            raise InvalidValueError(
                N_("parties to a split must be distinct, {town} repeats"),
                town=ordered[index].name,
            )
        raise InvalidValueError(
            N_("parties to a split must be distinct, AGS {ags} repeats"), ags=ordered[index].ags
        )
    return ordered


def _position(parties: tuple[Party, ...], first: Party | None) -> int:
    """Return the index of ``first`` among ``parties`` (in AGS order), or -1 for none."""
    if first is None:
        return -1
    if isinstance(first, Party):
        # Parties are in AGS order and distinct by AGS: a binary search finds the
        # only candidate, which must then equal ``first`` in every field.
        index = bisect.bisect_left(parties, first.ags, key=_AGS)
        if index < len(parties) and (parties[index] is first or parties[index] == first):
            return index
    raise UnknownPartyError(
        N_("first={first} is not one of the parties to the split {parties}"),
        first=shown(first),
        parties=[party.name for party in parties],
    )


def _allocate(
    cents: int,
    parties: tuple[Party, ...],
    weights: tuple[Fraction, ...],
    first: Party | None,
    clause: Clause,
    *,
    integers: Sequence[int] | None = None,
) -> Allocation:
    """Split ``cents`` among ``parties`` by ``weights`` (C4, I1, I2), without validation.

    The caller has checked its input: ``parties`` are distinct and in AGS
    order, and ``weights`` are non-negative with a positive sum. Only
    ``first`` is checked here: it must be one of the parties, or None.
    """
    count = len(parties)
    head = _position(parties, first)
    sign = -1 if cents < 0 else 1
    # The integers, when given, are the weights in the same ratio: equal exactly when the
    # weights are, and compared without Fraction arithmetic.
    compared: Sequence[object] = weights if integers is None else integers
    if compared.count(compared[0]) == count:
        # Equal weights, the usual case (C4): every remainder ties, so the
        # left-over cents go by the tie order alone, and there are only two
        # distinct parts. The first `left_over` parties in tie order (the
        # named one, then by AGS) are the first `take` by AGS, plus the named one.
        base, left_over = divmod(abs(cents), count)
        low = from_cents(sign * base)
        if not left_over:
            return Allocation._make((cents, parties, weights), (low,) * count, first, clause)
        high = from_cents(sign * (base + 1))
        take = left_over
        if head >= 0:
            take -= 1
            take += head < take
        amounts = [high] * take + [low] * (count - take)
        if head >= 0:
            amounts[head] = high
        return Allocation._make((cents, parties, weights), tuple(amounts), first, clause)
    if integers is None:
        integers = _integer_weights(weights)
    # I2's tie order: the named party first, then by AGS.
    order = range(count) if head < 0 else (head, *range(head), *range(head + 1, count))
    ranked = _largest_remainder(cents, [integers[index] for index in order])
    parts = [0] * count
    for index, part in zip(order, ranked, strict=True):
        parts[index] = part
    return Allocation._make(
        (cents, parties, weights), tuple(map(from_cents, parts)), first, clause
    )
