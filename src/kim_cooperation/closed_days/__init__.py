"""Days of receipt (C11): weekends, public holidays and the days an office is closed.

A notice takes effect when it reaches the other parties ("Zugang", § 130 BGB):
when, under normal circumstances, they can be expected to read it. A letter
put into a town hall's mailbox on a Saturday, a Sunday, a public holiday or
a day the office is closed is received on the next working day. One day can
end a membership a whole year later, so the library checks the days of
receipt and the deadlines against the days the offices are closed:

* Saturdays and Sundays;
* the public holidays of the parties' Länder, each party's Land read from the
  first two digits of its AGS (``05`` is Nordrhein-Westfalen), from the
  optional package ``holidays`` (``pip install "kim-cooperation[holidays]"``);
* the closed days the caller lists: single days and days closed every year,
  such as 24 and 31 December, which are no public holidays but often closing
  days.

Nothing is ever moved: § 193 BGB does not apply to notice periods (BGH III
ZR 172/04), and a notice handed over in person on a Sunday is received that
day. The library warns instead: `Agreement.give_notice` issues a
`ClosedDayWarning` (`NoticeDeadline.warning` and the command line say it in
their output).

Without the package ``holidays`` the weekends and the listed days are still
checked, and every check says that public holidays were not: a day of
receipt gives a `HolidaysNotCheckedWarning`, never a silent pass. The same
holds for years the package has no data for (for Germany it covers 1991 to
2100). Holidays that only some municipalities of a Land keep (Mariä
Himmelfahrt in most of Bavaria, the Augsburger Friedensfest, Fronleichnam
in parts of Saxony and Thuringia) are not included: list them as closed
days.

The checks' and warnings' texts, like the errors', are written in English
and translated through the catalogue (`kim_cooperation.i18n`), the Länder's
names among them; a holiday's name is data, given by the package
``holidays`` in German and in English. A warning's message is the English
text; ``warning.receipt.describe(lang="de")`` is the German one.

Where things are, one concept a file: the types, `check_receipt`, the
warnings on days of receipt and whether a Land's year has public holidays
are here; ``_holidays.py`` holds the Länder (`LANDS`, `lands_of`) and
their public holidays from the package ``holidays``; ``_fields.py`` the
checks of `ClosedDays`' fields;
``_texts.py`` the texts of the checks, through the catalogue, and the
warning of a deadline on a closed day; ``_parse.py`` `parse_closed_day`;
``_caller.py`` the frame a warning points at.

Examples:
    >>> import datetime as dt
    >>> closed = ClosedDays(yearly=[(12, 24), (12, 31)])
    >>> closed.lands, closed.is_closed(dt.date(2025, 12, 24)), closed.is_closed(dt.date(2025, 12, 23))
    (('NW',), True, False)
    >>> print(closed.check(dt.date(2024, 5, 30)).describe(lang="de"))
    ein gesetzlicher Feiertag in Nordrhein-Westfalen (Fronleichnam)
    >>> closed.last_open_day(dt.date(2024, 12, 31)), closed.next_open_day(dt.date(2024, 12, 24))
    (datetime.date(2024, 12, 30), datetime.date(2024, 12, 27))
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Final

import attrs

from kim_cooperation._checks import Choice, builder, check_date, result_type, shown, tuple_of
from kim_cooperation.closed_days._caller import _stacklevel
from kim_cooperation.closed_days._fields import _dates, _lands, _yearly
from kim_cooperation.closed_days._holidays import (
    _INSTALL,
    LANDS,
    _holiday_table,
    _holidays_package,
    lands_of,
)
from kim_cooperation.closed_days._parse import parse_closed_day

# Re-exported: `kim_cooperation.notice` words its deadline's warning with it.
from kim_cooperation.closed_days._texts import _deadline_warning as _deadline_warning
from kim_cooperation.closed_days._texts import _land_names, _lang, _say
from kim_cooperation.errors import (
    ClosedDayWarning,
    HolidaysNotCheckedWarning,
    InvalidDateError,
    InvalidTypeError,
    InvalidValueError,
)
from kim_cooperation.formatting import Lang, format_date
from kim_cooperation.i18n import N_

if TYPE_CHECKING:
    from kim_cooperation.agreement import Agreement

__all__ = [
    "DEFAULT_CLOSED_DAYS",
    "LANDS",
    "ClosedDays",
    "ClosedReason",
    "Closure",
    "DayCheck",
    "HolidayGap",
    "ReceiptCheck",
    "check_receipt",
    "lands_of",
    "parse_closed_day",
]

_SATURDAY: Final = 5
_SEARCH_DAYS: Final = 400
"""How far `ClosedDays.next_open_day` and `last_open_day` look: more than a year of closed days is refused."""


class ClosedReason(Choice):
    """Why an office is closed on a day."""

    WEEKEND = "weekend"
    PUBLIC_HOLIDAY = "public-holiday"
    LISTED = "listed"


class HolidayGap(Choice):
    """Why the public holidays of a day could not be checked."""

    NO_PACKAGE = "no-package"
    """The optional package ``holidays`` is not installed."""
    NO_DATA = "no-data"
    """The package has no public holidays of the Land for the year."""


def _public_holidays(land: str, year: int) -> Mapping[dt.date, tuple[str, str]] | HolidayGap:
    """The public holidays of ``land`` in ``year``, or why they could not be checked.

    Here, not in ``_holidays.py``: it returns a `HolidayGap`, and the package's
    files never import this one.
    """
    if _holidays_package() is None:
        return HolidayGap.NO_PACKAGE
    table = _holiday_table(land, year)
    # Every Land keeps New Year's Day, so an empty year is one the package has no data for.
    return table if table else HolidayGap.NO_DATA


@result_type(made_by="ClosedDays.check()")
@attrs.frozen(kw_only=True)
class Closure:
    """One reason an office is closed on a day.

    Attributes:
        reason: A weekend day, a public holiday or a listed closed day.
        lands: For a public holiday, the Länder that keep it.
        name: For a public holiday, its German name (``"Fronleichnam"``).
        name_en: For a public holiday, its English name (``"Corpus Christi"``).
    """

    reason: ClosedReason
    lands: tuple[str, ...] = ()
    name: str = ""
    name_en: str = ""


@result_type(made_by="ClosedDays.check()")
@attrs.frozen(kw_only=True)
class DayCheck:
    """A day checked against the closed days (C11): closed or not, and why.

    Attributes:
        day: The day checked.
        closures: Why the offices are closed on it; empty on a working day.
        gap: Why public holidays could not be checked, or ``None`` if they
            were (or no Land was to be checked).
        lands: The Länder whose public holidays were to be checked.

    Examples:
        >>> import datetime as dt
        >>> check = ClosedDays().check(dt.date(2025, 11, 1))
        >>> check.closed, [closure.reason.value for closure in check.closures]
        (True, ['weekend', 'public-holiday'])
        >>> print(check.describe(lang="en"))
        a Saturday and a public holiday in North Rhine-Westphalia (All Saints' Day)
    """

    day: dt.date
    closures: tuple[Closure, ...]
    gap: HolidayGap | None
    lands: tuple[str, ...]

    @property
    def closed(self) -> bool:
        """Tell whether the offices are closed on the day."""
        return bool(self.closures)

    @property
    def holidays_checked(self) -> bool:
        """Tell whether the public holidays of the Länder were checked."""
        return self.gap is None

    def describe(self, *, lang: Lang = "en") -> str:
        """Say what the day is: ``"a Sunday"``, ``"ein Samstag und ein gesetzlicher Feiertag …"``.

        A working day is ``"a working day"`` (``"ein Arbeitstag"``); whether
        holidays were checked is said by `gap_note`.
        """
        chosen = _lang(lang)
        parts = [self._closure_text(closure, chosen) for closure in self.closures]
        if not parts:
            return _say(N_("a working day"), chosen)
        said = parts[0]
        for part in parts[1:]:
            said = _say(N_("{earlier} and {later}"), chosen, earlier=said, later=part)
        return said

    def _closure_text(self, closure: Closure, lang: Lang) -> str:
        """``"a Saturday"``, ``"a public holiday in Bavaria (Epiphany)"``, ``"a listed closed day"``."""
        if closure.reason is ClosedReason.WEEKEND:
            if self.day.weekday() == _SATURDAY:
                return _say(N_("a Saturday"), lang)
            return _say(N_("a Sunday"), lang)
        if closure.reason is ClosedReason.PUBLIC_HOLIDAY:
            # The holiday's name is data, given by the package ``holidays`` in both languages.
            name = closure.name if lang == "de" else closure.name_en
            return _say(
                N_("a public holiday in {lands} ({name})"),
                lang,
                lands=_land_names(closure.lands, lang),
                name=name,
            )
        return _say(N_("a listed closed day"), lang)

    def gap_note(self, *, lang: Lang = "en") -> str | None:
        """Say why public holidays were not checked, or return ``None`` if they were.

        Examples:
            >>> import datetime as dt
            >>> print(ClosedDays().check(dt.date(2101, 1, 3)).gap_note(lang="de"))
            Gesetzliche Feiertage wurden nicht geprüft: Das Paket „holidays“ kennt keine Feiertage
            in Nordrhein-Westfalen für 2101; Wochenenden und angegebene Schließtage wurden geprüft.
        """
        if self.gap is None:
            return None
        chosen = _lang(lang)
        if self.gap is HolidayGap.NO_PACKAGE:
            return _say(
                N_(
                    "Public holidays were not checked: the optional package 'holidays' is not "
                    "installed ({install}); weekends and listed closed days were checked."
                ),
                chosen,
                install=_INSTALL,
            )
        return _say(
            N_(
                "Public holidays were not checked: the package 'holidays' has no public holidays "
                "of {lands} for {year}; weekends and listed closed days were checked."
            ),
            chosen,
            lands=_land_names(self.lands, chosen),
            year=self.day.year,
        )


_closure = builder(Closure)
_day_check = builder(DayCheck)


def _closed_days_type(value: object, *, what: str = "closed_days") -> None:
    if not isinstance(value, ClosedDays):
        raise InvalidTypeError(
            f"{what} must be ClosedDays, got {type(value).__name__} {shown(value)}"
        )


@attrs.frozen(kw_only=True)
class ClosedDays:
    """The days the parties' offices are closed, for checking days of receipt (C11).

    Attributes:
        lands: The Länder whose public holidays count, as ISO 3166-2:DE codes
            (``"NW"`` is Nordrhein-Westfalen, the default); sorted, without
            repeats. Empty: no public holidays are checked.
        dates: Single closed days, sorted.
        yearly: Days closed every year as ``(month, day)``, such as
            ``(12, 24)`` and ``(12, 31)``; sorted.

    Raises:
        InvalidTypeError: A field is not an iterable of the right items.
        InvalidValueError: An unknown Land code, or a month and day that is
            no day of the calendar.

    Examples:
        >>> import datetime as dt
        >>> closed = ClosedDays(lands=["BY", "NW"], dates=[dt.date(2025, 6, 20)])
        >>> print(closed.check(dt.date(2025, 1, 6)).describe(lang="en"))
        a public holiday in Bavaria (Epiphany)
        >>> closed.is_closed(dt.date(2025, 6, 20)), closed.is_closed(dt.date(2025, 6, 23))
        (True, False)
        >>> ClosedDays(lands=["XX"])
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidValueError: lands must be Land codes (ISO 3166-2:DE) from
        ['BB', ..., 'TH'], got 'XX'; NW is Nordrhein-Westfalen
    """

    lands: tuple[str, ...] = attrs.field(default=("NW",), converter=_lands)
    dates: tuple[dt.date, ...] = attrs.field(default=(), converter=_dates)
    yearly: tuple[tuple[int, int], ...] = attrs.field(default=(), converter=_yearly)

    @classmethod
    def of(
        cls,
        agreement: Agreement,
        *,
        dates: Iterable[dt.date] = (),
        yearly: Iterable[tuple[int, int]] = (),
    ) -> ClosedDays:
        """Return the closed days of an agreement: its parties' Länder, and the days listed.

        Args:
            agreement: An `Agreement`; the Länder are read from its parties' AGS.
            dates: Single closed days.
            yearly: Days closed every year as ``(month, day)``.

        Examples:
            >>> from kim_cooperation import presets
            >>> ClosedDays.of(presets.coesfeld(), yearly=[(12, 31), (12, 24)])
            ClosedDays(lands=('NW',), dates=(), yearly=((12, 24), (12, 31)))
        """
        parties = getattr(agreement, "parties", None)
        if not isinstance(parties, tuple):
            raise InvalidTypeError(
                f"agreement must be an Agreement, got {type(agreement).__name__} {shown(agreement)}"
            )
        return cls(lands=lands_of(parties), dates=dates, yearly=yearly)

    def check(self, day: dt.date) -> DayCheck:
        """Check ``day``: a weekend day, a public holiday of one of the Länder, a listed day.

        Raises:
            InvalidTypeError: ``day`` is not a `datetime.date`.
        """
        check_date(day, what="day")
        closures = []
        if day.weekday() >= _SATURDAY:
            closures.append(_closure(reason=ClosedReason.WEEKEND))
        gap = None
        holidays: dict[tuple[str, str], list[str]] = {}
        for land in self.lands:
            table = _public_holidays(land, day.year)
            if isinstance(table, HolidayGap):
                gap = table
                continue
            if day in table:
                holidays.setdefault(table[day], []).append(land)
        closures += [
            _closure(reason=ClosedReason.PUBLIC_HOLIDAY, lands=tuple(lands), name=de, name_en=en)
            for (de, en), lands in holidays.items()
        ]
        if day in self.dates or (day.month, day.day) in self.yearly:
            closures.append(_closure(reason=ClosedReason.LISTED))
        return _day_check(day=day, closures=tuple(closures), gap=gap, lands=self.lands)

    def is_closed(self, day: dt.date) -> bool:
        """Tell whether the offices are closed on ``day`` (as far as checked, see `check`)."""
        return self.check(day).closed

    def _step(self, day: dt.date, step: int) -> dt.date:
        current = day
        for _ in range(_SEARCH_DAYS):
            try:
                current += dt.timedelta(days=step)
            except OverflowError:
                raise InvalidDateError(
                    N_("no working day after {day} within the calendar (years 1 to 9999)")
                    if step > 0
                    else N_("no working day before {day} within the calendar (years 1 to 9999)"),
                    day=day,
                ) from None
            if not self.is_closed(current):
                return current
        raise InvalidValueError(
            N_(
                "no working day within {limit} days after {day}; "
                "the closed days listed leave no working day"
            )
            if step > 0
            else N_(
                "no working day within {limit} days before {day}; "
                "the closed days listed leave no working day"
            ),
            limit=_SEARCH_DAYS,
            day=day,
        )

    def next_open_day(self, day: dt.date) -> dt.date:
        """Return the first day after ``day`` the offices are open.

        A letter left in a closed office's mailbox on ``day`` counts as
        received then.

        Raises:
            InvalidDateError: There is none before the end of 9999.
            InvalidValueError: The closed days leave none within 400 days.
        """
        check_date(day, what="day")
        return self._step(day, 1)

    def last_open_day(self, day: dt.date) -> dt.date:
        """Return ``day`` if the offices are open on it, else the last open day before it.

        Raises:
            InvalidDateError: There is none after 1 January 1.
            InvalidValueError: The closed days leave none within 400 days.
        """
        if not self.is_closed(day):
            return day
        return self._step(day, -1)


DEFAULT_CLOSED_DAYS: Final = ClosedDays()
"""Weekends and the public holidays of Nordrhein-Westfalen; no other closed days."""


@result_type(made_by="check_receipt()")
@attrs.frozen(kw_only=True)
class ReceiptCheck:
    """A day of receipt checked against the closed days, with what a closed day would change (C11).

    Attributes:
        received: The day the notice is recorded as received.
        day: The check of that day.
        parties: The names of the parties whose notices were received that
            day; empty when no notice is recorded (the command line's
            ``deadline --received``).
        ends: The last day of membership for notice received on ``received``.
        next_open_day: For a closed day, the next working day, on which a
            letter left in the mailbox counts as received; else ``None``.
        ends_if_next_open: The last day of membership for notice received on
            ``next_open_day``; else ``None``.
    """

    received: dt.date
    day: DayCheck
    parties: tuple[str, ...] = ()
    ends: dt.date
    next_open_day: dt.date | None = None
    ends_if_next_open: dt.date | None = None

    @property
    def closed(self) -> bool:
        """Tell whether the day of receipt is a closed day."""
        return self.day.closed

    def describe(self, *, lang: Lang = "en") -> str:
        """Say what is wrong with the day of receipt, with what it changes, in German or English.

        Examples:
            >>> import datetime as dt
            >>> from kim_cooperation import termination_date
            >>> receipt = check_receipt(dt.date(2024, 6, 30), ClosedDays(), ends=termination_date)
            >>> print(receipt.describe(lang="de"))
            Der 30.06.2024 ist ein Sonntag. Ein Brief im Briefkasten einer geschlossenen
            Verwaltung gilt erst am nächsten Arbeitstag als zugegangen, am 01.07.2024; dann endet
            die Mitgliedschaft am 31.12.2026 statt am 31.12.2025. Maßgeblich ist der Tag, an dem
            die Kündigung tatsächlich zuging (§ 130 BGB, C11); das Datum wird nicht verschoben.
        """
        chosen = _lang(lang)
        day = format_date(self.received, lang=chosen)
        names = ", ".join(self.parties)
        many = len(self.parties) > 1
        note = self.day.gap_note(lang=chosen)
        if self.next_open_day is None or self.ends_if_next_open is None:
            if not self.parties:
                return note or ""
            recorded = _say(
                N_("The notices of {names} are recorded as received on {day}.")
                if many
                else N_("The notice of {names} is recorded as received on {day}."),
                chosen,
                names=names,
                day=day,
            )
            return recorded if note is None else f"{recorded} {note}"
        what = self.day.describe(lang=chosen)
        if not self.parties:
            lead = _say(N_("{day} is {what}."), chosen, day=day, what=what)
        else:
            lead = _say(
                N_("The notices of {names} are recorded as received on {day}, {what}.")
                if many
                else N_("The notice of {names} is recorded as received on {day}, {what}."),
                chosen,
                names=names,
                day=day,
                what=what,
            )
        ends = format_date(self.ends, lang=chosen)
        effect = (
            _say(N_("membership ends on {ends} either way."), chosen, ends=ends)
            if self.ends_if_next_open == self.ends
            else _say(
                N_("membership would then end on {later} instead of {ends}."),
                chosen,
                later=format_date(self.ends_if_next_open, lang=chosen),
                ends=ends,
            )
        )
        sentence = _say(
            N_(
                "{lead} A letter left in a closed office's mailbox counts as received on the "
                "next working day, {next}; {effect} What counts is the day the notice actually "
                "reached the parties (§ 130 BGB, C11); the date is not moved."
            ),
            chosen,
            lead=lead,
            next=format_date(self.next_open_day, lang=chosen),
            effect=effect,
        )
        return sentence if note is None else f"{sentence} {note}"


_receipt_check = builder(ReceiptCheck)


def check_receipt(
    received: dt.date,
    closed_days: ClosedDays,
    *,
    ends: Callable[[dt.date], dt.date],
    parties: Iterable[str] = (),
) -> ReceiptCheck:
    """Check a day of receipt against ``closed_days`` (C11, § 130 BGB).

    Args:
        received: The day the notice is recorded as received.
        closed_days: The closed days to check against.
        ends: The last day of membership for a day of receipt, such as
            `termination_date` under the agreement's terms.
        parties: The names of the parties whose notices these are.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import termination_date
        >>> receipt = check_receipt(dt.date(2024, 3, 2), ClosedDays(), ends=termination_date,
        ...                         parties=["Olfen"])
        >>> receipt.closed, receipt.next_open_day, receipt.ends == receipt.ends_if_next_open
        (True, datetime.date(2024, 3, 4), True)
    """
    check_date(received, what="received")
    _closed_days_type(closed_days)
    if not callable(ends):
        raise InvalidTypeError(
            "ends must be a function from the day of receipt to the last day of membership, "
            f"such as termination_date, got {type(ends).__name__} {shown(ends)}"
        )
    names = tuple_of(parties, str, what="parties")
    day = closed_days.check(received)
    if not day.closed:
        return _receipt_check(received=received, day=day, parties=names, ends=ends(received))
    following = closed_days.next_open_day(received)
    return _receipt_check(
        received=received,
        day=day,
        parties=names,
        ends=ends(received),
        next_open_day=following,
        ends_if_next_open=ends(following),
    )


def _warn_on_closed_receipts(
    receipts: Iterable[tuple[str, dt.date]],
    closed_days: ClosedDays,
    *,
    ends: Callable[[dt.date], dt.date],
) -> None:
    """Warn about days of receipt on closed days, one warning per day (C11).

    Issues a `ClosedDayWarning` for a closed day, and a
    `HolidaysNotCheckedWarning` for a day whose public holidays could not be
    checked, pointing at the first caller outside the package. Used by
    `Agreement.give_notice` and `Agreement.give_notices`.

    Args:
        receipts: The party's name and its day of receipt, per notice.
        closed_days: The closed days to check against.
        ends: The last day of membership for a day of receipt.
    """
    by_day: dict[dt.date, list[str]] = {}
    for name, day in receipts:
        by_day.setdefault(day, []).append(name)
    for day, names in sorted(by_day.items()):
        checked = closed_days.check(day)
        if not checked.closed and checked.gap is None:
            continue  # an open day, its holidays checked: nothing to warn of (most days)
        receipt = check_receipt(day, closed_days, ends=ends, parties=names)
        if receipt.closed:
            warning: Warning = ClosedDayWarning(receipt.describe(), receipt)
        elif receipt.day.gap is not None:
            warning = HolidaysNotCheckedWarning(receipt.describe(), receipt)
        else:
            continue
        warnings.warn(warning, stacklevel=_stacklevel())
