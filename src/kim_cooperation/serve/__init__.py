"""The HTTP service: the JSON contract over HTTP, for budget systems in any language.

``POST /calculate`` answers a request of the JSON contract (`kim_cooperation.contract`),
``GET /schemas/{name}`` gives its JSON Schemas (`kim_cooperation.schemas`), ``GET
/openapi.json`` the service's OpenAPI 3.1 description and ``GET /health`` whether it answers.
Invalid input is answered with 4xx and the error object naming the path of each bad value,
never with 500; a body over the size limit with 413, a request over the time limit with 503.
No state is kept between requests. Each request writes one JSON line on the logger
``kim_cooperation.serve.access``. It listens on ``127.0.0.1`` unless told otherwise.

It needs the extra ``serve`` (Starlette, uvicorn): ``pip install kim-cooperation[serve]``.
Importing this module does not import them; `create_app` and `serve` do, and raise
`MissingExtraError` if they are missing. The command ``kim-cooperation serve`` is built from
`add_arguments` and `run`, which import neither them nor the contract: the command line
builds the options each time it starts. The names are imported on first use (PEP 562).

The package's modules, for a reader of its code: ``_create`` holds `create_app` and checks
its options; ``_app`` the Starlette application, the body and time limits (imported only by
`create_app`); ``_access`` the access log, the request id and the 500 of last resort (pure
ASGI); ``_errors`` the error objects and status codes; ``_openapi`` the OpenAPI description;
``_command`` `serve` (uvicorn) and `run`; ``_options`` the command's options.

Examples:
    >>> from kim_cooperation.serve import create_app
    >>> app = create_app(timeout_seconds=5, lang="de")
    >>> sorted(route.path for route in app.routes)
    ['/calculate', '/health', '/openapi.json', '/schemas/{name}']
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from kim_cooperation.serve._access import ACCESS_LOGGER, ERROR_LOGGER
    from kim_cooperation.serve._command import run, serve
    from kim_cooperation.serve._create import DEFAULT_CONCURRENCY, create_app
    from kim_cooperation.serve._openapi import openapi
    from kim_cooperation.serve._options import (
        DEFAULT_HOST,
        DEFAULT_PORT,
        DEFAULT_TIMEOUT_SECONDS,
        add_arguments,
    )

_WHERE: Final = {
    "ACCESS_LOGGER": "kim_cooperation.serve._access",
    "ERROR_LOGGER": "kim_cooperation.serve._access",
    "serve": "kim_cooperation.serve._command",
    "DEFAULT_CONCURRENCY": "kim_cooperation.serve._create",
    "create_app": "kim_cooperation.serve._create",
    "openapi": "kim_cooperation.serve._openapi",
    "DEFAULT_HOST": "kim_cooperation.serve._options",
    "DEFAULT_PORT": "kim_cooperation.serve._options",
    "DEFAULT_TIMEOUT_SECONDS": "kim_cooperation.serve._options",
    "add_arguments": "kim_cooperation.serve._options",
    "run": "kim_cooperation.serve._command",
}
"""The module that defines each public name, imported when the name is first read."""

__all__ = [
    "ACCESS_LOGGER",
    "DEFAULT_CONCURRENCY",
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "DEFAULT_TIMEOUT_SECONDS",
    "ERROR_LOGGER",
    "add_arguments",
    "create_app",
    "openapi",
    "run",
    "serve",
]


def __getattr__(name: str) -> Any:
    """Import the module that defines ``name`` on first use (PEP 562)."""
    try:
        module = _WHERE[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public API only."""
    return sorted(__all__)
