"""Benchmark ``memory``: what a kept 10-year projection of the built-in agreement takes.

Issue 17 asks that a projection kept in memory (a notebook's scenarios, a
service's cache) take at most 35 KB. The benchmark projects the built-in
agreement over 2023-2032 with the planning costs of all three regions and
3 % personnel growth, keeps ``count`` such projections (each computed anew,
so nothing is shared between them but the agreement and the base plan) and
measures with `tracemalloc` what they hold after a garbage collection: the
memory traced after keeping them less the memory traced before, per
projection.

Three cases:

``kept``
    the projections as `project` returns them: the figures of every
    region-year (own share, surplus, each town's part) and its grown plan;
    the explaining objects a usual year derives when first read (the
    funding post by post, the spans, the billing lines) not yet read.
``read``
    the same after every town's own share was looked up in every year
    (`Projection.own_share_of`), as a table or a chart reads them.
``explained``
    the same after every region-year's funding, spans and billing lines
    were read too, as an explanation or a billing run reads them.

Beside them, the competent baseline's answers (`_competent.project`: tuples
of `Decimal` euros per region, year and town) kept the same way, for scale.
Memory is deterministic here: one run suffices, and ``--quick`` keeps fewer
projections.
"""

from __future__ import annotations

import gc
import tracemalloc
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import _competent
from _harness import Result, note, print_table

from kim_cooperation import presets
from kim_cooperation.projection import Projection, project

NAME = "memory"
YEARS = range(2023, 2033)
GROWTH = Decimal("0.03")
TARGET_BYTES = 35_000
"""Issue 17: a kept 10-year Coesfeld projection takes at most 35 KB."""


def _kept(make: Callable[[], object], count: int, touch: Callable[[object], None]) -> float:
    """Bytes per kept object: ``count`` made by ``make`` and read by ``touch``, traced."""
    make()  # warm: module-level tables and caches are not the projections' memory
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = [make() for _ in range(count)]
        for item in kept:
            touch(item)
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    del kept
    return (after - before) / count


def _read(projection: object) -> None:
    assert isinstance(projection, Projection)
    for party in projection.agreement.parties:
        for result in projection.results:
            projection.own_share_of(party, result.year)


def _explained(projection: object) -> None:
    _read(projection)
    assert isinstance(projection, Projection)
    for result in projection.results:
        assert result.settlement is not None
        for region in result.settlement.regions:
            _ = (region.funding, region.spans, region.billing)


def run(*, quick: bool) -> list[Result]:
    """Measure the memory of kept projections (200; 20 with ``--quick``)."""
    count = 20 if quick else 200
    agreement = presets.coesfeld()
    plan = dict(presets.coesfeld_planning_costs_2023())
    plain = _competent.agreement_of(agreement)
    plain_plan = _competent.plan_of(plan)

    def library() -> object:
        return project(agreement, YEARS, plan, personnel_growth=GROWTH)

    def baseline() -> object:
        return _competent.project(plain, YEARS, plain_plan, Fraction(GROWTH))

    cases = {
        "kept, as project returns it": (library, lambda _: None),
        "kept, every own share looked up": (library, _read),
        "kept, every figure explained": (library, _explained),
        "competent baseline's answers": (baseline, lambda _: None),
    }
    results: list[Result] = []
    rows = []
    for case, (make, touch) in cases.items():
        per = _kept(make, count, touch)
        results.append(
            {
                "benchmark": NAME,
                "case": case,
                "kept": count,
                "bytes_per_projection": per,
                "target_bytes": TARGET_BYTES if case.startswith("kept, as") else None,
            }
        )
        rows.append((case, f"{per / 1000:.1f} KB", f"{per / 1024:.1f} KiB"))
    print_table(["10-year Coesfeld projection", "per kept projection", ""], rows)
    note(
        f"{count} projections kept, tracemalloc after gc.collect(); 1 KB = 1,000 bytes; "
        f"issue 17 target: at most {TARGET_BYTES / 1000:g} KB as project returns it"
    )
    return results
