"""A note's deal on the capture card (tryout report, item 5): a quote still to send is a
follow-up, not a deal; a deal the reader did find can be corrected or dropped with ✏️ 修改."""

from datetime import date

import pytest
from sqlalchemy import func, select

from storage.models import Deal, DealStage, FollowUp
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")


async def deals(bot: BotHarness) -> int:
    return int(await bot.scalar(select(func.count()).select_from(Deal)))


async def test_a_quote_still_to_send_is_a_follow_up_and_no_deal(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send(
        "今天拜访了华东电力设计院的王建国局长,他下周二到周四在北京开会,生日是农历三月初八,"
        "喜欢话剧。下周五再跟进报价"
    )
    assert "⏰ 跟进:12月4日(周五) 跟进报价" in card.text
    assert "💼" not in card.text
    saved = await wang.press("保存")
    assert "💼" not in saved.text
    assert await deals(bot) == 0
    assert await bot.scalar(select(FollowUp.text)) == "跟进报价"


async def test_send_quote_in_english_makes_no_deal_titled_to(bot: BotHarness) -> None:
    tom = bot.user("Tom", language_code="en-US")
    await tom.send("/start")
    card = await tom.send("Met 张总 of 万科 today, looks good. send quote to Ms. 岑 before 月底")
    assert "💼" not in card.text and "Deal" not in card.text
    await tom.press("Save")
    assert await deals(bot) == 0


async def test_a_quote_that_was_sent_is_a_deal_at_quotation(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("华东电力设计院 方案报价已经发过去了,王局长说下周回复")
    assert "💼 商机:华东电力设计院 · 方案报价 · 联系人:王局长(新建商机)" in card.text


async def test_the_rep_says_it_is_no_deal_and_none_is_saved(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("华润置地办公楼项目报价120万,预计月底签约")
    assert "💼 商机:办公楼项目 · 120万 · 方案报价" in card.text
    await wang.press("修改")
    card = await wang.press("不是商机")
    assert "💼" not in card.text and "🏢 华润置地" in card.text
    saved = await wang.press("保存")
    assert "✅ 已保存到「华润置地」。" in saved.text
    assert await deals(bot) == 0


async def test_the_rep_corrects_the_deal_amount_before_saving(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("华润置地办公楼项目报价120万,预计月底签约")
    await wang.press("修改")
    ask = await wang.press("商机金额")
    assert ask.text.startswith("请输入新的商机金额")
    wrong = await wang.send("很多")
    assert wrong.text.startswith("没看懂这个商机金额")
    card = await wang.send("135万")
    assert "💼 商机:办公楼项目 · 135万 · 方案报价" in card.text
    await wang.press("保存")
    deal = await bot.scalar(select(Deal))
    assert deal is not None and deal.amount == 1_350_000


async def test_an_english_card_reads_as_english(bot: BotHarness) -> None:
    """Tryout report, item 21: the visit line is spaced as English is."""
    tom = bot.user("Tom", language_code="en-US")
    await tom.send("/start")
    card = await tom.send("Met Mr. Zhang of Vanke today, very interested. Call him next Friday 3pm")
    assert "📝 visit: today · " in card.text  # spaced as English is, whatever the headline


async def test_an_english_rep_clears_a_value_with_none(bot: BotHarness) -> None:
    """Tryout report, item 21: the prompt offers a word an English keyboard has."""
    tom = bot.user("Tom", language_code="en-US")
    await tom.send("/start")
    await tom.send("华润置地办公楼项目报价120万")
    await tom.press("Edit")
    asked = await tom.press("💼 Deal amount")
    assert "send “none” to clear it" in asked.text and "无" not in asked.text
    card = await tom.send("none")
    assert "1.2M" not in card.text and "120" not in card.text
    await tom.press("Save")
    deal = await bot.scalar(select(Deal))
    assert deal is not None and deal.amount is None


async def test_the_rep_sets_the_stage_the_reader_got_wrong(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("华润置地办公楼项目报价120万,预计月底签约")
    assert "💼 商机:办公楼项目 · 120万 · 方案报价" in card.text
    await wang.press("修改")
    stages = await wang.press("商机阶段")
    assert stages.text == "这个商机到了哪个阶段?"
    assert stages.buttons[:6] == ["初步接触", "需求确认", "方案报价", "商务谈判", "赢单", "输单"]
    card = await wang.press("商务谈判")
    assert "💼 商机:办公楼项目 · 120万 · 商务谈判" in card.text
    saved = await wang.press("保存")
    assert "💼 已新建商机「办公楼项目」(商务谈判)" in saved.text
    deal = await bot.scalar(select(Deal))
    assert deal is not None and deal.stage == DealStage.NEGOTIATION


async def test_a_contract_to_sign_before_a_day_is_an_open_deal_not_a_win(bot: BotHarness) -> None:
    """Tryout 7, item 1: the contract is to be signed before 春节; nothing is won yet."""
    wang = bot.user("王磊")
    card = await wang.send("中建三局 王总说春节前把合同签了 月底前给他发一版合同草稿")
    assert "💼 商机:中建三局 · 商务谈判 · 预计2027年2月5日签约" in card.text
    assert "赢单" not in card.text
    assert "⏰ 跟进:11月30日(周一) 给他发一版合同草稿" in card.text
    saved = await wang.press("保存")
    assert "💼 已新建商机「中建三局」(商务谈判)" in saved.text
    deal = await bot.scalar(select(Deal))
    assert deal.stage == DealStage.NEGOTIATION
    assert deal.close_date == date(2027, 2, 5)
