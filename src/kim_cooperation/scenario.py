"""Scenario comparison: a baseline and named variants side by side, per town and year.

Towns ask "what if": what if Rosendahl leaves, what if the state raises the
rate to 57,000 EUR or stops paying, what does it cost us if everyone gives
notice. A scenario is simply another `Agreement`; the helpers here build the
usual ones from a baseline, and `compare` projects all of them over the same
years and cost plans and reports each town's own share and the difference to
the baseline.

Examples:
    >>> import datetime as dt
    >>> from decimal import Decimal
    >>> from kim_cooperation import presets
    >>> from kim_cooperation import scenario
    >>> base = presets.coesfeld()
    >>> comparison = scenario.compare(
    ...     base,
    ...     {
    ...         "57,000 from 2024": scenario.rate_change(base, Decimal("57000"), dt.date(2024, 1, 1)),
    ...         "no funding from 2025": scenario.loss_of_funding(base, dt.date(2025, 1, 1)),
    ...     },
    ...     range(2023, 2026),
    ...     presets.coesfeld_cost_plan_2023(),
    ... )
    >>> comparison.value("57,000 from 2024", "Billerbeck", 2024)
    Decimal('6875.00')
    >>> comparison.difference("no funding from 2025", "Billerbeck", 2025)
    Decimal('34375.00')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from kim_cooperation._checks import Exact, check_date, check_label, shown, tuple_of
from kim_cooperation._exportable import Exportable
from kim_cooperation.agreement import Agreement
from kim_cooperation.clauses import Clause
from kim_cooperation.errors import InvalidTypeError, InvalidValueError
from kim_cooperation.funding import FundingRate
from kim_cooperation.money import Money, from_cents, to_cents
from kim_cooperation.party import Party
from kim_cooperation.projection import CostPlan, Projection, project

__all__ = [
    "BASELINE",
    "Comparison",
    "all_give_notice",
    "compare",
    "loss_of_funding",
    "notice_by",
    "rate_change",
]

BASELINE = "baseline"
"""The name of the baseline scenario in a `Comparison`."""


def rate_change(
    agreement: Agreement, amount: Money, valid_from: dt.date, *, source: str | None = None
) -> Agreement:
    """Return the agreement with a new funding rate from ``valid_from`` on (C5, C6).

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> changed = rate_change(presets.coesfeld(), 57000, dt.date(2024, 1, 1))
        >>> changed.funding.rate_on(dt.date(2024, 1, 1)).clause
        <Clause.C6: 'C6'>
    """
    valid_from = check_date(valid_from, what="valid_from")
    rate = FundingRate(
        valid_from=valid_from,
        amount=amount,
        source=source or f"Scenario: rate change from {valid_from.isoformat()}",
        clause=Clause.C6,
    )
    return agreement.with_funding(agreement.funding.with_rate(rate))


def loss_of_funding(
    agreement: Agreement, valid_from: dt.date, *, source: str | None = None
) -> Agreement:
    """Return the agreement with the funding ending on ``valid_from`` (C10).

    Without funding the towns bear the whole costs in equal parts.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets, settle
        >>> no_funding = loss_of_funding(presets.coesfeld(), dt.date(2025, 1, 1))
        >>> plan = presets.coesfeld_cost_plan_2023()
        >>> [settle(no_funding, year, plan).own_share_of("Havixbeck") for year in (2024, 2025)]
        [Decimal('8125.00'), Decimal('42500.00')]
    """
    valid_from = check_date(valid_from, what="valid_from")
    return agreement.with_funding(
        agreement.funding.without_funding_from(
            valid_from, source=source or f"Scenario: funding ends {valid_from.isoformat()}"
        )
    )


def notice_by(agreement: Agreement, party: str | Party, received: dt.date) -> Agreement:
    """Return the agreement after ``party`` gave notice received on ``received`` (C11, C12).

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> left = notice_by(presets.coesfeld(), "Rosendahl", dt.date(2024, 6, 30))
        >>> left.termination_of("Rosendahl")
        datetime.date(2025, 12, 31)
        >>> [party.name for party in left.members_on(dt.date(2026, 1, 1), region="Nord")]
        ['Billerbeck', 'Coesfeld', 'Havixbeck']
    """
    return agreement.give_notice(party, received)


def all_give_notice(agreement: Agreement, received: dt.date) -> Agreement:
    """Return the agreement after every party gave notice received on ``received`` (C11, C13).

    Parties that have already given notice keep their notice. The agreement
    ends on the last termination date; afterwards the towns owe no regular
    own shares, only the wind-down (see `kim_cooperation.wind_down`).

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> ended = all_give_notice(presets.coesfeld(), dt.date(2024, 6, 30))
        >>> ended.ends
        datetime.date(2025, 12, 31)
        >>> early = presets.coesfeld().give_notice("Rosendahl", dt.date(2023, 6, 30))
        >>> all_give_notice(early, dt.date(2024, 6, 30)).termination_of("Rosendahl")
        datetime.date(2024, 12, 31)
    """
    return agreement.give_notices(
        {party: received for party in agreement.parties if agreement.termination_of(party) is None}
    )


@attrs.frozen(kw_only=True)
class Comparison(Exportable):
    """Own shares per scenario, town and year, with the differences to the baseline.

    Attributes:
        names: The scenario names, the baseline first.
        projections: One `Projection` per name, in the same order.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> base = presets.coesfeld()
        >>> variants = {"Rosendahl leaves": notice_by(base, "Rosendahl", dt.date(2024, 6, 30))}
        >>> comparison = compare(base, variants, [2025, 2026], presets.coesfeld_cost_plan_2023())
        >>> comparison.names, comparison.years
        (('baseline', 'Rosendahl leaves'), (2025, 2026))
        >>> comparison.value("Rosendahl leaves", "Coesfeld", 2026)
        Decimal('10833.34')
        >>> party, year, values, differences = comparison.rows()[-1]
        >>> party.name, year, [str(value) for value in values], [str(d) for d in differences]
        ('Rosendahl', 2026, ['8125.00', '0.00'], ['0.00', '-8125.00'])
    """

    names: tuple[str, ...]
    projections: tuple[Projection, ...]

    @property
    def years(self) -> tuple[int, ...]:
        """The compared years."""
        return self.projections[0].years

    @property
    def parties(self) -> tuple[Party, ...]:
        """The parties that bear a share in any scenario, ordered by AGS (see `Projection.parties`)."""
        found = {party for projection in self.projections for party in projection.parties}
        return tuple(party for party in self.projections[0].agreement.parties if party in found)

    def projection(self, name: str) -> Projection:
        """Return one scenario's projection.

        Raises:
            InvalidValueError: No scenario has that name.
        """
        if name not in self.names:
            raise InvalidValueError(f"no scenario {shown(name)}; scenarios are {list(self.names)}")
        return self.projections[self.names.index(name)]

    def value(self, name: str, party: str | Party, year: int) -> Decimal:
        """Return a town's own share in one scenario and year."""
        return self.projection(name).own_share_of(party, year)

    def difference(self, name: str, party: str | Party, year: int) -> Decimal:
        """Return how much more (positive) or less a town bears than in the baseline."""
        change = to_cents(self.value(name, party, year)) - to_cents(
            self.value(BASELINE, party, year)
        )
        return from_cents(change)

    def rows(self) -> tuple[tuple[Party, int, tuple[Decimal, ...], tuple[Decimal, ...]], ...]:
        """Return, per town and year, the values of every scenario and their differences.

        Each row is ``(party, year, values, differences)`` with one value and
        one difference per scenario name (the baseline's difference is zero).
        """
        return tuple(
            (
                party,
                year,
                tuple(self.value(name, party, year) for name in self.names),
                tuple(self.difference(name, party, year) for name in self.names),
            )
            for party in self.parties
            for year in self.years
        )


def compare(
    baseline: Agreement,
    variants: Mapping[str, Agreement],
    years: Iterable[int],
    plans: CostPlan | Mapping[int, CostPlan],
    *,
    personnel_growth: Exact = 0,
) -> Comparison:
    """Project a baseline and named variants over the same years and plans.

    Args:
        baseline: The agreement as it stands.
        variants: Named variants, e.g. from `rate_change`, `loss_of_funding`,
            `notice_by` or `all_give_notice`; each must have the same
            parties as the baseline.
        years: The years to compare.
        plans: A base plan or plans per year, as for `kim_cooperation.projection.project`.
        personnel_growth: Yearly growth of personnel costs for a base plan.

    Raises:
        InvalidValueError: A variant is named ``"baseline"`` or has other
            parties than the baseline.
        InvalidTypeError: A variant is not an `Agreement`.

    Examples:
        If every party gives notice by 30 June 2024, Billerbeck still pays
        its share in 2025, its part of the estimated run-on costs in 2026
        (C13, here as much as before), and nothing from 2027 on:

        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> base = presets.coesfeld()
        >>> variants = {"all leave": all_give_notice(base, dt.date(2024, 6, 30))}
        >>> plan = presets.coesfeld_cost_plan_2023()
        >>> comparison = compare(base, variants, range(2025, 2028), plan)
        >>> [str(comparison.difference("all leave", "Billerbeck", y)) for y in comparison.years]
        ['0.00', '0.00', '-8125.00']
    """
    if not isinstance(variants, Mapping):
        raise InvalidTypeError(
            f"variants must be a mapping of name to Agreement, got {type(variants).__name__}"
        )
    chosen = list(tuple_of(years, int, what="years"))
    names = [BASELINE]
    agreements = [baseline]
    for name, variant in variants.items():
        check_label(name, what="scenario name")
        if name == BASELINE:
            raise InvalidValueError(f"the name {BASELINE!r} is reserved for the baseline")
        if not isinstance(variant, Agreement):
            raise InvalidTypeError(
                f"scenario {shown(name)} must be an Agreement, got {type(variant).__name__}"
            )
        if variant.parties != baseline.parties:
            raise InvalidValueError(
                f"scenario {shown(name)} has other parties than the baseline; compare agreements "
                "of the same parties"
            )
        names.append(name)
        agreements.append(variant)
    projections = tuple(
        project(agreement, chosen, plans, personnel_growth=personnel_growth)
        for agreement in agreements
    )
    return Comparison(names=tuple(names), projections=projections)
