"""Round thirty-nine through the real Application: a leader's days pasted under a heading the
reader did not know (近期行程（秘书发的）：) are saved as his trips with only the rep's own line
as a reminder; a chat that moves the day under discussion saves the new day alone; a week to
come said before a visit saves a plan, not a visit today."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import time_machine
from sqlalchemy import select

from storage.models import FollowUp, Interaction, InteractionKind, Itinerary
from tests.conftest import BotHarness

SH = ZoneInfo("Asia/Shanghai")
SUNDAY = datetime(2026, 12, 6, 10, 0, tzinfo=SH)


async def test_a_leaders_days_pasted_from_his_secretary(bot: BotHarness) -> None:
    with time_machine.travel(SUNDAY, tick=False):
        wang = bot.user("王磊")
        card = await wang.send(
            "华侨城集团王董近期行程（秘书发的）：\n12.8 深圳 董事会\n12.10-12.11 香港 路演\n"
            "建议12.15以后拜访"
        )
        assert "深圳" in card.text and "香港" in card.text
        await wang.press("保存")
        trips = list(await bot.scalars(select(Itinerary).order_by(Itinerary.starts_on)))
        assert [(t.place, t.starts_on, t.ends_on) for t in trips] == [
            ("深圳", date(2026, 12, 8), date(2026, 12, 8)),
            ("香港", date(2026, 12, 10), date(2026, 12, 11)),
        ]
        tasks = list(await bot.scalars(select(FollowUp)))
        assert [t.due_date for t in tasks] == [date(2026, 12, 15)]


async def test_a_chat_that_moves_the_day_saves_the_new_one(bot: BotHarness) -> None:
    with time_machine.travel(SUNDAY, tick=False):
        wang = bot.user("王磊")
        card = await wang.send(
            "中粮油脂 彭工\n彭工 09:15\n明天下午两点来调试吧\n我 09:16\n好的彭工\n"
            "彭工 09:40\n不好意思 明天我们停产检修 改后天上午9点\n我 09:41\n收到"
        )
        assert "12月8日(周二)" in card.text and "09:00" in card.text
        await wang.press("保存")
        task = await bot.scalar(select(FollowUp))
        assert task.due_date == date(2026, 12, 8)
        assert task.due_at is not None and task.due_at.astimezone(SH).time() == time(9, 0)
        assert len(list(await bot.scalars(select(FollowUp)))) == 1


async def test_a_week_to_come_then_a_visit_is_no_visit_today(bot: BotHarness) -> None:
    with time_machine.travel(SUNDAY, tick=False):
        wang = bot.user("王磊")
        await wang.send("下周要去一趟成都，拜访通威股份的田总，具体哪天还没定。")
        await wang.press("保存")
        # (the rep's words are kept as a note; no visit is counted today)
        kinds = [i.kind for i in await bot.scalars(select(Interaction))]
        assert InteractionKind.VISIT not in kinds
        assert kinds == [InteractionKind.NOTE]
