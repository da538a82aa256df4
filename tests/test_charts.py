"""Charts draw wherever the bot is installed: through a symlink too (tryout 13 item 11: a
`current → releases/…` layout or a shared .venv had no charts at all, matplotlib's findfont
giving the real path of the font and kit/charts the one found on sys.path)."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import matplotlib
import pytest
from matplotlib.figure import Figure

from handlers.kit import charts


@pytest.fixture
def fonts_behind_a_symlink(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """mplfonts as found on sys.path through a symlink (the real package stays registered)."""
    charts.font_name()  # the font registered by its real path, as at any start
    spec = importlib.util.find_spec("mplfonts")
    assert spec is not None and spec.submodule_search_locations
    real = Path(next(iter(spec.submodule_search_locations))).resolve()
    linked = tmp_path / "current"
    linked.symlink_to(real.parent, target_is_directory=True)
    found = importlib.util.spec_from_file_location(
        "mplfonts", linked / real.name / "__init__.py", submodule_search_locations=[]
    )
    assert found is not None and found.submodule_search_locations is not None
    found.submodule_search_locations.append(str(linked / real.name))

    original = importlib.util.find_spec

    def find_spec(name: str, *args: Any) -> Any:
        return found if name == "mplfonts" else original(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    charts.font_path.cache_clear()
    yield linked
    charts.font_path.cache_clear()


def test_a_chart_draws_when_the_font_is_found_through_a_symlink(
    fonts_behind_a_symlink: Path,
) -> None:
    with matplotlib.rc_context(charts.rc()):
        figure = Figure(figsize=(3, 2))
        figure.add_subplot().set_title("本周拜访")
        chart = charts.png(figure)
    assert chart.png.startswith(b"\x89PNG")
    assert "本周拜访" in chart.texts
