"""The command line's subcommands: every command, every format, both languages, the errors."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from kim_cooperation import presets, settle
from kim_cooperation.cli import main
from kim_cooperation.export import to_json
from kim_cooperation.projection import project


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


def fails(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    prefix = f"kim-cooperation: {'error' if _english(argv) else 'Fehler'}: "
    assert captured.err.startswith(prefix)
    assert captured.err.count("\n") == 1, "one line, never a traceback"
    return captured.err


def _english(argv: tuple[str, ...] | list[str]) -> bool:
    """Whether ``argv`` asks for English, so that the error prefix is "error" (else "Fehler")."""
    from kim_cooperation.cli._language import _lang_in  # how the command line itself reads --lang

    return _lang_in(argv) == "en"


# --- report ----------------------------------------------------------------------------------


def test_report_subcommand_is_the_default_run(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "report") == run(capsys)
    assert run(capsys, "--lang", "en", "report") == run(capsys, "report", "--lang", "en")


def test_report_for_another_year_carries_the_plan_forward(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = run(capsys, "report", "--year", "2024", "--party", "Havixbeck")
    assert "Gemeinde Havixbeck – Mitglied der Region Nord – Haushaltsjahr 2024" in out
    assert "Kostenplan 2023 für 2024 unverändert fortgeschrieben." in out
    assert "Havixbeck schuldet Coesfeld 8.125 € (C9)" in " ".join(out.split())


def test_report_as_json_is_the_financial_impact(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(run(capsys, "report", "--format", "json", "--party", "Billerbeck"))
    assert data["party"]["name"] == "Billerbeck"
    assert "8125.00" in json.dumps(data)


# --- settle ----------------------------------------------------------------------------------


def test_settle_text_in_german_and_english(capsys: pytest.CaptureFixture[str]) -> None:
    german = run(capsys, "settle", "--year", "2023")
    assert "Abrechnung 2023 (C9)" in german
    assert "Nottuln schuldet Dülmen" in german
    assert "6.500 €" in german
    english = run(capsys, "settle", "--year", "2023", "--lang", "en")
    assert "Billing 2023 (C9)" in english
    assert "€6,500" in english


def test_settle_json_matches_the_library(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(run(capsys, "settle", "--year", "2023", "--format", "json"))
    expected = settle(presets.coesfeld(), 2023, presets.coesfeld_planning_costs_2023())
    assert [region["region"] for region in data["regions"]] == ["Nord", "Mitte", "Süd"]
    for region, settled in zip(data["regions"], expected.regions, strict=True):
        assert region["own_share"]["amount"] == str(settled.own_share)


def test_settle_csv_german_uses_semicolons_and_decimal_commas(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = run(capsys, "settle", "--year", "2023", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out), delimiter=";"))
    assert rows[0][:2] == ["Jahr", "Region"]
    assert rows[3][-2:] == ["32500,00", "C7"]
    english = run(capsys, "settle", "--year", "2023", "--format", "csv", "--lang", "en")
    assert list(csv.reader(io.StringIO(english)))[3][-2:] == ["32500.00", "C7"]


# --- deadline --------------------------------------------------------------------------------


def test_deadline_for_a_received_notice(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "deadline", "--received", "2024-06-28") == (
        "Kündigung zugegangen am 28.06.2024: Mitglied bis 31.12.2025 "
        "(18 Monate zum Ende eines Kalenderjahres, C11)\n"
    )
    data = json.loads(run(capsys, "deadline", "--received", "2024-07-01", "--format", "json"))
    assert data == {
        "received": "2024-07-01",
        "termination": "2026-12-31",
        "terms": "18 Monate zum Ende eines Kalenderjahres",  # text follows --lang
        "clause": "C11",
        "closed_day": False,
        "next_working_day": None,
        "termination_if_next_working_day": None,
        "holidays_checked": True,
        "warning": None,
    }


def test_deadline_for_a_year_warns_on_weekends(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "deadline", "--year", "2025", "--lang", "en")
    assert "notice must be received by 2024-06-30" in out
    assert "make sure the notice arrives by 2024-06-28" in out
    assert "Sonntag" in run(capsys, "deadline", "--year", "2025")
    calm = run(capsys, "deadline", "--year", "2027", "--lang", "en")
    assert calm.count("\n") == 1
    rows = list(
        csv.reader(
            io.StringIO(
                run(capsys, "deadline", "--year", "2025", "--format", "csv", "--lang", "en")
            )
        )
    )
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["deadline"] == "2024-06-30"
    assert record["last_working_day"] == "2024-06-28"
    assert record["falls_on_weekend"] == "true"


def test_deadline_needs_exactly_one_question(capsys: pytest.CaptureFixture[str]) -> None:
    assert "eines der Argumente --received --year --end fehlt" in fails(capsys, "deadline")
    assert "nicht zusammen mit Argument" in fails(
        capsys, "deadline", "--year", "2025", "--received", "2024-06-30"
    )


# --- project and scenario --------------------------------------------------------------------


def test_project_table_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "project", "--from", "2023", "--to", "2025", "--lang", "en")
    assert "Billerbeck €8,125 €8,125 €8,125 €24,375" in " ".join(out.split())
    data = json.loads(run(capsys, "project", "--from", "2023", "--to", "2025", "--format", "json"))
    assert data == json.loads(
        to_json(
            project(presets.coesfeld(), range(2023, 2026), presets.coesfeld_planning_costs_2023())
        )
    )


def test_project_with_growth_grows_the_personnel_costs(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(
        capsys, "project", "--from", "2023", "--to", "2024", "--growth", "0.03", "--format", "json"
    )
    expected = project(
        presets.coesfeld(),
        [2023, 2024],
        presets.coesfeld_planning_costs_2023(),
        personnel_growth=Decimal("0.03"),
    )
    assert json.loads(out) == json.loads(to_json(expected))


def test_project_refuses_years_out_of_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert "--to 2023 liegt vor --from 2025" in fails(
        capsys, "project", "--from", "2025", "--to", "2023"
    )


def test_scenario_with_every_kind_of_variant(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(
        capsys,
        "scenario",
        "--from",
        "2025",
        "--to",
        "2027",
        "--rate",
        "57000",
        "--rate-from",
        "2026-01-01",
        "--loss-from",
        "2027-01-01",
        "--notice",
        "Rosendahl=2024-06-28",
        "--all-notice",
        "2024-06-28",
        "--lang",
        "en",
    )
    assert "Scenario rate €57,000 from 2026-01-01" in out
    assert "Scenario no funding from 2027-01-01" in out
    assert "Scenario Rosendahl gives notice 2024-06-28" in out
    assert "Scenario all give notice 2024-06-28" in out
    assert "* run-on after the end, estimated from the cost plan (C13)" in out


def test_scenario_csv_has_one_row_per_scenario_town_and_year(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = run(
        capsys,
        "scenario",
        "--from",
        "2026",
        "--to",
        "2026",
        "--notice",
        "Nottuln=2024-06-28",
        "--format",
        "csv",
        "--lang",
        "en",
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 2 * 11


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["scenario", "--from", "2025", "--to", "2026"], "braucht mindestens eine Variante"),
        (
            ["scenario", "--from", "2025", "--to", "2026", "--rate-from", "2025-01-01"],
            "--rate-from braucht --rate",
        ),
        (
            ["scenario", "--from", "2025", "--to", "2026", "--notice", "Rosendahl"],
            "--notice erwartet KOMMUNE=DATUM",
        ),
        (
            ["scenario", "--from", "2025", "--to", "2026", "--notice", "Münster=2024-06-30"],
            "--notice 'Münster' ist keine Kommune",
        ),
        (
            ["scenario", "--from", "2025", "--to", "2026", "--rate", "57k"],
            "--rate '57k' ist kein Betrag; schreiben Sie ihn etwa als 57000",
        ),
        (
            ["scenario", "--from", "2025", "--to", "2026", "--rate", "NaN"],
            "--rate 'NaN' ist kein Betrag",
        ),
        (
            ["--lang", "en", "scenario", "--from", "2025", "--to", "2026", "--rate", "NaN"],
            "--rate 'NaN' is not an amount",
        ),
        (["project", "--from", "20x5", "--to", "2026"], "--from '20x5' ist kein Jahr"),
        (["project", "--from", "2020", "--to", "2021"], "kein Kostenplan für 2020"),
    ],
)
def test_scenario_and_project_errors(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert message in fails(capsys, *argv)


# --- explain ---------------------------------------------------------------------------------


def test_explain_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    german = run(capsys, "explain", "--party", "Havixbeck", "--year", "2023")
    assert "Havixbeck gehört zur Region Nord" in german
    english = run(capsys, "explain", "--party", "05558020", "--year", "2023", "--lang", "en")
    assert "Havixbeck belongs to Region Nord" in english
    data = json.loads(
        run(capsys, "explain", "--party", "Havixbeck", "--year", "2023", "--format", "json")
    )
    assert data["party"]["name"] == "Havixbeck"


# --- billing ---------------------------------------------------------------------------------


def test_billing_workbook_and_csv(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = tmp_path / "abrechnung.xlsx"
    out = run(
        capsys, "billing", "--year", "2023", "--out", str(workbook), "--advance", "Billerbeck=4000"
    )
    assert out.endswith(f"{workbook} geschrieben: 3 Abrechnungen für 2023 (C9)\n")
    assert out.startswith(
        "Kosten: Region Nord laut Ratsvorlage 2023; Mitte und Süd als Planungsannahme"
    )
    book = openpyxl.load_workbook(workbook)
    assert book.sheetnames == ["Coesfeld", "Dülmen", "Ascheberg"]
    assert str(book["Coesfeld"]["A1"].value).startswith("Jahresabrechnung 2023")
    english = tmp_path / "statements.xlsx"
    said = run(capsys, "billing", "--year", "2023", "--out", str(english), "--lang", "en")
    assert said.endswith(f"{english} written: 3 statements for 2023 (C9)\n")
    assert not str(openpyxl.load_workbook(english)["Coesfeld"]["A1"].value).startswith("Jahres")
    table = tmp_path / "billing.csv"
    run(
        capsys,
        "billing",
        "--year",
        "2023",
        "--out",
        str(table),
        "--lang",
        "en",
        "--advance",
        "Nottuln=6500,00",
    )
    rows = {
        row["party"]: row for row in csv.DictReader(io.StringIO(table.read_text(encoding="utf-8")))
    }
    assert rows["Nottuln"]["balance"] == "0.00"
    assert rows["Billerbeck"]["balance"] == "8125.00"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--out", "statement.pdf"], "--out muss auf .xlsx, .csv oder .json enden"),
        (["--out", "statement.pdf", "--lang", "en"], "--out must end in .xlsx, .csv or .json"),
        (
            ["--out", "x.csv", "--advance", "Olfen=1", "--advance", "olfen=2"],
            "--advance nennt Olfen zweimal",
        ),
        (
            ["--out", "x.csv", "--advance", "Olfen=1", "--advance", "olfen=2", "--lang", "en"],
            "--advance names Olfen twice",
        ),
        (["--out", "x.csv", "--advance", "Olfen=-1"], "Olfen darf nicht negativ sein"),
        (["--out", "x.csv", "--advance", "Coesfeld=1"], "Coesfeld"),
        (["--out", "missing-folder/x.csv"], "Datei oder Ordner nicht gefunden (ENOENT)"),
        (["--out", "missing-folder/x.csv", "--lang", "en"], "No such file or directory"),
    ],
)
def test_billing_errors(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    extra: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert message in fails(capsys, "billing", "--year", "2023", *extra)


def test_unknown_format_and_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert "--format 'xml' ist keine der Möglichkeiten; möglich sind: text, json, csv" in fails(
        capsys, "settle", "--year", "2023", "--format", "xml"
    )
    assert "--lang 'fr' ist keine der Möglichkeiten" in fails(
        capsys, "settle", "--year", "2023", "--lang", "fr"
    )
    assert "--format 'jsn' is not one of the choices; did you mean json?" in fails(
        capsys, "settle", "--year", "2023", "--format", "jsn", "--lang", "en"
    )


def test_options_before_or_after_the_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    before = run(capsys, "--lang", "en", "--format", "json", "settle", "--year", "2023")
    after = run(capsys, "settle", "--year", "2023", "--lang", "en", "--format", "json")
    assert before == after


# --- --agreement FILE -----------------------------------------------------------------------

SMALL_AGREEMENT = """
name = "Kooperation Musterkreis"
start = 2024-01-01
parties = [
    { name = "Adorf", kind = "Stadt", ags = "01001001" },
    { name = "Bdorf", kind = "Gemeinde", ags = "01001002" },
    { name = "Cdorf", kind = "Gemeinde", ags = "01001003" },
]

[[regions]]
name = "West"
employer = "Adorf"
members = ["Adorf", "Bdorf", "Cdorf"]
posts = [{ label = "West 1", fte = 1 }]

[[funding]]
valid_from = 2024-01-01
amount = "55000.00"
source = "test"
clause = "C5"

[cost_plans.2024.West]
personnel = "70000.00"
material_not_itemised = "5000.01"
"""


def test_an_agreement_file_replaces_the_built_in_agreement(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "musterkreis.toml"
    path.write_text(SMALL_AGREEMENT, encoding="utf-8")
    out = run(capsys, "settle", "--year", "2024", "--agreement", str(path), "--lang", "en")
    assert "Kooperation Musterkreis – Budget year 2024" in out
    # 75,000.01 − 55,000.00 = 20,000.01 own share, 6,666.67 for each of three towns.
    assert "Bdorf owes Adorf" in out
    data = json.loads(
        run(capsys, "settle", "--year", "2024", "--agreement", str(path), "--format", "json")
    )
    shares = data["regions"][0]["split"]["shares"]
    assert {share["party"]["name"]: share["amount"] for share in shares} == {
        "Adorf": "6666.67",
        "Bdorf": "6666.67",
        "Cdorf": "6666.67",
    }
    later = run(capsys, "project", "--from", "2025", "--to", "2026", "--agreement", str(path))
    assert "Kostenplan 2024 für 2025–2026 unverändert fortgeschrieben." in later
    report = run(capsys, "--agreement", str(path), "--lang", "en")
    assert "Stadt Adorf – employer of region West – Budget year 2024" in report


def test_the_built_in_file_gives_the_papers_figures(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib import resources

    built_in = resources.files("kim_cooperation") / "data" / "coesfeld.toml"
    with resources.as_file(built_in) as path:
        out = run(capsys, "settle", "--year", "2023", "--agreement", str(path), "--lang", "en")
    assert "Billerbeck owes Coesfeld  €8,125  (C9)" in out
    assert "Mitte" not in out  # the paper plans Nord only


def test_agreement_file_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert "Datei oder Ordner nicht gefunden (ENOENT)" in fails(
        capsys, "settle", "--year", "2024", "--agreement", str(tmp_path / "none.toml")
    )
    assert "No such file" in fails(
        capsys,
        "settle",
        "--year",
        "2024",
        "--agreement",
        str(tmp_path / "none.toml"),
        "--lang",
        "en",
    )
    broken = tmp_path / "broken.toml"
    broken.write_text(
        SMALL_AGREEMENT.replace("fte = 1 }", "fte = 1.5 }").replace('"70000.00"', "70000.5"),
        encoding="utf-8",
    )
    message = fails(capsys, "settle", "--year", "2024", "--agreement", str(broken))
    assert "regions[0].posts[0].fte" in message
    assert "cost_plans" in message


# --- small paths -----------------------------------------------------------------------------


def test_bad_dates_and_advances_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert "--received '2024-13-01': einen Monat 13 gibt es nicht" in fails(
        capsys, "deadline", "--received", "2024-13-01"
    )
    assert "--received '2024-13-01': there is no month 13" in fails(
        capsys, "deadline", "--received", "2024-13-01", "--lang", "en"
    )
    assert "--advance erwartet KOMMUNE=BETRAG, etwa Billerbeck=4000" in fails(
        capsys, "billing", "--year", "2023", "--out", "x.csv", "--advance", "Billerbeck"
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["settle", "--year", "2025"],
        ["explain", "--party", "Olfen", "--year", "2025"],
        ["project", "--from", "2025", "--to", "2026", "--growth", "0.03"],
    ],
)
def test_a_carried_forward_plan_is_named(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    assert "Kostenplan 2023 für 2025 unverändert fortgeschrieben." in run(capsys, *argv)


def test_a_reader_that_goes_away_is_not_a_traceback() -> None:
    import subprocess
    import sys

    process = subprocess.Popen(
        [sys.executable, "-m", "kim_cooperation", "project", "--from", "2023", "--to", "2060"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    process.stdout.close()  # the reader is gone before anything is written
    _, errors = process.communicate(timeout=60)
    assert process.returncode == 1
    assert b"Traceback" not in errors


COMMANDS = {
    "report": ["report", "--party", "Olfen"],
    "settle": ["settle", "--year", "2023"],
    "deadline": ["deadline", "--year", "2026"],
    "project": ["project", "--from", "2023", "--to", "2024"],
    "scenario": ["scenario", "--from", "2023", "--to", "2024", "--loss-from", "2024-01-01"],
    "explain": ["explain", "--party", "Olfen", "--year", "2023"],
}


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_in_every_format(
    capsys: pytest.CaptureFixture[str], name: str, lang: str
) -> None:
    argv = [*COMMANDS[name], "--lang", lang]
    text = run(capsys, *argv)
    assert text.strip()
    data = json.loads(run(capsys, *argv, "--format", "json"))
    assert data
    assert "Olfen" in json.dumps(data, ensure_ascii=False) or name == "deadline"
    table = run(capsys, *argv, "--format", "csv")
    rows = list(csv.reader(io.StringIO(table), delimiter=";" if lang == "de" else ","))
    assert len(rows) >= 2
    assert all(len(row) == len(rows[0]) for row in rows)


def test_every_carried_forward_year_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "project", "--from", "2023", "--to", "2026", "--lang", "en")
    assert "The cost plan of 2023 is carried forward unchanged to 2024–2026." in out


def test_scenario_names_follow_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(
        capsys,
        "scenario",
        "--from",
        "2025",
        "--to",
        "2025",
        "--rate",
        "57000",
        "--loss-from",
        "2025-07-01",
        "--notice",
        "Olfen=2024-06-28",
        "--all-notice",
        "2024-06-28",
    )
    for name in (
        "Förderung 57.000 € ab 01.01.2025",
        "keine Förderung ab 01.07.2025",
        "Kündigung Olfen, Zugang 28.06.2024",
        "Kündigung aller, Zugang 28.06.2024",
    ):
        assert f"Szenario {name}:" in out
