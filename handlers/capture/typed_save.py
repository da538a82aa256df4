"""保存 typed at an open capture card does what its ✅ 保存 does (tryout 10: the word was taken as
a new note, and the card and the word both went to /drafts). The button is pressed for the
member, so saving is written once (notes.capture_button); with no card open the word is no
note either: the member is told there is nothing to save.

算了不记了, 不要了 … typed at an open card are its 取消 (tryout 12: they became a new note).
Only there: with no card open, or a value being typed, they are text like any other."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, MessageHandler, filters

from handlers.capture import callbacks
from handlers.capture.asked import DRAFT_QUESTION
from handlers.capture.typed import value_or_note
from handlers.kit import pending, questions
from handlers.kit.keyboards import DROP_WORDS, main_keyboard
from handlers.kit.turn import Ctx, Turn, member_turn

SAVE_WORDS = r"(?i)^\s*(保存|保存吧|存吧|存一下|确认保存|save)\s*[。.!！]?\s*$"
# DROP_WORDS (kit/keyboards) are said of the card just shown (取消 and 算了 alone are
# CANCEL_WORDS everywhere).


def _open_card(context: Ctx) -> dict[str, Any] | None:
    """What the card last asked about says (draft, chat, message, kind), if one is open."""
    asked = context.user_data.get(pending.ASKED_KEY) if context.user_data is not None else None
    if not isinstance(asked, dict) or asked.get("question") != DRAFT_QUESTION.key:
        return None
    if not all(isinstance(asked.get(key), int) for key in ("draft", "chat", "message")):
        return None
    return asked


async def typed_save(update: Update, context: Ctx) -> None:
    card = _open_card(context)
    if card is not None and card.get("kind") == "note":
        await customer_first(update, context)  # 这条记录记在哪个客户名下? is still asked
        return
    if card is not None:
        save = callbacks.save(card["draft"])
        if await questions.press_for(update, context, save, card["chat"], card["message"]):
            return
    await nothing_to_save(update, context)


@member_turn
async def customer_first(turn: Turn) -> None:
    turn.say(turn._("先点上面的按钮选这条记录的客户,或发 取消。"))


@member_turn
async def nothing_to_save(turn: Turn) -> None:
    _ = turn._
    turn.say(
        _("现在没有等待保存的记录。直接发一句话就能记一条。"),
        main_keyboard(_, manager=turn.member.is_manager),
    )


async def typed_drop(update: Update, context: Ctx) -> None:
    """算了不记了 at an open card: its ❌ 取消 is pressed (a note filed under no customer has
    none and stays a draft). Else the words are taken as any text is."""
    card = _open_card(context)
    if card is not None and pending.waiting_in(context.user_data) is None:
        drop = (
            callbacks.note_customer(card["draft"], 0)  # 📝 先存为草稿: it is one already
            if card.get("kind") == "note"
            else callbacks.cancel(card["draft"])
        )
        if await questions.press_for(update, context, drop, card["chat"], card["message"]):
            return
    await value_or_note(update, context)  # as the fallback takes any text


def typed_save_handlers() -> list[BaseHandler[Update, Ctx, object]]:
    return [
        MessageHandler(filters.TEXT & filters.Regex(SAVE_WORDS), typed_save),
        MessageHandler(filters.TEXT & ~filters.COMMAND & filters.Regex(DROP_WORDS), typed_drop),
    ]
