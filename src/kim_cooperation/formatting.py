"""Formatting money and shares for reports, in German or English.

German reports write ``170.000 €`` and ``8.125,50 €``: a dot groups thousands,
a comma separates cents, and whole amounts show no cents, as in the council
paper. English reports write ``€170,000`` and ``€8,125.50``.

Examples:
    >>> from decimal import Decimal
    >>> from fractions import Fraction
    >>> from kim_cooperation.formatting import format_eur, format_fte
    >>> format_eur(Decimal("170000.00"))
    '170.000 €'
    >>> format_eur(Decimal("-8125.5"))
    '-8.125,50 €'
    >>> format_eur(Decimal("24375"), lang="en")
    '€24,375'
    >>> format_fte(Fraction(5, 2))
    '2,5'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Final, Literal, TypeAlias

from kim_cooperation._checks import check_date, check_int, shown, to_fraction
from kim_cooperation.errors import InvalidTypeError, InvalidValueError
from kim_cooperation.i18n import N_, translate
from kim_cooperation.money import Money, from_cents, to_cents

__all__ = [
    "MONTHS",
    "Lang",
    "format_count",
    "format_date",
    "format_eur",
    "format_eur_column",
    "format_fraction",
    "format_fte",
    "month_name",
    "terminating_places",
]

_MAX_PLACES: Final = 6

Lang: TypeAlias = Literal["de", "en"]
"""A report language: German (``"de"``) or English (``"en"``)."""

MONTHS: Final = (
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
)  # fmt: skip
"""The months' names in English, marked for the catalogue: `month_name` gives them in German."""


def _check_lang(lang: str) -> None:
    if lang not in ("de", "en"):
        raise InvalidValueError(N_("lang must be 'de' or 'en', got {value}"), value=shown(lang))


def format_eur(amount: Money | None, *, lang: Lang = "de", cents: bool | None = None) -> str:
    """Format an amount of euros.

    Args:
        amount: The amount; ``None`` gives a dash, for lines a table leaves empty.
        lang: ``"de"`` (default) or ``"en"``.
        cents: Show cents always (``True``), never (``False``, only allowed
            for whole amounts), or only when there are any (``None``, default).

    Raises:
        InvalidValueError: ``cents=False`` for an amount with cents, which
            would have to be rounded, or an unknown ``lang``.
        InvalidTypeError: ``cents`` is not ``True``, ``False`` or ``None``.

    Examples:
        >>> from decimal import Decimal
        >>> format_eur(Decimal("8125")), format_eur(Decimal("8125"), cents=True)
        ('8.125 €', '8.125,00 €')
        >>> format_eur(Decimal("10833.33"), lang="en"), format_eur(None)
        ('€10,833.33', '–')
        >>> format_eur(Decimal("10833.33"), cents=False)
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidValueError: cannot format 10833.33 without cents:
        it is not a whole amount
    """
    _check_lang(lang)
    if cents is not None and not isinstance(cents, bool):
        raise InvalidTypeError(f"cents must be True, False or None, got {shown(cents)}")
    if amount is None:
        return "–"
    total = to_cents(amount)
    euros, rest = divmod(abs(total), 100)
    if cents is False and rest:
        raise InvalidValueError(
            N_("cannot format {amount} without cents: it is not a whole amount"),
            amount=from_cents(total),
        )
    show_cents = bool(rest) if cents is None else cents
    sign = "-" if total < 0 else ""
    grouped = f"{euros:,}"
    if lang == "de":
        grouped = grouped.replace(",", ".")
        text = f"{grouped},{rest:02d}" if show_cents else grouped
        return f"{sign}{text} €"
    text = f"{grouped}.{rest:02d}" if show_cents else grouped
    return f"{sign}€{text}"


def format_eur_column(amounts: Iterable[Money | None], *, lang: Lang = "de") -> list[str]:
    """Format the amounts of one table column alike: with cents throughout if any has cents.

    A column that shows both ``6.500 €`` and ``8.485,34 €`` is hard to read
    and to add up, so one amount with cents gives every amount of the column
    cents; a column of whole amounts, such as the council paper's figures,
    keeps whole euros. Nothing is rounded. ``None`` gives a dash as in
    :func:`format_eur`.

    Args:
        amounts: The column's amounts, top to bottom.
        lang: ``"de"`` (default) or ``"en"``.

    Raises:
        InvalidTypeError: ``amounts`` is not an iterable (or is a string), or
            holds something that is not an amount or ``None``.
        InvalidValueError: An unknown ``lang``, or an amount that is not to
            the cent.

    Examples:
        >>> from decimal import Decimal
        >>> format_eur_column([Decimal("6500"), Decimal("8485.34"), None])
        ['6.500,00 €', '8.485,34 €', '–']
        >>> format_eur_column([Decimal("170000"), Decimal("8125")], lang="en")
        ['€170,000', '€8,125']
    """
    _check_lang(lang)
    if isinstance(amounts, str | bytes) or not isinstance(amounts, Iterable):
        raise InvalidTypeError(
            f"amounts must be an iterable of amounts (Decimal or None), got {shown(amounts)}"
        )
    column = list(amounts)
    cents = any(amount is not None and to_cents(amount) % 100 for amount in column)
    return [format_eur(amount, lang=lang, cents=cents) for amount in column]


def format_date(day: dt.date, *, lang: Lang = "de") -> str:
    """Format a day: ``30.06.2024`` in German, ISO ``2024-06-30`` in English.

    Examples:
        >>> import datetime as dt
        >>> format_date(dt.date(2024, 6, 30)), format_date(dt.date(2024, 6, 30), lang="en")
        ('30.06.2024', '2024-06-30')
    """
    check_date(day, what="day")
    _check_lang(lang)
    if lang == "de":
        return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"
    return day.isoformat()


def format_fte(fte: Fraction, *, lang: Lang = "de") -> str:
    """Format a full-time equivalent as a decimal number where it has one.

    Examples:
        >>> format_fte(Fraction(1, 3))
        '1/3'
        >>> format_fte(Fraction(5, 2), lang="en")
        '2.5'
    """
    fte = to_fraction(fte, what="fte")
    _check_lang(lang)
    places = terminating_places(fte.denominator)
    if places is None or places > _MAX_PLACES:
        return f"{fte.numerator}/{fte.denominator}"
    digits = str(abs(fte.numerator) * 10**places // fte.denominator).rjust(places + 1, "0")
    sign = "-" if fte < 0 else ""
    if not places:
        return sign + digits
    separator = "," if lang == "de" else "."
    return f"{sign}{digits[:-places]}{separator}{digits[-places:]}"


def format_count(count: int, *, lang: Lang = "de") -> str:
    """Format a whole number, such as a count of inhabitants, with its thousands grouped.

    Examples:
        >>> format_count(21555), format_count(21555, lang="en"), format_count(-1000)
        ('21.555', '21,555', '-1.000')
    """
    _check_lang(lang)
    if not isinstance(count, int) or isinstance(count, bool):
        raise InvalidTypeError(f"count must be an int, got {type(count).__name__} {shown(count)}")
    grouped = f"{count:,}"
    return grouped.replace(",", ".") if lang == "de" else grouped


def format_percent(rate: Decimal, *, lang: Lang = "de") -> str:
    """Format an exact rate as a percentage, without rounding: ``3 %``, ``2,5 %``.

    Examples:
        >>> from decimal import Decimal
        >>> format_percent(Decimal("0.03")), format_percent(Decimal("0.025"), lang="en")
        ('3 %', '2.5 %')
        >>> format_percent(Decimal("-0.0125"))
        '-1,25 %'
    """
    _check_lang(lang)
    if not isinstance(rate, Decimal) or not rate.is_finite():
        raise InvalidTypeError(f"rate must be a finite Decimal, got {shown(rate)}")
    sign, digits, exponent = rate.as_tuple()
    assert isinstance(exponent, int)  # finite, checked above
    shown_rate = f"{Decimal((sign, digits, exponent + 2)):f}"  # times 100, built without rounding
    if "." in shown_rate:
        shown_rate = shown_rate.rstrip("0").rstrip(".")
    return f"{shown_rate.replace('.', ',') if lang == 'de' else shown_rate} %"


def format_fraction(value: Fraction) -> str:
    """Format an exact fraction as ``numerator/denominator``, a whole number without one.

    Shares of a split key and weights of spans are shown this way in both
    languages, so that an auditor can recompute them exactly (I9, I10).

    Examples:
        >>> format_fraction(Fraction(10, 27)), format_fraction(Fraction(3, 12)), format_fraction(Fraction(2))
        ('10/27', '1/4', '2')
    """
    if not isinstance(value, Fraction):
        raise InvalidTypeError(
            f"value must be a Fraction, got {type(value).__name__} {shown(value)}"
        )
    if value.denominator == 1:
        return str(value.numerator)
    return f"{value.numerator}/{value.denominator}"


def terminating_places(denominator: int) -> int | None:
    """Return the decimal places of ``1 / denominator`` if it terminates, else ``None``.

    Examples:
        >>> terminating_places(8), terminating_places(3)
        (3, None)
    """
    if check_int(denominator, what="denominator") < 1:
        raise InvalidValueError(
            N_("denominator must be positive, got {value}"), value=shown(denominator)
        )
    twos = fives = 0
    while denominator % 2 == 0:
        denominator //= 2
        twos += 1
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    return max(twos, fives) if denominator == 1 else None


def month_name(month: int, *, lang: Lang = "de") -> str:
    """The name of ``month`` (1 to 12) in ``lang``, from the catalogue.

    Raises:
        InvalidTypeError: ``month`` is not an int.
        InvalidValueError: ``month`` is not 1 to 12, or ``lang`` is neither ``"de"`` nor ``"en"``.

    Examples:
        >>> month_name(3), month_name(3, lang="en")
        ('März', 'March')
    """
    check_int(month, what="month")
    _check_lang(lang)
    if not 1 <= month <= 12:
        raise InvalidValueError(N_("month must be from 1 to 12, got {value}"), value=shown(month))
    return translate(MONTHS[month - 1], lang)


def _grid(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Lay out a plain-text table: the first column left-aligned, the others right, two spaces apart.

    Each line is indented by two spaces; trailing spaces are cut.

    Examples:
        >>> for line in _grid(["Town", "2023"], [["Olfen", "6.500 €"]]):
        ...     print(line)
          Town      2023
          Olfen  6.500 €
    """
    widths = [max(len(row[index]) for row in [headers, *rows]) for index in range(len(headers))]
    return [
        "  "
        + "  ".join(
            cell.ljust(width) if index == 0 else cell.rjust(width)
            for index, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in [headers, *rows]
    ]
