"""The records of the deadline questions, the same for the JSON contract and ``deadline --format json``.

`termination_record` says when membership ends after a notice received on
a day, with a warning when that day was closed; `deadline_record` says by
when notice must be received for an end, with the last working day before
a closed deadline (C11).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from kim_cooperation._checks import check_lang
from kim_cooperation.closed_days import ReceiptCheck
from kim_cooperation.errors import InvalidTypeError
from kim_cooperation.notice import NoticeDeadline, NoticeTerms

if TYPE_CHECKING:
    from kim_cooperation.formatting import Lang


def _check(value: object, kind: type, what: str) -> None:
    if not isinstance(value, kind):
        raise InvalidTypeError(f"{what} must be a {kind.__name__}, got {type(value).__name__}")


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def receipt_warning(receipt: ReceiptCheck, *, lang: Lang = "de") -> str | None:
    """The warning on a day of receipt: closed, or its holidays not checked; else ``None``.

    Raises:
        InvalidTypeError: ``receipt`` is not a `ReceiptCheck`.
        InvalidValueError: ``lang`` is neither ``"de"`` nor ``"en"``.
    """
    _check(receipt, ReceiptCheck, "receipt")
    lang = check_lang(lang)
    if receipt.closed or not receipt.day.holidays_checked:
        return receipt.describe(lang=lang)
    return None


def termination_record(
    receipt: ReceiptCheck, terms: NoticeTerms, *, lang: Lang = "de"
) -> dict[str, Any]:
    """When membership ends after the notice ``receipt`` checks (C11), as plain data.

    Args:
        receipt: The day of receipt checked against the closed days
            (`kim_cooperation.closed_days.check_receipt`).
        terms: The notice terms.
        lang: The language of the terms and the warning.

    Raises:
        InvalidTypeError: ``receipt`` is not a `ReceiptCheck` or ``terms``
            not `NoticeTerms`.
        InvalidValueError: ``lang`` is neither ``"de"`` nor ``"en"``.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets, termination_date
        >>> from kim_cooperation.closed_days import ClosedDays, check_receipt
        >>> terms = presets.coesfeld().notice_terms
        >>> receipt = check_receipt(dt.date(2024, 6, 29), ClosedDays(),
        ...                         ends=lambda day: termination_date(day, terms))
        >>> record = termination_record(receipt, terms, lang="en")
        >>> record["termination"], record["closed_day"], record["next_working_day"]
        ('2025-12-31', True, '2024-07-01')
    """
    from kim_cooperation import report  # noqa: PLC0415

    _check(receipt, ReceiptCheck, "receipt")
    _check(terms, NoticeTerms, "terms")
    lang = check_lang(lang)
    return {
        "received": receipt.received.isoformat(),
        "termination": receipt.ends.isoformat(),
        "terms": report.describe_terms(terms, lang=lang),
        "clause": "C11",
        "closed_day": receipt.closed,
        "next_working_day": _iso(receipt.next_open_day),
        "termination_if_next_working_day": _iso(receipt.ends_if_next_open),
        "holidays_checked": receipt.day.holidays_checked,
        "warning": receipt_warning(receipt, lang=lang),
    }


def deadline_record(deadline: NoticeDeadline, *, lang: Lang = "de") -> dict[str, Any]:
    """By when notice must be received for ``deadline.end`` (C11), as plain data.

    Raises:
        InvalidTypeError: ``deadline`` is not a `NoticeDeadline`.
        InvalidValueError: ``lang`` is neither ``"de"`` nor ``"en"``.

    Examples:
        >>> from kim_cooperation import notice_deadline
        >>> record = deadline_record(notice_deadline(2026), lang="en")
        >>> record["end"], record["deadline"], record["last_working_day"], record["clause"]
        ('2026-12-31', '2025-06-30', '2025-06-30', 'C11')
    """
    from kim_cooperation import report  # noqa: PLC0415

    _check(deadline, NoticeDeadline, "deadline")
    lang = check_lang(lang)
    return {
        "end": deadline.end.isoformat(),
        "deadline": deadline.deadline.isoformat(),
        "falls_on_weekend": deadline.falls_on_weekend,
        "falls_on_closed_day": deadline.falls_on_closed_day,
        "last_working_day": deadline.last_working_day.isoformat(),
        "warning": deadline.warning(lang=lang),
        "terms": report.describe_terms(deadline.terms, lang=lang),
        "clause": "C11",
    }
