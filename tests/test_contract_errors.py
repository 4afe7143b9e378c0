"""A bad request is refused as a whole, every problem at its path, and nothing else is raised."""

from __future__ import annotations

import copy
import json
import pickle
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kim_cooperation import presets
from kim_cooperation.contract import (
    MAX_DEPTH,
    MAX_QUESTIONS,
    RequestError,
    calculate,
    calculate_json,
)
from kim_cooperation.errors import InvalidValueError, Phrase
from kim_cooperation.files import dump_agreement


def _refused(request: object, lang: str = "en") -> RequestError:
    with pytest.raises(RequestError) as caught:
        calculate(request, lang=lang)  # type: ignore[arg-type]
    return caught.value


def _paths(error: RequestError) -> list[str]:
    return [path for path, _ in error.problems]


def _request(*questions: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"agreement": "coesfeld", "questions": list(questions), **extra}


SETTLE = {"type": "settle", "year": 2023}


@pytest.mark.parametrize(
    ("request_", "paths"),
    [
        (_request({"type": "settle", "year": 2023.0}), ["questions[0].year"]),
        (
            _request(SETTLE, cost_plans={"2023": {"Nord": {"personnel": 55000.5}}}),
            ["cost_plans.2023.Nord.personnel"],
        ),
        (_request({"type": "settle", "year": 2023, "yaer": 1}), ["questions[0].yaer"]),
        (_request(SETTLE, questoins=[]), ["questoins"]),
        (_request({"type": "settle", "year": "2023"}), ["questions[0].year"]),
        (_request({"type": "settle", "year": True}), ["questions[0].year"]),
        (_request({"type": "settle"}), ["questions[0].year"]),
        (_request({"type": "settle", "year": 0}), ["questions[0].year"]),
        (_request({"year": 2023}), ["questions[0].type"]),
        (_request({"type": "setle", "year": 2023}), ["questions[0].type"]),
        (_request({"type": "deadline", "received": "2024-02-30"}), ["questions[0].received"]),
        (_request({"type": "deadline", "received": "yesterday"}), ["questions[0].received"]),
        (_request({"type": "deadline", "year": 2026, "end": "2026-12-31"}), ["questions[0]"]),
        (_request({"type": "deadline"}), ["questions[0]"]),
        (
            _request({"type": "deadline", "year": 2026, "closed": ["24.12."]}),
            ["questions[0].closed[0]"],
        ),
        (_request({"type": "project", "years": [2025, 2024]}), ["questions[0].years[1]"]),
        (_request({"type": "project", "years": []}), ["questions[0].years"]),
        (_request({"type": "project", "years": [2024], "growth": 0.03}), ["questions[0].growth"]),
        (
            _request({"type": "project", "years": [2024], "growth": "drei"}),
            ["questions[0].growth"],
        ),
        (
            _request({"type": "billing", "year": 2023, "advances": {"Rosendahl": "9.000,5x"}}),
            ["questions[0].advances.Rosendahl"],
        ),
        (
            _request(
                {"type": "financial_impact", "town": "Billerbeck", "year": 2023, "layout": "NKF"}
            ),
            ["questions[0].layout"],
        ),
        (
            _request(
                {
                    "type": "scenario",
                    "years": [2025],
                    "variants": [{"name": "x", "funding_ends": "2026-13-01"}],
                }
            ),
            ["questions[0].variants[0].funding_ends"],
        ),
        ({"questions": [SETTLE]}, ["agreement"]),
        ({"agreement": "coesfeld"}, ["questions"]),
        (_request(), ["questions"]),
        ({"agreement": "muenster", "questions": [SETTLE]}, ["agreement"]),
        ({"agreement": 7, "questions": [SETTLE]}, ["agreement"]),
        (_request(SETTLE, lang="fr"), ["lang"]),
        (_request(SETTLE, schema_version="2.0"), ["schema_version"]),
        (_request(SETTLE, schema_version=1), ["schema_version"]),
        (_request(SETTLE, notices={"party": "Rosendahl"}), ["notices"]),
        (
            _request(SETTLE, notices=[{"party": "Rosendhal", "received": "2024-06-28"}]),
            ["notices[0].party"],
        ),
        (
            _request(SETTLE, policies={"withdrawal_scop": "agreement"}),
            ["policies.withdrawal_scop"],
        ),
        ([SETTLE], [""]),
        ({"agreement": "coesfeld", "questions": ["settle"]}, ["questions[0]"]),
        (_request(*[SETTLE] * (MAX_QUESTIONS + 1)), ["questions"]),
    ],
)
def test_each_bad_input_is_refused_at_its_path(request_: object, paths: list[str]) -> None:
    error = _refused(request_)
    assert _paths(error) == paths
    assert error.type == "invalid_request"
    assert isinstance(error, InvalidValueError)


@pytest.mark.parametrize(
    ("question", "path"),
    [
        ({"type": "explain", "town": "Münster", "year": 2023}, "questions[0].town"),
        ({"type": "financial_impact", "town": "Ahaus", "year": 2023}, "questions[0].town"),
        ({"type": "settle", "year": 2022}, "questions[0].year"),
        (
            {"type": "billing", "year": 2023, "advances": {"Ahaus": "1"}},
            "questions[0].advances.Ahaus",
        ),
        ({"type": "wind_down"}, "questions[0]"),
        ({"type": "deadline", "end": "2026-03-31"}, "questions[0].end"),
    ],
)
def test_a_question_the_library_refuses_refuses_the_request(
    question: dict[str, Any], path: str
) -> None:
    error = _refused(_request(SETTLE, question))
    assert _paths(error) == [path.replace("[0]", "[1]", 1)]


def test_every_problem_of_the_form_is_listed_at_once() -> None:
    error = _refused(
        {
            "agreement": "coesfeld",
            "lang": "en",
            "cost_plans": {"2023": {"Nord": {"personnel": 1.5}}},
            "questions": [{"type": "settle", "year": 2023.0}, {"type": "settle", "yaer": 1}],
        }
    )
    # In the order of their paths, whichever pass found them; each path once.
    assert _paths(error) == [
        "cost_plans.2023.Nord.personnel",
        "questions[0].year",
        "questions[1].yaer",
        "questions[1].year",
    ]
    error = _refused(
        {
            "agreement": "coesfeld",
            "lang": "en",
            "cost_plans": {"2023": {"Nord": {"personal": "1"}}},
            "questions": [{"type": "settle", "yaer": 1}],
        }
    )
    assert _paths(error) == [
        "cost_plans.2023.Nord.personal",
        "questions[0].yaer",
        "questions[0].year",
    ]
    assert "did you mean year?" in str(error)


def test_a_broken_inline_agreement_has_its_paths_under_agreement() -> None:
    data = json.loads(dump_agreement(presets.example(), format="json"))
    data["regions"][1]["posts"][0]["fte"] = "3/2"
    data["parties"][0]["agss"] = "x"
    error = _refused({"agreement": data, "questions": [SETTLE]})
    assert _paths(error) == ["agreement.parties[0].agss", "agreement.regions[1].posts[0].fte"]


def test_a_second_notice_of_a_party_is_refused_at_the_requests_notice() -> None:
    first = [{"party": "Rosendahl", "received": "2024-06-28"}]
    data = json.loads(
        dump_agreement(
            presets.coesfeld().give_notice("Rosendahl", _day(2024, 6, 28)), format="json"
        )
    )
    error = _refused(
        {
            "agreement": data,
            "notices": [{"party": "Billerbeck", "received": "2024-06-28"}, *first],
            "questions": [SETTLE],
        }
    )
    assert _paths(error) == ["notices[1].party"]


def _day(year: int, month: int, day: int) -> Any:
    import datetime as dt

    return dt.date(year, month, day)


def test_the_closest_question_type_is_named() -> None:
    error = _refused(_request({"type": "windown"}))
    assert "did you mean wind_down?" in str(error)


def test_another_major_version_names_the_supported_one() -> None:
    error = _refused(_request(SETTLE, schema_version="2.1"))
    assert '"1.0"' in str(error)
    calculate(_request(SETTLE, schema_version="1"))
    calculate(_request(SETTLE, schema_version="1.7"))


@pytest.mark.parametrize(
    ("text", "kind", "paths"),
    [
        ('{"agreement": "coesfeld", "questions": [', "invalid_json", [""]),
        (b"\xff\xfe", "invalid_json", [""]),
        (
            '{"agreement": "coesfeld", "questions": [{"type": "settle", "year": 2.023e3}]}',
            "invalid_request",
            ["questions[0].year"],
        ),
        (
            '{"agreement": "coesfeld", "questions": [{"type": "settle", "year": NaN}]}',
            "invalid_request",
            ["questions[0].year"],
        ),
        (
            '{"agreement": "coesfeld", "questions": [{"type": "settle", "year": -Infinity}]}',
            "invalid_request",
            ["questions[0].year"],
        ),
        (
            '{"agreement": "coesfeld", "questions": [{"type": "settle", "year": 2023, '
            '"year": 2024}]}',
            "invalid_request",
            ["questions[0].year"],
        ),
        (
            '{"agreement": "coesfeld", "questions": [{"type": "settle", "year": 2023}], '
            '"x": ' + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "}",
            "too_deep",
            None,
        ),
        ("[" * 100_000 + "]" * 100_000, "too_deep", None),
        ('{"agreement": "\\ud800", "questions": []}', "invalid_request", ["agreement"]),
    ],
)
def test_bad_json_text_is_refused(text: str | bytes, kind: str, paths: list[str] | None) -> None:
    with pytest.raises(RequestError) as caught:
        calculate_json(text, lang="en")
    assert caught.value.type == kind
    if paths is not None:
        assert _paths(caught.value) == paths
    json.dumps(caught.value.to_dict(), ensure_ascii=False).encode()  # it can be sent


def test_text_longer_than_the_limit_is_refused_unread() -> None:
    text = json.dumps(_request(SETTLE))
    with pytest.raises(RequestError) as caught:
        calculate_json(text, max_bytes=len(text) - 1)
    assert caught.value.type == "too_large"
    assert calculate_json(text, max_bytes=len(text))
    with pytest.raises(RequestError):
        calculate_json(("ö" * len(text)).encode(), max_bytes=len(text))


def test_nesting_deeper_than_the_limit_in_a_parsed_request() -> None:
    deep: Any = []
    for _ in range(MAX_DEPTH + 1):
        deep = [deep]
    error = _refused(_request(SETTLE, extra=deep))
    assert error.type == "too_deep"


def test_the_error_object_in_german_and_english() -> None:
    request = _request({"type": "settle", "year": 2023.5}, lang="de")
    error = _refused(request)
    assert error.lang == "de"
    german, english = error.to_dict("de"), error.to_dict("en")
    assert german["error"]["message"] == "die Anfrage hat 1 Problem"
    assert english["error"]["message"] == "the request has 1 problem"
    assert german["error"]["problems"][0]["path"] == "questions[0].year"
    assert "Zahl 2023.5" in german["error"]["problems"][0]["message"]
    assert "number 2023.5" in english["error"]["problems"][0]["message"]
    assert german["schema_version"] == "1.0"
    assert str(error).startswith("die Anfrage hat 1 Problem:")


@pytest.mark.parametrize(
    "request_",
    [
        _request({"type": "settle", "year": 2023.5}, notices=[{"party": 1}]),
        _request({"type": "settle", "yaer": 1}, policies={"x": 1}),
        _request({"type": "deadline", "received": "30.02.2024"}),
        {"agreement": {"name": 1}, "questions": [{"type": "explain"}]},
        _request({"type": "scenario", "years": [2025], "variants": [{"name": 1}]}),
        _request({"type": "explain", "town": "Münster", "year": 2023}),
        _request({"type": "wind_down"}),
    ],
)
def test_german_messages_are_german_and_english_ones_english(request_: object) -> None:
    german = _refused(request_, lang="de").to_dict("de")
    english = _refused(request_, lang="en").to_dict("en")
    for problem in german["error"]["problems"]:
        assert not any(
            word in problem["message"].split()
            for word in ("expected", "got", "the", "unknown", "required", "missing")
        ), problem
    for problem in english["error"]["problems"]:
        assert not any(
            word in problem["message"].split()
            for word in ("erwartet", "erhalten", "der", "die", "unbekannter", "fehlt")
        ), problem


def test_a_request_error_pickles_and_checks_its_arguments() -> None:
    error = RequestError([("questions[0]", Phrase("bad"))], type="timeout", lang="de")
    again = pickle.loads(pickle.dumps(error))
    assert (again.problems, again.type, again.lang) == (error.problems, "timeout", "de")
    assert again.to_dict()["error"]["message"] == "the request took too long to answer"
    with pytest.raises(InvalidValueError):
        RequestError([], type="slow")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        RequestError([("", "bad")])  # type: ignore[list-item]


# --------------------------------------------------------------------------- property tests

_VALID = {
    "agreement": "coesfeld",
    "lang": "en",
    "notices": [{"party": "Rosendahl", "received": "2024-06-28"}],
    "questions": [
        {"type": "settle", "year": 2023},
        {"type": "deadline", "received": "2024-06-28"},
        {"type": "explain", "town": "Havixbeck", "year": 2023},
        {"type": "billing", "year": 2023, "advances": {"Rosendahl": "9000"}},
        {"type": "financial_impact", "town": "Billerbeck", "year": 2023, "layout": "nkf"},
        {"type": "project", "years": [2024, 2025], "growth": "3 %"},
    ],
}

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@st.composite
def _mutated(draw: st.DrawFn) -> object:
    """The valid request with a few of its values replaced, keys dropped or added."""
    request: Any = copy.deepcopy(_VALID)
    for _ in range(draw(st.integers(1, 3))):
        holder: Any = request
        while True:
            keys = list(holder) if isinstance(holder, dict) else list(range(len(holder)))
            if not keys:
                break
            key = draw(st.sampled_from(keys))
            if isinstance(holder[key], dict | list) and draw(st.booleans()):
                holder = holder[key]
                continue
            action = draw(st.sampled_from(["replace", "drop", "add"]))
            if action == "replace":
                holder[key] = draw(_json_values | st.floats(allow_nan=True))
            elif action == "drop" and isinstance(holder, dict):
                del holder[key]
            elif isinstance(holder, dict):
                holder[draw(st.text(max_size=8))] = draw(_json_values)
            break
    return request


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_json_values, _mutated()))
def test_any_value_is_answered_or_refused_with_a_request_error(request_: object) -> None:
    refused: RequestError | None = None
    try:
        response = calculate(request_)
    except RequestError as error:
        refused = error
    if refused is None:
        assert len(response["answers"]) == len(request_["questions"])  # type: ignore[index]
    else:
        assert refused.problems
        # Either language can be sent as UTF-8.
        json.dumps(refused.to_dict(), ensure_ascii=False).encode()
        json.dumps(refused.to_dict("de"), ensure_ascii=False).encode()


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60) | st.binary(max_size=60))
def test_any_text_is_answered_or_refused_with_a_request_error(text: str | bytes) -> None:
    refused: RequestError | None = None
    try:
        calculate_json(text)
    except RequestError as error:
        refused = error
    assert refused is None or refused.problems


def test_the_valid_request_is_answered() -> None:
    assert len(calculate(copy.deepcopy(_VALID))["answers"]) == len(_VALID["questions"])


def test_the_work_of_one_request_is_bounded() -> None:
    variants = [{"name": f"v{index}", "funding_ends": "2030-01-01"} for index in range(50)]
    question = {"type": "scenario", "years": list(range(2023, 2223)), "variants": variants}
    error = _refused(_request(question, question))
    assert _paths(error) == ["questions"]
    assert "20,400 years" in str(error)
