"""/language, and the language button of /settings (whose screen is reminders/settings.py:
it shows the pushes' times beside the language)."""

from __future__ import annotations

from telegram.ext import CallbackQueryHandler, CommandHandler

from handlers.account import callbacks
from handlers.kit import commands
from handlers.kit.keyboards import inline, main_keyboard
from handlers.kit.menus import refresh_menu
from handlers.kit.routes import pressed
from handlers.kit.turn import Turn, member_turn
from locales import SUPPORTED_LANGUAGES

# Each language's name in itself: a member who cannot read the current one still finds theirs.
LANGUAGE_NAMES = {"zh_Hans": "简体中文", "zh_Hant": "繁體中文", "en": "English"}


def _language_rows() -> list[list[tuple[str, str]]]:
    return [[(LANGUAGE_NAMES[code], callbacks.language(code)) for code in SUPPORTED_LANGUAGES]]


@member_turn
async def language(turn: Turn) -> None:
    _ = turn._
    current = LANGUAGE_NAMES[turn.member.language]
    turn.say(_("当前语言:{language}。选择新的语言:", language=current), inline(_language_rows()))


@member_turn
async def language_button(turn: Turn) -> None:
    found = callbacks.LANGUAGE.match(pressed(turn))
    code = found.group(1) if found else ""
    if code not in SUPPORTED_LANGUAGES:
        turn.answer(turn._("这个按钮已失效。"), alert=True)
        return
    turn.switch_language(code)
    turn.member.language_chosen = True
    _ = turn._
    turn.edit(_("✅ 语言已切换为{language}。", language=LANGUAGE_NAMES[code]))
    turn.say(_("菜单已更新。"), main_keyboard(_, manager=turn.member.is_manager))
    refresh_menu(turn, turn.member)


@member_turn
async def settings_button(turn: Turn) -> None:
    _ = turn._
    current = LANGUAGE_NAMES[turn.member.language]
    turn.edit(_("当前语言:{language}。选择新的语言:", language=current), inline(_language_rows()))


def preference_handlers() -> list[object]:
    return [
        CommandHandler(commands.LANGUAGE.name, language),
        CallbackQueryHandler(language_button, pattern=callbacks.LANGUAGE_PATTERN),
        CallbackQueryHandler(settings_button, pattern=callbacks.LANGUAGES_PATTERN),
    ]
