"""Round twenty-eight through the real Application (Monday 23 November 2026, 10:00): a card's
spaced name after a title written whole keeps its numbers; a trip made to a customer whose
trade word goes on (皖铜电缆材料) is a visit to it, with its rare-surnamed buyer; a day corrected
at once in dictation is the reminder's day; English glued to Chinese (今天lunch请了…) is a meal;
a past day opening the sentence dates the contact."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from storage.models import Contact, Customer, FollowUp, Interaction
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")


async def test_a_card_with_a_title_one_space_before_the_spaced_name(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send(
        "宁夏银川塞上明珠乳业有限公司\n质量管理部\n经理 鄂 晓 燕\n手机/微信：15109 613 247"
    )
    assert "鄂晓燕" in card.text and "👤 ?" not in card.text
    await wang.press("保存")
    contact = await bot.scalar(select(Contact))
    assert (contact.name, contact.title) == ("鄂晓燕", "经理")
    assert "15109613247" in contact.phones


async def test_a_trip_to_a_customer_named_whole(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("今天跑了趟铜陵的皖铜电缆材料，采购部笪经理说年后的量比去年多两成")
    assert "皖铜电缆材料" in card.text
    await wang.press("保存")
    assert [c.name for c in await bot.scalars(select(Customer))] == ["皖铜电缆材料"]
    assert [c.salutation for c in await bot.scalars(select(Contact))] == ["笪经理"]
    done = [(i.kind, i.occurred_at.date()) for i in await bot.scalars(select(Interaction))]
    assert done == [("visit", date(2026, 11, 23))]


async def test_a_day_corrected_in_dictation(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("嗯下礼拜二 哦不是 是这礼拜二 就是明天去荆总那里把茶叶罐的样品带过去")
    assert "⏰" in card.text
    await wang.press("保存")
    task = await bot.scalar(select(FollowUp))
    assert task.due_date == date(2026, 11, 24)  # tomorrow, not next week's Tuesday


async def test_english_glued_to_chinese_is_a_meal(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("今天lunch请了松山湖智联机器人的谭总，聊了AGV的integration")
    assert "⏰" not in card.text
    await wang.press("保存")
    done = [(i.kind, i.occurred_at.date()) for i in await bot.scalars(select(Interaction))]
    assert done == [("meal", date(2026, 11, 23))]
    assert await bot.count(FollowUp) == 0


async def test_a_past_day_dates_the_contract_signed(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("上周五在宏达机械和鄞经理把合同签了")
    await wang.press("保存")
    done = [(i.kind, i.occurred_at.date()) for i in await bot.scalars(select(Interaction))]
    assert done == [("visit", date(2026, 11, 20))]
