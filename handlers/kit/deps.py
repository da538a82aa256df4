"""What handlers need from the composition root, kept in bot_data under one key."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from telegram.ext import CallbackContext

from storage.engine import SessionFactory

DEPS_KEY = "deps"


@dataclass
class Deps:
    sessions: SessionFactory
    default_timezone: str = "Asia/Shanghai"
    default_language: str = "zh_Hans"


def deps(context: CallbackContext[Any, Any, Any, Any]) -> Deps:
    found = context.application.bot_data[DEPS_KEY]
    assert isinstance(found, Deps)
    return found
