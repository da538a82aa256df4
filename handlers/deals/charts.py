"""The pipeline as pictures: the funnel of open deals by stage, and the monthly forecast of
what should sign (amount and weighted amount per month). PNG bytes in the CJK font of
handlers/kit/charts.py; imported only where a chart is drawn."""

from __future__ import annotations

import matplotlib
from matplotlib.figure import Figure

from handlers.kit.charts import COLORS, Chart, png, rc


def funnel(title: str, stages: list[str], amounts: list[float], notes: list[str]) -> Chart:
    """One centred bar per stage, widest at the top; `amounts` in 万, `notes` the words beside
    each bar (count · amount · weighted)."""
    with matplotlib.rc_context(rc()):
        figure = Figure(figsize=(7, 0.7 * len(stages) + 1.4))
        axes = figure.add_subplot()
        widest = max([*amounts, 1.0])
        positions = list(range(len(stages)))[::-1]
        for y, amount, color in zip(positions, amounts, _colors(len(stages)), strict=True):
            width = max(amount, widest * 0.02)
            axes.barh(y, width, left=(widest - width) / 2, color=color, height=0.8)
        for y, note in zip(positions, notes, strict=True):
            axes.text(widest * 1.03, y, note, va="center", fontsize=9)
        axes.set_yticks(positions, stages)
        axes.set_xlim(0, widest * 1.9)
        axes.set_xticks([])
        axes.set_title(title)
        axes.spines[["top", "right", "bottom", "left"]].set_visible(False)
        axes.tick_params(axis="y", length=0)
        return png(figure)


def forecast_bars(
    title: str, months: list[str], series: list[tuple[str, list[float]]], unit: str
) -> Chart:
    """Grouped bars per month: [(label, values in 万)] (the amount and the weighted amount)."""
    with matplotlib.rc_context(rc()):
        figure = Figure(figsize=(7, 3.8))
        axes = figure.add_subplot()
        width = 0.8 / max(len(series), 1)
        for n, ((label, values), color) in enumerate(zip(series, COLORS, strict=False)):
            xs = [i + (n - (len(series) - 1) / 2) * width for i in range(len(months))]
            axes.bar(xs, values, width=width, color=color, label=label)
        axes.set_xticks(list(range(len(months))), months)
        axes.set_ylabel(unit)
        axes.set_title(title)
        axes.legend(fontsize=9, frameon=False)
        axes.grid(axis="y", alpha=0.3)
        axes.spines[["top", "right"]].set_visible(False)
        axes.set_ylim(bottom=0)
        return png(figure)


def _colors(n: int) -> list[str]:
    # From light to deep blue down the funnel.
    shades = ["#9cc3e6", "#6fa6d6", "#4a89c4", "#2f6fb0", "#1f5590", "#143e6c"]
    return shades[:n] if n <= len(shades) else [shades[i % len(shades)] for i in range(n)]
