"""The stack frame a warning points at: the first caller outside the library (C11).

`kim_cooperation.closed_days` issues its warnings with the caller's frame,
so that a filter by module or a warning's file and line name the caller's
code, not the library's.
"""

from __future__ import annotations

import os
import sys
from typing import Final

_PACKAGE_DIR: Final = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep
"""The directory of the whole package ``kim_cooperation``, ending in a separator.

Two levels up from this file: every frame of the library, in any of its
subpackages, lies under it.
"""


def _stacklevel() -> int:
    """The ``stacklevel`` that points a warning at the first caller outside the package."""
    # Frame 1 is the function that calls `warnings.warn`, which is stacklevel 1.
    frame = sys._getframe(1)
    level = 1
    while frame.f_back is not None and frame.f_code.co_filename.startswith(_PACKAGE_DIR):
        frame = frame.f_back
        level += 1
    return level
