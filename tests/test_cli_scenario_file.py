"""Scenario files: named variants that combine changes, read whole or refused with every problem."""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle
from decimal import Decimal
from pathlib import Path

import pytest

from kim_cooperation import Agreement, presets, scenario
from kim_cooperation.cli import main
from kim_cooperation.errors import InvalidTypeError, InvalidValueError, KimCooperationError
from kim_cooperation.export import to_json
from kim_cooperation.scenario_file import (
    MAX_FILE_BYTES,
    ScenarioFileError,
    load_scenarios,
    loads_scenarios,
)

BASE = presets.coesfeld()
PLANS = presets.coesfeld_planning_costs_2023()

EXAMPLE = """\
# Szenarien für den Haushalt 2026
[[variants]]
name = "57.000 € ab 2026, Rosendahl kündigt"
rates = [{ valid_from = 2026-01-01, amount = "57000" }]
notices = [{ party = "Rosendahl", received = "30.06.2025" }]

[[variants]]
name = "Förderung endet 2027, Coesfeld übergibt an Billerbeck"
funding_ends = 2027-01-01
notices = [{ party = "Coesfeld", received = 2025-06-30, successor = "Billerbeck" }]
personnel_growth = "3 %"

[[variants]]
name = "Alle kündigen"
all_give_notice = "30.06.2026"
"""


def _expected() -> dict[str, Agreement | scenario.Variant]:
    first = scenario.rate_change(
        BASE,
        Decimal(57000),
        dt.date(2026, 1, 1),
        source="Scenario file: 57.000 € ab 2026, Rosendahl kündigt",
    )
    second = scenario.loss_of_funding(
        BASE,
        dt.date(2027, 1, 1),
        source="Scenario file: Förderung endet 2027, Coesfeld übergibt an Billerbeck",
    )
    return {
        "57.000 € ab 2026, Rosendahl kündigt": scenario.notice_by(
            first, "Rosendahl", dt.date(2025, 6, 30)
        ),
        "Förderung endet 2027, Coesfeld übergibt an Billerbeck": scenario.Variant(
            agreement=scenario.notice_by(
                second, "Coesfeld", dt.date(2025, 6, 30), successor="Billerbeck"
            ),
            personnel_growth=Decimal("0.03"),
        ),
        "Alle kündigen": scenario.all_give_notice(BASE, dt.date(2026, 6, 30)),
    }


@pytest.fixture
def example(tmp_path: Path) -> Path:
    path = tmp_path / "szenarien.toml"
    path.write_text(EXAMPLE, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


def fails(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1, "one line, never a traceback"
    prefix = f"kim-cooperation: {'error' if _english(argv) else 'Fehler'}: "
    assert captured.err.startswith(prefix)
    return captured.err.removeprefix(prefix).rstrip("\n")


def _english(argv: tuple[str, ...] | list[str]) -> bool:
    """Whether ``argv`` asks for English, so that the error prefix is "error" (else "Fehler")."""
    from kim_cooperation.cli._language import _lang_in  # how the command line itself reads --lang

    return _lang_in(argv) == "en"


# --------------------------------------------------------------------------- the library


def test_each_variant_combines_its_changes() -> None:
    variants = loads_scenarios(EXAMPLE, BASE)
    expected = _expected()
    assert list(variants) == list(expected)
    for name, variant in variants.items():
        wanted = expected[name]
        if isinstance(wanted, scenario.Variant):
            assert variant == wanted
        else:
            assert variant == scenario.Variant(agreement=wanted)
    handed_over = variants["Förderung endet 2027, Coesfeld übergibt an Billerbeck"].agreement
    assert handed_over.employer_of("Nord", 2027).name == "Billerbeck"
    assert handed_over.funding.rate_on(dt.date(2027, 1, 1)).amount == 0


def test_the_file_and_the_library_compare_alike() -> None:
    years = range(2026, 2029)
    from_file = scenario.compare(BASE, loads_scenarios(EXAMPLE, BASE), years, PLANS)
    by_hand = scenario.compare(BASE, _expected(), years, PLANS)
    assert to_json(from_file) == to_json(by_hand)
    # The variant's own growth: 3 % a year from the first year's plan, the baseline as planned.
    name = "Förderung endet 2027, Coesfeld übergibt an Billerbeck"
    assert from_file.projection(name).plan(2028)["Nord"].personnel == Decimal("172926.70")
    assert from_file.projection("baseline").plan(2028)["Nord"].personnel == Decimal("163000.00")


def test_a_rate_on_the_day_of_the_agreements_rate_replaces_it() -> None:
    text = '[[variants]]\nname = "57.000 von Anfang an"\nrates = [{ valid_from = 2023-01-01, amount = 57000 }]\n'
    (variant,) = loads_scenarios(text, BASE).values()
    assert [str(rate.amount) for rate in variant.agreement.funding.rates] == ["57000.00"]


def test_a_variant_with_its_own_growth_grows_the_first_years_plan_of_plans_per_year() -> None:
    example = presets.example()
    plans = presets.example_cost_plans()
    text = '[[variants]]\nname = "Tarif +5 %"\npersonnel_growth = "5 %"\n'
    comparison = scenario.compare(example, loads_scenarios(text, example), [2025, 2026], plans)
    grown = comparison.projection("Tarif +5 %")
    first = plans[2025]
    for region, costs in grown.plan(2026).items():
        assert costs.personnel == (first[region].personnel * Decimal("1.05")).quantize(
            Decimal("0.01")
        )
    assert comparison.projection("baseline").plan(2026) == plans[2026]


def test_the_error_pickles_and_copies_with_its_problems() -> None:
    with pytest.raises(ScenarioFileError) as caught:
        loads_scenarios('[[variants]]\nname = ""\n', BASE, lang="de", source="s.toml")
    error = caught.value
    assert isinstance(error, InvalidValueError)
    assert isinstance(error, KimCooperationError)
    for restored in (pickle.loads(pickle.dumps(error)), copy.deepcopy(error)):
        assert type(restored) is ScenarioFileError
        assert str(restored) == str(error)
        assert vars(restored) == vars(error)
        assert restored.problems == (("variants[0].name", "der Name ist leer"),)


def test_wrong_types_and_languages_are_refused() -> None:
    with pytest.raises(InvalidTypeError):
        loads_scenarios(b"[[variants]]", BASE)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        loads_scenarios(EXAMPLE, None)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="lang must be 'de' or 'en'"):
        loads_scenarios(EXAMPLE, BASE, lang="fr")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        load_scenarios(3, BASE)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- every problem


def _problems(text: str, lang: str = "en") -> list[tuple[str, str]]:
    with pytest.raises(ScenarioFileError) as caught:
        loads_scenarios(text, BASE, lang=lang)  # type: ignore[arg-type]
    return list(caught.value.problems)


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("", [("variants", 'required key is missing; at least one variant, such as [[variants]] with name = "…"')]),
        ("variants = 3\n", [("variants", "expected an array of tables, got the integer 3")]),
        ("variants = []\n", [("variants", "at least one entry, or leave the key out")]),
        ("[[variants]]\nname = 'x'\n", [("variants[0]", "a variant needs at least one change: rates, funding_ends, notices, all_give_notice or personnel_growth")]),
        ("[[variants]]\nfunding_ends = 2027-01-01\n", [("variants[0].name", "required key is missing")]),
        ("[[variants]]\nname = 'Baseline'\nfunding_ends = 2027-01-01\n", [("variants[0].name", "the name 'Baseline' is reserved for the baseline")]),
        ("[[variants]]\nname = ' x'\nfunding_ends = 2027-01-01\n", [("variants[0].name", "the name starts or ends with white space")]),
        ("[[variants]]\nname = \"x\\u001b[31m\"\nfunding_ends = 2027-01-01\n", [("variants[0].name", "the name holds the control character U+001B")]),
        ("[[variants]]\nname = 'x'\nfunding_ends = 2027-01-01\ncolour = 1\n", [("variants[0].colour", "unknown key; allowed are name, rates, funding_ends, notices, all_give_notice, personnel_growth")]),
        ("[[variants]]\nname = 'x'\nfunding_end = 2027-01-01\n", [("variants[0].funding_end", "unknown key; did you mean funding_ends?; allowed are name, rates, funding_ends, notices, all_give_notice, personnel_growth")]),
        ("title = 'x'\n[[variants]]\nname = 'x'\nfunding_ends = 2027-01-01\n", [("title", "unknown key; allowed are variants")]),
        ("[[variants]]\nname = 'x'\nfunding_ends = 2027-01-01T00:00:00\n", [("variants[0].funding_ends", 'expected a date such as 2026-01-01 or "01.01.2026", got the date-time 2027-01-01 00:00:00')]),
        ("[[variants]]\nname = 'x'\nfunding_ends = '2027-02-29'\n", [("variants[0].funding_ends", "'2027-02-29': February 2027 has no 29th; it has 28 days")]),
        ("[[variants]]\nname = 'x'\nrates = [{ valid_from = 2027-01-01 }]\n", [("variants[0].rates[0].amount", "required key is missing")]),
        ("[[variants]]\nname = 'x'\nrates = [{ valid_from = 2027-01-01, amount = 57000.5 }]\n", [("variants[0].rates[0].amount", 'expected an amount, a string or an integer such as "57000.00", got the float 57000.5')]),
        ("[[variants]]\nname = 'x'\nrates = [{ valid_from = 2027-01-01, amount = '57,000.00' }]\n", [("variants[0].rates[0].amount", "'57,000.00': write it without thousands separators, as 57000.00")]),
        ("[[variants]]\nname = 'x'\nrates = [{ valid_from = 2027-01-01, amount = '-1' }]\n", [("variants[0].rates[0].amount", "rate must not be negative")]),
        ("[[variants]]\nname = 'x'\nrates = [{ valid_from = 2027-01-01, amount = 1 }, { valid_from = 2027-01-01, amount = 2 }]\n", [("variants[0].rates[1].valid_from", "variants[0].rates[0] already starts on 2027-01-01")]),
        ("[[variants]]\nname = 'x'\nfunding_ends = 2027-01-01\nrates = [{ valid_from = 2027-01-01, amount = 1 }]\n", [("variants[0].rates[0].valid_from", "starts on 2027-01-01, after the funding ends (funding_ends = 2027-01-01); a rate from then on is never paid")]),
        ("[[variants]]\nname = 'x'\npersonnel_growth = 0.03\n", [("variants[0].personnel_growth", 'expected a rate as a string such as "3 %" or "0.03", got the float 0.03; write it as a string, such as "0.03" or "3 %"')]),
        ("[[variants]]\nname = 'x'\npersonnel_growth = 3\n", [("variants[0].personnel_growth", "'3' would be 300 %; did you mean 3 %? Write percentages with %, fractions below 1 such as 0.03")]),
        ("[[variants]]\nname = 'x'\nnotices = [{ party = 'Rosendal', received = 2025-06-27 }]\n", [("variants[0].notices[0].party", "'Rosendal' is not a party to the agreement 'Kooperationsvereinbarung Kommunales Case-Management in den kreisangehörigen Kommunen des Kreises Coesfeld'; did you mean Rosendahl? (C1)")]),
        ("[[variants]]\nname = 'x'\nnotices = [{ party = 'Olfen', received = 2025-06-27 }, { party = 'olfen', received = 2025-06-27 }]\n", [("variants[0].notices[1].party", "Olfen already gives notice in variants[0].notices[0]")]),
        ("[[variants]]\nname = 'x'\nnotices = [{ party = 'Coesfeld', received = 2025-06-27, successor = 'Bilerbeck' }]\n", [("variants[0].notices[0].successor", "'Bilerbeck' is not a party to the agreement 'Kooperationsvereinbarung Kommunales Case-Management in den kreisangehörigen Kommunen des Kreises Coesfeld'; did you mean Billerbeck? (C1)")]),
        ("[[variants]]\nname = 'x'\nnotices = [{ party = 'Coesfeld', received = 2025-06-27 }]\n", [("variants[0].notices", 'Coesfeld is the employer of region Nord and leaves on 2026-12-31 while Billerbeck, Havixbeck and Rosendahl stay; the agreement does not say who employs the case managers then. Name the successor employer: successor = "TOWN" in variants[0].notices[0] (C3, C12, I8)')]),
        ("[[variants]]\nname = 'x'\nnotices = [{ party = 'Olfen' }]\n", [("variants[0].notices[0].received", "required key is missing")]),
        ("[[variants]]\nname = 'x'\nfunding_ends = 2027-01-01\n[[variants]]\nname = 'x'\nfunding_ends = 2028-01-01\n", [("variants[1].name", "the name 'x' is already used by variants[0]")]),
        ("[[variants]]\nname = 'x'\nfunding_ends = \n", [("", "not valid TOML: Invalid value (at line 3, column 16)")]),
        ("a = 1\na = 2\n", [("", "not valid TOML: Cannot overwrite a value (at line 2, column 6)")]),
        ("[[variants]]\nname = '\ud800'\n", [("", "holds the lone surrogate U+D800, which is not text")]),
    ],
)  # fmt: skip
def test_every_problem_with_its_path(text: str, problems: list[tuple[str, str]]) -> None:
    found = _problems(text)
    assert [path for path, _ in found] == [path for path, _ in problems]
    for (_, message), (_, expected) in zip(found, problems, strict=True):
        assert expected in message


def test_every_problem_at_once_in_german() -> None:
    text = """\
[[variants]]
name = "Basis"
rates = [{ valid_from = "2026-02-30", amount = 57.000 }]

[[variants]]
name = "Zwei"
notices = [{ party = "Olfen", received = "31.06.2025" }, { party = "Coesfeld", received = 2025-06-30, succesor = "Billerbeck" }]
personnel_growth = "3"
"""
    assert _problems(text, "de") == [
        ("variants[0].name", "der Name 'Basis' ist der Basis vorbehalten"),
        ("variants[0].rates[0].valid_from", "'2026-02-30': der Februar 2026 hat keinen 30. Tag, nur 28 Tage"),
        ("variants[0].rates[0].amount", 'erwartet einen Betrag, Text oder ganze Zahl wie "57000.00", gefunden die Kommazahl (float) 57.000; TOML liest 57.000 als 57, ein deutsches Auge als 57000'),
        ("variants[1].notices[1].succesor", "unbekannter Schlüssel; meinten Sie successor?; möglich sind party, received, successor"),
        ("variants[1].notices[0].received", "'31.06.2025': der Juni 2025 hat keinen 31. Tag, nur 30 Tage"),
        ("variants[1].personnel_growth", "'3' entspräche 300 %; meinten Sie 3 %? Prozentsätze bitte mit % schreiben, Anteile unter 1 wie 0,03"),
    ]  # fmt: skip


def test_a_file_too_large_or_not_utf8_is_refused(tmp_path: Path) -> None:
    large = tmp_path / "large.toml"
    large.write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    with pytest.raises(ScenarioFileError, match="larger than 1,000,000 bytes"):
        load_scenarios(large, BASE)
    latin = tmp_path / "latin.toml"
    latin.write_bytes('[[variants]]\nname = "Kündigung"\n'.encode("latin-1"))
    with pytest.raises(ScenarioFileError, match=r"keine gültige UTF-8-Datei \(Byte 22\)"):
        load_scenarios(latin, BASE, lang="de")
    marked = tmp_path / "bom.toml"
    marked.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.encode("utf-8"))
    assert len(load_scenarios(marked, BASE)) == 3


# --------------------------------------------------------------------------- the command line


def test_the_command_line_compares_the_files_variants(
    capsys: pytest.CaptureFixture[str], example: Path
) -> None:
    out = run(capsys, "scenario", "--from", "2026", "--to", "2028", "--file", str(example),
              "--format", "json")  # fmt: skip
    expected = scenario.compare(BASE, _expected(), range(2026, 2029), PLANS)
    assert json.loads(out) == json.loads(to_json(expected))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_text_names_each_variant_and_its_growth(
    capsys: pytest.CaptureFixture[str], example: Path, lang: str
) -> None:
    out = run(capsys, "scenario", "--from", "2026", "--to", "2027", "--file", str(example),
              "--lang", lang)  # fmt: skip
    if lang == "de":
        assert (
            "Variante „Förderung endet 2027, Coesfeld übergibt an Billerbeck“: Personalkosten "
            "ab dem Kostenplan für 2026 jährlich um 3 % gewachsen." in out
        )
        heading = "Szenario {}: Eigenanteile je Kommune und Jahr (Differenz zur Basis)"
    else:
        assert (
            "Variant “Förderung endet 2027, Coesfeld übergibt an Billerbeck”: personnel costs "
            "grown by 3 % a year from the cost plan for 2026." in out
        )
        heading = "Scenario {}: own shares per town and year (difference to baseline)"
    for name in _expected():
        assert heading.format(name) in out


def test_file_and_options_together(capsys: pytest.CaptureFixture[str], example: Path) -> None:
    out = run(capsys, "scenario", "--from", "2026", "--to", "2026", "--file", str(example),
              "--loss-from", "2026-01-01", "--format", "json")  # fmt: skip
    assert json.loads(out)["names"] == ["baseline", *_expected(), "keine Förderung ab 01.01.2026"]
    clash = example.with_name("gleich.toml")
    clash.write_text(
        '[[variants]]\nname = "keine Förderung ab 01.01.2026"\nfunding_ends = 2026-01-01\n',
        encoding="utf-8",
    )
    assert fails(
        capsys, "scenario", "--from", "2026", "--to", "2026", "--file", str(clash),
        "--loss-from", "2026-01-01",
    ) == "die Variante 'keine Förderung ab 01.01.2026' ist doppelt; jede Variante einmal"  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (
            "de",
            "die Szenariodatei '{path}' hat 2 Probleme: variants[0].rates[0].amount: '57.000' "
            "ist mehrdeutig: 57.000 € (Punkt als Tausendertrennzeichen) oder 57,00 € (Punkt als "
            "Dezimalzeichen); schreiben Sie 57000 für 57.000 €, 57,00 für 57,00 € "
            "variants[1].notices[0].party: 'Rosendal' ist keine Kommune der Vereinbarung",
        ),
        (
            "en",
            "scenario file '{path}' has 2 problems: variants[0].rates[0].amount: '57.000' is "
            "ambiguous: €57,000 (the point grouping thousands) or €57.00 (a decimal point); "
            "write 57000 for €57,000, 57.00 for €57.00 variants[1].notices[0].party: 'Rosendal' "
            "is not a party",
        ),
    ],
)
def test_the_problems_of_a_file_are_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: str, message: str
) -> None:
    path = tmp_path / "fehler.toml"
    path.write_text(
        '[[variants]]\nname = "x"\nrates = [{ valid_from = 2026-01-01, amount = "57.000" }]\n'
        '[[variants]]\nname = "y"\nnotices = [{ party = "Rosendal", received = 2025-06-27 }]\n',
        encoding="utf-8",
    )
    error = fails(capsys, "scenario", "--from", "2026", "--to", "2026", "--file", str(path),
                  "--lang", lang)  # fmt: skip
    assert error.startswith(message.format(path=path))


def test_a_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "fehlt.toml"
    error = fails(capsys, "scenario", "--from", "2026", "--to", "2026", "--file", str(missing))
    assert error == f"{str(missing)!r}: Datei oder Ordner nicht gefunden (ENOENT)"
