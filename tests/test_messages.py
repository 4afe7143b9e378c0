"""Every message of the library is a catalogue text: German under ``de``, checked at its source.

An error is raised with an English text marked ``N_("...")`` and its
fields as keywords (`kim_cooperation.errors.Phrase`); the catalogue gives
its German text. This test reads the source and fails on any error built
from a text that is not so marked, such as an f-string, which no
catalogue could translate.

Type errors (`InvalidTypeError`, `MoneyTypeError`) are left out on
purpose: they name a Python argument and a Python type, so they can only
come from Python code calling the library wrongly, never from the command
line or a file, and they stay in the Python API's language, English.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kim_cooperation import errors

PACKAGE = Path(__file__).parent.parent / "src" / "kim_cooperation"
MODULES = sorted(path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py"))

TRANSLATED: frozenset[str] = frozenset(
    name
    for name in errors.__all__
    if name.endswith("Error") and name not in {"InvalidTypeError", "MoneyTypeError"}
) | {"Phrase"}
"""The classes built from a catalogue text: the value and look-up errors, and `Phrase`."""


def _marked(node: ast.expr) -> bool:
    """Whether ``node`` is ``N_("...")`` or a choice between such texts."""
    if isinstance(node, ast.IfExp):
        return _marked(node.body) and _marked(node.orelse)
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "N_"
        and len(node.args) == 1
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    )


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _unmarked(module: str) -> list[str]:
    tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _name(node.func) not in TRANSLATED:
            continue
        if _name(node.func) == "AgreementFileError":
            continue  # built from problems, each of them a phrase or an error
        if _name(node.func) == "MissingExtraError":
            continue  # its text is the class's own; the names in it are the same in German
        if node.args and (_marked(node.args[0]) or isinstance(node.args[0], ast.Name)):
            continue
        if not node.args and not node.keywords:
            continue
        found.append(f"{module}:{node.lineno}: {ast.unparse(node)[:100]}")
    return found


@pytest.mark.parametrize("module", MODULES)
def test_every_error_is_built_from_a_catalogue_text(module: str) -> None:
    assert _unmarked(module) == []


_MARKERS: frozenset[str] = frozenset({"N_", "_t", "translate"})


def _hidden_in_f_strings(module: str) -> list[str]:
    tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
    return [
        f"{module}:{call.lineno}: {ast.unparse(call)[:80]}"
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr)
        for call in ast.walk(node)
        if isinstance(call, ast.Call) and _name(call.func) in _MARKERS
    ]


@pytest.mark.parametrize("module", MODULES)
def test_no_text_is_marked_inside_an_f_string(module: str) -> None:
    # Babel's extractor does not look into f-strings: a text marked there has no German form.
    assert _hidden_in_f_strings(module) == []


@pytest.mark.parametrize("lang", ["fr", "DE", [], None])
def test_a_phrase_refuses_a_language_it_does_not_speak(lang: object) -> None:
    phrase = errors.Phrase("no funding from {day}", day="2027-01-01")
    with pytest.raises(errors.InvalidValueError) as caught:
        phrase.describe(lang)  # type: ignore[arg-type]
    assert str(caught.value).startswith("lang must be 'de' or 'en', got ")
    assert caught.value.describe("de").startswith("lang muss 'de' oder 'en' sein")


def test_errors_and_the_catalogue_do_not_import_each_other() -> None:
    # The catalogue's bottom (_catalogue) imports nothing of the package; errors only it.
    source = (PACKAGE / "_catalogue.py").read_text(encoding="utf-8")
    assert "kim_cooperation" not in "".join(
        line for line in source.splitlines() if line.startswith(("import", "from"))
    )
    imported = {
        node.module
        for node in ast.walk(ast.parse((PACKAGE / "errors.py").read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.module and "kim_cooperation" in node.module
    }
    assert imported <= {"kim_cooperation", "kim_cooperation.closed_days"}  # the latter for types
