"""Tests of the annual settlement: funding, own share, split and billing (C4-C10)."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kim_cooperation import (
    Agreement,
    Clause,
    CostStatement,
    FundingRate,
    FundingSchedule,
    Interpretation,
    InvalidTypeError,
    InvalidValueError,
    NoApplicableRateError,
    Post,
    RegionSettlement,
    Settlement,
    UnknownPartyError,
    UnknownRegionError,
    financial_impact,
    presets,
    region_funding,
    settle,
)

YEAR = 2023
RATE = Decimal("55000")

# --------------------------------------------------------------------------- strategies

money = st.one_of(
    st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False, allow_infinity=False),
    # Costs near the funding, so that surpluses and small own shares occur often.
    st.decimals(min_value=0, max_value=200_000, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from([Decimal("55000"), Decimal("137500"), Decimal("137500.01")]),
)


material = st.decimals(
    min_value=0, max_value=50_000, places=2, allow_nan=False, allow_infinity=False
)


@st.composite
def cost_statements(draw: st.DrawFn) -> CostStatement:
    return CostStatement(personnel=draw(money), material_not_itemised=draw(material))


@st.composite
def cost_plans(draw: st.DrawFn) -> dict[str, CostStatement]:
    names = draw(
        st.lists(st.sampled_from(["Nord", "Mitte", "Süd"]), min_size=1, max_size=3, unique=True)
    )
    return {name: draw(cost_statements()) for name in names}


rates = st.one_of(
    st.just(RATE),
    st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False, allow_infinity=False),
)


def preset_with_rate(amount: Decimal) -> Agreement:
    schedule = FundingSchedule(
        rates=[FundingRate(valid_from=presets.START, amount=amount, source="test")]
    )
    return presets.coesfeld().with_funding(schedule)


def with_nord_posts(agreement: Agreement, *posts: Post) -> Agreement:
    nord = agreement.region("Nord")
    regions = [
        attrs.evolve(region, posts=posts) if region == nord else region
        for region in agreement.regions
    ]
    return attrs.evolve(agreement, regions=regions)


def nord_plan(total: Decimal | int = 170_000) -> Mapping[str, CostStatement]:
    return {"Nord": CostStatement(personnel=total)}


def cents(amount: Decimal) -> int:
    return int(amount * 100)


# --------------------------------------------------------------------------- properties


def _check_region(region: RegionSettlement) -> None:
    members = region.region.members
    costs = region.costs.total
    funding = region.funding.amount
    used = funding - region.surplus

    # Parts add up to the own share, exactly.
    assert sum(region.split.values(), Decimal(0)) == region.own_share
    assert region.split.amount == region.own_share
    # Own share plus the funding used covers the costs.
    assert region.own_share + used == costs
    assert region.own_share >= 0
    assert region.surplus >= 0
    # A surplus only where funding exceeds costs, and then no own share (I6).
    if region.surplus > 0:
        assert funding > costs
        assert region.own_share == 0
        assert region.surplus == funding - costs
    else:
        assert funding <= costs
        assert region.own_share == costs - funding
    # Billing lines: every member but the employer, once, owing the employer.
    assert [line.debtor for line in region.billing] == list(region.region.others)
    assert all(line.creditor == region.employer for line in region.billing)
    assert all(line.clause is Clause.C9 for line in region.billing)
    assert region.billed_total == region.own_share - region.split[region.employer]
    # Each part within one cent of the exact equal share.
    exact = Fraction(cents(region.own_share), len(members))
    for member in members:
        assert abs(cents(region.split[member]) - exact) < 1
    # All money is exact to the cent.
    for amount in (region.own_share, region.surplus, *region.split.values()):
        assert amount.as_tuple().exponent == -2


@given(plan=cost_plans())
def test_settlement_properties_for_the_preset(plan: dict[str, CostStatement]) -> None:
    settlement = settle(presets.coesfeld(), YEAR, plan)
    assert [region.region.name for region in settlement.regions] == [
        name for name in ("Nord", "Mitte", "Süd") if name in plan
    ]
    for region in settlement.regions:
        assert region.costs == plan[region.region.name]
        assert region.funding.exact == region.region.fte * Fraction(RATE)
        assert not region.funding.is_rounded
        _check_region(region)


@given(plan=cost_plans(), amount=rates)
def test_settlement_properties_for_any_rate(
    plan: dict[str, CostStatement], amount: Decimal
) -> None:
    settlement = settle(preset_with_rate(amount), YEAR, plan)
    for region in settlement.regions:
        _check_region(region)
        assert region.funding.exact == region.region.fte * Fraction(amount)
        lost = amount == 0
        assert region.funding.lost is lost
        assert region.split.clause is (Clause.C10 if lost else Clause.C4)


@given(costs=cost_statements())
def test_employer_gets_the_odd_cents_first(costs: CostStatement) -> None:
    nord = settle(presets.coesfeld(), YEAR, {"Nord": costs}).region("Nord")
    parts = [cents(nord.split[member]) for member in nord.region.members]
    employer = cents(nord.split[nord.employer])
    assert employer == max(parts)
    # Among the other towns, by AGS: earlier towns never get less.
    others = [cents(nord.split[member]) for member in nord.region.others]
    assert others == sorted(others, reverse=True)


@pytest.mark.parametrize(
    ("own_share", "expected"),
    [
        # the parts in AGS order: Billerbeck, then the employer Coesfeld, then the rest
        ("0.01", ["0.00", "0.01", "0.00", "0.00"]),
        ("0.02", ["0.01", "0.01", "0.00", "0.00"]),
        ("0.03", ["0.01", "0.01", "0.01", "0.00"]),
        ("100.01", ["25.00", "25.01", "25.00", "25.00"]),
        ("32500.02", ["8125.01", "8125.01", "8125.00", "8125.00"]),
    ],
)
def test_cents_by_largest_remainder_employer_first(own_share: str, expected: list[str]) -> None:
    costs = Decimal("137500") + Decimal(own_share)
    nord = settle(presets.coesfeld(), YEAR, nord_plan(costs)).region("Nord")
    assert nord.own_share == Decimal(own_share)
    assert [str(nord.split[member]) for member in nord.region.members] == expected
    assert nord.split.interpretation is Interpretation.I2


# --------------------------------------------------------------------------- funding


@given(
    fte=st.fractions(min_value=Fraction(1, 100), max_value=1, max_denominator=100),
    amount=rates,
)
def test_full_year_post_earns_fte_times_rate(fte: Fraction, amount: Decimal) -> None:
    schedule = FundingSchedule(
        rates=[FundingRate(valid_from=presets.START, amount=amount, source="t")]
    )
    funding = region_funding([Post(label="P", fte=fte)], YEAR, schedule)
    assert funding.exact == fte * Fraction(amount)
    assert funding.posts[0].months == tuple(range(1, 13))
    # Rounded half up to the cent.
    exact_cents = funding.exact * 100
    assert -Fraction(1, 2) < cents(funding.amount) - exact_cents <= Fraction(1, 2)
    assert funding.is_rounded is (exact_cents.denominator != 1)


def test_preset_funding_per_region() -> None:
    coesfeld = presets.coesfeld()
    amounts = {
        region.name: region_funding(region.posts, YEAR, coesfeld.funding).amount
        for region in coesfeld.regions
    }
    assert amounts == {
        "Nord": Decimal("137500"),
        "Mitte": Decimal("55000"),
        "Süd": Decimal("137500"),
    }


@pytest.mark.parametrize(
    ("start", "end", "twelfths"),
    [
        (dt.date(2023, 4, 1), None, 9),
        (dt.date(2023, 4, 2), None, 8),
        (dt.date(2023, 3, 31), None, 9),
        (dt.date(2023, 12, 1), None, 1),
        (dt.date(2023, 12, 2), None, 0),
        (None, dt.date(2023, 6, 30), 6),
        (None, dt.date(2023, 6, 29), 5),
        (dt.date(2023, 2, 15), dt.date(2023, 11, 14), 8),
        (dt.date(2022, 5, 1), None, 12),
        (dt.date(2024, 1, 1), None, 0),
        (None, dt.date(2022, 12, 31), 0),
    ],
)
def test_part_year_post_in_twelfths(
    start: dt.date | None, end: dt.date | None, twelfths: int
) -> None:
    post = Post(label="P", fte=1, employment_start=start, employment_end=end)
    funding = region_funding([post], YEAR, presets.coesfeld().funding)
    assert funding.exact == Fraction(RATE) * twelfths / 12
    assert len(funding.posts[0].months) == twelfths
    assert funding.interpretation is Interpretation.I7


def test_part_year_posts_in_a_settlement() -> None:
    agreement = with_nord_posts(
        presets.coesfeld(),
        Post(label="Nord 1", fte=1),
        Post(label="Nord 2", fte=1, employment_start=dt.date(2023, 4, 1)),
        Post(label="Nord 3", fte=Fraction(1, 2), employment_end=dt.date(2023, 9, 30)),
    )
    nord = settle(agreement, YEAR, nord_plan()).region("Nord")
    # 55,000 + 9/12 x 55,000 + 1/2 x 9/12 x 55,000 = 55,000 + 41,250 + 20,625
    assert nord.funding.amount == Decimal("116875")
    assert [item.months for item in nord.funding.posts] == [
        tuple(range(1, 13)),
        tuple(range(4, 13)),
        tuple(range(1, 10)),
    ]
    assert nord.own_share == Decimal("53125")
    assert settle(agreement, YEAR, nord_plan()).own_share_of("Havixbeck") == Decimal("13281.25")


def test_months_before_the_agreement_start_earn_nothing() -> None:
    late = attrs.evolve(presets.coesfeld(), start=dt.date(2023, 4, 1))
    nord = settle(late, YEAR, nord_plan()).region("Nord")
    assert nord.funding.amount == Decimal("103125")  # 9/12 x 137,500
    assert nord.funding.posts[0].months == tuple(range(4, 13))


def test_agreement_starting_mid_month_funds_from_the_next_month() -> None:
    late = attrs.evolve(presets.coesfeld(), start=dt.date(2023, 4, 2))
    nord = settle(late, YEAR, nord_plan()).region("Nord")
    assert nord.funding.posts[0].months == tuple(range(5, 13))
    assert nord.funding.exact == Fraction(137_500 * 8, 12)
    assert nord.funding.amount == Decimal("91666.67")


def test_rate_change_mid_year() -> None:
    agreement = presets.coesfeld()
    raised = agreement.with_funding(
        agreement.funding.with_rate(presets.announced_increase(dt.date(2023, 7, 1)))
    )
    nord = settle(raised, YEAR, nord_plan()).region("Nord")
    # 2.5 x (6 x 55,000 + 6 x 57,000) / 12 = 2.5 x 56,000
    assert nord.funding.amount == Decimal("140000")
    assert [rate.amount for rate in nord.funding.rates] == [Decimal("55000"), Decimal("57000")]
    assert not nord.funding.is_rounded
    assert nord.own_share == Decimal("30000")


def test_rate_change_mid_month_applies_from_the_next_month() -> None:
    agreement = presets.coesfeld()
    raised = agreement.funding.with_rate(presets.announced_increase(dt.date(2023, 7, 15)))
    funding = region_funding(agreement.region("Nord").posts, YEAR, raised)
    # July takes the rate of 1 July: 7 months at 55,000, 5 at 57,000.
    assert funding.exact == Fraction(5, 2) * (7 * 55000 + 5 * 57000) / 12
    assert funding.amount == Decimal("139583.33")
    assert funding.is_rounded


def test_rate_change_in_another_year_does_not_apply() -> None:
    agreement = presets.coesfeld()
    raised = agreement.funding.with_rate(presets.announced_increase(dt.date(2024, 1, 1)))
    funding = region_funding(agreement.region("Nord").posts, YEAR, raised)
    assert funding.amount == Decimal("137500")
    assert len(funding.rates) == 1
    assert region_funding(agreement.region("Nord").posts, 2024, raised).amount == Decimal("142500")


def test_rounding_is_half_up() -> None:
    schedule = FundingSchedule(
        rates=[FundingRate(valid_from=presets.START, amount=Decimal("55000.14"), source="t")]
    )
    december = Post(label="P", fte=1, employment_start=dt.date(2023, 12, 1))
    funding = region_funding([december], YEAR, schedule)
    # 55,000.14 / 12 = 4,583.345 exactly: half up gives .35 (half-even would give .34).
    assert funding.exact == Fraction(458334_5, 1000)
    assert funding.amount == Decimal("4583.35")
    assert funding.is_rounded


def test_rounding_down_below_half() -> None:
    third = Post(label="P", fte=Fraction(1, 3))
    funding = region_funding([third], YEAR, presets.coesfeld().funding)
    assert funding.exact == Fraction(55000, 3)
    assert funding.amount == Decimal("18333.33")
    assert funding.is_rounded


def test_whole_funding_is_not_rounded() -> None:
    funding = region_funding([Post(label="P", fte=1)], YEAR, presets.coesfeld().funding)
    assert not funding.is_rounded


def test_funding_needs_a_rate_for_every_funded_month() -> None:
    schedule = FundingSchedule(
        rates=[FundingRate(valid_from=dt.date(2023, 3, 1), amount=RATE, source="t")]
    )
    with pytest.raises(NoApplicableRateError, match="2023-01-01"):
        region_funding([Post(label="P", fte=1)], YEAR, schedule)
    funded = region_funding(
        [Post(label="P", fte=1)], YEAR, schedule, active_from=dt.date(2023, 3, 1)
    )
    assert funded.exact == Fraction(RATE) * 10 / 12


def test_funding_lost_mid_year_is_not_lost() -> None:
    agreement = presets.coesfeld()
    ended = agreement.with_funding(
        agreement.funding.without_funding_from(dt.date(2023, 7, 1), source="ends")
    )
    nord = settle(ended, YEAR, nord_plan()).region("Nord")
    assert nord.funding.amount == Decimal("68750")
    assert not nord.funding.lost
    assert nord.clause is Clause.C7
    # Whole years after the loss are C10.
    later = settle(ended, 2024, nord_plan()).region("Nord")
    assert later.funding.lost
    assert later.clause is Clause.C10
    assert later.own_share == Decimal("170000")


# --------------------------------------------------------------------------- surplus


def test_surplus_is_reported_not_paid_out() -> None:
    nord = settle(presets.coesfeld(), YEAR, nord_plan(100_000)).region("Nord")
    assert nord.surplus == Decimal("37500")
    assert nord.own_share == 0
    assert all(amount == 0 for amount in nord.split.values())
    assert all(line.amount == 0 for line in nord.billing)
    surplus = [line for line in nord.lines() if line.key == "surplus"]
    assert [(line.amount, line.clause) for line in surplus] == [
        (Decimal("37500"), Interpretation.I6)
    ]


def test_no_surplus_line_without_surplus() -> None:
    nord = settle(presets.coesfeld(), YEAR, nord_plan(137_500)).region("Nord")
    assert nord.surplus == 0
    assert nord.own_share == 0
    assert "surplus" not in [line.key for line in nord.lines()]


# --------------------------------------------------------------------------- lines


def test_lines_carry_their_clauses() -> None:
    nord = settle(presets.coesfeld(), YEAR, presets.coesfeld_cost_plan_2023()).region("Nord")
    lines = nord.lines()
    assert [(line.key, line.clause) for line in lines] == [
        ("costs", Clause.C8),
        ("funding", Clause.C5),
        ("own_share", Clause.C7),
        *[("part", Clause.C4)] * 4,
        *[("billing", Clause.C9)] * 3,
    ]
    assert [line.amount for line in lines[:3]] == [
        Decimal("170000"),
        Decimal("137500"),
        Decimal("32500"),
    ]
    parts = [line for line in lines if line.key == "part"]
    assert [line.party.name for line in parts if line.party] == [
        "Billerbeck",
        "Coesfeld",
        "Havixbeck",
        "Rosendahl",
    ]
    billing = [line for line in lines if line.key == "billing"]
    assert [line.description for line in billing] == [
        "Billerbeck owes Coesfeld",
        "Havixbeck owes Coesfeld",
        "Rosendahl owes Coesfeld",
    ]
    assert all(line.party is None for line in lines[:3])


def test_lines_without_funding_name_c10() -> None:
    agreement = presets.coesfeld()
    lost = agreement.with_funding(
        agreement.funding.without_funding_from(presets.START, source="ends")
    )
    lines = settle(lost, YEAR, nord_plan()).region("Nord").lines()
    clauses = {line.key: line.clause for line in lines}
    assert clauses["funding"] is Clause.C10
    assert clauses["own_share"] is Clause.C10
    assert clauses["part"] is Clause.C10
    assert clauses["billing"] is Clause.C9


# --------------------------------------------------------------------------- look-ups


def test_own_share_of_by_name_ags_and_party() -> None:
    settlement = settle(presets.coesfeld(), YEAR, presets.coesfeld_planning_costs_2023())
    duelmen = settlement.agreement.party("Dülmen")
    assert settlement.own_share_of("Dülmen") == Decimal("6500")
    assert settlement.own_share_of("Duelmen") == Decimal("6500")
    assert settlement.own_share_of("05558016") == Decimal("6500")
    assert settlement.own_share_of(duelmen) == Decimal("6500")
    assert settlement.own_share_of("Luedinghausen") == Decimal("6500")
    assert settlement.own_share_of("Havixbeck") == Decimal("8125")


def test_own_share_of_unsettled_region() -> None:
    settlement = settle(presets.coesfeld(), YEAR, presets.coesfeld_cost_plan_2023())
    with pytest.raises(
        UnknownRegionError, match=r"region 'Mitte' was not settled for 2023.*\['Nord'\]"
    ):
        settlement.own_share_of("Nottuln")
    with pytest.raises(UnknownRegionError, match="region 'Süd' was not settled"):
        settlement.region("Sued")


def test_own_share_of_unknown_party() -> None:
    settlement = settle(presets.coesfeld(), YEAR, presets.coesfeld_cost_plan_2023())
    with pytest.raises(UnknownPartyError, match="'Münster' is not a party"):
        settlement.own_share_of("Münster")


def test_region_lookup_by_ascii_name() -> None:
    settlement = settle(presets.coesfeld(), YEAR, presets.coesfeld_planning_costs_2023())
    assert settlement.region("Sued").region.name == "Süd"
    assert settlement.region("Süd") is settlement.region("sud")
    assert settlement.region(settlement.agreement.regions[1]).region.name == "Mitte"
    with pytest.raises(UnknownRegionError, match="'West' is not a region"):
        settlement.region("West")


def test_costs_keyed_by_ascii_name_and_ordered_as_the_agreement() -> None:
    plan = {
        "Sued": CostStatement(personnel=170_000),
        "nord": CostStatement(personnel=170_000),
        "MITTE": CostStatement(personnel=68_000),
    }
    settlement = settle(presets.coesfeld(), YEAR, plan)
    assert [region.region.name for region in settlement.regions] == ["Nord", "Mitte", "Süd"]
    assert settlement.billing[0].creditor.name == "Coesfeld"
    assert {line.creditor.name for line in settlement.billing} == {
        "Coesfeld",
        "Dülmen",
        "Ascheberg",
    }
    assert len(settlement.billing) == 3 + 1 + 4


# --------------------------------------------------------------------------- errors


def test_year_before_the_agreement_start() -> None:
    with pytest.raises(
        InvalidValueError, match="cannot settle 2022: the agreement starts on 2023-01-01"
    ):
        settle(presets.coesfeld(), 2022, presets.coesfeld_cost_plan_2023())


def test_empty_costs() -> None:
    with pytest.raises(InvalidValueError, match="at least one region"):
        settle(presets.coesfeld(), YEAR, {})


def test_unknown_region() -> None:
    with pytest.raises(UnknownRegionError, match="'West' is not a region"):
        settle(presets.coesfeld(), YEAR, {"West": CostStatement()})


def test_region_named_twice() -> None:
    with pytest.raises(InvalidValueError, match=r"costs name region 'Süd' twice \('Sued'\)"):
        settle(presets.coesfeld(), YEAR, {"Süd": CostStatement(), "Sued": CostStatement()})


def test_costs_not_a_cost_statement() -> None:
    bad: Any = {"Nord": Decimal("170000")}
    with pytest.raises(
        InvalidTypeError, match=r"costs of region 'Nord' must be a CostStatement, got Decimal"
    ):
        settle(presets.coesfeld(), YEAR, bad)


def test_costs_not_a_mapping() -> None:
    bad: Any = [CostStatement()]
    with pytest.raises(InvalidTypeError, match="got list"):
        settle(presets.coesfeld(), YEAR, bad)


@pytest.mark.parametrize("year", [2023.0, "2023", True, Decimal(2023)])
def test_year_of_wrong_type(year: Any) -> None:
    with pytest.raises(InvalidTypeError, match="year must be an int"):
        settle(presets.coesfeld(), year, presets.coesfeld_cost_plan_2023())


def test_not_an_agreement() -> None:
    bad: Any = "Coesfeld"
    with pytest.raises(InvalidTypeError, match="agreement must be an Agreement, got str"):
        settle(bad, YEAR, presets.coesfeld_cost_plan_2023())


# --------------------------------------------------------------------------- decimal context


def _everything() -> tuple[Settlement, Settlement, list[Decimal | None]]:
    agreement = presets.coesfeld()
    odd = {
        "Nord": CostStatement(personnel=Decimal("163000.01"), equipment=Decimal("7000.02")),
        "Mitte": CostStatement(personnel=Decimal("99999.99")),
        "Süd": CostStatement(administration=Decimal("123456.78")),
    }
    third = with_nord_posts(agreement, Post(label="Nord 1", fte=Fraction(1, 3)))
    first = settle(third, YEAR, odd)
    second = settle(agreement, YEAR, presets.coesfeld_planning_costs_2023())
    amounts = [
        line.amount
        for party in agreement.parties
        for settlement in (first, second)
        for layout in ("council-paper", "nkf")
        for line in financial_impact(settlement, party, layout=layout).result
    ]
    return first, second, amounts


def test_results_do_not_depend_on_the_decimal_context() -> None:
    expected = _everything()
    with decimal.localcontext() as context:
        context.prec = 2
        context.rounding = decimal.ROUND_FLOOR
        context.traps[decimal.Inexact] = True
        context.traps[decimal.Rounded] = True
        got = _everything()
    assert got == expected
    first = expected[0]
    assert first.region("Nord").funding.amount == Decimal("18333.33")
    assert first.region("Nord").own_share == Decimal("151666.70")
