"""An agreement's look-up tables (C1, C2, C11, C13, I9), derived once from its fields.

`_Index` holds the parties by AGS and name, the regions by name, each
party's region, notice and termination date, the agreement's end and each
party's population counts. An `Agreement` derives its tables when it is
made (after the notices' records are checked), carries the party and region
tables over when only its notices change (`Agreement._replace`), and derives
them when it is unpickled (`_index_on_load`): the tables are never pickled.
The rules below the agreement (`kim_cooperation.roll`,
`kim_cooperation.spans`, `kim_cooperation.keys`) only read them, so they
never call back into the agreement.

`_find_region` looks a region up by name in the tables (C2), as
`kim_cooperation.party._find_party` looks up a party (C1).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from kim_cooperation._checks import shown
from kim_cooperation.errors import UnknownRegionError
from kim_cooperation.i18n import N_
from kim_cooperation.keys import PopulationCount
from kim_cooperation.notice import Notice, termination_date
from kim_cooperation.party import Party, fold_name
from kim_cooperation.region import Region

if TYPE_CHECKING:
    from kim_cooperation.agreement import Agreement

_C = TypeVar("_C", bound=type)


@attrs.frozen
class _Index:
    """An agreement's look-up tables, derived once from its fields.

    Every rule looks parties, regions and notices up many times; with these
    tables a look-up takes constant time, so settling an agreement of n
    towns takes time linear in n.
    """

    party_by_ags: dict[str, Party]
    party_by_name: dict[str, Party]
    party_by_form: dict[str, Party]
    region_by_name: dict[str, Region]
    region_by_form: dict[str, Region]
    region_of: dict[Party, Region]
    notice_of: dict[Party, Notice]
    termination: dict[Party, dt.date]
    # The last termination date once every party gave notice, else None (C13).
    end: dt.date | None
    # Each party's population counts (I9): the days in order, and the counts.
    population: dict[Party, tuple[tuple[dt.date, ...], tuple[int, ...]]]

    @classmethod
    def of(cls, agreement: Agreement, *, tables: _Index | None = None) -> _Index:
        """Derive the tables of ``agreement``.

        ``tables``, the index of an agreement with the same parties, regions
        and notice terms, lends its party and region tables, and the
        termination date of each notice it holds too: only the notices'
        tables are derived anew, and only a new notice's date computed
        (C11), as a sweep records notices one by one.
        """
        notice_of: dict[Party, Notice] = {}
        for notice in agreement.notices:
            notice_of.setdefault(notice.party, notice)
        known = tables.notice_of if tables is not None else {}
        computed = tables.termination if tables is not None else {}
        termination = {
            party: computed[party]
            if known.get(party) is notice
            else termination_date(notice.received, agreement.notice_terms)
            for party, notice in notice_of.items()
        }
        ends = [termination.get(party) for party in agreement.parties]
        end = None if not ends or None in ends else max(ends)  # type: ignore[type-var]
        if tables is not None:
            return attrs.evolve(tables, notice_of=notice_of, termination=termination, end=end)
        return cls(
            party_by_ags={party.ags: party for party in agreement.parties},
            party_by_name={party.name: party for party in agreement.parties},
            party_by_form={
                form: party for party in agreement.parties for form in party.name_forms
            },
            region_by_name={region.name: region for region in agreement.regions},
            region_by_form={
                form: region for region in agreement.regions for form in region.name_forms
            },
            region_of={
                member: region for region in agreement.regions for member in region.members
            },
            notice_of=notice_of,
            termination=termination,
            end=end,
            population=_population_table(agreement.population),
        )


def _population_table(
    counts: tuple[PopulationCount, ...],
) -> dict[Party, tuple[tuple[dt.date, ...], tuple[int, ...]]]:
    """Each party's counts in date order, for the look-up of a reference day (I9)."""
    days: dict[Party, list[dt.date]] = {}
    numbers: dict[Party, list[int]] = {}
    for count in counts:  # in date order (check_population)
        for party, number in count.counts.items():
            days.setdefault(party, []).append(count.as_of)
            numbers.setdefault(party, []).append(number)
    return {party: (tuple(days[party]), tuple(numbers[party])) for party in days}


def _find_region(
    key: str, *, by_name: Mapping[str, Region], by_form: Mapping[str, Region]
) -> Region | None:
    """Return the region ``key`` names, by name or folded name, or ``None`` (C2).

    The name as written first (folding takes longer), else every folded
    form of it (`fold_name`).

    Args:
        key: A region's name, in any spelling `fold_name` folds.
        by_name: The regions by name as written.
        by_form: The regions by each form of `Region.name_forms`.

    Raises:
        UnknownRegionError: ``key``'s folded forms name two regions or more.

    Examples:
        >>> from kim_cooperation import presets
        >>> regions = presets.coesfeld().regions
        >>> tables = {"by_name": {region.name: region for region in regions},
        ...           "by_form": {form: region for region in regions for form in region.name_forms}}
        >>> [getattr(_find_region(key, **tables), "name", None) for key in ("Sued", "West")]
        ['Süd', None]
    """
    if key in by_name:
        return by_name[key]
    # Every folded form of the key, not the first one found: the forms are a
    # set, and two regions may each match one of them ("Süd" beside "Sud"
    # and "Sued"). Such a key is ambiguous and refused, never guessed.
    found = {by_form[form].name: by_form[form] for form in fold_name(key) if form in by_form}
    if len(found) == 1:
        (only,) = found.values()
        return only
    if found:
        *others, last = sorted(found)
        raise UnknownRegionError(
            N_(
                "{key} could name region {others} or {last!r}; write the region's name "
                "exactly (C2)"
            ),
            key=shown(key),
            others=", ".join(repr(name) for name in others),
            last=last,
        )
    return None


def _index_on_load(cls: _C) -> _C:
    """Let an unpickled `Agreement` derive its look-up tables at once, not on first read.

    Wraps the class's ``__setstate__`` (which fills the fields, and the
    defaults of fields older pickles lack): the pickled form stays the
    fields alone.
    """
    restore: Any = vars(cls)["__setstate__"]

    def __setstate__(self: Agreement, state: Any) -> None:  # noqa: N807
        restore(self, state)
        object.__setattr__(self, "_index", _Index.of(self))

    type.__setattr__(cls, "__setstate__", __setstate__)
    return cls
