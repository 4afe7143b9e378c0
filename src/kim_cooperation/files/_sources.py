"""Where an agreement file comes from and goes to: its path, its format, a bounded read.

A path is a `str`, an `os.PathLike` of `str` or, for reading, a resource
(`Traversable`); bytes are refused with how to decode them. The format is
given or told by the suffix (``.toml``, ``.json``). A file is read in chunks
up to a limit, so an endless or huge file is refused without reading it
whole, and its bytes must be UTF-8.
"""

from __future__ import annotations

import os
import pathlib
import typing
from typing import TYPE_CHECKING, BinaryIO, Final, TypeGuard

from kim_cooperation._checks import shown
from kim_cooperation.errors import AgreementFileError, InvalidTypeError, InvalidValueError, Phrase
from kim_cooperation.files._problems import _shorten
from kim_cooperation.i18n import N_

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from kim_cooperation.files import FileFormat

_FORMATS: Final = ("toml", "json")
_CHUNK_BYTES: Final = 1 << 20


def _check_format(value: object) -> FileFormat:
    if value == "toml":
        return "toml"
    if value == "json":
        return "json"
    raise InvalidValueError(
        N_("format must be one of {formats}, got {value}"),
        formats=str(list(_FORMATS)),
        value=shown(value),
    )


def _format_of(name: str) -> FileFormat:
    suffix = pathlib.PurePath(name).suffix.lower().lstrip(".")
    if suffix in _FORMATS:
        return _check_format(suffix)
    raise InvalidValueError(
        N_(
            "cannot tell the format of {name!r} from its suffix; "
            "name it .toml or .json, or pass format='toml' or format='json'"
        ),
        name=name,
    )


def _text_of(
    path: object, *, format: FileFormat | None, max_bytes: int
) -> tuple[str, FileFormat, str]:
    """Read the text of the file ``path`` names: the text, its format and its name for messages.

    At most ``max_bytes + 1`` bytes are read (see `kim_cooperation.files.load_agreement`).
    """
    file, source = _file_of(path, what="load_agreement's path")
    limit = _check_max_bytes(max_bytes)
    file_format = _format_of(file.name) if format is None else _check_format(format)
    with file.open("rb") as stream:
        data = _read_at_most(stream, limit + 1)
    if len(data) > limit:
        raise AgreementFileError(
            [
                (
                    "",
                    Phrase(
                        N_(
                            "the file is larger than {limit:,} bytes, the most an agreement "
                            "file may have by default; pass max_bytes= a larger number to read it"
                        ),
                        limit=limit,
                    ),
                )
            ],
            source,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        problem = Phrase(
            N_("the file is not UTF-8 text: byte {position} is not UTF-8; save it as UTF-8"),
            position=error.start,
        )
        raise AgreementFileError([("", problem)], source) from None
    return text, file_format, source


def _file_of(path: object, *, what: str) -> tuple[Traversable, str]:
    """The file a path names, and how to name it in messages; bytes and others refused."""
    if isinstance(path, str | os.PathLike):
        name = os.fspath(path)
        if isinstance(name, str):
            return pathlib.Path(name), name
    elif _is_resource(path):
        return path, path.name
    hint = ""
    if isinstance(path, bytes | bytearray | os.PathLike):
        hint = "; decode a path of bytes first, e.g. os.fsdecode(path)"
    raise InvalidTypeError(
        f"{what} must be a str, a pathlib.Path or an importlib.resources Traversable, "
        f"got {type(path).__name__} {_shorten(shown(path))}{hint}"
    )


def _is_resource(value: object) -> TypeGuard[Traversable]:
    """Whether ``value`` is a resource of `importlib.resources` (a `Traversable`)."""
    # Imported here: importlib.resources brings zipfile, tempfile, shutil and more,
    # which reading a file by its path never needs (str and PathLike are checked first).
    from importlib.resources.abc import Traversable  # noqa: PLC0415 - see above

    return isinstance(value, Traversable)


def _check_max_bytes(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidTypeError(
            f"max_bytes must be an int, got {type(value).__name__} {_shorten(shown(value))}"
        )
    if value < 0:
        raise InvalidValueError(N_("max_bytes must be at least 0, got {value}"), value=value)
    return value


def _read_at_most(stream: BinaryIO | typing.IO[bytes], count: int) -> bytes:
    """Read up to ``count`` bytes, in chunks: a large ``count`` allocates nothing up front."""
    chunks: list[bytes] = []
    left = count
    while left > 0:
        chunk = stream.read(min(left, _CHUNK_BYTES))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _path_to_write(path: object) -> pathlib.Path:
    if isinstance(path, str | os.PathLike):
        name = os.fspath(path)
        if isinstance(name, str):
            return pathlib.Path(name)
    raise InvalidTypeError(
        f"the path to write must be a str or a pathlib.Path, got {type(path).__name__} "
        f"{_shorten(shown(path))}"
        + (
            "; decode a path of bytes first, e.g. os.fsdecode(path)"
            if isinstance(path, bytes)
            else ""
        )
    )
