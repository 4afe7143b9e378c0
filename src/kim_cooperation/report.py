"""Plain-text reports: the council paper's tables, splits, deadlines, projections, scenarios.

`default_report` is what ``kim-cooperation`` prints when run without
arguments: for the built-in Coesfeld agreement and the 2023 plan, the council
paper's two tables for a town (Coesfeld by default) and each region's split
of its own share among its towns. Every figure names its clause. The other
renderers serve the command line's subcommands, in German (numbers as
``8.125,50 €``) or English.

Each text is written once, in English, with named fields, and translated
through the catalogue (`kim_cooperation.i18n`) before its fields are filled
in, so a German text may order them as German needs. A variable part is a
whole text of its own (``employer of region {region}`` or ``member of region
{region} until {day}``), never English words put together.

Examples:
    >>> from kim_cooperation.report import default_report
    >>> text = default_report()
    >>> "Eigenanteil" in text and "8.125 €" in text
    True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Final

from kim_cooperation import presets
from kim_cooperation._checks import check_instance, check_lang, tuple_of
from kim_cooperation.agreement import Agreement
from kim_cooperation.clauses import Clause
from kim_cooperation.errors import NoPopulationCountError
from kim_cooperation.formatting import (
    Lang,
    _grid,
    format_count,
    format_date,
    format_eur,
    format_eur_column,
    format_fraction,
    format_fte,
)
from kim_cooperation.i18n import N_, translate
from kim_cooperation.impact import FinancialImpact, ImpactLine, Layout, Role, financial_impact
from kim_cooperation.keys import KeyKind, population_of
from kim_cooperation.money import Money, from_cents, to_cents
from kim_cooperation.notice import NoticeDeadline, NoticeTerms, _terms_phrase, termination_date
from kim_cooperation.party import Party
from kim_cooperation.policy import SpanWeighting
from kim_cooperation.projection import Projection, _year_heading, _year_notes
from kim_cooperation.scenario import BASELINE, Comparison
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


def _say(template: str, lang: Lang, /, **fields: object) -> str:
    """``template``, an English catalogue text marked with `N_`, in ``lang``, its fields filled in.

    Translated before it is filled in, so the German text may order the
    fields as German needs; a text without fields is not filled in.
    """
    text = translate(template, lang)
    return text.format(**fields) if fields else text


def _joined(items: Sequence[str], lang: Lang) -> str:
    """``a and b and c``: each item joined to the ones before it by the catalogue's ``and``."""
    if not items:
        return ""
    joined = items[0]
    for item in items[1:]:
        joined = _say(N_("{first} and {second}"), lang, first=joined, second=item)
    return joined


def _table(
    rows: Iterable[tuple[str, Money | None, str]], lang: Lang, indent: str = "  "
) -> list[str]:
    """Labels, one column of amounts in one format (cents throughout or none), notes."""
    rows = list(rows)
    amounts = format_eur_column((amount for _, amount, _ in rows), lang=lang)
    label_width = max(len(label) for label, _, _ in rows)
    amount_width = max(len(amount) for amount in amounts)
    return [
        f"{indent}{label.ljust(label_width)}  {amount.rjust(amount_width)}"
        + (f"  {note}" if note else "")
        for (label, _, note), amount in zip(rows, amounts, strict=True)
    ]


def _impact_rows(lines: Iterable[ImpactLine], lang: Lang) -> list[tuple[str, Money | None, str]]:
    return [
        (
            line.label if lang == "de" else line.label_en,
            line.amount,
            f"({line.clause})" if line.clause else "",
        )
        for line in lines
    ]


_MAKE: Final = MappingProxyType(
    {
        "impact": "make one with financial_impact(settlement, party)",
        "region": "take one from settle(...).region(name)",
        "agreement": "build one with Agreement(...) or presets.coesfeld()",
        "settlement": "make one with settle(agreement, year, plan)",
        "deadline": "make one with notice_deadline(year)",
        "projection": "make one with projection.project(agreement, years, plans)",
        "comparison": "make one with scenario.compare(baseline, variants, years, plans)",
    }
)
"""How to get each object the renderers take, for the message when given something else."""


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


def render_region(
    region: RegionSettlement,
    *,
    lang: Lang = "de",
    assumption: str | None = None,
    agreement: Agreement | None = None,
) -> str:
    """Render a region's settlement: costs, funding, own share and each town's part.

    A key other than equal parts is shown under the own share: the fixed
    weights, or the reference day and, where ``agreement`` is given, the
    counts of inhabitants (I9). A year with a change of members shows its
    spans with their weights and shares (I10); after a handover of the
    employer within the year each town's part shows what it pays to which
    employer (C9).

    Args:
        region: The region's settlement.
        lang: ``"de"`` or ``"en"``.
        assumption: A note printed under the heading when the costs are a
            planning assumption rather than figures from a source.
        agreement: The agreement settled, for the counts of a population key.

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
    check_instance(region, RegionSettlement, what="region", how=_MAKE["region"])
    if assumption is not None:
        check_instance(assumption, str, what="assumption", how="write the assumption as text")
    if agreement is not None:
        check_instance(agreement, Agreement, what="agreement", how=_MAKE["agreement"])
    lang = check_lang(lang)
    settled = region.region
    runs = _employer_runs(region)
    employer = region.employer.title
    if len(runs) > 1:
        employer = ", ".join(
            f"{party.title} {_period(region, periods, lang)}" for party, periods in runs.items()
        )
    heading = _say(
        N_("Region {region} – employer {employer} – {fte} full-time post")
        if settled.fte == 1
        else N_("Region {region} – employer {employer} – {fte} full-time posts"),
        lang,
        region=settled.name,
        employer=employer,
        fte=format_fte(settled.fte, lang=lang),
    )
    lines = [heading]
    if assumption:
        lines.append(f"  {assumption}")
    rows: list[tuple[str, Money | None, str]] = [
        (_say(N_("Costs"), lang), region.costs.total, f"({region.costs.clause})"),
        (
            _funding_label(region, lang),
            region.funding.amount,
            f"({Clause.C10 if region.funding.lost else region.funding.clause})",
        ),
        (_say(N_("Own share"), lang), region.own_share, f"({region.clause})"),
    ]
    if region.surplus:
        rows.append(
            (_say(N_("Funding beyond costs (not distributed)"), lang), region.surplus, "(I6)")
        )
    lines += _table(rows, lang)
    lines += [f"  {line}" for line in _key_lines(region, agreement, lang)]
    part_rows: list[tuple[str, Money | None, str]] = []
    for share in region.split.shares:
        if len(runs) > 1:
            action = _payments(region, share.party, lang)
        elif share.party == region.employer:
            action = _say(N_("bears itself"), lang)
        else:
            action = _say(N_("pays {employer} (C9)"), lang, employer=region.employer.name)
        note = f"({region.split.clause}) {action}"
        if share.extra_cent:
            # A town's notes are a list, separated by commas in both languages.
            note += ", " + _say(N_("+1 cent (remainder, I2)"), lang)
        part_rows.append((share.party.name, share.amount, note))
    lines += _table(part_rows, lang, indent="    ")
    return "\n".join(lines)


def _employer_runs(region: RegionSettlement) -> dict[Party, list[tuple[dt.date, dt.date]]]:
    """Each employer of the region's year with the runs of days it employed (C3, I10)."""
    runs: dict[Party, list[tuple[dt.date, dt.date]]] = {}
    previous: Party | None = None
    for span in region.spans:
        periods = runs.setdefault(span.employer, [])
        if span.employer == previous:
            periods[-1] = (periods[-1][0], span.last_day)
        else:
            periods.append((span.first_day, span.last_day))
        previous = span.employer
    return runs


def _period(
    region: RegionSettlement, periods: Sequence[tuple[dt.date, dt.date]], lang: Lang
) -> str:
    """``bis 31.03.2026``, ``ab 01.04.2026`` or ``01.04.2026 bis 30.06.2026`` (I10)."""
    start, end = region.spans[0].first_day, region.spans[-1].last_day
    shown = []
    for first, last in periods:
        if first == start:
            shown.append(_say(N_("until {day}"), lang, day=format_date(last, lang=lang)))
        elif last == end:
            shown.append(_say(N_("from {day}"), lang, day=format_date(first, lang=lang)))
        else:
            shown.append(
                _say(
                    N_("{first} to {last}"),
                    lang,
                    first=format_date(first, lang=lang),
                    last=format_date(last, lang=lang),
                )
            )
    return _joined(shown, lang)


def _key_lines(region: RegionSettlement, agreement: Agreement | None, lang: Lang) -> list[str]:
    """The key other than equal parts (I9, I12) and the spans of a year with changes (I10)."""
    own = region.region.split_key
    lines = []
    if own.kind is not KeyKind.EQUAL:
        if region.key.kind is KeyKind.EQUAL:
            # Without funding a key other than equal parts gives way to equal parts (I12).
            lost = (
                N_("Split key: without funding equal parts instead of by fixed weights (I12)")
                if own.kind is KeyKind.WEIGHTS
                else N_("Split key: without funding equal parts instead of by population (I12)")
            )
            lines.append(_say(lost, lang))
        elif own.kind is KeyKind.WEIGHTS:
            weights = ", ".join(
                f"{party.name} {format_fte(weight, lang=lang)}"
                for party, weight in own.weights.items()
            )
            lines.append(
                _say(N_("Split key: fixed weights {weights} (C4, I9)"), lang, weights=weights)
            )
        elif region.reference_day is not None:
            day = format_date(region.reference_day, lang=lang)
            counts = [] if agreement is None else _counts(region, agreement, lang)
            if counts:
                line = _say(
                    N_(
                        "Split key: inhabitants, latest count on or before {day}: {counts} (C4, I9)"
                    ),
                    lang,
                    day=day,
                    counts=", ".join(counts),
                )
            else:
                line = _say(
                    N_("Split key: inhabitants, latest count on or before {day} (C4, I9)"),
                    lang,
                    day=day,
                )
            lines.append(line)
    if len(region.spans) > 1:
        total_months = sum(span.months for span in region.spans)
        total_days = sum(span.days for span in region.spans)
        by_days = (
            agreement.policies.span_weighting is SpanWeighting.DAYS
            if agreement is not None
            else any(span.weight != Fraction(span.months, total_months) for span in region.spans)
        )
        for span in region.spans:
            # The weight as the span's part of the year, in the unit the policy weighs by.
            if not by_days:
                weight = f"{span.months}/{total_months}"
            else:
                weight = f"{span.days}/{total_days}"
            shares = ", ".join(
                f"{party.name} {format_fraction(share)}" for party, share in span.shares.items()
            )
            line = _say(
                N_(
                    "Span {first} to {last} ({weight}), employer {employer}: {shares} ({clause}, I10)"
                ),
                lang,
                first=format_date(span.first_day, lang=lang),
                last=format_date(span.last_day, lang=lang),
                weight=weight,
                employer=span.employer.name,
                shares=shares,
                clause=span.clause,
            )
            lines.append(line)
    return lines


def _counts(region: RegionSettlement, agreement: Agreement, lang: Lang) -> list[str]:
    """Each town's inhabitants used by the population key, with the day of its count (I9)."""
    day = region.reference_day
    shown = []
    for party in region.region.members:
        if day is None:
            break
        try:
            count = population_of(agreement, party, day)
        except NoPopulationCountError:
            continue  # a town that left and is no longer weighed (withdrawal_split="key")
        number = format_count(count.counts[party], lang=lang)
        if count.as_of != day:
            number += f" ({format_date(count.as_of, lang=lang)})"
        shown.append(f"{party.name} {number}")
    return shown


def _payments(region: RegionSettlement, party: Party, lang: Lang) -> str:
    """What a town pays to which employer after a handover within the year (C9, I10)."""
    owed = [line for line in region.billing if line.debtor == party]
    parts = []
    if owed:
        payments = [
            _say(
                N_("{amount} to {employer}"),
                lang,
                amount=format_eur(line.amount, lang=lang),
                employer=line.creditor.name,
            )
            for line in owed
        ]
        parts.append(_say(N_("pays {lines} (C9)"), lang, lines=_joined(payments, lang)))
    if any(span.employer == party for span in region.spans):
        if owed:
            kept = to_cents(region.split[party]) - sum(to_cents(line.amount) for line in owed)
            parts.append(
                _say(
                    N_("bears {amount} itself"),
                    lang,
                    amount=format_eur(from_cents(kept), lang=lang),
                )
            )
        else:
            parts.append(_say(N_("bears itself"), lang))
    return ", ".join(parts)


def _funding_label(region: RegionSettlement, lang: Lang) -> str:
    """Show the derivation FTE × rate where the year had one rate and every post was full-year."""
    funding = region.funding
    full_year = all(len(post.months) == 12 for post in funding.posts)
    if len(funding.rates) != 1 or not full_year:
        return _say(N_("Funding"), lang)
    return _say(
        N_("Funding ({fte} × {rate})"),
        lang,
        fte=format_fte(region.region.fte, lang=lang),
        rate=format_eur(funding.rates[0].amount, lang=lang),
    )


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
    check_instance(settlement, Settlement, what="settlement", how=_MAKE["settlement"])
    notes = tuple_of(notes, str, what="notes")
    lang = check_lang(lang)
    heading = _say(
        N_("{agreement} – Budget year {year}"),
        lang,
        agreement=settlement.agreement.name,
        year=settlement.year,
    )
    sections = [heading, *notes]
    for region in settlement.regions:
        sections += ["", render_region(region, lang=lang, agreement=settlement.agreement)]
    sections += ["", _say(N_("Billing {year} (C9)"), lang, year=settlement.year)]
    rows: list[tuple[str, Money | None, str]] = [
        (
            _say(
                N_("{debtor} owes {creditor}"),
                lang,
                debtor=line.debtor.name,
                creditor=line.creditor.name,
            ),
            line.amount,
            f"({line.clause})",
        )
        for line in settlement.billing
    ]
    sections += _table(rows, lang) if rows else ["  " + _say(N_("nothing to bill"), lang)]
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
    lang = check_lang(lang)
    chosen = NoticeTerms() if terms is None else terms
    ends = termination_date(received, chosen)
    return _say(
        N_("Notice received on {received}: member until {ends} ({terms}, C11)"),
        lang,
        received=format_date(received, lang=lang),
        ends=format_date(ends, lang=lang),
        terms=_describe_terms(chosen, lang),
    )


def render_deadline(deadline: NoticeDeadline, *, lang: Lang = "de") -> str:
    """Render a notice deadline with its warning for a weekend, holiday or listed closed day (C11).

    Examples:
        >>> from kim_cooperation import notice_deadline
        >>> print(render_deadline(notice_deadline(2025), lang="en"))
        To end the agreement on 2025-12-31, notice must be received by 2024-06-30 at the latest (18 months to the end of a year, C11).
        2024-06-30 is a Sunday. The deadline is not moved (§ 193 BGB does not apply to notice periods); make sure the notice arrives by 2024-06-28.
    """
    check_instance(deadline, NoticeDeadline, what="deadline", how=_MAKE["deadline"])
    lang = check_lang(lang)
    lines = [
        _say(
            N_(
                "To end the agreement on {end}, notice must be received by {deadline} "
                "at the latest ({terms}, C11)."
            ),
            lang,
            end=format_date(deadline.end, lang=lang),
            deadline=format_date(deadline.deadline, lang=lang),
            terms=_describe_terms(deadline.terms, lang),
        )
    ]
    check = deadline.day_check  # weekends, public holidays and listed closed days
    if check.closed:
        lines.append(
            _say(
                N_(
                    "{deadline} is {what}. The deadline is not moved (§ 193 BGB does not "
                    "apply to notice periods); make sure the notice arrives by {working_day}."
                ),
                lang,
                deadline=format_date(deadline.deadline, lang=lang),
                what=check.describe(lang=lang),
                working_day=format_date(deadline.last_working_day, lang=lang),
            )
        )
    note = check.gap_note(lang=lang)
    return "\n".join([*lines, note] if note is not None else lines)


def describe_terms(terms: NoticeTerms, *, lang: Lang = "de") -> str:
    """Return notice terms in words, in German or English (C11).

    Examples:
        >>> from kim_cooperation import NoticeTerms
        >>> describe_terms(NoticeTerms()), describe_terms(NoticeTerms(), lang="en")
        ('18 Monate zum Ende eines Kalenderjahres', '18 months to the end of a year')
    """
    check_instance(terms, NoticeTerms, what="terms", how="write e.g. NoticeTerms(months=6)")
    return _describe_terms(terms, check_lang(lang))


def _describe_terms(terms: NoticeTerms, lang: Lang) -> str:
    # The catalogue text `NoticeTerms.describe` writes, in ``lang``: one wording everywhere.
    return _terms_phrase(terms).describe(lang)


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
