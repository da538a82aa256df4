"""Round forty through the real Application: a leader's days pasted under a heading that names
the days they span are saved as his trips, not the rep's reminders; an hour agreed on a chat
line of its own is the reminder's hour; a call reporting a deadline moved is a call made today
(the quote due by the new day is not read yet: README, round forty)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import time_machine
from sqlalchemy import select

from storage.models import FollowUp, Interaction, InteractionKind, Itinerary
from tests.conftest import BotHarness

SH = ZoneInfo("Asia/Shanghai")
FRIDAY_EVENING = datetime(2026, 11, 6, 19, 0, tzinfo=SH)


async def test_a_leaders_days_headed_by_the_days_they_span(bot: BotHarness) -> None:
    with time_machine.travel(FRIDAY_EVENING, tick=False):
        wang = bot.user("王磊")
        card = await wang.send(
            "海丰国际 庞总11月9日-11月15日：\n9日（一）上午 集团会，下午 见客户\n"
            "10日（二）—12日（四）新加坡 考察，12日晚返回\n13日（五）在公司\n"
            "我的计划：13日下午去拜访庞总；周三前给程主任发材料"
        )
        assert "新加坡" in card.text
        await wang.press("保存")
        trips = list(await bot.scalars(select(Itinerary)))
        assert [(t.place, t.starts_on, t.ends_on) for t in trips] == [
            ("新加坡", date(2026, 11, 10), date(2026, 11, 12))
        ]
        # (his 集团会 and 见客户 on the 9th are his own day, no reminder of the rep's)
        tasks = list(await bot.scalars(select(FollowUp).order_by(FollowUp.due_date)))
        assert [t.due_date for t in tasks] == [date(2026, 11, 11), date(2026, 11, 13)]


async def test_an_hour_agreed_on_a_chat_line_of_its_own(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2027, 12, 30, 16, 20, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        card = await wang.send(
            "青岛市市立医院 宫主任\n宫主任：下周二上午开评审会 需要你们现场答辩\n"
            "宫主任：时间待定\n宫主任：定了 上午九点半\n我：收到宫主任"
        )
        assert "09:30" in card.text
        await wang.press("保存")
        (task,) = list(await bot.scalars(select(FollowUp)))
        assert task.due_date == date(2028, 1, 4)
        assert task.due_at is not None and task.due_at.astimezone(SH).time() == time(9, 30)


async def test_a_call_reporting_a_deadline_moved_is_a_call_made(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 9, 15, 19, 20, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        await wang.send("蓝思科技的报价截止时间本来是周五，万经理刚打电话说提前到周四中午12点。")
        await wang.press("保存")
        kinds = [i.kind for i in await bot.scalars(select(Interaction))]
        assert kinds == [InteractionKind.CALL]
