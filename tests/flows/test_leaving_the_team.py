"""A member removed from the team reaches nothing of it in the visit cycle (tryout #1):
/minutes, its buttons on old messages, the text he was asked for, the customer's copy (text
and .docx), plans and the morning digest. Scoped like /customer, in storage/minutes.py and
storage/plans.py; a rep whose customer went to a colleague loses its 纪要 the same way."""

from __future__ import annotations

import time_machine
from sqlalchemy import select

from bot.local_api import LocalClient
from storage.actor import Actor
from storage.contacts import ContactRepo
from storage.cycle import MeetingMinutes, VisitPlan
from storage.models import AuditLog, Customer, InteractionKind
from tests.builders import (
    NOW,
    Pushes,
    Team,
    at,
    contact,
    customer,
    expect,
    interaction,
    local,
    make_team,
    member_of,
    numbers,
)
from tests.conftest import BotHarness
from tests.flows.test_visit_cycle import customer_of, visit

NOBODY_HERE = "找不到这次会面,或你没有权限。"
NO_SUCH_MINUTES = "找不到这份纪要,或你没有权限。"


async def _vanke_visited_today(bot: BotHarness, team: Team) -> Customer:
    """王磊's customer 万科 with 张总 and 刘经理, met this morning (a 纪要 is due)."""
    vanke = await customer_of(bot, team.wang, "万科")
    async with bot.session() as session:
        actor = Actor.of(await member_of(bot, team.wang))
        found = await session.get_one(Customer, vanke.id)
        await ContactRepo(session, actor).create(found, name="张总", title="总经理", phones=[])
        await session.commit()
    await visit(bot, team.wang, vanke, at(12, 2, 10))
    return vanke


async def _remove_wang(manager: LocalClient) -> None:
    await manager.send("/team")
    await manager.press("成员管理")
    await manager.press("王磊 · 销售代表")
    await manager.press("移出团队")
    done = await manager.press("确定移出")
    assert "王磊 已移出团队" in done.text


async def _minutes_text(bot: BotHarness) -> list[str | None]:
    return list(await bot.scalars(select(MeetingMinutes.text).order_by(MeetingMinutes.id)))


async def test_a_removed_rep_no_longer_lists_or_writes_the_team_s_minutes(
    bot: BotHarness,
) -> None:
    with time_machine.travel(NOW, tick=False):
        team = await make_team(bot)
        await _vanke_visited_today(bot, team)
        reply = await team.wang.send("/minutes")
        assert "1. 万科 12月2日的拜访" in reply.text
        # He opens the question, then the manager removes him before he answers.
        asked = await team.wang.press("写纪要 1")
        assert "请发来万科 12月2日的拜访的会谈纪要" in asked.text
        await _remove_wang(team.manager)

        reply = await team.wang.send("张总同意二期方案,下一步:下周三前发报价。")
        assert NOBODY_HERE in reply.text
        assert await _minutes_text(bot) == [None]

        reply = await team.wang.send("/minutes")
        assert reply.text == "✅ 所有拜访和宴请都写好会谈纪要了。"
        assert "万科" not in reply.text

        # The 📝 写纪要 button of the old /minutes message is dead for him.
        reply = await team.wang.press("写纪要 1")
        assert reply.callback_answers == [NOBODY_HERE]
        reply = await team.wang.send("张总同意二期方案,下一步:下周三前发报价。")
        assert NOBODY_HERE not in reply.text  # no question was open: a plain note
        assert await _minutes_text(bot) == [None]

        # The manager's /team does not count a 纪要 he could not have written.
        summary = await team.manager.send("/team")
        assert "纪要 按时 1" not in summary.text


async def test_a_removed_rep_s_old_customer_copy_buttons_give_nothing(bot: BotHarness) -> None:
    with time_machine.travel(NOW, tick=False):
        team = await make_team(bot)
        await _vanke_visited_today(bot, team)
        await team.wang.send("/minutes")
        await team.wang.press("写纪要 1")
        saved = await team.wang.send("张总同意二期方案,下一步:下周三前发报价。")
        assert "📤 生成给客户的纪要" in saved.buttons
        copy = await team.wang.press("生成给客户的纪要")
        assert len(copy.documents) == 1  # while he is in the team
        await _remove_wang(team.manager)

        reply = await team.wang.press("生成给客户的纪要")
        assert reply.callback_answers == [NO_SUCH_MINUTES]
        assert reply.documents == []
        assert "张总" not in reply.text
        for label in ("已发给客户", "客户已确认"):
            reply = await team.wang.press(label)
            assert reply.callback_answers == [NO_SUCH_MINUTES]
        [minutes] = await bot.scalars(select(MeetingMinutes))
        assert minutes.sent_to_customer_at is None
        assert minutes.customer_confirmed_at is None
        copies = await bot.scalars(
            select(AuditLog).where(AuditLog.action == "minutes.customer_copy")
        )
        assert len(list(copies)) == 1


async def test_a_manager_s_comment_on_a_removed_rep_s_minutes_stays_in_the_team(
    bot: BotHarness,
) -> None:
    with time_machine.travel(NOW, tick=False):
        team = await make_team(bot)
        await _vanke_visited_today(bot, team)
        await team.wang.send("/minutes")
        await team.wang.press("写纪要 1")
        await team.wang.send("张总同意二期方案,下一步:下周三前发报价。")
    pushes = Pushes.of(bot)
    review = await pushes.at(local(2026, 12, 3, 8, 30))
    assert any("今日纪要审阅" in call.text for call in review)
    with time_machine.travel(local(2026, 12, 3, 9, 0), tick=False):
        await _remove_wang(team.manager)
        await team.manager.press("批注 1")
        reply = await team.manager.send("报价前先跟技术部确认一下型号。")
    assert "✅ 批注已记在纪要上" in reply.text
    assert reply.to(team.wang).messages == []


async def test_a_removed_rep_s_digest_and_plans_hold_nothing_of_the_team(bot: BotHarness) -> None:
    with time_machine.travel(NOW, tick=False):
        team = await make_team(bot)
        await _vanke_visited_today(bot, team)
        draft = await team.wang.send("/plan 明天上午10点拜访万科 目的是谈二期方案 见张总")
        assert "✅ 提交" in draft.buttons
        await _remove_wang(team.manager)

        reply = await team.wang.press("提交")
        assert reply.callback_answers == ["这个计划已经提交或取消了。"]
        reply = await team.wang.press("取消")
        assert reply.callback_answers == ["这个按钮已失效。"]
        reply = await team.wang.send("/plans")
        assert reply.text == "本周和下周还没有拜访计划。发 /plan 写一个。"
    [plan] = await bot.scalars(select(VisitPlan))
    assert plan.status == "draft"

    # Thursday morning: his digest asks for no 纪要 of the team, the manager's lists no plan
    # of his; Monday: the manager is not told every morning of a 纪要 nobody can write.
    calls = await Pushes.of(bot).at(local(2026, 12, 3, 8, 30))
    mine = [c.text for c in calls if c.chat_id == team.wang.chat_id]
    assert not any("万科" in text for text in mine)
    calls = await Pushes.of(bot).at(local(2026, 12, 7, 8, 30))
    boss = [c.text for c in calls if c.chat_id == team.manager.chat_id]
    assert not any("纪要逾期" in text for text in boss)


async def test_a_customer_given_to_a_colleague_takes_its_unwritten_minutes_along(
    bot: BotHarness,
) -> None:
    with time_machine.travel(NOW, tick=False):
        team = await make_team(bot)
        await _vanke_visited_today(bot, team)
        old = await team.wang.send("/minutes")
        assert "万科" in old.text
        given = await team.manager.send("/assign 万科 张伟")
        assert "张伟" in given.text

        reply = await team.wang.send("/minutes")
        assert "万科" not in reply.text
        reply = await team.wang.press("写纪要 1")
        assert reply.callback_answers == [NOBODY_HERE]

        reply = await team.zhang.send("/minutes")
        assert "1. 万科 12月2日的拜访" in reply.text


# -- the team summary keeps the work of those who left (tryout #8) ---------------------------


async def test_the_team_summary_keeps_a_removed_rep_s_work_under_his_name(
    bot: BotHarness,
) -> None:
    team = await make_team(bot)
    # 李经理 adds 国网苏州供电公司 and its 刘处长, then gives the customer to 王磊.
    gw = await customer(bot, team.manager, "国网苏州供电公司", at(12, 1))
    await contact(bot, team.manager, gw, "刘处长", at(12, 1), title="处长")
    # 王磊 adds 万科 with 张总 and 刘经理 and visits it twice.
    vanke = await customer(bot, team.wang, "万科", at(12, 1))
    await contact(bot, team.wang, vanke, "张总", at(12, 1), title="总经理")
    await contact(bot, team.wang, vanke, "刘经理", at(12, 1), title="采购部经理")
    await interaction(bot, team.wang, vanke, InteractionKind.VISIT, at(12, 1))
    await interaction(bot, team.wang, vanke, InteractionKind.VISIT, at(12, 2))
    with time_machine.travel(NOW, tick=False):
        given = await team.manager.send("/assign 国网苏州供电公司 王磊")
        assert "王磊" in given.text
        before = await team.manager.send("/team")
        # 刘处长 is 李经理's work although 王磊 holds the customer now.
        assert numbers(before.text, "王磊") == expect(2, 0, 0, 1, 2, 0, 0, 0, 0)
        assert numbers(before.text, "李经理") == expect(0, 0, 0, 1, 1, 0, 0, 0, 0)
        assert numbers(before.text, "合计") == expect(2, 0, 0, 2, 3, 0, 0, 0, 0)

        await _remove_wang(team.manager)
        after = await team.manager.send("/team")
    assert "👤 王磊(已离队):" in after.text
    assert numbers(after.text, "王磊(已离队)") == expect(2, 0, 0, 1, 2, 0, 0, 0, 0)
    assert numbers(after.text, "李经理") == expect(0, 0, 0, 1, 1, 0, 0, 0, 0)
    assert numbers(after.text, "合计") == expect(2, 0, 0, 2, 3, 0, 0, 0, 0)
    assert "🔎 王磊" not in after.buttons  # his customers are not his to drill into now
    assert "王磊(本期没有联系客户" not in after.text

    # A period in which he did nothing does not list him.
    with time_machine.travel(NOW, tick=False):
        last = await team.manager.press("上周")
    assert "王磊" not in last.text

    # Monday's report for last week (30 November – 6 December) keeps him too.
    calls = await Pushes.of(bot).at(local(2026, 12, 7, 9, 0))
    weekly = next(c.text for c in calls if "📅 上周周报" in c.text)
    assert numbers(weekly, "王磊(已离队)") == expect(2, 0, 0, 1, 2, 0, 0, 0, 0)


async def test_a_meeting_recorded_alone_comes_along_when_joining(bot: BotHarness) -> None:
    """The other way: his 纪要 follow the customers he brings into a team (scoped by team)."""
    with time_machine.travel(NOW, tick=False):
        wang = bot.user("王磊")
        await wang.send("/start")
        vanke = await customer_of(bot, wang, "万科")
        await visit(bot, wang, vanke, at(12, 2, 10))
        manager = bot.user("李经理")
        code = (await manager.send("/newteam 华东销售一部")).text.split("/join ")[1].split()[0]
        joined = await wang.send(f"/join {code}")
        assert "1 个客户已一并带入团队" in joined.text

        reply = await wang.send("/minutes")
        assert "1. 万科 12月2日的拜访" in reply.text
        await wang.press("写纪要 1")
        saved = await wang.send("张总同意二期方案,下一步:下周三前发报价。")
        assert "✅ 已保存万科 12月2日的拜访的会谈纪要(按时)" in saved.text
        summary = await manager.send("/team")
    assert "纪要 按时 1" in summary.text
