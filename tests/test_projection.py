from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kim_cooperation import CostStatement, InvalidTypeError, InvalidValueError, presets, settle
from kim_cooperation.projection import grow_plan, project

PLAN = presets.coesfeld_cost_plan_2023()


@settings(max_examples=30)
@given(
    first=st.integers(min_value=2023, max_value=2040),
    count=st.integers(min_value=1, max_value=6),
    personnel=st.integers(min_value=0, max_value=10**8).map(lambda cents: Decimal(cents) / 100),
)
def test_projection_equals_single_year_settlements(
    first: int, count: int, personnel: Decimal
) -> None:
    plans = {
        year: {"Nord": CostStatement(personnel=personnel + year)}
        for year in range(first, first + count)
    }
    agreement = presets.coesfeld().give_notice("Havixbeck", dt.date(2025, 3, 1))
    projection = project(agreement, range(first, first + count), plans)
    for year in range(first, first + count):
        single = settle(agreement, year, plans[year])
        result = projection.result(year)
        assert result.settlement == single
        for party in single.region("Nord").split:
            assert projection.own_share_of(party, year) == single.own_share_of(party)


def test_a_town_that_left_pays_nothing_afterwards() -> None:
    agreement = presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30))
    projection = project(agreement, range(2024, 2028), PLAN)
    assert dict(projection.own_shares_of("Rosendahl")) == {
        2024: Decimal("8125.00"),
        2025: Decimal("8125.00"),
        2026: Decimal("0.00"),
        2027: Decimal("0.00"),
    }
    assert projection.total_of("Rosendahl") == Decimal("16250.00")
    assert projection.billed_by("Coesfeld")[2026] == Decimal("21666.66")


def test_after_full_termination_no_settlement_remains() -> None:
    agreement = presets.coesfeld()
    ended = agreement.give_notices(dict.fromkeys(agreement.parties, dt.date(2024, 6, 30)))
    projection = project(ended, [2025, 2026], PLAN)
    assert projection.result(2026).settlement is None
    assert projection.own_share_of("Coesfeld", 2026) == 0
    assert projection.billing(2026) == ()
    assert projection.own_share_of("Coesfeld", 2025) == Decimal("8125.00")


def test_growth_is_compounded_exactly_and_rounded_half_up_once() -> None:
    plan = {"Nord": CostStatement(personnel=Decimal("100000.01"), equipment=Decimal("5"))}
    grown = grow_plan(plan, 3, Decimal("0.025"))
    exact = Fraction(10000001, 100) * Fraction(41, 40) ** 3
    assert grown["Nord"].personnel == Decimal("107689.07")
    assert abs(Fraction(grown["Nord"].personnel) - exact) <= Fraction(1, 200)
    assert grown["Nord"].equipment == Decimal("5.00")
    assert grow_plan(plan, 0, Decimal("0.5"))["Nord"] == plan["Nord"]


def test_base_plan_grows_from_the_first_year() -> None:
    projection = project(
        presets.coesfeld(), [2024, 2026, 2025], PLAN, personnel_growth=Fraction(1, 10)
    )
    assert projection.years == (2024, 2025, 2026)
    assert projection.plan(2024)["Nord"].personnel == Decimal("163000.00")
    assert projection.plan(2026)["Nord"].personnel == Decimal("197230.00")


@pytest.mark.parametrize(
    ("years", "plans", "growth", "message"),
    [
        ([], PLAN, 0, "at least one year"),
        ([2024, 2024], PLAN, 0, "each year may be projected once"),
        (range(2023, 2300), PLAN, 0, "at most 200 years"),
        ([2024, 2025], {2024: PLAN}, 0, r"lack the years \[2025\]"),
        ([2024], {2024: PLAN}, Decimal("0.03"), "personnel_growth applies to a base plan"),
        ([2024], {}, 0, "non-empty mapping"),
        ([2024], {2024: PLAN, "Nord": PLAN["Nord"]}, 0, "region names or by years"),
    ],
)
def test_bad_projections_are_refused(
    years: list[int], plans: object, growth: Decimal, message: str
) -> None:
    with pytest.raises(InvalidValueError, match=message):
        project(presets.coesfeld(), years, plans, personnel_growth=growth)  # type: ignore[arg-type]


def test_bad_growth_and_types() -> None:
    with pytest.raises(InvalidTypeError, match="personnel_growth must be a Fraction"):
        grow_plan(PLAN, 1, 0.03)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="at least -1"):
        grow_plan(PLAN, 1, Decimal("-1.5"))
    with pytest.raises(InvalidValueError, match="years of growth"):
        grow_plan(PLAN, -1, 0)
    with pytest.raises(InvalidTypeError, match="must be a CostStatement"):
        grow_plan({"Nord": 5}, 1, 0)  # type: ignore[dict-item]
    with pytest.raises(InvalidTypeError, match="agreement must be an Agreement"):
        project("Coesfeld", [2024], PLAN)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="2030 is not a year of this projection"):
        project(presets.coesfeld(), [2024], PLAN).result(2030)
