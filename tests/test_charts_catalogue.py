"""Every word of a German chart comes from the catalogue.

With a stand-in catalogue that brackets each text it is asked for, nothing
but data (the agreement's, regions' and towns' names, clause ids, amounts,
years and fractions) is left outside the brackets in any text of a chart:
its title, axis labels, ticks, legends, annotations and notes. A chart text
that bypassed the catalogue shows as a stray word.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from decimal import Decimal

import pytest
from matplotlib.figure import Figure

from catalogue_check import StandIn, bracketed, data_of, outside_the_catalogue
from kim_cooperation import _catalogue, _chart, _comparison_chart, _table, i18n, presets, scenario
from kim_cooperation import projection as projection_module
from kim_cooperation.agreement import Agreement
from kim_cooperation.projection import _chart_data as projection_chart
from kim_cooperation.projection import _table as projection_table
from kim_cooperation.projection import project
from kim_cooperation.settlement import _chart_data as settlement_chart
from kim_cooperation.settlement import settle


@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every way a chart reaches the catalogue, the stand-in."""
    for module in (
        i18n,
        _table,
        _chart,
        _comparison_chart,
        projection_module,
        projection_chart,
        projection_table,
        settlement_chart,
    ):
        if hasattr(module, "translate"):
            monkeypatch.setattr(module, "translate", bracketed)
    monkeypatch.setattr(_catalogue, "catalogue", StandIn)


def _texts(figure: Figure) -> str:
    """Every text a reader sees on the figure, one per line."""
    figure.savefig(io.BytesIO(), format="png")  # lays out the ticks
    found = [figure.get_suptitle(), *(text.get_text() for text in figure.texts)]
    for axes in figure.axes:
        found += [axes.get_title(), axes.get_xlabel(), axes.get_ylabel()]
        found += [label.get_text() for label in axes.get_xticklabels()]
        found += [label.get_text() for label in axes.get_yticklabels()]
        found += [text.get_text() for text in axes.texts]
        legend = axes.get_legend()
        if legend is not None:
            found += [legend.get_title().get_text(), *(t.get_text() for t in legend.get_texts())]
    return "\n".join(text for text in found if text)


def _example() -> Agreement:
    return presets.example()


CHARTS: dict[str, tuple[Callable[[], Agreement], Callable[[], Figure]]] = {
    "projection": (
        _example,
        lambda: project(
            scenario.all_give_notice(presets.example(), dt.date(2025, 9, 30)),
            range(2024, 2029),
            presets.example_cost_plans()[2026],
        ).plot(lang="de"),
    ),
    "comparison": (
        presets.coesfeld,
        lambda: scenario.compare(
            presets.coesfeld(),
            {
                "57,000": scenario.rate_change(
                    presets.coesfeld(), Decimal(57000), dt.date(2024, 1, 1)
                )
            },
            range(2024, 2026),
            presets.coesfeld_cost_plan_2023(),
        ).plot(lang="de"),
    ),
    "waterfall": (
        presets.coesfeld,
        lambda: settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023()).plot(
            "Nord", lang="de"
        ),
    ),
    "key": (
        _example,
        lambda: settle(presets.example(), 2026, presets.example_cost_plans()[2026]).plot_key(
            "Nord", lang="de"
        ),
    ),
}


@pytest.mark.usefixtures("stand_in")
@pytest.mark.parametrize("chart", list(CHARTS))
def test_every_word_of_a_german_chart_comes_from_the_catalogue(chart: str) -> None:
    agreement, draw = CHARTS[chart]
    # The comparison's own scenario name is the user's data, like a town's name.
    data = data_of(agreement()) | {"57,000"}
    assert outside_the_catalogue(_texts(draw()), data) == []


@pytest.mark.usefixtures("stand_in")
def test_the_check_sees_a_word_that_bypasses_the_catalogue(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A label written around the catalogue (here: the y label) shows as a stray word."""

    def bypassing(template: str, lang: str) -> str:
        return template if template == "Amount" else bracketed(template, lang)

    monkeypatch.setattr(settlement_chart, "translate", bypassing)
    agreement, draw = CHARTS["waterfall"]
    assert outside_the_catalogue(_texts(draw()), data_of(agreement())) == ["Amount"]
