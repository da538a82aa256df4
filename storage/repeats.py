"""Is this note one the rep saved already? A note sent twice (a resend, a double paste) would
otherwise make two visits, two identical follow-ups and two 纪要 due, and inflate the team's
counts. Capture asks before saving again; these say what it asks about."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import ColumnElement, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.actor import Actor
from storage.models import FollowUp, FollowUpStatus, Interaction

# A note saved longer ago than this is news again (the same words may be true twice).
REPEAT_WINDOW = timedelta(hours=24)


def folded(text: str) -> str:
    """The note with its whitespace trimmed and folded: a re-typed line break is no change."""
    return " ".join(text.split())


# Built once, their values bound when they run (a 保存 runs them on every press); a note
# kept as the rep's own reminder has no customer, hence the second form of each.
_RECORDS_SINCE = select(Interaction.note, Interaction.created_at).where(
    Interaction.member_id == bindparam("member_id"),
    Interaction.customer_id == bindparam("customer_id"),
    Interaction.created_at >= bindparam("since"),
    Interaction.note.is_not(None),
)


def _customer(own: bool) -> ColumnElement[bool]:
    """The customer's follow-ups, or (own) the rep's own reminders, which have none."""
    return (
        FollowUp.customer_id.is_(None) if own else FollowUp.customer_id == bindparam("customer_id")
    )


_NOTES_SINCE = {
    own: select(FollowUp.note, FollowUp.created_at).where(
        FollowUp.member_id == bindparam("member_id"),
        _customer(own),
        FollowUp.created_at >= bindparam("since"),
        FollowUp.note.is_not(None),
    )
    for own in (False, True)
}
_OPEN_LIKE = {
    own: select(FollowUp.due_date, FollowUp.due_at, FollowUp.text, FollowUp.created_at).where(
        FollowUp.member_id == bindparam("member_id"),
        _customer(own),
        FollowUp.status == FollowUpStatus.OPEN,
        FollowUp.due_date.in_(bindparam("days", expanding=True)),
    )
    for own in (False, True)
}


async def same_note_saved_at(
    session: AsyncSession, actor: Actor, customer_id: int | None, note: str, now: datetime
) -> datetime | None:
    """When the actor last saved `note` on this customer (None: as their own reminder) within
    REPEAT_WINDOW, else None. The note is kept on its visit, or on its follow-ups."""
    since = now.astimezone(UTC) - REPEAT_WINDOW
    params = {"member_id": actor.member_id, "customer_id": customer_id, "since": since}
    wanted = folded(note)
    found: list[datetime] = []
    if customer_id is not None:
        rows = await session.execute(_RECORDS_SINCE, params)
        found += [at for text, at in rows.all() if folded(text or "") == wanted]
    rows = await session.execute(_NOTES_SINCE[customer_id is None], params)
    found += [at for text, at in rows.all() if folded(text or "") == wanted]
    return max(found, default=None)


async def open_follow_up_like(
    session: AsyncSession,
    actor: Actor,
    customer_id: int | None,
    wanted: Sequence[tuple[date, datetime | None, str]],
) -> datetime | None:
    """When the actor saved an open follow-up identical to one of `wanted` (the same customer,
    due day and hour, and words), else None."""
    if not wanted:
        return None
    days = sorted({day for day, _at, _text in wanted})
    params = {"member_id": actor.member_id, "customer_id": customer_id, "days": days}
    rows = await session.execute(_OPEN_LIKE[customer_id is None], params)
    keys = {(day, at.astimezone(UTC) if at else None, folded(text)) for day, at, text in wanted}
    found = [
        created
        for day, at, text, created in rows.all()
        if (day, at.astimezone(UTC) if at else None, folded(text)) in keys
    ]
    return max(found, default=None)
