"""What every agreement satisfies, checked when it is made (C1, C2, C3, C5, I9).

The invariants the package docstring lists, each checked on the fields it
reads, in the order `Agreement` runs them: the parties (`_check_parties`),
the regions with their members and posts (`_check_regions`), the funding
schedule's start (`_check_funding`) and the population counts
(`_check_population`). The notices are checked by the rules of the roll
(`kim_cooperation.roll.check_notices`). Each message names the party,
region or post and the clause.
"""

from __future__ import annotations

import datetime as dt

from kim_cooperation._confusables import skeleton
from kim_cooperation.agreement._names import _check_names_against_ags, _confusable
from kim_cooperation.errors import AgreementError, Phrase
from kim_cooperation.funding import FundingSchedule
from kim_cooperation.i18n import N_
from kim_cooperation.keys import PopulationCount
from kim_cooperation.party import Party
from kim_cooperation.region import Region


def _check_parties(parties: tuple[Party, ...]) -> None:
    """Refuse an agreement without parties, or with parties that cannot be told apart (C1).

    No two parties share an AGS, a name (in any of its folded forms) or a
    name's skeleton, and no name is, or looks like, another party's AGS.
    """
    if not parties:
        raise AgreementError(N_("an agreement needs at least one party (C1)"))
    by_ags: dict[str, Party] = {}
    by_name: dict[str, Party] = {}
    by_skeleton: dict[str, Party] = {}
    for party in parties:
        if party.ags in by_ags:
            raise AgreementError(
                N_("AGS {ags} is given to both {first} and {second} (C1)"),
                ags=party.ags,
                first=by_ags[party.ags].name,
                second=party.name,
            )
        by_ags[party.ags] = party
        for form in party.name_forms:
            if form in by_name:
                raise AgreementError(
                    N_("party names {first!r} and {second!r} cannot be told apart (C1)"),
                    first=by_name[form].name,
                    second=party.name,
                )
            by_name[form] = party
        lookalike = by_skeleton.setdefault(party.name_skeleton, party)
        if lookalike is not party:
            alike = _confusable(Phrase(N_("party names")), lookalike.name, party.name, "C1")
            raise AgreementError(alike)
    _check_names_against_ags(parties, by_ags)


def _check_regions(parties: tuple[Party, ...], regions: tuple[Region, ...]) -> None:
    """Refuse regions that break the agreement's shape (C1, C2, C3).

    Region names can be told apart; every member of a region is a party,
    and every party a member of exactly one region; post labels are unique
    across the agreement. Checked region by region, in the order given.
    """
    if not regions:
        raise AgreementError(N_("an agreement needs at least one region (C2)"))
    known = set(parties)
    region_of: dict[Party, Region] = {}
    region_names: dict[str, str] = {}
    post_labels: dict[str, str] = {}
    region_skeletons: dict[str, str] = {}
    for region in regions:
        for form in region.name_forms:
            if form in region_names:
                raise AgreementError(
                    N_("region names {first!r} and {second!r} cannot be told apart (C2)"),
                    first=region_names[form],
                    second=region.name,
                )
            region_names[form] = region.name
        lookalike = region_skeletons.setdefault(skeleton(region.name), region.name)
        if lookalike != region.name:
            alike = _confusable(Phrase(N_("region names")), lookalike, region.name, "C2")
            raise AgreementError(alike)
        for member in region.members:
            if member not in known:
                raise AgreementError(
                    N_(
                        "{party} ({ags}) is a member of region {region!r} but not a party "
                        "to the agreement (C1, C2)"
                    ),
                    party=member.name,
                    ags=member.ags,
                    region=region.name,
                )
            if member in region_of:
                raise AgreementError(
                    N_(
                        "{party} ({ags}) is a member of both region {first!r} and region "
                        "{second!r}; each party belongs to exactly one region (C2)"
                    ),
                    party=member.name,
                    ags=member.ags,
                    first=region_of[member].name,
                    second=region.name,
                )
            region_of[member] = region
        for post in region.posts:
            if post.label in post_labels:
                raise AgreementError(
                    N_(
                        "post label {label!r} is used in region {first!r} and region "
                        "{second!r}; labels must be unique (C3)"
                    ),
                    label=post.label,
                    first=post_labels[post.label],
                    second=region.name,
                )
            post_labels[post.label] = region.name
    for party in parties:
        if party not in region_of:
            raise AgreementError(
                N_(
                    "{party} ({ags}) belongs to no region; each party belongs to exactly "
                    "one region (C2)"
                ),
                party=party.name,
                ags=party.ags,
            )


def _check_funding(funding: FundingSchedule, start: dt.date) -> None:
    """Refuse a funding schedule that starts after the agreement: every day needs a rate (C5)."""
    if funding.starts > start:
        raise AgreementError(
            N_(
                "the funding schedule starts on {starts}, after the agreement's start "
                "{start}; every day of the agreement needs a funding rate, zero if there "
                "is none (C5)"
            ),
            starts=funding.starts,
            start=start,
        )


def _check_population(parties: tuple[Party, ...], population: tuple[PopulationCount, ...]) -> None:
    """Refuse a population count that names a town not party to the agreement (C1, I9)."""
    known = set(parties)
    for count in population:
        for party in count.counts:
            if party not in known:
                raise AgreementError(
                    N_(
                        "the population count as of {day} names {party} ({ags}), which is "
                        "not a party to the agreement (C1, I9)"
                    ),
                    day=count.as_of,
                    party=party.name,
                    ags=party.ags,
                )
