"""Full-stack mixed traffic on a big archive, beside a bare echo bot in the same run.

    python -m bench.fullstack [--contacts 1000000] [--updates 3000]

Builds an SQLite archive (10,000 reps, 200,000 customers, 1,000,000 contacts, 2,000,000
interactions, each with a note as a capture keeps it — bench/planner.py's builder), then a
separate process runs the real Application (handlers, conversations, persistence, SQLite; no
rate limiter, no JobQueue) on one core (the process is pinned to one CPU) and feeds it a mix
of what reps do: quick captures, 保存 presses, searches, opening customer cards, digest
actions (完成 on a follow-up) and /today. Prints updates per second, p50/p99 latency per
update and the process's peak memory; the bare PTB echo bot runs the same number of updates
through the same in-process Bot API for comparison. The two alternate for
--rounds rounds and the medians are reported, since this machine's speed drifts.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench._figures import Figure, record
from bench._memory import peak_rss_mb

ECHO, FULL = "echo", "full"
REPS_IN_TRAFFIC = 200
CAPTURE, SAVE, FIND, CARD, DONE, TODAY = (
    "quick capture", "保存 (or /today)", "/find", "open a card", "完成 a follow-up", "/today"
)  # fmt: skip
# The mix of the traffic: (upper bound of the random roll, what the rep does).
ACTIONS = [(0.25, CAPTURE), (0.40, SAVE), (0.60, FIND), (0.80, CARD), (0.90, DONE), (1.01, TODAY)]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


async def _serve(mode: str, db: Path | None, updates: int) -> dict[str, Any]:
    """Runs in the child process: the traffic and the timing."""
    import warnings

    warnings.filterwarnings("ignore")
    from telegram import Update
    from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

    from bot.local_api import LOCAL_TOKEN, LocalBotApi, LocalClient, LocalUser

    # "On one core": the process and the threads it starts later (aiosqlite's) share one CPU.
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    # Logging as `salesbot run` sets it up (LOG_LEVEL=INFO), written nowhere.
    from bot.logs import setup_logging

    setup_logging(logging.INFO, open(os.devnull, "w"))  # noqa: SIM115 — lives as long as the run
    api = LocalBotApi()
    rnd = random.Random(11)
    if mode == ECHO:
        app: Any = (
            ApplicationBuilder().token(LOCAL_TOKEN).request(api).get_updates_request(api).build()
        )

        async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            assert update.effective_message is not None
            await update.effective_message.reply_text(update.effective_message.text or "")

        app.add_handler(MessageHandler(filters.TEXT, echo))
        await app.initialize()
    else:
        from bot.app import build_application, start_in_process
        from bot.settings import Settings

        settings = Settings(_env_file=None, database_url=f"sqlite+aiosqlite:///{db}")  # type: ignore[call-arg]
        app = build_application(settings, token=LOCAL_TOKEN, request=api, rate_limiter=False)
        app.job_queue.scheduler.shutdown = lambda *a, **k: None  # never started here
        await start_in_process(app)
    clients = [
        LocalClient(app, api, LocalUser(id=10_000_000 + m, first_name=f"代表{m}"))
        for m in range(1, REPS_IN_TRAFFIC + 1)
    ]
    times: list[float] = []
    by_action: dict[str, list[float]] = {}
    started = time.perf_counter()
    for n in range(updates):
        client = rnd.choice(clients)
        m = client.user.id - 10_000_000
        roll = rnd.random()
        action = ECHO if mode == ECHO else next(name for limit, name in ACTIONS if roll < limit)
        began = time.perf_counter()
        if mode == ECHO:
            await client.send(f"今天拜访了客户{m}的王局长")
        elif action == CAPTURE:
            await client.send(
                f"今天拜访了客户{(m - 1) * 20 + 1}的王局长,下周五跟进报价,他手机13812345{n % 1000:03d}"
            )
        elif action == SAVE:
            try:
                await client.press("保存")
            except LookupError:
                await client.send("/today")
        elif action == FIND:
            await client.send(f"/find 客户{(m - 1) * 20 + rnd.randint(1, 20)}")
        elif action == CARD:
            await client.press_data(f"cust:v:{(m - 1) * 20 + rnd.randint(1, 20)}")
        elif action == DONE:
            await client.press_data(f"rem:done:{(m - 1) * 3 + rnd.randint(1, 3)}")
        else:
            await client.send("/today")
        times.append((time.perf_counter() - began) * 1000)
        by_action.setdefault(action, []).append(times[-1])
        if n % 500 == 0:
            api.calls.clear()  # the recorder is the test harness's, not the bot's memory
    elapsed = time.perf_counter() - started
    await app.shutdown()
    return {
        "updates": updates,
        "per_second": updates / elapsed,
        "p50_ms": statistics.median(times),
        "p99_ms": _percentile(times, 0.99),
        "peak_mb": peak_rss_mb(),
        "action_ms": {name: statistics.mean(ms) for name, ms in by_action.items()},
    }


def _child(mode: str, db: Path | None, updates: int) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.fullstack", "--serve", mode, "--updates", str(updates)]
    if db is not None:
        command += ["--db", str(db)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _build(db: Path, reps: int, contacts: int) -> None:
    from bench.planner import _migrate, build

    asyncio.run(_migrate(f"sqlite+aiosqlite:///{db}"))
    build(db, reps, contacts)
    raw = sqlite3.connect(db)
    try:
        with raw:  # what the bot's own writes keep up to date
            raw.execute("UPDATE customer SET search_key = normalized_name")
            raw.execute("UPDATE contact SET search_key = name")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # all of it in the file a copy takes
    finally:
        raw.close()


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return float(statistics.median(float(run[key]) for run in runs))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--reps", type=int, default=10_000)
    parser.add_argument("--updates", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3, help="echo and full runs, alternated")
    parser.add_argument("--serve", choices=[ECHO, FULL])
    parser.add_argument("--db")
    parser.add_argument(
        "--archive",
        help="keep the built archive in this file and reuse it when it is there (each run "
        "works on a copy); for comparing changes without building it again",
    )
    args = parser.parse_args(argv)
    if args.serve:
        result = asyncio.run(_serve(args.serve, Path(args.db) if args.db else None, args.updates))
        print(json.dumps(result))
        return
    from bench.planner import _migrate

    echo_runs: list[dict[str, Any]] = []
    full_runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "fullstack.db"
        kept = Path(args.archive) if args.archive else None
        built = time.perf_counter()
        if kept is None or not kept.exists():
            _build(kept or db, args.reps, args.contacts)
        if kept is not None:
            shutil.copyfile(kept, db)  # the runs write; the kept archive stays as built
            asyncio.run(_migrate(f"sqlite+aiosqlite:///{db}"))  # a newer migration, if any
        print(
            f"archive: {args.reps} reps, {args.contacts} contacts "
            f"(ready in {time.perf_counter() - built:.0f} s); {args.rounds} rounds of "
            f"{args.updates} updates, each process pinned to one core",
            flush=True,
        )
        # Alternating the two evens out a machine whose speed drifts during the run.
        for _ in range(args.rounds):
            echo_runs.append(_child(ECHO, None, args.updates))
            full_runs.append(_child(FULL, db, args.updates))
    print()
    print("| process                          | updates/s |  p50 ms |  p99 ms | peak MB |")
    print("|----------------------------------|-----------|---------|---------|---------|")
    for n, (echo, full) in enumerate(zip(echo_runs, full_runs, strict=True), start=1):
        for name, r in ((f"bare PTB echo bot, round {n}", echo), (f"销售助手, round {n}", full)):
            print(
                f"| {name:<32} | {r['per_second']:>9.0f} | {r['p50_ms']:>7.2f} "
                f"| {r['p99_ms']:>7.2f} | {r['peak_mb']:>7.0f} |"
            )
    print()
    print("mean ms per update by action, median over the rounds (where the time goes):")
    for _, name in ACTIONS:
        means = [run["action_ms"][name] for run in full_runs if name in run["action_ms"]]
        if means:
            print(f"  {name:<18} {statistics.median(means):6.2f} ms")
    echo_rate, full_rate = _median(echo_runs, "per_second"), _median(full_runs, "per_second")
    echo_mb, full_mb = max(r["peak_mb"] for r in echo_runs), max(r["peak_mb"] for r in full_runs)
    print()
    print(f"median: {full_rate:.0f} updates/s against the echo bot's {echo_rate:.0f} "
          f"({full_rate / echo_rate:.3f}×)")  # fmt: skip
    where = f"{args.contacts:,} contacts, one core"
    record(Figure("fullstack", f"mixed traffic, {where}", f"{full_rate:.0f} updates/s",
                  f"bare PTB echo bot {echo_rate:.0f} updates/s", f"{full_rate / echo_rate:.3f}×",
                  "≥ 500 updates/s"))  # fmt: skip
    full_p50, full_p99 = _median(full_runs, "p50_ms"), _median(full_runs, "p99_ms")
    echo_p50, echo_p99 = _median(echo_runs, "p50_ms"), _median(echo_runs, "p99_ms")
    record(Figure("fullstack", "latency per update p50 / p99",
                  f"{full_p50:.1f} / {full_p99:.1f} ms", f"echo bot {echo_p50:.2f} / {echo_p99:.2f} ms",
                  f"p99 {full_p99 / echo_p99:.0f}×", "p99 ≤ 25 ms"))  # fmt: skip
    record(Figure("fullstack", f"peak memory of the bot process, {args.contacts:,} contacts",
                  f"{full_mb:.0f} MB", f"echo bot {echo_mb:.0f} MB", f"{full_mb / echo_mb:.1f}×",
                  "≤ 200 MB"))  # fmt: skip


if __name__ == "__main__":
    main()
