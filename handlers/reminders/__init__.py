"""Reminders: /today, the buttons on pushes, the reminder settings."""

from __future__ import annotations

from handlers.kit.groups import AnyApplication, add
from handlers.reminders.buttons import reminder_handlers
from handlers.reminders.settings import reminder_settings_handlers
from handlers.reminders.today import today_handlers


def register(application: AnyApplication) -> None:
    add(application, [*today_handlers(), *reminder_settings_handlers(), *reminder_handlers()])
