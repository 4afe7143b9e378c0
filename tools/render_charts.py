"""Render the charts shown on the docs' page "Draw charts" (docs/how-to/charts.md).

Run from the repository root after a change to a chart:

    python tools/render_charts.py

It writes one PNG per chart into docs/images/charts/, each file atomically,
from the built-in agreements; the page shows them as they are. The charts
are the ones the page's examples draw, so page and pictures agree.
"""

from __future__ import annotations

import datetime as dt
import io
import pathlib
from collections.abc import Callable
from decimal import Decimal

from matplotlib.figure import Figure

from kim_cooperation import _atomic, presets, scenario, settle
from kim_cooperation.projection import project

FOLDER = pathlib.Path(__file__).resolve().parent.parent / "docs" / "images" / "charts"


def projection() -> Figure:
    """The invented example, every party giving notice by 30 September 2025."""
    ended = scenario.all_give_notice(presets.example(), dt.date(2025, 9, 30))
    return project(ended, range(2024, 2029), presets.example_cost_plans()[2026]).plot()


def comparison() -> Figure:
    """Coesfeld: the rate rising to 57,000 EUR, and Rosendahl leaving, against the baseline."""
    base = presets.coesfeld()
    variants = {
        "57.000 € ab 2024": scenario.rate_change(base, Decimal(57000), dt.date(2024, 1, 1)),
        "Rosendahl tritt aus": scenario.notice_by(base, "Rosendahl", dt.date(2024, 6, 28)),
    }
    return scenario.compare(
        base, variants, range(2024, 2028), presets.coesfeld_cost_plan_2023()
    ).plot()


def waterfall() -> Figure:
    """The council paper's Region Nord, 2023."""
    return settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023()).plot("Nord")


def waterfall_english() -> Figure:
    """The invented example's Region Ost, 2026, in English."""
    settlement = settle(presets.example(), 2026, presets.example_cost_plans()[2026])
    return settlement.plot("Ost", lang="en")


def key() -> Figure:
    """The invented example's Region Nord, split by population, 2026."""
    settlement = settle(presets.example(), 2026, presets.example_cost_plans()[2026])
    return settlement.plot_key("Nord")


CHARTS: dict[str, Callable[[], Figure]] = {
    "projection": projection,
    "comparison": comparison,
    "waterfall": waterfall,
    "waterfall-en": waterfall_english,
    "key": key,
}


def main() -> None:
    """Write every chart as ``docs/images/charts/<name>.png``."""
    FOLDER.mkdir(parents=True, exist_ok=True)
    for name, draw in CHARTS.items():
        buffer = io.BytesIO()
        # No date in the file: the same charts give the same bytes, so git sees no change.
        draw().savefig(buffer, format="png", dpi=100, metadata={"Software": None})
        path = _atomic.write_bytes(FOLDER / f"{name}.png", buffer.getvalue())
        print(path.relative_to(FOLDER.parent.parent.parent))


if __name__ == "__main__":
    main()
