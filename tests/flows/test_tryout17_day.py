"""A working day in Shenzhen (tryout 17, second round: a rep new to CRMs, a colleague who joins,
and their manager, in the local chat). Shenzhen companies are registered as 深圳市…有限公司 and
said by their middle (迈瑞达): a note naming one so asks before making a new customer."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from sqlalchemy import select

from storage.models import Customer
from tests.conftest import BotHarness

NOW = datetime(2026, 12, 4, 17, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def friday_evening() -> Iterator[time_machine.Traveller]:
    """Friday 4 December 2026, 17:30 in Shanghai."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


async def test_a_note_naming_a_shenzhen_company_by_its_middle_asks_before_making_a_new_one(
    bot: BotHarness,
) -> None:
    chen = bot.user("陈晓峰")
    await chen.send("今天下午拜访了深圳市迈瑞达电子有限公司 见了采购部的刘经理 电话13823456789")
    await chen.press("保存")
    card = await chen.send("迈瑞达的刘经理说技术参数下周一发过来")
    assert "🏢 迈瑞达(可能是已有客户,保存时确认)" in card.text
    asked = await chen.press("保存")
    assert asked.buttons[0] == "是「深圳市迈瑞达电子有限公司」"
    await chen.press("是「深圳市迈瑞达电子有限公司」")
    assert [c.name for c in await bot.scalars(select(Customer))] == ["深圳市迈瑞达电子有限公司"]
