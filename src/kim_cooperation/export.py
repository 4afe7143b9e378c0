"""Exports: every result as plain data, JSON, CSV, flat records, a DataFrame, text or HTML.

The results of the library — `Settlement` (and one region's
`RegionSettlement`), `Projection`, `Comparison`, `WindDown` (and
`RegionWindDown`), `FinancialImpact`, `Explanation` and the C9
`BillingStatement` — convert the same way:

* `to_dict` gives nested plain data (``dict``, ``list``, ``str``, ``int``,
  ``bool``, ``None``) and `to_json` its JSON text. Money is a string with
  two places (``"8125.00"``), never a float; dates are ISO
  (``"2025-12-31"``); exact fractions are strings (``"5/2"``,
  ``"32500/3"``); parties are ``{"name": …, "ags": …}``; every figure
  carries its clause id (``{"amount": "32500.00", "clause": "C7"}``).
* `to_records` gives one flat table: a list of dicts with the same keys in
  the same order, one key per column. Money stays an exact `Decimal`, dates
  stay `datetime.date`; `pandas.DataFrame` accepts the list as it is.
* `to_csv` writes that table as CSV text: ``lang="en"`` (default) with
  ``,`` between fields and a decimal point, ``lang="de"`` for Excel in
  Germany with ``;`` and a decimal comma (``8125,00``), and the texts of
  the ``description`` column (and the ``baseline`` scenario) in German,
  from the catalogue (`kim_cooperation.i18n`). The header of English CSV
  is the column names, keys for programs like the ``key`` column's values;
  German CSV, for people, has German headers (``Jahr;Region;…``).
* `to_dataframe` builds a `pandas.DataFrame` of the table with the money
  columns as exact `Decimal` objects (dtype ``object``), never floats
  (needs the ``pandas`` extra).
* `to_text` and `to_html` show the main columns as a short text table or an
  escaped HTML table; the result classes use them for ``str()`` and for
  Jupyter. ``to_html(result, lang="de")`` gives the caption in German.

The columns of each table are listed in `SETTLEMENT_COLUMNS`,
`PROJECTION_COLUMNS`, `COMPARISON_COLUMNS`, `WIND_DOWN_COLUMNS`,
`IMPACT_COLUMNS`, `EXPLANATION_COLUMNS` and `BILLING_COLUMNS`; their order
is stable.

Examples:
    >>> from kim_cooperation import presets, settle
    >>> from kim_cooperation.export import to_csv, to_dict
    >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
    >>> nord = to_dict(settlement)["regions"][0]
    >>> nord["own_share"], nord["split"]["shares"][0]["amount"]
    ({'amount': '32500.00', 'clause': 'C7'}, '8125.00')
    >>> print(to_csv(settlement, lang="de"))  # doctest: +ELLIPSIS
    Jahr;Region;AGS Anstellungskörperschaft;Anstellungskörperschaft;Kennung;Beschreibung;AGS;Kommune;Betrag;Klausel
    2023;Nord;05558012;Coesfeld;costs;Kosten;;;170000,00;C8
    2023;Nord;05558012;Coesfeld;funding;Förderung;;;137500,00;C5
    2023;Nord;05558012;Coesfeld;own_share;Eigenanteil;;;32500,00;C7
    2023;Nord;05558012;Coesfeld;part;Anteil Billerbeck;05558008;Billerbeck;8125,00;C4
    ...
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import reprlib
from collections.abc import Callable, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Generic, TypeAlias, TypeVar

import attrs

from kim_cooperation._checks import check_int, shown
from kim_cooperation.agreement import Agreement
from kim_cooperation.billing import BillingStatement
from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.costs import CostStatement
from kim_cooperation.errors import InvalidTypeError, InvalidValueError, NoPopulationCountError
from kim_cooperation.explanation import Explanation
from kim_cooperation.formatting import Lang, format_date
from kim_cooperation.funding import FundingRate
from kim_cooperation.i18n import N_, translate, translate_filled
from kim_cooperation.impact import FinancialImpact, ImpactLine, Role
from kim_cooperation.keys import KeyKind, PopulationCount, population_of
from kim_cooperation.money import to_cents
from kim_cooperation.party import Party
from kim_cooperation.post import Post
from kim_cooperation.projection import Projection, YearResult
from kim_cooperation.scenario import BASELINE, Comparison
from kim_cooperation.settlement import RegionSettlement, Settlement
from kim_cooperation.spans import Span
from kim_cooperation.split import Allocation
from kim_cooperation.winddown import PostRunOn, RegionWindDown, RunOnPeriod, WindDown

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "BILLING_COLUMNS",
    "COMPARISON_COLUMNS",
    "EXPLANATION_COLUMNS",
    "IMPACT_COLUMNS",
    "PROJECTION_COLUMNS",
    "SETTLEMENT_COLUMNS",
    "WIND_DOWN_COLUMNS",
    "Cell",
    "Record",
    "Result",
    "to_csv",
    "to_dataframe",
    "to_dict",
    "to_html",
    "to_json",
    "to_records",
    "to_text",
]

Cell: TypeAlias = str | int | bool | Decimal | dt.date | None
"""A value of a flat record: text, a count or year, a flag, money, a date, or empty."""

Record: TypeAlias = dict[str, Cell]
"""One row of a flat table, keyed by column name in column order."""

Result: TypeAlias = (
    Settlement
    | RegionSettlement
    | Projection
    | Comparison
    | WindDown
    | RegionWindDown
    | FinancialImpact
    | Explanation
    | BillingStatement
)
"""The results this module exports."""

_MAX_INDENT: Final = 100
"""The most spaces per level `to_json` indents by."""

SETTLEMENT_COLUMNS: Final = (
    "year",
    "region",
    "employer_ags",
    "employer",
    "key",
    "description",
    "party_ags",
    "party",
    "amount",
    "clause",
)
"""`Settlement` and `RegionSettlement`: one row per line of `RegionSettlement.lines`.

``key`` is ``costs`` (C8), ``funding`` (C5, or C10), ``own_share`` (C7, or
C10), ``surplus`` (I6, only when there is one), ``part`` (each town's part,
C4, C12 or C10) or ``billing`` (what a town owes the employer, C9); ``party``
is empty for the region's lines.

For a region whose key is not equal parts, rows without an amount before
the parts show the key: ``split_key`` (its kind and, for population, the
reference day; I9, or I12 where a year without funding is split in equal
parts), ``weight`` (each town's fixed weight) or ``population`` (each
town's inhabitants and the day of the count; only in a `Settlement`'s
table, which holds the agreement). For a year with more than one span
(I10): ``span`` (each span's days, months, weight and employer),
``span_share`` (each bearer's exact share of a span; C4, or C12 after a
withdrawal) and ``year_share`` (each town's exact share of the year). A
Coesfeld settlement, one span under equal parts, has none of these rows.
"""

PROJECTION_COLUMNS: Final = (
    "year",
    "basis",
    "region",
    "party_ags",
    "party",
    "own_share",
    "clause",
)
"""`Projection`: one row per year and town of the regions in the year's plan.

``own_share`` is `Projection.own_share_of`. ``basis`` is ``settlement`` (the
year is settled; ``clause`` is that of the town's part: C4, C10, or C12 with
zero once the town has left), ``settlement+wind-down`` (the agreement ends
within the year: settled until its end, then the estimated run-on; both are
added, ``clause`` that of the settled part), ``wind-down`` (after full
termination, the estimated run-on costs, C13) or ``ended`` (nothing runs on
any more: zero, C13).
"""

COMPARISON_COLUMNS: Final = (
    "year",
    "scenario",
    "region",
    "party_ags",
    "party",
    "own_share",
    "clause",
    "difference",
)
"""`Comparison`: one row per town, year and scenario, in that order.

``own_share`` and ``clause`` as in `PROJECTION_COLUMNS`; ``difference`` is
`Comparison.difference`, the change against the baseline (zero for it).
"""

WIND_DOWN_COLUMNS: Final = (
    "agreement_end",
    "region",
    "key",
    "description",
    "post",
    "first_day",
    "last_day",
    "party_ags",
    "party",
    "amount",
    "clause",
)
"""`WindDown` and `RegionWindDown`: per region, one row per post and figure.

``key`` is ``run_on`` (one per post: its run-on period, ``first_day`` to
``last_day``, empty without one; no amount; C13), where the costs were given
per post ``post_costs`` and ``post_funding`` (one each per post given: its
costs for its period, C13, and its funding, I5), ``costs`` (the run-on
costs, C13), ``funding`` (funding received in the period, I5), ``net`` (the
amount split, C13), ``surplus`` (I6, only when there is one) or ``part``
(each former party's part, C13).
"""

IMPACT_COLUMNS: Final = (
    "year",
    "party_ags",
    "party",
    "role",
    "layout",
    "table",
    "key",
    "label",
    "label_en",
    "amount",
    "clause",
    "is_total",
)
"""`FinancialImpact`: one row per line, the finance statement (``table`` is
``finance``) before the result statement (``result``). ``amount`` is empty
where the layout leaves the line empty ("–"); ``clause`` where the line has
none."""

EXPLANATION_COLUMNS: Final = (
    "year",
    "party_ags",
    "party",
    "lang",
    "step",
    "key",
    "text",
    "amount",
    "clause",
)
"""`Explanation`: one row per step, numbered from 1; ``amount`` is empty
where the step states no figure to the cent."""

BILLING_COLUMNS: Final = (
    "year",
    "region",
    "employer_ags",
    "employer",
    "party_ags",
    "party",
    "role",
    "part",
    "advances",
    "balance",
    "clause",
)
"""`BillingStatement`: one row per town of the statement (C9).

``role`` is ``employer`` or ``member``; ``part`` the town's part of the own
share (``clause``: C4, C12 or C10); ``advances`` its advance payments;
``balance`` part less advances (negative: a refund), empty for the employer.
"""

_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
"""What makes Excel read a text cell as a formula."""

_T = TypeVar("_T")


@attrs.frozen(kw_only=True)
class _Kind(Generic[_T]):
    """How one result type is exported."""

    name: str
    columns: tuple[str, ...]
    money: frozenset[str]
    shown: tuple[str, ...]
    plain: Callable[[_T], dict[str, object]]
    records: Callable[[_T], list[Record]]
    title: Callable[[_T, Lang], str]


# Plain values.


def _money(amount: Decimal, mark: str = ".") -> str:
    cents = to_cents(amount)
    euros, rest = divmod(abs(cents), 100)
    return f"{'-' if cents < 0 else ''}{euros}{mark}{rest:02d}"


def _optional_money(amount: Decimal | None) -> str | None:
    return None if amount is None else _money(amount)


def _date(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _clause(clause: Clause | Interpretation | None) -> str | None:
    return None if clause is None else clause.value


def _party(party: Party) -> dict[str, object]:
    return {"name": party.name, "ags": party.ags}


def _figure(amount: Decimal, clause: Clause | Interpretation) -> dict[str, object]:
    return {"amount": _money(amount), "clause": clause.value}


def _plain_cell(value: Cell) -> object:
    if isinstance(value, Decimal):
        return _money(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _plain_records(records: Sequence[Record]) -> list[object]:
    return [{key: _plain_cell(value) for key, value in record.items()} for record in records]


def _policies(agreement: Agreement) -> dict[str, object]:
    policies = agreement.policies
    return {
        "withdrawal_scope": policies.withdrawal_scope.value,
        "part_year_funding": policies.part_year_funding.value,
        "wind_down_scope": policies.wind_down_scope.value,
        "population_reference": policies.population_reference.value,
        "span_weighting": policies.span_weighting.value,
        "withdrawal_split": policies.withdrawal_split.value,
        "no_funding_split": policies.no_funding_split.value,
        "wind_down_split": policies.wind_down_split.value,
    }


def _costs(costs: CostStatement) -> dict[str, object]:
    return {
        "items": {item.value: _money(amount) for item, amount in costs.items()},
        "personnel_costs": _money(costs.personnel_costs),
        "material_and_services": _money(costs.material_and_services),
        "total": _money(costs.total),
        "clause": costs.clause.value,
    }


def _rate(rate: FundingRate) -> dict[str, object]:
    return {
        "valid_from": rate.valid_from.isoformat(),
        "amount": _money(rate.amount),
        "source": rate.source,
        "clause": rate.clause.value,
    }


def _split(allocation: Allocation) -> dict[str, object]:
    return {
        "amount": _money(allocation.amount),
        "clause": allocation.clause.value,
        "interpretation": allocation.interpretation.value,
        "first": None if allocation.first is None else _party(allocation.first),
        "shares": [
            {
                "party": _party(share.party),
                "weight": str(share.weight),
                "exact": str(share.exact),
                "amount": _money(share.amount),
                "extra_cent": share.extra_cent,
            }
            for share in allocation.shares
        ],
    }


# Settlements.


def _split_key(region: RegionSettlement, agreement: Agreement | None) -> dict[str, object]:
    """The key applied (C4, I9): its kind, fixed weights, reference day and counts of inhabitants.

    The counts come from the agreement, so they are given where the export
    holds it (a `Settlement`); a `RegionSettlement` alone gives ``None``.
    """
    key = region.key
    counts: list[object] | None = []
    if key.kind is KeyKind.POPULATION:
        counts = (
            None
            if agreement is None
            else [
                {
                    "party": _party(party),
                    "inhabitants": count.counts[party],
                    "as_of": count.as_of.isoformat(),
                    "source": count.source,
                }
                for party, count in _population(region, agreement)
            ]
        )
    return {
        "kind": key.kind.value,
        "region_kind": region.region.split_key.kind.value,
        "clause": key.clause.value,
        "interpretation": key.interpretation.value,
        "weights": [
            {"party": _party(party), "weight": str(weight)}
            for party, weight in key.weights.items()
        ],
        "reference_day": _date(region.reference_day),
        "counts": counts,
    }


def _population(
    region: RegionSettlement, agreement: Agreement
) -> list[tuple[Party, PopulationCount]]:
    """Each town's count the population key used: its latest on or before the reference day (I9)."""
    day = region.reference_day
    if day is None:
        return []
    found = []
    for party in region.region.members:
        try:
            found.append((party, population_of(agreement, party, day)))
        except NoPopulationCountError:
            continue  # a town that left and is no longer weighed (withdrawal_split="key")
    return found


def _span(span: Span) -> dict[str, object]:
    return {
        "first_day": span.first_day.isoformat(),
        "last_day": span.last_day.isoformat(),
        "months": span.months,
        "days": span.days,
        "weight": str(span.weight),
        "members": [_party(member) for member in span.members],
        "employer": _party(span.employer),
        "shares": [
            {"party": _party(party), "share": str(share)} for party, share in span.shares.items()
        ],
        "clause": span.clause.value,
        "interpretation": span.interpretation.value,
    }


def _region_settlement(
    region: RegionSettlement, agreement: Agreement | None = None
) -> dict[str, object]:
    funding = region.funding
    return {
        "region": region.region.name,
        "year": region.year,
        "employer": _party(region.employer),
        "members": [_party(member) for member in region.region.members],
        "fte": str(region.region.fte),
        "costs": _costs(region.costs),
        "funding": {
            "amount": _money(funding.amount),
            "clause": (Clause.C10 if funding.lost else funding.clause).value,
            "exact": str(funding.exact),
            "rounded": funding.is_rounded,
            "lost": funding.lost,
            "interpretation": funding.interpretation.value,
            "method": funding.method.value,
            "rates": [_rate(rate) for rate in funding.rates],
            "posts": [
                {
                    "post": post.post.label,
                    "fte": str(post.post.fte),
                    "months": list(post.months),
                    "month_rates": [_money(rate.amount) for rate in post.month_rates],
                    "days": post.days,
                    "exact": str(post.exact),
                }
                for post in funding.posts
            ],
        },
        "own_share": _figure(region.own_share, region.clause),
        "surplus": _figure(region.surplus, Interpretation.I6),
        "split": _split(region.split),
        "billing": [
            {
                "debtor": _party(line.debtor),
                "creditor": _party(line.creditor),
                "amount": _money(line.amount),
                "clause": line.clause.value,
            }
            for line in region.billing
        ],
        "billed_total": _figure(region.billed_total, Clause.C9),
        "split_key": _split_key(region, agreement),
        "spans": [_span(span) for span in region.spans],
    }


def _settlement_body(settlement: Settlement) -> dict[str, object]:
    return {
        "year": settlement.year,
        "regions": [
            _region_settlement(region, settlement.agreement) for region in settlement.regions
        ],
    }


def _settlement(settlement: Settlement) -> dict[str, object]:
    return {
        "type": "settlement",
        "agreement": settlement.agreement.name,
        "policies": _policies(settlement.agreement),
        **_settlement_body(settlement),
    }


_KEY_ROWS: Final = frozenset(
    {"split_key", "weight", "population", "span", "span_share", "year_share"}
)
"""The settlement rows that show the split key and the spans; they state no amount."""


def _region_records(region: RegionSettlement, agreement: Agreement | None = None) -> list[Record]:
    def record(
        key: str,
        description: str,
        amount: Decimal | None,
        clause: Clause | Interpretation,
        party: Party | None = None,
    ) -> Record:
        return {
            "year": region.year,
            "region": region.region.name,
            "employer_ags": region.employer.ags,
            "employer": region.employer.name,
            "key": key,
            "description": description,
            "party_ags": None if party is None else party.ags,
            "party": None if party is None else party.name,
            "amount": amount,
            "clause": clause.value,
        }

    records = [
        record(line.key, line.description, line.amount, line.clause, line.party)
        for line in region.lines()
    ]
    # The key and the spans go before the parts they explain.
    first_part = next(
        (index for index, line in enumerate(records) if line["key"] == "part"), len(records)
    )
    records[first_part:first_part] = [
        record(key, description, None, clause, party)
        for key, description, clause, party in _key_rows(region, agreement)
    ]
    return records


def _key_rows(
    region: RegionSettlement, agreement: Agreement | None
) -> list[tuple[str, str, Clause | Interpretation, Party | None]]:
    """Rows for a key other than equal parts (I9, I12) and for a year of several spans (I10)."""
    rows: list[tuple[str, str, Clause | Interpretation, Party | None]] = []
    key = region.key
    if region.region.split_key.kind is not KeyKind.EQUAL:
        if key.kind is KeyKind.EQUAL:
            rows.append(
                (
                    "split_key",
                    "Split key: equal parts without funding, instead of "
                    f"{region.region.split_key.describe()} (no_funding_split=equal)",
                    Interpretation.I12,
                    None,
                )
            )
        elif key.kind is KeyKind.WEIGHTS:
            rows.append(("split_key", "Split key: fixed weights", Interpretation.I9, None))
            rows += [
                ("weight", f"Weight of {party.name}: {weight}", Interpretation.I9, party)
                for party, weight in key.weights.items()
            ]
        else:
            day = _date(region.reference_day)
            rows.append(
                (
                    "split_key",
                    f"Split key: population, counts on or before {day}",
                    Interpretation.I9,
                    None,
                )
            )
            if agreement is not None:
                rows += [
                    (
                        "population",
                        f"Inhabitants of {party.name}: {count.counts[party]} as of "
                        f"{count.as_of.isoformat()}",
                        Interpretation.I9,
                        party,
                    )
                    for party, count in _population(region, agreement)
                ]
    if len(region.spans) > 1:
        for number, span in enumerate(region.spans, start=1):
            length = f"{span.months} months, {span.days} days"
            rows.append(
                (
                    "span",
                    f"Span {number}: {span.first_day.isoformat()} to {span.last_day.isoformat()}, "
                    f"{length}, weight {span.weight}, employer {span.employer.name}",
                    Interpretation.I10,
                    None,
                )
            )
            rows += [
                ("span_share", f"Span {number}: share of {party.name} {share}", span.clause, party)
                for party, share in span.shares.items()
            ]
        rows += [
            (
                "year_share",
                f"Share of {share.party.name} in the year: {share.weight}",
                Interpretation.I10,
                share.party,
            )
            for share in region.split.shares
        ]
    return rows


def _settlement_records(settlement: Settlement) -> list[Record]:
    return [
        record
        for region in settlement.regions
        for record in _region_records(region, settlement.agreement)
    ]


# Wind-downs.


def _period(post: Post, period: RunOnPeriod) -> dict[str, object]:
    return {
        "post": post.label,
        "fte": str(post.fte),
        "employment_end": _date(period.employment_end),
        "first_day": _date(period.first_day),
        "last_day": _date(period.last_day),
        "months": period.months,
        "days": period.days,
        "capped": period.capped,
        "max_months": period.max_months,
        "description": period.describe(),
        "clause": period.clause.value,
        "interpretation": period.interpretation.value,
    }


def _post_run_on(item: PostRunOn) -> dict[str, object]:
    return {
        "post": item.post.label,
        "per": item.given.per,
        "in_months": str(item.period.in_months),
        "given_costs": _costs(item.given.costs),
        "given_funding": _money(item.given.funding),
        "costs": _costs(item.costs),
        "funding": _figure(item.funding, Interpretation.I5),
        "clause": item.clause.value,
    }


def _region_wind_down(region: RegionWindDown) -> dict[str, object]:
    return {
        "region": region.region.name,
        "agreement_end": _agreement_end(region).isoformat(),
        "last_day": _date(region.last_day),
        "periods": [_period(post, period) for post, period in region.periods],
        "posts": [_post_run_on(item) for item in region.posts],
        "costs": _costs(region.costs),
        "funding": _figure(region.funding.amount, Interpretation.I5),
        "net": _figure(region.net, Clause.C13),
        "surplus": _figure(region.surplus, Interpretation.I6),
        "key": region.key.kind.value,
        "reference_day": _date(region.reference_day),
        "interpretation": region.interpretation.value,
        "split": _split(region.split),
    }


def _wind_down_body(wind_down: WindDown) -> dict[str, object]:
    return {
        "agreement_end": wind_down.agreement_end.isoformat(),
        "clause": wind_down.clause.value,
        "regions": [_region_wind_down(region) for region in wind_down.regions],
    }


def _agreement_end(region: RegionWindDown) -> dt.date:
    # A region has at least one post, and each period records the agreement's end.
    return region.periods[0][1].agreement_end


def _region_wind_down_records(region: RegionWindDown) -> list[Record]:
    def record(
        key: str,
        description: str,
        amount: Decimal | None,
        clause: Clause | Interpretation,
        *,
        post: str | None = None,
        first_day: dt.date | None = None,
        last_day: dt.date | None = None,
        party: Party | None = None,
    ) -> Record:
        return {
            "agreement_end": _agreement_end(region),
            "region": region.region.name,
            "key": key,
            "description": description,
            "post": post,
            "first_day": first_day,
            "last_day": last_day,
            "party_ags": None if party is None else party.ags,
            "party": None if party is None else party.name,
            "amount": amount,
            "clause": clause.value,
        }

    records = [
        record(
            "run_on",
            period.describe(),
            None,
            period.clause,
            post=post.label,
            first_day=period.first_day,
            last_day=period.last_day,
        )
        for post, period in region.periods
    ]
    for item in region.posts:
        first_day, last_day = item.period.first_day, item.period.last_day
        records += [
            record(
                "post_costs",
                f"Run-on costs of {item.post.label}{_given_per(item, item.given.costs.total)}",
                item.costs.total,
                Clause.C13,
                post=item.post.label,
                first_day=first_day,
                last_day=last_day,
            ),
            record(
                "post_funding",
                f"Funding for {item.post.label} in the run-on"
                f"{_given_per(item, item.given.funding)}",
                item.funding,
                Interpretation.I5,
                post=item.post.label,
                first_day=first_day,
                last_day=last_day,
            ),
        ]
    records += [
        record("costs", "Run-on costs", region.costs.total, Clause.C13),
        record(
            "funding",
            "Funding received in the run-on period",
            region.funding.amount,
            Interpretation.I5,
        ),
        record("net", "Costs less funding", region.net, Clause.C13),
    ]
    if region.surplus:
        records.append(
            record(
                "surplus",
                "Funding beyond costs (not distributed)",
                region.surplus,
                Interpretation.I6,
            )
        )
    records += [
        record(
            "part",
            f"Part of {share.party.name}",
            share.amount,
            region.split.clause,
            party=share.party,
        )
        for share in region.split.shares
    ]
    return records


def _given_per(item: PostRunOn, given: Decimal) -> str:
    """How a post's run-on figure was given, for the description of its record (C13)."""
    if item.given.per == "period":
        return " for the period"
    months = item.period.in_months
    whole, rest = divmod(months.numerator, months.denominator)
    # A mixed number, as a finance officer writes it: "1 15/31".
    length = f"{whole} {rest}/{months.denominator}" if rest and whole else str(months)
    return f": {_money(given)} a month for {length} months"


# Projections and comparisons.


def _basis(result: YearResult) -> str:
    if result.settlement is not None:
        # The agreement ended within the year: settled until the end, then run on (C13).
        return "settlement" if result.wind_down is None else "settlement+wind-down"
    return "ended" if result.wind_down is None else "wind-down"


def _year_clause(agreement: Agreement, result: YearResult, party: Party) -> Clause:
    if result.settlement is None:
        return Clause.C13
    split = result.settlement.region(agreement.region_of(party)).split
    return split.clause if party in split else Clause.C12


def _projection_records(projection: Projection) -> list[Record]:
    agreement = projection.agreement
    records: list[Record] = []
    for result in projection.results:
        planned = {agreement.region(name) for name in result.plan}
        for party in agreement.parties:
            region = agreement.region_of(party)
            if region not in planned:
                continue
            records.append(
                {
                    "year": result.year,
                    "basis": _basis(result),
                    "region": region.name,
                    "party_ags": party.ags,
                    "party": party.name,
                    "own_share": projection.own_share_of(party, result.year),
                    "clause": _year_clause(agreement, result, party).value,
                }
            )
    return records


def _projection_results(projection: Projection) -> list[object]:
    return [
        {
            "year": result.year,
            "basis": _basis(result),
            "plan": {name: _costs(statement) for name, statement in result.plan.items()},
            "settlement": (
                None if result.settlement is None else _settlement_body(result.settlement)
            ),
            "wind_down": None if result.wind_down is None else _wind_down_body(result.wind_down),
        }
        for result in projection.results
    ]


def _projection(projection: Projection) -> dict[str, object]:
    return {
        "type": "projection",
        "agreement": projection.agreement.name,
        "policies": _policies(projection.agreement),
        "years": list(projection.years),
        "own_shares": _plain_records(_projection_records(projection)),
        "results": _projection_results(projection),
    }


def _comparison_records(comparison: Comparison) -> list[Record]:
    baseline = comparison.projections[0].agreement
    records: list[Record] = []
    for party, year, values, differences in comparison.rows():
        region = baseline.region_of(party).name
        for name, projection, value, difference in zip(
            comparison.names, comparison.projections, values, differences, strict=True
        ):
            clause = _year_clause(projection.agreement, projection.result(year), party)
            records.append(
                {
                    "year": year,
                    "scenario": name,
                    "region": region,
                    "party_ags": party.ags,
                    "party": party.name,
                    "own_share": value,
                    "clause": clause.value,
                    "difference": difference,
                }
            )
    return records


def _comparison(comparison: Comparison) -> dict[str, object]:
    return {
        "type": "comparison",
        "agreement": comparison.projections[0].agreement.name,
        "baseline": BASELINE,
        "names": list(comparison.names),
        "years": list(comparison.years),
        "parties": [_party(party) for party in comparison.parties],
        "own_shares": _plain_records(_comparison_records(comparison)),
        "scenarios": [
            {
                "name": name,
                "policies": _policies(projection.agreement),
                "results": _projection_results(projection),
            }
            for name, projection in zip(comparison.names, comparison.projections, strict=True)
        ],
    }


# Financial impact, explanation, billing.


def _impact_line(line: ImpactLine) -> dict[str, object]:
    return {
        "key": line.key,
        "label": line.label,
        "label_en": line.label_en,
        "amount": _optional_money(line.amount),
        "clause": _clause(line.clause),
        "is_total": line.is_total,
    }


def _impact(impact: FinancialImpact) -> dict[str, object]:
    return {
        "type": "financial_impact",
        "party": _party(impact.party),
        "year": impact.year,
        "region": impact.region.region.name,
        "role": impact.role.value,
        "layout": impact.layout.value,
        "recurring": impact.recurring,
        "own_share": _figure(impact.own_share, Clause.C7),
        "finance": [_impact_line(line) for line in impact.finance],
        "result": [_impact_line(line) for line in impact.result],
    }


def _impact_records(impact: FinancialImpact) -> list[Record]:
    return [
        {
            "year": impact.year,
            "party_ags": impact.party.ags,
            "party": impact.party.name,
            "role": impact.role.value,
            "layout": impact.layout.value,
            "table": table,
            "key": line.key,
            "label": line.label,
            "label_en": line.label_en,
            "amount": line.amount,
            "clause": _clause(line.clause),
            "is_total": line.is_total,
        }
        for table, lines in (("finance", impact.finance), ("result", impact.result))
        for line in lines
    ]


def _explanation(explanation: Explanation) -> dict[str, object]:
    return {
        "type": "explanation",
        "party": _party(explanation.party),
        "year": explanation.year,
        "lang": explanation.lang,
        "steps": [
            {
                "step": number,
                "key": step.key,
                "text": step.text,
                "amount": _optional_money(step.amount),
                "clause": _clause(step.clause),
            }
            for number, step in enumerate(explanation.steps, start=1)
        ],
    }


def _explanation_records(explanation: Explanation) -> list[Record]:
    return [
        {
            "year": explanation.year,
            "party_ags": explanation.party.ags,
            "party": explanation.party.name,
            "lang": explanation.lang,
            "step": number,
            "key": step.key,
            "text": step.text,
            "amount": step.amount,
            "clause": _clause(step.clause),
        }
        for number, step in enumerate(explanation.steps, start=1)
    ]


def _billing(statement: BillingStatement) -> dict[str, object]:
    return {
        "type": "billing_statement",
        "title": statement.title,
        "title_en": statement.title_en,
        "agreement": statement.agreement,
        "year": statement.year,
        "region": statement.region.name,
        "employer": _party(statement.employer),
        "clauses": [clause.value for clause in statement.clauses],
        "costs": _figure(statement.costs, Clause.C8),
        "funding": _figure(statement.funding, statement.funding_clause),
        "own_share": _figure(statement.own_share, statement.own_share_clause),
        "surplus": _figure(statement.surplus, Interpretation.I6),
        "billed_total": _figure(statement.billed_total, Clause.C9),
        "advances_total": _figure(statement.advances_total, Clause.C9),
        "balance_total": _figure(statement.balance_total, Clause.C9),
        "parts_total": _figure(statement.parts_total, Clause.C9),
        "share_of_year": str(statement.share_of_year),
        "spans": [_span(span) for span in statement.spans],
        "entries": [
            {
                "party": _party(entry.party),
                "role": entry.role.value,
                "part": _money(entry.part),
                "clause": entry.clause.value,
                "extra_cent": entry.extra_cent,
                "advances": _money(entry.advances),
                "balance": _optional_money(entry.balance),
            }
            for entry in statement.entries
        ],
    }


def _billing_records(statement: BillingStatement) -> list[Record]:
    return [
        {
            "year": statement.year,
            "region": statement.region.name,
            "employer_ags": statement.employer.ags,
            "employer": statement.employer.name,
            "party_ags": entry.party.ags,
            "party": entry.party.name,
            "role": entry.role.value,
            "part": entry.part,
            "advances": entry.advances,
            "balance": entry.balance,
            "clause": entry.clause.value,
        }
        for entry in statement.entries
    ]


def _years(years: Sequence[int]) -> str:
    return f"{years[0]}" if len(years) == 1 else f"{years[0]}–{years[-1]}"


def _title(template: str, lang: Lang, **fields: object) -> str:
    """A table's title (`to_text`, the caption of `to_html`) in ``lang``, from the catalogue."""
    return translate(template, lang).format(**fields)


def _day(day: dt.date, lang: Lang) -> str:
    return format_date(day, lang=lang) if lang == "de" else day.isoformat()


_LAYOUTS: Final = MappingProxyType({"council-paper": N_("council-paper"), "nkf": N_("nkf")})
"""The layouts' names in a title; German names them ``Ratsvorlage`` and ``NKF``."""


def _scenario_names(names: Sequence[str], lang: Lang) -> str:
    return ", ".join(translate(name, lang) if name == BASELINE else name for name in names)


def _impact_title(item: FinancialImpact, lang: Lang) -> str:
    template = (
        N_("Financial impact {year} – {party}, employer of Region {region} ({layout} layout)")
        if item.role is Role.EMPLOYER
        else N_("Financial impact {year} – {party}, member of Region {region} ({layout} layout)")
    )
    return _title(
        template,
        lang,
        year=item.year,
        party=item.party.title,
        region=item.region.region.name,
        layout=translate(_LAYOUTS[item.layout.value], lang),
    )


_KINDS: Final[dict[type[Any], _Kind[Any]]] = {
    Settlement: _Kind[Settlement](
        name="settlement",
        columns=SETTLEMENT_COLUMNS,
        money=frozenset({"amount"}),
        shown=("region", "key", "party", "amount", "clause"),
        plain=_settlement,
        records=_settlement_records,
        title=lambda item, lang: _title(
            N_("Settlement {year} – {agreement}"),
            lang,
            year=item.year,
            agreement=item.agreement.name,
        ),
    ),
    RegionSettlement: _Kind[RegionSettlement](
        name="region_settlement",
        columns=SETTLEMENT_COLUMNS,
        money=frozenset({"amount"}),
        shown=("region", "key", "party", "amount", "clause"),
        plain=lambda item: {"type": "region_settlement", **_region_settlement(item)},
        records=_region_records,
        title=lambda item, lang: _title(
            N_("Settlement {year} – Region {region}, employer {employer}"),
            lang,
            year=item.year,
            region=item.region.name,
            employer=item.employer.title,
        ),
    ),
    Projection: _Kind[Projection](
        name="projection",
        columns=PROJECTION_COLUMNS,
        money=frozenset({"own_share"}),
        shown=("year", "basis", "region", "party", "own_share", "clause"),
        plain=_projection,
        records=_projection_records,
        title=lambda item, lang: _title(
            N_("Projection {years} – {agreement}"),
            lang,
            years=_years(item.years),
            agreement=item.agreement.name,
        ),
    ),
    Comparison: _Kind[Comparison](
        name="comparison",
        columns=COMPARISON_COLUMNS,
        money=frozenset({"own_share", "difference"}),
        shown=("year", "scenario", "party", "own_share", "difference", "clause"),
        plain=_comparison,
        records=_comparison_records,
        title=lambda item, lang: _title(
            N_("Own shares {years} in {count} scenarios: {names}"),
            lang,
            years=_years(item.years),
            count=len(item.names),
            names=_scenario_names(item.names, lang),
        ),
    ),
    WindDown: _Kind[WindDown](
        name="wind_down",
        columns=WIND_DOWN_COLUMNS,
        money=frozenset({"amount"}),
        shown=("region", "key", "post", "first_day", "last_day", "party", "amount", "clause"),
        plain=lambda item: {"type": "wind_down", **_wind_down_body(item)},
        records=lambda item: [
            record for region in item.regions for record in _region_wind_down_records(region)
        ],
        title=lambda item, lang: _title(
            N_("Wind-down after {day} (C13)"), lang, day=_day(item.agreement_end, lang)
        ),
    ),
    RegionWindDown: _Kind[RegionWindDown](
        name="region_wind_down",
        columns=WIND_DOWN_COLUMNS,
        money=frozenset({"amount"}),
        shown=("region", "key", "post", "first_day", "last_day", "party", "amount", "clause"),
        plain=lambda item: {"type": "region_wind_down", **_region_wind_down(item)},
        records=_region_wind_down_records,
        title=lambda item, lang: _title(
            N_("Wind-down of Region {region} after {day} (C13)"),
            lang,
            region=item.region.name,
            day=_day(_agreement_end(item), lang),
        ),
    ),
    FinancialImpact: _Kind[FinancialImpact](
        name="financial_impact",
        columns=IMPACT_COLUMNS,
        money=frozenset({"amount"}),
        shown=("table", "label", "amount", "clause"),
        plain=_impact,
        records=_impact_records,
        title=_impact_title,
    ),
    Explanation: _Kind[Explanation](
        name="explanation",
        columns=EXPLANATION_COLUMNS,
        money=frozenset({"amount"}),
        shown=("step", "text", "clause"),
        plain=_explanation,
        records=_explanation_records,
        title=lambda item, lang: _title(
            N_("Own share of {town} in {year}, explained"),
            lang,
            town=item.party.name,
            year=item.year,
        ),
    ),
    BillingStatement: _Kind[BillingStatement](
        name="billing_statement",
        columns=BILLING_COLUMNS,
        money=frozenset({"part", "advances", "balance"}),
        shown=("party_ags", "party", "role", "part", "advances", "balance", "clause"),
        plain=_billing,
        records=_billing_records,
        title=lambda item, lang: item.title if lang == "de" else item.title_en,
    ),
}


def _short(value: object) -> str:
    """A short repr for an error message; `shown` where even reprlib fails (huge ints)."""
    try:
        return reprlib.repr(value)
    except (ValueError, RecursionError):
        return shown(value)


def _kind(result: object, *, what: str) -> _Kind[Any]:
    kind = _KINDS.get(type(result))
    if kind is not None:
        return kind
    for cls in type(result).__mro__:
        if cls in _KINDS:
            return _KINDS[cls]
    names = ", ".join(cls.__name__ for cls in _KINDS)
    hint = ""
    if isinstance(result, list | tuple) and any(
        isinstance(item, BillingStatement) for item in result
    ):
        hint = "; for several billing statements use kim_cooperation.billing.billing_csv"
    raise InvalidTypeError(
        f"{what} exports a result of the library ({names}), got {type(result).__name__} "
        f"{_short(result)}{hint}"
    )


def _check_lang(lang: object) -> None:
    if lang not in ("de", "en"):
        raise InvalidValueError(N_("lang must be 'de' or 'en', got {value}"), value=shown(lang))


# The public functions.


def to_dict(result: Result) -> dict[str, Any]:
    """Return a result as nested plain data, ready for `json.dumps`.

    Money is a string with two places, dates are ISO strings, fractions are
    strings such as ``"5/2"``, parties are ``{"name": …, "ags": …}``, and
    figures carry their clause. The ``type`` key names the result:
    ``settlement``, ``region_settlement``, ``projection``, ``comparison``,
    ``wind_down``, ``region_wind_down``, ``financial_impact``,
    ``explanation`` or ``billing_statement``.

    Args:
        result: A result of the library (see `Result`).

    Returns:
        A new dict; changing it changes nothing in the result.

    Raises:
        InvalidTypeError: ``result`` is not a result this module exports.

    Examples:
        >>> import datetime as dt
        >>> from decimal import Decimal
        >>> from kim_cooperation import CostStatement, presets, wind_down
        >>> base = presets.coesfeld()
        >>> ended = base.give_notices(dict.fromkeys(base.parties, dt.date(2024, 6, 30)))
        >>> run_on = wind_down(ended, dt.date(2025, 12, 31),
        ...                    {"Mitte": CostStatement(personnel=Decimal("68000"))})
        >>> data = to_dict(run_on)
        >>> data["type"], data["agreement_end"], data["clause"]
        ('wind_down', '2025-12-31', 'C13')
        >>> mitte = data["regions"][0]
        >>> mitte["periods"][0]["last_day"], mitte["net"]
        ('2026-12-31', {'amount': '68000.00', 'clause': 'C13'})
        >>> [(share["party"]["name"], share["exact"]) for share in mitte["split"]["shares"]]
        [('Dülmen', '34000'), ('Nottuln', '34000')]
    """
    return _kind(result, what="to_dict").plain(result)


def to_json(result: Result, *, indent: int | None = 2) -> str:
    """Return a result as JSON text: `to_dict` written out, umlauts kept.

    Args:
        result: A result of the library (see `Result`).
        indent: Spaces per level, from 0 to 100; ``None`` for one line.

    Raises:
        InvalidTypeError: ``result`` is not a result this module exports,
            or ``indent`` is neither an int nor ``None``.
        InvalidValueError: ``indent`` is outside 0 to 100.

    Examples:
        >>> import json
        >>> from kim_cooperation import presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> text = to_json(settlement)
        >>> json.loads(text)["regions"][0]["billing"][0]
        ... # doctest: +NORMALIZE_WHITESPACE
        {'debtor': {'name': 'Billerbeck', 'ags': '05558008'},
         'creditor': {'name': 'Coesfeld', 'ags': '05558012'},
         'amount': '8125.00', 'clause': 'C9'}
        >>> "kreisangehörigen" in text
        True
        >>> to_json(settlement, indent=None).startswith('{"type": "settlement"')
        True
    """
    if indent is not None:
        check_int(indent, what="indent", unit="spaces, or None for one line")
    if indent is not None and not 0 <= indent <= _MAX_INDENT:
        raise InvalidValueError(
            N_("indent must be from 0 to {most}, got {value}"),
            most=_MAX_INDENT,
            value=shown(indent),
        )
    return json.dumps(to_dict(result), ensure_ascii=False, indent=indent)


def to_records(result: Result) -> list[Record]:
    """Return a result as a flat table: one dict per row, keys in column order.

    Money is an exact `Decimal`, dates are `datetime.date`, empty cells
    ``None``; the columns are those of the result type (`SETTLEMENT_COLUMNS`
    and the others). `pandas.DataFrame` accepts the list as it is; see
    `to_dataframe` for money columns that stay exact.

    Args:
        result: A result of the library (see `Result`).

    Raises:
        InvalidTypeError: ``result`` is not a result this module exports.

    Examples:
        >>> from kim_cooperation import presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> records = to_records(settlement)
        >>> records[0]  # doctest: +NORMALIZE_WHITESPACE
        {'year': 2023, 'region': 'Nord', 'employer_ags': '05558012', 'employer': 'Coesfeld',
         'key': 'costs', 'description': 'Costs', 'party_ags': None, 'party': None,
         'amount': Decimal('170000.00'), 'clause': 'C8'}
        >>> sum(record["amount"] for record in records if record["key"] == "part")
        Decimal('32500.00')
    """
    return _kind(result, what="to_records").records(result)


_DESCRIPTIONS: Final = (
    N_("Costs"),
    N_("Funding"),
    N_("Own share"),
    N_("Funding beyond costs (not distributed)"),
    N_("Part of {town}"),
    N_("{debtor} owes {creditor}"),
    N_("Split key: fixed weights"),
    N_("Weight of {town}: {weight}"),
    N_("Split key: population, counts on or before {day}"),
    N_("Inhabitants of {town}: {count} as of {day}"),
    N_("Span {number}: share of {town} {share}"),
    N_("Share of {town} in the year: {weight}"),
)
"""The English texts of the records' ``description`` cells, for German CSV.

The records are English by design (`SettlementLine.description` is part of
the Python API); `to_csv` with ``lang="de"`` writes them in German from the
catalogue (`kim_cooperation.i18n`).
"""

_HEADERS: Final = (
    N_("year"),
    N_("region"),
    N_("employer_ags"),
    N_("employer"),
    N_("key"),
    N_("description"),
    N_("party_ags"),
    N_("party"),
    N_("amount"),
    N_("clause"),
    N_("basis"),
    N_("own_share"),
    N_("scenario"),
    N_("difference"),
    N_("agreement_end"),
    N_("post"),
    N_("first_day"),
    N_("last_day"),
    N_("role"),
    N_("layout"),
    N_("table"),
    N_("label"),
    N_("label_en"),
    N_("is_total"),
    N_("lang"),
    N_("step"),
    N_("text"),
    N_("part"),
    N_("advances"),
    N_("balance"),
)
"""Every column's id, listed for the catalogue: `to_csv` with ``lang="de"`` writes German headers.

The ids stay the header of English CSV and the keys of `to_records`: they
are names for programs. German CSV is for people reading it in Excel.
"""

_TRANSLATED: Final[dict[str, tuple[str, ...]]] = {
    "description": _DESCRIPTIONS,
    "scenario": (N_("baseline"),),  # the other names are the user's own
}

_WORDS: Final[dict[str, frozenset[str]]] = {
    "role": frozenset({N_("employer"), N_("member")}),
    "layout": frozenset({N_("council-paper"), N_("nkf")}),
    "table": frozenset({N_("finance"), N_("result")}),
    "basis": frozenset(
        {N_("settlement"), N_("settlement+wind-down"), N_("ended"), N_("wind-down")}
    ),
}
"""The columns whose values are words of a closed list, each written in German in German CSV.

The ``key`` column is different: its values (``own_share``, ``part``,
``cost_item``) are identifiers for programs and filters, the same in every
language, like the clause ids; its German header says so ("Kennung"). The
words beside them (``description``, ``label``, ``text``) are German.
"""

_ENGLISH_ONLY: Final = frozenset({"label_en"})
"""Columns left out of German CSV: the English label beside the German one would mix languages."""


def _csv_cell(value: Cell, lang: Lang) -> str:
    if isinstance(value, Decimal):
        return _money(value, "," if lang == "de" else ".")
    if isinstance(value, str) and lang == "de" and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return _shown(value)


def _csv_table(result_type: type[Any], records: Sequence[Record], *, lang: Lang) -> str:
    """Write ``records`` of ``result_type``'s table as CSV text in ``lang``."""
    _check_lang(lang)
    columns = _KINDS[result_type].columns
    if lang == "de":
        columns = tuple(column for column in columns if column not in _ENGLISH_ONLY)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if lang == "de" else ",", lineterminator="\n")
    writer.writerow(translate(column, lang) if lang == "de" else column for column in columns)
    writer.writerows(
        [_csv_cell(_csv_value(column, record[column], lang), lang) for column in columns]
        for record in records
    )
    return buffer.getvalue()


def _csv_value(column: str, value: Cell, lang: Lang) -> Cell:
    """A cell's value in ``lang``: the texts and words of German CSV in German."""
    if lang == "en" or not isinstance(value, str):
        return value
    if column in _TRANSLATED:
        return translate_filled(value, _TRANSLATED[column], lang)
    if column in _WORDS and value in _WORDS[column]:
        return translate(value, lang)
    return value


def to_csv(result: Result, *, lang: Lang = "en") -> str:
    """Return a result's flat table (`to_records`) as CSV text, with a header row.

    ``lang="en"`` (default) separates fields with ``,`` and writes money with
    a decimal point (``-8125.00``); ``lang="de"`` is German CSV for Excel:
    ``;`` between fields and a decimal comma (``-8125,00``), so a German
    Excel reads the amounts as numbers. Neither groups thousands. In both,
    dates are ISO (``2025-12-31``), flags ``true``/``false``, empty cells
    empty, and lines end with a line feed. The header is the column names in
    English CSV and their German names in German CSV.

    German CSV is for people and is German throughout: descriptions and
    the words of closed lists (role, layout, table, basis) are German, and
    the English label column (``label_en``) is left out. The ``key``
    column ("Kennung") keeps its identifiers (``own_share``), the same in
    both languages, for filters and programs; programs read English CSV
    or JSON, whose texts never change with the language. In German
    CSV a text that Excel would run as a formula (beginning with ``=``,
    ``+``, ``-`` or ``@``) is prefixed with ``'``. Write the text with
    ``encoding="utf-8-sig"`` for Excel, so it recognises the umlauts.

    Args:
        result: A result of the library (see `Result`).
        lang: ``"en"`` or ``"de"``.

    Raises:
        InvalidTypeError: ``result`` is not a result this module exports.
        InvalidValueError: ``lang`` is not ``"en"`` or ``"de"``.

    Examples:
        >>> from kim_cooperation import financial_impact, presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> impact = financial_impact(settlement, "Billerbeck", layout="nkf")
        >>> print(to_csv(impact).splitlines()[0])
        year,party_ags,party,role,layout,table,key,label,label_en,amount,clause,is_total
        >>> print(to_csv(impact, lang="de").splitlines()[-1])
        2023;05558008;Billerbeck;Mitglied;NKF;Ergebnisrechnung;balance;Ordentliches Ergebnis;-8125,00;C7;true
    """
    _check_lang(lang)
    kind = _kind(result, what="to_csv")
    return _csv_table(type(result), kind.records(result), lang=lang)


def to_dataframe(result: Result) -> pd.DataFrame:
    """Return a result's flat table (`to_records`) as a `pandas.DataFrame`.

    Needs the ``pandas`` extra (``pip install kim-cooperation[pandas]``);
    pandas is imported only when this is called. The money columns hold the
    exact `Decimal` values (dtype ``object``), never floats, so sums stay
    exact; dates are `datetime.date` objects; text columns are pandas'
    string type.

    Args:
        result: A result of the library (see `Result`).

    Raises:
        InvalidTypeError: ``result`` is not a result this module exports.
        ModuleNotFoundError: pandas is not installed.

    Examples:
        >>> from kim_cooperation import presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> frame = to_dataframe(settlement)
        >>> frame["amount"].dtype, frame.loc[0, "amount"]
        (dtype('O'), Decimal('170000.00'))
        >>> frame[frame["key"] == "part"].groupby("region")["amount"].sum().to_dict()
        {'Nord': Decimal('32500.00')}
    """
    kind = _kind(result, what="to_dataframe")
    try:
        import pandas  # noqa: PLC0415 - an optional dependency, imported only when needed
    except ImportError as error:
        raise ModuleNotFoundError(
            "to_dataframe needs pandas; install it with pip install kim-cooperation[pandas]",
            name="pandas",
        ) from error
    records = kind.records(result)
    data = {
        column: pandas.Series(
            [record[column] for record in records],
            dtype=object if column in kind.money else None,
        )
        for column in kind.columns
    }
    return pandas.DataFrame(data, columns=list(kind.columns))


def _shown(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return _money(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _shown_in(record: Record, column: str, lang: Lang) -> str:
    """A cell of `to_text` and `to_html` in ``lang``: German words, decimal comma, German days.

    The label of a financial-impact line is the English label in English.
    """
    if lang == "en":
        return _shown(
            record["label_en"] if column == "label" and "label_en" in record else record[column]
        )
    value = _csv_value(column, record[column], lang)
    if isinstance(value, bool):
        return translate(N_("yes") if value else N_("no"), lang)
    if isinstance(value, Decimal):
        return _money(value, ",")
    if isinstance(value, dt.date):
        return format_date(value, lang=lang)
    return _shown(value)


def _head(columns: Sequence[str], lang: Lang) -> list[str]:
    return [translate(column, lang) if lang == "de" else column for column in columns]


def to_text(result: Result, *, lang: Lang = "en") -> str:
    """Return a result's main columns as a short plain-text table under a title.

    Money is shown exactly, with two places, right-aligned. The result
    classes use this for ``str()``; `to_csv` and `to_records` have every
    column. With ``lang="de"`` the table is German throughout, as German
    CSV is: title, column names, descriptions and words in German, a
    decimal comma, days as ``31.12.2025``; the ``key`` column keeps its
    identifiers.

    Args:
        result: A result of the library (see `Result`).
        lang: ``"en"`` (default) or ``"de"``.

    Raises:
        InvalidTypeError: ``result`` is not a result this module exports.
        InvalidValueError: ``lang`` is not ``"en"`` or ``"de"``.

    Examples:
        >>> from kim_cooperation import presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> print(to_text(settlement.region("Nord")))
        Settlement 2023 – Region Nord, employer Stadt Coesfeld
        region  key        party          amount  clause
        Nord    costs                  170000.00  C8
        Nord    funding                137500.00  C5
        Nord    own_share               32500.00  C7
        Nord    part       Billerbeck    8125.00  C4
        Nord    part       Coesfeld      8125.00  C4
        Nord    part       Havixbeck     8125.00  C4
        Nord    part       Rosendahl     8125.00  C4
        Nord    billing    Billerbeck    8125.00  C9
        Nord    billing    Havixbeck     8125.00  C9
        Nord    billing    Rosendahl     8125.00  C9
        >>> for line in to_text(settlement.region("Nord"), lang="de").splitlines()[:3]:
        ...     print(line)
        Abrechnung 2023 – Region Nord, Anstellungskörperschaft Stadt Coesfeld
        Region  Kennung    Kommune        Betrag  Klausel
        Nord    costs                  170000,00  C8
    """
    _check_lang(lang)
    kind = _kind(result, what="to_text")
    records = kind.records(result)
    shown_columns = _shown_columns(kind, records)
    head = _head(shown_columns, lang)
    rows = [[_shown_in(record, column, lang) for column in shown_columns] for record in records]
    widths = [
        max([len(head[index]), *(len(row[index]) for row in rows)])
        for index in range(len(shown_columns))
    ]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            cell.rjust(width) if column in kind.money else cell.ljust(width)
            for column, cell, width in zip(shown_columns, cells, widths, strict=True)
        ).rstrip()

    return "\n".join([kind.title(result, lang), line(head), *(line(row) for row in rows)])


def _shown_columns(kind: _Kind[Any], records: Sequence[Record]) -> tuple[str, ...]:
    """The columns `to_text` and `to_html` show: with the description where key rows need it.

    The rows of a split key and of spans carry their figures in the
    description (I9, I10); other settlements show the usual columns.
    """
    if kind.columns is SETTLEMENT_COLUMNS and any(
        record["key"] in _KEY_ROWS for record in records
    ):
        index = kind.shown.index("key") + 1
        return (*kind.shown[:index], "description", *kind.shown[index:])
    return kind.shown


def to_html(result: Result, *, lang: Lang = "en") -> str:
    """Return a result's main columns as an HTML table, every text escaped.

    The result classes use this for Jupyter (``_repr_html_``, in English).
    The table has the class ``kim-cooperation``, a caption with the title,
    and money right-aligned with two places. With ``lang="de"`` it is
    German throughout, as `to_text` is.

    Args:
        result: A result of the library (see `Result`).
        lang: ``"en"`` (default) or ``"de"``.

    Raises:
        InvalidTypeError: ``result`` is not a result this module exports.
        InvalidValueError: ``lang`` is not ``"en"`` or ``"de"``.

    Examples:
        >>> from kim_cooperation import explain, presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> page = to_html(explain(settlement, "Billerbeck"))
        >>> print(page.splitlines()[1])
        <caption>Own share of Billerbeck in 2023, explained</caption>
        >>> print(to_html(settlement, lang="de").splitlines()[1])  # doctest: +ELLIPSIS
        <caption>Abrechnung 2023 – Kooperationsvereinbarung ...</caption>
        >>> "„Personalkosten inkl. Arbeitgeberanteil“" in page, "<td>C8</td>" in page
        (True, True)
    """
    _check_lang(lang)
    kind = _kind(result, what="to_html")
    records = kind.records(result)
    shown_columns = _shown_columns(kind, records)
    head = "".join(f"<th>{html.escape(column)}</th>" for column in _head(shown_columns, lang))
    body = []
    for record in records:
        cells = "".join(
            ('<td style="text-align: right">' if column in kind.money else "<td>")
            + html.escape(_shown_in(record, column, lang))
            + "</td>"
            for column in shown_columns
        )
        body.append(f"<tr>{cells}</tr>")
    return "\n".join(
        [
            '<table class="kim-cooperation">',
            f"<caption>{html.escape(kind.title(result, lang))}</caption>",
            f"<thead><tr>{head}</tr></thead>",
            "<tbody>",
            *body,
            "</tbody>",
            "</table>",
        ]
    )
