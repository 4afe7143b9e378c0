"""Towns by years: the wide tables of projections and comparisons (C4, C7, C12, C13).

A projection is, to the people who read it, a table with one row per town
and one column per year, with each town's total and each year's total.
This module builds that table once, as a `Grid` of exact amounts summed in
whole cents, and writes it out for the notebook (`projection_html`,
`comparison_html`, the results' ``_repr_html_``) and for pandas
(`projection_frame`, `comparison_frame`, the results' ``to_frame``); the
workbooks (`kim_cooperation.workbooks`) lay out the same grids.

The year headings carry the marks of `Projection.table` (`year_heading`):
``2026+`` the agreement ends within the year, ``2027*`` only run-on costs
(C13), ``2028–`` nothing runs on; `year_marks` explains the marks that
occur.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Final, Literal, TypeAlias

import attrs

from kim_cooperation import _table
from kim_cooperation._checks import shown
from kim_cooperation.errors import InvalidValueError, MissingExtraError
from kim_cooperation.formatting import Lang, format_eur_column
from kim_cooperation.i18n import N_, translate
from kim_cooperation.money import from_cents, to_cents

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType

    import pandas as pd

    from kim_cooperation.party import Party
    from kim_cooperation.projection import Projection, YearResult
    from kim_cooperation.scenario import Comparison

__all__ = [
    "CLAUSES",
    "Amount",
    "Grid",
    "Row",
    "comparison_frame",
    "comparison_html",
    "difference_of",
    "grid",
    "projection_frame",
    "projection_html",
    "year_heading",
    "year_marks",
]

CLAUSES: Final = "C4, C7, C12, C13"
"""The clauses a town's own share per year rests on, as the tables name them."""

Amount: TypeAlias = "Callable[[Party, int], Decimal]"
"""How a table gets a town's amount for a year."""

FrameValues: TypeAlias = Literal["own_share", "difference"]
"""What a comparison's wide frame holds: the own shares or the differences to the baseline."""


@attrs.frozen
class Row:
    """One town's row: its region, AGS and name, one amount per year, and its total."""

    region: str
    ags: str
    name: str
    values: tuple[Decimal, ...]
    total: Decimal


@attrs.frozen
class Grid:
    """Towns by years: the towns' rows, the total of each year and the grand total, in cents."""

    rows: tuple[Row, ...]
    year_totals: tuple[Decimal, ...]
    total: Decimal

    def amounts(self) -> list[Decimal]:
        """Every amount of the grid: the towns' values and totals, the years' totals, the total."""
        return [
            *(value for row in self.rows for value in (*row.values, row.total)),
            *self.year_totals,
            self.total,
        ]


def grid(projection: Projection, amount: Amount, parties: Sequence[Party] | None = None) -> Grid:
    """The towns by years of ``projection``, grouped by region in the agreement's order.

    Args:
        projection: The projection whose agreement and years the grid has.
        amount: A town's amount for a year (`Projection.own_share_of`, `difference_of`).
        parties: The towns, by default the projection's (`Projection.parties`).
    """
    agreement = projection.agreement
    years = projection.years
    chosen = projection.parties if parties is None else parties
    order = {region: index for index, region in enumerate(agreement.regions)}
    ordered = sorted(chosen, key=lambda party: (order[agreement.region_of(party)], party.ags))
    rows = []
    for party in ordered:
        values = tuple(amount(party, year) for year in years)
        rows.append(
            Row(agreement.region_of(party).name, party.ags, party.name, values, _sum(values))
        )
    year_totals = tuple(_sum(row.values[index] for row in rows) for index in range(len(years)))
    return Grid(tuple(rows), year_totals, _sum(year_totals))


def _sum(amounts: Iterable[Decimal]) -> Decimal:
    return from_cents(sum(to_cents(amount) for amount in amounts))


def difference_of(comparison: Comparison, name: str) -> Amount:
    """A scenario's difference against the baseline, per town and year (`Comparison.difference`)."""

    def difference(party: Party, year: int) -> Decimal:
        return comparison.difference(name, party, year)

    return difference


# Year headings and their marks.


def year_heading(result: YearResult) -> str:
    """A year's column heading, marked as its basis is (C13).

    ``2026+``: the agreement ends within the year (settled until its end,
    run-on after it); ``2027*``: run-on only; ``2028–``: nothing runs on.
    """
    if result.settlement is not None:
        # The agreement ends within the year: settled until its end, run-on after it (C13).
        return f"{result.year}+" if result.wind_down is not None else str(result.year)
    return f"{result.year}*" if result.wind_down is not None else f"{result.year}–"


def year_marks(results: Iterable[YearResult], lang: Lang) -> list[str]:
    """The notes on the marks of the year headings that occur, in ``lang`` (C7, C13)."""
    results = list(results)
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


# HTML, for the notebook.

_STYLE: Final = (
    "<style>"
    ".kim-cooperation-wide td, .kim-cooperation-wide th {padding: 0.15em 0.6em}"
    " .kim-cooperation-wide td.money, .kim-cooperation-wide th.money"
    " {text-align: right; white-space: nowrap}"
    " .kim-cooperation-wide tfoot th, .kim-cooperation-wide td.total {font-weight: bold}"
    " .kim-cooperation-wide caption {text-align: left; font-weight: bold}"
    "</style>"
)
"""How the tables look: money right-aligned and unbroken, totals bold (also without CSS: ``<th>``)."""


def _html_grid(caption: str, headings: Sequence[str], table: Grid, lang: Lang) -> str:
    """One towns-by-years table: region (spanning its towns), town, years, total; a total row."""
    amounts = [
        [*(row.values[index] for row in table.rows), total]
        for index, total in enumerate(table.year_totals)
    ]
    amounts.append([*(row.total for row in table.rows), table.total])
    # One format for the whole table: with cents throughout if any amount has cents.
    shown = iter(format_eur_column([amount for column in amounts for amount in column], lang=lang))
    columns = [[next(shown) for _ in column] for column in amounts]
    region_word, town_word, total_word = (
        html.escape(translate(word, lang)) for word in (N_("Region"), N_("Town"), N_("Total"))
    )
    head = "".join(
        [
            f"<th>{region_word}</th>",
            f"<th>{town_word}</th>",
            *(f'<th class="money">{html.escape(heading)}</th>' for heading in headings),
            f'<th class="money">{total_word}</th>',
        ]
    )
    spans: dict[str, int] = {}
    for row in table.rows:
        spans[row.region] = spans.get(row.region, 0) + 1
    body = []
    for index, row in enumerate(table.rows):
        first = index == 0 or table.rows[index - 1].region != row.region
        region = (
            f'<th rowspan="{spans[row.region]}" style="vertical-align: top">'
            f"{html.escape(row.region)}</th>"
            if first
            else ""
        )
        cells = "".join(
            f'<td class="money">{html.escape(column[index])}</td>' for column in columns[:-1]
        )
        body.append(
            f"<tr>{region}<td>{html.escape(row.name)}</td>{cells}"
            f'<td class="money total">{html.escape(columns[-1][index])}</td></tr>'
        )
    totals = "".join(f'<th class="money">{html.escape(column[-1])}</th>' for column in columns)
    return "\n".join(
        [
            '<table class="kim-cooperation kim-cooperation-wide">',
            f"<caption>{html.escape(caption)}</caption>",
            f"<thead><tr>{head}</tr></thead>",
            "<tbody>",
            *body,
            "</tbody>",
            f'<tfoot><tr><th colspan="2">{total_word}</th>{totals}</tr></tfoot>',
            "</table>",
        ]
    )


def _notes(lines: Sequence[str]) -> list[str]:
    return [f"<p><small>{html.escape(line)}</small></p>" for line in lines]


def _about(lang: Lang) -> str:
    return translate(N_("Own share of each town per year in euros ({clauses})"), lang).format(
        clauses=CLAUSES
    )


def projection_html(projection: Projection, lang: Lang) -> str:
    """A projection as one HTML table of towns by years with totals, and its notes.

    Its caption is the projection's title; under it, the clauses the
    figures rest on and the notes on the year marks that occur.
    """
    table = _html_grid(
        projection._title(lang),
        [year_heading(result) for result in projection.results],
        grid(projection, projection.own_share_of),
        lang,
    )
    notes = [_about(lang), *year_marks(projection.results, lang)]
    return "\n".join(['<div class="kim-cooperation">', _STYLE, table, *_notes(notes), "</div>"])


def comparison_html(comparison: Comparison, lang: Lang) -> str:
    """A comparison as HTML: each scenario's own shares, then each variant's differences.

    Every table is towns by years with totals; a difference is how much
    more (positive) or less a town bears than in the baseline.
    """
    parties = comparison.parties
    baseline = comparison.projections[0]
    parts = ['<div class="kim-cooperation">', _STYLE]
    # The baseline comes first and has the library's name; the others are the user's own.
    names = [translate(comparison.names[0], lang), *comparison.names[1:]]
    for name, projection in zip(names, comparison.projections, strict=True):
        parts.append(
            _html_grid(
                f"{name}: {projection._title(lang)}",
                [year_heading(result) for result in projection.results],
                grid(projection, projection.own_share_of, parties),
                lang,
            )
        )
    difference_title = translate(
        N_("Differences against the baseline {years} – {agreement}"), lang
    ).format(years=_table.years(comparison.years), agreement=baseline.agreement.name)
    for name in comparison.names[1:]:
        parts.append(
            _html_grid(
                f"{name}: {difference_title}",
                [str(year) for year in comparison.years],
                grid(baseline, difference_of(comparison, name), parties),
                lang,
            )
        )
    results = [result for projection in comparison.projections for result in projection.results]
    notes = [
        _about(lang),
        translate(
            N_(
                "A difference is how much more (positive) or less a town bears than in the baseline."
            ),
            lang,
        ),
        *year_marks(results, lang),
    ]
    parts += [*_notes(notes), "</div>"]
    return "\n".join(parts)


# pandas, for the analyst.

_INDEX: Final = ("region", "party_ags", "party")
"""The index of a wide frame: the columns of the long records that name a town."""

_TOTAL: Final = "total"
"""The label of the totals row and column of a wide frame with ``totals=True``."""


def _require_pandas() -> None:
    try:
        import pandas  # noqa: F401, PLC0415 - an optional dependency, imported only when needed
    except ImportError as error:
        raise MissingExtraError(
            "to_frame", package="pandas", extra="pandas", module="pandas"
        ) from error


def _frame(
    years: Sequence[int], blocks: Sequence[tuple[str | None, Grid]], *, totals: bool
) -> pd.DataFrame:
    """A wide frame: a row per town, a column per year (under each block's name, if named)."""
    import pandas  # noqa: PLC0415 - _require_pandas has checked it is there

    labels = [(row.region, row.ags, row.name) for row in blocks[0][1].rows]
    if totals:
        labels.append((_TOTAL, "", ""))
    heads: list[int | str] = [*years, *([_TOTAL] if totals else [])]
    data: list[list[Decimal]] = [[] for _ in labels]
    for _name, table in blocks:
        for line, row in zip(data, table.rows, strict=False):
            line += [*row.values, *([row.total] if totals else [])]
        if totals:
            data[-1] += [*table.year_totals, table.total]
    index = _in_order(pandas, labels, list(_INDEX))
    names = [name for name, _table in blocks]
    header = (
        pandas.Index(heads, name="year", dtype=object)
        if names == [None]
        else _in_order(
            pandas, [(name, head) for name in names for head in heads], ["scenario", "year"]
        )
    )
    return pandas.DataFrame(data, index=index, columns=header, dtype=object)


def _in_order(
    pandas: ModuleType, labels: Sequence[tuple[object, ...]], names: list[str]
) -> pd.MultiIndex:
    """A MultiIndex whose levels keep the labels' order (regions as agreed, not A–Z).

    `pandas.MultiIndex.from_tuples` sorts each level, so a frame in the
    agreement's order would count as unsorted and ``frame.loc["Nord"]``
    warn of slow look-ups; with the levels in order of appearance the codes
    are sorted as the rows are.
    """
    levels = [list(dict.fromkeys(label[depth] for label in labels)) for depth in range(len(names))]
    codes = [[level.index(label[depth]) for label in labels] for depth, level in enumerate(levels)]
    index: pd.MultiIndex = pandas.MultiIndex(levels=levels, codes=codes, names=names)
    return index


def projection_frame(projection: Projection, *, totals: bool) -> pd.DataFrame:
    """A projection's own shares as a wide frame: towns by years, exact `Decimal` cells."""
    _require_pandas()
    return _frame(
        projection.years, [(None, grid(projection, projection.own_share_of))], totals=totals
    )


def comparison_frame(comparison: Comparison, *, values: FrameValues, totals: bool) -> pd.DataFrame:
    """A comparison as a wide frame: towns by scenarios and years, exact `Decimal` cells.

    Raises:
        InvalidValueError: ``values`` is neither ``"own_share"`` nor ``"difference"``.
    """
    if values not in ("own_share", "difference"):
        raise InvalidValueError(
            N_("values must be 'own_share' or 'difference', got {value}"), value=shown(values)
        )
    _require_pandas()
    parties = comparison.parties
    baseline = comparison.projections[0]
    blocks = [
        (
            name,
            grid(projection, projection.own_share_of, parties)
            if values == "own_share"
            else grid(baseline, difference_of(comparison, name), parties),
        )
        for name, projection in zip(comparison.names, comparison.projections, strict=True)
    ]
    return _frame(comparison.years, blocks, totals=totals)
