"""Engine and session factory for SQLite (embedded default) and PostgreSQL (scale backend)."""

from __future__ import annotations

import os
from typing import Any

from dotenv import dotenv_values
from sqlalchemy import event
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import StaticPool

from storage.replan import ReplanSession
from storage.sqlite_driver import BUSY_TIMEOUT_MS, background, interactive, one_trip_dbapi

__all__ = [
    "DEFAULT_DATABASE_URL",
    "SessionFactory",
    "background",
    "configured_database_url",
    "create_engine",
    "interactive",
    "session_factory",
]

SessionFactory = async_sessionmaker[AsyncSession]
DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./data/salesbot.db"


def configured_database_url(env_file: str = ".env") -> str:
    """DATABASE_URL as bot.settings reads it (the environment, then ./.env, then the default),
    for what runs without the bot: Alembic's env.py when called by hand."""
    found = os.environ.get("DATABASE_URL") or dotenv_values(env_file).get("DATABASE_URL")
    return found or DEFAULT_DATABASE_URL


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the dispatcher read while a handler writes; foreign keys are off by default in
    # SQLite. (The busy timeout is set when connecting: the driver changes it per statement.)
    cursor = dbapi_connection.cursor()
    for pragma in (
        "PRAGMA journal_mode=WAL",
        "PRAGMA foreign_keys=ON",
        "PRAGMA synchronous=NORMAL",
    ):
        cursor.execute(pragma)
    cursor.close()


def create_engine(url: str, *, echo: bool = False) -> AsyncEngine:
    """An async engine with the pragmas and pool the backend needs."""
    if url.startswith("sqlite"):
        # timeout: a writer waits this long for a lock instead of failing with "database is
        # locked"; check_same_thread: statements of a turn run on the loop's thread too.
        connect_args = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
        kwargs: dict[str, Any] = {"connect_args": connect_args}
        if ":memory:" in url or url.rstrip("/").endswith("sqlite+aiosqlite:"):
            # One shared connection, or every session would see its own empty database.
            kwargs["poolclass"] = StaticPool
        # hide_parameters: SQL errors must not carry phones or birthdays into the logs.
        if url.startswith("sqlite+aiosqlite"):
            kwargs["module"] = one_trip_dbapi()  # one thread hand-over per statement
        engine = create_async_engine(url, echo=echo, hide_parameters=True, **kwargs)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    return create_async_engine(url, echo=echo, pool_pre_ping=True, hide_parameters=True)


def session_factory(engine: AsyncEngine) -> SessionFactory:
    """Sessions with the replan marker (storage/replan.py): a change the planner reads marks
    its members for planning, whichever code made it."""
    return async_sessionmaker(engine, expire_on_commit=False, sync_session_class=ReplanSession)
