"""The months' names come from one list, German from the catalogue (formatting.month_name)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kim_cooperation.errors import InvalidTypeError, InvalidValueError
from kim_cooperation.formatting import MONTHS, month_name

GERMAN = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)  # fmt: skip


def test_the_months_in_both_languages() -> None:
    # Written out, not calendar.month_name, which follows the process's locale.
    english = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")  # fmt: skip
    assert english == MONTHS
    assert tuple(month_name(month) for month in range(1, 13)) == GERMAN
    assert tuple(month_name(month, lang="en") for month in range(1, 13)) == MONTHS


@given(st.integers().filter(lambda month: not 1 <= month <= 12))
def test_no_other_month(month: int) -> None:
    with pytest.raises(InvalidValueError) as caught:
        month_name(month)
    assert caught.value.describe("de").startswith("month muss zwischen 1 und 12 liegen")


def test_a_month_is_an_int() -> None:
    with pytest.raises(InvalidTypeError):
        month_name(3.0)  # type: ignore[arg-type]
