"""The note reader's items of the tryout report (2, 13, 22): nothing the note does not say is
logged, no word is cut in half, what was agreed is the task (Monday 23 November 2026, 10:00)."""

import pytest
from sqlalchemy import func, select

from storage.models import Customer, Interaction
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")


async def test_a_verdict_and_an_agreed_quote_log_no_visit(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("万科办公楼项目报价120万,预计月底签约")
    await wang.press("保存")
    card = await wang.send(
        "张总对方案满意,但价格要再降5%,约定下周三前发修改后的报价,刘经理负责走采购流程。"
    )
    assert "📝" not in card.text  # nothing says a meeting took place today
    assert "案满意" not in card.text
    assert "⏰ 跟进:12月2日(周三) 发修改后的报价" in card.text
    await wang.press("保存")
    saved = await wang.press("🏢 万科")
    assert saved.text.startswith("✅ 已保存到「万科」。")
    visits = await bot.scalar(
        select(func.count()).select_from(Interaction).where(Interaction.kind == "visit")
    )
    assert visits == 0


async def test_remember_to_call_at_an_hour_gone_is_a_task_not_a_call(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("记得今天9点给王局长打电话")
    assert "📝" not in card.text  # no call was made
    assert "⏰ 跟进:今天 09:00(已过) 给王局长打电话" in card.text


async def test_an_english_note_names_the_company_and_mr_zhang(bot: BotHarness) -> None:
    tom = bot.user("Tom", language_code="en-US")
    await tom.send("/start")
    card = await tom.send("Met Mr. Zhang of Vanke today, very interested. Call him next Friday 3pm")
    assert "🏢 Vanke (new customer)  👤 Mr. Zhang" in card.text
    assert "👤 ?" not in card.text
    assert "📝 visit: today · very interested" in card.text
    # said on a Monday, next Friday is Friday of next week (README, dates)
    assert "⏰ Follow-up: Fri 12/4 15:00 Call him" in card.text
    saved = await tom.press("Save")
    assert "Vanke" in saved.text and "company's name" not in saved.text
    assert await bot.scalar(select(Customer.name)) == "Vanke"


async def test_a_cantonese_note_names_the_company_and_mr_wong(bot: BotHarness) -> None:
    may = bot.user("May", language_code="zh-HK")
    await may.send("/start")
    card = await may.send("琴日同九龍倉嘅黃生傾咗,佢話聽日下晝三點再傾報價")
    assert "🏢 九龍倉(新客戶)  👤 黃生" in card.text  # the names as typed (tryout6, item 1)
    assert "📝 拜訪:11月22日(週日)" in card.text  # 琴日: yesterday
    assert "⏰ 跟進:11月24日(週二) 15:00 談報價" in card.text  # 聽日下晝三點
