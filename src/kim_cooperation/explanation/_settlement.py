"""The steps of a region's settlement: its town and employer, costs, funding and own share.

- `context`: the town's region, its FTE and its employer, or each employer
  with its time after a handover within the year (C2, C3, I10); for a region
  other than the town's own, why the town bears part of it (C12, I3);
- `costs`: the region's non-zero cost items and their total (C8);
- `funding`: the funding rates of the year with their sources (C5, C6, C10),
  each post's funding as FTE × rate × months/12, or by days under the policy
  ``part_year_funding="days"`` (C5, I7), the rounding of the exact sum half
  up to cents (I7), and the region's funding (C5, or C10 without any);
- `own_share`: costs less funding, never negative, or the surplus that is
  reported and not paid out (C7, C10, I6).
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.explanation._sentences import (
    EMPLOYER_PERIOD,
    Writer,
    cents_or_none,
    periods,
)
from kim_cooperation.funding import FundingRate, PostFunding
from kim_cooperation.i18n import N_
from kim_cooperation.policy import PartYearFunding
from kim_cooperation.settlement import RegionSettlement

__all__ = ["context", "costs", "funding", "own_share"]

_RATE_FROM: Final[Mapping[Clause, str]] = MappingProxyType(
    {
        Clause.C5: N_("Funding rate from {date}"),
        Clause.C6: N_("Increased funding rate from {date}"),
        Clause.C10: N_("Funding ended from {date}"),
    }
)
"""What a funding rate is, by the clause it comes from (C5, C6, C10)."""


def context(writer: Writer, settled: RegionSettlement) -> None:
    """Write the town's region, its FTE, its employer and the year (C2, C3; C12 elsewhere)."""
    region = settled.region
    employed = periods(settled)
    values: dict[str, object] = {
        "party": writer.party.name,
        "region": region.name,
        "fte": writer.number(region.fte),
        "year": settled.year,
    }
    if len(employed) > 1:
        # A successor took over within the year: name each employer with its time (C3, I10).
        employers = writer.names(
            [
                writer.period_text(settled, runs, employer.title, templates=EMPLOYER_PERIOD)
                for employer, runs in employed.items()
            ]
        )
    else:
        employers = settled.employer.title
    if region.name != writer.home:
        writer.add(
            "region",
            N_(
                "{party} belongs to Region {own} but in {year} also bears part of the own "
                "share of Region {region} ({fte} FTE, employer {employer}): shares of towns "
                "that left pass to all remaining parties (interpretation I3, literal reading)"
            ),
            Clause.C12,
            own=writer.home,
            employer=employers,
            **values,
        )
    elif len(employed) > 1:
        # The employers with their times read differently in German from one employer's
        # title, so the text names them {employers}: a text of its own in the catalogue.
        writer.add(
            "region",
            N_(
                "{party} belongs to Region {region} with {fte} FTE; the employer is "
                "{employers}, and the year settled is {year}"
            ),
            Clause.C2,
            employers=employers,
            **values,
        )
    else:
        writer.add(
            "region",
            N_(
                "{party} belongs to Region {region} with {fte} FTE; the employer is "
                "{employer}, and the year settled is {year}"
            ),
            Clause.C2,
            employer=employers,
            **values,
        )


def costs(writer: Writer, settled: RegionSettlement) -> None:
    """Write the region's non-zero cost items and their total (C8)."""
    statement = settled.costs
    name = settled.region.name
    items = [(item, amount) for item, amount in statement.items() if amount]
    for item, amount in items:
        # A cost item carries its own label in each language: data, not a text.
        label = item.label_de if writer.lang == "de" else item.label
        writer.add(
            "cost_item",
            N_("Cost item \u201c{label}\u201d of Region {region}: {amount}"),
            Clause.C8,
            amount,
            label=label,
            region=name,
            amount=writer.eur(amount),
        )
    total = writer.eur(statement.total)
    if len(items) > 1:
        total = " + ".join(writer.eur(amount) for _, amount in items) + f" = {total}"
    writer.add(
        "costs",
        N_("Total costs of Region {region}: {sum}"),
        Clause.C8,
        statement.total,
        region=name,
        sum=total,
    )


def funding(writer: Writer, settled: RegionSettlement) -> None:
    """Write the rates, each post's funding, its rounding and the region's funding (C5–C7, C10, I7)."""
    funded = settled.funding
    for rate in funded.rates:
        what = writer.text(_RATE_FROM[rate.clause], date=writer.date(rate.valid_from))
        writer.add(
            "rate",
            N_("{what}: {amount} per full-time equivalent (FTE) and year, source: {source}"),
            rate.clause,
            rate.amount,
            what=what,
            amount=writer.eur(rate.amount),
            # The built-in sources are in the catalogue; a user's own pass unchanged.
            source=writer.text(rate.source),
        )
    for post in funded.posts:
        if funded.method is PartYearFunding.DAYS:
            _post_by_days(writer, settled, post)
        else:
            _post_by_twelfths(writer, settled, post)
    if funded.is_rounded:
        writer.add(
            "funding_rounding",
            N_(
                "The posts' exact funding is {exact}; rounded half up to whole cents it "
                "is {amount}"
            ),
            Interpretation.I7,
            funded.amount,
            exact=writer.exact(funded.exact),
            amount=writer.eur(funded.amount),
        )
    if funded.lost:
        writer.add(
            "funding",
            N_("The state funding has ended for {year}; funding of Region {region}: {amount}"),
            Clause.C10,
            funded.amount,
            region=settled.region.name,
            year=settled.year,
            amount=writer.eur(funded.amount),
        )
    else:
        writer.add(
            "funding",
            N_("Total funding of Region {region}, paid through the Kreis to {employer}: {amount}"),
            funded.clause,
            funded.amount,
            region=settled.region.name,
            employer=writer.paid_to(settled),
            amount=writer.eur(funded.amount),
        )


def _post_by_twelfths(writer: Writer, settled: RegionSettlement, funded: PostFunding) -> None:
    """Write a post's funding by the calendar months it is filled in full (C5, I7)."""
    post = funded.post
    amount = cents_or_none(funded.exact)
    if not funded.months:
        writer.add(
            "post_funding",
            N_(
                "Post \u201c{label}\u201d is filled for no full calendar month in {year}; "
                "funding {amount}"
            ),
            Interpretation.I7,
            amount,
            label=post.label,
            year=settled.year,
            amount=writer.exact(funded.exact),
        )
        return
    # The rate region_funding applied to each month (I7), grouped for the text.
    groups: list[tuple[FundingRate, list[int]]] = []
    for month, rate in zip(funded.months, funded.month_rates, strict=True):
        if groups and groups[-1][0] == rate:
            groups[-1][1].append(month)
        else:
            groups.append((rate, [month]))
    part_year = len(funded.months) < 12
    terms = " + ".join(
        writer.text(
            N_("{fte} FTE × {rate} × {count}/{base}"),
            fte=writer.number(post.fte),
            rate=writer.eur(rate.amount),
            count=len(months),
            base=12,
        )
        + (f" ({writer.months(months)})" if part_year or len(groups) > 1 else "")
        for rate, months in groups
    )
    template = (
        N_(
            "Funding of post \u201c{label}\u201d: {terms} = {amount}; one twelfth of the "
            "rate is paid per calendar month filled in full"
        )
        if part_year
        else N_("Funding of post \u201c{label}\u201d: {terms} = {amount}")
    )
    single = len(groups) == 1 and not part_year
    writer.add(
        "post_funding",
        template,
        groups[0][0].clause if single else Interpretation.I7,
        amount,
        label=post.label,
        terms=terms,
        amount=writer.exact(funded.exact),
    )


def _post_by_days(writer: Writer, settled: RegionSettlement, funded: PostFunding) -> None:
    """Write a post's funding by the days it is filled (C5, I7, policy part_year_funding=days)."""
    post = funded.post
    amount = cents_or_none(funded.exact)
    if not funded.days:
        writer.add(
            "post_funding",
            N_("Post \u201c{label}\u201d is filled on no day in {year}; funding {amount}"),
            Interpretation.I7,
            amount,
            label=post.label,
            year=settled.year,
            amount=writer.exact(funded.exact),
        )
        return
    base = 366 if calendar.isleap(settled.year) else 365
    rates = settled.funding.rates
    part_year = funded.days < base
    values: dict[str, object] = {
        "label": post.label,
        "amount": writer.exact(funded.exact),
    }
    if len(rates) == 1:
        values["terms"] = writer.text(
            N_("{fte} FTE × {rate} × {count}/{base}"),
            fte=writer.number(post.fte),
            rate=writer.eur(rates[0].amount),
            count=funded.days,
            base=base,
        )
        template = (
            N_(
                "Funding of post \u201c{label}\u201d: {terms} = {amount}; each day filled "
                "earns the rate divided by the days of the year "
                "(policy part_year_funding=days)"
            )
            if part_year
            else N_("Funding of post \u201c{label}\u201d: {terms} = {amount}")
        )
    else:
        values |= {
            "fte": writer.number(post.fte),
            "count": funded.days,
            "base": base,
            "rates": writer.names([writer.eur(rate.amount) for rate in rates]),
        }
        template = (
            N_(
                "Funding of post \u201c{label}\u201d: {fte} FTE × the day's rate / {base} "
                "for {count} days filled at the rates {rates} = {amount}; each day filled "
                "earns the rate divided by the days of the year "
                "(policy part_year_funding=days)"
            )
            if part_year
            else N_(
                "Funding of post \u201c{label}\u201d: {fte} FTE × the day's rate / {base} "
                "for {count} days filled at the rates {rates} = {amount}"
            )
        )
    single = len(rates) == 1 and not part_year
    writer.add(
        "post_funding",
        template,
        rates[0].clause if single else Interpretation.I7,
        amount,
        **values,
    )


def own_share(writer: Writer, settled: RegionSettlement) -> None:
    """Write the own share, costs less funding, and a surplus reported only (C7, C10, I6)."""
    values = {
        "costs": writer.eur(settled.costs.total),
        "funding": writer.eur(settled.funding.amount),
        "amount": writer.eur(settled.own_share),
    }
    if settled.surplus:
        template = N_(
            "The funding of {funding} exceeds the costs of {costs}, so the own share is "
            "{amount}, never negative"
        )
    elif settled.funding.lost:
        template = N_(
            "Without funding the towns bear the whole costs: own share = "
            "{costs} − {funding} = {amount}"
        )
    else:
        template = N_("Own share = costs − funding = {costs} − {funding} = {amount}")
    writer.add("own_share", template, settled.clause, settled.own_share, **values)
    if settled.surplus:
        writer.add(
            "surplus",
            N_(
                "The funding beyond the costs, {amount}, is reported only; it is neither "
                "paid out nor shared among the towns"
            ),
            Interpretation.I6,
            settled.surplus,
            amount=writer.eur(settled.surplus),
        )
