"""Round forty-five through the real Application: a leader's trip told by his assistant is no
reminder of the rep's; a colleague who goes along is no contact and his errand no reminder; a
plan called off with no new day saves nothing to remind; a visit put right to the day before is
logged on that day."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine
from sqlalchemy import select

from storage.models import Contact, FollowUp, Interaction
from tests.conftest import BotHarness

SH = ZoneInfo("Asia/Shanghai")


async def test_a_leaders_trip_told_by_his_assistant_is_his(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 12, 9, 16, 30, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        await wang.send(
            "李总的助理陈姐告诉我：李总明天去上海，周六从上海去杭州，下周二回公司。我下周三上午去拜访"
        )
        await wang.press("保存")
        (task,) = list(await bot.scalars(select(FollowUp)))
        assert task.due_at is not None
        assert task.due_at.astimezone(SH).date() == date(2026, 12, 16)


async def test_a_colleague_who_goes_along_is_ours(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 12, 17, 17, 0, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        card = await wang.send(
            "下午小刘和我一起在公司接待了宁波银行的俞行长。下周一小刘发技术资料，我下周二去宁波回访。"
        )
        assert "小刘" not in card.text.split("⏰")[0]
        await wang.press("保存")
        names = [c.salutation for c in await bot.scalars(select(Contact))]
        assert names == ["俞行长"]
        (task,) = list(await bot.scalars(select(FollowUp)))
        assert task.due_date == date(2026, 12, 22)


async def test_a_dinner_called_off_leaves_nothing_to_remind(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 12, 10, 20, 0, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        card = await wang.send("明晚和九阳的常总吃饭的事黄了，常总家里有事，下次再说。")
        assert "⏰" not in card.text
        await wang.press("保存")
        assert list(await bot.scalars(select(FollowUp))) == []


async def test_a_visit_put_right_to_yesterday_is_yesterdays(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 12, 12, 10, 0, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        await wang.send(
            "今天上午去恒大见了林总，哦说错了，是昨天下午，他说月底前定，我下周五再问一下"
        )
        await wang.press("保存")
        (visit,) = list(await bot.scalars(select(Interaction)))
        assert visit.occurred_at.astimezone(SH).date() == date(2026, 12, 11)
        (task,) = list(await bot.scalars(select(FollowUp)))
        assert task.due_date == date(2026, 12, 18)
