"""The options of the command ``kim-cooperation serve``, cheap to import.

The command line builds every command's options each time it starts, so this
module imports neither the service (Starlette, uvicorn) nor the contract;
`kim_cooperation.serve._command.run` starts the service with them.
"""

from __future__ import annotations

import argparse
import re
from typing import TYPE_CHECKING, Any, Final

from kim_cooperation._checks import check_lang
from kim_cooperation.errors import InvalidTypeError
from kim_cooperation.i18n import N_, translate

if TYPE_CHECKING:
    from kim_cooperation.formatting import Lang

DEFAULT_HOST: Final = "127.0.0.1"
"""The address the service listens on by default: this machine only."""

DEFAULT_PORT: Final = 8000
"""The port the service listens on by default."""

DEFAULT_TIMEOUT_SECONDS: Final = 10.0
"""The time limit of one request by default, in seconds."""

_SIZE: Final = re.compile(r"([0-9]{1,12})\s*(k|kib|m|mib)?", re.IGNORECASE)


def _size(lang: Lang) -> Any:
    def read(text: str) -> int:
        match = _SIZE.fullmatch(text.strip())
        if match is None or int(match[1]) == 0:
            raise argparse.ArgumentTypeError(
                translate(
                    N_("expected a size in bytes such as 1048576, 64K or 2M, got {value}"), lang
                ).format(value=repr(text))
            )
        unit = (match[2] or "").lower()
        return int(match[1]) * {"": 1, "k": 1024, "kib": 1024, "m": 1024**2, "mib": 1024**2}[unit]

    return read


def _seconds(lang: Lang) -> Any:
    def read(text: str) -> float:
        try:
            seconds = float(text)
        except ValueError:
            seconds = float("nan")
        if not 0 < seconds <= 3600:  # also refuses nan
            raise argparse.ArgumentTypeError(
                translate(
                    N_(
                        "expected seconds more than 0 and at most 3600 such as 10 or 2.5, got {value}"
                    ),
                    lang,
                ).format(value=repr(text))
            )
        return seconds

    return read


def _port(lang: Lang) -> Any:
    def read(text: str) -> int:
        if not (text.isascii() and text.isdigit() and int(text) <= 65535):
            raise argparse.ArgumentTypeError(
                translate(N_("expected a port from 0 to 65535, got {value}"), lang).format(
                    value=repr(text)
                )
            )
        return int(text)

    return read


def add_arguments(parser: argparse.ArgumentParser, *, lang: Lang = "en") -> None:
    """Add the options of ``kim-cooperation serve`` to ``parser``: host, port and the limits.

    Args:
        parser: The command's parser.
        lang: The language of the help texts and of the options' error messages.

    Examples:
        >>> parser = argparse.ArgumentParser(prog="serve")
        >>> add_arguments(parser)
        >>> arguments = parser.parse_args(["--port", "8080", "--max-body", "64K"])
        >>> arguments.host, arguments.port, arguments.max_body, arguments.timeout
        ('127.0.0.1', 8080, 65536, 10.0)
    """
    if not isinstance(parser, argparse.ArgumentParser):
        raise InvalidTypeError(
            f"parser must be an argparse.ArgumentParser, got {type(parser).__name__}"
        )
    check_lang(lang)
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        metavar=translate(N_("ADDRESS"), lang),
        help=translate(
            N_(
                "the address to listen on (default: 127.0.0.1, this machine only); another "
                "address is allowed, with a warning: put a reverse proxy in front"
            ),
            lang,
        ),
    )
    parser.add_argument(
        "--port",
        type=_port(lang),
        default=DEFAULT_PORT,
        metavar=translate(N_("PORT"), lang),
        help=translate(N_("the port to listen on (default: 8000; 0: any free port)"), lang),
    )
    parser.add_argument(
        "--max-body",
        type=_size(lang),
        default=None,
        metavar=translate(N_("BYTES"), lang),
        help=translate(
            N_(
                "the largest request body, in bytes, or with K or M for KiB or MiB "
                "(default: 1M); a larger body is answered with status 413"
            ),
            lang,
        ),
    )
    parser.add_argument(
        "--timeout",
        type=_seconds(lang),
        default=DEFAULT_TIMEOUT_SECONDS,
        metavar=translate(N_("SECONDS"), lang),
        help=translate(
            N_(
                "the time limit of one request, in seconds (default: 10); a slower request is "
                "answered with status 503"
            ),
            lang,
        ),
    )
