"""The notes sheet: the lines given, the clause and basis of every figure, the cost plans (C8).

`_write_notes` fills the sheet "Erläuterungen" ("Notes"): the caller's
lines and the library's version; a table naming, for every figure, its
year, region, town, own share, clause (C4, C7, C12, C13, with its heading)
and basis (`_basis`: settled, estimated run-on, …); and the cost plan of
every year and region, item by item (C8), with its source (see
`kim_cooperation.workbooks._growth`). For a comparison,
`_comparison_notes` gathers the figures of every scenario and lists the
plans a variant shares with the baseline once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kim_cooperation import _excel
from kim_cooperation.clauses import Clause
from kim_cooperation.costs import CostItem
from kim_cooperation.i18n import N_, translate
from kim_cooperation.scenario import BASELINE
from kim_cooperation.workbooks._grid import _CLAUSES

if TYPE_CHECKING:
    from openpyxl.styles import Alignment
    from openpyxl.worksheet.worksheet import Worksheet

    from kim_cooperation._table import Cell, Record
    from kim_cooperation.formatting import Lang
    from kim_cooperation.projection import Projection
    from kim_cooperation.scenario import Comparison


def _write_notes(
    book: _excel.Book,
    sheet: Worksheet,
    *,
    title: str,
    lines: Sequence[str],
    records: Sequence[tuple[str | None, str, Record]],
    plans: Sequence[tuple[str | None, Projection, Mapping[int, str]]],
    lang: Lang,
) -> None:
    """Fill the notes: the lines given, each figure's clause and basis, the cost plans (C8)."""
    from kim_cooperation import __version__  # noqa: PLC0415 - the package's version, not a cycle

    def text(template: str) -> str:
        return translate(template, lang)

    scenarios = bool(records) and records[0][0] is not None
    lead: tuple[str, ...] = (text(N_("Scenario")),) if scenarios else ()
    book.put(sheet, 1, 1, text(N_("Notes")) + f" – {title}", bold=True)
    row = 2
    for line in [
        *lines,
        translate(N_("Written by kim_cooperation {version}."), lang).format(version=__version__),
    ]:
        book.put(sheet, row, 1, line)
        row += 1
    row += 1
    book.put(
        sheet,
        row,
        1,
        text(N_("Clause and basis of each figure ({clauses})")).format(clauses=_CLAUSES),
        bold=True,
    )
    row += 1
    headings = (
        *lead,
        text(N_("Year")),
        text(N_("Region")),
        text(N_("AGS")),
        text(N_("Town")),
        text(N_("Own share")),
        text(N_("Clause")),
        text(N_("Basis")),
    )
    _heading_row(book, sheet, row, headings)
    for name, basis, record in records:
        row += 1
        cells: tuple[_excel.Value, ...] = (
            *((name,) if scenarios else ()),
            *(
                _value(record[key])
                for key in ("year", "region", "party_ags", "party", "own_share")
            ),
            _clause(str(record["clause"]), lang),
            text(basis),
        )
        for column, value in enumerate(cells, start=1):
            book.put(sheet, row, column, value)
        sheet.cell(row=row, column=len(lead) + 1).alignment = _left()
    row += 2
    book.put(sheet, row, 1, text(N_("Cost plans per year and region (C8)")), bold=True)
    row += 1
    items = tuple(CostItem)
    headings = (
        *lead,
        text(N_("Year")),
        text(N_("Region")),
        *(item.label_de if lang == "de" else item.label for item in items),
        text(N_("Total")),
        text(N_("Source")),
    )
    _heading_row(book, sheet, row, headings)
    last_column = max(len(headings), 8 + len(lead))
    for name, projection, sources in plans:
        for result in projection.results:
            for region, statement in result.plan.items():
                row += 1
                cells = (
                    *((name,) if scenarios else ()),
                    result.year,
                    region,
                    *(statement.amount(item) for item in items),
                    statement.total,
                    sources[result.year],
                )
                for column, value in enumerate(cells, start=1):
                    book.put(sheet, row, column, value)
                sheet.cell(row=row, column=len(lead) + 1).alignment = _left()
                sheet.cell(row=row, column=len(cells)).alignment = _left(indent=1)
    widths = (*((24,) if scenarios else ()), 8, 12, 18, 22, 18, 38, 50, 16, 90)
    _excel.print_setup(
        sheet, title_rows=1, last_row=row, last_column=last_column, lang=lang, widths=widths
    )


def _basis(projection: Projection, record: Record) -> str:
    """What a figure rests on, as the notes name it (the ``basis`` of `PROJECTION_COLUMNS`)."""
    year = record["year"]
    assert isinstance(year, int)  # every record of a projection has its year
    result = projection.result(year)
    if result.settlement is not None:
        if result.wind_down is None:
            return N_("settled")
        return N_("settled until the end, then the estimated run-on")
    return N_("ended, nothing runs on") if result.wind_down is None else N_("estimated run-on")


def _value(cell: Cell) -> _excel.Value:
    """A record's cell as the workbook holds it: text, a year, or money."""
    return (
        cell if isinstance(cell, str | int | Decimal) and not isinstance(cell, bool) else str(cell)
    )


def _heading_row(book: _excel.Book, sheet: Worksheet, row: int, headings: Sequence[str]) -> None:
    """Bold headings, wrapped; the row is made high enough for four lines (C8's long items)."""
    from openpyxl.styles import Alignment  # noqa: PLC0415 - imported lazily

    for column, heading in enumerate(headings, start=1):
        book.put(sheet, row, column, heading, bold=True)
        sheet.cell(row=row, column=column).alignment = Alignment(wrap_text=True, vertical="bottom")
    # Neither Excel nor LibreOffice grows a row for wrapped text written by a program.
    sheet.row_dimensions[row].height = 62


def _left(indent: int = 0) -> Alignment:
    from openpyxl.styles import Alignment  # noqa: PLC0415 - imported lazily

    return Alignment(horizontal="left", indent=indent)


def _clause(value: str, lang: Lang) -> str:
    """A clause with its heading: ``C4 Einsatz in den Kommunen``."""
    clause = Clause(value)
    return f"{clause.value} {clause.heading_de if lang == 'de' else clause.heading}"


def _comparison_notes(
    comparison: Comparison,
    names: Sequence[str],
    sources: Sequence[Mapping[int, str]],
    lang: Lang,
) -> tuple[
    list[tuple[str | None, str, Record]],
    list[tuple[str | None, Projection, Mapping[int, str]]],
    tuple[str, ...],
]:
    """The figures of every scenario, the plans to list, and a line naming the scenarios left out.

    A scenario's plans are listed unless they and their sources are the
    baseline's; the scenarios left out so are named in the line.

    Args:
        comparison: The comparison the workbook shows.
        names: The scenarios' names as the workbook shows them, the baseline first.
        sources: Where each scenario's plan of each year comes from (`_growth._sources`).
        lang: The language of the labels.

    Returns:
        The records with each one's scenario and basis, the scenarios whose
        plans are listed, and the line on the others (none if every
        scenario's plans are listed).
    """
    baseline = comparison.projections[0]
    records: list[tuple[str | None, str, Record]] = [
        (
            _scenario_name(str(record["scenario"]), lang),
            _basis(comparison.projection(str(record["scenario"])), record),
            record,
        )
        for record in _comparison_records(comparison)
    ]
    plans: list[tuple[str | None, Projection, Mapping[int, str]]] = []
    shared = []
    for shown_name, projection, source in zip(names, comparison.projections, sources, strict=True):
        if plans and _same_plans(projection, baseline) and source == sources[0]:
            shared.append(shown_name)
            continue
        plans.append((shown_name, projection, source))
    lines: tuple[str, ...] = ()
    if shared:
        lines += (
            translate(N_("The scenarios {names} use the baseline's cost plans."), lang).format(
                names=", ".join(shared)
            ),
        )
    return records, plans, lines


def _same_plans(projection: Projection, baseline: Projection) -> bool:
    return all(
        dict(projection.plan(year)) == dict(baseline.plan(year)) for year in projection.years
    )


def _scenario_name(name: str, lang: Lang) -> str:
    """A scenario's name: the baseline's in ``lang``, the others as the user gave them."""
    return translate(BASELINE, lang) if name == BASELINE else name


def _comparison_records(comparison: Comparison) -> list[Record]:
    return comparison._records()
