"""Who may change a customer: its owner. A manager reads a rep's customers read-only until
they take the customer over (🙋 接手), so every write path checks this, not just the buttons
the card happens to show (callback data can be forged)."""

from __future__ import annotations

from handlers.kit.turn import Turn
from storage.models import Customer, Member


async def refuse_unless_owner(turn: Turn, customer: Customer) -> bool:
    """True (and a one-line answer) when the acting member does not own the customer."""
    if customer.owner_id == turn.member.id:
        return False
    owner = await turn.session.get(Member, customer.owner_id)
    text = turn._(
        "这是 {owner} 的客户,只能查看;要修改请先「接手」或分配给自己。",
        owner=owner.name if owner else "—",
    )
    if turn.update.callback_query is not None:
        turn.answer(text, alert=True)
    else:
        turn.say(text)
    return True
