"""The converters and validators of `Agreement`'s fields (C1, C2, C5, C11, I9).

Each field is checked for its type on its own: the parties are ordered by
AGS (C1), the notices by day of receipt (C11), the population counts by date
(I9). What depends on several fields at once is checked by the agreement
afterwards (`kim_cooperation.agreement._invariants`).
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Iterable
from typing import Any, Final

import attrs

from kim_cooperation._checks import check_date, check_label, shown, tuple_of
from kim_cooperation.errors import InvalidTypeError
from kim_cooperation.i18n import N_
from kim_cooperation.keys import PopulationCount, check_population
from kim_cooperation.notice import Notice
from kim_cooperation.party import Party
from kim_cooperation.region import Region

_AGS: Final = operator.attrgetter("ags")


def _name(value: str) -> str:
    return check_label(value, what=N_("agreement name"))


def _parties(value: Iterable[Party]) -> tuple[Party, ...]:
    # Parties are ordered by AGS alone (Party's order); the key avoids comparing objects.
    return tuple(sorted(tuple_of(value, Party, what="agreement parties"), key=_AGS))


def _regions(value: Iterable[Region]) -> tuple[Region, ...]:
    return tuple_of(value, Region, what="agreement regions")


def _notices(value: Iterable[Notice]) -> tuple[Notice, ...]:
    notices = tuple_of(value, Notice, what="agreement notices")
    return tuple(sorted(notices, key=lambda notice: (notice.received, notice.party.ags)))


def _population(value: Iterable[PopulationCount]) -> tuple[PopulationCount, ...]:
    return check_population(tuple_of(value, PopulationCount, what="agreement population"))


def _start(value: dt.date) -> dt.date:
    return check_date(value, what="agreement start")


def _instance_of(kind: type) -> Callable[[object, attrs.Attribute[Any], object], None]:
    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise InvalidTypeError(
                f"agreement {attribute.name} must be {kind.__name__}, "
                f"got {type(value).__name__} {shown(value)}"
            )

    return check
