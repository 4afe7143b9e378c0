"""Smoke test of the benchmark suite: ``python bench/run.py --quick`` runs and reports every benchmark.

No timing is asserted: the figures depend on the machine. What is checked is
that every benchmark runs, that the library agreed with every baseline (a
mismatch makes the run fail), and that ``--json`` writes parseable results.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / "bench" / "run.py"
NAMES = ("split", "settlement", "scaling", "import", "sweep", "keys", "files", "memory")


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, Any]]:
    """Run the quick benchmarks once for the module; return the output and the JSON results."""
    results = tmp_path_factory.mktemp("bench") / "results.json"
    completed = subprocess.run(
        [sys.executable, str(RUN), "--quick", "--json", str(results)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout[-4000:] + completed.stderr[-4000:]
    data: dict[str, Any] = json.loads(results.read_text(encoding="utf-8"))
    return completed.stdout, data


def test_every_benchmark_is_reported(quick_run: tuple[str, dict[str, Any]]) -> None:
    output, _ = quick_run
    for name in NAMES:
        assert f"== {name} ==" in output
    assert "FAILED" not in output


def test_the_environment_is_printed(quick_run: tuple[str, dict[str, Any]]) -> None:
    output, data = quick_run
    for label in ("machine", "python", "kim_cooperation", "dependencies", "git commit"):
        assert label in output
    assert data["environment"]["quick"] is True
    assert data["environment"]["kim_cooperation"]


def test_json_has_an_entry_per_benchmark(quick_run: tuple[str, dict[str, Any]]) -> None:
    _, data = quick_run
    assert set(data["benchmarks"]) == set(NAMES)
    for name, entry in data["benchmarks"].items():
        assert "error" not in entry, entry.get("error")
        assert entry["results"], name
        assert all(result["benchmark"] == name for result in entry["results"])


def test_the_file_benchmark_loads_hundreds_of_towns(
    quick_run: tuple[str, dict[str, Any]],
) -> None:
    """Loading is measured per town at several sizes (tests/test_bounded.py checks it is linear)."""
    output, data = quick_run
    cases = {result["case"] for result in data["benchmarks"]["files"]["results"]}
    assert cases >= {"load 100 towns", "load 400 towns"}
    assert "per town" in output


def test_a_subset_runs_alone(tmp_path: Path) -> None:
    results = tmp_path / "split.json"
    completed = subprocess.run(
        [sys.executable, str(RUN), "split", "--quick", "--json", str(results)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout[-4000:] + completed.stderr[-4000:]
    assert list(json.loads(results.read_text(encoding="utf-8"))["benchmarks"]) == ["split"]
    assert "== settlement ==" not in completed.stdout


def test_an_unknown_benchmark_is_refused() -> None:
    completed = subprocess.run(
        [sys.executable, str(RUN), "nonesuch"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 2
    assert "unknown benchmark" in completed.stderr
