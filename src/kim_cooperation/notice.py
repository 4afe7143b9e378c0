"""Notice and termination (C11): "18 Monate zum Ende eines Kalenderjahres".

Any party may give notice ("Kündigung") of 18 months to the end of a calendar
year. The rules of German law that decide the dates:

* Notice takes effect when it is received ("Zugang", § 130 BGB), not when it
  is sent; the functions here take the day of receipt.
* The day of receipt is not counted (§ 187 (1) BGB). A period of months ends
  on the day of the same number, or on the month's last day if there is none
  (§ 188 (2), (3) BGB).
* § 193 BGB (shift to the next working day) does not apply to notice periods
  (BGH III ZR 172/04): a deadline on a Saturday or Sunday is never moved
  later. `notice_deadline` warns about such days instead.

Counted back from 31 December of year *Y*, notice must be received by
30 June of *Y − 1*. `NoticeTerms` also covers agreements of the same shape
with other periods and other ends (half-year, quarter, month).

Examples:
    >>> import datetime as dt
    >>> from kim_cooperation import termination_date, latest_notice_date
    >>> termination_date(dt.date(2024, 6, 30))
    datetime.date(2025, 12, 31)
    >>> termination_date(dt.date(2024, 7, 1))
    datetime.date(2026, 12, 31)
    >>> latest_notice_date(2025)
    datetime.date(2024, 6, 30)
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import attrs
from dateutil.relativedelta import relativedelta

from kim_cooperation._checks import (
    Choice,
    check_date,
    check_int,
    check_year,
    reads_older_pickles,
    shown,
)
from kim_cooperation.clauses import Clause
from kim_cooperation.closed_days import (
    DEFAULT_CLOSED_DAYS,
    ClosedDays,
    DayCheck,
    _deadline_warning,
)
from kim_cooperation.errors import InvalidDateError, InvalidTypeError, InvalidValueError, Phrase
from kim_cooperation.formatting import Lang
from kim_cooperation.i18n import N_
from kim_cooperation.party import Party

__all__ = [
    "DEFAULT_NOTICE_TERMS",
    "Notice",
    "NoticeDeadline",
    "NoticeTerms",
    "PeriodEnd",
    "is_weekend",
    "latest_notice_date",
    "latest_notice_date_for",
    "notice_deadline",
    "termination_date",
]

_MAX_MONTHS: Final = 1200
_SATURDAY: Final = 5


class PeriodEnd(Choice):
    """The days on which notice may end an agreement ("zum Ende eines …").

    Examples:
        >>> import datetime as dt
        >>> quarter = PeriodEnd("quarter")
        >>> quarter.months
        3
        >>> quarter.is_end(dt.date(2025, 6, 30)), quarter.is_end(dt.date(2025, 7, 31))
        (True, False)
        >>> quarter.next_end(dt.date(2025, 7, 1)), PeriodEnd.YEAR.next_end(dt.date(2025, 7, 1))
        (datetime.date(2025, 9, 30), datetime.date(2025, 12, 31))
    """

    YEAR = "year"
    HALF_YEAR = "half-year"
    QUARTER = "quarter"
    MONTH = "month"

    @property
    def months(self) -> int:
        """The length of the period in months: 12, 6, 3 or 1."""
        return {"year": 12, "half-year": 6, "quarter": 3, "month": 1}[self.value]

    def is_end(self, day: dt.date) -> bool:
        """Tell whether ``day`` is the last day of such a period.

        Raises:
            InvalidTypeError: ``day`` is not a `datetime.date`.
        """
        day = check_date(day, what="day")
        last_of_month = calendar.monthrange(day.year, day.month)[1]
        return day.day == last_of_month and day.month % self.months == 0

    def next_end(self, day: dt.date) -> dt.date:
        """Return the first end of such a period on or after ``day``.

        Raises:
            InvalidTypeError: ``day`` is not a `datetime.date`.
        """
        day = check_date(day, what="day")
        month = -(-day.month // self.months) * self.months
        return dt.date(day.year, month, calendar.monthrange(day.year, month)[1])


def _months(value: int) -> int:
    value = check_int(value, what="notice period", unit="months")
    if not 0 < value <= _MAX_MONTHS:
        raise InvalidValueError(
            N_("notice period must be between 1 and {limit} months, got {value} (C11)"),
            limit=_MAX_MONTHS,
            value=shown(value),
        )
    return value


def _period_end(value: PeriodEnd | str) -> PeriodEnd:
    if isinstance(value, str):  # a PeriodEnd is a str too
        try:
            return PeriodEnd(value)
        except ValueError:
            pass
    raise InvalidValueError(
        N_("period end must be one of {ends}, got {value}"),
        ends=[end.value for end in PeriodEnd],
        value=shown(value),
    )


@attrs.frozen(kw_only=True)
class NoticeTerms:
    """The notice terms of an agreement (C11): a period of months to the end of a period.

    Attributes:
        months: The notice period ("Kündigungsfrist") in months; 18 by default.
        period_end: The day notice can end the agreement on: the end of a
            calendar ``year`` (default), ``half-year``, ``quarter`` or ``month``.

    Examples:
        >>> NoticeTerms()
        NoticeTerms(months=18, period_end=<PeriodEnd.YEAR: 'year'>)
        >>> NoticeTerms(months=3, period_end="quarter").describe()
        '3 months to the end of a quarter'
    """

    months: int = attrs.field(default=18, converter=_months)
    period_end: PeriodEnd = attrs.field(default=PeriodEnd.YEAR, converter=_period_end)

    clause = Clause.C11
    """The clause that sets the terms."""

    def describe(self) -> str:
        """Return the terms in words."""
        return str(_terms_phrase(self))


_TERMS: Final[Mapping[tuple[str, bool], str]] = MappingProxyType(
    {
        ("year", True): N_("{months} month to the end of a year"),
        ("year", False): N_("{months} months to the end of a year"),
        ("half-year", True): N_("{months} month to the end of a half-year"),
        ("half-year", False): N_("{months} months to the end of a half-year"),
        ("quarter", True): N_("{months} month to the end of a quarter"),
        ("quarter", False): N_("{months} months to the end of a quarter"),
        ("month", True): N_("{months} month to the end of a month"),
        ("month", False): N_("{months} months to the end of a month"),
    }
)
"""The terms in words, by period end and whether the period is a single month."""

_NOT_AN_END: Final[Mapping[str, str]] = MappingProxyType(
    {
        "year": N_(
            "{end} is not the end of a year; "
            "notice under {terms} can only end the agreement on such a day (C11)"
        ),
        "half-year": N_(
            "{end} is not the end of a half-year; "
            "notice under {terms} can only end the agreement on such a day (C11)"
        ),
        "quarter": N_(
            "{end} is not the end of a quarter; "
            "notice under {terms} can only end the agreement on such a day (C11)"
        ),
        "month": N_(
            "{end} is not the end of a month; "
            "notice under {terms} can only end the agreement on such a day (C11)"
        ),
    }
)
"""Why a day cannot end the agreement, by period end: whole texts, as German words them apart."""


def _terms_phrase(terms: NoticeTerms) -> Phrase:
    """The terms in words as a catalogue text: ``18 months to the end of a year`` (C11).

    Examples:
        >>> _terms_phrase(NoticeTerms()).describe("de")
        '18 Monate zum Ende eines Kalenderjahres'
    """
    template = _TERMS[terms.period_end.value, terms.months == 1]
    return Phrase(template, months=terms.months)


DEFAULT_NOTICE_TERMS: Final = NoticeTerms()
"""The Coesfeld agreement's terms: 18 months to the end of a calendar year (C11)."""


def _check_terms(terms: NoticeTerms) -> NoticeTerms:
    if not isinstance(terms, NoticeTerms):
        raise InvalidTypeError(
            f"terms must be NoticeTerms, got {type(terms).__name__} {shown(terms)}"
        )
    return terms


def termination_date(received: dt.date, terms: NoticeTerms = DEFAULT_NOTICE_TERMS) -> dt.date:
    """Return the day the agreement ends for a party whose notice was received on ``received`` (C11).

    The notice period begins the day after receipt (§ 187 (1) BGB) and ends
    on the day of the same number ``terms.months`` later, or the month's last
    day if there is none (§ 188 (2), (3) BGB). The agreement ends at the first
    end of a period (for the default terms, a 31 December) on or after that
    day.

    Args:
        received: The day the notice was received (Zugang), not the day it
            was sent.
        terms: The notice terms; 18 months to the end of a calendar year by
            default.

    Returns:
        The last day of membership.

    Raises:
        InvalidTypeError: ``received`` is not a `datetime.date` (a
            ``datetime`` is refused, not truncated).
        InvalidDateError: The result would lie after 31 December 9999.

    Examples:
        >>> import datetime as dt
        >>> termination_date(dt.date(2023, 1, 1))
        datetime.date(2024, 12, 31)
        >>> termination_date(dt.date(2024, 2, 29), NoticeTerms(months=1, period_end="month"))
        datetime.date(2024, 3, 31)
    """
    check_date(received, what="received")
    _check_terms(terms)
    try:
        period_ends = received + relativedelta(months=terms.months)
        return terms.period_end.next_end(period_ends)
    except (OverflowError, ValueError):
        raise InvalidDateError(
            N_("notice received on {received} with {terms} ends after 31 December 9999"),
            received=received,
            terms=_terms_phrase(terms),
        ) from None


def latest_notice_date_for(end: dt.date, terms: NoticeTerms = DEFAULT_NOTICE_TERMS) -> dt.date:
    """Return the last day notice may be received to end the agreement on ``end`` (C11).

    Counted back: the period of ``terms.months`` months ending on ``end``
    begins on the day after the same number of months earlier; notice must
    be received the day before that begins.

    Args:
        end: The intended last day, which must be an end of a period under
            ``terms`` (for the default terms, a 31 December).
        terms: The notice terms.

    Raises:
        InvalidValueError: ``end`` is not the end of a period under ``terms``.
        InvalidDateError: The deadline would lie before 1 January 1.

    Examples:
        >>> import datetime as dt
        >>> latest_notice_date_for(dt.date(2026, 12, 31))
        datetime.date(2025, 6, 30)
    """
    check_date(end, what="end")
    _check_terms(terms)
    if not terms.period_end.is_end(end):
        template = _NOT_AN_END[terms.period_end.value]
        raise InvalidValueError(template, end=end, terms=_terms_phrase(terms))
    # ``end`` is the last day of a month, so the period begins on the first of
    # the month after it, ``terms.months`` months earlier, and the deadline is
    # the last day of the month before that. Counting back from the first of
    # ``end``'s own month gives the same day without stepping past
    # 31 December 9999 (an end on that day is valid).
    try:
        deadline_month = end.replace(day=1) - relativedelta(months=terms.months)
    except (OverflowError, ValueError):
        raise InvalidDateError(
            N_("the deadline to end on {end} with {terms} would lie before 1 January 1"),
            end=end,
            terms=_terms_phrase(terms),
        ) from None
    last_day = calendar.monthrange(deadline_month.year, deadline_month.month)[1]
    return deadline_month.replace(day=last_day)


def latest_notice_date(year: int, terms: NoticeTerms = DEFAULT_NOTICE_TERMS) -> dt.date:
    """Return the last day notice may be received to end the agreement on 31 December of ``year`` (C11).

    The day is never moved, not even when it is a Saturday or Sunday (§ 193
    BGB does not apply to notice periods); `notice_deadline` tells when it is
    one.

    Examples:
        >>> latest_notice_date(2026)
        datetime.date(2025, 6, 30)
        >>> latest_notice_date(2025).strftime("%A")
        'Sunday'
    """
    check_year(year)
    return latest_notice_date_for(dt.date(year, 12, 31), terms)


def is_weekend(day: dt.date) -> bool:
    """Tell whether ``day`` is a Saturday or a Sunday.

    Examples:
        >>> import datetime as dt
        >>> is_weekend(dt.date(2024, 6, 30)), is_weekend(dt.date(2025, 6, 30))
        (True, False)
    """
    return check_date(day, what="day").weekday() >= _SATURDAY


def _end(value: dt.date) -> dt.date:
    return check_date(value, what="end")


def _deadline(value: dt.date) -> dt.date:
    return check_date(value, what="deadline")


def _c11(value: Clause | str) -> Clause:
    if isinstance(value, str) and str.__str__(value) == Clause.C11.value:
        return Clause.C11
    raise InvalidValueError(N_("the clause of notice is C11, got {value}"), value=shown(value))


def _closed_days(value: ClosedDays) -> ClosedDays:
    if not isinstance(value, ClosedDays):
        raise InvalidTypeError(
            f"closed_days must be ClosedDays, got {type(value).__name__} {shown(value)}"
        )
    return value


@reads_older_pickles
@attrs.frozen(kw_only=True)
class NoticeDeadline:
    """The deadline to end the agreement on a given day, with a warning for closed days (C11).

    Attributes:
        end: The day the agreement would end.
        deadline: The last day notice may be *received*; never moved.
        terms: The notice terms applied.
        clause: ``C11``.
        closed_days: The days the offices are closed
            (`kim_cooperation.closed_days.ClosedDays`): weekends and the
            public holidays of Nordrhein-Westfalen unless given.

    Examples:
        Made by `notice_deadline`; to end the agreement on 31 December 2026:

        >>> deadline = notice_deadline(2026)
        >>> deadline.end, deadline.deadline
        (datetime.date(2026, 12, 31), datetime.date(2025, 6, 30))
        >>> deadline.falls_on_weekend, deadline.falls_on_closed_day, deadline.warning()
        (False, False, None)
    """

    end: dt.date = attrs.field(converter=_end)
    deadline: dt.date = attrs.field(converter=_deadline)
    terms: NoticeTerms = attrs.field(converter=_check_terms)
    clause: Clause = attrs.field(default=Clause.C11, converter=_c11)
    closed_days: ClosedDays = attrs.field(default=DEFAULT_CLOSED_DAYS, converter=_closed_days)

    def __attrs_post_init__(self) -> None:
        # The deadline follows from the end and the terms; one given by hand must agree.
        expected = latest_notice_date_for(self.end, self.terms)
        if self.deadline != expected:
            raise InvalidValueError(
                N_(
                    "the deadline to end on {end} under {terms} is {expected}, not {deadline}; "
                    "use latest_notice_date_for(end, terms) or notice_deadline(year, terms) (C11)"
                ),
                end=self.end,
                terms=_terms_phrase(self.terms),
                expected=expected,
                deadline=self.deadline,
            )

    @property
    def falls_on_weekend(self) -> bool:
        """Tell whether the deadline is a Saturday or Sunday."""
        return is_weekend(self.deadline)

    @property
    def day_check(self) -> DayCheck:
        """The deadline checked against `closed_days`: closed or not, and why."""
        return self.closed_days.check(self.deadline)

    @property
    def falls_on_closed_day(self) -> bool:
        """Tell whether the deadline is a weekend day, a public holiday or a listed closed day."""
        return self.day_check.closed

    @property
    def last_working_day(self) -> dt.date:
        """The last day on or before the deadline that the offices are open.

        A letter put into a closed office's mailbox counts as received on
        the next working day, which is too late; in practice notice must
        arrive by this day. Saturdays, Sundays, the public holidays of the
        Länder in `closed_days` and its listed days are skipped; public
        holidays only if the package ``holidays`` is installed (see
        `day_check`).

        Examples:
            >>> import datetime as dt
            >>> from kim_cooperation.closed_days import ClosedDays
            >>> quarter = NoticeTerms(months=3, period_end="quarter")
            >>> end = dt.date(2024, 6, 30)
            >>> deadline = NoticeDeadline(end=end, deadline=latest_notice_date_for(end, quarter),
            ...                           terms=quarter)
            >>> deadline.deadline, deadline.last_working_day  # Easter: Good Friday to Monday
            (datetime.date(2024, 3, 31), datetime.date(2024, 3, 28))
        """
        return self.closed_days.last_open_day(self.deadline)

    def warning(self, *, lang: Lang = "en") -> str | None:
        """Return a warning if the deadline falls on a closed day, else ``None``.

        Says too when public holidays could not be checked (the package
        ``holidays`` is missing or has no data for the year).

        Args:
            lang: ``"en"`` (default) or ``"de"``.

        Examples:
            >>> print(notice_deadline(2030).warning(lang="de"))
            Die Frist 30.06.2029 ist ein Samstag. Sie wird nicht verschoben (§ 193 BGB gilt nicht
            für Kündigungsfristen), aber ein Brief im Briefkasten einer geschlossenen Verwaltung
            gilt erst am nächsten Arbeitstag als zugegangen: Die Kündigung muss spätestens am
            29.06.2029 zugehen.
        """
        return _deadline_warning(self.day_check, self.last_working_day, lang=lang)


def notice_deadline(
    year: int,
    terms: NoticeTerms = DEFAULT_NOTICE_TERMS,
    *,
    closed_days: ClosedDays = DEFAULT_CLOSED_DAYS,
) -> NoticeDeadline:
    """Return the deadline to end the agreement on 31 December of ``year``, with its closed-day warning (C11).

    The deadline is never moved (§ 193 BGB does not apply to notice
    periods); when it falls on a closed day, `NoticeDeadline.warning` says so
    and `NoticeDeadline.last_working_day` gives the day the notice should
    arrive by. The answer carries the warning rather than issuing a Python
    warning: the day is a result, not doubtful input.

    Args:
        year: The year the agreement should end.
        terms: The notice terms.
        closed_days: The days the offices are closed: by default weekends
            and the public holidays of Nordrhein-Westfalen; for an
            agreement, ``ClosedDays.of(agreement)`` (its parties' Länder),
            with the closed days you list.

    Examples:
        >>> deadline = notice_deadline(2025)
        >>> deadline.deadline, deadline.falls_on_weekend, deadline.last_working_day
        (datetime.date(2024, 6, 30), True, datetime.date(2024, 6, 28))
        >>> notice_deadline(2026).warning() is None
        True
    """
    deadline = latest_notice_date(year, terms)
    return NoticeDeadline(
        end=dt.date(year, 12, 31), deadline=deadline, terms=terms, closed_days=closed_days
    )


def _party(value: Party) -> Party:
    if not isinstance(value, Party):
        raise InvalidTypeError(
            f"a notice is given by a Party, got {type(value).__name__} {shown(value)}"
        )
    return value


def _received(value: dt.date) -> dt.date:
    return check_date(value, what="received")


def _successor(value: Party | None) -> Party | None:
    if value is not None and not isinstance(value, Party):
        raise InvalidTypeError(
            f"a successor employer is a Party or None, got {type(value).__name__} {shown(value)}"
        )
    return value


# The hash is cached: notices are hashed with every agreement that holds them.
@attrs.frozen(kw_only=True, cache_hash=True)
class Notice:
    """A party's notice of termination, by the day it was received (C11).

    Record notices with `Agreement.give_notice`, which checks them against
    the agreement and computes the day the party leaves.

    Attributes:
        party: The party giving notice.
        received: The day the notice was received by the other parties
            ("Zugang", § 130 BGB).
        successor: For a region's employer ("Anstellungskörperschaft") that
            leaves while other towns of its region stay: the town of the
            region that takes over the posts and the billing from the day
            after the employer leaves (C3, C9, I8). ``None`` otherwise.
        clause: ``C11``.

    Raises:
        InvalidTypeError: ``party`` or ``successor`` is not a `Party`, or
            ``received`` is not a date.
        InvalidValueError: A party names itself as its successor.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> agreement = presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30))
        >>> notice = agreement.notices[0]
        >>> notice.party.name, notice.received, notice.successor
        ('Rosendahl', datetime.date(2024, 6, 30), None)
        >>> termination_date(notice.received, agreement.notice_terms)
        datetime.date(2025, 12, 31)
    """

    party: Party = attrs.field(converter=_party)
    received: dt.date = attrs.field(converter=_received)
    successor: Party | None = attrs.field(default=None, converter=_successor)
    clause: Clause = attrs.field(default=Clause.C11, converter=_c11)

    def __attrs_post_init__(self) -> None:
        if self.successor == self.party:
            raise InvalidValueError(
                N_("{party} cannot name itself as its successor employer (C3)"),
                party=self.party.name,
            )
