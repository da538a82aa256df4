"""/start (with invite deep links), /help, and the first words a new user reads."""

from __future__ import annotations

from handlers.keyboards import main_keyboard
from handlers.menus import set_chat_menu
from handlers.teams import JOIN_PREFIX, join_with_code
from handlers.turn import Turn, command_argument, member_turn


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
    if turn.member.language != "zh_Hans":
        chat_id, language, bot = turn.member.chat_id, turn.member.language, turn.context.bot
        turn.later(lambda: set_chat_menu(bot, chat_id, language))


@member_turn
async def help_command(turn: Turn) -> None:
    _ = turn._
    turn.say(
        _(
            "我能做的事:\n"
            "直接发一句话 — 记下客户、联系人、拜访、跟进、行程、生日\n"
            "/today 今日要事 · /find 关键词 查找客户 · /drafts 草稿(没保存的记录)\n"
            "/customer 客户名 — 查看或新建客户档案\n"
            "/visit 记拜访 · /followup 加跟进 · /contact 加联系人\n"
            "/trip 记领导行程 · /birthday 记生日 · /newcustomer 新客户\n"
            "/team — 团队与成员(经理可邀请、设经理、移除成员)\n"
            "/newteam 团队名 — 创建团队 · /join 邀请码 — 加入团队\n"
            "/export 导出 Excel · 经理:/assign 分配客户 · /audit 审计 · /teamsettings 团队设置\n"
            "/settings 设置 · /language 切换语言 · /cancel 随时取消\n"
            "发位置 = 拜访签到;发 Excel/CSV/名片文件 = 导入客户\n"
            "不用记命令:下方按钮能到达所有功能。"
        ),
        main_keyboard(_, manager=turn.member.is_manager),
    )
