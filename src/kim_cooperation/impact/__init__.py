"""The financial-impact statement of a council paper, for any town and year (NKF).

A council paper ("Ratsvorlage") states the effect of a decision on the town's
budget in two tables: the finance statement ("Auswirkungen auf die
Finanzrechnung") and the result statement ("Auswirkungen auf die
Ergebnisrechnung"). This module derives both from a `Settlement`.

Two layouts are offered:

* `Layout.COUNCIL_PAPER` (default) reproduces the Coesfeld paper's tables and
  labels. The paper books the other towns' payments as "Leistungsentgelte"
  and the state funding as "Kostenerstattungen"; a paying town's payment is
  shown as "Aufw. für Sach- u. Dienstleistungen".
* `Layout.NKF` uses the standard lines of the NKF budget (§§ 2, 3 KomHVO
  NRW): funding as "Zuwendungen und allgemeine Umlagen", the towns' payments
  as "Kostenerstattungen und Kostenumlagen", a paying town's payment as
  "Transferaufwendungen".

The statement follows the settlement of any agreement of the same shape:
a region split by fixed weights or by population, and a town that leaves
within the year (notice terms that end inside a year, I10), which pays its
pro-rata part and whose statement does not recur. After a handover of the
employer within the year each employer's statement covers the spans it
employed in: the region's costs and the funding used to cover them are
attributed to the spans by their weights (I10, cents by largest remainder,
I2), so that costs less funding are exactly the parts billed for the spans;
what it owes the other employer for its spans is a payment.

Examples:
    >>> from kim_cooperation import presets, settle, financial_impact
    >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
    >>> impact = financial_impact(settlement, "Coesfeld")
    >>> [(line.label, str(line.amount)) for line in impact.finance]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Gesamtkosten der Maßnahme', '170000.00'),
     ('Objektbezogene Einzahlungen (Zuschüsse/Beiträge)', '137500.00'),
     ('Sonstige Einzahlungen', '24375.00'),
     ('Eigenanteil', '8125.00')]
    >>> impact.line("balance").amount
    Decimal('-8125.00')
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import ClassVar, Literal, TypeAlias

import attrs

from kim_cooperation._checks import Choice, shown
from kim_cooperation._table import Exportable, Record, TableKind
from kim_cooperation.clauses import Clause
from kim_cooperation.errors import (
    InvalidTypeError,
    InvalidValueError,
    UnknownLineError,
)
from kim_cooperation.formatting import Lang
from kim_cooperation.i18n import N_
from kim_cooperation.impact import _table as _impact_table
from kim_cooperation.money import from_cents, to_cents
from kim_cooperation.party import Party
from kim_cooperation.settlement import RegionSettlement, Settlement
from kim_cooperation.split import largest_remainder

__all__ = ["FinancialImpact", "ImpactLine", "Layout", "Role", "Table", "financial_impact"]

Table: TypeAlias = Literal["finance", "result"]
"""Which statement of a `FinancialImpact`: the finance or the result statement."""


class Layout(Choice):
    """The layout and labels of the statement.

    Examples:
        The same funding of Region Nord (C5), as each layout books it in the
        employer's result statement:

        >>> from kim_cooperation import presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> for layout in Layout:
        ...     impact = financial_impact(settlement, "Coesfeld", layout=layout)
        ...     line = next(line for line in impact.result if line.clause == "C5")
        ...     print(f"{layout}: {line.label} = {line.amount}")
        council-paper: Kostenerstattungen = 137500.00
        nkf: Zuwendungen und allgemeine Umlagen = 137500.00
    """

    COUNCIL_PAPER = "council-paper"
    """The Coesfeld council paper's own tables and labels (default)."""
    NKF = "nkf"
    """The standard NKF lines of §§ 2, 3 KomHVO NRW."""


class Role(Choice):
    """The town's role in its region.

    Examples:
        >>> from kim_cooperation import presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> for town in ("Coesfeld", "Rosendahl"):
        ...     print(town, financial_impact(settlement, town).role.value)
        Coesfeld employer
        Rosendahl member
    """

    EMPLOYER = "employer"
    """The employer ("Anstellungskörperschaft"): bears the costs, receives funding and payments."""
    MEMBER = "member"
    """Another member town: pays its part of the own share to the employer (C9)."""


@attrs.frozen(kw_only=True)
class ImpactLine:
    """One line of a financial-impact table.

    Attributes:
        key: A stable identifier of the line, the same in both layouts
            where the line means the same.
        label: The German label of the layout.
        label_en: An English rendering of the label.
        amount: The amount in euros; ``None`` where the paper leaves the line
            empty (shown as "–").
        clause: The clause the figure comes from, if any.
        is_total: Whether the line sums other lines.

    Examples:
        >>> from kim_cooperation import presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> impact = financial_impact(settlement, "Coesfeld")
        >>> line = impact.line("own_share")
        >>> line.label, line.label_en, line.amount, str(line.clause), line.is_total
        ('Eigenanteil', 'Own share', Decimal('8125.00'), 'C7', False)
        >>> impact.line("depreciation").amount is None
        True
    """

    key: str
    label: str
    label_en: str
    amount: Decimal | None
    clause: Clause | None = None
    is_total: bool = False


@attrs.frozen(kw_only=True)
class FinancialImpact(Exportable):
    """The financial-impact statement of one town for one year.

    Attributes:
        party: The town.
        year: The budget year.
        region: The town's region settlement the figures come from.
        role: Whether the town is the region's employer or a paying member.
        layout: The layout of the lines.
        finance: The finance statement (Finanzrechnung) lines.
        result: The result statement (Ergebnisrechnung) lines.
        recurring: Whether the effect recurs yearly ("jährlich"): the
            agreement runs indefinitely, so it does, unless the town's
            membership ends in the year (C11, C12).

    Examples:
        >>> from kim_cooperation import presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> impact = financial_impact(settlement, "Coesfeld")
        >>> impact.role.value, impact.own_share, impact.recurring
        ('employer', Decimal('8125.00'), True)
        >>> [(line.label, str(line.amount)) for line in impact.result if line.is_total]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('Summe der Erträge', '161875.00'), ('Summe der Aufwendungen', '170000.00'),
         ('Überschuss (+) / Defizit (-)', '-8125.00')]
    """

    party: Party
    year: int
    region: RegionSettlement
    role: Role
    layout: Layout
    finance: tuple[ImpactLine, ...]
    result: tuple[ImpactLine, ...]
    recurring: bool = True

    _TABLE: ClassVar[TableKind] = _impact_table.IMPACT_TABLE

    def _plain(self) -> dict[str, object]:
        return _impact_table.impact_plain(self)

    def _records(self) -> list[Record]:
        return _impact_table.impact_records(self)

    def _title(self, lang: Lang) -> str:
        return _impact_table.impact_title(self, lang, employer=self.role is Role.EMPLOYER)

    @property
    def own_share(self) -> Decimal:
        """The town's own share ("Eigenanteil"), the amount it bears itself (C7)."""
        return self.region.split[self.party]

    def line(self, key: str, *, table: Table | None = None) -> ImpactLine:
        """Return the line with ``key``.

        Args:
            key: The line's key, e.g. ``"own_share"`` or ``"balance"``.
            table: ``"finance"`` or ``"result"``. Needed only where both
                tables have a line with ``key`` (in the NKF layout: the
                grants, reimbursements, personnel, material, transfer and
                balance lines).

        Raises:
            UnknownLineError: No line has that key in this layout (or that
                table); a `KeyError`.
            InvalidValueError: ``key`` is in both tables and ``table`` was
                not given, or ``table`` is not ``"finance"`` or ``"result"``.

        Examples:
            >>> from kim_cooperation import presets, settle
            >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
            >>> impact = financial_impact(settlement, "Billerbeck", layout="nkf")
            >>> impact.line("transfers", table="result").label
            'Transferaufwendungen'
            >>> impact.line("transfers", table="finance").label
            'Transferauszahlungen'
        """
        if table is None:
            tables = {"finance": self.finance, "result": self.result}
        elif table in ("finance", "result"):
            tables = {table: self.finance if table == "finance" else self.result}
        else:
            raise InvalidValueError(
                N_("table must be 'finance' or 'result', got {value}"), value=shown(table)
            )
        found = [
            (name, line) for name, lines in tables.items() for line in lines if line.key == key
        ]
        if len(found) > 1:
            raise InvalidValueError(
                N_(
                    "line {key} is in both the finance and the result statement of the "
                    "{layout} layout; pass table='finance' or table='result'"
                ),
                key=shown(key),
                layout=self.layout.value,
            )
        if not found:
            keys = [line.key for lines in tables.values() for line in lines]
            raise UnknownLineError(
                N_("no line {key} in the {layout} layout; lines are {keys}"),
                key=shown(key),
                layout=self.layout.value,
                keys=keys,
            )
        return found[0][1]


def financial_impact(
    settlement: Settlement,
    party: str | Party,
    *,
    layout: Layout | str = Layout.COUNCIL_PAPER,
) -> FinancialImpact:
    """Derive a town's financial-impact statement from a settlement (C5, C7, C8, C9).

    For the region's employer the statement shows the whole costs, the
    funding used to cover them and the other towns' payments; for another
    member it shows the payment to the employer. Either way the balance is
    minus the town's own share.

    Args:
        settlement: The settlement of the year.
        party: The town, as a `Party`, an AGS or a name.
        layout: `Layout.COUNCIL_PAPER` (default) or `Layout.NKF`.

    Raises:
        UnknownPartyError: ``party`` is not a party to the agreement.
        UnknownRegionError: The town's region was not settled.
        InvalidValueError: ``layout`` is not a known layout.

    Examples:
        >>> from kim_cooperation import presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> impact = financial_impact(settlement, "Billerbeck", layout="nkf")
        >>> impact.role, impact.line("transfers", table="result").amount
        (<Role.MEMBER: 'member'>, Decimal('8125.00'))
        >>> impact.line("balance", table="result").amount
        Decimal('-8125.00')
    """
    if not isinstance(settlement, Settlement):
        raise InvalidTypeError(
            f"settlement must be a Settlement, got {type(settlement).__name__} {shown(settlement)}"
        )
    try:
        chosen = Layout(layout) if isinstance(layout, str) else None  # Layout is a StrEnum
    except ValueError:
        chosen = None
    if chosen is None:
        raise InvalidValueError(
            N_("layout must be one of {layouts}, got {value}"),
            layouts=[item.value for item in Layout],
            value=shown(layout),
        )
    found = settlement.agreement.party(party)
    region = settlement.region(settlement.agreement.region_of(found))
    if found not in region.split:
        left = settlement.agreement.termination_of(found)
        raise InvalidValueError(
            N_(
                "{party} left the agreement on {day} and bears nothing in {year}; there is no "
                "financial-impact statement for it (C12)"
            ),
            party=found.name,
            day=left if left else "?",
            year=settlement.year,
        )
    # Under withdrawal_scope="agreement" a town also bears parts of other regions'
    # own shares (C12); it pays them to those regions' employers.
    elsewhere = sum(
        to_cents(other.split[found])
        for other in settlement.regions
        if other is not region and found in other.split
    )
    figures = _Figures.of(region, found, elsewhere)
    if chosen is Layout.COUNCIL_PAPER:
        finance, result = _council_paper(figures)
    else:
        finance, result = _nkf(figures)
    # A town whose membership ends in the year bears nothing after it (C11, C12).
    ends = settlement.agreement.termination_of(found)
    return FinancialImpact(
        party=found,
        year=settlement.year,
        region=region,
        role=figures.role,
        layout=chosen,
        finance=finance,
        result=result,
        recurring=ends is None or ends.year > settlement.year,
    )


@attrs.frozen
class _Figures:
    """The town's figures in cents, before they are put into a layout."""

    role: Role
    personnel: int
    material: int
    payment: int
    funding: int
    receipts: int
    own_share: int
    funding_clause: Clause

    @classmethod
    def of(cls, region: RegionSettlement, party: Party, elsewhere: int = 0) -> _Figures:
        """Return the figures of ``party`` in its home ``region``.

        ``elsewhere`` is what it pays towards other regions' own shares, in
        cents (C12, literal reading).
        """
        own_share = to_cents(region.split[party]) + elsewhere
        funding_clause = Clause.C10 if region.funding.lost else Clause.C5
        employers = list(dict.fromkeys(span.employer for span in region.spans))
        if len(employers) > 1 and party in employers:
            return cls._handover(region, party, employers, elsewhere)
        if party == region.employer:
            # Funding beyond the costs is not used (I6); only what covers costs is booked.
            used = to_cents(region.funding.amount) - to_cents(region.surplus)
            return cls(
                role=Role.EMPLOYER,
                personnel=to_cents(region.costs.personnel_costs),
                material=to_cents(region.costs.material_and_services),
                payment=elsewhere,
                funding=used,
                receipts=to_cents(region.billed_total),
                own_share=own_share,
                funding_clause=funding_clause,
            )
        return cls(
            role=Role.MEMBER,
            personnel=0,
            material=0,
            payment=own_share,
            funding=0,
            receipts=0,
            own_share=own_share,
            funding_clause=funding_clause,
        )

    @classmethod
    def _handover(
        cls, region: RegionSettlement, party: Party, employers: list[Party], elsewhere: int
    ) -> _Figures:
        """The figures of one employer of a year with a handover: those of its spans (I10).

        The parts billed for an employer's spans (what it receives and what it
        bears itself) are exact. The funding used to cover the costs (I6) is
        attributed to the employers by the weights of their spans, cents by
        largest remainder in the order they employed (I2); an employer's
        costs are its funding plus those parts, and they are divided into
        personnel and material in the region's proportion.
        """
        weights = [
            sum((span.weight for span in region.spans if span.employer == employer), Fraction(0))
            for employer in employers
        ]
        used = to_cents(region.funding.amount) - to_cents(region.surplus)
        funding = largest_remainder(used, weights) if used else [0] * len(employers)
        received = [
            sum(to_cents(line.amount) for line in region.billing if line.creditor == employer)
            for employer in employers
        ]
        owed = [
            sum(to_cents(line.amount) for line in region.billing if line.debtor == employer)
            for employer in employers
        ]
        parts = [
            receipts + to_cents(region.split[employer]) - debt
            if employer in region.split
            else receipts
            for employer, receipts, debt in zip(employers, received, owed, strict=True)
        ]
        costs = [share + billed for share, billed in zip(funding, parts, strict=True)]
        personnel_total = to_cents(region.costs.personnel_costs)
        personnel = (
            largest_remainder(personnel_total, [Fraction(cost) for cost in costs])
            if any(costs)
            else [0] * len(employers)
        )
        index = employers.index(party)
        return cls(
            role=Role.EMPLOYER,
            personnel=personnel[index],
            material=costs[index] - personnel[index],
            payment=owed[index] + elsewhere,
            funding=funding[index],
            receipts=received[index],
            own_share=to_cents(region.split[party]) + elsewhere,
            funding_clause=Clause.C10 if region.funding.lost else Clause.C5,
        )

    @property
    def total_costs(self) -> int:
        return self.personnel + self.material + self.payment


def _line(
    key: str,
    label: str,
    label_en: str,
    cents: int | None,
    clause: Clause | None = None,
    *,
    is_total: bool = False,
) -> ImpactLine:
    return ImpactLine(
        key=key,
        label=label,
        label_en=label_en,
        amount=None if cents is None else from_cents(cents),
        clause=clause,
        is_total=is_total,
    )


def _finance_common(figures: _Figures) -> tuple[ImpactLine, ...]:
    return (
        _line(
            "total_costs",
            "Gesamtkosten der Maßnahme",
            "Total costs of the measure",
            figures.total_costs,
            Clause.C8 if figures.role is Role.EMPLOYER else Clause.C9,
        ),
        _line(
            "grants",
            "Objektbezogene Einzahlungen (Zuschüsse/Beiträge)",
            "Project receipts (grants/contributions)",
            figures.funding,
            figures.funding_clause,
        ),
        _line(
            "other_receipts",
            "Sonstige Einzahlungen",
            "Other receipts",
            figures.receipts,
            Clause.C9,
        ),
        _line("own_share", "Eigenanteil", "Own share", figures.own_share, Clause.C7),
    )


def _council_paper(figures: _Figures) -> tuple[tuple[ImpactLine, ...], tuple[ImpactLine, ...]]:
    income = figures.receipts + figures.funding
    expenses = figures.total_costs
    # The paper books the members' payments as Leistungsentgelte and the
    # funding as Kostenerstattungen; a paying town's transfer has no line of
    # its own in that template and goes to Sach- und Dienstleistungen.
    result = (
        _line("service_fees", "Leistungsentgelte", "Service fees", figures.receipts, Clause.C9),
        _line(
            "reimbursements",
            "Kostenerstattungen",
            "Reimbursements",
            figures.funding,
            figures.funding_clause,
        ),
        _line("other_income", "sonstige Erträge", "Other income", 0),
        _line("income_total", "Summe der Erträge", "Total income", income, is_total=True),
        _line(
            "personnel", "Personalaufwendungen", "Personnel expenses", figures.personnel, Clause.C8
        ),
        _line(
            "material_services",
            "Aufw. für Sach- u. Dienstleistungen",
            "Material and services",
            figures.material + figures.payment,
            Clause.C8 if figures.role is Role.EMPLOYER else Clause.C9,
        ),
        _line(
            "depreciation",
            "Abschreibungen (netto, d. h. nach Auflösung SoPo)",
            "Depreciation (net of special items)",
            None,
        ),
        _line("other_expenses", "sonstige Aufwendungen", "Other expenses", None),
        _line(
            "expenses_total", "Summe der Aufwendungen", "Total expenses", expenses, is_total=True
        ),
        _line(
            "balance",
            "Überschuss (+) / Defizit (-)",
            "Surplus (+) / deficit (-)",
            income - expenses,
            Clause.C7,
            is_total=True,
        ),
    )
    return _finance_common(figures), result


def _nkf(figures: _Figures) -> tuple[tuple[ImpactLine, ...], tuple[ImpactLine, ...]]:
    receipts = figures.funding + figures.receipts
    payments = figures.total_costs
    # The Finanzplan and the Ergebnisplan name these two lines alike.
    grants = _line(
        "grants",
        "Zuwendungen und allgemeine Umlagen",
        "Grants and general levies",
        figures.funding,
        figures.funding_clause,
    )
    reimbursements = _line(
        "reimbursements",
        "Kostenerstattungen und Kostenumlagen",
        "Cost reimbursements and cost levies",
        figures.receipts,
        Clause.C9,
    )
    finance = (
        grants,
        reimbursements,
        _line(
            "receipts_total",
            "Einzahlungen aus laufender Verwaltungstätigkeit",
            "Receipts from current operations",
            receipts,
            is_total=True,
        ),
        _line(
            "personnel", "Personalauszahlungen", "Personnel payments", figures.personnel, Clause.C8
        ),
        _line(
            "material_services",
            "Auszahlungen für Sach- und Dienstleistungen",
            "Payments for material and services",
            figures.material,
            Clause.C8,
        ),
        _line(
            "transfers", "Transferauszahlungen", "Transfer payments", figures.payment, Clause.C9
        ),
        _line(
            "payments_total",
            "Auszahlungen aus laufender Verwaltungstätigkeit",
            "Payments for current operations",
            payments,
            is_total=True,
        ),
        _line(
            "balance",
            "Saldo aus laufender Verwaltungstätigkeit",
            "Balance of current operations",
            receipts - payments,
            Clause.C7,
            is_total=True,
        ),
    )
    result = (
        grants,
        reimbursements,
        _line("other_income", "Sonstige ordentliche Erträge", "Other ordinary income", 0),
        _line("income_total", "Ordentliche Erträge", "Ordinary income", receipts, is_total=True),
        _line(
            "personnel", "Personalaufwendungen", "Personnel expenses", figures.personnel, Clause.C8
        ),
        _line(
            "material_services",
            "Aufwendungen für Sach- und Dienstleistungen",
            "Material and services",
            figures.material,
            Clause.C8,
        ),
        _line("depreciation", "Bilanzielle Abschreibungen", "Depreciation", None),
        _line(
            "transfers", "Transferaufwendungen", "Transfer expenses", figures.payment, Clause.C9
        ),
        _line(
            "other_expenses", "Sonstige ordentliche Aufwendungen", "Other ordinary expenses", None
        ),
        _line(
            "expenses_total",
            "Ordentliche Aufwendungen",
            "Ordinary expenses",
            payments,
            is_total=True,
        ),
        _line(
            "balance",
            "Ordentliches Ergebnis",
            "Ordinary result",
            receipts - payments,
            Clause.C7,
            is_total=True,
        ),
    )
    return finance, result
