"""Round thirty-two through the real Application (Monday 23 November 2026, 10:00): a leader's
trip said with the title alone is that leader's — kept on a contact of the customer known by the
title, never on the one who told of it; three weekdays running are one stay, and the hour said
after the afternoon is the task's; a Taiwan year is read; a visit form filled ahead logs no visit."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from storage.models import Contact, FollowUp, Interaction, Itinerary
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")

SH = ZoneInfo("Asia/Shanghai")


async def test_a_leaders_trip_told_by_someone_else(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("今天去了徐州市人民医院，见了设备科杜科长，杜科长说院长下周三去南京开会")
    await wang.press("保存")
    trip = await bot.scalar(select(Itinerary))
    traveller = await bot.scalar(select(Contact).where(Contact.id == trip.contact_id))
    assert (traveller.title, traveller.is_key_leader) == ("院长", True)
    assert (trip.place, trip.starts_on) == ("南京", date(2026, 12, 2))
    names = sorted(c.name for c in await bot.scalars(select(Contact)))
    assert names == sorted(["院长", "杜科长"])


async def test_a_leaders_trip_told_in_traditional_script(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("今天拜訪台中榮總，見了設備科杜科長，杜科長說院長下週三去台北開會")
    await wang.press("保存")
    trip = await bot.scalar(select(Itinerary))
    traveller = await bot.scalar(select(Contact).where(Contact.id == trip.contact_id))
    assert (traveller.title, traveller.is_key_leader) == ("院長", True)


async def test_a_leader_named_by_title_alone_is_kept_once(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("湛江市交通局 局长明天去省里汇报，后天回来")
    await wang.press("保存")
    await wang.send("湛江市交通局 局长下周四去北京开会")
    await wang.press("保存")
    leaders = list(await bot.scalars(select(Contact)))
    assert [c.name for c in leaders] == ["局长"]
    trips = list(await bot.scalars(select(Itinerary).order_by(Itinerary.starts_on)))
    assert [(t.place, t.starts_on, t.ends_on) for t in trips] == [
        ("省里", date(2026, 11, 24), date(2026, 11, 25)),
        ("北京", date(2026, 12, 3), date(2026, 12, 3)),
    ]


async def test_the_hour_after_the_afternoon_and_days_running(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("那个下礼拜一二三我都在苏州跑客户 恒力集团的沈总下礼拜四下午约了四点")
    assert "16:00" in card.text
    await wang.press("保存")
    tasks = list(await bot.scalars(select(FollowUp)))
    assert [t.due_at for t in tasks] == [datetime(2026, 12, 3, 16, 0, tzinfo=SH)]


async def test_a_taiwan_year(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("115年12月15日上午10點到鴻海開會,找劉副總")
    await wang.press("保存")
    tasks = list(await bot.scalars(select(FollowUp)))
    assert [t.due_at for t in tasks] == [datetime(2026, 12, 15, 10, 0, tzinfo=SH)]


async def test_a_visit_form_filled_ahead(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send(
        "客户走访单\n客户:河北敬业钢铁\n计划时间:11月30日(周一)上午9:30\n"
        "拜访对象:设备部韩部长、采购杜经理\n目的:介绍新型耐材,争取试用"
    )
    await wang.press("保存")
    assert list(await bot.scalars(select(Interaction).where(Interaction.kind != "note"))) == []
