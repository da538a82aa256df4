"""A captured note's deal written on 保存: a new deal, or the customer's open deal updated.

The capture card said which before the rep pressed 保存 (capture/show.py's deal_target), and
the saved message says it again, with what changed: never a silent overwrite.
"""

from __future__ import annotations

from datetime import date

from handlers.capture.payload import CapturePayload, DealData
from handlers.deals.text import amount_text, stage_name
from handlers.kit.turn import Turn
from storage.deals import DealRepo, DealUpdate
from storage.models import Contact, Customer, DealStage

# Larger than any deal: a number a note could not mean (and a BIGINT could not hold).
AMOUNT_LIMIT = 10**15


def deal_update(data: DealData) -> DealUpdate:
    amount = data.get("amount")
    return DealUpdate(
        title=data.get("title"),
        amount=amount if amount is not None and 0 <= amount < AMOUNT_LIMIT else None,
        currency=currency[:3] if (currency := data.get("currency")) else None,  # None: the team's
        stage=DealStage(stage) if (stage := data.get("stage")) else None,
        close_date=date.fromisoformat(day) if (day := data.get("close_date")) else None,
        lost_reason=data.get("lost_reason"),
    )


async def save_deal(
    turn: Turn, payload: CapturePayload, customer: Customer, contacts: list[Contact]
) -> str | None:
    """Write the note's deal on `customer`, with the competitors and `contacts` the note
    named; the line the saved message shows, or None."""
    data = payload.get("deal")
    if not data:
        return None
    _ = turn._
    repo = DealRepo(turn.session, turn.actor)
    update = deal_update(data)
    now = turn.now()
    open_deals = await repo.open_of(customer)
    if not open_deals:
        deal = await repo.create(customer, update, now, owner_id=customer.owner_id)
        if data.get("installments"):
            plan = [(i["label"], i["percent"]) for i in data["installments"]]
            await repo.set_payments(deal, plan)
        await repo.involve(deal, payload.get("competitors") or [], [c.id for c in contacts])
        stage = stage_name(_, deal.stage, repo.book.names)
        return _("💼 已新建商机「{title}」({stage})", title=deal.title, stage=stage)
    deal = open_deals[0]
    old_stage, old_amount = deal.stage, deal.amount
    changed = repo.apply(deal, update, now)
    await repo.involve(deal, payload.get("competitors") or [], [c.id for c in contacts])
    if data.get("installments"):
        await repo.set_payments(deal, [(i["label"], i["percent"]) for i in data["installments"]])
    details = []
    if "stage" in changed:
        names = repo.book.names
        details.append(f"{stage_name(_, old_stage, names)} → {stage_name(_, deal.stage, names)}")
    if "amount" in changed and deal.amount is not None:
        before = amount_text(old_amount, deal.currency) if old_amount is not None else "—"
        details.append(f"{before} → {amount_text(deal.amount, deal.currency)}")
    if "close_date" in changed and deal.close_date is not None:
        details.append(
            _("签约日期 {month}月{day}日", month=deal.close_date.month, day=deal.close_date.day)
        )
    if not details:
        return _("💼 商机「{title}」没有变化", title=deal.title)
    return _("💼 已更新商机「{title}」:{changes}", title=deal.title, changes=" · ".join(details))
