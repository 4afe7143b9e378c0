"""Regions (C2, C3): groups of towns sharing the posts of one employer.

Each region has one employer ("Anstellungskörperschaft") that holds the posts,
receives the funding and bills the other member towns for their own shares
(C9). The Coesfeld agreement has three regions: Nord (employer Coesfeld),
Mitte (Dülmen) and Süd (Ascheberg).

Examples:
    >>> from fractions import Fraction
    >>> from kim_cooperation import Party, Post, Region
    >>> duelmen = Party(name="Dülmen", kind="Stadt", ags="05558016")
    >>> nottuln = Party(name="Nottuln", kind="Gemeinde", ags="05558032")
    >>> mitte = Region(
    ...     name="Mitte",
    ...     employer=duelmen,
    ...     members=[nottuln, duelmen],
    ...     posts=[Post(label="Mitte 1", fte=1)],
    ... )
    >>> [member.name for member in mitte.members]
    ['Dülmen', 'Nottuln']
    >>> mitte.fte
    Fraction(1, 1)
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from fractions import Fraction
from typing import NamedTuple

import attrs

from kim_cooperation._checks import RegionType, check_name, reads_older_pickles, shown, tuple_of
from kim_cooperation.errors import AgreementError, InvalidTypeError, UnknownPartyError
from kim_cooperation.i18n import N_
from kim_cooperation.keys import EQUAL_KEY, KeyKind, SplitKey
from kim_cooperation.party import Party, fold_name
from kim_cooperation.post import Post

__all__ = ["Region"]


def _name(value: str) -> str:
    return check_name(value, what=N_("region name"))


def _members(value: Iterable[Party]) -> tuple[Party, ...]:
    members = tuple_of(value, Party, what="region members")
    return tuple(sorted(members))


def _posts(value: Iterable[Post]) -> tuple[Post, ...]:
    return tuple_of(value, Post, what="region posts")


def _check_employer(_region: Region, _attribute: object, value: Party) -> None:
    if not isinstance(value, Party):
        raise InvalidTypeError(
            f"region employer must be a Party, got {type(value).__name__} {shown(value)}"
        )


def _check_key(_region: Region, _attribute: object, value: SplitKey) -> None:
    if not isinstance(value, SplitKey):
        raise InvalidTypeError(
            f"region split_key must be a SplitKey, got {type(value).__name__} {shown(value)}; "
            "use SplitKey.equal(), SplitKey.by_weights({...}) or SplitKey.by_population()"
        )


class _PostGroups(NamedTuple):
    """A region's posts grouped by employment dates (`Region._post_groups`).

    Attributes:
        groups: For each distinct pair of employment dates, its first post
            (whose `Post.full_months` are every post's of the group) and the
            group's FTE as a numerator over ``denominator``.
        denominator: The least common denominator of the posts' FTEs.
    """

    groups: tuple[tuple[Post, int], ...]
    denominator: int


# The hash is cached: regions key the per-region tables of every settlement, and hashing one walks its members and posts.
@reads_older_pickles
@attrs.frozen(kw_only=True, cache_hash=True)
class Region(RegionType):
    """A region (C2) with its employer and posts (C3).

    Attributes:
        name: The region's name, e.g. ``"Nord"``.
        employer: The member town that employs the case managers
            ("Anstellungskörperschaft"); it must be one of ``members``.
        members: The towns of the region, stored as a tuple ordered by AGS.
        posts: The employer's posts for this region, at least one.
        split_key: How the towns share the region's own share (C4, I1, I9):
            equal parts (default), fixed weights or population
            (`kim_cooperation.keys.SplitKey`).

    Raises:
        AgreementError: The employer is not a member (C3), a town is listed
            twice, post labels repeat, there are no members or no posts, or
            fixed weights do not name exactly the members.
        InvalidTypeError: A member is not a `Party` or a post not a `Post`.

    Examples:
        >>> from kim_cooperation import presets
        >>> nord = presets.coesfeld().region("Nord")
        >>> nord.employer.name, nord.fte
        ('Coesfeld', Fraction(5, 2))
        >>> [party.name for party in nord.others]
        ['Billerbeck', 'Havixbeck', 'Rosendahl']
        >>> nord.member("05558040").name
        'Rosendahl'
    """

    name: str = attrs.field(converter=_name)
    employer: Party = attrs.field(validator=_check_employer)
    members: tuple[Party, ...] = attrs.field(converter=_members)
    posts: tuple[Post, ...] = attrs.field(converter=_posts)
    split_key: SplitKey = attrs.field(default=EQUAL_KEY, validator=_check_key)

    def __attrs_post_init__(self) -> None:
        if not self.members:
            raise AgreementError(
                N_("region {region!r} must have at least one member (C2)"), region=self.name
            )
        seen: set[str] = set()
        for member in self.members:
            if member.ags in seen:
                raise AgreementError(
                    N_("region {region!r} lists AGS {ags} ({party}) twice (C2)"),
                    region=self.name,
                    ags=member.ags,
                    party=member.name,
                )
            seen.add(member.ags)
        if self.employer not in self.members:
            raise AgreementError(
                N_(
                    "region {region!r}: employer {employer} ({ags}) must be one of its "
                    "members {members} (C3)"
                ),
                region=self.name,
                employer=self.employer.name,
                ags=self.employer.ags,
                members=[m.name for m in self.members],
            )
        if not self.posts:
            raise AgreementError(
                N_("region {region!r} must have at least one post (C3)"), region=self.name
            )
        labels: set[str] = set()
        for post in self.posts:
            if post.label in labels:
                raise AgreementError(
                    N_("region {region!r} has two posts labelled {label!r}"),
                    region=self.name,
                    label=post.label,
                )
            labels.add(post.label)
        if self.split_key.kind is KeyKind.WEIGHTS:
            self._check_weights()

    def _check_weights(self) -> None:
        weighted = self.split_key.weights
        for party in weighted:
            if party not in self.members:
                raise AgreementError(
                    N_(
                        "region {region!r} has a weight for {party} ({ags}), which is not one "
                        "of its members {members} (C2, C4, I9)"
                    ),
                    region=self.name,
                    party=party.name,
                    ags=party.ags,
                    members=[m.name for m in self.members],
                )
        missing = [member.name for member in self.members if member not in weighted]
        if missing:
            raise AgreementError(
                N_(
                    "region {region!r} is split by weights but has no weight for {missing}; "
                    "give every member a weight, 0 for a town that pays nothing (C4, I9)"
                ),
                region=self.name,
                missing=", ".join(missing),
            )

    @functools.cached_property
    def name_forms(self) -> frozenset[str]:
        """The forms under which the region is found by name, `fold_name` of its name.

        Examples:
            >>> from kim_cooperation import presets
            >>> sorted(presets.coesfeld().region("Süd").name_forms)
            ['sud', 'sued']
        """
        return fold_name(self.name)

    @functools.cached_property
    def fte(self) -> Fraction:
        """The region's full-time equivalents, the sum over its posts (C3)."""
        return sum((post.fte for post in self.posts), Fraction(0))

    @functools.cached_property
    def _post_groups(self) -> _PostGroups:
        """The posts grouped by their employment dates, FTEs over one denominator (C3, C5).

        Derived once per region, as a settlement of the usual year funds the
        posts on integers (`kim_cooperation.settlement._usual`): posts with
        the same dates fill the same months, so a group's months are found
        once a year, and its FTE is the sum of its posts' FTEs as a numerator
        over the common denominator of all the region's FTEs.
        """
        denominator = math.lcm(*(post.fte.denominator for post in self.posts))
        groups: dict[tuple[object, object], tuple[Post, int]] = {}
        for post in self.posts:
            dates = (post.employment_start, post.employment_end)
            first, weight = groups.get(dates, (post, 0))
            scaled = post.fte.numerator * (denominator // post.fte.denominator)
            groups[dates] = (first, weight + scaled)
        return _PostGroups(groups=tuple(groups.values()), denominator=denominator)

    @functools.cached_property
    def _equal_shares(self) -> tuple[tuple[Party, ...], tuple[Fraction, ...]]:
        """The members and each one's share in equal parts, ``1/n``, in AGS order (C4, I1).

        Kept once per region for the splits of its usual years. The members
        are a tuple of their own and each share a `Fraction` of its own, as a
        split among them makes them: a pickled split then has the same bytes
        whichever way it was made.
        """
        count = len(self.members)
        return tuple(party for party in self.members), tuple(
            Fraction(1, count) for _ in self.members
        )

    @property
    def others(self) -> tuple[Party, ...]:
        """The members other than the employer: the towns it bills (C9)."""
        return tuple(member for member in self.members if member != self.employer)

    def member(self, key: str | Party) -> Party:
        """Return the member named by ``key`` (a `Party`, an AGS or a name).

        Raises:
            UnknownPartyError: No member matches ``key``.
        """
        for member in self.members:
            if member == key or (isinstance(key, str) and member.matches(key)):
                return member
        raise UnknownPartyError(
            N_("{key} is not a member of region {region!r}; members are {members}"),
            key=shown(key),
            region=self.name,
            members=[m.name for m in self.members],
        )
