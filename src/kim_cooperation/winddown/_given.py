"""The run-on costs and funding as the caller gives them to `wind_down` (C13, I5).

Given per region, a `CostStatement` and the funding by region name; given per
post, a `RunOnCost` for the post's whole run-on or for a month of it. Here
are the checks of that input (money, not negative, each region given one way,
only for posts that run on), the converters of `RunOnCost`'s fields, and the
figures of a post: a monthly amount times the period's length in months,
rounded half up to cents once per item (I5). The sums over a region's posts
are its run-on costs and funding.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from kim_cooperation._checks import shown
from kim_cooperation.agreement import Agreement
from kim_cooperation.clauses import Interpretation
from kim_cooperation.costs import CostItem, CostStatement
from kim_cooperation.errors import InvalidTypeError, InvalidValueError, Phrase, UnknownRegionError
from kim_cooperation.funding import RegionFunding, _post_funding, _region_funding
from kim_cooperation.i18n import N_
from kim_cooperation.money import Money, from_cents, round_half_up_to_cents, to_cents, to_money
from kim_cooperation.post import Post
from kim_cooperation.region import Region

if TYPE_CHECKING:
    from kim_cooperation.winddown import PostRunOn, RunOnBasis, RunOnCost, RunOnPeriod

__all__ = [
    "basis",
    "check_given_once",
    "check_runs_on",
    "funding_by_region",
    "given_funding",
    "names_region",
    "post_figures",
    "posts_summed",
    "run_on_funding",
    "run_on_statement",
    "run_on_year",
    "summed_costs",
]


def run_on_statement(value: CostStatement) -> CostStatement:
    """The costs of a `RunOnCost`: a `CostStatement`, refused otherwise (C8, C13)."""
    if not isinstance(value, CostStatement):
        raise InvalidTypeError(
            f"the run-on costs of a post must be a CostStatement, got {type(value).__name__} "
            f"{shown(value)}; write e.g. CostStatement(personnel=Decimal('5400.00')) (C8, C13)"
        )
    return value


def run_on_funding(value: Money) -> Decimal:
    """The funding of a `RunOnCost`: exact money, not negative (C13, I5)."""
    amount = to_money(value, what=N_("the run-on funding of a post"))
    if amount < 0:
        raise InvalidValueError(
            N_(
                "the run-on funding of a post must not be negative, got {value}; "
                "write 0 if none is received (C13, I5)"
            ),
            value=shown(value),
        )
    return amount


def basis(value: RunOnBasis) -> RunOnBasis:
    """The ``per`` of a `RunOnCost`: ``"month"`` or ``"period"`` (C13)."""
    if isinstance(value, str):
        if value == "month":
            return "month"
        if value == "period":
            return "period"
    raise InvalidValueError(
        N_(
            "per must be 'month' or 'period', got {value}; make a RunOnCost with "
            "RunOnCost.monthly(...) or RunOnCost.for_period(...) (C13)"
        ),
        value=shown(value),
    )


def funding_by_region(agreement: Agreement, funding: Mapping[str, Money]) -> dict[Region, int]:
    """The funding given by region name, in cents by region; refused as `wind_down` says (I5)."""
    if not isinstance(funding, Mapping):
        raise InvalidTypeError(
            f"funding must be a mapping of region name to money, got {type(funding).__name__}"
        )
    labels = {post.label for post in agreement.posts}
    found: dict[Region, int] = {}
    for key, amount in funding.items():
        if isinstance(key, str) and key in labels and not names_region(agreement, key):
            raise InvalidValueError(
                N_(
                    "funding is keyed by region name, got the post label {key!r}; give a post's "
                    "funding in its RunOnCost (RunOnCost.for_period(costs, funding=...)) (C13, I5)"
                ),
                key=key,
            )
        region = agreement.region(key)
        cents = to_cents(
            amount, what=Phrase(N_("funding of region {region!r}"), region=region.name)
        )
        if cents < 0:
            raise InvalidValueError(
                N_("funding of region {region!r} must not be negative, got {value}"),
                region=region.name,
                value=shown(amount),
            )
        if region in found:
            raise InvalidValueError(
                N_("funding names region {region!r} twice ({key})"),
                region=region.name,
                key=shown(key),
            )
        found[region] = cents
    return found


def names_region(agreement: Agreement, key: str) -> bool:
    """Whether ``key`` is the name of a region of ``agreement`` (a post may share it)."""
    try:
        agreement.region(key)
    except UnknownRegionError:
        return False
    return True


def check_given_once(
    by_region: Mapping[Region, CostStatement],
    by_post: Mapping[Region, Sequence[tuple[Post, RunOnCost]]],
    received: Mapping[Region, int],
) -> None:
    """Check that each region's costs and funding are given one way: by name or per post (C13)."""
    for region, given in by_post.items():
        if region in by_region:
            labels = [post.label for post, _ in given]
            raise InvalidValueError(
                N_(
                    "region {region!r} is given both by its name and through its posts "
                    "{labels}; give its run-on costs one way (C13)"
                ),
                region=region.name,
                labels=labels,
            )
        if region in received:
            raise InvalidValueError(
                N_(
                    "funding of region {region!r} is given by its name while its run-on costs "
                    "are given per post; give each post's funding in its RunOnCost (C13, I5)"
                ),
                region=region.name,
            )
    unknown = set(received) - set(by_region)
    if unknown:
        names = sorted(region.name for region in unknown)
        raise InvalidValueError(
            N_("funding is given for regions {names} without costs (C13)"), names=names
        )


def check_runs_on(
    region: Region,
    periods: Iterable[RunOnPeriod],
    statement: CostStatement,
    received: int,
    agreement_end: dt.date,
) -> None:
    """Refuse costs or funding given by name for a region none of whose posts runs on (C13)."""
    if all(period.is_empty for period in periods) and (statement.total or received):
        raise InvalidValueError(
            N_(
                "region {region!r}: no post's employment runs on after {end}, "
                "so no costs or funding can arise (C13)"
            ),
            region=region.name,
            end=agreement_end,
        )


def post_figures(
    post: Post, period: RunOnPeriod, given: RunOnCost
) -> tuple[CostStatement, Decimal]:
    """One post's costs and funding for its run-on period (C13, I5)."""
    if period.is_empty:
        raise InvalidValueError(
            N_(
                "post {post!r}: its employment ends, with the agreement ({end}) or before, "
                "so no costs or funding run on; leave it out of the run-on costs (C13)"
            )
            if period.employment_end is None
            else N_(
                "post {post!r}: its employment ends on {employment_end}, with the agreement "
                "({end}) or before, so no costs or funding run on; leave it out of the run-on "
                "costs (C13)"
            ),
            post=post.label,
            employment_end=period.employment_end,
            end=period.agreement_end,
        )
    if given.per == "period":
        return given.costs, given.funding
    length = period.in_months
    costs = CostStatement(
        **{item.value: _times(amount, length) for item, amount in given.costs.items()}
    )
    return costs, _times(given.funding, length)


def _times(amount: Decimal, factor: Fraction) -> Decimal:
    """``amount × factor``, rounded half up to cents: the one rounding of a monthly amount."""
    return from_cents(round_half_up_to_cents(Fraction(to_cents(amount), 100) * factor))


def posts_summed(year: int, posts: Sequence[PostRunOn]) -> tuple[CostStatement, RegionFunding]:
    """A region's run-on costs and funding: the sums of its posts' (C13, I5)."""
    return summed_costs(post.costs for post in posts), given_funding(
        year,
        sum(to_cents(post.funding) for post in posts),
        tuple((post.post, to_cents(post.funding)) for post in posts),
    )


def summed_costs(statements: Iterable[CostStatement]) -> CostStatement:
    """Add cost statements item by item (C8)."""
    cents = dict.fromkeys(CostItem, 0)
    for statement in statements:
        for item, amount in statement.items():
            cents[item] += to_cents(amount)
    return CostStatement(**{item.value: from_cents(value) for item, value in cents.items()})


def given_funding(year: int, cents: int, posts: tuple[tuple[Post, int], ...]) -> RegionFunding:
    """The funding the caller gave for a region's run-on, as a `RegionFunding` (C5, I5).

    No rates: the amounts are the employer's. Given per post, each post's
    amount is one `PostFunding` (no months: the run-on may span two years).
    """
    return _region_funding(
        year=year,
        posts=tuple(
            _post_funding(post=post, months=(), exact=Fraction(amount, 100))
            for post, amount in posts
        ),
        rates=(),
        exact=Fraction(cents, 100),
        amount=from_cents(cents),
        interpretation=Interpretation.I5,
    )


def run_on_year(agreement_end: dt.date) -> int:
    """The calendar year in which the run-on after ``agreement_end`` begins."""
    if (agreement_end.month, agreement_end.day) == (12, 31):
        return agreement_end.year + 1
    return agreement_end.year
