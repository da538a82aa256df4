"""Round forty-one through the real Application: the next days of a leader's list relayed by his
secretary are his, and the one slot offered goes on in next week; an hour said alone after the
errand is the reminder's hour; a card pasted as labelled English fields names its company."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import time_machine
from sqlalchemy import select

from storage.models import Customer, FollowUp
from tests.conftest import BotHarness

SH = ZoneInfo("Asia/Shanghai")


async def test_a_leaders_relayed_days_leave_the_rep_one_reminder(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 7, 27, 10, 20, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        card = await wang.send(
            "中远海运戴总的助理姚小姐邮件：戴总本周三晚上飞新加坡 周五晚上回上海 "
            "下周一全天会议 周二上午可以安排半小时"
        )
        assert "8月4日" in card.text
        await wang.press("保存")
        tasks = list(await bot.scalars(select(FollowUp)))
        # (his 全天会议 next Monday is his; the half hour offered is next Tuesday's)
        assert [t.due_date for t in tasks] == [date(2026, 8, 4)]


async def test_an_hour_said_alone_after_the_errand(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 3, 16, 10, 45, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        card = await wang.send("恒力石化范总拍板 我们这个礼拜四带技术过去做交流，上午九点半")
        assert "09:30" in card.text
        await wang.press("保存")
        (task,) = list(await bot.scalars(select(FollowUp)))
        assert task.due_date == date(2026, 3, 19)
        assert task.due_at is not None and task.due_at.astimezone(SH).time() == time(9, 30)


async def test_a_card_pasted_as_labelled_english_fields(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 9, 23, 18, 30, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        card = await wang.send(
            "Name: Michael Weber\nTitle: Plant Director\n"
            "Company: Schneider Electric (China) Co., Ltd.\nMobile: +86 138 1670 2245"
        )
        assert "Schneider Electric (China) Co., Ltd." in card.text
        await wang.press("保存")
        names = [c.name for c in await bot.scalars(select(Customer))]
        assert names == ["Schneider Electric (China) Co., Ltd."]
