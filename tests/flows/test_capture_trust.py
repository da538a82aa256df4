"""Quick capture keeps every word and invents nothing: the sentences of issue #18, as a rep
types them (Monday 23 November 2026, 10:00 in Shanghai)."""

import io
from datetime import date, datetime

import openpyxl
import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from storage.models import Contact, Customer, FollowUp, Interaction
from tests.builders import Pushes, local
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")

BUDGET_NOTE = (
    "今天拜访了华东电力设计院王局 聊了明年变电站设计软件采购 预算大概200万 他说下周三再联系"
)


# -- 1. the rep's words are kept ---------------------------------------------------------------


async def test_the_whole_note_is_kept_shown_searchable_and_exported(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send(BUDGET_NOTE)
    assert "📝 拜访:今天 · 明年变电站设计软件采购" in card.text
    assert "ℹ️" not in card.text  # 软件采购 is what they talked about, not 王局's purchase role
    assert "⏰ 跟进:12月2日(周三)" in card.text
    saved = await wang.press("保存")
    # 预算大概200万 is a deal at 需求确认 (issue #19), said so beside the saved note
    assert (
        saved.text == "✅ 已保存到「华东电力设计院」。\n💼 已新建商机「华东电力设计院」(需求确认)"
    )
    visit = await bot.scalar(select(Interaction))
    assert visit.note == BUDGET_NOTE  # every word, not a one-clause summary

    customer = await wang.press("查看客户")
    assert "预算大概200万" in customer.text
    history = await wang.press("全部记录")
    assert f"「{BUDGET_NOTE}」" in history.text

    found = await wang.send("/find 预算大概200万")
    assert "找到 1 个客户" in found.text
    assert "「…设计院王局 聊了明年变电站设计软件采购 预算大概200万 他说下周三再联系」" in found.text
    assert found.buttons == ["🏢 华东电力设计院"]

    await wang.send("/export")
    export = await wang.press("Excel")
    [document] = export.documents
    book = openpyxl.load_workbook(io.BytesIO(document.content))
    visits = list(book["拜访记录"].iter_rows(values_only=True))
    assert visits[0][-1] == "原话"
    assert visits[1][-1] == BUDGET_NOTE


async def test_find_does_not_reach_into_a_colleagues_notes(bot: BotHarness) -> None:
    manager = bot.user("李经理")
    invite = (await manager.send("/newteam 华东一部")).text
    code = invite.split("/join ")[1].split()[0]
    wang, zhao = bot.user("王磊"), bot.user("赵敏")
    await wang.send(f"/join {code}")
    await zhao.send(f"/join {code}")
    await wang.send(BUDGET_NOTE)
    await wang.press("保存")
    other = await zhao.send("/find 预算大概200万")
    assert other.text.startswith("没找到和「预算大概200万」相关的客户")
    own = await manager.send("/find 预算大概200万")
    assert "找到 1 个客户" in own.text


async def test_a_note_of_facts_alone_keeps_its_words_as_a_record(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("华东电力设计院王建国局长 喜欢钓鱼 老家山东")
    await wang.press("保存")
    note = await bot.scalar(select(Interaction))
    assert (note.kind, note.note) == ("note", "华东电力设计院王建国局长 喜欢钓鱼 老家山东")
    customer = await bot.scalar(select(Customer))
    assert customer.last_contact_at is None  # a note is not a contact with the customer


# -- 3. nothing dropped --------------------------------------------------------------------------


async def test_no_contact_is_ever_named_with_a_question_mark(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("华东电力设计院的采购部经理 电话13812345678")
    await wang.press("保存")
    assert "?" not in await bot.scalars(select(Contact.name))


# -- 4. personal reminders -----------------------------------------------------------------------


async def test_remind_me_is_the_reps_own_reminder_even_without_customers(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    card = await wang.send("提醒我明天上午10点给王总打电话")
    assert "⏰ 跟进:11月24日(周二) 10:00 给王总打电话" in card.text
    saved = await wang.press("保存")
    assert saved.text == "✅ 已存为你的提醒(1 条),到时间我会提醒你。"
    reminder = await bot.scalar(select(FollowUp))
    assert reminder.customer_id is None
    assert reminder.due_at.replace(tzinfo=None) == datetime(2026, 11, 24, 2, 0)  # 10:00 in UTC
    assert reminder.note == "提醒我明天上午10点给王总打电话"
    assert await bot.count(Customer) == 0


async def test_an_own_reminder_is_pushed_at_its_time(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("提醒我明天上午10点给王总打电话")
    await wang.press("保存")
    pushes = Pushes.of(bot)
    [digest] = await pushes.at(local(2026, 11, 24, 9, 0))
    assert "⏰ 今日跟进 (1)\n1. 10:00 给王总打电话" in digest.text
    assert await pushes.at(local(2026, 11, 24, 9, 59)) == []
    sent = await pushes.at(local(2026, 11, 24, 10, 0))
    assert [call.text for call in sent] == ["⏰ 跟进提醒\n10:00 给王总打电话"]


async def test_a_reminder_naming_the_reps_only_wang_zong_goes_to_his_customer(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    await wang.send("万科的王志强总经理 电话13812345678")
    await wang.press("保存")
    await wang.send("提醒我明天上午10点给王总打电话")
    saved = await wang.press("保存")
    assert saved.text == "✅ 已保存到「万科」。"
    reminder = await bot.scalar(select(FollowUp))
    vanke = await bot.scalar(select(Customer))
    assert reminder.customer_id == vanke.id
    [wang_zong] = await bot.scalars(select(Contact))  # 王总 is 王志强, no second contact
    assert wang_zong.title == "总经理"


async def test_a_note_that_needs_a_customer_offers_a_draft_to_a_rep_without_any(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    await wang.send("今天给王总打了电话,他很满意")
    ask = await wang.press("保存")
    assert "你还没有客户" in ask.text
    assert ask.buttons == ["📝 先存为草稿", "❌ 取消"]
    kept = await wang.press("先存为草稿")
    assert kept.text == "📝 已存为草稿,不会丢失。"


# -- 5. one press ----------------------------------------------------------------------------------


async def test_an_existing_customer_and_its_only_wang_juzhang_save_in_one_press(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    await wang.send("华东电力设计院王建国局长 手机13812345678")
    await wang.press("保存")
    await wang.send("华东电力设计院王局长喜欢钓鱼")
    saved = await wang.press("保存")
    assert saved.text == "✅ 已保存到「华东电力设计院」。"
    contact = await bot.scalar(select(Contact))
    assert contact.hobbies == "钓鱼"
    assert await bot.count(Contact) == 1


async def test_a_follow_up_naming_only_the_contact_saves_in_one_press(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("华东电力设计院王建国局长 手机13812345678")
    await wang.press("保存")
    await wang.send("明天给王局长打电话")
    saved = await wang.press("保存")
    assert saved.text == "✅ 已保存到「华东电力设计院」。"
    reminder = await bot.scalar(select(FollowUp))
    assert reminder.due_date == date(2026, 11, 24) and reminder.customer_id is not None


# -- 6. only who was met ---------------------------------------------------------------------------


async def test_someone_said_not_there_is_no_one_the_visit_met(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("拜访了华东电力设计院 王局不在 见了他们总工办的钱总工 聊了设计软件")
    assert "王局长:这次没见到" in card.text
    await wang.press("保存")
    visit = await bot.scalar(select(Interaction).options(selectinload(Interaction.contacts)))
    assert [c.salutation for c in visit.contacts] == ["钱总工"]
    # 王局 is still one of the customer's contacts, only not of this visit
    names = await bot.scalars(select(Contact.salutation).order_by(Contact.id))
    assert names == ["王局长", "钱总工"]
