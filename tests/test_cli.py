"""Tests of the command line, the report and the formatting of money and FTE."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

import kim_cooperation
from coesfeld import TOWNS
from kim_cooperation import CostStatement, InvalidValueError, MoneyTypeError, presets, settle
from kim_cooperation.cli import main
from kim_cooperation.formatting import format_eur, format_fte
from kim_cooperation.report import render_region


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def section(text: str, start: str, end: str | None = None) -> str:
    """Return the text from the first line starting with ``start`` to the next with ``end``."""
    lines = text.splitlines()
    begin = next(index for index, line in enumerate(lines) if line.startswith(start))
    stop = len(lines)
    if end is not None:
        stop = next(
            index for index, line in enumerate(lines) if index > begin and line.startswith(end)
        )
    return "\n".join(lines[begin:stop])


def squash(text: str) -> str:
    """Collapse the column padding of the tables into single spaces."""
    return "\n".join(" ".join(line.split()) for line in text.splitlines())


NORD = "Region Nord – Anstellungskörperschaft"
MITTE = "Region Mitte – Anstellungskörperschaft"
SUED = "Region Süd – Anstellungskörperschaft"
SPLIT = "Eigenanteile je Region und Kommune"


# --------------------------------------------------------------------------- the command line


def test_default_prints_the_papers_figures(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys)
    assert status == 0
    assert err == ""
    for figure in (
        "170.000 €",
        "137.500 €",
        "24.375 €",
        "8.125 €",
        "161.875 €",
        "163.000 €",
        "7.000 €",
        "-8.125 €",
    ):
        assert figure in out, figure
    assert "Stadt Coesfeld – Anstellungskörperschaft der Region Nord – Haushaltsjahr 2023" in out
    assert "Auswirkungen auf die Finanzrechnung (in EUR)" in out


def test_default_table_rows(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys)
    rows = {
        "Gesamtkosten der Maßnahme": "170.000 €",
        "Objektbezogene Einzahlungen (Zuschüsse/Beiträge)": "137.500 €",
        "Sonstige Einzahlungen": "24.375 €",
        "Eigenanteil": "8.125 €",
        "Leistungsentgelte": "24.375 €",
        "Kostenerstattungen": "137.500 €",
        "sonstige Erträge": "0 €",
        "Summe der Erträge": "161.875 €",
        "Personalaufwendungen": "163.000 €",
        "Aufw. für Sach- u. Dienstleistungen": "7.000 €",
        "Abschreibungen (netto, d. h. nach Auflösung SoPo)": "–",
        "sonstige Aufwendungen": "–",
        "Summe der Aufwendungen": "170.000 €",
        "Überschuss (+) / Defizit (-)": "-8.125 €",
    }
    tables = squash(section(out, "Stadt Coesfeld", SPLIT)).splitlines()
    for label, figure in rows.items():
        (line,) = [line for line in tables if line.startswith(label + " ")]
        assert line[len(label) :].split("(")[0].strip() == figure, line


def test_default_prints_every_towns_part(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys)
    lines = out.splitlines()
    for town in TOWNS:
        assert any(line.strip().startswith(f"{town} ") for line in lines), town
    nord = squash(section(out, NORD, MITTE))
    for town in ("Billerbeck", "Havixbeck", "Rosendahl"):
        assert f"{town} 8.125 € (C4) zahlt an Coesfeld (C9)" in nord
    assert "Coesfeld 8.125 € (C4) trägt selbst" in nord
    assert "Eigenanteil 32.500 € (C7)" in nord
    mitte = squash(section(out, MITTE, SUED))
    assert "Dülmen 6.500 € (C4) trägt selbst" in mitte
    assert "Nottuln 6.500 € (C4) zahlt an Dülmen (C9)" in mitte
    sued = squash(section(out, SUED))
    assert "Ascheberg 6.500 € (C4) trägt selbst" in sued
    for town in ("Lüdinghausen", "Nordkirchen", "Olfen", "Senden"):
        assert f"{town} 6.500 € (C4) zahlt an Ascheberg (C9)" in sued


def test_planning_assumption_noted_for_mitte_and_sued(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys)
    note = "Planungsannahme: Die Ratsvorlage nennt keine Kosten für diese Region"
    assert out.count(note) == 2
    assert note not in section(out, NORD, MITTE)
    assert note in section(out, MITTE, SUED)
    assert note in section(out, SUED)
    assert "68.000 € je Vollzeitstelle" in out
    assert "Ratsvorlage der Stadt Coesfeld 2023" in out


def test_region_headings(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys)
    assert "Region Nord – Anstellungskörperschaft Stadt Coesfeld – 2,5 Vollzeitstellen" in out
    assert "Region Mitte – Anstellungskörperschaft Stadt Dülmen – 1 Vollzeitstelle\n" in out
    assert "Region Süd – Anstellungskörperschaft Gemeinde Ascheberg – 2,5 Vollzeitstellen" in out


def test_english(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--lang", "en")
    assert status == 0
    assert err == ""
    for figure in ("€170,000", "€137,500", "€24,375", "€8,125", "€161,875", "-€8,125"):
        assert figure in out, figure
    assert "Stadt Coesfeld – employer of region Nord – Budget year 2023" in out
    assert "Planning assumption" in out
    assert "Region Mitte – employer Stadt Dülmen – 1 full-time post\n" in out
    assert "2.5 full-time posts" in out
    assert "Leistungsentgelte" not in out
    assert re.search(r"\d €", out) is None


def test_nkf_layout(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--layout", "nkf")
    assert status == 0
    assert "Zuwendungen und allgemeine Umlagen" in out
    assert "Kostenerstattungen und Kostenumlagen" in out
    assert "Ordentliches Ergebnis" in out
    assert "Leistungsentgelte" not in out
    assert "-8.125 €" in out


def test_paying_town(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--party", "Rosendahl")
    assert status == 0
    assert "Gemeinde Rosendahl – Mitglied der Region Nord – Haushaltsjahr 2023" in out
    assert "Planungsannahme" in out  # still in the regions' split
    impact = squash(section(out, "Gemeinde Rosendahl", SPLIT))
    assert "Planungsannahme" not in impact
    assert "Gesamtkosten der Maßnahme 8.125 € (C9)" in impact
    assert "-8.125 €" in impact


def test_paying_town_nkf_english(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--party", "Billerbeck", "--layout", "nkf", "--lang", "en")
    assert status == 0
    assert "Transfer expenses" in out
    assert "-€8,125" in out


def test_party_by_ags(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--party", "05558016")
    assert status == 0
    assert "Stadt Dülmen – Anstellungskörperschaft der Region Mitte – Haushaltsjahr 2023" in out
    impact = section(out, "Stadt Dülmen", SPLIT)
    assert "Gesamtkosten der Maßnahme" in impact
    assert "68.000 €" in impact
    assert "-6.500 €" in impact
    # Dülmen's figures rest on the planning assumption, and the report says so.
    assert "Planungsannahme" in impact


def test_party_by_ascii_name(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--party", "Luedinghausen")
    assert status == 0
    assert "Stadt Lüdinghausen – Mitglied der Region Süd" in out


@pytest.mark.parametrize("party", ["Münster", "05558048", "Sued"])
def test_unknown_party(capsys: pytest.CaptureFixture[str], party: str) -> None:
    status, out, err = run(capsys, "--party", party)
    assert status == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("kim-cooperation: Fehler: ")
    assert repr(party) in lines[0]
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("argv", "shown"),
    [
        (["--layout", "table"], "--layout 'table' ist keine der Möglichkeiten"),
        (["--lang", "fr"], "--lang 'fr' ist keine der Möglichkeiten; möglich sind: de, en"),
        (["--frobnicate"], "unbekannte Argumente: --frobnicate"),
        (["--party"], "Argument --party: erwartet ein Argument"),
    ],
)
def test_bad_arguments(capsys: pytest.CaptureFixture[str], argv: list[str], shown: str) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("kim-cooperation: Fehler: ")
    assert shown in lines[0]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"kim-cooperation {kim_cooperation.__version__}"


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("Aufruf: kim-cooperation")
    assert "--party" in out


def test_main_reads_sys_argv(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "argv", ["kim-cooperation", "--party", "Havixbeck"])
    assert main() == 0
    assert "Gemeinde Havixbeck – Mitglied der Region Nord" in capsys.readouterr().out


def test_python_dash_m() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "kim_cooperation"],
        capture_output=True,
        check=False,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr
    assert "8.125 €" in completed.stdout
    assert completed.stderr == ""


def test_python_dash_m_error() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "kim_cooperation", "--party", "Münster"],
        capture_output=True,
        check=False,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
    )
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert completed.stderr.startswith(
        "kim-cooperation: Fehler: --party 'Münster' ist keine Kommune"
    )
    assert len(completed.stderr.splitlines()) == 1


# --------------------------------------------------------------------------- report


def test_render_region_without_funding_names_c10() -> None:
    agreement = presets.coesfeld()
    lost = agreement.with_funding(
        agreement.funding.without_funding_from(presets.START, source="ends")
    )
    region = settle(lost, 2023, presets.coesfeld_cost_plan_2023()).region("Nord")
    text = squash(render_region(region))
    assert "Förderung (2,5 × 0 €) 0 € (C10)" in text
    assert "Eigenanteil 170.000 € (C10)" in text
    assert "Billerbeck 42.500 € (C10) zahlt an Coesfeld (C9)" in text


def test_render_region_with_surplus() -> None:
    settlement = settle(presets.coesfeld(), 2023, {"Mitte": CostStatement(personnel=50_000)})
    text = squash(render_region(settlement.region("Mitte")))
    assert "Förderung (1 × 55.000 €) 55.000 € (C5)" in text
    assert "Förderung über den Kosten (nicht verteilt) 5.000 € (I6)" in text
    assert "Eigenanteil 0 € (C7)" in text
    english = squash(render_region(settlement.region("Mitte"), lang="en"))
    assert "Funding beyond costs (not distributed) €5,000 (I6)" in english


def test_render_region_marks_the_extra_cent() -> None:
    plan = {"Nord": CostStatement(personnel=Decimal("137500.01"))}
    text = squash(render_region(settle(presets.coesfeld(), 2023, plan).region("Nord")))
    assert "Coesfeld 0,01 € (C4) trägt selbst, +1 Cent (Rest, I2)" in text
    assert "Billerbeck 0,00 € (C4) zahlt an Coesfeld (C9)\n" in text
    assert text.count("+1 Cent") == 1


def test_render_region_with_an_assumption() -> None:
    settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
    text = render_region(settlement.region("Nord"), assumption="Nur ein Beispiel.")
    assert text.splitlines()[1] == "  Nur ein Beispiel."


# --------------------------------------------------------------------------- formatting


@pytest.mark.parametrize(
    ("amount", "german", "english"),
    [
        (Decimal("170000.00"), "170.000 €", "€170,000"),
        (Decimal("8125"), "8.125 €", "€8,125"),
        (8125, "8.125 €", "€8,125"),
        (Decimal("-8125.00"), "-8.125 €", "-€8,125"),
        (Decimal("8125.5"), "8.125,50 €", "€8,125.50"),
        (Decimal("-8125.05"), "-8.125,05 €", "-€8,125.05"),
        (Decimal("0"), "0 €", "€0"),
        (Decimal("-0.00"), "0 €", "€0"),
        (Decimal("0.01"), "0,01 €", "€0.01"),
        (Decimal("-0.01"), "-0,01 €", "-€0.01"),
        (Decimal("999"), "999 €", "€999"),
        (Decimal("1000"), "1.000 €", "€1,000"),
        (Decimal("1234567.89"), "1.234.567,89 €", "€1,234,567.89"),
        (Decimal("1E+3"), "1.000 €", "€1,000"),
    ],
)
def test_format_eur(amount: Decimal | int, german: str, english: str) -> None:
    assert format_eur(amount) == german
    assert format_eur(amount, lang="de") == german
    assert format_eur(amount, lang="en") == english


def test_format_eur_none_is_a_dash() -> None:
    assert format_eur(None) == "–"
    assert format_eur(None, lang="en") == "–"


def test_format_eur_cents_always() -> None:
    assert format_eur(Decimal("8125"), cents=True) == "8.125,00 €"
    assert format_eur(Decimal("8125"), lang="en", cents=True) == "€8,125.00"
    assert format_eur(Decimal("-0.5"), cents=True) == "-0,50 €"


def test_format_eur_cents_never() -> None:
    assert format_eur(Decimal("8125.00"), cents=False) == "8.125 €"
    with pytest.raises(InvalidValueError, match=r"cannot format 8125\.50 without cents"):
        format_eur(Decimal("8125.5"), cents=False)
    with pytest.raises(InvalidValueError, match=r"cannot format -0\.01 without cents"):
        format_eur(Decimal("-0.01"), lang="en", cents=False)


def test_format_eur_refuses_floats_and_fractions_of_cents() -> None:
    bad: Any = 8125.0
    with pytest.raises(MoneyTypeError, match="float"):
        format_eur(bad)
    with pytest.raises(InvalidValueError, match="exact to the cent"):
        format_eur(Decimal("0.005"))


def test_format_eur_refuses_unknown_language() -> None:
    bad: Any = "fr"
    with pytest.raises(InvalidValueError, match="lang must be 'de' or 'en', got 'fr'"):
        format_eur(Decimal(1), lang=bad)
    with pytest.raises(InvalidValueError, match="got 'fr'"):
        format_fte(Fraction(1), lang=bad)


@pytest.mark.parametrize(
    ("fte", "german", "english"),
    [
        (Fraction(5, 2), "2,5", "2.5"),
        (Fraction(1), "1", "1"),
        (Fraction(6), "6", "6"),
        (Fraction(1, 2), "0,5", "0.5"),
        (Fraction(3, 4), "0,75", "0.75"),
        (Fraction(1, 8), "0,125", "0.125"),
        (Fraction(1, 20), "0,05", "0.05"),
        (Fraction(1, 3), "1/3", "1/3"),
        (Fraction(17, 6), "17/6", "17/6"),
        (Fraction(1, 2**7), "1/128", "1/128"),
        (Fraction(-5, 2), "-2,5", "-2.5"),
        (Fraction(0), "0", "0"),
    ],
)
def test_format_fte(fte: Fraction, german: str, english: str) -> None:
    assert format_fte(fte) == german
    assert format_fte(fte, lang="en") == english


def test_render_region_shows_the_funding_derivation_only_for_plain_years() -> None:
    agreement = presets.coesfeld()
    raised = agreement.with_funding(
        agreement.funding.with_rate(presets.announced_increase(dt.date(2024, 7, 1)))
    )
    text = render_region(
        settle(raised, 2024, presets.coesfeld_cost_plan_2023()).region("Nord"), lang="en"
    )
    # Two rates in the year: 6 months at 55,000 and 6 at 57,000, no single product.
    assert "Funding  " in text
    assert "×" not in text
    assert "€140,000" in text


def test_format_eur_refuses_a_cents_flag_that_is_not_a_bool() -> None:
    from kim_cooperation import InvalidTypeError

    with pytest.raises(InvalidTypeError, match="cents must be True, False or None, got 'x'"):
        format_eur(Decimal("1.00"), cents="x")  # type: ignore[arg-type]
