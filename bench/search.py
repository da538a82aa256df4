"""Benchmark: /find over the words inside a rep's notes, in either script.

    python -m bench.search [--customers 2000] [--notes 100000] [--runs 30]

One rep's archive on SQLite, a fifth of the notes typed in Traditional (a Hong Kong rep's
報價, 高爾夫). Ours: the whole /find (`CustomerRepo.search`: names, contacts, short names and
the notes' folded keys). Beside it, from the same run, the note scan /find made before notes
had keys (LIKE on the note as typed): what the fold costs, and what it finds that the typed
scan misses (a Simplified query for words typed in Traditional).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from bench._figures import Figure, record
from storage.actor import Actor
from storage.customers import CustomerRepo, like_escaped
from storage.engine import create_engine, session_factory
from storage.migrate import upgrade
from storage.models import Customer, Interaction, InteractionKind
from storage.search import search_key, words_key
from storage.teams import register_member

WORDS = [
    "今天拜访了",
    "王局长",
    "说下周三之前要看到方案",
    "给刘经理打电话确认参数",
    "预算大概",
    "聊了变电站设计软件采购",
    "报价",
    "高尔夫",
    "陈生",
    "约饭",
]
TRADITIONAL = {"报价": "報價", "高尔夫": "高爾夫", "陈生": "陳生", "约饭": "約飯"}


def _note(rnd: random.Random, index: int) -> str:
    words = [rnd.choice(WORDS) for _ in range(8)]
    if index % 5 == 0:
        words = [TRADITIONAL.get(word, word) for word in words]
    return " ".join(words) + f" 第{index}条"


async def _build(path: Path, customers: int, notes: int) -> Actor:
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    await upgrade(engine)
    rnd = random.Random(7)
    async with session_factory(engine)() as session:
        rep = await register_member(session, telegram_user_id=1, chat_id=1, name="陳嘉欣",
                                    username=None, language="zh_Hant",
                                    timezone="Asia/Hong_Kong")  # fmt: skip
        names = [f"客户{i}" for i in range(1, customers + 1)]
        await session.execute(
            insert(Customer),
            [dict(team_id=rep.team_id, owner_id=rep.id, created_by_id=rep.id, name=name,
                  normalized_name=name, search_key=search_key(name)) for name in names],
        )  # fmt: skip
        rows = []
        for index in range(notes):
            note = _note(rnd, index)
            rows.append(dict(customer_id=rnd.randint(1, customers), member_id=rep.id,
                             kind=InteractionKind.VISIT.value, note=note, note_key=words_key(note),
                             occurred_at=datetime(2026, 1, 1, tzinfo=UTC),
                             created_at=datetime.now(UTC)))  # fmt: skip
        await session.execute(insert(Interaction), rows)
        await session.commit()
        actor = Actor(member_id=rep.id, team_id=rep.team_id, role=rep.role)
    await engine.dispose()
    return actor


async def _typed_scan(session: AsyncSession, words: str) -> int:
    """The note scan as /find made it before: LIKE on the note as typed (notes found)."""
    query = select(func.count()).where(Interaction.note.contains(like_escaped(words), escape="/"))
    return int(await session.scalar(query) or 0)


async def _folded_scan(session: AsyncSession, words: str) -> int:
    """Notes /find reads now: LIKE on their folded keys."""
    key = like_escaped(words_key(words))
    query = select(func.count()).where(Interaction.note_key.contains(key, escape="/"))
    return int(await session.scalar(query) or 0)


class Timings:
    """Median seconds of the whole /find and of the two ways of scanning the notes."""

    def __init__(self) -> None:
        self.find: list[float] = []
        self.folded: list[float] = []
        self.typed: list[float] = []


async def _measure(path: Path, actor: Actor, runs: int) -> tuple[Timings, int, int]:
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    timings = Timings()
    async with session_factory(engine)() as session:
        repo = CustomerRepo(session, actor)
        for run in range(runs + 3):  # three to warm the caches
            words = "没有这句话" if run % 2 else "約飯"
            marks = [time.perf_counter()]
            await repo.search(words, limit=9)
            marks.append(time.perf_counter())
            await _folded_scan(session, words)
            marks.append(time.perf_counter())
            await _typed_scan(session, words)
            marks.append(time.perf_counter())
            if run >= 3:
                timings.find.append(marks[1] - marks[0])
                timings.folded.append(marks[2] - marks[1])
                timings.typed.append(marks[3] - marks[2])
        found = await _folded_scan(session, "报价")
        missed = await _typed_scan(session, "报价")
    await engine.dispose()
    return timings, found, missed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "search.db"
        actor = asyncio.run(_build(path, args.customers, args.notes))
        timings, found, missed = asyncio.run(_measure(path, actor, args.runs))
    find, folded, typed = (
        statistics.median(t) * 1000 for t in (timings.find, timings.folded, timings.typed)
    )
    print(
        f"/find over {args.notes:,} notes of {args.customers:,} customers: {find:.1f} ms; "
        f"the notes scanned by their folded keys {folded:.1f} ms, as typed {typed:.1f} ms; "
        f"报价 is in {found} notes by their keys, in {missed} as typed (報價 is missed)"
    )
    record(
        Figure(
            "search",
            f"notes scanned for /find, either script ({args.notes:,} notes)",
            f"{folded:.1f} ms",
            f"as typed, one script {typed:.1f} ms",
            f"×{folded / typed:.2f}" if typed else "",
            "",
        )
    )


if __name__ == "__main__":
    main()
