"""Benchmark ``settlement``: annual settlements and a 10-year projection of the built-in agreement.

Times `kim_cooperation.settle` for 2023 with the council paper's plan (Region
Nord only, as in the paper) and with the planning costs of all three
regions, and `kim_cooperation.projection.project` over 2023-2032 with
personnel costs growing 3 % a year. The baseline (`_plain`) computes the same
per-region costs, funding and own shares and every town's part in bare
arithmetic on plain data; both are checked equal, town by town, before
timing. The agreement and the plans are built outside the timed region.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import _plain
from _harness import (
    Result,
    check_equal,
    format_ratio,
    format_time,
    measure,
    note,
    print_table,
    ratio,
    settings,
)

from kim_cooperation import Agreement, CostStatement, Settlement, presets, settle
from kim_cooperation.projection import project

NAME = "settlement"
YEARS = range(2023, 2033)
GROWTH = Decimal("0.03")


def _own_shares(agreement: Agreement, settlement: Settlement) -> dict[str, int]:
    """Every settled town's own share through the public look-up, in cents."""
    settled = {party.ags for region in settlement.regions for party in region.region.members}
    return {
        party.ags: _plain.cents(settlement.own_share_of(party))
        for party in agreement.parties
        if party.ags in settled
    }


def _baseline_shares(result: _plain.SettlementResult) -> dict[str, int]:
    return {ags: part for region in result for ags, part in region[4]}


def _check_settlement(
    agreement: Agreement, plan: dict[str, CostStatement], what: str
) -> tuple[_plain.PlainAgreement, dict[str, tuple[int, int]], _plain.SettlementResult]:
    plain_agreement = _plain.plain_agreement(agreement)
    plain_plan = _plain.plain_plan(plan)
    settlement = settle(agreement, 2023, plan)
    expected = _plain.settle(plain_agreement, 2023, plain_plan)
    check_equal(_plain.library_settlement(settlement), expected, what)
    check_equal(
        _own_shares(agreement, settlement), _baseline_shares(expected), f"{what}, own shares"
    )
    return plain_agreement, plain_plan, expected


def run(*, quick: bool) -> list[Result]:
    """Time the settlements and the projection (the same cases with ``--quick``, fewer repeats)."""
    config = settings(quick=quick)
    agreement = presets.coesfeld()
    results: list[Result] = []
    rows = []
    plans = {
        "settle 2023, council plan (Nord)": dict(presets.coesfeld_cost_plan_2023()),
        "settle 2023, planning costs (3 regions)": dict(presets.coesfeld_planning_costs_2023()),
    }
    for case, plan in plans.items():
        plain_agreement, plain_plan, expected = _check_settlement(agreement, plan, case)

        def library(plan: dict[str, CostStatement] = plan) -> object:
            return settle(agreement, 2023, plan)

        def baseline(
            plain_plan: dict[str, tuple[int, int]] = plain_plan,
            plain_agreement: _plain.PlainAgreement = plain_agreement,
        ) -> object:
            return _plain.settle(plain_agreement, 2023, plain_plan)

        lib = measure(library, config)
        base = measure(baseline, config)
        results.append(
            {
                "benchmark": NAME,
                "case": case,
                "towns": len(_baseline_shares(expected)),
                **lib.as_dict("library"),
                **base.as_dict("baseline"),
                "ratio": ratio(lib.per_call, base.per_call),
            }
        )
        rows.append(
            (
                case,
                format_time(lib.per_call),
                format_time(base.per_call),
                format_ratio(ratio(lib.per_call, base.per_call)),
                "",
            )
        )

    # A 10-year projection with growing personnel costs, planning costs of all regions.
    plan = dict(presets.coesfeld_planning_costs_2023())
    plain_agreement = _plain.plain_agreement(agreement)
    plain_plan = _plain.plain_plan(plan)
    growth = Fraction(GROWTH)
    case = f"project {YEARS[0]}-{YEARS[-1]}, personnel +{GROWTH * 100:g} %/year"
    check_equal(
        _plain.library_projection(project(agreement, YEARS, plan, personnel_growth=GROWTH)),
        _plain.project(plain_agreement, YEARS, plain_plan, growth),
        case,
    )
    lib = measure(lambda: project(agreement, YEARS, plan, personnel_growth=GROWTH), config)
    base = measure(lambda: _plain.project(plain_agreement, YEARS, plain_plan, growth), config)
    results.append(
        {
            "benchmark": NAME,
            "case": case,
            "years": len(YEARS),
            **lib.as_dict("library"),
            **base.as_dict("baseline"),
            "library_per_year_s": lib.per_call / len(YEARS),
            "ratio": ratio(lib.per_call, base.per_call),
        }
    )
    rows.append(
        (
            case,
            format_time(lib.per_call),
            format_time(base.per_call),
            format_ratio(ratio(lib.per_call, base.per_call)),
            format_time(lib.per_call / len(YEARS)),
        )
    )
    print_table(["case", "library", "baseline", "ratio", "library/year"], rows)
    note("baseline: _plain.settle / _plain.project, the same rules in bare arithmetic")
    note(
        "projection: the baseline grows personnel costs exactly as grow_plan does "
        "(compound factor, rounded half up to cents once per year)"
    )
    return results
