"""/plans: this week's visit plans and next week's — the team's for a manager, one's own for a
rep. A plan one may act on is numbered, with its buttons below, as in the digest: a manager's
✅ 批准 n / 💬 意见 n on a rep's plan waiting for him, ✏️ 修改 n on one's own plan not yet past."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from telegram.ext import CommandHandler

from handlers.kit import commands
from handlers.kit.keyboards import inline
from handlers.kit.turn import Turn, member_turn
from handlers.visits import callbacks
from handlers.visits.plans import REVISE_LABEL, STATUS_WORDS, decision, plan_when
from locales import N_
from storage.cycle import PlanStatus
from storage.plans import PlanRepo, PlanRow


@member_turn
async def plans_command(turn: Turn) -> None:
    """On a Friday the plans written are Monday's: next week's are listed too."""
    _ = turn._
    today = datetime.now(ZoneInfo(turn.member.timezone)).date()
    monday = today - timedelta(days=today.weekday())
    next_monday = monday + timedelta(days=7)
    rows = await PlanRepo(turn.session, turn.actor).between(monday, next_monday + timedelta(days=6))
    if not rows:
        turn.say(_("本周和下周还没有拜访计划。发 /plan 写一个。"))
        return
    this_week = [row for row in rows if row.planned_for < next_monday]
    next_week = rows[len(this_week) :]  # ordered by day
    lines: list[str] = []
    buttons: list[list[tuple[str, str]]] = []
    for heading, part in (
        (N_("🗓 本周计划拜访 ({n})"), this_week),
        (N_("🗓 下周计划拜访 ({n})"), next_week),
    ):
        if part:
            lines.append(_(heading, n=len(part)))
        for row in part:
            actions = _actions(turn, row, today)
            if not actions:
                lines.append(f"· {_plan_line(turn, row)}")
                continue
            number = len(buttons) + 1
            lines.append(f"{number}. {_plan_line(turn, row)}")
            buttons.append([(f"{label} {number}", data) for label, data in actions])
    turn.say("\n".join(lines), inline(buttons) if buttons else None)


def _actions(turn: Turn, row: PlanRow, today: date) -> list[tuple[str, str]]:
    _ = turn._
    if row.member_id == turn.member.id:
        return (
            [(_(REVISE_LABEL), callbacks.plan_revise(row.id))] if row.planned_for >= today else []
        )
    waiting = row.status == PlanStatus.PENDING.value
    return decision(_, row.id) if turn.member.is_manager and waiting else []


def _plan_line(turn: Turn, row: PlanRow) -> str:
    _ = turn._
    who = f"{row.member_name} → " if turn.member.is_manager else ""
    status = _(STATUS_WORDS.get(row.status, STATUS_WORDS["filed"]))
    return (
        f"{plan_when(_, row, turn.member.timezone)} {who}{row.customer_name} · {row.goal}({status})"
    )


def week_handlers() -> list[object]:
    return [CommandHandler(commands.PLANS.name, plans_command)]
