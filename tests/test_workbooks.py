"""Projection and comparison workbooks: every figure, every total's formula, the notes, the setup.

The workbooks are read back with openpyxl twice: as written (the totals'
formulas) and with the cached values (what a program that does not
calculate shows). Every town × year cell is compared with the library's
figure, every formula's range is summed from the cells it names, and its
cached value is compared with the library's exact total.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import warnings
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from kim_cooperation import CostStatement, presets, scenario
from kim_cooperation.errors import InvalidTypeError, InvalidValueError
from kim_cooperation.export import to_records
from kim_cooperation.formatting import Lang
from kim_cooperation.projection import Projection, project
from kim_cooperation.scenario import Comparison
from kim_cooperation.workbooks import write_comparison_workbook, write_projection_workbook

MONEY = "#,##0.00 €"
GROWTH = Decimal("0.03")
TOTAL = {"de": "Summe", "en": "Total"}


def growing_projection() -> Projection:
    """Rosendahl leaves at the end of 2025; costs grow by 3 % a year (C12)."""
    agreement = presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 28))
    return project(
        agreement,
        range(2024, 2028),
        presets.coesfeld_planning_costs_2023(),
        personnel_growth=GROWTH,
    )


def comparison() -> Comparison:
    base = presets.coesfeld()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # notices received on a Sunday
        variants = {
            "57.000 € ab 2025": scenario.rate_change(base, 57000, dt.date(2025, 1, 1)),
            "alle kündigen": scenario.all_give_notice(base, dt.date(2024, 6, 28)),
        }
    return scenario.compare(
        base, variants, range(2024, 2028), presets.coesfeld_planning_costs_2023()
    )


def exact(value: object) -> Decimal:
    """A number as read back, exactly: openpyxl gives the nearest float of the stored digits."""
    assert isinstance(value, int | float), value
    assert not isinstance(value, bool), value
    return Decimal(repr(value))


def range_sum(sheet: Worksheet, formula: object) -> Decimal:
    """The exact sum of the cells a ``=SUM(D5:D9)`` or ``=SUM(D5:G5)`` formula names."""
    assert isinstance(formula, str)
    match = re.fullmatch(r"=SUM\(([A-Z]+\d+):([A-Z]+\d+)\)", formula)
    assert match is not None, formula
    cells = sheet[match[1] : match[2]]
    return sum((exact(cell.value) for row in cells for cell in row), Decimal(0))


def check_block(
    sheet: Worksheet,
    cached: Worksheet,
    header: int,
    expected: dict[str, list[Decimal]],
    lang: Lang,
) -> None:
    """A block of towns by years: every figure, each total a formula over its row or column."""
    years = len(next(iter(expected.values())))
    total_column = 4 + years
    last = header + len(expected)
    seen = {}
    for row in range(header + 1, last + 1):
        town = sheet.cell(row=row, column=3).value
        values = [exact(sheet.cell(row=row, column=4 + i).value) for i in range(years)]
        for column in range(4, 4 + years):
            assert sheet.cell(row=row, column=column).number_format == MONEY
        seen[town] = values
        formula = sheet.cell(row=row, column=total_column)
        assert formula.data_type == "f"
        assert formula.number_format == MONEY
        assert formula.value == f"=SUM(D{row}:{_letter(total_column - 1)}{row})"
        total = sum(values, Decimal(0))
        assert range_sum(cached, formula.value) == total
        assert exact(cached.cell(row=row, column=total_column).value) == total
    assert seen == expected
    totals_row = last + 1
    assert sheet.cell(row=totals_row, column=3).value == TOTAL[lang]
    for index in range(years + 1):
        column = 4 + index
        formula = sheet.cell(row=totals_row, column=column)
        letter = _letter(column)
        assert formula.value == f"=SUM({letter}{header + 1}:{letter}{last})"
        total = sum(
            (
                sum(values, Decimal(0)) if index == years else values[index]
                for values in expected.values()
            ),
            Decimal(0),
        )
        # The cells it names, as cached (the grand total sums the towns' totals).
        assert range_sum(cached, formula.value) == total
        assert exact(cached.cell(row=totals_row, column=column).value) == total


def _letter(column: int) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[column - 1]


def check_print_setup(sheet: Worksheet, title_rows: str) -> None:
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.page_setup.fitToHeight == 0
    fit = sheet.sheet_properties.pageSetUpPr
    assert fit is not None
    assert fit.fitToPage
    assert sheet.print_title_rows == title_rows
    assert sheet.print_area is not None


@pytest.mark.parametrize("lang", ["de", "en"])
def test_projection_workbook_has_every_figure(tmp_path: Path, lang: Lang) -> None:
    projection = growing_projection()
    path = write_projection_workbook(
        projection, tmp_path / "p.xlsx", lang=lang, personnel_growth=GROWTH
    )
    workbook = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    table, notes = ("Eigenanteile", "Erläuterungen") if lang == "de" else ("Own shares", "Notes")
    assert workbook.sheetnames == [table, notes]
    sheet = workbook[table]
    assert sheet["A1"].value == projection._title(lang)
    title = str(sheet["A1"].value)
    assert "2024" in title
    assert projection.agreement.name in title
    assert [cell.value for cell in sheet[4]] == [
        "Region",
        "AGS",
        "Kommune" if lang == "de" else "Town",
        "2024",
        "2025",
        "2026",
        "2027",
        TOTAL[lang],
    ]
    expected = {
        party.name: [projection.own_share_of(party, year) for year in projection.years]
        for party in projection.parties
    }
    check_block(sheet, cached[table], 4, expected, lang)
    # Grouped by region, in the agreement's order, then by AGS.
    regions = [str(sheet.cell(row=row, column=1).value) for row in range(5, 5 + len(expected))]
    order = [region.name for region in projection.agreement.regions]
    assert regions == sorted(regions, key=order.index)
    ags = [sheet.cell(row=row, column=2).value for row in range(5, 5 + len(expected))]
    assert all(isinstance(value, str) and len(value) == 8 for value in ags)
    check_print_setup(sheet, "$1:$4")
    check_print_setup(workbook[notes], "$1:$1")
    footer = sheet.oddFooter
    assert footer is not None
    assert footer.center is not None
    assert footer.center.text == ("Seite &P von &N" if lang == "de" else "Page &P of &N")
    properties = workbook.properties
    assert properties.title == projection._title(lang)
    assert properties.creator == "kim_cooperation"
    assert projection.agreement.name in (properties.keywords or "")
    assert "C4" in (properties.subject or "")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_projection_notes_name_each_figures_clause_and_the_cost_plans(
    tmp_path: Path, lang: Lang
) -> None:
    projection = growing_projection()
    path = write_projection_workbook(
        projection,
        tmp_path / "p.xlsx",
        lang=lang,
        personnel_growth=GROWTH,
        notes=["Kosten: Region Nord aus der Ratsvorlage 2023"],
    )
    notes = openpyxl.load_workbook(path).worksheets[1]
    rows = list(notes.iter_rows(values_only=True))
    assert rows[1][0] == "Kosten: Region Nord aus der Ratsvorlage 2023"
    records = to_records(projection)
    figures = [row for row in rows if isinstance(row[0], int) and isinstance(row[2], str)]
    plans = [row for row in rows if isinstance(row[0], int) and not isinstance(row[2], str)]
    for row, record in zip(figures, records, strict=True):
        assert row[:4] == (record["year"], record["region"], record["party_ags"], record["party"])
        assert exact(row[4]) == record["own_share"]
        assert str(row[5]).split(" ")[0] == record["clause"]
    assert {str(row[5]).split(" ")[0] for row in figures} == {"C4", "C12"}
    expected_plans = [
        (year, region, statement)
        for year in projection.years
        for region, statement in projection.plan(year).items()
    ]
    assert len(plans) == len(expected_plans)
    for row, (year, region, statement) in zip(plans, expected_plans, strict=True):
        assert row[:2] == (year, region)
        assert [exact(value) for value in row[2:7]] == [
            statement.personnel,
            statement.equipment,
            statement.recruitment,
            statement.administration,
            statement.material_not_itemised,
        ]
        assert exact(row[7]) == statement.total
        if year == 2024:
            assert row[8] == ("Basisplan" if lang == "de" else "base plan")
        else:
            assert row[8] == (
                "Planungsannahme: Personalkosten des Plans 2024, jährlich um 3 % gesteigert, "
                "auf Cent gerundet"
                if lang == "de"
                else "planning assumption: personnel costs of the 2024 plan grown by 3 % a "
                "year, rounded to cents"
            )


def test_projection_notes_without_a_growth_make_no_claim(tmp_path: Path) -> None:
    projection = growing_projection()
    path = write_projection_workbook(projection, tmp_path / "p.xlsx", lang="en")
    notes = openpyxl.load_workbook(path)["Notes"]
    rows = notes.iter_rows(values_only=True)
    sources = {row[8] for row in rows if row[1] == "Nord" and not isinstance(row[2], str)}
    assert sources == {"cost plan used for the year"}


def test_a_growth_the_plans_do_not_show_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError, match=r"the cost plan of 2025 is not the 2024 plan"):
        write_projection_workbook(
            growing_projection(), tmp_path / "p.xlsx", personnel_growth=Decimal("0.02")
        )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_comparison_workbook_has_every_sheet_and_difference(tmp_path: Path, lang: Lang) -> None:
    compared = comparison()
    path = write_comparison_workbook(compared, tmp_path / "c.xlsx", lang=lang)
    workbook = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    baseline = "Basis" if lang == "de" else "baseline"
    differences, notes = (
        ("Differenzen", "Erläuterungen") if lang == "de" else ("Differences", "Notes")
    )
    assert workbook.sheetnames == [
        baseline,
        "57.000 € ab 2025",
        "alle kündigen",
        differences,
        notes,
    ]
    for name, sheet in zip(compared.names, workbook.worksheets, strict=False):
        assert sheet["A1"].value.startswith(f"{baseline if name == 'baseline' else name}: ")
        expected = {
            party.name: [compared.value(name, party, year) for year in compared.years]
            for party in compared.parties
        }
        check_block(sheet, cached[sheet.title], 4, expected, lang)
        check_print_setup(sheet, "$1:$4")
    sheet = workbook[differences]
    header = 5
    for name in compared.names[1:]:
        assert sheet.cell(row=header - 1, column=1).value == name
        expected = {
            party.name: [compared.difference(name, party, year) for year in compared.years]
            for party in compared.parties
        }
        check_block(sheet, cached[differences], header, expected, lang)
        header += len(expected) + 4
    check_print_setup(sheet, "$1:$2")
    # The notes list every figure of every scenario; the shared plans once.
    rows = list(workbook[notes].iter_rows(values_only=True))
    figures = [row for row in rows if isinstance(row[1], int) and isinstance(row[4], str)]
    records = to_records(compared)
    assert len(figures) == len(records)
    for row, record in zip(figures, records, strict=True):
        name = baseline if record["scenario"] == "baseline" else str(record["scenario"])
        assert (row[0], row[1], row[3], exact(row[5])) == (
            name,
            record["year"],
            record["party_ags"],
            record["own_share"],
        )
    plans = [row for row in rows if isinstance(row[1], int) and row[4] is not None]
    plans = [row for row in plans if not isinstance(row[4], str)]
    assert {row[0] for row in plans} == {baseline}
    assert len(plans) == 3 * len(compared.years)


def test_a_growth_per_scenario(tmp_path: Path) -> None:
    base = presets.coesfeld()
    compared = scenario.compare(
        base,
        {"teurer": scenario.Variant(agreement=base, personnel_growth=Decimal("0.05"))},
        [2024, 2025],
        presets.coesfeld_planning_costs_2023(),
        personnel_growth=GROWTH,
    )
    path = write_comparison_workbook(
        compared,
        tmp_path / "c.xlsx",
        lang="en",
        personnel_growth={"baseline": GROWTH, "teurer": Decimal("0.05")},
    )
    rows = list(openpyxl.load_workbook(path)["Notes"].iter_rows(values_only=True))
    sources = {(row[0], row[1]): str(row[-1]) for row in rows if row[2] == "Nord" and row[-1]}
    assert sources[("teurer", 2025)].endswith("grown by 5 % a year, rounded to cents")
    assert sources[("baseline", 2025)].endswith("grown by 3 % a year, rounded to cents")
    with pytest.raises(InvalidValueError, match="personnel_growth names no scenario 'other'"):
        write_comparison_workbook(compared, tmp_path / "x.xlsx", personnel_growth={"other": 0})
    with pytest.raises(InvalidValueError, match="the cost plan of 2025 is not the 2024 plan"):
        write_comparison_workbook(compared, tmp_path / "x.xlsx", personnel_growth=GROWTH)
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.parametrize("write", [write_projection_workbook, write_comparison_workbook])
def test_amounts_excel_cannot_hold_are_refused_and_nothing_is_written(
    tmp_path: Path, write: object
) -> None:
    huge = {"Nord": CostStatement(personnel=Decimal("40000000000000.01"))}
    base = presets.coesfeld()
    result: Projection | Comparison
    if write is write_projection_workbook:
        result = project(base, [2023], huge)
    else:
        result = scenario.compare(base, {"x": base}, [2023], huge)
    target = tmp_path / "w.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(
        InvalidValueError, match=r"cannot write \d{14}\.\d\d euros to Excel exactly"
    ):
        write(result, target)  # type: ignore[operator]
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]


def test_the_largest_amount_excel_holds_is_written_exactly(tmp_path: Path) -> None:
    plan = {"Nord": CostStatement(personnel=Decimal("9999999999999.99"))}
    path = write_projection_workbook(
        project(presets.coesfeld(), [2023], plan), tmp_path / "w.xlsx"
    )
    rows = openpyxl.load_workbook(path)["Erläuterungen"].iter_rows(values_only=True)
    plans = [row for row in rows if row[1] == "Nord" and not isinstance(row[2], str)]
    assert [exact(row[2]) for row in plans] == [Decimal("9999999999999.99")]


def test_a_failure_while_writing_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kim_cooperation import _excel

    def broken(*arguments: object) -> bytes:
        raise OSError("disk full")

    monkeypatch.setattr(_excel, "_with_cached_values", broken)
    with pytest.raises(OSError, match="disk full"):
        write_projection_workbook(growing_projection(), tmp_path / "p.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_refusals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    projection = growing_projection()
    with pytest.raises(InvalidTypeError, match="projection must be a Projection, got str"):
        write_projection_workbook("p", tmp_path / "p.xlsx")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="comparison must be a Comparison, got Projection"):
        write_comparison_workbook(projection, tmp_path / "p.xlsx")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="lang must be 'de' or 'en', got 'nl'"):
        write_projection_workbook(projection, tmp_path / "p.xlsx", lang="nl")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        write_projection_workbook(projection, tmp_path / "p.xlsx", notes=[1])  # type: ignore[list-item]
    with pytest.raises(InvalidTypeError):
        write_projection_workbook(projection, tmp_path / "p.xlsx", personnel_growth=0.03)  # type: ignore[arg-type]
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(ModuleNotFoundError, match=r"pip install kim-cooperation\[excel\]"):
        write_projection_workbook(projection, tmp_path / "p.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    base = presets.coesfeld()
    compared = scenario.compare(
        base, {"=HYPERLINK(1)": base}, [2023], presets.coesfeld_cost_plan_2023()
    )
    path = write_comparison_workbook(compared, tmp_path / "c.xlsx")
    sheet = openpyxl.load_workbook(path).worksheets[2]
    assert sheet["A4"].value == "=HYPERLINK(1)"
    assert sheet["A4"].data_type == "s"
