"""The pieces every Excel workbook of the library shares: exact money cells, print setup, saving.

`kim_cooperation.billing.write_billing_workbook` and the workbooks of
`kim_cooperation.workbooks` write their cells through `Book.put`: money as
the exact digits of its `Decimal` with the number format `MONEY_FORMAT`,
text never read as a formula, a `Formula` (a total) as a formula with the
library's exact total as its cached value. `check_amounts` refuses an amount
Excel cannot hold to the cent; `print_setup` makes a sheet print as a finance
officer files it (A4 landscape, as wide as the page, its title rows on every
page, page numbers); `properties` fills in the document's title, subject,
author and keywords; `Book.write` writes the file whole or not at all.

openpyxl (the ``excel`` extra) is imported only when a `Book` is made and by
the functions that get its objects, never when this module is imported.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeAlias

import attrs

from kim_cooperation import _atomic
from kim_cooperation.errors import InvalidValueError, MissingExtraError
from kim_cooperation.formatting import Lang
from kim_cooperation.i18n import N_, translate
from kim_cooperation.money import to_cents

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "EXCEL_DIGITS",
    "MONEY_FORMAT",
    "Book",
    "Formula",
    "check_amounts",
    "plain_number",
    "print_setup",
    "properties",
    "sheet_title",
]

MONEY_FORMAT: Final = "#,##0.00 €"
"""The number format of money cells: ``8.125,00 €`` in a German Excel."""

EXCEL_DIGITS: Final = 15
"""Excel stores numbers as binary floats and keeps 15 significant digits."""

CREATOR: Final = "kim_cooperation"
"""The author every workbook names in its document properties."""

_SHEET_NAME_LENGTH: Final = 31
_SHEET_NAME_FORBIDDEN: Final = re.compile(r"[\[\]:*?/\\]")


@attrs.frozen
class Formula:
    """A total's formula, such as ``=SUM(D5:D9)``, and the exact total it comes to.

    The total is stored with the formula as its cached value, so a program
    that does not calculate (a viewer, pandas, openpyxl) shows the library's
    figure; Excel and LibreOffice calculate the formula again on opening.
    Plain text is never written as a formula.
    """

    text: str
    total: Decimal


Value: TypeAlias = str | int | Decimal | Formula | None
"""What a cell may hold: text, a count or year, money, a formula, or nothing."""


class Book:
    """A workbook being written: its sheets, and the cached totals of its formulas.

    Args:
        what: The function that writes it, named in the missing-extra error.

    Raises:
        ModuleNotFoundError: openpyxl is not installed; the message names the extra.
    """

    def __init__(self, what: str) -> None:
        try:
            from openpyxl import Workbook  # noqa: PLC0415 - optional dependency, imported lazily
        except ImportError as error:
            raise MissingExtraError(
                what, package="openpyxl", extra="excel", module="openpyxl"
            ) from error
        self.workbook = Workbook()
        self.workbook.remove(self.workbook.worksheets[0])
        self._used: set[str] = set()
        self._cached: dict[tuple[int, str], str] = {}

    def sheet(self, name: str) -> Worksheet:
        """A new sheet at the end, its name made valid and unique (`sheet_title`)."""
        sheet: Worksheet = self.workbook.create_sheet(sheet_title(name, self._used))
        return sheet

    def put(
        self, sheet: Worksheet, row: int, column: int, value: Value, *, bold: bool = False
    ) -> None:
        """Write one cell: money exact with `MONEY_FORMAT`, text never a formula, a `Formula` as one.

        A `Formula` gets `MONEY_FORMAT` too (every formula is a total of
        money) and its total as the cached value.
        """
        if value is None:
            return
        cell = _cell(sheet, row, column)
        if isinstance(value, Decimal):
            # openpyxl writes a Decimal through a float to 16 digits (9000.05 becomes
            # "9000.049999999999"); store the exact digits, read as the nearest double.
            cell._value = plain_number(value)  # type: ignore[attr-defined]
            cell.data_type = "n"
            cell.number_format = MONEY_FORMAT
        elif isinstance(value, Formula):
            cell.value = value.text
            cell.data_type = "f"
            cell.number_format = MONEY_FORMAT
            index = [id(each) for each in self.workbook.worksheets].index(id(sheet))
            self._cached[(index, cell.coordinate)] = plain_number(value.total)
        else:
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text begins with
        if bold:
            from openpyxl.styles import Font  # noqa: PLC0415 - optional dependency

            cell.font = Font(bold=True)

    def write(self, path: str | os.PathLike[str]) -> Path:
        """Write the workbook whole or not at all: an existing file survives a failure (`_atomic`)."""
        # No cached values are stored with formulas by openpyxl; have Excel compute them on
        # opening, and store the library's totals for programs that do not calculate.
        self.workbook.calculation.fullCalcOnLoad = True
        buffer = io.BytesIO()
        self.workbook.save(buffer)
        data = _with_cached_values(buffer.getvalue(), self._cached)
        target = Path(path)
        _atomic.write_bytes(target, data)
        return target


def _with_cached_values(data: bytes, cached: Mapping[tuple[int, str], str]) -> bytes:
    """The saved workbook with each formula's total as its cached value (``<v>``)."""
    sheets: dict[int, dict[str, str]] = {}
    for (index, coordinate), number in cached.items():
        sheets.setdefault(index, {})[coordinate] = number
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            match = _SHEET_FILE.fullmatch(info.filename)
            if match and int(match[1]) - 1 in sheets:
                totals = sheets[int(match[1]) - 1]

                def filled(found: re.Match[str], totals: dict[str, str] = totals) -> str:
                    return f"{found[1]}<v>{totals[found[2]]}</v>"

                text, count = _EMPTY_VALUE.subn(filled, content.decode("utf-8"))
                if count != len(totals):  # pragma: no cover - openpyxl changed how it writes
                    raise AssertionError(
                        f"{count} of {len(totals)} totals found in {info.filename}"
                    )
                content = text.encode("utf-8")
            target.writestr(info, content)
    return output.getvalue()


_SHEET_FILE: Final = re.compile(r"xl/worksheets/sheet(\d+)\.xml")
_EMPTY_VALUE: Final = re.compile(r'(<c r="([A-Z]+\d+)"[^>]*><f>[^<]*</f>)<v\s*(?:/>|></v>)')


def check_amounts(amounts: Iterable[Decimal], refusal: str) -> None:
    """Refuse an amount Excel cannot hold to the cent.

    Args:
        amounts: The amounts a workbook would hold.
        refusal: The message, a catalogue text with the fields ``{amount}`` and
            ``{digits}`` that says what to use instead.

    Raises:
        InvalidValueError: An amount has more than `EXCEL_DIGITS` significant
            digits in cents (10**13 euros or more).

    Examples:
        >>> check_amounts([Decimal("9999999999999.99")], "{amount} {digits}")
        >>> check_amounts([Decimal("-10000000000000.00")], "cannot write {amount} ({digits})")
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidValueError: cannot write -10000000000000.00 (15)
    """
    for amount in amounts:
        if abs(to_cents(amount)) >= 10**EXCEL_DIGITS:
            raise InvalidValueError(refusal, amount=amount, digits=EXCEL_DIGITS)


def plain_number(amount: Decimal) -> str:
    """The amount as a number in a cell's XML: ``-875.05``, ``32500`` (no exponent).

    Examples:
        >>> plain_number(Decimal("-875.050")), plain_number(Decimal("32500.00"))
        ('-875.05', '32500')
    """
    cents = to_cents(amount)
    euros, rest = divmod(abs(cents), 100)
    sign = "-" if cents < 0 else ""
    return f"{sign}{euros}" if not rest else f"{sign}{euros}.{rest:02d}".rstrip("0")


def _cell(sheet: Worksheet, row: int, column: int) -> Cell:
    from openpyxl.cell.cell import Cell  # noqa: PLC0415 - optional dependency, imported lazily

    cell = sheet.cell(row=row, column=column)
    if not isinstance(cell, Cell):  # pragma: no cover - the workbooks merge no cells
        raise AssertionError(f"cell {cell.coordinate} is merged")
    return cell


def print_setup(
    sheet: Worksheet,
    *,
    title_rows: int,
    last_row: int,
    last_column: int,
    lang: Lang,
    widths: Iterable[float] = (),
) -> None:
    """Make a sheet print as it is filed: A4 landscape, one page wide, its title rows on each page.

    Args:
        sheet: The filled sheet.
        title_rows: Rows 1 to this one are repeated at the top of every page.
        last_row: The last row printed.
        last_column: The last column printed.
        lang: The language of the page numbers in the footer.
        widths: The widths of the first columns, in characters.
    """
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 - imported lazily
    from openpyxl.worksheet.page import PageMargins  # noqa: PLC0415 - imported lazily
    from openpyxl.worksheet.properties import PageSetupProperties  # noqa: PLC0415

    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_A4
    # As wide as the page, as many pages long as it takes.
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins = PageMargins(left=0.6, right=0.6, top=0.7, bottom=0.7)
    sheet.print_title_rows = f"1:{title_rows}"
    sheet.print_area = f"A1:{get_column_letter(last_column)}{last_row}"
    sheet.freeze_panes = f"A{title_rows + 1}"
    footer = translate(N_("Page {page} of {pages}"), lang).format(page="&P", pages="&N")
    footers = sheet.oddFooter
    if footers is not None and footers.center is not None and footers.left is not None:
        footers.center.text = footer
        footers.left.text = "&A"  # the sheet's name


def properties(
    book: Book, *, title: str, subject: str, keywords: Iterable[str], lang: Lang
) -> None:
    """Set the document properties: title, subject, author, keywords and language."""
    properties = book.workbook.properties
    properties.title = title
    properties.subject = subject
    properties.creator = CREATOR
    properties.lastModifiedBy = CREATOR
    properties.keywords = ", ".join(keywords)
    properties.language = "de-DE" if lang == "de" else "en"


def sheet_title(name: str, used: set[str]) -> str:
    """A sheet name Excel accepts, unique among ``used`` (case-insensitively), then added to it.

    Examples:
        >>> used = set()
        >>> sheet_title("Rate 57,000 € from 01/01/2024", used), sheet_title("A" * 40, used)
        ('Rate 57,000 € from 01_01_2024', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
        >>> sheet_title("a" * 40, used)
        'aaaaaaaaaaaaaaaaaaaaaaaaaaa (2)'
    """
    base = _SHEET_NAME_FORBIDDEN.sub("_", name).strip("'") or "Sheet"
    title = base[:_SHEET_NAME_LENGTH]
    number = 1
    while title.casefold() in used:
        number += 1
        suffix = f" ({number})"
        title = base[: _SHEET_NAME_LENGTH - len(suffix)] + suffix
    used.add(title.casefold())
    return title
