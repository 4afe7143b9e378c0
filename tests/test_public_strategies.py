"""Tests of the public Hypothesis strategies (`kim_cooperation.strategies`).

Every strategy must give valid library objects of the right type: each value
is rebuilt with `attrs.evolve`, which runs the constructors' checks again.
Drawn agreements are settled for a drawn year with drawn costs and, after
full termination, wound down, so the notices they carry are ones the library
accepts. The entry point, the hint when Hypothesis is missing and the
promise that ``import kim_cooperation`` does not import Hypothesis are
checked in fresh interpreters.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, TypeVar

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument, NoSuchExample

import kim_cooperation.strategies as kst
from kim_cooperation import (
    Agreement,
    CostStatement,
    FundingRate,
    FundingSchedule,
    NoticeTerms,
    Party,
    PeriodEnd,
    Policies,
    Post,
    Region,
    presets,
    run_on_period,
    settle,
    termination_date,
    wind_down,
)
from kim_cooperation.clauses import Clause
from kim_cooperation.keys import KeyKind, PopulationCount, SplitKey, key_weights
from kim_cooperation.money import to_money
from kim_cooperation.party import fold_name, validate_ags
from kim_cooperation.policy import (
    PartYearFunding,
    PopulationReference,
    ShareBasis,
    SpanWeighting,
    WindDownScope,
    WithdrawalScope,
)
from kim_cooperation.spans import year_spans

FEW: Final = settings(max_examples=25)
"""Enough examples to meet every branch of a strategy, few enough to keep the suite fast."""

ENTRY_POINT: Final = "kim_cooperation.strategies:_hypothesis_setup_hook"

T = TypeVar("T")


def first(strategy: st.SearchStrategy[T], condition: Callable[[T], object]) -> T:
    """The first drawn example that meets ``condition``, not shrunk (shrinking agreements is slow)."""
    unshrunk = settings(max_examples=1000, phases=[Phase.generate], database=None)
    return find(strategy, lambda value: bool(condition(value)), settings=unshrunk)


def rebuilt(value: Any) -> Any:
    """Build an attrs value again through its constructor, so every check runs once more."""
    return attrs.evolve(value)


def run_python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter (warnings are errors) and return the result."""
    return subprocess.run(
        [sys.executable, "-W", "error", "-c", textwrap.dedent(code)],
        capture_output=True,
        check=False,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **env},
        timeout=120,
    )


def check_agreement_shape(agreement: Agreement) -> None:
    """The invariants of the Coesfeld shape, checked from the outside."""
    assert rebuilt(agreement) == agreement
    assert len({party.ags for party in agreement.parties}) == len(agreement.parties)
    forms = [form for party in agreement.parties for form in fold_name(party.name)]
    assert len(forms) == len(set(forms)), "two party names can be confused"
    members = [member for region in agreement.regions for member in region.members]
    assert sorted(members) == list(agreement.parties), "each party in exactly one region"
    assert len(agreement.regions) >= min(2, len(agreement.parties))
    for region in agreement.regions:
        assert region.employer in region.members
        assert 1 <= len(region.posts) <= 3
    labels = [post.label for post in agreement.posts]
    assert len(labels) == len(set(labels))
    assert agreement.funding.starts <= agreement.start


# --- money, keys, names ------------------------------------------------------------------


@FEW
@given(kst.money(min_value=Decimal("-12.34"), max_value=1000))
def test_money_is_exact_to_the_cent_within_bounds(amount: Decimal) -> None:
    assert isinstance(amount, Decimal)
    assert amount.as_tuple().exponent == -2
    assert to_money(amount) == amount
    assert Decimal("-12.34") <= amount <= 1000


@FEW
@given(kst.money())
def test_money_by_default_spans_the_library_range(amount: Decimal) -> None:
    assert to_money(amount) == amount


def test_money_reaches_its_bounds() -> None:
    assert find(kst.money(min_value=5, max_value=6), lambda amount: amount > 5) == Decimal("5.01")
    assert find(kst.money(), lambda amount: amount < 0) == Decimal("-0.01")


@FEW
@given(kst.ags_codes())
def test_ags_codes_are_valid(ags: str) -> None:
    assert validate_ags(ags) == ags


@pytest.mark.parametrize("prefix", ["", "0", "1", "05", "05558", "0555801", "05558012"])
def test_ags_codes_keep_their_prefix(prefix: str) -> None:
    @FEW
    @given(kst.ags_codes(prefix=prefix))
    def check(ags: str) -> None:
        assert validate_ags(ags) == ags
        assert ags.startswith(prefix)

    check()


@FEW
@given(kst.party_names())
def test_party_names_are_labels_without_digits(name: str) -> None:
    assert name == name.strip() != ""
    assert not any(char.isdigit() for char in name)
    assert Party(name=name, kind="Gemeinde", ags="05558004").name == name


@FEW
@given(kst.parties())
def test_parties_are_valid(party: Party) -> None:
    assert isinstance(party, Party)
    assert rebuilt(party) == party


@FEW
@given(kst.distinct_parties(min_size=2, max_size=6))
def test_distinct_parties_can_share_one_agreement(towns: list[Party]) -> None:
    assert 2 <= len(towns) <= 6
    assert len({town.ags for town in towns}) == len(towns)
    for town in towns:
        assert [other for other in towns if other.matches(town.name)] == [town]
    region = Region(name="Alle", employer=towns[0], members=towns, posts=[Post(label="A", fte=1)])
    schedule = FundingSchedule(
        rates=[FundingRate(valid_from=dt.date(2023, 1, 1), amount=55_000, source="test")]
    )
    Agreement(
        name="Test", parties=towns, regions=[region], funding=schedule, start=dt.date(2023, 1, 1)
    )


def test_distinct_parties_tell_apart_names_that_fold_alike() -> None:
    # Drawing the same name twice is likely with many parties; the second is renamed.
    towns = first(
        kst.distinct_parties(min_size=2, max_size=2),
        lambda towns: towns[1].name.endswith(" 2"),
    )
    assert not fold_name(towns[0].name) & fold_name(towns[1].name)


# --- posts, regions, funding, costs ------------------------------------------------------


@FEW
@given(kst.posts())
def test_posts_are_valid(post: Post) -> None:
    assert rebuilt(post) == post
    assert isinstance(post.fte, Fraction)
    assert 0 < post.fte <= 1
    if post.employment_start is not None and post.employment_end is not None:
        assert post.employment_start <= post.employment_end


@FEW
@given(kst.posts(labels=st.just("Stelle"), with_employment_dates=False))
def test_posts_with_given_labels_and_no_dates(post: Post) -> None:
    assert post.label == "Stelle"
    assert post.employment_start is None
    assert post.employment_end is None


@FEW
@given(kst.regions(min_members=2, max_members=4, max_posts=2))
def test_regions_are_valid(region: Region) -> None:
    assert rebuilt(region) == region
    assert 2 <= len(region.members) <= 4
    assert 1 <= len(region.posts) <= 2
    assert region.employer in region.members
    assert len({post.label for post in region.posts}) == len(region.posts)


@FEW
@given(kst.funding_rates(min_date=dt.date(2023, 1, 1), max_date=dt.date(2023, 12, 31)))
def test_funding_rates_are_valid(rate: FundingRate) -> None:
    assert rebuilt(rate) == rate
    assert dt.date(2023, 1, 1) <= rate.valid_from <= dt.date(2023, 12, 31)
    assert 0 <= rate.amount <= 100_000
    assert (rate.clause is Clause.C10) == (rate.amount == 0)


@FEW
@given(kst.funding_schedules(starts_by=dt.date(2023, 1, 1), max_rates=4))
def test_funding_schedules_cover_the_start(schedule: FundingSchedule) -> None:
    assert rebuilt(schedule) == schedule
    assert schedule.starts <= dt.date(2023, 1, 1)
    assert 1 <= len(schedule.rates) <= 4
    assert schedule.rate_on(dt.date(2023, 1, 1)) in schedule.rates
    for earlier, later in zip(schedule.rates, schedule.rates[1:], strict=False):
        if later.amount > earlier.amount:
            assert later.clause is Clause.C6


@FEW
@given(kst.funding_schedules(min_date=dt.date(2023, 1, 1), max_date=dt.date(2023, 1, 1)))
def test_funding_schedules_on_a_single_day(schedule: FundingSchedule) -> None:
    assert [rate.valid_from for rate in schedule.rates] == [dt.date(2023, 1, 1)]


@FEW
@given(kst.funding_schedules(max_rates=1))
def test_funding_schedules_with_one_rate(schedule: FundingSchedule) -> None:
    assert len(schedule.rates) == 1


def test_funding_schedules_draw_increases_and_loss_of_funding() -> None:
    schedules = kst.funding_schedules(max_rates=3)
    clauses = {Clause.C6, Clause.C10}
    found = find(schedules, lambda s: clauses <= {rate.clause for rate in s.rates})
    assert 2 <= len(found.rates) <= 3


@FEW
@given(kst.cost_statements(max_value=Decimal("1000.50")))
def test_cost_statements_are_valid(costs: CostStatement) -> None:
    assert rebuilt(costs) == costs
    assert all(Decimal(0) <= amount <= Decimal("1000.50") for _, amount in costs.items())
    assert costs.total == sum((amount for _, amount in costs.items()), Decimal(0))


@FEW
@given(kst.notice_terms(min_months=3, max_months=24, period_ends=[PeriodEnd.QUARTER]))
def test_notice_terms_within_bounds(terms: NoticeTerms) -> None:
    assert rebuilt(terms) == terms
    assert 3 <= terms.months <= 24
    assert terms.period_end is PeriodEnd.QUARTER


@FEW
@given(kst.dates_near_year_end(min_value=dt.date(2024, 6, 29), max_value=dt.date(2024, 7, 2)))
def test_dates_near_year_end_stay_within_bounds(day: dt.date) -> None:
    assert dt.date(2024, 6, 29) <= day <= dt.date(2024, 7, 2)


@pytest.mark.parametrize(
    ("low", "high"),
    [
        (dt.date(9999, 12, 25), dt.date(9999, 12, 31)),
        (dt.date(1, 1, 1), dt.date(1, 1, 3)),
        (dt.date(2024, 7, 15), dt.date(2024, 8, 15)),
    ],
)
def test_dates_near_year_end_at_the_edges_of_the_calendar(low: dt.date, high: dt.date) -> None:
    @FEW
    @given(kst.dates_near_year_end(min_value=low, max_value=high))
    def check(day: dt.date) -> None:
        assert low <= day <= high

    check()


@pytest.mark.parametrize("month_day", [(6, 30), (7, 1), (12, 31), (1, 1)])
def test_dates_near_year_end_meet_the_deadline_boundaries(month_day: tuple[int, int]) -> None:
    days = kst.dates_near_year_end(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31))
    day = find(days, lambda day: (day.month, day.day) == month_day)
    assert (day.month, day.day) == month_day


@FEW
@given(kst.policies())
def test_policies_are_valid(policies: Policies) -> None:
    assert rebuilt(policies) == policies


POLICY_VALUES: Final = [("withdrawal_scope", value) for value in WithdrawalScope] + [
    (name, value)
    for name, kind in (
        ("part_year_funding", PartYearFunding),
        ("wind_down_scope", WindDownScope),
        ("population_reference", PopulationReference),
        ("span_weighting", SpanWeighting),
        ("withdrawal_split", ShareBasis),
        ("no_funding_split", ShareBasis),
        ("wind_down_split", ShareBasis),
    )
    for value in kind
]


@pytest.mark.parametrize(("name", "value"), POLICY_VALUES, ids=str)
def test_policies_draw_every_value_of_every_policy(name: str, value: str) -> None:
    found = first(kst.policies(), lambda policies: getattr(policies, name) == value)
    assert getattr(found, name) == value


def test_policies_never_pass_a_share_by_key_across_regions() -> None:
    # Policies refuses the combination; the strategy must never try it (I3, I11).
    @settings(max_examples=200)
    @given(kst.policies())
    def check(policies: Policies) -> None:
        if policies.withdrawal_scope is WithdrawalScope.AGREEMENT:
            assert policies.withdrawal_split is ShareBasis.EQUAL

    check()
    found = first(
        kst.policies(),
        lambda policies: (
            policies.withdrawal_split is ShareBasis.KEY
            and policies.no_funding_split is ShareBasis.KEY
            and policies.wind_down_split is ShareBasis.KEY
        ),
    )
    assert found.withdrawal_scope is WithdrawalScope.REGION


# --- split keys and population counts ----------------------------------------------------


@FEW
@given(kst.split_keys())
def test_split_keys_are_valid(key: SplitKey) -> None:
    assert rebuilt(key) == key
    if key.kind is KeyKind.WEIGHTS:
        assert 1 <= len(key.weights) <= 5
        assert all(isinstance(weight, Fraction) and weight >= 0 for weight in key.weights.values())
        assert any(key.weights.values())
    else:
        assert not key.weights


@pytest.mark.parametrize("kind", list(KeyKind), ids=str)
def test_split_keys_draw_every_kind(kind: KeyKind) -> None:
    assert first(kst.split_keys(), lambda key: key.kind is kind).kind is kind
    assert first(kst.split_keys(key_kinds=[kind.value]), lambda key: True).kind is kind


def test_split_keys_draw_zero_weights_and_every_written_form() -> None:
    nord = presets.coesfeld().region("Nord")
    weighted = kst.split_keys(nord.members, key_kinds=[KeyKind.WEIGHTS])
    zero = first(weighted, lambda key: 0 in key.weights.values())
    assert set(zero.weights) == set(nord.members)
    assert any(zero.weights.values())
    for denominator in (1, 2, 3, 4, 10, 100):

        def written_so(key: SplitKey, denominator: int = denominator) -> bool:
            return any(weight.denominator == denominator for weight in key.weights.values())

        assert first(weighted, written_so).kind is KeyKind.WEIGHTS


@FEW
@given(kst.split_keys(presets.coesfeld().region("Süd").members, key_kinds=["weights"]))
def test_split_keys_for_given_members_fit_their_region(key: SplitKey) -> None:
    region = presets.coesfeld().region("Süd")
    assert attrs.evolve(region, split_key=key).split_key == key


@FEW
@given(kst.regions(max_members=4))
def test_regions_with_a_key_are_valid(region: Region) -> None:
    assert rebuilt(region) == region
    if region.split_key.kind is KeyKind.WEIGHTS:
        assert set(region.split_key.weights) == set(region.members)


@pytest.mark.parametrize("kind", list(KeyKind), ids=str)
def test_regions_draw_every_kind_of_key(kind: KeyKind) -> None:
    assert (
        first(kst.regions(), lambda region: region.split_key.kind is kind).split_key.kind is kind
    )
    only = first(kst.regions(key_kinds=[kind]), lambda region: True)
    assert only.split_key.kind is kind


@FEW
@given(kst.population_counts(min_date=dt.date(2020, 1, 1), max_date=dt.date(2030, 12, 31)))
def test_population_counts_are_valid(count: PopulationCount) -> None:
    assert rebuilt(count) == count
    assert dt.date(2020, 1, 1) <= count.as_of <= dt.date(2030, 12, 31)
    assert 1 <= len(count.counts) <= 5
    assert all(type(number) is int and number >= 1 for number in count.counts.values())
    towns = list(count.counts)
    assert len({town.ags for town in towns}) == len(towns)


def test_population_counts_of_given_towns_mostly_at_a_year_or_half_year_end() -> None:
    mitte = presets.coesfeld().region("Mitte")
    counts = kst.population_counts(mitte.members)
    for month_day in ((12, 31), (6, 30)):

        def on(count: PopulationCount, month_day: tuple[int, int] = month_day) -> bool:
            return (count.as_of.month, count.as_of.day) == month_day

        assert list(first(counts, on).counts) == list(mitte.members)
    assert first(counts, lambda count: count.as_of.day not in (30, 31)).as_of.day < 30
    assert first(counts, lambda count: count.source is not None).source


# --- agreements --------------------------------------------------------------------------


@FEW
@given(kst.agreements(min_parties=1, max_parties=6))
def test_agreements_without_notices(agreement: Agreement) -> None:
    check_agreement_shape(agreement)
    assert 1 <= len(agreement.parties) <= 6
    assert agreement.notices == ()
    assert agreement.notice_terms == NoticeTerms()


@FEW
@given(kst.agreements(with_notices=True))
def test_agreements_with_notices_only_hold_accepted_notices(agreement: Agreement) -> None:
    check_agreement_shape(agreement)  # rebuilding checks the notices again
    assert agreement.notices
    assert all(notice.received >= agreement.start for notice in agreement.notices)
    ends = [agreement.termination_of(party) for party in agreement.parties]
    last_day = max(end for end in ends if end is not None)
    for region in agreement.regions:
        assert agreement.members_on(last_day, region=region), "a region left early"


def successors_of(agreement: Agreement) -> set[Party]:
    return {notice.successor for notice in agreement.notices if notice.successor is not None}


def test_agreements_with_notices_draw_each_accepted_kind() -> None:
    with_notices = kst.agreements(with_notices=True)
    # Full termination (C13), with an employer handing over to a town that stays longer.
    ended = first(with_notices, lambda agreement: agreement.ends and successors_of(agreement))
    assert ended.ends is not None
    # An employer leaving with a successor while the agreement goes on (C12, I8).
    handed_over = first(
        with_notices, lambda agreement: agreement.ends is None and successors_of(agreement)
    )
    assert handed_over.ends is None
    # A successor that leaves later and names its own successor.
    chained = first(
        with_notices,
        lambda agreement: any(
            notice.party in successors_of(agreement) and notice.successor
            for notice in agreement.notices
        ),
    )
    assert len(successors_of(chained)) >= 2
    # Only towns that employ nobody leave (the commonest case).
    towns_only = first(
        with_notices,
        lambda agreement: agreement.ends is None and not successors_of(agreement),
    )
    assert all(
        notice.party not in agreement_employers(towns_only) for notice in towns_only.notices
    )


def agreement_employers(agreement: Agreement) -> set[Party]:
    return set(agreement.employers)


@FEW
@given(kst.agreements(with_notices=None, notice_terms=kst.notice_terms(max_months=24)))
def test_agreements_with_other_notice_terms(agreement: Agreement) -> None:
    check_agreement_shape(agreement)
    assert agreement.notice_terms.months <= 24


@FEW
@given(st.data(), kst.agreements(with_notices=None))
def test_generated_agreements_settle_with_generated_plans(
    data: st.DataObject, agreement: Agreement
) -> None:
    year = data.draw(kst.settlement_years(agreement))
    plan = data.draw(kst.cost_plans(agreement, all_regions=data.draw(st.booleans())))
    assert plan
    assert all(isinstance(costs, CostStatement) for costs in plan.values())
    settlement = settle(agreement, year, plan)
    assert [region.region.name for region in settlement.regions] == list(plan)
    for region in settlement.regions:
        assert sum(region.split.values(), Decimal(0)) == region.own_share
        assert region.employer == agreement.employer_of(region.region, year)
        assert all(line.creditor == region.employer for line in region.billing)


@FEW
@given(st.data(), kst.agreements(with_notices=True))
def test_full_terminations_wind_down(data: st.DataObject, agreement: Agreement) -> None:
    ends = agreement.ends
    if ends is None:
        return
    plan = data.draw(kst.cost_plans(agreement))
    # Costs can only arise in regions with a post whose employment runs on (C13).
    for region in agreement.regions:
        periods = [run_on_period(ends, post.employment_end) for post in region.posts]
        if all(period.is_empty for period in periods):
            plan[region.name] = CostStatement()
    wound_down = wind_down(agreement, ends, plan)
    for run_on in wound_down.regions:
        assert sum(run_on.split.values(), Decimal(0)) == run_on.net


@FEW
@given(st.data(), kst.agreements(with_notices=True, notice_terms=kst.notice_terms()))
def test_settlement_years_are_settled_under_any_terms(
    data: st.DataObject, agreement: Agreement
) -> None:
    years = kst.settlement_years(agreement, max_years=4)
    year = data.draw(st.one_of(years, st.none()))
    if year is None:
        return
    settle(agreement, year, data.draw(kst.cost_plans(agreement)))


ANY_TERMS: Final = kst.notice_terms(max_months=24)
"""Every period end, with periods short enough that notices end within the drawn years."""


def last_year(agreement: Agreement, max_years: int = 10) -> int:
    ends = agreement.ends
    last = agreement.start.year + max_years - 1
    return last if ends is None else min(last, ends.year)


@FEW
@given(kst.agreements(with_notices=None, notice_terms=ANY_TERMS))
def test_agreements_with_keys_settle_every_year_under_every_reading(agreement: Agreement) -> None:
    """Counts cover every town in every year, and weights never leave the last towns at zero."""
    check_agreement_shape(agreement)
    for region in agreement.regions:
        key = region.split_key
        if key.kind is KeyKind.WEIGHTS:
            ends = [agreement.termination_of(member) for member in region.members]
            stay = [end is None for end in ends]
            latest = max((end for end in ends if end is not None), default=None)
            last = [
                member
                for member, end, stays in zip(region.members, ends, stay, strict=True)
                if stays or (not any(stay) and end == latest)
            ]
            assert any(key.weights[member] for member in last)
        for year in range(agreement.start.year, last_year(agreement) + 1):
            for reference in PopulationReference:
                reading = agreement.with_policies(
                    attrs.evolve(agreement.policies, population_reference=reference)
                )
                weights = key_weights(reading, region, year)
                assert all(weight >= 0 for weight in weights.values())
            spans = year_spans(agreement, region, year)
            assert sum(span.weight for span in spans) == 1


@pytest.mark.parametrize("kind", list(KeyKind), ids=str)
def test_agreements_draw_every_kind_of_key(kind: KeyKind) -> None:
    found = first(
        kst.agreements(),
        lambda agreement: any(r.split_key.kind is kind for r in agreement.regions),
    )
    assert bool(found.population) or kind is not KeyKind.POPULATION
    only = first(kst.agreements(key_kinds=[kind.value]), lambda agreement: True)
    assert {region.split_key.kind for region in only.regions} == {kind}


def test_agreements_of_the_coesfeld_key_hold_no_counts() -> None:
    @FEW
    @given(kst.agreements(with_notices=None, key_kinds=[KeyKind.EQUAL]))
    def check(agreement: Agreement) -> None:
        assert all(region.split_key == SplitKey.equal() for region in agreement.regions)
        assert agreement.population == ()

    check()


def test_agreements_draw_several_dated_counts_and_counts_of_towns_without_the_key() -> None:
    several = first(
        kst.agreements(key_kinds=["population"]),
        lambda agreement: (
            len(agreement.population) == 3
            and any(
                len(count.counts) < len(agreement.population[0].counts)
                for count in agreement.population
            )
        ),
    )
    days = [count.as_of for count in several.population]
    assert days == sorted(days)
    assert len(set(days)) == 3
    unneeded = first(
        kst.agreements(),
        lambda agreement: (
            agreement.population
            and all(
                region.split_key.kind is not KeyKind.POPULATION for region in agreement.regions
            )
        ),
    )
    assert unneeded.population[0].counts.keys() == set(unneeded.parties)


@pytest.mark.parametrize("period_end", [PeriodEnd.HALF_YEAR, PeriodEnd.QUARTER, PeriodEnd.MONTH])
def test_agreements_draw_changes_within_a_year(period_end: PeriodEnd) -> None:
    terms = kst.notice_terms(max_months=24, period_ends=[period_end])
    with_notices = kst.agreements(with_notices=True, notice_terms=terms)

    def within_a_year(agreement: Agreement) -> bool:
        return any(
            (end := agreement.termination_of(notice.party)) is not None
            and (end.month, end.day) != (12, 31)
            and (agreement.ends is None or end < agreement.ends)
            for notice in agreement.notices
        )

    agreement = first(with_notices, within_a_year)
    assert agreement.notice_terms.period_end is period_end
    # A successor employer taking over within a year (C3, I8, I10).
    handed_over = first(
        with_notices,
        lambda agreement: any(
            notice.successor is not None
            and (end := agreement.termination_of(notice.party)) is not None
            and (end.month, end.day) != (12, 31)
            for notice in agreement.notices
        ),
    )
    assert successors_of(handed_over)


@FEW
@given(st.data(), kst.agreements(with_notices=True, notice_terms=ANY_TERMS))
def test_years_with_changes_are_settled(data: st.DataObject, agreement: Agreement) -> None:
    year = data.draw(kst.settlement_years(agreement))
    assert agreement.start.year <= year <= last_year(agreement)
    settlement = settle(agreement, year, data.draw(kst.cost_plans(agreement)))
    for region in settlement.regions:
        assert sum(region.split.values(), Decimal(0)) == region.own_share
        employers = {span.employer for span in region.spans}
        assert all(line.creditor in employers for line in region.billing)


def test_settlement_years_leave_out_years_without_counts() -> None:
    # The example's counts start as of 31 December 2023: read with the counts of
    # 31 December two years before, 2024 and 2025 have none for region Nord (I9).
    agreement = presets.example().with_policies(
        Policies(population_reference="year-end-before-last")
    )
    years = kst.settlement_years(agreement, max_years=3)
    assert find(years, lambda year: True) == 2025
    assert find(years, lambda year: year != 2025) == 2026
    with pytest.raises(NoSuchExample):
        find(years, lambda year: year == 2024)


def test_settlement_years_leave_out_years_whose_share_cannot_pass_by_key() -> None:
    # Under withdrawal_split="key" the towns that remain take over by their weights;
    # if all weigh zero the case is undecided (I8, I11) and the year is left out.
    agreement = presets.example()
    ost = agreement.region("Ost")
    weights = dict.fromkeys(ost.members, 0)
    weights[agreement.party("Fuchsberg")] = 1
    undecided = (
        agreement.with_split_key("Ost", SplitKey.by_weights(weights))
        .with_policies(Policies(withdrawal_split="key"))
        .give_notice("Fuchsberg", dt.date(2025, 9, 30))
    )
    years = kst.settlement_years(undecided, max_years=4)
    assert find(years, lambda year: True) == 2024
    assert find(years, lambda year: year != 2024) == 2025
    with pytest.raises(NoSuchExample):
        find(years, lambda year: year >= 2026)


def test_settlement_years_stop_when_the_agreement_ends() -> None:
    agreement = first(
        kst.agreements(with_notices=True), lambda agreement: agreement.ends is not None
    )
    ends = agreement.ends
    assert ends is not None
    last = find(kst.settlement_years(agreement, max_years=50), lambda year: year >= ends.year)
    assert last == ends.year


# --- registration with Hypothesis --------------------------------------------------------

REGISTERED: Final[tuple[type, ...]] = (
    Party,
    Post,
    Region,
    SplitKey,
    PopulationCount,
    FundingRate,
    FundingSchedule,
    CostStatement,
    NoticeTerms,
    Policies,
    Agreement,
)


@pytest.mark.parametrize("kind", REGISTERED, ids=lambda kind: kind.__name__)
def test_from_type_gives_valid_values(kind: type) -> None:
    @FEW
    @given(st.from_type(kind))
    def check(value: object) -> None:
        assert type(value) is kind
        assert rebuilt(value) == value

    check()


def test_builds_infers_annotated_arguments() -> None:
    def budget_line(agreement: Agreement, costs: CostStatement) -> Decimal:
        return costs.total

    @FEW
    @given(st.builds(budget_line))
    def check(total: Decimal) -> None:
        assert total >= 0

    check()


def test_entry_point_is_installed() -> None:
    hooks = importlib.metadata.entry_points(group="hypothesis")
    assert [hook.value for hook in hooks if hook.name == "kim_cooperation"] == [ENTRY_POINT]


PROBE: Final = """
    import sys
    {first}
    from hypothesis import given, settings, strategies as st
    from kim_cooperation import Agreement, Party
    assert "kim_cooperation.strategies" in sys.modules

    @settings(max_examples=5, derandomize=True, database=None, deadline=None)
    @given(st.from_type(Agreement), st.from_type(Party))
    def check(agreement, party):
        assert isinstance(agreement, Agreement) and isinstance(party, Party)

    check()
    print("ok")
"""


@pytest.mark.parametrize(
    "first",
    ["import hypothesis", "import kim_cooperation", "import kim_cooperation.strategies"],
)
def test_entry_point_registers_in_a_fresh_interpreter(first: str) -> None:
    """Whatever is imported first, importing Hypothesis registers the strategies.

    Importing ``kim_cooperation.strategies`` first is the tricky order: its
    own import of Hypothesis runs the hook while the module is half loaded.
    """
    completed = run_python(PROBE.format(first=first))
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == "ok\n"
    assert completed.stderr == ""


def test_registration_by_hand_without_plugins() -> None:
    completed = run_python(
        """
        import sys
        from hypothesis import given, settings, strategies as st
        assert "kim_cooperation.strategies" not in sys.modules
        from kim_cooperation import Region
        from kim_cooperation.strategies import register_type_strategies
        register_type_strategies()

        @settings(max_examples=5, derandomize=True, database=None, deadline=None)
        @given(st.from_type(Region))
        def check(region):
            assert region.employer in region.members

        check()
        """,
        HYPOTHESIS_NO_PLUGINS="1",
    )
    assert completed.returncode == 0, completed.stderr


def test_hook_never_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise RuntimeError("registration failed")

    # Patched where the hook looks it up.
    monkeypatch.setattr(
        "kim_cooperation.strategies._registration.register_type_strategies", broken
    )
    kst._hypothesis_setup_hook()


def test_hook_registers_again_without_harm() -> None:
    kst._hypothesis_setup_hook()
    assert isinstance(find(st.from_type(NoticeTerms), lambda terms: True), NoticeTerms)


def test_importing_the_library_does_not_import_hypothesis() -> None:
    completed = run_python(
        """
        import sys
        import kim_cooperation
        import kim_cooperation.presets
        assert "hypothesis" not in sys.modules, "kim_cooperation imported hypothesis"
        assert "kim_cooperation.strategies" not in sys.modules
        assert not hasattr(kim_cooperation, "strategies")
        """
    )
    assert completed.returncode == 0, completed.stderr


def test_missing_hypothesis_names_the_extra() -> None:
    completed = run_python(
        """
        import sys
        sys.modules["hypothesis"] = None  # as if Hypothesis were not installed
        try:
            import kim_cooperation.strategies
        except ImportError as error:
            print(type(error).__name__, error.name)
            print(error)
        """
    )
    assert completed.returncode == 0, completed.stderr
    name_line, message = completed.stdout.splitlines()
    assert name_line == "ImportError hypothesis"
    assert "pip install kim-cooperation[hypothesis]" in message


# --- arguments ---------------------------------------------------------------------------

BAD_ARGUMENTS: Final[list[tuple[str, Callable[[], object]]]] = [
    ("money float bound", lambda: kst.money(min_value=1.5)),  # type: ignore[arg-type]
    ("money fraction of a cent", lambda: kst.money(max_value=Decimal("0.001"))),
    ("money beyond the range", lambda: kst.money(max_value=10**15)),
    ("money bounds crossed", lambda: kst.money(min_value=2, max_value=1)),
    ("ags letters", lambda: kst.ags_codes(prefix="05x")),
    ("ags too long", lambda: kst.ags_codes(prefix="055580120")),
    ("ags no Land", lambda: kst.ags_codes(prefix="17")),
    ("ags Land 00", lambda: kst.ags_codes(prefix="00")),
    ("ags not a str", lambda: kst.ags_codes(prefix=5)),  # type: ignore[arg-type]
    ("parties zero", lambda: kst.distinct_parties(min_size=0)),
    ("parties crossed", lambda: kst.distinct_parties(min_size=3, max_size=2)),
    ("parties bool", lambda: kst.distinct_parties(max_size=True)),
    ("regions crossed", lambda: kst.regions(min_members=3, max_members=2)),
    ("regions no posts", lambda: kst.regions(max_posts=0)),
    (
        "rates dates crossed",
        lambda: kst.funding_rates(min_date=dt.date(2024, 1, 1), max_date=dt.date(2023, 1, 1)),
    ),
    ("rates datetime", lambda: kst.funding_rates(min_date=dt.datetime(2024, 1, 1))),  # noqa: DTZ001
    ("schedule starts too early", lambda: kst.funding_schedules(starts_by=dt.date(1999, 1, 1))),
    ("schedule no rates", lambda: kst.funding_schedules(max_rates=0)),
    ("costs negative", lambda: kst.cost_statements(max_value=-1)),
    ("costs float", lambda: kst.cost_statements(max_value=1.0)),  # type: ignore[arg-type]
    ("terms too long", lambda: kst.notice_terms(max_months=1201)),
    ("terms crossed", lambda: kst.notice_terms(min_months=5, max_months=4)),
    ("terms no ends", lambda: kst.notice_terms(period_ends=[])),
    (
        "days crossed",
        lambda: kst.dates_near_year_end(
            min_value=dt.date(2024, 1, 2), max_value=dt.date(2024, 1, 1)
        ),
    ),
    ("agreements crossed", lambda: kst.agreements(min_parties=4, max_parties=3)),
    ("agreements notices", lambda: kst.agreements(with_notices="yes")),  # type: ignore[arg-type]
    ("agreements no kinds", lambda: kst.agreements(key_kinds=[])),
    ("agreements unknown kind", lambda: kst.agreements(key_kinds=["einwohner"])),
    ("agreements kind not a sequence", lambda: kst.agreements(key_kinds="equal")),
    ("regions kind", lambda: kst.regions(key_kinds=[1])),  # type: ignore[list-item]
    ("keys no members", lambda: kst.split_keys([])),
    ("keys members not parties", lambda: kst.split_keys(["Olfen"])),  # type: ignore[list-item]
    ("keys members a set", lambda: kst.split_keys({presets.coesfeld().parties[0]})),  # type: ignore[arg-type]
    (
        "keys members twice",
        lambda: kst.split_keys([presets.coesfeld().parties[0]] * 2),
    ),
    ("keys no kinds", lambda: kst.split_keys(key_kinds=())),
    ("counts no parties", lambda: kst.population_counts(())),
    (
        "counts dates crossed",
        lambda: kst.population_counts(min_date=dt.date(2024, 1, 2), max_date=dt.date(2024, 1, 1)),
    ),
    ("counts datetime", lambda: kst.population_counts(max_date=dt.datetime(2024, 1, 1))),  # noqa: DTZ001
    ("years no agreement", lambda: kst.settlement_years("Coesfeld")),  # type: ignore[arg-type]
    ("years zero", lambda: kst.settlement_years(presets.coesfeld(), max_years=0)),
    ("plans no agreement", lambda: kst.cost_plans(None)),  # type: ignore[arg-type]
    ("plans not bool", lambda: kst.cost_plans(presets.coesfeld(), all_regions=1)),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("case", "call"), BAD_ARGUMENTS, ids=[case for case, _ in BAD_ARGUMENTS])
def test_bad_arguments_are_refused(case: str, call: Callable[[], object]) -> None:
    with pytest.raises(InvalidArgument):
        call()


def test_termination_of_drawn_notices_follows_the_terms() -> None:
    agreement = first(
        kst.agreements(with_notices=True), lambda agreement: len(agreement.notices) > 1
    )
    for notice in agreement.notices:
        assert agreement.termination_of(notice.party) == termination_date(
            notice.received, agreement.notice_terms
        )
