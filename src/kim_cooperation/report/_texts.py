"""What the reports share: the catalogue's texts, lists joined by "and", a column of amounts.

Each text of a report is written once, in English, with named fields, and
translated by `_say` before its fields are filled in; this module is the
only one of the package that calls `translate`, so a stand-in catalogue put
in its place sees every text of every report.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from types import MappingProxyType
from typing import Final

from kim_cooperation.formatting import Lang, format_eur_column
from kim_cooperation.i18n import N_, translate
from kim_cooperation.money import Money


def _say(template: str, lang: Lang, /, **fields: object) -> str:
    """``template``, an English catalogue text marked with `N_`, in ``lang``, its fields filled in.

    Translated before it is filled in, so the German text may order the
    fields as German needs; a text without fields is not filled in.
    """
    text = translate(template, lang)
    return text.format(**fields) if fields else text


def _joined(items: Sequence[str], lang: Lang) -> str:
    """``a and b and c``: each item joined to the ones before it by the catalogue's ``and``."""
    if not items:
        return ""
    joined = items[0]
    for item in items[1:]:
        joined = _say(N_("{first} and {second}"), lang, first=joined, second=item)
    return joined


def _table(
    rows: Iterable[tuple[str, Money | None, str]], lang: Lang, indent: str = "  "
) -> list[str]:
    """Labels, one column of amounts in one format (cents throughout or none), notes."""
    rows = list(rows)
    amounts = format_eur_column((amount for _, amount, _ in rows), lang=lang)
    label_width = max(len(label) for label, _, _ in rows)
    amount_width = max(len(amount) for amount in amounts)
    return [
        f"{indent}{label.ljust(label_width)}  {amount.rjust(amount_width)}"
        + (f"  {note}" if note else "")
        for (label, _, note), amount in zip(rows, amounts, strict=True)
    ]


_MAKE: Final = MappingProxyType(
    {
        "impact": "make one with financial_impact(settlement, party)",
        "region": "take one from settle(...).region(name)",
        "agreement": "build one with Agreement(...) or presets.coesfeld()",
        "settlement": "make one with settle(agreement, year, plan)",
        "deadline": "make one with notice_deadline(year)",
        "projection": "make one with projection.project(agreement, years, plans)",
        "comparison": "make one with scenario.compare(baseline, variants, years, plans)",
    }
)
"""How to get each object the renderers take, for the message when given something else."""
