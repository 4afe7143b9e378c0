from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kim_cooperation import (
    Clause,
    CostStatement,
    InvalidTypeError,
    InvalidValueError,
    Post,
    presets,
    region_funding,
    settle,
)
from kim_cooperation.policy import DEFAULT_POLICIES, PartYearFunding, Policies, WithdrawalScope

PLAN = presets.coesfeld_planning_costs_2023()
LITERAL = Policies(withdrawal_scope="agreement")


def test_defaults_are_the_brief_s_interpretation_choices() -> None:
    assert Policies() == DEFAULT_POLICIES
    assert DEFAULT_POLICIES.withdrawal_scope is WithdrawalScope.REGION
    assert DEFAULT_POLICIES.part_year_funding is PartYearFunding.TWELFTHS
    assert presets.coesfeld().policies == DEFAULT_POLICIES


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"withdrawal_scope": "everyone"}, "withdrawal_scope must be one of"),
        ({"part_year_funding": "weeks"}, "part_year_funding must be one of"),
    ],
)
def test_unknown_policies_are_refused(kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(InvalidValueError, match=message):
        Policies(**kwargs)


def test_policies_must_be_policies() -> None:
    with pytest.raises(InvalidTypeError, match="agreement policies must be Policies"):
        presets.coesfeld().with_policies("agreement")  # type: ignore[arg-type]


def test_literal_reading_passes_a_leaving_share_to_every_remaining_party() -> None:
    agreement = (
        presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30)).with_policies(LITERAL)
    )
    settlement = settle(agreement, 2026, PLAN)
    nord = settlement.region("Nord")
    # 32,500: each remaining Nord town 1/4 + 1/40, every other party 1/40.
    assert nord.split.clause is Clause.C12
    assert nord.split[agreement.party("Coesfeld")] == Decimal("8937.50")
    assert nord.split[agreement.party("Senden")] == Decimal("812.50")
    assert agreement.party("Rosendahl") not in nord.split
    assert sum(nord.split.values()) == nord.own_share
    assert {line.debtor.name for line in nord.billing} >= {"Senden", "Dülmen", "Billerbeck"}
    # Senden bears its own region's share and a part of Nord's.
    assert (
        settlement.own_share_of("Senden")
        == Decimal("812.50") + settlement.region("Süd").split[agreement.party("Senden")]
    )
    assert settlement.own_share_of("Rosendahl") == 0
    # Posts follow the same rule and still add up to six FTE.
    shares = agreement.post_shares(dt.date(2026, 6, 1))
    assert sum(shares.values()) == 6
    assert shares[agreement.party("Senden")] == Fraction(1, 2) + Fraction(5, 2) / 40


def test_region_reading_is_the_default() -> None:
    agreement = presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30))
    settlement = settle(agreement, 2026, PLAN)
    assert settlement.region("Nord").split.clause is Clause.C12
    assert agreement.party("Senden") not in settlement.region("Nord").split
    assert settle(agreement, 2025, PLAN).region("Nord").split.clause is Clause.C4


@settings(max_examples=40)
@given(
    cents=st.integers(min_value=0, max_value=10**9),
    leaver=st.sampled_from(["Rosendahl", "Havixbeck", "Nottuln", "Senden", "Olfen"]),
)
def test_literal_reading_loses_no_cent(cents: int, leaver: str) -> None:
    agreement = presets.coesfeld().give_notice(leaver, dt.date(2024, 6, 30)).with_policies(LITERAL)
    costs = {
        name: CostStatement(personnel=Decimal(cents) / 100) for name in ("Nord", "Mitte", "Süd")
    }
    settlement = settle(agreement, 2026, costs)
    total_parts = sum(settlement.own_share_of(party) for party in agreement.parties)
    assert total_parts == sum(region.own_share for region in settlement.regions)
    assert settlement.own_share_of(leaver) == 0


def test_day_by_day_funding() -> None:
    schedule = presets.coesfeld().funding
    post = Post(label="P", fte=1, employment_start=dt.date(2023, 4, 15))
    by_days = region_funding([post], 2023, schedule, method="days")
    assert by_days.method is PartYearFunding.DAYS
    assert by_days.posts[0].days == 261
    assert by_days.exact == Fraction(55000 * 261, 365)
    assert by_days.amount == Decimal("39328.77")
    assert by_days.is_rounded
    by_months = region_funding([post], 2023, schedule)
    assert by_months.posts[0].months == tuple(range(5, 13))
    assert by_months.amount == Decimal("36666.67")
    full = Post(label="F", fte=Fraction(1, 2))
    assert region_funding([full], 2024, schedule, method="days").amount == Decimal("27500.00")


def test_day_by_day_funding_follows_rate_changes_to_the_day() -> None:
    agreement = presets.coesfeld()
    schedule = agreement.funding.with_rate(presets.announced_increase(dt.date(2024, 7, 15)))
    funding = region_funding([Post(label="P", fte=1)], 2024, schedule, method="days")
    assert funding.exact == Fraction(55000 * 196 + 57000 * 170, 366)
    assert len(funding.rates) == 2


def test_settle_uses_the_agreement_s_funding_policy() -> None:
    agreement = presets.coesfeld()
    region = agreement.region("Mitte")
    late = type(region)(
        name=region.name,
        employer=region.employer,
        members=region.members,
        posts=[Post(label="Mitte 1", fte=1, employment_start=dt.date(2023, 4, 15))],
    )
    changed = type(agreement)(
        name=agreement.name,
        parties=agreement.parties,
        regions=[agreement.region("Nord"), late, agreement.region("Süd")],
        funding=agreement.funding,
        start=agreement.start,
        policies=Policies(part_year_funding="days"),
    )
    funding = settle(changed, 2023, {"Mitte": PLAN["Mitte"]}).region("Mitte").funding
    assert funding.amount == Decimal("39328.77")


def test_unknown_funding_method_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="method must be one of"):
        region_funding([Post(label="P", fte=1)], 2024, presets.coesfeld().funding, method="weeks")


def test_literal_reading_leaves_regions_without_leavers_alone() -> None:
    agreement = (
        presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30)).with_policies(LITERAL)
    )
    sued = settle(agreement, 2026, PLAN).region("Süd")
    assert set(sued.split) == set(agreement.region("Süd").members)
    assert sued.split.clause is Clause.C4
    assert all(line.amount > 0 for line in sued.billing)


def test_twelfths_record_the_rate_applied_to_each_month() -> None:
    schedule = presets.coesfeld().funding.with_rate(
        presets.announced_increase(dt.date(2024, 7, 15))
    )
    post = Post(label="P", fte=1, employment_start=dt.date(2024, 3, 1))
    funded = region_funding([post], 2024, schedule).posts[0]
    assert funded.months == tuple(range(3, 13))
    # July starts at 55,000: the new rate applies from the first month it is in force on the 1st.
    assert [rate.amount for rate in funded.month_rates] == [Decimal(55000)] * 5 + [
        Decimal(57000)
    ] * 5
    assert funded.exact == Fraction(55000 * 5 + 57000 * 5, 12)
