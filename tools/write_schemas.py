"""Write the JSON Schemas of the contract into docs/reference/schemas/, or check that they are current.

The docs publish each schema of `kim_cooperation.schemas` as
``<name>.schema.json`` and show it on the page docs/reference/schemas.md;
tests/test_schemas.py fails when a file differs from what the code makes.

Usage:
    python tools/write_schemas.py            # write the files
    python tools/write_schemas.py --check    # exit status 1 if a file is stale
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
from collections.abc import Sequence

from kim_cooperation._atomic import write_text
from kim_cooperation.schemas import SCHEMA_NAMES, schema

FOLDER = pathlib.Path(__file__).parents[1] / "docs" / "reference" / "schemas"


def text(name: str) -> str:
    """The file's text: the schema indented by two, umlauts kept, a final newline."""
    return json.dumps(schema(name), indent=2, ensure_ascii=False) + "\n"


def differences(folder: pathlib.Path) -> list[str]:
    """The files in ``folder`` that are missing, stale or left over, by name."""
    wanted = {f"{name}.schema.json": name for name in SCHEMA_NAMES}
    found = {path.name for path in folder.glob("*.schema.json")}
    stale = [
        file
        for file, name in wanted.items()
        if file not in found or (folder / file).read_text(encoding="utf-8") != text(name)
    ]
    return sorted([*stale, *(found - set(wanted))])


def write(folder: pathlib.Path) -> None:
    """Write every schema into ``folder`` and remove files of schemas that are no more."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in SCHEMA_NAMES:
        write_text(folder / f"{name}.schema.json", text(name))
    known = {f"{name}.schema.json" for name in SCHEMA_NAMES}
    for path in folder.glob("*.schema.json"):
        if path.name not in known:
            path.unlink()


def run(argv: Sequence[str] | None = None) -> int:
    """Write or check the files; the exit status (1: stale files found by ``--check``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    parser.add_argument("folder", nargs="?", type=pathlib.Path, default=FOLDER)
    arguments = parser.parse_args(argv)
    stale = differences(arguments.folder) if arguments.folder.is_dir() else list(SCHEMA_NAMES)
    if arguments.check:
        for name in stale:
            print(f"stale: {arguments.folder / name}; run python tools/write_schemas.py")
        return 1 if stale else 0
    write(arguments.folder)
    return 0


if __name__ == "__main__":
    sys.exit(run())
