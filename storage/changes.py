"""Archive updates that keep history: every changed value goes to the change log."""

from __future__ import annotations

import enum
import re
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


# Columns that follow from others (a birthday's next occurrence): set, never logged or said.
# Kept beside what was typed, never logged on their own (a record's timed goes with its time).
DERIVED_FIELDS = frozenset({"birthday_next", "timed"})
# The columns of one birthday, logged together as one "birthday" row: 3月8日 → 农历三月初八.
BIRTHDAY_FIELDS = ("birthday_month", "birthday_day", "birthday_year", "birthday_lunar",
                   "birthday_leap")  # fmt: skip
# A family member's birthday is logged on the contact as "family:<relation>" (family:儿子).
FAMILY_FIELD = "family:"
_LOGGED_BIRTHDAY = re.compile(r"^(L?)(!?)(\d{1,2})-(\d{1,2})(?:/(\d{4}))?$")


@dataclass(frozen=True)
class LoggedBirthday:
    """A whole birthday as the change log keeps it (L!3-8/1985: lunar, leap, year), so a
    history line says it in the reader's language."""

    month: int
    day: int
    lunar: bool = False
    leap: bool = False
    year: int | None = None

    @classmethod
    def of(cls, row: Any) -> LoggedBirthday | None:
        """The birthday in a contact's or a family member's columns, if it has one."""
        if not row.birthday_month or not row.birthday_day:
            return None
        return cls(
            row.birthday_month,
            row.birthday_day,
            bool(row.birthday_lunar),
            bool(row.birthday_leap),
            row.birthday_year,
        )

    def logged(self) -> str:
        lunar, leap = "L" if self.lunar else "", "!" if self.leap else ""
        return f"{lunar}{leap}{self.month}-{self.day}" + (f"/{self.year}" if self.year else "")

    @classmethod
    def read(cls, value: str | None) -> LoggedBirthday | None:
        found = _LOGGED_BIRTHDAY.match(value or "")
        if found is None:
            return None
        lunar, leap, month, day, year = found.groups()
        return cls(int(month), int(day), bool(lunar), bool(leap), int(year) if year else None)


def logged_birthday(row: Any) -> str | None:
    born = LoggedBirthday.of(row)
    return born.logged() if born else None


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
    """Set each field that differs, log old → new, and return what was logged: the change as
    the save echo and 🕘 修改记录 both say it (a birthday whole, one "birthday" change).

    None in `changes` means "not given"; CLEAR empties the field (and logs old → nothing).
    """
    applied: list[FieldChange] = []
    born_before = logged_birthday(entity) if hasattr(entity, "birthday_month") else None
    for field, new in changes.items():
        if new is None:
            continue
        old = getattr(entity, field)
        if new is CLEAR:
            new = [] if isinstance(old, list) else None
        if as_text(old) == as_text(new):
            continue
        setattr(entity, field, new)
        applied.append(FieldChange(field, as_text(old), as_text(new)))
    logged = [c for c in applied if c.field not in DERIVED_FIELDS | set(BIRTHDAY_FIELDS)]
    if any(change.field in BIRTHDAY_FIELDS for change in applied):
        born = FieldChange("birthday", born_before, logged_birthday(entity))
        if born.old or born.new:
            logged += [born] if born.old != born.new else []
        else:  # no day on either side: a year of birth alone (85年的), said as it is
            logged += [c for c in applied if c.field == "birthday_year"]
    for change in logged:
        log_change(session, actor, team_id, entity_name, entity.id, change)
    return logged


def log_change(
    session: AsyncSession,
    actor: Actor,
    team_id: int,
    entity_name: str,
    entity_id: int,
    change: FieldChange,
) -> None:
    session.add(
        ChangeLog(
            team_id=team_id,
            member_id=actor.member_id,
            entity=entity_name,
            entity_id=entity_id,
            field=change.field,
            old_value=change.old,
            new_value=change.new,
        )
    )


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
