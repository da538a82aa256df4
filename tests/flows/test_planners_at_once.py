"""Two planners at the same moment (tryout 8, problem D): the app's own job and a second
process both list a new customer's archive for review. Neither fails; the manager is told once
and the archive is listed once."""

from __future__ import annotations

import asyncio

import time_machine
from sqlalchemy import select

from storage.cycle import ArchiveReview
from tests.builders import Pushes, customer, local, make_team
from tests.conftest import BotHarness


async def test_two_planners_at_once_list_a_new_archive_once(bot: BotHarness) -> None:
    team = await make_team(bot)
    await customer(bot, team.wang, "苏州建工", local(2026, 12, 1, 9, 0))
    first, second = Pushes.of(bot), Pushes.of(bot).restarted()
    moment = local(2026, 12, 2, 8, 30)
    with time_machine.travel(moment, tick=False):
        await asyncio.gather(first.planner.run(), second.planner.run())
    sent = await first.at(moment)
    reviews = [c for c in sent if c.chat_id == team.manager.chat_id and "审阅" in c.text]
    assert len(reviews) == 1
    assert "1. 王磊 · 苏州建工 · 新客户档案(联系人 0 人)" in reviews[0].text
    assert len(await bot.scalars(select(ArchiveReview.customer_id))) == 1

    # Planned again at the same moment (as after a restart), nothing is listed twice.
    with time_machine.travel(moment, tick=False):
        await second.planner.run()
    reply = await team.manager.press("已审核 1")
    assert "✅ 已审核" in reply.callback_answers
