"""The member's own account: /start, /help, /language."""

from __future__ import annotations

from telegram.ext import CommandHandler

from handlers.account.onboarding import help_command, start
from handlers.account.preferences import preference_handlers
from handlers.kit import commands
from handlers.kit.groups import AnyApplication, add


def register(application: AnyApplication) -> None:
    add(
        application,
        [
            CommandHandler(commands.START.name, start),
            CommandHandler(commands.HELP.name, help_command),
            *preference_handlers(),
        ],
    )
