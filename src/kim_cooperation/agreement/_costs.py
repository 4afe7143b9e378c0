"""Cost plans resolved against the agreement's regions, at the agreement's level (C8).

`kim_cooperation.costs.costs_by_region` is the public function; it sits
below the agreement and calls `Agreement.region` back for each key. The
modules above the agreement (the projection, the wind-down, the agreement
files) resolve their plans here instead: the regions are looked up at the
agreement's level and the cost rules are only called downwards, so that
nothing calls back up. Same checks, same order, same messages.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from kim_cooperation._checks import check_agreement
from kim_cooperation.costs import CostStatement, _add_costs, _cost_items, _region_key
from kim_cooperation.region import Region

if TYPE_CHECKING:
    from kim_cooperation.agreement import Agreement


def costs_by_region(
    agreement: Agreement,
    costs: Mapping[str, CostStatement]
    | Mapping[Region, CostStatement]
    | Mapping[str | Region, CostStatement],
) -> dict[Region, CostStatement]:
    """`kim_cooperation.costs.costs_by_region`, with the regions looked up here (C8).

    Raises:
        InvalidTypeError: ``agreement`` is not an `Agreement`, ``costs`` is
            not a mapping, has a key that is neither a `str` nor a `Region`,
            or holds a value that is not a `CostStatement`.
        InvalidValueError: ``costs`` is empty or names a region twice.
        UnknownRegionError: A key names no region of the agreement.

    Examples:
        >>> from kim_cooperation import presets
        >>> from kim_cooperation import costs
        >>> coesfeld = presets.coesfeld()
        >>> plan = {"Sued": CostStatement(personnel=150000), "Nord": CostStatement(equipment=900)}
        >>> costs_by_region(coesfeld, plan) == costs.costs_by_region(coesfeld, plan)
        True
    """
    check_agreement(agreement)
    found: dict[Region, CostStatement] = {}
    by_name = agreement._index.region_by_name
    for key, statement in _cost_items(costs):
        # A region's name as written is found at once; any other key as `Agreement.region` finds it.
        region = by_name.get(key) if type(key) is str else None
        _add_costs(
            found,
            region if region is not None else agreement.region(_region_key(key)),
            key,
            statement,
        )
    return {region: found[region] for region in agreement.regions if region in found}
