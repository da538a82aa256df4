"""A 会谈纪要 must say something (tryout #11): an emoji, punctuation or one word repeated is
refused with a line that says what to write, nothing is saved, and the next text is taken."""

from __future__ import annotations

import pytest
import time_machine
from sqlalchemy import select

from storage.cycle import MeetingMinutes
from tests.builders import NOW, at, make_team
from tests.conftest import BotHarness
from tests.flows.test_visit_cycle import customer_of, visit

REFUSED = "这不像会谈纪要:请用至少 6 个字写下谈了什么、对方的意见、约定的下一步。(/cancel 放弃)"


@pytest.mark.parametrize(
    "nonsense", ["😀", "😀😀😀😀😀😀😀😀", "。。。。。。", "哈哈哈哈哈哈", "123456", "好"]
)
async def test_an_emoji_is_no_meeting_summary(bot: BotHarness, nonsense: str) -> None:
    with time_machine.travel(NOW, tick=False):
        team = await make_team(bot)
        vanke = await customer_of(bot, team.wang, "万科")
        await visit(bot, team.wang, vanke, at(12, 2, 10))
        await team.wang.send("/minutes")
        await team.wang.press("写纪要 1")

        reply = await team.wang.send(nonsense)
        assert reply.text == REFUSED
        [minutes] = await bot.scalars(select(MeetingMinutes))
        assert minutes.text is None and minutes.written_at is None

        reply = await team.wang.send("张总同意二期方案,下一步:下周三前发报价。")
        assert "✅ 已保存万科 12月2日的拜访的会谈纪要(按时)" in reply.text
    [minutes] = await bot.scalars(select(MeetingMinutes))
    assert minutes.text == "张总同意二期方案,下一步:下周三前发报价。"
