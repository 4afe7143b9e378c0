"""Amounts, percentages, dates and years as people type them, read exactly or refused.

The command line and the scenario files take figures typed by people, in
German or English habits. Each function here reads one kind of figure into
an exact value (`~decimal.Decimal`, `datetime.date` or `int`, never a float)
or raises an error whose message, in the chosen language, names the text,
says what is wrong and how to write it. Nothing ambiguous is guessed:

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
string.

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
from collections.abc import Mapping
from decimal import Decimal
from typing import Final

from kim_cooperation._checks import check_lang, check_what
from kim_cooperation.errors import (
    InvalidDateError,
    InvalidMoneyError,
    InvalidTypeError,
    InvalidValueError,
)
from kim_cooperation.formatting import Lang
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

_MONTHS: Final[Mapping[Lang, tuple[str, ...]]] = {
    "de": (
        "Januar", "Februar", "März", "April", "Mai", "Juni",
        "Juli", "August", "September", "Oktober", "November", "Dezember",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip

_MESSAGES: Final[Mapping[Lang, Mapping[str, str]]] = {
    "de": {
        "not_text": "{what} muss ein Text (str) sein, nicht {kind}",
        "too_long": "{subject} ist zu lang: höchstens {limit} Zeichen",
        "digits": "{subject}: nur die Ziffern 0 bis 9 gelten, nicht {char!r} ({name})",
        "amount": "{subject} ist kein Betrag; schreiben Sie ihn etwa als {examples}",
        "amount_examples": "57000, 57000,00 oder 57.000,00",
        "amount_examples_plain": "57000 oder 57000,00",
        "ambiguous": (
            "{subject} ist mehrdeutig: {big} ({separator} als Tausendertrennzeichen) oder "
            "{small} ({separator} als Dezimalzeichen); schreiben Sie {hint}"
        ),
        "ambiguous_hint": "{plain} oder {grouped} für {big}",
        "ambiguous_hint_plain": "{plain} für {big}",
        "ambiguous_small": ", {small_written} für {small}",
        "point": "Punkt",
        "comma": "Komma",
        "foreign": "{subject} ist englische Schreibweise; schreiben Sie {grouped} oder {plain}",
        "ungrouped": "{subject}: bitte ohne Tausendertrennzeichen schreiben, also {plain}",
        "cents": (
            "{subject} enthält Bruchteile eines Cents; Beträge sind auf den Cent genau, "
            "etwa 57000,25"
        ),
        "too_large": "{subject} ist zu groß: Beträge liegen unter {limit}",
        "rate": (
            "{subject} ist kein Satz; schreiben Sie einen Prozentsatz wie 3 % oder 3,5 % "
            "oder einen Anteil wie 0,03"
        ),
        "rate_bare": (
            "{subject} entspräche {percent} %; meinten Sie {value} %? Prozentsätze bitte mit % "
            "schreiben, Anteile unter 1 wie 0,03"
        ),
        "rate_bounds": "{subject} liegt außerhalb von -100 % bis +100 %",
        "rate_places": (
            "{subject} hat zu viele Nachkommastellen: höchstens {percent_places} bei einem "
            "Prozentsatz (3,1415 %), {rate_places} bei einem Anteil (0,031415)"
        ),
        "date": "{subject} ist kein Datum; schreiben Sie es als 30.06.2024 oder 2024-06-30",
        "date_compact": (
            "{subject}: ein Datum ohne Trennzeichen wird nicht gelesen; schreiben Sie "
            "{german} oder {iso}"
        ),
        "date_short_year": (
            "{subject}: bitte das Jahr mit vier Ziffern schreiben, etwa 30.06.2024"
        ),
        "date_slashes": (
            "{subject} ist mehrdeutig (Tag/Monat oder Monat/Tag); schreiben Sie 30.06.2024 "
            "oder 2024-06-30"
        ),
        "no_month": "{subject}: einen Monat {month} gibt es nicht; Monate gehen von 1 bis 12",
        "no_day_zero": "{subject}: einen Tag 0 gibt es nicht",
        "no_day": "{subject}: der {month} {year} hat keinen {day}. Tag, nur {days} Tage",
        "year_range": "{subject}: das Jahr muss zwischen 1 und 9999 liegen",
        "year": "{subject} ist kein Jahr; schreiben Sie es mit Ziffern, etwa 2026",
        "text": "Text",
    },
    "en": {
        "not_text": "{what} must be a str, got {kind}",
        "too_long": "{subject} is too long: at most {limit} characters",
        "digits": "{subject}: only the digits 0 to 9 count, not {char!r} ({name})",
        "amount": "{subject} is not an amount; write it as {examples}",
        "amount_examples": "57000, 57000.00 or 57,000.00",
        "amount_examples_plain": "57000 or 57000.00",
        "ambiguous": (
            "{subject} is ambiguous: {big} (the {separator} grouping thousands) or {small} "
            "(a decimal {separator}); write {hint}"
        ),
        "ambiguous_hint": "{plain} or {grouped} for {big}",
        "ambiguous_hint_plain": "{plain} for {big}",
        "ambiguous_small": ", {small_written} for {small}",
        "point": "point",
        "comma": "comma",
        "foreign": "{subject} is written the German way; write {grouped} or {plain}",
        "ungrouped": "{subject}: write it without thousands separators, as {plain}",
        "cents": (
            "{subject} has fractions of a cent; amounts are exact to the cent, such as 57000.25"
        ),
        "too_large": "{subject} is too large: amounts are below {limit}",
        "rate": (
            "{subject} is not a rate; write a percentage such as 3 % or 3.5 %, or a fraction "
            "such as 0.03"
        ),
        "rate_bare": (
            "{subject} would be {percent} %; did you mean {value} %? Write percentages with %, "
            "fractions below 1 such as 0.03"
        ),
        "rate_bounds": "{subject} is outside -100 % to +100 %",
        "rate_places": (
            "{subject} has too many decimal places: at most {percent_places} in a percentage "
            "(3.1415 %), {rate_places} in a fraction (0.031415)"
        ),
        "date": "{subject} is not a date; write it as 2024-06-30 or 30.06.2024",
        "date_compact": (
            "{subject}: a date without separators is not read; write {iso} or {german}"
        ),
        "date_short_year": "{subject}: write the year with four digits, such as 30.06.2024",
        "date_slashes": (
            "{subject} is ambiguous (day/month or month/day); write 2024-06-30 or 30.06.2024"
        ),
        "no_month": "{subject}: there is no month {month}; months run from 1 to 12",
        "no_day_zero": "{subject}: there is no day 0",
        "no_day": "{subject}: {month} {year} has no {day}; it has {days} days",
        "year_range": "{subject}: the year must be between 1 and 9999",
        "year": "{subject} is not a year; write it in digits, such as 2026",
        "text": "text",
    },
}


def _say(lang: Lang, key: str, /, **fields: object) -> str:
    return _MESSAGES[lang][key].format(**fields)


def _check_lang(lang: object) -> Lang:
    return check_lang(lang)


def _subject(text: str, what: str | None) -> str:
    """``'57.000'``, ``--rate '57.000'``, or ``--notice Olfen='2024-02-30'`` after a ``=``."""
    shown = repr(text) if len(text) <= MAX_LENGTH else repr(text[:20] + "…")
    if what is None:
        return shown
    return f"{what}{shown}" if what.endswith("=") else f"{what} {shown}"


def _prepared(text: object, what: str | None, lang: Lang, error: type[Exception]) -> str:
    """The text stripped of surrounding spaces, after the checks every reader makes."""
    if not isinstance(text, str):
        raise InvalidTypeError(
            _say(lang, "not_text", what=what or _say(lang, "text"), kind=type(text).__name__)
        )
    subject = _subject(text, what)
    if len(text) > MAX_LENGTH:
        raise error(_say(lang, "too_long", subject=subject, limit=MAX_LENGTH))
    for char in text:
        if char.isdigit() and not "0" <= char <= "9":
            name = unicodedata.name(char, f"U+{ord(char):04X}")
            raise error(_say(lang, "digits", subject=subject, char=char, name=name))
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


def _euros(value: Decimal, lang: Lang) -> str:
    """``value`` as an amount the reports would show: ``57.000 €`` or ``€57,000``."""
    written = _written(value, lang, grouped=True)
    if lang == "de":
        return f"{written} €"
    return f"-€{written[1:]}" if written.startswith("-") else f"€{written}"


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
        lang: The language of the messages and of grouped thousands.
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
        kim_cooperation.errors.InvalidValueError: '5.000' ist mehrdeutig: 5.000 € (Punkt als
        Tausendertrennzeichen) oder 5,00 € (Punkt als Dezimalzeichen); schreiben Sie 5000 oder
        5.000,00 für 5.000 €, 5,00 für 5,00 €
        >>> parse_amount("57,000.00")
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidValueError: '57,000.00' ist englische Schreibweise;
        schreiben Sie 57.000,00 oder 57000,00
    """
    lang = _check_lang(lang)
    check_what(what)
    stripped = _prepared(text, what, lang, InvalidValueError)
    subject = _subject(str(text), what)
    examples = _say(lang, "amount_examples" if grouping else "amount_examples_plain")
    refused = InvalidValueError(_say(lang, "amount", subject=subject, examples=examples))
    match = _AMOUNT.fullmatch(stripped)
    if match is None or (match["before"] and match["after"]):
        raise refused
    sign, number = match["sign"], match["number"]
    if not (number[0].isdigit() and number[-1].isdigit()) or ".." in number or ",," in number:
        raise refused
    whole, places, separator, notation = _parts(number, refused)
    if notation == "ambiguous":
        raise InvalidValueError(
            _ambiguous(subject, (sign, whole, places, separator), lang, grouping=grouping)
        )
    value = Decimal(f"{sign}{whole}.{places}" if places else f"{sign}{whole}")
    if notation is not None and not grouping:
        plain = _written(value, lang, grouped=False)
        raise InvalidValueError(_say(lang, "ungrouped", subject=subject, plain=plain))
    if notation is not None and notation != lang:
        plain = _written(value, lang, grouped=False)
        grouped = _written(value, lang, grouped=True)
        raise InvalidValueError(
            _say(lang, "foreign", subject=subject, grouped=grouped, plain=plain)
        )
    if _in_cents(value) is None:
        raise InvalidMoneyError(_say(lang, "cents", subject=subject))
    if len(whole.lstrip("0")) > _MAX_WHOLE_DIGITS:
        limit = _euros(Decimal(MAX_EUROS), lang)
        raise InvalidMoneyError(_say(lang, "too_large", subject=subject, limit=limit))
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
) -> str:
    """The message for ``57.000``: both readings, and how to write each (I1 of the parser)."""
    sign, head, places, separator = number
    big = Decimal(f"{sign}{head}{places}")
    small = Decimal(f"{sign}{head}.{places}")
    small = _in_cents(small) or small  # 57.000 reads as 57.00, an amount in cents
    fields = {"plain": _written(big, lang, grouped=False), "big": _euros(big, lang)}
    if grouping:
        grouped = _written(_in_cents(big) or big, lang, grouped=True)
        hint = _say(lang, "ambiguous_hint", grouped=grouped, **fields)
    else:
        hint = _say(lang, "ambiguous_hint_plain", **fields)
    if small.as_tuple().exponent == -2:
        written = _written(small, lang, grouped=False)
        hint += _say(lang, "ambiguous_small", small_written=written, small=_euros(small, lang))
    return _say(
        lang,
        "ambiguous",
        subject=subject,
        big=fields["big"],
        small=_euros(small, lang),
        separator=_say(lang, "point" if separator == "." else "comma"),
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
        lang: The language of the messages.
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
    """
    lang = _check_lang(lang)
    check_what(what)
    stripped = _prepared(text, what, lang, InvalidValueError)
    subject = _subject(str(text), what)
    match = _RATE.fullmatch(stripped)
    if match is None:
        raise InvalidValueError(_say(lang, "rate", subject=subject))
    sign, whole, places = match["sign"], match["whole"], match["places"] or ""
    limit = MAX_PERCENT_PLACES if match["percent"] else MAX_RATE_PLACES
    if len(places) > limit:
        raise InvalidValueError(
            _say(
                lang,
                "rate_places",
                subject=subject,
                percent_places=MAX_PERCENT_PLACES,
                rate_places=MAX_RATE_PLACES,
            )
        )
    if len(whole.lstrip("0")) > 3:  # more than 999: out of bounds either way
        raise InvalidValueError(_say(lang, "rate_bounds", subject=subject))
    if match["percent"]:
        rate = _exact(sign, whole, places, -2)
    else:
        rate = _exact(sign, whole, places, 0)
        if abs(rate) >= 1:
            typed = stripped.lstrip("+")
            decimal = "," if lang == "de" else "."
            shown = f"{_exact(sign, whole, places, 2):f}".replace(".", decimal)
            return_hint = typed.replace(".", decimal).replace(",", decimal)
            raise InvalidValueError(
                _say(lang, "rate_bare", subject=subject, percent=shown, value=return_hint)
            )
    if abs(rate) > 1:
        raise InvalidValueError(_say(lang, "rate_bounds", subject=subject))
    return rate if rate else rate.copy_abs()  # -0 is 0


# --------------------------------------------------------------------------- dates and years


def _ordinal(day: int) -> str:
    if 11 <= day % 100 <= 13:
        return f"{day}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _day(year: int, month: int, day: int, subject: str, lang: Lang) -> dt.date:
    """The day, or an error that says why it does not exist."""
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise InvalidDateError(_say(lang, "year_range", subject=subject))
    if not 1 <= month <= 12:
        raise InvalidDateError(_say(lang, "no_month", subject=subject, month=month))
    if day == 0:
        raise InvalidDateError(_say(lang, "no_day_zero", subject=subject))
    days = calendar.monthrange(year, month)[1]
    if day > days:
        shown = str(day) if lang == "de" else _ordinal(day)
        month_name = _MONTHS[lang][month - 1]
        raise InvalidDateError(
            _say(
                lang, "no_day", subject=subject, month=month_name, year=year, day=shown, days=days
            )
        )
    return dt.date(year, month, day)


def parse_date(text: str, *, lang: Lang = "de", what: str | None = None) -> dt.date:
    """Read a day written as ISO ``2024-06-30`` or German ``30.06.2024``, in either language.

    The German form may leave out leading zeros (``1.7.2024``); the year has
    four digits. Refused: an impossible day (the message says why: February
    2024 has no 30th), ``20240630`` (digits without separators), two-digit
    years and ``06/30/2024`` (day and month could be either way round).

    Args:
        text: The text typed.
        lang: The language of the messages.
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
        >>> parse_date("30.02.2023", what="--received")
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidDateError: --received '30.02.2023': der Februar 2023 hat keinen 30. Tag, nur 28 Tage
    """
    lang = _check_lang(lang)
    check_what(what)
    stripped = _prepared(text, what, lang, InvalidDateError)
    subject = _subject(str(text), what)
    match = _ISO.fullmatch(stripped) or _GERMAN.fullmatch(stripped)
    if match is not None:
        return _day(int(match["year"]), int(match["month"]), int(match["day"]), subject, lang)
    compact = _COMPACT.fullmatch(stripped)
    if compact is not None:
        year, month, day = compact["year"], compact["month"], compact["day"]
        raise InvalidDateError(
            _say(
                lang,
                "date_compact",
                subject=subject,
                iso=f"{year}-{month}-{day}",
                german=f"{day}.{month}.{year}",
            )
        )
    if _SHORT_YEAR.fullmatch(stripped):
        raise InvalidDateError(_say(lang, "date_short_year", subject=subject))
    if _SLASHES.fullmatch(stripped):
        raise InvalidDateError(_say(lang, "date_slashes", subject=subject))
    raise InvalidDateError(_say(lang, "date", subject=subject))


def parse_year(text: str, *, lang: Lang = "de", what: str | None = None) -> int:
    """Read a year from 1 to 9999, written in the digits 0 to 9.

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
    lang = _check_lang(lang)
    check_what(what)
    stripped = _prepared(text, what, lang, InvalidDateError)
    subject = _subject(str(text), what)
    if not _YEAR.fullmatch(stripped):
        raise InvalidDateError(_say(lang, "year", subject=subject))
    year = int(stripped) if len(stripped) <= 8 else 0  # longer is out of range anyway
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise InvalidDateError(_say(lang, "year_range", subject=subject))
    return year
