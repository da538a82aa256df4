"""保存 typed at an open capture card does what its ✅ 保存 does (tryout 10: the word was taken as
a new note, and the card and the word both went to /drafts). The button is pressed for the
member, so saving is written once (notes.capture_button); with no card open the word is no
note either: the member is told there is nothing to save."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, MessageHandler, filters

from handlers.capture import callbacks
from handlers.capture.asked import DRAFT_QUESTION
from handlers.kit import pending, questions
from handlers.kit.keyboards import main_keyboard
from handlers.kit.turn import Ctx, Turn, member_turn

SAVE_WORDS = r"(?i)^\s*(保存|保存吧|存吧|存一下|确认保存|save)\s*[。.!！]?\s*$"


async def typed_save(update: Update, context: Ctx) -> None:
    user_data = context.user_data
    asked = user_data.get(pending.ASKED_KEY) if user_data is not None else None
    open_draft = (
        isinstance(asked, dict)
        and asked.get("question") == DRAFT_QUESTION.key
        and isinstance(asked.get("draft"), int)
        and isinstance(asked.get("chat"), int)
        and isinstance(asked.get("message"), int)
    )
    if open_draft and isinstance(asked, dict) and asked.get("kind") == "note":
        await customer_first(update, context)  # 这条记录记在哪个客户名下? is still asked
        return
    if open_draft and isinstance(asked, dict):
        save = callbacks.save(int(asked["draft"]))
        if await questions.press_for(update, context, save, asked["chat"], asked["message"]):
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


def typed_save_handlers() -> list[BaseHandler[Update, Ctx, object]]:
    return [MessageHandler(filters.TEXT & filters.Regex(SAVE_WORDS), typed_save)]
