"""Round thirty-six through the real Application: a weekly report pasted on Saturday records
the week gone by and keeps next week's plan as tasks; what the customer wants from us by a day
is a reminder, and the customer's own books are none; a person and a phone's tail corrected
mid-note are saved corrected; an evening's hour moved is the hour reminded of."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine
from sqlalchemy import select

from storage.models import Contact, FollowUp, Interaction
from tests.conftest import BotHarness

SH = ZoneInfo("Asia/Shanghai")


async def test_a_weekly_report_pasted_on_saturday(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 12, 5, 10, 0, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        card = await wang.send(
            "本周工作总结:\n1. 周一拜访万科李总,介绍新产品\n2. 周三电话跟进华为赵工测试进度\n"
            "3. 周四和美的刘经理吃饭\n下周计划:\n1. 周二去碧桂园送样\n2. 周四给格力报价"
        )
        assert "12月3日(周四)" in card.text  # (Thursday's dinner, gone by — not next week's)
        await wang.press("保存")
        meal = await bot.scalar(select(Interaction))
        assert meal.kind == "meal"
        assert meal.occurred_at.astimezone(SH).date() == date(2026, 12, 3)
        tasks = list(await bot.scalars(select(FollowUp).order_by(FollowUp.due_date)))
        assert [t.due_date for t in tasks] == [date(2026, 12, 8), date(2026, 12, 10)]


async def test_what_they_want_from_us_and_their_own_books(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 12, 5, 10, 0, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        await wang.send(
            "拜访了中粮罗经理，他说他们的采购系统月底关账，下周二之前要我们把方案发过去"
        )
        await wang.press("保存")
        tasks = list(await bot.scalars(select(FollowUp)))
        assert [(t.due_date, t.text) for t in tasks] == [(date(2026, 12, 8), "把方案发过去")]


async def test_a_person_and_a_phone_tail_corrected(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 10, 10, 19, 30, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        card = await wang.send(
            "今天见了海尔周工——不是周工，是吴工，聊了备件。吴工手机幺三幺 五幺零二 八八三六 哦后四位不对 是八六三六"
        )
        assert "周工" not in card.text
        await wang.press("保存")
        people = list(await bot.scalars(select(Contact)))
        assert [(p.name, p.phones) for p in people] == [("吴工", ["13151028636"])]


async def test_an_evenings_hour_moved(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 12, 5, 10, 0, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        card = await wang.send("明晚请恒瑞姚经理吃饭,地点改到海底捞,时间七点改到七点半")
        assert "19:30" in card.text
        await wang.press("保存")
        task = await bot.scalar(select(FollowUp))
        assert task.due_at.astimezone(SH) == datetime(2026, 12, 6, 19, 30, tzinfo=SH)
