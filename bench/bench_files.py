"""Benchmark ``files``: reading agreement files of 1,000 to 10,000 towns, against parsing them alone.

`load_agreement` reads a file in three steps: the parser (``json`` or
``tomllib``), the structuring into records with path-precise checks
(cattrs), and the building of the model, which resolves every town named in
the regions, keys, counts and notices. Issue 13 of the project asked that
this be linear in the towns, 10,000 towns in under 2 s; before, each town
named was looked up by scanning every party, so the time grew with the
square of the towns (1,000 towns 1.6 s, 4,000 towns 28.6 s, 10,000 towns
about 125 s on the machine of docs/explanation/performance.md).

For each size the benchmark times ``loads_agreement`` of a generated
agreement (``bench/_generate.py``) with its cost plan, as JSON, and the
``json.loads`` of the same text as the baseline, and reports the time per
town and its spread across sizes. It also times the refusal of a weighted
split whose weights ``1/p`` for 10,000 distinct primes exceed
`kim_cooperation.split.MAX_WEIGHT_BITS` (before issue 13, 5.8 s to split
and reading ``.shares`` never finished).

Run it alone with ``python bench/bench_files.py [--quick]``.
"""

from __future__ import annotations

import functools
import json
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _generate import generate
from _harness import (
    Result,
    format_ratio,
    format_time,
    measure,
    note,
    print_table,
    ratio,
    settings,
    spread,
    timed_once,
)

from kim_cooperation import InvalidValueError, Party, split_by_weight
from kim_cooperation.files import AgreementFile, dump_agreement, loads_agreement

NAME = "files"
TARGET_S = 2.0


def _text(towns: int) -> str:
    generated = generate(towns)
    document = AgreementFile(agreement=generated.agreement, cost_plans={2023: generated.plan})
    return dump_agreement(document, format="json")


def _primes(count: int) -> list[int]:
    found: list[int] = []
    candidate = 2
    while len(found) < count:
        if all(candidate % prime for prime in found if prime * prime <= candidate):
            found.append(candidate)
        candidate += 1
    return found


def _refused_split(weights: dict[Party, Fraction]) -> object:
    try:
        return split_by_weight(Decimal("1000000.00"), weights)
    except InvalidValueError as error:
        return error


def run(*, quick: bool) -> list[Result]:
    """Time loading 1,000, 4,000 and 10,000 towns (100 and 400 with ``--quick``)."""
    config = settings(quick=quick)
    sizes = (100, 400) if config.quick else (1000, 4000, 10_000)
    results: list[Result] = []
    rows = []
    per_town = []
    for towns in sizes:
        text = _text(towns)
        load = functools.partial(loads_agreement, text, format="json")
        loaded, first = timed_once(load)
        if dump_agreement(loaded, format="json") != text:
            raise AssertionError(f"{towns} towns: the file does not round-trip")
        library = measure(load, config, first=first)
        parse = measure(functools.partial(json.loads, text), config)
        per_town.append(library.per_call / towns)
        results.append(
            {
                "benchmark": NAME,
                "case": f"load {towns} towns",
                "towns": towns,
                "bytes": len(text.encode("utf-8")),
                **library.as_dict("library"),
                **parse.as_dict("baseline"),
                "ratio": ratio(library.per_call, parse.per_call),
                "target_s": TARGET_S if towns == 10_000 else None,
            }
        )
        rows.append(
            (
                f"{towns:,}",
                f"{len(text.encode('utf-8')) / 1e6:.2f} MB",
                format_time(library.per_call),
                format_time(library.per_call / towns),
                format_time(parse.per_call),
                format_ratio(ratio(library.per_call, parse.per_call)),
            )
        )
    print_table(["towns", "JSON", "load", "per town", "json.loads", "ratio"], rows)
    note(f"per-town time varies by {spread(per_town):.2f}x across sizes (linear: near 1)")
    note(f"issue 13 target: 10,000 towns in under {TARGET_S:g} s")

    count = 1000 if config.quick else 10_000
    parties = [
        Party(name=f"Ort {index}", kind="Stadt", ags=f"05{index:06d}")
        for index in range(1, count + 1)
    ]
    weights = dict(zip(parties, (Fraction(1, prime) for prime in _primes(count)), strict=True))
    refused, _ = timed_once(lambda: _refused_split(weights))
    if not isinstance(refused, InvalidValueError):
        raise AssertionError("weights 1/p beyond MAX_WEIGHT_BITS were not refused")
    refusal = measure(lambda: _refused_split(weights), config)
    results.append(
        {
            "benchmark": NAME,
            "case": f"refuse weights 1/p of {count} primes",
            **refusal.as_dict("library"),
        }
    )
    note(
        f"split_by_weight with weights 1/p for {count:,} primes refused in {format_time(refusal.per_call)}"
    )
    return results


if __name__ == "__main__":
    run(quick="--quick" in sys.argv[1:])
