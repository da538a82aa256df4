"""Visit plans (《客户走访单》, #15) through the real Application: /plan in one sentence, the
manager's ✅ 批准 and 💬 意见, the rep told the answer, the plan in the rep's digest on its day,
/plans as the team's 本周计划拜访, and a team that asks for no approval."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import openpyxl
import time_machine
from sqlalchemy import select

from parsing.plans import NotePlan, plan_in_note, read_plan
from storage.cycle import VisitPlan
from storage.models import AuditLog, InteractionKind
from tests.builders import Pushes, Team, local, make_team, member_of
from tests.conftest import BotHarness
from tests.flows.test_visit_cycle import customer_of, minutes, visit


def test_a_plan_sentence_is_read() -> None:
    now = local(2026, 11, 30, 10, 0)
    found = read_plan("明天上午10点拜访万科 目的是谈二期方案 见张总", now)
    assert found.day is not None and found.day.isoformat() == "2026-12-01"
    assert found.at == local(2026, 12, 1, 10, 0)
    assert (found.goal, found.who, found.company_hint) == ("谈二期方案", "张总", "万科")
    found = read_plan("周四去华东电力设计院,见王局长,目的:汇报软件试用情况", now)
    assert (found.goal, found.who) == ("汇报软件试用情况", "王局长")
    assert read_plan("下周一去拜访苏州建工 为了催回款", now).goal == "催回款"
    assert read_plan("拜访万科", now).day is None
    assert read_plan("明天下午3点拜访万科,主要是为了谈续约", now).goal == "谈续约"


def test_a_quick_note_is_a_plan_only_for_a_visit_with_its_goal() -> None:
    assert plan_in_note("明天去拜访万科 目的是谈续约", "去拜访万科", "万科") == NotePlan(
        "谈续约", None
    )
    assert plan_in_note("下周三去华东院见王局 目标是确认需求", "去华东院见王局", "华东院") == (
        NotePlan("确认需求", "王局")
    )
    assert plan_in_note("明天去万科,主要是为了谈续约", "去万科", "万科") == NotePlan("谈续约", None)
    assert plan_in_note("明天去拜访万科", "去拜访万科", "万科") is None  # no goal: a reminder
    assert plan_in_note("周五给万科打电话 目的是确认型号", "给万科打电话", "万科") is None
    assert plan_in_note("周五去拜访万科 准备报价", "去拜访万科", "万科") is None


async def test_a_plan_approved_and_one_commented(bot) -> None:  # type: ignore[no-untyped-def]
    team = await make_team(bot)
    await customer_of(bot, team.wang, "万科")
    await customer_of(bot, team.wang, "华东电力设计院")
    with time_machine.travel(local(2026, 11, 30, 10, 0), tick=False):
        reply = await team.wang.send("/plan 明天上午10点拜访万科 目的是谈二期方案 见张总")
        assert reply.text == (
            "📋 拜访计划(客户走访单),确认提交吗?\n🏢 万科\n🕘 12月1日(周二) 10:00\n"
            "🎯 目的:谈二期方案\n👤 拜见:张总"
        )
        reply = await team.wang.press("提交")
        assert reply.text.startswith("✅ 已提交,等李经理批准。")
        [to_manager] = [m for m in bot.api.calls if m.chat_id == team.manager.chat_id][-1:]
        assert to_manager.text.startswith("📋 王磊的拜访计划,请审批:\n🏢 万科")
        reply = await team.manager.press("批准")
        assert "✅ 已批准" in reply.callback_answers
        told = [c.text for c in bot.api.calls if c.chat_id == team.wang.chat_id][-1]
        assert told == "✅ 李经理批准了你的拜访计划:12月1日(周二) 10:00 万科 · 谈二期方案"

        # The second plan asks first for what is missing: the goal.
        reply = await team.wang.send("/plan")
        assert "发一句话告诉我拜访计划" in reply.text
        reply = await team.wang.send("周四去华东电力设计院 见王局长")
        assert reply.text.startswith("拜访的目的是什么?")
        reply = await team.wang.send("周四去华东电力设计院 见王局长 目的是汇报软件试用情况")
        assert "🕘 12月3日(周四)" in reply.text
        await team.wang.press("提交")
        reply = await team.manager.press("意见")
        assert "请发来对王磊的拜访计划(12月3日(周四) 华东电力设计院 · 汇报软件试用情况)的意见" in (
            reply.text
        )
        reply = await team.manager.send("先把试用报告发给王局长看,再约时间。")
        assert "✅ 意见已转给王磊。" in reply.text
    told = [c.text for c in bot.api.calls if c.chat_id == team.wang.chat_id][-1]
    assert told == (
        "💬 李经理对你的拜访计划(12月3日(周四) 华东电力设计院 · 汇报软件试用情况)的意见:\n"
        "先把试用报告发给王局长看,再约时间。"
    )
    plans = await bot.scalars(select(VisitPlan).order_by(VisitPlan.id))
    assert [p.status for p in plans] == ["approved", "commented"]
    assert plans[1].comment == "先把试用报告发给王局长看,再约时间。"
    actions = await bot.scalars(select(AuditLog.action))
    assert actions.count("plan.approve") == 1 and actions.count("plan.comment") == 1

    # The week's plans for the manager, and the plan in the rep's digest on its day.
    with time_machine.travel(local(2026, 11, 30, 11, 0), tick=False):
        reply = await team.manager.send("/plans")
    assert reply.text.startswith("🗓 本周计划拜访 (2)")
    assert "· 12月1日(周二) 10:00 王磊 → 万科 · 谈二期方案(已批准)" in reply.text
    assert "· 12月3日(周四) 王磊 → 华东电力设计院 · 汇报软件试用情况(经理有意见)" in reply.text
    sent = await Pushes.of(bot).at(local(2026, 12, 1, 8, 30))
    [digest] = [c.text for c in sent if c.chat_id == team.wang.chat_id]
    assert "🗓 今日拜访计划 (1)" in digest and "10:00 万科 · 谈二期方案 · 见张总(已批准)" in digest


async def test_a_rep_cannot_approve_and_a_team_without_approval_files_plans(bot) -> None:  # type: ignore[no-untyped-def]
    team = await make_team(bot)
    await customer_of(bot, team.wang, "万科")
    with time_machine.travel(local(2026, 11, 30, 10, 0), tick=False):
        await team.wang.send("/plan 明天拜访万科 目的是谈二期方案")
        await team.wang.press("提交")
        [plan] = await bot.scalars(select(VisitPlan))
        reply = await team.zhang.press_data(f"plan:ok:{plan.id}")
        assert "只有本团队的经理可以审批拜访计划。" in reply.callback_answers
        reply = await team.manager.send("/workdays")
        assert "📋 拜访计划:提交后要经理批准。" in reply.text
        reply = await team.manager.press("计划改为不需审批")
        assert "📋 拜访计划:不需审批,提交即记录。" in reply.text
        reply = await team.wang.send("/plan 后天拜访万科 目的是送样品")
        reply = await team.wang.press("提交")
        assert reply.text.startswith("✅ 拜访计划已记下。")
        reply = await team.wang.send("/plan 明天拜访苏州建工 目的是催回款")
        assert "没在你的客户里找到「苏州建工」" in reply.text
        reply = await team.wang.send("/cancel")
        assert "已放弃" in reply.text
    plans = await bot.scalars(select(VisitPlan).order_by(VisitPlan.id))
    assert [p.status for p in plans] == ["pending", "filed"]


async def a_week_of_plans_and_minutes(bot: BotHarness) -> Team:
    """王磊: two plans (one approved, one commented), a visit written up on time and a meal
    never; 张伟: a visit written up late; the manager has read one 纪要. Ends on 12月4日."""
    team = await make_team(bot)
    vanke = await customer_of(bot, team.wang, "万科")
    szjg = await customer_of(bot, team.zhang, "苏州建工")
    with time_machine.travel(local(2026, 11, 30, 9, 0), tick=False):
        await team.wang.send("/plan 周三拜访万科 目的是谈二期方案")
        await team.wang.press("提交")
        await team.manager.press("批准")
        await team.wang.send("/plan 周四拜访万科 目的是送样品")
        await team.wang.press("提交")
        await team.manager.press("意见")
        await team.manager.send("样品先别送,等报价定了再说。")
    await visit(bot, team.wang, vanke, local(2026, 11, 30, 10, 0))  # written on time
    await visit(bot, team.wang, vanke, local(2026, 11, 30, 19, 0), InteractionKind.MEAL)  # never
    await visit(bot, team.zhang, szjg, local(2026, 12, 1, 10, 0))  # written late
    with time_machine.travel(local(2026, 12, 1, 9, 0), tick=False):
        await team.wang.send("/minutes")
        await team.wang.press("写纪要 1")
        await team.wang.send("谈了二期方案,对方月底前给答复。")
    with time_machine.travel(local(2026, 12, 4, 9, 0), tick=False):
        await team.zhang.send("/minutes")
        await team.zhang.press("写纪要 1")
        await team.zhang.send("苏州建工的BIM平台需求确认,下周送样。")
        written = [m for m in await minutes(bot) if m.written_at is not None]
        await team.manager.press_data(f"mins:seen:{written[0].id}")
    return team


async def test_the_team_summary_counts_plans_and_minutes(bot: BotHarness) -> None:
    team = await a_week_of_plans_and_minutes(bot)
    with time_machine.travel(local(2026, 12, 4, 9, 0), tick=False):
        reply = await team.manager.send("/team")
    text = reply.text
    assert "📋 走访周期:计划 2(批准 1/2)· 纪要 按时 1 · 晚交 1 · 纪要逾期 1 · 已审阅 1/2" in text
    assert "  · 王磊:计划 2(批准 1/2)· 纪要 按时 1 · 晚交 0 · 纪要逾期 1 · 已审阅 1/1" in text
    assert "  · 张伟:计划 0(批准 0/0)· 纪要 按时 0 · 晚交 1 · 纪要逾期 0 · 已审阅 0/1" in text


async def test_the_export_has_the_plans_and_minutes_and_the_weekly_report_counts_them(
    bot: BotHarness,
) -> None:
    team = await a_week_of_plans_and_minutes(bot)
    with time_machine.travel(local(2026, 12, 4, 18, 0), tick=False):
        await team.manager.send("/export")
        reply = await team.manager.press("Excel")
    [document] = reply.documents
    book = openpyxl.load_workbook(io.BytesIO(document.content))
    assert book.sheetnames[-2:] == ["拜访计划", "会谈纪要"]
    plans = list(book["拜访计划"].iter_rows(values_only=True))
    assert plans[0] == (
        "客户名称", "业务员", "计划日期", "时间", "目的", "拜见", "状态", "审批人", "审批时间",
        "经理意见", "提交时间", "原话",
    )  # fmt: skip
    assert [row[:8] for row in plans[1:]] == [
        ("万科", "王磊", datetime(2026, 12, 2), None, "谈二期方案", None, "已批准", "李经理"),
        ("万科", "王磊", datetime(2026, 12, 3), None, "送样品", None, "经理有意见", "李经理"),
    ]
    assert (plans[1][8], plans[2][9]) == (
        datetime(2026, 11, 30, 9, 0),
        "样品先别送,等报价定了再说。",
    )
    rows = list(book["会谈纪要"].iter_rows(values_only=True))
    assert rows[0][:9] == (
        "客户名称", "业务员", "类型", "会面日期", "最后期限", "纪要状态", "提交时间", "纪要", "审阅人",
    )  # fmt: skip
    assert [row[:8] for row in rows[1:]] == [
        ("万科", "王磊", "拜访", datetime(2026, 11, 30), datetime(2026, 12, 2), "按时",
         datetime(2026, 12, 1, 9, 0), "谈了二期方案,对方月底前给答复。"),
        ("万科", "王磊", "吃饭", datetime(2026, 11, 30), datetime(2026, 12, 2), "逾期未写",
         None, None),
        ("苏州建工", "张伟", "拜访", datetime(2026, 12, 1), datetime(2026, 12, 3), "晚交",
         datetime(2026, 12, 4, 9, 0), "苏州建工的BIM平台需求确认,下周送样。"),
    ]  # fmt: skip
    assert (rows[1][8], rows[1][9]) == ("李经理", datetime(2026, 12, 4, 9, 0))
    assert rows[3][8] is None  # not reviewed yet

    with time_machine.travel(local(2026, 12, 4, 18, 0), tick=False):
        await team.zhang.send("/export")
        reply = await team.zhang.press("CSV:会谈纪要")
    [document] = reply.documents
    own = list(csv.reader(io.StringIO(document.content.decode("utf-8-sig"))))
    assert [row[:6] for row in own[1:]] == [
        ["苏州建工", "张伟", "拜访", "2026-12-01", "2026-12-03", "晚交"]
    ]

    sent = await Pushes.of(bot).at(local(2026, 12, 7, 9, 0))
    [report] = [c.text for c in sent if c.text.startswith("📅 上周周报")]
    assert "📋 走访周期:计划 2(批准 1/2)· 纪要 按时 1 · 晚交 1 · 纪要逾期 1 · 已审阅 1/2" in report


async def test_an_assigned_customer_takes_its_visit_plan_along(bot) -> None:  # type: ignore[no-untyped-def]
    team = await make_team(bot)
    await customer_of(bot, team.wang, "万科")
    with time_machine.travel(local(2026, 11, 30, 10, 0), tick=False):
        await team.wang.send("/plan 明天上午10点拜访万科 目的是谈二期方案 见张总")
        await team.wang.press("提交")
        await team.manager.send("/assign 万科 张伟")
        assert "万科" in (await team.zhang.send("/plans")).text
        assert "万科" not in (await team.wang.send("/plans")).text
    async with bot.session() as session:
        plan = await session.scalar(select(VisitPlan))
    assert plan is not None and plan.member_id == (await member_of(bot, team.zhang)).id
