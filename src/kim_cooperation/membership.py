"""Membership over time (C11, C12, C13): who is a party on a day, and who bears what.

A party that gives notice stays a full member, paying its share, until its
termination date (C11). After it leaves, its shares of the posts and of the
costs pass in equal parts to the remaining towns of its region (C12,
interpretation choice I3): with equal splits this is simply an equal split
among the towns still there. When every party has given notice, the
agreement ends on the last of their termination dates and the wind-down
follows (C13).

For the settlement, `_region_year` computes who bears what of a region's
year once: its spans, each town's fraction, the employer that bills it and
the population reference day, from the pieces the settlement passes down.

Cases the text does not settle are refused with `UndecidedCaseError` (I8):
the employer of a region leaving while other towns of the region stay,
unless its notice names a successor employer (`employer_on`), and every
town of one region leaving while the agreement goes on elsewhere.

Examples:
    >>> import datetime as dt
    >>> from kim_cooperation import presets
    >>> agreement = presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30))
    >>> agreement.termination_of("Rosendahl")
    datetime.date(2025, 12, 31)
    >>> [party.name for party in agreement.members_on(dt.date(2026, 1, 1), region="Nord")]
    ['Billerbeck', 'Coesfeld', 'Havixbeck']
    >>> agreement.post_shares(dt.date(2026, 1, 1))[agreement.party("Coesfeld")]
    Fraction(5, 6)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from kim_cooperation._checks import check_agreement, check_date, check_region
from kim_cooperation.keys import KeyKind, _reference_day, key_integers
from kim_cooperation.party import Party
from kim_cooperation.roll import (
    _employer_on,
    agreement_end,
    check_notices,
    employer_for_year,
    employer_on,
    is_member,
    members_on,
    termination_of,
)
from kim_cooperation.spans import (
    Span,
    _day_shares,
    _settled_year,
    year_shares,
    year_spans,
    year_window,
)

if TYPE_CHECKING:
    from kim_cooperation.agreement import Agreement
    from kim_cooperation.region import Region

__all__ = [
    "agreement_end",
    "check_notices",
    "cost_shares",
    "employer_for_year",
    "employer_on",
    "is_member",
    "members_for_year",
    "members_on",
    "post_shares",
    "termination_of",
]


def post_shares(agreement: Agreement, day: dt.date) -> Mapping[Party, Fraction]:
    """Return each member's share of its region's posts on ``day``, in FTE (C4, C12).

    The towns of a region share its posts by its key, in equal parts under
    the default key (C4); when a town leaves, its share passes in equal
    parts to the towns of its region that remain (C12, I3, I11), or as the
    policies ``withdrawal_scope`` and ``withdrawal_split`` say. The shares
    always sum to the posts' FTE while every region has members. Parties
    that are not members on ``day`` are not in the mapping.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> shares = presets.coesfeld().post_shares(dt.date(2024, 1, 1))
        >>> str(shares[presets.coesfeld().party("Nottuln")])
        '1/2'
    """
    check_agreement(agreement)
    check_date(day, what="day")
    shares: dict[Party, Fraction] = {}
    for region in agreement.regions:
        for party, weight in _day_shares(agreement, region, day).items():
            shares[party] = shares.get(party, Fraction(0)) + region.fte * weight
    return MappingProxyType(shares)


def cost_shares(agreement: Agreement, region: Region, year: int) -> Mapping[Party, Fraction]:
    """Return who bears which fraction of ``region``'s own share in ``year`` (C4, C12, I3, I10).

    The towns of a region bear its own share by its key, in equal parts
    under the default key (C4). A town that has left no longer bears any;
    its part passes in equal parts to the remaining towns of its region (I3,
    I11, the default), or as the policies ``withdrawal_scope`` and
    ``withdrawal_split`` say. A year with a change of members is cut into
    spans (`kim_cooperation.spans.year_spans`, I10). The fractions sum to 1.

    Raises:
        InvalidValueError: The agreement ended before ``year``.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> agreement = presets.coesfeld().give_notice("Nottuln", dt.date(2024, 6, 30))
        >>> shares = cost_shares(agreement, agreement.region("Mitte"), 2026)
        >>> {party.name: str(share) for party, share in shares.items()}
        {'Dülmen': '1'}
    """
    check_agreement(agreement)
    check_region(region)
    return MappingProxyType(year_shares(year_spans(agreement, region, year)))


def members_for_year(agreement: Agreement, region: Region, year: int) -> tuple[Party, ...]:
    """Return the towns of ``region`` that bear a part of its own share for ``year`` (C4, C11, C12).

    Under notice to the end of a calendar year a town is a member for a
    whole year or not at all. Under other terms a town can be a member for
    part of a year; it is returned too, and bears its part pro rata
    temporis (I10, `kim_cooperation.spans.year_spans`).

    Raises:
        InvalidValueError: The agreement has ended before ``year`` (after
            full termination only the wind-down remains, C13).

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> agreement = presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30))
        >>> nord = agreement.region("Nord")
        >>> [party.name for party in members_for_year(agreement, nord, 2025)]
        ['Billerbeck', 'Coesfeld', 'Havixbeck', 'Rosendahl']
        >>> [party.name for party in members_for_year(agreement, nord, 2026)]
        ['Billerbeck', 'Coesfeld', 'Havixbeck']
    """
    check_agreement(agreement)
    check_region(region)
    first, _ = year_window(agreement, year)
    return members_on(agreement, first, region=region)


class _RegionYear(NamedTuple):
    """Who bears what of a region's year, as a settlement needs it (C3, C4, C11, C12, I9, I10).

    Attributes:
        spans: The year's spans of unchanged members (`year_spans`).
        shares: Each bearer's exact fraction of the year, by AGS (`year_shares`).
        integers: The numerators of ``shares`` over one common denominator,
            by AGS: the weights of the largest-remainder split (I2).
        employer: The employer that settles and bills the year: the one on
            the last day of the year's window (C3, C9; `employer_for_year`).
        reference_day: The day whose population counts split the year, for
            a population key not set aside; else ``None`` (I9).
    """

    spans: tuple[Span, ...]
    shares: dict[Party, Fraction]
    integers: dict[Party, int]
    employer: Party
    reference_day: dt.date | None


def _region_year(
    agreement: Agreement,
    region: Region,
    year: int,
    window: tuple[dt.date, dt.date],
    *,
    equal_parts: bool,
) -> _RegionYear:
    """Compute who bears what of ``region``'s ``year``, once for its settlement (C3, C4, C11, C12).

    Args:
        agreement: The agreement, read for its notices, policies and
            population counts; never called back.
        region: A region of the agreement, already looked up.
        year: The year settled.
        window: The year's `year_window`, computed once for all regions.
        equal_parts: Split in equal parts whatever the region's key (C10, I12).

    Raises:
        NoPopulationCountError: A population key lacks a town's count.
        UndecidedCaseError: Under ``withdrawal_split="key"`` the towns that
            remain all have weight zero.
    """
    spans, shares, integers = _settled_year(
        agreement, region, year, window, equal_parts=equal_parts
    )
    return _RegionYear(
        spans=spans,
        shares=shares,
        integers=integers,
        employer=_employer_on(agreement, region, window[1]),
        reference_day=None if equal_parts else _reference_day(agreement, region, year),
    )


class _UsualMembers(NamedTuple):
    """Who bears a usual region-year, as its settlement on integers needs it (C3, C4, C12, I9).

    Attributes:
        employer: The employer on the year's last day (C3, C9).
        weights: The key's integer weights of the members that remain, in
            AGS order (`key_integers`), or ``None`` for equal parts.
        reference_day: The day of the population counts (I9), or ``None``.
    """

    employer: Party
    weights: dict[Party, int] | None
    reference_day: dt.date | None


def _usual_members(
    agreement: Agreement,
    region: Region,
    year: int,
    window: tuple[dt.date, dt.date],
    *,
    equal_parts: bool,
) -> _UsualMembers | None:
    """Who bears ``region``'s usual ``year``, its members unchanged within it (C3, C4, C12, I9).

    The caller has found that no member leaves within the year, and which
    left before it: those bear nothing, their shares passed on in equal
    parts among the rest (C12, I3, I11). A region split by fixed weights or
    population (I9) bears by the key's weights as they stand (the caller
    sends such a region here only while nobody has left it: how a leaver's
    share passes by a key depends on the policies, which the general path,
    `_region_year`, applies). With ``equal_parts`` (a year without funding,
    C10, I12) the key is not read: no weights, no population counts.

    Returns:
        ``None`` if no member weighs anything by the key; the general path
        says what that means.

    Raises:
        NoPopulationCountError: A population key lacks a town's count, as
            the general path raises it.
    """
    weights = None
    if not equal_parts and region.split_key.kind is not KeyKind.EQUAL:
        weights = key_integers(agreement, region, year)
        if not any(weights.values()):
            return None
    return _UsualMembers(
        employer=_employer_on(agreement, region, window[1]),
        weights=weights,
        reference_day=None if equal_parts else _reference_day(agreement, region, year),
    )
