"""🏆 赢单: never one tap, never without its amount, and undone for a while.

🏆 赢单 (and ⏩ 推进 past the last open stage) shows the deal's amount and asks to sign at it:
✅ 按 110万 签约 · ✏️ 改金额 (typed through a ValueEdit, read by parsing/amounts.py and echoed
back before it counts) · ↩️ 返回. The win keeps the deal as it was in a snapshot (a Draft, as
🛠 改记录's deletions do in customers/records.py), so ↩️ 撤销 puts back its stage, amount and
chance within UNDO_WINDOW, with the follow-ups and the customer status the win settled.
/pipeline, the weekly report and the digest read the deal's stage, so they follow.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import TypedDict, cast

from handlers.deals import callbacks
from handlers.deals.owned import done
from handlers.deals.text import amount_text, stage_name
from handlers.kit import pending
from handlers.kit.callback_data import callback_amount
from handlers.kit.keyboards import inline
from handlers.kit.labels import STATUS_LABELS
from handlers.kit.render import moment
from handlers.kit.turn import Turn
from locales import N_
from parsing.amounts import read_amount
from storage.changes import UNDO_WINDOW
from storage.deals import DealRepo
from storage.models import CustomerStatus, Deal, DealStage, Draft, FollowUp
from storage.push_buttons import view_customer

COOPERATING = CustomerStatus.COOPERATING
SNAPSHOT = "won_deal"


class WonDeal(TypedDict):
    """A deal as it was before its win (Draft.payload of kind SNAPSHOT), for ↩️ 撤销."""

    deal: int
    stage: str
    amount: int | None
    probability: int
    follow_ups: list[int]  # the follow-ups to sign the win closed
    status: str | None  # the customer's status before, when the win changed it


def ask_win(
    turn: Turn,
    deal: Deal,
    *,
    anew: bool,
    next_step: bool = False,
    typed: int | None = None,
) -> None:
    """Sign at the deal's amount, or at the one just `typed` (echoed back)?"""
    _ = turn._
    amount = typed if typed is not None else deal.amount
    money = amount_text(amount, deal.currency) if amount is not None else None
    if typed is not None:
        lines = [_("🏆 「{title}」按 {amount} 签约?", title=deal.title, amount=money)]
    else:
        lines = [
            _("🏆 「{title}」下一步就是赢单。已经签约了吗?", title=deal.title)
            if next_step
            else _("🏆 「{title}」已经签约了吗?", title=deal.title)
        ]
        lines.append(
            _("💰 现在的金额是 {amount},签约金额是这个吗?", amount=money)
            if money is not None
            else _("💰 这个商机还没有金额,可以先填上签约金额。")
        )
    sign = _("✅ 按 {amount} 签约", amount=money) if money is not None else _("✅ 确认赢单")
    markup = inline(
        [
            [(sign, callbacks.win_at(deal.id, amount))],
            [
                (_("✏️ 改金额"), callbacks.win_amount(deal.id)),
                (_("↩️ 返回"), view_customer(deal.customer_id)),
            ],
        ]
    )
    if anew:
        turn.say("\n".join(lines), markup)
    else:
        turn.edit("\n".join(lines), markup)


async def ask(turn: Turn, repo: DealRepo, deal: Deal, found: re.Match[str]) -> None:
    """🏆 赢单."""
    ask_win(turn, deal, anew=False)


async def type_amount(turn: Turn, repo: DealRepo, deal: Deal, found: re.Match[str]) -> None:
    """✏️ 改金额: the next text message is the signed amount."""
    pending.wait(turn, WON_AMOUNT, {"deal": deal.id})
    turn.edit(turn._("请输入签约金额,例如:105万、1.05M\n(/cancel 放弃)"))


async def apply_won_amount(turn: Turn, text: str) -> None:
    """The typed amount (WON_AMOUNT's value): echoed with ✅ 按 … 签约; nothing changes yet."""
    _ = turn._
    waiting = pending.state(turn, WON_AMOUNT) or {}
    deal_id = waiting.get("deal")
    repo = DealRepo(turn.session, turn.actor)
    deal = await repo.get(deal_id) if isinstance(deal_id, int) else None
    if deal is None or deal.owner_id != turn.member.id or not deal.is_open:
        pending.finish(turn, WON_AMOUNT)
        turn.say(_("这个商机已经结束了。"))
        return
    typed = read_amount(text.strip())
    if typed is None:  # still waiting
        pending.again(turn, N_("签约金额"), N_("105万"))
        return
    if typed.currency not in (None, deal.currency):
        turn.say(_("这个商机以 {currency} 计,请输入 {currency} 的金额。", currency=deal.currency))
        return
    pending.finish(turn, WON_AMOUNT)
    ask_win(turn, deal, anew=True, typed=typed.value)


WON_AMOUNT = pending.ValueEdit(
    "deal_won_amount",
    apply_won_amount,
    title=N_("签约金额"),
    cancelled=N_("已放弃修改签约金额,商机没有变。"),
)


def _follow_up_line(turn: Turn, text: str, follow_up: FollowUp) -> str:
    _ = turn._
    due = moment(_, follow_up.due_at or follow_up.due_date, turn.member.timezone, turn.today())
    return _(text, due=due, text=follow_up.text)


async def win(turn: Turn, repo: DealRepo, deal: Deal, found: re.Match[str]) -> None:
    """✅ 按 110万 签约: won at the amount the button showed."""
    _ = turn._
    value = found.group(2)
    amount = deal.amount if value is None else None  # a bare ":y": a button from before
    if value not in (None, callbacks.NO_AMOUNT):
        amount = callback_amount(value)
        if amount is None:
            turn.answer(_("这个按钮已失效。"), alert=True)
            return
    before = WonDeal(
        deal=deal.id,
        stage=deal.stage.value,
        amount=deal.amount,
        probability=deal.probability,
        follow_ups=[],
        status=None,
    )
    now = turn.now()
    repo.win(deal, now, amount)
    signed, status = await repo.settle_win(deal, now)
    before["follow_ups"], before["status"] = [f.id for f in signed], status
    snapshot = Draft(member_id=turn.member.id, kind=SNAPSHOT, payload=dict(before))
    turn.session.add(snapshot)
    await turn.session.flush()
    lines = [_("🏆 恭喜赢单!")]
    lines += [_follow_up_line(turn, N_("✅ 已完成跟进:{due} {text}"), f) for f in signed]
    if status is not None:
        old = _(STATUS_LABELS[CustomerStatus(status)])
        lines.append(_("🏢 客户状态:{old} → {new}", old=old, new=_(STATUS_LABELS[COOPERATING])))
    undo = (_("↩️ 撤销"), callbacks.undo_win(snapshot.id))
    done(turn, deal, repo, "\n".join(lines), first=[undo], after=_("记错了?24 小时内可以撤销。"))


async def undo_win(turn: Turn, repo: DealRepo, snapshot_id: int) -> None:
    """↩️ 撤销: the deal back at the stage, amount and chance it had; what the win settled
    undone where nothing since changed it."""
    _ = turn._
    gone = _("无法撤销:已超过 24 小时,或已经撤销过了。")
    draft = await turn.session.get(Draft, snapshot_id)
    if draft is None or draft.member_id != turn.member.id or draft.kind != SNAPSHOT:
        turn.answer(gone, alert=True)
        return
    snapshot = cast(WonDeal, draft.payload)
    deal = await repo.get(snapshot["deal"])
    late = datetime.now(UTC) - draft.created_at > UNDO_WINDOW
    if late or deal is None or deal.owner_id != turn.member.id or deal.stage != DealStage.WON:
        await turn.session.delete(draft)
        turn.answer(gone, alert=True)
        return
    now = turn.now()
    stage = DealStage(snapshot["stage"])
    repo.unwin(deal, stage, snapshot["amount"], snapshot["probability"], now)
    reopened, status = await repo.unsettle_win(
        deal.customer_id, snapshot["follow_ups"], snapshot["status"], now
    )
    await turn.session.delete(draft)
    lines = [
        _(
            "↩️ 已撤销赢单:「{title}」回到「{stage}」。",
            title=deal.title,
            stage=stage_name(_, stage, repo.book.names),
        )
    ]
    lines += [_follow_up_line(turn, N_("⏰ 跟进恢复:{due} {text}"), f) for f in reopened]
    if status is not None:
        old = _(STATUS_LABELS[CustomerStatus(status)])
        lines.append(_("🏢 客户状态:{old} → {new}", old=_(STATUS_LABELS[COOPERATING]), new=old))
    done(turn, deal, repo, "\n".join(lines))
