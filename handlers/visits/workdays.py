"""/workdays: the team's working-day calendar, which counts "两个工作日内" for 会谈纪要, and
whether visit plans need the manager's approval.

Mainland teams follow the State Council's schedule with its 调休 days; teams in Taiwan, Hong
Kong, Singapore or Malaysia pick a plain Monday–Friday week. A year whose schedule is not in
the data yet (published each November) is said to be provisional. Only the manager changes it.
"""

from __future__ import annotations

from telegram.ext import CallbackQueryHandler, CommandHandler

from handlers.kit import commands
from handlers.kit.keyboards import inline
from handlers.kit.turn import Turn, member_turn
from handlers.visits import callbacks
from handlers.visits.minutes import local_today
from locales import N_
from parsing.workdays import Workweek, work_calendar
from storage.minutes import set_workweek, team_cycle
from storage.planning import mark_replan
from storage.plans import set_plans_need_approval

WORKWEEK_NAMES = {
    Workweek.MAINLAND: N_("中国大陆(国务院放假安排,含调休)"),
    Workweek.MON_FRI: N_("周一至周五"),
}


async def workdays_text(turn: Turn) -> str:
    """The team's calendar, and whether this and next year's schedules are official."""
    _ = turn._
    cycle = await team_cycle(turn.session, turn.member.team_id)
    calendar = work_calendar(cycle.workweek)
    lines = [_("📅 工作日历:{name}", name=_(WORKWEEK_NAMES[calendar.workweek]))]
    if calendar.workweek == Workweek.MAINLAND:
        year = local_today(turn).year
        for y in (year, year + 1):
            if calendar.is_provisional(y):
                lines.append(
                    _(
                        "{year} 年的放假安排还没有收录,暂按周末和法定节日正日计算(临时,不含调休);"
                        "升级后自动采用官方安排。",
                        year=y,
                    )
                )
            else:
                lines.append(_("{year} 年按国务院公布的放假安排,含调休上班日。", year=y))
    lines.append(_("会谈纪要要在会面后 2 个工作日内写好,按这个日历计算。"))
    if cycle.plans_need_approval:
        lines.append(_("📋 拜访计划:提交后要经理批准。"))
    else:
        lines.append(_("📋 拜访计划:不需审批,提交即记录。"))
    return "\n".join(lines)


async def settings_line(turn: Turn) -> str:
    """The calendar in /settings: its name, and the first provisional year if any."""
    _ = turn._
    calendar = work_calendar((await team_cycle(turn.session, turn.member.team_id)).workweek)
    line = _("📅 工作日历:{name}", name=_(WORKWEEK_NAMES[calendar.workweek]))
    year = local_today(turn).year
    provisional = [y for y in (year, year + 1) if calendar.is_provisional(y)]
    if provisional:
        line += _(";{year} 年为临时日历", year=provisional[0])
    return line + " · /workdays"


async def _rows(turn: Turn) -> list[list[tuple[str, str]]]:
    if not turn.member.is_manager:
        return []
    _ = turn._
    cycle = await team_cycle(turn.session, turn.member.team_id)
    approval = (
        (_("📋 计划改为不需审批"), callbacks.approval(on=False))
        if cycle.plans_need_approval
        else (_("📋 计划改为要经理批准"), callbacks.approval(on=True))
    )
    return [
        [(_(WORKWEEK_NAMES[Workweek.MAINLAND]), callbacks.workweek(Workweek.MAINLAND.value))],
        [(_(WORKWEEK_NAMES[Workweek.MON_FRI]), callbacks.workweek(Workweek.MON_FRI.value))],
        [approval],
    ]


@member_turn
async def workdays(turn: Turn) -> None:
    rows = await _rows(turn)
    turn.say(await workdays_text(turn), inline(rows) if rows else None)


@member_turn
async def workdays_button(turn: Turn) -> None:
    _ = turn._
    query = turn.update.callback_query
    data = (query.data if query else None) or ""
    if data == callbacks.WORKDAYS_HOME:  # from the team settings screen
        rows = await _rows(turn)
        turn.edit(await workdays_text(turn), inline(rows) if rows else None)
        return
    match = callbacks.WORKWEEK.match(data)
    approval = callbacks.APPROVAL.match(data)
    if (match is None and approval is None) or not turn.member.is_manager:
        turn.answer(_("只有经理可以修改团队的工作日历。"), alert=True)
        return
    if match is not None:
        await set_workweek(turn.session, turn.actor, Workweek(match.group(1)))
    elif approval is not None:
        await set_plans_need_approval(turn.session, turn.actor, approval.group(1) == "on")
    await turn.session.flush()
    await mark_replan(turn.session, turn.member.id)
    turn.answer(_("✅ 已修改"))
    turn.edit(await workdays_text(turn), inline(await _rows(turn)))


def workdays_handlers() -> list[object]:
    return [
        CommandHandler(commands.WORKDAYS.name, workdays),
        CallbackQueryHandler(workdays_button, pattern=callbacks.WORKDAYS_PATTERN),
    ]
