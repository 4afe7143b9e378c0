"""The growth check: where each year's cost plan comes from, checked against the growth said (C8).

A caller who grew a projection's plans from a base plan
(``personnel_growth``) says so; `_sources` checks that every later year's
plan is the first year's grown by that rate (`kim_cooperation.projection.grow_plan`)
and names the first year's plan the base plan and every later one a
planning assumption, the rate given exactly (`_percent`). `_rates` spreads
a comparison's growth, one rate for all or a rate per scenario, over its
scenarios.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from kim_cooperation._checks import Exact, shown, to_fraction
from kim_cooperation.errors import InvalidValueError, Phrase
from kim_cooperation.formatting import format_fraction, terminating_places
from kim_cooperation.i18n import N_, translate
from kim_cooperation.projection import grow_plan

if TYPE_CHECKING:
    from kim_cooperation.formatting import Lang
    from kim_cooperation.projection import Projection
    from kim_cooperation.scenario import Comparison


def _sources(projection: Projection, growth: Exact | None, lang: Lang) -> dict[int, str]:
    """Where each year's plan comes from: the base plan, or grown from it (a planning assumption).

    Raises:
        InvalidValueError: A plan is not the first year's grown by ``growth``.
    """
    years = projection.years
    if growth is None:
        return {year: translate(N_("cost plan used for the year"), lang) for year in years}
    rate = to_fraction(growth, what="personnel_growth")
    first = years[0]
    base = projection.plan(first)
    sources = {first: translate(N_("base plan"), lang)}
    for year in years[1:]:
        if dict(grow_plan(base, year - first, growth)) != dict(projection.plan(year)):
            raise InvalidValueError(
                N_(
                    "the cost plan of {year} is not the {first} plan with its personnel costs "
                    "grown by {growth} a year; pass the personnel_growth the projection was "
                    "made with, or none"
                ),
                year=year,
                first=first,
                growth=shown(growth),
            )
        template = (
            N_("planning assumption: the {first} plan, unchanged")
            if rate == 0
            else N_(
                "planning assumption: personnel costs of the {first} plan grown by {rate} % a "
                "year, rounded to cents"
            )
        )
        sources[year] = Phrase(template, first=first, rate=_percent(rate)).describe(lang)
    return sources


def _percent(rate: Fraction) -> Decimal | str:
    """A rate in percent, exactly: ``3``, ``2.75`` (a comma in German), or ``100/3``."""
    percent = rate * 100
    places = terminating_places(percent.denominator)
    if places is None:
        return format_fraction(percent)
    return Decimal(percent.numerator * 10**places // percent.denominator).scaleb(-places)


def _rates(comparison: Comparison, growth: Exact | Mapping[str, Exact] | None) -> dict[str, Exact]:
    """The growth of each scenario's plans, by scenario name."""
    if growth is None:
        return {}
    if not isinstance(growth, Mapping):
        return dict.fromkeys(comparison.names, growth)
    for name in growth:
        if name not in comparison.names:
            raise InvalidValueError(
                N_("personnel_growth names no scenario {name}; scenarios are {names}"),
                name=shown(name),
                names=list(comparison.names),
            )
    return dict(growth)
