"""An explanation takes every word from the catalogue, and reads as before in both languages.

Three checks:

* with a stand-in catalogue that brackets each text it is asked for, nothing
  but data (names, labels, sources, amounts, dates, clause ids) is left
  outside the brackets in any step of explanations of many kinds: no text of
  `kim_cooperation.explanation` bypasses the catalogue;
* those explanations ask the catalogue for every text the module marks, so
  the first check sees each of them (the one exception cannot occur, see
  `UNREACHABLE`);
* the steps whose German and English differ most in structure (texts chosen
  whole by a condition rather than put together) are pinned in German and
  English, as they read before the explanation moved to the catalogue.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import kim_cooperation.explanation as explanation_module
import kim_cooperation.explanation._sentences as sentences_module
from catalogue_check import outside_the_catalogue
from kim_cooperation import explain, presets, scenario, settle
from kim_cooperation.agreement import Agreement
from kim_cooperation.costs import CostStatement
from kim_cooperation.formatting import Lang
from kim_cooperation.i18n import translate
from kim_cooperation.keys import PopulationCount
from kim_cooperation.notice import NoticeTerms
from kim_cooperation.policy import (
    PartYearFunding,
    PopulationReference,
    ShareBasis,
    SpanWeighting,
    WithdrawalScope,
)
from kim_cooperation.settlement import Settlement

PLANS = presets.example_cost_plans()
PLAN_2026 = PLANS[2026]
COESFELD_PLAN = presets.coesfeld_cost_plan_2023()

UNREACHABLE = {"1 day"}
"""Marked texts no settlement can ask for: a span is a whole number of months, so never 1 day."""


# --------------------------------------------------------------------------- the cases


def _policies(agreement: Agreement, **changes: Any) -> Agreement:
    return agreement.with_policies(attrs.evolve(agreement.policies, **changes))


def _without_funding(agreement: Agreement, day: dt.date) -> Agreement:
    return scenario.loss_of_funding(agreement, day)


def two_handovers() -> Agreement:
    """Region Ost employed by Brunnfeld to March, Eichhagen to June, Fuchsberg from July 2026."""
    return (
        presets.example()
        .give_notice("Brunnfeld", dt.date(2025, 9, 30), successor="Eichhagen")
        .give_notice("Eichhagen", dt.date(2025, 12, 31), successor="Fuchsberg")
    )


def coesfeld_alone() -> Agreement:
    """Region Nord after its three other towns have left in 2025: Coesfeld bears it alone."""
    agreement = presets.coesfeld()
    for town in ("Billerbeck", "Havixbeck", "Rosendahl"):
        agreement = agreement.give_notice(town, dt.date(2024, 6, 28))
    return agreement


def monthly_terms() -> Agreement:
    """Notice of one month to a month's end: towns leave at the end of many months of 2026."""
    example = attrs.evolve(
        presets.example(), notice_terms=NoticeTerms(months=1, period_end="month")
    )
    return example.give_notices(
        {
            "Immental": dt.date(2026, 1, 5),  # leaves on 28 February
            "Grünwald": dt.date(2026, 3, 10),  # 30 April
            "Fuchsberg": dt.date(2026, 4, 10),  # 31 May
            "Dornbach": dt.date(2026, 7, 6),  # 31 August
            "Kesselbrück": dt.date(2026, 8, 5),  # 30 September
            "Lindenhöhe": dt.date(2026, 9, 7),  # 31 October
            "Eichhagen": dt.date(2026, 10, 5),  # 30 November
        }
    )


def counted_apart() -> Agreement:
    """Altenau counted again on 30 June 2026, the other towns of Nord last on 31 December 2025."""
    example = presets.example()
    altenau = example.party("Altenau")
    extra = PopulationCount(
        as_of=dt.date(2026, 6, 30), counts={altenau: 21600}, source="Eigene Zählung"
    )
    return example.with_population((*example.population, extra))


def uncited() -> Agreement:
    """The example's counts of inhabitants without their source."""
    example = presets.example()
    return example.with_population(
        attrs.evolve(count, source=None) for count in example.population
    )


def small_costs(agreement: Agreement) -> dict[str, CostStatement]:
    """Costs below the funding in every region: a surplus (I6)."""
    return {region.name: CostStatement(personnel=Decimal(500)) for region in agreement.regions}


def odd_costs(plan: Mapping[str, CostStatement]) -> dict[str, CostStatement]:
    """The plan with a few cents more, so that cents are left over (I2)."""
    return {
        name: attrs.evolve(costs, personnel=costs.personnel + Decimal("0.07"))
        for name, costs in plan.items()
    }


CASES: dict[str, Callable[[], Settlement]] = {
    "coesfeld 2023": lambda: settle(presets.coesfeld(), 2023, COESFELD_PLAN),
    "coesfeld planning costs": lambda: settle(
        presets.coesfeld(), 2023, presets.coesfeld_planning_costs_2023()
    ),
    "coesfeld after a notice": lambda: settle(
        presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30)), 2026, COESFELD_PLAN
    ),
    "coesfeld alone": lambda: settle(coesfeld_alone(), 2026, COESFELD_PLAN),
    "coesfeld alone without funding": lambda: settle(
        _without_funding(coesfeld_alone(), dt.date(2026, 1, 1)), 2026, COESFELD_PLAN
    ),
    "coesfeld, cents left over": lambda: settle(
        presets.coesfeld(), 2023, odd_costs(COESFELD_PLAN)
    ),
    "coesfeld, surplus": lambda: settle(presets.coesfeld(), 2023, small_costs(presets.coesfeld())),
    "example 2024, part-year posts": lambda: settle(presets.example(), 2024, PLANS[2024]),
    "example 2026, cents left over": lambda: settle(presets.example(), 2026, odd_costs(PLAN_2026)),
    "example, a town leaves within the year": lambda: settle(
        presets.example().give_notice("Fuchsberg", dt.date(2025, 9, 30)), 2026, PLAN_2026
    ),
    "example, shares passing by the key": lambda: settle(
        _policies(
            presets.example().give_notice("Fuchsberg", dt.date(2025, 9, 30)),
            withdrawal_split=ShareBasis.KEY,
        ),
        2027,
        PLAN_2026,
    ),
    "example, shares passing by the key within the year": lambda: settle(
        _policies(
            presets.example().give_notice("Fuchsberg", dt.date(2025, 9, 30)),
            withdrawal_split=ShareBasis.KEY,
            span_weighting=SpanWeighting.DAYS,
        ),
        2026,
        PLAN_2026,
    ),
    "example, a town left the year before": lambda: settle(
        presets.example().give_notice("Fuchsberg", dt.date(2025, 9, 30)), 2027, PLAN_2026
    ),
    "example, equal parts passing": lambda: settle(
        presets.example().give_notice("Immental", dt.date(2025, 9, 30)), 2026, PLAN_2026
    ),
    "example, two handovers": lambda: settle(two_handovers(), 2026, PLAN_2026),
    "example, without funding": lambda: settle(
        _without_funding(presets.example(), dt.date(2026, 1, 1)), 2026, PLAN_2026
    ),
    "example, without funding, by the key": lambda: settle(
        _policies(
            _without_funding(presets.example(), dt.date(2026, 1, 1)),
            no_funding_split=ShareBasis.KEY,
        ),
        2026,
        PLAN_2026,
    ),
    "example, funding ends within the year": lambda: settle(
        _without_funding(presets.example(), dt.date(2026, 7, 1)), 2026, PLAN_2026
    ),
    "example, funded by days, rate raised within the year": lambda: settle(
        _policies(presets.example(), part_year_funding=PartYearFunding.DAYS), 2026, PLAN_2026
    ),
    "example, funded by days, 2024": lambda: settle(
        _policies(presets.example(), part_year_funding=PartYearFunding.DAYS), 2024, PLANS[2024]
    ),
    "example, funded by days, a post ended": lambda: settle(
        _policies(presets.example(), part_year_funding=PartYearFunding.DAYS), 2028, PLAN_2026
    ),
    "example, rate raised, a post ended": lambda: settle(
        scenario.rate_change(presets.example(), 57000, dt.date(2027, 4, 1)), 2028, PLAN_2026
    ),
    "example, a post ends within the year": lambda: settle(
        scenario.rate_change(presets.example(), 57000, dt.date(2027, 4, 1)), 2027, PLAN_2026
    ),
    "example, literal reading of C12": lambda: settle(
        _policies(
            presets.example().give_notice("Immental", dt.date(2025, 9, 30)),
            withdrawal_scope=WithdrawalScope.AGREEMENT,
        ),
        2026,
        PLAN_2026,
    ),
    "example, literal reading of C12, the year after": lambda: settle(
        _policies(
            presets.example().give_notice("Immental", dt.date(2024, 9, 30)),
            withdrawal_scope=WithdrawalScope.AGREEMENT,
        ),
        2026,
        PLAN_2026,
    ),
    "example, counts without a source": lambda: settle(uncited(), 2026, PLAN_2026),
    "example, employer alone after a handover": lambda: settle(
        presets.example().give_notice("Haselstein", dt.date(2025, 9, 30), successor="Immental"),
        2026,
        PLAN_2026,
    ),
    "example, funded by days, rate raised in a year of new posts": lambda: settle(
        _policies(
            scenario.rate_change(presets.example(), 57000, dt.date(2024, 7, 1)),
            part_year_funding=PartYearFunding.DAYS,
        ),
        2024,
        PLANS[2024],
    ),
    "example, surplus": lambda: settle(presets.example(), 2026, small_costs(presets.example())),
    "example, notice of one month": lambda: settle(monthly_terms(), 2026, PLAN_2026),
    "example, counted on different days": lambda: settle(counted_apart(), 2027, PLAN_2026),
    "example, counts of mid-year": lambda: settle(
        _policies(presets.example(), population_reference=PopulationReference.PREVIOUS_MID_YEAR),
        2026,
        PLAN_2026,
    ),
    "example, counts of the year before last": lambda: settle(
        _policies(
            presets.example(), population_reference=PopulationReference.YEAR_END_BEFORE_LAST
        ),
        2026,
        PLAN_2026,
    ),
}


def _explained(settlement: Settlement, lang: Lang) -> Iterable[str]:
    for settled in settlement.regions:
        for party in settled.region.members:
            yield from (step.render() for step in explain(settlement, party, lang=lang).steps)


# --------------------------------------------------------------------------- the catalogue

FIELD = re.compile(r"(\{\w+\})")


def _bracketed(template: str, lang: str) -> str:
    """The stand-in catalogue: each piece of ``template`` between its fields in brackets.

    The fields stay outside the brackets, so that what fills them is checked
    too: a value put together from English words would be found.
    """
    assert lang == "en"
    pieces = FIELD.split(template)
    return "".join(
        piece if index % 2 else f"⟦{piece}⟧" for index, piece in enumerate(pieces) if piece
    )


def _data_of(settlement: Settlement) -> set[str]:
    agreement = settlement.agreement
    return {
        *(region.name for region in agreement.regions),
        *(party.name for party in agreement.parties),
        *(party.title for party in agreement.parties),
        *(post.label for post in agreement.posts),
        *(count.source for count in agreement.population if count.source),
        # The policy's value, as a user writes it in a file: a code word, not a text.
        *(reference.value for reference in PopulationReference),
        *(
            item.label
            for region in settlement.regions
            for item, amount in region.costs.items()
            if amount
        ),
    }


def _marked() -> set[str]:
    """The texts `kim_cooperation.explanation` marks with ``N_``, read from every file of it."""
    package = Path(explanation_module.__file__).parent
    return {
        node.args[0].value
        for path in sorted(package.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "N_"
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    }


@pytest.mark.parametrize("name", list(CASES))
def test_every_word_of_an_explanation_comes_from_the_catalogue(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    settlement = CASES[name]()
    monkeypatch.setattr(sentences_module, "translate", _bracketed)
    data = _data_of(settlement)
    for line in _explained(settlement, "en"):
        assert outside_the_catalogue(line, data) == [], line


def test_the_cases_ask_for_every_text_of_the_module(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: set[str] = set()

    def recording(template: str, lang: Lang) -> str:
        asked.add(template)
        return translate(template, lang)

    monkeypatch.setattr(sentences_module, "translate", recording)
    for case in CASES.values():
        list(_explained(case(), "en"))
    # The error for a wrong language is a message, not a step: it is built, never translated here.
    marked = _marked() - UNREACHABLE - {"lang must be 'de' or 'en', got {value}"}
    # The title of the explanation's table is the exports' (`explanation._table`), not a step's.
    marked -= {"Own share of {town} in {year}, explained"}
    assert sorted(marked - asked) == []


def test_the_check_finds_a_text_outside_the_catalogue() -> None:
    text = "⟦Costs⟧ €5 (C8)\n  Billerbeck pays Coesfeld"
    assert outside_the_catalogue(text, {"Billerbeck", "Coesfeld"}) == ["pays"]


def test_the_check_finds_english_words_in_a_field() -> None:
    template = _bracketed("In {year} {names} bear it", "en")
    assert template == "⟦In ⟧{year}⟦ ⟧{names}⟦ bear it⟧"
    text = template.format(year=2026, names="Billerbeck and Coesfeld")
    assert outside_the_catalogue(text, {"Billerbeck", "Coesfeld"}) == ["and"]


# --------------------------------------------------------------------------- as they read

PINNED = [
    pytest.param(
        "example 2024, part-year posts",
        "Haselstein",
        "Förderung der Stelle „West 1“: 1 VZÄ × 55.000 € × 8/12 (Mai–Dezember) = 36.666,666… €; gefördert wird je voll besetztem Kalendermonat ein Zwölftel des Satzes (I7)",
        "Funding of post “West 1”: 1 FTE × €55,000 × 8/12 (May–December) = €36,666.666…; one twelfth of the rate is paid per calendar month filled in full (I7)",
        id="by months, part of the year",
    ),
    pytest.param(
        "example, funded by days, rate raised in a year of new posts",
        "Altenau",
        "Förderung der Stelle „Nord 1“: 1 VZÄ × Satz des Tages / 366 für 366 besetzte Tage zu den Sätzen 55.000 € und 57.000 € = 56.005,464… € (I7)",
        "Funding of post “Nord 1”: 1 FTE × the day's rate / 366 for 366 days filled at the rates €55,000 and €57,000 = €56,005.464… (I7)",
        id="by days, two rates, the whole year",
    ),
    pytest.param(
        "example, funded by days, rate raised in a year of new posts",
        "Altenau",
        "Förderung der Stelle „Nord 2“: 0,5 VZÄ × Satz des Tages / 366 für 306 besetzte Tage zu den Sätzen 55.000 € und 57.000 € = 23.494,535… €; gefördert wird je besetztem Tag der Satz geteilt durch die Tage des Jahres (Regel part_year_funding=days) (I7)",
        "Funding of post “Nord 2”: 0.5 FTE × the day's rate / 366 for 306 days filled at the rates €55,000 and €57,000 = €23,494.535…; each day filled earns the rate divided by the days of the year (policy part_year_funding=days) (I7)",
        id="by days, two rates, part of the year",
    ),
    pytest.param(
        "example, funded by days, 2024",
        "Haselstein",
        "Förderung der Stelle „West 1“: 1 VZÄ × 55.000 € × 261/366 = 39.221,311… €; gefördert wird je besetztem Tag der Satz geteilt durch die Tage des Jahres (Regel part_year_funding=days) (I7)",
        "Funding of post “West 1”: 1 FTE × €55,000 × 261/366 = €39,221.311…; each day filled earns the rate divided by the days of the year (policy part_year_funding=days) (I7)",
        id="by days, one rate, part of the year",
    ),
    pytest.param(
        "example, without funding",
        "Haselstein",
        "2026 tragen 2 Kommunen der Region West den Eigenanteil zu gleichen Teilen: Haselstein und Immental, ohne Förderung innerhalb der Region und an deren Anstellungskörperschaft (Auslegung I4) (C10)",
        "In 2026 the 2 towns of Region West bear the own share in equal parts: Haselstein and Immental, without funding within the region and paid to its employer (interpretation I4) (C10)",
        id="equal parts without funding",
    ),
    pytest.param(
        "example, without funding",
        "Brunnfeld",
        "Ohne Förderung tragen die Kommunen die Kosten je im gleichen Umfang, also zu gleichen Teilen statt nach dem Schlüssel der Region Ost (feste Anteile) (Regel no_funding_split=equal) (I12)",
        "Without funding the towns bear the costs to the same extent, that is in equal parts instead of by the key of Region Ost (fixed weights) (policy no_funding_split=equal) (I12)",
        id="fixed weights given up without funding",
    ),
    pytest.param(
        "example, without funding",
        "Altenau",
        "Ohne Förderung tragen die Kommunen die Kosten je im gleichen Umfang, also zu gleichen Teilen statt nach dem Schlüssel der Region Nord (Einwohnerschlüssel) (Regel no_funding_split=equal) (I12)",
        "Without funding the towns bear the costs to the same extent, that is in equal parts instead of by the key of Region Nord (population) (policy no_funding_split=equal) (I12)",
        id="population given up without funding",
    ),
    pytest.param(
        "coesfeld alone without funding",
        "Coesfeld",
        "2026 trägt Coesfeld als einzige verbliebene Kommune der Region Nord den Eigenanteil allein, ohne Förderung innerhalb der Region und an deren Anstellungskörperschaft (Auslegung I4) (C10)",
        "In 2026 Coesfeld, the only town left in Region Nord, bears the own share alone, without funding within the region and paid to its employer (interpretation I4) (C10)",
        id="one town alone without funding",
    ),
    pytest.param(
        "coesfeld alone",
        "Coesfeld",
        "Coesfeld ist 2026 die einzige Kommune der Region und stellt niemandem etwas in Rechnung: 0 € (C9)",
        "Coesfeld is the only town of the region in 2026 and bills nobody: €0 (C9)",
        id="the only town bills nobody",
    ),
    pytest.param(
        "coesfeld, cents left over",
        "Billerbeck",
        "Übrige Cents gehen an die größten Reste; alle Reste sind gleich (je 0,75 Cent), also zuerst an die Anstellungskörperschaft, dann nach AGS, in der Reihenfolge Coesfeld, Billerbeck, Havixbeck, Rosendahl; Billerbeck erhält einen: 8.125,01 € + 0,01 € = 8.125,02 € (I2)",
        "Left-over cents go to the largest remainders; all remainders are equal (0.75 cent each), so the employer comes first, then the towns by AGS, in the order Coesfeld, Billerbeck, Havixbeck, Rosendahl; Billerbeck receives one: €8,125.01 + €0.01 = €8,125.02 (I2)",
        id="equal remainders, a cent received",
    ),
    pytest.param(
        "coesfeld after a notice",
        "Billerbeck",
        "Übrige Cents gehen an die größten Reste; alle Reste sind gleich (je 1/3 Cent), also zuerst an die Anstellungskörperschaft, dann nach AGS, in der Reihenfolge Coesfeld, Billerbeck, Havixbeck; Billerbeck erhält keinen, sie gehen an Coesfeld; der Anteil von Billerbeck beträgt 10.833,33 € (I2)",
        "Left-over cents go to the largest remainders; all remainders are equal (1/3 cent each), so the employer comes first, then the towns by AGS, in the order Coesfeld, Billerbeck, Havixbeck; Billerbeck receives none, they go to Coesfeld; the part of Billerbeck is €10,833.33 (I2)",
        id="equal remainders, no cent received",
    ),
    pytest.param(
        "coesfeld after a notice",
        "Billerbeck",
        "Rosendahl ist zum 31.12.2025 ausgeschieden; der Anteil von Rosendahl ist zu gleichen Teilen auf die verbleibenden Kommunen der Region Nord übergegangen (Auslegung I3) (C12)",
        "Rosendahl left on 31 December 2025; its share passed in equal parts to the remaining towns of Region Nord (interpretation I3) (C12)",
        id="a town left, equal parts",
    ),
    pytest.param(
        "example 2026, cents left over",
        "Grünwald",
        "Übrige Cents gehen an die größten Reste, bei gleichen Resten zuerst an die Anstellungskörperschaft, dann nach AGS; Grünwald hat einen Rest von 5/9 Cent; Grünwald erhält einen: 2.777,78 € + 0,01 € = 2.777,79 € (I2)",
        "Left-over cents go to the largest remainders, ties to the employer first, then by AGS; Grünwald has a remainder of 5/9 cent; Grünwald receives one: €2,777.78 + €0.01 = €2,777.79 (I2)",
        id="by weight, a cent received",
    ),
    pytest.param(
        "example 2026, cents left over",
        "Brunnfeld",
        "Übrige Cents gehen an die größten Reste, bei gleichen Resten zuerst an die Anstellungskörperschaft, dann nach AGS; Brunnfeld hat einen Rest von 2/9 Cent; Brunnfeld erhält keinen, sie gehen an Grünwald (5/9); der Anteil von Brunnfeld beträgt 11.111,14 € (I2)",
        "Left-over cents go to the largest remainders, ties to the employer first, then by AGS; Brunnfeld has a remainder of 2/9 cent; Brunnfeld receives none, they go to Grünwald (5/9); the part of Brunnfeld is €11,111.14 (I2)",
        id="by weight, no cent received",
    ),
    pytest.param(
        "example, a town left the year before",
        "Grünwald",
        "Fuchsberg ist zum 31.03.2026 ausgeschieden (C12); der Anteil von Fuchsberg nach dem Schlüssel ist zu gleichen Teilen auf die verbleibenden Kommunen der Region Ost übergegangen (Regel withdrawal_split=equal) (I11)",
        "Fuchsberg left on 31 March 2026 (C12); its part by the key passed in equal parts to the remaining towns of Region Ost (policy withdrawal_split=equal) (I11)",
        id="a town left, its part by the key in equal parts",
    ),
    pytest.param(
        "example, shares passing by the key",
        "Grünwald",
        "Fuchsberg ist zum 31.03.2026 ausgeschieden (C12); der Anteil von Fuchsberg ist im Verhältnis ihrer Schlüsselanteile auf die verbleibenden Kommunen der Region Ost übergegangen (Regel withdrawal_split=key) (I11)",
        "Fuchsberg left on 31 March 2026 (C12); its part passed to the remaining towns of Region Ost in proportion to their key (policy withdrawal_split=key) (I11)",
        id="a town left, its part by the key",
    ),
    pytest.param(
        "example, literal reading of C12, the year after",
        "Altenau",
        "Altenau gehört zur Region Nord mit 1,5 VZÄ; Anstellungskörperschaft ist die Stadt Altenau, abgerechnet wird das Haushaltsjahr 2026 (C2)",
        "Altenau belongs to Region Nord with 1.5 FTE; the employer is Stadt Altenau, and the year settled is 2026 (C2)",
        id="another region's own share",
    ),
    pytest.param(
        "example, literal reading of C12, the year after",
        "Altenau",
        "Immental ist zum 31.03.2025 ausgeschieden; der Anteil von Immental ist zu gleichen Teilen auf alle verbleibenden Vertragsparteien übergegangen (Auslegung I3, wörtliche Lesart) (C12)",
        "Immental left on 31 March 2025; its share passed in equal parts to all remaining parties of the agreement (interpretation I3, literal reading) (C12)",
        id="a town left, to all parties",
    ),
    pytest.param(
        "example, literal reading of C12, the year after",
        "Altenau",
        "Altenau trägt 2026 insgesamt 9.391,18 € (Region Nord) + 555,56 € (Region West) = 9.946,74 € (C12)",
        "In 2026 Altenau bears €9,391.18 (Region Nord) + €555.56 (Region West) = €9,946.74 in all (C12)",
        id="parts of several regions",
    ),
    pytest.param(
        "example, notice of one month",
        "Altenau",
        "Zeitraum 2: 01.09.2026 bis 30.09.2026, 1 Monat, Gewicht 1/12; Mitglieder Altenau, Kesselbrück und Lindenhöhe; Anstellungskörperschaft Altenau; ausgeschieden zum 31.08.2026: Dornbach, der Anteil nach dem Schlüssel geht zu gleichen Teilen auf die verbleibenden Kommunen über (Regel withdrawal_split=equal); Anteile am Zeitraum: Altenau 2923/5784, Kesselbrück 2387/7230 und Lindenhöhe 4757/28920 (I11)",
        "Span 2: 1 September 2026 to 30 September 2026, 1 month, weight 1/12; members Altenau, Kesselbrück and Lindenhöhe; employer Altenau; left on 31 August 2026: Dornbach, the share by the key passes in equal parts to the remaining towns (policy withdrawal_split=equal); shares of the span: Altenau 2923/5784, Kesselbrück 2387/7230 and Lindenhöhe 4757/28920 (I11)",
        id="a span of one month",
    ),
    pytest.param(
        "example, notice of one month",
        "Altenau",
        "Zeitraum 3: 01.10.2026 bis 31.10.2026, 1 Monat, Gewicht 1/12; Mitglieder Altenau und Lindenhöhe; Anstellungskörperschaft Altenau; ausgeschieden zum 31.08.2026: Dornbach, der Anteil nach dem Schlüssel geht zu gleichen Teilen auf die verbleibenden Kommunen über (Regel withdrawal_split=equal); ausgeschieden zum 30.09.2026: Kesselbrück, der Anteil nach dem Schlüssel geht zu gleichen Teilen auf die verbleibenden Kommunen über (Regel withdrawal_split=equal); Anteile am Zeitraum: Altenau 6463/9640 und Lindenhöhe 3177/9640 (I11)",
        "Span 3: 1 October 2026 to 31 October 2026, 1 month, weight 1/12; members Altenau and Lindenhöhe; employer Altenau; left on 31 August 2026: Dornbach, the share by the key passes in equal parts to the remaining towns (policy withdrawal_split=equal); left on 30 September 2026: Kesselbrück, the share by the key passes in equal parts to the remaining towns (policy withdrawal_split=equal); shares of the span: Altenau 6463/9640 and Lindenhöhe 3177/9640 (I11)",
        id="a span after towns left on two days",
    ),
    pytest.param(
        "example, two handovers",
        "Grünwald",
        "Grünwald gehört zur Region Ost mit 2 VZÄ; Anstellungskörperschaft ist bis 31.03.2026 die Stadt Brunnfeld, vom 01.04.2026 bis 30.06.2026 die Gemeinde Eichhagen und ab 01.07.2026 die Gemeinde Fuchsberg, abgerechnet wird das Haushaltsjahr 2026 (C2)",
        "Grünwald belongs to Region Ost with 2 FTE; the employer is Stadt Brunnfeld until 31 March 2026, Gemeinde Eichhagen from 1 April 2026 to 30 June 2026 and Gemeinde Fuchsberg from 1 July 2026, and the year settled is 2026 (C2)",
        id="employers with their times",
    ),
    pytest.param(
        "example, two handovers",
        "Grünwald",
        "Förderung der Region Ost insgesamt, über den Kreis an Brunnfeld (bis 31.03.2026), Eichhagen (vom 01.04.2026 bis 30.06.2026) und Fuchsberg (ab 01.07.2026) gezahlt: 112.000 € (C5)",
        "Total funding of Region Ost, paid through the Kreis to Brunnfeld (until 31 March 2026), Eichhagen (from 1 April 2026 to 30 June 2026) and Fuchsberg (from 1 July 2026): €112,000 (C5)",
        id="funding paid to each employer",
    ),
    pytest.param(
        "example, counted on different days",
        "Altenau",
        "Einwohner nach der jeweils letzten Zählung (Quelle: Eigene Zählung; Erfundene Beispielzahlen): Altenau 21.600 (Stand 30.06.2026), Dornbach 8.410 (Stand 31.12.2025), Kesselbrück 13.110 (Stand 31.12.2025) und Lindenhöhe 5.125 (Stand 31.12.2025), zusammen 48.245 (I9)",
        "Inhabitants by each town's latest count (source: Eigene Zählung; Erfundene Beispielzahlen): Altenau 21,600 (as of 30 June 2026), Dornbach 8,410 (as of 31 December 2025), Kesselbrück 13,110 (as of 31 December 2025) and Lindenhöhe 5,125 (as of 31 December 2025), 48,245 in all (I9)",
        id="counts of different days",
    ),
    pytest.param(
        "example, counts without a source",
        "Altenau",
        "Einwohner am 31.12.2025 (Quelle: nicht angegeben): Altenau 21.555, Dornbach 8.410, Kesselbrück 13.110 und Lindenhöhe 5.125, zusammen 48.200 (I9)",
        "Inhabitants on 31 December 2025 (source: not given): Altenau 21,555, Dornbach 8,410, Kesselbrück 13,110 and Lindenhöhe 5,125, 48,200 in all (I9)",
        id="counts without a source",
    ),
    pytest.param(
        "example, counts of the year before last",
        "Altenau",
        "Schlüssel der Region Nord: Einwohnerzahlen (Einwohnerschlüssel); maßgeblich ist für jede Kommune die letzte Zählung bis zum Stichtag 31.12.2024, dem 31. Dezember des vorletzten Jahres (Regel population_reference=year-end-before-last) (I9)",
        "Split key of Region Nord: inhabitants (population key); for each town the latest count on or before the reference day 31 December 2024 is used, 31 December of the year before last (policy population_reference=year-end-before-last) (I9)",
        id="a reference day",
    ),
    pytest.param(
        "example, employer alone after a handover",
        "Immental",
        "Immental stellt als Anstellungskörperschaft ab 01.04.2026 niemandem etwas in Rechnung: 0 € (C9)",
        "As the employer from 1 April 2026, Immental bills nobody: €0 (C9)",
        id="an employer for part of the year bills nobody",
    ),
    pytest.param(
        "example, employer alone after a handover",
        "Immental",
        "Vom eigenen Anteil von 8.750 € trägt Immental 7.500 € als Anstellungskörperschaft ab 01.04.2026 selbst und zahlt 1.250 € an Haselstein (Anstellungskörperschaft bis 31.03.2026) (C9)",
        "Of its own part of €8,750, Immental bears €7,500 itself as the employer from 1 April 2026 and pays €1,250 to Haselstein (employer until 31 March 2026) (C9)",
        id="an employer for part of the year pays the one before",
    ),
    pytest.param(
        "example, shares passing by the key within the year",
        "Grünwald",
        "Weil 2026 Vertragsparteien innerhalb des Jahres ausscheiden, wird der Eigenanteil der Region Ost zeitanteilig auf 2 Zeiträume verteilt, gewichtet nach Tagen (Regel span_weighting=days); jeder Zeitraum wird nach dem Schlüssel auf seine Mitglieder verteilt, die Anteile je Kommune werden addiert und einmal gerundet (I10)",
        "As parties leave within 2026, the own share of Region Ost is spread over 2 spans pro rata temporis, weighed in days (policy span_weighting=days); each span is split by the key among its members, and each town's parts are added up and rounded once (I10)",
        id="spans weighed by days, by the key",
    ),
]
"""Steps told by texts chosen whole, or holding other texts, as they read before the catalogue."""


@pytest.mark.parametrize(("case", "party", "german", "english"), PINNED)
def test_a_step_reads_as_before(case: str, party: str, german: str, english: str) -> None:
    settlement = CASES[case]()
    languages: tuple[tuple[Lang, str], ...] = (("de", german), ("en", english))
    for lang, expected in languages:
        lines = [step.render() for step in explain(settlement, party, lang=lang).steps]
        assert expected in lines
