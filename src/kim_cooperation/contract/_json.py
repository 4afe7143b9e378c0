"""A request's JSON: the text read within bounds, and the value checked to be plain JSON.

`_loads` reads the text: at most ``max_bytes`` of UTF-8, no key twice in an
object, no ``NaN`` or ``Infinity``, and no number with a fraction or an
exponent (a float cannot hold cents exactly: ``55000.0`` is refused with
its path, ``55000`` and ``"55000.00"`` are read). Floats, constants and
repeated keys are kept as markers while the text is parsed, so that
`_plain` can name each with its path. `_plain` checks any value, parsed or
given by a caller of `kim_cooperation.contract.calculate`: only objects with
string keys, arrays, strings, integers, booleans and ``null``, nested at
most `MAX_DEPTH` deep, and text that is valid Unicode.
"""

from __future__ import annotations

import decimal
import json
import math
from typing import Any, Final

from kim_cooperation._syntax import json_problem
from kim_cooperation.contract._limits import MAX_DEPTH
from kim_cooperation.contract._problems import (
    _has_surrogate,
    _index_path,
    _key_path,
    _kind,
    _Problems,
    _Refused,
)
from kim_cooperation.errors import Phrase
from kim_cooperation.i18n import N_

_MAX_PROBLEMS: Final = 100
"""The most problems of JSON-ness listed; a request with more is refused all the same."""


class _Float:
    """A number with a fraction or an exponent, as the text writes it."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class _Constant:
    """``NaN``, ``Infinity`` or ``-Infinity``, which JSON does not have."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class _Repeated(dict[str, Any]):
    """An object that names a key twice: the keys named again are kept for the message."""

    repeated: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    table: dict[str, Any] = {}
    repeated: list[str] = []
    for key, value in pairs:
        if key in table:
            repeated.append(key)
        table[key] = value
    if not repeated:
        return table
    marked = _Repeated(table)
    marked.repeated = tuple(repeated)
    return marked


def _size_problem(limit: int) -> _Refused:
    return _Refused(
        [("", Phrase(N_("the request is larger than {limit:,} bytes"), limit=limit))],
        "too_large",
    )


def _loads(given: str | bytes, max_bytes: int) -> object:
    """The request's value from its text, checked by `_plain`, or `_Refused`."""
    text: object = given  # a caller may pass anything
    if isinstance(text, bytes | bytearray):
        if len(text) > max_bytes:
            raise _size_problem(max_bytes)
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as error:
            message = Phrase(N_("not valid UTF-8 (byte {position})"), position=error.start)
            raise _Refused([("", message)], "invalid_json") from None
    elif isinstance(text, str):
        # A str is measured as the UTF-8 it would be sent as; no longer than
        # max_bytes characters is the quick case.
        if len(text) > max_bytes or (
            not text.isascii() and len(text.encode("utf-8", "surrogatepass")) > max_bytes
        ):
            raise _size_problem(max_bytes)
        text = text.removeprefix("\ufeff")
    else:
        message = Phrase(N_("expected JSON text, got {found}"), found=_kind(text))
        raise _Refused([("", message)], "invalid_json")
    try:
        value = json.loads(
            text, parse_float=_Float, parse_constant=_Constant, object_pairs_hook=_object
        )
    except json.JSONDecodeError as error:
        raise _Refused([("", json_problem(error))], "invalid_json") from None
    except ValueError as error:  # an integer longer than int() reads (sys.int_info)
        message = Phrase(N_("JSON value: {error}"), error=str(error))
        raise _Refused([("", message)], "invalid_json") from None
    except RecursionError:
        message = Phrase(
            N_("arrays or objects are nested more than {limit} deep"), limit=MAX_DEPTH
        )
        raise _Refused([("", message)], "too_deep") from None
    return value


def _plain(value: object) -> tuple[list[tuple[str, Phrase]], bool]:
    """The problems that keep ``value`` from being plain JSON, and whether it can be read on.

    A value nested too deeply is refused at once (`_Refused`, ``"too_deep"``).
    Otherwise the problems are returned, with ``True`` when each is a value
    that the request's form refuses at the same path anyway (a float,
    ``NaN``, a key given twice), so that the form's other problems can be
    listed with them; ``False`` when the value holds what no check should
    see (a key that is not a string, an object that is not JSON, a lone
    surrogate).
    """
    problems = _Problems()
    sound = True
    # Depth first, by hand: a value nested deeper than the interpreter's
    # recursion limit is checked all the same.
    stack: list[tuple[object, str, int]] = [(value, "", 0)]
    while stack and len(problems.found) < _MAX_PROBLEMS:
        item, path, depth = stack.pop()
        if depth > MAX_DEPTH:
            message = Phrase(
                N_("arrays or objects are nested more than {limit} deep"), limit=MAX_DEPTH
            )
            raise _Refused([(path, message)], "too_deep")
        if type(item) is dict or type(item) is _Repeated:
            sound = _check_object(item, path, problems) and sound
            children = [
                (child, _key_path(path, key), depth + 1)
                for key, child in item.items()
                if isinstance(key, str)
            ]
            stack.extend(reversed(children))
        elif type(item) is list:
            stack.extend(
                (child, _index_path(path, index), depth + 1)
                for index, child in reversed(list(enumerate(item)))
            )
        else:
            sound = _check_scalar(item, path, problems) and sound
    return problems.found, sound


def _check_object(item: dict[Any, Any], path: str, problems: _Problems) -> bool:
    """Check an object's keys; tell whether it can be read on."""
    sound = True
    for key in item:
        if not isinstance(key, str):
            problems.add(
                path,
                Phrase(N_("an object's keys are strings, got {found}"), found=_kind(key)),
            )
            sound = False
        elif _has_surrogate(key):
            problems.add(_key_path(path, key), _surrogate(key))
            sound = False
    for key in getattr(item, "repeated", ()):
        problems.add(
            _key_path(path, key),
            Phrase(N_("the key {key!r} is given twice in this object; give it once"), key=key),
        )
    return sound


def _check_scalar(item: object, path: str, problems: _Problems) -> bool:
    """Check a value that is neither an object nor an array; tell whether it can be read on."""
    # Only JSON's own types, never a subclass: an int subclass could compute anything.
    if item is None or type(item) is bool or type(item) is int:
        return True
    if type(item) is str:
        if _has_surrogate(item):
            problems.add(path, _surrogate(item))
            return False
    elif isinstance(item, _Float) or (type(item) is float and math.isfinite(item)):
        text = item.text if isinstance(item, _Float) else repr(item)
        problems.add(path, _float_problem(text))
    elif isinstance(item, _Constant) or type(item) is float:  # NaN, Infinity
        text = item.text if isinstance(item, _Constant) else repr(item)
        problems.add(
            path, Phrase(N_("{text} is not a JSON number; write a number or a string"), text=text)
        )
    else:
        problems.add(
            path,
            Phrase(
                N_(
                    "expected a JSON value (an object, array, string, integer, true, false or "
                    "null), got {found}"
                ),
                found=_kind(item),
            ),
        )
        return False
    return True


def _surrogate(text: str) -> Phrase:
    code = next(ord(char) for char in text if "\ud800" <= char <= "\udfff")
    return Phrase(N_("holds the lone surrogate U+{code:04X}, which is not text"), code=code)


def _float_problem(text: str) -> Phrase:
    """Why the number ``text`` is refused, and how to write it: as an integer if it is one."""
    try:
        number = decimal.Decimal(text)
    except decimal.InvalidOperation:  # pragma: no cover - json only gives numbers here
        number = decimal.Decimal("NaN")
    # Only small whole numbers are written out: 1e999999 would be a million digits.
    if number.is_finite() and number == number.to_integral_value() and number.adjusted() < 30:
        return Phrase(
            N_(
                "got the number {text}, which has a fraction or an exponent; a whole number is "
                "written as an integer ({whole}), an amount or a rate with decimals as a string "
                'such as "{text}"'
            ),
            text=text,
            whole=str(int(number)),
        )
    return Phrase(
        N_(
            "got the number {text}, which has a fraction or an exponent; numbers are "
            'integers, and an amount or a rate with decimals is a string such as "{text}"'
        ),
        text=text,
    )
