"""The employers' annual billing statements (C9): figures, advances, CSV and the workbook.

The workbook is reopened with openpyxl and every cell is compared with the
statements the library returns.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import attrs
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.worksheet.worksheet import Worksheet

from kim_cooperation import (
    Agreement,
    Clause,
    CostStatement,
    Interpretation,
    InvalidMoneyError,
    InvalidTypeError,
    InvalidValueError,
    MoneyTypeError,
    Party,
    Policies,
    Settlement,
    UnknownPartyError,
    presets,
    settle,
)
from kim_cooperation.billing import (
    MONEY_FORMAT,
    BillingEntry,
    BillingStatement,
    billing_csv,
    billing_statements,
    write_billing_workbook,
)
from kim_cooperation.export import BILLING_COLUMNS, to_dict, to_records
from kim_cooperation.formatting import Lang
from kim_cooperation.impact import Role
from strategies import COESFELD_REGIONS, region_cost_plans

BASE = presets.coesfeld()
PLAN = presets.coesfeld_cost_plan_2023()
PLANNING = presets.coesfeld_planning_costs_2023()


def settlement_2023(agreement: Agreement = BASE) -> Settlement:
    return settle(agreement, 2023, PLANNING)


def nord(**advances: Decimal) -> BillingStatement:
    (statement,) = billing_statements(settle(BASE, 2023, PLAN), advances=advances or None)
    return statement


# --- The statements -----------------------------------------------------------------------


def test_nord_statement_gives_the_council_paper_figures() -> None:
    statement = nord()
    assert statement.year == 2023
    assert statement.region.name == "Nord"
    assert statement.employer.name == "Coesfeld"
    assert statement.agreement == BASE.name
    assert (statement.costs, statement.funding, statement.own_share, statement.surplus) == (
        Decimal("170000.00"),
        Decimal("137500.00"),
        Decimal("32500.00"),
        Decimal("0.00"),
    )
    assert (statement.funding_clause, statement.own_share_clause) == (Clause.C5, Clause.C7)
    assert [
        (entry.party.name, entry.role, entry.part, entry.balance) for entry in statement.entries
    ] == [
        ("Billerbeck", Role.MEMBER, Decimal("8125.00"), Decimal("8125.00")),
        ("Coesfeld", Role.EMPLOYER, Decimal("8125.00"), None),
        ("Havixbeck", Role.MEMBER, Decimal("8125.00"), Decimal("8125.00")),
        ("Rosendahl", Role.MEMBER, Decimal("8125.00"), Decimal("8125.00")),
    ]
    assert statement.billed_total == Decimal("24375.00")
    assert statement.advances_total == Decimal("0.00")
    assert statement.balance_total == Decimal("24375.00")
    assert statement.clauses == (
        Clause.C8,
        Clause.C5,
        Clause.C7,
        Clause.C4,
        Interpretation.I2,
        Clause.C9,
    )
    assert statement.title == (
        "Jahresabrechnung 2023 – Eigenanteile der Region Nord, "
        "Anstellungskörperschaft Stadt Coesfeld"
    )
    assert statement.title_en == (
        "Annual billing 2023 – own shares of Region Nord, employer Stadt Coesfeld"
    )


def test_statements_follow_the_settlement_for_every_region() -> None:
    settlement = settlement_2023()
    statements = billing_statements(settlement)
    assert [statement.region for statement in statements] == [
        region.region for region in settlement.regions
    ]
    for statement, region in zip(statements, settlement.regions, strict=True):
        assert statement.employer == region.employer
        assert statement.own_share == region.own_share
        assert statement.billed_total == region.billed_total
        assert [entry.party for entry in statement.entries] == list(region.split)
        for entry in statement.entries:
            assert entry.part == region.split[entry.party]
            assert entry.part == settlement.own_share_of(entry.party)
            assert entry.extra_cent == region.split.share_of(entry.party).extra_cent
            assert entry.clause is region.split.clause
        assert [
            (entry.party, entry.part) for entry in statement.entries if entry.role is Role.MEMBER
        ] == [(line.debtor, line.amount) for line in region.billing]


def test_advances_lower_the_balance_and_a_negative_balance_is_a_refund() -> None:
    statement = nord(Billerbeck=Decimal("6000"), Rosendahl=Decimal("9000.50"))
    balances = {entry.party.name: entry.balance for entry in statement.entries}
    advances = {entry.party.name: entry.advances for entry in statement.entries}
    assert balances == {
        "Billerbeck": Decimal("2125.00"),
        "Coesfeld": None,
        "Havixbeck": Decimal("8125.00"),
        "Rosendahl": Decimal("-875.50"),
    }
    assert advances["Rosendahl"] == Decimal("9000.50")
    assert advances["Coesfeld"] == Decimal("0.00")
    assert statement.advances_total == Decimal("15000.50")
    assert statement.balance_total == Decimal("9374.50")
    assert statement.entry("05558040").balance == Decimal("-875.50")
    assert statement.entry(BASE.party("Billerbeck")).advances == Decimal("6000.00")


def test_advances_accept_parties_ags_ascii_names_and_whole_euros() -> None:
    advances: dict[str | Party, Decimal | int] = {
        BASE.party("Nottuln"): 6000,
        "05558044": Decimal("1E+3"),
        "Luedinghausen": 0,
    }
    statements = billing_statements(settlement_2023(), advances=advances)
    assert statements[1].entry("Nottuln").balance == Decimal("500.00")
    assert statements[2].entry("Senden").advances == Decimal("1000.00")
    assert statements[2].entry("Lüdinghausen").balance == Decimal("6500.00")


@pytest.mark.parametrize(
    ("advances", "error", "message"),
    [
        ({"Billerbeck": 6000.0}, MoneyTypeError, r"advance of Billerbeck .*got float 6000\.0"),
        ({"Billerbeck": "6000"}, MoneyTypeError, r"advance of Billerbeck .*got str '6000'"),
        ({"Billerbeck": Decimal("0.001")}, InvalidMoneyError, r"exact to the cent"),
        (
            {"Billerbeck": Decimal("-1")},
            InvalidValueError,
            r"advance of Billerbeck must not be negative, got Decimal\('-1'\)",
        ),
        ({"Münster": Decimal("1")}, UnknownPartyError, r"'Münster' is not a party"),
        (
            {"Coesfeld": Decimal("1")},
            InvalidValueError,
            r"Coesfeld is the employer of Region Nord in 2023: .*pays no advances",
        ),
        (
            {"Nottuln": Decimal("1")},
            InvalidValueError,
            r"Nottuln is billed in none of the settled regions \['Nord'\] for 2023",
        ),
        (
            {"Havixbeck": Decimal("1"), BASE.party("Havixbeck"): Decimal("2")},
            InvalidValueError,
            r"advances name Havixbeck twice",
        ),
        ({5558008: Decimal("1")}, InvalidTypeError, r"keyed by Party, AGS or name, got int"),
        ([("Billerbeck", Decimal("1"))], InvalidTypeError, r"must be a mapping .*got list"),
    ],
)
def test_bad_advances_are_refused_with_the_value_named(
    advances: object, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        billing_statements(settle(BASE, 2023, PLAN), advances=advances)  # type: ignore[arg-type]


def test_a_town_that_has_left_is_neither_billed_nor_given_advances() -> None:
    agreement = BASE.give_notice("Rosendahl", dt.date(2024, 6, 30))
    settlement = settle(agreement, 2026, PLAN)
    (statement,) = billing_statements(settlement)
    assert [entry.party.name for entry in statement.entries] == [
        "Billerbeck",
        "Coesfeld",
        "Havixbeck",
    ]
    assert [entry.part for entry in statement.entries] == [
        Decimal("10833.33"),
        Decimal("10833.34"),
        Decimal("10833.33"),
    ]
    assert {entry.clause for entry in statement.entries} == {Clause.C12}
    assert Clause.C12 in statement.clauses
    assert [entry.extra_cent for entry in statement.entries] == [False, True, False]
    with pytest.raises(InvalidValueError, match=r"Rosendahl .*has left the agreement \(C12\)"):
        billing_statements(settlement, advances={"Rosendahl": Decimal("100")})
    with pytest.raises(UnknownPartyError, match="'Rosendahl' has no entry"):
        statement.entry("Rosendahl")


def test_without_funding_the_towns_bear_the_whole_costs() -> None:
    agreement = BASE.with_funding(
        BASE.funding.without_funding_from(dt.date(2023, 1, 1), source="C10 case")
    )
    (statement,) = billing_statements(settle(agreement, 2023, PLAN))
    assert statement.funding == Decimal("0.00")
    assert (statement.funding_clause, statement.own_share_clause) == (Clause.C10, Clause.C10)
    assert {entry.part for entry in statement.entries} == {Decimal("42500.00")}
    assert {entry.clause for entry in statement.entries} == {Clause.C10}
    assert statement.billed_total == Decimal("127500.00")


def test_a_surplus_is_reported_and_nothing_billed() -> None:
    settlement = settle(BASE, 2023, {"Mitte": CostStatement(personnel=Decimal("50000"))})
    (statement,) = billing_statements(settlement)
    assert statement.surplus == Decimal("5000.00")
    assert statement.own_share == Decimal("0.00")
    assert Interpretation.I6 in statement.clauses
    assert statement.balance_total == Decimal("0.00")


def test_under_the_literal_c12_reading_advances_must_be_unambiguous() -> None:
    literal = BASE.with_policies(Policies(withdrawal_scope="agreement")).give_notice(
        "Rosendahl", dt.date(2024, 6, 30)
    )
    settlement = settle(literal, 2026, PLANNING)
    statements = billing_statements(settlement, advances={"Dülmen": Decimal("10")})
    nord_statement = statements[0]
    assert nord_statement.entry("Dülmen").role is Role.MEMBER
    assert nord_statement.entry("Dülmen").advances == Decimal("10.00")
    assert statements[1].entry("Dülmen").role is Role.EMPLOYER
    with pytest.raises(InvalidValueError, match=r"advance of Nottuln is ambiguous: .*Nord"):
        billing_statements(settlement, advances={"Nottuln": Decimal("10")})


def test_statement_type_is_checked() -> None:
    with pytest.raises(InvalidTypeError, match="settlement must be a Settlement, got dict"):
        billing_statements({})  # type: ignore[arg-type]


# --- CSV --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "delimiter", "mark"), [("en", ",", "."), ("de", ";", ",")])
def test_billing_csv_has_every_entry_of_every_statement(
    lang: Lang, delimiter: str, mark: str
) -> None:
    statements = billing_statements(settlement_2023(), advances={"Nottuln": Decimal("7000.10")})
    text = billing_csv(statements, lang=lang)
    header, *lines = csv.reader(io.StringIO(text), delimiter=delimiter)
    # German CSV has German headers, for people; English CSV the column ids, for programs.
    assert tuple(header) == (
        (
            "Jahr", "Region", "AGS Anstellungskörperschaft", "Anstellungskörperschaft", "AGS",
            "Kommune", "Rolle", "Anteil am Eigenanteil", "Abschlagszahlungen", "Saldo", "Klausel",
        )
        if lang == "de"
        else BILLING_COLUMNS
    )  # fmt: skip
    rows = [dict(zip(BILLING_COLUMNS, line, strict=True)) for line in lines]
    entries = [(statement, entry) for statement in statements for entry in statement.entries]
    assert len(rows) == len(entries)

    def money(amount: Decimal | None) -> str:
        return "" if amount is None else f"{amount:f}".replace(".", mark)

    for row, (statement, entry) in zip(rows, entries, strict=True):
        assert row == {
            "year": "2023",
            "region": statement.region.name,
            "employer_ags": statement.employer.ags,
            "employer": statement.employer.name,
            "party_ags": entry.party.ags,
            "party": entry.party.name,
            # German CSV names the roles in German.
            "role": {"employer": "Anstellungskörperschaft", "member": "Mitglied"}[entry.role.value]
            if lang == "de"
            else entry.role.value,
            "part": money(entry.part),
            "advances": money(entry.advances),
            "balance": money(entry.balance),
            "clause": str(entry.clause),
        }
    nottuln = next(row for row in rows if row["party"] == "Nottuln")
    assert nottuln["balance"] == f"-500{mark}10"


def test_billing_csv_refuses_nothing_and_other_things() -> None:
    with pytest.raises(InvalidValueError, match="no billing statements given"):
        billing_csv([])
    with pytest.raises(InvalidTypeError, match="billing statements must all be BillingStatement"):
        billing_csv([settlement_2023()])  # type: ignore[list-item]
    with pytest.raises(InvalidValueError, match="lang must be 'de' or 'en', got 'fr'"):
        billing_csv(billing_statements(settlement_2023()), lang="fr")  # type: ignore[arg-type]


def test_export_of_a_statement() -> None:
    statement = nord(Havixbeck=Decimal("8125"))
    data = to_dict(statement)
    assert data == statement.to_dict()
    assert data["type"] == "billing_statement"
    assert data["employer"] == {"name": "Coesfeld", "ags": "05558012"}
    assert data["clauses"] == ["C8", "C5", "C7", "C4", "I2", "C9"]
    assert data["own_share"] == {"amount": "32500.00", "clause": "C7"}
    assert data["advances_total"] == {"amount": "8125.00", "clause": "C9"}
    assert data["balance_total"] == {"amount": "16250.00", "clause": "C9"}
    assert [
        (item["party"]["name"], item["part"], item["advances"], item["balance"])
        for item in data["entries"]
    ] == [
        ("Billerbeck", "8125.00", "0.00", "8125.00"),
        ("Coesfeld", "8125.00", "0.00", None),
        ("Havixbeck", "8125.00", "8125.00", "0.00"),
        ("Rosendahl", "8125.00", "0.00", "8125.00"),
    ]
    assert [record["balance"] for record in to_records(statement)] == [
        entry.balance for entry in statement.entries
    ]
    assert str(statement).splitlines()[0] == statement.title_en


# --- The workbook ---------------------------------------------------------------------------


def expected_sheet(statement: BillingStatement, lang: str = "de") -> list[tuple[object, ...]]:
    """Every cell of a statement's sheet, as openpyxl reads it back, row by row."""
    german = lang == "de"
    roles = {
        Role.EMPLOYER: "Anstellungskörperschaft (trägt selbst)"
        if german
        else "employer (bears it itself)",
        Role.MEMBER: "Mitglied" if german else "member",
    }
    rows: list[tuple[object, ...]] = [
        (statement.title if german else statement.title_en, None, None),
        ("Vereinbarung" if german else "Agreement", statement.agreement, None),
        ("Haushaltsjahr" if german else "Budget year", statement.year, None),
        ("Region", statement.region.name, None),
        (
            "Anstellungskörperschaft" if german else "Employer",
            statement.employer.title,
            statement.employer.ags,
        ),
        ("Klauseln" if german else "Clauses", ", ".join(map(str, statement.clauses)), None),
        (None, None, None),
        ("Position", "Betrag", "Klausel") if german else ("Item", "Amount", "Clause"),
        ("Kosten der Region" if german else "Costs of the region", statement.costs, "C8"),
        ("Förderung" if german else "Funding", statement.funding, str(statement.funding_clause)),
        (
            "Eigenanteil" if german else "Own share",
            statement.own_share,
            str(statement.own_share_clause),
        ),
        (
            "Förderung über den Kosten (nicht verteilt)"
            if german
            else "Funding beyond costs (not distributed)",
            statement.surplus,
            "I6",
        ),
        (
            "In Rechnung gestellt" if german else "Billed to the other towns",
            statement.billed_total,
            "C9",
        ),
        (None, None, None),
        (
            (
                "AGS",
                "Kommune",
                "Rolle",
                "Anteil am Eigenanteil",
                "Abschlagszahlungen",
                "Saldo (+ Nachzahlung, − Erstattung)",
                "Klausel",
            )
            if german
            else (
                "AGS",
                "Town",
                "Role",
                "Part of the own share",
                "Advance payments",
                "Balance (+ due, − refund)",
                "Clause",
            )
        ),
    ]
    rows += [
        (
            entry.party.ags,
            entry.party.name,
            roles[entry.role],
            entry.part,
            entry.advances,
            entry.balance,
            str(entry.clause),
        )
        for entry in statement.entries
    ]
    first, last = 16, 15 + len(statement.entries)
    rows.append(
        (
            None,
            "Summe" if german else "Total",
            None,
            *(f"=SUM({column}{first}:{column}{last})" for column in "DEF"),
            None,
        )
    )
    width = 7
    return [row + (None,) * (width - len(row)) for row in rows]


def range_sum(sheet: Worksheet, formula: object) -> Decimal:
    """The exact sum of the cells a ``=SUM(D16:D19)`` formula names, as read back."""
    assert isinstance(formula, str)
    match = re.fullmatch(r"=SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)", formula)
    assert match is not None, formula
    assert match[1] == match[3]
    cells = sheet[f"{match[1]}{match[2]}" : f"{match[3]}{match[4]}"]
    values = [read_back(row[0].value) for row in cells]
    return sum((value for value in values if isinstance(value, Decimal)), Decimal(0))


def check_totals(path: Path, title: str, statement: BillingStatement) -> None:
    """The totals row: formulas over the towns' rows, summing and cached as the library's totals."""
    sheet = openpyxl.load_workbook(path)[title]
    cached = openpyxl.load_workbook(path, data_only=True)[title]
    row = 16 + len(statement.entries)
    totals = (statement.parts_total, statement.advances_total, statement.balance_total)
    assert statement.parts_total == statement.own_share
    for column, total in zip("DEF", totals, strict=True):
        formula = sheet[f"{column}{row}"]
        assert formula.data_type == "f"
        assert formula.number_format == MONEY_FORMAT
        assert range_sum(sheet, formula.value) == total
        assert read_back(cached[f"{column}{row}"].value) == total


def read_back(value: object) -> object:
    """A cell as read back, with numbers as exact decimals to compare with the library."""
    if isinstance(value, float | int) and not isinstance(value, bool):
        return Decimal(repr(value))
    return value


def comparable(value: object) -> object:
    return value if not isinstance(value, int) or isinstance(value, bool) else Decimal(value)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_workbook_has_every_cell_of_every_statement(tmp_path: Path, lang: Lang) -> None:
    advances: dict[str, Decimal | int] = {
        "Nottuln": Decimal("7000.10"),
        "Senden": Decimal("6500"),
        "Olfen": 1,
    }
    statements = billing_statements(settlement_2023(), advances=advances)
    path = write_billing_workbook(statements, tmp_path / "billing.xlsx", lang=lang)
    assert path == tmp_path / "billing.xlsx"
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Coesfeld", "Dülmen", "Ascheberg"]
    for statement, sheet in zip(statements, workbook.worksheets, strict=True):
        cells = [
            tuple(read_back(value) for value in row)
            for row in sheet.iter_rows(min_col=1, max_col=7, values_only=True)
        ]
        expected = [
            tuple(comparable(value) for value in row) for row in expected_sheet(statement, lang)
        ]
        assert cells == expected
        check_totals(path, sheet.title, statement)
        money_rows = list(range(9, 14)) + list(range(16, 17 + len(statement.entries)))
        for row in money_rows:
            for column in ("B",) if row < 14 else ("D", "E", "F"):
                cell = sheet[f"{column}{row}"]
                if cell.value is not None:
                    assert cell.number_format == MONEY_FORMAT, cell.coordinate
                    totals_row = row == 16 + len(statement.entries)
                    assert cell.data_type == ("f" if totals_row else "n"), cell.coordinate
        for row in range(16, 16 + len(statement.entries)):
            ags = sheet[f"A{row}"]
            assert ags.data_type == "s"
            assert isinstance(ags.value, str)
            assert len(ags.value) == 8
        assert sheet["A1"].font.bold
        assert sheet["C5"].value == statement.employer.ags


def test_workbook_numbers_are_written_from_the_exact_decimals(tmp_path: Path) -> None:
    path = write_billing_workbook(
        billing_statements(settle(BASE, 2023, PLAN), advances={"Rosendahl": Decimal("9000.05")}),
        tmp_path / "nord.xlsx",
    )
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<v>9000.05</v>" in xml
    assert "<v>-875.05</v>" in xml
    assert "<v>32500</v>" in xml
    # Formulas only in the totals row, each with the library's total as its cached value.
    assert xml.count("<f>") == 3
    assert "<f>SUM(E16:E19)</f><v>9000.05</v>" in xml


def test_sheet_names_are_unique_and_valid(tmp_path: Path) -> None:
    statements_2023 = billing_statements(settle(BASE, 2023, PLAN))
    statements_2024 = billing_statements(settle(BASE, 2024, PLAN))
    odd = Party(name="Stadt/Land: [Nord]*?", kind="Stadt", ags="05558099")
    renamed = attrs.evolve(statements_2023[0], employer=odd)
    long_name = Party(name="A" * 40, kind="Stadt", ags="05558098")
    long_one = attrs.evolve(statements_2023[0], employer=long_name)
    path = write_billing_workbook(
        [*statements_2023, *statements_2024, renamed, long_one, long_one],
        tmp_path / "names.xlsx",
    )
    names = openpyxl.load_workbook(path).sheetnames
    assert names == [
        "Coesfeld Nord 2023",
        "Coesfeld Nord 2024",
        "Stadt_Land_ _Nord___",
        "A" * 31,
        "A" * 27 + " (2)",
    ]


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    statement = nord()
    sneaky = Party(name='=HYPERLINK("x")', kind="Stadt", ags="05558099")
    entry = attrs.evolve(statement.entries[0], party=sneaky)
    path = write_billing_workbook(
        [attrs.evolve(statement, entries=(entry, *statement.entries[1:]))], tmp_path / "f.xlsx"
    )
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert sheet["B16"].value == '=HYPERLINK("x")'
    assert sheet["B16"].data_type == "s"


def test_amounts_excel_cannot_hold_exactly_are_refused(tmp_path: Path) -> None:
    huge = settle(BASE, 2023, {"Nord": CostStatement(personnel=Decimal("10000000000000.01"))})
    with pytest.raises(InvalidValueError, match=r"cannot write 10000000000000\.01 euros to Excel"):
        write_billing_workbook(billing_statements(huge), tmp_path / "huge.xlsx")
    assert not (tmp_path / "huge.xlsx").exists()
    just = settle(BASE, 2023, {"Nord": CostStatement(personnel=Decimal("9999999999999.99"))})
    path = write_billing_workbook(billing_statements(just), tmp_path / "just.xlsx")
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert Decimal(repr(sheet["B9"].value)) == Decimal("9999999999999.99")


def test_workbook_refusals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    statements = billing_statements(settlement_2023())
    with pytest.raises(InvalidValueError, match="no billing statements given"):
        write_billing_workbook([], tmp_path / "none.xlsx")
    with pytest.raises(InvalidTypeError, match="must all be BillingStatement, got str"):
        write_billing_workbook(["Nord"], tmp_path / "bad.xlsx")  # type: ignore[list-item]
    with pytest.raises(InvalidValueError, match="lang must be 'de' or 'en', got 'nl'"):
        write_billing_workbook(statements, tmp_path / "nl.xlsx", lang="nl")  # type: ignore[arg-type]
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(ModuleNotFoundError, match=r"pip install kim-cooperation\[excel\]"):
        write_billing_workbook(statements, tmp_path / "missing.xlsx")


def test_an_entry_is_a_plain_value() -> None:
    entry = nord().entries[0]
    assert isinstance(entry, BillingEntry)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        entry.part = Decimal("0")  # type: ignore[misc]


# --- Properties -----------------------------------------------------------------------------


@st.composite
def plans_with_advances(
    draw: st.DrawFn,
) -> tuple[dict[str, CostStatement], dict[str, Decimal]]:
    plan = draw(region_cost_plans())
    towns = [
        town
        for employer, members in COESFELD_REGIONS.values()
        for town in members
        if town != employer
    ]
    chosen = draw(st.lists(st.sampled_from(towns), unique=True))
    advances = {
        town: Decimal(draw(st.integers(min_value=0, max_value=10_000_000))) / 100
        for town in chosen
    }
    return plan, advances


@given(case=plans_with_advances())
@settings(max_examples=50)
def test_statements_add_up(case: tuple[dict[str, CostStatement], dict[str, Decimal]]) -> None:
    plan, advances = case
    settlement = settle(BASE, 2023, plan)
    statements = billing_statements(settlement, advances=advances)
    for statement, region in zip(statements, settlement.regions, strict=True):
        parts = sum((entry.part for entry in statement.entries), Decimal(0))
        assert parts == statement.own_share == region.own_share
        for entry in statement.entries:
            paid = advances.get(entry.party.name, Decimal(0))
            assert entry.advances == paid
            if entry.role is Role.MEMBER:
                assert entry.balance == entry.part - paid
            else:
                assert entry.balance is None
                assert entry.party == region.employer
        assert statement.balance_total == statement.billed_total - statement.advances_total
        rows = list(
            csv.DictReader(io.StringIO(billing_csv([statement], lang="de")), delimiter=";")
        )
        in_csv = (Decimal(row["Anteil am Eigenanteil"].replace(",", ".")) for row in rows)
        assert sum(in_csv, Decimal(0)) == statement.own_share
        assert [
            None if row["Saldo"] == "" else Decimal(row["Saldo"].replace(",", ".")) for row in rows
        ] == [entry.balance for entry in statement.entries]
