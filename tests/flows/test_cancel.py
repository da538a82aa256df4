"""/cancel leaves any conversation from anywhere; nothing half-done is kept."""

from sqlalchemy import select

from storage.models import Team
from tests.conftest import BotHarness


async def test_cancel_leaves_the_newteam_step(bot: BotHarness) -> None:
    li = bot.user("李经理")
    await li.send("/newteam")
    reply = await li.send("/cancel")
    assert reply.text == "已取消。有需要随时找我。"
    # the next message is a note again, not a team name
    after = await li.send("华东销售一部")
    assert "建好了" not in after.text
    assert await bot.scalar(select(Team).where(Team.name == "华东销售一部")) is None


async def test_the_word_cancel_works_too(bot: BotHarness) -> None:
    rep = bot.user("王磊")
    await rep.send("/join")
    assert (await rep.send("取消")).text == "已取消。有需要随时找我。"


async def test_cancel_leaves_the_find_step(bot: BotHarness) -> None:
    rep = bot.user("王磊")
    assert "要找哪个客户" in (await rep.send("🔍 查找")).text
    assert (await rep.send("/cancel")).text == "已取消。有需要随时找我。"


async def test_cancel_with_nothing_going_on(bot: BotHarness) -> None:
    assert (await bot.user("王磊").send("/cancel")).text == "现在没有进行中的操作。"


async def test_a_menu_button_during_a_step_is_not_taken_as_the_answer(bot: BotHarness) -> None:
    li = bot.user("李经理")
    await li.send("/newteam")
    reply = await li.send("📅 今日")
    assert "今天是" in reply.text
    assert await bot.scalar(select(Team).where(Team.name == "📅 今日")) is None


async def test_another_command_ends_the_newteam_and_join_steps(bot: BotHarness) -> None:
    li = bot.user("李经理")
    await li.send("/newteam")
    reply = await li.send("/today")
    assert reply.text.startswith("已退出创建团队。") and "今天是" in reply.text
    assert "建好了" not in (await li.send("华东销售一部")).text
    assert await bot.scalar(select(Team).where(Team.name == "华东销售一部")) is None
    wang = bot.user("王磊")
    assert "请输入经理给你的邀请码" in (await wang.send("/join")).text
    assert (await wang.send("/help")).text.startswith("已退出用邀请码加入团队。")
    assert "邀请码不对" not in (await wang.send("WRONGCODE123")).text  # a note now, not a code


async def test_cancel_leaves_the_join_step_and_asking_again_starts_afresh(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/join")
    assert "请输入经理给你的邀请码" in (await wang.send("/join")).text  # no 已退出: the same step
    assert (await wang.send("/cancel")).text == "已取消。有需要随时找我。"
    assert (await wang.send("/cancel")).text == "现在没有进行中的操作。"
