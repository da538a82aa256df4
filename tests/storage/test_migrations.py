"""Migrations: the schema they build is the models' schema, on SQLite and PostgreSQL alike."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.migrate import downgrade, upgrade
from storage.models import Base

TABLES = {
    "team",
    "member",
    "customer",
    "contact",
    "family_member",
    "interaction",
    "interaction_contact",
    "follow_up",
    "itinerary",
    "change_log",
    "reminder_outbox",
    "audit_log",
    "draft",
}


async def test_the_migrated_schema_matches_the_models(engine: AsyncEngine) -> None:
    def diff(connection: Connection) -> list[object]:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        return list(compare_metadata(context, Base.metadata))

    async with engine.connect() as connection:
        assert await connection.run_sync(diff) == []
        tables = await connection.run_sync(lambda c: set(inspect(c).get_table_names()))
    assert tables >= TABLES


async def test_downgrade_and_upgrade_again(engine: AsyncEngine) -> None:
    await downgrade(engine, "base")
    async with engine.connect() as connection:
        tables = await connection.run_sync(lambda c: set(inspect(c).get_table_names()))
    assert not TABLES & tables
    await upgrade(engine)


async def test_sqlite_runs_in_wal_mode_with_foreign_keys(engine: AsyncEngine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite pragmas")
    async with engine.connect() as connection:
        assert (await connection.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
        assert (await connection.execute(text("PRAGMA foreign_keys"))).scalar() == 1
