"""保存 typed at an open capture card saves it as its ✅ 保存 would (tryout 10: the word was read
as a new note, and both the card and the word went to /drafts); with nothing to save it is no
note either."""

import pytest

from storage.models import Draft, Interaction
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")

NOTE = "今天拜访了万科张总 聊了物业平台 他说方案可以"


async def test_the_save_button_of_a_card_says(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send(NOTE)
    pressed = await wang.press("保存")
    assert await bot.count(Interaction) == 1
    assert "已保存" in pressed.text or "保存" in pressed.text


@pytest.mark.parametrize("word", ["保存", "保存吧", "save"])
async def test_save_typed_at_the_card_saves_it(bot: BotHarness, word: str) -> None:
    wang = bot.user("王磊")
    await wang.send(NOTE)
    tapped = bot.user("李娜")
    await tapped.send(NOTE)
    by_button = await tapped.press("保存")
    typed = await wang.send(word)
    assert await bot.count(Interaction) == 2  # one each: the typed word saved the card
    assert await bot.count(Draft) == 0  # and made no draft of its own
    assert typed.text == by_button.text.replace("李娜", "王磊")


async def test_save_typed_with_no_card_open_is_no_note(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    answer = await wang.send("保存")
    assert answer.text == "现在没有等待保存的记录。直接发一句话就能记一条。"
    assert await bot.count(Draft) == 0
    await wang.send(NOTE)
    await wang.press("保存")
    # the card just saved answers as a late tap on it would: nothing is saved twice
    assert (await wang.send("保存")).text == "这条记录已经处理过了。"
    assert await bot.count(Interaction) == 1


async def test_save_typed_while_the_note_has_no_customer_asks_for_one(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send(NOTE)
    await wang.press("保存")  # a customer of his own, so a note without one is asked about
    asked = await wang.send("哈哈哈好累啊")
    assert "哪个客户" in asked.text
    answer = await wang.send("保存")
    assert answer.text == "先点上面的按钮选这条记录的客户,或发 取消。"
    assert await bot.count(Interaction) == 1  # the first note's; the word saved nothing
