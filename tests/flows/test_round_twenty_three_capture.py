"""Round twenty-three through the real Application (Monday 23 November 2026, 10:00): a leader
gone this week is a trip on the card and no visit of the rep's; a reminder keeps what the
meeting is for and leaves the place and the company out; 十点一起 is ten o'clock."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from storage.models import FollowUp, Interaction, Itinerary
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")

SH = ZoneInfo("Asia/Shanghai")


async def test_a_leader_gone_this_week_is_his_trip_not_a_visit(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("铜都电缆的汤总这周去了云南大理，27号回来")
    assert "✈️ 行程" in card.text and "云南大理" in card.text
    assert "📝 拜访" not in card.text
    await wang.press("保存")
    trip = await bot.scalar(select(Itinerary))
    assert (trip.place, trip.starts_on, trip.ends_on) == (
        "云南大理",
        date(2026, 11, 23),
        date(2026, 11, 27),
    )
    assert await bot.count(Interaction, Interaction.kind == "visit") == 0


async def test_a_reminder_keeps_its_errand_and_leaves_the_company_out(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    note = "大后天上午十点跟湘乡的湘中减速机的谢总见面，把新的减速机样本带给他"
    card = await wang.send(note)
    assert "⏰" in card.text and "跟谢总见面，把新的减速机样本带给他" in card.text
    await wang.press("保存")
    follow_up = await bot.scalar(select(FollowUp))
    assert follow_up.text == "跟谢总见面，把新的减速机样本带给他"
    assert follow_up.note == note  # the rep's words kept whole beside the task


async def test_ten_o_clock_together_is_ten_o_clock(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("昆山千灯电子 约了李工周四上午十点一起看现场")
    assert "10:00" in card.text and "10:01" not in card.text
    await wang.press("保存")
    follow_up = await bot.scalar(select(FollowUp))
    assert follow_up.due_at == datetime(2026, 11, 26, 10, 0, tzinfo=SH)
