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

The calls are traced by ``bench/_trace.py``, which
``tests/test_settle_flow.py`` asserts on too; its module docs say what
counts: which module a function belongs to, when a call climbs up, what a
run of a computation is.

For each settlement the tool prints:

* per module, how often a call enters it from another module (or from
  outside the package) and how many of those entries climb up;
* the calls that climb up, grouped by caller and callee; and apart from
  them the calls from a generic helper of a lower module into a method
  attrs makes for a class (its ``__init__``, its ``__hash__``): how values
  are built and looked up, not trips of the rules back up;
* how often the membership, funding and cost computations run, per year
  and per region and year, and which functions started the runs.

For each call around the settlements it prints how many calls it makes into
the package, how many of them climb up, and which.
"""

from __future__ import annotations

import datetime as dt
import pickle
import time
import warnings
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import attrs
from _trace import COMPUTATIONS, Layers, Trace, short, traced

from kim_cooperation import Agreement, CostStatement, presets, settle
from kim_cooperation.files import AgreementFile
from kim_cooperation.projection import estimate_wind_down, project
from kim_cooperation.winddown import wind_down

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
        # evolve passes every field to Agreement.__init__: the agreement made anew.
        Call(made, "Agreement(...)", lambda: attrs.evolve(handover)),
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
        print(f"  {count:>4}  {short(origin)} -> {short(target)}")
    print(
        "calls from a generic helper into a value's attrs-made method (construction, hashing; "
        f"not counted above): {sum(trace.plumbing.values())}"
    )
    for (origin, target), count in sorted(trace.plumbing.items(), key=lambda item: -item[1]):
        print(f"  {count:>4}  {short(origin)} -> {short(target)}")
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
            print(f"{'':<20}   {count:>4}  {short(origin)} -> {short(target)}")
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
