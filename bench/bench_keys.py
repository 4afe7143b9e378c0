"""Benchmark ``keys``: a settlement by population with a change within the year vs equal parts.

Issue 12 asks that a settlement with a population key and a change of
members within the year take at most 1.5x the equal-key settlement of the
same agreement (same towns, posts and costs), as a ratio measured in one
run. Four variants of each agreement are settled for one year:

``equal``
    every region in equal parts, nobody leaves: one span a region, the
    settlement as it was before split keys (the reference of the target);
``equal, change``
    equal parts, one town of each region leaves on the last day of a
    quarter within the year: two spans a region (I10);
``population``
    every region by population (counts as of 31 December of the year
    before, I9), nobody leaves;
``population, change``
    by population, and the same town of each region leaves: the case of
    the target.

The agreements: the example agreement's region Nord (4 towns, split by
population; Lindenhöhe's notice received on 30 September 2025 ends its
membership on 31 March 2026; settled for 2026), and generated agreements
(``bench/_generate.py``) of 100 and 1,000 towns in regions of ten, with
6 months' notice to the end of a quarter, invented counts for every town
as of 31 December 2022, and in each region the first town by AGS (never
the employer) leaving on 30 September 2023 (notice received 2 January
2023; settled for 2023).

Method: each variant's answer is first checked equal, town by town, to a
plain baseline in this module (`plain_settle`: funding in twelfths, the
year cut into spans at each leaving day and weighed in twelfths, each
span split by the key with the leavers' fractions passed on in equal
parts, the exact year fractions rounded once by largest remainder with
ties to the employer, then by AGS). Then the four variants are timed
interleaved: each round times every variant once (``loops`` calls each,
the loops calibrated so that one takes about 0.1-0.2 s), rotating which
goes first, so that drift of the machine affects all alike. The figure is
the median over the rounds; the ratio is the ratio of the medians, and
the median of the ratios within a round is reported beside it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import gc
import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple

import _competent
import _plain
import attrs
from _generate import generate
from _harness import (
    Result,
    Settings,
    check_equal,
    format_ratio,
    format_time,
    note,
    print_table,
    settings,
)

from kim_cooperation import (
    Agreement,
    CostStatement,
    NoticeTerms,
    Party,
    PopulationCount,
    SplitKey,
    presets,
    settle,
)

NAME = "keys"
TARGET = 1.5
"""Issue 12: population key with a change within the year at most 1.5x the equal key."""

VARIANTS = ("equal", "equal, change", "population", "population, change")
TIMED = "population, change"
REFERENCE = "equal"

# --------------------------------------------------------------------------- the agreements


class Case(NamedTuple):
    """One agreement in its four variants, the year settled and the cost plan."""

    label: str
    towns: int
    year: int
    variants: Mapping[str, Agreement]
    plan: Mapping[str, CostStatement]


def _counts(parties: Sequence[Party]) -> dict[Party, int]:
    # Invented, distinct, deterministic counts of inhabitants.
    return {party: 2_000 + (index * 7_919) % 40_000 for index, party in enumerate(parties)}


def _with_keys(agreement: Agreement, key: SplitKey) -> Agreement:
    return attrs.evolve(
        agreement,
        regions=[attrs.evolve(region, split_key=key) for region in agreement.regions],
    )


def example_case() -> Case:
    """The example agreement's region Nord, 2026, Lindenhöhe leaving on 31 March."""
    base = presets.example()
    plan = {"Nord": presets.example_cost_plans()[2026]["Nord"]}
    population = base.with_split_key("Nord", SplitKey.by_population())
    equal = base.with_split_key("Nord", SplitKey.equal())
    received = dt.date(2025, 9, 30)
    variants = {
        "equal": equal,
        "equal, change": equal.give_notice("Lindenhöhe", received),
        "population": population,
        "population, change": population.give_notice("Lindenhöhe", received),
    }
    return Case("example, region Nord (4 towns)", 4, 2026, variants, plan)


def generated_case(towns: int) -> Case:
    """A generated agreement of ``towns`` towns in regions of ten, 2023, quarter terms."""
    generated = generate(towns)
    agreement = attrs.evolve(
        generated.agreement,
        notice_terms=NoticeTerms(months=6, period_end="quarter"),
        population=[
            PopulationCount(
                as_of=dt.date(2022, 12, 31),
                counts=_counts(generated.agreement.parties),
                source="Invented for the benchmark",
            )
        ],
    )
    leaving = {}
    for region in agreement.regions:
        first = min(region.members, key=lambda party: party.ags)
        if first != region.employer and len(region.members) > 1:
            leaving[first] = dt.date(2023, 1, 2)
    equal = _with_keys(agreement, SplitKey.equal())
    population = _with_keys(agreement, SplitKey.by_population())
    variants = {
        "equal": equal,
        "equal, change": equal.give_notices(leaving),
        "population": population,
        "population, change": population.give_notices(leaving),
    }
    return Case(f"generated, {towns:,} towns", towns, 2023, variants, generated.plan)


# --------------------------------------------------------------------------- the baseline


class KeyedRegion(NamedTuple):
    """A region as plain data: members by AGS (ascending), their weights, the employer."""

    name: str
    employer: str
    members: tuple[str, ...]
    weights: tuple[Fraction, ...]
    posts: tuple[_plain.PlainPost, ...]


class KeyedAgreement(NamedTuple):
    """An agreement as plain data: start, rates in cents, regions, leaving days by AGS."""

    start: dt.date
    rates: tuple[tuple[dt.date, int], ...]
    regions: tuple[KeyedRegion, ...]
    leaves: Mapping[str, dt.date]


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def leaving_day(received: dt.date, months: int) -> dt.date:
    """The last day of membership: ``months`` after receipt, then to the quarter's end."""
    period = _add_months(received, months)
    last_month = (period.month + 2) // 3 * 3
    return dt.date(period.year, last_month, calendar.monthrange(period.year, last_month)[1])


def plain_agreement(agreement: Agreement, year: int) -> KeyedAgreement:
    """Read an agreement into plain data (not timed): each key as exact weights for ``year``."""
    if agreement.notice_terms.period_end.value != "quarter":
        raise ValueError("this baseline covers notice to the end of a quarter only")
    if any(notice.successor is not None for notice in agreement.notices):
        raise ValueError("this baseline does not cover successor employers")
    reference = dt.date(year - 1, 12, 31)
    regions = []
    for region in agreement.regions:
        members = tuple(sorted(region.members, key=lambda party: party.ags))
        weights: list[Fraction] = []
        for party in members:
            if region.split_key.kind.value == "population":
                latest = [
                    count.counts[party]
                    for count in agreement.population
                    if count.as_of <= reference and party in count.counts
                ]
                weights.append(Fraction(latest[-1]))
            elif region.split_key.kind.value == "weights":
                weights.append(region.split_key.weights[party])
            else:
                weights.append(Fraction(1))
        regions.append(
            KeyedRegion(
                name=region.name,
                employer=region.employer.ags,
                members=tuple(party.ags for party in members),
                weights=tuple(weights),
                posts=tuple(
                    _plain.PlainPost(post.fte, post.employment_start, post.employment_end)
                    for post in region.posts
                ),
            )
        )
    return KeyedAgreement(
        start=agreement.start,
        rates=tuple(
            (rate.valid_from, _competent.cents(rate.amount)) for rate in agreement.funding.rates
        ),
        regions=tuple(regions),
        leaves={
            notice.party.ags: leaving_day(notice.received, agreement.notice_terms.months)
            for notice in agreement.notices
        },
    )


def _largest_remainder(
    total: int, fractions: Sequence[Fraction], order: Sequence[int]
) -> list[int]:
    parts = []
    rests = []
    for fraction in fractions:
        part, rest = divmod(total * fraction.numerator, fraction.denominator)
        parts.append(part)
        rests.append(Fraction(rest, fraction.denominator))
    # Ties in the order given: the employer first, then by AGS.
    ranking = sorted(order, key=lambda index: -rests[index])
    for index in ranking[: total - sum(parts)]:
        parts[index] += 1
    return parts


def plain_settle(
    agreement: KeyedAgreement, year: int, plan: _plain.PlainPlan
) -> _plain.SettlementResult:
    """Settle the regions of ``plan`` for ``year`` by their keys, pro rata over spans."""
    months = [
        (dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]))
        for month in range(1, 13)
    ]
    month_rates = []
    for first, _ in months:
        rate = 0
        if first >= agreement.start:
            for valid_from, value in agreement.rates:
                if valid_from > first:
                    break
                rate = value
        month_rates.append(rate)
    year_first = max(dt.date(year, 1, 1), agreement.start)
    year_last = dt.date(year, 12, 31)
    results: list[_plain.RegionResult] = []
    for region in agreement.regions:
        costs = plan.get(region.name)
        if costs is None:
            continue
        total = costs[0] + costs[1]
        funding = Fraction(0)
        for fte, start, end in region.posts:
            funding += fte * sum(
                rate
                for rate, (first, last) in zip(month_rates, months, strict=True)
                if (start is None or start <= first) and (end is None or end >= last)
            )
        funding_cents = (funding.numerator * 2 + 12 * funding.denominator) // (
            24 * funding.denominator
        )
        own_share = max(total - funding_cents, 0)
        leaves = {ags: agreement.leaves.get(ags) for ags in region.members}
        cuts = sorted(
            {day for day in leaves.values() if day is not None and year_first <= day < year_last}
        )
        starts = [year_first, *(cut + dt.timedelta(days=1) for cut in cuts)]
        stops = [*cuts, year_last]
        lengths = [stop.month - start.month + 1 for start, stop in zip(starts, stops, strict=True)]
        key_total = sum(region.weights, Fraction(0))
        year_share = dict.fromkeys(region.members, Fraction(0))
        for start, length in zip(starts, lengths, strict=True):
            present = [
                index
                for index, ags in enumerate(region.members)
                if (day := leaves[ags]) is None or day >= start
            ]
            kept = sum((region.weights[index] for index in present), Fraction(0))
            passed = (key_total - kept) / (key_total * len(present))
            weight = Fraction(length, sum(lengths))
            for index in present:
                share = region.weights[index] / key_total + passed
                year_share[region.members[index]] += weight * share
        bearers = [ags for ags in region.members if year_share[ags]]
        employer = bearers.index(region.employer)
        order = [employer, *(index for index in range(len(bearers)) if index != employer)]
        parts = _largest_remainder(own_share, [year_share[ags] for ags in bearers], order)
        results.append(
            (region.name, total, funding_cents, own_share, tuple(zip(bearers, parts, strict=True)))
        )
    return tuple(results)


# --------------------------------------------------------------------------- timing


@dataclass(frozen=True)
class Interleaved:
    """Medians over interleaved rounds, seconds per call, by variant."""

    per_call: Mapping[str, float]
    rounds: Mapping[str, tuple[float, ...]]
    loops: Mapping[str, int]

    def ratio(self, name: str, reference: str) -> float:
        """The ratio of the medians."""
        return self.per_call[name] / self.per_call[reference]

    def paired_ratio(self, name: str, reference: str) -> float:
        """The median of the ratios measured within each round."""
        return statistics.median(
            mine / theirs
            for mine, theirs in zip(self.rounds[name], self.rounds[reference], strict=True)
        )


def _timed(func: Callable[[], object], loops: int) -> float:
    start = time.perf_counter()
    for _ in range(loops):
        func()
    return time.perf_counter() - start


def _loops(func: Callable[[], object], config: Settings) -> int:
    loops = 1
    elapsed = _timed(func, 1)
    while elapsed < config.target / 10 and loops < 10**7:
        loops *= 10
        elapsed = _timed(func, loops)
    return max(1, round(config.target / max(elapsed / loops, 1e-9)))


def measure_interleaved(
    funcs: Mapping[str, Callable[[], object]], config: Settings, rounds: int
) -> Interleaved:
    """Time every function in each round, rotating the order; return the medians."""
    names = list(funcs)
    loops = {name: _loops(funcs[name], config) for name in names}
    times: dict[str, list[float]] = {name: [] for name in names}
    for index in range(rounds):
        for name in names[index % len(names) :] + names[: index % len(names)]:
            gc.collect()
            times[name].append(_timed(funcs[name], loops[name]) / loops[name])
    return Interleaved(
        per_call={name: statistics.median(values) for name, values in times.items()},
        rounds={name: tuple(values) for name, values in times.items()},
        loops=loops,
    )


# --------------------------------------------------------------------------- the run


def run(*, quick: bool) -> list[Result]:
    """Check each variant against the baseline, then time the four variants interleaved."""
    config = settings(quick=quick)
    rounds = 3 if quick else 11
    cases = [example_case(), generated_case(100)]
    if not quick:
        cases.append(generated_case(1_000))
    results: list[Result] = []
    rows = []
    for case in cases:
        plain_plan = _competent.plan_of(dict(case.plan))
        funcs: dict[str, Callable[[], object]] = {}
        for variant, agreement in case.variants.items():
            plain = plain_agreement(agreement, case.year)
            check_equal(
                _plain.library_settlement(settle(agreement, case.year, case.plan)),
                plain_settle(plain, case.year, plain_plan),
                f"{case.label}, {variant}",
            )

            def library(agreement: Agreement = agreement, case: Case = case) -> object:
                return settle(agreement, case.year, case.plan)

            funcs[variant] = library
        spans = {
            variant: sum(
                len(region.spans) for region in settle(agreement, case.year, case.plan).regions
            )
            for variant, agreement in case.variants.items()
        }
        timing = measure_interleaved(funcs, config, rounds)
        target = timing.ratio(TIMED, REFERENCE)
        results.append(
            {
                "benchmark": NAME,
                "case": case.label,
                "towns": case.towns,
                "year": case.year,
                "rounds": rounds,
                **{f"{variant}_s": timing.per_call[variant] for variant in VARIANTS},
                **{f"{variant}_loops": timing.loops[variant] for variant in VARIANTS},
                **{f"{variant}_spans": spans[variant] for variant in VARIANTS},
                "ratio": target,
                "ratio_paired": timing.paired_ratio(TIMED, REFERENCE),
                "ratio_to_equal_with_change": timing.ratio(TIMED, "equal, change"),
                "target": TARGET,
                "within_target": target <= TARGET,
            }
        )
        rows.append(
            (
                case.label,
                *(format_time(timing.per_call[variant]) for variant in VARIANTS),
                format_ratio(target),
                format_ratio(timing.paired_ratio(TIMED, REFERENCE)),
                format_ratio(timing.ratio(TIMED, "equal, change")),
            )
        )
    print_table(
        [
            "agreement",
            *VARIANTS,
            "ratio",
            "paired",
            "vs equal, change",
        ],
        rows,
    )
    note(
        f"ratio: '{TIMED}' / '{REFERENCE}', medians of {rounds} interleaved rounds "
        f"(issue target at most {TARGET:g}x); paired: median of the per-round ratios"
    )
    note("every variant was first checked equal to plain_settle in this module, town by town")
    note(
        f"since issue 17 '{REFERENCE}' takes the usual path (figures on integers, derivations "
        "when first read) and the changes within the year the general one, so the issue 12 "
        "target is not met; 'vs equal, change' compares the general path with itself"
    )
    return results
