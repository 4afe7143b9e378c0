"""The ``deadline`` command: when membership ends after a notice, and by when notice must arrive.

``--received`` gives the last day of membership after a notice, with a
warning when the notice was received on a closed day; ``--year`` and
``--end`` give the last day to give notice, with the last working day
before it when it falls on a closed day (C11). Under terms that allow ends
within a year, `_other_ends` points to ``deadline --end``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

from kim_cooperation._checks import check_lang
from kim_cooperation.cli._formats import _csv_row
from kim_cooperation.cli._source import _source
from kim_cooperation.i18n import N_, translate

if TYPE_CHECKING:
    from kim_cooperation.notice import NoticeTerms


def _run_deadline(arguments: argparse.Namespace) -> str:
    from kim_cooperation import notice, report  # noqa: PLC0415
    from kim_cooperation.closed_days import ClosedDays, check_receipt  # noqa: PLC0415
    from kim_cooperation.contract import deadline_record, termination_record  # noqa: PLC0415

    source = _source(arguments.agreement, arguments.lang)
    terms = source.agreement.notice_terms
    # Weekends, the public holidays of the parties' Länder and the days listed (C11).
    closed = ClosedDays.of(
        source.agreement,
        dates=[day for day in arguments.closed if isinstance(day, dt.date)],
        yearly=[day for day in arguments.closed if isinstance(day, tuple)],
    )
    if arguments.received is not None:
        receipt = check_receipt(
            arguments.received, closed, ends=lambda day: notice.termination_date(day, terms)
        )
        # The record the JSON contract gives too (`kim_cooperation.contract`).
        record = termination_record(receipt, terms, lang=arguments.lang)
        warning = record["warning"]

        def text() -> str:
            rendered = report.render_termination(
                arguments.received, terms=terms, lang=arguments.lang
            )
            return rendered if warning is None else f"{rendered}\n{warning}"

    else:
        if arguments.end is not None:
            deadline = notice.NoticeDeadline(
                end=arguments.end,
                deadline=notice.latest_notice_date_for(arguments.end, terms),
                terms=terms,
                closed_days=closed,
            )
        else:
            deadline = notice.notice_deadline(arguments.year, terms, closed_days=closed)
        record = deadline_record(deadline, lang=arguments.lang)

        def text() -> str:
            rendered = report.render_deadline(deadline, lang=arguments.lang)
            if arguments.year is None or terms.period_end is notice.PeriodEnd.YEAR:
                return rendered
            return "\n".join([rendered, _other_ends(arguments.year, terms, arguments.lang)])

    if arguments.format == "text":
        return text()
    if arguments.format == "json":
        return json.dumps(record, indent=2, ensure_ascii=False)
    return _csv_row(record, arguments.lang)


_OTHER_ENDS: Final[Mapping[str, str]] = {
    "half-year": N_(
        "Under these terms membership can also end at the end of any half-year, e.g. on "
        "{first}; for its deadline run: deadline --end {iso}"
    ),
    "quarter": N_(
        "Under these terms membership can also end at the end of any calendar quarter, e.g. on "
        "{first}; for its deadline run: deadline --end {iso}"
    ),
    "month": N_(
        "Under these terms membership can also end at the end of any calendar month, e.g. on "
        "{first}; for its deadline run: deadline --end {iso}"
    ),
}


def _other_ends(year: int, terms: NoticeTerms, lang: str) -> str:
    """A hint that the terms allow ends within the year, with the command for one (C11)."""
    from kim_cooperation.formatting import format_date  # noqa: PLC0415

    first = terms.period_end.next_end(dt.date(year, 1, 1))
    chosen = check_lang(lang)
    return translate(_OTHER_ENDS[terms.period_end.value], chosen).format(
        first=format_date(first, lang=chosen), iso=first.isoformat()
    )
