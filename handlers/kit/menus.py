"""Command menus (set_my_commands): each language, and each member's role.

The default scopes carry a rep's menu (most members are reps, and a newcomer is one). A
manager's menu, and any language a member chose by hand (Telegram keys menus by two-letter
codes, so Traditional Chinese needs it too), is set on the member's own chat scope — again
whenever their role or language changes (`refresh_menu`).
"""

from __future__ import annotations

from telegram import Bot, BotCommand, BotCommandScopeChat

from handlers.kit.commands import listed
from handlers.kit.turn import Turn
from locales import SOURCE_LANGUAGE, translator
from storage.models import Member


def commands_for(language: str, manager: bool = False) -> list[BotCommand]:
    _ = translator(language)
    return [BotCommand(command.name, _(command.title)) for command in listed(manager)]


async def publish_command_menus(bot: Bot) -> None:
    await bot.set_my_commands(commands_for(SOURCE_LANGUAGE))
    await bot.set_my_commands(commands_for("zh_Hans"), language_code="zh")
    await bot.set_my_commands(commands_for("en"), language_code="en")


async def set_chat_menu(bot: Bot, chat_id: int, language: str, manager: bool) -> None:
    await bot.set_my_commands(commands_for(language, manager), scope=BotCommandScopeChat(chat_id))


def needs_own_menu(member: Member) -> bool:
    """Whether the default scopes' menu (a rep's, by Telegram's language) is not theirs."""
    return member.is_manager or member.language != SOURCE_LANGUAGE


def refresh_menu(turn: Turn, member: Member) -> None:
    """After the commit, set `member`'s menu for their language and role as they are now."""
    bot, chat_id = turn.context.bot, member.chat_id
    language, manager = member.language, member.is_manager
    turn.later(lambda: set_chat_menu(bot, chat_id, language, manager))
