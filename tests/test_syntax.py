"""The TOML and JSON readers' syntax errors in German (kim_cooperation._syntax)."""

from __future__ import annotations

import inspect
import json
import re
import tomllib
import tomllib._parser  # type: ignore[import-not-found]  # read for its messages

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kim_cooperation import _syntax
from kim_cooperation._syntax import json_problem, toml_problem
from kim_cooperation.errors import Phrase


def _toml_error(text: str) -> tomllib.TOMLDecodeError:
    with pytest.raises(tomllib.TOMLDecodeError) as caught:
        tomllib.loads(text)
    return caught.value


def _json_error(text: str) -> json.JSONDecodeError:
    with pytest.raises(json.JSONDecodeError) as caught:
        json.loads(text)
    return caught.value


def test_every_fixed_message_of_tomllib_is_listed() -> None:
    # A Python whose tomllib words a message differently fails here, not silently in English.
    source = inspect.getsource(tomllib._parser)
    fixed = set(re.findall(r'suffixed_err\(\s*src,\s*pos,\s*"([^"]*)"', source))
    assert fixed
    listed = {template.replace("\\\\", "\\") for template in _syntax._TOML_MESSAGES}
    assert {message.replace("\\\\", "\\") for message in fixed} <= listed


@pytest.mark.parametrize(
    ("text", "english", "german"),
    [
        (
            "x = [\n",
            "TOML syntax: Invalid value (at end of document)",
            "TOML-Syntax: ungültiger Wert (am Ende der Datei)",
        ),
        (
            "x = 1\nx = 2\n",
            "TOML syntax: Cannot overwrite a value (at line 2, column 6)",
            "TOML-Syntax: ein Wert kann nicht überschrieben werden (in Zeile 2, Spalte 6)",
        ),
        (
            "x = {a = 1, a = 2}",
            "TOML syntax: Duplicate inline table key 'a' (at line 1, column 18)",
            "TOML-Syntax: doppelter Schlüssel 'a' in einer Tabelle { ... } (in Zeile 1, Spalte 18)",
        ),
        (
            "[a]\n[a]\n",
            "TOML syntax: Cannot declare ('a',) twice (at line 2, column 3)",
            "TOML-Syntax: ('a',) ist doppelt angegeben (in Zeile 2, Spalte 3)",
        ),
    ],
)
def test_toml_syntax_errors_are_german_with_their_place(
    text: str, english: str, german: str
) -> None:
    problem = toml_problem(_toml_error(text))
    assert (str(problem), problem.describe("de")) == (english, german)


@pytest.mark.parametrize(
    ("text", "german"),
    [
        ('{"a": }', "JSON-Syntax: Wert erwartet in Zeile 1, Spalte 7"),
        ('{"a" 1}', "JSON-Syntax: Trennzeichen ':' erwartet in Zeile 1, Spalte 6"),
        ("[1 2]", "JSON-Syntax: Trennzeichen ',' erwartet in Zeile 1, Spalte 4"),
        (
            "{a: 1}",
            "JSON-Syntax: Schlüssel in doppelten Anführungszeichen erwartet in Zeile 1, Spalte 2",
        ),
        ("[1] x", "JSON-Syntax: weitere Daten nach dem Ende in Zeile 1, Spalte 5"),
        ('"abc', "JSON-Syntax: nicht beendeter Text beginnt in Zeile 1, Spalte 1"),
    ],
)
def test_json_syntax_errors_are_german_with_their_place(text: str, german: str) -> None:
    problem = json_problem(_json_error(text))
    assert problem.describe("de") == german
    assert str(problem).startswith("JSON syntax: ")


def test_a_message_not_listed_is_kept_as_it_is() -> None:
    error = tomllib.TOMLDecodeError("Something new (at line 3, column 1)")
    assert (
        toml_problem(error).describe("de") == "TOML-Syntax: Something new (in Zeile 3, Spalte 1)"
    )
    bare = toml_problem(tomllib.TOMLDecodeError("No position at all"))
    assert bare.describe("de") == "TOML-Syntax: No position at all"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_any_text_that_fails_to_read_gives_a_whole_german_message(text: str) -> None:
    problems: list[Phrase] = []
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        problems.append(toml_problem(error))
    except (ValueError, RecursionError):
        pass  # not a syntax error: a number too long for int(), read elsewhere
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        problems.append(json_problem(error))
    except (ValueError, RecursionError):
        pass
    for problem in problems:
        german = problem.describe("de")
        assert german.startswith(("TOML-Syntax: ", "JSON-Syntax: "))
        assert "{" not in german.replace("{ ... }", "")
