"""The billing statements take every word from the catalogue, and read as before in both languages.

Two checks:

* with a stand-in catalogue that brackets each text it is asked for, nothing
  but data (names, titles, AGS, amounts, dates, fractions, clause ids) is
  left outside the brackets in a German statement's title and period, its
  workbook and its CSV: no text of `kim_cooperation.billing` (nor of the CSV
  it writes through `kim_cooperation._table`) bypasses the catalogue;
* the texts that combine the most pieces (the title and period of an
  employer for part of the year, an employer's spans that do not follow each
  other, the period cell beside the year) are pinned in German and English,
  as they read before the statements moved to the catalogue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path

import attrs
import openpyxl
import pytest

from catalogue_check import StandIn, bracketed, data_of, outside_the_catalogue
from kim_cooperation import _catalogue, _table, i18n, presets, settle
from kim_cooperation.agreement import Agreement
from kim_cooperation.billing import (
    AdvanceKey,
    BillingStatement,
    billing_csv,
    billing_statements,
    write_billing_workbook,
)
from kim_cooperation.billing import _workbook as billing_workbook
from kim_cooperation.formatting import Lang

PLAN_2026 = presets.example_cost_plans()[2026]


def two_handovers() -> Agreement:
    """Region Ost employed by Brunnfeld to March, Eichhagen to June, Fuchsberg from July 2026."""
    return (
        presets.example()
        .give_notice("Brunnfeld", dt.date(2025, 9, 30), successor="Eichhagen")
        .give_notice("Eichhagen", dt.date(2025, 12, 31), successor="Fuchsberg")
    )


def two_handovers_2026() -> tuple[BillingStatement, ...]:
    advances: dict[AdvanceKey, Decimal | int] = {
        ("Grünwald", "Eichhagen"): Decimal("2000"),
        "Dornbach": 100,
    }
    return billing_statements(settle(two_handovers(), 2026, PLAN_2026), advances=advances)


def ost(statements: Iterable[BillingStatement], employer: str) -> BillingStatement:
    (found,) = (
        statement
        for statement in statements
        if statement.region.name == "Ost" and statement.employer.name == employer
    )
    return found


def three_runs() -> BillingStatement:
    """Brunnfeld's statement, given spans in three runs: January, March to June, September on.

    No agreement hands an employer's post back to it, but the period names
    every run, joined as the language joins them.
    """
    statement = ost(two_handovers_2026(), "Brunnfeld")
    (span,) = statement.spans
    runs = [
        (dt.date(2026, 1, 1), dt.date(2026, 1, 31)),
        (dt.date(2026, 3, 1), dt.date(2026, 3, 31)),
        (dt.date(2026, 4, 1), dt.date(2026, 6, 30)),
        (dt.date(2026, 9, 1), dt.date(2026, 12, 31)),
    ]
    spans = tuple(attrs.evolve(span, first_day=first, last_day=last) for first, last in runs)
    return attrs.evolve(statement, spans=spans)


def without_funding_2026() -> tuple[BillingStatement, ...]:
    example = presets.example()
    lost = example.with_funding(
        example.funding.without_funding_from(dt.date(2026, 1, 1), source="ends")
    )
    return billing_statements(settle(lost, 2026, PLAN_2026))


def coesfeld_2023() -> tuple[BillingStatement, ...]:
    settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_planning_costs_2023())
    return billing_statements(settlement, advances={"Nottuln": Decimal("7000.10")})


# --------------------------------------------------------------------------- the catalogue


@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every way to the catalogue, the stand-in: billing's, export's and the phrases' (errors)."""
    for module in (billing_workbook, _table, i18n):
        monkeypatch.setattr(module, "translate", bracketed)
    monkeypatch.setattr(_catalogue, "catalogue", StandIn)


def _titles(statements: tuple[BillingStatement, ...], tmp_path: Path) -> str:
    return "\n".join(
        text for statement in statements for text in (statement.title, statement.period())
    )


def _workbook(statements: tuple[BillingStatement, ...], tmp_path: Path) -> str:
    path = write_billing_workbook(statements, tmp_path / "billing.xlsx", lang="de")
    workbook = openpyxl.load_workbook(path, data_only=True)  # the totals' values, not formulas
    return "\n".join(
        value
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if isinstance(value, str)
    )


def _csv(statements: tuple[BillingStatement, ...], tmp_path: Path) -> str:
    return billing_csv(statements, lang="de")


OUTPUTS: dict[str, Callable[[tuple[BillingStatement, ...], Path], str]] = {
    "title and period": _titles,
    "workbook": _workbook,
    "csv": _csv,
}

CASES: dict[str, tuple[Callable[[], tuple[BillingStatement, ...]], Callable[[], Agreement]]] = {
    "Coesfeld 2023 with an advance": (coesfeld_2023, presets.coesfeld),
    "two handovers": (two_handovers_2026, two_handovers),
    "three runs": (lambda: (three_runs(),), two_handovers),
    "without funding": (without_funding_2026, presets.example),
}


@pytest.mark.parametrize("output", sorted(OUTPUTS))
@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.usefixtures("stand_in")
def test_every_word_of_a_statement_comes_from_the_catalogue(
    output: str, case: str, tmp_path: Path
) -> None:
    statements, agreement = CASES[case]
    text = OUTPUTS[output](statements(), tmp_path)
    assert outside_the_catalogue(text, data_of(agreement())) == []


def test_the_check_finds_a_text_outside_the_catalogue() -> None:
    text = "⟦Billing ⟦for ⟦01.01.2026 to 31.03.2026⟧⟧ (1/4 of the year)⟧ 2026\nSumme Coesfeld"
    assert outside_the_catalogue(text, {"Coesfeld"}) == ["Summe"]


def test_the_check_finds_the_texts_of_a_way_around_the_stand_in(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The title is filled in as a phrase (through `i18n`): left to the real catalogue, it shows."""
    for module in (billing_workbook, _table):
        monkeypatch.setattr(module, "translate", bracketed)
    text = _workbook((ost(two_handovers_2026(), "Eichhagen"),), tmp_path)
    assert outside_the_catalogue(text, data_of(two_handovers())) == [
        "Jahresabrechnung",
        "Eigenanteile",
        "der",
        "Region",
        "für",
        "den",
        "Zeitraum",
        "bis",
        "Anstellungskörperschaft",
        "Abrechnung",
        "für",
        "den",
        "Zeitraum",
        "bis",
        "des",
        "Jahres",
    ]


# --------------------------------------------------------------------------- as they read

TITLES = {
    ("Brunnfeld", "de"): (
        "Jahresabrechnung 2026 – Eigenanteile der Region Ost für den Zeitraum 01.01.2026 bis "
        "31.03.2026, Anstellungskörperschaft Stadt Brunnfeld"
    ),
    ("Brunnfeld", "en"): (
        "Annual billing 2026 – own shares of Region Ost for 2026-01-01 to 2026-03-31, "
        "employer Stadt Brunnfeld"
    ),
    ("Eichhagen", "de"): (
        "Jahresabrechnung 2026 – Eigenanteile der Region Ost für den Zeitraum 01.04.2026 bis "
        "30.06.2026, Anstellungskörperschaft Gemeinde Eichhagen"
    ),
    ("Fuchsberg", "en"): (
        "Annual billing 2026 – own shares of Region Ost for 2026-07-01 to 2026-12-31, "
        "employer Gemeinde Fuchsberg"
    ),
}


@pytest.mark.parametrize(("employer", "lang"), sorted(TITLES))
def test_the_title_of_an_employer_for_part_of_the_year(employer: str, lang: Lang) -> None:
    statement = ost(two_handovers_2026(), employer)
    title = statement.title if lang == "de" else statement.title_en
    assert title == TITLES[employer, lang]


@pytest.mark.parametrize(
    ("lang", "period", "title"),
    [
        (
            "de",
            "für den Zeitraum 01.01.2026 bis 31.01.2026 und 01.03.2026 bis 30.06.2026 und "
            "01.09.2026 bis 31.12.2026",
            "Jahresabrechnung 2026 – Eigenanteile der Region Ost für den Zeitraum 01.01.2026 bis "
            "31.01.2026 und 01.03.2026 bis 30.06.2026 und 01.09.2026 bis 31.12.2026, "
            "Anstellungskörperschaft Stadt Brunnfeld",
        ),
        (
            "en",
            "for 2026-01-01 to 2026-01-31 and 2026-03-01 to 2026-06-30 and 2026-09-01 to "
            "2026-12-31",
            "Annual billing 2026 – own shares of Region Ost for 2026-01-01 to 2026-01-31 and "
            "2026-03-01 to 2026-06-30 and 2026-09-01 to 2026-12-31, employer Stadt Brunnfeld",
        ),
    ],
)
def test_a_period_of_several_runs_names_each(lang: Lang, period: str, title: str) -> None:
    statement = three_runs()
    assert statement.period(lang=lang) == period
    assert (statement.title if lang == "de" else statement.title_en) == title


@pytest.mark.parametrize(
    ("lang", "period", "title"),
    [
        (
            "de",
            "für das Jahr 2026",
            "Jahresabrechnung 2026 – Eigenanteile der Region West, Anstellungskörperschaft "
            "Stadt Haselstein",
        ),
        (
            "en",
            "for the year 2026",
            "Annual billing 2026 – own shares of Region West, employer Stadt Haselstein",
        ),
    ],
)
def test_a_statement_of_the_whole_year(lang: Lang, period: str, title: str) -> None:
    (west,) = (s for s in two_handovers_2026() if s.region.name == "West")
    assert not west.spans
    assert west.period(lang=lang) == period
    assert (west.title if lang == "de" else west.title_en) == title


@pytest.mark.parametrize(
    ("lang", "year_rows"),
    [
        (
            "de",
            [
                (
                    "Haushaltsjahr",
                    2026,
                    "Abrechnung für den Zeitraum 01.01.2026 bis 31.03.2026 (1/4 des Jahres)",
                ),
                (
                    "Haushaltsjahr",
                    2026,
                    "Abrechnung für den Zeitraum 01.04.2026 bis 30.06.2026 (1/4 des Jahres)",
                ),
                (
                    "Haushaltsjahr",
                    2026,
                    "Abrechnung für den Zeitraum 01.07.2026 bis 31.12.2026 (1/2 des Jahres)",
                ),
            ],
        ),
        (
            "en",
            [
                ("Budget year", 2026, "Billing for 2026-01-01 to 2026-03-31 (1/4 of the year)"),
                ("Budget year", 2026, "Billing for 2026-04-01 to 2026-06-30 (1/4 of the year)"),
                ("Budget year", 2026, "Billing for 2026-07-01 to 2026-12-31 (1/2 of the year)"),
            ],
        ),
    ],
)
def test_the_period_cell_beside_the_year(
    lang: Lang, year_rows: list[tuple[object, ...]], tmp_path: Path
) -> None:
    statements = [s for s in two_handovers_2026() if s.region.name == "Ost"]
    path = write_billing_workbook(statements, tmp_path / "billing.xlsx", lang=lang)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Brunnfeld", "Eichhagen", "Fuchsberg"]
    rows = [
        next(sheet.iter_rows(min_row=3, max_row=3, max_col=3, values_only=True))
        for sheet in workbook.worksheets
    ]
    assert rows == year_rows
    assert [sheet["A1"].value for sheet in workbook.worksheets] == [
        statement.title if lang == "de" else statement.title_en for statement in statements
    ]


@pytest.mark.parametrize(
    ("lang", "roles"),
    [
        ("de", ["Anstellungskörperschaft (trägt selbst)", "Mitglied", "Mitglied"]),
        ("en", ["employer (bears it itself)", "member", "member"]),
    ],
)
def test_the_roles_of_the_workbook(lang: Lang, roles: list[str], tmp_path: Path) -> None:
    statement = ost(two_handovers_2026(), "Eichhagen")
    assert [entry.party.name for entry in statement.entries] == [
        "Eichhagen",
        "Fuchsberg",
        "Grünwald",
    ]
    path = write_billing_workbook([statement], tmp_path / "billing.xlsx", lang=lang)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert [sheet[f"C{row}"].value for row in range(16, 16 + len(roles))] == roles
