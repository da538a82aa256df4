"""A visit planned in one quick note (#15): 明天去拜访万科 目的是谈续约 reads as 📅 计划拜访 on the
confirmation card and 保存 files a visit plan — to the manager for ✅ 批准 when the team asks
for it — never a visit done; and 📝 记一笔 → 📅 计划拜访 asks for the plan like /plan."""

from __future__ import annotations

import time_machine
from sqlalchemy import select

from storage.cycle import MeetingMinutes, VisitPlan
from storage.models import Contact, Customer, FollowUp, Interaction
from tests.builders import local, make_team
from tests.conftest import BotHarness
from tests.flows.test_visit_cycle import customer_of


async def test_a_visit_with_its_goal_is_a_plan_the_manager_approves(bot: BotHarness) -> None:
    team = await make_team(bot)
    await customer_of(bot, team.wang, "万科")
    with time_machine.travel(local(2026, 11, 30, 10, 0), tick=False):
        card = await team.wang.send("明天去拜访万科 目的是谈续约")
        assert card.text == (
            "我记下了这些,确认保存吗?\n🏢 万科\n📅 计划拜访:万科 · 12月1日(周二) · 目的:谈续约"
        )
        assert card.buttons == ["✅ 保存", "✏️ 修改", "❌ 取消"]
        saved = await team.wang.press("保存")
        assert saved.text == (
            "✅ 已保存到「万科」。\n✅ 已提交,等李经理批准。\n🏢 万科\n🕘 12月1日(周二)\n🎯 目的:谈续约"
        )
        [to_manager] = [c for c in bot.api.calls if c.chat_id == team.manager.chat_id][-1:]
        assert (
            to_manager.text
            == "📋 王磊的拜访计划,请审批:\n🏢 万科\n🕘 12月1日(周二)\n🎯 目的:谈续约"
        )
        reply = await team.manager.press("批准")
        assert "✅ 已批准" in reply.callback_answers
    told = [c.text for c in bot.api.calls if c.chat_id == team.wang.chat_id][-1]
    assert told == "✅ 李经理批准了你的拜访计划:12月1日(周二) 万科 · 谈续约"
    [plan] = await bot.scalars(select(VisitPlan))
    assert (plan.status, plan.goal, plan.note) == (
        "approved",
        "谈续约",
        "明天去拜访万科 目的是谈续约",
    )
    # A plan, not a visit done: no interaction, so no 会谈纪要 owed, and no second reminder.
    assert await bot.count(Interaction) == 0
    assert await bot.count(MeetingMinutes) == 0
    assert await bot.count(FollowUp) == 0


async def test_a_plan_to_a_new_customer_names_whom_the_rep_will_meet(bot: BotHarness) -> None:
    team = await make_team(bot)
    with time_machine.travel(local(2026, 11, 30, 10, 0), tick=False):
        card = await team.wang.send("下周三下午3点去华东院见王局 目标是确认需求")
        assert card.text == (
            "我记下了这些,确认保存吗?\n🏢 华东院(新客户)  👤 王局长 🔑\n"
            "📅 计划拜访:华东院 · 12月9日(周三) 15:00 · 目的:确认需求 · 拜见:王局长"
        )
        saved = await team.wang.press("保存")
    assert saved.text.startswith("✅ 已保存到「华东院」。\n✅ 已提交,等李经理批准。")
    assert "🕘 12月9日(周三) 15:00\n🎯 目的:确认需求\n👤 拜见:王局长" in saved.text
    [plan] = await bot.scalars(select(VisitPlan))
    assert (plan.status, plan.attendees) == ("pending", "王局长")
    assert plan.planned_at == local(2026, 12, 9, 15, 0)
    assert await bot.scalars(select(Customer.name)) == ["华东院"]
    assert await bot.scalars(select(Contact.salutation)) == ["王局长"]
    assert await bot.count(Interaction) == 0


async def test_without_approval_the_plan_is_filed_and_a_visit_without_goal_stays_a_reminder(
    bot: BotHarness,
) -> None:
    team = await make_team(bot)
    await customer_of(bot, team.wang, "万科")
    with time_machine.travel(local(2026, 11, 30, 10, 0), tick=False):
        await team.manager.send("/workdays")
        await team.manager.press("计划改为不需审批")
        await team.wang.send("明天下午3点拜访万科,主要是为了谈续约")
        saved = await team.wang.press("保存")
        assert saved.text == (
            "✅ 已保存到「万科」。\n✅ 拜访计划已记下。\n🏢 万科\n🕘 12月1日(周二) 15:00\n🎯 目的:谈续约"
        )
        card = await team.wang.send("周五去拜访万科")
        assert "📅 计划拜访" not in card.text and "⏰ 跟进:12月4日(周五) 去拜访万科" in card.text
        await team.wang.press("保存")
    [plan] = await bot.scalars(select(VisitPlan))
    assert (plan.status, plan.goal) == ("filed", "谈续约")
    assert await bot.scalars(select(FollowUp.text)) == ["去拜访万科"]


async def test_the_record_button_offers_planning_a_visit(bot: BotHarness) -> None:
    team = await make_team(bot)
    await customer_of(bot, team.wang, "万科")
    with time_machine.travel(local(2026, 11, 30, 10, 0), tick=False):
        menu = await team.wang.send("📝 记一笔")
        assert "📅 计划拜访" in menu.buttons
        ask = await team.wang.press("计划拜访")
        assert ask.text.startswith("发一句话告诉我拜访计划:哪天、哪个客户、目的、见谁。")
        card = await team.wang.send("明天上午10点拜访万科 目的是谈二期方案 见张总")
        assert card.text == (
            "📋 拜访计划(客户走访单),确认提交吗?\n🏢 万科\n🕘 12月1日(周二) 10:00\n"
            "🎯 目的:谈二期方案\n👤 拜见:张总"
        )
        submitted = await team.wang.press("提交")
        assert submitted.text.startswith("✅ 已提交,等李经理批准。")
        # /cancel leaves the wait: the next text is a note again.
        await team.wang.send("📝 记一笔")
        await team.wang.press("计划拜访")
        left = await team.wang.send("/cancel")
        assert "已放弃" in left.text
    [plan] = await bot.scalars(select(VisitPlan))
    assert plan.status == "pending"
