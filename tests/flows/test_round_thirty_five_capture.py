"""Round thirty-five through the real Application: a note written up after midnight speaks of
the evening just ended; a day or hour corrected mid-note keeps the correction; a weekly report's
本周 lines are this week's contacts and its 下周计划 the tasks; 美的 named before one of its
people is the customer, and a number corrected at once is saved corrected."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine
from sqlalchemy import select

from storage.models import Contact, Customer, FollowUp, Interaction
from tests.conftest import BotHarness

SH = ZoneInfo("Asia/Shanghai")


async def test_a_dinner_written_up_after_midnight(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2027, 6, 17, 1, 20, tzinfo=SH), tick=False):  # Thursday
        wang = bot.user("王磊")
        card = await wang.send(
            "刚到家 今天晚上跟中建八局的赵总吃的饭 他说项目基本定了 让我明天 就是周四 上午十点去他办公室签框架"
        )
        assert "吃饭:6月16日(周三)" in card.text  # (the dinner was last evening's)
        assert "今天 10:00" in card.text  # (the signing is this Thursday morning, not Friday)
        await wang.press("保存")
        meal = await bot.scalar(select(Interaction))
        assert meal.kind == "meal"
        assert meal.occurred_at.astimezone(SH).date() == date(2027, 6, 16)
        task = await bot.scalar(select(FollowUp))
        assert task.due_at.astimezone(SH) == datetime(2027, 6, 17, 10, 0, tzinfo=SH)


async def test_an_hour_corrected_mid_note(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 12, 5, 10, 0, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        card = await wang.send("明天下午3点,不对,是4点,去拜访华润刘经理")
        assert "16:00" in card.text
        await wang.press("保存")
        task = await bot.scalar(select(FollowUp))
        assert task.due_at.astimezone(SH) == datetime(2026, 12, 6, 16, 0, tzinfo=SH)
        assert task.text == "去拜访刘经理"


async def test_a_weekly_report_pasted_on_friday(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2027, 1, 15, 18, 0, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        await wang.send(
            "本周：周三电话回访长沙远大住工谭总，确认样板间进度。\n下周计划：周二去长沙拜访谭总。"
        )
        await wang.press("保存")
        call = await bot.scalar(select(Interaction))
        assert call.kind == "call"
        assert call.occurred_at.astimezone(SH).date() == date(2027, 1, 13)
        tasks = list(await bot.scalars(select(FollowUp)))
        assert [t.due_date for t in tasks] == [date(2027, 1, 19)]


async def test_midea_and_a_number_corrected(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 11, 18, 18, 0, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        card = await wang.send("今天拜访了美的何总,电话13812345678,说错了,是13812345679")
        assert "🏢 美的" in card.text
        await wang.press("保存")
        customer = await bot.scalar(select(Customer))
        assert customer.name == "美的"
        he = await bot.scalar(select(Contact))
        assert he.phones == ["13812345679"]
