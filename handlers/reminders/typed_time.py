"""A time typed right after ⏰ 推迟 (改到明天下午4点, 明天下午4点, 4点): the item moves to it, as
its 1小时后 / 明天 / 下周 would have moved it (tryout 13: the words became a new reminder of
their own, 改到明天下午4点, and the meeting stayed at 15:00).

The 推迟 choices are a question its buttons answer (kit/questions.py notes its ⬅️ 返回), and so
is a save that said a follow-up's hour had gone (capture/gone.py); the text typed next is
offered here first (kit/pending.answer_typed). Only a time — the words
around it no more than 改到, 推迟到, 吧 … — is taken; anything else is a note as usual. A
follow-up moves; another digest item (a birthday, a cold customer …) is pushed again then.
"""

from __future__ import annotations

import contextlib
import re
from datetime import date, datetime, time
from typing import Any

from telegram import InlineKeyboardMarkup
from telegram.error import BadRequest

from handlers.kit import pending
from handlers.kit.questions import BUTTON, GONE
from handlers.kit.render import moment
from handlers.kit.turn import Turn
from handlers.reminders.buttons import move_follow_up, moved_line, push_again
from parsing.dates import parse_when, remainder
from storage import push_buttons
from storage.models import FollowUpStatus
from storage.planning import open_follow_up

# What may stand around the time: the verb of moving it, a particle, punctuation.
_AROUND = re.compile(
    r"改到|改成|改为|改在|推迟到|推迟|推到|延后到|延期到|延到|顺延到|挪到|换到|调到|提前到|放到|"
    r"再提醒我|提醒我|那就|就|吧|到|[\s,，。.!！~～]"
)
MORNING = time(9, 0)  # a day alone for an item with no hour: pushed again that morning


def typed_moment(text: str, now: datetime) -> date | datetime | None:
    """The day or moment `text` says and nothing else (改到明天下午4点), if it is ahead."""
    when = parse_when(text, now)
    if when is None or _AROUND.sub("", remainder(text, when)):
        return None
    return when.start


async def _answer(turn: Turn, text: str, left: dict[str, Any]) -> bool:
    """The text typed at 推迟's choices, if it is a time: the item moved (or pushed again)."""
    found = push_buttons.BACK.match(str(left.get("data") or ""))
    if left.get("question") not in (BUTTON, GONE) or found is None:
        return False
    now = turn.now()
    due = typed_moment(text.strip(), now)
    if due is None:
        return False
    _ = turn._
    if (due if isinstance(due, datetime) else datetime.combine(due, time.max, now.tzinfo)) <= now:
        pending.keep_asking(turn, left)  # still at the choices: another time may follow
        turn.say(_("这个时间已经过了,请说一个以后的时间,例如:明天下午4点。"))
        return True
    first, item = int(found.group(1)), found.group(2)
    if item is None:
        follow_up = await open_follow_up(turn.session, first, turn.member.id)
        if follow_up is None or follow_up.status != FollowUpStatus.OPEN:
            return False
        await move_follow_up(turn, follow_up, due)
        when = follow_up.due_at or follow_up.due_date
        said = _("⏰ 已改到 {when}", when=moment(_, when, turn.member.timezone, now.date()))
        turn.say(await moved_line(turn, follow_up, said))  # the day with its weekday, as typed
    else:
        at = due if isinstance(due, datetime) else datetime.combine(due, MORNING, now.tzinfo)
        if not await push_again(turn, first, int(item), at):
            return False
        turn.say(_("⏰ 已改到 {when}", when=moment(_, at, turn.member.timezone, now.date())))
    _choices_go(turn, left)
    return True


def _choices_go(turn: Turn, left: dict[str, Any]) -> None:
    """The choices under the item go, as when 明天 is pressed (the item has moved)."""
    chat, message, markup = left.get("chat"), left.get("message"), left.get("markup")
    if not isinstance(chat, int) or not isinstance(message, int) or not isinstance(markup, dict):
        return
    old = InlineKeyboardMarkup.de_json(markup, turn.context.bot)
    back = left.get("data")
    rows = [row for row in old.inline_keyboard if not any(b.callback_data == back for b in row)]
    bot = turn.context.bot

    async def edit() -> None:
        with contextlib.suppress(BadRequest):  # gone, or too old: the answer says it moved
            await bot.edit_message_reply_markup(
                chat, message, reply_markup=InlineKeyboardMarkup(rows) if rows else None
            )

    turn.later(edit)


def register_typed_time() -> None:
    pending.answer_typed(_answer)
