"""Rules of `kim_cooperation.settlement` that mutation testing found unchecked (C4, C7, C9).

Each test states a rule of the settlement; see docs/development.md for the
mutation run that asked for it.
"""

from __future__ import annotations

import attrs
import pytest

from kim_cooperation.settlement import BillingLine, RegionSettlement, Settlement, SettlementLine


@pytest.mark.parametrize("cls", [BillingLine, SettlementLine, RegionSettlement, Settlement])
def test_settlement_values_are_built_with_keywords_only(cls: type) -> None:
    positional = [None] * len(attrs.fields(cls))
    with pytest.raises(TypeError):
        cls(*positional)
