"""One team per group chat (issue #17, defect 6): a group bound to one team cannot be bound by
another team's manager; the first binding stands until its own team unbinds it."""

from __future__ import annotations

import re

from sqlalchemy import select

from bot.local_api import LocalClient
from storage.models import Team
from tests.conftest import BotHarness

GROUP = {"id": -100888, "type": "supergroup", "title": "销售大群"}


async def manager_in_group(bot: BotHarness, name: str, team: str) -> LocalClient:
    manager = bot.user(name)
    assert re.search(r"/join \S+", (await manager.send(f"/newteam {team}")).text)
    return LocalClient(bot.application, bot.api, manager.user, chat=GROUP)


async def test_a_group_bound_to_one_team_is_refused_to_another(bot: BotHarness) -> None:
    east = await manager_in_group(bot, "李经理", "华东销售一部")
    north = await manager_in_group(bot, "赵经理", "华北销售组")
    assert "✅ 这个群已绑定到团队「华东销售一部」" in (await east.send("/bindgroup")).text

    refused = await north.send("/bindgroup")
    assert "这个群已经绑定了另一个团队" in refused.text
    teams = {t.name: t.group_chat_id for t in await bot.scalars(select(Team))}
    assert teams["华东销售一部"] == GROUP["id"] and teams["华北销售组"] is None
    # the first team's manager binding again is fine; after unbinding the other team may bind
    assert "✅" in (await east.send("/bindgroup")).text
    assert "已解除绑定" in (await east.send("/unbindgroup")).text
    assert "✅ 这个群已绑定到团队「华北销售组」" in (await north.send("/bindgroup")).text
