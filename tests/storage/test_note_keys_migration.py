"""Migration 0026: the notes kept before it get their key, so /find reads them in either
script (報價 finds 报价) as it reads notes saved after it."""

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.engine import session_factory
from storage.migrate import downgrade, upgrade
from storage.models import Customer, FollowUp, Interaction, InteractionKind
from storage.teams import register_member

NOTE = "今日見咗新鴻基地產嘅黃經理 下個禮拜三之前要報價"


async def test_notes_kept_before_the_migration_are_found_in_either_script(
    engine: AsyncEngine,
) -> None:
    now = datetime(2026, 12, 1, tzinfo=UTC)
    async with session_factory(engine)() as session:
        member = await register_member(session, telegram_user_id=1, chat_id=1, name="陳嘉欣",
                                       username=None, language="zh_Hant",
                                       timezone="Asia/Hong_Kong")  # fmt: skip
        customer = Customer(team_id=member.team_id, owner_id=member.id, created_by_id=member.id,
                            name="新鴻基地產",
                            normalized_name="新鸿基地产", search_key="")  # fmt: skip
        session.add(customer)
        await session.flush()
        session.add(Interaction(customer_id=customer.id, member_id=member.id,
                                kind=InteractionKind.VISIT, occurred_at=now, note=NOTE))  # fmt: skip
        session.add(FollowUp(member_id=member.id, customer_id=customer.id, due_date=now.date(),
                             text="報價", note=NOTE))  # fmt: skip
        await session.commit()
    await downgrade(engine, "0021_minutes_index")  # as a database of before it stood
    await upgrade(engine)

    async with session_factory(engine)() as session:
        for kind in (Interaction, FollowUp):
            assert await session.scalar(select(kind.note_key)) == (
                "今日见咗新鸿基地产嘅黄经理 下个礼拜三之前要报价"
            )
            found = select(kind.id).where(kind.note_key.contains("报价"))
            assert await session.scalar(found) is not None
