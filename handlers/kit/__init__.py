"""What every domain shares: the turn, the dependencies, keyboards, rendering, /cancel, menus."""

from __future__ import annotations

from telegram.ext import CommandHandler

from handlers.kit import commands
from handlers.kit.cancel import nothing_to_cancel
from handlers.kit.groups import AnyApplication, add


def register(application: AnyApplication) -> None:
    """/cancel outside any conversation: after every domain, before the catch-alls."""
    add(application, [CommandHandler(commands.CANCEL.name, nothing_to_cancel)])
