"""The notebook views of projections and comparisons: towns by years with totals.

A projection and a comparison show in Jupyter as towns-by-years tables
(``_repr_html_``, `table_html`) and give a wide pandas frame (``to_frame``).
The tests read the tables back (with the standard library's HTML parser)
and compare every figure with the result: each town's amount per year, its
total, each year's total and the grand total, exact to the cent.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import samples
from catalogue_check import StandIn, bracketed, data_of, outside_the_catalogue
from kim_cooperation import _catalogue, i18n, presets
from kim_cooperation.errors import InvalidValueError
from kim_cooperation.formatting import Lang, format_eur
from kim_cooperation.party import Party
from kim_cooperation.projection import Projection, _wide, project
from kim_cooperation.strategies import agreements, cost_plans, policies

LANGS: tuple[Lang, ...] = ("de", "en")
PLAN = samples.PLAN


class _Tables(HTMLParser):
    """The tables of a page: per table its caption and its rows of cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[tuple[str, list[list[str]]]] = []
        self.paragraphs: list[str] = []
        self._cell: list[str] | None = None
        self._row: list[str] = []
        self._spans: dict[int, tuple[str, int]] = {}
        self._where = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append(("", []))
        elif tag in ("caption", "p"):
            self._where = tag
            self._cell = []
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []
            span = dict(attrs).get("rowspan")
            self._span = int(span) if span else 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "caption" and self._cell is not None:
            self.tables[-1] = ("".join(self._cell), self.tables[-1][1])
            self._cell = None
        elif tag == "p" and self._cell is not None:
            self.paragraphs.append("".join(self._cell))
            self._cell = None
        elif tag in ("td", "th") and self._cell is not None:
            # A cell spanning rows below (the region) is repeated into them, as a reader sees it.
            while len(self._row) in self._spans:
                self._take_span()
            text = "".join(self._cell)
            if self._span > 1:
                self._spans[len(self._row)] = (text, self._span - 1)
            self._row.append(text)
            self._cell = None
        elif tag == "tr":
            while len(self._row) in self._spans:
                self._take_span()
            self.tables[-1][1].append(self._row)

    def _take_span(self) -> None:
        index = len(self._row)
        text, left = self._spans.pop(index)
        self._row.append(text)
        if left > 1:
            self._spans[index] = (text, left - 1)

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _read(page: str) -> _Tables:
    reader = _Tables()
    reader.feed(page)
    reader.close()
    return reader


_ended_projection = samples.ended_projection
_comparison = samples.comparison


def _ordered(projection: Projection, parties: tuple[Party, ...] | None = None) -> list[Party]:
    """The towns in the order of the tables: by region in the agreement's order, then AGS."""
    agreement = projection.agreement
    order = {region: index for index, region in enumerate(agreement.regions)}
    chosen = projection.parties if parties is None else parties
    return sorted(chosen, key=lambda party: (order[agreement.region_of(party)], party.ags))


def _cents(amounts: list[Decimal]) -> Decimal:
    return sum(amounts, Decimal(0))


def _check_table(
    rows: list[list[str]],
    projection: Projection,
    amount: object,
    parties: list[Party],
    lang: Lang,
) -> None:
    """The rows of a towns-by-years table hold exactly the result's figures, in ``lang``."""
    years = projection.years
    total_word = "Summe" if lang == "de" else "Total"
    assert rows[0][:2] == (["Region", "Kommune"] if lang == "de" else ["Region", "Town"])
    assert rows[0][-1] == total_word
    assert len(rows) == len(parties) + 2
    assert callable(amount)
    columns = [[amount(party, year) for party in parties] for year in years]
    for index, party in enumerate(parties):
        row = rows[index + 1]
        assert row[0] == projection.agreement.region_of(party).name
        assert row[1] == party.name
        values = [column[index] for column in columns]
        for cell, value in zip(row[2:-1], values, strict=True):
            assert _amount(cell, lang) == value
        assert _amount(row[-1], lang) == _cents(values)
    footer = rows[-1]
    assert footer[0] == total_word
    for cell, column in zip(footer[1:-1], columns, strict=True):
        assert _amount(cell, lang) == _cents(column)
    assert _amount(footer[-1], lang) == _cents([value for column in columns for value in column])


def _amount(text: str, lang: Lang) -> Decimal:
    """An amount as the table writes it (``8.125,50 €``, ``-€8,125.50``), read back exactly."""
    digits = text.replace("€", "").replace("\xa0", "").strip()
    if lang == "de":
        return Decimal(digits.replace(".", "").replace(",", "."))
    return Decimal(digits.replace(",", ""))


# --- A projection ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_projection_shows_towns_by_years_with_every_total(lang: Lang) -> None:
    projection = _ended_projection()
    read = _read(projection.table_html(lang=lang))
    [(caption, rows)] = read.tables
    assert caption == projection._title(lang)
    assert rows[0][2:-1] == ["2024", "2025", "2026+", "2027*", "2028–"]
    _check_table(rows, projection, projection.own_share_of, _ordered(projection), lang)
    marks = [_wide.year_marks(projection.results, lang)]
    assert read.paragraphs[1:] == marks[0]
    assert "(C4, C7, C12, C13)" in read.paragraphs[0]
    assert read.paragraphs[0].startswith("Eigenanteil" if lang == "de" else "Own share")


def test_the_notebook_shows_a_projection_in_german_as_its_text_does() -> None:
    projection = project(presets.coesfeld(), [2023, 2024], PLAN)
    assert projection._repr_html_() == projection.table_html(lang="de")
    assert "Kommune" in projection._repr_html_()
    assert "Kommune" in str(projection)


def test_region_cells_span_their_towns() -> None:
    projection = project(presets.example(), [2026], presets.example_cost_plans()[2026])
    page = projection.table_html(lang="en")
    for region in projection.agreement.regions:
        count = len(region.members)
        assert f'<th rowspan="{count}" style="vertical-align: top">{region.name}</th>' in page


def test_every_text_of_the_table_is_escaped() -> None:
    odd = '<b>"Havix" & beck</b>'
    row = _wide.Row("<Nord>", "05558020", odd, (Decimal("1.00"),), Decimal("1.00"))
    table = _wide.Grid((row,), (Decimal("1.00"),), Decimal("1.00"))
    page = _wide._html_grid("<caption & more>", ["2023"], table, "en")
    assert "<b>" not in page
    assert "&lt;b&gt;&quot;Havix&quot; &amp; beck&lt;/b&gt;" in page
    assert "<caption>&lt;caption &amp; more&gt;</caption>" in page
    assert "&lt;Nord&gt;</th>" in page


@settings(max_examples=25, deadline=None)
@given(data=st.data(), lang=st.sampled_from(LANGS))
def test_any_projection_table_holds_its_figures_exactly(data: st.DataObject, lang: Lang) -> None:
    agreement = data.draw(agreements(max_parties=7, with_notices=None, policies=policies()))
    start = agreement.start.year
    first = data.draw(st.integers(min_value=start, max_value=start + 8))
    count = data.draw(st.integers(min_value=1, max_value=4))
    plan = data.draw(cost_plans(agreement, all_regions=False))
    projection = project(agreement, range(first, first + count), plan)
    [(_, rows)] = _read(projection.table_html(lang=lang)).tables
    _check_table(rows, projection, projection.own_share_of, _ordered(projection), lang)
    frame = projection.to_frame(totals=True)
    for party in projection.parties:
        label = (projection.agreement.region_of(party).name, party.ags, party.name)
        for year in projection.years:
            assert frame.at[label, year] == projection.own_share_of(party, year)
        assert frame.at[label, "total"] == projection.total_of(party)
    assert frame.index[-1] == ("total", "", "")
    assert list(frame.iloc[:-1].sum()) == list(frame.iloc[-1])


def test_a_wide_frame_is_towns_by_years_of_exact_decimals() -> None:
    projection = _ended_projection()
    frame = projection.to_frame()
    assert list(frame.index.names) == ["region", "party_ags", "party"]
    assert frame.columns.name == "year"
    columns: Sequence[object] = frame.columns.tolist()
    assert columns == [*projection.years]
    assert frame.shape == (len(projection.parties), len(projection.years))
    assert {type(value) for value in frame.to_numpy().ravel()} == {Decimal}
    assert list(frame.index.get_level_values("party")) == [
        party.name for party in _ordered(projection)
    ]
    # Sums of object columns of Decimals stay exact.
    assert frame[2025].sum() == sum(
        (projection.own_share_of(party, 2025) for party in projection.parties), Decimal(0)
    )


def test_the_long_frame_is_the_export_one() -> None:
    projection = _ended_projection()
    from kim_cooperation.export import to_dataframe

    assert projection.to_frame(wide=False).equals(to_dataframe(projection))


# --- A comparison ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_comparison_shows_each_scenario_and_each_variants_differences(lang: Lang) -> None:
    comparison = _comparison()
    read = _read(comparison.table_html(lang=lang))
    parties = comparison.parties
    assert len(read.tables) == 2 * len(comparison.names) - 1
    baseline_name = "Basis" if lang == "de" else "baseline"
    names = [baseline_name, *comparison.names[1:]]
    for (caption, rows), name, projection in zip(
        read.tables, names, comparison.projections, strict=False
    ):
        assert caption == f"{name}: {projection._title(lang)}"
        _check_table(
            rows, projection, projection.own_share_of, _ordered(projection, parties), lang
        )
    baseline = comparison.projections[0]
    for (caption, rows), name in zip(read.tables[len(names) :], comparison.names[1:], strict=True):
        assert caption.startswith(f"{name}: ")
        assert rows[0][2:-1] == [str(year) for year in comparison.years]

        def difference(party: Party, year: int, name: str = name) -> Decimal:
            return comparison.difference(name, party, year)

        _check_table(rows, baseline, difference, _ordered(baseline, parties), lang)
    assert comparison._repr_html_() == comparison.table_html(lang="de")


def test_a_town_that_leaves_shows_its_saving_and_the_others_their_extra() -> None:
    comparison = _comparison()
    frame = comparison.to_frame(values="difference", totals=True)
    rosendahl = ("Nord", "05558040", "Rosendahl")
    assert frame.loc[rosendahl, ("Rosendahl leaves", 2026)] == Decimal("-8125.00")
    assert frame.loc[rosendahl, ("baseline", 2026)] == Decimal("0.00")
    # What Rosendahl no longer bears, the other three of Nord bear: the year's total is zero.
    assert frame.loc[("total", "", ""), ("Rosendahl leaves", 2026)] == Decimal("0.00")
    assert list(frame.columns.names) == ["scenario", "year"]
    assert list(frame.columns.get_level_values("scenario").unique()) == list(comparison.names)


def test_a_comparisons_own_share_frame_matches_every_value() -> None:
    comparison = _comparison()
    frame = comparison.to_frame()
    for party in comparison.parties:
        label = (comparison.projections[0].agreement.region_of(party).name, party.ags, party.name)
        for name in comparison.names:
            for year in comparison.years:
                assert frame.loc[label, (name, year)] == comparison.value(name, party, year)
    assert "total" not in list(frame.columns.get_level_values("year"))
    assert comparison.to_frame(wide=False).shape[0] == len(comparison._records())


def test_a_frame_of_unknown_values_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="'own_share' or 'difference', got 'diff'"):
        _comparison().to_frame(values="diff")  # type: ignore[arg-type]


# --- Language and extras --------------------------------------------------------------------


@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch) -> None:
    for module in (i18n, _wide):
        monkeypatch.setattr(module, "translate", bracketed)
    monkeypatch.setattr(_catalogue, "catalogue", StandIn)


@pytest.mark.usefixtures("stand_in")
def test_every_german_word_of_the_tables_comes_from_the_catalogue() -> None:
    comparison = _comparison()
    projection = _ended_projection()
    for page, agreement in (
        (projection.table_html(lang="de"), projection.agreement),
        (comparison.table_html(lang="de"), comparison.projections[0].agreement),
    ):
        text = " ".join(
            [caption for caption, _ in _read(page).tables]
            + [cell for _, rows in _read(page).tables for row in rows for cell in row]
            + _read(page).paragraphs
        )
        data = {*data_of(agreement), *comparison.names[1:]}
        assert outside_the_catalogue(text, data) == []


def test_english_tables_hold_no_german_word() -> None:
    comparison = _comparison()
    page = comparison.table_html(lang="en").replace(comparison.projections[0].agreement.name, "")
    for word in ("Summe", "Kommune", "Basis", "Eigenanteil", "Unterschied"):
        assert word not in page
    assert format_eur(Decimal("8125"), lang="en") in page


def test_a_frame_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    calls: list[Callable[[], object]] = [
        lambda: _ended_projection().to_frame(),
        lambda: _comparison().to_frame(),
    ]
    for call in calls:
        with pytest.raises(ModuleNotFoundError, match=r"kim-cooperation\[pandas\]"):
            call()
