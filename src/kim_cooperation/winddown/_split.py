"""The split of a region's run-on costs among its former parties (C13, I5, I13).

The former parties are the towns of the region on the agreement's last day,
or under ``wind_down_scope="all-former"`` every town the region had (I5).
They bear the net run-on costs in equal parts (C13), or under
``wind_down_split="key"`` by the region's key for the year in which the
agreement ends (I13); cents go by largest remainder with ties to the
region's employer on the last day (I2).
"""

from __future__ import annotations

import datetime as dt

from kim_cooperation.agreement import Agreement
from kim_cooperation.clauses import Clause
from kim_cooperation.errors import UndecidedCaseError
from kim_cooperation.i18n import N_
from kim_cooperation.keys import EQUAL_KEY, KeyKind, SplitKey, key_weights, reference_day
from kim_cooperation.money import from_cents
from kim_cooperation.party import Party
from kim_cooperation.policy import ShareBasis, WindDownScope
from kim_cooperation.region import Region
from kim_cooperation.roll import _employer_on, _members_on
from kim_cooperation.split import Allocation, _split_trusted, split_equally

__all__ = ["split_run_on"]


def split_run_on(
    agreement: Agreement, region: Region, agreement_end: dt.date, net: int
) -> tuple[Allocation, SplitKey, dt.date | None]:
    """Split ``net`` cents among the former parties: equal parts, or by the key (C13, I13).

    Returns the split, the key applied and, for a population key, its
    reference day.
    """
    former = _former_parties(agreement, region, agreement_end)
    # The region is the agreement's own: the roll need not look it up again.
    employer = _employer_on(agreement, region, agreement_end)
    if agreement.policies.wind_down_split is not ShareBasis.KEY:
        split = split_equally(from_cents(net), former, first=employer, clause=Clause.C13)
        return split, EQUAL_KEY, None
    year = agreement_end.year
    weights = key_weights(agreement, region, year, former)
    if not any(weights.values()):
        kind = region.split_key.kind
        raise UndecidedCaseError(
            N_(
                "the former parties of region {region!r} ({parties}) all have weight zero "
                "under its key (population), so its run-on costs cannot be split by the key; "
                "choose wind_down_split='equal' (C13, I8, I13)"
            )
            if kind is KeyKind.POPULATION
            else N_(
                "the former parties of region {region!r} ({parties}) all have weight zero "
                "under its key (weights {weights}), so its run-on costs cannot be split by the "
                "key; choose wind_down_split='equal' (C13, I8, I13)"
            ),
            region=region.name,
            parties=", ".join(party.name for party in former),
            weights=" : ".join(str(weight) for weight in region.split_key.weights.values()),
        )
    split = _split_trusted(net, weights, first=employer, clause=Clause.C13)
    return split, region.split_key, reference_day(agreement, region, year)


def _former_parties(
    agreement: Agreement, region: Region, agreement_end: dt.date
) -> tuple[Party, ...]:
    """The towns that bear ``region``'s run-on costs under the wind-down policy (C13, I5)."""
    if agreement.policies.wind_down_scope is WindDownScope.ALL_FORMER:
        return region.members
    return _members_on(agreement, agreement_end, region)
