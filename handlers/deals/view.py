"""A deal's page (deal:v:<id>): what it is worth, where it stands, and its history of stage,
amount, date and chance. Its owner gets the buttons that move it; a manager reaching it from
/pipeline's drill-down reads it (DealRepo.get writes the view to the audit log)."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from handlers.deals import callbacks
from handlers.deals.text import amount_text, stage_name
from handlers.kit.keyboards import inline
from handlers.kit.render import short_date
from handlers.kit.turn import Turn
from storage.deals import DealRepo
from storage.models import Customer, Deal, DealChange, DealStage, Member
from storage.push_buttons import view_customer

HISTORY = 8  # the latest changes shown


def _change(turn: Turn, repo: DealRepo, deal: Deal, change: DealChange) -> str:
    _ = turn._

    def value(text: str | None) -> str:
        if text is None:
            return "—"
        if change.field == "stage":
            return stage_name(_, DealStage(text), repo.book.names)
        if change.field == "amount" and text.lstrip("-").isdigit():
            return amount_text(int(text), deal.currency)
        if change.field == "close_date":
            return short_date(_, date.fromisoformat(text), turn.today())
        if change.field == "probability":
            return f"{text}%"
        return text

    labels = {
        "stage": _("阶段"),
        "amount": _("金额"),
        "close_date": _("签约日期"),
        "probability": _("赢单概率"),
    }
    day = change.changed_at.astimezone(ZoneInfo(turn.member.timezone)).date()
    what = labels.get(change.field, change.field)
    return f"  · {short_date(_, day, turn.today())} {what}:{value(change.old_value)} → {value(change.new_value)}"


async def show_deal(turn: Turn, repo: DealRepo, deal_id: int) -> bool:
    """Show the deal in place of the pressed message; False when the member may not see it."""
    _ = turn._
    deal = await repo.get(deal_id)
    if deal is None:
        return False
    customer = await turn.session.get(Customer, deal.customer_id)
    owner = await turn.session.get(Member, deal.owner_id)
    today = turn.today()
    lines = [
        f"💼 {deal.title} · {customer.name if customer else '—'}",
        _("负责人:{owner}", owner=owner.name if owner else "—"),
        _("金额:{amount}", amount=amount_text(deal.amount, deal.currency) if deal.amount else "—"),
        _(
            "阶段:{stage} · 赢单概率 {n}%",
            stage=stage_name(_, deal.stage, repo.book.names),
            n=deal.probability,
        ),
    ]
    if deal.close_date is not None and deal.is_open:
        lines.append(_("预计签约:{date}", date=short_date(_, deal.close_date, today)))
    if deal.stage == DealStage.WON and deal.won_amount is not None:
        lines.append(_("签约金额:{amount}", amount=amount_text(deal.won_amount, deal.currency)))
    if deal.competitors:
        lines.append(_("竞争对手:{names}", names=deal.competitors))
    if people := await repo.contacts(deal):
        lines.append(_("联系人:{names}", names="、".join(c.name for c in people)))
    if deal.stage == DealStage.LOST:
        lines.append(_("输单原因:{reason}", reason=deal.lost_reason or _("未写原因")))
    changes = list(await repo.history(deal))[-HISTORY:]
    if changes:
        lines.append(_("📜 变化"))
        lines += [_change(turn, repo, deal, change) for change in changes]
    rows: list[list[tuple[str, str]]] = []
    if deal.owner_id == turn.member.id and deal.is_open:
        rows.append(
            [
                (_("⏩ 推进"), callbacks.advance(deal.id)),
                (_("🏆 赢单"), callbacks.win(deal.id)),
                (_("💔 输单"), callbacks.lose(deal.id)),
            ]
        )
        rows.append(
            [
                (_("🎯 改概率"), callbacks.chance(deal.id)),
                (_("📅 改日期"), callbacks.redate(deal.id)),
            ]
        )
    elif deal.owner_id != turn.member.id and owner is not None:
        rows.append([(_("⬅️ {name}的商机", name=owner.name), callbacks.pipeline_rep(owner.id, "m"))])
    rows.append([(_("🏢 查看客户"), view_customer(deal.customer_id))])
    turn.edit("\n".join(lines)[:4096], inline(rows))
    return True
