"""Whether text typed where a name, a phone or a keyword is asked for is a note instead.

One rule for quick capture's typed answers (capture/typed), the guided flows' name steps
(flows/steps, flows/catalog) and 编辑资料 → 客户名称 (customers/edit): each refuses or captures
what this reads as a note, so a note typed at the wrong question is never filed as a name.
"""

from __future__ import annotations

import re
from datetime import datetime

from handlers.kit.render import PUNCTUATED_NAME, SENTENCE_MARK
from parsing.dates import find_all_when
from parsing.notes import Note

__all__ = ["SENTENCE", "reads_as_note"]

# A person's facts beyond a name or a number: someone is being told about, not looked up.
_PERSON_FACTS = ("birthday", "hobbies", "family", "native_place", "education", "decision_role",
                 "personality", "born_year")  # fmt: skip
SENTENCE = 30  # characters: a name, a number or a keyword is shorter
_WORDS = re.compile(r"[^\W_]")  # a letter or a digit of any script: not punctuation or space


def reads_as_note(note: Note, text: str, now: datetime, *, plain: int = SENTENCE) -> bool:
    """Whether `text` (read as `note`) is a note rather than a name, a phone or a keyword:
    something happened or is to be done (a visit, a follow-up, a trip), a customer's or a
    person's facts are told, a day is named beside other words, or it is plainly a
    sentence. `plain`: unpunctuated text longer than this is a sentence by its length alone
    (a step that refuses outright passes its own limit: a long company name is no note).
    A day and nothing else (中秋, 月底) tells nothing to do: a word to look up (tryout 16)."""
    if _only_a_day(text, now):
        return False
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
    sentence = size > plain or (size > PUNCTUATED_NAME and bool(SENTENCE_MARK.search(text)))
    return told or dated or sentence


def _only_a_day(text: str, now: datetime) -> bool:
    """The text is one date expression, give or take punctuation: 中秋, 月底。, 明天."""
    found = find_all_when(text, now)
    if len(found) != 1:
        return False
    start, end = found[0].span
    return not _WORDS.search(text[:start] + text[end:])
