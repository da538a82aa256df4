"""Quick capture reads what reps write and invents nothing: the parsing sentences of issue
#18, as a rep types them (Monday 23 November 2026, 10:00 in Shanghai). Each failed before the
parser was changed for it."""

import pytest
from sqlalchemy import select

from storage.models import Customer, FollowUp, Interaction
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")


@pytest.mark.parametrize(
    ("note", "due"),
    [
        ("下周去拜访万科", "11月30日(周一)"),
        ("过两天去拜访万科", "11月25日(周三)"),
    ],
)
async def test_a_planned_visit_is_a_follow_up_not_a_visit(
    bot: BotHarness, note: str, due: str
) -> None:
    wang = bot.user("王磊")
    card = await wang.send(note)
    assert "📝 拜访" not in card.text
    assert f"⏰ 跟进:{due}" in card.text and "拜访" in card.text
    await wang.press("保存")
    assert await bot.count(Interaction, Interaction.kind == "visit") == 0
    assert await bot.count(FollowUp) == 1
    customer = await bot.scalar(select(Customer))
    assert customer.name == "万科" and customer.last_contact_at is None


async def test_cycles_and_competitors_go_to_the_archive_not_to_reminders(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    card = await wang.send("华东电力设计院的竞争对手是广联达和博超 采购周期一年一次 一般年底付款")
    assert "⏰" not in card.text
    assert "🔁 采购周期:一年一次" in card.text
    assert "💳 付款周期:年底付款" in card.text
    assert "⚔️ 竞争对手:广联达、博超" in card.text
    await wang.press("保存")
    customer = await bot.scalar(select(Customer))
    assert (customer.purchase_cycle, customer.payment_cycle, customer.competitors) == (
        "一年一次",
        "年底付款",
        "广联达、博超",
    )
    assert await bot.count(FollowUp) == 0


async def test_a_tender_habit_is_no_follow_up(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("华东电力设计院每年一次,年初招标")
    assert "⏰" not in card.text


async def test_an_english_next_friday_is_next_weeks_friday(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("call Wang at 华东电力设计院 next Friday 3pm")
    assert "⏰ 跟进:12月4日(周五) 15:00" in card.text


@pytest.mark.parametrize(
    ("note", "due", "action"),
    [
        ("今天拜访了万科的张总,明天上午10点给他打电话", "11月24日(周二) 10:00", "打电话"),
        ("今天拜访了万科的张总,今天下午5点给他发资料", "今天 17:00", "发资料"),
        ("今天拜访了万科的张总,明天给张总打电话", "11月24日(周二)", "打电话"),
    ],
)
async def test_a_follow_up_with_a_person_and_a_time_is_read(
    bot: BotHarness, note: str, due: str, action: str
) -> None:
    wang = bot.user("王磊")
    card = await wang.send(note)
    assert "📝 拜访:今天" in card.text
    line = next(line for line in card.text.splitlines() if line.startswith("⏰ 跟进:"))
    assert line.startswith(f"⏰ 跟进:{due}") and action in line


@pytest.mark.parametrize(
    ("note", "who"),
    [
        ("王明局长生日12月9日", "👤 王明 局长(王局长)"),
        ("拜访了华东电力设计院的李明处长", "👤 李明 处长(李处长)"),
    ],
)
async def test_a_full_name_with_a_word_inside_is_kept_whole(
    bot: BotHarness, note: str, who: str
) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 华东电力设计院")
    await wang.press("新建")
    card = await wang.send(note)
    assert who in card.text and "👤 ?" not in card.text


async def test_cycles_and_competitors_are_corrected_with_modify(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("华东电力设计院的竞争对手是广联达和博超 采购周期一年一次 一般年底付款")
    menu = await wang.press("修改")
    assert {"🔁 采购周期", "💳 付款周期", "⚔️ 竞争对手"} <= set(menu.buttons)
    await wang.press("竞争对手")
    card = await wang.send("广联达、博超、鲁班")
    assert "⚔️ 竞争对手:广联达、博超、鲁班" in card.text
    await wang.press("修改")
    await wang.press("付款周期")
    card = await wang.send("验收后三个月付款")
    assert "💳 付款周期:验收后三个月付款" in card.text
    await wang.press("保存")
    customer = await bot.scalar(select(Customer))
    assert customer.payment_cycle == "验收后三个月付款"
    assert "鲁班" in (customer.competitors or "")
