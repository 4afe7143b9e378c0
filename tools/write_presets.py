"""Write the snapshots of the built-in agreement files, or check that they are current.

`kim_cooperation.presets` returns the agreements of the package's agreement
files ``data/coesfeld.toml`` and ``data/example.toml``. The files are the
source of record; reading one takes the file reader (tomllib, the cattrs
structuring hooks, every check of the agreement), about 20 ms in a fresh
process. So the presets load a snapshot instead: ``data/<name>.pickle``
holds ``(agreement, cost_plans)`` exactly as reading the file gives them,
pickled (protocol 4) by this tool. tests/test_presets.py fails when a
snapshot differs from what reading its file gives today, byte for byte.

Usage:
    python tools/write_presets.py            # write the snapshots
    python tools/write_presets.py --check    # exit status 1 if a snapshot is stale
"""

from __future__ import annotations

import argparse
import pathlib
import pickle
import sys
from collections.abc import Sequence

from kim_cooperation._atomic import write_bytes
from kim_cooperation.files import load_agreement

FOLDER = pathlib.Path(__file__).parents[1] / "src" / "kim_cooperation" / "data"
NAMES = ("coesfeld", "example")
"""The built-in agreement files, ``data/<name>.toml``."""
PROTOCOL = 4
"""The pickle protocol of the snapshots (readable by every supported Python)."""


def snapshot(folder: pathlib.Path, name: str) -> bytes:
    """The snapshot of ``<name>.toml`` in ``folder``: its agreement and cost plans, pickled."""
    read = load_agreement(folder / f"{name}.toml")
    return pickle.dumps((read.agreement, read.cost_plans), protocol=PROTOCOL)


def stale(folder: pathlib.Path) -> list[str]:
    """The snapshots in ``folder`` that are missing or differ from their files, by name."""
    return [
        f"{name}.pickle"
        for name in NAMES
        if not (folder / f"{name}.pickle").is_file()
        or (folder / f"{name}.pickle").read_bytes() != snapshot(folder, name)
    ]


def run(argv: Sequence[str] | None = None) -> int:
    """Write or check the snapshots; the exit status (1: stale snapshots found by ``--check``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    parser.add_argument("folder", nargs="?", type=pathlib.Path, default=FOLDER)
    arguments = parser.parse_args(argv)
    if arguments.check:
        found = stale(arguments.folder)
        for file in found:
            print(f"stale: {file} (run python tools/write_presets.py)", file=sys.stderr)
        return 1 if found else 0
    for name in NAMES:
        write_bytes(arguments.folder / f"{name}.pickle", snapshot(arguments.folder, name))
    return 0


if __name__ == "__main__":
    sys.exit(run())
