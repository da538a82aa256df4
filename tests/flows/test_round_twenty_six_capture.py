"""Round twenty-six through the real Application (Monday 23 November 2026, 10:00): 昨天礼拜天
is the Sunday just gone, with no reminder for the next one; a colleague's errand is no reminder
of the rep's; the last Friday before 春节 is counted back from the festival; a dictated note's
kind of place then its name after 叫 saves the customer by its name."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from storage.models import Customer, FollowUp, Interaction
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")


async def test_yesterday_named_with_its_weekday_is_one_day_gone(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("昨天礼拜天微信上跟敦煌鸣沙文旅的宇文经理对了一下舞台灯光")
    assert "⏰" not in card.text  # 礼拜天 is yesterday said again, not next Sunday
    await wang.press("保存")
    chat = await bot.scalar(select(Interaction))
    assert chat.occurred_at.date() == date(2026, 11, 22)
    assert await bot.count(FollowUp) == 0


async def test_a_colleagues_errand_is_not_the_reps(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("小张负责周三把标书送过去，我周四跟万科的戴处长确认收到没有")
    assert "标书送过去" not in card.text
    await wang.press("保存")
    task = await bot.scalar(select(FollowUp))
    assert (task.due_date, task.text) == (date(2026, 11, 26), "跟戴处长确认收到没有")
    assert await bot.count(FollowUp) == 1


async def test_the_last_friday_before_the_festival(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("春节前最后一个礼拜五去一趟永新化工把合同拿回来")
    await wang.press("保存")
    task = await bot.scalar(select(FollowUp))
    assert task.due_date == date(2027, 2, 5)  # 春节 2027 is Saturday 6 February


async def test_the_name_said_after_the_kind_of_place(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send(
        "嗯刚才去了那个金昌的那个镍材厂叫金昌鑫源镍材嗯见了财务部的伍科长对了上半年的账"
    )
    assert "金昌鑫源镍材" in card.text
    await wang.press("保存")
    assert [c.name for c in await bot.scalars(select(Customer))] == ["金昌鑫源镍材"]
