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
