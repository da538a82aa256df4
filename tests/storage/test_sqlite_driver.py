"""The one-trip SQLite adapter behaves like a database: writes commit or roll back whole,
errors surface as SQLAlchemy's, and a turn that only reads costs no COMMIT."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from storage.actor import Actor
from storage.customers import CustomerRepo
from storage.engine import create_engine, session_factory
from storage.migrate import upgrade
from storage.models import Customer, Member
from storage.sqlite_driver import OneTripConnection
from storage.teams import register_member


async def _member(session_maker: object, telegram_user_id: int) -> int:
    async with session_maker() as session:  # type: ignore[operator]
        member = await register_member(
            session,
            telegram_user_id=telegram_user_id,
            chat_id=telegram_user_id,
            name="王磊",
            username=None,
            language="zh_Hans",
            timezone="Asia/Shanghai",
        )
        await session.commit()
        return int(member.id)


async def test_commit_rollback_errors_and_counts(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'one_trip.db'}")
    await upgrade(engine)
    sessions = session_factory(engine)
    member_id = await _member(sessions, 7001)

    # A write that is rolled back leaves nothing.
    async with sessions() as session:
        member = await session.get_one(Member, member_id)
        await CustomerRepo(session, Actor.of(member)).create("上海建工集团")
        await session.flush()
        await session.rollback()
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Customer)) == 0

    # rowcount reaches SQLAlchemy (UPDATE … WHERE matched 1 row, then 0 rows).
    async with sessions() as session:
        done = await session.execute(
            update(Member).where(Member.id == member_id).values(name="王磊磊")
        )
        assert done.rowcount == 1  # type: ignore[attr-defined]
        none = await session.execute(update(Member).where(Member.id == -1).values(name="x"))
        assert none.rowcount == 0  # type: ignore[attr-defined]
        await session.commit()

    # A constraint error is SQLAlchemy's IntegrityError, and the connection stays usable.
    async with sessions() as session:
        with pytest.raises(IntegrityError):
            await _member(sessions, 7001)  # the same Telegram user twice
        assert await session.scalar(select(Member.name).where(Member.id == member_id)) == "王磊磊"

    await engine.dispose()


async def test_a_read_only_session_sends_no_commit(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'one_trip.db'}")
    await upgrade(engine)
    sessions = session_factory(engine)
    member_id = await _member(sessions, 7002)
    async with sessions() as session:
        member = await session.get_one(Member, member_id)
        raw = (await session.connection()).sync_connection
        assert raw is not None
        adapted = raw.connection.dbapi_connection
        assert isinstance(adapted, OneTripConnection)
        assert adapted.in_transaction is False  # SQLite opened none for a SELECT
        await CustomerRepo(session, Actor.of(member)).create("华东电力设计院")
        await session.flush()
        assert adapted.in_transaction is True
        await session.commit()
        assert adapted.in_transaction is False
    await engine.dispose()
