"""/teamsettings for managers: cadence per grade, default digest time and timezone, festival
reminders, default quiet hours, the days a deal may sit in one stage. All by button (ts:…,
built and read by callbacks.py); every press re-checks the role. A cadence may also be typed
(⌨️ 其他天数, a ValueEdit: 1–365 days, 45 or 四十五).

A new default digest time or timezone also moves the members still on the old default (they
never chose their own); the planner picks the change up at once.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, time

from sqlalchemy import update
from telegram.ext import CallbackQueryHandler, CommandHandler

from handlers.deals import callbacks as deal_callbacks
from handlers.kit import commands, pending
from handlers.kit.callback_data import callback_id
from handlers.kit.keyboards import inline
from handlers.kit.routes import exactly, follow, pressed, stale
from handlers.kit.turn import Turn, member_turn
from handlers.team import callbacks
from handlers.visits import callbacks as visit_callbacks
from locales import N_
from locales.words import zone_name
from parsing.values import read_days
from storage.audit import record
from storage.models import Member, Team

CADENCE_MAX = 365  # a year: more is no visit cadence
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
            _("默认时区:{zone}", zone=zone_name(_, team.default_timezone)),
            _("节日提醒:{state}", state=_("开") if team.festival_reminders else _("关")),
            _("默认免打扰:{quiet}", quiet=quiet),
            _.plural(
                "商机停滞提醒:同一阶段 {n} 天没有进展",
                "商机停滞提醒:同一阶段 {n} 天没有进展",
                team.deal_stage_days,
            ),
        ]
    )


def _home_rows(turn: Turn, team: Team) -> Rows:
    _ = turn._
    festivals = _("🎉 关闭节日提醒") if team.festival_reminders else _("🎉 打开节日提醒")
    return [
        [
            (_("A类周期"), callbacks.cadence_menu("A")),
            (_("B类周期"), callbacks.cadence_menu("B")),
            (_("C类周期"), callbacks.cadence_menu("C")),
        ],
        [(_("⏰ 简报时间"), callbacks.DIGEST_TIMES), (_("🌏 时区"), callbacks.TIMEZONES)],
        [(festivals, callbacks.FESTIVALS), (_("🌙 免打扰"), callbacks.QUIET_HOURS)],
        # 💼 商机阶段与币种: handlers/deals/settings.py
        [
            (_("💼 商机停滞天数"), callbacks.STAGE_DAYS),
            (_("💼 商机阶段与币种"), deal_callbacks.SETTINGS_HOME),
        ],
        # handlers/visits/workdays.py
        [(_("📅 工作日历与拜访计划"), visit_callbacks.WORKDAYS_HOME)],
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


async def _saved(turn: Turn, team: Team, moved: int = 0) -> None:
    """A setting changed: audited (with the button's fields), confirmed, the settings shown."""
    _ = turn._
    detail = pressed(turn).removeprefix("ts:")  # the audit keeps the fields: g:A:7 …
    record(turn.session, turn.actor, "team.settings", "team", team.id, detail)
    if moved:
        turn.answer(
            _.plural("✅ 已保存,{n} 位成员一并调整。", "✅ 已保存,{n} 位成员一并调整。", moved)
        )
    else:
        turn.answer(_("✅ 已保存"))
    await _home(turn, edit=True)


def _ask(turn: Turn, question: str, rows: Rows) -> None:
    turn.edit(question, inline([*rows, [(turn._("⬅️ 返回"), callbacks.SETTINGS_HOME)]]))


async def _home_button(turn: Turn, found: re.Match[str]) -> None:
    await _home(turn, edit=True)


async def _cadence_menu(turn: Turn, found: re.Match[str]) -> None:
    grade = found.group(1)
    if grade not in CADENCES:
        stale(turn)
        return
    rows = [
        [(f"{d}", callbacks.cadence(grade, d)) for d in CADENCES[grade]],
        [(turn._("⌨️ 其他天数"), callbacks.cadence_typed(grade))],
    ]
    _ask(turn, turn._("{grade}类客户多少天至少联系一次?", grade=grade), rows)


async def _cadence_typed(turn: Turn, found: re.Match[str]) -> None:
    grade = found.group(1)
    if grade not in CADENCES:
        stale(turn)
        return
    pending.wait(turn, CADENCE_TYPED, {"grade": grade})
    turn.edit(
        turn._(
            "{grade}类客户多少天至少联系一次?请输入 1–365 之间的天数,例如 45 或 四十五(发 取消 不改)。",
            grade=grade,
        )
    )


async def apply_cadence(turn: Turn, text: str) -> None:
    """A cadence typed after ⌨️ 其他天数: 1–365 days, else said why and still waiting."""
    _ = turn._
    state = pending.state(turn, CADENCE_TYPED)
    if state is None:
        return
    team = await turn.team()
    grade = str(state.get("grade"))
    if not turn.member.is_manager or team.personal or grade not in CADENCES:
        pending.finish(turn, CADENCE_TYPED)
        turn.say(_("只有团队经理可以修改团队设置。"))
        return
    days = read_days(text)
    if days is None or not 1 <= days <= CADENCE_MAX:
        turn.say(_("拜访周期请写 1–365 之间的天数,例如 45 或 四十五(发 取消 不改)。"))
        return
    pending.finish(turn, CADENCE_TYPED)
    setattr(team, f"cadence_{grade.lower()}_days", days)
    record(turn.session, turn.actor, "team.settings", "team", team.id, f"g:{grade}:{days}")
    turn.say(
        _.plural(
            "✅ 已保存:{grade}类客户每 {n} 天至少联系一次。",
            "✅ 已保存:{grade}类客户每 {n} 天至少联系一次。",
            days,
            grade=grade,
        )
    )
    await _home(turn, edit=False)


CADENCE_TYPED = pending.ValueEdit(
    "cadence_typed",
    apply_cadence,
    title=N_("修改拜访周期"),
    cancelled=N_("已放弃修改,拜访周期没有变。"),
)


async def _cadence(turn: Turn, found: re.Match[str]) -> None:
    grade, days = found.group(1), callback_id(found.group(2))
    if grade not in CADENCES or days not in CADENCES[grade]:
        stale(turn)
        return
    team = await turn.team()
    setattr(team, f"cadence_{grade.lower()}_days", days)
    await _saved(turn, team)


async def _digest_times(turn: Turn, found: re.Match[str]) -> None:
    rows = [[(t, callbacks.digest_time(t.replace(":", ""))) for t in DIGEST_TIMES]]
    _ask(turn, turn._("新成员的每日简报时间:"), rows)


async def _digest_time(turn: Turn, found: re.Match[str]) -> None:
    value = found.group(1)
    if value not in {t.replace(":", "") for t in DIGEST_TIMES}:
        stale(turn)
        return
    team = await turn.team()
    at = time(int(value[:2]), int(value[2:]))
    await _saved(turn, team, await _move_defaults(turn, team, default_digest_time=at))


async def _timezones(turn: Turn, found: re.Match[str]) -> None:
    rows = [[(zone_name(turn._, zone), callbacks.timezone(i))] for i, zone in enumerate(TIMEZONES)]
    _ask(turn, turn._("团队的默认时区:"), rows)


async def _timezone(turn: Turn, found: re.Match[str]) -> None:
    index = callback_id(found.group(1))
    if index is None or index >= len(TIMEZONES):
        stale(turn)
        return
    team = await turn.team()
    await _saved(turn, team, await _move_defaults(turn, team, default_timezone=TIMEZONES[index]))


async def _stage_days_menu(turn: Turn, found: re.Match[str]) -> None:
    rows = [[(f"{d}", callbacks.stage_days(d)) for d in STAGE_DAYS]]
    _ask(turn, turn._("商机在同一阶段多少天没有进展,就在负责人的简报里提醒?"), rows)


async def _stage_days(turn: Turn, found: re.Match[str]) -> None:
    days = callback_id(found.group(1))
    if days not in STAGE_DAYS:
        stale(turn)
        return
    team = await turn.team()
    team.deal_stage_days = days
    await _saved(turn, team)


async def _festivals(turn: Turn, found: re.Match[str]) -> None:
    team = await turn.team()
    team.festival_reminders = not team.festival_reminders
    await _saved(turn, team)


async def _quiet_menu(turn: Turn, found: re.Match[str]) -> None:
    _ = turn._
    offered = [(f"{a:%H:%M}–{b:%H:%M}", callbacks.quiet(key)) for key, (a, b) in QUIET.items()]
    turn.edit(
        _("成员没有自己设置时使用的免打扰时段:"),
        inline(
            [
                offered,
                [(_("不设免打扰"), callbacks.quiet("off")), (_("⬅️ 返回"), callbacks.SETTINGS_HOME)],
            ]
        ),
    )


async def _quiet(turn: Turn, found: re.Match[str]) -> None:
    value = found.group(1)
    if value not in QUIET and value != "off":
        stale(turn)
        return
    team = await turn.team()
    team.quiet_start, team.quiet_end = QUIET.get(value, (time(0), time(0)))
    await _saved(turn, team)


ROUTES = (
    (exactly(callbacks.SETTINGS_HOME), _home_button),
    (callbacks.CADENCE_MENU, _cadence_menu),
    (callbacks.CADENCE, _cadence),
    (callbacks.CADENCE_TYPED, _cadence_typed),
    (exactly(callbacks.DIGEST_TIMES), _digest_times),
    (callbacks.DIGEST_TIME, _digest_time),
    (exactly(callbacks.TIMEZONES), _timezones),
    (callbacks.TIMEZONE, _timezone),
    (exactly(callbacks.STAGE_DAYS), _stage_days_menu),
    (callbacks.STAGE_DAY, _stage_days),
    (exactly(callbacks.FESTIVALS), _festivals),
    (exactly(callbacks.QUIET_HOURS), _quiet_menu),
    (callbacks.QUIET, _quiet),
)


@member_turn
async def team_settings_button(turn: Turn) -> None:
    if not turn.member.is_manager or (await turn.team()).personal:
        turn.answer(turn._("只有团队经理可以修改团队设置。"), alert=True)
        return
    await follow(turn, ROUTES)


def team_settings_handlers() -> list[object]:
    return [
        CommandHandler(commands.TEAMSETTINGS.name, team_settings_command),
        CallbackQueryHandler(team_settings_button, pattern=callbacks.SETTINGS_PATTERN),
    ]
