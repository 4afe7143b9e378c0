"""Tests of `kim_cooperation.split`: largest remainder to the cent (C4, I1, I2)."""

from __future__ import annotations

import decimal
import math
import re
from collections.abc import Mapping, MutableMapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kim_cooperation import presets
from kim_cooperation._checks import Exact
from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.errors import (
    InvalidMoneyError,
    InvalidTypeError,
    InvalidValueError,
    KimCooperationError,
    MoneyTypeError,
    UnknownPartyError,
)
from kim_cooperation.party import Party
from kim_cooperation.split import Allocation, largest_remainder, split_by_weight, split_equally
from strategies import (
    cents,
    decimal_contexts,
    decimal_from_cents,
    distinct_parties,
    exact_weights,
    money,
    parties,
    positive_weights,
    weight_maps,
)


def town(name: str, ags: str) -> Party:
    return Party(name=name, kind="Gemeinde", ags=ags)


A = town("Aheim", "05558004")
B = town("Bdorf", "05558008")
C = town("Cstadt", "05558012")
D = town("Dburg", "05558016")


def cents_of(value: Decimal) -> int:
    """Read a two-place Decimal as cents, independently of the library."""
    sign, digits, exponent = value.as_tuple()
    assert exponent == -2, value
    number = int("".join(map(str, digits)))
    return -number if sign else number


def exact_share_in_cents(amount: Decimal, weight: Exact, total: Fraction) -> Fraction:
    return Fraction(amount) * 100 * Fraction(weight) / total


def tie_key(party: Party, first: Party | None) -> tuple[bool, str]:
    return (party != first, party.ags)


# --- examples ----------------------------------------------------------------------


def test_style_guide_example_two_one_one() -> None:
    parts = split_by_weight(Decimal("0.06"), {A: 2, B: 1, C: 1})
    assert [parts[p] for p in (A, B, C)] == [Decimal("0.03"), Decimal("0.02"), Decimal("0.01")]


def test_alabama_paradox_is_the_documented_behaviour() -> None:
    weights = {A: 1, B: 3, C: 3}
    three = split_by_weight(Decimal("0.03"), weights)
    four = split_by_weight(Decimal("0.04"), weights)
    assert [str(three[p]) for p in (A, B, C)] == ["0.01", "0.01", "0.01"]
    assert [str(four[p]) for p in (A, B, C)] == ["0.00", "0.02", "0.02"]


def test_coesfeld_nord_own_share_is_8125_each() -> None:
    nord = presets.coesfeld().region("Nord")
    parts = split_equally(Decimal("32500"), nord.members, first=nord.employer)
    assert {party.name: str(amount) for party, amount in parts.items()} == {
        "Billerbeck": "8125.00",
        "Coesfeld": "8125.00",
        "Havixbeck": "8125.00",
        "Rosendahl": "8125.00",
    }


def test_coesfeld_nord_odd_cent_goes_to_the_employer() -> None:
    nord = presets.coesfeld().region("Nord")
    parts = split_equally(Decimal("100.01"), nord.members, first=nord.employer)
    assert parts[nord.employer] == Decimal("25.01")
    assert all(parts[p] == Decimal("25.00") for p in nord.others)
    assert [share.party.name for share in parts.shares if share.extra_cent] == ["Coesfeld"]


# --- the tie rule (I2) ---------------------------------------------------------------


def test_without_first_ties_go_by_ags() -> None:
    parts = split_equally(Decimal("0.02"), [D, C, B, A])
    assert [str(parts[p]) for p in (A, B, C, D)] == ["0.01", "0.01", "0.00", "0.00"]
    assert parts.first is None


def test_first_party_wins_a_tie_then_ags_order() -> None:
    one = split_equally(Decimal("0.01"), [A, B, C, D], first=C)
    assert [str(one[p]) for p in (A, B, C, D)] == ["0.00", "0.00", "0.01", "0.00"]
    two = split_equally(Decimal("0.02"), [A, B, C, D], first=C)
    assert [str(two[p]) for p in (A, B, C, D)] == ["0.01", "0.00", "0.01", "0.00"]
    three = split_equally(Decimal("0.03"), [D, C, B, A], first=D)
    assert [str(three[p]) for p in (A, B, C, D)] == ["0.01", "0.01", "0.00", "0.01"]
    assert three.first == D


def test_first_does_not_beat_a_larger_remainder() -> None:
    # Exact shares in cents: 0.25, 0.25, 0.5; C's remainder is the largest.
    parts = split_by_weight(Decimal("0.01"), {A: 1, B: 1, C: 2}, first=A)
    assert [str(parts[p]) for p in (A, B, C)] == ["0.00", "0.00", "0.01"]


def test_tie_rule_applies_to_negative_amounts_too() -> None:
    parts = split_equally(Decimal("-0.02"), [A, B, C, D], first=D)
    assert [str(parts[p]) for p in (A, B, C, D)] == ["-0.01", "0.00", "0.00", "-0.01"]


# --- largest_remainder, the bare algorithm ----------------------------------------------


@pytest.mark.parametrize(
    ("total", "weights", "expected"),
    [
        (6, [2, 1, 1], [3, 2, 1]),
        (3, [1, 3, 3], [1, 1, 1]),
        (4, [1, 3, 3], [0, 2, 2]),
        (1, [1, 1, 1], [1, 0, 0]),
        (2, [1, 1, 1], [1, 1, 0]),
        (-2, [1, 1, 1], [-1, -1, 0]),
        (0, [1, 2], [0, 0]),
        (10, [0, 1], [0, 10]),
        (7, [Fraction(1, 3), Fraction(2, 3)], [2, 5]),
    ],
)
def test_largest_remainder_examples(total: int, weights: list[int], expected: list[int]) -> None:
    assert largest_remainder(total, [Fraction(weight) for weight in weights]) == expected


@given(
    cents(),
    st.lists(st.fractions(min_value=0, max_value=100, max_denominator=50), min_size=1, max_size=9),
)
def test_largest_remainder_sums_and_stays_within_a_unit(total: int, raw: list[Fraction]) -> None:
    weights = raw if any(raw) else [*raw[:-1], Fraction(1)]
    parts = largest_remainder(total, weights)
    assert sum(parts) == total
    weight_sum = sum(weights, Fraction(0))
    for part, weight in zip(parts, weights, strict=True):
        exact = total * weight / weight_sum
        assert part in (math.floor(exact), math.ceil(exact))
    assert largest_remainder(-total, weights) == [-part for part in parts]


# --- properties of the public functions --------------------------------------------------


@given(money(), weight_maps())
def test_parts_sum_to_the_amount_and_stay_within_a_cent(
    amount: Decimal, weights: dict[Party, Exact]
) -> None:
    parts = split_by_weight(amount, weights)
    assert sum(cents_of(part) for part in parts.values()) == cents_of(amount)
    total = sum((Fraction(weight) for weight in weights.values()), Fraction(0))
    for party, weight in weights.items():
        exact = exact_share_in_cents(amount, weight, total)
        part = cents_of(parts[party])
        assert part in (math.floor(exact), math.ceil(exact))
        assert abs(Fraction(parts[party]) - exact / 100) < Fraction(1, 100)


@given(money(), distinct_parties(min_size=1, max_size=11))
def test_equal_parts_differ_by_at_most_a_cent(amount: Decimal, members: list[Party]) -> None:
    parts = split_equally(amount, members)
    values = [cents_of(part) for part in parts.values()]
    assert sum(values) == cents_of(amount)
    assert max(values) - min(values) <= 1
    assert len(parts) == len(members)


@given(money(), weight_maps(), st.data())
def test_largest_remainders_get_the_cents_ties_by_first_then_ags(
    amount: Decimal, weights: dict[Party, Exact], data: st.DataObject
) -> None:
    first = data.draw(st.none() | st.sampled_from(sorted(weights)))
    parts = split_by_weight(amount, weights, first=first)
    total = sum((Fraction(weight) for weight in weights.values()), Fraction(0))
    magnitude = abs(cents_of(amount))
    remainder: dict[Party, Fraction] = {}
    extra: dict[Party, bool] = {}
    for party, weight in weights.items():
        exact = magnitude * Fraction(weight) / total
        remainder[party] = exact - math.floor(exact)
        extra[party] = abs(cents_of(parts[party])) == math.floor(exact) + 1
    assert sum(extra.values()) == magnitude - sum(
        math.floor(magnitude * Fraction(weight) / total) for weight in weights.values()
    )
    for winner in weights:
        for loser in weights:
            if extra[winner] and not extra[loser]:
                assert remainder[winner] >= remainder[loser]
                if remainder[winner] == remainder[loser]:
                    assert tie_key(winner, first) < tie_key(loser, first)


@given(money(), weight_maps(min_size=2), st.data())
def test_result_does_not_depend_on_input_order(
    amount: Decimal, weights: dict[Party, Exact], data: st.DataObject
) -> None:
    first = data.draw(st.none() | st.sampled_from(sorted(weights)))
    reordered = data.draw(st.permutations(list(weights.items())))
    original = split_by_weight(amount, weights, first=first)
    shuffled = split_by_weight(amount, dict(reordered), first=first)
    assert shuffled == original
    assert list(shuffled.items()) == list(original.items())
    equal = split_equally(amount, list(weights), first=first)
    assert split_equally(amount, [party for party, _ in reordered], first=first) == equal


@given(money(), weight_maps(), positive_weights())
def test_scaling_every_weight_changes_nothing(
    amount: Decimal, weights: dict[Party, Exact], factor: Exact
) -> None:
    scaled = {party: Fraction(weight) * Fraction(factor) for party, weight in weights.items()}
    assert dict(split_by_weight(amount, scaled)) == dict(split_by_weight(amount, weights))


@given(money(), weight_maps(min_size=2), st.data())
def test_zero_weight_gets_zero(
    amount: Decimal, weights: dict[Party, Exact], data: st.DataObject
) -> None:
    zero = data.draw(st.sampled_from(sorted(weights)))
    zeros: list[Exact] = [0, Fraction(0), Decimal("0.000"), Decimal("-0")]
    weights[zero] = data.draw(st.sampled_from(zeros))
    if not any(weights.values()):
        other = next(party for party in weights if party != zero)
        weights[other] = 1
    parts = split_by_weight(amount, weights, first=zero)
    assert parts[zero] == 0
    assert str(parts[zero]) == "0.00"
    assert not parts.share_of(zero).extra_cent


@given(money(), weight_maps())
def test_negative_amounts_split_symmetrically(
    amount: Decimal, weights: dict[Party, Exact]
) -> None:
    positive = split_by_weight(amount, weights)
    negative = split_by_weight(-amount, weights)
    for party in weights:
        assert cents_of(negative[party]) == -cents_of(positive[party])
        assert negative.share_of(party).extra_cent == positive.share_of(party).extra_cent


@given(weight_maps(), st.sampled_from([2, Fraction(2), Decimal("2"), Decimal("2.000")]))
def test_weight_types_are_interchangeable(weights: dict[Party, Exact], two: Exact) -> None:
    amount = Decimal("1000.01")
    as_ints = {party: 2 if index == 0 else 1 for index, party in enumerate(weights)}
    mixed = {party: two if index == 0 else Decimal("1.0") for index, party in enumerate(weights)}
    assert dict(split_by_weight(amount, mixed)) == dict(split_by_weight(amount, as_ints))


@given(money(), weight_maps(), decimal_contexts(max_prec=3))
def test_results_do_not_depend_on_the_callers_context(
    amount: Decimal, weights: dict[Party, Exact], context: decimal.Context
) -> None:
    expected = split_by_weight(amount, weights)
    with decimal.localcontext(context):
        result = split_by_weight(amount, weights)
        equal = split_equally(amount, list(weights))
    assert result == expected
    assert [str(value) for value in result.values()] == [str(v) for v in expected.values()]
    assert equal == split_equally(amount, list(weights))


@pytest.mark.parametrize(
    "rounding", [decimal.ROUND_FLOOR, decimal.ROUND_CEILING, decimal.ROUND_DOWN, decimal.ROUND_UP]
)
def test_a_one_digit_context_that_traps_inexact_changes_nothing(rounding: str) -> None:
    context = decimal.Context(prec=1, rounding=rounding, traps=[decimal.Inexact, decimal.Rounded])
    with decimal.localcontext(context):
        parts = split_by_weight(Decimal("100.01"), {A: Decimal("0.5"), B: Fraction(1, 3), C: 7})
    assert [str(parts[p]) for p in (A, B, C)] == ["6.38", "4.26", "89.37"]


# --- Share and Allocation ---------------------------------------------------------------


@given(money(), weight_maps())
def test_shares_record_the_derivation(amount: Decimal, weights: dict[Party, Exact]) -> None:
    parts = split_by_weight(amount, weights)
    total = sum((Fraction(weight) for weight in weights.values()), Fraction(0))
    assert [share.party for share in parts.shares] == sorted(weights)
    for party, weight in weights.items():
        share = parts.share_of(party)
        assert share.party == party
        assert share.weight == Fraction(weight)
        assert isinstance(share.weight, Fraction)
        assert share.exact == Fraction(amount) * Fraction(weight) / total
        assert share.amount == parts[party]
        # A left-over cent makes the part larger in magnitude than the exact share.
        assert share.extra_cent == (abs(Fraction(share.amount)) > abs(share.exact))


def test_extra_cent_is_false_when_shares_are_whole_cents() -> None:
    parts = split_by_weight(Decimal("0.04"), {A: 1, B: 3})
    assert [share.extra_cent for share in parts.shares] == [False, False]
    parts = split_by_weight(Decimal("0.05"), {A: 1, B: 3})
    assert [share.extra_cent for share in parts.shares] == [False, True]


def test_allocation_is_a_read_only_mapping_in_ags_order() -> None:
    parts = split_equally(Decimal("0.05"), [D, B, C, A], first=C)
    assert isinstance(parts, Mapping)
    assert not isinstance(parts, MutableMapping)
    assert len(parts) == 4
    assert list(parts) == [A, B, C, D]
    assert list(parts.keys()) == [A, B, C, D]
    assert [str(value) for value in parts.values()] == ["0.01", "0.01", "0.02", "0.01"]
    assert list(parts.items())[2] == (C, Decimal("0.02"))
    assert A in parts
    outsider = town("Eort", "05558020")
    assert outsider not in parts
    name: object = "Aheim"
    assert name not in parts
    assert parts.get(outsider) is None
    assert parts.get(outsider, Decimal(0)) == 0
    assert parts.amount == Decimal("0.05")
    assert parts.clause is Clause.C4
    assert parts.interpretation is Interpretation.I2
    with pytest.raises(TypeError):
        parts[A] = Decimal(1)  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        parts.amount = Decimal(0)  # type: ignore[misc]


def test_looking_up_an_unknown_party_raises_a_key_error_naming_it() -> None:
    parts = split_equally(Decimal("1"), [A, B])
    outsider = town("Eort", "05558020")
    with pytest.raises(UnknownPartyError, match="Eort") as caught:
        parts[outsider]
    assert isinstance(caught.value, KeyError)
    assert isinstance(caught.value, LookupError)
    assert isinstance(caught.value, KimCooperationError)
    assert "Aheim" in str(caught.value)
    with pytest.raises(UnknownPartyError, match="Eort"):
        parts.share_of(outsider)


def test_the_amount_is_normalised_and_the_clause_carried() -> None:
    parts = split_equally(100, [A, B, C], clause=Clause.C13)
    assert str(parts.amount) == "100.00"
    assert parts.clause is Clause.C13
    assert [str(value) for value in parts.values()] == ["33.34", "33.33", "33.33"]
    assert str(split_equally(Decimal("-0"), [A]).amount) == "0.00"


@given(parties())
def test_one_party_gets_everything(party: Party) -> None:
    parts = split_equally(Decimal("12345.67"), [party])
    assert dict(parts) == {party: Decimal("12345.67")}
    assert not parts.share_of(party).extra_cent


# --- bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize("amount", [100.5, 0.1, -1.0])
def test_float_amount_is_refused_with_a_decimal_hint(amount: Any) -> None:
    hint = re.escape(f"Decimal('{amount!r}')")
    with pytest.raises(MoneyTypeError, match=hint) as caught:
        split_equally(amount, [A, B])
    assert isinstance(caught.value, TypeError)
    with pytest.raises(MoneyTypeError, match=hint):
        split_by_weight(amount, {A: 1})


@pytest.mark.parametrize("amount", [Decimal("NaN"), Decimal("0.001"), Decimal("Infinity")])
def test_invalid_money_is_refused(amount: Decimal) -> None:
    with pytest.raises(InvalidMoneyError, match="amount to split"):
        split_equally(amount, [A, B])


@pytest.mark.parametrize("weight", [0.5, 1.0, True, "1", None])
def test_weight_of_the_wrong_type_is_refused(weight: Any) -> None:
    with pytest.raises(InvalidTypeError, match=re.escape("weight of Bdorf must be")) as caught:
        split_by_weight(Decimal(1), {A: 1, B: weight})
    assert repr(weight) in str(caught.value)


def test_float_weight_message_suggests_an_exact_type() -> None:
    with pytest.raises(InvalidTypeError, match=re.escape("Fraction('0.25') or Decimal('0.25')")):
        split_by_weight(Decimal(1), {A: 0.25})  # type: ignore[dict-item]


@pytest.mark.parametrize("weight", [-1, Fraction(-1, 3), Decimal("-0.001")])
def test_negative_weight_is_refused(weight: Exact) -> None:
    with pytest.raises(
        InvalidValueError, match=re.escape(f"must not be negative, got {weight!r}")
    ):
        split_by_weight(Decimal(1), {A: 1, B: weight})


@pytest.mark.parametrize("weight", [Decimal("NaN"), Decimal("Infinity"), Decimal("sNaN")])
def test_non_finite_weight_is_refused(weight: Decimal) -> None:
    with pytest.raises(InvalidValueError, match="weight of Aheim must be finite"):
        split_by_weight(Decimal(1), {A: weight})


@pytest.mark.parametrize("weight", [Decimal("1E+999999999"), Decimal("1E-999999999")])
def test_weight_with_a_huge_exponent_is_refused(weight: Decimal) -> None:
    with pytest.raises(InvalidValueError, match="in magnitude"):
        split_by_weight(Decimal(1), {A: weight})


@given(st.lists(st.sampled_from([0, Fraction(0), Decimal("0.00")]), min_size=1, max_size=4))
def test_all_zero_weights_are_refused(zeros: list[Exact]) -> None:
    weights = dict(zip([A, B, C, D], zeros, strict=False))
    with pytest.raises(InvalidValueError, match="all zero"):
        split_by_weight(Decimal("1.00"), weights)


def test_no_parties_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="no parties"):
        split_equally(Decimal(1), [])
    with pytest.raises(InvalidValueError, match="no parties"):
        split_by_weight(Decimal(1), {})


def test_a_party_given_twice_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="Bdorf repeats"):
        split_equally(Decimal(1), [A, B, C, B])


def test_the_same_ags_under_two_names_is_refused() -> None:
    twin = town("Anderswo", A.ags)
    with pytest.raises(InvalidValueError, match=f"AGS {A.ags} repeats"):
        split_equally(Decimal(1), [A, B, twin])
    with pytest.raises(InvalidValueError, match=f"AGS {A.ags} repeats"):
        split_by_weight(Decimal(1), {A: 1, twin: 2})


def test_first_must_be_one_of_the_parties() -> None:
    with pytest.raises(UnknownPartyError, match="Dburg") as caught:
        split_equally(Decimal(1), [A, B, C], first=D)
    assert isinstance(caught.value, LookupError)
    assert "Aheim" in str(caught.value)
    with pytest.raises(UnknownPartyError, match="Dburg"):
        split_by_weight(Decimal(1), {A: 1}, first=D)
    # Same AGS, another name: still not one of the parties.
    with pytest.raises(UnknownPartyError):
        split_equally(Decimal(1), [A, B], first=town("Anderswo", A.ags))


@pytest.mark.parametrize("member", ["Aheim", "05558004", 5558004, None])
def test_members_that_are_not_parties_are_refused(member: Any) -> None:
    with pytest.raises(InvalidTypeError, match=re.escape(repr(member))):
        split_equally(Decimal(1), [A, member])
    with pytest.raises(InvalidTypeError, match=re.escape(repr(member))):
        split_by_weight(Decimal(1), {A: 1, member: 1})


@pytest.mark.parametrize("value", ["AB", 42, None])
def test_parties_must_be_an_iterable_of_parties(value: Any) -> None:
    with pytest.raises(InvalidTypeError, match="parties must be an iterable of Party"):
        split_equally(Decimal(1), value)


def test_weights_must_be_a_mapping() -> None:
    with pytest.raises(InvalidTypeError, match="weights must be a mapping"):
        split_by_weight(Decimal(1), [(A, 1)])  # type: ignore[arg-type]


@given(exact_weights())
def test_single_party_with_zero_weight_is_refused_otherwise_gets_all(weight: Exact) -> None:
    if Fraction(weight) == 0:
        with pytest.raises(InvalidValueError, match="all zero"):
            split_by_weight(Decimal("9.99"), {A: weight})
    else:
        assert split_by_weight(Decimal("9.99"), {A: weight})[A] == Decimal("9.99")


def test_decimal_from_cents_helper_agrees_with_the_library() -> None:
    # Guards the strategies: their money must look like the library's.
    allocation = split_equally(Decimal("-12.34"), [A])
    assert str(allocation[A]) == str(decimal_from_cents(-1234))
    assert isinstance(allocation, Allocation)


@given(
    cents=st.integers(min_value=-(10**9), max_value=10**9),
    parties=distinct_parties(min_size=1, max_size=12),
    data=st.data(),
)
def test_parts_read_in_any_order_agree_with_the_mapping_built_on_first_look_up(
    cents: int, parties: list[Party], data: st.DataObject
) -> None:
    # An allocation keeps its parts as a tuple in the parties' order and builds the dict that
    # finds a part by party on the first look-up: iterating, counting, looking up and the
    # views must agree whichever is asked first.
    first = data.draw(st.sampled_from([None, *parties]))
    weights = data.draw(st.lists(st.integers(1, 5), min_size=len(parties), max_size=len(parties)))
    for allocation in (
        split_equally(Decimal(cents).scaleb(-2), parties, first=first),
        split_by_weight(
            Decimal(cents).scaleb(-2), dict(zip(parties, weights, strict=True)), first=first
        ),
    ):
        order = sorted(parties, key=lambda party: party.ags)
        assert list(allocation) == order
        assert len(allocation) == len(parties)
        parts = [allocation[party] for party in reversed(order)][::-1]
        assert list(allocation.items()) == list(zip(order, parts, strict=True))
        assert list(allocation.values()) == parts
        assert [share.amount for share in allocation.shares] == parts
        assert sum(parts) == Decimal(cents).scaleb(-2)
        assert all(party in allocation for party in parties)
        unhashable: object = []
        assert unhashable not in allocation  # not a party, and no TypeError
