"""Deals (商机, issue #19): a quotation captured from a note, pushed along by a later note and
by the card's buttons, lost with its reason; the manager's /pipeline; forged buttons."""

import csv
import io
from datetime import date

import pytest
from sqlalchemy import func, select

from storage.models import (
    Customer,
    CustomerStatus,
    Deal,
    DealChange,
    DealPayment,
    DealStage,
    FollowUp,
    FollowUpStatus,
)
from tests.builders import make_team
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")

QUOTE = "华润置地办公楼项目报价120万,预计月底签约"


async def one_deal(bot: BotHarness) -> Deal:
    deal = await bot.scalar(select(Deal))
    assert isinstance(deal, Deal)
    return deal


async def history(bot: BotHarness) -> list[tuple[str, str | None, str | None]]:
    rows = await bot.scalars(select(DealChange).order_by(DealChange.id))
    return [(r.field, r.old_value, r.new_value) for r in rows]


async def test_a_quotation_is_captured_then_pushed_to_negotiation_by_a_later_note(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    card = await wang.send(QUOTE)
    assert "💼 商机:办公楼项目 · 120万 · 方案报价 · 预计11月30日签约(新建商机)" in card.text
    assert await bot.scalar(select(func.count()).select_from(Deal)) == 0
    saved = await wang.press("保存")
    assert "💼 已新建商机「办公楼项目」(方案报价)" in saved.text
    deal = await one_deal(bot)
    assert (deal.amount, deal.currency, deal.stage, deal.probability) == (
        1_200_000,
        "CNY",
        DealStage.QUOTE,
        50,
    )
    assert deal.close_date == date(2026, 11, 30)

    card = await wang.send("华润置地办公楼项目谈到了110万,客户在压价")
    assert "💼 更新商机「办公楼项目」:金额 120万 → 110万 · 阶段 方案报价 → 商务谈判" in card.text
    saved = await wang.press("保存")
    assert "💼 已更新商机「办公楼项目」:金额 120万 → 110万 · 阶段 方案报价 → 商务谈判" in saved.text
    deal = await one_deal(bot)
    assert (deal.amount, deal.stage, deal.probability) == (1_100_000, DealStage.NEGOTIATION, 75)
    assert await history(bot) == [
        ("stage", None, "quote"),
        ("amount", None, "1200000"),
        ("close_date", None, "2026-11-30"),
        ("amount", "1200000", "1100000"),
        ("stage", "quote", "negotiation"),
    ]


async def test_a_signed_contract_with_a_payment_plan_is_a_won_deal(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("华润置地签了合同,金额115万,分三期,签约30%,验收60%,质保10%")
    assert "💼 商机:华润置地 · 115万 · 赢单(新建商机)" in card.text  # no title: the company
    assert "💰 回款计划:签约30% · 验收60% · 质保10%" in card.text
    await wang.press("保存")
    deal = await one_deal(bot)
    assert (deal.stage, deal.won_amount, deal.closed_at is not None) == (
        DealStage.WON,
        1_150_000,
        True,
    )
    plan = await bot.scalars(select(DealPayment).order_by(DealPayment.position))
    assert [(p.label, p.percent, p.amount) for p in plan] == [
        ("签约", 30, 345_000),
        ("验收", 60, 690_000),
        ("质保", 10, 115_000),
    ]


async def test_the_card_lists_open_deals_and_its_buttons_move_them(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send(QUOTE)
    await wang.press("保存")
    card = await wang.press("查看客户")
    assert "💼 商机" in card.text
    assert "  · 办公楼项目 · 120万 · 方案报价 · 预计11月30日签约" in card.text
    assert {"⏩ 推进", "🏆 赢单", "💔 输单"} <= set(card.buttons)

    moved = await wang.press("推进")
    assert "⏩ 已推进到「商务谈判」。" in moved.text
    assert (await one_deal(bot)).stage == DealStage.NEGOTIATION
    card = await wang.press("查看客户")
    asked = await wang.press("输单")
    assert "💔 「办公楼项目」为什么输了?" in asked.text
    assert {"输给竞争对手", "价格太高", "预算取消", "✍️ 写下原因"} <= set(asked.buttons)
    lost = await wang.press("预算取消")
    assert "💔 已记为输单:预算取消" in lost.text
    deal = await one_deal(bot)
    assert (deal.stage, deal.lost_reason, deal.probability) == (DealStage.LOST, "预算取消", 0)
    card = await wang.press("查看客户")
    assert "💼 商机" not in card.text  # only open deals are listed


async def test_a_lost_reason_can_be_typed(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send(QUOTE)
    await wang.press("保存")
    await wang.press("查看客户")
    await wang.press("输单")
    asked = await wang.press("写下原因")
    assert "请写下输单原因" in asked.text
    done = await wang.send("输给了南瑞继保,价格低了两成")
    assert "💔 已记为输单:输给了南瑞继保,价格低了两成" in done.text
    assert (await one_deal(bot)).lost_reason == "输给了南瑞继保,价格低了两成"


async def test_forged_deal_buttons_reach_nothing(bot: BotHarness) -> None:
    team = await make_team(bot)
    await team.wang.send(QUOTE)
    await team.wang.press("保存")
    deal = await one_deal(bot)
    for data in (f"deal:a:{deal.id}", f"deal:w:{deal.id}", f"deal:r:{deal.id}:0"):
        reply = await team.zhang.press_data(data)
        assert reply.callback_answers == ["这个按钮已失效。"]
    reply = await team.manager.press_data(f"deal:w:{deal.id}")
    assert reply.callback_answers == ["这是同事的商机,只有负责人可以修改。"]
    for data in ("deal:a:99999", "deal:r:1:99", "deal:zz:1", "deal:", f"deal:a:{deal.id}x"):
        reply = await team.wang.press_data(data)
        assert reply.callback_answers == ["这个按钮已失效。"]
    assert (await one_deal(bot)).stage == DealStage.QUOTE


async def test_pipeline_for_the_manager_and_a_polite_no_for_a_rep(bot: BotHarness) -> None:
    team = await make_team(bot)
    for rep, note in (
        (team.wang, QUOTE),
        (team.wang, "万科物业园区项目预算50万,还在需求确认"),
        (team.zhang, "中建三局总部项目谈到了200万,客户在压价,下周五签"),
        (team.zhang, "华电集团项目丢单了,输给了南瑞继保,原来报价80万"),
        (team.wang, "招商局签了合同,金额60万"),
    ):
        await rep.send(note)
        await rep.press("保存")
    refused = await team.wang.send("/pipeline")
    assert refused.text == "销售漏斗只有经理可以查看。你的商机在各客户的卡片上。"

    text = (await team.manager.send("/pipeline")).text
    deals = list(await bot.scalars(select(Deal).order_by(Deal.id)))
    stages = [d.stage for d in deals]
    assert stages.count(DealStage.WON) == 1 and stages.count(DealStage.LOST) == 1
    assert "📊 销售漏斗 · 11月" in text
    assert "方案报价:1 个 · 120万 · 加权 60万" in text
    assert "商务谈判:1 个 · 200万 · 加权 150万" in text
    assert "需求确认:1 个 · 50万 · 加权 12.5万" in text
    assert "合计:3 个 · 370万 · 加权 222.5万" in text
    assert "  · 张伟:1 个 · 200万 · 加权 150万\n  · 王磊:2 个 · 170万 · 加权 72.5万" in text
    assert "📅 本月预计签约(1)" in text and "华润置地 办公楼项目 120万 · 11月30日 · 王磊" in text
    assert "🏆 本月赢单(1) · 60万\n  · 招商局 60万 · 王磊" in text
    assert "💔 本月输单(1)" in text and "  · 华电集团 80万 · 输给了南瑞继保 · 张伟" in text


def test_amounts_are_shown_the_chinese_way() -> None:
    from handlers.deals.text import amount_text

    assert amount_text(1_200_000) == "120万"
    assert amount_text(120_000_000) == "1.2亿"
    assert amount_text(85_000) == "8.5万"
    assert amount_text(1_234_567) == "123.46万"
    assert amount_text(5_000) == "5000元"
    assert amount_text(350_000, "USD") == "35万 USD"
    assert amount_text(800, "HKD") == "800 HKD"


async def test_the_export_has_a_deals_sheet(bot: BotHarness) -> None:
    import io

    import openpyxl

    wang = bot.user("王磊")
    await wang.send(QUOTE)
    await wang.press("保存")
    await wang.send("/export")
    [document] = (await wang.press("Excel")).documents
    book = openpyxl.load_workbook(io.BytesIO(document.content))
    rows = list(book["商机"].iter_rows(values_only=True))
    assert rows[0][:8] == (
        "客户名称",
        "商机",
        "负责人",
        "阶段",
        "金额",
        "币种",
        "赢单概率",
        "预计签约",
    )
    assert rows[1][:7] == ("华润置地", "办公楼项目", "王磊", "方案报价", 1_200_000, "CNY", 50)
    assert len(rows) == 2


async def test_a_deal_keeps_the_competitors_and_contacts_its_note_names(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("华润置地办公楼项目报价120万 竞争对手是广联达 见了黄总")
    assert "· 对手:广联达 · 联系人:黄总(新建商机)" in card.text
    await wang.press("保存")
    deal = await one_deal(bot)
    assert deal.competitors == "广联达"

    card = await wang.send("华润置地办公楼项目谈到了110万 竞争对手是博超 见了黄总和李工")
    # only what is new to the deal: 黄总 and 广联达 are on it already
    assert "· 阶段 方案报价 → 商务谈判 · 对手:博超 · 联系人:李工" in card.text
    await wang.press("保存")
    await wang.press("补充到")  # 黄总 was met today already: the same meeting (tryout 18)
    deal = await one_deal(bot)
    assert deal.competitors == "广联达、博超"  # a later note adds; what was kept stays

    page = await wang.press_data(f"deal:v:{deal.id}")  # the page /pipeline's drill-down opens
    assert "竞争对手:广联达" in page.text
    assert "联系人:黄总、李工" in page.text

    await wang.send("/export")
    reply = await wang.press("CSV:商机")
    [document] = reply.documents
    rows = list(csv.reader(io.StringIO(document.content.decode("utf-8-sig"))))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert (row["商机"], row["竞争对手"], row["联系人"]) == (
        "办公楼项目",
        "广联达、博超",
        "黄总、李工",
    )


async def test_the_last_push_asks_before_the_deal_is_won_and_winning_settles_the_signing(
    bot: BotHarness,
) -> None:
    """Tryout of 2026-12-02, item 9: one tap at 商务谈判 used to sign the contract."""
    wang = bot.user("王磊")
    await wang.send(QUOTE)  # 预计月底签约: a follow-up 11月30日 签约 too
    await wang.press("保存")
    await wang.send("/customer 华润置地")
    await wang.press("推进")  # 方案报价 → 商务谈判
    await wang.press("查看客户")

    asked = await wang.press("推进")
    assert asked.text == (
        "🏆 「办公楼项目」下一步就是赢单。已经签约了吗?\n💰 现在的金额是 120万,签约金额是这个吗?"
    )
    assert asked.buttons == ["✅ 按 120万 签约", "✏️ 改金额", "↩️ 返回"]
    assert (await one_deal(bot)).stage == DealStage.NEGOTIATION  # nothing yet
    back = await wang.press("返回")
    assert "🏢 华润置地" in back.text
    assert (await one_deal(bot)).stage == DealStage.NEGOTIATION

    asked = await wang.press("赢单")  # 🏆 赢单 asks the same
    assert asked.buttons == ["✅ 按 120万 签约", "✏️ 改金额", "↩️ 返回"]
    won = await wang.press("按 120万 签约")
    assert won.text.startswith(
        "🏆 恭喜赢单!\n✅ 已完成跟进:11月30日(周一) 签约\n🏢 客户状态:潜在 → 合作中\n💼 办公楼项目"
    )
    assert (await one_deal(bot)).stage == DealStage.WON
    signing = await bot.scalar(select(FollowUp))
    assert signing.status == FollowUpStatus.DONE
    customer = await bot.scalar(select(Customer))
    assert customer.status == CustomerStatus.COOPERATING
