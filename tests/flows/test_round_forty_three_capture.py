"""Round forty-three through the real Application: a leader's later legs said after commas are
his, not the rep's reminders; a meeting brought forward leaves one reminder on its new day; an
evening meal written up after midnight is logged on the evening just gone; the rep's regional
manager who went along is no contact of the customer's."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine
from sqlalchemy import select

from storage.models import Contact, FollowUp, Interaction, InteractionKind
from tests.conftest import BotHarness

SH = ZoneInfo("Asia/Shanghai")


async def test_a_leaders_later_legs_are_no_reminders(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 3, 18, 17, 0, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        card = await wang.send("中铁十四局任局长 下周一到周三在济南开会，周四去青岛，周五回局里")
        assert "⏰" not in card.text
        await wang.press("保存")
        assert list(await bot.scalars(select(FollowUp))) == []
        # (the rep's words are kept as a note; no visit, call or meal is logged)
        kinds = [i.kind for i in await bot.scalars(select(Interaction))]
        assert kinds == [InteractionKind.NOTE]


async def test_a_meeting_brought_forward_is_reminded_on_its_new_day(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 2, 2, 10, 0, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        card = await wang.send("本周五的技术交流提前到周四，三峡集团")
        assert "2月5日" in card.text
        assert "2月6日" not in card.text
        await wang.press("保存")
        (task,) = list(await bot.scalars(select(FollowUp)))
        assert task.due_date == date(2026, 2, 5)
        assert "技术交流" in task.text
        assert list(await bot.scalars(select(Interaction))) == []


async def test_an_evening_meal_written_after_midnight_is_last_evenings(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 8, 15, 0, 40, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        await wang.send(
            "晚上和国家电网苏州供电公司的周科长吃烧烤，顺便把样品给他了。他说下周二开会讨论，结果出来告诉我"
        )
        await wang.press("保存")
        (meal,) = list(await bot.scalars(select(Interaction)))
        assert meal.kind == InteractionKind.MEAL
        assert meal.occurred_at.astimezone(SH).date() == date(2026, 8, 14)
        assert list(await bot.scalars(select(FollowUp))) == []


async def test_the_reps_regional_manager_is_no_contact(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 12, 29, 14, 10, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        card = await wang.send("大区经理孙总今天上午跟我去了徐工，徐工的李部长请我们吃了午饭")
        assert "孙总" not in card.text
        await wang.press("保存")
        names = [c.salutation for c in await bot.scalars(select(Contact))]
        assert names == ["李部长"]
