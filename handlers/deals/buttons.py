"""The buttons on a customer card's open deals: ⏩ 推进 / 🏆 赢单 / 💔 输单 (with its reason),
and on the digest's overdue deals: ⏩ 推进 / 📅 改日期 / 💔 输单.

Callback data: deal:a:<id> 推进, deal:w:<id> 赢单, deal:l:<id> 输单 (asks why),
deal:r:<id>:<n> one of LOST_REASONS, deal:t:<id> type the reason, deal:d:<id> 改日期 (offers
dates), deal:d:<id>:<yyyymmdd> that date, deal:v:<id> the deal's page (a manager's drill-down
reads it too), deal:p:<id> 🎯 改概率 (offers chances), deal:p:<id>:<percent or s> that chance (s:
the stage's). A trailing ":p" marks a digest's button: the answer is a new message, the digest
stays. Every id is looked up through the scoped DealRepo, and only the deal's owner acts on it:
forged data reaches nothing.
"""

from __future__ import annotations

from datetime import date, timedelta

from telegram.ext import CallbackQueryHandler

from handlers.deals.text import LOST_REASONS, deal_parts, stage_name
from handlers.deals.view import show_deal
from handlers.kit import pending
from handlers.kit.keyboards import inline, number
from handlers.kit.turn import Turn, member_turn
from locales import N_, Translator
from storage.deals import DealRepo, DealUpdate
from storage.models import Deal
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
                (_("⏩ 推进") + label, f"deal:a:{deal.id}"),
                (_("🏆 赢单"), f"deal:w:{deal.id}"),
                (_("💔 输单"), f"deal:l:{deal.id}"),
                (_("🎯 {n}%", n=deal.probability), f"deal:p:{deal.id}"),
            ]
        )
    return rows


async def _own_deal(turn: Turn, repo: DealRepo, deal_id: int) -> Deal | None:
    deal = await repo.get(deal_id) if deal_id >= 0 else None
    if deal is None:
        turn.answer(turn._("这个按钮已失效。"), alert=True)
        return None
    if deal.owner_id != turn.member.id:
        turn.answer(turn._("这是同事的商机,只有负责人可以修改。"), alert=True)
        return None
    return deal


def _line(turn: Turn, deal: Deal, repo: DealRepo) -> str:
    today = turn.today()
    parts = deal_parts(
        turn._, deal.title, deal.amount, deal.currency, deal.stage, deal.close_date, today,
        repo.book.names,
    )  # fmt: skip
    if deal.is_open:
        parts.append(turn._("赢单概率 {n}%", n=deal.probability))
    return "💼 " + " · ".join(parts)


def _done(turn: Turn, deal: Deal, repo: DealRepo, text: str, *, anew: bool = False) -> None:
    _ = turn._
    markup = inline([[(_("🏢 查看客户"), view_customer(deal.customer_id))]])
    if anew:
        turn.say(f"{text}\n{_line(turn, deal, repo)}", markup)
    else:
        turn.edit(f"{text}\n{_line(turn, deal, repo)}", markup)


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


def _day(text: str) -> date | None:
    if len(text) != 8 or not text.isascii() or not text.isdigit():
        return None
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None


@member_turn
async def deal_button(turn: Turn) -> None:
    query = turn.update.callback_query
    assert query is not None
    _ = turn._
    parts = (query.data or "").split(":")
    action = parts[1] if len(parts) > 2 else ""
    deal_id = number(parts[2]) if len(parts) > 2 else -1
    anew = parts[-1] == "p" and len(parts) == 4
    if action not in ("a", "w", "l", "r", "t", "d", "v", "p") or deal_id < 0:
        turn.answer(_("这个按钮已失效。"), alert=True)
        return
    repo = DealRepo(turn.session, turn.actor)
    if action == "v" and len(parts) == 3:  # anyone who may see it: the owner, the manager
        if not await show_deal(turn, repo, deal_id):
            turn.answer(_("这个按钮已失效。"), alert=True)
        return
    deal = await _own_deal(turn, repo, deal_id)
    if deal is None:
        return
    if not deal.is_open:
        turn.answer(_("这个商机已经结束了。"), alert=True)
        return
    now = turn.now()
    if action == "a":
        stage = repo.advance(deal, now)
        assert stage is not None
        moved = _("⏩ 已推进到「{stage}」。", stage=stage_name(_, stage, repo.book.names))
        _done(turn, deal, repo, moved, anew=anew)
    elif action == "w":
        repo.win(deal, now)
        _done(turn, deal, repo, _("🏆 恭喜赢单!"))
    elif action == "l":
        rows = [[(_(r), f"deal:r:{deal.id}:{i}")] for i, r in enumerate(LOST_REASONS)]
        rows.append([(_("✍️ 写下原因"), f"deal:t:{deal.id}")])
        rows.append([(_("⬅️ 返回"), view_customer(deal.customer_id))])
        question = _("💔 「{title}」为什么输了?", title=deal.title)
        if anew:
            turn.say(question, inline(rows))
        else:
            turn.edit(question, inline(rows))
    elif action == "d":
        await _redate(turn, deal, repo, parts[3] if len(parts) > 3 else "", anew)
    elif action == "p":
        await _chance(turn, deal, repo, parts[3] if len(parts) == 4 else "")
    elif action == "v":  # deal:v:<id>:… is no page
        turn.answer(_("这个按钮已失效。"), alert=True)
    elif action == "r":
        index = number(parts[3]) if len(parts) > 3 else -1
        if not 0 <= index < len(LOST_REASONS):
            turn.answer(_("这个按钮已失效。"), alert=True)
            return
        repo.lose(deal, _(LOST_REASONS[index]), now)
        _done(turn, deal, repo, _("💔 已记为输单:{reason}", reason=_(LOST_REASONS[index])))
    else:  # "t": the next text message is the reason
        user_data = turn.context.user_data
        assert user_data is not None
        pending.drop(turn)
        user_data[LOST_REASON.key] = {"deal": deal.id}
        turn.edit(_("请写下输单原因,例如:输给了南瑞继保\n(/cancel 放弃)"))


async def _chance(turn: Turn, deal: Deal, repo: DealRepo, value: str) -> None:
    """🎯 改概率: the chances offered, or the one pressed (s: back to the stage's)."""
    _ = turn._
    default = repo.book.chance(deal.stage)
    if not value:
        offered = [
            (f"{'• ' if n == deal.probability else ''}{n}%", f"deal:p:{deal.id}:{n}")
            for n in CHANCES
        ]
        rows = [offered[i : i + 3] for i in range(0, len(offered), 3)]
        stage = stage_name(_, deal.stage, repo.book.names)
        rows.append([(_("↩️ 按阶段({stage} {n}%)", stage=stage, n=default), f"deal:p:{deal.id}:s")])
        rows.append([(_("⬅️ 返回"), f"deal:v:{deal.id}")])
        turn.edit(
            _("🎯 「{title}」赢单的把握有多大?现在是 {n}%。", title=deal.title, n=deal.probability),
            inline(rows),
        )
        return
    chance = default if value == "s" else number(value)
    if chance not in (*CHANCES, default):
        turn.answer(_("这个按钮已失效。"), alert=True)
        return
    repo.set_probability(deal, chance, turn.now())
    _done(turn, deal, repo, _("🎯 赢单概率已改为 {n}%。", n=chance))


async def _redate(turn: Turn, deal: Deal, repo: DealRepo, value: str, anew: bool) -> None:
    _ = turn._
    today = turn.today()
    if value in ("", "p"):
        rows = [
            [(f"{_(label)} {day.month}月{day.day}日", f"deal:d:{deal.id}:{day:%Y%m%d}")]
            for label, day in date_choices(today)
        ]
        rows.append([(_("⬅️ 返回"), view_customer(deal.customer_id))])
        question = _("📅 「{title}」改到哪天签约?", title=deal.title)
        if anew:
            turn.say(question, inline(rows))
        else:
            turn.edit(question, inline(rows))
        return
    day = _day(value)
    if day is None or not today < day <= today + timedelta(days=400):
        turn.answer(_("这个按钮已失效。"), alert=True)
        return
    repo.apply(deal, DealUpdate(close_date=day), turn.now())
    _done(turn, deal, repo, _("📅 签约日期已改到{month}月{day}日。", month=day.month, day=day.day))


async def apply_lost_reason(turn: Turn, text: str) -> None:
    """The typed reason of a lost deal (LOST_REASON's value)."""
    waiting = pending.state(turn, LOST_REASON) or {}
    pending.finish(turn, LOST_REASON)
    deal_id = waiting.get("deal")
    repo = DealRepo(turn.session, turn.actor)
    deal = await _own_deal(turn, repo, deal_id) if isinstance(deal_id, int) else None
    if deal is None or not deal.is_open:
        turn.say(turn._("这个商机已经结束了。"))
        return
    reason = " ".join(text.split())[:REASON_LIMIT] or None
    repo.lose(deal, reason, turn.now())
    _done(turn, deal, repo, turn._("💔 已记为输单:{reason}", reason=reason or "—"))


LOST_REASON = pending.ValueEdit("deal_lost_reason", apply_lost_reason)


def deal_handlers() -> list[object]:
    return [CallbackQueryHandler(deal_button, pattern=r"^deal:")]
