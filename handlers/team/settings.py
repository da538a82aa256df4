"""/teamsettings for managers: cadence per grade, default digest time and timezone, festival
reminders, default quiet hours, the days a deal may sit in one stage. All by button (ts:…); every press re-checks the role.

A new default digest time or timezone also moves the members still on the old default (they
never chose their own); the planner picks the change up at once.
"""

from __future__ import annotations

from datetime import UTC, datetime, time

from sqlalchemy import update
from telegram.ext import CallbackQueryHandler, CommandHandler

from handlers.kit import commands
from handlers.kit.keyboards import inline, is_number
from handlers.kit.turn import Turn, member_turn
from storage.audit import record
from storage.models import Member, Team

CADENCES = {"A": (3, 5, 7, 10, 14), "B": (7, 10, 14, 21, 30), "C": (14, 21, 30, 60, 90)}
DIGEST_TIMES = ("07:30", "08:00", "08:30", "09:00", "09:30")
TIMEZONES = ("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore", "Asia/Urumqi")
STAGE_DAYS = (14, 21, 30, 45, 60)
QUIET = {"2108": (time(21), time(8)), "2207": (time(22), time(7)), "2208": (time(22), time(8))}
Rows = list[list[tuple[str, str]]]


def _hhmm(value: time | None) -> str:
    return value.strftime("%H:%M") if value else "—"


def _text(turn: Turn, team: Team) -> str:
    _ = turn._
    if team.quiet_start is not None and team.quiet_end is not None:
        quiet = f"{_hhmm(team.quiet_start)}–{_hhmm(team.quiet_end)}"
    else:
        quiet = _("默认(21:00–08:00)")
    return "\n".join(
        [
            _("⚙️ 团队设置「{team}」", team=team.name),
            _(
                "拜访周期:A类 {a} 天 · B类 {b} 天 · C类 {c} 天",
                a=team.cadence_a_days,
                b=team.cadence_b_days,
                c=team.cadence_c_days,
            ),
            _("默认简报时间:{time}", time=_hhmm(team.default_digest_time)),
            _("默认时区:{zone}", zone=team.default_timezone),
            _("节日提醒:{state}", state=_("开") if team.festival_reminders else _("关")),
            _("默认免打扰:{quiet}", quiet=quiet),
            _("商机停滞提醒:同一阶段 {n} 天没有进展", n=team.deal_stage_days),
        ]
    )


def _home_rows(turn: Turn, team: Team) -> Rows:
    _ = turn._
    return [
        [(_("A类周期"), "ts:g:A"), (_("B类周期"), "ts:g:B"), (_("C类周期"), "ts:g:C")],
        [(_("⏰ 简报时间"), "ts:dt"), (_("🌏 时区"), "ts:tz")],
        [
            (_("🎉 关闭节日提醒") if team.festival_reminders else _("🎉 打开节日提醒"), "ts:fest"),
            (_("🌙 免打扰"), "ts:q"),
        ],
        # 💼 商机阶段与币种: handlers/deals/settings.py
        [(_("💼 商机停滞天数"), "ts:sd"), (_("💼 商机阶段与币种"), "dst:home")],
        [(_("📅 工作日历与拜访计划"), "wd:home")],  # handlers/visits/workdays.py
    ]


async def _home(turn: Turn, *, edit: bool) -> None:
    team = await turn.team()
    text, markup = _text(turn, team), inline(_home_rows(turn, team))
    if edit:
        turn.edit(text, markup)
    else:
        turn.say(text, markup)


@member_turn
async def team_settings_command(turn: Turn) -> None:
    if not turn.member.is_manager or (await turn.team()).personal:
        turn.say(turn._("只有团队经理可以修改团队设置。"))
        return
    await _home(turn, edit=False)


async def _move_defaults(turn: Turn, team: Team, **changes: object) -> int:
    """Members still on the team's old default follow the new one; how many moved."""
    moved = 0
    now = datetime.now(UTC)
    for field, value in changes.items():
        old = getattr(team, field)
        column = {"default_digest_time": Member.digest_time, "default_timezone": Member.timezone}[
            field
        ]
        values = {column.key: value, "plan_due_at": now}
        result = await turn.session.execute(
            update(Member)
            .where(Member.team_id == team.id, Member.active.is_(True), column == old)
            .values(values)
            .execution_options(synchronize_session="fetch")
        )
        moved += int(getattr(result, "rowcount", 0) or 0)
        setattr(team, field, value)
    return moved


@member_turn
async def team_settings_button(turn: Turn) -> None:
    _ = turn._
    query = turn.update.callback_query
    assert query is not None
    parts = (query.data or "").split(":")
    team = await turn.team()
    if not turn.member.is_manager or team.personal:
        turn.answer(_("只有团队经理可以修改团队设置。"), alert=True)
        return
    action, value = ([*parts, "", ""])[1:3]
    moved: int | None = None
    if action == "home":
        await _home(turn, edit=bool(turn.update.callback_query))
        return
    if action == "g" and value in CADENCES and len(parts) == 3:
        rows = [[(f"{d}", f"ts:g:{value}:{d}") for d in CADENCES[value]]]
        rows.append([(_("⬅️ 返回"), "ts:home")])
        turn.edit(_("{grade}类客户多少天至少联系一次?", grade=value), inline(rows))
        return
    if action == "g" and value in CADENCES and len(parts) == 4 and is_number(parts[3]):
        days = int(parts[3])
        if days not in CADENCES[value]:
            turn.answer(_("这个按钮已失效。"), alert=True)
            return
        setattr(team, f"cadence_{value.lower()}_days", days)
    elif action == "dt" and not value:
        rows = [[(t, f"ts:dt:{t.replace(':', '')}") for t in DIGEST_TIMES]]
        rows.append([(_("⬅️ 返回"), "ts:home")])
        turn.edit(_("新成员的每日简报时间:"), inline(rows))
        return
    elif action == "dt" and value in {t.replace(":", "") for t in DIGEST_TIMES}:
        moved = await _move_defaults(
            turn, team, default_digest_time=time(int(value[:2]), int(value[2:]))
        )
    elif action == "tz" and not value:
        rows = [[(zone, f"ts:tz:{i}")] for i, zone in enumerate(TIMEZONES)]
        rows.append([(_("⬅️ 返回"), "ts:home")])
        turn.edit(_("团队的默认时区:"), inline(rows))
        return
    elif action == "tz" and is_number(value) and int(value) < len(TIMEZONES):
        moved = await _move_defaults(turn, team, default_timezone=TIMEZONES[int(value)])
    elif action == "sd" and not value:
        rows = [[(f"{d}", f"ts:sd:{d}") for d in STAGE_DAYS]]
        rows.append([(_("⬅️ 返回"), "ts:home")])
        turn.edit(_("商机在同一阶段多少天没有进展,就在负责人的简报里提醒?"), inline(rows))
        return
    elif action == "sd" and is_number(value) and int(value) in STAGE_DAYS:
        team.deal_stage_days = int(value)
    elif action == "fest":
        team.festival_reminders = not team.festival_reminders
    elif action == "q" and not value:
        rows = [[(f"{a:%H:%M}–{b:%H:%M}", f"ts:q:{key}") for key, (a, b) in QUIET.items()]]
        rows.append([(_("不设免打扰"), "ts:q:off"), (_("⬅️ 返回"), "ts:home")])
        turn.edit(_("成员没有自己设置时使用的免打扰时段:"), inline(rows))
        return
    elif action == "q" and (value in QUIET or value == "off"):
        start, end = QUIET.get(value, (time(0), time(0)))
        team.quiet_start, team.quiet_end = start, end
    else:
        turn.answer(_("这个按钮已失效。"), alert=True)
        return
    record(turn.session, turn.actor, "team.settings", "team", team.id, ":".join(parts[1:]))
    if moved:
        turn.answer(_("✅ 已保存,{n} 位成员一并调整。", n=moved))
    else:
        turn.answer(_("✅ 已保存"))
    await _home(turn, edit=True)


def team_settings_handlers() -> list[object]:
    return [
        CommandHandler(commands.TEAMSETTINGS.name, team_settings_command),
        CallbackQueryHandler(team_settings_button, pattern=r"^ts:"),
    ]
