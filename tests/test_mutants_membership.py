"""Rules of `kim_cooperation.membership` that mutation testing found unchecked (C3, C11, C12).

Each test states a rule of membership over time; see docs/development.md for
the mutation run that asked for it.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import attrs
import pytest

from kim_cooperation import presets
from kim_cooperation.agreement import Agreement
from kim_cooperation.membership import (
    cost_shares,
    employer_for_year,
    employer_on,
    members_for_year,
    post_shares,
)
from kim_cooperation.notice import NoticeTerms
from kim_cooperation.policy import Policies

MONTHLY = NoticeTerms(months=1, period_end="month")


def rosendahl_left_under_the_literal_reading() -> Agreement:
    """Rosendahl (Nord) leaves on 31 December 2025; its share passes to all parties (C12)."""
    agreement = presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30))
    return agreement.with_policies(Policies(withdrawal_scope="agreement"))


def test_a_leaving_towns_cost_share_passes_to_every_party_under_the_literal_reading() -> None:
    agreement = rosendahl_left_under_the_literal_reading()
    shares = {
        party.name: share
        for party, share in cost_shares(agreement, agreement.region("Nord"), 2026).items()
    }
    # Rosendahl's quarter of Nord goes in equal parts to the ten remaining parties.
    remaining_nord = {"Billerbeck", "Coesfeld", "Havixbeck"}
    assert len(shares) == 10
    assert "Rosendahl" not in shares
    for name, share in shares.items():
        expected = Fraction(1, 4) + Fraction(1, 40) if name in remaining_nord else Fraction(1, 40)
        assert share == expected, name
    assert sum(shares.values()) == 1


def test_under_the_literal_reading_a_region_nobody_left_keeps_its_equal_split() -> None:
    agreement = rosendahl_left_under_the_literal_reading()
    shares = cost_shares(agreement, agreement.region("Mitte"), 2026)
    assert {party.name: share for party, share in shares.items()} == {
        "Dülmen": Fraction(1, 2),
        "Nottuln": Fraction(1, 2),
    }


def test_under_the_literal_reading_the_post_shares_still_sum_to_the_fte() -> None:
    agreement = rosendahl_left_under_the_literal_reading()
    shares = post_shares(agreement, dt.date(2026, 1, 1))
    total_fte = sum((region.fte for region in agreement.regions), Fraction(0))
    assert sum(shares.values()) == total_fte
    # Nord's 2.5 FTE: 3/4 + 1/40 of them to each remaining Nord town.
    assert shares[agreement.party("Coesfeld")] == Fraction(5, 2) * Fraction(11, 40)


def test_before_anyone_leaves_both_readings_split_equally() -> None:
    agreement = rosendahl_left_under_the_literal_reading()
    shares = cost_shares(agreement, agreement.region("Nord"), 2025)
    assert sorted(party.name for party in shares) == [
        "Billerbeck",
        "Coesfeld",
        "Havixbeck",
        "Rosendahl",
    ]
    assert set(shares.values()) == {Fraction(1, 4)}


def test_the_employer_for_a_year_is_the_employer_on_its_last_day() -> None:
    # Under monthly terms Coesfeld can leave on 31 January, handing over to Billerbeck;
    # Billerbeck settles 2026 at its end (C9), Coesfeld is owed its January (I10).
    agreement = attrs.evolve(presets.coesfeld(), notice_terms=MONTHLY).give_notice(
        "Coesfeld", dt.date(2025, 12, 31), successor="Billerbeck"
    )
    assert employer_on(agreement, "Nord", dt.date(2026, 1, 31)).name == "Coesfeld"
    assert employer_on(agreement, "Nord", dt.date(2026, 2, 1)).name == "Billerbeck"
    assert employer_for_year(agreement, "Nord", 2025).name == "Coesfeld"
    assert employer_for_year(agreement, "Nord", 2026).name == "Billerbeck"
    assert employer_for_year(agreement, "Nord", 2027).name == "Billerbeck"


def test_a_year_the_agreement_ends_within_is_settled_to_its_end() -> None:
    # Under monthly terms every party can leave on 31 January 2026.
    agreement = attrs.evolve(presets.coesfeld(), notice_terms=MONTHLY)
    agreement = agreement.give_notices(dict.fromkeys(agreement.parties, dt.date(2025, 12, 31)))
    assert agreement.ends == dt.date(2026, 1, 31)
    assert len(members_for_year(agreement, agreement.region("Nord"), 2026)) == 4
    with pytest.raises(ValueError, match="ended on 2026-01-31"):
        members_for_year(agreement, agreement.region("Nord"), 2027)
