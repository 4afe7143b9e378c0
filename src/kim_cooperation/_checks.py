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
"""

from __future__ import annotations

import datetime as dt
import enum
import unicodedata
from collections.abc import (
    Callable,
    ItemsView,
    Iterable,
    Iterator,
    KeysView,
    Mapping,
    ValuesView,
)
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final, Generic, Literal, ParamSpec, TypeAlias, TypeVar

import attrs

from kim_cooperation.errors import (
    N_,
    InvalidDateError,
    InvalidTypeError,
    InvalidValueError,
    Phrase,
)

if TYPE_CHECKING:
    from kim_cooperation.agreement import Agreement
    from kim_cooperation.region import Region

__all__ = [
    "AgreementType",
    "Choice",
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

_T = TypeVar("_T")
_C = TypeVar("_C", bound=type)
_K = TypeVar("_K")
_V = TypeVar("_V")
_P = ParamSpec("_P")
_R = TypeVar("_R")

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
                N_("{what} must be finite, got {value}"), what=_named(what), value=shown(value)
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


def check_lang(value: object, *, what: str = "lang") -> Literal["de", "en"]:
    """Return ``value`` if it is a report language, ``"de"`` or ``"en"``.

    Raises:
        InvalidTypeError: ``value`` is not a str.
        InvalidValueError: ``value`` is another string.

    Examples:
        >>> check_lang("en")
        'en'
        >>> check_lang("EN")
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidValueError: lang must be 'de' or 'en', got 'EN'; write lang="de" for German or lang="en" for English
    """
    if value == "de" and isinstance(value, str):
        return "de"
    if value == "en" and isinstance(value, str):
        return "en"
    if isinstance(value, str):
        raise InvalidValueError(
            N_(
                "{what} must be 'de' or 'en', got {value}; write {what}=\"de\" for German or "
                '{what}="en" for English'
            ),
            what=what,
            value=shown(value),
        )
    raise InvalidTypeError(
        f"{what} must be 'de' or 'en', got {type(value).__name__} {shown(value)}; write "
        f'{what}="de" for German or {what}="en" for English'
    )


def check_what(value: object) -> str | None:
    """Return ``value`` if it can name a value in a message: a str such as ``"--rate"``, or ``None``.

    Raises:
        InvalidTypeError: ``value`` is neither.
    """
    if value is None or isinstance(value, str):
        return value
    raise InvalidTypeError(
        f"what must be a str that names the value in messages, such as '--rate', or None, got "
        f"{type(value).__name__} {shown(value)}"
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


# The characters of Unicode's Default_Ignorable_Code_Point property that
# `str.isprintable` lets through (Unicode 15.0, DerivedCoreProperties.txt): the
# rest of the property (format controls, unassigned code points) is already
# not printable. Each is drawn as nothing, or as nothing but its neighbour.
_PRINTABLE_IGNORABLES: Final = (
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x115F, 0x1160),  # Hangul fillers
    (0x17B4, 0x17B5),  # Khmer inherent vowels
    (0x180B, 0x180D),  # Mongolian free variation selectors
    (0x180F, 0x180F),
    (0x3164, 0x3164),  # Hangul filler
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFFA0, 0xFFA0),  # halfwidth Hangul filler
    (0xE0100, 0xE01EF),  # variation selectors supplement
)


def invisible_character(text: str) -> str | None:
    r"""Return the first character of ``text`` that cannot be seen or is a control, else ``None``.

    Refused are control characters, format characters (zero-width spaces
    and joiners, bidirectional controls such as U+202E, the soft hyphen, the
    byte order mark), separators other than the plain space (no-break and
    other spaces, line and paragraph separators), surrogates, private-use and
    unassigned code points, and the printable default-ignorable characters
    (variation selectors, Hangul fillers). Such characters make two names
    that look the same differ, or make a name look like another.

    Examples:
        >>> invisible_character("Coesfeld"), invisible_character("Dülmen\u200b")
        (None, '\u200b')
        >>> invisible_character("Nord\u00a0Ost")
        '\xa0'
    """
    if text.isprintable():
        if text.isascii():
            return None
        for char in text:
            code = ord(char)
            if code >= 0x034F and any(low <= code <= high for low, high in _PRINTABLE_IGNORABLES):
                return char
        return None
    return next(char for char in text if not char.isprintable())


def _describe_character(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def check_label(value: object, *, what: str | Phrase) -> str:
    r"""Return ``value`` as a plain string in NFC, non-empty and without surrounding spaces.

    Labels and names are normalised to Unicode NFC, so a text typed with a
    combining umlaut (``"Du\u0308lmen"``, NFD, as some systems store it) and
    one typed with ``"ü"`` are the same string. Names, which look-ups and
    bills rely on, are checked further by `check_name`.

    Raises:
        InvalidTypeError: ``value`` is not a string.
        InvalidValueError: ``value`` is empty or has leading or trailing spaces.

    Examples:
        >>> check_label("Du\u0308lmen", what="party name") == "Dülmen"
        True
    """
    if type(value) is not str:
        if not isinstance(value, str):
            raise InvalidTypeError(
                f"{what} must be a str, got {type(value).__name__} {shown(value)}"
            )
        value = str.__str__(value)  # the characters, without a subclass's methods
    if not value.strip() or value != value.strip():
        raise InvalidValueError(
            N_("{what} must be non-empty without leading or trailing spaces, got {value}"),
            what=_named(what),
            value=shown(value),
        )
    if value.isascii():
        return value
    return unicodedata.normalize("NFC", value)


def check_name(value: object, *, what: str | Phrase) -> str:
    r"""Return ``value`` as a name: a `check_label` without invisible or control characters.

    The names of parties, regions and posts are what look-ups, bills and
    reports go by. A character that cannot be seen (see
    `invisible_character`) would make two names that look the same differ,
    or hide what a name says, so it is refused.

    Raises:
        InvalidTypeError: ``value`` is not a string.
        InvalidValueError: ``value`` is empty, has leading or trailing
            spaces, or holds an invisible or control character.

    Examples:
        >>> check_name("Coesfeld\u200b", what="party name")
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidValueError: party name must not contain invisible or control characters, got 'Coesfeld\u200b' with U+200B ZERO WIDTH SPACE at position 9; write the name with visible characters only
    """
    name = check_label(value, what=what)
    hidden = invisible_character(name)
    if hidden is not None:
        raise InvalidValueError(
            N_(
                "{what} must not contain invisible or control characters, got {value} "
                "with {character} at position {position}; write the name with visible "
                "characters only"
            ),
            what=_named(what),
            value=shown(name),
            character=_describe_character(hidden),
            position=name.index(hidden) + 1,
        )
    return name


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


_BUILD: Final = "_kim_cooperation_init"
"""The class attribute that keeps a result type's attrs-generated ``__init__`` for `builder`.

Kept on the class itself, not in a table of this module: nothing here changes after import.
"""


def result_type(*, made_by: str) -> Callable[[_C], _C]:
    """Make an attrs class a result type: built by the library's functions only.

    Results (settlements, wind-downs, projections, funding derivations) hold
    figures that follow from an agreement by its rules; their fields could
    be checked one by one, but not whether they add up without computing
    them again. So they cannot be constructed directly: calling the class,
    or `attrs.evolve` on an instance, raises `InvalidTypeError` naming the
    function that makes them. Every result that exists was computed by the
    library (or unpickled from one that was): copying, pickling and loading
    pickles work as before, as they do not call ``__init__``.

    Args:
        made_by: The public functions that make the results, for the message.
    """

    def refuse(cls: _C) -> _C:
        type.__setattr__(cls, _BUILD, vars(cls)["__init__"])

        def __init__(self: object, *args: object, **kwargs: object) -> None:  # noqa: N807
            raise InvalidTypeError(
                f"{cls.__name__} is a result made by {made_by}; it cannot be constructed "
                "directly or changed with attrs.evolve"
            )

        __init__.__qualname__ = f"{cls.__qualname__}.__init__"
        type.__setattr__(cls, "__init__", __init__)
        return cls

    return refuse


def builder(cls: Callable[_P, _R]) -> Callable[_P, _R]:
    """Return the library's own constructor of a `result_type` class, with the class's signature.

    Examples:
        >>> from kim_cooperation.settlement import BillingLine
        >>> BillingLine(year=2023, debtor=None, creditor=None, amount=1.5)
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidTypeError: BillingLine is a result made by settle(); it cannot be constructed directly or changed with attrs.evolve
        >>> callable(builder(BillingLine))
        True
    """
    init: Callable[..., None] = vars(cls)[_BUILD]
    new = object.__new__

    def build(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        made: Any = new(cls)  # type: ignore[arg-type]
        init(made, *args, **kwargs)
        return made  # type: ignore[no-any-return]

    return build
