"""The messages of money, costs, funding, settlement, spans and billing: English and German.

Each error is a catalogue text with its fields (`kim_cooperation.errors.Phrase`):
``str(error)`` is the English text the library always had, ``error.describe("de")``
the German one, with dates written 31.12.2025 and amounts with a decimal comma.
Where a message can reach the command line (an option value, an agreement file,
a rule a command applies) it is checked there too, under ``--lang de``.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

from kim_cooperation import (
    CostStatement,
    FundingRate,
    FundingSchedule,
    Post,
    Settlement,
    presets,
    settle,
)
from kim_cooperation.billing import billing_statements, write_billing_workbook
from kim_cooperation.cli import main
from kim_cooperation.costs import costs_by_region
from kim_cooperation.errors import (
    InvalidMoneyError,
    InvalidValueError,
    KimCooperationError,
    NoApplicableRateError,
    NoPopulationCountError,
    Phrase,
    UndecidedCaseError,
    UnknownPartyError,
    UnknownRegionError,
)
from kim_cooperation.funding import region_funding
from kim_cooperation.i18n import N_
from kim_cooperation.keys import SplitKey
from kim_cooperation.money import MAX_EUROS, to_cents, to_money
from kim_cooperation.notice import NoticeTerms
from kim_cooperation.policy import Policies
from kim_cooperation.spans import bearer_shares, year_window

EXAMPLE = importlib.resources.files("kim_cooperation") / "data" / "example.toml"
ROUND = (
    "round it yourself first, the library never rounds silently",
    "runden Sie selbst, die Bibliothek rundet nie stillschweigend",
)


def caught(call: Callable[[], object], kind: type[KimCooperationError]) -> KimCooperationError:
    """The error ``call()`` raises, which must be a ``kind``."""
    with pytest.raises(kind) as raised:
        call()
    return raised.value


def says(error: KimCooperationError, english: str, german: str) -> None:
    assert str(error) == english
    assert error.describe("en") == english
    assert error.describe("de") == german


def fails(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The German error line of a command, without its prefix."""
    assert main([*argv, "--lang", "de"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("kim-cooperation: Fehler: ")
    assert captured.err.count("\n") == 1
    return captured.err.removeprefix("kim-cooperation: Fehler: ").rstrip("\n")


def example_file(tmp_path: Path, old: str, new: str, *, append: str = "") -> str:
    """The example agreement file with ``old`` replaced by ``new`` once, and ``append`` added."""
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "agreement.toml"
    path.write_text(text.replace(old, new, 1) + append, encoding="utf-8")
    return str(path)


# --------------------------------------------------------------------------- money


def test_an_amount_not_exact_to_the_cent_is_named_in_either_language() -> None:
    error = caught(lambda: to_cents(Decimal("0.001")), InvalidMoneyError)
    says(
        error,
        f"money must be exact to the cent, got Decimal('0.001'); {ROUND[0]}",
        "Betrag: nur auf den Cent genaue Beträge sind zulässig, angegeben ist "
        f"Decimal('0.001'); {ROUND[1]}",
    )


def test_the_name_of_an_amount_is_a_catalogue_text_or_a_phrase() -> None:
    # A str is looked up in the catalogue: "funding rate" has a German text.
    marked = caught(lambda: to_money(Decimal("NaN"), what=N_("funding rate")), InvalidMoneyError)
    says(
        marked,
        "funding rate must be a finite amount, got Decimal('NaN')",
        "Fördersatz: nur endliche Beträge sind zulässig, angegeben ist Decimal('NaN')",
    )
    # A str the catalogue does not have stays as written.
    unmarked = caught(lambda: to_money(Decimal("Infinity"), what="widget"), InvalidMoneyError)
    assert unmarked.describe("de") == (
        "widget: nur endliche Beträge sind zulässig, angegeben ist Decimal('Infinity')"
    )
    # A phrase with fields is described in the language.
    named = Phrase(N_("advance of {party}"), party="Billerbeck")
    phrase = caught(lambda: to_cents(Decimal("1.005"), what=named), InvalidMoneyError)
    assert str(phrase).startswith("advance of Billerbeck must be exact to the cent")
    assert phrase.describe("de").startswith("Abschlagszahlung von Billerbeck: nur auf den Cent")


@pytest.mark.parametrize("value", [10**15, -(10**15), Decimal("1E+15")])
def test_an_amount_too_large_names_the_limit_grouped_in_each_language(value: object) -> None:
    error = caught(lambda: to_cents(value), InvalidMoneyError)  # type: ignore[arg-type]
    shown = repr(value)
    # The limit is written into the text; it must be MAX_EUROS.
    assert f"{MAX_EUROS:,}" == "1,000,000,000,000,000"
    says(
        error,
        f"money must be less than 1,000,000,000,000,000 euros in magnitude, got {shown}",
        "Betrag: der Betrag muss ohne Vorzeichen unter 1.000.000.000.000.000 Euro liegen, "
        f"angegeben ist {shown}",
    )


# --------------------------------------------------------------------------- costs


def test_negative_costs() -> None:
    says(
        caught(lambda: CostStatement(personnel=-1), InvalidValueError),
        "costs must not be negative, got -1 (C8)",
        "Kosten dürfen nicht negativ sein, angegeben ist -1 (C8)",
    )


def test_costs_not_exact_to_the_cent_are_named_costs() -> None:
    error = caught(lambda: CostStatement(equipment=Decimal("0.005")), InvalidMoneyError)
    says(
        error,
        f"cost must be exact to the cent, got Decimal('0.005'); {ROUND[0]}",
        "Kosten: nur auf den Cent genaue Beträge sind zulässig, angegeben ist "
        f"Decimal('0.005'); {ROUND[1]}",
    )


def test_an_unknown_cost_item() -> None:
    items = "['personnel', 'equipment', 'recruitment', 'administration', 'material_not_itemised']"
    says(
        caught(lambda: CostStatement().amount("travel"), InvalidValueError),
        f"'travel' is not a cost item of clause C8; expected one of {items}",
        f"'travel' ist keine Kostenposition nach C8; erwartet wird eine von {items}",
    )


def test_scaling_costs() -> None:
    statement = CostStatement(personnel=1)
    says(
        caught(lambda: statement.scaled(Decimal("-0.5")), InvalidValueError),
        "cost factor must not be negative, got -0.5",
        "der Kostenfaktor darf nicht negativ sein, angegeben ist -0,5",
    )
    says(
        caught(lambda: statement.scaled(Fraction(1, 3)), InvalidMoneyError),
        "personnel 1.00 times 1/3 is 1/3 euros, not a whole number of cents; "
        "the library never rounds silently",
        "personnel 1,00 mal 1/3 ergibt 1/3 Euro, keine ganze Zahl von Cent; "
        "die Bibliothek rundet nie stillschweigend",
    )


def test_costs_by_region() -> None:
    coesfeld = presets.coesfeld()
    says(
        caught(lambda: costs_by_region(coesfeld, {}), InvalidValueError),
        "costs must name at least one region",
        "die Kosten müssen mindestens eine Region nennen",
    )
    twice = {"Süd": CostStatement(), "sued": CostStatement()}
    says(
        caught(lambda: costs_by_region(coesfeld, twice), InvalidValueError),
        "costs name region 'Süd' twice ('sued')",
        "die Kosten nennen die Region 'Süd' zweimal ('sued')",
    )


def test_costs_of_an_agreement_file_in_german(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = example_file(tmp_path, 'personnel = "90000.00"', 'personnel = "-90000.00"')
    assert fails(capsys, "--agreement", path, "settle", "--year", "2024") == (
        f"die Vereinbarungsdatei {path!r} hat 1 Problem: cost_plans.2024.Nord.personnel: "
        "Kosten dürfen nicht negativ sein, angegeben ist Decimal('-90000.00') (C8)"
    )


# --------------------------------------------------------------------------- funding


def rate(valid_from: dt.date, amount: int = 55000) -> FundingRate:
    return FundingRate(valid_from=valid_from, amount=amount, source="test")


def test_a_funding_rate() -> None:
    says(
        caught(lambda: rate(dt.date(2023, 1, 1), -1), InvalidValueError),
        "funding rate must not be negative, got -1 (C5)",
        "der Fördersatz darf nicht negativ sein, angegeben ist -1 (C5)",
    )
    says(
        caught(
            lambda: FundingRate(valid_from=dt.date(2023, 1, 1), amount=1, source="x", clause="C7"),
            InvalidValueError,
        ),
        "a funding rate comes from clause C5, C6 or C10, got 'C7'",
        "ein Fördersatz beruht auf C5, C6 oder C10, angegeben ist 'C7'",
    )


def test_a_funding_schedule() -> None:
    says(
        caught(lambda: FundingSchedule(rates=()), InvalidValueError),
        "a funding schedule needs at least one rate (C5)",
        "es muss mindestens einen Fördersatz geben (C5)",
    )
    first, second = rate(dt.date(2023, 1, 1)), rate(dt.date(2024, 7, 1))
    says(
        caught(lambda: FundingSchedule(rates=(second, second)), InvalidValueError),
        "funding schedule has two rates valid from 2024-07-01; each day may start at most one rate",
        "zwei Fördersätze gelten ab dem 01.07.2024; an jedem Tag darf höchstens ein Fördersatz "
        "beginnen",
    )
    says(
        caught(lambda: FundingSchedule(rates=(second, first)), InvalidValueError),
        "funding rates must be sorted by valid_from: 2023-01-01 follows 2024-07-01",
        "Fördersätze müssen nach valid_from sortiert sein: 01.01.2023 folgt auf 01.07.2024",
    )
    schedule = FundingSchedule(rates=(first,))
    says(
        caught(lambda: schedule.rate_on(dt.date(2022, 12, 31)), NoApplicableRateError),
        "no funding rate applies on 2022-12-31; the schedule starts on 2023-01-01 (C5)",
        "am 31.12.2022 gilt kein Fördersatz; der erste Fördersatz gilt ab dem 01.01.2023 (C5)",
    )
    says(
        caught(
            lambda: region_funding([Post(label="A", fte=1)], 2023, schedule, method="weeks"),
            InvalidValueError,
        ),
        "method must be one of ['twelfths', 'days'], got 'weeks'",
        "method muss eines von ['twelfths', 'days'] sein, angegeben ist 'weeks'",
    )


@pytest.mark.parametrize(
    ("old", "new", "german"),
    [
        (
            'amount = "55000.00"',
            'amount = "55000.005"',
            "funding[0].amount: Fördersatz: nur auf den Cent genaue Beträge sind zulässig, "
            f"angegeben ist Decimal('55000.005'); {ROUND[1]}",
        ),
        (
            'clause = "C5"',
            'clause = "C7"',
            "funding[0].clause: ein Fördersatz beruht auf C5, C6 oder C10, angegeben ist 'C7'",
        ),
    ],
)
def test_funding_of_an_agreement_file_in_german(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, old: str, new: str, german: str
) -> None:
    path = example_file(tmp_path, old, new)
    assert fails(capsys, "--agreement", path, "settle", "--year", "2026") == (
        f"die Vereinbarungsdatei {path!r} hat 1 Problem: {german}"
    )


# --------------------------------------------------------------------------- settlement


def test_a_region_not_settled() -> None:
    settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
    says(
        caught(lambda: settlement.region("Mitte"), UnknownRegionError),
        "region 'Mitte' was not settled for 2023: no costs were given for it; settled regions "
        "are ['Nord']",
        "die Region 'Mitte' wurde für 2023 nicht abgerechnet: für sie wurden keine Kosten "
        "angegeben; abgerechnet sind die Regionen ['Nord']",
    )


def test_a_year_before_the_agreement_cannot_be_settled() -> None:
    plan = presets.coesfeld_cost_plan_2023()
    says(
        caught(lambda: settle(presets.coesfeld(), 2022, plan), InvalidValueError),
        "cannot settle 2022: the agreement starts on 2023-01-01",
        "2022 kann nicht abgerechnet werden: die Vereinbarung beginnt am 01.01.2023",
    )


def test_a_cost_plan_before_the_start_on_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = example_file(tmp_path, "[cost_plans.2024.Nord]", "[cost_plans.2023.Nord]")
    assert fails(capsys, "--agreement", path, "settle", "--year", "2023") == (
        "2023 kann nicht abgerechnet werden: die Vereinbarung beginnt am 01.01.2024"
    )


# --------------------------------------------------------------------------- spans


def test_a_year_outside_the_agreement() -> None:
    coesfeld = presets.coesfeld()
    says(
        caught(lambda: year_window(coesfeld, 2022), InvalidValueError),
        "the agreement starts on 2023-01-01; no town bears a share for 2022",
        "die Vereinbarung beginnt am 01.01.2023; für 2022 trägt keine Kommune einen Anteil",
    )
    ended = coesfeld.give_notices({party.name: dt.date(2024, 6, 30) for party in coesfeld.parties})
    says(
        caught(lambda: year_window(ended, 2026), InvalidValueError),
        "the agreement ended on 2025-12-31 after every party gave notice; there is no "
        "settlement for 2026, only the wind-down (C13)",
        "die Vereinbarung endete am 31.12.2025, nachdem alle Vertragsparteien gekündigt hatten; "
        "für 2026 gibt es keine Abrechnung, nur den Nachlauf (C13)",
    )


def test_a_year_after_the_end_on_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    names = [party.name for party in presets.example().parties]
    notices = "".join(
        f'\n[[notices]]\nparty = "{name}"\nreceived = 2024-12-31\n' for name in names
    )
    path = example_file(tmp_path, "", "", append=notices)
    for command in ("settle", "billing"):
        assert fails(
            capsys, "--agreement", path, command, "--year", "2026", "--format", "csv"
        ) == (
            "die Vereinbarung endete am 30.06.2025, nachdem alle Vertragsparteien gekündigt "
            "hatten; für 2026 gibt es keine Abrechnung, nur den Nachlauf (C13)"
        )


def test_a_town_that_left_still_needs_its_population_count() -> None:
    agreement = presets.example()
    gone = agreement.party("Lindenhöhe")
    counts = tuple(
        attrs.evolve(count, counts={p: n for p, n in count.counts.items() if p != gone})
        for count in agreement.population
    )
    left = attrs.evolve(agreement, population=counts).give_notice(gone, dt.date(2024, 12, 31))
    plan = presets.example_cost_plans()[2026]
    error = caught(lambda: settle(left, 2026, plan), NoPopulationCountError)
    missing = error.phrase.fields["missing"]
    assert isinstance(missing, Phrase)
    assert str(error) == (
        f"{missing}; Lindenhöhe left region 'Nord' before 2026; under withdrawal_split='equal' "
        "the part of a town that left, measured by the key, passes in equal parts to the "
        "remaining towns (C12, I11), so its count is still needed; add it, or choose "
        "withdrawal_split='key' (I11)"
    )
    assert error.describe("de") == (
        f"{missing.describe('de')}; vor 2026 aus der Region 'Nord' ausgeschieden: Lindenhöhe; "
        "unter withdrawal_split='equal' geht der nach dem Verteilungsschlüssel bemessene Anteil "
        "einer ausgeschiedenen Kommune zu gleichen Teilen auf die verbleibenden Kommunen über "
        "(C12, I11), ihre Einwohnerzahl wird also weiterhin benötigt; ergänzen Sie sie oder "
        "wählen Sie withdrawal_split='key' (I11)"
    )


def test_the_arguments_of_bearer_shares() -> None:
    coesfeld = presets.coesfeld()
    nord = coesfeld.region("Nord")
    says(
        caught(
            lambda: bearer_shares(coesfeld, nord, {}, dict.fromkeys(nord.members, Fraction(1))),
            InvalidValueError,
        ),
        "current must be a mapping of each Region to its members, holding 'Nord', got dict {}; "
        "write e.g. {region: members_on(agreement, day, region=region)}",
        "current muss jeder Region ihre Mitglieder zuordnen und 'Nord' enthalten, angegeben ist "
        "dict {}; schreiben Sie z. B. {region: members_on(agreement, day, region=region)}",
    )
    raw = dict.fromkeys(nord.members[:2], Fraction(1))
    says(
        caught(
            lambda: bearer_shares(coesfeld, nord, {nord: nord.members}, raw), InvalidValueError
        ),
        "raw must hold a weight for each town of 'Nord' it counts, missing ['Havixbeck', "
        "'Rosendahl']; write e.g. dict.fromkeys(region.members, 1)",
        "raw muss für jede Kommune von 'Nord', die es zählt, ein Gewicht enthalten, es fehlen "
        "['Havixbeck', 'Rosendahl']; schreiben Sie z. B. dict.fromkeys(region.members, 1)",
    )


def test_remaining_towns_of_weight_zero_cannot_take_over_by_the_key() -> None:
    agreement = presets.coesfeld()
    duelmen, nottuln = agreement.region("Mitte").members
    zero = agreement.with_split_key("Mitte", SplitKey.by_weights({duelmen: 0, nottuln: 1}))
    quarterly = attrs.evolve(zero, notice_terms=NoticeTerms(months=3, period_end="quarter"))
    left = quarterly.give_notice("Nottuln", dt.date(2023, 3, 31))
    by_key = left.with_policies(Policies(withdrawal_split="key"))
    plan = {"Mitte": CostStatement(personnel=Decimal("68000"))}
    says(
        caught(lambda: settle(by_key, 2024, plan), UndecidedCaseError),
        "the towns that remain in region 'Mitte' (Dülmen) all have weight zero, so the share of "
        "those who left cannot pass to them by the key; choose withdrawal_split='equal' "
        "(C12, I8, I11)",
        "die in der Region 'Mitte' verbleibenden Kommunen (Dülmen) haben alle das Gewicht null, "
        "daher kann der Anteil der ausgeschiedenen Kommunen nicht nach dem Verteilungsschlüssel "
        "auf sie übergehen; wählen Sie withdrawal_split='equal' (C12, I8, I11)",
    )


# --------------------------------------------------------------------------- billing


def coesfeld_2023() -> Settlement:
    return settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())


def handover() -> Settlement:
    """Brunnfeld, Ost's employer, leaves on 31 March 2026; Eichhagen employs from 1 April."""
    agreement = presets.example().give_notice(
        "Brunnfeld", dt.date(2025, 9, 30), successor="Eichhagen"
    )
    return settle(agreement, 2026, presets.example_cost_plans()[2026])


def refused(settlement: Settlement, advances: object) -> KimCooperationError:
    return caught(
        lambda: billing_statements(settlement, advances=advances),  # type: ignore[arg-type]
        InvalidValueError,
    )


def test_a_negative_advance_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    line = fails(capsys, "billing", "--year", "2023", "--format", "csv", "--advance", "Olfen=-5")
    assert line == (
        "die Abschlagszahlung von Olfen darf nicht negativ sein, angegeben ist Decimal('-5'); "
        "eine Erstattung ist ein negativer Saldo, keine negative Abschlagszahlung"
    )
    says(
        refused(coesfeld_2023(), {"Billerbeck": -5}),
        "advance of Billerbeck must not be negative, got -5; a refund is a negative balance, "
        "not a negative advance",
        "die Abschlagszahlung von Billerbeck darf nicht negativ sein, angegeben ist -5; eine "
        "Erstattung ist ein negativer Saldo, keine negative Abschlagszahlung",
    )


def test_an_advance_not_exact_to_the_cent_names_the_town() -> None:
    error = refused(coesfeld_2023(), {"Havixbeck": Decimal("8125.005")})
    says(
        error,
        f"advance of Havixbeck must be exact to the cent, got Decimal('8125.005'); {ROUND[0]}",
        "Abschlagszahlung von Havixbeck: nur auf den Cent genaue Beträge sind zulässig, "
        f"angegeben ist Decimal('8125.005'); {ROUND[1]}",
    )


def test_an_advance_named_twice() -> None:
    says(
        refused(coesfeld_2023(), {"Billerbeck": 1, "05558008": 2}),
        "advances name Billerbeck twice (as '05558008')",
        "die Abschlagszahlungen nennen Billerbeck zweimal (als '05558008')",
    )


def test_an_advance_of_the_employer(capsys: pytest.CaptureFixture[str]) -> None:
    german = (
        "Coesfeld ist im Jahr 2023 die Anstellungskörperschaft der Region Nord: sie trägt ihren "
        "Anteil selbst und leistet keine Abschlagszahlungen an sich selbst (C9)"
    )
    says(
        refused(coesfeld_2023(), {"Coesfeld": 1}),
        "Coesfeld is the employer of Region Nord in 2023: it bears its part itself and pays no "
        "advances to itself (C9)",
        german,
    )
    argv = ["billing", "--year", "2023", "--format", "csv", "--advance", "Coesfeld=1"]
    assert fails(capsys, *argv) == german


def test_an_advance_of_an_employer_of_part_of_the_year() -> None:
    says(
        refused(handover(), {"Brunnfeld": 1}),
        "Brunnfeld is the employer of Region Ost in 2026 from 2026-01-01 to 2026-03-31: it bears "
        "its part itself and pays no advances to itself (C9)",
        "Brunnfeld ist im Jahr 2026 vom 01.01.2026 bis 31.03.2026 die Anstellungskörperschaft "
        "der Region Ost: sie trägt ihren Anteil selbst und leistet keine Abschlagszahlungen an "
        "sich selbst (C9)",
    )


def test_an_ambiguous_advance_names_each_employer_and_its_period() -> None:
    says(
        refused(handover(), {"Fuchsberg": 1}),
        "an advance of Fuchsberg is ambiguous: in 2026 it is billed by Brunnfeld (Region Ost, "
        "2026-01-01 to 2026-03-31) and Eichhagen (Region Ost, 2026-04-01 to 2026-12-31); key "
        "the advance by town and employer, e.g. advances={('Fuchsberg', 'Brunnfeld'): "
        "Decimal(...)} (C9)",
        "eine Abschlagszahlung von Fuchsberg ist mehrdeutig: im Jahr 2026 rechnen Brunnfeld "
        "(Region Ost, 01.01.2026 bis 31.03.2026) und Eichhagen (Region Ost, 01.04.2026 bis "
        "31.12.2026) mit der Kommune ab; nennen Sie zur Abschlagszahlung Kommune und "
        "Anstellungskörperschaft, z. B. advances={('Fuchsberg', 'Brunnfeld'): Decimal(...)} (C9)",
    )


def test_an_ambiguous_advance_under_the_literal_reading_of_c12() -> None:
    literal = (
        presets.coesfeld()
        .with_policies(Policies(withdrawal_scope="agreement"))
        .give_notice("Rosendahl", dt.date(2024, 6, 30))
    )
    settlement = settle(literal, 2026, presets.coesfeld_planning_costs_2023())
    says(
        refused(settlement, {"Nottuln": 10}),
        "an advance of Nottuln is ambiguous: in 2026 it is billed by Coesfeld (Region Nord) and "
        "Dülmen (Region Mitte); key the advance by town and employer, e.g. "
        "advances={('Nottuln', 'Coesfeld'): Decimal(...)} (C9)",
        "eine Abschlagszahlung von Nottuln ist mehrdeutig: im Jahr 2026 rechnen Coesfeld (Region "
        "Nord) und Dülmen (Region Mitte) mit der Kommune ab; nennen Sie zur Abschlagszahlung "
        "Kommune und Anstellungskörperschaft, z. B. advances={('Nottuln', 'Coesfeld'): "
        "Decimal(...)} (C9)",
    )


def test_an_advance_to_an_employer_that_does_not_bill_the_town() -> None:
    says(
        refused(handover(), {("Fuchsberg", "Altenau"): 1}),
        "Altenau does not bill Fuchsberg in 2026; Fuchsberg is billed by Brunnfeld and "
        "Eichhagen (C9)",
        "Altenau rechnet im Jahr 2026 nicht mit Fuchsberg ab; Fuchsberg erhält die Abrechnung "
        "von Brunnfeld und Eichhagen (C9)",
    )
    single = refused(coesfeld_2023(), {("Billerbeck", "Havixbeck"): 1})
    assert single.describe("de") == (
        "Havixbeck rechnet im Jahr 2023 nicht mit Billerbeck ab; Billerbeck erhält die "
        "Abrechnung von Coesfeld (C9)"
    )


def test_an_advance_of_a_town_not_billed() -> None:
    says(
        refused(coesfeld_2023(), {"Nottuln": 1}),
        "Nottuln is billed in none of the settled regions ['Nord'] for 2023: it has left the "
        "agreement (C12) or its region was not settled; an advance can only be set off against "
        "a bill (C9)",
        "Nottuln wird in keiner der abgerechneten Regionen ['Nord'] für 2023 abgerechnet: die "
        "Kommune ist aus der Vereinbarung ausgeschieden (C12), oder ihre Region wurde nicht "
        "abgerechnet; eine Abschlagszahlung kann nur mit einer Abrechnung verrechnet werden (C9)",
    )


def test_an_entry_not_on_the_statement() -> None:
    (nord,) = billing_statements(coesfeld_2023())
    says(
        caught(lambda: nord.entry("Münster"), UnknownPartyError),
        "'Münster' has no entry in the billing statement of Region Nord for 2023; the entries "
        "are ['Billerbeck', 'Coesfeld', 'Havixbeck', 'Rosendahl']",
        "'Münster' hat keinen Eintrag in der Jahresabrechnung 2023 der Region Nord; Einträge "
        "gibt es für ['Billerbeck', 'Coesfeld', 'Havixbeck', 'Rosendahl']",
    )


def test_the_statements_and_the_language_of_a_workbook(tmp_path: Path) -> None:
    (nord,) = billing_statements(coesfeld_2023())
    english, german = (
        "lang must be 'de' or 'en', got 'nl'",
        ("lang muss 'de' oder 'en' sein, angegeben ist 'nl'"),
    )
    says(caught(lambda: nord.period(lang="nl"), InvalidValueError), english, german)  # type: ignore[arg-type]
    says(
        caught(
            lambda: write_billing_workbook([nord], tmp_path / "x.xlsx", lang="nl"),  # type: ignore[arg-type]
            InvalidValueError,
        ),
        english,
        german,
    )
    says(
        caught(lambda: write_billing_workbook([], tmp_path / "x.xlsx"), InvalidValueError),
        "no billing statements given; pass those of billing_statements()",
        "keine Jahresabrechnungen angegeben; übergeben Sie die von billing_statements()",
    )


def test_an_amount_excel_cannot_hold(tmp_path: Path) -> None:
    huge = settle(
        presets.coesfeld(), 2023, {"Nord": CostStatement(personnel=Decimal("10000000000000.01"))}
    )
    says(
        caught(
            lambda: write_billing_workbook(billing_statements(huge), tmp_path / "huge.xlsx"),
            InvalidValueError,
        ),
        "cannot write 10000000000000.01 euros to Excel exactly: Excel keeps 15 significant "
        "digits, so amounts must stay below 10**13 euros; use billing_csv or "
        "kim_cooperation.export instead",
        "10000000000000,01 Euro lassen sich nicht genau in Excel schreiben: Excel speichert 15 "
        "signifikante Stellen, Beträge müssen also unter 10**13 Euro bleiben; verwenden Sie "
        "stattdessen billing_csv oder kim_cooperation.export",
    )
