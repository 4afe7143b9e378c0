"""Run the benchmarks of kim_cooperation (issue 7) and compare each with a plain baseline.

Usage (from the project's root, with the project's virtual environment)::

    python bench/run.py                      # all benchmarks (several minutes)
    python bench/run.py split settlement     # a subset, by name
    python bench/run.py --quick              # tiny sizes, few repeats: a smoke test (< 15 s)
    python bench/run.py --json results.json  # also write all results as JSON

Plain standard library only (``time.perf_counter``, ``statistics``,
``subprocess``). Each benchmark first checks, once, that the library and its
baseline give the same answer (a mismatch fails the run). Settlements,
projections, scaling and the sweep then time library and baseline in
interleaved rounds (`_harness.paired`: at least 7 rounds, 3 for the sweep's
sample with ``--quick``, each side's loops sized to about 0.15 s) and report
the median of the per-round ratios with its min–max; the others report the
median of several repeats per call and the ratio of the medians.
The top of the output describes the machine, the interpreter, the versions
and the git commit; compare figures only from the same machine.

The benchmarks (each a module ``bench/bench_<name>.py`` with ``run(quick=...)``):

split
    `split_equally` among 2, 5, 11 and 1,000 towns (validation included),
    and split + reading every part (``dict(allocation)``), against a bare
    largest-remainder loop on integer cents returning `Decimal` euros.
    Issue target: at most 2x.
settlement
    `settle` of the built-in agreement for 2023 (the council paper's plan
    for Region Nord, and planning costs for all three regions), and a
    10-year `project` with 3 % personnel growth, against the competent
    baseline in ``bench/_competent.py`` (integer cents, spans of months,
    the same `Decimal` results), timed in interleaved rounds; the ratio is
    the median of the rounds' ratios (issue 17 target: at most 4x).
scaling
    Settlements of generated agreements (``bench/_generate.py``) of 10,
    100, 1,000 and 10,000 towns in regions of 10, and of all towns in one
    region: time per town (settlement and, separately, construction of the
    agreement) and the max/min ratio of the per-town times (issue target:
    within 1.5x); projections of the built-in agreement over 1, 10, 50 and
    100 years: time per year and its max/min ratio (target 1.5x). A size
    whose call is extrapolated to take longer than a budget (60 s; 2 s with
    ``--quick``) from the sizes before it is skipped and reported as such,
    so super-linear code cannot stall the run.
import
    Wall time of fresh interpreters (median of 15 runs after a warm-up that
    writes ``__pycache__``): ``python -c pass``, importing the declared
    runtime dependencies, importing attrs and dateutil alone, importing
    kim_cooperation, the first settlement, and ``python -m kim_cooperation``.
    Reports import minus dependencies (issue target at most 30 ms) and CLI
    minus import, and the ten modules with the largest cumulative import
    times (``-X importtime``, informational).
sweep
    A scenario sweep: 10,000 variants (50 with ``--quick``) of the built-in
    agreement over 10 years, combining funding-rate changes (55,000-60,000
    EUR from various dates), loss of funding, notices by one or more towns
    and personnel growth of 0-5 %, built with `kim_cooperation.scenario`
    helpers and `projection.project`. Reports total time, time per
    variant-year and, on a fixed sample of variants, the ratio to the
    competent baseline, which replicates all of these rules; results are
    checked equal on the sample.
memory
    What a kept 10-year projection of the built-in agreement takes
    (`tracemalloc`, 200 kept): as `project` returns it, after every own
    share was looked up, and after every figure was explained (funding post
    by post, spans, billing lines), beside the competent baseline's answers.
    Issue 17 target: at most 35 KB as `project` returns it.
keys
    A settlement by population with a town leaving within the year
    (quarter notice terms) against the equal-key settlement of the same
    agreement (same towns, posts and costs), and the variants between:
    the example agreement's region Nord and generated agreements of 100
    and 1,000 towns. The variants are timed interleaved, in rounds, after
    each was checked equal to a plain baseline (``bench_keys.plain_settle``).
    Issue 12 target: at most 1.5x.

Exit status: 0 when every benchmark ran and every check passed, 1 otherwise
(the failing benchmark's traceback is printed and the others still run).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from _harness import Result, environment, print_environment

RUNNERS: dict[str, str] = {
    "split": "bench_split",
    "settlement": "bench_settlement",
    "scaling": "bench_scaling",
    "import": "bench_import",
    "sweep": "bench_sweep",
    "keys": "bench_keys",
    "files": "bench_files",
    "memory": "bench_memory",
}
"""Benchmark name -> module in ``bench/``; the order of a full run."""


def _runner(name: str) -> Callable[..., list[Result]]:
    module = __import__(RUNNERS[name])
    run: Callable[..., list[Result]] = module.run
    return run


def _finite(value: Any) -> Any:
    """Replace NaN and infinities (not valid JSON) by None, recursively."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks named on the command line (all by default)."""
    parser = argparse.ArgumentParser(
        description="Run the kim_cooperation benchmarks against plain baselines.",
    )
    parser.add_argument(
        "names",
        nargs="*",
        metavar="NAME",
        help=f"benchmarks to run, of {', '.join(RUNNERS)} (default: all)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="tiny sizes and few repeats (a smoke test)"
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="write all results to FILE")
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in RUNNERS]
    if unknown:
        parser.error(
            f"unknown benchmark(s) {', '.join(unknown)}; choose from {', '.join(RUNNERS)}"
        )
    names = list(dict.fromkeys(args.names)) or list(RUNNERS)

    info = environment()
    info["quick"] = args.quick
    print_environment(info)
    print(
        f"  mode            {'quick (smoke test, figures not meaningful)' if args.quick else 'full'}"
    )
    report: dict[str, Any] = {"environment": info, "benchmarks": {}}
    failed: list[str] = []
    started = time.perf_counter()
    for name in names:
        print(f"\n== {name} ==")
        begin = time.perf_counter()
        entry: dict[str, Any] = {"results": []}
        try:
            entry["results"] = _runner(name)(quick=args.quick)
        except Exception as error:  # report it, run the others, fail at the end
            traceback.print_exc(file=sys.stdout)
            entry["error"] = f"{type(error).__name__}: {error}"
            failed.append(name)
        entry["elapsed_s"] = time.perf_counter() - begin
        print(f"  ({name}: {entry['elapsed_s']:.1f} s)")
        report["benchmarks"][name] = entry
    report["elapsed_s"] = time.perf_counter() - started
    print(f"\nAll done in {report['elapsed_s']:.1f} s.")
    if args.json is not None:
        args.json.write_text(json.dumps(_finite(report), indent=2, default=str) + "\n")
        print(f"Results written to {args.json}.")
    if failed:
        print(f"FAILED: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
