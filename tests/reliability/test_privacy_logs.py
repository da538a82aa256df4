"""No phone number, WeChat id or birthday in any log line, even at DEBUG, over a full flow."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from bot.logs import setup_logging
from tests.conftest import BotHarness

PHONE, WECHAT = "13812345678", "wjg_1975"
NOTE = (
    f"今天拜访了华东电力设计院的王建国局长,手机{PHONE},微信 {WECHAT},"
    "生日是农历三月初八,他儿子5月20日生日,下周五跟进报价"
)


@pytest.fixture
def debug_log() -> Iterator[io.StringIO]:
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    stream = io.StringIO()
    setup_logging(logging.DEBUG, stream)  # the bot's own logging set-up, at its chattiest
    yield stream
    root.handlers[:] = saved_handlers
    root.setLevel(saved_level)


async def test_a_full_flow_logs_no_personal_data(bot: BotHarness, debug_log: io.StringIO) -> None:
    wang = bot.user("王磊")
    await wang.send("/start")
    await wang.send(NOTE)
    await wang.press("保存")
    await wang.send(f"/find {PHONE}")
    await wang.press("华东电力设计院")
    await wang.send(f"/find {WECHAT}")
    await wang.send("/customer 华东电力设计院")
    await wang.send("华东电力设计院王建国局长 生日 1975年5月20日")
    logged = debug_log.getvalue()
    assert len(logged.splitlines()) > 20, "DEBUG logging was on"
    for secret in (PHONE, WECHAT, "农历三月初八", "三月初八", "5月20日", "1975年5月20日"):
        assert secret not in logged, secret


async def test_the_default_level_does_not_log_every_statement(bot: BotHarness) -> None:
    """At INFO, SQLAlchemy would write each statement (several lines per query) to the log."""
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    stream = io.StringIO()
    setup_logging(logging.INFO, stream)
    try:
        wang = bot.user("王磊")
        await wang.send(NOTE)
        await wang.press("保存")
        await wang.send("/customer 华东电力设计院")
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
    assert "sqlalchemy" not in stream.getvalue()
    assert "SELECT" not in stream.getvalue()
