"""Shared helpers of the benchmarks: timing, equality checks, tables and the environment.

Timing follows the advice of the `timeit` documentation: a repeat runs the
code ``loops`` times, the loops are chosen so that one repeat takes about
0.1-0.2 s (much less with ``--quick``), and the figure reported is the median
over several repeats, per call. Unlike `timeit`, the garbage collector stays
enabled while timing: the library allocates many small objects, and a user
pays for their collection too.
"""

from __future__ import annotations

import datetime as dt
import gc
import importlib.metadata
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, TypeVar

T = TypeVar("T")

Result = dict[str, Any]
"""One row of a benchmark's results, as written to the JSON file."""

ROOT: Final = Path(__file__).resolve().parent.parent
"""The project's root folder (the parent of ``bench``)."""


class MismatchError(AssertionError):
    """The library and its baseline computed different answers: the ratio would be meaningless."""


@dataclass(frozen=True)
class Settings:
    """How hard to measure.

    Attributes:
        quick: Tiny sizes and few repeats, for a smoke test.
        repeats: Repeats per measurement; the median is reported.
        target: Seconds one repeat should take (the loops are chosen so).
        budget: Seconds one call may be expected to take before a size is
            skipped (extrapolated from the sizes measured before it).
        rounds: Interleaved rounds of a library-against-baseline timing
            (`paired`); the ratio is their median.
    """

    quick: bool
    repeats: int
    target: float
    budget: float
    rounds: int = 7


def settings(*, quick: bool) -> Settings:
    """Return the measuring settings for a full or a quick run."""
    if quick:
        return Settings(quick=True, repeats=3, target=0.005, budget=2.0, rounds=3)
    return Settings(quick=False, repeats=5, target=0.15, budget=60.0, rounds=9)


@dataclass(frozen=True)
class Timing:
    """A measurement: the median time per call over ``repeats`` repeats of ``loops`` calls."""

    per_call: float
    loops: int
    repeats: int
    best: float
    worst: float

    def as_dict(self, prefix: str) -> Result:
        """Return the figures as JSON fields named ``<prefix>_s`` etc."""
        return {
            f"{prefix}_s": self.per_call,
            f"{prefix}_best_s": self.best,
            f"{prefix}_worst_s": self.worst,
            f"{prefix}_loops": self.loops,
            f"{prefix}_repeats": self.repeats,
        }


def _timed(func: Callable[[], object], loops: int) -> float:
    start = time.perf_counter()
    for _ in range(loops):
        func()
    return time.perf_counter() - start


def measure(func: Callable[[], object], config: Settings, *, first: float | None = None) -> Timing:
    """Time ``func``: the median seconds per call.

    Args:
        func: The code to time, without arguments.
        config: The settings (repeats, target seconds per repeat).
        first: The seconds one call took already (e.g. the checked call),
            to skip calibrating slow code.
    """
    # Calibrate: find how long one call takes, from enough calls to be reliable.
    loops = 1
    elapsed = _timed(func, 1) if first is None else first
    while elapsed < config.target / 10 and loops < 10**7:
        loops *= 10
        elapsed = _timed(func, loops)
    per_call = max(elapsed / loops, 1e-9)
    loops = max(1, round(config.target / per_call))
    repeats = config.repeats
    if per_call > 10:
        repeats = 1
    elif per_call > 1:
        repeats = min(repeats, 3)
    times: list[float] = []
    for _ in range(repeats):
        gc.collect()
        times.append(_timed(func, loops) / loops)
    return Timing(
        per_call=statistics.median(times),
        loops=loops,
        repeats=repeats,
        best=min(times),
        worst=max(times),
    )


@dataclass(frozen=True)
class Paired:
    """A library call and its baseline timed in interleaved rounds (issue 17).

    Attributes:
        library: The median seconds per call of the library over the rounds.
        baseline: The median seconds per call of the baseline over the rounds.
        ratio: The median of the per-round ratios library / baseline.
        ratio_min: The smallest per-round ratio.
        ratio_max: The largest per-round ratio.
        rounds: How many rounds were timed.
        library_loops: Calls of the library per round.
        baseline_loops: Calls of the baseline per round.
    """

    library: float
    baseline: float
    ratio: float
    ratio_min: float
    ratio_max: float
    rounds: int
    library_loops: int
    baseline_loops: int

    def as_dict(self) -> Result:
        """Return the figures as JSON fields."""
        return {
            "library_s": self.library,
            "baseline_s": self.baseline,
            "ratio": self.ratio,
            "ratio_min": self.ratio_min,
            "ratio_max": self.ratio_max,
            "rounds": self.rounds,
            "library_loops": self.library_loops,
            "baseline_loops": self.baseline_loops,
        }

    def ratio_text(self) -> str:
        """The ratio with its spread over the rounds: ``4.12× (3.98–4.30)``."""
        return f"{format_ratio(self.ratio)} ({self.ratio_min:.2f}–{self.ratio_max:.2f})"


def _loops_for(func: Callable[[], object], target: float) -> int:
    """How many calls of ``func`` take about ``target`` seconds (at least one)."""
    loops = 1
    elapsed = _timed(func, 1)
    while elapsed < target / 10 and loops < 10**7:
        loops *= 10
        elapsed = _timed(func, loops)
    return max(1, round(target / max(elapsed / loops, 1e-9)))


def paired(
    library: Callable[[], object], baseline: Callable[[], object], config: Settings
) -> Paired:
    """Time ``library`` and ``baseline`` interleaved; the ratio is the median of the rounds' ratios.

    Each round times the library and then the baseline, or the baseline
    and then the library (alternating, A B B A A B …), each for loops sized
    to take about ``config.target`` seconds, after a collection of garbage.
    A slow spell of the machine then hits both sides of a round alike, and
    the median of the per-round ratios ignores the rounds it spoilt; timing
    one side's repeats after the other's would put a spell into one side
    only. At least 7 rounds (3 with ``--quick``).
    """
    library_loops = _loops_for(library, config.target)
    baseline_loops = _loops_for(baseline, config.target)
    rounds = max(config.rounds, 3 if config.quick else 7)
    library_times: list[float] = []
    baseline_times: list[float] = []
    for index in range(rounds):
        sides = [
            (library, library_loops, library_times),
            (baseline, baseline_loops, baseline_times),
        ]
        if index % 2:
            sides.reverse()
        for func, loops, times in sides:
            gc.collect()
            times.append(_timed(func, loops) / loops)
    ratios = [
        lib / base if base > 0 else math.nan
        for lib, base in zip(library_times, baseline_times, strict=True)
    ]
    return Paired(
        library=statistics.median(library_times),
        baseline=statistics.median(baseline_times),
        ratio=statistics.median(ratios),
        ratio_min=min(ratios),
        ratio_max=max(ratios),
        rounds=rounds,
        library_loops=library_loops,
        baseline_loops=baseline_loops,
    )


def timed_once(func: Callable[[], T]) -> tuple[T, float]:
    """Call ``func`` once; return its result and the seconds it took."""
    start = time.perf_counter()
    value = func()
    return value, time.perf_counter() - start


def check_equal(library: object, baseline: object, what: str) -> None:
    """Raise `MismatchError` unless the library's and the baseline's answers are equal."""
    if library != baseline:
        raise MismatchError(
            f"{what}: the library and the baseline disagree\n"
            f"  library:  {_short(library)}\n  baseline: {_short(baseline)}"
        )


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 600 else text[:600] + " …"


def extrapolate(sizes: Sequence[int], seconds: Sequence[float], size: int) -> float:
    """Estimate the seconds for ``size`` from the last measured sizes.

    The growth exponent is taken from the last two sizes, and at least 1
    (linear): a slow size is predicted before it is run, so a quadratic or
    cubic code path cannot stall the whole run.
    """
    if not sizes:
        return 0.0
    exponent = 1.0
    if len(sizes) >= 2 and seconds[-2] > 0 and seconds[-1] > 0 and sizes[-1] != sizes[-2]:
        exponent = max(1.0, math.log(seconds[-1] / seconds[-2]) / math.log(sizes[-1] / sizes[-2]))
    return float(seconds[-1] * (size / sizes[-1]) ** exponent)


def spread(values: Iterable[float]) -> float:
    """Return max / min of positive values (1.0 means perfectly even), or NaN if none."""
    found = [value for value in values if value > 0]
    if not found:
        return math.nan
    return max(found) / min(found)


def format_time(seconds: float | None) -> str:
    """Return a duration with a readable unit: ``12.3 µs``, ``4.56 ms``, ``1.23 s``."""
    if seconds is None or math.isnan(seconds):
        return "–"
    size = abs(seconds)
    if size < 1e-3:
        return f"{seconds * 1e6:.1f} µs"
    if size < 1:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds:.2f} s"


def format_ratio(ratio: float | None) -> str:
    """Return a ratio as ``1.23×``."""
    if ratio is None or math.isnan(ratio):
        return "–"
    return f"{ratio:.2f}×"


def ratio(library: float, baseline: float) -> float:
    """Return library / baseline, NaN if the baseline took no measurable time."""
    return library / baseline if baseline > 0 else math.nan


def print_table(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Print rows as a plain-text table; the first column is left-aligned, the others right."""
    text = [[str(cell) for cell in row] for row in rows]
    widths = [len(column) for column in columns]
    for row in text:
        widths = [max(width, len(cell)) for width, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        first, *others = cells
        parts = [first.ljust(widths[0])]
        parts += [cell.rjust(width) for cell, width in zip(others, widths[1:], strict=True)]
        return "  ".join(parts).rstrip()

    print(line(columns))
    print(line(["-" * width for width in widths]))
    for row in text:
        print(line(row))


def note(text: str) -> None:
    """Print a remark under a table."""
    print(f"  note: {text}")


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for entry in cpuinfo:
                key, _, value = entry.partition(":")
                if key.strip() in {"model name", "Hardware", "cpu model"}:
                    return value.strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _git(*args: str) -> str | None:
    try:
        completed = subprocess.run(
            ["git", "--no-optional-locks", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return completed.stdout.strip()


def environment() -> Result:
    """Describe the machine, the interpreter, the library and the working tree."""
    import kim_cooperation  # noqa: PLC0415 - after sys.path is set by the runner

    commit = _git("rev-parse", "HEAD")
    changes = _git("status", "--porcelain", "--untracked-files=no")
    return {
        "date": dt.datetime.now(tz=dt.UTC).isoformat(timespec="seconds"),
        "cpu": _cpu_model(),
        "logical_cores": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "executable": sys.executable,
        "kim_cooperation": kim_cooperation.__version__,
        "kim_cooperation_path": str(Path(kim_cooperation.__file__).parent),
        "attrs": _version("attrs"),
        "cattrs": _version("cattrs"),
        "python-dateutil": _version("python-dateutil"),
        "git_commit": commit,
        "git_dirty": None if changes is None else bool(changes),
    }


def print_environment(info: Mapping[str, object]) -> None:
    """Print the environment block at the top of a run."""
    commit = info["git_commit"] or "unknown"
    if info["git_dirty"]:
        commit = f"{commit} (working tree has uncommitted changes)"
    print("kim_cooperation benchmarks")
    print(f"  date            {info['date']}")
    print(f"  machine         {info['cpu']}, {info['logical_cores']} logical cores")
    print(f"  platform        {info['platform']}")
    print(f"  python          {info['python']} ({info['implementation']}) {info['executable']}")
    print(f"  kim_cooperation {info['kim_cooperation']} ({info['kim_cooperation_path']})")
    print(
        f"  dependencies    attrs {info['attrs']}, cattrs {info['cattrs']}, "
        f"python-dateutil {info['python-dateutil']}"
    )
    print(f"  git commit      {commit}")
