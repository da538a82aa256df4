"""Everything Telegram-facing. `register` adds the handlers to an Application in order."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, BaseHandler, CommandHandler

from handlers.account.onboarding import help_command, start
from handlers.account.preferences import preference_handlers
from handlers.capture.notes import capture_handlers
from handlers.customers.archive import customer_handlers
from handlers.customers.checkin import checkin_handlers
from handlers.customers.edit import archive_edit_handlers
from handlers.fallback import fallback_handlers
from handlers.flows.catalog import flow_handlers
from handlers.kit.cancel import nothing_to_cancel
from handlers.reminders.buttons import reminder_handlers
from handlers.reminders.settings import reminder_settings_handlers
from handlers.reminders.today import today_handlers
from handlers.team.managers import manager_handlers
from handlers.team.members import team_handlers
from handlers.transfer.importing import import_handlers


def register(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """One group, in order: PTB runs the first handler that matches, so conversations come
    first (their steps win), then commands and buttons, and the catch-alls last."""
    handlers: list[object] = [
        *manager_handlers(),  # first: its group-chat guard takes every group update
        CommandHandler("start", start),
        CommandHandler("help", help_command),
        *flow_handlers(),
        *team_handlers(),
        *customer_handlers(),
        *today_handlers(),
        *reminder_settings_handlers(),
        *reminder_handlers(),
        *preference_handlers(),
        *capture_handlers(),
        *archive_edit_handlers(),
        *checkin_handlers(),
        *import_handlers(),
        CommandHandler("cancel", nothing_to_cancel),
        *fallback_handlers(),
    ]
    for handler in handlers:
        assert isinstance(handler, BaseHandler)
        application.add_handler(handler)
