"""A question its buttons answer — an import preview, 确定删除吗?, 要新建这个客户吗?, a plan to
submit, 推迟到什么时候? — is closed by 取消 or /cancel typed right after it, as its ❌ button
would: the ❌ is pressed for the member.

One rule for every room, so no room checks the word itself: the last message with buttons a
turn left in the chat is the question, and its button whose label starts with ❌ is what 取消
does — or, where a question's only way out is ⬅️ 返回 (为什么输了?, 改到哪天签约?, a menu of
choices), that button (kit/turn.py records what each turn showed). A page whose buttons only
lead elsewhere (⬅️ 客户列表, ⬅️ 上一页) asks nothing. The press goes to the room's own handler
through the Application, so what it does is written once; being typed, its answer is said
below the question and the question's buttons go (Turn.typed_press). A question whose room
says more than its ❌ (a capture card: kit/pending.Question) is asked explicitly and wins.
"""

from __future__ import annotations

import functools
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler

from handlers.kit import pending
from handlers.kit.groups import MAIN
from handlers.kit.turn import TYPED_PRESS, Ctx, Shown, Turn, after_every_turn
from locales import N_, all_translations

BUTTON = "button"  # the ASKED_KEY's kind: a ❌ to press
GONE = "gone"  # …and a follow-up saved with its hour gone: a time typed next moves it
CLOSE_MARK = "❌"
BACK_LABELS = (N_("⬅️ 返回"), N_("↩️ 返回"))


@functools.cache
def _backs() -> frozenset[str]:
    return frozenset(text for label in BACK_LABELS for text in all_translations(label))


def _closing_button(markup: InlineKeyboardMarkup) -> str | None:
    """The data of the question's ❌ (the first, reading as the member does), else of its
    plain ⬅️ 返回."""
    buttons = [(b.text, b.callback_data) for row in markup.inline_keyboard for b in row]
    data = [(text, d) for text, d in buttons if isinstance(d, str)]
    close = next((d for text, d in data if text.startswith(CLOSE_MARK)), None)
    return close or next((d for text, d in data if text in _backs()), None)


def _last_question(shown: list[Shown]) -> Shown | None:
    """The message with buttons the turn left last (a message whose buttons went is none)."""
    final: dict[tuple[int, int], Shown] = {}
    for item in shown:
        final.pop((item.chat_id, item.message_id), None)  # the latest touch is the latest
        final[(item.chat_id, item.message_id)] = item
    with_buttons = [item for item in final.values() if item.markup is not None]
    return with_buttons[-1] if with_buttons else None


def note_question(turn: Turn) -> None:
    """After a turn: the ❌ of the question it left, for 取消 next (unless a room asked its own
    question this turn)."""
    user_data = turn.context.user_data
    if user_data is None:
        return
    last = _last_question(turn.shown)
    asked = user_data.get(pending.ASKED_KEY)
    if isinstance(asked, dict):  # a room's own question: where it is, so 取消 takes its buttons
        if last is not None and "message" not in asked:
            asked.update(chat=last.chat_id, message=last.message_id)
        return
    data = _closing_button(last.markup) if last is not None and last.markup else None
    if last is None or last.markup is None or data is None:
        return
    user_data[pending.ASKED_KEY] = {
        "question": BUTTON,
        "data": data,
        "chat": last.chat_id,
        "message": last.message_id,
        "markup": last.markup.to_dict(),
    }


def _pressed(
    update: Update, context: Ctx, data: str, chat: int, message: int, markup: Any = None
) -> Update | None:
    """A button pressed on the question's message, as Telegram would send it."""
    user, said = update.effective_user, update.effective_message
    if user is None or said is None:
        return None
    pressed: dict[str, Any] = {
        "update_id": update.update_id,
        "callback_query": {
            "id": TYPED_PRESS,
            "from": user.to_dict(),
            "chat_instance": TYPED_PRESS,
            "data": data,
            "message": {
                "message_id": message,
                "date": int(said.date.timestamp()),
                "chat": {"id": chat, "type": "private"},
                **({"reply_markup": markup} if markup is not None else {}),
            },
        },
    }
    return Update.de_json(pressed, context.bot)


async def press_for(
    update: Update, context: Ctx, data: str, chat: int, message: int, markup: Any = None
) -> bool:
    """Press the button with `data` on `message` for the member, through the room's own
    CallbackQueryHandler (a typed press); whether a handler took it."""
    pressed = _pressed(update, context, data, chat, message, markup)
    if pressed is None:
        return False
    application = context.application
    handler: BaseHandler[Any, Any, Any]
    for handler in application.handlers.get(MAIN, []):
        check = handler.check_update(pressed)
        if check is None or check is False:
            continue
        inner = application.context_types.context.from_update(pressed, application)
        await handler.handle_update(pressed, application, check, inner)
        return True
    return False


async def press_close(update: Update, context: Ctx) -> bool:
    """取消 or /cancel typed: the ❌ of the question last asked is pressed, if one is open and
    no value waits (a value's 取消 is the value's). Whether it was."""
    user_data = context.user_data
    asked = user_data.get(pending.ASKED_KEY) if user_data is not None else None
    if user_data is None or not isinstance(asked, dict) or asked.get("question") != BUTTON:
        return False
    if pending.waiting_in(user_data) is not None:
        return False
    user_data.pop(pending.ASKED_KEY, None)
    return await press_for(
        update, context, asked["data"], asked["chat"], asked["message"], asked["markup"]
    )


after_every_turn(note_question)
