"""Logs an operator can read and that carry nothing a rep typed (#17 Must-have 4, #13 #6)."""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from telegram import Update
from telegram.ext import CallbackContext, Job

from bot.errors import on_error
from bot.local_api import LocalClient, Reply
from bot.logs import scrub, setup_logging
from tests.conftest import BotHarness

NOTE = (
    "今天拜访了华东电力设计院的王建国局长,他微信 wangjianguo88,手机13812345678,"
    "生日是1968年农历三月初八,喜欢话剧,女儿王小雨在复旦读书。下周五再跟进报价"
)
SECRETS = (
    "华东电力",
    "王建国",
    "wangjianguo88",
    "13812345678",
    "1968",
    "三月初八",
    "话剧",
    "王小雨",
)


@pytest.fixture
def debug_log() -> Iterator[io.StringIO]:
    """The bot's own logging at LOG_LEVEL=DEBUG, written to a string; restored after."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    levels = {name: logging.getLogger(name).level for name in logging.root.manager.loggerDict}
    stream = io.StringIO()
    setup_logging(logging.DEBUG, stream)
    try:
        yield stream
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


class QueuedClient(LocalClient):
    """Updates through the update queue, as polling and the webhook deliver them (that is
    where PTB writes "Processing update …")."""

    async def _process(self, update: dict[str, Any]) -> Reply:
        application = self.application
        first = len(self.api.calls)
        await application.update_queue.put(Update.de_json(update, application.bot))
        for _ in range(1000):
            await asyncio.sleep(0.01)
            idle = application.update_processor.current_concurrent_updates == 0
            if idle and application.update_queue.empty() and len(self.api.calls) > first:
                break
        return Reply(self.api.calls[first:])


async def test_a_whole_flow_at_debug_writes_no_customer_data(
    bot: BotHarness, debug_log: io.StringIO
) -> None:
    await bot.application.start()
    rep = QueuedClient(bot.application, bot.api, bot.user("王磊").user)
    await rep.send("/start")
    await rep.send(NOTE)
    await rep.press("保存")
    await rep.send("/find 华东电力")
    await rep.send("/today")
    await bot.application.stop()
    written = debug_log.getvalue()
    assert "Processing update" in written  # PTB's lines are there, at DEBUG
    assert "Update(update_id=" in written  # as the update's kind and ids
    leaked = [secret for secret in SECRETS if secret in written]
    assert not leaked, leaked


async def test_a_failed_job_is_named(bot: BotHarness, caplog: pytest.LogCaptureFixture) -> None:
    async def planner(_context: object) -> None:
        return None

    job = Job(planner, name="planner")
    context = CallbackContext.from_job(job, bot.application)
    context.error = RuntimeError("the database went away")
    with caplog.at_level(logging.ERROR):
        await on_error(None, context)
    assert "job 'planner' failed" in caplog.text
    assert "update None" not in caplog.text


@pytest.mark.parametrize(
    "line",
    [
        "2026-12-01 20:42:19,123 INFO apscheduler.scheduler: Next wakeup is due at "
        "2026-12-01 20:42:21.456+00:00 (in 1.99 seconds)",
        'Job "planner (trigger: interval[0:00:20], next run at: 2026-12-01 20:42:39 UTC)"',
        "update 123456789 (Update) failed",
        "push 17 could not be sent",
        "member 42 blocked the bot; their pushes stop",
        "Selecting conversation (5001, 5001) with state 2",
    ],
)
def test_timestamps_and_ids_stay_readable(line: str) -> None:
    assert scrub(line) == line


@pytest.mark.parametrize(
    ("line", "hidden"),
    [
        ("手机 13812345678 已记下", "13812345678"),
        ("tel +86 138 1234 5678", "138 1234 5678"),
        ("座机 021-12345678", "12345678"),
        ("push 17 refused: chat 13812345678", "13812345678"),
        ("user 13812345678", "13812345678"),
        ("生日 1985-03-05", "1985-03-05"),
        ("生日3月5日", "3月5日"),
        ("农历三月初八", "三月初八"),
        ("微信 wangjianguo88", "wangjianguo88"),
        ("wechat: Li_Lei-2024x", "Li_Lei-2024x"),
    ],
)
def test_phones_wechat_ids_and_birthdays_never_appear(line: str, hidden: str) -> None:
    assert hidden not in scrub(line)


def test_apscheduler_runs_are_not_logged_at_info() -> None:
    stream = io.StringIO()
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        setup_logging(logging.INFO, stream)
        logging.getLogger("apscheduler.executors.default").info('Running job "dispatcher"')
        logging.getLogger("apscheduler.executors.default").warning("Run time of job was missed")
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
        logging.getLogger("apscheduler").setLevel(logging.NOTSET)
    assert "Running job" not in stream.getvalue()
    assert "was missed" in stream.getvalue()


class _Stub:
    def __init__(self, stats: object) -> None:
        self.stats = stats

    async def drain(self) -> object:
        return self.stats

    async def run(self) -> object:
        return self.stats


async def test_a_scheduler_run_writes_one_info_line_only_when_it_did_something(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from scheduler.dispatcher import DispatchStats
    from scheduler.jobs import Scheduler

    idle = Scheduler(_Stub(None), _Stub(DispatchStats()))  # type: ignore[arg-type]
    busy = Scheduler(_Stub(None), _Stub(DispatchStats(claimed=3, sent=2, retried=1)))  # type: ignore[arg-type]
    with caplog.at_level(logging.INFO, logger="scheduler.jobs"):
        for _ in range(5):
            await idle.dispatch(None)  # type: ignore[arg-type]
        assert caplog.records == []
        await busy.dispatch(None)  # type: ignore[arg-type]
    assert [r.getMessage() for r in caplog.records] == [
        "dispatched: 2 sent, 1 to retry, 0 failed, 0 cancelled"
    ]
