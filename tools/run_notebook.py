"""Execute the docs' example notebook in a Jupyter kernel and store its outputs.

Run from the repository root after a change that alters what the notebook shows:

    python tools/run_notebook.py

It executes docs/notebooks/coesfeld.ipynb in a fresh ``python3`` kernel, in a
temporary folder (the workbook it writes is thrown away), and writes the
notebook back with its new outputs, atomically. The docs render the stored
outputs (mkdocs-jupyter, without executing); ``tests/test_example_notebook.py``
executes it again with `execute` and requires the same outputs, so the page
never shows what the library no longer does.
"""

from __future__ import annotations

import pathlib
import sys
import tempfile

import nbformat
from nbclient import NotebookClient

from kim_cooperation import _atomic

NOTEBOOK = pathlib.Path(__file__).resolve().parent.parent / "docs" / "notebooks" / "coesfeld.ipynb"

TIMEOUT = 120
"""Seconds one cell may take before the run fails; the slowest takes about a second."""


def execute(path: pathlib.Path, folder: pathlib.Path) -> nbformat.NotebookNode:
    """Run every cell of the notebook at ``path`` in a fresh kernel, in ``folder``; return it.

    The cells' metadata get no timings, so that a stored notebook changes
    only where its outputs do. A cell that raises stops the run with
    `nbclient.exceptions.CellExecutionError`.
    """
    notebook: nbformat.NotebookNode = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    client = NotebookClient(
        notebook,
        timeout=TIMEOUT,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(folder)}},
    )
    client.execute()
    return notebook


def main() -> int:
    """Execute the notebook and store it with its outputs."""
    with tempfile.TemporaryDirectory() as folder:
        notebook = execute(NOTEBOOK, pathlib.Path(folder))
    text: str = nbformat.writes(notebook)  # type: ignore[no-untyped-call]
    _atomic.write_text(NOTEBOOK, text + "\n")
    print(f"wrote {NOTEBOOK}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
