"""The problems of a scenario file: how they are collected and how each is worded.

A file is checked as a whole, so every check adds its problem, with the
path of its value, to `_Problems` and goes on; `ScenarioFileError` lists
them at the end. A value of the wrong type is named as TOML names it
(``the float 57.000``, ``an array``), in the language the file is read in.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from kim_cooperation.errors import KimCooperationError, Phrase
from kim_cooperation.formatting import Lang
from kim_cooperation.i18n import N_

if TYPE_CHECKING:
    from kim_cooperation.scenario_file import Message


def _phrase_of(message: Message) -> Phrase:
    """A problem's message as a phrase: an error's own phrase, or a text as it is."""
    if isinstance(message, Phrase):
        return message
    if isinstance(message, KimCooperationError):
        return message.phrase
    text = str(message)  # a text given as it is: its braces are never filled in
    return Phrase(text)


def _one_line(text: str) -> str:
    """A problem on one line of the listing, whatever line breaks its message holds."""
    return " ".join(text.split())


class _Problems:
    """The problems found so far, with the language the file is read in."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.found: list[tuple[str, Message]] = []

    def add(self, path: str, message: Message) -> None:
        self.found.append((path, message))

    def expected(self, path: str, expected: Phrase, value: object) -> None:
        self.add(path, _not_as_expected(expected, value))


def _not_as_expected(expected: Phrase, value: object) -> Phrase:
    """The problem of a value that is not what the file must hold there."""
    return Phrase(N_("expected {expected}, got {found}"), expected=expected, found=_kind(value))


# In the order of the checks: a bool is an int, a date-time a date.
_KINDS: Final = (
    (bool, N_("the boolean {value}")),
    (int, N_("the integer {value}")),
    (Decimal, N_("the float {value}")),  # TOML's floats, read as Decimal
    (str, N_("the string {value}")),
    (dt.datetime, N_("the date-time {value}")),
    (dt.date, N_("the date {value}")),
    (dt.time, N_("the time {value}")),
)


def _kind(value: object) -> Phrase:
    """How TOML calls the type of ``value``, with the value where it is short."""
    if isinstance(value, list):
        return Phrase(N_("an array"))
    if isinstance(value, dict):
        return Phrase(N_("a table"))
    shown: object = str(value)[:40]  # a float as TOML's text, never with a German comma
    if isinstance(value, bool):
        shown = "true" if value else "false"
    elif isinstance(value, str):
        shown = repr(value)[:40]
    elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        shown = value  # a day, written as the language writes days
    for kind, template in _KINDS:
        if isinstance(value, kind):
            return Phrase(template, value=shown)
    return Phrase(N_("{kind} {value}"), kind=type(value).__name__, value=repr(value)[:40])
