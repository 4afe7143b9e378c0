"""The advance payments of the towns, each set against the one bill it pays (C9, I10).

The caller keys an advance ("Abschlagszahlung") by town, or by ``(town,
employer)`` for a town billed by two employers (after a handover within the
year, I10, or under ``withdrawal_scope="agreement"``). Each advance is
checked here: exact money, not negative, named once, and paid to an employer
that bills the town for the year. An employer bears its own part and pays
no advances to itself (C9).

`kim_cooperation.billing.billing_statements` sets the checked advances
against the bills; `employers_of` names the employers that bill for a region's
year.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TypeAlias

from kim_cooperation._checks import shown
from kim_cooperation.billing._periods import in_runs, joined, runs
from kim_cooperation.errors import InvalidTypeError, InvalidValueError, Phrase
from kim_cooperation.i18n import N_
from kim_cooperation.money import Money, to_money
from kim_cooperation.party import Party
from kim_cooperation.settlement import BillingLine, RegionSettlement, Settlement

__all__ = ["AdvanceKey", "Advances", "Billed", "checked_advances", "employers_of"]

AdvanceKey: TypeAlias = str | Party | tuple[str | Party, str | Party]
"""A town (`Party`, AGS or name), or a pair ``(town, employer)`` for a town billed by two employers."""

Advances: TypeAlias = (
    Mapping[str, Money]
    | Mapping[Party, Money]
    | Mapping[str | Party, Money]
    | Mapping[tuple[str | Party, str | Party], Money]
    | Mapping[AdvanceKey, Money]
)
"""Advance payments per town, keyed by `Party`, AGS or name, or by ``(town, employer)``:
`Decimal` or `int` euros."""

Billed: TypeAlias = tuple[str, Party, Party]
"""A bill: the region's name, the town that pays and the employer that bills."""


def checked_advances(settlement: Settlement, advances: Advances) -> dict[Billed, Decimal]:
    """The advances keyed by the bill each pays; refused as `billing_statements` says (C9)."""
    if not isinstance(advances, Mapping):
        raise InvalidTypeError(
            f"advances must be a mapping of town to money, got {type(advances).__name__} "
            f"{shown(advances)}"
        )
    agreement = settlement.agreement
    found: dict[Billed, Decimal] = {}
    for key, value in advances.items():
        creditor: Party | None = None
        if isinstance(key, tuple):
            if len(key) != 2 or not all(isinstance(item, str | Party) for item in key):
                raise InvalidTypeError(
                    f"an advance keyed by a pair names (town, employer), each a Party, AGS or "
                    f"name, got {shown(key)}"
                )
            party = agreement.party(key[0])
            creditor = agreement.party(key[1])
        elif isinstance(key, str | Party):
            party = agreement.party(key)
        else:
            raise InvalidTypeError(
                f"advances must be keyed by Party, AGS or name, got {type(key).__name__} "
                f"{shown(key)}; a town billed by two employers is keyed (town, employer)"
            )
        amount = to_money(value, what=Phrase(N_("advance of {party}"), party=party.name))
        if amount < 0:
            raise InvalidValueError(
                N_(
                    "advance of {party} must not be negative, got {value}; "
                    "a refund is a negative balance, not a negative advance"
                ),
                party=party.name,
                value=shown(value),
            )
        line = _billed_line(settlement, party, creditor)
        billed = (line[0].region.name, party, line[1].creditor)
        if billed in found:
            raise InvalidValueError(
                N_("advances name {party} twice (as {key})"), party=party.name, key=shown(key)
            )
        found[billed] = amount
    return found


def _billed_line(
    settlement: Settlement, party: Party, creditor: Party | None
) -> tuple[RegionSettlement, BillingLine]:
    """The one bill of ``party`` (by ``creditor``, if given); refused if none or several (C9)."""
    billed = [
        (region, line)
        for region in settlement.regions
        for line in region.billing
        if line.debtor == party and creditor in (None, line.creditor)
    ]
    if len(billed) == 1:
        return billed[0]
    year = settlement.year
    if billed:
        if creditor is None:
            how = Phrase(
                N_(
                    "key the advance by town and employer, e.g. advances={{{example}: Decimal(...)}}"
                ),
                example=f"({party.name!r}, {billed[0][1].creditor.name!r})",
            )
        else:
            how = Phrase(N_("give one advance per region"))
        raise InvalidValueError(
            N_(
                "an advance of {party} is ambiguous: in {year} it is billed by {employers}; {how} (C9)"
            ),
            party=party.name,
            year=year,
            employers=joined(
                [_billing_employer(region, line.creditor) for region, line in billed]
            ),
            how=how,
        )
    for region in settlement.regions:
        if party in employers_of(region):
            period = _employed(region, party)
            raise InvalidValueError(
                N_(
                    "{party} is the employer of Region {region} in {year}: it bears its part "
                    "itself and pays no advances to itself (C9)"
                )
                if period is None
                else N_(
                    "{party} is the employer of Region {region} in {year} from {period}: it bears "
                    "its part itself and pays no advances to itself (C9)"
                ),
                party=party.name,
                region=region.region.name,
                year=year,
                period=period,
            )
    if creditor is not None:
        debts = [line for region in settlement.regions for line in region.billing]
        creditors = [line.creditor.name for line in debts if line.debtor == party]
        if creditors:
            raise InvalidValueError(
                N_(
                    "{creditor} does not bill {party} in {year}; {party} is billed by {billers} (C9)"
                ),
                creditor=creditor.name,
                party=party.name,
                year=year,
                billers=joined(list(dict.fromkeys(creditors))),
            )
    raise InvalidValueError(
        N_(
            "{party} is billed in none of the settled regions {regions} for {year}: "
            "it has left the agreement (C12) or its region was not settled; an advance can "
            "only be set off against a bill (C9)"
        ),
        party=party.name,
        regions=[region.region.name for region in settlement.regions],
        year=year,
    )


def employers_of(region: RegionSettlement) -> list[Party]:
    """The employers that bill for the region's year, in the order they employed (C3, I10)."""
    employers = list(dict.fromkeys(span.employer for span in region.spans))
    return employers or [region.employer]


def _employed(region: RegionSettlement, employer: Party) -> Phrase | str | None:
    """``2026-01-01 to 2026-03-31`` for an employer of part of the year, else None (I10)."""
    if len(employers_of(region)) <= 1:
        return None
    return in_runs(runs(span for span in region.spans if span.employer == employer))


def _billing_employer(region: RegionSettlement, employer: Party) -> Phrase:
    """``Coesfeld (Region Nord, 2026-01-01 to 2026-03-31)``: an employer that bills (C9, I10)."""
    period = _employed(region, employer)
    if period is None:
        return Phrase(
            N_("{employer} (Region {region})"), employer=employer.name, region=region.region.name
        )
    return Phrase(
        N_("{employer} (Region {region}, {period})"),
        employer=employer.name,
        region=region.region.name,
        period=period,
    )
