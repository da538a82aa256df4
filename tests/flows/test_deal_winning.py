"""Marking a deal won (tester's report of 2026-12-02, item 2): 🏆 赢单 shows the amount and asks
to sign at it, or at one typed (改金额, read the Chinese way, echoed before it counts); a win
can be undone for 24 hours, and /pipeline and the weekly report follow the undo."""

import pytest
import time_machine
from sqlalchemy import select

from bot.local_api import LocalClient, Reply
from storage.models import (
    Customer,
    CustomerStatus,
    Deal,
    DealChange,
    DealStage,
    FollowUp,
    FollowUpStatus,
)
from tests.builders import NOW, Pushes, at, make_team
from tests.conftest import BotHarness

QUOTE = "华润置地办公楼项目报价120万,预计月底签约"


def undo_data(won: Reply) -> str:
    return next(
        str(b["callback_data"])
        for m in won.messages
        for b in m.inline_buttons
        if "撤销" in b["text"]
    )


async def the_deal(bot: BotHarness) -> Deal:
    deal = await bot.scalar(select(Deal))
    assert isinstance(deal, Deal)
    return deal


async def quoted(bot: BotHarness) -> LocalClient:
    wang = bot.user("王磊")
    await wang.send(QUOTE)
    await wang.press("保存")
    await wang.send("/customer 华润置地")
    return wang


@pytest.mark.usefixtures("monday_morning")
async def test_winning_asks_to_sign_at_the_deals_amount(bot: BotHarness) -> None:
    wang = await quoted(bot)
    asked = await wang.press("🏆 赢单")
    assert asked.text == "🏆 「办公楼项目」已经签约了吗?\n💰 现在的金额是 120万,签约金额是这个吗?"
    assert asked.buttons == ["✅ 按 120万 签约", "✏️ 改金额", "↩️ 返回"]
    assert (await the_deal(bot)).stage == DealStage.QUOTE  # nothing yet
    won = await wang.press("✅ 按 120万 签约")
    assert won.text.startswith("🏆 恭喜赢单!")
    assert "💼 办公楼项目 · 120万 · 赢单\n记错了?24 小时内可以撤销。" in won.text
    assert won.buttons == ["↩️ 撤销", "🏢 查看客户"]
    deal = await the_deal(bot)
    assert (deal.stage, deal.amount, deal.won_amount) == (DealStage.WON, 1_200_000, 1_200_000)


@pytest.mark.usefixtures("monday_morning")
async def test_a_typed_amount_is_read_echoed_and_then_signed(bot: BotHarness) -> None:
    wang = await quoted(bot)
    await wang.press("🏆 赢单")
    prompt = await wang.press("✏️ 改金额")
    assert prompt.text == "请输入签约金额,例如:105万、1.05M\n(/cancel 放弃)"
    wrong = await wang.send("差不多一百万")
    assert wrong.text == "没看懂这个签约金额。请再输入一次,例如:105万"
    deal = await the_deal(bot)
    assert (deal.stage, deal.amount) == (DealStage.QUOTE, 1_200_000)  # nothing changed
    echoed = await wang.send("1.05M")
    assert echoed.text == "🏆 「办公楼项目」按 105万 签约?"
    assert echoed.buttons == ["✅ 按 105万 签约", "✏️ 改金额", "↩️ 返回"]
    assert (await the_deal(bot)).stage == DealStage.QUOTE  # still nothing until ✅
    await wang.press("✅ 按 105万 签约")
    deal = await the_deal(bot)
    assert (deal.stage, deal.amount, deal.won_amount) == (DealStage.WON, 1_050_000, 1_050_000)
    changes = await bot.scalars(select(DealChange).order_by(DealChange.id))
    assert [(c.field, c.old_value, c.new_value) for c in changes][-2:] == [
        ("amount", "1200000", "1050000"),
        ("stage", "quote", "won"),
    ]


@pytest.mark.usefixtures("monday_morning")
async def test_back_leaves_the_deal_open(bot: BotHarness) -> None:
    wang = await quoted(bot)
    await wang.press("🏆 赢单")
    card = await wang.press("↩️ 返回")
    assert "🏢 华润置地" in card.text and "🏆 赢单" in card.buttons
    assert (await the_deal(bot)).stage == DealStage.QUOTE


async def test_undoing_a_win_puts_the_deal_back_and_the_reports_follow(bot: BotHarness) -> None:
    team = await make_team(bot)
    wang = team.wang
    with time_machine.travel(NOW, tick=False):  # Wednesday 2 December
        await wang.send("华润置地办公楼项目谈到了110万,预计月底签约")
        await wang.press("保存")
        await wang.send("/customer 华润置地")
        asked = await wang.press("⏩ 推进")  # 商务谈判 → 赢单 asks the same
        assert asked.text == (
            "🏆 「办公楼项目」下一步就是赢单。已经签约了吗?\n💰 现在的金额是 110万,签约金额是这个吗?"
        )
        await wang.press("✏️ 改金额")
        await wang.send("105万")
        won = await wang.press("✅ 按 105万 签约")
        assert "🏢 客户状态:潜在 → 合作中" in won.text
        pipeline = (await team.manager.send("/pipeline")).text
        assert "🏆 本月赢单(1) · 105万\n  · 华润置地 办公楼项目 105万 · 王磊" in pipeline

        undone = await wang.press("↩️ 撤销")
        assert undone.text == (
            "↩️ 已撤销赢单:「办公楼项目」回到「商务谈判」。\n"
            "⏰ 跟进恢复:12月31日(周四) 签约\n"
            "🏢 客户状态:合作中 → 潜在\n"
            "💼 办公楼项目 · 110万 · 商务谈判 · 预计12月31日签约 · 赢单概率 75%"
        )
        deal = await the_deal(bot)
        assert (deal.stage, deal.amount, deal.won_amount, deal.closed_at, deal.probability) == (
            DealStage.NEGOTIATION,
            1_100_000,
            None,
            None,
            75,
        )
        signing = await bot.scalar(select(FollowUp))
        assert signing is not None and signing.status == FollowUpStatus.OPEN
        customer = await bot.scalar(select(Customer))
        assert customer is not None and customer.status == CustomerStatus.POTENTIAL

        again = await wang.press_data(undo_data(won))  # a second press: the message is gone
        assert again.callback_answers == ["无法撤销:已超过 24 小时,或已经撤销过了。"]
        pipeline = (await team.manager.send("/pipeline")).text
        assert "本月赢单(1)" not in pipeline
        assert "商务谈判:1 个 · 110万 · 加权 82.5万" in pipeline

    sent = await Pushes.of(bot).at(at(12, 7, 9))  # Monday's weekly report: last week's wins
    report = next(c.text for c in sent if c.text.startswith("📅 上周周报"))
    assert "上周赢单(1)" not in report and "105万" not in report
    assert "💼 商机:进行中 1 个 · 110万 · 加权 82.5万" in report


@pytest.mark.usefixtures("monday_morning")
async def test_the_undo_lasts_a_day(bot: BotHarness) -> None:
    wang = await quoted(bot)
    await wang.press("🏆 赢单")
    await wang.press("✅ 按 120万 签约")
    with time_machine.travel(at(12, 2, 10), tick=False):  # two days later
        late = await wang.press("↩️ 撤销")
    assert late.callback_answers == ["无法撤销:已超过 24 小时,或已经撤销过了。"]
    assert (await the_deal(bot)).stage == DealStage.WON
