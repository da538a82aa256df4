"""A working week in Chengdu and Hong Kong (tryout 18, second round: a rep new to CRMs, a Hong
Kong rep writing Cantonese, and their manager, in the local chat): a customer's name typed alone
opens its card rather than a card with nothing to save; Cantonese 算啦 / 唔記喇 leave a mode as
算了 does; and a plan approved from /plans says so on its own line."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from sqlalchemy import select

from storage.models import Contact, Draft, Interaction
from tests.conftest import BotHarness

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def monday_morning() -> Iterator[time_machine.Traveller]:
    """Monday 23 November 2026, 09:30 in Shanghai."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


async def test_a_customers_name_typed_alone_opens_its_card(bot: BotHarness) -> None:
    li = bot.user("李娜")
    await li.send("今天拜访了华西数据的刘总 下周三再去谈方案")
    await li.press("保存")
    opened = await li.send("华西数据")  # to look it up, as /customer 华西数据 does
    assert opened.text.startswith(
        "这是你的客户「华西数据」。要记一笔,连同拜访、电话或跟进的内容一起发。"
    )
    assert "🏢 华西数据\n未分级 · 潜在 · 负责人:李娜" in opened.text
    assert "⏰ 待跟进\n  · 12月2日(周三) 去谈方案" in opened.text
    assert "📜 全部记录" in opened.buttons and "✅ 保存" not in opened.buttons
    shortened = await li.send("华西")  # the name as reps say it
    assert "🏢 华西数据\n未分级" in shortened.text
    assert await bot.count(Draft) == 0  # no card of nothing, no note 「华西」 to file
    assert await bot.count(Interaction) == 1
    note = await li.send("华西数据 刘总说方案再改改")  # a name with words is a note as before
    assert note.text.startswith("我记下了这些")
    fresh = await li.send("成都建工")  # a new company alone still makes a customer on 保存
    assert "🏢 成都建工(新客户)" in fresh.text


async def test_cantonese_words_for_never_mind_leave_a_mode(bot: BotHarness) -> None:
    hk = bot.user("陳嘉欣", "zh-hk")
    await hk.send("今日同新鴻基地產嘅陳生傾咗報價 佢話下個禮拜三再傾")
    await hk.press("保存")
    await hk.send("/visit")
    await hk.send("新鴻基地產")
    left = await hk.send("唔記喇")  # at 見了誰?: no contact called 唔記喇
    assert left.text.startswith("已取消")
    assert [c.name or c.salutation for c in await bot.scalars(select(Contact))] == ["陳生"]
    await hk.send("🔍 查找")
    dropped = await hk.send("算啦")  # no search for the word
    assert dropped.text.startswith("已取消")
    assert "沒找到" not in dropped.text
    card = await hk.send("聽朝十點打俾陳生跟進報價")
    assert card.text.startswith("我記下了這些")
    gone = await hk.send("唔要喇")  # at an open card: its ❌ 取消
    assert gone.text.startswith("好的,這條沒有保存。")
    assert await bot.count(Draft) == 0


async def test_a_plan_approved_from_plans_says_so_on_its_own_line(bot: BotHarness) -> None:
    boss = bot.user("赵经理")
    made = await boss.send("/newteam 西南销售部")
    code = made.text.split("/join ")[1].split()[0]
    li = bot.user("李娜")
    await li.send(f"/join {code}")
    await li.send("/customer 华西数据")
    await li.press("新建")
    await li.send("/customer 成都建工")
    await li.press("新建")
    await li.send("/plan 下周一上午10点拜访华西数据 目的是演示方案 见刘总")
    await li.press("提交")
    await li.send("/plan 下周二下午3点拜访成都建工 目的是了解预算")
    await li.press("提交")
    await boss.send("/plans")
    approved = await boss.press("✅ 批准 1")
    assert "✅ 已批准" in approved.callback_answers
    assert approved.text == (  # the list he pressed it on, not its old words
        "🗓 下周计划拜访 (2)\n"
        "1. 11月30日(周一) 10:00 李娜 → 华西数据 · 演示方案(已批准)\n"
        "2. 12月1日(周二) 15:00 李娜 → 成都建工 · 了解预算(待批准)"
    )
    assert approved.buttons == ["✅ 批准 2", "💬 意见 2"]
    last = await boss.press("✅ 批准 2")
    assert last.text.endswith("2. 12月1日(周二) 15:00 李娜 → 成都建工 · 了解预算(已批准)")
    assert "(待批准)" not in last.text and last.buttons == []
