"""What goes with a customer when it changes hands (issue #17, defect 1): removal from the team,
assignment and handover carry the open follow-ups and the pushes still waiting to the new owner,
and a removed member sees nothing of the old team — not in /today, /export, a digest already
queued, or the buttons of a push he got before."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import time_machine
from sqlalchemy import select

from bot.local_api import ApiCall, LocalClient, Reply
from storage.actor import Actor
from storage.customers import CustomerRepo
from storage.deals import DealRepo, DealUpdate
from storage.models import (
    Deal,
    DealStage,
    FollowUp,
    FollowUpStatus,
    Grade,
    Member,
    OutboxStatus,
    ReminderOutbox,
)
from tests.builders import Archive, Pushes, Team, local, make_team, member_of
from tests.conftest import BotHarness

SECRET = "绝密电力设计院"
DUE_TODAY = "跟进绝密报价单"
TIMED = "给绝密局长打电话"
MORNING = local(2026, 12, 1, 8, 30)


async def secret_archive(bot: BotHarness, owner: LocalClient) -> None:
    """王磊's A-grade customer: a follow-up due today, a call tomorrow at 10, a birthday today."""
    archive = Archive(bot, await member_of(bot, owner))
    with time_machine.travel(local(2026, 11, 30, 18, 0), tick=False):
        secret = await archive.customer(SECRET, Grade.A)
        await archive.contact(secret, "钱卫东", salutation="钱局长", birthday=(12, 1),
                              today=date(2026, 12, 1))  # fmt: skip
        await archive.follow_up(secret, date(2026, 12, 1), DUE_TODAY)
        await archive.follow_up(secret, date(2026, 12, 2), TIMED, at=local(2026, 12, 2, 10, 0))


async def remove(manager: LocalClient, name: str) -> Reply:
    await manager.send("/team")
    await manager.press("成员管理")
    await manager.press(f"{name} · 销售代表")
    await manager.press("移出团队")
    return await manager.press("确定移出")


def to(client: LocalClient, calls: list[ApiCall]) -> str:
    return "\n".join(c.text for c in calls if c.chat_id == client.chat_id)


async def exported_follow_ups(client: LocalClient) -> list[list[str]]:
    await client.send("/export")
    reply = await client.press("CSV:跟进")
    [document] = reply.documents
    return list(csv.reader(io.StringIO(document.content.decode("utf-8-sig"))))[1:]


async def test_a_removed_rep_keeps_nothing_of_the_old_team(bot: BotHarness) -> None:
    team = await make_team(bot)
    await secret_archive(bot, team.wang)
    pushes = Pushes.of(bot)
    morning = to(team.wang, await pushes.at(MORNING))
    assert f"{SECRET} · {DUE_TODAY}" in morning and "钱局长" in morning

    with time_machine.travel(local(2026, 12, 1, 9, 0), tick=False):
        done = await remove(team.manager, "王磊")
        assert "王磊 已移出团队,1 个客户已转到你名下。" in done.text
        today = await team.wang.send("/today")
        assert SECRET not in today.text and "今天没有待办的事" in today.text
        assert all(SECRET not in row[0] for row in await exported_follow_ups(team.wang))
        # the buttons of the morning's digest
        pressed = await team.wang.press("完成 1")
        assert pressed.callback_answers == ["这个按钮已失效。"]
        await team.wang.press("推迟 2")
        again = await team.wang.press("明天")
        assert again.callback_answers == ["这个按钮已失效。"]
        boss_today = await team.manager.send("/today")
    assert f"{SECRET} · {DUE_TODAY}" in boss_today.text  # the follow-up went with the customer

    wang = await member_of(bot, team.wang)
    boss = await member_of(bot, team.manager)
    async with bot.session() as session:
        follow_ups = list(await session.scalars(select(FollowUp).order_by(FollowUp.id)))
        waiting = list(
            await session.scalars(
                select(ReminderOutbox).where(
                    ReminderOutbox.member_id == wang.id,
                    ReminderOutbox.status == OutboxStatus.PENDING,
                )
            )
        )
    assert [(f.member_id, f.status) for f in follow_ups] == [(boss.id, FollowUpStatus.OPEN)] * 2
    assert waiting == []

    # The next day: the timed call reaches the manager, the removed rep hears nothing of it.
    later = await pushes.at(local(2026, 12, 2, 10, 0))
    assert TIMED in to(team.manager, later)
    assert to(team.wang, later) == ""
    assert SECRET not in to(team.wang, await pushes.at(local(2026, 12, 2, 8, 30)))


async def test_a_digest_already_queued_is_not_sent_after_the_removal(bot: BotHarness) -> None:
    team = await make_team(bot)
    await secret_archive(bot, team.wang)
    pushes = Pushes.of(bot)
    # 08:28: the planner has written 王磊's digest for 08:30 to the outbox
    await pushes.at(local(2026, 12, 1, 8, 28))
    wang = await member_of(bot, team.wang)
    queued = await bot.count(ReminderOutbox, ReminderOutbox.member_id == wang.id)
    assert queued >= 1
    with time_machine.travel(local(2026, 12, 1, 8, 29), tick=False):
        await remove(team.manager, "王磊")
    sent = await pushes.at(MORNING)
    assert to(team.wang, sent) == ""
    # what was due today in it reaches the manager, who holds the follow-up now
    assert f"{SECRET} · {DUE_TODAY}" in to(team.manager, sent)


async def test_removal_rotates_the_invite_code(bot: BotHarness) -> None:
    team = await make_team(bot)
    done = await remove(team.manager, "王磊")
    assert "邀请码已更换" in done.text
    back = await team.wang.send(f"/join {team.code}")
    assert back.text.startswith("邀请码不对或已失效")
    wang = await member_of(bot, team.wang)
    boss = await member_of(bot, team.manager)
    assert wang.team_id != boss.team_id


async def test_wrong_invite_codes_lock_the_guesser_out_for_a_while(bot: BotHarness) -> None:
    team = await make_team(bot)
    guesser = bot.user("陌生人")
    start = local(2026, 12, 1, 14, 0)
    with time_machine.travel(start, tick=False) as clock:
        for attempt in range(5):
            reply = await guesser.send(f"/join WRONGCODE{attempt:03d}")
            assert reply.text.startswith("邀请码不对或已失效"), reply.text
        locked = await guesser.send("/join WRONGCODE999")
        assert "邀请码输错次数太多" in locked.text and "14:30" in locked.text
        # while locked, even the right code is not tried
        assert "邀请码输错次数太多" in (await guesser.send(f"/join {team.code}")).text
        # others are not locked
        assert "🎉" in (await bot.user("新同事").send(f"/join {team.code}")).text
        clock.move_to(datetime(2026, 12, 1, 14, 31, tzinfo=start.tzinfo))
        assert "🎉 你已加入团队「华东销售一部」" in (await guesser.send(f"/join {team.code}")).text


async def test_an_assigned_customer_takes_its_follow_ups_and_pushes_along(bot: BotHarness) -> None:
    team = await make_team(bot)
    await secret_archive(bot, team.wang)
    pushes = Pushes.of(bot)
    await pushes.at(MORNING)  # 王磊's digest; the 10:00 call is planned for tomorrow
    with time_machine.travel(local(2026, 12, 1, 9, 0), tick=False):
        await team.manager.send(f"/assign {SECRET} 张伟")
        assert f"{SECRET} · {DUE_TODAY}" in (await team.zhang.send("/today")).text
        assert SECRET not in (await team.wang.send("/today")).text
        assert all(SECRET not in row[0] for row in await exported_follow_ups(team.wang))
        assert any(SECRET in row[0] for row in await exported_follow_ups(team.zhang))
        # the old owner's 完成 on this morning's digest no longer acts on it
        assert (await team.wang.press("完成 1")).callback_answers == ["这个按钮已失效。"]
    later = await pushes.at(local(2026, 12, 2, 10, 0))
    assert TIMED in to(team.zhang, later) and TIMED not in to(team.wang, later)


async def test_a_handover_takes_the_follow_ups_along(bot: BotHarness) -> None:
    team = await make_team(bot)
    await secret_archive(bot, team.wang)
    pushes = Pushes.of(bot)
    await pushes.at(local(2026, 12, 1, 8, 28))  # 王磊's digest waits in the outbox
    with time_machine.travel(local(2026, 12, 1, 8, 29), tick=False):
        await team.manager.send("/team")
        await team.manager.press("成员管理")
        await team.manager.press("王磊 · 销售代表")
        await team.manager.press("离职交接")
        await team.manager.press("张伟")
        await team.manager.press("交接给选中的 1 人")
    sent = await pushes.at(MORNING)
    assert SECRET not in to(team.wang, sent) and "钱局长" not in to(team.wang, sent)
    # the birthday greeting waiting for 王磊 was planned again for 张伟, his digest too
    assert "🎂 今天是钱局长(绝密电力设计院)的生日" in to(team.zhang, sent)
    assert f"{SECRET} · {DUE_TODAY}" in to(team.zhang, sent)
    zhang: Member = await member_of(bot, team.zhang)
    async with bot.session() as session:
        owners = set(await session.scalars(select(FollowUp.member_id)))
    assert owners == {zhang.id}
    later = await pushes.at(local(2026, 12, 2, 10, 0))
    assert TIMED in to(team.zhang, later)


async def deals_of_wang(bot: BotHarness, team: Team) -> None:
    """王磊's three deals on 华润置地: one open, one won with all its 回款 still to come, one lost."""
    with time_machine.travel(local(2026, 11, 30, 18, 0), tick=False):
        await team.wang.send("华润置地签了合同,金额115万,分三期,签约30%,验收60%,质保10%")
        await team.wang.press("保存")
        await team.wang.send("华润置地办公楼项目报价120万,预计月底签约")
        await team.wang.press("保存")
        wang = await member_of(bot, team.wang)
        async with bot.session() as session:
            customer = await CustomerRepo(session, Actor.of(wang)).by_name("华润置地")
            assert customer is not None
            update = DealUpdate(title="食堂项目", amount=300_000, stage=DealStage.LOST,
                                lost_reason="预算取消")  # fmt: skip
            await DealRepo(session, Actor.of(wang)).create(customer, update, datetime.now(UTC))
            await session.commit()


async def deal_owners(bot: BotHarness) -> dict[str, str]:
    async with bot.session() as session:
        rows = await session.execute(
            select(Deal.title, Member.name).join(Member, Member.id == Deal.owner_id)
        )
        return {title: name for title, name in rows.all()}


async def test_an_assigned_customer_takes_its_deals_and_the_money_to_come(bot: BotHarness) -> None:
    team = await make_team(bot)
    await deals_of_wang(bot, team)
    with time_machine.travel(local(2026, 12, 1, 9, 0), tick=False):
        await team.manager.send("/assign 华润置地 张伟")
        card = await team.zhang.send("/customer 华润置地")
    assert "  · 办公楼项目 · 120万 · 方案报价 · 预计11月30日签约" in card.text
    assert "  · 华润置地:已回 0元 / 115万 · 下一期 签约款 日期未定" in card.text
    assert {"⏩ 推进", "🏆 赢单", "💔 输单", "💰 回款"} <= set(card.buttons)
    # The lost deal is history: it stays with the rep who lost it.
    assert await deal_owners(bot) == {"办公楼项目": "张伟", "华润置地": "张伟", "食堂项目": "王磊"}
    sent = await Pushes.of(bot).at(local(2026, 12, 2, 8, 30))
    late = "华润置地 办公楼项目 120万:预计11月30日签约,已过 2 天还没有结果"
    assert late in to(team.zhang, sent) and "办公楼项目" not in to(team.wang, sent)


async def test_a_handover_and_a_removal_take_the_deals_along(bot: BotHarness) -> None:
    team = await make_team(bot)
    await deals_of_wang(bot, team)
    await team.manager.send("/team")
    await team.manager.press("成员管理")
    await team.manager.press("王磊 · 销售代表")
    await team.manager.press("离职交接")
    await team.manager.press("张伟")
    await team.manager.press("交接给选中的 1 人")
    assert await deal_owners(bot) == {"办公楼项目": "张伟", "华润置地": "张伟", "食堂项目": "王磊"}

    # 张伟 leaves the team: his customers, and their live deals, fall to the manager.
    await remove(team.manager, "张伟")
    assert await deal_owners(bot) == {
        "办公楼项目": "李经理",
        "华润置地": "李经理",
        "食堂项目": "王磊",
    }
