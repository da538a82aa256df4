"""Everything Telegram-facing. `register` adds the handlers to an Application in order."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, BaseHandler, CommandHandler

from handlers.archive_edit import archive_edit_handlers
from handlers.cancel import nothing_to_cancel
from handlers.capture import capture_handlers
from handlers.checkin import checkin_handlers
from handlers.customers import customer_handlers
from handlers.drafts import draft_handlers
from handlers.fallback import fallback_handlers
from handlers.flows.catalog import flow_handlers
from handlers.importing import import_handlers
from handlers.managers import manager_handlers
from handlers.onboarding import help_command, start
from handlers.preferences import preference_handlers
from handlers.reminder_settings import reminder_settings_handlers
from handlers.reminders import reminder_handlers
from handlers.teams import team_handlers
from handlers.today import today_handlers


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
        *draft_handlers(),
        *archive_edit_handlers(),
        *checkin_handlers(),
        *import_handlers(),
        CommandHandler("cancel", nothing_to_cancel),
        *fallback_handlers(),
    ]
    for handler in handlers:
        assert isinstance(handler, BaseHandler)
        application.add_handler(handler)
