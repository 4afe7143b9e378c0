r"""Writing a user's file without ever losing it: whole or not at all.

Every file the library writes for a user (agreement files, billing CSV and
workbooks) goes through `write_atomically`: the contents are written to a
new temporary file in the same folder, flushed to the disk, and only then
renamed over the target in one step (`os.replace`). A failure at any point,
an error while the contents are produced, a full disk or an interrupt,
leaves the old file as it was and removes the temporary file. Readers of
the target see either the old file or the new one, never a part.

What is kept of an existing file: its permission bits. Its owner and group
are those of whoever writes (changing them back needs privileges), and a
hard link to the old file keeps the old contents. A symbolic link is
followed: the file it names is replaced and the link stays. A target that
is not a regular file, such as ``/dev/stdout`` or a named pipe, cannot be
replaced; the contents are written into it directly.

Examples:
    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "plan.csv"
    ...     _ = path.write_text("old\n", encoding="utf-8")
    ...     try:
    ...         write_text(path, "new\ud800\n")
    ...     except UnicodeEncodeError:
    ...         print("refused:", path.read_text(encoding="utf-8").strip(), sorted(pathlib.Path(folder).iterdir()) == [path])
    ...     _ = write_text(path, "new\n")
    ...     print(path.read_text(encoding="utf-8").strip())
    refused: old True
    new
"""

from __future__ import annotations

import contextlib
import os
import pathlib
import stat
from collections.abc import Callable
from typing import BinaryIO, Final

__all__ = ["write_atomically", "write_bytes", "write_text"]

_ATTEMPTS: Final = 100
# Room for the prefix and suffix of the temporary name within a file system's
# usual limit of 255 bytes a name (checked on the name as UTF-8, as Linux does).
_MAX_NAME_BYTES: Final = 200
_BINARY: Final = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


def _target(path: str | os.PathLike[str]) -> pathlib.Path:
    """The file to replace: ``path``, or the file its symbolic link names."""
    given = pathlib.Path(path)
    return pathlib.Path(os.path.realpath(given)) if given.is_symlink() else given


def _temporary_name(target: pathlib.Path) -> str:
    import secrets  # noqa: PLC0415 - brings hashlib, hmac and random: only for writing

    stem = target.name
    while len(os.fsencode(stem)) > _MAX_NAME_BYTES:
        stem = stem[: len(stem) // 2]
    return f".{stem}.{secrets.token_hex(4)}.tmp"


def _create_temporary(target: pathlib.Path) -> tuple[int, pathlib.Path]:
    """Create a new, empty temporary file beside ``target``; return its descriptor and path.

    Created with ``O_EXCL`` (never an existing file, nor one a symbolic link
    points to) and mode 0o666 less the process's umask, as ``open`` creates
    a new file.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY
    for _ in range(_ATTEMPTS):
        temporary = target.with_name(_temporary_name(target))
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue
    raise FileExistsError(  # pragma: no cover - 100 random names of 32 bits all taken
        f"cannot create a temporary file beside {str(target)!r}: every name tried exists"
    )


def _sync_folder(folder: pathlib.Path) -> None:
    """Flush the folder's entry of the renamed file to the disk, where the system allows it."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows opens no folders; the rename is durable there by itself
        return
    try:
        with contextlib.suppress(OSError):  # some file systems cannot sync a folder
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_atomically(
    path: str | os.PathLike[str], write: Callable[[BinaryIO], object]
) -> pathlib.Path:
    """Write a file whole or not at all: ``write`` fills a temporary file that then replaces ``path``.

    Args:
        path: The file to write; an existing file is replaced.
        write: Called once with the temporary file, open for writing bytes.
            Whatever it raises propagates, after the temporary file is removed.

    Returns:
        ``path`` as a `pathlib.Path`.

    Raises:
        OSError: The file cannot be written or renamed; the old file is untouched.
    """
    given = pathlib.Path(path)
    target = _target(given)
    try:
        mode: int | None = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        # A device or a pipe (``/dev/stdout``): nothing to replace, and
        # renaming over it would remove the device.
        with open(target, "wb") as stream:
            write(stream)
        return given
    descriptor, temporary = _create_temporary(target)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, stat.S_IMODE(mode))
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(target.parent)
    return given


def write_bytes(path: str | os.PathLike[str], data: bytes) -> pathlib.Path:
    """Write ``data`` to ``path`` whole or not at all (see `write_atomically`)."""
    return write_atomically(path, lambda stream: stream.write(data))


def write_text(
    path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8"
) -> pathlib.Path:
    """Write ``text`` to ``path`` whole or not at all, its line ends as they are.

    The text is encoded before anything is written, so text that the
    encoding cannot hold (a lone surrogate in UTF-8) raises
    `UnicodeEncodeError` with the file untouched.
    """
    return write_bytes(path, text.encode(encoding))
