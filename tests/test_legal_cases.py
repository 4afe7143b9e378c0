"""Named legal cases, kept as data in ``tests/cases/*.toml``, run against a preset agreement.

Each file holds ``[[case]]`` tables. A case has a ``name`` (the test id), the
``clause`` it is about (a `kim_cooperation.Clause` id), a ``description``, its
``inputs`` and its ``expected`` outputs. TOML dates (``2024-06-30``) are days;
money is a string with two places (``"8125.00"``). Unknown keys are refused,
so a misspelt expectation cannot pass unnoticed.

``[case.inputs]`` (all optional), applied in this order:

* ``preset``: the agreement to start from, ``"coesfeld"`` (default,
  `presets.coesfeld`) or ``"example"`` (`presets.example`: split keys,
  population counts, quarter notice terms);
* ``policies``: a table of `kim_cooperation.Policies` fields to their values,
  e.g. ``{ withdrawal_split = "key" }``; the others keep their defaults;
* ``employment_ends``: post label to the last day of its employment, or ``"open"``;
* ``funding_changes``: ``{kind = "loss", valid_from = …}`` (C10) or
  ``{kind = "rate", valid_from = …, amount = "57000.00"}`` (C6);
* ``notices``: ``{party = …, received = …, successor = …}`` (``successor``
  optional: a leaving employer's successor), given one by one in the order
  listed, or at once with `Agreement.give_notices` if ``notices_together = true``;
* ``withdrawals``: ``{party = …, on = …}``;
* ``years`` with ``costs`` (region to cost statement, e.g.
  ``{personnel = "163000.00", material_not_itemised = "7000.00"}``): settle each year;
* ``agreement_end`` with ``run_on_costs`` and ``run_on_funding`` (region to
  money): run the wind-down (C13).

``[case.expected]`` is either a refusal, ``error = {class, match, stage}`` and
nothing else (the exact class from `kim_cooperation.errors`, a literal
fragment of its message, and the step that raises it: ``notices``,
``withdrawals``, ``settlement`` or ``wind_down``), or outputs:

* ``ends`` (required): `Agreement.ends`, a date or ``"none"``;
* ``termination``: party to its termination date or ``"none"``;
* ``same_as_preset``: the agreement equals the untouched preset;
* ``members``: ``{day, region (optional), parties}``, the members in AGS order;
* ``settlements``: one per year settled, ``{year, parts, absent, billing,
  funding, own_share, surplus, clause, split_clause, employer}``: ``parts`` lists every
  town bearing a part; ``absent`` towns of the settled regions bear nothing;
  ``billing`` lists every billing line by debtor; the rest are per region;
* ``wind_down``: ``{run_on, capped, net, surplus, parts}``: months and cap per
  post of every region given, net and surplus per region, every former
  party's part.

Besides the listed outputs every settlement and wind-down is checked for the
invariants: parts add up to the own share (or net) exactly and are equal
within a cent; in a settlement under a key other than equal parts, or with a
change within the year, each part is instead within a cent of its exact
share over the spans (I2, I10), and each billing line goes to the employer of
one of the year's spans (C9).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Final

import attrs
import pytest

from kim_cooperation import (
    Agreement,
    Clause,
    CostItem,
    CostStatement,
    FundingRate,
    KeyKind,
    KimCooperationError,
    Party,
    Policies,
    RegionSettlement,
    Settlement,
    WindDown,
    errors,
    presets,
    settle,
    wind_down,
)
from kim_cooperation.policy import WithdrawalScope
from kim_cooperation.split import Allocation

CASES_DIR: Final = Path(__file__).parent / "cases"
STAGES: Final = ("notices", "withdrawals", "settlement", "wind_down")
_MONEY: Final = re.compile(r"-?\d+\.\d{2}")
_ONE_CENT: Final = Decimal("0.01")
PRESETS: Final[Mapping[str, Callable[[], Agreement]]] = {
    "coesfeld": presets.coesfeld,
    "example": presets.example,
}


class CaseFormatError(Exception):
    """A case file does not follow the schema in this module's docstring."""


# --------------------------------------------------------------------------- reading


class Table:
    """A TOML table read key by key; `finish` refuses keys nobody asked for."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, dict):
            raise CaseFormatError(f"{where} must be a table, got {data!r}")
        self._data: dict[str, object] = data
        self._read: set[str] = set()
        self.where = where

    def __contains__(self, key: str) -> bool:
        return key in self._data

    def entries(self) -> list[str]:
        self._read.update(self._data)
        return list(self._data)

    def raw(self, key: str) -> object:
        if key not in self._data:
            raise CaseFormatError(f"{self.where} lacks {key!r}")
        self._read.add(key)
        return self._data[key]

    def text(self, key: str) -> str:
        value = self.raw(key)
        if not isinstance(value, str):
            raise CaseFormatError(f"{self.where}.{key} must be a string, got {value!r}")
        return value

    def flag(self, key: str, default: bool = False) -> bool:
        if key not in self:
            return default
        value = self.raw(key)
        if not isinstance(value, bool):
            raise CaseFormatError(f"{self.where}.{key} must be a boolean, got {value!r}")
        return value

    def integer(self, key: str) -> int:
        value = self.raw(key)
        if not isinstance(value, int) or isinstance(value, bool):
            raise CaseFormatError(f"{self.where}.{key} must be an integer, got {value!r}")
        return value

    def day(self, key: str, *, allow_time: bool = False) -> dt.date:
        value = self.raw(key)
        if not isinstance(value, dt.date) or (isinstance(value, dt.datetime) and not allow_time):
            raise CaseFormatError(f"{self.where}.{key} must be a TOML date, got {value!r}")
        return value

    def optional_day(self, key: str, none: str) -> dt.date | None:
        value = self.raw(key)
        if value == none:
            return None
        return self.day(key)

    def money(self, key: str) -> str:
        value = self.text(key)
        if not _MONEY.fullmatch(value):
            raise CaseFormatError(f"{self.where}.{key} must be money like '8125.00': {value!r}")
        return value

    def table(self, key: str) -> Table:
        return Table(self.raw(key), f"{self.where}.{key}")

    def tables(self, key: str) -> list[Table]:
        value = self.raw(key)
        if not isinstance(value, list):
            raise CaseFormatError(f"{self.where}.{key} must be an array, got {value!r}")
        return [Table(item, f"{self.where}.{key}[{index}]") for index, item in enumerate(value)]

    def texts(self, key: str) -> list[str]:
        value = self.raw(key)
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise CaseFormatError(f"{self.where}.{key} must be an array of strings")
        return [str(item) for item in value]

    def finish(self) -> None:
        unknown = sorted(set(self._data) - self._read)
        if unknown:
            raise CaseFormatError(f"{self.where} has unknown keys {unknown}")


def money_map(table: Table) -> dict[str, str]:
    """A table of names to money strings."""
    found = {key: table.money(key) for key in table.entries()}
    table.finish()
    return found


def cost_statement(table: Table) -> CostStatement:
    """A cost statement from a table of C8 items to money."""
    items = {item.value for item in CostItem}
    amounts = money_map(table)
    unknown = sorted(set(amounts) - items)
    if unknown:
        raise CaseFormatError(f"{table.where}: {unknown} are not cost items {sorted(items)}")
    return CostStatement(**{item: Decimal(amount) for item, amount in amounts.items()})


def cost_plan(table: Table) -> dict[str, CostStatement]:
    plan = {region: cost_statement(table.table(region)) for region in table.entries()}
    table.finish()
    return plan


# --------------------------------------------------------------------------- the cases


@dataclass(frozen=True)
class FundingChange:
    kind: str
    valid_from: dt.date
    amount: Decimal | None


@dataclass(frozen=True)
class Inputs:
    preset: str = "coesfeld"
    policies: Policies | None = None
    notices: tuple[tuple[str, dt.date, str | None], ...] = ()
    notices_together: bool = False
    withdrawals: tuple[tuple[str, dt.date], ...] = ()
    funding_changes: tuple[FundingChange, ...] = ()
    employment_ends: Mapping[str, dt.date | None] = field(default_factory=dict)
    years: tuple[int, ...] = ()
    costs: Mapping[str, CostStatement] = field(default_factory=dict)
    agreement_end: dt.date | None = None
    run_on_costs: Mapping[str, CostStatement] = field(default_factory=dict)
    run_on_funding: Mapping[str, Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class ExpectedError:
    kind: type[KimCooperationError]
    match: str
    stage: str


@dataclass(frozen=True)
class ExpectedMembers:
    day: dt.date
    region: str | None
    parties: tuple[str, ...]


@dataclass(frozen=True)
class ExpectedSettlement:
    year: int
    parts: Mapping[str, str]
    absent: tuple[str, ...] = ()
    billing: Mapping[str, str] | None = None
    funding: Mapping[str, str] = field(default_factory=dict)
    own_share: Mapping[str, str] = field(default_factory=dict)
    surplus: Mapping[str, str] = field(default_factory=dict)
    clause: Mapping[str, str] = field(default_factory=dict)
    split_clause: Mapping[str, str] = field(default_factory=dict)
    employer: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ExpectedWindDown:
    run_on: Mapping[str, int]
    net: Mapping[str, str]
    parts: Mapping[str, str]
    capped: Mapping[str, bool] = field(default_factory=dict)
    surplus: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Expected:
    error: ExpectedError | None = None
    ends: dt.date | None = None
    termination: Mapping[str, dt.date | None] = field(default_factory=dict)
    same_as_preset: bool = False
    members: tuple[ExpectedMembers, ...] = ()
    settlements: tuple[ExpectedSettlement, ...] = ()
    wind_down: ExpectedWindDown | None = None


@dataclass(frozen=True)
class LegalCase:
    name: str
    clause: str
    description: str
    source: str
    inputs: Inputs
    expected: Expected


def read_dated(table: Table, key: str, day_key: str) -> tuple[tuple[str, dt.date], ...]:
    """An array of ``{party, <day_key>}`` tables."""
    if key not in table:
        return ()
    found: list[tuple[str, dt.date]] = []
    for item in table.tables(key):
        found.append((item.text("party"), item.day(day_key)))
        item.finish()
    return tuple(found)


def read_notices(table: Table) -> tuple[tuple[str, dt.date, str | None], ...]:
    """An array of ``{party, received, successor (optional)}`` tables."""
    if "notices" not in table:
        return ()
    found: list[tuple[str, dt.date, str | None]] = []
    for item in table.tables("notices"):
        successor = item.text("successor") if "successor" in item else None
        found.append((item.text("party"), item.day("received", allow_time=True), successor))
        item.finish()
    return tuple(found)


def read_funding_changes(table: Table) -> tuple[FundingChange, ...]:
    if "funding_changes" not in table:
        return ()
    changes: list[FundingChange] = []
    for change in table.tables("funding_changes"):
        kind = change.text("kind")
        if kind not in {"loss", "rate"}:
            raise CaseFormatError(f"{change.where}.kind must be 'loss' or 'rate': {kind!r}")
        amount = Decimal(change.money("amount")) if kind == "rate" else None
        changes.append(FundingChange(kind, change.day("valid_from"), amount))
        change.finish()
    return tuple(changes)


def read_years(table: Table) -> tuple[int, ...]:
    if "years" not in table:
        return ()
    value = table.raw("years")
    if not isinstance(value, list) or not all(
        isinstance(year, int) and not isinstance(year, bool) for year in value
    ):
        raise CaseFormatError(f"{table.where}.years must be an array of integers")
    return tuple(int(year) for year in value)


def read_policies(table: Table) -> Policies | None:
    """The ``policies`` table: field names of `Policies` to their values."""
    if "policies" not in table:
        return None
    chosen = table.table("policies")
    values = {name: chosen.text(name) for name in chosen.entries()}
    chosen.finish()
    unknown = sorted(set(values) - set(attrs.fields_dict(Policies)))
    if unknown:
        raise CaseFormatError(f"{chosen.where}: {unknown} are not fields of Policies")
    try:
        return Policies(**values)
    except KimCooperationError as error:
        raise CaseFormatError(f"{chosen.where}: {error}") from None


def read_inputs(table: Table) -> Inputs:
    employment_ends: dict[str, dt.date | None] = {}
    if "employment_ends" in table:
        ends = table.table("employment_ends")
        employment_ends = {label: ends.optional_day(label, "open") for label in ends.entries()}
        ends.finish()
    run_on_funding: dict[str, Decimal] = {}
    if "run_on_funding" in table:
        run_on_funding = {
            region: Decimal(amount)
            for region, amount in money_map(table.table("run_on_funding")).items()
        }
    preset = table.text("preset") if "preset" in table else "coesfeld"
    if preset not in PRESETS:
        raise CaseFormatError(f"{table.where}.preset must be one of {sorted(PRESETS)}: {preset!r}")
    inputs = Inputs(
        preset=preset,
        policies=read_policies(table),
        notices=read_notices(table),
        notices_together=table.flag("notices_together"),
        withdrawals=read_dated(table, "withdrawals", "on"),
        funding_changes=read_funding_changes(table),
        employment_ends=employment_ends,
        years=read_years(table),
        costs=cost_plan(table.table("costs")) if "costs" in table else {},
        agreement_end=table.day("agreement_end") if "agreement_end" in table else None,
        run_on_costs=cost_plan(table.table("run_on_costs")) if "run_on_costs" in table else {},
        run_on_funding=run_on_funding,
    )
    table.finish()
    if bool(inputs.years) != bool(inputs.costs):
        raise CaseFormatError(f"{table.where}: give both years and costs, or neither")
    if (inputs.agreement_end is None) != (not inputs.run_on_costs):
        raise CaseFormatError(f"{table.where}: give agreement_end with run_on_costs")
    return inputs


def read_error(table: Table) -> ExpectedError:
    name = table.text("class")
    kind = getattr(errors, name, None)
    if not (isinstance(kind, type) and issubclass(kind, KimCooperationError)):
        raise CaseFormatError(f"{table.where}.class {name!r} is not an error of the library")
    stage = table.text("stage")
    if stage not in STAGES:
        raise CaseFormatError(f"{table.where}.stage must be one of {STAGES}, got {stage!r}")
    error = ExpectedError(kind=kind, match=table.text("match"), stage=stage)
    table.finish()
    return error


def read_settlement(table: Table) -> ExpectedSettlement:
    def optional_map(key: str) -> dict[str, str]:
        return money_map(table.table(key)) if key in table else {}

    def clause_map(key: str) -> dict[str, str]:
        if key not in table:
            return {}
        clauses = table.table(key)
        found = {region: clauses.text(region) for region in clauses.entries()}
        clauses.finish()
        return found

    settlement = ExpectedSettlement(
        year=table.integer("year"),
        parts=money_map(table.table("parts")),
        absent=tuple(table.texts("absent")) if "absent" in table else (),
        billing=money_map(table.table("billing")) if "billing" in table else None,
        funding=optional_map("funding"),
        own_share=optional_map("own_share"),
        surplus=optional_map("surplus"),
        clause=clause_map("clause"),
        split_clause=clause_map("split_clause"),
        employer=clause_map("employer"),
    )
    table.finish()
    return settlement


def read_wind_down(table: Table) -> ExpectedWindDown:
    run_on_table = table.table("run_on")
    run_on = {label: run_on_table.integer(label) for label in run_on_table.entries()}
    run_on_table.finish()
    capped: dict[str, bool] = {}
    if "capped" in table:
        capped_table = table.table("capped")
        capped = {label: capped_table.flag(label) for label in capped_table.entries()}
        capped_table.finish()
    result = ExpectedWindDown(
        run_on=run_on,
        net=money_map(table.table("net")),
        parts=money_map(table.table("parts")),
        capped=capped,
        surplus=money_map(table.table("surplus")) if "surplus" in table else {},
    )
    table.finish()
    return result


def read_expected(table: Table) -> Expected:
    if "error" in table:
        expected = Expected(error=read_error(table.table("error")))
        table.finish()
        return expected
    termination: dict[str, dt.date | None] = {}
    if "termination" in table:
        days = table.table("termination")
        termination = {party: days.optional_day(party, "none") for party in days.entries()}
        days.finish()
    members: list[ExpectedMembers] = []
    if "members" in table:
        for item in table.tables("members"):
            members.append(
                ExpectedMembers(
                    day=item.day("day"),
                    region=item.text("region") if "region" in item else None,
                    parties=tuple(item.texts("parties")),
                )
            )
            item.finish()
    expected = Expected(
        ends=table.optional_day("ends", "none"),
        termination=termination,
        same_as_preset=table.flag("same_as_preset"),
        members=tuple(members),
        settlements=tuple(
            read_settlement(item)
            for item in (table.tables("settlements") if "settlements" in table else [])
        ),
        wind_down=read_wind_down(table.table("wind_down")) if "wind_down" in table else None,
    )
    table.finish()
    return expected


def read_case(data: object, source: str, index: int) -> LegalCase:
    table = Table(data, f"{source} case[{index}]")
    case = LegalCase(
        name=table.text("name"),
        clause=table.text("clause"),
        description=table.text("description"),
        source=source,
        inputs=read_inputs(table.table("inputs")) if "inputs" in table else Inputs(),
        expected=read_expected(table.table("expected")),
    )
    table.finish()
    if case.expected.error is None and {s.year for s in case.expected.settlements} != set(
        case.inputs.years
    ):
        raise CaseFormatError(f"{case.name}: expected settlements must match inputs.years")
    if case.expected.error is None and (case.expected.wind_down is None) != (
        case.inputs.agreement_end is None
    ):
        raise CaseFormatError(f"{case.name}: a wind-down needs both inputs and expectations")
    return case


def case_files() -> list[Path]:
    return sorted(CASES_DIR.glob("*.toml"))


def raw_cases(path: Path) -> list[object]:
    with path.open("rb") as handle:
        document = tomllib.load(handle)
    unknown = sorted(set(document) - {"case"})
    if unknown:
        raise CaseFormatError(f"{path.name}: unknown top-level keys {unknown}")
    cases = document.get("case", [])
    if not isinstance(cases, list):
        raise CaseFormatError(f"{path.name}: 'case' must be an array of tables")
    return list(cases)


def load_cases() -> list[LegalCase]:
    return [
        read_case(data, path.name, index)
        for path in case_files()
        for index, data in enumerate(raw_cases(path))
    ]


CASES: Final = load_cases()


# --------------------------------------------------------------------------- running


@dataclass
class Run:
    """The state of a case while its steps run."""

    case: LegalCase
    agreement: Agreement
    settlements: dict[int, Settlement] = field(default_factory=dict)
    wind_down: WindDown | None = None


def build_agreement(inputs: Inputs, name: str) -> Agreement:
    """The preset with the case's policies, employment ends and funding changes."""
    agreement = PRESETS[inputs.preset]()
    if inputs.policies is not None:
        agreement = agreement.with_policies(inputs.policies)
    labels = {post.label for post in agreement.posts}
    unknown = sorted(set(inputs.employment_ends) - labels)
    if unknown:
        raise CaseFormatError(f"{name}: no posts labelled {unknown}")
    if inputs.employment_ends:
        regions = [
            attrs.evolve(
                region,
                posts=[
                    attrs.evolve(
                        post,
                        employment_end=inputs.employment_ends.get(post.label, post.employment_end),
                    )
                    for post in region.posts
                ],
            )
            for region in agreement.regions
        ]
        agreement = attrs.evolve(agreement, regions=regions)
    for change in inputs.funding_changes:
        source = f"legal case {name}"
        if change.amount is None:
            schedule = agreement.funding.without_funding_from(change.valid_from, source=source)
        else:
            schedule = agreement.funding.with_rate(
                FundingRate(
                    valid_from=change.valid_from,
                    amount=change.amount,
                    source=source,
                    clause=Clause.C6,
                )
            )
        agreement = agreement.with_funding(schedule)
    return agreement


def give_notices(run: Run) -> None:
    inputs = run.case.inputs
    if inputs.notices_together:
        together: dict[str | Party, dt.date] = {
            party: received for party, received, _ in inputs.notices
        }
        if len(together) != len(inputs.notices):
            raise CaseFormatError(f"{run.case.name}: a party is listed twice")
        successors = {
            party: successor for party, _, successor in inputs.notices if successor is not None
        }
        run.agreement = run.agreement.give_notices(together, successors=successors)
        return
    for party, received, successor in inputs.notices:
        run.agreement = run.agreement.give_notice(party, received, successor=successor)


def withdraw_notices(run: Run) -> None:
    for party, on in run.case.inputs.withdrawals:
        run.agreement = run.agreement.withdraw_notice(party, on)


def settle_years(run: Run) -> None:
    for year in run.case.inputs.years:
        run.settlements[year] = settle(run.agreement, year, run.case.inputs.costs)


def run_wind_down(run: Run) -> None:
    inputs = run.case.inputs
    if inputs.agreement_end is None:
        return
    run.wind_down = wind_down(
        run.agreement,
        inputs.agreement_end,
        inputs.run_on_costs,
        funding=inputs.run_on_funding,
    )


STEPS: Final[tuple[tuple[str, Callable[[Run], None]], ...]] = (
    ("notices", give_notices),
    ("withdrawals", withdraw_notices),
    ("settlement", settle_years),
    ("wind_down", run_wind_down),
)


# --------------------------------------------------------------------------- checking


def names(agreement: Agreement, keys: Mapping[str, object] | tuple[str, ...]) -> list[str]:
    """Canonical party names for the names, AGS or ASCII forms in a case file."""
    return [agreement.party(key).name for key in keys]


def by_name(agreement: Agreement, expected: Mapping[str, str]) -> dict[str, str]:
    return {agreement.party(key).name: value for key, value in expected.items()}


def check_equal_parts(split: Allocation, total: Decimal) -> None:
    """The invariants of an equal split: the parts add up exactly and differ by a cent at most."""
    parts = list(split.values())
    assert split.amount == total
    assert sum(parts, Decimal(0)) == total
    if parts:
        assert max(parts) - min(parts) <= _ONE_CENT
    for part in parts:
        assert part.as_tuple().exponent == -2


def check_parts(agreement: Agreement, region: RegionSettlement) -> None:
    """The invariants of a region's split (C4, I2, I10).

    The parts add up exactly and each is within a cent of its exact share
    over the year's spans; under equal parts with the same members all year
    (and the leavers' shares passing within the region) they also differ by
    a cent at most.
    """
    split = region.split
    assert sum(split.values(), Decimal(0)) == split.amount == region.own_share
    for party, amount in split.items():
        assert amount.as_tuple().exponent == -2
        fraction = sum(
            (span.weight * span.shares.get(party, Fraction(0)) for span in region.spans),
            Fraction(0),
        )
        assert abs(Fraction(amount) - Fraction(region.own_share) * fraction) < Fraction(1, 100)
    if (
        region.key.kind is KeyKind.EQUAL
        and len(region.spans) == 1
        and agreement.policies.withdrawal_scope is WithdrawalScope.REGION
    ):
        check_equal_parts(split, region.own_share)


def check_settlement(run: Run, expected: ExpectedSettlement) -> None:
    agreement = run.agreement
    settlement = run.settlements[expected.year]
    assert settlement.year == expected.year
    for region in settlement.regions:
        check_parts(agreement, region)
        assert region.employer == agreement.employer_of(region.region, expected.year)
        creditors = {span.employer for span in region.spans}
        assert region.employer in creditors
        assert all(line.creditor in creditors for line in region.billing)
        assert all(line.creditor != line.debtor for line in region.billing)
        if creditors == {region.employer}:
            assert region.employer not in {line.debtor for line in region.billing}
        assert region.own_share + region.funding.amount - region.surplus == region.costs.total
    parts = {
        party.name: str(amount)
        for region in settlement.regions
        for party, amount in region.split.items()
    }
    assert parts == by_name(agreement, expected.parts)
    for town in names(agreement, expected.absent):
        assert town not in parts
        assert settlement.own_share_of(town) == Decimal("0.00")
        assert town not in {line.debtor.name for line in settlement.billing}
    if expected.billing is not None:
        billing = {line.debtor.name: str(line.amount) for line in settlement.billing}
        assert len(billing) == len(settlement.billing)
        assert billing == by_name(agreement, expected.billing)
    for field_name, wanted in (
        ("funding", expected.funding),
        ("own_share", expected.own_share),
        ("surplus", expected.surplus),
        ("clause", expected.clause),
        ("split_clause", expected.split_clause),
        ("employer", expected.employer),
    ):
        for name, value in wanted.items():
            actual = region_value(settlement, name, field_name)
            assert actual == value, f"{field_name} of {name} in {expected.year}"


def region_value(settlement: Settlement, region: str, field_name: str) -> str:
    """One figure of a region's settlement, as the case file writes it."""
    settled = settlement.region(region)
    values = {
        "funding": settled.funding.amount,
        "own_share": settled.own_share,
        "surplus": settled.surplus,
        "clause": settled.clause,
        "split_clause": settled.split.clause,
        "employer": settled.employer.name,
    }
    return str(values[field_name])


def check_wind_down(run: Run, expected: ExpectedWindDown) -> None:
    result = run.wind_down
    assert result is not None
    assert result.agreement_end == run.case.inputs.agreement_end
    run_on = {
        post.label: period.months for region in result.regions for post, period in region.periods
    }
    assert run_on == expected.run_on
    capped = {
        post.label: period.capped for region in result.regions for post, period in region.periods
    }
    for label, flag in expected.capped.items():
        assert capped[label] is flag, label
    assert {region.region.name: str(region.net) for region in result.regions} == {
        run.agreement.region(name).name: value for name, value in expected.net.items()
    }
    surplus = {region.region.name: str(region.surplus) for region in result.regions}
    for name, value in expected.surplus.items():
        assert surplus[run.agreement.region(name).name] == value, name
    parts: dict[str, str] = {}
    for region in result.regions:
        check_equal_parts(region.split, region.net)
        assert region.net + region.funding.amount - region.surplus == region.costs.total
        parts.update((party.name, str(amount)) for party, amount in region.split.items())
        for party in region.split:
            assert str(result.part_of(party)) == parts[party.name]
    assert parts == by_name(run.agreement, expected.parts)


def check_outputs(run: Run) -> None:
    agreement = run.agreement
    expected = run.case.expected
    assert agreement.ends == expected.ends
    for party, day in expected.termination.items():
        assert agreement.termination_of(party) == day, party
    if expected.same_as_preset:
        assert agreement == PRESETS[run.case.inputs.preset]()
    for members in expected.members:
        found = agreement.members_on(members.day, region=members.region)
        assert [party.name for party in found] == names(agreement, members.parties)
    for settlement in expected.settlements:
        check_settlement(run, settlement)
    if expected.wind_down is not None:
        check_wind_down(run, expected.wind_down)


def run_case(case: LegalCase) -> None:
    run = Run(case=case, agreement=build_agreement(case.inputs, case.name))
    error = case.expected.error
    for stage, step in STEPS:
        if error is not None and error.stage == stage:
            with pytest.raises(error.kind, match=re.escape(error.match)) as raised:
                step(run)
            assert type(raised.value) is error.kind
            return
        step(run)
    assert error is None, f"no step raised {error}"
    check_outputs(run)


# --------------------------------------------------------------------------- tests


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_legal_case(case: LegalCase) -> None:
    run_case(case)


def test_case_files_are_not_empty() -> None:
    files = case_files()
    assert files, f"no case files in {CASES_DIR}"
    for path in files:
        assert raw_cases(path), f"{path.name} holds no [[case]]"
    assert len(CASES) >= 30


def test_every_case_names_a_valid_clause() -> None:
    for case in CASES:
        assert Clause(case.clause).value == case.clause, case.name


def test_case_names_are_unique() -> None:
    seen: dict[str, str] = {}
    for case in CASES:
        assert case.name not in seen, f"{case.name} in {case.source} and {seen[case.name]}"
        seen[case.name] = case.source


def test_every_case_has_a_description() -> None:
    for case in CASES:
        assert len(case.description.split()) >= 5, case.name


def test_every_step_can_be_refused_by_some_case() -> None:
    assert tuple(stage for stage, _ in STEPS) == STAGES
    stages = {case.expected.error.stage for case in CASES if case.expected.error is not None}
    assert stages == set(STAGES)


# --------------------------------------------------------------------------- the reader


def _iter_bad_cases() -> Iterator[tuple[str, str, str]]:
    good = """
[[case]]
name = "x"
clause = "C11"
description = "a case"
[case.inputs]
notices = [{ party = "Rosendahl", received = 2024-06-30 }]
[case.expected]
ends = "none"
"""
    yield (
        "misspelt-key",
        good.replace('ends = "none"', 'ends = "none"\ntermnation = {}'),
        "unknown keys",
    )
    yield (
        "money-without-cents",
        good.replace(
            "[case.expected]",
            'years = [2023]\ncosts = { Nord = { personnel = "163000" } }\n[case.expected]',
        ),
        "must be money like",
    )
    yield (
        "termination-not-a-date",
        good + 'termination = { Rosendahl = "2025-12-31" }',
        "must be a TOML date",
    )
    yield (
        "unknown-error",
        good.replace(
            'ends = "none"', 'error = { class = "OopsError", match = "x", stage = "notices" }'
        ),
        "not an error of the library",
    )
    yield (
        "bad-stage",
        good.replace(
            'ends = "none"',
            'error = { class = "InvalidValueError", match = "x", stage = "later" }',
        ),
        "stage must be one of",
    )
    yield (
        "float-money",
        good.replace(
            "[case.expected]",
            "years = [2023]\ncosts = { Nord = { personnel = 1.5 } }\n[case.expected]",
        ),
        "must be a string",
    )
    yield "no-ends", good.replace('ends = "none"', ""), "lacks 'ends'"
    yield (
        "unknown-preset",
        good.replace("[case.inputs]", '[case.inputs]\npreset = "musterland"'),
        "preset must be one of",
    )
    yield (
        "unknown-policy",
        good.replace("[case.inputs]", '[case.inputs]\npolicies = { split = "key" }'),
        "are not fields of Policies",
    )
    yield (
        "bad-policy-value",
        good.replace("[case.inputs]", '[case.inputs]\npolicies = { span_weighting = "weeks" }'),
        "span_weighting must be one of",
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [pytest.param(text, message, id=name) for name, text, message in _iter_bad_cases()],
)
def test_malformed_cases_are_refused(text: str, message: str) -> None:
    cases = tomllib.loads(text)["case"]
    with pytest.raises(CaseFormatError, match=re.escape(message)):
        read_case(cases[0], "inline", 0)


def test_a_wrong_expectation_fails() -> None:
    """The runner is not vacuous: a case with one wrong cent fails."""
    case = next(case for case in CASES if case.name == "rosendahl-notice-received-on-the-deadline")
    settlements = list(case.expected.settlements)
    parts = dict(settlements[1].parts)
    parts["Coesfeld"], parts["Billerbeck"] = parts["Billerbeck"], parts["Coesfeld"]
    settlements[1] = ExpectedSettlement(year=settlements[1].year, parts=parts)
    wrong = LegalCase(
        name=case.name,
        clause=case.clause,
        description=case.description,
        source=case.source,
        inputs=case.inputs,
        expected=Expected(ends=None, settlements=tuple(settlements)),
    )
    with pytest.raises(AssertionError):
        run_case(wrong)
