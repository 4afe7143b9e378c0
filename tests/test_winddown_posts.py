"""Tests of the wind-down per post, under a key, and of a full termination within a year (C13).

Golden figures use the invented example agreement (`presets.example`): notice
of 6 months to the end of a quarter, so notices received by 30 September
2025 end it on 31 March 2026 and the posts' costs run on from 1 April 2026.
Every figure is derived by hand in integer cents in the test.
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle
import re
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kim_cooperation import (
    Agreement,
    Clause,
    CostStatement,
    Interpretation,
    InvalidTypeError,
    InvalidValueError,
    MoneyTypeError,
    NoticeTerms,
    Party,
    Policies,
    PostRunOn,
    RunOnCost,
    SplitKey,
    UndecidedCaseError,
    presets,
    scenario,
    wind_down,
)
from kim_cooperation.export import to_dict, to_records
from kim_cooperation.projection import estimate_wind_down, project
from strategies import decimal_from_cents
from test_immutability import _mutable_containers

NOTICE = dt.date(2025, 9, 30)
END = dt.date(2026, 3, 31)


def ended(agreement: Agreement | None = None, **policies: str) -> Agreement:
    """The example (or ``agreement``) after everyone gave notice by 30 September 2025."""
    base = presets.example() if agreement is None else agreement
    if policies:
        base = base.with_policies(Policies(**policies))
    return scenario.all_give_notice(base, NOTICE)


def parts_in_cents(split: Mapping[Party, Decimal]) -> dict[str, int]:
    return {party.name: int(amount * 100) for party, amount in split.items()}


def cents_of(amount: Decimal) -> int:
    return int(amount * 100)


# --- golden: per post ------------------------------------------------------------------------


def ost_per_post() -> dict[str, RunOnCost]:
    return {
        # Open-ended: runs on 1 April 2026 to 31 March 2027, the 12-month limit.
        "Ost 1": RunOnCost.monthly(
            CostStatement(personnel=Decimal("5500.00"), equipment=Decimal("83.33")),
            funding=Decimal("4583.33"),
        ),
        # Employment ends on 15 May 2026: 1 April to 15 May, one month and 15 days.
        "Ost 2": RunOnCost.monthly(
            CostStatement(personnel=Decimal("5432.10")), funding=Decimal("4750.00")
        ),
    }


def ost_2_ends_mid_may() -> Agreement:
    return presets.example().with_post("Ost 2", employment_end=dt.date(2026, 5, 15))


def test_monthly_costs_per_post_golden() -> None:
    agreement = ended(ost_2_ends_mid_may())
    assert agreement.ends == END
    result = wind_down(agreement, END, ost_per_post())
    [ost] = result.regions
    ost_1, ost_2 = ost.posts
    assert isinstance(ost_1, PostRunOn)
    # Ost 1: 12 whole months (the limit); 12 × 5,500.00, 12 × 83.33, 12 × 4,583.33.
    assert (ost_1.period.first_day, ost_1.period.last_day) == (
        dt.date(2026, 4, 1),
        dt.date(2027, 3, 31),
    )
    assert ost_1.period.capped
    assert ost_1.period.in_months == 12
    assert cents_of(ost_1.costs.personnel) == 12 * 550000 == 6600000
    assert cents_of(ost_1.costs.equipment) == 12 * 8333 == 99996
    assert cents_of(ost_1.funding) == 12 * 458333 == 5499996
    # Ost 2: 1 month and 15 of May's 31 days = 46/31 months.
    assert (ost_2.period.months, ost_2.period.days) == (1, 15)
    assert ost_2.period.in_months == Fraction(46, 31)
    # 543210 × 46 / 31 = 806053.548… cents, half up 806054.
    assert 543210 * 46 == 24987660
    assert divmod(24987660, 31) == (806053, 17)  # 17/31 ≥ 1/2: up
    assert cents_of(ost_2.costs.personnel) == 806054
    # 475000 × 46 / 31 = 704838.709… cents, half up 704839.
    assert divmod(475000 * 46, 31) == (704838, 22)
    assert cents_of(ost_2.funding) == 704839
    # The region is the sum of its posts.
    assert cents_of(ost.costs.personnel) == 6600000 + 806054 == 7406054
    assert cents_of(ost.costs.equipment) == 99996
    assert cents_of(ost.costs.total) == 7506050
    assert cents_of(ost.funding.amount) == 5499996 + 704839 == 6204835
    assert cents_of(ost.net) == 7506050 - 6204835 == 1301215
    assert ost.surplus == 0
    # Equal parts (default): 1301215 / 4 = 325303 rest 3; the employer Brunnfeld
    # first, then Eichhagen and Fuchsberg by AGS (I2).
    assert divmod(1301215, 4) == (325303, 3)
    assert parts_in_cents(ost.split) == {
        "Brunnfeld": 325304,
        "Eichhagen": 325304,
        "Fuchsberg": 325304,
        "Grünwald": 325303,
    }
    assert ost.split.clause is Clause.C13
    # Funding given per post is one RegionFunding with a PostFunding per post (I5).
    assert [item.post.label for item in ost.funding.posts] == ["Ost 1", "Ost 2"]
    assert [item.exact for item in ost.funding.posts] == [
        Fraction(5499996, 100),
        Fraction(704839, 100),
    ]
    assert ost.funding.rates == ()
    assert ost.funding.year == 2026
    assert ost.funding.interpretation is Interpretation.I5
    assert ost.funding.exact == Fraction(6204835, 100)


def test_period_costs_per_post_golden() -> None:
    agreement = ended()
    given = {
        "West 1": RunOnCost.for_period(
            CostStatement(personnel=Decimal("48750.00"), administration=Decimal("750.00")),
            funding=Decimal("42250.00"),
        )
    }
    [west] = wind_down(agreement, END, given).regions
    [post] = west.posts
    assert post.costs == given["West 1"].costs
    assert post.given is given["West 1"]
    assert cents_of(post.funding) == 4225000
    # 4875000 + 75000 - 4225000 = 725000, 362500 each.
    assert cents_of(west.net) == 725000
    assert parts_in_cents(west.split) == {"Haselstein": 362500, "Immental": 362500}
    assert west.interpretation is Interpretation.I5  # equal key: I13 cannot matter


def test_employment_beyond_the_limit_runs_on_twelve_months() -> None:
    # The example's Ost 2 ends on 30 June 2027, three months after the limit.
    agreement = ended()
    given = {"Ost 2": RunOnCost.monthly(CostStatement(personnel=Decimal("0.01")))}
    [ost] = wind_down(agreement, END, given).regions
    [post] = ost.posts
    assert post.period.employment_end == dt.date(2027, 6, 30)
    assert post.period.last_day == dt.date(2027, 3, 31)
    assert post.period.capped
    assert cents_of(post.costs.personnel) == 12
    # Ost 1 was not given: it appears among the periods, not among the posts.
    assert [item.label for item, _ in ost.periods] == ["Ost 1", "Ost 2"]
    assert [item.post.label for item in ost.posts] == ["Ost 2"]


def test_a_single_day_and_a_leap_february() -> None:
    # Ends 31 January 2028 under month terms; the employment ends on 1 March 2028:
    # February 2028 whole, then 1 of March's 31 days.
    agreement = presets.example().with_post("West 1", employment_end=dt.date(2028, 3, 1))
    agreement = attrs.evolve(agreement, notice_terms=NoticeTerms(months=1, period_end="month"))
    agreement = scenario.all_give_notice(agreement, dt.date(2027, 12, 31))
    assert agreement.ends == dt.date(2028, 1, 31)
    given = {"West 1": RunOnCost.monthly(CostStatement(personnel=Decimal("2900.00")))}
    [west] = wind_down(agreement, agreement.ends, given).regions
    [post] = west.posts
    assert (post.period.months, post.period.days) == (1, 1)
    assert post.period.in_months == 1 + Fraction(1, 31)
    # 290000 + 290000/31 = 290000 + 9354.83… → 299355 cents.
    assert divmod(290000, 31) == (9354, 26)
    assert cents_of(post.costs.personnel) == 299355


def test_records_and_data_show_each_post() -> None:
    result = wind_down(ended(ost_2_ends_mid_may()), END, ost_per_post())
    rows = [row for row in to_records(result) if row["key"] in {"post_costs", "post_funding"}]
    assert [(row["key"], row["post"], row["amount"], row["clause"]) for row in rows] == [
        ("post_costs", "Ost 1", Decimal("66999.96"), "C13"),
        ("post_funding", "Ost 1", Decimal("54999.96"), "I5"),
        ("post_costs", "Ost 2", Decimal("8060.54"), "C13"),
        ("post_funding", "Ost 2", Decimal("7048.39"), "I5"),
    ]
    assert rows[2]["description"] == "Run-on costs of Ost 2: 5432.10 a month for 1 15/31 months"
    assert rows[0]["description"] == "Run-on costs of Ost 1: 5583.33 a month for 12 months"
    assert rows[2]["first_day"] == dt.date(2026, 4, 1)
    assert rows[2]["last_day"] == dt.date(2026, 5, 15)
    data = to_dict(result)["regions"][0]
    assert [post["post"] for post in data["posts"]] == ["Ost 1", "Ost 2"]
    assert data["posts"][1]["in_months"] == "46/31"
    assert data["posts"][1]["per"] == "month"
    assert data["posts"][1]["funding"] == {"amount": "7048.39", "clause": "I5"}
    assert data["funding"] == {"amount": "62048.35", "clause": "I5"}
    assert data["key"] == "equal"
    assert data["interpretation"] == "I13"


def test_per_post_results_are_immutable_values_that_pickle() -> None:
    result = wind_down(ended(ost_2_ends_mid_may()), END, ost_per_post())
    assert pickle.loads(pickle.dumps(result)) == result
    assert copy.deepcopy(result) == result
    [ost] = result.regions
    assert hash(ost.posts) == hash(pickle.loads(pickle.dumps(ost.posts)))
    assert list(_mutable_containers(result, "result", set())) == []
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        ost.posts[0].costs = CostStatement()  # type: ignore[misc]


# --- refused -----------------------------------------------------------------------------------


def test_a_region_given_both_ways_is_refused() -> None:
    given: dict[str, CostStatement | RunOnCost] = {
        "Ost": CostStatement(personnel=1),
        "Ost 1": RunOnCost.for_period(CostStatement(personnel=1)),
    }
    with pytest.raises(InvalidValueError, match=r"region 'Ost' is given both .*\['Ost 1'\]"):
        wind_down(ended(), END, given)


def test_region_funding_for_a_region_given_per_post_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"funding of region 'Ost'.*RunOnCost \(C13, I5\)"):
        wind_down(
            ended(),
            END,
            {"Ost 1": RunOnCost.for_period(CostStatement(personnel=1))},
            funding={"Ost": Decimal(1)},
        )


def test_a_label_that_is_no_post_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"'Ost 3' is not the label of a post.*'Ost 2'"):
        wind_down(ended(), END, {"Ost 3": RunOnCost.for_period(CostStatement())})
    with pytest.raises(InvalidValueError, match="not the label of a post"):
        wind_down(ended(), END, {5: RunOnCost.for_period(CostStatement())})  # type: ignore[dict-item]


def test_a_post_given_a_cost_statement_is_told_to_use_run_on_cost() -> None:
    with pytest.raises(InvalidTypeError, match=r"post 'Ost 1' must be a RunOnCost.*for_period"):
        wind_down(ended(), END, {"Ost 1": CostStatement(personnel=1)})
    with pytest.raises(InvalidValueError, match=r"post label 'Ost 1'.*RunOnCost"):
        wind_down(ended(), END, {"Ost": CostStatement(personnel=1)}, funding={"Ost 1": Decimal(1)})


@pytest.mark.parametrize("employment_end", [END, dt.date(2025, 12, 31)])
def test_cost_for_a_post_without_run_on_is_refused(employment_end: dt.date) -> None:
    agreement = ended(presets.example().with_post("Ost 2", employment_end=employment_end))
    with pytest.raises(
        InvalidValueError,
        match=rf"post 'Ost 2': its employment ends on {employment_end.isoformat()}, with the "
        r"agreement \(2026-03-31\) or before.*\(C13\)",
    ):
        wind_down(agreement, END, {"Ost 2": RunOnCost.for_period(CostStatement())})


def test_negative_funding_and_floats_are_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"must not be negative, got Decimal\('-0.01'\)"):
        RunOnCost.monthly(CostStatement(), funding=Decimal("-0.01"))
    with pytest.raises(MoneyTypeError, match="float"):
        RunOnCost.for_period(CostStatement(), funding=1.5)  # type: ignore[arg-type]
    with pytest.raises(MoneyTypeError, match="float"):
        RunOnCost.monthly(CostStatement(personnel=5500.0))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"must be a CostStatement, got dict"):
        RunOnCost.monthly({"personnel": Decimal(1)})  # type: ignore[arg-type]
    with pytest.raises(
        InvalidValueError, match=re.escape("per must be 'month' or 'period', got 'year'")
    ):
        RunOnCost(costs=CostStatement(), per="year")  # type: ignore[arg-type]


def test_monthly_amounts_beyond_the_money_range_are_refused_not_wrapped() -> None:
    huge = RunOnCost.monthly(CostStatement(personnel=Decimal("100000000000000")))
    with pytest.raises(InvalidValueError, match="cost"):
        wind_down(ended(), END, {"Ost 1": huge})


# --- golden: C13 under the key (I13) -----------------------------------------------------------


def test_ost_split_by_its_weights_under_the_key_policy() -> None:
    agreement = ended(wind_down_split="key")
    [ost] = wind_down(agreement, END, {"Ost": CostStatement(personnel=Decimal("18250"))}).regions
    # Weights 2 : 1 : 1 : 1/2 = 4 : 2 : 2 : 1 of 9. 1825000 × 4 / 9 = 811111 rest 1,
    # × 2 / 9 = 405555 rest 5 (twice), × 1 / 9 = 202777 rest 7. Two cents left:
    # Grünwald (7), then Eichhagen before Fuchsberg (5 each, by AGS; I2).
    assert divmod(1825000 * 4, 9) == (811111, 1)
    assert divmod(1825000 * 2, 9) == (405555, 5)
    assert divmod(1825000, 9) == (202777, 7)
    assert parts_in_cents(ost.split) == {
        "Brunnfeld": 811111,
        "Eichhagen": 405556,
        "Fuchsberg": 405555,
        "Grünwald": 202778,
    }
    assert ost.key == agreement.region("Ost").split_key
    assert ost.reference_day is None
    assert ost.interpretation is Interpretation.I13
    assert ost.clause is Clause.C13
    assert ost.split.clause is Clause.C13


def test_ost_in_equal_parts_by_default_names_i13() -> None:
    [ost] = wind_down(ended(), END, {"Ost": CostStatement(personnel=Decimal("18250"))}).regions
    assert parts_in_cents(ost.split) == dict.fromkeys(
        ["Brunnfeld", "Eichhagen", "Fuchsberg", "Grünwald"], 456250
    )
    assert ost.key == SplitKey.equal()
    assert ost.interpretation is Interpretation.I13


def test_per_post_costs_split_by_the_key() -> None:
    agreement = ended(ost_2_ends_mid_may(), wind_down_split="key")
    [ost] = wind_down(agreement, END, ost_per_post()).regions
    # Net 1301215 cents (see the monthly golden test) by 4 : 2 : 2 : 1 of 9:
    # 578317 rest 7, 289158 rest 8 (twice), 144579 rest 4; three cents left go to
    # Eichhagen and Fuchsberg (8, by AGS) and Brunnfeld (7).
    assert divmod(1301215 * 4, 9) == (578317, 7)
    assert divmod(1301215 * 2, 9) == (289158, 8)
    assert divmod(1301215, 9) == (144579, 4)
    assert parts_in_cents(ost.split) == {
        "Brunnfeld": 578318,
        "Eichhagen": 289159,
        "Fuchsberg": 289159,
        "Grünwald": 144579,
    }


def test_nord_split_by_population_at_the_reference_day() -> None:
    agreement = ended(wind_down_split="key")
    [nord] = wind_down(agreement, END, {"Nord": CostStatement(personnel=Decimal("4820"))}).regions
    # Counts as of 31 December 2025 (for 2026, the year the agreement ends):
    # 21555 + 8410 + 13110 + 5125 = 48200; 482000 cents divide exactly.
    assert 21555 + 8410 + 13110 + 5125 == 48200
    assert parts_in_cents(nord.split) == {
        "Altenau": 482000 * 21555 // 48200,
        "Dornbach": 482000 * 8410 // 48200,
        "Kesselbrück": 482000 * 13110 // 48200,
        "Lindenhöhe": 482000 * 5125 // 48200,
    }
    assert parts_in_cents(nord.split)["Altenau"] == 215550
    assert nord.reference_day == dt.date(2025, 12, 31)
    assert nord.key == SplitKey.by_population()


def test_an_equal_key_region_is_split_alike_under_both_policies() -> None:
    costs = {"West": CostStatement(personnel=Decimal("0.03"))}
    [equal] = wind_down(ended(), END, costs).regions
    [keyed] = wind_down(ended(wind_down_split="key"), END, costs).regions
    assert dict(keyed.split) == dict(equal.split)
    assert keyed.split == equal.split
    assert keyed.interpretation is equal.interpretation is Interpretation.I5


def zero_weights_but_eichhagen() -> Agreement:
    """Ost weighs only Eichhagen, which leaves on 30 September 2025, before the others."""
    base = presets.example()
    ost = base.region("Ost")
    key = SplitKey.by_weights({party: int(party.name == "Eichhagen") for party in ost.members})
    return base.with_split_key("Ost", key).give_notice("Eichhagen", dt.date(2025, 3, 31))


def test_all_former_parties_with_weight_zero_is_undecided() -> None:
    agreement = ended(zero_weights_but_eichhagen(), wind_down_split="key")
    assert agreement.termination_of("Eichhagen") == dt.date(2025, 9, 30)
    with pytest.raises(
        UndecidedCaseError,
        match=r"region 'Ost' \(Brunnfeld, Fuchsberg, Grünwald\) all have weight zero.*"
        r"wind_down_split='equal' \(C13, I8, I13\)",
    ) as caught:
        wind_down(agreement, END, {"Ost": CostStatement(personnel=1)})
    assert isinstance(caught.value, ValueError)
    # Read widely, the former parties include Eichhagen, which bears it all.
    wide = ended(zero_weights_but_eichhagen(), wind_down_split="key", wind_down_scope="all-former")
    [ost] = wind_down(wide, END, {"Ost": CostStatement(personnel=1)}).regions
    assert parts_in_cents(ost.split) == {
        "Brunnfeld": 0,
        "Eichhagen": 100,
        "Fuchsberg": 0,
        "Grünwald": 0,
    }


# --- golden: the projection of a full termination within a year ------------------------------


def example_plans() -> dict[int, object]:
    plans = presets.example_cost_plans()
    return {2025: plans[2025], 2026: plans[2026], 2027: plans[2026]}


def test_the_year_of_the_end_has_a_settlement_and_a_run_on() -> None:
    agreement = ended()
    projection = project(agreement, range(2025, 2028), example_plans())  # type: ignore[arg-type]
    year = projection.result(2026)
    assert year.settlement is not None
    assert year.wind_down is not None
    # West, equal key: plan 65,000 personnel + 1,000 administration.
    west = year.settlement.region("West")
    # Settled: 3/12 of the plan; funding for January to March, 3 × 55000 / 12.
    assert cents_of(west.costs.personnel) == 6500000 * 3 // 12 == 1625000
    assert cents_of(west.costs.administration) == 100000 * 3 // 12 == 25000
    assert cents_of(west.funding.amount) == 3 * 5500000 // 12 == 1375000
    assert cents_of(west.own_share) == 1650000 - 1375000 == 275000
    run_on = {region.region.name: region for region in year.wind_down.regions}
    west_run_on = run_on["West"]
    # Run-on April to December: 9/12 of the plan; funding April to June at 55,000,
    # July to December at 57,000 (C6).
    assert cents_of(west_run_on.costs.total) == 6600000 * 9 // 12 == 4950000
    assert cents_of(west_run_on.funding.amount) == 3 * 5500000 // 12 + 6 * 5700000 // 12
    assert cents_of(west_run_on.funding.amount) == 1375000 + 2850000 == 4225000
    assert cents_of(west_run_on.net) == 4950000 - 4225000 == 725000
    # The two parts make up the plan.
    assert cents_of(west.costs.total) + cents_of(west_run_on.costs.total) == 6600000
    # Haselstein: half of 2,750.00 plus half of 7,250.00.
    assert cents_of(projection.own_share_of("Haselstein", 2026)) == 137500 + 362500 == 500000
    # Ost, weights 2 : 1 : 1 : 1/2 in the settlement (C4, I9), equal parts in the run-on (C13).
    ost = year.settlement.region("Ost")
    assert cents_of(ost.costs.total) == (13100000 + 300000 + 300000) * 3 // 12 == 3425000
    assert cents_of(ost.funding.amount) == 2 * 1375000
    assert cents_of(ost.own_share) == 3425000 - 2750000 == 675000
    assert parts_in_cents(ost.split) == {
        "Brunnfeld": 675000 * 4 // 9,
        "Eichhagen": 675000 * 2 // 9,
        "Fuchsberg": 675000 * 2 // 9,
        "Grünwald": 675000 // 9,
    }
    ost_run_on = run_on["Ost"]
    assert cents_of(ost_run_on.costs.total) == 13700000 * 9 // 12 == 10275000
    assert cents_of(ost_run_on.funding.amount) == 2 * 4225000
    assert cents_of(ost_run_on.net) == 10275000 - 8450000 == 1825000
    assert parts_in_cents(ost_run_on.split) == dict.fromkeys(
        ["Brunnfeld", "Eichhagen", "Fuchsberg", "Grünwald"], 456250
    )
    assert cents_of(projection.own_share_of("Brunnfeld", 2026)) == 300000 + 456250
    assert cents_of(projection.own_share_of("Grünwald", 2026)) == 75000 + 456250
    # Billing is the settlement's; the run-on is not billed under C9.
    assert projection.billing(2026) == year.settlement.billing


def test_the_year_after_a_within_year_end_is_weighed_in_days_as_before() -> None:
    projection = project(ended(), range(2025, 2028), example_plans())  # type: ignore[arg-type]
    year = projection.result(2027)
    assert year.settlement is None
    assert year.wind_down is not None
    west = {region.region.name: region for region in year.wind_down.regions}["West"]
    # 1 January to 31 March 2027, the rest of West 1's twelve months: 90 of 365 days.
    # 6500000 × 90 / 365 = 1602739.7… → 1602740; 100000 × 90 / 365 = 24657.5… → 24658.
    assert divmod(6500000 * 90, 365) == (1602739, 265)
    assert divmod(100000 * 90, 365) == (24657, 195)
    assert cents_of(west.costs.total) == 1602740 + 24658
    assert cents_of(west.funding.amount) == 3 * 5700000 // 12 == 1425000
    assert cents_of(west.net) == 1627398 - 1425000 == 202398
    assert cents_of(projection.own_share_of("Immental", 2027)) == 101199
    # 2025 is an ordinary year.
    assert projection.result(2025).wind_down is None


def test_the_key_policy_in_the_projection() -> None:
    projection = project(ended(wind_down_split="key"), [2026], example_plans())  # type: ignore[arg-type]
    # The run-on's 1825000 cents split 4 : 2 : 2 : 1 (see above) on top of the settled part.
    assert cents_of(projection.own_share_of("Brunnfeld", 2026)) == 300000 + 811111
    assert cents_of(projection.own_share_of("Grünwald", 2026)) == 75000 + 202778
    # With every post running on for the rest of the year, funded as the agreement
    # would have funded it, the year costs each Ost town what the agreement would
    # have cost: 2,500.00 own share of the full year split 4 : 2 : 2 : 1.
    baseline = project(presets.example(), [2026], example_plans())  # type: ignore[arg-type]
    for town in ("Brunnfeld", "Eichhagen", "Fuchsberg", "Grünwald", "Haselstein", "Immental"):
        assert projection.own_share_of(town, 2026) == baseline.own_share_of(town, 2026), town
    assert cents_of(baseline.own_share_of("Brunnfeld", 2026)) == 1111111


def test_days_weighting_splits_the_year_of_the_end_in_days() -> None:
    agreement = ended(span_weighting="days")
    year = project(agreement, [2026], example_plans()).result(2026)  # type: ignore[arg-type]
    assert year.settlement is not None
    assert year.wind_down is not None
    west = year.settlement.region("West")
    west_run_on = {region.region.name: region for region in year.wind_down.regions}["West"]
    # 90 days to 31 March, 275 after, of 365: 6500000 × 90 / 365 = 1602739.7… → 1602740,
    # 6500000 × 275 / 365 = 4897260.2… → 4897260.
    assert cents_of(west.costs.personnel) == 1602740
    assert cents_of(west_run_on.costs.personnel) == 4897260
    assert 1602740 + 4897260 == 6500000


def test_estimate_is_none_when_the_agreement_ends_on_the_last_day() -> None:
    agreement = scenario.all_give_notice(presets.example(), dt.date(2026, 6, 30))
    assert agreement.ends == dt.date(2026, 12, 31)
    assert estimate_wind_down(agreement, 2026, presets.example_cost_plans()[2026]) is None
    assert estimate_wind_down(ended(), 2025, presets.example_cost_plans()[2025]) is None


# --- properties --------------------------------------------------------------------------------

LABELS = ("Nord 1", "Nord 2", "Ost 1", "Ost 2", "West 1")
ITEMS = ("personnel", "equipment", "recruitment", "administration", "material_not_itemised")


@st.composite
def statements(draw: st.DrawFn, max_cents: int = 10**9) -> CostStatement:
    amounts = draw(st.lists(st.integers(0, max_cents), min_size=5, max_size=5))
    return CostStatement(
        **{item: decimal_from_cents(cents) for item, cents in zip(ITEMS, amounts, strict=True)}
    )


@st.composite
def per_post_cases(draw: st.DrawFn) -> tuple[Agreement, dict[str, RunOnCost]]:
    """The example with drawn employment ends and policies, ended, and a RunOnCost per post."""
    agreement = presets.example()
    for label in LABELS:
        end = draw(st.one_of(st.none(), st.dates(dt.date(2025, 1, 1), dt.date(2028, 6, 30))))
        agreement = agreement.with_post(label, employment_end=end)
    agreement = agreement.with_policies(
        Policies(
            wind_down_split=draw(st.sampled_from(["equal", "key"])),
            wind_down_scope=draw(st.sampled_from(["last-members", "all-former"])),
        )
    )
    received = draw(st.sampled_from([dt.date(2024, 12, 31), NOTICE, dt.date(2026, 1, 15)]))
    agreement = scenario.all_give_notice(agreement, received)
    assert agreement.ends is not None
    given: dict[str, RunOnCost] = {}
    for post in agreement.posts:
        end = post.employment_end
        if (end is None or end > agreement.ends) and draw(st.booleans()):
            make = draw(st.sampled_from([RunOnCost.monthly, RunOnCost.for_period]))
            funding = decimal_from_cents(draw(st.integers(0, 10**9)))
            given[post.label] = make(draw(statements()), funding)
    assume(given)
    return agreement, given


@settings(max_examples=60, deadline=None)
@given(per_post_cases())
def test_per_post_properties(case: tuple[Agreement, dict[str, RunOnCost]]) -> None:
    agreement, given = case
    assert agreement.ends is not None
    result = wind_down(agreement, agreement.ends, given)
    limit_of = (
        agreement.ends + dt.timedelta(days=1) + relativedelta(months=12) - dt.timedelta(days=1)
    )
    for region in result.regions:
        # Parts sum exactly to the net, each within a cent of its exact share.
        assert sum(region.split.values(), Decimal(0)) == region.net
        for share in region.split.shares:
            assert abs(Fraction(share.amount) - share.exact) < Fraction(1, 100)
        assert region.net - region.surplus == region.costs.total - region.funding.amount
        assert min(region.net, region.surplus) == 0
        # The region is the sum of its posts, item by item, and so is its funding.
        for item in ITEMS:
            assert getattr(region.costs, item) == sum(
                (getattr(post.costs, item) for post in region.posts), Decimal(0)
            )
        assert region.funding.amount == sum((post.funding for post in region.posts), Decimal(0))
        assert [Fraction(post.funding) for post in region.posts] == [
            item.exact for item in region.funding.posts
        ]
        for post in region.posts:
            period = post.period
            # Never beyond 12 months or the employment's end.
            assert period.first_day == agreement.ends + dt.timedelta(days=1)
            assert period.last_day is not None
            assert period.last_day <= limit_of
            if post.post.employment_end is not None:
                assert period.last_day <= post.post.employment_end
            assert 0 < period.in_months <= 12
            assert period.months <= 12
            # A monthly amount times the period in months, within half a cent.
            factor = period.in_months if post.given.per == "month" else Fraction(1)
            for item in ITEMS:
                exact = Fraction(getattr(post.given.costs, item)) * factor
                assert abs(Fraction(getattr(post.costs, item)) - exact) <= Fraction(1, 200)
            assert abs(Fraction(post.funding) - Fraction(post.given.funding) * factor) <= Fraction(
                1, 200
            )


@settings(max_examples=40, deadline=None)
@given(per_post_cases())
def test_region_form_and_per_post_period_form_agree(
    case: tuple[Agreement, dict[str, RunOnCost]],
) -> None:
    agreement, given = case
    assert agreement.ends is not None
    per_post = wind_down(agreement, agreement.ends, given)
    # The same figures for the whole periods, given per post and per region.
    periods = {
        post.post.label: RunOnCost.for_period(post.costs, post.funding)
        for region in per_post.regions
        for post in region.posts
    }
    by_post = wind_down(agreement, agreement.ends, periods)
    by_region = wind_down(
        agreement,
        agreement.ends,
        {region.region.name: region.costs for region in per_post.regions},
        funding={region.region.name: region.funding.amount for region in per_post.regions},
    )
    for one, other, third in zip(
        per_post.regions, by_post.regions, by_region.regions, strict=True
    ):
        assert one.costs == other.costs == third.costs
        assert one.funding.amount == other.funding.amount == third.funding.amount
        assert one.net == other.net == third.net
        assert one.surplus == other.surplus == third.surplus
        assert one.split == other.split == third.split
        assert third.posts == ()


@settings(max_examples=30, deadline=None)
@given(
    received=st.dates(dt.date(2025, 1, 1), dt.date(2026, 12, 31)),
    personnel=st.integers(0, 10**9),
    administration=st.integers(0, 10**7),
    weighting=st.sampled_from(["months", "days"]),
)
def test_settled_part_and_run_on_make_up_the_plan(
    received: dt.date, personnel: int, administration: int, weighting: str
) -> None:
    agreement = scenario.all_give_notice(
        presets.example().with_policies(Policies(span_weighting=weighting)),
        received,
    )
    ends = agreement.ends
    assert ends is not None
    assume(ends.month != 12)
    plan = {
        "West": CostStatement(
            personnel=decimal_from_cents(personnel),
            administration=decimal_from_cents(administration),
        )
    }
    year = project(agreement, [ends.year], plan).result(ends.year)
    assert year.settlement is not None
    assert year.wind_down is not None
    settled = year.settlement.region("West").costs
    [run_on] = year.wind_down.regions
    # West 1 is open-ended and runs on all the rest of the year: each item's two
    # parts, each rounded half up once, are within a cent of the plan.
    for item, cents in (("personnel", personnel), ("administration", administration)):
        total = cents_of(getattr(settled, item)) + cents_of(getattr(run_on.costs, item))
        assert abs(total - cents) <= 1
    # What the towns bear in the year is both parts.
    for town in ("Haselstein", "Immental"):
        assert year.settlement.own_share_of(town) + run_on.split[agreement.party(town)] == (
            project(agreement, [ends.year], plan).own_share_of(town, ends.year)
        )
