"""The audit log: views of others' data, exports, assignments, deletions, team changes."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from storage.actor import Actor
from storage.models import AuditLog


def record(
    session: AsyncSession,
    actor: Actor,
    action: str,
    subject_type: str | None = None,
    subject_id: int | None = None,
    detail: str | None = None,
) -> None:
    session.add(
        AuditLog(
            team_id=actor.team_id,
            actor_id=actor.member_id,
            action=action,
            subject_type=subject_type,
            subject_id=subject_id,
            detail=detail,
        )
    )
