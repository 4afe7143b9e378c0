"""The development guide's table of where each clause is matches the code.

Each row of the table "Where each clause is" in ``docs/development.md``
names public objects and their files; each must exist, name the clause or
interpretation id in its docstring, and be defined in the file given, so a
reader finds the code for any clause in one hop.
"""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

import pytest

from kim_cooperation.clauses import Clause, Interpretation

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "development.md"
PACKAGE = ROOT / "src" / "kim_cooperation"

_ROW = re.compile(r"^\| (?P<id>[CI]\d+) \| (?P<heading>[^|]+) \| (?P<where>[^|]+) \|$", re.M)
_ENTRY = re.compile(r"`(?P<name>[\w.]+)` \(`(?P<file>[\w/.]+)`\)")


def _rows() -> list[tuple[str, str, str]]:
    section = GUIDE.read_text(encoding="utf-8").split("## Where each clause is", 1)[1]
    section = section.split("\n## ", 1)[0]
    return [(row["id"], row["heading"].strip(), row["where"]) for row in _ROW.finditer(section)]


def _resolve(name: str) -> object:
    module, *attributes = name.split(".")
    found: object = importlib.import_module(f"kim_cooperation.{module}")
    for attribute in attributes:
        found = getattr(found, attribute)
    return found


def test_the_table_has_every_clause_and_interpretation_once() -> None:
    ids = [row[0] for row in _rows()]
    assert ids == [item.value for item in (*Clause, *Interpretation)]


@pytest.mark.parametrize(("ident", "heading", "where"), _rows(), ids=lambda value: str(value)[:12])
def test_each_entry_is_where_the_table_says(ident: str, heading: str, where: str) -> None:
    item = Clause(ident) if ident.startswith("C") else Interpretation(ident)
    assert heading == item.heading
    entries = list(_ENTRY.finditer(where))
    assert entries, where
    assert "".join(match[0] for match in entries) == where.replace(", ", "").strip()
    for match in entries:
        found = _resolve(match["name"])
        assert re.search(rf"\b{ident}\b", inspect.getdoc(found) or ""), (match["name"], ident)
        source = Path(inspect.getsourcefile(found) or "").resolve()  # type: ignore[arg-type]
        assert source == (PACKAGE / match["file"]).resolve(), (match["name"], source)
