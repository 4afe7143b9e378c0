r"""Agreement files: an agreement and its yearly cost plans as TOML or JSON.

Any agreement of the Coesfeld shape can be written down in a file: the
parties with their AGS, the regions with their employer, members and posts,
the dated funding rates, the notice terms, the notices received, the policies
and a cost plan per year. `load_agreement` reads such a file into an
`AgreementFile`, `dump_agreement` writes one, and the two round-trip exactly.
The built-in Coesfeld agreement (`kim_cooperation.presets.coesfeld`) is such
a file inside the package.

A file is checked as a whole: `AgreementFileError` lists every problem at
once, each with the path of the offending value (``regions[1].posts[0].fte``),
what was expected and what was found. Money is a decimal string or an
integer, never a float; dates are TOML dates or ISO strings; a full-time
equivalent is a string such as ``"1/2"`` or ``"0.5"``, or an integer.
`agreement_schema` gives the format as a JSON Schema.

Reading is linear in the towns and bounded: at most `MAX_FILE_BYTES`
(16 MiB, or ``max_bytes``) are read, and text that is not valid Unicode (a
lone surrogate) is refused with its path. Writing (`save_agreement`) is
whole or not at all: an existing file is replaced only by a complete new
one, never left half written.

Examples:
    >>> from kim_cooperation import presets
    >>> from kim_cooperation.files import dump_agreement, loads_agreement
    >>> text = dump_agreement(presets.coesfeld(), format="json")
    >>> loads_agreement(text, format="json").agreement == presets.coesfeld()
    True
    >>> loads_agreement('name = "Test"\nstart = 2023-01-01\nregions = 3\n')
    Traceback (most recent call last):
    ...
    kim_cooperation.errors.AgreementFileError: the agreement file has 3 problems:
      parties: required key is missing; expected an array of tables (Party)
      regions: expected an array of tables (Region), got integer 3
      funding: required key is missing; expected an array of tables (FundingRate)
"""

from __future__ import annotations

import calendar
import copy
import datetime as dt
import enum
import functools
import inspect
import json
import os
import pathlib
import re
import tomllib
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from importlib.resources.abc import Traversable
from types import MappingProxyType, NoneType, UnionType
from typing import Any, BinaryIO, Final, Literal, NewType, TypeAlias, TypeVar

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import (
    make_dict_structure_fn,
    make_dict_unstructure_fn,
    make_mapping_structure_fn,
    override,
)

from kim_cooperation import _atomic
from kim_cooperation._checks import FrozenMapping, check_label, check_year, shown
from kim_cooperation._syntax import json_problem, toml_problem
from kim_cooperation.agreement import Agreement
from kim_cooperation.costs import CostStatement, costs_by_region
from kim_cooperation.errors import (
    AgreementFileError,
    InvalidTypeError,
    InvalidValueError,
    KimCooperationError,
    MoneyTypeError,
    Phrase,
)
from kim_cooperation.funding import FundingRate, FundingSchedule
from kim_cooperation.i18n import N_
from kim_cooperation.keys import KeyKind, PopulationCount, SplitKey
from kim_cooperation.notice import DEFAULT_NOTICE_TERMS, Notice, NoticeTerms
from kim_cooperation.party import Party, _find_party, fold_name, validate_ags
from kim_cooperation.policy import DEFAULT_POLICIES, Policies
from kim_cooperation.post import Post
from kim_cooperation.region import Region

__all__ = [
    "MAX_FILE_BYTES",
    "AgreementFile",
    "CostPlans",
    "FileFormat",
    "agreement_schema",
    "dump_agreement",
    "load_agreement",
    "loads_agreement",
    "save_agreement",
]

_T = TypeVar("_T")

FileFormat: TypeAlias = Literal["toml", "json"]
"""The formats of an agreement file: ``"toml"`` or ``"json"``."""

CostPlans: TypeAlias = Mapping[int, Mapping[str, CostStatement]]
"""Cost plans by year, each by region name."""

_PlanGiven: TypeAlias = (
    Mapping[str, CostStatement]
    | Mapping[Region, CostStatement]
    | Mapping[str | Region, CostStatement]
)
"""A year's plan as given to `AgreementFile`: keyed by region name in any spelling, or Region."""

_Problem: TypeAlias = tuple[str, Phrase | KimCooperationError]
"""A problem of a file: the path of the value and the message, a phrase or the model's error."""

_FORMATS: Final = ("toml", "json")
_SCHEMA_ID: Final = (
    "https://kim-cooperation.readthedocs.io/en/latest/reference/agreement.schema.json"
)
_MONEY_TEXT: Final = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_FTE_TEXT: Final = re.compile(r"[0-9]+(/[0-9]+|\.[0-9]+)?")
_DATE_TEXT: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_YEAR_TEXT: Final = re.compile(r"[1-9][0-9]{0,3}")
_FLOAT_CENTS: Final = re.compile(r"(-?[0-9]+)\.([0-9]{1,2})")
_BARE_KEY: Final = re.compile(r"[A-Za-z0-9_-]+")
_SURROGATE_ESCAPE: Final = re.compile(r"\\u[dD][89a-fA-F]")
_MAX_SHOWN: Final = 60
_CHUNK_BYTES: Final = 1 << 20

MAX_FILE_BYTES: Final = 16 * 1024 * 1024
"""The largest agreement file `load_agreement` reads by default: 16 MiB (pass ``max_bytes``)."""
_MAX_LISTED: Final = 20

_MONEY_EXPECTED: Final = Phrase(
    N_('money as a decimal string such as "55000.00" or an integer of euros')
)
_FTE_EXPECTED: Final = Phrase(
    N_(
        'a full-time equivalent as a fraction string such as "1/2", '
        'a decimal string such as "0.5" or an integer'
    )
)
_DATE_EXPECTED: Final = Phrase(
    N_('a date such as 2023-01-01 (a TOML date or an ISO string "2023-01-01")')
)

# --------------------------------------------------------------------------- the file's records

_Year = NewType("_Year", int)
"""A cost plan's year: a table key such as ``2023`` in the file."""

_Weight = NewType("_Weight", Fraction)
"""A town's weight in a region's split key: ``2``, ``"1/2"`` or ``"0.5"``."""

_WEIGHT_EXPECTED: Final = Phrase(
    N_(
        'a weight of at least 0 as an integer, a fraction string such as "1/2" or a decimal '
        'string such as "0.5"'
    )
)

_Inhabitants = NewType("_Inhabitants", int)
"""A town's count of inhabitants in a ``[[population]]`` table: ``21310``."""

_INHABITANTS_EXPECTED: Final = Phrase(N_("the inhabitants as a positive integer such as 21310"))


def _agreement_name(value: str) -> str:
    return check_label(value, what="agreement name")


def _region_name(value: str) -> str:
    return check_label(value, what="region name")


@attrs.frozen(kw_only=True)
class _RegionEntry:
    """A region (C2) with its employer and posts (C3) and its split key (C4, I9); towns are named by name or AGS."""

    name: str = attrs.field(converter=_region_name)
    employer: str
    members: tuple[str, ...]
    posts: tuple[Post, ...]
    split_key: KeyKind = KeyKind.EQUAL
    weights: dict[str, _Weight] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class _PopulationEntry:
    """Inhabitants of towns as of one day, for regions split by population (I9)."""

    as_of: dt.date
    counts: dict[str, _Inhabitants]
    source: str | None = None


@attrs.frozen(kw_only=True)
class _NoticeEntry:
    """A notice received (C11); a leaving employer may name its successor (C3, I8)."""

    party: str
    received: dt.date
    successor: str | None = None


@attrs.frozen(kw_only=True)
class _AgreementDocument:
    """An agreement file: the agreement and its cost plans by year and region."""

    name: str = attrs.field(converter=_agreement_name)
    start: dt.date
    notice_terms: NoticeTerms = DEFAULT_NOTICE_TERMS
    policies: Policies = DEFAULT_POLICIES
    parties: tuple[Party, ...]
    regions: tuple[_RegionEntry, ...]
    funding: tuple[FundingRate, ...]
    notices: tuple[_NoticeEntry, ...] = ()
    population: tuple[_PopulationEntry, ...] = ()
    cost_plans: dict[_Year, dict[str, CostStatement]] = attrs.field(factory=dict)


_TABLE_NAMES: Final[Mapping[type, str]] = MappingProxyType(
    {
        _RegionEntry: "Region",
        _NoticeEntry: "Notice",
        _PopulationEntry: "PopulationCount",
        _AgreementDocument: "AgreementFile",
    }
)

# Checks of single values the model makes in validators rather than converters.
_FIELD_CHECKS: Final[Mapping[tuple[type, str], Callable[[Any], object]]] = MappingProxyType(
    {(Party, "ags"): validate_ags}
)

# What the types alone do not say; each is tested against the model.
_SCHEMA_REFINEMENTS: Final[Mapping[tuple[type, str], Mapping[str, object]]] = MappingProxyType(
    {
        (Party, "ags"): {"pattern": "^(0[1-9]|1[0-6])[0-9]{6}$"},
        (FundingRate, "clause"): {"enum": ["C5", "C6", "C10"]},
        (_RegionEntry, "members"): {"minItems": 1},
        (_RegionEntry, "posts"): {"minItems": 1},
        (_PopulationEntry, "counts"): {
            "minProperties": 1,
            "additionalProperties": {"type": "integer", "minimum": 1},
        },
        (_AgreementDocument, "parties"): {"minItems": 1},
        (_AgreementDocument, "regions"): {"minItems": 1},
        (_AgreementDocument, "funding"): {"minItems": 1},
    }
)


# --------------------------------------------------------------------------- the document type


def _cost_plans(value: Mapping[int, _PlanGiven]) -> CostPlans:
    if not isinstance(value, Mapping):
        raise InvalidTypeError(
            "cost_plans must be a mapping of year to a mapping of region name to "
            f"CostStatement, got {type(value).__name__}"
        )
    plans: dict[int, Mapping[Any, CostStatement]] = {}
    for year, plan in value.items():
        check_year(year, what="cost plan year")
        if not isinstance(plan, Mapping):
            raise InvalidTypeError(
                f"the cost plan for {year} must be a mapping of region name to CostStatement, "
                f"got {type(plan).__name__}"
            )
        plans[year] = FrozenMapping(plan)
    # FrozenMapping, not a mappingproxy: an AgreementFile copies, pickles and hashes.
    return FrozenMapping(dict(sorted(plans.items())))


def _check_agreement(_instance: object, _attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Agreement):
        raise InvalidTypeError(
            f"an agreement file holds an Agreement, got {type(value).__name__} {shown(value)}"
        )


@attrs.frozen(kw_only=True)
class AgreementFile:
    """The contents of an agreement file: the agreement and its cost plans by year.

    Attributes:
        agreement: The agreement (C1–C3, C5, C11) with its notices and policies.
        cost_plans: The planned costs (C8) by year, each by region name; read-only
            mappings in year order, each plan in the agreement's region order.
            Empty unless given. A plan may name a region in any spelling the
            agreement accepts (``"Sued"`` for ``"Süd"``) or by its `Region`;
            it is kept under the region's own name.

    Raises:
        UnknownRegionError: A cost plan names a region the agreement lacks.
        InvalidValueError: A year's plan is empty or names a region twice
            (also in two spellings, ``"Sued"`` and ``"Süd"``).
        InvalidTypeError: A value has the wrong type, or a plan's key is
            neither a `str` nor a `Region`.

    Examples:
        >>> from decimal import Decimal
        >>> from kim_cooperation import CostStatement, presets
        >>> document = AgreementFile(
        ...     agreement=presets.coesfeld(),
        ...     cost_plans={2024: {"Nord": CostStatement(personnel=Decimal("170000"))}},
        ... )
        >>> document.cost_plans[2024]["Nord"].total
        Decimal('170000.00')
        >>> coesfeld = presets.coesfeld()
        >>> plan = {"Sued": CostStatement(equipment=900), coesfeld.region("Nord"): CostStatement()}
        >>> list(AgreementFile(agreement=coesfeld, cost_plans={2024: plan}).cost_plans[2024])
        ['Nord', 'Süd']
    """

    agreement: Agreement = attrs.field(validator=_check_agreement)
    cost_plans: CostPlans = attrs.field(factory=dict, converter=_cost_plans, hash=False)

    def __attrs_post_init__(self) -> None:
        # Each plan keyed by the regions' own names, in the agreement's order,
        # however it was keyed ("Sued", a Region): so files round-trip.
        canonical = {
            year: FrozenMapping(
                (region.name, costs)
                for region, costs in costs_by_region(self.agreement, plan).items()
            )
            for year, plan in self.cost_plans.items()
        }
        object.__setattr__(self, "cost_plans", FrozenMapping(canonical))


# --------------------------------------------------------------------------- describing values


def _shorten(text: str) -> str:
    return text if len(text) <= _MAX_SHOWN else f"{text[: _MAX_SHOWN - 3]}..."


def _found(value: object) -> Phrase:
    """Describe a value read from a file in the file's terms."""
    if isinstance(value, bool):
        found = Phrase(N_("boolean {value}"), value=str(value).lower())
    elif isinstance(value, int):
        found = Phrase(N_("integer {value}"), value=_shorten(repr(value)))
    elif isinstance(value, float):
        found = Phrase(N_("float {value}"), value=_shorten(repr(value)))
    elif isinstance(value, str):
        found = Phrase(N_("string {value}"), value=_shorten(repr(value)))
    elif isinstance(value, dt.datetime):
        found = Phrase(N_("date-time {value}"), value=value.isoformat())
    elif isinstance(value, dt.date):
        found = Phrase(N_("date {value}"), value=value)
    elif isinstance(value, dt.time):
        found = Phrase(N_("time {value}"), value=value.isoformat())
    elif isinstance(value, list):
        found = Phrase(
            N_("an array of {count} item") if len(value) == 1 else N_("an array of {count} items"),
            count=len(value),
        )
    elif isinstance(value, Mapping):
        found = Phrase(N_("a table"))
    elif value is None:
        found = Phrase(N_("null"))
    else:
        found = Phrase(
            N_("{kind} {value}"), kind=type(value).__name__, value=_shorten(repr(value))
        )
    return found


def _table_name(kind: Any) -> str:
    return _TABLE_NAMES.get(kind, getattr(kind, "__name__", str(kind)))


_EXPECTED: Final[Mapping[Any, Phrase]] = MappingProxyType(
    {
        str: Phrase(N_("a string")),
        int: Phrase(N_("an integer")),
        Decimal: _MONEY_EXPECTED,
        Fraction: _FTE_EXPECTED,
        _Weight: _WEIGHT_EXPECTED,
        _Inhabitants: _INHABITANTS_EXPECTED,
        dt.date: _DATE_EXPECTED,
    }
)


def _expected(kind: Any) -> Phrase:
    """Describe what a file must hold for a type of the records."""
    if kind in _EXPECTED:
        return _EXPECTED[kind]
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        values = ", ".join(repr(member.value) for member in kind)
        return Phrase(N_("one of {values}"), values=values)
    if _is_array(kind):
        item = typing.get_args(kind)[0]
        if attrs.has(item):
            return Phrase(N_("an array of tables ({table})"), table=_table_name(item))
        return Phrase(N_("an array, each item {item}"), item=_expected(item))
    return Phrase(N_("a table ({table})"), table=_table_name(kind))


def _not_as_expected(expected: Phrase, value: object) -> Phrase:
    """The problem of a value that is not what the file must hold there."""
    return Phrase(N_("expected {expected}, got {found}"), expected=expected, found=_found(value))


def _optional_of(kind: Any) -> Any:
    if isinstance(kind, UnionType) and NoneType in typing.get_args(kind):
        (inner,) = (arg for arg in typing.get_args(kind) if arg is not NoneType)
        return inner
    return None


def _is_array(kind: Any) -> bool:
    return typing.get_origin(kind) is tuple and typing.get_args(kind)[1:] == (Ellipsis,)


def _is_table(kind: Any) -> bool:
    return typing.get_origin(kind) is dict


def _key_path(path: str, key: str) -> str:
    """Append a key to a path, quoted as in TOML unless it is a bare key."""
    # Escaped where UTF-8 cannot write the key, so that the message can be printed.
    written = (
        key if _BARE_KEY.fullmatch(key) else json.dumps(key, ensure_ascii=not _is_unicode(key))
    )
    return f"{path}.{written}" if path else written


# --------------------------------------------------------------------------- structuring hooks


# The hooks' type errors are problems of a file's values, not of Python code:
# their messages are catalogue texts like every other problem of the file.


def _structure_str(value: object, _kind: object) -> str:
    if isinstance(value, str):
        return value
    raise InvalidTypeError(_not_as_expected(_EXPECTED[str], value))


def _structure_int(value: object, _kind: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise InvalidTypeError(_not_as_expected(_EXPECTED[int], value))


def _structure_money(value: object, _kind: object) -> Decimal:
    if isinstance(value, str):
        if _MONEY_TEXT.fullmatch(value):
            return Decimal(value)
        problem = _not_as_expected(_MONEY_EXPECTED, value)
        raise InvalidValueError(problem)
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, float):
        cents = _FLOAT_CENTS.fullmatch(repr(value))
        if cents:
            raise MoneyTypeError(
                N_(
                    "expected {expected}, got {found}; a float cannot hold cents exactly, "
                    "write {written} (quoted) instead"
                ),
                expected=_MONEY_EXPECTED,
                found=_found(value),
                written=f'"{cents[1]}.{cents[2]:0<2}"',
            )
        raise MoneyTypeError(
            N_(
                "expected {expected}, got {found}; a float cannot hold cents exactly, "
                "write a decimal string (quoted) instead"
            ),
            expected=_MONEY_EXPECTED,
            found=_found(value),
        )
    raise MoneyTypeError(_not_as_expected(_MONEY_EXPECTED, value))


def _inexact(expected: Phrase, value: object) -> Phrase:
    """The problem of a value that is not a fraction, with how to write a float exactly."""
    if isinstance(value, float):
        return Phrase(
            N_(
                "expected {expected}, got {found}; a float is not exact, "
                'write "{value}" (quoted) instead'
            ),
            expected=expected,
            found=_found(value),
            value=repr(value),
        )
    return _not_as_expected(expected, value)


def _structure_fraction(value: object, _kind: object) -> Fraction:
    if isinstance(value, str) and _FTE_TEXT.fullmatch(value):
        try:
            return Fraction(value)
        except (ValueError, ZeroDivisionError):
            pass
    elif isinstance(value, int) and not isinstance(value, bool):
        return Fraction(value)
    problem = _inexact(_FTE_EXPECTED, value)
    raise InvalidValueError(problem)


def _structure_weight(value: object, _kind: object) -> _Weight:
    if isinstance(value, str) and _FTE_TEXT.fullmatch(value):
        try:
            return _Weight(Fraction(value))
        except ZeroDivisionError:
            pass
    elif isinstance(value, int) and not isinstance(value, bool):
        if value >= 0:
            return _Weight(Fraction(value))
        raise InvalidValueError(
            N_("expected {expected}, got {found}; a weight is never negative (C4, I9)"),
            expected=_WEIGHT_EXPECTED,
            found=_found(value),
        )
    problem = _inexact(_WEIGHT_EXPECTED, value)
    raise InvalidValueError(problem)


def _structure_inhabitants(value: object, _kind: object) -> _Inhabitants:
    # Zero and negative counts are refused later, with the town's name (_population).
    if isinstance(value, int) and not isinstance(value, bool):
        return _Inhabitants(value)
    if isinstance(value, str) and value.isascii() and value.isdigit():
        raise InvalidTypeError(
            N_("expected {expected}, got {found}; write {value} without quotes"),
            expected=_INHABITANTS_EXPECTED,
            found=_found(value),
            value=value,
        )
    if isinstance(value, float) and value.is_integer():
        raise InvalidTypeError(
            N_("expected {expected}, got {found}; write {value} without a decimal point"),
            expected=_INHABITANTS_EXPECTED,
            found=_found(value),
            value=int(value),
        )
    raise InvalidTypeError(_not_as_expected(_INHABITANTS_EXPECTED, value))


def _invalid_date(text: str) -> InvalidValueError:
    """Why ``text``, written as ``YYYY-MM-DD``, is no day of the calendar."""
    year, month, _ = (int(part) for part in text.split("-"))
    if year < 1:
        return InvalidValueError(
            N_("expected a valid date, got {value!r}: years start at 0001"), value=text
        )
    if not 1 <= month <= 12:
        return InvalidValueError(
            N_("expected a valid date, got {value!r}: there is no month {month}"),
            value=text,
            month=f"{month:02d}",
        )
    return InvalidValueError(
        N_("expected a valid date, got {value!r}: that month has the days 01 to {days}"),
        value=text,
        days=calendar.monthrange(year, month)[1],
    )


def _structure_date(value: object, _kind: object) -> dt.date:
    if isinstance(value, dt.datetime):
        raise InvalidTypeError(
            N_("expected a date without a time of day, got date-time {value}"),
            value=value.isoformat(),
        )
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _DATE_TEXT.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise _invalid_date(value) from None
    raise InvalidTypeError(_not_as_expected(_DATE_EXPECTED, value))


def _structure_year(value: object, _kind: object) -> _Year:
    if isinstance(value, str) and _YEAR_TEXT.fullmatch(value):
        return _Year(int(value))
    raise InvalidValueError(
        N_("expected a year from 1 to 9999 such as 2023, got {found}"), found=_found(value)
    )


def _structure_enum(value: object, kind: type[enum.Enum]) -> enum.Enum:
    for member in kind:
        if isinstance(value, str) and member.value == value:
            return member
    problem = _not_as_expected(_expected(kind), value)
    raise InvalidValueError(problem)


def _array_hook(kind: Any, converter: cattrs.Converter) -> Callable[[object, object], object]:
    items = homogenous_tuple_structure_factory(kind, converter)
    expected = _expected(kind)

    def structure(value: object, _kind: object) -> object:
        if not isinstance(value, list | tuple):
            raise InvalidTypeError(_not_as_expected(expected, value))
        return items(value, kind)

    return structure


def _table_hook(kind: Any, converter: cattrs.Converter) -> Callable[[object, object], object]:
    entries = make_mapping_structure_fn(kind, converter)

    def structure(value: object, _kind: object) -> object:
        if not isinstance(value, Mapping):
            raise InvalidTypeError(_not_as_expected(Phrase(N_("a table")), value))
        return entries(value, kind)

    return structure


def _checked(
    hook: Callable[[Any, Any], Any], kind: Any, check: Callable[[Any], object]
) -> Callable[[Any, Any], object]:
    def structure(value: object, _kind: object) -> object:
        found = hook(value, kind)
        # The model's converters take an enum's value and name it plainly in errors.
        return check(found.value if isinstance(found, enum.Enum) else found)

    return structure


def _record_hook(cls: type, converter: cattrs.Converter) -> Callable[[object, object], object]:
    """Structure a table into an attrs class, each field checked as the class checks it.

    The class's own converter (or check, `_FIELD_CHECKS`) runs on the field's
    value, so its errors carry the field's path rather than the table's.
    """
    hints = typing.get_type_hints(cls)
    overrides: dict[str, Any] = {}
    for field in attrs.fields(cls):
        check = _FIELD_CHECKS.get((cls, field.name), field.converter)
        if callable(check):
            kind = hints[field.name]
            overrides[field.name] = override(
                struct_hook=_checked(converter.get_structure_hook(kind), kind, check)
            )
    fields: Callable[[Mapping[str, Any], Any], object] = make_dict_structure_fn(
        cls,
        converter,
        **overrides,
    )
    expected = _expected(cls)

    def structure(value: object, _kind: object) -> object:
        if not isinstance(value, Mapping):
            raise InvalidTypeError(_not_as_expected(expected, value))
        return fields(value, cls)

    return structure


def _unstructure_fraction(value: Fraction) -> int | str:
    return value.numerator if value.denominator == 1 else str(value)


def _record_unstructure_hook(
    cls: type, converter: cattrs.Converter
) -> Callable[[Any], dict[str, Any]]:
    # Optional values are left out when unset (TOML has no null), as are empty
    # notices and cost plans; the agreement's terms and policies are always written.
    if cls is _AgreementDocument:
        return make_dict_unstructure_fn(
            cls,
            converter,
            notices=override(omit_if_default=True),
            population=override(omit_if_default=True),
            cost_plans=override(omit_if_default=True),
        )
    if cls is _RegionEntry:
        return make_dict_unstructure_fn(
            cls,
            converter,
            split_key=override(omit_if_default=True),
            weights=override(omit_if_default=True),
        )
    omit = cls in (Post, CostStatement, _NoticeEntry, _PopulationEntry)
    return make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=omit)


def _array_unstructure_hook(kind: Any, converter: cattrs.Converter) -> Callable[[Any], list[Any]]:
    (item, _) = typing.get_args(kind)
    hook = converter.get_unstructure_hook(item)

    def unstructure(value: Iterable[Any]) -> list[Any]:
        return [hook(entry) for entry in value]

    return unstructure


@functools.cache
def _converter() -> cattrs.Converter:
    """The converter between files and records; built once, never changed afterwards."""
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(Decimal, _structure_money)
    converter.register_structure_hook(Fraction, _structure_fraction)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_structure_hook(_Year, _structure_year)
    converter.register_structure_hook(_Weight, _structure_weight)
    converter.register_structure_hook(_Inhabitants, _structure_inhabitants)
    # StrEnum before str in the method resolution order: enums are not plain strings.
    converter.register_structure_hook(enum.StrEnum, _structure_enum)
    converter.register_structure_hook_factory(_is_array, _array_hook)
    converter.register_structure_hook_factory(_is_table, _table_hook)
    converter.register_structure_hook_factory(attrs.has, _record_hook)
    converter.register_unstructure_hook(Decimal, lambda value: f"{value:f}")
    converter.register_unstructure_hook(Fraction, _unstructure_fraction)
    converter.register_unstructure_hook(dt.date, lambda value: value)
    converter.register_unstructure_hook(_Year, str)
    converter.register_unstructure_hook(enum.StrEnum, lambda value: value.value)
    converter.register_unstructure_hook_factory(_is_array, _array_unstructure_hook)
    converter.register_unstructure_hook_factory(attrs.has, _record_unstructure_hook)
    return converter


# --------------------------------------------------------------------------- problems of form


def _note_of(error: BaseException) -> AttributeValidationNote | IterableValidationNote | None:
    notes = getattr(error, "__notes__", ())
    return next(
        (
            note
            for note in notes
            if type(note) in (AttributeValidationNote, IterableValidationNote)
        ),
        None,
    )


def _problems_of_form(error: BaseException, path: str, kind: Any = None) -> Iterator[_Problem]:
    """Walk cattrs' validation errors; yield each problem with the path of its value."""
    if isinstance(error, ClassValidationError | IterableValidationError):
        for inner in error.exceptions:
            note = _note_of(inner)
            if note is None:  # unknown keys: a problem of the table itself
                yield from _problems_of_form(inner, path)
            elif isinstance(note, AttributeValidationNote):
                yield from _problems_of_form(inner, _key_path(path, note.name), note.type)
            elif isinstance(note.index, int):
                yield from _problems_of_form(inner, f"{path}[{note.index}]", note.type)
            else:
                yield from _problems_of_form(inner, _key_path(path, note.index), note.type)
    elif isinstance(error, ForbiddenExtraKeysError):
        allowed = ", ".join(field.name for field in attrs.fields(error.cl))
        for key in sorted(error.extra_fields):
            yield (
                _key_path(path, key),
                Phrase(N_("unknown key; the keys of this table are {keys}"), keys=allowed),
            )
    elif isinstance(error, KimCooperationError):
        yield path, error
    elif isinstance(error, KeyError):
        yield (
            path,
            Phrase(N_("required key is missing; expected {expected}"), expected=_expected(kind)),
        )
    else:  # pragma: no cover - every hook raises one of the errors above
        raise error


# --------------------------------------------------------------------------- problems of meaning


class _Problems:
    """The problems found while building the model from a file's records."""

    def __init__(self) -> None:
        self.found: list[_Problem] = []

    def add(self, path: str, message: Phrase | KimCooperationError) -> None:
        self.found.append((path, message))

    def attempt(
        self, path: str, build: Callable[..., _T], /, *args: Any, **fields: Any
    ) -> _T | None:
        """Return ``build(*args, **fields)``, or ``None`` after recording the model's error at ``path``."""
        try:
            return build(*args, **fields)
        except KimCooperationError as error:
            self.add(path, error)  # the error itself: its own phrase is translated
            return None


class _PartyLookup:
    """The file's parties by AGS, name and folded name: each look-up in constant time.

    The tables and the look-up are those of `Agreement.party` (its index of
    the parties in AGS order), so a town is resolved in the file exactly as
    the agreement built from it resolves it: a key that is both one party's
    name and another's AGS names the party with the lower AGS in both. An
    `Agreement` that refuses such names refuses the file too.
    """

    def __init__(self, parties: Iterable[Party]) -> None:
        self.given: Final = tuple(parties)
        ordered = sorted(self.given, key=_ags_of)  # as `Agreement.parties` holds them
        self.by_ags: Final = {party.ags: party for party in ordered}
        self.by_name: Final = {party.name: party for party in ordered}
        self.by_form: Final = {form: party for party in ordered for form in party.name_forms}

    def find(self, key: str) -> Party | None:
        """Return the party ``key`` names by name, folded name or AGS, or ``None``."""
        return _find_party(key, by_name=self.by_name, by_form=self.by_form, by_ags=self.by_ags)


def _ags_of(party: Party) -> str:
    return party.ags


def _listed(names: list[str], many: str) -> str | Phrase:
    """``names`` for a message, or their count where listing them would swamp it.

    ``many`` is the catalogue text that counts them, with the field ``{count:,}``.
    """
    if len(names) <= _MAX_LISTED:
        return ", ".join(names)
    return Phrase(many, count=len(names))


def _party(parties: _PartyLookup, key: str, path: str, problems: _Problems) -> Party | None:
    found = parties.find(key)
    if found is None:
        names = [party.name for party in parties.given]
        if names:
            listed = _listed(names, N_("the {count:,} parties the file lists"))
            problems.add(
                path,
                Phrase(
                    N_(
                        "{key!r} is not a party to the agreement; expected the name or AGS of "
                        "one of {listed} (C1)"
                    ),
                    key=key,
                    listed=listed,
                ),
            )
        else:
            problems.add(
                path,
                Phrase(
                    N_(
                        "{key!r} is not a party to the agreement; expected the name or AGS of "
                        "a party, but the file lists none (C1)"
                    ),
                    key=key,
                ),
            )
    return found


def _region(
    document: _AgreementDocument, parties: _PartyLookup, index: int, problems: _Problems
) -> Region | None:
    entry = document.regions[index]
    path = f"regions[{index}]"
    employer = _party(parties, entry.employer, f"{path}.employer", problems)
    found = [
        _party(parties, key, f"{path}.members[{number}]", problems)
        for number, key in enumerate(entry.members)
    ]
    members = [member for member in found if member is not None]
    key = _split_key(document, parties, index, members, problems)
    if employer is None or len(members) != len(found) or key is None:
        return None
    return problems.attempt(
        path,
        Region,
        name=entry.name,
        employer=employer,
        members=members,
        posts=entry.posts,
        split_key=key,
    )


def _split_key(
    document: _AgreementDocument,
    parties: _PartyLookup,
    index: int,
    members: list[Party],
    problems: _Problems,
) -> SplitKey | None:
    """Build a region's split key (C4, I9), naming the path of each problem."""
    entry = document.regions[index]
    path = f"regions[{index}]"
    if entry.split_key is not KeyKind.WEIGHTS:
        if entry.weights:
            problems.add(
                f"{path}.weights",
                Phrase(
                    N_(
                        "weights are given but split_key is {kind!r}; write "
                        'split_key = "weights" to split by them, or remove them (C4, I9)'
                    ),
                    kind=entry.split_key.value,
                ),
            )
            return None
        return SplitKey(kind=entry.split_key)
    if not entry.weights:
        # Without fields the text is not filled in: its braces stay single.
        problems.add(
            f"{path}.weights",
            Phrase(
                N_(
                    'split_key = "weights" needs a weight for each member, e.g. weights = '
                    '{ Billerbeck = "2", Rosendahl = "1/2" } (C4, I9)'
                )
            ),
        )
        return None
    weights: dict[Party, Fraction] = {}
    named: dict[Party, str] = {}
    complete = True
    for key, weight in entry.weights.items():
        where = _key_path(f"{path}.weights", key)
        party = _party(parties, key, where, problems)
        if party is None:
            complete = False
        elif party in named:
            problems.add(
                where,
                Phrase(
                    N_(
                        "{party} already has a weight (as {key!r}); give each member "
                        "one weight (C4, I9)"
                    ),
                    party=party.name,
                    key=named[party],
                ),
            )
            complete = False
        elif party not in members:
            problems.add(
                where,
                Phrase(
                    N_(
                        "{party} is not a member of region {region!r}; weights are given "
                        "for its members {members} (C2, C4, I9)"
                    ),
                    party=party.name,
                    region=entry.name,
                    members=", ".join(member.name for member in members),
                ),
            )
            complete = False
        else:
            named[party] = key
            weights[party] = weight
    missing = [member.name for member in members if member not in weights]
    if complete and missing:
        problems.add(
            f"{path}.weights",
            Phrase(
                N_(
                    "no weight for {towns}; give every member a weight, 0 for a town "
                    "that pays nothing (C4, I9)"
                ),
                towns=", ".join(missing),
            ),
        )
        return None
    if not complete:
        return None
    return problems.attempt(f"{path}.weights", SplitKey.by_weights, weights)


def _population(
    document: _AgreementDocument, parties: _PartyLookup, problems: _Problems
) -> list[PopulationCount] | None:
    """Build the population counts (I9), naming the path of each problem."""
    counts: list[PopulationCount] = []
    first_index: dict[dt.date, int] = {}
    for index, entry in enumerate(document.population):
        path = f"population[{index}]"
        if entry.as_of in first_index:
            problems.add(
                f"{path}.as_of",
                Phrase(
                    N_(
                        "a count is already as of {day} (population[{index}]); "
                        "give one count per day (I9)"
                    ),
                    day=entry.as_of,
                    index=first_index[entry.as_of],
                ),
            )
            continue
        first_index[entry.as_of] = index
        found: dict[Party, int] = {}
        named: dict[Party, str] = {}
        for key, count in entry.counts.items():
            where = _key_path(f"{path}.counts", key)
            party = _party(parties, key, where, problems)
            if party is None:
                continue
            if party in named:
                problems.add(
                    where,
                    Phrase(
                        N_(
                            "{party} is already counted here (as {key!r}); count each "
                            "town once in a count (I9)"
                        ),
                        party=party.name,
                        key=named[party],
                    ),
                )
            elif count <= 0:
                problems.add(
                    where,
                    Phrase(
                        N_(
                            "expected the inhabitants of {party} as a positive integer, "
                            "got integer {count} (I9)"
                        ),
                        party=party.name,
                        count=count,
                    ),
                )
            else:
                named[party] = key
                found[party] = count
        if not entry.counts:
            problems.add(
                f"{path}.counts", Phrase(N_("a population count names at least one town (I9)"))
            )
        elif len(found) == len(entry.counts):
            built = problems.attempt(
                path, PopulationCount, as_of=entry.as_of, counts=found, source=entry.source
            )
            if built is not None:
                counts.append(built)
    return counts if len(counts) == len(document.population) else None


def _funding(document: _AgreementDocument, problems: _Problems) -> FundingSchedule | None:
    rates = document.funding
    first_index: dict[dt.date, int] = {}
    ordered = True
    for index, rate in enumerate(rates):
        path = f"funding[{index}].valid_from"
        day = rate.valid_from
        if day in first_index:
            problems.add(
                path,
                Phrase(
                    N_(
                        "a rate is already valid from {day} (funding[{index}]); "
                        "each day starts at most one rate (C5)"
                    ),
                    day=day,
                    index=first_index[day],
                ),
            )
            ordered = False
        elif index and day < rates[index - 1].valid_from:
            problems.add(
                path,
                Phrase(
                    N_(
                        "rates must be in date order, "
                        "got {day} after {previous} (funding[{index}])"
                    ),
                    day=day,
                    previous=rates[index - 1].valid_from,
                    index=index - 1,
                ),
            )
            ordered = False
        first_index.setdefault(rate.valid_from, index)
    if not ordered:
        return None
    return problems.attempt("funding", FundingSchedule, rates=rates)


def _notices(
    document: _AgreementDocument, parties: _PartyLookup, problems: _Problems
) -> list[Notice] | None:
    notices: list[Notice] = []
    given: dict[Party, int] = {}
    for index, entry in enumerate(document.notices):
        path = f"notices[{index}]"
        party = _party(parties, entry.party, f"{path}.party", problems)
        successor = None
        if entry.successor is not None:
            successor = _party(parties, entry.successor, f"{path}.successor", problems)
        if entry.received < document.start:
            problems.add(
                f"{path}.received",
                Phrase(
                    N_(
                        "notice received on {received}, before the agreement's start {start} (C11)"
                    ),
                    received=entry.received,
                    start=document.start,
                ),
            )
        if party is None or (entry.successor is not None and successor is None):
            continue
        if party in given:
            problems.add(
                f"{path}.party",
                Phrase(
                    N_(
                        "{party} already gave notice in notices[{index}]; "
                        "a party gives notice once (C11)"
                    ),
                    party=party.name,
                    index=given[party],
                ),
            )
            continue
        given[party] = index
        notice = problems.attempt(
            path, Notice, party=party, received=entry.received, successor=successor
        )
        if notice is not None:
            notices.append(notice)
    return notices if len(notices) == len(document.notices) else None


def _plans(
    document: _AgreementDocument, problems: _Problems
) -> dict[int, dict[str, CostStatement]]:
    names = [entry.name for entry in document.regions]
    # As `Agreement.region` finds them: the name as written, else a folded form.
    by_name = {name: name for name in names}
    by_form = {form: name for name in names for form in fold_name(name)}
    plans: dict[int, dict[str, CostStatement]] = {}
    for year, plan in document.cost_plans.items():
        path = _key_path("cost_plans", str(year))
        if not plan:
            problems.add(path, Phrase(N_("a year's cost plan names at least one region (C8)")))
        named: dict[str, str] = {}
        for key, costs in plan.items():
            found = sorted(
                {by_name[key]}
                if key in by_name
                else {by_form[form] for form in fold_name(key) if form in by_form}
            )
            name = found[0] if len(found) == 1 else None
            if len(found) > 1:
                problems.add(
                    _key_path(path, key),
                    Phrase(
                        N_(
                            "{key!r} could name region {first!r} or {second!r}; "
                            "write the region's name as the agreement writes it (C2)"
                        ),
                        key=key,
                        first=found[0],
                        second=found[1],
                    ),
                )
            elif name is None:
                problems.add(
                    _key_path(path, key),
                    Phrase(
                        N_(
                            "{key!r} is not a region of the agreement; "
                            "expected one of {listed} (C2)"
                        ),
                        key=key,
                        listed=_listed(names, N_("the {count:,} regions the file lists")),
                    ),
                )
            elif name in named:
                problems.add(
                    _key_path(path, key),
                    Phrase(
                        N_("region {name!r} already has costs in this plan (as {key!r})"),
                        name=name,
                        key=named[name],
                    ),
                )
            else:
                named[name] = key
                plans.setdefault(year, {})[name] = costs
    return plans


def _build(document: _AgreementDocument, source: str | None) -> AgreementFile:
    """Build the model from a file's records, collecting every problem before raising."""
    problems = _Problems()
    parties = _PartyLookup(document.parties)
    regions = [
        _region(document, parties, index, problems) for index in range(len(document.regions))
    ]
    funding = _funding(document, problems)
    notices = _notices(document, parties, problems)
    population = _population(document, parties, problems)
    plans = _plans(document, problems)
    if problems.found or funding is None or notices is None or population is None:
        raise AgreementFileError(problems.found, source)
    agreement = problems.attempt(
        "",
        Agreement,
        name=document.name,
        parties=document.parties,
        regions=[region for region in regions if region is not None],
        funding=funding,
        start=document.start,
        notice_terms=document.notice_terms,
        policies=document.policies,
        population=population,
    )
    if agreement is not None:
        agreement = problems.attempt("notices", attrs.evolve, agreement, notices=notices)
    if agreement is None:
        raise AgreementFileError(problems.found, source)
    return AgreementFile(agreement=agreement, cost_plans=plans)


# --------------------------------------------------------------------------- reading


def _check_format(value: object) -> FileFormat:
    if value == "toml":
        return "toml"
    if value == "json":
        return "json"
    raise InvalidValueError(
        N_("format must be one of {formats}, got {value}"),
        formats=str(list(_FORMATS)),
        value=shown(value),
    )


def _format_of(name: str) -> FileFormat:
    suffix = pathlib.PurePath(name).suffix.lower().lstrip(".")
    if suffix in _FORMATS:
        return _check_format(suffix)
    raise InvalidValueError(
        N_(
            "cannot tell the format of {name!r} from its suffix; "
            "name it .toml or .json, or pass format='toml' or format='json'"
        ),
        name=name,
    )


class _DuplicateKeyError(ValueError):
    """A JSON object names a key twice; the key is kept for the message."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for key, value in pairs:
        if key in table:
            raise _DuplicateKeyError(key)
        table[key] = value
    return table


def _parse(text: str, file_format: FileFormat, source: str | None) -> object:
    # The parsers' own words (error.msg, tomllib's message) are Python's, in
    # English: they are the fields of a catalogue text, never translated.
    message: Phrase
    if file_format == "json":
        try:
            return json.loads(text, object_pairs_hook=_no_duplicate_keys)
        except json.JSONDecodeError as error:
            message = json_problem(error)
        except _DuplicateKeyError as error:
            message = Phrase(N_("JSON syntax: duplicate key {key!r} in an object"), key=error.key)
        except ValueError as error:
            message = Phrase(N_("JSON syntax: {error}"), error=str(error))
        except RecursionError:
            message = Phrase(N_("JSON syntax: arrays or objects nested too deeply"))
    else:
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            message = toml_problem(error)
        except ValueError as error:  # an integer longer than int() reads (sys.int_info)
            message = Phrase(N_("TOML value: {error}"), error=str(error))
        except RecursionError:
            message = Phrase(N_("TOML syntax: arrays or tables nested too deeply"))
    raise AgreementFileError([("", message)], source)


def _is_unicode(text: str) -> bool:
    """Tell whether ``text`` is valid Unicode, which UTF-8 can write: no lone surrogate."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _surrogate_problem(path: str, text: str) -> _Problem:
    surrogate = next(char for char in text if "\ud800" <= char <= "\udfff")
    return (
        path,
        Phrase(
            N_(
                "{text} holds a lone surrogate (U+{code:04X}), which is "
                "not a character and cannot be written as UTF-8; write the character meant "
                "(in JSON, a character outside the BMP as a pair of escapes "
                'such as "\\ud83d\\ude00")'
            ),
            text=_shorten(repr(text)),
            code=ord(surrogate),
        ),
    )


def _joined(problems: list[_Problem]) -> Phrase:
    """The problems as one phrase, each after its path, separated by semicolons."""
    phrases = [
        Phrase(N_("{path}: {problem}"), path=path, problem=message) for path, message in problems
    ]

    # Halves, not a chain: nested only as deep as the logarithm of the count.
    def halves(start: int, stop: int) -> Phrase:
        if stop - start == 1:
            return phrases[start]
        middle = (start + stop) // 2
        return Phrase(
            N_("{first}; {rest}"), first=halves(start, middle), rest=halves(middle, stop)
        )

    return halves(0, len(phrases))


def _not_unicode(data: object) -> list[_Problem]:
    r"""Each text (keys too) that is not valid Unicode, with its path, in the file's order.

    JSON's escapes can write a lone surrogate (``"\ud800"``); TOML and
    UTF-8 cannot. Such text is refused when read, as it could be neither
    written back nor printed.
    """
    problems: list[_Problem] = []
    # Depth-first without recursion: as deep as the parser allowed, whatever the stack.
    stack: list[tuple[object, str]] = [(data, "")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            if not _is_unicode(value):
                problems.append(_surrogate_problem(path, value))
            continue
        children: list[tuple[object, str]] = []
        if isinstance(value, Mapping):
            for key, item in value.items():
                where = _key_path(path, str(key))
                if isinstance(key, str) and not _is_unicode(key):
                    problems.append(_surrogate_problem(where, key))
                children.append((item, where))
        elif isinstance(value, list):
            children = [(item, f"{path}[{index}]") for index, item in enumerate(value)]
        stack.extend(reversed(children))
    return problems


def _read(text: str, file_format: FileFormat, source: str | None) -> AgreementFile:
    data = _parse(text, file_format, source)
    # Only text that is not valid Unicode itself, or JSON with an escape of a
    # surrogate, can yield a lone surrogate: the walk is skipped otherwise.
    if not _is_unicode(text) or (file_format == "json" and _SURROGATE_ESCAPE.search(text)):
        invalid = _not_unicode(data)
        if invalid:
            raise AgreementFileError(invalid, source)
    try:
        document = _converter().structure(data, _AgreementDocument)
    except (ClassValidationError, KimCooperationError) as error:
        raise AgreementFileError(list(_problems_of_form(error, "")), source) from error
    return _build(document, source)


def loads_agreement(text: str, *, format: FileFormat = "toml") -> AgreementFile:
    """Read an agreement file from a string.

    Args:
        text: The file's contents.
        format: ``"toml"`` (default) or ``"json"``.

    Returns:
        The agreement and its cost plans.

    Raises:
        AgreementFileError: The text is not a valid agreement file, or holds
            text that is not valid Unicode (a lone surrogate); the error
            lists every problem with the path of its value.
        InvalidTypeError: ``text`` is not a string.
        InvalidValueError: ``format`` is neither ``"toml"`` nor ``"json"``.

    Examples:
        >>> document = loads_agreement('''
        ... name = "Kooperation Mitte"
        ... start = 2024-01-01
        ... parties = [{name = "Dülmen", kind = "Stadt", ags = "05558016"},
        ...            {name = "Nottuln", kind = "Gemeinde", ags = "05558032"}]
        ... funding = [{valid_from = 2024-01-01, amount = "55000.00", source = "Council paper"}]
        ... [[regions]]
        ... name = "Mitte"
        ... employer = "Duelmen"
        ... members = ["Dülmen", "05558032"]
        ... posts = [{label = "Mitte 1", fte = "1/2"}, {label = "Mitte 2", fte = "0.5"}]
        ... [cost_plans.2024.Mitte]
        ... personnel = "70000.00"
        ... ''')
        >>> document.agreement.region("Mitte").fte, document.cost_plans[2024]["Mitte"].total
        (Fraction(1, 1), Decimal('70000.00'))
        >>> loads_agreement(
        ...     '{"name": "x", "start": "2024-01-01", "parties": [], "regions": [], "funding": [{"valid_from": "2024-01-01", "amount": 55000.5, "source": "y"}]}',
        ...     format="json")
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.AgreementFileError: the agreement file has 1 problem:
          funding[0].amount: expected money as a decimal string such as "55000.00" or an integer of euros, got float 55000.5; a float cannot hold cents exactly, write "55000.50" (quoted) instead
    """
    if not isinstance(text, str):
        raise InvalidTypeError(f"text must be a str, got {type(text).__name__}")
    return _read(text, _check_format(format), None)


def load_agreement(
    path: str | os.PathLike[str] | Traversable,
    *,
    format: FileFormat | None = None,
    max_bytes: int = MAX_FILE_BYTES,
) -> AgreementFile:
    r"""Read an agreement file.

    At most ``max_bytes + 1`` bytes are read, so a file that never ends
    (``/dev/zero``) or a huge one is refused without reading it whole. The
    default, `MAX_FILE_BYTES` (16 MiB), holds agreements of about 100,000
    towns; an agreement of 10,000 towns with a year's cost plan takes about
    1.7 MB as JSON.

    Args:
        path: The file: a path (`str` or `pathlib.Path`), or a resource such
            as ``importlib.resources.files(package) / "agreement.toml"``.
        format: ``"toml"`` or ``"json"``; by default the file's suffix
            (``.toml`` or ``.json``) tells.
        max_bytes: The largest file read, in bytes (at least 0).

    Returns:
        The agreement and its cost plans.

    Raises:
        AgreementFileError: The file is larger than ``max_bytes``, is not
            UTF-8 text, holds text that is not valid Unicode (a lone
            surrogate such as JSON's ``"\ud800"``) or is not a valid
            agreement file; the error lists every problem with its path.
        InvalidTypeError: ``path`` is not a `str`, an `os.PathLike` of `str`
            or a `Traversable` (``bytes`` are refused: decode them with
            `os.fsdecode`), or ``max_bytes`` is not an `int`.
        InvalidValueError: The format is not given and the suffix is neither
            ``.toml`` nor ``.json``, or ``max_bytes`` is negative.
        OSError: The file cannot be read.

    Examples:
        >>> import pathlib, tempfile
        >>> from kim_cooperation import presets
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = pathlib.Path(folder) / "coesfeld.json"
        ...     save_agreement(presets.coesfeld(), path)
        ...     document = load_agreement(path)
        >>> document.agreement == presets.coesfeld(), dict(document.cost_plans)
        (True, {})
    """
    file, source = _file_of(path, what="load_agreement's path")
    limit = _check_max_bytes(max_bytes)
    file_format = _format_of(file.name) if format is None else _check_format(format)
    with file.open("rb") as stream:
        data = _read_at_most(stream, limit + 1)
    if len(data) > limit:
        raise AgreementFileError(
            [
                (
                    "",
                    Phrase(
                        N_(
                            "the file is larger than {limit:,} bytes, the most an agreement "
                            "file may have by default; pass max_bytes= a larger number to read it"
                        ),
                        limit=limit,
                    ),
                )
            ],
            source,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        problem = Phrase(
            N_("the file is not UTF-8 text: byte {position} is not UTF-8; save it as UTF-8"),
            position=error.start,
        )
        raise AgreementFileError([("", problem)], source) from None
    return _read(text, file_format, source)


def _file_of(path: object, *, what: str) -> tuple[Traversable, str]:
    """The file a path names, and how to name it in messages; bytes and others refused."""
    if isinstance(path, str | os.PathLike):
        name = os.fspath(path)
        if isinstance(name, str):
            return pathlib.Path(name), name
    elif isinstance(path, Traversable):
        return path, path.name
    hint = ""
    if isinstance(path, bytes | bytearray | os.PathLike):
        hint = "; decode a path of bytes first, e.g. os.fsdecode(path)"
    raise InvalidTypeError(
        f"{what} must be a str, a pathlib.Path or an importlib.resources Traversable, "
        f"got {type(path).__name__} {_shorten(shown(path))}{hint}"
    )


def _check_max_bytes(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidTypeError(
            f"max_bytes must be an int, got {type(value).__name__} {_shorten(shown(value))}"
        )
    if value < 0:
        raise InvalidValueError(N_("max_bytes must be at least 0, got {value}"), value=value)
    return value


def _read_at_most(stream: BinaryIO | typing.IO[bytes], count: int) -> bytes:
    """Read up to ``count`` bytes, in chunks: a large ``count`` allocates nothing up front."""
    chunks: list[bytes] = []
    left = count
    while left > 0:
        chunk = stream.read(min(left, _CHUNK_BYTES))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


# --------------------------------------------------------------------------- writing


def _document_of(document: Agreement | AgreementFile) -> _AgreementDocument:
    if isinstance(document, Agreement):
        document = AgreementFile(agreement=document)
    elif not isinstance(document, AgreementFile):
        raise InvalidTypeError(
            "expected an Agreement or an AgreementFile, "
            f"got {type(document).__name__} {_shorten(shown(document))}"
        )
    agreement = document.agreement
    return _AgreementDocument(
        name=agreement.name,
        start=agreement.start,
        notice_terms=agreement.notice_terms,
        policies=agreement.policies,
        parties=agreement.parties,
        regions=tuple(
            _RegionEntry(
                name=region.name,
                employer=region.employer.name,
                members=tuple(member.name for member in region.members),
                posts=region.posts,
                split_key=region.split_key.kind,
                weights={
                    party.name: _Weight(weight)
                    for party, weight in region.split_key.weights.items()
                },
            )
            for region in agreement.regions
        ),
        funding=agreement.funding.rates,
        notices=tuple(
            _NoticeEntry(
                party=notice.party.name,
                received=notice.received,
                successor=None if notice.successor is None else notice.successor.name,
            )
            for notice in agreement.notices
        ),
        population=tuple(
            _PopulationEntry(
                as_of=count.as_of,
                counts={
                    party.name: _Inhabitants(number) for party, number in count.counts.items()
                },
                source=count.source,
            )
            for count in agreement.population
        ),
        cost_plans={_Year(year): dict(plan) for year, plan in document.cost_plans.items()},
    )


def dump_agreement(
    document: Agreement | AgreementFile,
    *,
    format: FileFormat = "toml",
) -> str:
    r"""Write an agreement, and its cost plans if given, as the text of an agreement file.

    Money is written as decimal strings (``"55000.00"``), full-time
    equivalents as integers or fraction strings (``"1/2"``), dates as TOML
    dates or, in JSON, ISO strings; towns are named by name. Reading the text
    with `loads_agreement` gives an equal agreement and equal cost plans.

    Args:
        document: An `Agreement`, or an `AgreementFile` with cost plans.
        format: ``"toml"`` (default, needs the ``toml`` extra) or ``"json"``.

    Returns:
        The file's text, ending with a newline.

    Raises:
        InvalidTypeError: ``document`` is neither an Agreement nor an AgreementFile.
        InvalidValueError: ``format`` is neither ``"toml"`` nor ``"json"``, or
            a text of the agreement (a name, label or source) is not valid
            Unicode: a lone surrogate such as ``"\ud800"``, which no
            agreement file can hold; the message names its path
            (``parties[3].name``).
        ModuleNotFoundError: TOML is asked for but tomli-w is not installed
            (``pip install kim-cooperation[toml]``).

    Examples:
        >>> from kim_cooperation import presets
        >>> text = dump_agreement(presets.coesfeld())
        >>> lines = text.splitlines()
        >>> for line in lines[lines.index("posts = ["):][:5]:
        ...     print(line)
        posts = [
            { label = "Nord 1", fte = 1 },
            { label = "Nord 2", fte = 1 },
            { label = "Nord 3", fte = "1/2" },
        ]
        >>> print(text[text.index("[[funding]]"):].splitlines()[2])
        amount = "55000.00"
    """
    file_format = _check_format(format)
    data = _converter().unstructure(_document_of(document), _AgreementDocument)
    invalid = _not_unicode(data)
    if invalid:
        raise InvalidValueError(
            N_("cannot write the agreement file, its text is not valid Unicode: {problems}"),
            problems=_joined(invalid),
        )
    if file_format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2, default=dt.date.isoformat) + "\n"
    try:
        import tomli_w  # noqa: PLC0415 - an optional dependency, imported only when needed
    except ImportError as error:
        raise ModuleNotFoundError(
            "writing an agreement file as TOML needs tomli-w; install it with "
            "pip install kim-cooperation[toml], or write JSON with format='json'",
            name="tomli_w",
        ) from error
    return tomli_w.dumps(data)


def save_agreement(
    document: Agreement | AgreementFile,
    path: str | os.PathLike[str],
    *,
    format: FileFormat | None = None,
) -> None:
    """Write an agreement, and its cost plans if given, to an agreement file (UTF-8).

    The file is written whole or not at all: the text goes to a temporary
    file in the same folder, which replaces ``path`` only when it is
    complete and on the disk. If anything fails, an existing file at
    ``path`` stays as it was and no temporary file is left behind. An
    existing file's permissions are kept; a symbolic link is followed.

    Args:
        document: An `Agreement`, or an `AgreementFile` with cost plans.
        path: The file to write; an existing file is replaced.
        format: ``"toml"`` or ``"json"``; by default the suffix tells.

    Raises:
        InvalidTypeError: ``path`` is not a `str` or an `os.PathLike` of `str`.
        InvalidValueError: The format is not given and the suffix is neither
            ``.toml`` nor ``.json``, or a text of the agreement is not valid
            Unicode (see `dump_agreement`); nothing is written.
        ModuleNotFoundError: TOML without tomli-w (see `dump_agreement`).
        OSError: The file cannot be written; an existing file is untouched.

    Examples:
        >>> import pathlib, tempfile
        >>> from kim_cooperation import presets
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = pathlib.Path(folder) / "coesfeld.toml"
        ...     save_agreement(presets.coesfeld(), path)
        ...     print(path.read_text(encoding="utf-8").splitlines()[0])
        name = "Kooperationsvereinbarung Kommunales Case-Management in den kreisangehörigen Kommunen des Kreises Coesfeld"
    """
    target = _path_to_write(path)
    file_format = _format_of(target.name) if format is None else _check_format(format)
    _atomic.write_text(target, dump_agreement(document, format=file_format))


def _path_to_write(path: object) -> pathlib.Path:
    if isinstance(path, str | os.PathLike):
        name = os.fspath(path)
        if isinstance(name, str):
            return pathlib.Path(name)
    raise InvalidTypeError(
        f"the path to write must be a str or a pathlib.Path, got {type(path).__name__} "
        f"{_shorten(shown(path))}"
        + (
            "; decode a path of bytes first, e.g. os.fsdecode(path)"
            if isinstance(path, bytes)
            else ""
        )
    )


# --------------------------------------------------------------------------- the JSON Schema

_VALUE_DEFINITIONS: Final[Mapping[Any, tuple[str, Mapping[str, object]]]] = MappingProxyType(
    {
        Decimal: (
            "Money",
            {
                "description": (
                    "An amount in euros, exact to the cent: a decimal string such as "
                    '"55000.00", or an integer of euros. Never a float.'
                ),
                "anyOf": [
                    {"type": "string", "pattern": f"^{_MONEY_TEXT.pattern}$"},
                    {"type": "integer"},
                ],
            },
        ),
        Fraction: (
            "FullTimeEquivalent",
            {
                "description": (
                    "A full-time equivalent greater than 0 and at most 1: a fraction string "
                    'such as "1/2", a decimal string such as "0.5", or the integer 1.'
                ),
                "anyOf": [
                    {"type": "string", "pattern": f"^{_FTE_TEXT.pattern}$"},
                    {"type": "integer"},
                ],
            },
        ),
        _Weight: (
            "Weight",
            {
                "description": (
                    "A town's weight in a region's split key, at least 0: an integer, a "
                    'fraction string such as "1/2" or a decimal string such as "0.5".'
                ),
                "anyOf": [
                    {"type": "string", "pattern": f"^{_FTE_TEXT.pattern}$"},
                    {"type": "integer", "minimum": 0},
                ],
            },
        ),
        dt.date: (
            "Date",
            {
                "description": (
                    'A day: a TOML date such as 2023-01-01, or an ISO 8601 string "2023-01-01".'
                ),
                "type": "string",
                "format": "date",
                "pattern": f"^{_DATE_TEXT.pattern}$",
            },
        ),
    }
)


def _schema_of(kind: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any]
    if kind is str:
        schema = {"type": "string", "minLength": 1}
    elif kind is int or kind is _Inhabitants:
        schema = {"type": "integer"}
    elif kind in _VALUE_DEFINITIONS:
        name, definition = _VALUE_DEFINITIONS[kind]
        definitions[name] = dict(definition)
        schema = {"$ref": f"#/$defs/{name}"}
    elif isinstance(kind, type) and issubclass(kind, enum.Enum):
        schema = {"type": "string", "enum": [member.value for member in kind]}
    elif _optional_of(kind) is not None:
        schema = {"anyOf": [_schema_of(_optional_of(kind), definitions), {"type": "null"}]}
    elif _is_array(kind):
        schema = {"type": "array", "items": _schema_of(typing.get_args(kind)[0], definitions)}
    elif _is_table(kind):
        key, value = typing.get_args(kind)
        years = {"pattern": f"^{_YEAR_TEXT.pattern}$"}
        schema = {
            "type": "object",
            "propertyNames": years if key is _Year else {"minLength": 1},
            "additionalProperties": _schema_of(value, definitions),
        }
    else:
        name = _table_name(kind)
        definitions[name] = _table_schema(kind, definitions)
        schema = {"$ref": f"#/$defs/{name}"}
    return schema


def _table_schema(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        schema = _schema_of(hints[field.name], definitions)
        schema.update(_SCHEMA_REFINEMENTS.get((cls, field.name), {}))
        if field.default is attrs.NOTHING:
            required.append(field.name)
        elif not isinstance(field.default, attrs.Factory) and field.default is not None:  # type: ignore[arg-type]
            schema["default"] = _converter().unstructure(field.default, hints[field.name])
        properties[field.name] = schema
    summary = (inspect.getdoc(cls) or "").split("\n\n")[0].replace("\n", " ")
    return {
        "title": _table_name(cls),
        "description": summary,
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


@functools.cache
def _schema() -> Mapping[str, Any]:
    definitions: dict[str, Any] = {}
    root = _table_schema(_AgreementDocument, definitions)
    return MappingProxyType(
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": _SCHEMA_ID,
            **root,
            "title": "kim_cooperation agreement file",
            "$defs": dict(sorted(definitions.items())),
        }
    )


def agreement_schema() -> dict[str, Any]:
    """Return the JSON Schema of agreement files, generated from the model.

    The schema checks a file's form: its keys, the types of its values, the
    patterns of money, dates, full-time equivalents and AGS. The meaning
    (FTE at most 1, members that are parties, the agreement's rules) is
    checked by `load_agreement`. TOML dates count as ISO date strings, as in
    TOML tools that validate against JSON Schemas.

    Returns:
        A new dict on every call (JSON Schema draft 2020-12).

    Examples:
        >>> schema = agreement_schema()
        >>> schema["required"]
        ['name', 'start', 'parties', 'regions', 'funding']
        >>> schema["$defs"]["Party"]["properties"]["ags"]["pattern"]
        '^(0[1-9]|1[0-6])[0-9]{6}$'
    """
    return copy.deepcopy(dict(_schema()))
