"""The handler-side items of tryout 10: Wednesday 2 December 2026, late in the evening (22:30),
a rep writes up the day — what was said is what the bot shows."""

import io
from collections.abc import Iterator
from datetime import date, datetime

import openpyxl
import pytest
import time_machine
from sqlalchemy import func, select

from bot.local_api import LocalClient
from storage.models import Contact, Customer, FollowUp
from tests.builders import Pushes, local
from tests.conftest import BotHarness


@pytest.fixture(autouse=True)
def wednesday_evening() -> Iterator[object]:
    with time_machine.travel(local(2026, 12, 2, 22, 30), tick=False) as traveller:
        yield traveller


async def test_a_visit_said_with_its_day_alone_shows_no_hour_nobody_said(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("今天下午拜访了南京地铁的赵国栋主任,聊了报价")
    await wang.press("保存")
    await wang.send("今天上午去了南京地铁 送了样品")
    await wang.press("保存")
    await wang.send("昨天下午3点和南京地铁赵主任通了电话")
    await wang.press("保存")

    card = await wang.send("/customer 南京地铁")
    assert "22:30" not in card.text
    history = await wang.press("📜 全部记录")
    assert "22:30" not in history.text
    assert "12月2日(周三) 拜访:报价" in history.text
    assert "12月1日(周二) 15:00 电话" in history.text  # an hour said is kept
    await wang.send("/customer 南京地铁")
    listed = await wang.press("🛠 改记录")
    assert not any("22:30" in label for label in listed.buttons)

    await wang.send("/export")
    export = await wang.press("Excel")
    [document] = export.documents
    rows = list(openpyxl.load_workbook(io.BytesIO(document.content))["拜访记录"].values)
    times = {row[4]: row[2] for row in rows[1:]}
    assert times["报价"] in (date(2026, 12, 2), datetime(2026, 12, 2))  # the day, no 22:30
    said = [t for t in times.values() if isinstance(t, datetime) and t.hour == 15]
    assert said == [datetime(2026, 12, 1, 15, 0)]


async def zhao_of_nanjing_metro(bot: BotHarness, title: str) -> LocalClient:
    """The rep's 赵国栋 of 南京地铁, whose title the rep then corrects by hand."""
    wang = bot.user("王磊")
    await wang.send("今天下午拜访了南京地铁的赵国栋主任,聊了报价")
    await wang.press("保存")
    await wang.send("/customer 南京地铁")
    await wang.press("编辑资料")
    await wang.press("赵主任")
    await wang.press("职务")
    await wang.send(title)
    return wang


async def test_a_title_with_its_department_is_spoken_by_its_last_part(bot: BotHarness) -> None:
    wang = await zhao_of_nanjing_metro(bot, "营销部副主任")
    card = await wang.send("/customer 南京地铁")
    assert "赵国栋 营销部副主任(赵主任)" in card.text
    assert "赵营销部" not in card.text


async def test_a_note_for_the_director_reaches_the_deputy_director(bot: BotHarness) -> None:
    wang = await zhao_of_nanjing_metro(bot, "副主任")
    await wang.send("/customer 南京地铁")
    await wang.press("编辑资料")
    await wang.press("赵")
    await wang.press("称呼")
    await wang.send("赵副主任")  # how this rep writes it; a note still says 赵主任
    card = await wang.send("月底前把修改后的报价发给赵主任")
    assert "没有找到客户" not in card.text
    saved = await wang.press("保存")
    assert "✅ 已保存到「南京地铁」" in saved.text
    follow_up = await bot.scalar(select(FollowUp))
    assert follow_up.customer_id == await bot.scalar(select(Customer.id))
    await wang.send("今天和南京地铁赵主任通了电话 他说下周给答复")
    called = await wang.press("保存")
    assert "✅ 已保存到「南京地铁」" in called.text  # no question: he is the one 赵
    assert await bot.scalar(select(func.count()).select_from(Contact)) == 1


async def test_a_reminder_for_someone_unknown_says_so_and_offers_a_customer(
    bot: BotHarness,
) -> None:
    wang = await zhao_of_nanjing_metro(bot, "副主任")
    card = await wang.send("月底前把合同发给钱主任")
    assert "⏰ 存为你自己的提醒(没有找到客户)" in card.text
    which = await wang.press("🏢 选客户")
    assert "这条记录属于哪个客户?" in which.text
    assert "⏰ 只存为我的提醒" in which.buttons
    saved = await wang.press("🏢 南京地铁")
    assert "✅ 已保存到「南京地铁」" in saved.text
    assert await bot.scalar(select(FollowUp.customer_id)) is not None


async def test_a_person_read_by_mistake_is_left_out_before_saving(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("今天拜访了南京地铁赵主任 王经理陪同")  # 王经理 is the rep himself
    assert "王经理" in card.text
    fields = await wang.press("✏️ 修改")
    assert "🗑 删除联系人 王经理" in fields.buttons
    again = await wang.press("🗑 删除联系人 王经理")
    assert "王经理" not in again.text.replace("王经理陪同", "")
    assert "赵主任" in again.text
    await wang.press("保存")
    names = await bot.scalars(select(Contact.salutation))
    assert list(names) == ["赵主任"]


async def test_a_wechat_notes_fields_are_named_by_its_kind(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("今天和南京地铁赵主任微信聊了报价")
    fields = await wang.press("✏️ 修改")
    assert "📝 微信沟通日期" in fields.buttons and "📝 微信沟通内容" in fields.buttons
    assert not any("拜访" in label for label in fields.buttons)
    ask = await wang.press("📝 微信沟通内容")
    assert "请输入新的微信沟通内容" in ask.text


async def test_a_reminder_put_off_to_tomorrow_says_the_hour_it_keeps(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    with time_machine.travel(local(2026, 12, 2, 10, 0), tick=False):  # that morning
        await wang.send("今天下午3点提醒我给南京地铁赵主任发报价")
        await wang.press("保存")
    due = await Pushes.of(bot).at(local(2026, 12, 2, 15, 0))
    assert any("给赵主任发报价" in push.text for push in due)
    with time_machine.travel(local(2026, 12, 2, 15, 1), tick=False):
        await wang.press("推迟")
        put_off = await wang.press("明天")
    assert put_off.callback_answers == ["⏰ 已推迟到 12月3日 15:00"]


async def test_a_contacts_sons_birthday_is_on_the_card(bot: BotHarness) -> None:
    chen = bot.user("陳嘉欣", language_code="zh-hk")
    await chen.send("今日見咗新鴻基黃經理 佢個仔下個月15號生日")
    await chen.press("保存")
    card = await chen.send("/customer 新鴻基")
    line = next(line for line in card.text.splitlines() if "黃經理" in line)
    assert "🎂 " in line and "1月15日" in line
