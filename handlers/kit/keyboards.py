"""The reply keyboard that reaches every feature, and small inline-keyboard helpers."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup
from telegram.ext import filters

from handlers.kit.callback_data import callback_id
from locales import N_, Translator, all_translations

RECORD = N_("📝 记一笔")
TODAY = N_("📅 今日")
CUSTOMERS = N_("🏢 客户")
FIND = N_("🔍 查找")
TEAM = N_("👥 团队")
SETTINGS = N_("⚙️ 设置")


def main_keyboard(_: Translator, *, manager: bool) -> ReplyKeyboardMarkup:
    """记一笔 / 今日 / 客户 / 查找 / 团队 / 设置 — 团队 only for managers."""
    second_row = [_(FIND), _(TEAM), _(SETTINGS)] if manager else [_(FIND), _(SETTINGS)]
    rows = [[_(RECORD), _(TODAY), _(CUSTOMERS)], second_row]
    return ReplyKeyboardMarkup(
        [[KeyboardButton(label) for label in row] for row in rows],
        resize_keyboard=True,
        is_persistent=True,
        input_field_placeholder=_("直接输入一句话记录,或点下方按钮"),
    )


# Built once per label: the catalogs do not change while the bot runs, and every plain text a
# member sends is checked against the menu's labels (kit/pending.py) — 65 µs a message rebuilt.
@functools.cache
def label_pattern(label: str) -> re.Pattern[str]:
    """Matches the label in any language, with or without its emoji."""
    variants: set[str] = set()
    for text in all_translations(label):
        variants.add(text)
        variants.add(text.split(" ", 1)[-1])
    alternatives = "|".join(sorted(map(re.escape, variants), key=len, reverse=True))
    return re.compile(rf"^\s*(?:{alternatives})\s*$")


def button(text: str, data: str) -> InlineKeyboardButton:
    # Telegram caps callback_data at 64 bytes; our data are short ids, so this is a bug guard.
    assert len(data.encode()) <= 64, data
    return InlineKeyboardButton(text, callback_data=data)


# Ids in our tables are PostgreSQL INTEGERs; a larger number in forged data matches nothing.


def number(text: str, default: int = -1) -> int:
    """The number in a piece of callback data as our buttons write it (ASCII digits within an
    id's range; "²" is not one), or `default` when it is not one of ours."""
    value = callback_id(text)
    return default if value is None else value


def is_number(text: str) -> bool:
    return number(text) >= 0


def inline(rows: Iterable[Sequence[tuple[str, str]]]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[button(text, data) for text, data in row] for row in rows])


MENU_LABELS = (RECORD, TODAY, CUSTOMERS, FIND, TEAM, SETTINGS)


def any_menu_label() -> filters.BaseFilter:
    combined: filters.BaseFilter = filters.Regex(label_pattern(MENU_LABELS[0]))
    for label in MENU_LABELS[1:]:
        combined = combined | filters.Regex(label_pattern(label))
    return combined


# Typing the word is as good as /cancel, in every language — a Hong Kong rep's 算啦 and
# 唔使喇 / 唔記喇 too (tryout 18: 唔記喇 at /visit's 見了誰? became a contact of that name).
CANCEL_WORDS = (
    r"(?i)^\s*(取消|取消操作|算了|算啦|不改了|唔[使要記记改](?:喇|啦|嘞|了)|cancel)\s*[。.!！]?\s*$"
)


# Said of a record being made: at an open capture card they press its ❌ 取消
# (capture/typed_save.py), at a guided flow's step that asks for a name they leave the flow as
# 取消 does (flows/engine.py, Step.names) — no name is 不要了. Anywhere else they are text.
DROP_WORDS = r"^\s*(算了)?\s*(不记了|不要了|不存了|别记了|不用记了)\s*[。.!！]?\s*$"


def text_input() -> filters.BaseFilter:
    """Text a conversation step may take: not a command, a menu tap, or the word 取消."""
    return filters.TEXT & ~filters.COMMAND & ~any_menu_label() & ~filters.Regex(CANCEL_WORDS)
