"""What handlers need from the composition root, kept in bot_data under one key."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from telegram.ext import CallbackContext

from handlers.kit.offload import Offload
from storage.engine import SessionFactory

DEPS_KEY = "deps"


@dataclass
class Deps:
    sessions: SessionFactory
    default_timezone: str = "Asia/Shanghai"
    default_language: str = "zh_Hans"
    upload_max_bytes: int = 5 * 1024 * 1024  # an imported file, however Telegram describes it
    import_max_rows: int = 5000
    offload: Offload = field(default_factory=Offload)  # file reading, in a limited process


def deps(context: CallbackContext[Any, Any, Any, Any]) -> Deps:
    found = context.application.bot_data[DEPS_KEY]
    assert isinstance(found, Deps)
    return found
