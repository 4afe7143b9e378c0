"""The access log and the last line of defence: one JSON line per request, never a bare 500.

`AccessLog` wraps the application (pure ASGI, so it needs no web framework): it gives each
request an id (the caller's ``X-Request-Id`` if it is a short token, else a new one), returns
it as ``X-Request-Id``, counts the body bytes read and written, and writes one JSON line on
the logger ``kim_cooperation.serve.access`` when the request ends. Request bodies are never
logged: they are the budget figures of towns. An exception that escapes the application is
logged with its traceback on ``kim_cooperation.serve`` and answered with a generic error
object (status 500) naming the request id, so the caller can quote it and the operator can
find the traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import time
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from typing import TYPE_CHECKING, Any, Final

from kim_cooperation.errors import Phrase
from kim_cooperation.i18n import N_
from kim_cooperation.serve._errors import STATUS, encoded, error_object

if TYPE_CHECKING:
    from kim_cooperation.formatting import Lang

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

ACCESS_LOGGER: Final = "kim_cooperation.serve.access"
"""The logger of the access log: one JSON line per request, at level INFO."""

ERROR_LOGGER: Final = "kim_cooperation.serve"
"""The logger of the service's warnings and of unexpected errors, with their tracebacks."""

_REQUEST_ID: Final = re.compile(r"[A-Za-z0-9._:-]{1,128}")
"""An incoming ``X-Request-Id`` that is kept (a reverse proxy's id); anything else is replaced."""

_LONGEST_PATH: Final = 1000
"""Characters of a path written to the log; a longer path is cut (and marked so)."""


def request_id(scope: Scope) -> str:
    """The id of the request: the caller's ``X-Request-Id`` if it is a short token, else new.

    Examples:
        >>> request_id({"headers": [(b"x-request-id", b"nginx-4f2a")]})
        'nginx-4f2a'
        >>> len(request_id({"headers": [(b"x-request-id", b"<script>")]}))
        32
    """
    for name, value in scope.get("headers", ()):
        if name == b"x-request-id":
            text: str = value.decode("latin-1")
            if _REQUEST_ID.fullmatch(text):
                return text
            break
    return uuid.uuid4().hex


def _shown_path(path: str) -> str:
    return path if len(path) <= _LONGEST_PATH else path[:_LONGEST_PATH] + "…"


class AccessLog:
    """ASGI middleware: the request id, the access log line and the 500 of last resort.

    Args:
        app: The application it wraps.
        lang: The language of the generic error message.
    """

    def __init__(self, app: ASGIApp, *, lang: Lang) -> None:
        self.app = app
        self.lang: Lang = lang

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        ident = request_id(scope)
        start = time.perf_counter()
        seen: dict[str, int] = {"status": 0, "in": 0, "out": 0}

        async def counting_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                seen["in"] += len(message.get("body", b""))
            return message

        async def tagging_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                seen["status"] = message["status"]
                headers = [*message.get("headers", ()), (b"x-request-id", ident.encode("ascii"))]
                message = {**message, "headers": headers}
            elif message["type"] == "http.response.body":
                seen["out"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, counting_receive, tagging_send)
        except Exception:
            # A bug, not bad input (bad input is answered by the application): the operator
            # needs the traceback; the caller gets the request id to quote, and no details.
            logging.getLogger(ERROR_LOGGER).exception(
                "unexpected error in %s %s (request id %s)", scope["method"], scope["path"], ident
            )
            if not seen["status"]:
                await self._internal_error(ident, tagging_send)
            else:
                seen["status"] = STATUS["internal_error"]
        finally:
            self._log(scope, ident, seen, time.perf_counter() - start)

    async def _internal_error(self, ident: str, send: Send) -> None:
        body = encoded(
            error_object(
                "internal_error",
                Phrase(
                    N_(
                        "the service failed on this request; nothing was calculated. Please "
                        "report it with the request id {ident}"
                    ),
                    ident=ident,
                ),
                self.lang,
            )
        )
        await send(
            {
                "type": "http.response.start",
                "status": STATUS["internal_error"],
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode("ascii")),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    @staticmethod
    def _log(scope: Scope, ident: str, seen: dict[str, int], seconds: float) -> None:
        logger = logging.getLogger(ACCESS_LOGGER)
        if not logger.isEnabledFor(logging.INFO):
            return
        client = scope.get("client")
        record = {
            "time": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
            "request_id": ident,
            "method": scope["method"],
            "path": _shown_path(scope["path"]),
            "status": seen["status"],
            "duration_ms": round(seconds * 1000, 3),
            "bytes_in": seen["in"],
            "bytes_out": seen["out"],
            "client": client[0] if client else None,
        }
        logger.info(json.dumps(record, ensure_ascii=False), extra={"access": record})
