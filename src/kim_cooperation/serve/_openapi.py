"""The service's OpenAPI 3.1 description, built by hand from the package's JSON Schemas.

The request and response bodies are the contract's JSON Schemas (`kim_cooperation.schemas`),
placed under ``components/schemas`` as they are (OpenAPI 3.1 schemas are JSON Schema 2020-12),
so the description and ``GET /schemas/{name}`` never disagree. Nothing is derived from Python
type hints: the contract and its schemas are the single source.
"""

from __future__ import annotations

from typing import Any, Final

from kim_cooperation import __version__, schemas
from kim_cooperation.contract import SCHEMA_VERSION

OPENAPI_VERSION: Final = "3.1.0"
"""The version of the OpenAPI Specification the description follows."""

_ERROR_RESPONSES: Final[dict[str, str]] = {
    "413": "The body is larger than the limit (type `too_large`).",
    "415": "The body is not sent as `application/json` in UTF-8 (type `invalid_request`).",
    "422": "The body is not valid JSON (`invalid_json`), nests too deep (`too_deep`) or is not "
    "a valid request (`invalid_request`); each problem names the path of the bad value.",
    "503": "The request took longer than the time limit (type `timeout`); retry later.",
    "500": "An error of the service itself (type `internal_error`), logged with the request id.",
}


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "headers": {"X-Request-Id": {"$ref": "#/components/headers/X-Request-Id"}},
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/error"}}},
    }


def _ok(description: str, media_type: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "description": description,
        "headers": {"X-Request-Id": {"$ref": "#/components/headers/X-Request-Id"}},
        "content": {media_type: {"schema": schema}},
    }


def openapi() -> dict[str, Any]:
    """The OpenAPI 3.1 description of the service, JSON-ready.

    Returns:
        The document ``GET /openapi.json`` answers with.

    Examples:
        >>> document = openapi()
        >>> document["openapi"], sorted(document["paths"])
        ('3.1.0', ['/calculate', '/health', '/openapi.json', '/schemas/{name}'])
        >>> document["paths"]["/calculate"]["post"]["requestBody"]["content"]
        {'application/json': {'schema': {'$ref': '#/components/schemas/request'}}}
    """
    request_id = {
        "description": "The request's id: the caller's `X-Request-Id` if it is a token of 1 to "
        "128 characters `A-Za-z0-9._:-`, else a new one. The access log names it.",
        "schema": {"type": "string"},
    }
    health = {
        "type": "object",
        "required": ["status", "version", "schema_version"],
        "properties": {
            "status": {"const": "ok"},
            "version": {"type": "string", "description": "The version of kim_cooperation."},
            "schema_version": {
                "type": "string",
                "description": "The version of the request/response contract (MAJOR.MINOR).",
            },
        },
        "additionalProperties": False,
    }
    return {
        "openapi": OPENAPI_VERSION,
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "kim_cooperation",
            "version": __version__,
            "summary": "Settlements, projections, deadlines and explanations of the KIM "
            "cooperation agreement, over HTTP.",
            "description": "Answers the questions of a request in the JSON contract (schema "
            f"version {SCHEMA_VERSION}): money as decimal strings, dates in ISO form, every "
            "figure with its clause. No state is kept between requests.",
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "paths": {
            "/calculate": {
                "post": {
                    "operationId": "calculate",
                    "summary": "Answer the questions of a request",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/request"}
                            }
                        },
                    },
                    "responses": {
                        "200": _ok(
                            "One answer per question, in order.",
                            "application/json",
                            {"$ref": "#/components/schemas/response"},
                        ),
                        **{status: _error(text) for status, text in _ERROR_RESPONSES.items()},
                    },
                }
            },
            "/schemas/{name}": {
                "get": {
                    "operationId": "getSchema",
                    "summary": "A JSON Schema of the contract",
                    "parameters": [
                        {
                            "name": "name",
                            "in": "path",
                            "required": True,
                            "description": "The schema's name; `NAME.schema.json` is accepted "
                            "too.",
                            "schema": {"type": "string", "examples": list(schemas.SCHEMA_NAMES)},
                        }
                    ],
                    "responses": {
                        "200": _ok(
                            "The JSON Schema (draft 2020-12).",
                            "application/schema+json",
                            {"type": "object"},
                        ),
                        "404": _error(
                            "No schema of that name (type `invalid_request`); the message lists "
                            "the names."
                        ),
                    },
                }
            },
            "/openapi.json": {
                "get": {
                    "operationId": "getOpenApi",
                    "summary": "This description",
                    "responses": {
                        "200": _ok("The OpenAPI 3.1 description.", "application/json", {})
                    },
                }
            },
            "/health": {
                "get": {
                    "operationId": "getHealth",
                    "summary": "Whether the service answers, with its versions",
                    "responses": {
                        "200": _ok(
                            "The service answers.",
                            "application/json",
                            {"$ref": "#/components/schemas/health"},
                        )
                    },
                }
            },
        },
        "components": {
            "schemas": {
                **{name: _component(name) for name in schemas.SCHEMA_NAMES},
                "health": health,
            },
            "headers": {"X-Request-Id": request_id},
        },
    }


def _component(name: str) -> dict[str, Any]:
    """The schema ``name`` as a component of the description, every reference within it.

    A published schema is a resource of its own (its ``$id``), which refers to
    its own parts as ``#/$defs/…`` and to the other schemas by file name
    (``agreement.schema.json#/$defs/Money``). Inside the description, code
    generators and validators resolve ``#/components/schemas/…`` only, so each
    reference is rewritten to that form and the ``$id`` dropped.

    Examples:
        >>> component = _component("request")
        >>> "$id" in component, component["properties"]["agreement"]["anyOf"][1]["$ref"]
        (False, '#/components/schemas/agreement')
    """
    document = schemas.schema(name)
    document.pop("$id", None)
    rewritten: dict[str, Any] = _rewritten(document, name)
    return rewritten


def _rewritten(node: object, name: str) -> Any:
    if isinstance(node, dict):
        return {
            key: _reference(value, name)
            if key == "$ref" and isinstance(value, str)
            else _rewritten(value, name)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_rewritten(item, name) for item in node]
    return node


def _reference(reference: str, name: str) -> str:
    """A reference of the schema ``name``, as one from the description's root."""
    target, _, fragment = reference.partition("#")
    if target.endswith(".schema.json"):
        return f"#/components/schemas/{target.removesuffix('.schema.json')}{fragment}"
    if not target:
        return f"#/components/schemas/{name}{fragment}"
    return reference
