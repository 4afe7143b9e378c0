"""Closed days as typed on the command line: a single day or a day of every year (C11).

`parse_closed_day` reads ``24.12.`` and ``--12-24`` as a day closed every
year, ``2025-12-24`` and ``24.12.2025`` as a single day, and says why and
how to write it when it reads neither.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from kim_cooperation._checks import check_what, shown
from kim_cooperation.closed_days._texts import _lang
from kim_cooperation.errors import InvalidTypeError, InvalidValueError, Phrase
from kim_cooperation.formatting import MONTHS, Lang
from kim_cooperation.i18n import N_

_RECURRING: Final = (
    re.compile(r"(?P<day>[0-9]{1,2})\.(?P<month>[0-9]{1,2})\.?"),  # 24.12. or 24.12
    re.compile(r"(?:--)?(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})"),  # --12-24 or 12-24
)
"""A day of every year: German day and month, or ISO 8601's month and day without a year."""


def parse_closed_day(
    text: str, *, lang: Lang = "de", what: str | None = None
) -> dt.date | tuple[int, int]:
    """Read a closed day as typed on the command line: a single day or a day of every year.

    A single day is written as `kim_cooperation.parsing.parse_date` reads
    it: ``2025-12-24`` or ``24.12.2025``. A day of every year is German
    ``24.12.`` (or ``24.12``) or ISO 8601's ``--12-24`` (or ``12-24``),
    returned as ``(month, day)``; 29 February is one. Only ASCII digits.

    Args:
        text: The text typed.
        lang: The language the text is typed in, ``"de"`` (default) or
            ``"en"``; both notations are read in both, so it changes nothing
            but is checked. The message is English as ``str(error)`` and
            German as ``error.describe("de")``.
        what: How to name the value in a message, such as ``"--closed"``.

    Raises:
        InvalidValueError: Not a day, or no day of the calendar; the message
            says why and how to write it (`InvalidDateError` for a single
            day).
        InvalidTypeError: ``text`` is not a string.

    Examples:
        >>> parse_closed_day("24.12."), parse_closed_day("2025-12-31"), parse_closed_day("--12-31")
        ((12, 24), datetime.date(2025, 12, 31), (12, 31))
        >>> parse_closed_day("31.04.", lang="en", what="--closed")
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidValueError: --closed '31.04.': April has no 31st; write a
        day such as 12-24 or 24.12. (every year) or 2025-12-24 (once)
        >>> try:
        ...     parse_closed_day("31.04.")
        ... except InvalidValueError as error:
        ...     print(error.describe("de"))
        '31.04.': der April hat keinen 31. Tag; schreiben Sie einen Tag wie 24.12. (jedes Jahr)
        oder 24.12.2025 (einmal)
    """
    if not isinstance(text, str):
        raise InvalidTypeError(
            f"a closed day must be a str such as '24.12.', got {type(text).__name__} {shown(text)}"
        )
    _lang(lang)  # checked, though the message is English in str(error), German in describe
    check_what(what)
    subject = f"{what} {text!r}" if what else repr(text)
    stripped = text.strip()
    for pattern in _RECURRING:
        match = pattern.fullmatch(stripped)
        if match is None:
            continue
        month, day = int(match["month"]), int(match["day"])
        if not 1 <= month <= 12:
            raise InvalidValueError(
                N_(
                    "{subject}: there is no month {month}; write a day such as 12-24 or 24.12. "
                    "(every year) or 2025-12-24 (once)"
                ),
                subject=subject,
                month=month,
            )
        try:
            dt.date(2000, month, day)  # a leap year: 29 February is a day of every year
        except ValueError:
            raise _no_such_day(subject, month, day) from None
        return month, day
    if not any(character.isdigit() for character in stripped) or stripped.count("-") == 1:
        raise InvalidValueError(
            N_(
                "{subject} is not a day; write a day such as 12-24 or 24.12. (every year) or "
                "2025-12-24 (once)"
            ),
            subject=subject,
        )

    from kim_cooperation.parsing import parse_date  # noqa: PLC0415 - only single days need it

    return parse_date(text, lang=lang, what=what)


def _no_such_day(subject: str, month: int, day: int) -> InvalidValueError:
    """``April has no 31st``: the ordinal's suffix is part of the English text, whole."""
    name = MONTHS[month - 1]
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(day if day < 20 else day % 10, "th")
    return InvalidValueError(
        N_(
            "{subject}: {month} has no {day}st; write a day such as 12-24 or 24.12. "
            "(every year) or 2025-12-24 (once)"
        )
        if suffix == "st"
        else N_(
            "{subject}: {month} has no {day}nd; write a day such as 12-24 or 24.12. "
            "(every year) or 2025-12-24 (once)"
        )
        if suffix == "nd"
        else N_(
            "{subject}: {month} has no {day}rd; write a day such as 12-24 or 24.12. "
            "(every year) or 2025-12-24 (once)"
        )
        if suffix == "rd"
        else N_(
            "{subject}: {month} has no {day}th; write a day such as 12-24 or 24.12. "
            "(every year) or 2025-12-24 (once)"
        ),
        subject=subject,
        month=Phrase(name),
        day=day,
    )
