"""The floor of every chart: Noto Sans CJK SC and a figure turned into PNG bytes.

The Chinese glyphs come from Noto Sans CJK SC, shipped as a file by the `mplfonts` wheel and
loaded by path: a fresh install with only python3 has no system CJK font, and matplotlib's
default DejaVu Sans would draw empty boxes. Every string drawn is returned with the chart so
a test can check the font covers each character. Import this module only where a chart is
drawn: matplotlib loads on first use, not at start.
"""

from __future__ import annotations

import importlib.util
import io
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.ft2font import FT2Font
from matplotlib.text import Text

FONT_FILE = "NotoSansCJKsc-Regular.otf"
COLORS = ("#2f6fb0", "#e08a2c", "#3a9d5d")


@lru_cache(maxsize=1)
def font_path() -> Path:
    """The CJK font inside the installed mplfonts package (found without importing it), by
    its real path: matplotlib's findfont answers with real paths, and an install reached
    through a symlink (a shared .venv, `current → releases/…`) must compare the same."""
    spec = importlib.util.find_spec("mplfonts")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("mplfonts is not installed: charts need its CJK font")
    path = Path(next(iter(spec.submodule_search_locations))) / "fonts" / FONT_FILE
    if not path.exists():
        raise RuntimeError(f"{path} is missing")
    return path.resolve()


@lru_cache(maxsize=1)
def font_name() -> str:
    """Register the font file with matplotlib once; its family name."""
    path = font_path()
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def rc() -> Any:
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
    """The font file matplotlib draws this text with (its real path)."""
    found = font_manager.findfont(text.get_fontproperties(), fallback_to_default=False)
    return Path(os.fspath(found)).resolve()


def png(figure: Figure) -> Chart:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    texts = drawn_texts(figure)
    fonts = {used_font(t) for t in texts}
    if fonts - {font_path()}:  # a text fell back to another font: a bug, not a chart
        raise RuntimeError(f"chart text not in the CJK font: {fonts}")
    return Chart(buffer.getvalue(), tuple(t.get_text() for t in texts), font_path())
