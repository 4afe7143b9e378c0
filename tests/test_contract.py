"""The JSON contract answers each question exactly as the library's own call does."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest

from kim_cooperation import explain, presets, scenario, settle, sources
from kim_cooperation.billing import billing_statements
from kim_cooperation.closed_days import ClosedDays, check_receipt
from kim_cooperation.contract import (
    MAX_DEPTH,
    MAX_QUESTIONS,
    MAX_REQUEST_BYTES,
    SCHEMA_VERSION,
    calculate,
    calculate_json,
    deadline_record,
    termination_record,
)
from kim_cooperation.files import AgreementFile, dump_agreement
from kim_cooperation.impact import financial_impact
from kim_cooperation.notice import notice_deadline, termination_date
from kim_cooperation.projection import estimate_wind_down, project
from kim_cooperation.scenario_file import scenarios_from_data


def _answer(request: dict[str, Any]) -> dict[str, Any]:
    response = calculate(request)
    assert response["schema_version"] == SCHEMA_VERSION
    (answer,) = response["answers"]
    assert isinstance(answer, dict)
    return answer


def _plain(value: object) -> bool:
    """Only what JSON holds: dict with str keys, list, str, int, bool, None."""
    if isinstance(value, dict):
        return all(isinstance(key, str) and _plain(item) for key, item in value.items())
    if isinstance(value, list):
        return all(_plain(item) for item in value)
    return value is None or isinstance(value, str | int | bool)


def test_the_limits_are_as_designed() -> None:
    assert (SCHEMA_VERSION, MAX_QUESTIONS, MAX_REQUEST_BYTES, MAX_DEPTH) == (
        "1.0",
        100,
        1024 * 1024,
        64,
    )


def test_the_minimal_request_settles_with_the_built_in_plans() -> None:
    answer = _answer({"agreement": "coesfeld", "questions": [{"type": "settle", "year": 2023}]})
    assert (answer["question"], answer["type"]) == (0, "settle")
    nord = answer["result"]["regions"][0]
    havixbeck = next(
        share for share in nord["split"]["shares"] if share["party"]["name"] == "Havixbeck"
    )
    assert havixbeck["amount"] == "8125.00"  # the council paper's figure
    assert answer["notes"] == list(sources.built_in("coesfeld", lang="de").notes)


COESFELD = sources.built_in("coesfeld", lang="en")
PLAN_2023 = COESFELD.plans[2023]


def test_settle_is_the_settlement_and_a_later_year_carries_the_plan_forward() -> None:
    answer = _answer(
        {"agreement": "coesfeld", "lang": "en", "questions": [{"type": "settle", "year": 2025}]}
    )
    assert answer["result"] == settle(COESFELD.agreement, 2025, PLAN_2023).to_dict()
    assert answer["notes"] == [
        *COESFELD.notes,
        sources.carried_note(2025, 2023, "en"),
    ]


def test_project_is_the_projection_with_or_without_growth() -> None:
    request = {
        "agreement": "coesfeld",
        "lang": "en",
        "questions": [
            {"type": "project", "years": [2024, 2025, 2026], "growth": "3 %"},
            {"type": "project", "years": [2023, 2024]},
        ],
    }
    grown, plain = calculate(request)["answers"]
    expected = project(
        COESFELD.agreement, [2024, 2025, 2026], PLAN_2023, personnel_growth=Decimal("0.03")
    )
    assert grown["result"] == expected.to_dict()
    assert grown["notes"] == [*COESFELD.notes, sources.carried_note(2024, 2023, "en")]
    plans = {2023: PLAN_2023, 2024: PLAN_2023}
    assert plain["result"] == project(COESFELD.agreement, [2023, 2024], plans).to_dict()
    assert plain["notes"] == [*COESFELD.notes, sources.carried_note(2024, 2023, "en")]


def test_scenario_is_the_comparison_of_the_variants() -> None:
    variants = [
        {"name": "57.000 €", "rates": [{"valid_from": "2025-01-01", "amount": "57000"}]},
        {"name": "Ende", "funding_ends": "01.01.2026", "personnel_growth": "2 %"},
    ]
    answer = _answer(
        {
            "agreement": "coesfeld",
            "lang": "en",
            "questions": [{"type": "scenario", "years": [2025, 2026], "variants": variants}],
        }
    )
    built = scenarios_from_data({"variants": variants}, COESFELD.agreement, lang="en")
    plans = {2025: PLAN_2023, 2026: PLAN_2023}
    comparison = scenario.compare(COESFELD.agreement, built, [2025, 2026], plans)
    assert answer["result"] == comparison.to_dict()
    assert answer["notes"][-1] == (
        "Variant “Ende”: personnel costs grown by 2 % a year from the cost plan for 2025."
    )


def test_deadline_questions_are_the_records_the_command_line_writes() -> None:
    agreement = COESFELD.agreement
    terms = agreement.notice_terms
    closed = ClosedDays.of(agreement, dates=[dt.date(2025, 6, 30)])
    received, year, end = calculate(
        {
            "agreement": "coesfeld",
            "lang": "en",
            "questions": [
                {"type": "deadline", "received": "2024-06-29"},
                {"type": "deadline", "year": 2026, "closed": ["2025-06-30"]},
                {"type": "deadline", "end": "2026-12-31"},
            ],
        }
    )["answers"]
    receipt = check_receipt(
        dt.date(2024, 6, 29),
        ClosedDays.of(agreement),
        ends=lambda day: termination_date(day, terms),
    )
    assert received["result"] == termination_record(receipt, terms, lang="en")
    assert received["result"]["closed_day"] is True
    assert year["result"] == deadline_record(
        notice_deadline(2026, terms, closed_days=closed), lang="en"
    )
    assert year["result"]["last_working_day"] == "2025-06-27"
    assert end["result"]["deadline"] == "2025-06-30"
    assert received["notes"] == year["notes"] == []


def test_the_command_lines_deadline_json_is_the_contracts_record(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from kim_cooperation.cli import main

    assert main(["deadline", "--received", "2024-06-29", "--format", "json", "--lang", "en"]) == 0
    printed = json.loads(capsys.readouterr().out)
    answer = _answer(
        {
            "agreement": "coesfeld",
            "lang": "en",
            "questions": [{"type": "deadline", "received": "2024-06-29"}],
        }
    )
    assert printed == answer["result"]


def test_explain_and_financial_impact_name_the_town_in_any_spelling() -> None:
    explained, impact, nkf = calculate(
        {
            "agreement": "coesfeld",
            "lang": "en",
            "questions": [
                {"type": "explain", "town": "havixbeck", "year": 2023},
                {"type": "financial_impact", "town": "05558008", "year": 2023},
                {"type": "financial_impact", "town": "Billerbeck", "year": 2023, "layout": "nkf"},
            ],
        }
    )["answers"]
    settlement = settle(COESFELD.agreement, 2023, PLAN_2023)
    assert explained["result"] == explain(settlement, "Havixbeck", lang="en").to_dict()
    assert impact["result"] == financial_impact(settlement, "Billerbeck").to_dict()
    assert nkf["result"] == financial_impact(settlement, "Billerbeck", layout="nkf").to_dict()


def test_billing_gives_the_statements_with_the_advances() -> None:
    answer = _answer(
        {
            "agreement": "coesfeld",
            "lang": "en",
            "questions": [{"type": "billing", "year": 2023, "advances": {"Rosendahl": "9000"}}],
        }
    )
    settlement = settle(COESFELD.agreement, 2023, PLAN_2023)
    statements = billing_statements(settlement, advances={"Rosendahl": Decimal("9000")})
    assert answer["result"] == {"statements": [each.to_dict() for each in statements]}


def test_wind_down_is_the_estimate_after_everyone_gave_notice() -> None:
    notices = [
        {"party": party.name, "received": "2024-06-28"} for party in COESFELD.agreement.parties
    ]
    answer = _answer(
        {
            "agreement": "coesfeld",
            "lang": "en",
            "notices": notices,
            "questions": [{"type": "wind_down"}],
        }
    )
    ended = COESFELD.agreement.give_notices(
        dict.fromkeys(COESFELD.agreement.parties, dt.date(2024, 6, 28))
    )
    estimate = estimate_wind_down(ended, 2026, PLAN_2023)
    assert estimate is not None
    assert answer["result"] == estimate.to_dict()
    assert answer["notes"][-1] == sources.carried_note(2026, 2023, "en")


def test_an_inline_agreement_answers_as_the_built_in_example() -> None:
    inline = json.loads(dump_agreement(presets.example(), format="json"))
    with_plans = json.loads(
        dump_agreement(
            AgreementFile(agreement=presets.example(), cost_plans=presets.example_cost_plans()),
            format="json",
        )
    )
    questions = [
        {"type": "settle", "year": 2025},
        {"type": "project", "years": [2024, 2025, 2026]},
        {"type": "explain", "town": "Brunnfeld", "year": 2024},
    ]
    built_in = calculate({"agreement": "example", "lang": "en", "questions": questions})
    given = calculate(
        {
            "agreement": inline,
            "cost_plans": with_plans["cost_plans"],
            "lang": "en",
            "questions": questions,
        }
    )
    own = calculate({"agreement": with_plans, "lang": "en", "questions": questions})
    for left, right, third in zip(
        built_in["answers"], given["answers"], own["answers"], strict=True
    ):
        assert left["result"] == right["result"] == third["result"]
        assert right["notes"] == third["notes"] == []  # an agreement of one's own has no note


def test_the_request_adds_cost_plans_notices_and_policies() -> None:
    answer = _answer(
        {
            "agreement": "coesfeld",
            "lang": "en",
            "cost_plans": {"2024": {"Nord": {"personnel": "170000.00"}}},
            "notices": [{"party": "Rosendahl", "received": "2024-06-28"}],
            "policies": {"withdrawal_scope": "agreement"},
            "questions": [{"type": "settle", "year": 2024}],
        }
    )
    result = answer["result"]
    assert result["policies"]["withdrawal_scope"] == "agreement"
    assert result["regions"][0]["costs"]["total"] == "170000.00"
    assert [region["region"] for region in result["regions"]] == ["Nord"]
    assert answer["notes"] == []  # the request's own plan: no note on the built-in costs


def test_every_answer_is_plain_json_and_the_text_round_trips() -> None:
    request = {
        "schema_version": "1.3",
        "agreement": "coesfeld",
        "questions": [
            {"type": "settle", "year": 2023},
            {"type": "deadline", "year": 2026},
            {"type": "billing", "year": 2023},
        ],
    }
    response = calculate(request)
    assert _plain(response)
    text = calculate_json(json.dumps(request).encode())
    assert json.loads(text) == response
    assert "ö" in calculate_json(json.dumps(request))  # UTF-8, not \u escapes


def test_the_language_of_texts_follows_the_request_then_the_argument() -> None:
    question = [{"type": "deadline", "received": "2024-06-29"}]
    german = _answer({"agreement": "coesfeld", "questions": question})["result"]["warning"]
    english = calculate({"agreement": "coesfeld", "questions": question}, lang="en")
    request_wins = calculate(
        {"agreement": "coesfeld", "lang": "de", "questions": question}, lang="en"
    )
    assert german == request_wins["answers"][0]["result"]["warning"]
    assert german != english["answers"][0]["result"]["warning"]
