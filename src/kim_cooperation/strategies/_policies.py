"""Strategy for policies: any combination of the interpretation choices (I3, I5, I7, I9–I13)."""

from __future__ import annotations

from hypothesis import strategies as st

from kim_cooperation.policy import (
    PartYearFunding,
    Policies,
    PopulationReference,
    ShareBasis,
    SpanWeighting,
    WindDownScope,
    WithdrawalScope,
)
from kim_cooperation.strategies._drawing import _choose


@st.composite
def _policies(draw: st.DrawFn) -> Policies:
    scope = _choose(draw, tuple(WithdrawalScope))
    passing = _choose(draw, tuple(ShareBasis))
    if scope is WithdrawalScope.AGREEMENT:
        # A share cannot pass by a region's key to the parties of other regions (I3,
        # I11). Drawn all the same, so every combination takes as many draws and
        # examples shrink towards the defaults, not towards fewer draws.
        passing = ShareBasis.EQUAL
    return Policies(
        withdrawal_scope=scope,
        part_year_funding=_choose(draw, tuple(PartYearFunding)),
        wind_down_scope=_choose(draw, tuple(WindDownScope)),
        population_reference=_choose(draw, tuple(PopulationReference)),
        span_weighting=_choose(draw, tuple(SpanWeighting)),
        withdrawal_split=passing,
        no_funding_split=_choose(draw, tuple(ShareBasis)),
        wind_down_split=_choose(draw, tuple(ShareBasis)),
    )


def policies() -> st.SearchStrategy[Policies]:
    """Policies: any combination of the interpretation choices (I3, I5, I7, I9–I13).

    Every combination `Policies` accepts: all but ``withdrawal_scope="agreement"``
    with ``withdrawal_split="key"``, which it refuses.

    Returns:
        A strategy for `Policies`; shrinks towards the defaults.

    Examples:
        >>> from hypothesis import find
        >>> from kim_cooperation import DEFAULT_POLICIES
        >>> find(policies(), lambda policies: True) == DEFAULT_POLICIES
        True
        >>> find(policies(), lambda policies: policies.withdrawal_split == "key").withdrawal_scope
        <WithdrawalScope.REGION: 'region'>
    """
    return _policies()
