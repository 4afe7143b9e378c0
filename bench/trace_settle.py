"""Trace `settle` and the calls around it: which modules they enter, where they climb back up.

Usage (from the project's root, with the project's virtual environment)::

    python bench/trace_settle.py

Issue 14, item 4 asks that a settle call flow downwards: membership, funding
and costs each computed once per region and year, and no return trips from
the rules below back into the agreement or the settlement. This tool
measures that, and what they compute, for three settlements (`cases`),
and the return trips of the calls around them (`calls`). The settlements:

``coesfeld 2023``
    ``settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())``:
    Region Nord only, equal parts, nobody leaves.
``example 2026, leaving``
    the example agreement (``presets.example()``, quarter notice terms) with
    Lindenhöhe (region Nord, split by population) and Fuchsberg (Ost, fixed
    weights) leaving on 31 March 2026, settled for 2026 with all three
    regions' costs: two spans in Nord and Ost (I9, I10, C12).
``example 2026, handover``
    the same, with West's employer Haselstein leaving on 31 March 2026 and
    Immental taking over as employer (C3, C9, I8), billing two employers.

The calls around them:

``agreement methods``
    each method of `Agreement` that asks the roll or membership (who is a
    member, who employs, when a party leaves, who holds which share of the
    posts), on the handover agreement above, and recording and withdrawing
    a notice;
``made, unpickled``
    an agreement made from its fields, and one fresh from a pickle asked
    who its members are: where its look-up tables are derived;
``above the agreement``
    the modules above it that resolve cost plans against its regions: a
    projection over the year the example agreement ends (quarter notice
    terms), the wind-down's estimate and split of the Coesfeld agreement's
    run-on, and an agreement file with a cost plan.

Every Python call made while a traced call runs is seen through `sys.setprofile`.
A function belongs to the module of kim_cooperation whose file defines it
(a subpackage's files count as the subpackage; code attrs generates for a
class counts as the class's module). Comprehensions and generator
expressions count as part of the function they are written in, and a
generator's resumption is not a new call.

For each settlement the tool prints:

* per module, how often a call enters it from another module (or from
  outside the package) and how many of those entries climb up;
* the calls that climb up, grouped by caller and callee. A call climbs when
  the callee's module sits above the caller's: in a higher layer of issue
  14's brief (base, rules, analysis, io, top); or in the same layer, when
  the callee's module imports the caller's at run time (directly or
  through others); or, for two modules of a layer of which neither imports
  the other, when the callee comes later in the brief's list of the layer.
  Calls into a method attrs makes for a class (its ``__init__``, its
  ``__hash__``) from a generic helper of a lower module (the builder of
  results, a read-only mapping) are listed apart: they are how values are
  built and looked up, not trips of the rules back up. The ``__getattr__``
  attrs makes for a cached property is not among them: it runs the class's
  own code (an agreement deriving its look-up tables on first read), so a
  lower module's call into it climbs;
* how often the membership, funding and cost computations run: a run is a
  call into one of the functions of the computation (listed in
  `COMPUTATIONS`) that is not made from within another run of it. A run
  made for a region (a function with a ``region`` argument, or called
  while a region is being settled) is counted per region and year; the
  others per year.

For each call around the settlements it prints how many calls it makes into
the package, how many of them climb up, and which.
"""

from __future__ import annotations

import ast
import datetime as dt
import inspect
import pickle
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import CodeType, FrameType
from typing import Final

import kim_cooperation
from kim_cooperation import Agreement, CostStatement, Region, presets, settle
from kim_cooperation.files import AgreementFile
from kim_cooperation.projection import estimate_wind_down, project
from kim_cooperation.winddown import wind_down

PACKAGE: Final = "kim_cooperation"
PACKAGE_DIR: Final = Path(kim_cooperation.__file__).resolve().parent
OUTSIDE: Final = "(outside)"

LAYERS: Final = (
    (
        "base",
        "_catalogue errors _checks clauses i18n money formatting parsing policy party post "
        "_confusables _table",
    ),
    (
        "rules",
        "split keys funding closed_days notice region costs roll spans membership agreement "
        "_plain settlement winddown",
    ),
    (
        "analysis",
        "projection scenario explanation impact",
    ),
    (
        "io",
        "_atomic _syntax files _suggestions presets scenario_file export billing report",
    ),
    ("top", "cli strategies __main__"),
)
"""The layers of issue 14's common brief, lowest first; the package's ``__init__`` is on top."""

COMPUTATIONS: Final[Mapping[str, Mapping[str, frozenset[str]]]] = {
    "membership": {
        "membership": frozenset(
            {"cost_shares", "members_for_year", "post_shares", "_region_year"}
        ),
        "spans": frozenset(
            {
                "settled_year",
                "year_spans",
                "year_shares",
                "year_window",
                "day_shares",
                "bearer_shares",
                "_settled_year",
            }
        ),
        "roll": frozenset(
            {
                "employer_on",
                "employer_for_year",
                "members_on",
                "is_member",
                "termination_of",
                "agreement_end",
                "_employer_on",
            }
        ),
        "keys": frozenset(
            {"key_weights", "key_integers", "reference_day", "population_of", "_reference_day"}
        ),
    },
    "funding": {
        "funding": frozenset(
            {"region_funding", "_month_rates", "_funding_in_twelfths", "_funding_by_days"}
        ),
    },
    "costs": {
        "costs": frozenset({"costs_by_region", "_cost_items", "_add_costs"}),
        "settlement": frozenset({"_costs_by_region"}),
        # The agreement's own resolution, for the modules above it (agreement/_costs.py).
        "agreement": frozenset({"costs_by_region"}),
    },
}
"""The functions of each computation, by module (names that do not exist are never seen)."""


# --------------------------------------------------------------------------- modules and layers


def module_of(code: CodeType) -> str | None:
    """The module of kim_cooperation that defines ``code``, subpackages as one; else ``None``."""
    filename = code.co_filename
    if filename.startswith("<attrs generated") and f" {PACKAGE}." in filename:
        # "<attrs generated init kim_cooperation.party.Party>": the class's module.
        dotted = filename.rstrip(">").rsplit(" ", 1)[-1]
        parts = dotted.split(".")[:-1]
    else:
        path = Path(filename)
        if not path.is_absolute() or PACKAGE_DIR not in path.parents:
            return None
        parts = [PACKAGE, *path.relative_to(PACKAGE_DIR).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
    return ".".join(parts[:2])


def _runtime_imports(path: Path, own: str) -> set[str]:
    """What the file imports at run time (not under TYPE_CHECKING), as dotted names.

    A module imported, or ``module.name`` for each name a from-import takes.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(inner) for inner in ast.walk(node))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = own.split(".")[: -node.level] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return {name for name in found if name.startswith(PACKAGE + ".")}


def import_graph() -> dict[str, set[str]]:
    """Each module's run-time imports of other modules of the package, subpackages as one."""
    files: dict[str, list[Path]] = {}
    for path in PACKAGE_DIR.rglob("*.py"):
        parts = [PACKAGE, *path.relative_to(PACKAGE_DIR).with_suffix("").parts]
        module = PACKAGE if parts == [PACKAGE, "__init__"] else ".".join(parts[:2])
        files.setdefault(module, []).append(path)
    graph: dict[str, set[str]] = {}
    for module, paths in files.items():
        imported: set[str] = set()
        for path in paths:
            own = ".".join([PACKAGE, *path.relative_to(PACKAGE_DIR).with_suffix("").parts])
            for name in _runtime_imports(path, own):
                top = ".".join(name.split(".")[:2])
                # A name the package's __init__ holds (``from kim_cooperation import settle``).
                imported.add(top if top in files else PACKAGE)
        graph[module] = imported - {module}
    return graph


def _closure(graph: Mapping[str, set[str]]) -> dict[str, set[str]]:
    """For each module, every module it imports directly or through others."""
    below: dict[str, set[str]] = {}

    def visit(module: str) -> set[str]:
        if module not in below:
            below[module] = set()
            for imported in graph.get(module, ()):
                below[module] |= {imported, *visit(imported)}
        return below[module]

    for module in graph:
        visit(module)
    return below


@dataclass(frozen=True)
class Layers:
    """Where each module sits: its layer, its place in the layer's list, what it imports."""

    place: Mapping[str, tuple[int, int]]
    below: Mapping[str, set[str]]

    @classmethod
    def of_package(cls) -> Layers:
        place = {
            f"{PACKAGE}.{name}": (layer, position)
            for layer, (_, names) in enumerate(LAYERS)
            for position, name in enumerate(names.split())
        }
        place[PACKAGE] = (len(LAYERS), 0)
        return cls(place=place, below=_closure(import_graph()))

    def climbs(self, caller: str, callee: str) -> bool:
        """Tell whether a call from ``caller`` into ``callee`` goes up (see the module docs)."""
        if caller in (OUTSIDE, callee):
            return False
        (caller_layer, caller_position) = self.place.get(caller, (len(LAYERS), 0))
        (callee_layer, callee_position) = self.place.get(callee, (len(LAYERS), 0))
        if callee_layer != caller_layer:
            return callee_layer > caller_layer
        if caller in self.below.get(callee, set()):
            return True
        if callee in self.below.get(caller, set()):
            return False
        return callee_position > caller_position

    def name(self, module: str) -> str:
        layer = self.place.get(module, (len(LAYERS), 0))[0]
        label = LAYERS[layer][0] if layer < len(LAYERS) else "package"
        return f"{module.removeprefix(PACKAGE + '.')} ({label})"


# --------------------------------------------------------------------------- the trace

_COMPREHENSIONS: Final = frozenset({"<genexpr>", "<listcomp>", "<dictcomp>", "<setcomp>"})
_ATTRS_MADE: Final = "<attrs generated"
_GENERATOR: Final = inspect.CO_GENERATOR | inspect.CO_COROUTINE | inspect.CO_ASYNC_GENERATOR


def _qualname(code: CodeType) -> str:
    """The function's name in its module; with its class for a method attrs made."""
    if code.co_filename.startswith(_ATTRS_MADE):
        return f"{code.co_filename.rstrip('>').rsplit('.', 1)[-1]}.{code.co_name}"
    return code.co_qualname


def _computation_of(module: str, name: str) -> str | None:
    short = module.removeprefix(PACKAGE + ".")
    for computation, functions in COMPUTATIONS.items():
        if name in functions.get(short, ()):
            return computation
    return None


@dataclass
class Trace:
    """What the calls made while tracing did."""

    layers: Layers
    calls: int = 0
    entries: Counter[str] = field(default_factory=Counter)
    climbs_into: Counter[str] = field(default_factory=Counter)
    climbs: Counter[tuple[str, str]] = field(default_factory=Counter)
    plumbing: Counter[tuple[str, str]] = field(default_factory=Counter)
    # (computation, region name or "" for a yearly run, year, function) -> runs
    runs: Counter[tuple[str, str, int, str]] = field(default_factory=Counter)
    # Keyed by the code and its file: attrs makes equal code for equal methods of
    # different classes (a cached property's __getattr__), which only the file tells apart.
    _modules: dict[tuple[CodeType, str], str | None] = field(default_factory=dict)
    _started: set[FrameType] = field(default_factory=set)
    _open_runs: dict[FrameType, str] = field(default_factory=dict)

    def profile(self, frame: FrameType, event: str, _arg: object) -> None:
        """The `sys.setprofile` hook."""
        if event == "return":
            self._open_runs.pop(frame, None)
            return
        if event != "call":
            return
        code = frame.f_code
        if code.co_flags & _GENERATOR:
            if frame in self._started:
                return  # resumed, not called
            self._started.add(frame)
        callee = self._module(code)
        if callee is None or code.co_name in _COMPREHENSIONS:
            return
        self.calls += 1
        caller_frame = self._package_caller(frame)
        caller = OUTSIDE if caller_frame is None else self._module(caller_frame.f_code)
        assert caller is not None
        if caller != callee:
            self.entries[callee] += 1
            if self.layers.climbs(caller, callee):
                assert caller_frame is not None
                edge = (
                    f"{caller}.{_qualname(caller_frame.f_code)}",
                    f"{callee}.{_qualname(code)}",
                )
                if _ATTRS_MADE in code.co_filename and code.co_name != "__getattr__":
                    self.plumbing[edge] += 1
                else:
                    self.climbs_into[callee] += 1
                    self.climbs[edge] += 1
        computation = _computation_of(callee, code.co_name)
        if computation is not None and not self._inside(frame, computation):
            self._open_runs[frame] = computation
            self._count_run(computation, f"{_short(callee)}.{code.co_name}", frame)

    def _module(self, code: CodeType) -> str | None:
        key = (code, code.co_filename)
        if key not in self._modules:
            self._modules[key] = module_of(code)
        return self._modules[key]

    def _package_caller(self, frame: FrameType) -> FrameType | None:
        """The nearest calling frame in the package, past code outside it (attrs, functools)."""
        back = frame.f_back
        while back is not None and self._module(back.f_code) is None:
            back = back.f_back
        return back

    def _inside(self, frame: FrameType, computation: str) -> bool:
        back = frame.f_back
        while back is not None:
            if self._open_runs.get(back) == computation:
                return True
            back = back.f_back
        return False

    def _count_run(self, computation: str, function: str, frame: FrameType) -> None:
        year = frame.f_locals.get("year")
        key = (computation, _region_of(frame), year if isinstance(year, int) else 0, function)
        self.runs[key] += 1


def _region_of(frame: FrameType) -> str:
    """The region a run is for: its ``region`` argument, or the region being settled around it."""
    found: FrameType | None = frame
    while found is not None:
        region = found.f_locals.get("region")
        if isinstance(region, Region):
            return region.name
        if found is frame and isinstance(region, str):
            return region
        found = found.f_back
    return ""


@contextmanager
def traced(layers: Layers) -> Iterator[Trace]:
    """Trace every call made inside the block into a `Trace`."""
    trace = Trace(layers=layers)
    sys.setprofile(trace.profile)
    try:
        yield trace
    finally:
        sys.setprofile(None)


# --------------------------------------------------------------------------- the cases


@dataclass(frozen=True)
class Case:
    """One settlement to trace."""

    label: str
    agreement: Agreement
    year: int
    plan: Mapping[str, CostStatement]


def cases() -> list[Case]:
    """The settlements traced (see the module docs)."""
    example = presets.example()
    received = dt.date(2025, 9, 30)
    leaving = example.give_notices({"Lindenhöhe": received, "Fuchsberg": received})
    handover = leaving.give_notice("Haselstein", received, successor="Immental")
    plan = presets.example_cost_plans()[2026]
    return [
        Case("coesfeld 2023", presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023()),
        Case("example 2026, leaving", leaving, 2026, plan),
        Case("example 2026, handover", handover, 2026, plan),
    ]


def trace_case(case: Case, layers: Layers) -> Trace:
    """Settle ``case`` once under the trace (after an untraced warm-up)."""
    settle(case.agreement, case.year, case.plan)
    with traced(layers) as trace:
        settle(case.agreement, case.year, case.plan)
    return trace


@dataclass(frozen=True)
class Call:
    """One call around the settlements to trace (see the module docs)."""

    group: str
    label: str
    call: Callable[[], object]


def calls() -> list[Call]:
    """The calls around the settlements traced (see the module docs)."""
    example = presets.example()
    received = dt.date(2025, 9, 30)
    handover = example.give_notices({"Lindenhöhe": received, "Fuchsberg": received}).give_notice(
        "Haselstein", received, successor="Immental"
    )
    day = dt.date(2026, 5, 1)
    coesfeld = presets.coesfeld()
    stored = pickle.dumps(handover)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # notices received on a Sunday: not the point here
        ended = coesfeld.give_notices(dict.fromkeys(coesfeld.parties, dt.date(2024, 6, 30)))
    example_ended = example.give_notices(dict.fromkeys(example.parties, received))
    plan_2023 = presets.coesfeld_cost_plan_2023()
    methods = "agreement methods"
    made = "made, unpickled"
    above = "above the agreement"
    return [
        Call(methods, "termination_of", lambda: handover.termination_of("Fuchsberg")),
        Call(methods, "is_member", lambda: handover.is_member("Fuchsberg", day)),
        Call(methods, "members_on, a region", lambda: handover.members_on(day, region="Ost")),
        Call(methods, "members_on, all", lambda: handover.members_on(day)),
        Call(methods, "post_shares", lambda: handover.post_shares(day)),
        Call(methods, "employer_on", lambda: handover.employer_on("West", day)),
        Call(methods, "employer_of", lambda: handover.employer_of("West", 2026)),
        Call(methods, "ends", lambda: handover.ends),
        Call(methods, "give_notice", lambda: example.give_notice("Fuchsberg", received)),
        Call(methods, "withdraw_notice", lambda: handover.withdraw_notice("Fuchsberg", received)),
        Call(
            made,
            "Agreement(...)",
            lambda: Agreement(
                name=handover.name,
                parties=handover.parties,
                regions=handover.regions,
                funding=handover.funding,
                start=handover.start,
                notice_terms=handover.notice_terms,
                notices=handover.notices,
                population=handover.population,
            ),
        ),
        Call(made, "unpickled, members_on", lambda: pickle.loads(stored).members_on(day)),
        Call(
            above,
            "project 2025-2027, ends 2026",
            lambda: project(example_ended, [2025, 2026, 2027], presets.example_cost_plans()[2025]),
        ),
        Call(above, "estimate_wind_down 2026", lambda: estimate_wind_down(ended, 2026, plan_2023)),
        Call(
            above,
            "wind_down",
            lambda: wind_down(
                ended, dt.date(2025, 12, 31), {"Mitte": CostStatement(personnel=68000)}
            ),
        ),
        Call(
            above,
            "AgreementFile",
            lambda: AgreementFile(agreement=coesfeld, cost_plans={2024: plan_2023}),
        ),
    ]


def trace_call(call: Call, layers: Layers) -> Trace:
    """Make ``call`` once under the trace (after an untraced warm-up)."""
    call.call()
    with traced(layers) as trace:
        call.call()
    return trace


def per_call(function: Callable[[], object], *, seconds: float = 0.5) -> float:
    """The median time of one call, in seconds, over repeats of about ``seconds`` / 5."""
    loops = 1
    while True:
        begin = time.perf_counter()
        for _ in range(loops):
            function()
        if time.perf_counter() - begin > seconds / 5:
            break
        loops *= 2
    times = []
    for _ in range(5):
        begin = time.perf_counter()
        for _ in range(loops):
            function()
        times.append((time.perf_counter() - begin) / loops)
    return sorted(times)[2]


# --------------------------------------------------------------------------- the report


def report(case: Case, trace: Trace, layers: Layers) -> None:
    regions = len(case.plan)
    print(f"== {case.label}: {regions} region(s), {trace.calls} calls into the package ==")
    print(f"{'module':<32} {'entered':>8} {'climbing':>9}")
    for module, count in sorted(trace.entries.items(), key=lambda item: (-item[1], item[0])):
        print(f"{layers.name(module):<32} {count:>8} {trace.climbs_into[module]:>9}")
    print(f"calls that climb up: {sum(trace.climbs.values())}")
    for (origin, target), count in sorted(trace.climbs.items(), key=lambda item: -item[1]):
        print(f"  {count:>4}  {_short(origin)} -> {_short(target)}")
    print(
        "calls from a generic helper into a value's attrs-made method (construction, hashing; "
        f"not counted above): {sum(trace.plumbing.values())}"
    )
    for (origin, target), count in sorted(trace.plumbing.items(), key=lambda item: -item[1]):
        print(f"  {count:>4}  {_short(origin)} -> {_short(target)}")
    print("runs of each computation (calls made inside a run are part of it):")
    for computation in COMPUTATIONS:
        runs = {key: count for key, count in trace.runs.items() if key[0] == computation}
        yearly = Counter[str]()
        regional = Counter[tuple[str, int]]()
        functions = Counter[str]()
        for (_, where, year, function), count in runs.items():
            if where:
                regional[(where, year)] += count
                functions[function] += count
            else:
                yearly[function] += count
        per_region_year = sorted(set(regional.values())) or [0]
        print(
            f"  {computation:<10} per year: {sum(yearly.values()):>2}"
            f"{_listed(yearly, 1):<40} per region-year: "
            + " or ".join(str(count) for count in per_region_year)
            + _listed(functions, max(len(regional), 1))
        )
    print()


def _short(name: str) -> str:
    return name.removeprefix(PACKAGE + ".")


def _listed(functions: Counter[str], regions: int) -> str:
    """``functions`` as `` (name x n, ...)``, each count divided by the region-years."""
    if not functions:
        return ""
    shown = ", ".join(f"{name} x {count / regions:g}" for name, count in sorted(functions.items()))
    return f" ({shown})"


def report_calls(traced_calls: list[tuple[Call, Trace]]) -> None:
    print("== calls around the settlements ==")
    print(f"{'group':<20} {'call':<30} {'calls':>6} {'climbing':>9}")
    for call, trace in traced_calls:
        climbing = sum(trace.climbs.values())
        print(f"{call.group:<20} {call.label:<30} {trace.calls:>6} {climbing:>9}")
        for (origin, target), count in sorted(trace.climbs.items(), key=lambda item: -item[1]):
            print(f"{'':<20}   {count:>4}  {_short(origin)} -> {_short(target)}")
    total = sum(sum(trace.climbs.values()) for _, trace in traced_calls)
    print(f"calls that climb up, in all: {total}")
    print()


def main() -> None:
    layers = Layers.of_package()
    for case in cases():
        report(case, trace_case(case, layers), layers)
    report_calls([(call, trace_call(call, layers)) for call in calls()])
    print("time per settle call (median of 5 repeats):")
    for case in cases():

        def call(case: Case = case) -> object:
            return settle(case.agreement, case.year, case.plan)

        print(f"  {case.label:<26} {per_call(call) * 1e6:8.1f} µs")


if __name__ == "__main__":
    main()
