"""Benchmark ``scaling``: does the time per town (and per year) stay flat as agreements grow?

Three series:

* settlements for 2023 of generated agreements (`_generate`) of 10, 100,
  1,000 and 10,000 towns in regions of 10 towns; the time per town of the
  settlement, of the plain baseline, and of the agreement's construction
  (from strings and numbers to the `Agreement`, timed separately);
* the same with all towns in ONE region, to catch work quadratic in the
  members of a region;
* projections of the built-in agreement (planning costs of all regions,
  3 % growth) over 1, 10, 50 and 100 years: the time per year.

For each series the max/min ratio of the per-unit times is the figure to
watch (issue target: within 1.5x). A size is skipped when its call is
extrapolated (from the two sizes before it, at least linearly) to take longer
than the budget; the skip and the estimate are reported.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from functools import partial
from typing import Any

import _competent
from _generate import Generated, generate
from _harness import (
    Paired,
    Result,
    Settings,
    Timing,
    check_equal,
    extrapolate,
    format_ratio,
    format_time,
    measure,
    note,
    paired,
    print_table,
    ratio,
    settings,
    spread,
    timed_once,
)

from kim_cooperation import Settlement, presets, settle
from kim_cooperation.projection import project

NAME = "scaling"
TARGET = 1.5
GROWTH = Decimal("0.03")


def _measure_size(
    config: Settings, towns: int, region_size: int, series: str
) -> tuple[Timing, Paired, int]:
    """Time construction, and settlement against the competent baseline; check them equal."""

    def construct() -> Generated:
        return generate(towns, region_size)

    (agreement, plan), first_build = timed_once(construct)
    build = measure(construct, config, first=first_build)
    plain_agreement = _competent.agreement_of(agreement)
    plain_plan = _competent.plan_of(plan)

    def library() -> Settlement:
        return settle(agreement, 2023, plan)

    def baseline() -> _competent.Answer:
        return _competent.settle(plain_agreement, 2023, plain_plan)

    check_equal(
        _competent.library_settlement(library()),
        baseline(),
        f"settlement of {towns} towns ({series})",
    )
    return build, paired(library, baseline, config), len(agreement.regions)


def _series(
    config: Settings, series: str, sizes: Sequence[int], region_size: Callable[[int], int]
) -> list[Result]:
    results: list[Result] = []
    rows: list[tuple[object, ...]] = []
    measured: list[int] = []
    build_times: list[float] = []
    settle_times: list[float] = []
    for towns in sizes:
        estimate = max(
            extrapolate(measured, build_times, towns), extrapolate(measured, settle_times, towns)
        )
        if estimate > config.budget:
            results.append(
                {
                    "benchmark": NAME,
                    "series": series,
                    "case": f"{towns} towns",
                    "towns": towns,
                    "skipped": True,
                    "estimated_s": estimate,
                }
            )
            rows.append((towns, "–", "skipped", "", "", "", f"est. {format_time(estimate)}"))
            continue
        build, timing, regions = _measure_size(config, towns, region_size(towns), series)
        measured.append(towns)
        build_times.append(build.per_call)
        settle_times.append(timing.library)
        results.append(
            {
                "benchmark": NAME,
                "series": series,
                "case": f"{towns} towns",
                "towns": towns,
                "regions": regions,
                **timing.as_dict(),
                **build.as_dict("construction"),
                "library_per_town_s": timing.library / towns,
                "baseline_per_town_s": timing.baseline / towns,
                "construction_per_town_s": build.per_call / towns,
                "target": 4.0,
            }
        )
        rows.append(
            (
                towns,
                regions,
                format_time(timing.library / towns),
                format_time(timing.baseline / towns),
                timing.ratio_text(),
                format_time(build.per_call / towns),
                format_time(timing.library),
            )
        )
    print(f"-- {series} --")
    print_table(
        [
            "towns",
            "regions",
            "settle/town",
            "baseline/town",
            "ratio (min–max)",
            "build/town",
            "settle total",
        ],
        rows,
    )
    done = [result for result in results if not result.get("skipped")]
    large = [result for result in done if result["towns"] >= 100]
    spreads = {
        f"{what}_spread{suffix}": spread(result[f"{key}_per_town_s"] for result in chosen)
        for suffix, chosen in (("", done), ("_from_100", large))
        for what, key in (
            ("settle", "library"),
            ("construction", "construction"),
            ("baseline", "baseline"),
        )
    }
    for suffix, label in (("", "all sizes"), ("_from_100", "from 100 towns on")):
        note(
            f"max/min per-town time, {label}: settle {format_ratio(spreads['settle_spread' + suffix])}, "
            f"construction {format_ratio(spreads['construction_spread' + suffix])}, "
            f"baseline {format_ratio(spreads['baseline_spread' + suffix])} (target ≤ {TARGET:g}×)"
        )
    # The cost of one more town between consecutive sizes (medians): constant
    # if the growth is linear, whatever the fixed cost of a call.
    marginal = [
        (later["library_s"] - earlier["library_s"]) / (later["towns"] - earlier["towns"])
        for earlier, later in itertools.pairwise(done)
    ]
    if marginal:
        note(
            "settle, marginal time per added town between consecutive sizes (medians): "
            + ", ".join(format_time(value) for value in marginal)
        )
    results.append(
        {
            "benchmark": NAME,
            "series": series,
            "case": "max/min per town",
            **spreads,
            "marginal_per_town_s": marginal,
            "target_spread": TARGET,
        }
    )
    return results


def _years(config: Settings, spans: Sequence[int]) -> list[Result]:
    agreement = presets.coesfeld()
    plan = dict(presets.coesfeld_planning_costs_2023())
    plain_agreement = _competent.agreement_of(agreement)
    plain_plan = _competent.plan_of(plan)
    growth = Fraction(GROWTH)
    results: list[Result] = []
    rows: list[tuple[Any, ...]] = []
    for span in spans:
        years = range(2023, 2023 + span)
        check_equal(
            _competent.library_projection(
                project(agreement, years, plan, personnel_growth=GROWTH)
            ),
            _competent.project(plain_agreement, years, plain_plan, growth),
            f"projection over {span} years",
        )
        lib = measure(partial(project, agreement, years, plan, personnel_growth=GROWTH), config)
        base = measure(
            partial(_competent.project, plain_agreement, years, plain_plan, growth), config
        )
        results.append(
            {
                "benchmark": NAME,
                "series": "projection years",
                "case": f"{span} years",
                "years": span,
                **lib.as_dict("library"),
                **base.as_dict("baseline"),
                "library_per_year_s": lib.per_call / span,
                "baseline_per_year_s": base.per_call / span,
                "ratio": ratio(lib.per_call, base.per_call),
            }
        )
        rows.append(
            (
                span,
                format_time(lib.per_call / span),
                format_time(base.per_call / span),
                format_ratio(ratio(lib.per_call, base.per_call)),
                format_time(lib.per_call),
            )
        )
    print("-- projection of the built-in agreement over n years --")
    print_table(["years", "project/year", "baseline/year", "ratio", "project total"], rows)
    year_spread = spread(result["library_per_year_s"] for result in results)
    base_spread = spread(result["baseline_per_year_s"] for result in results)
    note(
        f"max/min per-year time: project {format_ratio(year_spread)}, "
        f"baseline {format_ratio(base_spread)} (target ≤ {TARGET:g}×)"
    )
    results.append(
        {
            "benchmark": NAME,
            "series": "projection years",
            "case": "max/min per year",
            "project_spread": year_spread,
            "baseline_spread": base_spread,
            "target_spread": TARGET,
        }
    )
    return results


def run(*, quick: bool) -> list[Result]:
    """Run the three series (tiny sizes with ``--quick``)."""
    config = settings(quick=quick)
    sizes = (10, 30, 100) if quick else (10, 100, 1000, 10_000)
    spans = (1, 5, 10) if quick else (1, 10, 50, 100)
    results = _series(config, "regions of 10 towns", sizes, lambda _towns: 10)
    results += _series(config, "one region of all towns", sizes, lambda towns: towns)
    results += _years(config, spans)
    note(
        "at 10 towns the fixed cost of a call (the year's funding rates, the result objects) "
        "weighs on the time per town; 'from 100 towns on' shows the growth alone"
    )
    note(
        f"settle = settle(agreement, 2023, plan), agreement built outside the timed region; "
        f"build = generating the parties, posts, regions, funding, plan and Agreement; "
        f"skipped sizes: estimated call > {format_time(config.budget)}"
    )
    return results
