"""The handler-side items of tryout 17 (Thursday 3 December 2026, 21:20; new reps and a manager in
the local chat): a plan waiting for the manager is counted in the team summary, not 计划 0; a
guided /visit after a quick note of the same meeting asks whether it completes that record; and
a record filed under the wrong customer is moved to another from 🛠 改记录."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.builders import make_team
from tests.conftest import BotHarness

NOW = datetime(2026, 12, 3, 21, 20, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def thursday_night() -> Iterator[time_machine.Traveller]:
    """Thursday 3 December 2026, 21:20 in Shanghai."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


async def test_a_plan_waiting_for_the_manager_is_counted_in_the_team_summary(
    bot: BotHarness,
) -> None:
    team = await make_team(bot)
    await team.wang.send("/customer 万科")
    await team.wang.press("新建")
    await team.wang.send("/plan 下周一上午10点拜访万科 目的是谈二期方案 见张总")
    sent = await team.wang.press("提交")
    assert sent.text.startswith("✅ 已提交,等李经理批准。")

    summary = await team.manager.send("/team")  # 本周: the plan was written this week
    assert "📋 走访周期:计划 1(批准 0/1,待审批 1)" in summary.text
    assert "  · 王磊:计划 1(批准 0/1,待审批 1)" in summary.text
    today = await team.manager.press("今日")  # and today
    assert "📋 走访周期:计划 1(批准 0/1,待审批 1)" in today.text

    await team.manager.press("✅ 批准")
    approved = await team.manager.send("/team")
    assert "📋 走访周期:计划 1(批准 1/1)" in approved.text  # approving keeps it counted
    assert "待审批" not in approved.text
