"""The syntax errors of Python's TOML and JSON readers as catalogue texts, so German can say them.

`tomllib` and `json` word their errors in English and give no message ids;
their wording is a fixed, short list in the standard library's source. Each
is listed here as a template (``"Cannot declare {key} twice"``), so that a
reader's message becomes a `Phrase` the catalogue translates, with the
position (line and column) as fields. A message not listed (a wording of a
later Python) is kept as it is, in English, rather than guessed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from kim_cooperation.errors import N_, Phrase
from kim_cooperation.i18n import template_pattern

if TYPE_CHECKING:
    import json
    import tomllib

__all__ = ["json_problem", "toml_problem"]

_TOML_MESSAGES: Final = (
    N_("Cannot overwrite a value"),
    N_("Escaped character is not a Unicode scalar value"),
    N_("Expected '=' after a key in a key/value pair"),
    N_("Expected ']' at the end of a table declaration"),
    N_("Expected ']]' at the end of an array declaration"),
    N_("Expected newline or end of document after a statement"),
    N_("Invalid date or datetime"),
    N_("Invalid hex value"),
    N_("Invalid initial character for a key part"),
    N_("Invalid statement"),
    N_("Invalid value"),
    N_("Unclosed array"),
    N_("Unclosed inline table"),
    N_("Unescaped '\\' in a string"),
    N_("Unterminated string"),
    N_("Cannot declare {key} twice"),
    N_("Cannot mutate immutable namespace {key}"),
    N_("Cannot redefine namespace {key}"),
    N_("Duplicate inline table key {key}"),
    N_("Found invalid character {char}"),
    N_("Illegal character {char}"),
)
"""The messages of `tomllib` (Python 3.11 to 3.13), with their variable parts as fields."""

_JSON_MESSAGES: Final = (
    N_("Expecting value"),
    N_("Expecting ',' delimiter"),
    N_("Expecting ':' delimiter"),
    N_("Expecting property name enclosed in double quotes"),
    N_("Extra data"),
    N_("Unterminated string starting"),
    N_("Invalid control character"),
    N_("Invalid control character {char}"),
    N_("Invalid \\escape"),
    N_("Invalid \\escape: {char}"),
    N_("Invalid \\uXXXX escape"),
    N_("Illegal trailing comma before end of object"),
    N_("Illegal trailing comma before end of array"),
)
"""The messages of `json` (its C and Python scanners), without a trailing "at"."""

_TOML_POSITION: Final = re.compile(
    r"(?P<message>.*?) \(at (?:line (?P<line>[0-9]+), column (?P<column>[0-9]+)|end of document)\)",
    flags=re.DOTALL,
)


def _phrase(message: str, templates: tuple[str, ...]) -> Phrase | str:
    """The reader's ``message`` as a catalogue phrase, or as it is if it is not listed."""
    for template in templates:
        match = template_pattern(template).fullmatch(message)
        if match is not None:
            return Phrase(template, **match.groupdict())
    return message


def toml_problem(error: tomllib.TOMLDecodeError) -> Phrase:
    r"""A `tomllib` syntax error as a phrase: what is wrong and where.

    Examples:
        >>> import tomllib
        >>> try:
        ...     tomllib.loads("x = [\n")
        ... except tomllib.TOMLDecodeError as error:
        ...     problem = toml_problem(error)
        >>> str(problem)
        'TOML syntax: Invalid value (at end of document)'
        >>> problem.describe("de")
        'TOML-Syntax: ungültiger Wert (am Ende der Datei)'
    """
    text = str(error)
    match = _TOML_POSITION.fullmatch(text)
    if match is None:
        return Phrase(N_("TOML syntax: {error}"), error=_phrase(text, _TOML_MESSAGES))
    message = _phrase(match["message"], _TOML_MESSAGES)
    if match["line"] is None:
        return Phrase(N_("TOML syntax: {error} (at end of document)"), error=message)
    return Phrase(
        N_("TOML syntax: {error} (at line {line}, column {column})"),
        error=message,
        line=int(match["line"]),
        column=int(match["column"]),
    )


def json_problem(error: json.JSONDecodeError) -> Phrase:
    """A `json` syntax error as a phrase: what is wrong and where.

    Examples:
        >>> import json
        >>> try:
        ...     json.loads('{"a": }')
        ... except json.JSONDecodeError as error:
        ...     problem = json_problem(error)
        >>> str(problem)
        'JSON syntax: Expecting value at line 1, column 7'
        >>> problem.describe("de")
        'JSON-Syntax: Wert erwartet in Zeile 1, Spalte 7'
    """
    message = error.msg.removesuffix(" at")  # "Unterminated string starting at" names no place
    return Phrase(
        N_("JSON syntax: {error} at line {line}, column {column}"),
        error=_phrase(message, _JSON_MESSAGES),
        line=error.lineno,
        column=error.colno,
    )
