"""Output and errors: standard output written whole or not at all, one line on standard error.

`_write_out` writes a command's output, and turns a closed or full
standard output, or an encoding that cannot show the text, into
`_OutputFailed` (exit status 1; quiet when the reader went away). `_fail`
prints an error as one line on standard error and returns the exit status;
`_one_line` and `_os_error` word the error in the chosen language, and
`_warn` shows the library's warnings one line each.
"""

from __future__ import annotations

import errno
import os
import sys
import unicodedata
import warnings
from collections.abc import Mapping, Sequence
from typing import Final

from kim_cooperation.cli._language import _LANG, _t
from kim_cooperation.errors import KimCooperationError
from kim_cooperation.i18n import N_


class _OutputFailed(Exception):  # noqa: N818 - not an error class of the library's
    """Standard output cannot take the output; `main` reports it with exit status 1.

    Attributes:
        message: What went wrong, in the chosen language; empty when the
            reader went away (``| head``), which is not reported.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _write_out(text: str) -> None:
    """Write ``text`` on standard output and flush it, or raise `_OutputFailed` saying why.

    Text standard output cannot encode is refused before anything is
    written, so the output is whole or absent.
    """
    stream = sys.stdout
    closed = _t("standard output is closed; nothing was written")
    if stream is None:  # started with standard output closed (>&-)
        raise _OutputFailed(closed)
    encoding = getattr(stream, "encoding", None)
    if isinstance(encoding, str):
        try:
            text.encode(encoding, getattr(stream, "errors", None) or "strict")
        except UnicodeEncodeError as error:
            char = error.object[error.start]
            name = unicodedata.name(char, f"U+{ord(char):04X}")
            raise _OutputFailed(
                _t(
                    "standard output (encoding {encoding}) cannot show {char} ({name}); "
                    "nothing was written. Set PYTHONIOENCODING=utf-8"
                ).format(encoding=encoding, char=repr(char), name=name)
            ) from None
        except LookupError:  # an encoding Python does not know: let the write decide
            pass
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        # The reader went away (``kim-cooperation | head``): not an error of ours.
        _quiet_stdout()
        raise _OutputFailed("") from None
    except OSError as error:
        _quiet_stdout()
        raise _OutputFailed(
            _t("cannot write to standard output: {reason}").format(
                reason=_os_error(error) if error.filename is None else error.strerror or str(error)
            )
        ) from None
    except ValueError:  # written to after it was closed
        raise _OutputFailed(closed) from None


def _quiet_stdout() -> None:
    """Point standard output at the null device, so the interpreter's last flush is quiet.

    What is still buffered after a failed write would be written, and fail,
    again at exit, with a message and a status of its own.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no descriptor of its own (a test's capture)
        pass


def _say_on_stderr(line: str) -> None:
    stream = sys.stderr
    if stream is not None:
        try:
            stream.write(f"{line}\n")
            stream.flush()
        except (OSError, ValueError):  # standard error closed or full too: the status says it
            pass


def _fail(message: str, status: int) -> int:
    """Print one line on standard error, if there is one to print on; return ``status``."""
    prefix = _t("error")  # "Fehler" under --lang de
    _say_on_stderr(f"kim-cooperation: {prefix}: {message}")
    return status


_REASONS: Final[Mapping[int, str]] = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.EISDIR: N_("Is a directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.ENOSPC: N_("No space left on device"),
    errno.EROFS: N_("Read-only file system"),
    errno.EEXIST: N_("File exists"),
    errno.ENAMETOOLONG: N_("File name too long"),
    errno.EIO: N_("Input/output error"),
    errno.EBADF: N_("Bad file descriptor"),
    errno.EPIPE: N_("Broken pipe"),
}
"""The errors of the operating system the command line meets most, by number, as glibc words them.

Keyed by number, so the German text does not depend on the platform's wording.
"""


def _os_error(error: OSError) -> str:
    """An error of the operating system in the chosen language, with the file it concerns."""
    if _LANG.get() == "en":
        return _one_line(error)
    code = errno.errorcode.get(error.errno or 0, "")
    known = _REASONS.get(error.errno or 0)
    reason = _t(known) if known is not None else error.strerror or _one_line(error)
    reason = f"{reason} ({code})" if code else reason
    return f"{error.filename!r}: {reason}" if error.filename is not None else reason


def _one_line(error: BaseException | str) -> str:
    """The message of ``error`` on one line, in the chosen language if it is the library's."""
    text = error.describe(_LANG.get()) if isinstance(error, KimCooperationError) else str(error)
    return " ".join(text.split())


def _warn(caught: Sequence[warnings.WarningMessage]) -> None:
    """Show the library's warnings as one line each, in the chosen language; pass on others.

    A notice recorded as received on a closed day (`ClosedDayWarning`) is
    such a warning: the command goes on with the day as given.
    """
    from kim_cooperation.errors import KimCooperationWarning  # noqa: PLC0415

    shown: list[str] = []
    for warning in caught:
        message = warning.message
        if not isinstance(message, KimCooperationWarning):
            warnings.warn_explicit(
                message, warning.category, warning.filename, warning.lineno, source=warning.source
            )
            continue
        receipt = getattr(message, "receipt", None)
        describe = getattr(receipt, "describe", None)
        text = _one_line(describe(lang=_LANG.get()) if callable(describe) else message)
        if text not in shown:
            shown.append(text)
    prefix = _t("warning")  # "Warnung" under --lang de
    for text in shown:
        _say_on_stderr(f"kim-cooperation: {prefix}: {text}")
