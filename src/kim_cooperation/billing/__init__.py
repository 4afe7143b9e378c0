"""The annual billing statements of the employers (C9), ready to attach to a letter.

Once a year each region's employer ("Anstellungskörperschaft") bills the
other towns of its region for their parts of the own share (C9). A
`BillingStatement` is that bill for one region and year: the region's
costs (C8), its funding (C5, or C10 without any), its own share (C7) and,
for each town that bears a part, the part (C4, or C12 after a withdrawal),
the advance payments ("Abschlagszahlungen") the town has already made and
the balance still due. A negative balance is a refund.

The statements take every figure from the `Settlement`; nothing is
computed differently. Advances are the caller's, keyed by town; they are
validated (exact money, not negative, a town the statement bills) and
never rounded.

When a successor employer takes over within a year (notice terms that end
inside a year, I10), each employer bills the towns for the spans in which
it employed: there is one statement per employer and region, each listing
the parts of its spans (`BillingStatement.spans`). A town billed by both
employers gives its advances per employer, keyed ``(town, employer)``.

Three outputs:

* `billing_statements` returns the statements as values;
* `billing_csv` writes them as one flat table (the columns of
  `kim_cooperation.export`, in English or German CSV);
* `write_billing_workbook` writes an Excel workbook with one sheet per
  employer (needs the ``excel`` extra: ``pip install kim-cooperation[excel]``).

Every text of a statement (its title and period, the workbook's labels and
roles) is written once in English and translated through the catalogue
(`kim_cooperation.i18n`), as the other outputs are; German is the default of
the title and the workbook, for the letter they are attached to.

The package, one concept a module: the statements and how they are made
from a settlement are here (`BillingStatement`, `BillingEntry`,
`billing_statements`, and the checked entry points `billing_csv` and
`write_billing_workbook`); the advances, their keys and their checks in
``billing/_advances.py``; the period and title of a statement (I10) in
``billing/_periods.py``; the Excel workbook in ``billing/_workbook.py``; a
statement's plain data and rows, which the CSV and the exports write, in
``billing/_table.py``.

Examples:
    >>> from decimal import Decimal
    >>> from kim_cooperation import presets, settle
    >>> from kim_cooperation.billing import billing_statements
    >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
    >>> (nord,) = billing_statements(settlement, advances={"Billerbeck": Decimal("6000")})
    >>> nord.title
    'Jahresabrechnung 2023 – Eigenanteile der Region Nord, Anstellungskörperschaft Stadt Coesfeld'
    >>> [(entry.party.name, str(entry.part), str(entry.advances), str(entry.balance))
    ...  for entry in nord.entries]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Billerbeck', '8125.00', '6000.00', '2125.00'),
     ('Coesfeld', '8125.00', '0.00', 'None'),
     ('Havixbeck', '8125.00', '0.00', '8125.00'),
     ('Rosendahl', '8125.00', '0.00', '8125.00')]
    >>> nord.billed_total, nord.balance_total
    (Decimal('24375.00'), Decimal('18375.00'))
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import ClassVar

import attrs

from kim_cooperation._checks import shown, tuple_of
from kim_cooperation._table import Exportable, Record, TableKind, csv_text
from kim_cooperation.billing import _table, _workbook
from kim_cooperation.billing._advances import (
    AdvanceKey,
    Advances,
    Billed,
    checked_advances,
    employers_of,
)
from kim_cooperation.billing._periods import checked_lang, period_phrase, title_phrase
from kim_cooperation.billing._workbook import MONEY_FORMAT
from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.errors import InvalidTypeError, InvalidValueError, UnknownPartyError
from kim_cooperation.formatting import Lang
from kim_cooperation.i18n import N_
from kim_cooperation.impact import Role
from kim_cooperation.money import from_cents, to_cents
from kim_cooperation.party import Party
from kim_cooperation.region import Region
from kim_cooperation.settlement import BillingLine, RegionSettlement, Settlement
from kim_cooperation.spans import Span
from kim_cooperation.split import Share

__all__ = [
    "MONEY_FORMAT",
    "AdvanceKey",
    "Advances",
    "BillingEntry",
    "BillingStatement",
    "billing_csv",
    "billing_statements",
    "write_billing_workbook",
]


@attrs.frozen(kw_only=True)
class BillingEntry:
    """One town's line of an annual billing statement (C9).

    Attributes:
        party: The town.
        role: `Role.EMPLOYER` for the employer, which bears its part itself,
            or `Role.MEMBER` for a town the employer bills.
        part: The town's part of the region's own share (``clause``); on the
            statement of an employer for part of the year (after a handover,
            I10), the part billed for that employer's spans.
        clause: The clause of the part: ``C4`` (equal parts), ``C12`` (a
            town has left) or ``C10`` (no funding in the year).
        extra_cent: Whether the town's part of the year includes one of the
            left-over cents (I2).
        advances: The advance payments the town has made for the year; zero
            for the employer.
        balance: ``part - advances``, what the town still owes the employer
            (negative: the employer refunds it, C9); ``None`` for the
            employer, which bills nobody for its own part.

    Examples:
        >>> from decimal import Decimal
        >>> from kim_cooperation import presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> (nord,) = billing_statements(settlement, advances={"Havixbeck": Decimal("8000")})
        >>> entry = nord.entry("Havixbeck")
        >>> entry.role.value, str(entry.clause), entry.part, entry.advances, entry.balance
        ('member', 'C4', Decimal('8125.00'), Decimal('8000.00'), Decimal('125.00'))
        >>> coesfeld = nord.entry("Coesfeld")
        >>> coesfeld.role.value, coesfeld.part, coesfeld.balance
        ('employer', Decimal('8125.00'), None)
    """

    party: Party
    role: Role
    part: Decimal
    clause: Clause
    extra_cent: bool
    advances: Decimal
    balance: Decimal | None


@attrs.frozen(kw_only=True)
class BillingStatement(Exportable):
    """The annual billing statement of one region's employer for one year (C9).

    ``str(statement)`` is a short text table; in Jupyter it shows as an HTML
    table. `kim_cooperation.export` turns it into a dict, JSON, CSV or a
    DataFrame.

    Attributes:
        agreement: The name of the agreement.
        year: The year billed.
        region: The region.
        employer: The region's employer in the year, which bills (C3, C9).
        costs: The region's costs (C8).
        funding: The region's funding (``funding_clause``).
        funding_clause: ``C5``, or ``C10`` when the year had no funding.
        own_share: Costs less funding, never negative (``own_share_clause``).
        own_share_clause: ``C7``, or ``C10`` when the year had no funding.
        surplus: Funding beyond the costs, reported and not paid out (I6).
        entries: One `BillingEntry` per town that bears a part, by AGS.
        spans: After a handover of the employer within the year, the spans
            in which this employer employed and bills for (I10); empty when
            one employer billed the whole year. Costs, funding and own share
            stay the region's figures for the year.

    Examples:
        >>> from kim_cooperation import presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> (nord,) = billing_statements(settlement)
        >>> nord.costs, nord.funding, nord.own_share, nord.billed_total
        (Decimal('170000.00'), Decimal('137500.00'), Decimal('32500.00'), Decimal('24375.00'))
        >>> print(nord)
        Annual billing 2023 – own shares of Region Nord, employer Stadt Coesfeld
        party_ags  party       role         part  advances  balance  clause
        05558008   Billerbeck  member    8125.00      0.00  8125.00  C4
        05558012   Coesfeld    employer  8125.00      0.00           C4
        05558020   Havixbeck   member    8125.00      0.00  8125.00  C4
        05558040   Rosendahl   member    8125.00      0.00  8125.00  C4
    """

    agreement: str
    year: int
    region: Region
    employer: Party
    costs: Decimal
    funding: Decimal
    funding_clause: Clause
    own_share: Decimal
    own_share_clause: Clause
    surplus: Decimal
    entries: tuple[BillingEntry, ...]
    spans: tuple[Span, ...] = ()

    _TABLE: ClassVar[TableKind] = _table.BILLING_TABLE

    def _plain(self) -> dict[str, object]:
        return _table.billing_plain(self)

    def _records(self) -> list[Record]:
        return _table.billing_records(self)

    def _title(self, lang: Lang) -> str:
        return title_phrase(self).describe(lang)

    @property
    def title(self) -> str:
        """The statement's German title, for the letter it is attached to.

        Examples:
            >>> from kim_cooperation import presets, settle
            >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
            >>> billing_statements(settlement)[0].title
            'Jahresabrechnung 2023 – Eigenanteile der Region Nord, Anstellungskörperschaft Stadt Coesfeld'
        """
        return title_phrase(self).describe("de")

    @property
    def title_en(self) -> str:
        """The statement's title in English.

        Examples:
            >>> from kim_cooperation import presets, settle
            >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
            >>> billing_statements(settlement)[0].title_en
            'Annual billing 2023 – own shares of Region Nord, employer Stadt Coesfeld'
        """
        return title_phrase(self).describe("en")

    def period(self, *, lang: Lang = "de") -> str:
        """The time the statement bills for: ``für den Zeitraum 01.01.2026 bis 31.03.2026`` (I10).

        The whole year (``für das Jahr 2026``) when one employer billed it all.

        Examples:
            >>> from kim_cooperation import presets, settle
            >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
            >>> billing_statements(settlement)[0].period(lang="en")
            'for the year 2023'
            >>> billing_statements(settlement)[0].period(lang="de")
            'für das Jahr 2023'
        """
        return period_phrase(self).describe(checked_lang(lang))

    @property
    def share_of_year(self) -> Fraction:
        """The exact fraction of the year the statement bills for: its spans' weights (I10).

        1 for a statement of the whole year.

        Examples:
            >>> import datetime as dt
            >>> from kim_cooperation import presets, settle
            >>> handover = presets.example().give_notice(
            ...     "Brunnfeld", dt.date(2025, 9, 30), successor="Eichhagen")
            >>> settlement = settle(handover, 2026, presets.example_cost_plans()[2026])
            >>> [(s.employer.name, str(s.share_of_year), s.parts_total)
            ...  for s in billing_statements(settlement) if s.region.name == "Ost"]
            [('Brunnfeld', '1/4', Decimal('6250.01')), ('Eichhagen', '3/4', Decimal('18749.99'))]
        """
        if not self.spans:
            return Fraction(1)
        return sum((span.weight for span in self.spans), Fraction(0))

    @property
    def parts_total(self) -> Decimal:
        """The parts of the statement's towns in all, the employer's own included (C4, C9).

        The region's own share for a statement of the whole year; after a
        handover, the part billed for this employer's spans. The parts of
        all statements of a region add up to its own share.

        Examples:
            >>> from kim_cooperation import presets, settle
            >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
            >>> billing_statements(settlement)[0].parts_total
            Decimal('32500.00')
        """
        return _sum(entry.part for entry in self.entries)

    @property
    def clauses(self) -> tuple[Clause | Interpretation, ...]:
        """The clauses and interpretation choices the statement rests on, each once.

        Examples:
            >>> from kim_cooperation import presets, settle
            >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
            >>> [str(clause) for clause in billing_statements(settlement)[0].clauses]
            ['C8', 'C5', 'C7', 'C4', 'I2', 'C9']
        """
        found: list[Clause | Interpretation] = [
            Clause.C8,
            self.funding_clause,
            self.own_share_clause,
        ]
        if self.surplus:
            found.append(Interpretation.I6)
        found.extend(entry.clause for entry in self.entries)
        if self.spans:
            found.append(Interpretation.I10)
        found += [Interpretation.I2, Clause.C9]
        return tuple(dict.fromkeys(found))

    @property
    def billed_total(self) -> Decimal:
        """What the employer bills the other towns in all: their parts (C9)."""
        return _sum(entry.part for entry in self.entries if entry.role is Role.MEMBER)

    @property
    def advances_total(self) -> Decimal:
        """The advance payments received from the towns in all."""
        return _sum(entry.advances for entry in self.entries)

    @property
    def balance_total(self) -> Decimal:
        """The balances in all: ``billed_total - advances_total`` (C9)."""
        return _sum(entry.balance for entry in self.entries if entry.balance is not None)

    def entry(self, party: str | Party) -> BillingEntry:
        """Return the entry of one town, by `Party`, AGS or name.

        Raises:
            UnknownPartyError: The statement has no entry for ``party``.

        Examples:
            >>> from kim_cooperation import presets, settle
            >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_planning_costs_2023())
            >>> billing_statements(settlement)[1].entry("Nottuln").balance
            Decimal('6500.00')
        """
        for entry in self.entries:
            if entry.party == party or (isinstance(party, str) and entry.party.matches(party)):
                return entry
        raise UnknownPartyError(
            N_(
                "{party} has no entry in the billing statement of Region {region} "
                "for {year}; the entries are {entries}"
            ),
            party=shown(party),
            region=self.region.name,
            year=self.year,
            entries=[entry.party.name for entry in self.entries],
        )


def _sum(amounts: Iterable[Decimal]) -> Decimal:
    return from_cents(sum(to_cents(amount) for amount in amounts))


def billing_statements(
    settlement: Settlement, *, advances: Advances | None = None
) -> tuple[BillingStatement, ...]:
    """Return the employers' annual billing statements for a settlement (C9).

    One statement per settled region, in the agreement's region order. Each
    lists every town that bears a part of the region's own share (AGS
    order): the employer, which bears its part itself, and the towns it
    bills, with their advance payments and the balance due.

    In a year in which a successor employer took over (I10), the region has
    one statement per employer, in the order they employed: each lists the
    parts of that employer's spans, its own as the employer and the other
    towns' as members, and `BillingStatement.spans` names the spans.

    Args:
        settlement: The year's settlement, from `kim_cooperation.settle`.
        advances: Advance payments ("Abschlagszahlungen") the towns have
            made to their employer for the year, keyed by `Party`, AGS or
            name; `Decimal` or `int` euros, exact to the cent, not negative.
            Towns not named have paid none. A town billed by two employers
            (after a handover within the year, or under
            ``withdrawal_scope="agreement"``) is named with its employer:
            ``{("Fuchsberg", "Brunnfeld"): Decimal("1000")}``.

    Returns:
        The statements.

    Raises:
        InvalidTypeError: ``settlement`` is not a `Settlement`, ``advances``
            is not a mapping, or a key is neither a `Party`, a str nor a
            pair of them.
        MoneyTypeError: An advance is a float or another non-money type.
        InvalidMoneyError: An advance has fractions of a cent.
        InvalidValueError: An advance is negative; names a town twice; is
            given for an employer (it bills, it does not pay) or for a town
            no statement bills (it has left, or its region was not settled);
            a town billed by several employers and named without one, where
            it would be ambiguous; or a pair whose employer does not bill
            the town.
        UnknownPartyError: A key names no party to the agreement.

    Examples:
        >>> from decimal import Decimal
        >>> from kim_cooperation import presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> statements = billing_statements(settlement, advances={"Rosendahl": Decimal("9000")})
        >>> [(statement.region.name, statement.employer.name) for statement in statements]
        [('Nord', 'Coesfeld')]
        >>> statements[0].entry("Rosendahl").balance
        Decimal('-875.00')
        >>> billing_statements(settlement, advances={"Coesfeld": Decimal("1")})
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidValueError: Coesfeld is the employer of Region Nord in 2023: it bears its part itself and pays no advances to itself (C9)

        The message in German, as the command line prints it under ``--lang de``:

        >>> try:
        ...     billing_statements(settlement, advances={"Coesfeld": Decimal("1")})
        ... except ValueError as error:
        ...     print(error.describe("de"))
        Coesfeld ist im Jahr 2023 die Anstellungskörperschaft der Region Nord: sie trägt ihren Anteil selbst und leistet keine Abschlagszahlungen an sich selbst (C9)
    """
    if not isinstance(settlement, Settlement):
        raise InvalidTypeError(
            f"settlement must be a Settlement, got {type(settlement).__name__} {shown(settlement)}"
        )
    paid = checked_advances(settlement, {} if advances is None else advances)
    return tuple(
        statement
        for region in settlement.regions
        for statement in _region_statements(settlement, region, paid)
    )


def _region_statements(
    settlement: Settlement, region: RegionSettlement, advances: Mapping[Billed, Decimal]
) -> list[BillingStatement]:
    employers = employers_of(region)
    if len(employers) <= 1:
        return [_statement(settlement, region, advances)]
    return [_employer_statement(settlement, region, employer, advances) for employer in employers]


def _employer_statement(
    settlement: Settlement,
    region: RegionSettlement,
    employer: Party,
    advances: Mapping[Billed, Decimal],
) -> BillingStatement:
    """The statement of one employer of part of the year: the parts of its spans (C9, I10)."""
    name = region.region.name
    billed = {line.debtor: line for line in region.billing if line.creditor == employer}
    entries = []
    for share in region.split.shares:
        if share.party == employer:
            # What the employer owes the other employers is on their statements.
            owed = sum(to_cents(line.amount) for line in region.billing if line.debtor == employer)
            entries.append(
                _bearing_itself(region, share, from_cents(to_cents(share.amount) - owed))
            )
            continue
        line = billed.get(share.party)
        if line is None:
            continue
        paid = advances.get((name, share.party, employer), from_cents(0))
        entries.append(_billed(region, share, line, paid))
    return _with_figures(
        settlement,
        region,
        employer=employer,
        entries=entries,
        spans=tuple(span for span in region.spans if span.employer == employer),
    )


def _statement(
    settlement: Settlement, region: RegionSettlement, advances: Mapping[Billed, Decimal]
) -> BillingStatement:
    billed = {line.debtor: line for line in region.billing}
    entries = []
    for share in region.split.shares:
        line = billed.get(share.party)
        if line is None:
            entries.append(_bearing_itself(region, share, share.amount))
            continue
        paid = advances.get((region.region.name, share.party, line.creditor), from_cents(0))
        entries.append(_billed(region, share, line, paid))
    return _with_figures(settlement, region, employer=region.employer, entries=entries)


def _bearing_itself(region: RegionSettlement, share: Share, part: Decimal) -> BillingEntry:
    """The employer's entry: it bears ``part`` itself and bills nobody for it (C9)."""
    return BillingEntry(
        party=share.party,
        role=Role.EMPLOYER,
        part=part,
        clause=region.split.clause,
        extra_cent=share.extra_cent,
        advances=from_cents(0),
        balance=None,
    )


def _billed(
    region: RegionSettlement, share: Share, line: BillingLine, paid: Decimal
) -> BillingEntry:
    """A town's entry: its billing line, the advances it paid and the balance (C9)."""
    return BillingEntry(
        party=share.party,
        role=Role.MEMBER,
        part=line.amount,
        clause=region.split.clause,
        extra_cent=share.extra_cent,
        advances=paid,
        balance=from_cents(to_cents(line.amount) - to_cents(paid)),
    )


def _with_figures(
    settlement: Settlement,
    region: RegionSettlement,
    *,
    employer: Party,
    entries: Iterable[BillingEntry],
    spans: tuple[Span, ...] = (),
) -> BillingStatement:
    lost = region.funding.lost
    return BillingStatement(
        agreement=settlement.agreement.name,
        year=region.year,
        region=region.region,
        employer=employer,
        costs=region.costs.total,
        funding=region.funding.amount,
        funding_clause=Clause.C10 if lost else region.funding.clause,
        own_share=region.own_share,
        own_share_clause=region.clause,
        surplus=region.surplus,
        entries=tuple(entries),
        spans=spans,
    )


def _statements(statements: Iterable[BillingStatement]) -> tuple[BillingStatement, ...]:
    found = tuple_of(statements, BillingStatement, what="billing statements")
    if not found:
        raise InvalidValueError(
            N_("no billing statements given; pass those of billing_statements()")
        )
    return found


def billing_csv(statements: Iterable[BillingStatement], *, lang: Lang = "en") -> str:
    """Return billing statements as one CSV table, one row per town and statement.

    The columns are those of `kim_cooperation.export.to_csv` for a
    `BillingStatement` (``year``, ``region``, ``employer_ags``,
    ``employer``, ``party_ags``, ``party``, ``role``, ``part``,
    ``advances``, ``balance``, ``clause``); ``lang="de"`` writes German CSV
    for Excel (``;`` between fields, decimal comma, German headers, the
    roles in German).

    Args:
        statements: The statements, e.g. from `billing_statements`.
        lang: ``"en"`` (default) or ``"de"``.

    Raises:
        InvalidTypeError: An item is not a `BillingStatement`.
        InvalidValueError: No statements, or an unknown ``lang``.

    Examples:
        >>> from decimal import Decimal
        >>> from kim_cooperation import presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> statements = billing_statements(settlement, advances={"Billerbeck": Decimal("6000")})
        >>> print(billing_csv(statements, lang="de"))
        Jahr;Region;AGS Anstellungskörperschaft;Anstellungskörperschaft;AGS;Kommune;Rolle;Anteil am Eigenanteil;Abschlagszahlungen;Saldo;Klausel
        2023;Nord;05558012;Coesfeld;05558008;Billerbeck;Mitglied;8125,00;6000,00;2125,00;C4
        2023;Nord;05558012;Coesfeld;05558012;Coesfeld;Anstellungskörperschaft;8125,00;0,00;;C4
        2023;Nord;05558012;Coesfeld;05558020;Havixbeck;Mitglied;8125,00;0,00;8125,00;C4
        2023;Nord;05558012;Coesfeld;05558040;Rosendahl;Mitglied;8125,00;0,00;8125,00;C4
        <BLANKLINE>
    """
    found = _statements(statements)
    records = [record for statement in found for record in statement._records()]
    return csv_text(BillingStatement._TABLE, records, lang=lang)


def write_billing_workbook(
    statements: Iterable[BillingStatement],
    path: str | os.PathLike[str],
    *,
    lang: Lang = "de",
) -> Path:
    """Write billing statements as an Excel workbook, one sheet per employer.

    Needs the ``excel`` extra (``pip install kim-cooperation[excel]``).

    Each sheet holds one statement: the title in ``A1``; agreement, year,
    region, employer (name and AGS) and clause ids in ``A2:C6``; under a
    header in row 8 the region's figures with their clauses in rows 9 to 13
    (costs, funding, own share, surplus, billed total); under a header in
    row 15 one row per town (AGS, town, role, part, advances, balance,
    clause) and a totals row (parts, advances, balances). Money cells are
    numbers written from the exact `Decimal` values, formatted
    `MONEY_FORMAT`; totals are formulas (``=SUM(D16:D19)`` for the four towns
    of the example below) that carry the library's totals as cached values,
    so the file shows the library's figures even where formulas are not
    recalculated; each sheet prints A4 landscape, one page wide. Text that
    looks like a formula is stored as text.

    Sheets are named after the employer (``"Coesfeld"``); where an employer
    has several statements, after employer, region and year. Names are cut
    to Excel's 31 characters, characters Excel forbids are replaced by
    ``_``, and repeats are numbered.

    The file is written whole or not at all, as `save_agreement` writes: to
    a temporary file in the same folder that replaces ``path`` when it is
    complete. If anything fails, an existing file stays as it was.

    Args:
        statements: The statements, e.g. from `billing_statements`.
        path: The file to write (``.xlsx``); an existing file is replaced.
        lang: ``"de"`` (default) for German labels, or ``"en"``.

    Returns:
        The path written.

    Raises:
        InvalidTypeError: An item is not a `BillingStatement`.
        InvalidValueError: No statements, an unknown ``lang``, or an amount
            of 10**13 euros or more, which Excel cannot hold to the cent.
        ModuleNotFoundError: openpyxl is not installed.

    Examples:
        >>> import tempfile, pathlib
        >>> import openpyxl
        >>> from kim_cooperation import presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = write_billing_workbook(billing_statements(settlement),
        ...                                   pathlib.Path(folder) / "billing.xlsx")
        ...     sheet = openpyxl.load_workbook(path)["Coesfeld"]
        ...     print(sheet["A1"].value)
        ...     print(sheet["A11"].value, sheet["B11"].value, sheet["B11"].number_format)
        Jahresabrechnung 2023 – Eigenanteile der Region Nord, Anstellungskörperschaft Stadt Coesfeld
        Eigenanteil 32500 #,##0.00 €
    """
    return _workbook.write_workbook(_statements(statements), path, lang)
