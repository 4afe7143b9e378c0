"""Rules of `kim_cooperation.split` that mutation testing found unchecked (C4, I1, I2).

Each test states a rule of the split; see docs/development.md for the
mutation run that asked for it.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from kim_cooperation import Clause, presets
from kim_cooperation.errors import InvalidValueError
from kim_cooperation.party import Party
from kim_cooperation.split import Allocation, Share, _split_trusted, split_by_weight, split_equally

A, B, C = (
    Party(name=name, kind="Gemeinde", ags=f"0555800{index}")
    for index, name in enumerate("ABC", start=1)
)


def nord_split(amount: str) -> Allocation:
    nord = presets.coesfeld().region("Nord")
    return split_equally(Decimal(amount), nord.members, first=nord.employer)


def test_share_is_built_with_keywords_only() -> None:
    with pytest.raises(TypeError):
        Share(A, Fraction(1), Fraction(1), Decimal("0.01"), False)  # type: ignore[call-arg]


def test_allocation_is_made_by_the_split_functions_only() -> None:
    # An allocation built by hand could be inconsistent; the splits make them.
    with pytest.raises(TypeError, match="made by split_equally and split_by_weight"):
        Allocation()
    with pytest.raises(TypeError):
        Allocation(amount=Decimal("0.00"), shares=())  # type: ignore[call-arg]


def test_an_unhashable_key_is_not_in_an_allocation() -> None:
    parts = nord_split("100.01")
    unhashable: list[object] = [[], {}]
    assert not any(key in parts for key in unhashable)


def test_the_trusted_split_refuses_no_parties() -> None:
    with pytest.raises(InvalidValueError, match="cannot split an amount among no parties"):
        _split_trusted(100, {}, first=None, clause=Clause.C4)


def test_allocation_repr_shows_the_value_not_the_private_index() -> None:
    text = repr(nord_split("100.01"))
    assert text.startswith("Allocation(amount=Decimal('100.01'), shares=(")
    assert "index" not in text


def test_equal_allocations_are_hashable_with_equal_hashes() -> None:
    first, second = nord_split("100.01"), nord_split("100.01")
    assert first == second
    assert hash(first) == hash(second)
    assert len({first, second}) == 1


def test_an_equal_split_gives_every_party_weight_one() -> None:
    parts = split_equally(Decimal("0.05"), [A, B, C])
    assert [share.weight for share in parts.shares] == [Fraction(1)] * 3
    assert [share.exact for share in parts.shares] == [Fraction(5, 300)] * 3


def test_a_repeated_ags_is_named_in_the_error() -> None:
    twin = Party(name="B twin", kind="Gemeinde", ags=B.ags)
    with pytest.raises(InvalidValueError, match=f"AGS {B.ags} repeats"):
        split_by_weight(Decimal("1"), {A: 1, B: 1, twin: 1})


def test_a_repeated_party_is_named_in_the_error() -> None:
    with pytest.raises(InvalidValueError, match="B repeats"):
        split_equally(Decimal("1"), [A, B, C, B])
