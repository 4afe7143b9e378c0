"""Runs the examples in the README and the documentation as tests (Sybil).

Every ```python block in a Markdown file is executed; blocks written as
doctests (``>>>``) have their output checked. Docstring examples in the
package are run by pytest's own ``--doctest-modules``.
"""

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser

pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=ELLIPSIS | NORMALIZE_WHITESPACE),
        SkipParser(),
    ],
    patterns=["*.md"],
).pytest()
