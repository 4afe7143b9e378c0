"""Changing funding, notices or policies gives what the constructor gives.

`with_funding`, `with_policies`, `give_notice(s)` and `withdraw_notice` go
through `Agreement._replace`, which skips the checks of the parties and
regions (these changes cannot break them) and carries the look-up tables
over. These tests hold it to the constructor: the same agreement, the same
look-up tables, the same errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from kim_cooperation import (
    Agreement,
    FundingRate,
    FundingSchedule,
    KimCooperationError,
    Notice,
    PartYearFunding,
    Policies,
    WindDownScope,
    WithdrawalScope,
    presets,
)
from kim_cooperation.agreement._index import _Index
from strategies import notice_sets_with_an_employer, valid_notice_sets

BASE = presets.coesfeld()

Outcome = Agreement | tuple[type[BaseException], str]


def _outcome(build: Callable[[], Agreement]) -> Outcome:
    """The agreement built, or the type and message of the error raised."""
    try:
        return build()
    except (KimCooperationError, TypeError, ValueError) as error:
        return type(error), str(error)


def _constructed(**changes: Any) -> Outcome:
    """The agreement through the constructor: every field converted and checked."""
    return _outcome(lambda: attrs.evolve(BASE, **changes))


def _check_tables(outcome: Outcome) -> None:
    if isinstance(outcome, Agreement):
        assert outcome._index == _Index.of(outcome)


@settings(max_examples=80, deadline=None)
@given(st.one_of(valid_notice_sets(), notice_sets_with_an_employer()))
def test_notices_are_recorded_as_by_the_constructor(notices: dict[str, dt.date]) -> None:
    replaced = _outcome(lambda: BASE.give_notices(notices))
    expected = _constructed(
        notices=[Notice(party=BASE.party(party), received=day) for party, day in notices.items()]
    )
    assert replaced == expected
    _check_tables(replaced)


@settings(max_examples=40, deadline=None)
@given(valid_notice_sets(min_size=1), st.data())
def test_a_withdrawn_notice_leaves_what_the_constructor_leaves(
    notices: dict[str, dt.date], data: st.DataObject
) -> None:
    given_notice = BASE.give_notices(notices)
    party = data.draw(st.sampled_from(sorted(notices)))
    day = data.draw(st.dates(dt.date(2023, 1, 1), dt.date(2032, 12, 31)))
    replaced = _outcome(lambda: given_notice.withdraw_notice(party, day))
    if isinstance(replaced, Agreement):
        rest = [notice for notice in given_notice.notices if notice.party.name != party]
        assert replaced == _constructed(notices=rest)
    _check_tables(replaced)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.dates(dt.date(2021, 1, 1), dt.date(2030, 12, 31)),
            st.integers(0, 6_000_000),
        ),
        min_size=1,
        max_size=4,
        unique_by=lambda item: item[0],
    ),
    valid_notice_sets(max_size=2),
)
def test_a_funding_schedule_is_taken_as_by_the_constructor(
    rates: list[tuple[dt.date, int]], notices: dict[str, dt.date]
) -> None:
    base = BASE.give_notices(notices)
    schedule = FundingSchedule(
        rates=[
            FundingRate(valid_from=day, amount=Decimal(cents).scaleb(-2), source="test")
            for day, cents in sorted(rates)
        ]
    )
    replaced = _outcome(lambda: base.with_funding(schedule))
    assert replaced == _outcome(lambda: attrs.evolve(base, funding=schedule))
    _check_tables(replaced)


@given(
    st.builds(
        Policies,
        withdrawal_scope=st.sampled_from(WithdrawalScope),
        part_year_funding=st.sampled_from(PartYearFunding),
        wind_down_scope=st.sampled_from(WindDownScope),
    )
)
def test_policies_are_taken_as_by_the_constructor(policies: Policies) -> None:
    replaced = _outcome(lambda: BASE.with_policies(policies))
    assert replaced == _constructed(policies=policies)
    _check_tables(replaced)


def test_values_of_the_wrong_type_are_refused_as_by_the_constructor() -> None:
    wrong = [(55000,), "schedule", None]
    for value in wrong:
        assert _outcome(lambda v=value: BASE.with_funding(v)) == _constructed(funding=value)  # type: ignore[misc]
        assert _outcome(lambda v=value: BASE.with_policies(v)) == _constructed(policies=value)  # type: ignore[misc]


def test_the_tables_carry_over_unchanged_when_notices_stay() -> None:
    changed = BASE.with_policies(Policies(withdrawal_scope="agreement"))
    assert changed._index is BASE._index
    left = BASE.give_notice("Rosendahl", dt.date(2024, 6, 30))
    assert left._index.party_by_ags is BASE._index.party_by_ags
    assert left._index.termination == {BASE.party("Rosendahl"): dt.date(2025, 12, 31)}
    assert BASE._index.termination == {}


def test_other_fields_are_changed_through_the_constructor() -> None:
    renamed = BASE._replace(name="KIM Kreis Coesfeld")
    assert renamed == attrs.evolve(BASE, name="KIM Kreis Coesfeld")
    _check_tables(renamed)
