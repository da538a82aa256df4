"""Pushes through the real Application: the digest and its buttons, greetings, timed
follow-ups, trips, quiet hours, a blocked bot, RetryAfter, a restart, /settings."""

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import time_machine
from sqlalchemy import func, select, update

from storage.models import (
    Customer,
    FollowUp,
    FollowUpStatus,
    Grade,
    Interaction,
    Member,
    OutboxStatus,
    ReminderOutbox,
)
from tests.builders import Archive, Pushes, local, member_of, texts
from tests.conftest import BotHarness

MONDAY = date(2026, 11, 30)


async def rows(bot: BotHarness, statement: Any) -> list[Any]:
    async with bot.session() as session:
        return list((await session.scalars(statement)).all())


async def rep_with_archive(bot: BotHarness, name: str = "王磊") -> tuple[Any, Archive]:
    rep = bot.user(name)
    await rep.send("/start")
    return rep, Archive(bot, await member_of(bot, rep))


async def test_nothing_to_report_sends_nothing(bot: BotHarness) -> None:
    await rep_with_archive(bot)
    assert await Pushes.of(bot).at(local(2026, 12, 1, 8, 30)) == []


async def test_the_morning_digest_has_every_section(bot: BotHarness) -> None:
    rep, archive = await rep_with_archive(bot)
    today = MONDAY
    old = datetime(2026, 11, 1, tzinfo=UTC)
    hd = await archive.customer("华东电力设计院", Grade.A, last_contact_at=old, assigned_at=old)
    await archive.customer("苏州建工", Grade.B, last_contact_at=old, assigned_at=old)
    wang = await archive.contact(hd, "王建国", salutation="王局长", birthday=(3, 8), lunar=True,
                                 today=today, key_leader=True)  # fmt: skip
    await archive.contact(hd, "李明", salutation="李处长", birthday=(12, 3), today=today,
                          key_leader=True)  # fmt: skip
    await archive.family(wang, "女儿", (12, 7), today)
    await archive.follow_up(hd, today, "跟进报价")
    await archive.follow_up(hd, today - timedelta(days=2), "寄样品")
    await archive.trip(wang, "北京", date(2026, 12, 1), date(2026, 12, 3), "开会")
    li = bot.user("李经理")
    await li.send("/start")
    manager = Archive(bot, await member_of(bot, li))
    given = await manager.customer("杭州水务", Grade.C)
    async with bot.session() as session:
        member = await member_of(bot, rep)
        await session.execute(
            update(Customer)
            .where(Customer.id == given.id)
            .values(owner_id=member.id, assigned_at=datetime(2026, 11, 24, tzinfo=UTC))
        )
        await session.commit()
    # 元旦 is not within three days; move "today" so that a festival is: 中秋 2027 is 9/15.
    sent = await Pushes.of(bot).at(local(2026, 11, 30, 8, 30))
    digest = sent[0].text
    assert digest.startswith("早上好!今天是11月30日 周一")
    assert "⏰ 今日跟进 (2)" in digest and "寄样品(已逾期 2 天)" in digest
    assert "🎂 生日 (2)" in digest
    assert "3 天后 李处长(华东电力设计院)生日:12月3日(周四)" in digest
    assert "7 天后 王局长的女儿(华东电力设计院)生日" in digest
    assert "✈️ 领导行程 (1)" in digest and "王局长明天起在北京(开会,12月1日–3日)" in digest
    assert "🔔 该拜访了 (2)" in digest and "A类 华东电力设计院 已 29 天未联系" in digest
    assert "🆕 新分配客户 (1)" in digest and "杭州水务 分配给你已 6 天,还没联系" in digest
    assert "📅 本周行程待确认 (1)" in digest and "王局长:本周行程未知" not in digest
    assert "华东电力设计院 · 李处长:本周行程未知,记得问问办公室" in digest
    labels = [b["text"] for b in sent[0].inline_buttons]
    assert {"✅ 完成 1", "⏰ 推迟 1", "🔎 查看 1"} <= set(labels)
    assert all(len(b["callback_data"].encode()) <= 64 for b in sent[0].inline_buttons)


async def test_lunar_birthdays_show_both_dates_and_festivals_are_listed(bot: BotHarness) -> None:
    _rep, archive = await rep_with_archive(bot)
    today = date(2027, 9, 12)
    hd = await archive.customer("华东电力设计院", Grade.A)
    await archive.contact(hd, "王建国", salutation="王局长", birthday=(8, 18), lunar=True,
                          today=today, key_leader=True)  # fmt: skip
    sent = await Pushes.of(bot).at(local(2027, 9, 12, 8, 30))
    digest, festival = sent[0].text, sent[1].text
    assert "3 天后 王局长(华东电力设计院)生日:农历八月十八(9月18日(周六))" not in digest
    assert "6 天后" not in digest
    assert "🎉 节日 (1)" in digest and "中秋节 还有 3 天(9月15日(周三))" in digest
    assert festival.startswith("🎉 中秋节还有 3 天") and "华东电力设计院 · 王局长" in festival


async def test_done_and_snooze_buttons_on_the_digest(bot: BotHarness) -> None:
    rep, archive = await rep_with_archive(bot)
    hd = await archive.customer("华东电力设计院", Grade.A)
    first = await archive.follow_up(hd, MONDAY, "跟进报价")
    second = await archive.follow_up(hd, MONDAY, "寄样品")
    pushes = Pushes.of(bot)
    await pushes.at(local(2026, 11, 30, 8, 30))
    with time_machine.travel(local(2026, 11, 30, 9, 0), tick=False):
        reply = await rep.press("完成 1")
        assert "✅ 已完成:跟进报价" in reply.callback_answers
        await rep.press("推迟 2")
        reply = await rep.press("1小时后")
        assert "⏰ 已推迟到 11月30日 10:00" in reply.callback_answers
    follow_ups = {f.id: f for f in await rows(bot, select(FollowUp))}
    assert follow_ups[first].status == FollowUpStatus.DONE
    assert follow_ups[second].due_at == local(2026, 11, 30, 10, 0).astimezone(UTC)
    assert await pushes.at(local(2026, 11, 30, 9, 59)) == []
    sent = await pushes.at(local(2026, 11, 30, 10, 0))
    assert len(sent) == 1 and sent[0].text == "⏰ 跟进提醒\n10:00 华东电力设计院 · 寄样品"
    with time_machine.travel(local(2026, 11, 30, 10, 1), tick=False):
        await rep.press("推迟")
        assert "⏰ 已推迟到 12月7日 10:00" in (await rep.press("下周")).callback_answers
    assert await pushes.at(local(2026, 11, 30, 11, 0)) == []
    sent = await pushes.at(local(2026, 12, 7, 10, 0))
    assert "寄样品" in texts(sent)


async def test_other_items_can_be_dismissed_or_pushed_again(bot: BotHarness) -> None:
    rep, archive = await rep_with_archive(bot)
    hd = await archive.customer("华东电力设计院", Grade.A)
    await archive.contact(hd, "李明", salutation="李处长", birthday=(12, 3), today=MONDAY)
    await archive.contact(hd, "张华", salutation="张科长", birthday=(12, 7), today=MONDAY)
    pushes = Pushes.of(bot)
    await pushes.at(local(2026, 11, 30, 8, 30))
    with time_machine.travel(local(2026, 11, 30, 9, 0), tick=False):
        assert "👌 好的" in (await rep.press("完成 1")).callback_answers
        await rep.press("推迟 2")
        await rep.press("明天")
    sent = await pushes.at(local(2026, 12, 1, 9, 0))
    assert any(call.text.startswith("⏰ 提醒\n7 天后") is False and "张科长" in call.text
               for call in sent)  # fmt: skip


async def test_a_timed_follow_up_is_pushed_at_its_time(bot: BotHarness) -> None:
    rep, archive = await rep_with_archive(bot)
    hd = await archive.customer("华东电力设计院", Grade.B)
    friday = date(2026, 12, 4)
    await archive.follow_up(hd, friday, "给王总打电话", at=local(2026, 12, 4, 15, 0))
    pushes = Pushes.of(bot)
    assert "15:00 华东电力设计院 · 给王总打电话" in texts(
        await pushes.at(local(2026, 12, 4, 8, 30))
    )
    assert await pushes.at(local(2026, 12, 4, 14, 59)) == []
    sent = await pushes.at(local(2026, 12, 4, 15, 0))
    assert [call.text for call in sent] == ["⏰ 跟进提醒\n15:00 华东电力设计院 · 给王总打电话"]
    assert {"✅ 完成", "⏰ 推迟", "🔎 查看"} == {b["text"] for b in sent[0].inline_buttons}
    with time_machine.travel(local(2026, 12, 4, 15, 1), tick=False):
        await rep.press("完成")
    assert await pushes.at(local(2026, 12, 4, 16, 0)) == []


async def test_the_greeting_button_records_it_in_the_history(bot: BotHarness) -> None:
    rep, archive = await rep_with_archive(bot)
    hd = await archive.customer("华东电力设计院", Grade.A)
    wang = await archive.contact(hd, "王建国", salutation="王局长", birthday=(11, 30), today=MONDAY)
    await archive.family(wang, "儿子", (11, 30), MONDAY)
    sent = await Pushes.of(bot).at(local(2026, 11, 30, 8, 30))
    greeting = next(c for c in sent if "今天是王局长(华东电力设计院)的生日" in c.text)
    assert "王局长,祝您生日快乐!" in greeting.text
    assert greeting.params["parse_mode"] == "HTML"
    family = next(c for c in sent if "的儿子的生日" in c.text)
    assert "王局长,祝令郎生日快乐!" in family.text
    with time_machine.travel(local(2026, 11, 30, 9, 0), tick=False):
        reply = await rep.press_data(greeting.inline_buttons[0]["callback_data"])
        assert "✅ 已记到「华东电力设计院」的历史里。" in reply.callback_answers
        await rep.press_data(greeting.inline_buttons[0]["callback_data"])
    summaries = await rows(bot, select(Interaction.summary))
    assert summaries == ["发送了生日祝福"]
    customer = await bot.scalar(select(Customer).where(Customer.id == hd.id))
    assert customer.last_contact_at == local(2026, 11, 30, 9, 0).astimezone(UTC)


async def test_a_trip_is_announced_the_evening_before(bot: BotHarness) -> None:
    rep, archive = await rep_with_archive(bot)
    hd = await archive.customer("华东电力设计院", Grade.A)
    zhang = await archive.contact(hd, "张伟", salutation="张局长", today=MONDAY, key_leader=True)
    await archive.trip(zhang, "北京", date(2026, 12, 1), date(2026, 12, 3), "开会")
    pushes = Pushes.of(bot)
    await pushes.at(local(2026, 11, 30, 8, 30))
    assert await pushes.at(local(2026, 11, 30, 17, 59)) == []
    sent = await pushes.at(local(2026, 11, 30, 18, 0))
    assert sent[0].text.startswith("✈️ 张局长明天起在北京(开会,12月1日–3日)")
    assert "往酒店送一束鲜花和果篮" in sent[0].text and "告诉你的经理" in sent[0].text
    with time_machine.travel(local(2026, 11, 30, 18, 5), tick=False):
        reply = await rep.press("加跟进")
    assert "✅ 已加跟进:11月30日" in reply.callback_answers[0]
    texts_ = await rows(bot, select(FollowUp.text))
    assert texts_ == ["张局长去北京(12月1日起):安排拜访或接待"]


async def test_quiet_hours_hold_pushes_but_not_the_digest(bot: BotHarness) -> None:
    rep, archive = await rep_with_archive(bot)
    hd = await archive.customer("华东电力设计院", Grade.A)
    await archive.contact(hd, "王建国", salutation="王局长", birthday=(12, 1), today=MONDAY)
    await archive.follow_up(hd, MONDAY, "晚上发方案", at=local(2026, 11, 30, 22, 0))
    with time_machine.travel(local(2026, 11, 30, 12, 0), tick=False):
        await rep.send("/settings")
        await rep.press("简报时间")
        await rep.press("07:00")
    pushes = Pushes.of(bot)
    await pushes.at(local(2026, 11, 30, 12, 1))
    assert await pushes.at(local(2026, 11, 30, 22, 0)) == []
    sent = await pushes.at(local(2026, 12, 1, 7, 0))
    assert len(sent) == 1 and sent[0].text.startswith("早上好!今天是12月1日 周二")
    sent = await pushes.at(local(2026, 12, 1, 8, 0))
    assert {c.text.split("\n")[0] for c in sent} == {
        "⏰ 跟进提醒",
        "🎂 今天是王局长(华东电力设计院)的生日",
    }


async def test_a_member_who_blocked_the_bot_stops_and_the_manager_sees_it(
    bot: BotHarness,
) -> None:
    li = bot.user("李经理")
    code = (await li.send("/newteam 华东销售一部")).text.split("/join ")[1].split()[0]
    rep, archive = await rep_with_archive(bot)
    await rep.send(f"/join {code}")
    hd = await archive.customer("华东电力设计院", Grade.A)
    await archive.follow_up(hd, MONDAY, "跟进报价")
    await archive.follow_up(hd, MONDAY, "打电话", at=local(2026, 11, 30, 15, 0))
    bot.api.fault_hook = lambda method, params: (
        (403, {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"})
        if method == "sendMessage" and int(params["chat_id"]) == rep.chat_id
        else None
    )  # fmt: skip
    pushes = Pushes.of(bot)
    assert await pushes.at(local(2026, 11, 30, 8, 30)) == []
    member = await bot.scalar(select(Member).where(Member.telegram_user_id == rep.user.id))
    assert member.active is False
    statuses = await rows(bot, select(ReminderOutbox.status))
    assert sorted(statuses) == [OutboxStatus.CANCELLED, OutboxStatus.FAILED]
    await archive.customer("苏州建工", Grade.A)  # a change while blocked plans nothing
    # Next morning only the manager hears: nothing of their own, but the failed push.
    sent = await pushes.at(local(2026, 12, 1, 8, 30))
    assert [call.chat_id for call in sent] == [li.chat_id]
    assert "⚠️ 未送达的提醒 (1)" in sent[0].text
    assert "· 王磊:每日简报 未送达(Forbidden: bot was blocked by the user)" in sent[0].text
    bot.api.fault_hook = None
    await rep.send("/today")  # writing again means the bot was unblocked
    member = await bot.scalar(select(Member).where(Member.telegram_user_id == rep.user.id))
    assert member.active is True


async def test_retry_after_is_waited_out_and_sent_once(bot: BotHarness) -> None:
    _rep, archive = await rep_with_archive(bot)
    hd = await archive.customer("华东电力设计院", Grade.A)
    await archive.follow_up(hd, MONDAY, "跟进报价")
    answers = iter([(429, {"ok": False, "error_code": 429, "description": "Too Many Requests",
                           "parameters": {"retry_after": 1}})])  # fmt: skip
    bot.api.fault_hook = lambda method, params: (
        next(answers, None) if method == "sendMessage" else None
    )
    sent = await Pushes.of(bot).at(local(2026, 11, 30, 8, 30))
    assert len(sent) == 1
    row = await bot.scalar(select(ReminderOutbox))
    assert row.status == OutboxStatus.SENT and row.attempts == 1 and row.message_id


async def test_server_errors_are_retried_then_fail_with_the_error(bot: BotHarness) -> None:
    _rep, archive = await rep_with_archive(bot)
    hd = await archive.customer("华东电力设计院", Grade.A)
    await archive.follow_up(hd, MONDAY, "跟进报价")
    bot.api.fault_hook = lambda method, params: (
        (502, {"ok": False, "error_code": 502, "description": "Bad Gateway"})
        if method == "sendMessage" else None
    )  # fmt: skip
    pushes = Pushes.of(bot)
    moment = local(2026, 11, 30, 8, 30)
    for minutes in (0, 1, 2, 4, 8, 16, 32):
        await pushes.at(moment + timedelta(minutes=minutes))
    row = await bot.scalar(select(ReminderOutbox))
    assert row.status == OutboxStatus.FAILED and row.attempts == 6
    assert "Bad Gateway" in (row.last_error or "")
    bot.api.fault_hook = None
    assert await pushes.at(moment + timedelta(hours=2)) == []


async def test_a_stop_and_start_mid_day_loses_and_doubles_nothing(bot: BotHarness) -> None:
    _rep, archive = await rep_with_archive(bot)
    hd = await archive.customer("华东电力设计院", Grade.A)
    await archive.contact(hd, "王建国", salutation="王局长", birthday=(11, 30), today=MONDAY)
    await archive.follow_up(hd, MONDAY, "打电话", at=local(2026, 11, 30, 15, 0))
    pushes = Pushes.of(bot)
    with time_machine.travel(local(2026, 11, 30, 8, 30), tick=False):
        await pushes.planner.run()
        await pushes.dispatcher.dispatch_once()  # the digest; the greeting waits a second
        await pushes.dispatcher.close()  # a normal stop gives back what it claimed
    await bot.restart()
    pushes = pushes.restarted()
    # Down over lunch; started again at 14:00: the greeting still matters, the digest is sent.
    sent = await pushes.at(local(2026, 11, 30, 14, 0))
    assert [c.text.split("\n")[0] for c in sent] == ["🎂 今天是王局长(华东电力设计院)的生日"]
    sent = await pushes.at(local(2026, 11, 30, 15, 0))
    assert [c.text.split("\n")[0] for c in sent] == ["⏰ 跟进提醒"]
    statuses = await rows(bot, select(ReminderOutbox.status))
    assert statuses == [OutboxStatus.SENT] * 3
    assert len([c for c in bot.api.calls if c.method == "sendMessage" and "早上好" in c.text]) == 1


async def test_a_push_due_while_down_is_sent_on_start_if_it_still_matters(
    bot: BotHarness,
) -> None:
    _rep, archive = await rep_with_archive(bot)
    hd = await archive.customer("华东电力设计院", Grade.A)
    await archive.contact(hd, "王建国", salutation="王局长", birthday=(12, 1), today=MONDAY)
    await archive.follow_up(hd, MONDAY, "跟进报价")
    pushes = Pushes.of(bot)
    with time_machine.travel(local(2026, 11, 30, 8, 29), tick=False):
        await pushes.planner.run()  # planned, then the bot went down before sending
    await bot.restart()
    sent = await pushes.restarted().at(local(2026, 12, 1, 10, 0))
    first_lines = [c.text.split("\n")[0] for c in sent]
    assert first_lines == ["早上好!今天是12月1日 周二", "🎂 今天是王局长(华东电力设计院)的生日"]
    expired = await bot.scalar(select(func.count()).where(ReminderOutbox.last_error == "expired"))
    assert expired == 1  # yesterday's digest: today's took it in


async def test_a_call_resets_the_cold_clock(bot: BotHarness) -> None:
    _rep, archive = await rep_with_archive(bot)
    old = datetime(2026, 11, 20, tzinfo=UTC)
    hd = await archive.customer("华东电力设计院", Grade.A, last_contact_at=old, assigned_at=old)
    pushes = Pushes.of(bot)
    assert "A类 华东电力设计院 已 10 天未联系" in texts(await pushes.at(local(2026, 11, 30, 8, 30)))
    await archive.visit(hd, local(2026, 11, 30, 11, 0).astimezone(UTC))
    # The digest now only asks for the visit's 会谈纪要 (#15, tests/flows/test_visit_cycle.py).
    sent = await pushes.at(local(2026, 12, 1, 8, 30))
    assert [c.text.split("\n\n")[1].split("\n")[0] for c in sent] == ["📝 待写纪要 (1)"]


async def test_settings_show_and_change_the_digest_time_and_quiet_hours(bot: BotHarness) -> None:
    rep, _archive = await rep_with_archive(bot)
    reply = await rep.send("/settings")
    assert "每日简报时间:08:30" in reply.text and "免打扰:21:00–08:00" in reply.text
    await rep.press("免打扰")
    reply = await rep.press("22:00–07:00")
    assert "免打扰:22:00–07:00" in reply.text
    await rep.press("免打扰")
    assert "免打扰:关闭" in (await rep.press("关闭免打扰")).text
    await rep.press("简报时间")
    assert "每日简报时间:07:30" in (await rep.press("07:30")).text
    member = await bot.scalar(select(Member).where(Member.telegram_user_id == rep.user.id))
    assert member.digest_time == time(7, 30) and member.quiet_start == member.quiet_end
    assert "🌐" in (await rep.send("/settings")).buttons[0]


async def test_a_digest_time_not_on_the_buttons_is_typed(bot: BotHarness) -> None:
    """Tryout report, item 16: 12:18 typed after ⏰ 简报时间 became a note; now ⌨️ 其他时间 asks."""
    rep, _archive = await rep_with_archive(bot)
    await rep.send("/settings")
    await rep.press("简报时间")
    asked = await rep.press("其他时间")
    assert "请输入新的简报时间,例如:07:45" in asked.text
    refused = await rep.send("中午吧")
    assert "简报时间请写成 时:分" in refused.text
    saved = await rep.send("12点18")
    assert "✅ 每日简报改到 12:18" in saved.text and "每日简报时间:12:18" in saved.text
    member = await bot.scalar(select(Member).where(Member.telegram_user_id == rep.user.id))
    assert member.digest_time == time(12, 18)
    note = await rep.send("12:30")  # the wait is over: a time alone is no longer the answer
    assert "每日简报改到" not in note.text
