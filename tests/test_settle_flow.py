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

The calls are seen through `sys.setprofile`, by the code objects of the
functions, so the counts do not depend on how a module imports a function.
A run of a computation is a call into one of its functions that is not made
from within another run of the same computation. ``bench/trace_settle.py``
reports the same figures for the lead.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import pickle
import sys
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import CodeType, FrameType, ModuleType
from typing import Final

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kim_cooperation
import kim_cooperation.strategies as kst
from kim_cooperation import (
    Agreement,
    CostStatement,
    KimCooperationError,
    Region,
    funding,
    keys,
    membership,
    presets,
    roll,
    settle,
    spans,
)
from kim_cooperation import agreement as agreement_module
from kim_cooperation import settlement as settlement_module
from kim_cooperation.files import AgreementFile
from kim_cooperation.policy import Policies
from kim_cooperation.projection import estimate_wind_down, project
from kim_cooperation.winddown import wind_down
from strategies import ANY_TERMS, settled_years


def _codes(*functions: tuple[ModuleType, Iterable[str]]) -> frozenset[CodeType]:
    """The code objects of the functions named, those a module does not (or no longer) have left out.

    A function renamed away would make a computation's runs vanish; the
    tests then fail on the "exactly once" checks, not silently pass.
    """
    found = set()
    for module, names in functions:
        for name in names:
            function = getattr(module, name, None)
            if function is not None:
                found.add(function.__code__)
    return frozenset(found)


MEMBERSHIP: Final = _codes(
    (membership, ("_region_year", "cost_shares", "members_for_year", "post_shares")),
    (
        spans,
        (
            "year_window",
            "settled_year",
            "_settled_year",
            "year_spans",
            "year_shares",
            "day_shares",
            "bearer_shares",
        ),
    ),
    (
        roll,
        (
            "agreement_end",
            "employer_on",
            "_employer_on",
            "employer_for_year",
            "members_on",
            "is_member",
            "termination_of",
        ),
    ),
    (keys, ("key_weights", "key_integers", "reference_day", "_reference_day", "population_of")),
)
"""Who bears what for which span, and who employs (C3, C4, C11, C12, I9, I10)."""

FUNDING: Final = _codes(
    (funding, ("region_funding", "_month_rates", "_funding_in_twelfths", "_funding_by_days"))
)
"""The funding of a region's posts, and the months' rates (C5, C6, I7)."""


def _files(module: ModuleType) -> frozenset[str]:
    """The source files of a module, every file of it if it is a package."""
    path = Path(module.__file__ or "")
    if path.name == "__init__.py":
        return frozenset(str(file) for file in path.parent.rglob("*.py"))
    return frozenset({str(path)})


PACKAGE_DIR: Final = Path(kim_cooperation.__file__ or "").parent
ABOVE: Final = {"agreement": _files(agreement_module), "settlement": _files(settlement_module)}
"""The modules the rules below must not call back into, by name."""


def _files_of(*names: str) -> frozenset[str]:
    return frozenset().union(
        *(_files(importlib.import_module(f"kim_cooperation.{name}")) for name in names)
    )


_BASE: Final = (
    *("_catalogue", "errors", "_checks", "clauses", "i18n", "money", "formatting", "parsing"),
    *("policy", "party", "post", "_confusables", "_table"),
)
_RULES_BELOW: Final = (
    *("split", "keys", "funding", "closed_days", "notice", "region", "costs", "roll", "spans"),
    "membership",
)
BELOW: Final = {
    "agreement": _files_of(*_BASE, *_RULES_BELOW),
    # The settlement's views are below it too: it imports them.
    "settlement": _files_of(*_BASE, *_RULES_BELOW, "agreement", "_plain"),
}
"""For each module of `ABOVE`, the files of the modules below it (issue 14's layers, in
order): a call from one of them into it climbs back up. Calls from the module itself and
from the modules above it (the projection, the wind-down, the files) come down."""

_COMPREHENSIONS: Final = frozenset({"<genexpr>", "<listcomp>", "<dictcomp>", "<setcomp>"})
"""Comprehensions and generator expressions are part of the function that writes them: a
generator the agreement hands down and a rule below iterates is not a call back."""


@dataclass
class Calls:
    """The runs of each computation seen while tracing, and the calls back up."""

    # (computation, region name or "" for what is computed once a year) -> runs
    runs: Counter[tuple[str, str]] = field(default_factory=Counter)
    back_up: list[str] = field(default_factory=list)
    _open: dict[FrameType, str] = field(default_factory=dict)

    def profile(self, frame: FrameType, event: str, _arg: object) -> None:
        if event == "return":
            self._open.pop(frame, None)
        elif event == "call":
            code = frame.f_code
            if code.co_name not in _COMPREHENSIONS:
                self._check_caller(frame)
            computation = (
                "membership" if code in MEMBERSHIP else "funding" if code in FUNDING else None
            )
            if computation is not None and not self._inside(frame, computation):
                self._open[frame] = computation
                self.runs[(computation, self._region(frame))] += 1

    def _inside(self, frame: FrameType, computation: str) -> bool:
        back = frame.f_back
        while back is not None:
            if self._open.get(back) == computation:
                return True
            back = back.f_back
        return False

    @staticmethod
    def _region(frame: FrameType) -> str:
        """The region a run is for: its ``region`` argument, or the one being settled around it."""
        found: FrameType | None = frame
        while found is not None:
            region = found.f_locals.get("region")
            if isinstance(region, Region):
                return region.name
            if found is frame and isinstance(region, str):
                return region
            found = found.f_back
        return ""

    def _check_caller(self, frame: FrameType) -> None:
        """Record a call into the agreement or the settlement made by a module below it."""
        callee = next(
            (name for name, files in ABOVE.items() if frame.f_code.co_filename in files), None
        )
        if callee is None:
            return
        back = frame.f_back
        # Past code outside the package (attrs, functools) to the caller in it.
        while back is not None and PACKAGE_DIR not in Path(back.f_code.co_filename).parents:
            back = back.f_back
        if back is None:
            return  # called from outside the package: the test calling settle
        caller = back.f_code.co_filename
        if caller not in BELOW[callee]:
            return  # from the module itself, or from above it
        self.back_up.append(
            f"{Path(caller).stem}.{back.f_code.co_qualname} -> {callee}.{frame.f_code.co_qualname}"
        )


@contextmanager
def traced() -> Iterator[Calls]:
    calls = Calls()
    sys.setprofile(calls.profile)
    try:
        yield calls
    finally:
        sys.setprofile(None)


def settled_in(calls: Calls, regions: Iterable[str]) -> None:
    """Check that ``calls`` computed each of ``regions``' year once, and the yearly figures once."""
    for computation in ("membership", "funding"):
        per_region = {
            region: count
            for (name, region), count in calls.runs.items()
            if name == computation and region
        }
        assert per_region == dict.fromkeys(regions, 1), (computation, calls.runs)
        yearly = sum(
            count
            for (name, region), count in calls.runs.items()
            if name == computation and not region
        )
        assert yearly <= 1, (computation, calls.runs)


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
    with traced() as calls:
        settled = settle(agreement, year, plan)
    settled_in(calls, [region.region.name for region in settled.regions])


@pytest.mark.parametrize("case", list(CASES))
def test_the_rules_never_call_back_into_the_agreement_or_the_settlement(case: str) -> None:
    agreement, year, plan = CASES[case]
    with traced() as calls:
        settle(agreement, year, plan)
    assert calls.back_up == []


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_any_settlement_computes_each_region_year_once(data: st.DataObject) -> None:
    agreement = data.draw(kst.agreements(with_notices=None, notice_terms=ANY_TERMS))
    year = data.draw(settled_years(agreement))
    plan = data.draw(kst.cost_plans(agreement, all_regions=False))
    with traced() as calls:
        try:
            settled = settle(agreement, year, plan).regions
        except KimCooperationError:
            settled = ()  # refused (a missing population count, an undecided case)
    assert calls.back_up == []
    if settled:
        settled_in(calls, [region.region.name for region in settled])
    else:
        assert all(count == 1 for (_, region), count in calls.runs.items() if region)


def test_the_count_sees_a_second_computation() -> None:
    """The check fails where a region's membership is computed twice: it can fail."""
    agreement, year, plan = CASES["coesfeld 2023, council plan"]
    with traced() as calls:
        settle(agreement, year, plan)
        agreement.employer_of("Nord", year)  # the employer computed once more
    with pytest.raises(AssertionError):
        settled_in(calls, ["Nord"])


# --------------------------------------------------------------------------- around the settlement


def _handover() -> Agreement:
    """`_example_2026`, with West's employer Haselstein leaving and Immental taking over (C3, I8)."""
    return _example_2026().give_notice("Haselstein", dt.date(2025, 9, 30), successor="Immental")


HANDOVER: Final = _handover()
DAY: Final = dt.date(2026, 5, 1)


def _made_anew(agreement: Agreement) -> Agreement:
    """``agreement`` made again from its fields: the constructor's path."""
    return Agreement(
        name=agreement.name,
        parties=agreement.parties,
        regions=agreement.regions,
        funding=agreement.funding,
        start=agreement.start,
        notice_terms=agreement.notice_terms,
        notices=agreement.notices,
        policies=agreement.policies,
        population=agreement.population,
    )


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
    with traced() as calls:
        AGREEMENT_CALLS[call]()
    assert calls.back_up == []


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_any_agreement_answers_about_its_members_without_being_called_back(
    data: st.DataObject,
) -> None:
    agreement = data.draw(kst.agreements(with_notices=None, notice_terms=ANY_TERMS))
    day = data.draw(st.dates(agreement.start, agreement.start + dt.timedelta(days=4 * 366)))
    with traced() as calls:
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
    assert calls.back_up == []


def test_the_check_sees_a_call_back() -> None:
    """The check fails where a rule below looks a region up in the agreement: it can fail."""
    with traced() as calls:
        roll.members_on(HANDOVER, DAY, region="Ost")  # the public rule looks "Ost" up
    assert calls.back_up == ["roll.members_on -> agreement.Agreement.region"]


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
    with traced() as calls:
        CALLS_FROM_ABOVE[call]()
    assert not [trip for trip in calls.back_up if trip.startswith("costs.")]
    assert not calls.back_up
