"""What every button on a deal shares: the deal looked up for its owner (forged data and a
colleague's deal reach nothing), and the answer's last line — the deal as it now stands."""

from __future__ import annotations

from handlers.deals.text import deal_parts
from handlers.kit.keyboards import inline
from handlers.kit.turn import Turn
from storage.deals import DealRepo
from storage.models import Deal
from storage.push_buttons import view_customer


async def own_deal(turn: Turn, repo: DealRepo, deal_id: int) -> Deal | None:
    deal = await repo.get(deal_id)
    if deal is None:
        turn.answer(turn._("这个按钮已失效。"), alert=True)
        return None
    if deal.owner_id != turn.member.id:
        turn.answer(turn._("这是同事的商机,只有负责人可以修改。"), alert=True)
        return None
    return deal


def deal_line(turn: Turn, deal: Deal, repo: DealRepo) -> str:
    today = turn.today()
    parts = deal_parts(
        turn._, deal.title, deal.amount, deal.currency, deal.stage, deal.close_date, today,
        repo.book.names,
    )  # fmt: skip
    if deal.is_open:
        parts.append(turn._("赢单概率 {n}%", n=deal.probability))
    return "💼 " + " · ".join(parts)


def done(
    turn: Turn,
    deal: Deal,
    repo: DealRepo,
    text: str,
    *,
    anew: bool = False,
    first: list[tuple[str, str]] | None = None,
    after: str | None = None,
) -> None:
    """`text`, the deal's line and `after`, with 🏢 查看客户 (after `first`, the answer's own
    buttons)."""
    _ = turn._
    markup = inline([[*(first or []), (_("🏢 查看客户"), view_customer(deal.customer_id))]])
    lines = "\n".join(line for line in (text, deal_line(turn, deal, repo), after) if line)
    if anew:
        turn.say(lines, markup)
    else:
        turn.edit(lines, markup)
