"""A settle call flows downwards (issue 14): each region's year is computed once, nothing calls back up.

Per region and year `settle` computes the membership (who bears what for
which span, the employer that bills, the population reference day: C3, C4,
C11, C12, I9, I10) once and the funding (C5, C6, I7) once; what is the same
for every region (the days the agreement runs in the year, the months'
funding rates) once a year. The rules it calls never call back into
`kim_cooperation.agreement` or `kim_cooperation.settlement`.

The same holds around the settlement: the `Agreement` methods that ask the
roll and membership (C3, C4, C11, C12) look the party or region up and pass
it down; an agreement derives its look-up tables when it is made or
unpickled, not when a rule first reads them; and the modules above the
agreement that resolve cost plans (the projection, the wind-down, the
agreement files: C8, C13) do not make the cost rules call back up.

The calls are seen through `sys.setprofile` by the tracer in
``bench/_trace.py``, which ``bench/trace_settle.py`` prints for the lead:
the same counts by the same rules (its module docs say them). A function
counts by the module whose file defines it, so the counts do not depend on
how a module imports a function. A run of a computation is a call into one
of its functions (`_trace.COMPUTATIONS`) that is not made from within
another run of the same computation. A call back up is a call that climbs
by the layers of issue 14 (`_trace.Layers`) into the agreement or the
settlement, seen from the calling rule, or from the rule that built a value
whose attrs-made method made the call.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import pickle
import sys
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Final

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kim_cooperation.strategies as kst
from kim_cooperation import (
    Agreement,
    CostStatement,
    KimCooperationError,
    presets,
    roll,
    settle,
)
from kim_cooperation import agreement as agreement_module
from kim_cooperation import settlement as settlement_module
from kim_cooperation.files import AgreementFile
from kim_cooperation.policy import Policies
from kim_cooperation.projection import estimate_wind_down, project
from kim_cooperation.winddown import wind_down
from strategies import ANY_TERMS, settled_years

# The tracer lives with the tool; found from this file, so the test runs from any folder, and
# taken off the path again so that bench's modules shadow nothing for the tests after it.
_BENCH = str(Path(__file__).resolve().parents[1] / "bench")
sys.path.insert(0, _BENCH)
try:
    from _trace import PACKAGE, Layers, Trace, short, traced
finally:
    sys.path.remove(_BENCH)

PACKAGE_LAYERS: Final = Layers.of_package()

ABOVE: Final = frozenset({agreement_module.__name__, settlement_module.__name__})
"""The modules the rules below must not call back into."""

_BASE: Final = (
    *("_catalogue", "errors", "_checks", "clauses", "i18n", "money", "formatting", "parsing"),
    *("policy", "party", "post", "_confusables", "_table"),
)
_RULES_BELOW: Final = (
    *("split", "keys", "funding", "closed_days", "notice", "region", "costs", "roll", "spans"),
    "membership",
)
BELOW: Final = {
    agreement_module.__name__: (*_BASE, *_RULES_BELOW),
    # The settlement's views are below it too: it imports them.
    settlement_module.__name__: (*_BASE, *_RULES_BELOW, "agreement", "_plain"),
}
"""For each module of `ABOVE`, the modules below it (issue 14's layers, in order): a call
from one of them into it climbs back up. Calls from the module itself and from the modules
above it (the projection, the wind-down, the files) come down. The tracer judges by
`PACKAGE_LAYERS`, which must see each of these calls as climbing too (it may see more)."""


def back_up(trace: Trace) -> list[str]:
    """Each call into a module of `ABOVE` that climbs, as ``caller -> callee``, sorted."""
    return sorted(
        f"{short(caller)} -> {short(callee)}"
        for (caller, callee) in (
            *trace.climbs.elements(),
            *trace.climbs_through_attrs.elements(),
        )
        if callee.startswith(tuple(f"{module}." for module in ABOVE))
    )


def runs(trace: Trace) -> Counter[tuple[str, str]]:
    """The runs of each computation per region ("" for what is computed once a year)."""
    counted = Counter[tuple[str, str]]()
    for (computation, region, _, _), count in trace.runs.items():
        counted[(computation, region)] += count
    return counted


def settled_in(trace: Trace, regions: Iterable[str]) -> None:
    """Check that ``trace`` computed each of ``regions``' year once, and the yearly figures once."""
    counted = runs(trace)
    for computation in ("membership", "funding"):
        per_region = {
            region: count
            for (name, region), count in counted.items()
            if name == computation and region
        }
        assert per_region == dict.fromkeys(regions, 1), (computation, counted)
        yearly = sum(
            count
            for (name, region), count in counted.items()
            if name == computation and not region
        )
        assert yearly <= 1, (computation, counted)


@pytest.mark.parametrize("callee", sorted(BELOW))
def test_the_layers_see_a_call_from_below_as_climbing(callee: str) -> None:
    """The tracer's layers count every call `BELOW` names as a call back up: none is missed."""
    assert [
        module
        for module in BELOW[callee]
        if not PACKAGE_LAYERS.climbs(f"{PACKAGE}.{module}", callee)
    ] == []


# --------------------------------------------------------------------------- the cases


def _example_2026() -> Agreement:
    """The example agreement, with towns of Nord (population) and Ost leaving on 31 March 2026."""
    received = dt.date(2025, 9, 30)
    return presets.example().give_notices({"Lindenhöhe": received, "Fuchsberg": received})


def _cases() -> dict[str, tuple[Agreement, int, Mapping[str, CostStatement]]]:
    coesfeld = presets.coesfeld()
    example = _example_2026()
    plan = presets.example_cost_plans()[2026]
    return {
        "coesfeld 2023, council plan": (coesfeld, 2023, presets.coesfeld_cost_plan_2023()),
        "coesfeld 2023, three regions": (
            coesfeld,
            2023,
            presets.coesfeld_planning_costs_2023(),
        ),
        "coesfeld 2026, no funding": (
            coesfeld.give_notice("Rosendahl", dt.date(2024, 6, 28)).with_funding(
                coesfeld.funding.without_funding_from(dt.date(2026, 1, 1), source="C10")
            ),
            2026,
            presets.coesfeld_planning_costs_2023(),
        ),
        "example 2026, leaving within the year": (example, 2026, plan),
        "example 2026, employer handover": (
            example.give_notice("Haselstein", dt.date(2025, 9, 30), successor="Immental"),
            2026,
            plan,
        ),
        "example 2026, funding by days, shares across the agreement": (
            example.with_policies(
                Policies(part_year_funding="days", withdrawal_scope="agreement")
            ),
            2026,
            plan,
        ),
    }


CASES: Final = _cases()


@pytest.mark.parametrize("case", list(CASES))
def test_settle_computes_membership_and_funding_once_per_region_year(case: str) -> None:
    agreement, year, plan = CASES[case]
    with traced(PACKAGE_LAYERS) as trace:
        settled = settle(agreement, year, plan)
    settled_in(trace, [region.region.name for region in settled.regions])


@pytest.mark.parametrize("case", list(CASES))
def test_the_rules_never_call_back_into_the_agreement_or_the_settlement(case: str) -> None:
    agreement, year, plan = CASES[case]
    with traced(PACKAGE_LAYERS) as trace:
        settle(agreement, year, plan)
    assert back_up(trace) == []


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_any_settlement_computes_each_region_year_once(data: st.DataObject) -> None:
    agreement = data.draw(kst.agreements(with_notices=None, notice_terms=ANY_TERMS))
    year = data.draw(settled_years(agreement))
    plan = data.draw(kst.cost_plans(agreement, all_regions=False))
    with traced(PACKAGE_LAYERS) as trace:
        try:
            settled = settle(agreement, year, plan).regions
        except KimCooperationError:
            settled = ()  # refused (a missing population count, an undecided case)
    assert back_up(trace) == []
    if settled:
        settled_in(trace, [region.region.name for region in settled])
    else:
        assert all(count == 1 for (_, region), count in runs(trace).items() if region)


def test_the_count_sees_a_second_computation() -> None:
    """The check fails where a region's membership is computed twice: it can fail."""
    agreement, year, plan = CASES["coesfeld 2023, council plan"]
    with traced(PACKAGE_LAYERS) as trace:
        settle(agreement, year, plan)
        agreement.employer_of("Nord", year)  # the employer computed once more
    with pytest.raises(AssertionError):
        settled_in(trace, ["Nord"])


# --------------------------------------------------------------------------- around the settlement


def _handover() -> Agreement:
    """`_example_2026`, with West's employer Haselstein leaving and Immental taking over (C3, I8)."""
    return _example_2026().give_notice("Haselstein", dt.date(2025, 9, 30), successor="Immental")


HANDOVER: Final = _handover()
DAY: Final = dt.date(2026, 5, 1)


def _made_anew(agreement: Agreement) -> Agreement:
    """``agreement`` made again from its fields: the constructor's path.

    `attrs.evolve` passes every field of ``agreement`` to ``Agreement.__init__``.
    """
    return attrs.evolve(agreement)


def _agreement_calls() -> dict[str, Callable[[], object]]:
    stored = pickle.dumps(HANDOVER)
    received = dt.date(2025, 9, 30)
    return {
        "termination_of": lambda: HANDOVER.termination_of("Fuchsberg"),
        "is_member": lambda: HANDOVER.is_member("Fuchsberg", DAY),
        "members_on a region": lambda: HANDOVER.members_on(DAY, region="Ost"),
        "members_on": lambda: HANDOVER.members_on(DAY),
        "post_shares": lambda: HANDOVER.post_shares(DAY),
        "post_shares, shares across the agreement": lambda: HANDOVER.with_policies(
            Policies(withdrawal_scope="agreement")
        ).post_shares(DAY),
        "employer_on": lambda: HANDOVER.employer_on("West", DAY),
        "employer_of": lambda: HANDOVER.employer_of("West", 2026),
        "ends": lambda: HANDOVER.ends,
        "give_notice": lambda: presets.example().give_notice("Fuchsberg", received),
        "withdraw_notice": lambda: HANDOVER.withdraw_notice("Fuchsberg", received),
        "made anew": lambda: _made_anew(HANDOVER),
        "unpickled, then asked": lambda: pickle.loads(stored).members_on(DAY),
        "unpickled, then settled": lambda: settle(
            pickle.loads(stored), 2026, presets.example_cost_plans()[2026]
        ),
    }


AGREEMENT_CALLS: Final = _agreement_calls()


@pytest.mark.parametrize("call", list(AGREEMENT_CALLS))
def test_the_agreement_passes_what_it_looked_up_down_and_is_never_called_back(call: str) -> None:
    with traced(PACKAGE_LAYERS) as trace:
        AGREEMENT_CALLS[call]()
    assert back_up(trace) == []


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_any_agreement_answers_about_its_members_without_being_called_back(
    data: st.DataObject,
) -> None:
    agreement = data.draw(kst.agreements(with_notices=None, notice_terms=ANY_TERMS))
    day = data.draw(st.dates(agreement.start, agreement.start + dt.timedelta(days=4 * 366)))
    with traced(PACKAGE_LAYERS) as trace:
        for party in agreement.parties:
            agreement.termination_of(party.name)
            agreement.is_member(party.ags, day)
        for region in agreement.regions:
            agreement.members_on(day, region=region.name)
            agreement.employer_on(region.name, day)
            agreement.employer_of(region, day.year)
        # Refused where a population count is missing or the case is undecided.
        with contextlib.suppress(KimCooperationError):
            agreement.post_shares(day)
    assert back_up(trace) == []


def test_the_check_sees_a_call_back() -> None:
    """The check fails where a rule below looks a region up in the agreement: it can fail."""
    with traced(PACKAGE_LAYERS) as trace:
        roll.members_on(HANDOVER, DAY, region="Ost")  # the public rule looks "Ost" up
    assert back_up(trace) == ["roll.members_on -> agreement.Agreement.region"]


def _ended(agreement: Agreement, received: dt.date) -> Agreement:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a day of receipt on a closed day: not the point here
        return agreement.give_notices(dict.fromkeys(agreement.parties, received))


def _calls_from_above() -> dict[str, Callable[[], object]]:
    coesfeld = presets.coesfeld()
    ended = _ended(coesfeld, dt.date(2024, 6, 30))
    example_ended = _ended(presets.example(), dt.date(2025, 9, 30))  # ends on 31 March 2026
    plan = presets.coesfeld_cost_plan_2023()
    return {
        "project, over the end within a year": lambda: project(
            example_ended, [2025, 2026, 2027], presets.example_cost_plans()[2025]
        ),
        "estimate_wind_down": lambda: estimate_wind_down(ended, 2026, plan),
        "wind_down": lambda: wind_down(
            ended, dt.date(2025, 12, 31), {"Mitte": CostStatement(personnel=68000)}
        ),
        "AgreementFile": lambda: AgreementFile(agreement=coesfeld, cost_plans={2024: plan}),
    }


CALLS_FROM_ABOVE: Final = _calls_from_above()


@pytest.mark.parametrize("call", list(CALLS_FROM_ABOVE))
def test_cost_plans_resolved_above_the_agreement_make_no_rule_call_back(call: str) -> None:
    with traced(PACKAGE_LAYERS) as trace:
        CALLS_FROM_ABOVE[call]()
    assert not [trip for trip in back_up(trace) if trip.startswith("costs.")]
    assert not back_up(trace)
