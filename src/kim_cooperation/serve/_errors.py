"""The service's error objects and the status code of each error type.

Errors of the request itself come from the contract (`RequestError.to_dict`); this module
builds the same object for what only the service sees (a body over the limit, the time limit,
an unknown path, a wrong method or content type, an internal error), so a client reads every
error the same way: ``{"schema_version", "error": {"type", "message", "problems"}}``, and tells
them apart by the HTTP status.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Final

from kim_cooperation.contract import SCHEMA_VERSION
from kim_cooperation.errors import Phrase

if TYPE_CHECKING:
    from kim_cooperation.formatting import Lang

STATUS: Final[dict[str, int]] = {
    "invalid_json": 422,
    "invalid_request": 422,
    "too_deep": 422,
    "too_large": 413,
    "timeout": 503,
    "internal_error": 500,
}
"""The HTTP status of each error type. What the contract's five types do not name (an unknown
path 404, a wrong method 405, a wrong content type 415) is an ``invalid_request`` with its own
status; ``internal_error`` is the service's own failure, never the caller's."""


def error_object(kind: str, message: Phrase, lang: Lang) -> dict[str, Any]:
    """The error object of ``kind``, its message and its one problem (the whole request).

    Args:
        kind: The error's type, a key of `STATUS`.
        message: What went wrong and what to do, a catalogue text with its fields.
        lang: The language of the message.

    Returns:
        The error object, JSON-ready.

    Examples:
        >>> from kim_cooperation.i18n import N_
        >>> error = error_object("timeout", Phrase(N_("no answer")), "en")
        >>> error["error"]["type"], error["error"]["problems"]
        ('timeout', [{'path': '', 'message': 'no answer'}])
    """
    text = message.describe(lang)
    return {
        "schema_version": SCHEMA_VERSION,
        "error": {"type": kind, "message": text, "problems": [{"path": "", "message": text}]},
    }


def encoded(document: object) -> bytes:
    r"""``document`` as compact UTF-8 JSON, the form every answer of the service has.

    Examples:
        >>> encoded({"status": "ok", "town": "Dülmen"})
        b'{"status":"ok","town":"D\xc3\xbclmen"}'
    """
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
