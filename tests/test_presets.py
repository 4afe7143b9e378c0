"""The built-in agreements load from snapshots of their agreement files (issue 17).

`kim_cooperation.presets` loads ``data/<name>.pickle``, written by
``tools/write_presets.py`` from ``data/<name>.toml``, the source of record.
These tests hold the snapshots to the files: each must be, byte for byte,
what reading its file gives today, and load to equal values.
"""

from __future__ import annotations

import pathlib
import pickle
import shutil
import sys
from collections.abc import Callable, Mapping

import pytest

import kim_cooperation
from kim_cooperation import Agreement, CostStatement, presets
from kim_cooperation.files import load_agreement

ROOT = pathlib.Path(__file__).resolve().parents[1]
DATA = pathlib.Path(kim_cooperation.__file__).resolve().parent / "data"

sys.path.insert(0, str(ROOT / "tools"))
try:
    import write_presets
finally:
    sys.path.remove(str(ROOT / "tools"))


def test_the_snapshots_are_current() -> None:
    # If this fails after a change of the agreement files or of the pickled form of the
    # value objects, run: python tools/write_presets.py
    assert write_presets.stale(DATA) == []
    assert write_presets.run(["--check"]) == 0


@pytest.mark.parametrize(
    ("name", "agreement", "plans"),
    [
        ("coesfeld", presets.coesfeld, lambda: {2023: presets.coesfeld_cost_plan_2023()}),
        ("example", presets.example, presets.example_cost_plans),
    ],
)
def test_a_preset_is_what_reading_its_file_gives(
    name: str,
    agreement: Callable[[], Agreement],
    plans: Callable[[], Mapping[int, Mapping[str, CostStatement]]],
) -> None:
    read = load_agreement(DATA / f"{name}.toml")
    assert agreement() == read.agreement
    assert pickle.dumps(agreement(), protocol=4) == pickle.dumps(read.agreement, protocol=4)
    assert {year: dict(plan) for year, plan in plans().items()} == {
        year: dict(plan) for year, plan in read.cost_plans.items()
    }


def test_the_tool_writes_and_finds_stale_snapshots(tmp_path: pathlib.Path) -> None:
    for name in write_presets.NAMES:
        shutil.copy(DATA / f"{name}.toml", tmp_path / f"{name}.toml")
    assert write_presets.run(["--check", str(tmp_path)]) == 1  # none written yet
    assert write_presets.run([str(tmp_path)]) == 0
    assert write_presets.run(["--check", str(tmp_path)]) == 0
    for name in write_presets.NAMES:
        assert (tmp_path / f"{name}.pickle").read_bytes() == (DATA / f"{name}.pickle").read_bytes()
    # A changed file makes its snapshot stale.
    changed = (tmp_path / "coesfeld.toml").read_text(encoding="utf-8").replace("55000", "56000", 1)
    (tmp_path / "coesfeld.toml").write_text(changed, encoding="utf-8")
    assert write_presets.stale(tmp_path) == ["coesfeld.pickle"]
