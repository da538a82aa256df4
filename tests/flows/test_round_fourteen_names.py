"""A note that names one of the rep's own customers only by a bare name (万达过两天回话, 春节前 送礼
杭叉) is filed under that customer on the first 保存: the reader alone finds no company in a
telegraphic note, but the rep's customer list knows it. A colleague's customer is never named
so, a rival named as one is not the customer, and two customers named ask."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from sqlalchemy import select

from bot.local_api import LocalClient
from storage.models import Customer, FollowUp, Interaction
from tests.builders import make_team
from tests.conftest import BotHarness

NOW = datetime(2026, 12, 3, 17, 40, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def thursday_afternoon() -> Iterator[time_machine.Traveller]:
    """Thursday 3 December 2026, 17:40 in Shanghai."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


async def _customers(rep: LocalClient, *names: str) -> None:
    for name in names:
        await rep.send(f"/customer {name}")
        await rep.press("新建")


async def _customer_of(bot: BotHarness, model: type[FollowUp] | type[Interaction]) -> list[str]:
    rows = await bot.scalars(
        select(Customer.name).join(model, model.customer_id == Customer.id).order_by(model.id)
    )
    return list(rows)


async def test_a_bare_name_of_ones_customer_is_filed_under_it_on_one_press(
    bot: BotHarness,
) -> None:
    li = bot.user("李明")
    await _customers(li, "万达集团", "杭叉集团")
    card = await li.send("万达过两天回话")
    assert "🏢 万达集团" in card.text  # said on the card before saving
    saved = await li.press("保存")
    assert "✅ 已保存到「万达集团」" in saved.text
    assert await _customer_of(bot, Interaction) == ["万达集团"]
    assert await bot.scalars(select(Interaction.note)) == ["万达过两天回话"]


async def test_a_telegraphic_task_naming_the_customer_last_is_the_customers(
    bot: BotHarness,
) -> None:
    li = bot.user("李明")
    await _customers(li, "万达集团", "杭叉集团")
    card = await li.send("春节前 送礼 杭叉")
    assert "🏢 杭叉集团" in card.text
    assert "⏰ 跟进:2027年2月5日(周五) 送礼" in card.text
    assert "存为你自己的提醒" not in card.text
    saved = await li.press("保存")
    assert "✅ 已保存到「杭叉集团」" in saved.text
    assert await _customer_of(bot, FollowUp) == ["杭叉集团"]


async def test_a_colleagues_customer_is_never_named_from_the_text(bot: BotHarness) -> None:
    team = await make_team(bot)
    await _customers(team.zhang, "格林美")
    card = await team.wang.send("5天后 复测 格林美")
    assert "格林美" not in card.text.split("⏰")[0]  # no 🏢 格林美 for 王磊
    assert "⏰ 存为你自己的提醒(没有找到客户)" in card.text
    await team.wang.press("保存")
    follow_up = (await bot.scalars(select(FollowUp)))[0]
    assert follow_up.customer_id is None


async def test_a_rival_named_is_not_the_customer(bot: BotHarness) -> None:
    li = bot.user("李明")
    await _customers(li, "博超软件")
    card = await li.send("竞争对手是博超软件 下周一交方案")
    assert "⚔️ 竞争对手:博超软件" in card.text
    assert "🏢 博超软件" not in card.text


async def test_two_customers_named_ask_rather_than_guess(bot: BotHarness) -> None:
    li = bot.user("李明")
    await _customers(li, "万达集团", "杭叉集团")
    asked = await li.send("万达和杭叉都过两天回话")
    assert "📝 我没看出客户、联系人或日期。这条记录记在哪个客户名下?" in asked.text
    assert "🏢 万达集团" in asked.buttons and "🏢 杭叉集团" in asked.buttons
