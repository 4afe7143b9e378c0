"""Hypothesis strategies for the library's types: one home, shared by the test modules.

Every strategy builds its values without the library's own conversions
(money is built from digits, not with ``from_cents``), so a test that
compares a library result with a drawn value does not compare the library
with itself.
"""

from __future__ import annotations

import calendar
import datetime as dt
import decimal
from collections.abc import Sequence
from decimal import Decimal

from hypothesis import strategies as st

import kim_cooperation.strategies as kst
from coesfeld import TOWNS
from kim_cooperation import Agreement, CostStatement, NoticeTerms, Party, PartyKind, PeriodEnd
from kim_cooperation._checks import Exact
from kim_cooperation.closed_days import ClosedDays

__all__ = [
    "MAX_TEST_CENTS",
    "ROUNDING_MODES",
    "SIGNALS",
    "ags_codes",
    "cents",
    "dates_near_year_end",
    "decimal_contexts",
    "decimal_from_cents",
    "distinct_parties",
    "exact_weights",
    "money",
    "money_representations",
    "notice_terms",
    "optional_dates",
    "parties",
    "party_names",
    "period_end_dates",
    "positive_weights",
    "weight_maps",
]

MAX_TEST_CENTS = 10**14
"""The largest magnitude drawn for money, in cents: 10**12 euros."""

ROUNDING_MODES: tuple[str, ...] = (
    decimal.ROUND_05UP,
    decimal.ROUND_CEILING,
    decimal.ROUND_DOWN,
    decimal.ROUND_FLOOR,
    decimal.ROUND_HALF_DOWN,
    decimal.ROUND_HALF_EVEN,
    decimal.ROUND_HALF_UP,
    decimal.ROUND_UP,
)
"""Every rounding mode of the `decimal` module."""

SIGNALS: tuple[type[decimal.DecimalException], ...] = (
    decimal.Clamped,
    decimal.DivisionByZero,
    decimal.FloatOperation,
    decimal.Inexact,
    decimal.InvalidOperation,
    decimal.Overflow,
    decimal.Rounded,
    decimal.Subnormal,
    decimal.Underflow,
)
"""Every signal a decimal context can trap."""

_TOWN_NAMES = (
    *TOWNS,
    "Bad Sassendorf",
    "Groß Gerau",
)


def decimal_from_cents(amount: int) -> Decimal:
    """Build the two-place `Decimal` for a number of cents from its digits (no context involved)."""
    sign = 1 if amount < 0 else 0
    digits = tuple(int(digit) for digit in str(abs(amount)))
    return Decimal((sign, digits, -2))


def cents(
    min_value: int = -MAX_TEST_CENTS, max_value: int = MAX_TEST_CENTS
) -> st.SearchStrategy[int]:
    """Amounts in whole cents, by default from -10**12 to 10**12 euros."""
    return st.integers(min_value=min_value, max_value=max_value)


def money(
    min_cents: int = -MAX_TEST_CENTS, max_cents: int = MAX_TEST_CENTS
) -> st.SearchStrategy[Decimal]:
    """Money as a `Decimal` with exactly two places: negative, zero and up to 10**12 euros."""
    special = [amount for amount in (0, 1, -1, 99, 100, -100) if min_cents <= amount <= max_cents]
    drawn = cents(min_cents, max_cents)
    if special:
        drawn = st.one_of(st.sampled_from(special), drawn)
    return drawn.map(decimal_from_cents)


@st.composite
def money_representations(
    draw: st.DrawFn, min_cents: int = -MAX_TEST_CENTS, max_cents: int = MAX_TEST_CENTS
) -> tuple[Decimal, int]:
    """A whole number of cents and a `Decimal` that writes it in some other exact form.

    The form may carry trailing zeros (``Decimal("8125.000")``), a positive
    exponent (``Decimal("8.125E+3")``) or a negative zero; all are exact to
    the cent and so must be accepted as money.
    """
    amount = draw(cents(min_cents, max_cents))
    sign = 1 if amount < 0 or (amount == 0 and draw(st.booleans())) else 0
    digits = str(abs(amount))
    stripped = digits.rstrip("0") or "0"
    removable = len(digits) - len(stripped) if amount else 0
    shift = draw(st.integers(min_value=-removable, max_value=6))
    if shift >= 0:
        # Trailing zeros: more digits, a smaller exponent.
        text, exponent = digits + "0" * shift, -2 - shift
    else:
        # Drop trailing zeros into the exponent.
        text, exponent = digits[:shift], -2 - shift
    return Decimal((sign, tuple(int(digit) for digit in text), exponent)), amount


@st.composite
def decimal_contexts(draw: st.DrawFn, max_prec: int = 5) -> decimal.Context:
    """A hostile decimal context: tiny precision, any rounding mode, any traps, small exponents."""
    emax = draw(st.sampled_from([decimal.MAX_EMAX, 99, 5]))
    return decimal.Context(
        prec=draw(st.integers(min_value=1, max_value=max_prec)),
        rounding=draw(st.sampled_from(ROUNDING_MODES)),
        traps=draw(st.lists(st.sampled_from(SIGNALS), unique=True)),
        flags=[],
        Emax=emax,
        Emin=-emax,
        capitals=draw(st.sampled_from([0, 1])),
        clamp=draw(st.sampled_from([0, 1])),
    )


def ags_codes() -> st.SearchStrategy[str]:
    """Valid official municipality keys: 8 ASCII digits, Land 01 to 16."""
    return st.builds(
        lambda land, rest: f"{land:02d}{rest:06d}",
        st.integers(min_value=1, max_value=16),
        st.integers(min_value=0, max_value=999_999),
    )


def party_names() -> st.SearchStrategy[str]:
    """Names of towns: real ones with umlauts and spaces, or generated letters."""
    generated = st.text(
        alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPRSTUVWZÄÖÜ"),
        min_size=1,
        max_size=12,
    )
    return st.one_of(st.sampled_from(_TOWN_NAMES), generated)


def parties() -> st.SearchStrategy[Party]:
    """Valid parties with any kind, name and AGS."""
    return st.builds(
        Party,
        name=party_names(),
        kind=st.sampled_from(PartyKind),
        ags=ags_codes(),
    )


def distinct_parties(min_size: int = 1, max_size: int = 8) -> st.SearchStrategy[list[Party]]:
    """Lists of parties, no two with the same AGS or the same name."""
    return st.lists(
        parties(),
        min_size=min_size,
        max_size=max_size,
        unique_by=(lambda party: party.ags, lambda party: party.name),
    )


def exact_weights(*, allow_zero: bool = True) -> st.SearchStrategy[Exact]:
    """One exact, non-negative weight: an `int`, a `Fraction` or a finite `Decimal`."""
    low = 0 if allow_zero else 1
    integers = st.integers(min_value=low, max_value=10**6)
    fractions = st.fractions(min_value=0, max_value=1000, max_denominator=1000)
    decimals = st.decimals(
        min_value=0, max_value=1000, places=3, allow_nan=False, allow_infinity=False
    )
    strategy: st.SearchStrategy[Exact] = st.one_of(integers, fractions, decimals)
    if not allow_zero:
        strategy = strategy.filter(lambda weight: weight > 0)
    return strategy


def positive_weights() -> st.SearchStrategy[Exact]:
    """One exact weight greater than zero."""
    return exact_weights(allow_zero=False)


@st.composite
def weight_maps(draw: st.DrawFn, min_size: int = 1, max_size: int = 8) -> dict[Party, Exact]:
    """Distinct parties with exact non-negative weights, at least one of them positive."""
    members = draw(distinct_parties(min_size=min_size, max_size=max_size))
    weights = [draw(exact_weights()) for _ in members]
    if not any(weights):
        weights[draw(st.integers(min_value=0, max_value=len(weights) - 1))] = draw(
            positive_weights()
        )
    return dict(zip(members, weights, strict=True))


@st.composite
def dates_near_year_end(draw: st.DrawFn, min_year: int = 1900, max_year: int = 2200) -> dt.date:
    """Dates close to the days notice turns on (31 December, 30 June, month ends), or any day."""
    anchored = draw(st.booleans())
    if not anchored:
        return draw(st.dates(dt.date(min_year, 1, 1), dt.date(max_year, 12, 31)))
    year = draw(st.integers(min_value=min_year, max_value=max_year))
    month = draw(st.sampled_from([12, 6, 1, 7, 2, 3, 9]))
    anchor = dt.date(year, month, calendar.monthrange(year, month)[1])
    offset = draw(st.integers(min_value=-3, max_value=3))
    day = anchor + dt.timedelta(days=offset)
    return min(max(day, dt.date(min_year, 1, 1)), dt.date(max_year, 12, 31))


def optional_dates(
    min_year: int = 1900, max_year: int = 2200
) -> st.SearchStrategy[dt.date | None]:
    """A day near a month end or anywhere, or ``None`` (an open-ended employment)."""
    return st.one_of(st.none(), dates_near_year_end(min_year, max_year))


def notice_terms(
    min_months: int = 1, max_months: int = 60, period_ends: Sequence[PeriodEnd] = tuple(PeriodEnd)
) -> st.SearchStrategy[NoticeTerms]:
    """Notice terms with a period of ``min_months`` to ``max_months`` and any period end."""
    return st.builds(
        NoticeTerms,
        months=st.integers(min_value=min_months, max_value=max_months),
        period_end=st.sampled_from(period_ends),
    )


@st.composite
def period_end_dates(
    draw: st.DrawFn, period_end: PeriodEnd, min_year: int = 1900, max_year: int = 2200
) -> dt.date:
    """A last day of a period of the given kind (a 31 December for ``PeriodEnd.YEAR``)."""
    year = draw(st.integers(min_value=min_year, max_value=max_year))
    step = period_end.months
    month = draw(st.sampled_from(range(step, 13, step)))
    return dt.date(year, month, calendar.monthrange(year, month)[1])


# --- Notices on the Coesfeld preset (C2, C3, C11) ----------------------------------------
# Written out from the domain brief, not read from the preset.


COESFELD_REGIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "Nord": ("Coesfeld", ("Billerbeck", "Coesfeld", "Havixbeck", "Rosendahl")),
    "Mitte": ("Dülmen", ("Dülmen", "Nottuln")),
    "Süd": ("Ascheberg", ("Ascheberg", "Lüdinghausen", "Nordkirchen", "Olfen", "Senden")),
}
"""The preset's regions (C2): name to (employer, towns in AGS order) (C3)."""

COESFELD_EMPLOYERS: tuple[str, ...] = tuple(employer for employer, _ in COESFELD_REGIONS.values())
"""The employers of the preset's regions (C3)."""

COESFELD_NON_EMPLOYERS: tuple[str, ...] = tuple(
    sorted(
        town for employer, towns in COESFELD_REGIONS.values() for town in towns if town != employer
    )
)
"""The eight towns that employ no case manager: any of them may give notice alone."""


def notice_days(min_year: int = 2023, max_year: int = 2030) -> st.SearchStrategy[dt.date]:
    """Days a notice is received: near 30 June / 1 July and year ends, or any day."""
    return dates_near_year_end(min_year, max_year)


@st.composite
def valid_notice_sets(
    draw: st.DrawFn, min_size: int = 0, max_size: int = len(COESFELD_NON_EMPLOYERS)
) -> dict[str, dt.date]:
    """Notices the preset accepts: a subset of the non-employer towns, each with its day.

    An employer leaving while its towns stay, and a whole region leaving while
    the others stay, are undecided (I8); with every employer staying neither
    can happen, so any such subset is valid.
    """
    towns = draw(
        st.lists(
            st.sampled_from(COESFELD_NON_EMPLOYERS),
            unique=True,
            min_size=min_size,
            max_size=max_size,
        )
    )
    return {town: draw(notice_days()) for town in towns}


@st.composite
def notice_sets_with_an_employer(draw: st.DrawFn) -> dict[str, dt.date]:
    """Notices from at least one employer, but not from every party: always undecided (I8).

    The employer either leaves while a town of its region stays, or the whole
    region leaves while the agreement goes on elsewhere.
    """
    employers = draw(st.lists(st.sampled_from(COESFELD_EMPLOYERS), unique=True, min_size=1))
    others = draw(st.lists(st.sampled_from(COESFELD_NON_EMPLOYERS), unique=True))
    towns = employers + others
    if len(towns) == len(COESFELD_EMPLOYERS) + len(COESFELD_NON_EMPLOYERS):
        towns.remove(draw(st.sampled_from(COESFELD_NON_EMPLOYERS)))
    return {town: draw(notice_days()) for town in towns}


def region_cost_plans(max_cents: int = 40_000_000) -> st.SearchStrategy[dict[str, CostStatement]]:
    """Costs for all three regions of the preset, from zero (below the funding) to 400,000 EUR."""
    statement = st.builds(
        CostStatement,
        personnel=cents(0, max_cents).map(decimal_from_cents),
        material_not_itemised=cents(0, max_cents // 10).map(decimal_from_cents),
    )
    return st.fixed_dictionaries(dict.fromkeys(COESFELD_REGIONS, statement))


__all__ += [
    "COESFELD_EMPLOYERS",
    "COESFELD_NON_EMPLOYERS",
    "COESFELD_REGIONS",
    "notice_days",
    "notice_sets_with_an_employer",
    "region_cost_plans",
    "valid_notice_sets",
]


# --- Agreements of the same shape: keys and changes within a year (C4, C11, C12; I9, I10) ---

ANY_TERMS = kst.notice_terms(max_months=24)
"""Notice terms with every period end, short enough that notices end within the drawn years."""

TERMS_ENDING_INSIDE_A_YEAR = kst.notice_terms(
    max_months=24, period_ends=(PeriodEnd.HALF_YEAR, PeriodEnd.QUARTER, PeriodEnd.MONTH)
)
"""Notice terms under which a town can leave on 30 June, 31 March or any month's end."""


def years_with_changes(agreement: Agreement) -> list[int]:
    """The years in which a party leaves before the year's last day while the agreement goes on."""
    ends = agreement.ends
    years: set[int] = set()
    for party in agreement.parties:
        end = agreement.termination_of(party)
        if end is None or (ends is not None and end >= ends) or (end.month, end.day) == (12, 31):
            continue
        years.add(end.year)
    return sorted(years)


@st.composite
def settled_years(draw: st.DrawFn, agreement: Agreement) -> int:
    """A year `settle` accepts for ``agreement``; one with a change of members where there is one."""
    changing = years_with_changes(agreement)
    if changing and not draw(st.booleans()):
        return draw(st.sampled_from(changing))
    year: int = draw(kst.settlement_years(agreement))
    return year


__all__ += [
    "ANY_TERMS",
    "TERMS_ENDING_INSIDE_A_YEAR",
    "settled_years",
    "years_with_changes",
]


# --- Closed days of receipt (C11, § 130 BGB) ----------------------------------------------

LAND_CODES = (
    "BB",
    "BE",
    "BW",
    "BY",
    "HB",
    "HE",
    "HH",
    "MV",
    "NI",
    "NW",
    "RP",
    "SH",
    "SL",
    "SN",
    "ST",
    "TH",
)
"""The Länder by their ISO 3166-2:DE codes, written out here rather than read from the library."""


@st.composite
def month_days(draw: st.DrawFn) -> tuple[int, int]:
    """A (month, day) of the calendar, 29 February included."""
    month = draw(st.integers(min_value=1, max_value=12))
    day = draw(st.integers(min_value=1, max_value=calendar.monthrange(2000, month)[1]))
    return month, day


def closed_days() -> st.SearchStrategy[ClosedDays]:
    """Closed days: some Länder (or none), a few single days and days of every year."""
    return st.builds(
        ClosedDays,
        lands=st.lists(st.sampled_from(LAND_CODES), max_size=3),
        dates=st.lists(st.dates(dt.date(1995, 1, 1), dt.date(2095, 12, 31)), max_size=5),
        yearly=st.lists(month_days(), max_size=5),
    )


__all__ += ["LAND_CODES", "closed_days", "month_days"]
