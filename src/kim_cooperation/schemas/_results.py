"""The schemas of the results' plain data (`kim_cooperation.export.to_dict`) and of a deadline.

One schema per answer of the JSON contract: a settlement (C4–C10), a
projection and a comparison of scenarios (C12, C13), a notice deadline
(C11), an explanation, a wind-down (C13), billing statements (C9) and a
financial impact (C7, C9). Each says, key by key, what the result's
``to_dict`` writes: every key always present, no other key, money as
`Money` strings, days as ISO strings, every figure with its clause.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Final

from kim_cooperation.billing._table import BILLING_TABLE
from kim_cooperation.explanation._table import EXPLANATION_TABLE
from kim_cooperation.impact import Layout, Role
from kim_cooperation.impact._table import IMPACT_TABLE
from kim_cooperation.keys import KeyKind
from kim_cooperation.policy import PartYearFunding
from kim_cooperation.projection._table import COMPARISON_TABLE, PROJECTION_TABLE
from kim_cooperation.schemas._values import (
    DEFINITIONS,
    array,
    closed,
    document,
    nullable,
    obj,
    record,
    ref,
)
from kim_cooperation.settlement._table import SETTLEMENT_TABLE
from kim_cooperation.winddown._table import WIND_DOWN_TABLE

__all__ = ["RESULT_SCHEMAS"]

_STEP_KEYS: Final = (
    "region",
    "cost_item",
    "costs",
    "rate",
    "post_funding",
    "funding_rounding",
    "funding",
    "own_share",
    "surplus",
    "key",
    "population",
    "members",
    "left",
    "spans",
    "span",
    "year_share",
    "exact_share",
    "floor",
    "part",
    "payment",
    "billing",
    "bears",
    "total",
)
"""The kinds of an explanation's steps (`ExplanationStep.key`)."""


def _type(name: str) -> dict[str, Any]:
    return {"description": "The kind of result.", "const": name}


_TEXT: Final = MappingProxyType({"type": "string"})
_COUNT: Final = MappingProxyType({"type": "integer", "minimum": 0})
_BOOLEAN: Final = MappingProxyType({"type": "boolean"})


def _values(kind: type[Any]) -> list[str]:
    return [str(member.value) for member in kind]


_RESULT_DEFINITIONS: Final[dict[str, Mapping[str, Any]]] = {
    **DEFINITIONS,
    "RegionSettlement": obj(
        "One region's settlement for the year (C4–C10).",
        {
            "region": ref("Name"),
            "year": ref("Year"),
            "employer": ref("Party"),
            "members": array(ref("Party")),
            "fte": ref("Fraction"),
            "costs": ref("Costs"),
            "funding": obj(
                "The region's funding (C5, C6; C10 without) with its derivation post by post.",
                {
                    "amount": ref("Money"),
                    "clause": ref("ClauseId"),
                    "exact": ref("Fraction"),
                    "rounded": _BOOLEAN,
                    "lost": _BOOLEAN,
                    "interpretation": ref("InterpretationId"),
                    "method": closed(_values(PartYearFunding)),
                    "rates": array(ref("Rate")),
                    "posts": array(
                        obj(
                            "One post's funding in the year (I7).",
                            {
                                "post": ref("Name"),
                                "fte": ref("Fraction"),
                                "months": array({"type": "integer", "minimum": 1, "maximum": 12}),
                                "month_rates": array(ref("Money")),
                                "days": _COUNT,
                                "exact": ref("Fraction"),
                            },
                        )
                    ),
                },
            ),
            "own_share": ref("Figure"),
            "surplus": ref("Figure"),
            "split": ref("Split"),
            "billing": array(
                obj(
                    "What a town owes the employer (C9).",
                    {
                        "debtor": ref("Party"),
                        "creditor": ref("Party"),
                        "amount": ref("Money"),
                        "clause": ref("ClauseId"),
                    },
                )
            ),
            "billed_total": ref("Figure"),
            "split_key": obj(
                "The split key applied (C4, I9, I12).",
                {
                    "kind": closed(_values(KeyKind)),
                    "region_kind": closed(_values(KeyKind)),
                    "clause": ref("ClauseId"),
                    "interpretation": ref("InterpretationId"),
                    "weights": array(
                        obj(
                            "A town's fixed weight.",
                            {"party": ref("Party"), "weight": ref("Fraction")},
                        )
                    ),
                    "reference_day": nullable(ref("Date")),
                    "counts": nullable(
                        array(
                            obj(
                                "A town's inhabitants counted on or before the reference day.",
                                {
                                    "party": ref("Party"),
                                    "inhabitants": {"type": "integer", "minimum": 1},
                                    "as_of": ref("Date"),
                                    "source": nullable(_TEXT),
                                },
                            )
                        )
                    ),
                },
            ),
            "spans": array(ref("Span")),
        },
    ),
    "RegionWindDown": obj(
        "One region's wind-down after full termination (C13, I5, I6, I13).",
        {
            "region": ref("Name"),
            "agreement_end": ref("Date"),
            "last_day": nullable(ref("Date")),
            "periods": array(
                obj(
                    "A post's run-on period: until its employment ends, at most 12 months (C13).",
                    {
                        "post": ref("Name"),
                        "fte": ref("Fraction"),
                        "employment_end": nullable(ref("Date")),
                        "first_day": nullable(ref("Date")),
                        "last_day": nullable(ref("Date")),
                        "months": _COUNT,
                        "days": _COUNT,
                        "capped": _BOOLEAN,
                        "max_months": _COUNT,
                        "description": _TEXT,
                        "clause": ref("ClauseId"),
                        "interpretation": ref("InterpretationId"),
                    },
                )
            ),
            "posts": array(
                obj(
                    "The run-on costs and funding given for one post (C13, I5).",
                    {
                        "post": ref("Name"),
                        "per": closed(["month", "period"]),
                        "in_months": ref("Fraction"),
                        "given_costs": ref("Costs"),
                        "given_funding": ref("Money"),
                        "costs": ref("Costs"),
                        "funding": ref("Figure"),
                        "clause": ref("ClauseId"),
                    },
                )
            ),
            "costs": ref("Costs"),
            "funding": ref("Figure"),
            "net": ref("Figure"),
            "surplus": ref("Figure"),
            "key": closed(_values(KeyKind)),
            "reference_day": nullable(ref("Date")),
            "interpretation": ref("InterpretationId"),
            "split": ref("Split"),
        },
    ),
    "WindDownBody": obj(
        "A wind-down: the agreement's end and each region's run-on costs (C13).",
        {
            "agreement_end": ref("Date"),
            "clause": ref("ClauseId"),
            "regions": array(ref("RegionWindDown")),
        },
    ),
    "YearResult": obj(
        "One year of a projection: the plan, and the settlement or the wind-down (C13).",
        {
            "year": ref("Year"),
            "basis": ref("Basis"),
            "plan": {
                "description": "Each region's planned costs, by region name.",
                "type": "object",
                "additionalProperties": ref("Costs"),
            },
            "settlement": nullable(
                obj(
                    "The year's settlement, until the agreement's end.",
                    {"year": ref("Year"), "regions": array(ref("RegionSettlement"))},
                )
            ),
            "wind_down": nullable(ref("WindDownBody")),
        },
    ),
    "ProjectionRecord": record(PROJECTION_TABLE, "A town's own share in a year (C4, C7, C13)."),
    "ComparisonRecord": record(
        COMPARISON_TABLE,
        "A town's own share in a year under one scenario, and its difference from the baseline.",
    ),
    "BillingStatement": obj(
        "A billing statement of one region's employer for one year (C9).",
        {
            "type": _type(BILLING_TABLE.name),
            "title": _TEXT,
            "title_en": _TEXT,
            "agreement": _TEXT,
            "year": ref("Year"),
            "region": ref("Name"),
            "employer": ref("Party"),
            "clauses": array(ref("ClauseId")),
            "costs": ref("Figure"),
            "funding": ref("Figure"),
            "own_share": ref("Figure"),
            "surplus": ref("Figure"),
            "billed_total": ref("Figure"),
            "advances_total": ref("Figure"),
            "balance_total": ref("Figure"),
            "parts_total": ref("Figure"),
            "share_of_year": ref("Fraction"),
            "spans": array(ref("Span")),
            "entries": array(
                obj(
                    "One town's part, advances and balance.",
                    {
                        "party": ref("Party"),
                        "role": closed(_values(Role)),
                        "part": ref("Money"),
                        "clause": ref("ClauseId"),
                        "extra_cent": _BOOLEAN,
                        "advances": ref("Money"),
                        "balance": nullable(ref("Money")),
                    },
                )
            ),
        },
    ),
    "ImpactLine": obj(
        "A line of a finance or result statement; amount and clause null where the layout "
        "leaves it empty.",
        {
            "key": {"type": "string", "pattern": "^[a-z][a-z_]*$"},
            "label": _TEXT,
            "label_en": _TEXT,
            "amount": nullable(ref("Money")),
            "clause": nullable(ref("ClauseId")),
            "is_total": _BOOLEAN,
        },
    ),
    "Terms": {
        "description": "The notice terms in words, in the request's language.",
        "type": "string",
    },
    "Warning": {
        "description": "A warning in the request's language, or null.",
        "anyOf": [{"type": "string"}, {"type": "null"}],
    },
}

_DEFINITIONS: Final[Mapping[str, Mapping[str, Any]]] = MappingProxyType(_RESULT_DEFINITIONS)


def _result(name: str, title: str, description: str, root: dict[str, Any]) -> dict[str, Any]:
    return document(
        name, title=title, description=description, root=root, definitions=_DEFINITIONS
    )


def _settlement() -> dict[str, Any]:
    return _result(
        "settlement",
        "kim_cooperation settlement",
        "The annual settlement of an agreement's regions for one year (C4–C10): what "
        "`Settlement.to_dict()` gives, the result of the question `settle`.",
        obj(
            "",
            {
                "type": _type(SETTLEMENT_TABLE.name),
                "agreement": _TEXT,
                "policies": ref("Policies"),
                "year": ref("Year"),
                "regions": array(ref("RegionSettlement")),
            },
        ),
    )


def _projection() -> dict[str, Any]:
    return _result(
        "projection",
        "kim_cooperation projection",
        "Each town's own share over several years, with each year's plan and its settlement "
        "or wind-down (C4, C7, C12, C13): what `Projection.to_dict()` gives, the result of "
        "the question `project`.",
        obj(
            "",
            {
                "type": _type(PROJECTION_TABLE.name),
                "agreement": _TEXT,
                "policies": ref("Policies"),
                "years": array(ref("Year")),
                "own_shares": array(ref("ProjectionRecord")),
                "results": array(ref("YearResult")),
            },
        ),
    )


def _comparison() -> dict[str, Any]:
    return _result(
        "comparison",
        "kim_cooperation comparison",
        "A baseline and named scenarios projected over the same years, each town's own share "
        "and its difference from the baseline: what `Comparison.to_dict()` gives, the result "
        "of the question `scenario`.",
        obj(
            "",
            {
                "type": _type(COMPARISON_TABLE.name),
                "agreement": _TEXT,
                "baseline": ref("Name"),
                "names": array(ref("Name"), minItems=1),
                "years": array(ref("Year")),
                "parties": array(ref("Party")),
                "own_shares": array(ref("ComparisonRecord")),
                "scenarios": array(
                    obj(
                        "One scenario's projection.",
                        {
                            "name": ref("Name"),
                            "policies": ref("Policies"),
                            "results": array(ref("YearResult")),
                        },
                    )
                ),
            },
        ),
    )


def _deadline() -> dict[str, Any]:
    received = obj(
        "When membership ends after a notice received on a day (C11), with a warning when "
        "that day is a closed day.",
        {
            "received": ref("Date"),
            "termination": ref("Date"),
            "terms": ref("Terms"),
            "clause": {"const": "C11"},
            "closed_day": _BOOLEAN,
            "next_working_day": nullable(ref("Date")),
            "termination_if_next_working_day": nullable(ref("Date")),
            "holidays_checked": _BOOLEAN,
            "warning": ref("Warning"),
        },
    )
    deadline = obj(
        "The last day to give notice for membership to end on a day (C11), and the last "
        "working day before it.",
        {
            "end": ref("Date"),
            "deadline": ref("Date"),
            "falls_on_weekend": _BOOLEAN,
            "falls_on_closed_day": _BOOLEAN,
            "last_working_day": ref("Date"),
            "warning": ref("Warning"),
            "terms": ref("Terms"),
            "clause": {"const": "C11"},
        },
    )
    return _result(
        "deadline",
        "kim_cooperation notice deadline",
        "A notice deadline (C11), as `kim-cooperation deadline --format json` writes it: after "
        "a notice `received`, the day membership ends; for a `year` or an `end`, the last day "
        "to give notice. The result of the question `deadline`.",
        {"oneOf": [received, deadline]},
    )


def _explanation() -> dict[str, Any]:
    return _result(
        "explanation",
        "kim_cooperation explanation",
        "A town's own share in a year explained step by step, each step with its clause: what "
        "`Explanation.to_dict()` gives, the result of the question `explain`.",
        obj(
            "",
            {
                "type": _type(EXPLANATION_TABLE.name),
                "party": ref("Party"),
                "year": ref("Year"),
                "lang": closed(["de", "en"]),
                "steps": array(
                    obj(
                        "One step; amount null where it states no figure to the cent.",
                        {
                            "step": {"type": "integer", "minimum": 1},
                            "key": closed(_STEP_KEYS),
                            "text": _TEXT,
                            "amount": nullable(ref("Money")),
                            "clause": nullable(ref("ClauseId")),
                        },
                    ),
                    minItems=1,
                ),
            },
        ),
    )


def _wind_down() -> dict[str, Any]:
    body = _RESULT_DEFINITIONS["WindDownBody"]
    return _result(
        "wind_down",
        "kim_cooperation wind-down",
        "The wind-down after all parties gave notice (C13): each region's run-on periods, "
        "costs, funding and each former party's part. What `WindDown.to_dict()` gives, the "
        "result of the question `wind_down`.",
        obj("", {"type": _type(WIND_DOWN_TABLE.name), **body["properties"]}),
    )


def _billing() -> dict[str, Any]:
    return _result(
        "billing",
        "kim_cooperation billing statements",
        "The annual billing statements of a year (C9), one per region's employer: each "
        "statement's `to_dict()` under `statements`. The result of the question `billing`.",
        obj("", {"statements": array(ref("BillingStatement"))}),
    )


def _financial_impact() -> dict[str, Any]:
    return _result(
        "financial_impact",
        "kim_cooperation financial impact",
        "A town's financial-impact statement for a council paper or in the NKF layout (C7, "
        "C9): what `FinancialImpact.to_dict()` gives, the result of the question "
        "`financial_impact`.",
        obj(
            "",
            {
                "type": _type(IMPACT_TABLE.name),
                "party": ref("Party"),
                "year": ref("Year"),
                "region": ref("Name"),
                "role": closed(_values(Role)),
                "layout": closed(_values(Layout)),
                "recurring": _BOOLEAN,
                "own_share": ref("Figure"),
                "finance": array(ref("ImpactLine")),
                "result": array(ref("ImpactLine")),
            },
        ),
    )


RESULT_SCHEMAS: Final[Mapping[str, Callable[[], dict[str, Any]]]] = MappingProxyType(
    {
        "settlement": _settlement,
        "projection": _projection,
        "comparison": _comparison,
        "deadline": _deadline,
        "explanation": _explanation,
        "wind_down": _wind_down,
        "billing": _billing,
        "financial_impact": _financial_impact,
    }
)
"""Each result schema's maker, by the schema's name."""
