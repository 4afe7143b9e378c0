"""The plain-text reports take every word from the catalogue, and read as before in both languages.

Two checks:

* with a stand-in catalogue that brackets each text it is asked for, nothing
  but data (names, amounts, dates, clause ids) is left outside the brackets
  in any report: no text of `kim_cooperation.report` bypasses the catalogue;
* the reports that combine the most texts (an employer handed over twice in
  one year, a region without funding, a year with nothing to bill, the marks
  of a projection, notice terms of one month) are pinned line by line in
  German and English, as they read before the reports moved to the catalogue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from catalogue_check import data_of, outside_the_catalogue
from kim_cooperation import financial_impact, presets, report, scenario, settle
from kim_cooperation import projection as projection_module
from kim_cooperation.agreement import Agreement
from kim_cooperation.formatting import Lang
from kim_cooperation.impact import Layout
from kim_cooperation.notice import NoticeTerms, notice_deadline
from kim_cooperation.projection import _wide as projection_wide
from kim_cooperation.projection import project
from kim_cooperation.report import _texts as report_texts
from kim_cooperation.settlement import Settlement

PLAN_2026 = presets.example_cost_plans()[2026]


def two_handovers() -> Agreement:
    """Region Ost employed by Brunnfeld to March, Eichhagen to June, Fuchsberg from July 2026."""
    return (
        presets.example()
        .give_notice("Brunnfeld", dt.date(2025, 9, 30), successor="Eichhagen")
        .give_notice("Eichhagen", dt.date(2025, 12, 31), successor="Fuchsberg")
    )


def two_handovers_2026() -> Settlement:
    return settle(two_handovers(), 2026, PLAN_2026)


def without_funding_2026() -> Settlement:
    example = presets.example()
    lost = example.with_funding(
        example.funding.without_funding_from(dt.date(2026, 1, 1), source="ends")
    )
    return settle(lost, 2026, PLAN_2026)


def coesfeld_alone_2026() -> Settlement:
    """Region Nord after its three other towns have left: Coesfeld bills no one."""
    agreement = presets.coesfeld()
    for town in ("Billerbeck", "Havixbeck", "Rosendahl"):
        agreement = agreement.give_notice(town, dt.date(2024, 6, 28))
    return settle(agreement, 2026, {"Nord": presets.coesfeld_cost_plan_2023()["Nord"]})


def everyone_leaves() -> Agreement:
    return scenario.all_give_notice(presets.example(), dt.date(2025, 9, 30))


# --------------------------------------------------------------------------- the catalogue


def _bracketed(template: str, lang: str) -> str:
    assert lang == "en"
    return f"⟦{template}⟧"


def _impact(party: str) -> Callable[[], str]:
    def rendered() -> str:
        impact = financial_impact(two_handovers_2026(), party, layout=Layout.NKF)
        return report.render_impact(impact, lang="en")

    return rendered


def _deadline() -> str:
    deadline = notice_deadline(2025)
    text = report.render_deadline(deadline, lang="en")
    # The note on the holidays checked comes from `closed_days`, not from the report.
    note = deadline.day_check.gap_note(lang="en")
    return text if note is None else text.replace(note, "")


RENDERERS: dict[str, tuple[Callable[[], str], Callable[[], Agreement]]] = {
    "default report": (lambda: report.default_report(lang="en"), presets.coesfeld),
    "default report, member": (
        lambda: report.default_report(party="Rosendahl", layout="nkf", lang="en"),
        presets.coesfeld,
    ),
    "settlement, two handovers": (
        lambda: report.render_settlement(two_handovers_2026(), lang="en"),
        two_handovers,
    ),
    "settlement, no funding": (
        lambda: report.render_settlement(without_funding_2026(), lang="en"),
        presets.example,
    ),
    "settlement, nothing to bill": (
        lambda: report.render_settlement(coesfeld_alone_2026(), lang="en"),
        presets.coesfeld,
    ),
    "impact, employer for a part of the year": (_impact("Eichhagen"), two_handovers),
    "impact, member": (_impact("Grünwald"), two_handovers),
    "projection": (
        lambda: report.render_projection(
            project(everyone_leaves(), range(2025, 2029), PLAN_2026), lang="en"
        ),
        presets.example,
    ),
    "comparison": (
        lambda: report.render_comparison(
            scenario.compare(
                presets.example(), {"All": everyone_leaves()}, range(2025, 2029), PLAN_2026
            ),
            lang="en",
        ),
        presets.example,
    ),
    "termination": (
        lambda: report.render_termination(
            dt.date(2024, 2, 29), terms=NoticeTerms(months=1, period_end="month"), lang="en"
        ),
        presets.example,
    ),
    "deadline": (_deadline, presets.coesfeld),
}


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_every_word_of_a_report_comes_from_the_catalogue(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    render, agreement = RENDERERS[name]
    data = data_of(agreement())
    data |= {"All"}  # the comparison's variant
    if name.startswith("impact"):
        # The financial-impact lines carry their own labels in both languages (impact.py).
        impact = financial_impact(two_handovers_2026(), "Eichhagen", layout=Layout.NKF)
        data |= {line.label_en for line in (*impact.finance, *impact.result)}
    if name.startswith("default report"):
        for party in ("Coesfeld", "Rosendahl"):
            for layout in Layout:
                settlement = settle(
                    presets.coesfeld(), 2023, presets.coesfeld_planning_costs_2023()
                )
                impact = financial_impact(settlement, party, layout=layout)
                data |= {line.label_en for line in (*impact.finance, *impact.result)}
    monkeypatch.setattr(report_texts, "translate", _bracketed)  # every text of the reports
    monkeypatch.setattr(projection_module, "translate", _bracketed)  # the projection table
    monkeypatch.setattr(projection_wide, "translate", _bracketed)  # its year marks
    assert outside_the_catalogue(render(), data) == []


def test_the_check_finds_a_text_outside_the_catalogue() -> None:
    text = "⟦Costs⟧ €5 (C8)\n  Billerbeck pays Coesfeld"
    assert outside_the_catalogue(text, {"Billerbeck", "Coesfeld"}) == ["pays"]


# --------------------------------------------------------------------------- as they read

OST_DE = """\
Region Ost – Anstellungskörperschaft Stadt Brunnfeld bis 31.03.2026, Gemeinde Eichhagen 01.04.2026 bis 30.06.2026, Gemeinde Fuchsberg ab 01.07.2026 – 2 Vollzeitstellen
  Kosten       137.000 €  (C8)
  Förderung    112.000 €  (C5)
  Eigenanteil   25.000 €  (C7)
  Schlüssel: feste Anteile Brunnfeld 2, Eichhagen 1, Fuchsberg 1, Grünwald 0,5 (C4, I9)
  Zeitraum 01.01.2026 bis 31.03.2026 (3/12), Anstellungskörperschaft Brunnfeld: Brunnfeld 4/9, Eichhagen 2/9, Fuchsberg 2/9, Grünwald 1/9 (C4, I10)
  Zeitraum 01.04.2026 bis 30.06.2026 (3/12), Anstellungskörperschaft Eichhagen: Eichhagen 10/27, Fuchsberg 10/27, Grünwald 7/27 (C12, I10)
  Zeitraum 01.07.2026 bis 31.12.2026 (6/12), Anstellungskörperschaft Fuchsberg: Fuchsberg 5/9, Grünwald 4/9 (C12, I10)
    Brunnfeld   2.777,78 €  (C12) trägt selbst, +1 Cent (Rest, I2)
    Eichhagen   3.703,70 €  (C12) zahlt 1.388,89 € an Brunnfeld (C9), trägt 2.314,81 € selbst
    Fuchsberg  10.648,15 €  (C12) zahlt 1.388,89 € an Brunnfeld und 2.314,81 € an Eichhagen (C9), trägt 6.944,45 € selbst, +1 Cent (Rest, I2)
    Grünwald    7.870,37 €  (C12) zahlt 694,44 € an Brunnfeld und 1.620,37 € an Eichhagen und 5.555,56 € an Fuchsberg (C9)"""

OST_EN = """\
Region Ost – employer Stadt Brunnfeld until 2026-03-31, Gemeinde Eichhagen 2026-04-01 to 2026-06-30, Gemeinde Fuchsberg from 2026-07-01 – 2 full-time posts
  Costs      €137,000  (C8)
  Funding    €112,000  (C5)
  Own share   €25,000  (C7)
  Split key: fixed weights Brunnfeld 2, Eichhagen 1, Fuchsberg 1, Grünwald 0.5 (C4, I9)
  Span 2026-01-01 to 2026-03-31 (3/12), employer Brunnfeld: Brunnfeld 4/9, Eichhagen 2/9, Fuchsberg 2/9, Grünwald 1/9 (C4, I10)
  Span 2026-04-01 to 2026-06-30 (3/12), employer Eichhagen: Eichhagen 10/27, Fuchsberg 10/27, Grünwald 7/27 (C12, I10)
  Span 2026-07-01 to 2026-12-31 (6/12), employer Fuchsberg: Fuchsberg 5/9, Grünwald 4/9 (C12, I10)
    Brunnfeld   €2,777.78  (C12) bears itself, +1 cent (remainder, I2)
    Eichhagen   €3,703.70  (C12) pays €1,388.89 to Brunnfeld (C9), bears €2,314.81 itself
    Fuchsberg  €10,648.15  (C12) pays €1,388.89 to Brunnfeld and €2,314.81 to Eichhagen (C9), bears €6,944.45 itself, +1 cent (remainder, I2)
    Grünwald    €7,870.37  (C12) pays €694.44 to Brunnfeld and €1,620.37 to Eichhagen and €5,555.56 to Fuchsberg (C9)"""


@pytest.mark.parametrize(("lang", "expected"), [("de", OST_DE), ("en", OST_EN)])
def test_a_region_handed_over_twice_in_a_year(lang: Lang, expected: str) -> None:
    ost = two_handovers_2026().region("Ost")
    assert report.render_region(ost, lang=lang, agreement=two_handovers()) == expected


@pytest.mark.parametrize(
    ("party", "lang", "heading"),
    [
        (
            "Brunnfeld",
            "de",
            "Stadt Brunnfeld – Anstellungskörperschaft der Region Ost bis 31.03.2026 – "
            "Haushaltsjahr 2026",
        ),
        (
            "Eichhagen",
            "de",
            "Gemeinde Eichhagen – Anstellungskörperschaft der Region Ost 01.04.2026 bis "
            "30.06.2026 – Haushaltsjahr 2026",
        ),
        (
            "Eichhagen",
            "en",
            "Gemeinde Eichhagen – employer of region Ost 2026-04-01 to 2026-06-30 – "
            "Budget year 2026",
        ),
        ("Grünwald", "de", "Gemeinde Grünwald – Mitglied der Region Ost – Haushaltsjahr 2026"),
        ("Grünwald", "en", "Gemeinde Grünwald – member of region Ost – Budget year 2026"),
    ],
)
def test_the_heading_of_an_impact_names_the_employers_period(
    party: str, lang: Lang, heading: str
) -> None:
    impact = financial_impact(two_handovers_2026(), party)
    assert report.render_impact(impact, lang=lang).splitlines()[0] == heading


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        (
            "de",
            [
                "  Schlüssel: ohne Förderung zu gleichen Teilen statt nach Einwohnern (I12)",
                "  Schlüssel: ohne Förderung zu gleichen Teilen statt nach festen Anteilen (I12)",
            ],
        ),
        (
            "en",
            [
                "  Split key: without funding equal parts instead of by population (I12)",
                "  Split key: without funding equal parts instead of by fixed weights (I12)",
            ],
        ),
    ],
)
def test_a_key_given_up_without_funding_names_the_key(lang: Lang, lines: list[str]) -> None:
    settlement = without_funding_2026()
    shown = [
        report.render_region(settlement.region(name), lang=lang).splitlines()[4]
        for name in ("Nord", "Ost")
    ]
    assert shown == lines


@pytest.mark.parametrize(
    ("lang", "heading", "billing"),
    [
        (
            "de",
            "Kooperationsvereinbarung Kommunales Case-Management in den kreisangehörigen "
            "Kommunen des Kreises Coesfeld – Haushaltsjahr 2026",
            ["Abrechnung 2026 (C9)", "  keine Forderungen"],
        ),
        (
            "en",
            "Kooperationsvereinbarung Kommunales Case-Management in den kreisangehörigen "
            "Kommunen des Kreises Coesfeld – Budget year 2026",
            ["Billing 2026 (C9)", "  nothing to bill"],
        ),
    ],
)
def test_a_year_with_nothing_to_bill(lang: Lang, heading: str, billing: list[str]) -> None:
    lines = report.render_settlement(coesfeld_alone_2026(), lang=lang).splitlines()
    assert (lines[0], lines[-2:]) == (heading, billing)


@pytest.mark.parametrize(
    ("lang", "notes"),
    [
        (
            "de",
            [
                "  Kommune             2025        2026+        2027*  2028–         Summe",
                "  + Vertragsende im Jahr: Eigenanteil bis zum Ende und danach der aus dem "
                "Kostenplan geschätzte Nachlauf (C7, C13)",
                "  * Nachlauf nach Vertragsende, aus dem Kostenplan geschätzt (C13)",
                "  – Vertrag beendet, kein Nachlauf",
            ],
        ),
        (
            "en",
            [
                "  Town               2025       2026+       2027*  2028–        Total",
                "  + the agreement ends within the year: the own share until the end, then the "
                "run-on estimated from the cost plan (C7, C13)",
                "  * run-on after the end, estimated from the cost plan (C13)",
                "  – agreement ended, nothing runs on",
            ],
        ),
    ],
)
def test_the_marks_of_a_projection_are_explained(lang: Lang, notes: list[str]) -> None:
    projection = project(everyone_leaves(), range(2025, 2029), PLAN_2026)
    lines = report.render_projection(projection, lang=lang).splitlines()
    assert [lines[1], *lines[-3:]] == notes


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "de",
            "Kündigung zugegangen am 29.02.2024: Mitglied bis 31.03.2024 "
            "(1 Monat zum Ende eines Kalendermonats, C11)",
        ),
        (
            "en",
            "Notice received on 2024-02-29: member until 2024-03-31 "
            "(1 month to the end of a month, C11)",
        ),
    ],
)
def test_a_termination_under_one_months_notice(lang: Lang, expected: str) -> None:
    terms = NoticeTerms(months=1, period_end="month")
    assert report.render_termination(dt.date(2024, 2, 29), terms=terms, lang=lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "de",
            [
                "Für ein Ende zum 31.12.2025 muss die Kündigung spätestens am 30.06.2024 "
                "zugehen (18 Monate zum Ende eines Kalenderjahres, C11).",
                "Der 30.06.2024 ist ein Sonntag. Die Frist verschiebt sich nicht (§ 193 BGB gilt "
                "nicht für Kündigungsfristen); die Kündigung sollte spätestens am 28.06.2024 "
                "zugehen.",
            ],
        ),
        (
            "en",
            [
                "To end the agreement on 2025-12-31, notice must be received by 2024-06-30 at the "
                "latest (18 months to the end of a year, C11).",
                "2024-06-30 is a Sunday. The deadline is not moved (§ 193 BGB does not apply to "
                "notice periods); make sure the notice arrives by 2024-06-28.",
            ],
        ),
    ],
)
def test_a_deadline_on_a_sunday(lang: Lang, expected: list[str]) -> None:
    assert report.render_deadline(notice_deadline(2025), lang=lang).splitlines()[:2] == expected
