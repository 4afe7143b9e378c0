"""Spans of a year (C4, C11, C12; I9, I10, I11): properties of `year_spans` and `year_shares`.

The agreements are drawn by the shipped strategies with every split key,
every notice term and every policy; the year is, where there is one, a year
in which a town leaves or an employer hands over before 31 December. The
fractions are checked against `reading_of_i10` below, the interpretation
choice I10 read from its text (AGREEMENT.md) without the library's own
span code: cut the year at each change, weigh each span in calendar months
or days, split each span among its members by the key with a leaving
town's part passing on (C12, I3, I11), and add up.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping
from fractions import Fraction
from typing import Final

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import kim_cooperation.strategies as kst
from kim_cooperation import Agreement, Party, Region, presets
from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.keys import KeyKind, SplitKey
from kim_cooperation.policy import Policies, ShareBasis, SpanWeighting, WithdrawalScope
from kim_cooperation.spans import day_shares, year_shares, year_spans, year_window
from strategies import ANY_TERMS, TERMS_ENDING_INSIDE_A_YEAR, settled_years, years_with_changes

FEW: Final = settings(max_examples=30)
"""Enough to meet every key, term and policy; few enough to keep the suite fast."""

WITH_CHANGES: Final = kst.agreements(with_notices=True, notice_terms=TERMS_ENDING_INSIDE_A_YEAR)
ANY_AGREEMENT: Final = kst.agreements(with_notices=None, notice_terms=ANY_TERMS)


# --------------------------------------------------------------------------- the rule, read anew


def member_on(agreement: Agreement, party: Party, day: dt.date) -> bool:
    """A party is a member from the agreement's start to its termination date (C11)."""
    end = agreement.termination_of(party)
    return agreement.start <= day and (end is None or day <= end)


def key_of(agreement: Agreement, region: Region, year: int) -> dict[Party, Fraction]:
    """Each town's weight in ``region``'s key for ``year`` (C4, I9), every member weighed."""
    key = region.split_key
    if key.kind is KeyKind.EQUAL:
        return dict.fromkeys(region.members, Fraction(1))
    if key.kind is KeyKind.WEIGHTS:
        return dict(key.weights)
    day = agreement.policies.population_reference.reference_day(year)
    weights = {}
    for town in region.members:
        # The latest count of the town on or before the reference day.
        counted = [
            count for count in agreement.population if count.as_of <= day and town in count.counts
        ]
        latest = max(counted, key=lambda count: count.as_of)
        weights[town] = Fraction(latest.counts[town])
    return weights


def reading_of_i10(
    agreement: Agreement, region: Region, year: int, *, equal_parts: bool = False
) -> dict[Party, Fraction]:
    """Each bearer's exact fraction of ``region``'s own share of ``year`` (I10), parties > 0 only."""
    policies = agreement.policies
    first = max(dt.date(year, 1, 1), agreement.start)
    last = dt.date(year, 12, 31)
    if agreement.ends is not None:
        last = min(last, agreement.ends)
    everyone = policies.withdrawal_scope is WithdrawalScope.AGREEMENT
    watched = agreement.parties if everyone else region.members
    cuts = sorted(
        {
            end
            for party in watched
            if (end := agreement.termination_of(party)) is not None and first <= end < last
        }
    )
    starts = [first, *(cut + dt.timedelta(days=1) for cut in cuts)]
    stops = [*cuts, last]

    def length(start: dt.date, stop: dt.date) -> int:
        if policies.span_weighting is SpanWeighting.DAYS:
            return (stop - start).days + 1
        return stop.month - start.month + 1  # calendar months, the first one whole

    total = sum(length(start, stop) for start, stop in zip(starts, stops, strict=True))
    equal = equal_parts or region.split_key.kind is KeyKind.EQUAL
    weights = (
        dict.fromkeys(region.members, Fraction(1)) if equal else key_of(agreement, region, year)
    )
    by_key = policies.withdrawal_split is ShareBasis.KEY and not equal
    key_total = sum(weights.values(), Fraction(0))
    fractions: dict[Party, Fraction] = {}

    def add(party: Party, fraction: Fraction) -> None:
        fractions[party] = fractions.get(party, Fraction(0)) + fraction

    for start, stop in zip(starts, stops, strict=True):
        span = Fraction(length(start, stop), total)
        present = [town for town in region.members if member_on(agreement, town, start)]
        if by_key:
            # Shares pass by the key: the span is split among those present by their weights.
            kept = sum((weights[town] for town in present), Fraction(0))
            for town in present:
                add(town, span * weights[town] / kept)
            continue
        for town in present:
            add(town, span * weights[town] / key_total)
        passed = 1 - sum((weights[town] for town in present), Fraction(0)) / key_total
        takers = (
            [party for party in agreement.parties if member_on(agreement, party, start)]
            if everyone
            else present
        )
        for party in takers:
            add(party, span * passed / len(takers))
    return {party: fraction for party, fraction in fractions.items() if fraction}


def nonzero(shares: Mapping[Party, Fraction]) -> dict[Party, Fraction]:
    return {party: share for party, share in shares.items() if share}


# --------------------------------------------------------------------------- properties


@FEW
@given(st.data(), WITH_CHANGES)
def test_the_year_is_cut_at_each_change_and_the_spans_cover_it(
    data: st.DataObject, agreement: Agreement
) -> None:
    year = data.draw(settled_years(agreement), label="year")
    first, last = year_window(agreement, year)
    for region in agreement.regions:
        spans = year_spans(agreement, region, year)
        assert spans[0].first_day == first
        assert spans[-1].last_day == last
        for earlier, later in itertools.pairwise(spans):
            assert later.first_day == earlier.last_day + dt.timedelta(days=1)
            # A new span begins only where somebody's membership or the employer changed.
            assert (later.members, later.employer) != (earlier.members, earlier.employer) or (
                agreement.policies.withdrawal_scope is WithdrawalScope.AGREEMENT
            )
        assert sum(span.days for span in spans) == (last - first).days + 1
        assert sum(span.months for span in spans) == last.month - first.month + 1
        assert sum(span.weight for span in spans) == 1
        by_days = agreement.policies.span_weighting is SpanWeighting.DAYS
        units = [span.days if by_days else span.months for span in spans]
        for span, unit in zip(spans, units, strict=True):
            assert span.weight == Fraction(unit, sum(units)) > 0
            assert span.days == (span.last_day - span.first_day).days + 1
            assert span.months == span.last_day.month - span.first_day.month + 1
            assert span.members == agreement.members_on(span.first_day, region=region)
            assert span.members == agreement.members_on(span.last_day, region=region)
            assert span.employer == agreement.employer_on(region, span.first_day)
            assert span.employer == agreement.employer_on(region, span.last_day)
            assert sum(span.shares.values(), Fraction(0)) == 1
            assert all(share >= 0 for share in span.shares.values())
            assert span.interpretation is Interpretation.I10
            left = span.members != region.members
            assert span.clause is (Clause.C12 if left else Clause.C4)


@FEW
@given(st.data(), ANY_AGREEMENT)
def test_year_shares_sum_to_one_and_follow_the_reading_of_i10(
    data: st.DataObject, agreement: Agreement
) -> None:
    year = data.draw(settled_years(agreement), label="year")
    equal_parts = data.draw(st.booleans(), label="equal_parts (C10)")
    for region in agreement.regions:
        spans = year_spans(agreement, region, year, equal_parts=equal_parts)
        shares = year_shares(spans)
        assert sum(shares.values(), Fraction(0)) == 1
        assert list(shares) == sorted(shares, key=lambda party: party.ags)
        assert nonzero(shares) == reading_of_i10(agreement, region, year, equal_parts=equal_parts)
        # Only parties that were members on some day of the year bear a share.
        first, _ = year_window(agreement, year)
        assert all(member_on(agreement, party, first) for party in shares)
        if equal_parts:
            assert all(span.clause is Clause.C10 for span in spans)


@FEW
@given(st.data(), WITH_CHANGES)
def test_span_shares_are_the_shares_of_each_day(data: st.DataObject, agreement: Agreement) -> None:
    year = data.draw(settled_years(agreement), label="year")
    for region in agreement.regions:
        for span in year_spans(agreement, region, year):
            for day in (span.first_day, span.last_day):
                assert day_shares(agreement, region, day) == dict(span.shares)


@FEW
@given(st.data(), WITH_CHANGES)
def test_a_member_for_fewer_months_never_bears_more(
    data: st.DataObject, agreement: Agreement
) -> None:
    """Two towns of one region with the same key weight: the one that leaves within the
    year bears at most what the one that is a member all year bears (I10)."""
    year = data.draw(settled_years(agreement), label="year")
    first, last = year_window(agreement, year)
    for region in agreement.regions:
        shares = year_shares(year_spans(agreement, region, year))
        weights = key_of(agreement, region, year)
        all_year = [town for town in region.members if member_on(agreement, town, last)]
        leaving = [
            town
            for town in region.members
            if member_on(agreement, town, first) and not member_on(agreement, town, last)
        ]
        for short in leaving:
            for full in all_year:
                if weights[short] == weights[full]:
                    assert shares[short] <= shares[full], (short.name, full.name)


def test_the_properties_meet_changes_within_a_year() -> None:
    """The drawn cases are not vacuous: years with a town leaving before 31 December occur."""
    from hypothesis import Phase, find

    unshrunk = settings(max_examples=500, phases=[Phase.generate], database=None)
    agreement = find(
        WITH_CHANGES, lambda agreement: bool(years_with_changes(agreement)), settings=unshrunk
    )
    year = years_with_changes(agreement)[0]
    assert any(len(year_spans(agreement, region, year)) > 1 for region in agreement.regions)


# --------------------------------------------------------------------------- figures by hand


def test_fuchsberg_leaving_on_31_march_in_twelfths_and_in_days() -> None:
    """Region Ost of the example: weights Brunnfeld 2, Eichhagen 1, Fuchsberg 1, Grünwald 1/2.

    Fuchsberg leaves on 31 March 2026 (notice received 30 September 2025,
    6 months to a quarter's end). The key totals 9/2, so the towns' own
    fractions are 4/9, 2/9, 2/9 and 1/9. January to March (3 of 12 months,
    or 90 of 365 days) is split so; from April Fuchsberg's 2/9 passes in
    equal parts, 2/27 to each of the three others (C12, I11).
    """
    agreement = presets.example().give_notice("Fuchsberg", dt.date(2025, 9, 30))
    ost = agreement.region("Ost")
    brunnfeld, eichhagen, fuchsberg, gruenwald = ost.members
    own = {brunnfeld: Fraction(4, 9), eichhagen: Fraction(2, 9), gruenwald: Fraction(1, 9)}
    after = {town: fraction + Fraction(2, 27) for town, fraction in own.items()}
    for weighting, before_part in (("months", Fraction(3, 12)), ("days", Fraction(90, 365))):
        reading = agreement.with_policies(Policies(span_weighting=weighting))
        shares = year_shares(year_spans(reading, ost, 2026))
        assert shares[fuchsberg] == before_part * Fraction(2, 9)
        for town, fraction in own.items():
            assert shares[town] == before_part * fraction + (1 - before_part) * after[town]
    # Under withdrawal_split="key", from April the year is split 4 : 2 : 1 among the three.
    by_key = agreement.with_policies(Policies(withdrawal_split="key"))
    shares = year_shares(year_spans(by_key, ost, 2026))
    assert shares[brunnfeld] == Fraction(1, 4) * Fraction(4, 9) + Fraction(3, 4) * Fraction(4, 7)
    assert shares[gruenwald] == Fraction(1, 4) * Fraction(1, 9) + Fraction(3, 4) * Fraction(1, 7)


def test_a_year_without_change_is_one_span_of_the_key() -> None:
    agreement = presets.example()
    for region in agreement.regions:
        (span,) = year_spans(agreement, region, 2025)
        assert span.weight == 1
        assert span.months == 12
        weights = key_of(agreement, region, 2025)
        total = sum(weights.values(), Fraction(0))
        assert dict(span.shares) == {town: weight / total for town, weight in weights.items()}


@pytest.mark.parametrize("scope", list(WithdrawalScope), ids=str)
def test_a_town_that_weighs_zero_takes_over_an_equal_part_only(scope: WithdrawalScope) -> None:
    """Under the equal reading of C12 (I11) a town of weight zero takes over an equal part of a
    leaving town's share; under withdrawal_split="key" it takes over nothing."""
    agreement = presets.example()
    ost = agreement.region("Ost")
    brunnfeld, eichhagen, fuchsberg, gruenwald = ost.members
    key = SplitKey.by_weights({brunnfeld: 2, eichhagen: 1, fuchsberg: 1, gruenwald: 0})
    left = agreement.with_split_key("Ost", key).give_notice("Fuchsberg", dt.date(2024, 9, 30))
    left = left.with_policies(Policies(withdrawal_scope=scope))
    # Fuchsberg left on 31 March 2025; in 2026 its quarter (1/4 of the key) passes on.
    shares = year_shares(year_spans(left, left.region("Ost"), 2026))
    takers = 3 if scope is WithdrawalScope.REGION else len(left.parties) - 1
    assert shares[gruenwald] == Fraction(1, 4) / takers
    if scope is WithdrawalScope.REGION:
        by_key = left.with_policies(Policies(withdrawal_split="key"))
        shares = year_shares(year_spans(by_key, by_key.region("Ost"), 2026))
        assert shares[gruenwald] == 0
        assert shares[brunnfeld] == Fraction(2, 3)


@settings(max_examples=60, deadline=None)
@given(
    agreement=kst.agreements(max_parties=9, key_kinds=["equal"]),
    data=st.data(),
    equal_parts=st.booleans(),
)
def test_the_usual_year_gives_what_the_general_path_gives(
    agreement: Agreement, data: st.DataObject, equal_parts: bool
) -> None:
    # A year in which no member has given notice takes a shorter way (`_whole_year_equally`).
    # A notice that takes effect only after the year sends the same year down the general
    # path: both must give the same spans, shares and integers, and pickle to the same bytes.
    import pickle

    from kim_cooperation.spans import _settled_year

    # A town of the region that may leave alone: not an employer, nor its region's last member.
    regions = [
        region
        for region in agreement.regions
        if len(region.members) > 1
        and any(party not in agreement.employers for party in region.members)
    ]
    assume(regions)
    region = data.draw(st.sampled_from(regions))
    town = data.draw(
        st.sampled_from([party for party in region.members if party not in agreement.employers])
    )
    year = data.draw(
        st.integers(min_value=agreement.start.year, max_value=agreement.start.year + 5)
    )
    window = year_window(agreement, year)
    later = agreement.give_notice(town, dt.date(year + 1, 12, 31))
    ends = later.termination_of(town)
    assert ends is not None
    assert ends > window[1]
    usual = _settled_year(agreement, region, year, window, equal_parts=equal_parts)
    general = _settled_year(later, region, year, window, equal_parts=equal_parts)
    assert usual == general
    assert [list(part) if isinstance(part, dict) else part for part in usual] == [
        list(part) if isinstance(part, dict) else part for part in general
    ]
    assert pickle.dumps(usual) == pickle.dumps(general)
