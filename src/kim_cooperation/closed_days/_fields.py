"""The checks of `ClosedDays`' fields: Länder, single days and days closed every year (C11).

Each converter takes what the caller gives (any iterable) and returns the
field's sorted tuple without repeats, or raises an error that names the
field, what it must hold and what it got.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from kim_cooperation._checks import check_date, check_int, shown
from kim_cooperation.closed_days._holidays import _LAND_NAMES
from kim_cooperation.errors import InvalidTypeError, InvalidValueError
from kim_cooperation.i18n import N_


def _lands(value: object) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidTypeError(
            f"lands must be an iterable of Land codes such as ('NW',), "
            f"got {type(value).__name__} {shown(value)}"
        )
    found: set[str] = set()
    for land in value:
        # A str subclass is read as the plain text it holds.
        code = str.__str__(land) if isinstance(land, str) else ""
        if code not in _LAND_NAMES:
            raise InvalidValueError(
                N_(
                    "lands must be Land codes (ISO 3166-2:DE) from {codes}, got {value}; "
                    "NW is Nordrhein-Westfalen"
                ),
                codes=sorted(_LAND_NAMES),
                value=shown(land),
            )
        found.add(code)
    return tuple(sorted(found))


def _dates(value: object) -> tuple[dt.date, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidTypeError(
            f"dates must be an iterable of datetime.date, got {type(value).__name__} {shown(value)}"
        )
    return tuple(sorted({check_date(day, what="a closed day") for day in value}))


def _month_day(value: object) -> tuple[int, int]:
    if not (isinstance(value, tuple) and len(value) == 2):
        raise InvalidTypeError(
            f"a day closed every year must be a tuple (month, day) of ints such as (12, 24), "
            f"got {type(value).__name__} {shown(value)}"
        )
    month = check_int(value[0], what="the month of a day closed every year")
    day = check_int(value[1], what="the day of a day closed every year")
    try:
        dt.date(2000, month, day)  # a leap year: 29 February is a day of the year
    except ValueError:
        raise InvalidValueError(
            N_(
                "a day closed every year must be a (month, day) of the calendar such as "
                "(12, 24), got {value}"
            ),
            value=shown(value),
        ) from None
    return month, day


def _yearly(value: object) -> tuple[tuple[int, int], ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidTypeError(
            "yearly must be an iterable of (month, day) such as [(12, 24), (12, 31)], "
            f"got {type(value).__name__} {shown(value)}"
        )
    return tuple(sorted({_month_day(item) for item in value}))
