"""A region's settlement and a year's settlement as text: shares, key, spans, billing.

`render_region` writes a region's costs (C8), funding (C5, C10) and own
share (C7), funding beyond the costs (I6), its split key (C4, I9, I12),
the spans of a year with a change of members or employer (I10), and each
town's part (C12) with whom it pays (C9) and the cent of a remainder (I2);
`render_settlement` writes every region of a year and the billing lines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from fractions import Fraction

from kim_cooperation._checks import check_instance, check_lang, tuple_of
from kim_cooperation.agreement import Agreement
from kim_cooperation.clauses import Clause
from kim_cooperation.errors import NoPopulationCountError
from kim_cooperation.formatting import (
    Lang,
    format_count,
    format_date,
    format_eur,
    format_fraction,
    format_fte,
)
from kim_cooperation.i18n import N_
from kim_cooperation.keys import KeyKind, population_of
from kim_cooperation.money import Money, from_cents, to_cents
from kim_cooperation.party import Party
from kim_cooperation.policy import SpanWeighting
from kim_cooperation.report._texts import _MAKE, _joined, _say, _table
from kim_cooperation.settlement import RegionSettlement, Settlement


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
