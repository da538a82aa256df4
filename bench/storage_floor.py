"""What every update pays the storage stack before doing any work of its own.

    python -m bench.storage_floor [--members 200] [--runs 3000]

A turn opens a session, looks up the acting member through the ORM, commits and closes; the
statements of the handler come on top, each through the same path. This times both on SQLite
as a turn runs them (`interactive()`, the process pinned to one core), beside the same lookup
made by hand through the sqlite3 module: the difference is SQLAlchemy's share, which is the
largest part of bench/fullstack.py's time per update.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from bench._figures import Figure, record
from storage.engine import create_engine, interactive, session_factory
from storage.migrate import upgrade
from storage.teams import member_by_telegram_id, register_member

FIRST_USER = 20_000_000
LOOKUP_SQL = "SELECT * FROM member WHERE telegram_user_id = ?"


async def _measure(path: Path, members: int, runs: int) -> dict[str, float]:
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    await upgrade(engine)
    sessions = session_factory(engine)
    async with sessions() as session:
        for n in range(members):
            await register_member(
                session,
                telegram_user_id=FIRST_USER + n,
                chat_id=FIRST_USER + n,
                name=f"代表{n}",
                username=None,
                language="zh_Hans",
                timezone="Asia/Shanghai",
            )
        await session.commit()

    async def turns() -> float:
        began = time.perf_counter()
        for n in range(runs):
            async with sessions() as session:
                await member_by_telegram_id(session, FIRST_USER + n % members)
                await session.commit()
        return (time.perf_counter() - began) / runs * 1e6

    async def statements() -> float:
        async with sessions() as session:
            began = time.perf_counter()
            for n in range(runs):
                await member_by_telegram_id(session, FIRST_USER + n % members)
            return (time.perf_counter() - began) / runs * 1e6

    def by_hand() -> float:
        raw = sqlite3.connect(path)
        began = time.perf_counter()
        for n in range(runs):
            raw.execute(LOOKUP_SQL, (FIRST_USER + n % members,)).fetchall()
        elapsed = time.perf_counter() - began
        raw.close()
        return elapsed / runs * 1e6

    figures: dict[str, list[float]] = {"turn": [], "statement": [], "sqlite3": []}
    with interactive():
        await turns()  # warm the caches (compiled statements, SQLite pages)
        for _ in range(3):  # alternated, since this machine's speed drifts
            figures["turn"].append(await turns())
            figures["statement"].append(await statements())
            figures["sqlite3"].append(by_hand())
    await engine.dispose()
    return {name: statistics.median(values) for name, values in figures.items()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3000)
    args = parser.parse_args(argv)
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as bench.fullstack
    with tempfile.TemporaryDirectory() as folder:
        result = asyncio.run(_measure(Path(folder) / "floor.db", args.members, args.runs))
    turn, statement, by_hand = result["turn"], result["statement"], result["sqlite3"]
    print(f"a turn's floor (session, member lookup, commit, close): {turn:.0f} µs")
    print(f"one ORM lookup in an open session:                     {statement:.0f} µs")
    print(f"the same lookup through sqlite3:                       {by_hand:.1f} µs")
    record(Figure("storage_floor", "a turn's floor: session + member lookup + commit",
                  f"{turn:.0f} µs", f"the lookup through sqlite3 {by_hand:.1f} µs",
                  f"{turn / by_hand:.0f}×", ""))  # fmt: skip
    record(Figure("storage_floor", "one ORM statement (prebuilt, indexed lookup)",
                  f"{statement:.0f} µs", f"the lookup through sqlite3 {by_hand:.1f} µs",
                  f"{statement / by_hand:.0f}×", ""))  # fmt: skip


if __name__ == "__main__":
    main()
