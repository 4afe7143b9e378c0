"""The charts of one region-year: its derivation as a waterfall, and its key as shares.

Builds the plain data of `RegionSettlement.plot` and `RegionSettlement.plot_key`
(titles in the chosen language, the exact amounts and shares) and hands it
to `kim_cooperation._chart`; nothing here imports matplotlib.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Final

from kim_cooperation import _chart
from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.formatting import format_date, format_eur
from kim_cooperation.i18n import N_, translate
from kim_cooperation.keys import KeyKind
from kim_cooperation.spans import year_shares

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from kim_cooperation.formatting import Lang
    from kim_cooperation.settlement import RegionSettlement

_ZERO: Final = Decimal("0.00")


def _title(subject: str, agreement: str | None) -> str:
    """The chart's subject, then the agreement's name where it is known."""
    return subject if agreement is None else f"{subject}\n{agreement}"


def _labelled(text: str, clause: Clause | Interpretation, lang: Lang) -> str:
    name = translate(text, lang)
    return f"{name}\n({clause.value})"


def waterfall_figure(region: RegionSettlement, *, agreement: str | None, lang: Lang) -> Figure:
    """Costs (C8) → funding (C5) → own share (C7) → each town's part (C4), one bar each.

    Funding beyond the costs comes back as its own bar (I6), so the own
    share stands at zero; without funding the funding bar is zero (C10).
    Every bar is labelled with its exact amount.
    """
    funding_clause = Clause.C10 if region.funding.lost else Clause.C5
    steps = [
        _chart.Step(
            label=_labelled(N_("Costs"), Clause.C8, lang),
            amount=region.costs.total,
            kind="total",
            text=format_eur(region.costs.total, lang=lang),
        ),
        _chart.Step(
            label=_labelled(N_("Funding"), funding_clause, lang),
            amount=region.funding.amount,
            kind="down",
            text=format_eur(-region.funding.amount, lang=lang),
        ),
    ]
    if region.surplus:
        steps.append(
            _chart.Step(
                label=_labelled(
                    N_("Funding beyond costs (not distributed)"), Interpretation.I6, lang
                ),
                amount=region.surplus,
                kind="up",
                text=format_eur(region.surplus, lang=lang),
            )
        )
    steps.append(
        _chart.Step(
            label=_labelled(N_("Own share"), region.clause, lang),
            amount=region.own_share,
            kind="total",
            text=format_eur(region.own_share, lang=lang),
        )
    )
    steps.extend(
        _chart.Step(
            label=f"{share.party.name}\n({region.split.clause.value})",
            amount=share.amount,
            kind="down",
            text=format_eur(share.amount, lang=lang),
        )
        for share in region.split.shares
    )
    clauses = [Clause.C8.value, funding_clause.value, region.clause.value]
    clauses.append(region.split.clause.value)
    if region.surplus:
        clauses.append(Interpretation.I6.value)
    subject = translate(
        N_(
            "Settlement {year}, Region {region}, employer {employer}: from the costs to the "
            "towns' parts ({clauses})"
        ),
        lang,
    ).format(
        year=region.year,
        region=region.region.name,
        employer=region.employer.title,
        clauses=_chart.clause_list(clauses),
    )
    return _chart.waterfall(
        title=_title(subject, agreement),
        steps=steps,
        y_label=translate(N_("Amount"), lang),
        lang=lang,
    )


def key_figure(region: RegionSettlement, *, agreement: str | None, lang: Lang) -> Figure:
    """Each town's exact share of the region's own share in the year, as the key gave it.

    The shares are those the settlement applied (`kim_cooperation.spans.year_shares`):
    the key among the year's members (C4, I1, I9), a leaving town's share
    passed on (C12, I11), spans of the year weighed (I10). Each bar is
    labelled with the exact fraction, its percentage and the town's part.
    """
    spans = region.spans
    exact = year_shares(spans)
    key = region.key
    if key.kind is KeyKind.POPULATION and region.reference_day is not None:
        kind = translate(N_("population on {day}"), lang).format(
            day=format_date(region.reference_day, lang=lang)
        )
    elif key.kind is KeyKind.WEIGHTS:
        kind = translate(N_("fixed weights"), lang)
    else:
        kind = translate(N_("equal parts"), lang)
    clauses = [
        Clause.C4.value,
        Interpretation.I1.value if key.kind is KeyKind.EQUAL else Interpretation.I9.value,
        *(span.clause.value for span in spans),
    ]
    if len(spans) > 1:
        clauses.append(Interpretation.I10.value)
    slices = [
        _chart.Slice(
            label=party.name,
            share=share,
            text=f"{_chart.share_text(share, lang)} · "
            f"{format_eur(region.split.get(party, _ZERO), lang=lang)}",
        )
        for party, share in exact.items()
    ]
    subject = translate(N_("Split key of Region {region} {year}: {key} ({clauses})"), lang).format(
        region=region.region.name, year=region.year, key=kind, clauses=_chart.clause_list(clauses)
    )
    return _chart.shares(
        title=_title(subject, agreement),
        slices=slices,
        x_label=translate(N_("Share of the own share of {amount}"), lang).format(
            amount=format_eur(region.own_share, lang=lang)
        ),
        lang=lang,
    )
