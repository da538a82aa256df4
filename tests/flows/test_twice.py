"""The same thing done twice is done once unless the rep says otherwise (tryout of 2026-12-02,
items 4 and 5): a note sent again is said to be the one already saved, and a second press of
↩️ 撤销删除 restores nothing more. Monday 23 November 2026, 10:00 in Shanghai."""

import asyncio

import pytest
from sqlalchemy import select

from bot.local_api import Reply
from storage.models import FollowUp, Interaction
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")

VISIT = "拜访了华东电力设计院的刘经理 谈了配电柜参数 下周一给刘经理打电话确认参数"


async def test_a_note_sent_again_is_said_and_saved_only_when_the_rep_says_so(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    await wang.send(VISIT)
    await wang.press("保存")

    await wang.send("拜访了华东电力设计院的刘经理  谈了配电柜参数\n下周一给刘经理打电话确认参数 ")
    warned = await wang.press("保存")
    assert "⚠️ 这条和 10:00 保存的记录一样。" in warned.text
    assert "⏰ 跟进:11月30日(周一) 给刘经理打电话确认参数" in warned.text  # the card, still
    assert warned.buttons == ["✅ 仍然保存", "❌ 不保存"]
    assert await bot.count(Interaction) == 1  # nothing saved before the rep chooses
    assert await bot.count(FollowUp) == 1

    dropped = await wang.press("不保存")
    assert "好的,这条没有保存。" in dropped.text
    assert (await bot.count(Interaction), await bot.count(FollowUp)) == (1, 1)

    await wang.send(VISIT)
    await wang.press("保存")
    kept = await wang.press("仍然保存")
    assert "✅ 已保存到「华东电力设计院」。" in kept.text
    assert (await bot.count(Interaction), await bot.count(FollowUp)) == (2, 2)


async def test_a_follow_up_already_open_is_said_though_the_words_differ(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    await wang.send("华电院王局 周五报价")
    await wang.press("保存")
    await wang.send("华电院王局 周五报价 记一下")  # not the same note, the same follow-up
    warned = await wang.press("保存")
    assert "⚠️ 这条和 10:00 保存的记录一样。" in warned.text
    assert await bot.count(FollowUp) == 1
    await wang.press("不保存")
    assert await bot.count(FollowUp) == 1


async def test_a_note_on_another_customer_is_no_repeat(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("拜访了华东电力设计院的刘经理 谈了配电柜参数")
    await wang.press("保存")
    await wang.send("拜访了万科的刘经理 谈了配电柜参数")
    saved = await wang.press("保存")
    assert "✅ 已保存到「万科」。" in saved.text
    assert await bot.count(Interaction) == 2


async def _deleted_visit(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send(VISIT)
    await wang.press("保存")
    await wang.send("/customer 华东电力设计院")
    await wang.press("🛠 改记录")
    visit = await bot.scalar(select(Interaction))
    await wang.press_data(f"rec:i:{visit.id}")
    await wang.press("🗑 删除")
    assert await bot.count(Interaction) == 0


async def test_two_taps_on_undo_restore_the_record_once(bot: BotHarness) -> None:
    await _deleted_visit(bot)
    wang = bot._clients[0]
    message, button = wang.find_button("↩️ 撤销删除")
    data = str(button["callback_data"])
    before = len(bot.api.calls)
    await asyncio.gather(wang.press_data(data, message), wang.press_data(data, message))
    # Each press is answered once; the two replies overlap in time, so read the calls made.
    answers = Reply(bot.api.calls[before:]).callback_answers
    assert sorted(answers) == ["已撤销删除。", "已经撤销过了"]
    assert await bot.count(Interaction) == 1
    # The restored visit's follow-up is its own again.
    visit = await bot.scalar(select(Interaction))
    assert await bot.scalar(select(FollowUp.interaction_id)) == visit.id

    third = await wang.press_data(data, message)
    assert third.callback_answers == ["已经撤销过了"]
    assert await bot.count(Interaction) == 1


async def test_a_second_tap_on_a_customers_undo_is_told_so(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 华东电力设计院")
    await wang.press("新建")
    await wang.press("删除")
    await wang.press("确定删除")
    message, button = wang.find_button("撤销删除")
    data = str(button["callback_data"])
    assert (await wang.press_data(data, message)).callback_answers == ["已撤销删除。"]
    again = await wang.press_data(data, message)
    assert again.callback_answers == ["已经撤销过了"]
    assert "找到 1 个客户" in (await wang.send("/find 电力")).text


async def test_a_second_tap_on_a_contacts_undo_is_told_so(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("华东电力设计院王建国局长")
    await wang.press("保存")
    await wang.send("/customer 华东电力设计院")
    await wang.press("编辑资料")
    await wang.press("王局长")
    await wang.press("删除联系人")
    await wang.press("确定删除")
    message, button = wang.find_button("撤销删除")
    data = str(button["callback_data"])
    assert (await wang.press_data(data, message)).callback_answers == ["已撤销删除。"]
    assert (await wang.press_data(data, message)).callback_answers == ["已经撤销过了"]
    assert "王建国" in (await wang.send("/customer 华东电力设计院")).text
