"""Round thirty-four through the real Application, written on a Sunday evening (22 November 2026,
21:00): this week's Thursday is the coming one; an English deadline from today; the customer
coming to us is theirs, what to prepare is the rep's; a record's label dates its visit; a
leader's own travel sets no task; a mobile said in groups is a phone, not the May holiday."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from sqlalchemy import select

from storage.models import Contact, FollowUp, Interaction
from tests.conftest import BotHarness

SH = ZoneInfo("Asia/Shanghai")


@pytest.fixture(autouse=True)
def sunday_evening() -> Iterator[object]:
    """Sunday 22 November 2026, 21:00 in Shanghai (这周四 is 11月26日)."""
    moment = datetime(2026, 11, 22, 21, 0, tzinfo=SH)
    with time_machine.travel(moment, tick=False) as traveller:
        yield traveller


async def test_this_weeks_thursday_said_on_sunday(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("这周四催中建三局尾款15万")
    assert "11月26日" in card.text
    assert "🏢 中建三局" in card.text  # (the chase is no part of the firm's name)
    await wang.press("保存")
    tasks = list(await bot.scalars(select(FollowUp)))
    assert [t.due_date for t in tasks] == [date(2026, 11, 26)]


async def test_an_english_deadline_from_today(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("Visited 中建三局 today, met 刘总. Need to send quote by 12/15.")
    await wang.press("保存")
    tasks = list(await bot.scalars(select(FollowUp)))
    assert [t.due_date for t in tasks] == [date(2026, 12, 15)]


async def test_the_customer_coming_to_us(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("客户下周二来我们公司参观——南京医药的诸葛总。周一前把展厅样品换成新款。")
    await wang.press("保存")
    tasks = list(await bot.scalars(select(FollowUp)))
    assert [(t.due_date, t.text) for t in tasks] == [(date(2026, 11, 23), "把展厅样品换成新款")]
    assert list(await bot.scalars(select(Interaction))) == []


async def test_a_records_label_dates_the_visit(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send(
        "客户：苏州科达\n联系人：陶建国 副总裁 13915001234\n拜访：昨天下午\n下一步：11月25日下午再约陶总"
    )
    await wang.press("保存")
    visit = await bot.scalar(select(Interaction).where(Interaction.kind == "visit"))
    assert visit.occurred_at.astimezone(SH).date() == date(2026, 11, 21)


async def test_a_leaders_own_travel_and_a_mobile_said_in_groups(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("南京银行 冯总 这个月底去欧洲 冯总电话 一三九 五一六 七七六六五")
    await wang.press("保存")
    assert list(await bot.scalars(select(FollowUp))) == []
    feng = await bot.scalar(select(Contact))
    assert feng.phones == ["13951677665"]
