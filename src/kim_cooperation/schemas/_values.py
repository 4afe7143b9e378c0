"""The definitions the result schemas share: money, days, clause ids, parties, costs, splits.

Each definition describes one helper of the results' plain data
(`kim_cooperation._table`, `kim_cooperation._plain`): `money` writes
`MONEY`, `figure` a `Figure`, `_plain.split` a `Split`. The closed word
lists are taken from the enums the results take their values from
(`Clause`, `Interpretation`, `CostItem`, the fields of `Policies`, …), and
the columns of the flat records from the result's `TableKind`, so a new
clause, cost item, policy or column reaches the schemas without an edit
here. `document` puts a schema together with the definitions it refers
to, and no others.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any, Final

import attrs

from kim_cooperation._table import WORDS, TableKind
from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.costs import CostItem
from kim_cooperation.policy import Policies

__all__ = [
    "DEFINITIONS",
    "MAJOR",
    "array",
    "closed",
    "document",
    "nullable",
    "obj",
    "record",
    "ref",
    "schema_id",
]

MAJOR: Final = 1
"""The contract's MAJOR version, part of every schema's ``$id``."""

_BASE: Final = f"https://kim-cooperation.readthedocs.io/schemas/{MAJOR}/"

_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"


def schema_id(name: str) -> str:
    """The ``$id`` of the schema ``name``: ``…/schemas/1/settlement.schema.json``."""
    return f"{_BASE}{name}.schema.json"


def ref(name: str) -> dict[str, Any]:
    """A reference to the definition ``name`` of the same schema."""
    return {"$ref": f"#/$defs/{name}"}


def nullable(schema: Mapping[str, Any]) -> dict[str, Any]:
    """``schema`` or ``null``."""
    return {"anyOf": [dict(schema), {"type": "null"}]}


def array(items: Mapping[str, Any], **constraints: object) -> dict[str, Any]:
    """An array of ``items``."""
    return {"type": "array", "items": dict(items), **constraints}


def closed(values: Iterator[str] | typing.Iterable[str], description: str = "") -> dict[str, Any]:
    """A string of a closed list, in the order given."""
    schema: dict[str, Any] = {"type": "string", "enum": list(values)}
    if description:
        schema = {"description": description, **schema}
    return schema


def obj(description: str, properties: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """An object with exactly ``properties``, each required: plain data never leaves a key out."""
    return {
        "description": description,
        "type": "object",
        "properties": {key: dict(value) for key, value in properties.items()},
        "required": list(properties),
        "additionalProperties": False,
    }


def _values(kind: type[enum.Enum]) -> list[str]:
    return [str(member.value) for member in kind]


# The agreement schema's own pattern of an AGS (C1): a result's parties are the agreement's.
_AGS: Final = r"^(0[1-9]|1[0-6])[0-9]{6}$"

_PLAIN_DEFINITIONS: Final[dict[str, dict[str, Any]]] = {
    "Money": {
        "description": (
            'An amount in euros, exact to the cent: a decimal string with two places, such as "8125.00" '
            'or "-8125.00". Never a number, so that no JSON reader turns it into a float.'
        ),
        "type": "string",
        "pattern": r"^-?[0-9]+\.[0-9]{2}$",
    },
    "Date": {
        "description": 'A day as an ISO 8601 string, such as "2025-12-31".',
        "type": "string",
        "format": "date",
        "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    },
    "Year": {"description": "A calendar year.", "type": "integer", "minimum": 1, "maximum": 9999},
    "Fraction": {
        "description": (
            'An exact fraction as a string: an integer ("3") or numerator/denominator in lowest '
            'terms ("5/2", "32500/3"); weights, shares, full-time equivalents.'
        ),
        "type": "string",
        "pattern": r"^-?[0-9]+(/[1-9][0-9]*)?$",
    },
    "ClauseId": closed(
        [*_values(Clause), *_values(Interpretation)],
        "The clause of the agreement (C1 to C13) or the interpretation choice (I1 to I13) a "
        "figure rests on.",
    ),
    "InterpretationId": closed(
        _values(Interpretation), "An interpretation choice of the library (I1 to I13)."
    ),
    "Basis": closed(
        sorted(WORDS["basis"]),
        "What a year of a projection rests on: settled, settled then run on, run on, or ended.",
    ),
    "Name": {"description": "A name: of a town, a region, a post.", "type": "string"},
    "Party": obj(
        "A town, a party to the agreement (C1): its name and its official municipality key.",
        {
            "name": ref("Name"),
            "ags": {
                "description": "The official municipality key (AGS), eight digits.",
                "type": "string",
                "pattern": _AGS,
            },
        },
    ),
    "Figure": obj(
        "An amount with the clause it rests on.",
        {"amount": ref("Money"), "clause": ref("ClauseId")},
    ),
    "Costs": obj(
        "A cost statement (C8): its items, the personnel and the material costs, the total.",
        {
            "items": {
                "description": "Each item given, by its id.",
                "type": "object",
                "propertyNames": closed(_values(CostItem)),
                "additionalProperties": ref("Money"),
            },
            "personnel_costs": ref("Money"),
            "material_and_services": ref("Money"),
            "total": ref("Money"),
            "clause": ref("ClauseId"),
        },
    ),
    "Rate": obj(
        "A funding rate per full-time post and year (C5, C6) and the day it applies from.",
        {
            "valid_from": ref("Date"),
            "amount": ref("Money"),
            "source": {"type": "string"},
            "clause": ref("ClauseId"),
        },
    ),
    "Split": obj(
        "An amount split among towns to the cent (C4, C12, C13): each share's weight, exact "
        "amount, cents and extra cent (I2).",
        {
            "amount": ref("Money"),
            "clause": ref("ClauseId"),
            "interpretation": ref("InterpretationId"),
            "first": nullable(ref("Party")),
            "shares": array(
                obj(
                    "One town's share.",
                    {
                        "party": ref("Party"),
                        "weight": ref("Fraction"),
                        "exact": ref("Fraction"),
                        "amount": ref("Money"),
                        "extra_cent": {"type": "boolean"},
                    },
                )
            ),
        },
    ),
    "Span": obj(
        "A part of a year with the same members and employer (I10), and each bearer's exact "
        "share of it.",
        {
            "first_day": ref("Date"),
            "last_day": ref("Date"),
            "months": {"type": "integer", "minimum": 0},
            "days": {"type": "integer", "minimum": 0},
            "weight": ref("Fraction"),
            "members": array(ref("Party")),
            "employer": ref("Party"),
            "shares": array(
                obj(
                    "A bearer's exact share of the span.",
                    {"party": ref("Party"), "share": ref("Fraction")},
                )
            ),
            "clause": ref("ClauseId"),
            "interpretation": ref("InterpretationId"),
        },
    ),
    "Policies": obj(
        "The interpretation choices in force, each by name.",
        {
            field.name: closed(_values(typing.get_type_hints(Policies)[field.name]))
            for field in attrs.fields(Policies)
        },
    ),
}

DEFINITIONS: Final[Mapping[str, Mapping[str, Any]]] = MappingProxyType(_PLAIN_DEFINITIONS)
"""Every shared definition by name; `document` takes the ones a schema refers to."""

# The cells of the flat records some results hold (`_table.plain_records`): a projection's and
# a comparison's ``own_shares``. Money columns are those of the table's `TableKind.money`.
_COLUMNS: Final[Mapping[str, Mapping[str, Any]]] = MappingProxyType(
    {
        "year": ref("Year"),
        "basis": ref("Basis"),
        "region": ref("Name"),
        "party_ags": {"type": "string", "pattern": _AGS},
        "party": ref("Name"),
        "clause": ref("ClauseId"),
        "scenario": ref("Name"),
    }
)


def record(
    kind: TableKind, description: str, *, empty: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """The schema of one flat record of ``kind``: its columns in order, money as `Money`.

    ``empty`` are the money columns that may be empty (``null``).
    """

    def cell(column: str) -> dict[str, Any]:
        if column not in kind.money:
            return dict(_COLUMNS[column])
        return nullable(ref("Money")) if column in empty else ref("Money")

    return obj(description, {column: cell(column) for column in kind.columns})


def _references(schema: object) -> Iterator[str]:
    """The names of the local definitions ``schema`` refers to."""
    if isinstance(schema, Mapping):
        target = schema.get("$ref")
        if isinstance(target, str) and target.startswith("#/$defs/"):
            yield target.removeprefix("#/$defs/")
        for value in schema.values():
            yield from _references(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _references(value)


def document(
    name: str,
    *,
    title: str,
    description: str,
    root: Mapping[str, Any],
    definitions: Mapping[str, Mapping[str, Any]] = DEFINITIONS,
    embedded: Mapping[str, Mapping[str, Any]] = MappingProxyType({}),
) -> dict[str, Any]:
    """A whole schema: the dialect, ``$id``, title and description, ``root``, its definitions.

    Only the definitions ``root`` refers to (directly or through others)
    are included, in alphabetical order; ``embedded`` are whole schemas
    with their own ``$id`` (draft 2020-12 bundling), found by that ``$id``.
    """
    found: dict[str, Any] = {}
    waiting = list(_references(root))
    while waiting:
        wanted = waiting.pop()
        if wanted not in found:
            found[wanted] = dict(definitions[wanted])
            waiting.extend(_references(definitions[wanted]))
    found.update(embedded)
    body = {key: value for key, value in root.items() if key != "description"}
    schema: dict[str, Any] = {
        "$schema": _DIALECT,
        "$id": schema_id(name),
        "title": title,
        "description": description,
        **body,
    }
    if found:
        schema["$defs"] = dict(sorted(found.items()))
    return schema
