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
`MONEY_FORMAT`; amounts Excel cannot hold to the cent are refused.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeAlias

from kim_cooperation import _atomic
from kim_cooperation.billing._periods import checked_lang, period_phrase, title_phrase
from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.errors import InvalidValueError, Phrase
from kim_cooperation.formatting import Lang, format_fraction
from kim_cooperation.i18n import N_, translate
from kim_cooperation.impact import Role
from kim_cooperation.money import to_cents

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from kim_cooperation.billing import BillingStatement

__all__ = ["MONEY_FORMAT", "write_workbook"]

MONEY_FORMAT: Final = "#,##0.00 €"
"""The number format of the workbook's money cells: ``8.125,00 €`` in a German Excel."""

_EXCEL_DIGITS: Final = 15
"""Excel stores numbers as binary floats and keeps 15 significant digits."""

_SHEET_NAME_LENGTH: Final = 31
_SHEET_NAME_FORBIDDEN: Final = re.compile(r"[\[\]:*?/\\]")

_ROLES: Final[Mapping[Role, str]] = {
    Role.EMPLOYER: N_("employer (bears it itself)"),
    Role.MEMBER: N_("member"),
}
"""The roles as the workbook names them: the employer bills nobody for its own part (C9)."""


def write_workbook(
    statements: tuple[BillingStatement, ...], path: str | os.PathLike[str], lang: Lang
) -> Path:
    """Write checked statements as a workbook, whole or not at all; see `write_billing_workbook`."""
    checked_lang(lang)
    try:
        from openpyxl import Workbook  # noqa: PLC0415 - optional dependency, imported lazily
    except ImportError as error:
        raise ModuleNotFoundError(
            "write_billing_workbook needs openpyxl; install it with "
            "pip install kim-cooperation[excel]",
            name="openpyxl",
        ) from error
    for statement in statements:
        _check_excel_amounts(statement)
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])
    for name, statement in zip(_sheet_names(statements), statements, strict=True):
        _write_sheet(workbook.create_sheet(name), statement, lang)
    target = Path(path)
    # Whole or not at all: an existing workbook survives a failure (see _atomic).
    _atomic.write_atomically(target, workbook.save)
    return target


def _plain_number(amount: Decimal) -> str:
    """The amount as a number in a cell's XML: ``-875.05``, ``32500`` (no exponent)."""
    cents = to_cents(amount)
    euros, rest = divmod(abs(cents), 100)
    sign = "-" if cents < 0 else ""
    return f"{sign}{euros}" if not rest else f"{sign}{euros}.{rest:02d}".rstrip("0")


def _check_excel_amounts(statement: BillingStatement) -> None:
    """Refuse a statement with an amount that Excel cannot hold to the cent."""
    amounts = [
        statement.costs,
        statement.funding,
        statement.own_share,
        statement.surplus,
        statement.billed_total,
        statement.advances_total,
        statement.balance_total,
    ]
    for entry in statement.entries:
        amounts += [entry.part, entry.advances]
    for amount in amounts:
        if abs(to_cents(amount)) >= 10**_EXCEL_DIGITS:
            raise InvalidValueError(
                N_(
                    "cannot write {amount} euros to Excel exactly: Excel keeps "
                    "{digits} significant digits, so amounts must stay below 10**13 "
                    "euros; use billing_csv or kim_cooperation.export instead"
                ),
                amount=amount,
                digits=_EXCEL_DIGITS,
            )


def _sheet_names(statements: tuple[BillingStatement, ...]) -> list[str]:
    """One name a statement, as Excel allows them; see `write_billing_workbook`."""
    employers = [statement.employer for statement in statements]
    names = []
    used: set[str] = set()
    for statement in statements:
        if employers.count(statement.employer) == 1:
            base = statement.employer.name
        else:
            base = f"{statement.employer.name} {statement.region.name} {statement.year}"
        base = _SHEET_NAME_FORBIDDEN.sub("_", base).strip("'") or "Sheet"
        name = base[:_SHEET_NAME_LENGTH]
        number = 1
        while name.casefold() in used:
            number += 1
            suffix = f" ({number})"
            name = base[: _SHEET_NAME_LENGTH - len(suffix)] + suffix
        used.add(name.casefold())
        names.append(name)
    return names


_SheetRow: TypeAlias = tuple[tuple[str | int | Decimal | None, ...], bool]
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
        (
            (
                None,
                text(N_("Total")),
                None,
                statement.parts_total,
                statement.advances_total,
                statement.balance_total,
            ),
            True,
        ),
    ]


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


def _write_sheet(sheet: Worksheet, statement: BillingStatement, lang: Lang) -> None:
    """Fill a new sheet with a statement's rows: money as exact numbers, text never a formula."""
    from openpyxl.cell.cell import Cell  # noqa: PLC0415 - optional dependency, imported lazily
    from openpyxl.styles import Font  # noqa: PLC0415 - optional dependency, imported lazily

    bold = Font(bold=True)
    for row, (values, strong) in enumerate(_sheet_rows(statement, lang), start=1):
        for column, value in enumerate(values, start=1):
            if value is None:
                continue
            cell = sheet.cell(row=row, column=column)
            if not isinstance(cell, Cell):  # pragma: no cover - a new sheet has no merged cells
                raise AssertionError(f"cell {cell.coordinate} is merged")
            if isinstance(value, Decimal):
                # openpyxl writes a Decimal through a float to 16 digits (9000.05 becomes
                # "9000.049999999999"); store the exact digits, read as the nearest double.
                cell._value = _plain_number(value)  # type: ignore[attr-defined]
                cell.data_type = "n"
                cell.number_format = MONEY_FORMAT
            else:
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula, whatever the text begins with
            if strong:
                cell.font = bold
    for letter, width in zip("ABCDEFG", (12, 44, 30, 22, 20, 30, 9), strict=True):
        sheet.column_dimensions[letter].width = width
