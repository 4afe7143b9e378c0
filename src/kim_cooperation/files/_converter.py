"""The converter between a file's data and its records (cattrs), and the problems of form.

A hook per kind of value reads it as the file writes it: money as a decimal
string or an integer, never a float; a full-time equivalent or a weight
(C4, I9) as a fraction or decimal string; a date as a TOML date or an ISO
string; a year as a table key. Each refusal is a catalogue text naming what
was expected and what was found. A table's fields are checked as the model
checks them, so that an error carries the field's path. `_problems_of_form`
walks cattrs' errors into problems, each with its path. The same converter
writes records back into plain data (`kim_cooperation.files._writing`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import functools
import re
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Final

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

from kim_cooperation.costs import CostStatement
from kim_cooperation.errors import (
    InvalidTypeError,
    InvalidValueError,
    KimCooperationError,
    MoneyTypeError,
    Phrase,
)
from kim_cooperation.files._problems import (
    _DATE_EXPECTED,
    _EXPECTED,
    _FTE_EXPECTED,
    _INHABITANTS_EXPECTED,
    _MONEY_EXPECTED,
    _WEIGHT_EXPECTED,
    _expected,
    _found,
    _key_path,
    _not_as_expected,
    _Problem,
)
from kim_cooperation.files._records import (
    _DATE_TEXT,
    _FTE_TEXT,
    _MONEY_TEXT,
    _YEAR_TEXT,
    _AgreementDocument,
    _Inhabitants,
    _is_array,
    _is_table,
    _NoticeEntry,
    _PopulationEntry,
    _RegionEntry,
    _Weight,
    _Year,
)
from kim_cooperation.i18n import N_
from kim_cooperation.party import Party, validate_ags
from kim_cooperation.post import Post

_FLOAT_CENTS: Final = re.compile(r"(-?[0-9]+)\.([0-9]{1,2})")

# Checks of single values the model makes in validators rather than converters.
_FIELD_CHECKS: Final[Mapping[tuple[type, str], Callable[[Any], object]]] = MappingProxyType(
    {(Party, "ags"): validate_ags}
)


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
    # Resolved on the class, as cattrs resolves them: cattrs then finds them resolved
    # rather than evaluating every annotation of the class a second time.
    attrs.resolve_types(cls)
    overrides: dict[str, Any] = {}
    for field in attrs.fields(cls):
        check = _FIELD_CHECKS.get((cls, field.name), field.converter)
        if callable(check):
            kind = field.type
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
