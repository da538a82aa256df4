"""取消 (or /cancel) typed at a question its buttons answer closes it as its ❌ would, and is
never a note (tryout of 2026-12-03, items 2 and 3): at the capture card's ✏️ 修改 menu it
became a draft of its own and left the card being edited stranded; at 记在哪个客户名下? /cancel
said there was nothing going on."""

import pytest
from sqlalchemy import select

from storage.models import Draft
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")

NOTE = "万科张总 下周二送样品"


async def test_the_cancel_button_of_a_card_says(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send(NOTE)
    pressed = await wang.press("❌ 取消")
    assert pressed.text == "好的,这条没有保存。"  # what the words below must say too
    assert await bot.count(Draft) == 0


@pytest.mark.parametrize("word", ["取消", "/cancel", "算了", "不改了", "cancel"])
async def test_cancel_typed_at_the_edit_menu_drops_the_card_as_its_button_would(
    bot: BotHarness, word: str
) -> None:
    wang = bot.user("王磊")
    await wang.send(NOTE)
    menu = await wang.press("修改")
    assert menu.text == "要改哪一项?"
    left = await wang.send(word)
    assert left.text == "好的,这条没有保存。"
    assert await bot.count(Draft) == 0  # neither the card nor a draft of the word
    card = bot.api.message(wang.chat_id, menu.messages[0].params["message_id"])
    assert card is not None and "reply_markup" not in card  # its buttons went with the word
    stale = await wang.press_data(menu.messages[0].inline_buttons[-1]["callback_data"])
    assert stale.callback_answers == ["这条记录已经处理过了。"]  # a tap that came late anyway
    assert (await wang.send(word)).text == "现在没有进行中的操作。"  # once closed, closed


async def test_cancel_typed_right_after_a_card_drops_it(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("华东电力设计院王局长 生日三月初八")
    await wang.send(NOTE)  # the newer card is the one asked about
    assert (await wang.send("取消")).text == "好的,这条没有保存。"
    [kept] = await bot.scalars(select(Draft))
    assert kept.text == "华东电力设计院王局长 生日三月初八"


async def test_cancel_with_nothing_asked_is_no_note(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    assert (await wang.send("取消")).text == "现在没有进行中的操作。"
    await wang.send(NOTE)
    await wang.press("保存")
    assert (await wang.send("取消")).text == "现在没有进行中的操作。"  # saved: nothing to drop
    await wang.send("/today")
    assert (await wang.send("算了")).text == "现在没有进行中的操作。"
    assert await bot.count(Draft) == 0


async def test_cancel_after_another_step_of_the_card_is_about_that_step(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send(NOTE)
    await wang.press("修改")
    await wang.press("张总 姓名")
    back = await wang.send("取消")  # the value asked: the card again, as it was
    assert back.text.startswith("已取消,没有修改。\n我记下了这些,确认保存吗?")
    assert (await wang.send("取消")).text == "好的,这条没有保存。"  # and now the card
    assert await bot.count(Draft) == 0


async def test_which_customer_after_saving_a_note_without_one_closes_as_its_cancel(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    await wang.send("华东电力设计院王局长 生日三月初八")
    await wang.press("保存")
    await wang.send("今天拜访了张总 生日五月二十")
    asked = await wang.press("保存")
    assert asked.text.startswith("这条记录属于哪个客户?")
    assert asked.buttons[-2:] == ["📝 先存为草稿", "❌ 取消"]
    assert (await wang.send("/cancel")).text == "好的,这条没有保存。"
    assert await bot.count(Draft) == 0


async def test_a_note_kept_as_a_draft_is_not_dropped_by_cancel_later(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("华东电力设计院王局长 生日三月初八")
    await wang.press("保存")
    await wang.send("今天拜访了张总 生日五月二十")
    await wang.press("保存")
    await wang.press("先存为草稿")
    assert (await wang.send("取消")).text == "现在没有进行中的操作。"
    assert await bot.count(Draft) == 1


async def test_cancel_at_which_customer_for_an_unread_note_keeps_it_as_a_draft(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    await wang.send(NOTE)
    await wang.press("保存")
    asked = await wang.send("嗯嗯好的 回头再说")
    assert asked.text == "📝 我没看出客户、联系人或日期。这条记录记在哪个客户名下?"
    assert asked.buttons == ["🏢 万科", "📝 先存为草稿"]
    left = await wang.send("/cancel")
    assert left.text == "已取消。这条记录留在草稿里,发 /drafts 可以找回。"
    assert (await wang.send("/cancel")).text == "现在没有进行中的操作。"
    [note] = await bot.scalars(select(Draft))
    assert (note.kind, note.text) == ("note", "嗯嗯好的 回头再说")
    assert "嗯嗯好的 回头再说" in (await wang.send("/drafts")).text


async def test_a_guided_step_of_buttons_is_left_by_the_word(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/newcustomer")
    grade = await wang.send("华东电力设计院")
    assert "A" in " ".join(grade.buttons)
    assert (await wang.send("取消")).text == "已取消。有需要随时找我。"
    assert (await wang.send("取消")).text == "现在没有进行中的操作。"
    assert await bot.count(Draft) == 0
