"""Round twenty-four through the real Application (Monday 23 November 2026, 10:00): a leader's
trip said by the days he leaves and returns is his trip on the card, and no task of the rep's;
a holiday's gift is no day; a dictated task is saved whole, without the company."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from storage.models import FollowUp, Itinerary
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")

SH = ZoneInfo("Asia/Shanghai")


async def test_a_trip_said_by_the_days_it_leaves_and_returns(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("淄博华光陶瓷的祁厂长30号走12月6号回，去意大利米兰看展")
    assert "✈️ 行程" in card.text and "意大利米兰" in card.text
    assert "⏰" not in card.text
    await wang.press("保存")
    trip = await bot.scalar(select(Itinerary))
    assert (trip.place, trip.starts_on, trip.ends_on) == (
        "意大利米兰",
        date(2026, 11, 30),
        date(2026, 12, 6),
    )
    assert await bot.count(FollowUp) == 0


async def test_a_festival_gift_is_no_day_and_the_delivery_is(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("元旦节礼的事：张总那边12月28号前送到")
    await wang.press("保存")
    follow_ups = await bot.scalars(select(FollowUp))
    assert [f.due_date for f in follow_ups] == [date(2026, 12, 28)]
    assert "1月1日" not in card.text


async def test_a_dictated_task_is_saved_whole_without_the_company(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    note = "嗯那个下礼拜一早上九点要去那个昆山的那个昆山精密模具见那个邱主任嗯带上样品"
    card = await wang.send(note)
    assert "⏰" in card.text and "见邱主任" in card.text
    await wang.press("保存")
    follow_up = await bot.scalar(select(FollowUp))
    assert follow_up.text == "见邱主任"
    assert follow_up.due_at == datetime(2026, 11, 30, 9, 0, tzinfo=SH)
    assert follow_up.note == note  # the rep's words kept whole beside the task
