"""Projections and scenario comparisons as tables of own shares per town and year (C4, C7, C13).

`render_projection` writes a projection's table (years after full
termination marked, C13); `render_comparison` writes one table per
scenario, each variant's with the difference to the baseline.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from kim_cooperation._checks import check_instance, check_lang
from kim_cooperation.formatting import Lang, _grid, format_eur_column
from kim_cooperation.i18n import N_
from kim_cooperation.money import from_cents, to_cents
from kim_cooperation.projection import Projection, _year_heading, _year_notes
from kim_cooperation.report._texts import _MAKE, _say
from kim_cooperation.scenario import BASELINE, Comparison


def render_projection(projection: Projection, *, lang: Lang = "de") -> str:
    """Render a projection as a table of each town's own share per year, with totals (C4, C7, C13).

    The last column is each town's total over the years, the last row each
    year's total over the towns. Years after full termination show the
    estimated run-on (marked ``*``) or nothing once nothing runs on.

    Examples:
        >>> from kim_cooperation import presets
        >>> from kim_cooperation.projection import project
        >>> projection = project(presets.coesfeld(), [2023, 2024], presets.coesfeld_cost_plan_2023())
        >>> print(render_projection(projection, lang="en"))
        Own shares per town and year
          Town          2023     2024     Total
          Billerbeck  €8,125   €8,125   €16,250
          Coesfeld    €8,125   €8,125   €16,250
          Havixbeck   €8,125   €8,125   €16,250
          Rosendahl   €8,125   €8,125   €16,250
          Total      €32,500  €32,500   €65,000
    """
    check_instance(projection, Projection, what="projection", how=_MAKE["projection"])
    return projection.table(lang=lang)


def render_comparison(comparison: Comparison, *, lang: Lang = "de") -> str:
    """Render a scenario comparison: per scenario each town's own share per year and the difference.

    The baseline's table shows the own shares; each variant's table shows
    them with the difference to the baseline in brackets. The last row of
    each table is the year's total over the towns.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets, scenario
        >>> base = presets.coesfeld()
        >>> comparison = scenario.compare(
        ...     base, {"Rosendahl leaves": scenario.notice_by(base, "Rosendahl", dt.date(2024, 6, 30))},
        ...     [2026], presets.coesfeld_cost_plan_2023())
        >>> print(render_comparison(comparison, lang="en"))  # doctest: +ELLIPSIS
        Scenario baseline: own shares per town and year
          Town           2026
          Billerbeck   €8,125
          Coesfeld     €8,125
          Havixbeck    €8,125
          Rosendahl    €8,125
          Total       €32,500
        <BLANKLINE>
        Scenario Rosendahl leaves: own shares per town and year (difference to baseline)
          Town                           2026
          Billerbeck  €10,833.33 (+€2,708.33)
          Coesfeld    €10,833.34 (+€2,708.34)
          Havixbeck   €10,833.33 (+€2,708.33)
          Rosendahl        €0.00 (-€8,125.00)
          Total            €32,500.00 (€0.00)
    """
    check_instance(comparison, Comparison, what="comparison", how=_MAKE["comparison"])
    lang = check_lang(lang)
    town, total = _say(N_("Town"), lang), _say(N_("Total"), lang)
    sections: list[str] = []
    for name, projection in zip(comparison.names, comparison.projections, strict=True):
        base = name == BASELINE
        headers = [town, *(_year_heading(projection, year) for year in comparison.years)]
        columns = []
        for year in comparison.years:
            values = [comparison.value(name, party, year) for party in comparison.parties]
            differences = [
                comparison.difference(name, party, year) for party in comparison.parties
            ]
            values.append(from_cents(sum(to_cents(value) for value in values)))
            differences.append(from_cents(sum(to_cents(change) for change in differences)))
            columns.append(_compared_column(values, None if base else differences, lang))
        names = [party.name for party in comparison.parties] + [total]
        rows = [[name, *(column[index] for column in columns)] for index, name in enumerate(names)]
        if sections:
            sections.append("")
        # The baseline's table shows no differences, so its heading names none (issue 13).
        heading = (
            _say(
                N_("Scenario {name}: own shares per town and year"),
                lang,
                name=_say(N_("baseline"), lang),
            )
            if base
            else _say(
                N_("Scenario {name}: own shares per town and year (difference to baseline)"),
                lang,
                name=name,
            )
        )
        sections += [heading, *_grid(headers, rows)]
        sections += _year_notes(projection, lang)
    return "\n".join(sections)


def _compared_column(
    values: Sequence[Decimal], differences: Sequence[Decimal] | None, lang: Lang
) -> list[str]:
    """``8.125 €``, or with the difference to the baseline: ``10.833,33 € (+2.708,33 €)``.

    Values and differences of the column share one format: cents throughout
    if any of them has cents.
    """
    if differences is None:
        return format_eur_column(values, lang=lang)
    shown = format_eur_column([*values, *differences], lang=lang)
    return [
        f"{value} ({'+' if difference > 0 else ''}{change})"
        for value, change, difference in zip(
            shown[: len(values)], shown[len(values) :], differences, strict=True
        )
    ]
