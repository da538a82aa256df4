"""Round twenty-five through the real Application (Monday 23 November 2026, 10:00): a dictated
name spelled out character by character is saved as the contact's name with no day invented from
明天的明; a rare surname that is a word too (花经理) is a contact, while 到时总经理 names no one; a
condition's day is no follow-up; a leader's trip said in parts is one trip and no task."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from storage.models import Contact, FollowUp, Itinerary
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")


async def test_a_spelled_out_name_is_the_contact_and_no_day(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    note = "嗯今天去了洪城钢构，有个新的联系人叫做吴明华口天吴明天的明中华的华是他们工程部的经理"
    card = await wang.send(note)
    assert "吴明华" in card.text
    assert "⏰" not in card.text  # 明天的明 spells 明, it is no day
    await wang.press("保存")
    contact = await bot.scalar(select(Contact))
    assert contact.name == "吴明华"
    assert await bot.count(FollowUp) == 0


async def test_a_rare_surname_is_a_contact_and_a_word_is_not(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("今天去了义乌环球仓储，跟花经理聊了智能分拣线")
    assert "花经理" in card.text
    await wang.press("保存")
    assert [c.salutation for c in await bot.scalars(select(Contact))] == ["花经理"]
    card = await wang.send("义乌环球仓储：到时总经理会亲自来签字")
    assert "时总" not in card.text


async def test_a_conditions_day_is_no_follow_up(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("普宁南山纺织的方总放了话，如果月底前我们能把价格降到八块五，他就下单")
    assert "⏰" not in card.text
    await wang.press("保存")
    assert await bot.count(FollowUp) == 0


async def test_a_trip_said_in_parts_is_one_trip(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("崇左扶绥糖业的仰总这周四走，去云南西双版纳休假，下周二回")
    assert "✈️ 行程" in card.text and "云南西双版纳" in card.text
    assert "⏰" not in card.text
    await wang.press("保存")
    trip = await bot.scalar(select(Itinerary))
    assert (trip.place, trip.starts_on, trip.ends_on) == (
        "云南西双版纳",
        date(2026, 11, 26),
        date(2026, 12, 1),
    )
    assert await bot.count(FollowUp) == 0
