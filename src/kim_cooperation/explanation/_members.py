"""The steps of who bears a region's own share: members, towns that left, spans of a year.

- `members`: the towns that bear the own share in the year, in equal parts
  within the region also without funding (C4, C10, I4) or by the key (C4),
  or in the parts left after towns have left (C12);
- `left`: one step per town that has left, with how its share passed to
  those who remain: in equal parts (C12, I3), to all remaining parties of
  the agreement (the literal reading of C12, policy ``withdrawal_scope``), or
  under a key by the policy ``withdrawal_split`` (I11);
- `spans`: a year with a change of members (notice terms that end inside a
  year, I10), cut into spans weighed by the policy ``span_weighting``, each
  with its days or months, weight, members, employer, the towns that left
  and each bearer's exact share (C4, or C12 / I11 after a town left);
- `year_share`: the town's exact fraction of such a year, the sum over the
  spans (I10);
- `bearing` and `equal`: the shares that bear a part, and whether they are
  equal parts (C4, I1).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from fractions import Fraction
from types import MappingProxyType
from typing import Final

from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.explanation._key import keyed
from kim_cooperation.explanation._sentences import Writer
from kim_cooperation.formatting import format_fraction
from kim_cooperation.i18n import N_
from kim_cooperation.policy import ShareBasis, SpanWeighting, WithdrawalScope
from kim_cooperation.settlement import RegionSettlement
from kim_cooperation.split import Share

__all__ = ["bearing", "equal", "left", "members", "spans", "year_share"]

_LEFT: Final[Mapping[str, str]] = MappingProxyType(
    {
        "equal": N_(
            "{party} left on {date}; its share passed in equal parts to the remaining towns of "
            "Region {region} (interpretation I3)"
        ),
        "all": N_(
            "{party} left on {date}; its share passed in equal parts to all remaining parties "
            "of the agreement (interpretation I3, literal reading)"
        ),
        "keyed": N_(
            "{party} left on {date} (C12); its part by the key passed in equal parts to the "
            "remaining towns of Region {region} (policy withdrawal_split=equal)"
        ),
        "key": N_(
            "{party} left on {date} (C12); its part passed to the remaining towns of Region "
            "{region} in proportion to their key (policy withdrawal_split=key)"
        ),
    }
)
"""A town that left, by how its share passed to the others (C12, I3, I11).

Where English says "its share", the German texts name the town again
("der Anteil von {party}"): the same field, twice.
"""

_PASSING: Final[Mapping[str, str]] = MappingProxyType(
    {
        "equal": N_("the share passes in equal parts to the remaining towns (interpretation I3)"),
        "keyed": N_(
            "the share by the key passes in equal parts to the remaining towns "
            "(policy withdrawal_split=equal)"
        ),
        "key": N_(
            "the share passes to the remaining towns in proportion to their key "
            "(policy withdrawal_split=key)"
        ),
        "all": N_(
            "the share passes in equal parts to all remaining parties of the agreement "
            "(interpretation I3, literal reading)"
        ),
    }
)
"""How the share of a town that left within the year passes to the others (C12, I3, I11)."""


def bearing(shares: Sequence[Share]) -> list[Share]:
    """The shares of the parties that bear a part: those with a weight above zero."""
    return [share for share in shares if share.weight]


def equal(shares: Sequence[Share]) -> bool:
    """Tell whether the shares are equal parts (C4, I1), as they are unless C12 is read literally."""
    return len({share.weight for share in shares}) == 1


def members(writer: Writer, settled: RegionSettlement) -> None:
    """Write the towns that bear the own share in a year without a change of members (C4, C10, C12)."""
    split = settled.split
    region = settled.region
    bearers = bearing(split.shares)
    values: dict[str, object] = {"year": settled.year, "region": region.name}
    lost = settled.funding.lost
    if equal(bearers):
        names = writer.names([share.party.name for share in bearers])
        if len(bearers) == 1:
            template = (
                N_(
                    "In {year} {names}, the only town left in Region {region}, bears the own "
                    "share alone, without funding within the region and paid to its employer "
                    "(interpretation I4)"
                )
                if lost
                else N_(
                    "In {year} {names}, the only town left in Region {region}, bears the own "
                    "share alone"
                )
            )
        else:
            values["count"] = len(bearers)
            template = (
                N_(
                    "In {year} the {count} towns of Region {region} bear the own share in "
                    "equal parts: {names}, without funding within the region and paid to its "
                    "employer (interpretation I4)"
                )
                if lost
                else N_(
                    "In {year} the {count} towns of Region {region} bear the own share in "
                    "equal parts: {names}"
                )
            )
        writer.add("members", template, Clause.C10 if lost else Clause.C4, names=names, **values)
    else:
        total = sum((share.weight for share in bearers), Fraction(0))
        names = writer.names(
            [f"{share.party.name} {writer.number(share.weight / total)}" for share in bearers]
        )
        values["count"] = len(bearers)
        gone = {share.party for share in split.shares} != set(region.members)
        if keyed(settled) and not gone:
            # Nobody has left: the parts are the key's own (C4, I9; C10 without funding).
            writer.add(
                "members",
                N_(
                    "In {year} {count} towns bear the own share of Region {region} by the "
                    "key, in these parts: {names}"
                ),
                Clause.C10 if lost else Clause.C4,
                names=names,
                **values,
            )
        else:
            writer.add(
                "members",
                N_(
                    "In {year} {count} towns bear the own share of Region {region} in these "
                    "parts: {names}"
                ),
                Clause.C12,
                names=names,
                **values,
            )
    left(writer, settled, before=None)


def left(writer: Writer, settled: RegionSettlement, *, before: dt.date | None) -> None:
    """Write one step per town of the region that left (before ``before``, if given) (C12)."""
    region = settled.region
    policies = writer.agreement.policies
    scope_all = policies.withdrawal_scope is WithdrawalScope.AGREEMENT
    by_key = policies.withdrawal_split is ShareBasis.KEY
    is_keyed = keyed(settled)
    for member in region.members:
        ends = writer.agreement.termination_of(member)
        if before is None:
            if member in settled.split:
                continue
            if ends is None:  # A town without notice is a member every year (C11).
                raise AssertionError(f"{member.name} is missing from the split but gave no notice")
        elif ends is None or ends >= before:
            continue
        clause: Clause | Interpretation
        if scope_all:
            template, clause = _LEFT["all"], Clause.C12
        elif is_keyed:
            # C12 under a key other than equal parts (I11).
            template = _LEFT["key"] if by_key else _LEFT["keyed"]
            clause = Interpretation.I11
        else:
            template, clause = _LEFT["equal"], Clause.C12
        writer.add(
            "left",
            template,
            clause,
            party=member.name,
            date=writer.date(ends),
            region=region.name,
        )


def spans(writer: Writer, settled: RegionSettlement) -> None:
    """Write a year with a change of members: its spans and their shares (C4, C12, I10, I11)."""
    cut = settled.spans
    region = settled.region
    policies = writer.agreement.policies
    is_keyed = keyed(settled)
    left(writer, settled, before=cut[0].first_day)
    by_days = policies.span_weighting is SpanWeighting.DAYS
    writer.add(
        "spans",
        N_(
            "As parties leave within {year}, the own share of Region {region} is spread "
            "over {count} spans pro rata temporis, {weighting}; each span is split {how} "
            "among its members, and each town's parts are added up and rounded once"
        ),
        Interpretation.I10,
        region=region.name,
        year=settled.year,
        count=len(cut),
        weighting=writer.text(
            N_("weighed in days (policy span_weighting=days)")
            if by_days
            else N_("weighed in calendar months (policy span_weighting=months)")
        ),
        how=writer.text(N_("by the key") if is_keyed else N_("in equal parts")),
    )
    total = sum(span.days if by_days else span.months for span in cut)
    if policies.withdrawal_scope is WithdrawalScope.AGREEMENT:
        passing = "all"
    elif is_keyed:
        passing = "key" if policies.withdrawal_split is ShareBasis.KEY else "keyed"
    else:
        passing = "equal"
    for number, span in enumerate(cut, start=1):
        units = span.days if by_days else span.months
        if units == 1:
            length = writer.text(N_("1 day") if by_days else N_("1 month"))
        else:
            length = writer.text(
                N_("{count} days") if by_days else N_("{count} months"), count=units
            )
        weight = f"{units}/{total}"
        if span.weight.denominator != total:
            weight += f" = {format_fraction(span.weight)}"
        gone: dict[dt.date, list[str]] = {}
        for member in region.members:
            ends = writer.agreement.termination_of(member)
            if member not in span.members and ends is not None and ends >= cut[0].first_day:
                gone.setdefault(ends, []).append(member.name)
        # Each day on which towns left is a clause of its own; clauses are parted by "; ".
        towns_left = "; ".join(
            writer.text(
                N_("left on {date}: {names}, {passing}"),
                names=writer.names(names),
                date=writer.date(ends),
                passing=writer.text(_PASSING[passing]),
            )
            for ends, names in sorted(gone.items())
        )
        clause: Clause | Interpretation = span.clause
        if clause is Clause.C12 and is_keyed and passing != "all":
            clause = Interpretation.I11  # C12 under a key other than equal parts
        writer.add(
            "span",
            N_(
                "Span {number}: {first} to {last}, {length}, weight {weight}; members "
                "{members}; employer {employer}; {left}; shares of the span: {shares}"
            )
            if towns_left
            else N_(
                "Span {number}: {first} to {last}, {length}, weight {weight}; members "
                "{members}; employer {employer}; shares of the span: {shares}"
            ),
            clause,
            number=number,
            first=writer.date(span.first_day),
            last=writer.date(span.last_day),
            length=length,
            weight=weight,
            members=writer.names([member.name for member in span.members]),
            employer=span.employer.name,
            left=towns_left,
            shares=writer.names(
                [f"{party.name} {format_fraction(share)}" for party, share in span.shares.items()]
            ),
        )


def year_share(writer: Writer, settled: RegionSettlement) -> None:
    """Write the town's exact fraction of the year: the sum over the spans (I10)."""
    terms = [
        (span.weight, span.shares[writer.party])
        for span in settled.spans
        if span.shares.get(writer.party)
    ]
    products = [weight * share for weight, share in terms]
    total = sum(products, Fraction(0))
    if not terms:
        text = format_fraction(total)
    else:
        text = " + ".join(
            f"{format_fraction(weight)} × {format_fraction(share)}" for weight, share in terms
        )
        if len(terms) > 1:
            text += " = " + " + ".join(format_fraction(product) for product in products)
        text += f" = {format_fraction(total)}"
    writer.add(
        "year_share",
        N_("Share of {party} in the own share of {year}: {terms}"),
        Interpretation.I10,
        party=writer.party.name,
        year=settled.year,
        terms=text,
    )
