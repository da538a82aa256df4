"""The figures every benchmark reports, gathered into the one table `make bench` prints.

Each figure stands beside a baseline measured in the same run (an echo bot, dateparser, a
plain regex scan, the API's rate cap …), so a slow machine shows as a slow baseline too.
A benchmark that runs part of its work in a child process has the child print
`emit(figure)` lines; the parent passes the child's output through `relay`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

MARK = "bench-figure "


@dataclass(frozen=True)
class Figure:
    bench: str  # the bench/ script
    what: str  # what was measured
    ours: str  # our figure, with its unit
    baseline: str  # what it is compared with, and that figure from the same run
    ratio: str  # ours against the baseline, where a ratio means something
    target: str  # the target, or "" where there is none


FIGURES: list[Figure] = []


def record(figure: Figure) -> Figure:
    FIGURES.append(figure)
    return figure


def emit(figure: Figure) -> None:
    """In a child process: hand the figure to the parent on stdout."""
    print(MARK + json.dumps(asdict(figure), ensure_ascii=False), flush=True)


def relay(output: str) -> None:
    """In the parent: print the child's output and record the figures it emitted."""
    for line in output.splitlines():
        if line.startswith(MARK):
            record(Figure(**json.loads(line[len(MARK) :])))
        else:
            print(line, flush=True)


def table(figures: list[Figure]) -> str:
    head = ("bench", "figure", "销售助手", "baseline (same run)", "ratio", "target")
    rows = [head, *((f.bench, f.what, f.ours, f.baseline, f.ratio, f.target) for f in figures)]
    widths = [max(_width(row[i]) for row in rows) for i in range(len(head))]
    lines = [_line(rows[0], widths), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += [_line(row, widths) for row in rows[1:]]
    return "\n".join(lines)


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _line(row: tuple[str, ...], widths: list[int]) -> str:
    cells = [cell + " " * (width - _width(cell)) for cell, width in zip(row, widths, strict=True)]
    return "| " + " | ".join(cells) + " |"
