"""The visit cycle's lines in the manager's team summary (/team): plans written in the period
and their approval (those still waiting for the manager said so), 纪要 on time / late / missing,
and how many the manager reviewed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from locales import Translator
from storage.actor import Actor
from storage.minutes import CycleStats, cycle_stats


def cycle_line(_: Translator, stats: CycleStats) -> str:
    if stats.plans_pending:  # a plan waiting for the manager is said so (it read 计划 0)
        return _(
            "计划 {plans}(批准 {approved}/{asked},待审批 {pending})· 纪要 按时 {on_time}"
            " · 晚交 {late} · 纪要逾期 {missing} · 已审阅 {reviewed}/{written}",
            plans=stats.plans,
            approved=stats.plans_approved,
            asked=stats.plans_asked,
            pending=stats.plans_pending,
            on_time=stats.minutes_on_time,
            late=stats.minutes_late,
            missing=stats.minutes_missing,
            reviewed=stats.minutes_reviewed,
            written=stats.minutes_written,
        )
    return _(
        "计划 {plans}(批准 {approved}/{asked})· 纪要 按时 {on_time} · 晚交 {late}"
        " · 纪要逾期 {missing} · 已审阅 {reviewed}/{written}",
        plans=stats.plans,
        approved=stats.plans_approved,
        asked=stats.plans_asked,
        on_time=stats.minutes_on_time,
        late=stats.minutes_late,
        missing=stats.minutes_missing,
        reviewed=stats.minutes_reviewed,
        written=stats.minutes_written,
    )


async def cycle_lines(
    _: Translator,
    session: AsyncSession,
    actor: Actor,
    first: date,
    last: date,
    today: date,
    names: Sequence[tuple[int, str]],
) -> list[str]:
    """📋 走访周期 lines for the members shown (those with anything), and the team's total."""
    stats = await cycle_stats(session, actor, first, last, today)
    total = CycleStats()
    for counted in stats.values():
        total.add(counted)
    if not total.any:
        return []
    lines = [_("📋 走访周期:{stats}", stats=cycle_line(_, total))]
    for member_id, name in names:
        own = stats.get(member_id)
        if own is not None and own.any:
            lines.append(f"  · {name}:{cycle_line(_, own)}")
    return lines
