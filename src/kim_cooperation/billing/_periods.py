"""The time a billing statement bills for, and its title, as catalogue texts (C9, I10).

After a handover of the employer within a year, each employer bills for the
spans in which it employed (I10); the statement's title and period name
those spans as runs of consecutive days (``01.01.2026 bis 31.03.2026``).
Every word is a catalogue text (`kim_cooperation.i18n`), translated when
the phrase is described in a language.

`BillingStatement.title`, `BillingStatement.period` and the workbook's
period cell read their texts here, as do the refusals of advances that name
an employer of part of the year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from kim_cooperation._checks import shown
from kim_cooperation.errors import InvalidValueError, Phrase
from kim_cooperation.formatting import Lang
from kim_cooperation.i18n import N_
from kim_cooperation.spans import Span

if TYPE_CHECKING:
    from kim_cooperation.billing import BillingStatement

__all__ = ["checked_lang", "in_runs", "joined", "period_phrase", "runs", "title_phrase"]


def title_phrase(statement: BillingStatement) -> Phrase:
    """The title as a catalogue text: with the period only after a handover (I10)."""
    fields = {
        "year": statement.year,
        "region": statement.region.name,
        "employer": statement.employer.title,
    }
    if not statement.spans:
        return Phrase(
            N_("Annual billing {year} – own shares of Region {region}, employer {employer}"),
            **fields,
        )
    return Phrase(
        N_("Annual billing {year} – own shares of Region {region} {period}, employer {employer}"),
        period=period_phrase(statement),
        **fields,
    )


def period_phrase(statement: BillingStatement) -> Phrase:
    """The period as a catalogue text: the year, or the runs of the spans (I10)."""
    if not statement.spans:
        return Phrase(N_("for the year {year}"), year=statement.year)
    return Phrase(N_("for {runs}"), runs=in_runs(runs(statement.spans)))


def checked_lang(lang: Lang) -> Lang:
    """``lang`` if it is ``"de"`` or ``"en"``; refused with the value named otherwise."""
    if lang not in ("de", "en"):
        raise InvalidValueError(N_("lang must be 'de' or 'en', got {value}"), value=shown(lang))
    return lang


def in_runs(runs: Sequence[tuple[dt.date, dt.date]]) -> Phrase | str:
    """``2026-01-01 to 2026-01-31 and 2026-03-01 to 2026-06-30``: runs of days, as a phrase."""
    return joined(
        [Phrase(N_("{first} to {last}"), first=first, last=last) for first, last in runs]
    )


def joined(items: Sequence[Phrase | str]) -> Phrase | str:
    """``A and B and C`` in the message's language: ``and`` is a word, so it is a phrase."""
    text = items[0]
    for item in items[1:]:
        text = Phrase(N_("{earlier} and {later}"), earlier=text, later=item)
    return text


def runs(spans: Iterable[Span]) -> list[tuple[dt.date, dt.date]]:
    """The spans as runs of consecutive days, adjacent spans joined."""
    found: list[tuple[dt.date, dt.date]] = []
    for span in spans:
        if found and found[-1][1] + dt.timedelta(days=1) == span.first_day:
            found[-1] = (found[-1][0], span.last_day)
        else:
            found.append((span.first_day, span.last_day))
    return found
