"""Benchmark ``split``: the own-share split against the plainest code that gives the same answer.

For k towns it times `kim_cooperation.split_equally` (validation included)
and a bare baseline that turns the amount into integer cents, splits them by
largest remainder (ties: the ``first`` party, then by AGS) and returns
`Decimal` euros keyed by party in AGS order. It also times "split + read
every part" (``dict(allocation)``), since a caller reads the parts. Issue 7
of the project sets the target: at most 2x the baseline.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from _harness import (
    Result,
    check_equal,
    format_ratio,
    format_time,
    measure,
    note,
    print_table,
    ratio,
    settings,
)

from kim_cooperation import Party, split_equally

NAME = "split"
AMOUNT = Decimal("32500.03")
TARGET = 2.0


def _parties(count: int) -> list[Party]:
    # Given in reverse AGS order: the library must sort, and so must the baseline.
    return [
        Party(name=f"Town {index}", kind="Gemeinde", ags=f"05{index:06d}")
        for index in range(count, 0, -1)
    ]


def _ags(party: Party) -> str:
    return party.ags


def baseline(amount: Decimal, parties: Sequence[Party], first: Party) -> dict[Party, Decimal]:
    """Split equally by largest remainder with no validation and no derivation."""
    numerator, denominator = amount.as_integer_ratio()  # exact, whatever the decimal context
    count = len(parties)
    base, left_over = divmod(numerator * 100 // denominator, count)
    low, high = Decimal(f"{base}E-2"), Decimal(f"{base + 1}E-2")
    by_ags = sorted(parties, key=_ags)
    # Equal weights: every remainder ties, so the tie order decides: first, then by AGS.
    first_ags = first.ags
    order = sorted(by_ags, key=lambda party: party.ags != first_ags)  # stable
    extra = {party.ags for party in order[:left_over]}
    return {party: high if party.ags in extra else low for party in by_ags}


def _shape(parts: dict[Party, Decimal]) -> list[tuple[str, str]]:
    """The parts in order, as text: compares order, amounts and their exponents."""
    return [(party.ags, str(amount)) for party, amount in parts.items()]


def run(*, quick: bool) -> list[Result]:
    """Time the split among 2, 5, 11 and 1,000 towns (2, 5, 11 and 100 with ``--quick``)."""
    config = settings(quick=quick)
    sizes = (2, 5, 11, 100) if config.quick else (2, 5, 11, 1000)
    results: list[Result] = []
    rows = []
    for count in sizes:
        parties = _parties(count)
        first = parties[count // 3]
        check_equal(
            _shape(dict(split_equally(AMOUNT, parties, first=first))),
            _shape(baseline(AMOUNT, parties, first)),
            f"split among {count}",
        )

        def library(parties: list[Party] = parties, first: Party = first) -> object:
            return split_equally(AMOUNT, parties, first=first)

        def library_read(parties: list[Party] = parties, first: Party = first) -> object:
            return dict(split_equally(AMOUNT, parties, first=first))

        def plain(parties: list[Party] = parties, first: Party = first) -> object:
            return baseline(AMOUNT, parties, first)

        lib = measure(library, config)
        read = measure(library_read, config)
        base = measure(plain, config)
        results.append(
            {
                "benchmark": NAME,
                "case": f"{count} towns",
                "towns": count,
                **lib.as_dict("library"),
                **read.as_dict("library_read"),
                **base.as_dict("baseline"),
                "ratio": ratio(lib.per_call, base.per_call),
                "ratio_read": ratio(read.per_call, base.per_call),
                "target_ratio": TARGET,
            }
        )
        rows.append(
            (
                count,
                format_time(lib.per_call),
                format_time(read.per_call),
                format_time(base.per_call),
                format_ratio(ratio(lib.per_call, base.per_call)),
                format_ratio(ratio(read.per_call, base.per_call)),
            )
        )
    print_table(
        ["towns", "split", "split+read", "baseline", "ratio", "ratio read"],
        rows,
    )
    note(f"amount {AMOUNT} EUR; ratio = library / baseline (issue target ≤ {TARGET:g}×)")
    note("split+read = split_equally(...) then dict(allocation): every part read")
    return results
