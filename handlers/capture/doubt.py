"""Words typed for a card's ⏰ 跟进事项 that name another of the rep's customers — a whole note
about 顺丰 typed while 万科's card was being corrected — are asked about before they are
taken, as /followup asks (tryout 13): 这段话说的是你的另一个客户「顺丰」。还记为「万科」的跟进吗?

[⏰ 是,记为「万科」的跟进] takes them as typed; [📝 不是,当作一条新记录] leaves the card as it was
in /drafts (and says so) and shows the words' own card; ⬅️ 返回 (or 取消 typed) is the card
again, unchanged. The words wait on the draft meanwhile (CapturePayload.doubt)."""

from __future__ import annotations

import re

from sqlalchemy.orm.attributes import flag_modified

from handlers.capture import callbacks
from handlers.capture.known import customer_named, customer_of
from handlers.capture.payload import DoubtData, capture_payload
from handlers.capture.reading import capture_text
from handlers.capture.show import show_capture
from handlers.kit.keyboards import inline
from handlers.kit.routes import stale
from handlers.kit.turn import Turn
from storage.models import Draft

_FOLLOW_UP_TASK = re.compile(r"^f([0-9]+)a$")  # ⏰ 跟进事项 of the card's n-th follow-up


async def doubted(turn: Turn, draft: Draft, field: str, text: str) -> bool:
    """Whether `text`, typed for `field` of the card, names another customer than the card's
    and was asked about (kept on the draft until answered)."""
    if _FOLLOW_UP_TASK.match(field) is None:
        return False
    payload = capture_payload(draft.payload)
    card = await customer_of(turn, payload)
    other = await customer_named(turn, text) if card is not None else None
    if card is None or other is None or other.id == card.id:
        return False
    payload["doubt"] = DoubtData(field=field, text=text)
    flag_modified(draft, "payload")
    _ = turn._
    question = _(
        "这段话说的是你的另一个客户「{other}」。还记为「{customer}」的跟进吗?",
        other=other.name,
        customer=card.name,
    )
    rows = [
        [
            (
                _("⏰ 是,记为「{customer}」的跟进", customer=card.name),
                callbacks.words_taken(draft.id),
            )
        ],
        [(_("📝 不是,当作一条新记录"), callbacks.words_as_note(draft.id))],
        [(_("⬅️ 返回"), callbacks.back(draft.id))],
    ]
    turn.say(question, inline(rows))
    return True


def _doubt(turn: Turn, draft: Draft) -> DoubtData | None:
    """The words asked about (gone from the draft: answered once)."""
    doubt = capture_payload(draft.payload).pop("doubt", None)
    if doubt is None:
        stale(turn)
        return None
    flag_modified(draft, "payload")
    return doubt


async def take_words(turn: Turn, draft: Draft, found: re.Match[str]) -> None:
    """⏰ 是,记为「万科」的跟进: the words are the follow-up's task, as typed."""
    doubt = _doubt(turn, draft)
    task = _FOLLOW_UP_TASK.match(doubt["field"]) if doubt is not None else None
    follow_ups = capture_payload(draft.payload).get("follow_ups") or []
    if doubt is None or task is None or int(task.group(1)) >= len(follow_ups):
        return
    follow_ups[int(task.group(1))]["action"] = doubt["text"]
    await show_capture(turn, draft, edit=True)


async def words_as_note(turn: Turn, draft: Draft, found: re.Match[str]) -> None:
    """📝 不是,当作一条新记录: the card stays as it was, in /drafts; the words get their own."""
    doubt = _doubt(turn, draft)
    if doubt is None:
        return
    turn.edit(turn._("📝 上一条还没保存,已放进草稿(/drafts)。"))
    await capture_text(turn, doubt["text"])
