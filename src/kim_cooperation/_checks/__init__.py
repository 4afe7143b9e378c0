"""Checks shared by the value objects: exact numbers, dates, names and years.

Numbers and dates enter the library only as the exact built-in types: an
``int``, a `Decimal`, a `Fraction`, a `datetime.date`. An instance of a
subclass is refused with `InvalidTypeError`, as a subclass can change what
arithmetic, comparison or conversion mean (an ``int`` whose ``*`` always
gives 0 would make every amount zero); so is ``bool``, an ``int`` subclass
too. Refusing at the check makes every check airtight, whether or not its
caller goes on with the value it returns. Strings are different: a ``str``
subclass (every `enum.StrEnum` member is one) is read as the plain string it
holds, through ``str``'s own methods.

Where things are, one concept a file: the bases `AgreementType` and
`RegionType` with `check_agreement` and `check_region`, `FrozenMapping` and
`Choice` are here; ``_values.py`` holds the checks of numbers, dates and
argument types (`check_int`, `to_fraction`, `check_date`, `check_year`,
`check_instance`, `tuple_of`, the alias `Exact`) and how a message shows a
value (`shown`, `subclass_hint`); ``_strings.py`` the checks of strings:
labels and names without invisible characters (`check_label`,
`check_name`, `invisible_character`), a report's language (`check_lang`)
and the name of a value in messages (`check_what`); ``_decorators.py`` the
class decorators: result types built by the library only (`result_type`,
`builder`) and classes that read older pickles (`reads_older_pickles`).
"""

from __future__ import annotations

import enum
from collections.abc import ItemsView, Iterable, Iterator, KeysView, Mapping, ValuesView
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from kim_cooperation._checks._decorators import builder, reads_older_pickles, result_type
from kim_cooperation._checks._derived import DerivedOnRead
from kim_cooperation._checks._strings import (
    check_label,
    check_lang,
    check_name,
    check_what,
    invisible_character,
)
from kim_cooperation._checks._values import (
    Exact,
    check_date,
    check_instance,
    check_int,
    check_year,
    shown,
    subclass_hint,
    to_fraction,
    tuple_of,
)
from kim_cooperation.errors import N_, InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from kim_cooperation.agreement import Agreement
    from kim_cooperation.region import Region

__all__ = [
    "AgreementType",
    "Choice",
    "DerivedOnRead",
    "Exact",
    "FrozenMapping",
    "RegionType",
    "builder",
    "check_agreement",
    "check_date",
    "check_instance",
    "check_int",
    "check_label",
    "check_lang",
    "check_name",
    "check_region",
    "check_what",
    "check_year",
    "invisible_character",
    "reads_older_pickles",
    "result_type",
    "shown",
    "subclass_hint",
    "to_fraction",
    "tuple_of",
]

_K = TypeVar("_K")
_V = TypeVar("_V")


class AgreementType:
    """The base of `kim_cooperation.agreement.Agreement`, for checks below the agreement's module.

    The rules the agreement's module builds on (membership, spans, keys,
    costs) take an agreement but cannot import its module, which imports
    them: they check against this base instead. It has no fields and no
    slots, so it changes neither the class nor its pickled form.
    """

    __slots__ = ()


class RegionType:
    """The base of `kim_cooperation.region.Region`, for the same reason as `AgreementType`."""

    __slots__ = ()


def check_agreement(value: object, *, what: str = "agreement") -> Agreement:
    """Return ``value`` if it is an `Agreement`; the check of every function that takes one.

    Raises:
        InvalidTypeError: ``value`` is not an `Agreement`.

    Examples:
        >>> check_agreement(None)
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidTypeError: agreement must be an Agreement, got NoneType None; build one with Agreement(...), presets.coesfeld() or files.load_agreement(...)
    """
    if isinstance(value, AgreementType):
        return value  # type: ignore[return-value]  # only Agreement derives from it
    raise InvalidTypeError(
        f"{what} must be an Agreement, got {type(value).__name__} {shown(value)}; build one with "
        "Agreement(...), presets.coesfeld() or files.load_agreement(...)"
    )


def check_region(value: object, *, what: str = "region") -> Region:
    """Return ``value`` if it is a `Region`, for the functions that take the object, not its name.

    Raises:
        InvalidTypeError: ``value`` is not a `Region` (a region's name is
            refused too: look the region up with ``agreement.region(name)``).
    """
    if isinstance(value, RegionType):
        return value  # type: ignore[return-value]  # only Region derives from it
    raise InvalidTypeError(
        f"{what} must be a Region, got {type(value).__name__} {shown(value)}; "
        "look a region up by its name with agreement.region(name)"
    )


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


class _ChoiceType(enum.EnumType):
    """Looks a `Choice` up by its value and refuses anything else with a documented error.

    A plain enum builds its ``ValueError`` message with ``repr`` of the value
    before any hook can intervene, which fails on a value whose ``repr``
    fails; this look-up never calls ``repr`` but through `shown`.
    """

    def __call__(cls, value: object, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs:  # the functional API, Choice("Name", [...]), as enum has it
            return super().__call__(value, *args, **kwargs)
        kind: Any = cls
        if isinstance(value, kind):
            return value
        allowed = [member.value for member in kind]
        if not isinstance(value, str):
            raise InvalidTypeError(
                f"a {cls.__name__} is given as a str, one of {allowed}, "
                f"got {type(value).__name__} {shown(value)}"
            )
        member = cls._value2member_map_.get(str.__str__(value))
        if member is None:
            raise InvalidValueError(
                N_("{value} is not a {kind}; expected one of {allowed}"),
                value=shown(value),
                kind=cls.__name__,
                allowed=allowed,
            )
        return member


class Choice(enum.StrEnum, metaclass=_ChoiceType):
    """A `StrEnum` whose look-up of an unknown value is a documented error of the library.

    ``Clause("C99")`` raises `InvalidValueError` (a `ValueError`, as a plain
    enum's look-up does) and ``PartyKind(None)`` `InvalidTypeError`, each
    naming the values allowed. Members pickle as before: by class and value.

    Examples:
        >>> class Colour(Choice):
        ...     RED = "red"
        >>> Colour("red") is Colour.RED
        True
        >>> Colour("blue")
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidValueError: 'blue' is not a Colour; expected one of ['red']
    """
