"""Plain-text reports: the council paper's tables and the own-share split per town.

`default_report` is what ``kim-cooperation`` prints when run without
arguments: for the built-in Coesfeld agreement and the 2023 plan, the council
paper's two tables for a town (Coesfeld by default) and each region's split
of its own share among its towns. Every figure names its clause.

Examples:
    >>> from kim_cooperation.report import default_report
    >>> text = default_report()
    >>> "Eigenanteil" in text and "8.125 €" in text
    True
"""

from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType
from typing import Final

from kim_cooperation import presets
from kim_cooperation.clauses import Clause
from kim_cooperation.formatting import Lang, format_eur, format_fte
from kim_cooperation.impact import FinancialImpact, ImpactLine, Layout, Role, financial_impact
from kim_cooperation.party import Party
from kim_cooperation.settlement import RegionSettlement, Settlement, settle

__all__ = ["default_report", "render_impact", "render_region"]

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
