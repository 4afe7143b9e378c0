"""Projections and scenario comparisons as Excel workbooks: towns by years (C4, C7, C8, C12, C13).

`write_projection_workbook` writes a `Projection`, `write_comparison_workbook`
a `Comparison`; both need the ``excel`` extra (``pip install
kim-cooperation[excel]``), imported only when a workbook is written.

Each table sheet holds the own share of each town (rows, grouped by region,
then by AGS) per year (columns), a totals column and a totals row; the
totals are formulas (``=SUM(D5:D15)``) with the library's exact totals as
their cached values. A comparison has one such sheet per scenario, the
baseline first, and a sheet of the differences against the baseline, one
block per variant. The sheet "Notes" ("Erläuterungen") names the clause and
the basis of every figure (the rows of `kim_cooperation.export.to_records`)
and the cost plan of each year and region with its source (C8); where the
caller says the plans were grown from a base plan (``personnel_growth``),
it checks that they were and marks the grown years as a planning
assumption.

Money cells hold the exact amounts with the number format ``#,##0.00 €``;
an amount Excel cannot hold to the cent is refused. Sheets print on A4
landscape, one page wide, their title rows on every page; the document's
title, subject, author and keywords are set. The file is written whole or
not at all (`kim_cooperation._atomic`). Labels are catalogue texts in
German (default) or English.

Examples:
    >>> import pathlib, tempfile
    >>> import openpyxl
    >>> from kim_cooperation import presets
    >>> from kim_cooperation.projection import project
    >>> projection = project(presets.coesfeld(), [2023, 2024], presets.coesfeld_cost_plan_2023())
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = write_projection_workbook(projection, pathlib.Path(folder) / "p.xlsx")
    ...     workbook = openpyxl.load_workbook(path)
    ...     sheet = workbook["Eigenanteile"]
    ...     print(workbook.sheetnames)
    ...     print([cell.value for cell in sheet[5]])
    ...     print(sheet["D9"].value, sheet["D5"].number_format)
    ['Eigenanteile', 'Erläuterungen']
    ['Nord', '05558008', 'Billerbeck', 8125, 8125, '=SUM(D5:E5)']
    =SUM(D5:D8) #,##0.00 €
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeAlias

from kim_cooperation import _excel, _table
from kim_cooperation._checks import Exact, check_lang, shown, to_fraction, tuple_of
from kim_cooperation.clauses import Clause
from kim_cooperation.costs import CostItem
from kim_cooperation.errors import InvalidTypeError, InvalidValueError, Phrase
from kim_cooperation.formatting import Lang, format_fraction, terminating_places
from kim_cooperation.i18n import N_, translate
from kim_cooperation.money import from_cents, to_cents
from kim_cooperation.projection import Projection, grow_plan
from kim_cooperation.scenario import BASELINE, Comparison

if TYPE_CHECKING:
    from collections.abc import Callable

    from openpyxl.styles import Alignment
    from openpyxl.worksheet.worksheet import Worksheet

    from kim_cooperation._table import Cell, Record
    from kim_cooperation.party import Party

__all__ = ["write_comparison_workbook", "write_projection_workbook"]

_REFUSAL: Final = N_(
    "cannot write {amount} euros to Excel exactly: Excel keeps {digits} significant digits, "
    "so amounts must stay below 10**13 euros; use kim_cooperation.export instead"
)

_FIRST_YEAR_COLUMN: Final = 4
"""Columns A to C hold region, AGS and town; the years start in D."""

_CLAUSES: Final = "C4, C7, C12, C13"


_TABLE_WIDTHS: Final = (16, 11, 26)
_NOTES_WIDTHS: Final = (18, 12, 30, 14, 12, 22, 16, 16, 16, 16, 16, 16, 60)


def write_projection_workbook(
    projection: Projection,
    path: str | os.PathLike[str],
    *,
    lang: Lang = "de",
    personnel_growth: Exact | None = None,
    notes: Iterable[str] = (),
) -> Path:
    """Write a projection as an Excel workbook: towns by years, with a notes sheet.

    Needs the ``excel`` extra (``pip install kim-cooperation[excel]``).

    The sheet "Eigenanteile" ("Own shares") has the title in row 1, a line
    on what the figures are in row 2 and the column headings in row 4:
    region, AGS, town, one column per year and a totals column. Rows 5 on
    hold one town each, grouped by region, then a totals row. A year's
    heading is marked as in `Projection.table`: ``2026+`` the agreement
    ends within the year, ``2027*`` estimated run-on only, ``2028–``
    nothing runs on (C13); the marks are explained under the table. The
    totals are formulas whose cached values are the library's totals.

    The sheet "Erläuterungen" ("Notes") lists the clause and basis of every
    figure (year, basis, region, AGS, town, own share, clause) and the cost
    plan of every year and region, item by item (C8), with its source.

    Args:
        projection: The projection, from `kim_cooperation.projection.project`.
        path: The file to write (``.xlsx``); an existing file is replaced,
            whole or not at all.
        lang: ``"de"`` (default) for German labels, or ``"en"``.
        personnel_growth: The yearly growth the projection grew its base
            plan by, if it did: the notes then name the first year's plan as
            the base and every later year's as a planning assumption, after
            checking that the plans are the base plan grown so. Without it the
            notes list the plans as used, without a source.
        notes: Lines the notes sheet shows first, such as where the costs
            come from ("Region Nord from the council paper 2023").

    Returns:
        The path written.

    Raises:
        InvalidTypeError: ``projection`` is not a `Projection`, a note is
            not a string, or the growth is a float.
        InvalidValueError: An unknown ``lang``; plans that are not the first
            year's plan grown by ``personnel_growth``; or an amount of
            10**13 euros or more, which Excel cannot hold to the cent.
        ModuleNotFoundError: openpyxl is not installed.

    Examples:
        >>> import pathlib, tempfile
        >>> from decimal import Decimal
        >>> import openpyxl
        >>> from kim_cooperation import presets
        >>> from kim_cooperation.projection import project
        >>> grown = project(presets.coesfeld(), [2023, 2024], presets.coesfeld_cost_plan_2023(),
        ...                 personnel_growth=Decimal("0.03"))
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = write_projection_workbook(grown, pathlib.Path(folder) / "p.xlsx",
        ...                                      lang="en", personnel_growth=Decimal("0.03"))
        ...     notes = openpyxl.load_workbook(path)["Notes"]
        ...     plans = [row for row in notes.iter_rows(values_only=True) if row[-1]]
        >>> [(row[0], row[2], row[-1]) for row in plans[1:]]  # doctest: +NORMALIZE_WHITESPACE
        [(2023, 163000, 'base plan'),
         (2024, 167890, 'planning assumption: personnel costs of the 2023 plan grown by 3 % a year, rounded to cents')]
    """
    lang = check_lang(lang)
    if not isinstance(projection, Projection):
        raise InvalidTypeError(
            f"projection must be a Projection, got {type(projection).__name__} {shown(projection)}"
        )
    lines = tuple_of(notes, str, what="notes")
    sources = _sources(projection, personnel_growth, lang)
    book = _excel.Book("write_projection_workbook")
    grid = _grid(projection, projection.own_share_of)
    _excel.check_amounts(_grid_amounts(grid), _REFUSAL)
    _excel.check_amounts(_plan_amounts(projection), _REFUSAL)
    sheet = book.sheet(translate(N_("Own shares"), lang))
    notes_sheet = book.sheet(translate(N_("Notes"), lang))
    title = projection._title(lang)
    _write_table(
        book,
        sheet,
        title=title,
        about=_about(notes_sheet.title, lang),
        blocks=[(None, grid)],
        headings=_headings(projection),
        marks=_marks([projection], lang),
        lang=lang,
    )
    _write_notes(
        book,
        notes_sheet,
        title=title,
        lines=[*lines, *_marks([projection], lang)],
        records=[(None, _basis(projection, record), record) for record in projection._records()],
        plans=[(None, projection, sources)],
        lang=lang,
    )
    _set_properties(book, title, projection, lang)
    return book.write(path)


def write_comparison_workbook(
    comparison: Comparison,
    path: str | os.PathLike[str],
    *,
    lang: Lang = "de",
    personnel_growth: Exact | Mapping[str, Exact] | None = None,
    notes: Iterable[str] = (),
) -> Path:
    r"""Write a scenario comparison as an Excel workbook: one sheet per scenario, the differences.

    Needs the ``excel`` extra (``pip install kim-cooperation[excel]``).

    One sheet per scenario, the baseline first ("Basis", "baseline"), each
    laid out as the sheet of `write_projection_workbook`; then the sheet
    "Differenzen" ("Differences"): for each variant a block with its name,
    the headings and, per town and year, how much more (positive) or less
    it bears than in the baseline (`Comparison.difference`), with totals;
    then the notes: the clause and basis of every figure of every scenario
    and the cost plans. Plans the variants share with the baseline are
    listed once. Sheet names are the scenario names as Excel allows them
    (at most 31 characters, ``[]:*?/\`` replaced by ``_``, repeats numbered).

    Args:
        comparison: The comparison, from `kim_cooperation.scenario.compare`.
        path: The file to write (``.xlsx``); an existing file is replaced,
            whole or not at all.
        lang: ``"de"`` (default) for German labels, or ``"en"``.
        personnel_growth: The yearly growth the scenarios grew their base
            plan by, one rate for all or a rate per scenario name (a
            `Variant` with its own growth); see `write_projection_workbook`.
            Scenarios a mapping leaves out are listed without a source.
        notes: Lines the notes sheet shows first.

    Returns:
        The path written.

    Raises:
        InvalidTypeError: ``comparison`` is not a `Comparison`, a note is not
            a string, or a growth is a float.
        InvalidValueError: An unknown ``lang``, a growth for an unknown
            scenario, plans that are not grown as said, or an amount of
            10**13 euros or more.
        ModuleNotFoundError: openpyxl is not installed.

    Examples:
        >>> import datetime as dt, pathlib, tempfile
        >>> import openpyxl
        >>> from kim_cooperation import presets, scenario
        >>> base = presets.coesfeld()
        >>> comparison = scenario.compare(
        ...     base, {"Rosendahl leaves": base.give_notice("Rosendahl", dt.date(2024, 6, 30))},
        ...     [2025, 2026], presets.coesfeld_cost_plan_2023())
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = write_comparison_workbook(comparison, pathlib.Path(folder) / "c.xlsx")
        ...     workbook = openpyxl.load_workbook(path, data_only=True)
        ...     print(workbook.sheetnames)
        ...     print([cell.value for cell in workbook["Differenzen"][9]])
        ['Basis', 'Rosendahl leaves', 'Differenzen', 'Erläuterungen']
        ['Nord', '05558040', 'Rosendahl', 0, -8125, -8125]
    """
    lang = check_lang(lang)
    if not isinstance(comparison, Comparison):
        raise InvalidTypeError(
            f"comparison must be a Comparison, got {type(comparison).__name__} {shown(comparison)}"
        )
    lines = tuple_of(notes, str, what="notes")
    rates = _rates(comparison, personnel_growth)
    names = [_scenario_name(name, lang) for name in comparison.names]
    sources = [
        _sources(projection, rates.get(name), lang)
        for name, projection in zip(comparison.names, comparison.projections, strict=True)
    ]
    parties = comparison.parties
    grids = [
        _grid(projection, projection.own_share_of, parties)
        for projection in comparison.projections
    ]
    differences = [
        _grid(comparison.projections[0], _difference(comparison, name), parties)
        for name in comparison.names[1:]
    ]
    for grid in (*grids, *differences):
        _excel.check_amounts(_grid_amounts(grid), _REFUSAL)
    for projection in comparison.projections:
        _excel.check_amounts(_plan_amounts(projection), _REFUSAL)
    book = _excel.Book("write_comparison_workbook")
    sheets = [book.sheet(name) for name in names]
    differences_sheet = book.sheet(translate(N_("Differences"), lang))
    notes_sheet = book.sheet(translate(N_("Notes"), lang))
    about = _about(notes_sheet.title, lang)
    for name, projection, grid, sheet in zip(
        names, comparison.projections, grids, sheets, strict=True
    ):
        _write_table(
            book,
            sheet,
            title=f"{name}: {projection._title(lang)}",
            about=about,
            blocks=[(None, grid)],
            headings=_headings(projection),
            marks=_marks([projection], lang),
            lang=lang,
        )
    baseline = comparison.projections[0]
    _write_table(
        book,
        differences_sheet,
        title=translate(N_("Differences against the baseline {years} – {agreement}"), lang).format(
            years=_years(comparison.years), agreement=baseline.agreement.name
        ),
        about=translate(
            N_(
                "How much more (positive) or less a town bears in each variant than in the "
                "baseline, in euros ({clauses}); notes on the sheet “{notes}”"
            ),
            lang,
        ).format(clauses=_CLAUSES, notes=notes_sheet.title),
        blocks=list(zip(names[1:], differences, strict=True)),
        headings=[str(year) for year in comparison.years],
        marks=[],
        lang=lang,
    )
    records = [
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
    if shared:
        lines += (
            translate(N_("The scenarios {names} use the baseline's cost plans."), lang).format(
                names=", ".join(shared)
            ),
        )
    comparison_title = comparison._title(lang)
    _write_notes(
        book,
        notes_sheet,
        title=comparison_title,
        lines=[*lines, *_marks(comparison.projections, lang)],
        records=records,
        plans=plans,
        lang=lang,
    )
    _set_properties(book, comparison_title, baseline, lang, scenarios=names)
    return book.write(path)


# --- The tables -------------------------------------------------------------------------------

_Amount: TypeAlias = "Callable[[Party, int], Decimal]"
"""How a table gets a town's amount for a year."""

_Row: TypeAlias = tuple[str, str, str, tuple[Decimal, ...], Decimal]
"""One town's row: region, AGS, town, one amount per year, and its total."""

_Grid: TypeAlias = tuple[tuple[_Row, ...], tuple[Decimal, ...], Decimal]
"""A table: the towns' rows, the total of each year, and the grand total."""


def _grid(
    projection: Projection,
    amount: _Amount,
    parties: Sequence[Party] | None = None,
) -> _Grid:
    """The towns by years: each town's amounts, grouped by region in the agreement's order."""
    agreement = projection.agreement
    years = projection.years
    chosen = projection.parties if parties is None else parties
    order = {region: index for index, region in enumerate(agreement.regions)}
    ordered = sorted(chosen, key=lambda party: (order[agreement.region_of(party)], party.ags))
    rows = []
    for party in ordered:
        values = tuple(amount(party, year) for year in years)
        rows.append(
            (
                agreement.region_of(party).name,
                party.ags,
                party.name,
                values,
                _sum(values),
            )
        )
    year_totals = tuple(_sum(row[3][index] for row in rows) for index in range(len(years)))
    return tuple(rows), year_totals, _sum(year_totals)


def _difference(comparison: Comparison, name: str) -> _Amount:
    """A variant's difference against the baseline, per town and year."""

    def difference(party: Party, year: int) -> Decimal:
        return comparison.difference(name, party, year)

    return difference


def _sum(amounts: Iterable[Decimal]) -> Decimal:
    return from_cents(sum(to_cents(amount) for amount in amounts))


def _grid_amounts(grid: _Grid) -> list[Decimal]:
    rows, year_totals, total = grid
    return [
        *(value for row in rows for value in (*row[3], row[4])),
        *year_totals,
        total,
    ]


def _plan_amounts(projection: Projection) -> list[Decimal]:
    return [
        amount
        for result in projection.results
        for statement in result.plan.values()
        for amount in (*(statement.amount(item) for item in CostItem), statement.total)
    ]


def _headings(projection: Projection) -> list[str]:
    """The years as headings, marked as `Projection.table` marks them (C13)."""
    headings = []
    for result in projection.results:
        if result.settlement is not None:
            mark = "+" if result.wind_down is not None else ""
        else:
            mark = "*" if result.wind_down is not None else "–"
        headings.append(f"{result.year}{mark}")
    return headings


def _marks(projections: Sequence[Projection], lang: Lang) -> list[str]:
    """The notes on the marks of the year headings that occur (C7, C13)."""
    results = [result for projection in projections for result in projection.results]
    notes = []
    if any(r.settlement is not None and r.wind_down is not None for r in results):
        notes.append(
            N_(
                "+ the agreement ends within the year: the own share until the end, then the "
                "run-on estimated from the cost plan (C7, C13)"
            )
        )
    if any(r.settlement is None and r.wind_down is not None for r in results):
        notes.append(N_("* run-on after the end, estimated from the cost plan (C13)"))
    if any(r.settlement is None and r.wind_down is None for r in results):
        notes.append(N_("– agreement ended, nothing runs on"))
    return [translate(note, lang) for note in notes]


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
    blocks: Sequence[tuple[str | None, _Grid]],
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
    for caption, (rows, year_totals, total) in blocks:
        if caption is not None:
            book.put(sheet, row, 1, caption, bold=True)
            row += 1
        for column, heading in enumerate(columns, start=1):
            book.put(sheet, row, column, heading, bold=True)
            if column >= _FIRST_YEAR_COLUMN:
                sheet.cell(row=row, column=column).alignment = _right()
        first = row + 1
        last = first + len(rows) - 1
        for row, (region, ags, town, values, town_total) in enumerate(rows, start=first):
            cells: tuple[_excel.Value, ...] = (region, ags, town, *values)
            for column, value in enumerate(cells, start=1):
                book.put(sheet, row, column, value)
            start, end = _letter(_FIRST_YEAR_COLUMN), _letter(last_column - 1)
            book.put(
                sheet,
                row,
                last_column,
                _excel.Formula(f"=SUM({start}{row}:{end}{row})", town_total),
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


# --- The notes ------------------------------------------------------------------------------


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


def _sources(projection: Projection, growth: Exact | None, lang: Lang) -> dict[int, str]:
    """Where each year's plan comes from: the base plan, or grown from it (a planning assumption).

    Raises:
        InvalidValueError: A plan is not the first year's grown by ``growth``.
    """
    years = projection.years
    if growth is None:
        return {year: translate(N_("cost plan used for the year"), lang) for year in years}
    rate = to_fraction(growth, what="personnel_growth")
    first = years[0]
    base = projection.plan(first)
    sources = {first: translate(N_("base plan"), lang)}
    for year in years[1:]:
        if dict(grow_plan(base, year - first, growth)) != dict(projection.plan(year)):
            raise InvalidValueError(
                N_(
                    "the cost plan of {year} is not the {first} plan with its personnel costs "
                    "grown by {growth} a year; pass the personnel_growth the projection was "
                    "made with, or none"
                ),
                year=year,
                first=first,
                growth=shown(growth),
            )
        template = (
            N_("planning assumption: the {first} plan, unchanged")
            if rate == 0
            else N_(
                "planning assumption: personnel costs of the {first} plan grown by {rate} % a "
                "year, rounded to cents"
            )
        )
        sources[year] = Phrase(template, first=first, rate=_percent(rate)).describe(lang)
    return sources


def _percent(rate: Fraction) -> Decimal | str:
    """A rate in percent, exactly: ``3``, ``2.75`` (a comma in German), or ``100/3``."""
    percent = rate * 100
    places = terminating_places(percent.denominator)
    if places is None:
        return format_fraction(percent)
    return Decimal(percent.numerator * 10**places // percent.denominator).scaleb(-places)


def _rates(comparison: Comparison, growth: Exact | Mapping[str, Exact] | None) -> dict[str, Exact]:
    """The growth of each scenario's plans, by scenario name."""
    if growth is None:
        return {}
    if not isinstance(growth, Mapping):
        return dict.fromkeys(comparison.names, growth)
    for name in growth:
        if name not in comparison.names:
            raise InvalidValueError(
                N_("personnel_growth names no scenario {name}; scenarios are {names}"),
                name=shown(name),
                names=list(comparison.names),
            )
    return dict(growth)


def _same_plans(projection: Projection, baseline: Projection) -> bool:
    return all(
        dict(projection.plan(year)) == dict(baseline.plan(year)) for year in projection.years
    )


def _scenario_name(name: str, lang: Lang) -> str:
    """A scenario's name: the baseline's in ``lang``, the others as the user gave them."""
    return translate(BASELINE, lang) if name == BASELINE else name


def _comparison_records(comparison: Comparison) -> list[Record]:
    return comparison._records()


def _years(years: Sequence[int]) -> str:
    return _table.years(list(years))


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
