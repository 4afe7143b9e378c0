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

import calendar
import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import ClassVar, Final

import attrs

from kim_cooperation import _explanation_table
from kim_cooperation._checks import shown
from kim_cooperation._table import Exportable, Record, TableKind
from kim_cooperation.agreement import Agreement
from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.errors import InvalidTypeError, InvalidValueError, NoPopulationCountError
from kim_cooperation.formatting import (
    MONTHS,
    Lang,
    format_count,
    format_eur,
    format_fraction,
    format_fte,
    terminating_places,
)
from kim_cooperation.funding import FundingRate, PostFunding
from kim_cooperation.i18n import N_, translate
from kim_cooperation.keys import KeyKind, PopulationCount, population_of
from kim_cooperation.money import from_cents, to_cents
from kim_cooperation.party import Party
from kim_cooperation.policy import (
    PartYearFunding,
    PopulationReference,
    ShareBasis,
    SpanWeighting,
    WithdrawalScope,
)
from kim_cooperation.settlement import BillingLine, RegionSettlement, Settlement
from kim_cooperation.split import Share

__all__ = ["Explanation", "ExplanationStep", "explain"]

_EXACT_PLACES: Final = 6
"""Exact values that terminate within this many decimal places are shown in full."""

_SHOWN_PLACES: Final = 3
"""Other exact values are shown to this many places, cut off and followed by "…"."""


_RATE_FROM: Final[Mapping[Clause, str]] = MappingProxyType(
    {
        Clause.C5: N_("Funding rate from {date}"),
        Clause.C6: N_("Increased funding rate from {date}"),
        Clause.C10: N_("Funding ended from {date}"),
    }
)
"""What a funding rate is, by the clause it comes from (C5, C6, C10)."""

_REFERENCE_DAY: Final[Mapping[PopulationReference, str]] = MappingProxyType(
    {
        PopulationReference.PREVIOUS_YEAR_END: N_("31 December of the year before"),
        PopulationReference.PREVIOUS_MID_YEAR: N_("30 June of the year before"),
        PopulationReference.YEAR_END_BEFORE_LAST: N_("31 December of the year before last"),
    }
)
"""The reference day each policy ``population_reference`` chooses, in words (I9)."""

_KEY_GIVEN_UP: Final[Mapping[KeyKind, str]] = MappingProxyType(
    {
        KeyKind.WEIGHTS: N_(
            "Without funding the towns bear the costs to the same extent, that is in equal "
            "parts instead of by the key of Region {region} (fixed weights) "
            "(policy no_funding_split=equal)"
        ),
        KeyKind.POPULATION: N_(
            "Without funding the towns bear the costs to the same extent, that is in equal "
            "parts instead of by the key of Region {region} (population) "
            "(policy no_funding_split=equal)"
        ),
    }
)
"""A key given up without funding, by its kind (I12)."""

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

_EMPLOYER_PERIOD: Final[Mapping[str, str]] = MappingProxyType(
    {
        "until": N_("{title} until {last}"),
        "from": N_("{title} from {first}"),
        "between": N_("{title} from {first} to {last}"),
    }
)
"""An employer with its time in the year, after a handover (C3, I10)."""

_PERIOD: Final[Mapping[str, str]] = MappingProxyType(
    {
        "until": N_("until {last}"),
        "from": N_("from {first}"),
        "between": N_("from {first} to {last}"),
    }
)
"""A time within the year: from its start, to its end, or between (I10)."""


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

    _TABLE: ClassVar[TableKind] = _explanation_table.EXPLANATION_TABLE

    def _plain(self) -> dict[str, object]:
        return _explanation_table.explanation_plain(self)

    def _records(self) -> list[Record]:
        return _explanation_table.explanation_records(self)

    def _title(self, lang: Lang) -> str:
        return _explanation_table.explanation_title(self, lang)

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
    writer = _Writer(agreement=agreement, party=found, home=home.name, lang=lang)
    for region in walked:
        writer.region(region)
    parts = [region for region in walked if found in region.split]
    if len(parts) > 1:
        writer.total(parts, settlement.own_share_of(found))
    return Explanation(party=found, year=settlement.year, lang=lang, steps=tuple(writer.steps))


@attrs.define
class _Writer:
    """Writes the steps for one town, region by region, in one language."""

    agreement: Agreement
    party: Party
    home: str
    lang: Lang
    steps: list[ExplanationStep] = attrs.field(factory=list, init=False)

    # ------------------------------------------------------------------ helpers

    def _add(
        self,
        key: str,
        template: str,
        clause: Clause | Interpretation,
        figure: Decimal | None = None,
        /,
        **values: object,
    ) -> None:
        self._append(key, self._text(template, **values), clause, figure)

    def _append(
        self, key: str, text: str, clause: Clause | Interpretation, figure: Decimal | None
    ) -> None:
        self.steps.append(ExplanationStep(key=key, text=text, amount=figure, clause=clause))

    def _text(self, template: str, /, **values: object) -> str:
        """``template``, an English catalogue text marked with `N_`, in the language, filled in.

        Translated before it is filled in, so the German text may order the
        fields as German needs; a text without fields is not filled in.
        """
        text = translate(template, self.lang)
        return text.format(**values) if values else text

    def _eur(self, amount: Decimal, *, cents: bool | None = None) -> str:
        return format_eur(amount, lang=self.lang, cents=cents)

    def _exact(self, value: Fraction) -> str:
        return _format_exact(value, self.lang)

    def _number(self, value: Fraction) -> str:
        return format_fte(value, lang=self.lang)

    def _count(self, value: int) -> str:
        return format_count(value, lang=self.lang)

    def _names(self, names: Sequence[str]) -> str:
        """``A, B and C``: the names, the last joined by the catalogue's ``and``."""
        if len(names) == 1:
            return names[0]
        return self._text(
            N_("{first} and {second}"), first=", ".join(names[:-1]), second=names[-1]
        )

    def _date(self, day: dt.date) -> str:
        """A day as numbers in German (``31.12.2025``), with the month's name in English.

        The form of a day, like that of an amount, is the language's number
        format; only the month's name is a word, and it comes from the catalogue.
        """
        if self.lang == "de":
            return f"{day.day:02d}.{day.month:02d}.{day.year}"
        return f"{day.day} {self._month(day.month)} {day.year}"

    def _month(self, month: int) -> str:
        return self._text(MONTHS[month - 1])

    def _months(self, months: Sequence[int]) -> str:
        runs: list[list[int]] = []
        for month in months:
            if runs and runs[-1][-1] == month - 1:
                runs[-1].append(month)
            else:
                runs.append([month])
        return ", ".join(
            self._month(run[0])
            if len(run) == 1
            else f"{self._month(run[0])}–{self._month(run[-1])}"
            for run in runs
        )

    # -------------------------------------------------------------------- steps

    def region(self, settled: RegionSettlement) -> None:
        """Write the walk through one region's settlement."""
        self._context(settled)
        self._costs(settled)
        self._funding(settled)
        self._own_share(settled)
        self._key(settled)
        if len(settled.spans) > 1:
            self._spans(settled)
        else:
            self._members(settled)
        if self.party not in settled.split:
            self._add(
                "part",
                N_(
                    "So in {year} {party} bears no part of the own share of Region {region}: "
                    "{amount}"
                ),
                Clause.C12,
                from_cents(0),
                party=self.party.name,
                year=settled.year,
                region=settled.region.name,
                amount=self._eur(from_cents(0)),
            )
            return
        if len(settled.spans) > 1:
            self._year_share(settled)
        self._share(settled)
        self._billing(settled)

    def total(self, parts: Sequence[RegionSettlement], own_share: Decimal) -> None:
        """Write the sum of the town's parts of several regions' own shares (C12)."""
        terms = []
        for settled in parts:
            region = self._text(N_("Region {region}"), region=settled.region.name)
            terms.append(f"{self._eur(settled.split[self.party])} ({region})")
        self._add(
            "total",
            N_("In {year} {party} bears {sum} in all"),
            Clause.C12,
            own_share,
            party=self.party.name,
            year=parts[0].year,
            sum=f"{' + '.join(terms)} = {self._eur(own_share)}",
        )

    def _context(self, settled: RegionSettlement) -> None:
        region = settled.region
        periods = _periods(settled)
        values: dict[str, object] = {
            "party": self.party.name,
            "region": region.name,
            "fte": self._number(region.fte),
            "year": settled.year,
        }
        if len(periods) > 1:
            # A successor took over within the year: name each employer with its time (C3, I10).
            employers = self._names(
                [
                    self._period_text(settled, runs, employer.title, templates=_EMPLOYER_PERIOD)
                    for employer, runs in periods.items()
                ]
            )
        else:
            employers = settled.employer.title
        if region.name != self.home:
            self._add(
                "region",
                N_(
                    "{party} belongs to Region {own} but in {year} also bears part of the own "
                    "share of Region {region} ({fte} FTE, employer {employer}): shares of towns "
                    "that left pass to all remaining parties (interpretation I3, literal reading)"
                ),
                Clause.C12,
                own=self.home,
                employer=employers,
                **values,
            )
        elif len(periods) > 1:
            # The employers with their times read differently in German from one employer's
            # title, so the text names them {employers}: a text of its own in the catalogue.
            self._add(
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
            self._add(
                "region",
                N_(
                    "{party} belongs to Region {region} with {fte} FTE; the employer is "
                    "{employer}, and the year settled is {year}"
                ),
                Clause.C2,
                employer=employers,
                **values,
            )

    def _costs(self, settled: RegionSettlement) -> None:
        costs = settled.costs
        name = settled.region.name
        items = [(item, amount) for item, amount in costs.items() if amount]
        for item, amount in items:
            # A cost item carries its own label in each language: data, not a text.
            label = item.label_de if self.lang == "de" else item.label
            self._add(
                "cost_item",
                N_("Cost item \u201c{label}\u201d of Region {region}: {amount}"),
                Clause.C8,
                amount,
                label=label,
                region=name,
                amount=self._eur(amount),
            )
        total = self._eur(costs.total)
        if len(items) > 1:
            total = " + ".join(self._eur(amount) for _, amount in items) + f" = {total}"
        self._add(
            "costs",
            N_("Total costs of Region {region}: {sum}"),
            Clause.C8,
            costs.total,
            region=name,
            sum=total,
        )

    def _funding(self, settled: RegionSettlement) -> None:
        funding = settled.funding
        for rate in funding.rates:
            what = self._text(_RATE_FROM[rate.clause], date=self._date(rate.valid_from))
            self._add(
                "rate",
                N_("{what}: {amount} per full-time equivalent (FTE) and year, source: {source}"),
                rate.clause,
                rate.amount,
                what=what,
                amount=self._eur(rate.amount),
                # The built-in sources are in the catalogue; a user's own pass unchanged.
                source=translate(rate.source, self.lang),
            )
        for post in funding.posts:
            if funding.method is PartYearFunding.DAYS:
                self._post_by_days(settled, post)
            else:
                self._post_by_twelfths(settled, post)
        if funding.is_rounded:
            self._add(
                "funding_rounding",
                N_(
                    "The posts' exact funding is {exact}; rounded half up to whole cents it "
                    "is {amount}"
                ),
                Interpretation.I7,
                funding.amount,
                exact=self._exact(funding.exact),
                amount=self._eur(funding.amount),
            )
        if funding.lost:
            self._add(
                "funding",
                N_("The state funding has ended for {year}; funding of Region {region}: {amount}"),
                Clause.C10,
                funding.amount,
                region=settled.region.name,
                year=settled.year,
                amount=self._eur(funding.amount),
            )
        else:
            self._add(
                "funding",
                N_(
                    "Total funding of Region {region}, paid through the Kreis to {employer}: "
                    "{amount}"
                ),
                funding.clause,
                funding.amount,
                region=settled.region.name,
                employer=self._paid_to(settled),
                amount=self._eur(funding.amount),
            )

    def _post_by_twelfths(self, settled: RegionSettlement, funded: PostFunding) -> None:
        post = funded.post
        amount = _cents_or_none(funded.exact)
        if not funded.months:
            self._add(
                "post_funding",
                N_(
                    "Post \u201c{label}\u201d is filled for no full calendar month in {year}; "
                    "funding {amount}"
                ),
                Interpretation.I7,
                amount,
                label=post.label,
                year=settled.year,
                amount=self._exact(funded.exact),
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
            self._text(
                N_("{fte} FTE × {rate} × {count}/{base}"),
                fte=self._number(post.fte),
                rate=self._eur(rate.amount),
                count=len(months),
                base=12,
            )
            + (f" ({self._months(months)})" if part_year or len(groups) > 1 else "")
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
        self._add(
            "post_funding",
            template,
            groups[0][0].clause if single else Interpretation.I7,
            amount,
            label=post.label,
            terms=terms,
            amount=self._exact(funded.exact),
        )

    def _post_by_days(self, settled: RegionSettlement, funded: PostFunding) -> None:
        post = funded.post
        amount = _cents_or_none(funded.exact)
        if not funded.days:
            self._add(
                "post_funding",
                N_("Post \u201c{label}\u201d is filled on no day in {year}; funding {amount}"),
                Interpretation.I7,
                amount,
                label=post.label,
                year=settled.year,
                amount=self._exact(funded.exact),
            )
            return
        base = 366 if calendar.isleap(settled.year) else 365
        rates = settled.funding.rates
        part_year = funded.days < base
        values: dict[str, object] = {
            "label": post.label,
            "amount": self._exact(funded.exact),
        }
        if len(rates) == 1:
            values["terms"] = self._text(
                N_("{fte} FTE × {rate} × {count}/{base}"),
                fte=self._number(post.fte),
                rate=self._eur(rates[0].amount),
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
                "fte": self._number(post.fte),
                "count": funded.days,
                "base": base,
                "rates": self._names([self._eur(rate.amount) for rate in rates]),
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
        self._add(
            "post_funding",
            template,
            rates[0].clause if single else Interpretation.I7,
            amount,
            **values,
        )

    def _own_share(self, settled: RegionSettlement) -> None:
        values = {
            "costs": self._eur(settled.costs.total),
            "funding": self._eur(settled.funding.amount),
            "amount": self._eur(settled.own_share),
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
        self._add("own_share", template, settled.clause, settled.own_share, **values)
        if settled.surplus:
            self._add(
                "surplus",
                N_(
                    "The funding beyond the costs, {amount}, is reported only; it is neither "
                    "paid out nor shared among the towns"
                ),
                Interpretation.I6,
                settled.surplus,
                amount=self._eur(settled.surplus),
            )

    def _members(self, settled: RegionSettlement) -> None:
        split = settled.split
        region = settled.region
        bearing = _bearing(split.shares)
        values: dict[str, object] = {"year": settled.year, "region": region.name}
        lost = settled.funding.lost
        if _equal(bearing):
            names = self._names([share.party.name for share in bearing])
            if len(bearing) == 1:
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
                values["count"] = len(bearing)
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
            self._add(
                "members", template, Clause.C10 if lost else Clause.C4, names=names, **values
            )
        else:
            total = sum((share.weight for share in bearing), Fraction(0))
            names = self._names(
                [f"{share.party.name} {self._number(share.weight / total)}" for share in bearing]
            )
            values["count"] = len(bearing)
            left = {share.party for share in split.shares} != set(region.members)
            if _keyed(settled) and not left:
                # Nobody has left: the parts are the key's own (C4, I9; C10 without funding).
                self._add(
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
                self._add(
                    "members",
                    N_(
                        "In {year} {count} towns bear the own share of Region {region} in these "
                        "parts: {names}"
                    ),
                    Clause.C12,
                    names=names,
                    **values,
                )
        self._left(settled, before=None)

    def _left(self, settled: RegionSettlement, *, before: dt.date | None) -> None:
        """Write one step per town of the region that left (before ``before``, if given) (C12)."""
        region = settled.region
        scope_all = self.agreement.policies.withdrawal_scope is WithdrawalScope.AGREEMENT
        keyed = _keyed(settled)
        by_key = self.agreement.policies.withdrawal_split is ShareBasis.KEY
        for member in region.members:
            ends = self.agreement.termination_of(member)
            if before is None:
                if member in settled.split:
                    continue
                if ends is None:  # A town without notice is a member every year (C11).
                    raise AssertionError(
                        f"{member.name} is missing from the split but gave no notice"
                    )
            elif ends is None or ends >= before:
                continue
            clause: Clause | Interpretation
            if scope_all:
                template, clause = _LEFT["all"], Clause.C12
            elif keyed:
                # C12 under a key other than equal parts (I11).
                template = _LEFT["key"] if by_key else _LEFT["keyed"]
                clause = Interpretation.I11
            else:
                template, clause = _LEFT["equal"], Clause.C12
            self._add(
                "left",
                template,
                clause,
                party=member.name,
                date=self._date(ends),
                region=region.name,
            )

    def _key(self, settled: RegionSettlement) -> None:
        """Write the region's split key, and its reference day and counts for population (I9, I12)."""
        region = settled.region
        own = region.split_key
        if own.kind is KeyKind.EQUAL:
            return
        if settled.key.kind is KeyKind.EQUAL:
            # No funding, and C10's "je im gleichen Umfang" read as equal parts (I12).
            self._add("key", _KEY_GIVEN_UP[own.kind], Interpretation.I12, region=region.name)
            return
        if own.kind is KeyKind.WEIGHTS:
            weights = own.weights
            self._add(
                "key",
                N_("Split key of Region {region}: fixed weights {weights}, {total} in all"),
                Interpretation.I9,
                region=region.name,
                weights=self._names(
                    [f"{party.name} {self._number(weight)}" for party, weight in weights.items()]
                ),
                total=self._number(sum(weights.values(), Fraction(0))),
            )
        else:
            day = settled.reference_day
            if day is None:  # pragma: no cover - a population key always has a reference day
                raise AssertionError(f"region {region.name} is split by population without a day")
            policy = self.agreement.policies.population_reference
            self._add(
                "key",
                N_(
                    "Split key of Region {region}: inhabitants (population key); for each town "
                    "the latest count on or before the reference day {day} is used, {rule} "
                    "(policy population_reference={policy})"
                ),
                Interpretation.I9,
                region=region.name,
                day=self._date(day),
                rule=self._text(_REFERENCE_DAY[policy]),
                policy=policy.value,
            )
            self._population(settled, day)
        if settled.funding.lost:
            self._add(
                "key",
                N_(
                    "Without funding, too, the towns bear the costs by the key of Region "
                    "{region} (policy no_funding_split=key)"
                ),
                Interpretation.I12,
                region=region.name,
            )

    def _population(self, settled: RegionSettlement, day: dt.date) -> None:
        """Write the counts of inhabitants the population key used (I9)."""
        counted: list[tuple[Party, PopulationCount]] = []
        for member in settled.region.members:
            try:
                counted.append((member, population_of(self.agreement, member, day)))
            except NoPopulationCountError:
                # A town that left and is not weighed any more (withdrawal_split="key").
                continue
        sources = list(dict.fromkeys(count.source for _, count in counted if count.source))
        source = "; ".join(sources) or self._text(N_("not given"))
        total = sum(count.counts[member] for member, count in counted)
        days = {count.as_of for _, count in counted}
        if len(days) == 1:
            counts = self._names(
                [f"{member.name} {self._count(count.counts[member])}" for member, count in counted]
            )
            self._add(
                "population",
                N_("Inhabitants on {date} (source: {source}): {counts}, {total} in all"),
                Interpretation.I9,
                date=self._date(days.pop()),
                source=source,
                counts=counts,
                total=self._count(total),
            )
            return
        counts = self._names(
            [
                self._text(
                    N_("{name} {count} (as of {date})"),
                    name=member.name,
                    count=self._count(count.counts[member]),
                    date=self._date(count.as_of),
                )
                for member, count in counted
            ]
        )
        self._add(
            "population",
            N_(
                "Inhabitants by each town's latest count (source: {source}): {counts}, "
                "{total} in all"
            ),
            Interpretation.I9,
            source=source,
            counts=counts,
            total=self._count(total),
        )

    def _spans(self, settled: RegionSettlement) -> None:
        """Write a year with a change of members: its spans and their shares (C4, C12, I10, I11)."""
        spans = settled.spans
        region = settled.region
        policies = self.agreement.policies
        keyed = _keyed(settled)
        self._left(settled, before=spans[0].first_day)
        by_days = policies.span_weighting is SpanWeighting.DAYS
        self._add(
            "spans",
            N_(
                "As parties leave within {year}, the own share of Region {region} is spread "
                "over {count} spans pro rata temporis, {weighting}; each span is split {how} "
                "among its members, and each town's parts are added up and rounded once"
            ),
            Interpretation.I10,
            region=region.name,
            year=settled.year,
            count=len(spans),
            weighting=self._text(
                N_("weighed in days (policy span_weighting=days)")
                if by_days
                else N_("weighed in calendar months (policy span_weighting=months)")
            ),
            how=self._text(N_("by the key") if keyed else N_("in equal parts")),
        )
        total = sum(span.days if by_days else span.months for span in spans)
        if policies.withdrawal_scope is WithdrawalScope.AGREEMENT:
            passing = "all"
        elif keyed:
            passing = "key" if policies.withdrawal_split is ShareBasis.KEY else "keyed"
        else:
            passing = "equal"
        for number, span in enumerate(spans, start=1):
            units = span.days if by_days else span.months
            if units == 1:
                length = self._text(N_("1 day") if by_days else N_("1 month"))
            else:
                length = self._text(
                    N_("{count} days") if by_days else N_("{count} months"), count=units
                )
            weight = f"{units}/{total}"
            if span.weight.denominator != total:
                weight += f" = {format_fraction(span.weight)}"
            gone: dict[dt.date, list[str]] = {}
            for member in region.members:
                ends = self.agreement.termination_of(member)
                if member not in span.members and ends is not None and ends >= spans[0].first_day:
                    gone.setdefault(ends, []).append(member.name)
            # Each day on which towns left is a clause of its own; clauses are parted by "; ".
            left = "; ".join(
                self._text(
                    N_("left on {date}: {names}, {passing}"),
                    names=self._names(names),
                    date=self._date(ends),
                    passing=self._text(_PASSING[passing]),
                )
                for ends, names in sorted(gone.items())
            )
            clause: Clause | Interpretation = span.clause
            if clause is Clause.C12 and keyed and passing != "all":
                clause = Interpretation.I11  # C12 under a key other than equal parts
            self._add(
                "span",
                N_(
                    "Span {number}: {first} to {last}, {length}, weight {weight}; members "
                    "{members}; employer {employer}; {left}; shares of the span: {shares}"
                )
                if left
                else N_(
                    "Span {number}: {first} to {last}, {length}, weight {weight}; members "
                    "{members}; employer {employer}; shares of the span: {shares}"
                ),
                clause,
                number=number,
                first=self._date(span.first_day),
                last=self._date(span.last_day),
                length=length,
                weight=weight,
                members=self._names([member.name for member in span.members]),
                employer=span.employer.name,
                left=left,
                shares=self._names(
                    [
                        f"{party.name} {format_fraction(share)}"
                        for party, share in span.shares.items()
                    ]
                ),
            )

    def _year_share(self, settled: RegionSettlement) -> None:
        """Write the town's exact fraction of the year: the sum over the spans (I10)."""
        terms = [
            (span.weight, span.shares[self.party])
            for span in settled.spans
            if span.shares.get(self.party)
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
        self._add(
            "year_share",
            N_("Share of {party} in the own share of {year}: {terms}"),
            Interpretation.I10,
            party=self.party.name,
            year=settled.year,
            terms=text,
        )

    def _period_text(
        self,
        settled: RegionSettlement,
        runs: Sequence[tuple[dt.date, dt.date]],
        title: str = "",
        *,
        templates: Mapping[str, str] = _PERIOD,
    ) -> str:
        """The time an employer employs in the year: "bis 31.03.2026", "ab 01.04.2026" (I10)."""
        start = settled.spans[0].first_day
        end = settled.spans[-1].last_day
        parts = []
        for first, last in runs:
            if first == start:
                kind = "until"
            elif last == end:
                kind = "from"
            else:
                kind = "between"
            parts.append(
                self._text(
                    templates[kind], first=self._date(first), last=self._date(last), title=title
                )
            )
        return self._names(parts)

    def _paid_to(self, settled: RegionSettlement) -> str:
        """The employer that receives the funding, or each with its time after a handover."""
        periods = _periods(settled)
        if len(periods) <= 1:
            return settled.employer.name
        return self._names(
            [
                self._text(
                    N_("{name} ({period})"),
                    name=employer.name,
                    period=self._period_text(settled, runs),
                )
                for employer, runs in periods.items()
            ]
        )

    def _share(self, settled: RegionSettlement) -> None:
        split = settled.split
        share = split.share_of(self.party)
        bearing = _bearing(split.shares)
        equal = _equal(bearing)
        whole_euros = share.exact.denominator == 1
        own_share = self._eur(split.amount, cents=None if whole_euros else True)
        if equal:
            self._add(
                "exact_share",
                N_("Exact share per town: {own_share} / {count} = {exact}"),
                split.clause,
                _cents_or_none(share.exact),
                own_share=own_share,
                count=len(bearing),
                exact=self._exact(share.exact),
            )
        else:
            total = sum((item.weight for item in bearing), Fraction(0))
            self._add(
                "exact_share",
                N_("Exact share of {party}: {own_share} × {weight} = {exact}"),
                split.clause,
                _cents_or_none(share.exact),
                party=self.party.name,
                own_share=own_share,
                weight=self._number(share.weight / total),
                exact=self._exact(share.exact),
            )
        order = _tie_order(bearing, split.first)
        receivers = [item for item in order if item.extra_cent]
        floor = from_cents(_floor_cents(share))
        self._add(
            "floor",
            N_(
                "Rounded down to whole cents that is {floor} per town, {floors} in all; "
                "{left_over}"
            )
            if equal
            else N_(
                "Rounded down to whole cents that is {floor} for {party}, {floors} for all "
                "parts; {left_over}"
            ),
            split.interpretation,
            floor,
            party=self.party.name,
            floor=self._eur(floor),
            floors=self._eur(from_cents(to_cents(split.amount) - len(receivers))),
            left_over=self._left_over(len(receivers)),
        )
        amount = self._eur(share.amount)
        if not receivers:
            self._add(
                "part",
                N_("No cent is left over; the part of {party} is {amount}"),
                split.interpretation,
                share.amount,
                party=self.party.name,
                amount=amount,
            )
            return
        values: dict[str, object] = {
            "party": self.party.name,
            "remainder": self._number(_remainder(share)),
            "amount": amount,
        }
        if share.extra_cent:
            values |= {"floor": self._eur(floor), "cent": self._eur(from_cents(1))}
        else:
            values["receivers"] = self._names(
                [item.party.name for item in receivers]
                if equal
                else [
                    f"{item.party.name} ({self._number(_remainder(item))})"
                    for item in sorted(receivers, key=lambda item: item.party.ags)
                ]
            )
        if equal:
            values["order"] = ", ".join(item.party.name for item in order)
            template = (
                N_(
                    "Left-over cents go to the largest remainders; all remainders are equal "
                    "({remainder} cent each), so the employer comes first, then the towns by "
                    "AGS, in the order {order}; {party} receives one: {floor} + {cent} = {amount}"
                )
                if share.extra_cent
                else N_(
                    "Left-over cents go to the largest remainders; all remainders are equal "
                    "({remainder} cent each), so the employer comes first, then the towns by "
                    "AGS, in the order {order}; {party} receives none, they go to {receivers}; "
                    "the part of {party} is {amount}"
                )
            )
        else:
            template = (
                N_(
                    "Left-over cents go to the largest remainders, ties to the employer first, "
                    "then by AGS; {party} has a remainder of {remainder} cent; {party} receives "
                    "one: {floor} + {cent} = {amount}"
                )
                if share.extra_cent
                else N_(
                    "Left-over cents go to the largest remainders, ties to the employer first, "
                    "then by AGS; {party} has a remainder of {remainder} cent; {party} receives "
                    "none, they go to {receivers}; the part of {party} is {amount}"
                )
            )
        self._add("part", template, split.interpretation, share.amount, **values)

    def _left_over(self, count: int) -> str:
        if count == 0:
            return self._text(N_("no cent is left over"))
        if count == 1:
            return self._text(N_("1 cent is left over"))
        return self._text(N_("{count} cents are left over"), count=count)

    def _billing(self, settled: RegionSettlement) -> None:
        periods = _periods(settled)
        owed = [line for line in settled.billing if line.debtor == self.party]
        if self.party not in periods:
            if len(owed) == 1:
                (line,) = owed
                self._add(
                    "payment",
                    N_(
                        "{party} pays {amount} to the employer {employer}, which bills once a year"
                    ),
                    line.clause,
                    settled.split[self.party],
                    party=self.party.name,
                    amount=self._eur(line.amount),
                    employer=line.creditor.name,
                )
                return
            # Billed by each employer of the year for its spans (C9, I10).
            self._add(
                "payment",
                N_(
                    "{party} pays {lines}, {amount} in all; the part is divided among the "
                    "employers by the exact shares of their spans, cents by largest remainder"
                ),
                Clause.C9,
                settled.split[self.party],
                party=self.party.name,
                lines=self._owed(settled, owed, periods),
                amount=self._eur(settled.split[self.party]),
            )
            return
        billed = [line for line in settled.billing if line.creditor == self.party]
        total = from_cents(sum(to_cents(line.amount) for line in billed))
        values: dict[str, object] = {"party": self.party.name, "amount": self._eur(total)}
        handed_over = len(periods) > 1
        if handed_over:
            values["period"] = self._period_text(settled, periods[self.party])
        if billed:
            values["lines"] = self._names(
                [f"{line.debtor.name} {self._eur(line.amount)}" for line in billed]
            )
            template = (
                N_("As the employer {period}, {party} bills: {lines}, {amount} in all")
                if handed_over
                else N_("As the employer, {party} bills once a year: {lines}, {amount} in all")
            )
        else:
            values["year"] = settled.year
            template = (
                N_("As the employer {period}, {party} bills nobody: {amount}")
                if handed_over
                else N_(
                    "{party} is the only town of the region in {year} and bills nobody: {amount}"
                )
            )
        self._add("billing", template, Clause.C9, total, **values)
        own_share = settled.split[self.party]
        if not owed:
            self._add(
                "bears",
                N_("{party} bears its own part of {amount} itself"),
                Clause.C9,
                own_share,
                party=self.party.name,
                amount=self._eur(own_share),
            )
            return
        # An employer for part of the year owes the other employers for their spans (C9, I10).
        kept = to_cents(own_share) - sum(to_cents(line.amount) for line in owed)
        self._add(
            "bears",
            N_(
                "Of its own part of {amount}, {party} bears {kept} itself as the employer "
                "{period} and pays {paid}"
            ),
            Clause.C9,
            own_share,
            party=self.party.name,
            amount=self._eur(own_share),
            kept=self._eur(from_cents(kept)),
            period=self._period_text(settled, periods[self.party]),
            paid=self._owed(settled, owed, periods),
        )

    def _owed(
        self,
        settled: RegionSettlement,
        owed: Sequence[BillingLine],
        periods: Mapping[Party, Sequence[tuple[dt.date, dt.date]]],
    ) -> str:
        return self._names(
            [
                self._text(
                    N_("{amount} to {name} (employer {period})"),
                    amount=self._eur(line.amount),
                    name=line.creditor.name,
                    period=self._period_text(settled, periods[line.creditor]),
                )
                for line in owed
            ]
        )


def _keyed(settled: RegionSettlement) -> bool:
    """Tell whether the region's own share was split by a key other than equal parts (I9)."""
    return settled.key.kind is not KeyKind.EQUAL


def _periods(settled: RegionSettlement) -> dict[Party, list[tuple[dt.date, dt.date]]]:
    """Each employer of the year with the runs of days it employs, in order (C3, I10)."""
    periods: dict[Party, list[tuple[dt.date, dt.date]]] = {}
    previous: Party | None = None
    for span in settled.spans:
        runs = periods.setdefault(span.employer, [])
        if span.employer == previous:
            runs[-1] = (runs[-1][0], span.last_day)
        else:
            runs.append((span.first_day, span.last_day))
        previous = span.employer
    return periods


def _bearing(shares: Sequence[Share]) -> list[Share]:
    """The shares of the parties that bear a part: those with a weight above zero."""
    return [share for share in shares if share.weight]


def _equal(shares: Sequence[Share]) -> bool:
    """Tell whether the shares are equal parts (C4, I1), as they are unless C12 is read literally."""
    return len({share.weight for share in shares}) == 1


def _tie_order(shares: Sequence[Share], first: Party | None) -> list[Share]:
    """The order in which equal remainders receive cents: ``first``, then by AGS (I2)."""
    return sorted(shares, key=lambda share: (share.party != first, share.party.ags))


def _floor_cents(share: Share) -> int:
    """The share's part before the left-over cents, in cents (I2)."""
    return to_cents(share.amount) - (1 if share.extra_cent else 0)


def _remainder(share: Share) -> Fraction:
    """The share's remainder in cents: its exact value less its floor (I2)."""
    return share.exact * 100 - _floor_cents(share)


def _cents_or_none(value: Fraction) -> Decimal | None:
    """Return an exact amount of euros as money when it is whole cents, else ``None``."""
    cents = value * 100
    return from_cents(cents.numerator) if cents.denominator == 1 else None


def _format_exact(value: Fraction, lang: Lang) -> str:
    """Format an exact amount of euros: in full where it terminates, else cut off with "…".

    Examples:
        >>> _format_exact(Fraction(32500, 3), "de")
        '10.833,333… €'
        >>> _format_exact(Fraction(1, 400), "en")
        '€0.0025'
        >>> _format_exact(Fraction(8125), "de")
        '8.125 €'
    """
    if (value * 100).denominator == 1:
        return format_eur(from_cents(int(value * 100)), lang=lang)
    places = terminating_places(value.denominator)
    if places is None or places > _EXACT_PLACES:
        shown, suffix = (_SHOWN_PLACES if places is None else _EXACT_PLACES), "…"
    else:
        shown, suffix = places, ""
    digits = abs(value.numerator) * 10**shown // value.denominator
    euros, rest = divmod(digits, 10**shown)
    sign = "-" if value < 0 else ""
    grouped = f"{euros:,}"
    decimals = f"{rest:0{shown}d}{suffix}"
    if lang == "de":
        return f"{sign}{grouped.replace(',', '.')},{decimals} €"
    return f"{sign}€{grouped}.{decimals}"
