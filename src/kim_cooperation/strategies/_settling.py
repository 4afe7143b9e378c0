"""Strategies for what `settle` takes with an agreement: the years to settle and a year's costs.

`settlement_years` draws the years an agreement can be settled for (its
keys split them, I9, I11; years with a change of members included, I10);
`cost_plans` draws a year's costs per region (C8), keyed by region name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from kim_cooperation._checks import shown
from kim_cooperation.agreement import Agreement
from kim_cooperation.costs import CostStatement
from kim_cooperation.errors import NoPopulationCountError, UndecidedCaseError
from kim_cooperation.keys import KeyKind
from kim_cooperation.money import Money
from kim_cooperation.spans import year_spans
from kim_cooperation.strategies._arguments import _check_agreement, _check_int
from kim_cooperation.strategies._money import _draw_costs, _max_item_cents


def settlement_years(agreement: Agreement, *, max_years: int = 10) -> st.SearchStrategy[int]:
    """Years `settle` accepts for ``agreement`` with any costs, within ``max_years`` of its start.

    A year qualifies if the agreement has not ended before it and every
    region's key can split it: a population key finds each town's count on
    or before the reference day (I9), and under ``withdrawal_split="key"``
    the towns that remain do not all weigh zero (I11). Years in which
    members change are included; `settle` settles them pro rata temporis
    (I10). For agreements drawn by `agreements` every year up to the
    agreement's end qualifies. Shrinks towards the agreement's first year.

    Args:
        agreement: The agreement to settle.
        max_years: How many years, from the start year on, are considered.

    Returns:
        A strategy for years; it draws nothing (the example is rejected) if
        no year qualifies.

    Raises:
        InvalidArgument: ``agreement`` is not an `Agreement`, or
            ``max_years`` is not a positive int.

    Examples:
        >>> from hypothesis import find
        >>> from kim_cooperation import presets
        >>> find(settlement_years(presets.coesfeld()), lambda year: year > 2024)
        2025

        The example agreement's counts start as of 31 December 2023; read
        with the counts of the year before last, 2024 has none:

        >>> from kim_cooperation import Policies
        >>> older = presets.example().with_policies(
        ...     Policies(population_reference="year-end-before-last"))
        >>> find(settlement_years(older), lambda year: True)
        2025
    """
    _check_agreement(agreement)
    _check_int(max_years, "max_years", low=1)
    first = agreement.start.year
    ends = agreement.ends
    years = [
        year
        for year in range(first, min(first + max_years, dt.MAXYEAR + 1))
        if (ends is None or ends.year >= year) and _keys_split(agreement, year)
    ]
    return st.sampled_from(years) if years else st.nothing()


def _keys_split(agreement: Agreement, year: int) -> bool:
    """Tell whether every region's key splits ``year`` (I9, I11); equal parts always do."""
    for region in agreement.regions:
        if region.split_key.kind is KeyKind.EQUAL:
            continue
        try:
            year_spans(agreement, region, year)
        except (NoPopulationCountError, UndecidedCaseError):
            return False
    return True


@st.composite
def _cost_plans(
    draw: st.DrawFn, names: tuple[str, ...], all_regions: bool, max_cents: int
) -> dict[str, CostStatement]:
    chosen: Sequence[int] = range(len(names))
    if not all_regions:
        picked = st.lists(
            st.integers(min_value=0, max_value=len(names) - 1),
            min_size=1,
            max_size=len(names),
            unique=True,
        )
        chosen = sorted(draw(picked))
    return {names[index]: _draw_costs(draw, max_cents) for index in chosen}


def cost_plans(
    agreement: Agreement, *, all_regions: bool = True, max_value: Money = 250_000
) -> st.SearchStrategy[dict[str, CostStatement]]:
    """A year's costs per region of ``agreement``, keyed by region name, as `settle` takes them.

    Args:
        agreement: The agreement whose regions get costs.
        all_regions: ``True`` (default) for costs of every region, ``False``
            for a non-empty selection (`settle` settles only the regions
            given, as the council paper gives costs for Region Nord only).
        max_value: The largest amount of one cost item (see `cost_statements`).

    Returns:
        A strategy for dicts of region name to `CostStatement`.

    Raises:
        InvalidArgument: ``agreement`` is not an `Agreement`, or
            ``max_value`` is negative or not exact money.

    Examples:
        >>> from hypothesis import given, settings
        >>> from kim_cooperation import presets, settle
        >>> coesfeld = presets.coesfeld()
        >>> @settings(max_examples=10, derandomize=True, database=None, deadline=None)
        ... @given(cost_plans(coesfeld, all_regions=False))
        ... def test_settles_the_regions_given(plan):
        ...     settlement = settle(coesfeld, 2023, plan)
        ...     assert [region.region.name for region in settlement.regions] == list(plan)
        >>> test_settles_the_regions_given()
    """
    _check_agreement(agreement)
    if not isinstance(all_regions, bool):
        raise InvalidArgument(f"all_regions must be a bool, got {shown(all_regions)}")
    names = tuple(region.name for region in agreement.regions)
    return _cost_plans(names, all_regions, _max_item_cents(max_value))
