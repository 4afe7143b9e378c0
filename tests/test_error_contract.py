"""The error contract of the Python API (issue 13, item 3).

Wrong types and values give the documented `KimCooperationError` subclasses
(`InvalidTypeError` for a wrong type, `InvalidValueError` for a wrong value),
never a bare `AttributeError`, `TypeError`, `ValueError` or `RuntimeError`.
Each case of the issue's list is a regression test here; `tests/test_fuzz.py`
walks every public callable.

Also here: numbers and dates are accepted only as the exact built-in types
(a subclass could change what arithmetic means), result types cannot be built
by hand, and a `NoticeDeadline` built by hand is checked in full.
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest

import kim_cooperation as kim
from kim_cooperation import files, funding, impact, keys, money, policy, presets, scenario
from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.costs import CostItem, costs_by_region
from kim_cooperation.funding import PostFunding, RegionFunding
from kim_cooperation.notice import PeriodEnd
from kim_cooperation.party import PartyKind
from kim_cooperation.projection import Projection, YearResult, estimate_wind_down, project
from kim_cooperation.scenario import Comparison
from kim_cooperation.settlement import BillingLine, RegionSettlement, Settlement, SettlementLine
from kim_cooperation.winddown import PostRunOn, RegionWindDown, RunOnPeriod, WindDown

AGREEMENT = presets.coesfeld()
PLAN = presets.coesfeld_cost_plan_2023()
SETTLEMENT = kim.settle(AGREEMENT, 2023, PLAN)
DAY = dt.date(2024, 6, 28)


def _any(value: object) -> Any:
    """``value``, typed so that passing it where it does not belong type-checks."""
    return value


class BadRepr:
    """A value whose repr() raises."""

    def __repr__(self) -> str:
        raise RuntimeError("repr() fails")


class ZeroTimes(int):
    """An int whose products are all zero."""

    def __mul__(self, other: object) -> int:
        return 0

    __rmul__ = __mul__


class LoudDecimal(Decimal):
    """A Decimal that claims to be infinite."""

    def is_finite(self) -> bool:
        return False


class OddFraction(Fraction):
    """A Fraction that compares below everything."""

    def __lt__(self, other: object) -> bool:
        return True


class ShiftedDate(dt.date):
    """A date whose arithmetic is a year off."""

    def __add__(self, other: object) -> Any:
        return dt.date(self.year + 1, self.month, self.day)


# --------------------------------------------------------------------------- the list (d)

CASES: list[tuple[str, Callable[[], object], type[kim.KimCooperationError]]] = [
    (
        "notice_by-none",
        lambda: scenario.notice_by(_any(None), "Olfen", DAY),
        kim.InvalidTypeError,
    ),
    (
        "rate_change-none",
        lambda: scenario.rate_change(_any(None), 57_000, DAY),
        kim.InvalidTypeError,
    ),
    (
        "loss_of_funding-none",
        lambda: scenario.loss_of_funding(_any(None), DAY),
        kim.InvalidTypeError,
    ),
    (
        "all_give_notice-none",
        lambda: scenario.all_give_notice(_any(None), DAY),
        kim.InvalidTypeError,
    ),
    ("compare-none", lambda: scenario.compare(_any(None), {}, [2023], PLAN), kim.InvalidTypeError),
    ("with_rate-none", lambda: AGREEMENT.funding.with_rate(_any(None)), kim.InvalidTypeError),
    (
        "region_funding-none",
        lambda: funding.region_funding(_any(None), 2023, AGREEMENT.funding),
        kim.InvalidTypeError,
    ),
    (
        "region_funding-schedule",
        lambda: funding.region_funding(AGREEMENT.posts, 2023, _any(None)),
        kim.InvalidTypeError,
    ),
    (
        "region_funding-method",
        lambda: funding.region_funding(
            AGREEMENT.posts, 2023, AGREEMENT.funding, method=_any(BadRepr())
        ),
        kim.InvalidValueError,
    ),
    ("amount-travel", lambda: kim.CostStatement().amount("travel"), kim.InvalidValueError),
    ("amount-none", lambda: kim.CostStatement().amount(_any(None)), kim.InvalidTypeError),
    ("load_agreement-bytes", lambda: files.load_agreement(_any(b"a.toml")), kim.InvalidTypeError),
    ("is_end-str", lambda: PeriodEnd.YEAR.is_end(_any("2024-12-31")), kim.InvalidTypeError),
    ("next_end-none", lambda: PeriodEnd.YEAR.next_end(_any(None)), kim.InvalidTypeError),
    (
        "split-clause-c99",
        lambda: kim.split_equally(1, AGREEMENT.parties, clause=_any("C99")),
        kim.InvalidValueError,
    ),
    (
        "split-clause-none",
        lambda: kim.split_equally(1, AGREEMENT.parties, clause=_any(None)),
        kim.InvalidTypeError,
    ),
    (
        "split-clause-42",
        lambda: kim.split_equally(1, AGREEMENT.parties, clause=_any(42)),
        kim.InvalidTypeError,
    ),
    (
        "split-clause-list",
        lambda: kim.split_equally(1, AGREEMENT.parties, clause=_any([])),
        kim.InvalidTypeError,
    ),
    (
        "split-clause-interpretation",
        lambda: kim.split_equally(1, AGREEMENT.parties, clause=_any(Interpretation.I2)),
        kim.InvalidValueError,
    ),
    (
        "split_by_weight-clause",
        lambda: kim.split_by_weight(1, {AGREEMENT.parties[0]: 1}, clause=_any("C99")),
        kim.InvalidValueError,
    ),
    (
        "settlement-by-hand",
        lambda: Settlement(agreement=_any(None), year=_any(2.5), regions=_any("abc")),
        kim.InvalidTypeError,
    ),
    ("billing-line-by-hand", lambda: _any(BillingLine)(amount=1.5), kim.InvalidTypeError),
    ("allocation-by-hand", kim.Allocation, kim.InvalidTypeError),
    (
        "repr-raises-money",
        lambda: kim.CostStatement(personnel=_any(BadRepr())),
        kim.MoneyTypeError,
    ),
    ("repr-raises-date", lambda: kim.termination_date(_any(BadRepr())), kim.InvalidTypeError),
    ("repr-raises-party", lambda: AGREEMENT.party(_any(BadRepr())), kim.UnknownPartyError),
    ("repr-raises-clause", lambda: Clause(_any(BadRepr())), kim.InvalidTypeError),
    (
        "repr-raises-name",
        lambda: kim.Party(name=_any(BadRepr()), kind="Stadt", ags="05558012"),
        kim.InvalidTypeError,
    ),
    ("int-subclass-money", lambda: money.to_money(ZeroTimes(5)), kim.MoneyTypeError),
    ("int-subclass-costs", lambda: kim.CostStatement(personnel=ZeroTimes(5)), kim.MoneyTypeError),
    ("decimal-subclass-money", lambda: money.to_money(LoudDecimal("1.5")), kim.MoneyTypeError),
    (
        "int-subclass-split",
        lambda: kim.split_equally(ZeroTimes(5), AGREEMENT.parties),
        kim.MoneyTypeError,
    ),
    (
        "int-subclass-fte",
        lambda: kim.Post(label="X", fte=_any(ZeroTimes(1))),
        kim.InvalidTypeError,
    ),
    (
        "fraction-subclass-fte",
        lambda: kim.Post(label="X", fte=OddFraction(1, 2)),
        kim.InvalidTypeError,
    ),
    (
        "int-subclass-weight",
        lambda: kim.split_by_weight(10, {AGREEMENT.parties[0]: ZeroTimes(1)}),
        kim.InvalidTypeError,
    ),
    ("int-subclass-year", lambda: kim.latest_notice_date(ZeroTimes(2025)), kim.InvalidTypeError),
    (
        "int-subclass-settle-year",
        lambda: kim.settle(AGREEMENT, ZeroTimes(2023), PLAN),
        kim.InvalidTypeError,
    ),
    ("int-subclass-months", lambda: kim.NoticeTerms(months=ZeroTimes(18)), kim.InvalidTypeError),
    (
        "int-subclass-growth",
        lambda: project(AGREEMENT, [2023], PLAN, personnel_growth=ZeroTimes(0)),
        kim.InvalidTypeError,
    ),
    (
        "date-subclass",
        lambda: kim.termination_date(ShiftedDate(2024, 6, 28)),
        kim.InvalidTypeError,
    ),
    ("from_cents-float", lambda: money.from_cents(_any(1.5)), kim.InvalidTypeError),
    (
        "round-decimal",
        lambda: money.round_half_up_to_cents(_any(Decimal(1))),
        kim.InvalidTypeError,
    ),
    ("fold_name-none", lambda: kim.party.fold_name(_any(None)), kim.InvalidTypeError),
    ("population-none", lambda: AGREEMENT.with_population(_any(None)), kim.InvalidTypeError),
    ("clause-c99", lambda: Clause("C99"), kim.InvalidValueError),
    ("party-kind-none", lambda: PartyKind(_any(None)), kim.InvalidTypeError),
    ("cost-item-unknown", lambda: CostItem("travel"), kim.InvalidValueError),
    (
        "notice-clause",
        lambda: kim.Notice(party=AGREEMENT.parties[0], received=DAY, clause=_any("C5")),
        kim.InvalidValueError,
    ),
]


@pytest.mark.parametrize(
    ("call", "error"), [pytest.param(call, error, id=name) for name, call, error in CASES]
)
def test_a_wrong_value_gives_the_documented_error(
    call: Callable[[], object], error: type[kim.KimCooperationError]
) -> None:
    with pytest.raises(error) as raised:
        call()
    message = str(raised.value)
    assert message
    assert len(message) < 2_000


def test_the_documented_errors_are_built_in_errors_too() -> None:
    """``except TypeError`` and ``except ValueError`` keep catching them."""
    with pytest.raises(TypeError):
        scenario.notice_by(_any(None), "Olfen", DAY)
    with pytest.raises(ValueError, match="C99"):
        kim.split_equally(1, AGREEMENT.parties, clause=_any("C99"))


def test_a_message_names_the_value_whose_repr_fails_by_its_type() -> None:
    with pytest.raises(kim.MoneyTypeError, match="BadRepr whose repr\\(\\) fails"):
        money.to_money(_any(BadRepr()))


def test_a_subclass_is_refused_with_the_reason() -> None:
    with pytest.raises(
        kim.MoneyTypeError, match="ZeroTimes is a subclass of int, which is refused"
    ):
        money.to_money(ZeroTimes(5))
    with pytest.raises(kim.InvalidTypeError, match=r"pass a plain datetime\.date"):
        kim.is_weekend(ShiftedDate(2024, 6, 29))


def test_plain_values_still_work() -> None:
    assert money.to_money(5) == Decimal("5.00")
    assert kim.split_equally(Decimal("0.03"), AGREEMENT.regions[1].members).amount == Decimal(
        "0.03"
    )
    assert kim.split_equally(1, AGREEMENT.parties, clause=_any("C12")).clause is Clause.C12
    assert kim.CostStatement(personnel=163000).amount(CostItem.PERSONNEL) == Decimal("163000.00")
    assert PeriodEnd("quarter") is PeriodEnd.QUARTER
    assert Clause(Clause.C4) is Clause.C4


def test_a_str_subclass_is_read_as_its_characters() -> None:
    """StrEnum members and other str subclasses are names like any string."""

    class Shouting(str):
        def casefold(self) -> str:
            return "nothing"

    party = kim.Party(name=Shouting("Olfen"), kind="Stadt", ags="05558036")
    assert type(party.name) is str
    assert AGREEMENT.party(Shouting("OLFEN")).name == "Olfen"


def test_enum_members_pickle_as_before() -> None:
    for member in (
        Clause.C4,
        Interpretation.I2,
        PartyKind.STADT,
        PeriodEnd.YEAR,
        CostItem.EQUIPMENT,
    ):
        assert pickle.loads(pickle.dumps(member)) is member
        assert copy.deepcopy(member) is member


# --------------------------------------------------------------------------- result types


def _results() -> list[object]:
    ended = scenario.all_give_notice(AGREEMENT, DAY)
    end = ended.ends
    assert end is not None
    wound = kim.wind_down(ended, end, PLAN)
    projection = project(AGREEMENT, [2023], PLAN)
    return [
        SETTLEMENT,
        SETTLEMENT.regions[0],
        SETTLEMENT.billing[0],
        SETTLEMENT.regions[0].lines()[0],
        SETTLEMENT.regions[0].funding,
        SETTLEMENT.regions[0].funding.posts[0],
        wound,
        wound.regions[0],
        kim.run_on_period(end, None),
        projection,
        projection.results[0],
        scenario.compare(AGREEMENT, {}, [2023], PLAN),
    ]


RESULT_TYPES = (
    Settlement,
    RegionSettlement,
    BillingLine,
    SettlementLine,
    RegionFunding,
    PostFunding,
    WindDown,
    RegionWindDown,
    RunOnPeriod,
    PostRunOn,
    Projection,
    YearResult,
    Comparison,
)


@pytest.mark.parametrize("cls", RESULT_TYPES, ids=lambda cls: cls.__name__)
def test_a_result_type_cannot_be_built_by_hand(cls: type) -> None:
    with pytest.raises(kim.InvalidTypeError, match=f"{cls.__name__} is a result made by"):
        cls()
    fields = {field.name: None for field in attrs.fields(cls)}
    with pytest.raises(kim.InvalidTypeError, match="cannot be constructed directly"):
        cls(**fields)


@pytest.mark.parametrize("result", _results(), ids=lambda result: type(result).__name__)
def test_a_result_copies_and_pickles_but_does_not_evolve(result: object) -> None:
    assert copy.copy(result) == result
    assert copy.deepcopy(result) == result
    assert pickle.loads(pickle.dumps(result)) == result
    with pytest.raises(kim.InvalidTypeError, match=r"attrs\.evolve"):
        attrs.evolve(_any(result))


def test_every_result_type_is_covered() -> None:
    assert {type(result) for result in _results()} == set(RESULT_TYPES) - {PostRunOn}
    ended = scenario.all_give_notice(AGREEMENT, DAY)
    assert ended.ends is not None
    per_post = kim.wind_down(
        ended,
        ended.ends,
        {"Nord 1": kim.RunOnCost.monthly(kim.CostStatement(personnel=5000))},
    )
    (post,) = per_post.regions[0].posts
    assert type(post) is PostRunOn
    assert pickle.loads(pickle.dumps(post)) == post


# --------------------------------------------------------------------------- NoticeDeadline


def test_a_notice_deadline_built_by_hand_is_checked() -> None:
    quarter = kim.NoticeTerms(months=3, period_end="quarter")
    end = dt.date(2025, 6, 30)
    deadline = kim.NoticeDeadline(
        end=end, deadline=kim.latest_notice_date_for(end, quarter), terms=quarter
    )
    assert deadline.deadline == dt.date(2025, 3, 31)
    with pytest.raises(kim.InvalidValueError, match="is 2025-03-31, not 2025-03-30"):
        kim.NoticeDeadline(end=end, deadline=dt.date(2025, 3, 30), terms=quarter)
    with pytest.raises(kim.InvalidValueError, match="not the end of a quarter"):
        kim.NoticeDeadline(end=dt.date(2025, 6, 29), deadline=dt.date(2025, 3, 31), terms=quarter)
    with pytest.raises(kim.InvalidTypeError, match=r"end must be a datetime\.date"):
        kim.NoticeDeadline(end=_any("2025-06-30"), deadline=dt.date(2025, 3, 31), terms=quarter)
    with pytest.raises(kim.InvalidTypeError, match="terms must be NoticeTerms"):
        kim.NoticeDeadline(end=end, deadline=dt.date(2025, 3, 31), terms=_any(None))
    with pytest.raises(kim.InvalidValueError, match="clause of notice is C11"):
        kim.NoticeDeadline(
            end=end, deadline=dt.date(2025, 3, 31), terms=quarter, clause=_any(Clause.C5)
        )


# --------------------------------------------------------------------------- the follow-ups
# The helpers, enums and new modules the walk of tests/test_fuzz.py listed as escapes.


class _BadRepr:
    def __repr__(self) -> str:
        raise RuntimeError("repr() of this value fails")


def test_membership_spans_and_keys_refuse_what_is_not_an_agreement_or_region() -> None:
    from kim_cooperation import membership, spans

    nord = AGREEMENT.region("Nord")
    with pytest.raises(kim.InvalidTypeError, match="agreement must be an Agreement, got NoneType"):
        membership.members_on(_any(None), dt.date(2024, 1, 1))
    with pytest.raises(kim.InvalidTypeError, match="agreement must be an Agreement"):
        membership.agreement_end(_any({}))
    with pytest.raises(kim.InvalidTypeError, match=r"region must be a Region, got str 'Nord'"):
        membership.cost_shares(AGREEMENT, _any("Nord"), 2023)
    with pytest.raises(kim.InvalidTypeError, match=r"agreement\.region\(name\)"):
        spans.year_spans(AGREEMENT, _any("Nord"), 2023)
    with pytest.raises(kim.InvalidTypeError, match="spans must all be Span"):
        spans.year_shares(_any([1]))
    with pytest.raises(kim.InvalidValueError, match="current must be a mapping"):
        spans.bearer_shares(AGREEMENT, nord, {}, dict.fromkeys(nord.members, Fraction(1)))
    with pytest.raises(kim.InvalidTypeError, match="population counts must be an iterable"):
        keys.check_population(_any(None))
    with pytest.raises(kim.UnknownPartyError, match="must be members of region 'Nord'"):
        keys.key_weights(AGREEMENT, nord, 2023, AGREEMENT.region("Mitte").members)
    with pytest.raises(kim.InvalidTypeError, match="parties must all be Party"):
        keys.key_integers(AGREEMENT, nord, 2023, _any(["Coesfeld"]))
    with pytest.raises(kim.InvalidTypeError, match="agreement must be an Agreement"):
        keys.population_of(_any(None), "Coesfeld", dt.date(2024, 1, 1))
    with pytest.raises(kim.InvalidTypeError, match="agreement must be an Agreement"):
        costs_by_region(_any(None), PLAN)
    with pytest.raises(kim.InvalidTypeError, match="agreement must be an Agreement"):
        estimate_wind_down(_any(None), 2026, PLAN)
    # Valid input is unchanged.
    assert keys.key_integers(AGREEMENT, nord, 2023, nord.members[:2]) == dict.fromkeys(
        nord.members[:2], 1
    )


def test_largest_remainder_checks_its_arguments() -> None:
    from kim_cooperation.split import largest_remainder

    assert largest_remainder(6, _any([Fraction(2), 1, Decimal(1)])) == [3, 2, 1]
    assert largest_remainder(0, []) == []
    with pytest.raises(kim.InvalidTypeError, match="total must be an int of units"):
        largest_remainder(_any(6.0), [Fraction(1)])
    with pytest.raises(kim.InvalidTypeError, match="weight 0 must be a Fraction"):
        largest_remainder(6, _any([0.5]))
    with pytest.raises(kim.InvalidValueError, match="must not be negative, got weight 1"):
        largest_remainder(6, [Fraction(1), Fraction(-1)])
    with pytest.raises(kim.InvalidValueError, match="positive sum"):
        largest_remainder(6, [Fraction(0)])
    with pytest.raises(kim.InvalidValueError, match="positive sum"):
        largest_remainder(6, [])


@pytest.mark.parametrize(
    "enum_class",
    [
        policy.WithdrawalScope,
        policy.PartYearFunding,
        policy.WindDownScope,
        policy.PopulationReference,
        policy.SpanWeighting,
        policy.ShareBasis,
        keys.KeyKind,
        impact.Layout,
        impact.Role,
    ],
)
def test_the_enums_of_policy_keys_and_impact_are_choices(enum_class: Any) -> None:
    first = next(iter(enum_class))
    assert enum_class(first.value) is first
    assert pickle.loads(pickle.dumps(first)) is first
    with pytest.raises(kim.InvalidValueError, match=f"is not a {enum_class.__name__}; expected"):
        enum_class("nonsense")
    with pytest.raises(kim.InvalidTypeError, match="whose repr"):
        enum_class(_BadRepr())
    with pytest.raises(kim.InvalidTypeError, match="got NoneType None"):
        enum_class(None)


def test_reports_and_formatting_refuse_wrong_types_and_languages() -> None:
    from kim_cooperation import export, formatting, report

    settlement = kim.settle(AGREEMENT, 2023, PLAN)
    with pytest.raises(kim.InvalidValueError, match=r"lang must be 'de' or 'en', got 'fr'"):
        report.render_settlement(settlement, lang=_any("fr"))
    with pytest.raises(kim.InvalidTypeError, match="lang must be 'de' or 'en', got NoneType"):
        report.default_report(lang=_any(None))
    with pytest.raises(kim.InvalidTypeError, match=r"settlement must be a Settlement.*settle\("):
        report.render_settlement(_any(None))
    with pytest.raises(kim.InvalidTypeError, match="notes must all be str"):
        report.render_settlement(settlement, notes=_any([1]))
    with pytest.raises(kim.InvalidTypeError, match="projection must be a Projection"):
        report.render_projection(_any(settlement))
    with pytest.raises(kim.InvalidValueError, match="lang must be"):
        project(AGREEMENT, [2023], PLAN).table(lang=_any("fr"))
    with pytest.raises(kim.InvalidTypeError, match=r"day must be a datetime\.date"):
        formatting.format_date(_any("2024-06-30"))
    with pytest.raises(kim.InvalidTypeError, match="fte must be a Fraction"):
        formatting.format_fte(_any(0.5))
    with pytest.raises(kim.InvalidValueError, match="denominator must be positive"):
        formatting.terminating_places(0)  # 0 once looped for ever
    with pytest.raises(kim.InvalidTypeError, match="indent must be an int"):
        export.to_json(settlement, indent=_any(True))
    assert formatting.format_fte(Fraction(1, 2), lang="en") == "0.5"


def test_parsers_and_scenario_files_refuse_wrong_names_and_languages() -> None:
    from kim_cooperation import closed_days, parsing, scenario_file

    with pytest.raises(kim.InvalidTypeError, match="what must be a str"):
        parsing.parse_amount("57000", what=_any(1))
    with pytest.raises(kim.InvalidTypeError, match="what must be a str"):
        closed_days.parse_closed_day("24.12.", what=_any(_BadRepr()))
    with pytest.raises(kim.InvalidTypeError, match="lang must be 'de' or 'en', got _BadRepr"):
        parsing.parse_year("2023", lang=_any(_BadRepr()))
    with pytest.raises(kim.InvalidTypeError, match="source must be the file's name"):
        scenario_file.loads_scenarios("", AGREEMENT, source=_any(_BadRepr()))
    with pytest.raises(kim.InvalidTypeError, match="agreement must be an Agreement"):
        scenario_file.load_scenarios("missing.toml", _any(None))
    assert parsing.parse_year("2023", what="--year") == 2023


def test_strategies_raise_invalid_argument_with_a_message_that_can_be_shown() -> None:
    hypothesis_errors = pytest.importorskip("hypothesis.errors")
    from kim_cooperation import strategies

    with pytest.raises(hypothesis_errors.InvalidArgument, match="whose repr"):
        strategies.distinct_parties(min_size=_any(_BadRepr())).validate()
    with pytest.raises(hypothesis_errors.InvalidArgument, match="period_ends must be a sequence"):
        strategies.notice_terms(period_ends=_any(3)).validate()
    with pytest.raises(hypothesis_errors.InvalidArgument, match="is not a PeriodEnd"):
        strategies.notice_terms(period_ends=_any(["decade"])).validate()
    with pytest.raises(hypothesis_errors.InvalidArgument, match="must be an int, got bool"):
        strategies.distinct_parties(max_size=_any(True)).validate()
    strategies.notice_terms(period_ends=_any(["year"])).validate()
