"""The visit cycle of the regulations (#15) through the real Application with a moved clock:
会谈纪要 due within two working days by the State Council's calendar, the next-working-morning
push and 📝 写纪要, a late one in the manager's digest, the daily review with 👀 已阅 and
💬 批注, and /workdays."""

from __future__ import annotations

from datetime import date, datetime

import time_machine
from sqlalchemy import select, update

from handlers.visits import callbacks
from storage.activities import log_interaction
from storage.actor import Actor
from storage.customers import CustomerRepo
from storage.cycle import MeetingMinutes, TeamCycle
from storage.models import (
    AuditLog,
    Customer,
    Grade,
    InteractionKind,
    ReminderOutbox,
)
from tests.builders import Pushes, local, make_team, member_of
from tests.conftest import BotHarness


async def customer_of(
    bot: BotHarness, client: object, name: str, when: datetime | None = None
) -> Customer:
    """A customer created at ``when`` (by default long before the tests' weeks, so it is not
    a new archive to review)."""
    with time_machine.travel(when or local(2026, 11, 1, 10, 0), tick=False):
        async with bot.session() as session:
            actor = Actor.of(await member_of(bot, client))  # type: ignore[arg-type]
            customer = await CustomerRepo(session, actor).create(name, grade=Grade.A)
            await session.commit()
            return customer


async def visit(
    bot: BotHarness,
    client: object,
    customer: Customer,
    when: datetime,
    kind: InteractionKind = InteractionKind.VISIT,
    summary: str | None = None,
    outcome: str | None = None,
) -> None:
    """A meeting recorded at its own moment (as a check-in or a capture would record it)."""
    with time_machine.travel(when, tick=False):
        async with bot.session() as session:
            actor = Actor.of(await member_of(bot, client))  # type: ignore[arg-type]
            found = await session.get_one(Customer, customer.id)
            await log_interaction(
                session, actor, found, kind, when, summary=summary, outcome=outcome
            )
            await session.commit()


async def minutes(bot: BotHarness) -> list[MeetingMinutes]:
    return await bot.scalars(select(MeetingMinutes).order_by(MeetingMinutes.id))


async def test_a_visit_before_new_year_is_due_on_the_make_up_sunday(bot: BotHarness) -> None:
    team = await make_team(bot)
    hd = await customer_of(bot, team.wang, "华东电力设计院")
    # Tuesday 30 December 2025; 元旦 1–3 January 2026 is off and Sunday 4 January is worked.
    await visit(bot, team.wang, hd, local(2025, 12, 30, 15, 0))
    [task] = await minutes(bot)
    assert (task.met_on, task.due_on, task.written_at) == (
        date(2025, 12, 30),
        date(2026, 1, 4),
        None,
    )

    pushes = Pushes.of(bot)
    sent = await pushes.at(local(2025, 12, 31, 8, 30))
    [digest] = [c for c in sent if c.chat_id == team.wang.chat_id]
    assert (
        "📝 待写纪要 (1)\n1. 华东电力设计院 12月30日的拜访还没写会谈纪要,还有 1 个工作日(1月4日(周日)前)"
        in (digest.text)
    )
    assert {b["text"] for b in digest.inline_buttons} >= {"📝 写纪要 1", "🔎 查看 1"}
    # Nothing during the holiday; on the make-up Sunday, its last day.
    for day in (1, 2, 3):
        sent = await pushes.at(local(2026, 1, day, 8, 30))
        assert not [c for c in sent if "会谈纪要" in c.text]
    sent = await pushes.at(local(2026, 1, 4, 8, 30))
    [digest] = [c for c in sent if c.chat_id == team.wang.chat_id]
    assert "华东电力设计院 12月30日的拜访还没写会谈纪要,今天(1月4日(周日))是最后一天" in digest.text

    # Monday 5 January: the manager's digest shows it late; the rep's does not.
    sent = await pushes.at(local(2026, 1, 5, 8, 30))
    manager_digest = [c.text for c in sent if c.chat_id == team.manager.chat_id]
    assert manager_digest and "📝 纪要逾期 (1)" in manager_digest[0]
    assert "王磊 · 华东电力设计院 12月30日的拜访:纪要逾期 1 个工作日" in manager_digest[0]
    assert not [c for c in sent if c.chat_id == team.wang.chat_id and "纪要逾期" in c.text]

    # Written late through /minutes: saved, said to be late, and gone from the next digest.
    with time_machine.travel(local(2026, 1, 5, 10, 0), tick=False):
        reply = await team.wang.send("/minutes")
        assert "华东电力设计院 12月30日的拜访(最后一天 1月4日(周日))" in reply.text
        await team.wang.press("写纪要 1")
        reply = await team.wang.send(
            "王局长确认明年一季度启动变电站设计软件招标,下一步:1月9日前报价。"
        )
    assert "已保存华东电力设计院 12月30日的拜访的会谈纪要(晚于最后一天 1月4日(周日))" in reply.text
    [task] = await minutes(bot)
    assert task.written_at is not None and task.text and task.text.startswith("王局长确认")
    sent = await pushes.at(local(2026, 1, 6, 8, 30))
    assert not [c for c in sent if "纪要逾期" in c.text]
    [review] = [c for c in sent if c.chat_id == team.manager.chat_id]
    assert review.text == (
        "📋 今日纪要审阅 (1)\n\n1. 王磊 · 华东电力设计院 · 12月30日的拜访(逾期提交)\n"
        "王局长确认明年一季度启动变电站设计软件招标,下一步:1月9日前报价。"
    )


async def test_the_digest_line_leads_to_writing_on_time(bot: BotHarness) -> None:
    team = await make_team(bot)
    hd = await customer_of(bot, team.wang, "华东电力设计院")
    await visit(bot, team.wang, hd, local(2026, 12, 1, 11, 0), InteractionKind.MEAL)
    pushes = Pushes.of(bot)
    sent = await pushes.at(local(2026, 12, 2, 8, 30))
    [digest] = [c for c in sent if c.chat_id == team.wang.chat_id]
    assert digest.text == (
        "早上好!今天是12月2日 周三\n\n📝 待写纪要 (1)\n"
        "1. 华东电力设计院 12月1日的宴请还没写会谈纪要,还有 1 个工作日(12月3日(周四)前)"
    )
    assert len(sent) == 1, "a line of the digest, not a push of its own"
    with time_machine.travel(local(2026, 12, 2, 9, 0), tick=False):
        reply = await team.wang.press("写纪要 1")
        assert "请发来华东电力设计院 12月1日的宴请的会谈纪要" in reply.text
        reply = await team.wang.send("席间谈了二期扩容,对方希望月底前看到方案。")
    assert "(按时)" in reply.text
    # The next morning (its last day) it is gone from the digest.
    sent = await pushes.at(local(2026, 12, 3, 8, 30))
    assert not [c for c in sent if "会谈纪要" in c.text and c.chat_id == team.wang.chat_id]


async def test_a_summary_written_on_the_first_morning_leaves_the_last_day_quiet(
    bot: BotHarness,
) -> None:
    team = await make_team(bot)
    hd = await customer_of(bot, team.wang, "华东电力设计院")
    await visit(bot, team.wang, hd, local(2026, 12, 1, 11, 0))  # due Thursday 3 December
    pushes = Pushes.of(bot)
    sent = await pushes.at(local(2026, 12, 2, 8, 30))
    assert [c for c in sent if "待写纪要 (1)" in c.text]
    with time_machine.travel(local(2026, 12, 2, 18, 0), tick=False):
        await team.wang.send("/minutes")
        await team.wang.press("写纪要 1")
        await team.wang.send("谈了二期方案,对方月底前给答复。")
    sent = await pushes.at(local(2026, 12, 3, 8, 30))
    assert not [c for c in sent if "会谈纪要" in c.text]
    assert await bot.count(ReminderOutbox, ReminderOutbox.kind == "minutes") == 0


async def test_a_call_opens_no_minutes_and_a_full_guided_visit_is_its_own(bot: BotHarness) -> None:
    team = await make_team(bot)
    hd = await customer_of(bot, team.wang, "华东电力设计院")
    await visit(bot, team.wang, hd, local(2026, 12, 1, 11, 0), InteractionKind.CALL)
    assert await minutes(bot) == []
    await visit(
        bot,
        team.wang,
        hd,
        local(2026, 12, 1, 15, 0),
        summary="二期扩容方案的技术路线,对方倾向于分两期建设",
        outcome="同意下周安排技术交流",
    )
    [task] = await minutes(bot)
    assert task.written_at is not None and task.text is not None and "二期扩容" in task.text


async def test_the_managers_review_has_three_summaries_seen_and_commented(bot: BotHarness) -> None:
    team = await make_team(bot)
    hd = await customer_of(bot, team.wang, "华东电力设计院")
    sz = await customer_of(bot, team.zhang, "苏州建工")
    await visit(bot, team.wang, hd, local(2026, 11, 30, 10, 0))
    await visit(bot, team.wang, hd, local(2026, 12, 1, 19, 0), InteractionKind.MEAL)
    await visit(bot, team.zhang, sz, local(2026, 12, 1, 14, 0))
    with time_machine.travel(local(2026, 12, 1, 20, 0), tick=False):
        for client, label, text in (
            (team.wang, "写纪要 1", "谈了变电站设计软件的试用,王局长要一份报价。"),
            (team.wang, "写纪要 1", "饭桌上刘处长透露预算大概两百万,年底前定。"),
            (team.zhang, "写纪要 1", "苏州建工的BIM平台需求确认,下周送样。"),
        ):
            await client.send("/minutes")
            await client.press(label)
            await client.send(text)

    pushes = Pushes.of(bot)
    sent = await pushes.at(local(2026, 12, 2, 8, 30))
    reviews = [c for c in sent if c.chat_id == team.manager.chat_id and "纪要审阅" in c.text]
    assert len(reviews) == 1, "one review message, not one push per summary"
    review = reviews[0]
    assert review.text.startswith("📋 今日纪要审阅 (3)")
    assert "1. 王磊 · 华东电力设计院 · 11月30日的拜访" in review.text
    assert "苏州建工的BIM平台需求确认" in review.text
    labels = [b["text"] for b in review.inline_buttons]
    assert labels == ["👀 已阅 1", "💬 批注 1", "👀 已阅 2", "💬 批注 2", "👀 已阅 3", "💬 批注 3"]

    with time_machine.travel(local(2026, 12, 2, 9, 0), tick=False):
        reply = await team.manager.press("已阅 1")
        assert "👀 已阅" in reply.callback_answers
        reply = await team.manager.press("批注 3")
        assert "请发来对张伟的纪要(苏州建工 12月1日的拜访)的批注" in reply.text
        reply = await team.manager.send("送样前先和技术部确认型号。")
    assert "批注已记在纪要上,并已转给张伟" in reply.text
    told = [c for c in bot.api.calls if c.chat_id == team.zhang.chat_id and "批注了" in c.text]
    assert told and told[-1].text == (
        "💬 李经理批注了你的会谈纪要(苏州建工 12月1日的拜访):\n送样前先和技术部确认型号。"
    )
    rows = await minutes(bot)
    assert rows[0].reviewed_at is not None and rows[1].reviewed_at is None
    assert rows[2].comment == "送样前先和技术部确认型号。" and rows[2].reviewed_at is not None
    actions = await bot.scalars(select(AuditLog.action).order_by(AuditLog.id))
    assert actions.count("minutes.seen") == 1 and actions.count("minutes.comment") == 1

    # Listed once: the next day's review does not repeat them.
    sent = await pushes.at(local(2026, 12, 3, 8, 30))
    assert not [c for c in sent if "纪要审阅" in c.text]


async def test_a_rep_cannot_review_and_cannot_write_anothers_minutes(bot: BotHarness) -> None:
    team = await make_team(bot)
    hd = await customer_of(bot, team.wang, "华东电力设计院")
    await visit(bot, team.wang, hd, local(2026, 12, 1, 10, 0))
    [task] = await minutes(bot)
    with time_machine.travel(local(2026, 12, 1, 12, 0), tick=False):
        reply = await team.zhang.press_data(f"mins:w:{task.id}")
        assert "找不到这次会面,或你没有权限。" in reply.callback_answers
        reply = await team.zhang.press_data(f"mins:seen:{task.id}")
        assert "只有本团队的经理可以审阅纪要。" in reply.callback_answers
        reply = await team.wang.press_data(f"mins:note:{task.id}")
        assert "只有本团队的经理可以审阅纪要。" in reply.callback_answers
    [task] = await minutes(bot)
    assert task.reviewed_at is None and task.text is None


async def test_cancel_gives_up_the_summary_and_the_next_text_is_a_note_again(
    bot: BotHarness,
) -> None:
    team = await make_team(bot)
    hd = await customer_of(bot, team.wang, "华东电力设计院")
    await visit(bot, team.wang, hd, local(2026, 12, 1, 10, 0))
    with time_machine.travel(local(2026, 12, 1, 12, 0), tick=False):
        await team.wang.send("/minutes")
        await team.wang.press("写纪要 1")
        reply = await team.wang.send("/cancel")
        assert "已放弃" in reply.text
    [task] = await minutes(bot)
    assert task.written_at is None


async def test_workdays_setting_moves_the_deadline_and_says_2027_is_provisional(
    bot: BotHarness,
) -> None:
    team = await make_team(bot)
    with time_machine.travel(local(2026, 12, 1, 10, 0), tick=False):
        reply = await team.manager.send("/workdays")
        assert reply.text.startswith("📅 工作日历:中国大陆(国务院放假安排,含调休)")
        assert "2026 年按国务院公布的放假安排,含调休上班日。" in reply.text
        assert "2027 年的放假安排还没有收录,暂按周末和法定节日正日计算(临时" in reply.text
        reply = await team.wang.send("/settings")
        assert (
            "📅 工作日历:中国大陆(国务院放假安排,含调休);2027 年为临时日历 · /workdays"
            in reply.text
        )
        reply = await team.wang.send("/workdays")
        assert reply.buttons == []
        reply = await team.wang.press_data(callbacks.workweek("mon_fri"))
        assert "只有经理可以修改团队的工作日历。" in reply.callback_answers
        await team.manager.send("/team")
        await team.manager.press("团队设置")
        reply = await team.manager.press("工作日历与拜访计划")
        assert reply.text.startswith("📅 工作日历:中国大陆")
        await team.manager.press("周一至周五")
    assert await bot.scalar(select(TeamCycle.workweek)) == "mon_fri"
    hd = await customer_of(bot, team.wang, "华东电力设计院")
    await visit(bot, team.wang, hd, local(2025, 12, 30, 15, 0))
    [task] = await minutes(bot)
    assert task.due_on == date(2026, 1, 1)  # Monday–Friday: 元旦 is a working day


async def test_new_archives_are_reviewed_in_the_same_message(bot: BotHarness) -> None:
    team = await make_team(bot)
    hd = await customer_of(bot, team.wang, "华东电力设计院")
    await customer_of(bot, team.wang, "苏州建工", local(2026, 12, 1, 9, 0))
    await customer_of(bot, team.zhang, "杭州水务", local(2026, 12, 1, 11, 0))
    await customer_of(bot, team.manager, "经理自己的客户", local(2026, 12, 1, 11, 0))
    await customer_of(bot, team.zhang, "今天才建的", local(2026, 12, 2, 8, 0))
    await visit(bot, team.wang, hd, local(2026, 12, 1, 10, 0))
    with time_machine.travel(local(2026, 12, 1, 12, 0), tick=False):
        await team.wang.send("/minutes")
        await team.wang.press("写纪要 1")
        await team.wang.send("谈了二期方案,对方月底前给答复。")
    pushes = Pushes.of(bot)
    sent = await pushes.at(local(2026, 12, 2, 8, 30))
    [review] = [c for c in sent if c.chat_id == team.manager.chat_id and "审阅" in c.text]
    assert review.text.startswith("📋 今日审阅 (3):纪要 1 份,新客户档案 2 个")
    assert "2. 王磊 · 苏州建工 · 新客户档案(联系人 0 人)" in review.text
    assert "3. 张伟 · 杭州水务 · 新客户档案(联系人 0 人)" in review.text
    assert "经理自己的客户" not in review.text and "今天才建的" not in review.text
    with time_machine.travel(local(2026, 12, 2, 9, 0), tick=False):
        reply = await team.manager.press("已审核 2")
        assert "✅ 已审核" in reply.callback_answers
        reply = await team.zhang.press_data(review.inline_buttons[-2]["callback_data"])
        assert "只有本团队的经理可以审核客户档案。" in reply.callback_answers
        await team.manager.press("意见 3")
        reply = await team.manager.send("地址和采购周期还没填,补上。")
        assert "✅ 意见已记下,并已转给张伟。" in reply.text
    told = [c.text for c in bot.api.calls if c.chat_id == team.zhang.chat_id][-1]
    assert told == "💬 李经理对客户「杭州水务」档案的意见:\n地址和采购周期还没填,补上。"
    actions = await bot.scalars(select(AuditLog.action))
    assert actions.count("archive.reviewed") == 1 and actions.count("archive.comment") == 1
    # Listed once; the customer created on the 2nd comes the next morning.
    sent = await pushes.at(local(2026, 12, 3, 8, 30))
    [review] = [c for c in sent if c.chat_id == team.manager.chat_id and "审阅" in c.text]
    assert "今天才建的" in review.text and "苏州建工" not in review.text


async def test_a_menu_tap_or_half_an_hour_ends_the_wait_for_a_summary(bot: BotHarness) -> None:
    team = await make_team(bot)
    hd = await customer_of(bot, team.wang, "华东电力设计院")
    await visit(bot, team.wang, hd, local(2026, 12, 1, 10, 0))
    with time_machine.travel(local(2026, 12, 1, 12, 0), tick=False):
        await team.wang.send("/minutes")
        await team.wang.press("写纪要 1")
        await team.wang.send("📅 今日")
        reply = await team.wang.send("周五上午给王局长送资料")
        assert "确认保存吗" in reply.text  # a note again, not the summary
        await team.wang.press("取消")
        await team.wang.press_data(f"mins:w:{(await minutes(bot))[0].id}")
    with time_machine.travel(local(2026, 12, 1, 12, 31), tick=False):
        reply = await team.wang.send("明天下午3点给王局长打电话")
        assert "已保存" not in reply.text and "确认保存吗" in reply.text
    [task] = await minutes(bot)
    assert task.written_at is None


async def test_a_summary_waited_for_is_left_like_any_typed_value(bot: BotHarness) -> None:
    team = await make_team(bot)
    hd = await customer_of(bot, team.wang, "华东电力设计院")
    await visit(bot, team.wang, hd, local(2026, 12, 1, 10, 0))
    with time_machine.travel(local(2026, 12, 1, 12, 0), tick=False):
        await team.wang.send("/minutes")
        await team.wang.press("写纪要 1")
        today = await team.wang.send("📅 今日")
        assert "已退出写纪要。" in today.text
        await team.wang.send("/minutes")
        await team.wang.press("写纪要 1")
        cancelled = await team.wang.send("/cancel")
        assert cancelled.text == "已放弃。有需要随时找我。"
        note = await team.wang.send("周五上午给王局长送资料")
        assert "确认保存吗" in note.text
    [task] = await minutes(bot)
    assert task.written_at is None


async def test_a_review_lists_ten_a_day_and_the_rest_the_next(bot: BotHarness) -> None:
    team = await make_team(bot)
    hd = await customer_of(bot, team.wang, "华东电力设计院")
    for hour in range(8, 20):
        await visit(bot, team.wang, hd, local(2026, 12, 1, hour, 0))
    async with bot.session() as session:
        await session.execute(
            update(MeetingMinutes).values(
                written_at=local(2026, 12, 1, 21, 0), text="谈了二期方案。"
            )
        )
        await session.commit()
    pushes = Pushes.of(bot)
    sent = await pushes.at(local(2026, 12, 2, 8, 30))
    [review] = [c for c in sent if c.chat_id == team.manager.chat_id and "审阅" in c.text]
    assert review.text.startswith("📋 今日纪要审阅 (10)")
    sent = await pushes.at(local(2026, 12, 3, 8, 30))
    [review] = [c for c in sent if c.chat_id == team.manager.chat_id and "审阅" in c.text]
    assert review.text.startswith("📋 今日纪要审阅 (2)")
