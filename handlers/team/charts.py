"""Charts as PNG bytes: this week's activity per rep (bars) and the 8-week trend (lines).

The Chinese glyphs come from Noto Sans CJK SC, shipped as a file by the `mplfonts` wheel and
loaded by path: a fresh install with only python3 has no system CJK font, and matplotlib's
default DejaVu Sans would draw empty boxes. Every string drawn is returned with the chart so
a test can check the font covers each character.
"""

from __future__ import annotations

import importlib.util
import io
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import matplotlib
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.ft2font import FT2Font
from matplotlib.text import Text
from matplotlib.ticker import MaxNLocator

FONT_FILE = "NotoSansCJKsc-Regular.otf"
COLORS = ("#2f6fb0", "#e08a2c", "#3a9d5d")
MAX_BARS = 30


@lru_cache(maxsize=1)
def font_path() -> Path:
    """The CJK font inside the installed mplfonts package (found without importing it)."""
    spec = importlib.util.find_spec("mplfonts")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("mplfonts is not installed: charts need its CJK font")
    path = Path(next(iter(spec.submodule_search_locations))) / "fonts" / FONT_FILE
    if not path.exists():
        raise RuntimeError(f"{path} is missing")
    return path


@lru_cache(maxsize=1)
def font_name() -> str:
    """Register the font file with matplotlib once; its family name."""
    path = font_path()
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def _rc() -> Any:
    # Every text (titles, ticks, legend) in the CJK font; no fallback to DejaVu.
    return {"font.family": [font_name()], "axes.unicode_minus": False}


@lru_cache(maxsize=1)
def covered_codepoints() -> frozenset[int]:
    return frozenset(FT2Font(str(font_path())).get_charmap())


@dataclass(frozen=True)
class Chart:
    png: bytes
    texts: tuple[str, ...]  # every string drawn on it
    font: Path


def drawn_texts(figure: Figure) -> list[Text]:
    """The figure's visible, non-empty texts (after drawing, so tick labels exist)."""
    return [
        t for t in figure.findobj(Text) if isinstance(t, Text) and t.get_visible() and t.get_text()
    ]


def used_font(text: Text) -> Path:
    """The font file matplotlib draws this text with."""
    found = font_manager.findfont(text.get_fontproperties(), fallback_to_default=False)
    return Path(os.fspath(found))


def _png(figure: Figure) -> Chart:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    texts = drawn_texts(figure)
    fonts = {used_font(t) for t in texts}
    if fonts - {font_path()}:  # a text fell back to another font: a bug, not a chart
        raise RuntimeError(f"chart text not in the CJK font: {fonts}")
    return Chart(buffer.getvalue(), tuple(t.get_text() for t in texts), font_path())


def activity_bars(title: str, names: list[str], series: list[tuple[str, list[int]]]) -> Chart:
    """Stacked horizontal bars per member: [(label, values per name)], busiest at the top."""
    names, values = names[:MAX_BARS], [(label, v[:MAX_BARS]) for label, v in series]
    height = max(2.5, 0.38 * len(names) + 1.4)
    with matplotlib.rc_context(_rc()):
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
    return _png(figure)


def trend_lines(title: str, weeks: list[str], series: list[tuple[str, list[int]]]) -> Chart:
    """One line per kind over the weeks (labels like 11/2)."""
    with matplotlib.rc_context(_rc()):
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
    return _png(figure)
