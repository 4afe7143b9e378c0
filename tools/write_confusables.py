"""Write the skeleton table of UTS #39 as a Python module from ``confusables.txt``, or check it.

The package ships Unicode's ``data/unicode/confusables.txt`` unmodified, with
its licence, as the source of record, and `kim_cooperation._confusables`
reads the table from the module this tool generates,
``src/kim_cooperation/_confusables_table.py``: parsing the 718 KB text cost
every process about 15 ms before its first agreement, while the module loads
from its cached bytecode. tests/test_names.py fails when the module differs
from what this tool makes of the text, or the table from the text.

Usage:
    python tools/write_confusables.py            # write the module
    python tools/write_confusables.py --check    # exit status 1 if it is stale
"""

from __future__ import annotations

import argparse
import pathlib
import sys
from collections.abc import Iterator, Mapping, Sequence

from kim_cooperation._atomic import write_text

PACKAGE = pathlib.Path(__file__).parents[1] / "src" / "kim_cooperation"
SOURCE = PACKAGE / "data" / "unicode" / "confusables.txt"
MODULE = PACKAGE / "_confusables_table.py"

SEPARATOR = "\x00"
"""Joins the prototypes in the module: a control character, so in none of them."""

_WIDTH = 99 - len('    ""')
"""The most characters of a string literal per line: ruff's line length less indent and quotes."""

_HEAD = '''\
"""The skeleton table of UTS #39, generated from ``data/unicode/confusables.txt``: do not edit.

Written by ``python tools/write_confusables.py`` from the unmodified data
file, the source of record; tests/test_names.py checks that both agree.
`kim_cooperation._confusables` builds its translation table from it.
"""

from typing import Final

UNICODE_VERSION: Final = {version}
"""The version of the ``confusables.txt`` the table is generated from."""

SEPARATOR: Final = {separator}
"""Joins the prototypes in `PROTOTYPES`: a character that occurs in none of them."""

'''


def parse(text: str) -> dict[int, str]:
    """Each character ``confusables.txt`` maps, and its prototype, in the file's order."""
    table: dict[int, str] = {}
    for line in text.splitlines():
        # "0430 ;\t0061 ;\tMA\t# ...": a code point, its prototype (one or more code
        # points) and a comment; other lines are empty or comments.
        if not line or line[0] == "#":
            continue
        source, target, _rest = line.split(";", 2)
        table[int(source, 16)] = "".join([chr(int(code, 16)) for code in target.split()])
    return table


def version(text: str) -> str:
    """The Unicode version the file's header names (``# Version: 13.0.0``)."""
    for line in text.splitlines():
        if line.startswith("# Version: "):
            return line.removeprefix("# Version: ").strip()
    raise ValueError("confusables.txt names no version (a line '# Version: ...')")


def _escaped(character: str) -> str:
    """``character`` as it stands in a string literal: printable ASCII as is, others escaped."""
    code = ord(character)
    if 0x20 <= code < 0x7F and character not in '"\\':
        return character
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _literal(text: str) -> str:
    """``text`` as a short string literal, in double quotes like ruff writes it."""
    return '"' + "".join(map(_escaped, text)) + '"'


def _literal_lines(text: str) -> Iterator[str]:
    """``text`` as string literals of at most `_WIDTH` characters, one per line, indented."""
    line = ""
    for character in text:
        escaped = _escaped(character)
        if len(line) + len(escaped) > _WIDTH:
            yield f'    "{line}"\n'
            line = ""
        line += escaped
    yield f'    "{line}"\n'


def _constant(name: str, value: str, docstring: str) -> str:
    return f"{name}: Final = (\n{''.join(_literal_lines(value))})\n{docstring}\n"


def module_text(table: Mapping[int, str], unicode_version: str) -> str:
    """The module's text for ``table``: a character's prototype never holds `SEPARATOR`."""
    prototypes = list(table.values())
    if any(not prototype or SEPARATOR in prototype for prototype in prototypes):
        raise ValueError("a prototype is empty or holds the separator; choose another")
    head = _HEAD.format(version=_literal(unicode_version), separator=_literal(SEPARATOR))
    sources = _constant(
        "SOURCES",
        "".join(map(chr, table)),
        '"""Each character ``confusables.txt`` maps, once, in the file\'s order."""',
    )
    joined = _constant(
        "PROTOTYPES",
        SEPARATOR.join(prototypes),
        '"""The prototype of each character of `SOURCES`, in its order, joined by `SEPARATOR`."""',
    )
    return f"{head}{sources}\n{joined}"


def text(source: str) -> str:
    """The module's text for the text of ``confusables.txt`` (its byte order mark removed)."""
    return module_text(parse(source), version(source))


def run(argv: Sequence[str] | None = None) -> int:
    """Write or check the module; the exit status (1: stale module found by ``--check``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    parser.add_argument("--source", type=pathlib.Path, default=SOURCE, help="confusables.txt")
    parser.add_argument("module", nargs="?", type=pathlib.Path, default=MODULE)
    arguments = parser.parse_args(argv)
    wanted = text(arguments.source.read_text(encoding="utf-8-sig"))
    if arguments.check:
        module: pathlib.Path = arguments.module
        if not module.is_file() or module.read_text(encoding="utf-8") != wanted:
            print(f"stale: {module}; run python tools/write_confusables.py")
            return 1
        return 0
    write_text(arguments.module, wanted)
    return 0


if __name__ == "__main__":
    sys.exit(run())
