"""A note that made only a follow-up keeps the rep's words where the rep looks for them: /find,
the card's 最近记录, 📜 全部记录 and 🛠 改记录 (tryout of 2026-12-02, item 6). Monday 23 November
2026, 10:00 in Shanghai."""

import pytest
from sqlalchemy import select

from bot.local_api import LocalClient
from storage.models import FollowUp, Interaction
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")

NOTE = "提醒我明天早上9点半给国网苏州供电公司王局打电话 问问方案看了没"


async def _noted(bot: BotHarness) -> LocalClient:
    wang = bot.user("王磊")
    card = await wang.send(NOTE)
    assert "给王局打电话" in card.text
    await wang.press("保存")
    assert await bot.count(Interaction) == 0  # the words are on the follow-up alone
    assert await bot.scalar(select(FollowUp.note)) == NOTE
    return wang


async def test_find_reaches_the_words_of_a_follow_up(bot: BotHarness) -> None:
    wang = await _noted(bot)
    found = await wang.send("/find 看了没")
    assert "找到 1 个客户:" in found.text
    assert "🏢 国网苏州供电公司:「" in found.text and "问问方案看了没" in found.text
    # A colleague's search does not reach them.
    zhang = bot.user("张伟")
    assert "没找到" in (await zhang.send("/find 看了没")).text


async def test_the_card_and_the_history_show_the_words(bot: BotHarness) -> None:
    wang = await _noted(bot)
    card = await wang.send("/customer 国网苏州供电公司")
    assert "📝 最近记录" in card.text
    assert "⏰ 11月24日(周二) 09:30 给王局打电话" in card.text
    assert f"「{NOTE}」" in card.text
    history = await wang.press("全部记录")
    assert "📜 「国网苏州供电公司」的全部记录(1 条)" in history.text
    assert "还没有记录" not in history.text
    assert f"「{NOTE}」" in history.text
    menu = await wang.press("✏️ 1")  # opens the follow-up itself
    assert "✏️ 改内容" in menu.buttons and "📅 改日期" in menu.buttons
    assert f"「{NOTE}」" in menu.text


async def test_fix_records_shows_the_words(bot: BotHarness) -> None:
    wang = await _noted(bot)
    await wang.send("/customer 国网苏州供电公司")
    await wang.press("🛠 改记录")
    menu = await wang.press("给王局打电话")
    # the task keeps the words that go with it (问问方案看了没), and the whole note is under it
    assert menu.text.startswith("⏰ 11月24日(周二) 09:30 给王局打电话 问问方案看了没 · ⏳ 待办")
    assert f"「{NOTE}」" in menu.text
