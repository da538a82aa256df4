"""A quick note of a meeting with a customer the rep met today already — noted by /visit, a
check-in or an earlier note — asks on 保存, as /visit asks (kit/same_day.py; tryout 18: the note
was a second visit record of one meeting): 📝 补充到 that record, ➕ 另记一次拜访, or ⬅️ 返回 to the
card. Completed, the record keeps its own words first and gains the note as typed, the people
met and what the note read when the record had none; the note's follow-ups hang on it."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm.attributes import flag_modified

from handlers.capture import callbacks
from handlers.capture.payload import CapturePayload, capture_payload, moment_of
from handlers.kit.keyboards import inline
from handlers.kit.same_day import ANOTHER_LABEL, QUESTION, met_today, record_label
from handlers.kit.turn import Turn
from parsing.dates import day_of
from storage.activities import complete_meeting
from storage.models import Contact, Customer, Draft, Interaction, InteractionKind

MEETINGS = frozenset({InteractionKind.VISIT.value, InteractionKind.MEAL.value})


def _met_on(payload: CapturePayload) -> date | None:
    """The day of the meeting the note tells of (a call or a WeChat is no meeting)."""
    item = payload.get("interaction")
    if not item or item["kind"] not in MEETINGS:
        return None
    return day_of(moment_of(item["when"]))


async def asked_if_met_today(turn: Turn, draft: Draft, customer: Customer) -> bool:
    """Whether 保存 asked which record the note's meeting is (it waits for the answer)."""
    payload = capture_payload(draft.payload)
    resolve = payload.get("resolve") or {}
    # ✅ 仍然保存 of the same note sent again is answer enough: a second one is not asked
    if "same_day" in resolve or resolve.get("again") or _met_on(payload) != turn.today():
        return False
    met = await met_today(turn, customer.id)
    if not met:
        return False
    _ = turn._
    rows = [[(record_label(turn, item), callbacks.same_day(draft.id, item.id))] for item in met]
    rows.append([(_(ANOTHER_LABEL), callbacks.same_day(draft.id, 0))])
    rows.append([(_("⬅️ 返回"), callbacks.back(draft.id))])
    turn.edit(_(QUESTION), inline(rows))
    return True


def answer(draft: Draft, record_id: int) -> None:
    """The rep's answer, kept on the draft for the 保存 it resumes."""
    capture_payload(draft.payload).setdefault("resolve", {})["same_day"] = record_id
    flag_modified(draft, "payload")


async def record_to_complete(turn: Turn, draft: Draft, customer: Customer) -> Interaction | None:
    """Today's record the rep chose to complete with the note (still theirs and today's)."""
    chosen = (capture_payload(draft.payload).get("resolve") or {}).get("same_day")
    if not chosen:
        return None
    return next((m for m in await met_today(turn, customer.id) if m.id == chosen), None)


async def complete(turn: Turn, record: Interaction, draft: Draft, met: list[Contact]) -> None:
    """The note completes the record: its words as typed, then what it read where the record
    says nothing (a guided /visit's answers are the rep's own words, not replaced)."""
    await complete_meeting(turn.session, record, met, draft.text or "")
    item = capture_payload(draft.payload).get("interaction")
    if item:
        record.summary = record.summary or item["summary"]
        record.outcome = record.outcome or item["outcome"]
