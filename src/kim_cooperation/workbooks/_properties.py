"""The document's properties: title, subject, author and keywords of a workbook."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kim_cooperation import _excel
from kim_cooperation.i18n import N_, translate
from kim_cooperation.workbooks._grid import _CLAUSES, _years

if TYPE_CHECKING:
    from kim_cooperation.formatting import Lang
    from kim_cooperation.projection import Projection


def _set_properties(
    book: _excel.Book,
    title: str,
    projection: Projection,
    lang: Lang,
    *,
    scenarios: Sequence[str] = (),
) -> None:
    """Title, subject, author and keywords of the document."""
    _excel.properties(
        book,
        title=title,
        subject=translate(N_("Own shares of the towns per year ({clauses})"), lang).format(
            clauses=_CLAUSES
        ),
        keywords=(
            projection.agreement.name,
            _years(projection.years),
            translate(N_("Own share"), lang),
            *scenarios,
            "kim_cooperation",
        ),
        lang=lang,
    )
