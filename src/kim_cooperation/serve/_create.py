"""`create_app`: the service's ASGI application, its options checked, Starlette loaded lazily."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Final

from kim_cooperation import contract
from kim_cooperation._checks import check_int, check_lang, shown
from kim_cooperation.errors import InvalidTypeError, InvalidValueError, MissingExtraError
from kim_cooperation.i18n import N_
from kim_cooperation.serve._options import DEFAULT_TIMEOUT_SECONDS

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from kim_cooperation.formatting import Lang


DEFAULT_CONCURRENCY: Final = 4
"""How many calculations run at once by default; more wait for a place (within the time limit)."""

MAX_TIMEOUT_SECONDS: Final = 3600.0
"""The largest time limit accepted: an hour; a request needing more is a bug, not a workload."""

MAX_CONCURRENCY: Final = 64
"""The most calculations `create_app` lets run at once (threads; the GIL shares one core)."""

MAX_BODY_BYTES: Final = 64 * contract.MAX_REQUEST_BYTES
"""The largest body limit accepted: 64 MiB (a request is read whole into memory)."""


def _positive_seconds(value: object) -> float:
    if type(value) not in (int, float):
        raise InvalidTypeError(
            f"timeout_seconds must be an int or a float of seconds, got {type(value).__name__} "
            f"{shown(value)}"
        )
    seconds = float(value)  # type: ignore[arg-type]  # int or float, checked above
    if not (math.isfinite(seconds) and 0 < seconds <= MAX_TIMEOUT_SECONDS):
        raise InvalidValueError(
            N_("the time limit must be more than 0 and at most {most} seconds, got {value}"),
            most=int(MAX_TIMEOUT_SECONDS),
            value=shown(value),
        )
    return seconds


def _count_in(value: object, *, what: str, most: int, message: str) -> int:
    count = check_int(value, what=what)
    if not 1 <= count <= most:
        raise InvalidValueError(message, most=most, value=count)
    return count


def load_starlette(what: str) -> None:
    """Import Starlette, or say which extra installs it; ``what`` names the caller."""
    try:
        import starlette  # noqa: F401, PLC0415 - an optional dependency, imported only when needed
    except ImportError as error:
        raise MissingExtraError(
            what, package="starlette", extra="serve", module="starlette"
        ) from error


def create_app(
    *,
    max_body_bytes: int = contract.MAX_REQUEST_BYTES,
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
    lang: Lang = "en",
    concurrency: int = DEFAULT_CONCURRENCY,
) -> Starlette:
    """The HTTP service as an ASGI application (Starlette), for uvicorn or any ASGI server.

    It answers ``POST /calculate`` (a request of the JSON contract), ``GET /schemas/{name}``,
    ``GET /openapi.json`` and ``GET /health`` (see the reference page "HTTP service"). It keeps
    no state between requests: any number of processes may serve side by side.

    Args:
        max_body_bytes: The largest body ``POST /calculate`` reads (default 1 MiB,
            `kim_cooperation.contract.MAX_REQUEST_BYTES`); a larger one is answered 413.
        timeout_seconds: The time limit of one request, from the first byte of its body read
            to its answer (default 10 s); a slower one is answered 503. A calculation cannot be
            stopped: one that overruns ends in the background, keeping its place among the
            ``concurrency``.
        lang: The language of the messages the service words itself (a body too large, the
            time limit, an unknown path): ``"en"`` (default) or ``"de"``. The request's own
            ``lang`` decides the language of its answers.
        concurrency: How many calculations run at once, each in a worker thread (default 4);
            more requests wait for a place, within their time limit.

    Returns:
        The application.

    Raises:
        MissingExtraError: Starlette is not installed (the extra ``serve``).
        InvalidTypeError: An option has the wrong type.
        InvalidValueError: An option is out of range.

    Examples:
        >>> app = create_app(max_body_bytes=65_536, timeout_seconds=5)
        >>> [route.path for route in app.routes]
        ['/calculate', '/schemas/{name}', '/openapi.json', '/health']
        >>> create_app(timeout_seconds=0)
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidValueError: the time limit must be more than 0 and at most 3600 seconds, got 0
    """
    settings = (
        _count_in(
            max_body_bytes,
            what="max_body_bytes",
            most=MAX_BODY_BYTES,
            message=N_("max_body_bytes must be from 1 to {most:,} bytes, got {value:,}"),
        ),
        _positive_seconds(timeout_seconds),
        check_lang(lang),
        _count_in(
            concurrency,
            what="concurrency",
            most=MAX_CONCURRENCY,
            message=N_("concurrency must be from 1 to {most} calculations at once, got {value}"),
        ),
    )
    load_starlette("create_app")
    from kim_cooperation.serve._app import Settings, build  # noqa: PLC0415 - imports Starlette

    body, seconds, checked_lang, at_once = settings
    return build(
        Settings(
            max_body_bytes=body, timeout_seconds=seconds, lang=checked_lang, concurrency=at_once
        )
    )
