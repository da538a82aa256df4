"""取消 or /cancel typed at any question its buttons answer does what its ❌ does (tryout of
2026-12-04, item 1): an import preview, 确定删除吗?, 要新建这个客户吗?, a check-in's 在哪个客户
这里?, a visit plan to submit, a member's removal, the export's formats. The rep's ❌ is pressed
for them (kit/questions.py): the same words as the button's, said below, and the question's
buttons are gone — so a late tap on 确定删除 deletes nothing."""

import re

import pytest
import time_machine
from sqlalchemy import select

from bot.local_api import LocalClient
from storage.cycle import PlanStatus, VisitPlan
from storage.models import Contact, Customer, Deal, DealStage, Draft, FollowUp, Grade, Member
from tests.builders import Pushes, local
from tests.conftest import BotHarness
from tests.flows.test_archive import rep_with_contact, workbook
from tests.flows.test_capture import EXAMPLE
from tests.flows.test_deals import QUOTE
from tests.flows.test_pushes import MONDAY, rep_with_archive

pytestmark = pytest.mark.usefixtures("monday_morning")


def buttons_left(client: LocalClient, question: str) -> list[str]:
    """The buttons the message saying `question` carries now."""
    [message] = [m for m in client.api.chat_messages(client.chat_id) if question in m["text"]]
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return [button["text"] for row in rows for button in row]


@pytest.mark.parametrize("word", ["取消", "/cancel"])
async def test_an_import_preview(bot: BotHarness, word: str) -> None:
    wang = bot.user("王磊")
    preview = await wang.send_document(
        "客户名单.xlsx", workbook([["客户名称", "联系人"], ["上海建工集团", "张伟"]])
    )
    assert preview.buttons[-2:] == ["✅ 导入", "❌ 取消"]
    left = await wang.send(word)
    pressed = await _pressed(bot, "客户名单.xlsx", "❌ 取消")
    assert left.text == pressed
    assert await bot.count(Customer) == 0 and await bot.count(Draft) == 0
    assert (await wang.send(word)).text == "现在没有进行中的操作。"  # once closed, closed


async def _pressed(bot: BotHarness, filename: str, label: str) -> str:
    """What the button itself says, for a rep who taps it."""
    li = bot.user("李娜")
    await li.send_document(filename, workbook([["客户名称", "联系人"], ["上海建工集团", "张伟"]]))
    return (await li.press(label)).text


async def test_deleting_a_customer(bot: BotHarness) -> None:
    wang = await rep_with_contact(bot)
    await wang.send("/customer 华东电力设计院")
    await wang.press("删除")
    card = await wang.send("取消")
    assert card.text.startswith("🏢 华东电力设计院")  # the card again, as ❌ 取消 shows it
    assert "🗑 删除" in card.buttons
    assert buttons_left(wang, "确定删除「华东电力设计院」吗") == []  # no late 🗑 确定删除
    assert await bot.count(Customer) == 1


async def test_deleting_a_contact(bot: BotHarness) -> None:
    wang = await rep_with_contact(bot)
    await wang.send("/customer 华东电力设计院")
    await wang.press("编辑资料")
    await wang.press("王局长")
    ask = await wang.press("删除联系人")
    assert "❌ 取消" in ask.buttons
    back = await wang.send("/cancel")
    assert "🗑 删除联系人" in back.buttons  # the contact's page again, as its ❌ shows it
    assert await bot.count(Contact) == 1


async def test_a_new_customer_asked_about(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    asked = await wang.send("/customer 华东电力设计院")
    assert asked.text == "没找到「华东电力设计院」。要新建这个客户吗?"
    assert (await wang.send("取消")).text == "好的,没有新建。"
    assert await bot.count(Customer) == 0 and await bot.count(Draft) == 0
    assert buttons_left(wang, "要新建这个客户吗") == []


async def test_a_check_in_asked_where(bot: BotHarness) -> None:
    wang = await rep_with_contact(bot)
    await wang.send("/customer 华东电力设计院二分院")
    await wang.press("新建")
    ask = await wang.share_location(31.2304, 121.4737)
    assert "📍 在哪个客户这里?" in ask.text
    assert (await wang.send("算了")).text == "好的,没有签到。"
    assert await bot.count(Draft) == 0


async def test_a_visit_plan_to_submit(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 万科")
    await wang.press("新建")
    asked = await wang.send("/plan 明天上午10点拜访万科 目的是谈二期方案")
    assert asked.text.startswith("📋 拜访计划(客户走访单),确认提交吗?")
    left = await wang.send("取消")
    assert left.text == "已取消这个拜访计划。"
    assert await bot.count(VisitPlan, VisitPlan.status != PlanStatus.CANCELLED.value) == 0


async def test_removing_a_member(bot: BotHarness) -> None:
    manager = bot.user("李经理")
    code = re.search(r"/join (\S+)", (await manager.send("/newteam 华东销售一部")).text)
    assert code is not None
    rep = bot.user("王磊")
    await rep.send(f"/join {code.group(1)}")
    await manager.send("/team")
    await manager.press("成员管理")
    await manager.press("王磊 · 销售代表")
    await manager.press("移出团队")
    back = await manager.send("取消")
    assert "王磊 · 销售代表" in back.buttons  # the team's page, as ❌ 取消 shows it
    assert await bot.scalar(select(Member.active).where(Member.name == "王磊"))


async def test_the_export_formats(bot: BotHarness) -> None:
    wang = await rep_with_contact(bot)
    menu = await wang.send("/export")
    assert menu.buttons[-1] == "❌ 取消"
    left = await wang.send("取消")
    assert left.text == "好的,不导出了。"
    assert not left.documents


async def test_a_question_answered_otherwise_is_no_longer_open(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 华东电力设计院")
    await wang.send("/today")  # moved on: the question is not what 取消 is about any more
    assert (await wang.send("取消")).text == "现在没有进行中的操作。"
    assert await bot.count(Draft) == 1  # asked about, not dropped: its buttons still work
    await wang.press("新建")
    assert await bot.count(Customer) == 1


async def test_a_question_whose_way_out_is_back(bot: BotHarness) -> None:
    """为什么输了? has no ❌: its ⬅️ 返回 is what 取消 does."""
    wang = bot.user("王磊")
    await wang.send(QUOTE)
    await wang.press("保存")
    await wang.press("查看客户")
    asked = await wang.press("输单")
    assert asked.buttons[-1] == "⬅️ 返回"
    card = await wang.send("取消")
    assert card.text.startswith("🏢 ")  # the customer's card, as ⬅️ 返回 shows it
    deal = await bot.scalar(select(Deal))
    assert deal.stage != DealStage.LOST
    assert buttons_left(wang, "为什么输了") == []


async def test_snoozing_a_follow_up_of_the_digest(bot: BotHarness) -> None:
    """推迟 offers 1小时后 / 明天 / 下周 in place of the item's buttons; ⬅️ 返回 — or 取消 typed —
    puts them back and moves nothing."""
    rep, archive = await rep_with_archive(bot)
    hd = await archive.customer("华东电力设计院", Grade.A)
    await archive.follow_up(hd, MONDAY, "跟进报价")
    await archive.follow_up(hd, MONDAY, "寄样品")
    await Pushes.of(bot).at(local(2026, 11, 30, 8, 30))
    with time_machine.travel(local(2026, 11, 30, 9, 0), tick=False):
        await rep.press("推迟 2")
        assert buttons_left(rep, "早上好")[-4:] == ["1小时后 2", "明天 2", "下周 2", "⬅️ 返回"]
        left = await rep.send("取消")
        assert left.text == "好的,不推迟。"
        assert buttons_left(rep, "早上好")[-3:] == ["✅ 完成 2", "⏰ 推迟 2", "🔎 查看 2"]
        await rep.press("推迟 1")
        back = await rep.press("返回")
        assert back.callback_answers == ["好的,不推迟。"]
        assert buttons_left(rep, "早上好")[:3] == ["✅ 完成 1", "⏰ 推迟 1", "🔎 查看 1"]
    due = await bot.scalars(select(FollowUp.due_date))
    assert due == [MONDAY, MONDAY]


async def test_which_contact_and_which_customer_have_a_way_out(bot: BotHarness) -> None:
    """是 王建国 局长 吗? and 「华电院」是下面这个已有客户吗? offered only ways to save: ❌ 取消 drops
    the note as the card's ❌ does, and so does 取消 typed."""
    wang = bot.user("王磊")
    await wang.send(EXAMPLE)
    await wang.press("保存")
    await wang.send("华东电力设计院的王海局长 手机13900001111")
    await wang.press("保存")
    await wang.send("华东电力设计院王局长喜欢钓鱼")
    await wang.press("保存")
    assert (await wang.press("❌ 取消")).text == "好的,这条没有保存。"
    await wang.send("拜访了华电院的王局 聊了报价")
    asked = await wang.press("保存")
    assert asked.buttons[-1] == "❌ 取消"
    assert (await wang.send("取消")).text == "好的,这条没有保存。"
    assert await bot.count(Draft) == 0


async def test_in_english_too(bot: BotHarness) -> None:
    rep = bot.user("Lei", language_code="en")
    asked = await rep.send("/customer 华东电力设计院")
    assert asked.buttons[-1] == "❌ Cancel"
    assert (await rep.send("cancel")).text == "OK, nothing was created."
    assert await bot.count(Customer) == 0


async def test_customers_found_for_a_name(bot: BotHarness) -> None:
    """/customer 电力 lists what it found and offers ➕ 新建「电力」; ❌ 取消 (or the word) leaves
    neither a customer nor the name kept for 新建."""
    wang = await rep_with_contact(bot)
    found = await wang.send("/customer 电力")
    assert found.text == "找到这些客户,是哪一个?"
    assert found.buttons == ["🏢 华东电力设计院", "➕ 新建「电力」", "❌ 取消"]
    assert (await wang.send("取消")).text == "好的,没有新建。"
    assert await bot.count(Draft) == 0 and await bot.count(Customer) == 1
