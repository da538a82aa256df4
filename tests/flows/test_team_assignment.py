"""Assignment and handover, the one-week rule with a moved clock, ownership conflicts, and the
weekly report — the last two through the outbox rows the scheduler sends."""

from datetime import datetime, timedelta

import time_machine
from sqlalchemy import select

from bot.local_api import ApiCall, LocalClient
from handlers.customers import callbacks as customers
from handlers.team import callbacks as team_callbacks
from handlers.team.reports import deliver_team_push
from storage import push_buttons
from storage.assignment import handover_pushes
from storage.engine import session_factory
from storage.models import (
    AuditLog,
    ChangeLog,
    Customer,
    Grade,
    Interaction,
    InteractionKind,
    Member,
)
from storage.outbox import claim_due, enqueue, mark_sent
from storage.reports import weekly_report_pushes
from tests.builders import (
    Pushes,
    at,
    contact,
    customer,
    interaction,
    known_week,
    make_team,
    member_of,
)
from tests.conftest import BotHarness


async def team_pushes(bot: BotHarness, now: datetime) -> list[ApiCall]:
    """What the scheduler does with the team pushes: plan them, claim, deliver, mark sent."""
    first = len(bot.api.calls)
    sessions = session_factory(bot.engine)
    with time_machine.travel(now, tick=False):
        async with sessions() as session:
            await enqueue(session, await weekly_report_pushes(session, now))
            await enqueue(session, await handover_pushes(session, now))
            await session.commit()
        async with sessions() as session:
            rows = await claim_due(session, now, "test", 100)
            await session.commit()
        for row in rows:
            async with sessions() as session:
                manager = await session.get_one(Member, row.member_id)
                sent = await deliver_team_push(bot.application.bot, session, row, manager)
                await mark_sent(session, row.id, "test", now, sent)
                await session.commit()
    return bot.api.calls[first:]


async def test_a_manager_assigns_a_customer_from_the_card(bot: BotHarness) -> None:
    team = await make_team(bot)
    hd = await customer(bot, team.wang, "华东电力设计院", at(11, 2), grade=Grade.A)
    await team.manager.press_data(push_buttons.view_customer(hd))
    await team.manager.press("分配")
    reply = await team.manager.press("张伟")
    assert "✅ 「华东电力设计院」已从 王磊 改由 张伟 负责,历史记录都保留。" in reply.text
    assert "经理 李经理 把客户「华东电力设计院」交给你负责了" in reply.to(team.zhang).text
    assert "已由经理改派给 张伟 负责" in reply.to(team.wang).text
    assert "交给你负责" not in reply.text  # the manager's own chat has only the answer
    zhang = await member_of(bot, team.zhang)
    assert (await bot.scalar(select(Customer).where(Customer.id == hd))).owner_id == zhang.id
    change = await bot.scalar(select(ChangeLog).where(ChangeLog.field == "owner"))
    assert (change.old_value, change.new_value) == ("王磊", "张伟")
    assert await bot.scalar(select(AuditLog).where(AuditLog.action == "customer.assign"))
    await team.manager.press_data(customers.profile(hd))
    log = await team.manager.press("修改记录")
    assert "负责人 王磊 → 张伟" in log.text  # named, not the column's "owner"
    # /assign with a name does the same in one line
    again = await team.manager.send("/assign 华东电力设计院 王磊")
    assert "改由 王磊 负责" in again.text


async def test_handover_of_a_leaving_member_to_two_reps(bot: BotHarness) -> None:
    team = await make_team(bot)
    liu = bot.user("刘洋")
    await liu.send(f"/join {team.code}")
    for name, grade in (
        ("甲公司", Grade.A),
        ("乙公司", Grade.A),
        ("丙公司", Grade.B),
        ("丁公司", None),
    ):
        cid = await customer(bot, liu, name, at(11, 2), grade=grade)
        await interaction(bot, liu, cid, InteractionKind.VISIT, at(11, 3))
    await team.manager.send("/team")
    await team.manager.press("成员管理")
    await team.manager.press("刘洋 · 销售代表")
    page = await team.manager.press("离职交接")
    assert "📦 离职交接:刘洋 名下有 4 个客户" in page.text
    await team.manager.press("王磊")
    await team.manager.press("张伟")
    done = await team.manager.press("交接给选中的 2 人")
    assert "✅ 刘洋 的 4 个客户已交接:" in done.text
    assert "· 王磊:2" in done.text and "· 张伟:2" in done.text
    async with bot.session() as session:
        owners = {
            row[0]: row[1]
            for row in await session.execute(select(Customer.name, Customer.owner_id))
        }
    wang, zhang = await member_of(bot, team.wang), await member_of(bot, team.zhang)
    assert {owners["甲公司"], owners["乙公司"]} == {wang.id, zhang.id}  # A-grade split evenly
    assert "把 2 个客户交给你负责了" in done.to(team.wang).text
    history = await team.manager.press_data(
        customers.history(await bot.scalar(select(Customer.id).where(Customer.name == "甲公司")))
    )
    assert "拜访" in history.text  # the history stays with the customer
    assert "🚫 移出团队" in done.buttons


async def test_the_one_week_rule(bot: BotHarness) -> None:
    team = await make_team(bot)
    sz = await customer(bot, team.zhang, "苏州建工", at(10, 1), grade=Grade.B)
    hz = await customer(bot, team.zhang, "杭州水务", at(10, 1), grade=Grade.B)
    day0 = at(11, 2, 8)
    with time_machine.travel(day0, tick=False):
        for cid in (sz, hz):
            await team.manager.press_data(team_callbacks.assign(cid))
            reply = await team.manager.press("王磊")
            assert reply.to(team.wang).messages  # told at once
    await interaction(bot, team.wang, hz, InteractionKind.CALL, day0 + timedelta(days=3))

    digest = await Pushes.of(bot).at(day0 + timedelta(days=5, minutes=30))
    wang_digest = "\n".join(c.text for c in digest if c.chat_id == team.wang.chat_id)
    assert "苏州建工 分配给你已 5 天,还没联系" in wang_digest
    assert "杭州水务 分配给你" not in wang_digest

    assert await team_pushes(bot, day0 + timedelta(days=6)) == []
    day8 = await team_pushes(bot, day0 + timedelta(days=7, hours=2))
    told = [c for c in day8 if c.chat_id == team.manager.chat_id and "⏳" in c.text]
    assert len(told) == 1  # (day 8 is a Monday: the weekly report came too)
    assert "⏳ 王磊 接手「苏州建工」已 7 天,还没有联系记录(一周规则)" in told[0].text
    assert await team_pushes(bot, day0 + timedelta(days=7, hours=3)) == []  # once
    await team.manager.press("改派")
    reply = await team.manager.press("张伟")
    assert "改由 张伟 负责" in reply.text


async def test_weekly_report_on_monday_to_the_manager_and_the_group(bot: BotHarness) -> None:
    team = await known_week(bot)
    group = {"id": -100777, "type": "group", "title": "华东一部"}
    boss = LocalClient(bot.application, bot.api, team.manager.user, chat=group)
    await boss.send("/bindgroup")
    assert await team_pushes(bot, at(12, 7, 8)) == []  # Monday, before 09:00
    sent = await team_pushes(bot, at(12, 7, 9))
    private = [c for c in sent if c.chat_id == team.manager.chat_id]
    in_group = [c for c in sent if c.chat_id == -100777]
    assert [c.method for c in private] == ["sendMessage", "sendPhoto", "sendPhoto", "sendMessage"]
    assert [c.method for c in in_group] == ["sendMessage", "sendPhoto", "sendPhoto", "sendMessage"]
    report = private[0].text
    assert report.startswith("📅 上周周报\n📊 团队「华东销售一部」· 上周(11月30日–12月6日)")
    assert "👤 王磊:拜访 1 · 电话 2 · 微信 1 · 新客户 1 · 新联系人 1 · 完成跟进 1" in report
    assert "🔔 A类客户超过拜访周期无人联系 (1)" in private[3].text
    assert "苏州建工(张伟)已 35 天未联系" in private[3].text
    assert all("13812345678" not in c.text and "1234 5678" not in c.text for c in in_group)
    assert in_group[0].params.get("reply_markup") is None
    assert await team_pushes(bot, at(12, 7, 10)) == []  # once a week


async def test_ownership_conflict_the_manager_keeps_the_owner(bot: BotHarness) -> None:
    team = await make_team(bot)
    await customer(bot, team.wang, "华东电力设计院", at(11, 2))
    await team.zhang.send("/customer 华东电力设计院")
    reply = await team.zhang.press("请经理处理")
    assert (
        "📨 张伟 想记录客户「华东电力设计院」,它现在由 王磊 负责(先记录者)。"
        in reply.to(team.manager).text
    )
    decided = await team.manager.press("仍归 王磊")
    assert "✅ 已决定:「华东电力设计院」仍由 王磊 负责。" in decided.text
    assert "经理决定「华东电力设计院」仍由 王磊 负责" in decided.to(team.zhang).text
    owner = await bot.scalar(select(Member.name).join(Customer, Customer.owner_id == Member.id))
    assert owner == "王磊"


async def test_ownership_conflict_the_manager_moves_the_customer(bot: BotHarness) -> None:
    team = await make_team(bot)
    await customer(bot, team.wang, "华东电力设计院", at(11, 2))
    card = await team.zhang.send("今天拜访了华东电力设计院的刘经理,下周五跟进报价")
    await team.zhang.press("保存")
    ask = await team.zhang.press("请经理")
    assert ask.to(team.manager).messages, card.text
    decided = await team.manager.press("改归 张伟")
    assert "✅ 已决定:「华东电力设计院」改由 张伟 负责" in decided.text
    assert "✅ 经理把「华东电力设计院」交给你负责了。" in decided.to(team.zhang).text
    saved = await team.zhang.press("保存我的记录")
    assert "已保存到「华东电力设计院」" in saved.text
    cid = await bot.scalar(select(Customer.id).where(Customer.name == "华东电力设计院"))
    zhang = await member_of(bot, team.zhang)
    again = await team.manager.press_data(
        team_callbacks.owner_kept(cid, zhang.id)
    )  # a second manager's press
    assert "「华东电力设计院」已经由 张伟 负责了。" in again.text


async def test_the_real_scheduler_sends_the_weekly_report_once(bot: BotHarness) -> None:
    """The planner enqueues Monday's report and the dispatcher hands it to the team reports."""
    team = await known_week(bot)
    pushes = Pushes.of(bot)
    first = len(bot.api.calls)
    await pushes.at(
        at(
            12,
            7,
            9,
        )
    )
    await pushes.at(at(12, 7, 9) + timedelta(minutes=5))  # a later pass sends nothing again
    to_manager = [c for c in bot.api.calls[first:] if c.chat_id == team.manager.chat_id]
    reports = [c for c in to_manager if c.text.startswith("📅 上周周报")]
    photos = [c for c in to_manager if c.method == "sendPhoto"]
    assert len(reports) == 1 and len(photos) == 2
    assert "👤 王磊:拜访 1 · 电话 2 · 微信 1" in reports[0].text


async def test_a_colleagues_note_goes_into_the_owners_file_when_the_owner_keeps_it(
    bot: BotHarness,
) -> None:
    """Tryout 7 #13: 张伟's intel about 王磊's customer is not lost when the manager keeps the
    customer with 王磊 — the visit and the trip go into the customer's file, 张伟 is told so,
    and the draft is gone."""
    team = await make_team(bot)
    with time_machine.travel(at(11, 30), tick=False):  # Monday
        hd = await customer(bot, team.wang, "华东电力设计研究院", at(11, 2))
        await contact(bot, team.wang, hd, "王建国", at(11, 2), title="局长")
        await team.zhang.send(
            "拜访了华东电力设计研究院的李总工 他说王局长下周要去北京开会 周一到周三"
        )
        asked = await team.zhang.press("保存")
        assert "已由 王磊 负责" in asked.text
        await team.zhang.press("请经理处理")
        decided = await team.manager.press("仍归 王磊")
        told = decided.to(team.zhang)
        assert "经理决定「华东电力设计研究院」仍由 王磊 负责" in told.text
        saved = await team.zhang.press("记入「华东电力设计研究院」")
        assert saved.text.startswith("✅ 已记入王磊的客户「华东电力设计研究院」。")
        assert "没有草稿" in (await team.zhang.send("/drafts")).text

        owner = await bot.scalar(select(Member.name).join(Customer, Customer.owner_id == Member.id))
        assert owner == "王磊"
        visit = await bot.scalar(select(Interaction).where(Interaction.customer_id == hd))
        zhang = await member_of(bot, team.zhang)
        assert visit.member_id == zhang.id and "王局长下周要去北京开会" in (visit.note or "")
        card = await team.wang.send("/customer 华东电力设计研究院")
        assert "北京" in card.text and "李总工" in card.text
