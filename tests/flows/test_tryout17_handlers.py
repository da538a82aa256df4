"""The handler-side items of tryout 17 (Thursday 3 December 2026, 21:20; new reps and a manager in
the local chat): a plan waiting for the manager is counted in the team summary, not 计划 0; a
guided /visit after a quick note of the same meeting asks whether it completes that record."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from sqlalchemy import select

from bot.local_api import LocalClient, Reply
from storage.cycle import MeetingMinutes
from storage.models import Interaction
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


async def note_and_visit(bot: BotHarness) -> tuple[LocalClient, Reply]:
    """李明 notes a visit in one line, then starts /visit for the same customer."""
    li = bot.user("李明")
    await li.send("今天拜访了中交二航局的戴总,聊了明年钢材供货")
    await li.press("保存")
    await li.send("/visit")
    asked = await li.press("中交二航局")
    return li, asked


async def test_a_guided_visit_after_a_quick_note_of_the_same_meeting_completes_it(
    bot: BotHarness,
) -> None:
    li, asked = await note_and_visit(bot)
    assert asked.text.startswith("记拜访\n今天已经记过这个客户的拜访。")
    assert asked.buttons[:2] == ["📝 补充到:今天 拜访 · 明年钢材供货", "➕ 另记一次拜访"]
    met = await li.press("补充到")
    assert "记拜访 · 2/5" in met.text and "见了谁" in met.text  # the steps as before
    await li.press("戴总")
    await li.press("完成选择")
    await li.send("谈了明年钢材供货的框架,对方希望一季度先试供两百吨,价格按月结算")
    await li.press("跳过")
    done = await li.press("跳过")
    assert "✅ 已补充到「中交二航局」今天的拜访记录。" in done.text

    [visit] = await bot.scalars(select(Interaction))  # one meeting, one record
    assert visit.note == (
        "今天拜访了中交二航局的戴总,聊了明年钢材供货;见了:戴总;"
        "谈了:谈了明年钢材供货的框架,对方希望一季度先试供两百吨,价格按月结算"
    )  # both texts, the note's first
    [minutes] = await bot.scalars(select(MeetingMinutes))
    assert minutes.written_at is not None  # the guided answers are its 纪要, as for any /visit


async def test_another_meeting_the_same_day_is_recorded_apart(bot: BotHarness) -> None:
    li, _asked = await note_and_visit(bot)
    await li.press("另记一次拜访")
    await li.press("完成选择")
    await li.send("下午又去了一趟,送了样品")
    await li.press("跳过")
    done = await li.press("跳过")
    assert "✅ 拜访已记录到「中交二航局」。" in done.text
    assert await bot.count(Interaction) == 2


async def test_cancel_at_the_same_day_question_saves_nothing(bot: BotHarness) -> None:
    li, asked = await note_and_visit(bot)
    assert "➕ 另记一次拜访" in asked.buttons
    left = await li.send("取消")
    assert left.text.startswith("已取消")
    [visit] = await bot.scalars(select(Interaction))
    assert visit.note == "今天拜访了中交二航局的戴总,聊了明年钢材供货"  # as it was

