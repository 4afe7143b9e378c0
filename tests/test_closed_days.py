"""Days of receipt and deadlines on closed days (C11, § 130 BGB): weekends, holidays, listed days.

The library never moves a date; it warns. Recording a notice on a closed day
gives a `ClosedDayWarning` pointing at the caller; a deadline carries its
warning; the command line says it in German or English. Without the optional
package ``holidays`` nothing pretends that holidays were checked.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle
import re
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kim_cooperation as kim
from kim_cooperation import closed_days, presets, scenario
from kim_cooperation.cli import main
from kim_cooperation.closed_days import (
    LANDS,
    ClosedDays,
    ClosedReason,
    DayCheck,
    HolidayGap,
    check_receipt,
    lands_of,
    parse_closed_day,
)
from kim_cooperation.closed_days import _holidays as holidays_module
from kim_cooperation.errors import (
    ClosedDayWarning,
    HolidaysNotCheckedWarning,
    InvalidDateError,
    InvalidTypeError,
    InvalidValueError,
    KimCooperationWarning,
)
from kim_cooperation.formatting import Lang
from kim_cooperation.notice import NoticeDeadline, NoticeTerms, latest_notice_date_for
from kim_cooperation.report import render_deadline
from strategies import LAND_CODES, month_days
from strategies import closed_days as closed_days_strategy

COESFELD = presets.coesfeld()
SUNDAY = dt.date(2024, 6, 30)
"""The deadline to end on 31 December 2025: a Sunday."""
NO_LANDS = ClosedDays(lands=())
"""Weekends and listed days only: no public holidays, so no package needed."""

NRW_2024 = {
    dt.date(2024, 1, 1): "Neujahr",
    dt.date(2024, 3, 29): "Karfreitag",
    dt.date(2024, 4, 1): "Ostermontag",
    dt.date(2024, 5, 1): "Erster Mai",
    dt.date(2024, 5, 9): "Christi Himmelfahrt",
    dt.date(2024, 5, 20): "Pfingstmontag",
    dt.date(2024, 5, 30): "Fronleichnam",
    dt.date(2024, 10, 3): "Tag der Deutschen Einheit",
    dt.date(2024, 11, 1): "Allerheiligen",
    dt.date(2024, 12, 25): "Erster Weihnachtstag",
    dt.date(2024, 12, 26): "Zweiter Weihnachtstag",
}
"""The public holidays of Nordrhein-Westfalen in 2024 (Feiertagsgesetz NW), written out by hand."""


@pytest.fixture
def without_holidays(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if the optional package ``holidays`` were not installed."""
    monkeypatch.setattr(closed_days, "_holidays_package", lambda: None)


def recorded(call: object) -> list[warnings.WarningMessage]:
    """Run ``call`` and return the library's warnings it issued, whatever the filters."""
    assert callable(call)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    return [item for item in caught if issubclass(item.category, KimCooperationWarning)]


# --- the days --------------------------------------------------------------------------------


def test_the_public_holidays_of_nrw_in_2024() -> None:
    closed = ClosedDays()
    found = {}
    day = dt.date(2024, 1, 1)
    while day.year == 2024:
        check = closed.check(day)
        holidays = [c for c in check.closures if c.reason is ClosedReason.PUBLIC_HOLIDAY]
        if holidays:
            assert [c.lands for c in holidays] == [("NW",)]
            found[day] = holidays[0].name
        day += dt.timedelta(days=1)
    assert found == NRW_2024


def test_a_holiday_has_its_german_and_english_name() -> None:
    check = ClosedDays().check(dt.date(2024, 5, 30))
    assert check.closed
    assert check.holidays_checked
    assert (
        check.describe(lang="de")
        == "ein gesetzlicher Feiertag in Nordrhein-Westfalen (Fronleichnam)"
    )
    assert (
        check.describe(lang="en") == "a public holiday in North Rhine-Westphalia (Corpus Christi)"
    )


def test_a_weekend_holiday_names_both_reasons() -> None:
    check = ClosedDays().check(dt.date(2025, 11, 1))
    assert [c.reason for c in check.closures] == [
        ClosedReason.WEEKEND,
        ClosedReason.PUBLIC_HOLIDAY,
    ]
    assert check.describe(lang="de") == (
        "ein Samstag und ein gesetzlicher Feiertag in Nordrhein-Westfalen (Allerheiligen)"
    )


def test_the_holidays_of_the_land_count_not_those_of_another() -> None:
    epiphany = dt.date(2025, 1, 6)  # Heilige Drei Könige: Bayern, not Nordrhein-Westfalen
    assert not ClosedDays().is_closed(epiphany)
    assert ClosedDays(lands=["BY"]).is_closed(epiphany)
    both = ClosedDays(lands=["NW", "BY"]).check(epiphany)
    assert [c.lands for c in both.closures] == [("BY",)]
    assert both.describe(lang="en") == "a public holiday in Bavaria (Epiphany)"


def test_a_holiday_of_several_lands_is_one_closure() -> None:
    check = ClosedDays(lands=["NW", "BY", "HE"]).check(dt.date(2025, 10, 3))
    assert len(check.closures) == 1
    assert check.closures[0].lands == ("BY", "HE", "NW")
    assert check.describe(lang="de") == (
        "ein gesetzlicher Feiertag in Bayern, Hessen und Nordrhein-Westfalen "
        "(Tag der Deutschen Einheit)"
    )


def test_every_land_key_of_the_ags_names_a_land_with_holidays() -> None:
    assert sorted(LANDS) == [f"{key:02d}" for key in range(1, 17)]
    assert sorted(LANDS.values()) == sorted(LAND_CODES)
    assert LANDS["05"] == "NW"
    assert LANDS["09"] == "BY"
    for land in LAND_CODES:  # New Year's Day everywhere
        assert ClosedDays(lands=[land]).check(dt.date(2025, 1, 1)).closures[0].lands == (land,)


def test_the_lands_of_an_agreement_come_from_its_parties_ags() -> None:
    bavarian = kim.Party(name="Dachau", kind="Stadt", ags="09174115")
    assert lands_of(COESFELD.parties) == ("NW",)
    assert lands_of([*COESFELD.parties[:2], bavarian]) == ("BY", "NW")
    assert ClosedDays.of(COESFELD) == ClosedDays()
    assert ClosedDays.of(presets.example()).lands == ("NW",)  # AGS 05999…


def test_listed_days_once_and_every_year() -> None:
    closed = ClosedDays(lands=(), dates=[dt.date(2025, 6, 20)], yearly=[(12, 31), (12, 24)])
    assert closed.yearly == ((12, 24), (12, 31))
    assert closed.is_closed(dt.date(2025, 6, 20))
    assert not closed.is_closed(dt.date(2026, 6, 19))
    assert all(closed.is_closed(dt.date(year, 12, 24)) for year in (1999, 2025, 2099))
    listed = closed.check(dt.date(2025, 12, 31))
    assert [c.reason for c in listed.closures] == [ClosedReason.LISTED]
    assert listed.describe(lang="de") == "ein angegebener Schließtag"
    assert closed.check(dt.date(2025, 12, 30)).describe(lang="en") == "a working day"


def test_29_february_is_a_day_of_every_year() -> None:
    closed = ClosedDays(lands=(), yearly=[(2, 29)])
    assert closed.is_closed(dt.date(2024, 2, 29))
    assert not closed.is_closed(dt.date(2025, 2, 28))


def test_open_days_around_christmas() -> None:
    closed = ClosedDays(yearly=[(12, 24), (12, 31)])
    assert closed.next_open_day(dt.date(2024, 12, 24)) == dt.date(2024, 12, 27)
    assert closed.next_open_day(dt.date(2024, 12, 31)) == dt.date(2025, 1, 2)
    assert closed.last_open_day(dt.date(2024, 12, 26)) == dt.date(2024, 12, 23)
    assert closed.last_open_day(dt.date(2024, 12, 23)) == dt.date(2024, 12, 23)


@settings(max_examples=60)
@given(closed_days_strategy(), st.dates(dt.date(1995, 1, 1), dt.date(2095, 12, 31)))
def test_the_next_and_last_open_days_skip_exactly_the_closed_days(
    closed: ClosedDays, day: dt.date
) -> None:
    following = closed.next_open_day(day)
    assert following > day
    assert not closed.is_closed(following)
    assert all(
        closed.is_closed(day + dt.timedelta(days=n)) for n in range(1, (following - day).days)
    )
    before = closed.last_open_day(day)
    assert before <= day
    assert not closed.is_closed(before)
    assert all(
        closed.is_closed(before + dt.timedelta(days=n)) for n in range(1, (day - before).days + 1)
    )


@settings(max_examples=60)
@given(st.dates(dt.date(1995, 1, 1), dt.date(2095, 12, 31)), st.lists(month_days(), max_size=4))
def test_without_lands_a_day_is_closed_on_weekends_and_listed_days_only(
    day: dt.date, yearly: list[tuple[int, int]]
) -> None:
    closed = ClosedDays(lands=(), yearly=yearly)
    check = closed.check(day)
    assert check.holidays_checked  # no Land, nothing to check
    expected = day.weekday() >= 5 or (day.month, day.day) in yearly
    assert check.closed == expected


def test_no_open_day_is_an_error_not_an_endless_search() -> None:
    every_day = ClosedDays(
        lands=(),
        yearly=[
            (month, day) for month in range(1, 13) for day in range(1, 32) if _exists(month, day)
        ],
    )
    with pytest.raises(InvalidValueError, match="no working day within 400 days after 2024-01-01"):
        every_day.next_open_day(dt.date(2024, 1, 1))
    with pytest.raises(InvalidDateError, match="no working day after 9999-12-31"):
        NO_LANDS.next_open_day(dt.date(9999, 12, 31))
    with pytest.raises(InvalidDateError, match="no working day before 0001-01-01"):
        ClosedDays(lands=(), yearly=[(1, 1)]).last_open_day(dt.date(1, 1, 1))


def _exists(month: int, day: int) -> bool:
    try:
        dt.date(2000, month, day)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize(
    ("fields", "error", "message"),
    [
        ({"lands": "NW"}, InvalidTypeError, "lands must be an iterable of Land codes"),
        ({"lands": ["XX"]}, InvalidValueError, "got 'XX'; NW is Nordrhein-Westfalen"),
        ({"lands": ["nw"]}, InvalidValueError, "got 'nw'"),
        ({"lands": [5]}, InvalidValueError, "got 5"),
        ({"dates": "2025-12-24"}, InvalidTypeError, "dates must be an iterable of datetime.date"),
        ({"dates": [dt.datetime(2025, 12, 24)]}, InvalidTypeError, "pass value.date()"),  # noqa: DTZ001
        ({"yearly": [(12, 24, 1)]}, InvalidTypeError, "tuple \\(month, day\\) of ints"),
        ({"yearly": [[12, 24]]}, InvalidTypeError, "tuple \\(month, day\\)"),
        (
            {"yearly": [(12, 24.0)]},
            InvalidTypeError,
            "the day of a day closed every year must be an int",
        ),
        ({"yearly": [(True, 1)]}, InvalidTypeError, "the month of a day closed every year"),
        ({"yearly": [(4, 31)]}, InvalidValueError, "got \\(4, 31\\)"),
        ({"yearly": [(13, 1)]}, InvalidValueError, "got \\(13, 1\\)"),
        ({"yearly": 12}, InvalidTypeError, "yearly must be an iterable"),
    ],
)
def test_bad_closed_days_are_refused(
    fields: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        ClosedDays(**fields)


def test_checks_refuse_what_is_not_a_date_or_agreement() -> None:
    with pytest.raises(InvalidTypeError, match=r"day must be a datetime\.date"):
        ClosedDays().check("2024-06-30")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="agreement must be an Agreement"):
        ClosedDays.of(None)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="parties must all be Party"):
        lands_of(["Coesfeld"])  # type: ignore[list-item]
    with pytest.raises(InvalidValueError, match="lang must be 'de' or 'en'"):
        ClosedDays().check(SUNDAY).describe(lang="fr")  # type: ignore[arg-type]


def test_results_of_checks_are_made_by_the_library_only() -> None:
    check = ClosedDays().check(SUNDAY)
    with pytest.raises(InvalidTypeError, match=r"made by ClosedDays\.check"):
        DayCheck(day=SUNDAY, closures=(), gap=None, lands=())
    assert pickle.loads(pickle.dumps(check)) == check
    assert copy.deepcopy(ClosedDays(yearly=[(12, 24)])) == ClosedDays(yearly=[(12, 24)])
    assert hash(ClosedDays()) == hash(ClosedDays(lands=["NW", "NW"]))


# --- deadlines -------------------------------------------------------------------------------


def test_a_deadline_before_easter_goes_back_over_good_friday() -> None:
    quarter = NoticeTerms(months=3, period_end="quarter")
    end = dt.date(2024, 6, 30)
    deadline = NoticeDeadline(
        end=end, deadline=latest_notice_date_for(end, quarter), terms=quarter
    )
    assert deadline.deadline == dt.date(2024, 3, 31)  # Easter Sunday
    assert deadline.last_working_day == dt.date(2024, 3, 28)  # before Good Friday
    assert deadline.falls_on_weekend
    assert deadline.falls_on_closed_day
    assert "make sure the notice arrives by 2024-03-28" in str(deadline.warning())
    assert "spätestens am 28.03.2024" in render_deadline(deadline)


def test_a_deadline_on_a_listed_day_warns_without_being_moved() -> None:
    half_year = NoticeTerms(months=6, period_end="half-year")
    end = dt.date(2025, 6, 30)
    listed = ClosedDays(yearly=[(12, 31)])
    deadline = NoticeDeadline(
        end=end,
        deadline=latest_notice_date_for(end, half_year),
        terms=half_year,
        closed_days=listed,
    )
    assert deadline.deadline == dt.date(2024, 12, 31)  # a Tuesday
    assert not deadline.falls_on_weekend
    assert deadline.falls_on_closed_day
    assert deadline.last_working_day == dt.date(2024, 12, 30)
    assert deadline.warning(lang="de") == (
        "Die Frist 31.12.2024 ist ein angegebener Schließtag. Sie wird nicht verschoben "
        "(§ 193 BGB gilt nicht für Kündigungsfristen), aber ein Brief im Briefkasten einer "
        "geschlossenen Verwaltung gilt erst am nächsten Arbeitstag als zugegangen: Die "
        "Kündigung muss spätestens am 30.12.2024 zugehen."
    )
    assert render_deadline(deadline, lang="en").splitlines()[1] == (
        "2024-12-31 is a listed closed day. The deadline is not moved (§ 193 BGB does not apply "
        "to notice periods); make sure the notice arrives by 2024-12-30."
    )
    assert NoticeDeadline(end=end, deadline=deadline.deadline, terms=half_year).warning() is None


def test_notice_deadline_takes_the_closed_days() -> None:
    closed = ClosedDays(dates=[dt.date(2025, 6, 30)])
    deadline = kim.notice_deadline(2026, closed_days=closed)
    assert deadline.closed_days == closed
    assert deadline.last_working_day == dt.date(2025, 6, 27)
    with pytest.raises(InvalidTypeError, match="closed_days must be ClosedDays"):
        kim.notice_deadline(2026, closed_days=[dt.date(2025, 6, 30)])  # type: ignore[arg-type]


# --- recording notices -----------------------------------------------------------------------


def test_a_notice_received_on_a_sunday_is_kept_with_a_warning() -> None:
    with pytest.warns(ClosedDayWarning) as caught:
        agreement = COESFELD.give_notice("Rosendahl", SUNDAY)
    assert agreement.termination_of("Rosendahl") == dt.date(2025, 12, 31)  # not moved
    [warning] = caught
    assert warning.filename == __file__  # points at the caller, not into the library
    message = warning.message
    assert isinstance(message, ClosedDayWarning)
    assert message.receipt is not None
    assert str(message) == (
        "The notice of Rosendahl is recorded as received on 2024-06-30, a Sunday. A letter left "
        "in a closed office's mailbox counts as received on the next working day, 2024-07-01; "
        "membership would then end on 2026-12-31 instead of 2025-12-31. What counts is the day "
        "the notice actually reached the parties (§ 130 BGB, C11); the date is not moved."
    )
    receipt = message.receipt
    assert (receipt.received, receipt.next_open_day, receipt.ends, receipt.ends_if_next_open) == (
        SUNDAY,
        dt.date(2024, 7, 1),
        dt.date(2025, 12, 31),
        dt.date(2026, 12, 31),
    )
    assert receipt.describe(lang="de").startswith(
        "Die Kündigung von Rosendahl ist als am 30.06.2024 zugegangen erfasst, ein Sonntag."
    )


def test_a_notice_on_a_working_day_gives_no_warning() -> None:
    assert recorded(lambda: COESFELD.give_notice("Rosendahl", dt.date(2024, 6, 28))) == []
    assert recorded(lambda: COESFELD.give_notices({"Olfen": dt.date(2024, 7, 1)})) == []


def test_a_holiday_that_changes_nothing_still_warns() -> None:
    [warning] = recorded(lambda: COESFELD.give_notice("Olfen", dt.date(2024, 10, 3)))
    assert warning.category is ClosedDayWarning
    assert "German Unity Day" in str(warning.message)
    assert "membership ends on 2026-12-31 either way" in str(warning.message)


def test_listed_closed_days_are_passed_with_the_notice() -> None:
    closing = ClosedDays.of(COESFELD, yearly=[(12, 31)])
    assert recorded(lambda: COESFELD.give_notice("Olfen", dt.date(2024, 12, 31))) == []
    [warning] = recorded(
        lambda: COESFELD.give_notice("Olfen", dt.date(2024, 12, 31), closed_days=closing)
    )
    assert "a listed closed day" in str(warning.message)
    with pytest.raises(InvalidTypeError, match="closed_days must be ClosedDays or None"):
        COESFELD.give_notice("Olfen", dt.date(2024, 12, 31), closed_days=[(12, 31)])  # type: ignore[arg-type]


def test_several_notices_give_one_warning_per_closed_day() -> None:
    days = {
        "Olfen": SUNDAY,
        "Senden": SUNDAY,
        "Rosendahl": dt.date(2024, 6, 29),
        "Nottuln": dt.date(2024, 6, 28),
    }
    caught = recorded(lambda: COESFELD.give_notices(days))
    assert [str(item.message).split(",")[0] for item in caught] == [
        "The notice of Rosendahl is recorded as received on 2024-06-29",
        "The notices of Olfen",
    ]
    assert "The notices of Olfen, Senden are recorded as received on 2024-06-30" in str(
        caught[1].message
    )
    assert all(item.filename == __file__ for item in caught)


def test_a_refused_notice_gives_no_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(kim.UndecidedCaseError):
            COESFELD.give_notice("Coesfeld", SUNDAY)


def test_scenarios_warn_at_the_caller() -> None:
    with pytest.warns(ClosedDayWarning) as caught:
        scenario.notice_by(COESFELD, "Rosendahl", SUNDAY)
    assert [item.filename for item in caught] == [__file__]
    with pytest.warns(ClosedDayWarning, match="The notices of Ascheberg, Billerbeck"):
        scenario.all_give_notice(COESFELD, SUNDAY)


def test_strategies_record_drawn_notices_without_warnings() -> None:
    from kim_cooperation.strategies import agreements

    @settings(max_examples=15)
    @given(agreements(with_notices=True))
    def drawn(agreement: kim.Agreement) -> None:
        assert agreement.notices

    with warnings.catch_warnings():
        warnings.simplefilter("error", KimCooperationWarning)
        drawn()


@settings(max_examples=60)
@given(st.dates(dt.date(1995, 1, 1), dt.date(2095, 12, 31)))
def test_a_closed_day_of_receipt_can_only_end_membership_later(day: dt.date) -> None:
    receipt = check_receipt(day, ClosedDays(), ends=kim.termination_date)
    assert receipt.ends == kim.termination_date(day)
    if receipt.closed:
        assert receipt.next_open_day is not None
        assert receipt.ends_if_next_open is not None
        assert receipt.ends_if_next_open >= receipt.ends
        assert ("instead of" in receipt.describe()) == (receipt.ends_if_next_open > receipt.ends)
    else:
        assert receipt.next_open_day is None
        assert receipt.ends_if_next_open is None


def test_check_receipt_refuses_wrong_arguments() -> None:
    with pytest.raises(InvalidTypeError, match="ends must be a function"):
        check_receipt(SUNDAY, ClosedDays(), ends=None)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="closed_days must be ClosedDays"):
        check_receipt(SUNDAY, None, ends=kim.termination_date)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="parties must be an iterable of str"):
        check_receipt(SUNDAY, ClosedDays(), ends=kim.termination_date, parties="Olfen")


def test_the_warnings_are_user_warnings_of_the_package_and_pickle_with_their_check() -> None:
    assert issubclass(ClosedDayWarning, KimCooperationWarning)
    assert issubclass(HolidaysNotCheckedWarning, KimCooperationWarning)
    assert issubclass(KimCooperationWarning, UserWarning)
    assert not issubclass(KimCooperationWarning, kim.KimCooperationError)
    [warning] = recorded(lambda: COESFELD.give_notice("Rosendahl", SUNDAY))
    message = warning.message
    assert isinstance(message, ClosedDayWarning)
    restored = pickle.loads(pickle.dumps(message))
    assert restored.receipt == message.receipt
    assert str(restored) == str(message)
    assert repr(restored) == repr(message)
    assert repr(message).startswith("ClosedDayWarning(")


def test_the_warnings_can_be_escalated_to_errors() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", KimCooperationWarning)
        with pytest.raises(ClosedDayWarning):
            COESFELD.give_notice("Rosendahl", SUNDAY)


# --- without the package holidays ------------------------------------------------------------


@pytest.mark.usefixtures("without_holidays")
def test_without_holidays_a_working_day_says_holidays_were_not_checked() -> None:
    with pytest.warns(HolidaysNotCheckedWarning) as caught:
        COESFELD.give_notice("Olfen", dt.date(2024, 10, 3))  # a holiday, not recognised
    [warning] = caught
    assert warning.filename == __file__
    assert str(warning.message) == (
        "The notice of Olfen is recorded as received on 2024-10-03. Public holidays were not "
        "checked: the optional package 'holidays' is not installed (pip install "
        "'kim-cooperation[holidays]'); weekends and listed closed days were checked."
    )


@pytest.mark.usefixtures("without_holidays")
def test_without_holidays_weekends_and_listed_days_are_still_checked() -> None:
    [warning] = recorded(lambda: COESFELD.give_notice("Olfen", SUNDAY))
    assert warning.category is ClosedDayWarning
    assert "a Sunday" in str(warning.message)
    assert str(warning.message).endswith(
        "Public holidays were not checked: the optional package 'holidays' is not installed "
        "(pip install 'kim-cooperation[holidays]'); weekends and listed closed days were checked."
    )
    check = ClosedDays(yearly=[(12, 24)]).check(dt.date(2025, 12, 24))
    assert check.closed
    assert check.gap is HolidayGap.NO_PACKAGE
    assert not check.holidays_checked


@pytest.mark.usefixtures("without_holidays")
def test_without_holidays_a_deadline_says_so() -> None:
    calm = kim.notice_deadline(2026)
    assert not calm.falls_on_closed_day
    assert calm.warning() is not None
    assert "not installed" in str(calm.warning())
    assert "Das optionale Paket „holidays“ ist nicht installiert" in render_deadline(calm)
    # Weekends need no package: the 30 June 2024 deadline is still a Sunday.
    assert kim.notice_deadline(2025).last_working_day == dt.date(2024, 6, 28)
    # A Land with nothing to check needs none either.
    assert NO_LANDS.check(dt.date(2025, 6, 30)).holidays_checked


@pytest.mark.usefixtures("without_holidays")
def test_without_holidays_the_command_line_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "--received", "2024-10-03"]) == 0
    out = capsys.readouterr().out
    assert "Gesetzliche Feiertage wurden nicht geprüft" in out
    assert "pip install 'kim-cooperation[holidays]'" in out


def test_a_missing_package_is_found_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "holidays", None)  # import holidays raises ImportError
    assert holidays_module._holidays_package.__wrapped__() is None


def test_years_beyond_the_holiday_data_say_so() -> None:
    check = ClosedDays().check(dt.date(2101, 6, 1))
    assert check.gap is HolidayGap.NO_DATA
    assert check.gap_note() == (
        "Public holidays were not checked: the package 'holidays' has no public holidays of "
        "North Rhine-Westphalia for 2101; weekends and listed closed days were checked."
    )
    with pytest.warns(HolidaysNotCheckedWarning, match="for 2101"):
        COESFELD.give_notice("Olfen", dt.date(2101, 6, 1))


def test_the_package_is_imported_only_when_a_day_is_checked() -> None:
    import subprocess
    import sys

    code = (
        "import sys, datetime as dt, kim_cooperation as kim\n"
        "kim.settle(kim.presets.coesfeld(), 2023, kim.presets.coesfeld_cost_plan_2023())\n"
        "print('holidays' in sys.modules)\n"
        "kim.presets.coesfeld().give_notice('Olfen', dt.date(2024, 7, 1))\n"
        "print('holidays' in sys.modules)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    )
    assert completed.stdout.split() == ["False", "True"]


# --- reading closed days ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("24.12.", (12, 24)),
        ("24.12", (12, 24)),
        ("1.5.", (5, 1)),
        ("--12-31", (12, 31)),
        ("12-31", (12, 31)),
        ("29.02.", (2, 29)),
        (" 24.12. ", (12, 24)),
        ("2025-12-24", dt.date(2025, 12, 24)),
        ("24.12.2025", dt.date(2025, 12, 24)),
    ],
)
def test_closed_days_are_read_in_both_notations(text: str, expected: object) -> None:
    assert parse_closed_day(text) == expected
    assert parse_closed_day(text, lang="en") == expected


@pytest.mark.parametrize(
    ("text", "lang", "message"),
    [
        ("31.04.", "de", "'31.04.': der April hat keinen 31. Tag; schreiben Sie"),
        ("31.04.", "en", "'31.04.': April has no 31st; write a day such as 12-24"),
        ("30.02.", "en", "February has no 30th"),
        ("13-01", "de", "es gibt keinen Monat 13"),
        ("x", "de", "'x' ist kein Tag"),
        ("12-", "en", "'12-' is not a day"),
        ("", "en", "'' is not a day"),
        ("٢٤.١٢.", "en", "only the digits 0 to 9 count"),
        ("29.02.2025", "en", "February 2025 has no 29th"),
        ("20251224", "en", "20251224"),
    ],
)
def test_impossible_closed_days_are_refused_saying_why(
    text: str, lang: Lang, message: str
) -> None:
    # English in str(error), German in error.describe("de"), whatever language it is typed in.
    with pytest.raises(InvalidValueError) as caught:
        parse_closed_day(text, lang=lang)
    assert re.search(message, caught.value.describe(lang)), caught.value.describe(lang)


def test_a_closed_day_must_be_text() -> None:
    with pytest.raises(InvalidTypeError, match="a closed day must be a str"):
        parse_closed_day(1224)  # type: ignore[arg-type]


@given(month_days())
def test_every_day_of_the_year_reads_back_in_both_notations(month_day: tuple[int, int]) -> None:
    month, day = month_day
    assert parse_closed_day(f"{day:02d}.{month:02d}.") == month_day
    assert parse_closed_day(f"--{month:02d}-{day:02d}", lang="en") == month_day


# --- the command line ------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


def test_deadline_received_on_a_sunday_warns_in_german_and_english(
    capsys: pytest.CaptureFixture[str],
) -> None:
    german = run(capsys, "deadline", "--received", "30.06.2024").splitlines()
    assert german == [
        "Kündigung zugegangen am 30.06.2024: Mitglied bis 31.12.2025 "
        "(18 Monate zum Ende eines Kalenderjahres, C11)",
        "Der 30.06.2024 ist ein Sonntag. Ein Brief im Briefkasten einer geschlossenen Verwaltung "
        "gilt erst am nächsten Arbeitstag als zugegangen, am 01.07.2024; dann endet die "
        "Mitgliedschaft am 31.12.2026 statt am 31.12.2025. Maßgeblich ist der Tag, an dem die "
        "Kündigung tatsächlich zuging (§ 130 BGB, C11); das Datum wird nicht verschoben.",
    ]
    english = run(capsys, "deadline", "--received", "2024-06-30", "--lang", "en")
    assert english.splitlines()[1].startswith("2024-06-30 is a Sunday. A letter left")
    assert "Sonntag" not in english


def test_deadline_received_on_a_holiday_or_listed_day(capsys: pytest.CaptureFixture[str]) -> None:
    holiday = run(capsys, "deadline", "--received", "2024-10-03")
    assert (
        "ist ein gesetzlicher Feiertag in Nordrhein-Westfalen (Tag der Deutschen Einheit)"
        in holiday
    )
    plain = run(capsys, "deadline", "--received", "2024-12-31")
    assert plain.count("\n") == 1
    listed = run(
        capsys, "deadline", "--received", "2024-12-31", "--closed", "31.12.", "--closed", "24.12."
    )
    assert "Der 31.12.2024 ist ein angegebener Schließtag" in listed
    assert "am 02.01.2025" in listed
    once = run(
        capsys, "deadline", "--received", "2024-12-31", "--closed", "2024-12-31", "--lang", "en"
    )
    assert "2024-12-31 is a listed closed day" in once


def test_deadline_received_as_json_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(
        run(capsys, "deadline", "--received", "2024-06-30", "--format", "json", "--lang", "en")
    )
    assert data["termination"] == "2025-12-31"
    assert data["closed_day"] is True
    assert data["next_working_day"] == "2024-07-01"
    assert data["termination_if_next_working_day"] == "2026-12-31"
    assert data["holidays_checked"] is True
    assert data["warning"].startswith("2024-06-30 is a Sunday.")
    rows = run(capsys, "deadline", "--received", "2024-06-30", "--format", "csv").splitlines()
    # German column titles under --lang de (the ids in English CSV, below).
    assert rows[0].split(";")[4:8] == [
        "Zugang an einem geschlossenen Tag",
        "nächster Arbeitstag",
        "Mitglied bis bei Zugang am nächsten Arbeitstag",
        "Feiertage geprüft",
    ]
    english = run(
        capsys, "deadline", "--received", "2024-06-30", "--format", "csv", "--lang", "en"
    ).splitlines()
    assert english[0].split(",")[4:8] == [
        "closed_day",
        "next_working_day",
        "termination_if_next_working_day",
        "holidays_checked",
    ]
    assert "Der 30.06.2024 ist ein Sonntag." in rows[1]


def test_deadline_for_an_end_counts_the_listed_days(capsys: pytest.CaptureFixture[str]) -> None:
    # Under the example's quarter terms, ending on 31 March 2026 needs notice by 30 September 2025.
    argv = ["deadline", "--agreement", "example", "--end", "2026-03-31", "--lang", "en"]
    assert run(capsys, *argv).count("\n") == 1
    listed = run(capsys, *argv, "--closed", "30.09.")
    assert "2025-09-30 is a listed closed day" in listed
    assert "make sure the notice arrives by 2025-09-29" in listed
    data = json.loads(run(capsys, *argv, "--closed", "30.09.", "--format", "json"))
    assert data["falls_on_closed_day"] is True
    assert data["falls_on_weekend"] is False
    german = json.loads(run(capsys, "deadline", "--year", "2025", "--format", "json"))
    assert german["warning"].startswith("Die Frist 30.06.2024 ist ein Sonntag.")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--closed", "31.04."],
            "kim-cooperation: Fehler: --closed '31.04.': der April hat keinen 31. Tag",
        ),
        (
            ["--closed", "x", "--lang", "en"],
            "--closed 'x' is not a day; write a day such as 12-24",
        ),
    ],
)
def test_a_bad_closed_day_is_one_line_with_status_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["deadline", "--received", "2024-06-28", *argv]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_a_scenario_notice_on_a_sunday_warns_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["scenario", "--from", "2025", "--to", "2025", "--notice", "Rosendahl=30.06.2024"]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert err.startswith(
        "kim-cooperation: Warnung: Die Kündigung von Rosendahl ist als am 30.06.2024"
    )
    assert err.count("\n") == 1
