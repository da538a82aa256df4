"""The reminder outbox: every push is one row, planned once and sent once.

Planning is idempotent on `dedupe_key` (INSERT … ON CONFLICT DO NOTHING in the dialect's
own spelling), so the planner may run as often as data changes. Sending claims rows first:
on PostgreSQL with SELECT … FOR UPDATE SKIP LOCKED and a lease, on SQLite with one
conditional UPDATE (SQLite serialises writers, so the condition is the lock).

The window between "sent" and "marked": a row is marked sent in its own short transaction
right after Telegram accepted the message. If the process dies between the two, the row stays
claimed until its lease runs out and is then sent again: one duplicate at most, only after a
crash. A normal stop waits for the running dispatch pass and releases what it had claimed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Member, OutboxStatus, ReminderOutbox
from storage.once import insert_once

LEASE = timedelta(seconds=60)
INSERT_BATCH = 500


@dataclass
class NewPush:
    """A push the planner wants sent: one future outbox row."""

    member_id: int
    kind: str
    subject: str
    due_at: datetime
    dedupe_key: str
    # One of storage/push_items.py's payloads (the team pushes' are storage/reports.py's).
    payload: Mapping[str, Any] = field(default_factory=dict)
    expires_at: datetime | None = None

    def row(self) -> dict[str, Any]:
        return {
            "member_id": self.member_id,
            "kind": self.kind,
            "subject": self.subject[:200],
            "due_at": self.due_at,
            "dedupe_key": self.dedupe_key[:200],
            "payload": self.payload,
            "expires_at": self.expires_at,
            "status": OutboxStatus.PENDING,
            "attempts": 0,
        }


def _dialect(session: AsyncSession) -> str:
    return session.get_bind().dialect.name


async def enqueue(session: AsyncSession, pushes: Iterable[NewPush]) -> int:
    """Insert the pushes whose dedupe key is new; the others are left alone. Returns how many
    rows were offered (the dialects do not all report what ON CONFLICT skipped)."""
    rows = [push.row() for push in pushes]
    if not rows:
        return 0
    statement = insert_once(session, ReminderOutbox, ["dedupe_key"])
    # render_nulls: a None (expires_at) stays in the row instead of being left out, so every
    # row has the same columns and a batch goes to the driver as one executemany; rows of
    # mixed shapes went one statement each (11,400 for a day of 10,000 reps).
    for start in range(0, len(rows), INSERT_BATCH):
        await session.execute(
            statement, rows[start : start + INSERT_BATCH], execution_options={"render_nulls": True}
        )
    return len(rows)


def _claimable(now: datetime) -> Any:
    return or_(
        and_(ReminderOutbox.status == OutboxStatus.PENDING, ReminderOutbox.due_at <= now),
        and_(ReminderOutbox.status == OutboxStatus.CLAIMED, ReminderOutbox.lease_until < now),
    )


async def claim_due(
    session: AsyncSession, now: datetime, worker: str, limit: int = 100, lease: timedelta = LEASE
) -> list[ReminderOutbox]:
    """Claim up to `limit` rows that are due (or whose lease ran out), oldest first."""
    candidates = (
        select(ReminderOutbox.id)
        .where(_claimable(now))
        .order_by(ReminderOutbox.due_at, ReminderOutbox.id)
        .limit(limit)
    )
    if _dialect(session) == "postgresql":
        # Lock first, then update exactly those: an UPDATE … IN (subquery … SKIP LOCKED) may
        # run its subquery more than once and take more than `limit` rows.
        ids = list((await session.scalars(candidates.with_for_update(skip_locked=True))).all())
        if not ids:
            return []
        chosen: Any = ReminderOutbox.id.in_(ids)
    else:
        chosen = ReminderOutbox.id.in_(candidates.scalar_subquery())
    statement = (
        update(ReminderOutbox)
        .where(chosen, _claimable(now))
        .values(status=OutboxStatus.CLAIMED, claimed_by=worker, lease_until=now + lease)
        .returning(ReminderOutbox)
        .execution_options(synchronize_session=False)
    )
    rows = list((await session.scalars(statement)).all())
    rows.sort(key=lambda row: (row.due_at, row.id))
    return rows


async def mark_sent(
    session: AsyncSession, row_id: int, worker: str, now: datetime, message_id: int | None
) -> None:
    await session.execute(
        update(ReminderOutbox)
        .where(ReminderOutbox.id == row_id, ReminderOutbox.claimed_by == worker)
        .values(
            status=OutboxStatus.SENT,
            sent_at=now,
            message_id=message_id,
            attempts=ReminderOutbox.attempts + 1,
            lease_until=None,
            last_error=None,
        )
    )


async def retry_later(
    session: AsyncSession, row_id: int, due_at: datetime, error: str | None, *, count: bool = True
) -> None:
    """Back to pending at `due_at` (a retry after an error, or a wait for quiet hours)."""
    values: dict[str, Any] = {
        "status": OutboxStatus.PENDING,
        "due_at": due_at,
        "claimed_by": None,
        "lease_until": None,
    }
    if error is not None:
        values["last_error"] = error[:1000]
    if count:
        values["attempts"] = ReminderOutbox.attempts + 1
    await session.execute(update(ReminderOutbox).where(ReminderOutbox.id == row_id).values(values))


async def set_payload(session: AsyncSession, row_id: int, payload: Mapping[str, Any]) -> None:
    """A claimed row's payload as it is sent (a digest without lines that go out alone)."""
    await session.execute(
        update(ReminderOutbox).where(ReminderOutbox.id == row_id).values(payload=dict(payload))
    )


async def release(session: AsyncSession, row_ids: Sequence[int]) -> None:
    """Give claimed rows back untouched (a per-chat wait, or a normal stop)."""
    if not row_ids:
        return
    await session.execute(
        update(ReminderOutbox)
        .where(ReminderOutbox.id.in_(row_ids), ReminderOutbox.status == OutboxStatus.CLAIMED)
        .values(status=OutboxStatus.PENDING, claimed_by=None, lease_until=None)
    )


async def release_worker(session: AsyncSession, worker: str) -> None:
    await session.execute(
        update(ReminderOutbox)
        .where(ReminderOutbox.claimed_by == worker, ReminderOutbox.status == OutboxStatus.CLAIMED)
        .values(status=OutboxStatus.PENDING, claimed_by=None, lease_until=None)
    )


async def finish(
    session: AsyncSession, row_id: int, status: OutboxStatus, error: str, *, attempt: bool = True
) -> None:
    """End a row as failed (with its error) or cancelled (with the reason)."""
    values: dict[str, Any] = {
        "status": status,
        "last_error": error[:1000],
        "lease_until": None,
    }
    if attempt:
        values["attempts"] = ReminderOutbox.attempts + 1
    await session.execute(update(ReminderOutbox).where(ReminderOutbox.id == row_id).values(values))


async def stop_member(session: AsyncSession, member_id: int, reason: str) -> None:
    """The member blocked the bot: mark them inactive and cancel what waits for them."""
    await session.execute(update(Member).where(Member.id == member_id).values(active=False))
    await session.execute(
        update(ReminderOutbox)
        .where(
            ReminderOutbox.member_id == member_id,
            ReminderOutbox.status.in_([OutboxStatus.PENDING, OutboxStatus.CLAIMED]),
        )
        .values(status=OutboxStatus.CANCELLED, last_error=reason[:1000], lease_until=None)
    )


async def pending_for(session: AsyncSession, member_id: int) -> Sequence[ReminderOutbox]:
    rows = await session.scalars(
        select(ReminderOutbox)
        .where(
            ReminderOutbox.member_id == member_id,
            ReminderOutbox.status == OutboxStatus.PENDING,
        )
        .order_by(ReminderOutbox.due_at, ReminderOutbox.id)
    )
    return rows.all()


async def failed_in_teams(
    session: AsyncSession, team_ids: Sequence[int], since: datetime
) -> dict[int, list[tuple[ReminderOutbox, str]]]:
    """Pushes to the teams' members that ended failed since `since`, by team: the managers
    see them in their digest. Reads the (status, due_at) index."""
    found: dict[int, list[tuple[ReminderOutbox, str]]] = {}
    if not team_ids:
        return found
    rows = await session.execute(
        select(ReminderOutbox, Member.name, Member.team_id)
        .join(Member, Member.id == ReminderOutbox.member_id)
        .where(
            ReminderOutbox.status == OutboxStatus.FAILED,
            ReminderOutbox.due_at >= since,
            Member.team_id.in_(list(team_ids)),
        )
        .order_by(ReminderOutbox.due_at.desc())
    )
    for row, name, team_id in rows.all():
        found.setdefault(team_id, []).append((row, name))
    return found


async def get_row(session: AsyncSession, row_id: int, member_id: int) -> ReminderOutbox | None:
    row = await session.get(ReminderOutbox, row_id)
    return row if row is not None and row.member_id == member_id else None
