"""Reminders: /today, the buttons on pushes, the reminder settings."""

from __future__ import annotations

from handlers.kit import pending
from handlers.kit.groups import AnyApplication, add
from handlers.reminders.buttons import reminder_handlers
from handlers.reminders.settings import DIGEST_TIME_TYPED, reminder_settings_handlers
from handlers.reminders.today import today_handlers
from handlers.reminders.typed_time import register_typed_time


def register(application: AnyApplication) -> None:
    pending.accept(DIGEST_TIME_TYPED)
    register_typed_time()  # a time typed at ⏰ 推迟's choices
    add(application, [*today_handlers(), *reminder_settings_handlers(), *reminder_handlers()])
