"""The steps of the town's part: its exact share, the floor in cents, the left-over cents (C4, I2).

`share` writes the town's exact share (equal parts, or its weight by the
key), its floor in whole cents with the cents left over, and whether the
town received one of them and why: the largest remainders first, ties to
the employer first and then by AGS (I2).
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from kim_cooperation.explanation._members import bearing, equal
from kim_cooperation.explanation._sentences import Writer, cents_or_none
from kim_cooperation.i18n import N_
from kim_cooperation.money import from_cents, to_cents
from kim_cooperation.party import Party
from kim_cooperation.settlement import RegionSettlement
from kim_cooperation.split import Share

__all__ = ["share"]


def share(writer: Writer, settled: RegionSettlement) -> None:
    """Write the town's exact share, its floor in cents and its part of the left-over cents."""
    split = settled.split
    own = split.share_of(writer.party)
    bearers = bearing(split.shares)
    is_equal = equal(bearers)
    whole_euros = own.exact.denominator == 1
    own_share = writer.eur(split.amount, cents=None if whole_euros else True)
    if is_equal:
        writer.add(
            "exact_share",
            N_("Exact share per town: {own_share} / {count} = {exact}"),
            split.clause,
            cents_or_none(own.exact),
            own_share=own_share,
            count=len(bearers),
            exact=writer.exact(own.exact),
        )
    else:
        total = sum((item.weight for item in bearers), Fraction(0))
        writer.add(
            "exact_share",
            N_("Exact share of {party}: {own_share} × {weight} = {exact}"),
            split.clause,
            cents_or_none(own.exact),
            party=writer.party.name,
            own_share=own_share,
            weight=writer.number(own.weight / total),
            exact=writer.exact(own.exact),
        )
    order = _tie_order(bearers, split.first)
    receivers = [item for item in order if item.extra_cent]
    floor = from_cents(_floor_cents(own))
    writer.add(
        "floor",
        N_("Rounded down to whole cents that is {floor} per town, {floors} in all; {left_over}")
        if is_equal
        else N_(
            "Rounded down to whole cents that is {floor} for {party}, {floors} for all "
            "parts; {left_over}"
        ),
        split.interpretation,
        floor,
        party=writer.party.name,
        floor=writer.eur(floor),
        floors=writer.eur(from_cents(to_cents(split.amount) - len(receivers))),
        left_over=_left_over(writer, len(receivers)),
    )
    amount = writer.eur(own.amount)
    if not receivers:
        writer.add(
            "part",
            N_("No cent is left over; the part of {party} is {amount}"),
            split.interpretation,
            own.amount,
            party=writer.party.name,
            amount=amount,
        )
        return
    values: dict[str, object] = {
        "party": writer.party.name,
        "remainder": writer.number(_remainder(own)),
        "amount": amount,
    }
    if own.extra_cent:
        values |= {"floor": writer.eur(floor), "cent": writer.eur(from_cents(1))}
    else:
        values["receivers"] = writer.names(
            [item.party.name for item in receivers]
            if is_equal
            else [
                f"{item.party.name} ({writer.number(_remainder(item))})"
                for item in sorted(receivers, key=lambda item: item.party.ags)
            ]
        )
    if is_equal:
        values["order"] = ", ".join(item.party.name for item in order)
        template = (
            N_(
                "Left-over cents go to the largest remainders; all remainders are equal "
                "({remainder} cent each), so the employer comes first, then the towns by "
                "AGS, in the order {order}; {party} receives one: {floor} + {cent} = {amount}"
            )
            if own.extra_cent
            else N_(
                "Left-over cents go to the largest remainders; all remainders are equal "
                "({remainder} cent each), so the employer comes first, then the towns by "
                "AGS, in the order {order}; {party} receives none, they go to {receivers}; "
                "the part of {party} is {amount}"
            )
        )
    else:
        template = (
            N_(
                "Left-over cents go to the largest remainders, ties to the employer first, "
                "then by AGS; {party} has a remainder of {remainder} cent; {party} receives "
                "one: {floor} + {cent} = {amount}"
            )
            if own.extra_cent
            else N_(
                "Left-over cents go to the largest remainders, ties to the employer first, "
                "then by AGS; {party} has a remainder of {remainder} cent; {party} receives "
                "none, they go to {receivers}; the part of {party} is {amount}"
            )
        )
    writer.add("part", template, split.interpretation, own.amount, **values)


def _left_over(writer: Writer, count: int) -> str:
    """How many cents are left over once every part is rounded down (I2)."""
    if count == 0:
        return writer.text(N_("no cent is left over"))
    if count == 1:
        return writer.text(N_("1 cent is left over"))
    return writer.text(N_("{count} cents are left over"), count=count)


def _tie_order(shares: Sequence[Share], first: Party | None) -> list[Share]:
    """The order in which equal remainders receive cents: ``first``, then by AGS (I2)."""
    return sorted(shares, key=lambda share: (share.party != first, share.party.ags))


def _floor_cents(share: Share) -> int:
    """The share's part before the left-over cents, in cents (I2)."""
    return to_cents(share.amount) - (1 if share.extra_cent else 0)


def _remainder(share: Share) -> Fraction:
    """The share's remainder in cents: its exact value less its floor (I2)."""
    return share.exact * 100 - _floor_cents(share)
