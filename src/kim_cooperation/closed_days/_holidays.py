"""The Länder and their public holidays, from the optional package ``holidays`` (C11).

`LANDS` reads a party's Land from the first two digits of its AGS; the
Länder's names are catalogue texts (English here, German from the
catalogue). The public holidays of a Land and year come from the package
``holidays``, imported on first use and cached, with their German and
English names; whether a year has none is decided by
``kim_cooperation.closed_days._public_holidays``, next to `HolidayGap`.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
from collections.abc import Iterable, Mapping
from types import MappingProxyType, ModuleType
from typing import Any, Final

from kim_cooperation._checks import tuple_of
from kim_cooperation.i18n import N_
from kim_cooperation.party import Party

LANDS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "01": "SH",
        "02": "HH",
        "03": "NI",
        "04": "HB",
        "05": "NW",
        "06": "HE",
        "07": "RP",
        "08": "BW",
        "09": "BY",
        "10": "SL",
        "11": "BE",
        "12": "BB",
        "13": "MV",
        "14": "SN",
        "15": "ST",
        "16": "TH",
    }
)
"""The Land of each Land key (the AGS's first two digits), as its ISO 3166-2:DE code."""

_LAND_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "SH": N_("Schleswig-Holstein"),
        "HH": N_("Hamburg"),
        "NI": N_("Lower Saxony"),
        "HB": N_("Bremen"),
        "NW": N_("North Rhine-Westphalia"),
        "HE": N_("Hesse"),
        "RP": N_("Rhineland-Palatinate"),
        "BW": N_("Baden-Württemberg"),
        "BY": N_("Bavaria"),
        "SL": N_("Saarland"),
        "BE": N_("Berlin"),
        "BB": N_("Brandenburg"),
        "MV": N_("Mecklenburg-Western Pomerania"),
        "SN": N_("Saxony"),
        "ST": N_("Saxony-Anhalt"),
        "TH": N_("Thuringia"),
    }
)
"""Each Land's name, English as written here, German from the catalogue."""

_INSTALL: Final = "pip install 'kim-cooperation[holidays]'"


def lands_of(parties: Iterable[Party]) -> tuple[str, ...]:
    """Return the Länder of ``parties``, read from the first two digits of their AGS.

    Examples:
        >>> from kim_cooperation import presets
        >>> lands_of(presets.coesfeld().parties)
        ('NW',)
    """
    found = tuple_of(parties, Party, what="parties")
    return tuple(sorted({LANDS[party.ags[:2]] for party in found}))


@functools.cache
def _holidays_package() -> ModuleType | None:
    """The package ``holidays``, imported on first use, or ``None`` if it is not installed."""
    try:
        return importlib.import_module("holidays")
    except ImportError:
        return None


@functools.lru_cache(maxsize=1024)
def _holiday_table(land: str, year: int) -> Mapping[dt.date, tuple[str, str]]:
    """The public holidays of ``land`` in ``year``: their German and English names, by day."""
    package: Any = _holidays_package()
    german = package.country_holidays("DE", subdiv=land, years=year, language="de")
    english = package.country_holidays("DE", subdiv=land, years=year, language="en_US")
    return MappingProxyType(
        {day: (name, english.get(day, name)) for day, name in sorted(german.items())}
    )
