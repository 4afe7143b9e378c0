"""Tests of `kim_cooperation.money`: exact cents, refused floats, context independence."""

from __future__ import annotations

import decimal
import math
import re
import tracemalloc
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kim_cooperation.errors import (
    InvalidMoneyError,
    InvalidTypeError,
    InvalidValueError,
    KimCooperationError,
    MoneyTypeError,
)
from kim_cooperation.money import (
    MAX_EUROS,
    from_cents,
    round_half_up_to_cents,
    to_cents,
    to_money,
)
from strategies import cents, decimal_contexts, decimal_from_cents, money, money_representations

# --- round trips -------------------------------------------------------------


@given(money())
def test_from_cents_of_to_cents_returns_two_place_money_unchanged(amount: Decimal) -> None:
    result = from_cents(to_cents(amount))
    assert result == amount
    assert str(result) == str(amount)
    assert result.as_tuple().exponent == -2


@given(cents())
def test_to_cents_of_from_cents_is_the_identity(amount: int) -> None:
    assert to_cents(from_cents(amount)) == amount


@given(cents())
def test_from_cents_writes_two_places(amount: int) -> None:
    result = from_cents(amount)
    assert result.as_tuple().exponent == -2
    assert result == decimal_from_cents(amount)
    assert Fraction(result) == Fraction(amount, 100)


@given(money_representations())
def test_any_exact_representation_is_read_to_the_cent(drawn: tuple[Decimal, int]) -> None:
    value, expected = drawn
    assert to_cents(value) == expected
    assert str(to_money(value)) == str(decimal_from_cents(expected))


@given(st.integers(min_value=-(MAX_EUROS - 1), max_value=MAX_EUROS - 1))
def test_int_is_whole_euros(euros: int) -> None:
    assert to_cents(euros) == euros * 100
    result = to_money(euros)
    assert result == euros
    assert result.as_tuple().exponent == -2


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("8125"), 812500),
        (Decimal("24375.5"), 2437550),
        (Decimal("0.10"), 10),
        (Decimal("0.010"), 1),
        (Decimal("1E+3"), 100000),
        (Decimal("-8125.00"), -812500),
        (Decimal("999999999999999.99"), 99999999999999999),
        (Decimal("-999999999999999.99"), -99999999999999999),
        (Decimal("0.10000000000000000000000000000000000"), 10),
        (0, 0),
        (170_000, 17_000_000),
    ],
)
def test_to_cents_examples(value: Decimal | int, expected: int) -> None:
    assert to_cents(value) == expected


# --- negative zero ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["-0", "-0.00", "-0E+5", "-0E-7", "0E+999999999", "-0E-999999999"]
)
def test_negative_and_odd_zeros_give_plain_zero(text: str) -> None:
    assert to_cents(Decimal(text)) == 0
    result = to_money(Decimal(text))
    assert str(result) == "0.00"
    assert not result.is_signed()


# --- refused types -------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        (8125.0, "write Decimal('8125.0') instead"),
        (0.1, "write Decimal('0.1') instead"),
        (-3.75, "write Decimal('-3.75') instead"),
        ("8125.00", "write Decimal('8125.00') to parse a string"),
        (True, "a bool is not an amount"),
        (False, "a bool is not an amount"),
    ],
)
def test_floats_bools_and_strings_are_refused_with_a_hint(value: Any, hint: str) -> None:
    with pytest.raises(MoneyTypeError, match=re.escape(hint)) as caught:
        to_cents(value)
    message = str(caught.value)
    assert repr(value) in message
    assert type(value).__name__ in message
    assert isinstance(caught.value, TypeError)
    assert isinstance(caught.value, InvalidTypeError)
    assert isinstance(caught.value, KimCooperationError)
    with pytest.raises(MoneyTypeError, match=re.escape(hint)):
        to_money(value)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_every_float_is_refused_and_named(value: Any) -> None:
    with pytest.raises(MoneyTypeError, match=re.escape(f"Decimal('{value!r}')")):
        to_cents(value)


@pytest.mark.parametrize("value", [None, Fraction(1, 2), [Decimal(1)], complex(1, 0), b"1"])
def test_other_types_are_refused(value: Any) -> None:
    with pytest.raises(MoneyTypeError, match=re.escape(type(value).__name__)):
        to_cents(value)


def test_the_message_uses_the_name_given_by_the_caller() -> None:
    with pytest.raises(MoneyTypeError, match=r"^funding of region 'Nord' must be a decimal"):
        to_cents(1.5, what="funding of region 'Nord'")  # type: ignore[arg-type]
    with pytest.raises(InvalidMoneyError, match=r"^personnel costs must be exact to the cent"):
        to_cents(Decimal("0.001"), what="personnel costs")


# --- refused values ---------------------------------------------------------------


@pytest.mark.parametrize("text", ["NaN", "-NaN", "sNaN", "NaN123", "Infinity", "-Infinity"])
def test_non_finite_decimals_are_refused(text: str) -> None:
    value = Decimal(text)
    with pytest.raises(
        InvalidMoneyError, match=re.escape(f"finite amount, got {value!r}")
    ) as caught:
        to_cents(value)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, InvalidValueError)
    assert not isinstance(caught.value, TypeError)
    with pytest.raises(InvalidMoneyError):
        to_money(value)


@pytest.mark.parametrize("text", ["0.001", "0.005", "-0.001", "1.234", "8125.0001", "1E-3"])
def test_fractions_of_a_cent_are_refused(text: str) -> None:
    value = Decimal(text)
    with pytest.raises(InvalidMoneyError, match=re.escape(f"exact to the cent, got {value!r}")):
        to_cents(value)


@given(cents(), st.integers(min_value=1, max_value=9), st.integers(min_value=1, max_value=20))
def test_any_digit_below_the_cent_is_refused(amount: int, digit: int, depth: int) -> None:
    # amount cents followed by `depth - 1` zeros and a non-zero digit.
    text = str(abs(amount)) + "0" * (depth - 1) + str(digit)
    value = Decimal((int(amount < 0), tuple(int(char) for char in text), -2 - depth))
    with pytest.raises(InvalidMoneyError, match="exact to the cent"):
        to_cents(value)


@pytest.mark.parametrize(
    "value",
    [
        MAX_EUROS,
        -MAX_EUROS,
        MAX_EUROS * 10,
        Decimal(MAX_EUROS),
        Decimal("-1000000000000000.00"),
        Decimal("1E+15"),
        Decimal("12345678901234567.8"),
    ],
)
def test_amounts_out_of_range_are_refused(value: Decimal | int) -> None:
    with pytest.raises(InvalidMoneyError, match=re.escape(f"got {value!r}")):
        to_cents(value)


@given(st.integers(min_value=0, max_value=99))
def test_the_largest_amounts_below_the_limit_are_accepted(cent: int) -> None:
    largest = Decimal(MAX_EUROS - 1) + Decimal(cent) / 100
    assert to_cents(largest) == (MAX_EUROS - 1) * 100 + cent
    assert to_cents(-largest) == -((MAX_EUROS - 1) * 100 + cent)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("1E+999999999", "less than"),
        ("-9E+999999999", "less than"),
        ("1E-999999999", "exact to the cent"),
        ("123456789E-999999999", "exact to the cent"),
        ("1E+999999", "less than"),
    ],
)
def test_huge_exponents_are_refused_without_building_the_number(text: str, error: str) -> None:
    # Memory, not time, is measured (the suite has no timed assertions; bench/
    # measures speed): 10**999999 alone would take about 415 kB.
    value = Decimal(text)
    tracemalloc.start()
    try:
        with pytest.raises(InvalidMoneyError, match=error):
            to_cents(value)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50_000


@pytest.mark.parametrize("zeros", [36, 37, 100_000])
def test_long_runs_of_trailing_zeros_are_read_exactly(zeros: int) -> None:
    # Around the length at which to_cents switches to converting the
    # significant digits only, and far beyond it.
    value = Decimal((0, (8, 1, 2, 5) + (0,) * zeros, -zeros))
    assert to_cents(value) == 812500
    assert to_cents(-value) == -812500
    with pytest.raises(InvalidMoneyError, match="exact to the cent"):
        to_cents(Decimal((0, (8, 1, 2, 5) + (0,) * (zeros - 1) + (1,), -zeros)))


# --- context independence -----------------------------------------------------------


@given(money_representations(), decimal_contexts())
def test_results_do_not_depend_on_the_callers_context(
    drawn: tuple[Decimal, int], context: decimal.Context
) -> None:
    value, expected = drawn
    with decimal.localcontext(context):
        amount = to_cents(value)
        as_money = to_money(value)
        back = from_cents(expected)
    assert amount == expected
    assert str(as_money) == str(decimal_from_cents(expected))
    assert str(back) == str(decimal_from_cents(expected))


@given(st.sampled_from(["NaN", "sNaN", "Infinity", "0.001", "1E+999999999"]), decimal_contexts())
def test_errors_do_not_depend_on_the_callers_context(text: str, context: decimal.Context) -> None:
    value = Decimal(text)
    with decimal.localcontext(context), pytest.raises(InvalidMoneyError):
        to_cents(value)


def test_a_context_that_traps_everything_still_gives_exact_money() -> None:
    context = decimal.Context(prec=1, rounding=decimal.ROUND_FLOOR, traps=[decimal.Inexact])
    context.traps[decimal.Rounded] = True
    with decimal.localcontext(context):
        cents_value = to_cents(Decimal("24375.55"))
        result = to_money(Decimal("-8125.5"))
    assert cents_value == 2437555
    assert str(result) == "-8125.50"


# --- round_half_up_to_cents -----------------------------------------------------------


@pytest.mark.parametrize(
    ("euros", "expected"),
    [
        (Fraction(55000, 12), 458333),
        (Fraction(57000, 12), 475000),
        (Fraction(1, 200), 1),
        (Fraction(-1, 200), -1),
        (Fraction(3, 200), 2),
        (Fraction(1, 3), 33),
        (Fraction(2, 3), 67),
        (Fraction(-2, 3), -67),
        (Fraction(1249, 10000), 12),
        (Fraction(125, 1000), 13),
        (Fraction(-125, 1000), -13),
        (Fraction(0), 0),
        (Fraction(8125), 812500),
    ],
)
def test_round_half_up_examples(euros: Fraction, expected: int) -> None:
    assert round_half_up_to_cents(euros) == expected


@given(st.fractions(max_denominator=10**6).filter(lambda value: abs(value) < 10**12))
def test_round_half_up_is_within_half_a_cent_and_rounds_halves_away_from_zero(
    euros: Fraction,
) -> None:
    result = round_half_up_to_cents(euros)
    scaled = euros * 100
    assert abs(result - scaled) <= Fraction(1, 2)
    # Independent oracle: floor(|x| + 1/2) with the sign put back.
    expected = math.floor(abs(scaled) + Fraction(1, 2))
    assert result == (-expected if euros < 0 else expected)
    assert round_half_up_to_cents(-euros) == -result


@given(cents())
def test_round_half_up_keeps_whole_cents(amount: int) -> None:
    assert round_half_up_to_cents(Fraction(amount, 100)) == amount


@given(st.integers(min_value=-(10**9), max_value=10**9))
def test_round_half_up_rounds_every_half_cent_away_from_zero(amount: int) -> None:
    half = Fraction(2 * amount + 1, 200)
    expected = amount + 1 if amount >= 0 else amount
    assert round_half_up_to_cents(half) == expected


@given(
    st.fractions(max_denominator=1000).filter(lambda value: abs(value) < 10**9),
    st.fractions(max_denominator=1000).filter(lambda value: abs(value) < 10**9),
)
def test_round_half_up_is_monotone(first: Fraction, second: Fraction) -> None:
    low, high = sorted((first, second))
    assert round_half_up_to_cents(low) <= round_half_up_to_cents(high)


@given(st.fractions(max_denominator=1000).filter(lambda value: abs(value) < 10**9))
def test_round_half_up_agrees_with_decimal_rounding(euros: Fraction) -> None:
    # Sixty digits are far more than a denominator up to 1000 needs to tell
    # a value from a half cent, so rounding the quotient once more is safe.
    context = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_UP)
    quotient = context.divide(Decimal(euros.numerator), Decimal(euros.denominator))
    expected = quotient.quantize(Decimal("0.01"), context=context)
    assert round_half_up_to_cents(euros) == int(expected * 100)
