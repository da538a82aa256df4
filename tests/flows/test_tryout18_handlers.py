"""The handler-side items of tryout 18 (Monday 7 December 2026, 09:30; reps and their manager in
the local chat): /assign with the customer and the member in one line assigns at once; ❌ 取消
on ✏️ 修改's prompt keeps the card; the manager approves plans from the digest and /plans; a
commented plan is revised by the rep; and a quick note after /visit completes that record."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from sqlalchemy import select

from bot.local_api import ButtonNotFound, LocalClient
from storage.cycle import MeetingMinutes, VisitPlan
from storage.models import Customer, Draft, FollowUp, Interaction, InteractionKind
from tests.builders import Pushes, Team, at, customer, local, make_team, member_of
from tests.conftest import BotHarness

NOW = datetime(2026, 12, 7, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def monday_morning() -> Iterator[time_machine.Traveller]:
    """Monday 7 December 2026, 09:30 in Shanghai."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


async def test_assign_with_the_customer_and_the_member_in_one_line_assigns_at_once(
    bot: BotHarness,
) -> None:
    team = await make_team(bot)
    mrd = await customer(bot, team.wang, "深圳市迈瑞达电子有限公司", at(11, 2))
    done = await team.manager.send("/assign 迈瑞达 张伟")  # part of the name, and the member
    assert done.text.startswith("✅ 「深圳市迈瑞达电子有限公司」已从 王磊 改由 张伟 负责")
    assert "分配给谁" not in done.text
    zhang = await member_of(bot, team.zhang)
    assert (await bot.scalar(select(Customer).where(Customer.id == mrd))).owner_id == zhang.id
    told = done.to(team.zhang).text
    assert "把客户「深圳市迈瑞达电子有限公司」交给你负责了" in told


async def test_assign_asks_only_for_what_is_missing_or_ambiguous(bot: BotHarness) -> None:
    team = await make_team(bot)
    await customer(bot, team.wang, "深圳市迈瑞达电子有限公司", at(11, 2))
    await customer(bot, team.wang, "东莞市迈瑞达精密有限公司", at(11, 2))
    which = await team.manager.send("/assign 迈瑞达 张伟")  # two customers: which one
    assert which.text == "找到这些客户,分配给 张伟 的是哪一个?"
    done = await team.manager.press("东莞市迈瑞达精密有限公司")  # and no member asked again
    assert "✅ 「东莞市迈瑞达精密有限公司」已从 王磊 改由 张伟 负责" in done.text

    nobody = await team.manager.send("/assign 深圳市迈瑞达电子有限公司 小刘")  # no such member
    assert nobody.text.startswith(
        "团队里没有成员「小刘」。\n把「深圳市迈瑞达电子有限公司」分配给谁?"
    )
    unknown = await team.manager.send("/assign 华强精密 张伟")
    assert unknown.text == "团队里没有客户「华强精密」。再发一次客户名(几个字也行),或发 取消。"


async def test_cancel_at_a_capture_cards_value_prompt_keeps_the_note(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("今天拜访了万科张总 谈了二期方案 下周二送样品")
    await wang.press("修改")
    asked = await wang.press("跟进日期")
    assert asked.text.startswith("请输入新的跟进日期")
    assert asked.buttons == ["❌ 取消修改"]  # a way out by button, not only /cancel
    card = await wang.press("取消修改")
    assert card.text.startswith("我记下了这些,确认保存吗?\n🏢 万科(新客户)")
    assert "⏰ 跟进:12月15日(周二) 送样品" in card.text  # the value as it was
    assert card.buttons == ["✅ 保存", "✏️ 修改", "❌ 取消"]
    assert await bot.count(Draft) == 1  # nothing typed is lost
    saved = await wang.press("保存")
    assert "✅ 已保存到「万科」。" in saved.text
    assert await bot.scalar(select(FollowUp.due_date)) == date(2026, 12, 15)


async def test_a_value_typed_takes_the_prompts_cancel_button_away(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("今天拜访了万科张总 下周二送样品")
    await wang.press("修改")
    await wang.press("跟进日期")
    card = await wang.send("下周三")
    assert "⏰ 跟进:12月16日(周三) 送样品" in card.text
    with pytest.raises(ButtonNotFound):  # the prompt above keeps no button acting on the note
        wang.find_button("取消修改")


async def two_plans_waiting(bot: BotHarness) -> Team:
    """王磊 plans 万科 for Tuesday and 张伟 苏州建工 for Thursday; both wait for 李经理."""
    team = await make_team(bot)
    await customer(bot, team.wang, "万科", at(11, 2))
    await customer(bot, team.zhang, "苏州建工", at(11, 2))
    await team.wang.send("/plan 明天上午10点拜访万科 目的是谈二期方案 见张总")
    await team.wang.press("提交")
    await team.zhang.send("/plan 周四拜访苏州建工 目的是催回款")
    await team.zhang.press("提交")
    return team


async def test_the_managers_digest_lists_the_plans_waiting_for_him_with_their_buttons(
    bot: BotHarness,
) -> None:
    team = await two_plans_waiting(bot)
    sent = await Pushes.of(bot).at(local(2026, 12, 8, 8, 30))
    [digest] = [c for c in sent if c.chat_id == team.manager.chat_id]
    assert "📋 待批准的拜访计划 (2)" in digest.text
    assert "1. 王磊 · 12月8日(周二) 10:00 万科 · 谈二期方案" in digest.text
    assert "2. 张伟 · 12月10日(周四) 苏州建工 · 催回款" in digest.text
    assert [b["text"] for b in digest.inline_buttons] == [
        "✅ 批准 1", "💬 意见 1", "✅ 批准 2", "💬 意见 2",
    ]  # fmt: skip
    [to_wang] = [c.text for c in sent if c.chat_id == team.wang.chat_id]
    assert "待批准的拜访计划" not in to_wang  # the rep's digest has his plan for today instead

    with time_machine.travel(local(2026, 12, 8, 9, 0), tick=False):
        approved = await team.manager.press("✅ 批准 2")
    assert "✅ 已批准" in approved.callback_answers
    assert approved.to(team.zhang).text == (
        "✅ 李经理批准了你的拜访计划:12月10日(周四) 苏州建工 · 催回款"
    )
    # its line says so (tryout 18, second round), the other plan keeps its buttons
    assert "2. 张伟 · 12月10日(周四) 苏州建工 · 催回款 ✅ 已批准" in approved.text
    assert approved.buttons == ["✅ 批准 1", "💬 意见 1"]
    plans = await bot.scalars(select(VisitPlan).order_by(VisitPlan.id))
    assert [p.status for p in plans] == ["pending", "approved"]

    sent = await Pushes.of(bot).at(local(2026, 12, 9, 8, 30))  # Tuesday's plan has gone
    assert not [c for c in sent if "待批准" in c.text]


async def test_plans_has_the_managers_approve_and_comment_buttons(bot: BotHarness) -> None:
    team = await two_plans_waiting(bot)
    week = await team.manager.send("/plans")
    assert week.text == (
        "🗓 本周计划拜访 (2)\n"
        "1. 12月8日(周二) 10:00 王磊 → 万科 · 谈二期方案(待批准)\n"
        "2. 12月10日(周四) 张伟 → 苏州建工 · 催回款(待批准)"
    )
    assert week.buttons == ["✅ 批准 1", "💬 意见 1", "✅ 批准 2", "💬 意见 2"]
    approved = await team.manager.press("✅ 批准 1")
    assert "✅ 已批准" in approved.callback_answers
    assert "✅ 李经理批准了你的拜访计划" in approved.to(team.wang).text
    asked = await team.manager.press("💬 意见 2")
    assert "请发来对张伟的拜访计划(12月10日(周四) 苏州建工 · 催回款)的意见" in asked.text
    await team.manager.send("先确认对方财务在不在。")
    again = await team.manager.send("/plans")
    assert "· 12月8日(周二) 10:00 王磊 → 万科 · 谈二期方案(已批准)" in again.text
    assert "· 12月10日(周四) 张伟 → 苏州建工 · 催回款(经理有意见)" in again.text
    assert again.buttons == []  # nothing waits for him now
    mine = await team.wang.send("/plans")  # a rep decides nothing
    assert "批准" not in " ".join(mine.buttons)


async def test_a_plan_the_manager_commented_on_is_revised_and_goes_back_for_approval(
    bot: BotHarness,
) -> None:
    team = await two_plans_waiting(bot)
    await team.manager.send("/plans")
    await team.manager.press("💬 意见 2")
    commented = await team.manager.send("先确认对方财务在不在,再约时间。")
    told = commented.to(team.zhang)
    assert told.text.startswith("💬 李经理对你的拜访计划(12月10日(周四) 苏州建工 · 催回款)的意见")
    assert told.buttons == ["✏️ 修改计划"]  # the answer to a comment is a better plan

    asked = await team.zhang.press("修改计划")
    assert asked.text.startswith("✏️ 修改拜访计划:12月10日(周四) 苏州建工 · 催回款\n")
    assert "💬 经理的意见:先确认对方财务在不在,再约时间。" in asked.text
    shown = await team.zhang.send("周五上午9点拜访苏州建工 目的是和财务对账催回款 见钱会计")
    assert shown.text.startswith(
        "📋 修改后的拜访计划,确认提交吗?\n🏢 苏州建工\n🕘 12月11日(周五) 09:00"
    )
    sent = await team.zhang.press("提交")
    assert sent.text.startswith("✅ 已改好,再次提交给李经理批准。")
    to_manager = sent.to(team.manager)
    assert to_manager.text.startswith("📋 张伟修改了拜访计划,请审批:\n🏢 苏州建工")
    assert "💬 之前的意见:先确认对方财务在不在,再约时间。" in to_manager.text
    assert to_manager.buttons == ["✅ 批准", "💬 意见"]

    plans = await bot.scalars(select(VisitPlan).order_by(VisitPlan.id))
    assert len(plans) == 2  # revised in place, not a second plan beside the old one
    assert (plans[1].status, plans[1].goal, plans[1].planned_for) == (
        "pending",
        "和财务对账催回款",
        date(2026, 12, 11),
    )
    assert plans[1].comment == "先确认对方财务在不在,再约时间。"  # kept with the plan
    week = await team.zhang.send("/plans")
    assert (
        week.text
        == "🗓 本周计划拜访 (1)\n1. 12月11日(周五) 09:00 苏州建工 · 和财务对账催回款(待批准)"
    )
    assert week.buttons == ["✏️ 修改计划 1"]
    approved = await team.manager.press("批准")
    assert (
        "✅ 李经理批准了你的拜访计划:12月11日(周五) 09:00 苏州建工" in approved.to(team.zhang).text
    )


async def test_a_revision_cancelled_leaves_the_plan_and_without_approval_it_is_filed(
    bot: BotHarness,
) -> None:
    team = await two_plans_waiting(bot)
    await team.wang.send("/plans")
    await team.wang.press("修改计划 1")
    await team.wang.send("明天下午3点拜访万科 目的是谈二期方案")
    left = await team.wang.press("取消")
    assert left.text == "已取消修改,原计划不变。"
    await team.manager.send("/workdays")
    await team.manager.press("计划改为不需审批")
    await team.wang.press_data("plan:r:1")
    await team.wang.send("明天下午3点拜访万科 目的是谈二期方案")
    filed = await team.wang.press("提交")
    assert filed.text.startswith("✅ 拜访计划已改好。\n🏢 万科\n🕘 12月8日(周二) 15:00")
    assert filed.to(team.manager).text == ""  # nothing to approve
    plan = await bot.scalar(select(VisitPlan).where(VisitPlan.id == 1))
    assert plan is not None and plan.status == "filed"
    statuses = await bot.scalars(select(VisitPlan.status).order_by(VisitPlan.id))
    assert statuses == ["filed", "pending", "cancelled"]  # 张伟's waits; the draft given up


async def visit_then_note(bot: BotHarness) -> LocalClient:
    """王磊 logs this morning's visit to 万科 with /visit, then types a quick note of it."""
    wang = bot.user("王磊")
    await wang.send("万科张总")
    await wang.press("保存")
    await wang.send("/visit")
    await wang.press("万科")
    await wang.press("张总")
    await wang.press("完成选择")
    await wang.send("谈了二期方案,张总基本认可")
    await wang.press("跳过")
    logged = await wang.press("跳过")
    assert "✅ 拜访已记录到「万科」。" in logged.text
    return wang


async def test_a_quick_note_after_visit_offers_to_complete_that_record(bot: BotHarness) -> None:
    wang = await visit_then_note(bot)
    await wang.send("今天拜访了万科张总,他说预算要等年后,下周三再跟进报价")
    asked = await wang.press("保存")
    assert asked.text == "今天已经记过这个客户的拜访。这次写的内容补充到那条记录,还是另记一次拜访?"
    assert asked.buttons == [
        "📝 补充到:09:30 拜访 · 谈了二期方案,张总基本认可",
        "➕ 另记一次拜访",
        "⬅️ 返回",
    ]
    done = await wang.press("补充到")
    assert done.text.startswith("✅ 已补充到「万科」今天的拜访记录。")

    # one meeting, one record (beside the 备注 that made 张总 a contact)
    [visit] = await bot.scalars(
        select(Interaction).where(Interaction.kind == InteractionKind.VISIT)
    )
    assert visit.note == (
        "见了:张总;谈了:谈了二期方案,张总基本认可;今天拜访了万科张总,他说预算要等年后,下周三再跟进报价"
    )
    assert visit.summary == "谈了二期方案,张总基本认可"  # the rep's own words stay
    [follow_up] = await bot.scalars(select(FollowUp))
    assert (follow_up.due_date, follow_up.interaction_id) == (date(2026, 12, 16), visit.id)
    assert await bot.count(MeetingMinutes) == 1  # and one 纪要 to write


async def test_another_visit_the_same_day_is_a_record_of_its_own_and_back_shows_the_card(
    bot: BotHarness,
) -> None:
    wang = await visit_then_note(bot)
    await wang.send("下午又去了万科,见了财务刘经理 对账")
    asked = await wang.press("保存")
    assert asked.text.startswith("今天已经记过这个客户的拜访。")
    card = await wang.press("返回")
    assert card.text.startswith("我记下了这些,确认保存吗?")
    await wang.press("保存")
    saved = await wang.press("另记一次拜访")
    assert saved.text.startswith("✅ 已保存到「万科」。")
    assert await bot.count(Interaction) == 3  # the note of 张总, the visit and the afternoon's
    call = await wang.send("今天给万科张总打了电话,确认了报价")  # a call is no second meeting
    assert "✅ 已保存到「万科」。" in (await wang.press("保存")).text
    assert call.text.startswith("我记下了这些")
