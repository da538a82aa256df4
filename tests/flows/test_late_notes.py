"""A reminder written down after its hour, and a contact named by how he is spoken to: the
tryout of 2026-12-02 (items 3 and 4), Wednesday 2 December 2026 at 12:16 in Shanghai."""

import io
from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import openpyxl
import pytest
import time_machine
from sqlalchemy import select

from storage.models import Contact, FollowUp
from tests.conftest import BotHarness

NOON = datetime(2026, 12, 2, 12, 16, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def wednesday_noon() -> Iterator[None]:
    with time_machine.travel(NOON, tick=False):
        yield


async def test_a_reminder_whose_hour_has_passed_is_kept_overdue_and_finds_the_manager(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    await wang.send("华东电力设计院采购部经理赵敏 手机13912345678")
    await wang.press("保存")

    card = await wang.send("提醒我今天上午10点给赵经理发资料")
    assert "⏰ 跟进:今天 10:00(已过) 给赵经理发资料" in card.text
    saved = await wang.press("保存")
    assert saved.text.startswith("✅ 已保存到「华东电力设计院」。")
    assert "职务" not in saved.text  # 经理 is how 赵敏 采购部经理 is spoken to: nothing changes

    # 赵经理 is 赵敏, the only 赵 spoken to as 赵经理: no second contact
    [zhao] = await bot.scalars(select(Contact))
    assert (zhao.name, zhao.title, zhao.salutation) == ("赵敏", "采购部经理", "赵经理")
    follow_up = await bot.scalar(select(FollowUp))
    assert follow_up.text == "给赵经理发资料"

    today = await wang.send("/today")
    assert "⏰ 今日跟进 (1)" in today.text
    assert "1. 10:00 华东电力设计院 · 给赵经理发资料" in today.text


async def test_a_time_later_today_is_not_said_to_have_passed(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("提醒我今天下午3点给华东电力设计院的赵经理打电话")
    assert "⏰ 跟进:今天 15:00 给赵经理打电话" in card.text
    assert "已过" not in card.text


async def test_a_follow_ups_hour_is_in_today_and_in_the_export_a_days_is_not(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    await wang.send("提醒我今天下午3点给华东电力设计院的王局长打电话")
    await wang.press("保存")
    await wang.send("华东电力设计院王局长 12月10日要寄样品")
    await wang.press("保存")

    today = await wang.send("/today")
    assert "1. 15:00 华东电力设计院 · 给王局长打电话" in today.text

    await wang.send("/export")
    export = await wang.press("Excel")
    [document] = export.documents
    sheet = openpyxl.load_workbook(io.BytesIO(document.content))["跟进"]
    rows = list(sheet.iter_rows(min_row=2))
    due = {row[4].value: (row[2], row[3].value) for row in rows}
    assert due["给王局长打电话"][0].value == datetime(2026, 12, 2)
    assert due["给王局长打电话"][1] == "15:00"  # the hour in 时间, beside the day
    assert due["寄样品"][0].value == datetime(2026, 12, 10)
    assert due["寄样品"][0].number_format == "yyyy-mm-dd"  # a day: no 00:00
    assert due["寄样品"][1] is None
