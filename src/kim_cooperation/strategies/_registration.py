"""Registration of the strategies with Hypothesis, for ``st.from_type`` and ``st.builds``.

`register_type_strategies` registers a strategy for each of the library's
types; `_hypothesis_setup_hook` is the package's entry point ``hypothesis``
(``kim_cooperation.strategies:_hypothesis_setup_hook`` in the package
metadata), which Hypothesis calls when it is imported.

This module must not import Hypothesis, nor the other strategy modules, when
it is loaded: if ``kim_cooperation.strategies`` is imported before
Hypothesis, the package's own import of Hypothesis runs the entry point
while the package is still half loaded. So the hook has to be importable
before anything that imports Hypothesis, and what it registers are
callables that import and build the strategies when first used.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, TypeVar, cast

from kim_cooperation.agreement import Agreement
from kim_cooperation.costs import CostStatement
from kim_cooperation.funding import FundingRate, FundingSchedule
from kim_cooperation.keys import PopulationCount, SplitKey
from kim_cooperation.notice import NoticeTerms
from kim_cooperation.party import Party
from kim_cooperation.policy import Policies
from kim_cooperation.post import Post
from kim_cooperation.region import Region

if TYPE_CHECKING:
    from collections.abc import Callable

    from hypothesis.strategies import SearchStrategy

_T = TypeVar("_T")


def register_type_strategies() -> None:
    """Register this module's strategies for the library's types with Hypothesis.

    Afterwards ``st.from_type`` (and ``st.builds`` for annotated arguments)
    generates valid `Party`, `Post`, `Region`, `SplitKey`,
    `PopulationCount`, `FundingRate`, `FundingSchedule`, `CostStatement`,
    `NoticeTerms`, `Policies` and `Agreement` values: regions and
    agreements with every split key, agreements with and without notices,
    under any notice terms. Hypothesis
    calls this through the package's entry point when it is imported, so
    calling it yourself is only needed when plugins are disabled
    (``HYPOTHESIS_NO_PLUGINS``). Calling it again does no harm.

    Examples:
        >>> from hypothesis import given, settings, strategies as st
        >>> from kim_cooperation import Region
        >>> register_type_strategies()
        >>> @settings(max_examples=10, derandomize=True, database=None, deadline=None)
        ... @given(st.from_type(Region))
        ... def test_employer_is_a_member(region):
        ...     assert region.employer in region.members
        >>> test_employer_is_a_member()
    """
    from hypothesis import strategies as st  # noqa: PLC0415 (see the module docstring)

    # Callables, not strategies: nothing is built now, so registering is cheap and
    # works while the package is still being imported.
    st.register_type_strategy(Party, lambda _: _strategy_for(Party))
    st.register_type_strategy(Post, lambda _: _strategy_for(Post))
    st.register_type_strategy(Region, lambda _: _strategy_for(Region))
    st.register_type_strategy(SplitKey, lambda _: _strategy_for(SplitKey))
    st.register_type_strategy(PopulationCount, lambda _: _strategy_for(PopulationCount))
    st.register_type_strategy(FundingRate, lambda _: _strategy_for(FundingRate))
    st.register_type_strategy(FundingSchedule, lambda _: _strategy_for(FundingSchedule))
    st.register_type_strategy(CostStatement, lambda _: _strategy_for(CostStatement))
    st.register_type_strategy(NoticeTerms, lambda _: _strategy_for(NoticeTerms))
    st.register_type_strategy(Policies, lambda _: _strategy_for(Policies))
    st.register_type_strategy(Agreement, lambda _: _strategy_for(Agreement))


def _strategy_for(kind: type[_T]) -> SearchStrategy[_T]:
    """The strategy registered for ``kind``, built when Hypothesis first asks for it.

    By then the package has finished loading, so importing the strategy
    modules here is safe (see the module docstring).
    """
    # Deferred: importing these loads Hypothesis, which must not happen while this
    # module is loaded (see the module docstring).
    from kim_cooperation.strategies._agreements import agreements  # noqa: PLC0415
    from kim_cooperation.strategies._money import (  # noqa: PLC0415
        cost_statements,
        funding_rates,
        funding_schedules,
    )
    from kim_cooperation.strategies._notice import notice_terms  # noqa: PLC0415
    from kim_cooperation.strategies._parties import parties  # noqa: PLC0415
    from kim_cooperation.strategies._policies import policies  # noqa: PLC0415
    from kim_cooperation.strategies._regions import (  # noqa: PLC0415
        population_counts,
        posts,
        regions,
        split_keys,
    )

    builders: dict[type, Callable[[], SearchStrategy[object]]] = {
        Party: parties,
        Post: posts,
        Region: regions,
        SplitKey: split_keys,
        PopulationCount: population_counts,
        FundingRate: funding_rates,
        FundingSchedule: funding_schedules,
        CostStatement: cost_statements,
        NoticeTerms: notice_terms,
        Policies: policies,
        # The widest range: every key, every notice term, with and without notices.
        Agreement: lambda: agreements(with_notices=None, notice_terms=notice_terms()),
    }
    # Each type is paired with the strategy for that type above.
    return cast("SearchStrategy[_T]", builders[kind]())


def _hypothesis_setup_hook() -> None:
    """Entry point ``hypothesis``: register the type strategies; never fail Hypothesis' import."""
    # A failure here would break `import hypothesis` for every project in the
    # environment; without the registration only `st.from_type` falls back.
    with contextlib.suppress(Exception):
        register_type_strategies()
