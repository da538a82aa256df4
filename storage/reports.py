"""Team summaries for managers: exact counts per member over a period, a few grouped queries.

Every query is bounded by the team's member ids and an index: interactions by
`(member_id, occurred_at)`, follow-ups by `(member_id, status, due_date)`, customers by team.
Counts are plain numbers the handlers render; nothing here knows Telegram or a language
(the birthday-greeting summaries to count are passed in as LIKE patterns).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.actor import Actor, NotAllowed
from storage.models import (
    AuditLog,
    Contact,
    Customer,
    CustomerStatus,
    FollowUp,
    FollowUpStatus,
    Grade,
    Interaction,
    InteractionKind,
    Member,
    Role,
    Team,
)
from storage.outbox import NewPush
from storage.push_items import WeeklyPayload

PERIODS = ("today", "week", "month", "lastweek")
TREND_WEEKS = 8
# Contacts counted as "visits": meeting in person (a meal is a visit too).
VISIT_KINDS = (InteractionKind.VISIT, InteractionKind.MEAL)
WEEKLY_KIND = "weekly"
WEEKLY_GROUP_KIND = "weekly_group"
WEEKLY_AT = time(9, 0)


@dataclass(frozen=True)
class Period:
    key: str
    first: date  # first local day
    last: date  # last local day (inclusive)
    start: datetime  # UTC, inclusive
    end: datetime  # UTC, exclusive


def period(key: str, today: date, timezone: str) -> Period:
    """today / week (Monday → today) / month (1st → today) / lastweek (Monday → Sunday)."""
    monday = today - timedelta(days=today.weekday())
    if key == "today":
        first, last = today, today
    elif key == "week":
        first, last = monday, today
    elif key == "month":
        first, last = today.replace(day=1), today
    elif key == "lastweek":
        first, last = monday - timedelta(days=7), monday - timedelta(days=1)
    else:
        raise ValueError(key)
    return Period(
        key,
        first,
        last,
        local_start(first, timezone),
        local_start(last + timedelta(days=1), timezone),
    )


def local_start(day: date, timezone: str) -> datetime:
    return datetime.combine(day, time(0), ZoneInfo(timezone)).astimezone(UTC)


@dataclass
class RepStats:
    """One member's numbers over a period (snapshot counts are as of now)."""

    visits: int = 0
    calls: int = 0
    wechats: int = 0
    new_customers: int = 0
    new_contacts: int = 0
    follow_ups_done: int = 0
    follow_ups_overdue: int = 0  # snapshot: open and due before today
    a_past_cadence: int = 0  # snapshot: A-grade customers not contacted within the cadence
    birthdays_greeted: int = 0

    @property
    def contacts(self) -> int:
        return self.visits + self.calls + self.wechats

    def add(self, other: RepStats) -> None:
        for item in fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))


@dataclass
class RepLine:
    member_id: int
    name: str
    role: Role
    stats: RepStats
    # Removed from the team: their work of the period stays theirs, shown as 王磊(已离队).
    former: bool = False
    # Joined the team after the period ended: nothing of it was theirs to do.
    joined_after: bool = False


@dataclass
class TeamSummary:
    team: Team
    period: Period
    reps: list[RepLine] = field(default_factory=list)

    @property
    def total(self) -> RepStats:
        total = RepStats()
        for line in self.reps:
            total.add(line.stats)
        return total


def _require_manager(actor: Actor) -> None:
    if not actor.is_manager:
        raise NotAllowed("managers only")


async def active_members(session: AsyncSession, team_id: int) -> list[Member]:
    rows = await session.scalars(
        select(Member)
        .where(Member.team_id == team_id, Member.active.is_(True))
        .order_by(Member.role, Member.id)
    )
    return list(rows)


async def former_member_ids(session: AsyncSession, team_id: int) -> list[int]:
    """Members removed from the team (its audit log says so) and not back in it: the work
    they did while in it still counts, under their name."""
    removed = select(AuditLog.subject_id).where(
        AuditLog.team_id == team_id, AuditLog.action == "member.remove"
    )
    rows = await session.scalars(
        select(Member.id).where(Member.id.in_(removed), Member.team_id != team_id)
    )
    return sorted(rows)


def _live_team_customer(team_id: int) -> list[ColumnElement[bool]]:
    return [Customer.team_id == team_id, Customer.deleted_at.is_(None)]


def _deleted_customers(team_id: int) -> Any:
    """The team's deleted customers (few): their interactions are not counted."""
    return select(Customer.id).where(Customer.team_id == team_id, Customer.deleted_at.is_not(None))


def _joined_team_customer(team_id: int) -> list[ColumnElement[bool]]:
    """The same filter for a customer joined to interactions. `team_id + 0` keeps SQLite from
    driving the join from the customer's team index (every customer of the team, then all
    their interactions: 50× slower); the interactions' (member_id, occurred_at) index leads."""
    return [(Customer.team_id + 0) == team_id, Customer.deleted_at.is_(None)]


async def team_summary(
    session: AsyncSession,
    actor: Actor,
    key: str,
    now: datetime,
    timezone: str,
    greeting_patterns: Sequence[str] = (),
) -> TeamSummary:
    """Per member of the actor's team: the period's activity and today's open problems."""
    _require_manager(actor)
    team = await session.get_one(Team, actor.team_id)
    today = now.astimezone(ZoneInfo(timezone)).date()
    span = period(key, today, timezone)
    members = await active_members(session, team.id)
    former = await former_member_ids(session, team.id)
    ids = [m.id for m in members] + former
    stats = {member_id: RepStats() for member_id in ids}
    live = _live_team_customer(team.id)

    greeted = (
        case((or_(*(Interaction.summary.like(p) for p in greeting_patterns)), 1), else_=0)
        if greeting_patterns
        else None
    )
    columns: list[Any] = [Interaction.member_id, Interaction.kind, func.count()]
    if greeted is not None:
        columns.append(func.sum(greeted))
    interactions = (
        select(*columns)
        .join(Customer, Customer.id == Interaction.customer_id)
        .where(
            Interaction.member_id.in_(ids),
            Interaction.occurred_at >= span.start,
            Interaction.occurred_at < span.end,
            *_joined_team_customer(team.id),
        )
        .group_by(Interaction.member_id, Interaction.kind)
    )
    rows: list[Any] = list((await session.execute(interactions)).all())
    for row in rows:
        member_id, kind, count = row[0], row[1], int(row[2])
        line = stats[member_id]
        if kind in VISIT_KINDS:
            line.visits += count
        elif kind == InteractionKind.CALL:
            line.calls += count
        elif kind == InteractionKind.WECHAT:
            line.wechats += count
        if greeted is not None:
            line.birthdays_greeted += int(row[3] or 0)

    await _count_into(
        session,
        stats,
        "new_customers",
        select(Customer.created_by_id, func.count())
        .where(
            Customer.created_by_id.in_(ids),
            Customer.created_at >= span.start,
            Customer.created_at < span.end,
            *live,
        )
        .group_by(Customer.created_by_id),
    )
    # Credited to whoever added the person (older rows without one: the customer's owner).
    added_by = func.coalesce(Contact.created_by_id, Customer.owner_id)
    await _count_into(
        session,
        stats,
        "new_contacts",
        select(added_by, func.count())
        .select_from(Contact)
        .join(Customer, Customer.id == Contact.customer_id)
        .where(
            Contact.created_at >= span.start,
            Contact.created_at < span.end,
            Contact.deleted_at.is_(None),
            added_by.in_(ids),
            *live,
        )
        .group_by(added_by),
    )
    await _count_into(
        session,
        stats,
        "follow_ups_done",
        select(FollowUp.member_id, func.count())
        .where(
            FollowUp.member_id.in_(ids),
            FollowUp.status == FollowUpStatus.DONE,
            FollowUp.done_at >= span.start,
            FollowUp.done_at < span.end,
        )
        .group_by(FollowUp.member_id),
    )
    await _count_into(
        session,
        stats,
        "follow_ups_overdue",
        # A reminder saved without a customer is the rep's own: no manager counts it.
        select(FollowUp.member_id, func.count())
        .join(Customer, Customer.id == FollowUp.customer_id)
        .where(
            FollowUp.member_id.in_(ids),
            FollowUp.status == FollowUpStatus.OPEN,
            FollowUp.due_date < today,
            Customer.deleted_at.is_(None),
        )
        .group_by(FollowUp.member_id),
    )
    await _count_into(
        session,
        stats,
        "a_past_cadence",
        select(Customer.owner_id, func.count())
        .where(_past_cadence(team, now), Customer.owner_id.in_(ids))
        .group_by(Customer.owner_id),
    )
    summary = TeamSummary(team, span)
    summary.reps = [
        RepLine(m.id, m.name, m.role, stats[m.id], joined_after=m.joined_team_at >= span.end)
        for m in members
    ]
    # Those who left are listed for a period in which they did something.
    for left in await session.scalars(select(Member).where(Member.id.in_(former))):
        if _did_something(stats[left.id]):
            summary.reps.append(RepLine(left.id, left.name, Role.REP, stats[left.id], True))
    return summary


def _did_something(stats: RepStats) -> bool:
    return any(getattr(stats, item.name) for item in fields(stats))


async def _count_into(
    session: AsyncSession, stats: dict[int, RepStats], name: str, query: Any
) -> None:
    for member_id, count in (await session.execute(query)).all():
        if member_id in stats:
            setattr(stats[member_id], name, int(count))


def _past_cadence(team: Team, now: datetime) -> ColumnElement[bool]:
    """A-grade, live customers of the team whose last contact (or assignment, if never
    contacted) is older than the team's A cadence — the planner's "该拜访了" rule."""
    before = now - timedelta(days=team.cadence_a_days)
    return and_(
        *_live_team_customer(team.id),
        Customer.grade == Grade.A,
        Customer.status != CustomerStatus.LOST,
        func.coalesce(Customer.last_contact_at, Customer.assigned_at) < before,
    )


@dataclass(frozen=True)
class NeglectedCustomer:
    id: int
    name: str
    owner: str
    days: int | None  # None: never contacted


async def neglected_a_customers(
    session: AsyncSession, actor: Actor, now: datetime, limit: int = 30
) -> tuple[list[NeglectedCustomer], int]:
    """A-grade customers nobody contacted within the cadence, longest first; and how many."""
    _require_manager(actor)
    team = await session.get_one(Team, actor.team_id)
    condition = _past_cadence(team, now)
    total = int(await session.scalar(select(func.count()).where(condition)) or 0)
    since = func.coalesce(Customer.last_contact_at, Customer.assigned_at)
    rows = await session.execute(
        select(Customer.id, Customer.name, Member.name, Customer.last_contact_at)
        .join(Member, Member.id == Customer.owner_id)
        .where(condition)
        .order_by(since, Customer.id)
        .limit(limit)
    )
    found = [
        NeglectedCustomer(cid, name, owner, (now - last).days if last is not None else None)
        for cid, name, owner, last in rows.all()
    ]
    return found, total


async def weekly_trend(
    session: AsyncSession, actor: Actor, today: date, timezone: str, weeks: int = TREND_WEEKS
) -> list[tuple[date, dict[InteractionKind, int]]]:
    """The team's interactions per kind for each of the last `weeks` weeks (this one last)."""
    _require_manager(actor)
    monday = today - timedelta(days=today.weekday())
    mondays = [monday - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    edges = [local_start(m, timezone) for m in [*mondays, monday + timedelta(weeks=1)]]
    ids = select(Member.id).where(Member.team_id == actor.team_id)
    former = await former_member_ids(session, actor.team_id)
    buckets = [
        func.sum(
            case(
                (
                    and_(
                        Interaction.occurred_at >= edges[i], Interaction.occurred_at < edges[i + 1]
                    ),
                    1,
                ),
                else_=0,
            )
        )
        for i in range(weeks)
    ]
    member_ids = [*await session.scalars(ids), *former]
    rows = await session.execute(
        select(Interaction.kind, *buckets)
        .where(
            Interaction.member_id.in_(member_ids),
            Interaction.occurred_at >= edges[0],
            Interaction.occurred_at < edges[-1],
            Interaction.customer_id.not_in(_deleted_customers(actor.team_id)),
        )
        .group_by(Interaction.kind)
    )
    result: list[tuple[date, dict[InteractionKind, int]]] = [(m, {}) for m in mondays]
    for row in rows.all():
        kind = InteractionKind(row[0])
        for i in range(weeks):
            result[i][1][kind] = int(row[i + 1] or 0)
    return result


@dataclass(frozen=True)
class RecentInteraction:
    customer_id: int
    customer_name: str
    kind: InteractionKind
    occurred_at: datetime
    summary: str | None
    timed: bool = True  # False: only the day was said
    note: str | None = None  # the rep's own words, for a record with no headline


@dataclass(frozen=True)
class OverdueFollowUp:
    customer_id: int | None
    customer_name: str | None
    due_date: date
    text: str


async def rep_activity(
    session: AsyncSession, actor: Actor, member_id: int, today: date, limit: int = 10
) -> tuple[Member, list[RecentInteraction], list[OverdueFollowUp]]:
    """A teammate's latest interactions and overdue follow-ups (managers only)."""
    _require_manager(actor)
    member = await session.get(Member, member_id)
    if member is None or member.team_id != actor.team_id or not member.active:
        raise NotAllowed("not in team")
    rows = await session.execute(
        select(
            Customer.id,
            Customer.name,
            Interaction.kind,
            Interaction.occurred_at,
            Interaction.summary,
            Interaction.timed,
            Interaction.note,
        )
        .join(Customer, Customer.id == Interaction.customer_id)
        .where(Interaction.member_id == member.id, *_joined_team_customer(actor.team_id))
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        .limit(limit)
    )
    recent = [RecentInteraction(*row) for row in rows.all()]
    # Only follow-ups on customers: a reminder saved without one is the rep's own.
    overdue_rows = await session.execute(
        select(Customer.id, Customer.name, FollowUp.due_date, FollowUp.text)
        .join(Customer, Customer.id == FollowUp.customer_id)
        .where(
            FollowUp.member_id == member.id,
            FollowUp.status == FollowUpStatus.OPEN,
            FollowUp.due_date < today,
            Customer.deleted_at.is_(None),
        )
        .order_by(FollowUp.due_date, FollowUp.id)
        .limit(limit)
    )
    overdue = [OverdueFollowUp(*row) for row in overdue_rows.all()]
    return member, recent, overdue


# -- the weekly report through the outbox ------------------------------------------------------


async def weekly_report_pushes(session: AsyncSession, now: datetime) -> list[NewPush]:
    """Monday 09:00 in each manager's zone: last week's report to every manager of a real team,
    and once to the team's bound group chat. Idempotent by dedupe key; cheap on other days (one
    indexed read of the managers). The planner calls this on every run and enqueues the result."""
    managers = (
        await session.execute(
            select(Member, Team)
            .join(Team, Team.id == Member.team_id)
            .where(
                Member.role == Role.MANAGER,
                Member.active.is_(True),
                Team.personal.is_(False),
            )
            .order_by(Member.id)
        )
    ).all()
    pushes: list[NewPush] = []
    grouped: set[int] = set()
    for manager, team in managers:
        zone = ZoneInfo(manager.timezone)
        local = now.astimezone(zone)
        if local.weekday() != 0 or local.time() < WEEKLY_AT:
            continue
        monday = local.date()
        due = datetime.combine(monday, WEEKLY_AT, zone).astimezone(UTC)
        expires = local_start(monday + timedelta(days=1), manager.timezone)
        week = (monday - timedelta(days=7)).isoformat()
        payload = WeeklyPayload(team_id=team.id, week=week)
        pushes.append(
            NewPush(
                manager.id,
                WEEKLY_KIND,
                week,
                due,
                f"weekly:{manager.id}:{monday.isoformat()}",
                payload,
                expires,
            )
        )
        if team.group_chat_id is not None and team.id not in grouped:
            grouped.add(team.id)
            pushes.append(
                NewPush(
                    manager.id,
                    WEEKLY_GROUP_KIND,
                    week,
                    due,
                    f"weekly-group:{team.id}:{monday.isoformat()}",
                    WeeklyPayload(team_id=team.id, week=week, chat_id=team.group_chat_id),
                    expires,
                )
            )
    return pushes
