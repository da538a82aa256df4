"""Quick capture keeps the team's customer names between notes (storage/matching.py) and reads
them again as soon as they change: a customer a colleague added a second ago, a rename, a
deletion, a handover or a short name is known to the very next note — also when another bot
process sharing the database made the change, which this process hears nothing about."""

import asyncio
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.local_api import LocalClient
from storage.actor import Actor
from storage.customers import CustomerRepo
from storage.engine import create_engine, session_factory
from storage.matching import remember_alias
from storage.models import Customer, Team
from tests.builders import make_team, member_of
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")


# Another bot process on the same database adds a customer for a member.
ANOTHER_PROCESS = """
import asyncio, sys
from storage.actor import Actor
from storage.customers import CustomerRepo
from storage.engine import create_engine, session_factory
from storage.models import Role

async def add(url, member, team, name):
    engine = create_engine(url)
    async with session_factory(engine)() as session:
        actor = Actor(member_id=member, team_id=team, role=Role.REP)
        await CustomerRepo(session, actor).create(name)
        await session.commit()
    await engine.dispose()

asyncio.run(add(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]))
"""


@asynccontextmanager
async def other_process(bot: BotHarness) -> AsyncIterator[AsyncSession]:
    """A session as another bot process on the same database has: its own engine, so nothing
    it writes passes through the memory of the bot under test. Committed on leaving."""
    engine = create_engine(bot.engine.url.render_as_string(hide_password=False))
    try:
        async with session_factory(engine)() as session:
            yield session
            await session.commit()
    finally:
        await engine.dispose()


async def hint(rep: LocalClient, company: str) -> str:
    """What the card of a note about `company` says of it, the note then cancelled."""
    card = await rep.send(f"拜访了{company}的王局 聊了报价")
    await rep.press("取消")
    line = next(line for line in card.text.splitlines() if line.startswith("🏢"))
    return line.split("👤")[0].strip()


async def test_a_customer_a_colleague_created_a_moment_ago_is_theirs_on_the_next_note(
    bot: BotHarness,
) -> None:
    team = await make_team(bot)
    assert await hint(team.wang, "上海建工集团") == "🏢 上海建工集团(新客户)"

    await team.zhang.send("/customer 上海建工集团")
    await team.zhang.press("新建")

    assert await hint(team.wang, "上海建工集团") == "🏢 上海建工集团(已由 张伟 负责)"
    await team.wang.send("拜访了上海建工集团的王总 下周五报价")
    told = await team.wang.press("保存")
    assert told.text == (
        "「上海建工集团」已由 张伟 负责,不能重复建档。这条记录先存为草稿。要请经理决定归属吗?"
    )


async def test_a_customer_another_bot_process_added_is_known_to_the_next_note(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    await wang.send("/start")
    me = await member_of(bot, wang)
    assert await hint(wang, "上海建工集团") == "🏢 上海建工集团(新客户)"

    url = bot.engine.url.render_as_string(hide_password=False)
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", ANOTHER_PROCESS, url, str(me.id), str(me.team_id), "上海建工集团",
        cwd=Path(__file__).parents[2],
    )  # fmt: skip
    assert await process.wait() == 0

    assert await hint(wang, "上海建工集团") == "🏢 上海建工集团"


async def test_a_handover_by_the_manager_shows_on_the_next_note(bot: BotHarness) -> None:
    team = await make_team(bot)
    await team.wang.send("/customer 南京银行")
    await team.wang.press("新建")
    assert await hint(team.zhang, "南京银行") == "🏢 南京银行(已由 王磊 负责)"

    assigned = await team.manager.send("/assign 南京银行 张伟")
    assert "已从 王磊 改由 张伟 负责" in assigned.text

    assert await hint(team.zhang, "南京银行") == "🏢 南京银行"
    assert await hint(team.wang, "南京银行") == "🏢 南京银行(已由 张伟 负责)"


async def test_what_another_process_writes_is_known_to_the_next_note(bot: BotHarness) -> None:
    team = await make_team(bot)
    wang = Actor.of(await member_of(bot, team.wang))
    zhang = await member_of(bot, team.zhang)
    assert await hint(team.wang, "华东电力设计院") == "🏢 华东电力设计院(新客户)"

    async with other_process(bot) as session:  # added
        customer = await CustomerRepo(session, wang).create("华东电力设计院")
    assert await hint(team.wang, "华东电力设计院") == "🏢 华东电力设计院"
    assert await hint(team.wang, "华电院") == "🏢 华电院(可能是已有客户,保存时确认)"

    async with other_process(bot) as session:  # a short name remembered
        found = await session.get_one(Customer, customer.id)
        await remember_alias(session, wang, "华电院", found)
    assert await hint(team.wang, "华电院") == "🏢 华电院(即「华东电力设计院」)"

    async with other_process(bot) as session:  # renamed
        found = await session.get_one(Customer, customer.id)
        CustomerRepo(session, wang).update(found, {"name": "江南造船厂"})
    assert await hint(team.wang, "华东电力设计院") == "🏢 华东电力设计院(新客户)"
    assert await hint(team.wang, "江南造船厂") == "🏢 江南造船厂"

    async with other_process(bot) as session:  # handed over in one UPDATE, as a removal does
        await session.execute(
            update(Customer).where(Customer.id == customer.id).values(owner_id=zhang.id)
        )
    assert await hint(team.wang, "江南造船厂") == "🏢 江南造船厂(已由 张伟 负责)"

    async with other_process(bot) as session:  # deleted
        await session.execute(
            update(Customer).where(Customer.id == customer.id).values(deleted_at=datetime.now(UTC))
        )
    assert await hint(team.wang, "江南造船厂") == "🏢 江南造船厂(新客户)"


async def test_a_customer_moved_to_another_team_is_gone_from_this_ones_notes(
    bot: BotHarness,
) -> None:
    team = await make_team(bot)
    await team.wang.send("/customer 南京银行")
    await team.wang.press("新建")
    assert await hint(team.zhang, "南京银行") == "🏢 南京银行(已由 王磊 负责)"

    async with other_process(bot) as session:
        elsewhere = Team(name="华南销售部")
        session.add(elsewhere)
        await session.flush()
        await session.execute(update(Customer).values(team_id=elsewhere.id))

    assert await hint(team.zhang, "南京银行") == "🏢 南京银行(新客户)"
