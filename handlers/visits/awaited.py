"""A text message awaited after a button: a 纪要 (📝 写纪要), a manager's 批注 or 意见, a visit
plan (/plan). The button stores what is awaited in user_data (AWAITED_KEY); this package's
handler takes the member's next private text (or /cancel) before any flow or capture would
read it as a note, and hands it to the action registered for it."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any, TypedDict

from telegram import Update
from telegram.ext import BaseHandler

from handlers.kit.groups import AnyApplication
from handlers.kit.keyboards import CANCEL_WORDS, any_menu_label, main_keyboard
from handlers.kit.turn import Ctx, Turn, member_turn, message_text

AWAITED_KEY = "visits_awaited"
_CANCEL = re.compile(CANCEL_WORDS)

Action = Callable[[Turn, int, str], Awaitable[None]]
#: action name → what to do with the text (filled by minutes.py and plans.py).
ACTIONS: dict[str, Action] = {}


# A text is awaited this long; after it, or after a tap on the menu, it is no longer.
AWAIT_FOR = timedelta(minutes=30)
_MENU = any_menu_label()


class Awaited(TypedDict):
    action: str
    id: int
    at: float  # POSIX seconds when it began


def awaiting(turn: Turn, action: str, target: int = 0) -> None:
    """Make the member's next text message the input of ``action``."""
    assert turn.context.user_data is not None and action in ACTIONS
    turn.context.user_data[AWAITED_KEY] = Awaited(
        action=action, id=target, at=datetime.now(UTC).timestamp()
    )


def _awaited(turn: Turn) -> Awaited | None:
    value = (turn.context.user_data or {}).get(AWAITED_KEY)
    if not isinstance(value, dict) or value.get("action") not in ACTIONS:
        return None
    return Awaited(
        action=str(value["action"]), id=int(value.get("id", 0)), at=float(value.get("at", 0))
    )


@member_turn
async def awaited_text(turn: Turn) -> None:
    _ = turn._
    assert turn.context.user_data is not None
    awaited = _awaited(turn)
    turn.context.user_data.pop(AWAITED_KEY, None)
    text = message_text(turn).strip()
    if awaited is None:
        turn.say(_("这个操作已失效,请重新开始。"))
        return
    if text.startswith("/cancel") or _CANCEL.match(text):
        turn.say(_("已放弃。有需要随时找我。"), main_keyboard(_, manager=turn.member.is_manager))
        return
    await ACTIONS[awaited["action"]](turn, awaited["id"], text)


class AwaitedTextHandler(BaseHandler[Update, Ctx, None]):
    """A private text message (or /cancel) while something is awaited."""

    def __init__(self, application: AnyApplication) -> None:
        super().__init__(awaited_text)
        self.application = application

    def check_update(self, update: object) -> bool:
        if not isinstance(update, Update) or update.message is None:
            return False
        message = update.message
        if message.text is None or message.chat.type != "private" or update.effective_user is None:
            return False
        if message.text.startswith("/") and not message.text.startswith("/cancel"):
            return False
        data: Any = self.application.user_data.get(update.effective_user.id)
        if not isinstance(data, dict) or AWAITED_KEY not in data:
            return False
        began = data[AWAITED_KEY].get("at", 0) if isinstance(data[AWAITED_KEY], dict) else 0
        stale = datetime.now(UTC).timestamp() - float(began) > AWAIT_FOR.total_seconds()
        if stale or _MENU.check_update(update):
            # A menu tap, or a text long after the button: the member moved on.
            data.pop(AWAITED_KEY, None)
            return False
        return True
