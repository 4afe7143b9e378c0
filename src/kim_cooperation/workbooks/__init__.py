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

The package's modules, for a reader of its code: the figures of a table
(towns by years, their totals) are the projection's grids
(`kim_cooperation.projection._wide`, which the notebook shows too);
``_grid`` lists the plans' amounts and holds the refusal of an amount Excel
cannot hold; ``_tables`` writes a table sheet, its year marks and
formula totals; ``_differences`` the differences sheet of a comparison;
``_notes`` the notes sheet, with each figure's clause and basis and the
cost plans; ``_growth`` the check of ``personnel_growth`` and each plan's
source; ``_properties`` the document's properties.

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
from collections.abc import Iterable, Mapping
from pathlib import Path

from kim_cooperation import _excel
from kim_cooperation._checks import Exact, check_lang, shown, tuple_of
from kim_cooperation.errors import InvalidTypeError
from kim_cooperation.formatting import Lang
from kim_cooperation.i18n import N_, translate
from kim_cooperation.projection import Projection
from kim_cooperation.projection._wide import difference_of, grid
from kim_cooperation.scenario import Comparison
from kim_cooperation.workbooks._differences import _write_differences
from kim_cooperation.workbooks._grid import _REFUSAL, _plan_amounts
from kim_cooperation.workbooks._growth import _rates, _sources
from kim_cooperation.workbooks._notes import (
    _basis,
    _comparison_notes,
    _scenario_name,
    _write_notes,
)
from kim_cooperation.workbooks._properties import _set_properties
from kim_cooperation.workbooks._tables import _about, _headings, _marks, _write_table

__all__ = ["write_comparison_workbook", "write_projection_workbook"]


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
    table = grid(projection, projection.own_share_of)
    _excel.check_amounts(table.amounts(), _REFUSAL)
    _excel.check_amounts(_plan_amounts(projection), _REFUSAL)
    sheet = book.sheet(translate(N_("Own shares"), lang))
    notes_sheet = book.sheet(translate(N_("Notes"), lang))
    title = projection._title(lang)
    _write_table(
        book,
        sheet,
        title=title,
        about=_about(notes_sheet.title, lang),
        blocks=[(None, table)],
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
        grid(projection, projection.own_share_of, parties) for projection in comparison.projections
    ]
    differences = [
        grid(comparison.projections[0], difference_of(comparison, name), parties)
        for name in comparison.names[1:]
    ]
    for table in (*grids, *differences):
        _excel.check_amounts(table.amounts(), _REFUSAL)
    for projection in comparison.projections:
        _excel.check_amounts(_plan_amounts(projection), _REFUSAL)
    book = _excel.Book("write_comparison_workbook")
    sheets = [book.sheet(name) for name in names]
    differences_sheet = book.sheet(translate(N_("Differences"), lang))
    notes_sheet = book.sheet(translate(N_("Notes"), lang))
    about = _about(notes_sheet.title, lang)
    for name, projection, table, sheet in zip(
        names, comparison.projections, grids, sheets, strict=True
    ):
        _write_table(
            book,
            sheet,
            title=f"{name}: {projection._title(lang)}",
            about=about,
            blocks=[(None, table)],
            headings=_headings(projection),
            marks=_marks([projection], lang),
            lang=lang,
        )
    _write_differences(
        book,
        differences_sheet,
        comparison,
        variants=names[1:],
        grids=differences,
        notes=notes_sheet.title,
        lang=lang,
    )
    records, plans, shared = _comparison_notes(comparison, names, sources, lang)
    comparison_title = comparison._title(lang)
    _write_notes(
        book,
        notes_sheet,
        title=comparison_title,
        lines=[*lines, *shared, *_marks(comparison.projections, lang)],
        records=records,
        plans=plans,
        lang=lang,
    )
    _set_properties(book, comparison_title, comparison.projections[0], lang, scenarios=names)
    return book.write(path)
