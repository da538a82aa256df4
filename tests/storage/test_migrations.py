"""Migrations: the schema they build is the models' schema, on SQLite and PostgreSQL alike."""

import re
import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.migrate import MIGRATIONS_DIR, compared_on, downgrade, revision, upgrade
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
        include = compared_on(connection.dialect.name)  # as env.py compares
        context = MigrationContext.configure(
            connection, opts={"compare_type": False, "include_object": include}
        )
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


async def _interaction_indexes(engine: AsyncEngine) -> set[str]:
    async with engine.connect() as connection:
        found = await connection.run_sync(lambda c: inspect(c).get_indexes("interaction"))
    return {index["name"] for index in found if index["name"]}


async def test_the_note_key_index_is_sqlites_alone(engine: AsyncEngine) -> None:
    """/find's index of note keys is SQLite's; PostgreSQL had it empty (WHERE false) from the
    first 0027, and 0028 drops it there."""
    note_key = "ix_interaction_customer_note_key"
    if engine.dialect.name == "sqlite":
        assert note_key in await _interaction_indexes(engine)
        return
    assert note_key not in await _interaction_indexes(engine)
    await downgrade(engine, "0027_find_notes_from_the_index")
    async with engine.begin() as connection:  # what the first 0027 made
        await connection.execute(
            text(f"CREATE INDEX {note_key} ON interaction (customer_id, note_key) WHERE false")
        )
    await upgrade(engine)
    assert note_key not in await _interaction_indexes(engine)


async def test_sqlite_runs_in_wal_mode_with_foreign_keys(engine: AsyncEngine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite pragmas")
    async with engine.connect() as connection:
        assert (await connection.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
        assert (await connection.execute(text("PRAGMA foreign_keys"))).scalar() == 1


def test_make_revision_writes_the_next_migration_and_the_models_need_none(tmp_path: Path) -> None:
    """`make revision` on a copy of the migrations: the next number, and nothing to do, since
    the migrations already build what the models say."""
    migrations = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    written = revision("nothing new", migrations)
    # After the highest number (not the count: branches merged together may leave a gap).
    number = max(int(path.name[:4]) for path in (MIGRATIONS_DIR / "versions").glob("0*.py")) + 1
    assert written.name == f"{number:04d}_nothing_new.py"
    source = written.read_text(encoding="utf-8")
    assert f'revision: str = "{number:04d}_nothing_new"' in source, source  # the id is the name
    assert re.search(r"def upgrade\(\) -> None:\n    # ###[^\n]*\n    pass\n", source), source
