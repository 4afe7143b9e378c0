"""Plain-text reports: the council paper's tables, splits, deadlines, projections, scenarios.

`default_report` is what ``kim-cooperation`` prints when run without
arguments: for the built-in Coesfeld agreement and the 2023 plan, the council
paper's two tables for a town (Coesfeld by default) and each region's split
of its own share among its towns. Every figure names its clause. The other
renderers serve the command line's subcommands, in German (numbers as
``8.125,50 €``) or English.

Examples:
    >>> from kim_cooperation.report import default_report
    >>> text = default_report()
    >>> "Eigenanteil" in text and "8.125 €" in text
    True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from types import MappingProxyType
from typing import Final

from kim_cooperation import presets
from kim_cooperation.clauses import Clause
from kim_cooperation.formatting import Lang, format_date, format_eur, format_fte
from kim_cooperation.impact import FinancialImpact, ImpactLine, Layout, Role, financial_impact
from kim_cooperation.notice import NoticeDeadline, NoticeTerms, termination_date
from kim_cooperation.party import Party
from kim_cooperation.projection import Projection
from kim_cooperation.scenario import Comparison
from kim_cooperation.settlement import RegionSettlement, Settlement, settle

__all__ = [
    "default_report",
    "render_comparison",
    "render_deadline",
    "render_impact",
    "render_projection",
    "render_region",
    "render_settlement",
    "render_termination",
]

_TEXT: Final = MappingProxyType(
    {
        "de": {
            "year": "Haushaltsjahr",
            "finance": "Auswirkungen auf die Finanzrechnung (in EUR)",
            "result": "Auswirkungen auf die Ergebnisrechnung (in EUR), jährlich",
            "result_once": "Auswirkungen auf die Ergebnisrechnung (in EUR)",
            "employer_of": "Anstellungskörperschaft der Region",
            "member_of": "Mitglied der Region",
            "split": "Eigenanteile je Region und Kommune",
            "region": "Region",
            "employer": "Anstellungskörperschaft",
            "posts": "Vollzeitstellen",
            "post": "Vollzeitstelle",
            "costs": "Kosten",
            "funding": "Förderung",
            "own_share": "Eigenanteil",
            "surplus": "Förderung über den Kosten (nicht verteilt)",
            "pays": "zahlt an",
            "keeps": "trägt selbst",
            "extra_cent": "+1 Cent (Rest, I2)",
            "assumed": (
                "Planungsannahme: Die Ratsvorlage nennt keine Kosten für diese Region; "
                "angesetzt sind die Kosten je Vollzeitstelle der Region Nord "
                "({per_fte} je Vollzeitstelle)."
            ),
            "source": "Quelle der Kosten der Region Nord: Ratsvorlage der Stadt Coesfeld 2023.",
            "billing": "Abrechnung {year} (C9)",
            "owes": "schuldet",
            "no_billing": "keine Forderungen",
            "received": "Kündigung zugegangen am {received}: Mitglied bis {ends} ({terms}, C11)",
            "deadline": (
                "Für ein Ende zum {end} muss die Kündigung spätestens am {deadline} "
                "zugehen ({terms}, C11)."
            ),
            "weekend": (
                "Der {deadline} ist ein {weekday}. Die Frist verschiebt sich nicht "
                "(§ 193 BGB gilt nicht für Kündigungsfristen); die Kündigung sollte "
                "spätestens am {working_day} zugehen."
            ),
            "weekdays": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
            "projection": "Eigenanteile je Kommune und Jahr",
            "town": "Kommune",
            "total": "Summe",
            "run_on": "* Nachlauf nach Vertragsende, aus dem Kostenplan geschätzt (C13)",
            "ended": "– Vertrag beendet, kein Nachlauf",
            "comparison": "Szenario {name}: Eigenanteile je Kommune und Jahr (Differenz zur Basis)",
            "baseline": "Basis",
        },
        "en": {
            "year": "Budget year",
            "finance": "Effect on the finance statement (EUR)",
            "result": "Effect on the result statement (EUR), yearly",
            "result_once": "Effect on the result statement (EUR)",
            "employer_of": "employer of region",
            "member_of": "member of region",
            "split": "Own shares per region and town",
            "region": "Region",
            "employer": "employer",
            "posts": "full-time posts",
            "post": "full-time post",
            "costs": "Costs",
            "funding": "Funding",
            "own_share": "Own share",
            "surplus": "Funding beyond costs (not distributed)",
            "pays": "pays",
            "keeps": "bears itself",
            "extra_cent": "+1 cent (remainder, I2)",
            "assumed": (
                "Planning assumption: the council paper gives no costs for this region; "
                "Region Nord's cost per full-time post is used ({per_fte} per post)."
            ),
            "source": "Source of Region Nord's costs: Stadt Coesfeld council paper 2023.",
            "billing": "Billing {year} (C9)",
            "owes": "owes",
            "no_billing": "nothing to bill",
            "received": "Notice received on {received}: member until {ends} ({terms}, C11)",
            "deadline": (
                "To end the agreement on {end}, notice must be received by {deadline} "
                "at the latest ({terms}, C11)."
            ),
            "weekend": (
                "{deadline} is a {weekday}. The deadline is not moved (§ 193 BGB does not "
                "apply to notice periods); make sure the notice arrives by {working_day}."
            ),
            "weekdays": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
            "projection": "Own shares per town and year",
            "town": "Town",
            "total": "Total",
            "run_on": "* run-on after the end, estimated from the cost plan (C13)",
            "ended": "– agreement ended, nothing runs on",
            "comparison": "Scenario {name}: own shares per town and year (difference to baseline)",
            "baseline": "baseline",
        },
    }
)


def _table(rows: Iterable[tuple[str, str, str]], indent: str = "  ") -> list[str]:
    rows = list(rows)
    label_width = max(len(label) for label, _, _ in rows)
    amount_width = max(len(amount) for _, amount, _ in rows)
    return [
        f"{indent}{label.ljust(label_width)}  {amount.rjust(amount_width)}"
        + (f"  {note}" if note else "")
        for label, amount, note in rows
    ]


def _impact_rows(lines: Iterable[ImpactLine], lang: Lang) -> list[tuple[str, str, str]]:
    return [
        (
            line.label if lang == "de" else line.label_en,
            format_eur(line.amount, lang=lang),
            f"({line.clause})" if line.clause else "",
        )
        for line in lines
    ]


def render_impact(impact: FinancialImpact, *, lang: Lang = "de") -> str:
    """Render a town's financial-impact statement as two text tables.

    Examples:
        >>> from kim_cooperation import financial_impact, presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> print(render_impact(financial_impact(settlement, "Coesfeld")))
        ... # doctest: +ELLIPSIS
        Stadt Coesfeld – Anstellungskörperschaft der Region Nord – Haushaltsjahr 2023
        <BLANKLINE>
        Auswirkungen auf die Finanzrechnung (in EUR)
          Gesamtkosten der Maßnahme                         170.000 €  (C8)
          Objektbezogene Einzahlungen (Zuschüsse/Beiträge)  137.500 €  (C5)
          Sonstige Einzahlungen                              24.375 €  (C9)
          Eigenanteil                                         8.125 €  (C7)
        ...
    """
    text = _TEXT[lang]
    role = text["employer_of"] if impact.role is Role.EMPLOYER else text["member_of"]
    heading = (
        f"{impact.party.title} – {role} {impact.region.region.name} – {text['year']} {impact.year}"
    )
    lines = [heading, "", text["finance"]]
    lines += _table(_impact_rows(impact.finance, lang))
    lines += ["", text["result"] if impact.recurring else text["result_once"]]
    lines += _table(_impact_rows(impact.result, lang))
    return "\n".join(lines)


def render_region(
    region: RegionSettlement, *, lang: Lang = "de", assumption: str | None = None
) -> str:
    """Render a region's settlement: costs, funding, own share and each town's part.

    Args:
        region: The region's settlement.
        lang: ``"de"`` or ``"en"``.
        assumption: A note printed under the heading when the costs are a
            planning assumption rather than figures from a source.

    Examples:
        Region Nord in 2026, after Rosendahl has left:

        >>> import datetime as dt
        >>> from kim_cooperation import presets, settle
        >>> left = presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30))
        >>> nord = settle(left, 2026, presets.coesfeld_cost_plan_2023()).region("Nord")
        >>> print(render_region(nord, lang="en"))
        Region Nord – employer Stadt Coesfeld – 2.5 full-time posts
          Costs                    €170,000  (C8)
          Funding (2.5 × €55,000)  €137,500  (C5)
          Own share                 €32,500  (C7)
            Billerbeck  €10,833.33  (C12) pays Coesfeld (C9)
            Coesfeld    €10,833.34  (C12) bears itself, +1 cent (remainder, I2)
            Havixbeck   €10,833.33  (C12) pays Coesfeld (C9)
    """
    text = _TEXT[lang]
    settled = region.region
    posts = text["post"] if settled.fte == 1 else text["posts"]
    heading = (
        f"{text['region']} {settled.name} – {text['employer']} {region.employer.title} – "
        f"{format_fte(settled.fte, lang=lang)} {posts}"
    )
    lines = [heading]
    if assumption:
        lines.append(f"  {assumption}")
    rows = [
        (text["costs"], format_eur(region.costs.total, lang=lang), f"({region.costs.clause})"),
        (
            _funding_label(region, text["funding"], lang),
            format_eur(region.funding.amount, lang=lang),
            f"({Clause.C10 if region.funding.lost else region.funding.clause})",
        ),
        (text["own_share"], format_eur(region.own_share, lang=lang), f"({region.clause})"),
    ]
    if region.surplus:
        rows.append((text["surplus"], format_eur(region.surplus, lang=lang), "(I6)"))
    lines += _table(rows)
    part_rows = []
    for share in region.split.shares:
        action = (
            text["keeps"]
            if share.party == region.employer
            else f"{text['pays']} {region.employer.name} (C9)"
        )
        note = f"({region.split.clause}) {action}"
        if share.extra_cent:
            note += f", {text['extra_cent']}"
        part_rows.append((share.party.name, format_eur(share.amount, lang=lang), note))
    lines += _table(part_rows, indent="    ")
    return "\n".join(lines)


def _funding_label(region: RegionSettlement, label: str, lang: Lang) -> str:
    """Show the derivation FTE × rate where the year had one rate and every post was full-year."""
    funding = region.funding
    full_year = all(len(post.months) == 12 for post in funding.posts)
    if len(funding.rates) != 1 or not full_year:
        return label
    fte = format_fte(region.region.fte, lang=lang)
    return f"{label} ({fte} × {format_eur(funding.rates[0].amount, lang=lang)})"


def default_report(
    *,
    party: str | Party = "Coesfeld",
    layout: Layout | str = Layout.COUNCIL_PAPER,
    lang: Lang = "de",
) -> str:
    """Return the report ``kim-cooperation`` prints by default.

    For the built-in Coesfeld agreement and the 2023 plan: the council
    paper's two tables for ``party`` and every region's own-share split.
    Mitte's and Süd's costs are Nord's cost per full-time post, labelled as a
    planning assumption, because the paper gives none.

    Args:
        party: The town whose tables are shown; Coesfeld by default.
        layout: The layout of the tables, the council paper's by default.
        lang: ``"de"`` (default) or ``"en"``.

    Examples:
        >>> print(default_report(party="Rosendahl", lang="en"))
        Kooperationsvereinbarung Kommunales Case-Management ... des Kreises Coesfeld
        <BLANKLINE>
        Gemeinde Rosendahl – member of region Nord – Budget year 2023
        ...
          Own share                                €8,125  (C7)
        ...
        Region Süd – employer Gemeinde Ascheberg – 2.5 full-time posts
          Planning assumption: the council paper gives no costs for this region; ...
        ...
        Source of Region Nord's costs: Stadt Coesfeld council paper 2023.
    """
    agreement = presets.coesfeld()
    plan = presets.coesfeld_planning_costs_2023()
    settlement: Settlement = settle(agreement, 2023, plan)
    text = _TEXT[lang]
    nord = agreement.region("Nord")
    per_fte = format_eur(plan["Nord"].scaled(1 / nord.fte).total, lang=lang)
    impact = financial_impact(settlement, party, layout=layout)
    sections = [agreement.name, "", render_impact(impact, lang=lang)]
    if impact.region.region != nord:
        sections += ["", text["assumed"].format(per_fte=per_fte)]
    sections += [
        "",
        f"{text['split']} ({text['year']} 2023)",
    ]
    for region in settlement.regions:
        assumption = None if region.region == nord else text["assumed"].format(per_fte=per_fte)
        sections += ["", render_region(region, lang=lang, assumption=assumption)]
    sections += ["", text["source"]]
    return "\n".join(sections)


def render_settlement(
    settlement: Settlement, *, lang: Lang = "de", notes: Sequence[str] = ()
) -> str:
    """Render a year's settlement: every region's split, then the billing lines (C4, C7, C9).

    Args:
        settlement: The settlement.
        lang: ``"de"`` (default) or ``"en"``.
        notes: Lines printed under the heading, e.g. where the costs come from.

    Examples:
        >>> from kim_cooperation import presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> print(render_settlement(settlement, lang="en"))  # doctest: +ELLIPSIS
        Kooperationsvereinbarung ... – Budget year 2023
        ...
        Billing 2023 (C9)
          Billerbeck owes Coesfeld  €8,125  (C9)
          Havixbeck owes Coesfeld   €8,125  (C9)
          Rosendahl owes Coesfeld   €8,125  (C9)
    """
    text = _TEXT[lang]
    sections = [f"{settlement.agreement.name} – {text['year']} {settlement.year}", *notes]
    for region in settlement.regions:
        sections += ["", render_region(region, lang=lang)]
    sections += ["", text["billing"].format(year=settlement.year)]
    rows = [
        (
            f"{line.debtor.name} {text['owes']} {line.creditor.name}",
            format_eur(line.amount, lang=lang),
            f"({line.clause})",
        )
        for line in settlement.billing
    ]
    sections += _table(rows) if rows else [f"  {text['no_billing']}"]
    return "\n".join(sections)


def render_termination(
    received: dt.date, *, terms: NoticeTerms | None = None, lang: Lang = "de"
) -> str:
    """Render the last day of membership after notice received on ``received`` (C11).

    Examples:
        >>> import datetime as dt
        >>> print(render_termination(dt.date(2024, 6, 30)))
        Kündigung zugegangen am 30.06.2024: Mitglied bis 31.12.2025 (18 Monate zum Ende eines Kalenderjahres, C11)
    """
    chosen = NoticeTerms() if terms is None else terms
    ends = termination_date(received, chosen)
    return _TEXT[lang]["received"].format(
        received=format_date(received, lang=lang),
        ends=format_date(ends, lang=lang),
        terms=_describe_terms(chosen, lang),
    )


def render_deadline(deadline: NoticeDeadline, *, lang: Lang = "de") -> str:
    """Render a notice deadline with its weekend warning (C11).

    Examples:
        >>> from kim_cooperation import notice_deadline
        >>> print(render_deadline(notice_deadline(2025), lang="en"))
        To end the agreement on 2025-12-31, notice must be received by 2024-06-30 at the latest (18 months to the end of a year, C11).
        2024-06-30 is a Sunday. The deadline is not moved (§ 193 BGB does not apply to notice periods); make sure the notice arrives by 2024-06-28.
    """
    text = _TEXT[lang]
    lines = [
        text["deadline"].format(
            end=format_date(deadline.end, lang=lang),
            deadline=format_date(deadline.deadline, lang=lang),
            terms=_describe_terms(deadline.terms, lang),
        )
    ]
    if deadline.falls_on_weekend:
        lines.append(
            text["weekend"].format(
                deadline=format_date(deadline.deadline, lang=lang),
                weekday=text["weekdays"].split()[deadline.deadline.weekday()],
                working_day=format_date(deadline.last_working_day, lang=lang),
            )
        )
    return "\n".join(lines)


def _describe_terms(terms: NoticeTerms, lang: Lang) -> str:
    if lang == "en":
        return terms.describe()
    units = {
        "year": "eines Kalenderjahres",
        "half-year": "eines Kalenderhalbjahres",
        "quarter": "eines Kalendervierteljahres",
        "month": "eines Kalendermonats",
    }
    months = "Monat" if terms.months == 1 else "Monate"
    return f"{terms.months} {months} zum Ende {units[terms.period_end.value]}"


def render_projection(projection: Projection, *, lang: Lang = "de") -> str:
    """Render a projection as a table of each town's own share per year, with totals (C4, C7, C13).

    Years after full termination show the estimated run-on (marked ``*``) or
    nothing once nothing runs on.

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
    """
    text = _TEXT[lang]
    parties = projection.parties
    headers = [text["town"], *(_year_heading(projection, year) for year in projection.years)]
    rows = [
        [
            party.name,
            *(
                format_eur(projection.own_share_of(party, year), lang=lang)
                for year in projection.years
            ),
            format_eur(projection.total_of(party), lang=lang),
        ]
        for party in parties
    ]
    lines = [text["projection"], *_grid([*headers, text["total"]], rows)]
    return "\n".join(lines + _year_notes(projection, text))


def render_comparison(comparison: Comparison, *, lang: Lang = "de") -> str:
    """Render a scenario comparison: per scenario each town's own share per year and the difference.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets, scenario
        >>> base = presets.coesfeld()
        >>> comparison = scenario.compare(
        ...     base, {"Rosendahl leaves": scenario.notice_by(base, "Rosendahl", dt.date(2024, 6, 30))},
        ...     [2026], presets.coesfeld_cost_plan_2023())
        >>> print(render_comparison(comparison, lang="en"))  # doctest: +ELLIPSIS
        Scenario baseline: own shares per town and year (difference to baseline)
        ...
        Scenario Rosendahl leaves: own shares per town and year (difference to baseline)
          Town                  2026
          Billerbeck  €10,833.33 (+€2,708.33)
          Coesfeld    €10,833.34 (+€2,708.34)
          Havixbeck   €10,833.33 (+€2,708.33)
          Rosendahl           €0 (-€8,125)
    """
    text = _TEXT[lang]
    sections: list[str] = []
    for name, projection in zip(comparison.names, comparison.projections, strict=True):
        shown = text["baseline"] if name == "baseline" else name
        headers = [text["town"], *(_year_heading(projection, year) for year in comparison.years)]
        rows = []
        for party in comparison.parties:
            cells = [party.name]
            for year in comparison.years:
                value = format_eur(comparison.value(name, party, year), lang=lang)
                difference = comparison.difference(name, party, year)
                if name != "baseline":
                    sign = "+" if difference > 0 else ""
                    value += f" ({sign}{format_eur(difference, lang=lang)})"
                cells.append(value)
            rows.append(cells)
        if sections:
            sections.append("")
        sections += [text["comparison"].format(name=shown), *_grid(headers, rows)]
        sections += _year_notes(projection, text)
    return "\n".join(sections)


def _year_heading(projection: Projection, year: int) -> str:
    result = projection.result(year)
    if result.settlement is not None:
        return str(year)
    return f"{year}*" if result.wind_down is not None else f"{year}–"


def _year_notes(
    projection: Projection, text: dict[str, str] | MappingProxyType[str, str]
) -> list[str]:
    notes = []
    if any(r.settlement is None and r.wind_down is not None for r in projection.results):
        notes.append(f"  {text['run_on']}")
    if any(r.settlement is None and r.wind_down is None for r in projection.results):
        notes.append(f"  {text['ended']}")
    return notes


def _grid(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(row[index]) for row in [headers, *rows]) for index in range(len(headers))]
    return [
        "  "
        + "  ".join(
            cell.ljust(width) if index == 0 else cell.rjust(width)
            for index, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in [headers, *rows]
    ]
