"""Reading the text of an agreement file: TOML or JSON into the agreement and its cost plans.

The text is parsed (a JSON object may not name a key twice), text that is
not valid Unicode is refused, the data is structured into the file's records
(`kim_cooperation.files._converter`) and the model is built from them
(`kim_cooperation.files._building`). Every step names the path of each problem.
"""

from __future__ import annotations

import re
import tomllib
from typing import TYPE_CHECKING, Any, Final

from cattrs.errors import ClassValidationError

from kim_cooperation._syntax import json_problem, toml_problem
from kim_cooperation.errors import AgreementFileError, KimCooperationError, Phrase
from kim_cooperation.files._building import _build
from kim_cooperation.files._converter import _converter, _problems_of_form
from kim_cooperation.files._problems import _is_unicode, _not_unicode
from kim_cooperation.files._records import _AgreementDocument
from kim_cooperation.i18n import N_

if TYPE_CHECKING:
    from kim_cooperation.agreement import Agreement
    from kim_cooperation.costs import CostStatement
    from kim_cooperation.files import FileFormat

_SURROGATE_ESCAPE: Final = re.compile(r"\\u[dD][89a-fA-F]")


class _DuplicateKeyError(ValueError):
    """A JSON object names a key twice; the key is kept for the message."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for key, value in pairs:
        if key in table:
            raise _DuplicateKeyError(key)
        table[key] = value
    return table


def _parse(text: str, file_format: FileFormat, source: str | None) -> object:
    # The parsers' own words (error.msg, tomllib's message) are Python's, in
    # English: they are the fields of a catalogue text, never translated.
    message: Phrase
    if file_format == "json":
        import json  # noqa: PLC0415 - reading TOML, as the built-in agreements do, never needs it

        try:
            return json.loads(text, object_pairs_hook=_no_duplicate_keys)
        except json.JSONDecodeError as error:
            message = json_problem(error)
        except _DuplicateKeyError as error:
            message = Phrase(N_("JSON syntax: duplicate key {key!r} in an object"), key=error.key)
        except ValueError as error:
            message = Phrase(N_("JSON syntax: {error}"), error=str(error))
        except RecursionError:
            message = Phrase(N_("JSON syntax: arrays or objects nested too deeply"))
    else:
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            message = toml_problem(error)
        except ValueError as error:  # an integer longer than int() reads (sys.int_info)
            message = Phrase(N_("TOML value: {error}"), error=str(error))
        except RecursionError:
            message = Phrase(N_("TOML syntax: arrays or tables nested too deeply"))
    raise AgreementFileError([("", message)], source)


def _read(
    text: str, file_format: FileFormat, source: str | None
) -> tuple[Agreement, dict[int, dict[str, CostStatement]]]:
    """Read the agreement and its cost plans from a file's text, or raise every problem."""
    data = _parse(text, file_format, source)
    # Only text that is not valid Unicode itself, or JSON with an escape of a
    # surrogate, can yield a lone surrogate: the walk is skipped otherwise.
    if not _is_unicode(text) or (file_format == "json" and _SURROGATE_ESCAPE.search(text)):
        invalid = _not_unicode(data)
        if invalid:
            raise AgreementFileError(invalid, source)
    return _structured(data, source)


def _structured(
    data: object, source: str | None
) -> tuple[Agreement, dict[int, dict[str, CostStatement]]]:
    """Structure parsed data (no lone surrogates) into the agreement and its plans, or raise."""
    try:
        document = _converter().structure(data, _AgreementDocument)
    except (ClassValidationError, KimCooperationError) as error:
        raise AgreementFileError(list(_problems_of_form(error, "")), source) from error
    return _build(document, source)
