"""The billing lines of a region's year: who owes which employer how much (C9; I2, I10).

`_bills` gives, for each town, what it owes each employer of the year, as
(debtor, creditor, amount); the settlement makes its `BillingLine` values
from them. With one employer all year each other town owes it its part.
After a handover within the year (C3) each town owes each employer its part
of that employer's spans, the part divided by largest remainder (I2) over
the town's exact shares of the spans (I10), so the lines still sum to the
part.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, TypeAlias

from kim_cooperation.money import from_cents, to_cents
from kim_cooperation.split import largest_remainder

if TYPE_CHECKING:
    from kim_cooperation.party import Party
    from kim_cooperation.spans import Span
    from kim_cooperation.split import Allocation

_Bill: TypeAlias = "tuple[Party, Party, Decimal]"
"""What one town owes one employer: debtor, creditor, amount."""


def _bills(split: Allocation, spans: tuple[Span, ...], employer: Party) -> list[_Bill]:
    """Each town's bill from the employers of the year (C9).

    With one employer all year, each other town owes it its part. After a
    handover within the year each town owes each employer its part of that
    employer's spans: the town's part, rounded once, is divided among its
    creditors by largest remainder over its exact parts of their spans (I2,
    I10), so the lines still sum to the part.

    Args:
        split: Each town's part of the region's own share.
        spans: The parts of the year with unchanged members, each with its employer.
        employer: The employer at the year's end, which bills when there was no handover.

    Returns:
        The bills in the order of the towns in ``split``, then of the employers.
    """
    creditors = list(dict.fromkeys(span.employer for span in spans))
    if len(creditors) <= 1:
        return [(party, employer, amount) for party, amount in split.items() if party != employer]
    exact: dict[Party, dict[Party, Fraction]] = {}
    for span in spans:
        for party, share in span.shares.items():
            row = exact.setdefault(party, {})
            row[span.employer] = row.get(span.employer, Fraction(0)) + span.weight * share
    bills: list[_Bill] = []
    for party, amount in split.items():
        row = exact[party]
        owed = [creditor for creditor in creditors if creditor in row]
        weights = [row[creditor] for creditor in owed]
        cents = to_cents(amount)
        parts = largest_remainder(cents, weights) if any(weights) else [0] * len(owed)
        bills.extend(
            (party, creditor, from_cents(part))
            for creditor, part in zip(owed, parts, strict=True)
            if creditor != party
        )
    return bills
