"""The planner over a big archive on SQLite: 10,000 reps, 1,000,000 contacts (a tenth with
lunar birthdays), 2,000,000 interactions (each with a note); one whole day planned for every rep. Then again with
the contacts doubled. Prints the times and their ratio (targets: ≤ 10 s, ratio ≤ 1.3).

    python -m bench.planner [--contacts 1000000] [--reps 10000]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import tempfile
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bench._figures import Figure, record
from parsing.dates import next_lunar_occurrence, next_solar_birthday
from scheduler.planner import Planner
from storage.engine import create_engine, session_factory
from storage.migrate import upgrade
from storage.search import words_key

DAY = datetime(2026, 11, 30, 8, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Monday
CUSTOMERS_PER_REP = 20
INTERACTIONS = 2_000_000
TEAM_SIZE = 10
_TS = "%Y-%m-%d %H:%M:%S.%f"


def _ts(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).strftime(_TS)


class _Writer:
    """Bulk inserts with sqlite3, filling NOT NULL columns the bench does not care about."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=OFF")

    def insert(self, table: str, columns: list[str], rows: Iterable[tuple[Any, ...]]) -> None:
        info = self.db.execute(f"PRAGMA table_info({table})").fetchall()
        extra = [
            (name, _filler(kind))
            for _cid, name, kind, notnull, default, pk in info
            if notnull and default is None and not pk and name not in columns
        ]
        names = columns + [name for name, _ in extra]
        fill = tuple(value for _, value in extra)
        marks = ",".join("?" * len(names))
        self.db.executemany(
            f"INSERT INTO {table} ({','.join(names)}) VALUES ({marks})",
            (row + fill for row in rows),
        )
        self.db.commit()


def _filler(kind: str) -> Any:
    kind = kind.upper()
    if "INT" in kind or "BOOL" in kind or "FLOAT" in kind or "SMALLINT" in kind:
        return 0
    if "DATETIME" in kind or "TIMESTAMP" in kind:
        return _ts(DAY - timedelta(days=400))
    if kind == "TIME":
        return "08:30:00.000000"
    if kind == "DATE":
        return DAY.date().isoformat()
    if kind == "JSON":
        return "[]"
    return ""


# Every record keeps the rep's words, as a capture saves them: short notes, some naming the
# customer, about one in six typed in Traditional (as a rep in Hong Kong or Taiwan writes).
_NOTES = [
    "拜访{name}的王局长,聊了报价,预算大概{n}万",
    "电话沟通,对方在比价,下周再跟进",
    "送了资料,张总说月底前给答复",
    "和采购部李经理吃饭,提到明年要扩产",
    "技术交流会,对方关心售后和交期",
    "{name}的王局长出差了,下周再约",
    "报了价{n}万,对方嫌贵,要再申请折扣",
    "陪客户参观工厂,刘总很满意",
    "微信发了方案,还没回",
    "投标结果下月公布,竞争对手也报了",
]
_NOTES_TRADITIONAL = [
    "拜訪{name}的王局長,聊了報價,預算大概{n}萬",
    "電話溝通,對方在比價,下週再跟進",
    "送了資料,張總說月底前給答覆",
    "{name}的王局長出差了,下週再約",
    "報了價{n}萬,對方嫌貴,要再申請折扣",
]
_KEYED = [(note, words_key(note)) for note in _NOTES]
_KEYED_TRADITIONAL = [(note, words_key(note)) for note in _NOTES_TRADITIONAL]


def _note(rnd: random.Random, customer: int) -> tuple[str, str]:
    """A record's note and its /find key (storage.search.words_key), the customer's name and
    an amount filled in (digits and 客户N fold to themselves, so the key is filled the same)."""
    note, key = rnd.choice(_KEYED_TRADITIONAL if rnd.random() < 0.15 else _KEYED)
    name = f"客户{customer}"
    amount = rnd.randint(5, 500)
    return note.format(name=name, n=amount), key.format(name=name, n=amount)


def build(path: Path, reps: int, contacts: int, seed: int = 7) -> dict[str, int]:
    """The archive; returns how many rows of each kind were written."""
    rnd = random.Random(seed)
    today = DAY.date()
    w = _Writer(path)
    teams = (reps + TEAM_SIZE - 1) // TEAM_SIZE
    w.insert(
        "team",
        ["id", "name", "personal", "cadence_a_days", "cadence_b_days", "cadence_c_days",
         "festival_reminders", "default_timezone"],
        ((t, f"团队{t}", 0, 7, 14, 30, 1, "Asia/Shanghai") for t in range(1, teams + 1)),
    )  # fmt: skip
    w.insert(
        "member",
        ["id", "telegram_user_id", "chat_id", "name", "team_id", "role", "digest_time",
         "timezone", "active", "language"],
        (
            (m, 10_000_000 + m, 10_000_000 + m, f"代表{m}", (m - 1) // TEAM_SIZE + 1,
             "manager" if m % TEAM_SIZE == 1 else "rep", "08:30:00.000000", "Asia/Shanghai", 1,
             "zh_Hans")
            for m in range(1, reps + 1)
        ),
    )  # fmt: skip
    customers = reps * CUSTOMERS_PER_REP
    grades = ["A", "B", "B", "C", "C", "C", None]

    def customer_rows() -> Iterator[tuple[Any, ...]]:
        for c in range(1, customers + 1):
            owner = (c - 1) // CUSTOMERS_PER_REP + 1
            last = DAY - timedelta(days=rnd.randint(0, 60), hours=rnd.randint(0, 23))
            yield (c, (owner - 1) // TEAM_SIZE + 1, owner, owner, f"客户{c}", f"客户{c}",
                   rnd.choice(grades), "following", _ts(last), _ts(DAY - timedelta(days=90)))  # fmt: skip

    w.insert(
        "customer",
        ["id", "team_id", "owner_id", "created_by_id", "name", "normalized_name", "grade",
         "status", "last_contact_at", "assigned_at"],
        customer_rows(),
    )  # fmt: skip
    lunar_cache: dict[tuple[int, int], date] = {}

    def contact_rows() -> Iterator[tuple[Any, ...]]:
        per = contacts // customers
        for k in range(1, contacts + 1):
            customer = (k - 1) // per + 1 if k <= per * customers else rnd.randint(1, customers)
            first_of_customer = (k - 1) % per == 0
            roll = rnd.random()
            month, day, lunar = rnd.randint(1, 12), rnd.randint(1, 28), False
            upcoming: date | None
            if roll < 0.1:  # a tenth: lunar birthdays
                lunar = True
                if (month, day) not in lunar_cache:
                    lunar_cache[(month, day)] = next_lunar_occurrence(month, day, False, today)
                upcoming = lunar_cache[(month, day)]
            elif roll < 0.5:
                upcoming = next_solar_birthday(month, day, today)
            else:
                upcoming = None
            yield (k, customer, f"联系人{k}", "王", "局长" if first_of_customer else "经理",
                   int(first_of_customer), "[]",
                   month if upcoming else None, day if upcoming else None, int(lunar), 0,
                   upcoming.isoformat() if upcoming else None)  # fmt: skip

    w.insert(
        "contact",
        ["id", "customer_id", "name", "surname", "title", "is_key_leader", "phones",
         "birthday_month", "birthday_day", "birthday_lunar", "birthday_leap", "birthday_next"],
        contact_rows(),
    )  # fmt: skip

    def interaction_rows() -> Iterator[tuple[Any, ...]]:
        for i in range(1, INTERACTIONS + 1):
            c = rnd.randint(1, customers)
            note, key = _note(rnd, c)
            yield (i, c, (c - 1) // CUSTOMERS_PER_REP + 1, "visit",
                   _ts(DAY - timedelta(days=rnd.randint(1, 700))), note, key)  # fmt: skip

    w.insert(
        "interaction",
        ["id", "customer_id", "member_id", "kind", "occurred_at", "note", "note_key"],
        interaction_rows(),
    )
    w.insert(
        "follow_up",
        ["id", "member_id", "customer_id", "due_date", "due_at", "text", "status"],
        (
            (f, (f - 1) // 3 + 1, ((f - 1) // 3) * CUSTOMERS_PER_REP + 1,
             (today + timedelta(days=rnd.randint(-5, 20))).isoformat(),
             _ts(DAY + timedelta(hours=rnd.randint(1, 60))) if f % 3 == 0 else None,
             "跟进报价", "open")
            for f in range(1, reps * 3 + 1)
        ),
    )  # fmt: skip
    w.insert(
        "itinerary",
        ["id", "contact_id", "created_by_id", "place", "starts_on", "ends_on", "purpose"],
        (
            (i, rnd.randint(1, contacts), 1, "北京",
             (s := today + timedelta(days=rnd.randint(-30, 60))).isoformat(),
             (s + timedelta(days=rnd.randint(0, 4))).isoformat(), "开会")
            for i in range(1, reps * 2 + 1)
        ),
    )  # fmt: skip
    w.db.execute("ANALYZE")
    w.db.close()
    return {"reps": reps, "customers": customers, "contacts": contacts}


async def _migrate(url: str) -> None:
    engine = create_engine(url)
    await upgrade(engine)
    await engine.dispose()


async def _plan(url: str) -> tuple[float, Any]:
    engine = create_engine(url)
    planner = Planner(session_factory(engine))
    started = time.perf_counter()
    stats = await planner.run(DAY.astimezone(UTC))
    elapsed = time.perf_counter() - started
    await engine.dispose()
    return elapsed, stats


def run_once(reps: int, contacts: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        url = f"sqlite+aiosqlite:///{path}"
        asyncio.run(_migrate(url))
        started = time.perf_counter()
        build(path, reps, contacts)
        built = time.perf_counter() - started
        elapsed, stats = asyncio.run(_plan(url))
        print(
            f"  {reps:,} reps, {contacts:,} contacts, {INTERACTIONS:,} interactions "
            f"(built in {built:.0f} s): planned {stats.members:,} reps in {elapsed:.2f} s — "
            f"{stats.digests:,} digests, {stats.pushes:,} pushes, "
            f"{stats.birthdays_rolled:,} birthdays rolled",
            flush=True,
        )
        return elapsed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reps", type=int, default=10_000)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    base = run_once(args.reps, args.contacts)
    doubled = run_once(args.reps, args.contacts * 2)
    print(f"planner: {base:.2f} s (target ≤ 10 s); doubled contacts ×{doubled / base:.2f} "
          f"(target ≤ 1.3)")  # fmt: skip
    record(Figure("planner", f"plan a day for {args.reps:,} reps, {args.contacts * 2:,} contacts",
                  f"{doubled:.2f} s", f"{args.contacts:,} contacts {base:.2f} s",
                  f"{doubled / base:.2f}×", "≤ 10 s; ×≤ 1.3 when contacts double"))  # fmt: skip


if __name__ == "__main__":
    main()
