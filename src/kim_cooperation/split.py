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

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction

import attrs

from kim_cooperation._checks import Exact, shown, to_fraction, tuple_of
from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.errors import InvalidTypeError, InvalidValueError, UnknownPartyError
from kim_cooperation.money import Money, from_cents, to_cents
from kim_cooperation.party import Party

__all__ = ["Allocation", "Share", "largest_remainder", "split_by_weight", "split_equally"]


def largest_remainder(total: int, weights: Sequence[Fraction]) -> list[int]:
    """Split ``total`` units by ``weights`` with the largest-remainder method.

    This is the bare algorithm, on integers, without validation: the public
    functions `split_equally` and `split_by_weight` check their input and
    call it. Ties between equal remainders go to the earlier position, so the
    caller decides the tie order by the order of ``weights``.

    A negative ``total`` is split as its magnitude and negated, so that the
    same parties receive the odd units whatever the sign.

    Args:
        total: The amount in units (cents).
        weights: Non-negative weights with a positive sum.

    Returns:
        One integer per weight; they sum to ``total`` and each is the floor or
        the ceiling of ``total * weight / sum(weights)``.

    Examples:
        >>> largest_remainder(6, [Fraction(2), Fraction(1), Fraction(1)])
        [3, 2, 1]
        >>> largest_remainder(4, [Fraction(1), Fraction(3), Fraction(3)])
        [0, 2, 2]
    """
    return _largest_remainder(total, _integer_weights(weights))


def _integer_weights(weights: Sequence[Fraction]) -> list[int]:
    """Scale exact weights to integers in the same ratio, so all arithmetic stays in `int`."""
    denominator = math.lcm(*(weight.denominator for weight in weights))
    return [weight.numerator * (denominator // weight.denominator) for weight in weights]


def _largest_remainder(total: int, weights: Sequence[int]) -> list[int]:
    sign = -1 if total < 0 else 1
    magnitude = abs(total)
    weight_sum = sum(weights)
    parts: list[int] = []
    remainders: list[int] = []
    for weight in weights:
        part, remainder = divmod(magnitude * weight, weight_sum)
        parts.append(part)
        remainders.append(remainder)
    left_over = magnitude - sum(parts)
    # Stable sort: equal remainders keep the caller's order.
    ranking = sorted(range(len(parts)), key=lambda index: -remainders[index])
    for index in ranking[:left_over]:
        parts[index] += 1
    return [sign * part for part in parts]


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


@attrs.frozen(kw_only=True)
class Allocation(Mapping[Party, Decimal]):
    """The result of a split: a read-only mapping from party to amount, with its derivation.

    Iterating gives the parties in AGS order. Besides the mapping interface,
    ``shares`` holds each party's exact share and whether it received a
    left-over cent, for an auditor to follow.

    Equality is that of a value object: two allocations are equal when their
    amounts, shares, tie-breaking party and clause are. To compare the parts
    alone with a plain mapping, use ``dict(allocation) == {...}``.

    Attributes:
        amount: The amount split, in euros.
        shares: One `Share` per party, ordered by AGS.
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

    amount: Decimal
    shares: tuple[Share, ...]
    first: Party | None = None
    clause: Clause = Clause.C4
    interpretation: Interpretation = Interpretation.I2
    # A private index for constant-time look-ups; derived from ``shares``.
    _index: dict[Party, Share] = attrs.field(
        init=False, repr=False, eq=False, hash=False, factory=dict
    )

    def __attrs_post_init__(self) -> None:
        self._index.update((share.party, share) for share in self.shares)

    def __getitem__(self, party: Party) -> Decimal:
        return self.share_of(party).amount

    def __iter__(self) -> Iterator[Party]:
        return (share.party for share in self.shares)

    def __len__(self) -> int:
        return len(self.shares)

    def __contains__(self, party: object) -> bool:
        return party in self._index

    def share_of(self, party: Party) -> Share:
        """Return the derivation of one party's part.

        Raises:
            UnknownPartyError: ``party`` is not among the parties of the split.
        """
        try:
            return self._index[party]
        except (KeyError, TypeError):
            raise UnknownPartyError(
                f"{shown(party)} is not among the parties of this split: "
                f"{[share.party.name for share in self.shares]}"
            ) from None


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
    members = tuple_of(parties, Party, what="parties")
    if len(set(members)) != len(members):
        duplicate = next(party for party in members if members.count(party) > 1)
        raise InvalidValueError(f"parties to a split must be distinct, {duplicate.name} repeats")
    return split_by_weight(amount, dict.fromkeys(members, 1), first=first, clause=clause)


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

    Raises:
        MoneyTypeError: ``amount`` is a float or another non-money type.
        InvalidTypeError: A weight is a float, or a key is not a `Party`.
        InvalidValueError: No parties, a negative weight, all weights zero,
            or two parties with the same AGS.
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
    cents = to_cents(amount, what="amount to split")
    if not isinstance(weights, Mapping):
        raise InvalidTypeError(
            f"weights must be a mapping of Party to weight, got {type(weights).__name__}"
        )
    checked: list[tuple[Party, Fraction]] = []
    for party, weight in weights.items():
        if not isinstance(party, Party):
            raise InvalidTypeError(
                f"parties must be Party objects, got {type(party).__name__} {shown(party)}"
            )
        value = to_fraction(weight, what=f"weight of {party.name}")
        if value < 0:
            raise InvalidValueError(
                f"weight of {party.name} must not be negative, got {shown(weight)}"
            )
        checked.append((party, value))
    if not checked:
        raise InvalidValueError("cannot split an amount among no parties")
    ags = [party.ags for party, _ in checked]
    if len(set(ags)) != len(ags):
        duplicate = next(code for code in ags if ags.count(code) > 1)
        raise InvalidValueError(f"parties to a split must be distinct, AGS {duplicate} repeats")
    # Compared, not looked up: ``first`` may be unhashable.
    if first is not None and all(party != first for party, _ in checked):
        raise UnknownPartyError(
            f"first={shown(first)} is not one of the parties to the split "
            f"{[party.name for party, _ in checked]}"
        )
    if not any(value for _, value in checked):
        raise InvalidValueError("cannot split by weights that are all zero")
    # The tie order of I2: the named party first, then by AGS.
    checked.sort(key=lambda item: (item[0] != first, item[0].ags))
    integers = _integer_weights([value for _, value in checked])
    weight_sum = sum(integers)
    parts = _largest_remainder(cents, integers)
    shares = [
        Share(
            party=party,
            weight=value,
            exact=Fraction(cents * weight, 100 * weight_sum),
            amount=from_cents(part),
            extra_cent=abs(part) * weight_sum > abs(cents) * weight,
        )
        for (party, value), weight, part in zip(checked, integers, parts, strict=True)
    ]
    shares.sort(key=lambda share: share.party.ags)
    return Allocation(amount=from_cents(cents), shares=tuple(shares), first=first, clause=clause)
