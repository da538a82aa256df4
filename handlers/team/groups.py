"""The team's group chat: /bindgroup, /unbindgroup, and /team's summary posted there.

In a group the bot answers only managers' commands, and only with what is safe in a room
full of people: team numbers, never a customer's phones or birthdays. This handler has the
GUARD group to itself and ends every group update there; nobody is registered by talking in a
group.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.ext import Application, ApplicationHandlerStop, BaseHandler, CallbackContext

from handlers.kit.deps import deps
from handlers.team.reports import summary_for, summary_text
from locales import translator
from storage.actor import Actor
from storage.audit import record
from storage.models import Member, Team
from storage.teams import group_taken, member_by_telegram_id

GROUP_TYPES = ("group", "supergroup")


class GroupChats(BaseHandler[Update, Any, None]):
    """Every update from a group or supergroup chat."""

    def __init__(self) -> None:
        super().__init__(in_group, block=True)

    def check_update(self, update: object) -> bool:
        return (
            isinstance(update, Update)
            and update.effective_chat is not None
            and update.effective_chat.type in GROUP_TYPES
        )

    async def handle_update(
        self,
        update: Update,
        application: Application[Any, Any, Any, Any, Any, Any],
        check_result: object,
        context: Any,
    ) -> None:
        """Answer, then stop: a group update never reaches MAIN's private-chat handlers, even
        when the answer failed (the error handler still hears of it)."""
        try:
            await super().handle_update(update, application, check_result, context)
        except Exception as error:
            await application.process_error(update, error)
        raise ApplicationHandlerStop


def _command(update: Update, bot_username: str | None) -> str | None:
    message = update.effective_message
    text = (message.text or "") if message is not None else ""
    if not text.startswith("/"):
        return None
    name, _at, target = text.split(maxsplit=1)[0][1:].partition("@")
    if target and bot_username and target.lower() != bot_username.lower():
        return None  # addressed to another bot
    return name.lower()


async def in_group(update: Update, context: CallbackContext[Any, Any, Any, Any]) -> None:
    query = update.callback_query
    user = update.effective_user
    chat = update.effective_chat
    if user is None or chat is None:
        return
    if query is not None:
        # Reports posted here carry no buttons; anything else is not for a group.
        await query.answer()
        return
    command = _command(update, context.bot.username)
    if command is None:
        return
    async with deps(context).sessions() as session:
        member = await member_by_telegram_id(session, user.id)
        if member is None or not member.is_manager or not member.active:
            return  # only managers' commands are answered in a group
        team = await session.get_one(Team, member.team_id)
        _ = translator(member.language)
        if team.personal:
            return
        reply = await _answer(session, member, team, command, chat.id, _)
        await session.commit()
    if reply:
        await context.bot.send_message(chat.id, reply)


async def _answer(
    session: Any, member: Member, team: Team, command: str, chat_id: int, _: Any
) -> str | None:
    actor = Actor.of(member)
    if command == "bindgroup":
        if await group_taken(session, team, chat_id):
            return str(
                _(
                    "这个群已经绑定了另一个团队。一个群只能绑定一个团队:"
                    "请那个团队的经理先在群里发 /unbindgroup 解除绑定。"
                )
            )
        team.group_chat_id = chat_id
        record(session, actor, "team.bind_group", "team", team.id, str(chat_id))
        return str(
            _(
                "✅ 这个群已绑定到团队「{team}」。每周一 09:00 的周报也会发到这里。"
                "群里只显示团队汇总,不会出现客户的电话、生日等个人信息。",
                team=team.name,
            )
        )
    if command == "unbindgroup":
        if team.group_chat_id != chat_id:
            return str(_("这个群没有绑定到团队「{team}」。", team=team.name))
        team.group_chat_id = None
        record(session, actor, "team.unbind_group", "team", team.id, str(chat_id))
        return str(_("已解除绑定,周报不再发到这个群。"))
    if command == "team":
        if team.group_chat_id != chat_id:
            return str(_("请先在这个群里发 /bindgroup 绑定团队。"))
        summary = await summary_for(session, member, "week")
        today = datetime.now(ZoneInfo(member.timezone)).date()
        return summary_text(_, summary, today)[:4096]
    if command in ("start", "help"):
        return str(_("在群里我只回应经理的 /bindgroup、/unbindgroup 和 /team。其他功能请私聊我。"))
    return str(_("这个命令请在私聊中使用:客户资料不在群里显示。"))


def group_handlers() -> list[object]:
    return [GroupChats()]
