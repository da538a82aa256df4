"""Round thirty-three through the real Application (Monday 23 November 2026, 10:00): a day moved
to another keeps only the new one; a pasted record's own date line dates the visit; the rep's
colleague in brackets is no contact of the customer's; a leader away since a day gone by is
saved as a trip; a money chase is the rep's task, not someone back from a trip."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from storage.models import Contact, FollowUp, Interaction, Itinerary
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")

SH = ZoneInfo("Asia/Shanghai")


async def test_a_day_moved_to_another(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("周三送样→改周四 李工(中车株洲所) 13874123456")
    await wang.press("保存")
    tasks = list(await bot.scalars(select(FollowUp)))
    assert [(t.due_date, t.text) for t in tasks] == [(date(2026, 11, 26), "送样")]


async def test_a_records_date_line_and_a_colleague_in_brackets(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send(
        "客户：郑州宇通客车\n日期：11月20日\n拜访人：我、王经理（我司）\n"
        "对方：采购副总 阎立新\n方式：拜访\n内容：年度框架协议续签"
    )
    await wang.press("保存")
    visit = await bot.scalar(select(Interaction).where(Interaction.kind == "visit"))
    assert visit.occurred_at.astimezone(SH).date() == date(2026, 11, 20)
    assert [c.name for c in await bot.scalars(select(Contact))] == ["阎立新"]


async def test_a_leader_away_since_last_week(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send(
        "今天去了天津港保税区管委会，韩局长不在，说是上周六去新加坡考察了，这周四才回来"
    )
    await wang.press("保存")
    trip = await bot.scalar(select(Itinerary))
    assert (trip.place, trip.starts_on, trip.ends_on) == (
        "新加坡",
        date(2026, 11, 21),
        date(2026, 11, 26),
    )


async def test_money_to_chase_back(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("中铁十局 第一笔款月底前要催回来")
    assert "催第一笔款" in card.text
    await wang.press("保存")
    tasks = list(await bot.scalars(select(FollowUp)))
    assert [(t.due_date, t.text) for t in tasks] == [(date(2026, 11, 30), "催第一笔款")]
    assert list(await bot.scalars(select(Itinerary))) == []


async def test_the_first_working_day_after_the_holiday(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("万科物业：元旦假期后第一个工作日把年度返点算好发给钟经理")
    await wang.press("保存")
    tasks = list(await bot.scalars(select(FollowUp)))
    assert [t.due_date for t in tasks] == [date(2027, 1, 4)]  # 1–3 January off
