"""A wind-down as a table: its plain data, its rows and its title (C13, I5, I6, I13).

`WindDown` and `RegionWindDown` build their `kim_cooperation.export` forms
here; the columns are `WIND_DOWN_COLUMNS`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Final

import attrs

from kim_cooperation import _plain, _table
from kim_cooperation._table import Record, TableKind
from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.formatting import Lang
from kim_cooperation.i18n import N_

if TYPE_CHECKING:
    from kim_cooperation.party import Party
    from kim_cooperation.post import Post
    from kim_cooperation.winddown import PostRunOn, RegionWindDown, RunOnPeriod, WindDown

__all__ = [
    "REGION_WIND_DOWN_TABLE",
    "WIND_DOWN_COLUMNS",
    "WIND_DOWN_TABLE",
    "agreement_end",
    "region_plain",
    "region_records",
    "region_title",
    "wind_down_body",
    "wind_down_plain",
    "wind_down_records",
    "wind_down_title",
]

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


WIND_DOWN_TABLE: Final = TableKind(
    name="wind_down",
    columns=WIND_DOWN_COLUMNS,
    money=frozenset({"amount"}),
    shown=("region", "key", "post", "first_day", "last_day", "party", "amount", "clause"),
)
"""How a `WindDown` is exported."""

REGION_WIND_DOWN_TABLE: Final = attrs.evolve(WIND_DOWN_TABLE, name="region_wind_down")
"""How a `RegionWindDown` is exported: as a wind-down, named as one region's."""


def wind_down_title(wind_down: WindDown, lang: Lang) -> str:
    """The title of a wind-down's table in ``lang``."""
    return _table.title(
        N_("Wind-down after {day} (C13)"), lang, day=_table.day(wind_down.agreement_end, lang)
    )


def region_title(region: RegionWindDown, lang: Lang) -> str:
    """The title of one region's wind-down table in ``lang``."""
    return _table.title(
        N_("Wind-down of Region {region} after {day} (C13)"),
        lang,
        region=region.region.name,
        day=_table.day(agreement_end(region), lang),
    )


def wind_down_plain(wind_down: WindDown) -> dict[str, object]:
    """A wind-down as plain data; see `kim_cooperation.export.to_dict`."""
    return {"type": "wind_down", **wind_down_body(wind_down)}


def region_plain(region: RegionWindDown) -> dict[str, object]:
    """One region's wind-down as plain data."""
    return {"type": "region_wind_down", **_region_wind_down(region)}


def wind_down_records(wind_down: WindDown) -> list[Record]:
    """A wind-down's rows, region by region; see `kim_cooperation.export.to_records`."""
    return [record for region in wind_down.regions for record in region_records(region)]


def _period(post: Post, period: RunOnPeriod) -> dict[str, object]:
    return {
        "post": post.label,
        "fte": str(post.fte),
        "employment_end": _table.date(period.employment_end),
        "first_day": _table.date(period.first_day),
        "last_day": _table.date(period.last_day),
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
        "given_costs": _plain.costs(item.given.costs),
        "given_funding": _table.money(item.given.funding),
        "costs": _plain.costs(item.costs),
        "funding": _table.figure(item.funding, Interpretation.I5),
        "clause": item.clause.value,
    }


def _region_wind_down(region: RegionWindDown) -> dict[str, object]:
    return {
        "region": region.region.name,
        "agreement_end": agreement_end(region).isoformat(),
        "last_day": _table.date(region.last_day),
        "periods": [_period(post, period) for post, period in region.periods],
        "posts": [_post_run_on(item) for item in region.posts],
        "costs": _plain.costs(region.costs),
        "funding": _table.figure(region.funding.amount, Interpretation.I5),
        "net": _table.figure(region.net, Clause.C13),
        "surplus": _table.figure(region.surplus, Interpretation.I6),
        "key": region.key.kind.value,
        "reference_day": _table.date(region.reference_day),
        "interpretation": region.interpretation.value,
        "split": _plain.split(region.split),
    }


def wind_down_body(wind_down: WindDown) -> dict[str, object]:
    """A wind-down's end and regions as plain data (also within a projection's)."""
    return {
        "agreement_end": wind_down.agreement_end.isoformat(),
        "clause": wind_down.clause.value,
        "regions": [_region_wind_down(region) for region in wind_down.regions],
    }


def agreement_end(region: RegionWindDown) -> dt.date:
    """The last day of the agreement a region's wind-down follows."""
    # A region has at least one post, and each period records the agreement's end.
    return region.periods[0][1].agreement_end


def region_records(region: RegionWindDown) -> list[Record]:
    """One region's wind-down rows; see `kim_cooperation.export.to_records`."""

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
            "agreement_end": agreement_end(region),
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
    return f": {_table.money(given)} a month for {length} months"
