"""The charts of results (extra ``plot``): every chart drawn headless and read back.

No pixels are compared: each test reads the figure's artists (the title, the
axis labels, the lines' data, the bars' heights, the texts written on bars)
and compares them with the result, in German and in English.
"""

from __future__ import annotations

import io
import sys
from decimal import Decimal
from fractions import Fraction

import numpy
import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure

import samples
from kim_cooperation import CostStatement, _chart, presets, scenario, settle
from kim_cooperation.errors import InvalidValueError
from kim_cooperation.formatting import Lang, format_eur
from kim_cooperation.projection import project
from kim_cooperation.settlement import Settlement
from kim_cooperation.spans import year_shares

LANGS: tuple[Lang, ...] = ("de", "en")
PLAN = samples.PLAN


_ended_projection = samples.ended_projection
_comparison = samples.comparison


def _example_2026() -> Settlement:
    return settle(presets.example(), 2026, presets.example_cost_plans()[2026])


def _drawn(figure: Figure) -> Figure:
    """Render the figure to PNG (headless, Agg) so that the layout and the ticks are computed."""
    figure.savefig(io.BytesIO(), format="png")
    return figure


def _title(figure: Figure) -> str:
    """The figure's title on one line: long titles are wrapped to the figure's width."""
    return " ".join(figure.get_suptitle().split())


def _tick_texts(axes: Axes) -> list[str]:
    return [label.get_text() for label in axes.get_yticklabels() if label.get_text()]


@pytest.mark.parametrize("lang", LANGS)
def test_a_projection_has_one_line_per_town_with_its_own_shares(lang: Lang) -> None:
    projection = _ended_projection()
    figure = _drawn(projection.plot(lang=lang))
    title = _title(figure)
    assert "2024–2028" in title
    assert "(C4, C7, C13)" in title
    assert projection.agreement.name.split()[0] in title
    assert ("Eigenanteil je Kommune" if lang == "de" else "Own share per town") in title
    agreement = projection.agreement
    assert [axes.get_title(loc="left") for axes in figure.axes] == [
        f"Region {region.name}" for region in agreement.regions
    ]
    drawn: dict[str, list[float]] = {}
    for axes in figure.axes:
        assert axes.get_ylabel() == ("Eigenanteil" if lang == "de" else "Own share")
        for line in axes.get_lines():
            drawn[str(line.get_label())] = numpy.asarray(line.get_ydata(), dtype=float).tolist()
    assert sorted(drawn) == sorted(party.name for party in projection.parties)
    for party in projection.parties:
        expected = [float(amount) for amount in projection.own_shares_of(party).values()]
        assert drawn[party.name] == expected
    last = figure.axes[-1]
    assert last.get_xlabel() == ("Jahr" if lang == "de" else "Year")
    assert [label.get_text() for label in last.get_xticklabels()] == [
        "2024",
        "2025",
        "2026+",
        "2027*",
        "2028–",
    ]
    ticks = _tick_texts(last)
    assert ticks
    assert all(
        tick.endswith(" €") if lang == "de" else tick.lstrip("-").startswith("€") for tick in ticks
    )
    # The notes on the marks of the years, in the chart's language.
    notes = [text.get_text() for text in last.texts]
    assert len(notes) == 1
    assert ("Nachlauf" if lang == "de" else "run-on") in notes[0]


def test_german_ticks_group_thousands_with_a_dot() -> None:
    figure = _drawn(project(presets.coesfeld(), [2023, 2024], PLAN).plot())
    ticks = _tick_texts(figure.axes[0])
    assert "8.000 €" in ticks or "10.000 €" in ticks, ticks


@pytest.mark.parametrize("lang", LANGS)
def test_a_comparison_shows_each_towns_difference_per_year(lang: Lang) -> None:
    comparison = _comparison()
    figure = _drawn(comparison.plot(lang=lang))
    title = _title(figure)
    assert "2024–2027" in title
    assert "(C4, C6, C7, C12)" in title or "(C4, C7, C12)" in title
    assert ("gegenüber der Basis" if lang == "de" else "against the baseline") in title
    assert [axes.get_title(loc="left") for axes in figure.axes] == ["57,000", "Rosendahl leaves"]
    parties = comparison.parties
    for axes, name in zip(figure.axes, comparison.names[1:], strict=True):
        assert axes.get_ylabel() == (
            "Unterschied zur Basis" if lang == "de" else "Difference to the baseline"
        )
        assert len(axes.containers) == len(comparison.years)
        for container, year in zip(axes.containers, comparison.years, strict=True):
            assert container.get_label() == str(year)
            heights = [float(bar.get_height()) for bar in container]
            assert heights == [
                float(comparison.difference(name, party, year)) for party in parties
            ]
    last = figure.axes[-1]
    assert [label.get_text() for label in last.get_xticklabels()] == [p.name for p in parties]
    assert last.get_xlabel() == ("Kommune" if lang == "de" else "Town")


def test_a_comparison_without_variants_has_nothing_to_plot() -> None:
    alone = scenario.compare(presets.coesfeld(), {}, [2024], PLAN)
    with pytest.raises(InvalidValueError, match="no differences"):
        alone.plot()


@pytest.mark.parametrize("lang", LANGS)
def test_the_waterfall_derives_the_council_papers_figures(lang: Lang) -> None:
    settlement = settle(presets.coesfeld(), 2023, PLAN)
    figure = _drawn(settlement.plot("Nord", lang=lang))
    (axes,) = figure.axes
    title = _title(figure)
    assert "2023" in title
    assert "Region Nord" in title
    assert "(C4, C5, C7, C8)" in title
    assert settlement.agreement.name.split()[0] in title
    labels = [label.get_text() for label in axes.get_xticklabels()]
    costs, funding, own = (
        ("Kosten", "Förderung", "Eigenanteil")
        if lang == "de"
        else (
            "Costs",
            "Funding",
            "Own share",
        )
    )
    assert labels[:3] == [f"{costs}\n(C8)", f"{funding}\n(C5)", f"{own}\n(C7)"]
    nord = settlement.region("Nord")
    assert labels[3:] == [f"{party.name}\n(C4)" for party in nord.split]
    assert axes.get_ylabel() == ("Betrag" if lang == "de" else "Amount")
    # The amounts written on the bars are the exact results, formatted.
    written = [text.get_text() for text in axes.texts]
    assert written == [
        format_eur(Decimal("170000.00"), lang=lang),
        format_eur(Decimal("-137500.00"), lang=lang),
        format_eur(Decimal("32500.00"), lang=lang),
        *(format_eur(amount, lang=lang) for amount in nord.split.values()),
    ]
    if lang == "de":
        assert written[:3] == ["170.000 €", "-137.500 €", "32.500 €"]
    # Each bar spans its step: costs from 0, funding down to the own share, parts down to 0.
    bars = [patch for container in axes.containers for patch in container]
    spans = [(float(bar.get_y()), float(bar.get_y() + bar.get_height())) for bar in bars]
    assert spans[:3] == [(0.0, 170000.0), (32500.0, 170000.0), (0.0, 32500.0)]
    assert spans[3:] == [(24375.0, 32500.0), (16250.0, 24375.0), (8125.0, 16250.0), (0.0, 8125.0)]


def test_the_waterfall_shows_funding_beyond_the_costs_as_its_own_bar() -> None:
    settlement = settle(presets.coesfeld(), 2023, {"Mitte": CostStatement(personnel=50000)})
    region = settlement.region("Mitte")
    assert region.surplus == Decimal("5000.00")
    figure = _drawn(region.plot(lang="en"))
    (axes,) = figure.axes
    assert "I6" in _title(figure)
    assert [text.get_text() for text in axes.texts][:4] == ["€50,000", "-€55,000", "€5,000", "€0"]
    assert axes.get_xticklabels()[2].get_text().endswith("(I6)")


@pytest.mark.parametrize("lang", LANGS)
def test_the_key_shows_each_towns_exact_share(lang: Lang) -> None:
    settlement = _example_2026()
    figure = _drawn(settlement.plot_key("Nord", lang=lang))
    (axes,) = figure.axes
    nord = settlement.region("Nord")
    title = _title(figure)
    assert "Region Nord 2026" in title
    assert "(C4, I9)" in title
    assert ("31.12.2025" if lang == "de" else "2025-12-31") in title
    shares = year_shares(nord.spans)
    assert [label.get_text() for label in axes.get_yticklabels()] == [p.name for p in shares]
    widths = [float(bar.get_width()) for bar in axes.containers[0]]
    assert widths == [float(share) for share in shares.values()]
    written = [text.get_text() for text in axes.texts]
    assert written == [
        f"{_chart.share_text(share, lang)} · {format_eur(nord.split[party], lang=lang)}"
        for party, share in shares.items()
    ]
    assert format_eur(nord.own_share, lang=lang) in axes.get_xlabel()


def test_an_equal_key_is_named_and_exact() -> None:
    figure = _drawn(settle(presets.coesfeld(), 2023, PLAN).plot_key("Nord"))
    assert "gleiche Teile (C4, I1)" in _title(figure)
    assert [text.get_text() for text in figure.axes[0].texts] == ["1/4 = 25 % · 8.125 €"] * 4


def test_share_texts_are_exact_or_marked_as_rounded() -> None:
    assert _chart.share_text(Fraction(1, 8), "de") == "1/8 = 12,5 %"
    assert _chart.share_text(Fraction(2, 3), "de") == "2/3 ≈ 66,67 %"
    assert _chart.share_text(Fraction(1, 6), "en") == "1/6 ≈ 16.67%"
    assert _chart.share_text(Fraction(0), "en") == "0 = 0%"


def test_the_palette_is_okabe_ito() -> None:
    assert set(_chart.PALETTE) == {
        "#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
    }  # fmt: skip


def test_charts_use_no_global_pyplot_state() -> None:
    figure = project(presets.coesfeld(), [2023], PLAN).plot()
    assert type(figure.canvas).__name__ == "FigureCanvasAgg"
    assert "matplotlib.pyplot" not in sys.modules or not _pyplot_figures()


def _pyplot_figures() -> list[int]:
    import matplotlib.pyplot as plt

    return list(plt.get_fignums())


def test_without_matplotlib_plot_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    settlement = settle(presets.coesfeld(), 2023, PLAN)
    for name in [name for name in sys.modules if name.startswith("matplotlib")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ModuleNotFoundError, match=r"kim-cooperation\[plot\]") as caught:
        settlement.plot("Nord")
    assert caught.value.name == "matplotlib"


def test_a_language_is_checked() -> None:
    with pytest.raises(InvalidValueError):
        project(presets.coesfeld(), [2023], PLAN).plot(lang="fr")  # type: ignore[arg-type]


def test_a_region_settlements_agreement_must_be_a_name() -> None:
    region = settle(presets.coesfeld(), 2023, PLAN).region("Nord")
    with pytest.raises(TypeError, match="agreement's name"):
        region.plot(agreement=presets.coesfeld())  # type: ignore[arg-type]
