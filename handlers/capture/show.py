"""The capture card in chat: its text, its three buttons, sent anew or in place.

Both the note (notes.py) and its corrections (edit.py) show it, so it lives below both.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from handlers.capture import callbacks
from handlers.capture.card import render_capture
from handlers.capture.payload import CapturePayload, capture_payload
from handlers.capture.unread import unread_lines
from handlers.kit.keyboards import inline
from handlers.kit.turn import Turn
from storage.customers import CustomerRepo
from storage.deals import DealRepo
from storage.matching import judge
from storage.models import Draft
from storage.search import script_fold
from storage.stages import DEFAULT_BOOK, StageBook


def capture_buttons(turn: Turn, draft_id: int) -> Any:
    _ = turn._
    return inline(
        [
            [
                (_("✅ 保存"), callbacks.save(draft_id)),
                (_("✏️ 修改"), callbacks.edit(draft_id)),
                (_("❌ 取消"), callbacks.cancel(draft_id)),
            ]
        ]
    )


async def customer_hint(turn: Turn, payload: CapturePayload) -> str | None:
    """Whether the company is known, before saving: nothing (it is), (即「华东电力设计院」) for a
    short name the team confirmed, (已由 王磊 负责), (可能是已有客户,保存时确认) or (新客户)."""
    company = payload["company"]
    if not company:
        return None
    judged = await judge(turn.session, turn.actor, company)
    if judged.exact is not None:
        if script_fold(judged.exact.name) == script_fold(company):  # 中華電力 is 中华电力
            return None
        return turn._("(即「{name}」)", name=judged.exact.name)
    if judged.likely:
        return turn._("(可能是已有客户,保存时确认)")
    if judged.owner is not None:
        return turn._("(已由 {owner} 负责)", owner=judged.owner.name)
    if judged.maybe_owner is not None:
        return turn._("(可能是同事负责的客户,保存时确认)")
    return turn._("(新客户)")


async def deal_target(turn: Turn, payload: CapturePayload) -> tuple[str | None, StageBook]:
    """The title of the open deal saving would update (the customer's latest) or None, and
    the team's stages and currency for the card (an update keeps its deal's currency)."""
    if not payload["deal"]:
        return None, DEFAULT_BOOK
    repo = DealRepo(turn.session, turn.actor)
    book = await repo.stages()
    company = payload["company"]
    customer = await CustomerRepo(turn.session, turn.actor).by_name(company) if company else None
    deals = await repo.open_of(customer) if customer is not None else []
    if not deals:
        return None, book
    return deals[0].title, replace(book, currency=deals[0].currency)


def repeat_buttons(turn: Turn, draft_id: int) -> Any:
    _ = turn._
    return inline(
        [
            [
                (_("✅ 仍然保存"), callbacks.save_again(draft_id)),
                (_("❌ 不保存"), callbacks.cancel(draft_id)),
            ]
        ]
    )


async def show_capture(
    turn: Turn, draft: Draft, *, edit: bool, repeated: str | None = None
) -> None:
    """The card; `repeated` says when the same was saved already, and asks before saving
    again."""
    now = turn.now()
    payload = capture_payload(draft.payload)
    hint = await customer_hint(turn, payload)
    target, book = await deal_target(turn, payload)
    text = render_capture(
        turn._, payload, turn.member.timezone, now.date(), hint, target, book, now
    )
    for line in unread_lines(turn._, draft.text or "", payload):
        text += "\n" + line
    markup = capture_buttons(turn, draft.id)
    if repeated is not None:
        text += "\n" + repeated
        markup = repeat_buttons(turn, draft.id)
    if edit:
        turn.edit(text, markup)
    else:
        turn.say(text, markup)
