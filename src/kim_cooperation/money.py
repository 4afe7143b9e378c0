"""Money: exact euros and cents, never floats, never rounded silently.

Money enters the library as `decimal.Decimal` (or `int` for whole euros) and
leaves it as `Decimal` quantised to cents (``Decimal("8125.00")``). Inside,
every calculation runs on integer cents and exact `fractions.Fraction`
values, so no result depends on the caller's decimal context (precision,
rounding mode, traps): the library performs no context-dependent `Decimal`
arithmetic at all. Money is exactly a `Decimal` or an `int`: a `bool`, or an
instance of a subclass (which could change what arithmetic means), is
refused with `MoneyTypeError`.

Examples:
    >>> from decimal import Decimal
    >>> from kim_cooperation.money import to_money, to_cents, from_cents
    >>> to_money(Decimal("8125"))
    Decimal('8125.00')
    >>> to_money(170_000)
    Decimal('170000.00')
    >>> to_cents(Decimal("24375.5"))
    2437550
    >>> from_cents(-812500)
    Decimal('-8125.00')
    >>> to_money(8125.0)
    Traceback (most recent call last):
    ...
    kim_cooperation.errors.MoneyTypeError: money must be a decimal.Decimal or an int of whole euros, got float 8125.0; floats cannot hold cents exactly, write Decimal('8125.0') instead
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Final, TypeAlias

from kim_cooperation._checks import shown, subclass_hint
from kim_cooperation.errors import (
    N_,
    InvalidMoneyError,
    InvalidTypeError,
    MoneyTypeError,
    Phrase,
)

__all__ = [
    "MAX_EUROS",
    "Money",
    "from_cents",
    "round_half_up_to_cents",
    "to_cents",
    "to_money",
]

Money: TypeAlias = Decimal | int
"""What the library accepts as money: a `Decimal` of euros, or an `int` of whole euros."""

MAX_EUROS: Final = 10**15
"""The largest magnitude of an amount, in euros (exclusive).

Far beyond any municipal budget, and small enough that a malformed input such
as ``Decimal("1E+999999")`` is refused instead of exhausting memory.
"""


_SHORT: Final = 40
"""Money written in at most this many characters is converted in one step."""

_MONEY: Final = Phrase(N_("money"))
"""How an amount is named in a message when the caller gives no name."""


def _named(what: str | Phrase) -> Phrase:
    """The name of an amount as a catalogue text, so that a German message names it in German.

    A `Phrase` is kept; a str is taken as a catalogue text without fields
    (mark it ``N_("...")`` where it is written): German if the catalogue has
    it, else as written.
    """
    return what if isinstance(what, Phrase) else Phrase(what)


def to_cents(value: Money, *, what: str | Phrase = _MONEY) -> int:
    """Convert an amount of euros to an exact number of cents.

    Args:
        value: A `Decimal` of euros or an `int` of whole euros.
        what: How to name the value in an error message: a catalogue text
            (``N_("funding rate")``) or a `kim_cooperation.errors.Phrase`
            with fields, so that the German message names it in German.

    Returns:
        The amount in cents.

    Raises:
        MoneyTypeError: ``value`` is a float, a bool, a string, an instance of
            a subclass of `Decimal` or `int`, or anything but those two.
        InvalidMoneyError: ``value`` is not finite (NaN, infinity), carries
            fractions of a cent, or its magnitude reaches `MAX_EUROS`.

    Examples:
        >>> to_cents(Decimal("0.10"))
        10
        >>> to_cents(Decimal("1E+3"))
        100000
        >>> to_cents(Decimal("0.001"))
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidMoneyError: money must be exact to the cent, got Decimal('0.001'); round it yourself first, the library never rounds silently

        The message is a catalogue text, also in German:

        >>> try:
        ...     to_cents(Decimal("0.001"))
        ... except InvalidMoneyError as error:
        ...     print(error.describe("de"))
        Betrag: nur auf den Cent genaue Beträge sind zulässig, angegeben ist Decimal('0.001'); runden Sie selbst, die Bibliothek rundet nie stillschweigend
    """
    # Exactly these types: a subclass could change what * and < mean (see _checks).
    if type(value) is int:
        if -MAX_EUROS < value < MAX_EUROS:
            return value * 100
        raise _too_large(value, what)
    if type(value) is not Decimal:
        raise _type_error(value, what)
    if not value.is_finite():
        raise InvalidMoneyError(
            N_("{what} must be a finite amount, got {value}"),
            what=_named(what),
            value=shown(value),
        )
    if not value:
        return 0
    # The magnitude is checked on the exponent alone, before any integer is
    # built, so that neither 1E+999999999 nor 1E-999999999 costs time or memory.
    magnitude = value.adjusted()
    if magnitude >= 15:
        raise _too_large(value, what)
    if magnitude >= -2:
        if len(str(value)) <= _SHORT:
            numerator, denominator = value.as_integer_ratio()
            cents, remainder = divmod(numerator * 100, denominator)
            if not remainder:
                return cents
        else:
            # A long coefficient, such as 8125 followed by 100,000 zeros and an
            # exponent of -100,000: only its significant digits are converted.
            sign, digits, stored = value.as_tuple()
            significant = len(digits)
            while digits[significant - 1] == 0:
                significant -= 1
            exponent = int(stored) + len(digits) - significant
            if exponent >= -2:
                cents = int("".join(map(str, digits[:significant]))) * int(10 ** (exponent + 2))
                return -cents if sign else cents
    raise InvalidMoneyError(
        N_(
            "{what} must be exact to the cent, got {value}; "
            "round it yourself first, the library never rounds silently"
        ),
        what=_named(what),
        value=shown(value),
    )


def _too_large(value: Money, what: str | Phrase) -> InvalidMoneyError:
    # The limit is written in the text, not filled in: German groups its digits with points.
    return InvalidMoneyError(
        N_("{what} must be less than 1,000,000,000,000,000 euros in magnitude, got {value}"),
        what=_named(what),
        value=shown(value),
    )


def from_cents(cents: int) -> Decimal:
    """Return an amount of cents as a `Decimal` of euros with exactly two places.

    The conversion goes through a string, which `Decimal` reads exactly
    whatever the current decimal context.

    Raises:
        InvalidTypeError: ``cents`` is not an ``int``.

    Examples:
        >>> from_cents(5)
        Decimal('0.05')
        >>> from_cents(0)
        Decimal('0.00')
    """
    if type(cents) is not int:
        raise InvalidTypeError(
            f"cents must be an int, got {type(cents).__name__} {shown(cents)}"
            f"{subclass_hint(cents)}"
        )
    return Decimal(f"{cents}E-2")


def to_money(value: Money, *, what: str | Phrase = _MONEY) -> Decimal:
    """Validate an amount and return it quantised to cents.

    This is the converter every money field of the library's value objects
    uses.

    Examples:
        >>> to_money(Decimal("-0"))
        Decimal('0.00')
    """
    return from_cents(to_cents(value, what=what))


def round_half_up_to_cents(euros: Fraction) -> int:
    """Round an exact amount of euros to cents, halves away from zero.

    This is commercial rounding ("kaufmännische Rundung"). The library uses
    it only where a rule yields fractions of a cent by nature (funding in
    twelfths of a year, interpretation choice I7) and always reports the exact
    value beside the rounded one.

    Raises:
        InvalidTypeError: ``euros`` is not a `Fraction`.

    Examples:
        >>> round_half_up_to_cents(Fraction(55000, 12))
        458333
        >>> round_half_up_to_cents(Fraction(-1, 200))
        -1
    """
    if type(euros) is not Fraction:
        raise InvalidTypeError(
            f"euros must be an exact Fraction, got {type(euros).__name__} {shown(euros)}"
            f"{subclass_hint(euros)}"
        )
    # In integers: a remainder of at least half the denominator rounds up.
    numerator, denominator = euros.numerator, euros.denominator
    cents, remainder = divmod(abs(numerator) * 100, denominator)
    if 2 * remainder >= denominator:
        cents += 1
    return -cents if numerator < 0 else cents


def _type_error(value: object, what: str | Phrase) -> MoneyTypeError:
    kind = type(value).__name__
    hint = subclass_hint(value)
    if isinstance(value, float):
        hint = (
            f"; floats cannot hold cents exactly, write Decimal('{float.__repr__(value)}') instead"
        )
    elif isinstance(value, bool):
        hint = "; a bool is not an amount"
    elif isinstance(value, str):
        hint = f"; write Decimal({shown(str.__str__(value))}) to parse a string"
    return MoneyTypeError(
        f"{what} must be a decimal.Decimal or an int of whole euros, got {kind} {shown(value)}{hint}"
    )
