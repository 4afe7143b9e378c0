"""Tests of the value objects: parties, posts, regions, funding, costs, the agreement."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import kim_cooperation as kim
from kim_cooperation import (
    Agreement,
    AgreementError,
    Clause,
    CostItem,
    CostStatement,
    FundingRate,
    FundingSchedule,
    Interpretation,
    InvalidDateError,
    InvalidMoneyError,
    InvalidTypeError,
    InvalidValueError,
    KimCooperationError,
    MoneyTypeError,
    NkfGroup,
    NoApplicableRateError,
    NoticeTerms,
    Party,
    PartyKind,
    PeriodEnd,
    Post,
    Region,
    UnknownPartyError,
    UnknownRegionError,
    presets,
)

START = dt.date(2023, 1, 1)


# --------------------------------------------------------------------------- helpers


def party(name: str, ags: str, kind: str = "Stadt") -> Party:
    return Party(name=name, kind=kind, ags=ags)


A = party("Alpha", "05558004")
B = party("Beta", "05558008", "Gemeinde")
C = party("Gamma", "05558012")
D = party("Delta", "05558016", "Gemeinde")


def rate(day: dt.date = START, amount: int | Decimal = 55000, clause: str = "C5") -> FundingRate:
    return FundingRate(valid_from=day, amount=amount, source="test", clause=clause)


def schedule(*rates: FundingRate) -> FundingSchedule:
    return FundingSchedule(rates=rates or (rate(),))


def region(
    name: str,
    employer: Party,
    members: Sequence[Party],
    labels: Sequence[str] = ("P1",),
) -> Region:
    return Region(
        name=name,
        employer=employer,
        members=members,
        posts=[Post(label=label, fte=1) for label in labels],
    )


def agreement(
    parties: Sequence[Party] = (A, B, C, D),
    regions: Sequence[Region] | None = None,
    funding: FundingSchedule | None = None,
    start: dt.date = START,
) -> Agreement:
    if regions is None:
        regions = (
            region("Nord", A, [A, B], ["N1"]),
            region("Süd", C, [C, D], ["S1"]),
        )
    return Agreement(
        name="Test agreement",
        parties=parties,
        regions=regions,
        funding=funding if funding is not None else schedule(),
        start=start,
    )


# --------------------------------------------------------------------------- Party


class TestParty:
    def test_fields_and_title(self) -> None:
        rosendahl = Party(name="Rosendahl", kind=PartyKind.GEMEINDE, ags="05558040")
        assert rosendahl.name == "Rosendahl"
        assert rosendahl.kind is PartyKind.GEMEINDE
        assert rosendahl.ags == "05558040"
        assert rosendahl.title == "Gemeinde Rosendahl"
        assert str(rosendahl) == "Rosendahl"

    @pytest.mark.parametrize(
        ("kind", "expected"),
        [("Stadt", PartyKind.STADT), ("Gemeinde", PartyKind.GEMEINDE)],
    )
    def test_kind_from_str(self, kind: str, expected: PartyKind) -> None:
        assert Party(name="X", kind=kind, ags="05558004").kind is expected

    @pytest.mark.parametrize("kind", ["Dorf", "stadt", "", "STADT"])
    def test_bad_kind_refused(self, kind: str) -> None:
        with pytest.raises(InvalidValueError, match=re.escape(repr(kind))):
            Party(name="X", kind=kind, ags="05558004")

    def test_kind_of_wrong_type_refused(self) -> None:
        bad: Any = 1
        with pytest.raises(InvalidTypeError, match="party kind must be a PartyKind or str"):
            Party(name="X", kind=bad, ags="05558004")

    @pytest.mark.parametrize("ags", ["05558012", "01000000", "16999999", "10000000", "05558004"])
    def test_valid_ags(self, ags: str) -> None:
        assert Party(name="X", kind="Stadt", ags=ags).ags == ags

    @pytest.mark.parametrize(
        "ags",
        [
            "5558012",  # leading zero lost
            "055580120",  # nine digits
            "",
            "0555801a",
            "05558-12",
            " 5558012",
            "\uff10\uff15\uff15\uff15\uff18\uff10\uff11\uff12",  # full-width digits, not ASCII
            "0555801²",  # superscript two: str.isdigit() is True
        ],
    )
    def test_malformed_ags_refused(self, ags: str) -> None:
        with pytest.raises(InvalidValueError, match=re.escape(repr(ags))):
            Party(name="X", kind="Stadt", ags=ags)

    @pytest.mark.parametrize("ags", ["00558012", "17558012", "99999999"])
    def test_ags_land_out_of_range_refused(self, ags: str) -> None:
        with pytest.raises(InvalidValueError, match=rf"Land code from 01 to 16, got '{ags}'"):
            Party(name="X", kind="Stadt", ags=ags)

    def test_int_ags_refused_with_type_error(self) -> None:
        bad: Any = 5558012
        with pytest.raises(InvalidTypeError, match="got int 5558012"):
            Party(name="Coesfeld", kind="Stadt", ags=bad)

    def test_int_ags_error_is_a_type_error(self) -> None:
        bad: Any = 5558012
        with pytest.raises(TypeError):
            Party(name="Coesfeld", kind="Stadt", ags=bad)

    @pytest.mark.parametrize("name", ["", " ", " Coesfeld", "Coesfeld "])
    def test_bad_name_refused(self, name: str) -> None:
        with pytest.raises(InvalidValueError, match="party name"):
            Party(name=name, kind="Stadt", ags="05558012")

    def test_ordering_by_ags_only(self) -> None:
        zeta = party("Zeta", "05558004")
        alpha = party("Alpha", "05558008")
        assert zeta < alpha
        assert sorted([alpha, zeta]) == [zeta, alpha]
        # Same AGS, different names: neither is less, and they are not equal.
        same_ags = party("Other", "05558004", "Gemeinde")
        assert not zeta < same_ags
        assert not same_ags < zeta
        assert zeta != same_ags

    def test_equality_and_hash_use_all_fields(self) -> None:
        assert party("X", "05558004") == party("X", "05558004")
        assert hash(party("X", "05558004")) == hash(party("X", "05558004"))
        assert party("X", "05558004") != party("X", "05558004", "Gemeinde")

    @pytest.mark.parametrize(
        "key",
        ["Dülmen", "Duelmen", "Dulmen", "DÜLMEN", "dülmen", "DUELMEN", "05558016", " Dülmen "],
    )
    def test_matches_umlaut_forms_and_ags(self, key: str) -> None:
        duelmen = party("Dülmen", "05558016")
        assert duelmen.matches(key)

    @pytest.mark.parametrize("key", ["Dolmen", "Dülme", "05558012", "5558016", "Nottuln", ""])
    def test_does_not_match_others(self, key: str) -> None:
        assert not party("Dülmen", "05558016").matches(key)

    def test_matches_sharp_s(self) -> None:
        strasse = party("Großstadt", "05558004")
        assert strasse.matches("Grossstadt")
        assert strasse.matches("GROSSSTADT")

    def test_frozen(self) -> None:
        coesfeld = party("Coesfeld", "05558012")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            coesfeld.ags = "05558008"  # type: ignore[misc]


# --------------------------------------------------------------------------- Post


class TestPost:
    @pytest.mark.parametrize(
        ("fte", "expected"),
        [
            (1, Fraction(1)),
            (Fraction(1, 2), Fraction(1, 2)),
            (Fraction(1, 3), Fraction(1, 3)),
            (Decimal("0.5"), Fraction(1, 2)),
            (Decimal("0.75"), Fraction(3, 4)),
            (Decimal("1.000"), Fraction(1)),
            (Fraction(1, 10**9), Fraction(1, 10**9)),
        ],
    )
    def test_fte_accepted_exactly(self, fte: int | Fraction | Decimal, expected: Fraction) -> None:
        post = Post(label="P", fte=fte)
        assert post.fte == expected
        assert isinstance(post.fte, Fraction)

    @pytest.mark.parametrize(
        ("fte", "shown"),
        [
            (0, "got 0"),
            (-1, "got -1"),
            (2, "got 2"),
            (Fraction(3, 2), "got 3/2"),
            (Decimal("1.01"), "got 101/100"),
            (Fraction(-1, 2), "got -1/2"),
        ],
    )
    def test_fte_outside_zero_one_refused(self, fte: int | Fraction | Decimal, shown: str) -> None:
        with pytest.raises(InvalidValueError, match=shown):
            Post(label="P", fte=fte)

    def test_float_fte_refused(self) -> None:
        bad: Any = 0.5
        with pytest.raises(InvalidTypeError, match=r"got float 0\.5; floats are not exact"):
            Post(label="P", fte=bad)

    @pytest.mark.parametrize("bad", [True, "1", None])
    def test_other_fte_types_refused(self, bad: Any) -> None:
        with pytest.raises(InvalidTypeError, match="full-time equivalent"):
            Post(label="P", fte=bad)

    @pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("Infinity")])
    def test_non_finite_fte_refused(self, bad: Decimal) -> None:
        with pytest.raises(InvalidValueError, match="must be finite"):
            Post(label="P", fte=bad)

    def test_employment_end_before_start_refused(self) -> None:
        with pytest.raises(
            InvalidValueError,
            match=r"'P': employment_end 2023-01-31 is before employment_start 2023-02-01",
        ):
            Post(
                label="P",
                fte=1,
                employment_start=dt.date(2023, 2, 1),
                employment_end=dt.date(2023, 1, 31),
            )

    def test_employment_of_one_day_allowed(self) -> None:
        day = dt.date(2023, 2, 1)
        post = Post(label="P", fte=1, employment_start=day, employment_end=day)
        assert post.is_employed_on(day)
        assert not post.is_employed_on(day + dt.timedelta(days=1))
        assert not post.is_employed_on(day - dt.timedelta(days=1))

    @pytest.mark.parametrize("field", ["employment_start", "employment_end"])
    def test_datetime_refused(self, field: str) -> None:
        when: Any = dt.datetime(2023, 1, 1, 12, 0)  # noqa: DTZ001 - naive on purpose
        with pytest.raises(InvalidTypeError, match=r"employment date must be a datetime\.date"):
            Post(label="P", fte=1, **{field: when})

    def test_string_date_refused(self) -> None:
        when: Any = "2023-01-01"
        with pytest.raises(InvalidTypeError, match="fromisoformat"):
            Post(label="P", fte=1, employment_start=when)

    def test_open_post_fills_every_month(self) -> None:
        post = Post(label="P", fte=1)
        assert all(post.fills_month(2023, month) for month in range(1, 13))

    @pytest.mark.parametrize(
        ("start", "end", "filled"),
        [
            (dt.date(2023, 4, 1), None, list(range(4, 13))),
            (dt.date(2023, 4, 2), None, list(range(5, 13))),
            (dt.date(2023, 3, 31), None, list(range(4, 13))),
            (None, dt.date(2023, 6, 30), list(range(1, 7))),
            (None, dt.date(2023, 6, 29), list(range(1, 6))),
            (None, dt.date(2023, 2, 28), [1, 2]),
            (dt.date(2023, 2, 1), dt.date(2023, 2, 28), [2]),
            (dt.date(2023, 2, 2), dt.date(2023, 2, 28), []),
            (dt.date(2022, 1, 1), dt.date(2024, 12, 31), list(range(1, 13))),
            (dt.date(2024, 1, 1), None, []),
        ],
    )
    def test_fills_month(
        self, start: dt.date | None, end: dt.date | None, filled: list[int]
    ) -> None:
        post = Post(label="P", fte=1, employment_start=start, employment_end=end)
        assert [month for month in range(1, 13) if post.fills_month(2023, month)] == filled
        assert list(post.full_months(2023)) == filled

    @given(
        st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), dt.date(2027, 12, 31))),
        st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), dt.date(2027, 12, 31))),
        st.integers(2019, 2028),
    )
    def test_full_months_are_the_months_fills_month_accepts(
        self, start: dt.date | None, end: dt.date | None, year: int
    ) -> None:
        if start is not None and end is not None and end < start:
            start, end = end, start
        post = Post(label="P", fte=1, employment_start=start, employment_end=end)
        expected = [month for month in range(1, 13) if post.fills_month(year, month)]
        assert list(post.full_months(year)) == expected

    def test_full_months_refuses_bad_year(self) -> None:
        with pytest.raises(InvalidDateError, match="got 10000"):
            Post(label="P", fte=1).full_months(10_000)

    def test_fills_month_in_leap_february(self) -> None:
        post = Post(label="P", fte=1, employment_end=dt.date(2024, 2, 28))
        assert not post.fills_month(2024, 2)
        assert Post(label="P", fte=1, employment_end=dt.date(2024, 2, 29)).fills_month(2024, 2)

    @pytest.mark.parametrize("month", [0, 13, -1])
    def test_fills_month_refuses_bad_month(self, month: int) -> None:
        with pytest.raises(InvalidValueError, match=f"got {month}"):
            Post(label="P", fte=1).fills_month(2023, month)

    def test_fills_month_refuses_bad_year(self) -> None:
        with pytest.raises(InvalidDateError, match="got 0"):
            Post(label="P", fte=1).fills_month(0, 1)

    def test_frozen(self) -> None:
        post = Post(label="P", fte=1)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            post.fte = Fraction(1, 2)  # type: ignore[misc]


# --------------------------------------------------------------------------- Region


class TestRegion:
    def test_members_sorted_by_ags_and_others(self) -> None:
        nord = region("Nord", C, [D, C, A, B])
        assert nord.members == (A, B, C, D)
        assert isinstance(nord.members, tuple)
        assert nord.others == (A, B, D)
        assert nord.employer == C

    def test_fte_is_the_sum(self) -> None:
        nord = Region(
            name="Nord",
            employer=A,
            members=[A, B],
            posts=[
                Post(label="1", fte=1),
                Post(label="2", fte=1),
                Post(label="3", fte=Fraction(1, 2)),
                Post(label="4", fte=Fraction(1, 3)),
            ],
        )
        assert nord.fte == Fraction(17, 6)
        assert isinstance(nord.posts, tuple)

    def test_employer_must_be_member(self) -> None:
        with pytest.raises(AgreementError, match=r"employer Delta \(05558016\).*\(C3\)"):
            region("Nord", D, [A, B])

    def test_employer_must_be_a_party(self) -> None:
        bad: Any = "Alpha"
        with pytest.raises(InvalidTypeError, match="region employer must be a Party"):
            region("Nord", bad, [A, B])

    def test_duplicate_member_refused(self) -> None:
        with pytest.raises(AgreementError, match=r"lists AGS 05558008 \(Beta\) twice \(C2\)"):
            region("Nord", A, [A, B, B])

    def test_same_ags_under_two_names_refused(self) -> None:
        with pytest.raises(AgreementError, match="lists AGS 05558008"):
            region("Nord", A, [A, B, party("Beta2", "05558008")])

    def test_no_members_refused(self) -> None:
        with pytest.raises(AgreementError, match=r"at least one member \(C2\)"):
            region("Nord", A, [])

    def test_no_posts_refused(self) -> None:
        with pytest.raises(AgreementError, match=r"'Nord' must have at least one post \(C3\)"):
            region("Nord", A, [A, B], labels=[])

    def test_duplicate_post_labels_refused(self) -> None:
        with pytest.raises(AgreementError, match="two posts labelled 'Nord 1'"):
            region("Nord", A, [A, B], labels=["Nord 1", "Nord 2", "Nord 1"])

    def test_member_of_wrong_type_refused(self) -> None:
        bad: Any = [A, "Beta"]
        with pytest.raises(InvalidTypeError, match="region members must all be Party"):
            Region(name="Nord", employer=A, members=bad, posts=[Post(label="P", fte=1)])

    def test_member_lookup(self) -> None:
        nord = region("Nord", A, [A, party("Dülmen", "05558016")])
        assert nord.member("Duelmen").ags == "05558016"
        assert nord.member("05558004") == A
        assert nord.member(A) == A
        with pytest.raises(UnknownPartyError, match="'Beta' is not a member of region 'Nord'"):
            nord.member("Beta")

    def test_frozen(self) -> None:
        nord = region("Nord", A, [A, B])
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            nord.employer = B  # type: ignore[misc]


# --------------------------------------------------------------------------- funding


class TestFundingRate:
    def test_fields(self) -> None:
        value = rate(dt.date(2024, 1, 1), Decimal("57000"), "C6")
        assert value.amount == Decimal("57000.00")
        assert str(value.amount) == "57000.00"
        assert value.clause is Clause.C6
        assert value.valid_from == dt.date(2024, 1, 1)

    def test_default_clause_is_c5(self) -> None:
        assert FundingRate(valid_from=START, amount=1, source="s").clause is Clause.C5

    def test_zero_allowed(self) -> None:
        assert rate(amount=0, clause="C10").amount == 0

    def test_negative_refused(self) -> None:
        with pytest.raises(InvalidValueError, match=r"got Decimal\('-0\.01'\) \(C5\)"):
            rate(amount=Decimal("-0.01"))

    def test_float_refused(self) -> None:
        bad: Any = 55000.0
        with pytest.raises(MoneyTypeError, match=r"got float 55000\.0"):
            rate(amount=bad)

    def test_fraction_of_cent_refused(self) -> None:
        with pytest.raises(InvalidMoneyError, match="exact to the cent"):
            rate(amount=Decimal("55000.001"))

    @pytest.mark.parametrize("clause", ["C5", "C6", "C10", Clause.C5, Clause.C6, Clause.C10])
    def test_funding_clauses_accepted(self, clause: str) -> None:
        assert rate(clause=clause).clause == clause

    @pytest.mark.parametrize("clause", ["C1", "C7", "C9", "I6", "c5", "", "C11"])
    def test_other_clauses_refused(self, clause: str) -> None:
        with pytest.raises(InvalidValueError, match=f"C5, C6 or C10, got {clause!r}"):
            rate(clause=clause)

    def test_datetime_refused(self) -> None:
        bad: Any = dt.datetime(2023, 1, 1)  # noqa: DTZ001 - naive on purpose
        with pytest.raises(InvalidTypeError, match="valid_from"):
            rate(day=bad)


class TestFundingSchedule:
    def test_single_rate(self) -> None:
        plan = schedule()
        assert plan.starts == START
        assert plan.rate_on(START).amount == Decimal("55000")
        assert plan.rate_on(dt.date(2099, 12, 31)).amount == Decimal("55000")
        assert isinstance(plan.rates, tuple)

    def test_needs_a_rate(self) -> None:
        with pytest.raises(InvalidValueError, match="at least one rate"):
            FundingSchedule(rates=[])

    def test_unsorted_refused(self) -> None:
        with pytest.raises(
            InvalidValueError,
            match="sorted by valid_from: 2023-01-01 follows 2024-01-01",
        ):
            FundingSchedule(rates=[rate(dt.date(2024, 1, 1)), rate(dt.date(2023, 1, 1))])

    def test_duplicate_date_refused(self) -> None:
        with pytest.raises(InvalidValueError, match="two rates valid from 2024-01-01"):
            FundingSchedule(
                rates=[
                    rate(START),
                    rate(dt.date(2024, 1, 1)),
                    rate(dt.date(2024, 1, 1), 57000, "C6"),
                ]
            )

    def test_rate_on_is_last_on_or_before(self) -> None:
        first = rate(START, 55000)
        second = rate(dt.date(2024, 1, 1), 57000, "C6")
        third = rate(dt.date(2026, 7, 1), 0, "C10")
        plan = schedule(first, second, third)
        assert plan.rate_on(START) == first
        assert plan.rate_on(dt.date(2023, 12, 31)) == first
        assert plan.rate_on(dt.date(2024, 1, 1)) == second
        assert plan.rate_on(dt.date(2026, 6, 30)) == second
        assert plan.rate_on(dt.date(2026, 7, 1)) == third
        assert plan.rate_on(dt.date(9999, 12, 31)) == third

    def test_before_first_rate(self) -> None:
        with pytest.raises(
            NoApplicableRateError,
            match="no funding rate applies on 2022-12-31; the schedule starts on 2023-01-01",
        ):
            schedule().rate_on(dt.date(2022, 12, 31))

    def test_no_applicable_rate_is_a_lookup_error(self) -> None:
        with pytest.raises(LookupError):
            schedule().rate_on(dt.date(2000, 1, 1))

    def test_rate_on_refuses_datetime(self) -> None:
        bad: Any = dt.datetime(2023, 6, 1)  # noqa: DTZ001 - naive on purpose
        with pytest.raises(InvalidTypeError, match=r"day must be a datetime\.date"):
            schedule().rate_on(bad)

    def test_with_rate_inserts_in_order_and_returns_new(self) -> None:
        late = rate(dt.date(2026, 1, 1), 0, "C10")
        plan = schedule(rate(START), late)
        changed = plan.with_rate(rate(dt.date(2024, 1, 1), 57000, "C6"))
        assert [item.valid_from for item in changed.rates] == [
            START,
            dt.date(2024, 1, 1),
            dt.date(2026, 1, 1),
        ]
        assert len(plan.rates) == 2
        assert changed.rate_on(dt.date(2025, 1, 1)).amount == 57000

    def test_with_rate_on_an_existing_day_refused(self) -> None:
        with pytest.raises(InvalidValueError, match="two rates valid from 2023-01-01"):
            schedule().with_rate(presets.announced_increase(START))

    def test_without_funding_from_drops_later_rates(self) -> None:
        plan = schedule(
            rate(START, 55000),
            rate(dt.date(2024, 1, 1), 57000, "C6"),
            rate(dt.date(2025, 1, 1), 60000, "C6"),
        )
        ended = plan.without_funding_from(dt.date(2024, 7, 1), source="programme ends")
        assert [(item.valid_from, item.amount) for item in ended.rates] == [
            (START, Decimal("55000")),
            (dt.date(2024, 1, 1), Decimal("57000")),
            (dt.date(2024, 7, 1), Decimal("0")),
        ]
        last = ended.rates[-1]
        assert last.clause is Clause.C10
        assert last.source == "programme ends"
        assert ended.rate_on(dt.date(2030, 1, 1)).amount == 0
        assert ended.rate_on(dt.date(2024, 6, 30)).amount == 57000
        # The original is unchanged.
        assert len(plan.rates) == 3

    def test_without_funding_from_the_day_a_rate_starts_drops_it(self) -> None:
        plan = schedule(rate(START), rate(dt.date(2024, 1, 1), 57000, "C6"))
        ended = plan.without_funding_from(dt.date(2024, 1, 1), source="ends")
        assert [item.amount for item in ended.rates] == [Decimal("55000"), Decimal("0")]

    def test_without_funding_from_the_start(self) -> None:
        ended = schedule().without_funding_from(START, source="ends")
        assert len(ended.rates) == 1
        assert ended.rate_on(START).amount == 0

    @given(
        dates=st.lists(
            st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31)),
            min_size=1,
            max_size=6,
            unique=True,
        ),
        amounts=st.lists(st.integers(min_value=0, max_value=10**6), min_size=6, max_size=6),
        offsets=st.lists(st.integers(min_value=-400, max_value=20000), min_size=1, max_size=10),
    )
    def test_temporal_coverage(
        self, dates: list[dt.date], amounts: list[int], offsets: list[int]
    ) -> None:
        ordered = sorted(dates)
        rates = [rate(day, amount) for day, amount in zip(ordered, amounts, strict=False)]
        plan = FundingSchedule(rates=rates)
        for offset in offsets:
            day = ordered[0] + dt.timedelta(days=offset)
            if day < ordered[0]:
                with pytest.raises(NoApplicableRateError):
                    plan.rate_on(day)
                continue
            # Exactly one rate applies: from its valid_from up to the next one's.
            applicable = [
                item
                for index, item in enumerate(rates)
                if item.valid_from <= day
                and (index + 1 == len(rates) or day < rates[index + 1].valid_from)
            ]
            assert len(applicable) == 1
            last_on_or_before = [item for item in rates if item.valid_from <= day][-1]
            assert plan.rate_on(day) == applicable[0] == last_on_or_before

    @given(
        dates=st.lists(
            st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31)),
            min_size=2,
            max_size=6,
            unique=True,
        )
    )
    def test_any_unsorted_order_refused(self, dates: list[dt.date]) -> None:
        descending = sorted(dates, reverse=True)
        with pytest.raises(InvalidValueError, match="must be sorted"):
            FundingSchedule(rates=[rate(day) for day in descending])


# --------------------------------------------------------------------------- costs


class TestCostStatement:
    def test_defaults_are_zero(self) -> None:
        empty = CostStatement()
        assert empty.total == 0
        assert all(amount == 0 for _, amount in empty.items())

    def test_totals_and_nkf_groups(self) -> None:
        costs = CostStatement(
            personnel=Decimal("150000.10"),
            equipment=Decimal("2000.20"),
            recruitment=1500,
            administration=Decimal("3000"),
            material_not_itemised=Decimal("499.70"),
        )
        assert costs.total == Decimal("157000.00")
        assert str(costs.total) == "157000.00"
        assert costs.personnel_costs == Decimal("150000.10")
        assert costs.material_and_services == Decimal("6999.90")
        assert costs.amount(CostItem.RECRUITMENT) == Decimal("1500.00")
        assert costs.amount(CostItem("equipment")) == Decimal("2000.20")
        assert [item for item, _ in costs.items()] == list(CostItem)

    def test_item_groups(self) -> None:
        assert CostItem.PERSONNEL.nkf_group is NkfGroup.PERSONNEL
        assert {item.nkf_group for item in CostItem if item is not CostItem.PERSONNEL} == {
            NkfGroup.MATERIAL_AND_SERVICES
        }
        assert NkfGroup.PERSONNEL.value == "Personalaufwendungen"
        assert CostItem.PERSONNEL.label_de == "Personalkosten inkl. Arbeitgeberanteil"
        assert CostItem.PERSONNEL.label == "Personnel costs including employer contributions"
        assert CostItem.RECRUITMENT.label_de.startswith("Kosten des Stellenbesetzungs")
        assert CostStatement.clause is Clause.C8

    @pytest.mark.parametrize("field", [item.value for item in CostItem])
    def test_negative_refused(self, field: str) -> None:
        with pytest.raises(InvalidValueError, match=r"costs must not be negative, got -1 \(C8\)"):
            CostStatement(**{field: -1})

    def test_float_refused(self) -> None:
        with pytest.raises(MoneyTypeError, match=r"got float 163000\.0"):
            CostStatement(personnel=163000.0)  # type: ignore[arg-type]

    def test_fraction_of_cent_refused(self) -> None:
        with pytest.raises(InvalidMoneyError, match=r"got Decimal\('0\.001'\)"):
            CostStatement(equipment=Decimal("0.001"))

    def test_scaled_exact(self) -> None:
        nord = presets.coesfeld_cost_plan_2023()["Nord"]
        mitte = nord.scaled(Fraction(2, 5))
        assert mitte.personnel == Decimal("65200.00")
        assert mitte.material_not_itemised == Decimal("2800.00")
        assert mitte.total == Decimal("68000.00")
        assert nord.scaled(Decimal("0.5")).total == Decimal("85000.00")
        assert nord.scaled(2).total == Decimal("340000.00")
        assert nord.scaled(0).total == 0
        # The original is unchanged.
        assert nord.total == Decimal("170000")

    def test_scaled_refuses_inexact(self) -> None:
        with pytest.raises(InvalidMoneyError, match=r"personnel 100\.00 times 1/3"):
            CostStatement(personnel=100).scaled(Fraction(1, 3))

    def test_scaled_refuses_negative_and_float(self) -> None:
        with pytest.raises(InvalidValueError, match="cost factor must not be negative, got -1"):
            CostStatement(personnel=100).scaled(-1)
        bad: Any = 0.5
        with pytest.raises(InvalidTypeError, match="cost factor"):
            CostStatement(personnel=100).scaled(bad)

    def test_frozen(self) -> None:
        costs = CostStatement()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            costs.personnel = Decimal(1)  # type: ignore[misc]


# --------------------------------------------------------------------------- Agreement


class TestAgreement:
    def test_parties_ordered_by_ags(self) -> None:
        made = agreement(parties=[D, B, C, A])
        assert made.parties == (A, B, C, D)
        assert isinstance(made.parties, tuple)
        assert isinstance(made.regions, tuple)

    def test_regions_keep_given_order(self) -> None:
        made = agreement(
            regions=[region("Süd", C, [C, D], ["S1"]), region("Nord", A, [A, B], ["N1"])]
        )
        assert [item.name for item in made.regions] == ["Süd", "Nord"]
        assert made.employers == (C, A)
        assert [post.label for post in made.posts] == ["S1", "N1"]
        assert made.fte == 2

    def test_party_in_two_regions_refused(self) -> None:
        with pytest.raises(
            AgreementError,
            match=r"Beta \(05558008\) is a member of both region 'Nord' and region 'Süd'.*\(C2\)",
        ):
            agreement(
                regions=[
                    region("Nord", A, [A, B], ["N1"]),
                    region("Süd", C, [B, C, D], ["S1"]),
                ]
            )

    def test_party_in_no_region_refused(self) -> None:
        with pytest.raises(AgreementError, match=r"Delta \(05558016\) belongs to no region"):
            agreement(regions=[region("Nord", A, [A, B], ["N1"]), region("Süd", C, [C], ["S1"])])

    def test_region_member_not_a_party_refused(self) -> None:
        with pytest.raises(
            AgreementError, match=r"Delta \(05558016\) is a member of region 'Süd' but not a party"
        ):
            agreement(parties=[A, B, C])

    def test_region_member_differing_from_the_party_refused(self) -> None:
        renamed = party("Delta", "05558016", "Stadt")  # D is a Gemeinde
        with pytest.raises(AgreementError, match="not a party"):
            agreement(
                regions=[
                    region("Nord", A, [A, B], ["N1"]),
                    region("Süd", C, [C, renamed], ["S1"]),
                ]
            )

    def test_duplicate_ags_refused(self) -> None:
        twin = party("Epsilon", "05558016")
        with pytest.raises(
            AgreementError, match=r"AGS 05558016 is given to both (Delta|Epsilon) and"
        ):
            agreement(parties=[A, B, C, D, twin])

    @pytest.mark.parametrize(
        ("first", "second"),
        [("Dülmen", "Dülmen"), ("Dülmen", "Duelmen"), ("Dülmen", "Dulmen"), ("Olfen", "OLFEN")],
    )
    def test_names_that_cannot_be_told_apart_refused(self, first: str, second: str) -> None:
        one = party(first, "05558016")
        two = party(second, "05558020")
        with pytest.raises(AgreementError, match=r"cannot be told apart \(C1\)"):
            agreement(
                parties=[A, B, C, one, two],
                regions=[
                    region("Nord", A, [A, B], ["N1"]),
                    region("Süd", C, [C, one, two], ["S1"]),
                ],
            )

    def test_region_names_that_cannot_be_told_apart_refused(self) -> None:
        with pytest.raises(AgreementError, match=r"'Süd' and 'Sued' cannot be told apart \(C2\)"):
            agreement(
                regions=[region("Süd", A, [A, B], ["N1"]), region("Sued", C, [C, D], ["S1"])]
            )

    def test_duplicate_post_labels_across_regions_refused(self) -> None:
        with pytest.raises(
            AgreementError,
            match=r"post label 'P1' is used in region 'Nord' and region 'Süd'.*\(C3\)",
        ):
            agreement(
                regions=[region("Nord", A, [A, B], ["P1"]), region("Süd", C, [C, D], ["P1"])]
            )

    def test_funding_after_start_refused(self) -> None:
        with pytest.raises(
            AgreementError,
            match=r"starts on 2023-02-01, after the agreement's start 2023-01-01.*\(C5\)",
        ):
            agreement(funding=schedule(rate(dt.date(2023, 2, 1))))

    def test_funding_before_start_allowed(self) -> None:
        made = agreement(funding=schedule(rate(dt.date(2020, 1, 1))), start=START)
        assert made.funding.starts == dt.date(2020, 1, 1)

    def test_no_parties_or_regions_refused(self) -> None:
        with pytest.raises(AgreementError, match=r"at least one party \(C1\)"):
            agreement(parties=[], regions=[])
        with pytest.raises(AgreementError, match=r"at least one region \(C2\)"):
            agreement(regions=[])

    def test_wrong_types_refused(self) -> None:
        bad_funding: Any = Decimal(55000)
        with pytest.raises(InvalidTypeError, match="agreement funding must be FundingSchedule"):
            agreement(funding=bad_funding)
        bad_start: Any = dt.datetime(2023, 1, 1)  # noqa: DTZ001 - naive on purpose
        with pytest.raises(InvalidTypeError, match="agreement start"):
            agreement(start=bad_start)
        bad_parties: Any = "Alpha"
        with pytest.raises(InvalidTypeError, match="agreement parties"):
            agreement(parties=bad_parties)

    @pytest.mark.parametrize(
        ("key", "ags"),
        [
            ("Dülmen", "05558016"),
            ("Duelmen", "05558016"),
            ("Dulmen", "05558016"),
            ("DÜLMEN", "05558016"),
            ("05558016", "05558016"),
            ("Lüdinghausen", "05558024"),
            ("Luedinghausen", "05558024"),
            ("ludinghausen", "05558024"),
            ("Rosendahl", "05558040"),
        ],
    )
    def test_party_lookup(self, key: str, ags: str) -> None:
        assert presets.coesfeld().party(key).ags == ags

    def test_party_lookup_by_party(self) -> None:
        coesfeld = presets.coesfeld()
        found = coesfeld.party("Olfen")
        assert coesfeld.party(found) is found

    @pytest.mark.parametrize("key", ["Münster", "05558048", "5558016", "", "Nord"])
    def test_unknown_party(self, key: str) -> None:
        with pytest.raises(UnknownPartyError, match=f"{key!r} is not a party"):
            presets.coesfeld().party(key)

    def test_unknown_party_object(self) -> None:
        stranger = party("Münster", "05515000")
        with pytest.raises(UnknownPartyError, match="Münster"):
            presets.coesfeld().party(stranger)

    @pytest.mark.parametrize(
        ("key", "name"),
        [("Nord", "Nord"), ("nord", "Nord"), ("Süd", "Süd"), ("Sued", "Süd"), ("SUD", "Süd")],
    )
    def test_region_lookup(self, key: str, name: str) -> None:
        assert presets.coesfeld().region(key).name == name

    def test_name_forms_are_the_folded_names(self) -> None:
        # The examples in these docstrings are not collected (cached properties).
        coesfeld = presets.coesfeld()
        assert sorted(coesfeld.party("Dülmen").name_forms) == ["duelmen", "dulmen"]
        assert sorted(coesfeld.region("Süd").name_forms) == ["sud", "sued"]
        for party in coesfeld.parties:
            assert party.name_forms == kim.party.fold_name(party.name)

    def test_region_lookup_by_region(self) -> None:
        coesfeld = presets.coesfeld()
        mitte = coesfeld.regions[1]
        assert coesfeld.region(mitte) is mitte

    def test_region_lookup_by_a_region_of_another_agreement(self) -> None:
        coesfeld = presets.coesfeld()
        mitte = coesfeld.regions[1]
        other = attrs.evolve(mitte, posts=(Post(label="Mitte X", fte=1),))  # same name
        renamed = attrs.evolve(mitte, name="West")
        for key in (other, renamed):
            with pytest.raises(UnknownRegionError, match="is not a region"):
                coesfeld.region(key)
        assert coesfeld.region(attrs.evolve(mitte)) is mitte  # equal, not identical

    @pytest.mark.parametrize("key", ["West", "Coesfeld", ""])
    def test_unknown_region(self, key: str) -> None:
        with pytest.raises(UnknownRegionError, match=f"{key!r} is not a region"):
            presets.coesfeld().region(key)

    @pytest.mark.parametrize(
        ("key", "name"),
        [
            ("Rosendahl", "Nord"),
            ("Coesfeld", "Nord"),
            ("05558016", "Mitte"),
            ("Duelmen", "Mitte"),
            ("Nottuln", "Mitte"),
            ("Luedinghausen", "Süd"),
            ("05558044", "Süd"),
        ],
    )
    def test_region_of(self, key: str, name: str) -> None:
        assert presets.coesfeld().region_of(key).name == name

    def test_region_of_unknown(self) -> None:
        with pytest.raises(UnknownPartyError, match="'Münster'"):
            presets.coesfeld().region_of("Münster")

    def test_lookup_errors_are_lookup_errors(self) -> None:
        with pytest.raises(LookupError):
            presets.coesfeld().party("Münster")
        with pytest.raises(KeyError):
            presets.coesfeld().region("West")

    def test_lookup_error_message_is_not_quoted(self) -> None:
        with pytest.raises(UnknownPartyError) as caught:
            presets.coesfeld().party("Münster")
        assert str(caught.value).startswith("'Münster' is not a party")

    def test_with_funding_returns_new_and_keeps_original(self) -> None:
        original = presets.coesfeld()
        increased = original.funding.with_rate(presets.announced_increase(dt.date(2024, 1, 1)))
        changed = original.with_funding(increased)
        assert changed is not original
        assert changed.funding == increased
        assert changed.funding.rate_on(dt.date(2024, 6, 1)).amount == Decimal("57000")
        assert original.funding.rate_on(dt.date(2024, 6, 1)).amount == Decimal("55000")
        assert changed.parties == original.parties
        assert changed.regions == original.regions

    def test_with_funding_is_validated(self) -> None:
        late = schedule(rate(dt.date(2024, 1, 1)))
        with pytest.raises(AgreementError, match="C5"):
            presets.coesfeld().with_funding(late)

    @pytest.mark.parametrize("field", ["name", "parties", "regions", "funding", "start"])
    def test_frozen(self, field: str) -> None:
        made = presets.coesfeld()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(made, field, None)

    def test_evolve_revalidates(self) -> None:
        made = agreement()
        with pytest.raises(AgreementError, match="belongs to no region"):
            attrs.evolve(made, regions=made.regions[:1])


# --------------------------------------------------------------------------- the preset


PRESET_TABLE = [
    # AGS, name, kind, region, employer of region, FTE of its posts
    ("05558004", "Ascheberg", PartyKind.GEMEINDE, "Süd", True),
    ("05558008", "Billerbeck", PartyKind.STADT, "Nord", False),
    ("05558012", "Coesfeld", PartyKind.STADT, "Nord", True),
    ("05558016", "Dülmen", PartyKind.STADT, "Mitte", True),
    ("05558020", "Havixbeck", PartyKind.GEMEINDE, "Nord", False),
    ("05558024", "Lüdinghausen", PartyKind.STADT, "Süd", False),
    ("05558028", "Nordkirchen", PartyKind.GEMEINDE, "Süd", False),
    ("05558032", "Nottuln", PartyKind.GEMEINDE, "Mitte", False),
    ("05558036", "Olfen", PartyKind.STADT, "Süd", False),
    ("05558040", "Rosendahl", PartyKind.GEMEINDE, "Nord", False),
    ("05558044", "Senden", PartyKind.GEMEINDE, "Süd", False),
]


class TestPreset:
    def test_eleven_parties_in_ags_order(self) -> None:
        coesfeld = presets.coesfeld()
        assert [(item.ags, item.name, item.kind) for item in coesfeld.parties] == [
            (ags, name, kind) for ags, name, kind, _, _ in PRESET_TABLE
        ]

    @pytest.mark.parametrize(("ags", "name", "kind", "region_name", "employs"), PRESET_TABLE)
    def test_party_row(
        self, ags: str, name: str, kind: PartyKind, region_name: str, employs: bool
    ) -> None:
        coesfeld = presets.coesfeld()
        found = coesfeld.party(ags)
        assert found.name == name
        assert found.kind is kind
        home = coesfeld.region_of(found)
        assert home.name == region_name
        assert (home.employer == found) is employs

    def test_regions(self) -> None:
        coesfeld = presets.coesfeld()
        assert [
            (item.name, item.employer.name, item.fte, [m.name for m in item.members])
            for item in coesfeld.regions
        ] == [
            (
                "Nord",
                "Coesfeld",
                Fraction(5, 2),
                ["Billerbeck", "Coesfeld", "Havixbeck", "Rosendahl"],
            ),
            ("Mitte", "Dülmen", Fraction(1), ["Dülmen", "Nottuln"]),
            (
                "Süd",
                "Ascheberg",
                Fraction(5, 2),
                ["Ascheberg", "Lüdinghausen", "Nordkirchen", "Olfen", "Senden"],
            ),
        ]
        assert coesfeld.fte == 6  # "sechs Vollzeitstellen"

    def test_posts_are_whole_and_half(self) -> None:
        coesfeld = presets.coesfeld()
        assert [post.fte for post in coesfeld.region("Nord").posts] == [1, 1, Fraction(1, 2)]
        assert all(post.fte <= 1 for post in coesfeld.posts)
        assert all(
            post.employment_start is None and post.employment_end is None
            for post in coesfeld.posts
        )

    def test_funding_and_terms(self) -> None:
        coesfeld = presets.coesfeld()
        assert coesfeld.start == presets.START == dt.date(2023, 1, 1)
        assert len(coesfeld.funding.rates) == 1
        first = coesfeld.funding.rates[0]
        assert (first.valid_from, first.amount, first.clause) == (
            dt.date(2023, 1, 1),
            Decimal("55000"),
            Clause.C5,
        )
        assert coesfeld.notice_terms == NoticeTerms(months=18, period_end="year")
        assert coesfeld.notice_terms.period_end is PeriodEnd.YEAR

    def test_announced_increase(self) -> None:
        increase = presets.announced_increase(dt.date(2024, 1, 1))
        assert increase.amount == Decimal("57000")
        assert increase.clause is Clause.C6
        assert increase.valid_from == dt.date(2024, 1, 1)
        assert "57.000" in increase.source

    def test_cost_plans(self) -> None:
        plan = presets.coesfeld_cost_plan_2023()
        assert list(plan) == ["Nord"]
        assert plan["Nord"].personnel_costs == Decimal("163000")
        assert plan["Nord"].material_and_services == Decimal("7000")
        planning = presets.coesfeld_planning_costs_2023()
        assert {name: costs.total for name, costs in planning.items()} == {
            "Nord": Decimal("170000"),
            "Mitte": Decimal("68000"),
            "Süd": Decimal("170000"),
        }

    def test_each_call_returns_an_equal_agreement(self) -> None:
        assert presets.coesfeld() == presets.coesfeld()


# --------------------------------------------------------------------------- clauses and errors


class TestClauses:
    def test_ids(self) -> None:
        assert [clause.value for clause in Clause] == [f"C{number}" for number in range(1, 14)]
        assert [item.value for item in Interpretation] == [f"I{number}" for number in range(1, 14)]

    def test_str_and_equality(self) -> None:
        assert str(Clause.C7) == "C7"
        assert Clause.C7 == "C7"
        assert Clause("C10") is Clause.C10
        assert f"({Clause.C9})" == "(C9)"

    @pytest.mark.parametrize(
        ("clause", "heading", "heading_de"),
        [
            (Clause.C1, "Parties", "Vertragsparteien"),
            (Clause.C5, "Funding", "Landesförderung"),
            (Clause.C7, "Own share", "Eigenanteil"),
            (Clause.C9, "Billing", "Abrechnung"),
            (Clause.C10, "Loss of funding", "Wegfall der Förderung"),
            (Clause.C13, "Full termination (wind-down)", "Kündigung aller Vertragsparteien"),
        ],
    )
    def test_headings(self, clause: Clause, heading: str, heading_de: str) -> None:
        assert clause.heading == heading
        assert clause.heading_de == heading_de
        assert clause.describe() == f"{clause.value} {heading} ({heading_de})"

    def test_every_clause_has_headings(self) -> None:
        for clause in Clause:
            assert clause.heading
            assert clause.heading_de
            assert clause.describe().startswith(f"{clause.value} ")
        for item in Interpretation:
            assert item.heading

    def test_interpretation_headings(self) -> None:
        assert Interpretation.I6.heading.startswith("Funding never exceeds costs")
        assert "twelfths" in Interpretation.I7.heading
        assert str(Interpretation.I2) == "I2"


ERROR_BASES = [
    (kim.InvalidValueError, ValueError),
    (kim.InvalidMoneyError, ValueError),
    (kim.InvalidDateError, ValueError),
    (kim.AgreementError, ValueError),
    (kim.UndecidedCaseError, ValueError),
    (kim.AgreementFileError, ValueError),
    (kim.InvalidTypeError, TypeError),
    (kim.MoneyTypeError, TypeError),
    (kim.UnknownPartyError, LookupError),
    (kim.UnknownPartyError, KeyError),
    (kim.UnknownRegionError, LookupError),
    (kim.UnknownRegionError, KeyError),
    (kim.UnknownLineError, LookupError),
    (kim.UnknownLineError, KeyError),
    (kim.NoApplicableRateError, LookupError),
    (kim.NoPopulationCountError, LookupError),
    (kim.MissingExtraError, ModuleNotFoundError),
    (kim.MissingExtraError, ImportError),
]


class TestErrors:
    @pytest.mark.parametrize(("error", "builtin"), ERROR_BASES)
    def test_bases(self, error: type[Exception], builtin: type[Exception]) -> None:
        assert issubclass(error, KimCooperationError)
        assert issubclass(error, builtin)

    def test_specific_bases(self) -> None:
        assert issubclass(kim.InvalidMoneyError, kim.InvalidValueError)
        assert issubclass(kim.AgreementError, kim.InvalidValueError)
        assert issubclass(kim.UndecidedCaseError, kim.InvalidValueError)
        assert issubclass(kim.MoneyTypeError, kim.InvalidTypeError)
        assert not issubclass(kim.InvalidValueError, TypeError)
        assert not issubclass(kim.InvalidTypeError, ValueError)

    def test_every_exported_error_is_covered(self) -> None:
        exported = {
            value
            for name in kim.__all__
            if isinstance(value := getattr(kim, name), type)
            and issubclass(value, Exception)
            and not issubclass(value, Warning)  # the warnings: tests/test_closed_days.py
        }
        covered = {error for error, _ in ERROR_BASES} | {KimCooperationError}
        assert exported == covered

    def test_lookup_error_str_is_the_sentence(self) -> None:
        assert str(UnknownRegionError("no such region")) == "no such region"
        assert str(UnknownPartyError()) == ""


@pytest.mark.parametrize("key", [5558016, None, b"05558016"])
def test_party_matches_refuses_non_strings(key: object) -> None:
    with pytest.raises(
        InvalidTypeError, match=f"AGS or name as a str, got .*{re.escape(repr(key))}"
    ):
        party("Dülmen", "05558016").matches(key)  # type: ignore[arg-type]


@pytest.mark.parametrize("month", [True, False, 0, 13, "1"])
def test_fills_month_refuses_bools_and_out_of_range(month: object) -> None:
    with pytest.raises(kim.InvalidValueError, match="month must be an int from 1 to 12"):
        Post(label="P", fte=1).fills_month(2023, month)  # type: ignore[arg-type]
