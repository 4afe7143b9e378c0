"""`serve`: the service under uvicorn, bound here, with its log configured."""

from __future__ import annotations

import argparse
import copy
import ipaddress
import logging
import socket
from typing import TYPE_CHECKING, Any

from kim_cooperation import __version__, contract
from kim_cooperation._checks import check_int, check_lang
from kim_cooperation.errors import InvalidTypeError, InvalidValueError, MissingExtraError, Phrase
from kim_cooperation.i18n import N_
from kim_cooperation.serve._access import ACCESS_LOGGER, ERROR_LOGGER
from kim_cooperation.serve._create import create_app
from kim_cooperation.serve._options import DEFAULT_HOST, DEFAULT_PORT

if TYPE_CHECKING:
    pass


def is_loopback(host: str) -> bool:
    """Whether ``host`` is an address of this machine only (``localhost``, ``127.x``, ``::1``).

    Examples:
        >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("localhost")
        (True, True, True)
        >>> is_loopback("0.0.0.0"), is_loopback("192.168.1.20"), is_loopback("example.org")
        (False, False, False)
    """
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name: it may resolve to any address
        return False


def log_config() -> dict[str, Any]:
    """The logging configuration of uvicorn, with the access log as bare JSON lines on stdout.

    uvicorn's own access log is switched off (`serve` passes ``access_log=False``): the
    service's access log (``kim_cooperation.serve.access``) replaces it, one JSON object a
    line; the service's warnings and errors go with uvicorn's to standard error.

    Examples:
        >>> config = log_config()
        >>> config["loggers"]["kim_cooperation.serve.access"]["handlers"]
        ['kim_cooperation_access']
    """
    from uvicorn.config import LOGGING_CONFIG  # noqa: PLC0415 - optional dependency, lazily

    config: dict[str, Any] = copy.deepcopy(LOGGING_CONFIG)
    config["formatters"]["kim_cooperation_access"] = {"format": "%(message)s"}
    config["handlers"]["kim_cooperation_access"] = {
        "formatter": "kim_cooperation_access",
        "class": "logging.StreamHandler",
        "stream": "ext://sys.stdout",
    }
    config["loggers"][ACCESS_LOGGER] = {
        "handlers": ["kim_cooperation_access"],
        "level": "INFO",
        "propagate": False,
    }
    config["loggers"][ERROR_LOGGER] = {
        "handlers": ["default"],
        "level": "INFO",
        "propagate": False,
    }
    return config


def serve(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, **app_options: Any) -> None:
    """Run the HTTP service with uvicorn until it is stopped (Ctrl-C, SIGTERM).

    Args:
        host: The address to listen on; by default ``127.0.0.1``, this machine only. Another
            address is allowed, with a warning in the log: the service has no authentication
            and no TLS, so put a reverse proxy in front of it.
        port: The port to listen on (``0``: any free port, which uvicorn's log names).
        **app_options: The options of `create_app` (``max_body_bytes``, ``timeout_seconds``,
            ``lang``, ``concurrency``).

    Raises:
        MissingExtraError: Starlette or uvicorn is not installed (the extra ``serve``).
        InvalidTypeError: An option has the wrong type.
        InvalidValueError: An option is out of range.
        OSError: The service cannot listen on the address (an unknown host name, a port in
            use or reserved).
    """
    if not isinstance(host, str):
        raise InvalidTypeError(f"host must be a str, got {type(host).__name__}")
    port = check_int(port, what="port")
    if not 0 <= port <= 65535:
        raise InvalidValueError(N_("the port must be from 0 to 65535, got {value}"), value=port)
    app = create_app(**app_options)
    try:
        import uvicorn  # noqa: PLC0415 - an optional dependency, imported only when needed
    except ImportError as error:
        raise MissingExtraError(
            "serve", package="uvicorn", extra="serve", module="uvicorn"
        ) from error
    # Bound here rather than by uvicorn, which would exit the process if it cannot bind: a
    # caller gets the OSError instead.
    listening = socket.create_server(
        (host, port), family=socket.AF_INET6 if ":" in host else socket.AF_INET
    )
    config = uvicorn.Config(
        app, host=host, port=port, access_log=False, log_config=log_config(), lifespan="off"
    )  # the configuration sets up logging, so the warning below reaches the log
    lang = check_lang(app_options.get("lang", "en"))
    address, bound = listening.getsockname()[:2]
    logging.getLogger(ERROR_LOGGER).info(
        Phrase(
            N_("kim_cooperation {version} answers on http://{address}:{port} (Ctrl-C stops it)"),
            version=__version__,
            address=f"[{address}]" if ":" in address else address,
            port=bound,
        ).describe(lang)
    )
    if not is_loopback(host):
        logging.getLogger(ERROR_LOGGER).warning(
            Phrase(
                N_(
                    "listening on {host}, reachable from other machines: the service has no "
                    "authentication and no TLS; put a reverse proxy in front of it"
                ),
                host=host,
            ).describe(lang)
        )
    with listening:
        uvicorn.Server(config).run(sockets=[listening])


def run(arguments: argparse.Namespace) -> int:
    """Run the service with the options `add_arguments` read, until it is stopped.

    Args:
        arguments: The parsed arguments: ``host``, ``port``, ``max_body``, ``timeout``, and
            ``lang`` if the command has it (the language of the service's own messages).

    Returns:
        The exit status: 0 when the service was stopped.

    Raises:
        OSError: The service cannot listen on the address.
        InvalidTypeError: ``arguments`` is not an `argparse.Namespace`.
    """
    if not isinstance(arguments, argparse.Namespace):
        raise InvalidTypeError(
            f"arguments must be an argparse.Namespace, got {type(arguments).__name__}"
        )
    max_body = arguments.max_body
    try:
        serve(
            arguments.host,
            arguments.port,
            max_body_bytes=contract.MAX_REQUEST_BYTES if max_body is None else max_body,
            timeout_seconds=arguments.timeout,
            lang=getattr(arguments, "lang", "en"),
        )
    except KeyboardInterrupt:  # uvicorn stops gracefully, then raises the captured Ctrl-C again
        return 0
    return 0
