"""The agreement (C1–C3, C5, C11) as one immutable, validated value.

An `Agreement` holds the parties, the regions with their employers and posts,
the funding schedule, the notice terms and the day it starts. Its invariants
are checked on construction, so every `Agreement` that exists is consistent:

* no two parties share an AGS or a name (C1), no two party or region names
  look alike (equal Unicode skeletons, UTS #39: a Cyrillic o in
  "Coesfeld"), and no party's name is, or looks like, another party's AGS;
* every party belongs to exactly one region, and every region member is a
  party (C2);
* each region's employer is one of its members (C3), and post labels are
  unique across the agreement;
* population counts name parties only, one count per day (I9).

Changes return new objects (`attrs.evolve` or the ``with_…`` methods).

The class is here; its parts are in private modules of this package:

* ``_fields``: the converters and validators of the fields;
* ``_invariants``: the checks above, run when an agreement is made, and
  ``_names``: the messages for names that look alike (UTS #39) and the
  check of names against AGS;
* ``_index``: the look-up tables derived from the fields (parties and
  regions by name, notices, termination dates, population counts), which
  the rules below read;
* ``_costs``: a cost plan resolved against the regions, for the modules
  above the agreement.

Who is a member, who employs and who bears what are rules of their own
(`kim_cooperation.roll`, `kim_cooperation.membership`); the methods that
answer them here look the party or region up first and pass it down, so
those rules never call back into the agreement.

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
import functools
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any, Final, TypeAlias

import attrs

from kim_cooperation import membership, roll
from kim_cooperation._checks import (
    AgreementType,
    check_date,
    check_year,
    reads_older_pickles,
    shown,
)
from kim_cooperation._checks import check_agreement as _check_agreement
from kim_cooperation.agreement._fields import (
    _instance_of,
    _name,
    _notices,
    _parties,
    _population,
    _regions,
    _start,
)
from kim_cooperation.agreement._index import _find_region, _Index, _index_on_load
from kim_cooperation.agreement._invariants import (
    _check_funding,
    _check_parties,
    _check_population,
    _check_regions,
)
from kim_cooperation.closed_days import ClosedDays, _warn_on_closed_receipts
from kim_cooperation.errors import (
    InvalidTypeError,
    InvalidValueError,
    UnknownPartyError,
    UnknownRegionError,
)
from kim_cooperation.funding import FundingSchedule
from kim_cooperation.i18n import N_
from kim_cooperation.keys import PopulationCount, SplitKey
from kim_cooperation.notice import DEFAULT_NOTICE_TERMS, Notice, NoticeTerms, termination_date
from kim_cooperation.party import Party, _find_party
from kim_cooperation.policy import DEFAULT_POLICIES, Policies
from kim_cooperation.post import Post
from kim_cooperation.region import Region

__all__ = ["Agreement", "NoticeDates"]

_REPLACEABLE: Final = frozenset({"funding", "notices", "policies"})
"""The fields `Agreement._replace` changes without checking the parties and regions again."""

NoticeDates: TypeAlias = (
    Mapping[str, dt.date] | Mapping[Party, dt.date] | Mapping[str | Party, dt.date]
)
"""Days notices were received, by party (a `Party`, an AGS or a name)."""


def check_agreement(value: object, *, what: str = "agreement") -> Agreement:
    """Return ``value`` if it is an `Agreement`; the check of every function that takes one.

    Raises:
        InvalidTypeError: ``value`` is not an `Agreement`.

    Examples:
        >>> check_agreement(None)
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidTypeError: agreement must be an Agreement, got NoneType None; build one with Agreement(...), presets.coesfeld() or files.load_agreement(...)
    """
    return _check_agreement(value, what=what)


_UNCHANGED: Final[Any] = object()
"""Marks an argument of `Agreement.with_post` that keeps the post's value."""


@_index_on_load
@reads_older_pickles
@attrs.frozen(kw_only=True)
class Agreement(AgreementType):
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
        notices: The notices received (C11), ordered by day of receipt;
            record them with `give_notice`.
        policies: The interpretation choices with alternatives (I3, I5,
            I7, I9–I13); the defaults unless given.
        population: Dated counts of inhabitants per town, for regions split
            by population (`kim_cooperation.keys.PopulationCount`, I9), in
            date order; none unless given.

    Raises:
        AgreementError: An invariant is broken (see the module docs); the
            message names the party, region or post and the clause.
        InvalidTypeError: A field has the wrong type.

    Examples:
        An agreement of Region Nord's four towns alone, from the built-in one's parts:

        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> coesfeld = presets.coesfeld()
        >>> nord = coesfeld.region("Nord")
        >>> alone = Agreement(name="KIM Nord", parties=nord.members, regions=[nord],
        ...                   funding=coesfeld.funding, start=dt.date(2023, 1, 1))
        >>> [party.name for party in alone.parties], alone.fte, alone.employers[0].name
        (['Billerbeck', 'Coesfeld', 'Havixbeck', 'Rosendahl'], Fraction(5, 2), 'Coesfeld')
        >>> Agreement(name="KIM Nord", parties=coesfeld.parties, regions=[nord],
        ...           funding=coesfeld.funding, start=dt.date(2023, 1, 1))
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.AgreementError: Ascheberg (05558004) belongs to no region;
        each party belongs to exactly one region (C2)
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
    notices: tuple[Notice, ...] = attrs.field(default=(), converter=_notices)
    policies: Policies = attrs.field(
        default=DEFAULT_POLICIES,
        validator=_instance_of(Policies),
    )
    population: tuple[PopulationCount, ...] = attrs.field(default=(), converter=_population)

    @functools.cached_property
    def _index(self) -> _Index:
        """The look-up tables (derived, so outside equality, hashing and pickling).

        Set when the agreement is made, changed (`_replace`) or unpickled,
        so that the rules below only read them; derived here on first read
        should an agreement ever come about otherwise.
        """
        return _Index.of(self)

    def __attrs_post_init__(self) -> None:
        # `_replace` runs the checks that depend on funding, notices and policies
        # alone; a check added here must be considered there too.
        _check_parties(self.parties)
        _check_regions(self.parties, self.regions)
        _check_funding(self.funding, self.start)
        _check_population(self.parties, self.population)
        # The notices' records first, as `roll.check_notices` does: the tables need
        # them, and the cases they lead to need the tables.
        roll._check_notice_records(self)
        object.__setattr__(self, "_index", _Index.of(self))
        roll._check_notice_cases(self)

    def _replace(self, **changes: Any) -> Agreement:
        """Return a copy with new ``funding``, ``notices`` or ``policies``, checked as a new one.

        A new funding schedule, notices or policies cannot break what the
        constructor checked about the parties and regions, so only what
        depends on the changed fields is checked again: each changed value
        through its field's converter and validator, the schedule's start
        for ``funding``, and `roll.check_notices` for ``notices``. The look-up
        tables of the parties and regions carry over. Scenario sweeps build
        thousands of agreements this way.
        """
        if not changes.keys() <= _REPLACEABLE:
            return attrs.evolve(self, **changes)
        changed = object.__new__(Agreement)
        for field in attrs.fields(Agreement):
            if field.name in changes:
                value = changes[field.name]
                if field.name == "notices":  # the only converter among the three fields
                    value = _notices(value)
                if field.validator is not None:
                    field.validator(changed, field, value)
            else:
                value = getattr(self, field.name)
            object.__setattr__(changed, field.name, value)
        if "funding" in changes:
            _check_funding(changed.funding, changed.start)
        if "notices" in changes:
            object.__setattr__(changed, "_index", _Index.of(changed, tables=self._index))
            roll.check_notices(changed)
        else:
            object.__setattr__(changed, "_index", self._index)
        return changed

    @property
    def employers(self) -> tuple[Party, ...]:
        """The regions' employers ("Anstellungskörperschaften", C3) as agreed, in region order.

        A leaving employer's successor takes over later; see `employer_on`.
        """
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

        Names are matched ignoring case, composed or decomposed (NFC or
        NFD), with umlauts written out (``"Duelmen"``) or dropped
        (``"Dulmen"``), and ``ß`` as ``ss``.

        Raises:
            UnknownPartyError: No party matches ``key``.
        """
        index = self._index
        if isinstance(key, Party):
            found = index.party_by_ags.get(key.ags)
            if found is not None and (found is key or found == key):
                return found
        elif isinstance(key, str):
            key = str.__str__(key)  # the characters, without a subclass's methods
            found = _find_party(
                key,
                by_name=index.party_by_name,
                by_form=index.party_by_form,
                by_ags=index.party_by_ags,
            )
            if found is not None:
                return found
        raise UnknownPartyError(
            N_("{key} is not a party to the agreement {agreement!r}; parties are {parties} (C1)"),
            key=shown(key),
            agreement=self.name,
            parties=[party.name for party in self.parties],
        )

    def region(self, key: str | Region) -> Region:
        """Return the region named by ``key``: a `Region` or its name.

        Raises:
            UnknownRegionError: No region matches ``key``.
        """
        index = self._index
        if isinstance(key, Region):
            found = index.region_by_name.get(key.name)
            if found is not None and (found is key or found == key):
                return found
        elif isinstance(key, str):
            key = str.__str__(key)  # the characters, without a subclass's methods
            found = _find_region(key, by_name=index.region_by_name, by_form=index.region_by_form)
            if found is not None:
                return found
        raise UnknownRegionError(
            N_("{key} is not a region of the agreement {agreement!r}; regions are {regions} (C2)"),
            key=shown(key),
            agreement=self.name,
            regions=[region.name for region in self.regions],
        )

    def region_of(self, party: str | Party) -> Region:
        """Return the region a party belongs to (C2).

        Raises:
            UnknownPartyError: ``party`` is not a party to the agreement.
        """
        return self._index.region_of[self.party(party)]

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
        return self._replace(funding=funding)

    def with_policies(self, policies: Policies) -> Agreement:
        """Return a copy of the agreement under other policies (I3, I7).

        Examples:
            >>> import datetime as dt
            >>> from kim_cooperation import presets, settle
            >>> from kim_cooperation.policy import Policies
            >>> literal = (presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30))
            ...            .with_policies(Policies(withdrawal_scope="agreement")))
            >>> plan = {"Nord": presets.coesfeld_cost_plan_2023()["Nord"]}
            >>> str(settle(literal, 2026, plan).own_share_of("Senden"))
            '812.50'
        """
        return self._replace(policies=policies)

    def with_post(
        self,
        label: str,
        *,
        employment_start: dt.date | None = _UNCHANGED,
        employment_end: dt.date | None = _UNCHANGED,
        fte: Fraction | int | Any = _UNCHANGED,
    ) -> Agreement:
        """Return a copy in which the post ``label`` has other employment dates or FTE (C3, C13).

        Only the arguments given change; pass ``None`` to make a date open.
        The post stays in its region and place, and the agreement is checked
        again as a new one.

        Raises:
            InvalidValueError: No post has ``label``, or the new values are
                invalid (an end before the start, an FTE outside ``(0, 1]``).

        Examples:
            >>> import datetime as dt
            >>> from kim_cooperation import presets
            >>> changed = presets.coesfeld().with_post("Nord 3", employment_end=dt.date(2026, 3, 31))
            >>> changed.region("Nord").posts[2].employment_end
            datetime.date(2026, 3, 31)
            >>> presets.coesfeld().region("Nord").posts[2].employment_end is None
            True
        """
        changes: dict[str, Any] = {
            name: value
            for name, value in (
                ("employment_start", employment_start),
                ("employment_end", employment_end),
                ("fte", fte),
            )
            if value is not _UNCHANGED
        }
        for region in self.regions:
            for index, post in enumerate(region.posts):
                if post.label == label:
                    posts = list(region.posts)
                    posts[index] = attrs.evolve(post, **changes)
                    changed = attrs.evolve(region, posts=posts)
                    return attrs.evolve(
                        self,
                        regions=[changed if item is region else item for item in self.regions],
                    )
        raise InvalidValueError(
            N_(
                "{label} is not the label of a post of the agreement {agreement!r}; posts are "
                "{posts} (C3)"
            ),
            label=shown(label),
            agreement=self.name,
            posts=[post.label for post in self.posts],
        )

    def with_split_key(self, region: str | Region, key: SplitKey) -> Agreement:
        """Return a copy in which ``region`` is split by ``key`` (C4, I1, I9).

        Examples:
            >>> from kim_cooperation import presets
            >>> from kim_cooperation.keys import SplitKey
            >>> agreement = presets.coesfeld()
            >>> mitte = agreement.region("Mitte")
            >>> weighted = agreement.with_split_key(
            ...     "Mitte", SplitKey.by_weights(dict(zip(mitte.members, (3, 1)))))
            >>> weighted.region("Mitte").split_key.describe()
            'weights 3 : 1'
        """
        found = self.region(region)
        changed = attrs.evolve(found, split_key=key)
        return attrs.evolve(
            self, regions=[changed if item is found else item for item in self.regions]
        )

    def with_population(self, counts: Iterable[PopulationCount]) -> Agreement:
        """Return a copy with other population counts (I9), replacing the ones it holds."""
        return attrs.evolve(self, population=counts)

    def give_notice(
        self,
        party: str | Party,
        received: dt.date,
        *,
        successor: str | Party | None = None,
        closed_days: ClosedDays | None = None,
    ) -> Agreement:
        """Return a new agreement in which ``party`` has given notice received on ``received`` (C11).

        The party stays a full member, paying its share, until its
        termination date (`termination_of`); afterwards its shares pass to
        the remaining towns of its region (C12). When every party has given
        notice, the agreement ends on the last termination date (`ends`) and
        the wind-down follows (C13).

        A day of receipt on a Saturday, a Sunday, a public holiday of a
        party's Land or a listed closed day gives a `ClosedDayWarning`: a
        letter left in a closed office's mailbox counts as received on the
        next working day (§ 130 BGB), which may end the membership a year
        later. The day is recorded as given. Without the optional package
        ``holidays`` a day that is not found closed gives a
        `HolidaysNotCheckedWarning` (see `kim_cooperation.closed_days`).

        Args:
            party: The party, as a `Party`, an AGS or a name.
            received: The day the notice was received ("Zugang").
            successor: Only for a region's employer that leaves while other
                towns of its region stay: the town of the region that
                employs the case managers and bills from the day after the
                employer leaves (C3, C9, I8; see `employer_on`).
            closed_days: The days the offices are closed, to check
                ``received`` against; by default weekends and the public
                holidays of the parties' Länder (`ClosedDays.of`). List
                other closing days here, such as 24 and 31 December.

        Raises:
            UnknownPartyError: ``party`` or ``successor`` is not a party to
                the agreement.
            InvalidValueError: The party already gave notice, ``received``
                is before the agreement's start, or the successor is not a
                town of the employer's region that stays longer, or is named
                by a party that is not its region's employer.
            UndecidedCaseError: The notice leads to a case the agreement does
                not settle: a region's employer leaving without a successor
                while other towns of the region stay, or a whole region
                leaving while the agreement goes on elsewhere (I8).

        Examples:
            >>> import datetime as dt
            >>> import warnings
            >>> from kim_cooperation import presets
            >>> from kim_cooperation.closed_days import ClosedDays
            >>> agreement = presets.coesfeld()
            >>> later = agreement.give_notice("Rosendahl", dt.date(2024, 7, 1))
            >>> later.termination_of("Rosendahl"), agreement.termination_of("Rosendahl")
            (datetime.date(2026, 12, 31), None)
            >>> handed_over = agreement.give_notice(
            ...     "Coesfeld", dt.date(2024, 6, 28), successor="Billerbeck")
            >>> handed_over.employer_of("Nord", 2026).name
            'Billerbeck'

            A notice recorded on a closed day is kept, with a warning:

            >>> with warnings.catch_warnings(record=True) as caught:
            ...     warnings.simplefilter("always")
            ...     sunday = agreement.give_notice("Olfen", dt.date(2024, 6, 30))
            >>> sunday.termination_of("Olfen")
            datetime.date(2025, 12, 31)
            >>> print(caught[0].message)
            The notice of Olfen is recorded as received on 2024-06-30, a Sunday. A letter left
            in a closed office's mailbox counts as received on the next working day, 2024-07-01;
            membership would then end on 2026-12-31 instead of 2025-12-31. What counts is the
            day the notice actually reached the parties (§ 130 BGB, C11); the date is not moved.
            >>> closing = ClosedDays.of(agreement, yearly=[(12, 24), (12, 31)])
            >>> with warnings.catch_warnings(record=True) as caught:
            ...     warnings.simplefilter("always")
            ...     _ = agreement.give_notice("Olfen", dt.date(2024, 12, 31), closed_days=closing)
            >>> print(caught[0].message.receipt.day.describe(lang="de"))
            ein angegebener Schließtag
        """
        notice = Notice(
            party=self.party(party),
            received=received,
            successor=None if successor is None else self.party(successor),
        )
        recorded = self._replace(notices=(*self.notices, notice))
        recorded._warn_on_closed_days((notice,), closed_days)
        return recorded

    def _warn_on_closed_days(
        self, notices: Iterable[Notice], closed_days: ClosedDays | None
    ) -> None:
        """Warn about notices received on days the offices are closed (C11, § 130 BGB)."""
        if closed_days is None:
            closed_days = ClosedDays.of(self)
        elif not isinstance(closed_days, ClosedDays):
            raise InvalidTypeError(
                f"closed_days must be ClosedDays or None, got {type(closed_days).__name__} "
                f"{shown(closed_days)}"
            )
        _warn_on_closed_receipts(
            ((notice.party.name, notice.received) for notice in notices),
            closed_days,
            # The notice rule itself, not a closure of the agreement: the check calls it
            # without calling back into the agreement.
            ends=functools.partial(termination_date, terms=self.notice_terms),
        )

    def give_notices(
        self,
        notices: NoticeDates,
        *,
        successors: Mapping[str, str | Party] | Mapping[Party, str | Party] | None = None,
        closed_days: ClosedDays | None = None,
    ) -> Agreement:
        """Return a new agreement with several notices recorded at once (C11).

        The notices are checked together, so parties whose notices only make
        sense jointly (a region's employer with the towns of its region, or
        every party for a full termination, C13) can be recorded in one step.
        Days of receipt on closed days give one `ClosedDayWarning` per day,
        as in `give_notice`.

        Args:
            notices: The day each party's notice was received, by party
                (a `Party`, an AGS or a name).
            successors: For leaving employers whose towns stay, the
                successor employer by leaving employer (see `give_notice`).
            closed_days: The days the offices are closed (see `give_notice`).

        Raises:
            UnknownPartyError: A key or successor is not a party to the
                agreement.
            InvalidValueError: A party already gave notice or is named twice,
                a notice is dated before the agreement's start, a successor
                is named for a party without a notice here, or a successor
                is not valid (see `give_notice`).
            UndecidedCaseError: The notices lead to a case the agreement does
                not settle (I8).

        Examples:
            >>> import datetime as dt
            >>> from kim_cooperation import presets
            >>> agreement = presets.coesfeld()
            >>> ended = agreement.give_notices(dict.fromkeys(agreement.parties, dt.date(2024, 6, 28)))
            >>> ended.ends
            datetime.date(2025, 12, 31)
        """
        recorded, added = self._with_notices(notices, successors)
        recorded._warn_on_closed_days(added, closed_days)
        return recorded

    def _with_notices(
        self,
        notices: NoticeDates,
        successors: Mapping[str, str | Party] | Mapping[Party, str | Party] | None,
    ) -> tuple[Agreement, tuple[Notice, ...]]:
        """Record notices as `give_notices` does, without the closed-day warnings; also return them.

        For callers that draw days of receipt themselves (the Hypothesis
        strategies), where a warning would be noise.
        """
        if not isinstance(notices, Mapping):
            raise InvalidTypeError(
                f"notices must be a mapping of party to date, got {type(notices).__name__}"
            )
        if successors is None:
            successors = {}
        if not isinstance(successors, Mapping):
            raise InvalidTypeError(
                "successors must be a mapping of leaving employer to successor, "
                f"got {type(successors).__name__}"
            )
        named = {
            self.party(party): self.party(successor) for party, successor in successors.items()
        }
        added = [
            Notice(
                party=(found := self.party(party)),
                received=received,
                successor=named.pop(found, None),
            )
            for party, received in notices.items()
        ]
        if named:
            raise InvalidValueError(
                N_(
                    "successors are named for {parties} without a notice among these notices (C3, C11)"
                ),
                parties=[party.name for party in named],
            )
        return self._replace(notices=(*self.notices, *added)), tuple(added)

    def withdraw_notice(self, party: str | Party, on: dt.date) -> Agreement:
        """Return a new agreement without ``party``'s notice, withdrawn on ``on`` (C11).

        A notice can only be withdrawn before it takes effect, that is on or
        before the party's termination date.

        Raises:
            UnknownPartyError: ``party`` is not a party to the agreement.
            InvalidValueError: The party gave no notice, or ``on`` is before
                the notice was received or after its termination date.
            UndecidedCaseError: Without this notice the remaining notices
                lead to a case the agreement does not settle (I8), e.g. one
                town staying while its region's employer leaves.
        """
        found = self.party(party)
        check_date(on, what="on")
        ends = roll._termination_of(self, found)
        if ends is None:
            raise InvalidValueError(
                N_("{party} has given no notice to withdraw (C11)"), party=found.name
            )
        received = next(notice.received for notice in self.notices if notice.party == found)
        if on < received:
            raise InvalidValueError(
                N_(
                    "the notice of {party} was received on {received}; it cannot be withdrawn "
                    "on {on}, before it was given (C11)"
                ),
                party=found.name,
                received=received,
                on=on,
            )
        if on > ends:
            raise InvalidValueError(
                N_(
                    "{party} left on {ends} under its notice; it cannot be withdrawn on {on} (C11)"
                ),
                party=found.name,
                ends=ends,
                on=on,
            )
        return self._replace(notices=[notice for notice in self.notices if notice.party != found])

    # The rules of the roll and of membership, asked of the agreement. Each method
    # checks and looks up its arguments in the order `kim_cooperation.roll`'s
    # function of the same name does, so the errors are the same, and passes the
    # `Party` or `Region` found down: the roll never calls back up.

    def termination_of(self, party: str | Party) -> dt.date | None:
        """Return the last day of ``party``'s membership, or ``None`` without notice (C11)."""
        return roll._termination_of(self, self.party(party))

    def is_member(self, party: str | Party, day: dt.date) -> bool:
        """Tell whether ``party`` is a member on ``day`` (C11)."""
        check_date(day, what="day")
        return roll._is_member(self, self.party(party), day)

    def members_on(self, day: dt.date, *, region: str | Region | None = None) -> tuple[Party, ...]:
        """Return the members on ``day`` (of one region if given), ordered by AGS (C11, C12)."""
        found = None if region is None else self.region(region)
        check_date(day, what="day")
        return roll._members_on(self, day, found)

    def post_shares(self, day: dt.date) -> Mapping[Party, Fraction]:
        """Return each member's share of its region's posts on ``day``, in FTE (C4, C12)."""
        return membership.post_shares(self, day)

    def employer_on(self, region: str | Region, day: dt.date) -> Party:
        """Return the employer of ``region`` on ``day``, after any change of employer (C3, I8)."""
        found = self.region(region)
        check_date(day, what="day")
        return roll._employer_on(self, found, day)

    def employer_of(self, region: str | Region, year: int) -> Party:
        """Return the employer that settles and bills ``region``'s ``year`` (C3, C9)."""
        check_year(year)
        return roll._employer_for_year(self, self.region(region), year)

    @property
    def ends(self) -> dt.date | None:
        """The day the agreement ends once every party gave notice, else ``None`` (C11, C13)."""
        return self._index.end
