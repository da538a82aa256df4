"""A member's turn runs its SQLite statements on the event loop's thread, and that never stalls
the loop: a long SELECT moves to aiosqlite's thread, and a locked database is waited for there.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

import storage.sqlite_driver as driver
from storage.actor import Actor
from storage.customers import CustomerRepo
from storage.engine import SessionFactory, create_engine, interactive, session_factory
from storage.migrate import upgrade
from storage.models import Customer, Member
from storage.teams import register_member

# A SELECT that makes SQLite step a few million times (far past any budget).
LONG_SELECT = text(
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000) "
    "SELECT count(*) FROM n"
)


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[tuple[AsyncEngine, Path]]:
    path = tmp_path / "inline.db"
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    await upgrade(engine)
    yield engine, path
    await engine.dispose()


@pytest.fixture
def thread_trips(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The functions handed to aiosqlite's thread, by name."""
    trips: list[str] = []
    real = driver._on_sqlite_thread

    async def counted(connection: Any, fn: Any, *args: Any) -> Any:
        trips.append(fn.__name__)
        return await real(connection, fn, *args)

    monkeypatch.setattr(driver, "_on_sqlite_thread", counted)
    return trips


async def _rep(engine: AsyncEngine) -> tuple[SessionFactory, Actor]:
    """Sessions on `engine`, and 王磊, a rep registered through them."""
    sessions = session_factory(engine)
    async with sessions() as session:
        member = await register_member(
            session,
            telegram_user_id=8001,
            chat_id=8001,
            name="王磊",
            username=None,
            language="zh_Hans",
            timezone="Asia/Shanghai",
        )
        await session.commit()
        return sessions, Actor.of(member)


async def _customer_names(sessions: SessionFactory) -> list[str]:
    async with sessions() as session:
        return list(await session.scalars(select(Customer.name).order_by(Customer.id)))


async def test_a_turn_reads_on_the_loop_and_the_rest_still_uses_the_thread(
    database: tuple[AsyncEngine, Path], thread_trips: list[str]
) -> None:
    sessions, actor = await _rep(database[0])
    thread_trips.clear()

    with interactive():
        async with sessions() as session:
            member = await session.get_one(Member, actor.member_id)
            customer = await CustomerRepo(session, actor).create("华东电力设计院")
            assert member.name == "王磊" and customer.id > 0
            await session.commit()
    # Only the COMMIT went to the thread (a checkpoint may sync files; the loop must not).
    assert thread_trips == ["_end_transaction"]

    thread_trips.clear()
    assert await _customer_names(sessions) == ["华东电力设计院"]
    assert thread_trips == ["_run_waiting"]  # outside a turn: the thread, as always


async def test_a_long_select_finishes_on_the_thread_and_the_turn_keeps_its_writes(
    database: tuple[AsyncEngine, Path], thread_trips: list[str]
) -> None:
    sessions, actor = await _rep(database[0])
    thread_trips.clear()

    with interactive():
        async with sessions() as session:
            await CustomerRepo(session, actor).create("上海建工集团")  # written inline
            assert await session.scalar(LONG_SELECT) == 300000  # interrupted, then rerun
            assert thread_trips == ["_run_waiting"]
            await session.commit()

    assert await _customer_names(sessions) == ["上海建工集团"]


async def test_a_locked_database_is_waited_for_off_the_loop(
    database: tuple[AsyncEngine, Path],
) -> None:
    engine, path = database
    sessions, actor = await _rep(engine)
    # Another writer (a dispatch worker, say) holds the write lock.
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE member SET name = '王磊' WHERE id = ?", (actor.member_id,))

    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    async def save_in_a_turn() -> None:
        with interactive():
            async with sessions() as session:
                await CustomerRepo(session, actor).create("华东电力设计院")
                await session.commit()

    beating = asyncio.create_task(ticker())
    saving = asyncio.create_task(save_in_a_turn())
    await asyncio.sleep(0.3)
    assert not saving.done()  # still waiting for the lock …
    assert ticks >= 10  # … while the loop went on serving others
    other.commit()
    await asyncio.wait_for(saving, timeout=5)
    beating.cancel()
    other.close()
    assert await _customer_names(sessions) == ["华东电力设计院"]


async def test_a_turn_waits_for_a_writer_of_the_same_process_without_a_deadlock(
    database: tuple[AsyncEngine, Path],
) -> None:
    sessions, actor = await _rep(database[0])
    holding = asyncio.Event()

    async def slow_job() -> None:
        """Like the planner: writes, then awaits something else before it commits."""
        async with sessions() as session:
            await CustomerRepo(session, actor).create("甲公司")
            await session.flush()
            holding.set()
            await asyncio.sleep(0.2)
            await session.commit()

    async def turn() -> None:
        await holding.wait()
        with interactive():
            async with sessions() as session:
                await CustomerRepo(session, actor).create("乙公司")
                await session.commit()

    await asyncio.wait_for(asyncio.gather(slow_job(), turn()), timeout=5)
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Customer)) == 2


async def test_a_constraint_error_in_a_turn_is_sqlalchemys_and_the_session_recovers(
    database: tuple[AsyncEngine, Path],
) -> None:
    sessions, actor = await _rep(database[0])
    with interactive():
        async with sessions() as session:
            repo = CustomerRepo(session, actor)
            await repo.create("华东电力设计院")
            await session.commit()
            with pytest.raises(IntegrityError):
                await repo.create("华东电力设计院")  # the same name twice in one team
            await session.rollback()
            await repo.create("上海建工集团")
            await session.commit()
    assert await _customer_names(sessions) == ["华东电力设计院", "上海建工集团"]
