"""Command menus (set_my_commands) in each language.

Telegram keys command menus by two-letter language codes, so Traditional Chinese, and any
language a member chose by hand, is set on the member's own chat scope.
"""

from __future__ import annotations

from telegram import Bot, BotCommand, BotCommandScopeChat

from locales import N_, SOURCE_LANGUAGE, translator

COMMANDS: list[tuple[str, str]] = [
    ("start", N_("开始,显示主菜单")),
    ("today", N_("今日要事")),
    ("customer", N_("客户档案:查看或新建")),
    ("find", N_("查找客户")),
    ("visit", N_("记拜访")),
    ("followup", N_("加跟进")),
    ("contact", N_("加联系人")),
    ("trip", N_("记领导行程")),
    ("birthday", N_("记生日")),
    ("newcustomer", N_("新客户")),
    ("team", N_("团队与成员")),
    ("drafts", N_("草稿:没保存的记录")),
    ("export", N_("导出 Excel")),
    ("assign", N_("分配客户(经理)")),
    ("audit", N_("审计记录(经理)")),
    ("teamsettings", N_("团队设置(经理)")),
    ("newteam", N_("创建团队")),
    ("join", N_("用邀请码加入团队")),
    ("settings", N_("设置")),
    ("language", N_("切换语言")),
    ("cancel", N_("取消当前操作")),
    ("help", N_("帮助")),
]


def commands_for(language: str) -> list[BotCommand]:
    _ = translator(language)
    return [BotCommand(name, _(description)) for name, description in COMMANDS]


async def publish_command_menus(bot: Bot) -> None:
    await bot.set_my_commands(commands_for(SOURCE_LANGUAGE))
    await bot.set_my_commands(commands_for("zh_Hans"), language_code="zh")
    await bot.set_my_commands(commands_for("en"), language_code="en")


async def set_chat_menu(bot: Bot, chat_id: int, language: str) -> None:
    await bot.set_my_commands(commands_for(language), scope=BotCommandScopeChat(chat_id))
