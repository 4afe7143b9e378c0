"""The council paper's financial impact and the billing letters as Word documents.

Each document is read back with python-docx and every figure is compared to
the library's result: the impact's lines (council-paper and NKF layout) and
the billing statements' parts, advances and balances, with their clauses, in
German and English.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from kim_cooperation import financial_impact, presets, settle
from kim_cooperation.billing import BillingStatement, billing_statements
from kim_cooperation.documents import write_billing_letters, write_impact_document
from kim_cooperation.errors import InvalidTypeError, InvalidValueError, UnknownPartyError
from kim_cooperation.formatting import Lang, format_eur
from kim_cooperation.impact import FinancialImpact, ImpactLine, Role
from kim_cooperation.settlement import Settlement

DAY = dt.date(2024, 3, 1)


def _paper() -> Settlement:
    return settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())


def _planning() -> Settlement:
    return settle(presets.coesfeld(), 2023, presets.coesfeld_planning_costs_2023())


def _amount(text: str, lang: Lang) -> Decimal | None:
    """A shown amount back as a Decimal: ``-8.125,00 €`` or ``-€8,125.00``; ``–`` is None."""
    if text == "–":
        return None
    if lang == "de":
        assert re.fullmatch(r"-?\d{1,3}(\.\d{3})*,\d{2} €", text), text
        return Decimal(text.removesuffix(" €").replace(".", "").replace(",", "."))
    assert re.fullmatch(r"-?€\d{1,3}(,\d{3})*\.\d{2}", text), text
    return Decimal(text.replace("€", "").replace(",", ""))


def _texts(document: docx.document.Document) -> str:
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def _check_lines(rows: list[list[str]], lines: tuple[ImpactLine, ...], lang: Lang) -> None:
    """A statement as a list: header, then label, amount, clause a line."""
    assert len(rows) == len(lines) + 1
    for row, line in zip(rows[1:], lines, strict=True):
        label = line.label if lang == "de" else line.label_en
        assert row == [row[0], row[1], row[2]]
        assert row[0] == label
        assert _amount(row[1], lang) == line.amount
        assert row[2] == (line.clause.value if line.clause else "")


def _rows(table: docx.table.Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def _check_impact(path: Path, impact: FinancialImpact, lang: Lang) -> docx.document.Document:
    document = docx.Document(str(path))
    tables = document.tables
    if impact.layout.value == "council-paper":
        finance, recurrence, result = (_rows(table) for table in tables)
        labels, amounts, clauses = finance
        assert labels == [line.label if lang == "de" else line.label_en for line in impact.finance]
        assert [_amount(text, lang) for text in amounts] == [
            line.amount for line in impact.finance
        ]
        assert [text.split()[-1] for text in clauses] == [
            line.clause.value if line.clause else "" for line in impact.finance
        ]
        balance = impact.line("balance", table="result").amount
        marked = recurrence[0] if impact.recurring else recurrence[1]
        assert marked[0] == "X"
        assert _amount(marked[2], lang) == balance
        other = recurrence[1] if impact.recurring else recurrence[0]
        assert other[0] == other[2] == ""
    else:
        finance_rows, result = (_rows(table) for table in tables)
        _check_lines(finance_rows, impact.finance, lang)
    _check_lines(result, impact.result, lang)
    return document


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("layout", ["council-paper", "nkf"])
@pytest.mark.parametrize("town", ["Coesfeld", "Billerbeck", "Dülmen", "Senden"])
def test_impact_document_shows_every_line_of_the_impact(
    tmp_path: Path, lang: Lang, layout: str, town: str
) -> None:
    settlement = _planning()
    path = write_impact_document(
        settlement, town, tmp_path / "impact.docx", layout=layout, lang=lang, day=DAY
    )
    impact = financial_impact(settlement, town, layout=layout)
    document = _check_impact(path, impact, lang)
    text = _texts(document)
    # Every clause the tables cite is explained below them.
    for line in (*impact.finance, *impact.result):
        if line.clause:
            assert re.search(rf"^{line.clause.value} ", text, re.MULTILINE), line.clause
    region = impact.region
    assert format_eur(region.own_share, lang=lang, cents=True) in text
    assert format_eur(region.split[impact.party], lang=lang, cents=True) in text
    assert settlement.agreement.name in text
    properties = document.core_properties
    assert properties.author == "kim_cooperation"
    assert properties.language == ("de-DE" if lang == "de" else "en-GB")
    assert properties.subject == settlement.agreement.name
    assert impact.party.title in properties.title
    assert "2023" in properties.title
    assert properties.created == dt.datetime(2024, 3, 1, tzinfo=dt.UTC)


def test_council_paper_figures_of_coesfeld(tmp_path: Path) -> None:
    path = write_impact_document(_paper(), "Coesfeld", tmp_path / "rat.docx", day=DAY)
    document = docx.Document(str(path))
    assert _rows(document.tables[0])[1] == [
        "170.000,00 €",
        "137.500,00 €",
        "24.375,00 €",
        "8.125,00 €",
    ]
    result = {row[0]: row[1] for row in _rows(document.tables[2])}
    assert result["Leistungsentgelte"] == "24.375,00 €"
    assert result["Kostenerstattungen"] == "137.500,00 €"
    assert result["Summe der Erträge"] == "161.875,00 €"
    assert result["Personalaufwendungen"] == "163.000,00 €"
    assert result["Aufw. für Sach- u. Dienstleistungen"] == "7.000,00 €"
    assert result["Summe der Aufwendungen"] == "170.000,00 €"
    assert result["Überschuss (+) / Defizit (-)"] == "-8.125,00 €"
    assert result["sonstige Aufwendungen"] == "–"
    text = _texts(document)
    assert "Finanzielle Auswirkungen" in text
    assert "Stadt Coesfeld – Anstellungskörperschaft der Region Nord – Haushaltsjahr 2023" in text
    assert "Annahmen" not in text
    assert "Berechnet mit kim_cooperation am 01.03.2024." in text


def test_money_cells_are_right_aligned_and_tables_fixed(tmp_path: Path) -> None:
    path = write_impact_document(_paper(), "Coesfeld", tmp_path / "rat.docx", layout="nkf")
    document = docx.Document(str(path))
    for table in document.tables:
        assert 'w:type="fixed"' in table._tbl.xml
        for row in table.rows[1:]:
            amount = row.cells[1].paragraphs[0]
            assert amount.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    section = document.sections[0]
    assert section.page_width is not None
    assert section.left_margin is not None
    assert round(section.page_width.cm, 1) == 21.0
    assert round(section.left_margin.cm, 1) == 2.5


@pytest.mark.parametrize("lang", ["de", "en"])
def test_assumptions_are_written_under_their_heading(tmp_path: Path, lang: Lang) -> None:
    note = "Kosten der Region Mitte: Planungsannahme (68.000,00 € je Vollzeitstelle)."
    path = write_impact_document(
        _planning(), "Nottuln", tmp_path / "x.docx", lang=lang, assumptions=[note]
    )
    paragraphs = [p.text for p in docx.Document(str(path)).paragraphs]
    heading = "Annahmen" if lang == "de" else "Assumptions"
    assert paragraphs[paragraphs.index(heading) + 1] == note


def test_a_town_leaving_in_the_year_is_marked_budget_year_only(tmp_path: Path) -> None:
    agreement = presets.example()
    leaving = next(
        party
        for region in agreement.regions
        for party in region.members
        if party != region.employer
    )
    # Under the example's notice terms, notice received early in 2025 ends within 2026.
    ended = agreement.give_notice(leaving.name, dt.date(2025, 9, 30))
    end = ended.termination_of(leaving)
    assert end is not None
    settlement = settle(ended, end.year, presets.example_cost_plans()[end.year])
    impact = financial_impact(settlement, leaving)
    path = write_impact_document(settlement, leaving, tmp_path / "x.docx", day=DAY)
    assert not impact.recurring
    _check_impact(path, impact, "de")


def test_impact_document_refuses_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(InvalidTypeError, match="settlement"):
        write_impact_document("2023", "Coesfeld", tmp_path / "x.docx")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="lang"):
        write_impact_document(_paper(), "Coesfeld", tmp_path / "x.docx", lang="fr")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="layout"):
        write_impact_document(_paper(), "Coesfeld", tmp_path / "x.docx", layout="paper")
    with pytest.raises(UnknownPartyError):
        write_impact_document(_paper(), "Münster", tmp_path / "x.docx")
    with pytest.raises(InvalidTypeError, match="assumptions"):
        write_impact_document(_paper(), "Coesfeld", tmp_path / "x.docx", assumptions="one")
    with pytest.raises(InvalidTypeError, match="day"):
        write_impact_document(
            _paper(),
            "Coesfeld",
            tmp_path / "x.docx",
            day=dt.datetime(2024, 3, 1),  # noqa: DTZ001
        )
    assert list(tmp_path.iterdir()) == []


def _check_letter(path: Path, statement: BillingStatement, party: str, lang: Lang) -> str:
    entry = statement.entry(party)
    document = docx.Document(str(path))
    (table,) = document.tables
    rows = _rows(table)
    region = [(_amount(row[1], lang), row[2]) for row in rows[1:-3]]
    expected = [
        (statement.costs, "C8"),
        (statement.funding, statement.funding_clause.value),
        *([(statement.surplus, "I6")] if statement.surplus else []),
        (statement.own_share, statement.own_share_clause.value),
    ]
    assert region == expected
    part, advances, balance = rows[-3:]
    assert entry.party.name in part[0]
    assert (_amount(part[1], lang), part[2]) == (entry.part, entry.clause.value)
    assert (_amount(advances[1], lang), advances[2]) == (entry.advances, "C9")
    assert (_amount(balance[1], lang), balance[2]) == (entry.balance, "C9")
    text = _texts(document)
    assert text.splitlines()[0] == statement.employer.title
    assert entry.party.title in text
    assert f"AGS {entry.party.ags}" in text
    date = "01.03.2024" if lang == "de" else "2024-03-01"
    assert f"{statement.employer.name}, {date}" in text
    assert (statement.title if lang == "de" else statement.title_en) in text
    cited = {line.split()[0] for line in text.splitlines() if re.match(r"^[CI]\d+ ", line)}
    assert {"C8", "C9", entry.clause.value, statement.funding_clause.value} <= cited
    assert ("I10" in cited) is bool(statement.spans)
    assert ("I2" in cited) is entry.extra_cent
    properties = document.core_properties
    assert properties.author == "kim_cooperation"
    assert properties.language == ("de-DE" if lang == "de" else "en-GB")
    return text


@pytest.mark.parametrize("lang", ["de", "en"])
def test_billing_letters_show_each_towns_figures(tmp_path: Path, lang: Lang) -> None:
    advances = {
        "Billerbeck": Decimal("6000"),
        "Havixbeck": Decimal("8125"),
        "Rosendahl": Decimal("9000.05"),
    }
    (nord,) = billing_statements(_paper(), advances=advances)
    paths = write_billing_letters([nord], tmp_path / "out", lang=lang, day=DAY)
    prefix = "Jahresabrechnung" if lang == "de" else "Annual-billing"
    assert [path.name for path in paths] == [
        f"{prefix}-2023-Nord-{town}.docx" for town in ("Billerbeck", "Havixbeck", "Rosendahl")
    ]
    texts = {
        town: _check_letter(path, nord, town, lang)
        for town, path in zip(("Billerbeck", "Havixbeck", "Rosendahl"), paths, strict=True)
    }
    pay, settled, refund = (texts[town] for town in ("Billerbeck", "Havixbeck", "Rosendahl"))
    assert format_eur(Decimal("2125"), lang=lang, cents=True) in pay
    assert format_eur(Decimal("875.05"), lang=lang, cents=True) in refund
    assert ("nichts mehr zu zahlen" if lang == "de" else "nothing is left to pay") in settled


def test_letters_after_a_handover_name_the_employer_and_the_period(tmp_path: Path) -> None:
    handover = presets.example().give_notice(
        "Brunnfeld", dt.date(2025, 9, 30), successor="Eichhagen"
    )
    statements = billing_statements(settle(handover, 2026, presets.example_cost_plans()[2026]))
    paths = write_billing_letters(statements, tmp_path, day=DAY)
    expected = [
        (statement, entry)
        for statement in statements
        for entry in statement.entries
        if entry.role is Role.MEMBER
    ]
    assert len(paths) == len(expected)
    for path, (statement, entry) in zip(paths, expected, strict=True):
        text = _check_letter(path, statement, entry.party.name, "de")
        if statement.spans:
            assert statement.employer.name in path.name
            assert statement.period(lang="de") in text
    assert any(statement.spans for statement in statements)


def test_a_failing_letter_is_named_and_nothing_is_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kim_cooperation import _atomic

    (nord,) = billing_statements(_paper())
    written: list[str] = []
    real = _atomic.write_bytes

    def failing(path: str | os.PathLike[str], data: bytes) -> Path:
        if Path(path).name.endswith("Havixbeck.docx"):
            raise OSError(28, "No space left on device")
        written.append(Path(path).name)
        return real(path, data)

    monkeypatch.setattr(_atomic, "write_bytes", failing)
    with pytest.raises(OSError, match=r"Havixbeck\.docx") as caught:
        write_billing_letters([nord], tmp_path, day=DAY)
    assert caught.value.filename == str(tmp_path / "Jahresabrechnung-2023-Nord-Havixbeck.docx")
    assert any(
        "Billerbeck" in note and "Rosendahl" not in note.split(";")[0]
        for note in caught.value.__notes__
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == written
    docx.Document(str(tmp_path / written[0]))  # the letter before is complete


def test_billing_letters_refuse_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError, match="no billing statements"):
        write_billing_letters([], tmp_path)
    with pytest.raises(InvalidTypeError, match="BillingStatement"):
        write_billing_letters([_paper()], tmp_path)  # type: ignore[list-item]
    with pytest.raises(InvalidValueError, match="lang"):
        write_billing_letters(billing_statements(_paper()), tmp_path, lang="fr")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "call",
    [
        lambda path: write_impact_document(_paper(), "Coesfeld", path / "x.docx"),
        lambda path: write_billing_letters(billing_statements(_paper()), path),
    ],
)
def test_without_python_docx_the_extra_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: object
) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)  # as if python-docx were not installed
    with pytest.raises(ModuleNotFoundError, match=re.escape("kim-cooperation[docx]")):
        call(tmp_path)  # type: ignore[operator]


def test_importing_the_package_and_documents_does_not_import_docx() -> None:
    code = (
        "import sys, kim_cooperation, kim_cooperation.documents; "
        "assert 'docx' not in sys.modules, 'docx imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
