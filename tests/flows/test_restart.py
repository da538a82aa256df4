"""A restart in the middle of a step: the member carries on where they were."""

import re

from sqlalchemy import select

from storage.models import Team
from tests.conftest import BotHarness


async def test_the_newteam_step_survives_a_restart(bot: BotHarness) -> None:
    li = bot.user("李经理")
    assert "给团队起个名字吧" in (await li.send("/newteam")).text
    await bot.restart()
    reply = await li.send("华东销售一部")
    assert "✅ 团队「华东销售一部」建好了,你是经理。" in reply.text
    assert await bot.scalar(select(Team.name).where(Team.personal.is_(False))) == "华东销售一部"


async def test_the_join_step_survives_a_restart(bot: BotHarness) -> None:
    li = bot.user("李经理")
    code = re.search(r"/join (\S+)", (await li.send("/newteam 华东销售一部")).text)
    assert code
    wang = bot.user("王磊")
    await wang.send("/join")
    await bot.restart()
    assert "🎉 你已加入团队「华东销售一部」" in (await wang.send(code.group(1))).text


async def test_a_create_button_still_works_after_a_restart(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 华东电力设计院")
    await bot.restart()
    assert "✅ 已新建客户。" in (await wang.press("新建")).text
