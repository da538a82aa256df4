"""The visit cycle of the regulations: a team's working-day calendar, and the 会谈纪要 due
within two working days of every face-to-face meeting (DESIGN.md, "The practice the bot
supports").

A visit or a meal opens its 纪要 task the moment it is recorded, whichever way it came (a
check-in, a guided visit, a one-line capture, a button): a flush listener sees the new
interaction, so no handler has to remember. A guided visit whose answers already make a
summary (MINUTES_MIN_CHARS or more) counts as the 纪要 itself, written on time.

This module holds the models and the listener only; the queries are in storage/minutes.py.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    Boolean,
    Date,
    Enum,
    ForeignKey,
    Index,
    String,
    Text,
    event,
    insert,
    select,
    update,
)
from sqlalchemy import text as sql
from sqlalchemy.orm import Mapped, Session, mapped_column

from parsing.workdays import WorkCalendar, Workweek, work_calendar
from storage.models import Base, Interaction, InteractionKind, Member, Timestamped, utcnow

# Meetings that need a 会谈纪要: face to face.
MEETINGS = frozenset({InteractionKind.VISIT, InteractionKind.MEAL})
# Working days the regulation gives for the summary.
MINUTES_WORKING_DAYS = 2
# A guided visit's topic and outcome together at least this long are a summary already.
MINUTES_MIN_CHARS = 30


def _values(kind: type[enum.StrEnum]) -> list[str]:
    return [member.value for member in kind]


class TeamCycle(Base):
    """A team's visit-cycle settings (one row per team; none means the defaults)."""

    __tablename__ = "team_cycle"

    team_id: Mapped[int] = mapped_column(
        ForeignKey("team.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    # Workweek.MAINLAND (the State Council's schedule with 调休) or Workweek.MON_FRI.
    workweek: Mapped[str] = mapped_column(String(16), default=Workweek.MAINLAND.value)
    plans_need_approval: Mapped[bool] = mapped_column(Boolean, default=True)


# The rows of the planner's partial indexes (below).
_OPEN = sql("written_at IS NULL")
_TO_LIST = sql("written_at IS NOT NULL AND reviewed_at IS NULL AND review_listed_on IS NULL")


class MeetingMinutes(Timestamped, Base):
    """The 会谈纪要 of one meeting: due, written (by whom and when), reviewed, commented."""

    __tablename__ = "meeting_minutes"
    __table_args__ = (
        # The planner's daily reads (storage/minutes.py), each through a partial index that
        # holds only the rows it looks for — a 纪要 is open for a few days and written for
        # ever after, so these stay small — and, for the open ones, every column the digest
        # needs (written_at too: SQLite uses a partial index as covering only then), so the
        # table's own pages are not read: the rep's open minutes, the team's overdue ones,
        Index(
            "ix_meeting_minutes_open_member",
            *("member_id", "due_on", "met_on", "customer_id", "kind", "written_at"),
            sqlite_where=_OPEN,
            postgresql_where=_OPEN,
        ),
        Index(
            "ix_meeting_minutes_open_team",
            *("team_id", "due_on", "met_on", "member_id", "customer_id", "kind", "written_at"),
            sqlite_where=_OPEN,
            postgresql_where=_OPEN,
        ),
        # and the written ones no review message has listed yet.
        Index(
            "ix_meeting_minutes_to_list",
            *("team_id", "written_at", "member_id"),
            sqlite_where=_TO_LIST,
            postgresql_where=_TO_LIST,
        ),
        # A team's minutes by the meeting's day (the team summary's columns).
        Index("ix_meeting_minutes_team_met", "team_id", "met_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interaction.id", ondelete="CASCADE"), unique=True
    )
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="CASCADE"))
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    # The meeting's kind, copied from the interaction (never changed after it is recorded):
    # the planner's daily reads then need not look up each meeting in the biggest table.
    kind: Mapped[InteractionKind] = mapped_column(
        Enum(InteractionKind, native_enum=False, length=16, values_callable=_values)
    )
    # The meeting's local day, and the last working day to write the summary.
    met_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    written_at: Mapped[datetime | None] = mapped_column()
    text: Mapped[str | None] = mapped_column(Text)
    # The local day of the manager's review message that listed it (listed once).
    review_listed_on: Mapped[date | None] = mapped_column(Date)
    reviewed_at: Mapped[datetime | None] = mapped_column()
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    comment: Mapped[str | None] = mapped_column(Text)
    commented_at: Mapped[datetime | None] = mapped_column()
    # The customer's copy: when it was sent, and when the customer confirmed receiving it.
    sent_to_customer_at: Mapped[datetime | None] = mapped_column()
    customer_confirmed_at: Mapped[datetime | None] = mapped_column()


class PlanStatus(enum.StrEnum):
    DRAFT = "draft"  # shown to the rep, not submitted yet
    PENDING = "pending"  # waiting for the manager
    APPROVED = "approved"
    COMMENTED = "commented"  # the manager answered with 💬 意见
    FILED = "filed"  # the team does not ask for approval (or a manager's own plan)
    CANCELLED = "cancelled"


class VisitPlan(Timestamped, Base):
    """A visit plan (《客户走访单》): customer, day, goal, who will be met, the manager's answer."""

    __tablename__ = "visit_plan"
    __table_args__ = (
        Index("ix_visit_plan_member_day", "member_id", "planned_for"),
        Index("ix_visit_plan_team_day", "team_id", "planned_for"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="CASCADE"))
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    planned_for: Mapped[date] = mapped_column(Date)
    planned_at: Mapped[datetime | None] = mapped_column()
    goal: Mapped[str] = mapped_column(Text)
    attendees: Mapped[str | None] = mapped_column(String(200))
    # The rep's whole sentence, kept beside what was read from it.
    note: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default=PlanStatus.DRAFT.value)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    decided_at: Mapped[datetime | None] = mapped_column()
    comment: Mapped[str | None] = mapped_column(Text)


class ArchiveReview(Timestamped, Base):
    """A new customer's archive in the manager's review: listed once, then ✅ 已审核 or 💬."""

    __tablename__ = "archive_review"

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="CASCADE"), index=True)
    listed_on: Mapped[date] = mapped_column(Date)
    reviewed_at: Mapped[datetime | None] = mapped_column()
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    comment: Mapped[str | None] = mapped_column(Text)


def due_on(calendar: WorkCalendar, met_on: date, logged_on: date) -> date:
    """Two working days after the meeting; a meeting recorded late still gets the next
    working day after it was recorded (it is shown late to nobody before it could be written)."""
    return max(calendar.add(met_on, MINUTES_WORKING_DAYS), calendar.add(logged_on, 1))


def summary_of(interaction: Interaction) -> str | None:
    """The guided answers as a summary when they are long enough to be one."""
    parts = [p.strip() for p in (interaction.summary, interaction.outcome) if p and p.strip()]
    if sum(len(p) for p in parts) < MINUTES_MIN_CHARS:
        return None
    return "\n".join(parts)


# -- the listener ----------------------------------------------------------------------------


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError):  # a zone this machine lacks: the product's default
        return ZoneInfo("Asia/Shanghai")


def _after_flush(session: Session, _context: Any) -> None:
    new = [o for o in session.new if isinstance(o, Interaction) and o.kind in MEETINGS]
    dirty = [
        o
        for o in session.dirty
        if isinstance(o, Interaction) and o.kind in MEETINGS and session.is_modified(o)
    ]
    if not new and not dirty:
        return
    connection = session.connection()
    now = utcnow()
    if new:
        members = {
            row.id: row
            for row in connection.execute(
                select(Member.id, Member.team_id, Member.timezone, TeamCycle.workweek)
                .outerjoin(TeamCycle, TeamCycle.team_id == Member.team_id)
                .where(Member.id.in_(sorted({o.member_id for o in new})))
            )
        }
        rows = []
        for interaction in new:
            member = members.get(interaction.member_id)
            if member is None:  # pragma: no cover - a foreign key guards this
                continue
            zone = _zone(member.timezone)
            met_on = interaction.occurred_at.astimezone(zone).date()
            logged_on = now.astimezone(zone).date()
            text = summary_of(interaction)
            rows.append(
                {
                    "interaction_id": interaction.id,
                    "member_id": interaction.member_id,
                    "team_id": member.team_id,
                    "customer_id": interaction.customer_id,
                    "kind": interaction.kind,
                    "met_on": met_on,
                    "due_on": due_on(work_calendar(member.workweek), met_on, logged_on),
                    "written_at": now if text else None,
                    "text": text,
                    "created_at": now,
                }
            )
        if rows:
            connection.execute(insert(MeetingMinutes), rows)
    for interaction in dirty:
        text = summary_of(interaction)
        if text:  # a guided visit finished after its check-in: its answers are the 纪要
            connection.execute(
                update(MeetingMinutes)
                .where(
                    MeetingMinutes.interaction_id == interaction.id,
                    MeetingMinutes.written_at.is_(None),
                )
                .values(written_at=now, text=text)
                .execution_options(synchronize_session=False)
            )


def install_minutes_opener() -> None:
    """Open a 纪要 task for every new visit or meal (idempotent)."""
    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "after_flush", _after_flush)


install_minutes_opener()

__all__ = [
    "MEETINGS",
    "MINUTES_MIN_CHARS",
    "MINUTES_WORKING_DAYS",
    "ArchiveReview",
    "MeetingMinutes",
    "PlanStatus",
    "TeamCycle",
    "VisitPlan",
    "due_on",
    "install_minutes_opener",
    "summary_of",
]
