"""/audit for managers: the team's latest views, exports, assignments and deletions, newest
first, filterable by member. Callback data: aud:<member or 0>:<offset>."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from telegram.ext import CallbackQueryHandler, CommandHandler

from handlers.kit import commands
from handlers.kit.callback_data import callback_id
from handlers.kit.keyboards import inline
from handlers.kit.render import moment
from handlers.kit.routes import follow, on_id, stale
from handlers.kit.turn import Turn, member_turn
from handlers.team import callbacks
from locales import N_
from storage.models import AuditLog, Customer, Member
from storage.reports import active_members

PAGE = 15
DETAILED = ("export", "customer.assign", "customer.handover")
ACTIONS = {
    "customer.view": N_("查看了客户"),
    "member.view": N_("查看了 {who} 的记录"),
    "deal.view": N_("查看了商机"),
    "deal.pipeline": N_("查看了销售漏斗"),
    "export": N_("导出了档案"),
    "customer.assign": N_("分配了客户"),
    "customer.handover": N_("交接了客户"),
    "member.handover": N_("离职交接"),
    "customer.delete": N_("删除了客户"),
    "customer.restore": N_("恢复了客户"),
    "member.remove": N_("移出了成员"),
    "member.promote": N_("设为经理"),
    "team.settings": N_("修改了团队设置"),
    "team.bind_group": N_("绑定了团队群"),
    "team.unbind_group": N_("解除了团队群"),
    "team.join": N_("加入了团队"),
    "team.create": N_("创建了团队"),
    "team.reset_code": N_("重置了邀请码"),
}


async def audit_page(
    session: AsyncSession, team_id: int, member_id: int, offset: int
) -> tuple[list[AuditLog], bool]:
    query = select(AuditLog).where(AuditLog.team_id == team_id)
    if member_id:
        query = query.where(AuditLog.actor_id == member_id)
    rows = list(
        await session.scalars(
            query.order_by(AuditLog.at.desc(), AuditLog.id.desc()).offset(offset).limit(PAGE + 1)
        )
    )
    return rows[:PAGE], len(rows) > PAGE


async def _names(
    session: AsyncSession, entries: Sequence[AuditLog]
) -> tuple[dict[int, str], dict[int, str]]:
    member_ids = {e.actor_id for e in entries if e.actor_id} | {
        e.subject_id for e in entries if e.subject_type == "member" and e.subject_id
    }
    customer_ids = {e.subject_id for e in entries if e.subject_type == "customer" and e.subject_id}
    members = {
        row[0]: row[1]
        for row in (
            await session.execute(select(Member.id, Member.name).where(Member.id.in_(member_ids)))
        ).all()
    }
    customers = {
        row[0]: row[1]
        for row in (
            await session.execute(
                select(Customer.id, Customer.name).where(Customer.id.in_(customer_ids))
            )
        ).all()
    }
    return members, customers


async def _show(turn: Turn, member_id: int, offset: int, *, edit: bool) -> None:
    _ = turn._
    tz = turn.member.timezone
    entries, more = await audit_page(turn.session, turn.member.team_id, member_id, offset)
    members, customers = await _names(turn.session, entries)
    title = _("🕵️ 审计日志")
    if member_id:
        title += " · " + members.get(member_id, "—")
    lines = [title]
    today = datetime.now(ZoneInfo(tz)).date()
    for entry in entries:
        label = ACTIONS.get(entry.action)
        subject = ""
        if entry.action == "member.view":  # 查看了 王磊 的记录: the member inside the words
            action = _(label or "", who=members.get(entry.subject_id or 0, "—"))
        else:
            action = _(label) if label else entry.action
        if entry.subject_type == "customer" and entry.subject_id:
            subject = f"「{customers.get(entry.subject_id, '#' + str(entry.subject_id))}」"
        elif entry.subject_type == "member" and entry.subject_id and entry.action != "export":
            subject = "" if entry.action == "member.view" else members.get(entry.subject_id, "")
        shown = entry.detail and entry.action.startswith(DETAILED)
        detail = f"({_export_detail(turn, entry.detail or '')})" if shown else ""
        who = members.get(entry.actor_id or 0, "—")
        lines.append(f"· {moment(_, entry.at, tz, today)} {who} {action}{subject}{detail}")
    if not entries:
        lines.append(_("还没有记录。"))
    team = await active_members(turn.session, turn.member.team_id)
    rows = [
        [
            (("• " if m.id == member_id else "") + m.name, callbacks.audit_page(m.id))
            for m in team[i : i + 3]
        ]
        for i in range(0, min(len(team), 12), 3)
    ]
    rows.append([(("• " if not member_id else "") + _("全部成员"), callbacks.audit_page(0))])
    pager = []
    if offset:
        pager.append((_("⬅️ 较新"), callbacks.audit_page(member_id, max(0, offset - PAGE))))
    if more:
        pager.append((_("更早 ➡️"), callbacks.audit_page(member_id, offset + PAGE)))
    if pager:
        rows.append(pager)
    text = "\n".join(lines)[:4096]
    if edit:
        turn.edit(text, inline(rows))
    else:
        turn.say(text, inline(rows))


_EXPORTED = re.compile(r"^(xlsx|csv)(?::\S+)? rows=([0-9]+)$")


def _export_detail(turn: Turn, detail: str) -> str:
    """xlsx rows=32 (as exports.py records it) in words: Excel,32 行; other details as kept."""
    found = _EXPORTED.match(detail)
    if found is None:
        return detail
    kind = "Excel" if found.group(1) == "xlsx" else "CSV"
    return turn._.plural("{kind},{n} 行", "{kind},{n} 行", int(found.group(2)), kind=kind)


@member_turn
async def audit_command(turn: Turn) -> None:
    if not turn.member.is_manager:
        turn.say(turn._("只有经理可以查看审计日志。"))
        return
    await _show(turn, 0, 0, edit=False)


@member_turn
async def audit_button(turn: Turn) -> None:
    query = turn.update.callback_query
    assert query is not None
    if not turn.member.is_manager:
        turn.answer(turn._("只有经理可以查看审计日志。"), alert=True)
        return
    await follow(turn, ROUTES)


async def _latest(turn: Turn, offset: int) -> None:
    await _show(turn, 0, offset, edit=False)


async def _page(turn: Turn, found: re.Match[str]) -> None:
    member_id, offset = callback_id(found.group(1)), callback_id(found.group(2))
    if member_id is None or offset is None:
        stale(turn)
    else:
        await _show(turn, member_id, offset, edit=True)


ROUTES = ((callbacks.AUDIT_FROM_SUMMARY, on_id(_latest)), (callbacks.AUDIT_PAGE, _page))


def audit_handlers() -> list[object]:
    return [
        CommandHandler(commands.AUDIT.name, audit_command),
        CallbackQueryHandler(audit_button, pattern=callbacks.AUDIT_PATTERN),
    ]
