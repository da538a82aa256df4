"""/pipeline: the manager's view of the team's deals — by stage (count, amount, weighted),
by rep, what should sign this month, and what was won and lost this month and why."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from telegram.ext import CommandHandler

from handlers.deals.text import STAGE_LABELS, amount_text
from handlers.kit import commands
from handlers.kit.turn import Turn, member_turn
from locales import Translator
from storage.deals import OPEN_STAGES, DealRepo, PipelineDeal, Tally

# How many deals each list shows; the counts above them are whole.
LIST_LIMIT = 10


def month_bounds(today: date) -> tuple[date, date]:
    first = today.replace(day=1)
    after = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, after


def _tally(_: Translator, tally: Tally) -> str:
    return _(
        "{count} 个 · {amount} · 加权 {weighted}",
        count=tally.count,
        amount=amount_text(tally.amount),
        weighted=amount_text(tally.weighted),
    )


def _item(_: Translator, item: PipelineDeal, detail: str) -> str:
    deal = item.deal
    amount = deal.won_amount if deal.won_amount is not None else deal.amount
    money = f" {amount_text(amount, deal.currency)}" if amount is not None else ""
    extra = f" · {detail}" if detail else ""
    name = item.customer if deal.title == item.customer else f"{item.customer} {deal.title}"
    return f"  · {name}{money}{extra} · {item.owner}"


def _listed(_: Translator, items: list[PipelineDeal], detail: object) -> list[str]:
    lines = [_item(_, item, detail(item)) for item in items[:LIST_LIMIT]]  # type: ignore[operator]
    if len(items) > LIST_LIMIT:
        lines.append(_("  … 另有 {n} 个", n=len(items) - LIST_LIMIT))
    return lines


@member_turn
async def pipeline_command(turn: Turn) -> None:
    _ = turn._
    if not turn.member.is_manager:
        turn.say(_("销售漏斗只有经理可以查看。你的商机在各客户的卡片上。"))
        return
    today = turn.today()
    first, after = month_bounds(today)
    zone = ZoneInfo(turn.member.timezone)
    start = datetime.combine(first, time(0), zone)
    end = datetime.combine(after, time(0), zone)
    pipeline = await DealRepo(turn.session, turn.actor).pipeline(start, end, first, after)
    lines = [_("📊 销售漏斗 · {month}月", month=today.month)]
    if not pipeline.by_stage:
        lines.append(_("团队还没有进行中的商机。"))
    for stage in OPEN_STAGES:
        if stage in pipeline.by_stage:
            lines.append(f"{_(STAGE_LABELS[stage])}:{_tally(_, pipeline.by_stage[stage])}")
    if pipeline.by_stage:
        lines.append(_("合计:{tally}", tally=_tally(_, pipeline.total)))
        lines.append(_("👤 按销售"))
        for owner, tally in sorted(pipeline.by_rep.items(), key=lambda kv: -kv[1].weighted):
            lines.append(f"  · {owner}:{_tally(_, tally)}")
    if pipeline.closing:
        lines.append(_("📅 本月预计签约({n})", n=len(pipeline.closing)))
        closing = sorted(pipeline.closing, key=lambda i: (i.deal.close_date, -(i.deal.amount or 0)))
        lines += _listed(
            _,
            closing,
            lambda i: _(
                "{month}月{day}日", month=i.deal.close_date.month, day=i.deal.close_date.day
            ),
        )
    if pipeline.won:
        total = sum((i.deal.won_amount or i.deal.amount or 0) for i in pipeline.won)
        lines.append(
            _("🏆 本月赢单({n}) · {amount}", n=len(pipeline.won), amount=amount_text(total))
        )
        lines += _listed(_, pipeline.won, lambda i: "")
    if pipeline.lost:
        lines.append(_("💔 本月输单({n})", n=len(pipeline.lost)))
        lines += _listed(_, pipeline.lost, lambda i: i.deal.lost_reason or _("未写原因"))
    turn.say("\n".join(lines))


def pipeline_handlers() -> list[object]:
    return [CommandHandler(commands.PIPELINE.name, pipeline_command)]
