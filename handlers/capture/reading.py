"""A note typed (or read again from /drafts, or a guided step's answer that turned out to be
one) becomes its confirmation card: read, the rep left out of it, kept as a draft until 保存.
A note nothing was read from asks which customer it goes under (记在哪个客户名下?).

Kept apart from notes.py (保存 and the card's buttons) so that what shows a new card — typed
text, /drafts, a doubted answer (doubt.py) — need not import the saving."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from handlers.capture import callbacks
from handlers.capture.asked import asked_about
from handlers.capture.business_card import typed_card_extras
from handlers.capture.payload import has_content, note_to_payload
from handlers.capture.plans import take_plan
from handlers.capture.show import show_capture
from handlers.kit.keyboards import inline
from handlers.kit.turn import Turn
from parsing.notes import Note, parse_note
from parsing.text import holds_no_words
from storage.customers import CustomerRepo
from storage.matching import customer_named_in
from storage.models import Draft

MAX_NOTE = 4000
RECENT_CUSTOMERS = 6


async def capture_text(
    turn: Turn, text: str, *, edit: bool = False, note: Note | None = None
) -> None:
    """A note: its card (in place of the pressed message with `edit`, when a guided step's
    answer turned out to be a note). `note`: the text as read already (capture/typed.py)."""
    _ = turn._
    text = text[:MAX_NOTE]
    if holds_no_words(text):  # 5, 😀😀😀: nothing to keep, no draft to clear away later
        turn.say(
            _(
                "🤔 这条消息里没有可以记下的内容。直接发一句话给我就行,例如:"
                "今天拜访了华东电力设计院的王局长,下周五跟进报价。发 /help 看看我能做什么。"
            )
        )
        return
    note = without_the_rep(note or parse_note(text, turn.now()), turn.member.name)
    payload = note_to_payload(note)
    if not payload["company"]:  # 万达过两天回话: a bare name the rep's customer list knows
        payload["company"] = await customer_named_in(
            turn.session, turn.actor, _without(text, payload.get("competitors") or [])
        )
    extras = typed_card_extras(text)
    if extras:  # 地址：青岛市市北区登州路56号 on a pasted card: kept for the customer
        payload["card"] = extras
    take_plan(payload, text, turn.today())
    if not has_content(payload):
        await _keep_unparsed(turn, text)
        return
    draft = Draft(member_id=turn.member.id, kind="capture", text=text, payload=payload)
    turn.session.add(draft)
    await turn.session.flush()
    await show_capture(turn, draft, edit=edit)


def _without(text: str, names: list[str]) -> str:
    """The text with the competitors it names blanked out: a rival is never the customer."""
    for name in names:
        text = text.replace(name, " ")
    return text


def without_the_rep(note: Note, rep_name: str) -> Note:
    """A pasted chat names the rep as one of its speakers (王磊 10:33 …): the rep is never a
    contact of the customer's."""
    own = rep_name.replace(" ", "")
    kept = [c for c in note.contacts if not own or (c.name or "").replace(" ", "") != own]
    return note if len(kept) == len(note.contacts) else dataclasses.replace(note, contacts=kept)


async def _keep_unparsed(turn: Turn, text: str) -> None:
    draft = Draft(member_id=turn.member.id, kind="note", text=text)
    turn.session.add(draft)
    await turn.session.flush()
    question = turn._("📝 我没看出客户、联系人或日期。这条记录记在哪个客户名下?")
    await ask_note_customer(turn, draft, question)


Rows = list[list[tuple[str, str]]]


async def customers_page(
    turn: Turn, offset: int, pick: Callable[[int], str], page_at: Callable[[int], str]
) -> tuple[Rows, bool]:
    """A page of the rep's customers as buttons (``pick`` a customer's id), then ⬅️ 上一页 /
    下一页 ➡️ (``page_at`` an offset) while there are more, so every customer is reachable; and
    whether the page holds any customer."""
    _ = turn._
    page = await CustomerRepo(turn.session, turn.actor).page(offset, RECENT_CUSTOMERS + 1)
    customers, more = page[:RECENT_CUSTOMERS], len(page) > RECENT_CUSTOMERS
    rows: Rows = [[(f"🏢 {c.name}", pick(c.id))] for c in customers]
    pager = []
    if offset > 0:
        pager.append((_("⬅️ 上一页"), page_at(max(offset - RECENT_CUSTOMERS, 0))))
    if more:
        pager.append((_("下一页 ➡️"), page_at(offset + RECENT_CUSTOMERS)))
    if pager:
        rows.append(pager)
    return rows, bool(customers)


async def ask_note_customer(
    turn: Turn, draft: Draft, question: str, offset: int = 0, *, edit: bool = False
) -> None:
    """记在哪个客户名下? for a note nothing was read from: a page of the rep's customers (every
    one reachable with ⬅️ / ➡️) and 📝 先存为草稿, which keeps it and closes the question."""
    _ = turn._
    rows, any_customer = await customers_page(
        turn,
        offset,
        lambda cid: callbacks.note_customer(draft.id, cid),
        lambda at: callbacks.note_page(draft.id, at),
    )
    if not any_customer and not offset:
        turn.say(
            _(
                "📝 我没看出客户、联系人或日期,已存为草稿,不会丢失。用 /customer 客户名 建档后可以再记。"
            )
        )
        return
    rows.append([(_("📝 先存为草稿"), callbacks.note_customer(draft.id, 0))])
    asked_about(turn, draft)
    turn.edit(question, inline(rows)) if edit else turn.say(question, inline(rows))
