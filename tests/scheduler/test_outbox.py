"""The outbox and the dispatcher on their own: dedupe, claiming, leases, pacing, errors,
the replan marker, and the JobQueue glue."""

import asyncio
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import time_machine
from sqlalchemy import event, func, select
from sqlalchemy.ext.asyncio import AsyncEngine
from telegram import Bot

from bot.local_api import LOCAL_TOKEN
from scheduler.dispatcher import Dispatcher, Pacer
from scheduler.jobs import SCHEDULER_KEY, Scheduler, stop_scheduler
from storage.engine import session_factory
from storage.models import Grade, Member, OutboxStatus, ReminderOutbox
from storage.outbox import NewPush, claim_due, enqueue
from storage.push_items import ColdItem, SinglePayload
from tests.builders import Archive, local, member_of
from tests.conftest import BotHarness

NOW = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)


def push(member_id: int, key: str, due: datetime = NOW) -> NewPush:
    item = ColdItem(type="cold", customer_id=0, customer=key, grade="A", days=9, never=False)
    return NewPush(member_id, "again", "x", due, key, SinglePayload(item=item))


async def a_member(bot: BotHarness, name: str = "王磊") -> Member:
    client = bot.user(name)
    await client.send("/start")
    return await member_of(bot, client)


async def count(bot: BotHarness, *where: Any) -> int:
    return int(await bot.scalar(select(func.count()).select_from(ReminderOutbox).where(*where)))


async def test_enqueue_is_idempotent_on_the_dedupe_key(bot: BotHarness) -> None:
    member = await a_member(bot)
    async with bot.session() as session:
        await enqueue(session, [push(member.id, "k1"), push(member.id, "k2")])
        await enqueue(session, [push(member.id, "k1"), push(member.id, "k3")])
        await session.commit()
    assert await count(bot) == 3


async def test_a_batch_of_mixed_pushes_is_one_insert_and_keeps_their_expiry(
    bot: BotHarness,
) -> None:
    """Pushes with and without an expiry, interleaved as the planner makes them, go to the
    database as one statement (one per shape went row by row: 11,400 for a day of 10,000
    reps), and each row keeps its own expiry."""
    member = await a_member(bot)
    expiring = [
        replace(push(member.id, f"e{i}"), expires_at=NOW + timedelta(hours=1)) for i in range(50)
    ]
    lasting = [push(member.id, f"l{i}") for i in range(50)]
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, sql: str, *_args: Any) -> None:
        if "reminder_outbox" in sql:
            statements.append(sql)

    event.listen(bot.engine.sync_engine, "before_cursor_execute", seen)
    try:
        async with bot.session() as session:
            await enqueue(
                session, [p for pair in zip(expiring, lasting, strict=True) for p in pair]
            )
            await session.commit()
    finally:
        event.remove(bot.engine.sync_engine, "before_cursor_execute", seen)
    assert len(statements) == 1
    assert await count(bot, ReminderOutbox.expires_at.is_not(None)) == 50
    assert await count(bot, ReminderOutbox.expires_at.is_(None)) == 50


async def test_claims_do_not_overlap_and_leases_run_out(bot: BotHarness) -> None:
    member = await a_member(bot)
    sessions = session_factory(bot.engine)
    async with sessions() as session:
        await enqueue(session, [push(member.id, f"k{i}") for i in range(20)])
        await session.commit()

    async def claim(worker: str) -> set[int]:
        async with sessions() as session:
            rows = await claim_due(session, NOW, worker, 8)
            await session.commit()
            return {row.id for row in rows}

    a, b, c = await asyncio.gather(claim("a"), claim("b"), claim("c"))
    assert max(map(len, (a, b, c))) <= 8 and not (a & b or b & c or a & c)
    rest: set[int] = set()
    while found := await claim("d"):  # what a skipped while another held its locks
        assert not found & (a | b | c | rest)
        rest |= found
    assert len(a | b | c | rest) == 20
    # A worker that died: its claims come back once the lease ran out.
    async with sessions() as session:
        again = await claim_due(session, NOW + timedelta(seconds=61), "e", 100)
    assert len(again) == 20


async def test_one_message_per_chat_per_second(bot: BotHarness) -> None:
    member = await a_member(bot)
    sessions = session_factory(bot.engine)
    async with sessions() as session:
        await enqueue(session, [push(member.id, "k1"), push(member.id, "k2")])
        await session.commit()
    dispatcher = Dispatcher(bot.application.bot, sessions, rate=0)
    with time_machine.travel(local(2026, 11, 30, 9, 0), tick=False) as traveller:
        first = await dispatcher.dispatch_once()
        assert (first.sent, first.waiting) == (1, 1)
        traveller.shift(timedelta(milliseconds=500))
        assert (await dispatcher.dispatch_once()).sent == 0
        traveller.shift(timedelta(milliseconds=500))
        assert (await dispatcher.dispatch_once()).sent == 1
    assert await count(bot, ReminderOutbox.status == OutboxStatus.SENT) == 2


async def test_the_pacer_spaces_sends_evenly() -> None:
    pacer = Pacer(50.0)
    loop = asyncio.get_running_loop()
    started = loop.time()
    for _ in range(6):
        await pacer.wait()
    assert loop.time() - started >= 5 / 50 - 0.005


async def test_retry_after_without_the_rate_limiter_backs_off(bot: BotHarness) -> None:
    member = await a_member(bot)
    sessions = session_factory(bot.engine)
    async with sessions() as session:
        await enqueue(session, [push(member.id, "k1")])
        await session.commit()
    answers = iter([(429, {"ok": False, "error_code": 429, "description": "Too Many Requests",
                           "parameters": {"retry_after": 5}})])  # fmt: skip
    bot.api.fault_hook = lambda m, p: next(answers, None) if m == "sendMessage" else None
    plain = Bot(LOCAL_TOKEN, request=bot.api, get_updates_request=bot.api)
    await plain.initialize()
    dispatcher = Dispatcher(plain, sessions, rate=0)
    moment = local(2026, 11, 30, 9, 0)
    with time_machine.travel(moment, tick=False):
        assert (await dispatcher.dispatch_once()).retried == 1
    row = await bot.scalar(select(ReminderOutbox))
    assert row.due_at == moment.astimezone(UTC) + timedelta(seconds=6)
    assert "RetryAfter" in (row.last_error or "")
    with time_machine.travel(moment + timedelta(seconds=5), tick=False):
        assert (await dispatcher.dispatch_once()).claimed == 0
    with time_machine.travel(moment + timedelta(seconds=6), tick=False):
        assert (await dispatcher.dispatch_once()).sent == 1
    assert len([c for c in bot.api.calls if c.method == "sendMessage" and "k1" in c.text]) == 1


async def test_a_data_change_marks_the_member_for_planning(bot: BotHarness) -> None:
    member = await a_member(bot)
    later = datetime(2030, 1, 1, tzinfo=UTC)
    async with bot.session() as session:
        found = await session.get_one(Member, member.id)
        found.plan_due_at = later
        await session.commit()
    archive = Archive(bot, member)
    customer = await archive.customer("华东电力设计院", Grade.A)
    planned = await bot.scalar(select(Member.plan_due_at).where(Member.id == member.id))
    assert planned < later
    async with bot.session() as session:
        found = await session.get_one(Member, member.id)
        found.plan_due_at = later
        await session.commit()
    await archive.follow_up(customer, NOW.date(), "跟进报价")
    planned = await bot.scalar(select(Member.plan_due_at).where(Member.id == member.id))
    assert planned < later


async def test_the_jobs_are_registered_on_start(bot: BotHarness, engine: AsyncEngine) -> None:
    job_queue = bot.application.job_queue
    assert job_queue is not None
    assert {job.name for job in job_queue.jobs()} >= {"planner", "dispatcher", "purge"}
    scheduler = bot.application.bot_data[SCHEDULER_KEY]
    assert isinstance(scheduler, Scheduler)
    await stop_scheduler(bot.application)
    assert SCHEDULER_KEY not in bot.application.bot_data
