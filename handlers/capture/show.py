"""The capture card in chat: its text, its three buttons, sent anew or in place.

Both the note (notes.py) and its corrections (edit.py) show it, so it lives below both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from handlers.capture import callbacks
from handlers.capture.asked import asked_about
from handlers.capture.card import DealSay, contact_label, render_capture
from handlers.capture.deals import Target, changes_text, deal_target, note_update
from handlers.capture.known import customer_of_named_person, known_customer
from handlers.capture.payload import CapturePayload, capture_payload, reminder_only
from handlers.capture.unread import unread_lines
from handlers.deals.text import deal_parts
from handlers.kit.keyboards import inline
from handlers.kit.render import clip
from handlers.kit.turn import Turn
from storage.deals import DealRepo
from storage.drafts import granted_customer
from storage.matching import Judgement, judge
from storage.models import Customer, Draft
from storage.search import script_fold
from storage.stages import DEFAULT_BOOK, StageBook

Rows = Sequence[list[tuple[str, str]]]


def capture_buttons(turn: Turn, draft_id: int, choices: Rows = ()) -> Any:
    _ = turn._
    return inline(
        [
            *choices,
            [
                (_("✅ 保存"), callbacks.save(draft_id)),
                (_("✏️ 修改"), callbacks.edit(draft_id)),
                (_("❌ 取消"), callbacks.cancel(draft_id)),
            ],
        ]
    )


def deal_choices(
    turn: Turn, draft_id: int, target: Target, book: StageBook, *, saving: bool = False
) -> list[list[tuple[str, str]]]:
    """One button per open deal the note's deal could be, and 🆕 新建商机; the rep's pick
    marked. `saving`: asked on 保存, so the pick saves."""
    _ = turn._
    today = turn.today()
    rows: list[list[tuple[str, str]]] = []
    for deal in target.choices:
        parts = deal_parts(
            _, deal.title, deal.amount, deal.currency, deal.stage, None, today, book.names
        )
        mark = "• " if target.decided and target.deal is deal else ""
        label = clip(_("{mark}🔁 更新:{deal}", mark=mark, deal=" · ".join(parts)), 40)
        rows.append([(label, callbacks.deal_pick(draft_id, deal.id, saving=saving))])
    mark = "• " if target.decided and target.deal is None else ""
    rows.append(
        [(_("{mark}🆕 新建商机", mark=mark), callbacks.deal_pick(draft_id, 0, saving=saving))]
    )
    return rows


def customer_hint(turn: Turn, payload: CapturePayload, judged: Judgement | None) -> str | None:
    """Whether the company is known, before saving: nothing (it is), (即「华东电力设计院」) for a
    short name the team confirmed, (已由 王磊 负责), (可能是已有客户,保存时确认) or (新客户)."""
    company = payload["company"]
    if not company or judged is None:
        return None
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


@dataclass(frozen=True)
class DealView:
    """The note's deal as the card shows it: what it says, the team's stages and the currency
    (an update keeps its deal's), and the buttons that pick the deal when several could be it."""

    say: DealSay
    book: StageBook
    choices: Rows = ()


async def deal_view(
    turn: Turn, draft_id: int, payload: CapturePayload, judged: Judgement | None
) -> DealView:
    data = payload.get("deal")
    if not data:
        return DealView(DealSay(), DEFAULT_BOOK)
    repo = DealRepo(turn.session, turn.actor)
    book = await repo.stages()
    known = await known_customer(turn, payload, judged)
    customer = known.customer or known.likely
    if customer is None:
        return DealView(DealSay(), book)
    target = await deal_target(repo, customer, data, payload.get("resolve") or {})
    choices = deal_choices(turn, draft_id, target, book) if target.choices else ()
    deal = target.deal
    if deal is None:
        return DealView(DealSay(ask=not target.decided), book, choices)
    book = replace(book, currency=deal.currency)
    involved = {label for c in await repo.contacts(deal) for label in (c.salutation, c.name)}
    people = [
        who
        for c in payload.get("contacts") or []
        if (who := contact_label(c)) != "?" and who not in involved
    ]
    changes = changes_text(
        turn._, deal, note_update(deal, data), book, turn.today(),
        payload.get("competitors") or [], people,
    )  # fmt: skip
    maybe = known.likely.name if known.customer is None and known.likely is not None else None
    return DealView(DealSay(deal.title, changes, maybe), book, choices)


async def own_reminder(turn: Turn, draft: Draft, payload: CapturePayload) -> bool:
    """Whether 保存 would keep the note as the rep's own reminder, with no customer: follow-ups
    alone, no company, and no customer found for the person it names (as notes.save_capture)."""
    if payload.get("company") or "customer" in (payload.get("resolve") or {}):
        return False
    if not reminder_only(payload) or await granted_customer(turn.session, turn.actor, draft):
        return False
    return await customer_of_named_person(turn, payload) is None


async def _found_through_person(
    turn: Turn, draft: Draft, payload: CapturePayload
) -> Customer | None:
    """The customer 保存 files a note naming no company under, through the one contact it names
    (as notes.save_capture): said on the card, so the rep knows before saving."""
    if payload.get("company") or "customer" in (payload.get("resolve") or {}):
        return None
    if await granted_customer(turn.session, turn.actor, draft):
        return None
    return await customer_of_named_person(turn, payload)


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
    company = payload["company"]
    judged = await judge(turn.session, turn.actor, company) if company else None
    hint = customer_hint(turn, payload, judged)
    view = await deal_view(turn, draft.id, payload, judged)
    found = await _found_through_person(turn, draft, payload)
    text = render_capture(
        turn._,
        payload,
        turn.member.timezone,
        now.date(),
        hint,
        view.say,
        view.book,
        now,
        draft.text,
        found.name if found is not None else None,
    )
    for line in unread_lines(turn._, draft.text or "", payload):
        text += "\n" + line
    choices = list(view.choices)
    if await own_reminder(turn, draft, payload):
        # said plainly, with the way to file it under a customer after all
        text += "\n" + turn._("⏰ 存为你自己的提醒(没有找到客户)")
        choices.append([(turn._("🏢 选客户"), callbacks.pick_customer(draft.id))])
    markup = capture_buttons(turn, draft.id, choices)
    if repeated is not None:
        text += "\n" + repeated
        markup = repeat_buttons(turn, draft.id)
    asked_about(turn, draft)
    if edit:
        turn.edit(text, markup)
    else:
        turn.say(text, markup)
