"""Billing (C9), the NKF statement and the exports in a year with spans (C4, C12; I2, I9, I10).

Every figure is derived by hand in the test, in integer cents, from the
invented example agreement (``presets.example()``) and its plan for 2026.
Region Ost, split by fixed weights Brunnfeld 2, Eichhagen 1, Fuchsberg 1,
Grünwald 1/2 (of 9/2), has in 2026:

* costs 131,000 + 3,000 + 3,000 = 137,000.00 (13,700,000 cents);
* funding of two full posts, 55,000 × 6/12 + 57,000 × 6/12 = 56,000 each,
  112,000.00 (11,200,000 cents);
* an own share of 25,000.00 (2,500,000 cents).

Under quarter notice terms a notice received on 30 September 2025 ends the
membership on 31 March 2026: the year has a span of 3/12 and one of 9/12.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest

from kim_cooperation import (
    Agreement,
    Interpretation,
    InvalidTypeError,
    InvalidValueError,
    Settlement,
    financial_impact,
    presets,
    settle,
)
from kim_cooperation.billing import (
    BillingStatement,
    billing_csv,
    billing_statements,
    write_billing_workbook,
)
from kim_cooperation.export import to_csv, to_dict, to_records, to_text
from kim_cooperation.impact import Role
from kim_cooperation.money import from_cents
from kim_cooperation.report import render_impact, render_settlement

PLAN = presets.example_cost_plans()[2026]


def cents(amount: Decimal | int) -> int:
    return int(amount * 100)


def handover() -> Settlement:
    """Brunnfeld, Ost's employer, leaves on 31 March 2026; Eichhagen employs from 1 April."""
    agreement = presets.example().give_notice(
        "Brunnfeld", dt.date(2025, 9, 30), successor="Eichhagen"
    )
    return settle(agreement, 2026, PLAN)


def fuchsberg_leaves() -> Agreement:
    return presets.example().give_notice("Fuchsberg", dt.date(2025, 9, 30))


def ost_statements(settlement: Settlement, **kwargs: object) -> list[BillingStatement]:
    statements = billing_statements(settlement, **kwargs)  # type: ignore[arg-type]
    return [statement for statement in statements if statement.region.name == "Ost"]


def parts(statement: BillingStatement) -> dict[str, tuple[str, int]]:
    return {entry.party.name: (entry.role.value, cents(entry.part)) for entry in statement.entries}


# --------------------------------------------------------------------------- the parts by hand


def test_the_handover_parts_derived_by_hand() -> None:
    # Span 1 (1/4): Brunnfeld 4/9, Eichhagen 2/9, Fuchsberg 2/9, Grünwald 1/9.
    # Span 2 (3/4): Brunnfeld has left; its 4/9 passes in equal parts, 4/27 each:
    # Eichhagen 10/27, Fuchsberg 10/27, Grünwald 7/27.
    # Year: Brunnfeld 1/9, Eichhagen 1/3, Fuchsberg 1/3, Grünwald 2/9.
    # 2,500,000 cents: 277,777.7…, 833,333.3…, 833,333.3…, 555,555.5…; floors sum to
    # 2,499,998; the two cents go to the largest remainders, Brunnfeld (7/9), Grünwald (5/9).
    ost = handover().region("Ost")
    assert {share.party.name: cents(share.amount) for share in ost.split.shares} == {
        "Brunnfeld": 277_778,
        "Eichhagen": 833_333,
        "Fuchsberg": 833_333,
        "Grünwald": 555_556,
    }


def test_one_statement_per_billing_employer() -> None:
    brunnfeld, eichhagen = ost_statements(handover())
    # Each part divided among the employers by the exact parts of their spans:
    # Eichhagen and Fuchsberg 1/18 : 5/18 of 833,333: 138,888.8… and 694,444.1… -> the cent
    # to the larger remainder: 138,889 and 694,444. Grünwald 1/36 : 7/36 of 555,556:
    # 69,444.5 and 486,111.5, the tie to the first employer: 69,445 and 486,111.
    assert brunnfeld.employer.name == "Brunnfeld"
    assert parts(brunnfeld) == {
        "Brunnfeld": ("employer", 277_778),
        "Eichhagen": ("member", 138_889),
        "Fuchsberg": ("member", 138_889),
        "Grünwald": ("member", 69_445),
    }
    assert eichhagen.employer.name == "Eichhagen"
    # Eichhagen's own 833,333 less the 138,889 it owes Brunnfeld.
    assert parts(eichhagen) == {
        "Eichhagen": ("employer", 694_444),
        "Fuchsberg": ("member", 694_444),
        "Grünwald": ("member", 486_111),
    }
    assert cents(brunnfeld.billed_total) == 138_889 + 138_889 + 69_445 == 347_223
    assert cents(eichhagen.billed_total) == 694_444 + 486_111 == 1_180_555
    # Rounded once per town, the parts of the spans are 625,001 and 1,874,999 cents, not
    # exactly 1/4 and 3/4 of the own share; together they are the own share.
    assert cents(brunnfeld.parts_total) == 625_001
    assert cents(eichhagen.parts_total) == 1_874_999
    assert brunnfeld.parts_total + eichhagen.parts_total == brunnfeld.own_share
    assert (brunnfeld.share_of_year, eichhagen.share_of_year) == (Fraction(1, 4), Fraction(3, 4))
    for statement in (brunnfeld, eichhagen):
        assert (cents(statement.costs), cents(statement.funding), cents(statement.own_share)) == (
            13_700_000,
            11_200_000,
            2_500_000,
        )
        assert Interpretation.I10 in statement.clauses


def test_the_statements_name_their_spans() -> None:
    brunnfeld, eichhagen = ost_statements(handover())
    assert [(span.first_day, span.last_day) for span in brunnfeld.spans] == [
        (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    ]
    assert brunnfeld.title == (
        "Jahresabrechnung 2026 – Eigenanteile der Region Ost für den Zeitraum 01.01.2026 bis "
        "31.03.2026, Anstellungskörperschaft Stadt Brunnfeld"
    )
    assert eichhagen.title_en == (
        "Annual billing 2026 – own shares of Region Ost for 2026-04-01 to 2026-12-31, "
        "employer Gemeinde Eichhagen"
    )
    # Without a handover the title stays as it was.
    (nord, _, west) = billing_statements(settle(presets.example(), 2026, PLAN))
    assert not nord.spans
    assert west.title == (
        "Jahresabrechnung 2026 – Eigenanteile der Region West, Anstellungskörperschaft Stadt "
        "Haselstein"
    )


def test_a_town_leaving_on_31_march_is_billed_its_pro_rata_part() -> None:
    # Fuchsberg's 2/9 of span 2 passes 2/27 each: Brunnfeld 14/27, Eichhagen 8/27,
    # Grünwald 5/27. Year: Brunnfeld 1/4 × 4/9 + 3/4 × 14/27 = 1/2, Eichhagen 5/18,
    # Fuchsberg 1/4 × 2/9 = 1/18, Grünwald 1/6. Of 2,500,000 cents: 1,250,000,
    # 694,444.4…, 138,888.8…, 416,666.6…; floors sum to 2,499,998, the cents to
    # Fuchsberg (8/9) and Grünwald (2/3).
    (statement,) = ost_statements(settle(fuchsberg_leaves(), 2026, PLAN))
    assert statement.employer.name == "Brunnfeld"
    assert not statement.spans  # one employer the whole year
    assert parts(statement) == {
        "Brunnfeld": ("employer", 1_250_000),
        "Eichhagen": ("member", 694_444),
        "Fuchsberg": ("member", 138_889),
        "Grünwald": ("member", 416_667),
    }
    assert cents(statement.billed_total) == 1_250_000
    # In 2027 Fuchsberg is no longer billed.
    (later,) = ost_statements(settle(fuchsberg_leaves(), 2027, PLAN))
    assert "Fuchsberg" not in parts(later)


# --------------------------------------------------------------------------- advances


def test_advances_per_town_and_per_town_and_employer() -> None:
    statements = ost_statements(
        handover(),
        advances={
            "Eichhagen": Decimal("1000"),  # billed by Brunnfeld only
            ("Fuchsberg", "Brunnfeld"): Decimal("1388.89"),
            ("Fuchsberg", "Eichhagen"): 5000,
        },
    )
    brunnfeld, eichhagen = statements
    assert cents(brunnfeld.entry("Eichhagen").balance or 0) == 138_889 - 100_000
    assert brunnfeld.entry("Fuchsberg").balance == Decimal("0.00")
    assert cents(eichhagen.entry("Fuchsberg").balance or 0) == 694_444 - 500_000
    assert eichhagen.entry("Eichhagen").role is Role.EMPLOYER
    assert eichhagen.entry("Eichhagen").balance is None
    assert cents(eichhagen.advances_total) == 500_000


@pytest.mark.parametrize(
    ("advances", "message"),
    [
        (
            {"Fuchsberg": 1},
            r"an advance of Fuchsberg is ambiguous: in 2026 it is billed by Brunnfeld \(Region "
            r"Ost, 2026-01-01 to 2026-03-31\) and Eichhagen \(Region Ost, 2026-04-01 to "
            r"2026-12-31\); key the advance by town and employer, e\.g\. advances=\{\('Fuchsberg', "
            r"'Brunnfeld'\)",
        ),
        (
            {"Brunnfeld": 1},
            r"Brunnfeld is the employer of Region Ost in 2026 from 2026-01-01 to 2026-03-31: it "
            r"bears its part itself",
        ),
        (
            {("Eichhagen", "Eichhagen"): 1},
            r"Eichhagen is the employer of Region Ost in 2026 from 2026-04-01 to 2026-12-31",
        ),
        (
            {("Fuchsberg", "Altenau"): 1},
            r"Altenau does not bill Fuchsberg in 2026; Fuchsberg is billed by Brunnfeld and "
            r"Eichhagen \(C9\)",
        ),
        (
            {"Eichhagen": 1, ("Eichhagen", "Brunnfeld"): 2},
            r"advances name Eichhagen twice",
        ),
    ],
)
def test_ambiguous_or_wrong_advances_are_refused(advances: object, message: str) -> None:
    with pytest.raises(InvalidValueError, match=message):
        billing_statements(handover(), advances=advances)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "key", [("Fuchsberg",), ("Fuchsberg", "Brunnfeld", "Eichhagen"), ("Fuchsberg", 5999008)]
)
def test_a_pair_key_must_be_a_town_and_an_employer(key: object) -> None:
    with pytest.raises(InvalidTypeError, match=r"names \(town, employer\)"):
        billing_statements(handover(), advances={key: 1})  # type: ignore[arg-type]


# --------------------------------------------------------------------------- CSV and workbook


def test_csv_has_a_row_per_town_and_statement() -> None:
    text = billing_csv(ost_statements(handover()), lang="de")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert [
        (row["Anstellungskörperschaft"], row["Kommune"], row["Anteil am Eigenanteil"])
        for row in rows
    ] == [
        ("Brunnfeld", "Brunnfeld", "2777,78"),
        ("Brunnfeld", "Eichhagen", "1388,89"),
        ("Brunnfeld", "Fuchsberg", "1388,89"),
        ("Brunnfeld", "Grünwald", "694,45"),
        ("Eichhagen", "Eichhagen", "6944,44"),
        ("Eichhagen", "Fuchsberg", "6944,44"),
        ("Eichhagen", "Grünwald", "4861,11"),
    ]


def test_workbook_sheet_per_employer_with_the_period(tmp_path: Path) -> None:
    path = write_billing_workbook(billing_statements(handover()), tmp_path / "billing.xlsx")
    # The totals are formulas; their cached values are the library's totals.
    workbook = openpyxl.load_workbook(path, data_only=True)
    assert workbook.sheetnames == ["Altenau", "Brunnfeld", "Eichhagen", "Haselstein"]
    sheet = workbook["Brunnfeld"]
    assert sheet["C3"].value == (
        "Abrechnung für den Zeitraum 01.01.2026 bis 31.03.2026 (1/4 des Jahres)"
    )
    assert sheet["B13"].value == 3472.23  # Excel reads the number as a float
    totals = [row for row in sheet.iter_rows(min_row=16, values_only=True) if row[1] == "Summe"]
    assert totals == [(None, "Summe", None, 6250.01, 0, 3472.23, None)]
    # Without a handover the year row has no third cell, as before.
    assert workbook["Altenau"]["C3"].value is None


# --------------------------------------------------------------------------- NKF statement


def test_nkf_statement_of_each_employer_covers_its_spans() -> None:
    settlement = handover()
    # The funding used, 11,200,000 cents, by the span weights 1/4 : 3/4: 2,800,000 and
    # 8,400,000. The parts of the spans (received plus borne): 347,223 + 277,778 = 625,001
    # and 1,180,555 + 694,444 = 1,874,999. Costs are funding plus parts: 3,425,001 and
    # 10,274,999 (together 13,700,000); personnel 13,100,000 in that ratio: 3,275,000.95…
    # and 9,824,999.04…, the cent to the larger remainder: 3,275,001 and 9,824,999;
    # material the rest: 150,000 and 450,000.
    brunnfeld = financial_impact(settlement, "Brunnfeld", layout="nkf")
    assert brunnfeld.role is Role.EMPLOYER
    assert not brunnfeld.recurring  # Brunnfeld leaves on 31 March
    figures = {
        line.key: cents(line.amount) for line in brunnfeld.result if line.amount is not None
    }
    assert figures == {
        "grants": 2_800_000,
        "reimbursements": 347_223,
        "other_income": 0,
        "income_total": 3_147_223,
        "personnel": 3_275_001,
        "material_services": 150_000,
        "transfers": 0,
        "expenses_total": 3_425_001,
        "balance": -277_778,
    }
    eichhagen = financial_impact(settlement, "Eichhagen", layout="nkf")
    assert eichhagen.recurring
    figures = {
        line.key: cents(line.amount) for line in eichhagen.result if line.amount is not None
    }
    assert figures == {
        "grants": 8_400_000,
        "reimbursements": 1_180_555,
        "other_income": 0,
        "income_total": 9_580_555,
        "personnel": 9_824_999,
        "material_services": 450_000,
        "transfers": 138_889,  # its part of Brunnfeld's span, paid to Brunnfeld
        "expenses_total": 10_413_888,
        "balance": -833_333,
    }
    heading = render_impact(brunnfeld).splitlines()[0]
    assert heading == (
        "Stadt Brunnfeld – Anstellungskörperschaft der Region Ost bis 31.03.2026 – "
        "Haushaltsjahr 2026"
    )


def test_council_paper_statement_of_the_employers_adds_up() -> None:
    settlement = handover()
    for town in ("Brunnfeld", "Eichhagen"):
        impact = financial_impact(settlement, town)
        finance = {line.key: cents(line.amount) for line in impact.finance if line.amount}
        assert (
            finance["total_costs"] - finance["grants"] - finance["other_receipts"]
            == finance["own_share"]
            == cents(settlement.own_share_of(town))
        )


def test_nkf_statement_of_a_town_that_left_within_the_year() -> None:
    settlement = settle(fuchsberg_leaves(), 2026, PLAN)
    impact = financial_impact(settlement, "Fuchsberg", layout="nkf")
    assert impact.role is Role.MEMBER
    assert not impact.recurring
    assert cents(impact.line("transfers", table="result").amount or Decimal(0)) == 138_889
    assert cents(impact.line("balance", table="result").amount or Decimal(0)) == -138_889
    text = render_impact(impact, lang="en")
    assert text.splitlines()[0] == (
        "Gemeinde Fuchsberg – member of region Ost until 2026-03-31 – Budget year 2026"
    )
    assert "Effect on the result statement (EUR)\n" in text  # not "yearly"
    brunnfeld = financial_impact(settlement, "Brunnfeld")
    assert cents(brunnfeld.line("other_receipts").amount or Decimal(0)) == 1_250_000
    with pytest.raises(InvalidValueError, match="Fuchsberg left the agreement on 2026-03-31"):
        financial_impact(settle(fuchsberg_leaves(), 2027, PLAN), "Fuchsberg")


def test_nkf_statement_of_a_town_of_a_population_key() -> None:
    # Nord 2026: own share 105,000 - 84,000 = 21,000.00; Dornbach 8,410 of 48,200
    # inhabitants: 2,100,000 × 841/4820 = 366,410.78… cents, one left-over cent.
    impact = financial_impact(settle(presets.example(), 2026, PLAN), "Dornbach", layout="nkf")
    assert impact.recurring
    assert impact.line("transfers", table="result").amount == from_cents(366_411)


# --------------------------------------------------------------------------- exports


def test_settlement_exports_show_the_key_and_the_spans() -> None:
    settlement = handover()
    ost = to_dict(settlement)["regions"][1]
    assert ost["split_key"] == {
        "kind": "weights",
        "region_kind": "weights",
        "clause": "C4",
        "interpretation": "I9",
        "weights": [
            {"party": {"name": "Brunnfeld", "ags": "05999008"}, "weight": "2"},
            {"party": {"name": "Eichhagen", "ags": "05999016"}, "weight": "1"},
            {"party": {"name": "Fuchsberg", "ags": "05999020"}, "weight": "1"},
            {"party": {"name": "Grünwald", "ags": "05999024"}, "weight": "1/2"},
        ],
        "reference_day": None,
        "counts": [],
    }
    assert [
        (span["first_day"], span["weight"], span["employer"]["name"]) for span in ost["spans"]
    ] == [
        ("2026-01-01", "1/4", "Brunnfeld"),
        ("2026-04-01", "3/4", "Eichhagen"),
    ]
    nord = to_dict(settlement)["regions"][0]["split_key"]
    assert nord["reference_day"] == "2025-12-31"
    assert [(count["party"]["name"], count["inhabitants"]) for count in nord["counts"]] == [
        ("Altenau", 21555),
        ("Dornbach", 8410),
        ("Kesselbrück", 13110),
        ("Lindenhöhe", 5125),
    ]
    # A region's settlement alone does not hold the agreement's counts.
    assert to_dict(settlement.region("Nord"))["split_key"]["counts"] is None
    records = [record for record in to_records(settlement) if record["region"] == "Ost"]
    keys = [record["key"] for record in records]
    assert keys[:4] == ["costs", "funding", "own_share", "split_key"]
    assert keys.count("weight") == 4
    assert keys.count("span") == 2
    assert keys.count("span_share") == 4 + 3
    assert keys.count("year_share") == 4
    assert keys.index("year_share") < keys.index("part")
    spans = [record["description"] for record in records if record["key"] == "span"]
    assert spans == [
        "Span 1: 2026-01-01 to 2026-03-31, 3 months, 90 days, weight 1/4, employer Brunnfeld",
        "Span 2: 2026-04-01 to 2026-12-31, 9 months, 275 days, weight 3/4, employer Eichhagen",
    ]
    assert all(
        record["amount"] is None for record in records if record["key"] in ("span", "weight")
    )
    assert "description" in to_text(settlement).splitlines()[1]
    # CSV keeps its columns; the rows without an amount have an empty amount cell.
    rows = list(csv.DictReader(io.StringIO(to_csv(settlement, lang="de")), delimiter=";"))
    assert {row["Betrag"] for row in rows if row["Kennung"] == "span_share"} == {""}


def test_the_billing_statement_exports_its_spans() -> None:
    brunnfeld, _ = ost_statements(handover())
    data = to_dict(brunnfeld)
    assert data["share_of_year"] == "1/4"
    assert data["parts_total"] == {"amount": "6250.01", "clause": "C9"}
    assert [(span["first_day"], span["last_day"]) for span in data["spans"]] == [
        ("2026-01-01", "2026-03-31")
    ]


def test_settlement_text_shows_key_spans_and_each_payment() -> None:
    text = render_settlement(handover())
    assert (
        "Region Ost – Anstellungskörperschaft Stadt Brunnfeld bis 31.03.2026, Gemeinde "
        "Eichhagen ab 01.04.2026 – 2 Vollzeitstellen"
    ) in text
    assert (
        "  Schlüssel: feste Anteile Brunnfeld 2, Eichhagen 1, Fuchsberg 1, Grünwald 0,5 (C4, I9)"
        in text
    )
    assert (
        "  Zeitraum 01.04.2026 bis 31.12.2026 (9/12), Anstellungskörperschaft Eichhagen: "
        "Eichhagen 10/27, Fuchsberg 10/27, Grünwald 7/27 (C12, I10)"
    ) in text
    squashed = " ".join(text.split())
    assert (
        "Eichhagen 8.333,33 € (C12) zahlt 1.388,89 € an Brunnfeld (C9), trägt 6.944,44 € selbst"
    ) in squashed
    assert (
        "Grünwald 5.555,56 € (C12) zahlt 694,45 € an Brunnfeld und 4.861,11 € an Eichhagen "
        "(C9), +1 Cent (Rest, I2)"
    ) in squashed
    assert (
        "Schlüssel: Einwohner, letzte Zählung bis zum Stichtag 31.12.2025: Altenau 21.555" in text
    )
