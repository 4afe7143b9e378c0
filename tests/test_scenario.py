from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from coesfeld import TOWNS
from kim_cooperation import Clause, InvalidTypeError, InvalidValueError, presets
from kim_cooperation import scenario as sc

BASE = presets.coesfeld()
PLAN = presets.coesfeld_planning_costs_2023()


def comparison() -> sc.Comparison:
    return sc.compare(
        BASE,
        {
            "57,000": sc.rate_change(BASE, Decimal("57000"), dt.date(2024, 1, 1)),
            "no funding": sc.loss_of_funding(BASE, dt.date(2025, 1, 1)),
            "Rosendahl leaves": sc.notice_by(BASE, "Rosendahl", dt.date(2024, 6, 30)),
            "all leave": sc.all_give_notice(BASE, dt.date(2024, 6, 30)),
        },
        range(2023, 2027),
        PLAN,
    )


def test_baseline_differences_are_zero_and_values_are_the_projection() -> None:
    result = comparison()
    assert result.names[0] == sc.BASELINE
    assert tuple(party.name for party in result.parties) == TOWNS
    for party, year, values, differences in result.rows():
        assert differences[0] == 0
        for name, value, difference in zip(result.names, values, differences, strict=True):
            assert value == result.projection(name).own_share_of(party, year)
            assert difference == value - values[0]


def test_named_scenarios_give_the_paper_figures() -> None:
    result = comparison()
    assert result.value(sc.BASELINE, "Havixbeck", 2024) == Decimal("8125.00")
    assert result.value("57,000", "Havixbeck", 2023) == Decimal("8125.00")
    assert result.value("57,000", "Havixbeck", 2024) == Decimal("6875.00")
    assert result.difference("57,000", "Havixbeck", 2024) == Decimal("-1250.00")
    assert result.value("no funding", "Havixbeck", 2025) == Decimal("42500.00")
    assert result.value("Rosendahl leaves", "Rosendahl", 2026) == 0
    assert result.value("Rosendahl leaves", "Coesfeld", 2026) == Decimal("10833.34")
    # All leave at the end of 2025; the open-ended employments run on for all of 2026
    # (C13), estimated from the plan: the same costs and funding, split as before.
    assert result.value("all leave", "Coesfeld", 2026) == Decimal("8125.00")
    assert result.difference("all leave", "Coesfeld", 2026) == 0
    after = sc.compare(
        BASE, {"all leave": sc.all_give_notice(BASE, dt.date(2024, 6, 30))}, [2027], PLAN
    )
    assert after.value("all leave", "Coesfeld", 2027) == 0
    assert after.difference("all leave", "Coesfeld", 2027) == Decimal("-8125.00")


def test_scenario_builders_leave_the_baseline_unchanged() -> None:
    changed = sc.rate_change(BASE, 57000, dt.date(2024, 1, 1), source="Erlass 2024")
    assert changed.funding.rate_on(dt.date(2024, 1, 1)).source == "Erlass 2024"
    assert changed.funding.rate_on(dt.date(2024, 1, 1)).clause is Clause.C6
    assert BASE.funding.rate_on(dt.date(2024, 1, 1)).amount == Decimal("55000.00")
    ended = sc.all_give_notice(
        BASE.give_notice("Olfen", dt.date(2023, 5, 1)), dt.date(2024, 6, 30)
    )
    assert ended.ends == dt.date(2025, 12, 31)
    assert ended.termination_of("Olfen") == dt.date(2024, 12, 31)


def test_bad_comparisons_are_refused() -> None:
    with pytest.raises(InvalidValueError, match="reserved for the baseline"):
        sc.compare(BASE, {"baseline": BASE}, [2024], PLAN)
    with pytest.raises(InvalidTypeError, match="must be an Agreement"):
        sc.compare(BASE, {"x": "y"}, [2024], PLAN)  # type: ignore[dict-item]
    with pytest.raises(InvalidTypeError, match="mapping of name to Agreement"):
        sc.compare(BASE, [BASE], [2024], PLAN)  # type: ignore[arg-type]
    smaller = presets.coesfeld()
    other = type(smaller)(
        name="Other",
        parties=smaller.region("Mitte").members,
        regions=[smaller.region("Mitte")],
        funding=smaller.funding,
        start=smaller.start,
    )
    with pytest.raises(InvalidValueError, match="other parties than the baseline"):
        sc.compare(BASE, {"other": other}, [2024], {"Mitte": PLAN["Mitte"]})
    with pytest.raises(InvalidValueError, match="no scenario 'missing'"):
        comparison().value("missing", "Olfen", 2024)


def test_rows_cover_the_towns_of_the_planned_regions() -> None:
    result = sc.compare(BASE, {}, [2024], presets.coesfeld_cost_plan_2023())
    assert [party.name for party in result.parties] == [
        "Billerbeck",
        "Coesfeld",
        "Havixbeck",
        "Rosendahl",
    ]
    assert len(result.rows()) == 4


def test_comparison_shows_itself_as_text_html_and_data() -> None:
    result = sc.compare(
        BASE, {"57,000": sc.rate_change(BASE, 57000, dt.date(2023, 7, 1))}, [2023], PLAN
    )
    assert "57,000" in str(result)
    assert "<table" in result._repr_html_()
    assert result.to_dict()["type"] == "comparison"
