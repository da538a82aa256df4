"""Any text typed outside a guided flow: the value a form waits for, or else a note.

A text that reads as a note (a visit, a follow-up, a date, a fact about a person — or plainly
a sentence) is no value for a form that gives way to notes (🔍 查找: a visit note typed while
it waited had been searched for and dropped, tryout 13): the form ends, saying so, and the
note's card is shown.
"""

from __future__ import annotations

import re
from datetime import datetime

from handlers.capture.notes import MAX_NOTE, capture_text
from handlers.kit import pending
from handlers.kit.turn import Turn, member_turn, message_text
from parsing.dates import find_all_when
from parsing.notes import Note, parse_note

# A person's facts beyond a name or a number: someone is being told about, not looked up.
_PERSON_FACTS = ("birthday", "hobbies", "family", "native_place", "education", "decision_role",
                 "personality", "born_year")  # fmt: skip
_SENTENCE_MARK = re.compile(r"[,，。!！?？;；]")
SENTENCE = 30  # characters: a name, a number or a keyword is shorter
LONGEST_NAME = 40  # a company's name typed at 这条记录属于哪个客户?


def reads_as_note(note: Note, text: str, now: datetime) -> bool:
    """Whether `text` (read as `note`) is a note rather than a name, a phone or a keyword:
    something happened or is to be done (a visit, a follow-up, a trip), a customer's or a
    person's facts are told, a day is named beside other words, or it is plainly a
    sentence."""
    told = bool(
        note.interaction
        or note.follow_ups
        or note.itineraries
        or note.purchase_cycle
        or note.payment_cycle
        or note.competitors
        or any(getattr(c, key) for c in note.contacts for key in _PERSON_FACTS)
    )
    size = len("".join(text.split()))
    dated = size > 6 and bool(find_all_when(text, now))
    sentence = size > SENTENCE or (size > 10 and bool(_SENTENCE_MARK.search(text)))
    return told or dated or sentence


def _as_note(text: str, now: datetime) -> Note | None:
    note = parse_note(text[:MAX_NOTE], now)
    return note if reads_as_note(note, text, now) else None


@member_turn
async def value_or_note(turn: Turn) -> None:
    """A value for the field being corrected, or else a note to capture."""
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
    await capture_text(turn, text)
