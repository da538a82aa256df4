"""What every domain shares: the turn, the dependencies, keyboards, rendering, /cancel, menus."""

from __future__ import annotations

from telegram.ext import CommandHandler, MessageHandler, filters

from handlers.kit import commands
from handlers.kit.cancel import typed_cancel
from handlers.kit.groups import AnyApplication, add
from handlers.kit.keyboards import CANCEL_WORDS


def register(application: AnyApplication) -> None:
    """/cancel and the word 取消 outside any conversation: after every domain, before the
    catch-alls (so 取消 is never captured as a note)."""
    add(
        application,
        [
            CommandHandler(commands.CANCEL.name, typed_cancel),
            MessageHandler(filters.Regex(CANCEL_WORDS), typed_cancel),
        ],
    )
