"""/pipeline: the manager's view of the team's deals — by stage (count, amount, weighted), by
rep, what should sign this month and this quarter, and what was won and lost in the period and
why; a rep's deals one tap away, each deal one more; the funnel and the monthly forecast as
pictures. The weekly report's pipeline section is written here too.

Callback data (pipe:…) is built and read by callbacks.py. Every press re-checks that the
presser manages the team and that the rep is in it; a manager's look at a rep's deals is in the
audit log.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from telegram.ext import CallbackQueryHandler, CommandHandler

from handlers.deals import callbacks
from handlers.deals.text import amount_text, stage_name
from handlers.kit import commands
from handlers.kit.callback_data import callback_id
from handlers.kit.keyboards import inline
from handlers.kit.offload import on_drawing_thread
from handlers.kit.routes import follow, stale
from handlers.kit.turn import Turn, member_turn
from locales import N_, Translator, translator
from storage.actor import Actor
from storage.audit import record
from storage.models import Member
from storage.pipeline import (
    DealLine,
    Pipeline,
    Span,
    Tally,
    forecast,
    open_deals,
    stage_tallies,
)
from storage.pipeline import pipeline as pipeline_of
from storage.stages import OPEN_STAGES, StageBook, stage_book

REPS_PAGE = 15  # reps listed (and buttons) per page
FORECAST_MONTHS = 6
PERIODS = ("m", "q")
PERIOD_WORDS = {"m": N_("本月"), "q": N_("本季度")}
Rows = list[list[tuple[str, str]]]


def _month_after(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _span(first: date, after: date, zone: ZoneInfo) -> Span:
    start = datetime.combine(first, time(0), zone).astimezone(UTC)
    return Span(first, after, start, datetime.combine(after, time(0), zone).astimezone(UTC))


def month_span(today: date, timezone: str) -> Span:
    first = today.replace(day=1)
    return _span(first, _month_after(first), ZoneInfo(timezone))


def quarter_span(today: date, timezone: str) -> Span:
    first = date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
    return _span(first, _month_after(_month_after(_month_after(first))), ZoneInfo(timezone))


def last_week_span(today: date, timezone: str) -> Span:
    monday = today - timedelta(days=today.weekday())
    return _span(monday - timedelta(days=7), monday, ZoneInfo(timezone))


async def read(
    session: AsyncSession, actor: Actor, today: date, timezone: str, period: str,
    owner_id: int | None = None,
) -> Pipeline:  # fmt: skip
    month, quarter = month_span(today, timezone), quarter_span(today, timezone)
    closed = month if period == "m" else quarter
    return await pipeline_of(session, actor, month, quarter, closed, owner_id)


def _tally(_: Translator, tally: Tally) -> str:
    return _(
        "{count} 个 · {amount} · 加权 {weighted}",
        count=tally.count,
        amount=amount_text(tally.amount),
        weighted=amount_text(tally.weighted),
    )


def _item(line: DealLine, detail: str, owner: bool) -> str:
    amount = line.won_amount if line.won_amount is not None else line.amount
    money = f" {amount_text(amount, line.currency)}" if amount is not None else ""
    extra = f" · {detail}" if detail else ""
    who = f" · {line.owner}" if owner else ""
    return f"  · {line.name}{money}{extra}{who}"


def _listed(
    _: Translator, lines: list[DealLine], total: int, detail: Callable[[DealLine], str], owner: bool
) -> list[str]:
    out = [_item(line, detail(line), owner) for line in lines]
    if total > len(lines):
        out.append(_("  … 另有 {n} 个", n=total - len(lines)))
    return out


def _day(_: Translator, line: DealLine) -> str:
    day = line.close_date
    return _("{month}月{day}日", month=day.month, day=day.day) if day else ""


def title(_: Translator, today: date, period: str) -> str:
    if period == "q":
        return _("{year}年第{n}季度", year=today.year, n=(today.month - 1) // 3 + 1)
    return _("{month}月", month=today.month)


def pipeline_lines(
    _: Translator, found: Pipeline, book: StageBook, period: str, *, owner: bool = True
) -> list[str]:
    """By stage, the total, then the expected closes and the period's won and lost (`owner`:
    say whose each listed deal is — not in a rep's own drill-down)."""
    lines = []
    if not found.by_stage:
        lines.append(_("没有进行中的商机。"))
    for stage in OPEN_STAGES:
        if stage in found.by_stage:
            lines.append(f"{stage_name(_, stage, book.names)}:{_tally(_, found.by_stage[stage])}")
    if found.by_stage:
        lines.append(_("合计:{tally}", tally=_tally(_, found.total)))
    return lines + closes_lines(_, found, _(PERIOD_WORDS[period]), owner=owner)


def closes_lines(
    _: Translator, found: Pipeline, word: str, *, owner: bool, quarter: bool = True
) -> list[str]:
    """The expected closes, then the won and lost of the period called `word` (本月, 上周 …)."""
    lines = []
    if found.month.count:
        lines.append(
            _("📅 本月预计签约({n}) · {amount} · 加权 {weighted}",
              n=found.month.count, amount=amount_text(found.month.amount),
              weighted=amount_text(found.month.weighted))
        )  # fmt: skip
        lines += _listed(_, found.month_deals, found.month.count, lambda i: _day(_, i), owner)
    if found.quarter.count and quarter:
        lines.append(
            _("📅 本季度预计签约({n}) · {amount} · 加权 {weighted}",
              n=found.quarter.count, amount=amount_text(found.quarter.amount),
              weighted=amount_text(found.quarter.weighted))
        )  # fmt: skip
        lines += _listed(_, found.quarter_deals, found.quarter.count, lambda i: _day(_, i), owner)
    if found.won.count:
        lines.append(
            _("🏆 {period}赢单({n}) · {amount}", period=word, n=found.won.count,
              amount=amount_text(found.won.amount))
        )  # fmt: skip
        lines += _listed(_, found.won_deals, found.won.count, lambda i: "", owner)
    if found.lost.count:
        lines.append(
            _("💔 {period}输单({n}) · {amount}", period=word, n=found.lost.count,
              amount=amount_text(found.lost.amount))
        )  # fmt: skip
        no_reason = _("未写原因")
        lines += _listed(_, found.lost_deals, found.lost.count, lambda i: i.lost_reason or no_reason, owner)  # fmt: skip
        reasons = " · ".join(f"{r or no_reason} {n}" for r, n in found.lost_reasons[:5])
        lines.append(_("  原因:{reasons}", reasons=reasons))
    return lines


def _ranked(found: Pipeline) -> list[tuple[int, Tally]]:
    return sorted(
        found.by_rep.items(), key=lambda kv: (-kv[1].weighted, found.names.get(kv[0], ""))
    )


def team_text(
    _: Translator, found: Pipeline, book: StageBook, today: date, period: str, page: int = 0
) -> str:
    lines = [_("📊 销售漏斗 · {title}", title=title(_, today, period))]
    head = pipeline_lines(_, found, book, period)
    ranked = _ranked(found)
    by_rep = []
    if ranked:
        by_rep.append(_("👤 按销售"))
        for member_id, tally in ranked[page * REPS_PAGE : (page + 1) * REPS_PAGE]:
            by_rep.append(f"  · {found.names.get(member_id, '—')}:{_tally(_, tally)}")
        if len(ranked) > REPS_PAGE:
            pages = (len(ranked) + REPS_PAGE - 1) // REPS_PAGE
            by_rep.append(_("(第 {page}/{pages} 页)", page=page + 1, pages=pages))
    # The stages and the total first, then the reps, then the lists.
    split = next(
        (i for i, line in enumerate(head) if line.startswith(("📅", "🏆", "💔"))), len(head)
    )
    return "\n".join([*lines, *head[:split], *by_rep, *head[split:]])[:4096]


def team_rows(_: Translator, found: Pipeline, period: str, page: int) -> Rows:
    rows: Rows = [
        [
            (("• " if p == period else "") + _(PERIOD_WORDS[p]), callbacks.pipeline_page(p))
            for p in PERIODS
        ]
    ]
    ranked = _ranked(found)[page * REPS_PAGE : (page + 1) * REPS_PAGE]
    people = [
        (f"🔎 {found.names.get(m, '—')}", callbacks.pipeline_rep(m, period)) for m, _t in ranked
    ]
    rows += [people[i : i + 3] for i in range(0, len(people), 3)]
    pager = []
    if page > 0:
        pager.append((_("⬅️ 上一页"), callbacks.pipeline_page(period, page - 1)))
    if (page + 1) * REPS_PAGE < len(found.by_rep):
        pager.append((_("下一页 ➡️"), callbacks.pipeline_page(period, page + 1)))
    if pager:
        rows.append(pager)
    if found.by_stage:
        rows.append([(_("📈 漏斗图与预测"), callbacks.pipeline_charts(period))])
    return rows


async def _show(turn: Turn, period: str, page: int, *, edit: bool) -> None:
    _ = turn._
    today = turn.today()
    found = await read(turn.session, turn.actor, today, turn.member.timezone, period)
    record(turn.session, turn.actor, "deal.pipeline", "team", turn.actor.team_id)
    book = await stage_book(turn.session, turn.actor.team_id)
    pages = max(1, (len(found.by_rep) + REPS_PAGE - 1) // REPS_PAGE)
    page = max(0, min(page, pages - 1))
    text, markup = (
        team_text(_, found, book, today, period, page),
        inline(team_rows(_, found, period, page)),
    )
    if edit:
        turn.edit(text, markup)
    else:
        turn.say(text, markup)


async def _drill(turn: Turn, member_id: int, period: str) -> None:
    _ = turn._
    rep = await turn.session.get(Member, member_id)
    if rep is None or rep.team_id != turn.actor.team_id:
        turn.answer(_("这个按钮已失效。"), alert=True)
        return
    if rep.id != turn.member.id:
        record(turn.session, turn.actor, "member.view", "member", rep.id, "pipeline")
    today = turn.today()
    found = await read(turn.session, turn.actor, today, turn.member.timezone, period, rep.id)
    book = await stage_book(turn.session, turn.actor.team_id)
    lines = [_("👤 {name} · 商机 · {title}", name=rep.name, title=title(_, today, period))]
    lines += pipeline_lines(_, found, book, period, owner=False)
    deals = await open_deals(turn.session, turn.actor, rep.id)
    rows: Rows = [
        [(f"💼 {d.name[:24]}" + (f" {amount_text(d.amount, d.currency)}" if d.amount else ""), callbacks.page(d.id))]
        for d in deals
    ]  # fmt: skip
    rows.append([(_("⬅️ 返回漏斗"), callbacks.pipeline_page(period))])
    turn.edit("\n".join(lines)[:4096], inline(rows))


@member_turn
async def pipeline_command(turn: Turn) -> None:
    if not turn.member.is_manager:
        turn.say(turn._("销售漏斗只有经理可以查看。你的商机在各客户的卡片上。"))
        return
    await _show(turn, "m", 0, edit=False)


@member_turn
async def pipeline_button(turn: Turn) -> None:
    _ = turn._
    query = turn.update.callback_query
    assert query is not None
    if not turn.member.is_manager:
        turn.answer(_("销售漏斗只有经理可以查看。"), alert=True)
        return
    await follow(turn, ROUTES)


async def _page_button(turn: Turn, found: re.Match[str]) -> None:
    period, page = found.group(1), callback_id(found.group(2))
    if period not in PERIODS or page is None:
        stale(turn)
        return
    await _show(turn, period, page, edit=True)


async def _rep_button(turn: Turn, found: re.Match[str]) -> None:
    member_id, period = callback_id(found.group(1)), found.group(2)
    if member_id is None or period not in PERIODS:
        stale(turn)
        return
    await _drill(turn, member_id, period)


async def _charts_button(turn: Turn, found: re.Match[str]) -> None:
    if found.group(1) not in PERIODS:
        stale(turn)
        return
    await _send_charts(turn)


ROUTES = (
    (callbacks.PIPELINE_PAGE, _page_button),
    (callbacks.PIPELINE_REP, _rep_button),
    (callbacks.PIPELINE_CHARTS, _charts_button),
)


# -- the charts --------------------------------------------------------------------------------


async def funnel_chart(session: AsyncSession, member: Member, now: datetime) -> Any:
    """The team's open deals by stage, as a funnel (amounts in 万)."""
    from handlers.deals import charts  # matplotlib loads on first use, not at start

    _ = translator(member.language)
    actor = Actor.of(member)
    today = now.astimezone(ZoneInfo(member.timezone)).date()
    by_stage = await stage_tallies(session, actor)
    book = await stage_book(session, actor.team_id)
    stages = list(OPEN_STAGES)
    tallies = [by_stage.get(s, Tally()) for s in stages]
    return await on_drawing_thread(
        charts.funnel,
        _("销售漏斗 · {title}", title=title(_, today, "m")),
        [stage_name(_, s, book.names) for s in stages],
        [t.amount / 10_000 for t in tallies],
        [_tally(_, t) for t in tallies],
    )


async def forecast_chart(session: AsyncSession, member: Member, now: datetime) -> Any:
    """What should sign in each of the next months: amount and weighted amount (万)."""
    from handlers.deals import charts

    _ = translator(member.language)
    today = now.astimezone(ZoneInfo(member.timezone)).date()
    actor = Actor.of(member)
    overdue, months = await forecast(session, actor, today, FORECAST_MONTHS)
    currency = (await stage_book(session, actor.team_id)).currency
    labels = [_("{month}月", month=first.month) for first, _t in months]
    amounts = [t.amount / 10_000 for _f, t in months]
    weighted = [t.weighted / 10_000 for _f, t in months]
    if overdue.count:  # dates already past: the first bar, so the forecast is not rosier
        labels, amounts = [_("已过期"), *labels], [overdue.amount / 10_000, *amounts]
        weighted = [overdue.weighted / 10_000, *weighted]
    return await on_drawing_thread(
        charts.forecast_bars,
        _("未来 {n} 个月预计签约", n=len(months)),
        labels,
        [(_("金额"), amounts), (_("加权金额"), weighted)],
        _("万元") if currency == "CNY" else _("万({currency})", currency=currency),
    )


async def _send_charts(turn: Turn) -> None:
    now = turn.now()
    funnel = await funnel_chart(turn.session, turn.member, now)
    forecast = await forecast_chart(turn.session, turn.member, now)
    chat_id = turn.update.effective_chat.id if turn.update.effective_chat else turn.member.chat_id
    bot = turn.context.bot
    _ = turn._
    turn.answer(_("📈 图表生成好了"))
    turn.later(lambda: bot.send_photo(chat_id, funnel.png, caption=_("销售漏斗(进行中的商机)")))
    turn.later(lambda: bot.send_photo(chat_id, forecast.png, caption=_("按月预计签约")))


# -- the weekly report's section -----------------------------------------------------------


async def weekly_lines(session: AsyncSession, manager: Member, now: datetime) -> list[str]:
    """The pipeline in the Monday report: open deals now, this month's expected closes, and
    last week's won and lost with reasons. Nothing for a team without deals."""
    _ = translator(manager.language)
    actor = Actor.of(manager)
    today = now.astimezone(ZoneInfo(manager.timezone)).date()
    month, quarter = month_span(today, manager.timezone), quarter_span(today, manager.timezone)
    last_week = last_week_span(today, manager.timezone)
    found = await pipeline_of(session, actor, month, quarter, last_week)
    if not (found.by_stage or found.won.count or found.lost.count):
        return []
    lines = [_("💼 商机:进行中 {tally}", tally=_tally(_, found.total))]
    book = await stage_book(session, actor.team_id)
    stages = [
        f"{stage_name(_, s, book.names)} {found.by_stage[s].count}"
        for s in OPEN_STAGES
        if s in found.by_stage
    ]
    if stages:
        lines.append("  " + " · ".join(stages))
    return lines + closes_lines(_, found, _("上周"), owner=True, quarter=False)


def pipeline_handlers() -> list[object]:
    return [
        CommandHandler(commands.PIPELINE.name, pipeline_command),
        CallbackQueryHandler(pipeline_button, pattern=callbacks.PIPELINE_PATTERN),
    ]
