"""Who bears which fraction of a region's own share, over a year (C4, C10, C11, C12; I3, I9–I12).

Under notice to the end of a calendar year (Coesfeld, C11) the members of a
region are the same all year. Under notice terms that end inside a year
(quarter, half-year, month) a town can leave on 31 March, and a successor
employer can take over on 1 April. Such a year is settled pro rata temporis
(interpretation choice I10):

1. the year (from the agreement's start, to its end if it ends in the year)
   is cut into spans at each change of members;
2. each span is weighed in twelfths, one for each calendar month
   (default), or in days (policy ``span_weighting``);
3. each span's part is split among that span's members by the region's key
   (C4, I9), a leaving town's part passing to the remaining towns in equal
   parts (C12, I11, policy ``withdrawal_split``);
4. a town's fraction of the year is the sum of its exact fractions over the
   spans. The settlement rounds these once, by largest remainder (I2), so
   the parts sum exactly to the own share and each is within a cent of its
   exact share.

A year without changes is one span, and under the equal key every fraction
is the one the Coesfeld agreement has always had: ``1 / towns``.

Examples:
    Under quarter terms, Fuchsberg leaves region Ost of the example agreement
    on 31 March 2026:

    >>> import datetime as dt
    >>> from kim_cooperation import presets
    >>> agreement = presets.example().give_notice("Fuchsberg", dt.date(2025, 9, 30))
    >>> agreement.termination_of("Fuchsberg")
    datetime.date(2026, 3, 31)
    >>> spans = year_spans(agreement, agreement.region("Ost"), 2026)
    >>> [(span.first_day.isoformat(), span.last_day.isoformat(), str(span.weight)) for span in spans]
    [('2026-01-01', '2026-03-31', '1/4'), ('2026-04-01', '2026-12-31', '3/4')]
    >>> shares = year_shares(spans)
    >>> {party.name: str(share) for party, share in shares.items()}
    {'Brunnfeld': '1/2', 'Eichhagen': '5/18', 'Fuchsberg': '1/18', 'Grünwald': '1/6'}
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from kim_cooperation._checks import (
    FrozenMapping,
    check_agreement,
    check_date,
    check_region,
    check_year,
    shown,
    to_fraction,
    tuple_of,
)
from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.errors import (
    InvalidTypeError,
    InvalidValueError,
    NoPopulationCountError,
    UndecidedCaseError,
)
from kim_cooperation.i18n import N_
from kim_cooperation.keys import KeyKind, key_integers, key_weights
from kim_cooperation.party import Party
from kim_cooperation.policy import ShareBasis, SpanWeighting, WithdrawalScope
from kim_cooperation.roll import _employer_on, _members_on, agreement_end

if TYPE_CHECKING:
    from kim_cooperation.agreement import Agreement
    from kim_cooperation.region import Region

__all__ = [
    "Span",
    "bearer_shares",
    "day_shares",
    "settled_year",
    "year_shares",
    "year_spans",
    "year_window",
]

_ZERO: Final = Fraction(0)
_ONE: Final = Fraction(1)


@attrs.frozen(kw_only=True)
class Span:
    """A part of a year in which a region's members and employer stay the same (C11, C12, I10).

    Attributes:
        first_day: The span's first day.
        last_day: The span's last day.
        months: The calendar months of the span (a month the agreement starts
            in counts whole).
        days: The days of the span.
        weight: The span's exact fraction of the year's own share: its
            months (or days, under ``span_weighting="days"``) over those of
            the year.
        members: The towns of the region that are members in the span, by AGS.
        employer: The region's employer in the span (C3).
        bearers: The parties that bear the span's part: its members, and
            under ``withdrawal_scope="agreement"`` parties of other regions
            that take over a share (C12).
        numerators: Each bearer's share of the span's part, as a numerator
            over ``denominator``, in the order of ``bearers``.
        denominator: The common denominator of the shares.
        clause: ``C4``; ``C12`` once a town has left; ``C10`` for a year
            without funding split in equal parts.

    Examples:
        >>> from kim_cooperation import presets
        >>> (span,) = year_spans(presets.coesfeld(), presets.coesfeld().region("Mitte"), 2023)
        >>> span.first_day, span.last_day, span.months, span.weight, span.employer.name
        (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31), 12, Fraction(1, 1), 'Dülmen')
        >>> {party.name: str(share) for party, share in span.shares.items()}
        {'Dülmen': '1/2', 'Nottuln': '1/2'}
    """

    first_day: dt.date
    last_day: dt.date
    months: int
    days: int
    weight: Fraction
    members: tuple[Party, ...]
    employer: Party
    bearers: tuple[Party, ...]
    numerators: tuple[int, ...]
    denominator: int
    clause: Clause = Clause.C4

    @functools.cached_property
    def shares(self) -> FrozenMapping[Party, Fraction]:
        """Each bearer's exact fraction of the span's part, summing to 1 (C4, C12).

        Derived from ``numerators`` on first use and kept: settlements sum the
        integers, and only reports read the fractions.
        """
        denominator = self.denominator
        return FrozenMapping(
            (party, Fraction(number, denominator))
            for party, number in zip(self.bearers, self.numerators, strict=True)
        )

    @property
    def interpretation(self) -> Interpretation:
        """``I10``, the rule for years with a change of members."""
        return Interpretation.I10


def year_window(agreement: Agreement, year: int) -> tuple[dt.date, dt.date]:
    """Return the first and last day of ``year`` on which the agreement runs (C11, C13).

    From 1 January, or the agreement's start, to 31 December, or the
    agreement's end when every party has given notice and it ends within
    the year.

    Raises:
        InvalidValueError: The agreement starts after ``year`` or ended before it.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> year_window(presets.coesfeld(), 2023)
        (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))
    """
    check_agreement(agreement)
    check_year(year)
    if year < agreement.start.year:
        raise InvalidValueError(
            N_("the agreement starts on {start}; no town bears a share for {year}"),
            start=agreement.start,
            year=year,
        )
    ends = agreement_end(agreement)
    if ends is not None and ends < dt.date(year, 1, 1):
        raise InvalidValueError(
            N_(
                "the agreement ended on {end} after every party gave notice; "
                "there is no settlement for {year}, only the wind-down (C13)"
            ),
            end=ends,
            year=year,
        )
    whole = _whole_year(year)
    first, last = whole
    if agreement.start <= first and (ends is None or ends >= last):
        return whole  # the usual window; settlements keep it, so one tuple per year
    return max(first, agreement.start), last if ends is None else min(last, ends)


@functools.lru_cache(maxsize=512)
def _whole_year(year: int) -> tuple[dt.date, dt.date]:
    """1 January and 31 December of ``year``: a fact of the calendar, kept once."""
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def year_spans(
    agreement: Agreement, region: Region, year: int, *, equal_parts: bool = False
) -> tuple[Span, ...]:
    """Cut ``region``'s ``year`` into spans of unchanged members and split each (C4, C12, I10).

    Args:
        agreement: The agreement with its notices and policies.
        region: A region of the agreement.
        year: The year settled.
        equal_parts: Split in equal parts whatever the region's key: for a
            year without funding under ``no_funding_split="equal"`` (C10, I12).

    Returns:
        The spans in date order; one span for a year without changes.

    Raises:
        InvalidValueError: The agreement starts after ``year`` or ended before it.
        NoPopulationCountError: A population key lacks a town's count.
        UndecidedCaseError: Under ``withdrawal_split="key"`` the towns that
            remain all have weight zero, so nobody could take over the share.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> agreement = presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30))
        >>> (span,) = year_spans(agreement, agreement.region("Nord"), 2026)
        >>> [party.name for party in span.members], str(span.clause)
        (['Billerbeck', 'Coesfeld', 'Havixbeck'], 'C12')
    """
    check_agreement(agreement)
    check_region(region)
    return settled_year(agreement, region, year, equal_parts=equal_parts)[0]


def settled_year(
    agreement: Agreement, region: Region, year: int, *, equal_parts: bool = False
) -> tuple[tuple[Span, ...], dict[Party, Fraction], dict[Party, int]]:
    """Return ``region``'s spans of ``year``, each party's exact fraction of the year, and integers (I10).

    The same as `year_spans` and `year_shares` of its result, computed at
    once and on integers, as the settlement computes them.
    The third item holds the fractions' numerators over one common
    denominator, in AGS order: integers in the same ratio, ready for the
    largest-remainder split.
    """
    check_agreement(agreement)
    check_region(region)
    window = year_window(agreement, year)
    return _settled_year(agreement, region, year, window, equal_parts=equal_parts)


def _settled_year(
    agreement: Agreement,
    region: Region,
    year: int,
    window: tuple[dt.date, dt.date],
    *,
    equal_parts: bool,
) -> tuple[tuple[Span, ...], dict[Party, Fraction], dict[Party, int]]:
    """`settled_year` for arguments already checked, given the year's `year_window`.

    The settlement computes the window once for all its regions. This reads
    the agreement's fields and look-up tables and never calls back into it.
    """
    first, last = window
    policies = agreement.policies
    scope_all = policies.withdrawal_scope is WithdrawalScope.AGREEMENT
    termination = agreement._index.termination
    if (
        not scope_all
        and (equal_parts or region.split_key.kind is KeyKind.EQUAL)
        and not any(party in termination for party in region.members)
    ):
        return _whole_year_equally(agreement, region, window, equal_parts=equal_parts)
    regions = agreement.regions if scope_all else (region,)
    watched = agreement.parties if scope_all else region.members
    # A span ends on each termination date before the window's last day.
    cuts = sorted(
        {
            ends
            for party in watched
            if (ends := termination.get(party)) is not None and first <= ends < last
        }
    )
    starts = [first, *(cut + dt.timedelta(days=1) for cut in cuts)]
    stops = [*cuts, last]
    # The members on each span's first day (as `members_on`, with the look-ups done once).
    current = [
        {
            item: tuple(
                party
                for party in item.members
                if (ends := termination.get(party)) is None or start <= ends
            )
            for item in regions
        }
        for start in starts
    ]
    equal = equal_parts or region.split_key.kind is KeyKind.EQUAL
    by_key = policies.withdrawal_split is ShareBasis.KEY and not equal
    if equal:
        weight: Mapping[Party, int] = dict.fromkeys(region.members, 1)
    elif by_key:
        # Shares pass by the key: only the towns present are weighed.
        present = {party for members in current for party in members[region]}
        weight = key_integers(
            agreement, region, year, (party for party in region.members if party in present)
        )
    else:
        weight = _weights_of_all(agreement, region, year, current)
    by_days = policies.span_weighting is SpanWeighting.DAYS
    lengths = [
        (stop.month - start.month + 1, (stop - start).days + 1)
        for start, stop in zip(starts, stops, strict=True)
    ]
    units = [days if by_days else months for months, days in lengths]
    total = sum(units)
    spans = []
    parts: list[tuple[int, dict[Party, int], int]] = []
    for start, stop, members, (months, days), unit in zip(
        starts, stops, current, lengths, units, strict=True
    ):
        numerators, denominator = _bearer_integers(
            agreement, region, members, weight, by_key=by_key
        )
        parts.append((unit, numerators, denominator))
        lowest = math.gcd(denominator, *numerators.values())
        if equal_parts:
            clause = Clause.C10
        elif members[region] != region.members:
            clause = Clause.C12
        else:
            clause = Clause.C4
        spans.append(
            Span(
                first_day=start,
                last_day=stop,
                months=months,
                days=days,
                weight=Fraction(unit, total),
                members=members[region],
                employer=_employer_on(agreement, region, start),
                bearers=tuple(numerators),
                # In lowest terms, so that equal shares make equal spans.
                numerators=tuple(number // lowest for number in numerators.values()),
                denominator=denominator // lowest,
                clause=clause,
            )
        )
    if len(spans) == 1:
        _, numerators, denominator = parts[0]
        ordered = dict(sorted(numerators.items(), key=lambda item: item[0].ags))
        return (
            tuple(spans),
            {party: Fraction(number, denominator) for party, number in ordered.items()},
            ordered,
        )
    # The year's fractions summed on integers over one common denominator.
    common = math.lcm(*(denominator for _, _, denominator in parts))
    totals: dict[Party, int] = {}
    for unit, numerators, denominator in parts:
        factor = unit * (common // denominator)
        for party, number in numerators.items():
            totals[party] = totals.get(party, 0) + factor * number
    ordered = dict(sorted(totals.items(), key=lambda item: item[0].ags))
    shares = {party: Fraction(number, total * common) for party, number in ordered.items()}
    return tuple(spans), shares, ordered


def _whole_year_equally(
    agreement: Agreement, region: Region, window: tuple[dt.date, dt.date], *, equal_parts: bool
) -> tuple[tuple[Span, ...], dict[Party, Fraction], dict[Party, int]]:
    """`_settled_year` for the usual year: one span, every member all year, equal parts (C4, C10).

    No member has given notice, so nobody leaves within the year and no
    share passes on; the region's towns bear equal parts. The figures are
    those the general path computes for this case (each member's integer
    weight the member count over its square, in lowest terms one part in
    the count), without building what it needs for spans and weights. The
    objects are new ones, as the general path makes them, so that a pickled
    settlement has the same bytes whichever path made it.
    """
    first, last = window
    members = region.members
    count = len(members)
    span = Span(
        first_day=first,
        last_day=last,
        months=last.month - first.month + 1,
        days=(last - first).days + 1,
        weight=Fraction(1),
        members=tuple(party for party in members),
        employer=_employer_on(agreement, region, first),
        bearers=tuple(party for party in members),
        numerators=(1,) * count,
        denominator=count,
        clause=Clause.C10 if equal_parts else Clause.C4,
    )
    ordered = dict.fromkeys(sorted(members, key=lambda party: party.ags), count)
    return (span,), {party: Fraction(1, count) for party in ordered}, ordered


def _weights_of_all(
    agreement: Agreement,
    region: Region,
    year: int,
    current: list[dict[Region, tuple[Party, ...]]],
) -> Mapping[Party, int]:
    """The key's weights of all the region's towns, those that left included (C12, I11).

    A town that has left keeps its place in the key: its part, measured by
    the key, passes on in equal parts. Under a population key its count is
    therefore still needed, and a missing one is explained so.
    """
    try:
        return key_integers(agreement, region, year)
    except NoPopulationCountError as error:
        present = {party for members in current for party in members[region]}
        left = [party.name for party in region.members if party not in present]
        if not left:
            raise
        raise NoPopulationCountError(
            N_(
                "{missing}; {left} left region {region!r} before {year}; under "
                "withdrawal_split='equal' the part of a town that left, measured by the key, "
                "passes in equal parts to the remaining towns (C12, I11), so its count is still "
                "needed; add it, or choose withdrawal_split='key' (I11)"
            ),
            missing=error.phrase,
            left=", ".join(left),
            region=region.name,
            year=year,
        ) from None


def bearer_shares(
    agreement: Agreement,
    region: Region,
    current: Mapping[Region, tuple[Party, ...]],
    raw: Mapping[Party, Fraction],
    *,
    by_key: bool = False,
) -> dict[Party, Fraction]:
    """Return each party's fraction of ``region``'s shares, given the members per region (C4, C12).

    ``raw`` are the key's weights of the region's towns (1 each for equal
    parts). Each town keeps its own fraction of the key; the fractions of the
    towns that have left pass on (C12): in equal parts to the remaining towns
    of the region (I3, I11, the default), in proportion to their key under
    ``withdrawal_split="key"``, or in equal parts to all remaining parties
    under ``withdrawal_scope="agreement"``. The fractions sum to 1 while the
    region has members.

    Raises:
        UndecidedCaseError: Under ``by_key`` the remaining towns all have
            weight zero.
    """
    check_agreement(agreement)
    check_region(region)
    current, raw = _check_bearers(region, current, raw, by_key=by_key)
    numerators, denominator = _bearer_integers(
        agreement, region, current, _scaled(raw), by_key=by_key
    )
    return {party: Fraction(number, denominator) for party, number in numerators.items()}


def _check_bearers(
    region: Region, current: object, raw: object, *, by_key: bool
) -> tuple[Mapping[Region, tuple[Party, ...]], dict[Party, Fraction]]:
    """The arguments of `bearer_shares`, checked: members by region, and the weights needed.

    By the key, only the remaining towns' weights count; in equal parts, all the region's.
    """
    if not isinstance(current, Mapping):
        raise InvalidTypeError(
            f"current must be a mapping of each Region to its members, holding {region.name!r}, "
            f"got {type(current).__name__} {shown(current)}; write e.g. "
            "{region: members_on(agreement, day, region=region)}"
        )
    if region not in current:
        raise InvalidValueError(
            N_(
                "current must be a mapping of each Region to its members, holding {region!r}, "
                "got {kind} {value}; write e.g. "
                "{{region: members_on(agreement, day, region=region)}}"
            ),
            region=region.name,
            kind=type(current).__name__,
            value=shown(current),
        )
    members = {
        item: tuple_of(current[item], Party, what=f"members of {item!r}") for item in current
    }
    if not isinstance(raw, Mapping):
        raise InvalidTypeError(
            f"raw must be a mapping of each town of {region.name!r} to its key's weight, got "
            f"{type(raw).__name__} {shown(raw)}; write e.g. dict.fromkeys(region.members, 1)"
        )
    needed = members[region] if by_key else (*region.members, *members[region])
    missing = [party.name for party in dict.fromkeys(needed) if party not in raw]
    if missing:
        raise InvalidValueError(
            N_(
                "raw must hold a weight for each town of {region!r} it counts, "
                "missing {missing}; write e.g. dict.fromkeys(region.members, 1)"
            ),
            region=region.name,
            missing=missing,
        )
    weights = {
        party: to_fraction(weight, what=f"weight of {shown(party)}")
        for party, weight in raw.items()
    }
    return members, weights


def _scaled(raw: Mapping[Party, Fraction]) -> dict[Party, int]:
    """The weights as integers in the same ratio, so that shares are computed on integers."""
    scale = math.lcm(*(value.denominator for value in raw.values()))
    return {party: value.numerator * (scale // value.denominator) for party, value in raw.items()}


def _bearer_integers(
    agreement: Agreement,
    region: Region,
    current: Mapping[Region, tuple[Party, ...]],
    weight: Mapping[Party, int],
    *,
    by_key: bool,
) -> tuple[dict[Party, int], int]:
    """`bearer_shares` on integer weights: each bearer's numerator over one denominator."""
    remaining = current[region]
    if not remaining:
        return {}, 1
    kept = sum(weight[party] for party in remaining)
    if by_key:
        if not kept:
            raise UndecidedCaseError(
                N_(
                    "the towns that remain in region {region!r} ({towns}) all have weight "
                    "zero, so the share of those who left cannot pass to them by the key; "
                    "choose withdrawal_split='equal' (C12, I8, I11)"
                ),
                region=region.name,
                towns=", ".join(party.name for party in remaining),
            )
        return {party: weight[party] for party in remaining}, kept
    total = sum(weight[party] for party in region.members)
    passed = total - kept
    count = len(remaining)
    if agreement.policies.withdrawal_scope is WithdrawalScope.REGION:
        # Own part w / W, plus an equal part of what passed on: (W - K) / (W x count).
        return {party: weight[party] * count + passed for party in remaining}, total * count
    everyone = [party for members in current.values() for party in members]
    # Over W x (everyone): each party passed / (W x everyone), a member w / W more.
    many = len(everyone)
    numerators = dict.fromkeys(everyone, passed)
    for party in remaining:
        numerators[party] += weight[party] * many
    # Parties of other regions that take over nothing (nobody left) are no part of it.
    return {
        party: number for party, number in numerators.items() if number or party in remaining
    }, total * many


def day_shares(agreement: Agreement, region: Region, day: dt.date) -> dict[Party, Fraction]:
    """Return each party's fraction of ``region``'s shares on ``day``, by the key of its year (C4, C12).

    Empty before the agreement's start and after the region's last member left.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> agreement = presets.coesfeld()
        >>> shares = day_shares(agreement, agreement.region("Mitte"), dt.date(2024, 1, 1))
        >>> [str(share) for share in shares.values()]
        ['1/2', '1/2']
    """
    check_agreement(agreement)
    check_region(region)
    if agreement.policies.withdrawal_scope is WithdrawalScope.REGION:
        agreement.region(region)  # a region of another agreement is refused
    check_date(day, what="day")
    return _day_shares(agreement, region, day)


def _day_shares(agreement: Agreement, region: Region, day: dt.date) -> dict[Party, Fraction]:
    """`day_shares` for a region of the agreement and a date, both already checked (C4, C12).

    It reads the agreement's fields and look-up tables and never calls back into it.
    """
    policies = agreement.policies
    scope_all = policies.withdrawal_scope is WithdrawalScope.AGREEMENT
    regions = agreement.regions if scope_all else (region,)
    current = {item: _members_on(agreement, day, item) for item in regions}
    if not current[region]:
        return {}
    equal = region.split_key.kind is KeyKind.EQUAL
    by_key = policies.withdrawal_split is ShareBasis.KEY and not equal
    if equal:
        raw: Mapping[Party, Fraction] = dict.fromkeys(region.members, _ONE)
    else:
        raw = key_weights(agreement, region, day.year, current[region] if by_key else None)
    return bearer_shares(agreement, region, current, raw, by_key=by_key)


def year_shares(spans: Iterable[Span]) -> dict[Party, Fraction]:
    """Return each party's exact fraction of the year: the sum over the spans (I10).

    The fractions sum to 1 and are ordered by AGS.

    Examples:
        >>> from kim_cooperation import presets
        >>> agreement = presets.coesfeld()
        >>> shares = year_shares(year_spans(agreement, agreement.region("Süd"), 2023))
        >>> sorted(set(shares.values()))
        [Fraction(1, 5)]
    """
    spans = tuple_of(spans, Span, what="spans")
    if len(spans) == 1:
        (span,) = spans
        return dict(sorted(span.shares.items(), key=lambda item: item[0].ags))
    # Sum on integers over one common denominator; one Fraction per party.
    length = math.lcm(*(span.weight.denominator for span in spans))
    common = math.lcm(*(share.denominator for span in spans for share in span.shares.values()))
    totals: dict[Party, int] = {}
    for span in spans:
        units = span.weight.numerator * (length // span.weight.denominator)
        for party, share in span.shares.items():
            totals[party] = totals.get(party, 0) + units * share.numerator * (
                common // share.denominator
            )
    denominator = length * common
    return {
        party: Fraction(total, denominator)
        for party, total in sorted(totals.items(), key=lambda item: item[0].ags)
    }
