"""Command menus (set_my_commands) in each language.

Telegram keys command menus by two-letter language codes, so Traditional Chinese, and any
language a member chose by hand, is set on the member's own chat scope.
"""

from __future__ import annotations

from telegram import Bot, BotCommand, BotCommandScopeChat

from handlers.kit.commands import MENU
from locales import SOURCE_LANGUAGE, translator


def commands_for(language: str) -> list[BotCommand]:
    _ = translator(language)
    return [BotCommand(command.name, _(command.title)) for command in MENU]


async def publish_command_menus(bot: Bot) -> None:
    await bot.set_my_commands(commands_for(SOURCE_LANGUAGE))
    await bot.set_my_commands(commands_for("zh_Hans"), language_code="zh")
    await bot.set_my_commands(commands_for("en"), language_code="en")


async def set_chat_menu(bot: Bot, chat_id: int, language: str) -> None:
    await bot.set_my_commands(commands_for(language), scope=BotCommandScopeChat(chat_id))
