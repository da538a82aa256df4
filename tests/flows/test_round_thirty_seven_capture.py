"""Round thirty-seven through the real Application: a written record's heading gives the
visit's day and its labels the rep's own headline and outcome; a plan moved for a reason said
between leaves one reminder, on the new day; a leader's schedule pasted is saved as his trip,
its days in the office no reminders; the customer's own team day is none either."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine
from sqlalchemy import select

from storage.models import FollowUp, Interaction, Itinerary
from tests.conftest import BotHarness

SH = ZoneInfo("Asia/Shanghai")
SUNDAY = datetime(2026, 12, 6, 10, 0, tzinfo=SH)


async def test_a_written_record_keeps_its_day_and_the_reps_words(bot: BotHarness) -> None:
    with time_machine.travel(SUNDAY, tick=False):
        wang = bot.user("王磊")
        card = await wang.send(
            "拜访纪要 12月3日\n中核苏州热工院 采购部房经理\n内容：核电阀门检测方案\n"
            "结果：同意安排样机测试，价格再议"
        )
        assert "12月3日(周四)" in card.text
        await wang.press("保存")
        visit = await bot.scalar(select(Interaction))
        assert visit.occurred_at.astimezone(SH).date() == date(2026, 12, 3)
        assert (visit.summary, visit.outcome) == ("核电阀门检测方案", "同意安排样机测试")
        assert "价格再议" in (visit.note or "")  # (the rep's whole note kept beside them)


async def test_a_plan_moved_for_a_reason_leaves_one_reminder(bot: BotHarness) -> None:
    with time_machine.travel(SUNDAY, tick=False):
        wang = bot.user("王磊")
        await wang.send("约好下周一去中建三局送方案，罗经理下周一出差，改成下周二")
        await wang.press("保存")
        tasks = list(await bot.scalars(select(FollowUp)))
        assert [(t.due_date, t.text) for t in tasks] == [(date(2026, 12, 8), "去中建三局送方案")]


async def test_a_leaders_schedule_pasted_is_his_trip(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 11, 27, 10, 0, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        card = await wang.send(
            "嘉兴市水利局\n【杨局长行程 12月7日-11日】\n12月7日-8日 北京（部里开会）\n"
            "12月9日 全天在局里\n12月10日 上午局务会"
        )
        assert "北京" in card.text
        await wang.press("保存")
        trip = await bot.scalar(select(Itinerary))
        assert (trip.place, trip.starts_on, trip.ends_on, trip.purpose) == (
            "北京",
            date(2026, 12, 7),
            date(2026, 12, 8),
            "部里开会",
        )
        assert list(await bot.scalars(select(FollowUp))) == []


async def test_the_customers_own_team_day_is_no_reminder(bot: BotHarness) -> None:
    with time_machine.travel(SUNDAY, tick=False):
        wang = bot.user("王磊")
        await wang.send("给平安谢经理打了电话，她说她们部门周五团建，我下周一把方案发给她")
        await wang.press("保存")
        tasks = list(await bot.scalars(select(FollowUp)))
        assert [(t.due_date, t.text) for t in tasks] == [(date(2026, 12, 7), "把方案发给她")]
