"""The files the command line writes: charts, workbooks and Word documents (issue 15).

Each new format is run through `main` into ``tmp_path`` and the file read
back: the signature of a PNG, SVG or PDF and the chart's title in the SVG;
every figure of a workbook (openpyxl) or a document (python-docx) against
the library's result. Then the refusals: a format a command does not give,
a binary format without a file, a file without its format, a missing extra;
none of them leaves a file behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest

from kim_cooperation import presets, scenario, settle
from kim_cooperation.billing import billing_statements
from kim_cooperation.cli import main
from kim_cooperation.formatting import format_eur
from kim_cooperation.projection import project

openpyxl = pytest.importorskip("openpyxl")
docx = pytest.importorskip("docx")
pytest.importorskip("matplotlib")

SIGNATURES = {"png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-", "svg": b"<?xml"}


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


def _svg_title(path: Path) -> str:
    found = ET.parse(path).getroot().find(".//{http://purl.org/dc/elements/1.1/}title")
    assert found is not None
    return found.text or ""


# --------------------------------------------------------------------------- charts


@pytest.mark.parametrize("chosen", ["png", "svg", "pdf"])
def test_project_writes_its_chart(tmp_path: Path, chosen: str) -> None:
    target = tmp_path / f"vorausschau.{chosen}"
    status, out, err = _run(
        ["project", "--from", "2023", "--to", "2025", "--format", chosen, "--output", str(target)]
    )
    assert (status, err) == (0, "")
    assert target.read_bytes().startswith(SIGNATURES[chosen])
    assert out.splitlines()[-1] == (
        f"{target} geschrieben: Diagramm der Eigenanteile je Kommune und Jahr, 2023–2025"
    )
    assert "Planungsannahme" in out  # the notes on the costs stay on the screen
    if chosen == "svg":
        figure = project(
            presets.coesfeld(), range(2023, 2026), presets.coesfeld_planning_costs_2023()
        ).plot()
        assert _svg_title(target) == " ".join(figure.get_suptitle().split())
    assert sorted(tmp_path.iterdir()) == [target]  # no temporary file left


def test_the_same_chart_gives_the_same_bytes(tmp_path: Path) -> None:
    for chosen in ("svg", "pdf", "png"):
        files = [tmp_path / f"{index}.{chosen}" for index in (1, 2)]
        for target in files:
            argv = ["settle", "--year", "2023", "--region", "Nord", "--format", chosen]
            assert _run([*argv, "--output", str(target)])[0] == 0
        assert files[0].read_bytes() == files[1].read_bytes()
    assert b"CreationDate" not in (tmp_path / "1.pdf").read_bytes()
    assert b"<dc:date>" not in (tmp_path / "1.svg").read_bytes()


def test_scenario_writes_the_chart_of_the_differences(tmp_path: Path) -> None:
    target = tmp_path / "szenario.svg"
    argv = ["scenario", "--from", "2024", "--to", "2026", "--rate", "57000", "--lang", "en"]
    status, out, _ = _run([*argv, "--format", "svg", "--output", str(target)])
    assert status == 0
    assert out.splitlines()[-1] == (
        f"{target} written: chart of the differences against the baseline, 2024–2026"
    )
    base = presets.coesfeld()
    comparison = scenario.compare(
        base,
        {
            "rate €57,000.00 from 2024-01-01": scenario.rate_change(
                base, Decimal(57000), _day(2024)
            )
        },
        range(2024, 2027),
        presets.coesfeld_planning_costs_2023(),
    )
    assert _svg_title(target) == " ".join(comparison.plot(lang="en").get_suptitle().split())


def _day(year: int) -> dt.date:
    return dt.date(year, 1, 1)


@pytest.mark.parametrize(
    ("chart", "draw"),
    [("derivation", "plot"), ("key", "plot_key")],
)
def test_settle_writes_a_regions_chart(tmp_path: Path, chart: str, draw: str) -> None:
    target = tmp_path / "nord.svg"
    status, out, _ = _run(
        [
            *["--agreement", "example", "settle", "--year", "2026", "--region", "nord"],
            *["--chart", chart, "--format", "svg", "--output", str(target), "--lang", "en"],
        ]
    )
    assert status == 0
    settlement = settle(presets.example(), 2026, presets.example_cost_plans()[2026])
    figure = getattr(settlement, draw)("Nord", lang="en")
    assert _svg_title(target) == " ".join(figure.get_suptitle().split())
    assert "Region Nord" in out.splitlines()[-1]


def test_settle_needs_the_region_when_several_are_settled(tmp_path: Path) -> None:
    target = tmp_path / "s.png"
    status, out, err = _run(
        ["settle", "--year", "2023", "--format", "png", "--output", str(target)]
    )
    assert (status, out) == (2, "")
    assert err == (
        "kim-cooperation: Fehler: ein Diagramm zeigt eine Region: geben Sie --region Nord, "
        "Mitte oder Süd an\n"
    )
    assert not target.exists()
    status, _, err = _run(
        [
            "settle",
            "--year",
            "2023",
            "--region",
            "West",
            "--format",
            "png",
            "--output",
            str(target),
        ]
    )
    assert status == 2
    assert "West" in err
    assert not target.exists()


# --------------------------------------------------------------------------- workbooks


def _table(sheet: object) -> dict[tuple[str, int], Decimal]:
    rows = list(sheet.iter_rows(values_only=True))  # type: ignore[attr-defined]
    headings = rows[3]
    years = {
        index: int(str(value)) for index, value in enumerate(headings) if str(value).isdigit()
    }
    found: dict[tuple[str, int], Decimal] = {}
    for row in rows[4:]:
        if row[1] is None:  # the totals row and what follows
            break
        for index, year in years.items():
            found[(str(row[2]), year)] = Decimal(str(row[index]))
    return found


def test_project_writes_the_workbook_with_notes_and_growth(tmp_path: Path) -> None:
    target = tmp_path / "vorausschau.xlsx"
    status, out, err = _run(
        [
            *["project", "--from", "2023", "--to", "2025", "--growth", "3 %"],
            *["--format", "xlsx", "--output", str(target)],
        ]
    )
    assert (status, err) == (0, "")
    assert out == (
        f"{target} geschrieben: Arbeitsmappe der Eigenanteile je Kommune und Jahr, 2023–2025\n"
    )
    projection = project(
        presets.coesfeld(),
        range(2023, 2026),
        presets.coesfeld_planning_costs_2023(),
        personnel_growth=Decimal("0.03"),
    )
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames == ["Eigenanteile", "Erläuterungen"]
    expected = {
        (party.name, year): projection.own_share_of(party, year)
        for party in projection.parties
        for year in projection.years
    }
    assert _table(workbook["Eigenanteile"]) == expected
    notes = list(workbook["Erläuterungen"].iter_rows(values_only=True))
    assert notes[1][0].startswith("Kosten: Region Nord laut Ratsvorlage 2023")
    sources = [str(row[-1]) for row in notes if row[-1]]
    assert any("um 3 % gesteigert" in source for source in sources)


def test_scenario_writes_the_workbook(tmp_path: Path) -> None:
    target = tmp_path / "szenarien.xlsx"
    status, out, _ = _run(
        [
            *["scenario", "--from", "2024", "--to", "2025", "--notice", "Rosendahl=28.06.2024"],
            *["--format", "xlsx", "--output", str(target), "--lang", "en"],
        ]
    )
    assert status == 0
    assert out == (
        f"{target} written: workbook of the baseline and one variant, 2024–2025, "
        "with the differences\n"
    )
    base = presets.coesfeld()
    name = "Rosendahl gives notice 2024-06-28"
    comparison = scenario.compare(
        base,
        {name: scenario.notice_by(base, "Rosendahl", dt.date(2024, 6, 28))},
        range(2024, 2026),
        presets.coesfeld_planning_costs_2023(),
    )
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames == ["baseline", name[:31], "Differences", "Notes"]  # Excel: 31
    for sheet, projection in zip(workbook.sheetnames[:2], comparison.projections, strict=True):
        assert _table(workbook[sheet]) == {
            (party.name, year): projection.own_share_of(party, year)
            for party in projection.parties
            for year in projection.years
        }


# --------------------------------------------------------------------------- documents


def test_report_writes_the_council_papers_section(tmp_path: Path) -> None:
    target = tmp_path / "ratsvorlage.docx"
    status, out, _ = _run(
        [
            *["report", "--party", "Billerbeck", "--layout", "nkf", "--format", "docx"],
            *["--output", str(target)],
        ]
    )
    assert status == 0
    assert out == (
        f"{target} geschrieben: die finanziellen Auswirkungen 2023 für Billerbeck, "
        "für die Ratsvorlage\n"
    )
    document = docx.Document(str(target))
    assert document.core_properties.title == "Finanzielle Auswirkungen 2023 – Stadt Billerbeck"
    settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_planning_costs_2023())
    part = settlement.own_share_of("Billerbeck")
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert format_eur(part, lang="de", cents=True) in cells or f"-{format_eur(part)}" in cells
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    assert paragraphs[paragraphs.index("Annahmen") + 1].startswith("Kosten: Region Nord")


def test_billing_writes_the_letters(tmp_path: Path) -> None:
    folder = tmp_path / "Briefe"
    status, out, _ = _run(
        [
            *["billing", "--year", "2023", "--advance", "Rosendahl=9000"],
            *["--format", "docx", "--out", str(folder)],
        ]
    )
    assert status == 0
    assert out == f"8 Abrechnungsschreiben für 2023 in {folder} geschrieben (C9)\n"
    settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_planning_costs_2023())
    statements = billing_statements(settlement, advances={"Rosendahl": Decimal(9000)})
    paying = [
        entry
        for statement in statements
        for entry in statement.entries
        if entry.role.value == "member"
    ]
    assert len(sorted(folder.iterdir())) == len(paying) == 8
    letter = docx.Document(str(folder / "Jahresabrechnung-2023-Nord-Rosendahl.docx"))
    rows = [[cell.text for cell in row.cells] for row in letter.tables[0].rows]
    assert rows[-1] == ["Saldo (+ Nachzahlung, − Erstattung)", "-875,00 €", "C9"]


def test_documents_carry_the_date_given(tmp_path: Path) -> None:
    report_file, folder = tmp_path / "ratsvorlage.docx", tmp_path / "Briefe"
    assert (
        _run(["report", "--format", "docx", "--output", str(report_file), "--date", "15.03.2024"])[
            0
        ]
        == 0
    )
    document = docx.Document(str(report_file))
    assert "Berechnet mit kim_cooperation am 15.03.2024." in [p.text for p in document.paragraphs]
    assert document.core_properties.created.date() == dt.date(2024, 3, 15)
    argv = ["billing", "--year", "2023", "--format", "docx", "--out", str(folder)]
    assert _run([*argv, "--date", "2024-03-15", "--lang", "en"])[0] == 0
    for path in folder.iterdir():
        letter = docx.Document(str(path))
        assert any(p.text.endswith(", 2024-03-15") for p in letter.paragraphs), path.name


def test_billing_out_files_still_work(tmp_path: Path) -> None:
    target = tmp_path / "abrechnung.xlsx"
    assert _run(["billing", "--year", "2023", "--out", str(target)])[0] == 0
    assert openpyxl.load_workbook(target).sheetnames


# --------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("argv", "german", "english"),
    [
        (
            ["deadline", "--year", "2026", "--format", "png"],
            "deadline kann --format png nicht ausgeben; möglich sind text, json oder csv",
            "deadline cannot give --format png; it gives text, json or csv",
        ),
        (
            ["--format", "xlsx", "settle", "--year", "2023"],
            "settle kann --format xlsx nicht ausgeben; möglich sind text, json, csv, png, svg "
            "oder pdf",
            "settle cannot give --format xlsx; it gives text, json, csv, png, svg or pdf",
        ),
        (
            ["project", "--from", "2023", "--to", "2024", "--format", "xlsx"],
            "--format xlsx schreibt eine Datei, nie auf die Standardausgabe: geben Sie "
            "--output DATEI an",
            "--format xlsx writes a file, never to standard output: give --output FILE",
        ),
        (
            ["billing", "--year", "2023", "--format", "docx"],
            "--format docx schreibt eine Datei, nie auf die Standardausgabe: geben Sie "
            "--out ORDNER an",
            "--format docx writes a file, never to standard output: give --out FOLDER",
        ),
        (
            ["report", "--date", "15.03.2024"],
            "--date ist das Datum auf Dokumenten: geben Sie --format docx an",
            "--date is the date written on documents: give --format docx",
        ),
        (
            ["billing", "--year", "2023", "--format", "csv", "--date", "15.03.2024"],
            "--date ist das Datum auf Dokumenten: geben Sie --format docx an",
            "--date is the date written on documents: give --format docx",
        ),
        (
            ["settle", "--year", "2023", "--region", "Nord"],
            "--region und --chart wählen das Diagramm: geben Sie --format png, svg oder pdf "
            "und --output DATEI an",
            "--region and --chart choose the chart: give --format png, svg or pdf and "
            "--output FILE",
        ),
    ],
)
def test_refusals_name_what_to_give(argv: list[str], german: str, english: str) -> None:
    for lang, message in (("de", german), ("en", english)):
        status, out, err = _run([*argv, "--lang", lang])
        prefix = "Fehler" if lang == "de" else "error"
        assert (status, out, err) == (2, "", f"kim-cooperation: {prefix}: {message}\n")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["project", "--from", "2023", "--to", "2024", "--format", "pdf", "--output", "{}.png"],
            "--output must end in .pdf for --format pdf, got '{}.png'",
        ),
        (
            ["project", "--from", "2023", "--to", "2024", "--output", "{}.xlsx"],
            "--output is for the files project writes: give --format png, svg, pdf or xlsx",
        ),
        (
            ["report", "--output", "{}.docx"],
            "--output is for the files report writes: give --format docx",
        ),
    ],
)
def test_a_file_needs_its_format(tmp_path: Path, argv: list[str], message: str) -> None:
    stem = str(tmp_path / "datei")
    status, _, err = _run([*(part.format(stem) for part in argv), "--lang", "en"])
    assert (status, err) == (2, f"kim-cooperation: error: {message.format(stem)}\n")
    assert list(tmp_path.iterdir()) == []


def _hide(monkeypatch: pytest.MonkeyPatch, module: str) -> None:
    """As if ``module`` were not installed: it and its submodules cannot be imported."""
    for name in [name for name in sys.modules if name.startswith(f"{module}.")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, module, None)


@pytest.mark.parametrize(
    ("module", "argv", "extra", "package"),
    [
        (
            "matplotlib",
            ["settle", "--year", "2023", "--region", "Nord", "--format", "png"],
            "plot",
            "matplotlib",
        ),
        (
            "openpyxl",
            ["project", "--from", "2023", "--to", "2024", "--format", "xlsx"],
            "excel",
            "openpyxl",
        ),
        ("docx", ["report", "--format", "docx"], "docx", "python-docx"),
    ],
)
def test_a_missing_extra_names_the_install(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    module: str,
    argv: list[str],
    extra: str,
    package: str,
) -> None:
    _hide(monkeypatch, module)
    chosen = argv[-1]
    target = tmp_path / f"datei.{chosen}"
    status, out, err = _run([*argv, "--output", str(target)])
    assert (status, out) == (2, "")
    assert err == (
        f"kim-cooperation: Fehler: --format {chosen} braucht {package}; installieren Sie es "
        f"mit pip install kim-cooperation[{extra}]\n"
    )
    status, _, err = _run([*argv, "--output", str(target), "--lang", "en"])
    assert err == (
        f"kim-cooperation: error: --format {chosen} needs {package}; install it with "
        f"pip install kim-cooperation[{extra}]\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_billing_letters_without_python_docx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _hide(monkeypatch, "docx")
    folder = tmp_path / "Briefe"
    status, _, err = _run(["billing", "--year", "2023", "--format", "docx", "--out", str(folder)])
    assert status == 2
    assert "pip install kim-cooperation[docx]" in err
    assert not folder.exists()


def test_a_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "diagramm.png"
    target.write_bytes(b"old")
    # A region that was not settled: refused before anything is written.
    status, _, _ = _run(
        [
            "settle",
            "--year",
            "2023",
            "--region",
            "West",
            "--format",
            "png",
            "--output",
            str(target),
        ]
    )
    assert status == 2
    assert target.read_bytes() == b"old"
    assert sorted(tmp_path.iterdir()) == [target]
    # A folder where the file should be: the error names it, nothing else is written.
    folder = tmp_path / "ordner.xlsx"
    folder.mkdir()
    status, _, err = _run(
        ["project", "--from", "2023", "--to", "2024", "--format", "xlsx", "--output", str(folder)]
    )
    assert status == 2
    assert "ordner.xlsx" in err
    assert sorted(tmp_path.iterdir()) == [target, folder]
    assert list(folder.iterdir()) == []
