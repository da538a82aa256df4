"""Honest failure messages and drafts that can be found again (issue #17, must-have 5).

"你输入的内容已保存" is said only when something typed was kept; what was kept is listed by
/drafts (and 📝 草稿 under 📝 记一笔) with 继续 / 删除.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from handlers.capture import callbacks
from storage import push_buttons
from storage.customers import CustomerRepo
from storage.models import Customer, Draft, Interaction
from tests.conftest import BotHarness


@pytest.fixture
def broken_search(monkeypatch: pytest.MonkeyPatch) -> None:
    async def explode(self: CustomerRepo, *args: object, **kwargs: object) -> list[object]:
        raise RuntimeError("search failed")

    monkeypatch.setattr(CustomerRepo, "search", explode)
    monkeypatch.setattr(CustomerRepo, "search_names", explode)  # /find's form of it


@pytest.fixture
def broken_card(monkeypatch: pytest.MonkeyPatch) -> None:
    async def explode(self: CustomerRepo, customer_id: int) -> Customer | None:
        raise RuntimeError("card failed")

    monkeypatch.setattr(CustomerRepo, "get", explode)


@pytest.mark.usefixtures("broken_card")
async def test_a_failed_button_press_does_not_claim_input_was_kept(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/start")
    reply = await wang.press_data(push_buttons.view_customer(1))
    assert reply.callback_answers == [
        "抱歉,刚才出了点问题,没有做任何更改。请稍后再试,或发 /cancel 重新开始。"
    ]
    assert await bot.count(Draft) == 0  # the bot's own message is not "what you typed"


@pytest.mark.usefixtures("broken_search")
async def test_typed_input_a_failure_hit_is_found_again_with_drafts(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/start")
    failed = await wang.send("/find 王局长")
    assert "你输入的内容已存为草稿,发 /drafts 可以找回" in failed.text
    listed = await wang.send("/drafts")
    assert "📝 草稿 (1),最新的在前:" in listed.text
    assert "出错时的输入" in listed.text and "/find 王局长" in listed.text
    again = await wang.press("继续 1")
    assert "这是出错时你发的命令,现在可以再发一次" in again.text and "/find 王局长" in again.text
    gone = await wang.press("删除这条草稿")
    assert gone.callback_answers == ["🗑 已删除这条草稿。"]
    assert "📝 没有草稿" in gone.text
    assert await bot.count(Draft) == 0


async def test_kept_drafts_are_listed_continued_and_deleted(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/start")
    # a note with nothing to file it under, kept as a draft
    kept = await wang.send("感觉对方态度不错")
    assert "已存为草稿" in kept.text
    # a card nobody confirmed
    await wang.send("今天拜访了华东电力设计院的王建国局长,下周五跟进报价")

    menu = await wang.send("📝 记一笔")
    assert "📝 草稿 (2)" in menu.buttons
    listed = await wang.press("草稿 (2)")
    assert "📝 草稿 (2),最新的在前:" in listed.text
    first, second = listed.text.split("\n")[1], listed.text.split("\n")[3]
    assert "未确认的记录" in first and "没归到客户的记录" in second
    assert "今天拜访了华东电力设计院的王建国局长" in listed.text

    card = await wang.press("继续 1")
    assert "我记下了这些,确认保存吗?" in card.text
    saved = await wang.press("保存")
    assert "已保存到「华东电力设计院」" in saved.text

    # the note, continued now that there is a customer to file it under
    listed = await wang.send("/drafts")
    assert "📝 草稿 (1)" in listed.text
    ask = await wang.press("继续 1")
    assert "这条记录记在哪个客户名下?" in ask.text
    filed = await wang.press("华东电力设计院")
    assert "✅ 已记在「华东电力设计院」名下。" in filed.text
    assert await bot.count(Draft) == 0
    notes = await bot.scalars(select(Interaction.note))
    assert "感觉对方态度不错" in notes
    assert "📝 没有草稿" in (await wang.send("/drafts")).text
    assert (await wang.send("📝 记一笔")).buttons == ["📅 计划拜访"]  # no 📝 草稿 left


async def test_someone_elses_draft_cannot_be_continued_or_deleted(bot: BotHarness) -> None:
    wang, li = bot.user("王磊"), bot.user("李娜")
    await wang.send("/start")
    await wang.send("感觉对方态度不错")
    draft_id = await bot.scalar(select(Draft.id))
    await li.send("/start")
    for data in (callbacks.draft_continue(draft_id), callbacks.draft_delete(draft_id)):
        reply = await li.press_data(data)
        assert reply.callback_answers == ["这条草稿已经用过或删除了。"]
        assert "态度不错" not in reply.text
    assert await bot.count(Draft) == 1


@pytest.mark.parametrize("stray", ["5", "8", "😀😀😀", "👍", "?!"])
async def test_a_message_that_holds_no_words_is_answered_and_kept_as_no_draft(
    bot: BotHarness, stray: str
) -> None:
    """Tryout of 2026-12-02, item 24: digits and emoji that were no button press."""
    wang = bot.user("王磊")
    reply = await wang.send(stray)
    assert reply.text.startswith("🤔 这条消息里没有可以记下的内容。直接发一句话给我就行")
    assert reply.buttons == []
    assert await bot.count(Draft) == 0
    assert "📝 没有草稿" in (await wang.send("/drafts")).text


async def test_a_number_of_three_digits_or_a_word_is_still_kept(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("123")
    await wang.send("好的")
    assert await bot.count(Draft) == 2
