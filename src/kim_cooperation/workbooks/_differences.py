"""The differences sheet of a comparison: per variant, how much more or less each town bears.

`_write_differences` lays the variants' grids out on one sheet, one block
per variant with its name, as the table sheets are laid out (C4, C7, C12,
C13).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kim_cooperation import _excel
from kim_cooperation.i18n import N_, translate
from kim_cooperation.projection._wide import Grid
from kim_cooperation.workbooks._grid import _CLAUSES, _years
from kim_cooperation.workbooks._tables import _write_table

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from kim_cooperation.formatting import Lang
    from kim_cooperation.scenario import Comparison


def _write_differences(
    book: _excel.Book,
    sheet: Worksheet,
    comparison: Comparison,
    *,
    variants: Sequence[str],
    grids: Sequence[Grid],
    notes: str,
    lang: Lang,
) -> None:
    """Fill the differences sheet: one block per variant, named as the workbook names it.

    Args:
        book: The workbook being written.
        sheet: The sheet to fill.
        comparison: The comparison the workbook shows.
        variants: The variants' names as the workbook shows them.
        grids: Each variant's differences (`kim_cooperation.projection._wide.difference_of`), in the order of ``variants``.
        notes: The title of the notes sheet, which the line under the title names.
        lang: The language of the labels.
    """
    baseline = comparison.projections[0]
    _write_table(
        book,
        sheet,
        title=translate(N_("Differences against the baseline {years} – {agreement}"), lang).format(
            years=_years(comparison.years), agreement=baseline.agreement.name
        ),
        about=translate(
            N_(
                "How much more (positive) or less a town bears in each variant than in the "
                "baseline, in euros ({clauses}); notes on the sheet “{notes}”"
            ),
            lang,
        ).format(clauses=_CLAUSES, notes=notes),
        blocks=list(zip(variants, grids, strict=True)),
        headings=[str(year) for year in comparison.years],
        marks=[],
        lang=lang,
    )
