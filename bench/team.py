"""Benchmark: a manager's views of a big team.

    python -m bench.team [--reps 200] [--interactions 400000] [--customers 50000]
                         [--deals 100000] [--stage-changes 1000000] [--runs 7]

Builds one team in a fresh SQLite file (a manager, N reps, customers with a contact each,
interactions spread over a year, follow-ups, deals with their stage changes), then prints the
median ms of the week summary (`storage.reports.team_summary`), of the two charts (summary +
8-week trend + matplotlib), of /pipeline (its counts and its text) and of its funnel chart,
and the time and peak memory of the full .xlsx export. Targets: summary ≤ 300 ms, chart ≤
500 ms, /pipeline ≤ 300 ms, the funnel ≤ 500 ms, export of 50,000 customers ≤ 20 s and ≤ 300 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select

from bench._figures import Figure, emit, record, relay
from bench._memory import peak_rss_mb
from handlers.deals.pipeline import funnel_chart, read, team_text
from handlers.team.reports import bar_chart, draw_charts, summary_for, trend_chart
from handlers.transfer.exports import TABLES, Exporter, write_xlsx
from locales import translator
from storage.actor import Actor
from storage.engine import create_engine, session_factory
from storage.migrate import upgrade
from storage.models import (
    Contact,
    Customer,
    Deal,
    DealChange,
    DealStage,
    FollowUp,
    FollowUpStatus,
    Grade,
    Interaction,
    InteractionKind,
    Member,
    Role,
    Team,
)
from storage.stages import PROBABILITY, stage_book

NOW = datetime(2026, 12, 2, 7, 0, tzinfo=UTC)
KINDS = [InteractionKind.VISIT, InteractionKind.CALL, InteractionKind.WECHAT, InteractionKind.MEAL]
BATCH = 20_000


async def _bulk(session: Any, model: Any, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), BATCH):
        await session.execute(insert(model), rows[start : start + BATCH])


async def build(engine: Any, reps: int, customers: int, interactions: int) -> Member:
    rng = random.Random(6)
    sessions = session_factory(engine)
    async with sessions() as session:
        team = Team(name="华东销售一部", personal=False, invite_code="BENCHTEAM001")
        session.add(team)
        await session.flush()
        manager = Member(telegram_user_id=1, chat_id=1, name="李经理", team_id=team.id,
                         role=Role.MANAGER)  # fmt: skip
        session.add(manager)
        await session.flush()
        member_rows = [
            {"telegram_user_id": 100 + i, "chat_id": 100 + i, "name": f"代表{i:03d}",
             "team_id": team.id, "role": Role.REP, "joined_team_at": NOW, "created_at": NOW}
            for i in range(reps)
        ]  # fmt: skip
        await _bulk(session, Member, member_rows)
        ids = list(range(manager.id + 1, manager.id + 1 + reps))
        year = NOW - timedelta(days=365)
        customer_rows = []
        for n in range(customers):
            owner = ids[n % reps]
            created = year + timedelta(minutes=rng.randrange(365 * 24 * 60))
            customer_rows.append(
                {"team_id": team.id, "owner_id": owner, "created_by_id": owner,
                 "name": f"客户{n}号公司", "normalized_name": f"客户{n}号公司",
                 "grade": rng.choice([Grade.A, Grade.B, Grade.C, None]),
                 "industry": "电力", "address": "上海市浦东新区世纪大道100号",
                 "created_at": created, "assigned_at": created, "updated_at": created,
                 "last_contact_at": NOW - timedelta(days=rng.randrange(60)), "search_key": ""}
            )  # fmt: skip
        await _bulk(session, Customer, customer_rows)
        contact_rows = [
            {"customer_id": n + 1, "name": f"王建{n}", "title": "局长", "phones": ["13812345678"],
             "created_at": customer_rows[n]["created_at"], "updated_at": NOW, "search_key": "",
             "birthday_month": 3, "birthday_day": 8, "birthday_lunar": True}
            for n in range(customers)
        ]  # fmt: skip
        await _bulk(session, Contact, contact_rows)
        interaction_rows = []
        for _n in range(interactions):
            cid = rng.randrange(customers) + 1
            interaction_rows.append(
                {"customer_id": cid, "member_id": customer_rows[cid - 1]["owner_id"],
                 "kind": rng.choice(KINDS),
                 "occurred_at": NOW - timedelta(minutes=rng.randrange(365 * 24 * 60)),
                 "summary": "谈报价,对方在比价", "created_at": NOW}
            )  # fmt: skip
        await _bulk(session, Interaction, interaction_rows)
        follow_rows = [
            {"member_id": ids[n % reps], "customer_id": n % customers + 1,
             "due_date": date(2026, 11, 1) + timedelta(days=n % 60), "text": "跟进报价",
             "status": FollowUpStatus.DONE if n % 3 == 0 else FollowUpStatus.OPEN,
             "done_at": NOW - timedelta(days=n % 10) if n % 3 == 0 else None, "created_at": NOW}
            for n in range(customers // 2)
        ]  # fmt: skip
        await _bulk(session, FollowUp, follow_rows)
        await session.commit()
        return manager


# Where a team's deals stand: most open, spread down the funnel; some won, some lost.
STAGE_WEIGHTS = {
    DealStage.CONTACT: 30, DealStage.NEEDS: 20, DealStage.QUOTE: 12, DealStage.NEGOTIATION: 8,
    DealStage.WON: 18, DealStage.LOST: 12,
}  # fmt: skip
STAGE_CODES = [s.value for s in DealStage]


async def build_deals(
    engine: Any, manager: Member, customers: int, deals: int, changes: int
) -> None:
    """`deals` deals on the customers (their owners'), and `changes` stage changes among them,
    written with executemany: the ORM would take minutes for a million rows."""
    rng = random.Random(19)
    sessions = session_factory(engine)
    stages, weights = list(STAGE_WEIGHTS), list(STAGE_WEIGHTS.values())
    async with sessions() as session:
        owners = dict((await session.execute(select(Customer.id, Customer.owner_id))).all())
        deal_rows, created_at, owner_of = [], [], []
        for n in range(deals):
            cid = n % customers + 1
            stage = rng.choices(stages, weights)[0]
            created = NOW - timedelta(days=rng.randrange(365))
            created_at.append(created)
            owner_of.append(owners[cid])
            closed = stage in (DealStage.WON, DealStage.LOST)
            amount = rng.randrange(5, 500) * 10_000
            deal_rows.append(
                {"team_id": manager.team_id, "customer_id": cid, "owner_id": owners[cid],
                 "title": f"客户{cid - 1}号公司项目{n}", "amount": amount, "currency": "CNY",
                 "stage": stage, "probability": PROBABILITY[stage],
                 "close_date": (NOW + timedelta(days=rng.randrange(-60, 240))).date(),
                 "lost_reason": rng.choice(["输给竞争对手", "预算取消", "价格太高"]) if stage == DealStage.LOST else None,
                 "won_amount": amount if stage == DealStage.WON else None,
                 "closed_at": created + timedelta(days=rng.randrange(30)) if closed else None,
                 "created_at": created, "updated_at": created}
            )  # fmt: skip
        await _bulk(session, Deal, deal_rows)
        first = await session.scalar(select(func.min(Deal.id)))
        assert first is not None
        change_rows = []
        for n in range(changes):
            index = n % deals
            change_rows.append(
                {"deal_id": first + index, "member_id": owner_of[index],
                 "field": "stage", "old_value": rng.choice(STAGE_CODES),
                 "new_value": rng.choice(STAGE_CODES),
                 "changed_at": created_at[index] + timedelta(hours=n // deals)}
            )  # fmt: skip
            if len(change_rows) == BATCH:
                await session.execute(insert(DealChange), change_rows)
                change_rows = []
        if change_rows:
            await session.execute(insert(DealChange), change_rows)
        await session.commit()


async def run(
    reps: int, customers: int, interactions: int, deals: int, changes: int, runs: int
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        engine = create_engine(f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}")
        await upgrade(engine)
        started = time.perf_counter()
        manager = await build(engine, reps, customers, interactions)
        print(f"built {reps} reps, {customers:,} customers, {interactions:,} interactions "
              f"in {time.perf_counter() - started:.1f} s")  # fmt: skip
        started = time.perf_counter()
        await build_deals(engine, manager, customers, deals, changes)
        print(f"built {deals:,} deals and {changes:,} stage changes "
              f"in {time.perf_counter() - started:.1f} s")  # fmt: skip
        sessions = session_factory(engine)
        summary_ms, bars_ms, trend_ms, count_ms = [], [], [], []
        pipeline_ms, funnel_ms = [], []
        actor, today = Actor.of(manager), NOW.astimezone(ZoneInfo(manager.timezone)).date()
        words = translator("zh_Hans")
        async with sessions() as session:
            await draw_charts(session, manager, "week", NOW)  # font and matplotlib warm-up
            for _ in range(runs):
                # Baseline: one COUNT over the team's interactions of the same week.
                t = time.perf_counter()
                await session.scalar(
                    select(func.count())
                    .select_from(Interaction)
                    .join(Customer, Customer.id == Interaction.customer_id)
                    .where(Customer.team_id == manager.team_id,
                           Interaction.occurred_at >= NOW - timedelta(days=7))
                )  # fmt: skip
                count_ms.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                summary = await summary_for(session, manager, "week", NOW)
                summary_ms.append((time.perf_counter() - t) * 1000)
                # /pipeline as the manager gets it: the counts, the stage names, the text.
                t = time.perf_counter()
                found = await read(session, actor, today, manager.timezone, "m")
                book = await stage_book(session, manager.team_id)
                text = team_text(words, found, book, today, "m")
                pipeline_ms.append((time.perf_counter() - t) * 1000)
            for _ in range(max(3, runs // 2)):
                t = time.perf_counter()
                await bar_chart(session, manager, "week", NOW)
                bars_ms.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                await trend_chart(session, manager, NOW)
                trend_ms.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                await funnel_chart(session, manager, NOW)
                funnel_ms.append((time.perf_counter() - t) * 1000)
        print(f"week summary: median {statistics.median(summary_ms):.0f} ms "
              f"(target ≤ 300), team total {summary.total.contacts:,} contacts")  # fmt: skip
        print(
            f"bar chart (summary + PNG): median {statistics.median(bars_ms):.0f} ms; "
            f"trend chart (8 weeks + PNG): median {statistics.median(trend_ms):.0f} ms "
            "(target ≤ 500 each)"
        )
        pipe, funnel = statistics.median(pipeline_ms), statistics.median(funnel_ms)
        print(f"/pipeline: median {pipe:.0f} ms (target ≤ 300), {found.total.count:,} open deals, "
              f"{len(text)} characters; funnel chart: median {funnel:.0f} ms (target ≤ 500)")  # fmt: skip
        summary_med, count = statistics.median(summary_ms), statistics.median(count_ms)
        bars, trend = statistics.median(bars_ms), statistics.median(trend_ms)
        scale = f"{reps} reps, {customers:,} customers, {interactions:,} interactions"
        record(Figure("team", f"week summary, {scale}", f"{summary_med:.0f} ms",
                      f"one COUNT of the week's interactions {count:.0f} ms",
                      f"{summary_med / count:.1f}×", "≤ 300 ms"))  # fmt: skip
        record(Figure("team", "bar chart / trend chart (PNG)", f"{bars:.0f} / {trend:.0f} ms",
                      f"the week summary alone {summary_med:.0f} ms",
                      f"{bars / summary_med:.1f}× / {trend / summary_med:.1f}×", "≤ 500 ms each"))  # fmt: skip
        deals_scale = f"{reps} reps, {deals:,} deals, {changes:,} stage changes"
        record(Figure("team", f"/pipeline, {deals_scale}", f"{pipe:.0f} ms",
                      f"the week summary {summary_med:.0f} ms", f"{pipe / summary_med:.1f}×",
                      "≤ 300 ms"))  # fmt: skip
        record(Figure("team", "pipeline funnel chart (PNG)", f"{funnel:.0f} ms",
                      f"the week summary {summary_med:.0f} ms", f"{funnel / summary_med:.1f}×",
                      "≤ 500 ms"))  # fmt: skip
        await engine.dispose()
        # The export runs in a fresh process so its peak memory is its own, not the build's.
        child = subprocess.run(
            [sys.executable, "-m", "bench.team", "--export-from", str(Path(folder) / "bench.db"),
             "--manager", str(manager.id)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        relay(child.stdout)


async def export_only(path: str, manager_id: int) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    sessions = session_factory(engine)
    async with sessions() as session:
        manager = await session.get_one(Member, manager_id)
        exporter = Exporter(session, Actor.of(manager), translator("zh_Hans"), "Asia/Shanghai")
        reading = 0.0
        for table in TABLES:
            t = time.perf_counter()
            count = 0
            async for _row in exporter.rows(table.key):
                count += 1
            reading += time.perf_counter() - t
            print(f"  reading {table.key}: {count:,} rows in {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        content, rows = await write_xlsx(exporter)
        seconds = time.perf_counter() - t
    await engine.dispose()
    rss = peak_rss_mb()
    print(f"xlsx export: {rows:,} rows, {len(content) / 1e6:.1f} MB in {seconds:.1f} s "
          f"(target ≤ 20 s); peak RSS of the exporting process {rss:.0f} MB (target ≤ 300 MB)")  # fmt: skip
    emit(Figure("team", f"full .xlsx export, {rows:,} rows", f"{seconds:.1f} s, peak {rss:.0f} MB",
                f"reading the same rows {reading:.1f} s", f"{seconds / reading:.1f}×",
                "≤ 20 s, ≤ 300 MB"))  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reps", type=int, default=200)
    parser.add_argument("--customers", type=int, default=50_000)
    parser.add_argument("--interactions", type=int, default=400_000)
    parser.add_argument("--deals", type=int, default=100_000)
    parser.add_argument("--stage-changes", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--export-from", help=argparse.SUPPRESS)
    parser.add_argument("--manager", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.export_from:
        asyncio.run(export_only(args.export_from, args.manager))
        return
    asyncio.run(
        run(args.reps, args.customers, args.interactions, args.deals, args.stage_changes, args.runs)
    )


if __name__ == "__main__":
    main()
