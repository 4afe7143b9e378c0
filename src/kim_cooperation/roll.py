"""The roll of members (C3, C11, C13): who is a party on a day, who employs, when it all ends.

A party that gives notice stays a full member until its termination date
(C11); a region's employer is named for each day, a successor taking over
when the employer leaves (C3, I8); the agreement ends on the last
termination date once every party has given notice (C13). Cases the text
does not settle are refused with `UndecidedCaseError` (I8).

The shares each member bears build on this roll and are in
`kim_cooperation.membership` (and `kim_cooperation.spans` within a year);
this module imports neither, so the rules flow one way.

Each public function takes a party or region as the caller names it and
looks it up in the agreement. Its private twin (`_termination_of`,
`_is_member`, `_members_on`, `_employer_on`, `_employer_for_year`) takes the
`Party` or `Region` already looked up and only reads the agreement's fields
and look-up tables: the `Agreement` methods and the settlement look up first
and call these, so that nothing here calls back into the agreement.

Examples:
    >>> import datetime as dt
    >>> from kim_cooperation import presets
    >>> agreement = presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30))
    >>> termination_of(agreement, "Rosendahl")
    datetime.date(2025, 12, 31)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

from kim_cooperation._checks import check_agreement, check_date, check_year
from kim_cooperation.errors import InvalidValueError, UndecidedCaseError
from kim_cooperation.i18n import N_
from kim_cooperation.notice import Notice, termination_date
from kim_cooperation.party import Party

if TYPE_CHECKING:
    from kim_cooperation.agreement import Agreement
    from kim_cooperation.region import Region

__all__ = [
    "agreement_end",
    "check_notices",
    "employer_for_year",
    "employer_on",
    "is_member",
    "members_on",
    "termination_of",
]


def termination_of(agreement: Agreement, party: str | Party) -> dt.date | None:
    """Return the last day of a party's membership, or ``None`` if it gave no notice (C11).

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> agreement = presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30))
        >>> termination_of(agreement, "Rosendahl"), termination_of(agreement, "Coesfeld")
        (datetime.date(2025, 12, 31), None)
    """
    check_agreement(agreement)
    return _termination_of(agreement, agreement.party(party))


def _termination_of(agreement: Agreement, party: Party) -> dt.date | None:
    """`termination_of` for a party of the agreement, already looked up (C11)."""
    return agreement._index.termination.get(party)


def _notice_of(agreement: Agreement, party: Party) -> Notice | None:
    return agreement._index.notice_of.get(party)


def employer_on(agreement: Agreement, region: str | Region, day: dt.date) -> Party:
    """Return the employer of ``region`` on ``day`` (C3, I8).

    The employer ("Anstellungskörperschaft") is the one the agreement names,
    until it leaves. An employer that leaves while other towns of its region
    stay names a successor in its notice (`Agreement.give_notice` with
    ``successor=``); the successor holds the posts and bills the other towns
    from the day after the employer's termination date, and may in turn
    leave with a successor of its own. After the last employer of a region
    has left, the employer on its last day remains the answer, as for the
    wind-down (C13).

    Raises:
        UnknownRegionError: ``region`` is not a region of the agreement.
        InvalidDateError: ``day`` is not a date.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> agreement = presets.coesfeld().give_notice(
        ...     "Coesfeld", dt.date(2024, 6, 30), successor="Billerbeck")
        >>> employer_on(agreement, "Nord", dt.date(2025, 12, 31)).name
        'Coesfeld'
        >>> employer_on(agreement, "Nord", dt.date(2026, 1, 1)).name
        'Billerbeck'
    """
    check_agreement(agreement)
    found = agreement.region(region)
    check_date(day, what="day")
    return _employer_on(agreement, found, day)


def _employer_on(agreement: Agreement, region: Region, day: dt.date) -> Party:
    """`employer_on` for a region of the agreement and a date, both already checked (C3, I8).

    It follows the notices only, and never calls back into the agreement.
    """
    employer = region.employer
    # Each successor outlasts its predecessor (check_notices), so the chain ends.
    while (notice := _notice_of(agreement, employer)) is not None and notice.successor:
        if day <= termination_date(notice.received, agreement.notice_terms):
            break
        employer = notice.successor
    return employer


def employer_for_year(agreement: Agreement, region: str | Region, year: int) -> Party:
    """Return the employer that settles and bills ``region``'s ``year`` (C3, C9).

    The employer on the year's last day of the agreement: under notice to
    the end of a calendar year the same on every day of the year. Under
    other terms a successor can take over within the year; it settles the
    year, and the towns owe each employer their parts of its spans
    (`kim_cooperation.spans.year_spans`, I10).

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> agreement = presets.coesfeld().give_notice(
        ...     "Coesfeld", dt.date(2024, 6, 30), successor="Billerbeck")
        >>> [employer_for_year(agreement, "Nord", year).name for year in (2025, 2026)]
        ['Coesfeld', 'Billerbeck']
    """
    check_agreement(agreement)
    check_year(year)
    return _employer_for_year(agreement, agreement.region(region), year)


def _employer_for_year(agreement: Agreement, region: Region, year: int) -> Party:
    """`employer_for_year` for a region of the agreement and a year, both already checked (C3, C9)."""
    last = dt.date(year, 12, 31)
    ends = agreement._index.end
    return _employer_on(agreement, region, last if ends is None else min(last, ends))


def is_member(agreement: Agreement, party: str | Party, day: dt.date) -> bool:
    """Tell whether a party is a member of the agreement on ``day`` (C11).

    A party is a member from the agreement's start until its termination
    date, inclusive: until then it is a full member and pays its share.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> agreement = presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30))
        >>> is_member(agreement, "Rosendahl", dt.date(2025, 12, 31))
        True
        >>> is_member(agreement, "Rosendahl", dt.date(2026, 1, 1))
        False
    """
    check_agreement(agreement)
    check_date(day, what="day")
    return _is_member(agreement, agreement.party(party), day)


def _is_member(agreement: Agreement, party: Party, day: dt.date) -> bool:
    """`is_member` for a party of the agreement, already looked up, and a checked date (C11)."""
    ends = _termination_of(agreement, party)
    if day < agreement.start:
        return False
    return ends is None or day <= ends


def members_on(
    agreement: Agreement, day: dt.date, *, region: str | Region | None = None
) -> tuple[Party, ...]:
    """Return the members on ``day``, ordered by AGS; of one region if ``region`` is given.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> agreement = presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30))
        >>> [party.name for party in members_on(agreement, dt.date(2026, 1, 1), region="Nord")]
        ['Billerbeck', 'Coesfeld', 'Havixbeck']
        >>> [len(members_on(agreement, dt.date(year, 1, 1))) for year in (2025, 2026)]
        [11, 10]
    """
    check_agreement(agreement)
    found = None if region is None else agreement.region(region)
    check_date(day, what="day")
    return _members_on(agreement, day, found)


def _members_on(agreement: Agreement, day: dt.date, region: Region | None) -> tuple[Party, ...]:
    """`members_on` for a checked date and a region of the agreement, already looked up, or ``None``."""
    parties = agreement.parties if region is None else region.members
    if day < agreement.start:
        return ()
    # is_member for each party, with the look-ups done once.
    termination = agreement._index.termination
    return tuple(
        party for party in parties if (ends := termination.get(party)) is None or day <= ends
    )


def agreement_end(agreement: Agreement) -> dt.date | None:
    """Return the day the agreement ends: the last termination date once every party gave notice (C13).

    ``None`` while at least one party has not given notice: the agreement
    runs indefinitely (C11).

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> agreement = presets.coesfeld()
        >>> agreement_end(agreement.give_notice("Rosendahl", dt.date(2024, 6, 30))) is None
        True
        >>> ended = agreement.give_notices(dict.fromkeys(agreement.parties, dt.date(2024, 6, 30)))
        >>> agreement_end(ended)
        datetime.date(2025, 12, 31)
    """
    check_agreement(agreement)
    return agreement._index.end


def check_notices(agreement: Agreement) -> None:
    """Check the recorded notices against the agreement; refuse undecided cases (C11, I8).

    Every `Agreement` runs this check when it is created, so
    `Agreement.give_notice` refuses a notice that fails it.

    Raises:
        InvalidValueError: A notice is given by a party that is not a party
            to the agreement, a party gave notice twice, or a notice is
            dated before the agreement's start.
            A successor employer is not a town of the leaving employer's
            region, leaves no later than the employer, or is named by a
            party that is not its region's employer when it leaves.
        UndecidedCaseError: A region's employer leaves without a successor
            while other towns of the region stay, or every town of a region
            leaves while the agreement goes on elsewhere.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> agreement = presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30))
        >>> check_notices(agreement)  # passes: Rosendahl may leave alone
        >>> presets.coesfeld().give_notice("Coesfeld", dt.date(2024, 6, 30))
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.UndecidedCaseError: Coesfeld, the employer of region 'Nord',
        leaves on 2025-12-31 while Billerbeck, Havixbeck, Rosendahl stay; ...
    """
    check_agreement(agreement)
    _check_notice_records(agreement)
    _check_notice_cases(agreement)


def _check_notice_records(agreement: Agreement) -> None:
    """Refuse notices by strangers, second notices and notices before the start (C11).

    The first half of `check_notices`, which needs no look-up tables: a new
    `Agreement` runs it before it derives its tables, the second half after.
    """
    seen: set[Party] = set()
    parties = set(agreement.parties)
    for notice in agreement.notices:
        if notice.party not in parties:
            raise InvalidValueError(
                N_("{party} ({ags}) gave notice but is not a party to the agreement (C1, C11)"),
                party=notice.party.name,
                ags=notice.party.ags,
            )
        if notice.party in seen:
            raise InvalidValueError(
                N_(
                    "{party} gave notice twice; withdraw the first notice before recording "
                    "another (C11)"
                ),
                party=notice.party.name,
            )
        seen.add(notice.party)
        if notice.received < agreement.start:
            raise InvalidValueError(
                N_(
                    "notice of {party} received on {received}, before the agreement's start {start} (C11)"
                ),
                party=notice.party.name,
                received=notice.received,
                start=agreement.start,
            )


def _check_notice_cases(agreement: Agreement) -> None:
    """Refuse notices that lead to cases the agreement does not settle (C3, C12, C13, I8).

    The second half of `check_notices`, on notices `_check_notice_records`
    accepted; it reads the agreement's look-up tables.
    """
    ends = agreement._index.end
    termination = agreement._index.termination
    # Few notices name a successor: find them once, not once per region.
    naming = [notice for notice in agreement.notices if notice.successor is not None]
    for region in agreement.regions:
        leaving = {member: termination.get(member) for member in region.members}
        _check_successors(agreement, region, leaving, naming)
        region_ends = list(leaving.values())
        if all(end is not None for end in region_ends):
            last = max(end for end in region_ends if end is not None)
            if ends is None or last < ends:
                raise UndecidedCaseError(
                    N_(
                        "every town of region {region!r} leaves by {last} while the agreement "
                        "goes on elsewhere; the agreement does not say what happens to the "
                        "region's posts (C12, C13, I8)"
                    ),
                    region=region.name,
                    last=last,
                )


def _check_successors(
    agreement: Agreement,
    region: Region,
    leaving: Mapping[Party, dt.date | None],
    naming: list[Notice],
) -> None:
    """Follow ``region``'s employers through their notices; refuse gaps and stray successors."""
    employer = region.employer
    employers = {employer}
    while (notice := _notice_of(agreement, employer)) is not None:
        employer_leaves = termination_date(notice.received, agreement.notice_terms)
        staying = [
            member.name for member, end in leaving.items() if end is None or end > employer_leaves
        ]
        if notice.successor is None:
            if staying:
                raise UndecidedCaseError(
                    N_(
                        "{employer}, the employer of region {region!r}, leaves on {leaves} "
                        "while {staying} stays; the agreement does not say who employs the "
                        "case managers then. Name a successor employer with the notice "
                        "(give_notice(..., successor=...)) (C3, C12, I8)"
                    )
                    if len(staying) == 1
                    else N_(
                        "{employer}, the employer of region {region!r}, leaves on {leaves} "
                        "while {staying} stay; the agreement does not say who employs the "
                        "case managers then. Name a successor employer with the notice "
                        "(give_notice(..., successor=...)) (C3, C12, I8)"
                    ),
                    employer=employer.name,
                    region=region.name,
                    leaves=employer_leaves,
                    staying=", ".join(staying),
                )
            break
        successor = notice.successor
        if successor not in leaving:
            raise InvalidValueError(
                N_(
                    "{successor} ({ags}) cannot succeed {employer} as employer of region "
                    "{region!r}: it is not a town of that region (C2, C3)"
                ),
                successor=successor.name,
                ags=successor.ags,
                employer=employer.name,
                region=region.name,
            )
        successor_leaves = leaving[successor]
        if successor_leaves is not None and successor_leaves <= employer_leaves:
            raise InvalidValueError(
                N_(
                    "{successor} leaves on {successor_leaves}, no later than {employer} "
                    "({employer_leaves}), so it cannot succeed it as employer of region "
                    "{region!r} (C3, C11)"
                ),
                successor=successor.name,
                successor_leaves=successor_leaves,
                employer=employer.name,
                employer_leaves=employer_leaves,
                region=region.name,
            )
        employer = successor
        employers.add(employer)
    for notice in naming:
        if (
            notice.successor is not None
            and notice.party in leaving
            and notice.party not in employers
        ):
            raise InvalidValueError(
                N_(
                    "{party} names a successor employer but is not the employer of region "
                    "{region!r} when it leaves; only a leaving employer names one (C3)"
                ),
                party=notice.party.name,
                region=region.name,
            )
