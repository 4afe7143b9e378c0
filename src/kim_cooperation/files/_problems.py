"""The problems of an agreement file, as told: each with the path of its value.

A problem is a path (``regions[1].posts[0].fte``, `_key_path`) and a message:
what the file must hold there (`_expected`) and what it holds (`_found`), or
the model's own error. `_not_unicode` finds text no file can hold (a lone
surrogate); `_Problems` collects the problems of meaning while the model is
built, so that `AgreementFileError` lists them all at once.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Final, TypeAlias, TypeVar

import attrs

from kim_cooperation.errors import KimCooperationError, Phrase
from kim_cooperation.files._records import (
    _Inhabitants,
    _is_array,
    _table_name,
    _Weight,
)
from kim_cooperation.i18n import N_

_T = TypeVar("_T")

_Problem: TypeAlias = tuple[str, Phrase | KimCooperationError]
"""A problem of a file: the path of the value and the message, a phrase or the model's error."""

_BARE_KEY: Final = re.compile(r"[A-Za-z0-9_-]+")
_MAX_SHOWN: Final = 60
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
_WEIGHT_EXPECTED: Final = Phrase(
    N_(
        'a weight of at least 0 as an integer, a fraction string such as "1/2" or a decimal '
        'string such as "0.5"'
    )
)
_INHABITANTS_EXPECTED: Final = Phrase(N_("the inhabitants as a positive integer such as 21310"))


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


def _key_path(path: str, key: str) -> str:
    """Append a key to a path, quoted as in TOML unless it is a bare key."""
    if _BARE_KEY.fullmatch(key):
        written = key
    else:
        import json  # noqa: PLC0415 - only keys that must be quoted need it

        # Escaped where UTF-8 cannot write the key, so that the message can be printed.
        written = json.dumps(key, ensure_ascii=not _is_unicode(key))
    return f"{path}.{written}" if path else written


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


def _listed(names: list[str], many: str) -> str | Phrase:
    """``names`` for a message, or their count where listing them would swamp it.

    ``many`` is the catalogue text that counts them, with the field ``{count:,}``.
    """
    if len(names) <= _MAX_LISTED:
        return ", ".join(names)
    return Phrase(many, count=len(names))
