"""The council paper's section "Finanzielle Auswirkungen" as a Word document (C5, C7–C10).

The two tables are a `FinancialImpact`'s lines, as they are: the finance
statement ("Auswirkungen auf die Finanzrechnung") and the result statement
("Auswirkungen auf die Ergebnisrechnung"). In the council paper's layout the
finance statement is one row of four columns and the result statement is
preceded by the paper's boxes "jährlich" and "nur Haushaltsjahr(e)"; in the
NKF layout both are lists of lines. Below them: the basis of the town's part
(its region's costs, funding and own share), the assumptions the caller gives
for the costs, and a note for each clause the tables cite.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.documents._texts import clause_notes
from kim_cooperation.documents._word import Align, Row, WordDocument
from kim_cooperation.errors import Phrase
from kim_cooperation.formatting import Lang, format_date, format_eur
from kim_cooperation.i18n import N_, translate
from kim_cooperation.impact import FinancialImpact, ImpactLine, Layout
from kim_cooperation.report import render_impact
from kim_cooperation.settlement import Settlement

__all__ = ["impact_document"]

_WIDTH = 16.5
"""The text width in cm: A4 less the margins of DIN 5008 (2.5 cm and 2 cm)."""


def _money(line: ImpactLine, lang: Lang) -> str:
    return format_eur(line.amount, lang=lang, cents=True)


def _label(line: ImpactLine, lang: Lang) -> str:
    return line.label if lang == "de" else line.label_en


def _clause(line: ImpactLine) -> str:
    return line.clause.value if line.clause else ""


def _lines_table(document: WordDocument, lines: Sequence[ImpactLine], lang: Lang) -> None:
    """A statement as a list of lines: label, amount, clause; totals bold."""
    header = Row(
        (
            translate(N_("Item"), lang),
            translate(N_("Amount"), lang),
            translate(N_("Clause"), lang),
        )
    )
    rows = [header] + [
        Row((_label(line, lang), _money(line, lang), _clause(line)), bold=line.is_total)
        for line in lines
    ]
    document.table(rows, widths=(10.5, 4.0, 2.0), align=("left", "right", "center"))


def _finance_across(document: WordDocument, lines: Sequence[ImpactLine], lang: Lang) -> None:
    """The council paper's finance statement: one column a line, amounts in one row."""
    rows = [
        Row(tuple(_label(line, lang) for line in lines)),
        Row(tuple(_money(line, lang) for line in lines)),
        Row(
            tuple(
                translate(N_("Clause"), lang) + " " + _clause(line) if line.clause else ""
                for line in lines
            )
        ),
    ]
    width = _WIDTH / len(lines)
    right: Align = "right"
    align = (right,) * len(lines)
    document.table(rows, widths=(width,) * len(lines), align=align, header_align="center")


def _recurrence(document: WordDocument, impact: FinancialImpact, lang: Lang) -> None:
    """The paper's boxes: "x | jährlich" with the balance, or "x | nur Haushaltsjahr(e)"."""
    balance = _money(impact.line("balance", table="result"), lang)
    yearly = translate(N_("yearly (term: indefinite, C11)"), lang)
    once = Phrase(N_("budget year {year} only"), year=impact.year).describe(lang)
    rows = [
        Row(("X" if impact.recurring else "", yearly, balance if impact.recurring else "")),
        Row(("" if impact.recurring else "X", once, "" if impact.recurring else balance)),
    ]
    document.table(rows, widths=(1.0, 11.5, 4.0), align=("center", "left", "right"), header=False)


def _basis(settlement: Settlement, impact: FinancialImpact, lang: Lang) -> str:
    """The town's part in words: its region's costs less funding, and the split (C4, C7)."""
    region = impact.region
    text = Phrase(
        N_(
            "Basis: Region {region} has costs of {costs} (C8) and funding of {funding} "
            "({funding_clause}); its own share of {own_share} (C7) is split among its towns "
            "({split_clause}). The part of {party} is {part}."
        ),
        region=region.region.name,
        costs=format_eur(region.costs.total, lang=lang, cents=True),
        funding=format_eur(region.funding.amount, lang=lang, cents=True),
        funding_clause=(Clause.C10 if region.funding.lost else region.funding.clause).value,
        own_share=format_eur(region.own_share, lang=lang, cents=True),
        split_clause=region.split.clause.value,
        party=impact.party.title,
        part=format_eur(region.split[impact.party], lang=lang, cents=True),
    ).describe(lang)
    if region.surplus:
        text += " " + Phrase(
            N_("Funding of {surplus} beyond the costs is not paid out (I6)."),
            surplus=format_eur(region.surplus, lang=lang, cents=True),
        ).describe(lang)
    return text


def _cited(impact: FinancialImpact) -> list[Clause | Interpretation]:
    cited: list[Clause | Interpretation] = [
        line.clause for line in (*impact.finance, *impact.result) if line.clause
    ]
    cited += [Clause.C8, impact.region.split.clause, Clause.C11]
    if impact.region.surplus:
        cited.append(Interpretation.I6)
    return cited


def impact_document(
    settlement: Settlement,
    impact: FinancialImpact,
    *,
    lang: Lang,
    assumptions: Sequence[str],
    day: dt.date,
) -> WordDocument:
    """Build the document of ``impact``, a statement of ``settlement``; see the package."""
    title = translate(N_("Financial impact"), lang)
    heading = render_impact(impact, lang=lang).splitlines()[0]
    document = WordDocument(
        lang=lang,
        title=f"{title} {impact.year} – {impact.party.title}",
        subject=settlement.agreement.name,
        keywords=", ".join(
            (settlement.agreement.name, impact.party.title, str(impact.year), impact.layout.value)
        ),
        day=day,
        page_of=translate(N_("Page {page} of {pages}"), lang),
    )
    document.heading(title, 0)
    document.paragraph(settlement.agreement.name, after=2)
    document.paragraph(heading, bold=True, after=2)
    layout = (
        N_("Layout: the council paper's tables")
        if impact.layout is Layout.COUNCIL_PAPER
        else N_("Layout: the standard NKF lines (§§ 2, 3 KomHVO NRW)")
    )
    document.paragraph(translate(layout, lang), size=9)
    document.heading(translate(N_("Effect on the finance statement (EUR)"), lang), 1)
    if impact.layout is Layout.COUNCIL_PAPER:
        _finance_across(document, impact.finance, lang)
    else:
        _lines_table(document, impact.finance, lang)
    document.heading(translate(N_("Effect on the result statement (EUR)"), lang), 1)
    if impact.layout is Layout.COUNCIL_PAPER:
        _recurrence(document, impact, lang)
    else:
        recurrence = (
            N_("The effect recurs every year: the agreement runs for an indefinite term (C11).")
            if impact.recurring
            else N_("The effect concerns this budget year only: the town leaves in it (C11, C12).")
        )
        document.paragraph(translate(recurrence, lang))
    _lines_table(document, impact.result, lang)
    document.paragraph(_basis(settlement, impact, lang))
    if assumptions:
        document.heading(translate(N_("Assumptions"), lang), 2)
        for assumption in assumptions:
            document.paragraph(assumption, style="List Bullet")
    document.heading(translate(N_("Clauses"), lang), 2)
    document.paragraph(
        translate(
            N_(
                "The ids in the tables refer to the clauses of the agreement (C1–C13) and to "
                "the documented interpretation choices (I1–I13) of kim_cooperation."
            ),
            lang,
        ),
        size=9,
    )
    for note in clause_notes(_cited(impact), lang):
        document.paragraph(note, size=9, after=2)
    document.paragraph(
        Phrase(
            N_("Computed with kim_cooperation on {day}."), day=format_date(day, lang=lang)
        ).describe(lang),
        size=8,
    )
    return document
