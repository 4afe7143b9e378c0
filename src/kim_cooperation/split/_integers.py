"""The split on integers: the largest-remainder method and weights scaled to bounded integers (I1).

`largest_remainder` is the bare algorithm (Hamilton's method) on whole
units, with the checks of its own arguments; `_largest_remainder` the same
without them, for callers that have checked. `_bounded_integer_weights`
turns exact weights into integers in the same ratio, over their common
denominator, refusing weights that need more than `MAX_WEIGHT_BITS` bits.
Every remainder is ranked exactly, in integers, never through floats.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Final, cast

from kim_cooperation._checks import Exact, check_int, shown, to_fraction, tuple_of
from kim_cooperation.errors import InvalidValueError, Phrase
from kim_cooperation.i18n import N_

MAX_WEIGHT_BITS: Final = 4096
"""The most bits a split's weights may take as integers over their common denominator.

4,096 bits are about 1,233 decimal digits. Within the bound a split among
n parties takes O(n log n) operations on integers of at most that size, and
the exact shares (`Share.exact`) stay as short; beyond it, weights such as
``1/p`` for thousands of distinct primes *p* would need integers of
hundreds of thousands of digits for every party.
"""


def largest_remainder(total: int, weights: Sequence[Fraction]) -> list[int]:
    """Split ``total`` units by ``weights`` with the largest-remainder method (I2).

    This is the bare algorithm, on integers: the public functions
    `split_equally` and `split_by_weight` check parties and money and call
    it; it checks only that its own arguments are exact and can be split.
    Ties between equal remainders go to the earlier position, so the caller
    decides the tie order by the order of ``weights``.

    A negative ``total`` is split as its magnitude and negated, so that the
    same parties receive the odd units whatever the sign.

    Args:
        total: The amount in units (cents).
        weights: Non-negative weights with a positive sum.

    Returns:
        One integer per weight; they sum to ``total`` and each is the floor or
        the ceiling of ``total * weight / sum(weights)``.

    Raises:
        InvalidTypeError: ``total`` is not an ``int``, or ``weights`` is not
            a sequence of exact numbers (`Fraction`, ``int``, `Decimal`).
        InvalidValueError: A weight is negative, the weights sum to zero
            (or there are none for a ``total`` other than zero), or they
            need more than `MAX_WEIGHT_BITS` bits as integers over their
            common denominator.

    Examples:
        >>> largest_remainder(6, [Fraction(2), Fraction(1), Fraction(1)])
        [3, 2, 1]
        >>> largest_remainder(4, [Fraction(1), Fraction(3), Fraction(3)])
        [0, 2, 2]
    """
    check_int(total, what="total", unit="units (cents)")
    # Each item is checked by to_fraction; declared exact for it.
    given = cast("tuple[Exact, ...]", tuple_of(weights, object, what="weights"))
    exact = [to_fraction(weight, what=f"weight {index}") for index, weight in enumerate(given)]
    negative = next((index for index, weight in enumerate(exact) if weight < 0), None)
    if negative is not None:
        raise InvalidValueError(
            N_("weights must not be negative, got weight {index} = {value}"),
            index=negative,
            value=shown(given[negative]),
        )
    if not any(exact) and (exact or total):
        raise InvalidValueError(
            N_(
                "weights must have a positive sum to split {total} units among them, got "
                "{weights}; give at least one positive weight"
            ),
            total=total,
            weights=shown(list(given)),
        )
    return _largest_remainder(
        total,
        _bounded_integer_weights(exact, lambda index: Phrase(N_("weight {index}"), index=index)),
    )


def _bounded_integer_weights(
    weights: Sequence[Fraction], name: Callable[[int], Phrase]
) -> list[int]:
    """Scale exact weights to integers in the same ratio, refusing more than `MAX_WEIGHT_BITS` bits.

    The common denominator is built weight by weight and checked at each
    step, so weights beyond the bound are refused after work of at most
    ``len(weights) * MAX_WEIGHT_BITS`` bit operations, however large their
    least common multiple would grow.

    Args:
        weights: Exact weights.
        name: Names the weight at an index for the error message, a catalogue text.

    Raises:
        InvalidValueError: The common denominator, or a weight over it, has
            more than `MAX_WEIGHT_BITS` bits.

    Examples:
        >>> def name(index):
        ...     return Phrase(N_("weight {index}"), index=index)
        >>> _bounded_integer_weights([Fraction(1, 2), Fraction(2, 3)], name)
        [3, 4]
        >>> _bounded_integer_weights([Fraction(1, 2**4000), Fraction(1, 3**100)], name)
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidValueError: the weights need more than 4096 bits ...
    """
    denominator = 1
    for index, weight in enumerate(weights):
        denominator = math.lcm(denominator, weight.denominator)
        if denominator.bit_length() > MAX_WEIGHT_BITS:
            raise _too_large(
                Phrase(
                    N_("their common denominator grows beyond it with {weight} ({value})"),
                    weight=name(index),
                    value=_shown_weight(weight),
                )
            )
    integers = [weight.numerator * (denominator // weight.denominator) for weight in weights]
    for index, integer in enumerate(integers):
        if integer.bit_length() > MAX_WEIGHT_BITS:
            raise _too_large(
                Phrase(
                    N_("{weight} ({value}) is {bits:,} bits long over the common denominator"),
                    weight=name(index),
                    value=_shown_weight(weights[index]),
                    bits=integer.bit_length(),
                )
            )
    return integers


def _shown_weight(weight: Fraction) -> str:
    return shown(weight) if len(shown(weight)) <= 80 else f"{shown(weight)[:77]}..."


def _too_large(why: Phrase) -> InvalidValueError:
    # The digits are written in the text, not filled in: German groups them with a point.
    return InvalidValueError(
        N_(
            "the weights need more than {bits} bits (about 1,233 decimal digits) as "
            "integers over their common denominator: {why}. Exact shares of such weights would "
            "be as long for every party; write the weights with fewer digits, such as integers, "
            "short decimals or fractions with small denominators "
            "(kim_cooperation.split.MAX_WEIGHT_BITS, I1)"
        ),
        bits=MAX_WEIGHT_BITS,
        why=why,
    )


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
    # Stable sort (also in reverse): equal remainders keep the caller's order.
    ranking = sorted(range(len(parts)), key=remainders.__getitem__, reverse=True)
    for index in ranking[:left_over]:
        parts[index] += 1
    return [sign * part for part in parts]
