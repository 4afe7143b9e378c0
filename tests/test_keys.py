"""Split keys (C4, I1, I9, I11, I12): properties of settlements under every key, and missing counts.

The agreements are drawn by the shipped strategies: every region with its
own key (equal parts, fixed weights with some towns at zero, population
from dated counts), every notice term, every policy, notices with towns
leaving and successor employers taking over within a year. For each drawn
settlement:

* the parts sum exactly to the own share, and each is within one cent of
  its exact share: the own share times the town's exact fraction of the
  year (`year_shares` of the settlement's spans, which `test_spans` checks
  against the rule read anew);
* a town with weight zero pays nothing whenever no share passes to it;
* the result does not depend on the order in which parties, members,
  weights, counts and notices are given;
* equal weights give exactly the settlement under equal parts, and so do
  equal counts; a population key gives exactly the settlement under the
  weights of its counts on the reference day;
* a town that is a member for fewer months of a year never pays more than
  a town that is a member all year with the same key weight and costs.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, TypeVar

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kim_cooperation.strategies as kst
from kim_cooperation import (
    Agreement,
    CostStatement,
    NoPopulationCountError,
    Party,
    PopulationReference,
    Region,
    presets,
    settle,
)
from kim_cooperation.keys import KeyKind, PopulationCount, SplitKey, key_weights, population_of
from kim_cooperation.money import to_cents
from kim_cooperation.policy import Policies, ShareBasis, WithdrawalScope
from kim_cooperation.settlement import RegionSettlement, Settlement
from kim_cooperation.spans import Span, year_shares, year_spans, year_window
from strategies import ANY_TERMS, TERMS_ENDING_INSIDE_A_YEAR, settled_years

T = TypeVar("T")

FEW: Final = settings(max_examples=30)
"""Enough to meet every key, term and policy; few enough to keep the suite fast."""

ANY_AGREEMENT: Final = kst.agreements(with_notices=None, notice_terms=ANY_TERMS)
WITH_CHANGES: Final = kst.agreements(with_notices=True, notice_terms=TERMS_ENDING_INSIDE_A_YEAR)
WEIGHTED: Final = kst.agreements(
    with_notices=None, notice_terms=ANY_TERMS, key_kinds=[KeyKind.WEIGHTS]
) | kst.agreements(
    with_notices=True,
    notice_terms=TERMS_ENDING_INSIDE_A_YEAR,
    # Shares pass by the key (I11): a town of weight zero takes over nothing.
    policies=kst.policies().map(
        lambda policies: attrs.evolve(
            policies, withdrawal_scope=WithdrawalScope.REGION, withdrawal_split=ShareBasis.KEY
        )
    ),
    key_kinds=[KeyKind.WEIGHTS],
)


Case = tuple[Agreement, int, dict[str, CostStatement]]


@st.composite
def cases(draw: st.DrawFn, agreements: st.SearchStrategy[Agreement]) -> Case:
    """An agreement, a year (one with a change of members where there is one) and its costs."""
    agreement = draw(agreements, label="agreement")
    year = draw(settled_years(agreement), label="year")
    return agreement, year, draw(kst.cost_plans(agreement), label="costs")


def equal_parts_of(agreement: Agreement, settled: RegionSettlement) -> bool:
    """Whether the year is split in equal parts whatever the key: no funding, C10, I12."""
    return settled.funding.lost and agreement.policies.no_funding_split is ShareBasis.EQUAL


def exact_cents(settled: RegionSettlement, party: Party) -> Fraction:
    """The exact share of ``party``, in cents: the own share times its fraction of the year."""
    return to_cents(settled.own_share) * year_shares(settled.spans)[party]


def span_values(span: Span) -> tuple[Any, ...]:
    """What a span says: its days, weight, members, employer, exact shares and clause."""
    return (
        span.first_day,
        span.last_day,
        span.months,
        span.days,
        span.weight,
        span.members,
        span.employer,
        dict(span.shares),
        span.clause,
    )


def parts_and_money(settlement: Settlement) -> list[tuple[Any, ...]]:
    """What a settlement says in money and fractions, without the key it names."""
    return [
        (
            region.region.name,
            region.own_share,
            region.surplus,
            region.funding,
            region.employer,
            region.split,
            region.billing,
            [span_values(span) for span in region.spans],
        )
        for region in settlement.regions
    ]


def with_keys(agreement: Agreement, key: Callable[[Region], SplitKey]) -> Agreement:
    return attrs.evolve(
        agreement,
        regions=[attrs.evolve(region, split_key=key(region)) for region in agreement.regions],
    )


# --------------------------------------------------------------------------- sums and cents


@FEW
@given(cases(ANY_AGREEMENT))
def test_parts_sum_exactly_and_each_is_within_a_cent_of_its_exact_share(case: Case) -> None:
    agreement, year, plan = case
    settlement = settle(agreement, year, plan)
    for region in settlement.regions:
        equal_parts = equal_parts_of(agreement, region)
        # The settlement's spans are those of the year, as `year_spans` cuts them.
        assert region.spans == year_spans(agreement, region.region, year, equal_parts=equal_parts)
        assert region.key == (SplitKey.equal() if equal_parts else region.region.split_key)
        assert sum(region.split.values(), Decimal(0)) == region.own_share
        shares = year_shares(region.spans)
        assert set(region.split) == set(shares)
        for party, part in region.split.items():
            assert part.as_tuple().exponent == -2
            assert abs(to_cents(part) - exact_cents(region, party)) < 1, party.name
        if len({span.employer for span in region.spans}) == 1:
            # One employer all year bills every other town its part (C9).
            assert {line.debtor: line.amount for line in region.billing} == {
                party: part for party, part in region.split.items() if party != region.employer
            }


@FEW
@given(cases(WITH_CHANGES))
def test_after_a_handover_each_employer_bills_its_spans(case: Case) -> None:
    """Billing lines go to each span's employer; a town's lines sum to its part (C9, I10)."""
    agreement, year, plan = case
    for region in settle(agreement, year, plan).regions:
        employers = [span.employer for span in region.spans]
        owed: dict[Party, Decimal] = {}
        for line in region.billing:
            assert line.creditor in employers
            assert line.debtor != line.creditor
            owed[line.debtor] = owed.get(line.debtor, Decimal(0)) + line.amount
        for party, part in region.split.items():
            if party not in employers:
                assert owed.get(party, Decimal(0)) == part, party.name


# --------------------------------------------------------------------------- zero weights


@FEW
@given(cases(WEIGHTED))
def test_a_town_of_weight_zero_pays_nothing_when_no_share_passes_to_it(case: Case) -> None:
    """A town with weight zero in its region's fixed weights bears nothing of that region's own
    share in a year in which the key applies (funding, or ``no_funding_split="key"``) and no
    share passes to it: under ``withdrawal_split="key"`` (a share passes by the key, and it
    weighs nothing), or when no town of the region has left before the year's last day. Under
    the equal reading of C12 (I11) it does take over an equal part of a leaving town's share,
    and under ``no_funding_split="equal"`` (C10, I12) it pays an equal part."""
    agreement, year, plan = case
    _, last = year_window(agreement, year)
    settlement = settle(agreement, year, plan)
    for region in settlement.regions:
        weights = region.region.split_key.weights
        if equal_parts_of(agreement, region):
            continue
        nobody_left = all(
            (end := agreement.termination_of(member)) is None or end >= last
            for member in region.region.members
        )
        by_key = agreement.policies.withdrawal_split is ShareBasis.KEY
        for party, weight in weights.items():
            if weight == 0 and party in region.split and (nobody_left or by_key):
                assert region.split[party] == 0, party.name
                assert all(line.debtor != party or not line.amount for line in region.billing)


def test_a_town_of_weight_zero_takes_over_a_share_only_in_equal_parts() -> None:
    """Region Ost of the example with Grünwald at weight zero; Fuchsberg leaves on 31 March
    2026. Own share 2026: costs 137,000.00 less funding 2 x 56,000.00 = 25,000.00. Key
    2 : 1 : 1 : 0, so January to March (1/4 of the year) Brunnfeld bears 1/2, Eichhagen and
    Fuchsberg 1/4 each. From April Fuchsberg's quarter passes in equal parts (I11), 1/12 to
    each of the three others, Grünwald too: 3/4 x 1/12 = 1/16 of 25,000.00 = 1,562.50.
    Passed by the key, it goes 2 : 1 to Brunnfeld and Eichhagen, and Grünwald pays nothing."""
    agreement = presets.example()
    ost = agreement.region("Ost")
    key = SplitKey.by_weights(dict(zip(ost.members, (2, 1, 1, 0), strict=True)))
    left = agreement.with_split_key("Ost", key).give_notice("Fuchsberg", dt.date(2025, 9, 30))
    costs = {"Ost": presets.example_cost_plans()[2026]["Ost"]}
    gruenwald = left.party("Grünwald")
    equal = settle(left, 2026, costs).region("Ost")
    assert equal.own_share == Decimal("25000.00")
    assert equal.split[gruenwald] == Decimal("1562.50")
    by_key = settle(left.with_policies(Policies(withdrawal_split="key")), 2026, costs)
    assert by_key.region("Ost").split[gruenwald] == Decimal("0.00")
    # Brunnfeld: 1/4 x 1/2 + 3/4 x 2/3 = 5/8; Eichhagen 1/4 x 1/4 + 3/4 x 1/3 = 5/16.
    assert by_key.region("Ost").split[left.party("Brunnfeld")] == Decimal("15625.00")
    assert by_key.region("Ost").split[left.party("Eichhagen")] == Decimal("7812.50")


def test_a_town_of_weight_zero_pays_an_equal_part_without_funding() -> None:
    """C10 read as "je im gleichen Umfang" (I12): equal parts whatever the key."""
    agreement = presets.example()
    ost = agreement.region("Ost")
    key = SplitKey.by_weights(dict(zip(ost.members, (2, 1, 1, 0), strict=True)))
    lost = agreement.with_split_key("Ost", key)
    lost = lost.with_funding(lost.funding.without_funding_from(dt.date(2025, 1, 1), source="C10"))
    costs = {"Ost": CostStatement(personnel=Decimal("100000.00"))}
    gruenwald = lost.party("Grünwald")
    assert settle(lost, 2025, costs).region("Ost").split[gruenwald] == Decimal("25000.00")
    by_key = lost.with_policies(Policies(no_funding_split="key"))
    assert settle(by_key, 2025, costs).region("Ost").split[gruenwald] == Decimal("0.00")


# --------------------------------------------------------------------------- order of input


def shuffled(rng: random.Random, items: Sequence[T]) -> list[T]:
    result = list(items)
    rng.shuffle(result)
    return result


def rebuilt_in_another_order(agreement: Agreement, rng: random.Random) -> Agreement:
    """The same agreement, every collection given in another order (regions keep theirs)."""

    def key(region: Region) -> SplitKey:
        if region.split_key.kind is not KeyKind.WEIGHTS:
            return region.split_key
        return SplitKey.by_weights(dict(shuffled(rng, list(region.split_key.weights.items()))))

    return Agreement(
        name=agreement.name,
        parties=shuffled(rng, agreement.parties),
        regions=[
            Region(
                name=region.name,
                employer=region.employer,
                members=shuffled(rng, region.members),
                posts=region.posts,
                split_key=key(region),
            )
            for region in agreement.regions
        ],
        funding=agreement.funding,
        start=agreement.start,
        notice_terms=agreement.notice_terms,
        notices=shuffled(rng, agreement.notices),
        policies=agreement.policies,
        population=shuffled(
            rng,
            [
                PopulationCount(
                    as_of=count.as_of,
                    counts=dict(shuffled(rng, list(count.counts.items()))),
                    source=count.source,
                )
                for count in agreement.population
            ],
        ),
    )


@FEW
@given(cases(ANY_AGREEMENT), st.randoms(use_true_random=False))
def test_the_settlement_does_not_depend_on_the_order_of_input(
    case: Case, rng: random.Random
) -> None:
    agreement, year, plan = case
    other = rebuilt_in_another_order(agreement, rng)
    assert other == agreement
    reordered_plan = dict(shuffled(rng, list(plan.items())))
    expected = settle(agreement, year, plan)
    found = settle(other, year, reordered_plan)
    # The regions come in the agreement's order, whatever the order of the plan.
    assert [region.region.name for region in found.regions] == [
        region.name for region in agreement.regions if region.name in plan
    ]
    assert parts_and_money(found) == parts_and_money(expected)
    assert [list(region.split) for region in found.regions] == [
        sorted(region.split, key=lambda party: party.ags) for region in expected.regions
    ]


# --------------------------------------------------------------------------- keys that agree


@FEW
@given(cases(ANY_AGREEMENT), st.sampled_from([1, 3, Fraction(1, 2), Fraction(27, 10), 21310]))
def test_equal_weights_give_exactly_the_equal_key(case: Case, weight: int | Fraction) -> None:
    agreement, year, plan = case
    equal = with_keys(agreement, lambda region: SplitKey.equal())
    weighted = with_keys(
        agreement, lambda region: SplitKey.by_weights(dict.fromkeys(region.members, weight))
    )
    expected = settle(equal, year, plan)
    assert parts_and_money(settle(weighted, year, plan)) == parts_and_money(expected)


@FEW
@given(cases(ANY_AGREEMENT), st.integers(min_value=1, max_value=600_000))
def test_equal_counts_give_exactly_the_equal_key(case: Case, inhabitants: int) -> None:
    agreement, year, plan = case
    equal = with_keys(agreement, lambda region: SplitKey.equal())
    counted = with_keys(agreement, lambda region: SplitKey.by_population()).with_population(
        [
            PopulationCount(
                as_of=dt.date(agreement.start.year - 2, 12, 31),
                counts=dict.fromkeys(agreement.parties, inhabitants),
            )
        ]
    )
    settlement = settle(counted, year, plan)
    assert parts_and_money(settlement) == parts_and_money(settle(equal, year, plan))
    reference = agreement.policies.population_reference.reference_day(year)
    for region in settlement.regions:
        if not equal_parts_of(agreement, region):
            assert region.reference_day == reference
            assert region.key == SplitKey.by_population()


@FEW
@given(cases(kst.agreements(with_notices=None, notice_terms=ANY_TERMS, key_kinds=["population"])))
def test_a_population_key_is_the_weights_of_its_counts_on_the_reference_day(case: Case) -> None:
    agreement, year, plan = case
    day = agreement.policies.population_reference.reference_day(year)

    def counted(region: Region) -> SplitKey:
        return SplitKey.by_weights(
            {town: population_of(agreement, town, day).counts[town] for town in region.members}
        )

    by_counts = with_keys(agreement, counted)
    for region in agreement.regions:
        assert dict(key_weights(agreement, region, year)) == dict(
            by_counts.region(region.name).split_key.weights
        )
    assert parts_and_money(settle(by_counts, year, plan)) == parts_and_money(
        settle(agreement, year, plan)
    )


# --------------------------------------------------------------------------- fewer months


def member(agreement: Agreement, town: Party, day: dt.date) -> bool:
    return agreement.is_member(town, day)


@FEW
@given(st.data(), WITH_CHANGES)
def test_a_member_for_fewer_months_never_pays_more(
    data: st.DataObject, agreement: Agreement
) -> None:
    """Two towns of one region with the same key weight and so the same costs, one leaving
    within the year and one a member all year: the first pays at most what the second pays,
    to the cent (I10). The drawn pair is given the same weight; other pairs of the drawn
    agreement that weigh the same are checked too."""
    year = data.draw(settled_years(agreement), label="year")
    first, last = year_window(agreement, year)
    pairs = [
        (region, short, full)
        for region in agreement.regions
        for short in region.members
        if member(agreement, short, first) and not member(agreement, short, last)
        for full in region.members
        if member(agreement, full, last)
    ]
    if pairs:
        region, short, full = data.draw(st.sampled_from(pairs), label="pair")
        same = dict(key_weights(agreement, region, year))
        same[short] = same[full]
        agreement = agreement.with_split_key(region.name, SplitKey.by_weights(same))
    plan = data.draw(kst.cost_plans(agreement), label="costs")
    checked = 0
    for settled in settle(agreement, year, plan).regions:
        weights = key_weights(agreement, settled.region, year)
        equal = equal_parts_of(agreement, settled)
        for short, full in (
            (short, full)
            for _, short, full in pairs
            if short in settled.region.members and (equal or weights[short] == weights[full])
        ):
            assert settled.split[short] <= settled.split[full], (short.name, full.name)
            checked += 1
    assert checked or not pairs


def test_a_town_leaving_on_31_march_pays_a_quarter_of_a_full_member() -> None:
    """Region West of the example (equal parts, Haselstein and Immental): Immental leaves on
    31 March 2026. Own share 2026: costs 66,000.00 less funding 55,000.00 x 6/12 +
    57,000.00 x 6/12 = 56,000.00, so 10,000.00. January to March (3/12) is split 1/2 : 1/2,
    April to December (9/12) falls to Haselstein: Immental 1/8 = 1,250.00, Haselstein 7/8."""
    agreement = presets.example().give_notice("Immental", dt.date(2025, 9, 30))
    costs = {"West": CostStatement(personnel=Decimal("65000.00"), administration=Decimal("1000"))}
    west = settle(agreement, 2026, costs).region("West")
    assert west.own_share == Decimal("10000.00")
    immental, haselstein = agreement.party("Immental"), agreement.party("Haselstein")
    assert west.split[immental] == Decimal("1250.00")
    assert west.split[haselstein] == Decimal("8750.00")


# --------------------------------------------------------------------------- missing counts


def example_without(town: str, as_of: dt.date) -> Agreement:
    """The example agreement, with ``town`` left out of its count as of ``as_of``."""
    agreement = presets.example()
    party = agreement.party(town)
    counts = [
        count
        if count.as_of != as_of
        else attrs.evolve(
            count, counts={key: value for key, value in count.counts.items() if key != party}
        )
        for count in agreement.population
    ]
    return agreement.with_population(counts)


@pytest.mark.parametrize(
    ("reference", "year", "day"),
    [
        (PopulationReference.PREVIOUS_YEAR_END, 2024, "2023-12-31"),
        (PopulationReference.PREVIOUS_MID_YEAR, 2025, "2024-06-30"),
        (PopulationReference.YEAR_END_BEFORE_LAST, 2025, "2023-12-31"),
    ],
    ids=str,
)
def test_a_town_without_a_count_on_the_reference_day_is_named(
    reference: PopulationReference, year: int, day: str
) -> None:
    """Lindenhöhe (region Nord, population key) is missing from the count as of 31 December
    2023, its first; the other counts of the example are as of 2024-12-31 and 2025-12-31."""
    agreement = example_without("Lindenhöhe", dt.date(2023, 12, 31))
    agreement = agreement.with_policies(Policies(population_reference=reference))
    assert reference.reference_day(year) == dt.date.fromisoformat(day)
    with pytest.raises(NoPopulationCountError) as caught:
        settle(agreement, year, presets.example_cost_plans()[min(year, 2026)])
    assert str(caught.value) == (
        f"region 'Nord' is split by population, but Lindenhöhe has no count for {year}: its key "
        f"uses the latest count on or before {day} (population_reference={reference.value!r}); "
        "its counts are as of 2024-12-31, 2025-12-31; add a [[population]] count as of that "
        "day or earlier (C4, I9)"
    )
    assert isinstance(caught.value, LookupError)
    # A year whose reference day has a count settles.
    settle(agreement, 2026, presets.example_cost_plans()[2026])


def test_a_missing_count_is_no_problem_for_regions_of_another_key() -> None:
    agreement = presets.example().with_population([])
    settlement = settle(agreement, 2025, {"Ost": presets.example_cost_plans()[2025]["Ost"]})
    assert settlement.region("Ost").reference_day is None
    with pytest.raises(NoPopulationCountError, match="the agreement has no count of it"):
        settle(agreement, 2025, {"Nord": presets.example_cost_plans()[2025]["Nord"]})


@pytest.mark.parametrize("scope", list(WithdrawalScope), ids=str)
def test_no_count_is_needed_for_a_year_without_funding_split_in_equal_parts(
    scope: WithdrawalScope,
) -> None:
    """C10 read as equal parts (I12) does not use the key, so it needs no counts."""
    agreement = presets.example().with_population([])
    lost = agreement.with_funding(
        agreement.funding.without_funding_from(dt.date(2024, 1, 1), source="C10")
    ).with_policies(Policies(withdrawal_scope=scope))
    nord = settle(lost, 2025, {"Nord": presets.example_cost_plans()[2025]["Nord"]}).region("Nord")
    assert nord.key == SplitKey.equal()
    assert nord.reference_day is None
    assert len(set(nord.split.values())) == 1
