"""Scenario comparison: a baseline and named variants side by side, per town and year.

Towns ask "what if": what if Rosendahl leaves, what if the state raises the
rate to 57,000 EUR or stops paying, what does it cost us if everyone gives
notice. A scenario is simply another `Agreement`; the helpers here build the
usual ones from a baseline, and `compare` projects all of them over the same
years and cost plans and reports each town's own share and the difference to
the baseline.

Examples:
    >>> import datetime as dt
    >>> from decimal import Decimal
    >>> from kim_cooperation import presets
    >>> from kim_cooperation import scenario
    >>> base = presets.coesfeld()
    >>> comparison = scenario.compare(
    ...     base,
    ...     {
    ...         "57,000 from 2024": scenario.rate_change(base, Decimal("57000"), dt.date(2024, 1, 1)),
    ...         "no funding from 2025": scenario.loss_of_funding(base, dt.date(2025, 1, 1)),
    ...     },
    ...     range(2023, 2026),
    ...     presets.coesfeld_cost_plan_2023(),
    ... )
    >>> comparison.value("57,000 from 2024", "Billerbeck", 2024)
    Decimal('6875.00')
    >>> comparison.difference("no funding from 2025", "Billerbeck", 2025)
    Decimal('34375.00')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import attrs

from kim_cooperation._checks import (
    Exact,
    builder,
    check_date,
    check_label,
    check_lang,
    result_type,
    shown,
    to_fraction,
    tuple_of,
)
from kim_cooperation._table import Exportable, Record, TableKind, dataframe
from kim_cooperation.agreement import Agreement, check_agreement
from kim_cooperation.clauses import Clause
from kim_cooperation.errors import InvalidTypeError, InvalidValueError
from kim_cooperation.formatting import Lang
from kim_cooperation.funding import FundingRate, FundingSchedule
from kim_cooperation.i18n import N_
from kim_cooperation.money import Money, from_cents, to_cents
from kim_cooperation.party import Party
from kim_cooperation.projection import CostPlan, Projection, _wide, project
from kim_cooperation.projection import _table as _projection_table

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = [
    "BASELINE",
    "Comparison",
    "Variant",
    "all_give_notice",
    "compare",
    "loss_of_funding",
    "notice_by",
    "rate_change",
]

BASELINE = "baseline"
"""The name of the baseline scenario in a `Comparison`."""


def rate_change(
    agreement: Agreement,
    amount: Money,
    valid_from: dt.date,
    *,
    source: str | None = None,
    replace: bool = False,
) -> Agreement:
    """Return the agreement with a new funding rate from ``valid_from`` on (C5, C6).

    Rates of the agreement that start later still apply from their day on.

    Args:
        agreement: The agreement as it stands.
        amount: EUR per full-time post and year.
        valid_from: The first day of the new rate.
        source: Where the rate comes from; a scenario label by default.
        replace: What to do with a rate of the agreement that starts on
            ``valid_from`` too: ``False`` (default) refuses it, ``True``
            puts the new rate in its place ("what if the rate from that day
            were ..."), as the command line does.

    Raises:
        InvalidValueError: A rate already starts on ``valid_from`` and
            ``replace`` is ``False``.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> changed = rate_change(presets.coesfeld(), 57000, dt.date(2024, 1, 1))
        >>> changed.funding.rate_on(dt.date(2024, 1, 1)).clause
        <Clause.C6: 'C6'>

        The Coesfeld rate starts on 1 January 2023, the agreement's first day;
        a different rate from that day replaces it:

        >>> from_start = rate_change(presets.coesfeld(), 57000, dt.date(2023, 1, 1), replace=True)
        >>> [str(rate.amount) for rate in from_start.funding.rates]
        ['57000.00']
    """
    agreement = check_agreement(agreement)
    valid_from = check_date(valid_from, what="valid_from")
    if not isinstance(replace, bool):
        raise InvalidTypeError(f"replace must be True or False, got {shown(replace)}")
    rate = FundingRate(
        valid_from=valid_from,
        amount=amount,
        source=f"Scenario: rate change from {valid_from.isoformat()}"
        if source is None
        else source,
        clause=Clause.C6,
    )
    if not replace:
        return agreement.with_funding(agreement.funding.with_rate(rate))
    kept = [earlier for earlier in agreement.funding.rates if earlier.valid_from != valid_from]
    rates = sorted((*kept, rate), key=lambda item: item.valid_from)
    return agreement.with_funding(FundingSchedule(rates=rates))


def loss_of_funding(
    agreement: Agreement, valid_from: dt.date, *, source: str | None = None
) -> Agreement:
    """Return the agreement with the funding ending on ``valid_from`` (C10).

    Without funding the towns bear the whole costs in equal parts.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets, settle
        >>> no_funding = loss_of_funding(presets.coesfeld(), dt.date(2025, 1, 1))
        >>> plan = presets.coesfeld_cost_plan_2023()
        >>> [settle(no_funding, year, plan).own_share_of("Havixbeck") for year in (2024, 2025)]
        [Decimal('8125.00'), Decimal('42500.00')]
    """
    agreement = check_agreement(agreement)
    valid_from = check_date(valid_from, what="valid_from")
    return agreement.with_funding(
        agreement.funding.without_funding_from(
            valid_from,
            source=f"Scenario: funding ends {valid_from.isoformat()}"
            if source is None
            else source,
        )
    )


def notice_by(
    agreement: Agreement,
    party: str | Party,
    received: dt.date,
    *,
    successor: str | Party | None = None,
) -> Agreement:
    """Return the agreement after ``party`` gave notice received on ``received`` (C11, C12).

    ``successor`` names the town that employs the case managers of a region
    whose employer leaves while its other towns stay (C3, I8); see
    `Agreement.give_notice`.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> left = notice_by(presets.coesfeld(), "Rosendahl", dt.date(2024, 6, 30))
        >>> left.termination_of("Rosendahl")
        datetime.date(2025, 12, 31)
        >>> [party.name for party in left.members_on(dt.date(2026, 1, 1), region="Nord")]
        ['Billerbeck', 'Coesfeld', 'Havixbeck']
        >>> handed_over = notice_by(
        ...     presets.coesfeld(), "Coesfeld", dt.date(2024, 6, 30), successor="Billerbeck")
        >>> handed_over.employer_of("Nord", 2026).name
        'Billerbeck'
    """
    return check_agreement(agreement).give_notice(party, received, successor=successor)


def all_give_notice(agreement: Agreement, received: dt.date) -> Agreement:
    """Return the agreement after every party gave notice received on ``received`` (C11, C13).

    Parties that have already given notice keep their notice. The agreement
    ends on the last termination date; afterwards the towns owe no regular
    own shares, only the wind-down (see `kim_cooperation.wind_down`).

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> ended = all_give_notice(presets.coesfeld(), dt.date(2024, 6, 30))
        >>> ended.ends
        datetime.date(2025, 12, 31)
        >>> early = presets.coesfeld().give_notice("Rosendahl", dt.date(2023, 6, 30))
        >>> all_give_notice(early, dt.date(2024, 6, 30)).termination_of("Rosendahl")
        datetime.date(2024, 12, 31)
    """
    agreement = check_agreement(agreement)
    return agreement.give_notices(
        {party: received for party in agreement.parties if agreement.termination_of(party) is None}
    )


def _variant_agreement(_instance: object, _attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Agreement):
        raise InvalidTypeError(
            f"a variant's agreement must be an Agreement, got {type(value).__name__}"
        )


def _variant_growth(_instance: object, _attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if to_fraction(value, what="personnel_growth") < -1:
        raise InvalidValueError(
            N_("personnel_growth must be at least -1, got {value}"), value=shown(value)
        )


@attrs.frozen(kw_only=True)
class Variant:
    """A variant of the agreement, with its own yearly growth of personnel costs if it has one.

    `compare` takes an `Agreement` or a `Variant` for each name. A variant's
    growth replaces the comparison's ``personnel_growth`` for it: the plan of
    the first compared year (the base plan, or the first year's plan of
    plans per year) grows by it each later year, while the baseline keeps
    its plans. Scenario files (`kim_cooperation.scenario_file`) give their
    variants this way.

    Attributes:
        agreement: The agreement with the variant's changes.
        personnel_growth: The yearly growth of personnel costs, an exact
            number of at least -1 such as ``Decimal("0.03")``; ``None``
            (default) for the comparison's.

    Examples:
        >>> import datetime as dt
        >>> from decimal import Decimal
        >>> from kim_cooperation import presets
        >>> base = presets.coesfeld()
        >>> costs_rise = Variant(agreement=base, personnel_growth=Decimal("0.03"))
        >>> comparison = compare(base, {"+3 %": costs_rise}, [2023, 2024], presets.coesfeld_cost_plan_2023())
        >>> comparison.value("+3 %", "Havixbeck", 2024), comparison.value("baseline", "Havixbeck", 2024)
        (Decimal('9347.50'), Decimal('8125.00'))
    """

    agreement: Agreement = attrs.field(validator=_variant_agreement)
    personnel_growth: Exact | None = attrs.field(default=None, validator=_variant_growth)


@result_type(made_by="compare()")
@attrs.frozen(kw_only=True)
class Comparison(Exportable):
    """Own shares per scenario, town and year, with the differences to the baseline.

    Attributes:
        names: The scenario names, the baseline first.
        projections: One `Projection` per name, in the same order.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> base = presets.coesfeld()
        >>> variants = {"Rosendahl leaves": notice_by(base, "Rosendahl", dt.date(2024, 6, 30))}
        >>> comparison = compare(base, variants, [2025, 2026], presets.coesfeld_cost_plan_2023())
        >>> comparison.names, comparison.years
        (('baseline', 'Rosendahl leaves'), (2025, 2026))
        >>> comparison.value("Rosendahl leaves", "Coesfeld", 2026)
        Decimal('10833.34')
        >>> party, year, values, differences = comparison.rows()[-1]
        >>> party.name, year, [str(value) for value in values], [str(d) for d in differences]
        ('Rosendahl', 2026, ['8125.00', '0.00'], ['0.00', '-8125.00'])
    """

    names: tuple[str, ...]
    projections: tuple[Projection, ...]

    _TABLE: ClassVar[TableKind] = _projection_table.COMPARISON_TABLE

    def _plain(self) -> dict[str, object]:
        return _projection_table.comparison_plain(self)

    def _records(self) -> list[Record]:
        return _projection_table.comparison_records(self)

    def _title(self, lang: Lang) -> str:
        return _projection_table.comparison_title(self, lang)

    def plot(self, *, lang: Lang = "de") -> Figure:
        """Return a chart of each town's difference to the baseline per year; extra ``plot``.

        One panel per scenario other than the baseline, per town one bar a
        year: what the town bears more (up) or less (down) than in the
        baseline. Titled with the years, the clauses and the agreement;
        German (``10.000 €``) or English. A matplotlib
        `~matplotlib.figure.Figure` on the Agg canvas.

        Raises:
            ModuleNotFoundError: matplotlib is not installed (the extra ``plot``).
            InvalidValueError: The comparison has no scenario besides the baseline.

        Examples:
            >>> import datetime as dt
            >>> from kim_cooperation import presets
            >>> base = presets.coesfeld()
            >>> variants = {"Rosendahl leaves": notice_by(base, "Rosendahl", dt.date(2024, 6, 30))}
            >>> comparison = compare(base, variants, [2025, 2026], presets.coesfeld_cost_plan_2023())
            >>> figure = comparison.plot(lang="en")
            >>> print(figure.get_suptitle().splitlines()[0])
            Own share per town against the baseline, 2025–2026 (C4, C7, C12)
            >>> [float(bar.get_height()) for bar in figure.axes[0].containers[1]]  # 2026
            [2708.33, 2708.34, 2708.33, -8125.0]
        """
        from kim_cooperation import _comparison_chart  # noqa: PLC0415 - only when drawn

        return _comparison_chart.comparison_figure(self, lang=check_lang(lang))

    def table_html(self, *, lang: Lang = "de") -> str:
        """Return the comparison as HTML tables of towns by years, with totals (C4, C7, C12, C13).

        What a notebook shows for a comparison (``_repr_html_``, in German):
        each scenario's own shares, the baseline first, then each variant's
        differences against the baseline (positive: the town bears more),
        every table with each town's total, each year's total and the grand
        total, exact to the cent. `kim_cooperation.export.to_html` gives
        every row with its scenario and clause instead.

        Examples:
            >>> import datetime as dt
            >>> from kim_cooperation import presets
            >>> base = presets.coesfeld()
            >>> variants = {"Rosendahl leaves": notice_by(base, "Rosendahl", dt.date(2024, 6, 30))}
            >>> comparison = compare(base, variants, [2025, 2026], presets.coesfeld_cost_plan_2023())
            >>> page = comparison.table_html(lang="en")
            >>> page.count("<table"), "<caption>Rosendahl leaves: Differences against" in page
            (3, True)
            >>> '<td class="money total">-€8,125.00</td>' in page  # Rosendahl, 2025–2026
            True
        """
        return _wide.comparison_html(self, check_lang(lang))

    def _repr_html_(self) -> str:
        return self.table_html()

    def to_frame(
        self,
        *,
        wide: bool = True,
        values: Literal["own_share", "difference"] = "own_share",
        totals: bool = False,
    ) -> pd.DataFrame:
        """Return the comparison as a pandas DataFrame; extra ``pandas``.

        Wide (default): one row per town (`parties`), indexed by ``region``,
        ``party_ags`` and ``party``; the columns are scenario and year,
        the baseline first; each cell the exact `~decimal.Decimal` own share
        (``values="own_share"``) or difference against the baseline
        (``values="difference"``, zero for the baseline). With
        ``totals=True`` each scenario gets a column ``total`` and a last row
        ``("total", "", "")`` holds the sums. ``wide=False`` gives the long
        table of `kim_cooperation.export.to_dataframe`.

        Raises:
            ModuleNotFoundError: pandas is not installed (the extra ``pandas``).
            InvalidValueError: ``values`` is neither ``"own_share"`` nor ``"difference"``.

        Examples:
            >>> import datetime as dt
            >>> from kim_cooperation import presets
            >>> base = presets.coesfeld()
            >>> variants = {"Rosendahl leaves": notice_by(base, "Rosendahl", dt.date(2024, 6, 30))}
            >>> comparison = compare(base, variants, [2025, 2026], presets.coesfeld_cost_plan_2023())
            >>> frame = comparison.to_frame(values="difference", totals=True)
            >>> frame.loc[("Nord", "05558040", "Rosendahl"), ("Rosendahl leaves", 2026)]
            Decimal('-8125.00')
            >>> frame.loc[("total", "", ""), ("Rosendahl leaves", "total")]
            Decimal('0.00')
        """
        if not wide:
            return dataframe(self)
        return _wide.comparison_frame(self, values=values, totals=totals)

    @property
    def years(self) -> tuple[int, ...]:
        """The compared years."""
        return self.projections[0].years

    @property
    def parties(self) -> tuple[Party, ...]:
        """The parties that bear a share in any scenario, ordered by AGS (see `Projection.parties`)."""
        found = {party for projection in self.projections for party in projection.parties}
        return tuple(party for party in self.projections[0].agreement.parties if party in found)

    def projection(self, name: str) -> Projection:
        """Return one scenario's projection.

        Raises:
            InvalidValueError: No scenario has that name.
        """
        if name not in self.names:
            raise InvalidValueError(
                N_("no scenario {name}; scenarios are {names}"),
                name=shown(name),
                names=list(self.names),
            )
        return self.projections[self.names.index(name)]

    def value(self, name: str, party: str | Party, year: int) -> Decimal:
        """Return a town's own share in one scenario and year."""
        return self.projection(name).own_share_of(party, year)

    def difference(self, name: str, party: str | Party, year: int) -> Decimal:
        """Return how much more (positive) or less a town bears than in the baseline."""
        change = to_cents(self.value(name, party, year)) - to_cents(
            self.value(BASELINE, party, year)
        )
        return from_cents(change)

    def rows(self) -> tuple[tuple[Party, int, tuple[Decimal, ...], tuple[Decimal, ...]], ...]:
        """Return, per town and year, the values of every scenario and their differences.

        Each row is ``(party, year, values, differences)`` with one value and
        one difference per scenario name (the baseline's difference is zero).
        """
        return tuple(
            (
                party,
                year,
                tuple(self.value(name, party, year) for name in self.names),
                tuple(self.difference(name, party, year) for name in self.names),
            )
            for party in self.parties
            for year in self.years
        )


def compare(
    baseline: Agreement,
    variants: Mapping[str, Agreement | Variant],
    years: Iterable[int],
    plans: CostPlan | Mapping[int, CostPlan],
    *,
    personnel_growth: Exact = 0,
) -> Comparison:
    """Project a baseline and named variants over the same years and plans.

    Args:
        baseline: The agreement as it stands.
        variants: Named variants, e.g. from `rate_change`, `loss_of_funding`,
            `notice_by` or `all_give_notice`; each must have the same
            parties as the baseline. A `Variant` carries its own yearly
            growth of personnel costs.
        years: The years to compare.
        plans: A base plan or plans per year, as for `kim_cooperation.projection.project`.
        personnel_growth: Yearly growth of personnel costs for a base plan.

    Raises:
        InvalidValueError: A variant is named ``"baseline"`` or has other
            parties than the baseline.
        InvalidTypeError: A variant is not an `Agreement` or a `Variant`.

    Examples:
        If every party gives notice by 30 June 2024, Billerbeck still pays
        its share in 2025, its part of the estimated run-on costs in 2026
        (C13, here as much as before), and nothing from 2027 on:

        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> base = presets.coesfeld()
        >>> variants = {"all leave": all_give_notice(base, dt.date(2024, 6, 30))}
        >>> plan = presets.coesfeld_cost_plan_2023()
        >>> comparison = compare(base, variants, range(2025, 2028), plan)
        >>> [str(comparison.difference("all leave", "Billerbeck", y)) for y in comparison.years]
        ['0.00', '0.00', '-8125.00']
    """
    if not isinstance(variants, Mapping):
        raise InvalidTypeError(
            f"variants must be a mapping of name to Agreement, got {type(variants).__name__}"
        )
    baseline = check_agreement(baseline, what="baseline")
    chosen = list(tuple_of(years, int, what="years"))
    names = [BASELINE]
    agreements: list[tuple[Agreement, Exact | None]] = [(baseline, None)]
    for name, variant in variants.items():
        check_label(name, what="scenario name")
        if name == BASELINE:
            raise InvalidValueError(
                N_("the name {name!r} is reserved for the baseline"), name=BASELINE
            )
        if isinstance(variant, Variant):
            agreement, growth = variant.agreement, variant.personnel_growth
        elif isinstance(variant, Agreement):
            agreement, growth = variant, None
        else:
            raise InvalidTypeError(
                f"scenario {shown(name)} must be an Agreement or a Variant, "
                f"got {type(variant).__name__}"
            )
        if agreement.parties != baseline.parties:
            raise InvalidValueError(
                N_(
                    "scenario {name} has other parties than the baseline; compare agreements "
                    "of the same parties"
                ),
                name=shown(name),
            )
        names.append(name)
        agreements.append((agreement, growth))
    projections = tuple(
        project(agreement, chosen, plans, personnel_growth=personnel_growth)
        if growth is None
        else project(agreement, chosen, _base_plan(plans, chosen), personnel_growth=growth)
        for agreement, growth in agreements
    )
    return builder(Comparison)(names=tuple(names), projections=projections)


def _base_plan(plans: CostPlan | Mapping[int, CostPlan], years: list[int]) -> CostPlan:
    """The plan a variant's own growth grows from: the base plan, or the first year's.

    With plans per year that lack the first year, the plans are returned as
    they are: `project` refuses them with its message, as it does for the
    baseline.
    """
    if not isinstance(plans, Mapping) or not plans or not years:
        return plans  # type: ignore[return-value]  # project refuses it with its message
    if not all(isinstance(key, int) and not isinstance(key, bool) for key in plans):
        return plans  # type: ignore[return-value]  # a base plan
    per_year: Mapping[int, CostPlan] = plans  # type: ignore[assignment]
    return per_year.get(min(years), plans)  # type: ignore[arg-type]
