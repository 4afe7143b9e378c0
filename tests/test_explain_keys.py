"""`explain` for split keys and for years with a change of members (C4, C9, C12; I2, I9-I12).

The figures are derived by hand in each test, in integer cents and exact
fractions, from the invented example agreement (``presets.example()``) and
its cost plans:

* Region Nord splits by population, Region Ost by fixed weights
  Brunnfeld 2, Eichhagen 1, Fuchsberg 1, Grünwald 1/2 (sum 9/2).
* Ost 2026: costs 131,000 + 3,000 + 3,000 = 137,000.00; funding per post
  55,000 × 6/12 + 57,000 × 6/12 = 56,000, two posts 112,000.00; own share
  25,000.00 = 2,500,000 cents.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kim_cooperation import (
    Agreement,
    Clause,
    Explanation,
    ExplanationStep,
    Interpretation,
    Policies,
    Settlement,
    explain,
    presets,
    settle,
)
from kim_cooperation.export import to_csv, to_dict
from kim_cooperation.formatting import format_eur
from kim_cooperation.keys import PopulationCount

PLANS = presets.example_cost_plans()


def example() -> Agreement:
    return presets.example()


def handover() -> Agreement:
    """Brunnfeld, Ost's employer, leaves on 31 March 2026; Eichhagen employs from 1 April."""
    return example().give_notice("Brunnfeld", dt.date(2025, 9, 30), successor="Eichhagen")


def fuchsberg_leaves() -> Agreement:
    """Fuchsberg's notice, received 30 September 2025, ends its membership on 31 March 2026."""
    return example().give_notice("Fuchsberg", dt.date(2025, 9, 30))


def steps(explanation: Explanation, key: str) -> list[ExplanationStep]:
    return [step for step in explanation.steps if step.key == key]


def step(explanation: Explanation, key: str) -> ExplanationStep:
    (found,) = steps(explanation, key)
    return found


def texts(explanation: Explanation, *keys: str) -> list[str]:
    return [item.render() for item in explanation.steps if item.key in keys]


# --------------------------------------------------------------------------- population key


def test_population_key_names_the_reference_day_the_policy_and_the_counts() -> None:
    settlement = settle(example(), 2025, PLANS[2025])
    explanation = explain(settlement, "Dornbach")
    # Counts as of 31.12.2024: 21,480 + 8,395 + 13,020 + 5,105 = 48,000.
    assert texts(explanation, "key", "population", "members") == [
        "Schlüssel der Region Nord: Einwohnerzahlen (Einwohnerschlüssel); maßgeblich ist für "
        "jede Kommune die letzte Zählung bis zum Stichtag 31.12.2024, dem 31. Dezember des "
        "Vorjahres (Regel population_reference=previous-year-end) (I9)",
        "Einwohner am 31.12.2024 (Quelle: Erfundene Beispielzahlen): Altenau 21.480, Dornbach "
        "8.395, Kesselbrück 13.020 und Lindenhöhe 5.105, zusammen 48.000 (I9)",
        "2025 tragen 4 Kommunen den Eigenanteil der Region Nord nach dem Schlüssel zu diesen "
        "Teilen: Altenau 0,4475, Dornbach 1679/9600, Kesselbrück 0,27125 und Lindenhöhe "
        "1021/9600 (C4)",
    ]
    # Own share 102,000 - 82,500 = 19,500.00; 1,950,000 × 8,395/48,000 = 341,046.875 cents.
    # The remainders in cents: Altenau 0, Dornbach 0.875, Kesselbrück 0.5, Lindenhöhe 0.625;
    # the two left-over cents go to Dornbach and Lindenhöhe.
    assert step(explanation, "exact_share").text == (
        "Anteil von Dornbach genau: 19.500,00 € × 1679/9600 = 3.410,46875 €"
    )
    assert step(explanation, "part").amount == Decimal("3410.47")
    assert step(explanation, "payment").render() == (
        "Dornbach zahlt 3.410,47 € an die Anstellungskörperschaft Altenau, die einmal jährlich "
        "abrechnet (C9)"
    )
    assert settlement.own_share_of("Dornbach") == Decimal("3410.47")


def test_population_key_in_english() -> None:
    explanation = explain(settle(example(), 2025, PLANS[2025]), "Kesselbrück", lang="en")
    assert texts(explanation, "key", "population") == [
        "Split key of Region Nord: inhabitants (population key); for each town the latest "
        "count on or before the reference day 31 December 2024 is used, 31 December of the "
        "year before (policy population_reference=previous-year-end) (I9)",
        "Inhabitants on 31 December 2024 (source: Erfundene Beispielzahlen): Altenau 21,480, "
        "Dornbach 8,395, Kesselbrück 13,020 and Lindenhöhe 5,105, 48,000 in all (I9)",
    ]
    # 1,950,000 × 13,020/48,000 = 528,937.5 cents; remainder 0.5 gets no cent.
    assert step(explanation, "part").amount == Decimal("5289.37")


def test_another_reference_day_uses_an_older_count() -> None:
    agreement = example().with_policies(Policies(population_reference="previous-mid-year"))
    explanation = explain(settle(agreement, 2025, PLANS[2025]), "Altenau")
    key, population = texts(explanation, "key", "population")
    assert "Stichtag 30.06.2024, dem 30. Juni des Vorjahres" in key
    assert "(Regel population_reference=previous-mid-year)" in key
    # The latest count on or before 30.06.2024 is that of 31.12.2023.
    assert population.startswith("Einwohner am 31.12.2023 (Quelle: Erfundene Beispielzahlen): ")
    assert "Altenau 21.310" in population
    assert "zusammen 47.750 (I9)" in population  # 21,310 + 8,420 + 12,950 + 5,070


def test_counts_of_different_days_are_each_dated() -> None:
    base = example()
    nord = base.region("Nord")
    altenau, dornbach, kesselbrueck, lindenhoehe = nord.members
    counts = (
        PopulationCount(
            as_of=dt.date(2023, 12, 31),
            counts={altenau: 20000, dornbach: 8000, kesselbrueck: 12000, lindenhoehe: 5000},
        ),
        PopulationCount(as_of=dt.date(2024, 12, 31), counts={altenau: 21000}, source="Zensus"),
    )
    explanation = explain(settle(base.with_population(counts), 2025, PLANS[2025]), "Altenau")
    assert step(explanation, "population").render() == (
        "Einwohner nach der jeweils letzten Zählung (Quelle: Zensus): Altenau 21.000 (Stand "
        "31.12.2024), Dornbach 8.000 (Stand 31.12.2023), Kesselbrück 12.000 (Stand 31.12.2023) "
        "und Lindenhöhe 5.000 (Stand 31.12.2023), zusammen 46.000 (I9)"
    )


# --------------------------------------------------------------------------- fixed weights


def test_fixed_weights_with_each_towns_weight() -> None:
    settlement = settle(example(), 2025, PLANS[2025])
    explanation = explain(settlement, "Grünwald")
    assert texts(explanation, "key", "members") == [
        "Schlüssel der Region Ost: feste Anteile Brunnfeld 2, Eichhagen 1, Fuchsberg 1 und "
        "Grünwald 0,5, zusammen 4,5 (I9)",
        "2025 tragen 4 Kommunen den Eigenanteil der Region Ost nach dem Schlüssel zu diesen "
        "Teilen: Brunnfeld 4/9, Eichhagen 2/9, Fuchsberg 2/9 und Grünwald 1/9 (C4)",
    ]
    # 26,000.00 × 1/9 = 288,888.88… cents; remainders 4/9 (B), 7/9 (E, F, G): E, F, G get one.
    assert step(explanation, "part").amount == Decimal("2888.89")
    english = explain(settlement, "Grünwald", lang="en")
    assert step(english, "key").render() == (
        "Split key of Region Ost: fixed weights Brunnfeld 2, Eichhagen 1, Fuchsberg 1 and "
        "Grünwald 0.5, 4.5 in all (I9)"
    )


def test_equal_parts_keep_their_old_steps() -> None:
    explanation = explain(settle(example(), 2025, PLANS[2025]), "Immental")
    assert not steps(explanation, "key")
    assert not steps(explanation, "spans")
    assert step(explanation, "members").render() == (
        "2025 tragen 2 Kommunen der Region West den Eigenanteil zu gleichen Teilen: Haselstein "
        "und Immental (C4)"
    )


# --------------------------------------------------------------------------- spans


def test_a_town_leaving_on_31_march_is_explained_span_by_span() -> None:
    settlement = settle(fuchsberg_leaves(), 2026, PLANS[2026])
    explanation = explain(settlement, "Fuchsberg")
    assert texts(explanation, "spans", "span", "year_share") == [
        "Weil 2026 Vertragsparteien innerhalb des Jahres ausscheiden, wird der Eigenanteil der "
        "Region Ost zeitanteilig auf 2 Zeiträume verteilt, gewichtet nach Kalendermonaten "
        "(Regel span_weighting=months); jeder Zeitraum wird nach dem Schlüssel auf seine "
        "Mitglieder verteilt, die Anteile je Kommune werden addiert und einmal gerundet (I10)",
        "Zeitraum 1: 01.01.2026 bis 31.03.2026, 3 Monate, Gewicht 3/12 = 1/4; Mitglieder "
        "Brunnfeld, Eichhagen, Fuchsberg und Grünwald; Anstellungskörperschaft Brunnfeld; "
        "Anteile am Zeitraum: Brunnfeld 4/9, Eichhagen 2/9, Fuchsberg 2/9 und Grünwald 1/9 (C4)",
        # Fuchsberg's 2/9 passes in equal parts: 2/27 to each of the three others.
        "Zeitraum 2: 01.04.2026 bis 31.12.2026, 9 Monate, Gewicht 9/12 = 3/4; Mitglieder "
        "Brunnfeld, Eichhagen und Grünwald; Anstellungskörperschaft Brunnfeld; ausgeschieden "
        "zum 31.03.2026: Fuchsberg, der Anteil nach dem Schlüssel geht zu gleichen Teilen auf "
        "die verbleibenden Kommunen über (Regel withdrawal_split=equal); Anteile am Zeitraum: "
        "Brunnfeld 14/27, Eichhagen 8/27 und Grünwald 5/27 (I11)",
        "Anteil von Fuchsberg am Eigenanteil 2026: 1/4 × 2/9 = 1/18 (I10)",
    ]
    # 2,500,000 / 18 = 138,888.88… cents: floor 138,888, remainder 8/9, the largest: one cent.
    assert step(explanation, "exact_share").text == (
        "Anteil von Fuchsberg genau: 25.000,00 € × 1/18 = 1.388,888… €"
    )
    assert step(explanation, "part").amount == Decimal("1388.89")
    assert step(explanation, "payment").amount == Decimal("1388.89")
    assert settlement.own_share_of("Fuchsberg") == Decimal("1388.89")


def test_year_share_of_a_town_that_stays_sums_the_spans() -> None:
    explanation = explain(settle(fuchsberg_leaves(), 2026, PLANS[2026]), "Brunnfeld", lang="en")
    # 1/4 × 4/9 + 3/4 × 14/27 = 1/9 + 7/18 = 1/2; 2,500,000 / 2 = 1,250,000 cents exactly.
    assert step(explanation, "year_share").render() == (
        "Share of Brunnfeld in the own share of 2026: 1/4 × 4/9 + 3/4 × 14/27 = 1/9 + 7/18 = "
        "1/2 (I10)"
    )
    assert step(explanation, "bears").amount == Decimal("12500.00")
    assert step(explanation, "billing").render() == (
        "As the employer, Brunnfeld bills once a year: Eichhagen €6,944.44, Fuchsberg €1,388.89 "
        "and Grünwald €4,166.67, €12,500 in all (C9)"
    )


def test_spans_weighed_in_days_and_passed_on_by_the_key() -> None:
    agreement = fuchsberg_leaves().with_policies(
        Policies(span_weighting="days", withdrawal_split="key")
    )
    explanation = explain(settle(agreement, 2026, PLANS[2026]), "Grünwald", lang="en")
    first, second = steps(explanation, "span")
    # 90 and 275 of the 365 days of 2026.
    assert "90 days, weight 90/365 = 18/73" in first.text
    assert "275 days, weight 275/365 = 55/73" in second.text
    # By the key: Brunnfeld 2, Eichhagen 1, Grünwald 1/2 of 7/2.
    assert second.text.endswith(
        "shares of the span: Brunnfeld 4/7, Eichhagen 2/7 and Grünwald 1/7"
    )
    assert "(policy withdrawal_split=key)" in second.text
    assert second.clause is Interpretation.I11
    assert step(explanation, "spans").text.startswith(
        "As parties leave within 2026, the own share of Region Ost is spread over 2 spans pro "
        "rata temporis, weighed in days (policy span_weighting=days)"
    )
    # 18/73 × 1/9 + 55/73 × 1/7 = 2/73 + 55/511 = 69/511.
    assert step(explanation, "year_share").text.endswith(
        "18/73 × 1/9 + 55/73 × 1/7 = 2/73 + 55/511 = 69/511"
    )


def test_a_year_after_the_town_left_names_i11() -> None:
    explanation = explain(settle(fuchsberg_leaves(), 2027, PLANS[2026]), "Grünwald")
    left = step(explanation, "left")
    assert left.clause is Interpretation.I11
    assert left.text == (
        "Fuchsberg ist zum 31.03.2026 ausgeschieden (C12); der Anteil von Fuchsberg nach dem "
        "Schlüssel ist zu gleichen Teilen auf die verbleibenden Kommunen der Region Ost "
        "übergegangen (Regel withdrawal_split=equal)"
    )
    assert step(explanation, "members").clause is Clause.C12
    gone = explain(settle(fuchsberg_leaves(), 2027, PLANS[2026]), "Fuchsberg")
    assert step(gone, "part").amount == Decimal("0.00")


# --------------------------------------------------------------------------- handover


def test_a_successor_employer_within_the_year() -> None:
    settlement = settle(handover(), 2026, PLANS[2026])
    eichhagen = explain(settlement, "Eichhagen")
    assert step(eichhagen, "region").render() == (
        "Eichhagen gehört zur Region Ost mit 2 VZÄ; Anstellungskörperschaft ist bis 31.03.2026 "
        "die Stadt Brunnfeld und ab 01.04.2026 die Gemeinde Eichhagen, abgerechnet wird das "
        "Haushaltsjahr 2026 (C2)"
    )
    assert "an Brunnfeld (bis 31.03.2026) und Eichhagen (ab 01.04.2026) gezahlt" in (
        step(eichhagen, "funding").text
    )
    # Brunnfeld's 4/9 passes in equal parts: 4/27 each; Eichhagen 2/9 + 4/27 = 10/27.
    second = steps(eichhagen, "span")[1]
    assert "Anstellungskörperschaft Eichhagen" in second.text
    assert second.text.endswith("Eichhagen 10/27, Fuchsberg 10/27 und Grünwald 7/27")
    # 1/4 × 2/9 + 3/4 × 10/27 = 1/18 + 5/18 = 1/3; 2,500,000 / 3: 833,333 cents.
    assert step(eichhagen, "year_share").text.endswith("= 1/18 + 5/18 = 1/3")
    # Its part divided over the employers by 1/18 : 5/18: 138,888.83… and 694,444.16…
    # cents; the left-over cent to the larger remainder, Brunnfeld's line.
    assert step(eichhagen, "billing").render() == (
        "Eichhagen stellt als Anstellungskörperschaft ab 01.04.2026 in Rechnung: Fuchsberg "
        "6.944,44 € und Grünwald 4.861,11 €, zusammen 11.805,55 € (C9)"
    )
    bears = step(eichhagen, "bears")
    assert bears.amount == Decimal("8333.33") == settlement.own_share_of("Eichhagen")
    assert bears.render() == (
        "Vom eigenen Anteil von 8.333,33 € trägt Eichhagen 6.944,44 € als "
        "Anstellungskörperschaft ab 01.04.2026 selbst und zahlt 1.388,89 € an Brunnfeld "
        "(Anstellungskörperschaft bis 31.03.2026) (C9)"
    )


def test_the_leaving_employer_bills_its_span() -> None:
    settlement = settle(handover(), 2026, PLANS[2026])
    brunnfeld = explain(settlement, "Brunnfeld", lang="en")
    # 2,500,000 / 9 = 277,777.77… cents: one left-over cent (remainder 7/9).
    assert step(brunnfeld, "billing").render() == (
        "As the employer until 31 March 2026, Brunnfeld bills: Eichhagen €1,388.89, Fuchsberg "
        "€1,388.89 and Grünwald €694.45, €3,472.23 in all (C9)"
    )
    assert step(brunnfeld, "bears").render() == (
        "Brunnfeld bears its own part of €2,777.78 itself (C9)"
    )


def test_a_town_billed_by_both_employers() -> None:
    settlement = settle(handover(), 2026, PLANS[2026])
    # Grünwald: 1/4 × 1/9 + 3/4 × 7/27 = 1/36 + 7/36 = 2/9; 2,500,000 × 2/9 = 555,555.55…
    # cents, floor 555,555 with remainder 5/9: one cent, 555,556. Divided 1 : 7 it is
    # 69,444.5 and 486,111.5: the tie goes to the first employer, 69,445 and 486,111.
    gruenwald = explain(settlement, "Grünwald")
    payment = step(gruenwald, "payment")
    assert payment.amount == Decimal("5555.56") == settlement.own_share_of("Grünwald")
    assert payment.render() == (
        "Grünwald zahlt 694,45 € an Brunnfeld (Anstellungskörperschaft bis 31.03.2026) und "
        "4.861,11 € an Eichhagen (Anstellungskörperschaft ab 01.04.2026), zusammen 5.555,56 €; "
        "der Anteil wird nach den genauen Anteilen an den Zeiträumen auf die "
        "Anstellungskörperschaften aufgeteilt, Cents nach größten Resten (C9)"
    )
    english = explain(settlement, "Grünwald", lang="en")
    assert step(english, "payment").text.startswith(
        "Grünwald pays €694.45 to Brunnfeld (employer until 31 March 2026) and €4,861.11 to "
        "Eichhagen (employer from 1 April 2026), €5,555.56 in all"
    )


# --------------------------------------------------------------------------- without funding


def test_without_funding_the_clause_reads_equal_parts_or_the_key() -> None:
    base = fuchsberg_leaves()
    lost = base.with_funding(base.funding.without_funding_from(dt.date(2026, 1, 1), source="x"))
    equal = explain(settle(lost, 2026, PLANS[2026]), "Grünwald")
    assert step(equal, "key").render() == (
        "Ohne Förderung tragen die Kommunen die Kosten je im gleichen Umfang, also zu gleichen "
        "Teilen statt nach dem Schlüssel der Region Ost (feste Anteile) "
        "(Regel no_funding_split=equal) (I12)"
    )
    # Equal parts: 1/4 × 1/4 + 3/4 × 1/3 = 1/16 + 1/4 = 5/16 of 137,000.00 = 42,812.50.
    assert step(equal, "year_share").text.endswith("= 1/16 + 1/4 = 5/16")
    assert step(equal, "part").amount == Decimal("42812.50")
    keyed = explain(
        settle(lost.with_policies(Policies(no_funding_split="key")), 2026, PLANS[2026]),
        "Altenau",
    )
    assert [item.clause for item in steps(keyed, "key")] == [Interpretation.I9, Interpretation.I12]
    assert step(keyed, "members").clause is Clause.C10


# --------------------------------------------------------------------------- no mixing


GERMAN_ONLY = ("Schlüssel", "Zeitraum", "Einwohner", "zahlt", "Anteil", "gehört")
ENGLISH_ONLY = ("Split key", "Span ", "Inhabitants", " pays ", "Share of", "belongs")


@pytest.mark.parametrize("town", ["Altenau", "Brunnfeld", "Eichhagen", "Fuchsberg", "Grünwald"])
def test_each_language_stays_in_its_language(town: str) -> None:
    settlement = settle(handover(), 2026, PLANS[2026])
    german = explain(settlement, town).render()
    english = explain(settlement, town, lang="en").render()
    assert not any(word in english for word in GERMAN_ONLY)
    assert not any(word in german for word in ENGLISH_ONLY)


# --------------------------------------------------------------------------- exports


def test_the_explanation_exports_with_its_new_steps() -> None:
    explanation = explain(settle(handover(), 2026, PLANS[2026]), "Fuchsberg", lang="en")
    data = to_dict(explanation)
    keys = [item["key"] for item in data["steps"]]
    assert keys.count("span") == 2
    assert {"key", "spans", "year_share", "payment"} <= set(keys)
    assert data["steps"][-1]["amount"] == "8333.33"
    rows = to_csv(explanation).splitlines()
    assert len(rows) == len(explanation.steps) + 1


# --------------------------------------------------------------------------- property


def scenario(name: str) -> Agreement:
    if name == "handover":
        return handover()
    if name == "leaves":
        return fuchsberg_leaves()
    if name == "days":
        return fuchsberg_leaves().with_policies(Policies(span_weighting="days"))
    if name == "by-key":
        return handover().with_policies(Policies(withdrawal_split="key"))
    return example()


def check_consistent(settlement: Settlement, town: str, lang: Any) -> None:
    explanation = explain(settlement, town, lang=lang)
    own_share = settlement.own_share_of(town)
    for item in explanation.steps:
        assert item.clause is not None
        if item.key in ("part", "payment", "bears"):
            assert item.amount == own_share
            assert format_eur(own_share, lang=lang) in item.text
    region = settlement.region(settlement.agreement.region_of(town))
    party = settlement.agreement.party(town)
    if len(region.spans) > 1 and party in region.split:
        (share,) = steps(explanation, "year_share")
        weight = region.split.share_of(party).weight
        shown = str(weight) if weight.denominator > 1 else str(weight.numerator)
        assert share.text.endswith(f"= {shown}")
        assert weight == sum(
            (span.weight * span.shares.get(party, Fraction(0)) for span in region.spans),
            Fraction(0),
        )


@settings(max_examples=25)
@given(
    name=st.sampled_from(["plain", "handover", "leaves", "days", "by-key"]),
    year=st.sampled_from([2025, 2026]),
    town=st.sampled_from(
        ["Altenau", "Brunnfeld", "Dornbach", "Eichhagen", "Fuchsberg", "Grünwald", "Immental"]
    ),
    lang=st.sampled_from(["de", "en"]),
)
def test_every_stated_part_is_the_settlement_s(name: str, year: int, town: str, lang: Any) -> None:
    check_consistent(settle(scenario(name), year, PLANS[year]), town, lang)
