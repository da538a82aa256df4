"""A note about a deal the customer already has (tester's report of 2026-12-02, item 1): the
card says which open deal it updates and shows only what changes; a title is matched whatever
its script or punctuation; when several open deals could be it, the rep picks one or 新建."""

import pytest
from sqlalchemy import func, select

from bot.local_api import LocalClient
from storage.models import Deal, DealChange, DealStage
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")  # Monday 30 November 2026


async def deals(bot: BotHarness) -> dict[str, tuple[int | None, DealStage]]:
    rows = await bot.scalars(select(Deal).order_by(Deal.id))
    return {d.title: (d.amount, d.stage) for d in rows}


async def office_deal(bot: BotHarness) -> LocalClient:
    """王磊 has an open deal 办公楼项目 for 万科, quoted at 120万."""
    wang = bot.user("王磊")
    await wang.send("万科办公楼项目报价120万")
    saved = await wang.press("保存")
    assert "💼 已新建商机「办公楼项目」(方案报价)" in saved.text
    return wang


async def test_a_note_about_the_open_deal_updates_it(bot: BotHarness) -> None:
    wang = await office_deal(bot)
    card = await wang.send("今天见了万科张总 办公楼项目谈到了110万 月底签")
    assert (
        "💼 更新商机「办公楼项目」:金额 120万 → 110万 · 阶段 方案报价 → 商务谈判 · "
        "预计11月30日签约 · 联系人:张总"
    ) in card.text
    assert "新建商机" not in card.text
    saved = await wang.press("保存")
    assert (
        "💼 已更新商机「办公楼项目」:金额 120万 → 110万 · 阶段 方案报价 → 商务谈判 · "
        "预计11月30日签约 · 联系人:张总"
    ) in saved.text
    assert await deals(bot) == {"办公楼项目": (1_100_000, DealStage.NEGOTIATION)}
    deal = await bot.scalar(select(Deal))
    assert deal is not None and str(deal.close_date) == "2026-11-30"
    changes = await bot.scalars(select(DealChange).order_by(DealChange.id))
    assert [(c.field, c.old_value, c.new_value) for c in changes][-3:] == [
        ("amount", "1200000", "1100000"),
        ("close_date", None, "2026-11-30"),
        ("stage", "quote", "negotiation"),
    ]


async def test_the_title_matches_whatever_its_script_and_punctuation(bot: BotHarness) -> None:
    wang = await office_deal(bot)
    card = await wang.send("萬科「辦公樓 項目」談到了110萬")
    assert "💼 更新商机「办公楼项目」:金额 120万 → 110万 · 阶段 方案报价 → 商务谈判" in card.text
    await wang.press("保存")
    assert await deals(bot) == {"办公楼项目": (1_100_000, DealStage.NEGOTIATION)}


async def test_a_note_naming_no_title_updates_the_only_open_deal(bot: BotHarness) -> None:
    wang = await office_deal(bot)
    card = await wang.send("万科谈到了110万")
    assert "💼 更新商机「办公楼项目」:金额 120万 → 110万 · 阶段 方案报价 → 商务谈判" in card.text
    await wang.press("保存")
    assert await deals(bot) == {"办公楼项目": (1_100_000, DealStage.NEGOTIATION)}


async def test_another_title_is_a_new_deal_and_the_open_one_stays(bot: BotHarness) -> None:
    wang = await office_deal(bot)
    card = await wang.send("万科 厂房项目报价50万")
    assert "💼 商机:厂房项目 · 50万 · 方案报价(新建商机)" in card.text
    saved = await wang.press("保存")
    assert "💼 已新建商机「厂房项目」(方案报价)" in saved.text
    assert await deals(bot) == {
        "办公楼项目": (1_200_000, DealStage.QUOTE),
        "厂房项目": (500_000, DealStage.QUOTE),
    }


async def test_a_note_never_moves_a_deal_back_a_stage(bot: BotHarness) -> None:
    wang = await office_deal(bot)
    await wang.send("万科办公楼项目谈到了110万")
    await wang.press("保存")
    card = await wang.send("万科办公楼项目报价105万")
    assert "💼 更新商机「办公楼项目」:金额 110万 → 105万" in card.text.splitlines()
    saved = await wang.press("保存")
    assert "💼 已更新商机「办公楼项目」:金额 110万 → 105万" in saved.text.splitlines()
    assert await deals(bot) == {"办公楼项目": (1_050_000, DealStage.NEGOTIATION)}


async def two_open_deals(bot: BotHarness) -> LocalClient:
    wang = await office_deal(bot)
    await wang.send("万科 厂房项目报价50万")
    await wang.press("保存")
    return wang


async def test_the_rep_picks_which_of_several_open_deals_the_note_is_about(
    bot: BotHarness,
) -> None:
    wang = await two_open_deals(bot)
    card = await wang.send("万科谈到了40万")
    assert "💼 商机:万科 · 40万 · 商务谈判(更新哪个商机?请在下面选择)" in card.text
    assert card.buttons[:3] == [
        "🔁 更新:厂房项目 · 50万 · 方案报价",
        "🔁 更新:办公楼项目 · 120万 · 方案报价",
        "🆕 新建商机",
    ]
    card = await wang.press("🔁 更新:厂房项目 · 50万 · 方案报价")
    assert "💼 更新商机「厂房项目」:金额 50万 → 40万 · 阶段 方案报价 → 商务谈判" in card.text
    assert card.buttons[0] == "• 🔁 更新:厂房项目 · 50万 · 方案报价"  # the pick, marked
    saved = await wang.press("保存")
    assert "💼 已更新商机「厂房项目」:金额 50万 → 40万 · 阶段 方案报价 → 商务谈判" in saved.text
    assert await deals(bot) == {
        "办公楼项目": (1_200_000, DealStage.QUOTE),
        "厂房项目": (400_000, DealStage.NEGOTIATION),
    }


async def test_saving_before_picking_asks_and_new_makes_a_deal_as_before(bot: BotHarness) -> None:
    wang = await two_open_deals(bot)
    await wang.send("万科谈到了40万")
    asked = await wang.press("保存")
    assert asked.text == "💼 「万科」有几个进行中的商机,这条记录说的是哪一个?"
    assert asked.buttons == [
        "🔁 更新:厂房项目 · 50万 · 方案报价",
        "🔁 更新:办公楼项目 · 120万 · 方案报价",
        "🆕 新建商机",
        "❌ 取消",
    ]
    saved = await wang.press("🆕 新建商机")
    assert "✅ 已保存到「万科」。\n💼 已新建商机「万科」(商务谈判)" in saved.text
    assert await deals(bot) == {
        "办公楼项目": (1_200_000, DealStage.QUOTE),
        "厂房项目": (500_000, DealStage.QUOTE),
        "万科": (400_000, DealStage.NEGOTIATION),
    }


async def test_a_customer_named_differently_says_the_update_it_would_make(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    await wang.send("万科集团办公楼项目报价120万")
    await wang.press("保存")
    card = await wang.send("今天见了万科张总 办公楼项目谈到了110万")
    assert "🏢 万科(可能是已有客户,保存时确认)" in card.text
    assert (
        "💼 若是「万科集团」,更新商机「办公楼项目」:金额 120万 → 110万 · 阶段 方案报价 → 商务谈判"
    ) in card.text
    await wang.press("保存")
    saved = await wang.press("是「万科集团」")
    assert "💼 已更新商机「办公楼项目」:金额 120万 → 110万" in saved.text
    assert await bot.scalar(select(func.count()).select_from(Deal)) == 1
