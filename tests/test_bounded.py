"""Bounded work (issue 13, item 5): loading, splitting and growing never run away.

No test here times anything. Loading is shown linear by counting the work
done per town (look-ups and name foldings) at two sizes; the other bounds
are shown by the documented limits: just within is accepted, just beyond is
refused with a message that names the limit.
"""

from __future__ import annotations

import io
import json
import os
import pathlib
import re
import sys
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from importlib.resources.abc import Traversable
from typing import Any, BinaryIO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kim_cooperation.party as party_module
from kim_cooperation import (
    AgreementFileError,
    CostStatement,
    InvalidMoneyError,
    InvalidTypeError,
    InvalidValueError,
    Party,
    SplitKey,
    dump_agreement,
    files,
    load_agreement,
    loads_agreement,
    presets,
    split_by_weight,
)
from kim_cooperation.cli import main
from kim_cooperation.projection import MAX_GROWTH_DIGITS, grow_plan, project
from kim_cooperation.split import MAX_WEIGHT_BITS, largest_remainder

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _parties(count: int) -> list[Party]:
    return [
        Party(name=f"Ort {index}", kind="Stadt", ags=f"05{index:06d}")
        for index in range(1, count + 1)
    ]


def _primes(count: int) -> list[int]:
    """The first ``count`` primes, by a sieve (trial division took a second for 10,000)."""
    limit = 16
    while True:
        sieve = bytearray([1]) * (limit + 1)
        sieve[:2] = b"\x00\x00"
        for number in range(2, int(limit**0.5) + 1):
            if sieve[number]:
                sieve[number * number :: number] = bytes(
                    len(range(number * number, limit + 1, number))
                )
        found = [number for number, is_prime in enumerate(sieve) if is_prime]
        if len(found) >= count:
            return found[:count]
        limit *= 2


# --------------------------------------------------------------------------- loading


def _generated_file(towns: int) -> str:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from _generate import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    generated = generate(towns)
    document = files.AgreementFile(
        agreement=generated.agreement, cost_plans={2023: generated.plan}
    )
    return dump_agreement(document, format="json")


def _work_of_loading(text: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    counts = {"fold_name": 0, "matches": 0}
    fold_name = party_module.fold_name
    matches = Party.matches

    def counted_fold(name: str) -> frozenset[str]:
        counts["fold_name"] += 1
        return fold_name(name)

    def counted_matches(self: Party, key: str) -> bool:
        counts["matches"] += 1
        return matches(self, key)

    with monkeypatch.context() as patch:
        patch.setattr("kim_cooperation.files._building.fold_name", counted_fold)
        patch.setattr(Party, "matches", counted_matches)
        loads_agreement(text, format="json")
    return counts


def test_loading_does_work_linear_in_the_towns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Twice the towns, at most about twice the look-up work (it was n² before issue 13)."""
    small = _work_of_loading(_generated_file(200), monkeypatch)
    large = _work_of_loading(_generated_file(400), monkeypatch)
    assert small["matches"] == large["matches"] == 0  # no scan of all parties per look-up
    assert 0 < large["fold_name"] <= 2 * small["fold_name"] + 10


def test_a_large_agreement_loads_and_round_trips() -> None:
    text = _generated_file(2000)
    document = loads_agreement(text, format="json")
    assert len(document.agreement.parties) == 2000
    assert dump_agreement(document, format="json") == text


# --------------------------------------------------------------------------- file size


@pytest.fixture
def coesfeld_file(tmp_path: pathlib.Path) -> pathlib.Path:
    path = tmp_path / "coesfeld.json"
    files.save_agreement(presets.coesfeld(), path)
    return path


def test_the_default_limit_is_documented() -> None:
    assert files.MAX_FILE_BYTES == 16 * 1024 * 1024
    assert "MAX_FILE_BYTES" in (load_agreement.__doc__ or "")


def test_a_file_of_exactly_max_bytes_is_read(coesfeld_file: pathlib.Path) -> None:
    size = coesfeld_file.stat().st_size
    assert load_agreement(coesfeld_file, max_bytes=size).agreement == presets.coesfeld()


def test_a_file_one_byte_larger_is_refused(coesfeld_file: pathlib.Path) -> None:
    size = coesfeld_file.stat().st_size
    with pytest.raises(AgreementFileError, match=f"larger than {size - 1:,} bytes.*max_bytes="):
        load_agreement(coesfeld_file, max_bytes=size - 1)


@pytest.mark.parametrize(
    ("limit", "error"),
    [
        (-1, InvalidValueError),
        (1.5, InvalidTypeError),
        (True, InvalidTypeError),
        ("10", InvalidTypeError),
    ],
)
def test_a_bad_limit_is_refused(
    coesfeld_file: pathlib.Path, limit: object, error: type[Exception]
) -> None:
    with pytest.raises(error, match="max_bytes"):
        load_agreement(coesfeld_file, max_bytes=limit)  # type: ignore[arg-type]


class _Endless(io.RawIOBase):
    """A stream of spaces that never ends, counting what is read."""

    def __init__(self) -> None:
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = len(buffer)
        buffer[:size] = b" " * size
        self.read_bytes += size
        return size


class _EndlessResource(Traversable):
    """A resource whose contents never end, such as ``/dev/zero``."""

    def __init__(self) -> None:
        self.stream = _Endless()

    name = "endless.json"

    def iterdir(self) -> Iterator[Traversable]:
        return iter(())

    def read_bytes(self) -> bytes:
        raise AssertionError("the whole resource must never be read")

    def read_text(self, encoding: str | None = None) -> str:
        raise AssertionError("the whole resource must never be read")

    def is_dir(self) -> bool:
        return False

    def is_file(self) -> bool:
        return True

    def joinpath(self, *descendants: str | os.PathLike[str]) -> Traversable:
        raise NotImplementedError

    def __truediv__(self, child: str | os.PathLike[str]) -> Traversable:
        raise NotImplementedError

    def open(self, mode: str = "r", *args: Any, **kwargs: Any) -> BinaryIO:  # type: ignore[override]
        assert mode == "rb"
        return self.stream  # type: ignore[return-value]


def test_an_endless_file_is_read_only_to_the_limit() -> None:
    resource = _EndlessResource()
    with pytest.raises(AgreementFileError, match="larger than 5,000 bytes"):
        load_agreement(resource, max_bytes=5000)
    assert resource.stream.read_bytes == 5001
    resource = _EndlessResource()
    with pytest.raises(AgreementFileError, match="larger than 16,777,216 bytes"):
        load_agreement(resource)
    assert resource.stream.read_bytes == files.MAX_FILE_BYTES + 1


@pytest.mark.skipif(not pathlib.Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_as_the_agreement_is_refused(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(AgreementFileError, match="larger than 1,000 bytes"):
        load_agreement("/dev/zero", format="json", max_bytes=1000)
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    assert main(["settle", "--year", "2023", "--agreement", str(link)]) != 0
    assert re.search(r"16[,.]777[,.]216", capsys.readouterr().err)  # the limit, in either language


# --------------------------------------------------------------------------- weighted splits


def test_weights_of_distinct_primes_are_refused_early() -> None:
    parties = _parties(10_000)
    weights = {
        party: Fraction(1, prime) for party, prime in zip(parties, _primes(10_000), strict=True)
    }
    with pytest.raises(InvalidValueError) as caught:
        split_by_weight(Decimal("1000000.00"), weights)
    message = str(caught.value)
    assert "more than 4096 bits" in message
    assert "MAX_WEIGHT_BITS" in message
    assert "the weight of Ort 419 (Fraction(1, 2897))" in message  # where the bound was crossed


def test_weights_of_a_few_hundred_primes_are_split_exactly() -> None:
    parties = _parties(300)
    weights = {
        party: Fraction(1, prime) for party, prime in zip(parties, _primes(300), strict=True)
    }
    allocation = split_by_weight(Decimal("1000000.00"), weights)
    assert sum(allocation.values()) == Decimal("1000000.00")
    assert all(
        abs(share.exact - Fraction(share.amount)) < Fraction(1, 100) for share in allocation.shares
    )


@pytest.mark.parametrize(
    ("weight", "accepted"),
    [
        (Fraction(1, 2 ** (MAX_WEIGHT_BITS - 1)), True),  # a denominator of 4096 bits
        (Fraction(1, 2**MAX_WEIGHT_BITS), False),  # 4097 bits
        (Fraction(2**MAX_WEIGHT_BITS - 1), True),  # a numerator of 4096 bits
        (2**MAX_WEIGHT_BITS, False),
        (Decimal("1E+100"), True),
        (Decimal("1E-100"), True),
    ],
    ids=[
        "denominator-4096",
        "denominator-4097",
        "numerator-4096",
        "numerator-4097",
        "1E+100",
        "1E-100",
    ],
)
def test_the_bound_is_at_max_weight_bits(weight: Any, accepted: bool) -> None:
    first, second = _parties(2)
    weights = {first: weight, second: 1}
    if accepted:
        assert sum(split_by_weight(Decimal("1.00"), weights).values()) == Decimal("1.00")
    else:
        with pytest.raises(InvalidValueError, match="4096 bits"):
            split_by_weight(Decimal("1.00"), weights)
        with pytest.raises(InvalidValueError, match="4096 bits"):
            largest_remainder(100, [Fraction(weight), Fraction(1)])
        with pytest.raises(InvalidValueError, match="4096 bits"):
            SplitKey.by_weights(weights)


@settings(max_examples=30)
@given(
    denominators=st.lists(st.integers(min_value=1, max_value=2**64), min_size=1, max_size=40),
    cents=st.integers(min_value=-(10**17) + 1, max_value=10**17 - 1),
)
def test_within_the_bound_the_split_is_exact(denominators: list[int], cents: int) -> None:
    parties = _parties(len(denominators))
    weights = {
        party: Fraction(1, denominator)
        for party, denominator in zip(parties, denominators, strict=True)
    }
    amount = Decimal(cents) / 100
    allocation = split_by_weight(amount, weights)
    assert sum(allocation.values()) == amount
    total = sum(weights.values())
    for share in allocation.shares:
        assert share.exact == Fraction(cents, 100) * weights[share.party] / total


def test_a_file_with_weights_beyond_the_bound_names_the_path() -> None:
    data = json.loads(dump_agreement(presets.example(), format="json"))
    data["regions"][1]["weights"]["Grünwald"] = f"1/{2**MAX_WEIGHT_BITS}"
    with pytest.raises(AgreementFileError) as caught:
        loads_agreement(json.dumps(data), format="json")
    ((path, message),) = caught.value.problems
    assert path == "regions[1].weights"
    assert "4096 bits" in message
    assert "Grünwald" in message


# --------------------------------------------------------------------------- growth


def test_a_growth_rate_of_twenty_thousand_digits_is_refused() -> None:
    rate = Decimal("0." + "3" * 20_000)
    plan = presets.coesfeld_cost_plan_2023()
    with pytest.raises(InvalidValueError) as caught:
        project(presets.coesfeld(), range(2023, 2033), plan, personnel_growth=rate)
    message = str(caught.value)
    assert f"at most {MAX_GROWTH_DIGITS} digits" in message
    assert "(20,013 characters)" in message  # the rate is not printed whole
    assert len(message) < 400


@pytest.mark.parametrize(
    ("rate", "accepted"),
    [
        (Decimal("0.03"), True),
        (Decimal("0.0275"), True),
        (Decimal("0.03000000000000000000000000000"), True),  # trailing zeros are no digits
        (Decimal("0.12345678901234567891"), True),  # 20 digits, denominator 10**20
        (Decimal("0.123456789012345678912"), False),  # 21 digits
        (Fraction(1, 3), True),
        (Fraction(1, 10**20), True),
        (Fraction(1, 10**20 + 1), False),
        (Fraction(10**20 + 1, 10**20), False),
        (Decimal("1E-100"), False),
        (-1, True),
    ],
)
def test_the_growth_bound_is_twenty_digits(rate: Any, accepted: bool) -> None:
    plan = presets.coesfeld_cost_plan_2023()
    if accepted:
        grown = grow_plan(plan, 10, rate)
        assert grown["Nord"].personnel >= 0
    else:
        with pytest.raises(InvalidValueError, match=f"at most {MAX_GROWTH_DIGITS} digits"):
            grow_plan(plan, 10, rate)


def test_growth_beyond_the_largest_amount_names_region_rate_and_years() -> None:
    plan = {"Nord": CostStatement(personnel=Decimal("170000.00"))}
    with pytest.raises(InvalidMoneyError) as caught:
        grow_plan(plan, 9998, Decimal("0.5"))
    message = str(caught.value)
    assert "'Nord'" in message
    assert "Decimal('0.5') a year for 9998 years" in message
    assert len(message) < 300


@pytest.mark.parametrize("years", [-1, 9999, 10**9])
def test_years_of_growth_are_bounded(years: int) -> None:
    with pytest.raises(InvalidValueError, match="from 0 to 9998"):
        grow_plan(presets.coesfeld_cost_plan_2023(), years, 0)


def test_projections_over_the_widest_years_still_grow() -> None:
    plan = {"Nord": CostStatement(personnel=Decimal("170000.00"))}
    projection = project(presets.coesfeld(), [2023, 9999], plan, personnel_growth=Decimal("-0.01"))
    assert projection.plan(9999)["Nord"].personnel == Decimal("0.00")
