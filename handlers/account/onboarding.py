"""/start (with invite deep links), /help, and the first words a new user reads."""

from __future__ import annotations

from handlers.kit.commands import help_text
from handlers.kit.keyboards import main_keyboard
from handlers.kit.menus import needs_own_menu, refresh_menu
from handlers.kit.turn import Turn, command_argument, member_turn
from handlers.team.members import JOIN_PREFIX, join_with_code


def greeting(turn: Turn) -> str:
    _ = turn._
    return _(
        "你好,{name}!我是销售助手,你口袋里的客户档案和备忘录。\n"
        "📝 随手发一句话,我帮你记下客户、关键人、拜访和跟进;\n"
        "⏰ 每天早上告诉你今天要做的事:跟进、生日(含农历)、领导行程、该拜访的客户;\n"
        "👥 经理在聊天里就能看团队汇总、分配客户、导出 Excel。",
        name=turn.member.name,
    )


@member_turn
async def start(turn: Turn) -> None:
    _ = turn._
    argument = command_argument(turn)
    if argument.startswith(JOIN_PREFIX):
        if turn.new_member:
            turn.say(greeting(turn), main_keyboard(_, manager=False))
        await join_with_code(turn, argument.removeprefix(JOIN_PREFIX))
        return
    team = await turn.team()
    turn.say(greeting(turn), main_keyboard(_, manager=turn.member.is_manager))
    if team.personal:
        turn.say(
            _(
                "你现在一个人使用。和同事一起用:经理发 /newteam 团队名 建团队,"
                "同事点经理给的邀请链接或发 /join 邀请码 加入。"
            )
        )
    if needs_own_menu(turn.member):
        refresh_menu(turn, turn.member)


@member_turn
async def help_command(turn: Turn) -> None:
    _ = turn._
    turn.say(help_text(_, turn.member.is_manager), main_keyboard(_, manager=turn.member.is_manager))
