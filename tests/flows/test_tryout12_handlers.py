"""The handler-side items of tryout 12 (Monday 23 November 2026, 10:00): deleting a follow-up
keeps the rep's words, a name fixed on the card names the contact it matched, every customer
reachable from 这条记录属于哪个客户?, 算了 cancels a card, /today marks an hour gone by, and a
pasted chat keeps its lines in 📜 全部记录."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from storage.models import Contact, Draft, FollowUp, Interaction
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")

RAMBLE = "嗯那个明天上午十点半然后去万科找张总 对 带上那个合同 他一般两点多就走了"
# A morning errand and an afternoon one on the same day are two reminders (round twenty-two).
TWO_ERRANDS = "嗯那个明天上午十点半然后去万科找张总 对 带上那个合同 然后下午那个两点多去招商局物流"


async def test_a_morning_errand_and_an_afternoon_one_are_two_reminders(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("万科 张总 拜访了 聊了报价")
    await wang.press("保存")
    card = await wang.send(TWO_ERRANDS)
    assert card.text.count("⏰") == 2
    await wang.press("保存")
    assert await bot.count(FollowUp) == 2


async def test_deleting_the_only_follow_up_of_a_note_keeps_the_reps_words(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    await wang.send("万科 张总 拜访了 聊了报价")
    await wang.press("保存")
    await wang.send(RAMBLE)
    await wang.press("保存")
    assert await bot.count(FollowUp) == 1
    await wang.send("/customer 万科")
    await wang.press("🛠 改记录")
    await wang.press("⏰")
    deleted = await wang.press("🗑 删除")
    assert "已删除" in deleted.text
    assert await bot.count(FollowUp) == 0

    found = await wang.send("/find 两点多")
    assert "万科" in found.text and "两点多" in found.text
    found = await wang.send("/find 带上那个合同")
    assert "万科" in found.text
    await wang.send("/customer 万科")
    history = await wang.press("📜 全部记录")
    assert RAMBLE in history.text

    # ↩️ 撤销 puts the follow-up back with its words, and the words are not there twice
    await wang.press("↩️ 撤销删除")
    assert await bot.count(FollowUp, FollowUp.note == RAMBLE) == 1
    assert await bot.count(Interaction, Interaction.note == RAMBLE) == 0


async def test_deleting_a_visit_leaves_its_words_with_the_follow_up_it_made(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    note = "今天拜访了万科张总,聊了报价,周五前把合同发过去"
    card = await wang.send(note)
    assert "📝 拜访" in card.text and "⏰" in card.text
    await wang.press("保存")
    await wang.send("/customer 万科")
    await wang.press("🛠 改记录")
    await wang.press("📝")
    await wang.press("🗑 删除")
    assert await bot.count(Interaction) == 0

    found = await wang.send("/find 聊了报价")
    assert "万科" in found.text
    await wang.send("/customer 万科")
    history = await wang.press("📜 全部记录")
    assert note in history.text


async def test_a_full_name_typed_on_the_card_names_the_contact_it_matched(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    await wang.send("今天拜访了华润置地李经理,聊了报价")
    await wang.press("保存")
    await wang.send("1号去华润置地找李经理签合同")
    await wang.press("✏️ 修改")
    await wang.press("👤 李经理 姓名")
    await wang.send("李明")
    saved = await wang.press("保存")
    assert "已保存" in saved.text
    assert await bot.count(Contact) == 1
    assert await bot.scalar(select(Contact.name)) == "李明"
    card = await wang.send("/customer 华润置地")
    assert "李明 经理(李经理)" in card.text

    await wang.send("华润置地李经理微信说样品收到了")
    saved = await wang.press("保存")
    assert "已保存" in saved.text  # no 是 李经理 / 是 李明 经理 to choose between
    assert await bot.count(Contact) == 1


EIGHT = (
    "万科",
    "华润置地",
    "招商局物流",
    "中建三局",
    "南京地铁",
    "台積電",
    "国网南京供电",
    "华东电力设计院",
)


async def test_every_customer_can_be_chosen_for_a_note_and_the_question_can_be_cancelled(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    for name in EIGHT:
        await wang.send(f"/customer {name}")
        await wang.press("新建")
    await wang.send("明天下午3点给张总打电话问报价")
    asked = await wang.press("🏢 选客户")
    assert "这条记录属于哪个客户" in asked.text
    assert "❌ 取消" in asked.buttons
    assert "🏢 万科" not in asked.buttons  # the first customer made: on the next page
    more = await wang.press("下一页 ➡️")
    assert "🏢 万科" in more.buttons and "❌ 取消" in more.buttons
    saved = await wang.press("🏢 万科")
    assert "已保存到「万科」" in saved.text
    assert await bot.count(FollowUp, FollowUp.customer_id.is_not(None)) == 1


async def test_a_note_nothing_was_read_from_can_go_to_any_customer(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    for name in EIGHT:
        await wang.send(f"/customer {name}")
        await wang.press("新建")
    asked = await wang.send("感觉对方态度不错")
    assert "这条记录记在哪个客户名下" in asked.text
    assert "🏢 万科" not in asked.buttons and "📝 先存为草稿" in asked.buttons
    more = await wang.press("下一页 ➡️")
    assert "🏢 万科" in more.buttons and "📝 先存为草稿" in more.buttons
    back = await wang.press("⬅️ 上一页")
    assert "🏢 华东电力设计院" in back.buttons
    await wang.press("下一页 ➡️")
    saved = await wang.press("🏢 万科")
    assert saved.text == "✅ 已记在「万科」名下。"
    note = await bot.scalar(select(Interaction).where(Interaction.kind == "note"))
    assert note.note == "感觉对方态度不错"


@pytest.mark.parametrize("words", ["算了不记了", "算了", "不要了"])
async def test_giving_up_in_words_at_an_open_card_cancels_it(bot: BotHarness, words: str) -> None:
    wang = bot.user("王磊")
    await wang.send("明天下午3点给万科张总打电话问报价")
    dropped = await wang.send(words)
    assert "这条没有保存" in dropped.text
    assert await bot.count(Draft) == 0
    assert await bot.count(FollowUp) == 0


async def test_giving_up_in_words_with_no_card_open_is_no_cancel(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    reply = await wang.send("不要了")
    assert "这条没有保存" not in reply.text
    assert "没有进行中的操作" not in reply.text


async def test_today_marks_an_hour_gone_by(bot: BotHarness, monday_morning: Any) -> None:
    wang = bot.user("王磊")
    await wang.send("今天11点给台積電黄副理回个电话")
    await wang.press("保存")
    await wang.send("今天下午3点去台積電送样品")
    await wang.press("保存")
    monday_morning.move_to(datetime(2026, 11, 23, 11, 40, tzinfo=ZoneInfo("Asia/Shanghai")))
    today = await wang.send("/today")
    [called] = [line for line in today.text.splitlines() if "11:00" in line]
    assert called.endswith("(已过)")
    [later] = [line for line in today.text.splitlines() if "15:00" in line]
    assert "已过" not in later


async def test_a_pasted_chat_keeps_its_lines_in_the_history(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    chat = (
        "中建三局 李总微信聊的\n李明 10:32\n王经理,上次说的那个报价单能不能再便宜点\n"
        "王磊 10:33\n李总,我回去跟领导申请一下,争取周一给您答复\n李明 10:35\n好的没问题"
    )
    await wang.send(chat)
    await wang.press("保存")
    await wang.send("/customer 中建三局")
    history = await wang.press("📜 全部记录")
    lines = history.text.splitlines()
    assert any(line.strip().endswith("李明 10:32") for line in lines)
    assert any(line.strip() == "王经理,上次说的那个报价单能不能再便宜点" for line in lines)
    assert any(line.strip() == "好的没问题」" for line in lines)
