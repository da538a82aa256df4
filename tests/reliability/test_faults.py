"""Faults injected in the Bot API transport: everything is delivered or correctly marked, and
nothing crashes — for the dispatcher (timeouts, connection resets, 502, 429, Forbidden) and for
handlers (message not modified, message to edit not found)."""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from telegram.error import NetworkError, TimedOut

from handlers.account import callbacks
from scheduler.dispatcher import Dispatcher
from storage.models import Customer, FollowUp, Member, ReminderOutbox
from tests.conftest import BotHarness
from tests.reliability.due_pushes import members_with_due_pushes

Fault = Callable[[], tuple[int, dict[str, Any]] | None]


def timed_out() -> None:
    raise TimedOut("read timed out")


def connection_reset() -> None:
    raise NetworkError("Connection reset by peer")


def bad_gateway() -> tuple[int, dict[str, Any]]:
    return 502, {"ok": False, "error_code": 502, "description": "Bad Gateway"}


def flood() -> tuple[int, dict[str, Any]]:
    return 429, {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 1",
        "parameters": {"retry_after": 1},
    }


def blocked() -> tuple[int, dict[str, Any]]:
    return 403, {
        "ok": False,
        "error_code": 403,
        "description": "Forbidden: bot was blocked by the user",
    }


@pytest.fixture
def no_error_logs() -> Iterator[list[logging.LogRecord]]:
    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    records: list[logging.LogRecord] = []
    handler = Collect(logging.ERROR)
    logging.getLogger().addHandler(handler)
    yield records
    logging.getLogger().removeHandler(handler)


async def members_with_pushes(bot: BotHarness, count: int) -> list[Member]:
    async with bot.session() as session:
        members = await members_with_due_pushes(session, count, first_chat=7000)
        await session.commit()
    return members


@pytest.mark.parametrize("fault", [timed_out, connection_reset, bad_gateway, flood])
async def test_transient_faults_are_retried_until_delivered(
    bot: BotHarness, fault: Fault, no_error_logs: list[logging.LogRecord]
) -> None:
    await members_with_pushes(bot, 4)
    failures = itertools.count()

    def hook(method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]] | None:
        # The first two sends of every chat fail.
        if method == "sendMessage" and next(failures) < 8:
            return fault()
        return None

    bot.api.fault_hook = hook
    dispatcher = Dispatcher(bot.application.bot, session_factory_of(bot), per_chat=timedelta(0))
    now = datetime.now(UTC)
    for round_ in range(8):
        await dispatcher.dispatch_once(now + timedelta(hours=round_))
        await asyncio.sleep(0)
    sent = [c.chat_id or 0 for c in bot.api.calls if c.method == "sendMessage"]
    assert sorted(sent) == [7000, 7001, 7002, 7003], "each delivered once"
    async with bot.session() as session:
        statuses = dict(
            (
                await session.execute(
                    select(ReminderOutbox.status, func.count()).group_by(ReminderOutbox.status)
                )
            ).all()
        )
    assert statuses == {"sent": 4}
    assert not no_error_logs


async def test_a_member_who_blocked_the_bot_is_marked_and_stopped(bot: BotHarness) -> None:
    members = await members_with_pushes(bot, 2)
    blocked_chat = members[0].chat_id
    bot.api.fault_hook = lambda method, params: (
        blocked() if method == "sendMessage" and int(params["chat_id"]) == blocked_chat else None
    )
    dispatcher = Dispatcher(bot.application.bot, session_factory_of(bot), per_chat=timedelta(0))
    await dispatcher.dispatch_once(datetime.now(UTC))
    async with bot.session() as session:
        first = await session.get(Member, members[0].id)
        row = await session.scalar(
            select(ReminderOutbox).where(ReminderOutbox.member_id == members[0].id)
        )
    assert first is not None and not first.active
    assert row is not None and row.status == "failed" and "Forbidden" in (row.last_error or "")
    assert [c.chat_id for c in bot.api.calls if c.method == "sendMessage"] == [members[1].chat_id]


def session_factory_of(bot: BotHarness) -> Any:
    from storage.engine import session_factory

    return session_factory(bot.engine)


async def test_editing_a_message_that_is_gone_says_it_anew(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 华东电力设计院")
    message, button = wang.find_button("新建")
    bot.api.forget(wang.chat_id, message["message_id"])  # deleted in the app
    reply = await wang.press_data(button["callback_data"], message)
    assert [c.method for c in reply.calls].count("sendMessage") == 1
    assert "✅ 已新建客户。" in reply.text


async def test_pressing_the_same_button_twice_is_not_an_error(
    bot: BotHarness, no_error_logs: list[logging.LogRecord]
) -> None:
    wang = bot.user("王磊")
    await wang.send("/language")
    message, _button = wang.find_button("简体中文")
    await wang.press("简体中文")
    # The same button again on the same message: Telegram answers "message is not modified".
    again = await wang.press_data(callbacks.language("zh_Hans"), message)
    assert "菜单已更新。" in again.text  # the edit was a no-op, the rest went on
    edits = [c for c in bot.api.calls if c.method == "editMessageText"]
    assert len(edits) == 1, "the second edit was refused, and that was fine"
    assert not no_error_logs


async def test_many_reps_saving_at_once_on_sqlite(
    bot: BotHarness, no_error_logs: list[logging.LogRecord]
) -> None:
    reps = [bot.user(f"代表{n}") for n in range(12)]

    async def capture(n: int) -> None:
        rep = reps[n]
        await rep.send(f"今天拜访了第{n}号电力公司的王总,下周五跟进报价")
        await rep.press("保存")

    await asyncio.gather(*(capture(n) for n in range(12)))
    # Replies interleave between reps, so the archive is the witness: everything was saved.
    assert await bot.scalar(select(func.count()).select_from(Customer)) == 12
    assert await bot.scalar(select(func.count()).select_from(FollowUp)) == 12
    saved = [c.text for c in bot.api.calls if c.text.startswith("✅ 已保存到")]
    assert len(saved) == 12
    assert not no_error_logs
