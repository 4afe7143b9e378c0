"""The command line reads what people type and says what it cannot write, in both languages.

Amounts, rates, dates and years in every option; "did you mean" for towns,
regions and commands; ``--successor``; totals; ``billing --format json``;
the default ``--rate-from``; output that cannot be written (run in a
subprocess: a closed or full standard output, an encoding that cannot show
the text).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import IO

import pytest

from kim_cooperation import presets, scenario
from kim_cooperation.billing import billing_statements
from kim_cooperation.cli import main
from kim_cooperation.export import to_dict, to_json
from kim_cooperation.projection import project
from kim_cooperation.settlement import settle

PLANS = presets.coesfeld_planning_costs_2023()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


def fails(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The one line on standard error, without its prefix."""
    assert main(list(argv)) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    prefix = f"kim-cooperation: {'error' if _english(argv) else 'Fehler'}: "
    assert captured.err.startswith(prefix)
    assert captured.err.count("\n") == 1, "one line, never a traceback"
    return captured.err.removeprefix(prefix).rstrip("\n")


def _english(argv: tuple[str, ...] | list[str]) -> bool:
    """Whether ``argv`` asks for English, so that the error prefix is "error" (else "Fehler")."""
    from kim_cooperation.cli._language import _lang_in  # how the command line itself reads --lang

    return _lang_in(argv) == "en"


def squash(text: str) -> str:
    return "\n".join(" ".join(line.split()) for line in text.splitlines())


# --------------------------------------------------------------------------- amounts


@pytest.mark.parametrize(
    ("rate", "lang"),
    [
        ("57000", "de"),
        ("57000,00", "de"),
        ("57.000,00", "de"),
        ("57000.00", "de"),
        ("57000", "en"),
        ("57,000.00", "en"),
        ("57000,00", "en"),
    ],
)
def test_a_rate_is_read_in_every_unambiguous_form(
    capsys: pytest.CaptureFixture[str], rate: str, lang: str
) -> None:
    out = run(
        capsys, "scenario", "--from", "2024", "--to", "2024", "--rate", rate,
        "--format", "json", "--lang", lang,
    )  # fmt: skip
    base = presets.coesfeld()
    expected = scenario.compare(
        base,
        {"x": scenario.rate_change(base, Decimal("57000"), dt.date(2024, 1, 1))},
        [2024],
        PLANS,
    )
    values = [row["own_share"] for row in json.loads(out)["own_shares"]]
    assert values == [row["own_share"] for row in json.loads(to_json(expected))["own_shares"]]
    assert "6875.00" in values


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--rate", "57.000"],
            "--rate '57.000' ist mehrdeutig: 57.000 € (Punkt als Tausendertrennzeichen) oder "
            "57,00 € (Punkt als Dezimalzeichen); schreiben Sie 57000 oder 57.000,00 für "
            "57.000 €, 57,00 für 57,00 €",
        ),
        (
            ["--rate", "57.000", "--lang", "en"],
            "--rate '57.000' is ambiguous: €57,000 (the point grouping thousands) or €57.00 (a "
            "decimal point); write 57000 or 57,000.00 for €57,000, 57.00 for €57.00",
        ),
        (
            ["--rate", "57,000.00"],
            "--rate '57,000.00' ist englische Schreibweise; schreiben Sie 57.000,00 oder 57000,00",
        ),
        (
            ["--rate", "57.000,00", "--lang", "en"],
            "--rate '57.000,00' is written the German way; write 57,000.00 or 57000.00",
        ),
        (
            ["--rate", "57000,001"],
            "--rate '57000,001' enthält Bruchteile eines Cents; Beträge sind auf den Cent genau, "
            "etwa 57000,25",
        ),
        (
            ["--rate", "\u0665\u0667\u0660\u0660\u0660"],
            "--rate '\u0665\u0667\u0660\u0660\u0660': nur die Ziffern 0 bis 9 gelten, nicht "
            "'\u0665' (ARABIC-INDIC DIGIT FIVE)",
        ),
    ],
)
def test_a_rate_that_is_ambiguous_or_wrong_is_refused(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert fails(capsys, "scenario", "--from", "2024", "--to", "2024", *argv) == message


@pytest.mark.parametrize(
    ("advance", "lang", "balance"),
    [
        ("4.000,00", "de", "4125,00"),
        ("4000", "de", "4125,00"),
        ("4000,50", "de", "4124,50"),
        ("4,000.00", "en", "4125.00"),
        ("4000.5", "en", "4124.50"),
    ],
)
def test_advances_are_read_in_either_language(
    capsys: pytest.CaptureFixture[str], advance: str, lang: str, balance: str
) -> None:
    out = run(
        capsys, "billing", "--year", "2023", "--format", "csv", "--lang", lang,
        "--advance", f"Billerbeck={advance}",
    )  # fmt: skip
    rows = csv.DictReader(io.StringIO(out), delimiter=";" if lang == "de" else ",")
    party, saldo = ("Kommune", "Saldo") if lang == "de" else ("party", "balance")
    (billerbeck,) = [row for row in rows if row[party] == "Billerbeck"]
    assert billerbeck[saldo] == balance


@pytest.mark.parametrize(
    ("advance", "lang", "message"),
    [
        ("5.000", "de", "--advance Billerbeck='5.000' ist mehrdeutig: 5.000 € (Punkt als"),
        ("1,000", "en", "--advance Billerbeck='1,000' is ambiguous: €1,000 (the comma grouping"),
        ("1,000", "de", "--advance Billerbeck='1,000' ist mehrdeutig: 1.000 € (Komma als"),
    ],
)
def test_an_ambiguous_advance_is_refused(
    capsys: pytest.CaptureFixture[str], advance: str, lang: str, message: str
) -> None:
    error = fails(
        capsys, "billing", "--year", "2023", "--format", "json", "--lang", lang,
        "--advance", f"Billerbeck={advance}",
    )  # fmt: skip
    assert error.startswith(message)


# --------------------------------------------------------------------------- rates


@pytest.mark.parametrize("growth", ["3%", "3 %", "0.03", "0,03", "3,0 %", "+3 %"])
def test_growth_as_a_percentage_or_a_fraction(
    capsys: pytest.CaptureFixture[str], growth: str
) -> None:
    out = run(
        capsys, "project", "--from", "2023", "--to", "2024", "--growth", growth, "--format", "json"
    )
    expected = project(presets.coesfeld(), [2023, 2024], PLANS, personnel_growth=Decimal("0.03"))
    assert json.loads(out) == json.loads(to_json(expected))


@pytest.mark.parametrize(
    ("growth", "lang", "message"),
    [
        ("3", "de", "--growth '3' entspräche 300 %; meinten Sie 3 %?"),
        ("3", "en", "--growth '3' would be 300 %; did you mean 3 %?"),
        ("2,5", "de", "--growth '2,5' entspräche 250 %; meinten Sie 2,5 %?"),
        ("150 %", "en", "--growth '150 %' is outside -100 % to +100 %"),
        ("3 Prozent", "de", "--growth '3 Prozent' ist kein Satz"),
    ],
)
def test_growth_that_is_out_of_bounds_or_bare_is_refused(
    capsys: pytest.CaptureFixture[str], growth: str, lang: str, message: str
) -> None:
    error = fails(
        capsys, "project", "--from", "2023", "--to", "2024", "--growth", growth, "--lang", lang
    )
    assert error.startswith(message)


# --------------------------------------------------------------------------- dates and years


@pytest.mark.parametrize("received", ["30.06.2024", "2024-06-30", "30.6.2024"])
def test_a_day_in_german_or_iso_form(capsys: pytest.CaptureFixture[str], received: str) -> None:
    assert main(["deadline", "--received", received, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["termination"] == "2025-12-31"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["deadline", "--received", "2024-02-30"],
            "--received '2024-02-30': der Februar 2024 hat keinen 30. Tag, nur 29 Tage",
        ),
        (
            ["deadline", "--received", "2024-02-30", "--lang", "en"],
            "--received '2024-02-30': February 2024 has no 30th; it has 29 days",
        ),
        (
            ["deadline", "--received", "20240630", "--lang", "en"],
            "--received '20240630': a date without separators is not read; write 2024-06-30 or "
            "30.06.2024",
        ),
        (
            ["deadline", "--end", "31.06.2026"],
            "--end '31.06.2026': der Juni 2026 hat keinen 31. Tag, nur 30 Tage",
        ),
        (
            ["scenario", "--from", "2025", "--to", "2025", "--loss-from", "1.13.2025"],
            "--loss-from '1.13.2025': einen Monat 13 gibt es nicht; Monate gehen von 1 bis 12",
        ),
        (
            ["scenario", "--from", "2025", "--to", "2025", "--notice", "Olfen=31.09.2024"],
            "--notice Olfen='31.09.2024': der September 2024 hat keinen 31. Tag, nur 30 Tage",
        ),
        (
            ["scenario", "--from", "2025", "--to", "2025", "--all-notice", "30.06.24"],
            "--all-notice '30.06.24': bitte das Jahr mit vier Ziffern schreiben, etwa 30.06.2024",
        ),
        (
            ["scenario", "--from", "2025", "--to", "2025", "--rate", "1", "--rate-from", "x"],
            "--rate-from 'x' ist kein Datum; schreiben Sie es als 30.06.2024 oder 2024-06-30",
        ),
        (
            ["--year", "٢٠٢٣"],
            "--year '٢٠٢٣': nur die Ziffern 0 bis 9 gelten, nicht '٢' (ARABIC-INDIC DIGIT TWO)",
        ),
        (
            ["settle", "--year", "0", "--lang", "en"],
            "--year '0': the year must be between 1 and 9999",
        ),
        (
            ["settle", "--year", "10000"],
            "--year '10000': das Jahr muss zwischen 1 und 9999 liegen",
        ),
        (
            ["project", "--from", "2023", "--to", "2O24"],
            "--to '2O24' ist kein Jahr; schreiben Sie es mit Ziffern, etwa 2026",
        ),
        (
            ["billing", "--year", "2023.0", "--format", "json", "--lang", "en"],
            "--year '2023.0' is not a year; write it in digits, such as 2026",
        ),
    ],
)
def test_dates_and_years_that_are_refused(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert fails(capsys, *argv) == message


def test_the_language_of_a_message_follows_lang_wherever_it_is_given(
    capsys: pytest.CaptureFixture[str],
) -> None:
    english = "--received '2024-02-30': February 2024 has no 30th; it has 29 days"
    assert fails(capsys, "--lang", "en", "deadline", "--received", "2024-02-30") == english
    assert fails(capsys, "deadline", "--received", "2024-02-30", "--lang=en") == english
    assert fails(capsys, "deadline", "--received", "2024-02-30", "--lan", "en") == english


# --------------------------------------------------------------------------- did you mean


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--party", "Rosendal"], "--party 'Rosendal' ist keine Kommune der Vereinbarung"),
        (["explain", "--party", "Havixbek", "--year", "2023"], "meinten Sie Havixbeck? (C1)"),
        (
            ["explain", "--party", "Dulmenn", "--year", "2023", "--lang", "en"],
            "--party 'Dulmenn' is not a party to the agreement",
        ),
        (
            ["scenario", "--from", "2025", "--to", "2025", "--notice", "Nottuln=2024-06-28",
             "--notice", "Olfenn=2024-06-28"],
            "--notice 'Olfenn' ist keine Kommune",
        ),
        (
            ["billing", "--year", "2023", "--format", "json", "--advance", "Senen=1"],
            "meinten Sie Senden? (C1)",
        ),
    ],
)  # fmt: skip
def test_a_mistyped_town_gets_the_closest_names(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    error = fails(capsys, *argv)
    assert message in error
    if "Kommunen sind" not in error and "parties are" not in error:
        assert "Ascheberg, Billerbeck" not in error  # the suggestion, not every party


def test_a_town_nothing_is_close_to_lists_every_party(capsys: pytest.CaptureFixture[str]) -> None:
    error = fails(capsys, "--party", "Münster", "--lang", "en")
    assert error.startswith("--party 'Münster' is not a party to the agreement")
    assert error.endswith(
        "parties are Ascheberg, Billerbeck, Coesfeld, Dülmen, Havixbeck, Lüdinghausen, "
        "Nordkirchen, Nottuln, Olfen, Rosendahl, Senden (C1)"
    )


def test_a_region_where_a_town_is_needed(capsys: pytest.CaptureFixture[str]) -> None:
    assert fails(capsys, "--party", "Sued") == (
        "--party 'Sued' ist eine Region der Vereinbarung, keine Kommune; ihre Kommunen sind "
        "Ascheberg, Lüdinghausen, Nordkirchen, Olfen und Senden (C2)"
    )
    assert fails(capsys, "explain", "--party", "Nrod", "--year", "2023", "--lang", "en").endswith(
        "did you mean the region Nord? A town is needed: Billerbeck, Coesfeld, Havixbeck and "
        "Rosendahl (C2)"
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["setle", "--year", "2023"],
            "unbekannter Befehl 'setle'; meinten Sie settle? Befehle: report, settle, deadline, "
            "project, scenario, explain, billing, calculate, serve",
        ),
        (
            ["--lang", "en", "scenarios"],
            "unknown command 'scenarios'; did you mean scenario? Commands are: report, settle, "
            "deadline, project, scenario, explain, billing, calculate, serve",
        ),
        (
            ["frobnicate"],
            "unbekannter Befehl 'frobnicate'; Befehle: report, settle, deadline, project, "
            "scenario, explain, billing, calculate, serve",
        ),
        (
            ["--layout", "nfk"],
            "--layout 'nfk' ist keine der Möglichkeiten; meinten Sie nkf? Möglich sind: "
            "council-paper, nkf",
        ),
    ],
)
def test_a_mistyped_command_or_choice(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert fails(capsys, *argv) == message


# --------------------------------------------------------------------------- --successor


def test_an_employer_leaves_with_a_successor(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(
        capsys, "scenario", "--from", "2026", "--to", "2026",
        "--notice", "Coesfeld=28.06.2024", "--successor", "Billerbeck",
        "--notice", "Rosendahl=28.06.2024", "--format", "json",
    )  # fmt: skip
    base = presets.coesfeld()
    day = dt.date(2024, 6, 28)
    expected = scenario.compare(
        base,
        {
            "Kündigung Coesfeld, Zugang 28.06.2024, Nachfolge Billerbeck": scenario.notice_by(
                base, "Coesfeld", day, successor="Billerbeck"
            ),
            "Kündigung Rosendahl, Zugang 28.06.2024": scenario.notice_by(base, "Rosendahl", day),
        },
        [2026],
        PLANS,
    )
    assert json.loads(out) == json.loads(to_json(expected))
    argv = [
        "scenario", "--from", "2026", "--to", "2026", "--lang", "en",
        "--notice", "Coesfeld=2024-06-28", "--successor", "billerbeck",
    ]  # fmt: skip
    text = squash(run(capsys, *argv))
    assert "Scenario Coesfeld gives notice 2024-06-28, successor Billerbeck:" in text
    assert "Billerbeck €10,833.34 (+€2,708.34)" in text
    assert "Coesfeld €0.00 (-€8,125.00)" in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--notice", "Coesfeld=28.06.2024"],
            "Coesfeld ist Anstellungskörperschaft der Region Nord und scheidet am 31.12.2025 aus, "
            "während Billerbeck, Havixbeck und Rosendahl bleiben; die Vereinbarung sagt nicht, "
            "wer die Fallmanager dann anstellt. Nennen Sie die Nachfolgerin: --notice "
            "Coesfeld=28.06.2024 --successor KOMMUNE (C3, C12, I8)",
        ),
        (
            ["--notice", "Coesfeld=2024-06-28", "--lang", "en"],
            "Coesfeld is the employer of region Nord and leaves on 2025-12-31 while Billerbeck, "
            "Havixbeck and Rosendahl stay; the agreement does not say who employs the case "
            "managers then. Name the successor employer: --notice Coesfeld=2024-06-28 "
            "--successor TOWN (C3, C12, I8)",
        ),
        (
            ["--successor", "Billerbeck", "--notice", "Coesfeld=28.06.2024"],
            "--successor 'Billerbeck' gehört hinter die --notice der Anstellungskörperschaft, die "
            "kündigt, etwa --notice Coesfeld=30.06.2024 --successor Billerbeck",
        ),
        (
            ["--notice", "Coesfeld=28.06.2024", "--successor", "Billerbeck", "--successor", "Olfen",
             "--lang", "en"],
            "--notice Coesfeld already names the successor Billerbeck; one --successor a --notice",
        ),
        (
            ["--notice", "Coesfeld=28.06.2024", "--successor", "Bilerbeck", "--lang", "en"],
            "--successor 'Bilerbeck' is not a party to the agreement 'Kooperationsvereinbarung "
            "Kommunales Case-Management in den kreisangehörigen Kommunen des Kreises Coesfeld'; "
            "did you mean Billerbeck? (C1)",
        ),
    ],
)  # fmt: skip
def test_successor_errors(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert fails(capsys, "scenario", "--from", "2026", "--to", "2026", *argv) == message


def test_a_notice_on_a_sunday_is_a_warning_line(capsys: pytest.CaptureFixture[str]) -> None:
    for lang, word in (("de", "Warnung"), ("en", "warning")):
        assert main(
            ["scenario", "--from", "2026", "--to", "2026", "--notice", "Olfen=30.06.2024",
             "--lang", lang]
        ) == 0  # fmt: skip
        captured = capsys.readouterr()
        (line,) = captured.err.splitlines()
        assert line.startswith(f"kim-cooperation: {word}: ")
        assert "30.06.2024" in line if lang == "de" else "2024-06-30" in line
        assert "Olfen" in captured.out


# --------------------------------------------------------------------------- tables


@pytest.mark.parametrize(("lang", "total"), [("de", "Summe"), ("en", "Total")])
def test_project_has_a_total_row_per_year(
    capsys: pytest.CaptureFixture[str], lang: str, total: str
) -> None:
    out = run(capsys, "project", "--from", "2025", "--to", "2027", "--lang", lang)
    expected = project(presets.coesfeld(), range(2025, 2028), PLANS)
    lines = squash(out).splitlines()
    assert lines[-1].split()[0] == total
    yearly = [
        sum(expected.own_share_of(party, year) for party in expected.parties)
        for year in expected.years
    ]
    assert yearly == [Decimal(78000)] * 3
    shown = "78.000 €" if lang == "de" else "€78,000"
    grand = "234.000 €" if lang == "de" else "€234,000"
    assert lines[-1] == f"{total} {shown} {shown} {shown} {grand}"


def test_scenario_has_a_total_row_and_a_plain_base_table(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = run(
        capsys, "scenario", "--from", "2026", "--to", "2026", "--notice", "Rosendahl=28.06.2024",
        "--loss-from", "2026-01-01",
    )  # fmt: skip
    lines = squash(out).splitlines()
    assert "Szenario Basis: Eigenanteile je Kommune und Jahr" in lines
    assert not any(line.startswith("Szenario Basis") and "Differenz" in line for line in lines)
    assert (
        "Szenario Kündigung Rosendahl, Zugang 28.06.2024: Eigenanteile je Kommune und Jahr "
        "(Differenz zur Basis)" in lines
    )
    totals = [line for line in lines if line.startswith("Summe ")]
    # Baseline; no funding: the towns bear all costs (C10); Rosendahl's part passes (C12).
    assert totals == [
        "Summe 78.000 €",
        "Summe 408.000 € (+330.000 €)",
        "Summe 78.000,00 € (0,00 €)",
    ]
    english = squash(run(capsys, "scenario", "--from", "2026", "--to", "2026", "--loss-from",
                         "2026-01-01", "--lang", "en"))  # fmt: skip
    assert "Scenario baseline: own shares per town and year" in english.splitlines()
    assert "Total €408,000 (+€330,000)" in english


# --------------------------------------------------------------------------- --rate-from


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_rate_from_the_first_year_replaces_the_rate_of_that_day(
    capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    out = squash(run(capsys, "scenario", "--from", "2023", "--to", "2023", "--rate", "57000",
                     "--lang", lang))  # fmt: skip
    if lang == "de":
        assert "Szenario Förderung 57.000 € ab 01.01.2023:" in out
        assert "Billerbeck 6.875 € (-1.250 €)" in out
    else:
        assert "Scenario rate €57,000 from 2023-01-01:" in out
        assert "Billerbeck €6,875 (-€1,250)" in out


def test_an_explicit_rate_from_on_the_day_of_a_rate_replaces_it_too(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = run(
        capsys, "--agreement", "example", "scenario", "--from", "2026", "--to", "2026",
        "--rate", "60000", "--rate-from", "01.07.2026", "--format", "json",
    )  # fmt: skip
    assert json.loads(out)["names"][1] == "Förderung 60.000 € ab 01.07.2026"


# --------------------------------------------------------------------------- billing formats


def _statements() -> list[dict[str, object]]:
    settlement = settle(presets.coesfeld(), 2023, PLANS)
    return [to_dict(statement) for statement in billing_statements(settlement)]


def test_billing_as_json_on_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "billing", "--year", "2023", "--format", "json")
    assert json.loads(out) == json.loads(json.dumps(_statements()))
    english = run(capsys, "billing", "--year", "2023", "--format", "json", "--lang", "en")
    assert json.loads(english) == json.loads(out)


def test_billing_as_csv_on_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    rows = list(csv.DictReader(io.StringIO(run(capsys, "billing", "--year", "2023",
                                               "--format", "csv")), delimiter=";"))  # fmt: skip
    assert len(rows) == 11
    assert {row["Kommune"]: row["Anteil am Eigenanteil"] for row in rows}["Nottuln"] == "6500,00"


def test_billing_to_a_json_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "abrechnung.json"
    out = run(capsys, "billing", "--year", "2023", "--out", str(path))
    assert out.endswith(f"{path} geschrieben: 3 Abrechnungen für 2023 (C9)\n")
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(json.dumps(_statements()))
    record = json.loads(run(capsys, "billing", "--year", "2023", "--out", str(path),
                            "--format", "json"))  # fmt: skip
    assert record == {"out": str(path), "year": 2023, "statements": 3, "clause": "C9"}
    table = run(capsys, "billing", "--year", "2023", "--out", str(path), "--format", "csv")
    assert table.splitlines() == ["Datei;Jahr;Abrechnungen;Klausel", f"{path};2023;3;C9"]


def test_billing_text_needs_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert fails(capsys, "billing", "--year", "2023") == (
        "billing braucht --out DATEI (.xlsx, .csv oder .json), oder --format json oder csv für "
        "die Standardausgabe"
    )
    assert fails(capsys, "billing", "--year", "2023", "--lang", "en").startswith(
        "billing needs --out FILE"
    )


# --------------------------------------------------------------------------- output failures


def _run(
    args: list[str], stdout: int | IO[str] | None = None, encoding: str = "utf-8"
) -> subprocess.CompletedProcess[str]:
    """Run ``args`` with standard output as given, its encoding as ``PYTHONIOENCODING``."""
    environment = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run(  # noqa: PLW1510 - the status is checked
        args,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=environment,
        timeout=60,
    )


def _closed(*argv: str) -> subprocess.CompletedProcess[str]:
    """Run the command line with standard output closed (``>&-``)."""
    script = 'exec "$0" -m kim_cooperation "$@" >&-'
    return _run(["sh", "-c", script, sys.executable, *argv])


def _one_error_line(completed: subprocess.CompletedProcess[str], says: str) -> None:
    assert completed.returncode == 1
    assert "Traceback" not in completed.stderr
    (line,) = completed.stderr.splitlines()
    english = _english([str(arg) for arg in completed.args])
    assert line.startswith(f"kim-cooperation: {'error' if english else 'Fehler'}: ")
    assert says in line


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["settle", "--year", "2023"], "die Standardausgabe ist geschlossen; nichts ausgegeben"),
        (["--lang", "en"], "standard output is closed; nothing was written"),
        (["--version"], "die Standardausgabe ist geschlossen"),
        (["scenario", "--help", "--lang", "en"], "standard output is closed"),
    ],
)
def test_a_closed_standard_output(argv: list[str], says: str) -> None:
    _one_error_line(_closed(*argv), says)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (
            ["project", "--from", "2023", "--to", "2060"],
            "die Standardausgabe ist nicht schreibbar: kein Speicherplatz mehr auf dem Gerät "
            "(ENOSPC)",
        ),
        (["settle", "--year", "2023", "--lang", "en"], "cannot write to standard output: "),
        (["--version"], "die Standardausgabe ist nicht schreibbar"),
        (["--help", "--lang", "en"], "cannot write to standard output"),
    ],
)
def test_a_full_standard_output(argv: list[str], says: str) -> None:
    with Path("/dev/full").open("w", encoding="utf-8") as full:
        completed = _run([sys.executable, "-m", "kim_cooperation", *argv], stdout=full)
    _one_error_line(completed, says)


@pytest.mark.parametrize(
    ("lang", "says"),
    [
        (
            "en",
            "standard output (encoding ascii) cannot show '\\xf6' (LATIN SMALL LETTER O WITH "
            "DIAERESIS); nothing was written. Set PYTHONIOENCODING=utf-8",
        ),
        ("de", "die Standardausgabe (Kodierung ascii) kann"),
    ],
)
def test_standard_output_that_cannot_encode_the_text(lang: str, says: str) -> None:
    completed = _run(
        [sys.executable, "-m", "kim_cooperation", "settle", "--year", "2023", "--lang", lang],
        stdout=subprocess.PIPE,
        encoding="ascii",
    )
    _one_error_line(completed, says)
    assert completed.stdout == "", "the output is whole or absent"


def test_the_version_on_a_working_standard_output() -> None:
    completed = _run(
        [sys.executable, "-m", "kim_cooperation", "--version"], stdout=subprocess.PIPE
    )
    assert completed.returncode == 0
    assert completed.stdout.startswith("kim-cooperation ")
    assert completed.stderr == ""
