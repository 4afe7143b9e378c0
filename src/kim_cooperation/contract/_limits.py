"""The contract's version and the bounds of a request (see `kim_cooperation.contract`)."""

from __future__ import annotations

from typing import Final

SCHEMA_VERSION: Final = "1.0"
"""The version of the request and response format, ``MAJOR.MINOR``."""

MAX_QUESTIONS: Final = 100
"""The most questions one request asks."""

MAX_REQUEST_BYTES: Final = 1 * 1024 * 1024
"""The longest request text `kim_cooperation.contract.calculate_json` reads by default, in bytes."""

MAX_DEPTH: Final = 64
"""The deepest nesting of arrays and objects in a request."""

MAX_YEARS: Final = 200
"""The most years one ``project`` or ``scenario`` question asks for (as `project` allows)."""

MAX_VARIANTS: Final = 50
"""The most variants one ``scenario`` question compares."""

MAX_DATES: Final = 1000
"""The most extra closed days one ``deadline`` question lists."""
