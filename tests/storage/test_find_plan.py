"""/find on SQLite looks for its words in the notes through an index alone: a manager's search
goes through every noted record of the team, and fetching each from the table was most of a
search (migration 0030). The plan of each statement /find runs is read with EXPLAIN QUERY
PLAN — no timing."""

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from storage.activities import notes_with
from storage.actor import Actor
from storage.customers import CustomerRepo
from storage.engine import session_factory
from storage.models import Role

COVERING = "USING COVERING INDEX ix_interaction_customer_note_key"


async def _plans(engine: AsyncEngine, run: Callable[[AsyncSession], Awaitable[Any]]) -> list[str]:
    """The plan steps that read `interaction` in the statements `run` sends."""
    sent: list[tuple[str, Any]] = []

    def keep(_c: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        sent.append((statement, parameters))

    event.listen(engine.sync_engine, "before_cursor_execute", keep)
    try:
        async with session_factory(engine)() as session:
            await run(session)
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", keep)
    steps = []
    async with engine.connect() as connection:
        for statement, parameters in sent:
            rows = await connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            steps += [str(row[-1]) for row in rows if " interaction " in f" {row[-1]} "]
    return steps


@pytest.mark.parametrize("role", [Role.MANAGER, Role.REP])
async def test_find_reads_the_words_of_the_notes_from_the_index_alone(
    engine: AsyncEngine, role: Role
) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite's query plan (PostgreSQL keeps no index of the notes' keys)")
    actor = Actor(member_id=1, team_id=1, role=role)
    steps = await _plans(engine, lambda session: CustomerRepo(session, actor).search("报价"))
    assert steps and all(COVERING in step for step in steps), steps
    # /find's own form of it (the names alone) is read the same way.
    steps = await _plans(engine, lambda session: CustomerRepo(session, actor).search_names("报价"))
    assert steps and all(COVERING in step for step in steps), steps


async def test_the_notes_found_are_read_through_the_noted_records(engine: AsyncEngine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite's query plan")
    steps = await _plans(engine, lambda session: notes_with(session, [1, 2], "报价"))
    assert steps and all("ix_interaction_customer_note_key" in step for step in steps), steps
