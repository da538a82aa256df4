"""Is this note one the rep saved already? A note sent twice (a resend, a double paste) would
otherwise make two visits, two identical follow-ups and two 纪要 due, and inflate the team's
counts. Capture asks before saving again; these say what it asks about."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.actor import Actor
from storage.models import FollowUp, FollowUpStatus, Interaction

# A note saved longer ago than this is news again (the same words may be true twice).
REPEAT_WINDOW = timedelta(hours=24)


def folded(text: str) -> str:
    """The note with its whitespace trimmed and folded: a re-typed line break is no change."""
    return " ".join(text.split())


async def same_note_saved_at(
    session: AsyncSession, actor: Actor, customer_id: int | None, note: str, now: datetime
) -> datetime | None:
    """When the actor last saved `note` on this customer (None: as their own reminder) within
    REPEAT_WINDOW, else None. The note is kept on its visit, or on its follow-ups."""
    since = now.astimezone(UTC) - REPEAT_WINDOW
    wanted = folded(note)
    found: list[datetime] = []
    if customer_id is not None:
        rows = await session.execute(
            select(Interaction.note, Interaction.created_at).where(
                Interaction.member_id == actor.member_id,
                Interaction.customer_id == customer_id,
                Interaction.created_at >= since,
                Interaction.note.is_not(None),
            )
        )
        found += [at for text, at in rows.all() if folded(text or "") == wanted]
    rows = await session.execute(
        select(FollowUp.note, FollowUp.created_at).where(
            FollowUp.member_id == actor.member_id,
            FollowUp.customer_id == customer_id
            if customer_id is not None
            else FollowUp.customer_id.is_(None),
            FollowUp.created_at >= since,
            FollowUp.note.is_not(None),
        )
    )
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
    rows = await session.execute(
        select(FollowUp.due_date, FollowUp.due_at, FollowUp.text, FollowUp.created_at).where(
            FollowUp.member_id == actor.member_id,
            FollowUp.customer_id == customer_id
            if customer_id is not None
            else FollowUp.customer_id.is_(None),
            FollowUp.status == FollowUpStatus.OPEN,
            FollowUp.due_date.in_({day for day, _at, _text in wanted}),
        )
    )
    keys = {(day, at.astimezone(UTC) if at else None, folded(text)) for day, at, text in wanted}
    found = [
        created
        for day, at, text, created in rows.all()
        if (day, at.astimezone(UTC) if at else None, folded(text)) in keys
    ]
    return max(found, default=None)
