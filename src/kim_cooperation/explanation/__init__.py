"""Explain one town's own share, line by line, for an auditor (C2–C5, C7–C10, C12; I2–I4, I6, I7, I9–I12).

`explain` walks the derivation of a town's part of its region's own share
("Eigenanteil") for the year of a `Settlement`, in German or English. Each
step is one sentence with the figure it states and the clause or
interpretation choice it rests on:

1. the town's region and its employer (C2, C3);
2. the region's non-zero cost items and their total (C8);
3. the funding rates applied in the year, with their sources (C5, C6, C10),
   the funding of each post as FTE × rate × months/12 (C5, I7; or by days
   under the policy ``part_year_funding="days"``), the exact sum and its
   rounding half up to cents where there is one (I7), and the region's
   funding (C5, or C10 without any);
4. the own share, costs less funding and never negative, or the surplus
   that is reported and not paid out (C7, C10, I6);
5. for a key other than equal parts, the key: each town's fixed weight, or
   for population the reference day, the policy that chose it and each
   town's count with its day and source (I9); without funding, whether the
   costs are borne in equal parts or by the key (I12);
6. the towns that bear it in the year, in equal parts within the region also
   without funding (C4, C10, I4) or by the key (C4), and, where towns have
   left, that their shares passed to those who remain (C12, I3, I11);
7. for a year with a change of members (notice terms that end inside a
   year, I10) instead: how the year is cut into spans and weighed (policy
   ``span_weighting``), each span with its days, months, weight, members,
   employer and each bearer's exact share (C4, or C12 / I11 after a town
   left), and the town's exact fraction of the year, the sum over the spans;
8. the exact share, its floor in cents and whether the town received one of
   the left-over cents, and why (C4, I2);
9. what the town pays to its region's employer, or, for the employer, what
   it bills the other towns and bears itself (C9). After a successor took
   over within the year, what the town pays to each employer for its spans,
   and for each employer what it bills for its own spans.

A town that has left bears nothing, and the explanation ends there (C12).
Under the policy ``withdrawal_scope="agreement"`` (the literal reading of
C12) a town can bear parts of other regions' own shares too; each such region
is walked in turn, and a last step adds the parts up.

Every figure is the settlement's own: nothing is computed differently from
`settle`.

Each sentence is written once, in English, with named fields, marked with
`N_` where it is written, and translated through the catalogue
(`kim_cooperation.i18n`) before its fields are filled in, so the German text
may order them as German needs. A sentence that reads differently under a
condition (a post funded for part of the year, a year without funding) is a
whole text of its own; a variable part is a text of its own nested in a
field (the reference day of a population key, the employers with their
times), never English words put together.

Where each step is written, in the package's private modules: ``_region``
walks one region in the order above and writes the last step that adds the
parts up; ``_settlement`` steps 1 to 4; ``_key`` step 5; ``_members`` steps
6 and 7 and the towns that left; ``_share`` step 8; ``_payment`` step 9.
``_sentences`` holds the writer that asks the catalogue for every text, and
the forms of amounts, exact values, days and an employer's time;
``_table`` the explanation's plain data and rows for exports.

Examples:
    >>> from kim_cooperation import explain, presets, settle
    >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
    >>> print(explain(settlement, "Billerbeck"))
     1. Billerbeck gehört zur Region Nord mit 2,5 VZÄ; Anstellungskörperschaft ist die Stadt Coesfeld, abgerechnet wird das Haushaltsjahr 2023 (C2)
     2. Kostenposition „Personalkosten inkl. Arbeitgeberanteil“ der Region Nord: 163.000 € (C8)
     3. Kostenposition „Sachkosten (nicht aufgeschlüsselt)“ der Region Nord: 7.000 € (C8)
     4. Kosten der Region Nord insgesamt: 163.000 € + 7.000 € = 170.000 € (C8)
     5. Fördersatz ab 01.01.2023: 55.000 € je Vollzeitäquivalent (VZÄ) und Jahr, Quelle: Stadt Coesfeld, Ratsvorlage 2023 „Kommunales Case-Management - Interkommunale Zusammenarbeit“: 55.000 EUR / Vollzeitstelle / Jahr (C5)
     6. Förderung der Stelle „Nord 1“: 1 VZÄ × 55.000 € × 12/12 = 55.000 € (C5)
     7. Förderung der Stelle „Nord 2“: 1 VZÄ × 55.000 € × 12/12 = 55.000 € (C5)
     8. Förderung der Stelle „Nord 3“: 0,5 VZÄ × 55.000 € × 12/12 = 27.500 € (C5)
     9. Förderung der Region Nord insgesamt, über den Kreis an Coesfeld gezahlt: 137.500 € (C5)
    10. Eigenanteil = Kosten − Förderung = 170.000 € − 137.500 € = 32.500 € (C7)
    11. 2023 tragen 4 Kommunen der Region Nord den Eigenanteil zu gleichen Teilen: Billerbeck, Coesfeld, Havixbeck und Rosendahl (C4)
    12. Anteil je Kommune genau: 32.500 € / 4 = 8.125 € (C4)
    13. Auf volle Cent abgerundet sind das 8.125 € je Kommune, zusammen 32.500 €; es bleibt kein Cent übrig (I2)
    14. Es bleibt kein Cent zu verteilen; der Anteil von Billerbeck beträgt 8.125 € (I2)
    15. Billerbeck zahlt 8.125 € an die Anstellungskörperschaft Coesfeld, die einmal jährlich abrechnet (C9)
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

import attrs

from kim_cooperation._checks import shown
from kim_cooperation._table import Exportable, Record, TableKind
from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.errors import InvalidTypeError, InvalidValueError
from kim_cooperation.explanation import _region, _sentences, _table
from kim_cooperation.formatting import Lang
from kim_cooperation.i18n import N_
from kim_cooperation.party import Party
from kim_cooperation.settlement import Settlement

__all__ = ["Explanation", "ExplanationStep", "explain"]


@attrs.frozen(kw_only=True)
class ExplanationStep:
    """One step of an explanation: a sentence, its figure and its clause.

    Attributes:
        text: One sentence a town's auditor can follow, without the clause
            id (`Explanation.render` appends it).
        amount: The figure the step states, in euros to the cent; ``None``
            where it states none to the cent (a list of towns, an exact share
            with fractions of a cent).
        clause: The clause or interpretation choice the step rests on.
        key: A stable identifier of the kind of step: ``"region"``,
            ``"cost_item"``, ``"costs"``, ``"rate"``, ``"post_funding"``,
            ``"funding_rounding"``, ``"funding"``, ``"own_share"``,
            ``"surplus"``, ``"key"``, ``"population"``, ``"members"``,
            ``"left"``, ``"spans"``, ``"span"``, ``"year_share"``,
            ``"exact_share"``, ``"floor"``, ``"part"``, ``"payment"``,
            ``"billing"``, ``"bears"`` or ``"total"``. The steps ``part``, ``payment`` and
            ``bears`` state the town's part of a region's own share,
            ``total`` the sum of its parts of several regions' own shares.

    Examples:
        >>> from kim_cooperation import presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> steps = explain(settlement, "Havixbeck", lang="en").steps
        >>> step = next(step for step in steps if step.key == "own_share")
        >>> step.amount, str(step.clause)
        (Decimal('32500.00'), 'C7')
        >>> step.render()
        'Own share = costs − funding = €170,000 − €137,500 = €32,500 (C7)'
    """

    text: str
    amount: Decimal | None
    clause: Clause | Interpretation | None
    key: str = ""

    def render(self) -> str:
        """Return the sentence with the clause id in parentheses."""
        if self.clause is None:
            return self.text
        return f"{self.text} ({self.clause})"


@attrs.frozen(kw_only=True)
class Explanation(Exportable):
    """The derivation of one town's own share for one year, step by step.

    ``str(explanation)`` gives the numbered lines of `render`.

    Attributes:
        party: The town explained.
        year: The year settled.
        lang: The language of the sentences, ``"de"`` or ``"en"``.
        steps: The steps in order, from the town's region and its costs to
            the payment.

    Examples:
        >>> from kim_cooperation import presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> explanation = explain(settlement, "Havixbeck", lang="en")
        >>> explanation.party.name, explanation.year, len(explanation.steps)
        ('Havixbeck', 2023, 15)
        >>> print(explanation.steps[-1].render())
        Havixbeck pays €8,125 to the employer Coesfeld, which bills once a year (C9)
    """

    party: Party
    year: int
    lang: Lang
    steps: tuple[ExplanationStep, ...]

    _TABLE: ClassVar[TableKind] = _table.EXPLANATION_TABLE

    def _plain(self) -> dict[str, object]:
        return _table.explanation_plain(self)

    def _records(self) -> list[Record]:
        return _table.explanation_records(self)

    def _title(self, lang: Lang) -> str:
        return _table.explanation_title(self, lang)

    def render(self) -> str:
        """Return the steps as numbered lines, each ending with its clause id in parentheses.

        Examples:
            >>> from kim_cooperation import explain, presets, settle
            >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
            >>> print(explain(settlement, "Coesfeld", lang="en").render())
            ... # doctest: +ELLIPSIS
             1. Coesfeld belongs to Region Nord with 2.5 FTE; the employer is Stadt Coesfeld, and the year settled is 2023 (C2)
            ...
            15. As the employer, Coesfeld bills once a year: Billerbeck €8,125, Havixbeck €8,125 and Rosendahl €8,125, €24,375 in all (C9)
            16. Coesfeld bears its own part of €8,125 itself (C9)
        """
        width = len(str(len(self.steps)))
        return "\n".join(
            f"{number:>{width}}. {step.render()}"
            for number, step in enumerate(self.steps, start=1)
        )

    def __str__(self) -> str:
        return self.render()


def explain(settlement: Settlement, party: str | Party, *, lang: Lang = "de") -> Explanation:
    """Explain how a town's own share for the settlement's year comes about.

    The derivation walks the town's region. A town that has left the
    agreement bears nothing, and the explanation says so (C12). Under the
    policy ``withdrawal_scope="agreement"`` (the literal reading of C12) a
    town can bear parts of other regions' own shares as well; each such
    region is walked in turn and a last step adds the parts up.

    Args:
        settlement: The settlement of the year, from `settle`.
        party: The town, as a `Party`, an AGS or a name (``"Duelmen"`` works too).
        lang: ``"de"`` (default) for German wording and number format, or
            ``"en"``.

    Returns:
        The explanation: one step per line of the derivation, each with the
        figure it states and its clause. The steps with the keys ``part``,
        ``payment`` and ``bears`` state the town's part of a region's own
        share, ``total`` (only when there are parts of several regions) their
        sum; each equals what `Settlement.own_share_of` and the region's
        split say.

    Raises:
        InvalidTypeError: ``settlement`` is not a `Settlement`.
        InvalidValueError: ``lang`` is not ``"de"`` or ``"en"``.
        UnknownPartyError: ``party`` is not a party to the agreement.
        UnknownRegionError: The town's region was not settled and the town
            bears nothing of the regions that were.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets, settle
        >>> agreement = presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30))
        >>> settlement = settle(agreement, 2026, presets.coesfeld_cost_plan_2023())
        >>> explanation = explain(settlement, "Coesfeld", lang="en")
        >>> for step in explanation.steps[-6:-2]:
        ...     print(step.render())
        Rosendahl left on 31 December 2025; its share passed in equal parts to the remaining towns of Region Nord (interpretation I3) (C12)
        Exact share per town: €32,500.00 / 3 = €10,833.333… (C12)
        Rounded down to whole cents that is €10,833.33 per town, €32,499.99 in all; 1 cent is left over (I2)
        Left-over cents go to the largest remainders; all remainders are equal (1/3 cent each), so the employer comes first, then the towns by AGS, in the order Coesfeld, Billerbeck, Havixbeck; Coesfeld receives one: €10,833.33 + €0.01 = €10,833.34 (I2)
        >>> [str(step.amount) for step in explanation.steps if step.key in ("part", "bears")]
        ['10833.34', '10833.34']
        >>> settlement.own_share_of("Coesfeld")
        Decimal('10833.34')

        Under the quarter terms of the invented example, Fuchsberg leaves
        Region Ost (fixed weights 2 : 1 : 1 : 1/2) on 31 March 2026:

        >>> example = presets.example().give_notice("Fuchsberg", dt.date(2025, 9, 30))
        >>> settlement = settle(example, 2026, presets.example_cost_plans()[2026])
        >>> explanation = explain(settlement, "Fuchsberg", lang="en")
        >>> for step in explanation.steps:
        ...     if step.key in ("key", "span", "year_share", "payment"):
        ...         print(step.render())
        Split key of Region Ost: fixed weights Brunnfeld 2, Eichhagen 1, Fuchsberg 1 and Grünwald 0.5, 4.5 in all (I9)
        Span 1: 1 January 2026 to 31 March 2026, 3 months, weight 3/12 = 1/4; members Brunnfeld, Eichhagen, Fuchsberg and Grünwald; employer Brunnfeld; shares of the span: Brunnfeld 4/9, Eichhagen 2/9, Fuchsberg 2/9 and Grünwald 1/9 (C4)
        Span 2: 1 April 2026 to 31 December 2026, 9 months, weight 9/12 = 3/4; members Brunnfeld, Eichhagen and Grünwald; employer Brunnfeld; left on 31 March 2026: Fuchsberg, the share by the key passes in equal parts to the remaining towns (policy withdrawal_split=equal); shares of the span: Brunnfeld 14/27, Eichhagen 8/27 and Grünwald 5/27 (I11)
        Share of Fuchsberg in the own share of 2026: 1/4 × 2/9 = 1/18 (I10)
        Fuchsberg pays €1,388.89 to the employer Brunnfeld, which bills once a year (C9)
    """
    if not isinstance(settlement, Settlement):
        raise InvalidTypeError(
            f"settlement must be a Settlement, got {type(settlement).__name__} {shown(settlement)}"
        )
    if lang not in ("de", "en"):
        raise InvalidValueError(N_("lang must be 'de' or 'en', got {value}"), value=shown(lang))
    agreement = settlement.agreement
    found = agreement.party(party)
    home = agreement.region_of(found)
    # A town bears a part of its own region's own share and, under the literal reading of
    # C12, possibly of others; regions where its weight is zero add nothing and are left out.
    walked = [
        region
        for region in settlement.regions
        if region.region == home or (found in region.split and region.split.share_of(found).weight)
    ]
    if not walked:
        # Raises UnknownRegionError: the town's region was not settled.
        settlement.region(home)
    # The town's own region first, then the others in the agreement's order.
    walked.sort(key=lambda region: region.region != home)
    writer = _sentences.Writer(agreement=agreement, party=found, home=home.name, lang=lang)
    for region in walked:
        _region.region(writer, region)
    parts = [region for region in walked if found in region.split]
    if len(parts) > 1:
        _region.total(writer, parts, settlement.own_share_of(found))
    steps = tuple(
        ExplanationStep(key=step.key, text=step.text, amount=step.amount, clause=step.clause)
        for step in writer.steps
    )
    return Explanation(party=found, year=settlement.year, lang=lang, steps=steps)
