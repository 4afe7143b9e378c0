"""The cost plans of a projection: one per year, or a base plan grown by a yearly rate.

`grow_plan` grows a plan's personnel costs by an exact yearly rate of at
most `MAX_GROWTH_DIGITS` digits, rounded half up to cents once per year from
the exact compound value; `_plans_per_year` gives each projected year its
plan, and `_frozen_plan` keeps it as a read-only copy in the result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Final, TypeAlias

from kim_cooperation._checks import Exact, FrozenMapping, shown, to_fraction
from kim_cooperation.costs import CostStatement, _with_personnel
from kim_cooperation.errors import InvalidMoneyError, InvalidTypeError, InvalidValueError, Phrase
from kim_cooperation.i18n import N_
from kim_cooperation.money import MAX_EUROS

CostPlan: TypeAlias = Mapping[str, CostStatement]
"""A year's costs per region name, as `settle` takes them."""

MAX_GROWTH_DIGITS: Final = 20
"""The length of a growth rate: in lowest terms, numerator and denominator at most ``10**20``.

Every decimal rate of up to 20 digits (``Decimal("0.0275")`` is 11/400)
and fractions such as ``Fraction(1, 3)`` are within it. Growth over *n*
years raises ``1 + rate`` to the power *n* (up to 9,998), so a rate of
20,000 digits would take integers of hundreds of millions of digits; such
rates are refused with `InvalidValueError`.
"""
_MAX_GROWTH_PART: Final = 10**MAX_GROWTH_DIGITS
_MAX_GROWTH_YEARS: Final = dt.MAXYEAR - dt.MINYEAR


def _growth_rate(value: Exact) -> Fraction:
    """Check a yearly growth rate: exact, at least -1, within `MAX_GROWTH_DIGITS`."""
    if isinstance(value, Decimal) and value.is_finite():
        # Refused before it becomes a Fraction: a million digits would take minutes.
        digits = "".join(map(str, value.as_tuple().digits)).rstrip("0")
        if len(digits) > MAX_GROWTH_DIGITS:
            raise _long_rate(value)
    rate = to_fraction(value, what="personnel_growth")
    if abs(rate.numerator) > _MAX_GROWTH_PART or rate.denominator > _MAX_GROWTH_PART:
        raise _long_rate(value)
    if rate < -1:
        raise InvalidValueError(
            N_("personnel_growth must be at least -1, got {value}"), value=shown(value)
        )
    return rate


def _long_rate(value: Exact) -> InvalidValueError:
    text = shown(value)
    return InvalidValueError(
        N_(
            "personnel_growth must be a rate of at most "
            "{digits} digits, such as Decimal('0.0275') or Fraction(1, 3) (in lowest "
            "terms, numerator and denominator at most 10**{digits}), got {value}"
        ),
        digits=MAX_GROWTH_DIGITS,
        value=Phrase(N_("{start}... ({count:,} characters)"), start=text[:60], count=len(text))
        if len(text) > 80
        else text,
    )


def grow_plan(plan: CostPlan, years: int, personnel_growth: Exact) -> CostPlan:
    """Return ``plan`` with personnel costs grown by ``personnel_growth`` a year for ``years`` years.

    Personnel costs become ``personnel × (1 + growth) ** years``, rounded half
    up to cents; the other items stay as they are.

    Args:
        plan: The base plan per region.
        years: Years of growth, from 0 to 9998.
        personnel_growth: The yearly rate as an exact number, e.g.
            ``Decimal("0.03")`` for 3 %; at least -1, of at most
            `MAX_GROWTH_DIGITS` (20) digits: in lowest terms, numerator and
            denominator at most ``10**20``.

    Raises:
        InvalidValueError: ``years`` is outside 0 to 9998, or the rate is
            below -1 or longer than `MAX_GROWTH_DIGITS` digits.
        InvalidMoneyError: Grown personnel costs reach `MAX_EUROS`.
        InvalidTypeError: The rate is a float.

    Examples:
        >>> from decimal import Decimal
        >>> from kim_cooperation import presets
        >>> grow_plan(presets.coesfeld_cost_plan_2023(), 2, Decimal("0.03"))["Nord"].personnel
        Decimal('172926.70')
    """
    if (
        not isinstance(years, int)
        or isinstance(years, bool)
        or not 0 <= years <= _MAX_GROWTH_YEARS
    ):
        raise InvalidValueError(
            N_(
                "years of growth must be an int from 0 to {most} (the years from 1 "
                "to {last}), got {value}"
            ),
            most=_MAX_GROWTH_YEARS,
            last=dt.MAXYEAR,
            value=shown(years),
        )
    return _grown(plan, years, _growth_rate(personnel_growth), personnel_growth)


def _grown(plan: CostPlan, years: int, rate: Fraction, growth: Exact) -> CostPlan:
    """`grow_plan` for a number of years and a rate already checked (``growth`` as given)."""
    # (1 + rate) ** years on integers, in lowest terms as the rate is; personnel × that in
    # cents, rounded half up once: never negative, as the factor is not (rate at least -1).
    numerator = (rate.denominator + rate.numerator) ** years
    denominator = rate.denominator**years
    grown: dict[str, CostStatement] = {}
    for region, statement in plan.items():
        if not isinstance(statement, CostStatement):
            raise InvalidTypeError(
                f"costs of region {shown(region)} must be a CostStatement, "
                f"got {type(statement).__name__} {shown(statement)}"
            )
        personnel = (2 * statement._personnel_cents * numerator + denominator) // (2 * denominator)
        if abs(personnel) >= MAX_EUROS * 100:
            # Said here, with the rate and years, rather than as an amount of thousands of digits.
            raise InvalidMoneyError(
                N_(
                    "personnel costs of region {region} ({amount} euros) grown by {growth} a "
                    "year for {years} year reach {most:,} euros or more, beyond the largest "
                    "amount the library holds"
                )
                if years == 1
                else N_(
                    "personnel costs of region {region} ({amount} euros) grown by {growth} a "
                    "year for {years} years reach {most:,} euros or more, beyond the largest "
                    "amount the library holds"
                ),
                region=shown(region),
                amount=statement.personnel,
                growth=shown(growth),
                years=years,
                most=MAX_EUROS,
            )
        # Not negative (the rate is at least -1), whole cents, below MAX_EUROS (checked above):
        # only personnel changes, so the other items need no second check.
        grown[region] = _with_personnel(statement, personnel)
    return MappingProxyType(grown)


def _plans_per_year(
    years: list[int], plans: CostPlan | Mapping[int, CostPlan], growth: Exact
) -> dict[int, CostPlan]:
    if not isinstance(plans, Mapping) or not plans:
        raise InvalidValueError(
            N_("plans must be a non-empty mapping: a base plan by region name, or plans by year")
        )
    keys = list(plans)
    if all(isinstance(key, int) and not isinstance(key, bool) for key in keys):
        if _growth_rate(growth) != 0:
            raise InvalidValueError(
                N_(
                    "personnel_growth applies to a base plan; with plans per year put the "
                    "grown costs into the plans"
                )
            )
        per_year: Mapping[int, CostPlan] = plans  # type: ignore[assignment]
        missing = [year for year in years if year not in per_year]
        if missing:
            raise InvalidValueError(N_("plans per year lack the years {missing}"), missing=missing)
        return {year: per_year[year] for year in years}
    if not all(isinstance(key, str) for key in keys):
        raise InvalidValueError(
            N_("plans must be keyed by region names or by years, got keys {keys}"),
            keys=shown(keys),
        )
    base: CostPlan = plans  # type: ignore[assignment]
    # The rate is checked once; the years are those of a projection, within the calendar.
    rate = _growth_rate(growth)
    return {year: _grown(base, year - years[0], rate, growth) for year in years}


def _frozen_plan(plan: CostPlan) -> CostPlan:
    """Keep a year's plan as a private read-only copy that pickles, copies and hashes."""
    return plan if isinstance(plan, FrozenMapping) else FrozenMapping(plan)
