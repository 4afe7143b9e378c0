"""Changes within a year (C3, C9, C11, C12, I10) and the agreement's new changes (C3, C4, I9).

Every expected figure is derived by hand in the comments, in integer cents.
"""

from __future__ import annotations

import datetime as dt
import pickle
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

from kim_cooperation import Agreement, CostStatement, NoticeTerms, presets, settle
from kim_cooperation.errors import (
    AgreementError,
    InvalidTypeError,
    InvalidValueError,
    UndecidedCaseError,
)
from kim_cooperation.keys import PopulationCount, SplitKey
from kim_cooperation.policy import Policies, PopulationReference
from kim_cooperation.spans import year_shares, year_spans

MONTHLY = NoticeTerms(months=1, period_end="month")
NORD_PLAN = {"Nord": CostStatement(personnel=Decimal("170000"))}


def handed_over_after_january() -> Agreement:
    """Coesfeld leaves Nord on 31 January 2026 under monthly terms; Billerbeck employs from 1 February."""
    agreement = attrs.evolve(presets.coesfeld(), notice_terms=MONTHLY)
    return agreement.give_notice("Coesfeld", dt.date(2025, 12, 31), successor="Billerbeck")


class TestHandoverWithinAYear:
    def test_the_parts_are_pro_rata_and_rounded_once(self) -> None:
        agreement = handed_over_after_january()
        nord = settle(agreement, 2026, NORD_PLAN).region("Nord")
        # Own share 170,000 - 2.5 x 55,000 = 32,500.00 = 3,250,000 cents.
        # January (1/12): four towns, 1/4 each; February to December (11/12): three.
        # Coesfeld 1/12 x 1/4 = 1/48 -> 67,708.33 cents; the others 1/48 + 11/36 = 47/144
        # -> 1,060,763.89 each. Floors sum to 3,249,997: three cents to the largest
        # remainders (.89, the three others).
        assert {party.name: amount for party, amount in nord.split.items()} == {
            "Billerbeck": Decimal("10607.64"),
            "Coesfeld": Decimal("677.08"),
            "Havixbeck": Decimal("10607.64"),
            "Rosendahl": Decimal("10607.64"),
        }
        assert nord.employer.name == "Billerbeck"
        assert [(span.employer.name, span.months, span.weight) for span in nord.spans] == [
            ("Coesfeld", 1, Fraction(1, 12)),
            ("Billerbeck", 11, Fraction(11, 12)),
        ]

    def test_each_employer_bills_its_spans(self) -> None:
        agreement = handed_over_after_january()
        nord = settle(agreement, 2026, NORD_PLAN).region("Nord")
        # A town's 1,060,764 cents divide 1/48 : 11/36 = 3 : 44 between Coesfeld and
        # Billerbeck: 67,708.34 and 993,055.66 -> floors 67,708 + 993,055, one cent to
        # the larger remainder (Billerbeck's). Nobody bills itself.
        assert [(line.debtor.name, line.creditor.name, line.amount) for line in nord.billing] == [
            ("Billerbeck", "Coesfeld", Decimal("677.08")),
            ("Havixbeck", "Coesfeld", Decimal("677.08")),
            ("Havixbeck", "Billerbeck", Decimal("9930.56")),
            ("Rosendahl", "Coesfeld", Decimal("677.08")),
            ("Rosendahl", "Billerbeck", Decimal("9930.56")),
        ]
        # What a town owes others plus what it bears as an employer itself is its part.
        billed = {
            party.name: sum(line.amount for line in nord.billing if line.debtor == party)
            for party in nord.split
        }
        assert billed == {
            "Billerbeck": Decimal("677.08"),  # bears its 9,930.56 as employer itself
            "Coesfeld": 0,  # bears its January as employer itself
            "Havixbeck": Decimal("10607.64"),
            "Rosendahl": Decimal("10607.64"),
        }

    def test_the_year_before_and_after_have_one_employer(self) -> None:
        agreement = handed_over_after_january()
        for year, employer in ((2025, "Coesfeld"), (2027, "Billerbeck")):
            nord = settle(agreement, year, NORD_PLAN).region("Nord")
            assert {line.creditor.name for line in nord.billing} == {employer}
            assert len(nord.spans) == 1


class TestEndWithinAYear:
    def test_the_settlement_covers_the_months_until_the_end(self) -> None:
        agreement = attrs.evolve(presets.coesfeld(), notice_terms=MONTHLY)
        ended = agreement.give_notices(dict.fromkeys(agreement.parties, dt.date(2025, 12, 31)))
        assert ended.ends == dt.date(2026, 1, 31)
        plan = {"Nord": CostStatement(personnel=Decimal("14000"))}
        nord = settle(ended, 2026, plan).region("Nord")
        # Funding for January only: 2.5 x 55,000 / 12 = 11,458.333... -> 11,458.33.
        # Own share 14,000.00 - 11,458.33 = 2,541.67 -> 254,167 cents / 4 = 63,541.75:
        # three cents left over, to Coesfeld (the employer), then Billerbeck, Havixbeck.
        assert nord.funding.amount == Decimal("11458.33")
        assert [span.last_day for span in nord.spans] == [dt.date(2026, 1, 31)]
        assert {party.name: amount for party, amount in nord.split.items()} == {
            "Billerbeck": Decimal("635.42"),
            "Coesfeld": Decimal("635.42"),
            "Havixbeck": Decimal("635.42"),
            "Rosendahl": Decimal("635.41"),
        }
        with pytest.raises(InvalidValueError, match="ended on 2026-01-31"):
            settle(ended, 2027, plan)


class TestSpanWeightingByDays:
    def test_days_weigh_the_spans(self) -> None:
        agreement = attrs.evolve(
            presets.coesfeld(), notice_terms=NoticeTerms(months=3, period_end="quarter")
        ).give_notice("Rosendahl", dt.date(2024, 3, 31))
        by_days = agreement.with_policies(Policies(span_weighting="days"))
        spans = year_spans(by_days, by_days.region("Nord"), 2024)
        # 2024 is a leap year: 1 January to 30 June has 182 days, July to December 184.
        assert [(span.days, span.weight) for span in spans] == [
            (182, Fraction(182, 366)),
            (184, Fraction(184, 366)),
        ]
        shares = year_shares(spans)
        rosendahl = by_days.party("Rosendahl")
        assert shares[rosendahl] == Fraction(182, 366) / 4
        assert sum(shares.values()) == 1


class TestChangesOfTheAgreement:
    def test_with_post_changes_one_post_only(self) -> None:
        agreement = presets.coesfeld()
        changed = agreement.with_post(
            "Süd 3", employment_start=dt.date(2023, 4, 1), fte=Fraction(1, 4)
        )
        post = changed.region("Süd").posts[2]
        assert (post.label, post.fte, post.employment_start, post.employment_end) == (
            "Süd 3",
            Fraction(1, 4),
            dt.date(2023, 4, 1),
            None,
        )
        assert changed.region("Süd").posts[:2] == agreement.region("Süd").posts[:2]
        assert changed.region("Nord") == agreement.region("Nord")
        reopened = changed.with_post("Süd 3", employment_start=None)
        assert reopened.region("Süd").posts[2].employment_start is None
        assert changed.with_post("Süd 3") == changed

    def test_with_post_refuses_an_unknown_label_and_bad_values(self) -> None:
        agreement = presets.coesfeld()
        with pytest.raises(
            InvalidValueError, match=r"'Nord 9' is not the label of a post.*'Nord 1'"
        ):
            agreement.with_post("Nord 9", employment_end=dt.date(2026, 1, 1))
        with pytest.raises(InvalidValueError, match="employment_end 2022-12-31 is before"):
            agreement.with_post(
                "Nord 1",
                employment_start=dt.date(2023, 1, 1),
                employment_end=dt.date(2022, 12, 31),
            )
        with pytest.raises(InvalidTypeError, match="float"):
            agreement.with_post("Nord 1", fte=0.5)

    def test_with_split_key_and_population(self) -> None:
        agreement = presets.coesfeld()
        mitte = agreement.region("Mitte")
        duelmen, nottuln = mitte.members
        weighted = agreement.with_split_key("Mitte", SplitKey.by_weights({duelmen: 3, nottuln: 1}))
        plan = {"Mitte": CostStatement(personnel=Decimal("68000"))}
        # Own share 68,000 - 55,000 = 13,000.00: 3/4 and 1/4.
        parts = settle(weighted, 2023, plan).region("Mitte").split
        assert (parts[duelmen], parts[nottuln]) == (Decimal("9750.00"), Decimal("3250.00"))
        counted = weighted.with_split_key("Mitte", SplitKey.by_population()).with_population(
            [PopulationCount(as_of=dt.date(2022, 12, 31), counts={duelmen: 47000, nottuln: 19500})]
        )
        # 13,000.00 x 47,000 / 66,500 = 9,187.969... and x 19,500 / 66,500 = 3,812.030...:
        # floors 918,796 + 381,203 = 1,299,999 cents, the cent to the larger remainder
        # (Dülmen .99 against Nottuln .03).
        region = settle(counted, 2023, plan).region("Mitte")
        assert (region.split[duelmen], region.split[nottuln]) == (
            Decimal("9187.97"),
            Decimal("3812.03"),
        )
        assert region.reference_day == dt.date(2022, 12, 31)

    def test_weights_must_name_exactly_the_members(self) -> None:
        agreement = presets.coesfeld()
        duelmen, _ = agreement.region("Mitte").members
        coesfeld = agreement.party("Coesfeld")
        with pytest.raises(AgreementError, match="has no weight for Nottuln; give every member"):
            agreement.with_split_key("Mitte", SplitKey.by_weights({duelmen: 1}))
        with pytest.raises(
            AgreementError, match=r"weight for Coesfeld \(05558012\), which is not"
        ):
            agreement.with_split_key("Mitte", SplitKey.by_weights({duelmen: 1, coesfeld: 1}))

    def test_population_counts_name_parties_only_once_a_day(self) -> None:
        agreement = presets.coesfeld()
        stranger = attrs.evolve(agreement.party("Olfen"), name="Münster", ags="05515000")
        count = PopulationCount(as_of=dt.date(2022, 12, 31), counts={stranger: 300000})
        with pytest.raises(
            AgreementError, match=r"names Münster \(05515000\), which is not a party"
        ):
            agreement.with_population([count])
        olfen = agreement.party("Olfen")
        twice = [
            PopulationCount(as_of=dt.date(2022, 12, 31), counts={olfen: 13000}),
            PopulationCount(as_of=dt.date(2022, 12, 31), counts={olfen: 13001}),
        ]
        with pytest.raises(InvalidValueError, match="two population counts are as of 2022-12-31"):
            agreement.with_population(twice)


class TestPolicies:
    def test_the_literal_scope_cannot_pass_by_key(self) -> None:
        with pytest.raises(
            InvalidValueError, match="cannot be combined with withdrawal_split='key'"
        ):
            Policies(withdrawal_scope="agreement", withdrawal_split="key")

    @pytest.mark.parametrize(
        ("reference", "day"),
        [
            ("previous-year-end", dt.date(2025, 12, 31)),
            ("previous-mid-year", dt.date(2025, 6, 30)),
            ("year-end-before-last", dt.date(2024, 12, 31)),
        ],
    )
    def test_reference_days(self, reference: str, day: dt.date) -> None:
        assert PopulationReference(reference).reference_day(2026) == day

    def test_reference_days_before_the_year_one_are_refused(self) -> None:
        assert PopulationReference.PREVIOUS_YEAR_END.reference_day(2) == dt.date(1, 12, 31)
        with pytest.raises(InvalidValueError, match="before the year 1"):
            PopulationReference.YEAR_END_BEFORE_LAST.reference_day(2)
        with pytest.raises(InvalidValueError, match="before the year 1"):
            PopulationReference.PREVIOUS_MID_YEAR.reference_day(1)

    def test_unknown_values_name_the_policy(self) -> None:
        with pytest.raises(
            InvalidValueError, match=r"span_weighting must be one of \['months', 'days'\]"
        ):
            Policies(span_weighting="weeks")
        with pytest.raises(InvalidValueError, match="no_funding_split must be one of"):
            Policies(no_funding_split="population")


def test_the_new_values_pickle_and_compare() -> None:
    agreement = presets.example()
    settlement = settle(agreement, 2026, presets.example_cost_plans()[2026])
    for value in (
        agreement.region("Ost").split_key,
        agreement.population[0],
        settlement.region("Ost").spans[0],
        settlement,
    ):
        assert pickle.loads(pickle.dumps(value)) == value


def test_a_remaining_town_of_weight_zero_cannot_take_over_by_key() -> None:
    agreement = presets.coesfeld()
    duelmen, nottuln = agreement.region("Mitte").members
    zero = agreement.with_split_key("Mitte", SplitKey.by_weights({duelmen: 0, nottuln: 1}))
    # Nottuln leaves, Dülmen (weight 0) stays: by the key nobody could take the share over.
    quarterly = attrs.evolve(zero, notice_terms=NoticeTerms(months=3, period_end="quarter"))
    left = quarterly.give_notice("Nottuln", dt.date(2023, 3, 31))
    plan = {"Mitte": CostStatement(personnel=Decimal("68000"))}
    with pytest.raises(UndecidedCaseError, match=r"\(Dülmen\) all have weight zero"):
        settle(left.with_policies(Policies(withdrawal_split="key")), 2024, plan)
    # In equal parts (the default) Dülmen takes over Nottuln's whole part.
    assert settle(left, 2024, plan).own_share_of("Dülmen") == Decimal("13000.00")


class TestKeyValuesRefuseWrongTypes:
    def test_split_keys(self) -> None:
        agreement = presets.coesfeld()
        olfen = agreement.party("Olfen")
        with pytest.raises(InvalidValueError, match=r"split key must be one of \['equal', "):
            SplitKey(kind=3)  # type: ignore[arg-type]
        with pytest.raises(InvalidValueError, match="split key must be one of"):
            SplitKey(kind="seats")
        with pytest.raises(InvalidTypeError, match=r"weights must be a mapping of Party.*list"):
            SplitKey.by_weights([olfen])  # type: ignore[arg-type]
        with pytest.raises(InvalidTypeError, match="weights are keyed by Party, got str 'Olfen'"):
            SplitKey.by_weights({"Olfen": 1})  # type: ignore[dict-item]
        with pytest.raises(InvalidValueError, match="weight of Olfen must not be negative"):
            SplitKey.by_weights({olfen: -1})
        with pytest.raises(InvalidValueError, match="takes no weights"):
            SplitKey(kind="population", weights={olfen: 1})
        with pytest.raises(InvalidValueError, match="needs a weight for each town"):
            SplitKey(kind="weights")
        with pytest.raises(InvalidTypeError, match="region split_key must be a SplitKey"):
            attrs.evolve(agreement.region("Süd"), split_key="equal")  # type: ignore[arg-type]

    def test_population_counts(self) -> None:
        agreement = presets.coesfeld()
        olfen = agreement.party("Olfen")
        day = dt.date(2024, 12, 31)
        with pytest.raises(InvalidTypeError, match="counts must be a mapping of Party"):
            PopulationCount(as_of=day, counts=[olfen])  # type: ignore[arg-type]
        with pytest.raises(InvalidTypeError, match="counts are keyed by Party, got str"):
            PopulationCount(as_of=day, counts={"Olfen": 13000})  # type: ignore[dict-item]
        with pytest.raises(InvalidValueError, match="names at least one town"):
            PopulationCount(as_of=day, counts={})
        with pytest.raises(InvalidTypeError, match=r"must be an int, got float 13000\.0"):
            PopulationCount(as_of=day, counts={olfen: 13000.0})  # type: ignore[dict-item]
        with pytest.raises(InvalidValueError, match="must be a positive int, got 0"):
            PopulationCount(as_of=day, counts={olfen: 0})
        with pytest.raises(InvalidTypeError, match="must all be PopulationCount, got dict"):
            agreement.with_population([{"as_of": day}])  # type: ignore[list-item]
        with pytest.raises(InvalidTypeError, match="as_of of a population count must be"):
            PopulationCount(as_of="2024-12-31", counts={olfen: 1})  # type: ignore[arg-type]


def test_the_key_as_integers_in_the_same_ratio() -> None:
    from kim_cooperation.keys import key_integers

    agreement = presets.example()
    west = agreement.region("West")
    assert list(key_integers(agreement, west, 2025).values()) == [1, 1]
    nord = agreement.region("Nord")
    # Counts as of 31 December 2024 for 2025.
    assert list(key_integers(agreement, nord, 2025).values()) == [21480, 8395, 13020, 5105]


def test_bearers_of_a_region_without_members_on_a_day() -> None:
    from kim_cooperation.spans import bearer_shares

    agreement = presets.coesfeld()
    nord = agreement.region("Nord")
    raw = dict.fromkeys(nord.members, Fraction(1))
    assert bearer_shares(agreement, nord, {nord: ()}, raw) == {}
    assert bearer_shares(agreement, nord, {nord: nord.members[:2]}, raw) == dict.fromkeys(
        nord.members[:2], Fraction(1, 2)
    )


def test_a_region_name_that_two_regions_match_when_folded_is_refused() -> None:
    from kim_cooperation import Post
    from kim_cooperation.errors import UnknownRegionError

    agreement = presets.coesfeld()
    nord, mitte, sued = agreement.regions
    # "Süd" folds to "sud" and "sued": one region is named each.
    sud = attrs.evolve(mitte, name="Sud", posts=[Post(label="Sud 1", fte=1)])
    sued_named = attrs.evolve(sued, name="Sued")
    both = attrs.evolve(agreement, regions=[nord, sud, sued_named])
    assert both.region("Sued") is both.regions[2]
    assert both.region("sud") is both.regions[1]
    with pytest.raises(UnknownRegionError, match=r"'Süd' could name region 'Sud' or 'Sued'"):
        both.region("Süd")
