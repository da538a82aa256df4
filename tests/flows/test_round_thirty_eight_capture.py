"""Round thirty-eight through the real Application: a leader's days listed under his name are
saved as his trips with no reminders of the rep's; a plan list headed 下周 puts its bare days in
that week; an hour agreed a line later in a stamped chat is the reminder's hour; a meeting's
day corrected (是周二不是周三) leaves one reminder and no visit today."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import time_machine
from sqlalchemy import select

from storage.models import FollowUp, Interaction, Itinerary
from tests.conftest import BotHarness

SH = ZoneInfo("Asia/Shanghai")
SUNDAY = datetime(2026, 12, 6, 10, 0, tzinfo=SH)
MONDAY = datetime(2026, 12, 7, 9, 0, tzinfo=SH)


async def test_a_leaders_days_listed_under_his_name_are_his_trips(bot: BotHarness) -> None:
    with time_machine.travel(MONDAY, tick=False):
        wang = bot.user("王磊")
        card = await wang.send(
            "西电集团王董本周日程\n12/8 深圳 客户拜访\n12/10 香港 签约\n12/11 返回"
        )
        assert "深圳" in card.text and "香港" in card.text
        assert "商机" not in card.text  # (his signing that day is no deal of the rep's)
        await wang.press("保存")
        trips = list(await bot.scalars(select(Itinerary).order_by(Itinerary.starts_on)))
        assert [(t.place, t.starts_on, t.ends_on) for t in trips] == [
            ("深圳", date(2026, 12, 8), date(2026, 12, 8)),
            ("香港", date(2026, 12, 10), date(2026, 12, 11)),
        ]
        assert list(await bot.scalars(select(FollowUp))) == []


async def test_a_plan_list_headed_next_week_is_next_weeks(bot: BotHarness) -> None:
    with time_machine.travel(MONDAY, tick=False):
        wang = bot.user("王磊")
        card = await wang.send("下周计划：周一拜访格力；周三下午3点技术交流")
        assert "12月14日(周一)" in card.text
        await wang.press("保存")
        tasks = list(await bot.scalars(select(FollowUp).order_by(FollowUp.due_date)))
        assert [(t.due_date, t.text) for t in tasks] == [
            (date(2026, 12, 14), "拜访格力"),
            (date(2026, 12, 16), "技术交流"),
        ]
        assert list(await bot.scalars(select(Interaction))) == []


async def test_an_hour_agreed_a_line_later_in_a_stamped_chat(bot: BotHarness) -> None:
    with time_machine.travel(SUNDAY, tick=False):
        wang = bot.user("王磊")
        card = await wang.send(
            "[14:02] 邓科: 周四可以，你们过来吧\n[14:05] 我: 好的邓科，几点方便？\n"
            "[14:20] 邓科: 那就3点吧，到了给我打电话\n[14:21] 我: 收到\n（深圳地铁集团 邓科长）"
        )
        assert "12月10日(周四)" in card.text and "15:00" in card.text
        await wang.press("保存")
        task = await bot.scalar(select(FollowUp))
        assert task.due_date == date(2026, 12, 10)
        assert task.due_at is not None and task.due_at.astimezone(SH).time() == time(15, 0)


async def test_a_meetings_day_corrected_leaves_one_reminder_and_no_visit(bot: BotHarness) -> None:
    with time_machine.travel(SUNDAY, tick=False):
        wang = bot.user("王磊")
        await wang.send("记错了，跟万科王经理见面是周二不是周三")
        await wang.press("保存")
        tasks = list(await bot.scalars(select(FollowUp)))
        assert [(t.due_date, t.text) for t in tasks] == [(date(2026, 12, 8), "跟王经理见面")]
        assert list(await bot.scalars(select(Interaction))) == []
