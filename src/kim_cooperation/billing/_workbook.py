"""The Excel workbook of the billing statements: one sheet per employer (C9, I10).

`kim_cooperation.billing.write_billing_workbook` checks the statements and
writes them here (needs the ``excel`` extra: ``pip install
kim-cooperation[excel]``; openpyxl is imported only when a workbook is
written). Each sheet holds one statement: its title, the agreement's facts,
the region's figures with their clauses (C8, C5 or C10, C7, I6, C9) and one
row per town with its part, advances and balance (C4 or C12, C9). Labels and
roles are catalogue texts (`kim_cooperation.i18n`), translated into the
workbook's language.

Money cells hold the exact digits of the `Decimal` amounts, formatted
`MONEY_FORMAT`; amounts Excel cannot hold to the cent are refused. The
totals row holds formulas (``=SUM(D16:D22)``) with the library's totals as
their cached values. Each sheet prints on A4 landscape, one page wide, its
title on every page. The cells, the limit, the print setup and the saving
are those of every workbook of the library (`kim_cooperation._excel`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeAlias

from kim_cooperation import _excel
from kim_cooperation.billing._periods import checked_lang, period_phrase, title_phrase
from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.errors import Phrase
from kim_cooperation.formatting import Lang, format_fraction
from kim_cooperation.i18n import N_, translate
from kim_cooperation.impact import Role

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from kim_cooperation.billing import BillingStatement

__all__ = ["MONEY_FORMAT", "write_workbook"]

MONEY_FORMAT: Final = _excel.MONEY_FORMAT
"""The number format of the workbook's money cells: ``8.125,00 €`` in a German Excel."""

_FIRST_FIGURE_ROW: Final = 9
"""The row of the region's costs, the first of its figures."""

_FIRST_TOWN_ROW: Final = 16
"""The row of the first town: under the region's figures and the towns' header."""

_WIDTHS: Final = (40, 30, 32, 22, 20, 34, 10)
"""Column A holds the labels of the facts and figures (up to 42 characters) and the AGS."""

_ROLES: Final[Mapping[Role, str]] = {
    Role.EMPLOYER: N_("employer (bears it itself)"),
    Role.MEMBER: N_("member"),
}
"""The roles as the workbook names them: the employer bills nobody for its own part (C9)."""

_REFUSAL: Final = N_(
    "cannot write {amount} euros to Excel exactly: Excel keeps "
    "{digits} significant digits, so amounts must stay below 10**13 "
    "euros; use billing_csv or kim_cooperation.export instead"
)


def write_workbook(
    statements: tuple[BillingStatement, ...], path: str | os.PathLike[str], lang: Lang
) -> Path:
    """Write checked statements as a workbook, whole or not at all; see `write_billing_workbook`."""
    checked_lang(lang)
    book = _excel.Book("write_billing_workbook")
    for statement in statements:
        _excel.check_amounts(_amounts(statement), _REFUSAL)
    for name, statement in zip(_sheet_names(statements), statements, strict=True):
        _write_sheet(book, book.sheet(name), statement, lang)
    first = statements[0]
    years = sorted({statement.year for statement in statements})
    _excel.properties(
        book,
        title=translate(N_("Annual billing {years} – {agreement}"), lang).format(
            years=", ".join(map(str, years)), agreement=first.agreement
        ),
        subject=translate(N_("Annual billing of the own shares (C9)"), lang),
        keywords=(first.agreement, *map(str, years), "C9"),
        lang=lang,
    )
    # Whole or not at all: an existing workbook survives a failure (see _atomic).
    return book.write(path)


def _amounts(statement: BillingStatement) -> list[Decimal]:
    """Every amount a statement's sheet holds."""
    amounts = [
        statement.costs,
        statement.funding,
        statement.own_share,
        statement.surplus,
        statement.billed_total,
        statement.parts_total,
        statement.advances_total,
        statement.balance_total,
    ]
    for entry in statement.entries:
        amounts += [entry.part, entry.advances]
        if entry.balance is not None:  # the employer bills itself nothing (C9)
            amounts.append(entry.balance)
    return amounts


def _sheet_names(statements: tuple[BillingStatement, ...]) -> list[str]:
    """One name a statement, before Excel's rules apply; see `write_billing_workbook`."""
    employers = [statement.employer for statement in statements]
    return [
        statement.employer.name
        if employers.count(statement.employer) == 1
        else f"{statement.employer.name} {statement.region.name} {statement.year}"
        for statement in statements
    ]


_SheetRow: TypeAlias = tuple[tuple[_excel.Value, ...], bool]
"""The cells of one row of a statement's sheet, and whether the row is bold."""


def _sheet_rows(statement: BillingStatement, lang: Lang) -> list[_SheetRow]:
    """The rows of a statement's sheet: title, facts, the region's figures, the towns (C9)."""

    def text(template: str) -> str:
        return translate(template, lang)

    figures = (
        (N_("Costs of the region"), statement.costs, Clause.C8),
        (N_("Funding"), statement.funding, statement.funding_clause),
        (N_("Own share"), statement.own_share, statement.own_share_clause),
        (N_("Funding beyond costs (not distributed)"), statement.surplus, Interpretation.I6),
        (N_("Billed to the other towns"), statement.billed_total, Clause.C9),
    )
    columns = (
        N_("AGS"),
        N_("Town"),
        N_("Role"),
        N_("Part of the own share"),
        N_("Advance payments"),
        N_("Balance (+ due, − refund)"),
        N_("Clause"),
    )
    return [
        ((title_phrase(statement).describe(lang),), True),
        ((text(N_("Agreement")), statement.agreement), False),
        ((text(N_("Budget year")), statement.year, *_period_cell(statement, lang)), False),
        ((text(N_("Region")), statement.region.name), False),
        (
            (text(N_("Employer")), statement.employer.title, statement.employer.ags),
            False,
        ),
        (
            (text(N_("Clauses")), ", ".join(clause.value for clause in statement.clauses)),
            False,
        ),
        ((), False),
        ((text(N_("Item")), text(N_("Amount")), text(N_("Clause"))), True),
        *(((text(label), amount, clause.value), False) for label, amount, clause in figures),
        ((), False),
        (tuple(text(column) for column in columns), True),
        *(
            (
                (
                    entry.party.ags,
                    entry.party.name,
                    text(_ROLES[entry.role]),
                    entry.part,
                    entry.advances,
                    entry.balance,
                    entry.clause.value,
                ),
                False,
            )
            for entry in statement.entries
        ),
        ((None, text(N_("Total")), None, *_totals(statement)), True),
    ]


def _totals(statement: BillingStatement) -> tuple[_excel.Formula, ...]:
    """The totals of parts, advances and balances: sums of the towns' rows (C9)."""
    first = _FIRST_TOWN_ROW
    last = first + len(statement.entries) - 1
    return tuple(
        _excel.Formula(f"=SUM({column}{first}:{column}{last})", total)
        for column, total in zip(
            "DEF",
            (statement.parts_total, statement.advances_total, statement.balance_total),
            strict=True,
        )
    )


def _period_cell(statement: BillingStatement, lang: Lang) -> tuple[str, ...]:
    """The period of a statement after a handover, next to the year: one cell, or none (I10)."""
    if not statement.spans:
        return ()
    cell = Phrase(
        N_("Billing {period} ({share} of the year)"),
        period=period_phrase(statement),
        share=format_fraction(statement.share_of_year),
    )
    return (cell.describe(lang),)


def _write_sheet(
    book: _excel.Book, sheet: Worksheet, statement: BillingStatement, lang: Lang
) -> None:
    """Fill a new sheet with a statement's rows and set it up for printing."""
    from openpyxl.styles import Alignment  # noqa: PLC0415 - optional dependency, imported lazily

    rows = _sheet_rows(statement, lang)
    for row, (values, strong) in enumerate(rows, start=1):
        for column, value in enumerate(values, start=1):
            book.put(sheet, row, column, value, bold=strong)
    # The clauses stand right of right-aligned amounts: indented, so "8.125,00 € C4" reads apart.
    indented = Alignment(indent=1)
    for row in range(_FIRST_FIGURE_ROW - 1, _FIRST_FIGURE_ROW + 5):
        sheet.cell(row=row, column=3).alignment = indented
    for row in range(_FIRST_TOWN_ROW - 1, len(rows) + 1):
        sheet.cell(row=row, column=7).alignment = indented
    _excel.print_setup(
        sheet,
        title_rows=1,
        last_row=len(rows),
        last_column=len(_WIDTHS),
        lang=lang,
        widths=_WIDTHS,
    )
