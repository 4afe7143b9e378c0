"""Multi-year projections: each town's own share and each employer's billing per year.

A projection settles the agreement for a range of years (C4, C5, C7, C9,
C12), from a cost plan per year or from one base plan whose personnel costs
grow by a yearly rate, as councils budget. Notices, changing and lapsing
funding and part-year posts all take effect through the agreement itself.

Growing costs yield fractions of a cent. The grown personnel costs of each
year are rounded half up to cents, once, from the exact compound value (not
year on year, so no rounding drifts); the plans actually used are part of the
result, so every figure can be traced.

When every party has given notice, the years after the agreement's end have
no settlement; the costs that run on until the employments end (C13) are
estimated from the year's plan (`estimate_wind_down`) and split as the
wind-down splits them, so "what if everyone leaves" shows what it costs.

Under notice terms that end inside a year (quarter, half-year, month) the
agreement can end on, say, 31 March. That year's plan is the posts' costs
for the whole year, and the year has two parts:

* a settlement of the agreement's part of the year: each item of the plan
  pro rata to that part, in twelfths, one for each calendar month up to the
  end (or in days under ``span_weighting="days"``, I10), rounded half up to
  cents once per item; funding stops with the agreement (C5, I7);
* an estimated wind-down of the rest of the year, the posts' run-on weighed
  the same way (`estimate_wind_down`), so that for posts that run on all
  year the two parts make up the whole plan.

A town's figure for the year, `Projection.own_share_of`, adds both.

Where things are, one concept a file: `YearResult`, `Projection` with its
text table, and `project` are here; ``_plans.py`` holds the cost plans:
`CostPlan`, `grow_plan` and the growth rate (`MAX_GROWTH_DIGITS`);
``_run_on.py`` the years at and after the agreement's end:
`estimate_wind_down` and the settled part of the year it ends in (I10).
The export's rows and plain data are in
``kim_cooperation.projection._table``.

Examples:
    >>> import datetime as dt
    >>> from decimal import Decimal
    >>> from kim_cooperation import presets
    >>> from kim_cooperation.projection import project
    >>> agreement = presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30))
    >>> projection = project(agreement, range(2025, 2028), presets.coesfeld_cost_plan_2023(),
    ...                      personnel_growth=Decimal("0.03"))
    >>> {year: str(amount) for year, amount in projection.own_shares_of("Rosendahl").items()}
    {2025: '8125.00', 2026: '0.00', 2027: '0.00'}
    >>> projection.plan(2027)["Nord"].personnel
    Decimal('172926.70')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from kim_cooperation._checks import (
    Exact,
    builder,
    check_lang,
    check_year,
    result_type,
    shown,
    tuple_of,
)
from kim_cooperation._table import Exportable, Record, TableKind, dataframe
from kim_cooperation.agreement import Agreement
from kim_cooperation.errors import InvalidTypeError, InvalidValueError
from kim_cooperation.formatting import Lang, _grid, format_eur_column
from kim_cooperation.i18n import N_, translate
from kim_cooperation.money import from_cents, to_cents
from kim_cooperation.party import Party
from kim_cooperation.policy import WithdrawalScope
from kim_cooperation.projection import _table as _projection_table
from kim_cooperation.projection import _wide
from kim_cooperation.projection._plans import (
    MAX_GROWTH_DIGITS,
    CostPlan,
    _frozen_plan,
    _plans_per_year,
    grow_plan,
)
from kim_cooperation.projection._run_on import _settled_part, estimate_wind_down
from kim_cooperation.settlement import BillingLine, Settlement, settle
from kim_cooperation.winddown import WindDown

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = [
    "MAX_GROWTH_DIGITS",
    "CostPlan",
    "Projection",
    "YearResult",
    "estimate_wind_down",
    "grow_plan",
    "project",
]

_MAX_YEARS = 200


@result_type(made_by="project()")
@attrs.frozen(kw_only=True)
class YearResult:
    """One year of a projection.

    Attributes:
        year: The calendar year.
        plan: The costs used for the year, per region: a read-only copy of
            the plan given, the posts' costs for the whole year.
        settlement: The settlement, or ``None`` if the agreement had ended
            before the year (after full termination only the wind-down
            remains, C13). In the year the agreement ends in, when it ends
            before 31 December, the settlement of its part of the year: of
            the plan's items pro rata to that part (see `project`).
        wind_down: For a year after the agreement's end, or the rest of the
            year it ends in, the run-on costs estimated from the year's plan
            (`estimate_wind_down`), or ``None`` if nothing runs on in the
            year.

    Examples:
        Every party gives notice by 30 June 2024; the agreement ends on
        31 December 2025, and the posts' costs run on through 2026:

        >>> import datetime as dt
        >>> from kim_cooperation import presets, scenario
        >>> ended = scenario.all_give_notice(presets.coesfeld(), dt.date(2024, 6, 30))
        >>> projection = project(ended, range(2025, 2028), presets.coesfeld_cost_plan_2023())
        >>> [(r.year, r.settlement is None, r.wind_down is None) for r in projection.results]
        [(2025, False, True), (2026, True, False), (2027, True, True)]
        >>> projection.result(2026).wind_down.regions[0].net
        Decimal('32500.00')

        Under the quarter terms of the invented example, notices by
        30 September 2025 end the agreement on 31 March 2026; 2026 has both:

        >>> early = scenario.all_give_notice(presets.example(), dt.date(2025, 9, 30))
        >>> plans = presets.example_cost_plans()
        >>> year = project(early, [2026], plans).result(2026)
        >>> year.settlement.region("West").costs.total, year.wind_down.regions[2].costs.total
        (Decimal('16500.00'), Decimal('49500.00'))
    """

    year: int
    plan: CostPlan = attrs.field(converter=_frozen_plan)
    settlement: Settlement | None
    wind_down: WindDown | None = None


@result_type(made_by="project()")
@attrs.frozen(kw_only=True)
class Projection(Exportable):
    """Settlements of an agreement over a range of years.

    Attributes:
        agreement: The agreement projected.
        results: One `YearResult` per year, in order.

    Examples:
        >>> from kim_cooperation import presets
        >>> plan = presets.coesfeld_cost_plan_2023()
        >>> projection = project(presets.coesfeld(), range(2023, 2026), plan)
        >>> projection.years
        (2023, 2024, 2025)
        >>> projection.own_share_of("Havixbeck", 2025), projection.total_of("Havixbeck")
        (Decimal('8125.00'), Decimal('24375.00'))
        >>> projection.billed_by("Coesfeld")[2025]
        Decimal('24375.00')
    """

    agreement: Agreement
    results: tuple[YearResult, ...]

    _TABLE: ClassVar[TableKind] = _projection_table.PROJECTION_TABLE

    def _plain(self) -> dict[str, object]:
        return _projection_table.projection_plain(self)

    def _records(self) -> list[Record]:
        return _projection_table.projection_records(self)

    def _title(self, lang: Lang) -> str:
        return _projection_table.projection_title(self, lang)

    def table(self, *, lang: Lang = "de") -> str:
        """Return each town's own share per year as a text table, with totals (C4, C7, C13).

        The table of the command line's ``project``: towns by years, in
        German (default, ``8.125 €``) or English (``€8,125``). ``str()`` and
        the notebook's text view show it in German; ``repr()`` is one line.
        `kim_cooperation.export.to_text` gives every row with its region and
        clause instead.

        Examples:
            >>> from kim_cooperation import presets
            >>> projection = project(presets.coesfeld(), [2023, 2024],
            ...                      presets.coesfeld_cost_plan_2023())
            >>> print(projection.table(lang="en"))
            Own shares per town and year
              Town          2023     2024     Total
              Billerbeck  €8,125   €8,125   €16,250
              Coesfeld    €8,125   €8,125   €16,250
              Havixbeck   €8,125   €8,125   €16,250
              Rosendahl   €8,125   €8,125   €16,250
              Total      €32,500  €32,500   €65,000
            >>> projection
            <Projection 2023–2024 of 4 towns: Kooperationsvereinbarung Kommunales Case-Management ...>
        """
        lang = check_lang(lang)
        town, total = _say(N_("Town"), lang), _say(N_("Total"), lang)
        parties = self.parties
        headers = [town, *(_year_heading(self, year) for year in self.years)]
        yearly = [
            sum(to_cents(self.own_share_of(party, year)) for party in parties)
            for year in self.years
        ]
        # One column per year and one of totals, each in one format (cents throughout or none).
        columns = [
            format_eur_column(
                [*(self.own_share_of(party, year) for party in parties), from_cents(total)],
                lang=lang,
            )
            for year, total in zip(self.years, yearly, strict=True)
        ]
        columns.append(
            format_eur_column(
                [*(self.total_of(party) for party in parties), from_cents(sum(yearly))],
                lang=lang,
            )
        )
        names = [party.name for party in parties] + [total]
        rows = [[name, *(column[index] for column in columns)] for index, name in enumerate(names)]
        lines = [
            _say(N_("Own shares per town and year"), lang),
            *_grid([*headers, total], rows),
        ]
        return "\n".join(lines + _year_notes(self, lang))

    def table_html(self, *, lang: Lang = "de") -> str:
        """Return each town's own share per year as an HTML table, with totals (C4, C7, C13).

        What a notebook shows for a projection (``_repr_html_``, in German):
        towns by years grouped by region, each town's total, each year's
        total and the grand total, exact to the cent, the years marked as
        in `table`, with the clauses and the marks' notes under the table.
        Every text is escaped. `kim_cooperation.export.to_html` gives every
        row with its region and clause instead.

        Examples:
            >>> from kim_cooperation import presets
            >>> projection = project(presets.coesfeld(), [2023, 2024],
            ...                      presets.coesfeld_cost_plan_2023())
            >>> page = projection.table_html(lang="en")
            >>> '<th class="money">2024</th>' in page, '<td class="money">€8,125</td>' in page
            (True, True)
            >>> page.count("<tr>"), '<th class="money">€65,000</th>' in page  # 4 towns, totals
            (6, True)
        """
        return _wide.projection_html(self, check_lang(lang))

    def _repr_html_(self) -> str:
        return self.table_html()

    def to_frame(self, *, wide: bool = True, totals: bool = False) -> pd.DataFrame:
        """Return the own shares as a pandas DataFrame; extra ``pandas``.

        Wide (default): one row per town, indexed by ``region``,
        ``party_ags`` and ``party`` in the agreement's order of regions, and
        one column per year, each cell the exact `~decimal.Decimal` of
        `own_share_of` (C4, C7, C12, C13). With ``totals=True`` a column
        ``total`` and a last row ``("total", "", "")`` hold the sums, exact
        to the cent. ``wide=False`` gives the long table of
        `kim_cooperation.export.to_dataframe`: a row per year and town with
        its basis and clause.

        Raises:
            ModuleNotFoundError: pandas is not installed (the extra ``pandas``).

        Examples:
            >>> from kim_cooperation import presets
            >>> projection = project(presets.coesfeld(), [2023, 2024],
            ...                      presets.coesfeld_cost_plan_2023())
            >>> frame = projection.to_frame(totals=True)
            >>> frame.loc[("Nord", "05558020", "Havixbeck"), 2024]
            Decimal('8125.00')
            >>> frame.loc[("total", "", ""), "total"]
            Decimal('65000.00')
            >>> frame.shape, projection.to_frame(wide=False).shape
            ((5, 3), (8, 7))
        """
        if not wide:
            return dataframe(self)
        return _wide.projection_frame(self, totals=totals)

    def __str__(self) -> str:
        return self.table()

    def __repr__(self) -> str:
        years = self.years
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else "".join(map(str, years))
        return f"<Projection {span} of {len(self.parties)} towns: {self.agreement.name}>"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """IPython's and Jupyter's text view: the table, not the fields."""
        printer.text("<Projection ...>" if cycle else self.table())

    def plot(self, *, lang: Lang = "de") -> Figure:
        """Return a chart of each town's own share over the years (C4, C7); extra ``plot``.

        One panel per region, one line per town, the years headed as in
        `table` (``2027*`` for a year of run-on costs, C13). Titled with the
        years, the clauses and the agreement; German (``10.000 €``) or
        English. A matplotlib `~matplotlib.figure.Figure` on the Agg canvas:
        ``figure.savefig("projection.png")``, or shown by Jupyter after
        ``%matplotlib inline``.

        Raises:
            ModuleNotFoundError: matplotlib is not installed (the extra ``plot``).

        Examples:
            >>> from kim_cooperation import presets
            >>> projection = project(presets.coesfeld(), [2023, 2024],
            ...                      presets.coesfeld_cost_plan_2023())
            >>> figure = projection.plot(lang="en")
            >>> print(figure.get_suptitle())
            Own share per town 2023–2024 (C4, C7)
            Kooperationsvereinbarung Kommunales Case-Management in den kreisangehörigen Kommunen des Kreises Coesfeld
            >>> [line.get_label() for line in figure.axes[0].get_lines()]
            ['Billerbeck', 'Coesfeld', 'Havixbeck', 'Rosendahl']
        """
        from kim_cooperation.projection import _chart_data  # noqa: PLC0415 - only when drawn

        lang = check_lang(lang)
        return _chart_data.projection_figure(
            self,
            headings=[_year_heading(self, year) for year in self.years],
            notes=[note.strip() for note in _year_notes(self, lang)],
            lang=lang,
        )

    @property
    def years(self) -> tuple[int, ...]:
        """The projected years."""
        return tuple(result.year for result in self.results)

    def result(self, year: int) -> YearResult:
        """Return one year's result.

        Raises:
            InvalidValueError: ``year`` is not in the projection.
        """
        for result in self.results:
            if result.year == year:
                return result
        raise InvalidValueError(
            N_("{year} is not a year of this projection {years}"),
            year=shown(year),
            years=self.years,
        )

    def plan(self, year: int) -> CostPlan:
        """Return the costs used for ``year``, per region."""
        return self.result(year).plan

    def own_share_of(self, party: str | Party, year: int) -> Decimal:
        """Return what a town bears in ``year``: its part of its region's own share (C4, C7).

        Zero in years when the town is no longer a member (C12). After the
        agreement has ended, its part of the estimated run-on costs (C13),
        zero once nothing runs on. In the year the agreement ends in, when
        it ends before 31 December, its part of the settled part of the year
        plus its part of the run-on estimated for the rest.

        Under ``withdrawal_scope="agreement"`` a town of a region without
        costs in the plan bears its parts of the planned regions' own shares
        (C12): zero in a year it bears none, if it bears one in any year
        (it is then one of `parties`).

        Raises:
            UnknownPartyError: ``party`` is not a party to the agreement.
            UnknownRegionError: The town's region had no costs in the plan
                and it bears nothing of the regions that had, in any year.
        """
        found = self.agreement.party(party)
        result = self.result(year)
        cents = 0
        if result.settlement is not None:
            # Sums the parts of every region: under withdrawal_scope="agreement" a
            # town also bears parts of other regions' own shares (C12).
            parts = [
                to_cents(region.split[found])
                for region in result.settlement.regions
                if found in region.split
            ]
            if not parts:
                region = self.agreement.region_of(found)
                settled = any(item.region == region for item in result.settlement.regions)
                # A town of a region without costs that bears nothing this year: zero if it
                # bears a part in another year (one of `parties`), else UnknownRegionError.
                if not settled and found not in self.parties:
                    result.settlement.region(region)
            cents += sum(parts)
        if result.wind_down is not None:
            cents += sum(
                to_cents(region.split[found])
                for region in result.wind_down.regions
                if found in region.split
            )
        return from_cents(cents)

    @property
    def parties(self) -> tuple[Party, ...]:
        """The parties that can bear a share in the projection, ordered by AGS.

        The towns of the regions any year's plan has costs for; under the
        policy ``withdrawal_scope="agreement"`` also every town that bears a
        part of a planned region's own share or run-on in any year, as a
        town can then bear parts of other regions' own shares (C12).
        """
        agreement = self.agreement
        planned = {agreement.region(name) for result in self.results for name in result.plan}
        chosen = {party for party in agreement.parties if agreement.region_of(party) in planned}
        if agreement.policies.withdrawal_scope is WithdrawalScope.AGREEMENT:
            for result in self.results:
                for run in (result.settlement, result.wind_down):
                    if run is not None:
                        chosen.update(party for region in run.regions for party in region.split)
        return tuple(party for party in agreement.parties if party in chosen)

    def own_shares_of(self, party: str | Party) -> Mapping[int, Decimal]:
        """Return a town's own share for every projected year."""
        return MappingProxyType({year: self.own_share_of(party, year) for year in self.years})

    def total_of(self, party: str | Party) -> Decimal:
        """Return a town's own shares summed over the projection."""
        return from_cents(sum(to_cents(amount) for amount in self.own_shares_of(party).values()))

    def billing(self, year: int) -> tuple[BillingLine, ...]:
        """Return the billing lines of ``year`` (C9); none after the agreement ended."""
        settlement = self.result(year).settlement
        return () if settlement is None else settlement.billing

    def billed_by(self, employer: str | Party) -> Mapping[int, Decimal]:
        """Return what an employer bills the other towns of its region, per year (C9)."""
        found = self.agreement.party(employer)
        return MappingProxyType(
            {
                year: from_cents(
                    sum(
                        to_cents(line.amount)
                        for line in self.billing(year)
                        if line.creditor == found
                    )
                )
                for year in self.years
            }
        )


def project(
    agreement: Agreement,
    years: Iterable[int],
    plans: CostPlan | Mapping[int, CostPlan],
    *,
    personnel_growth: Exact = 0,
) -> Projection:
    """Settle the agreement for each of ``years`` (C4, C5, C7, C9, C12).

    Args:
        agreement: The agreement, with its notices and funding schedule.
        years: Consecutive or not, each at most once, at most 200.
        plans: Either one base plan (costs per region name), used for the
            first year and grown by ``personnel_growth`` for each year after
            it; or a plan per year (a mapping from year to plan), which must
            cover every projected year.
        personnel_growth: The yearly growth of personnel costs for a base
            plan, an exact number such as ``Decimal("0.03")`` of at most
            `MAX_GROWTH_DIGITS` digits (see `grow_plan`); ignored with plans
            per year, where it must stay 0.

    Returns:
        The projection. A year after the agreement ended (every party gave
        notice) has no settlement; the costs that run on in it are
        estimated from its plan (`estimate_wind_down`, C13). A year in which
        the agreement ends before 31 December (quarter, half-year or month
        notice terms) has both: a settlement of the plan's items pro rata
        to the agreement's part of the year (twelfths for each month up to
        the end, or days under ``span_weighting="days"``, I10; rounded half
        up to cents once per item), and the run-on estimated for the rest.

    Raises:
        InvalidValueError: No years, a year twice, too many years, a year
            missing from plans per year, a growth rate with plans per year, or
            a growth rate below -1 or longer than `MAX_GROWTH_DIGITS` digits.
        UnknownRegionError: A plan names a region the agreement lacks.

    Examples:
        >>> from kim_cooperation import presets
        >>> plans = {2023: presets.coesfeld_cost_plan_2023(), 2024: presets.coesfeld_cost_plan_2023()}
        >>> projection = project(presets.coesfeld(), [2023, 2024], plans)
        >>> projection.billed_by("Coesfeld")[2024]
        Decimal('24375.00')
    """
    if not isinstance(agreement, Agreement):
        raise InvalidTypeError(
            f"agreement must be an Agreement, got {type(agreement).__name__} {shown(agreement)}"
        )
    chosen = [check_year(year) for year in tuple_of(years, object, what="years")]
    if not chosen:
        raise InvalidValueError(N_("a projection needs at least one year"))
    if len(set(chosen)) != len(chosen):
        raise InvalidValueError(N_("each year may be projected once, got {years}"), years=chosen)
    if len(chosen) > _MAX_YEARS:
        raise InvalidValueError(
            N_("a projection covers at most {most} years, got {count}"),
            most=_MAX_YEARS,
            count=len(chosen),
        )
    chosen.sort()
    per_year = _plans_per_year(chosen, plans, personnel_growth)
    ends = agreement.ends
    results = []
    for year in chosen:
        plan = per_year[year]
        if ends is not None and ends < dt.date(year, 1, 1):
            results.append(
                builder(YearResult)(
                    year=year,
                    plan=plan,
                    settlement=None,
                    wind_down=estimate_wind_down(agreement, year, plan),
                )
            )
        elif ends is not None and ends.year == year and ends < dt.date(year, 12, 31):
            results.append(
                builder(YearResult)(
                    year=year,
                    plan=plan,
                    settlement=settle(agreement, year, _settled_part(agreement, year, plan)),
                    wind_down=estimate_wind_down(agreement, year, plan),
                )
            )
        else:
            results.append(
                builder(YearResult)(year=year, plan=plan, settlement=settle(agreement, year, plan))
            )
    return builder(Projection)(agreement=agreement, results=tuple(results))


def _say(template: str, lang: Lang, /, **fields: object) -> str:
    """``template``, a catalogue text marked with `N_`, in ``lang``, its fields filled in."""
    text = translate(template, lang)
    return text.format(**fields) if fields else text


def _year_heading(projection: Projection, year: int) -> str:
    """A year's column heading in a projection's table, marked as its basis is (C13).

    ``2026+``: the agreement ends within the year (settled until its end,
    run-on after it); ``2027*``: run-on only; ``2028–``: nothing runs on.

    Examples:
        >>> from kim_cooperation import presets
        >>> projection = project(presets.coesfeld(), [2023], presets.coesfeld_cost_plan_2023())
        >>> _year_heading(projection, 2023)
        '2023'
    """
    return _wide.year_heading(projection.result(year))


def _year_notes(projection: Projection, lang: Lang) -> list[str]:
    """The notes on the marks of the year headings, indented: ``+``, ``*`` and ``–`` (C7, C13).

    Examples:
        >>> from kim_cooperation import presets
        >>> _year_notes(project(presets.coesfeld(), [2023], presets.coesfeld_cost_plan_2023()), "en")
        []
    """
    return [f"  {note}" for note in _wide.year_marks(projection.results, lang)]
