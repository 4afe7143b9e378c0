"""Mutation testing of the rule modules: does the test suite notice a wrong rule?

A small AST-based mutation runner (no dependencies beyond the test extras).
For each rule module it makes one small change at a time to the code (a
*mutant*), in the module's file or, for a module that is a package
(``split/``, ``winddown/``), in every ``.py`` file of the package: ``<``
becomes ``<=``, ``+`` becomes ``-``, ``and`` becomes ``or``, a number grows
by one, ``True`` becomes ``False``, a ``not`` is dropped, and so on (see
`OPERATORS`). It then runs the module's focused test files against
the mutant. A mutant is *killed* when a test fails (or the run times out) and
*survives* when every test passes. The score is the share of the mutants that
are not equivalent which the tests kill; mutants listed in `EQUIVALENT`
behave exactly like the original (no test can tell them apart) and are
reported separately.

A mutant's id names the file (its path below ``src/kim_cooperation``), the
line, the column and the change: ``notice.py:309:41:1-to-2``,
``split/_integers.py:172:25:0-to-1``. Its key in `EQUIVALENT` names the file,
the change and the text of the line instead of its number.

Docstrings, string constants (error messages), type annotations (type
aliases too), ``__all__`` and ``if TYPE_CHECKING:`` blocks are not mutated.

It never touches the working tree: every worker runs in its own copy of the
repository in a temporary directory, with ``PYTHONPATH`` pointing at the
copy's ``src`` so the copy shadows the editable install. The tests run with
``-x -q -n0 -p no:randomly`` and a derandomised Hypothesis profile with fewer
examples (``--max-examples``, default 20), so a run is reproducible.

Requirements: the project's virtual environment with the test extras
(``pip install -e ".[test]"``); nothing else.

Time: a full run took 13 to 20 minutes on a two-core machine (``--jobs 2``)
when the five modules had 281 mutants; they have more now (``--list`` counts
them). One module takes a few minutes: ``--module split`` (101 mutants) took
3 minutes with ``--jobs 2``.

Usage::

    .venv/bin/python tools/mutation.py                  # all five modules
    .venv/bin/python tools/mutation.py --module split   # one module
    .venv/bin/python tools/mutation.py --list --module notice
    .venv/bin/python tools/mutation.py --show split/_integers.py:172:25:0-to-1

It prints one line per surviving mutant and a table per module (mutants,
killed, survived, equivalent, score), writes every result to ``--json`` if
given, and exits with status 1 if a module scores below ``--fail-under``
(default 90) or the unmutated code fails its tests.
"""

from __future__ import annotations

import argparse
import ast
import concurrent.futures
import copy
import dataclasses
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "kim_cooperation"

# Each rule module and the test files that check it.
TESTS: dict[str, list[str]] = {
    "split": ["tests/test_split.py", "tests/test_mutants_split.py"],
    "notice": [
        "tests/test_notice.py",
        "tests/test_temporal_coverage.py",
        "tests/test_mutants_notice.py",
    ],
    "winddown": [
        "tests/test_winddown.py",
        "tests/test_winddown_posts.py",
        "tests/test_legal_cases.py",
        "tests/test_mutants_winddown.py",
        # The wind-down's export rows (winddown/_table.py) are checked there.
        "tests/test_export.py",
    ],
    "settlement": [
        "tests/test_settlement.py",
        "tests/test_golden.py",
        "tests/test_legal_cases.py",
        "tests/test_mutants_settlement.py",
    ],
    "membership": [
        "tests/test_membership.py",
        "tests/test_legal_cases.py",
        "tests/test_mutants_membership.py",
    ],
}

# Mutants that behave exactly like the original code, with the reason. Keyed
# by `Mutant.key` (file, change, original line stripped), which survives
# edits elsewhere in the file; a changed line drops out and is tested again.
# Keep in step with docs/development.md.
_MONTHS_BOUND = (
    "months = (last_day.year - first_day.year) * 12 + last_day.month - first_day.month + 1"
)
EQUIVALENT: dict[str, str] = {
    "split/_integers.py | Lt-to-LtE@0 #1 | sign = -1 if total < 0 else 1": (
        "a total of 0 splits into zeros, and -0 == 0: the sign of a zero total does not matter"
    ),
    "split/_integers.py | 0-to-1 #1 | sign = -1 if total < 0 else 1": (
        "total is an int: `total < 1` differs from `total < 0` only for 0, whose parts are 0"
    ),
    "notice.py | 1-to-2 #1 | "
    "deadline_month = end.replace(day=1) - relativedelta(months=terms.months)": (
        "only the month of `deadline_month` is used (its day is replaced by the month's last); "
        "every month has a 2nd, so the month and the overflow check are the same"
    ),
    "winddown/_periods.py | Or-to-And #1 | "
    "if period.first_day is None or period.last_day is None:": (
        "`run_on_period` sets the first and last day both or neither, so `or` and `and` agree"
    ),
    f"winddown/_periods.py | Sub-to-Add #1 | {_MONTHS_BOUND}": (
        "only an upper bound for the search that counts down to the whole months; "
        "a larger bound gives the same result"
    ),
    f"winddown/_periods.py | Sub-to-Add #2 | {_MONTHS_BOUND}": (
        "a much larger upper bound (the sum of the years) for the count-down search: the same "
        "result, only slower, so it is killed by the timeout on a slow run and survives on a "
        "fast one; performance is measured by the benchmarks, not by the tests"
    ),
    f"winddown/_periods.py | 12-to-13 #1 | {_MONTHS_BOUND}": (
        "a larger upper bound for the count-down search (the year difference is never negative)"
    ),
    f"winddown/_periods.py | 1-to-2 #1 | {_MONTHS_BOUND}": (
        "a larger upper bound for the count-down search"
    ),
    "winddown/_periods.py | Gt-to-GtE@0 #1 | while months > 0:": (
        "with 0 months `_last_day_of_months` gives the day before `first_day`, so the loop "
        "returns (0, days + 1), the same as the fall-back after it"
    ),
}

_BINOP_SWAPS: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Div,
    ast.Mod: ast.FloorDiv,
    ast.Pow: ast.Mult,
    ast.BitOr: ast.BitAnd,
    ast.BitAnd: ast.BitOr,
}
_CMP_SWAPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
}
_CALL_SWAPS = {"min": "max", "max": "min", "any": "all", "all": "any"}
_BOOL_SWAPS: dict[type[ast.boolop], type[ast.boolop]] = {ast.And: ast.Or, ast.Or: ast.And}

OPERATORS = (
    "arithmetic: + -> -, - -> +, * -> /, / -> *, // -> /, % -> //, ** -> *, | <-> & "
    "(also in augmented assignments); "
    "comparison: < <-> <=, > <-> >=, == <-> !=, is <-> is not, in <-> not in; "
    "boolean: and <-> or, drop `not`; unary: drop `-`; "
    "constants: integer n -> n + 1, True <-> False; "
    "calls: min <-> max, any <-> all; control flow: break <-> continue"
)


@dataclass(frozen=True)
class Mutant:
    """One change to one source file of a module: its id, place and a description.

    ``file`` is the file's path below ``src/kim_cooperation``: ``notice.py``
    for a module that is a file, ``winddown/_periods.py`` for a file of a
    package. The id is ``file:line:column:change``.
    """

    id: str
    module: str
    file: str
    line: int
    description: str
    code: str
    occurrence: int = 1

    @property
    def key(self) -> str:
        """The id in `EQUIVALENT`: file, change and original line, not its number.

        ``#n`` counts the same change on the same line text in the file, from
        the top and from the left.
        """
        return f"{self.file} | {self.description} #{self.occurrence} | {self.code}"


@dataclass
class Result:
    """The outcome of running a mutant's tests."""

    mutant: Mutant
    status: str  # killed, timeout, survived, equivalent
    seconds: float


def _name(node: object) -> str:
    return type(node).__name__


def _skipped_nodes(tree: ast.Module) -> set[int]:
    """Ids of nodes never mutated: docstrings, annotations, type aliases, ``__all__``."""
    skipped: set[int] = set()

    def skip(node: ast.AST | None) -> None:
        if node is not None:
            skipped.update(id(child) for child in ast.walk(node))

    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                skip(body[0])
        if isinstance(node, ast.arg):
            skip(node.annotation)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            skip(node.returns)
        elif isinstance(node, ast.AnnAssign):
            skip(node.annotation)
            # `X: TypeAlias = <type>`: the value is a type, read like an annotation.
            if ast.unparse(node.annotation).rpartition(".")[2] == "TypeAlias":
                skip(node.value)
        elif _is_all_or_type_checking(node):
            skip(node)
    return skipped


def _is_all_or_type_checking(node: ast.AST) -> bool:
    if isinstance(node, ast.Assign):
        return any(
            isinstance(target, ast.Name) and target.id == "__all__" for target in node.targets
        )
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _changes(node: ast.AST) -> Iterator[tuple[str, ast.AST, str, object]]:
    """Yield ``(description, node, attribute, new value)`` for one node."""
    if isinstance(node, ast.BinOp | ast.AugAssign) and type(node.op) in _BINOP_SWAPS:
        new = _BINOP_SWAPS[type(node.op)]
        yield f"{_name(node.op)}-to-{new.__name__}", node, "op", new()
    elif isinstance(node, ast.Compare):
        for index, op in enumerate(node.ops):
            if type(op) in _CMP_SWAPS:
                new_cmp = _CMP_SWAPS[type(op)]
                ops = list(node.ops)
                ops[index] = new_cmp()
                yield f"{_name(op)}-to-{new_cmp.__name__}@{index}", node, "ops", ops
    elif isinstance(node, ast.BoolOp):
        new_bool = _BOOL_SWAPS[type(node.op)]
        yield f"{_name(node.op)}-to-{new_bool.__name__}", node, "op", new_bool()
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not | ast.USub):
        yield (
            f"drop-{_name(node.op)}",
            node,
            "op",
            ast.UAdd() if isinstance(node.op, ast.USub) else None,
        )
    elif isinstance(node, ast.Constant) and type(node.value) is bool:
        yield f"{node.value}-to-{not node.value}", node, "value", not node.value
    elif isinstance(node, ast.Constant) and type(node.value) is int:
        yield f"{node.value}-to-{node.value + 1}", node, "value", node.value + 1
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in _CALL_SWAPS
    ):
        new_name = _CALL_SWAPS[node.func.id]
        yield f"{node.func.id}-to-{new_name}", node.func, "id", new_name


def _apply(tree: ast.Module, target: ast.AST, attribute: str, value: object) -> str:
    """The source of ``tree`` with one change made to ``target``."""
    index = next(i for i, node in enumerate(ast.walk(tree)) if node is target)
    mutated = copy.deepcopy(tree)
    node = next(n for i, n in enumerate(ast.walk(mutated)) if i == index)
    if isinstance(node, ast.UnaryOp) and value is None:  # drop `not`
        _replace(mutated, node, node.operand)
    else:
        setattr(node, attribute, value)
    return ast.unparse(mutated)


def _replace(tree: ast.AST, old: ast.AST, new: ast.AST) -> None:
    for parent in ast.walk(tree):
        for field, content in ast.iter_fields(parent):
            if content is old:
                setattr(parent, field, new)
                return
            if isinstance(content, list) and any(item is old for item in content):
                content[[item is old for item in content].index(True)] = new
                return


def _control_flow(tree: ast.Module, skipped: set[int]) -> Iterator[tuple[str, ast.stmt]]:
    for node in ast.walk(tree):
        if id(node) not in skipped and isinstance(node, ast.Break | ast.Continue):
            yield (
                f"{_name(node)}-to-{'Continue' if isinstance(node, ast.Break) else 'Break'}",
                node,
            )


def files(module: str) -> list[str]:
    """The source files of ``module``, relative to the package directory.

    A module that is a file is that one file (``notice.py``); a module that is
    a package is every ``.py`` file in it, ``__init__.py`` first
    (``winddown/__init__.py``, ``winddown/_ended.py``, …).
    """
    base = ROOT / "src" / PACKAGE
    if (base / f"{module}.py").is_file():
        return [f"{module}.py"]
    if (base / module / "__init__.py").is_file():
        return sorted(path.relative_to(base).as_posix() for path in (base / module).rglob("*.py"))
    raise SystemExit(f"no module {module}: neither {module}.py nor {module}/__init__.py")


def mutants(module: str) -> list[tuple[Mutant, str]]:
    """Every mutant of every source file of ``module``, with the mutated file's source."""
    return [found for name in files(module) for found in _file_mutants(module, name)]


def _file_mutants(module: str, name: str) -> list[tuple[Mutant, str]]:
    """Every mutant of the source file ``name`` of ``module``, in the order of the file."""
    text = (ROOT / "src" / PACKAGE / name).read_text(encoding="utf-8")
    lines = text.splitlines()
    tree = ast.parse(text)
    skipped = _skipped_nodes(tree)
    found: list[tuple[int, int, Mutant, str]] = []

    def add(line: int, col: int, description: str, source: str) -> None:
        mutant = Mutant(
            f"{name}:{line}:{col}:{description}",
            module,
            name,
            line,
            description,
            lines[line - 1].strip(),
        )
        found.append((line, col, mutant, source))

    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        for description, target, attribute, value in _changes(node):
            add(
                getattr(target, "lineno", 0),
                getattr(target, "col_offset", 0),
                description,
                _apply(tree, target, attribute, value),
            )
    for description, node in _control_flow(tree, skipped):
        replacement: ast.AST = ast.Continue() if isinstance(node, ast.Break) else ast.Break()
        mutated = copy.deepcopy(tree)
        index = next(i for i, n in enumerate(ast.walk(tree)) if n is node)
        old = next(n for i, n in enumerate(ast.walk(mutated)) if i == index)
        _replace(mutated, old, replacement)
        add(node.lineno, node.col_offset, description, ast.unparse(mutated))
    found.sort(key=lambda item: (item[0], item[1]))
    seen: dict[tuple[str, str], int] = {}
    numbered = []
    for _, _, mutant, source in found:
        count = seen[mutant.description, mutant.code] = (
            seen.get((mutant.description, mutant.code), 0) + 1
        )
        numbered.append((dataclasses.replace(mutant, occurrence=count), source))
    return numbered


_PROFILE_PLUGIN = '''\
"""Registers the Hypothesis profile of the mutation runs."""

from hypothesis import settings

settings.register_profile(
    "mutation", deadline=None, derandomize=True, database=None, max_examples={examples}
)
'''


def _prepare(workdir: Path, jobs: int, examples: int) -> list[Path]:
    ignore = shutil.ignore_patterns(".git", ".venv", ".ci-venv", "site", "__pycache__", ".*cache")
    copies = []
    for index in range(jobs):
        target = workdir / f"worker{index}"
        shutil.copytree(ROOT, target, ignore=ignore)
        copies.append(target)
    (workdir / "_mutation_profile.py").write_text(
        _PROFILE_PLUGIN.format(examples=examples), encoding="utf-8"
    )
    return copies


def _run_tests(copy_root: Path, module: str, timeout: float) -> tuple[str, float]:
    tests = [test for test in TESTS[module] if (copy_root / test).exists()]
    command = [
        sys.executable, "-m", "pytest", *tests, "-x", "-q", "-n0", "-p", "no:randomly",
        "-p", "_mutation_profile", "--hypothesis-profile", "mutation",
    ]  # fmt: skip
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(copy_root / "src"), str(copy_root.parent)])
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("CI", None)
    start = time.monotonic()
    try:
        completed = subprocess.run(
            command, cwd=copy_root, env=env, timeout=timeout, capture_output=True, check=False
        )
    except subprocess.TimeoutExpired:
        return "timeout", time.monotonic() - start
    status = "survived" if completed.returncode == 0 else "killed"
    if completed.returncode not in (0, 1):  # collection error, crash: also a kill
        status = "killed"
    return status, time.monotonic() - start


def _baseline(copy_root: Path, module: str) -> float:
    """Run the tests on the unmutated module, every file re-printed; return the time."""
    paths = [copy_root / "src" / PACKAGE / name for name in files(module)]
    originals = {path: path.read_text(encoding="utf-8") for path in paths}
    try:
        for path, original in originals.items():
            path.write_text(ast.unparse(ast.parse(original)), encoding="utf-8")
        status, seconds = _run_tests(copy_root, module, timeout=600)
    finally:
        for path, original in originals.items():
            path.write_text(original, encoding="utf-8")
    if status != "survived":
        raise SystemExit(f"the unmutated {module} fails its tests; fix that first")
    return seconds


def run_module(module: str, copies: list[Path], only: set[str] | None) -> list[Result]:
    """Run every mutant of ``module`` on the worker copies in parallel."""
    baseline = _baseline(copies[0], module)
    timeout = 5 * baseline + 10
    todo = [(m, source) for m, source in mutants(module) if only is None or m.id in only]
    print(f"== {module}: {len(todo)} mutants, baseline {baseline:.1f} s", flush=True)
    free: queue.Queue[Path] = queue.Queue()
    for worker in copies:
        free.put(worker)

    def one(mutant: Mutant, source: str) -> Result:
        if mutant.key in EQUIVALENT:
            return Result(mutant, "equivalent", 0.0)
        worker = free.get()
        path = worker / "src" / PACKAGE / mutant.file
        original = path.read_text(encoding="utf-8")
        try:
            path.write_text(source, encoding="utf-8")
            status, seconds = _run_tests(worker, module, timeout)
        finally:
            path.write_text(original, encoding="utf-8")
            free.put(worker)
        if status == "survived":
            print(f"   survived {mutant.id}: {mutant.code}", flush=True)
        return Result(mutant, status, seconds)

    with concurrent.futures.ThreadPoolExecutor(max_workers=len(copies)) as pool:
        return list(pool.map(lambda item: one(*item), todo))


def summary(module: str, results: list[Result]) -> dict[str, object]:
    """Counts and score of one module."""
    killed = sum(r.status in ("killed", "timeout") for r in results)
    survived = sum(r.status == "survived" for r in results)
    equivalent = sum(r.status == "equivalent" for r in results)
    scored = len(results) - equivalent
    score = 100.0 * killed / scored if scored else 100.0
    return {
        "module": module,
        "mutants": len(results),
        "killed": killed,
        "survived": survived,
        "equivalent": equivalent,
        "score": round(score, 1),
    }


def show(mutant_id: str) -> None:
    """Print the original and mutated line of one mutant."""
    module = mutant_id.split(":", 1)[0].split("/", 1)[0].removesuffix(".py")
    if module not in TESTS:
        raise SystemExit(f"no mutant {mutant_id}: ids begin with a file of {', '.join(TESTS)}")
    for mutant, source in mutants(module):
        if mutant.id == mutant_id:
            original = (ROOT / "src" / PACKAGE / mutant.file).read_text(encoding="utf-8")
            print(f"{mutant.id}\n  key: {mutant.key}\n  line {mutant.line}: {mutant.code}")
            old = ast.unparse(ast.parse(original)).splitlines()
            new = source.splitlines()
            for before, after in zip(old, new, strict=False):
                if before != after:
                    print(f"  - {before.strip()}\n  + {after.strip()}")
            return
    raise SystemExit(f"no mutant {mutant_id}")


def main(argv: list[str] | None = None) -> int:
    """Run the mutation tests; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--module", action="append", choices=sorted(TESTS), default=None)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--max-examples", type=int, default=20)
    parser.add_argument("--fail-under", type=float, default=90.0)
    parser.add_argument("--json", type=Path, help="write every result to this file")
    parser.add_argument("--mutant", action="append", help="run only this mutant id")
    parser.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    parser.add_argument("--keys", action="store_true", help="with --list: print the keys")
    parser.add_argument("--show", metavar="ID", help="show one mutant's change")
    args = parser.parse_args(argv)
    modules: list[str] = args.module or list(TESTS)
    if args.show:
        show(args.show)
        return 0
    if args.list:
        for module in modules:
            for mutant, _ in mutants(module):
                print(mutant.key if args.keys else mutant.id)
        return 0
    only = set(args.mutant) if args.mutant else None
    start = time.monotonic()
    results: dict[str, list[Result]] = {}
    with tempfile.TemporaryDirectory(prefix="kim-mutation-") as tmp:
        copies = _prepare(Path(tmp), max(1, args.jobs), args.max_examples)
        for module in modules:
            results[module] = run_module(module, copies, only)
            print(f"   {summary(module, results[module])}", flush=True)
    rows = [summary(module, found) for module, found in results.items()]
    print(f"\n{'module':<12}{'mutants':>8}{'killed':>8}{'survived':>9}{'equiv.':>8}{'score':>8}")
    for row in rows:
        print(
            f"{row['module']!s:<12}{row['mutants']!s:>8}{row['killed']!s:>8}"
            f"{row['survived']!s:>9}{row['equivalent']!s:>8}{row['score']!s:>7}%"
        )
    print(f"\n{time.monotonic() - start:.0f} s")
    if args.json:
        payload = {
            "summary": rows,
            "results": [
                {**asdict(r.mutant), "status": r.status, "seconds": round(r.seconds, 2)}
                for found in results.values()
                for r in found
            ],
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    failed = only is None and any(float(str(row["score"])) < args.fail_under for row in rows)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
