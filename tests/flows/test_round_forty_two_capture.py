"""Round forty-two through the real Application: a plan moved along a chain of arrows leaves one
reminder on its last day; a chat pasted from the team's own group keeps its stamps out of the
hours and logs no contact with a customer; the hour said after the part of the day is the
reminder's hour."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import time_machine
from sqlalchemy import select

from storage.models import FollowUp, Interaction
from tests.conftest import BotHarness

SH = ZoneInfo("Asia/Shanghai")


async def test_a_plan_moved_along_arrows_leaves_one_reminder(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 5, 18, 14, 0, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        card = await wang.send("和小鹏汽车的约：下周二→下周四→最后定在下下周一上午，会议室他们订。")
        assert "6月1日" in card.text
        await wang.press("保存")
        tasks = list(await bot.scalars(select(FollowUp)))
        assert [t.due_date for t in tasks] == [date(2026, 6, 1)]
        assert list(await bot.scalars(select(Interaction))) == []


async def test_the_teams_own_chat_keeps_its_stamps_out_of_the_hours(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 3, 13, 9, 20, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        card = await wang.send(
            "销售二部群\n张经理 08:55：@所有人 下周三上午10点，吉利汽车采购中心来公司考察，小李负责接待\n"
            "李明（我） 08:58：收到\n张经理 09:01：小李，周二之前把展厅布置好"
        )
        # (the stamps 08:58 and 09:01 are when the lines were sent, no hours to act at)
        assert "3月18日(周三) 10:00" in card.text
        assert card.text.count("⏰") == 2
        await wang.press("保存")
        tasks = sorted(await bot.scalars(select(FollowUp)), key=lambda t: t.due_date)
        assert [t.due_date for t in tasks] == [date(2026, 3, 17), date(2026, 3, 18)]
        assert tasks[1].due_at is not None
        assert tasks[1].due_at.astimezone(SH).time() == time(10, 0)
        assert list(await bot.scalars(select(Interaction))) == []


async def test_the_hour_said_after_the_part_of_the_day(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 7, 13, 9, 0, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        card = await wang.send(
            "苏宁 孙总秘书电话里说：孙总这周四在南京开董事会，周五上午可以在北京见我们半小时，十点。"
        )
        assert "10:00" in card.text
        await wang.press("保存")
        (task,) = list(await bot.scalars(select(FollowUp)))
        assert task.due_date == date(2026, 7, 17)
        assert task.due_at is not None and task.due_at.astimezone(SH).time() == time(10, 0)
