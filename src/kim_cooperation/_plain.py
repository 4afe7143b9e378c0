"""Plain data of the terms and figures that several results share: costs, rates, splits, spans.

Used by the results' ``to_dict`` (`kim_cooperation.export.to_dict`):
money as text with two places, fractions as text (``"5/2"``), days ISO,
every figure with its clause.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kim_cooperation._table import money, party

if TYPE_CHECKING:
    from kim_cooperation.costs import CostStatement
    from kim_cooperation.funding import FundingRate
    from kim_cooperation.policy import Policies
    from kim_cooperation.spans import Span
    from kim_cooperation.split import Allocation

__all__ = ["costs", "policies", "rate", "span", "split"]


def policies(chosen: Policies) -> dict[str, object]:
    """The interpretation choices (`Policies`) by name."""
    return {
        "withdrawal_scope": chosen.withdrawal_scope.value,
        "part_year_funding": chosen.part_year_funding.value,
        "wind_down_scope": chosen.wind_down_scope.value,
        "population_reference": chosen.population_reference.value,
        "span_weighting": chosen.span_weighting.value,
        "withdrawal_split": chosen.withdrawal_split.value,
        "no_funding_split": chosen.no_funding_split.value,
        "wind_down_split": chosen.wind_down_split.value,
    }


def costs(statement: CostStatement) -> dict[str, object]:
    """A cost statement (C8): its items, personnel and material costs, total."""
    return {
        "items": {item.value: money(amount) for item, amount in statement.items()},
        "personnel_costs": money(statement.personnel_costs),
        "material_and_services": money(statement.material_and_services),
        "total": money(statement.total),
        "clause": statement.clause.value,
    }


def rate(funding_rate: FundingRate) -> dict[str, object]:
    """A funding rate (C5, C6) and the day it applies from."""
    return {
        "valid_from": funding_rate.valid_from.isoformat(),
        "amount": money(funding_rate.amount),
        "source": funding_rate.source,
        "clause": funding_rate.clause.value,
    }


def split(allocation: Allocation) -> dict[str, object]:
    """A split (C4, C12, C13): each share's weight, exact amount, cents and extra cent."""
    return {
        "amount": money(allocation.amount),
        "clause": allocation.clause.value,
        "interpretation": allocation.interpretation.value,
        "first": None if allocation.first is None else party(allocation.first),
        "shares": [
            {
                "party": party(share.party),
                "weight": str(share.weight),
                "exact": str(share.exact),
                "amount": money(share.amount),
                "extra_cent": share.extra_cent,
            }
            for share in allocation.shares
        ],
    }


def span(part: Span) -> dict[str, object]:
    """A span of a year with the same members and employer (I10)."""
    return {
        "first_day": part.first_day.isoformat(),
        "last_day": part.last_day.isoformat(),
        "months": part.months,
        "days": part.days,
        "weight": str(part.weight),
        "members": [party(member) for member in part.members],
        "employer": party(part.employer),
        "shares": [
            {"party": party(bearer), "share": str(share)} for bearer, share in part.shares.items()
        ],
        "clause": part.clause.value,
        "interpretation": part.interpretation.value,
    }
