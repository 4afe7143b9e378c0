"""A paying town's annual billing statement as a letter from its region's employer (C9).

One letter a town the employer bills (`Role.MEMBER`); the employer bears its
own part itself and gets none. The letter's head names the employer and the
agreement, then the addressee, the date line and, as the subject, the
statement's title (`BillingStatement.title`). A table gives the region's
figures and the town's: costs (C8), funding (C5 or C10), the own share (C7),
the town's part (C4, or C12 after a withdrawal), its advances and the balance
(C9); after a handover within the year, the period billed (I10). A sentence
says what follows from the balance: to pay, refunded, or settled. The clauses
cited are explained at the end.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from kim_cooperation.billing import BillingEntry, BillingStatement
from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.documents._texts import clause_notes
from kim_cooperation.documents._word import Row, WordDocument
from kim_cooperation.errors import Phrase
from kim_cooperation.formatting import Lang, format_date, format_eur, format_fraction
from kim_cooperation.i18n import N_, translate

__all__ = ["letter_document", "letter_name"]

_UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def _plain_name(text: str) -> str:
    """``Süd`` as ``Sued``: file names that survive any mail program and archive."""
    ascii_text = (
        unicodedata.normalize("NFKD", text.translate(_UMLAUTS))
        .encode("ascii", "ignore")
        .decode("ascii")
    )
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-") or "x"


def letter_name(
    statement: BillingStatement, entry: BillingEntry, lang: Lang, *, with_employer: bool
) -> str:
    """The letter's file name: ``Jahresabrechnung-2023-Nord-Billerbeck.docx``.

    ``with_employer`` adds the employer, for a region billed by several in the year (I10).
    """
    prefix = "Jahresabrechnung" if lang == "de" else "Annual-billing"
    parts = [prefix, str(statement.year), statement.region.name]
    if with_employer:
        parts.append(statement.employer.name)
    parts.append(entry.party.name)
    return "-".join(_plain_name(part) for part in parts) + ".docx"


def _eur(amount: object, lang: Lang) -> str:
    return format_eur(amount, lang=lang, cents=True)  # type: ignore[arg-type]


def _figures(statement: BillingStatement, entry: BillingEntry, lang: Lang) -> list[Row]:
    def text(template: str) -> str:
        return translate(template, lang)

    rows = [
        Row((text(N_("Item")), text(N_("Amount")), text(N_("Clause")))),
        Row((text(N_("Costs of the region")), _eur(statement.costs, lang), "C8")),
        Row((text(N_("Funding")), _eur(statement.funding, lang), statement.funding_clause.value)),
    ]
    if statement.surplus:
        rows.append(
            Row(
                (
                    text(N_("Funding beyond costs (not distributed)")),
                    _eur(statement.surplus, lang),
                    "I6",
                )
            )
        )
    part = Phrase(N_("Part of {party}"), party=entry.party.name).describe(lang)
    if statement.spans:
        part += " " + Phrase(
            N_("({share} of the year)"), share=format_fraction(statement.share_of_year)
        ).describe(lang)
    rows += [
        Row(
            (
                text(N_("Own share")),
                _eur(statement.own_share, lang),
                statement.own_share_clause.value,
            )
        ),
        Row((part, _eur(entry.part, lang), entry.clause.value), bold=True),
        Row((text(N_("Advance payments")), _eur(entry.advances, lang), "C9")),
        Row((text(N_("Balance (+ due, − refund)")), _eur(entry.balance, lang), "C9"), bold=True),
    ]
    return rows


def _closing(entry: BillingEntry, lang: Lang) -> str:
    """What follows from the balance: pay it, it is refunded, or nothing is left (C9)."""
    balance = entry.balance
    if balance is None or balance == 0:
        return translate(
            N_("Your advance payments cover your part; nothing is left to pay."), lang
        )
    if balance > 0:
        return Phrase(
            N_("Please pay the balance of {amount}."), amount=_eur(balance, lang)
        ).describe(lang)
    return Phrase(
        N_("You have paid {amount} more than your part; we will refund it to you."),
        amount=_eur(-balance, lang),
    ).describe(lang)


def _cited(statement: BillingStatement, entry: BillingEntry) -> list[Clause | Interpretation]:
    cited: list[Clause | Interpretation] = [
        Clause.C8,
        statement.funding_clause,
        statement.own_share_clause,
        entry.clause,
        Clause.C9,
    ]
    if statement.surplus:
        cited.append(Interpretation.I6)
    if statement.spans:
        cited.append(Interpretation.I10)
    if entry.extra_cent:
        cited.append(Interpretation.I2)
    return cited


def letter_document(
    statement: BillingStatement, entry: BillingEntry, *, lang: Lang, day: dt.date
) -> WordDocument:
    """Build the letter of ``statement`` to the town of ``entry``; see the package."""
    subject = statement.title if lang == "de" else statement.title_en
    employer = statement.employer
    document = WordDocument(
        lang=lang,
        title=f"{subject} – {entry.party.title}",
        subject=subject,
        keywords=", ".join(
            (statement.agreement, employer.title, entry.party.title, str(statement.year))
        ),
        day=day,
        page_of=translate(N_("Page {page} of {pages}"), lang),
    )
    document.paragraph(employer.title, bold=True, size=14, after=0)
    document.paragraph(
        Phrase(N_("Employer of Region {region}"), region=statement.region.name).describe(lang)
        + " · "
        + statement.agreement,
        size=8,
        after=14,
    )
    document.paragraph(entry.party.title, after=0)
    document.paragraph(f"AGS {entry.party.ags}", after=12)
    document.paragraph(f"{employer.name}, {format_date(day, lang=lang)}", align="right", after=12)
    document.paragraph(subject, bold=True, after=12)
    document.paragraph(translate(N_("Dear Sir or Madam,"), lang))
    document.paragraph(
        Phrase(
            N_(
                "Under the agreement “{agreement}”, {employer} as the employer of Region "
                "{region} bills the other towns of the region once a year for their parts of "
                "the own share (C9). For {party} the billing {period} is as follows:"
            ),
            agreement=statement.agreement,
            employer=employer.title,
            region=statement.region.name,
            party=entry.party.title,
            period=statement.period(lang=lang),
        ).describe(lang)
    )
    document.table(
        _figures(statement, entry, lang),
        widths=(10.5, 4.0, 2.0),
        align=("left", "right", "center"),
    )
    if statement.spans:
        document.paragraph(
            translate(
                N_(
                    "Costs, funding and own share are the region's figures for the whole "
                    "year; your part is the part of the period billed here (I10)."
                ),
                lang,
            )
        )
    if entry.extra_cent:
        document.paragraph(
            translate(N_("Your part includes one of the cents left over by the split (I2)."), lang)
        )
    document.paragraph(_closing(entry, lang))
    document.paragraph(translate(N_("Yours faithfully"), lang), after=24, keep_with_next=True)
    document.paragraph(employer.title)
    document.heading(translate(N_("Clauses"), lang), 2)
    for note in clause_notes(_cited(statement, entry), lang):
        document.paragraph(note, size=8, after=2)
    return document
