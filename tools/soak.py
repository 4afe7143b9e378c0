"""Soak test: many random splits and settlements, checking that no cent is ever lost.

Runs ``--n`` random cases (default 1,000,000) from a fixed ``--seed``, at most
``--seconds`` long if given. Each case is a split (`split_equally` or
`split_by_weight`: random amount, parties and exact weights) or, every tenth
case, a settlement of the Coesfeld agreement (with or without a notice) for
random costs. It checks that

* the parts of a split add up to the amount exactly, and each part is the
  floor or ceiling of its exact share;
* in a settlement, own share less surplus is costs less funding, the parts
  add up to the own share, and the billing lines equal the other towns' parts.

It prints the cents lost (must be 0), the cases that broke a rule, and the
cases per second, and exits with status 1 if any cent was lost or any rule
broken.

Usage::

    .venv/bin/python tools/soak.py --n 100000
    .venv/bin/python tools/soak.py --seconds 60
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import sys
import time
from decimal import Decimal
from fractions import Fraction

from kim_cooperation import (
    Agreement,
    CostStatement,
    Party,
    Settlement,
    presets,
    settle,
    split_by_weight,
    split_equally,
)
from kim_cooperation.money import to_cents

_SETTLEMENT_EVERY = 10


def _amount(rng: random.Random) -> int:
    """Random cents: mostly small, sometimes huge, sometimes negative."""
    magnitude = rng.choice((100, 10_000, 10**7, 10**11, 10**16 - 1))
    cents = rng.randint(0, magnitude)
    return -cents if rng.random() < 0.1 else cents


def _weight(rng: random.Random) -> int | Fraction | Decimal:
    kind = rng.randrange(4)
    if kind == 0:
        return rng.randint(0, 20)
    if kind == 1:
        return Fraction(rng.randint(0, 1000), rng.randint(1, 997))
    if kind == 2:
        return Decimal(rng.randint(0, 10**6)).scaleb(-rng.randint(0, 4))
    return 1


def _check_split(rng: random.Random, parties: tuple[Party, ...]) -> tuple[int, bool]:
    """Run one random split; return the cents lost and whether every rule held."""
    chosen = tuple(rng.sample(parties, rng.randint(1, len(parties))))
    cents = _amount(rng)
    amount = Decimal(f"{cents}E-2")
    first = rng.choice((None, *chosen))
    if rng.random() < 0.5:
        weights: dict[Party, int | Fraction | Decimal] = dict.fromkeys(chosen, 1)
        allocation = split_equally(amount, chosen, first=first)
    else:
        weights = {party: _weight(rng) for party in chosen}
        if not any(weights.values()):
            weights[chosen[0]] = 1
        allocation = split_by_weight(amount, weights, first=first)
    parts = {party: to_cents(part) for party, part in allocation.items()}
    lost = abs(cents - sum(parts.values()))
    total = sum(Fraction(weight) for weight in weights.values())
    within = all(
        math.floor(exact := cents * Fraction(weights[party]) / total) <= part <= math.ceil(exact)
        for party, part in parts.items()
    )
    return lost, within and set(parts) == set(chosen)


def _check_settlement(settlement: Settlement) -> tuple[int, bool]:
    lost = 0
    held = True
    for region in settlement.regions:
        costs = to_cents(region.costs.total)
        funding = to_cents(region.funding.amount)
        own_share = to_cents(region.own_share)
        surplus = to_cents(region.surplus)
        parts = sum(to_cents(part) for part in region.split.values())
        lost += abs(costs - funding - (own_share - surplus)) + abs(own_share - parts)
        billed = {line.debtor: to_cents(line.amount) for line in region.billing}
        others = {
            party: to_cents(part)
            for party, part in region.split.items()
            if party != region.employer
        }
        held = held and billed == others and min(own_share, surplus) == 0
    return lost, held


def _costs(rng: random.Random) -> CostStatement:
    return CostStatement(
        personnel=Decimal(rng.randint(0, 30_000_000)).scaleb(-2),
        equipment=Decimal(rng.randint(0, 1_000_000)).scaleb(-2),
        recruitment=Decimal(rng.randint(0, 100_000)).scaleb(-2),
        administration=Decimal(rng.randint(0, 100_000)).scaleb(-2),
        material_not_itemised=Decimal(rng.randint(0, 1_000_000)).scaleb(-2),
    )


def _settle_one(rng: random.Random, agreements: list[Agreement]) -> tuple[int, bool]:
    agreement = rng.choice(agreements)
    names = [region.name for region in agreement.regions]
    chosen = rng.sample(names, rng.randint(1, len(names)))
    plan = {name: _costs(rng) for name in chosen}
    return _check_settlement(settle(agreement, rng.randint(2023, 2030), plan))


def _agreements() -> list[Agreement]:
    base = presets.coesfeld()
    day = dt.date(2024, 6, 30)
    cut = base.with_funding(base.funding.without_funding_from(dt.date(2027, 1, 1), source="soak"))
    return [
        base,
        base.give_notice("Rosendahl", day),
        base.give_notice("Senden", day).give_notice("Olfen", dt.date(2025, 6, 30)),
        base.give_notice("Coesfeld", day, successor="Billerbeck"),
        cut,
    ]


def soak(n: int, seconds: float | None, seed: int) -> tuple[int, int, int, float]:
    """Run up to ``n`` cases; return (cases run, cents lost, cases failed, elapsed seconds)."""
    rng = random.Random(seed)
    agreements = _agreements()
    parties = agreements[0].parties
    lost = failed = run = 0
    start = time.perf_counter()
    deadline = None if seconds is None else start + seconds
    while run < n:
        if deadline is not None and run % 1000 == 0 and time.perf_counter() >= deadline:
            break
        if run % _SETTLEMENT_EVERY == _SETTLEMENT_EVERY - 1:
            case_lost, held = _settle_one(rng, agreements)
        else:
            case_lost, held = _check_split(rng, parties)
        lost += case_lost
        failed += not held or case_lost != 0
        run += 1
    return run, lost, failed, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    """Run the soak test from the command line; status 1 if a cent was lost."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=1_000_000, help="cases to run (1,000,000)")
    parser.add_argument("--seconds", type=float, default=None, help="stop after this long")
    parser.add_argument("--seed", type=int, default=20230101, help="random seed (20230101)")
    arguments = parser.parse_args(argv)
    if arguments.n < 0:
        parser.error("--n must not be negative")
    run, lost, failed, elapsed = soak(arguments.n, arguments.seconds, arguments.seed)
    rate = run / elapsed if elapsed else float("inf")
    settlements = run // _SETTLEMENT_EVERY
    print(
        f"runs: {run:,} ({run - settlements:,} splits, {settlements:,} settlements), "
        f"seed {arguments.seed}\n"
        f"cents lost: {lost}\n"
        f"cases breaking a rule: {failed}\n"
        f"time: {elapsed:.1f} s, {rate:,.0f} runs/second"
    )
    return 1 if lost or failed else 0


if __name__ == "__main__":
    sys.exit(main())
