"""Tests of the explanation of a town's own share: golden texts, cases and a property (C4-C12, I2-I7)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coesfeld import TOWNS
from kim_cooperation import (
    Agreement,
    Clause,
    CostStatement,
    Explanation,
    ExplanationStep,
    Interpretation,
    InvalidTypeError,
    InvalidValueError,
    Post,
    Settlement,
    UnknownPartyError,
    UnknownRegionError,
    explain,
    presets,
    settle,
)
from kim_cooperation.explanation._sentences import format_exact
from kim_cooperation.formatting import format_eur
from kim_cooperation.policy import Policies
from strategies import cents, decimal_from_cents

PLAN = presets.coesfeld_cost_plan_2023()
OWN_SHARE_KEYS = ("part", "payment", "bears")

GOLDEN_COESFELD_DE = (
    " 1. Coesfeld gehört zur Region Nord mit 2,5 VZÄ; Anstellungskörperschaft ist die Stadt Coesfeld, abgerechnet wird das Haushaltsjahr 2023 (C2)",
    " 2. Kostenposition „Personalkosten inkl. Arbeitgeberanteil“ der Region Nord: 163.000 € (C8)",
    " 3. Kostenposition „Sachkosten (nicht aufgeschlüsselt)“ der Region Nord: 7.000 € (C8)",
    " 4. Kosten der Region Nord insgesamt: 163.000 € + 7.000 € = 170.000 € (C8)",
    " 5. Fördersatz ab 01.01.2023: 55.000 € je Vollzeitäquivalent (VZÄ) und Jahr, Quelle: Stadt Coesfeld, Ratsvorlage 2023 „Kommunales Case-Management - Interkommunale Zusammenarbeit“: 55.000 EUR / Vollzeitstelle / Jahr (C5)",
    " 6. Förderung der Stelle „Nord 1“: 1 VZÄ × 55.000 € × 12/12 = 55.000 € (C5)",
    " 7. Förderung der Stelle „Nord 2“: 1 VZÄ × 55.000 € × 12/12 = 55.000 € (C5)",
    " 8. Förderung der Stelle „Nord 3“: 0,5 VZÄ × 55.000 € × 12/12 = 27.500 € (C5)",
    " 9. Förderung der Region Nord insgesamt, über den Kreis an Coesfeld gezahlt: 137.500 € (C5)",
    "10. Eigenanteil = Kosten − Förderung = 170.000 € − 137.500 € = 32.500 € (C7)",
    "11. 2023 tragen 4 Kommunen der Region Nord den Eigenanteil zu gleichen Teilen: Billerbeck, Coesfeld, Havixbeck und Rosendahl (C4)",
    "12. Anteil je Kommune genau: 32.500 € / 4 = 8.125 € (C4)",
    "13. Auf volle Cent abgerundet sind das 8.125 € je Kommune, zusammen 32.500 €; es bleibt kein Cent übrig (I2)",
    "14. Es bleibt kein Cent zu verteilen; der Anteil von Coesfeld beträgt 8.125 € (I2)",
    "15. Coesfeld stellt als Anstellungskörperschaft einmal jährlich in Rechnung: Billerbeck 8.125 €, Havixbeck 8.125 € und Rosendahl 8.125 €, zusammen 24.375 € (C9)",
    "16. Coesfeld trägt den eigenen Anteil von 8.125 € selbst (C9)",
)

GOLDEN_COESFELD_EN = (
    " 1. Coesfeld belongs to Region Nord with 2.5 FTE; the employer is Stadt Coesfeld, and the year settled is 2023 (C2)",
    " 2. Cost item “Personnel costs including employer contributions” of Region Nord: €163,000 (C8)",
    " 3. Cost item “Material and services, not itemised” of Region Nord: €7,000 (C8)",
    " 4. Total costs of Region Nord: €163,000 + €7,000 = €170,000 (C8)",
    ' 5. Funding rate from 1 January 2023: €55,000 per full-time equivalent (FTE) and year, source: Stadt Coesfeld, council paper 2023 "Kommunales Case-Management - Interkommunale Zusammenarbeit": 55.000 EUR / Vollzeitstelle / Jahr (C5)',
    " 6. Funding of post “Nord 1”: 1 FTE × €55,000 × 12/12 = €55,000 (C5)",
    " 7. Funding of post “Nord 2”: 1 FTE × €55,000 × 12/12 = €55,000 (C5)",
    " 8. Funding of post “Nord 3”: 0.5 FTE × €55,000 × 12/12 = €27,500 (C5)",
    " 9. Total funding of Region Nord, paid through the Kreis to Coesfeld: €137,500 (C5)",
    "10. Own share = costs − funding = €170,000 − €137,500 = €32,500 (C7)",
    "11. In 2023 the 4 towns of Region Nord bear the own share in equal parts: Billerbeck, Coesfeld, Havixbeck and Rosendahl (C4)",
    "12. Exact share per town: €32,500 / 4 = €8,125 (C4)",
    "13. Rounded down to whole cents that is €8,125 per town, €32,500 in all; no cent is left over (I2)",
    "14. No cent is left over; the part of Coesfeld is €8,125 (I2)",
    "15. As the employer, Coesfeld bills once a year: Billerbeck €8,125, Havixbeck €8,125 and Rosendahl €8,125, €24,375 in all (C9)",
    "16. Coesfeld bears its own part of €8,125 itself (C9)",
)

GOLDEN_BILLERBECK_DE = (
    " 1. Billerbeck gehört zur Region Nord mit 2,5 VZÄ; Anstellungskörperschaft ist die Stadt Coesfeld, abgerechnet wird das Haushaltsjahr 2023 (C2)",
    " 2. Kostenposition „Personalkosten inkl. Arbeitgeberanteil“ der Region Nord: 163.000 € (C8)",
    " 3. Kostenposition „Sachkosten (nicht aufgeschlüsselt)“ der Region Nord: 7.000 € (C8)",
    " 4. Kosten der Region Nord insgesamt: 163.000 € + 7.000 € = 170.000 € (C8)",
    " 5. Fördersatz ab 01.01.2023: 55.000 € je Vollzeitäquivalent (VZÄ) und Jahr, Quelle: Stadt Coesfeld, Ratsvorlage 2023 „Kommunales Case-Management - Interkommunale Zusammenarbeit“: 55.000 EUR / Vollzeitstelle / Jahr (C5)",
    " 6. Förderung der Stelle „Nord 1“: 1 VZÄ × 55.000 € × 12/12 = 55.000 € (C5)",
    " 7. Förderung der Stelle „Nord 2“: 1 VZÄ × 55.000 € × 12/12 = 55.000 € (C5)",
    " 8. Förderung der Stelle „Nord 3“: 0,5 VZÄ × 55.000 € × 12/12 = 27.500 € (C5)",
    " 9. Förderung der Region Nord insgesamt, über den Kreis an Coesfeld gezahlt: 137.500 € (C5)",
    "10. Eigenanteil = Kosten − Förderung = 170.000 € − 137.500 € = 32.500 € (C7)",
    "11. 2023 tragen 4 Kommunen der Region Nord den Eigenanteil zu gleichen Teilen: Billerbeck, Coesfeld, Havixbeck und Rosendahl (C4)",
    "12. Anteil je Kommune genau: 32.500 € / 4 = 8.125 € (C4)",
    "13. Auf volle Cent abgerundet sind das 8.125 € je Kommune, zusammen 32.500 €; es bleibt kein Cent übrig (I2)",
    "14. Es bleibt kein Cent zu verteilen; der Anteil von Billerbeck beträgt 8.125 € (I2)",
    "15. Billerbeck zahlt 8.125 € an die Anstellungskörperschaft Coesfeld, die einmal jährlich abrechnet (C9)",
)

GOLDEN_BILLERBECK_EN = (
    " 1. Billerbeck belongs to Region Nord with 2.5 FTE; the employer is Stadt Coesfeld, and the year settled is 2023 (C2)",
    " 2. Cost item “Personnel costs including employer contributions” of Region Nord: €163,000 (C8)",
    " 3. Cost item “Material and services, not itemised” of Region Nord: €7,000 (C8)",
    " 4. Total costs of Region Nord: €163,000 + €7,000 = €170,000 (C8)",
    ' 5. Funding rate from 1 January 2023: €55,000 per full-time equivalent (FTE) and year, source: Stadt Coesfeld, council paper 2023 "Kommunales Case-Management - Interkommunale Zusammenarbeit": 55.000 EUR / Vollzeitstelle / Jahr (C5)',
    " 6. Funding of post “Nord 1”: 1 FTE × €55,000 × 12/12 = €55,000 (C5)",
    " 7. Funding of post “Nord 2”: 1 FTE × €55,000 × 12/12 = €55,000 (C5)",
    " 8. Funding of post “Nord 3”: 0.5 FTE × €55,000 × 12/12 = €27,500 (C5)",
    " 9. Total funding of Region Nord, paid through the Kreis to Coesfeld: €137,500 (C5)",
    "10. Own share = costs − funding = €170,000 − €137,500 = €32,500 (C7)",
    "11. In 2023 the 4 towns of Region Nord bear the own share in equal parts: Billerbeck, Coesfeld, Havixbeck and Rosendahl (C4)",
    "12. Exact share per town: €32,500 / 4 = €8,125 (C4)",
    "13. Rounded down to whole cents that is €8,125 per town, €32,500 in all; no cent is left over (I2)",
    "14. No cent is left over; the part of Billerbeck is €8,125 (I2)",
    "15. Billerbeck pays €8,125 to the employer Coesfeld, which bills once a year (C9)",
)


# --------------------------------------------------------------------------- helpers


def plan_2023() -> Settlement:
    return settle(presets.coesfeld(), 2023, PLAN)


def rosendahl_left() -> Agreement:
    return presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30))


def with_nord_posts(agreement: Agreement, posts: list[Post]) -> Agreement:
    nord = agreement.region("Nord")
    regions = [
        attrs.evolve(nord, posts=posts) if region == nord else region
        for region in agreement.regions
    ]
    return attrs.evolve(agreement, regions=regions)


def steps(explanation: Explanation, key: str) -> list[ExplanationStep]:
    return [step for step in explanation.steps if step.key == key]


def step(explanation: Explanation, key: str) -> ExplanationStep:
    (found,) = steps(explanation, key)
    return found


# --------------------------------------------------------------------------- golden texts


@pytest.mark.parametrize(
    ("town", "lang", "expected"),
    [
        ("Coesfeld", "de", GOLDEN_COESFELD_DE),
        ("Coesfeld", "en", GOLDEN_COESFELD_EN),
        ("Billerbeck", "de", GOLDEN_BILLERBECK_DE),
        ("Billerbeck", "en", GOLDEN_BILLERBECK_EN),
    ],
)
def test_golden_nord_2023(town: str, lang: Any, expected: tuple[str, ...]) -> None:
    explanation = explain(plan_2023(), town, lang=lang)
    assert explanation.render() == "\n".join(expected)
    assert str(explanation) == explanation.render()
    assert explanation.party == presets.coesfeld().party(town)
    assert (explanation.year, explanation.lang) == (2023, lang)


def test_the_council_paper_figures_are_the_settlement_s() -> None:
    settlement = plan_2023()
    nord = settlement.region("Nord")
    explanation = explain(settlement, "Coesfeld")
    assert [item.amount for item in steps(explanation, "cost_item")] == [
        Decimal("163000.00"),
        Decimal("7000.00"),
    ]
    assert step(explanation, "costs").amount == nord.costs.total == Decimal("170000")
    assert step(explanation, "rate").amount == Decimal("55000")
    assert step(explanation, "rate").clause is Clause.C5
    assert [item.amount for item in steps(explanation, "post_funding")] == [
        Decimal("55000"),
        Decimal("55000"),
        Decimal("27500"),
    ]
    assert step(explanation, "funding").amount == nord.funding.amount == Decimal("137500")
    assert step(explanation, "own_share").amount == nord.own_share == Decimal("32500")
    assert step(explanation, "exact_share").amount == Decimal("8125")
    assert step(explanation, "floor").amount == Decimal("8125")
    assert step(explanation, "billing").amount == nord.billed_total == Decimal("24375")
    for key in ("part", "bears"):
        assert step(explanation, key).amount == settlement.own_share_of("Coesfeld")
    assert not steps(explanation, "payment")
    assert not steps(explanation, "surplus")
    assert not steps(explanation, "funding_rounding")


def test_every_line_ends_with_its_clause() -> None:
    explanation = explain(plan_2023(), "Havixbeck", lang="en")
    lines = explanation.render().splitlines()
    assert len(lines) == len(explanation.steps)
    for number, (line, item) in enumerate(zip(lines, explanation.steps, strict=True), start=1):
        assert line.lstrip().startswith(f"{number}. ")
        assert item.clause is not None
        assert line.endswith(f"({item.clause})")


def test_parties_are_looked_up_as_everywhere() -> None:
    settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_planning_costs_2023())
    assert explain(settlement, "05558008") == explain(settlement, "Billerbeck")
    duelmen = explain(settlement, "Duelmen")
    assert duelmen.party.name == "Dülmen"
    assert step(duelmen, "bears").amount == settlement.own_share_of("Dülmen")
    agreement = settlement.agreement
    assert explain(settlement, agreement.party("Olfen")).party == agreement.party("Olfen")


def test_explanations_are_frozen_values() -> None:
    explanation = explain(plan_2023(), "Billerbeck")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        explanation.year = 2024  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        explanation.steps[0].text = "changed"  # type: ignore[misc]
    assert isinstance(explanation.steps, tuple)
    assert explanation == explain(plan_2023(), "Billerbeck")


def test_a_step_without_clause_renders_its_text() -> None:
    assert ExplanationStep(text="Note", amount=None, clause=None).render() == "Note"
    assert (
        ExplanationStep(text="Costs", amount=Decimal(1), clause=Clause.C8).render() == "Costs (C8)"
    )


# --------------------------------------------------------------------------- cases


def test_the_odd_cent_goes_to_the_employer() -> None:
    settlement = settle(rosendahl_left(), 2026, PLAN)
    coesfeld = explain(settlement, "Coesfeld")
    left = step(coesfeld, "left")
    assert left.clause is Clause.C12
    assert left.text.startswith("Rosendahl ist zum 31.12.2025 ausgeschieden")
    assert "I3" in left.text
    assert step(coesfeld, "members").text.endswith(": Billerbeck, Coesfeld und Havixbeck")
    exact = step(coesfeld, "exact_share")
    assert exact.text == "Anteil je Kommune genau: 32.500,00 € / 3 = 10.833,333… €"
    assert exact.amount is None
    floor = step(coesfeld, "floor")
    assert floor.amount == Decimal("10833.33")
    assert floor.clause is Interpretation.I2
    assert "zusammen 32.499,99 €; 1 Cent bleibt übrig" in floor.text
    part = step(coesfeld, "part")
    assert part.amount == Decimal("10833.34") == settlement.own_share_of("Coesfeld")
    assert "je 1/3 Cent" in part.text
    assert "zuerst an die Anstellungskörperschaft, dann nach AGS" in part.text
    assert "Reihenfolge Coesfeld, Billerbeck, Havixbeck" in part.text
    assert part.text.endswith("Coesfeld erhält einen: 10.833,33 € + 0,01 € = 10.833,34 €")
    assert step(coesfeld, "bears").amount == Decimal("10833.34")
    assert step(coesfeld, "billing").text.endswith(
        "Billerbeck 10.833,33 € und Havixbeck 10.833,33 €, zusammen 21.666,66 €"
    )

    billerbeck = explain(settlement, "Billerbeck", lang="en")
    part = step(billerbeck, "part")
    assert part.amount == Decimal("10833.33") == settlement.own_share_of("Billerbeck")
    assert part.text.endswith(
        "Billerbeck receives none, they go to Coesfeld; the part of Billerbeck is €10,833.33"
    )
    payment = step(billerbeck, "payment")
    assert payment.amount == Decimal("10833.33")
    assert payment.clause is Clause.C9
    assert (
        payment.text
        == "Billerbeck pays €10,833.33 to the employer Coesfeld, which bills once a year"
    )


def test_a_town_that_left_bears_nothing() -> None:
    settlement = settle(rosendahl_left(), 2026, PLAN)
    explanation = explain(settlement, "Rosendahl")
    last = explanation.steps[-1]
    assert last.key == "part"
    assert last.amount == Decimal(0) == settlement.own_share_of("Rosendahl")
    assert last.clause is Clause.C12
    assert (
        last.text == "Rosendahl trägt daher 2026 keinen Teil des Eigenanteils der Region Nord: 0 €"
    )
    assert not steps(explanation, "payment")
    assert not steps(explanation, "exact_share")


def test_loss_of_funding() -> None:
    agreement = presets.coesfeld()
    lost = agreement.with_funding(
        agreement.funding.without_funding_from(dt.date(2023, 1, 1), source="Programme ends")
    )
    settlement = settle(lost, 2023, PLAN)
    explanation = explain(settlement, "Havixbeck")
    rate = step(explanation, "rate")
    assert rate.clause is Clause.C10
    assert rate.text.startswith("Wegfall der Förderung ab 01.01.2023: 0 € je Vollzeitäquivalent")
    assert rate.text.endswith("Quelle: Programme ends")
    assert {item.clause for item in steps(explanation, "post_funding")} == {Clause.C10}
    funding = step(explanation, "funding")
    assert funding.clause is Clause.C10
    assert funding.amount == Decimal(0)
    own_share = step(explanation, "own_share")
    assert own_share.clause is Clause.C10
    assert own_share.text == (
        "Ohne Förderung tragen die Kommunen die gesamten Kosten: Eigenanteil = "
        "170.000 € − 0 € = 170.000 €"
    )
    members = step(explanation, "members")
    assert members.clause is Clause.C10
    assert "Auslegung I4" in members.text
    assert step(explanation, "exact_share").clause is Clause.C10
    assert (
        step(explanation, "part").amount
        == Decimal("42500")
        == settlement.own_share_of("Havixbeck")
    )
    english = explain(settlement, "Havixbeck", lang="en")
    assert step(english, "funding").text == (
        "The state funding has ended for 2023; funding of Region Nord: €0"
    )
    assert "interpretation I4" in step(english, "members").text


def test_surplus_is_reported_not_paid_out() -> None:
    settlement = settle(presets.coesfeld(), 2023, {"Nord": CostStatement(personnel=100_000)})
    explanation = explain(settlement, "Rosendahl")
    own_share = step(explanation, "own_share")
    assert own_share.amount == Decimal(0)
    assert own_share.clause is Clause.C7
    assert own_share.text == (
        "Die Förderung von 137.500 € übersteigt die Kosten von 100.000 €; der Eigenanteil "
        "ist daher 0 €, nie negativ"
    )
    surplus = step(explanation, "surplus")
    assert surplus.amount == Decimal("37500") == settlement.region("Nord").surplus
    assert surplus.clause is Interpretation.I6
    assert "weder ausgezahlt noch auf die Kommunen verteilt" in surplus.text
    assert step(explanation, "part").amount == Decimal(0)
    assert step(explanation, "payment").text.startswith("Rosendahl zahlt 0 € an")
    english = explain(settlement, "Coesfeld", lang="en")
    assert "neither paid out nor shared" in step(english, "surplus").text
    assert step(english, "billing").amount == Decimal(0)


def test_all_cost_items_are_named() -> None:
    costs = CostStatement(
        personnel=90_000,
        equipment=Decimal("5000.50"),
        recruitment=1_200,
        administration=Decimal("3799.50"),
    )
    explanation = explain(settle(presets.coesfeld(), 2023, {"Nord": costs}), "Coesfeld", lang="en")
    assert [item.text for item in steps(explanation, "cost_item")] == [
        "Cost item “Personnel costs including employer contributions” of Region Nord: €90,000",
        "Cost item “Technical equipment of the workplace including digital devices” of Region Nord: €5,000.50",
        "Cost item “Recruitment and advertising of the post” of Region Nord: €1,200",
        "Cost item “Flat rate for personnel administration” of Region Nord: €3,799.50",
    ]
    assert step(explanation, "costs").text == (
        "Total costs of Region Nord: €90,000 + €5,000.50 + €1,200 + €3,799.50 = €100,000"
    )


def test_a_single_cost_item_is_its_own_total() -> None:
    settlement = settle(presets.coesfeld(), 2023, {"Nord": CostStatement(personnel=170_000)})
    explanation = explain(settlement, "Billerbeck")
    assert step(explanation, "costs").text == "Kosten der Region Nord insgesamt: 170.000 €"


def test_part_year_post_is_funded_in_twelfths_and_rounded() -> None:
    posts = [
        Post(label="Nord 1", fte=1, employment_start=dt.date(2023, 2, 1)),
        Post(label="Nord 2", fte=1),
        Post(label="Nord 3", fte=Fraction(1, 2)),
    ]
    settlement = settle(with_nord_posts(presets.coesfeld(), posts), 2023, PLAN)
    funding = settlement.region("Nord").funding
    assert funding.is_rounded
    explanation = explain(settlement, "Billerbeck")
    first = steps(explanation, "post_funding")[0]
    assert first.clause is Interpretation.I7
    assert first.amount is None
    assert first.text == (
        "Förderung der Stelle „Nord 1“: 1 VZÄ × 55.000 € × 11/12 (Februar–Dezember) = "
        "50.416,666… €; gefördert wird je voll besetztem Kalendermonat ein Zwölftel des Satzes"
    )
    rounding = step(explanation, "funding_rounding")
    assert rounding.clause is Interpretation.I7
    assert rounding.amount == funding.amount == Decimal("132916.67")
    assert rounding.text == (
        "Die Stellen ergeben zusammen genau 132.916,666… €; kaufmännisch (ab einem halben "
        "Cent aufwärts) auf volle Cent gerundet sind das 132.916,67 €"
    )
    assert step(explanation, "funding").amount == Decimal("132916.67")
    assert step(explanation, "own_share").text.endswith("170.000 € − 132.916,67 € = 37.083,33 €")
    assert step(explanation, "exact_share").text.endswith("37.083,33 € / 4 = 9.270,8325 €")
    assert step(explanation, "part").amount == settlement.own_share_of("Billerbeck")
    english = explain(settlement, "Billerbeck", lang="en")
    assert step(english, "funding_rounding").text == (
        "The posts' exact funding is €132,916.666…; rounded half up to whole cents it is "
        "€132,916.67"
    )


def test_rate_increase_within_the_year() -> None:
    agreement = presets.coesfeld()
    raised = agreement.with_funding(
        agreement.funding.with_rate(presets.announced_increase(dt.date(2023, 7, 1)))
    )
    settlement = settle(raised, 2023, PLAN)
    explanation = explain(settlement, "Coesfeld")
    rates = steps(explanation, "rate")
    assert [item.clause for item in rates] == [Clause.C5, Clause.C6]
    assert rates[1].text.startswith("Erhöhter Fördersatz ab 01.07.2023: 57.000 €")
    second = steps(explanation, "post_funding")[1]
    assert second.clause is Interpretation.I7
    assert second.amount == Decimal("56000")
    assert second.text == (
        "Förderung der Stelle „Nord 2“: 1 VZÄ × 55.000 € × 6/12 (Januar–Juni) + "
        "1 VZÄ × 57.000 € × 6/12 (Juli–Dezember) = 56.000 €"
    )
    assert step(explanation, "funding").amount == settlement.region("Nord").funding.amount


def test_a_post_filled_in_no_month() -> None:
    posts = [
        Post(label="Nord 1", fte=1),
        Post(label="Nord 2", fte=1, employment_start=dt.date(2024, 1, 1)),
    ]
    settlement = settle(with_nord_posts(presets.coesfeld(), posts), 2023, PLAN)
    unfilled = steps(explain(settlement, "Havixbeck"), "post_funding")[1]
    assert unfilled.clause is Interpretation.I7
    assert unfilled.amount == Decimal(0)
    assert unfilled.text == (
        "Die Stelle „Nord 2“ ist 2023 in keinem Kalendermonat voll besetzt; Förderung 0 €"
    )


def test_months_are_named_per_rate_for_a_part_year_post() -> None:
    # A post that ends in September, with a rate change in May.
    posts = [Post(label="Nord 1", fte=1, employment_end=dt.date(2023, 9, 30))]
    agreement = presets.coesfeld()
    raised = agreement.with_funding(
        agreement.funding.with_rate(presets.announced_increase(dt.date(2023, 5, 1)))
    )
    settlement = settle(with_nord_posts(raised, posts), 2023, PLAN)
    post = step(explain(settlement, "Coesfeld", lang="en"), "post_funding")
    assert post.text == (
        "Funding of post “Nord 1”: 1 FTE × €55,000 × 4/12 (January–April) + "
        "1 FTE × €57,000 × 5/12 (May–September) = €42,083.333…; one twelfth of the rate is "
        "paid per calendar month filled in full"
    )


def test_funding_by_days() -> None:
    posts = [
        Post(label="Nord 1", fte=1, employment_start=dt.date(2023, 2, 1)),
        Post(label="Nord 2", fte=1),
        Post(label="Nord 3", fte=1, employment_start=dt.date(2024, 1, 1)),
    ]
    agreement = with_nord_posts(presets.coesfeld(), posts).with_policies(
        Policies(part_year_funding="days")
    )
    settlement = settle(agreement, 2023, PLAN)
    explanation = explain(settlement, "Havixbeck", lang="en")
    first, second, third = steps(explanation, "post_funding")
    assert first.clause is Interpretation.I7
    assert first.text == (
        "Funding of post “Nord 1”: 1 FTE × €55,000 × 334/365 = €50,328.767…; each day filled "
        "earns the rate divided by the days of the year (policy part_year_funding=days)"
    )
    assert second.clause is Clause.C5
    assert second.text == "Funding of post “Nord 2”: 1 FTE × €55,000 × 365/365 = €55,000"
    assert third.text == "Post “Nord 3” is filled on no day in 2023; funding €0"
    assert step(explanation, "funding").amount == settlement.region("Nord").funding.amount
    assert step(explanation, "payment").amount == settlement.own_share_of("Havixbeck")

    raised = agreement.with_funding(
        agreement.funding.with_rate(presets.announced_increase(dt.date(2024, 7, 1)))
    )
    leap = settle(raised, 2024, PLAN)
    first = steps(explain(leap, "Havixbeck"), "post_funding")[0]
    assert first.clause is Interpretation.I7
    assert first.text.startswith(
        "Förderung der Stelle „Nord 1“: 1 VZÄ × Satz des Tages / 366 für 366 besetzte Tage "
        "zu den Sätzen 55.000 € und 57.000 € = "
    )


def test_the_literal_reading_of_c12_walks_every_region_the_town_bears() -> None:
    agreement = rosendahl_left().with_policies(Policies(withdrawal_scope="agreement"))
    costs = {
        "Nord": CostStatement(personnel=Decimal("163000.07"), material_not_itemised=7000),
        "Süd": PLAN["Nord"],
    }
    settlement = settle(agreement, 2026, costs)
    senden = explain(settlement, "Senden")
    regions = steps(senden, "region")
    assert [item.clause for item in regions] == [Clause.C2, Clause.C12]
    assert regions[0].text.startswith("Senden gehört zur Region Süd mit 2,5 VZÄ")
    assert regions[1].text.startswith(
        "Senden gehört zur Region Süd, trägt 2026 aber auch einen Teil des Eigenanteils der "
        "Region Nord"
    )
    members = steps(senden, "members")
    assert members[0].clause is Clause.C4  # Süd: five towns in equal parts
    assert members[1].clause is Clause.C12
    assert "Billerbeck 0,275" in members[1].text
    assert "Senden 0,025" in members[1].text
    assert "alle verbleibenden Vertragsparteien" in step(senden, "left").text
    exact = steps(senden, "exact_share")[1]
    assert exact.text == "Anteil von Senden genau: 32.500,07 € × 0,025 = 812,50175 €"
    floor = steps(senden, "floor")[1]
    assert "4 Cent bleiben übrig" in floor.text
    part = steps(senden, "part")[1]
    assert part.amount == Decimal("812.50")
    assert "Senden hat einen Rest von 0,175 Cent" in part.text
    assert (
        "sie gehen an Ascheberg (0,175), Billerbeck (0,925), Coesfeld (0,925) und Havixbeck (0,925)"
        in part.text
    )
    total = senden.steps[-1]
    assert total.key == "total"
    assert total.clause is Clause.C12
    assert total.amount == settlement.own_share_of("Senden") == Decimal("7312.50")
    assert total.text == (
        "Senden trägt 2026 insgesamt 6.500 € (Region Süd) + 812,50 € (Region Nord) = 7.312,50 €"
    )

    ascheberg = explain(settlement, "Ascheberg", lang="en")
    part = steps(ascheberg, "part")[1]
    assert part.amount == Decimal("812.51")
    assert part.text.endswith("Ascheberg receives one: €812.50 + €0.01 = €812.51")
    assert ascheberg.steps[-1].amount == settlement.own_share_of("Ascheberg")
    # Mitte was not settled; Dülmen still bears part of Nord's own share, and only that.
    duelmen = explain(settlement, "Dülmen")
    assert [item.clause for item in steps(duelmen, "region")] == [Clause.C12]
    assert not steps(duelmen, "total")
    assert step(duelmen, "payment").amount == settlement.own_share_of("Dülmen")


def test_a_town_that_bears_only_other_regions_parts() -> None:
    agreement = rosendahl_left().with_policies(Policies(withdrawal_scope="agreement"))
    settlement = settle(agreement, 2026, {"Nord": PLAN["Nord"]})
    explanation = explain(settlement, "Olfen", lang="en")
    assert explanation.steps[0].clause is Clause.C12
    assert not steps(explanation, "total")
    assert step(explanation, "payment").amount == settlement.own_share_of("Olfen")
    assert (
        step(explanation, "exact_share").text
        == "Exact share of Olfen: €32,500.00 × 0.025 = €812.50"
    )


def test_the_employer_alone_in_its_region() -> None:
    agreement = presets.coesfeld().give_notice("Nottuln", dt.date(2024, 6, 30))
    settlement = settle(agreement, 2026, presets.coesfeld_planning_costs_2023())
    explanation = explain(settlement, "Dülmen")
    assert step(explanation, "members").text == (
        "2026 trägt Dülmen als einzige verbliebene Kommune der Region Mitte den Eigenanteil allein"
    )
    billing = step(explanation, "billing")
    assert billing.amount == Decimal(0)
    assert billing.text == (
        "Dülmen ist 2026 die einzige Kommune der Region und stellt niemandem etwas in Rechnung: 0 €"
    )
    assert (
        step(explanation, "bears").amount == Decimal("13000") == settlement.own_share_of("Dülmen")
    )


# --------------------------------------------------------------------------- bad input


def test_a_settlement_is_required() -> None:
    with pytest.raises(InvalidTypeError, match="settlement must be a Settlement, got dict"):
        explain({}, "Coesfeld")  # type: ignore[arg-type]


def test_unknown_party() -> None:
    with pytest.raises(UnknownPartyError, match="'Münster' is not a party"):
        explain(plan_2023(), "Münster")


def test_region_not_settled() -> None:
    with pytest.raises(UnknownRegionError, match="region 'Mitte' was not settled for 2023"):
        explain(plan_2023(), "Nottuln")


def test_a_town_that_left_a_region_not_settled() -> None:
    agreement = presets.coesfeld().give_notice("Nottuln", dt.date(2024, 6, 30))
    settlement = settle(agreement, 2026, PLAN)
    assert settlement.regions[0].region.name == "Nord"
    with pytest.raises(UnknownRegionError, match="region 'Mitte' was not settled for 2026"):
        explain(settlement, "Nottuln")


@pytest.mark.parametrize("lang", ["fr", "DE", ""])
def test_unknown_language(lang: str) -> None:
    with pytest.raises(InvalidValueError, match="lang must be 'de' or 'en'"):
        explain(plan_2023(), "Coesfeld", lang=lang)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- exact values


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (Fraction(32500, 3), "de", "10.833,333… €"),
        (Fraction(32500, 3), "en", "€10,833.333…"),
        (Fraction(1, 400), "de", "0,0025 €"),
        (Fraction(-1, 400), "en", "-€0.0025"),
        (Fraction(1, 2**10), "de", "0,000976… €"),
        (Fraction(812_50175, 100_000), "de", "812,50175 €"),
        (Fraction(8125), "en", "€8,125"),
    ],
)
def test_exact_values_are_shown_in_full_or_cut_off(
    value: Fraction, lang: Any, expected: str
) -> None:
    assert format_exact(value, lang) == expected


# --------------------------------------------------------------------------- property

item_cents = st.one_of(st.just(0), cents(0, 10**9))


@st.composite
def cost_plans(draw: st.DrawFn) -> Mapping[str, CostStatement]:
    def statement() -> CostStatement:
        return CostStatement(
            personnel=decimal_from_cents(draw(item_cents)),
            equipment=decimal_from_cents(draw(item_cents)),
            recruitment=decimal_from_cents(draw(item_cents)),
            administration=decimal_from_cents(draw(item_cents)),
            material_not_itemised=decimal_from_cents(draw(item_cents)),
        )

    return {"Nord": statement(), "Mitte": statement(), "Süd": statement()}


def scenario(name: str) -> tuple[Agreement, int]:
    agreement = presets.coesfeld()
    if name == "baseline":
        return agreement, 2023
    if name == "left":
        return rosendahl_left(), 2026
    if name == "lost":
        return agreement.with_funding(
            agreement.funding.without_funding_from(dt.date(2024, 1, 1), source="Programme ends")
        ), 2024
    if name == "literal":
        return rosendahl_left().with_policies(Policies(withdrawal_scope="agreement")), 2026
    raised = agreement.with_funding(
        agreement.funding.with_rate(presets.announced_increase(dt.date(2023, 4, 1)))
    )
    posts = [
        Post(label="Nord 1", fte=1, employment_start=dt.date(2023, 3, 15)),
        Post(label="Nord 2", fte=Fraction(1, 3)),
    ]
    return with_nord_posts(raised, posts).with_policies(Policies(part_year_funding=name)), 2023


@given(
    plan=cost_plans(),
    town=st.sampled_from(TOWNS),
    lang=st.sampled_from(["de", "en"]),
    name=st.sampled_from(["baseline", "left", "lost", "literal", "twelfths", "days"]),
)
def test_the_stated_own_share_is_the_settlement_s(
    plan: Mapping[str, CostStatement], town: str, lang: Any, name: str
) -> None:
    agreement, year = scenario(name)
    settlement = settle(agreement, year, plan)
    explanation = explain(settlement, town, lang=lang)
    own_share = settlement.own_share_of(town)
    lines = explanation.render().splitlines()
    assert len(lines) == len(explanation.steps)
    for line, item in zip(lines, explanation.steps, strict=True):
        assert item.clause is not None
        assert line.endswith(f"({item.clause})")
        assert item.text
    parts = steps(explanation, "part")
    assert sum((item.amount or Decimal(0) for item in parts), Decimal(0)) == own_share
    for item in parts:
        assert item.amount is not None
        assert format_eur(item.amount, lang=lang) in item.text
    totals = steps(explanation, "total")
    if totals:
        (total,) = totals
        assert total is explanation.steps[-1]
        assert total.amount == own_share
        assert format_eur(own_share, lang=lang) in total.text
    else:
        for item in explanation.steps:
            if item.key in OWN_SHARE_KEYS:
                assert item.amount == own_share
                assert format_eur(own_share, lang=lang) in item.text
    home = settlement.region(agreement.region_of(town))
    assert steps(explanation, "costs")[0].amount == home.costs.total
    assert steps(explanation, "funding")[0].amount == home.funding.amount
    assert steps(explanation, "own_share")[0].amount == home.own_share
