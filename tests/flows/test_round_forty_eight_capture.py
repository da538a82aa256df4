"""Round forty-eight through the real Application: a meeting still to be set next week is no
reminder; a leader's legs past a comma are his itinerary in the week named; someone of the
customer's purchasing centre is filed under the firm as its purchaser; the rep's own boss is
no contact; a plan changed to a call is kept as a note, no call logged."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine
from sqlalchemy import select

from storage.models import (
    Contact,
    Customer,
    FollowUp,
    Interaction,
    InteractionKind,
    Itinerary,
)
from tests.conftest import BotHarness

SH = ZoneInfo("Asia/Shanghai")


async def test_a_meeting_still_to_be_set_next_week_is_no_reminder(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        await wang.send("打电话想约端州电子的梁总周四见面，他说周四不行，让我下周再约")
        await wang.press("保存")
        assert list(await bot.scalars(select(FollowUp))) == []
        (had,) = list(await bot.scalars(select(Interaction)))
        assert had.occurred_at.astimezone(SH).date() == date(2026, 12, 2)


async def test_a_leaders_legs_past_a_comma_are_his_itinerary(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        await wang.send("东方航空物资公司周总秘书说周总下周一去成都，周三去昆明，周五回上海。")
        await wang.press("保存")
        assert list(await bot.scalars(select(FollowUp))) == []
        stops = sorted((i.starts_on, i.place) for i in await bot.scalars(select(Itinerary)))
        assert stops == [(date(2026, 12, 7), "成都"), (date(2026, 12, 9), "昆明")]


async def test_the_purchasing_centres_man_is_the_firms_purchaser(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 9, 1, 10, 0, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        await wang.send("今天拜访了格力电器采购中心的包部长，聊了明年的压缩机配件")
        await wang.press("保存")
        (firm,) = list(await bot.scalars(select(Customer)))
        assert firm.name == "格力电器"
        (bao,) = list(await bot.scalars(select(Contact)))
        assert (bao.salutation, bao.decision_role) == ("包部长", "purchaser")


async def test_the_reps_own_boss_is_no_contact(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 7, 20, 18, 0, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        await wang.send("今天陪我们老总龚总去了紫金矿业，见了他们的副总裁邱总和采购总监甘总")
        await wang.press("保存")
        names = sorted(c.salutation or "" for c in await bot.scalars(select(Contact)))
        assert names == ["甘总", "邱总"]


async def test_a_visit_changed_to_a_call_logs_no_call(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 8, 12, 10, 0, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        await wang.send("取消：周四拜访四川路桥。改为电话沟通，时间待定")
        await wang.press("保存")
        # the rep's words are kept as a note, not as a call that never took place
        kinds = [i.kind for i in await bot.scalars(select(Interaction))]
        assert kinds == [InteractionKind.NOTE]
        assert list(await bot.scalars(select(FollowUp))) == []
