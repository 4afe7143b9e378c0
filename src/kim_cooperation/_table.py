"""The table every result is: its kind, plain values, and its CSV, text, HTML and DataFrame forms.

Each result class of the library (`Settlement`, `Projection`, `WindDown`,
…) derives from `Exportable` and builds its own plain data, rows and
title; this module only writes them out. It imports no result module, so
the results can use it for ``str()`` and Jupyter without a cycle, and
`kim_cooperation.export`, the public face of these functions, sits above
them all.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Final, TypeAlias

import attrs

from kim_cooperation._checks import shown as _shown_value
from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.errors import InvalidValueError, MissingExtraError
from kim_cooperation.formatting import Lang, format_date
from kim_cooperation.i18n import N_, translate, translate_filled
from kim_cooperation.money import to_cents

if TYPE_CHECKING:
    import pandas as pd

    from kim_cooperation.party import Party

__all__ = ["Cell", "Exportable", "Record", "TableKind"]

Cell: TypeAlias = str | int | bool | Decimal | dt.date | None
"""A value of a flat record: text, a count or year, a flag, money, a date, or empty."""

Record: TypeAlias = dict[str, Cell]
"""One row of a flat table, keyed by column name in column order."""


@attrs.frozen(kw_only=True)
class TableKind:
    """How one result type is exported: its name, columns and the columns shown.

    Attributes:
        name: The ``type`` of its plain data (``settlement``).
        columns: Every column of its records, in order.
        money: The columns that hold money.
        shown: The columns `to_text` and `to_html` show.
        described: Keys of rows that carry their figures in the description
            (a split key's and spans' rows, I9, I10): where a table has one,
            the text and HTML show the description after the key.
    """

    name: str
    columns: tuple[str, ...]
    money: frozenset[str]
    shown: tuple[str, ...]
    described: frozenset[str] = frozenset()


class Exportable:
    """A result: ``to_dict``, ``str()`` and ``_repr_html_`` from the rows it builds.

    A result class sets ``_TABLE`` and builds its plain data (`_plain`), rows
    (`_records`) and title (`_title`). Slotted and without fields, so it
    changes neither the attrs classes that derive from it nor their
    pickled form.
    """

    __slots__ = ()

    _TABLE: ClassVar[TableKind]
    """How the result is exported; each result class sets it."""

    def _plain(self) -> dict[str, object]:
        raise NotImplementedError  # pragma: no cover - every result class builds it

    def _records(self) -> list[Record]:
        raise NotImplementedError  # pragma: no cover - every result class builds them

    def _title(self, lang: Lang) -> str:
        raise NotImplementedError  # pragma: no cover - every result class names itself

    def to_dict(self) -> dict[str, Any]:
        """Return the result as plain data; see `kim_cooperation.export.to_dict`.

        Examples:
            >>> from kim_cooperation import presets, settle
            >>> settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023()).to_dict()["type"]
            'settlement'
        """
        return self._plain()

    def _repr_html_(self) -> str:
        return html_table(self, "en")

    def __str__(self) -> str:
        return text_table(self, "en")


# Plain values.


def money(amount: Decimal, mark: str = ".") -> str:
    """Money as text with two places and ``mark`` before the cents: ``-8125.00``."""
    cents = to_cents(amount)
    euros, rest = divmod(abs(cents), 100)
    return f"{'-' if cents < 0 else ''}{euros}{mark}{rest:02d}"


def optional_money(amount: Decimal | None) -> str | None:
    """`money`, or ``None`` for no amount."""
    return None if amount is None else money(amount)


def date(day: dt.date | None) -> str | None:
    """An ISO day, or ``None``."""
    return None if day is None else day.isoformat()


def clause(clause: Clause | Interpretation | None) -> str | None:
    """A clause's id (``C7``), or ``None``."""
    return None if clause is None else clause.value


def party(party: Party) -> dict[str, object]:
    """A party as ``{"name": …, "ags": …}``."""
    return {"name": party.name, "ags": party.ags}


def figure(amount: Decimal, clause: Clause | Interpretation) -> dict[str, object]:
    """An amount with its clause: ``{"amount": "32500.00", "clause": "C7"}``."""
    return {"amount": money(amount), "clause": clause.value}


def plain_records(records: Sequence[Record]) -> list[object]:
    """Records with money and days as text, for plain data."""
    return [{key: _plain_cell(value) for key, value in record.items()} for record in records]


def _plain_cell(value: Cell) -> object:
    if isinstance(value, Decimal):
        return money(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


# The words of the tables, for German.

_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
"""What makes Excel read a text cell as a formula."""

DESCRIPTIONS: Final = (
    N_("Costs"),
    N_("Funding"),
    N_("Own share"),
    N_("Funding beyond costs (not distributed)"),
    N_("Part of {town}"),
    N_("{debtor} owes {creditor}"),
    N_("Split key: fixed weights"),
    N_("Weight of {town}: {weight}"),
    N_("Split key: population, counts on or before {day}"),
    N_("Inhabitants of {town}: {count} as of {day}"),
    N_("Span {number}: share of {town} {share}"),
    N_("Share of {town} in the year: {weight}"),
)
"""The English texts of the records' ``description`` cells, for German CSV.

The records are English by design (`SettlementLine.description` is part of
the Python API); `to_csv` with ``lang="de"`` writes them in German from the
catalogue (`kim_cooperation.i18n`).
"""

HEADERS: Final = (
    N_("year"),
    N_("region"),
    N_("employer_ags"),
    N_("employer"),
    N_("key"),
    N_("description"),
    N_("party_ags"),
    N_("party"),
    N_("amount"),
    N_("clause"),
    N_("basis"),
    N_("own_share"),
    N_("scenario"),
    N_("difference"),
    N_("agreement_end"),
    N_("post"),
    N_("first_day"),
    N_("last_day"),
    N_("role"),
    N_("layout"),
    N_("table"),
    N_("label"),
    N_("label_en"),
    N_("is_total"),
    N_("lang"),
    N_("step"),
    N_("text"),
    N_("part"),
    N_("advances"),
    N_("balance"),
)
"""Every column's id, listed for the catalogue: `to_csv` with ``lang="de"`` writes German headers.

The ids stay the header of English CSV and the keys of `to_records`: they
are names for programs. German CSV is for people reading it in Excel.
"""

TRANSLATED: Final[dict[str, tuple[str, ...]]] = {
    "description": DESCRIPTIONS,
    "scenario": (N_("baseline"),),  # the other names are the user's own
}
"""The columns whose texts are filled-in catalogue texts, with the templates they come from."""

WORDS: Final[dict[str, frozenset[str]]] = {
    "role": frozenset({N_("employer"), N_("member")}),
    "layout": frozenset({N_("council-paper"), N_("nkf")}),
    "table": frozenset({N_("finance"), N_("result")}),
    "basis": frozenset(
        {N_("settlement"), N_("settlement+wind-down"), N_("ended"), N_("wind-down")}
    ),
}
"""The columns whose values are words of a closed list, each written in German in German CSV.

The ``key`` column is different: its values (``own_share``, ``part``,
``cost_item``) are identifiers for programs and filters, the same in every
language, like the clause ids; its German header says so ("Kennung"). The
words beside them (``description``, ``label``, ``text``) are German.
"""

_ENGLISH_ONLY: Final = frozenset({"label_en"})
"""Columns left out of German CSV: the English label beside the German one would mix languages."""


def check_lang(lang: object) -> None:
    """Refuse a language other than ``de`` and ``en``."""
    if lang not in ("de", "en"):
        raise InvalidValueError(
            N_("lang must be 'de' or 'en', got {value}"), value=_shown_value(lang)
        )


def title(template: str, lang: Lang, **fields: object) -> str:
    """A table's title (`to_text`, the caption of `to_html`) in ``lang``, from the catalogue."""
    return translate(template, lang).format(**fields)


def day(value: dt.date, lang: Lang) -> str:
    """A day in a title: ``31.12.2025`` in German, ISO in English."""
    return format_date(value, lang=lang) if lang == "de" else value.isoformat()


def years(values: Sequence[int]) -> str:
    """A run of years in a title: ``2025`` or ``2025–2028``."""
    return f"{values[0]}" if len(values) == 1 else f"{values[0]}–{values[-1]}"


# CSV.


def _csv_cell(value: Cell, lang: Lang) -> str:
    if isinstance(value, Decimal):
        return money(value, "," if lang == "de" else ".")
    if isinstance(value, str) and lang == "de" and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return _shown(value)


def csv_text(kind: TableKind, records: Sequence[Record], *, lang: Lang) -> str:
    """Write ``records`` of a ``kind`` of table as CSV text in ``lang``; see `export.to_csv`."""
    import csv  # noqa: PLC0415 - only exports write CSV

    check_lang(lang)
    columns = kind.columns
    if lang == "de":
        columns = tuple(column for column in columns if column not in _ENGLISH_ONLY)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if lang == "de" else ",", lineterminator="\n")
    writer.writerow(translate(column, lang) if lang == "de" else column for column in columns)
    writer.writerows(
        [_csv_cell(_value_in(column, record[column], lang), lang) for column in columns]
        for record in records
    )
    return buffer.getvalue()


def _value_in(column: str, value: Cell, lang: Lang) -> Cell:
    """A cell's value in ``lang``: the texts and words of German CSV in German."""
    if lang == "en" or not isinstance(value, str):
        return value
    if column in TRANSLATED:
        return translate_filled(value, TRANSLATED[column], lang)
    if column in WORDS and value in WORDS[column]:
        return translate(value, lang)
    return value


# A DataFrame.


def dataframe(result: Exportable) -> pd.DataFrame:
    """A result's records as a DataFrame with exact money columns; see `export.to_dataframe`."""
    try:
        import pandas  # noqa: PLC0415 - an optional dependency, imported only when needed
    except ImportError as error:
        raise MissingExtraError(
            "to_dataframe", package="pandas", extra="pandas", module="pandas"
        ) from error
    kind = result._TABLE
    records = result._records()
    data = {
        column: pandas.Series(
            [record[column] for record in records],
            dtype=object if column in kind.money else None,
        )
        for column in kind.columns
    }
    return pandas.DataFrame(data, columns=list(kind.columns))


# Text and HTML.


def _shown(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return money(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _shown_in(record: Record, column: str, lang: Lang) -> str:
    """A cell of `text_table` and `html_table` in ``lang``: German words, decimal comma, days.

    The label of a financial-impact line is the English label in English.
    """
    if lang == "en":
        return _shown(
            record["label_en"] if column == "label" and "label_en" in record else record[column]
        )
    value = _value_in(column, record[column], lang)
    if isinstance(value, bool):
        return translate(N_("yes") if value else N_("no"), lang)
    if isinstance(value, Decimal):
        return money(value, ",")
    if isinstance(value, dt.date):
        return format_date(value, lang=lang)
    return _shown(value)


def _head(columns: Sequence[str], lang: Lang) -> list[str]:
    return [translate(column, lang) if lang == "de" else column for column in columns]


def _shown_columns(kind: TableKind, records: Sequence[Record]) -> tuple[str, ...]:
    """The columns shown: with the description where rows carry their figures in it (I9, I10)."""
    if kind.described and any(record["key"] in kind.described for record in records):
        index = kind.shown.index("key") + 1
        return (*kind.shown[:index], "description", *kind.shown[index:])
    return kind.shown


def text_table(result: Exportable, lang: Lang) -> str:
    """A result's main columns as a plain-text table under its title; see `export.to_text`."""
    check_lang(lang)
    kind = result._TABLE
    records = result._records()
    shown_columns = _shown_columns(kind, records)
    head = _head(shown_columns, lang)
    rows = [[_shown_in(record, column, lang) for column in shown_columns] for record in records]
    widths = [
        max([len(head[index]), *(len(row[index]) for row in rows)])
        for index in range(len(shown_columns))
    ]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            cell.rjust(width) if column in kind.money else cell.ljust(width)
            for column, cell, width in zip(shown_columns, cells, widths, strict=True)
        ).rstrip()

    heading = result._title(lang)
    return "\n".join([heading, line(head), *(line(row) for row in rows)])


def html_table(result: Exportable, lang: Lang) -> str:
    """A result's main columns as an escaped HTML table; see `export.to_html`."""
    import html  # noqa: PLC0415 - only exports and Jupyter show HTML

    check_lang(lang)
    kind = result._TABLE
    records = result._records()
    shown_columns = _shown_columns(kind, records)
    head = "".join(f"<th>{html.escape(column)}</th>" for column in _head(shown_columns, lang))
    body = []
    for record in records:
        cells = "".join(
            ('<td style="text-align: right">' if column in kind.money else "<td>")
            + html.escape(_shown_in(record, column, lang))
            + "</td>"
            for column in shown_columns
        )
        body.append(f"<tr>{cells}</tr>")
    caption = result._title(lang)
    return "\n".join(
        [
            '<table class="kim-cooperation">',
            f"<caption>{html.escape(caption)}</caption>",
            f"<thead><tr>{head}</tr></thead>",
            "<tbody>",
            *body,
            "</tbody>",
            "</table>",
        ]
    )
