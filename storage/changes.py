"""Archive updates that keep history: every changed value goes to the change log."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import String
from sqlalchemy.ext.asyncio import AsyncSession

from storage.actor import Actor
from storage.models import Base, ChangeLog


class _Clear:
    """Marks a field the member asked to empty (None means "not given" in `changes`)."""

    def __repr__(self) -> str:
        return "CLEAR"


CLEAR: Any = _Clear()


def length_limit(model: type[Base], field: str) -> int | None:
    """How many characters the column holds (None: unbounded, or not a text column).
    PostgreSQL refuses a longer value and SQLite would keep it, so callers check first."""
    column = model.__table__.c.get(field)
    if column is None or not isinstance(column.type, String):
        return None
    return column.type.length


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str | None
    new: str | None


def as_text(value: Any) -> str | None:
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def apply_changes(
    session: AsyncSession,
    actor: Actor,
    team_id: int,
    entity: Any,
    entity_name: str,
    changes: dict[str, Any],
) -> list[FieldChange]:
    """Set each field that differs and log old → new.

    None in `changes` means "not given"; CLEAR empties the field (and logs old → nothing).
    """
    applied: list[FieldChange] = []
    for field, new in changes.items():
        if new is None:
            continue
        old = getattr(entity, field)
        if new is CLEAR:
            new = [] if isinstance(old, list) else None
        if as_text(old) == as_text(new):
            continue
        setattr(entity, field, new)
        change = FieldChange(field, as_text(old), as_text(new))
        applied.append(change)
        session.add(
            ChangeLog(
                team_id=team_id,
                member_id=actor.member_id,
                entity=entity_name,
                entity_id=entity.id,
                field=field,
                old_value=change.old,
                new_value=change.new,
            )
        )
    return applied


def merged_list(old: list[str] | None, new: list[str]) -> list[str]:
    """Phones and the like accumulate: a new number is added, an old one is never dropped."""
    return list(dict.fromkeys([*(old or []), *new]))


def merged_text(old: str | None, new: list[str]) -> str | None:
    """Hobbies and the like, kept as 、-separated text: new items appended."""
    items = [item for item in (old or "").split("、") if item]
    for item in new:
        if item and item not in items:
            items.append(item)
    return "、".join(items) or None


# Deleted customers and contacts can be restored this long, then they are purged for good.
UNDO_WINDOW = timedelta(hours=24)


def still_undoable(deleted_at: datetime | None) -> bool:
    return deleted_at is not None and datetime.now(UTC) - deleted_at < UNDO_WINDOW
