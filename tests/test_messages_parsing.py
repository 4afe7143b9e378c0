"""The messages of parsing, the shared checks, formatting, impact and explanation: catalogue texts.

Each error is raised with an English template and its fields
(`kim_cooperation.errors.Phrase`): ``str(error)`` is English and
``error.describe("de")`` German, whichever ``lang`` a text was read in.
``lang`` still chooses the habit a text is typed in, and so the forms a
message asks for (``57.000,00`` under ``de``, ``57,000.00`` under ``en``).
The command line prints ``error.describe(lang)``.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kim_cooperation import explain, financial_impact, presets, settle
from kim_cooperation._checks import check_label, check_lang, check_name, check_year, to_fraction
from kim_cooperation.clauses import Clause
from kim_cooperation.cli import main
from kim_cooperation.errors import (
    InvalidDateError,
    InvalidMoneyError,
    InvalidValueError,
    KimCooperationError,
    UnknownLineError,
)
from kim_cooperation.files import dump_agreement
from kim_cooperation.formatting import format_eur, terminating_places
from kim_cooperation.parsing import parse_amount, parse_date, parse_rate, parse_year


def _raised(call: Callable[[], object], kind: type[KimCooperationError]) -> KimCooperationError:
    with pytest.raises(kind) as caught:
        call()
    assert type(caught.value) is kind
    return caught.value


def _says(call: Callable[[], object], kind: type[KimCooperationError], en: str, de: str) -> None:
    error = _raised(call, kind)
    assert str(error) == en
    assert error.describe("en") == en
    assert error.describe("de") == de


def _stderr(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(argv)
    return status, capsys.readouterr().err


# --------------------------------------------------------------------------- the command line


@pytest.mark.parametrize(
    ("argv", "de", "en"),
    [
        (
            ["scenario", "--from", "2026", "--to", "2026", "--rate", "57.000"],
            "--rate '57.000' ist mehrdeutig: 57.000 € (Punkt als Tausendertrennzeichen) oder "
            "57,00 € (Punkt als Dezimalzeichen); schreiben Sie 57000 oder 57.000,00 für "
            "57.000 €, 57,00 für 57,00 €",
            "--rate '57.000' is ambiguous: €57,000 (the point grouping thousands) or €57.00 "
            "(a decimal point); write 57000 or 57,000.00 for €57,000, 57.00 for €57.00",
        ),
        (
            ["billing", "--year", "2023", "--advance", "Billerbeck=1,000"],
            "--advance Billerbeck='1,000' ist mehrdeutig: 1.000 € (Komma als "
            "Tausendertrennzeichen) oder 1,00 € (Komma als Dezimalzeichen); schreiben Sie 1000 "
            "oder 1.000,00 für 1.000 €, 1,00 für 1,00 €",
            "--advance Billerbeck='1,000' is ambiguous: €1,000 (the comma grouping thousands) "
            "or €1.00 (a decimal comma); write 1000 or 1,000.00 for €1,000, 1.00 for €1.00",
        ),
        (
            ["project", "--from", "2025", "--to", "2026", "--growth", "3"],
            "--growth '3' entspräche 300 %; meinten Sie 3 %? Prozentsätze bitte mit % "
            "schreiben, Anteile unter 1 wie 0,03",
            "--growth '3' would be 300 %; did you mean 3 %? Write percentages with %, "
            "fractions below 1 such as 0.03",
        ),
        (
            ["deadline", "--received", "30.02.2024"],
            "--received '30.02.2024': der Februar 2024 hat keinen 30. Tag, nur 29 Tage",
            "--received '30.02.2024': February 2024 has no 30th; it has 29 days",
        ),
        (
            ["settle", "--year", "٢٠٢٣"],
            "--year '٢٠٢٣': nur die Ziffern 0 bis 9 gelten, nicht '٢' (ARABIC-INDIC DIGIT TWO)",
            "--year '٢٠٢٣': only the digits 0 to 9 count, not '٢' (ARABIC-INDIC DIGIT TWO)",
        ),
    ],
)
def test_the_command_line_shows_a_typed_value_refused_in_its_language(
    argv: list[str], de: str, en: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _stderr([*argv, "--lang", "de"], capsys) == (2, f"kim-cooperation: Fehler: {de}\n")
    assert _stderr([*argv, "--lang", "en"], capsys) == (2, f"kim-cooperation: error: {en}\n")


def test_an_invisible_character_in_an_agreement_file_is_named_in_german(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = dump_agreement(presets.example())
    path = tmp_path / "vereinbarung.toml"
    path.write_text(text.replace('"Fuchsberg"', '"Fuchsberg\\u200b"', 1), encoding="utf-8")
    status, err = _stderr(["--agreement", str(path), "settle", "--year", "2024"], capsys)
    assert status == 2
    assert (
        "parties[4].name: Name der Kommune darf keine unsichtbaren Zeichen oder Steuerzeichen "
        "enthalten, angegeben ist 'Fuchsberg\\u200b' mit U+200B ZERO WIDTH SPACE an Stelle 10; "
        "schreiben Sie den Namen nur mit sichtbaren Zeichen"
    ) in err


# --------------------------------------------------------------------------- amounts


def test_an_ambiguous_amount_typed_in_german_habit_is_english_as_str() -> None:
    # The readings are amounts as each language shows them; the forms to type are German.
    _says(
        lambda: parse_amount("5.000", lang="de"),
        InvalidValueError,
        "'5.000' is ambiguous: €5,000 (the point grouping thousands) or €5.00 (a decimal "
        "point); write 5000 or 5.000,00 for €5,000, 5,00 for €5.00",
        "'5.000' ist mehrdeutig: 5.000 € (Punkt als Tausendertrennzeichen) oder 5,00 € (Punkt "
        "als Dezimalzeichen); schreiben Sie 5000 oder 5.000,00 für 5.000 €, 5,00 für 5,00 €",
    )


@pytest.mark.parametrize(
    ("text", "lang", "grouping", "en", "de"),
    [
        (  # a reading that is no amount in cents has no form to write
            "5.125",
            "de",
            True,
            "'5.125' is ambiguous: €5,125 (the point grouping thousands) or €5.125 (a decimal "
            "point); write 5125 or 5.125,00 for €5,125",
            "'5.125' ist mehrdeutig: 5.125 € (Punkt als Tausendertrennzeichen) oder 5,125 € "
            "(Punkt als Dezimalzeichen); schreiben Sie 5125 oder 5.125,00 für 5.125 €",
        ),
        (  # files take no grouped form
            "57.000",
            "en",
            False,
            "'57.000' is ambiguous: €57,000 (the point grouping thousands) or €57.00 (a decimal "
            "point); write 57000 for €57,000, 57.00 for €57.00",
            "'57.000' ist mehrdeutig: 57.000 € (Punkt als Tausendertrennzeichen) oder 57,00 € "
            "(Punkt als Dezimalzeichen); schreiben Sie 57000 für 57.000 €, 57.00 für 57,00 €",
        ),
        (
            "5.125",
            "de",
            False,
            "'5.125' is ambiguous: €5,125 (the point grouping thousands) or €5.125 (a decimal "
            "point); write 5125 for €5,125",
            "'5.125' ist mehrdeutig: 5.125 € (Punkt als Tausendertrennzeichen) oder 5,125 € "
            "(Punkt als Dezimalzeichen); schreiben Sie 5125 für 5.125 €",
        ),
        (  # a negative amount: the sign before the euro sign in English, before the number
            "-1,500",
            "en",
            True,
            "'-1,500' is ambiguous: -€1,500 (the comma grouping thousands) or -€1.50 (a decimal "
            "comma); write -1500 or -1,500.00 for -€1,500, -1.50 for -€1.50",
            "'-1,500' ist mehrdeutig: -1.500 € (Komma als Tausendertrennzeichen) oder -1,50 € "
            "(Komma als Dezimalzeichen); schreiben Sie -1500 oder -1,500.00 für -1.500 €, "
            "-1.50 für -1,50 €",
        ),
    ],
)
def test_each_form_of_the_ambiguous_message(
    text: str, lang: str, grouping: bool, en: str, de: str
) -> None:
    _says(
        lambda: parse_amount(text, lang=lang, grouping=grouping),  # type: ignore[arg-type]
        InvalidValueError,
        en,
        de,
    )


@pytest.mark.parametrize(
    ("text", "lang", "grouping", "kind", "en", "de"),
    [
        (
            "57k",
            "de",
            True,
            InvalidValueError,
            "'57k' is not an amount; write it as 57000, 57000,00 or 57.000,00",
            "'57k' ist kein Betrag; schreiben Sie ihn etwa als 57000, 57000,00 oder 57.000,00",
        ),
        (
            "57k",
            "en",
            True,
            InvalidValueError,
            "'57k' is not an amount; write it as 57000, 57000.00 or 57,000.00",
            "'57k' ist kein Betrag; schreiben Sie ihn etwa als 57000, 57000.00 oder 57,000.00",
        ),
        (
            "57k",
            "de",
            False,
            InvalidValueError,
            "'57k' is not an amount; write it as 57000 or 57000,00",
            "'57k' ist kein Betrag; schreiben Sie ihn etwa als 57000 oder 57000,00",
        ),
        (
            "57.000,00",
            "de",
            False,
            InvalidValueError,
            "'57.000,00': write it without thousands separators, as 57000,00",
            "'57.000,00': bitte ohne Tausendertrennzeichen schreiben, also 57000,00",
        ),
        (
            "57.000,00",
            "en",
            True,
            InvalidValueError,
            "'57.000,00' is written the German way; write 57,000.00 or 57000.00",
            "'57.000,00' ist deutsche Schreibweise; schreiben Sie 57,000.00 oder 57000.00",
        ),
        (
            "57,000.00",
            "de",
            True,
            InvalidValueError,
            "'57,000.00' is written the English way; write 57.000,00 or 57000,00",
            "'57,000.00' ist englische Schreibweise; schreiben Sie 57.000,00 oder 57000,00",
        ),
        (
            "57000,005",
            "de",
            True,
            InvalidMoneyError,
            "'57000,005' has fractions of a cent; amounts are exact to the cent, such as 57000.25",
            "'57000,005' enthält Bruchteile eines Cents; Beträge sind auf den Cent genau, etwa "
            "57000,25",
        ),
        (
            "1.000.000.000.000.000",
            "de",
            True,
            InvalidMoneyError,
            "'1.000.000.000.000.000' is too large: amounts are below €1,000,000,000,000,000",
            "'1.000.000.000.000.000' ist zu groß: Beträge liegen unter 1.000.000.000.000.000 €",
        ),
        (
            "9" * 65,
            "en",
            True,
            InvalidValueError,
            "'99999999999999999999…' is too long: at most 64 characters",
            "'99999999999999999999…' ist zu lang: höchstens 64 Zeichen",
        ),
    ],
)
def test_amounts_refused(
    *, text: str, lang: str, grouping: bool, kind: type[KimCooperationError], en: str, de: str
) -> None:
    _says(
        lambda: parse_amount(text, lang=lang, grouping=grouping),  # type: ignore[arg-type]
        kind,
        en,
        de,
    )


# --------------------------------------------------------------------------- rates


@pytest.mark.parametrize(
    ("text", "en", "de"),
    [
        (
            "drei",
            "'drei' is not a rate; write a percentage such as 3 % or 3.5 %, or a fraction such "
            "as 0.03",
            "'drei' ist kein Satz; schreiben Sie einen Prozentsatz (etwa 3 % oder 3,5 %) oder "
            "einen Anteil (etwa 0,03)",
        ),
        (
            "3,14159 %",
            "'3,14159 %' has too many decimal places: at most 4 in a percentage (3.1415 %), 6 in "
            "a fraction (0.031415)",
            "'3,14159 %' hat zu viele Nachkommastellen: höchstens 4 bei einem Prozentsatz "
            "(3,1415 %), 6 bei einem Anteil (0,031415)",
        ),
        (
            "-101 %",
            "'-101 %' is outside -100 % to +100 %",
            "'-101 %' liegt außerhalb von -100 % bis +100 %",
        ),
        (
            "1000 %",
            "'1000 %' is outside -100 % to +100 %",
            "'1000 %' liegt außerhalb von -100 % bis +100 %",
        ),
        (  # each language writes the numbers with its own decimal mark
            "-1.25",
            "'-1.25' would be -125 %; did you mean -1.25 %? Write percentages with %, fractions "
            "below 1 such as 0.03",
            "'-1.25' entspräche -125 %; meinten Sie -1,25 %? Prozentsätze bitte mit % "
            "schreiben, Anteile unter 1 wie 0,03",
        ),
        (
            "+2,5",
            "'+2,5' would be 250 %; did you mean 2.5 %? Write percentages with %, fractions "
            "below 1 such as 0.03",
            "'+2,5' entspräche 250 %; meinten Sie 2,5 %? Prozentsätze bitte mit % schreiben, "
            "Anteile unter 1 wie 0,03",
        ),
    ],
)
@pytest.mark.parametrize("lang", ["de", "en"])
def test_rates_refused_alike_in_either_language(text: str, en: str, de: str, lang: str) -> None:
    _says(lambda: parse_rate(text, lang=lang), InvalidValueError, en, de)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- dates and years


@pytest.mark.parametrize(
    ("text", "en", "de"),
    [
        (
            "2024-02-31",
            "'2024-02-31': February 2024 has no 31st; it has 29 days",
            "'2024-02-31': der Februar 2024 hat keinen 31. Tag, nur 29 Tage",
        ),
        (
            "30.02.2024",
            "'30.02.2024': February 2024 has no 30th; it has 29 days",
            "'30.02.2024': der Februar 2024 hat keinen 30. Tag, nur 29 Tage",
        ),
        (
            "32.12.2025",
            "'32.12.2025': December 2025 has no 32nd; it has 31 days",
            "'32.12.2025': der Dezember 2025 hat keinen 32. Tag, nur 31 Tage",
        ),
        (
            "2025-03-33",
            "'2025-03-33': March 2025 has no 33rd; it has 31 days",
            "'2025-03-33': der März 2025 hat keinen 33. Tag, nur 31 Tage",
        ),
        (
            "2024-13-01",
            "'2024-13-01': there is no month 13; months run from 1 to 12",
            "'2024-13-01': einen Monat 13 gibt es nicht; Monate gehen von 1 bis 12",
        ),
        (
            "00.01.2024",
            "'00.01.2024': there is no day 0",
            "'00.01.2024': einen Tag 0 gibt es nicht",
        ),
        (
            "0000-01-01",
            "'0000-01-01': the year must be between 1 and 9999",
            "'0000-01-01': das Jahr muss zwischen 1 und 9999 liegen",
        ),
        (
            "20240630",
            "'20240630': a date without separators is not read; write 2024-06-30 or 30.06.2024",
            "'20240630': ein Datum ohne Trennzeichen wird nicht gelesen; schreiben Sie "
            "30.06.2024 oder 2024-06-30",
        ),
        (
            "30.06.24",
            "'30.06.24': write the year with four digits, such as 30.06.2024",
            "'30.06.24': bitte das Jahr mit vier Ziffern schreiben, etwa 30.06.2024",
        ),
        (
            "06/30/2024",
            "'06/30/2024' is ambiguous (day/month or month/day); write 2024-06-30 or 30.06.2024",
            "'06/30/2024' ist mehrdeutig (Tag/Monat oder Monat/Tag); schreiben Sie 30.06.2024 "
            "oder 2024-06-30",
        ),
        (
            "morgen",
            "'morgen' is not a date; write it as 2024-06-30 or 30.06.2024",
            "'morgen' ist kein Datum; schreiben Sie es als 30.06.2024 oder 2024-06-30",
        ),
    ],
)
@pytest.mark.parametrize("lang", ["de", "en"])
def test_dates_refused_alike_in_either_language(text: str, en: str, de: str, lang: str) -> None:
    _says(lambda: parse_date(text, lang=lang), InvalidDateError, en, de)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("month", "english", "german"),
    [
        (1, "January", "Januar"),
        (3, "March", "März"),
        (5, "May", "Mai"),
        (6, "June", "Juni"),
        (7, "July", "Juli"),
        (10, "October", "Oktober"),
        (12, "December", "Dezember"),
    ],
)
def test_a_month_is_named_in_the_language_described(month: int, english: str, german: str) -> None:
    error = _raised(lambda: parse_date(f"2025-{month:02d}-32"), InvalidDateError)
    assert f": {english} 2025 has no 32nd;" in str(error)
    assert f": der {german} 2025 hat keinen 32. Tag," in error.describe("de")


@pytest.mark.parametrize(
    ("text", "en", "de"),
    [
        (
            "20x5",
            "--year '20x5' is not a year; write it in digits, such as 2026",
            "--year '20x5' ist kein Jahr; schreiben Sie es mit Ziffern, etwa 2026",
        ),
        (
            "10000",
            "--year '10000': the year must be between 1 and 9999",
            "--year '10000': das Jahr muss zwischen 1 und 9999 liegen",
        ),
        (
            "٢٠٢٣",
            "--year '٢٠٢٣': only the digits 0 to 9 count, not '٢' (ARABIC-INDIC DIGIT TWO)",
            "--year '٢٠٢٣': nur die Ziffern 0 bis 9 gelten, nicht '٢' (ARABIC-INDIC DIGIT TWO)",
        ),
    ],
)
def test_years_refused(text: str, en: str, de: str) -> None:
    _says(lambda: parse_year(text, lang="en", what="--year"), InvalidDateError, en, de)


readers = st.sampled_from([parse_amount, parse_rate, parse_date, parse_year])


@settings(max_examples=150)
@given(text=st.text(alphabet="0123456789.,-+% €/e", max_size=14), read=readers)
def test_every_refusal_is_english_as_str_and_german_described(
    text: str, read: Callable[..., object]
) -> None:
    refused: list[KimCooperationError] = []
    for lang in ("de", "en"):
        try:
            read(text, lang=lang)
        except KimCooperationError as error:
            refused.append(error)
    for refusal in refused:
        german = refusal.describe("de")
        assert str(refusal) == refusal.describe("en")
        assert german != str(refusal)
        assert "{" not in german
        assert "}" not in german


# --------------------------------------------------------------------------- shared checks


@pytest.mark.parametrize(
    ("call", "kind", "en", "de"),
    [
        (
            lambda: to_fraction(Decimal("NaN"), what="weight"),
            InvalidValueError,
            "weight must be finite, got Decimal('NaN')",
            "weight muss endlich sein, angegeben ist Decimal('NaN')",
        ),
        (
            lambda: to_fraction(Decimal("1E+200"), what="weight"),
            InvalidValueError,
            "weight must be between 1E-100 and 1E+100 in magnitude, got Decimal('1E+200')",
            "weight muss dem Betrag nach zwischen 1E-100 und 1E+100 liegen, angegeben ist "
            "Decimal('1E+200')",
        ),
        (
            lambda: check_lang("fr"),
            InvalidValueError,
            "lang must be 'de' or 'en', got 'fr'; write lang=\"de\" for German or lang=\"en\" "
            "for English",
            "lang muss 'de' oder 'en' sein, angegeben ist 'fr'; schreiben Sie lang=\"de\" für "
            'Deutsch oder lang="en" für Englisch',
        ),
        (
            lambda: check_year(10000, what="year"),
            InvalidDateError,
            "year must be between 1 and 9999, got 10000",
            "Jahr muss zwischen 1 und 9999 liegen, angegeben ist 10000",
        ),
        (
            lambda: check_label(" Olfen", what="party name"),
            InvalidValueError,
            "party name must be non-empty without leading or trailing spaces, got ' Olfen'",
            "Name der Kommune darf nicht leer sein und keine Leerzeichen am Anfang oder Ende haben, "
            "angegeben ist ' Olfen'",
        ),
        (
            lambda: check_name("Nord\u00a0Ost", what="region name"),
            InvalidValueError,
            "region name must not contain invisible or control characters, got 'Nord\\xa0Ost' "
            "with U+00A0 NO-BREAK SPACE at position 5; write the name with visible characters "
            "only",
            "Name der Region darf keine unsichtbaren Zeichen oder Steuerzeichen enthalten, angegeben "
            "ist 'Nord\\xa0Ost' mit U+00A0 NO-BREAK SPACE an Stelle 5; schreiben Sie den Namen "
            "nur mit sichtbaren Zeichen",
        ),
        (
            lambda: Clause("C99"),
            InvalidValueError,
            "'C99' is not a Clause; expected one of ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', "
            "'C8', 'C9', 'C10', 'C11', 'C12', 'C13']",
            "'C99' ist kein gültiger Wert für Clause; erwartet wird einer von ['C1', 'C2', "
            "'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'C11', 'C12', 'C13']",
        ),
    ],
)
def test_shared_checks(
    call: Callable[[], object], kind: type[KimCooperationError], en: str, de: str
) -> None:
    _says(call, kind, en, de)


# --------------------------------------------------------------------------- formatting


def test_formatting() -> None:
    _says(
        lambda: format_eur(Decimal("10833.33"), cents=False),
        InvalidValueError,
        "cannot format 10833.33 without cents: it is not a whole amount",
        "10833,33 lässt sich nicht ohne Cent darstellen: es ist kein ganzer Eurobetrag",
    )
    _says(
        lambda: format_eur(Decimal(1), lang="fr"),  # type: ignore[arg-type]
        InvalidValueError,
        "lang must be 'de' or 'en', got 'fr'",
        "lang muss 'de' oder 'en' sein, angegeben ist 'fr'",
    )
    _says(
        lambda: terminating_places(0),
        InvalidValueError,
        "denominator must be positive, got 0",
        "der Nenner (denominator) muss positiv sein, angegeben ist 0",
    )


# --------------------------------------------------------------------------- impact, explanation


@pytest.fixture(scope="module")
def settlement_2023() -> object:
    return settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())


def test_impact_lines(settlement_2023: object) -> None:
    impact = financial_impact(settlement_2023, "Billerbeck", layout="nkf")  # type: ignore[arg-type]
    _says(
        lambda: impact.line("transfers"),
        InvalidValueError,
        "line 'transfers' is in both the finance and the result statement of the nkf layout; "
        "pass table='finance' or table='result'",
        "die Zeile 'transfers' steht im Layout nkf sowohl in der Finanzrechnung als auch in "
        "der Ergebnisrechnung; geben Sie table='finance' oder table='result' an",
    )
    _says(
        lambda: impact.line("transfers", table="cash"),  # type: ignore[arg-type]
        InvalidValueError,
        "table must be 'finance' or 'result', got 'cash'",
        "table muss 'finance' oder 'result' sein, angegeben ist 'cash'",
    )
    error = _raised(lambda: impact.line("travel", table="finance"), UnknownLineError)
    assert str(error).startswith("no line 'travel' in the nkf layout; lines are ['grants', ")
    assert error.describe("de").startswith(
        "keine Zeile 'travel' im Layout nkf; die Zeilen sind ['grants', "
    )


def test_impact_of_a_town_that_left_and_of_an_unknown_layout(settlement_2023: object) -> None:
    _says(
        lambda: financial_impact(settlement_2023, "Billerbeck", layout="xls"),  # type: ignore[arg-type]
        InvalidValueError,
        "layout must be one of ['council-paper', 'nkf'], got 'xls'",
        "layout muss einer der Werte ['council-paper', 'nkf'] sein, angegeben ist 'xls'",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a notice on a closed day: not the point here
        example = presets.example().give_notice("Fuchsberg", dt.date(2024, 9, 30))
    settlement = settle(example, 2026, presets.example_cost_plans()[2026])
    _says(
        lambda: financial_impact(settlement, "Fuchsberg"),
        InvalidValueError,
        "Fuchsberg left the agreement on 2025-03-31 and bears nothing in 2026; there is no "
        "financial-impact statement for it (C12)",
        "Fuchsberg ist am 31.03.2025 aus der Vereinbarung ausgeschieden und trägt im Jahr 2026 "
        "nichts; für die Kommune gibt es keine Tabellen zu den finanziellen Auswirkungen (C12)",
    )


def test_explanation_language(settlement_2023: object) -> None:
    _says(
        lambda: explain(settlement_2023, "Billerbeck", lang="fr"),  # type: ignore[arg-type]
        InvalidValueError,
        "lang must be 'de' or 'en', got 'fr'",
        "lang muss 'de' oder 'en' sein, angegeben ist 'fr'",
    )
