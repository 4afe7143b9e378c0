"""Benchmark ``import``: the wall time of fresh interpreters, from start to import and first result.

Each command runs in a new interpreter (``subprocess``), first once to warm
up (writing ``__pycache__``: ``PYTHONDONTWRITEBYTECODE`` is removed from the
child's environment, as are coverage's subprocess hooks), then 15 times
(3 with ``--quick``), the commands interleaved so that drift of the machine
affects all alike; the median is reported. The baseline of the import is the
import of the declared runtime dependencies (attrs, cattrs, python-dateutil):
the library cannot start faster than those. Issue targets: the import of
kim_cooperation at most 30 ms more than its dependencies (issue 7), and the
first settlement of a built-in agreement at most 30 ms more than the
dependencies' import (issue 17).

``python -X importtime`` then lists the ten modules with the largest
cumulative import times (informational; one run), for the import and for
the first settlement: the package imports its modules lazily (on first use
of a name), so most of the work may happen at the first result.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence

from _harness import Result, format_ratio, format_time, note, print_table, ratio

NAME = "import"
TARGET_S = 0.030
SETTLE = (
    "import kim_cooperation as k; "
    "k.settle(k.presets.coesfeld(), 2023, k.presets.coesfeld_cost_plan_2023())"
)
COMMANDS: dict[str, tuple[str, ...]] = {
    "python -c pass": ("-c", "pass"),
    "import attrs, cattrs, dateutil.relativedelta": (
        "-c",
        "import attrs, cattrs, dateutil.relativedelta",
    ),
    "import attrs, dateutil.relativedelta": ("-c", "import attrs, dateutil.relativedelta"),
    "import kim_cooperation": ("-c", "import kim_cooperation"),
    "first settlement (import + settle)": ("-c", SETTLE),
    "python -m kim_cooperation": ("-m", "kim_cooperation"),
}
DEPENDENCIES = "import attrs, cattrs, dateutil.relativedelta"
IMPORT = "import kim_cooperation"
FIRST = "first settlement (import + settle)"
CLI = "python -m kim_cooperation"
PASS = "python -c pass"


def child_environment() -> dict[str, str]:
    """The environment for the child interpreters: bytecode caches on, no coverage hooks."""
    return {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONDONTWRITEBYTECODE", "PYTHONPROFILEIMPORTTIME", "PYTHONSTARTUP"}
        and not key.startswith("COVERAGE_")
    }


def _run(arguments: Sequence[str], environment: Mapping[str, str], cwd: str) -> float:
    start = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, *arguments],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=environment,
        cwd=cwd,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        raise RuntimeError(
            f"{' '.join(arguments)} exited with status {completed.returncode}:\n"
            + completed.stderr.decode(errors="replace")[-2000:]
        )
    return elapsed


def import_times(
    environment: Mapping[str, str], cwd: str, code: str
) -> list[tuple[str, float, float]]:
    """Return ``(module, cumulative s, self s)`` for every module that running ``code`` imports."""
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=environment,
        cwd=cwd,
        check=True,
        text=True,
    )
    found: list[tuple[str, float, float]] = []
    for entry in completed.stderr.splitlines():
        if not entry.startswith("import time:"):
            continue
        fields = entry.removeprefix("import time:").split("|")
        if len(fields) != 3 or not fields[0].strip().isdigit():
            continue  # the header line
        own, cumulative, module = fields
        found.append((module.strip(), int(cumulative) / 1e6, int(own) / 1e6))
    return found


def run(*, quick: bool) -> list[Result]:
    """Time the commands (3 runs each with ``--quick``, else 15)."""
    runs = 3 if quick else 15
    environment = child_environment()
    with tempfile.TemporaryDirectory(prefix="kim-bench-") as cwd:
        # Warm up: write the bytecode caches (every command in a full run; the
        # CLI, which imports the most, with --quick).
        warm_up = [CLI] if quick else list(COMMANDS)
        for label in warm_up:
            _run(COMMANDS[label], environment, cwd)
        times: dict[str, list[float]] = {label: [] for label in COMMANDS}
        for _ in range(runs):
            for label, arguments in COMMANDS.items():
                times[label].append(_run(arguments, environment, cwd))
        profiles = {
            "import kim_cooperation": import_times(environment, cwd, "import kim_cooperation"),
            "first settlement": import_times(environment, cwd, SETTLE),
        }
    medians = {label: statistics.median(values) for label, values in times.items()}
    results: list[Result] = [
        {
            "benchmark": NAME,
            "case": label,
            "command": " ".join(["python", *COMMANDS[label]]),
            "median_s": medians[label],
            "best_s": min(values),
            "worst_s": max(values),
            "runs": len(values),
        }
        for label, values in times.items()
    ]
    print_table(
        ["command", "median", "best", "minus `pass`"],
        [
            (
                label,
                format_time(medians[label]),
                format_time(min(times[label])),
                format_time(medians[label] - medians[PASS]),
            )
            for label in COMMANDS
        ],
    )
    over_deps = medians[IMPORT] - medians[DEPENDENCIES]
    import_ratio = ratio(medians[IMPORT] - medians[PASS], medians[DEPENDENCIES] - medians[PASS])
    differences = {
        "import_minus_dependencies_s": over_deps,
        "import_ratio_to_dependencies": import_ratio,
        "cattrs_share_s": medians[DEPENDENCIES] - medians["import attrs, dateutil.relativedelta"],
        "first_result_minus_import_s": medians[FIRST] - medians[IMPORT],
        "first_result_minus_dependencies_s": medians[FIRST] - medians[DEPENDENCIES],
        "cli_minus_import_s": medians[CLI] - medians[IMPORT],
        "target_import_minus_dependencies_s": TARGET_S,
        "target_first_result_minus_dependencies_s": TARGET_S,
    }
    results.append({"benchmark": NAME, "case": "differences", **differences})
    print()
    print_table(
        ["difference (medians)", "time"],
        [
            (
                f"import kim_cooperation − its dependencies (target ≤ {format_time(TARGET_S)})",
                format_time(over_deps),
            ),
            ("  ratio of net imports (each minus `pass`)", format_ratio(import_ratio)),
            (
                "cattrs (dependencies − attrs + dateutil alone)",
                format_time(differences["cattrs_share_s"]),
            ),
            ("first settlement − import", format_time(differences["first_result_minus_import_s"])),
            (
                f"first settlement − dependencies (target ≤ {format_time(TARGET_S)})",
                format_time(differences["first_result_minus_dependencies_s"]),
            ),
            ("CLI − import", format_time(differences["cli_minus_import_s"])),
        ],
    )
    for label, modules in profiles.items():
        top = sorted(modules, key=lambda item: item[1], reverse=True)[:10]
        results.append(
            {
                "benchmark": NAME,
                "case": f"importtime top 10 (cumulative): {label}",
                "modules": [
                    {"module": module, "cumulative_s": cumulative, "self_s": own}
                    for module, cumulative, own in top
                ],
            }
        )
        print(f"\n-- python -X importtime, {label}: top 10 cumulative (one run) --")
        print_table(
            ["module", "cumulative", "self"],
            [
                (module, format_time(cumulative), format_time(own))
                for module, cumulative, own in top
            ],
        )
    note(f"{runs} runs per command after a warm-up; wall time of the whole interpreter")
    return results
