"""Type-level tests of the public API, checked by ``mypy --strict`` (never run).

Each function below is type-checked, not called. Lines that must be type
errors carry ``# type: ignore[code]``: under ``--strict`` mypy warns about an
unused ignore, so if the API's types ever stopped rejecting such a call
(a float passed as money, a string as a date), the check would fail. The
``assert_type`` lines pin what the public functions return.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import assert_type

import kim_cooperation as kim
from kim_cooperation import export
from kim_cooperation.formatting import format_eur
from kim_cooperation.projection import Projection, project
from kim_cooperation.scenario import Comparison, compare


def money_is_decimal_or_int_never_float() -> None:
    parties = kim.presets.coesfeld().parties
    kim.split_equally(Decimal("100.00"), parties)
    kim.split_equally(100, parties)
    kim.split_equally(100.0, parties)  # type: ignore[arg-type]
    kim.CostStatement(personnel=Decimal("163000"))
    kim.CostStatement(personnel=163000.0)  # type: ignore[arg-type]
    kim.FundingRate(valid_from=dt.date(2024, 1, 1), amount=57000.0, source="x")  # type: ignore[arg-type]
    format_eur(8125.5)  # type: ignore[arg-type]


def dates_are_dates() -> None:
    kim.termination_date(dt.date(2024, 6, 30))
    kim.termination_date("2024-06-30")  # type: ignore[arg-type]
    agreement = kim.presets.coesfeld()
    agreement.give_notice("Rosendahl", "2024-06-30")  # type: ignore[arg-type]


def full_time_equivalents_are_exact() -> None:
    kim.Post(label="A", fte=Fraction(1, 2))
    kim.Post(label="B", fte=1)
    kim.Post(label="C", fte=0.5)  # type: ignore[arg-type]


def results_have_precise_types() -> None:
    agreement = kim.presets.coesfeld()
    plan = kim.presets.coesfeld_cost_plan_2023()
    settlement = kim.settle(agreement, 2023, plan)
    assert_type(settlement, kim.Settlement)
    assert_type(settlement.own_share_of("Billerbeck"), Decimal)
    assert_type(settlement.region("Nord"), kim.RegionSettlement)
    assert_type(settlement.region("Nord").split, kim.Allocation)
    assert_type(kim.termination_date(dt.date(2024, 6, 30)), dt.date)
    assert_type(agreement.ends, dt.date | None)
    assert_type(agreement.post_shares(dt.date(2024, 1, 1)), Mapping[kim.Party, Fraction])
    assert_type(kim.financial_impact(settlement, "Coesfeld"), kim.FinancialImpact)
    assert_type(kim.explain(settlement, "Coesfeld"), kim.Explanation)
    projection = project(agreement, [2023], plan)
    assert_type(projection, Projection)
    assert_type(projection.own_shares_of("Coesfeld"), Mapping[int, Decimal])
    assert_type(compare(agreement, {}, [2023], plan), Comparison)
    assert_type(export.to_json(settlement), str)
    assert_type(kim.loads_agreement("").agreement, kim.Agreement)


def errors_are_their_builtins() -> None:
    error: ValueError = kim.InvalidMoneyError("x")
    lookup: LookupError = kim.UnknownPartyError("x")
    wrong: TypeError = kim.MoneyTypeError("x")
    base: kim.KimCooperationError = kim.AgreementFileError([("regions[0].posts[0].fte", "x")])
    del error, lookup, wrong, base
