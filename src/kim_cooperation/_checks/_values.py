"""Checks of numbers, dates and argument types, and how a message shows a value.

`check_int`, `to_fraction`, `check_date` and `check_year` let in only the
exact built-in types (`Exact` names the exact numbers); an instance of a
subclass is refused, for the reason the package's docstring gives.
`check_instance` and `tuple_of` check that an argument is, or holds, the
library's own objects. `shown` writes any value into a message, even one
whose ``repr`` fails, and `subclass_hint` says why a subclass is refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Final, TypeAlias, TypeVar

from kim_cooperation.errors import (
    N_,
    InvalidDateError,
    InvalidTypeError,
    InvalidValueError,
    Phrase,
)

_T = TypeVar("_T")

_MAX_ADJUSTED_EXPONENT: Final = 100
_MAX_SHOWN_BITS: Final = 4000  # about 1200 digits, well below int-to-str's limit of 4300

Exact: TypeAlias = Fraction | int | Decimal
"""What the library accepts as an exact share: `Fraction`, `int` or finite `Decimal`."""


def shown(value: object) -> str:
    """Return ``repr(value)`` for an error message, whatever the value.

    ``repr`` itself fails on some values a caller may pass by mistake: an
    ``int`` (or a `Fraction` of ints) longer than Python converts to text
    (`sys.get_int_max_str_digits`), and a container nested too deeply or
    holding such a value. Those are described by their type and size instead.

    Examples:
        >>> shown(Decimal("1.5")), shown(10**5000)
        ("Decimal('1.5')", 'int of about 5001 digits')
    """
    if isinstance(value, Fraction):
        bits = max(value.numerator.bit_length(), value.denominator.bit_length())
    elif isinstance(value, int):
        bits = value.bit_length()
    else:
        bits = 0
    if bits > _MAX_SHOWN_BITS:
        return f"{type(value).__name__} of about {bits * 30103 // 100000 + 1} digits"
    try:
        text = repr(value)
    except (ValueError, RecursionError):
        return f"{type(value).__name__} that cannot be shown (nested too deeply or too long)"
    except Exception:  # a caller's __repr__ may raise anything; the message must not
        return f"{type(value).__name__} whose repr() fails"
    # A __repr__ of the caller's may return something other than a str.
    return text if type(text) is str else f"{type(value).__name__} whose repr() is not a str"


def subclass_hint(value: object) -> str:
    """Return why an instance of a subclass of a number or date type is refused, for a message.

    Examples:
        >>> class Euros(int):
        ...     pass
        >>> subclass_hint(Euros(5))
        '; Euros is a subclass of int, which is refused: it can change what arithmetic and comparisons mean; pass a plain int'
        >>> subclass_hint(5), subclass_hint(True)
        ('', '')
    """
    for base in (int, Decimal, Fraction, dt.date):
        if isinstance(value, base) and type(value) is not base and not isinstance(value, bool):
            if base is dt.date and isinstance(value, dt.datetime):
                return ""  # a datetime has its own hint
            name = "datetime.date" if base is dt.date else base.__name__
            return (
                f"; {type(value).__name__} is a subclass of {name}, which is refused: it can "
                f"change what arithmetic and comparisons mean; pass a plain {name}"
            )
    return ""


def _named(what: str | Phrase) -> Phrase:
    """How a message names a value, in the message's language when the catalogue has it.

    A name marked for the catalogue (``N_("party name")``) is German in a
    German message; a Python argument's name (``"year"``) stays as it is.
    """
    return what if isinstance(what, Phrase) else Phrase(what)


def check_int(value: object, *, what: str, unit: str = "") -> int:
    """Return ``value`` if it is a plain ``int``, refusing bools, floats, subclasses and other types.

    Args:
        value: The count or number.
        what: How to name the value in an error message.
        unit: What the int counts, for the message (``"months"``).

    Raises:
        InvalidTypeError: ``value`` is not exactly an ``int``.

    Examples:
        >>> check_int(3, what="months")
        3
        >>> check_int(3.0, what="notice period", unit="months")
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidTypeError: notice period must be an int of months, got float 3.0
    """
    if type(value) is int:
        return value
    kind = f"an int of {unit}" if unit else "an int"
    raise InvalidTypeError(
        f"{what} must be {kind}, got {type(value).__name__} {shown(value)}{subclass_hint(value)}"
    )


def to_fraction(value: Exact, *, what: str | Phrase) -> Fraction:
    """Return ``value`` as an exact `Fraction`, refusing floats and non-finite values.

    Args:
        value: The share, weight or full-time equivalent.
        what: How to name the value in an error message.

    Raises:
        InvalidTypeError: ``value`` is a float, a bool, a string or another type.
        InvalidValueError: ``value`` is a NaN or infinite `Decimal`.
    """
    if type(value) is Fraction:
        return value
    if type(value) is int:
        return Fraction(value)
    if type(value) is Decimal:
        if not value.is_finite():
            raise InvalidValueError(
                N_("{what} must be finite, got {value}"),
                what=_named(what),
                value=shown(value),
            )
        # An exponent like 1E+999999999 would build an enormous integer.
        if value and abs(value.adjusted()) > _MAX_ADJUSTED_EXPONENT:
            raise InvalidValueError(
                N_("{what} must be between 1E-{limit} and 1E+{limit} in magnitude, got {value}"),
                what=_named(what),
                limit=_MAX_ADJUSTED_EXPONENT,
                value=shown(value),
            )
        return Fraction(value)
    hint = subclass_hint(value)
    if isinstance(value, float):
        written = float.__repr__(value)
        hint = f"; floats are not exact, write Fraction('{written}') or Decimal('{written}')"
    raise InvalidTypeError(
        f"{what} must be a Fraction, an int or a Decimal, "
        f"got {type(value).__name__} {shown(value)}{hint}"
    )


def check_date(value: object, *, what: str) -> dt.date:
    """Return ``value`` if it is a `datetime.date` and not a `datetime.datetime`.

    A `datetime` is refused rather than truncated: the rules of the agreement
    count days (notice is received on a day), and silently dropping a time of
    day, or a time zone, could move a date.

    Another subclass of `datetime.date` is refused as well: it could count
    days differently.

    Raises:
        InvalidTypeError: ``value`` is not a plain date.
    """
    if type(value) is dt.date:
        return value
    hint = subclass_hint(value)
    if isinstance(value, dt.datetime):
        hint = "; pass value.date() if the day in its own time zone is meant"
    elif isinstance(value, str):
        hint = f"; parse it first, e.g. datetime.date.fromisoformat({shown(value)})"
    raise InvalidTypeError(
        f"{what} must be a datetime.date, got {type(value).__name__} {shown(value)}{hint}"
    )


def check_year(value: object, *, what: str | Phrase = "year") -> int:
    """Return ``value`` if it is an `int` year between 1 and 9999.

    Raises:
        InvalidTypeError: ``value`` is not an int (or is a bool).
        InvalidDateError: ``value`` is outside 1 to 9999.
    """
    year = check_int(value, what=str(what))
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise InvalidDateError(
            N_("{what} must be between 1 and 9999, got {value}"),
            what=_named(what),
            value=shown(year),
        )
    return year


def check_instance(value: object, kind: type[_T], *, what: str, how: str) -> _T:
    """Return ``value`` if it is a ``kind``, else refuse it naming what was expected and how.

    The check at the entry of a public function that takes one of the
    library's own objects: without it a wrong argument would fail deep
    inside with an ``AttributeError`` that names neither the argument nor
    what it should have been.

    Args:
        value: The argument.
        kind: The class expected (a subclass is accepted).
        what: How to name the argument in the message.
        how: How to get a right one, for the message.

    Raises:
        InvalidTypeError: ``value`` is not a ``kind``.

    Examples:
        >>> from kim_cooperation.region import Region
        >>> check_instance("Nord", Region, what="region", how="look it up with agreement.region(name)")
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidTypeError: region must be a Region, got str 'Nord'; look it up with agreement.region(name)
    """
    if isinstance(value, kind):
        return value
    raise InvalidTypeError(
        f"{what} must be a {kind.__name__}, got {type(value).__name__} {shown(value)}; {how}"
    )


def tuple_of(value: Iterable[_T], kind: type[_T], *, what: str) -> tuple[_T, ...]:
    """Return the items of ``value`` as a tuple, checking that each is a ``kind``.

    Raises:
        InvalidTypeError: ``value`` is not iterable, is a string, or holds an
            item of another type.
    """
    # Lists and tuples, the usual input, skip the (slower) abstract-class check.
    if (type(value) is not tuple and type(value) is not list) and (
        isinstance(value, str | bytes) or not isinstance(value, Iterable)
    ):
        raise InvalidTypeError(
            f"{what} must be an iterable of {kind.__name__}, got {type(value).__name__}"
        )
    items = tuple(value)
    for item in items:
        if not isinstance(item, kind):
            raise InvalidTypeError(
                f"{what} must all be {kind.__name__}, got {type(item).__name__} {shown(item)}"
            )
    return items
