"""Exports: every result as plain data, JSON, CSV, flat records, a DataFrame, text or HTML.

The results of the library — `Settlement` (and one region's
`RegionSettlement`), `Projection`, `Comparison`, `WindDown` (and
`RegionWindDown`), `FinancialImpact`, `Explanation` and the C9
`BillingStatement` — convert the same way:

* `to_dict` gives nested plain data (``dict``, ``list``, ``str``, ``int``,
  ``bool``, ``None``) and `to_json` its JSON text. Money is a string with
  two places (``"8125.00"``), never a float; dates are ISO
  (``"2025-12-31"``); exact fractions are strings (``"5/2"``,
  ``"32500/3"``); parties are ``{"name": …, "ags": …}``; every figure
  carries its clause id (``{"amount": "32500.00", "clause": "C7"}``).
* `to_records` gives one flat table: a list of dicts with the same keys in
  the same order, one key per column. Money stays an exact `Decimal`, dates
  stay `datetime.date`; `pandas.DataFrame` accepts the list as it is.
* `to_csv` writes that table as CSV text: ``lang="en"`` (default) with
  ``,`` between fields and a decimal point, ``lang="de"`` for Excel in
  Germany with ``;`` and a decimal comma (``8125,00``), and the texts of
  the ``description`` column (and the ``baseline`` scenario) in German,
  from the catalogue (`kim_cooperation.i18n`). The header of English CSV
  is the column names, keys for programs like the ``key`` column's values;
  German CSV, for people, has German headers (``Jahr;Region;…``).
* `to_dataframe` builds a `pandas.DataFrame` of the table with the money
  columns as exact `Decimal` objects (dtype ``object``), never floats
  (needs the ``pandas`` extra).
* `to_text` and `to_html` show the main columns as a short text table or an
  escaped HTML table; the result classes use them for ``str()`` and for
  Jupyter. ``to_html(result, lang="de")`` gives the caption in German.

The columns of each table are listed in `SETTLEMENT_COLUMNS`,
`PROJECTION_COLUMNS`, `COMPARISON_COLUMNS`, `WIND_DOWN_COLUMNS`,
`IMPACT_COLUMNS`, `EXPLANATION_COLUMNS` and `BILLING_COLUMNS`; their order
is stable.

Examples:
    >>> from kim_cooperation import presets, settle
    >>> from kim_cooperation.export import to_csv, to_dict
    >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
    >>> nord = to_dict(settlement)["regions"][0]
    >>> nord["own_share"], nord["split"]["shares"][0]["amount"]
    ({'amount': '32500.00', 'clause': 'C7'}, '8125.00')
    >>> print(to_csv(settlement, lang="de"))  # doctest: +ELLIPSIS
    Jahr;Region;AGS Anstellungskörperschaft;Anstellungskörperschaft;Kennung;Beschreibung;AGS;Kommune;Betrag;Klausel
    2023;Nord;05558012;Coesfeld;costs;Kosten;;;170000,00;C8
    2023;Nord;05558012;Coesfeld;funding;Förderung;;;137500,00;C5
    2023;Nord;05558012;Coesfeld;own_share;Eigenanteil;;;32500,00;C7
    2023;Nord;05558012;Coesfeld;part;Anteil Billerbeck;05558008;Billerbeck;8125,00;C4
    ...
"""

from __future__ import annotations

import json
import reprlib
from typing import TYPE_CHECKING, Any, Final, TypeAlias

from kim_cooperation import _table
from kim_cooperation._checks import check_int, shown
from kim_cooperation._table import Cell, Exportable, Record
from kim_cooperation.billing import BillingStatement
from kim_cooperation.billing._table import BILLING_COLUMNS
from kim_cooperation.errors import InvalidTypeError, InvalidValueError
from kim_cooperation.explanation import Explanation
from kim_cooperation.explanation._table import EXPLANATION_COLUMNS
from kim_cooperation.formatting import Lang
from kim_cooperation.i18n import N_
from kim_cooperation.impact import FinancialImpact
from kim_cooperation.impact._table import IMPACT_COLUMNS
from kim_cooperation.projection import Projection
from kim_cooperation.projection._table import COMPARISON_COLUMNS, PROJECTION_COLUMNS
from kim_cooperation.scenario import Comparison
from kim_cooperation.settlement import RegionSettlement, Settlement
from kim_cooperation.settlement._table import SETTLEMENT_COLUMNS
from kim_cooperation.winddown import RegionWindDown, WindDown
from kim_cooperation.winddown._table import WIND_DOWN_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "BILLING_COLUMNS",
    "COMPARISON_COLUMNS",
    "EXPLANATION_COLUMNS",
    "IMPACT_COLUMNS",
    "PROJECTION_COLUMNS",
    "SETTLEMENT_COLUMNS",
    "WIND_DOWN_COLUMNS",
    "Cell",
    "Record",
    "Result",
    "to_csv",
    "to_dataframe",
    "to_dict",
    "to_html",
    "to_json",
    "to_records",
    "to_text",
]

Result: TypeAlias = (
    Settlement
    | RegionSettlement
    | Projection
    | Comparison
    | WindDown
    | RegionWindDown
    | FinancialImpact
    | Explanation
    | BillingStatement
)
"""The results this module exports."""

_MAX_INDENT: Final = 100
"""The most spaces per level `to_json` indents by."""

_RESULTS: Final = (
    Settlement,
    RegionSettlement,
    Projection,
    Comparison,
    WindDown,
    RegionWindDown,
    FinancialImpact,
    Explanation,
    BillingStatement,
)
"""The result classes, in the order an error lists them."""


def _short(value: object) -> str:
    """A short repr for an error message; `shown` where even reprlib fails (huge ints)."""
    try:
        return reprlib.repr(value)
    except (ValueError, RecursionError):
        return shown(value)


def _result(result: object, *, what: str) -> Exportable:
    if isinstance(result, _RESULTS):
        found: Exportable = result
        return found
    names = ", ".join(cls.__name__ for cls in _RESULTS)
    hint = ""
    if isinstance(result, list | tuple) and any(
        isinstance(item, BillingStatement) for item in result
    ):
        hint = "; for several billing statements use kim_cooperation.billing.billing_csv"
    raise InvalidTypeError(
        f"{what} exports a result of the library ({names}), got {type(result).__name__} "
        f"{_short(result)}{hint}"
    )


# The public functions.


def to_dict(result: Result) -> dict[str, Any]:
    """Return a result as nested plain data, ready for `json.dumps`.

    Money is a string with two places, dates are ISO strings, fractions are
    strings such as ``"5/2"``, parties are ``{"name": …, "ags": …}``, and
    figures carry their clause. The ``type`` key names the result:
    ``settlement``, ``region_settlement``, ``projection``, ``comparison``,
    ``wind_down``, ``region_wind_down``, ``financial_impact``,
    ``explanation`` or ``billing_statement``.

    Args:
        result: A result of the library (see `Result`).

    Returns:
        A new dict; changing it changes nothing in the result.

    Raises:
        InvalidTypeError: ``result`` is not a result this module exports.

    Examples:
        >>> import datetime as dt
        >>> from decimal import Decimal
        >>> from kim_cooperation import CostStatement, presets, wind_down
        >>> base = presets.coesfeld()
        >>> ended = base.give_notices(dict.fromkeys(base.parties, dt.date(2024, 6, 30)))
        >>> run_on = wind_down(ended, dt.date(2025, 12, 31),
        ...                    {"Mitte": CostStatement(personnel=Decimal("68000"))})
        >>> data = to_dict(run_on)
        >>> data["type"], data["agreement_end"], data["clause"]
        ('wind_down', '2025-12-31', 'C13')
        >>> mitte = data["regions"][0]
        >>> mitte["periods"][0]["last_day"], mitte["net"]
        ('2026-12-31', {'amount': '68000.00', 'clause': 'C13'})
        >>> [(share["party"]["name"], share["exact"]) for share in mitte["split"]["shares"]]
        [('Dülmen', '34000'), ('Nottuln', '34000')]
    """
    return _result(result, what="to_dict")._plain()


def to_json(result: Result, *, indent: int | None = 2) -> str:
    """Return a result as JSON text: `to_dict` written out, umlauts kept.

    Args:
        result: A result of the library (see `Result`).
        indent: Spaces per level, from 0 to 100; ``None`` for one line.

    Raises:
        InvalidTypeError: ``result`` is not a result this module exports,
            or ``indent`` is neither an int nor ``None``.
        InvalidValueError: ``indent`` is outside 0 to 100.

    Examples:
        >>> import json
        >>> from kim_cooperation import presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> text = to_json(settlement)
        >>> json.loads(text)["regions"][0]["billing"][0]
        ... # doctest: +NORMALIZE_WHITESPACE
        {'debtor': {'name': 'Billerbeck', 'ags': '05558008'},
         'creditor': {'name': 'Coesfeld', 'ags': '05558012'},
         'amount': '8125.00', 'clause': 'C9'}
        >>> "kreisangehörigen" in text
        True
        >>> to_json(settlement, indent=None).startswith('{"type": "settlement"')
        True
    """
    if indent is not None:
        check_int(indent, what="indent", unit="spaces, or None for one line")
    if indent is not None and not 0 <= indent <= _MAX_INDENT:
        raise InvalidValueError(
            N_("indent must be from 0 to {most}, got {value}"),
            most=_MAX_INDENT,
            value=shown(indent),
        )
    return json.dumps(to_dict(result), ensure_ascii=False, indent=indent)


def to_records(result: Result) -> list[Record]:
    """Return a result as a flat table: one dict per row, keys in column order.

    Money is an exact `Decimal`, dates are `datetime.date`, empty cells
    ``None``; the columns are those of the result type (`SETTLEMENT_COLUMNS`
    and the others). `pandas.DataFrame` accepts the list as it is; see
    `to_dataframe` for money columns that stay exact.

    Args:
        result: A result of the library (see `Result`).

    Raises:
        InvalidTypeError: ``result`` is not a result this module exports.

    Examples:
        >>> from kim_cooperation import presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> records = to_records(settlement)
        >>> records[0]  # doctest: +NORMALIZE_WHITESPACE
        {'year': 2023, 'region': 'Nord', 'employer_ags': '05558012', 'employer': 'Coesfeld',
         'key': 'costs', 'description': 'Costs', 'party_ags': None, 'party': None,
         'amount': Decimal('170000.00'), 'clause': 'C8'}
        >>> sum(record["amount"] for record in records if record["key"] == "part")
        Decimal('32500.00')
    """
    return _result(result, what="to_records")._records()


def to_csv(result: Result, *, lang: Lang = "en") -> str:
    """Return a result's flat table (`to_records`) as CSV text, with a header row.

    ``lang="en"`` (default) separates fields with ``,`` and writes money with
    a decimal point (``-8125.00``); ``lang="de"`` is German CSV for Excel:
    ``;`` between fields and a decimal comma (``-8125,00``), so a German
    Excel reads the amounts as numbers. Neither groups thousands. In both,
    dates are ISO (``2025-12-31``), flags ``true``/``false``, empty cells
    empty, and lines end with a line feed. The header is the column names in
    English CSV and their German names in German CSV.

    German CSV is for people and is German throughout: descriptions and
    the words of closed lists (role, layout, table, basis) are German, and
    the English label column (``label_en``) is left out. The ``key``
    column ("Kennung") keeps its identifiers (``own_share``), the same in
    both languages, for filters and programs; programs read English CSV
    or JSON, whose texts never change with the language. In German
    CSV a text that Excel would run as a formula (beginning with ``=``,
    ``+``, ``-`` or ``@``) is prefixed with ``'``. Write the text with
    ``encoding="utf-8-sig"`` for Excel, so it recognises the umlauts.

    Args:
        result: A result of the library (see `Result`).
        lang: ``"en"`` or ``"de"``.

    Raises:
        InvalidTypeError: ``result`` is not a result this module exports.
        InvalidValueError: ``lang`` is not ``"en"`` or ``"de"``.

    Examples:
        >>> from kim_cooperation import financial_impact, presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> impact = financial_impact(settlement, "Billerbeck", layout="nkf")
        >>> print(to_csv(impact).splitlines()[0])
        year,party_ags,party,role,layout,table,key,label,label_en,amount,clause,is_total
        >>> print(to_csv(impact, lang="de").splitlines()[-1])
        2023;05558008;Billerbeck;Mitglied;NKF;Ergebnisrechnung;balance;Ordentliches Ergebnis;-8125,00;C7;true
    """
    _table.check_lang(lang)
    found = _result(result, what="to_csv")
    return _table.csv_text(found._TABLE, found._records(), lang=lang)


def to_dataframe(result: Result) -> pd.DataFrame:
    """Return a result's flat table (`to_records`) as a `pandas.DataFrame`.

    Needs the ``pandas`` extra (``pip install kim-cooperation[pandas]``);
    pandas is imported only when this is called. The money columns hold the
    exact `Decimal` values (dtype ``object``), never floats, so sums stay
    exact; dates are `datetime.date` objects; text columns are pandas'
    string type.

    Args:
        result: A result of the library (see `Result`).

    Raises:
        InvalidTypeError: ``result`` is not a result this module exports.
        ModuleNotFoundError: pandas is not installed.

    Examples:
        >>> from kim_cooperation import presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> frame = to_dataframe(settlement)
        >>> frame["amount"].dtype, frame.loc[0, "amount"]
        (dtype('O'), Decimal('170000.00'))
        >>> frame[frame["key"] == "part"].groupby("region")["amount"].sum().to_dict()
        {'Nord': Decimal('32500.00')}
    """
    return _table.dataframe(_result(result, what="to_dataframe"))


def to_text(result: Result, *, lang: Lang = "en") -> str:
    """Return a result's main columns as a short plain-text table under a title.

    Money is shown exactly, with two places, right-aligned. The result
    classes use this for ``str()``; `to_csv` and `to_records` have every
    column. With ``lang="de"`` the table is German throughout, as German
    CSV is: title, column names, descriptions and words in German, a
    decimal comma, days as ``31.12.2025``; the ``key`` column keeps its
    identifiers.

    Args:
        result: A result of the library (see `Result`).
        lang: ``"en"`` (default) or ``"de"``.

    Raises:
        InvalidTypeError: ``result`` is not a result this module exports.
        InvalidValueError: ``lang`` is not ``"en"`` or ``"de"``.

    Examples:
        >>> from kim_cooperation import presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> print(to_text(settlement.region("Nord")))
        Settlement 2023 – Region Nord, employer Stadt Coesfeld
        region  key        party          amount  clause
        Nord    costs                  170000.00  C8
        Nord    funding                137500.00  C5
        Nord    own_share               32500.00  C7
        Nord    part       Billerbeck    8125.00  C4
        Nord    part       Coesfeld      8125.00  C4
        Nord    part       Havixbeck     8125.00  C4
        Nord    part       Rosendahl     8125.00  C4
        Nord    billing    Billerbeck    8125.00  C9
        Nord    billing    Havixbeck     8125.00  C9
        Nord    billing    Rosendahl     8125.00  C9
        >>> for line in to_text(settlement.region("Nord"), lang="de").splitlines()[:3]:
        ...     print(line)
        Abrechnung 2023 – Region Nord, Anstellungskörperschaft Stadt Coesfeld
        Region  Kennung    Kommune        Betrag  Klausel
        Nord    costs                  170000,00  C8
    """
    _table.check_lang(lang)
    return _table.text_table(_result(result, what="to_text"), lang)


def to_html(result: Result, *, lang: Lang = "en") -> str:
    """Return a result's main columns as an HTML table, every text escaped.

    The result classes use this for Jupyter (``_repr_html_``, in English).
    The table has the class ``kim-cooperation``, a caption with the title,
    and money right-aligned with two places. With ``lang="de"`` it is
    German throughout, as `to_text` is.

    Args:
        result: A result of the library (see `Result`).
        lang: ``"en"`` (default) or ``"de"``.

    Raises:
        InvalidTypeError: ``result`` is not a result this module exports.
        InvalidValueError: ``lang`` is not ``"en"`` or ``"de"``.

    Examples:
        >>> from kim_cooperation import explain, presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> page = to_html(explain(settlement, "Billerbeck"))
        >>> print(page.splitlines()[1])
        <caption>Own share of Billerbeck in 2023, explained</caption>
        >>> print(to_html(settlement, lang="de").splitlines()[1])  # doctest: +ELLIPSIS
        <caption>Abrechnung 2023 – Kooperationsvereinbarung ...</caption>
        >>> "„Personalkosten inkl. Arbeitgeberanteil“" in page, "<td>C8</td>" in page
        (True, True)
    """
    _table.check_lang(lang)
    return _table.html_table(_result(result, what="to_html"), lang)
