"""Benchmark ``sweep``: a scenario sweep of 10,000 variants of the built-in agreement over 10 years.

Each variant (generated deterministically from a fixed seed) combines:

* zero to two funding-rate changes (`scenario.rate_change`) to 55,000 to
  60,000 EUR in steps of 500 (one in five with odd cents), from 1 January,
  1 April, 1 July or 1 October of a year from 2024 to 2031 (part years in
  twelfths);
* in one variant in twenty, loss of funding (`scenario.loss_of_funding`)
  from a day in 2026-2032;
* notices (`scenario.notice_by`) by zero to three towns that are not their
  region's employer, received on any day of 2023-2031 (C11, C12);
* personnel cost growth of 0.0 to 5.0 % a year, in steps of 0.1 %.

Each is built from the built-in agreement with the `kim_cooperation.scenario`
helpers and projected with `projection.project` over 2023-2032 with the
planning costs of all three regions. The full sweep is timed once (total and
per variant-year; building the variants and projecting them are also timed
apart). On a fixed sample of variants spread over the sweep, the library and
the competent baseline (`_competent`, which replicates all of these rules:
rates in twelfths, loss of funding, notice periods, equal split, growth, in
integer cents with spans of months, giving the same `Decimal` results) are
checked equal, year by year and town by town, and timed against each other
in interleaved rounds (`_harness.paired`, at least 3 rounds: the ratio is
their median). Issue 17's target: at most 4×.
"""

from __future__ import annotations

import datetime as dt
import random
import time
import warnings
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

import _competent
from _harness import Result, check_equal, format_time, note, paired, print_table, settings

from kim_cooperation import Agreement, ClosedDayWarning, CostStatement, presets, scenario
from kim_cooperation.projection import Projection, project

NAME = "sweep"
YEARS = range(2023, 2033)
SEED = 7


class Variant(NamedTuple):
    """A scenario as plain data, from which both the library and the baseline build theirs."""

    rates: tuple[tuple[dt.date, Decimal], ...]
    loss: dt.date | None
    notices: tuple[tuple[str, dt.date], ...]  # (AGS, day received)
    growth: Decimal


def variants(agreement: Agreement, count: int, seed: int = SEED) -> list[Variant]:
    """Generate ``count`` variants deterministically (see the module docs)."""
    rng = random.Random(seed)
    towns = sorted(
        party.ags for party in agreement.parties if party not in set(agreement.employers)
    )
    first_day = dt.date(2023, 1, 1)
    days = (dt.date(2031, 12, 31) - first_day).days
    found: list[Variant] = []
    for _ in range(count):
        rates: dict[dt.date, Decimal] = {}
        for _ in range(rng.choice((0, 1, 1, 1, 2))):
            day = dt.date(rng.randint(2024, 2031), rng.choice((1, 1, 4, 7, 10)), 1)
            cents = 5_500_000 + 50_000 * rng.randint(0, 10)
            if rng.random() < 0.2:
                cents += rng.randint(1, 99)
            rates[day] = Decimal(f"{cents}E-2")
        loss = None
        if rng.random() < 0.05:
            loss = dt.date(rng.randint(2026, 2032), rng.choice((1, 7)), 1)
        leaving = rng.sample(towns, rng.choice((0, 0, 1, 1, 2, 3)))
        notices = tuple(
            (ags, first_day + dt.timedelta(days=rng.randint(0, days))) for ags in leaving
        )
        growth = Decimal(rng.randint(0, 50)).scaleb(-3)
        found.append(Variant(tuple(sorted(rates.items())), loss, notices, growth))
    return found


def build(base: Agreement, variant: Variant) -> Agreement:
    """The library's scenario: the built-in agreement changed with the scenario helpers."""
    agreement = base
    for day, amount in variant.rates:
        agreement = scenario.rate_change(agreement, amount, day)
    if variant.loss is not None:
        agreement = scenario.loss_of_funding(agreement, variant.loss)
    for ags, received in variant.notices:
        agreement = scenario.notice_by(agreement, ags, received)
    return agreement


def library(base: Agreement, plan: dict[str, CostStatement], variant: Variant) -> Projection:
    """Build the variant and project it over the years."""
    return project(build(base, variant), YEARS, plan, personnel_growth=variant.growth)


def baseline(
    base: _competent.Plain, plan: _competent.Plan, variant: Variant
) -> tuple[tuple[int, _competent.Answer], ...]:
    """The same scenario and projection, as competent code computes it."""
    agreement = base
    for day, amount in variant.rates:
        agreement = _competent.with_rate(agreement, day, _competent.cents(amount))
    if variant.loss is not None:
        agreement = _competent.without_funding_from(agreement, variant.loss)
    if variant.notices:
        agreement = _competent.with_notices(agreement, dict(variant.notices))
    return _competent.project(agreement, YEARS, plan, Fraction(variant.growth))


def _sample(items: Sequence[Variant], size: int) -> list[Variant]:
    step = max(1, len(items) // size)
    return list(items[::step][:size])


def run(*, quick: bool) -> list[Result]:
    """Run the sweep: 10,000 variants (50 with ``--quick``), a sample of 100 (10) against the baseline."""
    # Notices drawn on any day fall on weekends and holidays too: each warns once (C11),
    # which is right for a user and noise for a sweep.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ClosedDayWarning)
        return _run(quick=quick)


def _run(*, quick: bool) -> list[Result]:
    config = settings(quick=quick)
    count, sample_size = (50, 10) if quick else (10_000, 100)
    base = presets.coesfeld()
    plan = dict(presets.coesfeld_planning_costs_2023())
    plain_base = _competent.agreement_of(base)
    plain_plan = _competent.plan_of(plan)
    all_variants = variants(base, count)
    sample = _sample(all_variants, sample_size)

    # Equal answers on the sample, every town and year.
    for index, variant in enumerate(sample):
        check_equal(
            _competent.library_projection(library(base, plan, variant)),
            baseline(plain_base, plain_plan, variant),
            f"sweep variant {index} {variant}",
        )

    def library_sample() -> None:
        for variant in sample:
            library(base, plan, variant)

    def baseline_sample() -> None:
        for variant in sample:
            baseline(plain_base, plain_plan, variant)

    timing = paired(library_sample, baseline_sample, config)
    sample_years = len(sample) * len(YEARS)

    # The whole sweep, once: building the variants and projecting them, timed apart.
    building = projecting = 0.0
    started = time.perf_counter()
    for variant in all_variants:
        begin = time.perf_counter()
        agreement = build(base, variant)
        middle = time.perf_counter()
        project(agreement, YEARS, plan, personnel_growth=variant.growth)
        end = time.perf_counter()
        building += middle - begin
        projecting += end - middle
    total = time.perf_counter() - started
    variant_years = count * len(YEARS)

    results: list[Result] = [
        {
            "benchmark": NAME,
            "case": f"sweep of {count} variants × {len(YEARS)} years",
            "variants": count,
            "years": len(YEARS),
            "total_s": total,
            "build_s": building,
            "project_s": projecting,
            "per_variant_year_s": total / variant_years,
        },
        {
            "benchmark": NAME,
            "case": f"sample of {len(sample)} variants vs baseline",
            "variants": len(sample),
            **timing.as_dict(),
            "library_per_variant_year_s": timing.library / sample_years,
            "baseline_per_variant_year_s": timing.baseline / sample_years,
            "target": 4.0,
        },
    ]
    print_table(
        ["case", "total", "per variant-year", "build/variant", "project/variant"],
        [
            (
                f"sweep: {count} variants × {len(YEARS)} years",
                format_time(total),
                format_time(total / variant_years),
                format_time(building / count),
                format_time(projecting / count),
            )
        ],
    )
    print()
    print_table(
        [
            "sample (build + project)",
            "library",
            "baseline",
            "ratio (min–max)",
            "library/variant-year",
        ],
        [
            (
                f"{len(sample)} variants × {len(YEARS)} years",
                format_time(timing.library),
                format_time(timing.baseline),
                timing.ratio_text(),
                format_time(timing.library / sample_years),
            )
        ],
    )
    note(
        "variants: rate changes 55,000-60,000 EUR, loss of funding, notices by 0-3 towns, "
        "growth 0-5 %; the baseline replicates all of them (employers never give notice here)"
    )
    note(
        "the sweep runs once; the sample is timed in interleaved rounds against the competent "
        "baseline (median of the rounds' ratios); issue 17 target: at most 4×"
    )
    return results
