"""Tests of the financial-impact statement for every town of the preset."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coesfeld import TOWNS
from kim_cooperation import (
    Clause,
    CostStatement,
    FinancialImpact,
    InvalidTypeError,
    InvalidValueError,
    Layout,
    Policies,
    Role,
    Settlement,
    UnknownPartyError,
    UnknownRegionError,
    financial_impact,
    presets,
    settle,
)

EMPLOYERS = {"Coesfeld", "Dülmen", "Ascheberg"}


def planning() -> Settlement:
    return settle(presets.coesfeld(), 2023, presets.coesfeld_planning_costs_2023())


def amount(impact: FinancialImpact, key: str) -> Decimal:
    value = impact.line(key).amount
    assert value is not None
    return value


def result_amount(impact: FinancialImpact, key: str) -> Decimal:
    (line,) = [line for line in impact.result if line.key == key]
    assert line.amount is not None
    return line.amount


def test_the_preset_has_these_towns() -> None:
    assert tuple(party.name for party in presets.coesfeld().parties) == TOWNS


@pytest.mark.parametrize("layout", list(Layout))
@pytest.mark.parametrize("town", TOWNS)
def test_balance_is_minus_the_own_share(town: str, layout: Layout) -> None:
    settlement = planning()
    impact = financial_impact(settlement, town, layout=layout)
    own_share = settlement.own_share_of(town)
    assert own_share > 0
    assert impact.own_share == own_share
    assert result_amount(impact, "balance") == -own_share
    assert impact.line("balance", table="result").amount == -own_share
    assert impact.line("balance", table="result").clause is Clause.C7
    if layout is Layout.NKF:
        assert impact.line("balance", table="finance").amount == -own_share


@pytest.mark.parametrize("town", TOWNS)
def test_role(town: str) -> None:
    impact = financial_impact(planning(), town)
    expected = Role.EMPLOYER if town in EMPLOYERS else Role.MEMBER
    assert impact.role is expected
    assert impact.party.name == town
    assert impact.region.region == presets.coesfeld().region_of(town)


@pytest.mark.parametrize("town", sorted(EMPLOYERS))
def test_employer_costs_less_receipts_is_own_share(town: str) -> None:
    impact = financial_impact(planning(), town)
    costs = amount(impact, "total_costs")
    grants = amount(impact, "grants")
    receipts = amount(impact, "other_receipts")
    assert costs - grants - receipts == amount(impact, "own_share")
    assert costs == impact.region.costs.total
    assert grants == impact.region.funding.amount
    assert receipts == impact.region.billed_total
    assert amount(impact, "service_fees") == receipts
    assert amount(impact, "reimbursements") == grants
    assert amount(impact, "personnel") + amount(impact, "material_services") == costs


@pytest.mark.parametrize("town", sorted(set(TOWNS) - EMPLOYERS))
def test_member_pays_its_part(town: str) -> None:
    settlement = planning()
    impact = financial_impact(settlement, town)
    part = settlement.own_share_of(town)
    assert amount(impact, "total_costs") == part
    assert amount(impact, "grants") == 0
    assert amount(impact, "other_receipts") == 0
    assert amount(impact, "own_share") == part
    assert amount(impact, "personnel") == 0
    assert amount(impact, "material_services") == part
    nkf = financial_impact(settlement, town, layout="nkf")
    assert result_amount(nkf, "transfers") == part
    assert result_amount(nkf, "material_services") == 0


@pytest.mark.parametrize("town", TOWNS)
def test_layouts_agree_on_the_balance_and_totals(town: str) -> None:
    settlement = planning()
    paper = financial_impact(settlement, town)
    nkf = financial_impact(settlement, town, layout=Layout.NKF)
    assert paper.layout is Layout.COUNCIL_PAPER
    assert nkf.layout is Layout.NKF
    for key in ("balance", "income_total", "expenses_total"):
        assert result_amount(paper, key) == result_amount(nkf, key)
    assert [line.key for line in paper.result] != [line.key for line in nkf.result]


@pytest.mark.parametrize("town", TOWNS)
def test_totals_add_up(town: str) -> None:
    for layout in Layout:
        impact = financial_impact(planning(), town, layout=layout)
        lines = list(impact.result)
        keys = [line.key for line in lines]
        income_at = keys.index("income_total")
        expenses_at = keys.index("expenses_total")
        income = sum(
            (line.amount for line in lines[:income_at] if line.amount is not None), Decimal(0)
        )
        expenses = sum(
            (
                line.amount
                for line in lines[income_at + 1 : expenses_at]
                if line.amount is not None
            ),
            Decimal(0),
        )
        assert result_amount(impact, "income_total") == income
        assert result_amount(impact, "expenses_total") == expenses
        assert result_amount(impact, "balance") == income - expenses


def test_default_layout_is_the_council_papers() -> None:
    impact = financial_impact(planning(), "Coesfeld")
    assert impact.layout is Layout.COUNCIL_PAPER
    assert impact.line("service_fees").label == "Leistungsentgelte"
    assert financial_impact(planning(), "Coesfeld", layout="council-paper") == impact


@pytest.mark.parametrize("layout", ["NKF", "paper", "", "council_paper"])
def test_unknown_layout(layout: str) -> None:
    with pytest.raises(InvalidValueError, match=f"layout must be one of .*got {layout!r}"):
        financial_impact(planning(), "Coesfeld", layout=layout)


def test_unknown_line_key() -> None:
    impact = financial_impact(planning(), "Coesfeld")
    with pytest.raises(KeyError, match="no line 'transfers' in the council-paper layout"):
        impact.line("transfers")
    with pytest.raises(KeyError, match="'nonsense'"):
        financial_impact(planning(), "Coesfeld", layout="nkf").line("nonsense")
    with pytest.raises(KeyError, match="no line 'own_share'"):
        impact.line("own_share", table="result")


def test_ambiguous_line_key_needs_a_table() -> None:
    impact = financial_impact(planning(), "Coesfeld", layout="nkf")
    with pytest.raises(InvalidValueError, match=r"'balance' is in both .* pass table="):
        impact.line("balance")
    with pytest.raises(InvalidValueError, match="table must be 'finance' or 'result', got 'x'"):
        impact.line("own_share", table="x")  # type: ignore[arg-type]
    assert impact.line("receipts_total").label == (
        "Einzahlungen aus laufender Verwaltungstätigkeit"
    )


def test_unknown_party() -> None:
    with pytest.raises(UnknownPartyError, match="'Münster' is not a party"):
        financial_impact(planning(), "Münster")


def test_unsettled_region() -> None:
    settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
    with pytest.raises(UnknownRegionError, match="'Süd' was not settled"):
        financial_impact(settlement, "Olfen")


def test_not_a_settlement() -> None:
    bad: Any = presets.coesfeld()
    with pytest.raises(InvalidTypeError, match="settlement must be a Settlement, got Agreement"):
        financial_impact(bad, "Coesfeld")


def test_party_by_ags_and_ascii_name() -> None:
    settlement = planning()
    by_name = financial_impact(settlement, "Lüdinghausen")
    assert financial_impact(settlement, "Luedinghausen") == by_name
    assert financial_impact(settlement, "05558024") == by_name
    assert financial_impact(settlement, by_name.party) == by_name


def test_surplus_funding_is_not_booked() -> None:
    settlement = settle(presets.coesfeld(), 2023, {"Mitte": CostStatement(personnel=50_000)})
    impact = financial_impact(settlement, "Dülmen")
    # Funding 55,000 against costs 50,000: only what covers the costs is booked (I6).
    assert impact.region.surplus == Decimal("5000")
    assert amount(impact, "grants") == Decimal("50000")
    assert amount(impact, "other_receipts") == 0
    assert amount(impact, "own_share") == 0
    assert amount(impact, "balance") == 0
    nottuln = financial_impact(settlement, "Nottuln")
    assert amount(nottuln, "total_costs") == 0
    assert amount(nottuln, "balance") == 0


def test_loss_of_funding_names_c10() -> None:
    agreement = presets.coesfeld()
    lost = agreement.with_funding(
        agreement.funding.without_funding_from(dt.date(2023, 1, 1), source="ends")
    )
    settlement = settle(lost, 2023, presets.coesfeld_planning_costs_2023())
    impact = financial_impact(settlement, "Ascheberg", layout="nkf")
    assert impact.line("grants", table="finance").clause is Clause.C10
    assert impact.line("grants", table="result").clause is Clause.C10
    assert result_amount(impact, "balance") == Decimal("-34000")  # 170,000 / 5


@given(
    costs=st.decimals(
        min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False
    )
)
def test_balances_of_a_region_add_up_to_its_own_share(costs: Decimal) -> None:
    settlement = settle(presets.coesfeld(), 2023, {"Süd": CostStatement(personnel=costs)})
    region = settlement.region("Süd")
    balances = [
        financial_impact(settlement, member, layout=layout).line("balance", table="result").amount
        for member in region.region.members
        for layout in Layout
    ]
    assert all(balance is not None for balance in balances)
    total = sum((balance for balance in balances if balance is not None), Decimal(0))
    assert total == -2 * region.own_share
    employer = financial_impact(settlement, region.employer)
    assert (
        amount(employer, "total_costs")
        - amount(employer, "grants")
        - amount(employer, "other_receipts")
        == amount(employer, "own_share")
        == region.split[region.employer]
    )


def test_a_town_that_has_left_has_no_statement() -> None:
    agreement = presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30))
    settlement = settle(agreement, 2026, presets.coesfeld_planning_costs_2023())
    with pytest.raises(
        InvalidValueError, match=r"Rosendahl left the agreement on 2025-12-31.*\(C12\)"
    ):
        financial_impact(settlement, "Rosendahl")


@pytest.mark.parametrize("layout", ["council-paper", "nkf"])
def test_statements_follow_the_literal_withdrawal_reading(layout: str) -> None:
    agreement = (
        presets.coesfeld()
        .give_notice("Rosendahl", dt.date(2024, 6, 30))
        .with_policies(Policies(withdrawal_scope="agreement"))
    )
    settlement = settle(agreement, 2026, presets.coesfeld_planning_costs_2023())
    for party in agreement.members_on(dt.date(2026, 1, 1)):
        impact = financial_impact(settlement, party, layout=layout)
        assert impact.line("balance", table="result").amount == -settlement.own_share_of(party)
    ascheberg = financial_impact(settlement, "Ascheberg", layout="nkf")
    assert ascheberg.line("transfers", table="result").amount == Decimal("812.50")
