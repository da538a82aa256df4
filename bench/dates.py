"""Benchmark: parsing.dates.parse_when beside dateparser on the same expressions.

    python -m bench.dates                      # the project's development set
    python -m bench.dates --set other.tsv      # any set in the same TSV format

Prints, for both parsers in the same run: accuracy, confident wrong answers (an answer
where the expected one differs, including an answer where None was expected), and the
median and p95 time per parse (warm); then the import time of parsing.dates measured in
fresh interpreters. dateparser is called as its users would: languages=["zh"],
RELATIVE_BASE=now (naive), PREFER_DATES_FROM="future". dateparser has no ranges and no
lunar flag, so it is scored on the start only (which favours it).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bench._figures import Figure, record

ROOT = Path(__file__).resolve().parents[1]
DEV_SET = ROOT / "tests" / "parsing" / "dates_dev.tsv"
TZ = ZoneInfo("Asia/Shanghai")

Value = date | datetime | None


@dataclass(frozen=True)
class Case:
    """One row of a date set."""

    text: str
    now: datetime
    start: Value
    end: Value
    lunar: bool


def _value(text: str) -> Value:
    text = text.strip()
    if not text or text == "-":
        return None
    if "T" in text or " " in text:
        return datetime.fromisoformat(text.replace(" ", "T")).replace(tzinfo=TZ)
    return date.fromisoformat(text)


def load_cases(path: Path) -> list[Case]:
    """Rows of a TSV set: text, now, start, end, lunar (see tests/parsing/dates_dev.tsv)."""
    cases: list[Case] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("text\t"):
            continue
        cols = [*line.split("\t"), "", "", "", ""][:5]
        text, now, start, end, lunar = cols
        cases.append(
            Case(
                text=text,
                now=datetime.fromisoformat(now).replace(tzinfo=TZ),
                start=_value(start),
                end=_value(end),
                lunar=lunar.strip() in ("1", "L", "true", "yes"),
            )
        )
    return cases


def _same(got: Value, expected: Value) -> bool:
    if got is None or expected is None:
        return got is None and expected is None
    if isinstance(expected, datetime):
        return isinstance(got, datetime) and got.replace(tzinfo=None) == expected.replace(
            tzinfo=None
        )
    return not isinstance(got, datetime) and got == expected


@dataclass
class Score:
    """Accuracy and timings of one parser over a set."""

    name: str
    correct: int = 0
    confident_wrong: int = 0
    total: int = 0
    times_us: list[float] | None = None

    def row(self) -> str:
        times = sorted(self.times_us or [0.0])
        median = statistics.median(times)
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        accuracy = 100.0 * self.correct / max(1, self.total)
        return (
            f"| {self.name:<12} | {accuracy:7.1f}% | {self.confident_wrong:15d} "
            f"| {median:10.1f} | {p95:10.1f} |"
        )


def _timed(fn: Callable[[], Any], rounds: int) -> tuple[Any, list[float]]:
    result = fn()  # warm
    times: list[float] = []
    for _ in range(rounds):
        t0 = time.perf_counter_ns()
        fn()
        times.append((time.perf_counter_ns() - t0) / 1000)
    return result, times


def score_parse_when(cases: Sequence[Case], rounds: int = 20) -> tuple[Score, list[str]]:
    """Score parse_when; returns the score and a line per miss."""
    from parsing.dates import parse_when

    score = Score("parse_when", times_us=[])
    misses: list[str] = []
    for case in cases:

        def call(case: Case = case) -> Any:
            return parse_when(case.text, case.now)

        w, times = _timed(call, rounds)
        assert score.times_us is not None
        score.times_us.extend(times)
        score.total += 1
        if case.start is None:
            ok = w is None
        else:
            ok = (
                w is not None
                and _same(w.start, case.start)
                and _same(w.end, case.end)
                and (w.lunar is not None) == case.lunar
            )
        if ok:
            score.correct += 1
        else:
            if w is not None:
                score.confident_wrong += 1
            got = None if w is None else (w.start, w.end, w.lunar is not None)
            misses.append(f"{case.text!r} now={case.now:%Y-%m-%d %H:%M} got={got}")
    return score, misses


def score_dateparser(cases: Sequence[Case]) -> Score:
    """Score dateparser.parse on the same cases (start only)."""
    import dateparser

    score = Score("dateparser", times_us=[])
    for case in cases:
        settings: Any = {
            "RELATIVE_BASE": case.now.replace(tzinfo=None),
            "PREFER_DATES_FROM": "future",
        }

        def call(case: Case = case, settings: Any = settings) -> Any:
            try:
                return dateparser.parse(case.text, languages=["zh"], settings=settings)
            except Exception:
                return None

        got, times = _timed(call, 2)
        assert score.times_us is not None
        score.times_us.extend(times)
        score.total += 1
        if case.start is None:
            ok = got is None
        elif got is None:
            ok = False
        elif isinstance(case.start, datetime):
            ok = got.replace(tzinfo=None) == case.start.replace(tzinfo=None)
        else:
            ok = got.date() == case.start
        if ok:
            score.correct += 1
        elif got is not None:
            score.confident_wrong += 1
    return score


def import_time_ms(module: str, runs: int = 5, *, bytecode: bool) -> float:
    """Median wall time of ``import module`` in fresh interpreters.

    ``bytecode``: with a warm bytecode cache (kept in a temporary directory, never in the
    checkout), as in a normal install; else compiling from source each time.
    """
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    env = dict(os.environ)
    samples: list[float] = []
    with tempfile.TemporaryDirectory() as cache:
        if bytecode:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = cache
        else:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        for i in range(runs + (1 if bytecode else 0)):
            out = subprocess.run(
                [sys.executable, "-c", code],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            if bytecode and i == 0:
                continue  # first run fills the cache
            samples.append(float(out.strip()) * 1000)
    return statistics.median(samples)


def _record(ours: Score, theirs: Score | None) -> None:
    def accuracy(score: Score) -> str:
        return f"{100.0 * score.correct / max(1, score.total):.1f}% right"

    def median(score: Score) -> float:
        return float(statistics.median(score.times_us or [0.0]))

    if theirs is None:
        return
    record(Figure("dates", f"date expressions ({ours.total}), accuracy",
                  f"{accuracy(ours)}, {ours.confident_wrong} confidently wrong",
                  f"dateparser {accuracy(theirs)}, {theirs.confident_wrong} confidently wrong",
                  "", ""))  # fmt: skip
    record(Figure("dates", "date parsing, median per expression", f"{median(ours):.0f} µs",
                  f"dateparser {median(theirs):.0f} µs", f"{median(ours) / median(theirs):.2f}×",
                  ""))  # fmt: skip


def main(argv: Sequence[str] | None = None) -> None:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(prog="python -m bench.dates", description=__doc__)
    parser.add_argument("--set", type=Path, default=DEV_SET, help="TSV set to measure on")
    parser.add_argument("--misses", action="store_true", help="list parse_when's misses")
    parser.add_argument("--no-dateparser", action="store_true", help="skip dateparser")
    args = parser.parse_args(argv)

    cases = load_cases(args.set)
    negatives = sum(1 for c in cases if c.start is None)
    print(f"date parsing on {args.set.name}: {len(cases)} expressions ({negatives} expect None)")
    ours, misses = score_parse_when(cases)
    rows = [ours]
    if not args.no_dateparser:
        rows.append(score_dateparser(cases))
    print()
    print("| parser       | correct  | confident wrong | median µs  | p95 µs     |")
    print("|--------------|----------|-----------------|------------|------------|")
    for score in rows:
        print(score.row())
    print()
    _record(ours, rows[1] if len(rows) > 1 else None)
    warm = import_time_ms("parsing.dates", bytecode=True)
    cold = import_time_ms("parsing.dates", bytecode=False)
    print(f"import parsing.dates: {warm:.1f} ms (bytecode cached), {cold:.1f} ms (from source)")
    if not args.no_dateparser:
        dp = import_time_ms("dateparser", runs=3, bytecode=True)
        print(f"import dateparser:    {dp:.1f} ms (bytecode cached), for comparison")
    if args.misses and misses:
        print("\nparse_when misses:")
        for line in misses:
            print("  " + line)


if __name__ == "__main__":
    main()
