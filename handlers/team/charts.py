"""Charts as PNG bytes: this week's activity per rep (bars) and the 8-week trend (lines), in
the CJK font of handlers/kit/charts.py."""

from __future__ import annotations

import matplotlib
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from handlers.kit.charts import COLORS, Chart, png, rc
from handlers.kit.charts import covered_codepoints as covered_codepoints

MAX_BARS = 30


def activity_bars(title: str, names: list[str], series: list[tuple[str, list[int]]]) -> Chart:
    """Stacked horizontal bars per member: [(label, values per name)], busiest at the top."""
    names, values = names[:MAX_BARS], [(label, v[:MAX_BARS]) for label, v in series]
    height = max(2.5, 0.38 * len(names) + 1.4)
    with matplotlib.rc_context(rc()):
        figure = Figure(figsize=(7, height))
        return _bars(figure, title, names, values)


def _bars(
    figure: Figure, title: str, names: list[str], values: list[tuple[str, list[int]]]
) -> Chart:
    axes = figure.add_subplot()
    left = [0] * len(names)
    positions = list(range(len(names)))[::-1]
    for (label, counts), color in zip(values, COLORS, strict=False):
        axes.barh(positions, counts, left=left, color=color, label=label, height=0.6)
        left = [a + b for a, b in zip(left, counts, strict=True)]
    for y, total in zip(positions, left, strict=True):
        if total:
            axes.text(total, y, f" {total}", va="center", fontsize=9)
    axes.set_yticks(positions, names)
    axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, fontsize=9, frameon=False)
    axes.set_title(title, pad=24)
    axes.spines[["top", "right"]].set_visible(False)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    return png(figure)


def trend_lines(title: str, weeks: list[str], series: list[tuple[str, list[int]]]) -> Chart:
    """One line per kind over the weeks (labels like 11/2)."""
    with matplotlib.rc_context(rc()):
        figure = Figure(figsize=(7, 3.6))
        return _lines(figure, title, weeks, series)


def _lines(
    figure: Figure, title: str, weeks: list[str], series: list[tuple[str, list[int]]]
) -> Chart:
    axes = figure.add_subplot()
    for (label, counts), color in zip(series, COLORS, strict=False):
        axes.plot(weeks, counts, marker="o", color=color, label=label)
    axes.set_title(title)
    axes.legend(fontsize=9)
    axes.grid(axis="y", alpha=0.3)
    axes.spines[["top", "right"]].set_visible(False)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylim(bottom=0)
    return png(figure)
