"""Test settings shared by the suite.

Hypothesis' per-example deadline is switched off: on a loaded two-core CI
machine a slow example is not a failure of the library, and performance is
measured by the benchmarks in ``bench/``, never by timed assertions. On CI
(``CI`` set) the examples are derandomised so a run is reproducible.
"""

import os

from hypothesis import settings

settings.register_profile("default", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, database=None)
settings.load_profile("ci" if os.environ.get("CI") else "default")
