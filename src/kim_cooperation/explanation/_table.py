"""An explanation as a table: its plain data, its rows and its title.

`Explanation` builds its `kim_cooperation.export` forms here; the columns
are `EXPLANATION_COLUMNS`. The module holds plain data only and applies no
clause: each row is one step, with the clause the step names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from kim_cooperation import _table
from kim_cooperation._table import Record, TableKind
from kim_cooperation.formatting import Lang
from kim_cooperation.i18n import N_

if TYPE_CHECKING:
    from kim_cooperation.explanation import Explanation

__all__ = [
    "EXPLANATION_COLUMNS",
    "EXPLANATION_TABLE",
    "explanation_plain",
    "explanation_records",
    "explanation_title",
]

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


EXPLANATION_TABLE: Final = TableKind(
    name="explanation",
    columns=EXPLANATION_COLUMNS,
    money=frozenset({"amount"}),
    shown=("step", "text", "clause"),
)
"""How an `Explanation` is exported."""


def explanation_title(explanation: Explanation, lang: Lang) -> str:
    """The title of an explanation's table in ``lang``."""
    return _table.title(
        N_("Own share of {town} in {year}, explained"),
        lang,
        town=explanation.party.name,
        year=explanation.year,
    )


def explanation_plain(explanation: Explanation) -> dict[str, object]:
    """An explanation as plain data; see `kim_cooperation.export.to_dict`."""
    return {
        "type": "explanation",
        "party": _table.party(explanation.party),
        "year": explanation.year,
        "lang": explanation.lang,
        "steps": [
            {
                "step": number,
                "key": step.key,
                "text": step.text,
                "amount": _table.optional_money(step.amount),
                "clause": _table.clause(step.clause),
            }
            for number, step in enumerate(explanation.steps, start=1)
        ],
    }


def explanation_records(explanation: Explanation) -> list[Record]:
    """An explanation's rows: one per step, numbered from 1."""
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
            "clause": _table.clause(step.clause),
        }
        for number, step in enumerate(explanation.steps, start=1)
    ]
