"""Round forty-six through the real Application: a leader's next legs told by his secretary are
no reminders of the rep's; a colleague of the rep's named again by his titled form is no
contact; a chat's line holding only the hour gives no reminder of its own; a plan brought
forward keeps only its new day."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine
from sqlalchemy import select

from storage.models import Contact, FollowUp
from tests.conftest import BotHarness

SH = ZoneInfo("Asia/Shanghai")


async def test_a_leaders_next_legs_are_his(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 1, 7, 16, 20, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        await wang.send(
            "今天去中天科技送资料，薛董不在，他秘书说薛董下周一去北京，下周三从北京去深圳见客户。"
            "下周五前再打电话问秘书反馈。"
        )
        await wang.press("保存")
        (task,) = list(await bot.scalars(select(FollowUp)))
        assert task.due_date == date(2026, 1, 16)


async def test_a_titled_colleague_named_again_is_no_contact(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 12, 14, 10, 0, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        card = await wang.send(
            "周六跟我们大区的钱总去了一趟正大集团，见了饲料事业部的邬总和他的助理小樊。"
            "钱总承诺月底前给正大出一版年度框架报价。"
        )
        assert "钱总" not in card.text.split("⏰")[0]
        await wang.press("保存")
        names = sorted(c.salutation or "" for c in await bot.scalars(select(Contact)))
        assert names == ["小樊", "邬总"]


async def test_a_chat_line_holding_only_the_hour_is_no_reminder(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 2, 27, 16, 0, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        await wang.send(
            "泉州市水务局 王局\n王局：下周三上午九点，你直接来局里\n15:40\n"
            "我：好的王局，下周三九点准时到"
        )
        await wang.press("保存")
        (task,) = list(await bot.scalars(select(FollowUp)))
        assert task.due_at is not None
        assert task.due_at.astimezone(SH) == datetime(2026, 3, 4, 9, 0, tzinfo=SH)


async def test_a_plan_brought_forward_keeps_only_its_new_day(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 1, 27, 10, 15, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        await wang.send(
            "九州通医药的签约提前到明天上午十点，原定是下周一。采购部许经理刚打电话通知的。"
        )
        await wang.press("保存")
        (task,) = list(await bot.scalars(select(FollowUp)))
        assert task.due_at is not None
        assert task.due_at.astimezone(SH) == datetime(2026, 1, 28, 10, 0, tzinfo=SH)
