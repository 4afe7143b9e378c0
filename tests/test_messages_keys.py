"""The messages of split keys, splits, projections, scenarios and policies, in English and German.

Each error of `kim_cooperation.keys`, `split`, `projection`, `scenario`
and `policy` is a catalogue text (issue 13): ``str(error)`` stays the
English text the Python API has always given, ``error.describe("de")`` is
its German text, with days written 31.12.2025 and numbers grouped as German
groups them. Where a message reaches the command line (an agreement file,
a year range), it is checked there too, under ``--lang de`` and ``--lang en``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any, Final

import attrs
import pytest

from kim_cooperation import (
    Agreement,
    InvalidMoneyError,
    InvalidValueError,
    KimCooperationError,
    NoPopulationCountError,
    Party,
    UnknownPartyError,
    presets,
    split_by_weight,
    split_equally,
)
from kim_cooperation._checks import shown
from kim_cooperation.cli import main
from kim_cooperation.keys import (
    PopulationCount,
    SplitKey,
    check_population,
    key_weights,
    population_of,
)
from kim_cooperation.policy import Policies, PopulationReference
from kim_cooperation.projection import grow_plan, project
from kim_cooperation.scenario import Variant, compare
from kim_cooperation.split import largest_remainder

COESFELD: Final = presets.coesfeld()
EXAMPLE: Final = presets.example()
NORD: Final = COESFELD.region("Nord")
BILLERBECK, COESFELD_TOWN, HAVIXBECK, ROSENDAHL = NORD.members
PLAN: Final = presets.coesfeld_cost_plan_2023()
EXAMPLE_FILE: Final = resources.files("kim_cooperation") / "data" / "example.toml"
HUGE: Final = shown(Fraction(2**5000))  # a weight too long to show whole


def _raised(call: Callable[[], object], kind: type[KimCooperationError]) -> KimCooperationError:
    with pytest.raises(kind) as caught:
        call()
    return caught.value


def case(
    call: Callable[[], object],
    kind: type[KimCooperationError],
    english: str,
    german: str,
    *,
    id: str,
) -> Any:
    return pytest.param(call, kind, english, german, id=id)


def _count_without_towns() -> PopulationCount:
    return PopulationCount(as_of=dt.date(2024, 12, 31), counts={})


def _two_counts_of_one_day() -> tuple[PopulationCount, ...]:
    day = dt.date(2024, 12, 31)
    return check_population(
        [
            PopulationCount(as_of=day, counts={BILLERBECK: 11_800}),
            PopulationCount(as_of=day, counts={HAVIXBECK: 12_100}),
        ]
    )


def _uncounted() -> Agreement:
    """The example agreement without Altenau's counts: its count is missing in every year."""
    kept = [
        attrs.evolve(
            count,
            counts={
                party: number for party, number in count.counts.items() if party.name != "Altenau"
            },
        )
        for count in EXAMPLE.population
    ]
    return attrs.evolve(EXAMPLE, population=kept)


def _a_stranger_weighed() -> object:
    ost = EXAMPLE.region("Ost")
    return key_weights(EXAMPLE, ost, 2026, [EXAMPLE.party("Altenau"), *ost.members[:1]])


def _first_not_a_party() -> object:
    return split_equally(Decimal(10), [BILLERBECK, HAVIXBECK], first=ROSENDAHL)


def _twins() -> tuple[Party, Party]:
    twin = Party(name="Billerbeck-Nord", kind="Stadt", ags=BILLERBECK.ags)
    return BILLERBECK, twin


KEYS = [
    case(
        lambda: SplitKey(kind="einwohner"),
        InvalidValueError,
        "split key must be one of ['equal', 'weights', 'population'], got 'einwohner' (C4, I9)",
        "der Verteilungsschlüssel muss einer von ['equal', 'weights', 'population'] sein, "
        "angegeben ist 'einwohner' (C4, I9)",
        id="an unknown kind of key",
    ),
    case(
        lambda: SplitKey.by_weights({BILLERBECK: 1, ROSENDAHL: Fraction(-1, 2)}),
        InvalidValueError,
        "weight of Rosendahl must not be negative, got Fraction(-1, 2); a town that pays "
        "nothing has weight 0 (C4, I9)",
        "das Gewicht von Rosendahl darf nicht negativ sein, angegeben ist Fraction(-1, 2); "
        "eine Kommune, die nichts zahlt, hat das Gewicht 0 (C4, I9)",
        id="a negative weight",
    ),
    case(
        lambda: SplitKey(kind="weights"),
        InvalidValueError,
        "a split key by weights needs a weight for each town of its region (C4, I9)",
        "ein Verteilungsschlüssel nach festen Gewichten braucht ein Gewicht für jede Kommune "
        "seiner Region (C4, I9)",
        id="a key by weights without weights",
    ),
    case(
        lambda: SplitKey.by_weights(dict.fromkeys(NORD.members, 0)),
        InvalidValueError,
        "weights of a split key must not all be zero; give at least one town a positive "
        "weight (C4, I9)",
        "die Gewichte eines Verteilungsschlüssels dürfen nicht alle null sein; geben Sie "
        "mindestens einer Kommune ein positives Gewicht (C4, I9)",
        id="all weights zero",
    ),
    case(
        lambda: SplitKey(kind="population", weights={BILLERBECK: 1}),
        InvalidValueError,
        "a split key of kind 'population' takes no weights; use SplitKey.by_weights for fixed "
        "weights (C4, I9)",
        "ein Verteilungsschlüssel der Art 'population' hat keine Gewichte; verwenden Sie "
        "SplitKey.by_weights für feste Gewichte (C4, I9)",
        id="weights with a population key",
    ),
    case(
        lambda: SplitKey.by_weights(
            {BILLERBECK: Fraction(1, 2**4000), ROSENDAHL: Fraction(1, 3**100)}
        ),
        InvalidValueError,
        "the weights need more than 4096 bits (about 1,233 decimal digits) as integers over "
        "their common denominator: their common denominator grows beyond it with the weight of "
        "Rosendahl (Fraction(1, 515377520732011331036461129765621272702107522001)). Exact shares "
        "of such weights would be as long for every party; write the weights with fewer digits, "
        "such as integers, short decimals or fractions with small denominators "
        "(kim_cooperation.split.MAX_WEIGHT_BITS, I1)",
        "die Gewichte brauchen als ganze Zahlen über ihrem gemeinsamen Nenner mehr als 4096 Bit "
        "(etwa 1.233 Dezimalstellen): ihr gemeinsamer Nenner überschreitet diese Grenze, sobald "
        "das Gewicht von Rosendahl (Fraction(1, 515377520732011331036461129765621272702107522001)) "
        "hinzukommt. Die genauen Anteile solcher Gewichte wären für jede Vertragspartei ebenso "
        "lang; schreiben Sie die Gewichte mit weniger Stellen, etwa als ganze Zahlen, kurze "
        "Dezimalzahlen oder Brüche mit kleinen Nennern (kim_cooperation.split.MAX_WEIGHT_BITS, I1)",
        id="weights of a key beyond the bound",
    ),
    case(
        lambda: PopulationCount(as_of=dt.date(2024, 12, 31), counts={BILLERBECK: 0}),
        InvalidValueError,
        "the count of inhabitants of Billerbeck must be a positive int, got 0 (I9)",
        "die Einwohnerzahl von Billerbeck muss eine positive ganze Zahl sein, angegeben ist 0 (I9)",
        id="a count of zero",
    ),
    case(
        _count_without_towns,
        InvalidValueError,
        "a population count names at least one town (I9)",
        "eine Einwohnerzählung nennt mindestens eine Kommune (I9)",
        id="a count of no town",
    ),
    case(
        _two_counts_of_one_day,
        InvalidValueError,
        "two population counts are as of 2024-12-31; give one count per day, with every town "
        "counted that day in it (I9)",
        "zwei Einwohnerzählungen haben den Stand 31.12.2024; geben Sie je Tag eine Zählung an, "
        "mit allen an diesem Tag gezählten Kommunen (I9)",
        id="two counts of one day",
    ),
    case(
        lambda: population_of(EXAMPLE, "Altenau", dt.date(2020, 12, 31)),
        NoPopulationCountError,
        "no population count of Altenau on or before 2020-12-31; its counts are as of "
        "2023-12-31, 2024-12-31, 2025-12-31; add a [[population]] count as of that day or "
        "earlier (C4, I9)",
        "keine Einwohnerzahl von Altenau mit Stand am oder vor dem 31.12.2020; die "
        "Einwohnerzahlen dieser Kommune haben den Stand 31.12.2023, 31.12.2024, 31.12.2025; "
        "ergänzen Sie eine Einwohnerzählung [[population]] mit Stand an diesem Tag oder früher "
        "(C4, I9)",
        id="no count before a day, with the days of its counts",
    ),
    case(
        lambda: population_of(EXAMPLE, "Brunnfeld", dt.date(2026, 6, 30)),
        NoPopulationCountError,
        "no population count of Brunnfeld on or before 2026-06-30; the agreement has no count "
        "of it; add a [[population]] count as of that day or earlier (C4, I9)",
        "keine Einwohnerzahl von Brunnfeld mit Stand am oder vor dem 30.06.2026; die "
        "Vereinbarung enthält keine Einwohnerzahl dieser Kommune; ergänzen Sie eine "
        "Einwohnerzählung [[population]] mit Stand an diesem Tag oder früher (C4, I9)",
        id="no count of a town at all",
    ),
    case(
        lambda: key_weights(_uncounted(), EXAMPLE.region("Nord"), 2026),
        NoPopulationCountError,
        "region 'Nord' is split by population, but Altenau has no count for 2026: its key uses "
        "the latest count on or before 2025-12-31 (population_reference='previous-year-end'); "
        "the agreement has no count of it; add a [[population]] count as of that day or "
        "earlier (C4, I9)",
        "die Region 'Nord' wird nach Einwohnerzahl verteilt, aber für Altenau gibt es keine "
        "Einwohnerzahl für 2026: ihr Verteilungsschlüssel verwendet die letzte Einwohnerzahl "
        "mit Stand am oder vor dem 31.12.2025 (population_reference='previous-year-end'); die "
        "Vereinbarung enthält keine Einwohnerzahl dieser Kommune; ergänzen Sie eine "
        "Einwohnerzählung [[population]] mit Stand an diesem Tag oder früher (C4, I9)",
        id="a key without a town's count",
    ),
    case(
        _a_stranger_weighed,
        UnknownPartyError,
        "parties must be members of region 'Ost', got ['Altenau']; its members are "
        "['Brunnfeld', 'Eichhagen', 'Fuchsberg', 'Grünwald']",
        "die Kommunen in parties müssen Mitglieder der Region 'Ost' sein, angegeben sind "
        "['Altenau']; Mitglieder der Region sind ['Brunnfeld', 'Eichhagen', 'Fuchsberg', "
        "'Grünwald']",
        id="a town of another region weighed",
    ),
]

SPLITS = [
    case(
        lambda: largest_remainder(5, [Fraction(1), Fraction(-2)]),
        InvalidValueError,
        "weights must not be negative, got weight 1 = Fraction(-2, 1)",
        "Gewichte dürfen nicht negativ sein, angegeben ist Gewicht 1 = Fraction(-2, 1)",
        id="a negative weight of the bare algorithm",
    ),
    case(
        lambda: largest_remainder(5, [Fraction(0), Fraction(0)]),
        InvalidValueError,
        "weights must have a positive sum to split 5 units among them, got "
        "[Fraction(0, 1), Fraction(0, 1)]; give at least one positive weight",
        "die Gewichte müssen eine positive Summe haben, damit 5 Einheiten auf sie aufgeteilt "
        "werden können, angegeben ist [Fraction(0, 1), Fraction(0, 1)]; geben Sie mindestens "
        "ein positives Gewicht an",
        id="weights of sum zero",
    ),
    case(
        lambda: largest_remainder(5, [Fraction(2**5000), Fraction(1)]),
        InvalidValueError,
        "the weights need more than 4096 bits (about 1,233 decimal digits) as integers over "
        f"their common denominator: weight 0 ({HUGE}) is 5,001 bits long over the common "
        "denominator. Exact shares of such "
        "weights would be as long for every party; write the weights with fewer digits, such "
        "as integers, short decimals or fractions with small denominators "
        "(kim_cooperation.split.MAX_WEIGHT_BITS, I1)",
        "die Gewichte brauchen als ganze Zahlen über ihrem gemeinsamen Nenner mehr als 4096 Bit "
        f"(etwa 1.233 Dezimalstellen): Gewicht 0 ({HUGE}) ist über dem gemeinsamen Nenner "
        "5.001 Bit lang. Die genauen Anteile "
        "solcher Gewichte wären für jede Vertragspartei ebenso lang; schreiben Sie die Gewichte "
        "mit weniger Stellen, etwa als ganze Zahlen, kurze Dezimalzahlen oder Brüche mit kleinen "
        "Nennern (kim_cooperation.split.MAX_WEIGHT_BITS, I1)",
        id="a weight too long over the common denominator",
    ),
    case(
        lambda: split_equally(Decimal(10), [BILLERBECK]).share_of(ROSENDAHL),
        UnknownPartyError,
        f"{ROSENDAHL!r} is not among the parties of this split: ['Billerbeck']",
        f"{ROSENDAHL!r} gehört nicht zu den Vertragsparteien dieser Aufteilung: ['Billerbeck']",
        id="a party not in the split",
    ),
    case(
        lambda: split_equally(Decimal(10), []),
        InvalidValueError,
        "cannot split an amount among no parties",
        "ohne Vertragsparteien kann kein Betrag aufgeteilt werden",
        id="an equal split among no parties",
    ),
    case(
        lambda: split_equally(Decimal("10.001"), [BILLERBECK]),
        InvalidMoneyError,
        "amount to split must be exact to the cent, got Decimal('10.001'); round it yourself "
        "first, the library never rounds silently",
        "aufzuteilender Betrag: nur auf den Cent genaue Beträge sind zulässig, angegeben ist "
        "Decimal('10.001'); runden Sie selbst, die Bibliothek rundet nie stillschweigend",
        id="an amount with fractions of a cent",
    ),
    case(
        lambda: split_by_weight(Decimal(10), {}),
        InvalidValueError,
        "cannot split an amount among no parties",
        "ohne Vertragsparteien kann kein Betrag aufgeteilt werden",
        id="a split by weight among no parties",
    ),
    case(
        lambda: split_by_weight(Decimal(10), {BILLERBECK: 0, HAVIXBECK: 0}),
        InvalidValueError,
        "cannot split by weights that are all zero",
        "nach Gewichten, die alle null sind, kann nicht aufgeteilt werden",
        id="a split by zero weights",
    ),
    case(
        lambda: split_by_weight(Decimal(10), {BILLERBECK: 1, HAVIXBECK: -1}),
        InvalidValueError,
        "weight of Havixbeck must not be negative, got -1",
        "das Gewicht von Havixbeck darf nicht negativ sein, angegeben ist -1",
        id="a split by a negative weight",
    ),
    case(
        lambda: split_by_weight(
            Decimal(10), {BILLERBECK: Fraction(1, 2**4000), HAVIXBECK: Fraction(1, 3**100)}
        ),
        InvalidValueError,
        "the weights need more than 4096 bits (about 1,233 decimal digits) as integers over "
        "their common denominator: their common denominator grows beyond it with the weight of "
        "Havixbeck (Fraction(1, 515377520732011331036461129765621272702107522001)). Exact "
        "shares of such weights would be as long for every party; write the "
        "weights with fewer digits, such as integers, short decimals or fractions with small "
        "denominators (kim_cooperation.split.MAX_WEIGHT_BITS, I1)",
        "die Gewichte brauchen als ganze Zahlen über ihrem gemeinsamen Nenner mehr als 4096 Bit "
        "(etwa 1.233 Dezimalstellen): ihr gemeinsamer Nenner überschreitet diese Grenze, sobald "
        "das Gewicht von Havixbeck (Fraction(1, 515377520732011331036461129765621272702107522001)) "
        "hinzukommt. Die genauen Anteile solcher Gewichte wären für jede "
        "Vertragspartei ebenso lang; schreiben Sie die Gewichte mit weniger Stellen, etwa als "
        "ganze Zahlen, kurze Dezimalzahlen oder Brüche mit kleinen Nennern "
        "(kim_cooperation.split.MAX_WEIGHT_BITS, I1)",
        id="a split by weights beyond the bound",
    ),
    case(
        lambda: split_equally(Decimal(10), [BILLERBECK, BILLERBECK]),
        InvalidValueError,
        "parties to a split must be distinct, Billerbeck repeats",
        "die Vertragsparteien einer Aufteilung müssen verschieden sein, Billerbeck kommt "
        "mehrfach vor",
        id="a party twice",
    ),
    case(
        lambda: split_equally(Decimal(10), _twins()),
        InvalidValueError,
        f"parties to a split must be distinct, AGS {BILLERBECK.ags} repeats",
        f"die Vertragsparteien einer Aufteilung müssen verschieden sein, der AGS {BILLERBECK.ags} "
        "kommt mehrfach vor",
        id="an AGS twice",
    ),
    case(
        _first_not_a_party,
        UnknownPartyError,
        f"first={ROSENDAHL!r} is not one of the parties to the split ['Billerbeck', 'Havixbeck']",
        f"first={ROSENDAHL!r} ist keine der Vertragsparteien der Aufteilung "
        "['Billerbeck', 'Havixbeck']",
        id="first not among the parties",
    ),
]

LONG_RATE: Final = Decimal("0." + "1" * 100)

PROJECTIONS = [
    case(
        lambda: grow_plan(PLAN, 2, Decimal("-1.5")),
        InvalidValueError,
        "personnel_growth must be at least -1, got Decimal('-1.5')",
        "personnel_growth muss mindestens -1 sein, angegeben ist Decimal('-1.5')",
        id="a rate below -1",
    ),
    case(
        lambda: grow_plan(PLAN, 2, Fraction(1, 10**21)),
        InvalidValueError,
        "personnel_growth must be a rate of at most 20 digits, such as Decimal('0.0275') or "
        "Fraction(1, 3) (in lowest terms, numerator and denominator at most 10**20), got "
        "Fraction(1, 1000000000000000000000)",
        "personnel_growth muss eine Rate von höchstens 20 Stellen sein, etwa Decimal('0.0275') "
        "oder Fraction(1, 3) (gekürzt, Zähler und Nenner höchstens 10**20), angegeben ist "
        "Fraction(1, 1000000000000000000000)",
        id="a rate too long, shown whole",
    ),
    case(
        lambda: grow_plan(PLAN, 2, LONG_RATE),
        InvalidValueError,
        "personnel_growth must be a rate of at most 20 digits, such as Decimal('0.0275') or "
        "Fraction(1, 3) (in lowest terms, numerator and denominator at most 10**20), got "
        f"{f'{LONG_RATE!r}'[:60]}... (113 characters)",
        "personnel_growth muss eine Rate von höchstens 20 Stellen sein, etwa Decimal('0.0275') "
        "oder Fraction(1, 3) (gekürzt, Zähler und Nenner höchstens 10**20), angegeben ist "
        f"{f'{LONG_RATE!r}'[:60]}... (113 Zeichen)",
        id="a rate too long, shown in part",
    ),
    case(
        lambda: grow_plan(PLAN, -1, 0),
        InvalidValueError,
        "years of growth must be an int from 0 to 9998 (the years from 1 to 9999), got -1",
        "die Jahre des Wachstums müssen eine ganze Zahl von 0 bis 9998 sein (die Jahre 1 bis "
        "9999), angegeben ist -1",
        id="negative years of growth",
    ),
    case(
        lambda: grow_plan(PLAN, 1, Decimal("1E+10")),
        InvalidMoneyError,
        "personnel costs of region 'Nord' (163000.00 euros) grown by Decimal('1E+10') a year "
        "for 1 year reach 1,000,000,000,000,000 euros or more, beyond the largest amount the "
        "library holds",
        "die Personalkosten der Region 'Nord' (163000,00 Euro) erreichen bei einem Wachstum "
        "von Decimal('1E+10') im Jahr über 1 Jahr 1.000.000.000.000.000 Euro oder mehr, mehr "
        "als der größte Betrag, den die Bibliothek verarbeitet",
        id="grown costs beyond the largest amount in one year",
    ),
    case(
        lambda: grow_plan(PLAN, 2, Decimal("1E+5")),
        InvalidMoneyError,
        "personnel costs of region 'Nord' (163000.00 euros) grown by Decimal('1E+5') a year "
        "for 2 years reach 1,000,000,000,000,000 euros or more, beyond the largest amount the "
        "library holds",
        "die Personalkosten der Region 'Nord' (163000,00 Euro) erreichen bei einem Wachstum "
        "von Decimal('1E+5') im Jahr über 2 Jahre 1.000.000.000.000.000 Euro oder mehr, mehr "
        "als der größte Betrag, den die Bibliothek verarbeitet",
        id="grown costs beyond the largest amount in years",
    ),
    case(
        lambda: project(COESFELD, [2023, 2024], PLAN).result(2030),
        InvalidValueError,
        "2030 is not a year of this projection (2023, 2024)",
        "2030 ist kein Jahr dieser Vorausschau (2023, 2024)",
        id="a year not projected",
    ),
    case(
        lambda: project(COESFELD, [], PLAN),
        InvalidValueError,
        "a projection needs at least one year",
        "eine Vorausschau braucht mindestens ein Jahr",
        id="no years",
    ),
    case(
        lambda: project(COESFELD, [2024, 2023, 2024], PLAN),
        InvalidValueError,
        "each year may be projected once, got [2024, 2023, 2024]",
        "jedes Jahr darf nur einmal vorausberechnet werden, angegeben sind [2024, 2023, 2024]",
        id="a year twice",
    ),
    case(
        lambda: project(COESFELD, range(2023, 2224), PLAN),
        InvalidValueError,
        "a projection covers at most 200 years, got 201",
        "eine Vorausschau umfasst höchstens 200 Jahre, angegeben sind 201",
        id="too many years",
    ),
    case(
        lambda: project(COESFELD, [2023], {}),
        InvalidValueError,
        "plans must be a non-empty mapping: a base plan by region name, or plans by year",
        "plans muss eine nicht leere Zuordnung sein: ein Basisplan nach Regionsnamen oder "
        "Kostenpläne nach Jahren",
        id="no plans",
    ),
    case(
        lambda: project(COESFELD, [2023], {2023: PLAN}, personnel_growth=Decimal("0.03")),
        InvalidValueError,
        "personnel_growth applies to a base plan; with plans per year put the grown costs into "
        "the plans",
        "personnel_growth gilt nur für einen Basisplan; bei Kostenplänen je Jahr tragen Sie die "
        "gestiegenen Kosten in die Pläne ein",
        id="growth with plans per year",
    ),
    case(
        lambda: project(COESFELD, [2023, 2024, 2025], {2023: PLAN}),
        InvalidValueError,
        "plans per year lack the years [2024, 2025]",
        "den Kostenplänen je Jahr fehlen die Jahre [2024, 2025]",
        id="plans per year lacking years",
    ),
    case(
        lambda: project(COESFELD, [2023], {"Nord": PLAN["Nord"], 2024: PLAN}),  # type: ignore[arg-type]
        InvalidValueError,
        "plans must be keyed by region names or by years, got keys ['Nord', 2024]",
        "die Schlüssel von plans müssen Regionsnamen oder Jahre sein, angegeben sind "
        "['Nord', 2024]",
        id="plans keyed by names and years",
    ),
]

SCENARIOS = [
    case(
        lambda: Variant(agreement=COESFELD, personnel_growth=Fraction(-3, 2)),
        InvalidValueError,
        "personnel_growth must be at least -1, got Fraction(-3, 2)",
        "personnel_growth muss mindestens -1 sein, angegeben ist Fraction(-3, 2)",
        id="a variant's growth below -1",
    ),
    case(
        lambda: compare(COESFELD, {}, [2023], PLAN).projection("Rosendahl leaves"),
        InvalidValueError,
        "no scenario 'Rosendahl leaves'; scenarios are ['baseline']",
        "kein Szenario 'Rosendahl leaves'; Szenarien sind ['baseline']",
        id="an unknown scenario",
    ),
    case(
        lambda: compare(COESFELD, {"baseline": COESFELD}, [2023], PLAN),
        InvalidValueError,
        "the name 'baseline' is reserved for the baseline",
        "der Name 'baseline' ist der Basis vorbehalten",
        id="a variant named baseline",
    ),
    case(
        lambda: compare(COESFELD, {"Musterland": EXAMPLE}, [2024], PLAN),
        InvalidValueError,
        "scenario 'Musterland' has other parties than the baseline; compare agreements of the "
        "same parties",
        "das Szenario 'Musterland' hat andere Vertragsparteien als die Basis; vergleichen Sie "
        "Vereinbarungen mit denselben Vertragsparteien",
        id="a variant of other parties",
    ),
]

POLICIES = [
    case(
        lambda: Policies(withdrawal_scope="town"),
        InvalidValueError,
        "withdrawal_scope must be one of ['region', 'agreement'], got 'town'",
        "withdrawal_scope muss einer der Werte ['region', 'agreement'] sein, angegeben ist 'town'",
        id="an unknown policy value",
    ),
    case(
        lambda: Policies(
            population_reference=PopulationReference.YEAR_END_BEFORE_LAST
        ).population_reference.reference_day(2),
        InvalidValueError,
        "the population reference 'year-end-before-last' of 2 would lie before the year 1 (I9)",
        "der Stichtag der Einwohnerzahl nach 'year-end-before-last' läge für 2 vor dem Jahr 1 "
        "(I9)",
        id="a reference day before the year 1",
    ),
    case(
        lambda: Policies(withdrawal_scope="agreement", withdrawal_split="key"),
        InvalidValueError,
        "withdrawal_scope='agreement' cannot be combined with withdrawal_split='key': a split "
        "key belongs to one region and the keys of different regions cannot be compared; "
        "choose withdrawal_split='equal' or withdrawal_scope='region' (C12, I3, I11)",
        "withdrawal_scope='agreement' kann nicht mit withdrawal_split='key' kombiniert werden: "
        "ein Verteilungsschlüssel gehört zu einer Region, und die Schlüssel verschiedener "
        "Regionen lassen sich nicht vergleichen; wählen Sie withdrawal_split='equal' oder "
        "withdrawal_scope='region' (C12, I3, I11)",
        id="agreement scope with a split by key",
    ),
]


@pytest.mark.parametrize(
    ("call", "kind", "english", "german"), [*KEYS, *SPLITS, *PROJECTIONS, *SCENARIOS, *POLICIES]
)
def test_an_error_says_it_in_english_and_in_german(
    call: Callable[[], object], kind: type[KimCooperationError], english: str, german: str
) -> None:
    error = _raised(call, kind)
    assert str(error) == english
    assert error.describe("en") == english
    assert error.describe("de") == german


def test_a_key_s_days_are_listed_in_order_however_many() -> None:
    # The days are joined in halves, not in a chain: each one once, in order, in both languages.
    days = [dt.date(2000 + index, 12, 31) for index in range(7)]
    agreement = attrs.evolve(
        COESFELD,
        population=[PopulationCount(as_of=day, counts={BILLERBECK: 11_000}) for day in days],
    )
    error = _raised(
        lambda: population_of(agreement, BILLERBECK, dt.date(1999, 12, 31)),
        NoPopulationCountError,
    )
    assert f"its counts are as of {', '.join(map(str, days))};" in str(error)
    german = ", ".join(f"31.12.{day.year}" for day in days)
    assert f"die Einwohnerzahlen dieser Kommune haben den Stand {german};" in error.describe("de")


def test_an_error_pickles_with_its_german_text() -> None:
    import pickle

    error = _raised(
        lambda: population_of(EXAMPLE, "Altenau", dt.date(2020, 12, 31)), NoPopulationCountError
    )
    restored = pickle.loads(pickle.dumps(error))
    assert str(restored) == str(error)
    assert restored.describe("de") == error.describe("de")


# --------------------------------------------------------------------------- the command line


def _agreement_file(tmp_path: Path, old: str, new: str) -> str:
    """The example's agreement file with ``old`` replaced by ``new``, written to ``tmp_path``."""
    text = EXAMPLE_FILE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "agreement.toml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return str(path)


def _stderr(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err


def test_the_command_line_names_a_missing_count_in_german(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first = (
        "[[population]]\nas_of = 2023-12-31\ncounts = { Altenau = 21310, Dornbach = 8420, "
        '"Kesselbrück" = 12950, "Lindenhöhe" = 5070 }\nsource = "Erfundene Beispielzahlen"\n'
    )
    path = _agreement_file(tmp_path, first, "")
    german = _stderr(capsys, "--agreement", path, "settle", "--year", "2024", "--lang", "de")
    assert german == (
        "kim-cooperation: Fehler: die Region 'Nord' wird nach Einwohnerzahl verteilt, aber für "
        "Altenau gibt es keine Einwohnerzahl für 2024: ihr Verteilungsschlüssel verwendet die "
        "letzte Einwohnerzahl mit Stand am oder vor dem 31.12.2023 "
        "(population_reference='previous-year-end'); die Einwohnerzahlen dieser Kommune haben "
        "den Stand 31.12.2024, 31.12.2025; ergänzen Sie eine Einwohnerzählung [[population]] "
        "mit Stand an diesem Tag oder früher (C4, I9)\n"
    )
    english = _stderr(capsys, "--agreement", path, "settle", "--year", "2024", "--lang", "en")
    assert english == (
        "kim-cooperation: error: region 'Nord' is split by population, but Altenau has no count "
        "for 2024: its key uses the latest count on or before 2023-12-31 "
        "(population_reference='previous-year-end'); its counts are as of 2024-12-31, "
        "2025-12-31; add a [[population]] count as of that day or earlier (C4, I9)\n"
    )


def test_the_command_line_refuses_weights_all_zero_in_german(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _agreement_file(
        tmp_path,
        'weights = { Brunnfeld = 2, Eichhagen = 1, Fuchsberg = 1, "Grünwald" = "1/2" }',
        'weights = { Brunnfeld = 0, Eichhagen = 0, Fuchsberg = 0, "Grünwald" = 0 }',
    )
    german = _stderr(capsys, "--agreement", path, "settle", "--year", "2024", "--lang", "de")
    assert german == (
        f"kim-cooperation: Fehler: die Vereinbarungsdatei {path!r} hat 1 Problem: "
        "regions[1].weights: die Gewichte eines Verteilungsschlüssels dürfen nicht alle null "
        "sein; geben Sie mindestens einer Kommune ein positives Gewicht (C4, I9)\n"
    )


def test_the_command_line_refuses_policies_that_do_not_fit_in_german(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _agreement_file(
        tmp_path,
        'withdrawal_scope = "region"\npart_year_funding = "twelfths"\n'
        'wind_down_scope = "last-members"\npopulation_reference = "previous-year-end"\n'
        'span_weighting = "months"\nwithdrawal_split = "equal"',
        'withdrawal_scope = "agreement"\npart_year_funding = "twelfths"\n'
        'wind_down_scope = "last-members"\npopulation_reference = "previous-year-end"\n'
        'span_weighting = "months"\nwithdrawal_split = "key"',
    )
    german = _stderr(capsys, "--agreement", path, "project", "--from", "2024", "--to", "2025")
    assert german == (
        f"kim-cooperation: Fehler: die Vereinbarungsdatei {path!r} hat 1 Problem: policies: "
        "withdrawal_scope='agreement' kann nicht mit withdrawal_split='key' kombiniert werden: "
        "ein Verteilungsschlüssel gehört zu einer Region, und die Schlüssel verschiedener "
        "Regionen lassen sich nicht vergleichen; wählen Sie withdrawal_split='equal' oder "
        "withdrawal_scope='region' (C12, I3, I11)\n"
    )


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("de", "Fehler: eine Vorausschau umfasst höchstens 200 Jahre, angegeben sind 278"),
        ("en", "error: a projection covers at most 200 years, got 278"),
    ],
)
def test_the_command_line_refuses_too_many_years_in_its_language(
    capsys: pytest.CaptureFixture[str], lang: str, message: str
) -> None:
    err = _stderr(capsys, "project", "--from", "2023", "--to", "2300", "--lang", lang)
    assert err == f"kim-cooperation: {message}\n"
