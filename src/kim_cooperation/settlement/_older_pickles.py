"""Settlements pickled before the spans were recorded: their spans derived again (I10).

A region settlement pickled by an earlier version has no spans. Every year
then had the same members throughout, so its spans follow from the
settlement's agreement and year; `_derive_spans` derives them when such a
pickle is read (`Settlement.__setstate__`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kim_cooperation.policy import ShareBasis
from kim_cooperation.spans import year_spans

if TYPE_CHECKING:
    from kim_cooperation.settlement import Settlement


def _derive_spans(settlement: Settlement) -> None:
    """Give each region settlement of ``settlement`` without spans the spans of its year (I10)."""
    for region in settlement.regions:
        if not region.spans:
            equal_parts = (
                region.funding.lost
                and settlement.agreement.policies.no_funding_split is ShareBasis.EQUAL
            )
            spans = year_spans(
                settlement.agreement, region.region, settlement.year, equal_parts=equal_parts
            )
            object.__setattr__(region, "spans", spans)
