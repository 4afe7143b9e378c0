"""Hypothesis strategies for the library's types, for property tests of code that uses it.

A budget system that embeds ``kim_cooperation`` can property-test its own
code with these strategies: each one generates only *valid* library objects,
built through the public constructors, so every invariant of the library
holds (an AGS has eight digits, a region's employer is one of its members,
every party of an agreement belongs to exactly one region, fixed weights
name exactly a region's towns, a population key finds a count for every
town, notices are only those the agreement accepts, …). Sizes are bounded
so examples generate fast.

The module needs the optional extra ``hypothesis``
(``pip install kim-cooperation[hypothesis]``); importing ``kim_cooperation``
itself never imports Hypothesis.

With the package installed, Hypothesis registers the strategies for the
library's types when it is imported (entry point ``hypothesis``), so
``st.from_type(Agreement)`` and ``st.builds`` with annotated arguments work
without further set-up.

Wrong arguments to a strategy (``min_parties="3"``, ``period_ends=[None]``)
raise Hypothesis' own ``hypothesis.errors.InvalidArgument``, as Hypothesis'
strategies do (``st.integers(min_value="x")``), and not a
`KimCooperationError`: the strategies are used inside Hypothesis tests, where
that error is what marks a mistake in the test rather than in the code under
test. The message names the argument, the value (shown safely, even if its
``repr`` fails) and what is expected. Counts and sizes are plain ``int``, as
everywhere in the library: a ``bool`` or another ``int`` subclass is refused.

The source is split by concept into private submodules, each imported
here: ``_money`` (`money`, `funding_rates`, `funding_schedules`,
`cost_statements`), ``_parties`` (`ags_codes`, `party_names`, `parties`,
`distinct_parties`), ``_regions`` (`posts`, `split_keys`,
`population_counts`, `regions`), ``_notice`` (`notice_terms`,
`dates_near_year_end`), ``_policies`` (`policies`), ``_agreements``
(`agreements`), ``_settling`` (`settlement_years`, `cost_plans`) and
``_registration`` (`register_type_strategies` and the entry point); the
argument checks are in ``_arguments``, the shared drawing helpers in
``_drawing``. Import every name from ``kim_cooperation.strategies``.

Examples:
    A property test of a budget system's code: every town's budgeted
    payment is never more than the region's own share.

    >>> from hypothesis import given, settings, strategies as st
    >>> from kim_cooperation import settle
    >>> from kim_cooperation.strategies import agreements, cost_plans, settlement_years
    >>> @settings(max_examples=10, derandomize=True, database=None, deadline=None)
    ... @given(st.data(), agreements(with_notices=None))
    ... def test_payments_within_own_share(data, agreement):
    ...     year = data.draw(settlement_years(agreement))
    ...     settlement = settle(agreement, year, data.draw(cost_plans(agreement)))
    ...     for region in settlement.regions:
    ...         assert all(line.amount <= region.own_share for line in region.billing)
    >>> test_payments_within_own_share()
"""

from __future__ import annotations

# Imported before Hypothesis: if this package is imported first, its import of
# Hypothesis below runs Hypothesis' entry points, which load this (partly initialised)
# package and call the hook (the entry point names it here); so it must be here by then.
from kim_cooperation.strategies._registration import (
    _hypothesis_setup_hook as _hypothesis_setup_hook,
)
from kim_cooperation.strategies._registration import register_type_strategies

try:
    # Imported here, before any submodule needs it, so that a missing Hypothesis is
    # reported with the extra that installs it.
    import hypothesis  # noqa: F401
except ModuleNotFoundError as error:  # pragma: no cover - tested in a subprocess
    if error.name is not None and error.name.partition(".")[0] != "hypothesis":
        raise
    raise ImportError(
        "kim_cooperation.strategies needs Hypothesis, an optional dependency; "
        "install it with: pip install kim-cooperation[hypothesis]",
        name="hypothesis",
    ) from error

# In the order of the reference page (its members are listed in source order): from
# amounts of money up to whole agreements and what `settle` takes with them.
# isort: off
from kim_cooperation.strategies._money import money
from kim_cooperation.strategies._parties import ags_codes, party_names, parties, distinct_parties
from kim_cooperation.strategies._regions import posts, regions, split_keys, population_counts
from kim_cooperation.strategies._money import funding_rates, funding_schedules, cost_statements
from kim_cooperation.strategies._notice import notice_terms, dates_near_year_end
from kim_cooperation.strategies._policies import policies
from kim_cooperation.strategies._agreements import agreements
from kim_cooperation.strategies._settling import settlement_years, cost_plans
# isort: on

__all__ = [
    "agreements",
    "ags_codes",
    "cost_plans",
    "cost_statements",
    "dates_near_year_end",
    "distinct_parties",
    "funding_rates",
    "funding_schedules",
    "money",
    "notice_terms",
    "parties",
    "party_names",
    "policies",
    "population_counts",
    "posts",
    "regions",
    "register_type_strategies",
    "settlement_years",
    "split_keys",
]
