"""A financial impact as a table: its plain data, its rows and its title (C7, C9).

`FinancialImpact` builds its `kim_cooperation.export` forms here; the
columns are `IMPACT_COLUMNS`.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from kim_cooperation import _table
from kim_cooperation._table import Record, TableKind
from kim_cooperation.clauses import Clause
from kim_cooperation.formatting import Lang
from kim_cooperation.i18n import N_, translate

if TYPE_CHECKING:
    from kim_cooperation.impact import FinancialImpact, ImpactLine

__all__ = ["IMPACT_COLUMNS", "IMPACT_TABLE", "impact_plain", "impact_records", "impact_title"]

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


IMPACT_TABLE: Final = TableKind(
    name="financial_impact",
    columns=IMPACT_COLUMNS,
    money=frozenset({"amount"}),
    shown=("table", "label", "amount", "clause"),
)
"""How a `FinancialImpact` is exported."""

_LAYOUTS: Final = MappingProxyType({"council-paper": N_("council-paper"), "nkf": N_("nkf")})
"""The layouts' names in a title; German names them ``Ratsvorlage`` and ``NKF``."""


def impact_title(item: FinancialImpact, lang: Lang, *, employer: bool) -> str:
    """The title of a financial impact's table in ``lang``: the town, its role, the layout."""
    template = (
        N_("Financial impact {year} – {party}, employer of Region {region} ({layout} layout)")
        if employer
        else N_("Financial impact {year} – {party}, member of Region {region} ({layout} layout)")
    )
    return _table.title(
        template,
        lang,
        year=item.year,
        party=item.party.title,
        region=item.region.region.name,
        layout=translate(_LAYOUTS[item.layout.value], lang),
    )


def _impact_line(line: ImpactLine) -> dict[str, object]:
    return {
        "key": line.key,
        "label": line.label,
        "label_en": line.label_en,
        "amount": _table.optional_money(line.amount),
        "clause": _table.clause(line.clause),
        "is_total": line.is_total,
    }


def impact_plain(impact: FinancialImpact) -> dict[str, object]:
    """A financial impact as plain data; see `kim_cooperation.export.to_dict`."""
    return {
        "type": "financial_impact",
        "party": _table.party(impact.party),
        "year": impact.year,
        "region": impact.region.region.name,
        "role": impact.role.value,
        "layout": impact.layout.value,
        "recurring": impact.recurring,
        "own_share": _table.figure(impact.own_share, Clause.C7),
        "finance": [_impact_line(line) for line in impact.finance],
        "result": [_impact_line(line) for line in impact.result],
    }


def impact_records(impact: FinancialImpact) -> list[Record]:
    """A financial impact's rows: the finance statement's lines, then the result statement's."""
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
            "clause": _table.clause(line.clause),
            "is_total": line.is_total,
        }
        for table, lines in (("finance", impact.finance), ("result", impact.result))
        for line in lines
    ]
