"""/cancel leaves any conversation from anywhere."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, ConversationHandler, MessageHandler, filters

from handlers.kit import commands, pending, questions
from handlers.kit.keyboards import CANCEL_WORDS, main_keyboard
from handlers.kit.turn import Ctx, Turn, member_turn


@member_turn
async def cancel(turn: Turn) -> int:
    return cancelled(turn)


def cancelled(turn: Turn) -> int:
    """/cancel or 取消 in a conversation (or words that mean it there): it ends, nothing kept."""
    _ = turn._
    pending.end_flow(turn)  # or a shared location would still go to the cancelled visit
    pending.settled(turn)  # the flow's ❌ is gone with it: 取消 next has nothing to press
    turn.say(_("已取消。有需要随时找我。"), main_keyboard(_, manager=turn.member.is_manager))
    return ConversationHandler.END


@member_turn
async def nothing_to_cancel(turn: Turn) -> None:
    """/cancel or 取消 outside a conversation: it may still end a value being typed, or close
    a question its buttons answer (kit/pending.py). The word is never a note."""
    _ = turn._
    waiting = pending.waiting(turn)
    if waiting is not None:
        pending.settled(turn)  # the value was the question last asked
        await pending.give_up(turn, waiting)
        return
    if await pending.close_question(turn):
        return
    turn.say(_("现在没有进行中的操作。"), main_keyboard(_, manager=turn.member.is_manager))


async def typed_cancel(update: Update, context: Ctx) -> None:
    """/cancel or 取消 outside a conversation: the ❌ of a question its buttons answer is
    pressed for the member (kit/questions.py); else as above."""
    if not await questions.press_close(update, context):
        await nothing_to_cancel(update, context)


def cancel_fallbacks() -> list[BaseHandler[Update, Ctx, object]]:
    """Fallbacks every conversation shares: /cancel and the word 取消."""
    return [
        CommandHandler(commands.CANCEL.name, cancel),
        MessageHandler(filters.Regex(CANCEL_WORDS), cancel),
    ]
