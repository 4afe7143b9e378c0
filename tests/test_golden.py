"""The council paper's figures for Region Nord (Coesfeld, 2023), reproduced to the cent.

Source: Stadt Coesfeld, council paper 2023 "Kommunales Case-Management -
Interkommunale Zusammenarbeit" (/work/shared/domain/council-paper.txt) and
the summary in AGREEMENT.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from kim_cooperation import (
    Clause,
    FinancialImpact,
    FundingSchedule,
    Layout,
    Role,
    Settlement,
    financial_impact,
    presets,
    settle,
)

NORD_TOWNS = ("Billerbeck", "Coesfeld", "Havixbeck", "Rosendahl")
PAYING_TOWNS = ("Billerbeck", "Havixbeck", "Rosendahl")


def paper_settlement() -> Settlement:
    return settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())


def coesfeld_impact(layout: Layout | str = Layout.COUNCIL_PAPER) -> FinancialImpact:
    return financial_impact(paper_settlement(), "Coesfeld", layout=layout)


# The council paper's two tables for Coesfeld, line by line. ``None`` is a
# line the paper leaves empty.
PAPER_LINES: list[tuple[str, str, Decimal | None]] = [
    # Finanzrechnung
    ("total_costs", "Gesamtkosten der Maßnahme", Decimal("170000")),
    ("grants", "Objektbezogene Einzahlungen (Zuschüsse/Beiträge)", Decimal("137500")),
    ("other_receipts", "Sonstige Einzahlungen", Decimal("24375")),
    ("own_share", "Eigenanteil", Decimal("8125")),
    # Ergebnisrechnung
    ("service_fees", "Leistungsentgelte", Decimal("24375")),
    ("reimbursements", "Kostenerstattungen", Decimal("137500")),
    ("other_income", "sonstige Erträge", Decimal("0")),
    ("income_total", "Summe der Erträge", Decimal("161875")),
    ("personnel", "Personalaufwendungen", Decimal("163000")),
    ("material_services", "Aufw. für Sach- u. Dienstleistungen", Decimal("7000")),
    ("depreciation", "Abschreibungen (netto, d. h. nach Auflösung SoPo)", None),
    ("other_expenses", "sonstige Aufwendungen", None),
    ("expenses_total", "Summe der Aufwendungen", Decimal("170000")),
    ("balance", "Überschuss (+) / Defizit (-)", Decimal("-8125")),
]


@pytest.mark.parametrize(("key", "label", "expected"), PAPER_LINES)
def test_council_paper_line(key: str, label: str, expected: Decimal | None) -> None:
    line = coesfeld_impact().line(key)
    assert line.label == label
    if expected is None:
        assert line.amount is None
    else:
        assert line.amount is not None
        assert line.amount == expected
        # Exact to the cent, always two places.
        assert line.amount.as_tuple().exponent == -2


def test_council_paper_tables_in_the_papers_order() -> None:
    impact = coesfeld_impact()
    assert [(line.key, line.amount) for line in impact.finance] == [
        (key, amount) for key, _, amount in PAPER_LINES[:4]
    ]
    assert [(line.key, line.amount) for line in impact.result] == [
        (key, amount) for key, _, amount in PAPER_LINES[4:]
    ]


def test_coesfeld_is_the_employer() -> None:
    impact = coesfeld_impact()
    assert impact.role is Role.EMPLOYER
    assert impact.party.name == "Coesfeld"
    assert impact.year == 2023
    assert impact.recurring
    assert impact.own_share == Decimal("8125")


def test_totals_are_flagged() -> None:
    impact = coesfeld_impact()
    totals = {line.key for line in impact.result if line.is_total}
    assert totals == {"income_total", "expenses_total", "balance"}


def test_clauses_of_the_paper_lines() -> None:
    impact = coesfeld_impact()
    assert impact.line("total_costs").clause is Clause.C8
    assert impact.line("grants").clause is Clause.C5
    assert impact.line("other_receipts").clause is Clause.C9
    assert impact.line("own_share").clause is Clause.C7
    assert impact.line("balance").clause is Clause.C7


def test_how_the_figures_arise() -> None:
    nord = paper_settlement().region("Nord")
    assert nord.costs.total == Decimal("170000")
    assert nord.costs.personnel_costs == Decimal("163000")
    assert nord.costs.material_and_services == Decimal("7000")
    # 2.5 FTE x 55,000
    assert nord.funding.amount == Decimal("137500")
    assert not nord.funding.is_rounded
    # 170,000 - 137,500
    assert nord.own_share == Decimal("32500")
    assert nord.surplus == 0
    assert nord.clause is Clause.C7


def test_own_share_split_equally_among_the_four_nord_towns() -> None:
    settlement = paper_settlement()
    nord = settlement.region("Nord")
    assert {member.name: amount for member, amount in nord.split.items()} == dict.fromkeys(
        NORD_TOWNS, Decimal("8125")
    )
    assert nord.split.clause is Clause.C4
    assert not any(share.extra_cent for share in nord.split.shares)
    for town in NORD_TOWNS:
        assert settlement.own_share_of(town) == Decimal("8125")


def test_billing_lines_c9() -> None:
    settlement = paper_settlement()
    assert [
        (line.debtor.name, line.creditor.name, line.amount, line.clause, line.year)
        for line in settlement.billing
    ] == [(town, "Coesfeld", Decimal("8125"), Clause.C9, 2023) for town in PAYING_TOWNS]
    # 3 x 8,125 = 24,375, the paper's "Sonstige Einzahlungen".
    assert settlement.region("Nord").billed_total == Decimal("24375")


def test_only_nord_is_settled_from_the_papers_plan() -> None:
    assert [region.region.name for region in paper_settlement().regions] == ["Nord"]


# --------------------------------------------------------------------------- variants


def _settled_57000_from_2023() -> Settlement:
    agreement = presets.coesfeld()
    # A rate already starts on 2023-01-01, so the schedule is built anew.
    raised = FundingSchedule(rates=[presets.announced_increase(dt.date(2023, 1, 1))])
    return settle(agreement.with_funding(raised), 2023, presets.coesfeld_cost_plan_2023())


def _settled_57000_from_2024() -> Settlement:
    agreement = presets.coesfeld()
    raised = agreement.funding.with_rate(presets.announced_increase(dt.date(2024, 1, 1)))
    plan = {"Nord": presets.coesfeld_cost_plan_2023()["Nord"]}
    return settle(agreement.with_funding(raised), 2024, plan)


@pytest.mark.parametrize("settled", [_settled_57000_from_2023, _settled_57000_from_2024])
def test_announced_increase_to_57000(settled: Callable[[], Settlement]) -> None:
    settlement = settled()
    nord = settlement.region("Nord")
    assert nord.funding.amount == Decimal("142500")
    assert nord.own_share == Decimal("27500")
    assert [rate.clause for rate in nord.funding.rates] == [Clause.C6]
    for town in NORD_TOWNS:
        assert settlement.own_share_of(town) == Decimal("6875")
    assert [line.amount for line in settlement.billing] == [Decimal("6875")] * 3
    impact = financial_impact(settlement, "Coesfeld")
    assert impact.line("grants").amount == Decimal("142500")
    assert impact.line("other_receipts").amount == Decimal("20625")
    assert impact.line("own_share").amount == Decimal("6875")
    assert impact.line("balance").amount == Decimal("-6875")


def test_increase_from_2024_leaves_2023_unchanged() -> None:
    agreement = presets.coesfeld()
    raised = agreement.with_funding(
        agreement.funding.with_rate(presets.announced_increase(dt.date(2024, 1, 1)))
    )
    settlement = settle(raised, 2023, presets.coesfeld_cost_plan_2023())
    assert settlement.own_share_of("Rosendahl") == Decimal("8125")


def _settled_without_funding() -> Settlement:
    agreement = presets.coesfeld()
    lost = agreement.funding.without_funding_from(dt.date(2023, 1, 1), source="C10 case")
    return settle(agreement.with_funding(lost), 2023, presets.coesfeld_cost_plan_2023())


def test_loss_of_funding_c10() -> None:
    settlement = _settled_without_funding()
    nord = settlement.region("Nord")
    assert nord.funding.amount == 0
    assert nord.funding.lost
    assert nord.own_share == Decimal("170000")
    assert nord.clause is Clause.C10
    assert nord.split.clause is Clause.C10
    for town in NORD_TOWNS:
        assert settlement.own_share_of(town) == Decimal("42500")
    assert [(line.debtor.name, line.amount) for line in settlement.billing] == [
        (town, Decimal("42500")) for town in PAYING_TOWNS
    ]


def test_loss_of_funding_impact() -> None:
    impact = financial_impact(_settled_without_funding(), "Coesfeld")
    assert impact.line("grants").amount == 0
    assert impact.line("grants").clause is Clause.C10
    assert impact.line("other_receipts").amount == Decimal("127500")
    assert impact.line("own_share").amount == Decimal("42500")
    assert impact.line("balance").amount == Decimal("-42500")


# --------------------------------------------------------------------------- NKF layout


NKF_COESFELD: list[tuple[str, Decimal | None]] = [
    ("grants", Decimal("137500")),
    ("reimbursements", Decimal("24375")),
    ("other_income", Decimal("0")),
    ("income_total", Decimal("161875")),
    ("personnel", Decimal("163000")),
    ("material_services", Decimal("7000")),
    ("depreciation", None),
    ("transfers", Decimal("0")),
    ("other_expenses", None),
    ("expenses_total", Decimal("170000")),
    ("balance", Decimal("-8125")),
]


def test_nkf_layout_for_coesfeld() -> None:
    impact = coesfeld_impact("nkf")
    assert impact.layout is Layout.NKF
    assert [(line.key, line.amount) for line in impact.result] == NKF_COESFELD
    labels = {line.key: line.label for line in impact.result}
    assert labels["grants"] == "Zuwendungen und allgemeine Umlagen"
    assert labels["reimbursements"] == "Kostenerstattungen und Kostenumlagen"
    assert labels["transfers"] == "Transferaufwendungen"
    finance = {line.key: line.amount for line in impact.finance}
    assert finance == {
        "grants": Decimal("137500"),
        "reimbursements": Decimal("24375"),
        "receipts_total": Decimal("161875"),
        "personnel": Decimal("163000"),
        "material_services": Decimal("7000"),
        "transfers": Decimal("0"),
        "payments_total": Decimal("170000"),
        "balance": Decimal("-8125"),
    }


def test_nkf_layout_for_billerbeck() -> None:
    impact = financial_impact(paper_settlement(), "Billerbeck", layout=Layout.NKF)
    assert impact.role is Role.MEMBER
    result = {line.key: line for line in impact.result}
    transfers = result["transfers"]
    assert transfers.label == "Transferaufwendungen"
    assert transfers.amount == Decimal("8125")
    assert transfers.clause is Clause.C9
    assert result["balance"].label == "Ordentliches Ergebnis"
    assert result["balance"].amount == Decimal("-8125")
    assert result["expenses_total"].amount == Decimal("8125")
    for key in ("grants", "reimbursements", "income_total", "personnel", "material_services"):
        assert result[key].amount == 0
    finance = {line.key: line for line in impact.finance}
    assert finance["transfers"].label == "Transferauszahlungen"
    assert finance["transfers"].amount == Decimal("8125")
    assert finance["balance"].amount == Decimal("-8125")
    assert impact.line("transfers", table="result").label == "Transferaufwendungen"
    assert impact.line("transfers", table="result").amount == Decimal("8125")
    assert impact.line("balance", table="finance").amount == Decimal("-8125")


def test_council_paper_layout_for_billerbeck() -> None:
    impact = financial_impact(paper_settlement(), "Billerbeck")
    assert impact.line("total_costs").amount == Decimal("8125")
    assert impact.line("total_costs").clause is Clause.C9
    assert impact.line("grants").amount == 0
    assert impact.line("own_share").amount == Decimal("8125")
    assert impact.line("material_services").amount == Decimal("8125")
    assert impact.line("personnel").amount == 0
    assert impact.line("balance").amount == Decimal("-8125")
