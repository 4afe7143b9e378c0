"""The problems of a request: how they are collected, where they are, and how each is worded.

A request is checked as a whole, so every check adds its problem, with the
path of its value (``questions[0].year``, ``cost_plans.2023.Nord``), to
`_Problems` and goes on. `_Refused` carries them out of the private modules;
`kim_cooperation.contract` turns it into a `RequestError`. A value of the
wrong type is named as JSON names it (``the number 2023.0``, ``an array``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Final, Literal, TypeAlias

from kim_cooperation._checks import shown as _repr
from kim_cooperation.errors import KimCooperationError, Phrase
from kim_cooperation.i18n import N_

ErrorType: TypeAlias = Literal[
    "invalid_json", "invalid_request", "too_large", "too_deep", "timeout", "internal_error"
]
"""The kinds of error object: the ``type`` of ``{"error": {...}}``."""

ERROR_TYPES: Final[tuple[ErrorType, ...]] = (
    "invalid_json",
    "invalid_request",
    "too_large",
    "too_deep",
    "timeout",
    "internal_error",
)
"""Every ``type`` an error object may have; ``timeout`` and ``internal_error`` (the service's
own failure, never the caller's) come from the HTTP service only."""

_BARE_KEY: Final = re.compile(r"[A-Za-z0-9_-]+")
_DIGITS: Final = re.compile(r"([0-9]+)")
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_SHOWN: Final = 40


class _Refused(Exception):  # noqa: N818 - internal signal, never seen by a caller
    """The request's problems, on their way to `kim_cooperation.contract.RequestError`."""

    def __init__(self, problems: Iterable[tuple[str, Phrase]], kind: ErrorType) -> None:
        self.problems = tuple(problems)
        self.kind = kind
        super().__init__(self.problems)


class _Problems:
    """The problems found so far, in the order found."""

    def __init__(self) -> None:
        self.found: list[tuple[str, Phrase]] = []

    def add(self, path: str, message: Phrase | KimCooperationError) -> None:
        phrase = message.phrase if isinstance(message, KimCooperationError) else message
        self.found.append((path, phrase))

    def expected(self, path: str, expected: Phrase, value: object) -> None:
        self.add(path, _not_as_expected(expected, value))

    def refuse(self, kind: ErrorType = "invalid_request") -> None:
        """Raise the problems found, if any, in the order of their paths.

        The checks run in passes (the numbers while the text is read, then
        the request's form), so a list in the order found would jump back
        and forth; sorted, ``questions[2]`` comes before ``questions[10]``.
        """
        if self.found:
            raise _Refused(sorted(self.found, key=lambda problem: _path_order(problem[0])), kind)


def _path_order(path: str) -> list[int | str]:
    """A path as its parts, the indexes and other numbers as integers: for sorting paths."""
    return [int(part) if odd else part for odd, part in _alternating(_DIGITS.split(path))]


def _alternating(parts: list[str]) -> Iterable[tuple[bool, str]]:
    # re.split with one group alternates: text, number, text, ...
    return ((index % 2 == 1, part) for index, part in enumerate(parts))


def _key_path(path: str, key: str) -> str:
    """Append a key to a path, quoted as JSON unless it is a bare key."""
    written = (
        key if _BARE_KEY.fullmatch(key) else json.dumps(key, ensure_ascii=_has_surrogate(key))
    )
    return f"{path}.{written}" if path else written


def _index_path(path: str, index: int) -> str:
    return f"{path}[{index}]"


def _prefixed(prefix: str, path: str) -> str:
    """A path of a part (an agreement file, a scenario's variants) inside the request."""
    if not path:
        return prefix
    return f"{prefix}{path}" if path.startswith("[") else f"{prefix}.{path}"


def _not_as_expected(expected: Phrase, value: object) -> Phrase:
    return Phrase(N_("expected {expected}, got {found}"), expected=expected, found=_kind(value))


def _kind(value: object) -> Phrase:
    """How JSON calls the type of ``value``, with the value where it is short."""
    if isinstance(value, list | dict):
        return Phrase(N_("an array") if isinstance(value, list) else N_("an object"))
    shown: object = _repr(value)[:_SHOWN]  # whatever a caller passes, repr() may fail
    if value is None:
        return Phrase(N_("null"))
    if isinstance(value, bool):
        template, shown = N_("the boolean {value}"), "true" if value else "false"
    elif type(value) is int:
        template = N_("the integer {value}")
        shown = str(value) if abs(value) < 10**_SHOWN else f"{_repr(value)[:_SHOWN]}…"
    elif type(value) is float:
        template = N_("the number {value}")
    elif type(value) is str:
        template, shown = N_("the string {value}"), _shown(value)
    else:
        return Phrase(N_("{kind} {value}"), kind=type(value).__name__, value=shown)
    return Phrase(template, value=shown)


def _shown(text: str) -> str:
    """A string as the message shows it: quoted, escaped, shortened."""
    # Escaped where UTF-8 cannot write the text, so that the message can be sent.
    quoted = json.dumps(text[: _SHOWN + 1], ensure_ascii=_has_surrogate(text))
    return quoted if len(text) <= _SHOWN else f'{quoted[:-1]}…"'


def _has_surrogate(text: str) -> bool:
    """Tell whether ``text`` holds a lone surrogate, which no UTF-8 text can hold."""
    return not text.isascii() and _SURROGATE.search(text) is not None
