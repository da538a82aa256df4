"""Round twenty-nine through the real Application (Monday 23 November 2026, 10:00): an hour
corrected after the task said with it is the reminder's hour; a habit said before a spoken pause
keeps the rep's task after it; the rep's day at a place is no leader's trip; a customer the rep
has just come out of is the customer; a card's name of a surname that is a word as often keeps
its numbers."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from storage.models import Contact, Customer, FollowUp, Interaction, Itinerary
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")

SH = ZoneInfo("Asia/Shanghai")


async def test_an_hour_corrected_after_its_task(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send(
        "嗯那个提醒一下礼拜四上午十点去东丽航材跟那个蒯经里见面讲方案哦不是十点是十点半"
    )
    assert "10:30" in card.text
    await wang.press("保存")
    task = await bot.scalar(select(FollowUp))
    assert task.due_date == date(2026, 11, 26)
    assert task.due_at == datetime(2026, 11, 26, 10, 30, tzinfo=SH)
    assert "哦不是" not in task.text


async def test_a_habit_before_a_pause_keeps_the_task(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("今天见了美菱的那个宁经理 他说他们每周一开例会 下周四我再过去一趟送合同")
    assert "⏰" in card.text
    await wang.press("保存")
    task = await bot.scalar(select(FollowUp))
    assert task.due_date == date(2026, 12, 3)


async def test_the_reps_day_at_a_place_is_no_trip(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("今天在攀枝花的西南钒钛机修厂，和兀厂长谈了破碎机锤头的磨损")
    await wang.press("保存")
    assert await bot.count(Itinerary) == 0
    done = [(i.kind, i.occurred_at.date()) for i in await bot.scalars(select(Interaction))]
    assert done == [("visit", date(2026, 11, 23))]


async def test_the_customer_just_left(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("刚从马钢出来 见了设备部的伍部长 他对方案挺满意")
    assert "刚从" not in card.text
    await wang.press("保存")
    assert [c.name for c in await bot.scalars(select(Customer))] == ["马钢"]


async def test_a_cards_name_of_a_word_surname(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send(
        "舟山定海远洋渔业有限公司\n副总经理\n羊立新\nTel：0580-2201 8876\nMob：13905801234"
    )
    assert "羊立新" in card.text and "👤 ?" not in card.text
    await wang.press("保存")
    contact = await bot.scalar(select(Contact))
    assert (contact.name, contact.title) == ("羊立新", "副总经理")
    assert "13905801234" in contact.phones
