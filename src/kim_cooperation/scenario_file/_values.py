"""The values of a scenario file: TOML, keys, dates, amounts, rates, strings, arrays of tables.

Each reader takes a value as TOML gives it and returns it checked, or adds
a problem at the value's path and returns ``None``. Floats are read as
`Decimal` and refused with the exact text the file holds: ``57.000`` is 57
in TOML and 57,000 in a German eye.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import tomllib
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final

from kim_cooperation.errors import KimCooperationError, Phrase
from kim_cooperation.i18n import N_
from kim_cooperation.parsing import parse_amount, parse_date, parse_rate
from kim_cooperation.scenario_file._problems import _kind, _Problems

_EXPECTED_TABLES: Final = Phrase(N_("an array of tables"))
_EXPECTED_STRING: Final = Phrase(N_("a string"))
_EXPECTED_DATE: Final = Phrase(N_('a date such as 2026-01-01 or "01.01.2026"'))
_EXPECTED_AMOUNT: Final = Phrase(N_('an amount, a string or an integer such as "57000.00"'))
_EXPECTED_RATE: Final = Phrase(N_('a rate as a string such as "3 %" or "0.03"'))


def _parse(text: str, problems: _Problems) -> dict[str, Any] | None:
    for char in text:
        if "\ud800" <= char <= "\udfff":
            problems.add(
                "",
                Phrase(
                    N_("holds the lone surrogate U+{code:04X}, which is not text"), code=ord(char)
                ),
            )
            return None
    try:
        # Floats as Decimal: refused below with the exact text the file holds.
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        # tomllib's own words are Python's, in English: a field, never translated.
        problems.add("", Phrase(N_("not valid TOML: {error}"), error=str(error)))
        return None


def _keys(
    table: Mapping[str, Any], allowed: tuple[str, ...], path: str, problems: _Problems
) -> None:
    for key in table:
        if key not in allowed:
            where = f"{path}.{key}" if path else key
            close = difflib.get_close_matches(key, allowed, n=1)
            keys = ", ".join(allowed)
            if close:
                message = Phrase(
                    N_("unknown key; did you mean {key}?; allowed are {keys}"),
                    key=close[0],
                    keys=keys,
                )
            else:
                message = Phrase(N_("unknown key; allowed are {keys}"), keys=keys)
            problems.add(where, message)


def _date(value: object, path: str, problems: _Problems) -> dt.date | None:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return parse_date(value, lang=problems.lang)
        except KimCooperationError as error:
            problems.add(path, error)
            return None
    problems.expected(path, _EXPECTED_DATE, value)
    return None


def _amount(value: object, path: str, problems: _Problems) -> Decimal | None:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        try:
            return parse_amount(value, lang=problems.lang, grouping=False)
        except KimCooperationError as error:
            problems.add(path, error)
            return None
    if isinstance(value, Decimal):
        typed = f"{value:f}"
        if re.fullmatch(r"-?[0-9]{1,3}\.[0-9]{3}", typed):  # 57.000: 57 or 57,000?
            problems.add(
                path,
                Phrase(
                    N_(
                        "expected {expected}, got {found}; TOML reads {text} as {value}, "
                        "a German eye as {german}"
                    ),
                    expected=_EXPECTED_AMOUNT,
                    found=_kind(value),
                    text=typed,
                    value=typed.rstrip("0").rstrip("."),
                    german=typed.replace(".", ""),
                ),
            )
            return None
    problems.expected(path, _EXPECTED_AMOUNT, value)
    return None


def _rate(value: object, path: str, problems: _Problems) -> Decimal | None:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        try:
            return parse_rate(value, lang=problems.lang)
        except KimCooperationError as error:
            problems.add(path, error)
            return None
    if isinstance(value, Decimal) and value.is_finite() and abs(value.adjusted()) < 10:
        sign, digits, exponent = value.as_tuple()
        assert isinstance(exponent, int)  # finite
        percent = f"{Decimal((sign, digits, exponent + 2)):f}"  # built exactly, never rounded
        problems.add(
            path,
            Phrase(
                N_(
                    "expected {expected}, got {found}; write it as a string, "
                    'such as "{text}" or "{percent} %"'
                ),
                expected=_EXPECTED_RATE,
                found=_kind(value),
                text=f"{value:f}",
                percent=percent,
            ),
        )
        return None
    problems.expected(path, _EXPECTED_RATE, value)
    return None


def _text(value: object, path: str, problems: _Problems) -> str | None:
    if isinstance(value, str):
        return value
    problems.expected(path, _EXPECTED_STRING, value)
    return None


def _tables(value: object, path: str, problems: _Problems) -> list[dict[str, Any]] | None:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        problems.expected(path, _EXPECTED_TABLES, value)
        return None
    if not value:
        problems.add(path, Phrase(N_("at least one entry, or leave the key out")))
        return None
    return value
