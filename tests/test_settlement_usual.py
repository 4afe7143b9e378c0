"""The usual region-year settled on integers gives what the general path gives (issue 17).

`settle` settles a usual region-year (every member all year, funding in
twelfths, equal parts) on integers (`kim_cooperation.settlement._usual`)
and leaves the funding post by post, the spans and the billing lines to be
derived when first read. These tests settle the same years by the general
path alone (`_settle_region` for every region) and check that both give
equal settlements, field by field, with the same ``repr``, hash and pickled
bytes, and that the derived fields are derived once and kept.
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from decimal import Decimal

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import kim_cooperation.strategies as kst
from kim_cooperation import (
    Agreement,
    CostStatement,
    FundingSchedule,
    NoticeTerms,
    Settlement,
    presets,
    settle,
)
from kim_cooperation._checks import builder
from kim_cooperation.agreement._costs import costs_by_region
from kim_cooperation.funding import _month_rates, _month_sums, _summed_month_rates
from kim_cooperation.keys import KeyKind
from kim_cooperation.settlement import RegionSettlement, _settle_region
from kim_cooperation.settlement._funding import _year_rates
from kim_cooperation.spans import year_window

FIELDS = (
    "region",
    "year",
    "costs",
    "funding",
    "own_share",
    "surplus",
    "split",
    "billing",
    "employer",
    "key",
    "reference_day",
    "spans",
)
"""Every field of `RegionSettlement`, in its order."""

DERIVED = ("funding", "spans", "billing")
"""The fields a usual region-year derives when first read."""


def _general(agreement: Agreement, year: int, costs: dict[str, CostStatement]) -> Settlement:
    """``settle`` by the general path alone: every region as `_settle_region` settles it."""
    window = year_window(agreement, year)
    rates = _year_rates(agreement, year, window)
    regions = tuple(
        _settle_region(agreement, region, year, statement, window=window, rates=rates)
        for region, statement in costs_by_region(agreement, costs).items()
    )
    return builder(Settlement)(agreement=agreement, year=year, regions=regions)


def _waiting(settled: RegionSettlement) -> list[str]:
    """The fields of ``settled`` not derived yet (their slots unset)."""
    waiting = []
    for name in DERIVED:
        try:
            object.__getattribute__(settled, name)
        except AttributeError:
            waiting.append(name)
    return waiting


def _assert_same(usual: Settlement, general: Settlement) -> None:
    for mine, theirs in zip(usual.regions, general.regions, strict=True):
        for name in FIELDS:
            assert getattr(mine, name) == getattr(theirs, name), name
        assert repr(mine) == repr(theirs)
        assert hash(mine) == hash(theirs)
    assert usual == general
    assert pickle.dumps(usual, protocol=4) == pickle.dumps(general, protocol=4)


@settings(max_examples=150, deadline=None)
@given(
    st.data(),
    kst.agreements(with_notices=None, notice_terms=kst.notice_terms(), policies=kst.policies()),
)
def test_the_usual_path_settles_as_the_general_path(
    data: st.DataObject, agreement: Agreement
) -> None:
    year = data.draw(kst.settlement_years(agreement))
    costs = data.draw(kst.cost_plans(agreement, all_regions=False))
    usual = settle(agreement, year, costs)
    _assert_same(usual, _general(agreement, year, costs))


@settings(max_examples=100, deadline=None)
@given(
    st.data(),
    kst.agreements(with_notices=True, notice_terms=kst.notice_terms(), key_kinds=["equal"]),
)
def test_with_towns_leaving_the_usual_path_settles_as_the_general_path(
    data: st.DataObject, agreement: Agreement
) -> None:
    # Equal keys and notices under every period end: towns leave before, within and after
    # the years settled, so all three ways (usual, usual with towns gone, general) are taken.
    year = data.draw(kst.settlement_years(agreement))
    costs = data.draw(kst.cost_plans(agreement, all_regions=False))
    _assert_same(settle(agreement, year, costs), _general(agreement, year, costs))


@settings(max_examples=60, deadline=None)
@given(
    st.data(),
    kst.agreements(with_notices=False, key_kinds=["equal"]),
    st.sampled_from(DERIVED),
)
def test_a_field_read_first_is_derived_alone_and_kept(
    data: st.DataObject, agreement: Agreement, first: str
) -> None:
    # Equal keys and no notices: under twelfths every region-year is usual.
    assume_twelfths = agreement.policies.part_year_funding.value == "twelfths"
    year = data.draw(kst.settlement_years(agreement))
    costs = data.draw(kst.cost_plans(agreement))
    settled = settle(agreement, year, costs)
    general = _general(agreement, year, costs)
    for region, expected in zip(settled.regions, general.regions, strict=True):
        if assume_twelfths and agreement.policies.withdrawal_scope.value != "agreement":
            assert set(_waiting(region)) == set(DERIVED)
        value = getattr(region, first)
        assert value == getattr(expected, first)
        assert getattr(region, first) is value  # kept, not derived again
        if first != "billing":
            # Billing reads the spans; the others stand alone.
            assert first not in _waiting(region)
            assert set(_waiting(region)) <= set(DERIVED) - {first}


def test_the_council_paper_years_take_the_usual_path() -> None:
    agreement = presets.coesfeld()
    settlement = settle(agreement, 2023, presets.coesfeld_planning_costs_2023())
    assert all(_waiting(region) == list(DERIVED) for region in settlement.regions)
    _assert_same(
        settlement, _general(agreement, 2023, dict(presets.coesfeld_planning_costs_2023()))
    )


@pytest.mark.parametrize(
    ("terms", "notice_day", "year", "usual"),
    [
        # Coesfeld's terms: notice on 30 June 2024 ends on 31 December 2025 (C11), so the
        # members change between years, never within one: every year is usual.
        (None, dt.date(2024, 6, 30), 2025, True),
        (None, dt.date(2024, 6, 30), 2026, True),
        (None, dt.date(2024, 7, 1), 2026, True),
        # Three months to a quarter's end: notice on 15 February 2026 ends on 30 June 2026.
        ("quarter", dt.date(2026, 2, 15), 2025, True),
        ("quarter", dt.date(2026, 2, 15), 2026, False),  # Rosendahl leaves within it (I10)
        ("quarter", dt.date(2026, 2, 15), 2027, True),
    ],
)
def test_only_a_year_in_which_a_member_leaves_goes_the_general_path(
    terms: str | None, notice_day: dt.date, year: int, usual: bool
) -> None:
    agreement = presets.coesfeld()
    if terms is not None:
        agreement = attrs.evolve(agreement, notice_terms=NoticeTerms(months=3, period_end=terms))
    agreement = agreement.give_notice("Rosendahl", notice_day)
    plan = dict(presets.coesfeld_planning_costs_2023())
    settlement = settle(agreement, year, plan)
    nord, mitte, sued = settlement.regions
    assert (_waiting(nord) == list(DERIVED)) is usual
    assert _waiting(mitte) == _waiting(sued) == list(DERIVED)
    _assert_same(settlement, _general(agreement, year, plan))
    ends = agreement.termination_of("Rosendahl")
    assert ends is not None
    if ends.year < year:
        assert "Rosendahl" not in {party.name for party in nord.split}
        assert nord.split.clause.value == "C12"


def test_lost_funding_mid_year_and_all_year_settle_as_the_general_path() -> None:
    base = presets.coesfeld()
    plan = dict(presets.coesfeld_planning_costs_2023())
    for ends in (dt.date(2024, 7, 1), dt.date(2024, 1, 1), dt.date(2023, 1, 1)):
        agreement = base.with_funding(base.funding.without_funding_from(ends, source="test"))
        for year in (2023, 2024, 2025):
            settlement = settle(agreement, year, plan)
            _assert_same(settlement, _general(agreement, year, plan))
    lost = base.with_funding(base.funding.without_funding_from(dt.date(2023, 1, 1), source="x"))
    nord = settle(lost, 2024, plan).region("Nord")
    assert nord.funding.lost
    assert nord.own_share == nord.costs.total == Decimal("170000.00")


def test_copies_and_pickles_of_a_usual_settlement_hold_every_field() -> None:
    settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_planning_costs_2023())
    for made in (
        copy.copy(settlement.regions[0]),
        copy.deepcopy(settlement.regions[0]),
        pickle.loads(pickle.dumps(settlement)).regions[0],
    ):
        assert _waiting(made) == []
        assert made == settlement.regions[0]


def test_an_unknown_attribute_is_still_an_attribute_error() -> None:
    settled = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023()).regions[0]
    with pytest.raises(AttributeError, match="no attribute 'fundings'"):
        settled.fundings  # type: ignore[attr-defined]  # noqa: B018
    assert not hasattr(settled, "_missing")


def test_a_keyed_region_is_usual_while_nobody_has_left_it() -> None:
    # The example agreement: Nord by population, Ost by fixed weights, West in equal parts;
    # quarter terms, so towns leave within a year.
    agreement = presets.example()
    assert {region.split_key.kind for region in agreement.regions} == set(KeyKind)
    taken = {True: 0, False: 0}
    for year, plan in presets.example_cost_plans().items():
        received = dt.date(year - 1, 9, 30)  # six months to a quarter's end: 31 March
        for leaving in ((), ("Lindenhöhe", "Fuchsberg")):
            if leaving and received < agreement.start:
                continue
            varied = agreement
            for town in leaving:
                varied = varied.give_notice(town, received)
            settlement = settle(varied, year, plan)
            for region in settlement.regions:
                usual = _waiting(region) == list(DERIVED)
                changed = any(
                    (ends := varied.termination_of(party)) is not None and ends.year == year
                    for party in region.region.members
                )
                assert usual is not changed
                taken[usual] += 1
                if usual and region.region.split_key.kind is KeyKind.POPULATION:
                    assert region.reference_day == dt.date(year - 1, 12, 31)
            _assert_same(settlement, _general(varied, year, dict(plan)))
    assert taken[True]
    assert taken[False]


@settings(max_examples=200, deadline=None)
@given(
    kst.funding_schedules(
        min_date=dt.date(2020, 1, 1), max_date=dt.date(2030, 12, 31), starts_by=dt.date(2020, 1, 1)
    ),
    st.integers(min_value=2020, max_value=2031),
    st.integers(min_value=0, max_value=11),
    st.integers(min_value=0, max_value=11),
)
def test_the_running_sums_of_a_year_are_those_of_its_months(
    schedule: FundingSchedule, year: int, late: int, early: int
) -> None:
    # A window from the first of a month to the end of a month, or the whole year, for
    # which the sums take the short way (every month funded).
    first = dt.date(year, 1 + late, 1)
    last = dt.date(year, 12 - early, 1) + dt.timedelta(days=40)
    last = last.replace(day=1) - dt.timedelta(days=1)
    assume(first <= last)
    rates, sums = _summed_month_rates(schedule, year, first, last)
    assert rates == _month_rates(schedule, year, first, last)
    assert sums == _month_sums(rates)
    funded = [month for month in range(1, 13) if month in rates]
    for start in range(1, 14):
        for stop in range(start, 14):
            months = [month for month in funded if start <= month < stop]
            assert sums.cents[stop] - sums.cents[start] == sum(rates[m][1] for m in months)
            assert sums.months[stop] - sums.months[start] == len(months)
