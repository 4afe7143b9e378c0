"""The usual year of a region, settled on integers (C4, C5, C7, C10, C12; I1, I2, I6, I7, I9).

Most region-years are usual: the members do not change within the year
(every notice ends before the year begins or not before its last day the
agreement runs) and the posts are funded in twelfths (I7); a region split
by fixed weights or population (I9) only while nobody has left it. For
such a year `_usual_figures` computes what the settlement's figures need,
on integers: the towns that have left (C12); the funding in cents from the
year's running sums of the months' rates and the posts grouped by their
dates (`Region._post_groups`), and whether it was lost (C10); the own share
and the surplus (C7, I6); and who bears the year
(`membership._usual_members`: the employer, the key's weights). The split
is equal parts among the members that remain, in their AGS order
(`Region._equal_shares` when nobody has left), also in a year without
funding under ``no_funding_split="equal"`` (C10, I12): a leaving town's
share passes in equal parts to those who remain (C12), whichever way its
key passes it, as every town's key weight is the same; or by the key's
weights (C4, I9).

It gives the same figures as the general path (`kim_cooperation.funding`,
`kim_cooperation.membership`), which the property tests check; the objects
that explain them (the funding post by post, the spans, the billing lines)
are derived by that path when first read (`RegionSettlement`). For any
other year it answers ``None`` and the general path settles it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from kim_cooperation.funding import _MonthSums, _twelfths_on_integers
from kim_cooperation.keys import KeyKind
from kim_cooperation.membership import _usual_members, _UsualMembers
from kim_cooperation.policy import ShareBasis, WithdrawalScope

if TYPE_CHECKING:
    from kim_cooperation.agreement import Agreement
    from kim_cooperation.party import Party
    from kim_cooperation.region import Region


class _UsualFigures(NamedTuple):
    """What a usual region-year's settlement is made of (C3, C5, C7, C10, C12, I6, I9, I12).

    Attributes:
        balance: The costs less the funding, in cents: the own share when
            positive, the surplus when negative (C7, I6).
        lost: The funding was lost all year (C10).
        equal_parts: The own share is split in equal parts because the
            funding was lost, whatever the region's key (C10, I12).
        left: The members that left before the year (C12), in AGS order.
        members: Who bears the year (`membership._usual_members`).
    """

    balance: int
    lost: bool
    equal_parts: bool
    left: tuple[Party, ...]
    members: _UsualMembers


def _usual_figures(
    agreement: Agreement,
    region: Region,
    year: int,
    costs_cents: int,
    *,
    window: tuple[dt.date, dt.date],
    sums: _MonthSums | None,
) -> _UsualFigures | None:
    """The figures of ``region``'s ``year`` if the year is usual, else ``None``.

    Whether the members change within the year is found first, from the
    agreement's termination dates, so that a year that is not usual goes
    the general path before its funding or who bears it is computed: each
    is computed once per region-year. The funding comes before who bears
    it, as a year without funding is split in equal parts, which needs no
    key (C10, I12).

    Args:
        agreement: The agreement, read for its policies and notices.
        region: A region of the agreement.
        year: The year settled.
        costs_cents: The region's costs in cents (C8).
        window: The days the agreement runs in the year (`year_window`).
        sums: The running sums of the year's monthly rates, or ``None``
            when part years are funded by days (I7), which is not usual.

    Raises:
        NoPopulationCountError: A population key lacks a town's count (I9).
    """
    if sums is None or agreement.policies.withdrawal_scope is WithdrawalScope.AGREEMENT:
        return None
    first, last = window
    termination = agreement._index.termination
    left: list[Party] = []
    if termination:  # without any notice every member stays all year
        for member in region.members:
            ends = termination.get(member)
            if ends is not None and ends < last:
                if ends >= first:
                    return None  # a member leaves within the year: spans (C12, I10)
                left.append(member)
        if left and (
            len(left) == len(region.members) or region.split_key.kind is not KeyKind.EQUAL
        ):
            # Nobody remains (the agreement refuses that), or a town's share passes by a
            # key under the policies: the general path.
            return None
    groups = region._post_groups
    funding, lost = _twelfths_on_integers(groups.groups, groups.denominator, year, sums)
    equal_parts = lost and agreement.policies.no_funding_split is ShareBasis.EQUAL
    members = _usual_members(agreement, region, year, window, equal_parts=equal_parts)
    if members is None:
        return None
    return _UsualFigures(
        balance=costs_cents - funding,
        lost=lost,
        equal_parts=equal_parts,
        left=tuple(left),
        members=members,
    )
