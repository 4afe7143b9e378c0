"""Results several test modules draw and read: a projection that ends, a comparison of scenarios.

Shared by the chart tests (tests/test_charts.py) and the notebook views
(tests/test_notebook_views.py), so that both look at the same results.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from kim_cooperation import presets, scenario
from kim_cooperation.projection import Projection, project
from kim_cooperation.scenario import Comparison

PLAN = presets.coesfeld_cost_plan_2023()
"""The council paper's costs: Region Nord, 2023."""


def ended_projection() -> Projection:
    """The invented example, every party giving notice by 30 September 2025: settled, run on, ended."""
    ended = scenario.all_give_notice(presets.example(), dt.date(2025, 9, 30))
    return project(ended, range(2024, 2029), presets.example_cost_plans()[2026])


def comparison() -> Comparison:
    """Coesfeld 2024-2027: the baseline, 57,000 EUR from 2024, and Rosendahl leaving."""
    base = presets.coesfeld()
    return scenario.compare(
        base,
        {
            "57,000": scenario.rate_change(base, Decimal(57000), dt.date(2024, 1, 1)),
            "Rosendahl leaves": scenario.notice_by(base, "Rosendahl", dt.date(2024, 6, 28)),
        },
        range(2024, 2028),
        PLAN,
    )
