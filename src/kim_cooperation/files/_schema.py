"""The JSON Schema of agreement files, generated from the file's records.

Each table of the file (`kim_cooperation.files._records`, and the model's
own classes such as `Party` and `CostStatement`) becomes an object with its
keys, their types and the patterns of money, dates, full-time equivalents
and weights; what the types alone do not say (an AGS's pattern, the funding
clauses C5, C6 and C10, the arrays that may not be empty) is added by
`_SCHEMA_REFINEMENTS`, each refinement tested against the model.
"""

from __future__ import annotations

import copy
import datetime as dt
import enum
import functools
import inspect
import typing
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Final

import attrs

from kim_cooperation.files._converter import _converter
from kim_cooperation.files._records import (
    _DATE_TEXT,
    _FTE_TEXT,
    _MONEY_TEXT,
    _YEAR_TEXT,
    _AgreementDocument,
    _Inhabitants,
    _is_array,
    _is_table,
    _optional_of,
    _PopulationEntry,
    _RegionEntry,
    _table_name,
    _Weight,
    _Year,
)
from kim_cooperation.funding import FundingRate
from kim_cooperation.party import Party

_SCHEMA_ID: Final = (
    "https://kim-cooperation.readthedocs.io/en/latest/reference/agreement.schema.json"
)

# What the types alone do not say; each is tested against the model.
_SCHEMA_REFINEMENTS: Final[Mapping[tuple[type, str], Mapping[str, object]]] = MappingProxyType(
    {
        (Party, "ags"): {"pattern": "^(0[1-9]|1[0-6])[0-9]{6}$"},
        (FundingRate, "clause"): {"enum": ["C5", "C6", "C10"]},
        (_RegionEntry, "members"): {"minItems": 1},
        (_RegionEntry, "posts"): {"minItems": 1},
        (_PopulationEntry, "counts"): {
            "minProperties": 1,
            "additionalProperties": {"type": "integer", "minimum": 1},
        },
        (_AgreementDocument, "parties"): {"minItems": 1},
        (_AgreementDocument, "regions"): {"minItems": 1},
        (_AgreementDocument, "funding"): {"minItems": 1},
    }
)


_VALUE_DEFINITIONS: Final[Mapping[Any, tuple[str, Mapping[str, object]]]] = MappingProxyType(
    {
        Decimal: (
            "Money",
            {
                "description": (
                    "An amount in euros, exact to the cent: a decimal string such as "
                    '"55000.00", or an integer of euros. Never a float.'
                ),
                "anyOf": [
                    {"type": "string", "pattern": f"^{_MONEY_TEXT.pattern}$"},
                    {"type": "integer"},
                ],
            },
        ),
        Fraction: (
            "FullTimeEquivalent",
            {
                "description": (
                    "A full-time equivalent greater than 0 and at most 1: a fraction string "
                    'such as "1/2", a decimal string such as "0.5", or the integer 1.'
                ),
                "anyOf": [
                    {"type": "string", "pattern": f"^{_FTE_TEXT.pattern}$"},
                    {"type": "integer"},
                ],
            },
        ),
        _Weight: (
            "Weight",
            {
                "description": (
                    "A town's weight in a region's split key, at least 0: an integer, a "
                    'fraction string such as "1/2" or a decimal string such as "0.5".'
                ),
                "anyOf": [
                    {"type": "string", "pattern": f"^{_FTE_TEXT.pattern}$"},
                    {"type": "integer", "minimum": 0},
                ],
            },
        ),
        dt.date: (
            "Date",
            {
                "description": (
                    'A day: a TOML date such as 2023-01-01, or an ISO 8601 string "2023-01-01".'
                ),
                "type": "string",
                "format": "date",
                "pattern": f"^{_DATE_TEXT.pattern}$",
            },
        ),
    }
)


def _schema_of(kind: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any]
    if kind is str:
        schema = {"type": "string", "minLength": 1}
    elif kind is int or kind is _Inhabitants:
        schema = {"type": "integer"}
    elif kind in _VALUE_DEFINITIONS:
        name, definition = _VALUE_DEFINITIONS[kind]
        definitions[name] = dict(definition)
        schema = {"$ref": f"#/$defs/{name}"}
    elif isinstance(kind, type) and issubclass(kind, enum.Enum):
        schema = {"type": "string", "enum": [member.value for member in kind]}
    elif _optional_of(kind) is not None:
        schema = {"anyOf": [_schema_of(_optional_of(kind), definitions), {"type": "null"}]}
    elif _is_array(kind):
        schema = {"type": "array", "items": _schema_of(typing.get_args(kind)[0], definitions)}
    elif _is_table(kind):
        key, value = typing.get_args(kind)
        years = {"pattern": f"^{_YEAR_TEXT.pattern}$"}
        schema = {
            "type": "object",
            "propertyNames": years if key is _Year else {"minLength": 1},
            "additionalProperties": _schema_of(value, definitions),
        }
    else:
        name = _table_name(kind)
        definitions[name] = _table_schema(kind, definitions)
        schema = {"$ref": f"#/$defs/{name}"}
    return schema


def _table_schema(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        schema = _schema_of(hints[field.name], definitions)
        schema.update(_SCHEMA_REFINEMENTS.get((cls, field.name), {}))
        if field.default is attrs.NOTHING:
            required.append(field.name)
        elif not isinstance(field.default, attrs.Factory) and field.default is not None:  # type: ignore[arg-type]
            schema["default"] = _converter().unstructure(field.default, hints[field.name])
        properties[field.name] = schema
    summary = (inspect.getdoc(cls) or "").split("\n\n")[0].replace("\n", " ")
    return {
        "title": _table_name(cls),
        "description": summary,
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


@functools.cache
def _schema() -> Mapping[str, Any]:
    definitions: dict[str, Any] = {}
    root = _table_schema(_AgreementDocument, definitions)
    return MappingProxyType(
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": _SCHEMA_ID,
            **root,
            "title": "kim_cooperation agreement file",
            "$defs": dict(sorted(definitions.items())),
        }
    )


def agreement_schema() -> dict[str, Any]:
    """Return the JSON Schema of agreement files, generated from the model.

    The schema checks a file's form: its keys, the types of its values, the
    patterns of money, dates, full-time equivalents and AGS. The meaning
    (FTE at most 1, members that are parties, the agreement's rules) is
    checked by `load_agreement`. TOML dates count as ISO date strings, as in
    TOML tools that validate against JSON Schemas.

    Returns:
        A new dict on every call (JSON Schema draft 2020-12).

    Examples:
        >>> schema = agreement_schema()
        >>> schema["required"]
        ['name', 'start', 'parties', 'regions', 'funding']
        >>> schema["$defs"]["Party"]["properties"]["ags"]["pattern"]
        '^(0[1-9]|1[0-6])[0-9]{6}$'
    """
    return copy.deepcopy(dict(_schema()))
