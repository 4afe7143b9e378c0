"""The steps of the payment: what the town pays its employer, or bills as the employer (C9, I10).

`billing` writes what a town pays to its region's employer, once a year
(C9), or, for the employer, what it bills the other towns and bears itself.
After a successor took over within the year (I10), the town pays each
employer for its spans, and each employer bills for its own spans and pays
the others for theirs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from kim_cooperation.clauses import Clause
from kim_cooperation.explanation._sentences import Writer, periods
from kim_cooperation.i18n import N_
from kim_cooperation.money import from_cents, to_cents
from kim_cooperation.party import Party
from kim_cooperation.settlement import BillingLine, RegionSettlement

__all__ = ["billing"]


def billing(writer: Writer, settled: RegionSettlement) -> None:
    """Write what the town pays, or as the employer bills and bears itself (C9, I10)."""
    party = writer.party
    employed = periods(settled)
    owed = [line for line in settled.billing if line.debtor == party]
    if party not in employed:
        if len(owed) == 1:
            (line,) = owed
            writer.add(
                "payment",
                N_("{party} pays {amount} to the employer {employer}, which bills once a year"),
                line.clause,
                settled.split[party],
                party=party.name,
                amount=writer.eur(line.amount),
                employer=line.creditor.name,
            )
            return
        # Billed by each employer of the year for its spans (C9, I10).
        writer.add(
            "payment",
            N_(
                "{party} pays {lines}, {amount} in all; the part is divided among the "
                "employers by the exact shares of their spans, cents by largest remainder"
            ),
            Clause.C9,
            settled.split[party],
            party=party.name,
            lines=_owed(writer, settled, owed, employed),
            amount=writer.eur(settled.split[party]),
        )
        return
    billed = [line for line in settled.billing if line.creditor == party]
    total = from_cents(sum(to_cents(line.amount) for line in billed))
    values: dict[str, object] = {"party": party.name, "amount": writer.eur(total)}
    handed_over = len(employed) > 1
    if handed_over:
        values["period"] = writer.period_text(settled, employed[party])
    if billed:
        values["lines"] = writer.names(
            [f"{line.debtor.name} {writer.eur(line.amount)}" for line in billed]
        )
        template = (
            N_("As the employer {period}, {party} bills: {lines}, {amount} in all")
            if handed_over
            else N_("As the employer, {party} bills once a year: {lines}, {amount} in all")
        )
    else:
        values["year"] = settled.year
        template = (
            N_("As the employer {period}, {party} bills nobody: {amount}")
            if handed_over
            else N_("{party} is the only town of the region in {year} and bills nobody: {amount}")
        )
    writer.add("billing", template, Clause.C9, total, **values)
    own_share = settled.split[party]
    if not owed:
        writer.add(
            "bears",
            N_("{party} bears its own part of {amount} itself"),
            Clause.C9,
            own_share,
            party=party.name,
            amount=writer.eur(own_share),
        )
        return
    # An employer for part of the year owes the other employers for their spans (C9, I10).
    kept = to_cents(own_share) - sum(to_cents(line.amount) for line in owed)
    writer.add(
        "bears",
        N_(
            "Of its own part of {amount}, {party} bears {kept} itself as the employer "
            "{period} and pays {paid}"
        ),
        Clause.C9,
        own_share,
        party=party.name,
        amount=writer.eur(own_share),
        kept=writer.eur(from_cents(kept)),
        period=writer.period_text(settled, employed[party]),
        paid=_owed(writer, settled, owed, employed),
    )


def _owed(
    writer: Writer,
    settled: RegionSettlement,
    owed: Sequence[BillingLine],
    employed: Mapping[Party, Sequence[tuple[dt.date, dt.date]]],
) -> str:
    """The amounts the town owes each employer, with the employer's time (C9, I10)."""
    return writer.names(
        [
            writer.text(
                N_("{amount} to {name} (employer {period})"),
                amount=writer.eur(line.amount),
                name=line.creditor.name,
                period=writer.period_text(settled, employed[line.creditor]),
            )
            for line in owed
        ]
    )
