"""A settle call flows downwards (issue 14): each region's year is computed once, nothing calls back up.

Per region and year `settle` computes the membership (who bears what for
which span, the employer that bills, the population reference day: C3, C4,
C11, C12, I9, I10) once and the funding (C5, C6, I7) once; what is the same
for every region (the days the agreement runs in the year, the months'
funding rates) once a year. The rules it calls never call back into
`kim_cooperation.agreement` or `kim_cooperation.settlement`.

The calls are seen through `sys.setprofile`, by the code objects of the
functions, so the counts do not depend on how a module imports a function.
A run of a computation is a call into one of its functions that is not made
from within another run of the same computation. ``bench/trace_settle.py``
reports the same figures for the lead.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
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
from kim_cooperation.policy import Policies
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
            self._check_caller(frame)
            code = frame.f_code
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
        """Record a call into the agreement or the settlement made by a module below them."""
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
        # The settlement calls down into the agreement; each calls itself.
        if caller in ABOVE["settlement"] or caller in ABOVE[callee]:
            return
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
