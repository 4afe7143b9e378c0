"""The steps of the split key: fixed weights, or inhabitants on a reference day (I9, I12).

- `key`: for a key other than equal parts, each town's fixed weight, or for
  a population key the reference day and the policy
  ``population_reference`` that chose it (I9); without funding, whether the
  costs are borne in equal parts instead (policy ``no_funding_split``, I12);
- the counts of inhabitants a population key used, with their days and
  sources (I9);
- `keyed`: whether a region's own share was split by such a key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import Final

from kim_cooperation.clauses import Interpretation
from kim_cooperation.errors import NoPopulationCountError
from kim_cooperation.explanation._sentences import Writer
from kim_cooperation.i18n import N_
from kim_cooperation.keys import KeyKind, PopulationCount, population_of
from kim_cooperation.party import Party
from kim_cooperation.policy import PopulationReference
from kim_cooperation.settlement import RegionSettlement

__all__ = ["key", "keyed"]

_REFERENCE_DAY: Final[Mapping[PopulationReference, str]] = MappingProxyType(
    {
        PopulationReference.PREVIOUS_YEAR_END: N_("31 December of the year before"),
        PopulationReference.PREVIOUS_MID_YEAR: N_("30 June of the year before"),
        PopulationReference.YEAR_END_BEFORE_LAST: N_("31 December of the year before last"),
    }
)
"""The reference day each policy ``population_reference`` chooses, in words (I9)."""

_KEY_GIVEN_UP: Final[Mapping[KeyKind, str]] = MappingProxyType(
    {
        KeyKind.WEIGHTS: N_(
            "Without funding the towns bear the costs to the same extent, that is in equal "
            "parts instead of by the key of Region {region} (fixed weights) "
            "(policy no_funding_split=equal)"
        ),
        KeyKind.POPULATION: N_(
            "Without funding the towns bear the costs to the same extent, that is in equal "
            "parts instead of by the key of Region {region} (population) "
            "(policy no_funding_split=equal)"
        ),
    }
)
"""A key given up without funding, by its kind (I12)."""


def keyed(settled: RegionSettlement) -> bool:
    """Tell whether the region's own share was split by a key other than equal parts (I9)."""
    return settled.key.kind is not KeyKind.EQUAL


def key(writer: Writer, settled: RegionSettlement) -> None:
    """Write the region's split key, and its reference day and counts for population (I9, I12)."""
    region = settled.region
    own = region.split_key
    if own.kind is KeyKind.EQUAL:
        return
    if settled.key.kind is KeyKind.EQUAL:
        # No funding, and C10's "je im gleichen Umfang" read as equal parts (I12).
        writer.add("key", _KEY_GIVEN_UP[own.kind], Interpretation.I12, region=region.name)
        return
    if own.kind is KeyKind.WEIGHTS:
        weights = own.weights
        writer.add(
            "key",
            N_("Split key of Region {region}: fixed weights {weights}, {total} in all"),
            Interpretation.I9,
            region=region.name,
            weights=writer.names(
                [f"{party.name} {writer.number(weight)}" for party, weight in weights.items()]
            ),
            total=writer.number(sum(weights.values(), Fraction(0))),
        )
    else:
        day = settled.reference_day
        if day is None:  # pragma: no cover - a population key always has a reference day
            raise AssertionError(f"region {region.name} is split by population without a day")
        policy = writer.agreement.policies.population_reference
        writer.add(
            "key",
            N_(
                "Split key of Region {region}: inhabitants (population key); for each town "
                "the latest count on or before the reference day {day} is used, {rule} "
                "(policy population_reference={policy})"
            ),
            Interpretation.I9,
            region=region.name,
            day=writer.date(day),
            rule=writer.text(_REFERENCE_DAY[policy]),
            policy=policy.value,
        )
        _population(writer, settled, day)
    if settled.funding.lost:
        writer.add(
            "key",
            N_(
                "Without funding, too, the towns bear the costs by the key of Region "
                "{region} (policy no_funding_split=key)"
            ),
            Interpretation.I12,
            region=region.name,
        )


def _population(writer: Writer, settled: RegionSettlement, day: dt.date) -> None:
    """Write the counts of inhabitants the population key used (I9)."""
    counted: list[tuple[Party, PopulationCount]] = []
    for member in settled.region.members:
        try:
            counted.append((member, population_of(writer.agreement, member, day)))
        except NoPopulationCountError:
            # A town that left and is not weighed any more (withdrawal_split="key").
            continue
    sources = list(dict.fromkeys(count.source for _, count in counted if count.source))
    source = "; ".join(sources) or writer.text(N_("not given"))
    total = sum(count.counts[member] for member, count in counted)
    days = {count.as_of for _, count in counted}
    if len(days) == 1:
        counts = writer.names(
            [f"{member.name} {writer.count(count.counts[member])}" for member, count in counted]
        )
        writer.add(
            "population",
            N_("Inhabitants on {date} (source: {source}): {counts}, {total} in all"),
            Interpretation.I9,
            date=writer.date(days.pop()),
            source=source,
            counts=counts,
            total=writer.count(total),
        )
        return
    counts = writer.names(
        [
            writer.text(
                N_("{name} {count} (as of {date})"),
                name=member.name,
                count=writer.count(count.counts[member]),
                date=writer.date(count.as_of),
            )
            for member, count in counted
        ]
    )
    writer.add(
        "population",
        N_("Inhabitants by each town's latest count (source: {source}): {counts}, {total} in all"),
        Interpretation.I9,
        source=source,
        counts=counts,
        total=writer.count(total),
    )
