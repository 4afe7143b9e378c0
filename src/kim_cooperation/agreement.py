"""The agreement (C1–C3, C5, C11) as one immutable, validated value.

An `Agreement` holds the parties, the regions with their employers and posts,
the funding schedule, the notice terms and the day it starts. Its invariants
are checked on construction, so every `Agreement` that exists is consistent:

* no two parties share an AGS or a name (C1);
* every party belongs to exactly one region, and every region member is a
  party (C2);
* each region's employer is one of its members (C3), and post labels are
  unique across the agreement.

Changes return new objects (`attrs.evolve` or the ``with_…`` methods).

Examples:
    >>> from kim_cooperation import presets
    >>> agreement = presets.coesfeld()
    >>> len(agreement.parties), [region.name for region in agreement.regions]
    (11, ['Nord', 'Mitte', 'Süd'])
    >>> agreement.region_of("Rosendahl").name
    'Nord'
    >>> agreement.party("Luedinghausen").ags
    '05558024'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import Any

import attrs

from kim_cooperation._checks import check_date, check_label, tuple_of
from kim_cooperation.errors import (
    AgreementError,
    InvalidTypeError,
    UnknownPartyError,
    UnknownRegionError,
)
from kim_cooperation.funding import FundingSchedule
from kim_cooperation.notice import DEFAULT_NOTICE_TERMS, NoticeTerms
from kim_cooperation.party import Party, fold_name
from kim_cooperation.post import Post
from kim_cooperation.region import Region

__all__ = ["Agreement"]


def _name(value: str) -> str:
    return check_label(value, what="agreement name")


def _parties(value: Iterable[Party]) -> tuple[Party, ...]:
    return tuple(sorted(tuple_of(value, Party, what="agreement parties")))


def _regions(value: Iterable[Region]) -> tuple[Region, ...]:
    return tuple_of(value, Region, what="agreement regions")


def _start(value: dt.date) -> dt.date:
    return check_date(value, what="agreement start")


def _instance_of(kind: type) -> Callable[[object, attrs.Attribute[Any], object], None]:
    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise InvalidTypeError(
                f"agreement {attribute.name} must be {kind.__name__}, "
                f"got {type(value).__name__} {value!r}"
            )

    return check


@attrs.frozen(kw_only=True)
class Agreement:
    """A cooperation agreement of the Coesfeld shape.

    Attributes:
        name: The agreement's title.
        parties: The parties (C1), stored as a tuple ordered by AGS.
        regions: The regions (C2) with their employers and posts (C3), in
            the order given.
        funding: The funding rate per full-time post and year over time
            (C5, C6, C10).
        start: The first day of the agreement.
        notice_terms: The notice terms (C11); 18 months to the end of a
            calendar year by default.

    Raises:
        AgreementError: An invariant is broken (see the module docs); the
            message names the party, region or post and the clause.
        InvalidTypeError: A field has the wrong type.
    """

    name: str = attrs.field(converter=_name)
    parties: tuple[Party, ...] = attrs.field(converter=_parties)
    regions: tuple[Region, ...] = attrs.field(converter=_regions)
    funding: FundingSchedule = attrs.field(validator=_instance_of(FundingSchedule))
    start: dt.date = attrs.field(converter=_start)
    notice_terms: NoticeTerms = attrs.field(
        default=DEFAULT_NOTICE_TERMS,
        validator=_instance_of(NoticeTerms),
    )

    def __attrs_post_init__(self) -> None:
        self._check_parties()
        self._check_regions()
        if self.funding.starts > self.start:
            raise AgreementError(
                f"the funding schedule starts on {self.funding.starts.isoformat()}, after the "
                f"agreement's start {self.start.isoformat()}; every day of the agreement "
                "needs a funding rate, zero if there is none (C5)"
            )

    def _check_parties(self) -> None:
        if not self.parties:
            raise AgreementError("an agreement needs at least one party (C1)")
        by_ags: dict[str, Party] = {}
        by_name: dict[str, Party] = {}
        for party in self.parties:
            if party.ags in by_ags:
                raise AgreementError(
                    f"AGS {party.ags} is given to both {by_ags[party.ags].name} "
                    f"and {party.name} (C1)"
                )
            by_ags[party.ags] = party
            for form in fold_name(party.name):
                if form in by_name:
                    raise AgreementError(
                        f"party names {by_name[form].name!r} and {party.name!r} "
                        "cannot be told apart (C1)"
                    )
                by_name[form] = party

    def _check_regions(self) -> None:
        if not self.regions:
            raise AgreementError("an agreement needs at least one region (C2)")
        parties = set(self.parties)
        region_of: dict[Party, Region] = {}
        region_names: dict[str, str] = {}
        post_labels: dict[str, str] = {}
        for region in self.regions:
            for form in fold_name(region.name):
                if form in region_names:
                    raise AgreementError(
                        f"region names {region_names[form]!r} and {region.name!r} "
                        "cannot be told apart (C2)"
                    )
                region_names[form] = region.name
            for member in region.members:
                if member not in parties:
                    raise AgreementError(
                        f"{member.name} ({member.ags}) is a member of region {region.name!r} "
                        "but not a party to the agreement (C1, C2)"
                    )
                if member in region_of:
                    raise AgreementError(
                        f"{member.name} ({member.ags}) is a member of both region "
                        f"{region_of[member].name!r} and region {region.name!r}; "
                        "each party belongs to exactly one region (C2)"
                    )
                region_of[member] = region
            for post in region.posts:
                if post.label in post_labels:
                    raise AgreementError(
                        f"post label {post.label!r} is used in region "
                        f"{post_labels[post.label]!r} and region {region.name!r}; "
                        "labels must be unique (C3)"
                    )
                post_labels[post.label] = region.name
        for party in self.parties:
            if party not in region_of:
                raise AgreementError(
                    f"{party.name} ({party.ags}) belongs to no region; "
                    "each party belongs to exactly one region (C2)"
                )

    @property
    def employers(self) -> tuple[Party, ...]:
        """The regions' employers ("Anstellungskörperschaften", C3), in region order."""
        return tuple(region.employer for region in self.regions)

    @property
    def posts(self) -> tuple[Post, ...]:
        """All posts of all regions (C3), in region order."""
        return tuple(post for region in self.regions for post in region.posts)

    @property
    def fte(self) -> Fraction:
        """The full-time equivalents of all posts (C3)."""
        return sum((region.fte for region in self.regions), Fraction(0))

    def party(self, key: str | Party) -> Party:
        """Return the party named by ``key``: a `Party`, an AGS or a name.

        Names are matched ignoring case, with umlauts written out
        (``"Duelmen"``) or dropped (``"Dulmen"``).

        Raises:
            UnknownPartyError: No party matches ``key``.
        """
        for party in self.parties:
            if party == key or (isinstance(key, str) and party.matches(key)):
                return party
        raise UnknownPartyError(
            f"{key!r} is not a party to the agreement {self.name!r}; "
            f"parties are {[party.name for party in self.parties]} (C1)"
        )

    def region(self, key: str | Region) -> Region:
        """Return the region named by ``key``: a `Region` or its name.

        Raises:
            UnknownRegionError: No region matches ``key``.
        """
        for region in self.regions:
            if region == key or (
                isinstance(key, str) and not fold_name(key).isdisjoint(fold_name(region.name))
            ):
                return region
        raise UnknownRegionError(
            f"{key!r} is not a region of the agreement {self.name!r}; "
            f"regions are {[region.name for region in self.regions]} (C2)"
        )

    def region_of(self, party: str | Party) -> Region:
        """Return the region a party belongs to (C2).

        Raises:
            UnknownPartyError: ``party`` is not a party to the agreement.
        """
        found = self.party(party)
        return next(region for region in self.regions if found in region.members)

    def with_funding(self, funding: FundingSchedule) -> Agreement:
        """Return a copy of the agreement with another funding schedule (C5, C6, C10).

        Examples:
            >>> import datetime as dt
            >>> from kim_cooperation import presets
            >>> agreement = presets.coesfeld()
            >>> changed = agreement.with_funding(
            ...     agreement.funding.with_rate(presets.announced_increase(dt.date(2024, 1, 1))))
            >>> changed.funding.rate_on(dt.date(2024, 6, 1)).amount
            Decimal('57000.00')
            >>> agreement.funding.rate_on(dt.date(2024, 6, 1)).amount
            Decimal('55000.00')
        """
        return attrs.evolve(self, funding=funding)
