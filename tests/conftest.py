"""Fixtures: a fresh database per test and the real Application behind the local Bot API.

`bot` is the harness flow tests talk to: `rep = bot.user("王磊")`, `reply = await
rep.send("/start")`, `await rep.press("保存")`. Every Bot API call the bot makes is checked
against the official description in ../shared/telegram-bot-api/api.json.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy import ColumnElement, func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.app import AnyApplication, build_application, start_in_process
from bot.local_api import LOCAL_TOKEN, LocalBotApi, LocalClient, LocalUser
from bot.settings import Settings
from storage.engine import create_engine, session_factory
from storage.migrate import upgrade

try:
    from tests.harness.apispec import SPEC_MISSING_REASON, load_spec
except ImportError:  # the validator module is part of the suite; keep collection going
    SPEC_MISSING_REASON, load_spec = "tests.harness.apispec is missing", None  # type: ignore[assignment]

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")


def pytest_report_header(config: pytest.Config) -> list[str]:
    lines = [f"database: {'PostgreSQL (TEST_DATABASE_URL)' if TEST_DATABASE_URL else 'SQLite'}"]
    spec = load_spec() if load_spec else None
    if spec is None:
        lines.append(f"Bot API check skipped: {SPEC_MISSING_REASON}")
    return lines


async def _reset_postgres(engine: AsyncEngine) -> None:
    async with engine.begin() as connection:
        await connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        await connection.execute(text("CREATE SCHEMA public"))


@pytest.fixture
async def engine(tmp_path: Any) -> AsyncIterator[AsyncEngine]:
    """A migrated, empty database: SQLite in a temp file, or the PostgreSQL under test."""
    if TEST_DATABASE_URL:
        engine = create_engine(TEST_DATABASE_URL)
        await _reset_postgres(engine)
    else:
        engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'test.db'}")
    await upgrade(engine)
    yield engine
    await engine.dispose()


@pytest.fixture
async def session(engine: AsyncEngine) -> AsyncIterator[AsyncSession]:
    async with session_factory(engine)() as session:
        yield session


@dataclass
class BotHarness:
    """The bot under test and the people talking to it."""

    application: AnyApplication
    api: LocalBotApi
    engine: AsyncEngine
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(5001))
    _clients: list[LocalClient] = field(default_factory=list)

    def user(self, first_name: str, language_code: str | None = "zh-hans") -> LocalClient:
        person = LocalUser(id=next(self._ids), first_name=first_name, language_code=language_code)
        client = LocalClient(self.application, self.api, person)
        self._clients.append(client)
        return client

    async def restart(self) -> None:
        """Stop the bot as a normal shutdown would and start a new one on the same database."""
        await self.application.update_persistence()
        await self.application.shutdown()
        self.application = make_application(self.api, self.engine)
        await start_in_process(self.application)
        for client in self._clients:
            client.application = self.application

    def session(self) -> AsyncSession:
        return session_factory(self.engine)()

    async def scalar(self, statement: Any) -> Any:
        async with self.session() as session:
            return await session.scalar(statement)

    async def scalars(self, statement: Any) -> list[Any]:
        async with self.session() as session:
            return list(await session.scalars(statement))

    async def count(self, model: type, *where: ColumnElement[bool]) -> int:
        """How many rows of ``model`` there are (that match ``where``)."""
        return int(await self.scalar(select(func.count()).select_from(model).where(*where)))


def make_settings() -> Settings:
    # Flow tests type faster than any rep; the rate limit has its own tests (test_isolation).
    return Settings(_env_file=None, telegram_bot_token=None, rate_limit_burst=1000)  # type: ignore[call-arg]


def make_application(api: LocalBotApi, engine: AsyncEngine) -> AnyApplication:
    return build_application(make_settings(), token=LOCAL_TOKEN, request=api, engine=engine)


@pytest.fixture
async def bot(engine: AsyncEngine) -> AsyncIterator[BotHarness]:
    spec = load_spec() if load_spec else None
    api = LocalBotApi(validator=spec.check_call if spec else None)
    application = make_application(api, engine)
    await start_in_process(application)
    harness = BotHarness(application, api, engine)
    try:
        yield harness
    finally:
        await harness.application.shutdown()
    assert not api.violations, "Bot API calls break the spec:\n" + "\n".join(api.violations)
