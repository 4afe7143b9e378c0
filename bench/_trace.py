"""The tracer of a settle call's flow, shared by ``bench/trace_settle.py`` and ``tests/test_settle_flow.py``.

Issue 14, item 4 asks that a settle call flow downwards: membership, funding
and costs each computed once per region and year, and no return trips from
the rules below back into the agreement or the settlement. `traced` records
what the calls made inside a block do into a `Trace`; the tool prints it, the
test asserts on it, so both count by the same rules:

* Every Python call made while tracing is seen through `sys.setprofile`. A
  function belongs to the module of kim_cooperation whose file defines it
  (`module_of`: a subpackage's files count as the subpackage; code attrs
  generates for a class counts as the class's module). Comprehensions and
  generator expressions count as part of the function they are written in,
  and a generator's resumption is not a new call. A call's caller is the
  nearest calling frame in the package, past code outside it (attrs,
  functools); none for a call from outside the package.
* A call climbs when the callee's module sits above the caller's
  (`Layers.climbs`): in a higher layer of issue 14's brief (`LAYERS`: base,
  rules, analysis, io, top); or in the same layer, when the callee's module
  imports the caller's at run time (directly or through others); or, for
  two modules of a layer of which neither imports the other, when the
  callee comes later in the brief's list of the layer. Calls into a method
  attrs makes for a class (its ``__init__``, its ``__hash__``) from a
  generic helper of a lower module (the builder of results, a read-only
  mapping) are kept apart (`Trace.plumbing`): they are how values are built
  and looked up, not trips of the rules back up. The ``__getattr__`` attrs
  makes for a cached property is not among them: it runs the class's own
  code (an agreement deriving its look-up tables on first read), so a lower
  module's call into it climbs.
* A call from a method attrs made into its own module's code (a converter, a
  validator, ``__attrs_post_init__``, a cached property's function) is seen
  a second time from the code that called the attrs-made method
  (`Trace.climbs_through_attrs`): a rule below that builds an agreement runs
  the agreement's converters, a trip back up that `Trace.climbs` lists only
  as plumbing into ``Agreement.__init__``.
* A run of a computation (`COMPUTATIONS`: membership, funding, costs) is a
  call into one of its functions that is not made from within another run
  of it. A run made for a region (a function with a ``region`` argument, or
  called while a region is being settled) is counted per region and year;
  the others per year.

It imports only the standard library and kim_cooperation, never the other
modules of ``bench/``: the test imports it by this file's folder alone,
however (and whether) the benchmarks are run.
"""

from __future__ import annotations

import ast
import inspect
import sys
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import CodeType, FrameType
from typing import Final

import kim_cooperation
from kim_cooperation import Region

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
    # Who bears what for which span, who employs, the population's reference day
    # (C3, C4, C11, C12, I9, I10).
    "membership": {
        "membership": frozenset(
            {"cost_shares", "members_for_year", "post_shares", "_region_year", "_usual_members"}
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
    # The funding of a region's posts, and the months' rates (C5, C6, I7).
    "funding": {
        "funding": frozenset(
            {
                "region_funding",
                "_month_rates",
                "_summed_month_rates",
                "_funding_in_twelfths",
                "_funding_by_days",
                "_twelfths_on_integers",
            }
        ),
    },
    # The costs of each region's plan (C8, C13).
    "costs": {
        "costs": frozenset({"costs_by_region", "_cost_items", "_add_costs"}),
        "settlement": frozenset({"_costs_by_region"}),
        # The agreement's own resolution, for the modules above it (agreement/_costs.py).
        "agreement": frozenset({"costs_by_region"}),
    },
}
"""The functions of each computation, by module.

Names that do not exist are never seen: a function renamed away makes its
computation's runs vanish, which a count of "exactly once" then reports.
"""


def short(name: str) -> str:
    """``name`` without the package's prefix: ``roll.members_on`` for ``kim_cooperation.roll.members_on``."""
    return name.removeprefix(PACKAGE + ".")


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
        """The layers of `LAYERS`, and the run-time imports of the package as installed."""
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
        """``module`` without the package's prefix, with its layer: ``roll (rules)``."""
        layer = self.place.get(module, (len(LAYERS), 0))[0]
        label = LAYERS[layer][0] if layer < len(LAYERS) else "package"
        return f"{short(module)} ({label})"


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
    for computation, functions in COMPUTATIONS.items():
        if name in functions.get(short(module), ()):
            return computation
    return None


@dataclass
class Trace:
    """What the calls made while tracing did (see the module docs for what counts)."""

    layers: Layers
    calls: int = 0
    entries: Counter[str] = field(default_factory=Counter)
    """Per module, the calls into it from another module or from outside the package."""
    climbs_into: Counter[str] = field(default_factory=Counter)
    """Per module, how many of its entries climb (plumbing left out)."""
    climbs: Counter[tuple[str, str]] = field(default_factory=Counter)
    """The calls that climb, by (caller, callee) as ``module.qualname``."""
    plumbing: Counter[tuple[str, str]] = field(default_factory=Counter)
    """The climbing calls into methods attrs made, ``__getattr__`` left out."""
    climbs_through_attrs: Counter[tuple[str, str]] = field(default_factory=Counter)
    """Calls from attrs-made methods into their module's code that climb from the code that
    called the attrs-made method, by (that code, callee)."""
    runs: Counter[tuple[str, str, int, str]] = field(default_factory=Counter)
    """The runs, by computation, region name ("" for a yearly run), year (0 where unknown),
    and the function that started the run as ``module.name``."""
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
                edge = (_name(caller, caller_frame.f_code), _name(callee, code))
                if _ATTRS_MADE in code.co_filename and code.co_name != "__getattr__":
                    self.plumbing[edge] += 1
                else:
                    self.climbs_into[callee] += 1
                    self.climbs[edge] += 1
        if (
            caller_frame is not None
            and caller_frame.f_code.co_filename.startswith(_ATTRS_MADE)
            and not code.co_filename.startswith(_ATTRS_MADE)
        ):
            self._climb_through_attrs(caller_frame, callee, code)
        computation = _computation_of(callee, code.co_name)
        if computation is not None and not self._inside(frame, computation):
            self._open_runs[frame] = computation
            self._count_run(computation, f"{short(callee)}.{code.co_name}", frame)

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

    def _climb_through_attrs(self, made: FrameType, callee: str, code: CodeType) -> None:
        """Record the call into ``code`` if it climbs from the code that called ``made``."""
        back = made.f_back
        # Past attrs-made methods too: the one that called the first one (a converter
        # building a value of another class) is no more the author of the call.
        while back is not None and (
            self._module(back.f_code) is None or back.f_code.co_filename.startswith(_ATTRS_MADE)
        ):
            back = back.f_back
        if back is None:
            return  # the value was made outside the package: the caller asked for it
        author = self._module(back.f_code)
        assert author is not None
        if self.layers.climbs(author, callee):
            self.climbs_through_attrs[(_name(author, back.f_code), _name(callee, code))] += 1

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


def _name(module: str, code: CodeType) -> str:
    return f"{module}.{_qualname(code)}"


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
