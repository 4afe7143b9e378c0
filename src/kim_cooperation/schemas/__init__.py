"""JSON Schemas (draft 2020-12) of the JSON contract: the request, the response, every result.

A budget system in any language can check what it sends and what it gets
back against these schemas: the request (`kim_cooperation.contract`), the
response and the error object, and the result of each question type —
``settlement``, ``projection``, ``comparison``, ``deadline`` (C11),
``explanation``, ``wind_down`` (C13), ``billing`` (C9),
``financial_impact`` — and ``agreement``, the agreement-file form
(`kim_cooperation.files.agreement_schema`) that requests use.

The schemas are generated in code, from the same enums and column tables
the results' ``to_dict`` use, so they cannot drift from them; tests check
every result the library produces against its schema. Each carries the
contract's MAJOR version in its ``$id``
(``https://kim-cooperation.readthedocs.io/schemas/1/settlement.schema.json``):
a new MINOR only adds optional request fields and result keys within the
same schemas, a new MAJOR gets new ``$id`` s. The request and response
schemas are self-contained: they embed the schemas they refer to.

`schema` needs no extra (no jsonschema): validate with any draft 2020-12
validator.

Examples:
    >>> from kim_cooperation.schemas import SCHEMA_NAMES, schema
    >>> SCHEMA_NAMES[:3]
    ('request', 'response', 'error')
    >>> settlement = schema("settlement")
    >>> settlement["$id"]
    'https://kim-cooperation.readthedocs.io/schemas/1/settlement.schema.json'
    >>> settlement["$defs"]["Money"]["description"][:35]
    'An amount in euros, exact to the ce'
"""

from __future__ import annotations

import functools
import json
from typing import Any, Final

from kim_cooperation._checks import shown
from kim_cooperation.errors import InvalidTypeError, InvalidValueError
from kim_cooperation.i18n import N_
from kim_cooperation.schemas._messages import MESSAGE_SCHEMAS
from kim_cooperation.schemas._results import RESULT_SCHEMAS

__all__ = ["SCHEMA_NAMES", "schema"]

SCHEMA_NAMES: Final[tuple[str, ...]] = (
    "request",
    "response",
    "error",
    "settlement",
    "projection",
    "comparison",
    "deadline",
    "explanation",
    "wind_down",
    "billing",
    "financial_impact",
    "agreement",
)
"""The names of the schemas `schema` returns, the request's, the response's and the error's first."""

_MAKERS: Final = {**MESSAGE_SCHEMAS, **RESULT_SCHEMAS}


@functools.cache
def _text(name: str) -> str:
    """The schema as JSON text: kept once made, and immutable."""
    return json.dumps(_MAKERS[name](), ensure_ascii=False)


def schema(name: str) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) ``name`` of `SCHEMA_NAMES`.

    Args:
        name: ``"request"``, ``"response"``, ``"error"``, the name of a
            result (``"settlement"``, …) or ``"agreement"``.

    Returns:
        A new dict on every call; changing it changes nothing here.

    Raises:
        InvalidValueError: No schema has that name; the message lists the names.
        InvalidTypeError: ``name`` is not a string.

    Examples:
        >>> response = schema("response")
        >>> response["required"], sorted(response["$defs"])[:2]
        (['schema_version', 'answers'], ['billing', 'comparison'])
        >>> schema("settlement")["properties"]["regions"]["items"]
        {'$ref': '#/$defs/RegionSettlement'}
        >>> schema("settlements")
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidValueError: no schema is named 'settlements'; the schemas
        are request, response, error, settlement, projection, comparison, deadline, explanation,
        wind_down, billing, financial_impact, agreement
    """
    if not isinstance(name, str):
        raise InvalidTypeError(
            N_("the name of a schema must be a string, got {value}"), value=shown(name)
        )
    if name not in SCHEMA_NAMES:
        raise InvalidValueError(
            N_("no schema is named {name!r}; the schemas are {names}"),
            name=name,
            names=", ".join(SCHEMA_NAMES),
        )
    loaded: dict[str, Any] = json.loads(_text(name))
    return loaded
