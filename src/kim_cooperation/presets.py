"""The built-in Coesfeld agreement (C1–C5) and the council paper's figures.

`coesfeld` returns the "Kooperationsvereinbarung Kommunales Case-Management
in den kreisangehörigen Kommunen des Kreises Coesfeld" as summarised in the
Stadt Coesfeld's council paper of 2023:

* eleven parties with their AGS (C1);
* regions Nord (employer Coesfeld, 2.5 FTE), Mitte (Dülmen, 1 FTE) and Süd
  (Ascheberg, 2.5 FTE) (C2, C3);
* 55,000 EUR per full-time post and year (C5);
* 18 months' notice to the end of a calendar year (C11).

The paper does not give the day the agreement starts; the preset uses
1 January 2023, the start of the budget year the paper plans for. The
posts carry no employment dates (the paper says they were to be advertised
in March 2023), so they count as filled all year.

Examples:
    >>> from kim_cooperation import presets
    >>> agreement = presets.coesfeld()
    >>> [(region.name, region.employer.name, str(region.fte)) for region in agreement.regions]
    [('Nord', 'Coesfeld', '5/2'), ('Mitte', 'Dülmen', '1'), ('Süd', 'Ascheberg', '5/2')]
    >>> presets.coesfeld_cost_plan_2023()["Nord"].total
    Decimal('170000.00')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Final

from kim_cooperation.agreement import Agreement
from kim_cooperation.clauses import Clause
from kim_cooperation.costs import CostStatement
from kim_cooperation.funding import FundingRate, FundingSchedule
from kim_cooperation.notice import NoticeTerms
from kim_cooperation.party import Party, PartyKind
from kim_cooperation.post import Post
from kim_cooperation.region import Region

__all__ = [
    "ANNOUNCED_RATE",
    "COUNCIL_PAPER",
    "FUNDING_RATE",
    "START",
    "announced_increase",
    "coesfeld",
    "coesfeld_cost_plan_2023",
    "coesfeld_planning_costs_2023",
]

COUNCIL_PAPER: Final = (
    'Stadt Coesfeld, council paper 2023 "Kommunales Case-Management - '
    'Interkommunale Zusammenarbeit"'
)
"""The source of the preset's figures."""

START: Final = dt.date(2023, 1, 1)
"""The preset's start: the first day of the budget year the paper plans for."""

FUNDING_RATE: Final = Decimal("55000")
"""The funding per full-time post and year in the council paper (C5)."""

ANNOUNCED_RATE: Final = Decimal("57000")
"""The rate the state announced it would raise the funding to (C6)."""

_PARTIES: Final = (
    ("05558004", "Ascheberg", PartyKind.GEMEINDE),
    ("05558008", "Billerbeck", PartyKind.STADT),
    ("05558012", "Coesfeld", PartyKind.STADT),
    ("05558016", "Dülmen", PartyKind.STADT),
    ("05558020", "Havixbeck", PartyKind.GEMEINDE),
    ("05558024", "Lüdinghausen", PartyKind.STADT),
    ("05558028", "Nordkirchen", PartyKind.GEMEINDE),
    ("05558032", "Nottuln", PartyKind.GEMEINDE),
    ("05558036", "Olfen", PartyKind.STADT),
    ("05558040", "Rosendahl", PartyKind.GEMEINDE),
    ("05558044", "Senden", PartyKind.GEMEINDE),
)

# Region, employer, members, posts' FTE: C2 and C3.
_REGIONS: Final[tuple[tuple[str, str, tuple[str, ...], tuple[int | Fraction, ...]], ...]] = (
    (
        "Nord",
        "Coesfeld",
        ("Coesfeld", "Billerbeck", "Havixbeck", "Rosendahl"),
        (1, 1, Fraction(1, 2)),
    ),
    ("Mitte", "Dülmen", ("Dülmen", "Nottuln"), (1,)),
    (
        "Süd",
        "Ascheberg",
        ("Lüdinghausen", "Olfen", "Ascheberg", "Nordkirchen", "Senden"),
        (1, 1, Fraction(1, 2)),
    ),
)


def coesfeld() -> Agreement:
    """Return the Coesfeld cooperation agreement of the council paper (C1–C5, C11).

    Returns:
        A new `Agreement`; it is immutable, so changes (another rate, a
        notice) return new objects.

    Examples:
        >>> agreement = coesfeld()
        >>> agreement.party("05558040").title
        'Gemeinde Rosendahl'
        >>> agreement.funding.rate_on(START).amount
        Decimal('55000.00')
    """
    parties = {name: Party(name=name, kind=kind, ags=ags) for ags, name, kind in _PARTIES}
    regions = [
        Region(
            name=name,
            employer=parties[employer],
            members=[parties[member] for member in members],
            posts=[
                Post(label=f"{name} {number}", fte=fte) for number, fte in enumerate(ftes, start=1)
            ],
        )
        for name, employer, members, ftes in _REGIONS
    ]
    return Agreement(
        name=(
            "Kooperationsvereinbarung Kommunales Case-Management in den "
            "kreisangehörigen Kommunen des Kreises Coesfeld"
        ),
        parties=parties.values(),
        regions=regions,
        funding=FundingSchedule(
            rates=[
                FundingRate(
                    valid_from=START,
                    amount=FUNDING_RATE,
                    source=f"{COUNCIL_PAPER}: 55.000 EUR / Vollzeitstelle / Jahr",
                    clause=Clause.C5,
                )
            ]
        ),
        start=START,
        notice_terms=NoticeTerms(months=18, period_end="year"),
    )


def announced_increase(valid_from: dt.date) -> FundingRate:
    """Return the announced rate of 57,000 EUR per post and year, from a day the caller chooses (C6).

    The paper reports the announcement without a date; a Kreis paper reports
    57,000 EUR for 2023.

    Examples:
        >>> import datetime as dt
        >>> announced_increase(dt.date(2024, 1, 1)).amount
        Decimal('57000.00')
    """
    return FundingRate(
        valid_from=valid_from,
        amount=ANNOUNCED_RATE,
        source=f"{COUNCIL_PAPER}: announced increase to 57.000 EUR / Vollzeitstelle / Jahr",
        clause=Clause.C6,
    )


def coesfeld_cost_plan_2023() -> Mapping[str, CostStatement]:
    """Return the council paper's cost plan for 2023: Region Nord only (C8).

    Personnel 163,000 EUR, material and services 7,000 EUR (not itemised in
    the paper). The paper gives no costs for Mitte and Süd.

    Examples:
        >>> plan = coesfeld_cost_plan_2023()
        >>> list(plan), plan["Nord"].personnel
        (['Nord'], Decimal('163000.00'))
    """
    return MappingProxyType(
        {"Nord": CostStatement(personnel=Decimal("163000"), material_not_itemised=Decimal("7000"))}
    )


def coesfeld_planning_costs_2023() -> Mapping[str, CostStatement]:
    """Return a 2023 cost plan for all three regions: a planning assumption for Mitte and Süd.

    Region Nord's costs are the council paper's. For Mitte and Süd the paper
    gives none; this plan assumes Nord's cost per FTE (68,000 EUR: 65,200
    personnel, 2,800 material and services) times each region's FTE. Reports
    that use it say so.

    Examples:
        >>> plan = coesfeld_planning_costs_2023()
        >>> {name: str(costs.total) for name, costs in plan.items()}
        {'Nord': '170000.00', 'Mitte': '68000.00', 'Süd': '170000.00'}
    """
    agreement = coesfeld()
    nord_region = agreement.region("Nord")
    nord = coesfeld_cost_plan_2023()["Nord"]
    plan = {"Nord": nord}
    for region in agreement.regions:
        if region != nord_region:
            plan[region.name] = nord.scaled(region.fte / nord_region.fte)
    return MappingProxyType(plan)
