"""Tests of `kim_cooperation.winddown`: costs after full termination (C13, I5)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from kim_cooperation import presets
from kim_cooperation.agreement import Agreement
from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.costs import CostStatement
from kim_cooperation.errors import (
    InvalidDateError,
    InvalidTypeError,
    InvalidValueError,
    MoneyTypeError,
    UnknownPartyError,
    UnknownRegionError,
)
from kim_cooperation.notice import NoticeTerms, latest_notice_date_for
from kim_cooperation.policy import Policies, WindDownScope
from kim_cooperation.winddown import (
    MAX_RUN_ON_MONTHS,
    RunOnPeriod,
    WindDown,
    run_on_period,
    wind_down,
)
from strategies import cents, dates_near_year_end, decimal_from_cents, optional_dates

END = dt.date(2025, 12, 31)


def with_employment_ends(
    agreement: Agreement, ends: Mapping[str, dt.date | None], *, terms: NoticeTerms | None = None
) -> Agreement:
    """Return ``agreement`` with the given posts' employment end dates (by post label)."""
    regions = [
        attrs.evolve(
            region,
            posts=[
                attrs.evolve(post, employment_end=ends.get(post.label, post.employment_end))
                for post in region.posts
            ],
        )
        for region in agreement.regions
    ]
    changed = attrs.evolve(agreement, regions=regions)
    if terms is not None:
        changed = attrs.evolve(changed, notice_terms=terms)
    return changed


def ended(agreement: Agreement, end: dt.date = END) -> Agreement:
    """``agreement`` with every party's notice received on the last day that ends it on ``end``."""
    received = latest_notice_date_for(end, agreement.notice_terms)
    return agreement.give_notices(dict.fromkeys(agreement.parties, received))


def costs(amount: str) -> CostStatement:
    return CostStatement(personnel=Decimal(amount))


# --- run_on_period: golden -------------------------------------------------------------


def test_employment_ending_three_months_after_runs_on_three_months() -> None:
    period = run_on_period(END, dt.date(2026, 3, 31))
    assert period.first_day == dt.date(2026, 1, 1)
    assert period.last_day == dt.date(2026, 3, 31)
    assert (period.months, period.days) == (3, 0)
    assert not period.capped
    assert not period.is_empty
    assert period.agreement_end == END
    assert period.employment_end == dt.date(2026, 3, 31)
    assert period.clause is Clause.C13
    assert period.interpretation is Interpretation.I5
    assert period.describe() == "2026-01-01 to 2026-03-31 (3 months, until the end of employment)"


def test_employment_ending_fourteen_months_after_is_capped_at_twelve() -> None:
    period = run_on_period(END, dt.date(2027, 2, 28))
    assert period.first_day == dt.date(2026, 1, 1)
    assert period.last_day == dt.date(2026, 12, 31)
    assert (period.months, period.days) == (12, 0)
    assert period.capped
    assert "12-month limit" in period.describe()


def test_open_ended_employment_is_capped_at_twelve_months() -> None:
    period = run_on_period(END, None)
    assert period.employment_end is None
    assert period.last_day == dt.date(2026, 12, 31)
    assert period.months == MAX_RUN_ON_MONTHS == 12
    assert period.capped


@pytest.mark.parametrize("employment_end", [dt.date(2025, 9, 30), END, dt.date(2020, 1, 1)])
def test_employment_ending_with_or_before_the_agreement_has_no_run_on(
    employment_end: dt.date,
) -> None:
    period = run_on_period(END, employment_end)
    assert period.is_empty
    assert period.first_day is None
    assert period.last_day is None
    assert (period.months, period.days, period.capped) == (0, 0, False)
    assert period.describe().startswith("no run-on")


def test_run_on_of_exactly_twelve_months_is_not_capped() -> None:
    period = run_on_period(END, dt.date(2026, 12, 31))
    assert period.last_day == dt.date(2026, 12, 31)
    assert not period.capped
    assert "end of employment" in period.describe()
    assert run_on_period(END, dt.date(2027, 1, 1)).capped


def test_run_on_with_days_beyond_whole_months() -> None:
    period = run_on_period(END, dt.date(2026, 2, 14))
    assert (period.months, period.days) == (1, 14)
    assert period.describe() == (
        "2026-01-01 to 2026-02-14 (1 month 14 days, until the end of employment)"
    )
    one_day = run_on_period(END, dt.date(2026, 1, 1))
    assert (one_day.months, one_day.days) == (0, 1)
    assert "(0 months 1 day," in one_day.describe()


def test_max_months_sets_the_limit() -> None:
    period = run_on_period(END, None, max_months=6)
    assert period.last_day == dt.date(2026, 6, 30)
    assert period.months == 6


# --- run_on_period: properties ------------------------------------------------------------


def bgb_period_end(first_day: dt.date, months: int) -> dt.date:
    """The last day of a period of months beginning on ``first_day`` (§ 188 (2), (3) BGB).

    The day before the day of the same number; if the last month has no such
    day, its last day.
    """
    same_number = first_day + relativedelta(months=months)
    if same_number.day != first_day.day:  # no such day: § 188 (3)
        return same_number
    return same_number - dt.timedelta(days=1)


@given(dates_near_year_end(), optional_dates())
def test_run_on_period_properties(agreement_end: dt.date, employment_end: dt.date | None) -> None:
    period = run_on_period(agreement_end, employment_end)
    if employment_end is not None and employment_end <= agreement_end:
        assert period.is_empty
        assert (period.months, period.days) == (0, 0)
        return
    assert period.first_day == agreement_end + dt.timedelta(days=1)
    assert period.last_day is not None
    limit = bgb_period_end(period.first_day, 12)
    assert period.first_day <= period.last_day <= limit
    if employment_end is not None:
        assert period.last_day <= employment_end
    assert period.capped == (employment_end is None or employment_end > limit)
    assert period.last_day == (limit if period.capped else employment_end)
    assert 0 <= period.months <= 12
    assert period.months < 12 or period.days == 0
    assert 0 <= period.days < 31
    if period.months:
        whole_months = bgb_period_end(period.first_day, period.months)
        assert whole_months + dt.timedelta(days=period.days) == period.last_day
        assert period.months == 12 or bgb_period_end(period.first_day, period.months + 1) > (
            period.last_day
        )
    else:
        assert period.first_day + dt.timedelta(days=period.days - 1) == period.last_day


@given(dates_near_year_end(), optional_dates(), optional_dates())
def test_later_employment_end_never_shortens_the_run_on(
    agreement_end: dt.date, first: dt.date | None, second: dt.date | None
) -> None:
    def key(day: dt.date | None) -> dt.date:
        return dt.date.max if day is None else day

    early, late = sorted((first, second), key=key)
    short = run_on_period(agreement_end, early)
    long = run_on_period(agreement_end, late)
    if not short.is_empty:
        assert short.last_day is not None
        assert long.last_day is not None
        assert short.last_day <= long.last_day


# --- run_on_period: bad input -------------------------------------------------------------


def test_run_on_period_refuses_datetimes_and_strings() -> None:
    moment = dt.datetime(2025, 12, 31, tzinfo=dt.UTC)
    with pytest.raises(InvalidTypeError, match=r"agreement_end must be a datetime\.date"):
        run_on_period(moment, None)
    with pytest.raises(InvalidTypeError, match=r"employment_end must be a datetime\.date"):
        run_on_period(END, moment)
    with pytest.raises(InvalidTypeError, match=re.escape("'2026-03-31'")):
        run_on_period(END, "2026-03-31")  # type: ignore[arg-type]


@pytest.mark.parametrize("max_months", [0, -1, True, 1.5, "12"])
def test_run_on_period_refuses_a_bad_limit(max_months: Any) -> None:
    with pytest.raises(InvalidValueError, match=re.escape(f"got {max_months!r}")):
        run_on_period(END, None, max_months=max_months)


@pytest.mark.parametrize("agreement_end", [dt.date.max, dt.date(9999, 6, 30)])
def test_run_on_period_past_the_calendar_raises_invalid_date_error(
    agreement_end: dt.date,
) -> None:
    with pytest.raises(InvalidDateError, match=agreement_end.isoformat()):
        run_on_period(agreement_end, None)


# --- wind_down: the preset ------------------------------------------------------------------


def test_wind_down_of_the_preset_splits_mitte_in_halves() -> None:
    agreement = presets.coesfeld()
    result = wind_down(ended(agreement), END, {"Mitte": costs("68000")})
    assert isinstance(result, WindDown)
    assert result.agreement_end == END
    assert result.clause is Clause.C13
    [mitte] = result.regions
    assert mitte.region == agreement.region("Mitte")
    assert [(post.label, period.months) for post, period in mitte.periods] == [("Mitte 1", 12)]
    assert mitte.last_day == dt.date(2026, 12, 31)
    assert mitte.funding.amount == Decimal("0.00")
    assert mitte.net == Decimal("68000.00")
    assert mitte.surplus == Decimal("0.00")
    assert mitte.split.clause is Clause.C13
    assert dict(mitte.split) == {
        agreement.party("Dülmen"): Decimal("34000.00"),
        agreement.party("Nottuln"): Decimal("34000.00"),
    }
    assert result.part_of(agreement.party("Nottuln")) == Decimal("34000.00")


def test_funding_in_the_run_on_reduces_the_costs() -> None:
    agreement = presets.coesfeld()
    result = wind_down(
        ended(agreement),
        END,
        {"Nord": CostStatement(personnel=Decimal("163000"), material_not_itemised=7000)},
        funding={"Nord": Decimal("137500")},
    )
    [nord] = result.regions
    assert nord.costs.total == Decimal("170000.00")
    assert nord.funding.amount == Decimal("137500.00")
    assert nord.net == Decimal("32500.00")
    assert set(nord.split.values()) == {Decimal("8125.00")}
    assert len(nord.split) == 4


def test_funding_beyond_the_costs_is_a_surplus_not_a_payment() -> None:
    result = wind_down(
        ended(presets.coesfeld()), END, {"Süd": costs("1000")}, funding={"Süd": Decimal("1000.01")}
    )
    [sued] = result.regions
    assert sued.net == Decimal("0.00")
    assert sued.surplus == Decimal("0.01")
    assert set(sued.split.values()) == {Decimal("0.00")}


def test_odd_cents_go_to_the_employer_then_by_ags() -> None:
    agreement = presets.coesfeld()
    result = wind_down(ended(agreement), END, {"Nord": costs("0.02")})
    split = result.regions[0].split
    names = {party.name: str(amount) for party, amount in split.items()}
    # Coesfeld is the employer; Billerbeck has the lowest AGS of the others.
    assert names == {
        "Billerbeck": "0.01",
        "Coesfeld": "0.01",
        "Havixbeck": "0.00",
        "Rosendahl": "0.00",
    }
    assert split.first == agreement.party("Coesfeld")


def test_regions_come_in_agreement_order_and_accept_ascii_names() -> None:
    agreement = presets.coesfeld()
    result = wind_down(
        ended(agreement),
        END,
        {"Sued": costs("500"), "Nord": costs("400"), "mitte": costs("200")},
        funding={"SÜD": Decimal("100")},
    )
    assert [region.region.name for region in result.regions] == ["Nord", "Mitte", "Süd"]
    assert result.regions[2].net == Decimal("400.00")
    assert result.part_of(agreement.party("Senden")) == Decimal("80.00")
    assert result.part_of(agreement.party("Dülmen")) == Decimal("100.00")


def test_part_of_a_party_outside_the_wind_down_is_refused() -> None:
    agreement = presets.coesfeld()
    result = wind_down(ended(agreement), END, {"Mitte": costs("1")})
    with pytest.raises(UnknownPartyError, match="Olfen") as caught:
        result.part_of(agreement.party("Olfen"))
    assert isinstance(caught.value, LookupError)
    assert "Mitte" in str(caught.value)


# --- wind_down: posts with employment end dates -------------------------------------------------


def test_wind_down_follows_each_posts_employment_end() -> None:
    agreement = with_employment_ends(
        presets.coesfeld(),
        {
            "Nord 1": dt.date(2026, 3, 31),
            "Nord 2": dt.date(2027, 2, 28),
            "Nord 3": dt.date(2025, 6, 30),
        },
    )
    result = wind_down(ended(agreement), END, {"Nord": costs("40000")})
    [nord] = result.regions
    periods = {post.label: period for post, period in nord.periods}
    assert periods["Nord 1"].last_day == dt.date(2026, 3, 31)
    assert periods["Nord 1"].months == 3
    assert not periods["Nord 1"].capped
    assert periods["Nord 2"].last_day == dt.date(2026, 12, 31)
    assert periods["Nord 2"].capped
    assert periods["Nord 3"].is_empty
    assert nord.last_day == dt.date(2026, 12, 31)
    assert set(nord.split.values()) == {Decimal("10000.00")}


def test_costs_for_a_region_whose_posts_all_ended_are_refused() -> None:
    agreement = with_employment_ends(presets.coesfeld(), {"Mitte 1": dt.date(2025, 9, 30)})
    with pytest.raises(InvalidValueError, match=r"region 'Mitte'.*2025-12-31.*\(C13\)"):
        wind_down(ended(agreement), END, {"Mitte": costs("1")})
    with pytest.raises(InvalidValueError, match="region 'Mitte'"):
        wind_down(
            ended(agreement), END, {"Mitte": CostStatement()}, funding={"Mitte": Decimal("0.01")}
        )
    # Zero costs and no funding are consistent with no run-on.
    result = wind_down(ended(agreement), END, {"Mitte": CostStatement()})
    assert result.regions[0].net == Decimal("0.00")
    assert result.regions[0].last_day is None


def test_wind_down_with_other_notice_terms_accepts_their_period_ends() -> None:
    agreement = with_employment_ends(
        presets.coesfeld(),
        {"Mitte 1": dt.date(2026, 1, 15)},
        terms=NoticeTerms(months=3, period_end="quarter"),
    )
    result = wind_down(
        ended(agreement, dt.date(2025, 9, 30)), dt.date(2025, 9, 30), {"Mitte": costs("10.01")}
    )
    [mitte] = result.regions
    [(_, period)] = mitte.periods
    assert period.first_day == dt.date(2025, 10, 1)
    assert period.last_day == dt.date(2026, 1, 15)
    assert (period.months, period.days) == (3, 15)
    assert {party.name: str(part) for party, part in mitte.split.items()} == {
        "Dülmen": "5.01",
        "Nottuln": "5.00",
    }
    with pytest.raises(InvalidValueError, match="end of a quarter"):
        wind_down(
            ended(agreement, dt.date(2025, 9, 30)), dt.date(2025, 8, 31), {"Mitte": costs("1")}
        )


# --- wind_down: properties ------------------------------------------------------------------


@given(
    st.sampled_from(["Nord", "Mitte", "Süd"]),
    cents(min_value=0, max_value=10**10),
    st.one_of(st.none(), cents(min_value=0, max_value=10**10)),
)
def test_wind_down_parts_sum_to_the_net(
    region_name: str, cost_cents: int, funding_cents: int | None
) -> None:
    agreement = presets.coesfeld()
    funding = None if funding_cents is None else {region_name: decimal_from_cents(funding_cents)}
    result = wind_down(
        ended(agreement),
        END,
        {region_name: CostStatement(personnel=decimal_from_cents(cost_cents))},
        funding=funding,
    )
    [region] = result.regions
    received = funding_cents or 0
    assert region.net == decimal_from_cents(max(cost_cents - received, 0))
    assert region.surplus == decimal_from_cents(max(received - cost_cents, 0))
    assert region.funding.amount == decimal_from_cents(received)
    parts = list(region.split.values())
    assert sum(parts, Decimal(0)) == region.net
    assert max(parts) - min(parts) <= Decimal("0.01")
    assert region.split.clause is Clause.C13
    assert set(region.split) == set(agreement.region(region_name).members)
    assert region.split[agreement.region(region_name).employer] == max(parts)
    for party in region.split:
        assert result.part_of(party) == region.split[party]


# Notices after 2100 lie beyond the public-holiday data, which the library says with a warning.
@pytest.mark.filterwarnings("ignore::kim_cooperation.errors.HolidaysNotCheckedWarning")
@given(st.integers(min_value=2024, max_value=2200), optional_dates(2020, 2210))
def test_wind_down_periods_match_run_on_period(year: int, employment_end: dt.date | None) -> None:
    agreement_end = dt.date(year, 12, 31)
    agreement = with_employment_ends(presets.coesfeld(), {"Mitte 1": employment_end})
    ran_on = employment_end is None or employment_end > agreement_end
    amount = Decimal("100.00") if ran_on else Decimal(0)
    result = wind_down(
        ended(agreement, agreement_end), agreement_end, {"Mitte": CostStatement(personnel=amount)}
    )
    [(_, period)] = result.regions[0].periods
    assert period == run_on_period(agreement_end, employment_end)
    assert isinstance(period, RunOnPeriod)
    assert period.is_empty == (not ran_on)


# --- wind_down: bad input --------------------------------------------------------------------


@pytest.mark.parametrize("agreement_end", [dt.date(2025, 12, 30), dt.date(2025, 6, 30)])
def test_agreement_end_must_be_a_31_december(agreement_end: dt.date) -> None:
    with pytest.raises(InvalidValueError, match=rf"{agreement_end.isoformat()} \(C11, C13\)"):
        wind_down(presets.coesfeld(), agreement_end, {"Mitte": costs("1")})


def test_wind_down_needs_every_partys_notice() -> None:
    agreement = presets.coesfeld()
    with pytest.raises(InvalidValueError, match=r"Ascheberg, Billerbeck, .*Senden gave none"):
        wind_down(agreement, END, {"Mitte": costs("1")})
    some = agreement.give_notice("Rosendahl", dt.date(2024, 6, 30))
    with pytest.raises(
        InvalidValueError, match=r"Olfen, Senden gave none.*\(C11, C13\)"
    ) as raised:
        wind_down(some, END, {"Mitte": costs("1")})
    assert "Rosendahl" not in str(raised.value)


def test_agreement_end_must_be_the_day_the_notices_end_it() -> None:
    with pytest.raises(InvalidValueError, match="ends on 2025-12-31, not on 2026-12-31"):
        wind_down(ended(presets.coesfeld()), dt.date(2026, 12, 31), {"Mitte": costs("1")})


def test_negative_funding_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"funding of region 'Mitte'.*-0\.01"):
        wind_down(
            ended(presets.coesfeld()),
            END,
            {"Mitte": costs("1")},
            funding={"Mitte": Decimal("-0.01")},
        )


def test_funding_for_a_region_without_costs_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"\['Nord'\] without costs \(C13\)"):
        wind_down(
            ended(presets.coesfeld()), END, {"Mitte": costs("1")}, funding={"Nord": Decimal("1")}
        )


def test_funding_naming_a_region_twice_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="twice"):
        wind_down(
            ended(presets.coesfeld()),
            END,
            {"Süd": costs("1")},
            funding={"Süd": Decimal("1"), "Sued": Decimal("1")},
        )


def test_unknown_region_names_are_refused() -> None:
    with pytest.raises(UnknownRegionError, match="'West'") as caught:
        wind_down(ended(presets.coesfeld()), END, {"West": costs("1")})
    assert isinstance(caught.value, KeyError)
    assert "Nord" in str(caught.value)
    with pytest.raises(UnknownRegionError, match="'Ost'"):
        wind_down(
            ended(presets.coesfeld()), END, {"Nord": costs("1")}, funding={"Ost": Decimal(1)}
        )


def test_float_funding_is_refused() -> None:
    with pytest.raises(MoneyTypeError, match=re.escape("Decimal('1000.5')")) as caught:
        wind_down(ended(presets.coesfeld()), END, {"Nord": costs("1")}, funding={"Nord": 1000.5})  # type: ignore[dict-item]
    assert "funding of region 'Nord'" in str(caught.value)


def test_wind_down_refuses_wrong_types() -> None:
    agreement = presets.coesfeld()
    not_a_mapping: Any = [("Nord", Decimal(1))]
    with pytest.raises(InvalidTypeError, match="agreement must be an Agreement"):
        wind_down("Coesfeld", END, {"Nord": costs("1")})  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"agreement_end must be a datetime\.date"):
        wind_down(agreement, dt.datetime(2025, 12, 31, tzinfo=dt.UTC), {"Nord": costs("1")})
    with pytest.raises(InvalidTypeError, match="funding must be a mapping"):
        wind_down(ended(agreement), END, {"Nord": costs("1")}, funding=not_a_mapping)
    with pytest.raises(InvalidValueError, match="at least one region"):
        wind_down(ended(agreement), END, {})


@pytest.mark.parametrize(
    ("agreement_end", "limit"),
    [
        # § 188 (3) BGB: no 29 February in 2025, so the year ends on the 28th.
        (dt.date(2024, 2, 28), dt.date(2025, 2, 28)),
        # § 188 (2) BGB: the day before 1 March 2024 is the leap day.
        (dt.date(2023, 2, 28), dt.date(2024, 2, 29)),
        (dt.date(2025, 1, 30), dt.date(2026, 1, 30)),
        (dt.date(2025, 12, 31), dt.date(2026, 12, 31)),
        # The last representable limit.
        (dt.date(9998, 12, 31), dt.date(9999, 12, 31)),
    ],
)
def test_limit_follows_section_188_bgb(agreement_end: dt.date, limit: dt.date) -> None:
    period = run_on_period(agreement_end, None)
    assert period.last_day == limit
    assert period.capped
    assert (period.months, period.days) == (12, 0)


def test_no_run_on_is_representable_at_the_end_of_the_calendar() -> None:
    assert run_on_period(dt.date(9999, 12, 31), dt.date(9999, 6, 30)).is_empty
    with pytest.raises(InvalidDateError, match="after 9999-12-31"):
        run_on_period(dt.date(9999, 12, 31), None)


def test_describe_names_the_limit_in_force() -> None:
    period = run_on_period(dt.date(2025, 12, 31), None, max_months=6)
    assert period.describe() == "2026-01-01 to 2026-06-30 (6 months, until the 6-month limit)"


def test_funding_must_be_a_mapping_even_when_empty() -> None:
    with pytest.raises(InvalidTypeError, match=r"funding must be a mapping .* got list"):
        wind_down(
            ended(presets.coesfeld()),
            dt.date(2025, 12, 31),
            {"Mitte": CostStatement(personnel=1)},
            funding=[],  # type: ignore[arg-type]
        )


# --- wind_down: who the former parties are (I5) ------------------------------------------------


def rosendahl_leaves_first() -> Agreement:
    """Rosendahl leaves at the end of 2025, everyone else a year later."""
    agreement = presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30))
    others = [party for party in agreement.parties if party.name != "Rosendahl"]
    return agreement.give_notices(dict.fromkeys(others, dt.date(2025, 6, 30)))


def test_towns_that_left_earlier_do_not_share_the_run_on_by_default() -> None:
    agreement = rosendahl_leaves_first()
    assert agreement.policies.wind_down_scope is WindDownScope.LAST_MEMBERS
    result = wind_down(agreement, dt.date(2026, 12, 31), {"Nord": costs("30000.01")})
    assert {party.name: str(part) for party, part in result.regions[0].split.items()} == {
        "Billerbeck": "10000.00",
        "Coesfeld": "10000.01",
        "Havixbeck": "10000.00",
    }


def test_all_former_parties_share_the_run_on_under_the_wide_reading() -> None:
    agreement = rosendahl_leaves_first().with_policies(Policies(wind_down_scope="all-former"))
    result = wind_down(agreement, dt.date(2026, 12, 31), {"Nord": costs("30000.02")})
    assert {party.name: str(part) for party, part in result.regions[0].split.items()} == {
        "Billerbeck": "7500.01",
        "Coesfeld": "7500.01",
        "Havixbeck": "7500.00",
        "Rosendahl": "7500.00",
    }
    assert result.part_of(agreement.party("Rosendahl")) == Decimal("7500.00")


def test_wind_down_scope_is_validated() -> None:
    with pytest.raises(InvalidValueError, match=r"wind_down_scope must be one of .*'everyone'"):
        Policies(wind_down_scope="everyone")


def test_part_of_accepts_names_and_ags() -> None:
    result = wind_down(ended(presets.coesfeld()), END, {"Mitte": costs("68000")})
    assert result.part_of("Duelmen") == result.part_of("05558032") == Decimal("34000.00")
    with pytest.raises(UnknownPartyError, match=r"^'Olfen' is not a former party"):
        result.part_of("Olfen")
