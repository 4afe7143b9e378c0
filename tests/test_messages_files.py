"""The problems of agreement and scenario files are catalogue texts: English and German alike.

Each problem of a file (`kim_cooperation.files`, `kim_cooperation.scenario_file`)
is built from an English text marked for the catalogue, with its fields
(`kim_cooperation.errors.Phrase`); ``str(error)`` is English and
``error.describe("de")`` German, with German days (31.12.2025) and numbers
(16.777.216). The files reach the command line through ``--agreement FILE``
and ``scenario --file FILE``, so the German texts are checked there too.
"""

from __future__ import annotations

import copy
import json
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

from kim_cooperation import presets
from kim_cooperation.cli import main
from kim_cooperation.errors import AgreementFileError, InvalidValueError
from kim_cooperation.files import dump_agreement, load_agreement, loads_agreement
from kim_cooperation.scenario_file import ScenarioFileError, load_scenarios, loads_scenarios

BASE = presets.example()
AGREEMENT: dict[str, Any] = json.loads(dump_agreement(BASE, format="json"))
"""The example agreement as the data of a JSON agreement file; each test changes a copy."""


def _changed(change: Callable[[dict[str, Any]], None]) -> str:
    data = copy.deepcopy(AGREEMENT)
    change(data)
    return json.dumps(data, ensure_ascii=False)


def _refused(text: str, format: str = "json") -> AgreementFileError:
    with pytest.raises(AgreementFileError) as caught:
        loads_agreement(text, format=format)  # type: ignore[arg-type]
    return caught.value


def _one(path: str, message: str, lang: str = "en") -> str:
    head = {
        "en": "the agreement file has 1 problem:",
        "de": "die Vereinbarungsdatei hat 1 Problem:",
    }[lang]
    return f"{head}\n  {path}: {message}"


def _set(*keys: str | int, value: object) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value

    return change


def _delete(*keys: str | int) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in keys[:-1]:
            target = target[key]
        del target[keys[-1]]

    return change


# --------------------------------------------------------------------------- problems of form

FTE = (
    'a full-time equivalent as a fraction string such as "1/2", a decimal string such as "0.5" '
    "or an integer"
)
FTE_DE = (
    'einen Vollzeitanteil (VZÄ) als Bruch in Anführungszeichen wie "1/2", als Dezimalzahl in '
    'Anführungszeichen wie "0.5" oder als ganze Zahl'
)
MONEY = 'money as a decimal string such as "55000.00" or an integer of euros'
MONEY_DE = (
    'einen Geldbetrag als Dezimalzahl in Anführungszeichen wie "55000.00" oder als ganze Zahl '
    "in Euro"
)
WEIGHT = (
    'a weight of at least 0 as an integer, a fraction string such as "1/2" or a decimal string '
    'such as "0.5"'
)
WEIGHT_DE = (
    'ein Gewicht von mindestens 0 als ganze Zahl, als Bruch in Anführungszeichen wie "1/2" oder '
    'als Dezimalzahl in Anführungszeichen wie "0.5"'
)
INHABITANTS = "the inhabitants as a positive integer such as 21310"
INHABITANTS_DE = "die Einwohnerzahl als positive ganze Zahl wie 21310"
DATE = 'a date such as 2023-01-01 (a TOML date or an ISO string "2023-01-01")'
DATE_DE = 'ein Datum wie 2023-01-01 (ein TOML-Datum oder ein ISO-Text "2023-01-01")'
POST = ("regions", 0, "posts", 0, "fte")
AMOUNT = ("funding", 0, "amount")
COUNT = ("population", 0, "counts", "Altenau")

FORM = [
    (
        _set("name", value=5),
        "name",
        "expected a string, got integer 5",
        "erwartet einen Text, gefunden die ganze Zahl 5",
    ),
    (
        _set("notice_terms", "months", value="6"),
        "notice_terms.months",
        "expected an integer, got string '6'",
        "erwartet eine ganze Zahl, gefunden den Text '6'",
    ),
    (
        _set("notice_terms", "period_end", value="decade"),
        "notice_terms.period_end",
        "expected one of 'year', 'half-year', 'quarter', 'month', got string 'decade'",
        "erwartet einen der Werte 'year', 'half-year', 'quarter', 'month', gefunden den Text "
        "'decade'",
    ),
    (
        _set("parties", value={}),
        "parties",
        "expected an array of tables (Party), got a table",
        "erwartet eine Liste von Tabellen (Party), gefunden eine Tabelle",
    ),
    (
        _set("parties", 0, value="Altenau"),
        "parties[0]",
        "expected a table (Party), got string 'Altenau'",
        "erwartet eine Tabelle (Party), gefunden den Text 'Altenau'",
    ),
    (
        _set("regions", 2, "members", value="Haselstein"),
        "regions[2].members",
        "expected an array, each item a string, got string 'Haselstein'",
        "erwartet eine Liste, als Eintrag jeweils einen Text, gefunden den Text 'Haselstein'",
    ),
    (
        _set(*POST, value=0.5),
        "regions[0].posts[0].fte",
        f'expected {FTE}, got float 0.5; a float is not exact, write "0.5" (quoted) instead',
        f"erwartet {FTE_DE}, gefunden die Kommazahl (float) 0.5; eine Kommazahl (float) ist "
        'nicht exakt, schreiben Sie stattdessen "0.5" (in Anführungszeichen)',
    ),
    (
        _set(*POST, value=True),
        "regions[0].posts[0].fte",
        f"expected {FTE}, got boolean true",
        f"erwartet {FTE_DE}, gefunden den Wahrheitswert true",
    ),
    (
        _set(*POST, value=[1]),
        "regions[0].posts[0].fte",
        f"expected {FTE}, got an array of 1 item",
        f"erwartet {FTE_DE}, gefunden eine Liste mit 1 Eintrag",
    ),
    (
        _set(*POST, value=[1, 2]),
        "regions[0].posts[0].fte",
        f"expected {FTE}, got an array of 2 items",
        f"erwartet {FTE_DE}, gefunden eine Liste mit 2 Einträgen",
    ),
    (
        _set(*POST, value=None),
        "regions[0].posts[0].fte",
        f"expected {FTE}, got null",
        f"erwartet {FTE_DE}, gefunden null",
    ),
    (
        _set(*AMOUNT, value=55000.5),
        "funding[0].amount",
        f"expected {MONEY}, got float 55000.5; a float cannot hold cents exactly, "
        'write "55000.50" (quoted) instead',
        f"erwartet {MONEY_DE}, gefunden die Kommazahl (float) 55000.5; eine Kommazahl (float) "
        'kann Cent nicht exakt darstellen, schreiben Sie stattdessen "55000.50" (in '
        "Anführungszeichen)",
    ),
    (
        _set(*AMOUNT, value=1e20),
        "funding[0].amount",
        f"expected {MONEY}, got float 1e+20; a float cannot hold cents exactly, write a decimal "
        "string (quoted) instead",
        f"erwartet {MONEY_DE}, gefunden die Kommazahl (float) 1e+20; eine Kommazahl (float) "
        "kann Cent nicht exakt darstellen, schreiben Sie stattdessen eine Dezimalzahl in "
        "Anführungszeichen",
    ),
    (
        _set(*AMOUNT, value="55.000,00"),
        "funding[0].amount",
        f"expected {MONEY}, got string '55.000,00'",
        f"erwartet {MONEY_DE}, gefunden den Text '55.000,00'",
    ),
    (
        _set(*AMOUNT, value=False),
        "funding[0].amount",
        f"expected {MONEY}, got boolean false",
        f"erwartet {MONEY_DE}, gefunden den Wahrheitswert false",
    ),
    (
        _set("regions", 1, "weights", "Grünwald", value=-1),
        'regions[1].weights."Grünwald"',
        f"expected {WEIGHT}, got integer -1; a weight is never negative (C4, I9)",
        f"erwartet {WEIGHT_DE}, gefunden die ganze Zahl -1; ein Gewicht ist nie negativ (C4, I9)",
    ),
    (
        _set("regions", 1, "weights", "Grünwald", value=0.25),
        'regions[1].weights."Grünwald"',
        f'expected {WEIGHT}, got float 0.25; a float is not exact, write "0.25" (quoted) instead',
        f"erwartet {WEIGHT_DE}, gefunden die Kommazahl (float) 0.25; eine Kommazahl (float) ist "
        'nicht exakt, schreiben Sie stattdessen "0.25" (in Anführungszeichen)',
    ),
    (
        _set(*COUNT, value="21310"),
        "population[0].counts.Altenau",
        f"expected {INHABITANTS}, got string '21310'; write 21310 without quotes",
        f"erwartet {INHABITANTS_DE}, gefunden den Text '21310'; schreiben Sie 21310 ohne "
        "Anführungszeichen",
    ),
    (
        _set(*COUNT, value=21310.0),
        "population[0].counts.Altenau",
        f"expected {INHABITANTS}, got float 21310.0; write 21310 without a decimal point",
        f"erwartet {INHABITANTS_DE}, gefunden die Kommazahl (float) 21310.0; schreiben Sie 21310 "
        "ohne Dezimalpunkt",
    ),
    (
        _set(*COUNT, value="viele"),
        "population[0].counts.Altenau",
        f"expected {INHABITANTS}, got string 'viele'",
        f"erwartet {INHABITANTS_DE}, gefunden den Text 'viele'",
    ),
    (
        _set("start", value="2023-02-30"),
        "start",
        "expected a valid date, got '2023-02-30': that month has the days 01 to 28",
        "erwartet ein gültiges Datum, gefunden '2023-02-30': dieser Monat hat die Tage 01 bis 28",
    ),
    (
        _set("start", value="2024-13-01"),
        "start",
        "expected a valid date, got '2024-13-01': there is no month 13",
        "erwartet ein gültiges Datum, gefunden '2024-13-01': einen Monat 13 gibt es nicht",
    ),
    (
        _set("start", value="0000-01-01"),
        "start",
        "expected a valid date, got '0000-01-01': years start at 0001",
        "erwartet ein gültiges Datum, gefunden '0000-01-01': die Jahre beginnen bei 0001",
    ),
    (
        _set("start", value=20240101),
        "start",
        f"expected {DATE}, got integer 20240101",
        f"erwartet {DATE_DE}, gefunden die ganze Zahl 20240101",
    ),
    (
        _set("cost_plans", value={"zwanzig": {}}),
        "cost_plans.zwanzig",
        "expected a year from 1 to 9999 such as 2023, got string 'zwanzig'",
        "erwartet ein Jahr von 1 bis 9999 wie 2023, gefunden den Text 'zwanzig'",
    ),
    (
        _set("cost_plans", value={"2024": 5}),
        "cost_plans.2024",
        "expected a table, got integer 5",
        "erwartet eine Tabelle, gefunden die ganze Zahl 5",
    ),
    (
        _delete("funding"),
        "funding",
        "required key is missing; expected an array of tables (FundingRate)",
        "Pflichtangabe fehlt; erwartet eine Liste von Tabellen (FundingRate)",
    ),
    (
        _set("regions", 0, "colour", value="blau"),
        "regions[0].colour",
        "unknown key; the keys of this table are name, employer, members, posts, split_key, "
        "weights",
        "unbekannter Schlüssel; die Schlüssel dieser Tabelle sind name, employer, members, posts, "
        "split_key, weights",
    ),
]


@pytest.mark.parametrize(("change", "path", "english", "german"), FORM)
def test_each_problem_of_form_in_english_and_german(
    change: Callable[[dict[str, Any]], None], path: str, english: str, german: str
) -> None:
    error = _refused(_changed(change))
    assert error.problems == ((path, english),)
    assert str(error) == _one(path, english)
    assert error.describe("de") == _one(path, german, "de")


@pytest.mark.parametrize(
    ("line", "english", "german"),
    [
        (
            "start = 2024-01-01T10:00:00",
            "expected a date without a time of day, got date-time 2024-01-01T10:00:00",
            "erwartet ein Datum ohne Uhrzeit, gefunden den Zeitpunkt 2024-01-01T10:00:00",
        ),
        (
            "start = 10:30:00",
            f"expected {DATE}, got time 10:30:00",
            f"erwartet {DATE_DE}, gefunden die Uhrzeit 10:30:00",
        ),
    ],
)
def test_toml_values_of_a_day_and_time(line: str, english: str, german: str) -> None:
    text = dump_agreement(BASE).replace("start = 2024-01-01", line, 1)
    error = _refused(text, "toml")
    assert str(error) == _one("start", english)
    assert error.describe("de") == _one("start", german, "de")


def test_a_toml_date_where_a_text_is_expected_is_a_german_day() -> None:
    text = dump_agreement(BASE).replace(f'name = "{BASE.name}"', "name = 2024-03-31", 1)
    error = _refused(text, "toml")
    assert str(error) == _one("name", "expected a string, got date 2024-03-31")
    assert error.describe("de") == _one(
        "name", "erwartet einen Text, gefunden das Datum 31.03.2024", "de"
    )


# --------------------------------------------------------------------------- problems of meaning

TOWNS = ", ".join(party.name for party in BASE.parties)


def _append(*keys: str | int, value: object) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in keys:
            target = target[key]
        target.append(value)

    return change


def _swap_rates(data: dict[str, Any]) -> None:
    data["funding"].reverse()


MEANING = [
    (
        _append("regions", 0, "members", value="Musterstadt"),
        "regions[0].members[4]",
        "'Musterstadt' is not a party to the agreement; expected the name or AGS of one of "
        f"{TOWNS} (C1)",
        "'Musterstadt' ist keine Kommune der Vereinbarung; erwartet den Namen oder den AGS einer "
        f"Kommune, möglich sind: {TOWNS} (C1)",
    ),
    (
        _set("regions", 1, "weights", "05999008", value=1),
        "regions[1].weights.05999008",
        "Brunnfeld already has a weight (as 'Brunnfeld'); give each member one weight (C4, I9)",
        "Brunnfeld hat schon ein Gewicht (als 'Brunnfeld'); geben Sie jeder Kommune der Region "
        "genau ein Gewicht (C4, I9)",
    ),
    (
        _set("regions", 1, "weights", "Altenau", value=1),
        "regions[1].weights.Altenau",
        "Altenau is not a member of region 'Ost'; weights are given for its members Brunnfeld, "
        "Eichhagen, Fuchsberg, Grünwald (C2, C4, I9)",
        "Altenau gehört nicht zur Region 'Ost'; Gewichte gibt es nur für ihre Kommunen "
        "Brunnfeld, Eichhagen, Fuchsberg, Grünwald (C2, C4, I9)",
    ),
    (
        _delete("regions", 1, "weights", "Grünwald"),
        "regions[1].weights",
        "no weight for Grünwald; give every member a weight, 0 for a town that pays nothing "
        "(C4, I9)",
        "kein Gewicht für Grünwald; geben Sie jeder Kommune der Region ein Gewicht, 0 für eine "
        "Kommune, die nichts zahlt (C4, I9)",
    ),
    (
        _delete("regions", 1, "weights"),
        "regions[1].weights",
        'split_key = "weights" needs a weight for each member, e.g. weights = { Billerbeck = "2", '
        'Rosendahl = "1/2" } (C4, I9)',
        'split_key = "weights" braucht ein Gewicht für jede Kommune der Region, z. B. weights = '
        '{ Billerbeck = "2", Rosendahl = "1/2" } (C4, I9)',
    ),
    (
        _set("regions", 2, "weights", value={"Haselstein": 1}),
        "regions[2].weights",
        "weights are given but split_key is 'equal'; write split_key = \"weights\" to split by "
        "them, or remove them (C4, I9)",
        "Gewichte sind angegeben, aber split_key ist 'equal'; schreiben Sie split_key = "
        '"weights", um nach ihnen zu verteilen, oder entfernen Sie sie (C4, I9)',
    ),
    (
        _set("population", 1, "as_of", value="2023-12-31"),
        "population[1].as_of",
        "a count is already as of 2023-12-31 (population[0]); give one count per day (I9)",
        "eine Einwohnerzahl mit Stand 31.12.2023 gibt es schon (population[0]); geben Sie je "
        "Stichtag eine Zählung an (I9)",
    ),
    (
        _set("population", 0, "counts", "altenau", value=1),
        "population[0].counts.altenau",
        "Altenau is already counted here (as 'Altenau'); count each town once in a count (I9)",
        "Altenau ist hier schon gezählt (als 'Altenau'); zählen Sie jede Kommune je Zählung "
        "einmal (I9)",
    ),
    (
        _set(*COUNT, value=0),
        "population[0].counts.Altenau",
        "expected the inhabitants of Altenau as a positive integer, got integer 0 (I9)",
        "erwartet die Einwohnerzahl von Altenau als positive ganze Zahl, gefunden die ganze "
        "Zahl 0 (I9)",
    ),
    (
        _set("population", 0, "counts", value={}),
        "population[0].counts",
        "a population count names at least one town (I9)",
        "eine Einwohnerzählung nennt mindestens eine Kommune (I9)",
    ),
    (
        _set("funding", 1, "valid_from", value="2024-01-01"),
        "funding[1].valid_from",
        "a rate is already valid from 2024-01-01 (funding[0]); each day starts at most one "
        "rate (C5)",
        "ab dem 01.01.2024 gilt schon ein Fördersatz (funding[0]); an jedem Tag beginnt "
        "höchstens ein Fördersatz (C5)",
    ),
    (
        _swap_rates,
        "funding[1].valid_from",
        "rates must be in date order, got 2024-01-01 after 2026-07-01 (funding[0])",
        "die Fördersätze müssen nach Datum geordnet sein, gefunden 01.01.2024 nach 01.07.2026 "
        "(funding[0])",
    ),
    (
        _set("notices", value=[{"party": "Immental", "received": "2023-06-30"}]),
        "notices[0].received",
        "notice received on 2023-06-30, before the agreement's start 2024-01-01 (C11)",
        "Kündigung am 30.06.2023 zugegangen, vor dem Beginn der Vereinbarung am 01.01.2024 (C11)",
    ),
    (
        _set(
            "notices",
            value=[
                {"party": "Immental", "received": "2025-03-31"},
                {"party": "immental", "received": "2025-06-30"},
            ],
        ),
        "notices[1].party",
        "Immental already gave notice in notices[0]; a party gives notice once (C11)",
        "Immental hat schon in notices[0] gekündigt; eine Kommune kündigt nur einmal (C11)",
    ),
    (
        _set("cost_plans", value={"2025": {}}),
        "cost_plans.2025",
        "a year's cost plan names at least one region (C8)",
        "der Kostenplan eines Jahres nennt mindestens eine Region (C8)",
    ),
    (
        _set("cost_plans", value={"2025": {"Süd": {"personnel": "1.00"}}}),
        'cost_plans.2025."Süd"',
        "'Süd' is not a region of the agreement; expected one of Nord, Ost, West (C2)",
        "'Süd' ist keine Region der Vereinbarung; möglich sind: Nord, Ost, West (C2)",
    ),
    (
        _set("cost_plans", value={"2025": {"Nord": {}, "nord": {}}}),
        "cost_plans.2025.nord",
        "region 'Nord' already has costs in this plan (as 'Nord')",
        "die Region 'Nord' hat in diesem Kostenplan schon Kosten (als 'Nord')",
    ),
]


@pytest.mark.parametrize(("change", "path", "english", "german"), MEANING)
def test_each_problem_of_meaning_in_english_and_german(
    change: Callable[[dict[str, Any]], None], path: str, english: str, german: str
) -> None:
    error = _refused(_changed(change))
    assert error.problems == ((path, english),)
    assert error.describe("de") == _one(path, german, "de")


def test_a_key_naming_two_regions() -> None:
    def change(data: dict[str, Any]) -> None:
        data["regions"][1]["name"] = "Sued"
        data["regions"][2]["name"] = "Sud"
        data["cost_plans"] = {"2025": {"Süd": {}}}

    error = _refused(_changed(change))
    path = 'cost_plans.2025."Süd"'
    assert error.problems == (
        (
            path,
            "'Süd' could name region 'Sud' or 'Sued'; write the region's name as the agreement "
            "writes it (C2)",
        ),
    )
    assert error.describe("de") == _one(
        path,
        "'Süd' könnte die Region 'Sud' oder 'Sued' bezeichnen; schreiben Sie den Namen der Region "
        "so, wie die Vereinbarung ihn schreibt (C2)",
        "de",
    )


def test_a_town_in_a_file_of_no_towns() -> None:
    def change(data: dict[str, Any]) -> None:
        data["parties"] = []

    error = _refused(_changed(change))
    path, english = error.problems[0]
    assert (path, english) == (
        "regions[0].employer",
        "'Altenau' is not a party to the agreement; expected the name or AGS of a party, but "
        "the file lists none (C1)",
    )
    assert (
        "  regions[0].employer: 'Altenau' ist keine Kommune der Vereinbarung; erwartet den Namen "
        "oder den AGS einer Kommune, aber die Datei führt keine Kommune auf (C1)\n"
    ) in error.describe("de")


def test_many_towns_are_counted_with_german_thousands() -> None:
    def change(data: dict[str, Any]) -> None:
        data["parties"] += [
            {"name": f"Ort {number}", "kind": "Gemeinde", "ags": f"0510{number:04d}"}
            for number in range(1224)
        ]
        data["regions"][0]["members"].append("Musterstadt")

    error = _refused(_changed(change))
    assert error.problems == (
        (
            "regions[0].members[4]",
            "'Musterstadt' is not a party to the agreement; expected the name or AGS of one of "
            "the 1,234 parties the file lists (C1)",
        ),
    )
    assert error.describe("de").endswith(
        "erwartet den Namen oder den AGS einer Kommune, möglich sind: die 1.234 Kommunen der "
        "Datei (C1)"
    )


def test_the_models_own_errors_keep_their_phrases() -> None:
    """An error of the model (here an FTE above 1) is kept whole: its own phrase is described."""
    error = _refused(_changed(_set(*POST, value="3/2")))
    ((path, english),) = error.problems
    assert path == "regions[0].posts[0].fte"
    assert "3/2" in english
    described = error.describe("de").splitlines()[1]
    assert described.startswith("  regions[0].posts[0].fte: ")
    assert "3/2" in described


# --------------------------------------------------------------------------- syntax and bytes


@pytest.mark.parametrize(
    ("text", "format", "english", "german"),
    [
        (
            '{"name": }',
            "json",
            "JSON syntax: Expecting value at line 1, column 10",
            "JSON-Syntax: Wert erwartet in Zeile 1, Spalte 10",
        ),
        (
            '{"name": "x", "name": "y"}',
            "json",
            "JSON syntax: duplicate key 'name' in an object",
            "JSON-Syntax: doppelter Schlüssel 'name' in einem Objekt",
        ),
        (
            "[" * 100_000,
            "json",
            "JSON syntax: arrays or objects nested too deeply",
            "JSON-Syntax: Arrays oder Objekte zu tief verschachtelt",
        ),
        (
            'name = "x"\nname = "y"\n',
            "toml",
            "TOML syntax: Cannot overwrite a value (at line 2, column 11)",
            "TOML-Syntax: ein Wert kann nicht überschrieben werden (in Zeile 2, Spalte 11)",
        ),
        (
            '{"name": "Kooperation \\ud800"}',
            "json",
            "'Kooperation \\ud800' holds a lone surrogate (U+D800), which is not a character and "
            "cannot be written as UTF-8; write the character meant (in JSON, a character outside "
            'the BMP as a pair of escapes such as "\\ud83d\\ude00")',
            "'Kooperation \\ud800' enthält ein einzelnes Ersatzzeichen (U+D800), das kein Zeichen "
            "ist und nicht als UTF-8 geschrieben werden kann; schreiben Sie das gemeinte Zeichen "
            '(in JSON ein Zeichen außerhalb der BMP als Paar von Escapes wie "\\ud83d\\ude00")',
        ),
    ],
)
def test_syntax(text: str, format: str, english: str, german: str) -> None:
    error = _refused(text, format)
    path = "name" if "surrogate" in english else "(top level)"
    assert str(error) == _one(path, english)
    assert error.describe("de") == _one(
        "(oberste Ebene)" if path == "(top level)" else path, german, "de"
    )


def test_a_file_too_large_or_not_utf8(tmp_path: Path) -> None:
    large = tmp_path / "gross.json"
    large.write_text(" " * 5001, encoding="utf-8")
    with pytest.raises(AgreementFileError) as caught:
        load_agreement(large, max_bytes=5000)
    assert caught.value.problems == (
        (
            "",
            "the file is larger than 5,000 bytes, the most an agreement file may have by "
            "default; pass max_bytes= a larger number to read it",
        ),
    )
    assert caught.value.describe("de") == (
        f"die Vereinbarungsdatei {str(large)!r} hat 1 Problem:\n"
        "  (oberste Ebene): die Datei ist größer als 5.000 Bytes, die Höchstgröße einer "
        "Vereinbarungsdatei ohne weitere Angabe; geben Sie max_bytes= mit einer größeren Zahl "
        "an, um sie zu lesen"
    )
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"name": "Lindenhöhe"}'.encode("latin-1"))
    with pytest.raises(AgreementFileError) as caught:
        load_agreement(latin)
    assert caught.value.problems == (
        ("", "the file is not UTF-8 text: byte 17 is not UTF-8; save it as UTF-8"),
    )
    assert caught.value.describe("de").endswith(
        "(oberste Ebene): die Datei ist kein UTF-8-Text: Byte 17 ist kein UTF-8; speichern Sie "
        "sie als UTF-8"
    )


# --------------------------------------------------------------------------- the Python API


def _raised(call: Callable[[], object]) -> InvalidValueError:
    with pytest.raises(InvalidValueError) as caught:
        call()
    return caught.value


def test_the_arguments_of_reading() -> None:
    error = _raised(lambda: loads_agreement("", format="yaml"))  # type: ignore[arg-type]
    assert str(error) == "format must be one of ['toml', 'json'], got 'yaml'"
    assert (
        error.describe("de")
        == "format muss einer der Werte ['toml', 'json'] sein, gefunden 'yaml'"
    )
    error = _raised(lambda: load_agreement("vereinbarung.yaml"))
    assert str(error) == (
        "cannot tell the format of 'vereinbarung.yaml' from its suffix; name it .toml or .json, "
        "or pass format='toml' or format='json'"
    )
    assert error.describe("de") == (
        "das Format von 'vereinbarung.yaml' ist an der Endung nicht zu erkennen; benennen Sie die "
        "Datei mit .toml oder .json, oder geben Sie format='toml' oder format='json' an"
    )
    error = _raised(lambda: load_agreement("vereinbarung.toml", max_bytes=-1))
    assert str(error) == "max_bytes must be at least 0, got -1"
    assert error.describe("de") == "max_bytes muss mindestens 0 sein, gefunden -1"


def test_writing_text_that_is_not_unicode() -> None:
    rates = tuple(
        attrs.evolve(rate, source=f"Richtlinie {number} \ud800")
        for number, rate in enumerate(BASE.funding.rates)
    )
    agreement = attrs.evolve(BASE, funding=attrs.evolve(BASE.funding, rates=rates))
    error = _raised(lambda: dump_agreement(agreement, format="json"))
    surrogate = (
        "holds a lone surrogate (U+D800), which is not a character and cannot be written as "
        "UTF-8; write the character meant (in JSON, a character outside the BMP as a pair of "
        'escapes such as "\\ud83d\\ude00")'
    )
    surrogate_de = (
        "enthält ein einzelnes Ersatzzeichen (U+D800), das kein Zeichen ist und nicht als UTF-8 "
        "geschrieben werden kann; schreiben Sie das gemeinte Zeichen (in JSON ein Zeichen "
        'außerhalb der BMP als Paar von Escapes wie "\\ud83d\\ude00")'
    )
    assert str(error) == (
        "cannot write the agreement file, its text is not valid Unicode: "
        f"funding[0].source: 'Richtlinie 0 \\ud800' {surrogate}; "
        f"funding[1].source: 'Richtlinie 1 \\ud800' {surrogate}"
    )
    assert error.describe("de") == (
        "die Vereinbarungsdatei kann nicht geschrieben werden, ihr Text ist kein gültiges "
        f"Unicode: funding[0].source: 'Richtlinie 0 \\ud800' {surrogate_de}; "
        f"funding[1].source: 'Richtlinie 1 \\ud800' {surrogate_de}"
    )


def test_the_error_of_a_file_pickles_with_its_phrases() -> None:
    error = _refused(_changed(_set("start", value="2023-02-30")))
    restored = pickle.loads(pickle.dumps(error))
    assert restored.problems == error.problems
    assert restored.describe("de") == error.describe("de")


# --------------------------------------------------------------------------- the command line


def _fails(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1, "one line, never a traceback"
    return captured.err.rstrip("\n")


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """An agreement file with a problem of form: an FTE written as a float, money as a float."""

    def change(data: dict[str, Any]) -> None:
        data["regions"][0]["posts"][0]["fte"] = 0.5
        data["funding"][0]["amount"] = 55000.5

    path = tmp_path / "kreis.json"
    path.write_text(_changed(change), encoding="utf-8")
    return path


def test_an_agreement_files_problems_of_form_on_the_command_line(
    capsys: pytest.CaptureFixture[str], broken: Path
) -> None:
    german = _fails(capsys, "settle", "--year", "2024", "--agreement", str(broken), "--lang", "de")
    assert german == (
        f"kim-cooperation: Fehler: die Vereinbarungsdatei {str(broken)!r} hat 2 Probleme: "
        f"regions[0].posts[0].fte: erwartet {FTE_DE}, gefunden die Kommazahl (float) 0.5; eine "
        'Kommazahl (float) ist nicht exakt, schreiben Sie stattdessen "0.5" (in '
        "Anführungszeichen) "
        f"funding[0].amount: erwartet {MONEY_DE}, gefunden die Kommazahl (float) 55000.5; eine "
        "Kommazahl (float) kann Cent nicht exakt darstellen, schreiben Sie stattdessen "
        '"55000.50" (in Anführungszeichen)'
    )
    english = _fails(
        capsys, "settle", "--year", "2024", "--agreement", str(broken), "--lang", "en"
    )
    assert english == (
        f"kim-cooperation: error: agreement file {str(broken)!r} has 2 problems: "
        f"regions[0].posts[0].fte: expected {FTE}, got float 0.5; a float is not exact, "
        'write "0.5" (quoted) instead '
        f"funding[0].amount: expected {MONEY}, got float 55000.5; a float cannot hold cents "
        'exactly, write "55000.50" (quoted) instead'
    )


def test_an_agreement_files_problems_of_meaning_on_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def change(data: dict[str, Any]) -> None:
        data["notices"] = [{"party": "Immental", "received": "2023-06-30"}]
        data["population"][1]["as_of"] = "2023-12-31"

    path = tmp_path / "kreis.json"
    path.write_text(_changed(change), encoding="utf-8")
    german = _fails(capsys, "settle", "--year", "2024", "--agreement", str(path))
    assert german == (
        f"kim-cooperation: Fehler: die Vereinbarungsdatei {str(path)!r} hat 2 Probleme: "
        "notices[0].received: Kündigung am 30.06.2023 zugegangen, vor dem Beginn der "
        "Vereinbarung am 01.01.2024 (C11) "
        "population[1].as_of: eine Einwohnerzahl mit Stand 31.12.2023 gibt es schon "
        "(population[0]); geben Sie je Stichtag eine Zählung an (I9)"
    )


# --------------------------------------------------------------------------- scenario files


def _scenario_refused(text: str, lang: str = "en") -> ScenarioFileError:
    with pytest.raises(ScenarioFileError) as caught:
        loads_scenarios(text, BASE, lang=lang)  # type: ignore[arg-type]
    return caught.value


VARIANT = "[[variants]]\nname = 'x'\n"

SCENARIO = [
    (
        "",
        "variants",
        'required key is missing; at least one variant, such as [[variants]] with name = "…"',
        'Pflichtangabe fehlt; mindestens eine Variante, etwa [[variants]] mit name = "…"',
    ),
    (
        "variants = 3\n",
        "variants",
        "expected an array of tables, got the integer 3",
        "erwartet eine Liste von Tabellen, gefunden die ganze Zahl 3",
    ),
    (
        "variants = [1, 2]\n",
        "variants",
        "expected an array of tables, got an array",
        "erwartet eine Liste von Tabellen, gefunden eine Liste",
    ),
    (
        "variants = []\n",
        "variants",
        "at least one entry, or leave the key out",
        "mindestens ein Eintrag, oder lassen Sie den Schlüssel weg",
    ),
    (
        "[[variants]]\nname = 'Basis'\nfunding_ends = 2027-01-01\n",
        "variants[0].name",
        "the name 'Basis' is reserved for the baseline",
        "der Name 'Basis' ist der Basis vorbehalten",
    ),
    (
        "[[variants]]\nname = ''\nfunding_ends = 2027-01-01\n",
        "variants[0].name",
        "the name is empty",
        "der Name ist leer",
    ),
    (
        "[[variants]]\nname = ' x'\nfunding_ends = 2027-01-01\n",
        "variants[0].name",
        "the name starts or ends with white space",
        "der Name beginnt oder endet mit Leerraum",
    ),
    (
        f"[[variants]]\nname = '{'x' * 201}'\nfunding_ends = 2027-01-01\n",
        "variants[0].name",
        "the name is longer than 200 characters",
        "der Name ist länger als 200 Zeichen",
    ),
    (
        '[[variants]]\nname = "x\\u0007"\nfunding_ends = 2027-01-01\n',
        "variants[0].name",
        "the name holds the control character U+0007",
        "der Name enthält das Steuerzeichen U+0007",
    ),
    (
        "[[variants]]\nname = true\nfunding_ends = 2027-01-01\n",
        "variants[0].name",
        "expected a string, got the boolean true",
        "erwartet einen Text, gefunden den Wahrheitswert true",
    ),
    (
        VARIANT,
        "variants[0]",
        "a variant needs at least one change: rates, funding_ends, notices, all_give_notice or "
        "personnel_growth",
        "eine Variante braucht mindestens eine Änderung: rates, funding_ends, notices, "
        "all_give_notice oder personnel_growth",
    ),
    (
        "[[variants]]\nfunding_ends = 2027-01-01\n",
        "variants[0].name",
        "required key is missing",
        "Pflichtangabe fehlt",
    ),
    (
        VARIANT + "funding_end = 2027-01-01\n",
        "variants[0].funding_end",
        "unknown key; did you mean funding_ends?; allowed are name, rates, funding_ends, notices, "
        "all_give_notice, personnel_growth",
        "unbekannter Schlüssel; meinten Sie funding_ends?; möglich sind name, rates, "
        "funding_ends, notices, all_give_notice, personnel_growth",
    ),
    (
        "colour = 1\n" + VARIANT + "funding_ends = 2027-01-01\n",
        "colour",
        "unknown key; allowed are variants",
        "unbekannter Schlüssel; möglich sind variants",
    ),
    (
        VARIANT + "funding_ends = 2027-01-01T00:00:00\n",
        "variants[0].funding_ends",
        'expected a date such as 2026-01-01 or "01.01.2026", '
        "got the date-time 2027-01-01 00:00:00",
        'erwartet ein Datum wie 2026-01-01 oder "01.01.2026", gefunden den Zeitpunkt 2027-01-01 '
        "00:00:00",
    ),
    (
        VARIANT + "funding_ends = 12:00:00\n",
        "variants[0].funding_ends",
        'expected a date such as 2026-01-01 or "01.01.2026", got the time 12:00:00',
        'erwartet ein Datum wie 2026-01-01 oder "01.01.2026", gefunden die Uhrzeit 12:00:00',
    ),
    (
        VARIANT + "personnel_growth = 2027-01-01\n",
        "variants[0].personnel_growth",
        'expected a rate as a string such as "3 %" or "0.03", got the date 2027-01-01',
        'erwartet einen Satz als Text wie "3 %" oder "0.03", gefunden das Datum 01.01.2027',
    ),
    (
        VARIANT + "personnel_growth = 0.03\n",
        "variants[0].personnel_growth",
        'expected a rate as a string such as "3 %" or "0.03", got the float 0.03; write it as '
        'a string, such as "0.03" or "3 %"',
        'erwartet einen Satz als Text wie "3 %" oder "0.03", gefunden die Kommazahl (float) 0.03; '
        'schreiben Sie ihn als Text, etwa "0.03" oder "3 %"',
    ),
    (
        VARIANT + "rates = [{ valid_from = 2027-01-01, amount = 57.000 }]\n",
        "variants[0].rates[0].amount",
        'expected an amount, a string or an integer such as "57000.00", got the float 57.000; '
        "TOML reads 57.000 as 57, a German eye as 57000",
        'erwartet einen Betrag, Text oder ganze Zahl wie "57000.00", gefunden die Kommazahl '
        "(float) 57.000; TOML liest 57.000 als 57, ein deutsches Auge als 57000",
    ),
    (
        VARIANT + "rates = [{ valid_from = 2027-01-01, amount = [] }]\n",
        "variants[0].rates[0].amount",
        'expected an amount, a string or an integer such as "57000.00", got an array',
        'erwartet einen Betrag, Text oder ganze Zahl wie "57000.00", gefunden eine Liste',
    ),
    (
        VARIANT + "rates = [{ valid_from = 2027-01-01, amount = {} }]\n",
        "variants[0].rates[0].amount",
        'expected an amount, a string or an integer such as "57000.00", got a table',
        'erwartet einen Betrag, Text oder ganze Zahl wie "57000.00", gefunden eine Tabelle',
    ),
    (
        VARIANT + "rates = [{ valid_from = 2027-01-01 }]\n",
        "variants[0].rates[0].amount",
        "required key is missing",
        "Pflichtangabe fehlt",
    ),
    (
        VARIANT + "rates = [{ valid_from = 2027-01-01, amount = 1 }, "
        "{ valid_from = 2027-01-01, amount = 2 }]\n",
        "variants[0].rates[1].valid_from",
        "variants[0].rates[0] already starts on 2027-01-01",
        "ab dem 01.01.2027 gilt schon variants[0].rates[0]",
    ),
    (
        VARIANT + "funding_ends = 2027-01-01\nrates = [{ valid_from = 2027-06-01, amount = 1 }]\n",
        "variants[0].rates[0].valid_from",
        "starts on 2027-06-01, after the funding ends (funding_ends = 2027-01-01); a rate from "
        "then on is never paid",
        "beginnt am 01.06.2027, nach dem Ende der Förderung (funding_ends = 01.01.2027); ein Satz "
        "ab dann wird nie gezahlt",
    ),
    (
        VARIANT + "notices = [{ party = 'Immental', received = 2025-06-27 }, "
        "{ party = 'immental', received = 2025-06-27 }]\n",
        "variants[0].notices[1].party",
        "Immental already gives notice in variants[0].notices[0]",
        "Immental kündigt schon in variants[0].notices[0]",
    ),
    (
        VARIANT + "funding_ends = 2027-01-01\n" + VARIANT + "funding_ends = 2028-01-01\n",
        "variants[1].name",
        "the name 'x' is already used by variants[0]",
        "den Namen 'x' trägt schon variants[0]",
    ),
    (
        "[[variants]]\nname = 'x'\nfunding_ends = \n",
        "",
        "not valid TOML: Invalid value (at line 3, column 16)",
        "kein gültiges TOML: Invalid value (at line 3, column 16)",
    ),
    (
        "[[variants]]\nname = '\ud800'\n",
        "",
        "holds the lone surrogate U+D800, which is not text",
        "enthält das einzelne Ersatzzeichen U+D800, das kein Text ist",
    ),
]


@pytest.mark.parametrize(("text", "path", "english", "german"), SCENARIO)
def test_each_problem_of_a_scenario_file(text: str, path: str, english: str, german: str) -> None:
    error = _scenario_refused(text)
    assert error.problems == ((path, english),)
    assert str(error) == f"the scenario file has 1 problem:\n  {path or '(top level)'}: {english}"
    in_german = _scenario_refused(text, "de")
    assert in_german.problems == ((path, german),)
    assert (
        str(in_german)
        == in_german.describe("de")
        == error.describe("de")
        == (f"die Szenariodatei hat 1 Problem:\n  {path or '(oberste Ebene)'}: {german}")
    )


def test_too_many_variants() -> None:
    text = "".join(f"[[variants]]\nname = 'v{n}'\nfunding_ends = 2027-01-01\n" for n in range(101))
    error = _scenario_refused(text)
    assert error.problems == (("variants", "at most 100 variants, got 101"),)
    assert error.describe("de").endswith("variants: höchstens 100 Varianten, gefunden 101")


def test_an_employer_leaving_is_told_how_to_name_a_successor() -> None:
    text = VARIANT + "notices = [{ party = 'Altenau', received = 2025-06-27 }]\n"
    (problem,) = _scenario_refused(text, "de").problems
    assert problem[0] == "variants[0].notices"
    assert problem[1].endswith(
        'Nennen Sie die Nachfolgerin: successor = "KOMMUNE" in variants[0].notices[0] '
        "(C3, C12, I8)"
    )
    (problem,) = _scenario_refused(text).problems
    assert problem[1].endswith(
        'Name the successor employer: successor = "TOWN" in variants[0].notices[0] (C3, C12, I8)'
    )


def test_a_scenario_file_too_large_or_not_utf8(tmp_path: Path) -> None:
    large = tmp_path / "gross.toml"
    large.write_bytes(b"#" * 1_000_001)
    with pytest.raises(ScenarioFileError) as caught:
        load_scenarios(large, BASE)
    assert str(caught.value) == (
        f"scenario file {str(large)!r} has 1 problem:\n"
        "  (top level): the file is larger than 1,000,000 bytes"
    )
    assert caught.value.describe("de") == (
        f"die Szenariodatei {str(large)!r} hat 1 Problem:\n"
        "  (oberste Ebene): die Datei ist größer als 1.000.000 Bytes"
    )
    latin = tmp_path / "latin.toml"
    latin.write_bytes('[[variants]]\nname = "Kündigung"\n'.encode("latin-1"))
    with pytest.raises(ScenarioFileError) as caught:
        load_scenarios(latin, BASE, lang="de")
    assert str(caught.value) == (
        f"die Szenariodatei {str(latin)!r} hat 1 Problem:\n"
        "  (oberste Ebene): keine gültige UTF-8-Datei (Byte 22)"
    )
    assert caught.value.describe("en").endswith("(top level): not valid UTF-8 (byte 22)")


def test_the_scenario_error_pickles_with_its_phrases() -> None:
    error = _scenario_refused("[[variants]]\nname = 'Basis'\nfunding_ends = 2027-01-01\n", "de")
    for restored in (pickle.loads(pickle.dumps(error)), copy.deepcopy(error)):
        assert restored.lang == "de"
        assert str(restored) == str(error)
        assert restored.problems == (
            ("variants[0].name", "der Name 'Basis' ist der Basis vorbehalten"),
        )
        assert restored.describe("en") == (
            "the scenario file has 1 problem:\n"
            "  variants[0].name: the name 'Basis' is reserved for the baseline"
        )


def test_a_scenario_files_problems_on_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "szenarien.toml"
    path.write_text(
        "[[variants]]\nname = 'Basis'\nfunding_ends = 2027-01-01\n"
        "[[variants]]\nname = 'Ende'\nfunding_ends = 2027-01-01\n"
        "rates = [{ valid_from = 2027-06-01, amount = 57000 }]\npersonnel_growth = 0.03\n",
        encoding="utf-8",
    )
    argv = ["scenario", "--from", "2026", "--to", "2026", "--file", str(path)]
    german = _fails(capsys, *argv, "--lang", "de")
    assert german == (
        f"kim-cooperation: Fehler: die Szenariodatei {str(path)!r} hat 3 Probleme: "
        "variants[0].name: der Name 'Basis' ist der Basis vorbehalten "
        'variants[1].personnel_growth: erwartet einen Satz als Text wie "3 %" oder "0.03", '
        'gefunden die Kommazahl (float) 0.03; schreiben Sie ihn als Text, etwa "0.03" oder "3 %" '
        "variants[1].rates[0].valid_from: beginnt am 01.06.2027, nach dem Ende der Förderung "
        "(funding_ends = 01.01.2027); ein Satz ab dann wird nie gezahlt"
    )
    english = _fails(capsys, *argv, "--lang", "en")
    assert english == (
        f"kim-cooperation: error: scenario file {str(path)!r} has 3 problems: "
        "variants[0].name: the name 'Basis' is reserved for the baseline "
        'variants[1].personnel_growth: expected a rate as a string such as "3 %" or "0.03", got '
        'the float 0.03; write it as a string, such as "0.03" or "3 %" '
        "variants[1].rates[0].valid_from: starts on 2027-06-01, after the funding ends "
        "(funding_ends = 2027-01-01); a rate from then on is never paid"
    )
