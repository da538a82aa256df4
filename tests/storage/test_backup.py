"""salesbot backup PATH / restore PATH: a round trip gives the data back, on either backend."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from storage.actor import Actor
from storage.customers import CustomerRepo
from storage.engine import create_engine, session_factory
from storage.migrate import upgrade
from storage.models import Customer
from storage.teams import register_member
from tests.conftest import TEST_DATABASE_URL


def salesbot(*args: str, url: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env=env,
        cwd=str(cwd),
        capture_output=True,
        text=True,
        check=False,
    )


async def names(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session:
            return list(await session.scalars(select(Customer.name).order_by(Customer.name)))
    finally:
        await engine.dispose()


async def test_backup_and_restore_round_trip(tmp_path: Path) -> None:
    url = TEST_DATABASE_URL or f"sqlite+aiosqlite:///{tmp_path / 'live.db'}"
    if TEST_DATABASE_URL and subprocess.run(["which", "pg_dump"], capture_output=True).returncode:
        pytest.skip("pg_dump is not installed")
    engine = create_engine(url)
    if TEST_DATABASE_URL:
        from tests.conftest import _reset_postgres

        await _reset_postgres(engine)
    await upgrade(engine)
    async with session_factory(engine)() as session:
        member = await register_member(
            session,
            telegram_user_id=1,
            chat_id=1,
            name="王磊",
            username=None,
            language="zh_Hans",
            timezone="Asia/Shanghai",
        )
        repo = CustomerRepo(session, Actor.of(member))
        await repo.create("华东电力设计院")
        await repo.create("上海建工集团")
        await session.commit()
    target = tmp_path / "backups" / "salesbot.backup"
    done = salesbot("backup", str(target), url=url, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert target.stat().st_size > 0

    async with session_factory(engine)() as session:  # a disaster
        await session.execute(delete(Customer))
        await session.commit()
    await engine.dispose()
    assert await names(url) == []

    done = salesbot("restore", str(target), url=url, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert await names(url) == ["上海建工集团", "华东电力设计院"]


def test_a_missing_backup_file_is_one_clear_line(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'live.db'}"
    done = salesbot("restore", str(tmp_path / "nope.db"), url=url, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.strip() == f"salesbot: restore failed: {tmp_path / 'nope.db'} does not exist"
