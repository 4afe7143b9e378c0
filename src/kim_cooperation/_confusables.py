r"""Confusable names (C1): the skeleton of Unicode Technical Standard #39.

Two names are *confusable* when they look alike though their characters
differ: ``"Coesfeld"`` and ``"C\u043eesfeld"`` with a Cyrillic o (U+043E), or
``"Olfen"`` and ``"0lfen"`` with a zero. UTS #39 ("Unicode Security
Mechanisms", section 4, "Confusable Detection") defines them as the strings
with the same *skeleton*:

1. convert the string to NFD;
2. replace each character by its prototype from the data file
   ``confusables.txt`` (characters without an entry stay as they are);
3. convert the result to NFD again.

The data file is shipped inside the package, unmodified
(``kim_cooperation/data/unicode/confusables.txt``, version `UNICODE_VERSION`,
with its licence beside it in ``LICENSE-Unicode.txt``), as the source of
record. The table is read from ``_confusables_table``, a module that
``tools/write_confusables.py`` generates from that file: parsing the 718 KB
text cost each process about 15 ms, the module loads from its bytecode
cache, and tests/test_names.py checks that both give the same table. The
translation table is built once per process, when a skeleton is first
needed. Skeletons are for comparing only, never for showing: ``"m"``'s is
``"rn"``.

No package on PyPI qualified as a dependency for this: PyICU (ICU's
``SpoofChecker``, a correct implementation) ships no wheels and needs ICU and
a C++ compiler to install; ``confusable-homoglyphs`` and ``confusables``
compare characters pairwise and compute no skeleton; others compute a
variant of it or only in private modules.

Examples:
    >>> skeleton("C\u043eesfeld") == skeleton("Coesfeld")  # a Cyrillic o
    True
    >>> skeleton("Olfen") == skeleton("0lfen"), skeleton("Olfen") == skeleton("Olpe")
    (True, False)
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Final

from kim_cooperation import _confusables_table

__all__ = ["UNICODE_VERSION", "skeleton"]

UNICODE_VERSION: Final = _confusables_table.UNICODE_VERSION
"""The version of the shipped ``confusables.txt``."""


@functools.cache
def _prototypes() -> dict[int, str]:
    """Each mapped character's prototype, as a table for `str.translate`."""
    prototypes = _confusables_table.PROTOTYPES.split(_confusables_table.SEPARATOR)
    return dict(zip(map(ord, _confusables_table.SOURCES), prototypes, strict=True))


def skeleton(text: str) -> str:
    r"""Return the UTS #39 skeleton of ``text``: equal skeletons mean confusable strings.

    Examples:
        >>> skeleton("Nord") == skeleton("N\u043erd"), skeleton("Nord") == skeleton("nord")
        (True, False)
    """
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFD", decomposed.translate(_prototypes()))
