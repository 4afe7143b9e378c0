"""The command line with an agreement of another shape: the invented example (C4, C9, C11; I9, I10).

Every subcommand runs with ``--agreement example`` (the built-in name) and
with the path of the example's agreement file, in both languages and all
formats; ``explain`` shows the key, the reference day and the spans; the
deadlines follow the example's quarter notice terms.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from importlib import resources
from pathlib import Path

import pytest

from kim_cooperation import explain, presets, settle
from kim_cooperation.cli import BUILT_IN
from kim_cooperation.export import to_json
from test_cli_commands import fails, run

EXAMPLE_FILE = str(resources.files("kim_cooperation") / "data" / "example.toml")

COMMANDS = [
    ["report"],
    ["report", "--party", "Fuchsberg", "--year", "2026", "--layout", "nkf"],
    ["settle", "--year", "2026"],
    ["deadline", "--received", "2025-09-30"],
    ["deadline", "--year", "2026"],
    ["deadline", "--end", "2026-03-31"],
    ["project", "--from", "2024", "--to", "2027"],
    ["scenario", "--from", "2025", "--to", "2026", "--notice", "Fuchsberg=2025-09-30"],
    ["explain", "--party", "Fuchsberg", "--year", "2026"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("output", ["text", "json", "csv"])
def test_every_command_in_every_language_and_format(
    capsys: pytest.CaptureFixture[str], command: list[str], lang: str, output: str
) -> None:
    options = ["--lang", lang, "--format", output]
    by_name = run(capsys, *command, "--agreement", "example", *options)
    by_path = run(capsys, *command, "--agreement", EXAMPLE_FILE, *options)
    if output == "json":
        assert json.loads(by_name) == json.loads(by_path)
    elif output == "csv":
        assert by_name == by_path
        rows = list(csv.reader(io.StringIO(by_name), delimiter=";" if lang == "de" else ","))
        assert len(rows) >= 2
        assert len({len(row) for row in rows}) == 1  # every row has every column
    else:
        # The built-in name says that the example is invented; the file path does not.
        note = {
            "de": "Erfundenes Beispiel „Kreis Musterland“: Kommunen, Einwohnerzahlen und Kosten "
            "sind ausgedacht.\n",
            "en": "Invented example “Kreis Musterland”: the towns, inhabitants and costs are made "
            "up.\n",
        }[lang]
        assert by_name.replace(note, "") == by_path
        foreign = ("Haushaltsjahr", "Kündigung", "zahlt an") if lang == "en" else ("Budget year",)
        assert not any(word in by_name for word in foreign)


def test_settle_json_is_the_library_s(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "settle", "--year", "2026", "--agreement", "example", "--format", "json")
    expected = settle(presets.example(), 2026, presets.example_cost_plans()[2026])
    assert json.loads(out) == json.loads(to_json(expected))
    ost = json.loads(out)["regions"][1]
    assert ost["split_key"]["kind"] == "weights"
    assert json.loads(out)["policies"]["span_weighting"] == "months"


def test_explain_shows_key_reference_day_and_spans(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "explain", "--party", "Dornbach", "--year", "2026", "--agreement", "example")
    assert "Stichtag 31.12.2025, dem 31. Dezember des Vorjahres" in out
    assert "Einwohner am 31.12.2025 (Quelle: Erfundene Beispielzahlen): Altenau 21.555" in out
    scenario_file = Path(EXAMPLE_FILE).read_text(encoding="utf-8")
    assert "population_reference" in scenario_file


def test_explain_of_a_year_with_spans(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "fuchsberg-leaves.toml"
    text = Path(EXAMPLE_FILE).read_text(encoding="utf-8")
    path.write_text(text + '\n[[notices]]\nparty = "Fuchsberg"\nreceived = 2025-09-30\n')
    out = run(capsys, "--agreement", str(path), "explain", "--party", "Grünwald", "--year", "2026")
    assert (
        "Zeitraum 1: 01.01.2026 bis 31.03.2026, 3 Monate, Gewicht 3/12 = 1/4; Mitglieder "
        "Brunnfeld, Eichhagen, Fuchsberg und Grünwald; Anstellungskörperschaft Brunnfeld"
    ) in out
    # 1/4 × 1/9 + 3/4 × 5/27 = 1/36 + 5/36 = 1/6 of 25,000.00: 4,166.666… -> 4,166.67.
    assert (
        "Anteil von Grünwald am Eigenanteil 2026: 1/4 × 1/9 + 3/4 × 5/27 = 1/36 + 5/36 = 1/6"
        in out
    )
    assert "Grünwald zahlt 4.166,67 € an die Anstellungskörperschaft Brunnfeld" in out
    english = run(
        capsys,
        "--agreement",
        str(path),
        "--lang",
        "en",
        "explain",
        "--party",
        "Fuchsberg",
        "--year",
        "2026",
    )
    assert "Span 2: 1 April 2026 to 31 December 2026, 9 months, weight 9/12 = 3/4" in english
    assert "Fuchsberg pays €1,388.89 to the employer Brunnfeld" in english
    data = json.loads(
        run(
            capsys,
            "--agreement",
            str(path),
            "--format",
            "json",
            "explain",
            "--party",
            "Fuchsberg",
            "--year",
            "2026",
        )
    )
    settlement = settle(
        presets.example().give_notice("Fuchsberg", dt.date(2025, 9, 30)),
        2026,
        presets.example_cost_plans()[2026],
    )
    assert [step["text"] for step in data["steps"]] == [
        step.text for step in explain(settlement, "Fuchsberg").steps
    ]


# --------------------------------------------------------------------------- deadlines


def test_quarter_terms_give_the_right_dates(capsys: pytest.CaptureFixture[str]) -> None:
    received = run(capsys, "deadline", "--received", "2025-09-30", "--agreement", "example")
    assert received == (
        "Kündigung zugegangen am 30.09.2025: Mitglied bis 31.03.2026 "
        "(6 Monate zum Ende eines Kalendervierteljahres, C11)\n"
    )
    # One day later the next quarter's end applies.
    later = run(
        capsys, "deadline", "--received", "2025-10-01", "--agreement", "example", "--lang", "en"
    )
    assert "member until 2026-06-30" in later
    end = run(capsys, "deadline", "--end", "2026-03-31", "--agreement", "example")
    assert end == (
        "Für ein Ende zum 31.03.2026 muss die Kündigung spätestens am 30.09.2025 zugehen "
        "(6 Monate zum Ende eines Kalendervierteljahres, C11).\n"
    )
    year = run(capsys, "deadline", "--year", "2026", "--agreement", "example")
    assert year.splitlines() == [
        "Für ein Ende zum 31.12.2026 muss die Kündigung spätestens am 30.06.2026 zugehen "
        "(6 Monate zum Ende eines Kalendervierteljahres, C11).",
        "Unter diesen Bedingungen kann die Mitgliedschaft auch zum Ende jedes "
        "Kalendervierteljahres enden, etwa zum 31.03.2026; die Frist dafür zeigt: deadline "
        "--end 2026-03-31",
    ]
    data = json.loads(
        run(
            capsys, "deadline", "--end", "2026-06-30", "--agreement", "example", "--format", "json"
        )
    )
    assert (data["end"], data["deadline"], data["terms"]) == (
        "2026-06-30",
        "2025-12-31",
        "6 Monate zum Ende eines Kalendervierteljahres",  # text follows --lang
    )
    # 30 June 2024 is a Sunday: to end on 31.12.2024, the notice should arrive by Friday.
    weekend = run(capsys, "deadline", "--end", "2024-12-31", "--agreement", "example")
    assert "Der 30.06.2024 ist ein Sonntag." in weekend
    assert "spätestens am 28.06.2024 zugehen" in weekend


def test_an_end_the_terms_do_not_allow_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    error = fails(capsys, "deadline", "--end", "2026-04-30", "--agreement", "example")
    assert "der 30.04.2026 ist nicht das Ende eines Kalendervierteljahres" in error
    # The Coesfeld agreement ends only on 31 December; --year has no hint there.
    assert "nicht das Ende eines Kalenderjahres" in fails(
        capsys, "deadline", "--end", "2026-03-31"
    )
    assert run(capsys, "deadline", "--end", "2026-12-31") == run(
        capsys, "deadline", "--year", "2026"
    )


# --------------------------------------------------------------------------- built-in names


def test_built_in_names(capsys: pytest.CaptureFixture[str]) -> None:
    assert BUILT_IN == ("coesfeld", "example")
    assert run(capsys, "--agreement", "coesfeld") == run(capsys)
    assert run(capsys, "settle", "--year", "2023", "--agreement", "Coesfeld") == run(
        capsys, "settle", "--year", "2023"
    )
    assert run(capsys, "--agreement", "EXAMPLE", "settle", "--year", "2025") == run(
        capsys, "--agreement", "example", "settle", "--year", "2025"
    )
    report = run(capsys, "report", "--agreement", "example")
    assert report.startswith(
        "Stadt Altenau – Anstellungskörperschaft der Region Nord – Haushaltsjahr 2024"
    )


def test_a_file_named_like_a_built_in_agreement_is_ambiguous(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("example").write_text(Path(EXAMPLE_FILE).read_text(encoding="utf-8"), encoding="utf-8")
    error = fails(capsys, "--agreement", "example", "settle", "--year", "2025")
    assert (
        "--agreement example ist mehrdeutig: so heißen die eingebaute Vereinbarung example"
        in error
    )
    assert "schreiben Sie --agreement ./example für die Datei" in error
    # The file, named as a path, is read as a file (which needs a suffix to tell its format).
    assert "das Format von 'example' ist an der Endung nicht zu erkennen" in fails(
        capsys, "--agreement", "./example", "settle", "--year", "2025"
    )
    Path("example").unlink()
    Path("example.toml").write_text(
        Path(EXAMPLE_FILE).read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert "Haushaltsjahr 2025" in run(
        capsys, "--agreement", "example.toml", "settle", "--year", "2025"
    )


def test_an_unknown_file_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert "examples" in fails(capsys, "--agreement", "examples", "settle", "--year", "2025")


# --------------------------------------------------------------------------- billing


def handover_file(tmp_path: Path) -> Path:
    path = tmp_path / "handover.toml"
    text = Path(EXAMPLE_FILE).read_text(encoding="utf-8")
    path.write_text(
        text
        + '\n[[notices]]\nparty = "Brunnfeld"\nreceived = 2025-09-30\nsuccessor = "Eichhagen"\n',
        encoding="utf-8",
    )
    return path


def test_billing_after_a_handover(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    agreement = str(handover_file(tmp_path))
    out = tmp_path / "abrechnung.csv"
    summary = run(
        capsys,
        "--agreement",
        agreement,
        "billing",
        "--year",
        "2026",
        "--out",
        str(out),
        "--advance",
        "Eichhagen=1000",
        "--advance",
        "Fuchsberg@Eichhagen=5000,50",
    )
    assert summary == f"{out} geschrieben: 4 Abrechnungen für 2026 (C9)\n"
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    ost = [
        (
            row["Anstellungskörperschaft"],
            row["Kommune"],
            row["Anteil am Eigenanteil"],
            row["Abschlagszahlungen"],
            row["Saldo"],
        )
        for row in rows
        if row["Region"] == "Ost"
    ]
    # Hand-derived in tests/test_billing_spans.py.
    assert ost == [
        ("Brunnfeld", "Brunnfeld", "2777,78", "0,00", ""),
        ("Brunnfeld", "Eichhagen", "1388,89", "1000,00", "388,89"),
        ("Brunnfeld", "Fuchsberg", "1388,89", "0,00", "1388,89"),
        ("Brunnfeld", "Grünwald", "694,45", "0,00", "694,45"),
        ("Eichhagen", "Eichhagen", "6944,44", "0,00", ""),
        ("Eichhagen", "Fuchsberg", "6944,44", "5000,50", "1943,94"),
        ("Eichhagen", "Grünwald", "4861,11", "0,00", "4861,11"),
    ]


def test_billing_refuses_an_ambiguous_advance(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    agreement = str(handover_file(tmp_path))
    out = str(tmp_path / "abrechnung.xlsx")
    error = fails(
        capsys, "--agreement", agreement, "billing", "--year", "2026", "--out", out,
        "--advance", "Fuchsberg=100", "--lang", "en",
    )  # fmt: skip
    assert error == (
        "kim-cooperation: error: --advance Fuchsberg=... is ambiguous: Fuchsberg is billed by "
        "Brunnfeld and Eichhagen in 2026; name the employer the advance was paid to, e.g. "
        "--advance Fuchsberg@Brunnfeld=AMOUNT\n"
    )
    german = fails(
        capsys, "--agreement", agreement, "billing", "--year", "2026", "--out", out,
        "--advance", "Fuchsberg=100",
    )  # fmt: skip
    assert german == (
        "kim-cooperation: Fehler: --advance Fuchsberg=... ist mehrdeutig: Fuchsberg erhält 2026 "
        "Abrechnungen von Brunnfeld und Eichhagen; nennen Sie die Anstellungskörperschaft, an "
        "die der Abschlag ging, etwa --advance Fuchsberg@Brunnfeld=BETRAG\n"
    )
    twice = fails(
        capsys, "--agreement", agreement, "billing", "--year", "2026", "--out", out,
        "--advance", "Fuchsberg@Brunnfeld=1", "--advance", "fuchsberg@brunnfeld=2",
    )  # fmt: skip
    assert "--advance nennt Fuchsberg@Brunnfeld zweimal" in twice
    assert "Altenau rechnet im Jahr 2026 nicht mit Fuchsberg ab" in fails(
        capsys, "--agreement", agreement, "billing", "--year", "2026", "--out", out,
        "--advance", "Fuchsberg@Altenau=1",
    )  # fmt: skip


def test_billing_workbook_of_the_built_in_example(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "billing.xlsx"
    summary = run(
        capsys, "--agreement", "example", "--lang", "en", "billing", "--year", "2025",
        "--out", str(out),
    )  # fmt: skip
    assert summary.splitlines()[-1] == f"{out} written: 3 statements for 2025 (C9)"
    assert out.exists()


# --------------------------------------------------------------------------- projections


def test_a_year_with_a_settlement_and_a_wind_down(capsys: pytest.CaptureFixture[str]) -> None:
    # Everyone's notice received 30 September 2025 ends the agreement on 31 March 2026.
    argv = ["scenario", "--agreement", "example", "--from", "2025", "--to", "2027"]
    out = run(capsys, *argv, "--all-notice", "2025-09-30")
    assert "2026+" in out
    assert "2027*" in out
    assert (
        "  + Vertragsende im Jahr: Eigenanteil bis zum Ende und danach der aus dem Kostenplan "
        "geschätzte Nachlauf (C7, C13)"
    ) in out
    rows = list(
        csv.DictReader(
            io.StringIO(run(capsys, *argv, "--all-notice", "2025-09-30", "--format", "csv")),
            delimiter=";",
        )
    )
    assert {
        row["Klausel"] for row in rows if row["Jahr"] == "2027" and row["Szenario"] != "Basis"
    } == {"C13"}
    english = run(capsys, *argv, "--all-notice", "2025-09-30", "--lang", "en")
    assert "+ the agreement ends within the year" in english
