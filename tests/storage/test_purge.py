"""Deleted customers and contacts: undoable for 24 hours, then purged for good."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import time_machine
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.actor import Actor
from storage.contacts import ContactRepo
from storage.customers import CustomerRepo, purge_expired
from storage.models import Contact, Customer
from storage.teams import register_member

DELETED_AT = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


async def count(session: AsyncSession, model: type) -> int:
    return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_undo_within_the_window_purge_after_it(session: AsyncSession) -> None:
    member = await register_member(
        session,
        telegram_user_id=1,
        chat_id=1,
        name="王磊",
        username=None,
        language="zh_Hans",
        timezone="Asia/Shanghai",
    )
    customers = CustomerRepo(session, Actor.of(member))
    contacts = ContactRepo(session, Actor.of(member))
    kept = await customers.create("华东电力设计院")
    gone = await customers.create("上海建工集团")
    contact = await contacts.create(kept, name="王建国")
    with time_machine.travel(DELETED_AT, tick=False):
        await customers.delete(gone)
        await contacts.delete(contact)
    await session.flush()

    with time_machine.travel(DELETED_AT + timedelta(hours=23), tick=False):
        assert await purge_expired(session, datetime.now(UTC)) == 0
        assert await contacts.restore(contact.id) is not None  # still in the window
        await contacts.delete(contact)
    await session.flush()

    with time_machine.travel(DELETED_AT + timedelta(hours=25), tick=False):
        assert await customers.restore(gone.id) is None  # the window is over
        assert await purge_expired(session, datetime.now(UTC)) == 1  # the customer
    with time_machine.travel(DELETED_AT + timedelta(hours=48), tick=False):
        assert await purge_expired(session, datetime.now(UTC)) == 1  # the contact, deleted later
    await session.flush()
    assert await count(session, Customer) == 1 and await count(session, Contact) == 0
