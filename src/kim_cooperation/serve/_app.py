"""The ASGI application: its four endpoints on Starlette, the body limit and the time limit.

Imported only by `kim_cooperation.serve.create_app`, after it has checked that Starlette is
installed: this module imports Starlette at its top.

`Settings` holds what `create_app` was given; `build` makes the application. ``POST
/calculate`` reads the body under the size limit (from ``Content-Length`` before reading, and
while reading a body without it), then answers it with `kim_cooperation.contract.calculate_json`
in a worker thread, under the time limit. `_Slot` keeps the count of calculations running at
once honest: a calculation that overruns the time limit keeps its place until it ends, as its
thread cannot be stopped.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Final, TypeVar

import anyio
import anyio.from_thread
import anyio.to_thread
import attrs
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route

from kim_cooperation import __version__, contract, schemas
from kim_cooperation.errors import InvalidValueError, Phrase
from kim_cooperation.i18n import N_
from kim_cooperation.serve._access import AccessLog
from kim_cooperation.serve._errors import STATUS, encoded, error_object
from kim_cooperation.serve._openapi import openapi

if TYPE_CHECKING:
    from kim_cooperation.formatting import Lang

_T = TypeVar("_T")

JSON: Final = "application/json"
SCHEMA_JSON: Final = "application/schema+json"


@attrs.frozen
class Settings:
    """The service's limits and language, as `create_app` checked them.

    Attributes:
        max_body_bytes: The largest body ``POST /calculate`` reads, in bytes.
        timeout_seconds: The time limit of one request, in seconds.
        lang: The language of the messages the service words itself.
        concurrency: How many calculations run at once.
    """

    max_body_bytes: int
    timeout_seconds: float
    lang: Lang
    concurrency: int


class _TooLargeError(Exception):
    """The body is larger than the limit."""


class _SkippedError(Exception):
    """The request gave up (its time ran out) before its calculation began; it never ran."""


class _Slot:
    """One place among the calculations that may run at once, held until its calculation ends.

    `anyio.to_thread.run_sync` gives its limiter's token back when the waiting request is
    cancelled (``abandon_on_cancel``), though the thread runs on; so the place is taken here
    instead, before the thread starts, and given back by the thread when the calculation ends,
    or by the request if it was cancelled before its calculation began (which then never runs).
    """

    def __init__(self, limiter: anyio.CapacityLimiter) -> None:
        self._limiter = limiter
        self._lock = threading.Lock()
        self._began = False
        self._given_back = False

    async def take(self) -> None:
        await self._limiter.acquire_on_behalf_of(self)

    def run(self, work: Callable[[], _T]) -> _T:
        """Run ``work`` in the worker thread, unless the request gave up before it began."""
        with self._lock:
            if self._given_back:
                raise _SkippedError
            self._began = True
        try:
            return work()
        finally:
            # RuntimeError: the event loop has ended (the server stopped), nothing to free.
            with contextlib.suppress(RuntimeError):
                anyio.from_thread.run_sync(self._limiter.release_on_behalf_of, self)

    def give_back_unless_begun(self) -> None:
        """In the event loop, after the request was cancelled: free the place if not begun."""
        with self._lock:
            if self._began or self._given_back:
                return
            self._given_back = True
        self._limiter.release_on_behalf_of(self)


def _error_response(
    kind: str,
    message: Phrase,
    lang: Lang,
    headers: dict[str, str] | None = None,
    *,
    status: int | None = None,
) -> Response:
    return Response(
        encoded(error_object(kind, message, lang)),
        status_code=STATUS[kind] if status is None else status,
        media_type=JSON,
        headers=headers,
    )


def _answer(body: bytes, settings: Settings) -> tuple[int, bytes]:
    """The status and body of the answer to ``body``; runs in a worker thread."""
    try:
        text = contract.calculate_json(body, max_bytes=settings.max_body_bytes)
    except contract.RequestError as error:
        # A request that was read is answered in its own language (its lang, else the
        # contract's default); one that could not be read in the service's.
        lang = error.lang if error.type == "invalid_request" else settings.lang
        return STATUS[error.type], encoded(error.to_dict(lang))
    return 200, text.encode("utf-8")


def _media_type_refused(request: Request, lang: Lang) -> Response | None:
    """A 415 unless the body is sent as ``application/json`` in UTF-8, without a content coding."""
    header = request.headers.get("content-type", "")
    media_type, _, parameters = header.partition(";")
    charset = None
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    coding = request.headers.get("content-encoding", "identity").strip().lower()
    if (
        media_type.strip().lower() == JSON
        and charset in (None, "utf-8", "utf8")
        and coding == "identity"
    ):
        return None
    return _error_response(
        "invalid_request",
        Phrase(
            N_(
                "the body is sent as {value}; send the request as JSON in UTF-8 with the header "
                "Content-Type: application/json (and no Content-Encoding)"
            ),
            value=repr(header if coding == "identity" else f"{header}, Content-Encoding {coding}"),
        ),
        lang,
        status=415,
    )


async def _read(request: Request, limit: int) -> bytes:
    """The body, stopping at the first chunk that takes it over ``limit`` bytes."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _TooLargeError
        chunks.append(chunk)
    return b"".join(chunks)


def build(settings: Settings) -> Starlette:
    """The application with ``settings``; see `kim_cooperation.serve.create_app`."""
    lang = settings.lang
    limiter = anyio.CapacityLimiter(settings.concurrency)
    # Built once: both are fixed for the life of the process, and encoding them per request
    # would only cost time.
    openapi_body = encoded(openapi())
    schema_bodies = {name: encoded(schemas.schema(name)) for name in schemas.SCHEMA_NAMES}
    health_body = encoded(
        {"status": "ok", "version": __version__, "schema_version": contract.SCHEMA_VERSION}
    )
    too_large = Phrase(
        N_(
            "the body is larger than {limit:,} bytes, the limit of this service; split the "
            "questions into several requests, or ask the operator to raise the limit "
            "(--max-body)"
        ),
        limit=settings.max_body_bytes,
    )
    timed_out = Phrase(
        N_(
            "the request took longer than {seconds} s, the time limit of this service; nothing "
            "was answered. Retry later, split the questions into several requests, or ask the "
            "operator to raise the limit (--timeout)"
        ),
        seconds=settings.timeout_seconds,
    )

    async def calculate(request: Request) -> Response:
        refused = _media_type_refused(request, lang)
        if refused is not None:
            return refused
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > settings.max_body_bytes:
            # Refused before reading a byte; the connection is closed, as the body is unread.
            return _error_response("too_large", too_large, lang, {"Connection": "close"})
        slot = _Slot(limiter)
        try:
            with anyio.fail_after(settings.timeout_seconds):
                body = await _read(request, settings.max_body_bytes)
                await slot.take()
                try:
                    answer = await anyio.to_thread.run_sync(
                        slot.run, lambda: _answer(body, settings), abandon_on_cancel=True
                    )
                except BaseException:
                    slot.give_back_unless_begun()
                    raise
        except _TooLargeError:
            return _error_response("too_large", too_large, lang, {"Connection": "close"})
        except TimeoutError:
            return _error_response("timeout", timed_out, lang, {"Retry-After": "1"})
        except ClientDisconnect:
            # Nobody is left to read the answer; the access log records the status.
            return Response(status_code=499)
        status, content = answer
        return Response(content, status_code=status, media_type=JSON)

    async def get_schema(request: Request) -> Response:
        name = request.path_params["name"]
        bare = name.removesuffix(".schema.json")
        if bare in schema_bodies:
            return Response(schema_bodies[bare], media_type=SCHEMA_JSON)
        try:
            schemas.schema(bare)
        except InvalidValueError as error:
            return _error_response("invalid_request", error.phrase, lang, status=404)
        raise AssertionError(f"schema {bare!r} is known but not listed in SCHEMA_NAMES")

    async def get_openapi(request: Request) -> Response:
        return Response(openapi_body, media_type=JSON)

    async def health(request: Request) -> Response:
        return Response(health_body, media_type=JSON)

    routes = [
        Route("/calculate", calculate, methods=["POST"]),
        Route("/schemas/{name}", get_schema, methods=["GET"]),
        Route("/openapi.json", get_openapi, methods=["GET"]),
        Route("/health", health, methods=["GET"]),
    ]
    paths = ", ".join(
        ["POST /calculate", "GET /schemas/{name}", "GET /openapi.json", "GET /health"]
    )

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)  # registered for it only
        if exc.status_code == 405:
            allowed = (exc.headers or {}).get("Allow", "")
            return _error_response(
                "invalid_request",
                Phrase(
                    N_("{method} is not allowed on {path}; use {allowed}. The endpoints: {paths}"),
                    method=request.method,
                    path=request.url.path,
                    allowed=allowed,
                    paths=paths,
                ),
                lang,
                {"Allow": allowed},
                status=405,
            )
        if exc.status_code != 404:  # routing raises 404 and 405 only
            raise exc
        return _error_response(
            "invalid_request",
            Phrase(
                N_("there is nothing at {path}; the endpoints: {paths}"),
                path=request.url.path,
                paths=paths,
            ),
            lang,
            status=404,
        )

    return Starlette(
        routes=routes,
        middleware=[Middleware(AccessLog, lang=lang)],
        exception_handlers={HTTPException: http_error},
    )
