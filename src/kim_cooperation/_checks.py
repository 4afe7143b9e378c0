"""Checks shared by the value objects: exact numbers, dates, names and years."""

from __future__ import annotations

import datetime as dt
from collections.abc import ItemsView, Iterable, Iterator, KeysView, Mapping, ValuesView
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, Generic, TypeAlias, TypeVar

import attrs

from kim_cooperation.errors import InvalidDateError, InvalidTypeError, InvalidValueError

__all__ = [
    "Exact",
    "FrozenMapping",
    "check_date",
    "check_label",
    "check_year",
    "reads_older_pickles",
    "shown",
    "to_fraction",
    "tuple_of",
]

_T = TypeVar("_T")
_C = TypeVar("_C", bound=type)
_K = TypeVar("_K")
_V = TypeVar("_V")

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
        return repr(value)
    except (ValueError, RecursionError):
        return f"{type(value).__name__} that cannot be shown (nested too deeply or too long)"


def to_fraction(value: Exact, *, what: str) -> Fraction:
    """Return ``value`` as an exact `Fraction`, refusing floats and non-finite values.

    Args:
        value: The share, weight or full-time equivalent.
        what: How to name the value in an error message.

    Raises:
        InvalidTypeError: ``value`` is a float, a bool, a string or another type.
        InvalidValueError: ``value`` is a NaN or infinite `Decimal`.
    """
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Fraction(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidValueError(f"{what} must be finite, got {shown(value)}")
        # An exponent like 1E+999999999 would build an enormous integer.
        if value and abs(value.adjusted()) > _MAX_ADJUSTED_EXPONENT:
            raise InvalidValueError(
                f"{what} must be between 1E-{_MAX_ADJUSTED_EXPONENT} and "
                f"1E+{_MAX_ADJUSTED_EXPONENT} in magnitude, got {shown(value)}"
            )
        return Fraction(value)
    hint = ""
    if isinstance(value, float):
        hint = f"; floats are not exact, write Fraction('{value!r}') or Decimal('{value!r}')"
    raise InvalidTypeError(
        f"{what} must be a Fraction, an int or a Decimal, "
        f"got {type(value).__name__} {shown(value)}{hint}"
    )


def check_date(value: object, *, what: str) -> dt.date:
    """Return ``value`` if it is a `datetime.date` and not a `datetime.datetime`.

    A `datetime` is refused rather than truncated: the rules of the agreement
    count days (notice is received on a day), and silently dropping a time of
    day, or a time zone, could move a date.

    Raises:
        InvalidTypeError: ``value`` is not a plain date.
    """
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    hint = ""
    if isinstance(value, dt.datetime):
        hint = "; pass value.date() if the day in its own time zone is meant"
    elif isinstance(value, str):
        hint = f"; parse it first, e.g. datetime.date.fromisoformat({shown(value)})"
    raise InvalidTypeError(
        f"{what} must be a datetime.date, got {type(value).__name__} {shown(value)}{hint}"
    )


def check_year(value: object, *, what: str = "year") -> int:
    """Return ``value`` if it is an `int` year between 1 and 9999.

    Raises:
        InvalidTypeError: ``value`` is not an int (or is a bool).
        InvalidDateError: ``value`` is outside 1 to 9999.
    """
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidTypeError(f"{what} must be an int, got {type(value).__name__} {shown(value)}")
    if not dt.MINYEAR <= value <= dt.MAXYEAR:
        raise InvalidDateError(
            f"{what} must be between {dt.MINYEAR} and {dt.MAXYEAR}, got {shown(value)}"
        )
    return value


def check_label(value: object, *, what: str) -> str:
    """Return ``value`` if it is a non-empty string without surrounding spaces.

    Raises:
        InvalidTypeError: ``value`` is not a string.
        InvalidValueError: ``value`` is empty or has leading or trailing spaces.
    """
    if not isinstance(value, str):
        raise InvalidTypeError(f"{what} must be a str, got {type(value).__name__} {shown(value)}")
    if not value.strip() or value != value.strip():
        raise InvalidValueError(
            f"{what} must be non-empty without leading or trailing spaces, got {shown(value)}"
        )
    return value


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


class FrozenMapping(Mapping[_K, _V], Generic[_K, _V]):
    """A read-only mapping that, unlike `types.MappingProxyType`, copies, pickles and hashes.

    The value objects hold mappings given by the caller (a year's cost plan)
    as a ``FrozenMapping``: a private copy, so changing the caller's dict
    afterwards changes nothing, and no mutable container is reachable from
    the object. It keeps the order of its items, compares equal to any
    mapping with the same items, hashes when its keys and values do, and
    `copy`, `copy.deepcopy` and `pickle` work on it (a ``mappingproxy``
    cannot be pickled or deep-copied).

    Examples:
        >>> plan = FrozenMapping({"Nord": 1})
        >>> plan["Nord"], plan == {"Nord": 1}, hash(plan) == hash(FrozenMapping({"Nord": 1}))
        (1, True, True)
        >>> plan.extra = 1
        Traceback (most recent call last):
        ...
        AttributeError: 'FrozenMapping' object has no attribute 'extra'
    """

    __slots__ = ("_items",)
    _items: dict[_K, _V]

    def __init__(self, items: Mapping[_K, _V] | Iterable[tuple[_K, _V]] = ()) -> None:
        object.__setattr__(self, "_items", dict(items))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __getitem__(self, key: _K) -> _V:
        return self._items[key]

    def __iter__(self) -> Iterator[_K]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    # The dict's own read-only views: faster than the Mapping mixins, which look
    # every key up again, and they cannot change the items.
    def keys(self) -> KeysView[_K]:
        """The keys, in order."""
        return self._items.keys()

    def values(self) -> ValuesView[_V]:
        """The values, in the order of the keys."""
        return self._items.values()

    def items(self) -> ItemsView[_K, _V]:
        """The pairs of key and value, in order."""
        return self._items.items()

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (tuple(self._items.items()),))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._items!r})"


def reads_older_pickles(cls: _C) -> _C:
    """Let ``cls`` load pickles written before fields with defaults were added to it.

    An attrs class pickles its fields by name; a pickle written by an earlier
    version lacks the fields added since, and attrs would leave them unset.
    Wrapped so, the missing fields take their defaults, which are the
    behaviour of the earlier version.
    """
    restore: Any = vars(cls)["__setstate__"]
    defaults: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if isinstance(field.default, attrs.Factory) or field.default is not attrs.NOTHING:  # type: ignore[arg-type]
            defaults[field.name] = field.default

    def __setstate__(self: object, state: Any) -> None:  # noqa: N807
        if isinstance(state, dict):
            missing = {
                name: default.factory() if isinstance(default, attrs.Factory) else default  # type: ignore[arg-type]
                for name, default in defaults.items()
                if name not in state
            }
            state = {**state, **missing}
        restore(self, state)

    type.__setattr__(cls, "__setstate__", __setstate__)
    return cls
