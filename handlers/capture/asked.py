"""The question a capture draft's buttons answer — its card, the ✏️ 修改 menu, 这条记录属于哪个
客户? — is closed by 取消 or /cancel typed right after it, as its ❌ 取消 would: the note is
not saved (kit/pending.Question). A note filed under no customer ("记在哪个客户名下?") is a
draft already and has no ❌: it stays one, and the member is told where to find it."""

from __future__ import annotations

from typing import Any

from handlers.kit import pending
from handlers.kit.keyboards import main_keyboard
from handlers.kit.turn import Turn
from storage.models import Draft


async def _close(turn: Turn, what: dict[str, Any]) -> bool:
    draft_id = what.get("draft")
    draft = await turn.session.get(Draft, draft_id) if isinstance(draft_id, int) else None
    if draft is None or draft.member_id != turn.member.id:
        return False  # saved, dropped or kept since: nothing is open
    _ = turn._
    keyboard = main_keyboard(_, manager=turn.member.is_manager)
    if draft.kind == "note":
        turn.say(_("已取消。这条记录留在草稿里,发 /drafts 可以找回。"), keyboard)
        return True
    if draft.kind != "capture":
        return False
    await turn.session.delete(draft)
    turn.say(_("好的,这条没有保存。"), keyboard)
    return True


DRAFT_QUESTION = pending.Question("draft", _close)


def asked_about(turn: Turn, draft: Draft, *, customer: bool = False) -> None:
    """This answer asks about `draft` with its buttons: 取消 next closes it. `customer`: the
    question is 这条记录属于哪个客户?, which a company's name typed next answers
    (capture/typed.py)."""
    what: dict[str, Any] = {"draft": draft.id, "kind": draft.kind}
    if customer:
        what["customer"] = True
    pending.asking(turn, DRAFT_QUESTION, what)


def customer_asked(left: dict[str, Any] | None) -> int | None:
    """The capture draft whose 这条记录属于哪个客户? the member left unanswered (Turn.left)."""
    if not left or left.get("question") != DRAFT_QUESTION.key or not left.get("customer"):
        return None
    draft = left.get("draft")
    return draft if isinstance(draft, int) else None


def card_left(left: dict[str, Any] | None) -> int | None:
    """The draft of the capture card (or its question) the member left unanswered."""
    if not left or left.get("question") != DRAFT_QUESTION.key:
        return None
    draft = left.get("draft")
    return draft if isinstance(draft, int) else None
