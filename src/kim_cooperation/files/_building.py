"""Building the agreement from a file's records: the problems of meaning, each with its path.

Towns are resolved by name, folded name or AGS as `Agreement.party` resolves
them (C1); each region gets its employer and members (C2, C3) and its split
key (C4, I9); population counts name each town once per day (I9); funding
rates are in date order, one per day (C5); notices are received after the
start, one per party (C11); cost plans name the agreement's regions (C2,
C8). Every problem is collected (`_Problems`) before `AgreementFileError` is
raised, so a file's problems are listed all at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from fractions import Fraction
from typing import Final

import attrs

from kim_cooperation.agreement import Agreement
from kim_cooperation.costs import CostStatement
from kim_cooperation.errors import AgreementFileError, Phrase
from kim_cooperation.files._problems import _key_path, _listed, _Problems
from kim_cooperation.files._records import _AgreementDocument
from kim_cooperation.funding import FundingSchedule
from kim_cooperation.i18n import N_
from kim_cooperation.keys import KeyKind, PopulationCount, SplitKey
from kim_cooperation.notice import Notice
from kim_cooperation.party import Party, _find_party, fold_name
from kim_cooperation.region import Region


class _PartyLookup:
    """The file's parties by AGS, name and folded name: each look-up in constant time.

    The tables and the look-up are those of `Agreement.party` (its index of
    the parties in AGS order), so a town is resolved in the file exactly as
    the agreement built from it resolves it: a key that is both one party's
    name and another's AGS names the party with the lower AGS in both. An
    `Agreement` that refuses such names refuses the file too.
    """

    def __init__(self, parties: Iterable[Party]) -> None:
        self.given: Final = tuple(parties)
        ordered = sorted(self.given, key=_ags_of)  # as `Agreement.parties` holds them
        self.by_ags: Final = {party.ags: party for party in ordered}
        self.by_name: Final = {party.name: party for party in ordered}
        self.by_form: Final = {form: party for party in ordered for form in party.name_forms}

    def find(self, key: str) -> Party | None:
        """Return the party ``key`` names by name, folded name or AGS, or ``None``."""
        return _find_party(key, by_name=self.by_name, by_form=self.by_form, by_ags=self.by_ags)


def _ags_of(party: Party) -> str:
    return party.ags


def _party(parties: _PartyLookup, key: str, path: str, problems: _Problems) -> Party | None:
    found = parties.find(key)
    if found is None:
        names = [party.name for party in parties.given]
        if names:
            listed = _listed(names, N_("the {count:,} parties the file lists"))
            problems.add(
                path,
                Phrase(
                    N_(
                        "{key!r} is not a party to the agreement; expected the name or AGS of "
                        "one of {listed} (C1)"
                    ),
                    key=key,
                    listed=listed,
                ),
            )
        else:
            problems.add(
                path,
                Phrase(
                    N_(
                        "{key!r} is not a party to the agreement; expected the name or AGS of "
                        "a party, but the file lists none (C1)"
                    ),
                    key=key,
                ),
            )
    return found


def _region(
    document: _AgreementDocument, parties: _PartyLookup, index: int, problems: _Problems
) -> Region | None:
    entry = document.regions[index]
    path = f"regions[{index}]"
    employer = _party(parties, entry.employer, f"{path}.employer", problems)
    found = [
        _party(parties, key, f"{path}.members[{number}]", problems)
        for number, key in enumerate(entry.members)
    ]
    members = [member for member in found if member is not None]
    key = _split_key(document, parties, index, members, problems)
    if employer is None or len(members) != len(found) or key is None:
        return None
    return problems.attempt(
        path,
        Region,
        name=entry.name,
        employer=employer,
        members=members,
        posts=entry.posts,
        split_key=key,
    )


def _split_key(
    document: _AgreementDocument,
    parties: _PartyLookup,
    index: int,
    members: list[Party],
    problems: _Problems,
) -> SplitKey | None:
    """Build a region's split key (C4, I9), naming the path of each problem."""
    entry = document.regions[index]
    path = f"regions[{index}]"
    if entry.split_key is not KeyKind.WEIGHTS:
        if entry.weights:
            problems.add(
                f"{path}.weights",
                Phrase(
                    N_(
                        "weights are given but split_key is {kind!r}; write "
                        'split_key = "weights" to split by them, or remove them (C4, I9)'
                    ),
                    kind=entry.split_key.value,
                ),
            )
            return None
        return SplitKey(kind=entry.split_key)
    if not entry.weights:
        # Without fields the text is not filled in: its braces stay single.
        problems.add(
            f"{path}.weights",
            Phrase(
                N_(
                    'split_key = "weights" needs a weight for each member, e.g. weights = '
                    '{ Billerbeck = "2", Rosendahl = "1/2" } (C4, I9)'
                )
            ),
        )
        return None
    weights: dict[Party, Fraction] = {}
    named: dict[Party, str] = {}
    complete = True
    for key, weight in entry.weights.items():
        where = _key_path(f"{path}.weights", key)
        party = _party(parties, key, where, problems)
        if party is None:
            complete = False
        elif party in named:
            problems.add(
                where,
                Phrase(
                    N_(
                        "{party} already has a weight (as {key!r}); give each member "
                        "one weight (C4, I9)"
                    ),
                    party=party.name,
                    key=named[party],
                ),
            )
            complete = False
        elif party not in members:
            problems.add(
                where,
                Phrase(
                    N_(
                        "{party} is not a member of region {region!r}; weights are given "
                        "for its members {members} (C2, C4, I9)"
                    ),
                    party=party.name,
                    region=entry.name,
                    members=", ".join(member.name for member in members),
                ),
            )
            complete = False
        else:
            named[party] = key
            weights[party] = weight
    missing = [member.name for member in members if member not in weights]
    if complete and missing:
        problems.add(
            f"{path}.weights",
            Phrase(
                N_(
                    "no weight for {towns}; give every member a weight, 0 for a town "
                    "that pays nothing (C4, I9)"
                ),
                towns=", ".join(missing),
            ),
        )
        return None
    if not complete:
        return None
    return problems.attempt(f"{path}.weights", SplitKey.by_weights, weights)


def _population(
    document: _AgreementDocument, parties: _PartyLookup, problems: _Problems
) -> list[PopulationCount] | None:
    """Build the population counts (I9), naming the path of each problem."""
    counts: list[PopulationCount] = []
    first_index: dict[dt.date, int] = {}
    for index, entry in enumerate(document.population):
        path = f"population[{index}]"
        if entry.as_of in first_index:
            problems.add(
                f"{path}.as_of",
                Phrase(
                    N_(
                        "a count is already as of {day} (population[{index}]); "
                        "give one count per day (I9)"
                    ),
                    day=entry.as_of,
                    index=first_index[entry.as_of],
                ),
            )
            continue
        first_index[entry.as_of] = index
        found: dict[Party, int] = {}
        named: dict[Party, str] = {}
        for key, count in entry.counts.items():
            where = _key_path(f"{path}.counts", key)
            party = _party(parties, key, where, problems)
            if party is None:
                continue
            if party in named:
                problems.add(
                    where,
                    Phrase(
                        N_(
                            "{party} is already counted here (as {key!r}); count each "
                            "town once in a count (I9)"
                        ),
                        party=party.name,
                        key=named[party],
                    ),
                )
            elif count <= 0:
                problems.add(
                    where,
                    Phrase(
                        N_(
                            "expected the inhabitants of {party} as a positive integer, "
                            "got integer {count} (I9)"
                        ),
                        party=party.name,
                        count=count,
                    ),
                )
            else:
                named[party] = key
                found[party] = count
        if not entry.counts:
            problems.add(
                f"{path}.counts", Phrase(N_("a population count names at least one town (I9)"))
            )
        elif len(found) == len(entry.counts):
            built = problems.attempt(
                path, PopulationCount, as_of=entry.as_of, counts=found, source=entry.source
            )
            if built is not None:
                counts.append(built)
    return counts if len(counts) == len(document.population) else None


def _funding(document: _AgreementDocument, problems: _Problems) -> FundingSchedule | None:
    rates = document.funding
    first_index: dict[dt.date, int] = {}
    ordered = True
    for index, rate in enumerate(rates):
        path = f"funding[{index}].valid_from"
        day = rate.valid_from
        if day in first_index:
            problems.add(
                path,
                Phrase(
                    N_(
                        "a rate is already valid from {day} (funding[{index}]); "
                        "each day starts at most one rate (C5)"
                    ),
                    day=day,
                    index=first_index[day],
                ),
            )
            ordered = False
        elif index and day < rates[index - 1].valid_from:
            problems.add(
                path,
                Phrase(
                    N_(
                        "rates must be in date order, "
                        "got {day} after {previous} (funding[{index}])"
                    ),
                    day=day,
                    previous=rates[index - 1].valid_from,
                    index=index - 1,
                ),
            )
            ordered = False
        first_index.setdefault(rate.valid_from, index)
    if not ordered:
        return None
    return problems.attempt("funding", FundingSchedule, rates=rates)


def _notices(
    document: _AgreementDocument, parties: _PartyLookup, problems: _Problems
) -> list[Notice] | None:
    notices: list[Notice] = []
    given: dict[Party, int] = {}
    for index, entry in enumerate(document.notices):
        path = f"notices[{index}]"
        party = _party(parties, entry.party, f"{path}.party", problems)
        successor = None
        if entry.successor is not None:
            successor = _party(parties, entry.successor, f"{path}.successor", problems)
        if entry.received < document.start:
            problems.add(
                f"{path}.received",
                Phrase(
                    N_(
                        "notice received on {received}, before the agreement's start {start} (C11)"
                    ),
                    received=entry.received,
                    start=document.start,
                ),
            )
        if party is None or (entry.successor is not None and successor is None):
            continue
        if party in given:
            problems.add(
                f"{path}.party",
                Phrase(
                    N_(
                        "{party} already gave notice in notices[{index}]; "
                        "a party gives notice once (C11)"
                    ),
                    party=party.name,
                    index=given[party],
                ),
            )
            continue
        given[party] = index
        notice = problems.attempt(
            path, Notice, party=party, received=entry.received, successor=successor
        )
        if notice is not None:
            notices.append(notice)
    return notices if len(notices) == len(document.notices) else None


def _plans(
    document: _AgreementDocument, problems: _Problems
) -> dict[int, dict[str, CostStatement]]:
    names = [entry.name for entry in document.regions]
    # As `Agreement.region` finds them: the name as written, else a folded form.
    by_name = {name: name for name in names}
    by_form = {form: name for name in names for form in fold_name(name)}
    plans: dict[int, dict[str, CostStatement]] = {}
    for year, plan in document.cost_plans.items():
        path = _key_path("cost_plans", str(year))
        if not plan:
            problems.add(path, Phrase(N_("a year's cost plan names at least one region (C8)")))
        named: dict[str, str] = {}
        for key, costs in plan.items():
            found = sorted(
                {by_name[key]}
                if key in by_name
                else {by_form[form] for form in fold_name(key) if form in by_form}
            )
            name = found[0] if len(found) == 1 else None
            if len(found) > 1:
                problems.add(
                    _key_path(path, key),
                    Phrase(
                        N_(
                            "{key!r} could name region {first!r} or {second!r}; "
                            "write the region's name as the agreement writes it (C2)"
                        ),
                        key=key,
                        first=found[0],
                        second=found[1],
                    ),
                )
            elif name is None:
                problems.add(
                    _key_path(path, key),
                    Phrase(
                        N_(
                            "{key!r} is not a region of the agreement; "
                            "expected one of {listed} (C2)"
                        ),
                        key=key,
                        listed=_listed(names, N_("the {count:,} regions the file lists")),
                    ),
                )
            elif name in named:
                problems.add(
                    _key_path(path, key),
                    Phrase(
                        N_("region {name!r} already has costs in this plan (as {key!r})"),
                        name=name,
                        key=named[name],
                    ),
                )
            else:
                named[name] = key
                plans.setdefault(year, {})[name] = costs
    return plans


def _build(
    document: _AgreementDocument, source: str | None
) -> tuple[Agreement, dict[int, dict[str, CostStatement]]]:
    """Build the agreement and its cost plans from a file's records.

    Every problem is collected before `AgreementFileError` is raised; the
    caller wraps the result in an `AgreementFile`.
    """
    problems = _Problems()
    parties = _PartyLookup(document.parties)
    regions = [
        _region(document, parties, index, problems) for index in range(len(document.regions))
    ]
    funding = _funding(document, problems)
    notices = _notices(document, parties, problems)
    population = _population(document, parties, problems)
    plans = _plans(document, problems)
    if problems.found or funding is None or notices is None or population is None:
        raise AgreementFileError(problems.found, source)
    agreement = problems.attempt(
        "",
        Agreement,
        name=document.name,
        parties=document.parties,
        regions=[region for region in regions if region is not None],
        funding=funding,
        start=document.start,
        notice_terms=document.notice_terms,
        policies=document.policies,
        population=population,
    )
    if agreement is not None:
        agreement = problems.attempt("notices", attrs.evolve, agreement, notices=notices)
    if agreement is None:
        raise AgreementFileError(problems.found, source)
    return agreement, plans
