"""The walk through one region's settlement, step by step, and the sum over regions (C12).

`region` writes the steps for one region in the order of the derivation:
the settlement (`._settlement`), the split key (`._key`), who bears the own
share (`._members`), the town's part (`._share`) and its payment
(`._payment`). A town that has left bears nothing, and the walk ends there
(C12). `total` adds up the town's parts of several regions' own shares, as
it can bear them under the literal reading of C12.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from kim_cooperation.clauses import Clause
from kim_cooperation.explanation._key import key
from kim_cooperation.explanation._members import members, spans, year_share
from kim_cooperation.explanation._payment import billing
from kim_cooperation.explanation._sentences import Writer
from kim_cooperation.explanation._settlement import context, costs, funding, own_share
from kim_cooperation.explanation._share import share
from kim_cooperation.i18n import N_
from kim_cooperation.money import from_cents
from kim_cooperation.settlement import RegionSettlement

__all__ = ["region", "total"]


def region(writer: Writer, settled: RegionSettlement) -> None:
    """Write the walk through one region's settlement."""
    context(writer, settled)
    costs(writer, settled)
    funding(writer, settled)
    own_share(writer, settled)
    key(writer, settled)
    if len(settled.spans) > 1:
        spans(writer, settled)
    else:
        members(writer, settled)
    if writer.party not in settled.split:
        writer.add(
            "part",
            N_("So in {year} {party} bears no part of the own share of Region {region}: {amount}"),
            Clause.C12,
            from_cents(0),
            party=writer.party.name,
            year=settled.year,
            region=settled.region.name,
            amount=writer.eur(from_cents(0)),
        )
        return
    if len(settled.spans) > 1:
        year_share(writer, settled)
    share(writer, settled)
    billing(writer, settled)


def total(writer: Writer, parts: Sequence[RegionSettlement], amount: Decimal) -> None:
    """Write the sum of the town's parts of several regions' own shares, ``amount`` (C12)."""
    terms = []
    for settled in parts:
        name = writer.text(N_("Region {region}"), region=settled.region.name)
        terms.append(f"{writer.eur(settled.split[writer.party])} ({name})")
    writer.add(
        "total",
        N_("In {year} {party} bears {sum} in all"),
        Clause.C12,
        amount,
        party=writer.party.name,
        year=parts[0].year,
        sum=f"{' + '.join(terms)} = {writer.eur(amount)}",
    )
