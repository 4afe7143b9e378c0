"""Tests of membership over time (C11, C12, C13, I8): notices, withdrawals, who pays when.

The property tests draw notices on the Coesfeld preset. Valid notices come
from the eight towns that employ nobody (`valid_notice_sets`); notices from
an employer without every party leaving are always undecided (I8) and are
checked to be refused. Expected membership is computed from the brief's
rule, not with the library: notice received by 30 June of a year ends
membership on 31 December of the next year, later notice a year after that.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from fractions import Fraction
from typing import Final

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kim_cooperation import (
    Agreement,
    CostStatement,
    InvalidTypeError,
    InvalidValueError,
    Party,
    UndecidedCaseError,
    UnknownPartyError,
    UnknownRegionError,
    presets,
    settle,
)
from kim_cooperation.membership import members_for_year
from strategies import (
    COESFELD_EMPLOYERS,
    COESFELD_NON_EMPLOYERS,
    COESFELD_REGIONS,
    notice_days,
    notice_sets_with_an_employer,
    region_cost_plans,
    valid_notice_sets,
)

PRESET: Final = presets.coesfeld()
START: Final = dt.date(2023, 1, 1)
YEARS: Final = range(2023, 2033)
TOTAL_FTE: Final = Fraction(6)
FUNDING: Final = {"Nord": 13_750_000, "Mitte": 5_500_000, "Süd": 13_750_000}
"""Each region's funding per year in cents at 55,000 EUR per FTE (C5): 2.5, 1 and 2.5 FTE."""
PRESET_AGS: Final = {party.name: party.ags for party in PRESET.parties}
EVERYONE: Final = tuple(town for _, towns in COESFELD_REGIONS.values() for town in towns)
ALL_PARTIES_ON_DEADLINE: Final = PRESET.give_notices(
    dict.fromkeys(PRESET.parties, dt.date(2024, 6, 30))
)


def last_year(received: dt.date) -> int:
    """The last year of membership after notice received on ``received`` (C11, the brief's rule)."""
    return received.year + 1 if (received.month, received.day) <= (6, 30) else received.year + 2


def region_of(town: str) -> str:
    return next(name for name, (_, towns) in COESFELD_REGIONS.items() if town in towns)


def cents(amount: Decimal) -> int:
    assert amount.as_tuple().exponent == -2
    return int(amount * 100)


def by_town(notices: dict[str, dt.date]) -> dict[str | Party, dt.date]:
    """The notices typed as `Agreement.give_notices` wants them.

    Its parameter is ``Mapping[str | Party, date]``; as `Mapping` is invariant
    in its key type, a ``dict[str, date]`` does not type-check without this copy.
    """
    typed: dict[str | Party, dt.date] = dict(notices.items())
    return typed


def with_notices(notices: dict[str, dt.date], order: list[str] | None = None) -> Agreement:
    """The preset with the notices given one by one, in ``order`` if given."""
    agreement = PRESET
    for town in order if order is not None else list(notices):
        agreement = agreement.give_notice(town, notices[town])
    return agreement


# --------------------------------------------------------------------------- is_member


def test_not_a_member_before_the_start() -> None:
    assert not PRESET.is_member("Rosendahl", dt.date(2022, 12, 31))
    assert PRESET.is_member("Rosendahl", START)


def test_member_without_notice_indefinitely() -> None:
    assert PRESET.termination_of("Rosendahl") is None
    assert PRESET.is_member("Rosendahl", dt.date(9999, 12, 31))


def test_member_on_the_termination_date_not_the_day_after() -> None:
    agreement = PRESET.give_notice("Rosendahl", dt.date(2024, 6, 30))
    assert agreement.termination_of("Rosendahl") == dt.date(2025, 12, 31)
    assert agreement.is_member("Rosendahl", dt.date(2024, 6, 30))
    assert agreement.is_member("Rosendahl", dt.date(2025, 12, 31))
    assert not agreement.is_member("Rosendahl", dt.date(2026, 1, 1))
    assert agreement.is_member("Havixbeck", dt.date(2026, 1, 1))


def test_notice_one_day_after_the_deadline_ends_a_year_later() -> None:
    agreement = PRESET.give_notice("Rosendahl", dt.date(2024, 7, 1))
    assert agreement.termination_of("Rosendahl") == dt.date(2026, 12, 31)
    assert agreement.is_member("Rosendahl", dt.date(2026, 12, 31))
    assert not agreement.is_member("Rosendahl", dt.date(2027, 1, 1))


def test_is_member_refuses_a_datetime() -> None:
    with pytest.raises(
        InvalidTypeError, match=re.escape("day must be a datetime.date, got datetime")
    ):
        PRESET.is_member("Rosendahl", dt.datetime(2024, 1, 1, 12, 0))  # noqa: DTZ001


def test_is_member_of_an_unknown_party_raises() -> None:
    with pytest.raises(UnknownPartyError, match="'Münster' is not a party"):
        PRESET.is_member("Münster", dt.date(2024, 1, 1))


def test_is_member_of_an_unknown_party_raises_before_the_start_too() -> None:
    with pytest.raises(UnknownPartyError, match="'Münster' is not a party"):
        PRESET.is_member("Münster", dt.date(2022, 12, 31))


def test_termination_of_an_unknown_party_raises() -> None:
    with pytest.raises(UnknownPartyError, match="'Münster' is not a party"):
        PRESET.termination_of("Münster")


# --------------------------------------------------------------------------- members_on


def test_members_on_filters_by_region() -> None:
    agreement = PRESET.give_notice("Rosendahl", dt.date(2024, 6, 30))
    day = dt.date(2026, 1, 1)
    nord = [party.name for party in agreement.members_on(day, region="Nord")]
    assert nord == ["Billerbeck", "Coesfeld", "Havixbeck"]
    assert agreement.members_on(day, region=agreement.region("Nord")) == agreement.members_on(
        day, region="nord"
    )
    sued = [party.name for party in agreement.members_on(day, region="Sued")]
    assert sued == ["Ascheberg", "Lüdinghausen", "Nordkirchen", "Olfen", "Senden"]
    everyone = [party.name for party in agreement.members_on(day)]
    assert everyone == [
        town for town in sorted(EVERYONE, key=PRESET_AGS.__getitem__) if town != "Rosendahl"
    ]
    before = [party.name for party in agreement.members_on(dt.date(2025, 12, 31), region="Nord")]
    assert before == ["Billerbeck", "Coesfeld", "Havixbeck", "Rosendahl"]


def test_members_on_before_the_start_is_empty() -> None:
    assert PRESET.members_on(dt.date(2022, 12, 31)) == ()
    assert PRESET.members_on(dt.date(2022, 12, 31), region="Mitte") == ()
    assert dict(PRESET.post_shares(dt.date(2022, 12, 31))) == {}


def test_members_on_an_unknown_region_raises() -> None:
    with pytest.raises(UnknownRegionError, match="'West' is not a region"):
        PRESET.members_on(dt.date(2024, 1, 1), region="West")


# --------------------------------------------------------------------------- give_notice


def test_give_notice_to_an_unknown_party_raises() -> None:
    with pytest.raises(
        UnknownPartyError, match="'Münster' is not a party to the agreement"
    ) as info:
        PRESET.give_notice("Münster", dt.date(2024, 6, 30))
    assert isinstance(info.value, LookupError)


def test_give_notice_refuses_a_datetime() -> None:
    received = dt.datetime(2024, 6, 30, 9, 30, tzinfo=dt.UTC)
    with pytest.raises(
        InvalidTypeError, match=re.escape("received must be a datetime.date, got datetime")
    ):
        PRESET.give_notice("Rosendahl", received)


def test_give_notice_refuses_a_string() -> None:
    with pytest.raises(InvalidTypeError, match=re.escape("parse it first")):
        PRESET.give_notice("Rosendahl", "2024-06-30")  # type: ignore[arg-type]


def test_give_notice_by_ags_or_ascii_name() -> None:
    agreement = PRESET.give_notice("05558040", dt.date(2024, 6, 30)).give_notice(
        "Luedinghausen", dt.date(2024, 6, 30)
    )
    assert [notice.party.name for notice in agreement.notices] == ["Lüdinghausen", "Rosendahl"]


def test_second_notice_from_the_same_party_is_refused() -> None:
    agreement = PRESET.give_notice("Rosendahl", dt.date(2024, 6, 30))
    with pytest.raises(InvalidValueError, match="Rosendahl gave notice twice"):
        agreement.give_notice("rosendahl", dt.date(2024, 8, 1))


def test_notice_before_the_start_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="before the agreement's start 2023-01-01"):
        PRESET.give_notice("Rosendahl", dt.date(2022, 12, 31))
    assert PRESET.give_notice("Rosendahl", START).termination_of("Rosendahl") == dt.date(
        2024, 12, 31
    )


@pytest.mark.parametrize(
    ("region", "employer"), [(r, e) for r, (e, _) in COESFELD_REGIONS.items()]
)
def test_notice_from_an_employer_alone_is_undecided(region: str, employer: str) -> None:
    with pytest.raises(
        UndecidedCaseError, match=re.escape(f"{employer}, the employer of region {region!r}")
    ):
        PRESET.give_notice(employer, dt.date(2024, 6, 30))


@pytest.mark.parametrize("region", list(COESFELD_REGIONS))
def test_a_whole_region_leaving_alone_is_undecided(region: str) -> None:
    towns = COESFELD_REGIONS[region][1]
    with pytest.raises(
        UndecidedCaseError,
        match=re.escape(f"every town of region {region!r} leaves by 2025-12-31 while"),
    ):
        PRESET.give_notices(dict.fromkeys(towns, dt.date(2024, 6, 30)))


# --------------------------------------------------------------------------- withdraw_notice


def test_withdrawal_before_the_notice_takes_effect_restores_the_membership() -> None:
    given_notice = PRESET.give_notice("Rosendahl", dt.date(2024, 6, 30))
    withdrawn = given_notice.withdraw_notice("Rosendahl", dt.date(2025, 3, 1))
    assert withdrawn == PRESET
    assert withdrawn.termination_of("Rosendahl") is None
    assert withdrawn.is_member("Rosendahl", dt.date(2026, 1, 1))
    assert given_notice.termination_of("Rosendahl") == dt.date(2025, 12, 31)  # unchanged


def test_withdrawal_on_the_termination_date_is_still_possible() -> None:
    given_notice = PRESET.give_notice("Rosendahl", dt.date(2024, 6, 30))
    assert given_notice.withdraw_notice("Rosendahl", dt.date(2025, 12, 31)) == PRESET


def test_withdrawal_after_the_notice_took_effect_is_refused() -> None:
    given_notice = PRESET.give_notice("Rosendahl", dt.date(2024, 6, 30))
    with pytest.raises(
        InvalidValueError,
        match=re.escape(
            "left on 2025-12-31 under its notice; it cannot be withdrawn on 2026-01-01"
        ),
    ):
        given_notice.withdraw_notice("Rosendahl", dt.date(2026, 1, 1))


def test_withdrawal_keeps_the_other_notices() -> None:
    agreement = PRESET.give_notices(
        {"Rosendahl": dt.date(2024, 6, 30), "Olfen": dt.date(2025, 2, 1)}
    ).withdraw_notice("Olfen", dt.date(2025, 3, 1))
    assert agreement == PRESET.give_notice("Rosendahl", dt.date(2024, 6, 30))


def test_withdrawal_without_a_notice_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="Rosendahl has given no notice to withdraw"):
        PRESET.withdraw_notice("Rosendahl", dt.date(2025, 1, 1))


def test_withdrawal_by_an_unknown_party_raises() -> None:
    with pytest.raises(UnknownPartyError, match="'Münster' is not a party"):
        PRESET.withdraw_notice("Münster", dt.date(2025, 1, 1))


def test_withdrawal_refuses_a_datetime() -> None:
    given_notice = PRESET.give_notice("Rosendahl", dt.date(2024, 6, 30))
    with pytest.raises(
        InvalidTypeError, match=re.escape("on must be a datetime.date, got datetime")
    ):
        given_notice.withdraw_notice("Rosendahl", dt.datetime(2025, 1, 1, tzinfo=dt.UTC))


def test_withdrawal_that_leaves_an_employer_leaving_alone_is_undecided() -> None:
    with pytest.raises(UndecidedCaseError, match="Coesfeld, the employer of region 'Nord'"):
        ALL_PARTIES_ON_DEADLINE.withdraw_notice("Rosendahl", dt.date(2025, 1, 1))


# --------------------------------------------------------------------------- ends


def test_agreement_ends_only_once_every_party_gave_notice() -> None:
    assert PRESET.ends is None
    all_but_employers = PRESET.give_notices(
        dict.fromkeys(COESFELD_NON_EMPLOYERS, dt.date(2024, 6, 30))
    )
    assert all_but_employers.ends is None
    assert ALL_PARTIES_ON_DEADLINE.ends == dt.date(2025, 12, 31)


def test_agreement_ends_with_the_last_termination() -> None:
    agreement = PRESET.give_notices(
        {
            **dict.fromkeys(COESFELD_NON_EMPLOYERS, dt.date(2024, 6, 30)),
            **dict.fromkeys(COESFELD_EMPLOYERS, dt.date(2024, 7, 1)),
        }
    )
    assert agreement.ends == dt.date(2026, 12, 31)
    remaining = [party.name for party in agreement.members_on(dt.date(2026, 6, 1))]
    assert remaining == sorted(COESFELD_EMPLOYERS, key=PRESET_AGS.__getitem__)
    shares = agreement.post_shares(dt.date(2026, 6, 1))
    assert {party.name: share for party, share in shares.items()} == {
        "Ascheberg": Fraction(5, 2),
        "Coesfeld": Fraction(5, 2),
        "Dülmen": Fraction(1),
    }


def test_no_shares_after_full_termination() -> None:
    day_after = dt.date(2026, 1, 1)
    assert ALL_PARTIES_ON_DEADLINE.members_on(day_after) == ()
    assert dict(ALL_PARTIES_ON_DEADLINE.post_shares(day_after)) == {}
    with pytest.raises(InvalidValueError, match=re.escape("only the wind-down (C13)")):
        members_for_year(ALL_PARTIES_ON_DEADLINE, ALL_PARTIES_ON_DEADLINE.region("Nord"), 2026)


# --------------------------------------------------------------------------- post_shares


def test_post_shares_after_rosendahl_leaves() -> None:
    agreement = PRESET.give_notice("Rosendahl", dt.date(2024, 6, 30))
    before = {
        party.name: share for party, share in agreement.post_shares(dt.date(2025, 12, 31)).items()
    }
    after = {
        party.name: share for party, share in agreement.post_shares(dt.date(2026, 1, 1)).items()
    }
    assert before["Rosendahl"] == Fraction(5, 8)
    assert before["Coesfeld"] == Fraction(5, 8)
    assert "Rosendahl" not in after
    assert after["Coesfeld"] == after["Billerbeck"] == after["Havixbeck"] == Fraction(5, 6)
    assert after["Nottuln"] == Fraction(1, 2)
    assert after["Senden"] == Fraction(1, 2)
    assert sum(after.values()) == TOTAL_FTE


# --------------------------------------------------------------------------- properties


@settings(max_examples=50)
@given(notices=valid_notice_sets(), plan=region_cost_plans())
def test_no_cent_is_lost_or_created_in_any_year(
    notices: dict[str, dt.date], plan: dict[str, CostStatement]
) -> None:
    agreement = PRESET.give_notices(by_town(notices))
    for year in YEARS:
        settlement = settle(agreement, year, plan)
        for region in settlement.regions:
            name = region.region.name
            costs = cents(region.costs.total)
            assert costs == cents(plan[name].total)
            assert cents(region.funding.amount) == FUNDING[name]
            own_share = cents(region.own_share)
            surplus = cents(region.surplus)
            assert own_share == max(costs - FUNDING[name], 0)
            assert own_share + FUNDING[name] - surplus == costs
            assert sum(cents(part) for part in region.split.values()) == own_share
            paying = [
                town
                for town in COESFELD_REGIONS[name][1]
                if town not in notices or year <= last_year(notices[town])
            ]
            assert sorted(party.name for party in region.split) == sorted(paying)
            for part in region.split.values():
                assert abs(Fraction(cents(part)) - Fraction(own_share, len(paying))) < 1
            billed = sum(cents(line.amount) for line in region.billing)
            assert billed + cents(region.split[region.employer]) == own_share


@settings(max_examples=50)
@given(notices=valid_notice_sets(min_size=1), plan=region_cost_plans())
def test_a_town_that_has_left_pays_nothing_afterwards(
    notices: dict[str, dt.date], plan: dict[str, CostStatement]
) -> None:
    agreement = PRESET.give_notices(by_town(notices))
    for town, received in notices.items():
        last = last_year(received)
        assert agreement.termination_of(town) == dt.date(last, 12, 31)
        region = agreement.region(region_of(town))
        for year in (last, last + 1, last + 2):
            settlement = settle(agreement, year, {region.name: plan[region.name]})
            party = agreement.party(town)
            debtors = {line.debtor for line in settlement.billing}
            if year <= last:
                assert party in settlement.region(region).split
                assert party in debtors
            else:
                assert party not in settlement.region(region).split
                assert party not in debtors
                assert settlement.own_share_of(town) == Decimal("0.00")
                assert party not in members_for_year(agreement, region, year)


@given(notices=valid_notice_sets(), day=st.dates(START, dt.date(2035, 12, 31)))
def test_post_shares_always_sum_to_the_total_fte(
    notices: dict[str, dt.date], day: dt.date
) -> None:
    agreement = PRESET.give_notices(by_town(notices))
    shares = agreement.post_shares(day)
    assert sum(shares.values(), Fraction(0)) == TOTAL_FTE
    assert set(shares) == set(agreement.members_on(day))
    for region in agreement.regions:
        members = agreement.members_on(day, region=region)
        assert members  # every employer stays
        for member in members:
            assert shares[member] == region.fte / len(members)


@given(
    notices=valid_notice_sets(),
    town=st.sampled_from(COESFELD_NON_EMPLOYERS),
    earlier=notice_days(),
    later=notice_days(),
    day=st.dates(START, dt.date(2033, 12, 31)),
)
def test_a_later_notice_never_ends_membership_earlier(
    notices: dict[str, dt.date], town: str, earlier: dt.date, later: dt.date, day: dt.date
) -> None:
    earlier, later = min(earlier, later), max(earlier, later)
    others = {key: value for key, value in notices.items() if key != town}
    first = PRESET.give_notices(by_town({**others, town: earlier}))
    second = PRESET.give_notices(by_town({**others, town: later}))
    first_end, second_end = first.termination_of(town), second.termination_of(town)
    assert first_end is not None
    assert second_end is not None
    assert first_end <= second_end
    assert set(first.members_on(day)) <= set(second.members_on(day))
    if first.is_member(town, day):
        assert second.is_member(town, day)


@given(notices=valid_notice_sets(min_size=1))
def test_give_notice_does_not_change_the_original(notices: dict[str, dt.date]) -> None:
    original = presets.coesfeld()
    changed = original
    for town, received in notices.items():
        before = changed
        changed = changed.give_notice(town, received)
        assert before.termination_of(town) is None
        assert changed.termination_of(town) == dt.date(last_year(received), 12, 31)
    assert original == PRESET
    assert original.notices == ()
    assert changed != original
    withdrawn = changed.withdraw_notice(*next(iter(notices.items())))
    assert changed.notices != withdrawn.notices
    assert len(changed.notices) == len(notices)


@settings(max_examples=50)
@given(data=st.data(), notices=valid_notice_sets(min_size=2), plan=region_cost_plans())
def test_the_order_of_notices_does_not_matter(
    data: st.DataObject, notices: dict[str, dt.date], plan: dict[str, CostStatement]
) -> None:
    order = data.draw(st.permutations(list(notices)))
    one_by_one = with_notices(notices)
    reordered = with_notices(notices, order)
    together = PRESET.give_notices(by_town(notices))
    assert one_by_one == reordered == together
    assert hash(one_by_one) == hash(reordered)
    year = data.draw(st.sampled_from(YEARS))
    assert settle(one_by_one, year, plan) == settle(reordered, year, plan)


@given(notices=valid_notice_sets(min_size=1), data=st.data())
def test_withdrawing_every_notice_in_time_restores_the_preset(
    notices: dict[str, dt.date], data: st.DataObject
) -> None:
    agreement = PRESET.give_notices(by_town(notices))
    for town in data.draw(st.permutations(list(notices))):
        ends = agreement.termination_of(town)
        assert ends is not None
        on = data.draw(st.dates(notices[town], ends))
        agreement = agreement.withdraw_notice(town, on)
    assert agreement == PRESET


@given(notices=notice_sets_with_an_employer())
def test_notices_from_an_employer_are_undecided_unless_everyone_leaves(
    notices: dict[str, dt.date],
) -> None:
    pattern = r"the employer of region '\w+'|every town of region '\w+' leaves by"
    with pytest.raises(UndecidedCaseError, match=pattern):
        PRESET.give_notices(by_town(notices))
    employers = [town for town in notices if town in COESFELD_EMPLOYERS]
    others = {town: day for town, day in notices.items() if town not in COESFELD_EMPLOYERS}
    agreement = PRESET.give_notices(by_town(others))  # without the employers' notices: valid
    with pytest.raises(UndecidedCaseError, match=pattern):
        agreement.give_notice(employers[0], notices[employers[0]])


@given(
    region=st.sampled_from(list(COESFELD_REGIONS)),
    received=notice_days(),
    others=valid_notice_sets(),
)
def test_a_whole_region_leaving_while_others_stay_is_undecided(
    region: str, received: dt.date, others: dict[str, dt.date]
) -> None:
    towns = COESFELD_REGIONS[region][1]
    notices = {**others, **dict.fromkeys(towns, received)}
    with pytest.raises(UndecidedCaseError, match=re.escape(f"every town of region {region!r}")):
        PRESET.give_notices(by_town(notices))


@given(received=notice_days())
def test_every_party_giving_notice_on_one_day_ends_the_agreement(received: dt.date) -> None:
    agreement = PRESET.give_notices(dict.fromkeys(EVERYONE, received))
    end = dt.date(last_year(received), 12, 31)
    assert agreement.ends == end
    assert len(agreement.members_on(end)) == 11
    assert agreement.members_on(end + dt.timedelta(days=1)) == ()
    assert sum(agreement.post_shares(end).values(), Fraction(0)) == TOTAL_FTE
    plan = presets.coesfeld_cost_plan_2023()
    assert settle(agreement, end.year, plan).own_share_of("Rosendahl") == Decimal("8125.00")
    with pytest.raises(InvalidValueError, match=re.escape("only the wind-down (C13)")):
        settle(agreement, end.year + 1, plan)


def test_a_notice_cannot_be_withdrawn_before_it_was_given() -> None:
    agreement = PRESET.give_notice("Olfen", dt.date(2024, 3, 1))
    with pytest.raises(InvalidValueError, match="before it was given"):
        agreement.withdraw_notice("Olfen", dt.date(2024, 2, 29))
    assert agreement.withdraw_notice("Olfen", dt.date(2024, 3, 1)).notices == ()


# --------------------------------------------------------------------------- successor employers


def test_employer_without_notice_stays_the_employer() -> None:
    for region in PRESET.regions:
        assert PRESET.employer_on(region, dt.date(2040, 1, 1)) == region.employer
        assert PRESET.employer_of(region.name, 2023) == region.employer


def test_successor_takes_over_the_day_after_the_employer_leaves() -> None:
    agreement = PRESET.give_notice("Coesfeld", dt.date(2024, 6, 30), successor="05558008")
    assert agreement.employer_on("Nord", dt.date(2025, 12, 31)).name == "Coesfeld"
    assert agreement.employer_on("Nord", dt.date(2026, 1, 1)).name == "Billerbeck"
    assert agreement.employers == PRESET.employers  # as agreed (C3)
    assert agreement.notices[0].successor == PRESET.party("Billerbeck")


def test_employer_on_an_unknown_region_or_a_bad_day_raises() -> None:
    with pytest.raises(UnknownRegionError):
        PRESET.employer_on("West", dt.date(2024, 1, 1))
    with pytest.raises(InvalidTypeError, match="day"):
        PRESET.employer_on("Nord", dt.datetime(2024, 1, 1, 12))  # noqa: DTZ001


def test_unknown_successor_is_refused() -> None:
    with pytest.raises(UnknownPartyError, match="Münster"):
        PRESET.give_notice("Coesfeld", dt.date(2024, 6, 30), successor="Münster")


def test_successor_must_be_a_party_object_in_a_notice() -> None:
    from kim_cooperation import Notice

    with pytest.raises(InvalidTypeError, match="successor employer is a Party or None"):
        Notice(party=PRESET.party("Coesfeld"), received=dt.date(2024, 6, 30), successor="x")  # type: ignore[arg-type]


def test_give_notices_with_successors() -> None:
    agreement = PRESET.give_notices(
        {"Coesfeld": dt.date(2024, 6, 30), "Rosendahl": dt.date(2024, 6, 30)},
        successors={"Coesfeld": "Havixbeck"},
    )
    assert agreement.employer_of("Nord", 2026).name == "Havixbeck"
    assert [party.name for party in agreement.members_on(dt.date(2026, 1, 1), region="Nord")] == [
        "Billerbeck",
        "Havixbeck",
    ]


def test_give_notices_refuses_a_successor_without_a_notice() -> None:
    with pytest.raises(InvalidValueError, match=r"successors are named for \['Coesfeld'\]"):
        PRESET.give_notices(
            {"Rosendahl": dt.date(2024, 6, 30)}, successors={"Coesfeld": "Havixbeck"}
        )


def test_give_notices_refuses_successors_that_are_not_a_mapping() -> None:
    with pytest.raises(InvalidTypeError, match="successors must be a mapping"):
        PRESET.give_notices({"Coesfeld": dt.date(2024, 6, 30)}, successors=["Havixbeck"])  # type: ignore[arg-type]


def test_withdrawing_the_employers_notice_restores_the_employer() -> None:
    agreement = PRESET.give_notice("Coesfeld", dt.date(2024, 6, 30), successor="Billerbeck")
    restored = agreement.withdraw_notice("Coesfeld", dt.date(2025, 1, 1))
    assert restored == PRESET


@settings(max_examples=60)
@given(
    region=st.sampled_from(list(COESFELD_REGIONS)),
    data=st.data(),
)
def test_every_year_has_one_employer_who_is_a_member(region: str, data: st.DataObject) -> None:
    employer, towns = COESFELD_REGIONS[region]
    successor = data.draw(st.sampled_from([town for town in towns if town != employer]))
    received = data.draw(notice_days())
    others = data.draw(valid_notice_sets())
    others.pop(successor, None)  # the successor must outlast the employer: it stays
    agreement = with_notices(others).give_notice(employer, received, successor=successor)
    for year in YEARS:
        current = agreement.employer_of(region, year)
        assert agreement.is_member(current, dt.date(year, 12, 31))
        assert current.name == (employer if year <= last_year(received) else successor)
        for line in settle(
            agreement, year, {region: CostStatement(personnel=Decimal("90000"))}
        ).billing:
            assert line.creditor == current


def test_give_notices_refuses_a_list() -> None:
    with pytest.raises(
        InvalidTypeError, match="notices must be a mapping of party to date, got list"
    ):
        PRESET.give_notices([("Rosendahl", dt.date(2024, 6, 30))])  # type: ignore[arg-type]


def test_a_notice_from_an_outsider_is_refused() -> None:
    import attrs

    from kim_cooperation import Notice

    outsider = Party(name="Münster", kind="Stadt", ags="05515000")
    with pytest.raises(
        InvalidValueError, match=r"Münster \(05515000\) gave notice but is not a party"
    ):
        attrs.evolve(PRESET, notices=[Notice(party=outsider, received=dt.date(2024, 6, 30))])


def test_a_change_of_members_within_a_year_is_settled_pro_rata_under_quarter_terms() -> None:
    # Until issue 12 such a year was refused (I8); now it is cut into spans (I10).
    import attrs

    from kim_cooperation import NoticeTerms

    quarterly = attrs.evolve(PRESET, notice_terms=NoticeTerms(months=3, period_end="quarter"))
    agreement = quarterly.give_notice("Rosendahl", dt.date(2024, 3, 31))
    assert agreement.termination_of("Rosendahl") == dt.date(2024, 6, 30)
    plan = {"Nord": CostStatement(personnel=Decimal("170000"))}
    # Own share 170,000 - 137,500 = 32,500.00 = 3,250,000 cents. January to June
    # (6 twelfths): four towns, 1/4 each; July to December: three, 1/3 each.
    # Rosendahl: 6/12 x 1/4 = 1/8 -> 406,250 cents. The others: 1/8 + 1/6 = 7/24
    # -> 947,916.67 cents each: floors 947,916 x 3 + 406,250 = 3,249,998, so two
    # cents go by largest remainder (.67 each, a tie): Coesfeld (the employer), then
    # Billerbeck by AGS (I2).
    nord = settle(agreement, 2024, plan).region("Nord")
    assert {party.name: amount for party, amount in nord.split.items()} == {
        "Billerbeck": Decimal("9479.17"),
        "Coesfeld": Decimal("9479.17"),
        "Havixbeck": Decimal("9479.16"),
        "Rosendahl": Decimal("4062.50"),
    }
    assert [(span.months, len(span.members)) for span in nord.spans] == [(6, 4), (6, 3)]
    assert settle(agreement, 2025, plan).own_share_of("Rosendahl") == 0


def test_members_for_a_year_before_the_start_is_refused() -> None:
    with pytest.raises(
        InvalidValueError, match="starts on 2023-01-01; no town bears a share for 2022"
    ):
        members_for_year(PRESET, PRESET.region("Nord"), 2022)
