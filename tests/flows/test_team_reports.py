"""Managers in chat: the /team summary for each period, drill-down, charts, the group chat,
and what a rep (of this team or another) can reach."""

from datetime import datetime

import time_machine
from sqlalchemy import select

from bot.local_api import LocalClient, LocalUser
from handlers.team import callbacks
from handlers.team.charts import covered_codepoints
from storage import push_buttons
from storage.models import AuditLog, Customer, Member, Team
from tests.builders import NOW, SHANGHAI, expect, known_week, numbers
from tests.conftest import BotHarness


async def test_week_summary_numbers_match_the_data(bot: BotHarness) -> None:
    team = await known_week(bot)
    with time_machine.travel(NOW, tick=False):
        reply = await team.manager.send("/team")
    text = reply.text
    assert text.startswith("📊 团队「华东销售一部」· 本周(11月30日–12月2日)")
    assert numbers(text, "王磊") == expect(1, 2, 1, 1, 1, 1, 1, 0, 1)
    assert numbers(text, "张伟") == expect(0, 0, 0, 0, 0, 0, 0, 1, 0)
    assert numbers(text, "李经理") == expect(0, 0, 0, 0, 0, 0, 0, 0, 0)
    assert numbers(text, "合计") == expect(1, 2, 1, 1, 1, 1, 1, 1, 1)
    assert "⚠️ 需要关注:张伟(本期没有联系客户、A类超期 1)、王磊(逾期跟进 1)" in text
    for label in ("• 本周", "今日", "本月", "上周", "🔎 王磊", "📈 图表", "📤 导出"):
        assert any(label in b for b in reply.buttons), label


async def test_each_period_counts_its_own_days(bot: BotHarness) -> None:
    team = await known_week(bot)
    with time_machine.travel(NOW, tick=False):
        await team.manager.send("/team")
        today = await team.manager.press("今日")
        assert "· 今日(12月2日(周三))" in today.text
        assert numbers(today.text, "王磊") == expect(1, 0, 0, 0, 0, 1, 1, 0, 0)
        month = await team.manager.press("本月")
        assert "· 本月(12月1日–2日)" in month.text
        assert numbers(month.text, "王磊") == expect(1, 1, 1, 1, 1, 1, 1, 0, 1)
        last = await team.manager.press("上周")
        assert "· 上周(11月23日–29日)" in last.text
        # the meal counts as a visit; overdue follow-ups and A-grade customers are as of now
        assert numbers(last.text, "王磊") == expect(1, 0, 1, 0, 0, 0, 1, 0, 0)
        assert numbers(last.text, "张伟") == expect(0, 0, 0, 0, 0, 0, 0, 1, 0)


async def test_drill_down_shows_a_reps_work_and_is_audited(bot: BotHarness) -> None:
    team = await known_week(bot)
    with time_machine.travel(NOW, tick=False):
        await team.manager.send("/team")
        reply = await team.manager.press("🔎 王磊")
        assert "👤 王磊 · 最近记录" in reply.text
        assert "拜访 华东电力设计院:谈报价" in reply.text
        assert (
            "⏰ 逾期跟进 (1)" in reply.text
            and "11月28日(周六) 华东电力设计院 · 寄样品" in reply.text
        )
        card = await team.manager.press("🏢 华东电力设计院")
    assert "👀 只读:这是 王磊 的客户。" in card.text
    assert "🙋 接手" in card.buttons and "🗑 删除" not in card.buttons
    actions = await bot.scalars(select(AuditLog.action).order_by(AuditLog.id))
    assert "member.view" in actions and "customer.view" in actions


async def test_a_rep_gets_the_member_list_and_no_numbers(bot: BotHarness) -> None:
    team = await known_week(bot)
    reply = await team.wang.send("/team")
    assert "👥 团队「华东销售一部」 · 3 人" in reply.text
    assert "拜访" not in reply.text and reply.buttons == []
    forged = await team.wang.press_data(callbacks.summary("week"))
    assert forged.callback_answers == ["只有经理可以查看团队汇总。"]
    boss = await bot.scalar(select(Member).where(Member.name == "李经理"))
    spy = await team.wang.press_data(callbacks.summary_rep(boss.id, "week"))
    assert spy.callback_answers == ["只有经理可以查看团队汇总。"]


async def test_the_chart_is_two_photos_in_a_font_with_every_glyph(bot: BotHarness) -> None:
    team = await known_week(bot)
    with time_machine.travel(NOW, tick=False):
        await team.manager.send("/team")
        reply = await team.manager.press("📈 图表")
    photos = [c for c in reply.calls if c.method == "sendPhoto"]
    assert len(photos) == 2
    # the bars count times (拜访 · 电话 · 微信 stacked), and say so: not 联系客户数
    assert photos[0].params["caption"] == "各人联系客户次数"
    assert all(doc.content.startswith(b"\x89PNG") for doc in reply.documents)
    from handlers.team.reports import draw_charts

    manager = await bot.scalar(select(Member).where(Member.name == "李经理"))
    async with bot.session() as session:
        pair = await draw_charts(session, manager, "week", NOW)
    drawn = "".join(pair.texts)
    assert "王磊" in drawn and "拜访" in drawn and "近 8 周团队联系客户趋势" in drawn
    missing = {ch for ch in drawn if ord(ch) not in covered_codepoints() and not ch.isspace()}
    assert not missing


async def test_a_manager_binds_the_group_where_only_managers_are_answered(bot: BotHarness) -> None:
    team = await known_week(bot)
    group = {"id": -100123, "type": "supergroup", "title": "华东一部"}
    boss = LocalClient(bot.application, bot.api, team.manager.user, chat=group)
    rep = LocalClient(bot.application, bot.api, team.wang.user, chat=group)
    stranger = LocalClient(bot.application, bot.api, LocalUser(9999, "路人"), chat=group)

    assert (await rep.send("/bindgroup")).calls == []
    assert (await stranger.send("/start")).calls == []
    assert (await rep.send("今天拜访了华东电力设计院")).calls == []
    reply = await boss.send("/bindgroup@salesbot_local_bot")
    assert "✅ 这个群已绑定到团队「华东销售一部」" in reply.text
    stored = await bot.scalar(select(Team).where(Team.name == "华东销售一部"))
    assert stored.group_chat_id == -100123
    assert await bot.scalar(select(Member).where(Member.telegram_user_id == 9999)) is None

    with time_machine.travel(NOW, tick=False):
        summary = await boss.send("/team")
    assert "📊 团队「华东销售一部」" in summary.text and summary.buttons == []
    assert "13812345678" not in summary.text and "138 1234 5678" not in summary.text
    private = await boss.send("/customer 华东电力设计院")
    assert "请在私聊中使用" in private.text and "1234 5678" not in private.text
    assert "已解除绑定" in (await boss.send("/unbindgroup")).text


async def test_a_rep_of_another_team_reaches_nothing(bot: BotHarness) -> None:
    team = await known_week(bot)
    other = bot.user("赵经理")
    await other.send("/newteam 华南一部")
    hd = await bot.scalar(select(Customer.id).where(Customer.name == "华东电力设计院"))
    wang = await bot.scalar(select(Member.id).where(Member.name == "王磊"))
    for data in (
        callbacks.summary_rep(wang, "week"),
        callbacks.assign(hd),
        callbacks.take_over(hd),
        push_buttons.view_customer(hd),
        callbacks.handover(wang),
    ):
        reply = await other.press_data(data)
        assert reply.callback_answers and "华东电力设计院" not in reply.text, data
        assert "王磊" not in reply.text, data
    summary = await other.send("/team")
    assert "王磊" not in summary.text and "华东" not in summary.text
    audit = await other.send("/audit")
    assert "王磊" not in audit.text and "李经理" not in audit.text
    customer = await bot.scalar(select(Customer).where(Customer.id == hd))
    assert customer.owner_id == wang
    assert team.code


async def test_a_reps_own_reminder_is_not_the_managers_to_see(bot: BotHarness) -> None:
    """Tryout 11: a reminder saved without a customer (提醒我5点给供应商打电话) is the rep's
    alone — the drill-down neither lists nor counts it, nor does the summary."""
    team = await known_week(bot)
    with time_machine.travel(datetime(2026, 12, 1, 10, 0, tzinfo=SHANGHAI), tick=False):
        await team.wang.send("提醒我5点给供应商打电话")
        saved = await team.wang.press("保存")
        assert "✅ 已存为你的提醒" in saved.text
    with time_machine.travel(NOW, tick=False):
        summary = await team.manager.send("/team")
        assert numbers(summary.text, "王磊")["逾期"] == 1
        assert "王磊(逾期跟进 1)" in summary.text
        reply = await team.manager.press("🔎 王磊")
    assert "⏰ 逾期跟进 (1)" in reply.text
    assert "供应商" not in reply.text


async def test_a_member_who_joined_after_the_period_is_not_flagged_for_it(
    bot: BotHarness,
) -> None:
    """Tryout 11: 张伟 joined on Monday; 上周 was before him, so 本期没有联系客户 is no fault."""
    team = await known_week(bot)
    newcomer = bot.user("赵敏")
    with time_machine.travel(datetime(2026, 11, 30, 9, 0, tzinfo=SHANGHAI), tick=False):
        await newcomer.send(f"/join {team.code}")
    with time_machine.travel(NOW, tick=False):
        week = await team.manager.send("/team")
        assert "赵敏(本期没有联系客户)" in week.text  # this week was his to work
        last = await team.manager.press("上周")
    assert "赵敏(本期没有联系客户" not in last.text
    assert "👤 赵敏(本期之后加入):拜访 0" in last.text
    assert "张伟(本期没有联系客户" in last.text  # the others are judged as before
