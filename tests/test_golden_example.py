"""The invented example agreement "Kreis Musterland", settled to the cent and derived by hand.

Source: ``src/kim_cooperation/data/example.toml`` (`presets.example`,
`presets.example_cost_plans`). Every expected figure below is worked out
here, in integer cents, from the file's inputs, never by calling the
library:

* funding (C5, C6, I7): for each calendar month a post is filled in full,
  a twelfth of the rate in force on the month's first day, times the FTE;
  the region's exact sum is rounded half up to cents once;
* own share (C7): costs less funding;
* parts (C4, I2, I9, I10, I12): each town's exact fraction of the year,
  written as ``numerator / denominator``; ``divmod(total * numerator,
  denominator)`` gives the whole cents and the rest; the cents left over
  go one each to the largest rests, ties to the employer first, then by
  AGS. `hand` checks this arithmetic, so a slip in a hand-written figure
  fails the test that uses it.

The example's towns (AGS 05999…) with the employer of each region first:

* Nord, population key: Altenau (004), Dornbach (012), Kesselbrück (036),
  Lindenhöhe (040); posts Nord 1 (FTE 1) and Nord 2 (FTE 1/2, from
  1 March 2024);
* Ost, weights 2 : 1 : 1 : 1/2, i.e. 4 : 2 : 2 : 1 in ninths: Brunnfeld
  (008), Eichhagen (016), Fuchsberg (020), Grünwald (024); posts Ost 1 and
  Ost 2 (FTE 1 each, Ost 2 until 30 June 2027);
* West, equal parts: Haselstein (028), Immental (032); post West 1 (FTE 1,
  from 15 April 2024).

Notice is 6 months to the end of a quarter (C11); funding 55,000 EUR per
full-time post and year from 1 January 2024, 57,000 EUR from 1 July 2026.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import pytest

from kim_cooperation import (
    Agreement,
    Clause,
    CostStatement,
    KeyKind,
    NoPopulationCountError,
    Policies,
    PopulationCount,
    RegionSettlement,
    Settlement,
    presets,
    settle,
)

YEARS = (2024, 2025, 2026)
REGIONS = ("Nord", "Ost", "West")

# Notice received on 30 September 2025: six months later is 30 March 2026, and
# the quarter ends on 31 March 2026 (C11).
NOTICE = dt.date(2025, 9, 30)
LEAVES = dt.date(2026, 3, 31)


# --------------------------------------------------------------------------- hand arithmetic


@dataclass(frozen=True)
class Row:
    """One town's line of a hand derivation of a split.

    ``total * numerator == whole * denominator + rest``; ``extra`` is the
    left-over cent (0 or 1) given to this town by hand.
    """

    town: str
    numerator: int
    whole: int
    rest: int
    extra: int = 0


def hand(total: int, denominator: int, *rows: Row) -> dict[str, int]:
    """Check a hand derivation of a split of ``total`` cents; return each town's cents.

    Checks only the arithmetic written by hand: each row's whole cents and
    rest, that the fractions sum to one, that the parts sum to the total,
    and that no town got a left-over cent with a smaller rest than a town
    that got none.
    """
    for row in rows:
        assert divmod(total * row.numerator, denominator) == (row.whole, row.rest), row.town
        assert row.extra in {0, 1}, row.town
    assert sum(row.numerator for row in rows) == denominator
    assert sum(row.whole + row.extra for row in rows) == total
    given = [row.rest for row in rows if row.extra]
    kept = [row.rest for row in rows if not row.extra]
    if given and kept:
        assert min(given) >= max(kept)
    return {row.town: row.whole + row.extra for row in rows}


def cents(amount: Decimal) -> int:
    """Return euros with exactly two places as integer cents."""
    assert amount.as_tuple().exponent == -2, amount
    return int(amount * 100)


def parts(region: RegionSettlement) -> dict[str, int]:
    """Every town's part of a region's own share, in cents."""
    return {party.name: cents(amount) for party, amount in region.split.items()}


def plan(year: int) -> Mapping[str, CostStatement]:
    return presets.example_cost_plans()[year]


def settled(agreement: Agreement, year: int) -> Settlement:
    return settle(agreement, year, plan(year))


def notice_by(town: str, successor: str | None = None) -> Agreement:
    return presets.example().give_notice(town, NOTICE, successor=successor)


def under(agreement: Agreement, **policies: str) -> Agreement:
    return agreement.with_policies(Policies(**policies))


# --------------------------------------------------------------------------- costs and funding

# C8: the cost plans of example.toml, in cents.
COSTS: dict[tuple[str, int], int] = {
    ("Nord", 2024): 9_000_000 + 440_000 + 300_000 + 160_000,  # 99,000.00
    ("Nord", 2025): 9_800_000 + 240_000 + 160_000,  # 102,000.00
    ("Nord", 2026): 10_100_000 + 240_000 + 160_000,  # 105,000.00
    ("Ost", 2024): 12_400_000 + 400_000 + 200_000,  # 130,000.00
    ("Ost", 2025): 12_800_000 + 300_000 + 200_000 + 300_000,  # 136,000.00
    ("Ost", 2026): 13_100_000 + 300_000 + 300_000,  # 137,000.00
    ("West", 2024): 4_600_000 + 300_000 + 150_000,  # 50,500.00
    ("West", 2025): 6_400_000 + 100_000,  # 65,000.00
    ("West", 2026): 6_500_000 + 100_000,  # 66,000.00
}

RATE = 5_500_000  # 55,000.00 per full-time post and year, from 2024-01-01 (C5)
RAISED = 5_700_000  # 57,000.00 from 2026-07-01 (C6)

# A full-time post filled all of 2026: six twelfths at each rate.
FULL_2026 = 6 * RATE // 12 + 6 * RAISED // 12
assert (6 * RATE % 12, 6 * RAISED % 12, FULL_2026) == (0, 0, 5_600_000)

# Nord 2024: Nord 1 (FTE 1) all twelve months; Nord 2 (FTE 1/2) from 1 March,
# so March to December, ten months: RATE * (1 + 10/24) = RATE * 34/24 exactly.
# The rest 16/24 is at least one half, so the sum rounds up (I7).
assert divmod(RATE * 34, 24) == (7_791_666, 16)
# West 2024: West 1 starts on 15 April, so April is not filled in full: May to
# December, eight twelfths; the rest 8/12 rounds up.
assert divmod(RATE * 8, 12) == (3_666_666, 8)

FUNDING: dict[tuple[str, int], int] = {
    ("Nord", 2024): 7_791_666 + 1,
    ("Nord", 2025): RATE + RATE // 2,  # 1.5 FTE all year
    ("Nord", 2026): FULL_2026 + FULL_2026 // 2,
    ("Ost", 2024): 2 * RATE,
    ("Ost", 2025): 2 * RATE,
    ("Ost", 2026): 2 * FULL_2026,  # Ost 2 ends in 2027: filled all of 2026
    ("West", 2024): 3_666_666 + 1,
    ("West", 2025): RATE,
    ("West", 2026): FULL_2026,
}

OWN_SHARE: dict[tuple[str, int], int] = {
    ("Nord", 2024): 2_108_333,  # 99,000.00 - 77,916.67
    ("Nord", 2025): 1_950_000,  # 102,000.00 - 82,500.00
    ("Nord", 2026): 2_100_000,  # 105,000.00 - 84,000.00
    ("Ost", 2024): 2_000_000,  # 130,000.00 - 110,000.00
    ("Ost", 2025): 2_600_000,  # 136,000.00 - 110,000.00
    ("Ost", 2026): 2_500_000,  # 137,000.00 - 112,000.00
    ("West", 2024): 1_383_333,  # 50,500.00 - 36,666.67
    ("West", 2025): 1_000_000,  # 65,000.00 - 55,000.00
    ("West", 2026): 1_000_000,  # 66,000.00 - 56,000.00
}
assert all(OWN_SHARE[key] == COSTS[key] - FUNDING[key] for key in COSTS)


@pytest.mark.parametrize(("region", "year"), list(COSTS))
def test_costs_funding_and_own_share(region: str, year: int) -> None:
    result = settled(presets.example(), year).region(region)
    assert cents(result.costs.total) == COSTS[region, year]
    assert cents(result.funding.amount) == FUNDING[region, year]
    assert cents(result.own_share) == OWN_SHARE[region, year]
    assert result.surplus == Decimal("0.00")
    assert result.clause is Clause.C7


def test_funding_of_part_year_posts_in_twelfths() -> None:
    agreement = presets.example()
    nord = settled(agreement, 2024).region("Nord").funding
    months = {item.post.label: item.months for item in nord.posts}
    assert months == {"Nord 1": tuple(range(1, 13)), "Nord 2": tuple(range(3, 13))}
    # Exactly 7,791,666 2/3 cents = 233,750/3 euros, rounded once (I7).
    assert nord.exact == Fraction(RATE * 34, 24 * 100) == Fraction(233_750, 3)
    assert nord.is_rounded
    (west,) = settled(agreement, 2024).region("West").funding.posts
    assert west.months == tuple(range(5, 13))
    assert west.exact == Fraction(RATE * 8, 12 * 100)


def test_the_rate_change_on_1_july_2026() -> None:
    ost = settled(presets.example(), 2026).region("Ost").funding
    for post in ost.posts:
        rates = [cents(rate.amount) for rate in post.month_rates]
        assert rates == [RATE] * 6 + [RAISED] * 6
    assert [(rate.valid_from, rate.clause) for rate in ost.rates] == [
        (dt.date(2024, 1, 1), Clause.C5),
        (dt.date(2026, 7, 1), Clause.C6),
    ]


# --------------------------------------------------------------------------- parts, no changes

# Region Nord by population (I9): each year uses the counts as of 31 December
# of the year before, so 2024 the counts as of 2023-12-31 and so on.
#
#   as of        Altenau  Dornbach  Kesselbrück  Lindenhöhe    sum
#   2023-12-31    21,310     8,420       12,950       5,070  47,750
#   2024-12-31    21,480     8,395       13,020       5,105  48,000
#   2025-12-31    21,555     8,410       13,110       5,125  48,200
#
# Two cents are left over in each year; they go to the two largest rests.
NORD_2024 = hand(
    2_108_333,
    47_750,
    Row("Altenau", 21_310, 940_912, 28_230),
    Row("Dornbach", 8_420, 371_773, 3_110),
    Row("Kesselbrück", 12_950, 571_788, 35_350, extra=1),
    Row("Lindenhöhe", 5_070, 223_858, 28_810, extra=1),
)
NORD_2025 = hand(
    1_950_000,
    48_000,
    Row("Altenau", 21_480, 872_625, 0),
    Row("Dornbach", 8_395, 341_046, 42_000, extra=1),
    Row("Kesselbrück", 13_020, 528_937, 24_000),
    Row("Lindenhöhe", 5_105, 207_390, 30_000, extra=1),
)
NORD_2026 = hand(
    2_100_000,
    48_200,
    Row("Altenau", 21_555, 939_118, 12_400),
    Row("Dornbach", 8_410, 366_410, 38_000, extra=1),
    Row("Kesselbrück", 13_110, 571_182, 27_600, extra=1),
    Row("Lindenhöhe", 5_125, 223_288, 18_400),
)

# Region Ost by the weights 2 : 1 : 1 : 1/2, in ninths 4 : 2 : 2 : 1 (I9).
# 2024: Eichhagen and Fuchsberg tie at 4/9 for the second cent: neither is the
# employer, so it goes to Eichhagen by AGS (I2).
OST_2024 = hand(
    2_000_000,
    9,
    Row("Brunnfeld", 4, 888_888, 8, extra=1),
    Row("Eichhagen", 2, 444_444, 4, extra=1),
    Row("Fuchsberg", 2, 444_444, 4),
    Row("Grünwald", 1, 222_222, 2),
)
OST_2025 = hand(
    2_600_000,
    9,
    Row("Brunnfeld", 4, 1_155_555, 5),
    Row("Eichhagen", 2, 577_777, 7, extra=1),
    Row("Fuchsberg", 2, 577_777, 7, extra=1),
    Row("Grünwald", 1, 288_888, 8, extra=1),
)
# 2026: the second cent ties Eichhagen and Fuchsberg again (5/9): Eichhagen.
OST_2026 = hand(
    2_500_000,
    9,
    Row("Brunnfeld", 4, 1_111_111, 1),
    Row("Eichhagen", 2, 555_555, 5, extra=1),
    Row("Fuchsberg", 2, 555_555, 5),
    Row("Grünwald", 1, 277_777, 7, extra=1),
)

# Region West in equal parts; 2024's odd cent to the employer Haselstein (I2).
WEST_2024 = hand(
    1_383_333, 2, Row("Haselstein", 1, 691_666, 1, extra=1), Row("Immental", 1, 691_666, 1)
)
WEST_EVEN = hand(1_000_000, 2, Row("Haselstein", 1, 500_000, 0), Row("Immental", 1, 500_000, 0))

PARTS: dict[tuple[str, int], dict[str, int]] = {
    ("Nord", 2024): NORD_2024,
    ("Nord", 2025): NORD_2025,
    ("Nord", 2026): NORD_2026,
    ("Ost", 2024): OST_2024,
    ("Ost", 2025): OST_2025,
    ("Ost", 2026): OST_2026,
    ("West", 2024): WEST_2024,
    ("West", 2025): WEST_EVEN,
    ("West", 2026): WEST_EVEN,
}


@pytest.mark.parametrize(("region", "year"), list(PARTS))
def test_parts_of_a_year_without_changes(region: str, year: int) -> None:
    result = settled(presets.example(), year).region(region)
    assert parts(result) == PARTS[region, year]
    assert sum(PARTS[region, year].values()) == OWN_SHARE[region, year]
    assert result.split.clause is Clause.C4
    (span,) = result.spans
    assert (span.first_day, span.last_day, span.months, span.weight) == (
        dt.date(year, 1, 1),
        dt.date(year, 12, 31),
        12,
        Fraction(1),
    )


@pytest.mark.parametrize("year", YEARS)
def test_billing_without_changes(year: int) -> None:
    settlement = settled(presets.example(), year)
    employers = {"Nord": "Altenau", "Ost": "Brunnfeld", "West": "Haselstein"}
    lines = {
        (line.debtor.name, line.creditor.name): cents(line.amount) for line in settlement.billing
    }
    expected = {
        (town, employers[region]): part
        for region in REGIONS
        for town, part in PARTS[region, year].items()
        if town != employers[region]
    }
    assert lines == expected
    assert len(settlement.billing) == 10 - 3


@pytest.mark.parametrize("year", YEARS)
def test_key_and_reference_day_of_each_region(year: int) -> None:
    settlement = settled(presets.example(), year)
    nord, ost, west = (settlement.region(name) for name in REGIONS)
    assert (nord.key.kind, nord.reference_day) == (KeyKind.POPULATION, dt.date(year - 1, 12, 31))
    assert (ost.key.kind, ost.reference_day) == (KeyKind.WEIGHTS, None)
    assert (west.key.kind, west.reference_day) == (KeyKind.EQUAL, None)


# --------------------------------------------------------------------------- Fuchsberg leaves

# Fuchsberg's notice is received on 30 September 2025; it leaves region Ost on
# 31 March 2026 (C11). Ost's 2026 is cut into two spans (I10), weighed in
# twelfths: January to March, 3/12 = 1/4, all four towns; April to December,
# 9/12 = 3/4, without Fuchsberg.
#
# Span 1 by the key 4 : 2 : 2 : 1 (ninths). In span 2 Fuchsberg's 2/9 passes
# in equal parts to the three towns that remain (C12, I11), 2/27 each:
#   Brunnfeld 4/9 + 2/27 = 14/27, Eichhagen 2/9 + 2/27 = 8/27,
#   Grünwald 1/9 + 2/27 = 5/27.
# The year, in 18ths:
#   Brunnfeld  1/4 * 4/9 + 3/4 * 14/27 = 1/9 + 7/18  = 9/18
#   Eichhagen  1/4 * 2/9 + 3/4 *  8/27 = 1/18 + 4/18 = 5/18
#   Fuchsberg  1/4 * 2/9                             = 1/18
#   Grünwald   1/4 * 1/9 + 3/4 *  5/27 = 1/36 + 5/36 = 3/18
OST_2026_FUCHSBERG_LEAVES = hand(
    2_500_000,
    18,
    Row("Brunnfeld", 9, 1_250_000, 0),
    Row("Eichhagen", 5, 694_444, 8),
    Row("Fuchsberg", 1, 138_888, 16, extra=1),
    Row("Grünwald", 3, 416_666, 12, extra=1),
)


def test_fuchsberg_leaves_on_31_march() -> None:
    agreement = notice_by("Fuchsberg")
    assert agreement.termination_of("Fuchsberg") == LEAVES
    ost = settled(agreement, 2026).region("Ost")
    assert OST_2026_FUCHSBERG_LEAVES == {
        "Brunnfeld": 1_250_000,
        "Eichhagen": 694_444,
        "Fuchsberg": 138_889,
        "Grünwald": 416_667,
    }
    assert parts(ost) == OST_2026_FUCHSBERG_LEAVES
    assert cents(ost.own_share) == OWN_SHARE["Ost", 2026]
    assert ost.split.clause is Clause.C12
    assert {
        (line.debtor.name, line.creditor.name, cents(line.amount)) for line in ost.billing
    } == {
        ("Eichhagen", "Brunnfeld", 694_444),
        ("Fuchsberg", "Brunnfeld", 138_889),
        ("Grünwald", "Brunnfeld", 416_667),
    }


def test_the_spans_of_fuchsbergs_last_year() -> None:
    agreement = notice_by("Fuchsberg")
    first, second = settled(agreement, 2026).region("Ost").spans
    assert (first.first_day, first.last_day, first.months, first.days) == (
        dt.date(2026, 1, 1),
        LEAVES,
        3,
        31 + 28 + 31,
    )
    assert (second.first_day, second.last_day, second.months, second.days) == (
        dt.date(2026, 4, 1),
        dt.date(2026, 12, 31),
        9,
        30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31,
    )
    assert (first.weight, second.weight) == (Fraction(1, 4), Fraction(3, 4))
    assert {party.name: share for party, share in first.shares.items()} == {
        "Brunnfeld": Fraction(4, 9),
        "Eichhagen": Fraction(2, 9),
        "Fuchsberg": Fraction(2, 9),
        "Grünwald": Fraction(1, 9),
    }
    assert {party.name: share for party, share in second.shares.items()} == {
        "Brunnfeld": Fraction(14, 27),
        "Eichhagen": Fraction(8, 27),
        "Grünwald": Fraction(5, 27),
    }
    assert (first.clause, second.clause) == (Clause.C4, Clause.C12)
    assert {span.employer.name for span in (first, second)} == {"Brunnfeld"}


def test_fuchsbergs_notice_changes_nothing_else() -> None:
    agreement = notice_by("Fuchsberg")
    for year in YEARS:
        settlement = settled(agreement, year)
        for region in REGIONS:
            if (region, year) != ("Ost", 2026):
                assert parts(settlement.region(region)) == PARTS[region, year], (region, year)


def test_fuchsberg_leaves_counted_in_days() -> None:
    # Span 1 is 31 + 28 + 31 = 90 days, span 2 the other 275 of 2026's 365:
    # weights 90/365 = 18/73 and 275/365 = 55/73. The year, in 1971ths (73 * 27):
    #   Brunnfeld  18/73 * 4/9 + 55/73 * 14/27 = (216 + 770) / 1971 = 986
    #   Eichhagen  18/73 * 2/9 + 55/73 *  8/27 = (108 + 440) / 1971 = 548
    #   Fuchsberg  18/73 * 2/9                 =  108        / 1971
    #   Grünwald   18/73 * 1/9 + 55/73 *  5/27 = (54 + 275)  / 1971 = 329
    expected = hand(
        2_500_000,
        1_971,
        Row("Brunnfeld", 986, 1_250_634, 386),
        Row("Eichhagen", 548, 695_078, 1_262, extra=1),
        Row("Fuchsberg", 108, 136_986, 594),
        Row("Grünwald", 329, 417_300, 1_700, extra=1),
    )
    agreement = under(notice_by("Fuchsberg"), span_weighting="days")
    ost = settled(agreement, 2026).region("Ost")
    assert parts(ost) == expected
    assert [span.weight for span in ost.spans] == [Fraction(18, 73), Fraction(55, 73)]
    # The funding stays in twelfths: span weighting does not touch it (I7, I10).
    assert cents(ost.funding.amount) == FUNDING["Ost", 2026]


def test_fuchsberg_leaves_and_its_part_passes_by_the_key() -> None:
    # Under withdrawal_split="key" the remaining towns share span 2 by their own
    # key 4 : 2 : 1 (sevenths) (C12, I11). The year, in 126ths:
    #   Brunnfeld  1/4 * 4/9 + 3/4 * 4/7 = 1/9 + 3/7   = 34/63  = 68/126
    #   Eichhagen  1/4 * 2/9 + 3/4 * 2/7 = 1/18 + 3/14 = 17/63  = 34/126
    #   Fuchsberg  1/4 * 2/9             = 1/18        =           7/126
    #   Grünwald   1/4 * 1/9 + 3/4 * 1/7 = 1/36 + 3/28 = 17/126
    expected = hand(
        2_500_000,
        126,
        Row("Brunnfeld", 68, 1_349_206, 44),
        Row("Eichhagen", 34, 674_603, 22),
        Row("Fuchsberg", 7, 138_888, 112, extra=1),
        Row("Grünwald", 17, 337_301, 74, extra=1),
    )
    agreement = under(notice_by("Fuchsberg"), withdrawal_split="key")
    ost = settled(agreement, 2026).region("Ost")
    assert parts(ost) == expected
    assert {party.name: share for party, share in ost.spans[1].shares.items()} == {
        "Brunnfeld": Fraction(4, 7),
        "Eichhagen": Fraction(2, 7),
        "Grünwald": Fraction(1, 7),
    }
    # Fuchsberg's own part is the same under both readings: only what it leaves behind moves.
    assert expected["Fuchsberg"] == OST_2026_FUCHSBERG_LEAVES["Fuchsberg"]


# --------------------------------------------------------------------------- population reference

# previous-mid-year: 2025 uses the latest count on or before 2024-06-30, which
# is the count as of 2023-12-31; 2026 the one on or before 2025-06-30, as of
# 2024-12-31. year-end-before-last: 2025 uses 2023-12-31, 2026 uses
# 2024-12-31, the same counts. With the 2023 counts 2025's one cent left goes
# to Dornbach; with the 2024 counts 2026's goes to Lindenhöhe.
NORD_2025_COUNTS_2023 = hand(
    1_950_000,
    47_750,
    Row("Altenau", 21_310, 870_251, 14_750),
    Row("Dornbach", 8_420, 343_853, 19_250, extra=1),
    Row("Kesselbrück", 12_950, 528_848, 8_000),
    Row("Lindenhöhe", 5_070, 207_047, 5_750),
)
NORD_2026_COUNTS_2024 = hand(
    2_100_000,
    48_000,
    Row("Altenau", 21_480, 939_750, 0),
    Row("Dornbach", 8_395, 367_281, 12_000),
    Row("Kesselbrück", 13_020, 569_625, 0),
    Row("Lindenhöhe", 5_105, 223_343, 36_000, extra=1),
)


@pytest.mark.parametrize(
    ("reference", "year", "day", "expected"),
    [
        ("previous-mid-year", 2025, dt.date(2024, 6, 30), NORD_2025_COUNTS_2023),
        ("previous-mid-year", 2026, dt.date(2025, 6, 30), NORD_2026_COUNTS_2024),
        ("year-end-before-last", 2025, dt.date(2023, 12, 31), NORD_2025_COUNTS_2023),
        ("year-end-before-last", 2026, dt.date(2024, 12, 31), NORD_2026_COUNTS_2024),
        ("previous-year-end", 2025, dt.date(2024, 12, 31), NORD_2025),
        ("previous-year-end", 2026, dt.date(2025, 12, 31), NORD_2026),
    ],
)
def test_population_reference(reference: str, year: int, day: dt.date, expected: object) -> None:
    nord = settled(under(presets.example(), population_reference=reference), year).region("Nord")
    assert nord.reference_day == day
    assert parts(nord) == expected


@pytest.mark.parametrize(
    ("reference", "day"),
    [("previous-mid-year", "2023-06-30"), ("year-end-before-last", "2022-12-31")],
)
def test_a_missing_count_is_refused(reference: str, day: str) -> None:
    # The first count is as of 2023-12-31: for 2024 neither alternative finds one.
    agreement = under(presets.example(), population_reference=reference)
    with pytest.raises(NoPopulationCountError, match=f"Altenau has no count for 2024.*{day}"):
        settled(agreement, 2024)
    # Regions not split by population settle as before.
    other = settle(agreement, 2024, {name: plan(2024)[name] for name in ("Ost", "West")})
    assert parts(other.region("Ost")) == OST_2024


def test_each_town_takes_its_own_latest_count() -> None:
    # An extra count as of 2025-06-30 for Altenau only (21,520). Under
    # previous-mid-year 2026 takes it for Altenau and the 2024-12-31 counts for
    # the others: 21,520 + 8,395 + 13,020 + 5,105 = 48,040.
    agreement = presets.example()
    extra = PopulationCount(
        as_of=dt.date(2025, 6, 30), counts={agreement.party("Altenau"): 21_520}
    )
    agreement = under(
        agreement.with_population((*agreement.population, extra)),
        population_reference="previous-mid-year",
    )
    expected = hand(
        2_100_000,
        48_040,
        Row("Altenau", 21_520, 940_716, 3_360),
        Row("Dornbach", 8_395, 366_975, 21_000),
        Row("Kesselbrück", 13_020, 569_150, 34_000, extra=1),
        Row("Lindenhöhe", 5_105, 223_157, 37_720, extra=1),
    )
    assert parts(settled(agreement, 2026).region("Nord")) == expected


# --------------------------------------------------------------------------- a Nord town leaves

# Lindenhöhe's notice is received on 30 September 2025: it leaves Nord on
# 31 March 2026. Counts as of 2025-12-31, sum 48,200; Lindenhöhe 5,125.
#
# Equal pass-on (default): each remaining town keeps c/48,200 all year and
# takes a third of Lindenhöhe's 5,125/48,200 for 3/4 of the year:
#   c/48,200 + 3/4 * 5,125/(3 * 48,200) = (4c + 5,125) / 192,800;
# Lindenhöhe 1/4 * 5,125/48,200 = 5,125 / 192,800.
NORD_2026_LINDENHOEHE_LEAVES = hand(
    2_100_000,
    192_800,
    Row("Altenau", 4 * 21_555 + 5_125, 994_940, 68_000),
    Row("Dornbach", 4 * 8_410 + 5_125, 422_232, 170_400, extra=1),
    Row("Kesselbrück", 4 * 13_110 + 5_125, 627_004, 128_800, extra=1),
    Row("Lindenhöhe", 5_125, 55_822, 18_400),
)
# Key pass-on: in span 2 the three share by their counts, sum 43,075:
#   1/4 * c/48,200 + 3/4 * c/43,075 = c * (43,075 + 3 * 48,200) / (4 * 48,200 * 43,075)
#   = c * 187,675 / 8,304,860,000 = c * 7,507 / 332,194,400      (both / 25)
# and Lindenhöhe 5,125/192,800 = 5,125 * 1,723 / 332,194,400 (43,075 = 25 * 1,723).
NORD_2026_LINDENHOEHE_LEAVES_BY_KEY = hand(
    2_100_000,
    332_194_400,
    Row("Altenau", 7_507 * 21_555, 1_022_919, 145_046_400, extra=1),
    Row("Dornbach", 7_507 * 8_410, 399_107, 16_599_200),
    Row("Kesselbrück", 7_507 * 13_110, 622_151, 138_845_600),
    Row("Lindenhöhe", 5_125 * 1_723, 55_822, 31_703_200),
)
assert 4 * 48_200 * 43_075 == 25 * 332_194_400
assert 43_075 + 3 * 48_200 == 25 * 7_507


@pytest.mark.parametrize(
    ("split", "expected"),
    [("equal", NORD_2026_LINDENHOEHE_LEAVES), ("key", NORD_2026_LINDENHOEHE_LEAVES_BY_KEY)],
)
def test_a_nord_town_leaves_on_31_march(split: str, expected: dict[str, int]) -> None:
    agreement = under(notice_by("Lindenhöhe"), withdrawal_split=split)
    nord = settled(agreement, 2026).region("Nord")
    assert parts(nord) == expected
    assert nord.split.clause is Clause.C12
    assert nord.reference_day == dt.date(2025, 12, 31)
    # Lindenhöhe bears its quarter by its own count either way.
    assert expected["Lindenhöhe"] == 55_822


def _without_lindenhoehe(agreement: Agreement) -> Agreement:
    town = agreement.party("Lindenhöhe")
    return agreement.with_population(
        PopulationCount(
            as_of=count.as_of,
            counts={party: number for party, number in count.counts.items() if party != town},
            source=count.source,
        )
        for count in agreement.population
    )


# 2027, Lindenhöhe gone all year. Nord 1 and Nord 2 earn 1.5 * 57,000.00 =
# 85,500.00; with costs of 105,000.00 the own share is 19,500.00.
NORD_2027_COSTS = {"Nord": CostStatement(personnel=Decimal("105000.00"))}


def test_equal_pass_on_needs_the_leavers_count() -> None:
    # Equal pass-on hands on the leaver's fraction of the key, c/sum of all four:
    # so its count is needed even in a year in which it is no member.
    agreement = _without_lindenhoehe(notice_by("Lindenhöhe"))
    with pytest.raises(
        NoPopulationCountError, match=r"Lindenhöhe has no count for 2027.*2026-12-31"
    ):
        settle(agreement, 2027, NORD_2027_COSTS)


def test_key_pass_on_does_not_need_the_leavers_count() -> None:
    # By the key only the towns present in 2027 are weighed: counts as of
    # 2025-12-31 (the latest on or before 2026-12-31), sum 43,075.
    expected = hand(
        1_950_000,
        43_075,
        Row("Altenau", 21_555, 975_792, 9_600),
        Row("Dornbach", 8_410, 380_719, 29_075, extra=1),
        Row("Kesselbrück", 13_110, 593_488, 4_400),
    )
    agreement = under(_without_lindenhoehe(notice_by("Lindenhöhe")), withdrawal_split="key")
    nord = settle(agreement, 2027, NORD_2027_COSTS).region("Nord")
    assert cents(nord.funding.amount) == RAISED + RAISED // 2
    assert cents(nord.own_share) == 10_500_000 - (RAISED + RAISED // 2) == 1_950_000
    assert parts(nord) == expected
    # Lindenhöhe still needs its count for 2026, the year it leaves in.
    with pytest.raises(NoPopulationCountError, match="Lindenhöhe has no count for 2026"):
        settled(agreement, 2026)


# --------------------------------------------------------------------------- loss of funding (C10)

# Funding ends on 1 January 2025: 2025 has no funding at all, and each
# region's towns bear its whole costs (C10).
NO_FUNDING = dt.date(2025, 1, 1)


def _without_funding(day: dt.date) -> Agreement:
    agreement = presets.example()
    return agreement.with_funding(agreement.funding.without_funding_from(day, source="test"))


def test_loss_of_funding_in_equal_parts() -> None:
    settlement = settled(_without_funding(NO_FUNDING), 2025)
    expected = {
        # Nord 10,200,000 / 4, Ost 13,600,000 / 4, West 6,500,000 / 2: no cents left.
        "Nord": dict.fromkeys(("Altenau", "Dornbach", "Kesselbrück", "Lindenhöhe"), 2_550_000),
        "Ost": dict.fromkeys(("Brunnfeld", "Eichhagen", "Fuchsberg", "Grünwald"), 3_400_000),
        "West": dict.fromkeys(("Haselstein", "Immental"), 3_250_000),
    }
    for name in REGIONS:
        region = settlement.region(name)
        assert cents(region.funding.amount) == 0
        assert cents(region.own_share) == COSTS[name, 2025]
        assert parts(region) == expected[name]
        assert (region.clause, region.split.clause) == (Clause.C10, Clause.C10)
        assert (region.key.kind, region.reference_day) == (KeyKind.EQUAL, None)
    # 2024 is funded as before.
    assert parts(settled(_without_funding(NO_FUNDING), 2024).region("Nord")) == NORD_2024


def test_loss_of_funding_by_the_key() -> None:
    # Nord by the counts as of 2024-12-31: 10,200,000 / 48,000 = 212.5 cents an
    # inhabitant. Dornbach and Lindenhöhe tie at half a cent for the one cent
    # left; neither is the employer, so Dornbach gets it by AGS (I2).
    nord = hand(
        10_200_000,
        48_000,
        Row("Altenau", 21_480, 4_564_500, 0),
        Row("Dornbach", 8_395, 1_783_937, 24_000, extra=1),
        Row("Kesselbrück", 13_020, 2_766_750, 0),
        Row("Lindenhöhe", 5_105, 1_084_812, 24_000),
    )
    ost = hand(
        13_600_000,
        9,
        Row("Brunnfeld", 4, 6_044_444, 4, extra=1),
        Row("Eichhagen", 2, 3_022_222, 2),
        Row("Fuchsberg", 2, 3_022_222, 2),
        Row("Grünwald", 1, 1_511_111, 1),
    )
    settlement = settled(under(_without_funding(NO_FUNDING), no_funding_split="key"), 2025)
    assert parts(settlement.region("Nord")) == nord
    assert parts(settlement.region("Ost")) == ost
    assert parts(settlement.region("West")) == {"Haselstein": 3_250_000, "Immental": 3_250_000}
    assert settlement.region("Nord").reference_day == dt.date(2024, 12, 31)
    assert settlement.region("Nord").split.clause is Clause.C10


def test_funding_lost_within_a_year_is_no_case_of_c10() -> None:
    # Funding ends on 1 July 2026 (the 57,000 never comes): six twelfths of
    # 55,000 per FTE are still paid, so the year is split by the key as usual.
    # Nord: 1.5 * 2,750,000 = 4,125,000; own share 10,500,000 - 4,125,000.
    nord = hand(
        6_375_000,
        48_200,
        Row("Altenau", 21_555, 2_850_894, 34_200, extra=1),
        Row("Dornbach", 8_410, 1_112_318, 22_400),
        Row("Kesselbrück", 13_110, 1_733_947, 4_600),
        Row("Lindenhöhe", 5_125, 677_839, 35_200, extra=1),
    )
    # Ost: 2 * 2,750,000 = 5,500,000; own share 13,700,000 - 5,500,000.
    ost = hand(
        8_200_000,
        9,
        Row("Brunnfeld", 4, 3_644_444, 4, extra=1),
        Row("Eichhagen", 2, 1_822_222, 2),
        Row("Fuchsberg", 2, 1_822_222, 2),
        Row("Grünwald", 1, 911_111, 1),
    )
    settlement = settled(_without_funding(dt.date(2026, 7, 1)), 2026)
    assert cents(settlement.region("Nord").funding.amount) == 3 * (6 * RATE // 12) // 2
    assert parts(settlement.region("Nord")) == nord
    assert parts(settlement.region("Ost")) == ost
    # West: 6,600,000 - 2,750,000 = 3,850,000 in halves.
    assert parts(settlement.region("West")) == {"Haselstein": 1_925_000, "Immental": 1_925_000}
    assert {region.clause for region in settlement.regions} == {Clause.C7}
    assert {region.split.clause for region in settlement.regions} == {Clause.C4}


# --------------------------------------------------------------------------- employer handover

# Brunnfeld, Ost's employer, leaves on 31 March 2026 and names Eichhagen as
# its successor (C3, I8). Span 1 (1/4): all four by 4 : 2 : 2 : 1, employer
# Brunnfeld. Span 2 (3/4): Brunnfeld's 4/9 passes in equal parts, 4/27 each:
#   Eichhagen 2/9 + 4/27 = 10/27, Fuchsberg 10/27, Grünwald 1/9 + 4/27 = 7/27;
# employer Eichhagen. The year, in ninths:
#   Brunnfeld  1/4 * 4/9                            = 1/9
#   Eichhagen  1/4 * 2/9 + 3/4 * 10/27 = 1/18 + 5/18 = 3/9
#   Fuchsberg  the same                             = 3/9
#   Grünwald   1/4 * 1/9 + 3/4 *  7/27 = 1/36 + 7/36 = 2/9
OST_2026_HANDOVER = hand(
    2_500_000,
    9,
    Row("Brunnfeld", 1, 277_777, 7, extra=1),
    Row("Eichhagen", 3, 833_333, 3),
    Row("Fuchsberg", 3, 833_333, 3),
    Row("Grünwald", 2, 555_555, 5, extra=1),
)


def test_employer_handover_within_a_year() -> None:
    agreement = notice_by("Brunnfeld", successor="Eichhagen")
    assert agreement.termination_of("Brunnfeld") == LEAVES
    ost = settled(agreement, 2026).region("Ost")
    assert parts(ost) == OST_2026_HANDOVER
    assert ost.employer.name == "Eichhagen"  # the employer on the year's last day
    assert [(span.employer.name, span.weight) for span in ost.spans] == [
        ("Brunnfeld", Fraction(1, 4)),
        ("Eichhagen", Fraction(3, 4)),
    ]
    # 2025 is billed by Brunnfeld alone, as before.
    assert {line.creditor.name for line in settled(agreement, 2025).region("Ost").billing} == {
        "Brunnfeld"
    }


def test_billing_lines_after_a_handover_go_to_both_employers() -> None:
    # Each town's part, rounded once, is divided among the employers of its
    # spans by its exact fractions of them (I2, I10):
    # * Eichhagen and Fuchsberg: 1/18 in Brunnfeld's span, 5/18 in Eichhagen's,
    #   so 833,333 cents in the ratio 1 : 5; the one cent left to the larger rest;
    # * Grünwald: 1/36 and 7/36, so 555,556 cents as 1 : 7; the rests tie at
    #   4/8 and the cent goes to the earlier span's employer, Brunnfeld;
    # * Brunnfeld bears its 277,778 cents in its own span and owes nobody;
    #   Eichhagen owes itself nothing for its own span.
    eichhagen = hand(
        833_333, 6, Row("Brunnfeld", 1, 138_888, 5, extra=1), Row("Eichhagen", 5, 694_444, 1)
    )
    gruenwald = hand(
        555_556, 8, Row("Brunnfeld", 1, 69_444, 4, extra=1), Row("Eichhagen", 7, 486_111, 4)
    )
    ost = settled(notice_by("Brunnfeld", successor="Eichhagen"), 2026).region("Ost")
    lines = [(line.debtor.name, line.creditor.name, cents(line.amount)) for line in ost.billing]
    assert lines == [
        ("Eichhagen", "Brunnfeld", eichhagen["Brunnfeld"]),
        ("Fuchsberg", "Brunnfeld", eichhagen["Brunnfeld"]),
        ("Fuchsberg", "Eichhagen", eichhagen["Eichhagen"]),
        ("Grünwald", "Brunnfeld", gruenwald["Brunnfeld"]),
        ("Grünwald", "Eichhagen", gruenwald["Eichhagen"]),
    ]
    assert lines[1][2] + lines[2][2] == OST_2026_HANDOVER["Fuchsberg"]
    assert lines[3][2] + lines[4][2] == OST_2026_HANDOVER["Grünwald"]
    assert {line.clause for line in ost.billing} == {Clause.C9}


@pytest.mark.parametrize("successor", ["Eichhagen", "Fuchsberg"])
def test_a_tie_goes_to_the_years_employer_first(successor: str) -> None:
    # An own share of 25,000.03 (personnel 131,000.03): 2,500,003 = 9 * 277,778 + 1.
    # Eichhagen and Fuchsberg tie at 3/9 for the one cent left over: it goes to
    # whichever is the employer at the year's end (I2), before AGS order.
    rows = {
        "Eichhagen": Row("Eichhagen", 3, 833_334, 3, extra=int(successor == "Eichhagen")),
        "Fuchsberg": Row("Fuchsberg", 3, 833_334, 3, extra=int(successor == "Fuchsberg")),
    }
    expected = hand(
        2_500_003,
        9,
        Row("Brunnfeld", 1, 277_778, 1),
        rows["Eichhagen"],
        rows["Fuchsberg"],
        Row("Grünwald", 2, 555_556, 2),
    )
    costs = CostStatement(
        personnel=Decimal("131000.03"),
        equipment=Decimal("3000.00"),
        administration=Decimal("3000.00"),
    )
    agreement = notice_by("Brunnfeld", successor=successor)
    ost = settle(agreement, 2026, {"Ost": costs}).region("Ost")
    assert cents(ost.own_share) == 2_500_003
    assert ost.employer.name == successor
    assert parts(ost) == expected
