"""Amounts, rates, dates and years as people type them: read exactly, or refused with a reason."""

from __future__ import annotations

import calendar
import datetime as dt
import sys
import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kim_cooperation.errors import (
    InvalidDateError,
    InvalidMoneyError,
    InvalidTypeError,
    InvalidValueError,
    KimCooperationError,
)
from kim_cooperation.formatting import Lang, format_date, format_eur
from kim_cooperation.money import MAX_EUROS
from kim_cooperation.parsing import (
    MAX_LENGTH,
    parse_amount,
    parse_date,
    parse_rate,
    parse_year,
)

LANGS: list[Lang] = ["de", "en"]

cents = st.integers(min_value=-(MAX_EUROS * 100 - 1), max_value=MAX_EUROS * 100 - 1)
amounts = cents.map(lambda value: Decimal(value).scaleb(-2))
langs = st.sampled_from(LANGS)
days = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))

# Every decimal digit of other scripts (which Python's own int() and Decimal() read as
# digits), by its value: drawn from directly, as filtering all characters for one
# digit value rejects too much for Hypothesis' health check.
FOREIGN_BY_VALUE: dict[int, list[str]] = {}
for _code in range(sys.maxunicode + 1):
    _char = chr(_code)
    if unicodedata.category(_char) == "Nd" and not "0" <= _char <= "9":
        FOREIGN_BY_VALUE.setdefault(unicodedata.digit(_char), []).append(_char)


def _exactly(value: Decimal, expected: Decimal) -> None:
    assert type(value) is Decimal
    assert value == expected


# --------------------------------------------------------------------------- amounts


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("57000", "de", "57000"),
        ("57000", "en", "57000"),
        ("57000.00", "de", "57000.00"),
        ("57000.00", "en", "57000.00"),
        ("57000,00", "de", "57000.00"),
        ("57000,00", "en", "57000.00"),
        ("57.000,00", "de", "57000.00"),
        ("57,000.00", "en", "57000.00"),
        ("1.000.000", "de", "1000000"),
        ("1,000,000", "en", "1000000"),
        ("57.000,5", "de", "57000.50"),
        ("0,50", "de", "0.50"),
        ("0.500", "en", "0.50"),  # a leading 0 is never a group of thousands
        ("57000.000", "de", "57000"),  # more places, but whole cents
        ("-1200", "de", "-1200"),
        ("-0", "de", "0"),
        ("8.125,50 €", "de", "8125.50"),
        ("8.125,00 EUR", "de", "8125.00"),
        ("1.008.125 €", "de", "1008125"),
        ("€8,125.50", "en", "8125.50"),
        ("-€8,125.50", "en", "-8125.50"),
        ("  4000 ", "en", "4000"),
    ],
)
def test_amounts_that_are_read(text: str, lang: Lang, expected: str) -> None:
    _exactly(parse_amount(text, lang=lang), Decimal(expected))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("text", "big", "small"),
    [
        ("57.000", "57", "57"),
        ("5.000", "5", "5"),
        ("1,000", "1", "1"),
        ("-57.000", "-57", "-57"),
    ],
)
def test_a_separator_before_three_digits_is_ambiguous(
    text: str, big: str, small: str, lang: Lang
) -> None:
    with pytest.raises(InvalidValueError) as caught:
        parse_amount(text, lang=lang, what="--rate")
    message = caught.value.describe(lang)
    thousands = Decimal(big) * 1000
    assert message.startswith(f"--rate {text!r} ")
    assert "mehrdeutig" in message if lang == "de" else "ambiguous" in message
    # Both readings, as the reports write amounts, and how to write each.
    assert format_eur(thousands, lang=lang) in message
    assert format_eur(Decimal(small), lang=lang, cents=True) in message
    assert format_eur(thousands, lang=lang, cents=True).replace("€", "").strip() in message


def test_the_ambiguous_message_in_full() -> None:
    with pytest.raises(InvalidValueError) as caught:
        parse_amount("5.000", lang="de", what="--advance Billerbeck=")
    assert caught.value.describe("de") == (
        "--advance Billerbeck='5.000' ist mehrdeutig: 5.000 € (Punkt als "
        "Tausendertrennzeichen) oder 5,00 € (Punkt als Dezimalzeichen); schreiben Sie 5000 oder "
        "5.000,00 für 5.000 €, 5,00 für 5,00 €"
    )
    # English as str(), whatever the language the amount was typed in; the forms to type
    # stay those that language reads.
    assert str(caught.value) == (
        "--advance Billerbeck='5.000' is ambiguous: €5,000 (the point grouping thousands) or "
        "€5.00 (a decimal point); write 5000 or 5.000,00 for €5,000, 5,00 for €5.00"
    )
    with pytest.raises(InvalidValueError) as caught:
        parse_amount("1,000", lang="en")
    assert str(caught.value) == (
        "'1,000' is ambiguous: €1,000 (the comma grouping thousands) or €1.00 (a decimal "
        "comma); write 1000 or 1,000.00 for €1,000, 1.00 for €1.00"
    )


@pytest.mark.parametrize(
    ("text", "lang", "error", "says"),
    [
        ("57,000.00", "de", InvalidValueError, "englische Schreibweise; schreiben Sie 57.000,00"),
        ("57.000,00", "en", InvalidValueError, "written the German way; write 57,000.00"),
        ("1.000.000", "en", InvalidValueError, "written the German way"),
        ("57000.005", "de", InvalidMoneyError, "Bruchteile eines Cents"),
        ("57000,005", "en", InvalidMoneyError, "fractions of a cent"),
        ("5.125", "de", InvalidValueError, "mehrdeutig"),  # 5125 or 5.125 (not in cents)
        ("57k", "de", InvalidValueError, "ist kein Betrag"),
        ("NaN", "en", InvalidValueError, "is not an amount"),
        ("Infinity", "en", InvalidValueError, "is not an amount"),
        ("1e5", "en", InvalidValueError, "is not an amount"),
        ("57 000", "de", InvalidValueError, "ist kein Betrag"),
        ("57..000", "de", InvalidValueError, "ist kein Betrag"),
        ("57000.", "en", InvalidValueError, "is not an amount"),
        (".50", "en", InvalidValueError, "is not an amount"),
        ("5700.000,00", "de", InvalidValueError, "ist kein Betrag"),  # a group of four
        ("€57000 €", "de", InvalidValueError, "ist kein Betrag"),
        ("", "de", InvalidValueError, "ist kein Betrag"),
        ("9" * 16, "de", InvalidMoneyError, "zu groß"),
        ("9" * (MAX_LENGTH + 1), "en", InvalidValueError, "too long"),
    ],
)
def test_amounts_that_are_refused(
    text: str, lang: Lang, error: type[Exception], says: str
) -> None:
    with pytest.raises(error) as caught:
        parse_amount(text, lang=lang)
    assert isinstance(caught.value, KimCooperationError)
    assert says in caught.value.describe(lang)


def test_files_take_no_thousands_separators() -> None:
    with pytest.raises(InvalidValueError, match=r"without thousands separators, as 57000\.00"):
        parse_amount("57,000.00", lang="en", grouping=False)
    with pytest.raises(InvalidValueError) as caught:
        parse_amount("57.000", lang="de", grouping=False)
    assert "schreiben Sie 57000 für 57.000 €, 57,00 für 57,00 €" in caught.value.describe("de")
    assert parse_amount("57000,00", lang="en", grouping=False) == Decimal("57000.00")


@settings(max_examples=200)
@given(amount=amounts, lang=langs)
def test_an_amount_as_the_reports_write_it_with_cents_reads_back(
    amount: Decimal, lang: Lang
) -> None:
    _exactly(parse_amount(format_eur(amount, lang=lang, cents=True), lang=lang), amount)


@settings(max_examples=200)
@given(amount=amounts, lang=langs, comma=st.booleans())
def test_an_amount_without_grouping_reads_back_in_either_language(
    amount: Decimal, lang: Lang, comma: bool
) -> None:
    text = f"{amount:f}"
    _exactly(parse_amount(text.replace(".", ",") if comma else text, lang=lang), amount)


@given(euros=st.integers(min_value=1, max_value=999), sign=st.sampled_from([1, -1]), lang=langs)
def test_whole_thousands_as_the_reports_write_them_are_refused(
    euros: int, sign: int, lang: Lang
) -> None:
    # "8.125 €" is how a report writes a whole amount, and it cannot be read back unambiguously.
    shown = format_eur(Decimal(sign * (euros * 1000 + 125)), lang=lang)
    with pytest.raises(InvalidValueError) as caught:
        parse_amount(shown, lang=lang)
    assert ("mehrdeutig" if lang == "de" else "ambiguous") in caught.value.describe(lang)


@given(amount=amounts, lang=langs, data=st.data())
def test_a_digit_of_another_script_is_refused(
    amount: Decimal, lang: Lang, data: st.DataObject
) -> None:
    text = format_eur(amount, lang=lang, cents=True)
    positions = [index for index, char in enumerate(text) if "0" <= char <= "9"]
    index = data.draw(st.sampled_from(positions))
    foreign = data.draw(st.sampled_from(FOREIGN_BY_VALUE[int(text[index])]))
    with pytest.raises(InvalidValueError) as caught:
        parse_amount(text[:index] + foreign + text[index + 1 :], lang=lang)
    assert repr(foreign) in str(caught.value)


@settings(max_examples=300)
@given(text=st.text(max_size=80), lang=langs)
def test_any_text_is_read_or_refused_by_the_library(text: str, lang: Lang) -> None:
    for parse in (parse_amount, parse_rate, parse_date, parse_year):
        try:
            value = parse(text, lang=lang)
        except KimCooperationError:
            continue
        assert type(value) in (Decimal, dt.date, int)


@pytest.mark.parametrize("parse", [parse_amount, parse_rate, parse_date, parse_year])
def test_only_strings_are_read(parse: object) -> None:
    assert callable(parse)
    for value in (57000, 57000.0, None, b"57000"):
        with pytest.raises(InvalidTypeError):
            parse(value)
    with pytest.raises(InvalidValueError, match="lang must be 'de' or 'en'"):
        parse("1", lang="fr")


# --------------------------------------------------------------------------- rates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3%", "0.03"),
        ("3 %", "0.03"),
        ("3\u00a0%", "0.03"),
        ("+3 %", "0.03"),
        ("3,5 %", "0.035"),
        ("3.5 %", "0.035"),
        ("3,1415 %", "0.031415"),
        ("0.03", "0.03"),
        ("0,03", "0.03"),
        ("0.031415", "0.031415"),
        ("-0,02", "-0.02"),
        ("-1,5 %", "-0.015"),
        ("0", "0"),
        ("-0", "0"),
        ("100 %", "1"),
        ("-100 %", "-1"),
    ],
)
@pytest.mark.parametrize("lang", LANGS)
def test_rates_that_are_read(text: str, expected: str, lang: Lang) -> None:
    _exactly(parse_rate(text, lang=lang), Decimal(expected))


@pytest.mark.parametrize(
    ("text", "lang", "says"),
    [
        ("3", "de", "'3' entspräche 300 %; meinten Sie 3 %?"),
        ("3", "en", "'3' would be 300 %; did you mean 3 %?"),
        ("1", "en", "'1' would be 100 %; did you mean 1 %?"),
        ("1.5", "de", "entspräche 150 %; meinten Sie 1,5 %?"),
        ("-3", "en", "would be -300 %; did you mean -3 %?"),
        ("101 %", "de", "außerhalb von -100 % bis +100 %"),
        ("-100.5 %", "en", "outside -100 % to +100 %"),
        ("1000000 %", "en", "outside -100 % to +100 %"),
        ("3,14159 %", "de", "höchstens 4 bei einem Prozentsatz"),
        ("0.0314159", "en", "at most 4 in a percentage (3.1415 %), 6 in a fraction"),
        ("3 % %", "en", "is not a rate"),
        ("drei Prozent", "de", "ist kein Satz"),
        ("1.000,5 %", "de", "ist kein Satz"),
        ("٣ %", "en", "only the digits 0 to 9 count"),
    ],
)
def test_rates_that_are_refused(text: str, lang: Lang, says: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        parse_rate(text, lang=lang)
    assert says in caught.value.describe(lang)


percents = st.decimals(
    min_value=Decimal(-100), max_value=Decimal(100), places=4, allow_nan=False
).map(lambda value: value.normalize() if value else Decimal(0))


@given(percent=percents, lang=langs, space=st.sampled_from(["", " ", "\u202f"]))
def test_a_percentage_reads_as_its_hundredth(percent: Decimal, lang: Lang, space: str) -> None:
    text = f"{percent:f}"
    if lang == "de":
        text = text.replace(".", ",")
    _exactly(parse_rate(f"{text}{space}%", lang=lang), percent / 100)


@given(
    rate=st.decimals(
        min_value=Decimal("-0.999999"), max_value=Decimal("0.999999"), places=6, allow_nan=False
    ),
    lang=langs,
)
def test_a_fraction_below_one_reads_as_itself(rate: Decimal, lang: Lang) -> None:
    _exactly(parse_rate(f"{rate:f}", lang=lang), rate)


@given(whole=st.integers(min_value=1, max_value=999), lang=langs)
def test_a_bare_number_of_one_or_more_asks_for_percent(whole: int, lang: Lang) -> None:
    with pytest.raises(InvalidValueError) as caught:
        parse_rate(str(whole), lang=lang)
    asked = "meinten Sie" if lang == "de" else "did you mean"
    assert f"{asked} {whole} %?" in caught.value.describe(lang)


# --------------------------------------------------------------------------- dates and years


@given(day=days, lang=langs)
def test_a_day_as_the_reports_write_it_reads_back(day: dt.date, lang: Lang) -> None:
    assert parse_date(format_date(day, lang=lang), lang=lang) == day
    # Both forms are read in either language.
    assert parse_date(day.isoformat(), lang=lang) == day
    assert parse_date(f"{day.day}.{day.month}.{day.year:04d}", lang=lang) == day


@given(day=days, lang=langs)
def test_digits_without_separators_are_refused_with_both_forms(day: dt.date, lang: Lang) -> None:
    compact = day.strftime("%Y%m%d") if day.year >= 1000 else f"{day.year:04d}{day:%m%d}"
    with pytest.raises(InvalidDateError) as caught:
        parse_date(compact, lang=lang)
    assert day.isoformat() in str(caught.value)
    assert format_date(day, lang="de") in str(caught.value)


@given(year=st.integers(1, 9999), month=st.integers(1, 12), extra=st.integers(1, 3), lang=langs)
def test_a_day_a_month_does_not_have_says_why(
    year: int, month: int, extra: int, lang: Lang
) -> None:
    days_in_month = calendar.monthrange(year, month)[1]
    day = days_in_month + extra
    if day > 31:  # no month has more than 31 days, so the text is refused otherwise
        return
    with pytest.raises(InvalidDateError) as caught:
        parse_date(f"{year:04d}-{month:02d}-{day:02d}", lang=lang)
    expected = (
        f"hat keinen {day}. Tag, nur {days_in_month} Tage"
        if lang == "de"
        else f"it has {days_in_month} days"
    )
    assert expected in caught.value.describe(lang)


@pytest.mark.parametrize(
    ("text", "lang", "message"),
    [
        (
            "2024-02-30",
            "en",
            "--received '2024-02-30': February 2024 has no 30th; it has 29 days",
        ),
        (
            "31.04.2025",
            "de",
            "--received '31.04.2025': der April 2025 hat keinen 31. Tag, nur 30 Tage",
        ),
        ("2023-02-29", "en", "--received '2023-02-29': February 2023 has no 29th; it has 28 days"),
        (
            "2024-13-01",
            "en",
            "--received '2024-13-01': there is no month 13; months run from 1 to 12",
        ),
        ("00.01.2024", "de", "--received '00.01.2024': einen Tag 0 gibt es nicht"),
        ("0000-01-01", "en", "--received '0000-01-01': the year must be between 1 and 9999"),
        (
            "20240630",
            "de",
            "--received '20240630': ein Datum ohne Trennzeichen wird nicht gelesen; schreiben "
            "Sie 30.06.2024 oder 2024-06-30",
        ),
        (
            "30.06.24",
            "en",
            "--received '30.06.24': write the year with four digits, such as 30.06.2024",
        ),
        (
            "06/30/2024",
            "en",
            "--received '06/30/2024' is ambiguous (day/month or month/day); write 2024-06-30 or "
            "30.06.2024",
        ),
        ("morgen", "de", "--received 'morgen' ist kein Datum; schreiben Sie es als 30.06.2024"),
        ("2024-6-30", "en", "--received '2024-6-30' is not a date"),
        ("٢٠٢٤-٠٦-٣٠", "en", "only the digits 0 to 9 count, not '٢' (ARABIC-INDIC DIGIT TWO)"),
    ],
)
def test_dates_that_are_refused(text: str, lang: Lang, message: str) -> None:
    with pytest.raises(InvalidDateError) as caught:
        parse_date(text, lang=lang, what="--received")
    assert message in caught.value.describe(lang)


@given(year=st.integers(1, 9999), lang=langs)
def test_years_read_back(year: int, lang: Lang) -> None:
    assert parse_year(str(year), lang=lang) == year


@given(year=st.integers(1000, 9999), lang=langs, data=st.data())
def test_years_in_other_digits_are_refused(year: int, lang: Lang, data: st.DataObject) -> None:
    text = str(year)
    foreign = data.draw(st.sampled_from(FOREIGN_BY_VALUE[int(text[0])]))
    assert int(foreign + text[1:]) == year  # what Python itself would accept
    with pytest.raises(InvalidDateError, match=r"0 bis 9|0 to 9"):
        parse_year(foreign + text[1:], lang=lang)


@pytest.mark.parametrize("text", ["0", "10000", "-2023", "2023.0", "20x5", "", "99999999999"])
def test_years_that_are_refused(text: str) -> None:
    with pytest.raises(InvalidDateError):
        parse_year(text, lang="en")
