"""Names in either script (tryout report, item 12): a customer is found, opened and matched
whether its name is typed in Traditional or Simplified, and one saved before names were keyed
across scripts is still found as typed."""

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.actor import Actor
from storage.customers import CustomerRepo
from storage.matching import judge
from storage.models import Customer
from storage.search import fold
from storage.teams import register_member


async def _repo(session: AsyncSession) -> tuple[CustomerRepo, Actor]:
    member = await register_member(session, telegram_user_id=1, chat_id=1, name="陳志明",
                                   username=None, language="zh_Hant",
                                   timezone="Asia/Hong_Kong")  # fmt: skip
    actor = Actor.of(member)
    return CustomerRepo(session, actor), actor


async def test_a_name_is_found_in_either_script(session: AsyncSession) -> None:
    repo, actor = await _repo(session)
    typed = await repo.create("九龍倉集團")
    assert typed.name == "九龍倉集團"  # kept as the rep wrote it
    for name in ("九龙仓集团", "九龍倉集團"):
        assert await repo.by_name(name) is typed
        assert (await judge(session, actor, name)).exact is typed
    for query in ("九龙", "九龍倉"):
        assert list(await repo.search(query)) == [typed]


async def test_a_name_keyed_before_the_rule_is_still_found_as_typed(session: AsyncSession) -> None:
    repo, actor = await _repo(session)
    old = await repo.create("新鴻基地產")
    await session.execute(  # as the code before keyed it: the script kept
        update(Customer)
        .where(Customer.id == old.id)
        .values(normalized_name=fold(old.name), search_key=fold(old.name))
    )
    assert await repo.by_name("新鴻基地產") is old
    assert list(await repo.search("鴻基")) == [old]
    assert (await judge(session, actor, "新鸿基地产")).exact is old
