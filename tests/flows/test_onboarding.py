"""A new user meets the bot: greeting, keyboard, help, unknown input."""

from typing import Any

from sqlalchemy import func, select
from telegram.ext import BaseHandler, CommandHandler, ConversationHandler

from handlers.kit.commands import MENU
from storage.models import Draft, Member, Team
from tests.conftest import BotHarness


async def test_start_greets_in_three_lines_and_shows_the_keyboard(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    reply = await wang.send("/start")
    greeting = reply.messages[0]
    assert greeting.text.startswith("你好,王磊!我是销售助手")
    assert len(greeting.text.splitlines()) == 4  # hello + three lines of what the bot does
    assert greeting.reply_keyboard == ["📝 记一笔", "📅 今日", "🏢 客户", "🔍 查找", "⚙️ 设置"]
    assert "你现在一个人使用" in reply.text
    assert "/newteam" in reply.text and "/join" in reply.text


async def test_a_first_time_user_works_alone_in_a_personal_team(bot: BotHarness) -> None:
    await bot.user("王磊").send("/start")
    member = await bot.scalar(select(Member).where(Member.name == "王磊"))
    team = await bot.scalar(select(Team).where(Team.id == member.team_id))
    assert team.personal and member.role == "rep" and member.language == "zh_Hans"


async def test_start_twice_does_not_register_twice(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/start")
    await wang.send("/start")
    assert await bot.scalar(select(func.count()).select_from(Member)) == 1


async def test_help_lists_the_commands(bot: BotHarness) -> None:
    reply = await bot.user("王磊").send("/help")
    lines = reply.text.splitlines()
    for command in MENU:
        listed = [line for line in lines if line.startswith(f"/{command.name} ")]
        shown = command.in_help and command.audience.includes(manager=False)
        assert len(listed) == (1 if shown else 0), command.name
    assert "/find 关键词 — 查找客户" in lines and "/visit — 记拜访" in lines


async def test_help_leaves_the_managers_commands_to_managers(bot: BotHarness) -> None:
    rep = (await bot.user("王磊").send("/help")).text
    assert "/assign — 分配客户(经理)" not in rep and "/pipeline" not in rep
    assert "/join 邀请码 — 加入团队" in rep
    manager = bot.user("李经理")
    await manager.send("/newteam 华东销售一部")
    theirs = (await manager.send("/help")).text
    assert "/assign — 分配客户(经理)" in theirs and "/pipeline — 销售漏斗:团队商机(经理)" in theirs
    assert "/join" not in theirs and "/visit — 记拜访" in theirs


def _command_names(handler: BaseHandler[Any, Any, Any]) -> set[str]:
    if isinstance(handler, CommandHandler):
        return set(handler.commands)
    if isinstance(handler, ConversationHandler):
        inner = [*handler.entry_points, *handler.fallbacks]
        return set().union(*(_command_names(h) for h in inner))
    return set()


async def test_the_menu_and_the_handlers_name_the_same_commands(bot: BotHarness) -> None:
    registered = set().union(
        *(_command_names(h) for group in bot.application.handlers.values() for h in group)
    )
    assert registered == {command.name for command in MENU}


async def test_an_unknown_command_points_to_help(bot: BotHarness) -> None:
    reply = await bot.user("王磊").send("/fly")
    assert reply.text == "没有这个命令。发 /help 看看我能做什么。"


async def test_a_note_nothing_was_understood_from_is_kept_as_a_draft(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    reply = await wang.send("感觉对方态度不错")
    assert reply.text.startswith("📝 我没看出客户、联系人或日期,已存为草稿,不会丢失。")
    kept = await bot.scalar(select(Draft.text).where(Draft.kind == "note"))
    assert kept == "感觉对方态度不错"


async def test_the_record_button_explains_quick_capture(bot: BotHarness) -> None:
    reply = await bot.user("王磊").send("📝 记一笔")
    assert "直接发一句话给我" in reply.text


async def test_stale_buttons_get_a_clear_answer(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/start")
    reply = await wang.press_data("nonsense:1")
    assert reply.callback_answers == ["这个按钮已失效。"]
