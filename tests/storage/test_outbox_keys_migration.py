"""Migration 0015: pushes stored with one-letter keys ("t": "fu", "cid", "kid", "m", "d") read
the same after it, and go back unchanged when it is undone."""

import copy
import importlib.util
from datetime import UTC, date, datetime
from types import ModuleType
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from locales import translator
from scheduler.render import render
from storage.engine import session_factory
from storage.migrate import MIGRATIONS_DIR
from storage.models import Draft, ReminderOutbox
from storage.teams import register_member


def _migration() -> ModuleType:
    path = MIGRATIONS_DIR / "versions" / "0015_outbox_readable_keys.py"
    spec = importlib.util.spec_from_file_location("outbox_readable_keys", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# As the planner of 2026-12-01 wrote them.
OLD_DIGEST: dict[str, Any] = {
    "day": "2026-12-01",
    "sections": [
        {"name": "fu", "items": [{"t": "fu", "id": 7, "cid": 3, "cname": "华东电力设计院",
                                  "text": "跟进报价", "due": "2026-11-30", "at": None,
                                  "due_at": None}], "more": 0},
        {"name": "bd", "items": [{"t": "bd", "key": "c5", "cid": 3, "cname": "华东电力设计院",
                                  "kid": 5, "who": "王局长", "rel": None, "fname": None,
                                  "lunar": True, "m": 3, "d": 8, "leap": False, "year": None,
                                  "on": "2026-12-01"}], "more": 0},
        {"name": "fail", "items": [], "more": 0},
    ],
}  # fmt: skip
OLD_FESTIVAL: dict[str, Any] = {
    "key": "中秋",
    "on": "2026-12-04",
    "contacts": [{"cid": 3, "cname": "华东电力设计院", "who": "王局长"}],
    "more": 0,
}
OLD_SNAPSHOT: dict[str, Any] = {
    "t": "fu", "customer": 3, "member": 1, "due_date": "2026-12-01", "due_at": None,
    "text": "跟进报价", "note": None, "status": "open",
}  # fmt: skip


async def test_old_pushes_read_the_same_after_the_migration_and_go_back(
    engine: AsyncEngine,
) -> None:
    migration = _migration()
    now = datetime(2026, 12, 1, 0, 0, tzinfo=UTC)
    async with session_factory(engine)() as session:
        member = await register_member(session, telegram_user_id=1, chat_id=1, name="王磊",
                                       username=None, language="zh_Hans",
                                       timezone="Asia/Shanghai")  # fmt: skip
        for kind, payload in (("digest", OLD_DIGEST), ("festival", OLD_FESTIVAL)):
            session.add(ReminderOutbox(member_id=member.id, kind=kind, subject=kind, due_at=now,
                                       dedupe_key=kind, payload=copy.deepcopy(payload)))  # fmt: skip
        session.add(Draft(member_id=member.id, kind="deleted_record", payload=dict(OLD_SNAPSHOT)))
        await session.commit()

    async with engine.begin() as connection:
        await connection.run_sync(migration.upgrade_rows)

    async with session_factory(engine)() as session:
        digest, festival = (await session.scalars(select(ReminderOutbox).order_by("id"))).all()
        snapshot = await session.scalar(select(Draft.payload))
        _ = translator("zh_Hans")
        [message] = render(_, digest, date(2026, 12, 1))
        assert "1. 华东电力设计院 · 跟进报价(已逾期 1 天)" in message.text
        assert "2. 今天 王局长(华东电力设计院)生日:农历三月初八" in message.text
        assert message.markup is not None
        buttons = [b.callback_data for row in message.markup.inline_keyboard for b in row]
        assert buttons == ["rem:done:7", "rem:later:7", "cust:v:3",
                           f"rem:ok:{digest.id}:1", f"rem:later:{digest.id}:1", "cust:v:3"]  # fmt: skip
        assert digest.payload["sections"][1]["items"][0]["contact_id"] == 5
        assert "· 华东电力设计院 · 王局长" in render(_, festival, date(2026, 12, 1))[0].text
        assert snapshot is not None
        assert snapshot["record"] == "follow_up" and "t" not in snapshot

    async with engine.begin() as connection:
        await connection.run_sync(migration.downgrade_rows)
    async with session_factory(engine)() as session:
        payloads = (await session.scalars(select(ReminderOutbox.payload).order_by("id"))).all()
        assert list(payloads) == [OLD_DIGEST, OLD_FESTIVAL]
        assert await session.scalar(select(Draft.payload)) == OLD_SNAPSHOT
