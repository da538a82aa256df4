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
from sqlalchemy import select

from bot.local_api import LocalClient, Reply
from storage.cycle import MeetingMinutes
from storage.models import Customer, FollowUp, Interaction
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


async def test_a_record_filed_under_the_wrong_customer_is_moved_to_the_right_one(
    bot: BotHarness,
) -> None:
    li = bot.user("李明")
    await li.send("/customer 万科")
    await li.press("新建")
    await li.send("今天拜访了万达的张总,谈了二期方案,下周五跟进报价")  # it was 万科
    await li.press("保存")
    await li.send("/customer 万达")
    await li.press("🛠 改记录")
    menu = await li.press("拜访:二期方案")
    assert "📁 改到其他客户" in menu.buttons
    picking = await li.press("📁 改到其他客户")
    assert picking.text.startswith("这条记录改到哪个客户?")
    assert picking.buttons == ["🏢 万科", "❌ 取消"]
    asked = await li.press("🏢 万科")
    assert asked.text.startswith("把这条记录从「万达」改到「万科」吗?")
    assert "它带出的 1 条跟进也一起改过去。" in asked.text
    moved = await li.press("✅ 确定改到「万科」")
    assert moved.messages[0].text == (
        "✅ 已把这条记录从「万达」改到「万科」。\n"
        "⏰ 它带出的 1 条跟进也改过去了。\n"
        "👤 张总 还是「万达」的联系人,需要时在「万科」里再加。"
    )
    assert "🏢 万科" in moved.text and "最近联系:今天" in moved.text  # the card it went to

    named = {c.name: c for c in await bot.scalars(select(Customer))}
    vanke, wanda = named["万科"], named["万达"]
    [visit] = await bot.scalars(select(Interaction))
    assert visit.customer_id == vanke.id
    assert visit.note == "今天拜访了万达的张总,谈了二期方案,下周五跟进报价"  # its words as typed
    assert [f.customer_id for f in await bot.scalars(select(FollowUp))] == [vanke.id]
    assert [m.customer_id for m in await bot.scalars(select(MeetingMinutes))] == [vanke.id]
    assert wanda.last_contact_at is None and vanke.last_contact_at == visit.occurred_at


async def test_among_many_customers_the_right_one_is_found_by_name(bot: BotHarness) -> None:
    li = bot.user("李明")
    for name in [
        "中建三局",
        "中建八局",
        "万科",
        "万达",
        "碧桂园",
        "保利",
        "龙湖",
        "华润",
        "招商蛇口",
        "金地",
    ]:
        await li.send(f"/customer {name}")
        await li.press("新建")
    await li.send("今天给万达的刘总打了电话,聊了样品的事")  # it was 华润's 刘总
    await li.press("保存")
    await li.send("/customer 万达")
    await li.press("🛠 改记录")
    await li.press("电话")
    picking = await li.press("📁 改到其他客户")
    assert "下一页 ➡️" in picking.buttons and "🔍 按名称找" in picking.buttons
    asked = await li.press("🔍 按名称找")
    assert asked.text.startswith("请输入要改到的客户名称")
    left = await li.send("取消")  # leaves the name search: the record stays where it was
    assert left.text.startswith("好的,这条记录没有改。") and "🏢 万达" in left.text
    await li.press("🛠 改记录")
    await li.press("电话")
    await li.press("📁 改到其他客户")
    await li.press("🔍 按名称找")
    missed = await li.send("恒大")
    assert missed.text == "你的客户里没找到「恒大」。请换个名称再试,或发“取消”。"
    found = await li.send("华润")
    assert found.buttons == ["🏢 华润", "❌ 取消"]
    await li.press("🏢 华润")
    await li.press("✅ 确定改到「华润」")
    [note] = await bot.scalars(select(Interaction))
    assert note.customer_id == await bot.scalar(select(Customer.id).where(Customer.name == "华润"))


async def test_cancel_while_choosing_moves_nothing(bot: BotHarness) -> None:
    li = bot.user("李明")
    await li.send("/customer 万科")
    await li.press("新建")
    await li.send("今天拜访了万达的张总,谈了二期方案")
    await li.press("保存")
    await li.send("/customer 万达")
    await li.press("🛠 改记录")
    await li.press("拜访:二期方案")
    await li.press("📁 改到其他客户")
    back = await li.send("取消")  # the picker's ❌: the record's menu again
    assert "📁 改到其他客户" in back.buttons
    await li.press("📁 改到其他客户")
    await li.press("🏢 万科")
    await li.press("❌ 取消")
    [visit] = await bot.scalars(select(Interaction))
    wanda = await bot.scalar(select(Customer).where(Customer.name == "万达"))
    assert visit.customer_id == wanda.id and wanda.last_contact_at == visit.occurred_at


async def test_a_record_goes_only_to_the_reps_own_customers(bot: BotHarness) -> None:
    team = await make_team(bot)
    await team.zhang.send("/customer 万科")
    await team.zhang.press("新建")
    await team.wang.send("今天拜访了万达的张总,谈了二期方案")
    await team.wang.press("保存")
    [visit] = await bot.scalars(select(Interaction))
    vanke = await bot.scalar(select(Customer.id).where(Customer.name == "万科"))
    await team.wang.send("/customer 万达")
    await team.wang.press("🛠 改记录")
    await team.wang.press("拜访:二期方案")
    alone = await team.wang.press("📁 改到其他客户")  # 张伟's 万科 is not offered
    assert alone.callback_answers == ["你还没有别的客户。先用 /customer 客户名称 建好,再来改。"]
    forged = await team.wang.press_data(f"mv:ok:{visit.id}:{vanke}")
    assert forged.callback_answers == ["只能改到你自己的客户。"]
    managed = await team.manager.press_data(f"mv:i:{visit.id}:0")  # read-only for him
    assert "只能查看" in managed.callback_answers[0]
    assert await bot.scalar(select(Interaction.customer_id)) == visit.customer_id
