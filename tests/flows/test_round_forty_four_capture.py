"""Round forty-four through the real Application: a day counted from the customer's event is
reminded on that day, not the event's; a chat pasted under its day line is logged on that day
and its 下周二 reckoned from it; a colleague who goes to see the customer is neither a contact
nor the rep's reminder; the rep's own promise is no contact had."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine
from sqlalchemy import select

from storage.models import Contact, FollowUp, Interaction, InteractionKind
from tests.conftest import BotHarness

SH = ZoneInfo("Asia/Shanghai")


async def test_the_day_before_the_bid_opening_is_the_reminder(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 10, 28, 10, 0, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        card = await wang.send("中建八局下下周三开标，开标前一天把标书递过去")
        assert "11月10日" in card.text
        assert "11月11日" not in card.text
        await wang.press("保存")
        (task,) = list(await bot.scalars(select(FollowUp)))
        assert task.due_date == date(2026, 11, 10)
        assert "标书" in task.text


async def test_a_chat_under_its_day_line_is_that_days(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2027, 1, 4, 8, 30, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        await wang.send(
            "市妇幼 孔主任\n12月30日 下午4:10\n孔主任：合同盖好章了 你下周过来拿\n"
            "我：好嘞 下周二上午过去\n孔主任：周二上午我有会 下午吧\n我：那就下周二下午两点"
        )
        await wang.press("保存")
        (chat,) = list(await bot.scalars(select(Interaction)))
        assert chat.kind == InteractionKind.WECHAT
        assert chat.occurred_at.astimezone(SH).date() == date(2026, 12, 30)
        (task,) = list(await bot.scalars(select(FollowUp)))
        assert task.due_at is not None
        assert task.due_at.astimezone(SH) == datetime(2027, 1, 5, 14, 0, tzinfo=SH)


async def test_a_colleague_who_goes_to_see_them_is_not_the_customers(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2027, 2, 24, 19, 30, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        card = await wang.send("万科集团的项目：小郑下周一去见李处，我下周三去见他们的万总。")
        assert "小郑" not in card.text
        await wang.press("保存")
        names = sorted(c.salutation for c in await bot.scalars(select(Contact)))
        assert names == ["万总", "李处长"]
        (task,) = list(await bot.scalars(select(FollowUp)))
        assert task.due_date == date(2027, 3, 3)


async def test_the_reps_promise_is_no_visit(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 9, 30, 10, 0, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        card = await wang.send("答应了万科杭总下周一前回复报价")
        assert "拜访" not in card.text
        await wang.press("保存")
        kinds = [i.kind for i in await bot.scalars(select(Interaction))]
        assert InteractionKind.VISIT not in kinds
