"""Run every benchmark in bench/ and print one table of their figures.

    python -m bench            # the sizes the issues set (1,000,000 contacts …), about 9 min
    python -m bench --quick    # small sizes, to check that every script runs

Each script's `main(argv)` prints its own details and records its figures (bench/_figures.py);
the table at the end puts every figure beside its baseline from the same run.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import time
from datetime import date
from pathlib import Path

from bench._figures import FIGURES, table

# Arguments that shrink each script to a few seconds; the figures are then not the targets'.
QUICK: dict[str, list[str]] = {
    "capture": ["--customers", "200", "--messages", "40"],
    "cards": ["--cards", "8", "--bot-photos", "2"],
    "dispatch": ["--pushes", "120"],
    "isolation": [
        "--part",
        "bomb",
        "webhook",
        "--rows",
        "100000",
        "--slow",
        "100",
        "--bodies",
        "2",
    ],
    "fullstack": ["--contacts", "20000", "--reps", "200", "--updates", "300", "--rounds", "1"],
    "minutes": ["--reps", "200", "--contacts", "20000", "--history", "10"],
    "planner": ["--reps", "200", "--contacts", "20000"],
    "search": ["--customers", "200", "--notes", "5000", "--runs", "5"],
    "storage_floor": ["--runs", "300"],
    "team": [
        "--reps",
        "20",
        "--customers",
        "2000",
        "--interactions",
        "20000",
        "--deals",
        "4000",
        "--stage-changes",
        "40000",
        "--runs",
        "3",
    ],
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, a smoke run")
    parser.add_argument("only", nargs="*", help="run only these scripts (e.g. fullstack team)")
    args = parser.parse_args(argv)
    here = Path(__file__).resolve().parent
    names = sorted(
        info.name for info in pkgutil.iter_modules([str(here)]) if not info.name.startswith("_")
    )
    started = time.perf_counter()
    for name in names:
        if args.only and name not in args.only:
            continue
        module = importlib.import_module(f"bench.{name}")
        print(f"== bench.{name} ==", flush=True)
        module.main(QUICK.get(name, []) if args.quick else [])
        print(flush=True)
    minutes = (time.perf_counter() - started) / 60
    size = "quick sizes — not the targets' figures" if args.quick else "full sizes"
    print(f"== all figures, measured {date.today():%Y-%m-%d} in {minutes:.0f} min ({size}) ==")
    print(table(FIGURES))


if __name__ == "__main__":
    main()
