"""The writer of an explanation's sentences, and the forms of its figures and times.

`Writer` collects the steps for one town in one language. Each sentence is an
English catalogue text marked with `N_`, translated through
`kim_cooperation.i18n` before its fields are filled in (every text of the
explanation goes through `Writer.text`, the one place that asks the
catalogue). It also holds the forms every step shares: amounts, exact
values, numbers, lists of names, days and months, and an employer's time in
a year with a handover (C3, I10, see `periods`).

`format_exact` shows an exact amount of euros in full where it terminates
and cut off with "…" where it does not; `cents_or_none` gives a step its
figure where that is whole cents.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Final, NamedTuple

import attrs

from kim_cooperation.agreement import Agreement
from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.formatting import (
    MONTHS,
    Lang,
    format_count,
    format_eur,
    format_fte,
    terminating_places,
)
from kim_cooperation.i18n import N_, translate
from kim_cooperation.money import from_cents
from kim_cooperation.party import Party
from kim_cooperation.settlement import RegionSettlement

__all__ = [
    "EMPLOYER_PERIOD",
    "PERIOD",
    "Step",
    "Writer",
    "cents_or_none",
    "format_exact",
    "periods",
]

_EXACT_PLACES: Final = 6
"""Exact values that terminate within this many decimal places are shown in full."""

_SHOWN_PLACES: Final = 3
"""Other exact values are shown to this many places, cut off and followed by "…"."""

EMPLOYER_PERIOD: Final[Mapping[str, str]] = MappingProxyType(
    {
        "until": N_("{title} until {last}"),
        "from": N_("{title} from {first}"),
        "between": N_("{title} from {first} to {last}"),
    }
)
"""An employer with its time in the year, after a handover (C3, I10)."""

PERIOD: Final[Mapping[str, str]] = MappingProxyType(
    {
        "until": N_("until {last}"),
        "from": N_("from {first}"),
        "between": N_("from {first} to {last}"),
    }
)
"""A time within the year: from its start, to its end, or between (I10)."""


class Step(NamedTuple):
    """One step as written: `explain` makes each an `ExplanationStep`."""

    key: str
    text: str
    amount: Decimal | None
    clause: Clause | Interpretation


@attrs.define
class Writer:
    """Writes the steps for one town, region by region, in one language."""

    agreement: Agreement
    party: Party
    home: str
    lang: Lang
    steps: list[Step] = attrs.field(factory=list, init=False)

    def add(
        self,
        key: str,
        template: str,
        clause: Clause | Interpretation,
        figure: Decimal | None = None,
        /,
        **values: object,
    ) -> None:
        """Add a step: ``template`` filled in with ``values``, its figure and its clause."""
        self.steps.append(Step(key, self.text(template, **values), figure, clause))

    def text(self, template: str, /, **values: object) -> str:
        """``template``, an English catalogue text marked with `N_`, in the language, filled in.

        Translated before it is filled in, so the German text may order the
        fields as German needs; a text without fields is not filled in.
        """
        text = translate(template, self.lang)
        return text.format(**values) if values else text

    def eur(self, amount: Decimal, *, cents: bool | None = None) -> str:
        """An amount of euros in the language's number format."""
        return format_eur(amount, lang=self.lang, cents=cents)

    def exact(self, value: Fraction) -> str:
        """An exact amount of euros; see `format_exact`."""
        return format_exact(value, self.lang)

    def number(self, value: Fraction) -> str:
        """A number of FTE, a weight or a part, in the language's number format."""
        return format_fte(value, lang=self.lang)

    def count(self, value: int) -> str:
        """A count of inhabitants in the language's number format."""
        return format_count(value, lang=self.lang)

    def names(self, names: Sequence[str]) -> str:
        """``A, B and C``: the names, the last joined by the catalogue's ``and``."""
        if len(names) == 1:
            return names[0]
        return self.text(N_("{first} and {second}"), first=", ".join(names[:-1]), second=names[-1])

    def date(self, day: dt.date) -> str:
        """A day as numbers in German (``31.12.2025``), with the month's name in English.

        The form of a day, like that of an amount, is the language's number
        format; only the month's name is a word, and it comes from the catalogue.
        """
        if self.lang == "de":
            return f"{day.day:02d}.{day.month:02d}.{day.year}"
        return f"{day.day} {self.month(day.month)} {day.year}"

    def month(self, month: int) -> str:
        """The name of a month, 1 to 12."""
        return self.text(MONTHS[month - 1])

    def months(self, months: Sequence[int]) -> str:
        """Months in order, runs of consecutive months joined by a dash."""
        runs: list[list[int]] = []
        for month in months:
            if runs and runs[-1][-1] == month - 1:
                runs[-1].append(month)
            else:
                runs.append([month])
        return ", ".join(
            self.month(run[0]) if len(run) == 1 else f"{self.month(run[0])}–{self.month(run[-1])}"
            for run in runs
        )

    def period_text(
        self,
        settled: RegionSettlement,
        runs: Sequence[tuple[dt.date, dt.date]],
        title: str = "",
        *,
        templates: Mapping[str, str] = PERIOD,
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
                self.text(
                    templates[kind], first=self.date(first), last=self.date(last), title=title
                )
            )
        return self.names(parts)

    def paid_to(self, settled: RegionSettlement) -> str:
        """The employer that receives the funding, or each with its time after a handover."""
        employers = periods(settled)
        if len(employers) <= 1:
            return settled.employer.name
        return self.names(
            [
                self.text(
                    N_("{name} ({period})"),
                    name=employer.name,
                    period=self.period_text(settled, runs),
                )
                for employer, runs in employers.items()
            ]
        )


def periods(settled: RegionSettlement) -> dict[Party, list[tuple[dt.date, dt.date]]]:
    """Each employer of the year with the runs of days it employs, in order (C3, I10)."""
    found: dict[Party, list[tuple[dt.date, dt.date]]] = {}
    previous: Party | None = None
    for span in settled.spans:
        runs = found.setdefault(span.employer, [])
        if span.employer == previous:
            runs[-1] = (runs[-1][0], span.last_day)
        else:
            runs.append((span.first_day, span.last_day))
        previous = span.employer
    return found


def cents_or_none(value: Fraction) -> Decimal | None:
    """Return an exact amount of euros as money when it is whole cents, else ``None``."""
    cents = value * 100
    return from_cents(cents.numerator) if cents.denominator == 1 else None


def format_exact(value: Fraction, lang: Lang) -> str:
    """Format an exact amount of euros: in full where it terminates, else cut off with "…".

    Examples:
        >>> format_exact(Fraction(32500, 3), "de")
        '10.833,333… €'
        >>> format_exact(Fraction(1, 400), "en")
        '€0.0025'
        >>> format_exact(Fraction(8125), "de")
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
