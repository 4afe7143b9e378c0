"""The annual settlement (C4, C5, C7, C9, C10): who bears what, and who owes the employer.

The results (`Settlement`, `RegionSettlement`, `BillingLine`,
`SettlementLine`) are made by `settle` and `RegionSettlement.lines` only:
they cannot be constructed directly (see
`kim_cooperation._checks.result_type`).

For each region and year:

1. the costs of the region's posts (C8), as given by the employer;
2. the funding, FTE × rate, in twelfths per full month filled (C5, I7);
3. the own share ("Eigenanteil"), costs less funding, never negative; where
   funding exceeds the costs the surplus is reported, never paid out (C7, I6);
4. each town's part of the own share, by the region's key among the towns
   that are members in the year: equal parts by default, fixed weights or
   population (C4, I1, I9); cents by largest remainder with ties to the
   employer (I2). A town that has left no longer pays, its share passing to
   those who remain (C12, I3, I11); without any funding in the year the
   whole costs are split in equal parts (C10, I4, I12). A year in which
   members change (notice terms ending inside a year) is cut into spans and
   settled pro rata temporis, rounded once (I10, `kim_cooperation.spans`);
5. the billing lines: each other town owes the employer its part (C9); in a
   year in which a successor employer took over, each employer its part of
   that employer's spans.

A settlement flows downwards: `settle` looks the regions up in the agreement
and computes once what every region shares (the days the agreement runs in
the year, the months' funding rates); then for each region its funding
(`kim_cooperation.funding`) and who bears what
(`kim_cooperation.membership`) are computed once each and passed on. The
rules below never call back into the agreement or the settlement.

The package's modules, for a reader of its code: ``_usual`` settles the
usual region-year (the members do not change within it, funding in
twelfths, equal parts) on integers, whose funding post by post, spans and
billing lines are derived by the general rules when first read;
``_funding`` holds the months' rates and each region's funding;
``_billing`` the billing lines;
``_older_pickles`` the spans of settlements pickled before they were
recorded; ``_table`` the plain data, records and titles; ``_chart_data``
the charts.

Examples:
    >>> from kim_cooperation import presets, settle
    >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
    >>> nord = settlement.region("Nord")
    >>> nord.costs.total, nord.funding.amount, nord.own_share
    (Decimal('170000.00'), Decimal('137500.00'), Decimal('32500.00'))
    >>> settlement.own_share_of("Coesfeld")
    Decimal('8125.00')
    >>> [(line.debtor.name, str(line.amount)) for line in nord.billing]
    [('Billerbeck', '8125.00'), ('Havixbeck', '8125.00'), ('Rosendahl', '8125.00')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, ClassVar, Final, TypeAlias

import attrs

from kim_cooperation._checks import (
    DerivedOnRead,
    builder,
    check_lang,
    check_year,
    reads_older_pickles,
    result_type,
    shown,
)
from kim_cooperation._table import Exportable, Record, TableKind
from kim_cooperation.agreement import Agreement
from kim_cooperation.agreement._costs import costs_by_region
from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.costs import CostStatement
from kim_cooperation.errors import (
    InvalidTypeError,
    InvalidValueError,
    UnknownRegionError,
)
from kim_cooperation.formatting import Lang
from kim_cooperation.funding import RegionFunding, _MonthRates, _MonthSums
from kim_cooperation.i18n import N_
from kim_cooperation.keys import EQUAL_KEY, SplitKey
from kim_cooperation.membership import _region_year
from kim_cooperation.money import from_cents, to_cents
from kim_cooperation.party import Party
from kim_cooperation.policy import ShareBasis
from kim_cooperation.region import Region
from kim_cooperation.settlement import _table as _settlement_table
from kim_cooperation.settlement._billing import _bills
from kim_cooperation.settlement._funding import (
    _region_year_funding,
    _year_rates,
    _year_rates_and_sums,
)
from kim_cooperation.settlement._older_pickles import _derive_spans
from kim_cooperation.settlement._usual import _usual_figures
from kim_cooperation.spans import Span, year_window
from kim_cooperation.split import Allocation, _allocate, _split_trusted

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["BillingLine", "RegionSettlement", "Settlement", "SettlementLine", "settle"]


@result_type(made_by="settle()")
@attrs.frozen(kw_only=True)
class BillingLine:
    """One town's annual bill from its region's employer (C9).

    Attributes:
        year: The year settled.
        debtor: The town that pays.
        creditor: The region's employer, which bills.
        amount: The town's part of the own share.
        clause: ``C9``.

    Examples:
        >>> from kim_cooperation import presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> line = settlement.billing[0]
        >>> line.year, line.debtor.name, line.creditor.name, line.amount, line.clause
        (2023, 'Billerbeck', 'Coesfeld', Decimal('8125.00'), <Clause.C9: 'C9'>)
    """

    year: int
    debtor: Party
    creditor: Party
    amount: Decimal
    clause: Clause = Clause.C9


@result_type(made_by="RegionSettlement.lines()")
@attrs.frozen(kw_only=True)
class SettlementLine:
    """One line of a region's settlement, with the clause it comes from.

    Attributes:
        key: A stable identifier (``"costs"``, ``"funding"``, ``"own_share"``,
            ``"surplus"``, ``"part"``, ``"billing"``).
        description: What the line is, in English.
        amount: The amount in euros.
        clause: The clause the figure comes from.
        party: The town the line concerns, for ``part`` and ``billing`` lines.

    Examples:
        >>> from kim_cooperation import presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> for line in settlement.region("Nord").lines()[:4]:
        ...     print(line.clause, line.key, line.amount, line.description)
        C8 costs 170000.00 Costs
        C5 funding 137500.00 Funding
        C7 own_share 32500.00 Own share
        C4 part 8125.00 Part of Billerbeck
    """

    key: str
    description: str
    amount: Decimal
    clause: Clause | Interpretation
    party: Party | None = None


@result_type(made_by="settle()")
@reads_older_pickles
@attrs.frozen(kw_only=True)
class RegionSettlement(DerivedOnRead, Exportable):
    """One region's settlement for one year.

    Attributes:
        region: The region.
        year: The year settled.
        costs: The region's costs (C8).
        funding: The funding with its derivation (C5).
        own_share: Costs less funding, at least zero (C7).
        surplus: Funding beyond the costs, reported and not distributed (I6).
        split: Each member's part of the own share (C4, or C10 without funding).
        billing: What each other member owes the employer (C9).
        employer: The region's employer in the year, which receives the
            funding and the payments (C3, C9): the one the agreement names,
            or its successor after it left (`Agreement.employer_of`); in a
            year with a handover, the employer at the year's end.
        key: The split key applied (C4, I9): the region's, or equal parts
            for a year without funding under ``no_funding_split="equal"``
            (C10, I12).
        reference_day: For a population key, the day whose counts were
            used (I9); else ``None``.
        spans: The parts of the year with unchanged members, each with its
            weight and its members' exact shares (I10); one span for a
            year without changes.

    In a usual year (the members do not change within it, funding in
    twelfths, equal parts) the figures are computed at once on integers,
    and ``funding``, ``spans`` and ``billing`` are derived by the same rules
    when one of them is first read, then kept: a settlement nobody explains
    builds only its figures. Equality, hashing, ``repr``, copies and
    pickles read them as any caller does, so they are the same either way.

    Examples:
        >>> from kim_cooperation import presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> nord = settlement.region("Nord")
        >>> nord.costs.total, nord.funding.amount, nord.own_share, nord.surplus
        (Decimal('170000.00'), Decimal('137500.00'), Decimal('32500.00'), Decimal('0.00'))
        >>> nord.employer.name, nord.billed_total, nord.clause
        ('Coesfeld', Decimal('24375.00'), <Clause.C7: 'C7'>)
    """

    region: Region
    year: int
    costs: CostStatement
    funding: RegionFunding
    own_share: Decimal
    surplus: Decimal
    split: Allocation
    billing: tuple[BillingLine, ...]
    employer: Party
    key: SplitKey = EQUAL_KEY
    reference_day: dt.date | None = None
    spans: tuple[Span, ...] = ()

    _TABLE: ClassVar[TableKind] = _settlement_table.REGION_SETTLEMENT_TABLE

    def _plain(self) -> dict[str, object]:
        return _settlement_table.region_plain(self)

    def _records(self) -> list[Record]:
        return _settlement_table.region_records(self)

    def _title(self, lang: Lang) -> str:
        return _settlement_table.region_title(self, lang)

    @property
    def clause(self) -> Clause:
        """``C10`` when the year had no funding at all, else ``C7``."""
        return Clause.C10 if self.funding.lost else Clause.C7

    @property
    def billed_total(self) -> Decimal:
        """The sum the employer bills the other towns (C9)."""
        return from_cents(sum(to_cents(line.amount) for line in self.billing))

    def plot(self, *, agreement: str | None = None, lang: Lang = "de") -> Figure:
        """Return the region-year's derivation as a waterfall chart; extra ``plot``.

        Costs (C8), less the funding (C5, or C10 without), give the own share
        (C7), which falls into each town's part (C4, C12): one bar each, with
        its exact amount written on it. Funding beyond the costs is its own
        bar (I6). Titled with the year, the region and the clauses; a region
        settlement does not know its agreement, so pass its name as
        ``agreement`` for the title (`Settlement.plot` does).

        Raises:
            ModuleNotFoundError: matplotlib is not installed (the extra ``plot``).

        Examples:
            >>> from kim_cooperation import presets, settle
            >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
            >>> figure = settlement.region("Nord").plot(lang="en")
            >>> print(figure.get_suptitle())
            Settlement 2023, Region Nord, employer Stadt Coesfeld: from the costs to the towns' parts (C4, C5, C7,
            C8)
            >>> [text.get_text() for text in figure.axes[0].texts if "€" in text.get_text()]
            ['€170,000', '-€137,500', '€32,500', '€8,125', '€8,125', '€8,125', '€8,125']
        """
        from kim_cooperation.settlement import _chart_data  # noqa: PLC0415 - only when drawn

        return _chart_data.waterfall_figure(
            self, agreement=_agreement_name(agreement), lang=check_lang(lang)
        )

    def plot_key(self, *, agreement: str | None = None, lang: Lang = "de") -> Figure:
        """Return the region's key in the year as each town's share; extra ``plot``.

        The shares are those the settlement applied: the key among the
        year's members (C4; equal parts I1, weights or population I9), a
        leaving town's share passed on (C12), a year's spans weighed (I10).
        Each bar is labelled with the exact fraction, its percentage and the
        town's part of the own share. The key belongs to a region-year, not
        to a region: the members, the counts of inhabitants and a year
        without funding (C10) all change it from year to year.

        Raises:
            ModuleNotFoundError: matplotlib is not installed (the extra ``plot``).

        Examples:
            >>> from kim_cooperation import presets, settle
            >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
            >>> figure = settlement.region("Nord").plot_key(lang="en")
            >>> figure.get_suptitle()
            'Split key of Region Nord 2023: equal parts (C4, I1)'
            >>> [text.get_text() for text in figure.axes[0].texts][0]
            '1/4 = 25% · €8,125'
        """
        from kim_cooperation.settlement import _chart_data  # noqa: PLC0415 - only when drawn

        return _chart_data.key_figure(
            self, agreement=_agreement_name(agreement), lang=check_lang(lang)
        )

    def lines(self) -> tuple[SettlementLine, ...]:
        """Return the settlement as lines, each with its clause, for reports and audits."""
        lines = [
            _line(key="costs", description="Costs", amount=self.costs.total, clause=Clause.C8),
            _line(
                key="funding",
                description="Funding",
                amount=self.funding.amount,
                clause=Clause.C10 if self.funding.lost else Clause.C5,
            ),
            _line(
                key="own_share", description="Own share", amount=self.own_share, clause=self.clause
            ),
        ]
        if self.surplus:
            lines.append(
                _line(
                    key="surplus",
                    description="Funding beyond costs (not distributed)",
                    amount=self.surplus,
                    clause=Interpretation.I6,
                )
            )
        lines.extend(
            _line(
                key="part",
                description=f"Part of {share.party.name}",
                amount=share.amount,
                clause=self.split.clause,
                party=share.party,
            )
            for share in self.split.shares
        )
        lines.extend(
            _line(
                key="billing",
                description=f"{line.debtor.name} owes {line.creditor.name}",
                amount=line.amount,
                clause=Clause.C9,
                party=line.debtor,
            )
            for line in self.billing
        )
        return tuple(lines)


@result_type(made_by="settle()")
@attrs.frozen(kw_only=True)
class Settlement(Exportable):
    """The annual settlement of an agreement's regions for one year.

    Attributes:
        agreement: The agreement settled.
        year: The year.
        regions: One `RegionSettlement` per region given costs, in the
            agreement's region order.

    Examples:
        Region Nord in 2026, after Rosendahl has left:

        >>> import datetime as dt
        >>> from kim_cooperation import presets, settle
        >>> left = presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30))
        >>> settlement = settle(left, 2026, presets.coesfeld_cost_plan_2023())
        >>> [region.region.name for region in settlement.regions]
        ['Nord']
        >>> settlement.own_share_of("Coesfeld"), settlement.own_share_of("Rosendahl")
        (Decimal('10833.34'), Decimal('0.00'))
    """

    agreement: Agreement
    year: int
    regions: tuple[RegionSettlement, ...]

    _TABLE: ClassVar[TableKind] = _settlement_table.SETTLEMENT_TABLE

    def _plain(self) -> dict[str, object]:
        return _settlement_table.settlement_plain(self)

    def _records(self) -> list[Record]:
        return _settlement_table.settlement_records(self)

    def _title(self, lang: Lang) -> str:
        return _settlement_table.settlement_title(self, lang)

    def region(self, key: str | Region) -> RegionSettlement:
        """Return the settlement of one region, by name or `Region`.

        Raises:
            UnknownRegionError: The agreement has no such region, or it was
                not settled (no costs were given for it).
        """
        region = self.agreement.region(key)
        for settled in self.regions:
            if settled.region == region:
                return settled
        raise UnknownRegionError(
            N_(
                "region {region!r} was not settled for {year}: no costs were given "
                "for it; settled regions are {settled}"
            ),
            region=region.name,
            year=self.year,
            settled=[item.region.name for item in self.regions],
        )

    def own_share_of(self, party: str | Party) -> Decimal:
        """Return what one town bears of the settled regions' own shares (C4, C7, C12).

        Normally a town's part of its own region's own share. A town that
        has left bears nothing (zero); under the policy
        ``withdrawal_scope="agreement"`` a town can also bear parts of other
        regions' own shares, and they are added up.

        Args:
            party: A `Party`, an AGS or a name (``"Duelmen"`` works too).

        Raises:
            UnknownPartyError: ``party`` is not a party to the agreement.
            UnknownRegionError: The party's region was not settled and it
                bears nothing of the regions that were.
        """
        found = self.agreement.party(party)
        parts = [region.split[found] for region in self.regions if found in region.split]
        if not parts:
            # Raises UnknownRegionError if the town's own region was not settled.
            self.region(self.agreement.region_of(found))
        return from_cents(sum(to_cents(part) for part in parts))

    def plot(self, region: str | Region, *, lang: Lang = "de") -> Figure:
        """Return one region's derivation as a waterfall chart; see `RegionSettlement.plot`.

        Titled with the agreement too. Extra ``plot``.

        Raises:
            ModuleNotFoundError: matplotlib is not installed.
            UnknownRegionError: The region was not settled.

        Examples:
            >>> from kim_cooperation import presets, settle
            >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
            >>> print(settlement.plot("Nord").get_suptitle())
            Abrechnung 2023, Region Nord, Anstellungskörperschaft Stadt Coesfeld: von den Kosten zu den Anteilen der
            Kommunen (C4, C5, C7, C8)
            Kooperationsvereinbarung Kommunales Case-Management in den kreisangehörigen Kommunen des Kreises Coesfeld
        """
        return self.region(region).plot(agreement=self.agreement.name, lang=lang)

    def plot_key(self, region: str | Region, *, lang: Lang = "de") -> Figure:
        """Return one region's key in the year as shares; see `RegionSettlement.plot_key`.

        Titled with the agreement too. Extra ``plot``.

        Raises:
            ModuleNotFoundError: matplotlib is not installed.
            UnknownRegionError: The region was not settled.

        Examples:
            >>> from kim_cooperation import presets, settle
            >>> settlement = settle(presets.example(), 2026, presets.example_cost_plans()[2026])
            >>> figure = settlement.plot_key("Ost", lang="en")
            >>> [text.get_text() for text in figure.axes[0].texts][:2]
            ['4/9 ≈ 44.44% · €11,111.11', '2/9 ≈ 22.22% · €5,555.56']
        """
        return self.region(region).plot_key(agreement=self.agreement.name, lang=lang)

    @property
    def billing(self) -> tuple[BillingLine, ...]:
        """All billing lines of all regions (C9)."""
        return tuple(line for region in self.regions for line in region.billing)


def _agreement_name(name: object) -> str | None:
    if name is not None and not isinstance(name, str):
        raise InvalidTypeError(
            f"agreement must be the agreement's name or None, got {shown(name)}"
        )
    return name


_settlement = builder(Settlement)
_region_settlement = builder(RegionSettlement)
_billing_line = builder(BillingLine)
_line = builder(SettlementLine)

_restore_settlement: Callable[[Settlement, object], None] = vars(Settlement)["__setstate__"]


def _read_settlement(self: Settlement, state: object) -> None:
    """Read pickles of settlements made before the spans were recorded (I10).

    A region settlement pickled then has no spans; they follow from the
    settlement's agreement and year, as every year then had the same members
    throughout, so they are derived again (`_older_pickles._derive_spans`).
    """
    _restore_settlement(self, state)
    _derive_spans(self)


type.__setattr__(Settlement, "__setstate__", _read_settlement)


def settle(agreement: Agreement, year: int, costs: Mapping[str, CostStatement]) -> Settlement:
    """Settle the regions' own shares for one year (C4, C5, C7, C9, C10; I4, I6, I12).

    Funding beyond a region's costs is reported as its surplus, never paid
    out (I6). In a year without any funding the towns bear the whole costs
    (C10) within their region, paid to its employer (I4): in equal parts, or
    by the region's key under ``no_funding_split="key"`` (I12).

    Args:
        agreement: The agreement.
        year: The calendar year to settle; not before the agreement's start.
        costs: The costs of the year per region, keyed by region name. Only
            the regions given are settled; the council paper, for instance,
            gives costs for Region Nord only.

    Returns:
        The settlement, region by region.

    Raises:
        InvalidTypeError: ``agreement`` or a cost statement has the wrong type.
        InvalidValueError: ``costs`` is empty, names a region twice,
            ``year`` is before the agreement's start, or the agreement ended
            before ``year`` (only the wind-down remains, C13).
        NoPopulationCountError: A region split by population lacks a
            town's count on or before the reference day (I9).
        UnknownRegionError: ``costs`` names a region the agreement lacks.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> agreement = presets.coesfeld()
        >>> no_funding = agreement.with_funding(
        ...     agreement.funding.without_funding_from(dt.date(2023, 1, 1), source="C10 case"))
        >>> settle(no_funding, 2023, presets.coesfeld_cost_plan_2023()).own_share_of("Havixbeck")
        Decimal('42500.00')
    """
    if not isinstance(agreement, Agreement):
        raise InvalidTypeError(
            f"agreement must be an Agreement, got {type(agreement).__name__} {shown(agreement)}"
        )
    check_year(year)
    if year < agreement.start.year:
        raise InvalidValueError(
            N_("cannot settle {year}: the agreement starts on {start}"),
            year=year,
            start=agreement.start,
        )
    # What is the same for every region is computed once, here, and passed down: the days
    # the agreement runs in the year (C11, C13; after its end only the wind-down remains),
    # and the months' funding rates, funded to the window's last day (C5, C13).
    window = year_window(agreement, year)
    rates, sums = _year_rates_and_sums(agreement, year, window)
    # What the usual years' waiting fields are derived from, one tuple for all regions.
    pending = (agreement, window)
    settled = tuple(
        _settle_usual(agreement, region, year, statement, pending=pending, sums=sums)
        or _settle_region(agreement, region, year, statement, window=window, rates=rates)
        for region, statement in costs_by_region(agreement, costs).items()
    )
    return _settlement(agreement=agreement, year=year, regions=settled)


def _settle_usual(
    agreement: Agreement,
    region: Region,
    year: int,
    costs: CostStatement,
    *,
    pending: _Pending,
    sums: _MonthSums | None,
) -> RegionSettlement | None:
    """Settle a usual region-year on integers, or answer ``None`` (C4, C5, C7, C10; I1, I2, I6).

    The figures come from `_usual._usual_figures`; the funding post by post,
    the spans and the billing lines are left to be derived when first read
    (`_DERIVERS`), by the rules that `_settle_region` applies at once.
    """
    figures = _usual_figures(
        agreement, region, year, costs._total_cents, window=pending[1], sums=sums
    )
    if figures is None:
        return None
    balance = figures.balance
    cents = max(balance, 0)
    left = figures.left
    employer, weights, reference_day = figures.members
    if figures.lost:
        clause = Clause.C10
    elif left:
        clause = Clause.C12  # a town that has left no longer pays; its share passed on
    else:
        clause = Clause.C4
    if weights is not None:
        # By the key's weights, all members all year (C4, I9): shares in AGS order.
        members = tuple(party for party in region.members)  # its own tuple, as a split's
        integers: tuple[int, ...] = tuple(weights[party] for party in members)
        total = sum(integers)
        shares = tuple(Fraction(weight, total) for weight in integers)
    elif left:
        # Equal parts among those who remain (C4, C12, I1).
        members = tuple(party for party in region.members if party not in left)
        shares = tuple(Fraction(1, len(members)) for _ in members)
        integers = (1,) * len(members)
    else:
        members, shares = region._equal_shares
        integers = (1,) * len(members)
    split = _allocate(cents, members, shares, employer, clause, integers=integers)
    made = object.__new__(RegionSettlement)
    # Direct slot writes: the class is frozen, and this is the path of nearly every settle.
    put = object.__setattr__
    put(made, "region", region)
    put(made, "year", year)
    put(made, "costs", costs)
    put(made, "own_share", _euros(cents))
    put(made, "surplus", _euros(max(-balance, 0)))
    put(made, "split", split)
    put(made, "employer", employer)
    put(made, "key", EQUAL_KEY if figures.equal_parts else region.split_key)
    put(made, "reference_day", reference_day)
    # The window is the settlement's own, shared by its regions as the general path shares it.
    put(made, "_pending", pending)
    return made


_Pending: TypeAlias = "tuple[Agreement, tuple[dt.date, dt.date]]"
"""What a usual region-year's waiting fields are derived from: the agreement and the window."""

_NO_CENTS: Final = from_cents(0)
"""Zero euros, one value for every zero own share and surplus a settlement holds."""


def _euros(cents: int) -> Decimal:
    """An own share or surplus in euros; zero is one shared value, as most surpluses are (I6)."""
    return from_cents(cents) if cents else _NO_CENTS


def _derived_funding(settled: RegionSettlement, pending: _Pending) -> RegionFunding:
    """A usual region-year's funding with its derivation post by post (C5, I7)."""
    agreement, window = pending
    rates = _year_rates(agreement, settled.year, window)
    return _region_year_funding(
        agreement, settled.region, settled.year, window=window, rates=rates
    )


def _derived_spans(settled: RegionSettlement, pending: _Pending) -> tuple[Span, ...]:
    """A usual region-year's one span: the members that remain all year (C4, C10, C12, I10)."""
    agreement, window = pending
    # Equal parts whatever the key in a year without funding (C10, I12).
    equal_parts = (
        settled.split.clause is Clause.C10
        and agreement.policies.no_funding_split is ShareBasis.EQUAL
    )
    return _region_year(
        agreement, settled.region, settled.year, window, equal_parts=equal_parts
    ).spans


def _derived_billing(settled: RegionSettlement, pending: _Pending) -> tuple[BillingLine, ...]:
    """A usual region-year's billing lines: each other town owes the employer its part (C9)."""
    return _billing_lines(settled.year, settled.split, settled.spans, settled.employer)


def _billing_lines(
    year: int, split: Allocation, spans: tuple[Span, ...], employer: Party
) -> tuple[BillingLine, ...]:
    """Each other town's bill (C9), divided among the year's employers after a handover."""
    return tuple(
        _billing_line(year=year, debtor=debtor, creditor=creditor, amount=amount)
        for debtor, creditor, amount in _bills(split, spans, employer)
    )


RegionSettlement._DERIVERS = {
    "funding": _derived_funding,
    "spans": _derived_spans,
    "billing": _derived_billing,
}


def _settle_region(
    agreement: Agreement,
    region: Region,
    year: int,
    costs: CostStatement,
    *,
    window: tuple[dt.date, dt.date],
    rates: _MonthRates | None,
) -> RegionSettlement:
    """Settle one region's year from its funding and its members, each computed once (C4–C10)."""
    funding = _region_year_funding(agreement, region, year, window=window, rates=rates)
    lost = funding.lost
    balance = to_cents(costs.total) - to_cents(funding.amount)
    equal_parts = lost and agreement.policies.no_funding_split is ShareBasis.EQUAL
    members = _region_year(agreement, region, year, window, equal_parts=equal_parts)
    spans = members.spans
    if lost:
        clause = Clause.C10
    elif set(members.shares) != set(region.members) or any(
        span.clause is Clause.C12 for span in spans
    ):
        clause = Clause.C12  # someone has left; their share has passed on
    else:
        clause = Clause.C4
    employer = members.employer
    split = _split_trusted(
        max(balance, 0), members.shares, first=employer, clause=clause, integers=members.integers
    )
    return _region_settlement(
        region=region,
        year=year,
        costs=costs,
        funding=funding,
        own_share=_euros(max(balance, 0)),
        surplus=_euros(max(-balance, 0)),
        split=split,
        billing=_billing_lines(year, split, spans, employer),
        employer=employer,
        key=EQUAL_KEY if equal_parts else region.split_key,
        reference_day=members.reference_day,
        spans=spans,
    )
