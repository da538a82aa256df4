"""A reminder that names no customer is the rep's own (tryout 8, item 6): /find reaches its
words under ⏰ 你的提醒 — the rep's and nobody else's —, and one read only as the generic 跟进
says the rep's words in the card, /today and the digest. Monday 23 November 2026, 10:00 in
Shanghai."""

from __future__ import annotations

import pytest
import time_machine

from tests.builders import Pushes, local
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")

NOTE = "给他发一下技术资料 周四前"


async def test_find_lists_the_reps_own_reminders(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send(NOTE)
    saved = await wang.press("保存")
    assert "✅ 已存为你的提醒(1 条)" in saved.text
    await wang.send("提醒我周五给供应商打电话 带上报价单")
    await wang.press("保存")

    found = await wang.send("/find 技术资料")
    assert "没找到" not in found.text
    assert found.text.startswith("⏰ 你的提醒")
    assert "· 11月26日(周四) 给他发一下技术资料 周四前" in found.text
    assert "供应商" not in found.text
    found = await wang.send("/find 報價單")  # either script
    assert "⏰ 你的提醒\n· 11月27日(周五) 给供应商打电话 带上报价单" in found.text

    # A colleague — and the manager — finds none of them.
    manager = bot.user("李经理")
    assert "没找到" in (await manager.send("/find 技术资料")).text
    zhang = bot.user("张伟")
    assert "没找到" in (await zhang.send("/find 技术资料")).text


async def test_a_plain_follow_up_says_the_reps_words(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send(NOTE)
    assert "⏰ 跟进:11月26日(周四) 给他发一下技术资料 周四前" in card.text
    await wang.press("保存")
    await wang.send("华东电力设计院 刘处 周三前跟进")
    await wang.press("保存")

    customer = await wang.send("/customer 华东电力设计院")
    assert (
        "⏰ 待跟进\n  · 11月25日(周三) 刘处 周三前跟进" in customer.text
    )  # its card: no name twice

    sent = await Pushes.of(bot).at(local(2026, 11, 26, 8, 30))
    [digest] = [c for c in sent if c.chat_id == wang.chat_id and "今日跟进" in c.text]
    # the customer's name is not said twice
    assert "1. 华东电力设计院 · 刘处 周三前跟进(已逾期 1 天)" in digest.text
    assert "2. 给他发一下技术资料 周四前" in digest.text
    assert "跟进\n" not in digest.text and not digest.text.rstrip().endswith("跟进")

    with time_machine.travel(local(2026, 11, 26, 9, 0), tick=False):
        today = await wang.send("/today")
    assert "给他发一下技术资料 周四前" in today.text


async def test_a_family_errand_is_the_reps_own_reminder(bot: BotHarness) -> None:
    """Tryout 11: 提醒我5点去幼儿园接孩子 names no customer and no contact — 孩子 alone is no
    one to file —, so the card shows no 👤 ? and 保存 keeps it as the rep's own reminder."""
    wang = bot.user("王磊")
    await wang.send("华东电力设计院 王局长 下周一跟进报价")  # a customer to be asked about
    await wang.press("保存")
    card = await wang.send("提醒我5点去幼儿园接孩子")
    assert "👤" not in card.text
    assert "👪" not in card.text
    assert "⏰ 跟进:今天 17:00 去幼儿园接孩子" in card.text
    assert "⏰ 存为你自己的提醒(没有找到客户)" in card.text
    saved = await wang.press("保存")
    assert "✅ 已存为你的提醒(1 条)" in saved.text
    found = await wang.send("/find 幼儿园")
    assert found.text.startswith("⏰ 你的提醒\n· 11月23日(周一) 17:00 去幼儿园接孩子")
