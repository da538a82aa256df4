"""Any text typed outside a guided flow: the value a form waits for, the answer to a capture
card's 这条记录属于哪个客户?, or else a note (tryout 13).

Nothing typed is lost on the way:
- a text that reads as a note (a visit, a follow-up, a date, a fact about a person — or plainly
  a sentence) is no value for a form that gives way to notes (🔍 查找: a visit note typed while
  it waited had been searched for and dropped): the form ends, saying so, and the note's card
  is shown;
- a company's name typed at 这条记录属于哪个客户? answers it: one of the rep's customers by that
  name takes the note, a name like another is asked about, a new name is put on the card for
  保存 to create (it had made an empty card of its own, the note left unsaid in /drafts);
- a new note that leaves a card unsaved says in one line that the card waits in /drafts.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from sqlalchemy.orm.attributes import flag_modified

from handlers.capture.asked import card_left, customer_asked
from handlers.capture.notes import save_capture
from handlers.capture.payload import capture_payload
from handlers.capture.reading import MAX_NOTE, capture_text
from handlers.capture.show import show_capture
from handlers.kit import pending
from handlers.kit.note_or_name import reads_as_note
from handlers.kit.turn import Turn, member_turn, message_text
from parsing.notes import Note, parse_note
from parsing.text import holds_no_words
from storage.matching import judge
from storage.models import Draft

LONGEST_NAME = 40  # a company's name typed at 这条记录属于哪个客户?


def only_a_name(text: str, now: datetime) -> str | None:
    """The text as a company's name typed alone (万科集团, 华西): no person, grade or deal, and
    nothing that reads as a note; else None."""
    name = " ".join(text.split())
    if not name or len(name) > LONGEST_NAME or holds_no_words(name):
        return None
    read = parse_note(name, now)
    if read.contacts or read.grade or read.deal or reads_as_note(read, name, now):
        return None
    return name


def _as_note(text: str, now: datetime) -> Note | None:
    note = parse_note(text[:MAX_NOTE], now)
    return note if reads_as_note(note, text, now) else None


# Whether typed text was taken for something other than a note (fallback.py: a customer's
# name typed alone opens its card); called only when no value or answer was awaited.
Taken = Callable[[Turn, str], Awaitable[bool]]


@member_turn
async def value_or_note(turn: Turn) -> None:
    await take_text(turn)


async def take_text(turn: Turn, taken: Taken | None = None) -> None:
    """A value for the field being corrected, the company a card asked for, what `taken`
    takes, or else a note to capture."""
    text = message_text(turn)
    edit = pending.waiting(turn)
    if edit is not None:
        note = _as_note(text, turn.now()) if edit.notes_first else None
        if note is None:
            await pending.take(turn, edit, text)
            return
        pending.finish(turn, edit)
        _ = turn._
        turn.say(_("这段话像一条新记录,已退出{title},按记录记下:", title=_(edit.title)))
        await capture_text(turn, text, note=note)
        return
    if await pending.typed_answer(turn, text) or await _names_the_customer(turn, text):
        return
    await _say_parked(turn)
    if taken is None or not await taken(turn, text):
        await capture_text(turn, text)


async def _left_draft(turn: Turn, draft_id: int | None) -> Draft | None:
    draft = await turn.session.get(Draft, draft_id) if draft_id is not None else None
    if draft is None or draft.member_id != turn.member.id:
        return None  # saved, dropped or kept since
    return draft


async def _say_parked(turn: Turn) -> None:
    """A new note while a card waited for 保存: the card is not lost, and the rep is told
    where it is (its buttons still work too)."""
    draft = await _left_draft(turn, card_left(turn.left))
    if draft is not None and draft.kind in ("capture", "note"):
        turn.say(turn._("📝 上一条还没保存,已放进草稿(/drafts)。"))


async def _names_the_customer(turn: Turn, text: str) -> bool:
    """这条记录属于哪个客户? answered by typing the company (万科集团): whether the text was
    taken as that answer. A note, a person or a long text is a new note instead."""
    draft = await _left_draft(turn, customer_asked(turn.left))
    if draft is None or draft.kind != "capture" or turn.left is None:
        return False
    payload = capture_payload(draft.payload)
    name = only_a_name(text, turn.now())
    if payload.get("company") or name is None:
        return False
    payload["company"] = name
    payload.get("resolve", {}).pop("customer", None)
    flag_modified(draft, "payload")
    pending.take_buttons(turn, turn.left)  # answered: its customers' buttons go
    judged = await judge(turn.session, turn.actor, name)
    if judged.anything:  # theirs: saved there; like one of theirs or a colleague's: asked
        await save_capture(turn, draft)
    else:  # a new customer: the card says so (新客户), and 保存 creates it
        await show_capture(turn, draft, edit=False)
    return True
