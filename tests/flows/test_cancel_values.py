"""The word 取消 (or /cancel) typed where a value is awaited leaves, everywhere: it never becomes
the value, never loops, never is searched for (tryout of 2026-12-02, item 7). One rule in
kit/pending for every ValueEdit; the card or menu the member came from is shown again."""

import pytest
from sqlalchemy import select

from bot.local_api import LocalClient
from storage.models import Contact, Draft, FollowUp
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")


@pytest.mark.parametrize("word", ["取消", "/cancel", "算了", "不改了"])
async def test_cancel_typed_as_a_name_on_the_capture_card_changes_nothing(
    bot: BotHarness, word: str
) -> None:
    wang = bot.user("王磊")
    await wang.send("万科张总 下周二送样品")
    await wang.press("修改")
    await wang.press("张总 姓名")
    left = await wang.send(word)
    assert left.text.startswith("已取消,没有修改。\n我记下了这些,确认保存吗?")
    assert "👤 张总" in left.text and "取消" not in left.text.split("\n", 1)[1]
    await wang.press("保存")
    zhang = await bot.scalar(select(Contact))
    assert "取消" not in (zhang.name or "") and zhang.salutation == "张总"


async def _with_contact(bot: BotHarness) -> LocalClient:
    wang = bot.user("王磊")
    await wang.send("华东电力设计院王建国局长")
    await wang.press("保存")
    return wang


@pytest.mark.parametrize("word", ["取消", "/cancel", "算了", "不改了"])
async def test_cancel_typed_as_a_birthday_in_the_archive_leaves_at_once(
    bot: BotHarness, word: str
) -> None:
    wang = await _with_contact(bot)
    await wang.send("/customer 华东电力设计院")
    await wang.press("编辑资料")
    await wang.press("王局长")
    await wang.press("生日")
    left = await wang.send(word)
    assert left.text.startswith("已取消,没有修改。\n🏢 华东电力设计院")  # and the card again
    assert "没看懂" not in left.text
    after = await wang.send("王局长生日5月20日")  # a note again, not the birthday
    assert "我记下了这些" in after.text
    assert (await bot.scalar(select(Contact))).birthday_month is None


async def test_cancel_typed_as_a_name_in_the_archive_is_no_name(bot: BotHarness) -> None:
    wang = await _with_contact(bot)
    await wang.send("/customer 华东电力设计院")
    await wang.press("编辑资料")
    await wang.press("王局长")
    await wang.press("姓名")
    left = await wang.send("取消")
    assert left.text.startswith("已取消,没有修改。")
    assert (await bot.scalar(select(Contact))).name == "王建国"


async def test_cancel_typed_in_find_is_not_searched_for(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("🔍 查找")
    left = await wang.send("取消")
    assert left.text == "已取消。有需要随时找我。"
    assert "没找到" not in left.text


async def test_cancel_typed_for_a_follow_ups_text_keeps_it(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("华东电力设计院 下周五跟进报价")
    await wang.press("保存")
    await wang.send("/customer 华东电力设计院")
    await wang.press("🛠 改记录")
    await wang.press("跟进报价")
    await wang.press("✏️ 改内容")
    left = await wang.send("取消")
    assert left.text.startswith("已取消,没有修改。\n🏢 华东电力设计院")
    assert await bot.scalar(select(FollowUp.text)) == "跟进报价"
    assert await bot.count(Draft) == 0  # and nothing became a note
