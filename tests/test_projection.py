from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kim_cooperation.strategies as kst
from kim_cooperation import (
    Agreement,
    Clause,
    CostStatement,
    InvalidTypeError,
    InvalidValueError,
    Policies,
    UnknownRegionError,
    export,
    presets,
    scenario,
    settle,
)
from kim_cooperation.money import round_half_up_to_cents
from kim_cooperation.projection import estimate_wind_down, grow_plan, project

PLAN = presets.coesfeld_cost_plan_2023()


@settings(max_examples=30)
@given(
    first=st.integers(min_value=2023, max_value=2040),
    count=st.integers(min_value=1, max_value=6),
    personnel=st.integers(min_value=0, max_value=10**8).map(lambda cents: Decimal(cents) / 100),
)
def test_projection_equals_single_year_settlements(
    first: int, count: int, personnel: Decimal
) -> None:
    plans = {
        year: {"Nord": CostStatement(personnel=personnel + year)}
        for year in range(first, first + count)
    }
    agreement = presets.coesfeld().give_notice("Havixbeck", dt.date(2025, 3, 1))
    projection = project(agreement, range(first, first + count), plans)
    for year in range(first, first + count):
        single = settle(agreement, year, plans[year])
        result = projection.result(year)
        assert result.settlement == single
        for party in single.region("Nord").split:
            assert projection.own_share_of(party, year) == single.own_share_of(party)


def test_a_town_that_left_pays_nothing_afterwards() -> None:
    agreement = presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30))
    projection = project(agreement, range(2024, 2028), PLAN)
    assert dict(projection.own_shares_of("Rosendahl")) == {
        2024: Decimal("8125.00"),
        2025: Decimal("8125.00"),
        2026: Decimal("0.00"),
        2027: Decimal("0.00"),
    }
    assert projection.total_of("Rosendahl") == Decimal("16250.00")
    assert projection.billed_by("Coesfeld")[2026] == Decimal("21666.66")


def test_after_full_termination_only_the_run_on_remains() -> None:
    agreement = presets.coesfeld()
    ended = agreement.give_notices(dict.fromkeys(agreement.parties, dt.date(2024, 6, 30)))
    projection = project(ended, [2025, 2026, 2027], PLAN)
    assert projection.own_share_of("Coesfeld", 2025) == Decimal("8125.00")
    run_on = projection.result(2026)
    assert run_on.settlement is None
    assert run_on.wind_down is not None
    assert run_on.wind_down.clause is Clause.C13
    # Open-ended employments run on for the whole of 2026 (12 months, C13).
    assert projection.own_share_of("Coesfeld", 2026) == Decimal("8125.00")
    assert projection.billing(2026) == ()
    assert projection.result(2027).wind_down is None
    assert projection.own_share_of("Coesfeld", 2027) == 0
    assert projection.total_of("Rosendahl") == Decimal("16250.00")


def ended_in_2025(**employment_ends: dt.date) -> Agreement:
    """The preset, every party leaving at the end of 2025, with employment ends by post label."""
    agreement = presets.coesfeld()
    regions = [
        attrs.evolve(
            region,
            posts=[
                attrs.evolve(
                    post, employment_end=employment_ends.get(post.label.replace(" ", "_"))
                )
                for post in region.posts
            ],
        )
        for region in agreement.regions
    ]
    agreement = attrs.evolve(agreement, regions=regions)
    return agreement.give_notices(dict.fromkeys(agreement.parties, dt.date(2024, 6, 30)))


def test_run_on_estimate_is_pro_rata_to_the_post_days() -> None:
    # Nord 1 (1 FTE) runs on 90 days, Nord 2 (1 FTE) 59 days, Nord 3 (0.5 FTE) not at all.
    agreement = ended_in_2025(
        Nord_1=dt.date(2026, 3, 31), Nord_2=dt.date(2026, 2, 28), Nord_3=dt.date(2025, 12, 31)
    )
    run_on = estimate_wind_down(agreement, 2026, PLAN)
    assert run_on is not None
    [nord] = run_on.regions
    factor = Fraction(90 + 59, 365) / Fraction(5, 2)
    assert nord.costs.personnel == Decimal("26615.89")  # 163,000 × 149 / 912.5 = 26,615.890…
    assert abs(Fraction(nord.costs.personnel) - 163000 * factor) <= Fraction(1, 200)
    assert nord.costs.material_not_itemised == Decimal("1143.01")
    # Funding in twelfths (I7): 3 + 2 full months of 1 FTE at 55,000 a year.
    assert nord.funding.amount == Decimal("22916.67")
    assert nord.net == nord.costs.total - nord.funding.amount
    assert sum(nord.split.values(), Decimal(0)) == nord.net


def test_run_on_estimate_without_funding_bears_the_whole_costs() -> None:
    agreement = ended_in_2025()
    agreement = agreement.with_funding(
        agreement.funding.without_funding_from(dt.date(2026, 1, 1), source="C10 case")
    )
    run_on = estimate_wind_down(agreement, 2026, PLAN)
    assert run_on is not None
    assert run_on.regions[0].funding.amount == 0
    assert set(run_on.regions[0].split.values()) == {Decimal("42500.00")}


def test_run_on_estimate_skips_regions_whose_posts_ended() -> None:
    agreement = ended_in_2025(Mitte_1=dt.date(2025, 6, 30))
    plan = {**PLAN, "Mitte": CostStatement(personnel=Decimal("68000"))}
    run_on = estimate_wind_down(agreement, 2026, plan)
    assert run_on is not None
    assert [region.region.name for region in run_on.regions] == ["Nord"]
    only_mitte = estimate_wind_down(agreement, 2026, {"Mitte": CostStatement(personnel=1)})
    assert only_mitte is None


def test_run_on_estimate_is_none_while_the_agreement_runs() -> None:
    assert estimate_wind_down(presets.coesfeld(), 2030, PLAN) is None
    assert estimate_wind_down(ended_in_2025(), 2025, PLAN) is None


def test_run_on_estimate_follows_the_wind_down_policy() -> None:
    agreement = presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30))
    others = [party for party in agreement.parties if party.name != "Rosendahl"]
    agreement = agreement.give_notices(dict.fromkeys(others, dt.date(2025, 6, 30)))
    narrow = estimate_wind_down(agreement, 2027, PLAN)
    wide = estimate_wind_down(
        agreement.with_policies(Policies(wind_down_scope="all-former")), 2027, PLAN
    )
    assert narrow is not None
    assert wide is not None
    assert len(narrow.regions[0].split) == 3
    assert wide.regions[0].split[agreement.party("Rosendahl")] == Decimal("8125.00")


def test_growth_is_compounded_exactly_and_rounded_half_up_once() -> None:
    plan = {"Nord": CostStatement(personnel=Decimal("100000.01"), equipment=Decimal("5"))}
    grown = grow_plan(plan, 3, Decimal("0.025"))
    exact = Fraction(10000001, 100) * Fraction(41, 40) ** 3
    assert grown["Nord"].personnel == Decimal("107689.07")
    assert abs(Fraction(grown["Nord"].personnel) - exact) <= Fraction(1, 200)
    assert grown["Nord"].equipment == Decimal("5.00")
    assert grow_plan(plan, 0, Decimal("0.5"))["Nord"] == plan["Nord"]


def test_base_plan_grows_from_the_first_year() -> None:
    projection = project(
        presets.coesfeld(), [2024, 2026, 2025], PLAN, personnel_growth=Fraction(1, 10)
    )
    assert projection.years == (2024, 2025, 2026)
    assert projection.plan(2024)["Nord"].personnel == Decimal("163000.00")
    assert projection.plan(2026)["Nord"].personnel == Decimal("197230.00")


@pytest.mark.parametrize(
    ("years", "plans", "growth", "message"),
    [
        ([], PLAN, 0, "at least one year"),
        ([2024, 2024], PLAN, 0, "each year may be projected once"),
        (range(2023, 2300), PLAN, 0, "at most 200 years"),
        ([2024, 2025], {2024: PLAN}, 0, r"lack the years \[2025\]"),
        ([2024], {2024: PLAN}, Decimal("0.03"), "personnel_growth applies to a base plan"),
        ([2024], {}, 0, "non-empty mapping"),
        ([2024], {2024: PLAN, "Nord": PLAN["Nord"]}, 0, "region names or by years"),
    ],
)
def test_bad_projections_are_refused(
    years: list[int], plans: object, growth: Decimal, message: str
) -> None:
    with pytest.raises(InvalidValueError, match=message):
        project(presets.coesfeld(), years, plans, personnel_growth=growth)  # type: ignore[arg-type]


def test_bad_growth_and_types() -> None:
    with pytest.raises(InvalidTypeError, match="personnel_growth must be a Fraction"):
        grow_plan(PLAN, 1, 0.03)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="at least -1"):
        grow_plan(PLAN, 1, Decimal("-1.5"))
    with pytest.raises(InvalidValueError, match="years of growth"):
        grow_plan(PLAN, -1, 0)
    with pytest.raises(InvalidTypeError, match="must be a CostStatement"):
        grow_plan({"Nord": 5}, 1, 0)  # type: ignore[dict-item]
    with pytest.raises(InvalidTypeError, match="agreement must be an Agreement"):
        project("Coesfeld", [2024], PLAN)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="2030 is not a year of this projection"):
        project(presets.coesfeld(), [2024], PLAN).result(2030)


@settings(max_examples=40)
@given(
    ends=st.lists(
        st.one_of(st.none(), st.dates(dt.date(2025, 6, 1), dt.date(2028, 3, 1))),
        min_size=7,
        max_size=7,
    )
)
def test_run_on_estimates_lose_no_cent_and_never_exceed_the_plan(
    ends: list[dt.date | None],
) -> None:
    labels = [post.label.replace(" ", "_") for post in presets.coesfeld().posts]
    agreement = ended_in_2025(
        **{label: end for label, end in zip(labels, ends, strict=True) if end}
    )
    plan = presets.coesfeld_planning_costs_2023()
    projection = project(agreement, range(2025, 2029), plan)
    for year in (2026, 2027, 2028):
        run_on = projection.result(year).wind_down
        if year > 2026:
            assert run_on is None  # at most 12 months after the end (C13)
            continue
        if run_on is None:
            continue
        for region in run_on.regions:
            assert region.costs.total <= plan[region.region.name].total
            assert region.net + region.funding.amount - region.surplus == region.costs.total
            assert sum(region.split.values(), Decimal(0)) == region.net
        towns = sum(
            (projection.own_share_of(party, year) for party in agreement.parties), Decimal(0)
        )
        assert towns == sum((region.net for region in run_on.regions), Decimal(0))


def test_projection_shows_itself_as_text_html_and_data() -> None:
    projection = project(presets.coesfeld(), [2023], PLAN)
    assert "Billerbeck" in str(projection)
    assert projection._repr_html_().startswith("<")
    assert projection.to_dict()["type"] == "projection"


def test_projection_follows_the_literal_withdrawal_reading() -> None:
    agreement = (
        presets.coesfeld()
        .give_notice("Rosendahl", dt.date(2024, 6, 30))
        .with_policies(Policies(withdrawal_scope="agreement"))
    )
    planning = presets.coesfeld_planning_costs_2023()
    projection = project(agreement, [2026], planning)
    assert projection.own_share_of("Dülmen", 2026) == settle(
        agreement, 2026, planning
    ).own_share_of("Dülmen")
    assert projection.own_share_of("Dülmen", 2026) == Decimal("7312.50")
    nord_only = project(agreement, [2026], PLAN)
    assert nord_only.own_share_of("Dülmen", 2026) == Decimal("812.50")
    assert nord_only.parties == agreement.parties


def test_a_literal_reading_projection_shows_only_the_towns_that_bear_a_part() -> None:
    # Under withdrawal_scope="agreement" with costs for Nord only: before anyone leaves,
    # only Nord's towns bear a part; the table must not ask for the unsettled regions.
    agreement = presets.coesfeld().with_policies(Policies(withdrawal_scope="agreement"))
    before = project(agreement, [2023, 2024], PLAN)
    assert [party.name for party in before.parties] == [
        "Billerbeck",
        "Coesfeld",
        "Havixbeck",
        "Rosendahl",
    ]
    assert "Dülmen" not in before.table()
    with pytest.raises(UnknownRegionError, match="'Mitte' was not settled for 2023"):
        before.own_share_of("Dülmen", 2023)
    # Once Rosendahl has left, every town bears a part in 2026, and nothing in 2025.
    leaving = agreement.give_notice("Rosendahl", dt.date(2024, 6, 30))
    after = project(leaving, [2025, 2026], PLAN)
    assert after.parties == agreement.parties
    assert after.own_share_of("Dülmen", 2025) == Decimal("0.00")
    assert after.own_share_of("Dülmen", 2026) == Decimal("812.50")
    assert sum(after.own_shares_of(party)[2026] for party in after.parties) == Decimal("32500.00")
    # The long table lists a town of another region in the years it bears a part (C12).
    rows = [(row["year"], row["party"], row["clause"]) for row in export.to_records(after)]
    assert (2026, "Dülmen", "C12") in rows
    assert all(party != "Dülmen" for year, party, _ in rows if year == 2025)
    comparison = scenario.compare(
        leaving,
        {"57,000": scenario.rate_change(leaving, Decimal(57000), dt.date(2025, 1, 1))},
        [2025, 2026],
        PLAN,
    )
    records = comparison.to_dict()["own_shares"]
    assert {
        "year": 2026,
        "scenario": "57,000",
        "party": "Dülmen",
        "clause": "C12",
    }.items() <= next(
        row
        for row in records
        if row["party"] == "Dülmen" and row["year"] == 2026 and row["scenario"] == "57,000"
    ).items()


def test_projection_parties_cover_every_years_plan() -> None:
    plans = {2023: PLAN, 2024: {"Mitte": CostStatement(personnel=Decimal("68000"))}}
    projection = project(presets.coesfeld(), [2023, 2024], plans)
    assert [party.name for party in projection.parties] == [
        "Billerbeck",
        "Coesfeld",
        "Dülmen",
        "Havixbeck",
        "Nottuln",
        "Rosendahl",
    ]


@settings(max_examples=60)
@given(
    statement=kst.cost_statements(),
    years=st.integers(min_value=0, max_value=30),
    growth=st.integers(min_value=-100, max_value=100).map(lambda n: Decimal(n).scaleb(-2)),
)
def test_a_grown_statement_is_the_one_its_constructor_makes(
    statement: CostStatement, years: int, growth: Decimal
) -> None:
    # grow_plan makes the grown statement without checking the unchanged items again: it
    # must be the statement the checked constructor makes, to the hash and the pickle.
    import pickle

    grown = grow_plan({"Nord": statement}, years, growth)["Nord"]
    checked = attrs.evolve(statement, personnel=grown.personnel)
    assert grown == checked
    assert hash(grown) == hash(checked)
    assert grown.total == checked.total
    # The cents it carries over from the base (not summed again) are those it holds.
    assert grown._total_cents == checked._total_cents
    assert grown._personnel_cents == checked._personnel_cents
    assert pickle.dumps(grown) == pickle.dumps(checked)
    assert grown.personnel >= 0
    assert grown.personnel.as_tuple().exponent == -2
    # Compounded exactly and rounded half up once, as Fraction arithmetic rounds it.
    exact = Fraction(statement.personnel) * (1 + Fraction(growth)) ** years
    assert Fraction(grown.personnel) == Fraction(round_half_up_to_cents(exact), 100)
