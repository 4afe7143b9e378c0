"""A billing statement as a table: its plain data and its rows (C9).

`BillingStatement` builds its `kim_cooperation.export` forms here; the
columns are `BILLING_COLUMNS`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from kim_cooperation import _plain, _table
from kim_cooperation._table import Record, TableKind
from kim_cooperation.clauses import Clause, Interpretation

if TYPE_CHECKING:
    from kim_cooperation.billing import BillingStatement

__all__ = ["BILLING_COLUMNS", "BILLING_TABLE", "billing_plain", "billing_records"]

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


BILLING_TABLE: Final = TableKind(
    name="billing_statement",
    columns=BILLING_COLUMNS,
    money=frozenset({"part", "advances", "balance"}),
    shown=("party_ags", "party", "role", "part", "advances", "balance", "clause"),
)
"""How a `BillingStatement` is exported."""


def billing_plain(statement: BillingStatement) -> dict[str, object]:
    """A billing statement as plain data; see `kim_cooperation.export.to_dict`."""
    return {
        "type": "billing_statement",
        "title": statement.title,
        "title_en": statement.title_en,
        "agreement": statement.agreement,
        "year": statement.year,
        "region": statement.region.name,
        "employer": _table.party(statement.employer),
        "clauses": [clause.value for clause in statement.clauses],
        "costs": _table.figure(statement.costs, Clause.C8),
        "funding": _table.figure(statement.funding, statement.funding_clause),
        "own_share": _table.figure(statement.own_share, statement.own_share_clause),
        "surplus": _table.figure(statement.surplus, Interpretation.I6),
        "billed_total": _table.figure(statement.billed_total, Clause.C9),
        "advances_total": _table.figure(statement.advances_total, Clause.C9),
        "balance_total": _table.figure(statement.balance_total, Clause.C9),
        "parts_total": _table.figure(statement.parts_total, Clause.C9),
        "share_of_year": str(statement.share_of_year),
        "spans": [_plain.span(span) for span in statement.spans],
        "entries": [
            {
                "party": _table.party(entry.party),
                "role": entry.role.value,
                "part": _table.money(entry.part),
                "clause": entry.clause.value,
                "extra_cent": entry.extra_cent,
                "advances": _table.money(entry.advances),
                "balance": _table.optional_money(entry.balance),
            }
            for entry in statement.entries
        ],
    }


def billing_records(statement: BillingStatement) -> list[Record]:
    """A billing statement's rows: one per town (C9)."""
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
