"""The messages of notice, closed days and the wind-down: English and German.

Each error is a catalogue text with its fields (`kim_cooperation.errors.Phrase`):
``str(error)`` is the English text the library always had, ``error.describe("de")``
the German one, with dates written 31.12.2025. Where a message can reach the
command line (an option value, an agreement file, a rule a command applies) it
is checked there too, under ``--lang de``.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from kim_cooperation import (
    Agreement,
    CostStatement,
    Policies,
    RunOnCost,
    SplitKey,
    latest_notice_date_for,
    presets,
    run_on_period,
    scenario,
    termination_date,
    wind_down,
)
from kim_cooperation.cli import main
from kim_cooperation.closed_days import ClosedDays, parse_closed_day
from kim_cooperation.errors import (
    InvalidDateError,
    InvalidMoneyError,
    InvalidValueError,
    KimCooperationError,
    UndecidedCaseError,
    UnknownPartyError,
)
from kim_cooperation.notice import Notice, NoticeDeadline, NoticeTerms, PeriodEnd

EXAMPLE = importlib.resources.files("kim_cooperation") / "data" / "example.toml"
HOW_TO_WRITE = (
    "write a day such as 12-24 or 24.12. (every year) or 2025-12-24 (once)",
    "schreiben Sie einen Tag wie 24.12. (jedes Jahr) oder 24.12.2025 (einmal)",
)
END = dt.date(2026, 3, 31)
"""The end of the example after every town gave notice on 30 September 2025."""


def caught(call: Callable[[], object], kind: type[KimCooperationError]) -> KimCooperationError:
    """The error ``call()`` raises, which must be a ``kind``."""
    with pytest.raises(kind) as raised:
        call()
    return raised.value


def says(error: KimCooperationError, english: str, german: str) -> None:
    assert str(error) == english
    assert error.describe("en") == english
    assert error.describe("de") == german


def fails(capsys: pytest.CaptureFixture[str], *argv: str, lang: str = "de") -> str:
    """The error of a command, without its prefix."""
    assert main([*argv, "--lang", lang]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    prefix = "kim-cooperation: Fehler: " if lang == "de" else "kim-cooperation: error: "
    assert captured.err.startswith(prefix)
    return captured.err.removeprefix(prefix).rstrip("\n")


def ended(agreement: Agreement | None = None) -> Agreement:
    """The example (or ``agreement``) after every town gave notice on 30 September 2025."""
    return scenario.all_give_notice(
        presets.example() if agreement is None else agreement, dt.date(2025, 9, 30)
    )


# --- notice ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("months", "end", "english", "german"),
    [
        (18, "year", "18 months to the end of a year", "18 Monate zum Ende eines Kalenderjahres"),
        (1, "year", "1 month to the end of a year", "1 Monat zum Ende eines Kalenderjahres"),
        (
            6,
            "half-year",
            "6 months to the end of a half-year",
            "6 Monate zum Ende eines Kalenderhalbjahres",
        ),
        (
            1,
            "half-year",
            "1 month to the end of a half-year",
            "1 Monat zum Ende eines Kalenderhalbjahres",
        ),
        (
            3,
            "quarter",
            "3 months to the end of a quarter",
            "3 Monate zum Ende eines Kalendervierteljahres",
        ),
        (
            1,
            "quarter",
            "1 month to the end of a quarter",
            "1 Monat zum Ende eines Kalendervierteljahres",
        ),
        (2, "month", "2 months to the end of a month", "2 Monate zum Ende eines Kalendermonats"),
        (1, "month", "1 month to the end of a month", "1 Monat zum Ende eines Kalendermonats"),
    ],
)
def test_the_terms_in_a_message_are_whole_texts(
    months: int, end: str, english: str, german: str
) -> None:
    terms = NoticeTerms(months=months, period_end=end)
    assert terms.describe() == english
    # In a message they are written in its language, never English pieces in German.
    error = caught(lambda: termination_date(dt.date(9999, 12, 1), terms), InvalidDateError)
    says(
        error,
        f"notice received on 9999-12-01 with {english} ends after 31 December 9999",
        f"eine am 01.12.9999 zugegangene Kündigung mit der Kündigungsfrist „{german}“ "
        "beendet die Mitgliedschaft erst nach dem 31.12.9999",
    )


def test_notice_terms_out_of_range_or_unknown() -> None:
    says(
        caught(lambda: NoticeTerms(months=0), InvalidValueError),
        "notice period must be between 1 and 1200 months, got 0 (C11)",
        "die Kündigungsfrist muss zwischen 1 und 1200 Monaten liegen, angegeben ist 0 (C11)",
    )
    says(
        caught(lambda: NoticeTerms(period_end="week"), InvalidValueError),
        "period end must be one of ['year', 'half-year', 'quarter', 'month'], got 'week'",
        "der Kündigungstermin (period_end) muss einer der Werte "
        "['year', 'half-year', 'quarter', 'month'] sein, angegeben ist 'week'",
    )


@pytest.mark.parametrize(
    ("end", "day", "english", "german"),
    [
        (PeriodEnd.YEAR, dt.date(2026, 6, 30), "a year", "eines Kalenderjahres"),
        (PeriodEnd.HALF_YEAR, dt.date(2026, 3, 31), "a half-year", "eines Kalenderhalbjahres"),
        (PeriodEnd.QUARTER, dt.date(2026, 5, 31), "a quarter", "eines Kalendervierteljahres"),
        (PeriodEnd.MONTH, dt.date(2026, 5, 30), "a month", "eines Kalendermonats"),
    ],
)
def test_a_day_that_is_no_end_of_a_period(
    end: PeriodEnd, day: dt.date, english: str, german: str
) -> None:
    terms = NoticeTerms(months=2, period_end=end)
    error = caught(lambda: latest_notice_date_for(day, terms), InvalidValueError)
    says(
        error,
        f"{day.isoformat()} is not the end of {english}; notice under {terms.describe()} "
        "can only end the agreement on such a day (C11)",
        f"der {day:%d.%m.%Y} ist nicht das Ende {german}; eine Kündigung mit der "
        f"Kündigungsfrist „2 Monate zum Ende {german}“ kann die Vereinbarung nur zu einem "
        "solchen Tag beenden (C11)",
    )


def test_a_deadline_before_the_calendar() -> None:
    terms = NoticeTerms(months=3, period_end="quarter")
    says(
        caught(lambda: latest_notice_date_for(dt.date(1, 3, 31), terms), InvalidDateError),
        "the deadline to end on 0001-03-31 with 3 months to the end of a quarter would lie "
        "before 1 January 1",
        "die Frist für ein Ende am 31.03.0001 mit der Kündigungsfrist „3 Monate zum Ende eines "
        "Kalendervierteljahres“ läge vor dem 01.01.0001",
    )


def test_a_deadline_given_by_hand_must_follow_from_the_end() -> None:
    error = caught(
        lambda: NoticeDeadline(
            end=dt.date(2026, 12, 31), deadline=dt.date(2025, 6, 29), terms=NoticeTerms()
        ),
        InvalidValueError,
    )
    says(
        error,
        "the deadline to end on 2026-12-31 under 18 months to the end of a year is 2025-06-30, "
        "not 2025-06-29; use latest_notice_date_for(end, terms) or notice_deadline(year, terms) "
        "(C11)",
        "die Frist für ein Ende am 31.12.2026 mit der Kündigungsfrist „18 Monate zum Ende eines "
        "Kalenderjahres“ ist der 30.06.2025, nicht der 29.06.2025; verwenden Sie "
        "latest_notice_date_for(end, terms) oder notice_deadline(year, terms) (C11)",
    )


def test_a_notice_names_its_clause_and_no_itself_as_successor() -> None:
    olfen = presets.coesfeld().party("Olfen")
    says(
        caught(
            lambda: Notice(party=olfen, received=dt.date(2024, 6, 30), successor=olfen),
            InvalidValueError,
        ),
        "Olfen cannot name itself as its successor employer (C3)",
        "Olfen kann sich nicht selbst als nachfolgende Anstellungskörperschaft benennen (C3)",
    )
    says(
        caught(
            lambda: Notice(party=olfen, received=dt.date(2024, 6, 30), clause="C12"),
            InvalidValueError,
        ),
        "the clause of notice is C11, got 'C12'",
        "die Klausel der Kündigung ist C11, angegeben ist 'C12'",
    )


def test_the_command_line_refuses_an_end_that_is_none_in_german(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert fails(capsys, "--agreement", str(EXAMPLE), "deadline", "--end", "2026-05-31") == (
        "der 31.05.2026 ist nicht das Ende eines Kalendervierteljahres; eine Kündigung mit der "
        "Kündigungsfrist „6 Monate zum Ende eines Kalendervierteljahres“ kann die Vereinbarung "
        "nur zu einem solchen Tag beenden (C11)"
    )
    assert fails(capsys, "deadline", "--received", "9999-07-01") == (
        "eine am 01.07.9999 zugegangene Kündigung mit der Kündigungsfrist „18 Monate zum Ende "
        "eines Kalenderjahres“ beendet die Mitgliedschaft erst nach dem 31.12.9999"
    )
    assert fails(capsys, "deadline", "--received", "9999-07-01", lang="en") == (
        "notice received on 9999-07-01 with 18 months to the end of a year ends after "
        "31 December 9999"
    )


def test_notice_terms_of_an_agreement_file_in_german(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("months = 6\n", "months = 1201\n", 1)
    path = tmp_path / "terms.toml"
    path.write_text(text, encoding="utf-8")
    message = fails(capsys, "--agreement", str(path), "deadline", "--year", "2027")
    assert (
        "notice_terms.months: die Kündigungsfrist muss zwischen 1 und 1200 Monaten liegen, "
        "angegeben ist 1201 (C11)"
    ) in message


# --- closed days -------------------------------------------------------------------------------


def test_closed_days_refuse_unknown_lands_and_impossible_yearly_days() -> None:
    says(
        caught(lambda: ClosedDays(lands=["XX"]), InvalidValueError),
        "lands must be Land codes (ISO 3166-2:DE) from ['BB', 'BE', 'BW', 'BY', 'HB', 'HE', "
        "'HH', 'MV', 'NI', 'NW', 'RP', 'SH', 'SL', 'SN', 'ST', 'TH'], got 'XX'; "
        "NW is Nordrhein-Westfalen",
        "lands müssen Länderkürzel (ISO 3166-2:DE) aus ['BB', 'BE', 'BW', 'BY', 'HB', 'HE', "
        "'HH', 'MV', 'NI', 'NW', 'RP', 'SH', 'SL', 'SN', 'ST', 'TH'] sein, angegeben ist 'XX'; "
        "NW steht für Nordrhein-Westfalen",
    )
    says(
        caught(lambda: ClosedDays(yearly=[(2, 30)]), InvalidValueError),
        "a day closed every year must be a (month, day) of the calendar such as (12, 24), "
        "got (2, 30)",
        "ein jährlicher Schließtag muss ein (Monat, Tag) des Kalenders sein, etwa (12, 24), "
        "angegeben ist (2, 30)",
    )
    check = ClosedDays().check(dt.date(2025, 1, 2))
    says(
        caught(lambda: check.describe(lang="fr"), InvalidValueError),  # type: ignore[arg-type]
        "lang must be 'de' or 'en', got 'fr'",
        "lang muss 'de' oder 'en' sein, angegeben ist 'fr'",
    )


def test_no_working_day_after_or_before() -> None:
    every_day = ClosedDays(
        yearly=[
            (day.month, day.day)
            for day in (dt.date(2000, 1, 1) + dt.timedelta(n) for n in range(366))
        ]
    )
    says(
        caught(lambda: every_day.next_open_day(dt.date(2025, 1, 1)), InvalidValueError),
        "no working day within 400 days after 2025-01-01; the closed days listed leave no "
        "working day",
        "kein Arbeitstag innerhalb von 400 Tagen nach dem 01.01.2025; die angegebenen "
        "Schließtage lassen keinen Arbeitstag übrig",
    )
    says(
        caught(lambda: every_day.last_open_day(dt.date(2025, 1, 1)), InvalidValueError),
        "no working day within 400 days before 2025-01-01; the closed days listed leave no "
        "working day",
        "kein Arbeitstag innerhalb von 400 Tagen vor dem 01.01.2025; die angegebenen "
        "Schließtage lassen keinen Arbeitstag übrig",
    )
    says(
        caught(lambda: ClosedDays().next_open_day(dt.date.max), InvalidDateError),
        "no working day after 9999-12-31 within the calendar (years 1 to 9999)",
        "kein Arbeitstag nach dem 31.12.9999 innerhalb des Kalenders (Jahre 1 bis 9999)",
    )
    first = ClosedDays(dates=[dt.date.min])
    says(
        caught(lambda: first.last_open_day(dt.date.min), InvalidDateError),
        "no working day before 0001-01-01 within the calendar (years 1 to 9999)",
        "kein Arbeitstag vor dem 01.01.0001 innerhalb des Kalenders (Jahre 1 bis 9999)",
    )


@pytest.mark.parametrize(
    ("text", "english", "german"),
    [
        ("31.04.", "April has no 31st", "der April hat keinen 31. Tag"),
        ("--02-31", "February has no 31st", "der Februar hat keinen 31. Tag"),
        ("32.1.", "January has no 32nd", "der Januar hat keinen 32. Tag"),
        ("33.12.", "December has no 33rd", "der Dezember hat keinen 33. Tag"),
        ("30.02.", "February has no 30th", "der Februar hat keinen 30. Tag"),
    ],
)
def test_a_closed_day_that_does_not_exist(text: str, english: str, german: str) -> None:
    # The language it is typed in changes nothing: English in str(), German in describe("de").
    for lang in ("de", "en"):
        error = caught(lambda: parse_closed_day(text, lang=lang), InvalidValueError)  # noqa: B023
        says(
            error,
            f"{text!r}: {english}; {HOW_TO_WRITE[0]}",
            f"{text!r}: {german}; {HOW_TO_WRITE[1]}",
        )


def test_closed_days_on_the_command_line_in_german(capsys: pytest.CaptureFixture[str]) -> None:
    assert fails(capsys, "deadline", "--year", "2026", "--closed", "13.13.") == (
        f"--closed '13.13.': es gibt keinen Monat 13; {HOW_TO_WRITE[1]}"
    )
    assert fails(capsys, "deadline", "--year", "2026", "--closed", "x") == (
        f"--closed 'x' ist kein Tag; {HOW_TO_WRITE[1]}"
    )
    assert fails(capsys, "deadline", "--year", "2026", "--closed", "31.09.") == (
        f"--closed '31.09.': der September hat keinen 31. Tag; {HOW_TO_WRITE[1]}"
    )
    assert fails(capsys, "deadline", "--year", "2026", "--closed", "x", lang="en") == (
        f"--closed 'x' is not a day; {HOW_TO_WRITE[0]}"
    )


# --- the run-on period and its costs -----------------------------------------------------------


def test_run_on_periods_that_cannot_be() -> None:
    says(
        caught(lambda: run_on_period(END, None, max_months=0), InvalidValueError),
        "max_months must be a positive int, got 0",
        "max_months muss eine positive ganze Zahl (int) sein, angegeben ist 0",
    )
    says(
        caught(lambda: run_on_period(dt.date.max, None), InvalidDateError),
        "the run-on after 9999-12-31 would begin after 31 December 9999",
        "der Nachlauf nach dem 31.12.9999 begänne erst nach dem 31.12.9999",
    )
    says(
        caught(lambda: run_on_period(dt.date(9999, 6, 30), None), InvalidDateError),
        "the run-on after 9999-06-30 would end after 31 December 9999",
        "der Nachlauf nach dem 30.06.9999 endete erst nach dem 31.12.9999",
    )


def test_run_on_costs_that_cannot_be() -> None:
    says(
        caught(lambda: RunOnCost.monthly(CostStatement(), funding=Decimal(-1)), InvalidValueError),
        "the run-on funding of a post must not be negative, got Decimal('-1'); write 0 if none "
        "is received (C13, I5)",
        "die Förderung einer Stelle im Nachlauf darf nicht negativ sein, angegeben ist "
        "Decimal('-1'); geben Sie 0 an, wenn keine eingeht (C13, I5)",
    )
    # The amount is named in the money's message in the message's language.
    says(
        caught(
            lambda: RunOnCost.monthly(CostStatement(), funding=Decimal("0.001")), InvalidMoneyError
        ),
        "the run-on funding of a post must be exact to the cent, got Decimal('0.001'); round it "
        "yourself first, the library never rounds silently",
        "die Förderung einer Stelle im Nachlauf: nur auf den Cent genaue Beträge sind zulässig, "
        "angegeben ist Decimal('0.001'); runden Sie selbst, die Bibliothek rundet nie "
        "stillschweigend",
    )
    says(
        caught(lambda: RunOnCost(costs=CostStatement(), per="week"), InvalidValueError),  # type: ignore[arg-type]
        "per must be 'month' or 'period', got 'week'; make a RunOnCost with "
        "RunOnCost.monthly(...) or RunOnCost.for_period(...) (C13)",
        "per muss 'month' oder 'period' sein, angegeben ist 'week'; erstellen Sie die "
        "Nachlaufkosten mit RunOnCost.monthly(...) oder RunOnCost.for_period(...) (C13)",
    )


# --- the wind-down -----------------------------------------------------------------------------


def test_a_wind_down_needs_the_end_every_notice_gave() -> None:
    agreement = ended()
    says(
        caught(lambda: wind_down(agreement, dt.date(2026, 4, 30), {}), InvalidValueError),
        "the agreement can only end at the end of a quarter (6 months to the end of a quarter), "
        "not on 2026-04-30 (C11, C13)",
        "die Vereinbarung kann nur zum Ende eines Kalendervierteljahres enden (6 Monate zum "
        "Ende eines Kalendervierteljahres), nicht am 30.04.2026 (C11, C13)",
    )
    coesfeld = scenario.all_give_notice(presets.coesfeld(), dt.date(2024, 6, 30))
    says(
        caught(lambda: wind_down(coesfeld, dt.date(2025, 6, 30), {}), InvalidValueError),
        "the agreement can only end at the end of a year (18 months to the end of a year), "
        "not on 2025-06-30 (C11, C13)",
        "die Vereinbarung kann nur zum Ende eines Kalenderjahres enden (18 Monate zum Ende "
        "eines Kalenderjahres), nicht am 30.06.2025 (C11, C13)",
    )
    says(
        caught(lambda: wind_down(agreement, dt.date(2026, 6, 30), {}), InvalidValueError),
        "every party gave notice and the agreement ends on 2026-03-31, not on 2026-06-30 "
        "(C11, C13)",
        "alle Vertragsparteien haben gekündigt, und die Vereinbarung endet am 31.03.2026, "
        "nicht am 30.06.2026 (C11, C13)",
    )
    some = presets.example().give_notice("Immental", dt.date(2025, 9, 30))
    staying = ", ".join(party.name for party in some.parties if party.name != "Immental")
    says(
        caught(lambda: wind_down(some, END, {}), InvalidValueError),
        f"the wind-down follows only once every party has given notice, but {staying} gave "
        "none; record the notices first (Agreement.give_notices, scenario.all_give_notice) "
        "(C11, C13)",
        "die Abwicklung folgt erst, wenn alle Vertragsparteien gekündigt haben; von "
        f"{staying} liegt keine Kündigung vor; erfassen Sie zuerst die Kündigungen "
        "(Agreement.give_notices, scenario.all_give_notice) (C11, C13)",
    )


def test_run_on_costs_given_twice_or_by_the_wrong_key() -> None:
    agreement = ended()
    monthly = RunOnCost.monthly(CostStatement(personnel=5000))
    says(
        caught(lambda: wind_down(agreement, END, {}), InvalidValueError),
        "costs must name at least one region or post (C13)",
        "die Kosten müssen mindestens eine Region oder Stelle nennen (C13)",
    )
    says(
        caught(
            lambda: wind_down(agreement, END, {"Ost": CostStatement(), "Ost 1": monthly}),
            InvalidValueError,
        ),
        "region 'Ost' is given both by its name and through its posts ['Ost 1']; give its "
        "run-on costs one way (C13)",
        "die Region 'Ost' ist sowohl mit ihrem Namen als auch über ihre Stellen ['Ost 1'] "
        "angegeben; geben Sie ihre Nachlaufkosten nur auf eine Weise an (C13)",
    )
    says(
        caught(
            lambda: wind_down(agreement, END, {"Ost 1": monthly}, funding={"Ost": 1}),
            InvalidValueError,
        ),
        "funding of region 'Ost' is given by its name while its run-on costs are given per "
        "post; give each post's funding in its RunOnCost (C13, I5)",
        "die Förderung der Region 'Ost' ist mit ihrem Namen angegeben, ihre Nachlaufkosten aber "
        "je Stelle; geben Sie die Förderung jeder Stelle in ihrem RunOnCost an (C13, I5)",
    )
    says(
        caught(
            lambda: wind_down(agreement, END, {"Ost": CostStatement()}, funding={"West": 1}),
            InvalidValueError,
        ),
        "funding is given for regions ['West'] without costs (C13)",
        "für die Regionen ['West'] ist eine Förderung angegeben, aber keine Kosten (C13)",
    )
    says(
        caught(lambda: wind_down(agreement, END, {"Süd 1": monthly}), InvalidValueError),
        f"'Süd 1' is not the label of a post of the agreement {agreement.name!r}; "
        "run-on costs per post are keyed by the post's label, one of ['Nord 1', 'Nord 2', "
        "'Ost 1', 'Ost 2', 'West 1'] (C3, C13)",
        f"'Süd 1' ist keine Stellenbezeichnung der Vereinbarung {agreement.name!r}; "
        "Nachlaufkosten je Stelle werden unter der Bezeichnung der Stelle angegeben, einer von "
        "['Nord 1', 'Nord 2', 'Ost 1', 'Ost 2', 'West 1'] (C3, C13)",
    )


def test_run_on_funding_by_region() -> None:
    agreement = ended()
    costs = {"Ost": CostStatement(personnel=1000)}
    says(
        caught(lambda: wind_down(agreement, END, costs, funding={"Ost 1": 1}), InvalidValueError),
        "funding is keyed by region name, got the post label 'Ost 1'; give a post's funding in "
        "its RunOnCost (RunOnCost.for_period(costs, funding=...)) (C13, I5)",
        "die Förderung ist nach dem Namen der Region anzugeben, genannt ist die "
        "Stellenbezeichnung 'Ost 1'; geben Sie die Förderung einer Stelle in ihrem RunOnCost an "
        "(RunOnCost.for_period(costs, funding=...)) (C13, I5)",
    )
    says(
        caught(lambda: wind_down(agreement, END, costs, funding={"Ost": -1}), InvalidValueError),
        "funding of region 'Ost' must not be negative, got -1",
        "die Förderung der Region 'Ost' darf nicht negativ sein, angegeben ist -1",
    )
    says(
        caught(
            lambda: wind_down(agreement, END, costs, funding={"Ost": Decimal("0.001")}),
            InvalidMoneyError,
        ),
        "funding of region 'Ost' must be exact to the cent, got Decimal('0.001'); round it "
        "yourself first, the library never rounds silently",
        "die Förderung der Region 'Ost': nur auf den Cent genaue Beträge sind zulässig, "
        "angegeben ist Decimal('0.001'); runden Sie selbst, die Bibliothek rundet nie "
        "stillschweigend",
    )
    says(
        caught(
            lambda: wind_down(agreement, END, costs, funding={"Ost": 1, "ost": 2}),
            InvalidValueError,
        ),
        "funding names region 'Ost' twice ('ost')",
        "die Förderung nennt die Region 'Ost' zweimal ('ost')",
    )


def test_run_on_costs_where_no_employment_runs_on() -> None:
    base = presets.example().with_post("West 1", employment_end=dt.date(2026, 3, 31))
    agreement = ended(base)
    says(
        caught(
            lambda: wind_down(agreement, END, {"West": CostStatement(personnel=1)}),
            InvalidValueError,
        ),
        "region 'West': no post's employment runs on after 2026-03-31, so no costs or funding "
        "can arise (C13)",
        "Region 'West': kein Beschäftigungsverhältnis ihrer Stellen dauert über den 31.03.2026 "
        "hinaus, daher können weder Kosten noch Förderung anfallen (C13)",
    )
    says(
        caught(
            lambda: wind_down(
                agreement, END, {"West 1": RunOnCost.for_period(CostStatement(personnel=1))}
            ),
            InvalidValueError,
        ),
        "post 'West 1': its employment ends on 2026-03-31, with the agreement (2026-03-31) or "
        "before, so no costs or funding run on; leave it out of the run-on costs (C13)",
        "Stelle 'West 1': ihr Beschäftigungsverhältnis endet am 31.03.2026, mit der "
        "Vereinbarung (31.03.2026) oder davor, daher laufen weder Kosten noch Förderung nach; "
        "lassen Sie die Stelle bei den Nachlaufkosten weg (C13)",
    )


def test_a_former_party_is_looked_up_in_the_wind_down() -> None:
    result = wind_down(ended(), END, {"Ost": CostStatement(personnel=1000)})
    says(
        caught(lambda: result.part_of("Altenau"), UnknownPartyError),
        "'Altenau' is not a former party of the regions in this wind-down: ['Ost']",
        "'Altenau' ist keine bisherige Vertragspartei der Regionen dieser Abwicklung: ['Ost']",
    )


def _only_eichhagen_weighs() -> Agreement:
    """Ost weighs only Eichhagen, which leaves before the others; the others weigh zero."""
    base = presets.example().with_policies(Policies(wind_down_split="key"))
    ost = base.region("Ost")
    key = SplitKey.by_weights({party: int(party.name == "Eichhagen") for party in ost.members})
    return ended(base.with_split_key("Ost", key).give_notice("Eichhagen", dt.date(2025, 3, 31)))


def test_run_on_costs_the_key_cannot_split() -> None:
    agreement = _only_eichhagen_weighs()
    says(
        caught(
            lambda: wind_down(agreement, END, {"Ost": CostStatement(personnel=1)}),
            UndecidedCaseError,
        ),
        "the former parties of region 'Ost' (Brunnfeld, Fuchsberg, Grünwald) all have weight "
        "zero under its key (weights 0 : 1 : 0 : 0), so its run-on costs cannot be split by the "
        "key; choose wind_down_split='equal' (C13, I8, I13)",
        "die bisherigen Vertragsparteien der Region 'Ost' (Brunnfeld, Fuchsberg, Grünwald) "
        "haben nach ihrem Verteilungsschlüssel (feste Gewichte 0 : 1 : 0 : 0) alle das Gewicht "
        "null, daher lassen sich ihre Nachlaufkosten nicht nach dem Schlüssel verteilen; wählen "
        "Sie wind_down_split='equal' (C13, I8, I13)",
    )


def test_a_projection_that_the_key_cannot_split_says_so_in_german(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        EXAMPLE.read_text(encoding="utf-8")
        .replace(
            'weights = { Brunnfeld = 2, Eichhagen = 1, Fuchsberg = 1, "Grünwald" = "1/2" }',
            'weights = { Brunnfeld = 0, Eichhagen = 1, Fuchsberg = 0, "Grünwald" = 0 }',
        )
        .replace('wind_down_split = "equal"', 'wind_down_split = "key"')
    )
    towns = [party.name for party in presets.example().parties if party.name != "Eichhagen"]
    text += '\n[[notices]]\nparty = "Eichhagen"\nreceived = 2025-03-31\n'
    text += "".join(f'\n[[notices]]\nparty = "{town}"\nreceived = 2025-09-30\n' for town in towns)
    path = tmp_path / "zero.toml"
    path.write_text(text, encoding="utf-8")
    assert fails(
        capsys, "--agreement", str(path), "project", "--from", "2025", "--to", "2026"
    ) == (
        "die bisherigen Vertragsparteien der Region 'Ost' (Brunnfeld, Fuchsberg, Grünwald) "
        "haben nach ihrem Verteilungsschlüssel (feste Gewichte 0 : 1 : 0 : 0) alle das Gewicht "
        "null, daher lassen sich ihre Nachlaufkosten nicht nach dem Schlüssel verteilen; wählen "
        "Sie wind_down_split='equal' (C13, I8, I13)"
    )
