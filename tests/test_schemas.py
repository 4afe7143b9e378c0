"""The JSON Schemas of the contract: valid, strict, and true of every result the library gives."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import functools
import io
import json
import pathlib
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kim_cooperation import (
    Agreement,
    CostStatement,
    Party,
    Policies,
    contract,
    explain,
    financial_impact,
    presets,
    settle,
)
from kim_cooperation.billing import billing_statements
from kim_cooperation.cli import main
from kim_cooperation.errors import InvalidTypeError, InvalidValueError, KimCooperationError
from kim_cooperation.files import agreement_schema
from kim_cooperation.formatting import Lang
from kim_cooperation.projection import estimate_wind_down, project
from kim_cooperation.scenario import all_give_notice, compare, loss_of_funding, rate_change
from kim_cooperation.schemas import SCHEMA_NAMES, schema
from kim_cooperation.schemas._messages import ANSWER_SCHEMAS, MAX_QUESTIONS
from kim_cooperation.strategies import (
    agreements,
    cost_plans,
    notice_terms,
    settlement_years,
)

ROOT = pathlib.Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import write_schemas  # noqa: E402

BASE = "https://kim-cooperation.readthedocs.io/schemas/1/"
FORMATS = jsonschema.Draft202012Validator.FORMAT_CHECKER
LANGS: tuple[Lang, ...] = ("de", "en")


@functools.cache
def validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(name), format_checker=FORMATS)


def problems(name: str, data: object) -> list[str]:
    return [f"{error.json_path}: {error.message}" for error in validator(name).iter_errors(data)]


def assert_valid(name: str, data: object) -> None:
    found = problems(name, data)
    assert not found, "\n".join(found[:10])


def cli_json(*arguments: str) -> Any:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(list(arguments)) == 0
    return json.loads(out.getvalue())


# --------------------------------------------------------------------------- the schemas


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_each_schema_is_a_valid_draft_2020_12_schema_with_id_title_and_description(
    name: str,
) -> None:
    found = schema(name)
    jsonschema.Draft202012Validator.check_schema(found)
    assert found["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert found["$id"] == f"{BASE}{name}.schema.json"
    assert found["title"].startswith("kim_cooperation ")
    assert len(found["description"]) > 40


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_every_object_is_closed(name: str) -> None:
    def objects(node: object) -> Iterator[dict[str, Any]]:
        if isinstance(node, dict):
            if node.get("type") == "object":
                yield node
            for value in node.values():
                yield from objects(value)
        elif isinstance(node, list):
            for value in node:
                yield from objects(value)

    def is_closed(found: dict[str, Any]) -> bool:
        # A table keyed by years, regions or towns says what its values are instead; a
        # question is closed by the schema of its type.
        cases = [case["then"] for case in found.get("allOf", [])]
        return (
            found.get("additionalProperties") is False
            or isinstance(found.get("additionalProperties"), dict)
            or (bool(cases) and all(case["additionalProperties"] is False for case in cases))
        )

    assert all(is_closed(found) for found in objects(schema(name)))


def test_each_call_returns_a_new_copy() -> None:
    first = schema("settlement")
    first["$defs"].clear()
    first["title"] = "changed"
    assert schema("settlement")["$defs"]
    assert schema("settlement")["title"] == "kim_cooperation settlement"


def test_unknown_names_and_wrong_types_are_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"'settlements'.*financial_impact"):
        schema("settlements")
    with pytest.raises(InvalidTypeError, match="must be a string"):
        schema(None)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError) as raised:
        schema("Settlement")
    assert "kein Schema" in raised.value.describe("de")


def test_the_agreement_schema_is_the_files_one_under_the_contracts_id() -> None:
    assert schema("agreement") == {**agreement_schema(), "$id": f"{BASE}agreement.schema.json"}
    # The request embeds it, so one document validates a request.
    assert schema("request")["$defs"]["agreement"] == schema("agreement")


def test_the_response_embeds_the_schema_of_each_answer_type() -> None:
    embedded = schema("response")["$defs"]
    for name in ANSWER_SCHEMAS.values():
        assert embedded[name] == schema(name)
    assert set(SCHEMA_NAMES) == {"request", "response", "error", "agreement", *embedded}


def test_getting_a_schema_imports_no_jsonschema() -> None:
    code = (
        "import sys; from kim_cooperation.schemas import schema, SCHEMA_NAMES\n"
        "[schema(name) for name in SCHEMA_NAMES]\n"
        "assert 'jsonschema' not in sys.modules, 'jsonschema imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_published_files_are_the_generated_schemas() -> None:
    # Regenerate with: python tools/write_schemas.py
    assert write_schemas.differences(ROOT / "docs" / "reference" / "schemas") == []


def test_the_writer_reports_and_fixes_a_stale_file(tmp_path: pathlib.Path) -> None:
    write_schemas.write(tmp_path)
    assert write_schemas.differences(tmp_path) == []
    (tmp_path / "error.schema.json").write_text("{}\n", encoding="utf-8")
    (tmp_path / "old.schema.json").write_text("{}\n", encoding="utf-8")
    assert write_schemas.differences(tmp_path) == ["error.schema.json", "old.schema.json"]
    assert write_schemas.run(["--check", str(tmp_path)]) == 1
    assert write_schemas.run([str(tmp_path)]) == 0
    assert write_schemas.differences(tmp_path) == []


# --------------------------------------------------------------------------- the built-in results

COESFELD = presets.coesfeld()
PLAN = presets.coesfeld_cost_plan_2023()


def test_the_built_in_agreements_results_validate() -> None:
    settlement = settle(COESFELD, 2023, PLAN)
    assert_valid("settlement", settlement.to_dict())
    example = presets.example()
    for year, plan in presets.example_cost_plans().items():
        example_settlement = settle(example, year, plan)
        assert_valid("settlement", example_settlement.to_dict())
        statements = billing_statements(example_settlement)
        assert_valid("billing", {"statements": [item.to_dict() for item in statements]})
        for party in example.parties:
            for lang in LANGS:
                assert_valid(
                    "explanation", explain(example_settlement, party, lang=lang).to_dict()
                )
    advances = {"Rosendahl": Decimal("9000"), "Billerbeck": Decimal("8125.01")}
    statements = billing_statements(settlement, advances=advances)
    assert_valid("billing", {"statements": [item.to_dict() for item in statements]})
    for town in ("Coesfeld", "Billerbeck"):
        for layout in ("council-paper", "nkf"):
            impact = financial_impact(settlement, town, layout=layout)
            assert_valid("financial_impact", impact.to_dict())
        for lang in LANGS:
            assert_valid("explanation", explain(settlement, town, lang=lang).to_dict())
    # Under the literal reading of C12 a town bears parts of other regions' own shares.
    left = COESFELD.give_notice("Rosendahl", dt.date(2024, 6, 30))
    literal = left.with_policies(Policies(withdrawal_scope="agreement"))
    plan = {**PLAN, "Mitte": PLAN["Nord"]}
    for town in ("Coesfeld", "Dülmen", "Rosendahl"):
        assert_valid("explanation", explain(settle(literal, 2026, plan), town).to_dict())


def test_projections_comparisons_and_wind_downs_validate() -> None:
    ended = all_give_notice(COESFELD, dt.date(2024, 6, 30))
    projection = project(ended, range(2024, 2028), PLAN)
    data = projection.to_dict()
    assert {result["basis"] for result in data["results"]} >= {"settlement", "wind-down"}
    assert_valid("projection", data)
    comparison = compare(
        COESFELD,
        {
            "57.000 €": rate_change(COESFELD, 57000, dt.date(2025, 1, 1)),
            "no funding": loss_of_funding(COESFELD, dt.date(2026, 1, 1)),
            "all leave": ended,
        },
        range(2024, 2028),
        PLAN,
    )
    assert_valid("comparison", comparison.to_dict())
    run_on = estimate_wind_down(ended, 2026, PLAN)
    assert run_on is not None
    assert_valid("wind_down", run_on.to_dict())


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize(
    "arguments",
    [
        ("--received", "2024-06-28"),
        ("--received", "2024-06-30"),
        ("--year", "2026"),
        ("--end", "2026-12-31", "--closed", "2025-06-30"),
    ],
)
def test_deadline_records_validate(lang: str, arguments: tuple[str, ...]) -> None:
    record = cli_json("deadline", *arguments, "--format", "json", "--lang", lang)
    assert_valid("deadline", record)


# --------------------------------------------------------------------------- drawn results


@st.composite
def settled(draw: st.DrawFn) -> tuple[Agreement, int, dict[str, CostStatement]]:
    agreement = draw(agreements(max_parties=7, with_notices=None, notice_terms=notice_terms()))
    year = draw(settlement_years(agreement))
    return agreement, year, draw(cost_plans(agreement))


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(settled(), st.data())
def test_drawn_settlements_billings_explanations_and_impacts_validate(
    case: tuple[Agreement, int, dict[str, CostStatement]], data: st.DataObject
) -> None:
    agreement, year, plan = case
    settlement = settle(agreement, year, plan)
    assert_valid("settlement", settlement.to_dict())
    towns = [party for region in settlement.regions for party in region.region.members]
    # Advances are set off against bills (C9): keyed by the town billed and its employer.
    bills: list[tuple[str | Party, str | Party]] = sorted(
        {
            (line.debtor.ags, line.creditor.ags)
            for region in settlement.regions
            for line in region.billing
        }
    )
    advances = (
        data.draw(
            st.dictionaries(
                st.sampled_from(bills),
                st.integers(0, 10_000_000).map(lambda cents: Decimal(cents).scaleb(-2)),
                max_size=3,
            )
        )
        if bills
        else {}
    )
    statements = billing_statements(settlement, advances=advances)
    assert_valid("billing", {"statements": [item.to_dict() for item in statements]})
    town = data.draw(st.sampled_from(towns))
    lang = data.draw(st.sampled_from(LANGS))
    assert_valid("explanation", explain(settlement, town, lang=lang).to_dict())
    layout = data.draw(st.sampled_from(["council-paper", "nkf"]))
    try:
        impact = financial_impact(settlement, town, layout=layout)
    except KimCooperationError:  # a town that has left has no statement
        return
    assert_valid("financial_impact", impact.to_dict())


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(settled(), st.integers(1, 5), st.integers(0, 60_000), st.booleans())
def test_drawn_projections_comparisons_and_wind_downs_validate(
    case: tuple[Agreement, int, dict[str, CostStatement]], length: int, rate: int, ends: bool
) -> None:
    agreement, year, plan = case
    if ends and not agreement.notices:
        # Full termination within the years drawn, so that the projection runs on (C13).
        agreement = all_give_notice(agreement, max(agreement.start, dt.date(year, 1, 15)))
    years = range(year, year + length)
    projection = project(agreement, years, plan)
    assert_valid("projection", projection.to_dict())
    variant = rate_change(agreement, rate, dt.date(year, 1, 1), replace=True)
    assert_valid("comparison", compare(agreement, {"rate": variant}, years, plan).to_dict())
    for result in projection.results:
        if result.wind_down is not None:
            run_on = estimate_wind_down(agreement, result.year, plan)
            assert run_on is not None
            assert_valid("wind_down", run_on.to_dict())


@settings(max_examples=30)
@given(
    st.one_of(
        st.dates(dt.date(2000, 1, 1), dt.date(2090, 12, 31)).map(
            lambda day: ("--received", day.isoformat())
        ),
        st.integers(2026, 2090).map(lambda year: ("--year", str(year))),
        st.dates(dt.date(2026, 1, 1), dt.date(2090, 12, 31)).map(
            lambda day: ("--end", day.isoformat())
        ),
    ),
    st.sampled_from(["de", "en"]),
)
def test_drawn_deadline_records_validate(arguments: tuple[str, str], lang: str) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        status = main(["deadline", *arguments, "--format", "json", "--lang", lang])
    if status == 0:  # an end the terms do not allow is refused
        assert_valid("deadline", json.loads(out.getvalue()))


# --------------------------------------------------------------------------- strictness


def _settlement_document() -> dict[str, Any]:
    return settle(COESFELD, 2023, PLAN).to_dict()


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


MONEY_PATHS = [
    ("regions", 0, "own_share", "amount"),
    ("regions", 0, "split", "shares", 1, "amount"),
    ("regions", 0, "costs", "total"),
    ("regions", 0, "billing", 0, "amount"),
]
OBJECT_PATHS = [
    (),
    ("regions", 0),
    ("regions", 0, "funding"),
    ("regions", 0, "split", "shares", 0),
]


@pytest.mark.parametrize("path", OBJECT_PATHS)
def test_a_missing_key_fails(path: tuple[str | int, ...]) -> None:
    document = _settlement_document()
    target = _at(document, path)
    for key in list(target):
        changed = copy.deepcopy(document)
        del _at(changed, path)[key]
        assert problems("settlement", changed), (path, key)


@pytest.mark.parametrize("path", OBJECT_PATHS)
def test_an_unknown_key_fails(path: tuple[str | int, ...]) -> None:
    document = _settlement_document()
    _at(document, path)["remark"] = "x"
    assert problems("settlement", document)


@pytest.mark.parametrize("path", MONEY_PATHS)
@pytest.mark.parametrize("value", [8125.0, "1.5", "8125", "8,125.00", 8125, None])
def test_money_that_is_not_a_two_place_string_fails(
    path: tuple[str | int, ...], value: object
) -> None:
    document = _settlement_document()
    _at(document, path[:-1])[path[-1]] = value
    assert problems("settlement", document)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("regions", 0, "own_share", "clause"), "C14"),
        (("regions", 0, "own_share", "clause"), "c7"),
        (("regions", 0, "split", "interpretation"), "C4"),
        (("regions", 0, "spans", 0, "first_day"), "2023-02-30"),
        (("regions", 0, "spans", 0, "first_day"), "01.01.2023"),
        (("regions", 0, "employer", "ags"), "5558012"),
        (("regions", 0, "split_key", "kind"), "equals"),
        (("policies", "withdrawal_scope"), "town"),
        (("regions", 0, "split", "shares", 0, "exact"), "8125.5"),
        (("type",), "projection"),
    ],
)
def test_words_days_and_ids_outside_their_lists_fail(
    path: tuple[str | int, ...], value: object
) -> None:
    document = _settlement_document()
    _at(document, path[:-1])[path[-1]] = value
    assert problems("settlement", document)


def test_each_result_schema_refuses_another_result() -> None:
    settlement = _settlement_document()
    for name in ("projection", "comparison", "explanation", "wind_down", "financial_impact"):
        assert problems(name, settlement)


# --------------------------------------------------------------------------- requests


REQUEST: dict[str, Any] = {
    "schema_version": "1.0",
    "agreement": "coesfeld",
    "cost_plans": {"2023": {"Nord": {"personnel": "163000.00", "material_not_itemised": "7000"}}},
    "notices": [{"party": "Rosendahl", "received": "2024-06-28"}],
    "policies": {"withdrawal_scope": "agreement"},
    "lang": "de",
    "questions": [
        {"type": "settle", "year": 2023},
        {"type": "project", "years": [2024, 2025, 2026], "growth": "3 %"},
        {
            "type": "scenario",
            "years": [2025, 2026],
            "variants": [
                {"name": "57.000 €", "rates": [{"valid_from": "2025-01-01", "amount": "57000"}]}
            ],
        },
        {"type": "deadline", "received": "2024-06-28"},
        {"type": "deadline", "year": 2026},
        {"type": "deadline", "end": "2026-12-31", "closed": ["2025-06-30"]},
        {"type": "explain", "town": "Havixbeck", "year": 2023},
        {"type": "wind_down", "year": 2026},
        {"type": "billing", "year": 2023, "advances": {"Rosendahl": "9000"}},
        {"type": "financial_impact", "town": "Billerbeck", "year": 2023, "layout": "nkf"},
    ],
}
"""The request of the design (/work/briefs/contract16.md), every question type.

Its ``end`` is a year's end: Coesfeld's terms (C11) end membership only there.
"""


def test_the_designs_request_and_the_minimal_one_validate() -> None:
    assert_valid("request", REQUEST)
    assert_valid(
        "request", {"agreement": "coesfeld", "questions": [{"type": "settle", "year": 2023}]}
    )


def test_an_inline_agreement_validates_against_the_embedded_agreement_schema() -> None:
    from kim_cooperation.files import dump_agreement

    inline = json.loads(dump_agreement(presets.coesfeld(), format="json"))
    assert_valid("request", {**REQUEST, "agreement": inline})
    inline["regions"][0]["posts"][0]["fte"] = 0.5
    assert any("fte" in found for found in problems("request", {**REQUEST, "agreement": inline}))


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"schema_version": "2.0"}, "schema_version"),
        ({"schema_version": 1}, "schema_version"),
        ({"agreement": "kreis"}, "agreement"),
        ({"lang": "fr"}, "lang"),
        ({"questions": []}, "questions"),
        ({"questions": [{"type": "settle", "year": 2023}] * (MAX_QUESTIONS + 1)}, "questions"),
        ({"questions": [{"type": "settle", "year": "2023"}]}, "year"),
        ({"questions": [{"type": "settle", "year": 2023.5}]}, "year"),
        ({"questions": [{"type": "settle", "year": 2023, "years": [2024]}]}, "questions"),
        ({"questions": [{"type": "settle"}]}, "questions"),
        ({"questions": [{"type": "settel", "year": 2023}]}, "type"),
        ({"questions": [{"type": "deadline"}]}, "questions"),
        ({"questions": [{"type": "deadline", "year": 2026, "end": "2026-12-31"}]}, "questions"),
        ({"questions": [{"type": "deadline", "received": "2024-02-30"}]}, "received"),
        ({"questions": [{"type": "project", "years": [2024, 2024]}]}, "years"),
        ({"questions": [{"type": "project", "years": [2024], "growth": 0.03}]}, "growth"),
        ({"questions": [{"type": "scenario", "years": [2025], "variants": []}]}, "variants"),
        (
            {"questions": [{"type": "scenario", "years": [2025], "variants": [{"name": "x"}]}]},
            "variants",
        ),
        ({"questions": [{"type": "billing", "year": 2023, "advances": {"A": 1.5}}]}, "advances"),
        (
            {"questions": [{"type": "financial_impact", "town": "X", "year": 1, "layout": "x"}]},
            "layout",
        ),
        ({"cost_plans": {"2023": {"Nord": {"personnel": 163000.5}}}}, "personnel"),
        ({"cost_plans": {"2023": {"Nord": {"personnel": "163.000,00"}}}}, "personnel"),
        ({"cost_plans": {"2023": {"Nord": {"salary": "1"}}}}, "Nord"),
        ({"notices": [{"party": "Rosendahl"}]}, "notices"),
        ({"policies": {"withdrawal_scope": "town"}}, "withdrawal_scope"),
        ({"extra": True}, "$"),
    ],
)
def test_malformed_requests_fail(change: dict[str, Any], where: str) -> None:
    found = problems("request", {**REQUEST, **change})
    assert found
    assert any(where in problem for problem in found), found


def test_a_request_without_its_required_keys_fails() -> None:
    for key in ("agreement", "questions"):
        assert problems("request", {k: v for k, v in REQUEST.items() if k != key})


def test_error_objects_validate_and_unknown_error_types_fail() -> None:
    error: dict[str, Any] = {
        "schema_version": "1.0",
        "error": {
            "type": "invalid_request",
            "message": "the request has 1 problem",
            "problems": [{"path": "questions[0].year", "message": "expected a year"}],
        },
    }
    assert_valid("error", error)
    for kind in ("invalid_json", "too_large", "too_deep", "timeout"):
        assert_valid("error", {**error, "error": {**error["error"], "type": kind}})
    assert problems("error", {**error, "error": {**error["error"], "type": "oops"}})
    assert problems("error", {**error, "answers": []})


# --------------------------------------------------------------------------- the contract


def test_the_schemas_limits_are_the_contracts() -> None:
    assert contract.MAX_QUESTIONS == MAX_QUESTIONS
    assert set(ANSWER_SCHEMAS) == set(contract.QUESTION_TYPES)
    assert schema("error")["properties"]["error"]["properties"]["type"]["enum"] == list(
        contract.ERROR_TYPES
    )
    assert schema("request")["properties"]["schema_version"]["pattern"].startswith(
        "^" + contract.SCHEMA_VERSION.split(".")[0]
    )


ANSWERABLE = {
    **REQUEST,
    "questions": [
        question for question in REQUEST["questions"] if question["type"] != "wind_down"
    ],
}
"""The design's request without the wind-down: Coesfeld's parties have not all given notice."""

ENDED = {
    "agreement": "coesfeld",
    "notices": [{"party": party.name, "received": "2024-06-28"} for party in COESFELD.parties],
    "questions": [
        {"type": "wind_down"},
        {"type": "wind_down", "year": 2026},
        {"type": "project", "years": [2025, 2026, 2027]},
        {"type": "explain", "town": "Olfen", "year": 2025},
    ],
}
"""Every party has given notice (C13): the wind-down can be estimated."""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("request_", [ANSWERABLE, ENDED])
def test_the_contracts_answers_validate(request_: dict[str, Any], lang: Lang) -> None:
    assert_valid("request", request_)
    response = contract.calculate({**copy.deepcopy(request_), "lang": lang})
    assert_valid("response", response)
    assert [answer["type"] for answer in response["answers"]] == [
        question["type"] for question in request_["questions"]
    ]


def test_a_response_with_a_wrong_result_fails() -> None:
    response = contract.calculate(copy.deepcopy(ANSWERABLE))
    response["answers"][0]["result"] = response["answers"][1]["result"]
    assert problems("response", response)
    del response["answers"][1]["notes"]
    assert problems("response", response)


@pytest.mark.parametrize(
    "request_",
    [
        {"agreement": "coesfeld"},
        {"agreement": "kreis", "questions": [{"type": "settle", "year": "2023"}]},
        {"agreement": "coesfeld", "questions": [{"type": "settle", "year": 1900}]},
        [],
    ],
)
def test_error_objects_of_the_contract_validate(request_: object) -> None:
    with pytest.raises(contract.RequestError) as raised:
        contract.calculate(request_)
    for lang in ("de", "en"):
        assert_valid("error", raised.value.to_dict(lang))


def test_error_objects_of_malformed_json_validate() -> None:
    for text in ("{", '{"agreement": 1.5}', "[" * 100 + "]" * 100):
        with pytest.raises(contract.RequestError) as raised:
            contract.calculate_json(text)
        assert_valid("error", raised.value.to_dict())
