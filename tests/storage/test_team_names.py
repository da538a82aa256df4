"""storage.matching.team_names keeps a team's names while team.names_mark stays what it was:
edits that do not touch a name keep them, a transaction rolled back leaves nothing behind."""

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from storage.actor import Actor
from storage.customers import CustomerRepo
from storage.engine import session_factory
from storage.matching import judge, team_names
from storage.models import CustomerStatus, Grade
from storage.teams import register_member


async def rep(session: AsyncSession) -> Actor:
    member = await register_member(session, telegram_user_id=1, chat_id=1, name="王磊",
                                   username=None, language="zh_Hans",
                                   timezone="Asia/Shanghai")  # fmt: skip
    await session.commit()
    return Actor.of(member)


async def test_edits_that_touch_no_name_keep_the_names(session: AsyncSession) -> None:
    actor = await rep(session)
    customers = CustomerRepo(session, actor)
    ours = await customers.create("华东电力设计院")
    await session.commit()
    kept = await team_names(session, actor.team_id)
    assert await team_names(session, actor.team_id) is kept

    customers.update(ours, {"grade": Grade.A, "status": CustomerStatus.FOLLOWING})
    await session.commit()
    assert await team_names(session, actor.team_id) is kept

    await customers.create("南京银行")  # not committed yet: this session sees it all the same
    renewed = await team_names(session, actor.team_id)
    assert sorted(row.name for row in renewed.rows) == ["华东电力设计院", "南京银行"]


async def test_a_customer_rolled_back_is_never_matched(engine: AsyncEngine) -> None:
    sessions = session_factory(engine)
    async with sessions() as session:
        actor = await rep(session)
    async with sessions() as session:  # a turn that fails after reading its own customer
        await CustomerRepo(session, actor).create("华东电力设计院")
        assert (await judge(session, actor, "华东电力设计院")).exact is not None
        await session.rollback()
    async with sessions() as session:  # the next change of the team's names commits
        await CustomerRepo(session, actor).create("南京银行")
        await session.commit()
    async with sessions() as session:
        assert (await judge(session, actor, "华东电力设计院")).exact is None
        assert (await judge(session, actor, "南京银行")).exact is not None
