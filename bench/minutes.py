"""The planner with 会谈纪要 tasks (#15) beside today's planner, on the archive of
bench/planner.py: the same day planned twice on copies of one database — once with the visit
cycle's reads switched off (the planner as it was before #15), once with them — each run
``--rounds`` times (3), alternated, the fastest kept — by the wall clock and by the process's
CPU time (both threads: the event loop and SQLite's), which a machine busy with other work
disturbs far less than the wall clock. Every rep has meetings waiting for a 纪要 (due ahead and overdue),
summaries waiting for the manager's review, and a long history of written and reviewed ones;
the 纪要 due show in the digest, each manager gets a review message.
Target: within 10 % of the baseline.

    python -m bench.minutes [--reps 10000] [--contacts 1000000] [--history 100] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from unittest import mock

from bench._figures import Figure, record
from bench.planner import DAY, _migrate, build
from scheduler import planner as planner_module
from scheduler.minutes import CycleBatch, read_cycle
from scheduler.planner import Planner
from storage.engine import create_engine, session_factory

_TS = "%Y-%m-%d %H:%M:%S.%f"


def _ts(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).strftime(_TS)


def add_minutes(path: Path, reps: int, history: int) -> int:
    """Per rep: 2 meetings due ahead, 1 overdue, 2 written and waiting for review, and
    ``history`` written and reviewed long ago. Returns the number of rows.

    Rows are numbered in the order the bot creates them — by the meeting's day, every rep's
    meetings of a day together — as a 纪要 is inserted when its meeting is logged: this
    week's are neighbours at the end of the table, not one on each rep's block of history."""
    db = sqlite3.connect(path)
    today = DAY.date()
    team_of = {m: (m - 1) // 10 + 1 for m in range(1, reps + 1)}
    first = db.execute("SELECT COALESCE(MAX(id), 0) FROM interaction").fetchone()[0] + 1
    meetings: list[tuple[date, int, date, datetime | None, datetime | None]] = []
    for member in range(1, reps + 1):
        plan: list[tuple[date, date, datetime | None, datetime | None]] = [
            (today - timedelta(days=1), today + timedelta(days=1), None, None),
            (today, today + timedelta(days=2), None, None),
            (today - timedelta(days=6), today - timedelta(days=3), None, None),
            (today - timedelta(days=1), today + timedelta(days=1), DAY, None),
            (today - timedelta(days=2), today, DAY, None),
        ]
        plan += [
            (
                today - timedelta(days=10 + n),
                today - timedelta(days=8 + n),
                DAY - timedelta(days=9 + n),
                DAY - timedelta(days=8 + n),
            )
            for n in range(history)
        ]
        meetings += [(met, member, due, written, reviewed) for met, due, written, reviewed in plan]
    meetings.sort(key=lambda meeting: (meeting[0], meeting[1]))

    def rows() -> Iterator[tuple[Any, ...]]:
        for interaction, (met, member, due, written, reviewed) in enumerate(meetings, first):
            customer = (member - 1) * 20 + 1
            met_at = datetime.combine(met, DAY.timetz())
            yield (
                interaction, customer, member, "visit", _ts(met_at),
                interaction, member, team_of[member], customer, met.isoformat(),
                due.isoformat(), _ts(written) if written else None,
                "谈了方案" if written else None, _ts(reviewed) if reviewed else None,
                _ts(met_at),
            )  # fmt: skip

    batch = list(rows())
    db.executemany(
        "INSERT INTO interaction (id, customer_id, member_id, kind, occurred_at, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        ((r[0], r[1], r[2], r[3], r[4], r[14]) for r in batch),
    )
    db.executemany(
        "INSERT INTO meeting_minutes (interaction_id, member_id, team_id, customer_id, met_on, "
        "due_on, written_at, text, reviewed_at, created_at, kind) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'visit')",
        (r[5:] for r in batch),
    )
    db.commit()
    db.execute("ANALYZE")
    db.close()
    return len(batch)


async def _plan(url: str, cycle: bool) -> tuple[float, float, Any]:
    engine = create_engine(url)
    planner = Planner(session_factory(engine))

    async def no_cycle(*_args: Any) -> CycleBatch:
        return CycleBatch()

    # Each run starts with the collector's slate clean: left alone, whichever run came next
    # paid for collecting the previous run's garbage (its whole day of rows), and a full
    # collection costs a tenth of a run.
    gc.collect()
    with mock.patch.object(planner_module, "read_cycle", no_cycle if not cycle else read_cycle):
        started, cpu = time.perf_counter(), time.process_time()
        stats = await planner.run(DAY.astimezone(UTC))
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    await engine.dispose()
    return elapsed, cpu, stats


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reps", type=int, default=10_000)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--history", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3, help="runs of each, alternated")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "archive.db"
        asyncio.run(_migrate(f"sqlite+aiosqlite:///{source}"))
        build(source, args.reps, args.contacts)
        rows = add_minutes(source, args.reps, args.history)
        times: dict[bool, list[float]] = {False: [], True: []}
        cpus: dict[bool, list[float]] = {False: [], True: []}
        pushes: dict[bool, int] = {}
        for round_ in range(args.rounds):
            for cycle in (False, True) if round_ % 2 == 0 else (True, False):
                copy = Path(folder) / f"run-{round_}-{int(cycle)}.db"
                shutil.copyfile(source, copy)
                elapsed, cpu, stats = asyncio.run(_plan(f"sqlite+aiosqlite:///{copy}", cycle))
                times[cycle].append(elapsed)
                cpus[cycle].append(cpu)
                pushes[cycle] = stats.pushes
                copy.unlink()
    base, ours = min(times[False]), min(times[True])
    base_cpu, ours_cpu = min(cpus[False]), min(cpus[True])
    print(
        f"  {args.reps:,} reps, {args.contacts:,} contacts, {rows:,} 纪要 rows: "
        f"planner without the visit cycle {base:.2f} s, CPU {base_cpu:.2f} s "
        f"({pushes[False]:,} pushes), with it {ours:.2f} s, CPU {ours_cpu:.2f} s "
        f"({pushes[True]:,} pushes)"
    )
    print(
        f"minutes: ×{ours / base:.3f} of the planner before #15 by the clock, "
        f"×{ours_cpu / base_cpu:.3f} by CPU time (target ≤ 1.10)"
    )
    record(
        Figure(
            "minutes",
            f"plan a day for {args.reps:,} reps with {rows:,} 纪要 rows",
            f"{ours:.2f} s (CPU {ours_cpu:.2f} s)",
            f"planner without 纪要 {base:.2f} s (CPU {base_cpu:.2f} s)",
            f"{ours / base:.3f}× (CPU {ours_cpu / base_cpu:.3f}×)",
            "≤ 1.10×",
        )
    )


if __name__ == "__main__":
    main()
