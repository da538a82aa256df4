"""A customer's name typed in Simplified in one note and Traditional in another (华侨城 / 華僑城)
is one customer either way round: quick capture asks storage/matching.py, whose keys fold the
script, and 保存 goes straight to the customer the rep has — no question, no second customer."""

import pytest
from sqlalchemy import func, select

from storage.models import Customer, Interaction
from tests.builders import Archive, make_team, member_of
from tests.conftest import BotHarness
from tests.flows.test_same_customer import rep_with

pytestmark = pytest.mark.usefixtures("monday_morning")


async def saved_once(bot: BotHarness, name: str) -> None:
    assert list(await bot.scalars(select(Customer.name))) == [name]
    customer = await bot.scalar(select(Customer.id))
    assert list(await bot.scalars(select(Interaction.customer_id))) == [customer]


async def test_a_simplified_note_saves_to_the_customer_kept_in_traditional(bot: BotHarness) -> None:
    wang = await rep_with(bot, "華僑城")
    card = await wang.send("今天拜访了华侨城的王总")
    assert "🏢 华侨城" in card.text
    assert "新客户" not in card.text and "已有客户" not in card.text
    done = await wang.press("保存")
    assert done.text.startswith("✅ 已保存到「華僑城」。")
    await saved_once(bot, "華僑城")


async def test_a_traditional_note_saves_to_the_customer_kept_in_simplified(bot: BotHarness) -> None:
    wang = await rep_with(bot, "华侨城")
    card = await wang.send("今天拜訪了華僑城的王總")
    assert "新客户" not in card.text and "已有客户" not in card.text
    done = await wang.press("保存")
    assert done.text.startswith("✅ 已保存到「华侨城」。")
    await saved_once(bot, "华侨城")


async def test_a_colleagues_customer_in_the_other_script_is_still_theirs(bot: BotHarness) -> None:
    team = await make_team(bot)
    await Archive(bot, await member_of(bot, team.wang)).customer("華僑城")
    card = await team.zhang.send("今天拜访了华侨城的王总")
    assert "(已由 王磊 负责)" in card.text
    told = await team.zhang.press("保存")
    assert "王磊" in told.text and "不能重复建档" in told.text
    assert await bot.scalar(select(func.count()).select_from(Customer)) == 1


async def test_a_different_company_sharing_the_name_is_not_taken_for_it(bot: BotHarness) -> None:
    # near miss: 华侨大学 is another customer, in either script
    wang = await rep_with(bot, "華僑城")
    card = await wang.send("今天拜访了华侨大学的王老师")
    assert "「華僑城」" not in card.text
    await wang.press("保存")
    assert sorted(await bot.scalars(select(Customer.name))) == ["华侨大学", "華僑城"]
