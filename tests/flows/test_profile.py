"""The card shows the archive (#14, must-have 1): one tap to every saved field of the customer
and its contacts, family with birthdays, the key-leader flag; the change log one tap further;
edit prompts show the current value and take 清空 / 跳过."""

from datetime import date

import pytest
from sqlalchemy import select

from bot.local_api import LocalClient
from storage.models import Contact, Customer, Grade
from tests.builders import Archive, member_of
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")

MONDAY = date(2026, 11, 23)


async def rep_with_a_full_archive(bot: BotHarness) -> LocalClient:
    rep = bot.user("王磊")
    await rep.send("/start")
    archive = Archive(bot, await member_of(bot, rep))
    hd = await archive.customer(
        "华东电力设计院",
        Grade.A,
        industry="电力设计",
        address="上海市黄浦区中山南路1号",
        scale="2000人",
        purchase_cycle="每年3月集中招标",
        payment_cycle="验收后60天",
        competitors="南瑞、许继",
        current_suppliers="西门子",
        our_products="配电柜",
        our_share="30%",
    )
    wang = await archive.contact(
        hd, "王建国", salutation="王局长", birthday=(3, 8), lunar=True, today=MONDAY,
        key_leader=True,
    )  # fmt: skip
    await archive.family(wang, "女儿", (12, 7), MONDAY)
    async with bot.session() as session:
        contact = await session.get_one(Contact, wang.id)
        contact.native_place = "山东"
        contact.education = "清华大学"
        contact.personality = "直爽,重细节"
        contact.decision_role = "decision_maker"
        contact.title = "局长"
        await session.commit()
    return rep


async def test_one_tap_from_the_card_to_the_whole_archive(bot: BotHarness) -> None:
    rep = await rep_with_a_full_archive(bot)
    card = await rep.send("/customer 华东电力设计院")
    assert "籍贯" not in card.text and "竞争对手" not in card.text  # the card stays compact
    assert "📋 完整档案" in card.buttons
    profile = await rep.press("完整档案")
    text = profile.text
    assert text.startswith("📋 「华东电力设计院」完整档案")
    for line in (
        "【基础资料】",
        "地址:上海市黄浦区中山南路1号",
        "【客户特征】",
        "行业:电力设计",
        "采购周期:每年3月集中招标",
        "付款周期:验收后60天",
        "【业务状况】",
        "竞争对手:南瑞、许继",
        "现有供应商:西门子",
        "我方产品:配电柜",
        "我方份额:30%",
        "👤 王建国 🔑 关键人",
        "籍贯:山东",
        "毕业院校:清华大学",
        "性格:直爽,重细节",
        "决策角色:拍板人",
        "家人:女儿",
    ):
        assert line in text, line
    assert "生日:农历三月初八" in text
    assert "网址" not in text  # fields without a value are not listed
    log = await rep.press("修改记录")
    assert "🕘 「华东电力设计院」的修改记录" in log.text


async def test_edit_prompts_show_the_value_and_take_skip_and_clear(bot: BotHarness) -> None:
    rep = await rep_with_a_full_archive(bot)
    await rep.send("/customer 华东电力设计院")
    await rep.press("编辑资料")
    ask = await rep.press("竞争对手")
    assert "竞争对手现在是:南瑞、许继" in ask.text
    assert "跳过" in ask.text and "清空" in ask.text
    kept = await rep.send("跳过")
    assert "好的,没有改动。" in kept.text
    assert (await bot.scalar(select(Customer.competitors))) == "南瑞、许继"
    await rep.press("编辑资料")
    await rep.press("竞争对手")
    await rep.send("清空")
    assert (await bot.scalar(select(Customer.competitors))) is None
    await rep.send("/customer 华东电力设计院")
    await rep.press("完整档案")
    log = await rep.press("修改记录")
    assert "王磊:竞争对手 南瑞、许继 → (空)" in log.text
