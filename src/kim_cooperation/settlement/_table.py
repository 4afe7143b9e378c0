"""A settlement as a table: its plain data, its rows and its title (C4–C10, I9, I10, I12).

`Settlement` and `RegionSettlement` build their `kim_cooperation.export`
forms here; the columns are `SETTLEMENT_COLUMNS`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Final

import attrs

from kim_cooperation import _plain, _table
from kim_cooperation._table import Record, TableKind
from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.errors import NoPopulationCountError
from kim_cooperation.formatting import Lang
from kim_cooperation.i18n import N_
from kim_cooperation.keys import KeyKind, PopulationCount, population_of

if TYPE_CHECKING:
    from kim_cooperation.agreement import Agreement
    from kim_cooperation.party import Party
    from kim_cooperation.settlement import RegionSettlement, Settlement

__all__ = [
    "REGION_SETTLEMENT_TABLE",
    "SETTLEMENT_COLUMNS",
    "SETTLEMENT_TABLE",
    "region_plain",
    "region_records",
    "region_title",
    "settlement_body",
    "settlement_plain",
    "settlement_records",
    "settlement_title",
]

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


_KEY_ROWS: Final = frozenset(
    {"split_key", "weight", "population", "span", "span_share", "year_share"}
)
"""The settlement rows that show the split key and the spans; they state no amount."""

SETTLEMENT_TABLE: Final = TableKind(
    name="settlement",
    columns=SETTLEMENT_COLUMNS,
    money=frozenset({"amount"}),
    shown=("region", "key", "party", "amount", "clause"),
    described=_KEY_ROWS,
)
"""How a `Settlement` is exported."""

REGION_SETTLEMENT_TABLE: Final = attrs.evolve(SETTLEMENT_TABLE, name="region_settlement")
"""How a `RegionSettlement` is exported: as a settlement, named as one region's."""


def settlement_title(settlement: Settlement, lang: Lang) -> str:
    """The title of a settlement's table in ``lang``."""
    return _table.title(
        N_("Settlement {year} – {agreement}"),
        lang,
        year=settlement.year,
        agreement=settlement.agreement.name,
    )


def region_title(region: RegionSettlement, lang: Lang) -> str:
    """The title of one region's settlement table in ``lang``."""
    return _table.title(
        N_("Settlement {year} – Region {region}, employer {employer}"),
        lang,
        year=region.year,
        region=region.region.name,
        employer=region.employer.title,
    )


def region_plain(region: RegionSettlement) -> dict[str, object]:
    """One region's settlement as plain data, without the agreement's counts of inhabitants."""
    return {"type": "region_settlement", **_region_settlement(region)}


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
                    "party": _table.party(party),
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
            {"party": _table.party(party), "weight": str(weight)}
            for party, weight in key.weights.items()
        ],
        "reference_day": _table.date(region.reference_day),
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


def _region_settlement(
    region: RegionSettlement, agreement: Agreement | None = None
) -> dict[str, object]:
    funding = region.funding
    return {
        "region": region.region.name,
        "year": region.year,
        "employer": _table.party(region.employer),
        "members": [_table.party(member) for member in region.region.members],
        "fte": str(region.region.fte),
        "costs": _plain.costs(region.costs),
        "funding": {
            "amount": _table.money(funding.amount),
            "clause": (Clause.C10 if funding.lost else funding.clause).value,
            "exact": str(funding.exact),
            "rounded": funding.is_rounded,
            "lost": funding.lost,
            "interpretation": funding.interpretation.value,
            "method": funding.method.value,
            "rates": [_plain.rate(rate) for rate in funding.rates],
            "posts": [
                {
                    "post": post.post.label,
                    "fte": str(post.post.fte),
                    "months": list(post.months),
                    "month_rates": [_table.money(rate.amount) for rate in post.month_rates],
                    "days": post.days,
                    "exact": str(post.exact),
                }
                for post in funding.posts
            ],
        },
        "own_share": _table.figure(region.own_share, region.clause),
        "surplus": _table.figure(region.surplus, Interpretation.I6),
        "split": _plain.split(region.split),
        "billing": [
            {
                "debtor": _table.party(line.debtor),
                "creditor": _table.party(line.creditor),
                "amount": _table.money(line.amount),
                "clause": line.clause.value,
            }
            for line in region.billing
        ],
        "billed_total": _table.figure(region.billed_total, Clause.C9),
        "split_key": _split_key(region, agreement),
        "spans": [_plain.span(span) for span in region.spans],
    }


def settlement_body(settlement: Settlement) -> dict[str, object]:
    """A settlement's year and regions as plain data (also within a projection's)."""
    return {
        "year": settlement.year,
        "regions": [
            _region_settlement(region, settlement.agreement) for region in settlement.regions
        ],
    }


def settlement_plain(settlement: Settlement) -> dict[str, object]:
    """A settlement as plain data; see `kim_cooperation.export.to_dict`."""
    return {
        "type": "settlement",
        "agreement": settlement.agreement.name,
        "policies": _plain.policies(settlement.agreement.policies),
        **settlement_body(settlement),
    }


def region_records(region: RegionSettlement, agreement: Agreement | None = None) -> list[Record]:
    """One region's rows, with the counts of inhabitants where the ``agreement`` is given."""

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
            day = _table.date(region.reference_day)
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


def settlement_records(settlement: Settlement) -> list[Record]:
    """A settlement's rows, region by region; see `kim_cooperation.export.to_records`."""
    return [
        record
        for region in settlement.regions
        for record in region_records(region, settlement.agreement)
    ]
