"""The schemas of the JSON contract's messages: the request, the response and the error object.

The request's agreement, cost plans, notices and policies are in the
agreement-file form, so the request schema embeds the agreement schema
(`kim_cooperation.files.agreement_schema`, under its own ``$id``) and
refers to it; the response schema embeds the result schemas and refers to
the one of each answer's ``type``. Each is one self-contained document:
a validator needs no other file (draft 2020-12 bundling).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Final

from kim_cooperation.contract import ERROR_TYPES
from kim_cooperation.contract._limits import MAX_DATES, MAX_QUESTIONS, MAX_VARIANTS, MAX_YEARS
from kim_cooperation.files import agreement_schema
from kim_cooperation.impact import Layout
from kim_cooperation.schemas._results import RESULT_SCHEMAS
from kim_cooperation.schemas._values import (
    MAJOR,
    array,
    closed,
    document,
    obj,
    schema_id,
)
from kim_cooperation.sources import BUILT_IN

__all__ = [
    "ANSWER_SCHEMAS",
    "ERROR_TYPES",
    "MAX_QUESTIONS",
    "MESSAGE_SCHEMAS",
    "agreement_document",
]


ANSWER_SCHEMAS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "settle": "settlement",
        "project": "projection",
        "scenario": "comparison",
        "deadline": "deadline",
        "explain": "explanation",
        "wind_down": "wind_down",
        "billing": "billing",
        "financial_impact": "financial_impact",
    }
)
"""The schema of each question type's result."""


_AGREEMENT: Final = "agreement.schema.json"


def agreement_document() -> dict[str, Any]:
    """The agreement schema under the contract's ``$id``, so that requests can refer to it."""
    return {**agreement_schema(), "$id": schema_id("agreement")}


def _local(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


def _in_agreement(pointer: str) -> dict[str, Any]:
    return {"$ref": f"{_AGREEMENT}#{pointer}"}


_VERSION: Final = MappingProxyType(
    {
        "description": (
            f'The contract\'s version, MAJOR.MINOR: "{MAJOR}" or "{MAJOR}.N" for any minor of '
            f"major {MAJOR} (minors only add optional fields)."
        ),
        "type": "string",
        "pattern": rf"^{MAJOR}(\.(0|[1-9][0-9]*))?$",
    }
)

_REQUEST_DEFINITIONS: Final[Mapping[str, Mapping[str, Any]]] = MappingProxyType(
    {
        "Year": {
            "description": "A calendar year.",
            "type": "integer",
            "minimum": 1,
            "maximum": 9999,
        },
        "Years": array(
            _local("Year"),
            description="Years in ascending order, each once.",
            minItems=1,
            maxItems=MAX_YEARS,
            uniqueItems=True,
        ),
        "Day": {
            "description": (
                'A day: ISO 8601 "2024-06-28", or German "28.06.2024" (leading zeros may be '
                "left out)."
            ),
            "anyOf": [
                {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
                {"type": "string", "pattern": r"^[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}$"},
            ],
        },
        "Amount": {
            "description": (
                'An amount in euros: an integer, or a decimal string such as "57000.00". '
                "Never a float."
            ),
            **_in_agreement("/$defs/Money"),
        },
        "Rate": {
            "description": (
                'A yearly rate: a percentage "3 %" or a fraction below 1 "0.03" (point or '
                "comma), from -100 % to +100 %. A string, never a float."
            ),
            "type": "string",
            "pattern": r"^[+-]?[0-9]+([.,][0-9]+)?( ?%)?$",
        },
        "Town": {
            "description": "A town: its name in any spelling (Dülmen, Duelmen) or its AGS.",
            "type": "string",
            "minLength": 1,
        },
        "Variant": {
            "description": (
                "A scenario variant in the scenario-file form: a name and at least one change."
            ),
            "type": "object",
            "properties": {
                "name": {"type": "string", "minLength": 1, "maxLength": 200},
                "rates": array(
                    obj(
                        "A funding rate from a day on (C5, C6).",
                        {"valid_from": _local("Day"), "amount": _local("Amount")},
                    )
                ),
                "funding_ends": _local("Day"),
                "notices": array(
                    {
                        "description": "A notice in the variant (C11, C12).",
                        "type": "object",
                        "properties": {
                            "party": _local("Town"),
                            "received": _local("Day"),
                            "successor": _local("Town"),
                        },
                        "required": ["party", "received"],
                        "additionalProperties": False,
                    }
                ),
                "all_give_notice": _local("Day"),
                "personnel_growth": _local("Rate"),
            },
            "required": ["name"],
            "minProperties": 2,
            "additionalProperties": False,
        },
    }
)


def _question(
    kind: str, description: str, properties: dict[str, Any], *required: str
) -> dict[str, Any]:
    return {
        "description": description,
        "type": "object",
        "properties": {"type": {"const": kind}, **properties},
        "required": ["type", *required],
        "additionalProperties": False,
    }


def _questions() -> dict[str, Any]:
    year = _local("Year")
    questions = {
        "settle": _question(
            "settle",
            "The settlement of a year (C4–C10), from its cost plan or the latest earlier one.",
            {"year": year},
            "year",
        ),
        "project": _question(
            "project",
            "Each town's own share over the years (C4, C7, C12, C13).",
            {"years": _local("Years"), "growth": _local("Rate")},
            "years",
        ),
        "scenario": _question(
            "scenario",
            "The baseline and the variants over the years.",
            {
                "years": _local("Years"),
                "variants": array(_local("Variant"), minItems=1, maxItems=MAX_VARIANTS),
                "growth": _local("Rate"),
            },
            "years",
            "variants",
        ),
        "deadline": {
            **_question(
                "deadline",
                "After a notice received on a day, when membership ends; for a year or an end, "
                "the last day to give notice (C11). Exactly one of received, year and end.",
                {
                    "received": _local("Day"),
                    "year": year,
                    "end": _local("Day"),
                    "closed": array(
                        _local("Day"), description="Extra closed days.", maxItems=MAX_DATES
                    ),
                },
            ),
            "oneOf": [{"required": [key]} for key in ("received", "year", "end")],
        },
        "explain": _question(
            "explain",
            "A town's own share in a year, step by step.",
            {"town": _local("Town"), "year": year},
            "town",
            "year",
        ),
        "wind_down": _question(
            "wind_down",
            "The estimated wind-down after all parties gave notice (C13), from a year's plan "
            "(default: the year after the agreement's end).",
            {"year": year},
        ),
        "billing": _question(
            "billing",
            "The billing statements of a year (C9), less each town's advances.",
            {
                "year": year,
                "advances": {
                    "description": 'Advances by town, or by "TOWN@EMPLOYER".',
                    "type": "object",
                    "propertyNames": {"minLength": 1},
                    "additionalProperties": _local("Amount"),
                },
            },
            "year",
        ),
        "financial_impact": _question(
            "financial_impact",
            "A town's financial-impact statement (C7, C9).",
            {
                "town": _local("Town"),
                "year": year,
                "layout": closed([layout.value for layout in Layout]),
            },
            "town",
            "year",
        ),
    }
    return {
        "description": "A question, by its type.",
        "type": "object",
        "required": ["type"],
        "properties": {"type": closed(list(questions))},
        "allOf": [
            {"if": {"properties": {"type": {"const": kind}}}, "then": schema}
            for kind, schema in questions.items()
        ],
    }


def _request() -> dict[str, Any]:
    root = obj(
        "",
        {
            "schema_version": _VERSION,
            "agreement": {
                "description": (
                    "A built-in agreement with its cost plans, by name, or an agreement in the "
                    "agreement-file form."
                ),
                "anyOf": [closed(BUILT_IN), {"$ref": _AGREEMENT}],
            },
            "cost_plans": {
                "description": "Cost plans by year, replacing or adding the agreement's years.",
                **_in_agreement("/properties/cost_plans"),
            },
            "notices": {
                "description": "Notices added to the agreement's.",
                **_in_agreement("/properties/notices"),
            },
            "policies": {
                "description": "Policies replacing the named ones of the agreement.",
                **_in_agreement("/$defs/Policies"),
            },
            "lang": closed(["de", "en"], "The language of texts and errors; default de."),
            "questions": array(_local("Question"), minItems=1, maxItems=MAX_QUESTIONS),
        },
    )
    root["required"] = ["agreement", "questions"]
    return document(
        "request",
        title="kim_cooperation request",
        description=(
            "A request of the JSON contract: an agreement (built in or inline), optional cost "
            "plans, notices and policies in the agreement-file form, and the questions to "
            "answer. Amounts are integers or decimal strings, never floats."
        ),
        root=root,
        definitions={**_REQUEST_DEFINITIONS, "Question": _questions()},
        embedded={"agreement": agreement_document()},
    )


def _response() -> dict[str, Any]:
    answers = {
        "description": "The answer to one question.",
        "type": "object",
        "properties": {
            "question": {"description": "The question's index.", "type": "integer", "minimum": 0},
            "type": closed(list(ANSWER_SCHEMAS), "The question's type."),
            "result": {},
            "notes": array(
                {"type": "string"},
                description="Where the costs come from, plans carried forward; may be empty.",
            ),
        },
        "required": ["question", "type", "result", "notes"],
        "additionalProperties": False,
        "allOf": [
            {
                "if": {"properties": {"type": {"const": kind}}},
                "then": {"properties": {"result": {"$ref": f"{name}.schema.json"}}},
            }
            for kind, name in ANSWER_SCHEMAS.items()
        ],
    }
    root = obj(
        "",
        {
            "schema_version": _VERSION,
            "answers": array(answers, description="One answer per question, in order."),
        },
    )
    return document(
        "response",
        title="kim_cooperation response",
        description=(
            "The response of the JSON contract: one answer per question, in order, each with "
            "the result of its type (money as decimal strings, days ISO, every figure with "
            "its clause)."
        ),
        root=root,
        definitions={},
        embedded={name: RESULT_SCHEMAS[name]() for name in ANSWER_SCHEMAS.values()},
    )


def _error() -> dict[str, Any]:
    root = obj(
        "",
        {
            "schema_version": _VERSION,
            "error": obj(
                "What is wrong with the request; nothing of it was answered.",
                {
                    "type": closed(
                        ERROR_TYPES,
                        "The kind of error; timeout and internal_error only from the HTTP "
                        "service.",
                    ),
                    "message": {"type": "string"},
                    "problems": array(
                        obj(
                            "One problem and where it is.",
                            {
                                "path": {
                                    "description": (
                                        'Where: "questions[0].year", '
                                        '"cost_plans.2023.Nord.personnel", "agreement." and '
                                        'the agreement file\'s own path; "" for the whole request.'
                                    ),
                                    "type": "string",
                                },
                                "message": {"type": "string"},
                            },
                        )
                    ),
                },
            ),
        },
    )
    return document(
        "error",
        title="kim_cooperation error",
        description=(
            "The error object of the JSON contract (HTTP 422, 413; exit status 1 of "
            "`kim-cooperation calculate`): every problem of the request with its path."
        ),
        root=root,
        definitions={},
    )


MESSAGE_SCHEMAS: Final[Mapping[str, Callable[[], dict[str, Any]]]] = MappingProxyType(
    {"request": _request, "response": _response, "error": _error, "agreement": agreement_document}
)
"""Each message schema's maker, by the schema's name."""
