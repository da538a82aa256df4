"""/export read back (xlsx and csv), team settings, and /audit."""

import csv
import io
from datetime import datetime

import openpyxl
import time_machine
from sqlalchemy import select

from storage.models import AuditLog, Member, Team
from tests.builders import NOW, known_week
from tests.conftest import BotHarness


async def test_a_manager_exports_the_team_to_excel_and_reads_it_back(bot: BotHarness) -> None:
    team = await known_week(bot)
    with time_machine.travel(NOW, tick=False):
        await team.manager.send("/export")
        reply = await team.manager.press("Excel")
    [document] = reply.documents
    assert document.filename.endswith(".xlsx") and "华东销售一部" in document.filename
    book = openpyxl.load_workbook(io.BytesIO(document.content))
    assert book.sheetnames == [
        "客户", "联系人", "拜访记录", "跟进", "行程", "商机", "回款", "拜访计划", "会谈纪要"
    ]  # fmt: skip
    customers = list(book["客户"].iter_rows(values_only=True))
    assert customers[0][:4] == ("客户名称", "等级", "状态", "负责人")
    assert {row[0] for row in customers[1:]} == {"华东电力设计院", "苏州建工"}
    created = next(row for row in customers if row[0] == "华东电力设计院")[-1]
    assert created == datetime(2026, 12, 1, 10, 0)  # a real date, in the exporter's zone
    contacts = list(book["联系人"].iter_rows(values_only=True))
    assert contacts[1][:3] == ("华东电力设计院", "王建国", "局长")
    visits = list(book["拜访记录"].iter_rows(values_only=True))
    assert ("华东电力设计院", "拜访", datetime(2026, 12, 2, 10, 0), "王磊", "谈报价") in [
        row[:5] for row in visits
    ]
    follow_ups = list(book["跟进"].iter_rows(values_only=True))
    assert len(follow_ups) == 4
    audit = await bot.scalar(select(AuditLog).where(AuditLog.action == "export"))
    assert audit.subject_type == "team" and audit.detail.startswith("xlsx rows=")


async def test_a_rep_exports_only_their_own_as_csv(bot: BotHarness) -> None:
    team = await known_week(bot)
    await team.zhang.send("/export")
    reply = await team.zhang.press("CSV:客户")
    [document] = reply.documents
    text = document.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "客户名称" and [row[0] for row in rows[1:]] == ["苏州建工"]
    assert rows[1][-1] == "2026-10-01 10:00"
    zhang = await bot.scalar(select(Member).where(Member.name == "张伟"))
    audit = await bot.scalar(select(AuditLog).where(AuditLog.action == "export"))
    assert (audit.subject_type, audit.subject_id) == ("member", zhang.id)


async def test_team_settings_change_cadence_digest_time_and_festivals(bot: BotHarness) -> None:
    team = await known_week(bot)
    assert "只有团队经理" in (await team.wang.send("/teamsettings")).text
    home = await team.manager.send("/teamsettings")
    assert "拜访周期:A类 7 天 · B类 14 天 · C类 30 天" in home.text
    await team.manager.press("A类周期")
    reply = await team.manager.press("10")
    assert "A类 10 天" in reply.text
    await team.manager.press("简报时间")
    moved = await team.manager.press("09:00")
    assert moved.callback_answers == ["✅ 已保存,3 位成员一并调整。"]
    await team.manager.press("关闭节日提醒")
    await team.manager.press("免打扰")
    await team.manager.press("22:00–07:00")
    stored = await bot.scalar(select(Team).where(Team.name == "华东销售一部"))
    assert stored.cadence_a_days == 10 and not stored.festival_reminders
    assert f"{stored.default_digest_time:%H:%M}" == "09:00"
    assert f"{stored.quiet_start:%H:%M}–{stored.quiet_end:%H:%M}" == "22:00–07:00"
    wang = await bot.scalar(select(Member).where(Member.name == "王磊"))
    assert f"{wang.digest_time:%H:%M}" == "09:00"
    forged = await team.wang.press_data("ts:fest")
    assert forged.callback_answers == ["只有团队经理可以修改团队设置。"]


async def test_audit_lists_views_exports_and_assignments_by_member(bot: BotHarness) -> None:
    team = await known_week(bot)
    await team.manager.send("/customer 华东电力设计院")
    await team.wang.send("/export")
    await team.wang.press("CSV:客户")
    await team.manager.send("/assign 苏州建工 王磊")
    log = await team.manager.send("/audit")
    assert log.text.startswith("🕵️ 审计日志")
    assert "李经理 查看了客户「华东电力设计院」" in log.text
    assert "王磊 导出了档案" in log.text
    assert "李经理 分配了客户「苏州建工」(张伟 → 王磊)" in log.text
    only = await team.manager.press("王磊")
    assert "王磊 导出了档案" in only.text and "李经理" not in only.text.split("\n", 1)[1]
    assert "只有经理" in (await team.wang.send("/audit")).text


async def test_a_cadence_no_button_offers_is_typed_in_days(bot: BotHarness) -> None:
    """⌨️ 其他天数 (tryout6, item 3): 45 or 四十五 days; anything else is said why and changes
    nothing; 取消 leaves."""
    team = await known_week(bot)
    await team.manager.send("/teamsettings")
    await team.manager.press("B类周期")
    asked = await team.manager.press("其他天数")
    assert asked.text == (
        "B类客户多少天至少联系一次?请输入 1–365 之间的天数,例如 45 或 四十五(发 取消 不改)。"
    )
    for typed in ("0", "400", "下个月", "无", "13812345678"):
        refused = await team.manager.send(typed)
        assert refused.text == "拜访周期请写 1–365 之间的天数,例如 45 或 四十五(发 取消 不改)。"
    ours = Team.name == "华东销售一部"
    assert await bot.scalar(select(Team.cadence_b_days).where(ours)) == 14
    saved = await team.manager.send("四十五天")
    assert saved.text.startswith("✅ 已保存:B类客户每 45 天至少联系一次。\n⚙️ 团队设置")
    assert "B类 45 天" in saved.text
    assert await bot.scalar(select(Team.cadence_b_days).where(ours)) == 45

    await team.manager.press("C类周期")
    await team.manager.press("其他天数")
    gave_up = await team.manager.send("取消")
    assert gave_up.text == "已放弃修改,拜访周期没有变。"
    assert await bot.scalar(select(Team.cadence_c_days).where(ours)) == 30
    assert "B类 45 天" in (await team.manager.send("/teamsettings")).text

    forged = await team.wang.press_data("ts:g:A:typed")
    assert forged.callback_answers == ["只有团队经理可以修改团队设置。"]
