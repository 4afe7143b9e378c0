"""Benchmark: the own-share split against the plainest code that gives the same answer.

Run with ``python bench/bench_split.py``. For k towns it times
`kim_cooperation.split_equally` (validation included) and a bare baseline
that turns the amount into integer cents, splits them by largest remainder
and returns `Decimal` euros keyed by party, and prints the ratio of the two
measured in the same run. Issue 7 of the project sets the target (at most 2x).
"""

from __future__ import annotations

import statistics
import timeit
from decimal import Decimal

from kim_cooperation import Party, split_equally


def _parties(count: int) -> list[Party]:
    return [
        Party(name=f"Town {index}", kind="Gemeinde", ags=f"05{index:06d}")
        for index in range(count)
    ]


def baseline(amount: Decimal, parties: list[Party], first: Party) -> dict[Party, Decimal]:
    """Split equally by largest remainder with no validation and no derivation."""
    cents = int(amount * 100)
    count = len(parties)
    base, left_over = divmod(cents, count)
    # Equal weights: every remainder ties, so the tie order decides.
    order = sorted(parties, key=lambda party: (party != first, party.ags))
    extra = set(order[:left_over])
    return {
        party: Decimal(base + (party in extra)).scaleb(-2)
        for party in sorted(parties, key=lambda party: party.ags)
    }


def main() -> None:
    """Print the timings and ratios for 2, 5, 11 and 1,000 towns."""
    amount = Decimal("32500.03")
    print(f"{'towns':>6} {'library µs':>12} {'baseline µs':>12} {'ratio':>6}")
    for count in (2, 5, 11, 1000):
        parties = _parties(count)
        first = parties[count // 2]
        assert dict(split_equally(amount, parties, first=first)) == baseline(
            amount, parties, first
        )
        number = max(1, 20_000 // count)

        def library(parties: list[Party] = parties, first: Party = first) -> object:
            return split_equally(amount, parties, first=first)

        def plain(parties: list[Party] = parties, first: Party = first) -> object:
            return baseline(amount, parties, first)

        lib = statistics.median(timeit.repeat(library, number=number, repeat=5)) / number
        base = statistics.median(timeit.repeat(plain, number=number, repeat=5)) / number
        print(f"{count:>6} {lib * 1e6:>12.1f} {base * 1e6:>12.1f} {lib / base:>6.2f}")


if __name__ == "__main__":
    main()
