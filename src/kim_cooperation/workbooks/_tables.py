"""The table sheets: a title, a line on the figures, blocks of towns by years with formula totals.

`_write_table` fills one sheet from `kim_cooperation.projection._wide.Grid` blocks: the headings
(region, AGS, town, the years, a totals column), one row per town, a
``=SUM(…)`` formula for every total with the library's exact total as its
cached value, a rule above each totals row, the notes on the year marks
under the table, and the print setup (A4 landscape, one page wide, the
title rows on every page). `_headings` marks the years as
`Projection.table` does and `_marks` explains the marks that occur (C7,
C13); `_about` is the line under a scenario's or projection's title.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from kim_cooperation import _excel
from kim_cooperation.i18n import N_, translate
from kim_cooperation.projection._wide import Grid, year_heading, year_marks
from kim_cooperation.workbooks._grid import _CLAUSES

if TYPE_CHECKING:
    from openpyxl.styles import Alignment
    from openpyxl.worksheet.worksheet import Worksheet

    from kim_cooperation.formatting import Lang
    from kim_cooperation.projection import Projection

_FIRST_YEAR_COLUMN: Final = 4
"""Columns A to C hold region, AGS and town; the years start in D."""

_TABLE_WIDTHS: Final = (16, 11, 26)


def _headings(projection: Projection) -> list[str]:
    """The years as headings, marked as `Projection.table` marks them (C13)."""
    return [year_heading(result) for result in projection.results]


def _marks(projections: Sequence[Projection], lang: Lang) -> list[str]:
    """The notes on the marks of the year headings that occur (C7, C13)."""
    return year_marks(
        (result for projection in projections for result in projection.results), lang
    )


def _about(notes: str, lang: Lang) -> str:
    return translate(
        N_(
            "Own share of each town per year in euros ({clauses}); the clause of each figure "
            "and the cost plans are on the sheet “{notes}”"
        ),
        lang,
    ).format(clauses=_CLAUSES, notes=notes)


def _write_table(
    book: _excel.Book,
    sheet: Worksheet,
    *,
    title: str,
    about: str,
    blocks: Sequence[tuple[str | None, Grid]],
    headings: Sequence[str],
    marks: Sequence[str],
    lang: Lang,
) -> None:
    """Fill a sheet with a title, a line on its figures and blocks of towns by years.

    A block without a caption starts with its headings in row 4, the rows
    repeated on every printed page; blocks with captions repeat rows 1 to 2.
    """
    from openpyxl.styles import Font  # noqa: PLC0415 - optional dependency, imported lazily

    book.put(sheet, 1, 1, title, bold=True)
    sheet["A1"].font = Font(bold=True, size=13)
    book.put(sheet, 2, 1, about)
    columns = [
        translate(N_("Region"), lang),
        translate(N_("AGS"), lang),
        translate(N_("Town"), lang),
        *headings,
        translate(N_("Total"), lang),
    ]
    last_column = len(columns)
    row = 4
    for caption, table in blocks:
        rows, year_totals, total = table.rows, table.year_totals, table.total
        if caption is not None:
            book.put(sheet, row, 1, caption, bold=True)
            row += 1
        for column, heading in enumerate(columns, start=1):
            book.put(sheet, row, column, heading, bold=True)
            if column >= _FIRST_YEAR_COLUMN:
                sheet.cell(row=row, column=column).alignment = _right()
        first = row + 1
        last = first + len(rows) - 1
        for row, town in enumerate(rows, start=first):
            cells: tuple[_excel.Value, ...] = (town.region, town.ags, town.name, *town.values)
            for column, value in enumerate(cells, start=1):
                book.put(sheet, row, column, value)
            start, end = _letter(_FIRST_YEAR_COLUMN), _letter(last_column - 1)
            book.put(
                sheet,
                row,
                last_column,
                _excel.Formula(f"=SUM({start}{row}:{end}{row})", town.total),
                bold=True,
            )
        row = last + 1
        book.put(sheet, row, 3, translate(N_("Total"), lang), bold=True)
        for index, year_total in enumerate((*year_totals, total)):
            letter = _letter(_FIRST_YEAR_COLUMN + index)
            book.put(
                sheet,
                row,
                _FIRST_YEAR_COLUMN + index,
                _excel.Formula(f"=SUM({letter}{first}:{letter}{last})", year_total),
                bold=True,
            )
        _rule_above(sheet, row, last_column)
        row += 2
    for mark in marks:
        book.put(sheet, row, 1, mark)
        row += 1
    widths = [*_TABLE_WIDTHS, *(15 for _ in headings), 17]
    # Text beyond the last column is cut off in print: widen the towns' column to hold the
    # title (bold and larger, about 1.4 widths a character) and the line under it.
    needed = max(len(title) * 1.4, len(about) * 1.05, *(len(mark) * 1.05 for mark in marks))
    widths[2] += max(0, round(needed - sum(widths)))
    _excel.print_setup(
        sheet,
        title_rows=4 if blocks and blocks[0][0] is None else 2,
        last_row=max(row - 1, 4),
        last_column=last_column,
        lang=lang,
        widths=widths,
    )


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 - imported lazily

    return get_column_letter(column)


def _right() -> Alignment:
    from openpyxl.styles import Alignment  # noqa: PLC0415 - imported lazily

    return Alignment(horizontal="right", wrap_text=True)


def _rule_above(sheet: Worksheet, row: int, last_column: int) -> None:
    """A thin line above a totals row, as a printed statement has one."""
    from openpyxl.styles import Border, Side  # noqa: PLC0415 - imported lazily

    border = Border(top=Side(style="thin"))
    for column in range(1, last_column + 1):
        sheet.cell(row=row, column=column).border = border
