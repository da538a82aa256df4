"""The handler-side items of tryout 16 (Thursday 3 December 2026, 21:20; a new rep and a manager
in the local chat): a festival typed at 🔍 查找 is searched, not made a reminder; /visit's 见了谁?
reads a person named with a department (戴总和物资部的钱科长); /plan's 拜见 ends at the comma."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from sqlalchemy import select

from storage.models import FollowUp
from tests.conftest import BotHarness

NOW = datetime(2026, 12, 3, 21, 20, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def thursday_night() -> Iterator[time_machine.Traveller]:
    """Thursday 3 December 2026, 21:20 in Shanghai."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.mark.parametrize("word", ["中秋", "月底"])
async def test_a_festival_typed_at_search_is_searched_not_made_a_reminder(
    bot: BotHarness, word: str
) -> None:
    li = bot.user("李明")
    await li.send("中交二航局戴总说中秋礼品他们很喜欢")
    await li.press("保存")
    await li.send("🔍 查找")
    found = await li.send(word)
    assert "已退出查找" not in found.text and "确认保存吗" not in found.text
    assert "⏰ 跟进" not in found.text
    if word == "中秋":
        assert "🏢 中交二航局" in found.buttons
    else:
        assert "没找到和「月底」相关的客户" in found.text
    assert await bot.scalars(select(FollowUp.id)) == []
