"""The buttons on a customer card's open deals: ⏩ 推进 / 🏆 赢单 / 💔 输单 (with its reason),
and on the digest's overdue deals: ⏩ 推进 / 📅 改日期 / 💔 输单. A win (its amount, ↩️ 撤销) is
winning.py's.

Their callback data and patterns are callbacks.py's. Every id is looked up through the scoped
DealRepo, and only the deal's owner acts on it: forged data reaches nothing.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import date, timedelta

from telegram.ext import CallbackQueryHandler

from handlers.deals import callbacks, winning
from handlers.deals.owned import done, own_deal
from handlers.deals.text import LOST_REASONS, stage_name
from handlers.deals.view import show_deal
from handlers.kit import pending
from handlers.kit.callback_data import callback_day, callback_id
from handlers.kit.keyboards import inline
from handlers.kit.turn import Turn, member_turn
from locales import N_, Translator
from storage.deals import DealRepo, DealUpdate, next_stage
from storage.models import Deal, DealStage
from storage.push_buttons import view_customer

# Reasons typed by hand are kept this long at most (the column's width).
REASON_LIMIT = 200
# The chances 🎯 改概率 offers for one deal.
CHANCES = (10, 20, 30, 40, 50, 60, 70, 80, 90)


def deal_rows(_: Translator, deals: list[Deal]) -> list[list[tuple[str, str]]]:
    """One row of buttons per open deal (the first three); titled when there are several."""
    rows = []
    for deal in deals[:3]:
        label = f" {deal.title[:8]}" if len(deals) > 1 else ""
        rows.append(
            [
                (_("⏩ 推进") + label, callbacks.advance(deal.id)),
                (_("🏆 赢单"), callbacks.win(deal.id)),
                (_("💔 输单"), callbacks.lose(deal.id)),
                (_("🎯 {n}%", n=deal.probability), callbacks.chance(deal.id)),
            ]
        )
    return rows


def _month_end(day: date) -> date:
    first_next = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def date_choices(today: date) -> list[tuple[str, date]]:
    """下周五, 月底, 下月底, 季度末 — the new close dates offered by 改日期 (future, distinct)."""
    next_friday = today + timedelta(days=7 - today.weekday() + 4)
    month_end = _month_end(today)
    next_month_end = _month_end(month_end + timedelta(days=1))
    quarter_month = ((today.month - 1) // 3 + 1) * 3
    quarter_end = _month_end(date(today.year, quarter_month, 1))
    choices = [
        (N_("下周五"), next_friday),
        (N_("月底"), month_end),
        (N_("下月底"), next_month_end),
        (N_("季度末"), quarter_end),
    ]
    seen: set[date] = set()
    offered = []
    for label, day in choices:
        if day > today and day not in seen:
            seen.add(day)
            offered.append((label, day))
    return offered


Action = Callable[[Turn, DealRepo, Deal, re.Match[str]], Awaitable[None]]


async def _advance(turn: Turn, repo: DealRepo, deal: Deal, found: re.Match[str]) -> None:
    _ = turn._
    if next_stage(deal.stage) == DealStage.WON:  # one tap must not sign a contract
        winning.ask_win(turn, deal, anew=found.group(2) is not None, next_step=True)
        return
    stage = repo.advance(deal, turn.now())
    assert stage is not None
    moved = _("⏩ 已推进到「{stage}」。", stage=stage_name(_, stage, repo.book.names))
    done(turn, deal, repo, moved, anew=found.group(2) is not None)


async def _lose(turn: Turn, repo: DealRepo, deal: Deal, found: re.Match[str]) -> None:
    _ = turn._
    rows = [[(_(r), callbacks.reason(deal.id, i))] for i, r in enumerate(LOST_REASONS)]
    rows.append([(_("✍️ 写下原因"), callbacks.type_reason(deal.id))])
    rows.append([(_("⬅️ 返回"), view_customer(deal.customer_id))])
    question = _("💔 「{title}」为什么输了?", title=deal.title)
    if found.group(2) is not None:
        turn.say(question, inline(rows))
    else:
        turn.edit(question, inline(rows))


async def _reason(turn: Turn, repo: DealRepo, deal: Deal, found: re.Match[str]) -> None:
    _ = turn._
    index = callback_id(found.group(2))
    if index is None or not index < len(LOST_REASONS):
        turn.answer(_("这个按钮已失效。"), alert=True)
        return
    repo.lose(deal, _(LOST_REASONS[index]), turn.now())
    done(turn, deal, repo, _("💔 已记为输单:{reason}", reason=_(LOST_REASONS[index])))


async def _type_reason(turn: Turn, repo: DealRepo, deal: Deal, found: re.Match[str]) -> None:
    """The next text message is the reason."""
    pending.wait(turn, LOST_REASON, {"deal": deal.id})
    turn.edit(turn._("请写下输单原因,例如:输给了南瑞继保\n(/cancel 放弃)"))


async def _redate(turn: Turn, repo: DealRepo, deal: Deal, found: re.Match[str]) -> None:
    _ = turn._
    rows = [
        [(f"{_(label)} {day.month}月{day.day}日", callbacks.redate_to(deal.id, day))]
        for label, day in date_choices(turn.today())
    ]
    rows.append([(_("⬅️ 返回"), view_customer(deal.customer_id))])
    question = _("📅 「{title}」改到哪天签约?", title=deal.title)
    if found.group(2) is not None:
        turn.say(question, inline(rows))
    else:
        turn.edit(question, inline(rows))


async def _redate_to(turn: Turn, repo: DealRepo, deal: Deal, found: re.Match[str]) -> None:
    _ = turn._
    today, day = turn.today(), callback_day(found.group(2))
    if day is None or not today < day <= today + timedelta(days=400):
        turn.answer(_("这个按钮已失效。"), alert=True)
        return
    repo.apply(deal, DealUpdate(close_date=day), turn.now())
    done(turn, deal, repo, _("📅 签约日期已改到{month}月{day}日。", month=day.month, day=day.day))


async def _chances(turn: Turn, repo: DealRepo, deal: Deal, found: re.Match[str]) -> None:
    """🎯 改概率: the chances offered."""
    _ = turn._
    offered = [
        (f"{'• ' if n == deal.probability else ''}{n}%", callbacks.chance_to(deal.id, str(n)))
        for n in CHANCES
    ]
    rows = [offered[i : i + 3] for i in range(0, len(offered), 3)]
    stage = stage_name(_, deal.stage, repo.book.names)
    default = repo.book.chance(deal.stage)
    back_to_stage = _("↩️ 按阶段({stage} {n}%)", stage=stage, n=default)
    rows.append([(back_to_stage, callbacks.chance_to(deal.id, callbacks.STAGE_CHANCE))])
    rows.append([(_("⬅️ 返回"), callbacks.page(deal.id))])
    turn.edit(
        _("🎯 「{title}」赢单的把握有多大?现在是 {n}%。", title=deal.title, n=deal.probability),
        inline(rows),
    )


async def _chance_to(turn: Turn, repo: DealRepo, deal: Deal, found: re.Match[str]) -> None:
    """The chance pressed (STAGE_CHANCE: back to the stage's)."""
    _ = turn._
    default = repo.book.chance(deal.stage)
    value = found.group(2)
    chance = default if value == callbacks.STAGE_CHANCE else callback_id(value)
    if chance not in (*CHANCES, default):
        turn.answer(_("这个按钮已失效。"), alert=True)
        return
    assert chance is not None
    repo.set_probability(deal, chance, turn.now())
    done(turn, deal, repo, _("🎯 赢单概率已改为 {n}%。", n=chance))


ACTIONS: tuple[tuple[re.Pattern[str], Action], ...] = (
    (callbacks.ADVANCE, _advance),
    (callbacks.WIN, winning.ask),
    (callbacks.WIN_AT, winning.win),
    (callbacks.WIN_AMOUNT, winning.type_amount),
    (callbacks.LOSE, _lose),
    (callbacks.REASON, _reason),
    (callbacks.TYPE_REASON, _type_reason),
    (callbacks.REDATE, _redate),
    (callbacks.REDATE_TO, _redate_to),
    (callbacks.CHANCE, _chances),
    (callbacks.CHANCE_TO, _chance_to),
)


@member_turn
async def deal_button(turn: Turn) -> None:
    query = turn.update.callback_query
    assert query is not None
    data = query.data or ""
    repo = DealRepo(turn.session, turn.actor)
    page = callbacks.PAGE.match(data)
    if page is not None:  # anyone who may see it: the owner, the manager
        deal_id = callback_id(page.group(1))
        if deal_id is None or not await show_deal(turn, repo, deal_id):
            turn.answer(turn._("这个按钮已失效。"), alert=True)
        return
    undo = callbacks.UNDO_WIN.match(data)
    if undo is not None:  # on a deal won already: the snapshot's checks, not an open deal's
        snapshot_id = callback_id(undo.group(1))
        if snapshot_id is None:
            turn.answer(turn._("这个按钮已失效。"), alert=True)
        else:
            await winning.undo_win(turn, repo, snapshot_id)
        return
    for pattern, action in ACTIONS:
        found = pattern.match(data)
        if found is None:
            continue
        deal_id = callback_id(found.group(1))
        if deal_id is None:
            break
        deal = await own_deal(turn, repo, deal_id)
        if deal is None:
            return
        if not deal.is_open:
            turn.answer(turn._("这个商机已经结束了。"), alert=True)
            return
        await action(turn, repo, deal, found)
        return
    turn.answer(turn._("这个按钮已失效。"), alert=True)


async def apply_lost_reason(turn: Turn, text: str) -> None:
    """The typed reason of a lost deal (LOST_REASON's value)."""
    waiting = pending.state(turn, LOST_REASON) or {}
    pending.finish(turn, LOST_REASON)
    deal_id = waiting.get("deal")
    repo = DealRepo(turn.session, turn.actor)
    deal = await own_deal(turn, repo, deal_id) if isinstance(deal_id, int) else None
    if deal is None or not deal.is_open:
        turn.say(turn._("这个商机已经结束了。"))
        return
    reason = " ".join(text.split())[:REASON_LIMIT] or None
    repo.lose(deal, reason, turn.now())
    done(turn, deal, repo, turn._("💔 已记为输单:{reason}", reason=reason or "—"))


LOST_REASON = pending.ValueEdit("deal_lost_reason", apply_lost_reason)


def deal_handlers() -> list[object]:
    return [CallbackQueryHandler(deal_button, pattern=callbacks.PATTERN)]
