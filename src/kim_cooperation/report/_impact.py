"""The council paper's tables: a town's financial impact, and the default report (C5, C7–C9).

`render_impact` writes the two tables of a town's financial-impact
statement (the finance and the result statement) under a heading that says
the town's role in its region; `default_report` is what ``kim-cooperation``
prints when run without arguments: those tables for one town of the
built-in Coesfeld agreement, then every region's split (`render_region`).
"""

from __future__ import annotations

from collections.abc import Iterable

from kim_cooperation import presets
from kim_cooperation._checks import check_instance, check_lang
from kim_cooperation.formatting import Lang, format_date, format_eur
from kim_cooperation.i18n import N_
from kim_cooperation.impact import FinancialImpact, ImpactLine, Layout, Role, financial_impact
from kim_cooperation.money import Money
from kim_cooperation.party import Party
from kim_cooperation.report._region import _employer_runs, _period, render_region
from kim_cooperation.report._texts import _MAKE, _say, _table
from kim_cooperation.settlement import Settlement, settle


def _impact_rows(lines: Iterable[ImpactLine], lang: Lang) -> list[tuple[str, Money | None, str]]:
    return [
        (
            line.label if lang == "de" else line.label_en,
            line.amount,
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
    check_instance(impact, FinancialImpact, what="impact", how=_MAKE["impact"])
    lang = check_lang(lang)
    region = impact.region
    name = region.region.name
    role = (
        _say(N_("employer of region {region}"), lang, region=name)
        if impact.role is Role.EMPLOYER
        else _say(N_("member of region {region}"), lang, region=name)
    )
    # An employer for part of the year, or a town that leaves within it (C11, I10).
    runs = _employer_runs(region)
    if impact.role is Role.EMPLOYER and len(runs) > 1:
        role = _say(
            N_("employer of region {region} {period}"),
            lang,
            region=name,
            period=_period(region, runs[impact.party], lang),
        )
    elif impact.role is Role.MEMBER and region.spans:
        present = [span for span in region.spans if impact.party in span.members]
        if present and present[-1].last_day < region.spans[-1].last_day:
            role = _say(
                N_("member of region {region} until {day}"),
                lang,
                region=name,
                day=format_date(present[-1].last_day, lang=lang),
            )
    heading = _say(
        N_("{party} – {role} – Budget year {year}"),
        lang,
        party=impact.party.title,
        role=role,
        year=impact.year,
    )
    lines = [heading, "", _say(N_("Effect on the finance statement (EUR)"), lang)]
    lines += _table(_impact_rows(impact.finance, lang), lang)
    result = (
        N_("Effect on the result statement (EUR), yearly")
        if impact.recurring
        else N_("Effect on the result statement (EUR)")
    )
    lines += ["", _say(result, lang)]
    lines += _table(_impact_rows(impact.result, lang), lang)
    return "\n".join(lines)


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
    lang = check_lang(lang)
    agreement = presets.coesfeld()
    plan = presets.coesfeld_planning_costs_2023()
    settlement: Settlement = settle(agreement, 2023, plan)
    nord = agreement.region("Nord")
    per_fte = format_eur(plan["Nord"].scaled(1 / nord.fte).total, lang=lang)
    assumed = _say(
        N_(
            "Planning assumption: the council paper gives no costs for this region; "
            "Region Nord's cost per full-time post is used ({per_fte} per post)."
        ),
        lang,
        per_fte=per_fte,
    )
    impact = financial_impact(settlement, party, layout=layout)
    sections = [agreement.name, "", render_impact(impact, lang=lang)]
    if impact.region.region != nord:
        sections += ["", assumed]
    sections += [
        "",
        _say(
            N_("Own shares per region and town (Budget year {year})"), lang, year=settlement.year
        ),
    ]
    for region in settlement.regions:
        assumption = None if region.region == nord else assumed
        sections += ["", render_region(region, lang=lang, assumption=assumption)]
    sections += [
        "",
        _say(N_("Source of Region Nord's costs: Stadt Coesfeld council paper 2023."), lang),
    ]
    return "\n".join(sections)
