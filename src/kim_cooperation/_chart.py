"""Drawing the charts of results (extra ``plot``): plain data in, a matplotlib `Figure` out.

Each result builds its chart's plain data (titles and labels already in the
chosen language, amounts as exact `Decimal`, shares as exact `Fraction`) and
calls one of the four functions here: `lines` (a projection), `bars` (a
comparison), `waterfall` (one region-year's derivation) and `shares` (a
region's key). This module imports no result module, so the results can call
it without a cycle; it sits in the lowest layer beside `_table`.

matplotlib is imported only when a chart is drawn, and only its
object-oriented API is used: a `matplotlib.figure.Figure` on an Agg canvas,
never pyplot's global state, so drawing is safe in a server, in threads and
in tests, and leaves no figure open.

Amounts are converted to ``float`` only to place the marks; every amount
written on a chart (bar labels) is the exact `Decimal`, formatted by
`kim_cooperation.formatting.format_eur`. Axis ticks are positions, not
results: they are formatted the same way (``10.000 €`` in German, ``€10,000``
in English).

Colours: the Okabe–Ito palette (Okabe and Ito, *Color Universal Design*,
2008), which people with any common form of colour blindness can tell apart;
lines also differ in marker and dash, so a chart printed in black and white,
and lines lying on top of each other, still show every series.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final, Literal

import attrs

from kim_cooperation.errors import MissingExtraError
from kim_cooperation.formatting import Lang, format_eur, format_fraction

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "PALETTE",
    "Panel",
    "Series",
    "Slice",
    "Step",
    "bars",
    "clause_list",
    "lines",
    "percent_text",
    "share_text",
    "shares",
    "waterfall",
]

PALETTE: Final = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#000000",  # black
    "#F0E442",  # yellow, last: faint on white
)
"""The Okabe–Ito palette, in the order series take their colours."""

_MARKERS: Final = ("o", "s", "^", "D", "v", "P", "X", "*")
_DASHES: Final = ("-", "--", "-.", ":")
_GREY: Final = "#7F7F7F"
_CENT: Final = Decimal("0.01")
_WIDTH: Final = 9.0
_TITLE_WIDTH: Final = 105


@attrs.frozen(kw_only=True)
class Series:
    """One series of exact amounts, one per category (a town's own shares per year)."""

    label: str
    values: tuple[Decimal, ...]


@attrs.frozen(kw_only=True)
class Panel:
    """One panel of a chart: its title (a region, a scenario) and its series."""

    title: str
    series: tuple[Series, ...]


@attrs.frozen(kw_only=True)
class Step:
    """One bar of a waterfall.

    ``total`` stands on zero; ``down`` hangs from the running total and lowers
    it; ``up`` raises it. ``label`` names the bar under the axis, ``text`` is
    written on it (the exact amount, formatted by the caller's rules).
    """

    label: str
    amount: Decimal
    kind: Literal["total", "down", "up"]
    text: str


@attrs.frozen(kw_only=True)
class Slice:
    """One town's exact share of a key, with the text written beside its bar."""

    label: str
    share: Fraction
    text: str


def _matplotlib() -> tuple[type[Figure], type]:
    """The `Figure` class and the Agg canvas, or the extra to install."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: PLC0415
        from matplotlib.figure import Figure  # noqa: PLC0415
    except ImportError as error:
        raise MissingExtraError(
            "plot", package="matplotlib", extra="plot", module="matplotlib"
        ) from error
    return Figure, FigureCanvasAgg


def _figure(title: str, height: float, panels: int = 1) -> tuple[Figure, list[Axes]]:
    figure_type, canvas = _matplotlib()
    figure = figure_type(figsize=(_WIDTH, height), layout="constrained", dpi=100)
    canvas(figure)
    figure.suptitle(_wrapped(title), fontsize=11, x=0.01, horizontalalignment="left")
    axes = figure.subplots(panels, 1, squeeze=False, sharex=True)
    return figure, [row[0] for row in axes]


def _wrapped(title: str) -> str:
    """A long agreement name on lines of its own rather than past the figure's edge."""
    return "\n".join(textwrap.fill(line, _TITLE_WIDTH) for line in title.splitlines())


def _euro_axis(axis: object, lang: Lang) -> None:
    from matplotlib.ticker import FuncFormatter  # noqa: PLC0415 - matplotlib is loaded

    def tick(value: float, _position: object) -> str:
        # A tick is a position on the axis, not a result: shown to the cent.
        return format_eur(Decimal(repr(float(value))).quantize(_CENT, ROUND_HALF_UP), lang=lang)

    axis.set_major_formatter(FuncFormatter(tick))  # type: ignore[attr-defined]


def _notes(axes: Axes, notes: Sequence[str]) -> None:
    """Notes under the x axis's label, left-aligned with the axes; the layout makes room."""
    if notes:
        axes.annotate(
            "\n".join(notes),
            xy=(0, 0),
            xycoords=("axes fraction", axes.xaxis.label),
            xytext=(0, -8),
            textcoords="offset points",
            verticalalignment="top",
            fontsize=8,
        )


def _tidy(axes: Axes) -> None:
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", color="#DDDDDD", linewidth=0.8)
    axes.set_axisbelow(True)


def lines(
    *,
    title: str,
    categories: Sequence[str],
    panels: Sequence[Panel],
    x_label: str,
    y_label: str,
    lang: Lang,
    notes: Sequence[str] = (),
) -> Figure:
    """One line per series over the categories (years), one panel each; a legend per panel.

    Series that coincide (towns of an equal key) are drawn with larger
    markers first, so each one's marker still shows around the next.
    """
    figure, axes_list = _figure(title, 1.2 + 2.9 * len(panels), len(panels))
    positions = list(range(len(categories)))
    for axes, panel in zip(axes_list, panels, strict=True):
        count = len(panel.series)
        for index, series in enumerate(panel.series):
            axes.plot(
                positions,
                [float(value) for value in series.values],
                label=series.label,
                color=PALETTE[index % len(PALETTE)],
                marker=_MARKERS[index % len(_MARKERS)],
                markersize=4 + 2 * (count - index),
                linestyle=_DASHES[index // len(PALETTE) % len(_DASHES)],
                linewidth=1.8,
            )
        axes.set_title(panel.title, loc="left", fontsize=10)
        axes.set_ylabel(y_label)
        axes.set_ylim(bottom=min(0.0, axes.get_ylim()[0]))
        _euro_axis(axes.yaxis, lang)
        _tidy(axes)
        axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=9)
    last = axes_list[-1]
    last.set_xticks(positions, list(categories))
    last.set_xlabel(x_label)
    _notes(last, notes)
    return figure


def bars(
    *,
    title: str,
    categories: Sequence[str],
    panels: Sequence[Panel],
    x_label: str,
    y_label: str,
    legend_title: str,
    lang: Lang,
    notes: Sequence[str] = (),
) -> Figure:
    """Grouped bars: one group per category (town), one bar per series (year), a panel each."""
    figure, axes_list = _figure(title, 1.4 + 3.0 * len(panels), len(panels))
    width = 0.8 / max(1, len(panels[0].series))
    for axes, panel in zip(axes_list, panels, strict=True):
        for index, series in enumerate(panel.series):
            offset = (index - (len(panel.series) - 1) / 2) * width
            axes.bar(
                [position + offset for position in range(len(categories))],
                [float(value) for value in series.values],
                width=width,
                label=series.label,
                color=PALETTE[index % len(PALETTE)],
            )
        axes.axhline(0, color="black", linewidth=0.8)
        axes.set_title(panel.title, loc="left", fontsize=10)
        axes.set_ylabel(y_label)
        _euro_axis(axes.yaxis, lang)
        _tidy(axes)
        axes.legend(
            title=legend_title,
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            frameon=False,
            fontsize=9,
        )
    last = axes_list[-1]
    last.set_xticks(
        range(len(categories)), list(categories), rotation=30, horizontalalignment="right"
    )
    last.set_xlabel(x_label)
    _notes(last, notes)
    return figure


def waterfall(
    *,
    title: str,
    steps: Sequence[Step],
    y_label: str,
    lang: Lang,
) -> Figure:
    """Bars from one total to the next: each ``down`` or ``up`` step hangs from the last level."""
    figure, (axes,) = _figure(title, 5.2)
    level = Decimal(0)
    colours = {"total": PALETTE[0], "down": PALETTE[2], "up": PALETTE[1]}
    for index, step in enumerate(steps):
        if step.kind == "total":
            bottom, height, level = Decimal(0), step.amount, step.amount
        elif step.kind == "down":
            bottom, height, level = level - step.amount, step.amount, level - step.amount
        else:
            bottom, height, level = level, step.amount, level + step.amount
        colour = PALETTE[3] if step.kind == "down" and index > 2 else colours[step.kind]
        container = axes.bar(
            [index], [float(height)], bottom=[float(bottom)], color=colour, width=0.65
        )
        axes.bar_label(container, labels=[step.text], label_type="edge", padding=2, fontsize=8)
        if index + 1 < len(steps):
            axes.plot(
                [index + 0.33, index + 0.67],
                [float(level)] * 2,
                color=_GREY,
                linewidth=0.8,
                linestyle=":",
            )
    axes.axhline(0, color="black", linewidth=0.8)
    labels = [step.label for step in steps]
    # Two short lines each (name, clause), level: rotated labels of two lines would collide.
    axes.set_xticks(range(len(steps)), labels, fontsize=9)
    axes.set_ylabel(y_label)
    axes.margins(y=0.12)
    _euro_axis(axes.yaxis, lang)
    _tidy(axes)
    return figure


def shares(
    *,
    title: str,
    slices: Sequence[Slice],
    x_label: str,
    lang: Lang,
) -> Figure:
    """One horizontal bar per town, as long as its exact share, its fraction written beside it."""
    from matplotlib.ticker import FuncFormatter  # noqa: PLC0415 - after _figure loaded it

    figure, (axes,) = _figure(title, 1.6 + 0.55 * len(slices))
    positions = list(range(len(slices)))
    container = axes.barh(
        positions,
        [float(item.share) for item in slices],
        color=[PALETTE[index % len(PALETTE)] for index in positions],
        height=0.6,
    )
    axes.bar_label(container, labels=[item.text for item in slices], padding=4, fontsize=9)
    axes.set_yticks(positions, [item.label for item in slices])
    axes.invert_yaxis()
    axes.set_xlim(0, max(float(item.share) for item in slices) * 1.45 or 1.0)
    axes.set_xlabel(x_label)

    def percent(value: float, _position: object) -> str:
        return percent_text(
            Decimal(repr(float(value) * 100)).quantize(Decimal(1), ROUND_HALF_UP), lang
        )

    axes.xaxis.set_major_formatter(FuncFormatter(percent))
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="x", color="#DDDDDD", linewidth=0.8)
    axes.set_axisbelow(True)
    return figure


def clause_list(ids: Iterable[str]) -> str:
    """Clause ids once each, clauses (C) before interpretations (I), by number.

    Examples:
        >>> clause_list(["C12", "C4", "I9", "C7", "C4"])
        'C4, C7, C12, I9'
    """
    return ", ".join(sorted(set(ids), key=lambda id_: (id_[0], int(id_[1:]))))


def percent_text(value: Decimal, lang: Lang) -> str:
    """A percentage as German (``33,33 %``) or English (``33.33%``) writes it.

    Examples:
        >>> percent_text(Decimal("33.33"), "de"), percent_text(Decimal("25"), "en")
        ('33,33 %', '25%')
    """
    text = f"{value:f}"
    return f"{text.replace('.', ',')} %" if lang == "de" else f"{text}%"


def share_text(share: Fraction, lang: Lang) -> str:
    """A share as its exact fraction and its percentage: ``1/4 = 25 %``, ``1/3 ≈ 33,33 %``.

    The percentage is exact where it has at most two places, else rounded
    half up to two and marked ``≈``: the fraction is the share.

    Examples:
        >>> share_text(Fraction(1, 4), "de"), share_text(Fraction(1, 3), "en")
        ('1/4 = 25 %', '1/3 ≈ 33.33%')
    """
    hundredths = share * 10_000
    if hundredths.denominator == 1:
        return (
            f"{format_fraction(share)} = {percent_text(Decimal(hundredths.numerator) / 100, lang)}"
        )
    # Half up on integers, so that no float and no decimal context rounds first.
    near = (2 * hundredths.numerator + hundredths.denominator) // (2 * hundredths.denominator)
    return (
        f"{format_fraction(share)} ≈ {percent_text((Decimal(near) / 100).quantize(_CENT), lang)}"
    )
