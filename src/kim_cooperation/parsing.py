"""Amounts, percentages, dates and years as people type them, read exactly or refused.

The command line and the scenario files take figures typed by people, in
German or English habits. Each function here reads one kind of figure into
an exact value (`~decimal.Decimal`, `datetime.date` or `int`, never a float)
or raises an error whose message names the text, says what is wrong and
how to write it. Nothing ambiguous is guessed:

* **Amounts** (`parse_amount`): ``57000``, ``57000.00`` and ``57000,00`` in
  either language; with thousands grouped, ``57.000,00`` under ``de`` and
  ``57,000.00`` under ``en``. A single separator followed by exactly three
  digits (``57.000``, ``5.000``, ``1,000``) reads as thousands in one habit
  and as a decimal in the other, so it is refused, and the message shows
  both readings and how to write each. At most two decimal places (cents);
  less than 10¹⁵ euros in magnitude. A ``€`` or ``EUR`` may be written
  before or after the number, as the reports show amounts.
* **Rates** (`parse_rate`): a percentage ``3 %``, ``3%``, ``-1,5 %`` or a
  fraction ``0.03``, ``0,03``. The bounds are -100 % and +100 %
  (inclusive); a percentage has at most 4 decimal places (``3,1415 %``), a
  fraction at most 6. A bare number of 1 or more in magnitude is refused
  (``3`` would be 300 %: "did you mean 3 %?").
* **Dates** (`parse_date`): ISO ``2024-06-30`` or German ``30.06.2024``
  (also ``1.7.2024``), in either language. An impossible day says why
  (February 2024 has no 30th); ``20240630``, two-digit years and
  ``06/30/2024`` are refused.
* **Years** (`parse_year`): 1 to 9999, in digits.

Only the ASCII digits 0 to 9 count as digits: ``٢٠٢٣`` (Arabic-Indic
digits, which Python's own `int` would accept) is refused. Texts longer than
64 characters are refused before they are read.

Errors are `~kim_cooperation.errors.InvalidValueError` (amounts and rates;
`~kim_cooperation.errors.InvalidMoneyError` for cents and size),
`~kim_cooperation.errors.InvalidDateError` (dates and years) and
`~kim_cooperation.errors.InvalidTypeError` for a value that is not a
string. A message is a catalogue text (`~kim_cooperation.errors.Phrase`):
English as ``str(error)``, German as ``error.describe("de")``, whichever
``lang`` the text was read in. ``lang`` chooses the habit a text is typed in:
which grouped thousands an amount may have, and how a message writes the
forms to type (``57.000,00`` under ``de``, ``57,000.00`` under ``en``).

Examples:
    >>> from kim_cooperation.parsing import parse_amount, parse_date, parse_rate
    >>> parse_amount("57.000,00"), parse_amount("57,000.00", lang="en")
    (Decimal('57000.00'), Decimal('57000.00'))
    >>> parse_rate("3 %"), parse_rate("0,03")
    (Decimal('0.03'), Decimal('0.03'))
    >>> parse_date("30.06.2024"), parse_date("2024-06-30")
    (datetime.date(2024, 6, 30), datetime.date(2024, 6, 30))
    >>> parse_amount("57.000", lang="en")
    Traceback (most recent call last):
    ...
    kim_cooperation.errors.InvalidValueError: '57.000' is ambiguous: €57,000 (the point grouping
    thousands) or €57.00 (a decimal point); write 57000 or 57,000.00 for €57,000, 57.00 for €57.00
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from decimal import Decimal
from typing import Final

from kim_cooperation._checks import check_lang, check_what
from kim_cooperation.errors import (
    InvalidDateError,
    InvalidMoneyError,
    InvalidTypeError,
    InvalidValueError,
    KimCooperationError,
    Phrase,
)
from kim_cooperation.formatting import MONTHS, Lang
from kim_cooperation.i18n import N_
from kim_cooperation.money import MAX_EUROS

__all__ = [
    "MAX_LENGTH",
    "MAX_PERCENT_PLACES",
    "MAX_RATE_PLACES",
    "parse_amount",
    "parse_date",
    "parse_rate",
    "parse_year",
]

MAX_LENGTH: Final = 64
"""The longest text read, in characters; longer texts are refused unread."""

MAX_PERCENT_PLACES: Final = 4
"""Decimal places a percentage may have (``3,1415 %``)."""

MAX_RATE_PLACES: Final = 6
"""Decimal places a rate written as a fraction may have (``0,031415``)."""

_MAX_WHOLE_DIGITS: Final = len(str(MAX_EUROS)) - 1  # below 10**15 euros

_SPACE: Final = "[ \u00a0\u202f]"  # space, no-break space, narrow no-break space
_AMOUNT: Final = re.compile(
    rf"(?P<sign>-?)(?P<before>€{_SPACE}?)?(?P<number>[0-9.,]+)"
    rf"(?P<after>{_SPACE}?(?:€|EUR|eur|Eur))?"
)
_GROUPED: Final = {
    ".": re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+"),
    ",": re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+"),
}
_RATE: Final = re.compile(
    rf"(?P<sign>[-+]?)(?P<whole>[0-9]+)(?:[.,](?P<places>[0-9]+))?(?P<percent>{_SPACE}*%)?"
)
_ISO: Final = re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})")
_GERMAN: Final = re.compile(r"(?P<day>[0-9]{1,2})\.(?P<month>[0-9]{1,2})\.(?P<year>[0-9]{4})")
_SHORT_YEAR: Final = re.compile(r"[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{2}")
_COMPACT: Final = re.compile(r"(?P<year>[0-9]{4})(?P<month>[0-9]{2})(?P<day>[0-9]{2})")
_SLASHES: Final = re.compile(r"[0-9]{1,4}/[0-9]{1,2}/[0-9]{1,4}")
_YEAR: Final = re.compile(r"[0-9]+")


def _check_lang(lang: object) -> Lang:
    return check_lang(lang)


def _subject(text: str, what: str | None) -> str:
    """``'57.000'``, ``--rate '57.000'``, or ``--notice Olfen='2024-02-30'`` after a ``=``."""
    shown = repr(text) if len(text) <= MAX_LENGTH else repr(text[:20] + "…")
    if what is None:
        return shown
    return f"{what}{shown}" if what.endswith("=") else f"{what} {shown}"


def _prepared(text: object, what: str | None, error: type[KimCooperationError]) -> str:
    """The text stripped of surrounding spaces, after the checks every reader makes."""
    if not isinstance(text, str):
        raise InvalidTypeError(f"{what or 'text'} must be a str, got {type(text).__name__}")
    subject = _subject(text, what)
    if len(text) > MAX_LENGTH:
        raise error(
            N_("{subject} is too long: at most {limit} characters"),
            subject=subject,
            limit=MAX_LENGTH,
        )
    for char in text:
        if char.isdigit() and not "0" <= char <= "9":
            name = unicodedata.name(char, f"U+{ord(char):04X}")
            raise error(
                N_("{subject}: only the digits 0 to 9 count, not {char} ({name})"),
                subject=subject,
                char=repr(char),
                name=name,
            )
    return text.strip()


# --------------------------------------------------------------------------- amounts


def _written(value: Decimal, lang: Lang, *, grouped: bool) -> str:
    """``value`` as typed back: ``57.000,00`` or ``57000,00`` (de), ``57,000.00`` (en)."""
    text = format(value, "f")
    sign = "-" if text.startswith("-") else ""
    whole, _, places = text.lstrip("-").partition(".")
    if grouped:
        whole = f"{int(whole):,}"
        if lang == "de":
            whole = whole.replace(",", ".")
    decimal = "," if lang == "de" else "."
    return f"{sign}{whole}{decimal}{places}" if places else f"{sign}{whole}"


def _euros(value: Decimal) -> Phrase:
    """``value`` as the reports show an amount, in the language described: ``€57,000``, ``57.000 €``.

    The places are kept as written (``5.125`` stays ``€5.125``): a reading
    of a typed text, not an amount in cents.
    """
    text = format(value, "f")
    whole, _, places = text.lstrip("-").partition(".")
    return Phrase(
        N_("{sign}€{euros:,}.{places}") if places else N_("{sign}€{euros:,}"),
        sign="-" if text.startswith("-") else "",
        euros=int(whole),
        places=places,
    )


def _in_cents(value: Decimal) -> Decimal | None:
    """``value`` with exactly two places, or ``None`` if it has fractions of a cent.

    Built from the digits, so that no decimal context can round it.
    """
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # finite: built from digits
    if exponent >= -2:
        return Decimal((sign, (*digits, *(0,) * (exponent + 2)), -2))
    extra = -2 - exponent
    if any(digits[-extra:]):
        return None
    return Decimal((sign, digits[:-extra] or (0,), -2))


def parse_amount(
    text: str, *, lang: Lang = "de", what: str | None = None, grouping: bool = True
) -> Decimal:
    """Read an amount of euros, exact to the cent, as typed in German or English habits.

    Accepted in both languages: ``57000``, ``57000.00``, ``57000,00``,
    ``-1200``, with an optional ``€`` or ``EUR``. Thousands may be grouped
    as the language writes them: ``57.000,00`` or ``1.000.000`` under
    ``de``, ``57,000.00`` or ``1,000,000`` under ``en``. Refused: a single
    separator followed by exactly three digits (``57.000``, ``1,000``),
    which one habit reads as thousands and the other as a decimal; the other
    language's grouping; more than two decimal places; 10¹⁵ euros or more.

    Args:
        text: The text typed.
        lang: The habit the text is typed in: which grouped thousands are
            read, and how a message writes the forms to type. The message
            itself is English as ``str(error)`` and German as
            ``error.describe("de")``, whatever ``lang``.
        what: How to name the value in a message, such as ``"--rate"``.
        grouping: ``False`` refuses grouped thousands (as in files, which
            do not depend on a language).

    Returns:
        The amount as a `~decimal.Decimal` with the places typed
        (``Decimal('57000')``, ``Decimal('57000.50')``).

    Raises:
        InvalidValueError: The text is not an amount, or is ambiguous.
        InvalidMoneyError: More than two decimal places, or too large.
        InvalidTypeError: ``text`` is not a string.

    Examples:
        >>> parse_amount("57000,00"), parse_amount("1.000.000"), parse_amount("€8,125.50", lang="en")
        (Decimal('57000.00'), Decimal('1000000'), Decimal('8125.50'))
        >>> parse_amount("5.000")
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidValueError: '5.000' is ambiguous: €5,000 (the point grouping
        thousands) or €5.00 (a decimal point); write 5000 or 5.000,00 for €5,000, 5,00 for €5.00

        The same message in German, as the command line shows it:

        >>> try:
        ...     parse_amount("5.000")
        ... except InvalidValueError as error:
        ...     print(error.describe("de"))
        '5.000' ist mehrdeutig: 5.000 € (Punkt als Tausendertrennzeichen) oder 5,00 € (Punkt als
        Dezimalzeichen); schreiben Sie 5000 oder 5.000,00 für 5.000 €, 5,00 für 5,00 €
        >>> parse_amount("57,000.00")
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidValueError: '57,000.00' is written the English way;
        write 57.000,00 or 57000,00
    """
    lang = _check_lang(lang)
    check_what(what)
    stripped = _prepared(text, what, InvalidValueError)
    subject = _subject(str(text), what)
    refused = InvalidValueError(
        N_("{subject} is not an amount; write it as 57000, {decimal} or {grouped}")
        if grouping
        else N_("{subject} is not an amount; write it as 57000 or {decimal}"),
        subject=subject,
        decimal=_written(Decimal("57000.00"), lang, grouped=False),
        grouped=_written(Decimal("57000.00"), lang, grouped=True),
    )
    match = _AMOUNT.fullmatch(stripped)
    if match is None or (match["before"] and match["after"]):
        raise refused
    sign, number = match["sign"], match["number"]
    if not (number[0].isdigit() and number[-1].isdigit()) or ".." in number or ",," in number:
        raise refused
    whole, places, separator, notation = _parts(number, refused)
    if notation == "ambiguous":
        ambiguous = _ambiguous(subject, (sign, whole, places, separator), lang, grouping=grouping)
        raise InvalidValueError(ambiguous)
    value = Decimal(f"{sign}{whole}.{places}" if places else f"{sign}{whole}")
    if notation is not None and not grouping:
        raise InvalidValueError(
            N_("{subject}: write it without thousands separators, as {plain}"),
            subject=subject,
            plain=_written(value, lang, grouped=False),
        )
    if notation is not None and notation != lang:
        raise InvalidValueError(
            N_("{subject} is written the German way; write {grouped} or {plain}")
            if notation == "de"
            else N_("{subject} is written the English way; write {grouped} or {plain}"),
            subject=subject,
            grouped=_written(value, lang, grouped=True),
            plain=_written(value, lang, grouped=False),
        )
    if _in_cents(value) is None:
        raise InvalidMoneyError(
            N_(
                "{subject} has fractions of a cent; amounts are exact to the cent, "
                "such as 57000.25"
            ),
            subject=subject,
        )
    if len(whole.lstrip("0")) > _MAX_WHOLE_DIGITS:
        raise InvalidMoneyError(
            N_("{subject} is too large: amounts are below {limit}"),
            subject=subject,
            limit=_euros(Decimal(MAX_EUROS)),
        )
    return value if value else value.copy_abs()  # -0 is 0


def _parts(number: str, refused: InvalidValueError) -> tuple[str, str, str, str | None]:
    """Split a number of digits, points and commas into whole part, places, separator, notation.

    The notation is ``"de"`` or ``"en"`` for grouped thousands, ``None``
    for a plain number, ``"ambiguous"`` for one separator before exactly
    three digits; the separator is the decimal one, or the grouping one of a
    number without places.
    """
    points, commas = number.count("."), number.count(",")
    if points and commas:
        decimal = "," if number.rfind(",") > number.rfind(".") else "."
        group = "." if decimal == "," else ","
        if number.count(decimal) != 1:
            raise refused
        head, places = number.split(decimal)
        if not _GROUPED[group].fullmatch(head):
            raise refused
        return head.replace(group, ""), places, decimal, "de" if decimal == "," else "en"
    if points + commas >= 2:
        group = "." if points else ","
        if not _GROUPED[group].fullmatch(number):
            raise refused
        return number.replace(group, ""), "", group, "de" if group == "." else "en"
    if points + commas == 1:
        separator = "." if points else ","
        head, places = number.split(separator)
        if len(places) == 3 and len(head) <= 3 and head[0] != "0":
            return head, places, separator, "ambiguous"
        return head, places, separator, None
    return number, "", "", None


def _ambiguous(
    subject: str, number: tuple[str, str, str, str], lang: Lang, *, grouping: bool
) -> Phrase:
    """The message for ``57.000``: both readings, and how to write each (I1 of the parser).

    The readings are amounts as the reports show them, in the language the
    message is described in; the forms to type are those ``lang`` reads.
    """
    sign, head, places, separator = number
    big = Decimal(f"{sign}{head}{places}")
    small = Decimal(f"{sign}{head}.{places}")
    small = _in_cents(small) or small  # 57.000 reads as 57.00, an amount in cents
    in_cents = small.as_tuple().exponent == -2
    if grouping and in_cents:
        template = N_("{plain} or {grouped} for {big}, {small_written} for {small}")
    elif grouping:
        template = N_("{plain} or {grouped} for {big}")
    elif in_cents:
        template = N_("{plain} for {big}, {small_written} for {small}")
    else:
        template = N_("{plain} for {big}")
    hint = Phrase(
        template,
        plain=_written(big, lang, grouped=False),
        grouped=_written(_in_cents(big) or big, lang, grouped=True),
        big=_euros(big),
        small_written=_written(small, lang, grouped=False),
        small=_euros(small),
    )
    return Phrase(
        N_(
            "{subject} is ambiguous: {big} (the point grouping thousands) or {small} "
            "(a decimal point); write {hint}"
        )
        if separator == "."
        else N_(
            "{subject} is ambiguous: {big} (the comma grouping thousands) or {small} "
            "(a decimal comma); write {hint}"
        ),
        subject=subject,
        big=_euros(big),
        small=_euros(small),
        hint=hint,
    )


# --------------------------------------------------------------------------- rates


def _exact(sign: str, whole: str, places: str, shift: int) -> Decimal:
    """The number ``sign whole.places`` times 10**shift, built exactly from its digits."""
    digits = tuple(int(digit) for digit in (whole + places).lstrip("0") or "0")
    return Decimal((1 if sign == "-" else 0, digits, shift - len(places)))


def parse_rate(text: str, *, lang: Lang = "de", what: str | None = None) -> Decimal:
    """Read a rate, such as a yearly growth, written as a percentage or as a fraction.

    A percentage carries ``%`` (``3 %``, ``3%``, ``-1,5 %``, ``+2.25 %``); a
    fraction is a bare number below 1 in magnitude (``0.03``, ``0,03``).
    Point and comma are both decimal separators here: rates are never
    grouped in thousands. The bounds are -100 % and +100 % inclusive; a
    percentage has at most `MAX_PERCENT_PLACES` decimal places, a fraction
    at most `MAX_RATE_PLACES`. A bare number of 1 or more in magnitude is
    refused with the percentage it was probably meant to be: ``3`` would be
    300 %, and ``1`` is not read as 100 % (write ``100 %``).

    Args:
        text: The text typed.
        lang: The language the text is typed in; point and comma are read
            alike in both, so it changes nothing but is checked. The message
            is English as ``str(error)`` and German as ``error.describe("de")``.
        what: How to name the value in a message, such as ``"--growth"``.

    Returns:
        The rate as an exact `~decimal.Decimal` fraction: ``Decimal('0.03')``
        for ``3 %``.

    Raises:
        InvalidValueError: Not a rate, out of bounds, too many places, or a
            bare number of 1 or more.
        InvalidTypeError: ``text`` is not a string.

    Examples:
        >>> parse_rate("3%"), parse_rate("-1,5 %"), parse_rate("0.035"), parse_rate("100 %")
        (Decimal('0.03'), Decimal('-0.015'), Decimal('0.035'), Decimal('1.00'))
        >>> parse_rate("3", lang="en", what="--growth")
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidValueError: --growth '3' would be 300 %; did you mean 3 %?
        Write percentages with %, fractions below 1 such as 0.03
        >>> try:
        ...     parse_rate("1.5", what="--growth")
        ... except InvalidValueError as error:
        ...     print(error.describe("de"))
        --growth '1.5' entspräche 150 %; meinten Sie 1,5 %? Prozentsätze bitte mit % schreiben,
        Anteile unter 1 wie 0,03
    """
    _check_lang(lang)
    check_what(what)
    stripped = _prepared(text, what, InvalidValueError)
    subject = _subject(str(text), what)
    match = _RATE.fullmatch(stripped)
    if match is None:
        raise InvalidValueError(
            N_(
                "{subject} is not a rate; write a percentage such as 3 % or 3.5 %, "
                "or a fraction such as 0.03"
            ),
            subject=subject,
        )
    sign, whole, places = match["sign"], match["whole"], match["places"] or ""
    limit = MAX_PERCENT_PLACES if match["percent"] else MAX_RATE_PLACES
    if len(places) > limit:
        raise InvalidValueError(
            N_(
                "{subject} has too many decimal places: at most {percent_places} in a "
                "percentage (3.1415 %), {rate_places} in a fraction (0.031415)"
            ),
            subject=subject,
            percent_places=MAX_PERCENT_PLACES,
            rate_places=MAX_RATE_PLACES,
        )
    if len(whole.lstrip("0")) > 3:  # more than 999: out of bounds either way
        raise InvalidValueError(N_("{subject} is outside -100 % to +100 %"), subject=subject)
    if match["percent"]:
        rate = _exact(sign, whole, places, -2)
    else:
        rate = _exact(sign, whole, places, 0)
        if abs(rate) >= 1:
            typed = f"{'-' if sign == '-' else ''}{whole}" + (f".{places}" if places else "")
            # Decimals, so that each language writes its own decimal mark (1.5 or 1,5).
            raise InvalidValueError(
                N_(
                    "{subject} would be {percent} %; did you mean {value} %? Write percentages "
                    "with %, fractions below 1 such as 0.03"
                ),
                subject=subject,
                percent=Decimal(f"{_exact(sign, whole, places, 2):f}"),
                value=Decimal(typed),
            )
    if abs(rate) > 1:
        raise InvalidValueError(N_("{subject} is outside -100 % to +100 %"), subject=subject)
    return rate if rate else rate.copy_abs()  # -0 is 0


# --------------------------------------------------------------------------- dates and years


def _no_such_day(subject: str, year: int, month: int, day: int) -> InvalidDateError:
    """``February 2024 has no 30th``: the ordinal's suffix is part of the English text."""
    last = day % 10 if not 11 <= day % 100 <= 13 else 0
    name = MONTHS[month - 1]
    return InvalidDateError(
        N_("{subject}: {month} {year} has no {day}st; it has {days} days")
        if last == 1
        else N_("{subject}: {month} {year} has no {day}nd; it has {days} days")
        if last == 2
        else N_("{subject}: {month} {year} has no {day}rd; it has {days} days")
        if last == 3
        else N_("{subject}: {month} {year} has no {day}th; it has {days} days"),
        subject=subject,
        month=Phrase(name),
        year=year,
        day=day,
        days=calendar.monthrange(year, month)[1],
    )


def _day(year: int, month: int, day: int, subject: str) -> dt.date:
    """The day, or an error that says why it does not exist."""
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise InvalidDateError(
            N_("{subject}: the year must be between 1 and 9999"), subject=subject
        )
    if not 1 <= month <= 12:
        raise InvalidDateError(
            N_("{subject}: there is no month {month}; months run from 1 to 12"),
            subject=subject,
            month=month,
        )
    if day == 0:
        raise InvalidDateError(N_("{subject}: there is no day 0"), subject=subject)
    if day > calendar.monthrange(year, month)[1]:
        raise _no_such_day(subject, year, month, day)
    return dt.date(year, month, day)


def parse_date(text: str, *, lang: Lang = "de", what: str | None = None) -> dt.date:
    """Read a day written as ISO ``2024-06-30`` or German ``30.06.2024``, in either language.

    The German form may leave out leading zeros (``1.7.2024``); the year has
    four digits. Refused: an impossible day (the message says why: February
    2024 has no 30th), ``20240630`` (digits without separators), two-digit
    years and ``06/30/2024`` (day and month could be either way round).

    Args:
        text: The text typed.
        lang: The language the text is typed in; both forms are read in
            both, so it changes nothing but is checked. The message is
            English as ``str(error)`` and German as ``error.describe("de")``.
        what: How to name the value in a message, such as ``"--received"``.

    Raises:
        InvalidDateError: Not a day, or a day that does not exist.
        InvalidTypeError: ``text`` is not a string.

    Examples:
        >>> parse_date("1.7.2024"), parse_date(" 2024-07-01 ")
        (datetime.date(2024, 7, 1), datetime.date(2024, 7, 1))
        >>> parse_date("2024-02-30", lang="en")
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidDateError: '2024-02-30': February 2024 has no 30th; it has 29 days
        >>> try:
        ...     parse_date("30.02.2023", what="--received")
        ... except InvalidDateError as error:
        ...     print(error.describe("de"))
        --received '30.02.2023': der Februar 2023 hat keinen 30. Tag, nur 28 Tage
    """
    _check_lang(lang)
    check_what(what)
    stripped = _prepared(text, what, InvalidDateError)
    subject = _subject(str(text), what)
    match = _ISO.fullmatch(stripped) or _GERMAN.fullmatch(stripped)
    if match is not None:
        return _day(int(match["year"]), int(match["month"]), int(match["day"]), subject)
    compact = _COMPACT.fullmatch(stripped)
    if compact is not None:
        year, month, day = compact["year"], compact["month"], compact["day"]
        raise InvalidDateError(
            N_("{subject}: a date without separators is not read; write {iso} or {german}"),
            subject=subject,
            iso=f"{year}-{month}-{day}",
            german=f"{day}.{month}.{year}",
        )
    if _SHORT_YEAR.fullmatch(stripped):
        raise InvalidDateError(
            N_("{subject}: write the year with four digits, such as 30.06.2024"),
            subject=subject,
        )
    if _SLASHES.fullmatch(stripped):
        raise InvalidDateError(
            N_("{subject} is ambiguous (day/month or month/day); write 2024-06-30 or 30.06.2024"),
            subject=subject,
        )
    raise InvalidDateError(
        N_("{subject} is not a date; write it as 2024-06-30 or 30.06.2024"), subject=subject
    )


def parse_year(text: str, *, lang: Lang = "de", what: str | None = None) -> int:
    """Read a year from 1 to 9999, written in the digits 0 to 9.

    The message of an error is English as ``str(error)`` and German as
    ``error.describe("de")``, whatever ``lang`` (which is checked).

    Raises:
        InvalidDateError: Not a year in digits, or outside 1 to 9999.
        InvalidTypeError: ``text`` is not a string.

    Examples:
        >>> parse_year("2026")
        2026
        >>> parse_year("٢٠٢٣", lang="en", what="--year")
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidDateError: --year '٢٠٢٣': only the digits 0 to 9 count, not '٢' (ARABIC-INDIC DIGIT TWO)
    """
    _check_lang(lang)
    check_what(what)
    stripped = _prepared(text, what, InvalidDateError)
    subject = _subject(str(text), what)
    if not _YEAR.fullmatch(stripped):
        raise InvalidDateError(
            N_("{subject} is not a year; write it in digits, such as 2026"), subject=subject
        )
    year = int(stripped) if len(stripped) <= 8 else 0  # longer is out of range anyway
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise InvalidDateError(
            N_("{subject}: the year must be between 1 and 9999"), subject=subject
        )
    return year
