"""Exactness in any environment: the caller's decimal context, hash seed, threads, pickling.

The library promises results that depend on nothing but its inputs (see
`kim_cooperation.money`): every figure is computed on integer cents and
exact fractions, never with context-dependent `Decimal` arithmetic. These
tests hold it to that promise for the main entry points (``settle``,
``split_equally``, ``split_by_weight``, ``wind_down``, ``project``,
``compare``, ``financial_impact``, ``explain``, ``billing_statements`` and
``export.to_json``):

* under any decimal context the caller may have set: precision 1 to 28,
  every rounding mode, any traps (``Inexact``, ``Rounded``, …), tiny
  exponent limits;
* under different ``PYTHONHASHSEED`` values (subprocesses compare a digest of
  the results' JSON and ``repr``);
* in many threads at once, each with its own hostile decimal context;
* after pickling, for every protocol: inputs and results round-trip equal,
  and results computed from unpickled inputs equal the originals.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import decimal
import hashlib
import os
import pickle
import subprocess
import sys
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kim_cooperation as kim
from kim_cooperation import (
    Agreement,
    CostStatement,
    Party,
    export,
    presets,
    scenario,
    settle,
    split_by_weight,
    split_equally,
)
from kim_cooperation.billing import billing_statements
from kim_cooperation.projection import project
from kim_cooperation.strategies import agreements, cost_plans, money, settlement_years
from strategies import ROUNDING_MODES, SIGNALS

TESTS = Path(__file__).resolve().parent

PROTOCOLS = range(pickle.HIGHEST_PROTOCOL + 1)

NOTICE_DAY = dt.date(2024, 6, 30)


# --- a fixed set of results ----------------------------------------------------


def _plan_with_odd_cents() -> dict[str, CostStatement]:
    """A plan for all three regions whose own shares do not split evenly."""
    return {
        "Nord": CostStatement(personnel=Decimal("163000.01"), equipment=Decimal("7000.02")),
        "Mitte": CostStatement(personnel=Decimal("68000.05"), recruitment=Decimal("0.07")),
        "Süd": CostStatement(
            personnel=Decimal("170000.11"), material_not_itemised=Decimal("999.99")
        ),
    }


def _weights() -> dict[Party, Any]:
    parties = presets.coesfeld().parties
    values: list[Any] = [Fraction(1, 3), Decimal("2.5"), 7, Fraction(22, 7), Decimal("0.001")]
    return {party: values[index % len(values)] for index, party in enumerate(parties)}


def results() -> dict[str, Any]:
    """Compute a fixed set of results from the library's main entry points."""
    base = presets.coesfeld()
    plan = presets.coesfeld_cost_plan_2023()
    odd = _plan_with_odd_cents()
    left = base.give_notice("Rosendahl", NOTICE_DAY)
    ended = scenario.all_give_notice(base, NOTICE_DAY)
    nord = base.region("Nord")
    settlement = settle(base, 2023, odd)
    wind_down_costs = {
        "Nord": CostStatement(personnel=Decimal("81500.03")),
        "Süd": CostStatement(personnel=Decimal("12345.67")),
    }
    projection = project(base, range(2023, 2027), odd, personnel_growth=Decimal("0.0315"))
    comparison = scenario.compare(
        base,
        {"Rosendahl leaves": left, "all leave": ended},
        range(2024, 2028),
        plan,
        personnel_growth=Fraction(1, 40),
    )
    return {
        "settlement": settlement,
        "settlement_after_notice": settle(left, 2026, odd),
        "settlement_planning": settle(base, 2023, presets.coesfeld_planning_costs_2023()),
        "split_equally": split_equally(Decimal("100.01"), nord.members, first=nord.employer),
        "split_equally_negative": split_equally(Decimal("-0.07"), base.parties),
        "split_by_weight": split_by_weight(Decimal("98765.43"), _weights()),
        "split_by_weight_first": split_by_weight(
            Decimal("0.10"), _weights(), first=base.party("Olfen")
        ),
        "wind_down": kim.wind_down(
            ended, dt.date(2025, 12, 31), wind_down_costs, funding={"Nord": Decimal("1000.01")}
        ),
        "projection": projection,
        "comparison": comparison,
        "impact": kim.financial_impact(settlement, "Coesfeld"),
        "impact_nkf": kim.financial_impact(settlement, "Havixbeck", layout="nkf"),
        "explanation": kim.explain(settlement, "Billerbeck", lang="en"),
        "billing": billing_statements(settlement, advances={"Havixbeck": Decimal("8000.01")}),
        "run_on": kim.run_on_period(dt.date(2025, 12, 31), dt.date(2026, 8, 15)),
        "deadline": kim.notice_deadline(2026),
    }


def render(found: Mapping[str, Any]) -> dict[str, str]:
    """Write each result out exactly: its JSON export where there is one, and its repr."""
    rendered: dict[str, str] = {}
    for name, value in found.items():
        items = value if isinstance(value, tuple) else (value,)
        texts = [repr(value)]
        for item in items:
            # Allocations, periods and deadlines are not exportable results.
            with contextlib.suppress(TypeError):
                texts.append(export.to_json(item))
        rendered[name] = "\n".join(texts)
    return rendered


def results_digest() -> str:
    """Return a SHA-256 digest of every result's JSON and repr (run in subprocesses)."""
    rendered = render(results())
    digest = hashlib.sha256()
    for name in sorted(rendered):
        digest.update(name.encode())
        digest.update(rendered[name].encode())
    return digest.hexdigest()


REFERENCE = results()
REFERENCE_TEXT = render(REFERENCE)


def test_the_fixed_results_cover_every_exported_kind() -> None:
    exported = set()
    for value in REFERENCE.values():
        for item in value if isinstance(value, tuple) else (value,):
            try:
                export.to_json(item)
            except TypeError:
                continue
            exported.add(type(item).__name__)
    assert exported == {
        "Settlement",
        "WindDown",
        "Projection",
        "Comparison",
        "FinancialImpact",
        "Explanation",
        "BillingStatement",
    }


# --- the caller's decimal context ------------------------------------------------


@st.composite
def decimal_contexts(draw: st.DrawFn) -> decimal.Context:
    """Any context a caller could have set: precision 1..28, any rounding, any traps."""
    emax = draw(st.sampled_from([decimal.MAX_EMAX, 99, 6]))
    return decimal.Context(
        prec=draw(st.integers(min_value=1, max_value=28)),
        rounding=draw(st.sampled_from(ROUNDING_MODES)),
        traps=draw(st.lists(st.sampled_from(SIGNALS), unique=True)),
        flags=[],
        Emax=emax,
        Emin=-emax,
        capitals=draw(st.sampled_from([0, 1])),
        clamp=draw(st.sampled_from([0, 1])),
    )


def _every_signal_trapped(prec: int, rounding: str) -> decimal.Context:
    return decimal.Context(prec=prec, rounding=rounding, traps=list(SIGNALS), Emax=6, Emin=-6)


@pytest.mark.parametrize("rounding", ROUNDING_MODES)
@pytest.mark.parametrize("prec", [1, 28])
def test_results_are_identical_with_every_signal_trapped(prec: int, rounding: str) -> None:
    with decimal.localcontext(_every_signal_trapped(prec, rounding)):
        found = results()
        text = render(found)
    assert found == REFERENCE
    assert text == REFERENCE_TEXT


@settings(max_examples=15)
@given(decimal_contexts())
def test_results_are_identical_under_any_decimal_context(context: decimal.Context) -> None:
    with decimal.localcontext(context):
        found = results()
        text = render(found)
    assert found == REFERENCE
    assert text == REFERENCE_TEXT


def test_the_callers_context_is_left_as_it_was() -> None:
    context = _every_signal_trapped(3, decimal.ROUND_05UP)
    with decimal.localcontext(context) as active:
        results()
        assert active.prec == 3
        assert active.rounding == decimal.ROUND_05UP
        assert not any(active.flags.values()), "the library raised a flag in the caller's context"


@settings(max_examples=30)
@given(
    money(min_value=Decimal("-1E+9"), max_value=Decimal("1E+9")),
    st.lists(
        st.one_of(
            st.integers(min_value=0, max_value=10**6),
            st.fractions(min_value=0, max_value=1000, max_denominator=10**6),
            st.decimals(min_value=0, max_value=1000, places=4),
        ),
        min_size=1,
        max_size=11,
    ).filter(any),
    decimal_contexts(),
)
def test_splits_are_identical_under_any_decimal_context(
    amount: Decimal, weights: list[Any], context: decimal.Context
) -> None:
    parties = presets.coesfeld().parties[: len(weights)]
    keyed = dict(zip(parties, weights, strict=False))
    expected = (split_by_weight(amount, keyed), split_equally(amount, parties))
    with decimal.localcontext(context):
        found = (split_by_weight(amount, keyed), split_equally(amount, parties))
    assert found == expected
    assert repr(found) == repr(expected)
    assert sum(found[0].values()) == amount


@settings(max_examples=15)
@given(st.data(), agreements(with_notices=None), decimal_contexts())
def test_settlements_of_any_agreement_are_identical_under_any_decimal_context(
    data: st.DataObject, agreement: Agreement, context: decimal.Context
) -> None:
    year = data.draw(settlement_years(agreement))
    plan = data.draw(cost_plans(agreement))
    expected = settle(agreement, year, plan)
    with decimal.localcontext(context):
        found = settle(agreement, year, plan)
        text = export.to_json(found)
    assert found == expected
    assert text == export.to_json(expected)


# --- the hash seed ------------------------------------------------------------------


def _digests_in_subprocesses(seeds: list[str]) -> dict[str, str]:
    """Run `results_digest` in one fresh interpreter per hash seed, all at once."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); "
        "import test_environment; print(test_environment.results_digest())"
    )
    running = {
        seed: subprocess.Popen(
            [sys.executable, "-c", code, str(TESTS)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed, "HYPOTHESIS_NO_PLUGINS": "1"},
        )
        for seed in seeds
    }
    digests = {}
    for seed, process in running.items():
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        digests[seed] = out.strip()
    return digests


def test_results_do_not_depend_on_the_hash_seed() -> None:
    digests = _digests_in_subprocesses(["0", "1", "4242", "random"])
    assert set(digests.values()) == {results_digest()}, digests


# --- threads --------------------------------------------------------------------------


def _jobs() -> list[Callable[[], Any]]:
    """Many independent settlements and splits, each under its own hostile context."""
    base = presets.coesfeld()
    odd = _plan_with_odd_cents()
    variants: list[Agreement] = [
        base,
        base.give_notice("Rosendahl", NOTICE_DAY),
        base.give_notice("Senden", dt.date(2024, 7, 1)),
        base.give_notice("Coesfeld", NOTICE_DAY, successor="Billerbeck"),
    ]
    jobs: list[Callable[[], Any]] = []
    for index in range(48):
        agreement = variants[index % len(variants)]
        year = 2023 + index % 5
        cents = 1_000_000 + index * 7_919
        context = decimal.Context(
            prec=1 + index % 28,
            rounding=ROUNDING_MODES[index % len(ROUNDING_MODES)],
            traps=list(SIGNALS[: index % len(SIGNALS)]),
        )
        amount = Decimal(f"{cents}E-2")

        def job(
            agreement: Agreement = agreement,
            year: int = year,
            amount: Decimal = amount,
            context: decimal.Context = context,
        ) -> tuple[object, ...]:
            with decimal.localcontext(context):
                settlement = settle(agreement, year, odd)
                return (
                    settlement,
                    export.to_json(settlement),
                    split_equally(amount, agreement.parties),
                    split_by_weight(amount, _weights()),
                )

        jobs.append(job)
    return jobs


def test_results_computed_in_parallel_threads_equal_the_sequential_ones() -> None:
    jobs = _jobs()
    sequential = [job() for job in jobs]
    with ThreadPoolExecutor(max_workers=8) as pool:
        parallel = list(pool.map(lambda job: job(), jobs))
        again = list(pool.map(lambda job: job(), reversed(jobs)))
    assert parallel == sequential
    assert again == sequential[::-1]


def test_the_fixed_results_in_parallel_threads_equal_the_reference() -> None:
    with ThreadPoolExecutor(max_workers=4) as pool:
        found = list(pool.map(lambda _: render(results()), range(4)))
    assert all(text == REFERENCE_TEXT for text in found)


# --- pickling ----------------------------------------------------------------------------


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_results_round_trip_through_pickle(protocol: int) -> None:
    for name, value in REFERENCE.items():
        restored = pickle.loads(pickle.dumps(value, protocol=protocol))
        assert restored == value, name
        assert repr(restored) == repr(value), name
        assert render({name: restored}) == {name: REFERENCE_TEXT[name]}


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_results_from_unpickled_inputs_equal_the_originals(protocol: int) -> None:
    base = presets.coesfeld()
    plan = _plan_with_odd_cents()
    inputs = (base, plan, _weights(), base.give_notice("Rosendahl", NOTICE_DAY))
    agreement, restored_plan, weights, left = pickle.loads(pickle.dumps(inputs, protocol=protocol))
    assert (agreement, restored_plan, weights, left) == inputs
    assert settle(agreement, 2023, restored_plan) == REFERENCE["settlement"]
    assert settle(left, 2026, restored_plan) == REFERENCE["settlement_after_notice"]
    assert split_by_weight(Decimal("98765.43"), weights) == REFERENCE["split_by_weight"]
    assert (
        project(agreement, range(2023, 2027), restored_plan, personnel_growth=Decimal("0.0315"))
        == REFERENCE["projection"]
    )
    text = export.to_json(settle(agreement, 2023, restored_plan))
    assert text == export.to_json(REFERENCE["settlement"])


@settings(max_examples=15)
@given(st.data(), agreements(with_notices=None), st.sampled_from(PROTOCOLS))
def test_any_agreement_and_its_settlement_survive_pickling(
    data: st.DataObject, agreement: Agreement, protocol: int
) -> None:
    year = data.draw(settlement_years(agreement))
    plan = data.draw(cost_plans(agreement))
    restored = pickle.loads(pickle.dumps(agreement, protocol=protocol))
    assert restored == agreement
    assert hash(restored) == hash(agreement)
    expected = settle(agreement, year, plan)
    assert settle(restored, year, plan) == expected
    assert pickle.loads(pickle.dumps(expected, protocol=protocol)) == expected


# --- errors ----------------------------------------------------------------------------------


def _raised(call: Callable[[], object]) -> kim.KimCooperationError:
    try:
        call()
    except kim.KimCooperationError as error:
        return error
    raise AssertionError(f"{call} raised nothing")


def _errors() -> list[BaseException]:
    """An instance of every error class: raised by the library where it can be, else built."""
    base = presets.coesfeld()
    made: list[BaseException] = [
        _raised(lambda: CostStatement(personnel=Decimal("-1"))),
        _raised(lambda: CostStatement(personnel=Decimal("0.001"))),
        _raised(lambda: kim.termination_date(dt.date(9999, 6, 30))),
        _raised(lambda: Agreement(**{**_fields(base), "regions": base.regions[:2]})),
        _raised(lambda: kim.loads_agreement('name = 1\nstart = "x"\n')),
        _raised(lambda: base.give_notice("Coesfeld", NOTICE_DAY)),
        _raised(lambda: kim.termination_date(dt.datetime(2024, 6, 30, 12, 0))),  # noqa: DTZ001
        _raised(lambda: split_equally(8125.0, base.parties)),  # type: ignore[arg-type]
        _raised(lambda: base.party("Münster")),
        _raised(lambda: base.region("West")),
        _raised(
            lambda: kim.financial_impact(
                settle(base, 2023, presets.coesfeld_cost_plan_2023()), "Coesfeld"
            ).line("transfers")
        ),
        _raised(lambda: base.funding.rate_on(dt.date(2022, 12, 31))),
        kim.AgreementFileError([("regions[0].posts[0].fte", "must be at most 1")], "a.toml"),
        kim.AgreementFileError(problems=[], source=None),
        kim.UnknownPartyError(),
        kim.errors.MissingExtraError(
            "plot", package="matplotlib", extra="plot", module="matplotlib"
        ),
        kim.errors.MissingExtraError(
            "dump_agreement(format='toml')",
            package="tomli-w",
            extra="toml",
            module="tomli_w",
            hint="write JSON with format='json'",
        ),
    ]
    made.extend(getattr(kim.errors, name)("a message with 'quotes' (C1)") for name in _ERROR_NAMES)
    noted = kim.InvalidValueError("with a note")
    noted.add_note("a note added by a caller")
    made.append(noted)
    return made


_ERROR_NAMES = [
    name
    for name in kim.errors.__all__
    if name not in {"AgreementFileError", "MissingExtraError"}
    and issubclass(getattr(kim.errors, name), BaseException)
]


def _fields(agreement: Agreement) -> dict[str, Any]:
    return {field: getattr(agreement, field) for field in ("name", "parties", "funding", "start")}


ERRORS = _errors()


def test_the_errors_cover_every_error_class() -> None:
    classes = {type(error) for error in ERRORS}
    assert {getattr(kim.errors, name) for name in _ERROR_NAMES} <= classes
    assert kim.AgreementFileError in {type(error) for error in ERRORS[:12]}


@pytest.mark.parametrize("protocol", PROTOCOLS)
@pytest.mark.parametrize("error", ERRORS, ids=lambda error: type(error).__name__)
def test_every_error_pickles_with_its_fields_and_message(
    error: BaseException, protocol: int
) -> None:
    restored = pickle.loads(pickle.dumps(error, protocol=protocol))
    assert type(restored) is type(error)
    assert restored.args == error.args
    assert str(restored) == str(error)
    assert repr(restored) == repr(error)
    assert vars(restored) == vars(error)
    assert getattr(restored, "__notes__", None) == getattr(error, "__notes__", None)
    if isinstance(error, kim.AgreementFileError):
        assert isinstance(restored, kim.AgreementFileError)
        assert restored.problems == error.problems
        assert restored.source == error.source
        assert isinstance(restored.problems, tuple)


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_an_error_keeps_its_german_text_through_pickle_and_copy(protocol: int) -> None:
    error = _raised(lambda: presets.coesfeld().region("West"))
    assert isinstance(error, kim.KimCooperationError)
    german = error.describe("de")
    assert german.startswith("'West' ist keine Region der Vereinbarung")
    restored = pickle.loads(pickle.dumps(error, protocol=protocol))
    assert restored.describe("de") == german
    assert copy.deepcopy(error).describe("de") == german
    phrase = kim.errors.Phrase("no funding from {day}", day=dt.date(2027, 1, 1))
    assert pickle.loads(pickle.dumps(phrase, protocol=protocol)) == phrase


@pytest.mark.parametrize("error", ERRORS, ids=lambda error: type(error).__name__)
def test_every_error_copies_with_its_fields_and_message(error: BaseException) -> None:
    for duplicate in (copy.copy(error), copy.deepcopy(error)):
        assert type(duplicate) is type(error)
        assert str(duplicate) == str(error)
        assert vars(duplicate) == vars(error)
