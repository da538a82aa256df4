"""Traditional and Simplified are one name (tryout report, item 12): a rep who writes 國網 finds
国网, a manager assigns 國網蘇州供電公司 by either script, and a customer created as 九龍倉集團
is the same customer when a note names it, without asking."""

import re

import pytest
from sqlalchemy import func, select

from storage.models import Contact, Customer, Itinerary
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")


async def test_a_traditional_note_is_found_and_assigned_in_either_script(bot: BotHarness) -> None:
    manager = bot.user("李經理", language_code="zh-hk")
    made = await manager.send("/newteam 華東銷售一部")
    code = re.search(r"/join (\S+)", made.text)
    assert code
    wang = bot.user("王磊", language_code="zh-hk")
    await wang.send(f"/join {code.group(1)}")

    await manager.send("國網蘇州供電公司 採購部劉處長 下週三再約")
    await manager.press("保存")
    saved_as = await bot.scalar(select(Customer.name))
    found = await manager.send("/find 國網")
    assert found.buttons == [f"🏢 {saved_as}"]
    found = await manager.send("/find 国网苏州")
    assert found.buttons == [f"🏢 {saved_as}"]

    assigned = await manager.send("/assign 國網蘇州供電公司 王磊")
    assert "团队里没有客户" not in assigned.text and "團隊裡沒有客戶" not in assigned.text
    owner = await bot.scalar(select(Customer.owner_id))
    assert owner != (await bot.scalar(select(Customer.created_by_id)))


async def test_a_customer_created_in_traditional_is_the_one_a_note_names(bot: BotHarness) -> None:
    chen = bot.user("陳志明", language_code="zh-hk")
    await chen.send("/newcustomer")
    await chen.send("九龍倉集團")
    await chen.press("跳過")
    await chen.press("跳過")
    assert await bot.scalar(select(Customer.name)) == "九龍倉集團"

    card = await chen.send("九龍倉集團 黃生 明天下午三點再傾")
    assert "可能是已有客戶" not in card.text and "新客戶" not in card.text
    saved = await chen.press("保存")
    assert "是下面這個已有客戶嗎" not in saved.text and "「九龍倉集團」" in saved.text
    assert await bot.scalar(select(func.count()).select_from(Customer)) == 1

    opened = await chen.send("/customer 九龙仓集团")
    assert opened.text.startswith("🏢 九龍倉集團")

    found = await chen.send("/find 九龙仓")
    assert found.buttons == ["🏢 九龍倉集團"]


# -- names are kept in the script the rep typed (tryout6, item 1) ---------------------------


async def test_a_hong_kong_note_keeps_its_names_and_a_simplified_one_finds_them(
    bot: BotHarness,
) -> None:
    chan = bot.user("陳志明", language_code="zh-hk")
    card = await chan.send("今日同中華電力陳經理傾咗新系統")
    assert "🏢 中華電力" in card.text and "👤 陳經理" in card.text
    await chan.press("保存")
    assert await bot.scalar(select(Customer.name)) == "中華電力"
    saved = await bot.scalar(select(Contact))
    assert (saved.name, saved.surname, saved.title, saved.salutation) == (
        "陳經理",
        "陳",
        "經理",
        "陳經理",
    )

    card = await chan.send("中华电力陈经理说下周三再谈")
    assert "新客戶" not in card.text and "可能是已有客戶" not in card.text
    done = await chan.press("保存")
    assert "「中華電力」" in done.text and "→" not in done.text  # nothing "changed"
    assert await bot.scalar(select(func.count()).select_from(Customer)) == 1
    assert await bot.scalar(select(func.count()).select_from(Contact)) == 1
    kept = await bot.scalar(select(Contact))
    assert (kept.name, kept.title, kept.salutation) == ("陳經理", "經理", "陳經理")

    for query in ("陈经理", "中华电力", "陳經理"):
        found = await chan.send(f"/find {query}")
        assert found.buttons == ["🏢 中華電力"], query


async def test_a_simplified_note_finds_a_customer_and_contact_typed_in_traditional(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 中華電力")
    await wang.press("新建")
    await wang.send("/contact")
    await wang.press("中華電力")
    await wang.send("陳志強 經理")
    await wang.press("跳过")
    await wang.press("跳过")

    await wang.send("中华电力陈志强说下周三再谈")
    done = await wang.press("保存")
    assert done.text.startswith("✅ 已保存到「中華電力」。")  # no "是 … 吗?" to answer
    assert await bot.scalar(select(func.count()).select_from(Contact)) == 1
    kept = await bot.scalar(select(Contact))
    assert (kept.name, kept.title, kept.salutation) == ("陳志強", "經理", "陳經理")

    # no company named: the one contact spoken to so, in either script, says whose it is
    await wang.send("提醒我明天给陈经理打电话")
    reminded = await wang.press("保存")
    assert reminded.text.startswith("✅ 已保存到「中華電力」。")
    assert await bot.scalar(select(func.count()).select_from(Contact)) == 1


async def test_a_name_the_reader_built_is_in_the_script_of_the_note(bot: BotHarness) -> None:
    chan = bot.user("陳志明", language_code="zh-hk")
    card = await chan.send("拜訪了華東電力設計院的王建國局長,佢下週二到週四喺北京開會")
    assert "🏢 華東電力設計院" in card.text and "王建國 局長(王局長)" in card.text
    await chan.press("保存")
    wang = await bot.scalar(select(Contact))
    assert (wang.name, wang.salutation) == ("王建國", "王局長")
    assert await bot.scalar(select(func.count()).select_from(Itinerary)) == 1


async def test_find_reads_words_inside_notes_in_either_script(bot: BotHarness) -> None:
    """Tryout 7 #17: a Hong Kong rep's 報價 is found by /find 报价, and 王磊's 高爾夫 by
    /find 高尔夫; the answer quotes the note as it was typed."""
    chen = bot.user("陳嘉欣", language_code="zh-hk")
    await chen.send("今日見咗新鴻基地產嘅黃經理 佢話下個禮拜三之前要報價")
    await chen.press("保存")
    saved_as = await bot.scalar(select(Customer.name))  # in the script it was typed in (tryout6)
    for words in ("报价", "報價"):
        found = await chen.send(f"/find {words}")
        assert found.buttons == [f"🏢 {saved_as}"], words
        assert "嘅黃經理 佢話下個禮拜三之前要報價」" in found.text  # as typed

    wang = bot.user("王磊")
    await wang.send("九龙仓集团 陈生 喜欢打高尔夫 下周二再约")
    await wang.press("保存")
    await wang.send("九龙仓集团 今天见了陈生 聊了球场 他說最近常去打高爾夫")
    await wang.press("保存")
    found = await wang.send("/find 打高尔夫")
    assert found.buttons == ["🏢 九龙仓集团"]
    found = await wang.send("/find 高爾夫")
    assert found.buttons == ["🏢 九龙仓集团"]
    assert "高爾夫" in found.text
