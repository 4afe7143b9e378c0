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

The agreement and the 2023 plan are an agreement file inside the package,
``data/coesfeld.toml`` (see `kim_cooperation.files`), read once per process.

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
import functools
import pathlib
import pickle
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Final, NamedTuple

from kim_cooperation._checks import FrozenMapping
from kim_cooperation.agreement import Agreement
from kim_cooperation.clauses import Clause
from kim_cooperation.costs import CostStatement
from kim_cooperation.funding import FundingRate
from kim_cooperation.i18n import N_

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


__all__ = [
    "ANNOUNCED_RATE",
    "COUNCIL_PAPER",
    "FUNDING_RATE",
    "START",
    "announced_increase",
    "coesfeld",
    "coesfeld_cost_plan_2023",
    "coesfeld_planning_costs_2023",
    "example",
    "example_cost_plans",
]

COUNCIL_PAPER: Final = (
    'Stadt Coesfeld, council paper 2023 "Kommunales Case-Management - '
    'Interkommunale Zusammenarbeit"'
)
"""The source of the preset's figures."""

_RATE_SOURCE: Final = N_(
    'Stadt Coesfeld, council paper 2023 "Kommunales Case-Management - '
    'Interkommunale Zusammenarbeit": 55.000 EUR / Vollzeitstelle / Jahr'
)
"""The source of the funding rate as ``data/coesfeld.toml`` writes it, for the catalogue.

`kim_cooperation.explain` shows it in German under ``lang="de"``
(`kim_cooperation.i18n`); a test checks that it is the built-in rate's source.
"""

START: Final = dt.date(2023, 1, 1)
"""The preset's start: the first day of the budget year the paper plans for."""

FUNDING_RATE: Final = Decimal("55000")
"""The funding per full-time post and year in the council paper (C5)."""

ANNOUNCED_RATE: Final = Decimal("57000")
"""The rate the state announced it would raise the funding to (C6)."""


def _data_file(name: str) -> pathlib.Path | Traversable:
    """The file ``name`` in the package's ``data`` folder, as `importlib.resources` gives it.

    For a package installed in a folder that is the path beside this module,
    the very `pathlib.Path` ``importlib.resources.files`` returns there, found
    without importing importlib.resources (zipfile, tempfile, shutil and more).
    """
    folder = pathlib.Path(__file__).parent
    if not folder.is_dir():  # pragma: no cover - a zip file: tests/test_packaging.py, a subprocess
        from importlib import resources  # noqa: PLC0415 - only in a zip file

        return resources.files("kim_cooperation") / "data" / name
    return folder / "data" / name


class _Preset(NamedTuple):
    """A built-in agreement file's agreement and cost plans, as reading the file gives them."""

    agreement: Agreement
    cost_plans: Mapping[int, Mapping[str, CostStatement]]


def _read(name: str) -> _Preset:
    """The agreement and cost plans of the built-in agreement file ``name`` (``data/<name>.toml``).

    Loaded from the file's snapshot ``data/<name>.pickle``: what reading the
    file gives, pickled by ``tools/write_presets.py`` and checked by the
    tests to equal a fresh reading byte for byte. The file stays the source
    of record; the snapshot spares a process the file reader (tomllib, the
    structuring hooks, every check of the agreement again), which the
    package's own data has passed already. It is the package's own file,
    as trusted as its code.
    """
    loaded = pickle.loads(_data_file(f"{name}.pickle").read_bytes())
    agreement, cost_plans = loaded
    if not isinstance(agreement, Agreement):  # pragma: no cover - only a damaged installation
        raise TypeError(f"the package's snapshot data/{name}.pickle holds no agreement")
    return _Preset(agreement, cost_plans)


@functools.cache
def _coesfeld_file() -> _Preset:
    """Load the built-in agreement once; the result is immutable, so it is shared."""
    return _read("coesfeld")


@functools.cache
def _example_file() -> _Preset:
    """Load the invented example agreement once (see `example`)."""
    return _read("example")


def example() -> Agreement:
    """Return an invented agreement of the same shape, for trying what other agreements do (C1–C13).

    "Kreis Musterland" does not exist; its ten towns and their AGS
    (``05999…``) are made up. Unlike Coesfeld's, the agreement has:

    * region Nord split by population, Ost by fixed weights
      (2 : 1 : 1 : 1/2), West in equal parts (C4, I9);
    * notice of 6 months to the end of a quarter (C11), so a town can
      leave within a year (I10);
    * the funding raised from 55,000 to 57,000 EUR on 1 July 2026 (C6);
    * posts that start or end within a year (C3, I7).

    It is the agreement file ``data/example.toml`` inside the package, with
    cost plans for 2024 to 2026 (`example_cost_plans`).

    Examples:
        >>> agreement = example()
        >>> [(region.name, region.split_key.kind.value) for region in agreement.regions]
        [('Nord', 'population'), ('Ost', 'weights'), ('West', 'equal')]
        >>> agreement.notice_terms.describe(), len(agreement.parties)
        ('6 months to the end of a quarter', 10)
    """
    return _example_file().agreement


def example_cost_plans() -> Mapping[int, Mapping[str, CostStatement]]:
    """Return the invented example's cost plans for 2024 to 2026, by year and region (C8).

    Examples:
        >>> from kim_cooperation import settle
        >>> plans = example_cost_plans()
        >>> sorted(plans), str(plans[2025]["Ost"].total)
        ([2024, 2025, 2026], '136000.00')
        >>> str(settle(example(), 2025, plans[2025]).own_share_of("Dornbach"))
        '3410.47'
    """
    return _example_file().cost_plans


def coesfeld() -> Agreement:
    """Return the Coesfeld cooperation agreement of the council paper (C1–C5, C11).

    The agreement is that of the agreement file ``data/coesfeld.toml``
    inside the package (see `kim_cooperation.files`), loaded once per
    process from the file's snapshot (`_read`).

    Returns:
        The `Agreement`; it is immutable, so changes (another rate, a
        notice) return new objects.

    Examples:
        >>> agreement = coesfeld()
        >>> agreement.party("05558040").title
        'Gemeinde Rosendahl'
        >>> agreement.funding.rate_on(START).amount
        Decimal('55000.00')
    """
    return _coesfeld_file().agreement


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
    the paper). The paper gives no costs for Mitte and Süd. The plan is part
    of the agreement file ``data/coesfeld.toml``.

    Examples:
        >>> plan = coesfeld_cost_plan_2023()
        >>> list(plan), plan["Nord"].personnel
        (['Nord'], Decimal('163000.00'))
    """
    return _coesfeld_file().cost_plans[2023]


def coesfeld_planning_costs_2023() -> Mapping[str, CostStatement]:
    """Return a 2023 cost plan for all three regions: a planning assumption for Mitte and Süd.

    Region Nord's costs are the council paper's. For Mitte and Süd the paper
    gives none; this plan assumes Nord's cost per FTE (68,000 EUR: 65,200
    personnel, 2,800 material and services) times each region's FTE. Reports
    that use it say so.

    The plan is read-only and, like every value the presets return, can be
    pickled (to send it to a process pool) and copied.

    Examples:
        >>> import pickle
        >>> plan = coesfeld_planning_costs_2023()
        >>> {name: str(costs.total) for name, costs in plan.items()}
        {'Nord': '170000.00', 'Mitte': '68000.00', 'Süd': '170000.00'}
        >>> pickle.loads(pickle.dumps(plan)) == plan
        True
    """
    agreement = coesfeld()
    nord_region = agreement.region("Nord")
    nord = coesfeld_cost_plan_2023()["Nord"]
    plan = {"Nord": nord}
    for region in agreement.regions:
        if region != nord_region:
            plan[region.name] = nord.scaled(region.fte / nord_region.fte)
    return FrozenMapping(plan)
