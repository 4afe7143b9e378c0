"""The docs' example notebook runs in a real Jupyter kernel and shows what it stores.

``docs/notebooks/coesfeld.ipynb`` (settle, project, compare, chart,
workbook) is executed here by nbclient in a fresh ``python3`` kernel, the
way Jupyter runs it. Every cell must run without an error or a warning, and
its outputs must be the ones stored in the file, which the docs render: a
change that alters them must run ``python tools/run_notebook.py`` and show
the new outputs in its diff.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

# The runner lives with the tool; found from this file, and taken off the path again.
_TOOLS = str(Path(__file__).resolve().parents[1] / "tools")
sys.path.insert(0, _TOOLS)
try:
    from run_notebook import NOTEBOOK, execute
finally:
    sys.path.remove(_TOOLS)

_COMPARED = ("text/plain", "text/html")
"""The outputs compared with the stored ones; a picture's bytes depend on the fonts installed."""


def _joined(text: str | list[str] | None) -> str | None:
    """A text as the notebook file may store it, in lines, joined."""
    return "".join(text) if isinstance(text, list) else text


def _shown(cell: Any) -> list[dict[str, object]]:
    """What a code cell shows: each output's kind, stream and compared data."""
    return [
        {
            "type": output["output_type"],
            "name": output.get("name"),
            "text": _joined(output.get("text")),
            "data": {kind: _joined(output.get("data", {}).get(kind)) for kind in _COMPARED},
            "picture": "image/png" in output.get("data", {}),
        }
        for output in cell["outputs"]
    ]


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return execute(NOTEBOOK, tmp_path_factory.mktemp("notebook"))


def test_every_cell_shows_what_the_stored_notebook_shows(executed: Any) -> None:
    stored = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [cell for cell in stored["cells"] if cell["cell_type"] == "code"]
    fresh = [cell for cell in executed["cells"] if cell["cell_type"] == "code"]
    assert len(code) == len(fresh)
    for number, (old, new) in enumerate(zip(code, fresh, strict=True), start=1):
        assert _shown(new) == _shown(old), (
            f"code cell {number} shows something else now; run python tools/run_notebook.py"
        )


def test_no_cell_fails_or_warns(executed: Any) -> None:
    for cell in executed["cells"]:
        if cell["cell_type"] != "code":
            continue
        for output in cell["outputs"]:
            assert output["output_type"] != "error", cell["source"]
            assert output.get("name") != "stderr", (cell["source"], output.get("text"))


def test_the_notebook_shows_tables_a_chart_and_the_workbook_read_back(executed: Any) -> None:
    outputs = [
        output
        for cell in executed["cells"]
        if cell["cell_type"] == "code"
        for output in cell["outputs"]
    ]
    html = [output["data"].get("text/html", "") for output in outputs if "data" in output]
    plain = [output["data"].get("text/plain", "") for output in outputs if "data" in output]
    # The council paper's figure: each town of Region Nord bears 8,125 euros in 2023 (C4, C7).
    assert "Decimal('8125.00')" in plain
    # The projection in German, towns by years with totals, and the same in English.
    assert any("<caption>Vorausschau 2024–2028" in page and ">Summe</th>" in page for page in html)
    assert any("<caption>Projection 2024–2028" in page and ">Total</th>" in page for page in html)
    # Both variants' differences against the baseline.
    assert sum("Differenzen zur Basis 2024–2028" in page for page in html) == 1
    assert any(output.get("data", {}).get("image/png") for output in outputs)
    assert "(['Eigenanteile', 'Erläuterungen'], 'Billerbeck', 8125, '#,##0.00 €')" in plain
